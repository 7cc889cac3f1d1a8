"""URL converters for addresses the site makes itself."""

from django.urls import register_converter


class UnicodeSlugConverter:
    """A slug that may hold letters beyond ASCII ("lärmschutz"): django-taggit keeps umlauts
    in tag slugs. Unlike <str:…> it refuses control characters such as NUL, which
    PostgreSQL cannot take in a query."""

    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(UnicodeSlugConverter, "uslug")
