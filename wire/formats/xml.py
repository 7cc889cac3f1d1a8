"""Untrusted XML, read safely: no DOCTYPE at all (so no entity expansion, billion laughs or
external entities), through defusedxml."""

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError as XMLSyntaxError
from defusedxml.ElementTree import fromstring

from . import ParseError


def parse_xml(data):
    """The root element of ``data``; ParseError for broken XML or any DTD trick."""
    try:
        return fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as error:
        raise ParseError(f"refused XML: {type(error).__name__}") from None
    except (XMLSyntaxError, ValueError) as error:
        raise ParseError(f"not well-formed XML: {error}") from None
