"""The Jinja2 environment of the reader's pages (``TEMPLATES[1]`` in settings).

The public templates (``jinja2/`` and each app's ``jinja2/``) run on Jinja2, several times
faster than Django's template language; the admin, form widgets and mails stay on the DTL,
which comes first in ``TEMPLATES`` so that the forms renderer finds Django's own widget
templates there.

Here: Django's translations (``{% trans %}``, ``_()``, ``pgettext()`` with the DTL's msgids,
so one catalogue serves both engines), ``url()`` and ``static()``, the German dates and the
few Django filters the templates use. What an app gives its templates it lists in its own
``templating.py`` (``FILTERS`` and ``GLOBALS``), as it would a template tag library: core
knows no app.
"""

from importlib import import_module

import jinja2
from django.apps import apps
from django.template import defaultfilters
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.module_loading import module_has_submodule

from . import addresses
from .templatetags import german


def url(name, *args, **kwargs):
    """``{{ url("articles:day", 2026, 3, 29) }}``, as ``{% url %}``; by keywords or none
    (the header's and footer's links) remembered (core/addresses.py)."""
    if args:
        return reverse(name, args=args, kwargs=kwargs or None)
    return addresses.reverse(name, **kwargs)


def now(format_string):
    """``{{ now("Y") }}``, as ``{% now "Y" %}``: the current local time, formatted."""
    return defaultfilters.date(timezone.localtime(), format_string)


FILTERS = {
    # German dates and times: the filters of {% load german %}.
    **german.register.filters,
    # Django's own, where Jinja2's differ (``truncate``, ``urlencode``) or lack one. They
    # escape as in the DTL: linebreaksbr escapes its text and returns safe HTML.
    "truncatechars": defaultfilters.truncatechars,
    "linebreaksbr": defaultfilters.linebreaksbr,
    "urlencode": defaultfilters.urlencode,
    "date": defaultfilters.date,
    "default_if_none": defaultfilters.default_if_none,
}

GLOBALS = {"url": url, "static": static, "now": now}


def app_templating():
    """The ``templating`` modules of the installed apps, in INSTALLED_APPS order."""
    for config in apps.get_app_configs():
        if module_has_submodule(config.module, "templating"):
            yield import_module(f"{config.name}.templating")


def environment(**options):
    # A name the context lacks is empty, also as a.b.c, as in the DTL (Django's backend
    # would print "{{ name }}" with DEBUG on).
    options["undefined"] = jinja2.ChainableUndefined
    # A file's last newline stays, as in the DTL.
    options.setdefault("keep_trailing_newline", True)
    options.setdefault("extensions", []).append("jinja2.ext.i18n")
    env = jinja2.Environment(**options)
    env.install_gettext_callables(
        translation.gettext,
        translation.ngettext,
        newstyle=True,
        pgettext=translation.pgettext,
        npgettext=translation.npgettext,
    )
    env.filters.update(FILTERS)
    env.globals.update(GLOBALS)
    for module in app_templating():
        env.filters.update(getattr(module, "FILTERS", {}))
        env.globals.update(getattr(module, "GLOBALS", {}))
    return env
