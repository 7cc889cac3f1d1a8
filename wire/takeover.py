"""“Als Artikel übernehmen”: one agency item becomes a draft article in one step.

The draft gets the item's headline, lead and sanitized text, the source's default section, the
agency as its byline (an author named like the agency, e.g. “dpa”: the page reads “Von dpa”;
adding the newsroom's own author as a second byline gives “Von dpa und Redaktion”), the item's
pictures imported into the library with the agency's credit, copyright, usage terms and
embargo (the first as hero image, the others in the text), the item's embargo, and the link
back to the item (``TakeOver``) with a “Taken from agency copy” event in its audit trail.
"""

import html
import logging
import re
from pathlib import PurePosixPath
from urllib.parse import urlsplit

import reversion
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from articles import editing, workflow
from articles.models import Article, ArticleEvent, Byline, record_event
from core.text import german_slugify
from images.models import Image
from images.validation import check_image_file, normalized_name
from people.models import Author

from . import fetching
from .formats import parse_time
from .models import TakeOver

log = logging.getLogger(__name__)

FIRST_PARAGRAPH = re.compile(r"^\s*<p>(.*?)</p>", re.DOTALL)


def take_over(item, user):
    """Make a draft article of ``item`` as ``user``; (article, [pictures that failed: why]).

    PermissionDenied without the right to add articles; ValidationError for a withdrawn item.
    """
    if not user.has_perm("articles.add_article"):
        raise PermissionDenied
    if item.is_withdrawn:
        raise ValidationError(
            _("The agency has withdrawn this item (Sperrvermerk); it cannot be taken over.")
        )
    # Downloads first, outside the transaction: nothing waits on the network holding locks.
    downloads, problems = [], []
    for picture in item.pictures:
        try:
            downloads.append((picture, _download(picture, item.source)))
        except (fetching.FetchError, ValidationError) as error:
            problems.append(_picture_problem(picture, error))
    with transaction.atomic(), reversion.create_revision():
        images = []
        for picture, upload in downloads:
            images.append(_import_picture(picture, upload, item, user))
        article = _draft(item, images)
        editing.save_article(article, user=user)
        Byline.objects.create(article=article, author=agency_author(item.agency), position=0)
        TakeOver.objects.create(item=item, article=article, version=item.version, taken_by=user)
        record_event(
            article,
            ArticleEvent.Action.FROM_WIRE,
            user=user,
            new_value=f"{item.agency}, {_('version')} {item.version}"[:200],
            comment=f"{item.guid}\n{item.headline}",
        )
        reversion.set_user(user)
        reversion.set_comment(_("Taken from agency copy"))
    return article, problems


def acknowledge(takeover, user):
    """``user`` has read the item's newer version for ``takeover``'s article: the article's
    notice goes away until the next version. Only for those who may edit the article."""
    if not workflow.can_edit(takeover.article, user):
        raise PermissionDenied
    TakeOver.objects.filter(pk=takeover.pk).update(version=takeover.item.version)


def _draft(item, images):
    lead, body = item.lead, item.body
    if not lead:
        # No summary delivered: the first paragraph is the lead, and not said twice.
        match = FIRST_PARAGRAPH.match(body)
        if match:
            lead = html.unescape(strip_tags(match.group(1))).strip()
            body = body[match.end() :].lstrip()
    body += "".join(f'<figure data-image="{image.pk}"></figure>' for image in images[1:])
    return Article(
        headline=item.headline[:200],
        lead=lead or item.headline,
        body=body,
        section=item.section or item.source.default_section,
        hero_image=images[0] if images else None,
        embargo_until=item.embargo_until,
        embargo_source=item.agency if item.embargo_until else "",
        status=Article.Status.DRAFT,
    )


def agency_author(agency):
    """The author standing for ``agency`` in bylines (made on first use)."""
    code = german_slugify(agency).replace("-", "")[:10] or "agentur"
    author = Author.objects.filter(short_code=code).first()
    if author is None:
        author = Author.objects.create(name=agency, short_code=code)
    return author


def _download(picture, source):
    """The picture's bytes as a checked upload (ValidationError: not a picture we accept)."""
    href = str(picture.get("href", ""))
    limit = settings.NEWSROOM_IMAGE_MAX_BYTES
    if urlsplit(href).scheme.lower() in fetching.SCHEMES:
        # A link inside agency copy is fetched from the public internet, or from the host the
        # operator configured the source at; never from the site's own network otherwise
        # (its database, cache or a cloud's metadata address).
        def allow(url):
            return (source.url and fetching.same_host(url, source.url)) or fetching.public_host(url)

        data = fetching.fetch_url(href, limit=limit, allow=allow)
    elif source.is_folder and (path := fetching.file_in_folder(source.folder, href)):
        data = fetching.read_file(path, limit=limit)
    else:
        raise fetching.FetchError(_("The picture's address cannot be fetched."))
    upload = ContentFile(data, name=PurePosixPath(urlsplit(href).path).name or "bild.jpg")
    upload.name = normalized_name(upload.name, check_image_file(upload))
    return upload


def _import_picture(picture, upload, item, user):
    caption = picture.get("caption", "")
    image = Image(
        file=upload,
        caption=caption,
        alt_text=(picture.get("alt") or caption or item.headline)[:300],
        credit_line=(picture.get("credit") or item.credit or item.source.default_credit)[:200],
        photographer=picture.get("photographer", "")[:200],
        copyright=(picture.get("copyright") or item.copyright)[:300],
        usage_notes=picture.get("usage") or item.usage_terms,
        embargo_until=parse_time(picture.get("embargo_until")) or item.embargo_until,
        uploaded_by=user,
    )
    image.full_clean(exclude=["file"])
    image.save()
    return image


def _picture_problem(picture, error):
    reason = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
    log.warning("Wire picture %s not imported: %s", picture.get("href"), reason)
    return _("Picture %(name)s not imported: %(reason)s") % {
        "name": PurePosixPath(urlsplit(str(picture.get("href", ""))).path).name or "?",
        "reason": reason,
    }
