"""What the article's admin form says about its live ticker (a desk notice source,
articles/desk.py): that it runs as one, and where its entries are written."""

from django.urls import reverse
from django.utils.translation import gettext as _

from articles.desk import INFO, Notice

from .models import Ticker


def desk_notices(articles):
    found = {}
    for ticker in Ticker.objects.filter(pk__in=[article.pk for article in articles]):
        if ticker.has_ended():
            message = _("This article's live ticker has ended.")
        else:
            message = _(
                "This article runs as a live ticker: its entries are written on the ticker."
            )
        url = reverse("admin:liveticker_ticker_change", args=[ticker.pk])
        found[ticker.pk] = [Notice(message, level=INFO, url=url)]
    return found
