"""Bildnachweise: the credits of every picture readers can see on the site."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.http import Http404
from django.shortcuts import render

from articles.models import Article, Byline
from people.models import Author

from .models import Image

CREDITS_PER_PAGE = 50


def credits(request):
    public = Article.objects.public()
    public_authors = Author.objects.filter(
        Exists(Byline.objects.filter(author=OuterRef("pk"), article__in=public))
    )
    images = (
        Image.objects.usable()
        .filter(Q(articles__in=public) | Q(pk__in=public_authors.values("photo")))
        .distinct()
        .order_by("credit_line", "photographer", "pk")
        .prefetch_related(
            "renditions",
            Prefetch(
                "articles",
                queryset=public.select_related("section").order_by("-published_at"),
                to_attr="public_articles",
            ),
        )
    )
    paginator = Paginator(images, CREDITS_PER_PAGE)
    try:
        page = paginator.page(request.GET.get("seite") or 1)
    except (EmptyPage, PageNotAnInteger) as exc:
        raise Http404 from exc
    portraits = {
        author.photo_id: author
        for author in public_authors.filter(photo__in=[image.pk for image in page.object_list])
    }
    for image in page.object_list:
        image.portrait_of = portraits.get(image.pk)
    return render(
        request,
        "images/credits.html",
        {"page_obj": page, "images": page.object_list, "is_paginated": page.has_other_pages()},
    )
