"""Comparing two versions shows the body as readers read it: text, no HTML tags, and a
paragraph whose wording stayed but whose formatting changed is marked as such."""

import pytest
from reversion.models import Version

from tests.helpers.article_admin import change_url
from tests.helpers.factories import ArticleFactory, BylineFactory, TeaserBulletFactory
from tests.helpers.forms import open_form

pytestmark = pytest.mark.django_db

OLD_BODY = (
    "<p>Der Beschluss fiel mit großer Mehrheit.</p>"
    "<h2>Was das bedeutet</h2>"
    "<p>Pendler sparen Zeit.</p>"
)
NEW_BODY = (
    "<p>Der <strong>Beschluss</strong> fiel mit großer Mehrheit.</p>"
    "<h2>Was das bedeutet</h2>"
    "<p>Pendler sparen viel Zeit.</p>"
)


def compare_body(admin_client, old_body, new_body):
    article = ArticleFactory(body=old_body)
    BylineFactory(article=article)
    TeaserBulletFactory(article=article)
    for body in (old_body, new_body):
        form = open_form(admin_client, change_url(article)).fill(body=body)
        assert form.submit(admin_client, change_url(article)).status_code == 302
    newer, older = Version.objects.get_for_object(article)[:2]
    response = admin_client.get(
        f"/admin/articles/article/{article.pk}/history/compare/",
        {"from": older.pk, "to": newer.pk},
    )
    assert response.status_code == 200
    rows = {str(change["label"]): str(change["diff"]) for change in response.context["changes"]}
    return rows, response.content.decode()


def test_the_body_is_compared_as_text_with_formatting_changes_marked(admin_client):
    rows, page = compare_body(admin_client, OLD_BODY, NEW_BODY)

    assert rows["Text"].split("<br>") == [
        'Der Beschluss fiel mit großer Mehrheit. <span class="nr-formatting">'
        "(Formatierung geändert)</span>",
        "Was das bedeutet",
        "Pendler sparen <ins>viel</ins> Zeit.",
    ]
    assert "&lt;p&gt;" not in page and "&lt;strong&gt;" not in page


def test_a_paragraph_turned_into_a_subheading_is_a_formatting_change(admin_client):
    rows, _page = compare_body(
        admin_client, "<p>Zwischentitel</p><p>Text.</p>", "<h2>Zwischentitel</h2><p>Text.</p>"
    )

    assert rows["Text"] == (
        'Zwischentitel <span class="nr-formatting">(Formatierung geändert)</span><br>Text.'
    )


def test_a_changed_link_target_is_a_formatting_change_and_new_paragraphs_are_inserted(
    admin_client,
):
    rows, _page = compare_body(
        admin_client,
        '<p>Mehr <a href="https://a.example/">hier</a>.</p>',
        '<p>Mehr <a href="https://b.example/">hier</a>.</p><p>Neu &amp; frisch.</p>',
    )

    assert rows["Text"] == (
        'Mehr hier. <span class="nr-formatting">(Formatierung geändert)</span><br>'
        "<ins>Neu &amp; frisch.</ins>"
    )
