"""The compact entry form (on the ticker's admin page) and the ticker's own form."""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AdminSplitDateTime, AutocompleteSelect
from django.utils.translation import gettext_lazy as _

from articles.forms import BodyEditorWidget
from core.forms import LocalSplitDateTimeField

from .models import Entry, Ticker


class EntryForm(forms.ModelForm):
    """One entry in one step: text (the article body's editor and sanitizer), and optionally
    a short title, a picture from the library, an embed, the author, pinned, key event."""

    embed_url = forms.URLField(
        label=Entry._meta.get_field("embed_url").verbose_name,
        help_text=Entry._meta.get_field("embed_url").help_text,
        required=False,
        max_length=500,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"class": "vLargeTextField"}),
    )

    class Meta:
        model = Entry
        fields = ["title", "body", "image", "embed_url", "author", "pinned", "key_event"]
        help_texts = {"author": _("Empty: your own byline, if you have one.")}
        widgets = {
            "title": forms.TextInput(attrs={"class": "vLargeTextField"}),
            "body": BodyEditorWidget(attrs={"rows": 6}),
            **{
                name: AutocompleteSelect(Entry._meta.get_field(name), admin.site)
                for name in ("image", "author")
            },
        }

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("key_event") and not cleaned.get("title"):
            self.add_error("title", _("A key event needs a short title: it is listed at the top."))
        return cleaned


class EntryChangeForm(EntryForm):
    """Correcting an entry: its time can be set as well."""

    published_at = LocalSplitDateTimeField(label=_("Time"), widget=AdminSplitDateTime)

    class Meta(EntryForm.Meta):
        fields = ["published_at", *EntryForm.Meta.fields]
        help_texts = {}


class TickerForm(forms.ModelForm):
    started_at = LocalSplitDateTimeField(label=_("Start"), widget=AdminSplitDateTime)
    ended_at = LocalSplitDateTimeField(
        label=_("End"),
        required=False,
        widget=AdminSplitDateTime,
        help_text=_("Leave empty while the ticker runs; readers then see that it has ended."),
    )

    class Meta:
        model = Ticker
        fields = ["article", "started_at", "ended_at"]
