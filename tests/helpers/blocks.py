"""Picture and embed blocks in an article body, in their stored form (articles/sanitizer.py),
and an article that shows one of each."""

from html import escape

from tests.helpers.factories import ArticleFactory

YOUTUBE_URL = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
YOUTUBE_FRAME = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"


def picture_block(image, caption=""):
    pk = image if isinstance(image, int) else image.pk
    inner = f"<figcaption>{escape(caption, quote=False)}</figcaption>" if caption else ""
    return f'<figure data-image="{pk}">{inner}</figure>'


def embed_block(url=YOUTUBE_URL):
    return f'<figure data-embed="{escape(url)}"></figure>'


def article_with_blocks(image, url=YOUTUBE_URL, caption="Die neue Linie am Südplatz", **fields):
    """A public article: a paragraph, the picture, a paragraph, the embed, a paragraph."""
    body = (
        "<p>Erster Absatz.</p>"
        + picture_block(image, caption)
        + "<p>Zweiter Absatz.</p>"
        + embed_block(url)
        + "<p>Letzter Absatz.</p>"
    )
    return ArticleFactory(body=body, **fields)
