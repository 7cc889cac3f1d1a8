"""The workflow in the article admin: the buttons of the change form (which save what was
typed, then take the step), the separate buttons for those who may not edit, the bulk
actions of the list, and what readers see of an article ("Online seit …")."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from core.dates import german_datetime

from .. import workflow
from ..models import Article


def visibility(article):
    """What readers see of ``article`` now, decided like ``Article.objects.public()``: a
    scheduled article whose time has come is online, whether or not the job has run."""
    now = timezone.now()
    live = article.status in Article.LIVE_STATUSES and article.published_at is not None
    if live and article.depublish_at is not None and article.depublish_at <= now:
        return _("Offline since %(time)s") % {"time": german_datetime(article.depublish_at)}
    if live and article.published_at <= now:
        return _("Online since %(time)s") % {"time": german_datetime(article.published_at)}
    if live:
        return _("Scheduled for %(time)s") % {"time": german_datetime(article.published_at)}
    return article.get_status_display()


def bulk_transition(name):
    """A change-list action making transition ``name`` on each selected article."""
    transition = workflow.TRANSITIONS[name]

    @admin.action(description=transition.label)
    def action(modeladmin, request, queryset):
        done = 0
        for article in queryset:
            try:
                workflow.perform(article, name, request.user)
                done += 1
            except PermissionDenied:
                modeladmin.message_user(
                    request,
                    _("You may not do “%(action)s” on “%(title)s”.")
                    % {"action": transition.label, "title": article},
                    messages.ERROR,
                )
            except ValidationError as error:
                modeladmin.message_user(request, " ".join(error.messages), messages.ERROR)
        if done:
            modeladmin.message_user(
                request,
                _("“%(action)s”: %(count)d article(s).")
                % {"action": transition.label, "count": done},
                messages.SUCCESS,
            )

    action.__name__ = f"transition_{name}"
    return action


class ArticleWorkflowMixin:
    """For ArticleAdmin."""

    def workflow_urls(self):
        return [
            path(
                "<int:object_id>/transition/<slug:name>/",
                self.admin_site.admin_view(require_POST(self.transition_view)),
                name="articles_article_transition",
            ),
        ]

    def transition_view(self, request, object_id, name):
        """A workflow button for those who may not edit the article (the form's own buttons
        save it first, see ``response_change``)."""
        article = get_object_or_404(Article, pk=object_id)
        if name not in workflow.TRANSITIONS:
            raise Http404
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        self._perform_transition(request, article, name, request.POST.get("comment", ""))
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))

    def response_change(self, request, obj):
        # A workflow button of the form: what was typed is saved (we get here only after
        # a valid save), then the step is made, in the same request.
        name = request.POST.get("transition")
        if name in workflow.TRANSITIONS:
            self._perform_transition(
                request, obj, name, request.POST.get("comment", ""), saved=True
            )
            return HttpResponseRedirect(reverse("admin:articles_article_change", args=[obj.pk]))
        return super().response_change(request, obj)

    def _perform_transition(self, request, article, name, comment, saved=False):
        """Make the step and tell the editor. After a save, a refusal is a message, not an
        error page: an exception would roll the save back, and the typing with it."""
        try:
            transition = workflow.perform(article, name, request.user, comment)
        except PermissionDenied:
            if not saved:
                raise
            self.message_user(request, _("Your changes were saved."), messages.SUCCESS)
            self.message_user(
                request,
                _("You may not do “%(action)s” on “%(title)s”.")
                % {"action": workflow.TRANSITIONS[name].label, "title": article},
                messages.ERROR,
            )
        except ValidationError as error:
            if saved:
                self.message_user(request, _("Your changes were saved."), messages.SUCCESS)
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            article.refresh_from_db()
            message = (
                _("“%(title)s” saved: %(action)s. Status: %(status)s.")
                if saved
                else _("“%(title)s”: %(action)s. Status: %(status)s.")
            )
            self.message_user(
                request,
                message
                % {
                    "title": article,
                    "action": transition.label,
                    "status": article.get_status_display(),
                },
                messages.SUCCESS,
            )

    @admin.display(description=_("Status"), ordering="status")
    def visibility(self, obj):
        return visibility(obj)
