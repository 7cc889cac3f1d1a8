"""What the article admin shows about articles made from agency copy (a desk notice source,
articles/desk.py): a withdrawn item ("Sperrvermerk") loudly, and blocking the way to going
live; a newer agency version as a warning; otherwise which item it was made from."""

from django.urls import reverse
from django.utils.translation import gettext as _

from articles.desk import ERROR, INFO, WARNING, Notice

from .models import TakeOver


def desk_notices(articles):
    found = {}
    takeovers = TakeOver.objects.filter(article__in=[article.pk for article in articles])
    for takeover in takeovers.select_related("item"):
        item = takeover.item
        url = reverse("admin:wire_wireitem_change", args=[item.pk])
        names = {"agency": item.agency, "headline": item.headline}
        if item.is_withdrawn:
            notice = Notice(
                _(
                    "Agency copy withdrawn (Sperrvermerk): %(agency)s, “%(headline)s”. "
                    "Do not publish."
                )
                % names,
                level=ERROR,
                url=url,
                blocks_going_live=True,
            )
        elif takeover.has_newer_version:
            notice = Notice(
                _("New agency version: %(agency)s, version %(new)s (taken over: %(old)s).")
                % {**names, "new": item.version, "old": takeover.version},
                level=WARNING,
                url=url,
            )
        else:
            notice = Notice(
                _("Taken from agency copy: %(agency)s, version %(version)s.")
                % {**names, "version": takeover.version},
                level=INFO,
                url=url,
            )
        found.setdefault(takeover.article_id, []).append(notice)
    return found
