"""Admin forms of the image library: safe uploads, several at once, reviewed before saving."""

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.utils.translation import gettext_lazy as _

from .models import Image, image_upload_to
from .validation import check_image_file, normalized_name

STAGED_SALT = "images.staged-upload"
# What an editor writes about a picture, in the order the forms show it.
DESCRIPTION_FIELDS = [
    "alt_text",
    "caption",
    "credit_line",
    "photographer",
    "copyright",
    "is_own",
    "usable_until",
    "usage_notes",
]
STAGED_MAX_AGE = 24 * 3600


class SafeImageField(forms.ImageField):
    """An ImageField that explains why a file is refused (see validation.py)."""

    def to_python(self, data):
        if data in self.empty_values:
            return None
        if hasattr(data, "seek"):
            fmt = check_image_file(data)
            data.name = normalized_name(data.name, fmt)
        return super().to_python(data)


class ImageAdminForm(forms.ModelForm):
    file = SafeImageField(label=_("File"))

    class Meta:
        model = Image
        fields = ["file", *DESCRIPTION_FIELDS, "focal_x", "focal_y"]
        widgets = {
            "focal_x": forms.NumberInput(attrs={"min": 0, "max": 100, "step": 1}),
            "focal_y": forms.NumberInput(attrs={"min": 0, "max": 100, "step": 1}),
        }


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field that takes every file the browser sent (Django's documented recipe)."""

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        files = [f for f in files if f]
        if not files:
            return super().clean(None, initial)  # "required" error
        return files


ACCEPTED_TYPES = "image/jpeg,image/png,image/webp,image/avif"


class UploadForm(forms.Form):
    """Step 1: choose one or several files (one, ``single``, in the popup of an image field)."""

    files = MultipleFileField(
        label=_("Image files"),
        widget=MultipleFileInput(attrs={"accept": ACCEPTED_TYPES}),
        help_text=_("JPEG, PNG, WebP or AVIF. Several files can be chosen at once."),
    )

    def __init__(self, *args, single=False, **kwargs):
        super().__init__(*args, **kwargs)
        if single:
            field = self.fields["files"]
            field.label = _("Image file")
            field.widget = forms.ClearableFileInput(attrs={"accept": ACCEPTED_TYPES})
            field.help_text = _("JPEG, PNG, WebP or AVIF.")


def stage(uploaded, fmt, user):
    """Store an accepted upload under its final, collision-free name; returns a signed token
    that the review form carries, so the file is not sent twice nor swapped by the browser."""
    uploaded.name = normalized_name(uploaded.name, fmt)
    name = default_storage.save(image_upload_to(None, uploaded.name), uploaded)
    return signing.dumps({"name": name, "user": user.pk}, salt=STAGED_SALT)


class ReviewForm(forms.ModelForm):
    """Step 2: one form per staged file, prefilled from its metadata."""

    staged = forms.CharField(widget=forms.HiddenInput)

    class Meta:
        model = Image
        fields = DESCRIPTION_FIELDS
        widgets = {
            "caption": forms.Textarea(attrs={"rows": 3}),
            "usage_notes": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_staged(self):
        try:
            data = signing.loads(
                self.cleaned_data["staged"], salt=STAGED_SALT, max_age=STAGED_MAX_AGE
            )
        except signing.BadSignature as exc:
            raise ValidationError(_("This upload expired; please upload the file again.")) from exc
        if data.get("user") != getattr(self.user, "pk", None) or not default_storage.exists(
            data.get("name", "")
        ):
            raise ValidationError(_("This upload expired; please upload the file again."))
        if Image.objects.filter(file=data["name"]).exists():
            raise ValidationError(_("This picture has already been saved to the library."))
        return data["name"]

    @property
    def staged_name(self):
        try:
            return signing.loads(self["staged"].value(), salt=STAGED_SALT)["name"]
        except (signing.BadSignature, KeyError, TypeError):
            return ""

    def save(self, commit=True):
        self.instance.file = self.cleaned_data["staged"]
        self.instance.uploaded_by = self.user
        return super().save(commit=commit)


class BaseReviewFormSet(forms.BaseModelFormSet):
    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, queryset=Image.objects.none(), **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "user": self.user}

    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            name = form.cleaned_data.get("staged")
            if name in seen:
                raise ValidationError(_("The same upload appears twice."))
            if name:
                seen.add(name)


ReviewFormSet = forms.modelformset_factory(
    Image, form=ReviewForm, formset=BaseReviewFormSet, extra=0, max_num=100, validate_max=True
)
