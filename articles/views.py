"""The reader's pages: the home page and the article page."""

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from .models import Article


def home(request):
    articles = Article.objects.public().for_teasers()
    paginator = Paginator(articles, settings.NEWSROOM_ARTICLES_PER_PAGE)
    try:
        page = paginator.page(request.GET.get("seite") or 1)
    except (EmptyPage, PageNotAnInteger) as exc:
        raise Http404 from exc
    return render(
        request,
        "articles/home.html",
        {"page_obj": page, "articles": page.object_list, "is_paginated": page.has_other_pages()},
    )


def article_detail(request, section, slug):
    article = get_object_or_404(Article.objects.public().for_page(), slug=slug)
    if article.section.slug != section:
        # The article moved to another section: send readers to its current address.
        return redirect(article, permanent=True)
    return render(request, "articles/article_detail.html", {"article": article})
