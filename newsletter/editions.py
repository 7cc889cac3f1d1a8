"""Composing an edition and rendering it as the mail readers get.

An edition's articles are taken from the home page's curation by default (the lead story,
the highlights, then the newest), in the home page's order; the desk reorders, adds and
removes them in the admin. Only articles still public when the mail is made are in it.

The mail is HTML for the common mail clients (tables for layout, styles written inline in
the template, pictures as absolute addresses of JPEG renditions with their credits, colours
that read in dark mode) with a plain-text part. Links go straight to the articles: no
tracking parameters, no redirects, no pixel.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from articles.models import Article
from articles.selectors import curated_ids
from core import dates
from core.addresses import offline_url
from images import renditions

from .models import Edition, EditionItem

# Stands for the subscriber's own unsubscribe address in a rendered edition: the mail is
# rendered once per batch and each copy gets its reader's address.
UNSUBSCRIBE_MARK = "https://unsubscribe.invalid/mark/"
# The picture's width in the mail (CSS pixels); the rendition is twice as wide for sharp
# pictures on high-density screens.
PICTURE_WIDTH = 600
THUMBNAIL_WIDTH = 180


def top_story_ids(limit):
    """The home page's top stories as primary keys: the desk's lead story and highlights,
    then the newest public articles, ``limit`` at most."""
    lead, highlights = curated_ids()
    chosen = [pk for pk in (lead, *highlights) if pk]
    if len(chosen) < limit:
        newest = (
            Article.objects.public()
            .exclude(pk__in=chosen)
            .order_by("-published_at", "-pk")
            .values_list("pk", flat=True)[: limit - len(chosen)]
        )
        chosen.extend(newest)
    return chosen[:limit]


def default_subject(newsletter, send_at):
    return _("%(name)s on %(weekday)s, %(date)s") % {
        "name": newsletter.name,
        "weekday": dates.weekday(dates.local_date(send_at)),
        "date": dates.long_date(dates.local_date(send_at)),
    }


def fill_from_home_page(edition):
    """Give an edition without articles the home page's top stories."""
    EditionItem.objects.bulk_create(
        EditionItem(edition=edition, article_id=pk, position=position)
        for position, pk in enumerate(top_story_ids(edition.newsletter.max_items), start=1)
    )


def prepare_edition(newsletter, send_at, *, prepared_for=None, status=Edition.Status.SCHEDULED):
    """A new edition from the home page's curation, with the newsletter's default intro."""
    edition = Edition.objects.create(
        newsletter=newsletter,
        subject=default_subject(newsletter, send_at),
        intro=newsletter.default_intro,
        send_at=send_at,
        status=status,
        prepared_for=prepared_for,
    )
    fill_from_home_page(edition)
    return edition


@dataclass
class Story:
    kicker: str
    headline: str
    lead: str
    url: str
    section: str
    picture: dict | None


def _picture(image):
    if image is None or not image.is_usable:
        return None
    rendition = renditions.best(renditions.renditions_for(image, "wide")["jpeg"], PICTURE_WIDTH * 2)
    if rendition is None:
        return None
    return {
        "url": offline_url(rendition.url),
        "height": round(PICTURE_WIDTH * rendition.height / rendition.width),
        "thumbnail_height": round(THUMBNAIL_WIDTH * rendition.height / rendition.width),
        "alt": image.alt_text,
        "credit": image.credit_label if image.credit else "",
    }


def stories(edition):
    """The edition's public articles, in its order, as the mail shows them."""
    order = dict(edition.items.values_list("article_id", "position"))
    articles = Article.objects.public().for_teasers().filter(pk__in=order)
    articles = sorted(articles, key=lambda article: (order[article.pk], article.pk))
    return [
        Story(
            kicker=article.kicker,
            headline=article.headline,
            lead=article.lead,
            url=offline_url(article.get_absolute_url()),
            section=article.section.name if article.section_id else "",
            picture=_picture(article.hero_image),
        )
        for article in articles
    ]


@dataclass
class RenderedEdition:
    subject: str
    html: str
    text: str

    def for_reader(self, unsubscribe_url):
        return (
            self.html.replace(UNSUBSCRIBE_MARK, unsubscribe_url),
            self.text.replace(UNSUBSCRIBE_MARK, unsubscribe_url),
        )


def render_edition(edition):
    """The mail of an edition, its unsubscribe address still to be filled in."""
    items = stories(edition)
    newsletter = edition.newsletter
    context = {
        "edition": edition,
        "newsletter": newsletter,
        "lead_story": items[0] if items else None,
        "more_stories": items[1:],
        "stories": items,
        "date": dates.long_date(dates.local_date(edition.send_at)),
        "weekday": dates.weekday(dates.local_date(edition.send_at)),
        "site_name": settings.NEWSROOM_SITE_NAME,
        "home_url": offline_url(reverse("articles:home")),
        "subscribe_url": offline_url(reverse("newsletter:subscribe")),
        "unsubscribe_url": UNSUBSCRIBE_MARK,
        "preheader": strip_tags(edition.intro)[:140] or (items[0].headline if items else ""),
        "picture_width": PICTURE_WIDTH,
        "thumbnail_width": THUMBNAIL_WIDTH,
    }
    return RenderedEdition(
        subject=edition.subject,
        html=render_to_string("newsletter/mail/edition.html", context),
        text=render_to_string("newsletter/mail/edition.txt", context),
    )


def list_headers(newsletter, unsubscribe_url, token):
    """RFC 2369 and RFC 8058 headers: mail programs show an unsubscribe button that POSTs
    to the link, which unsubscribes at once."""
    targets = [f"<{unsubscribe_url}>"]
    if settings.NEWSLETTER_UNSUBSCRIBE_EMAIL:
        targets.append(
            f"<mailto:{settings.NEWSLETTER_UNSUBSCRIBE_EMAIL}?subject=Abmelden%20{token}>"
        )
    host = urlsplit(offline_url("/")).hostname or "localhost"
    return {
        "List-Unsubscribe": ", ".join(targets),
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": f"{newsletter.name} <newsletter-{newsletter.pk}.{host}>",
    }


def message(edition, rendered, email, unsubscribe_url, token, *, connection=None, subject=None):
    """The mail of ``edition`` for one reader, as EmailMultiAlternatives (text and HTML)."""
    html, text = rendered.for_reader(unsubscribe_url)
    mail = EmailMultiAlternatives(
        subject=subject or rendered.subject,
        body=text,
        from_email=edition.newsletter.from_email,
        to=[email],
        connection=connection,
        headers=list_headers(edition.newsletter, unsubscribe_url, token),
    )
    mail.attach_alternative(html, "text/html")
    return mail
