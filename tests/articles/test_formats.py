"""The article's text properties (title, byline, sign-off, credit, caption) and its slugs."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from articles.models import SLUG_MAX_LENGTH, Article
from images.models import Image
from tests.helpers.factories import ArticleFactory, AuthorFactory, BylineFactory, ImageFactory

NOW = datetime(2026, 11, 4, 9, 0, tzinfo=UTC)


def utc(*args):
    return datetime(*args, tzinfo=UTC)


# --- Article, Byline and Image text properties ----------------------------------------------


def test_title_is_kicker_colon_headline():
    article = Article(kicker="Stadtrat Leipzig", headline="Straßenbahn kommt")
    assert article.title == "Stadtrat Leipzig: Straßenbahn kommt"
    assert str(article) == "Stadtrat Leipzig: Straßenbahn kommt"


def test_title_without_kicker_is_the_headline():
    assert Article(kicker="", headline="Straßenbahn kommt").title == "Straßenbahn kommt"


@pytest.mark.django_db
def test_byline_without_authors_is_empty():
    assert ArticleFactory().byline == ""


@pytest.mark.django_db
def test_byline_of_one_author_is_von_role_name():
    article = ArticleFactory()
    BylineFactory(
        article=article, author=AuthorFactory(name="Mara Muster", role_title="Redakteurin")
    )
    assert article.byline == "Von Redakteurin Mara Muster"


@pytest.mark.django_db
def test_byline_of_an_author_without_role_is_von_name():
    article = ArticleFactory()
    BylineFactory(article=article, author=AuthorFactory(name="Mara Muster", role_title=""))
    assert article.byline == "Von Mara Muster"


@pytest.mark.django_db
def test_byline_uses_the_per_article_role_and_position_order():
    article = ArticleFactory()
    BylineFactory(
        article=article,
        author=AuthorFactory(name="Cem C", role_title="Fotograf"),
        role="Mitarbeit",
        position=3,
    )
    BylineFactory(
        article=article, author=AuthorFactory(name="Anna A", role_title="Redakteurin"), position=1
    )
    BylineFactory(
        article=article, author=AuthorFactory(name="Bert B", role_title="Reporter"), position=2
    )
    assert article.byline == "Von Redakteurin Anna A, Reporter Bert B und Mitarbeit Cem C"


@pytest.mark.django_db
def test_sign_off_without_authors_is_the_publication_alone():
    assert ArticleFactory().sign_off == "newsroom"


@pytest.mark.django_db
def test_sign_off_lists_short_codes_in_byline_order_then_the_publication():
    article = ArticleFactory()
    BylineFactory(article=article, author=AuthorFactory(short_code="ab"), position=2)
    BylineFactory(article=article, author=AuthorFactory(short_code="mm"), position=1)
    assert article.sign_off == "mm/ab/newsroom"


@pytest.mark.django_db
def test_sign_off_uses_lower_case_codes_and_the_publication_setting(settings):
    settings.NEWSROOM_PUBLICATION_CODE = "lvz"
    article = ArticleFactory()
    BylineFactory(article=article, author=AuthorFactory(short_code=" MM "))
    assert article.sign_off == "mm/lvz"


@pytest.mark.parametrize(
    ("credit_line", "photographer", "credit"),
    [
        (
            "picture alliance/dpa/LVZ via Imago",
            "Jana Beispiel",
            "picture alliance/dpa/LVZ via Imago | Jana Beispiel",
        ),
        ("picture alliance/dpa", "", "picture alliance/dpa"),
        ("", "Jana Beispiel", "Jana Beispiel"),
        ("", "", ""),
    ],
    ids=["both", "no-photographer", "no-credit-line", "neither"],
)
def test_image_credit_leaves_out_missing_parts_with_their_separator(
    credit_line, photographer, credit
):
    assert Image(credit_line=credit_line, photographer=photographer).credit == credit


@pytest.mark.django_db
def test_caption_is_the_articles_own_else_the_images_else_empty():
    image = ImageFactory(caption="Aus der Bildbibliothek")
    assert ArticleFactory(hero_image=image, hero_caption="Nur hier").caption == "Nur hier"
    assert ArticleFactory(hero_image=image, hero_caption="").caption == "Aus der Bildbibliothek"
    assert ArticleFactory(hero_image=None, hero_caption="").caption == ""


@pytest.mark.parametrize(
    ("updated_after", "is_updated"),
    [(None, False), (timedelta(0), False), (timedelta(minutes=1), True)],
)
def test_is_updated_only_when_updated_after_publication(updated_after, is_updated):
    published_at = utc(2026, 11, 3, 13, 5)
    updated_at = None if updated_after is None else published_at + updated_after
    article = Article(published_at=published_at, updated_at=updated_at)
    assert article.is_updated is is_updated


# --- slugs ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_slug_is_generated_from_the_headline():
    article = ArticleFactory(headline="Straßenbahn-Ausbau in Köln")
    article.refresh_from_db()
    assert article.slug == "strassenbahn-ausbau-in-koeln"


@pytest.mark.django_db
def test_colliding_headlines_get_numbered_slugs():
    slugs = [ArticleFactory(headline="Straßenbahn-Ausbau in Köln").slug for _ in range(3)]
    assert slugs == [
        "strassenbahn-ausbau-in-koeln",
        "strassenbahn-ausbau-in-koeln-2",
        "strassenbahn-ausbau-in-koeln-3",
    ]


@pytest.mark.django_db
def test_explicit_slug_is_kept():
    assert ArticleFactory(headline="Irgendwas", slug="mein-slug").slug == "mein-slug"


@pytest.mark.django_db
def test_slug_stays_when_the_headline_changes():
    article = ArticleFactory(headline="Erste Fassung")
    article.headline = "Zweite Fassung"
    article.save()
    article.refresh_from_db()
    assert article.slug == "erste-fassung"


@pytest.mark.django_db
def test_headline_without_letters_gets_a_fallback_slug():
    assert ArticleFactory(headline="!!!").slug == "artikel"


@pytest.mark.django_db
def test_long_headlines_give_slugs_within_the_maximum_length_even_with_a_suffix():
    headline = "Straßenbahn " * 16  # 192 characters
    first = ArticleFactory(headline=headline)
    second = ArticleFactory(headline=headline)
    assert len(first.slug) <= SLUG_MAX_LENGTH
    assert len(second.slug) <= SLUG_MAX_LENGTH
    assert second.slug.endswith("-2")
    assert second.slug != first.slug
    assert not first.slug.endswith("-")


@pytest.mark.django_db
def test_clean_generates_the_slug_before_validation():
    article = ArticleFactory.build(headline="Straßenbahn-Ausbau in Köln", slug="")
    article.clean()
    assert article.slug == "strassenbahn-ausbau-in-koeln"


# --- published articles have a publication time ---------------------------------------------


@pytest.mark.django_db
def test_saving_a_published_article_without_time_publishes_it_now():
    with time_machine.travel(NOW, tick=False):
        article = ArticleFactory(published_at=None)
    article.refresh_from_db()
    assert article.published_at == NOW


@pytest.mark.django_db
def test_draft_without_publication_time_stays_without_one():
    article = ArticleFactory(draft=True)
    article.refresh_from_db()
    assert article.published_at is None


@pytest.mark.django_db
def test_full_clean_gives_a_published_article_a_publication_time():
    article = ArticleFactory.build(published_at=None)
    article.section.save()
    article.section_id = article.section.pk
    with time_machine.travel(NOW, tick=False):
        article.full_clean()
    assert article.published_at == NOW


@pytest.mark.django_db
def test_check_constraint_rejects_a_published_article_without_time_on_validation():
    article = Article(status=Article.Status.PUBLISHED, published_at=None, headline="x", lead="y")
    with pytest.raises(ValidationError):
        article.validate_constraints()


@pytest.mark.django_db
def test_database_rejects_a_published_article_without_time():
    article = ArticleFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=article.pk).update(published_at=None)


@pytest.mark.django_db
def test_clean_rejects_an_update_before_the_publication():
    published_at = utc(2026, 11, 3, 13, 5)
    article = ArticleFactory.build(
        published_at=published_at, updated_at=published_at - timedelta(minutes=1)
    )
    with pytest.raises(ValidationError) as error:
        article.clean()
    assert "updated_at" in error.value.message_dict
