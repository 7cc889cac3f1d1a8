from axes.apps import AppConfig as AxesConfig
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.apps import DefaultConfig as StaticConfig
from django_otp.plugins.otp_totp.apps import DefaultConfig as TOTPConfig


class AccountsConfig(AppConfig):
    default = True  # this module also holds the configs of the login apps below
    name = "accounts"
    verbose_name = _("Accounts")


# The headings of the second factor's and the login lockout's apps in the admin, in German
# (the packages name them "Otp_Totp", "Otp_Static" and "Axes"). Installed in their place.
class AuthenticatorAppsConfig(TOTPConfig):
    default = False
    verbose_name = _("Two-factor login: authenticator apps")


class RecoveryCodesConfig(StaticConfig):
    default = False
    verbose_name = _("Two-factor login: recovery codes")


class LoginLockoutsConfig(AxesConfig):
    default = False
    verbose_name = _("Login lockouts")
