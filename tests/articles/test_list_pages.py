"""The lists readers browse: section, topic, author and day pages — paginated, with headings
and titles, public articles only, and a 404 for what does not exist."""

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.helpers.factories import (
    ArticleFactory,
    AuthorFactory,
    BylineFactory,
    ImageFactory,
    SectionFactory,
)
from tests.helpers.html import start_tags, text_of
from tests.helpers.pages import element, get, linked_titles

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 4, 9, 0, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


def hours_ago(hours):
    return NOW - timedelta(hours=hours)


def article(headline, hours=1, **kwargs):
    return ArticleFactory(kicker="", headline=headline, published_at=hours_ago(hours), **kwargs)


def h1(page):
    (heading,) = [text_of(match) for match in _all(page, "h1")]
    return heading


def _all(page, tag):
    return re.findall(rf"<{tag}\b[^>]*>(.*?)</{tag}>", page, re.S)


def title(page):
    return text_of(_all(page, "title")[0])


# --- section -----------------------------------------------------------------------------------


def test_section_page_lists_its_public_articles_newest_first(client):
    politik = SectionFactory(name="Politik", slug="politik")
    article("Älter", hours=5, section=politik)
    article("Neuer", hours=1, section=politik)
    article("Anderes Ressort", hours=2)
    ArticleFactory(headline="Entwurf", section=politik, draft=True)

    page = get(client, "/politik/")

    assert h1(page) == "Politik"
    assert title(page) == "Politik – newsroom"
    assert linked_titles(page) == ["Neuer", "Älter"]
    assert "Entwurf" not in page


def test_section_page_marks_its_section_in_the_navigation(client):
    SectionFactory(name="Politik", slug="politik", position=1)
    SectionFactory(name="Sport", slug="sport", position=2)

    page = get(client, "/sport/")

    current = [a for a in start_tags(page, "a") if "aria-current" in a]
    assert [(a["href"], a["aria-current"]) for a in current] == [("/sport/", "page")]


def test_section_page_paginates(client, settings):
    settings.NEWSROOM_ARTICLES_PER_PAGE = 2
    section = SectionFactory(name="Sport", slug="sport")
    for number in range(1, 6):
        article(f"Sport {number}", hours=number, section=section)

    first, second, third = (get(client, f"/sport/?seite={n}") for n in (1, 2, 3))

    assert linked_titles(first) == ["Sport 1", "Sport 2"]
    assert linked_titles(second) == ["Sport 3", "Sport 4"]
    assert linked_titles(third) == ["Sport 5"]
    assert "Seite 2 von 3" in second
    assert title(second) == "Sport – Seite 2 – newsroom"
    assert 'href="?seite=3"' in second and 'href="?seite=1"' in second
    assert client.get("/sport/?seite=4").status_code == 404
    assert client.get("/sport/?seite=x").status_code == 404


def test_unknown_section_answers_404(client):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    assert "Diese Seite gibt es nicht (mehr)" in response.content.decode()


def test_empty_section_says_so(client):
    SectionFactory(name="Wissen", slug="wissen")
    assert "Hier gibt es noch keine Artikel." in get(client, "/wissen/")


# --- topic -------------------------------------------------------------------------------------


def test_topic_page_lists_the_public_articles_with_the_tag(client):
    tagged = article("Mit Thema", hours=1)
    tagged.tags.add("Lärmschutz")
    article("Ohne Thema", hours=2)
    hidden = ArticleFactory(headline="Entwurf mit Thema", draft=True)
    hidden.tags.add("Lärmschutz")

    page = get(client, "/thema/lärmschutz/")

    assert h1(page) == "Thema: Lärmschutz"
    assert title(page) == "Thema: Lärmschutz – newsroom"
    assert linked_titles(page) == ["Mit Thema"]


def test_article_links_to_its_topics_section_and_authors(client):
    item = article("Verlinkt", section=SectionFactory(name="Kultur", slug="kultur"))
    item.tags.add("Lärmschutz")
    author = AuthorFactory(name="Ben Beispiel", slug="ben-beispiel")
    BylineFactory(article=item, author=author)

    meta = element(get(client, item.get_absolute_url()), "footer", "article__meta")

    links = [a["href"] for a in start_tags(meta, "a")]
    assert links == ["/kultur/", "/thema/l%C3%A4rmschutz/", "/autor/ben-beispiel/"]
    assert client.get("/thema/l%C3%A4rmschutz/").status_code == 200


def test_unknown_topic_answers_404(client):
    assert client.get("/thema/gibt-es-nicht/").status_code == 404


def test_topic_only_drafts_carry_answers_404(client):
    # The name of a topic can give a story away before it is published.
    ArticleFactory(draft=True).tags.add("Rücktritt der Bürgermeisterin")
    assert client.get("/thema/rücktritt-der-bürgermeisterin/").status_code == 404


# --- author ------------------------------------------------------------------------------------


def test_author_page_shows_photo_with_credit_role_bio_and_their_articles(client):
    photo = ImageFactory(alt_text="Porträt von Mara Muster", photographer="Jana Beispiel")
    mara = AuthorFactory(
        name="Mara Muster",
        slug="mara-muster",
        role_title="Korrespondentin",
        bio="Berichtet aus Dresden über die Landespolitik.",
        photo=photo,
    )
    for number in (1, 2):
        BylineFactory(article=article(f"Von Mara {number}", hours=number), author=mara)
    BylineFactory(article=ArticleFactory(headline="Maras Entwurf", draft=True), author=mara)
    BylineFactory(article=article("Von jemand anderem"))

    page = get(client, "/autor/mara-muster/")
    profile = element(page, "div", "author-profile")

    assert h1(page) == "Mara Muster"
    assert title(page) == "Mara Muster – newsroom"
    assert 'alt="Porträt von Mara Muster"' in profile
    assert "Bild: picture alliance/dpa | Jana Beispiel" in text_of(profile)
    assert text_of(element(profile, "p", "author-profile__role")) == "Korrespondentin"
    assert "Berichtet aus Dresden" in text_of(element(profile, "p", "author-profile__bio"))
    assert "2 Artikel von Mara Muster" in text_of(page)
    assert linked_titles(page) == ["Von Mara 1", "Von Mara 2"]


def test_author_with_two_bylines_on_one_article_lists_it_once(client):
    first, second = AuthorFactory(slug="erste"), AuthorFactory(slug="zweite")
    item = article("Gemeinsam")
    BylineFactory(article=item, author=first)
    BylineFactory(article=item, author=second)
    assert linked_titles(get(client, "/autor/erste/")) == ["Gemeinsam"]


def test_author_page_paginates_and_unknown_author_answers_404(client, settings):
    settings.NEWSROOM_ARTICLES_PER_PAGE = 2
    author = AuthorFactory(slug="viel-schreiber")
    for number in range(1, 4):
        BylineFactory(article=article(f"Text {number}", hours=number), author=author)

    assert linked_titles(get(client, "/autor/viel-schreiber/?seite=2")) == ["Text 3"]
    assert client.get("/autor/viel-schreiber/?seite=3").status_code == 404
    assert client.get("/autor/niemand/").status_code == 404


@pytest.mark.parametrize("few_rows", [0, 2000], ids=["walk-the-newest", "from-own-rows"])
def test_author_and_topic_lists_are_newest_first_however_they_are_read(
    client, settings, monkeypatch, few_rows
):
    """An author's or topic's list is read from their own rows (few) or by walking the
    newest articles (many): the same order, the same pages, public articles only."""
    from articles import selectors

    monkeypatch.setattr(selectors, "FEW_ROWS", few_rows)
    settings.NEWSROOM_ARTICLES_PER_PAGE = 2
    author = AuthorFactory(slug="chronistin")
    for number, hours in enumerate([30, 2, 50, 1], start=1):
        written = article(f"Text {number}", hours=hours)
        written.tags.add("Chronik")
        BylineFactory(article=written, author=author)
    hidden = ArticleFactory(headline="Entwurf", draft=True)
    hidden.tags.add("Chronik")
    BylineFactory(article=hidden, author=author)
    article("Von anderen", hours=3).tags.add("Anderes")

    for url in ("/autor/chronistin/", "/thema/chronik/", "/feeds/thema/chronik/rss/"):
        first = get(client, url)
        if "/feeds/" in url:
            assert re.findall(r"<title>(Text \d)</title>", first) == [
                "Text 4",
                "Text 2",
                "Text 1",
                "Text 3",
            ]
            continue
        assert linked_titles(first) == ["Text 4", "Text 2"], url
        assert linked_titles(get(client, url + "?seite=2")) == ["Text 1", "Text 3"], url


# --- day archive -------------------------------------------------------------------------------


def berlin(day, hour, minute=0):
    """A moment of November 2026 given in Berlin time."""
    return datetime(2026, 11, day, hour, minute, tzinfo=BERLIN)


def test_day_archive_lists_the_articles_of_that_day_in_berlin_time(client):
    ArticleFactory(kicker="", headline="Kurz nach Mitternacht", published_at=berlin(2, 0, 10))
    ArticleFactory(kicker="", headline="Am Abend", published_at=berlin(2, 23, 50))
    ArticleFactory(kicker="", headline="Tag davor", published_at=berlin(1, 23, 59))
    ArticleFactory(kicker="", headline="Tag danach", published_at=berlin(3, 0, 0))
    ArticleFactory(headline="Entwurf des Tages", draft=True)

    page = get(client, "/archiv/2026/11/2/")

    assert h1(page) == "Artikel vom 2. November 2026"
    assert title(page) == "Artikel vom 2. November 2026 – newsroom"
    assert "Montag" in text_of(element(page, "p", "list-header__eyebrow"))
    assert linked_titles(page) == ["Am Abend", "Kurz nach Mitternacht"]


def test_day_archive_links_to_the_nearest_days_with_articles(client):
    ArticleFactory(published_at=berlin(1, 12))
    ArticleFactory(published_at=berlin(2, 9))
    ArticleFactory(published_at=berlin(2, 18))  # still the same day
    ArticleFactory(published_at=berlin(3, 22, 30))
    ArticleFactory(draft=True)

    first, middle = get(client, "/archiv/2026/11/1/"), get(client, "/archiv/2026/11/2/")
    last = get(client, "/archiv/2026/11/3/")

    nav = element(middle, "nav", "day-nav")
    assert [a["href"] for a in start_tags(nav, "a")] == ["/archiv/2026/11/1/", "/archiv/2026/11/3/"]
    assert "Vorheriger Tag: 1. November 2026" in text_of(nav)
    assert "Nächster Tag: 3. November 2026" in text_of(nav)
    assert [a["href"] for a in start_tags(element(first, "nav", "day-nav"), "a")] == [
        "/archiv/2026/11/2/"
    ]
    assert [a["href"] for a in start_tags(element(last, "nav", "day-nav"), "a")] == [
        "/archiv/2026/11/2/"
    ]


def test_day_archive_skips_days_without_public_articles(client):
    ArticleFactory(published_at=berlin(1, 12))
    ArticleFactory(draft=True)
    ArticleFactory(published_at=berlin(3, 12), status="withdrawn")
    ArticleFactory(published_at=berlin(4, 8))

    nav = element(get(client, "/archiv/2026/11/1/"), "nav", "day-nav")
    assert [a["href"] for a in start_tags(nav, "a")] == ["/archiv/2026/11/4/"]


def test_day_archive_paginates(client, settings):
    settings.NEWSROOM_ARTICLES_PER_PAGE = 2
    for minute in range(3):
        ArticleFactory(kicker="", headline=f"Um {minute}", published_at=berlin(2, 10, minute))

    assert linked_titles(get(client, "/archiv/2026/11/2/?seite=2")) == ["Um 0"]
    assert client.get("/archiv/2026/11/2/?seite=3").status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/archiv/2026/2/30/",
        "/archiv/2026/13/1/",
        "/archiv/0/1/1/",
        "/archiv/99999999999999999999/1/1/",
        "/archiv/2026/11/5/",  # a day without articles
    ],
)
def test_day_archive_for_an_impossible_or_empty_day_answers_404(client, url):
    ArticleFactory(published_at=berlin(2, 12))
    assert client.get(url).status_code == 404


# --- queries -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["/politik/", "/thema/politik/", "/autor/mara/", "/archiv/2026/11/3/"],
)
def test_list_pages_run_a_fixed_number_of_queries(client, url, django_assert_max_num_queries):
    section = SectionFactory(slug="politik")
    author = AuthorFactory(slug="mara", photo=ImageFactory())
    for hour in range(1, 13):
        item = ArticleFactory(
            section=section, hero_image=ImageFactory(), published_at=berlin(3, hour)
        )
        item.tags.add("Politik")
        BylineFactory(article=item, author=author)
    get(client, url)  # warm caches, draw renditions
    # Lookup, count, page, pictures' renditions, and one or two for the page's own parts
    # (the author's photo; the topic's check; the day's neighbours).
    with django_assert_max_num_queries(6):
        get(client, url)
