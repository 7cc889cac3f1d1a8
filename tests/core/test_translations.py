"""The German catalogue: what the .po file says is what the compiled .mo file serves, and
every message of the Jinja2 templates is in it.

A .mo left behind after the .po changed (a merge, a forgotten compilemessages, which skips
a .mo that looks newer) shows readers and editors English text without any error."""

import ast
import gettext
import re
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.template import engines

from core.management.commands import makemessages

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "de" / "LC_MESSAGES"
ENTRY = re.compile(
    r'^(?:msgctxt\s+(?P<context>(?:"(?:[^"\\]|\\.)*"\s*)+))?'
    r'msgid\s+(?P<msgid>(?:"(?:[^"\\]|\\.)*"\s*)+)'
    r'(?:msgid_plural\s+(?:"(?:[^"\\]|\\.)*"\s*)+(?P<plurals>(?:msgstr\[\d+\]\s+(?:"(?:[^"\\]|\\.)*"\s*)+)+)'
    r"|msgstr\s+(?P<msgstr>(?:\"(?:[^\"\\]|\\.)*\"\s*)+))",
    re.M,
)


def joined(literals):
    return "".join(ast.literal_eval(part) for part in re.findall(r'"(?:[^"\\]|\\.)*"', literals))


def po_entries():
    text = (CATALOGUE / "django.po").read_text(encoding="utf-8")
    # Obsolete entries (#~) and fuzzy ones are not compiled.
    blocks = [block for block in text.split("\n\n") if "#, fuzzy" not in block]
    for block in blocks:
        lines = "\n".join(line for line in block.splitlines() if not line.startswith("#"))
        match = ENTRY.search(lines)
        if match is None or match["msgstr"] is None:
            continue
        msgid, msgstr = joined(match["msgid"]), joined(match["msgstr"])
        if msgid and msgstr:
            context = joined(match["context"]) if match["context"] else None
            yield context, msgid, msgstr


def test_the_compiled_catalogue_is_the_po_file():
    with (CATALOGUE / "django.mo").open("rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)
    entries = list(po_entries())
    assert len(entries) > 400  # the parser found the catalogue
    stale = [
        msgid
        for context, msgid, msgstr in entries
        if (catalogue.pgettext(context, msgid) if context else catalogue.gettext(msgid)) != msgstr
    ]
    assert stale == [], "run: msgfmt -o locale/de/LC_MESSAGES/django.mo …/django.po"


# --- the Jinja2 templates' messages ---------------------------------------------------------

MISSING = object()


class Missing(gettext.NullTranslations):
    """The end of the chain of catalogues: a message none of them has."""

    def gettext(self, message):
        return MISSING

    def ngettext(self, singular, plural, n):
        return MISSING

    def pgettext(self, context, message):
        return MISSING

    def npgettext(self, context, singular, plural, n):
        return MISSING


def project_apps():
    root = Path(settings.BASE_DIR)
    return [app for app in apps.get_app_configs() if Path(app.path).parent == root]


def german_catalogues():
    """The project's German catalogue and its apps' ones, chained as Django merges them."""
    paths = [CATALOGUE] + [
        Path(app.path) / "locale" / "de" / "LC_MESSAGES" for app in project_apps()
    ]
    chain = Missing()
    for path in reversed(paths):
        if (path / "django.mo").exists():
            with (path / "django.mo").open("rb") as compiled:
                catalogue = gettext.GNUTranslations(compiled)
            catalogue.add_fallback(chain)
            chain = catalogue
    return chain


def jinja2_templates():
    """(name, source) of every Jinja2 template of the project: jinja2/ and the apps'."""
    folders = [Path(settings.BASE_DIR) / "jinja2"] + [
        Path(app.path) / "jinja2" for app in project_apps()
    ]
    for folder in folders:
        for path in sorted(folder.rglob("*.html")):
            yield str(path.relative_to(folder)), path.read_text(encoding="utf-8")


def translated(catalogue, function, message):
    strings = message if isinstance(message, tuple) else (message,)
    strings = [text for text in strings if text is not None]
    if function in ("_", "gettext"):
        return catalogue.gettext(*strings)
    if function == "pgettext":
        return catalogue.pgettext(*strings)
    if function == "ngettext":
        return catalogue.ngettext(*strings, 2)
    return catalogue.npgettext(*strings, 2)


def test_every_message_of_the_jinja2_templates_is_in_the_german_catalogue():
    environment = engines["jinja2"].env
    catalogue = german_catalogues()
    templates = list(jinja2_templates())
    assert len(templates) > 40  # the templates were found
    messages = [
        (name, function, message)
        for name, source in templates
        for _line, function, message in environment.extract_translations(source)
    ]
    assert len(messages) > 150  # their messages were found
    missing = [
        f"{name}: {message!r}"
        for name, function, message in messages
        if translated(catalogue, function, message) is MISSING
    ]
    assert missing == [], "add them to the catalogue: " + "; ".join(missing)


def test_a_message_missing_from_the_catalogue_is_found():
    environment = engines["jinja2"].env
    source = '{{ _("Skip to content") }}{% trans %}No such message, ever{% endtrans %}'
    catalogue = german_catalogues()
    found = [
        message
        for _line, function, message in environment.extract_translations(source)
        if translated(catalogue, function, message) is MISSING
    ]
    assert found == ["No such message, ever"]


def test_makemessages_hands_xgettext_the_jinja2_templates_calls_on_their_lines():
    source = (
        "<h1>{{ pgettext('heading', 'Search') }}</h1>\n"
        "<p>{% trans counter=n %}{{ counter }} article{% pluralize %}{{ counter }} articles"
        "{% endtrans %}</p>\n"
        "{% set topic = _('Topic: %(tag)s', tag=tag.name) %}{{ _('Home') }}\n"
    )
    python = makemessages.as_python(source, engines["jinja2"].env)
    assert python.splitlines() == [
        "pgettext('heading', 'Search')",
        "ngettext('%(counter)s article', '%(counter)s articles', 0)",
        "gettext('Topic: %(tag)s'); gettext('Home')",
    ]
    ast.parse(python)  # what xgettext reads as Python is Python
