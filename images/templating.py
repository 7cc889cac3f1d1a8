"""What the images app gives the Jinja2 templates (core/jinja2.py collects it)."""

from . import markup

GLOBALS = {"picture": markup.picture, "rights_warning": markup.rights_warning}
