"""The reader's newsletter pages: sign up, confirm, unsubscribe.

The sign-up page is a public page like any other, kept by the page cache and by Varnish;
so it carries no CSRF token (a cached page would hand one reader's token to all), and its
POST is exempt. CSRF would guard nothing here: a forged sign-up is the same as one typed by
its sender, and double opt-in makes it cost one confirmation mail, which is throttled per
address and per client. The confirmation and unsubscribe pages carry a signed token; they
are never cached, and their buttons POST the same token back (exempt for the same reason,
and because RFC 8058's one-click POST comes from a mail program without any cookie).

A GET of a link in a mail changes nothing: mail scanners open links before the reader does,
so confirming and unsubscribing take the button (or the mail program's one-click POST).
"""

from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from core import security, surrogate

from . import subscriptions, tokens
from .forms import SubscribeForm
from .models import Newsletter

SURROGATE_KEY = "newsletter"


def _newsletters():
    return list(Newsletter.objects.filter(active=True).order_by("name", "pk"))


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    surrogate.add(SURROGATE_KEY)
    newsletters = _newsletters()
    if not newsletters:
        return render(request, "newsletter/subscribe.html", {"newsletters": []})
    if request.method != "POST":
        form = SubscribeForm(newsletters=newsletters)
        return render(request, "newsletter/subscribe.html", _context(form, newsletters))
    form = SubscribeForm(request.POST, newsletters=newsletters)
    if not form.is_valid():
        return _no_store(
            render(request, "newsletter/subscribe.html", _context(form, newsletters), status=400)
        )
    if not subscriptions.client_allowed(security.client_ip(request)):
        return _no_store(render(request, "newsletter/too_many.html", status=429))
    if not form.is_robot:
        subscriptions.subscribe(
            form.cleaned_data["newsletter"], form.cleaned_data["email"], request
        )
    # The same answer whatever happened: it never tells whether the address is subscribed.
    return HttpResponseRedirect(reverse("newsletter:thanks"))


def _context(form, newsletters):
    return {"form": form, "newsletters": newsletters, "several": len(newsletters) > 1}


def _no_store(response):
    response["Cache-Control"] = "private, no-store"
    return response


def thanks(request):
    surrogate.add(SURROGATE_KEY)
    return render(request, "newsletter/thanks.html")


def _invalid(request, error):
    return render(request, "newsletter/invalid_link.html", {"expired": error.expired}, status=400)


@never_cache
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    try:
        if request.method == "POST":
            subscriber = subscriptions.confirm(token)
            return render(request, "newsletter/confirmed.html", {"subscriber": subscriber})
        subscriber = subscriptions.subscriber_to_confirm(token)
    except tokens.InvalidToken as error:
        return _invalid(request, error)
    return render(request, "newsletter/confirm.html", {"subscriber": subscriber})


@never_cache
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    """GET: a button; POST (the button, or a mail program's RFC 8058 one-click): done."""
    try:
        if request.method == "POST":
            subscriber = subscriptions.unsubscribe(token)
            return render(request, "newsletter/unsubscribed.html", {"subscriber": subscriber})
        subscriber = subscriptions.subscriber_to_leave(token)
    except tokens.InvalidToken as error:
        return _invalid(request, error)
    return render(request, "newsletter/unsubscribe.html", {"subscriber": subscriber})
