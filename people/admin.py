from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from images.admin import thumbnail

from .models import Author


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["photo_thumbnail", "name", "role_title", "short_code", "user"]
    list_display_links = ["photo_thumbnail", "name"]
    list_select_related = ["photo", "user"]
    search_fields = ["name", "short_code", "role_title"]
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


class NewsroomUserAdmin(UserAdmin):
    """User accounts for the Chefredaktion, without a way to make anyone a superuser.

    The Chefredaktion manages people and their roles (groups), but only a superuser
    may grant superuser status or single permissions, or change a superuser's account.
    """

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            fields += ["is_superuser", "user_permissions"]
        return fields

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)


class RoleAdmin(GroupAdmin):
    """The roles (groups). What a role may do is changed by superusers only: a role that
    could edit groups could grant itself anything (the roles migration gives no role these
    permissions; this holds even if an operator does)."""

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


admin.site.unregister(Group)
admin.site.register(Group, RoleAdmin)

User = get_user_model()
admin.site.unregister(User)
admin.site.register(User, NewsroomUserAdmin)
