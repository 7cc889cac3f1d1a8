"""
``load_demo``: create or reset the demo newsroom from the data in ``demo.content``.

Every demo object has a stable key: sections their slug, authors their short code, pictures a
fixed file-name stem, articles the slug of their headline. Loading again therefore never
duplicates anything: it resets the demo objects to their demo state and moves the publication
times up to "now", so the demo always looks fresh. Picture files are drawn with Pillow once and
reused on later runs (and redrawn only if a file has gone missing from storage).

Everything but the clock is deterministic: the same seed gives the same pictures, the same
order of articles and the same times relative to now.

The data is read as ``content.ARTICLES`` etc. at call time, never copied into this module, so
a test can replace it.
"""

import random
import re
import secrets
from dataclasses import dataclass
from datetime import timedelta

import reversion
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from articles.models import (
    Article,
    ArticleRedirect,
    Byline,
    Correction,
    CrossLink,
    HomePage,
    HomePageHighlight,
    Section,
    TeaserBullet,
)
from images.models import Image
from people.models import Author
from sitecontent.models import SiteSettings, SocialAccount
from sitecontent.models import clear_cache as clear_site_settings_cache

from . import content
from .agency import load_agency_source
from .content import DRAFT, PUBLISHED, SCHEDULED
from .markup import render_body
from .newsletter import load_newsletter
from .pictures import SEED, render_picture
from .ticker import load_ticker

DEFAULT_ADMIN_USERNAME = "redaktion"
DEV_SERVER = "http://127.0.0.1:8000"
# Demo pictures are found again by this stem in their file name (see _find_demo_image).
FILE_STEM = "newsroom-demo-{key}"


@dataclass
class DemoResult:
    sections: int
    authors: int
    images: int
    images_drawn: int
    articles: int
    published: int
    scheduled: int
    drafts: int
    bylines: int
    bullets: int
    cross_links: int
    tags: int
    corrections: int = 0
    ticker_entries: int = 0
    wire_items: int = 0
    admin_username: str = ""
    admin_password: str = ""

    def summary(self):
        """A few lines in German for the person who ran the command."""
        lines = [
            "Demo-Redaktion geladen:",
            f"  {self.sections} Ressorts, {self.authors} Autor:innen, "
            f"{self.images} Bilder ({self.images_drawn} neu gezeichnet)",
            f"  {self.articles} Artikel: {self.published} veröffentlicht, "
            f"{self.scheduled} geplant, {self.drafts} Entwürfe",
            f"  {self.bylines} Autorenzeilen, {self.bullets} Stichpunkte, "
            f"{self.cross_links} Querverweise, {self.tags} Schlagwörter, "
            f"{self.corrections} Korrekturen",
            f"  Startseite: Aufmacher und {len(content.HOME_HIGHLIGHTS)} hervorgehobene Artikel; "
            f"{len(content.OLD_SLUGS)} alte Adresse mit Weiterleitung; Website-Einstellungen mit "
            f"{len(content.SOCIAL_ACCOUNTS)} Social-Media-Konten",
            f"  Ein laufender Liveticker mit {self.ticker_entries} Einträgen",
            f"  Agenturmeldungen: {self.wire_items} im Eingang (Beispielquelle aus einem Ordner)",
            "  Newsletter „Der Morgen“ mit einer Ausgabe für morgen 06.00 (Admin: Ausgaben)",
        ]
        if self.admin_username:
            lines.append(
                f"Admin: {DEV_SERVER}{reverse('admin:index')}  "
                f"Benutzer: {self.admin_username}  Passwort: {self.admin_password}"
            )
        return "\n".join(lines)


def load_demo(*, image_scale=1.0, admin_username="", now=None):
    """
    Create or reset the demo newsroom, in one transaction, and return what was loaded.

    ``image_scale`` shrinks newly drawn pictures (tests use small ones). With
    ``admin_username``, that user is created or updated as a superuser with a new password.
    """
    content.check_demo_data()
    now = now or timezone.now()
    new_files = []  # (storage, name) of files written, removed again if the transaction fails
    try:
        with transaction.atomic():
            sections = _load_sections()
            images = _load_images(image_scale, new_files)
            authors = _load_authors(images)
            articles = _load_articles(
                sections, images, authors, _timeline(now, random.Random(SEED)), now
            )
            ticker_entries = load_ticker(articles, images, authors, now)
            _load_home_page(articles)
            load_newsletter(now)
            _load_old_addresses(articles)
            _load_site_settings(images)
            wire_items = load_agency_source(sections, now)
            password = _ensure_admin(admin_username) if admin_username else ""
    except BaseException:
        for storage, name in new_files:
            storage.delete(name)
        raise
    statuses = [item.status for item in content.ARTICLES]
    return DemoResult(
        sections=len(content.SECTIONS),
        authors=len(content.AUTHORS),
        images=len(content.IMAGES),
        images_drawn=len(new_files),
        articles=len(content.ARTICLES),
        published=statuses.count(PUBLISHED),
        scheduled=statuses.count(SCHEDULED),
        drafts=statuses.count(DRAFT),
        bylines=sum(len(item.authors) for item in content.ARTICLES),
        bullets=sum(len(item.bullets) for item in content.ARTICLES),
        cross_links=sum(len(item.related) for item in content.ARTICLES),
        tags=len({tag for item in content.ARTICLES for tag in item.tags}),
        corrections=sum(len(item.corrections) for item in content.ARTICLES),
        ticker_entries=ticker_entries,
        wire_items=wire_items,
        admin_username=admin_username,
        admin_password=password,
    )


def _load_sections():
    sections = {}
    for position, (name, slug) in enumerate(content.SECTIONS, start=1):
        sections[slug], _ = Section.objects.update_or_create(
            slug=slug, defaults={"name": name, "position": position * 10}
        )
    return sections


def _find_demo_image(key):
    stem = re.escape(FILE_STEM.format(key=key))
    return Image.objects.filter(file__regex=rf"(^|/){stem}-[0-9a-f]+\.jpg$").order_by("pk").first()


def _load_images(scale, new_files):
    images = {}
    today = timezone.localdate()
    for picture in content.IMAGES:
        image = _find_demo_image(picture.key) or Image()
        image.caption = picture.caption
        image.alt_text = picture.alt_text
        rights = content.PICTURE_RIGHTS.get(picture.key, {})
        image.is_own = rights.get("is_own", False)
        image.credit_line = "" if image.is_own else picture.credit_line
        image.photographer = picture.photographer
        image.copyright = rights.get("copyright", "")
        image.usage_notes = rights.get("usage_notes", "")
        days = rights.get("usable_for_days")
        image.usable_until = today + timedelta(days=days) if days is not None else None
        image.focal_x, image.focal_y = rights.get("focal", (50, 50))
        if not image.file or not image.file.storage.exists(image.file.name):
            # The content needs a name: Django reads width and height from it, not from storage.
            name = f"{FILE_STEM.format(key=picture.key)}.jpg"
            image.file.save(name, ContentFile(render_picture(picture, scale), name), save=False)
            new_files.append((image.file.storage, image.file.name))
        image.save()
        images[picture.key] = image
    return images


def _load_authors(images):
    authors = {}
    for person in content.AUTHORS:
        authors[person.code], _ = Author.objects.update_or_create(
            short_code=person.code,
            defaults={
                "name": person.name,
                "role_title": person.role,
                "slug": person.slug,
                "bio": person.bio,
                "photo": images.get(person.photo),
            },
        )
    return authors


def _timeline(now, rng):
    """
    key -> (status, published_at, updated_at), relative to ``now``.

    Published articles go back in time from a few minutes ago, a few hours apart (in a
    shuffled but seeded order), and never between midnight and six in the morning.
    """
    timeline = {}
    published = [item for item in content.ARTICLES if item.status == PUBLISHED]
    rng.shuffle(published)
    cursor = now - timedelta(minutes=rng.randint(15, 50))
    for item in published:
        moment = timezone.localtime(cursor).replace(second=0, microsecond=0)
        if moment.hour < 6:  # nobody publishes at night here: move to the evening before
            evening = moment - timedelta(days=1)
            moment = evening.replace(hour=rng.randint(20, 22), minute=rng.randint(0, 59))
        updated_at = None
        if item.updated:  # a material update, some time after publication, but not in future
            room = int((now - moment).total_seconds() // 120)
            updated_at = moment + timedelta(minutes=max(1, min(rng.randint(40, 300), room)))
        timeline[item.key] = (Article.Status.PUBLISHED, moment, updated_at)
        cursor = moment - timedelta(minutes=rng.randint(180, 720))
    for item in content.ARTICLES:
        if item.status == SCHEDULED:
            ahead = timezone.localtime(now + timedelta(hours=item.publish_in_hours))
            on_the_hour = ahead.replace(minute=0, second=0, microsecond=0)
            timeline[item.key] = (Article.Status.SCHEDULED, on_the_hour, None)
        elif item.status == DRAFT:
            timeline[item.key] = (Article.Status.DRAFT, None, None)
    return timeline


def _load_articles(sections, images, authors, timeline, now):
    articles = {}
    for item in content.ARTICLES:
        status, published_at, updated_at = timeline[item.key]
        article, _ = Article.objects.update_or_create(
            slug=item.slug,
            defaults={
                "kicker": item.kicker,
                "genre": item.genre,
                "headline": item.headline,
                "section": sections[item.section],
                "hero_image": images.get(item.image),
                "hero_caption": item.caption,
                "lead": item.lead,
                "body": render_body(item.body, images),
                "status": status,
                "published_at": published_at,
                "first_published_at": (
                    published_at if status == Article.Status.PUBLISHED else None
                ),
                "updated_at": updated_at,
                # Under embargo until its scheduled time, as its source asked.
                "embargo_until": published_at if item.embargo_source else None,
                "embargo_source": item.embargo_source,
            },
        )
        # The ordered parts are replaced wholesale, so a second run leaves the same rows.
        article.bylines.all().delete()
        Byline.objects.bulk_create(
            Byline(article=article, author=authors[code], role=role, position=position)
            for position, (code, role) in enumerate(item.bylines, start=1)
        )
        article.bullets.all().delete()
        TeaserBullet.objects.bulk_create(
            TeaserBullet(article=article, text=text, position=position)
            for position, text in enumerate(item.bullets, start=1)
        )
        article.tags.set(list(item.tags))
        # Corrections some time after publication, never in the future; writer unknown.
        article.corrections.all().delete()
        Correction.objects.bulk_create(
            Correction(
                article=article,
                kind=kind,
                corrected_at=min(published_at + timedelta(minutes=minutes_after), now),
                note=note,
            )
            for kind, minutes_after, note in item.corrections
        )
        articles[item.key] = article
    for item in content.ARTICLES:
        article = articles[item.key]
        article.cross_links.all().delete()
        CrossLink.objects.bulk_create(
            CrossLink(article=article, target=articles[key], position=position)
            for position, key in enumerate(item.related, start=1)
        )
    # A first revision per article, so its history and restore work from the start.
    for article in articles.values():
        with reversion.create_revision(atomic=False):
            reversion.set_comment("Demo-Inhalt geladen")
            reversion.add_to_revision(article)
    return articles


def _load_home_page(articles):
    home_page = HomePage.load()
    home_page.lead = articles[content.HOME_LEAD]
    home_page.save()
    home_page.highlights.all().delete()
    HomePageHighlight.objects.bulk_create(
        HomePageHighlight(home_page=home_page, article=articles[key], position=position)
        for position, key in enumerate(content.HOME_HIGHLIGHTS, start=1)
    )


def _load_old_addresses(articles):
    for key, (section, old_slug) in content.OLD_SLUGS.items():
        ArticleRedirect.objects.update_or_create(
            old_slug=old_slug, defaults={"article": articles[key], "old_section_slug": section}
        )


def _load_site_settings(images):
    values = dict(content.SITE_SETTINGS)
    values["social_image"] = images.get(values.pop("social_image", ""))
    site_settings, _ = SiteSettings.objects.update_or_create(
        pk=SiteSettings.SINGLETON_PK,
        defaults={"site_name": settings.NEWSROOM_SITE_NAME, **values},
    )
    site_settings.social_accounts.all().delete()
    SocialAccount.objects.bulk_create(
        SocialAccount(site_settings=site_settings, network=network, url=url, position=position)
        for position, (network, url) in enumerate(content.SOCIAL_ACCOUNTS, start=1)
    )
    # bulk_create sends no signals: forget the cached settings here.
    clear_site_settings_cache()


def _ensure_admin(username):
    """Create or update ``username`` as an active superuser with a fresh password."""
    user_model = get_user_model()
    password = secrets.token_urlsafe(16)
    user, created = user_model._default_manager.get_or_create(
        **{user_model.USERNAME_FIELD: username}
    )
    if created and hasattr(user, "email"):
        user.email = f"{username}@newsroom.example"
    user.is_active = user.is_staff = user.is_superuser = True
    user.set_password(password)
    user.save()
    return password
