"""Form pieces every app's admin uses: ordered inline rows, times entered in Berlin with DST
made explicit, and text areas that do not take line endings for a change."""

from datetime import UTC, datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import dates


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
                    "time": dates.german_time(clock),
                    "date": dates.german_date(day),
                    "zone": zone,
                },
            )
        return aware


class MultilineTextField(forms.CharField):
    """Text from a <textarea>: browsers send CRLF line breaks; store and compare LF only,
    so an untouched text is not taken for a change."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n") if value else value


def live_forms(formset):
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
                # A real save (not bulk_update), so that revisions and signals see it.
                instance.save(update_fields=["position"])


class UniqueRowsFormSet(OrderedInlineFormSet):
    """Ordered rows that name something at most once (an author, a linked article): a
    duplicate is reported by ``clean()`` with ``duplicate_message``, in words an editor
    understands, rather than by the database's constraint."""

    unique_field = None
    duplicate_message = ""

    def validate_unique(self):
        """Duplicates are reported by clean()."""

    def chosen(self):
        """The objects the rows to be saved name, in order (empty rows left out)."""
        values = [form.cleaned_data.get(self.unique_field) for form in live_forms(self)]
        return [value for value in values if value]

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        chosen = self.chosen()
        if len(chosen) != len(set(chosen)):
            raise ValidationError(self.duplicate_message)
