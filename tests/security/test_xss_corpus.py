"""Hostile text comes out inert everywhere: the XSS corpus (tests.helpers.xss.PAYLOADS).

Editors: each payload goes into every text an editor controls at once (site settings,
section, pictures, author, two articles with byline, bullet, cross-link and topic by factories;
and an article typed into the admin's add form, through its form cleaning and the body's
sanitizer), and every surface is read: the reader's pages, feeds, sitemaps, the JSON-LD
block, Open Graph tags, the API and the admin's lists and forms. Readers: each payload goes
into the search query, every URL parameter and path segment the site reads.

Each surface is compared with the same surface rendered from harmless text (the baseline,
rendered once and rolled back): nothing live (tests.helpers.xss), the same structure, and the
payload shown as often as the harmless text is, so it was kept as data.
"""

import json
import unicodedata
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import quote, urlencode

import pytest
import reversion
import time_machine
from django.core.cache import cache
from django.db import transaction
from django.template import engines
from django.test import Client
from django.urls import reverse
from django.utils.safestring import mark_safe
from reversion.models import Version
from taggit.models import Tag

from articles.models import Article
from core.text import xml_safe
from search.text import clean_query
from sitecontent.models import SiteSettings
from tests.helpers import xss
from tests.helpers.article_admin import ADD_URL, CHANGELIST_URL, change_url
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
from tests.helpers.feeds import NOW
from tests.helpers.forms import open_form
from tests.helpers.liveticker import EntryFactory, TickerFactory

pytestmark = pytest.mark.django_db

# What the baseline shows where a payload goes; letters and spaces only.
HARMLESS = "Harmloser Text aus der Redaktion"
# In the main article's lead: what the search page looks for.
MARKER = "Prüfwortsuche"
# A reader's harmless input: no slug, number or date, found by no search.
HARMLESS_INPUT = "Unbekannte Eingabe!"
SETTINGS_ADD = "/admin/sitecontent/sitesettings/add/"
SETTINGS_CHANGE = "/admin/sitecontent/sitesettings/1/change/"
# 2026-11-04 07:00 UTC: 08:00 in Berlin.
PUBLISHED = NOW - timedelta(hours=2)
DAY_URL = "/archiv/2026/11/4/"

# RSS and Atom as a feed reader reads them (Media RSS's credit, which says nothing of its
# type, as HTML: see test_media_credit_read_as_html_is_inert).
READERS = {"rss": xss.rss_reads_as_html, "atom": xss.atom_reads_as_html, "sitemap": xss.never_html}


@pytest.fixture(autouse=True)
def _frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture(scope="session")
def baselines():
    """Surfaces rendered from harmless text, by group; filled by the first test that needs
    them (rendering takes a second, and is the same for every payload)."""
    return {}


# --- the world an editor made -------------------------------------------------------------


@dataclass
class World:
    article: Article
    other: Article
    section: object
    author: object
    image: object
    tag: Tag
    draft: Article | None = None
    compare_url: str = ""


def save_site_settings(text):
    """Name, description, follow box and a social account (its name: 40 characters at most)."""
    site = SiteSettings.objects.create(site_name=text, description=text, follow_box=text)
    site.social_accounts.create(network=text[:40], url="https://social.example/@nr", position=1)


def build_world(text, django_capture_on_commit_callbacks, *, site_settings=True):
    """``text`` in every field an editor controls; two public articles, a section, an author
    with a photo, a hero image, a topic, and (unless told otherwise) the site settings."""
    if site_settings:
        save_site_settings(text)
    with django_capture_on_commit_callbacks(execute=True):  # the search index
        pictures = {
            "caption": text,
            "alt_text": text,
            "credit_line": text,
            "photographer": text,
            "copyright": text,
        }
        image, photo = ImageFactory(**pictures), ImageFactory(**pictures)
        section = SectionFactory(name=text, slug="ressort-xss")
        author = AuthorFactory(
            name=text, role_title=text, bio=text, short_code=text[:10], slug="autorin", photo=photo
        )
        texts = {"section": section, "kicker": text, "headline": text, "hero_image": image}
        # Without a caption of its own: the picture's caption shows.
        other = ArticleFactory(**texts, lead=text, published_at=PUBLISHED - timedelta(hours=1))
        article = ArticleFactory(
            **texts,
            lead=f"{MARKER} {text}",
            body=text,
            hero_caption=text,
            published_at=PUBLISHED,
        )
        CorrectionFactory(article=article, note=text, corrected_at=PUBLISHED + timedelta(hours=1))
        # The article runs as a live ticker with a key event: its title is also a link above.
        # (Its body goes through the article body's sanitizer, which the body covers.)
        ticker = TickerFactory(article=article, started_at=PUBLISHED)
        EntryFactory(
            ticker=ticker,
            title=text,
            body="<p>Lage am Deich</p>",
            author=author,
            key_event=True,
            published_at=PUBLISHED + timedelta(minutes=30),
        )
        BylineFactory(article=article, author=author, role=text, position=1)
        BylineFactory(article=other, author=author, position=1)
        TeaserBulletFactory(article=article, text=text, position=1)
        CrossLinkFactory(article=article, target=other, position=1)
        for story in (article, other):
            story.tags.add(f"Thema {text}")
    tag = Tag.objects.get(name=f"Thema {text}")
    return World(article, other, section, author, image, tag)


def type_article_into_the_admin(client, world, text):
    """``text`` typed into every text of the article add form; the saved draft."""
    form = open_form(client, ADD_URL).fill(
        kicker=text,
        headline=text,
        hero_image=str(world.image.pk),
        hero_caption=text,
        lead=text,
        body=text,
        section=str(world.section.pk),
        tags=text,
    )
    form.add_row("corrections", kind="correction", note=text)
    form.fill_row("bylines", 0, position="1", author=str(world.author.pk), role=text)
    form.fill_row("bullets", 0, position="1", text=text)
    response = form.submit(client, ADD_URL)
    assert response.status_code == 302, response.context["errors"] if response.context else ""
    # Its "added" message, with the title, shows on the next admin page: the article list.
    return Article.objects.exclude(pk__in=[world.article.pk, world.other.pk]).get()


def compare_versions_url(draft):
    """The admin's comparison of the typed draft with a later version of it, in which the
    lead got a word more and a correction was added (as a later save makes one)."""
    later = Article.objects.get(pk=draft.pk)  # the typed draft stays as it was typed
    with reversion.create_revision():
        later.lead = f"{later.lead} Nachtrag"
        later.save()
        later.corrections.create(note="Berichtigt.")
    newer, older = Version.objects.get_for_object(later)[:2]
    return f"/admin/articles/article/{draft.pk}/history/compare/?from={older.pk}&to={newer.pk}"


# --- surfaces -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Surface:
    """One address to read, and how: ``kind`` is html, rss, atom, sitemap or json."""

    name: str
    url: str
    kind: str = "html"
    staff: bool = False
    status: int | tuple = 200
    # html: "exact" structure, "at_most" (baselines merged), "kinds" (no new kind only)
    mode: str = "exact"
    # Rich HTML regions (the article body): only an article body's tags allowed there.
    rich: tuple = ()
    # Regions not counted when comparing how often the text is shown.
    skip: tuple = ()
    # Whether to compare how often the text is shown with how often harmless text is.
    count: bool = True
    follow: bool = False


BODY = '//div[@class="article__body"]'
TICKER_BODY = '//div[@class="ticker-entry__body"]'
# Social networks' names are cut to 40 characters; search snippets are cut text.
NOT_COUNTED = (
    '//ul[@class="social-links"]',
    '//p[@class="search-result__snippet"]',
    BODY,
    TICKER_BODY,
)


def editor_surfaces(world):
    article, section, author = world.article, world.section, world.author
    tag_slug = world.tag.slug
    pages = {
        "home": "/",
        "section page": section.get_absolute_url(),
        "topic page": reverse("articles:tag", kwargs={"slug": tag_slug}),
        "author page": author.get_absolute_url(),
        "article page": article.get_absolute_url(),
        "search page": f"/suche/?q={MARKER}",
        "day archive": DAY_URL,
        "image credits": "/bildnachweise/",
        "corrections page": reverse("articles:corrections"),
    }
    surfaces = [
        Surface(name, url, rich=(BODY, TICKER_BODY), skip=NOT_COUNTED)
        for name, url in pages.items()
    ]
    for scope, rss, atom in [
        ("", reverse("distribution:rss"), reverse("distribution:atom")),
        ("section ", *(f"/feeds/ressort/{section.slug}/{kind}/" for kind in ("rss", "atom"))),
        ("topic ", *(f"/feeds/thema/{tag_slug}/{kind}/" for kind in ("rss", "atom"))),
        ("author ", *(f"/feeds/autor/{author.slug}/{kind}/" for kind in ("rss", "atom"))),
        ("corrections ", reverse("distribution:corrections_rss"), "/feeds/korrekturen/atom/"),
    ]:
        surfaces += [
            Surface(f"{scope}RSS feed", rss, "rss"),
            Surface(f"{scope}Atom feed", atom, "atom"),
        ]
    surfaces.append(
        Surface("live ticker RSS feed", reverse("liveticker:feed", args=[article.pk]), "rss")
    )
    surfaces += [
        Surface(f"sitemap {name}", f"/sitemap{name}.xml", "sitemap")
        for name in ("", "-artikel", "-ressorts", "-themen", "-autoren", "-korrekturen")
    ]
    surfaces.append(Surface("news sitemap", "/news-sitemap.xml", "sitemap"))
    surfaces += [
        Surface("API articles", "/api/v1/articles/", "json"),
        Surface("API article", f"/api/v1/articles/{article.pk}/", "json"),
        Surface("API sections", "/api/v1/sections/", "json"),
        Surface("API section", f"/api/v1/sections/{section.slug}/", "json"),
        Surface("API authors", "/api/v1/authors/", "json"),
        Surface("API author", f"/api/v1/authors/{author.slug}/", "json"),
    ]
    draft = world.draft
    surfaces += [
        Surface("admin articles", CHANGELIST_URL, staff=True),
        Surface("admin images", "/admin/images/image/", staff=True),
        Surface("admin authors", "/admin/people/author/", staff=True),
        Surface(
            "admin live ticker",
            f"/admin/liveticker/ticker/{article.pk}/change/",
            staff=True,
            mode="kinds",
            count=False,
        ),
        Surface(
            "admin site settings",
            SETTINGS_CHANGE,
            staff=True,
            skip=('//div[@id="social_accounts-group"]',),
        ),
        # Taggit splits what was typed into the tag field (at spaces, commas, quotes), so the
        # typed article's number of topics depends on the text: no new kind of element
        # (nor more scripts, forms, pictures...), text not counted.
        Surface("admin article form", change_url(draft), staff=True, mode="kinds", count=False),
        Surface(
            "preview of the typed article",
            reverse("articles:preview", args=[draft.pk]),
            staff=True,
            mode="kinds",
            rich=(BODY,),
            count=False,
        ),
        # A word-by-word diff, built as HTML: how many pieces depends on the text.
        Surface(
            "admin version comparison",
            world.compare_url,
            staff=True,
            mode="kinds",
            count=False,
        ),
    ]
    return surfaces


# --- reading a surface --------------------------------------------------------------------


@dataclass
class Reading:
    """A surface as read: its response, parsed where it is HTML, and how often a text shows."""

    surface: Surface
    status: int
    content: bytes
    content_type: str
    page: object = None
    shown: object = None


def read(surface, clients, text):
    """``surface`` read, counting how often it shows ``text`` (None: not counted)."""
    client = clients["staff" if surface.staff else "reader"]
    response = client.get(surface.url, follow=surface.follow)
    reading = Reading(surface, response.status_code, response.content, response["Content-Type"])
    if surface.kind == "html" and reading.content:
        reading.page = xss.HtmlPage(response.content, rich=surface.rich)
        if text is not None:
            reading.shown = xss.shown_in_html(reading.page, text, skip=surface.skip)
    elif text is None:
        pass
    elif surface.kind in READERS and xss.parse_xml(response.content)[0] is not None:
        # XML cannot carry control characters: the feeds drop them (core.text.xml_safe).
        reading.shown = xss.shown_in_xml(
            response.content, xml_safe(text), reads_as_html=READERS[surface.kind]
        )
    elif surface.kind == "json" and response["Content-Type"] == "application/json":
        reading.shown = xss.shown_in_json(response.json(), text, skip=("body",))
    return reading


def problems_of(reading, baseline):
    """What is live or changed in ``reading`` compared with ``baseline``, a Reading of the
    same surface from harmless text (its page perhaps merged from several, see
    reader_baseline)."""
    surface = reading.surface
    problems = []
    statuses = surface.status if isinstance(surface.status, tuple) else (surface.status,)
    if reading.status not in statuses:
        problems.append(f"answered {reading.status}, not {surface.status}")
    if surface.kind == "html":
        if reading.page is None:
            return [*problems, "an empty answer"]
        problems += xss.html_problems(reading.page, baseline.page, mode=surface.mode)
    elif surface.kind in READERS:
        problems += xss.xml_problems(
            reading.content, baseline.content, reads_as_html=READERS[surface.kind]
        )
    else:
        if reading.content_type != "application/json":
            problems.append(f"served as {reading.content_type}")
        problems += xss.json_problems(reading.content, baseline.content)
    if surface.count and reading.shown is not None and reading.shown != baseline.shown:
        problems.append(f"the text is shown {reading.shown} times, harmless text {baseline.shown}")
    return problems


def render_for_editors(clients, text, django_capture_on_commit_callbacks, kinds=None):
    """The world made of ``text``, and its surfaces (of ``kinds``, or all) as read."""
    world = build_world(text, django_capture_on_commit_callbacks)
    world.draft = type_article_into_the_admin(clients["staff"], world, text)
    world.compare_url = compare_versions_url(world.draft)
    surfaces = [s for s in editor_surfaces(world) if kinds is None or s.kind in kinds]
    return world, {s.name: read(s, clients, text) for s in surfaces}


def rendered_and_rolled_back(render):
    """What ``render()`` returns, with everything it wrote to the database and the cache
    undone afterwards."""

    class RolledBack(Exception):
        pass

    result = None
    try:
        with transaction.atomic():
            result = render()
            raise RolledBack
    except RolledBack:
        pass
    # Cached site settings and navigation of the rolled-back rows must not show later.
    cache.clear()
    return result


@pytest.fixture
def clients(admin_client):
    """The staff's client (a superuser) and a reader's; an error is an answer (500) to
    report with the surface, not an exception."""
    admin_client.raise_request_exception = False
    return {"staff": admin_client, "reader": Client(raise_request_exception=False)}


@pytest.fixture
def editor_baseline(baselines, clients, django_capture_on_commit_callbacks):
    if "editor" not in baselines:
        baselines["editor"] = rendered_and_rolled_back(
            lambda: render_for_editors(clients, HARMLESS, django_capture_on_commit_callbacks)[1]
        )
    return baselines["editor"]


def editor_problems(text, clients, baseline, capture, kinds=None):
    """Every problem of every surface with ``text`` in every editor's field, by surface; and
    the world it was found in."""
    world, readings = render_for_editors(clients, text, capture, kinds)
    found = {
        name: problems
        for name, reading in readings.items()
        if (problems := problems_of(reading, baseline[name]))
    }
    return found, world, readings


def report(found):
    return "\n".join(f"{surface}: {problem}" for surface, ps in found.items() for problem in ps)


# --- editors' texts -----------------------------------------------------------------------


def kept_as_data(text, world, readings):
    """The texts as typed, where the surfaces say exactly what a field holds: the admin's
    draft, the article page's Open Graph tags and JSON-LD, the API's article."""
    typed = text.strip()  # form fields drop surrounding whitespace
    draft = world.draft
    problems = [
        f"admin draft {name}: {value!r}"
        for name, value in {
            "kicker": draft.kicker,
            "headline": draft.headline,
            "lead": draft.lead,
            "hero caption": draft.hero_caption,
            "correction note": draft.corrections.earliest("pk").note,
            "bullet": draft.bullets.get().text,
            "byline role": draft.bylines.get().role,
        }.items()
        if value != typed
    ]
    problems += [f"admin draft body: {p}" for p in xss.fragment_problems(draft.body)]

    page = readings["article page"].page.root
    # Composed (NFC): Django's truncating filters compose what they cut.
    meta = {
        el.get("property") or el.get("name"): unicodedata.normalize("NFC", el.get("content"))
        for el in page.iter("meta")
        if el.get("content") is not None
    }
    title = f"{text}: {text}"
    expected_meta = {
        "og:title": title,
        "og:description": f"{MARKER} {text}",
        "og:site_name": text,
        "og:image:alt": text,
        "article:section": text,
        "article:tag": f"Thema {text}",
    }
    problems += [
        f"Open Graph {key}: {meta.get(key)!r}"
        for key, value in expected_meta.items()
        if meta.get(key) != unicodedata.normalize("NFC", value)
    ]
    (json_ld,) = [
        json.loads(el.text) for el in page.iter("script") if el.get("type") == "application/ld+json"
    ]
    expected_json_ld = {
        "headline": title,
        "description": f"{MARKER} {text}",
        "articleSection": text,
        "keywords": [f"Thema {text}"],
        "author": [text, text],
        "publisher": text,
        "correction": text,
    }
    found_json_ld = {
        **json_ld,
        "correction": json_ld["correction"][0]["text"],
        "author": [json_ld["author"][0]["name"], json_ld["author"][0]["jobTitle"]],
        "publisher": json_ld["publisher"]["name"],
    }
    problems += [
        f"JSON-LD {key}: {found_json_ld.get(key)!r}"
        for key, value in expected_json_ld.items()
        if found_json_ld.get(key) != value
    ]
    api = json.loads(readings["API article"].content)
    expected_api = {
        "kicker": text,
        "headline": text,
        "title": title,
        "lead": f"{MARKER} {text}",
        "correction note": text,
        "teaser_bullets": [text],
        "section": text,
        "tags": [f"Thema {text}"],
        "caption": text,
        "alt": text,
        "credit": f"{text} | {text}",
        "role": text,
        "byline label": f"{text} {text}",
        "body": world.article.body,
    }
    found_api = {
        **api,
        "section": api["section"]["name"],
        "tags": [tag["name"] for tag in api["tags"]],
        "caption": api["hero_image"]["caption"],
        "alt": api["hero_image"]["alt"],
        "credit": api["hero_image"]["credit"],
        "role": api["bylines"][0]["role"],
        "byline label": api["bylines"][0]["label"],
        "correction note": api["corrections"][0]["note"],
    }
    problems += [
        f"API {key}: {found_api.get(key)!r}"
        for key, value in expected_api.items()
        if found_api.get(key) != value
    ]
    return problems


@pytest.mark.parametrize("name", xss.PAYLOADS)
def test_editors_texts_come_out_inert_everywhere(
    name, clients, editor_baseline, django_capture_on_commit_callbacks
):
    text = xss.PAYLOADS[name]
    found, world, readings = editor_problems(
        text, clients, editor_baseline, django_capture_on_commit_callbacks
    )
    assert not found, f"{name} ({text!r}):\n{report(found)}"
    assert kept_as_data(text, world, readings) == []


# --- readers' input -----------------------------------------------------------------------


def reader_surfaces(world, value):
    """Every place a reader's ``value`` goes: query parameters and path segments."""
    segment = quote(value, safe="")
    # Where a route takes one segment only: a slash arrives as "%2F", not as a separator.
    one_segment = quote(value.replace("/", "%2F"), safe="")
    article, section, author = world.article, world.section, world.author

    def query(**params):
        return "?" + urlencode(params)

    surfaces = [
        Surface("search", f"/suche/{query(q=value)}", mode="at_most"),
        Surface("search page number", f"/suche/{query(q=value, seite=value)}", mode="at_most"),
        Surface(
            "article with parameters",
            article.get_absolute_url() + query(utm_source=value, q=value),
        ),
        Surface("RSS feed with parameters", f"/feeds/rss/{query(q=value)}", "rss"),
    ]
    # Not a page number: no such page.
    missing = [
        ("home ?seite", f"/{query(seite=value)}"),
        ("section page ?seite", section.get_absolute_url() + query(seite=value)),
        ("topic page ?seite", f"/thema/{world.tag.slug}/{query(seite=value)}"),
        ("author page ?seite", author.get_absolute_url() + query(seite=value)),
        ("image credits ?seite", f"/bildnachweise/{query(seite=value)}"),
        ("day archive ?seite", DAY_URL + query(seite=value)),
        # The article runs a live ticker, whose entries are paged.
        ("ticker article ?seite", article.get_absolute_url() + query(seite=value)),
        ("sitemap ?p", f"/sitemap-artikel.xml{query(p=value)}"),
        ("path: section slug", f"/{segment}/"),
        ("path: article slug", f"{section.get_absolute_url()}{segment}/"),
        ("path: topic slug", f"/thema/{segment}/"),
        ("path: author slug", f"/autor/{segment}/"),
        ("path: archive day", f"/archiv/2026/11/{segment}/"),
        ("path: search", f"/suche/{segment}/"),
        ("path: image credits", f"/bildnachweise/{segment}/"),
        ("path: topic feed slug", f"/feeds/thema/{segment}/rss/"),
        ("path: sitemap section", f"/sitemap-{segment}.xml"),
    ]
    surfaces += [Surface(name, url, status=404) for name, url in missing]
    surfaces += [
        Surface("path: preview token", f"/vorschau/link/{one_segment}/", status=403),
        # The admin says "no article with this id" on its index page; its routes take no
        # line break, so that ends on the site's 404 page.
        Surface(
            "path: admin object id",
            f"/admin/articles/article/{segment}/change/",
            staff=True,
            follow=True,
            status=(200, 404),
            mode="at_most",
        ),
        Surface(
            "API filters",
            "/api/v1/articles/" + query(section=value, tag=value, author=value),
            "json",
            status=400,
        ),
        Surface(
            "API times",
            "/api/v1/articles/" + query(published_after=value, published_before=value),
            "json",
            status=400,
        ),
        Surface(
            "API page", "/api/v1/articles/" + query(page=value, page_size=value), "json", status=400
        ),
        Surface("API author slug", f"/api/v1/authors/{segment}/", "json", status=404),
        Surface("API path", f"/api/{segment}/", "json", status=404),
    ]
    surfaces += [
        Surface(f"admin search {name}", f"{url}{query(q=value)}", staff=True, mode="at_most")
        for name, url in [
            ("articles", CHANGELIST_URL),
            ("images", "/admin/images/image/"),
            ("authors", "/admin/people/author/"),
        ]
    ]
    return surfaces


def shown_value(surface, value):
    """What a surface shows of a reader's input (None: not to be counted)."""
    if surface.name.startswith("search"):
        return clean_query(value)[0]  # cleaned, as search.views says
    if surface.name.startswith("admin search") and "\x00" in value:
        return None  # Django's admin refuses the search with a message, and lists everything
    if surface.name == "path: admin object id" and ("\n" in value or "\r" in value):
        return None  # the site's 404 page
    return value


def render_for_readers(clients, value, world):
    return {s.name: read(s, clients, shown_value(s, value)) for s in reader_surfaces(world, value)}


@pytest.fixture
def reader_world(clients, django_capture_on_commit_callbacks):
    """Harmless articles to read with hostile parameters; the default site settings."""
    return build_world(HARMLESS, django_capture_on_commit_callbacks, site_settings=False)


@pytest.fixture
def reader_baseline(baselines, clients, reader_world):
    """The reader's surfaces with harmless input. Some answers differ by input, harmless or
    not: a search finds something or nothing, the admin refuses a search with a NUL
    character (listing everything), a line break leaves the admin's routes. Those surfaces
    ("at_most") are compared with all of these at once."""
    if "reader" not in baselines:
        harmless = render_for_readers(clients, HARMLESS_INPUT, reader_world)
        others = [
            render_for_readers(clients, value, reader_world)
            for value in (MARKER, "Nul\x00", "Zeile\nzwei")
        ]
        for name, reading in harmless.items():
            if reading.surface.mode == "at_most":
                reading.page = xss.merged([reading.page, *(other[name].page for other in others)])
        baselines["reader"] = harmless
    return baselines["reader"]


@pytest.mark.parametrize("name", xss.READER_PAYLOADS)
def test_readers_input_comes_out_inert_everywhere(name, clients, reader_world, reader_baseline):
    value = xss.READER_PAYLOADS[name]
    readings = render_for_readers(clients, value, reader_world)
    found = {
        surface: problems
        for surface, reading in readings.items()
        if (problems := problems_of(reading, reader_baseline[surface]))
    }
    assert not found, f"{name} ({value!r}):\n{report(found)}"


# --- addresses in the site settings -------------------------------------------------------

SCRIPT_ADDRESSES = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "javascript&colon;alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
]
# Addresses leaving the site that look like one of its own.
OFF_SITE_ADDRESSES = ["/\\xss.example/", "//xss.example/"]


@pytest.mark.parametrize("address", SCRIPT_ADDRESSES + OFF_SITE_ADDRESSES)
def test_site_settings_refuse_script_and_off_site_addresses(address, admin_client):
    form = open_form(admin_client, SETTINGS_ADD, form_id="sitesettings_form").fill(
        site_name=HARMLESS, imprint_url=address, privacy_url=address
    )
    form.fill_row("social_accounts", 0, position="1", network="Netz", url=address)
    response = form.submit(admin_client, SETTINGS_ADD)
    assert response.status_code == 200, "saved"
    errors = response.context["adminform"].form.errors
    assert {"imprint_url", "privacy_url"} <= set(errors), errors
    if address in SCRIPT_ADDRESSES:  # a social account's "//x" is read as https://x
        (account_errors,) = response.context["inline_admin_formsets"][0].formset.errors
        assert "url" in account_errors, address


# --- holes this corpus found, fixed ------------------------------------------------------


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_media_credit_read_as_html_is_inert(kind, clients, django_capture_on_commit_callbacks):
    build_world(xss.PAYLOADS["img-onerror"], django_capture_on_commit_callbacks)
    response = clients["reader"].get(reverse(f"distribution:{kind}"))
    credits = xss.parse_xml(response.content)[0].iter(xss.MEDIA_CREDIT)
    problems = [p for credit in credits for p in xss.as_html_problems(credit.text)]
    assert problems == []


@pytest.mark.parametrize("name", xss.CONTROL_CHARACTER_PAYLOADS)
def test_control_characters_keep_feeds_and_sitemaps_well_formed(
    name, clients, editor_baseline, django_capture_on_commit_callbacks
):
    text = xss.CONTROL_CHARACTER_PAYLOADS[name]
    found, _world, _readings = editor_problems(
        text, clients, editor_baseline, django_capture_on_commit_callbacks, kinds=READERS
    )
    assert not found, report(found)


@pytest.mark.parametrize("name", xss.CONTROL_CHARACTER_PAYLOADS)
def test_control_characters_leave_pages_and_the_api_inert(
    name, clients, editor_baseline, django_capture_on_commit_callbacks
):
    text = xss.CONTROL_CHARACTER_PAYLOADS[name]
    found, _world, _readings = editor_problems(
        text, clients, editor_baseline, django_capture_on_commit_callbacks, kinds={"html", "json"}
    )
    assert not found, report(found)


# --- the checks can fail ------------------------------------------------------------------


def test_the_corpus_is_large_and_fits_every_field():
    assert len(xss.PAYLOADS) >= 60
    for name, text in xss.PAYLOADS.items():
        assert 10 < len(text) <= xss.MAX_PAYLOAD_LENGTH, name
        assert text.strip(), name
        assert not any(ord(char) < 0x20 and char not in "\t\n" for char in text), name


LIVE_SNIPPETS = {
    "script": "<script>alert(1)</script>",
    "handler": "<p onclick=x>a</p>",
    "handler upper case": '<img src="x" ONERROR="x">',
    "javascript address": '<a href="javascript:x">a</a>',
    "address with entities": '<a href=" java&#x09;scr&#105;pt:x">a</a>',
    "vbscript address": '<a href="VBScript:x">a</a>',
    "data address": '<a href="data:text/html,x">a</a>',
    "data picture outside img": '<a href="data:image/svg+xml,x">a</a>',
    "form action": '<button formaction="javascript:x">a</button>',
    "srcset": '<img src="/a.jpg" srcset="/a.jpg 1x, javascript:x 2x">',
    "svg": "<svg><circle r=1></circle></svg>",
    "xlink": '<p xlink:href="javascript:x">a</p>',
    "math": "<math><mi>x</mi></math>",
    "iframe": '<iframe src="https://example.org/"></iframe>',
    "object": '<object data="/x"></object>',
    "embed": '<embed src="/x">',
    "base": '<base href="/">',
    "form": '<form action="/x"></form>',
    "refresh": '<meta http-equiv="Refresh" content="0;url=/x">',
    "style expression": '<p style="width: expression(alert(1))">a</p>',
    "style escaped expression": '<p style="width:exp\\72 ession(1)">a</p>',
    "style script address": "<p style=\"background:url( 'javascript:x')\">a</p>",
    "style element": "<style>p{}</style>",
    "srcdoc": '<iframe srcdoc="x"></iframe>',
    "JSON-LD broken out": '<script type="application/ld+json">{"a": "</script>"}</script>',
    "JSON-LD comment": '<script type="application/ld+json">{"a": "<!--"}</script>',
    "JSON-LD not JSON": '<script type="application/ld+json">alert(1)</script>',
    "JSON-LD with a source": '<script type="application/ld+json" src="/x.js">{}</script>',
}


@pytest.mark.parametrize("name", LIVE_SNIPPETS)
def test_the_html_check_finds_live_markup(name):
    page = xss.HtmlPage(
        f"<!DOCTYPE html><html><head></head><body>{LIVE_SNIPPETS[name]}</body></html>"
    )
    assert xss.html_problems(page), name


CLEAN_PAGE = """<!DOCTYPE html><html lang="de"><head><title>&lt;b&gt; – Seite</title>
<meta property="og:title" content="&lt;img src=x onerror=alert(1)&gt;">
<script type="application/ld+json">{"headline":"\\u003C/script\\u003E javascript:"}</script>
</head><body><p>javascript:alert(1) &lt;script&gt; onclick=x</p>
<a href="https://example.org/?a=1&amp;b=javascript:x">L</a><a href="/relativ/">R</a>
<a href="mailto:r@example.org">M</a><a href="java&#x200b;script:x">Z</a>
<img src="data:image/png;base64,iVBORw0KGgo=" alt="onerror=x">
<div class="article__body"><p><a href="https://example.org/" rel="noopener">x</a></p></div>
</body></html>"""


def test_the_html_check_passes_inert_markup():
    page = xss.HtmlPage(CLEAN_PAGE, rich=(BODY,))
    assert xss.html_problems(page) == []
    assert xss.html_problems(page, xss.HtmlPage(CLEAN_PAGE, rich=(BODY,))) == []


def test_the_html_check_finds_what_changed_from_the_baseline():
    baseline = xss.HtmlPage(CLEAN_PAGE, rich=(BODY,))
    injected = [
        ("a link", '<a href="https://evil.example/">x</a>'),
        ("an attribute", '<p class="x" title="&lt;">'),
        ("noscript read differently by browsers", '<noscript><p title="</noscript><img src=x>">'),
        ("a form the page has not", '<form action="https://evil.example/"></form>'),
        ("body markup outside the body", "<h2>Zwischentitel</h2>"),
    ]
    for name, markup in injected:
        page = xss.HtmlPage(CLEAN_PAGE.replace("</body>", markup + "</body>"), rich=(BODY,))
        assert xss.html_problems(page, baseline), name
    swallowed = xss.HtmlPage(CLEAN_PAGE.replace("<p>javascript", "<!-- <p>javascript"))
    assert xss.html_problems(swallowed, baseline), "markup swallowed by a comment"
    for mode in ("exact", "at_most", "kinds"):
        for markup in ("<svg></svg>", '<script type="application/ld+json">{}</script>'):
            page = xss.HtmlPage(CLEAN_PAGE.replace("</body>", markup + "</body>"))
            assert xss.html_problems(page, baseline, mode=mode), (mode, markup)


def test_rich_text_may_hold_an_article_bodys_markup_only():
    assert xss.fragment_problems('<p>A <a href="https://e.org/" title="t" rel="x">l</a></p>') == []
    for markup in (
        "<img src=x>",
        '<a href="javascript:x">l</a>',
        '<p class="x">a</p>',
        "<div>a</div>",
    ):
        assert xss.fragment_problems(markup), markup


def test_text_read_as_html_may_produce_no_element():
    assert xss.as_html_problems("&lt;img src=x onerror=alert(1)&gt; & Co") == []
    assert xss.as_html_problems("<b>fett</b>")
    assert xss.as_html_problems("<img src=x onerror=alert(1)>")
    assert xss.as_html_text("&lt;b&gt; &amp;") == "<b> &"


RSS_TEMPLATE = (
    '<?xml version="1.0" encoding="utf-8"?>'
    '<rss version="2.0"><channel><title>{title}</title></channel></rss>'
)


def test_the_xml_check_finds_live_and_broken_feeds():
    clean = RSS_TEMPLATE.format(title="&amp;lt;img src=x&amp;gt;").encode()
    assert xss.xml_problems(clean, clean, reads_as_html=xss.rss_reads_as_html) == []
    broken = {
        "single-escaped title": RSS_TEMPLATE.format(title="&lt;img src=x onerror=1&gt;"),
        "not well-formed": RSS_TEMPLATE.format(title="<img src=x>"),
        "style sheet": RSS_TEMPLATE.replace("?>", '?><?xml-stylesheet href="x.xsl"?>'),
        "XHTML script": RSS_TEMPLATE.format(
            title='<script xmlns="http://www.w3.org/1999/xhtml">alert(1)</script>'
        ),
        "DOCTYPE": RSS_TEMPLATE.replace("?>", '?><!DOCTYPE rss [<!ENTITY x "y">]>'),
        "new element": RSS_TEMPLATE.format(title="<b>x</b>"),
    }
    for name, xml in broken.items():
        assert xss.xml_problems(xml.encode(), clean, reads_as_html=xss.rss_reads_as_html), name
    linked = RSS_TEMPLATE.format(title="x</title><link> JavaScript:alert(1)</link><title>y")
    assert xss.xml_problems(linked.encode()) == ["link: a javascript: address"]


def test_the_json_check_finds_broken_answers():
    good = b'{"body": "<p>x</p>", "url": "http://testserver/a/", "lead": "<img src=x>"}'
    assert xss.json_problems(good, good) == []
    assert xss.json_problems(b"{'kein': json}")
    assert xss.json_problems(b'{"body": "<img src=x onerror=1>"}')
    assert xss.json_problems(b'{"url": "javascript:alert(1)"}')
    assert xss.json_problems(b'{"body": "<p>x</p>", "extra": 1}', good)


def test_shown_counts_text_as_written():
    page = xss.HtmlPage(CLEAN_PAGE)
    assert xss.shown_in_html(page, "<img src=x onerror=alert(1)>") == {
        "text": 0,
        "attributes": 1,
        "json": 0,
    }
    assert xss.shown_in_html(page, "</script> javascript:")["json"] == 1
    assert xss.shown_in_html(page, "<script>")["text"] == 1


# The checks on the real surfaces: with escaping switched off at one place, the corpus test
# must find it.


def test_the_corpus_finds_a_title_marked_safe(
    monkeypatch, clients, editor_baseline, django_capture_on_commit_callbacks
):
    title = Article.title
    monkeypatch.setattr(Article, "title", property(lambda self: mark_safe(title.fget(self))))
    found, _world, _readings = editor_problems(
        xss.PAYLOADS["img-onerror"], clients, editor_baseline, django_capture_on_commit_callbacks
    )
    assert "onerror" in report(found)
    assert {"article page", "image credits"} <= set(found)


def test_the_corpus_finds_json_ld_left_unescaped(
    monkeypatch, clients, editor_baseline, django_capture_on_commit_callbacks
):
    monkeypatch.setattr("distribution.structured_data._SCRIPT_ESCAPES", {})
    found, _world, _readings = editor_problems(
        xss.PAYLOADS["jsonld-close"], clients, editor_baseline, django_capture_on_commit_callbacks
    )
    assert "a script" in report({"page": found.get("article page", [])})


def test_the_corpus_finds_feed_titles_left_unescaped(
    monkeypatch, clients, editor_baseline, django_capture_on_commit_callbacks
):
    monkeypatch.setattr("distribution.feedgenerators.as_html_text", lambda value: value)
    found, _world, _readings = editor_problems(
        xss.PAYLOADS["svg-onload"], clients, editor_baseline, django_capture_on_commit_callbacks
    )
    assert "when read as HTML" in report({"RSS": found.get("RSS feed", [])})


def test_the_corpus_finds_a_body_left_unsanitized(
    monkeypatch, clients, editor_baseline, django_capture_on_commit_callbacks
):
    monkeypatch.setattr("articles.models.articles.clean_body", lambda html: html)
    found, _world, _readings = editor_problems(
        xss.PAYLOADS["svg-script"], clients, editor_baseline, django_capture_on_commit_callbacks
    )
    assert "in rich text" in report({"page": found.get("article page", [])})
    assert "body" in report({"API": found.get("API article", [])})


def test_the_corpus_finds_a_version_diff_left_unescaped(
    monkeypatch, clients, editor_baseline, django_capture_on_commit_callbacks
):
    monkeypatch.setattr("articles.revisions.escape", lambda text: text)
    found, _world, _readings = editor_problems(
        xss.PAYLOADS["img-onerror"], clients, editor_baseline, django_capture_on_commit_callbacks
    )
    assert "onerror" in report({"diff": found.get("admin version comparison", [])})


@pytest.fixture
def without_escaping(monkeypatch):
    """Django's escaping (its templates, format_html) and Jinja2's (the reader's pages) off;
    after the baselines, which are taken with escaping (name it last)."""
    monkeypatch.setattr("django.template.base.conditional_escape", lambda value: value)
    monkeypatch.setattr("django.utils.html.conditional_escape", lambda value: value)
    jinja2 = engines["jinja2"].env
    monkeypatch.setattr(jinja2, "autoescape", False)
    jinja2.cache.clear()  # escaping is compiled into a template
    yield
    monkeypatch.undo()
    jinja2.cache.clear()


def test_the_corpus_finds_every_page_left_unescaped(
    clients, editor_baseline, django_capture_on_commit_callbacks, without_escaping
):
    """Without Django's and Jinja2's escaping (templates, format_html), every HTML surface
    and the news sitemap (a template too) must fail."""
    found, _world, readings = editor_problems(
        xss.PAYLOADS["img-onerror"], clients, editor_baseline, django_capture_on_commit_callbacks
    )
    pages = {name for name, reading in readings.items() if reading.surface.kind == "html"}
    assert len(pages) == 17  # with the corrections page and the admin's ticker page
    assert pages | {"news sitemap"} <= set(found)


def test_the_corpus_finds_reader_input_left_unescaped(
    clients, reader_world, reader_baseline, without_escaping
):
    readings = render_for_readers(clients, xss.PAYLOADS["attr-close-script"], reader_world)
    found = {
        name for name, reading in readings.items() if problems_of(reading, reader_baseline[name])
    }
    # Where a page shows what the reader typed: the search box and its heading, the admin's
    # search box and its message about an unknown id.
    assert {
        "search",
        "search page number",
        "admin search articles",
        "admin search images",
        "admin search authors",
        "path: admin object id",
    } <= found
