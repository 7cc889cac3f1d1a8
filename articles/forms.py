"""Admin forms and inline formsets that carry the article's editorial rules."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_prose_editor.widgets import AdminProseEditorWidget
from taggit.forms import TagWidget
from taggit.models import Tag

from core import dates
from core.forms import MultilineTextField, OrderedInlineFormSet, UniqueRowsFormSet, live_forms

from . import blocks
from .models import MAX_HOME_HIGHLIGHTS, MAX_TEASER_BULLETS, SCHEDULE_FIELDS, Article
from .sanitizer import clean_body


class TagAutocompleteWidget(TagWidget):
    """Taggit's comma-separated input, with the existing tags offered as suggestions.

    Works without JavaScript (free text, new tags are created on save); with it,
    ``tag-suggest.js`` completes the word being typed from the tags in the datalist.
    """

    template_name = "admin/articles/tag_widget.html"

    class Media:
        js = ["admin_extra/tag-suggest.js"]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["list"] = f"{context['widget']['attrs']['id']}-suggestions"
        context["widget"]["attrs"]["autocomplete"] = "off"
        context["tag_names"] = Tag.objects.order_by("name").values_list("name", flat=True)
        return context


# About what search engines show of a page title before cutting it off.
SEARCH_TITLE_LENGTH = 60
# ... and of a description in a search result.
SEARCH_DESCRIPTION_LENGTH = 155


class CountedTextInput(forms.TextInput):
    """A wide text input with a live character count under it (``char-count.js``; without
    JavaScript it is a plain input). ``title_of`` names the inputs that together make the
    title line ("Kicker: Headline"), counted against what search engines show."""

    class Media:
        js = ["admin_extra/char-count.js"]

    def __init__(self, title_of=None, shown=SEARCH_TITLE_LENGTH, shown_text=None):
        attrs = {
            "class": "vLargeTextField",
            "data-char-count": _("{count} of {max} characters"),
        }
        if title_of:
            attrs["data-title-of"] = " ".join(f"id_{name}" for name in title_of)
            attrs["data-title-limit"] = shown
            attrs["data-title-count"] = shown_text or _(
                "Title line: {count} characters; search engines show about {limit}."
            )
        super().__init__(attrs)


def search_engine_widgets():
    """The SEO title and description inputs, counted against what search engines show."""
    return {
        "seo_title": CountedTextInput(title_of=("seo_title",)),
        "meta_description": CountedTextInput(
            title_of=("meta_description",),
            shown=SEARCH_DESCRIPTION_LENGTH,
            shown_text=_("Search engines show about {limit} characters."),
        ),
    }


# The body editor offers exactly what articles/sanitizer.py keeps: paragraphs, line breaks,
# h2/h3, lists, quotes, links, bold and italic, plus the picture and embed blocks. Links
# carry the rel the sanitizer sets and nothing else, so an edited body is stored as the
# editor shows it.
BODY_EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "HardBreak": True,
    "Heading": {"levels": [2, 3]},
    "BulletList": True,
    # Replaced by body-editor.js: no list types or start numbers, the sanitizer drops them.
    "OrderedList": {"enableListAttributes": False},
    "ListItem": True,
    "Blockquote": True,
    "Link": {
        # Tiptap's autolink would rewrite a pasted link whose text looks like an address
        # ("leipzig.de") to point to that text.
        "autolink": False,
        "enableTarget": False,
        "protocols": ["http", "https", "mailto"],
        "HTMLAttributes": {"rel": "noopener noreferrer", "target": None, "class": None},
    },
    # One button per element, no dropdowns (django-prose-editor's Menu groups).
    "Menu": {
        "groups": [
            {"group": "blockType -lists"},
            {"group": "lists"},
            {"group": "nodes -blockType -lists"},
            {"group": "marks"},
            {"group": "link"},
            {"group": "bodyBlocks"},
            {"group": "history"},
        ]
    },
    # body-editor.js: paste cleaning, pictures and embeds.
    "BodyPaste": True,
    "BodyPicture": True,
    "BodyEmbed": True,
}


class BodyEditorWidget(AdminProseEditorWidget):
    """django-prose-editor's ProseMirror editor for the article body.

    Without JavaScript the textarea stays and takes HTML, as before. The editor only writes
    back into the textarea once the text is changed, so an untouched body is sent as it
    was loaded. Its scripts are ES modules from our static files; the import map they need
    is the only inline script, and ``ArticleAdmin`` gives it the page's CSP nonce.
    """

    def __init__(self, attrs=None):
        super().__init__(
            attrs={"rows": 24, "class": "vLargeTextField", **(attrs or {})},
            preset="configurable",
            config={"extensions": BODY_EDITOR_EXTENSIONS},
        )

    @property
    def media(self):
        return super().media + forms.Media(css={"all": ["admin_extra/body-editor.css"]})

    def get_config(self):
        config = super().get_config()
        config["js_modules"] = [*config["js_modules"], static("admin_extra/body-editor.js")]
        config["extensions"]["BodyPicture"] = {
            "lookupUrl": reverse("admin:images_image_changelist"),
            "thumbnailUrl": reverse("admin:articles_article_body_picture"),
        }
        return config


class ArticleAdminForm(forms.ModelForm):
    """The article form, refusing a save that is based on an outdated version.

    ``edit_version`` carries the ``modified_at`` the editor started from. If someone
    saved the article since, the save is refused with who and when; everything typed
    stays in the form, and the version is moved on so that saving again overwrites.
    """

    edit_version = forms.CharField(
        label=_("Version being edited"), widget=forms.HiddenInput, required=False
    )
    # Off while an older revision is being restored: that save is meant to overwrite.
    check_edit_version = True
    material_update = forms.BooleanField(
        label=_("Material update"),
        required=False,
        help_text=_(
            "Tick for a change in substance: the article then shows “Aktualisiert am …” "
            "with the time of this save. Leave it for typo fixes. A correction (below) "
            "changes that time only when this is ticked."
        ),
    )

    # Asked for only when a live article's publication time is moved into the past.
    confirm_backdating = forms.BooleanField(
        label=_("Yes, move the publication time of this live article into the past"),
        required=False,
        widget=forms.HiddenInput,
    )
    # Set by clean(): the save moves a live article's time into the past, confirmed.
    backdating = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["edit_version"] = self.instance.modified_at.isoformat()
            if "tags" in self.fields:
                # In the order they were typed (the manager orders by its rows).
                self.initial["tags"] = list(self.instance.tags.all())

    def clean_hero_image(self):
        image = self.cleaned_data.get("hero_image")
        if image is not None and "hero_image" in self.changed_data and image.is_expired:
            raise ValidationError(
                _("The rights to this picture ended on %(date)s; choose another one."),
                params={"date": dates.german_date(image.usable_until)},
                code="image_expired",
            )
        return image

    def clean_body(self):
        """Pictures that exist (and, newly placed, may still be shown) and embeds on the
        allow-list only; the typed text stays in the form with the message (it is sanitized
        on save, as ever)."""
        body = self.cleaned_data.get("body", "")
        stored = Article.objects.filter(pk=self.instance.pk).values_list("body", flat=True)
        kept = blocks.image_ids(stored.first() or "") if self.instance.pk else []
        blocks.check(clean_body(body), kept=kept)
        return body

    def clean(self):
        cleaned_data = super().clean()
        for name in (*SCHEDULE_FIELDS, "updated_at"):
            if name in self.fields and name not in self.changed_data:
                # The form shows times to the second; an untouched one keeps its exact value,
                # so that saving the form unchanged changes no planned time.
                cleaned_data[name] = getattr(self.instance, name)
        self._check_backdating(cleaned_data)
        if not self.instance.pk or not self.check_edit_version:
            return cleaned_data
        rows = Article.objects.filter(pk=self.instance.pk)
        if not transaction.get_autocommit():
            # Inside the admin's transaction: lock the row, so that of two saves arriving
            # at the same moment the second waits, then sees the first and is refused.
            rows = rows.select_for_update(of=("self",))
        current = rows.values(
            "modified_at",
            "modified_by__username",
            "modified_by__first_name",
            "modified_by__last_name",
        ).first()
        if current and cleaned_data.get("edit_version") != current["modified_at"].isoformat():
            name = (
                " ".join(
                    part
                    for part in (
                        current["modified_by__first_name"],
                        current["modified_by__last_name"],
                    )
                    if part
                )
                or current["modified_by__username"]
                or _("someone")
            )
            self.data = self.data.copy()
            self.data[self.add_prefix("edit_version")] = current["modified_at"].isoformat()
            raise ValidationError(
                _(
                    "%(name)s changed this article on %(time)s, after you opened it. Your "
                    "changes were not saved and are still in the form below: compare them "
                    "with the current version (open it in a new tab), then save again to "
                    "overwrite it."
                ),
                code="edit_conflict",
                params={
                    "name": name,
                    "time": dates.german_datetime(current["modified_at"]),
                },
            )
        return cleaned_data

    def _check_backdating(self, cleaned_data):
        """A live article's publication time moved into the past reorders lists, feeds and
        the news sitemap and shows readers another date: the editor confirms it first.
        ``self.instance`` still holds the stored values here (the form fills it later)."""
        old, new = self.instance.published_at, cleaned_data.get("published_at")
        if not (self.instance.pk and self.instance.is_public and old and new):
            return
        if "published_at" not in self.changed_data or new == old or new > timezone.now():
            return
        if cleaned_data.get("confirm_backdating"):
            self.backdating = True
            return
        self.fields["confirm_backdating"].widget = forms.CheckboxInput()
        self.add_error(
            "published_at",
            ValidationError(
                _(
                    "This article is online since %(old)s. Moving its publication time to "
                    "%(new)s changes the date readers see and its place in lists, feeds and "
                    "the news sitemap. To do so, tick the confirmation below and save again."
                ),
                code="confirm_backdating",
                params={"old": dates.german_datetime(old), "new": dates.german_datetime(new)},
            ),
        )

    class Meta:
        model = Article
        fields = "__all__"  # noqa: DJ007 - the admin's fieldsets choose what is shown
        field_classes = {name: MultilineTextField for name in ("hero_caption", "lead", "body")}
        help_texts = {
            "body": _(
                "Paragraphs, subheadings, lists, quotes, links, bold and italic, one button "
                "each; “Bild einfügen” sets a picture from the library, “Einbetten” a post or "
                "video (or paste its address alone on an empty line). Pasted text keeps its "
                "structure and loses its formatting; everything else is removed on save."
            )
        }
        widgets = {
            "kicker": CountedTextInput(),
            "headline": CountedTextInput(title_of=("kicker", "headline")),
            "tags": TagAutocompleteWidget(attrs={"size": 80}),
            "lead": forms.Textarea(attrs={"rows": 4}),
            "hero_caption": forms.Textarea(attrs={"rows": 2}),
            "body": BodyEditorWidget,
            **search_engine_widgets(),
        }


class TeaserBulletFormSet(OrderedInlineFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        count = len([form for form in live_forms(self) if form.cleaned_data.get("text")])
        if count > MAX_TEASER_BULLETS:
            raise ValidationError(
                ngettext(
                    "An article has at most %(max)d teaser bullet; this one has %(count)d.",
                    "An article has at most %(max)d teaser bullets; this one has %(count)d.",
                    MAX_TEASER_BULLETS,
                )
                % {"max": MAX_TEASER_BULLETS, "count": count}
            )
        if count == 0 and self.instance.status in Article.LIVE_STATUSES:
            raise ValidationError(_("A published article needs at least one teaser bullet."))


class BylineFormSet(UniqueRowsFormSet):
    unique_field = "author"
    duplicate_message = _("Each person may appear only once in the byline.")

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        if not self.chosen() and self.instance.status in Article.LIVE_STATUSES:
            raise ValidationError(_("A published article needs at least one author."))


class CrossLinkFormSet(UniqueRowsFormSet):
    unique_field = "target"
    duplicate_message = _("Each article may be linked only once.")

    def clean(self):
        if not any(self.errors) and self.instance.pk in {t.pk for t in self.chosen()}:
            raise ValidationError(_("An article cannot link to itself."))
        super().clean()


class HomePageHighlightFormSet(UniqueRowsFormSet):
    unique_field = "article"
    duplicate_message = _("Each article may be highlighted only once.")

    def clean(self):
        chosen = [] if any(self.errors) else self.chosen()
        if len(chosen) > MAX_HOME_HIGHLIGHTS:
            raise ValidationError(
                ngettext(
                    "The home page highlights at most %(max)d article; you chose %(count)d.",
                    "The home page highlights at most %(max)d articles; you chose %(count)d.",
                    MAX_HOME_HIGHLIGHTS,
                )
                % {"max": MAX_HOME_HIGHLIGHTS, "count": len(chosen)}
            )
        super().clean()
        lead = self.instance.lead
        if lead is not None and lead in chosen:
            raise ValidationError(
                _("“%(article)s” is already the lead story; highlight another article.")
                % {"article": lead}
            )
