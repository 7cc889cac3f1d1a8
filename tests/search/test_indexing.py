"""The search documents follow their articles: signals after the commit, and a command."""

import io

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from search import indexing as search_indexing
from search.models import SearchDocument
from tests.helpers.article_admin import change_url
from tests.helpers.factories import (
    ArticleFactory,
    AuthorFactory,
    BylineFactory,
    TeaserBulletFactory,
)
from tests.helpers.forms import open_form

pytestmark = pytest.mark.django_db


def document(article):
    return SearchDocument.objects.get(article=article)


def test_a_new_article_gets_a_document_with_its_text(indexing):
    with indexing():
        article = ArticleFactory(
            kicker="Stadtrat Leipzig",
            headline="Neue Brücke",
            lead="Die Brücke ist fertig.",
            body="<p>Erster&nbsp;Absatz.</p><p>Zweiter <strong>Absatz</strong>.</p>",
        )
        article.tags.add("Nahverkehr", "Brückenbau")
        BylineFactory(article=article, author__name="Jana Beispiel")
        BylineFactory(article=article, author__name="Ben Muster")
    doc = document(article)
    assert (doc.kicker, doc.headline, doc.lead) == (
        "Stadtrat Leipzig",
        "Neue Brücke",
        "Die Brücke ist fertig.",
    )
    assert doc.body == "Erster Absatz. Zweiter Absatz."
    assert sorted(doc.tags.split(", ")) == ["Brückenbau", "Nahverkehr"]
    assert doc.authors == "Jana Beispiel, Ben Muster"
    assert doc.folded_title == "stadtrat leipzig neue brücke"
    if connection.vendor == "postgresql":
        assert doc.vector
    else:
        assert doc.vector is None


def test_nothing_is_written_before_the_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        article = ArticleFactory(headline="Noch nicht")
        assert not SearchDocument.objects.filter(article=article).exists()
    assert callbacks


def test_a_rolled_back_save_leaves_the_document_alone(indexing):
    with indexing():
        article = ArticleFactory(headline="Alte Überschrift")
    with indexing(), pytest.raises(RuntimeError, match="abgebrochen"), transaction.atomic():
        article.headline = "Verworfene Überschrift"
        article.save()
        raise RuntimeError("abgebrochen")
    assert document(article).headline == "Alte Überschrift"


def test_editing_an_article_updates_its_document(indexing):
    with indexing():
        article = ArticleFactory(headline="Alte Überschrift", body="<p>Alter Text</p>")
    with indexing():
        article.headline = "Neue Überschrift"
        article.body = "<p>Neuer Text</p>"
        article.save()
    doc = document(article)
    assert (doc.headline, doc.body) == ("Neue Überschrift", "Neuer Text")


def test_adding_and_removing_tags_updates_the_document(indexing):
    with indexing():
        article = ArticleFactory()
    with indexing():
        article.tags.add("Nahverkehr")
    assert document(article).tags == "Nahverkehr"
    with indexing():
        article.tags.set(["Haushalt"])
    assert document(article).tags == "Haushalt"
    with indexing():
        article.tags.clear()
    assert document(article).tags == ""


def test_renaming_a_tag_updates_every_article_with_it(indexing):
    with indexing():
        first, second, other = ArticleFactory(), ArticleFactory(), ArticleFactory()
        first.tags.add("Nahverkehr")
        second.tags.add("Nahverkehr")
        other.tags.add("Haushalt")
    with indexing():
        tag = Tag.objects.get(name="Nahverkehr")
        tag.name = "ÖPNV"
        tag.save()
    assert document(first).tags == document(second).tags == "ÖPNV"
    assert document(other).tags == "Haushalt"


def test_bylines_added_and_removed_update_the_document(indexing):
    with indexing():
        article = ArticleFactory()
    with indexing():
        byline = BylineFactory(article=article, author__name="Jana Beispiel")
    assert document(article).authors == "Jana Beispiel"
    with indexing():
        byline.delete()
    assert document(article).authors == ""


def test_renaming_an_author_updates_every_article_by_them(indexing):
    author = AuthorFactory(name="Jana Beispiel")
    with indexing():
        articles = [ArticleFactory() for _ in range(3)]
        for article in articles:
            BylineFactory(article=article, author=author)
    with indexing():
        author.name = "Jana Muster-Beispiel"
        author.save()
    assert {document(article).authors for article in articles} == {"Jana Muster-Beispiel"}


def test_other_changes_to_an_author_rewrite_nothing(indexing, monkeypatch):
    author = AuthorFactory(name="Jana Beispiel")
    with indexing():
        BylineFactory(author=author)
    rewritten = []
    monkeypatch.setattr(search_indexing, "update", rewritten.append)
    with indexing():
        author.bio = "Schreibt jetzt über Verkehr."
        author.save()
    assert rewritten == []


def test_deleting_an_article_deletes_its_document(indexing):
    with indexing():
        article = ArticleFactory()
        BylineFactory(article=article)
        article.tags.add("Nahverkehr")
    with indexing():
        article.delete()
    assert not SearchDocument.objects.exists()


def test_an_admin_save_updates_the_document_once(admin_client, indexing, monkeypatch):
    with indexing():
        article = ArticleFactory(headline="Alte Überschrift")
        BylineFactory(article=article, position=1)
        TeaserBulletFactory(article=article)
    form = open_form(admin_client, change_url(article))
    form.fill(headline="Neue Überschrift", tags="Nahverkehr, Haushalt")
    form.add_row("bylines", position="2", author=str(AuthorFactory(name="Ben Beispiel").pk))

    updates = []
    real_update = search_indexing.update
    monkeypatch.setattr(
        search_indexing, "update", lambda ids: updates.append(ids) or real_update(ids)
    )
    with indexing():
        response = form.submit(admin_client, change_url(article))

    assert response.status_code == 302
    assert updates == [{article.pk}]
    doc = document(article)
    assert doc.headline == "Neue Überschrift"
    assert sorted(doc.tags.split(", ")) == ["Haushalt", "Nahverkehr"]
    assert doc.authors.endswith(", Ben Beispiel")


def test_writing_many_documents_takes_a_fixed_number_of_queries(indexing):
    with indexing():
        articles = [ArticleFactory() for _ in range(12)]
        for article in articles:
            BylineFactory(article=article)
            article.tags.add("Nahverkehr", "Haushalt")
    with CaptureQueriesContext(connection) as captured:
        assert search_indexing.update([article.pk for article in articles]) == 12
    # Articles, their tags, their corrections, their bylines with authors, the text other
    # apps add (a live ticker's entries), the upsert, the vector (PostgreSQL), and the
    # savepoint around the writes.
    assert len(captured) <= 9


# --- the command ------------------------------------------------------------------------------


def test_the_rebuild_command_writes_every_document_and_counts_them():
    # Made without committing: no document exists yet.
    articles = [ArticleFactory(draft=True), ArticleFactory(), ArticleFactory(scheduled=True)]
    assert not SearchDocument.objects.exists()
    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert out.getvalue().strip() == "3 article(s) indexed for search."
    assert set(SearchDocument.objects.values_list("pk", flat=True)) == {a.pk for a in articles}


def test_the_rebuild_command_can_run_again_and_repairs_stale_documents():
    article = ArticleFactory(headline="Richtige Überschrift")
    call_command("rebuild_search_index", stdout=io.StringIO())
    SearchDocument.objects.filter(pk=article.pk).update(headline="Veraltet", folded_text="")
    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert out.getvalue().strip() == "1 article(s) indexed for search."
    assert SearchDocument.objects.count() == 1
    assert document(article).headline == "Richtige Überschrift"
    assert document(article).folded_text.startswith("stadtrat leipzig richtige")


def test_the_rebuild_command_on_an_empty_site():
    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert out.getvalue().strip() == "0 article(s) indexed for search."
