from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from images.admin import thumbnail

from .models import Author


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["photo_thumbnail", "name", "role_title", "short_code", "user"]
    list_display_links = ["photo_thumbnail", "name"]
    list_select_related = ["photo", "user"]
    search_fields = ["name", "short_code", "role_title"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["photo", "user"]
    readonly_fields = ["photo_preview"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "role_title", "short_code"]}),
        (_("Profile"), {"fields": ["bio", "photo", "photo_preview"]}),
        (_("Access"), {"fields": ["user"]}),
    ]

    @admin.display(description=_("Photo"))
    def photo_thumbnail(self, obj):
        return thumbnail(obj.photo, size=48)

    @admin.display(description=_("Preview"))
    def photo_preview(self, obj):
        return thumbnail(obj.photo, size=160)
