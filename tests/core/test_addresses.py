"""core.addresses.reverse: Django's reverse(), remembered, and never one address for another."""

import pytest
from django.test import override_settings
from django.urls import NoReverseMatch, clear_script_prefix, path, reverse, set_script_prefix

from core import addresses
from tests.helpers.factories import ArticleFactory, SectionFactory


def test_it_gives_what_djangos_reverse_gives():
    for name, kwargs in [
        ("articles:home", {}),
        ("articles:section", {"section": "politik"}),
        ("articles:detail", {"section": "kultur", "slug": "laermschutz-an-der-b6"}),
        ("articles:author", {"slug": "mara-muster"}),
    ]:
        assert addresses.reverse(name, **kwargs) == reverse(name, kwargs=kwargs)


def test_a_script_prefix_gives_its_own_addresses():
    plain = addresses.reverse("articles:section", section="sport")
    set_script_prefix("/zeitung/")
    try:
        prefixed = addresses.reverse("articles:section", section="sport")
    finally:
        clear_script_prefix()

    assert plain == "/sport/"
    assert prefixed == "/zeitung/sport/"
    assert addresses.reverse("articles:section", section="sport") == "/sport/"


def elsewhere(request):
    raise AssertionError("never called")


urlpatterns = [path("anders/<str:section>/", elsewhere, name="section")]


def test_another_urlconf_gives_its_own_addresses():
    with pytest.raises(NoReverseMatch):  # not known here
        addresses.reverse("section", section="a")
    with override_settings(ROOT_URLCONF=__name__):
        assert addresses.reverse("section", section="a") == "/anders/a/"


@pytest.mark.django_db
def test_pages_link_articles_and_sections_by_it():
    article = ArticleFactory(section=SectionFactory(slug="wirtschaft"), slug="zinsen-steigen")

    assert article.get_absolute_url() == "/wirtschaft/zinsen-steigen/"
    assert article.section.get_absolute_url() == "/wirtschaft/"
