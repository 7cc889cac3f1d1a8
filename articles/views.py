"""The reader's pages: home, article, and the lists by section, tag, author and day."""

import datetime

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from taggit.models import Tag

from people.models import Author

from .home import build_front_page
from .models import Article, Section


def paginate(request, queryset):
    """The page of `queryset` that ?seite= asks for; a page that does not exist is a 404."""
    paginator = Paginator(queryset, settings.NEWSROOM_ARTICLES_PER_PAGE)
    try:
        return paginator.page(request.GET.get("seite") or 1)
    except (EmptyPage, PageNotAnInteger) as exc:
        raise Http404 from exc


def render_list(request, queryset, template="articles/list.html", allow_empty=True, **context):
    page = paginate(request, queryset)
    if not allow_empty and not page.object_list:
        raise Http404
    context.update(page_obj=page, articles=page.object_list, is_paginated=page.has_other_pages())
    return render(request, template, context)


def home(request):
    if (request.GET.get("seite") or "1") != "1":
        # Page 2 on is the plain list of what came before, newest first.
        return render_list(
            request,
            Article.objects.public().for_teasers(),
            template="articles/home_more.html",
            is_home=True,
        )
    front = build_front_page(settings.NEWSROOM_ARTICLES_PER_PAGE)
    return render(
        request, "articles/home.html", {"front": front, "page_obj": front.page, "is_home": True}
    )


def section(request, section):
    section = get_object_or_404(Section, slug=section)
    return render_list(
        request,
        Article.objects.public().for_teasers().filter(section=section),
        heading=section.name,
        section=section,
        current_section=section,
    )


def tag(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    articles = Article.objects.public().for_teasers().filter(tags=tag)
    # A topic only drafts carry is no page yet: its name alone could give a story away.
    if not articles.exists():
        raise Http404
    return render_list(request, articles, heading=_("Topic: %(tag)s") % {"tag": tag.name}, tag=tag)


def author(request, slug):
    author = get_object_or_404(Author.objects.select_related("photo"), slug=slug)
    articles = Article.objects.public().for_teasers().filter(bylines__author=author).distinct()
    return render_list(
        request,
        articles,
        # No page before the first public article: a byline on an embargoed story stays
        # hidden (the API and the author feed answer the same).
        allow_empty=False,
        template="articles/author.html",
        heading=author.name,
        author=author,
    )


def day(request, year, month, day):
    try:
        date = datetime.date(year, month, day)
        if not 1900 <= date.year <= 2999:
            raise ValueError("outside the archive")
        start, end = _day_bounds(date)
    except (ValueError, OverflowError) as exc:
        raise Http404 from exc
    public = Article.objects.public()
    articles = public.for_teasers().filter(published_at__gte=start, published_at__lt=end)
    page = paginate(request, articles)
    if not page.object_list:
        raise Http404
    before = public.filter(published_at__lt=start).order_by("-published_at").first()
    after = public.filter(published_at__gte=end).order_by("published_at").first()
    return render(
        request,
        "articles/day.html",
        {
            "page_obj": page,
            "articles": page.object_list,
            "is_paginated": page.has_other_pages(),
            "heading": _("Articles from %(date)s") % {"date": date_format(date, "j. F Y")},
            "weekday": date_format(date, "l"),
            "date": date,
            "previous_day": timezone.localdate(before.published_at) if before else None,
            "next_day": timezone.localdate(after.published_at) if after else None,
        },
    )


def _day_bounds(date):
    """The first moment of ``date`` and of the day after, in the site's time zone."""
    tz = timezone.get_current_timezone()
    start = datetime.datetime.combine(date, datetime.time.min, tzinfo=tz)
    end = datetime.datetime.combine(date + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz)
    return start, end


def article_detail(request, section, slug):
    article = Article.objects.public().for_page().filter(slug=slug).first()
    if article is None:
        # An address the article had before its slug changed.
        moved = Article.objects.public().select_related("section").filter(redirects__old_slug=slug)
        return redirect(get_object_or_404(moved), permanent=True)
    if article.section.slug != section:
        # The article moved to another section: send readers to its current address.
        return redirect(article, permanent=True)
    return render(
        request,
        "articles/article_detail.html",
        {"article": article, "current_section": article.section},
    )
