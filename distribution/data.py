"""An article and the people and topics around it as data for other sites and apps: feeds,
sitemaps, structured data (JSON-LD), Open Graph and the API all describe them with these
functions, so an address or a time is written the same way on every surface.

Pictures are described by ``images.data.image_data``; times by ``core.dates.iso_datetime``.
"""

from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html

from articles import blocks
from core.addresses import absolute_url
from images.data import image_data


def tag_page_url(tag):
    """The path of the tag's page, or None if it has none: taggit makes an empty slug of a
    name without letters or digits ("???"), and no URL pattern takes an empty segment. Links
    and sitemap entries then leave the page out rather than fail."""
    try:
        return reverse("articles:tag", kwargs={"slug": tag.slug})
    except NoReverseMatch:
        return None


def tag_data(tag, request=None):
    path = tag_page_url(tag)
    return {"name": tag.name, "slug": tag.slug, "url": path and absolute_url(request, path)}


def author_data(author, request=None):
    """An author: ``name``, ``slug``, ``role`` (the author's own) and the page's ``url``."""
    return {
        "name": author.name,
        "slug": author.slug,
        "role": author.role_title,
        "url": absolute_url(request, author.get_absolute_url()),
    }


def byline_data(byline, request=None):
    """A byline: the author, with the ``role`` in this article and the ``label`` as printed."""
    return {
        **author_data(byline.author, request),
        "role": byline.role or byline.author.role_title,
        "label": byline.label,
    }


def article_url(article, request=None):
    return absolute_url(request, article.get_absolute_url())


def hero_image_data(article, request=None, **options):
    """The article's hero picture with the article's caption, or None."""
    return image_data(article.hero_image, request=request, caption=article.caption, **options)


def body_html(article, request=None):
    """The article's body for feeds and the API, where no script or iframe may go: its text
    as stored, each picture in the text as an ``<img>`` of its JPEG rendition (absolute
    address) with caption and credit, each embed as a plain link to the address pasted. A
    picture that cannot be shown (rights expired, gone) is left out, as on the page.
    Pictures are read at once for many articles with ``articles.blocks.load_pictures``."""
    parts = []
    for block in blocks.blocks(article):
        if block.kind == "text":
            parts.append(block.html)
        elif block.kind == "picture":
            data = image_data(block.image, request=request, caption=block.caption)
            if data is None:
                continue
            caption = " ".join(part for part in (data["caption"], data["credit_label"]) if part)
            parts.append(
                format_html(
                    '<figure><img src="{}" width="{}" height="{}" alt="{}">{}</figure>',
                    data["url"],
                    data["width"],
                    data["height"],
                    data["alt"],
                    format_html("<figcaption>{}</figcaption>", caption) if caption else "",
                )
            )
        else:
            url = block.embed.url if block.kind == "embed" else block.url
            label = f"{block.embed.name}: {url}" if block.kind == "embed" else url
            parts.append(format_html('<p><a href="{}">{}</a></p>', url, label))
    return "".join(parts)
