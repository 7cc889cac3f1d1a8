"""``{% load images %}`` for the admin's templates: ``{% rights_warning %}``
(images/markup.py; the reader's pages call the same function and ``picture()``)."""

from django import template

from .. import markup

register = template.Library()
register.simple_tag(markup.rights_warning)
