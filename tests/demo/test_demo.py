"""The demo newsroom shows the reader's site at its best: a curated home page, site settings
with social accounts, and an article reachable under an old address."""

import io

import pytest
from django.core.management import call_command

from articles.models import Article, ArticleRedirect, HomePage
from demo import content
from sitecontent.models import SiteSettings, SocialAccount
from tests.helpers.pages import element, get, linked_titles, text_of

pytestmark = pytest.mark.django_db


def load_demo():
    call_command("load_demo", "--no-admin", "--image-scale=0.1", stdout=io.StringIO())


def demo_article(key):
    item = next(item for item in content.ARTICLES if item.key == key)
    return Article.objects.get(slug=item.slug)


def test_the_demo_home_page_is_curated(client):
    load_demo()
    home_page = HomePage.objects.get()
    lead = demo_article(content.HOME_LEAD)
    highlights = [demo_article(key) for key in content.HOME_HIGHLIGHTS]

    assert home_page.lead == lead
    assert [h.article for h in home_page.highlights.all()] == highlights
    page = get(client, "/")
    assert linked_titles(element(page, "div", "home-top__lead")) == [lead.title]
    assert linked_titles(element(page, "ol", "home-top__highlights")) == [
        article.title for article in highlights
    ]
    assert "Neueste Artikel" in page
    assert page.count('class="section-block"') >= 5


def test_the_demo_has_site_settings_with_social_accounts(client):
    load_demo()
    site = SiteSettings.objects.get()
    assert site.description and site.follow_box and site.imprint_url and site.privacy_url
    assert list(SocialAccount.objects.values_list("network", flat=True)) == [
        network for network, _ in content.SOCIAL_ACCOUNTS
    ]
    footer = text_of(element(get(client, "/"), "footer", "site-footer"))
    assert "Impressum" in footer and "Mastodon" in footer


def test_an_old_demo_address_redirects_to_the_article(client):
    load_demo()
    (redirect,) = ArticleRedirect.objects.all()
    response = client.get(redirect.old_path)
    assert response.status_code == 301
    assert response["Location"] == redirect.article.get_absolute_url()


def test_loading_the_demo_again_keeps_one_of_everything():
    load_demo()
    load_demo()
    assert HomePage.objects.get().highlights.count() == len(content.HOME_HIGHLIGHTS)
    assert SiteSettings.objects.count() == 1
    assert SocialAccount.objects.count() == len(content.SOCIAL_ACCOUNTS)
    assert ArticleRedirect.objects.count() == len(content.OLD_SLUGS)


def test_the_demo_data_checks_its_home_page(monkeypatch):
    monkeypatch.setattr(content, "HOME_LEAD", "lvb_preise")  # a draft
    with pytest.raises(ValueError, match="home page: article 'lvb_preise' is not published"):
        content.check_demo_data()
