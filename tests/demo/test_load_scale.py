"""``manage.py load_scale``: generated articles, pictures, authors and topics in bulk, for
measurements at scale; the site works on what it loads."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from taggit.models import Tag

from articles.models import Article, Byline
from images.models import Image
from people.models import Author
from search.models import SearchDocument

pytestmark = pytest.mark.django_db


def test_it_loads_a_mix_of_articles_that_the_site_serves(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    out = StringIO()
    call_command(
        "load_scale",
        "--articles",
        "200",
        "--images",
        "20",
        "--authors",
        "5",
        "--tags",
        "10",
        "--batch",
        "50",
        stdout=out,
    )
    assert Article.objects.count() == 200
    assert Image.objects.count() == 20 and Author.objects.count() == 5
    assert Tag.objects.count() == 10
    public = Article.objects.public()
    assert 150 <= public.count() < 200, "mostly published, some scheduled or drafts"
    assert Article.objects.filter(status="scheduled").exists()
    assert Byline.objects.filter(article__in=public).count() >= public.count()
    assert SearchDocument.objects.count() == 200
    assert "200 articles indexed for search" in out.getvalue()
    article = public.first()
    for url in (
        "/",
        article.get_absolute_url(),
        article.section.get_absolute_url(),
        "/sitemap.xml",
        "/feeds/rss/",
    ):
        assert client.get(url).status_code == 200, url


def test_a_second_run_adds_more_and_nonsense_is_refused(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    for _ in range(2):
        call_command(
            "load_scale",
            "--articles",
            "10",
            "--images",
            "2",
            "--authors",
            "2",
            "--tags",
            "2",
            stdout=StringIO(),
        )
    assert Article.objects.count() == 20
    with pytest.raises(CommandError):
        call_command("load_scale", "--articles", "0", stdout=StringIO())
