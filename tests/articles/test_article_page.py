"""The public article page: every part of ANATOMY.md, in the anatomy's order."""

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

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
from tests.helpers.html import start_tags, text_of

pytestmark = pytest.mark.django_db

# 2026-11-03 13:05 UTC is 14.05 in Berlin (CET, +01:00).
PUBLISHED_AT = datetime(2026, 11, 3, 13, 5, tzinfo=UTC)
NOW = datetime(2026, 11, 4, 9, 0, tzinfo=UTC)

# An article page needs the article, its hero's renditions, its bylines (with authors),
# bullets, public cross-links (with their targets), tags, corrections and "Mehr zum Thema":
# eight queries, however many of each there are. (The corrections' prefetch is the eighth,
# added deliberately: one small indexed query, also when there are none.)
MAX_ARTICLE_PAGE_QUERIES = 8


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


# --- helpers -------------------------------------------------------------------------------


def element_text(markup, tag, css_class=None):
    """The text of the first <tag> (optionally with ``css_class``) in ``markup``."""
    class_pattern = rf'[^>]*class="[^"]*\b{re.escape(css_class)}\b[^"]*"' if css_class else ""
    match = re.search(rf"<{tag}{class_pattern}[^>]*>(.*?)</{tag}>", markup, re.S)
    assert match, f"no <{tag} class={css_class!r}> in the page"
    return text_of(match.group(1))


def main_of(page):
    """The <main> element only: head and site chrome repeat some article texts."""
    match = re.search(r"<main\b.*?</main>", page, re.S)
    assert match, "the page has no <main>"
    return match.group(0)


def get_page(client, article):
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def make_full_article():
    """The anatomy's example article, with every part filled in and parts created out of order."""
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
        hero_image=image,
        lead="Leipzig bekommt seine neue Straßenbahnlinie früher als erwartet.",
        body=(
            "<p>Erster Absatz des Textes.</p>"
            "<h2>Was der Beschluss für Pendler bedeutet</h2>"
            "<ul><li>„Wir haben lange genug geplant“, sagte die Bürgermeisterin.</li>"
            "<li>„Jetzt wird gebaut.“</li></ul>"
            "<p>Letzter Absatz des Textes.</p>"
        ),
        published_at=PUBLISHED_AT,
    )
    mara = AuthorFactory(name="Mara Muster", role_title="Newsroom-Redakteurin", short_code="mm")
    ben = AuthorFactory(name="Ben Beispiel", role_title="Redakteur", short_code="ab")
    # Created in reverse order: the page must follow `position`, not creation order.
    BylineFactory(article=article, author=ben, role="Korrespondent", position=2)
    BylineFactory(article=article, author=mara, position=1)
    TeaserBulletFactory(article=article, text="Anwohner kritisieren die Lärmbelastung", position=3)
    TeaserBulletFactory(article=article, text="Baubeginn ist bereits im Frühjahr 2027", position=2)
    TeaserBulletFactory(
        article=article,
        text="Der Stadtrat hat den Ausbau mit großer Mehrheit beschlossen",
        position=1,
    )
    haushalt = ArticleFactory(
        section=section, kicker="Haushalt 2027", headline="Wo die Stadt sparen will"
    )
    verkehr = ArticleFactory(
        kicker="Verkehrswende", headline="Wie andere Städte ihre Netze ausbauen"
    )
    CrossLinkFactory(article=article, target=haushalt, position=2)
    CrossLinkFactory(article=article, target=verkehr, position=1)
    article.tags.add("Verkehr", "Leipzig")
    return article


# --- every part, in order --------------------------------------------------------------------


def test_article_page_shows_every_anatomy_part_in_the_anatomys_order(client, settings):
    settings.NEWSROOM_FOLLOW_BOX = "Folgen Sie uns schon bei Mastodon?"
    article = make_full_article()
    main = main_of(get_page(client, article))

    parts_in_order = [
        "<h1",
        "<img",
        "Die neue Linie soll ab 2028 den Süden der Stadt anbinden.",
        "Bild: picture alliance/dpa/LVZ via Imago | Jana Beispiel",
        "Von Newsroom-Redakteurin Mara Muster und Korrespondent Ben Beispiel",
        "03.11.2026 14.05",
        "Der Stadtrat hat den Ausbau mit großer Mehrheit beschlossen",
        "Baubeginn ist bereits im Frühjahr 2027",
        "Anwohner kritisieren die Lärmbelastung",
        "Leipzig bekommt seine neue Straßenbahnlinie früher als erwartet.",
        "Lesen Sie außerdem noch:",
        "Verkehrswende: Wie andere Städte ihre Netze ausbauen",
        "Haushalt 2027: Wo die Stadt sparen will",
        "<h2>Was der Beschluss für Pendler bedeutet</h2>",
        "„Jetzt wird gebaut.“",
        "Letzter Absatz des Textes.",
        "Folgen Sie uns schon bei Mastodon?",
        "mm/ab/newsroom",
    ]
    positions = []
    for part in parts_in_order:
        assert main.count(part) == 1, f"{part!r} should appear exactly once in <main>"
        positions.append(main.index(part))
    assert positions == sorted(positions), [
        part for part, _ in sorted(zip(parts_in_order, positions, strict=True), key=lambda p: p[1])
    ]


def test_h1_holds_kicker_colon_headline(client):
    article = ArticleFactory(kicker="Stadtrat Leipzig", headline="Straßenbahn-Ausbau kommt früher")
    page = get_page(client, article)
    assert element_text(page, "h1") == "Stadtrat Leipzig: Straßenbahn-Ausbau kommt früher"


def test_h1_without_kicker_is_the_headline_alone(client):
    article = ArticleFactory(kicker="", headline="Straßenbahn-Ausbau kommt früher")
    page = get_page(client, article)
    assert element_text(page, "h1") == "Straßenbahn-Ausbau kommt früher"


def test_hero_image_has_its_alt_text_width_and_height(client):
    image = ImageFactory(alt_text="Eine Straßenbahn im Regen")
    article = ArticleFactory(hero_image=image)
    page = main_of(get_page(client, article))
    (img,) = start_tags(page, "img")
    assert img["alt"] == "Eine Straßenbahn im Regen"
    # The 16:9 crop of the 64×48 original, as a rendition: never the original itself.
    assert (img["width"], img["height"]) == ("64", "36")
    assert img["src"] != image.file.url
    assert img["src"] == image.renditions.get(spec__startswith="wide-64-jpeg").url


def test_article_without_hero_image_shows_no_figure(client):
    page = main_of(get_page(client, ArticleFactory(hero_image=None)))
    assert "<img" not in page
    assert "<figure" not in page
    assert "Bild:" not in page


def test_caption_defaults_to_the_images_own_caption(client):
    image = ImageFactory(caption="Die Bildbibliothek sagt dies.")
    page = get_page(client, ArticleFactory(hero_image=image, hero_caption=""))
    assert element_text(page, "span", "caption") == "Die Bildbibliothek sagt dies."


def test_caption_set_on_the_article_overrides_the_images_caption(client):
    image = ImageFactory(caption="Die Bildbibliothek sagt dies.")
    page = get_page(client, ArticleFactory(hero_image=image, hero_caption="Der Artikel sagt das."))
    assert element_text(page, "span", "caption") == "Der Artikel sagt das."
    assert "Die Bildbibliothek sagt dies." not in page


@pytest.mark.parametrize(
    ("credit_line", "photographer", "expected"),
    [
        ("picture alliance/dpa", "Jana Beispiel", "Bild: picture alliance/dpa | Jana Beispiel"),
        ("picture alliance/dpa", "", "Bild: picture alliance/dpa"),
        ("", "Jana Beispiel", "Bild: Jana Beispiel"),
    ],
    ids=["both-parts", "no-photographer", "no-credit-line"],
)
def test_credit_leaves_out_a_missing_part_with_its_separator(
    client, credit_line, photographer, expected
):
    image = ImageFactory(credit_line=credit_line, photographer=photographer)
    page = get_page(client, ArticleFactory(hero_image=image))
    assert element_text(page, "span", "credit") == expected
    if not (credit_line and photographer):
        assert "|" not in element_text(page, "figcaption")


def test_credit_without_credit_line_and_photographer_shows_no_bild_label(client):
    image = ImageFactory(credit_line="", photographer="", caption="Nur eine Unterschrift.")
    page = main_of(get_page(client, ArticleFactory(hero_image=image)))
    assert "Bild:" not in page
    assert element_text(page, "figcaption") == "Nur eine Unterschrift."


def test_byline_is_von_role_name(client):
    article = ArticleFactory()
    author = AuthorFactory(name="Mara Muster", role_title="Newsroom-Redakteurin")
    BylineFactory(article=article, author=author)
    page = get_page(client, article)
    assert element_text(page, "p", "article__byline") == "Von Newsroom-Redakteurin Mara Muster"


def test_byline_joins_several_authors_in_position_order_with_commas_and_und(client):
    article = ArticleFactory()
    for position, (name, role) in reversed(
        list(enumerate([("Anna A", "Redakteurin"), ("Bert B", "Reporter"), ("Cem C", "Volontär")]))
    ):
        BylineFactory(
            article=article, author=AuthorFactory(name=name, role_title=role), position=position
        )
    page = get_page(client, article)
    assert (
        element_text(page, "p", "article__byline")
        == "Von Redakteurin Anna A, Reporter Bert B und Volontär Cem C"
    )


def test_byline_role_set_on_the_article_overrides_the_authors_role(client):
    article = ArticleFactory()
    author = AuthorFactory(name="Ben Beispiel", role_title="Redakteur")
    BylineFactory(article=article, author=author, role="Korrespondent in Kiew")
    page = get_page(client, article)
    assert element_text(page, "p", "article__byline") == "Von Korrespondent in Kiew Ben Beispiel"
    assert "Redakteur Ben Beispiel" not in page


def test_article_without_authors_shows_no_byline(client):
    page = main_of(get_page(client, ArticleFactory()))
    assert "article__byline" not in page
    assert "Von " not in page


def test_date_is_german_format_in_berlin_time_inside_a_time_element(client):
    page = get_page(client, ArticleFactory(published_at=PUBLISHED_AT))
    assert '<time datetime="2026-11-03T14:05+01:00">03.11.2026 14.05</time>' in page


def test_summer_date_is_shown_in_central_european_summer_time(client):
    published_at = datetime(2026, 7, 1, 10, 0, tzinfo=UTC)
    page = get_page(client, ArticleFactory(published_at=published_at))
    assert '<time datetime="2026-07-01T12:00+02:00">01.07.2026 12.00</time>' in page


def test_aktualisiert_am_is_shown_when_updated_after_publication(client):
    article = ArticleFactory(
        published_at=PUBLISHED_AT, updated_at=PUBLISHED_AT + timedelta(hours=2, minutes=25)
    )
    page = get_page(client, article)
    assert element_text(page, "span", "updated") == "Aktualisiert am 03.11.2026 16.30"
    assert '<time datetime="2026-11-03T16:30+01:00">' in page


@pytest.mark.parametrize(
    "updated_at",
    [None, PUBLISHED_AT, PUBLISHED_AT - timedelta(minutes=1)],
    ids=["never-updated", "same-time", "earlier"],
)
def test_aktualisiert_am_is_absent_unless_updated_after_publication(client, updated_at):
    page = get_page(client, ArticleFactory(published_at=PUBLISHED_AT, updated_at=updated_at))
    assert "Aktualisiert am" not in page


def test_bullets_are_shown_as_a_list_in_position_order(client):
    article = ArticleFactory()
    for position in (3, 1, 2):
        TeaserBulletFactory(article=article, text=f"Punkt {position}", position=position)
    page = get_page(client, article)
    bullets = re.search(r'<ul class="article__bullets".*?</ul>', page, re.S).group(0)
    assert re.findall(r"<li>(.*?)</li>", bullets) == ["Punkt 1", "Punkt 2", "Punkt 3"]


def test_article_without_bullets_shows_no_bullet_list(client):
    assert "article__bullets" not in get_page(client, ArticleFactory())


def test_lead_is_shown_as_plain_escaped_text(client):
    article = ArticleFactory(lead="Der Vorspann mit <b>Markup</b> & mehr.")
    page = get_page(client, article)
    assert element_text(page, "p", "article__lead") == "Der Vorspann mit <b>Markup</b> & mehr."
    assert "&lt;b&gt;Markup&lt;/b&gt; &amp; mehr." in page


def test_cross_links_show_kicker_colon_headline_in_position_order(client):
    article = ArticleFactory()
    first = ArticleFactory(kicker="Verkehrswende", headline="Wie andere Städte ausbauen")
    second = ArticleFactory(kicker="", headline="Ohne Spitzmarke")
    third = ArticleFactory(kicker="Haushalt 2027", headline="Wo die Stadt sparen will")
    CrossLinkFactory(article=article, target=third, position=3)
    CrossLinkFactory(article=article, target=first, position=1)
    CrossLinkFactory(article=article, target=second, position=2)
    page = get_page(client, article)

    aside = re.search(r'<aside class="article__cross-links".*?</aside>', page, re.S).group(0)
    assert element_text(aside, "h2") == "Lesen Sie außerdem noch:"
    links = re.findall(r'<a href="([^"]+)">(.*?)</a>', aside)
    assert links == [
        (first.get_absolute_url(), "Verkehrswende: Wie andere Städte ausbauen"),
        (second.get_absolute_url(), "Ohne Spitzmarke"),
        (third.get_absolute_url(), "Haushalt 2027: Wo die Stadt sparen will"),
    ]


def test_cross_link_to_a_draft_or_future_article_is_hidden_while_a_public_one_shows(client):
    article = ArticleFactory()
    public = ArticleFactory(headline="Öffentlicher Artikel")
    draft = ArticleFactory(draft=True, headline="Entwurf des Artikels")
    future = ArticleFactory(scheduled=True, headline="Geplanter Artikel")
    CrossLinkFactory(article=article, target=draft, position=1)
    CrossLinkFactory(article=article, target=public, position=2)
    CrossLinkFactory(article=article, target=future, position=3)
    page = get_page(client, article)

    assert "Lesen Sie außerdem noch:" in page
    assert public.get_absolute_url() in page
    assert "Öffentlicher Artikel" in page
    for hidden in (draft, future):
        assert hidden.headline not in page
        assert hidden.get_absolute_url() not in page


def test_cross_links_heading_disappears_when_no_linked_article_is_public(client):
    article = ArticleFactory()
    CrossLinkFactory(article=article, target=ArticleFactory(draft=True), position=1)
    CrossLinkFactory(article=article, target=ArticleFactory(scheduled=True), position=2)
    page = get_page(client, article)
    assert "Lesen Sie außerdem noch:" not in page
    assert "article__cross-links" not in page


def test_body_html_is_shown_as_html(client):
    article = ArticleFactory(body="<h2>Zwischentitel</h2><p>Mit <strong>fett</strong>.</p>")
    page = get_page(client, article)
    assert (
        '<div class="article__body"><h2>Zwischentitel</h2><p>Mit <strong>fett</strong>.</p></div>'
        in page
    )


def test_follow_box_shows_the_site_wide_setting(client, settings):
    settings.NEWSROOM_FOLLOW_BOX = "Neu: Folgen Sie uns auf Bluesky und im WhatsApp-Kanal!"
    page = get_page(client, ArticleFactory())
    assert (
        element_text(page, "aside", "follow-box")
        == "Neu: Folgen Sie uns auf Bluesky und im WhatsApp-Kanal!"
    )
    assert "Instagram und Mastodon" not in page


def test_follow_box_default_comes_from_settings(client, settings):
    page = get_page(client, ArticleFactory())
    assert element_text(page, "aside", "follow-box") == settings.NEWSROOM_FOLLOW_BOX


def test_sign_off_with_one_author_is_code_slash_publication(client):
    article = ArticleFactory()
    BylineFactory(article=article, author=AuthorFactory(short_code="mm"))
    page = get_page(client, article)
    assert element_text(page, "p", "article__sign-off") == "mm/newsroom"


def test_sign_off_with_two_authors_lists_both_codes_in_byline_order(client):
    article = ArticleFactory()
    BylineFactory(article=article, author=AuthorFactory(short_code="ab"), position=2)
    BylineFactory(article=article, author=AuthorFactory(short_code="mm"), position=1)
    page = get_page(client, article)
    assert element_text(page, "p", "article__sign-off") == "mm/ab/newsroom"


# --- who may see what, and where ------------------------------------------------------------


def test_draft_article_answers_404(client):
    article = ArticleFactory(draft=True)
    response = client.get(f"/{article.section.slug}/{article.slug}/")
    assert response.status_code == 404
    assert article.headline not in response.content.decode()


def test_scheduled_article_answers_404_until_its_publication_time(client):
    article = ArticleFactory(scheduled=True)
    url = article.get_absolute_url()
    assert client.get(url).status_code == 404
    with time_machine.travel(article.published_at + timedelta(seconds=1), tick=False):
        assert client.get(url).status_code == 200


def test_unknown_slug_answers_404_with_the_german_error_page(client):
    section = SectionFactory(slug="politik")
    response = client.get(f"/{section.slug}/gibt-es-nicht/")
    assert response.status_code == 404
    assert "Diese Seite gibt es nicht (mehr)" in response.content.decode()


def test_wrong_section_in_the_url_redirects_permanently_to_the_canonical_url(client):
    article = ArticleFactory(section=SectionFactory(slug="politik"))
    SectionFactory(slug="sport")
    response = client.get(f"/sport/{article.slug}/")
    assert response.status_code == 301
    assert response["Location"] == f"/politik/{article.slug}/"
    assert article.get_absolute_url() == f"/politik/{article.slug}/"


def test_wrong_section_for_a_draft_answers_404_not_a_redirect(client):
    article = ArticleFactory(draft=True)
    assert client.get(f"/anderes-ressort/{article.slug}/").status_code == 404


# --- accessibility basics ---------------------------------------------------------------------


def test_page_is_german_with_one_h1_a_main_landmark_and_alt_texts(client):
    page = get_page(client, make_full_article())
    (html_tag,) = start_tags(page, "html")
    assert html_tag["lang"] == "de"
    assert len(start_tags(page, "h1")) == 1
    assert len(start_tags(page, "main")) == 1
    images = start_tags(page, "img")
    assert images
    assert all(img.get("alt", "").strip() for img in images)


def test_canonical_link_points_to_the_article_url(client):
    article = ArticleFactory()
    page = get_page(client, article)
    canonical = [link for link in start_tags(page, "link") if link.get("rel") == "canonical"]
    assert [link["href"] for link in canonical] == [
        f"http://testserver{article.get_absolute_url()}"
    ]


# --- performance ------------------------------------------------------------------------------


def make_article_with(count):
    """A public article with ``count`` bylines, bullets, public cross-links, tags and
    corrections each."""
    article = ArticleFactory(hero_image=ImageFactory())
    for position in range(count):
        CorrectionFactory(article=article)
        BylineFactory(article=article, position=position)
        TeaserBulletFactory(article=article, position=position)
        target = ArticleFactory(section=SectionFactory(), hero_image=ImageFactory())
        CrossLinkFactory(article=article, target=target, position=position)
        article.tags.add(f"Thema {position}")
    return article


def count_queries(client, article):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return len(queries)


def test_article_page_runs_the_same_number_of_queries_for_a_small_and_a_large_article(client):
    small = make_article_with(1)
    large = make_article_with(5)
    client.get(small.get_absolute_url())  # warm per-process caches (content types)
    client.get(large.get_absolute_url())  # renditions are made once, on first view

    small_count = count_queries(client, small)
    large_count = count_queries(client, large)

    assert small_count == large_count
    page = get_page(client, large)
    assert page.count("article__bullets") == 1
    assert len(re.findall(r"<li>Stichpunkt", page)) == 5


def test_article_page_query_count_has_an_upper_bound(client, django_assert_max_num_queries):
    article = make_article_with(5)
    client.get(article.get_absolute_url())  # warm per-process caches (content types)
    with django_assert_max_num_queries(MAX_ARTICLE_PAGE_QUERIES):
        response = client.get(article.get_absolute_url())
    assert response.status_code == 200
