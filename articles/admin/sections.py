from django.contrib import admin

from ..forms import search_engine_widgets
from ..models import Section


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name"]
    autocomplete_fields = ["social_image"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["widgets"] = {**search_engine_widgets(), **kwargs.get("widgets", {})}
        return super().get_form(request, obj, change, **kwargs)
