"""
Previews of articles that are not public yet, exactly as readers will see them.

Staff with view permission open ``/vorschau/<id>/``. For someone without an account
the admin offers a signed link, ``/vorschau/link/<token>/``: it shows that one
article, read-only, until it expires (``NEWSROOM_PREVIEW_MAX_AGE`` seconds). Preview
responses are never cached and never indexed.
"""

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .models import Article

SALT = "articles.preview"


def make_link(article):
    """The path of a shareable, signed preview link for ``article``."""
    token = signing.dumps({"article": article.pk}, salt=SALT, compress=True)
    return reverse("articles:preview_link", kwargs={"token": token})


def _render(request, article):
    response = render(
        request, "articles/article_detail.html", {"article": article, "is_preview": True}
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@require_GET
@never_cache
@staff_member_required
def staff_preview(request, pk):
    if not request.user.has_perm("articles.view_article"):
        raise PermissionDenied
    return _render(request, get_object_or_404(Article.objects.for_page(), pk=pk))


@require_GET
@never_cache
def shared_preview(request, token):
    try:
        data = signing.loads(token, salt=SALT, max_age=settings.NEWSROOM_PREVIEW_MAX_AGE)
    except signing.SignatureExpired:
        return render(request, "articles/preview_expired.html", status=410)
    except signing.BadSignature as exc:
        raise PermissionDenied from exc
    return _render(request, get_object_or_404(Article.objects.for_page(), pk=data["article"]))
