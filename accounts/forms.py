"""The admin's login form: username, password and, for whoever set up a second factor, a code
from the authenticator app or a recovery code."""

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.utils.translation import gettext_lazy as _

from . import second_factor


class AdminLoginForm(AdminAuthenticationForm):
    otp_token = forms.CharField(
        label=_("Code"),
        required=False,
        max_length=20,
        help_text=_(
            "Only if you set up two-factor login: the code from your app, or a recovery code."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "text"}),
    )

    def clean(self):
        cleaned = super().clean()  # the password (a wrong one counts for the lockout)
        user = self.get_user()
        if user is not None and second_factor.is_set_up(user):
            code = cleaned.get("otp_token", "")
            if not code:
                self.fields["password"].widget.render_value = False
                raise forms.ValidationError(
                    _("Please enter the code from your authenticator app."), code="code_required"
                )
            try:
                user.otp_device = second_factor.verify(self.request, user, code)
            except second_factor.InvalidCode as error:
                raise forms.ValidationError(error.message, code="invalid_code") from error
        return cleaned


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )
