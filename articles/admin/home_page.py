"""One page, "Startseite": the lead story and the highlighted articles, in order."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.admin import PartInline

from ..forms import HomePageHighlightFormSet
from ..models import MAX_HOME_HIGHLIGHTS, HomePage, HomePageHighlight


class HomePageHighlightInline(PartInline):
    model = HomePageHighlight
    formset = HomePageHighlightFormSet
    autocomplete_fields = ["article"]
    fields = ["position", "article"]
    extra = 1
    max_num = MAX_HOME_HIGHLIGHTS + 2  # room to type; the formset says clearly when it's > 4
    parent_view_permission = "articles.view_homepage"

    def may_edit_parent(self, request, obj):
        return request.user.has_perm("articles.change_homepage")


@admin.register(HomePage)
class HomePageAdmin(admin.ModelAdmin):
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
