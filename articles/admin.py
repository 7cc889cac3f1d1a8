from django.contrib import admin
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from images.admin import thumbnail

from .forms import ArticleAdminForm, BylineFormSet, CrossLinkFormSet, TeaserBulletFormSet
from .models import MAX_TEASER_BULLETS, Article, Byline, CrossLink, Section, TeaserBullet

# Fieldset titles; inlines name the fieldset they follow, so the form reads like the page.
HEADLINE, IMAGE, LEAD, BODY, META = (
    _("Kicker and headline"),
    _("Hero image"),
    _("Lead"),
    _("Body"),
    _("Section, tags and publication"),
)


class BylineInline(admin.TabularInline):
    model = Byline
    formset = BylineFormSet
    autocomplete_fields = ["author"]
    fields = ["position", "author", "role"]
    extra = 1
    after_fieldset = IMAGE


class TeaserBulletInline(admin.TabularInline):
    model = TeaserBullet
    formset = TeaserBulletFormSet
    fields = ["position", "text"]
    extra = 3
    max_num = MAX_TEASER_BULLETS + 5  # room to type; the formset says clearly when it's > 5
    after_fieldset = IMAGE


class CrossLinkInline(admin.TabularInline):
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


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleAdminForm
    change_form_template = "admin/articles/article/change_form.html"
    inlines = [BylineInline, TeaserBulletInline, CrossLinkInline]
    fieldsets = [
        (HEADLINE, {"fields": ["kicker", "headline", "slug"]}),
        (IMAGE, {"fields": ["hero_image", "hero_image_preview", "hero_caption"]}),
        (LEAD, {"fields": ["lead"]}),
        (BODY, {"fields": ["body"]}),
        (META, {"fields": ["section", "tags", "status", "published_at", "updated_at"]}),
    ]
    autocomplete_fields = ["hero_image"]
    readonly_fields = ["hero_image_preview"]
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

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(Prefetch("bylines", queryset=Byline.objects.select_related("author")))
        )

    @admin.display(description=_("Title"), ordering="headline")
    def title(self, obj):
        return obj.title

    @admin.display(description=_("Authors"))
    def authors(self, obj):
        return ", ".join(byline.author.name for byline in obj.bylines.all())

    @admin.display(description=_("Preview"))
    def hero_image_preview(self, obj):
        return thumbnail(obj.hero_image, size=240)

    def view_on_site(self, obj):
        # Only public articles have a page; drafts and future ones would be a 404.
        return obj.get_absolute_url() if obj.is_public else None
