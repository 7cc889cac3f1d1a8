from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Newsletter
from .subscriptions import consent_text


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Please enter your email address."),
            "invalid": _("Please enter a valid email address."),
        },
    )
    newsletter = forms.ModelChoiceField(
        label=_("Newsletter"),
        queryset=Newsletter.objects.filter(active=True),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"invalid_choice": _("Please choose a newsletter.")},
    )
    consent = forms.BooleanField(
        required=True,
        error_messages={"required": _("Please confirm that we may send you the newsletter.")},
    )
    # Left empty by people (it is hidden from them); form-filling robots fill it in.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def __init__(self, *args, newsletters, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["newsletter"].queryset = Newsletter.objects.filter(
            pk__in=[newsletter.pk for newsletter in newsletters]
        )
        if len(newsletters) == 1:
            self.fields["newsletter"].initial = newsletters[0].pk
            self.fields["newsletter"].widget = forms.HiddenInput()
        self.fields["consent"].label = consent_text(
            " / ".join(newsletter.name for newsletter in newsletters)
        )

    @property
    def is_robot(self):
        return bool(self.cleaned_data.get("website"))
