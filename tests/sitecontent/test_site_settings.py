"""The site's texts ("Website-Einstellungen"): defaults from settings until saved, edited in
the admin by the chief editors only, shown in the header, footer and follow box."""

import re

import pytest
from django.utils import timezone

from sitecontent.models import SiteSettings, SocialAccount
from tests.helpers import forms
from tests.helpers.accounts import CHIEF, DESK, REPORTER
from tests.helpers.factories import (
    ArticleFactory,
    AuthorFactory,
    BylineFactory,
    ImageFactory,
    SectionFactory,
)
from tests.helpers.html import start_tags, text_of
from tests.helpers.pages import element, get, meta

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/sitecontent/sitesettings/"
ADD = "/admin/sitecontent/sitesettings/add/"
CHANGE = "/admin/sitecontent/sitesettings/1/change/"


def footer(page):
    return element(page, "footer", "site-footer")


def open_form(client, url):
    """The settings form as the admin shows it, ready to fill in and submit."""
    return forms.open_form(client, url, form_id="sitesettings_form")


def links(markup):
    """[(href, text)] of the links in ``markup``."""
    return [
        (href, text_of(label))
        for href, label in re.findall(r'<a href="([^"]+)"[^>]*>(.*?)</a>', markup, re.S)
    ]


# --- defaults ----------------------------------------------------------------------------------


def test_a_fresh_install_shows_the_defaults_from_settings(client, settings):
    settings.NEWSROOM_SITE_NAME = "Leipziger Rundschau"
    settings.NEWSROOM_FOLLOW_BOX = "Folgen Sie uns auf Mastodon!"
    article = ArticleFactory()

    page = get(client, article.get_absolute_url())
    home = get(client, "/")

    assert not SiteSettings.objects.exists()
    assert text_of(element(page, "a", "site-name")) == "Leipziger Rundschau"
    assert text_of(element(page, "aside", "follow-box")) == "Folgen Sie uns auf Mastodon!"
    assert meta(page, "og:site_name") == ["Leipziger Rundschau"]
    assert meta(home, "description") == [
        "Nachrichten, Hintergründe und Analysen von Leipziger Rundschau."
    ]
    assert f"© {timezone.localdate().year} Leipziger Rundschau" in text_of(footer(home))
    # Legal links appear once they are set; the credits and the feed are always there.
    hrefs = [a["href"] for a in start_tags(footer(home), "a")]
    assert "/bildnachweise/" in hrefs and "/feeds/rss/" in hrefs
    assert not [href for href in hrefs if href.startswith("mailto:")]


def test_the_add_form_starts_with_the_defaults(admin_client, settings):
    settings.NEWSROOM_SITE_NAME = "Leipziger Rundschau"
    form = open_form(admin_client, ADD)
    assert form.data["site_name"] == "Leipziger Rundschau"
    assert form.data["follow_box"] == settings.NEWSROOM_FOLLOW_BOX


# --- editing in the admin ----------------------------------------------------------------------


def fill_settings(client, url):
    return (
        open_form(client, url)
        .fill(
            site_name="Leipziger Rundschau",
            description="Nachrichten aus Leipzig und Sachsen.",
            follow_box="Neu: unser WhatsApp-Kanal!",
            imprint_url="/impressum/",
            privacy_url="https://rundschau.example/datenschutz/",
            contact_email="redaktion@rundschau.example",
        )
        .fill_row("social_accounts", 0, network="Mastodon", url="https://social.example/@lr")
        .add_row("social_accounts", network="Bluesky", url="https://bsky.example/lr")
    )


def test_chief_editors_edit_the_settings_and_every_page_shows_them_at_once(role_client):
    client = role_client(CHIEF)
    article = ArticleFactory()
    get(client, article.get_absolute_url())  # the defaults are cached now

    # The list leads to the one settings page there is (the add form while none is saved).
    response = client.get(CHANGELIST)
    assert (response.status_code, response["Location"]) == (302, ADD)
    response = fill_settings(client, ADD).submit(client, ADD)
    assert (response.status_code, response["Location"]) == (302, CHANGE)
    response = client.get(CHANGELIST)
    assert (response.status_code, response["Location"]) == (302, CHANGE)

    page = get(client, article.get_absolute_url())
    assert text_of(element(page, "a", "site-name")) == "Leipziger Rundschau"
    box = element(page, "aside", "follow-box")
    assert "Neu: unser WhatsApp-Kanal!" in text_of(box)
    assert links(box) == [
        ("https://social.example/@lr", "Mastodon"),
        ("https://bsky.example/lr", "Bluesky"),
    ]
    in_footer = {text: href for href, text in links(footer(page))}
    assert in_footer["Impressum"] == "/impressum/"
    assert in_footer["Datenschutz"] == "https://rundschau.example/datenschutz/"
    assert in_footer["Kontakt"] == "mailto:redaktion@rundschau.example"
    assert in_footer["Mastodon"] == "https://social.example/@lr"
    assert in_footer["Bluesky"] == "https://bsky.example/lr"
    assert in_footer["Bildnachweise"] == "/bildnachweise/"
    assert in_footer["RSS-Feed"] == "/feeds/rss/"
    assert "Nachrichten aus Leipzig und Sachsen." in text_of(footer(page))


def test_changing_and_reordering_social_accounts_shows_at_once(admin_client, client):
    site = SiteSettings.objects.create()
    SocialAccount.objects.create(
        site_settings=site, network="Erstes", url="https://a.example/", position=1
    )
    SocialAccount.objects.create(
        site_settings=site, network="Zweites", url="https://b.example/", position=2
    )
    assert [n for _, n in links(element(get(client, "/"), "div", "site-footer__social"))] == [
        "Erstes",
        "Zweites",
    ]

    response = (
        open_form(admin_client, CHANGE)
        .fill_row("social_accounts", 0, position="3")
        .fill(follow_box="Anders")
        .submit(admin_client, CHANGE)
    )

    assert response.status_code == 302
    assert [n for _, n in links(element(get(client, "/"), "div", "site-footer__social"))] == [
        "Zweites",
        "Erstes",
    ]


@pytest.mark.parametrize(
    "bad",
    [
        "javascript:alert(1)",
        "//evil.example/",
        "ftp://files.example/",
        "/mit leerzeichen/",
        # Browsers read "\\" as "/": these leave the site too.
        "/\\evil.example/",
        "/impressum\\..\\evil",
    ],
)
def test_links_must_be_web_addresses_or_paths_on_the_site(admin_client, bad):
    response = fill_settings(admin_client, ADD).fill(imprint_url=bad).submit(admin_client, ADD)
    assert response.status_code == 200
    assert not SiteSettings.objects.exists()


def test_the_settings_cannot_be_added_twice_or_deleted(admin_client):
    SiteSettings.objects.create()
    assert admin_client.get(ADD).status_code == 403
    assert admin_client.get("/admin/sitecontent/sitesettings/1/delete/").status_code == 403
    assert SiteSettings.objects.count() == 1


@pytest.mark.parametrize("role", [REPORTER, DESK])
def test_reporters_and_the_desk_may_not_change_the_settings(role_client, role):
    client = role_client(role)
    assert client.get(CHANGELIST).status_code == 403
    assert client.get(ADD).status_code == 403
    assert client.post(ADD, {"site_name": "Gekapert"}).status_code == 403

    SiteSettings.objects.create(site_name="Original")
    assert client.get(CHANGE).status_code == 403
    response = client.post(CHANGE, {"site_name": "Gekapert", "description": "x"})
    assert response.status_code == 403
    assert SiteSettings.objects.get().site_name == "Original"


# --- the logo for structured data --------------------------------------------------------------


def test_a_logo_from_the_library_can_be_chosen(admin_client, client):
    logo = ImageFactory(alt_text="Logo der Rundschau")
    response = fill_settings(admin_client, ADD).fill(logo=str(logo.pk)).submit(admin_client, ADD)
    assert response.status_code == 302
    assert SiteSettings.objects.get().logo == logo


# --- header ------------------------------------------------------------------------------------


def test_header_has_the_search_form_and_marks_the_articles_section(client):
    politik = SectionFactory(name="Politik", slug="politik", position=1)
    SectionFactory(name="Sport", slug="sport", position=2)
    article = ArticleFactory(section=politik)

    page = get(client, article.get_absolute_url())

    nav = element(page, "nav", "section-nav")
    assert [(a["href"], a.get("aria-current")) for a in start_tags(nav, "a")] == [
        ("/", None),
        ("/politik/", "true"),
        ("/sport/", None),
    ]
    assert "aria-current" not in footer(page)
    (search,) = [f for f in start_tags(page, "form") if f.get("role") == "search"]
    assert search["action"] == "/suche/"


# --- the publication's sign-off code -----------------------------------------------------------


def test_the_sign_off_code_starts_from_the_environment_and_is_changed_in_the_admin(
    admin_client, client, settings
):
    settings.NEWSROOM_PUBLICATION_CODE = "lvz"
    article = ArticleFactory(headline="Neue Brücke")
    BylineFactory(article=article, author=AuthorFactory(short_code="mm"))
    form = open_form(admin_client, ADD)
    assert form.data["publication_code"] == "lvz"
    assert "mm/lvz" in text_of(
        element(get(client, article.get_absolute_url()), "p", "article__sign-off")
    )

    response = (
        fill_settings(admin_client, ADD)
        .fill(publication_code="rundschau")
        .submit(admin_client, ADD)
    )

    assert response.status_code == 302
    assert SiteSettings.objects.get().publication_code == "rundschau"
    page = get(client, article.get_absolute_url())
    assert text_of(element(page, "p", "article__sign-off")) == "mm/rundschau"
