"""Old addresses keep working: a changed slug or section answers 301 to the article's current
address, never to an article that is not public."""

import pytest
import reversion
from reversion.models import Version

from articles.models import Article, ArticleRedirect
from tests.helpers.accounts import DESK, REPORTER, login, make_user
from tests.helpers.article_admin import change_url
from tests.helpers.factories import (
    ArticleFactory,
    BylineFactory,
    SectionFactory,
    TeaserBulletFactory,
)
from tests.helpers.forms import open_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def politik():
    return SectionFactory(name="Politik", slug="politik")


@pytest.fixture
def sport():
    return SectionFactory(name="Sport", slug="sport")


def assert_moved(client, old_url, article):
    response = client.get(old_url)
    assert response.status_code == 301, old_url
    assert response["Location"] == article.get_absolute_url()
    assert client.get(response["Location"]).status_code == 200


def test_a_changed_slug_redirects_permanently_from_the_old_address(client, politik):
    article = ArticleFactory(section=politik, slug="erste-fassung")
    article.slug = "zweite-fassung"
    article.save()

    assert_moved(client, "/politik/erste-fassung/", article)
    assert article.get_absolute_url() == "/politik/zweite-fassung/"


def test_a_changed_section_redirects_permanently(client, politik, sport):
    article = ArticleFactory(section=politik, slug="wechsel")
    article.section = sport
    article.save()

    assert_moved(client, "/politik/wechsel/", article)


def test_slug_and_section_changed_together_redirect_to_the_new_address(client, politik, sport):
    article = ArticleFactory(section=politik, slug="vorher")
    article.slug, article.section = "nachher", sport
    article.save()

    assert_moved(client, "/politik/vorher/", article)
    assert ArticleRedirect.objects.get().old_path == "/politik/vorher/"


def test_every_earlier_slug_leads_straight_to_the_current_address(client, politik):
    article = ArticleFactory(section=politik, slug="eins")
    for slug in ("zwei", "drei"):
        article.slug = slug
        article.save()

    assert_moved(client, "/politik/eins/", article)
    assert_moved(client, "/politik/zwei/", article)


def test_a_slug_changed_in_the_admin_redirects_from_the_old_address(admin_client, politik):
    article = ArticleFactory(section=politik, slug="im-admin-alt")
    BylineFactory(article=article)
    TeaserBulletFactory(article=article)
    url = change_url(article)

    response = open_form(admin_client, url).fill(slug="im-admin-neu").submit(admin_client, url)

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.slug == "im-admin-neu"
    assert_moved(admin_client, "/politik/im-admin-alt/", article)


@pytest.mark.parametrize(
    "hide",
    [
        {"status": Article.Status.WITHDRAWN},
        {"status": Article.Status.DRAFT, "published_at": None},
    ],
    ids=["withdrawn", "back-to-draft"],
)
def test_no_redirect_to_an_article_that_is_not_public(client, politik, hide):
    article = ArticleFactory(section=politik, slug="alt")
    article.slug = "neu"
    article.save()
    Article.objects.filter(pk=article.pk).update(**hide)

    assert client.get("/politik/alt/").status_code == 404
    assert client.get("/politik/neu/").status_code == 404


def test_a_draft_renamed_before_publication_leaves_no_old_address(politik):
    article = ArticleFactory(section=politik, slug="arbeitstitel", draft=True)
    article.slug = "endgueltig"
    article.save()
    assert not ArticleRedirect.objects.exists()


@pytest.mark.parametrize("role", [REPORTER, DESK])
def test_a_typed_slug_cannot_take_another_articles_old_address(client, politik, role):
    published = ArticleFactory(section=politik, slug="begehrt", headline="Der Erste")
    published.slug = "ausgewichen"
    published.save()
    editor = login(client, make_user(role))
    draft = ArticleFactory(section=politik, slug="entwurf", draft=True, headline="Der Neue")
    BylineFactory(article=draft)
    draft.created_by = editor.user
    draft.save()
    url = change_url(draft)

    form = open_form(editor, url).fill(slug="begehrt", lead="Getippter Vorspann.")
    response = form.submit(editor, url)

    assert response.status_code == 200
    assert f"gehörte früher zu „{published.title}“" in response.content.decode()
    assert "Getippter Vorspann." in response.content.decode()
    draft.refresh_from_db()
    assert draft.slug == "entwurf"
    assert_moved(client, "/politik/begehrt/", published)


def test_an_article_back_at_its_own_earlier_address_drops_that_redirect(client, politik):
    article = ArticleFactory(section=politik, slug="erst")
    article.slug = "dann"
    article.save()
    article.slug = "erst"
    article.full_clean()
    article.save()

    assert client.get("/politik/erst/").status_code == 200
    assert list(ArticleRedirect.objects.values_list("old_slug", flat=True)) == ["dann"]


def test_an_unknown_slug_still_answers_404(client, politik):
    ArticleFactory(section=politik, slug="vorhanden")
    assert client.get("/politik/nie-vorhanden/").status_code == 404


def test_a_restored_version_with_another_slug_keeps_the_current_address(client, politik):
    """Restoring puts the old slug back with a raw save; the address it had until then stays."""
    article = ArticleFactory(section=politik, slug="urfassung")
    with reversion.create_revision():
        reversion.add_to_revision(article)
    article.slug = "ueberarbeitet"
    article.save()

    version = Version.objects.get_for_object(article).first()
    version.revision.revert()

    article.refresh_from_db()
    assert article.slug == "urfassung"
    assert_moved(client, "/politik/ueberarbeitet/", article)


def test_a_new_article_does_not_take_an_old_address_of_another(client, politik):
    article = ArticleFactory(section=politik, slug="haushalt")
    article.slug = "haushalt-beschlossen"
    article.save()

    newcomer = ArticleFactory(section=politik, headline="Haushalt")

    assert newcomer.slug != "haushalt"
    assert_moved(client, "/politik/haushalt/", article)
