"""The German catalogue: what the .po file says is what the compiled .mo file serves.

A .mo left behind after the .po changed (a merge, a forgotten compilemessages, which skips
a .mo that looks newer) shows readers and editors English text without any error."""

import ast
import gettext
import re
from pathlib import Path

from django.conf import settings

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
