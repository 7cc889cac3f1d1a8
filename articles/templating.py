"""What the articles app gives the Jinja2 templates (core/jinja2.py collects it)."""

from . import page_parts, teasers

FILTERS = {"badges": page_parts.badges}
GLOBALS = {"teaser_sizes": teasers.teaser_sizes}
