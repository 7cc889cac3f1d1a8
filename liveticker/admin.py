"""The ticker's admin page: its times, the compact form that posts an entry in one step,
and the entries with links to correct or remove each. Entries are corrected and removed
with the admin's own change and delete pages (not listed on the index)."""

from csp.constants import NONCE
from csp.decorators import csp_update
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from js_asset import Media

from . import posting
from .forms import EntryChangeForm, EntryForm, TickerForm
from .models import Entry, Ticker


class ArticleRights:
    """Who may change the article may change its ticker and entries; whoever may see
    articles sees them."""

    def article_of(self, obj):
        raise NotImplementedError

    def has_module_permission(self, request):
        return request.user.has_perm("articles.view_article")

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("articles.view_article") or self.has_change_permission(
            request, obj
        )

    def has_add_permission(self, request):
        return request.user.has_perm("articles.change_article")

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return request.user.has_perm("articles.change_article")
        return posting.may_post(self.article_of(obj), request.user)

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)


@admin.register(Ticker)
class TickerAdmin(ArticleRights, admin.ModelAdmin):
    form = TickerForm
    fields = ["article", "started_at", "ended_at"]
    change_form_template = "admin/liveticker/ticker/change_form.html"
    list_display = ["article", "started_at", "ended_at", "is_live"]
    list_select_related = ["article"]
    autocomplete_fields = ["article"]
    search_fields = ["article__headline", "article__kicker"]
    date_hierarchy = "started_at"

    def article_of(self, obj):
        return obj.article

    def get_readonly_fields(self, request, obj=None):
        return ["article"] if obj else []

    @admin.display(description=_("Running"), boolean=True)
    def is_live(self, obj):
        return obj.is_running()

    def save_model(self, request, obj, form, change):
        if not change:
            posting.start(obj.article, request.user, at=obj.started_at, ended_at=obj.ended_at)
            return
        before = {name: form.initial.get(name) for name in ("started_at", "ended_at")}
        posting.save_times(obj, request.user, before=before)

    def delete_model(self, request, obj):
        posting.delete_ticker(obj, request.user)

    def delete_queryset(self, request, queryset):
        for ticker in queryset.select_related("article"):
            posting.delete_ticker(ticker, request.user)

    def get_urls(self):
        return [
            path(
                "<int:object_id>/eintrag/",
                self.admin_site.admin_view(require_POST(self.post_entry_view)),
                name="liveticker_ticker_post_entry",
            ),
            path(
                "<int:object_id>/beenden/",
                self.admin_site.admin_view(require_POST(self.end_view)),
                name="liveticker_ticker_end",
            ),
            *super().get_urls(),
        ]

    # The body editor's import map is an inline script: it carries this page's nonce.
    @method_decorator(csp_update({"script-src": [NONCE]}))
    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        return super().changeform_view(request, object_id, form_url, extra_context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            may_post = posting.may_post(obj.article, request.user)
            entry_form = context.get("entry_form") or (EntryForm() if may_post else None)
            context.update(
                {
                    "entry_form": entry_form,
                    "may_post": may_post,
                    "entries": obj.entries.select_related("author", "created_by"),
                }
            )
            if entry_form is not None:
                context["media"] = context["media"] + entry_form.media
        context["media"] = Media.from_media(context["media"], nonce=request.csp_nonce)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def post_entry_view(self, request, object_id):
        """The compact form: the entry is online when the page comes back. A form with
        errors comes back with them and everything typed."""
        ticker = get_object_or_404(Ticker.objects.select_related("article"), pk=object_id)
        if not posting.may_post(ticker.article, request.user):
            raise PermissionDenied
        form = EntryForm(request.POST)
        if form.is_valid():
            fields = {name: form.cleaned_data[name] for name in EntryForm.Meta.fields}
            if fields["author"] is None:
                fields.pop("author")  # the poster's own author, if they have one
            posting.add_entry(ticker, request.user, **fields)
            self.message_user(request, _("The entry is online."), messages.SUCCESS)
            return HttpResponseRedirect(reverse("admin:liveticker_ticker_change", args=[ticker.pk]))
        # Shown on the ticker's page again, with the errors (a GET of it: the ticker's own
        # form is not what was sent).
        request.method = "GET"
        return self.changeform_view(request, str(ticker.pk), extra_context={"entry_form": form})

    def end_view(self, request, object_id):
        ticker = get_object_or_404(Ticker.objects.select_related("article"), pk=object_id)
        posting.end(ticker, request.user)  # PermissionDenied: 403
        self.message_user(request, _("The live ticker has ended."), messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:liveticker_ticker_change", args=[ticker.pk]))


@admin.register(Entry)
class EntryAdmin(ArticleRights, admin.ModelAdmin):
    form = EntryChangeForm
    list_display = ["__str__", "ticker", "published_at", "author"]
    list_select_related = ["ticker__article", "author"]
    autocomplete_fields = ["image", "author"]

    def article_of(self, obj):
        return obj.ticker.article

    def has_module_permission(self, request):
        return False  # reached from the ticker's page

    def has_add_permission(self, request):
        return False  # posted with the ticker's compact form

    @method_decorator(csp_update({"script-src": [NONCE]}))
    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        return super().changeform_view(request, object_id, form_url, extra_context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["media"] = Media.from_media(context["media"], nonce=request.csp_nonce)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        before = Entry.objects.get(pk=obj.pk)
        posting.change_entry(obj, request.user, before=posting.summary(before))

    def delete_model(self, request, obj):
        posting.remove_entry(obj, request.user)

    def delete_queryset(self, request, queryset):
        for entry in queryset.select_related("ticker__article"):
            posting.remove_entry(entry, request.user)

    def _back_to_ticker(self, obj):
        return HttpResponseRedirect(
            reverse("admin:liveticker_ticker_change", args=[obj.ticker_id]) + "#entries"
        )

    def response_change(self, request, obj):
        if "_continue" in request.POST:
            return super().response_change(request, obj)
        self.message_user(request, _("The entry has been corrected."), messages.SUCCESS)
        return self._back_to_ticker(obj)

    def response_delete(self, request, obj_display, obj_id):
        self.message_user(request, _("The entry has been removed."), messages.SUCCESS)
        ticker_id = request.liveticker_ticker_id
        return HttpResponseRedirect(
            reverse("admin:liveticker_ticker_change", args=[ticker_id]) + "#entries"
        )

    def delete_view(self, request, object_id, extra_context=None):
        entry = self.get_object(request, object_id)
        # The entry is gone when the answer is made: remember whose it was.
        request.liveticker_ticker_id = entry.ticker_id if entry else None
        return super().delete_view(request, object_id, extra_context)
