"""The articles' background work, run by ``manage.py worker`` (Django's Tasks API through the
django-tasks backport: on Django 6 the import becomes ``django.tasks``).

Visibility needs no task: ``Article.objects.public()`` decides at query time, so a scheduled
article is on every page at its minute whether or not a worker runs. What the worker does on
time is the rest of going live (publishing.py): the first-publication time, the audit event
and ``article_published`` (page cache, purges of the proxy in front).
"""

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from . import publishing
from .models import Article


@task()
def publish_due_articles():
    """Take every article whose time has come live; the number taken live."""
    return publishing.publish_due()


def plan_go_live(article):
    """Have the worker take ``article`` live at its publication time, after this commits.

    A moved time plans a new run; the old one finds nothing due (or something else) and does
    no harm: ``go_live`` takes each article live exactly once. With a backend that cannot
    defer (development runs tasks at once) there is nothing to plan: ``publish_scheduled``
    takes articles live there.
    """
    when = article.published_at
    if when is None or when <= timezone.now():
        return
    if publish_due_articles.get_backend().supports_defer:
        transaction.on_commit(publish_due_articles.using(run_after=when).enqueue)


def article_saved(sender, instance, raw=False, **kwargs):
    """``post_save`` of Article: a newly scheduled article, or a new time, gets its run."""
    if raw or instance.status != Article.Status.SCHEDULED:
        return
    stored = getattr(instance, "_stored", {})  # as read from the database before this save
    if (
        stored.get("status") == Article.Status.SCHEDULED
        and stored.get("published_at") == instance.published_at
    ):
        return
    plan_go_live(instance)
