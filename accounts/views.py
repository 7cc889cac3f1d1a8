"""The staff's own security page in the admin: set up, verify or switch off two-factor login,
and get new recovery codes. Every change is a POST with the CSRF token."""

from django.contrib import admin, messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from . import second_factor
from .forms import CodeForm


def _page(request, **context):
    user = request.user
    context = {
        **admin.site.each_context(request),
        "title": _("Two-factor login"),
        "is_required": second_factor.is_required(user),
        "is_set_up": second_factor.is_set_up(user),
        "is_verified": user.is_verified(),
        **context,
    }
    return TemplateResponse(request, "accounts/second_factor.html", context)


@never_cache
@sensitive_post_parameters("code")
@staff_member_required
@require_http_methods(["GET", "POST"])
def second_factor_page(request):
    user = request.user
    form = CodeForm(request.POST or None)
    if second_factor.is_set_up(user) and not user.is_verified():
        # A session from before the setup (or the required setup was done elsewhere).
        if request.method == "POST" and form.is_valid():
            try:
                second_factor.verify_session(request, form.cleaned_data["code"])
            except second_factor.InvalidCode as error:
                form.add_error("code", error.message)
            else:
                return HttpResponseRedirect(reverse("admin:index"))
        return _page(request, form=form, step="verify")
    if second_factor.is_set_up(user):
        return _page(request, step="done")
    if request.method == "POST":
        device = second_factor.app_device(user, confirmed=False)
        if device is not None and form.is_valid():
            try:
                codes = second_factor.confirm(request, device, form.cleaned_data["code"])
            except second_factor.InvalidCode as error:
                form.add_error("code", error.message)
            else:
                messages.success(request, _("Two-factor login is set up."))
                return _page(request, step="codes", codes=codes)
        if device is None:
            device = second_factor.start_setup(user)
    else:
        device = second_factor.start_setup(user)
    return _page(
        request,
        form=form,
        step="setup",
        qr_code=second_factor.qr_code(device),
        secret=second_factor.secret_of(device),
    )


@never_cache
@staff_member_required
@require_POST
def new_recovery_codes(request):
    if not (second_factor.is_set_up(request.user) and request.user.is_verified()):
        raise PermissionDenied
    codes = second_factor.new_recovery_codes(request.user)
    return _page(request, step="codes", codes=codes)


@never_cache
@staff_member_required
@require_POST
def switch_off(request):
    user = request.user
    if second_factor.is_required(user) or not user.is_verified():
        raise PermissionDenied
    second_factor.switch_off(user)
    messages.success(request, _("Two-factor login is switched off."))
    return HttpResponseRedirect(reverse("accounts:second_factor"))
