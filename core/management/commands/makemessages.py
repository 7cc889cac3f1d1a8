"""``makemessages`` that also reads the Jinja2 templates (jinja2/ and each app's jinja2/).

Django's own command reads templates with the DTL's lexer, which misses Jinja2's
``{% trans %}`` blocks and ``_()``/``pgettext()`` calls. A file in a ``jinja2`` directory is
parsed by the Jinja2 environment instead and handed to xgettext as the gettext calls it
makes, each on its template's line, so the catalogue points at the template's lines.
"""

from pathlib import Path

from django.core.management.commands import makemessages
from django.template import engines
from django.template.backends.jinja2 import Jinja2

# Jinja2's names for the calls, as xgettext knows them from Python code.
CALLS = {"_": "gettext", "gettext": "gettext", "ngettext": "ngettext"}
CALLS |= {"pgettext": "pgettext", "npgettext": "npgettext"}


def jinja2_environment():
    return next(engine.env for engine in engines.all() if isinstance(engine, Jinja2))


def as_python(source, environment):
    """The template's messages as Python calls xgettext extracts, on the template's lines."""
    lines = [[] for _ in source.splitlines() or [""]]
    for lineno, function, message in environment.extract_translations(source):
        strings = message if isinstance(message, tuple) else (message,)
        # Jinja2 gives None for an argument that is no string (the count, the variables).
        arguments = [repr(text) for text in strings if text is not None]
        if function in ("ngettext", "npgettext"):
            arguments.append("0")
        lines[lineno - 1].append(f"{CALLS[function]}({', '.join(arguments)})")
    return "\n".join("; ".join(calls) for calls in lines) + "\n"


class BuildFile(makemessages.BuildFile):
    @property
    def is_jinja2(self):
        return "jinja2" in Path(self.path).parts

    def preprocess(self):
        if not (self.is_templatized and self.is_jinja2):
            return super().preprocess()
        source = Path(self.path).read_text(encoding="utf-8")
        Path(self.work_path).write_text(as_python(source, jinja2_environment()), encoding="utf-8")


class Command(makemessages.Command):
    build_file_class = BuildFile
