"""The desk's planning ("Planung"): the coming days' scheduled articles by day, what waits for
review, and the latest published."""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from core import dates

from .models import Article
from .selectors import with_bylines

PLANNING_DAYS = 7
PLANNING_LATEST = 10


@dataclass
class Planning:
    days: int
    by_day: list  # [(date, [articles by time])]
    review: object
    latest: object


def planning(days=PLANNING_DAYS, now=None):
    now = now or timezone.now()
    articles = with_bylines(
        Article.objects.select_related("section", "hero_image").prefetch_related("inline_images")
    )
    upcoming = articles.filter(
        status=Article.Status.SCHEDULED,
        published_at__gt=now,
        published_at__lte=now + timedelta(days=days),
    ).order_by("published_at")
    by_day = {}
    for article in upcoming:
        by_day.setdefault(dates.local_date(article.published_at), []).append(article)
    return Planning(
        days=days,
        by_day=sorted(by_day.items()),
        review=articles.filter(status=Article.Status.REVIEW).order_by("-modified_at"),
        latest=articles.public().order_by("-published_at")[:PLANNING_LATEST],
    )
