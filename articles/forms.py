"""Admin forms and inline formsets that carry the article's editorial rules."""

from datetime import UTC, datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from taggit.forms import TagWidget
from taggit.models import Tag

from .models import MAX_HOME_HIGHLIGHTS, MAX_TEASER_BULLETS, Article


class TagAutocompleteWidget(TagWidget):
    """Taggit's comma-separated input, with the existing tags offered as suggestions.

    Works without JavaScript (free text, new tags are created on save); with it,
    ``tag-suggest.js`` completes the word being typed from the tags in the datalist.
    """

    template_name = "admin/articles/tag_widget.html"

    class Media:
        js = ["admin_extra/tag-suggest.js"]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["list"] = f"{context['widget']['attrs']['id']}-suggestions"
        context["widget"]["attrs"]["autocomplete"] = "off"
        context["tag_names"] = Tag.objects.order_by("name").values_list("name", flat=True)
        return context


class LocalSplitDateTimeField(forms.SplitDateTimeField):
    """The admin's date + time field, read in the site's time zone with DST made explicit.

    A local time that does not exist (the spring gap, 02:00-03:00 in Berlin) is refused
    with a message saying so. One that exists twice (the autumn overlap) is read as the
    first of the two, still summer time; the admin then says which offset it used.
    """

    def compress(self, data_list):
        if not data_list:
            return None
        day, clock = data_list
        if day in self.empty_values:
            raise ValidationError(self.error_messages["invalid_date"], code="invalid_date")
        if clock in self.empty_values:
            raise ValidationError(self.error_messages["invalid_time"], code="invalid_time")
        naive = datetime.combine(day, clock)
        zone = timezone.get_current_timezone()
        aware = naive.replace(tzinfo=zone)  # fold=0: the first of two, if ambiguous
        if aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != naive:
            raise ValidationError(
                _(
                    "%(time)s does not exist on %(date)s in %(zone)s: the clocks "
                    "jump forward for daylight saving time. Please choose another time."
                ),
                code="nonexistent_time",
                params={
                    "time": clock.strftime("%H:%M"),
                    "date": day.strftime("%d.%m.%Y"),
                    "zone": zone,
                },
            )
        return aware


def is_ambiguous(value):
    """Whether a local wall-clock time occurs twice (the autumn DST overlap)."""
    local = timezone.localtime(value)
    other = local.replace(fold=1 - local.fold)
    return local.utcoffset() != other.utcoffset()


class MultilineTextField(forms.CharField):
    """Text from a <textarea>: browsers send CRLF line breaks; store and compare LF only,
    so an untouched text is not taken for a change."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n") if value else value


class ArticleAdminForm(forms.ModelForm):
    """The article form, refusing a save that is based on an outdated version.

    ``edit_version`` carries the ``modified_at`` the editor started from. If someone
    saved the article since, the save is refused with who and when; everything typed
    stays in the form, and the version is moved on so that saving again overwrites.
    """

    edit_version = forms.CharField(widget=forms.HiddenInput, required=False)
    # Off while an older revision is being restored: that save is meant to overwrite.
    check_edit_version = True
    material_update = forms.BooleanField(
        label=_("Material update"),
        required=False,
        help_text=_(
            "Tick for a change in substance: the article then shows “Aktualisiert am …” "
            "with the time of this save. Leave it for typo fixes."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["edit_version"] = self.instance.modified_at.isoformat()

    def clean_hero_image(self):
        image = self.cleaned_data.get("hero_image")
        if image is not None and "hero_image" in self.changed_data and not image.is_usable:
            raise ValidationError(
                _("The rights to this picture ended on %(date)s; choose another one."),
                params={"date": image.usable_until.strftime("%d.%m.%Y")},
                code="image_expired",
            )
        return image

    def clean(self):
        cleaned_data = super().clean()
        if not self.instance.pk or not self.check_edit_version:
            return cleaned_data
        rows = Article.objects.filter(pk=self.instance.pk)
        if not transaction.get_autocommit():
            # Inside the admin's transaction: lock the row, so that of two saves arriving
            # at the same moment the second waits, then sees the first and is refused.
            rows = rows.select_for_update(of=("self",))
        current = rows.values(
            "modified_at",
            "modified_by__username",
            "modified_by__first_name",
            "modified_by__last_name",
        ).first()
        if current and cleaned_data.get("edit_version") != current["modified_at"].isoformat():
            name = (
                " ".join(
                    part
                    for part in (
                        current["modified_by__first_name"],
                        current["modified_by__last_name"],
                    )
                    if part
                )
                or current["modified_by__username"]
                or _("someone")
            )
            self.data = self.data.copy()
            self.data[self.add_prefix("edit_version")] = current["modified_at"].isoformat()
            raise ValidationError(
                _(
                    "%(name)s changed this article on %(time)s, after you opened it. Your "
                    "changes were not saved and are still in the form below: compare them "
                    "with the current version (open it in a new tab), then save again to "
                    "overwrite it."
                ),
                code="edit_conflict",
                params={
                    "name": name,
                    "time": timezone.localtime(current["modified_at"]).strftime(
                        "%d.%m.%Y %H:%M:%S"
                    ),
                },
            )
        return cleaned_data

    class Meta:
        model = Article
        fields = "__all__"  # noqa: DJ007 - the admin's fieldsets choose what is shown
        field_classes = {
            name: MultilineTextField for name in ("hero_caption", "lead", "body", "correction_note")
        }
        widgets = {
            "tags": TagAutocompleteWidget(attrs={"size": 80}),
            "lead": forms.Textarea(attrs={"rows": 4}),
            "hero_caption": forms.Textarea(attrs={"rows": 2}),
            "body": forms.Textarea(attrs={"rows": 24, "class": "vLargeTextField"}),
        }


def _live_forms(formset):
    """The forms of a formset that will be saved: filled in and not marked for deletion."""
    return [
        form
        for form in formset.forms
        if form.has_changed() or form.instance.pk
        if not (formset.can_delete and formset._should_delete_form(form))
    ]


class OrderedInlineFormSet(forms.BaseInlineFormSet):
    """Inline rows with a ``position``: new rows are numbered after the existing ones, and
    on save the rows are renumbered 1, 2, 3, ... in the order the editor gave them.

    Rows added in the browser come with position 0; they go to the end, in the order
    they were added.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        start = self.initial_form_count()
        self.initial_extra = [{"position": start + number + 1} for number in range(self.extra)]

    def save(self, commit=True):
        saved = super().save(commit)
        if commit:
            self._renumber()
        return saved

    def _renumber(self):
        deleted = set(self.deleted_forms) if self.can_delete else set()
        kept = [
            (form.cleaned_data.get("position") or 10**6, index, form.instance)
            for index, form in enumerate(self.forms)
            if form.instance.pk and form not in deleted
        ]
        for number, (_position, _index, instance) in enumerate(sorted(kept), start=1):
            if instance.position != number:
                instance.position = number
                # A real save (not bulk_update), so the article's revision sees it.
                instance.save(update_fields=["position"])


class TeaserBulletFormSet(OrderedInlineFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        count = len([form for form in _live_forms(self) if form.cleaned_data.get("text")])
        if count > MAX_TEASER_BULLETS:
            raise ValidationError(
                ngettext(
                    "An article has at most %(max)d teaser bullet; this one has %(count)d.",
                    "An article has at most %(max)d teaser bullets; this one has %(count)d.",
                    MAX_TEASER_BULLETS,
                )
                % {"max": MAX_TEASER_BULLETS, "count": count}
            )
        if count == 0 and self.instance.status in Article.LIVE_STATUSES:
            raise ValidationError(_("A published article needs at least one teaser bullet."))


class BylineFormSet(OrderedInlineFormSet):
    def validate_unique(self):
        """Duplicates are reported by clean(), in words an editor understands."""

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        authors = [form.cleaned_data.get("author") for form in _live_forms(self)]
        authors = [author for author in authors if author]
        if len(authors) != len(set(authors)):
            raise ValidationError(_("Each person may appear only once in the byline."))
        if not authors and self.instance.status in Article.LIVE_STATUSES:
            raise ValidationError(_("A published article needs at least one author."))


class CrossLinkFormSet(OrderedInlineFormSet):
    def validate_unique(self):
        """Duplicates are reported by clean(), in words an editor understands."""

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        targets = [form.cleaned_data.get("target") for form in _live_forms(self)]
        targets = [target for target in targets if target]
        if self.instance.pk and any(target.pk == self.instance.pk for target in targets):
            raise ValidationError(_("An article cannot link to itself."))
        if len(targets) != len(set(targets)):
            raise ValidationError(_("Each article may be linked only once."))


class HomePageHighlightFormSet(OrderedInlineFormSet):
    def validate_unique(self):
        """Duplicates are reported by clean(), in words an editor understands."""

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        articles = [form.cleaned_data.get("article") for form in _live_forms(self)]
        articles = [article for article in articles if article]
        if len(articles) > MAX_HOME_HIGHLIGHTS:
            raise ValidationError(
                ngettext(
                    "The home page highlights at most %(max)d article; you chose %(count)d.",
                    "The home page highlights at most %(max)d articles; you chose %(count)d.",
                    MAX_HOME_HIGHLIGHTS,
                )
                % {"max": MAX_HOME_HIGHLIGHTS, "count": len(articles)}
            )
        if len(articles) != len(set(articles)):
            raise ValidationError(_("Each article may be highlighted only once."))
        lead = self.instance.lead
        if lead is not None and lead in articles:
            raise ValidationError(
                _("“%(article)s” is already the lead story; highlight another article.")
                % {"article": lead}
            )
