"""The demo newsroom's running live ticker, from ``demo/data/liveticker.json``: one article
and its entries, timed relative to now so the ticker is always running when loaded."""

import json
from datetime import timedelta
from html import escape

from django.utils import timezone

from liveticker.models import Entry, Ticker

from .content import DATA_DIR

TICKER_FILE = DATA_DIR / "liveticker.json"


def ticker_data():
    with TICKER_FILE.open(encoding="utf-8") as file:
        return json.load(file)


def load_ticker(articles, images, authors, now):
    """Replace the demo ticker's entries (a second run leaves the same rows); returns the
    number of entries."""
    data = ticker_data()
    article = articles[data["article"]]
    # Published when the ticker began, so the article's date matches its coverage; on the
    # minute, and never at night (as every demo article): then it began the evening before.
    started = timezone.localtime(now - timedelta(minutes=data["started_minutes_ago"]))
    started = started.replace(second=0, microsecond=0)
    if started.hour < 6:
        started = (started - timedelta(days=1)).replace(hour=22, minute=0)
    article.published_at = article.first_published_at = started
    article.save()
    ticker, _ = Ticker.objects.update_or_create(
        article=article, defaults={"started_at": started, "ended_at": None}
    )
    ticker.entries.all().delete()
    for item in data["entries"]:
        entry = Entry(
            ticker=ticker,
            published_at=now - timedelta(minutes=item["minutes_ago"]),
            title=item.get("title", ""),
            body="".join(f"<p>{escape(text, quote=False)}</p>" for text in item["text"]),
            author=authors[item["author"]],
            image=images.get(item.get("image", "")),
            pinned=item.get("pinned", False),
            key_event=item.get("key_event", False),
        )
        entry.save()
    return len(data["entries"])
