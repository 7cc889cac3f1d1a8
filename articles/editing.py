"""Saving an article as an editor does, and what the desk is told about it: one function
per rule, called by the admin (and by anything else that edits on someone's behalf)."""

from django.utils import timezone
from django.utils.translation import gettext as _

from core import dates

from .models import ArticleEvent, record_event


def save_article(article, *, user, material_update=False, schedule_comment=""):
    """Save ``article`` as edited by ``user``: who created and who last changed it, the
    "Aktualisiert am" time for a material update of a published article, and the audit
    (a new article starts its history; changed planned times are recorded by the model,
    with ``schedule_comment``, such as a confirmed backdating)."""
    created = article.pk is None
    if created:
        article.created_by = user
    article.modified_by = user
    if material_update and article.first_published_at:
        article.updated_at = timezone.now()
    article.save(user=user, schedule_comment=str(schedule_comment))
    if created:
        record_event(article, ArticleEvent.Action.CREATED, user=user, new_value=article.status)
    return article


def keep_tag_order(article, names):
    """Give ``article`` the tags ``names`` in this order. taggit's ``set()`` adds and removes
    but leaves the tags it keeps where they were; the order is that of their rows."""
    names = list(names)
    if [tag.name for tag in article.tags.all()] != names:
        article.tags.set(names, clear=True)


def ambiguous_time_notices(article, fields):
    """A notice for each of ``fields`` whose time exists twice on its day (the end of daylight
    saving time), saying which of the two it was read as."""
    notices = []
    for field in fields:
        value = getattr(article, field)
        if value and dates.is_ambiguous(value):
            notices.append(
                _(
                    "%(time)s exists twice on that day (end of daylight saving time); "
                    "it was read as %(time)s %(offset)s, the first of the two."
                )
                % {"time": dates.german_datetime(value), "offset": dates.utc_offset(value)}
            )
    return notices


def record_restore(article, version, *, user):
    """Record that ``user`` brought back ``version`` (a django-reversion Version)."""
    return record_event(
        article,
        ArticleEvent.Action.RESTORED,
        user=user,
        new_value=dates.german_datetime(version.revision.date_created, zone=True),
    )
