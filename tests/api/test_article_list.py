"""/api/v1/articles/: public articles only, newest first, compact items, pages and filters."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from tests.helpers.api import (
    ARTICLES,
    NOW,
    get_json,
    ids,
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
    CrossLinkFactory,
    ImageFactory,
    SectionFactory,
    TeaserBulletFactory,
)

pytestmark = pytest.mark.django_db

# Count, the page of articles (section and hero image joined) and the bylines with their
# authors: three queries; a spare one for what the image library may prefetch for images; one
# more with a topic or author filter (how many rows it has decides how the list is read).
MAX_LIST_QUERIES = 5


def hours_ago(hours):
    return NOW - timedelta(hours=hours)


# --- what is listed --------------------------------------------------------------------------


def test_lists_only_public_articles_newest_first(client):
    older = ArticleFactory(published_at=hours_ago(5))
    newer = ArticleFactory(published_at=hours_ago(1))
    ArticleFactory(draft=True)
    ArticleFactory(status=Article.Status.REVIEW, published_at=None)
    ArticleFactory(scheduled=True)
    ArticleFactory(status=Article.Status.WITHDRAWN, published_at=hours_ago(3))
    ArticleFactory(published_at=hours_ago(4), depublish_at=hours_ago(2))
    ArticleFactory(published_at=NOW + timedelta(minutes=1))

    data = get_json(client, ARTICLES)

    assert data["count"] == 2
    assert [item["id"] for item in data["results"]] == [newer.pk, older.pk]


def test_a_scheduled_article_is_listed_once_its_time_has_come(client):
    scheduled = ArticleFactory(
        status=Article.Status.SCHEDULED, published_at=NOW - timedelta(seconds=1)
    )
    assert ids(client) == [scheduled.pk]


def test_articles_published_at_the_same_time_are_ordered_newest_id_first(client):
    first = ArticleFactory(published_at=hours_ago(1))
    second = ArticleFactory(published_at=hours_ago(1))
    assert ids(client) == [second.pk, first.pk]


def test_an_empty_newsroom_answers_an_empty_first_page(client):
    assert get_json(client, ARTICLES) == {
        "count": 0,
        "next": None,
        "previous": None,
        "results": [],
    }


def test_list_item_is_the_compact_representation(client):
    section = SectionFactory(name="Politik", slug="politik")
    image = ImageFactory(
        caption="Die Bibliothek des Bildes",
        alt_text="Eine Straßenbahn an der Haltestelle",
        credit_line="picture alliance/dpa",
        photographer="Jana Beispiel",
    )
    article = ArticleFactory(
        section=section,
        kicker="Stadtrat Leipzig",
        headline="Straßenbahn-Ausbau kommt früher",
        lead="Leipzig bekommt seine neue Linie früher.",
        hero_image=image,
        hero_caption="Die Unterschrift in diesem Artikel",
        published_at=datetime(2026, 11, 3, 13, 5, tzinfo=UTC),
    )
    ben = AuthorFactory(name="Ben Beispiel", slug="ben-beispiel")
    mara = AuthorFactory(name="Mara Muster", slug="mara-muster")
    BylineFactory(article=article, author=ben, position=2)
    BylineFactory(article=article, author=mara, position=1)
    TeaserBulletFactory(article=article)

    (item,) = results(client)

    assert item == {
        "id": article.pk,
        "url": f"http://testserver/politik/{article.slug}/",
        "api_url": f"http://testserver/api/v1/articles/{article.pk}/",
        "kicker": "Stadtrat Leipzig",
        "headline": "Straßenbahn-Ausbau kommt früher",
        "title": "Stadtrat Leipzig: Straßenbahn-Ausbau kommt früher",
        "lead": "Leipzig bekommt seine neue Linie früher.",
        "section": {"name": "Politik", "slug": "politik", "url": "http://testserver/politik/"},
        "published_at": "2026-11-03T14:05:00+01:00",
        "modified_at": "2026-11-04T10:00:00+01:00",
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
        "hero_image": {
            "url": rendition_url(image),
            "width": rendition_size(image)[0],
            "height": rendition_size(image)[1],
            "renditions": rendition_list(image),
            "alt": "Eine Straßenbahn an der Haltestelle",
            "caption": "Die Unterschrift in diesem Artikel",
            "credit": "picture alliance/dpa | Jana Beispiel",
            "credit_label": "Bild: picture alliance/dpa | Jana Beispiel",
        },
    }


def test_list_item_without_hero_image_or_kicker(client):
    ArticleFactory(kicker="", headline="Nur eine Überschrift", hero_image=None)
    (item,) = results(client)
    assert item["hero_image"] is None
    assert item["kicker"] == ""
    assert item["title"] == "Nur eine Überschrift"


def test_times_carry_the_summer_time_offset_in_summer(client):
    ArticleFactory(published_at=datetime(2026, 7, 1, 10, 0, tzinfo=UTC))
    (item,) = results(client)
    assert item["published_at"] == "2026-07-01T12:00:00+02:00"


def test_hero_image_that_may_no_longer_be_used_is_left_out(client, monkeypatch):
    from images.models import Image

    ArticleFactory(hero_image=ImageFactory())
    monkeypatch.setattr(Image, "is_usable", False, raising=False)
    (item,) = results(client)
    assert item["hero_image"] is None


def test_list_answers_are_json_in_utf_8_without_escapes(client):
    ArticleFactory(headline="Größere Straßenbahnen für Köln")
    response = client.get(ARTICLES)
    assert "Größere Straßenbahnen für Köln".encode() in response.content


# --- pages -----------------------------------------------------------------------------------


def test_twenty_articles_per_page_with_links_to_the_neighbours(client):
    articles = [ArticleFactory(published_at=hours_ago(n + 1)) for n in range(21)]

    first = get_json(client, ARTICLES)
    assert first["count"] == 21
    assert [item["id"] for item in first["results"]] == [a.pk for a in articles[:20]]
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/articles/?page=2"

    second = get_json(client, ARTICLES, page=2)
    assert [item["id"] for item in second["results"]] == [articles[20].pk]
    assert second["next"] is None
    assert second["previous"] == "http://testserver/api/v1/articles/"


def test_page_size_sets_the_page_length_and_links_keep_the_filters(client):
    section = SectionFactory(slug="politik")
    articles = [ArticleFactory(section=section, published_at=hours_ago(n + 1)) for n in range(5)]
    ArticleFactory()

    data = get_json(client, ARTICLES, section="politik", page_size=2, page=2)

    assert data["count"] == 5
    assert [item["id"] for item in data["results"]] == [a.pk for a in articles[2:4]]
    assert "section=politik" in data["next"]
    assert "page_size=2" in data["next"]
    assert "page=3" in data["next"]


@pytest.mark.parametrize("page_size", ["101", "100000", "9" * 40])
def test_page_size_above_one_hundred_is_served_as_one_hundred(client, page_size):
    section = SectionFactory()
    # Saved in one go: a hundred and one articles through the factory would be slow.
    Article.objects.bulk_create(
        Article(
            headline=f"Meldung {n}",
            slug=f"meldung-{n}",
            section=section,
            lead="Kurz gemeldet.",
            status=Article.Status.PUBLISHED,
            published_at=hours_ago(n + 1),
        )
        for n in range(101)
    )
    data = get_json(client, ARTICLES, page_size=page_size)
    assert data["count"] == 101
    assert len(data["results"]) == 100


def test_page_size_of_one_hundred_is_allowed(client):
    ArticleFactory.create_batch(3)
    assert len(results(client, page_size="100")) == 3


@pytest.mark.parametrize("page", ["3", "99999999999999999999999999"])
def test_a_page_beyond_the_last_is_not_found(client, page):
    ArticleFactory.create_batch(2)
    data = get_json(client, ARTICLES, status=404, page=page, page_size=1)
    assert data == {"detail": "Diese Seite gibt es nicht."}


@pytest.mark.parametrize("value", ["abc", "0", "-1", "1.5", "1e3", "١", " ", "2x"])
@pytest.mark.parametrize("parameter", ["page", "page_size"])
def test_page_and_page_size_must_be_whole_numbers_from_one(client, parameter, value):
    ArticleFactory()
    data = get_json(client, ARTICLES, status=400, **{parameter: value})
    assert data == {parameter: ["Geben Sie eine ganze Zahl ab 1 an."]}


def test_leading_zeros_in_a_page_number_are_fine(client):
    articles = [ArticleFactory(published_at=hours_ago(n + 1)) for n in range(3)]
    assert ids(client, page="002", page_size="01") == [articles[1].pk]


# --- filters ---------------------------------------------------------------------------------


def test_filter_by_section(client):
    politik = SectionFactory(slug="politik")
    in_section = ArticleFactory(section=politik)
    ArticleFactory(section=SectionFactory(slug="sport"))
    assert ids(client, section="politik") == [in_section.pk]


def test_filter_by_tag(client):
    tagged = ArticleFactory()
    tagged.tags.add("Verkehrswende", "Leipzig")
    other = ArticleFactory()
    other.tags.add("Leipzig")
    assert ids(client, tag="verkehrswende") == [tagged.pk]


def test_filter_by_tag_with_a_non_ascii_slug(client):
    tagged = ArticleFactory()
    tagged.tags.add("Künstliche Intelligenz")
    ArticleFactory()
    assert ids(client, tag="künstliche-intelligenz") == [tagged.pk]


def test_filter_by_author_lists_each_article_once(client):
    mara = AuthorFactory(slug="mara-muster")
    by_mara = ArticleFactory(published_at=hours_ago(1))
    with_mara = ArticleFactory(published_at=hours_ago(2))
    BylineFactory(article=by_mara, author=mara)
    BylineFactory(article=with_mara, author=AuthorFactory(), position=0)
    BylineFactory(article=with_mara, author=mara, position=1)
    BylineFactory(article=ArticleFactory(), author=AuthorFactory())

    data = get_json(client, ARTICLES, author="mara-muster")

    assert data["count"] == 2
    assert [item["id"] for item in data["results"]] == [by_mara.pk, with_mara.pk]
    # The list item still shows every author of the article.
    assert len(data["results"][1]["authors"]) == 2


@pytest.mark.parametrize("few_rows", [0, 2000], ids=["walk-the-newest", "from-own-rows"])
def test_author_and_topic_filters_are_newest_first_however_they_are_read(
    client, monkeypatch, few_rows
):
    """As on the author and topic pages (selectors.newest_first): an author or topic with
    few rows is read from them, one with many by walking the newest; the same order."""
    from articles import selectors

    monkeypatch.setattr(selectors, "FEW_ROWS", few_rows)
    mara = AuthorFactory(slug="mara-muster")
    written = []
    for hours in [30, 2, 50, 1]:
        article = ArticleFactory(published_at=hours_ago(hours))
        article.tags.add("Chronik")
        BylineFactory(article=article, author=mara)
        written.append(article)
    other = ArticleFactory(published_at=hours_ago(3))  # on the topic, not by her
    other.tags.add("Chronik")
    ArticleFactory(draft=True).tags.add("Chronik")
    by_her = [written[3].pk, written[1].pk, written[0].pk, written[2].pk]

    assert ids(client, author="mara-muster") == by_her
    assert ids(client, author="mara-muster", tag="chronik") == by_her
    assert ids(client, tag="chronik") == [written[3].pk, written[1].pk, other.pk, *by_her[2:]]
    assert ids(client, tag="chronik", page_size=2, page=2) == [other.pk, written[0].pk]
    with CaptureQueriesContext(connection) as queries:
        ids(client, author="mara-muster")
    (listed,) = [q["sql"] for q in queries if "ORDER BY" in q["sql"] and "LIMIT" in q["sql"]]
    assert ("NULLS LAST" in listed) == bool(few_rows)


def test_filters_never_show_articles_that_are_not_public(client):
    section = SectionFactory(slug="politik")
    mara = AuthorFactory(slug="mara-muster")
    draft = ArticleFactory(section=section, draft=True)
    draft.tags.add("Geheim")
    BylineFactory(article=draft, author=mara)

    assert ids(client, section="politik") == []
    assert ids(client, tag="geheim") == []
    assert ids(client, author="mara-muster") == []


@pytest.mark.parametrize("parameter", ["section", "tag", "author"])
def test_a_slug_that_names_nothing_gives_an_empty_list(client, parameter):
    ArticleFactory()
    assert get_json(client, ARTICLES, **{parameter: "gibt-es-nicht"})["count"] == 0


def test_empty_filter_values_are_ignored(client):
    article = ArticleFactory()
    params = dict.fromkeys(
        ["section", "tag", "author", "published_after", "published_before", "page", "page_size"],
        "",
    )
    assert ids(client, **params) == [article.pk]


def test_unknown_parameters_are_ignored(client):
    article = ArticleFactory()
    assert ids(client, utm_source="partner", _="1730710800") == [article.pk]


@pytest.fixture
def around_midnight():
    """Three articles around midnight of 3 November in Berlin (which is 23:00 UTC)."""
    return {
        "late_on_the_2nd": ArticleFactory(published_at=datetime(2026, 11, 2, 22, 30, tzinfo=UTC)),
        "early_on_the_3rd": ArticleFactory(published_at=datetime(2026, 11, 2, 23, 30, tzinfo=UTC)),
        "midday_on_the_3rd": ArticleFactory(published_at=datetime(2026, 11, 3, 12, 0, tzinfo=UTC)),
    }


def names(articles, client, **params):
    by_pk = {article.pk: name for name, article in articles.items()}
    return [by_pk[pk] for pk in ids(client, **params)]


def test_published_after_a_date_starts_at_midnight_in_berlin(client, around_midnight):
    assert names(around_midnight, client, published_after="2026-11-03") == [
        "midday_on_the_3rd",
        "early_on_the_3rd",
    ]


def test_published_before_a_date_ends_before_midnight_in_berlin(client, around_midnight):
    assert names(around_midnight, client, published_before="2026-11-03") == ["late_on_the_2nd"]


def test_one_day_is_after_that_day_and_before_the_next(client, around_midnight):
    assert names(
        around_midnight, client, published_after="2026-11-03", published_before="2026-11-04"
    ) == ["midday_on_the_3rd", "early_on_the_3rd"]


@pytest.mark.parametrize(
    "value",
    [
        "2026-11-03T13:00",  # naive: Berlin time, 12:00 UTC
        "2026-11-03T13:00:00",
        "2026-11-03 13:00",
        "2026-11-03T12:00:00Z",
        "2026-11-03T13:00:00+01:00",
        "2026-11-03T13:00:00 01:00",  # "+01:00" sent unencoded: the "+" arrives as a space
        "2026-11-03T07:00:00-05:00",
        "2026-11-04T11:59:00+23:59",  # beyond what PostgreSQL takes as an offset
    ],
)
def test_published_after_a_time_includes_that_moment(client, around_midnight, value):
    assert names(around_midnight, client, published_after=value) == ["midday_on_the_3rd"]


def test_published_before_a_time_excludes_that_moment(client, around_midnight):
    assert names(around_midnight, client, published_before="2026-11-03T13:00") == [
        "early_on_the_3rd",
        "late_on_the_2nd",
    ]


def test_a_time_that_occurs_twice_in_berlin_is_read_as_the_summer_time_one(client):
    # On 25 October 2026 the clocks go back from 03:00 CEST to 02:00 CET: 02:30 happens twice.
    first_pass = ArticleFactory(published_at=datetime(2026, 10, 25, 0, 45, tzinfo=UTC))
    second_pass = ArticleFactory(published_at=datetime(2026, 10, 25, 1, 15, tzinfo=UTC))
    # 02:30 CEST is 00:30 UTC: both are later. (Read as CET, 01:30 UTC, neither would be.)
    assert ids(client, published_after="2026-10-25T02:30") == [second_pass.pk, first_pass.pk]


def test_filters_combine(client):
    politik = SectionFactory(slug="politik")
    match = ArticleFactory(section=politik, published_at=datetime(2026, 11, 3, 9, tzinfo=UTC))
    match.tags.add("Leipzig")
    too_early = ArticleFactory(section=politik, published_at=datetime(2026, 11, 1, tzinfo=UTC))
    too_early.tags.add("Leipzig")
    ArticleFactory(section=politik, published_at=datetime(2026, 11, 3, 9, tzinfo=UTC))
    assert ids(client, section="politik", tag="leipzig", published_after="2026-11-02") == [match.pk]


# --- invalid filters -------------------------------------------------------------------------

DATE_HINT = (
    "Geben Sie ein Datum (2026-03-01) oder Datum und Uhrzeit an "
    "(2026-03-01T14:30 oder 2026-03-01T14:30:00+01:00)."
)


@pytest.mark.parametrize(
    "value",
    [
        "gestern",
        "03.11.2026",
        "2026-02-30",
        "2026-11-03T25:00",
        "2026-11-03T12:00:00+25:00",
        "0001-01-01",  # earlier than anything the database can hold in UTC
        "9999-12-31T23:00:00-05:00",
        "2026-11-03T12:00:00\x00",
        "2026-11-03" + "0" * 5000,
        "1730710800",
    ],
)
@pytest.mark.parametrize("parameter", ["published_after", "published_before"])
def test_a_time_that_is_not_iso_8601_answers_400(client, parameter, value):
    data = get_json(client, ARTICLES, status=400, **{parameter: value})
    assert data == {parameter: [DATE_HINT]}


def test_published_after_must_be_earlier_than_published_before(client):
    data = get_json(
        client, ARTICLES, status=400, published_after="2026-11-03", published_before="2026-11-03"
    )
    assert data == {"published_before": ["Muss später als published_after sein."]}


@pytest.mark.parametrize("value", ["zwei wörter", "a/b", "politik!", "\x00", "<script>"])
@pytest.mark.parametrize("parameter", ["section", "tag", "author"])
def test_a_malformed_slug_answers_400_naming_the_parameter(client, parameter, value):
    data = get_json(client, ARTICLES, status=400, **{parameter: value})
    assert list(data) == [parameter]
    assert data[parameter][0]


def test_every_invalid_filter_is_reported_at_once(client):
    data = get_json(client, ARTICLES, status=400, section="a b", published_after="gestern")
    assert set(data) == {"section", "published_after"}


# --- queries ---------------------------------------------------------------------------------


def make_listed_article(position):
    article = ArticleFactory(hero_image=ImageFactory(), published_at=hours_ago(position + 1))
    for n in range(3):
        BylineFactory(article=article, position=n)
    TeaserBulletFactory(article=article)
    CrossLinkFactory(article=article)
    article.tags.add("Leipzig", f"Thema {position}")
    return article


def test_list_runs_the_same_few_queries_for_one_article_or_many(client, django_assert_num_queries):
    make_listed_article(0)
    client.get(ARTICLES, {"tag": "leipzig"})  # Warms Django's content-type cache.
    for_one = queries_for(client, f"{ARTICLES}?tag=leipzig")
    assert for_one <= MAX_LIST_QUERIES

    for position in range(1, 8):
        make_listed_article(position)
    client.get(ARTICLES, {"tag": "leipzig"})  # Makes the new pictures' renditions, once.
    with django_assert_num_queries(for_one):
        response = client.get(ARTICLES, {"tag": "leipzig"})
    assert len(response.json()["results"]) == 8
