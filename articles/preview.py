"""
Previews of articles that are not public yet, exactly as readers will see them.

Staff with view permission open ``/vorschau/<id>/``. For someone without an account an
editor shares a signed link, ``/vorschau/link/<token>/``: it shows that one article,
read-only, until it expires (``NEWSROOM_PREVIEW_MAX_AGE`` seconds) or is revoked. Every link
is recorded (``PreviewLink``: who shared it, until when) and written to the article's audit
trail. Who may do what:

- share: whoever may edit the article (``workflow.can_edit``); a scheduled article, already
  planned for publication and so under embargo, only the desk. Never a withdrawn article.
- see a link's address and revoke it: the desk, and the editor who shared it.

A withdrawn article's links stop at once (and withdrawing revokes them for good, see
``workflow.perform``). Preview responses are never cached and never indexed.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from core import dates

from . import workflow
from .models import Article, ArticleEvent, PreviewLink, record_event
from .views import render_article

SALT = "articles.preview"


def shareable(article):
    """Whether ``article`` may have working preview links: not public yet, not withdrawn."""
    return not article.is_public and article.status != Article.Status.WITHDRAWN


def may_share(article, user):
    if not shareable(article) or not workflow.can_edit(article, user):
        return False
    return article.status != Article.Status.SCHEDULED or user.has_perm(workflow.PUBLISH_PERMISSION)


def may_manage(link, user):
    """Whether ``user`` may see the address of ``link`` and revoke it."""
    return user.has_perm(workflow.PUBLISH_PERMISSION) or (
        link.created_by_id is not None and link.created_by_id == user.pk
    )


def share(article, user):
    """A new preview link to ``article``, shared by ``user`` and recorded."""
    if not may_share(article, user):
        raise PermissionDenied
    now = timezone.now()
    link = PreviewLink.objects.create(
        article=article,
        created_by=user,
        created_at=now,
        expires_at=now + timedelta(seconds=settings.NEWSROOM_PREVIEW_MAX_AGE),
    )
    record_event(
        article,
        ArticleEvent.Action.PREVIEW_SHARED,
        user=user,
        new_value=dates.german_datetime(link.expires_at, zone=True),
    )
    return link


def revoke(link, user):
    if not may_manage(link, user):
        raise PermissionDenied
    if PreviewLink.objects.filter(pk=link.pk).revoke(user=user):
        record_event(
            link.article,
            ArticleEvent.Action.PREVIEW_REVOKED,
            user=user,
            old_value=dates.german_datetime(link.created_at, zone=True),
        )


def path_of(link):
    """The path of ``link``'s signed address."""
    token = signing.dumps({"link": link.pk}, salt=SALT, compress=True)
    return reverse("articles:preview_link", kwargs={"token": token})


def _render(request, article):
    response = render_article(request, article, {"is_preview": True})
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _gone(request, reason):
    return render(request, "articles/preview_expired.html", {"reason": reason}, status=410)


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
        return _gone(request, "expired")
    except signing.BadSignature as exc:
        raise PermissionDenied from exc
    if not isinstance(data, dict) or not isinstance(data.get("link"), int):
        return _gone(request, "expired")  # a link from before links were recorded
    link = get_object_or_404(PreviewLink, pk=data["link"])
    article = get_object_or_404(Article.objects.for_page(), pk=link.article_id)
    if article.status == Article.Status.WITHDRAWN:
        return _gone(request, "withdrawn")
    if link.revoked_at is not None:
        return _gone(request, "revoked")
    if not link.is_active():
        return _gone(request, "expired")
    return _render(request, article)
