"""Admin pieces every app uses."""

from django.contrib import admin


class PartInline(admin.TabularInline):
    """Rows that are part of the object above them (an article's bylines, the home page's
    highlights, the site's social accounts): who may edit that object may edit its parts.

    Subclasses say who that is with ``may_edit_parent``; whoever may view the parent
    (``parent_view_permission``) sees the rows read-only.
    """

    parent_view_permission = ""

    def may_edit_parent(self, request, obj):
        raise NotImplementedError

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm(self.parent_view_permission) or self.may_edit_parent(
            request, obj
        )

    def has_add_permission(self, request, obj=None):
        return self.may_edit_parent(request, obj)

    def has_change_permission(self, request, obj=None):
        return self.may_edit_parent(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self.may_edit_parent(request, obj)
