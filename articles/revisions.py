"""
Revisions of articles with django-reversion: what a revision holds, and how two compare.

Every admin save stores a revision of the whole article: its own fields and, followed
from it, its bylines, teaser bullets, cross-links, corrections and tags. The workflow's fields
(status, times) are left out of restores on purpose: a restore brings back content,
while state changes only go through ``workflow.perform()``.
"""

import difflib
from html.parser import HTMLParser

import reversion
from django.contrib.contenttypes.models import ContentType
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag, TaggedItem

from images.models import Image
from people.models import Author

from .models import Article, Byline, Correction, CrossLink, Section, TeaserBullet

# The body is HTML: compared as the text readers read, with formatting changes marked.
BODY = _("Body")

# Kept as they are now when an older revision is restored.
WORKFLOW_FIELDS = ("status", "published_at", "depublish_at", "first_published_at", "updated_at")


def register():
    """Register the article and its parts with django-reversion (called by the admin package,
    before ArticleAdmin is registered)."""
    for model in (Byline, TeaserBullet, CrossLink, Correction, TaggedItem):
        if not reversion.is_registered(model):
            reversion.register(model)
    if not reversion.is_registered(Article):
        reversion.register(
            Article,
            # Never the audit trail ("events"): a restore must not delete later events.
            follow=("bylines", "bullets", "cross_links", "corrections", "tagged_items"),
        )


def snapshot(version):
    """The readable content of one revision of an article, part by part, in page order."""
    fields = version.field_dict
    article_id = int(version.object_id)
    parts = {Byline: [], TeaserBullet: [], CrossLink: [], Correction: [], TaggedItem: []}
    for related in version.revision.version_set.all():
        if related._model not in parts:
            continue
        row = related.field_dict
        # A revision may hold other objects too; keep only this article's parts.
        owner = row.get("object_id") if related._model is TaggedItem else row.get("article_id")
        if related._model is TaggedItem and row["content_type_id"] != _article_type_id():
            continue
        if owner == article_id:
            parts[related._model].append(row)

    def by_position(rows):
        return sorted(rows, key=lambda row: (row.get("position", 0), row.get("id", 0)))

    authors = Author.objects.in_bulk([row["author_id"] for row in parts[Byline]])
    targets = Article.objects.in_bulk(
        [row["target_id"] for row in parts[CrossLink] if row.get("target_id")]
    )
    tags = Tag.objects.in_bulk([row["tag_id"] for row in parts[TaggedItem]])
    image = Image.objects.filter(pk=fields.get("hero_image_id")).first()
    section = Section.objects.filter(pk=fields.get("section_id")).first()

    def byline(row):
        author = authors.get(row["author_id"])
        name = author.name if author else _("(deleted author)")
        role = row["role"] or (author.role_title if author else "")
        return f"{role} {name}".strip()

    def cross_link(row):
        if not row.get("target_id"):
            return f"{row.get('title', '')} <{row.get('url', '')}>"
        return str(targets[row["target_id"]]) if row["target_id"] in targets else "–"

    def newest_first(rows):
        return sorted(rows, key=lambda row: (row["corrected_at"], row["id"]), reverse=True)

    def correction(row):
        # Unsaved, only to read it as the page does ("Korrektur, 3. Dezember 2026, …").
        shown = Correction(kind=row["kind"], corrected_at=row["corrected_at"])
        return f"{shown.label}: {' '.join(row['note'].split())}"

    return {
        _("Kicker"): fields.get("kicker", ""),
        _("Headline"): fields.get("headline", ""),
        _("Slug"): fields.get("slug", ""),
        _("Hero image"): str(image) if image else "",
        _("Caption in this article"): fields.get("hero_caption", ""),
        _("Byline"): "\n".join(byline(row) for row in by_position(parts[Byline])),
        _("Teaser bullets"): "\n".join(row["text"] for row in by_position(parts[TeaserBullet])),
        _("Lead"): fields.get("lead", ""),
        _("Read also:"): "\n".join(cross_link(row) for row in by_position(parts[CrossLink])),
        BODY: fields.get("body", ""),
        _("Corrections"): "\n".join(correction(row) for row in newest_first(parts[Correction])),
        _("Section"): section.name if section else "",
        _("Tags"): ", ".join(
            sorted(tags[row["tag_id"]].name for row in parts[TaggedItem] if row["tag_id"] in tags)
        ),
    }


def _article_type_id():
    return ContentType.objects.get_for_model(Article).pk


def compare(old, new):
    """The parts that differ between two snapshots, each with a word-level HTML diff; the
    body as its text, with a formatting-only change of a paragraph marked as such."""
    return [
        {"label": label, "diff": _diff_field(label, old.get(label, ""), value)}
        for label, value in new.items()
        if old.get(label, "") != value
    ]


def _diff_field(label, before, after):
    if label is BODY:
        old_blocks, new_blocks = body_blocks(before), body_blocks(after)
        return _diff_html(
            [text for text, _marks in old_blocks],
            [text for text, _marks in new_blocks],
            [marks for _text, marks in old_blocks],
            [marks for _text, marks in new_blocks],
        )
    return _diff_html(before.split("\n"), after.split("\n"))


class _BlockReader(HTMLParser):
    """Splits body HTML into its blocks (paragraphs, headings, list items, quotes): the text
    of each, and its formatting (the block's kind, and each inline tag with its attributes
    and where in the text it starts and ends)."""

    BLOCKS = {"p", "h2", "h3", "h4", "li", "blockquote", "ul", "ol", "div", "br"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self._text, self._marks, self._kind = [], [], [], ""

    def _offset(self):
        return len(" ".join("".join(self._text).split()))

    def _flush(self):
        text = " ".join("".join(self._text).split())
        if text:
            self.blocks.append((text, (self._kind, *self._marks)))
        self._text, self._marks = [], []

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCKS:
            self._flush()
            self._kind = tag
        else:
            self._marks.append(("<", tag, tuple(sorted(attrs)), self._offset()))

    def handle_endtag(self, tag):
        if tag in self.BLOCKS:
            self._flush()
        else:
            self._marks.append((">", tag, (), self._offset()))

    def handle_data(self, data):
        self._text.append(data)

    def close(self):
        super().close()
        self._flush()


def body_blocks(html):
    """[(text, formatting)] of the body's blocks, in order (see ``_BlockReader``)."""
    reader = _BlockReader()
    reader.feed(html or "")
    reader.close()
    return reader.blocks


def _diff_html(old_lines, new_lines, old_marks=None, new_marks=None):
    """Words removed in <del>, words added in <ins>, everything escaped.

    Line by line first (bullets, bylines, links and the body's paragraphs are one per
    line), then word by word within a changed line, so a change never spills onto the next
    line. With ``*_marks`` (the formatting of each line), a line whose text is the same but
    whose formatting changed says so.
    """
    lines = []
    marker = f'<span class="nr-formatting">({escape(_("formatting changed"))})</span>'
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            for offset, line in enumerate(old_lines[a1:a2]):
                reformatted = old_marks is not None and (
                    old_marks[a1 + offset] != new_marks[b1 + offset]
                )
                lines.append(f"{escape(line)} {marker}" if reformatted else str(escape(line)))
        elif op == "replace" and a2 - a1 == b2 - b1:
            pairs = zip(old_lines[a1:a2], new_lines[b1:b2], strict=True)
            lines += [_diff_words(old, new) for old, new in pairs]
        else:
            lines += [f"<del>{escape(line)}</del>" for line in old_lines[a1:a2]]
            lines += [f"<ins>{escape(line)}</ins>" for line in new_lines[b1:b2]]
    return mark_safe("<br>".join(lines))


def _diff_words(before, after):
    old_words, new_words = before.split(" "), after.split(" ")
    pieces = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            pieces.append(str(escape(" ".join(old_words[a1:a2]))))
            continue
        if a2 > a1:
            pieces.append(f"<del>{escape(' '.join(old_words[a1:a2]))}</del>")
        if b2 > b1:
            pieces.append(f"<ins>{escape(' '.join(new_words[b1:b2]))}</ins>")
    return " ".join(pieces)
