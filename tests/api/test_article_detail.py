"""/api/v1/articles/<id>/: every part of a public article, in order; 404 for anything else."""

from datetime import UTC, datetime, timedelta

import pytest

from articles.models import Article, Correction
from core.dates import iso_datetime as iso
from tests.helpers.api import (
    NOW,
    get_json,
    queries_for,
    rendition_list,
    rendition_size,
    rendition_url,
)
from tests.helpers.factories import (
    ArticleFactory,
    AuthorFactory,
    BylineFactory,
    CorrectionFactory,
    CrossLinkFactory,
    ImageFactory,
    SectionFactory,
    TeaserBulletFactory,
)

pytestmark = pytest.mark.django_db

# The article (section and hero image joined), its bylines with authors, bullets, public
# cross-links with their targets, tags and corrections: six queries; a spare one for what
# the image library may prefetch for images.
MAX_DETAIL_QUERIES = 7

PUBLISHED_AT = datetime(2026, 11, 3, 13, 5, tzinfo=UTC)


def detail_url(article):
    return f"/api/v1/articles/{article.pk}/"


def make_full_article():
    """An article with every part filled in, its parts created out of order."""
    section = SectionFactory(name="Politik", slug="politik")
    image = ImageFactory(
        caption="Die neue Linie soll ab 2028 den Süden der Stadt anbinden.",
        alt_text="Eine Straßenbahn an der Haltestelle Hauptbahnhof",
        credit_line="picture alliance/dpa/LVZ via Imago",
        photographer="Jana Beispiel",
    )
    article = ArticleFactory(
        section=section,
        kicker="Stadtrat Leipzig",
        headline="Straßenbahn-Ausbau kommt zwei Jahre früher",
        slug="strassenbahn-ausbau-kommt-zwei-jahre-frueher",
        hero_image=image,
        lead="Leipzig bekommt seine neue Straßenbahnlinie früher als erwartet.",
        body=(
            "<p>Erster Absatz.</p><h2>Was das bedeutet</h2>"
            '<p>Mehr <a href="https://example.org/">beim Stadtrat</a>.</p>'
            "<script>alert(1)</script>"
        ),
        published_at=PUBLISHED_AT,
        updated_at=PUBLISHED_AT + timedelta(hours=2),
    )
    mara = AuthorFactory(
        name="Mara Muster", slug="mara-muster", role_title="Newsroom-Redakteurin", short_code="mm"
    )
    ben = AuthorFactory(
        name="Ben Beispiel", slug="ben-beispiel", role_title="Redakteur", short_code="ab"
    )
    # Created in reverse order: the API must follow `position`, not creation order.
    BylineFactory(article=article, author=ben, role="Korrespondent", position=2)
    BylineFactory(article=article, author=mara, position=1)
    TeaserBulletFactory(article=article, text="Anwohner kritisieren den Lärm", position=3)
    TeaserBulletFactory(article=article, text="Baubeginn im Frühjahr 2027", position=2)
    TeaserBulletFactory(article=article, text="Der Stadtrat hat beschlossen", position=1)
    haushalt = ArticleFactory(
        section=section, kicker="Haushalt 2027", headline="Wo die Stadt sparen will"
    )
    verkehr = ArticleFactory(
        section=SectionFactory(slug="leipzig"),
        kicker="",
        headline="Wie andere Städte ihre Netze ausbauen",
    )
    CrossLinkFactory(article=article, target=haushalt, position=2)
    CrossLinkFactory(article=article, target=verkehr, position=1)
    CrossLinkFactory(article=article, target=ArticleFactory(draft=True), position=3)
    article.tags.add("Verkehr", "Leipzig")
    # Created out of order too: the API lists the newest first.
    CorrectionFactory(
        article=article,
        corrected_at=PUBLISHED_AT + timedelta(hours=1),
        note="In einer früheren Fassung stand ein falsches Datum.",
    )
    CorrectionFactory(
        article=article,
        kind=Correction.Kind.CLARIFICATION,
        corrected_at=PUBLISHED_AT + timedelta(hours=3),
        note="Gemeint ist der Beschluss\nvom Mittwoch.",
    )
    return article, image, haushalt, verkehr


def test_detail_has_every_part_of_the_article_in_order(client):
    article, image, haushalt, verkehr = make_full_article()

    data = get_json(client, detail_url(article))

    assert data == {
        "id": article.pk,
        "url": "http://testserver/politik/strassenbahn-ausbau-kommt-zwei-jahre-frueher/",
        "api_url": f"http://testserver/api/v1/articles/{article.pk}/",
        "slug": "strassenbahn-ausbau-kommt-zwei-jahre-frueher",
        "kicker": "Stadtrat Leipzig",
        "headline": "Straßenbahn-Ausbau kommt zwei Jahre früher",
        "title": "Stadtrat Leipzig: Straßenbahn-Ausbau kommt zwei Jahre früher",
        "section": {"name": "Politik", "slug": "politik", "url": "http://testserver/politik/"},
        "hero_image": {
            "url": rendition_url(image),
            "width": rendition_size(image)[0],
            "height": rendition_size(image)[1],
            "renditions": rendition_list(image),
            "alt": "Eine Straßenbahn an der Haltestelle Hauptbahnhof",
            "caption": "Die neue Linie soll ab 2028 den Süden der Stadt anbinden.",
            "credit": "picture alliance/dpa/LVZ via Imago | Jana Beispiel",
            "credit_label": "Bild: picture alliance/dpa/LVZ via Imago | Jana Beispiel",
        },
        "byline": "Von Newsroom-Redakteurin Mara Muster und Korrespondent Ben Beispiel",
        "bylines": [
            {
                "name": "Mara Muster",
                "slug": "mara-muster",
                "role": "Newsroom-Redakteurin",
                "label": "Newsroom-Redakteurin Mara Muster",
                "url": "http://testserver/autor/mara-muster/",
            },
            {
                "name": "Ben Beispiel",
                "slug": "ben-beispiel",
                "role": "Korrespondent",
                "label": "Korrespondent Ben Beispiel",
                "url": "http://testserver/autor/ben-beispiel/",
            },
        ],
        "authors": [
            {
                "name": "Mara Muster",
                "slug": "mara-muster",
                "url": "http://testserver/autor/mara-muster/",
            },
            {
                "name": "Ben Beispiel",
                "slug": "ben-beispiel",
                "url": "http://testserver/autor/ben-beispiel/",
            },
        ],
        "published_at": "2026-11-03T14:05:00+01:00",
        "updated_at": "2026-11-03T16:05:00+01:00",
        "is_updated": True,
        "modified_at": "2026-11-04T10:00:00+01:00",
        "teaser_bullets": [
            "Der Stadtrat hat beschlossen",
            "Baubeginn im Frühjahr 2027",
            "Anwohner kritisieren den Lärm",
        ],
        "lead": "Leipzig bekommt seine neue Straßenbahnlinie früher als erwartet.",
        "cross_links": [
            {
                "id": verkehr.pk,
                "title": "Wie andere Städte ihre Netze ausbauen",
                "url": f"http://testserver/leipzig/{verkehr.slug}/",
                "api_url": f"http://testserver/api/v1/articles/{verkehr.pk}/",
            },
            {
                "id": haushalt.pk,
                "title": "Haushalt 2027: Wo die Stadt sparen will",
                "url": f"http://testserver/politik/{haushalt.slug}/",
                "api_url": f"http://testserver/api/v1/articles/{haushalt.pk}/",
            },
        ],
        "body": (
            "<p>Erster Absatz.</p><h2>Was das bedeutet</h2>"
            '<p>Mehr <a href="https://example.org/" rel="noopener noreferrer">'
            "beim Stadtrat</a>.</p>"
        ),
        "corrections": [
            {
                "time": iso(PUBLISHED_AT + timedelta(hours=3)),
                "kind": "clarification",
                "note": "Gemeint ist der Beschluss\nvom Mittwoch.",
            },
            {
                "time": iso(PUBLISHED_AT + timedelta(hours=1)),
                "kind": "correction",
                "note": "In einer früheren Fassung stand ein falsches Datum.",
            },
        ],
        "sign_off": "mm/ab/newsroom",
        "tags": [
            {"name": "Leipzig", "slug": "leipzig", "url": "http://testserver/thema/leipzig/"},
            {"name": "Verkehr", "slug": "verkehr", "url": "http://testserver/thema/verkehr/"},
        ],
        "live_ticker": None,
    }
    # The keys follow the page, top to bottom, so the answer reads like the anatomy.
    assert list(data)[:9] == [
        "id",
        "url",
        "api_url",
        "slug",
        "kicker",
        "headline",
        "title",
        "section",
        "hero_image",
    ]


def test_detail_contains_everything_a_list_item_has(client):
    article, *_ = make_full_article()
    (item,) = [
        item
        for item in get_json(client, "/api/v1/articles/")["results"]
        if item["id"] == article.pk
    ]
    detail = get_json(client, detail_url(article))
    assert {key: detail[key] for key in item} == item


def test_caption_in_this_article_overrides_the_image_caption(client):
    image = ImageFactory(caption="Aus der Bibliothek")
    article = ArticleFactory(hero_image=image, hero_caption="Nur in diesem Artikel")
    assert get_json(client, detail_url(article))["hero_image"]["caption"] == (
        "Nur in diesem Artikel"
    )


def test_image_without_credit_has_empty_credit_fields(client):
    article = ArticleFactory(hero_image=ImageFactory(credit_line="", photographer=""))
    hero = get_json(client, detail_url(article))["hero_image"]
    assert (hero["credit"], hero["credit_label"]) == ("", "")


def test_hero_image_that_may_no_longer_be_used_is_left_out(client, monkeypatch):
    from images.models import Image

    article = ArticleFactory(hero_image=ImageFactory())
    monkeypatch.setattr(Image, "is_usable", False, raising=False)
    assert get_json(client, detail_url(article))["hero_image"] is None


def test_article_with_only_the_required_parts(client):
    article = ArticleFactory(
        kicker="", hero_image=None, body="", published_at=PUBLISHED_AT, updated_at=None
    )
    data = get_json(client, detail_url(article))
    assert data["hero_image"] is None
    assert (data["byline"], data["bylines"], data["authors"]) == ("", [], [])
    assert (data["teaser_bullets"], data["cross_links"], data["tags"]) == ([], [], [])
    assert (data["body"], data["corrections"]) == ("", [])
    assert data["sign_off"] == "newsroom"
    assert (data["updated_at"], data["is_updated"]) == (None, False)


def test_byline_without_a_role_for_the_article_uses_the_authors_role(client):
    article = ArticleFactory()
    BylineFactory(article=article, author=AuthorFactory(name="Ida Idee", role_title="Autorin"))
    BylineFactory(article=article, author=AuthorFactory(name="Ohne Rolle", role_title=""))
    bylines = get_json(client, detail_url(article))["bylines"]
    assert [(b["role"], b["label"]) for b in bylines] == [
        ("Autorin", "Autorin Ida Idee"),
        ("", "Ohne Rolle"),
    ]


@pytest.mark.parametrize(
    "hidden_target",
    [
        {"draft": True},
        {"scheduled": True},
        {"status": Article.Status.WITHDRAWN},
        {"depublish_at": NOW - timedelta(minutes=1)},
    ],
    ids=["draft", "scheduled", "withdrawn", "depublished"],
)
def test_cross_link_to_an_article_that_is_not_public_is_left_out(client, hidden_target):
    article = ArticleFactory()
    shown = CrossLinkFactory(article=article, position=1).target
    CrossLinkFactory(article=article, target=ArticleFactory(**hidden_target), position=2)
    links = get_json(client, detail_url(article))["cross_links"]
    assert [link["id"] for link in links] == [shown.pk]


def test_tag_with_umlauts_in_its_slug_links_to_its_page(client):
    article = ArticleFactory()
    article.tags.add("Künstliche Intelligenz")
    (tag,) = get_json(client, detail_url(article))["tags"]
    assert tag["name"] == "Künstliche Intelligenz"
    assert tag["slug"] == "künstliche-intelligenz"
    assert tag["url"] == "http://testserver/thema/k%C3%BCnstliche-intelligenz/"
    assert client.get(tag["url"]).status_code == 200


def test_tag_whose_slug_has_no_page_address_has_no_url(client):
    # taggit gives a name without letters or digits an empty slug; no page can have that.
    # No address is better than a broken one.
    article = ArticleFactory()
    article.tags.add("???")
    (tag,) = get_json(client, detail_url(article))["tags"]
    assert tag == {"name": "???", "slug": "", "url": None}


def test_a_typo_fix_after_publication_is_no_update(client):
    article = ArticleFactory(published_at=PUBLISHED_AT, updated_at=None)
    data = get_json(client, detail_url(article))
    assert (data["updated_at"], data["is_updated"]) == (None, False)
    assert data["modified_at"] == "2026-11-04T10:00:00+01:00"


# --- what is not public ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "hidden",
    [
        {"draft": True},
        {"status": Article.Status.REVIEW, "published_at": None},
        {"scheduled": True},
        {"status": Article.Status.WITHDRAWN},
        {"published_at": NOW + timedelta(seconds=1)},
        {"depublish_at": NOW},
    ],
    ids=["draft", "review", "scheduled", "withdrawn", "future", "depublished"],
)
def test_an_article_that_is_not_public_is_not_found(client, hidden):
    article = ArticleFactory(**hidden)
    data = get_json(client, detail_url(article), status=404)
    assert data == {"detail": "Nicht gefunden."}


def test_an_article_that_does_not_exist_is_not_found(client):
    data = get_json(client, "/api/v1/articles/424242/", status=404)
    assert data == {"detail": "Nicht gefunden."}


def test_a_scheduled_article_is_found_once_its_time_has_come(client):
    article = ArticleFactory(status=Article.Status.SCHEDULED, published_at=NOW)
    assert get_json(client, detail_url(article))["id"] == article.pk


# --- queries ---------------------------------------------------------------------------------


def test_detail_runs_the_same_few_queries_however_many_parts(client, django_assert_num_queries):
    small = ArticleFactory(hero_image=ImageFactory())
    BylineFactory(article=small)
    TeaserBulletFactory(article=small)
    CrossLinkFactory(article=small)
    small.tags.add("Leipzig")
    client.get(detail_url(small))  # Warms Django's content-type cache, which tags use.
    for_small = queries_for(client, detail_url(small))
    assert for_small <= MAX_DETAIL_QUERIES

    large, *_ = make_full_article()
    for n in range(4):
        BylineFactory(article=large, position=10 + n)
        CrossLinkFactory(article=large, position=10 + n)
    large.tags.add("Stadtrat", "Haushalt", "Nahverkehr")
    CorrectionFactory.create_batch(3, article=large)
    client.get(detail_url(large))  # Makes the new pictures' renditions, once.
    with django_assert_num_queries(for_small):
        response = client.get(detail_url(large))
    assert len(response.json()["cross_links"]) == 6
