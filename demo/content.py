"""
What the demo newsroom contains, read from the data files in ``demo/data/``.

The files are plain JSON that an editor can change without touching Python (see
``demo/data/README.md``): ``sections.json``, ``authors.json``, ``images.json`` (the pictures
and the picture desk's rights), ``articles.json`` and ``site.json`` (home page, old addresses,
website settings, social accounts). They are read once, when this module is imported, into the
module-level names below (``SECTIONS``, ``AUTHORS``, ``IMAGES``, ``ARTICLES``, ...), which the
loader reads at call time. A file that cannot be read (not JSON, a missing or unknown field, a
wrong type) raises :class:`DemoDataError` naming the file and the entry; data that contradicts
itself (a typo in a key, a duplicate slug) is caught by :func:`check_demo_data`.
"""

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from articles.models import (
    MAX_HOME_HIGHLIGHTS,
    MAX_TEASER_BULLETS,
    SLUG_MAX_LENGTH,
    Article,
    Correction,
)
from core.embeds import embed_for
from core.text import german_slugify

from .markup import embed_urls, picture_keys
from .pictures import SCENES

DATA_DIR = Path(__file__).resolve().parent / "data"

PUBLISHED, SCHEDULED, DRAFT = "published", "scheduled", "draft"


# --- the kinds of demo objects ----------------------------------------------------------------


@dataclass(frozen=True)
class DemoAuthor:
    code: str
    name: str
    role: str
    bio: str
    photo: str = ""  # key of a portrait in IMAGES

    @property
    def slug(self):
        return german_slugify(self.name)


@dataclass(frozen=True)
class DemoImage:
    key: str
    scene: str  # a key of demo.pictures.SCENES
    colors: tuple  # (top of the sky/background, bottom, accent), as "#rrggbb"
    caption: str
    alt_text: str
    credit_line: str = ""
    photographer: str = ""
    label: str = ""  # text drawn into the scene (a town sign, a scoreboard, ...)
    variant: str = ""  # a scene's variation
    portrait: bool = False


@dataclass(frozen=True)
class DemoArticle:
    key: str  # only used inside the demo data, for cross-links
    section: str  # a section slug
    headline: str
    lead: str
    bullets: list
    body: str  # a tiny markup, see demo.markup.render_body()
    authors: list  # short codes, or (short code, role in this article) pairs
    kicker: str = ""
    genre: str = "news"  # Article.Genre: "opinion" for a commentary, ...
    image: str = ""
    caption: str = ""  # overrides the image's own caption in this article
    tags: tuple = ()
    related: tuple = ()  # keys of other demo articles ("Lesen Sie außerdem noch")
    status: str = PUBLISHED  # PUBLISHED, SCHEDULED (publication time ahead) or DRAFT
    publish_in_hours: int = 0  # SCHEDULED only
    # SCHEDULED only: agency or press-office copy under embargo (Sperrfrist) until the
    # scheduled time; who set it.
    embargo_source: str = ""
    updated: bool = False  # a material update after first publication
    # (kind, minutes after publication, note): Correction.Kind values, PUBLISHED only.
    corrections: tuple = ()

    @property
    def slug(self):
        return german_slugify(self.headline)[:SLUG_MAX_LENGTH].strip("-")

    @property
    def bylines(self):
        """(short code, role override) pairs, in order."""
        return [(a, "") if isinstance(a, str) else tuple(a) for a in self.authors]


# --- reading the data files -------------------------------------------------------------------


class DemoDataError(ValueError):
    """A data file in demo/data/ that cannot be read as demo data."""


STRINGS = "list of texts"  # a field type below: a list whose items are all texts
KINDS = {str: "text", int: "whole number", bool: "true or false", list: "list", dict: "object"}


def _no_duplicate_fields(pairs):
    fields = [field for field, _ in pairs]
    if twice := sorted({field for field in fields if fields.count(field) > 1}):
        raise DemoDataError(f"a field given twice in one entry: {twice}")
    return dict(pairs)


def _read(directory, name):
    try:
        with (Path(directory) / name).open(encoding="utf-8") as handle:
            return json.load(handle, object_pairs_hook=_no_duplicate_fields)
    except json.JSONDecodeError as error:
        raise DemoDataError(f"{name}, line {error.lineno}: not valid JSON ({error.msg})") from None
    except DemoDataError as error:
        raise DemoDataError(f"{name}: {error}") from None


def _entries(value, where):
    """(where, entry) for each entry of a list, for messages like "authors.json, entry 3"."""
    if not isinstance(value, list):
        raise DemoDataError(f"{where}: expected a list [...]")
    return [(f"{where}, entry {index}", entry) for index, entry in enumerate(value, start=1)]


def _fields(entry, where, required, optional=None):
    """
    Check one JSON object against {field: type}: no field missing, none unknown, each of the
    right type. Returns ``where`` with the entry's key added, for later messages.
    """
    optional = optional or {}
    if not isinstance(entry, dict):
        raise DemoDataError(f"{where}: expected an object {{...}}")
    name = entry.get("key") or entry.get("code") or entry.get("slug")
    if isinstance(name, str):
        where = f"{where} ({name!r})"
    missing = [field for field in required if field not in entry]
    unknown = [field for field in entry if field not in required and field not in optional]
    if missing or unknown:
        problems = [f"missing field {field!r}" for field in missing]
        problems += [f"unknown field {field!r}" for field in unknown]
        raise DemoDataError(f"{where}: {', '.join(problems)}")
    for field, value in entry.items():
        kind = required.get(field) or optional[field]
        if kind == STRINGS:
            ok = isinstance(value, list) and all(isinstance(item, str) for item in value)
        else:  # bool is an int in Python, but not in the data files
            ok = isinstance(value, kind) and (kind is bool or not isinstance(value, bool))
        if not ok:
            expected = KINDS.get(kind, kind)
            raise DemoDataError(f"{where}: {field!r} must be a {expected}, not {value!r}")
    return where


def _read_sections(directory):
    sections = []
    for where, entry in _entries(_read(directory, "sections.json"), "sections.json"):
        _fields(entry, where, {"name": str, "slug": str})
        sections.append((entry["name"], entry["slug"]))
    return sections


def _read_authors(directory):
    authors = []
    for where, entry in _entries(_read(directory, "authors.json"), "authors.json"):
        required = {"code": str, "name": str, "role": str, "bio": str}
        _fields(entry, where, required, {"photo": str})
        authors.append(DemoAuthor(**entry))
    return authors


IMAGE_FIELDS = {"key": str, "scene": str, "colors": dict, "caption": str, "alt_text": str}
IMAGE_OPTIONS = {
    **{field: str for field in ("credit_line", "photographer", "label", "variant")},
    "portrait": bool,
    "rights": dict,
}
RIGHTS_OPTIONS = {
    "copyright": str,
    "usage_notes": str,
    "usable_for_days": int,
    "is_own": bool,
    "focal": dict,
}


def _read_images(directory):
    """The pictures, and the picture desk's rights: {image key: {...}} for some of them."""
    images, rights = [], {}
    for where, entry in _entries(_read(directory, "images.json"), "images.json"):
        where = _fields(entry, where, IMAGE_FIELDS, IMAGE_OPTIONS)
        color_fields = dict.fromkeys(("top", "bottom", "accent"), str)
        _fields(entry["colors"], f"{where}, colors", color_fields)
        colors = (entry["colors"]["top"], entry["colors"]["bottom"], entry["colors"]["accent"])
        if "rights" in entry:
            picture_rights = dict(entry["rights"])
            _fields(picture_rights, f"{where}, rights", {}, RIGHTS_OPTIONS)
            if "focal" in picture_rights:
                focal = picture_rights["focal"]
                _fields(focal, f"{where}, rights, focal", {"x": int, "y": int})
                picture_rights["focal"] = (focal["x"], focal["y"])
            rights[entry["key"]] = picture_rights
        fields = {k: v for k, v in entry.items() if k != "rights"}
        images.append(DemoImage(**{**fields, "colors": colors}))
    return images, rights


ARTICLE_FIELDS = {
    "key": str,
    "section": str,
    "headline": str,
    "lead": str,
    "bullets": STRINGS,
    "authors": list,
    "body": STRINGS,
}
ARTICLE_OPTIONS = {
    "kicker": str,
    "genre": str,
    "image": str,
    "caption": str,
    "tags": STRINGS,
    "related": STRINGS,
    "status": str,
    "publish_in_hours": int,
    "embargo_source": str,
    "updated": bool,
    "corrections": list,
}


def _read_articles(directory):
    articles = []
    for where, entry in _entries(_read(directory, "articles.json"), "articles.json"):
        where = _fields(entry, where, ARTICLE_FIELDS, ARTICLE_OPTIONS)
        authors = []  # "code", or {"code": ..., "role": ...} for a role in this article only
        for author in entry["authors"]:
            if isinstance(author, str):
                authors.append(author)
            else:
                _fields(author, f"{where}, authors", {"code": str, "role": str})
                authors.append((author["code"], author["role"]))
        body = "\n".join(entry["body"])  # stored as its lines, so the file stays readable
        corrections = []
        for place, correction in _entries(entry.get("corrections", []), f"{where}, corrections"):
            _fields(correction, place, {"kind": str, "minutes_after": int, "note": str})
            corrections.append(
                (correction["kind"], correction["minutes_after"], correction["note"])
            )
        articles.append(
            DemoArticle(
                **{**entry, "authors": authors, "body": body, "corrections": tuple(corrections)}
            )
        )
    return articles


def _read_site(directory):
    site = _read(directory, "site.json")
    parts = {"home_page": dict, "old_addresses": list, "settings": dict, "social_accounts": list}
    _fields(site, "site.json", parts)
    _fields(site["home_page"], "site.json, home_page", {"lead": str, "highlights": STRINGS})
    old_slugs = {}
    for where, entry in _entries(site["old_addresses"], "site.json, old_addresses"):
        _fields(entry, where, {"article": str, "section": str, "old_slug": str})
        old_slugs[entry["article"]] = (entry["section"], entry["old_slug"])
    setting_fields = (
        "description",
        "follow_box",
        "imprint_url",
        "privacy_url",
        "contact_email",
        "social_image",  # an image key: the default picture for social networks
    )
    _fields(site["settings"], "site.json, settings", {}, dict.fromkeys(setting_fields, str))
    social_accounts = []
    for where, entry in _entries(site["social_accounts"], "site.json, social_accounts"):
        _fields(entry, where, {"network": str, "url": str})
        social_accounts.append((entry["network"], entry["url"]))
    home_page = site["home_page"]
    return home_page["lead"], home_page["highlights"], old_slugs, site["settings"], social_accounts


class DemoData(NamedTuple):
    sections: list
    authors: list
    images: list
    picture_rights: dict
    articles: list
    home_lead: str
    home_highlights: list
    old_slugs: dict
    site_settings: dict
    social_accounts: list


def read_demo_data(directory=DATA_DIR):
    """Read the data files in ``directory``; raises DemoDataError naming file and entry."""
    images, picture_rights = _read_images(directory)
    return DemoData(
        _read_sections(directory),
        _read_authors(directory),
        images,
        picture_rights,
        _read_articles(directory),
        *_read_site(directory),
    )


_DATA = read_demo_data()
SECTIONS = _DATA.sections  # (name, slug), in the order of the navigation
AUTHORS = _DATA.authors
IMAGES = _DATA.images
# The picture desk's side of some demo pictures, by image key: copyright notices as agencies
# deliver them, the newsroom's own photos, licences that end (in days from today; negative:
# ended) and focal points away from the centre.
PICTURE_RIGHTS = _DATA.picture_rights
ARTICLES = _DATA.articles  # bodies use a tiny markup, see demo.markup
# The curated top of the home page: the lead story and the highlights, by article key.
HOME_LEAD = _DATA.home_lead
HOME_HIGHLIGHTS = _DATA.home_highlights
# Addresses articles had before their slug was changed: article key -> (section, old slug).
OLD_SLUGS = _DATA.old_slugs
# The website settings ("Website-Einstellungen"); addresses use the reserved .example domain.
SITE_SETTINGS = _DATA.site_settings
SOCIAL_ACCOUNTS = _DATA.social_accounts  # (network, url)

COLOR = re.compile(r"#[0-9a-fA-F]{6}")


def check_demo_data():
    """Fail loudly if the demo data contradicts itself (a typo in a key, a duplicate slug)."""
    problems = []
    section_slugs = {slug for _, slug in SECTIONS}
    image_keys = [picture.key for picture in IMAGES]
    codes = [author.code for author in AUTHORS]
    keys = [item.key for item in ARTICLES]
    for label, values in (
        ("image key", image_keys),
        ("author code", codes),
        ("article key", keys),
        ("article slug", [item.slug for item in ARTICLES]),
    ):
        problems += [f"duplicate {label} {v!r}" for v in set(values) if values.count(v) > 1]
    problems += [f"short code {c!r} not lower-case" for c in codes if c != c.lower()]
    problems += [f"unknown photo {a.photo!r}" for a in AUTHORS if a.photo not in {"", *image_keys}]
    social_image = SITE_SETTINGS.get("social_image", "")
    if social_image not in {"", *image_keys}:
        problems.append(f"site settings: unknown social image {social_image!r}")
    for picture in IMAGES:
        where = f"image {picture.key!r}"
        if picture.scene not in SCENES:
            problems.append(f"{where}: unknown scene {picture.scene!r}")
        if not all(COLOR.fullmatch(color) for color in picture.colors):
            problems.append(f"{where}: colours must look like #rrggbb")
    for item in ARTICLES:
        where = f"article {item.key!r}"
        if item.section not in section_slugs:
            problems.append(f"{where}: unknown section {item.section!r}")
        if item.image and item.image not in image_keys:
            problems.append(f"{where}: unknown image {item.image!r}")
        for key in picture_keys(item.body):
            if key not in image_keys:
                problems.append(f"{where}: unknown image {key!r} in the text")
        for url in embed_urls(item.body):
            if embed_for(url) is None:
                problems.append(f"{where}: {url!r} cannot be embedded")
        if item.embargo_source and item.status != SCHEDULED:
            problems.append(f"{where}: only a scheduled article waits for an embargo")
        if item.genre not in Article.Genre.values:
            problems.append(f"{where}: unknown genre {item.genre!r}")
        if not 1 <= len(item.bullets) <= MAX_TEASER_BULLETS:
            problems.append(f"{where}: needs 1 to {MAX_TEASER_BULLETS} bullets")
        authors = [code for code, _ in item.bylines]
        if not authors or len(set(authors)) != len(authors) or set(authors) - set(codes):
            problems.append(f"{where}: bad authors {authors}")
        if item.key in item.related or len(set(item.related)) != len(item.related):
            problems.append(f"{where}: cross-links must be distinct and not to itself")
        if set(item.related) - set(keys):
            problems.append(f"{where}: unknown cross-links {set(item.related) - set(keys)}")
        if item.status not in (PUBLISHED, SCHEDULED, DRAFT):
            problems.append(f"{where}: unknown status {item.status!r}")
        if (item.status == SCHEDULED) != (item.publish_in_hours > 0):
            problems.append(f"{where}: publish_in_hours is for scheduled articles only")
        if item.corrections and item.status != PUBLISHED:
            problems.append(f"{where}: only a published article has corrections")
        for kind, minutes_after, _note in item.corrections:
            if kind not in Correction.Kind.values or minutes_after < 1:
                problems.append(f"{where}: a correction needs a known kind and minutes_after >= 1")
    by_key = {item.key: item for item in ARTICLES}
    home = [HOME_LEAD, *HOME_HIGHLIGHTS]
    problems += [f"home page: unknown article {key!r}" for key in home if key not in by_key]
    problems += [
        f"home page: article {key!r} is not published"
        for key in home
        if key in by_key and by_key[key].status != PUBLISHED
    ]
    if len(set(home)) != len(home) or len(HOME_HIGHLIGHTS) > MAX_HOME_HIGHLIGHTS:
        problems.append(f"home page: needs distinct articles, at most {MAX_HOME_HIGHLIGHTS}")
    slugs = {item.slug for item in ARTICLES}
    for key, (section, old_slug) in OLD_SLUGS.items():
        if key not in by_key or section not in section_slugs or old_slug in slugs:
            problems.append(f"old address of {key!r}: unknown article or section, or in use")
    if problems:
        raise ValueError("Inconsistent demo data: " + "; ".join(problems))
