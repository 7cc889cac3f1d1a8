"""django-taggit's tag admin in German: its action and messages are plain English strings
in the package, so they are translated here (the template is overridden in
templates/admin/taggit/)."""

from django.contrib import admin
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from taggit.admin import TagAdmin
from taggit.models import Tag

# taggit's own messages, for the catalogue (they are passed through gettext below).
TAGGIT_MESSAGES = (
    _("Please select at least one tag."),
    _("Tags have been merged"),
    _("Form is invalid."),
)


class GermanTagAdmin(TagAdmin):
    actions = ["render_tag_form"]

    @admin.action(description=_("Merge selected tags"))
    def render_tag_form(self, request, queryset):
        return super().render_tag_form(request, queryset)

    def message_user(self, request, message, *args, **kwargs):
        super().message_user(request, gettext(str(message)), *args, **kwargs)


admin.site.unregister(Tag)
admin.site.register(Tag, GermanTagAdmin)
