"""Versions of an article in the admin: the list, a comparison of two, and restoring one.

A restore brings back content, never the workflow state: status and times stay as they are
(``revisions.WORKFLOW_FIELDS``), and the restore is recorded in the audit trail.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from reversion.models import Version

from .. import corrections, editing, revisions, workflow
from ..models import Article


class ArticleHistoryMixin:
    """For ArticleAdmin (a reversion VersionAdmin)."""

    object_history_template = "admin/articles/article/object_history.html"

    def history_urls(self):
        return [
            path(
                "<int:object_id>/history/compare/",
                self.admin_site.admin_view(self.compare_view),
                name="articles_article_compare",
            ),
        ]

    def kept_state_readonly_fields(self, request, fields):
        if getattr(request, "kept_workflow_state", None):
            # Restoring brings back content; state and times stay as they are now.
            fields += [name for name in revisions.WORKFLOW_FIELDS if name not in fields]
        return fields

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        kept = getattr(request, "kept_workflow_state", None)
        if obj is not None and kept:
            for name, value in kept.items():
                setattr(obj, name, value)
            # Compared with the state before the restore, the times have not changed.
            obj.remember_stored_state()
        return obj

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if getattr(request, "kept_workflow_state", None):
            form = type(form.__name__, (form,), {"check_edit_version": False})
        return form

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """Restore an earlier revision: its content, not its workflow state; audited."""
        if not object_id.isdigit():
            raise Http404
        article = get_object_or_404(Article, pk=object_id)
        # Only a version of this very article (reversion itself looks up by id alone).
        get_object_or_404(
            Version.objects.get_for_object_reference(Article, object_id), pk=version_id
        )
        # Decided on the article as it is, before the old version is put back.
        if request.method == "POST" and not workflow.can_edit(article, request.user):
            raise PermissionDenied
        request.kept_workflow_state = {
            name: getattr(article, name) for name in revisions.WORKFLOW_FIELDS
        }
        before = corrections.state(article)
        response = super().revision_view(request, object_id, version_id, extra_context)
        if request.method == "POST" and response.status_code == 302:
            version = Version.objects.get(pk=version_id)
            editing.record_restore(article, version, user=request.user)
            corrections.record_restore(article, before, user=request.user)
        return response

    def recoverlist_view(self, request, extra_context=None):
        # A recovered article comes back in its old state, so only the desk may.
        if not request.user.has_perm(workflow.PUBLISH_PERMISSION):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not request.user.has_perm(workflow.PUBLISH_PERMISSION):
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)

    def compare_view(self, request, object_id):
        """A readable diff between two revisions (?from=<version id>&to=<version id>)."""
        article = get_object_or_404(Article, pk=object_id)
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        versions = Version.objects.get_for_object(article).select_related("revision__user")
        try:
            older = versions.get(pk=int(request.GET["from"]))
            newer = versions.get(pk=int(request.GET["to"]))
        except (KeyError, ValueError, Version.DoesNotExist):
            self.message_user(request, _("Choose two versions to compare."), messages.ERROR)
            return HttpResponseRedirect(
                reverse("admin:articles_article_history", args=[article.pk])
            )
        if older.revision.date_created > newer.revision.date_created:
            older, newer = newer, older
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": article,
            "title": _("Compare versions"),
            "older": older,
            "newer": newer,
            "changes": revisions.compare(revisions.snapshot(older), revisions.snapshot(newer)),
        }
        return TemplateResponse(request, "admin/articles/article/compare.html", context)

    def history_view(self, request, object_id, extra_context=None):
        versions = []
        if object_id.isdigit():
            versions = Version.objects.get_for_object_reference(Article, object_id).select_related(
                "revision__user"
            )
        return super().history_view(
            request, object_id, {"versions": versions, **(extra_context or {})}
        )
