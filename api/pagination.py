"""
Page-number pagination for every list: ``?page=`` and ``?page_size=`` (1 to 100).

A value that is not a whole number from 1 upwards answers 400. A ``page_size`` above
100 is served as 100 (DRF's habit, so a client asking for "everything" still gets
pages); a page beyond the last answers 404.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination

# More digits than this are a page far beyond any list; not worth converting.
_MAX_DIGITS = 9


def positive_number(raw):
    """The whole number in ``raw`` if it is one from 1 upwards, else None."""
    digits = raw.strip()
    if not (digits.isascii() and digits.isdigit()):
        return None
    digits = digits.lstrip("0")
    if not digits:
        return None
    return int(digits) if len(digits) <= _MAX_DIGITS else 10**_MAX_DIGITS


class ApiPagination(PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
    last_page_strings = ()
    invalid_page_message = _("This page does not exist.")
    not_a_number_message = _("Enter a whole number from 1 upwards.")

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param, "")
        if not raw:
            return self.page_size
        size = positive_number(raw)
        if size is None:
            raise ValidationError({self.page_size_query_param: [self.not_a_number_message]})
        return min(size, self.max_page_size)

    def get_page_number(self, request, paginator):
        raw = request.query_params.get(self.page_query_param, "")
        if not raw:
            return 1
        number = positive_number(raw)
        if number is None:
            raise ValidationError({self.page_query_param: [self.not_a_number_message]})
        return number
