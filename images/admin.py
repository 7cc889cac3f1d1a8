from datetime import timedelta

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR, TO_FIELD_VAR
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.db.models import F, Prefetch
from django.forms import modelformset_factory
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.dates import german_date, german_datetime

from . import permissions, renditions
from .forms import BaseReviewFormSet, ImageAdminForm, ReviewForm, UploadForm, stage
from .metadata import read_metadata
from .models import Image, Rendition
from .validation import check_image_file, pixel_count


def admin_thumb_url(image, width=320):
    """A small rendition for admin pages (made now if missing); admins see expired images."""
    try:
        jpegs = renditions.renditions_for(image, "wide")["jpeg"]
    except (OSError, ValueError):
        return ""
    best = renditions.best(jpegs, width)
    return best.url if best else ""


def thumbnail(image, size=120):
    """An <img> preview of a library image with its credit, for admin pages."""
    if not image or not image.file:
        return "–"
    credit = image.credit_label or _("no credit")
    expired = ""
    if image.is_expired:
        expired = format_html(
            '<strong class="nr-expired">{}</strong> ',
            _("Rights expired on %(date)s") % {"date": german_date(image.usable_until)},
        )
    elif image.is_under_embargo:
        expired = format_html(
            '<strong class="nr-expired">{}</strong> ',
            _("Image under embargo until %(time)s")
            % {"time": german_datetime(image.embargo_until)},
        )
    return format_html(
        '<figure class="nr-thumb" style="margin:0;display:flex;gap:.75rem;align-items:center">'
        '<img src="{}" alt="{}" style="max-width:{}px;max-height:{}px;object-fit:cover">'
        "<figcaption>{}{}</figcaption></figure>",
        admin_thumb_url(image),
        image.alt_text,
        size,
        size,
        expired,
        credit,
    )


class OrientationFilter(admin.SimpleListFilter):
    title = _("orientation")
    parameter_name = "format"

    def lookups(self, request, model_admin):
        return [
            ("landscape", _("Landscape")),
            ("portrait", _("Portrait")),
            ("square", _("Square")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "landscape":
            return queryset.filter(width__gt=F("height"))
        if self.value() == "portrait":
            return queryset.filter(height__gt=F("width"))
        if self.value() == "square":
            return queryset.filter(width=F("height"))
        return queryset


class RightsFilter(admin.SimpleListFilter):
    title = _("rights")
    parameter_name = "rechte"

    def lookups(self, request, model_admin):
        return [
            ("expired", _("Expired")),
            ("expiring", _("Expires within 30 days")),
            ("limited", _("Limited in time")),
            ("unlimited", _("No end date")),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        match self.value():
            case "expired":
                return queryset.expired()
            case "expiring":
                return queryset.filter(
                    usable_until__gte=today, usable_until__lte=today + timedelta(days=30)
                )
            case "limited":
                return queryset.filter(usable_until__isnull=False)
            case "unlimited":
                return queryset.filter(usable_until__isnull=True)
        return queryset


def usages(image):
    """Every object that shows this image: [(model verbose name, object, admin url or '')]."""
    found = []
    for obj in permissions.users_of(image):
        opts = obj._meta
        try:
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        except NoReverseMatch:
            url = ""
        found.append((opts.verbose_name, obj, url))
    return found


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    form = ImageAdminForm
    list_display = [
        "list_thumbnail",
        "__str__",
        "credit_line",
        "photographer",
        "rights",
        "size",
        "created_at",
    ]
    list_display_links = ["list_thumbnail", "__str__"]
    search_fields = ["caption", "alt_text", "credit_line", "photographer", "copyright"]
    list_filter = [RightsFilter, OrientationFilter, "is_own", "created_at"]
    date_hierarchy = "created_at"
    readonly_fields = ["focal_point_picker", "size", "usage", "uploaded_by", "created_at"]
    fieldsets = [
        (None, {"fields": ["file", "size", "uploaded_by", "created_at"]}),
        (_("Description"), {"fields": ["alt_text", "caption"]}),
        (_("Credit"), {"fields": ["credit_line", "photographer", "copyright", "is_own"]}),
        (_("Rights"), {"fields": ["usable_until", "embargo_until", "usage_notes"]}),
        (
            _("Focal point"),
            {
                "fields": ["focal_point_picker", ("focal_x", "focal_y")],
                "description": _(
                    "Click on the picture where the crops must keep their centre, or enter "
                    "the point in percent."
                ),
            },
        ),
        (_("Used in"), {"fields": ["usage"]}),
    ]

    class Media:
        js = ["admin_extra/focal-point.js"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(Prefetch("renditions", queryset=Rendition.objects.order_by("pk")))
        )

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "hochladen/",
                self.admin_site.admin_view(self.upload_view),
                name="{}_{}_upload".format(*info),
            ),
            *super().get_urls(),
        ]

    def add_view(self, request, form_url="", extra_context=None):
        # Every upload goes through the two-step upload (metadata prefilled, the file kept
        # while the form is completed), the popup from an article's "+" included: it keeps
        # its _popup and _to_field, and the new picture is handed back to the field.
        query = request.GET.urlencode()
        return HttpResponseRedirect(
            reverse("admin:images_image_upload") + (f"?{query}" if query else "")
        )

    def has_change_permission(self, request, obj=None):
        # Own pictures only, and none a non-draft shows (images/permissions.py); the others
        # open read-only for those who may view them, and a POST to them answers 403.
        return permissions.can_change(request.user, obj)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)

    def upload_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        popup = IS_POPUP_VAR in request.GET or IS_POPUP_VAR in request.POST
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Upload an image") if popup else _("Upload images"),
            "has_view_permission": self.has_view_permission(request),
            "is_popup": popup,
            "is_popup_var": IS_POPUP_VAR,
            "to_field": request.GET.get(TO_FIELD_VAR, request.POST.get(TO_FIELD_VAR, "")),
            "to_field_var": TO_FIELD_VAR,
        }
        if request.method == "POST" and "form-TOTAL_FORMS" in request.POST:
            return self._review(request, context)
        form = UploadForm(request.POST or None, request.FILES or None, single=popup)
        refused = []
        if request.method == "POST" and form.is_valid():
            staged, initial = [], []
            # One request decodes every file: bound the work so that a big batch cannot run
            # past the server's timeout (the first file always goes; the rest wait their turn).
            pixels_left = settings.NEWSROOM_UPLOAD_MAX_TOTAL_PIXELS
            for uploaded in form.cleaned_data["files"]:
                pixels = pixel_count(uploaded)
                if initial and pixels > pixels_left:
                    refused.append(
                        _(
                            "“%(name)s” was not processed: this upload already holds %(total)s "
                            "megapixels. Please upload it again on its own."
                        )
                        % {
                            "name": uploaded.name,
                            "total": round(
                                (settings.NEWSROOM_UPLOAD_MAX_TOTAL_PIXELS - pixels_left)
                                / 1_000_000
                            ),
                        }
                    )
                    continue
                try:
                    fmt = check_image_file(uploaded)
                except ValidationError as exc:
                    refused.extend(exc.messages)
                    continue
                pixels_left -= pixels
                meta = read_metadata(uploaded)
                token = stage(uploaded, fmt, request.user)
                staged.append(token)
                initial.append({**meta, "staged": token})
            if initial:
                formset = self._formset_class(len(initial))(initial=initial, user=request.user)
                return self._render_review(request, context, formset, refused)
            form.add_error("files", _("None of the files was accepted."))
        return TemplateResponse(
            request,
            "admin/images/image/upload.html",
            {**context, "form": form, "refused": refused},
        )

    def _formset_class(self, extra):
        return modelformset_factory(
            Image,
            form=ReviewForm,
            formset=BaseReviewFormSet,
            extra=extra,
            max_num=100,
            validate_max=True,
        )

    def _review(self, request, context):
        formset = self._formset_class(0)(request.POST, user=request.user)
        if formset.is_valid():
            images = formset.save()
            for image in images:
                self.log_addition(request, image, [{"added": {}}])
            if context["is_popup"] and images:
                # Back to the field that opened the popup, with the new picture chosen.
                return self.response_add(request, images[0])
            self.message_user(
                request,
                ngettext(
                    "%(count)d image was added to the library.",
                    "%(count)d images were added to the library.",
                    len(images),
                )
                % {"count": len(images)},
                messages.SUCCESS,
            )
            return HttpResponseRedirect(reverse("admin:images_image_changelist"))
        return self._render_review(request, context, formset, [])

    def _render_review(self, request, context, formset, refused):
        rows = [(form, default_storage.url(form.staged_name)) for form in formset.forms]
        return TemplateResponse(
            request,
            "admin/images/image/review.html",
            {
                **context,
                "title": _("Check and complete the new images"),
                "formset": formset,
                "rows": rows,
                "refused": refused,
            },
        )

    @admin.display(description=_("Preview"))
    def list_thumbnail(self, obj):
        return thumbnail(obj, size=80)

    @admin.display(description=_("Size"))
    def size(self, obj):
        return f"{obj.width} × {obj.height} px" if obj.width else "–"

    @admin.display(description=_("Rights"))
    def rights(self, obj):
        if obj.is_under_embargo:
            return format_html(
                '<strong class="nr-expired">{}</strong>',
                _("Image under embargo until %(time)s")
                % {"time": german_datetime(obj.embargo_until)},
            )
        if obj.usable_until is None:
            return "–"
        label = _("until %(date)s") % {"date": german_date(obj.usable_until)}
        if obj.is_expired:
            return format_html('<strong class="nr-expired">⚠ {} ({})</strong>', _("expired"), label)
        return label

    @admin.display(description=_("Focal point"))
    def focal_point_picker(self, obj):
        if not obj or not obj.pk or not obj.file:
            return _("Available after saving.")
        # The whole picture, uncropped (a rendition, not the possibly huge original): the
        # crops below are cut from it in the browser exactly as the renditions will be.
        try:
            whole = renditions.best(renditions.renditions_for(obj, "whole")["jpeg"], 1200)
        except (OSError, ValueError):
            whole = None
        src = whole.url if whole else obj.file.url
        crops = format_html_join(
            "",
            '<figure style="margin:0"><img src="{}" alt="" class="nr-crop" data-ratio="{}" '
            'style="width:{}px;aspect-ratio:{};object-fit:cover;object-position:{}% {}%">'
            "<figcaption>{}</figcaption></figure>",
            [
                (src, ratio, width, ratio, obj.focal_x, obj.focal_y, label)
                for ratio, width, label in (
                    ("16 / 9", 240, _("Wide crop (16:9)")),
                    ("1 / 1", 135, _("Square crop (1:1)")),
                )
            ],
        )
        # The whole picture for clicking: a 16:9 rendition would hide the cut-off parts.
        return format_html(
            '<div class="nr-focal" style="display:flex;gap:1rem;flex-wrap:wrap;align-items:end">'
            '<div class="nr-focal__picker" style="position:relative;display:inline-block;'
            'cursor:crosshair;max-width:480px">'
            '<img src="{}" alt="{}" style="display:block;max-width:100%;height:auto">'
            '<span class="nr-focal__marker" aria-hidden="true" style="position:absolute;'
            "left:{}%;top:{}%;width:22px;height:22px;margin:-11px 0 0 -11px;border:3px solid #fff;"
            'border-radius:50%;box-shadow:0 0 0 2px #c00;pointer-events:none"></span></div>'
            '<div style="display:flex;gap:1rem;align-items:end">{}</div></div>',
            src,
            obj.alt_text,
            obj.focal_x,
            obj.focal_y,
            crops,
        )

    @admin.display(description=_("Used in"))
    def usage(self, obj):
        if not obj or not obj.pk:
            return "–"
        found = usages(obj)
        if not found:
            return _("Not used anywhere yet.")
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li>{}: {}</li>",
                (
                    (kind, format_html('<a href="{}">{}</a>', url, item) if url else str(item))
                    for kind, item, url in found
                ),
            ),
        )
