"""/robots.txt."""

import pytest


@pytest.mark.django_db
def test_robots_txt_keeps_crawlers_out_of_admin_previews_and_search(client, settings):
    settings.ALLOWED_HOSTS = ["zeitung.example"]
    response = client.get("/robots.txt", HTTP_HOST="zeitung.example", secure=True)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().splitlines() == [
        "User-agent: *",
        # Before "Allow: /", for crawlers that take the first matching rule.
        "Disallow: /admin/",
        "Disallow: /vorschau/",
        "Disallow: /suche/",
        "Allow: /",
        "",
        "Sitemap: https://zeitung.example/sitemap.xml",
        "Sitemap: https://zeitung.example/news-sitemap.xml",
    ]


@pytest.mark.django_db
def test_robots_txt_sitemap_lines_point_to_the_sitemaps(client):
    lines = client.get("/robots.txt").content.decode().splitlines()
    sitemap_urls = [line.removeprefix("Sitemap: ") for line in lines if line.startswith("Sitemap:")]
    assert sitemap_urls == ["http://testserver/sitemap.xml", "http://testserver/news-sitemap.xml"]
    for url in sitemap_urls:
        assert client.get(url.removeprefix("http://testserver")).status_code == 200


@pytest.mark.django_db
def test_robots_txt_may_be_cached_for_a_day(client):
    assert client.get("/robots.txt")["Cache-Control"] == "max-age=86400"
