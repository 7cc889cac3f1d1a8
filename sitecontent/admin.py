from django import forms
from django.contrib import admin
from django.db import models
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.admin import PartInline
from core.forms import OrderedInlineFormSet

from .models import SiteSettings, SocialAccount


class SocialAccountInline(PartInline):
    """The accounts are part of the settings: who may edit the settings may edit them."""

    model = SocialAccount
    formset = OrderedInlineFormSet
    fields = ["position", "network", "url"]
    extra = 1
    # An address typed without a scheme ("mastodon.social/@x") is read as https.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    parent_view_permission = "sitecontent.view_sitesettings"

    def may_edit_parent(self, request, obj):
        codename = "change" if obj is not None else "add"
        return request.user.has_perm(f"sitecontent.{codename}_sitesettings")


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin):
    """One page, "Website-Einstellungen": the list goes straight to it."""

    inlines = [SocialAccountInline]
    autocomplete_fields = ["logo", "social_image"]
    widgets = {
        "description": forms.Textarea(attrs={"rows": 3, "class": "vLargeTextField"}),
        "follow_box": forms.Textarea(attrs={"rows": 4, "class": "vLargeTextField"}),
        "imprint_url": forms.TextInput(attrs={"class": "vURLField"}),
        "privacy_url": forms.TextInput(attrs={"class": "vURLField"}),
    }
    fieldsets = [
        (None, {"fields": ["site_name", "description"]}),
        (_("End of every article"), {"fields": ["follow_box", "publication_code"]}),
        (_("Legal and contact"), {"fields": ["imprint_url", "privacy_url", "contact_email"]}),
        (_("Search engines and social networks"), {"fields": ["logo", "social_image"]}),
    ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        return super().get_form(request, obj, change, widgets=self.widgets, **kwargs)

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not SiteSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        saved = SiteSettings.objects.filter(pk=SiteSettings.SINGLETON_PK).exists()
        if saved and self.has_view_or_change_permission(request):
            return HttpResponseRedirect(
                reverse("admin:sitecontent_sitesettings_change", args=[SiteSettings.SINGLETON_PK])
            )
        if not saved and self.has_add_permission(request):
            return HttpResponseRedirect(reverse("admin:sitecontent_sitesettings_add"))
        # Anyone else gets the admin's own answer (403 without permission).
        return super().changelist_view(request, extra_context)

    def response_add(self, request, obj, post_url_continue=None):
        return self._stay(request, obj) or super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        return self._stay(request, obj) or super().response_change(request, obj)

    def render_change_form(self, request, context, *args, **kwargs):
        # There is only one: "save and add another" would lead nowhere.
        context["show_save_and_add_another"] = False
        return super().render_change_form(request, context, *args, **kwargs)

    def _stay(self, request, obj):
        """After saving, show the page again: there is no list to go back to."""
        if "_continue" in request.POST:
            return None
        self.message_user(request, _("The website settings were saved."))
        return HttpResponseRedirect(reverse("admin:sitecontent_sitesettings_change", args=[obj.pk]))
