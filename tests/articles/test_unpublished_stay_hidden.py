"""Nothing public gives away what is not public yet: a topic or author only an unpublished
article carries has no page and no feed."""

import pytest

from tests.helpers.factories import ArticleFactory, AuthorFactory, BylineFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def embargoed():
    draft = ArticleFactory(draft=True, headline="Bürgermeister tritt zurück")
    draft.tags.add("Geheimer Rücktritt")
    author = AuthorFactory(slug="neue-kollegin")
    BylineFactory(article=draft, author=author)
    return draft.tags.get(), author


@pytest.mark.parametrize(
    "path",
    [
        "/thema/{tag}/",
        "/feeds/thema/{tag}/rss/",
        "/feeds/thema/{tag}/atom/",
        "/autor/{author}/",
        "/feeds/autor/{author}/rss/",
        "/feeds/autor/{author}/atom/",
        "/api/v1/authors/{author}/",
    ],
)
def test_a_topic_or_author_of_unpublished_articles_only_is_not_found(client, embargoed, path):
    tag, author = embargoed
    response = client.get(path.format(tag=tag.slug, author=author.slug))
    assert response.status_code == 404
    assert "Geheimer Rücktritt" not in response.content.decode()


def test_they_appear_with_their_first_public_article(client, embargoed):
    tag, author = embargoed
    published = ArticleFactory(headline="Stadtrat wählt neu")
    published.tags.add(tag)
    BylineFactory(article=published, author=author)
    for path in (f"/thema/{tag.slug}/", f"/feeds/thema/{tag.slug}/rss/", f"/autor/{author.slug}/"):
        assert client.get(path).status_code == 200, path
