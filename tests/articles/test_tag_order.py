"""Tags stay in the order the editor typed them, in the form and on the page."""

import pytest

from articles.models import Article
from tests.helpers.article_admin import ADD_URL, change_url, full_article_form
from tests.helpers.factories import AuthorFactory, SectionFactory
from tests.helpers.forms import open_form
from tests.helpers.html import start_tags

pytestmark = pytest.mark.django_db


def tag_names(article):
    return [tag.name for tag in article.tags.all()]


def test_tags_keep_the_typed_order_in_the_form_and_when_reordered(admin_client):
    full_article_form(
        admin_client, section=SectionFactory(), authors=[AuthorFactory()], bullets=["Eins"]
    ).fill(tags='Zeta, Alpha, "Kim Jong Un", Mitte').submit(admin_client, ADD_URL)
    article = Article.objects.get()

    assert tag_names(article) == ["Zeta", "Alpha", "Kim Jong Un", "Mitte"]
    form = open_form(admin_client, change_url(article))
    assert form.data["tags"] == 'Zeta, Alpha, "Kim Jong Un", Mitte'

    response = form.fill(tags='Mitte, "Kim Jong Un", Alpha, Neu').submit(
        admin_client, change_url(article)
    )

    assert response.status_code == 302
    assert tag_names(article) == ["Mitte", "Kim Jong Un", "Alpha", "Neu"]
    assert open_form(admin_client, change_url(article)).data["tags"] == (
        'Mitte, "Kim Jong Un", Alpha, Neu'
    )


def test_headline_and_kicker_are_wide_inputs_with_a_character_count(admin_client):
    page = admin_client.get(ADD_URL).content.decode()
    inputs = {attrs.get("id"): attrs for attrs in start_tags(page, "input")}

    assert "admin_extra/char-count.js" in page
    for name in ("id_kicker", "id_headline"):
        assert "vLargeTextField" in inputs[name]["class"]
        assert inputs[name]["data-char-count"] == "{count} von {max} Zeichen"
    assert inputs["id_headline"]["data-title-limit"] == "60"
    assert inputs["id_headline"]["data-title-of"] == "id_kicker id_headline"
