"""What readers, feeds and the API see: the read side of the articles app.

Views, feeds, sitemaps and the API ask these functions (and ``Article.objects.public()``, the
one definition of "public") rather than build their own queries, so a rule such as "a topic
only drafts carry has no page" is written once. Each function loads what it returns in a
fixed number of queries, however many articles there are.
"""

from dataclasses import dataclass, field

from django.db.models import Exists, F, IntegerField, OuterRef, Prefetch, Value
from taggit.models import Tag, TaggedItem

from core import dates
from core.pagination import first_page
from people.models import Author

from .models import (
    MAX_HOME_HIGHLIGHTS,
    Article,
    Byline,
    Correction,
    HomePage,
    HomePageHighlight,
    public_filter,
)
from .navigation import nav_sections

SECTION_BLOCK_SIZE = 4
# How many stories "Mehr zum Thema" lists below an article.
RELATED_LIMIT = 4
# How many of the newest public articles the home page reads at once (their keys only): page
# 1 and, on a lively site, every section block come from them.
NEWEST_WINDOW = 150
# An author or topic with fewer bylines or tagged articles than this has their list read
# from their own rows (see newest_first).
FEW_ROWS = 2000


def teasers():
    """Public articles, newest first, with what a teaser shows."""
    return Article.objects.public().for_teasers()


def with_bylines(articles):
    """``articles`` with their authors loaded, in byline order."""
    return articles.prefetch_related(
        Prefetch("bylines", queryset=Byline.objects.select_related("author"))
    )


def public_article(slug):
    """The public article at ``slug`` with everything its page shows, or None."""
    return Article.objects.public().for_page().filter(slug=slug).first()


def related_articles(article, limit=RELATED_LIMIT):
    """ "Mehr zum Thema": up to ``limit`` public articles sharing a tag with ``article`` (the
    newest first), filled up with the newest of its section; never the article itself or
    one its cross-links already show. Newest first, in one query: two LIMITed lookups down
    the indexes, joined with UNION ALL, whatever the size of the archive."""
    shown = {article.pk, *(link.target_id for link in article.public_cross_links)}
    tag_ids = [tag.pk for tag in article.tags.all()]
    public = Article.objects.public().exclude(pk__in=shown).order_by("-published_at", "-pk")
    columns = ("pk", "kicker", "headline", "slug", "genre", "published_at", "section_id")
    candidates = [public.filter(section_id=article.section_id)]
    if tag_ids:
        candidates.insert(0, public.filter(tags__in=tag_ids))
    # Wrapped: SQLite allows no LIMIT directly inside a compound statement.
    parts = [
        Article.objects.filter(pk__in=query.values("pk")[:limit])
        .order_by()
        .only(*columns)
        .annotate(rank=Value(rank))
        for rank, query in enumerate(candidates)
    ]
    found = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    sections = {section.pk: section for section in nav_sections()}
    chosen, seen = [], set()
    # Tag matches first, then the section's newest fill what is left.
    ordered = sorted(found, key=lambda each: (each.rank, -each.published_at.timestamp()))
    for candidate in ordered:
        if candidate.pk not in seen and candidate.section_id in sections:
            seen.add(candidate.pk)
            candidate.section = sections[candidate.section_id]
            chosen.append(candidate)
    chosen = chosen[:limit]
    chosen.sort(key=lambda each: (each.published_at, each.pk), reverse=True)
    return chosen


def public_corrections():
    """Corrections of public articles, newest first, each with its article and section (for
    the headline and its address): /korrekturen/ and its feed."""
    return (
        Correction.objects.public()
        .select_related("article__section")
        .order_by("-corrected_at", "-pk")
    )


def moved_articles(old_slug):
    """Public articles that had ``old_slug`` before their slug changed (at most one)."""
    return Article.objects.public().select_related("section").filter(redirects__old_slug=old_slug)


def public_tags():
    """Topics that at least one public article carries: a topic only drafts carry has no
    page, feed or sitemap entry, as its name alone could give a story away."""
    return Tag.objects.filter(Exists(Article.objects.public().filter(tags=OuterRef("pk"))))


def public_authors():
    """Authors with at least one public article: a byline on an embargoed story stays
    hidden until the story is public (page, feed, API and credits alike)."""
    return Author.objects.filter(
        Exists(Byline.objects.filter(public_filter("article__"), author=OuterRef("pk")))
    )


def by_author(author, articles=None):
    """Public articles with a byline of ``author`` (of ``articles``, else all teasers),
    newest first."""
    # One byline per author and article (a database constraint): no duplicates.
    articles = (teasers() if articles is None else articles).filter(bylines__author=author)
    return newest_first(articles, Byline.objects.filter(author=author).count())


def by_tag(tag, articles=None):
    """Public articles on the topic ``tag`` (of ``articles``, else all teasers), newest
    first."""
    articles = (teasers() if articles is None else articles).filter(tags=tag)
    return newest_first(articles, TaggedItem.objects.filter(tag=tag).count())


def newest_first(articles, rows):
    """``articles`` of one author or topic, who has ``rows`` bylines or tagged articles
    (narrowed to several: the fewest), newest first; the API's filters use it too.

    PostgreSQL cannot know whether an author's stories are among the newest: for one whose
    six stories are years old, walking the archive's newest down the publication index
    until a page is full reads all 100,000 (240 ms), while reading their six rows and
    sorting them costs nothing; for one with thousands, the walk finds a page at once.
    ``published_at`` descending with NULLs last is the same order for public articles
    (they all have one) but no index gives it, so the database starts from the author's or
    topic's own rows; below ``FEW_ROWS`` that is the cheaper way."""
    if rows < FEW_ROWS:
        return articles.order_by(F("published_at").desc(nulls_last=True), "-pk")
    return articles.order_by("-published_at", "-pk")


def on_day(date):
    """The public articles of ``date`` (Berlin), and the nearest earlier and later days that
    have any, as (articles, previous day or None, next day or None)."""
    start, end = dates.day_bounds(date)
    public = Article.objects.public()
    articles = teasers().filter(published_at__gte=start, published_at__lt=end)
    before = public.filter(published_at__lt=start).order_by("-published_at").first()
    after = public.filter(published_at__gte=end).order_by("published_at").first()
    return (
        articles,
        dates.local_date(before.published_at) if before else None,
        dates.local_date(after.published_at) if after else None,
    )


# --- the home page ------------------------------------------------------------------------


def curated_ids():
    """The articles the desk chose for the home page that are public now, as primary keys:
    (lead or None, [highlights in order]).

    Two queries, reading only the few chosen rows (by primary key), however large the
    archive."""
    lead, chosen = _curation()
    published = dict(
        Article.objects.public()
        .filter(pk__in=[pk for pk in (lead, *(pk for _position, pk in chosen)) if pk])
        .values_list("pk", "published_at")
    )
    return _curated_order(lead, chosen, published)


def _curation():
    """The desk's choice as stored, public or not: (lead id or None, [(position, id)]), in
    one query of a few rows by key."""
    highlights = HomePageHighlight.objects.filter(home_page_id=HomePage.SINGLETON_PK).order_by()
    lead = HomePage.objects.filter(pk=HomePage.SINGLETON_PK).order_by()
    rows = highlights.values_list("position", "article_id").union(
        lead.values_list(Value(None, output_field=IntegerField()), "lead_id"), all=True
    )
    lead_id, chosen = None, []
    for position, pk in rows:
        if position is None:
            lead_id = pk
        else:
            chosen.append((position, pk))
    return lead_id, chosen


def _curated_order(lead, chosen, published):
    """(lead or None, [highlights]) of the desk's choice, keeping the articles that are
    public (``published``: {id: publication time} of public articles): highlights by
    position, then newest first; the lead is never a highlight as well."""
    lead = lead if lead in published else None
    highlights = sorted(
        (position, -published[pk].timestamp(), -pk)
        for position, pk in chosen
        if pk in published and pk != lead
    )
    return lead, [-negative_pk for *_order, negative_pk in highlights[:MAX_HOME_HIGHLIGHTS]]


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
    page: object = None

    @property
    def is_empty(self):
        return self.lead is None


def front_page(per_page):
    """Page 1 of the home page: the desk's lead story and highlights, the latest articles,
    then a block of the newest articles per section.

    The newest ``per_page`` public articles are what page 1 covers, like any list page: the
    ones the desk did not put on top fill the empty top places (newest first) and then the
    "latest" list. Page 2 of the home page goes on where they end. The section blocks show
    the newest articles of each section not shown above.

    Primary keys first (the desk's choice, and one read of the ``NEWEST_WINDOW`` newest
    articles that serves page 1 and the section blocks), then every teaser in one fetch: a
    fixed number of queries whose cost does not grow with the archive.
    """
    window = list(
        Article.objects.public()
        .order_by("-published_at", "-pk")
        .values_list("pk", "section_id", "published_at")[: max(NEWEST_WINDOW, per_page + 1)]
    )
    complete = len(window) < NEWEST_WINDOW
    # The desk's choice: public if among the newest (the usual case), else asked for.
    lead, curated = _curation()
    published = {pk: at for pk, _section, at in window}
    unknown = [pk for pk in (lead, *(pk for _p, pk in curated)) if pk and pk not in published]
    if unknown and not complete:
        published.update(
            Article.objects.public().filter(pk__in=unknown).values_list("pk", "published_at")
        )
    lead, highlights = _curated_order(lead, curated, published)
    chosen = {pk for pk in (lead, *highlights) if pk}
    window = [(pk, section_id) for pk, section_id, _at in window]
    # One more than a page tells whether there is a page 2, without counting them all.
    newest = [pk for pk, _section in window[: per_page + 1]]
    has_more = len(newest) > per_page
    newest = newest[:per_page]
    rest = [pk for pk in newest if pk not in chosen]
    if lead is None and rest:
        lead = rest.pop(0)
    while len(highlights) < MAX_HOME_HIGHLIGHTS and rest:
        highlights.append(rest.pop(0))

    shown = {pk for pk in (lead, *highlights, *rest) if pk}
    sections = {section.pk: section for section in nav_sections()}
    blocks = _section_block_ids(window, sections, exclude=shown, complete=complete)
    wanted = {*shown, *newest, *(pk for pks in blocks.values() for pk in pks)}
    articles = teasers().in_bulk(wanted) if wanted else {}
    return FrontPage(
        lead=articles.get(lead),
        highlights=[articles[pk] for pk in highlights if pk in articles],
        latest=[articles[pk] for pk in rest if pk in articles],
        sections=[
            SectionBlock(
                section=sections[section_id],
                articles=sorted(
                    (articles[pk] for pk in blocks[section_id] if pk in articles),
                    key=lambda article: (-article.published_at.timestamp(), -article.pk),
                ),
            )
            for section_id in sections
            if blocks.get(section_id)
        ],
        has_more=has_more,
        page=first_page([articles[pk] for pk in newest if pk in articles], per_page),
    )


def _section_block_ids(window, sections, exclude, complete, size=SECTION_BLOCK_SIZE):
    """{section id: [primary keys]}: each section's ``size`` newest public articles not in
    ``exclude``, taken from ``window`` (the newest articles, newest first). Unless ``window``
    holds every public article (``complete``), sections it does not fill get a LIMITed
    subquery each, walking the section's newest articles down an index, all in one query."""
    picked = {section_id: [] for section_id in sections}
    for pk, section_id in window:
        if pk not in exclude and section_id in picked and len(picked[section_id]) < size:
            picked[section_id].append(pk)
    short = [section_id for section_id, pks in picked.items() if len(pks) < size]
    if complete or not short:
        return picked
    public = Article.objects.public().exclude(pk__in=exclude).order_by("-published_at", "-pk")
    # UNION ALL of each short section's LIMITed newest (wrapped: SQLite allows no LIMIT
    # directly inside a compound statement).
    per_section = [
        Article.objects.filter(pk__in=public.filter(section_id=section_id).values("pk")[:size])
        .order_by()
        .values_list("pk", "section_id")
        for section_id in short
    ]
    for section_id in short:
        picked[section_id] = []
    for pk, section_id in per_section[0].union(*per_section[1:], all=True):
        picked[section_id].append(pk)
    return picked
