"""Admin forms and inline formsets that carry the article's editorial rules."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from taggit.forms import TagWidget
from taggit.models import Tag

from .models import MAX_TEASER_BULLETS, Article


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


class ArticleAdminForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = "__all__"  # noqa: DJ007 - the admin's fieldsets choose what is shown
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
        changed = []
        for number, (_position, _index, instance) in enumerate(sorted(kept), start=1):
            if instance.position != number:
                instance.position = number
                changed.append(instance)
        if changed:
            self.model.objects.bulk_update(changed, ["position"])


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
        if count == 0 and self.instance.status == Article.Status.PUBLISHED:
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
        if not authors and self.instance.status == Article.Status.PUBLISHED:
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
