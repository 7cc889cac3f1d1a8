"""The article form and list: fieldsets in page order, the article's parts as inlines, the
workflow (from workflow.py), previews and the planning page."""

from csp.constants import NONCE
from csp.decorators import csp_update
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminSplitDateTime
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST
from js_asset import Media
from reversion.admin import VersionAdmin

from core.addresses import absolute_url
from core.admin import PartInline
from core.dates import german_datetime
from core.forms import LocalSplitDateTimeField, MultilineTextField
from images.admin import admin_thumb_url, thumbnail
from images.models import Image

from .. import corrections, desk, editing, presence, preview, workflow
from ..forms import ArticleAdminForm, BylineFormSet, CrossLinkFormSet, TeaserBulletFormSet
from ..models import (
    MAX_TEASER_BULLETS,
    Article,
    ArticleEvent,
    Byline,
    Correction,
    CrossLink,
    PreviewLink,
    TeaserBullet,
)
from ..planning import planning
from ..selectors import with_bylines
from .filters import AuthorsWithBylinesFilter
from .history import ArticleHistoryMixin
from .records import ArticleEventInline
from .workflow import ArticleWorkflowMixin, bulk_transition, visibility

# Fieldset titles; inlines name the fieldset they follow, so the form reads like the page.
HEADLINE, IMAGE, LEAD, BODY, META = (
    _("Kicker and headline"),
    _("Hero image"),
    _("Lead"),
    _("Body"),
    _("Section, tags and publication"),
)
SEARCH_AND_SOCIAL = _("Search engines and social networks")


class ArticlePartInline(PartInline):
    """Bylines, bullets and links are parts of the article: who may edit it may edit them."""

    parent_view_permission = "articles.view_article"

    def may_edit_parent(self, request, obj):
        if obj is None:
            return request.user.has_perm("articles.add_article")
        return workflow.can_edit(obj, request.user)


class BylineInline(ArticlePartInline):
    model = Byline
    formset = BylineFormSet
    autocomplete_fields = ["author"]
    fields = ["position", "author", "role"]
    extra = 1
    after_fieldset = IMAGE


class TeaserBulletInline(ArticlePartInline):
    model = TeaserBullet
    formset = TeaserBulletFormSet
    fields = ["position", "text"]
    extra = 3
    max_num = MAX_TEASER_BULLETS + 5  # room to type; the formset says clearly when it's > 5
    after_fieldset = IMAGE


class CrossLinkInline(ArticlePartInline):
    model = CrossLink
    fk_name = "article"
    formset = CrossLinkFormSet
    autocomplete_fields = ["target"]
    fields = ["position", "target", "url", "title"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    # Narrower than the admin's defaults, so the row fits the form's width.
    widgets = {
        "url": forms.URLInput(attrs={"style": "width:16em"}),
        "title": forms.TextInput(attrs={"style": "width:14em"}),
    }
    extra = 1
    verbose_name = _("Link")
    verbose_name_plural = _("Read also:")
    after_fieldset = LEAD

    def get_formset(self, request, obj=None, **kwargs):
        return super().get_formset(request, obj, widgets=self.widgets, **kwargs)


class CorrectionInline(ArticlePartInline):
    """The article's corrections, newest first (the model's order), below "Aktualisiert am":
    kind, time and note; who wrote one is taken from the signed-in editor on save."""

    model = Correction
    fields = ["kind", "corrected_at", "note", "author"]
    readonly_fields = ["author"]
    extra = 0
    formfield_overrides = {
        models.DateTimeField: {
            "form_class": LocalSplitDateTimeField,
            "widget": AdminSplitDateTime,
        },
        models.TextField: {
            "form_class": MultilineTextField,
            "widget": forms.Textarea(attrs={"rows": 3, "cols": 60}),
        },
    }
    after_fieldset = META


@admin.register(Article)
class ArticleAdmin(ArticleHistoryMixin, ArticleWorkflowMixin, VersionAdmin):
    form = ArticleAdminForm
    change_form_template = "admin/articles/article/change_form.html"
    change_list_template = "admin/articles/article/change_list.html"
    inlines = [
        BylineInline,
        TeaserBulletInline,
        CrossLinkInline,
        CorrectionInline,
        ArticleEventInline,
    ]
    fieldsets = [
        (HEADLINE, {"fields": ["kicker", "headline", "slug", "edit_version"]}),
        (IMAGE, {"fields": ["hero_image", "hero_image_preview", "hero_caption"]}),
        (LEAD, {"fields": ["lead"]}),
        (BODY, {"fields": ["body"]}),
        (
            META,
            {
                "fields": [
                    "section",
                    "genre",
                    "tags",
                    "visibility",
                    "published_at",
                    "confirm_backdating",
                    "depublish_at",
                    "embargo_until",
                    "embargo_source",
                    "material_update",
                    "updated_at",
                    "first_published_at",
                ]
            },
        ),
        (
            SEARCH_AND_SOCIAL,
            {
                "fields": ["seo_title", "meta_description", "social_image"],
                "classes": ["collapse"],
                "description": _(
                    "Optional: what search engines and social networks show instead of the "
                    "headline, the lead and the hero image."
                ),
            },
        ),
    ]
    autocomplete_fields = ["hero_image", "social_image"]

    class Media:
        js = ["admin_extra/select-on-focus.js", "admin_extra/unsaved-changes.js"]

    formfield_overrides = {
        models.DateTimeField: {"form_class": LocalSplitDateTimeField, "widget": AdminSplitDateTime}
    }
    list_display = ["title", "section", "authors", "visibility", "published_at", "modified_at"]
    list_filter = [
        "status",
        "section",
        ("bylines__author", AuthorsWithBylinesFilter),
        "published_at",
    ]
    list_select_related = ["section"]
    date_hierarchy = "published_at"
    search_fields = ["headline", "kicker", "lead"]
    # "3 results (100,000 total)": the total is a count of the whole archive on every view.
    show_full_result_count = False
    save_on_top = True
    actions = [bulk_transition(name) for name in ("submit", "schedule", "publish", "withdraw")]

    def get_queryset(self, request):
        return with_bylines(super().get_queryset(request))

    def get_changelist_instance(self, request):
        # Desk notices (agency copy withdrawn, …) for the whole page in one go, not per row.
        changelist = super().get_changelist_instance(request)
        found = desk.notices_for(changelist.result_list)
        for article in changelist.result_list:
            loud = [notice for notice in found.get(article.pk, []) if notice.level != desk.INFO]
            article.desk_notices = loud
        return changelist

    def get_readonly_fields(self, request, obj=None):
        # The state changes only through the workflow's actions, never by typing it.
        fields = ["hero_image_preview", "visibility", "first_published_at"]
        if not request.user.has_perm(workflow.PUBLISH_PERMISSION):
            fields += ["published_at", "depublish_at"]
        return self.kept_state_readonly_fields(request, fields)

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request)
        return workflow.can_edit(obj, request.user)

    def has_delete_permission(self, request, obj=None):
        if not super().has_delete_permission(request, obj):
            return False
        return obj is None or workflow.can_edit(obj, request.user)

    def save_model(self, request, obj, form, change):
        editing.save_article(
            obj,
            user=request.user,
            material_update=form.cleaned_data.get("material_update"),
            schedule_comment=_("Backdating confirmed") if form.backdating else "",
        )
        changed_times = [
            name
            for name in ("published_at", "depublish_at", "updated_at")
            if name in form.changed_data
        ]
        for notice in editing.ambiguous_time_notices(obj, changed_times):
            self.message_user(request, notice, messages.WARNING)

    def save_formset(self, request, form, formset, change):
        if formset.model is not Correction:
            return super().save_formset(request, form, formset, change)
        if getattr(request, "kept_workflow_state", None):
            # A restore: history.py records what it did to the corrections, all at once.
            for correction in formset.save(commit=False):
                if correction.pk is None:
                    correction.author = request.user
                correction.save()
            for removed in formset.deleted_objects:
                removed.delete()
            return None
        formset.save(commit=False)
        for removed in formset.deleted_objects:
            corrections.remove(removed, user=request.user)
        for added in formset.new_objects:
            corrections.add(added, user=request.user)
        for changed, _fields in formset.changed_objects:
            corrections.change(changed, user=request.user)
        return None

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if "tags" in form.cleaned_data:
            editing.keep_tag_order(form.instance, form.cleaned_data["tags"])

    def get_deleted_objects(self, objs, request):
        # The audit trail goes with its article; nobody deletes events on their own.
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        perms_needed.discard(ArticleEvent._meta.verbose_name)
        return deleted, counts, perms_needed, protected

    def changelist_view(self, request, extra_context=None):
        can_recover = request.user.has_perm(workflow.PUBLISH_PERMISSION)
        return super().changelist_view(
            request, {"can_recover": can_recover, **(extra_context or {})}
        )

    def get_urls(self):
        return [
            *self.history_urls(),
            *self.workflow_urls(),
            path(
                "planning/",
                self.admin_site.admin_view(self.planning_view),
                name="articles_article_planning",
            ),
            path(
                "body-picture/",
                self.admin_site.admin_view(require_GET(self.body_picture_view)),
                name="articles_article_body_picture",
            ),
            path(
                "<int:object_id>/vorschau-link/",
                self.admin_site.admin_view(require_POST(self.share_preview_view)),
                name="articles_article_share_preview",
            ),
            path(
                "<int:object_id>/vorschau-link/<int:link_id>/widerrufen/",
                self.admin_site.admin_view(require_POST(self.revoke_preview_view)),
                name="articles_article_revoke_preview",
            ),
            *super().get_urls(),
        ]

    def body_picture_view(self, request):
        """What the body editor shows on a picture block: the library's thumbnail, alt text
        and credit of the picture ``?id=``, for people who may see the library."""
        if not request.user.has_perm("images.view_image"):
            raise PermissionDenied
        try:
            image = Image.objects.get(pk=int(request.GET.get("id", "")))
        except (ValueError, Image.DoesNotExist):
            raise Http404 from None
        return JsonResponse(
            {
                "id": image.pk,
                "thumbnail": admin_thumb_url(image) if image.file else "",
                "alt": image.alt_text,
                "credit": image.credit_label,
                "usable": image.is_usable,
            }
        )

    # The body editor's import map is an inline <script type="importmap"> (browsers take no
    # other form); it carries this page's nonce, and no other inline script may run.
    @method_decorator(csp_update({"script-src": [NONCE]}))
    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        return super().changeform_view(request, object_id, form_url, extra_context)

    def share_preview_view(self, request, object_id):
        article = get_object_or_404(Article, pk=object_id)
        link = preview.share(article, request.user)  # PermissionDenied: 403
        self.message_user(
            request,
            _("Preview link created, valid until %(time)s.")
            % {"time": german_datetime(link.expires_at)},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(
            reverse("admin:articles_article_change", args=[article.pk]) + "#preview-links"
        )

    def revoke_preview_view(self, request, object_id, link_id):
        link = get_object_or_404(PreviewLink, pk=link_id, article_id=object_id)
        preview.revoke(link, request.user)  # PermissionDenied: 403
        self.message_user(request, _("The preview link has been revoked."), messages.SUCCESS)
        return HttpResponseRedirect(
            reverse("admin:articles_article_change", args=[object_id]) + "#preview-links"
        )

    def planning_view(self, request):
        """ "Planung": the coming days' scheduled articles by day, and the latest published."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        plan = planning()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Planning"),
            "days": plan.days,
            "by_day": plan.by_day,
            "latest": plan.latest,
            "review": plan.review,
        }
        return TemplateResponse(request, "admin/articles/article/planning.html", context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["transitions"] = workflow.available(obj, request.user) if obj else []
        context["visibility"] = visibility(obj) if obj else ""
        context["others_editing"] = presence.others_editing(obj, request.user) if obj else []
        context["desk_notices"] = desk.notices(obj) if obj else []
        if obj and not obj.is_public:
            context["preview_url"] = reverse("articles:preview", args=[obj.pk])
        if obj and preview.shareable(obj):
            context["may_share_preview"] = preview.may_share(obj, request.user)
            context["shared_preview_hours"] = settings.NEWSROOM_PREVIEW_MAX_AGE // 3600
            context["preview_links"] = [
                {
                    "link": link,
                    # The address and the revoke button: for the desk and the link's creator.
                    "url": absolute_url(request, preview.path_of(link)) if manages else "",
                    "may_revoke": manages,
                }
                for link in obj.preview_links.active().select_related("created_by")
                for manages in [preview.may_manage(link, request.user)]
            ]
        context["media"] = Media.from_media(context["media"], nonce=request.csp_nonce)
        return super().render_change_form(request, context, add, change, form_url, obj)

    @admin.display(description=_("Title"), ordering="headline")
    def title(self, obj):
        notices = getattr(obj, "desk_notices", [])
        if not notices:
            return obj.title
        loudest = desk.ERROR if any(n.level == desk.ERROR for n in notices) else desk.WARNING
        return format_html(
            '{} <strong class="nr-desk-notice" style="color:{}">{}</strong>',
            obj.title,
            "var(--error-fg)" if loudest == desk.ERROR else "inherit",
            " · ".join(notice.message for notice in notices),
        )

    @admin.display(description=_("Authors"))
    def authors(self, obj):
        return obj.author_names

    @admin.display(description=_("Preview"))
    def hero_image_preview(self, obj):
        return thumbnail(obj.hero_image, size=240)

    def view_on_site(self, obj):
        # Only public articles have a page; drafts and future ones would be a 404.
        return obj.get_absolute_url() if obj.is_public else None
