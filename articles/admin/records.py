"""What the system writes about articles: the audit trail and old addresses."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ..models import SCHEDULE_FIELDS, Article, ArticleEvent, ArticleRedirect


def readable_value(value):
    """An event's stored value as the desk reads it: a status by its German name, a planned
    time under the field's German name ("Veröffentlichung: 03.11.2026 14.05 CET"). Stored
    as machine values, so old events read the same."""
    statuses = dict(Article.Status.choices)
    if value in statuses:
        return statuses[value]
    field, separator, rest = value.partition(": ")
    if separator and field in SCHEDULE_FIELDS:
        return f"{Article._meta.get_field(field).verbose_name}: {rest}"
    return value or "–"


class ReadableValues:
    @admin.display(description=_("Old value"))
    def old(self, obj):
        return readable_value(obj.old_value)

    @admin.display(description=_("New value"))
    def new(self, obj):
        return readable_value(obj.new_value)


class ArticleEventInline(ReadableValues, admin.TabularInline):
    """The article's audit trail, read-only, on its change page."""

    model = ArticleEvent
    fields = ["created_at", "action", "user", "old", "new", "comment"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = _("History of states and schedule")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ArticleEvent)
class ArticleEventAdmin(ReadableValues, admin.ModelAdmin):
    """The audit trail across all articles, filterable; nobody edits it."""

    list_display = ["created_at", "article", "action", "user", "old", "new"]
    fields = ["created_at", "article", "action", "user", "old", "new", "comment"]
    readonly_fields = ["old", "new"]
    list_filter = ["action", ("user", admin.RelatedOnlyFieldListFilter), "created_at"]
    list_select_related = ["article", "user"]
    search_fields = ["article__headline", "comment"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ArticleRedirect)
class ArticleRedirectAdmin(admin.ModelAdmin):
    """Old addresses of articles, written automatically when a slug changes."""

    list_display = ["old_path", "article", "created_at"]
    list_select_related = ["article"]
    search_fields = ["old_slug", "article__headline"]
    autocomplete_fields = ["article"]
    fields = ["old_slug", "old_section_slug", "article", "created_at"]
    readonly_fields = ["created_at"]
    date_hierarchy = "created_at"

    @admin.display(description=_("Old address"), ordering="old_slug")
    def old_path(self, obj):
        return obj.old_path
