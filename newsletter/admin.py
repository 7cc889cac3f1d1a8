"""The desk's newsletter admin: newsletters, editions (compose, preview, test send) and
the subscribers and deliveries (what was sent to whom), read-only."""

import datetime

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from core import dates
from core.addresses import offline_url
from core.admin import PartInline

from . import editions, sending
from .models import WEEKDAYS, Delivery, Edition, EditionItem, Newsletter, Subscriber


class NewsletterForm(forms.ModelForm):
    weekdays = forms.MultipleChoiceField(
        label=_("weekdays"), choices=WEEKDAYS, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Newsletter
        fields = [
            "name",
            "description",
            "active",
            "send_time",
            "weekdays",
            "max_items",
            "default_intro",
            "sender_name",
            "sender_email",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["weekdays"] = list(self.instance.weekdays if self.instance.pk else "0123456")

    def clean_weekdays(self):
        return "".join(sorted(self.cleaned_data["weekdays"]))


@admin.register(Newsletter)
class NewsletterAdmin(admin.ModelAdmin):
    form = NewsletterForm
    list_display = ["name", "send_time", "days", "active"]
    fields = [
        "name",
        "description",
        "active",
        "send_time",
        "weekdays",
        "max_items",
        "default_intro",
        "sender_name",
        "sender_email",
    ]

    @admin.display(description=_("weekdays"))
    def days(self, obj):
        return ", ".join(str(label)[:2] for value, label in WEEKDAYS if value in obj.weekdays)


class EditionItemInline(PartInline):
    model = EditionItem
    autocomplete_fields = ["article"]
    fields = ["position", "article"]
    extra = 0
    parent_view_permission = "newsletter.view_edition"

    def may_edit_parent(self, request, obj):
        editable = obj is None or obj.status in EditionAdmin.EDITABLE
        return editable and request.user.has_perm("newsletter.change_edition")


class EditionForm(forms.ModelForm):
    class Meta:
        model = Edition
        fields = ["newsletter", "subject", "send_at", "status", "intro"]
        help_texts = {
            "intro": _("A few sentences above the articles. Paragraphs: an empty line."),
            "status": _("Scheduled editions go out at their time; drafts are never sent."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "status" in self.fields:
            self.fields["status"].choices = [
                choice for choice in Edition.Status.choices if choice[0] in EditionAdmin.EDITABLE
            ]


@admin.register(Edition)
class EditionAdmin(admin.ModelAdmin):
    EDITABLE = (Edition.Status.DRAFT, Edition.Status.SCHEDULED)

    form = EditionForm
    inlines = [EditionItemInline]
    list_display = ["subject", "newsletter", "when", "status", "sent_count"]
    list_filter = ["newsletter", "status"]
    list_select_related = ["newsletter"]
    date_hierarchy = "send_at"
    readonly_fields = ["progress"]
    change_form_template = "admin/newsletter/edition/change_form.html"

    def get_fields(self, request, obj=None):
        fields = ["newsletter", "subject", "send_at", "status", "intro"]
        return [*fields, "progress"] if obj else fields

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.status not in self.EDITABLE:
            return [*self.get_fields(request, obj)]
        return self.readonly_fields

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        newsletter = Newsletter.objects.filter(active=True).first()
        if newsletter is not None and "newsletter" not in initial:
            send_at = next_slot(newsletter)
            initial.update(
                newsletter=newsletter.pk,
                send_at=send_at,
                subject=editions.default_subject(newsletter, send_at),
                intro=newsletter.default_intro,
            )
        return initial

    @admin.display(description=_("send at"), ordering="send_at")
    def when(self, obj):
        return dates.german_datetime(obj.send_at)

    def get_queryset(self, request):
        sent = Count("deliveries", filter=Q(deliveries__status=Delivery.Status.SENT))
        return super().get_queryset(request).annotate(sent=sent)

    @admin.display(description=_("sent"))
    def sent_count(self, obj):
        return "–" if obj.status in self.EDITABLE else obj.sent

    @admin.display(description=_("delivery"))
    def progress(self, obj):
        counts = sending.delivery_counts(obj)
        if not counts:
            return _("Not sent yet.")
        labels = dict(Delivery.Status.choices)
        url = reverse("admin:newsletter_delivery_changelist") + f"?edition__id__exact={obj.pk}"
        return format_html(
            "{} <a href='{}'>{}</a>",
            format_html_join(", ", "{}: {}", ((labels[s], n) for s, n in counts.items())),
            url,
            _("Show deliveries"),
        )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        edition = form.instance
        if not edition.items.exists():
            editions.fill_from_home_page(edition)
            self.message_user(
                request,
                _("The edition had no articles; it now has the home page's top stories."),
                messages.INFO,
            )

    def get_urls(self):
        own = [
            path(
                "<int:pk>/vorschau/",
                self.admin_site.admin_view(self.preview_view),
                name="newsletter_edition_preview",
            ),
            path(
                "<int:pk>/test/",
                self.admin_site.admin_view(require_POST(self.test_send_view)),
                name="newsletter_edition_test",
            ),
        ]
        return own + super().get_urls()

    def _edition(self, request, pk):
        edition = get_object_or_404(Edition.objects.select_related("newsletter"), pk=pk)
        if not self.has_view_or_change_permission(request, edition):
            raise PermissionDenied
        return edition

    def preview_view(self, request, pk):
        """The HTML mail exactly as a reader gets it (with a placeholder unsubscribe link)."""
        edition = self._edition(request, pk)
        html, _text = editions.render_edition(edition).for_reader(
            offline_url(reverse("newsletter:unsubscribe", args=["vorschau"]))
        )
        response = HttpResponse(html)
        # The pictures come from the site's address, which may differ from the admin's.
        response._csp_update = {"img-src": [offline_url("/").rstrip("/") or "'self'"]}
        return response

    def test_send_view(self, request, pk):
        edition = self._edition(request, pk)
        change_url = reverse("admin:newsletter_edition_change", args=[pk])
        if not request.user.email:
            self.message_user(
                request, _("Your account has no email address to send the test to."), messages.ERROR
            )
            return HttpResponseRedirect(change_url)
        try:
            sending.send_test(edition, request.user.email)
        except Exception as error:
            self.message_user(
                request,
                _("The test could not be sent: %(error)s") % {"error": error},
                messages.ERROR,
            )
        else:
            self.message_user(
                request,
                _("Test sent to %(email)s.") % {"email": request.user.email},
                messages.SUCCESS,
            )
        return HttpResponseRedirect(change_url)


def next_slot(newsletter, now=None):
    """The newsletter's next send time from now (within a week), else tomorrow at its time."""
    now = now or timezone.now()
    today = dates.local_date(now)
    for offset in range(8):
        day = today + datetime.timedelta(days=offset)
        slot = newsletter.slot_on(day)
        if slot is not None and slot > now:
            return slot
    return dates.local_moment(today + datetime.timedelta(days=1), newsletter.send_time)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Subscriber)
class SubscriberAdmin(ReadOnlyAdmin):
    list_display = ["email", "newsletter", "status", "requested", "consent", "left"]
    list_filter = ["status", "newsletter"]
    list_select_related = ["newsletter"]
    search_fields = ["email"]
    fields = [
        "email",
        "newsletter",
        "status",
        "requested_at",
        "consent_at",
        "consent_text",
        "unsubscribed_at",
    ]
    actions = ["unsubscribe"]

    @admin.display(description=_("signed up at"), ordering="requested_at")
    def requested(self, obj):
        return dates.german_datetime(obj.requested_at)

    @admin.display(description=_("consent given at"), ordering="consent_at")
    def consent(self, obj):
        return dates.german_datetime(obj.consent_at)

    @admin.display(description=_("unsubscribed at"), ordering="unsubscribed_at")
    def left(self, obj):
        return dates.german_datetime(obj.unsubscribed_at)

    @admin.action(description=_("Unsubscribe the selected addresses"), permissions=["delete"])
    def unsubscribe(self, request, queryset):
        count = queryset.exclude(status=Subscriber.Status.UNSUBSCRIBED).update(
            status=Subscriber.Status.UNSUBSCRIBED, unsubscribed_at=timezone.now()
        )
        self.message_user(
            request, _("Unsubscribed: %(count)d") % {"count": count}, messages.SUCCESS
        )


@admin.register(Delivery)
class DeliveryAdmin(ReadOnlyAdmin):
    list_display = ["email", "edition", "status", "sent", "error"]
    list_filter = ["status", "edition"]
    list_select_related = ["edition__newsletter"]
    search_fields = ["email"]
    fields = ["email", "edition", "status", "claimed_at", "sent_at", "error"]

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("sent at"), ordering="sent_at")
    def sent(self, obj):
        return dates.german_datetime(obj.sent_at)
