from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import Image


def thumbnail(image, size=120):
    """An <img> preview of a library image with its credit, for admin pages."""
    if not image or not image.file:
        return "–"
    credit = image.credit_label or _("no credit")
    return format_html(
        '<figure class="nr-thumb" style="margin:0;display:flex;gap:.75rem;align-items:center">'
        '<img src="{}" alt="{}" style="max-width:{}px;max-height:{}px;object-fit:cover">'
        "<figcaption>{}</figcaption></figure>",
        image.file.url,
        image.alt_text,
        size,
        size,
        credit,
    )


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    list_display = [
        "list_thumbnail",
        "__str__",
        "credit_line",
        "photographer",
        "size",
        "created_at",
    ]
    list_display_links = ["list_thumbnail", "__str__"]
    search_fields = ["caption", "alt_text", "credit_line", "photographer"]
    list_filter = ["created_at"]
    date_hierarchy = "created_at"
    readonly_fields = ["preview", "size"]
    fieldsets = [
        (None, {"fields": ["file", "preview", "size"]}),
        (_("Description"), {"fields": ["alt_text", "caption"]}),
        (_("Credit"), {"fields": ["credit_line", "photographer"]}),
    ]

    @admin.display(description=_("Preview"))
    def list_thumbnail(self, obj):
        return thumbnail(obj, size=80)

    @admin.display(description=_("Preview"))
    def preview(self, obj):
        return thumbnail(obj, size=320)

    @admin.display(description=_("Size"))
    def size(self, obj):
        return f"{obj.width} × {obj.height} px" if obj.width else "–"
