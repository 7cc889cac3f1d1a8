"""The curated home page: lead story and highlights chosen by the desk, with a fallback to the
newest articles, then the latest articles and a block per section."""

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article, HomePage, HomePageHighlight
from tests.helpers.accounts import CHIEF, DESK, REPORTER
from tests.helpers.factories import ArticleFactory, BylineFactory, ImageFactory, SectionFactory
from tests.helpers.html import text_of
from tests.helpers.pages import element, get, linked_titles

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 4, 9, 0, tzinfo=UTC)
ADMIN_URL = "/admin/articles/homepage/1/change/"


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


def hours_ago(hours):
    return NOW - timedelta(hours=hours)


def article(headline, hours=1, **kwargs):
    return ArticleFactory(kicker="", headline=headline, published_at=hours_ago(hours), **kwargs)


def curate(lead=None, highlights=()):
    home_page = HomePage.load()
    home_page.lead = lead
    home_page.save()
    home_page.highlights.all().delete()
    for position, chosen in enumerate(highlights, start=1):
        HomePageHighlight.objects.create(home_page=home_page, article=chosen, position=position)


def top(page):
    """(lead title, [highlight titles]) as the page shows them."""
    lead = linked_titles(element(page, "div", "home-top__lead"))
    highlights = re.search(r'<ol class="home-top__highlights">(.*?)</ol>', page, re.S)
    assert len(lead) == 1
    return lead[0], linked_titles(highlights.group(1)) if highlights else []


def latest(page):
    match = re.search(r'<ol class="latest-list">(.*?)</ol>', page, re.S)
    return linked_titles(match.group(1)) if match else []


def section_blocks(page):
    """{section heading: [titles]} in page order."""
    blocks = re.findall(
        r'<section class="section-block"[^>]*>\s*<h2[^>]*><a href="([^"]+)">([^<]+)</a></h2>'
        r"(.*?)</section>",
        page,
        re.S,
    )
    return {name: (href, linked_titles(body)) for href, name, body in blocks}


# --- curated top -------------------------------------------------------------------------------


def test_the_desks_lead_story_and_highlights_come_first_in_their_order(client):
    older = [article(f"Älter {n}", hours=20 + n) for n in range(1, 6)]
    article("Ganz neu", hours=1)
    curate(lead=older[4], highlights=[older[2], older[0], older[3]])

    lead, highlights = top(get(client, "/"))

    assert lead == "Älter 5"
    # The three chosen ones in the desk's order, then the newest one not chosen fills the fourth.
    assert highlights == ["Älter 3", "Älter 1", "Älter 4", "Ganz neu"]


def test_without_a_choice_the_newest_articles_fill_the_top(client):
    for number in range(1, 8):
        article(f"Artikel {number}", hours=number)

    lead, highlights = top(get(client, "/"))

    assert lead == "Artikel 1"
    assert highlights == ["Artikel 2", "Artikel 3", "Artikel 4", "Artikel 5"]


@pytest.mark.parametrize(
    "not_public",
    [
        {"draft": True},
        {"scheduled": True},
        {"status": Article.Status.WITHDRAWN},
        {"depublish_at": NOW - timedelta(minutes=1)},
    ],
    ids=["draft", "scheduled-for-tomorrow", "withdrawn", "depublished"],
)
def test_a_chosen_article_that_is_not_public_is_replaced_by_the_newest(client, not_public):
    newest = article("Neueste Meldung", hours=1)
    hidden = ArticleFactory(kicker="", headline="Nicht öffentlich", **not_public)
    chosen = article("Gewählt", hours=30)
    curate(lead=hidden, highlights=[chosen])

    page = get(client, "/")

    assert top(page) == ("Neueste Meldung", ["Gewählt"])
    assert "Nicht öffentlich" not in page
    assert newest.get_absolute_url() in page


def test_a_highlight_that_is_no_longer_public_leaves_its_place_to_the_newest(client):
    lead = article("Aufmacher", hours=40)
    gone = article("Zurückgezogen", hours=30)
    kept = article("Bleibt", hours=35)
    article("Nachrücker", hours=2)
    curate(lead=lead, highlights=[gone, kept])
    Article.objects.filter(pk=gone.pk).update(status=Article.Status.WITHDRAWN)

    assert top(get(client, "/")) == ("Aufmacher", ["Bleibt", "Nachrücker"])


def test_the_desks_choice_from_beyond_the_newest_articles_is_checked_too(
    client, settings, monkeypatch
):
    """The home page reads the newest articles once and takes the desk's choice from them;
    a chosen article older than those is asked for, and shown only if it is public."""
    from articles import selectors

    monkeypatch.setattr(selectors, "NEWEST_WINDOW", 3)
    settings.NEWSROOM_ARTICLES_PER_PAGE = 2
    for number in range(1, 6):
        article(f"Neu {number}", hours=number)
    old_lead = article("Alter Aufmacher", hours=100)
    withdrawn = article("Alt und zurückgezogen", hours=120)
    old_highlight = article("Alte Empfehlung", hours=110)
    curate(lead=old_lead, highlights=[withdrawn, old_highlight])
    Article.objects.filter(pk=withdrawn.pk).update(status=Article.Status.WITHDRAWN)

    page = get(client, "/")

    assert top(page) == ("Alter Aufmacher", ["Alte Empfehlung", "Neu 1", "Neu 2"])
    assert "Alt und zurückgezogen" not in page


def test_the_top_story_is_a_big_teaser_with_its_picture(client):
    image = ImageFactory(alt_text="Der Landtag von außen")
    lead = article("Der Aufmacher", hero_image=image)
    curate(lead=lead)

    lead_html = element(get(client, "/"), "div", "home-top__lead")

    assert 'class="teaser teaser--lead"' in lead_html
    assert 'alt="Der Landtag von außen"' in lead_html
    assert "Bild: picture alliance/dpa | Jana Beispiel" in text_of(lead_html)


# --- latest and section blocks -----------------------------------------------------------------


def test_latest_lists_the_rest_of_the_newest_without_repeating_the_top(client, settings):
    settings.NEWSROOM_ARTICLES_PER_PAGE = 8
    for number in range(1, 11):
        article(f"Artikel {number}", hours=number)
    chosen = article("Gewählt", hours=50)
    curate(highlights=[chosen])

    page = get(client, "/")

    assert top(page) == ("Artikel 1", ["Gewählt", "Artikel 2", "Artikel 3", "Artikel 4"])
    # Page 1 covers the 8 newest; those not on top follow as the latest, newest first.
    assert latest(page) == ["Artikel 5", "Artikel 6", "Artikel 7", "Artikel 8"]
    assert 'href="?seite=2"' in page
    assert "Weitere Nachrichten" in page


def test_latest_entries_show_time_kicker_headline_and_section(client):
    for number in range(1, 6):
        article(f"Oben {number}", hours=number / 10)
    ArticleFactory(
        kicker="Stadtrat Leipzig",
        headline="Unten in der Liste",
        section=SectionFactory(name="Leipzig", slug="leipzig"),
        published_at=datetime(2026, 11, 4, 7, 5, tzinfo=UTC),
    )

    page = get(client, "/")
    entry = re.search(r'<article class="teaser-line">(.*?)</article>', page, re.S).group(1)

    assert latest(page) == ["Stadtrat Leipzig: Unten in der Liste"]
    assert '<time class="teaser-line__time" datetime="2026-11-04T08:05+01:00">08.05</time>' in entry
    assert text_of(element(entry, "p", "teaser-line__section")) == "Leipzig"


def test_each_section_shows_its_four_newest_articles_not_shown_above(client, settings):
    settings.NEWSROOM_ARTICLES_PER_PAGE = 2
    politik = SectionFactory(name="Politik", slug="politik", position=1)
    sport = SectionFactory(name="Sport", slug="sport", position=2)
    SectionFactory(name="Leer", slug="leer", position=3)
    for number in range(1, 7):
        article(f"Politik {number}", hours=number, section=politik)
    for number in range(1, 3):
        article(f"Sport {number}", hours=10 + number, section=sport)
    ArticleFactory(headline="Sport-Entwurf", section=sport, draft=True)

    page = get(client, "/")

    assert top(page) == ("Politik 1", ["Politik 2"])
    assert section_blocks(page) == {
        "Politik": ("/politik/", ["Politik 3", "Politik 4", "Politik 5", "Politik 6"]),
        "Sport": ("/sport/", ["Sport 1", "Sport 2"]),
    }
    assert "Mehr aus Politik" in page
    assert "Sport-Entwurf" not in page


def test_sections_follow_their_order(client, settings):
    settings.NEWSROOM_ARTICLES_PER_PAGE = 5
    for position, name in [(3, "Kultur"), (1, "Politik"), (2, "Wirtschaft")]:
        section = SectionFactory(name=name, slug=name.lower(), position=position)
        article(f"{name} alt", hours=100 + position, section=section)
    for number in range(1, 6):
        article(f"Neu {number}", hours=number)

    assert list(section_blocks(get(client, "/"))) == ["Politik", "Wirtschaft", "Kultur"]


def test_no_public_articles_says_so(client):
    ArticleFactory(draft=True)
    curate(lead=ArticleFactory(scheduled=True))
    page = get(client, "/")
    assert "Noch keine Artikel veröffentlicht." in page
    assert "home-top" not in page


# --- page 2 on ---------------------------------------------------------------------------------


def test_page_two_lists_what_comes_after_page_one(client, settings):
    settings.NEWSROOM_ARTICLES_PER_PAGE = 3
    for number in range(1, 9):
        article(f"Artikel {number}", hours=number)

    second = get(client, "/?seite=2")
    third = get(client, "/?seite=3")

    assert linked_titles(second) == ["Artikel 4", "Artikel 5", "Artikel 6"]
    assert linked_titles(third) == ["Artikel 7", "Artikel 8"]
    assert "Seite 2 von 3" in second
    assert "<title>newsroom – Nachrichten – Seite 2</title>" in second
    assert "home-top" not in second


@pytest.mark.parametrize("seite", ["4", "0", "-1", "abc", "2.5"])
def test_a_page_that_does_not_exist_answers_404(client, settings, seite):
    settings.NEWSROOM_ARTICLES_PER_PAGE = 3
    for number in range(1, 9):
        article(f"Artikel {number}", hours=number)
    assert client.get("/", {"seite": seite}).status_code == 404


# --- queries -----------------------------------------------------------------------------------


def populate(sections, per_section):
    for index in range(sections):
        section = SectionFactory(position=index)
        for _ in range(per_section):
            item = ArticleFactory(section=section, hero_image=ImageFactory(), kicker="K")
            BylineFactory(article=item)
            item.tags.add("Politik", f"Thema {item.pk}")


def count_queries(client):
    with CaptureQueriesContext(connection) as queries:
        page = get(client, "/")
    return len(queries), page


# Curated articles, the newest page, the section blocks, and the pictures' renditions for each
# of the three (prefetched): six queries, however many sections and articles.
MAX_HOME_QUERIES = 6


def test_home_page_queries_do_not_grow_with_sections_and_articles(client, settings):
    settings.NEWSROOM_ARTICLES_PER_PAGE = 2
    populate(sections=2, per_section=6)
    curate(lead=Article.objects.last(), highlights=list(Article.objects.all()[:2]))
    get(client, "/")  # warm caches: navigation, site settings, renditions drawn
    few, few_page = count_queries(client)

    populate(sections=5, per_section=6)
    get(client, "/")
    many, many_page = count_queries(client)

    assert len(section_blocks(few_page)) == 2
    assert len(section_blocks(many_page)) == 7
    assert few == many <= MAX_HOME_QUERIES


def test_home_page_query_count_has_an_upper_bound(client, settings, django_assert_max_num_queries):
    settings.NEWSROOM_ARTICLES_PER_PAGE = 6
    populate(sections=6, per_section=5)
    get(client, "/")
    with django_assert_max_num_queries(MAX_HOME_QUERIES):
        get(client, "/")


# --- curating in the admin ---------------------------------------------------------------------


def form_data(lead=None, highlights=(), initial=0):
    data = {
        "lead": lead.pk if lead else "",
        "highlights-TOTAL_FORMS": str(len(highlights)),
        "highlights-INITIAL_FORMS": str(initial),
        "highlights-MIN_NUM_FORMS": "0",
        "highlights-MAX_NUM_FORMS": "1000",
    }
    for index, chosen in enumerate(highlights):
        data[f"highlights-{index}-article"] = chosen.pk
        data[f"highlights-{index}-position"] = str(index + 1)
        data[f"highlights-{index}-home_page"] = "1"
    return data


@pytest.mark.parametrize("role", [DESK, CHIEF])
def test_the_desk_curates_the_home_page_in_the_admin(role_client, role):
    client = role_client(role)
    lead, first, second = (article(name, hours=30) for name in ("Aufmacher", "Eins", "Zwei"))
    article("Neu", hours=1)

    # The admin's "Home page" entry leads straight to the one page there is.
    response = client.get("/admin/articles/homepage/")
    assert response.status_code == 302
    assert response["Location"] == ADMIN_URL
    assert client.get(ADMIN_URL).status_code == 200

    response = client.post(ADMIN_URL, form_data(lead, [second, first]))
    assert response.status_code == 302, response.context["errors"] if response.context else ""

    home_page = HomePage.objects.get()
    assert home_page.lead == lead
    assert home_page.modified_by == client.user
    assert [h.article for h in home_page.highlights.all()] == [second, first]
    assert top(get(client, "/")) == ("Aufmacher", ["Zwei", "Eins", "Neu"])


def test_a_reporter_may_not_curate_the_home_page(role_client):
    client = role_client(REPORTER)
    lead = article("Wunsch des Reporters")
    HomePage.load()

    assert client.get("/admin/articles/homepage/").status_code == 403
    assert client.get(ADMIN_URL).status_code == 403
    assert client.post(ADMIN_URL, form_data(lead)).status_code == 403
    assert HomePage.objects.get().lead is None


def test_the_admin_refuses_more_than_four_highlights(admin_client):
    chosen = [article(f"Artikel {n}") for n in range(5)]
    HomePage.load()
    response = admin_client.post(ADMIN_URL, form_data(None, chosen))
    assert response.status_code == 200
    assert "hebt höchstens 4 Artikel hervor; Sie haben 5 gewählt" in response.content.decode()
    assert not HomePageHighlight.objects.exists()


def test_the_admin_refuses_the_lead_story_as_a_highlight_too(admin_client):
    lead = article("Doppelt")
    HomePage.load()
    response = admin_client.post(ADMIN_URL, form_data(lead, [lead]))
    assert response.status_code == 200
    assert "ist schon der Aufmacher" in response.content.decode()
    assert HomePage.objects.get().lead is None


def test_the_article_choice_offers_published_and_scheduled_articles_only(admin_client):
    published = article("Veröffentlicht hier")
    scheduled = ArticleFactory(scheduled=True, headline="Geplant hier")
    draft = ArticleFactory(draft=True, headline="Entwurf hier")
    response = admin_client.get(
        "/admin/autocomplete/",
        {"app_label": "articles", "model_name": "homepage", "field_name": "lead", "term": "hier"},
    )
    ids = {int(result["id"]) for result in response.json()["results"]}
    assert ids == {published.pk, scheduled.pk}
    assert draft.pk not in ids


def test_only_the_lead_storys_picture_loads_first_and_with_high_priority(client):
    lead = article("Aufmacher", hours=1, hero_image=ImageFactory())
    for number in range(6):
        article(f"Weitere Meldung {number}", hours=2 + number, hero_image=ImageFactory())
    curate(lead=lead)

    page = get(client, "/")

    images = re.findall(r"<img [^>]*>", page)
    assert len(images) >= 5  # the lead story and four highlights (the newest, uncurated)
    first, rest = images[0], images[1:]
    assert 'alt="' + lead.hero_image.alt_text + '"' in first
    assert 'fetchpriority="high"' in first and 'loading="eager"' in first
    assert not any('fetchpriority="high"' in img for img in rest)
    assert all('loading="lazy"' in img for img in rest)
