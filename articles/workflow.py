"""
The editorial workflow: which transitions exist, who may make them, and making them.

    draft ──submit──▶ review ──schedule──▶ scheduled ──(time comes)──▶ published
      ▲                 │ └────publish now──────────────────────────▶ published
      └─back to draft───┘ (from review, scheduled or withdrawn; with a comment)
    scheduled / published ──withdraw──▶ withdrawn

Every path (admin buttons, bulk actions, commands) goes through ``perform()``, which
checks the permission on the server and records the step with ``record_event``.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import desk
from .models import Article, PreviewLink, record_event
from .publishing import go_live

S = Article.Status
PUBLISH_PERMISSION = "articles.publish_article"


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: tuple
    target: str
    needs_publish_permission: bool = True
    needs_comment: bool = False


TRANSITIONS = {
    t.name: t
    for t in [
        Transition("submit", _("Submit for review"), (S.DRAFT,), S.REVIEW, False),
        Transition("schedule", _("Schedule"), (S.DRAFT, S.REVIEW, S.WITHDRAWN), S.SCHEDULED),
        Transition(
            "publish", _("Publish now"), (S.DRAFT, S.REVIEW, S.SCHEDULED, S.WITHDRAWN), S.PUBLISHED
        ),
        Transition("withdraw", _("Withdraw"), (S.SCHEDULED, S.PUBLISHED), S.WITHDRAWN),
        Transition(
            "back_to_draft",
            _("Back to draft"),
            (S.REVIEW, S.SCHEDULED, S.WITHDRAWN),
            S.DRAFT,
            needs_comment=True,
        ),
    ]
}


def is_owner(article, user):
    """Whether ``user`` wrote the article: created it or stands in its byline.

    Remembered on the article instance: the admin asks many times per request (the
    article and each inline), and the answer costs a query.
    """
    known = article.__dict__.setdefault("_owner_by_user", {})
    if user.pk not in known:
        known[user.pk] = (
            article.created_by_id == user.pk or article.bylines.filter(author__user=user).exists()
        )
    return known[user.pk]


def can_edit(article, user):
    """The desk edits everything; reporters edit their own articles while they are drafts."""
    if user.has_perm(PUBLISH_PERMISSION):
        return user.has_perm("articles.change_article")
    return (
        user.has_perm("articles.change_article")
        and article.status == S.DRAFT
        and is_owner(article, user)
    )


def may(transition, article, user):
    """Whether ``user`` may make ``transition`` on ``article`` (ignoring its current state)."""
    if user.has_perm(PUBLISH_PERMISSION):
        return True
    if transition.needs_publish_permission:
        # A reporter may still pull their own submission back to draft.
        return (
            transition.name == "back_to_draft"
            and article.status == S.REVIEW
            and is_owner(article, user)
        )
    return user.has_perm("articles.change_article") and is_owner(article, user)


def available(article, user):
    """The transitions to offer on ``article``'s page: possible now and permitted."""
    return [
        t for t in TRANSITIONS.values() if article.status in t.sources and may(t, article, user)
    ]


def perform(article, name, user, comment=""):
    """Make transition ``name`` on ``article`` as ``user``.

    Raises ``PermissionDenied`` when the user may not, ``ValidationError`` with a message
    for the editor when the article is not ready for it. Returns the transition made.
    """
    transition = TRANSITIONS.get(name)
    if transition is None:
        raise ValidationError(_("Unknown action."))
    with transaction.atomic():
        # Decide on the locked row, not on what the caller loaded earlier.
        article = Article.objects.select_for_update().get(pk=article.pk)
        if not may(transition, article, user):
            raise PermissionDenied
        if article.status not in transition.sources:
            raise ValidationError(
                _("“%(title)s” is %(status)s; “%(action)s” is not possible now.")
                % {
                    "title": article,
                    "status": article.get_status_display(),
                    "action": transition.label,
                }
            )
        comment = comment.strip()
        if transition.needs_comment and not comment:
            raise ValidationError(_("Please say in a comment why the article goes back."))
        _check_ready(article, transition)
        old_status = article.status
        now = timezone.now()
        if transition.target == S.PUBLISHED and (
            article.published_at is None or article.published_at > now
        ):
            article.published_at = now
        article.status = transition.target
        article.modified_by = user
        article.save(
            update_fields=["status", "published_at", "modified_at", "modified_by"], user=user
        )
        record_event(
            article,
            transition.name,
            user=user,
            old_value=old_status,
            new_value=article.status,
            comment=comment,
        )
        if transition.target == S.PUBLISHED:
            go_live(article, user=user, now=now)
        if transition.target == S.WITHDRAWN:
            # Taken down means gone everywhere at once, shared previews included, and for
            # good: a later return to draft does not bring old links back.
            PreviewLink.objects.filter(article=article).revoke(user=user, now=now)
    return transition


def _check_ready(article, transition):
    """A scheduled or published article must be complete (time, author, teaser bullets), may
    not go public before its embargo, nor while a desk notice blocks it (articles/desk.py)."""
    if transition.target not in Article.LIVE_STATUSES:
        return
    for notice in desk.blocking(article):
        # Another app's veto (agency copy withdrawn, …): its message says why.
        raise ValidationError(notice.message)
    going_live_at = article.published_at if transition.target == S.SCHEDULED else None
    refusal = article.embargo_refusal(going_live_at)
    if refusal:
        raise ValidationError(refusal)
    if transition.target == S.SCHEDULED and (
        article.published_at is None or article.published_at <= timezone.now()
    ):
        raise ValidationError(
            _("To schedule “%(title)s”, first set a publication time in the future.")
            % {"title": article}
        )
    if not article.bylines.exists():
        raise ValidationError(
            _("“%(title)s” needs at least one author before it goes live.") % {"title": article}
        )
    if not article.bullets.exists():
        raise ValidationError(
            _("“%(title)s” needs at least one teaser bullet before it goes live.")
            % {"title": article}
        )
