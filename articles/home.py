"""The home page: the desk's lead story and highlights, the latest articles, then a block of
the newest articles per section — in a fixed number of queries, however many sections."""

from dataclasses import dataclass, field
from itertools import groupby

from django.core.paginator import Page, Paginator
from django.db.models import F, Window
from django.db.models.functions import RowNumber

from .models import MAX_HOME_HIGHLIGHTS, Article, HomePage

SECTION_BLOCK_SIZE = 4


@dataclass
class SectionBlock:
    section: object
    articles: list


@dataclass
class FrontPage:
    lead: Article | None = None
    highlights: list = field(default_factory=list)
    latest: list = field(default_factory=list)
    sections: list = field(default_factory=list)
    has_more: bool = False
    page: Page | None = None

    @property
    def is_empty(self):
        return self.lead is None


def build_front_page(per_page):
    """Page 1 of the home page.

    The newest ``per_page`` public articles are what page 1 covers, like any list page: the
    ones the desk did not put on top fill the empty top places (newest first) and then the
    "latest" list. Page 2 of the home page goes on where they end. The section blocks show
    the newest articles of each section not shown above.
    """
    lead, highlights = HomePage.curated_articles()
    chosen = {article.pk for article in (lead, *highlights) if article}

    # One more than a page tells whether there is a page 2, without counting them all.
    newest = list(Article.objects.public().for_teasers()[: per_page + 1])
    has_more = len(newest) > per_page
    newest = newest[:per_page]
    rest = [article for article in newest if article.pk not in chosen]
    if lead is None and rest:
        lead = rest.pop(0)
    while len(highlights) < MAX_HOME_HIGHLIGHTS and rest:
        highlights.append(rest.pop(0))

    shown = {article.pk for article in (lead, *highlights, *rest) if article}
    paginator = Paginator(newest, per_page)
    return FrontPage(
        lead=lead,
        highlights=highlights,
        latest=rest,
        sections=section_blocks(exclude=shown),
        has_more=has_more,
        # Built directly: page 1 always exists, and nothing here needs the total count.
        page=Page(newest, 1, paginator),
    )


def section_blocks(exclude=(), size=SECTION_BLOCK_SIZE):
    """[SectionBlock] in section order: each section's ``size`` newest public articles, leaving
    out ``exclude`` (primary keys). One query, ranked per section by the database."""
    ranked = (
        Article.objects.public()
        .for_teasers()
        .exclude(pk__in=list(exclude))
        .annotate(
            section_rank=Window(
                RowNumber(),
                partition_by=[F("section_id")],
                order_by=[F("published_at").desc(), F("pk").desc()],
            )
        )
        .filter(section_rank__lte=size)
        .order_by("section__position", "section__name", "section_id", "section_rank")
    )
    return [
        SectionBlock(section=articles[0].section, articles=articles)
        for articles in (
            list(group) for _, group in groupby(ranked, key=lambda article: article.section_id)
        )
    ]
