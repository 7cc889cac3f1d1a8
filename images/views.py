"""Bildnachweise: the credits of every picture readers can see on the site."""

from django.db.models import Prefetch, Q
from django.shortcuts import render

from articles import selectors
from articles.models import Article
from core.pagination import page_context, paginate

from .models import Image

CREDITS_PER_PAGE = 50


def credits(request):
    public = Article.objects.public()
    public_authors = selectors.public_authors()
    images = (
        Image.objects.usable()
        .filter(
            Q(articles__in=public)
            | Q(inline_articles__in=public)
            | Q(pk__in=public_authors.values("photo"))
        )
        .distinct()
        .order_by("credit_line", "photographer", "pk")
        .prefetch_related(
            "renditions",
            Prefetch(
                "articles",
                queryset=public.select_related("section").order_by("-published_at"),
                to_attr="public_heroes",
            ),
            Prefetch(
                "inline_articles",
                queryset=public.select_related("section").order_by("-published_at"),
                to_attr="public_inline",
            ),
        )
    )
    page = paginate(request, images, CREDITS_PER_PAGE)
    portraits = {
        author.photo_id: author
        for author in public_authors.filter(photo__in=[image.pk for image in page.object_list])
    }
    for image in page.object_list:
        image.portrait_of = portraits.get(image.pk)
        # Shown with: as a hero image or in the text, each article once, newest first.
        shown = {article.pk: article for article in image.public_heroes + image.public_inline}
        image.public_articles = sorted(
            shown.values(), key=lambda article: (article.published_at, article.pk), reverse=True
        )
    return render(
        request,
        "images/credits.html",
        page_context(page, "images"),
    )
