"""Tickers and entries for tests, and the admin's compact entry form as an editor sends it."""

from datetime import timedelta

import factory
from django.urls import reverse
from django.utils import timezone

from liveticker.models import Entry, Ticker
from tests.helpers.factories import ArticleFactory, BylineFactory, TeaserBulletFactory


class TickerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ticker

    article = factory.SubFactory(ArticleFactory, kicker="Hochwasser", headline="Pegel steigt")
    started_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))


class EntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Entry

    ticker = factory.SubFactory(TickerFactory)
    title = ""
    body = factory.Sequence(lambda n: f"<p>Meldung Nummer {n} vom Deich.</p>")
    published_at = factory.Sequence(
        lambda n: timezone.now() - timedelta(minutes=30) + timedelta(seconds=n)
    )


def running_ticker(entries=0, **fields):
    """A public article with byline and bullet, running as a ticker with ``entries``."""
    article = fields.pop("article", None) or ArticleFactory(
        kicker="Hochwasser", headline="Pegel steigt weiter"
    )
    BylineFactory(article=article)
    TeaserBulletFactory(article=article)
    ticker = TickerFactory(article=article, **fields)
    for _ in range(entries):
        EntryFactory(ticker=ticker)
    return ticker


def post_entry(client, ticker, **fields):
    """The compact form on the ticker's admin page, sent."""
    data = {"title": "", "body": "", "image": "", "embed_url": "", "author": "", **fields}
    for flag in ("pinned", "key_event"):
        if not data.get(flag):
            data.pop(flag, None)
    return client.post(reverse("admin:liveticker_ticker_post_entry", args=[ticker.pk]), data)


def change_url(ticker):
    return reverse("admin:liveticker_ticker_change", args=[ticker.pk])


def entries_url(ticker, after=0):
    return reverse("liveticker:entries", args=[ticker.pk]) + f"?nach={after}"
