"""The article admin, driven through its own add/change forms like an editor's browser would.

Each editing test fetches the admin form, reads the controls a browser would submit (including
the inline management forms), changes what the editor would type and posts it back.
"""

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib import messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.html import escape
from taggit.models import Tag

from articles.models import Article, ArticleEvent, Byline, CrossLink, TeaserBullet
from tests.helpers.article_admin import (
    ADD_URL,
    CHANGELIST_URL,
    change_url,
    do_transition,
    full_article_form,
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
from tests.helpers.forms import open_form, sent_messages

pytestmark = pytest.mark.django_db

AUTOCOMPLETE_URL = "/admin/autocomplete/"


def assert_refused(response, message=None, typed=()):
    """The form is shown again with the message, and with everything the editor typed."""
    assert response.status_code == 200, "the form was saved instead of being refused"
    content = response.content.decode()
    assert "errornote" in content
    if message:
        assert escape(message) in content, f"{message!r} is not on the page"
    for text in typed:
        assert escape(text) in content, f"the typed {text!r} was lost"


def inline_errors(response, prefix):
    """The errors an inline shows above its rows, for the inline as a whole."""
    for inline in response.context["inline_admin_formsets"]:
        if inline.formset.prefix == prefix:
            return list(inline.formset.non_form_errors())
    raise AssertionError(f"no inline {prefix!r} on the page")


def published(**kwargs):
    """A public article; its publication time has come."""
    return ArticleFactory(status=Article.Status.PUBLISHED, **kwargs)


# --- Adding and changing ---------------------------------------------------------------------


def test_adding_a_full_article_stores_every_part_in_order(admin_client):
    section = SectionFactory(name="Leipzig", slug="leipzig")
    image = ImageFactory(caption="Die Bildunterschrift aus der Bibliothek")
    mara = AuthorFactory(name="Mara Muster", role_title="Redakteurin")
    ben = AuthorFactory(name="Ben Beispiel", role_title="Redakteur")
    first_link, second_link = published(headline="Verkehrswende"), published(headline="Haushalt")
    Tag.objects.create(name="Nahverkehr", slug="nahverkehr")

    form = open_form(admin_client, ADD_URL).fill(
        kicker="Stadtrat Leipzig",
        headline="Straßenbahn-Ausbau kommt zwei Jahre früher",
        slug="",
        section=str(section.pk),
        tags="Nahverkehr, Stadtrat Leipzig, Straßenbahn",
        hero_image=str(image.pk),
        hero_caption="Die neue Linie soll ab 2028 den Süden der Stadt anbinden.",
        lead="Leipzig bekommt seine neue Straßenbahnlinie früher als erwartet.",
        body="<p>Der Stadtrat hat entschieden.</p><h2>Was der Beschluss bedeutet</h2>",
        published_at_0="03.11.2026",
        published_at_1="14:05",
    )
    form.fill_row("bylines", 0, position="1", author=str(mara.pk), role="")
    form.add_row("bylines", position="2", author=str(ben.pk), role="Korrespondent")
    form.fill_row("bullets", 0, position="1", text="Der Stadtrat hat den Ausbau beschlossen")
    form.fill_row("bullets", 1, position="2", text="Baubeginn ist im Frühjahr 2027")
    form.fill_row("bullets", 2, position="3", text="Anwohner kritisieren die Lärmbelastung")
    form.fill_row("cross_links", 0, position="1", target=str(first_link.pk))
    form.add_row("cross_links", position="2", target=str(second_link.pk))
    tags_before = Tag.objects.count()

    response = form.submit(admin_client, ADD_URL)

    assert response.status_code == 302, response.context["errors"] if response.context else ""
    article = Article.objects.get(headline="Straßenbahn-Ausbau kommt zwei Jahre früher")
    assert article.kicker == "Stadtrat Leipzig"
    assert article.slug == "strassenbahn-ausbau-kommt-zwei-jahre-frueher"
    assert article.section == section
    assert article.hero_image == image
    assert article.caption == "Die neue Linie soll ab 2028 den Süden der Stadt anbinden."
    assert article.lead == "Leipzig bekommt seine neue Straßenbahnlinie früher als erwartet."
    assert article.body == "<p>Der Stadtrat hat entschieden.</p><h2>Was der Beschluss bedeutet</h2>"
    # Added in the admin, an article is always a draft of whoever added it.
    assert article.status == Article.Status.DRAFT
    assert article.created_by == admin_client.user
    # 14:05 in Berlin on 3 November (CET, UTC+1) is 13:05 UTC.
    assert article.published_at == datetime(2026, 11, 3, 13, 5, tzinfo=UTC)
    assert sorted(article.tags.names()) == ["Nahverkehr", "Stadtrat Leipzig", "Straßenbahn"]
    assert Tag.objects.count() == tags_before + 2
    assert [(b.author, b.role, b.position) for b in article.bylines.all()] == [
        (mara, "", 1),
        (ben, "Korrespondent", 2),
    ]
    assert article.byline == "Von Redakteurin Mara Muster und Korrespondent Ben Beispiel"
    assert [(b.text, b.position) for b in article.bullets.all()] == [
        ("Der Stadtrat hat den Ausbau beschlossen", 1),
        ("Baubeginn ist im Frühjahr 2027", 2),
        ("Anwohner kritisieren die Lärmbelastung", 3),
    ]
    assert [(c.target, c.position) for c in article.cross_links.all()] == [
        (first_link, 1),
        (second_link, 2),
    ]


def test_a_slug_left_empty_gets_a_number_when_the_headline_is_taken(admin_client):
    published(headline="Straßenbahn kommt", slug="strassenbahn-kommt")
    form = full_article_form(
        admin_client,
        section=SectionFactory(),
        authors=[AuthorFactory()],
        bullets=["Ein Punkt"],
        headline="Straßenbahn kommt",
    )

    response = form.submit(admin_client, ADD_URL)

    assert response.status_code == 302
    assert Article.objects.filter(slug="strassenbahn-kommt-2").exists()


def test_a_draft_may_be_saved_without_authors_and_bullets(admin_client):
    form = open_form(admin_client, ADD_URL).fill(
        headline="Erste Notizen",
        lead="Noch nicht fertig.",
        section=str(SectionFactory().pk),
    )

    response = form.submit(admin_client, ADD_URL)

    assert response.status_code == 302
    article = Article.objects.get(headline="Erste Notizen")
    assert article.status == Article.Status.DRAFT
    assert article.created_by == admin_client.user
    assert article.published_at is None
    assert not article.bylines.exists()
    assert not article.bullets.exists()


def test_changing_an_article_reorders_bylines_deletes_a_bullet_and_adds_a_cross_link(
    admin_client,
):
    article = published()
    mara = BylineFactory(article=article, author__name="Mara Muster", position=1).author
    ben = BylineFactory(article=article, author__name="Ben Beispiel", position=2).author
    for position, text in enumerate(["Erster Punkt", "Zweiter Punkt", "Dritter Punkt"], 1):
        TeaserBulletFactory(article=article, text=text, position=position)
    old_link = CrossLinkFactory(article=article, position=1).target
    new_link = published(headline="Haushalt 2027")

    form = open_form(admin_client, change_url(article))
    # The rows come in page order: Mara, Ben; the three bullets; the old link, then an empty row.
    assert form.data["bylines-0-author"] == str(mara.pk)
    assert form.data["bullets-1-text"] == "Zweiter Punkt"
    form.fill_row("bylines", 0, position="2")
    form.fill_row("bylines", 1, position="1")
    form.delete_row("bullets", 1)
    form.fill_row("cross_links", 1, position="2", target=str(new_link.pk))

    response = form.submit(admin_client, change_url(article))

    assert response.status_code == 302
    article.refresh_from_db()
    assert [b.author for b in article.bylines.all()] == [ben, mara]
    assert [b.text for b in article.bullets.all()] == ["Erster Punkt", "Dritter Punkt"]
    assert [c.target for c in article.cross_links.all()] == [old_link, new_link]


def test_removing_an_author_and_adding_them_again_in_a_new_row_saves(admin_client):
    article = published()
    mara = BylineFactory(article=article, position=1).author
    ben = BylineFactory(article=article, position=2).author
    TeaserBulletFactory(article=article)
    form = open_form(admin_client, change_url(article))
    form.delete_row("bylines", 0)
    form.fill_row("bylines", 2, position="3", author=str(mara.pk))

    response = form.submit(admin_client, change_url(article))

    assert response.status_code == 302
    assert [b.author for b in article.bylines.all()] == [ben, mara]


@pytest.mark.parametrize(
    ("prefix", "field", "factory"),
    [("bylines", "author", BylineFactory), ("cross_links", "target", CrossLinkFactory)],
)
def test_swapping_the_people_or_links_of_two_rows_saves_the_new_order(
    admin_client, prefix, field, factory
):
    article = published()
    if prefix != "bylines":
        BylineFactory(article=article)  # a published article needs an author
    TeaserBulletFactory(article=article)
    first = getattr(factory(article=article, position=1), field)
    second = getattr(factory(article=article, position=2), field)
    form = open_form(admin_client, change_url(article))
    form.fill_row(prefix, 0, **{field: str(second.pk)})
    form.fill_row(prefix, 1, **{field: str(first.pk)})

    response = form.submit(admin_client, change_url(article))

    assert response.status_code == 302
    assert [getattr(row, field) for row in getattr(article, prefix).all()] == [second, first]


def test_new_rows_left_at_position_zero_go_to_the_end(admin_client):
    article = published()
    BylineFactory(article=article)
    TeaserBulletFactory(article=article, text="Erster Punkt", position=1)
    TeaserBulletFactory(article=article, text="Zweiter Punkt", position=2)
    form = open_form(admin_client, change_url(article))
    # Rows added with the inline's "add another" link start at position 0.
    form.add_row("bullets", text="Nachgetragen")
    assert form.data[f"bullets-{int(form.data['bullets-TOTAL_FORMS']) - 1}-position"] == "0"

    response = form.submit(admin_client, change_url(article))

    assert response.status_code == 302
    assert [(b.text, b.position) for b in article.bullets.all()] == [
        ("Erster Punkt", 1),
        ("Zweiter Punkt", 2),
        ("Nachgetragen", 3),
    ]


def test_saving_the_change_form_unchanged_keeps_the_article_as_it_was(admin_client):
    moment = (timezone.now() - timedelta(hours=1)).replace(microsecond=123456)
    article = published(kicker="Kicker", headline="Unverändert", published_at=moment)
    article.tags.add("Politik")
    BylineFactory(article=article)
    TeaserBulletFactory(article=article, text="Ein Punkt")
    # The form shows the time to the second; an untouched time keeps its exact value.
    published_at = article.published_at

    response = open_form(admin_client, change_url(article)).submit(
        admin_client, change_url(article)
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.kicker, article.headline) == ("Kicker", "Unverändert")
    assert article.published_at == published_at
    assert list(article.tags.names()) == ["Politik"]
    assert [b.text for b in article.bullets.all()] == ["Ein Punkt"]
    assert article.bylines.count() == 1


@pytest.mark.parametrize("page", ["add", "change"])
def test_form_places_the_inlines_where_they_appear_on_the_article_page(admin_client, page):
    url = change_url(published()) if page == "change" else ADD_URL

    response = admin_client.get(url)

    assert response.status_code == 200
    content = response.content.decode()
    markers = [
        'class="fieldset-heading">Spitzmarke und Überschrift</h2>',
        'class="fieldset-heading">Aufmacherbild</h2>',
        'id="bylines-group"',
        'id="bullets-group"',
        'class="fieldset-heading">Vorspann</h2>',
        'id="cross_links-group"',
        'class="fieldset-heading">Text</h2>',
        'class="fieldset-heading">Einordnung und Veröffentlichung</h2>',
    ]
    for marker in markers:
        assert content.count(marker) == 1, f"{marker} should be on the page once"
    positions = [content.index(marker) for marker in markers]
    assert positions == sorted(positions)


# --- Validation: refused with a clear German message, keeping what was typed -----------------


def test_more_than_five_bullets_is_refused_and_keeps_the_typed_text(admin_client):
    bullets = [f"Stichpunkt Nummer {number}" for number in range(1, 7)]
    form = full_article_form(
        admin_client,
        section=SectionFactory(),
        authors=[AuthorFactory()],
        bullets=bullets,
        headline="Zu viele Stichpunkte",
    )

    response = form.submit(admin_client, ADD_URL)

    assert_refused(
        response,
        "Ein Artikel hat höchstens 5 Stichpunkte, hier sind es 6.",
        typed=["Zu viele Stichpunkte", "Leipzig bekommt seine neue Straßenbahnlinie", *bullets],
    )
    assert inline_errors(response, "bullets") == [
        "Ein Artikel hat höchstens 5 Stichpunkte, hier sind es 6."
    ]
    assert not Article.objects.exists()
    assert not TeaserBullet.objects.exists()


def test_five_bullets_are_accepted(admin_client):
    form = full_article_form(
        admin_client,
        section=SectionFactory(),
        authors=[AuthorFactory()],
        bullets=[f"Punkt {number}" for number in range(1, 6)],
    )

    response = form.submit(admin_client, ADD_URL)

    assert response.status_code == 302
    assert TeaserBullet.objects.count() == 5


def test_the_add_form_has_no_status_control_and_new_articles_are_drafts(admin_client):
    form = full_article_form(
        admin_client, section=SectionFactory(), authors=[AuthorFactory()], bullets=["Ein Punkt"]
    )
    assert "status" not in form.controls
    # A crafted POST with a status is ignored: the status is not a field of the form.
    form.data["status"] = Article.Status.PUBLISHED

    response = form.submit(admin_client, ADD_URL)

    assert response.status_code == 302
    article = Article.objects.get()
    assert article.status == Article.Status.DRAFT
    assert article.first_published_at is None
    assert not Article.objects.public().exists()
    assert list(article.events.values_list("action", "user")) == [
        (ArticleEvent.Action.CREATED, admin_client.user.pk)
    ]


def test_an_article_added_in_the_admin_goes_live_through_the_publish_transition(admin_client):
    form = full_article_form(
        admin_client,
        section=SectionFactory(),
        authors=[AuthorFactory()],
        bullets=["Ein Punkt"],
        headline="Fertig geschrieben",
    )
    assert form.submit(admin_client, ADD_URL).status_code == 302
    article = Article.objects.get(headline="Fertig geschrieben")

    response = do_transition(admin_client, article, "publish")

    assert response.status_code == 302
    assert response.url == change_url(article)
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    # The publication time typed in the form (in the past) is kept.
    assert article.published_at == datetime(2026, 11, 3, 13, 5, tzinfo=UTC)
    assert article.first_published_at == article.published_at
    assert list(Article.objects.public()) == [article]


@pytest.mark.parametrize(
    ("authors", "bullets"),
    [(1, 0), (0, 1), (0, 0)],
    ids=["without-bullets", "without-author", "without-both"],
)
def test_publishing_a_draft_without_bullets_or_author_is_refused(admin_client, authors, bullets):
    form = full_article_form(
        admin_client,
        section=SectionFactory(),
        authors=[AuthorFactory() for _ in range(authors)],
        bullets=[f"Punkt {number}" for number in range(bullets)],
        headline="Unvollständig",
    )
    # As a draft it may be saved incomplete.
    assert form.submit(admin_client, ADD_URL).status_code == 302
    article = Article.objects.get(headline="Unvollständig")
    assert article.status == Article.Status.DRAFT

    response = do_transition(admin_client, article, "publish")

    assert response.status_code == 302
    assert response.url == change_url(article)
    assert sent_messages(response, messages.ERROR), "the editor is not told why"
    assert not sent_messages(response, messages.SUCCESS)
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert article.first_published_at is None
    assert not Article.objects.public().exists()
    assert not article.events.exclude(action=ArticleEvent.Action.CREATED).exists()


def test_deleting_all_bullets_of_a_published_article_is_refused(admin_client):
    article = published(headline="Schon online")
    BylineFactory(article=article)
    TeaserBulletFactory(article=article, text="Einziger Punkt", position=1)
    form = open_form(admin_client, change_url(article))
    form.fill(lead="Ein neu getippter Vorspann.")
    form.delete_row("bullets", 0)

    response = form.submit(admin_client, change_url(article))

    assert_refused(
        response,
        "Ein veröffentlichter Artikel braucht mindestens einen Stichpunkt.",
        typed=["Ein neu getippter Vorspann."],
    )
    assert inline_errors(response, "bullets") == [
        "Ein veröffentlichter Artikel braucht mindestens einen Stichpunkt."
    ]
    article.refresh_from_db()
    assert [b.text for b in article.bullets.all()] == ["Einziger Punkt"]
    assert article.lead == "Leipzig bekommt seine neue Straßenbahnlinie früher als erwartet."


def test_deleting_all_authors_of_a_published_article_is_refused(admin_client):
    article = published(headline="Schon online")
    author = BylineFactory(article=article).author
    TeaserBulletFactory(article=article)
    form = open_form(admin_client, change_url(article))
    form.delete_row("bylines", 0)

    response = form.submit(admin_client, change_url(article))

    assert_refused(
        response,
        "Ein veröffentlichter Artikel braucht mindestens eine Autorin oder einen Autor.",
        typed=["Schon online"],
    )
    assert inline_errors(response, "bylines") == [
        "Ein veröffentlichter Artikel braucht mindestens eine Autorin oder einen Autor."
    ]
    assert [b.author for b in article.bylines.all()] == [author]


def test_cross_link_to_the_article_itself_is_refused(admin_client):
    article = published(headline="Der Artikel selbst")
    BylineFactory(article=article)
    TeaserBulletFactory(article=article)
    form = open_form(admin_client, change_url(article))
    form.fill(lead="Ein neu getippter Vorspann.")
    form.fill_row("cross_links", 0, position="1", target=str(article.pk))

    response = form.submit(admin_client, change_url(article))

    assert_refused(
        response,
        "Ein Artikel kann nicht auf sich selbst verlinken.",
        typed=["Ein neu getippter Vorspann."],
    )
    assert not CrossLink.objects.exists()
    article.refresh_from_db()
    assert article.lead == "Leipzig bekommt seine neue Straßenbahnlinie früher als erwartet."


def test_linking_the_same_article_twice_is_refused(admin_client):
    target = published(headline="Verkehrswende")
    form = full_article_form(
        admin_client,
        section=SectionFactory(),
        authors=[AuthorFactory()],
        bullets=["Ein Punkt"],
        headline="Doppelt verlinkt",
    )
    form.fill_row("cross_links", 0, position="1", target=str(target.pk))
    form.add_row("cross_links", position="2", target=str(target.pk))

    response = form.submit(admin_client, ADD_URL)

    assert_refused(
        response,
        "Jeder Artikel darf nur einmal verlinkt werden.",
        typed=["Doppelt verlinkt", "Ein Punkt"],
    )
    assert inline_errors(response, "cross_links") == [
        "Jeder Artikel darf nur einmal verlinkt werden."
    ]
    assert Article.objects.count() == 1
    assert not CrossLink.objects.exists()


def test_same_author_twice_in_the_byline_is_refused(admin_client):
    author = AuthorFactory()
    form = full_article_form(
        admin_client,
        section=SectionFactory(),
        authors=[author, author],
        bullets=["Ein Punkt"],
        headline="Doppelte Autorin",
    )

    response = form.submit(admin_client, ADD_URL)

    assert_refused(
        response,
        "Jede Person darf nur einmal in der Autorenzeile stehen.",
        typed=["Doppelte Autorin", "Ein Punkt"],
    )
    assert inline_errors(response, "bylines") == [
        "Jede Person darf nur einmal in der Autorenzeile stehen."
    ]
    assert not Article.objects.exists()
    assert not Byline.objects.exists()


def test_duplicate_slug_is_refused_on_the_slug_field(admin_client):
    published(slug="stadtrat-tagt")
    form = full_article_form(
        admin_client,
        section=SectionFactory(),
        authors=[AuthorFactory()],
        bullets=["Ein Punkt"],
        headline="Der Stadtrat tagt wieder",
    )
    form.fill(slug="stadtrat-tagt")

    response = form.submit(admin_client, ADD_URL)

    assert_refused(
        response,
        "Artikel mit diesem Wert für das Feld Slug existiert bereits.",
        typed=["Der Stadtrat tagt wieder", "Ein Punkt"],
    )
    assert response.context["adminform"].form.errors["slug"] == [
        "Artikel mit diesem Wert für das Feld Slug existiert bereits."
    ]
    assert Article.objects.count() == 1


def test_invalid_publication_date_is_refused_in_german(admin_client):
    form = full_article_form(
        admin_client,
        section=SectionFactory(),
        authors=[AuthorFactory()],
        bullets=["Ein Punkt"],
        headline="Falsches Datum",
    )
    form.fill(published_at_0="31.11.2026")

    response = form.submit(admin_client, ADD_URL)

    assert_refused(response, "Bitte ein gültiges Datum eingeben.", typed=["Falsches Datum"])
    assert not Article.objects.exists()


def test_update_before_publication_is_refused(admin_client):
    form = full_article_form(
        admin_client,
        section=SectionFactory(),
        authors=[AuthorFactory()],
        bullets=["Ein Punkt"],
        headline="Zeitreise",
    )
    form.fill(updated_at_0="02.11.2026", updated_at_1="09:00")

    response = form.submit(admin_client, ADD_URL)

    assert_refused(
        response,
        "Die Aktualisierung kann nicht vor der Veröffentlichung liegen.",
        typed=["Zeitreise"],
    )
    assert not Article.objects.exists()


# --- Body sanitizing ----------------------------------------------------------------------------


def test_body_is_sanitized_when_saved_through_the_admin(admin_client):
    form = full_article_form(
        admin_client,
        section=SectionFactory(),
        authors=[AuthorFactory()],
        bullets=["Ein Punkt"],
        headline="Gefährlicher Text",
    )
    form.fill(
        body=(
            "<p>ok</p><script>alert(1)</script><img src=x onerror=alert(1)>"
            '<a href="javascript:alert(1)">x</a>'
        )
    )

    response = form.submit(admin_client, ADD_URL)

    assert response.status_code == 302
    body = Article.objects.get(headline="Gefährlicher Text").body
    assert body.startswith("<p>ok</p>")
    for dangerous in ("<script", "alert", "<img", "onerror", "javascript:"):
        assert dangerous not in body
    assert ">x</a>" in body


# --- Change list -----------------------------------------------------------------------------


def listed(response):
    assert response.status_code == 200
    return set(response.context["cl"].result_list)


def test_changelist_shows_articles_with_their_authors(admin_client):
    article = published(headline="Stadtrat beschließt Haushalt")
    BylineFactory(article=article, author__name="Mara Muster", position=1)
    BylineFactory(article=article, author__name="Ben Beispiel", position=2)

    response = admin_client.get(CHANGELIST_URL)

    assert listed(response) == {article}
    content = response.content.decode()
    assert "Stadtrat Leipzig: Stadtrat beschließt Haushalt" in content
    assert "Mara Muster, Ben Beispiel" in content


@pytest.mark.parametrize(
    ("term", "expected"),
    [("Rathaus", "headline"), ("Sportnotiz", "kicker"), ("Bürgerbeteiligung", "lead")],
)
def test_changelist_search_finds_headline_kicker_and_lead(admin_client, term, expected):
    articles = {
        "headline": published(headline="Neues Rathaus eröffnet", kicker="Bau"),
        "kicker": published(headline="Ein Sieg", kicker="Sportnotiz"),
        "lead": published(headline="Eine Umfrage", lead="Mehr Bürgerbeteiligung gefordert."),
    }

    response = admin_client.get(CHANGELIST_URL, {"q": term})

    assert listed(response) == {articles[expected]}


def test_changelist_filters_by_status(admin_client):
    draft = ArticleFactory(draft=True)
    public = published()

    assert listed(admin_client.get(CHANGELIST_URL, {"status__exact": "draft"})) == {draft}
    assert listed(admin_client.get(CHANGELIST_URL, {"status__exact": "published"})) == {public}


def test_changelist_filters_by_section(admin_client):
    politics, sports = SectionFactory(name="Politik"), SectionFactory(name="Sport")
    in_politics = published(section=politics)
    published(section=sports)

    response = admin_client.get(CHANGELIST_URL, {"section__id__exact": politics.pk})

    assert listed(response) == {in_politics}


def test_changelist_filters_by_author_listing_each_article_once(admin_client):
    mara, ben = AuthorFactory(name="Mara Muster"), AuthorFactory(name="Ben Beispiel")
    together, alone = published(), published()
    BylineFactory(article=together, author=mara)
    BylineFactory(article=together, author=ben)
    BylineFactory(article=alone, author=ben)
    published()  # nobody's

    by_mara = admin_client.get(CHANGELIST_URL, {"bylines__author__id__exact": mara.pk})
    by_ben = admin_client.get(CHANGELIST_URL, {"bylines__author__id__exact": ben.pk})

    assert listed(by_mara) == {together}
    assert list(by_ben.context["cl"].result_list).count(together) == 1
    assert listed(by_ben) == {together, alone}
    assert by_ben.context["cl"].result_count == 2
    # The filter offers only people who wrote something.
    assert "?bylines__author__id__exact=" in by_ben.content.decode()


def test_changelist_queries_do_not_grow_with_articles_and_bylines(admin_client):
    def make_articles(count):
        for _ in range(count):
            article = published()
            BylineFactory(article=article)
            BylineFactory(article=article)

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            response = admin_client.get(CHANGELIST_URL)
        assert response.status_code == 200
        return len(response.context["cl"].result_list), len(queries)

    make_articles(2)
    rows_for_two, queries_for_two = count_queries()
    make_articles(8)
    rows_for_ten, queries_for_ten = count_queries()

    assert (rows_for_two, rows_for_ten) == (2, 10)
    assert queries_for_ten == queries_for_two


# --- View on site -----------------------------------------------------------------------------


def test_public_article_change_form_links_to_its_page(admin_client):
    article = published()

    response = admin_client.get(change_url(article))

    content = response.content.decode()
    assert f'<a href="{article.get_absolute_url()}" class="viewsitelink">' in content
    assert "Auf der Website anzeigen" in content


@pytest.mark.parametrize(
    "make",
    [
        lambda: ArticleFactory(draft=True),
        lambda: ArticleFactory(published_at=timezone.now() + timedelta(hours=2)),
    ],
    ids=["draft", "scheduled"],
)
def test_unpublished_article_change_form_has_no_view_on_site_link(admin_client, make):
    article = make()

    response = admin_client.get(change_url(article))

    assert response.status_code == 200
    content = response.content.decode()
    assert "viewsitelink" not in content
    assert "Auf der Website anzeigen" not in content
    assert article.get_absolute_url() not in content


# --- Autocomplete endpoints -----------------------------------------------------------------------


def autocomplete(client, model_name, field_name, term):
    response = client.get(
        AUTOCOMPLETE_URL,
        {"app_label": "articles", "model_name": model_name, "field_name": field_name, "term": term},
    )
    assert response.status_code == 200
    return {(result["id"], result["text"]) for result in response.json()["results"]}


def test_cross_link_autocomplete_finds_articles_by_headline(admin_client):
    wanted = published(kicker="Verkehr", headline="Neue Seilbahn")
    published(headline="Haushalt 2027")

    results = autocomplete(admin_client, "crosslink", "target", "Seilbahn")

    assert results == {(str(wanted.pk), "Verkehr: Neue Seilbahn")}


def test_byline_autocomplete_finds_authors(admin_client):
    mara = AuthorFactory(name="Mara Muster")
    AuthorFactory(name="Ben Beispiel")

    results = autocomplete(admin_client, "byline", "author", "Mara")

    assert results == {(str(mara.pk), "Mara Muster")}


def test_hero_image_autocomplete_finds_images(admin_client):
    image = ImageFactory(caption="Straßenbahn am Hauptbahnhof", photographer="Jana Beispiel")
    ImageFactory(caption="Rathaus bei Nacht")

    results = autocomplete(admin_client, "article", "hero_image", "Hauptbahnhof")

    assert results == {(str(image.pk), str(image))}
