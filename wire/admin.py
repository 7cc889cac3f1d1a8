"""The wire in the admin: the sources (configured by the operator, with their status) and
"Agenturmeldungen", the inbox: read-only, newest first, filtered and searched, the text in one
click, and "Als Artikel übernehmen"."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from articles import workflow
from core.dates import german_datetime

from . import polling
from .models import TakeOver, WireItem, WireSource
from .takeover import acknowledge, take_over


@admin.register(WireSource)
class WireSourceAdmin(admin.ModelAdmin):
    list_display = ["name", "agency", "kind", "is_active", "status", "next_poll"]
    list_filter = ["is_active", "kind", "agency"]
    search_fields = ["name", "agency"]
    actions = ["poll_now"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["name", "agency", "kind", "url", "folder"]}),
        (_("Defaults"), {"fields": ["default_credit", "default_section", "interval", "is_active"]}),
        (
            _("Status"),
            {
                "fields": [
                    "status",
                    "last_success_at",
                    "last_error_at",
                    "error_message",
                    "error_count",
                    "skipped_count",
                    "next_poll_at",
                ]
            },
        ),
    ]
    readonly_fields = [
        "status",
        "last_success_at",
        "last_error_at",
        "error_message",
        "error_count",
        "skipped_count",
        "next_poll_at",
    ]

    @admin.display(description=_("Status"))
    def status(self, obj):
        if not obj.pk:
            return "–"
        if obj.error_count:
            return format_html(
                '<strong style="color:var(--error-fg)">{}</strong>',
                _("Error (%(count)s in a row): %(message)s")
                % {"count": obj.error_count, "message": obj.error_message},
            )
        if obj.last_success_at:
            return _("OK, last read %(time)s") % {"time": german_datetime(obj.last_success_at)}
        return _("Not read yet")

    @admin.display(description=_("Next poll"), ordering="next_poll_at")
    def next_poll(self, obj):
        return german_datetime(obj.next_poll_at) if obj.is_active else "–"

    @admin.action(description=_("Poll now"), permissions=["change"])
    def poll_now(self, request, queryset):
        for source in queryset:
            outcome = polling.poll(source)
            if "error" in outcome:
                self.message_user(request, f"{source}: {outcome['error']}", messages.ERROR)
                continue
            self.message_user(
                request,
                _("%(source)s: %(created)s new, %(updated)s updated, %(skipped)s skipped.")
                % {"source": source, **outcome},
                messages.WARNING if outcome["skipped"] else messages.SUCCESS,
            )


class EmbargoFilter(admin.SimpleListFilter):
    title = _("embargo")
    parameter_name = "sperrfrist"

    def lookups(self, request, model_admin):
        return [("active", _("Under embargo")), ("none", _("No embargo or passed"))]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "active":
            return queryset.under_embargo(now)
        if self.value() == "none":
            return queryset.exclude(embargo_until__gt=now)
        return queryset


@admin.register(WireItem)
class WireItemAdmin(admin.ModelAdmin):
    change_form_template = "admin/wire/wireitem/change_form.html"
    list_display = ["headline", "agency", "urgency", "section", "state", "updated"]
    list_display_links = ["headline"]
    list_filter = ["agency", "urgency", "section", EmbargoFilter, "status"]
    list_select_related = ["section"]
    search_fields = ["headline", "lead", "body"]
    show_full_result_count = False
    list_per_page = 50
    fields = [
        "state",
        "agency",
        "source",
        "section",
        "urgency",
        "byline",
        "credit",
        "copyright",
        "usage_terms",
        "embargo_until",
        "version",
        "version_created_at",
        "received_at",
        "updated_at",
        "guid",
        "link",
        "lead",
        "text",
        "picture_list",
        "article_list",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # delivered by the agency; read-only

    @admin.display(description=_("Last update"), ordering="updated_at")
    def updated(self, obj):
        return german_datetime(obj.updated_at)

    @admin.display(description=_("Status"))
    def state(self, obj):
        labels = []
        if obj.is_withdrawn:
            labels.append(
                format_html('<strong style="color:var(--error-fg)">{}</strong>', _("WITHDRAWN"))
            )
        elif obj.status != WireItem.Status.USABLE:
            labels.append(obj.get_status_display())
        if obj.is_under_embargo:
            labels.append(
                format_html(
                    "<strong>{}</strong>",
                    _("Embargo until %(time)s") % {"time": german_datetime(obj.embargo_until)},
                )
            )
        if obj.version > 1:
            labels.append(_("Version %(version)s") % {"version": obj.version})
        return format_html_join(" · ", "{}", ((label,) for label in labels)) if labels else "–"

    @admin.display(description=_("Text"))
    def text(self, obj):
        # Sanitized when stored (articles/sanitizer.py): shown as readers would read it.
        return mark_safe(f'<div class="nr-wire-text" style="max-width:42em">{obj.body}</div>')

    @admin.display(description=_("Pictures"))
    def picture_list(self, obj):
        if not obj.pictures:
            return "–"
        return format_html_join(
            "",
            "<p>{} <small>({})</small></p>",
            (
                (picture.get("caption") or picture.get("href"), picture.get("credit") or obj.credit)
                for picture in obj.pictures
            ),
        )

    @admin.display(description=_("Articles made from it"))
    def article_list(self, obj):
        takeovers = obj.takeovers.select_related("article", "taken_by")
        if not takeovers:
            return "–"
        return format_html_join(
            "",
            '<p><a href="{}">{}</a> ({})</p>',
            (
                (
                    reverse("admin:articles_article_change", args=[takeover.article_id]),
                    takeover.article,
                    _("version %(version)s, %(time)s")
                    % {"version": takeover.version, "time": german_datetime(takeover.taken_at)},
                )
                for takeover in takeovers
            ),
        )

    def get_urls(self):
        return [
            path(
                "<int:object_id>/uebernehmen/",
                self.admin_site.admin_view(require_POST(self.take_over_view)),
                name="wire_wireitem_take_over",
            ),
            path(
                "<int:object_id>/gesehen/<int:takeover_id>/",
                self.admin_site.admin_view(require_POST(self.acknowledge_view)),
                name="wire_wireitem_acknowledge",
            ),
            *super().get_urls(),
        ]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["may_take_over"] = bool(
            obj and not obj.is_withdrawn and request.user.has_perm("articles.add_article")
        )
        context["outdated"] = [
            takeover
            for takeover in (obj.takeovers.select_related("article") if obj else [])
            if takeover.has_newer_version and workflow.can_edit(takeover.article, request.user)
        ]
        return super().render_change_form(request, context, add, change, form_url, obj)

    def acknowledge_view(self, request, object_id, takeover_id):
        takeover = get_object_or_404(
            TakeOver.objects.select_related("item", "article"), pk=takeover_id, item_id=object_id
        )
        acknowledge(takeover, request.user)  # PermissionDenied: 403
        self.message_user(
            request,
            _("“%(title)s” is marked as checked against version %(version)s.")
            % {"title": takeover.article, "version": takeover.item.version},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:wire_wireitem_change", args=[object_id]))

    def take_over_view(self, request, object_id):
        item = get_object_or_404(WireItem.objects.select_related("source"), pk=object_id)
        try:
            article, problems = take_over(item, request.user)  # PermissionDenied: 403
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return HttpResponseRedirect(reverse("admin:wire_wireitem_change", args=[item.pk]))
        for problem in problems:
            self.message_user(request, problem, messages.WARNING)
        imported = len(item.pictures) - len(problems)
        done = (
            ngettext(
                "Draft made from the agency item, with %(count)d picture.",
                "Draft made from the agency item, with %(count)d pictures.",
                imported,
            )
            % {"count": imported}
            if imported
            else _("Draft made from the agency item.")
        )
        self.message_user(request, done, messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))
