"""The reader's pages: home, article, and the lists by section, tag, author and day."""

import datetime

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from taggit.models import Tag

from people.models import Author

from .models import Article, Section


def paginate(request, queryset):
    """The page of `queryset` that ?seite= asks for; a page that does not exist is a 404."""
    paginator = Paginator(queryset, settings.NEWSROOM_ARTICLES_PER_PAGE)
    try:
        return paginator.page(request.GET.get("seite") or 1)
    except (EmptyPage, PageNotAnInteger) as exc:
        raise Http404 from exc


def render_list(request, queryset, template="articles/list.html", **context):
    page = paginate(request, queryset)
    context.update(page_obj=page, articles=page.object_list, is_paginated=page.has_other_pages())
    return render(request, template, context)


def home(request):
    return render_list(
        request, Article.objects.public().for_teasers(), template="articles/home.html"
    )


def section(request, section):
    section = get_object_or_404(Section, slug=section)
    return render_list(
        request,
        Article.objects.public().for_teasers().filter(section=section),
        heading=section.name,
        section=section,
    )


def tag(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    return render_list(
        request,
        Article.objects.public().for_teasers().filter(tags=tag),
        heading=_("Topic: %(tag)s") % {"tag": tag.name},
        tag=tag,
    )


def author(request, slug):
    author = get_object_or_404(Author.objects.select_related("photo"), slug=slug)
    return render_list(
        request,
        Article.objects.public().for_teasers().filter(bylines__author=author).distinct(),
        template="articles/author.html",
        heading=author.name,
        author=author,
    )


def day(request, year, month, day):
    try:
        date = datetime.date(year, month, day)
    except ValueError as exc:
        raise Http404 from exc
    tz = timezone.get_current_timezone()
    start = datetime.datetime.combine(date, datetime.time.min, tzinfo=tz)
    end = datetime.datetime.combine(date + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz)
    return render_list(
        request,
        Article.objects.public()
        .for_teasers()
        .filter(published_at__gte=start, published_at__lt=end),
        heading=_("Archive: %(date)s") % {"date": date.strftime("%d.%m.%Y")},
        date=date,
    )


def article_detail(request, section, slug):
    article = get_object_or_404(Article.objects.public().for_page(), slug=slug)
    if article.section.slug != section:
        # The article moved to another section: send readers to its current address.
        return redirect(article, permanent=True)
    return render(request, "articles/article_detail.html", {"article": article})
