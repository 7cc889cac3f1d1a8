"""The picture and embed blocks of an article body (``<figure data-image>``, ``<figure
data-embed>``, see articles/sanitizer.py): finding them, checking them for the article form,
and turning a body into what pages, feeds and the API show.

A body is a run of blocks: ``Text`` (sanitized HTML between figures), ``Picture`` (a library
image that can be shown, with its caption) and ``Embed`` (third-party content on the
allow-list, core/embeds.py). A picture that is gone or whose rights have expired, and an
address no longer on the allow-list, are left out for readers (an address becomes a link).

The pictures of one or many bodies are read in one query with their renditions
(``load_pictures``); pages, feeds and the API call it before they show bodies.
"""

import html
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.dates import german_date
from core.embeds import Embed as EmbedTarget
from core.embeds import embed_for

# The stored form only (the sanitizer writes nothing else).
BLOCK = re.compile(
    r'<figure data-(image|embed)="([^"]*)">(?:<figcaption>(.*?)</figcaption>)?</figure>',
    re.DOTALL,
)


@dataclass(frozen=True)
class Text:
    html: str
    kind: str = "text"


@dataclass(frozen=True)
class Picture:
    image: object
    caption: str
    kind: str = "picture"


@dataclass(frozen=True)
class Embed:
    embed: EmbedTarget
    kind: str = "embed"


@dataclass(frozen=True)
class Link:
    """An embed address no longer on the allow-list: a plain link."""

    url: str
    kind: str = "link"


class Blocks(list):
    @property
    def has_embeds(self):
        return any(block.kind == "embed" for block in self)


def parse(body):
    """``body`` as [("text", html) | ("image", pk, caption) | ("embed", url)]."""
    parts, position = [], 0
    for match in BLOCK.finditer(body or ""):
        if match.start() > position:
            parts.append(("text", body[position : match.start()]))
        kind, value, caption = match.groups()
        value = html.unescape(value)
        if kind == "image":
            parts.append(("image", int(value), html.unescape(caption or "")))
        else:
            parts.append(("embed", value))
        position = match.end()
    if position < len(body or ""):
        parts.append(("text", body[position:]))
    return parts


def image_ids(body):
    """The primary keys of the library pictures in ``body``, in order, each once."""
    return list(dict.fromkeys(part[1] for part in parse(body) if part[0] == "image"))


def embed_urls(body):
    return list(dict.fromkeys(part[1] for part in parse(body) if part[0] == "embed"))


def check(body, kept=()):
    """Refuse (ValidationError) pictures that do not exist, pictures whose rights have
    expired unless they were in the text before (``kept``: their primary keys; as a hero
    image, an expired picture cannot be chosen anew) and addresses not on the embed
    allow-list: the article form's rule for the blocks of a cleaned body."""
    from images.models import Image

    errors = []
    wanted = image_ids(body)
    if wanted:
        found = {image.pk: image for image in Image.objects.filter(pk__in=wanted)}
        missing = [str(pk) for pk in wanted if pk not in found]
        for image in found.values():
            if image.is_expired and image.pk not in kept:
                errors.append(
                    ValidationError(
                        _(
                            "The rights to the picture “%(image)s” in the text ended on "
                            "%(date)s; choose another one."
                        ),
                        params={"image": image, "date": german_date(image.usable_until)},
                        code="image_expired",
                    )
                )
        if missing:
            errors.append(
                ValidationError(
                    ngettext(
                        "The text contains a picture that is not in the library (number "
                        "%(ids)s). Choose it again or remove it.",
                        "The text contains pictures that are not in the library (numbers "
                        "%(ids)s). Choose them again or remove them.",
                        len(missing),
                    ),
                    params={"ids": ", ".join(missing)},
                    code="missing_image",
                )
            )
    for url in embed_urls(body):
        if embed_for(url) is None:
            errors.append(
                ValidationError(
                    _(
                        "“%(url)s” cannot be embedded: only posts and videos from YouTube, "
                        "Vimeo, X, Instagram, Bluesky, Mastodon, Datawrapper and the "
                        "allowed hosts can. Paste the address as a link instead."
                    ),
                    params={"url": url},
                    code="embed_not_allowed",
                )
            )
    if errors:
        raise ValidationError(errors)


def keep_inline_pictures(article):
    """Record the pictures in ``article``'s text (``Article.inline_images``), on each save:
    what refers to a picture is one query away (its uses, rights, the credits page)."""
    from images.models import Image

    wanted = image_ids(article.body)
    article.inline_images.set(Image.objects.filter(pk__in=wanted) if wanted else [])


def load_pictures(articles):
    """Read the pictures of all ``articles``' bodies at once (one query, and one for their
    16:9 renditions, the only ones they show, as the hero; none when no body has a picture)
    and keep them on each article."""
    from images.models import Image
    from images.renditions import load_renditions

    articles = list(articles)
    wanted = {pk for article in articles for pk in image_ids(article.body)}
    found = Image.objects.filter(pk__in=wanted).in_bulk() if wanted else {}
    load_renditions(list(found.values()), "wide")
    for article in articles:
        article.inline_pictures = {pk: found[pk] for pk in image_ids(article.body) if pk in found}
    return articles


def blocks(article):
    """The body of ``article`` as blocks for readers (pictures loaded by ``load_pictures``,
    or now, if not)."""
    if not hasattr(article, "inline_pictures"):
        load_pictures([article])
    result = Blocks()
    for part in parse(article.body):
        if part[0] == "text":
            result.append(Text(part[1]))
        elif part[0] == "image":
            image = article.inline_pictures.get(part[1])
            if image is not None and image.is_usable and image.file:
                result.append(Picture(image, part[2] or image.caption))
        else:
            embed = embed_for(part[1])
            result.append(Embed(embed) if embed else Link(part[1]))
    return result


def frame_origins(body_blocks):
    """The origins of the iframes a body's embeds load after a click (for frame-src)."""
    return sorted({block.embed.origin for block in body_blocks if block.kind == "embed"})
