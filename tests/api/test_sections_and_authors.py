"""/api/v1/sections/ and /api/v1/authors/: small lists for partners."""

from datetime import timedelta

import pytest

from tests.helpers.api import (
    AUTHORS,
    NOW,
    SECTIONS,
    get_json,
    queries_for,
    rendition_list,
    rendition_size,
    rendition_url,
    results,
)
from tests.helpers.factories import (
    ArticleFactory,
    AuthorFactory,
    BylineFactory,
    ImageFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db

# A count and the page of authors with their photos joined: two queries, one spare.
MAX_AUTHOR_LIST_QUERIES = 3


# --- sections --------------------------------------------------------------------------------


def test_sections_are_listed_in_navigation_order(client):
    SectionFactory(name="Sport", slug="sport", position=3)
    SectionFactory(name="Politik", slug="politik", position=1)
    SectionFactory(name="Kultur", slug="kultur", position=3)

    data = get_json(client, SECTIONS)

    assert data["count"] == 3
    assert data["results"] == [
        {
            "name": "Politik",
            "slug": "politik",
            "url": "http://testserver/politik/",
            "articles_url": "http://testserver/api/v1/articles/?section=politik",
        },
        {
            "name": "Kultur",
            "slug": "kultur",
            "url": "http://testserver/kultur/",
            "articles_url": "http://testserver/api/v1/articles/?section=kultur",
        },
        {
            "name": "Sport",
            "slug": "sport",
            "url": "http://testserver/sport/",
            "articles_url": "http://testserver/api/v1/articles/?section=sport",
        },
    ]


def test_a_sections_articles_url_lists_its_articles(client):
    section = SectionFactory(slug="politik")
    article = ArticleFactory(section=section)
    ArticleFactory()
    (politik,) = [s for s in results(client, SECTIONS) if s["slug"] == "politik"]
    articles_url = politik["articles_url"]
    assert [a["id"] for a in get_json(client, articles_url)["results"]] == [article.pk]


def test_one_section_by_its_slug(client):
    SectionFactory(name="Politik", slug="politik")
    assert get_json(client, f"{SECTIONS}politik/") == {
        "name": "Politik",
        "slug": "politik",
        "url": "http://testserver/politik/",
        "articles_url": "http://testserver/api/v1/articles/?section=politik",
    }


@pytest.mark.parametrize("slug", ["gibt-es-nicht", "%00", "politik%2F", "Ä"])
def test_an_unknown_section_is_not_found(client, slug):
    SectionFactory(slug="politik")
    assert get_json(client, f"{SECTIONS}{slug}/", status=404) == {"detail": "Nicht gefunden."}


# --- authors ---------------------------------------------------------------------------------


def test_authors_are_those_with_a_public_article_by_name(client):
    zoe = AuthorFactory(name="Zoë Zander")
    anna = AuthorFactory(name="Anna Albers")
    only_drafts = AuthorFactory(name="Nur Entwürfe")
    only_scheduled = AuthorFactory(name="Nur Geplantes")
    AuthorFactory(name="Ohne Artikel")
    BylineFactory(author=zoe)
    BylineFactory(author=anna)
    BylineFactory(author=anna)  # Two articles: listed once.
    BylineFactory(author=only_drafts, article=ArticleFactory(draft=True))
    BylineFactory(author=only_scheduled, article=ArticleFactory(scheduled=True))
    BylineFactory(
        author=only_scheduled, article=ArticleFactory(depublish_at=NOW - timedelta(hours=1))
    )

    data = get_json(client, AUTHORS)

    assert data["count"] == 2
    assert [author["name"] for author in data["results"]] == ["Anna Albers", "Zoë Zander"]


def test_author_shows_role_bio_page_and_photo_with_credit(client):
    photo = ImageFactory(
        caption="Mara Muster",
        alt_text="Porträt von Mara Muster",
        credit_line="",
        photographer="Jana Beispiel",
    )
    mara = AuthorFactory(
        name="Mara Muster",
        slug="mara-muster",
        role_title="Redakteurin",
        bio="Schreibt über Stadtpolitik.",
        photo=photo,
    )
    BylineFactory(author=mara)

    (author,) = results(client, AUTHORS)

    assert author == {
        "name": "Mara Muster",
        "slug": "mara-muster",
        "role_title": "Redakteurin",
        "bio": "Schreibt über Stadtpolitik.",
        "url": "http://testserver/autor/mara-muster/",
        "photo": {
            "url": rendition_url(photo, "square"),
            "width": rendition_size(photo, "square")[0],
            "height": rendition_size(photo, "square")[1],
            "renditions": rendition_list(photo, "square"),
            "alt": "Porträt von Mara Muster",
            "caption": "Mara Muster",
            "credit": "Jana Beispiel",
            "credit_label": "Bild: Jana Beispiel",
        },
        "articles_url": "http://testserver/api/v1/articles/?author=mara-muster",
    }
    assert get_json(client, f"{AUTHORS}mara-muster/") == author


def test_author_without_photo(client):
    BylineFactory(author=AuthorFactory(photo=None))
    (author,) = results(client, AUTHORS)
    assert author["photo"] is None


def test_an_authors_articles_url_lists_their_public_articles(client):
    mara = AuthorFactory(slug="mara-muster")
    public = BylineFactory(author=mara).article
    BylineFactory(author=mara, article=ArticleFactory(draft=True))
    ArticleFactory()
    (author,) = results(client, AUTHORS)
    assert [a["id"] for a in get_json(client, author["articles_url"])["results"]] == [public.pk]


@pytest.mark.parametrize("article", [None, {"draft": True}, {"scheduled": True}])
def test_an_author_without_public_articles_is_not_found(client, article):
    author = AuthorFactory(slug="mara-muster")
    if article is not None:
        BylineFactory(author=author, article=ArticleFactory(**article))
    assert get_json(client, f"{AUTHORS}mara-muster/", status=404) == {"detail": "Nicht gefunden."}


def test_authors_are_paginated_like_articles(client):
    for n in range(3):
        BylineFactory(author=AuthorFactory(name=f"Autorin {n}"))
    data = get_json(client, AUTHORS, page_size=2)
    assert data["count"] == 3
    assert data["next"] == "http://testserver/api/v1/authors/?page=2&page_size=2"
    assert get_json(client, AUTHORS, status=400, page="x") == {
        "page": ["Geben Sie eine ganze Zahl ab 1 an."]
    }


def test_author_list_runs_the_same_few_queries_for_one_author_or_many(
    client, django_assert_num_queries
):
    BylineFactory(author=AuthorFactory(photo=ImageFactory()))
    for_one = queries_for(client, AUTHORS)
    assert for_one <= MAX_AUTHOR_LIST_QUERIES

    for _ in range(6):
        author = AuthorFactory(photo=ImageFactory())
        BylineFactory(author=author)
        BylineFactory(author=author)
    client.get(AUTHORS)  # Makes the new photos' renditions, once.
    with django_assert_num_queries(for_one):
        response = client.get(AUTHORS)
    assert len(response.json()["results"]) == 7


def test_section_list_runs_two_queries(client, django_assert_num_queries):
    for _ in range(5):
        SectionFactory()
    with django_assert_num_queries(2):  # The count and the page.
        assert len(results(client, SECTIONS)) == 5
