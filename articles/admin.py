from datetime import timedelta

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminSplitDateTime
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Prefetch
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from reversion.admin import VersionAdmin
from reversion.models import Version

from images.admin import thumbnail

from . import presence, preview, revisions, workflow
from .forms import (
    ArticleAdminForm,
    BylineFormSet,
    CrossLinkFormSet,
    HomePageHighlightFormSet,
    LocalSplitDateTimeField,
    TeaserBulletFormSet,
    is_ambiguous,
)
from .models import (
    MAX_HOME_HIGHLIGHTS,
    MAX_TEASER_BULLETS,
    Article,
    ArticleEvent,
    ArticleRedirect,
    Byline,
    CrossLink,
    HomePage,
    HomePageHighlight,
    Section,
    TeaserBullet,
)

PLANNING_DAYS = 7
PLANNING_LATEST = 10

# Fieldset titles; inlines name the fieldset they follow, so the form reads like the page.
HEADLINE, IMAGE, LEAD, BODY, META = (
    _("Kicker and headline"),
    _("Hero image"),
    _("Lead"),
    _("Body"),
    _("Section, tags and publication"),
)


class ArticlePartInline(admin.TabularInline):
    """Bylines, bullets and links are parts of the article: who may edit it may edit them."""

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("articles.view_article") or self.has_change_permission(
            request, obj
        )

    def has_add_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return request.user.has_perm("articles.add_article")
        return workflow.can_edit(obj, request.user)

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)


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
    fields = ["position", "target"]
    extra = 1
    verbose_name = _("Link")
    verbose_name_plural = _("Read also:")
    after_fieldset = LEAD


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


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


def _bulk_transition(name):
    """A change-list action making transition ``name`` on each selected article."""
    transition = workflow.TRANSITIONS[name]

    @admin.action(description=transition.label)
    def action(modeladmin, request, queryset):
        done = 0
        for article in queryset:
            try:
                workflow.perform(article, name, request.user)
                done += 1
            except PermissionDenied:
                modeladmin.message_user(
                    request,
                    _("You may not do “%(action)s” on “%(title)s”.")
                    % {"action": transition.label, "title": article},
                    messages.ERROR,
                )
            except ValidationError as error:
                modeladmin.message_user(request, " ".join(error.messages), messages.ERROR)
        if done:
            modeladmin.message_user(
                request,
                _("“%(action)s”: %(count)d article(s).")
                % {"action": transition.label, "count": done},
                messages.SUCCESS,
            )

    action.__name__ = f"transition_{name}"
    return action


@admin.register(Article)
class ArticleAdmin(VersionAdmin):
    form = ArticleAdminForm
    change_form_template = "admin/articles/article/change_form.html"
    change_list_template = "admin/articles/article/change_list.html"
    object_history_template = "admin/articles/article/object_history.html"
    inlines = [BylineInline, TeaserBulletInline, CrossLinkInline, ArticleEventInline]
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
                    "tags",
                    "status",
                    "published_at",
                    "depublish_at",
                    "material_update",
                    "updated_at",
                    "correction_note",
                    "first_published_at",
                ]
            },
        ),
    ]
    autocomplete_fields = ["hero_image"]
    formfield_overrides = {
        models.DateTimeField: {"form_class": LocalSplitDateTimeField, "widget": AdminSplitDateTime}
    }
    list_display = ["title", "section", "authors", "status", "published_at", "modified_at"]
    list_filter = [
        "status",
        "section",
        ("bylines__author", admin.RelatedOnlyFieldListFilter),
        "published_at",
    ]
    list_select_related = ["section"]
    date_hierarchy = "published_at"
    search_fields = ["headline", "kicker", "lead"]
    save_on_top = True
    actions = [_bulk_transition(name) for name in ("submit", "schedule", "publish", "withdraw")]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(Prefetch("bylines", queryset=Byline.objects.select_related("author")))
        )

    def get_readonly_fields(self, request, obj=None):
        # The state changes only through the workflow's actions, never by typing it.
        fields = ["hero_image_preview", "status", "first_published_at"]
        if not request.user.has_perm(workflow.PUBLISH_PERMISSION):
            fields += ["published_at", "depublish_at"]
        if getattr(request, "kept_workflow_state", None):
            # Restoring brings back content; state and times stay as they are now.
            fields += [name for name in revisions.WORKFLOW_FIELDS if name not in fields]
        return fields

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        for name, value in (getattr(request, "kept_workflow_state", None) or {}).items():
            setattr(obj, name, value)
        return obj

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if getattr(request, "kept_workflow_state", None):
            form = type(form.__name__, (form,), {"check_edit_version": False})
        return form

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request)
        return workflow.can_edit(obj, request.user)

    def has_delete_permission(self, request, obj=None):
        if not super().has_delete_permission(request, obj):
            return False
        return obj is None or workflow.can_edit(obj, request.user)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.modified_by = request.user
        if form.cleaned_data.get("material_update") and obj.first_published_at:
            obj.updated_at = timezone.now()
        old = Article.objects.filter(pk=obj.pk).values("published_at", "depublish_at").first()
        super().save_model(request, obj, form, change)
        if not change:
            ArticleEvent.objects.create(
                article=obj,
                user=request.user,
                action=ArticleEvent.Action.CREATED,
                new_value=obj.status,
            )
        for field in ("published_at", "depublish_at", "updated_at"):
            value = getattr(obj, field)
            if value and field in form.changed_data and is_ambiguous(value):
                self.message_user(
                    request,
                    _(
                        "%(time)s exists twice on that day (end of daylight saving time); "
                        "it was read as %(time)s %(offset)s, the first of the two."
                    )
                    % {
                        "time": timezone.localtime(value).strftime("%d.%m.%Y %H:%M"),
                        "offset": timezone.localtime(value).strftime("UTC%z"),
                    },
                    messages.WARNING,
                )
        for field in ("published_at", "depublish_at") if old else ():
            before, after = old[field], getattr(obj, field)
            if field in form.changed_data and before != after:
                ArticleEvent.objects.create(
                    article=obj,
                    user=request.user,
                    action=ArticleEvent.Action.SCHEDULE_CHANGED,
                    old_value=f"{field}: {_local(before)}",
                    new_value=f"{field}: {_local(after)}",
                )

    def get_deleted_objects(self, objs, request):
        # The audit trail goes with its article; nobody deletes events on their own.
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        perms_needed.discard(ArticleEvent._meta.verbose_name)
        return deleted, counts, perms_needed, protected

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """Restore an earlier revision: its content, not its workflow state; audited."""
        if not object_id.isdigit():
            raise Http404
        article = get_object_or_404(Article, pk=object_id)
        # Only a version of this very article (reversion itself looks up by id alone).
        get_object_or_404(
            Version.objects.get_for_object_reference(Article, object_id), pk=version_id
        )
        # Decided on the article as it is, before the old version is put back.
        if request.method == "POST" and not workflow.can_edit(article, request.user):
            raise PermissionDenied
        request.kept_workflow_state = {
            name: getattr(article, name) for name in revisions.WORKFLOW_FIELDS
        }
        response = super().revision_view(request, object_id, version_id, extra_context)
        if request.method == "POST" and response.status_code == 302:
            version = Version.objects.get(pk=version_id)
            ArticleEvent.objects.create(
                article=article,
                user=request.user,
                action=ArticleEvent.Action.RESTORED,
                old_value="",
                new_value=_local(version.revision.date_created),
            )
        return response

    def changelist_view(self, request, extra_context=None):
        can_recover = request.user.has_perm(workflow.PUBLISH_PERMISSION)
        return super().changelist_view(
            request, {"can_recover": can_recover, **(extra_context or {})}
        )

    def recoverlist_view(self, request, extra_context=None):
        # A recovered article comes back in its old state, so only the desk may.
        if not request.user.has_perm(workflow.PUBLISH_PERMISSION):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not request.user.has_perm(workflow.PUBLISH_PERMISSION):
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)

    def compare_view(self, request, object_id):
        """A readable diff between two revisions (?from=<version id>&to=<version id>)."""
        article = get_object_or_404(Article, pk=object_id)
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        versions = Version.objects.get_for_object(article).select_related("revision__user")
        try:
            older = versions.get(pk=int(request.GET["from"]))
            newer = versions.get(pk=int(request.GET["to"]))
        except (KeyError, ValueError, Version.DoesNotExist):
            self.message_user(request, _("Choose two versions to compare."), messages.ERROR)
            return HttpResponseRedirect(
                reverse("admin:articles_article_history", args=[article.pk])
            )
        if older.revision.date_created > newer.revision.date_created:
            older, newer = newer, older
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": article,
            "title": _("Compare versions"),
            "older": older,
            "newer": newer,
            "changes": revisions.compare(revisions.snapshot(older), revisions.snapshot(newer)),
        }
        return TemplateResponse(request, "admin/articles/article/compare.html", context)

    def history_view(self, request, object_id, extra_context=None):
        versions = []
        if object_id.isdigit():
            versions = Version.objects.get_for_object_reference(Article, object_id).select_related(
                "revision__user"
            )
        return super().history_view(
            request, object_id, {"versions": versions, **(extra_context or {})}
        )

    def get_urls(self):
        view = self.admin_site.admin_view(require_POST(self.transition_view))
        return [
            path(
                "<int:object_id>/history/compare/",
                self.admin_site.admin_view(self.compare_view),
                name="articles_article_compare",
            ),
            path(
                "planning/",
                self.admin_site.admin_view(self.planning_view),
                name="articles_article_planning",
            ),
            path(
                "<int:object_id>/transition/<slug:name>/",
                view,
                name="articles_article_transition",
            ),
            *super().get_urls(),
        ]

    def transition_view(self, request, object_id, name):
        article = get_object_or_404(Article, pk=object_id)
        if name not in workflow.TRANSITIONS:
            raise Http404
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        try:
            transition = workflow.perform(
                article, name, request.user, request.POST.get("comment", "")
            )
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            article.refresh_from_db()
            self.message_user(
                request,
                _("“%(title)s”: %(action)s. Status: %(status)s.")
                % {
                    "title": article,
                    "action": transition.label,
                    "status": article.get_status_display(),
                },
                messages.SUCCESS,
            )
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))

    def planning_view(self, request):
        """ "Planung": the coming days' scheduled articles by day, and the latest published."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        days = PLANNING_DAYS
        now = timezone.now()
        with_bylines = Article.objects.select_related("section", "hero_image").prefetch_related(
            Prefetch("bylines", queryset=Byline.objects.select_related("author"))
        )
        upcoming = with_bylines.filter(
            status=Article.Status.SCHEDULED,
            published_at__gt=now,
            published_at__lte=now + timedelta(days=days),
        ).order_by("published_at")
        by_day = {}
        for article in upcoming:
            by_day.setdefault(timezone.localdate(article.published_at), []).append(article)
        latest = with_bylines.public().order_by("-published_at")[:PLANNING_LATEST]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Planning"),
            "days": days,
            "by_day": sorted(by_day.items()),
            "latest": latest,
            "review": with_bylines.filter(status=Article.Status.REVIEW).order_by("-modified_at"),
        }
        return TemplateResponse(request, "admin/articles/article/planning.html", context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["transitions"] = workflow.available(obj, request.user) if obj else []
        context["others_editing"] = presence.others_editing(obj, request.user) if obj else []
        if obj and not obj.is_public:
            context["preview_url"] = reverse("articles:preview", args=[obj.pk])
            context["shared_preview_url"] = request.build_absolute_uri(preview.make_link(obj))
            context["shared_preview_hours"] = settings.NEWSROOM_PREVIEW_MAX_AGE // 3600
        return super().render_change_form(request, context, add, change, form_url, obj)

    @admin.display(description=_("Title"), ordering="headline")
    def title(self, obj):
        return obj.title

    @admin.display(description=_("Authors"))
    def authors(self, obj):
        return obj.author_names

    @admin.display(description=_("Preview"))
    def hero_image_preview(self, obj):
        return thumbnail(obj.hero_image, size=240)

    def view_on_site(self, obj):
        # Only public articles have a page; drafts and future ones would be a 404.
        return obj.get_absolute_url() if obj.is_public else None


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


class HomePageHighlightInline(admin.TabularInline):
    """The highlights are part of the home page: who may curate it may edit them."""

    model = HomePageHighlight
    formset = HomePageHighlightFormSet
    autocomplete_fields = ["article"]
    fields = ["position", "article"]
    extra = 1
    max_num = MAX_HOME_HIGHLIGHTS + 2  # room to type; the formset says clearly when it's > 4

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("articles.view_homepage") or self.has_change_permission(
            request, obj
        )

    def has_add_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return request.user.has_perm("articles.change_homepage")

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)


@admin.register(HomePage)
class HomePageAdmin(admin.ModelAdmin):
    """One page, "Startseite": the lead story and the highlighted articles, in order."""

    inlines = [HomePageHighlightInline]
    autocomplete_fields = ["lead"]
    fields = ["lead", "modified_by", "modified_at"]
    readonly_fields = ["modified_by", "modified_at"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        home_page = HomePage.load()
        return HttpResponseRedirect(reverse("admin:articles_homepage_change", args=[home_page.pk]))

    def save_model(self, request, obj, form, change):
        obj.modified_by = request.user
        super().save_model(request, obj, form, change)

    def response_change(self, request, obj):
        if "_continue" in request.POST:
            return super().response_change(request, obj)
        self.message_user(request, _("The home page was saved."), messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:articles_homepage_change", args=[obj.pk]))


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


def _local(value):
    return timezone.localtime(value).strftime("%d.%m.%Y %H:%M %Z") if value else "–"
