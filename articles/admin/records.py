"""What the system writes about articles: the audit trail and old addresses."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ..models import ArticleEvent, ArticleRedirect


class ArticleEventInline(admin.TabularInline):
    """The article's audit trail, read-only, on its change page."""

    model = ArticleEvent
    fields = ["created_at", "action", "user", "old_value", "new_value", "comment"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = _("History of states and schedule")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ArticleEvent)
class ArticleEventAdmin(admin.ModelAdmin):
    """The audit trail across all articles, filterable; nobody edits it."""

    list_display = ["created_at", "article", "action", "user", "old_value", "new_value"]
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
