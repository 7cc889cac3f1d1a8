"""A workflow button in the article form saves what was typed, then makes the step: one
POST, nothing typed is lost."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article
from tests.helpers.article_admin import change_url
from tests.helpers.factories import ArticleFactory, BylineFactory, TeaserBulletFactory
from tests.helpers.forms import open_form, sent_messages

pytestmark = pytest.mark.django_db


def draft():
    article = ArticleFactory(draft=True, headline="Alte Überschrift")
    BylineFactory(article=article)
    TeaserBulletFactory(article=article)
    return article


def test_submitting_for_review_saves_the_typed_headline_first(admin_client):
    article = draft()
    form = open_form(admin_client, change_url(article)).fill(headline="Neu getippt")

    response = admin_client.post(change_url(article), {**form.data, "transition": "submit"})

    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.headline, article.status) == ("Neu getippt", Article.Status.REVIEW)
    assert any("gespeichert: Zur Prüfung einreichen" in m for m in sent_messages(response))


def test_scheduling_takes_the_publication_time_typed_in_the_same_form(admin_client):
    article = draft()
    later = timezone.localtime(timezone.now() + timedelta(days=2))
    form = open_form(admin_client, change_url(article)).fill(
        published_at_0=later.strftime("%d.%m.%Y"), published_at_1="09:30"
    )

    response = admin_client.post(change_url(article), {**form.data, "transition": "schedule"})

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.SCHEDULED
    assert timezone.localtime(article.published_at).strftime("%H:%M") == "09:30"


def test_a_form_error_keeps_the_typing_and_makes_no_step(admin_client):
    article = draft()
    form = open_form(admin_client, change_url(article)).fill(headline="", lead="Neuer Vorspann")

    response = admin_client.post(change_url(article), {**form.data, "transition": "submit"})

    assert response.status_code == 200
    assert "Neuer Vorspann" in response.content.decode()
    article.refresh_from_db()
    assert (article.status, article.headline) == (Article.Status.DRAFT, "Alte Überschrift")


def test_a_refused_step_still_keeps_the_saved_changes(admin_client):
    article = draft()  # no publication time: it cannot be scheduled
    form = open_form(admin_client, change_url(article)).fill(headline="Gespeichert trotzdem")

    response = admin_client.post(change_url(article), {**form.data, "transition": "schedule"})

    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.headline, article.status) == ("Gespeichert trotzdem", Article.Status.DRAFT)
    assert "Ihre Änderungen wurden gespeichert." in sent_messages(response)


def test_the_workflow_buttons_belong_to_the_article_form_after_its_save_buttons(admin_client):
    article = draft()

    page = admin_client.get(change_url(article)).content.decode()

    form_start = page.index('id="article_form"')
    first_save = page.index('name="_save"', form_start)
    button = page.index('name="transition" value="submit"')
    assert form_start < first_save < button, "Enter in a field must save, not make a step"
    assert "admin_extra/unsaved-changes.js" in page
