"""Superusers and the Chefredaktion use the admin only with a verified second factor: until
then every admin page (and staff preview) sends them to the two-factor page."""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import reverse

from . import second_factor

GUARDED_PREFIXES = ("/vorschau/",)


class SecondFactorRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_verify(request):
            return HttpResponseRedirect(reverse("accounts:second_factor"))
        return self.get_response(request)

    def _must_verify(self, request):
        path = request.path_info
        if not path.startswith((settings.ADMIN_PATH, *GUARDED_PREFIXES)):
            return False  # public pages: no session lookup
        free = [
            reverse("accounts:second_factor"),
            reverse("admin:login"),
            reverse("admin:logout"),
            reverse("admin:jsi18n"),
        ]
        if any(path.startswith(prefix) for prefix in free):
            return False
        user = request.user
        return (
            user.is_authenticated
            and user.is_staff
            and (not user.is_verified() and second_factor.is_required(user))
        )
