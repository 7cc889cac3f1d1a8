"""What search reads: one document per article, kept current by ``search.indexing``."""

from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from .text import clean_text, folded_words, plain_text

# PostgreSQL's text search configuration: German stemming and stop words.
SEARCH_CONFIG = "german"


class SearchDocument(models.Model):
    """An article's searchable text, as plain text, whether or not the article is public
    (visibility changes with the clock, so searches filter with ``public()`` instead).

    ``vector`` is PostgreSQL's weighted full-text index of the text fields (filled there
    only, with a GIN index made by the migration); ``folded_title`` and ``folded_text``
    are case-folded words for the fallback search on databases without full-text search.
    """

    article = models.OneToOneField(
        "articles.Article",
        verbose_name=_("Article"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_document",
    )
    kicker = models.TextField(_("Kicker"), blank=True)
    headline = models.TextField(_("Headline"), blank=True)
    lead = models.TextField(_("Lead"), blank=True)
    body = models.TextField(_("Body"), blank=True)
    tags = models.TextField(_("Tags"), blank=True)
    authors = models.TextField(_("Authors"), blank=True)
    folded_title = models.TextField(editable=False, blank=True)
    folded_text = models.TextField(editable=False, blank=True)
    vector = SearchVectorField(null=True, editable=False)

    # What a hit in each field is worth in PostgreSQL's ranking.
    VECTOR = (
        SearchVector("kicker", "headline", weight="A", config=SEARCH_CONFIG)
        + SearchVector("lead", "tags", "authors", weight="B", config=SEARCH_CONFIG)
        + SearchVector("body", weight="C", config=SEARCH_CONFIG)
    )
    # The article's text, and everything that is stored for it (all but the vector).
    SOURCE_FIELDS = ("kicker", "headline", "lead", "body", "tags", "authors")
    TEXT_FIELDS = (*SOURCE_FIELDS, "folded_title", "folded_text")

    class Meta:
        verbose_name = _("Search document")
        verbose_name_plural = _("Search documents")

    def __str__(self):
        return self.headline

    @classmethod
    def for_article(cls, article, extra=""):
        """The document of ``article`` (tags, corrections and bylines with authors
        prefetched), unsaved; ``extra`` is plain text its page shows besides its body (a
        ticker's entries)."""
        document = cls(
            article=article,
            kicker=clean_text(article.kicker),
            headline=clean_text(article.headline),
            lead=clean_text(article.lead),
            # The corrections end the article on its page; found with its text.
            body=" ".join(
                filter(
                    None,
                    [
                        plain_text(article.body),
                        *(clean_text(item.note) for item in article.corrections.all()),
                        extra,
                    ],
                )
            ),
            tags=clean_text(", ".join(tag.name for tag in article.tags.all())),
            authors=clean_text(article.author_names),
        )
        document.folded_title = folded_words(f"{document.kicker} {document.headline}")
        document.folded_text = folded_words(
            " ".join(getattr(document, field) for field in cls.SOURCE_FIELDS)
        )
        return document
