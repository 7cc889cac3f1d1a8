"""Corrections for tests: live articles to correct, and reading the corrections part of an
article page."""

import json
import re
from datetime import timedelta

from django.utils import timezone

from articles.models import Article
from tests.helpers.factories import ArticleFactory, BylineFactory, TeaserBulletFactory


def live_article(**fields):
    """A complete public article that went live an hour ago (so it may be corrected and may
    get an "Aktualisiert am")."""
    went_live = timezone.now() - timedelta(hours=1)
    article = ArticleFactory(
        status=Article.Status.PUBLISHED,
        published_at=went_live,
        first_published_at=went_live,
        **fields,
    )
    BylineFactory(article=article, position=1)
    TeaserBulletFactory(article=article, position=1)
    return article


def corrections_part(page):
    """The corrections at the end of an article page, as the reader reads them: one text per
    correction ("Korrektur, 3. November 2026, 14.05 Uhr: …"), in page order; [] without."""
    match = re.search(r'<aside class="article__corrections"[^>]*>(.*?)</aside>', page, re.S)
    if not match:
        return []
    items = re.findall(r'<li class="correction"[^>]*>(.*?)</li>', match.group(1), re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", item).split()).replace(" :", ":") for item in items]


def json_ld(page):
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return json.loads(block)
