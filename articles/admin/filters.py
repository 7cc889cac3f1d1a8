"""List filters of the article admin."""

from django.contrib import admin
from django.db.models import Exists, OuterRef, Q

from ..models import Byline


class AuthorsWithBylinesFilter(admin.RelatedFieldListFilter):
    """The authors who have a byline, as Django's RelatedOnlyFieldListFilter offers, asked
    author by author down the byline index (EXISTS) rather than by a DISTINCT over every
    byline of the archive (0.1 s at 100,000 articles, on every visit of the list)."""

    def field_choices(self, field, request, model_admin):
        ordering = self.field_admin_ordering(field, request, model_admin)
        has_bylines = Q(Exists(Byline.objects.filter(author=OuterRef("pk"))))
        return field.get_choices(
            include_blank=False, limit_choices_to=has_bylines, ordering=ordering
        )
