"""The articles app's models, one module per concept; import them from here."""

from .addresses import SLUG_MAX_LENGTH, ArticleRedirect
from .articles import MAX_TEASER_BULLETS, Article
from .corrections import Correction, CorrectionQuerySet
from .events import SCHEDULE_FIELDS, ArticleEvent, record_event, record_schedule_changes
from .home_page import MAX_HOME_HIGHLIGHTS, HomePage, HomePageHighlight
from .parts import Byline, CrossLink, InlinePicture, TeaserBullet
from .preview_links import PreviewLink
from .queries import ArticleQuerySet, public_filter
from .sections import RESERVED_SECTION_SLUGS, Section, validate_section_slug

__all__ = [
    "MAX_HOME_HIGHLIGHTS",
    "MAX_TEASER_BULLETS",
    "RESERVED_SECTION_SLUGS",
    "SCHEDULE_FIELDS",
    "SLUG_MAX_LENGTH",
    "Article",
    "ArticleEvent",
    "ArticleQuerySet",
    "ArticleRedirect",
    "Byline",
    "Correction",
    "CorrectionQuerySet",
    "CrossLink",
    "HomePage",
    "HomePageHighlight",
    "InlinePicture",
    "PreviewLink",
    "Section",
    "TeaserBullet",
    "public_filter",
    "record_event",
    "record_schedule_changes",
    "validate_section_slug",
]
