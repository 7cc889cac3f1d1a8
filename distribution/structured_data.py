"""schema.org data for search engines, in JSON-LD: an article page as a ``NewsArticle`` (or
the subtype of its genre), the home page as the publisher and the website with its search."""

import json

from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from core.addresses import absolute_url
from core.dates import iso_datetime
from images.data import image_data

from .data import article_url, author_data, hero_image_data

# The logo that ships with the site, used until the site settings name one.
DEFAULT_LOGO = ("img/publisher-logo.png", 600, 60)

# As django.utils.html.json_script does: nothing in the data can end the <script> element.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def publisher(request, site):
    logo = image_data(site.logo, request=request, role="whole")
    if logo:
        logo_url, width, height = logo["url"], logo["width"], logo["height"]
    else:
        path, width, height = DEFAULT_LOGO
        logo_url = absolute_url(request, static(path))
    return {
        "@type": "NewsMediaOrganization",
        "name": site.site_name,
        "url": absolute_url(request, "/"),
        "logo": {"@type": "ImageObject", "url": logo_url, "width": width, "height": height},
    }


def person(author, request):
    data = author_data(author, request)
    found = {"@type": "Person", "name": data["name"], "url": data["url"]}
    return found | ({"jobTitle": data["role"]} if data["role"] else {})


# schema.org's subtypes of NewsArticle, by the article's genre (Article.Genre).
ARTICLE_TYPES = {
    "news": "NewsArticle",
    "opinion": "OpinionNewsArticle",
    "analysis": "AnalysisNewsArticle",
    "background": "BackgroundNewsArticle",
    "reportage": "ReportageNewsArticle",
    "review": "ReviewNewsArticle",
}


def news_article(article, request, site):
    """The ``NewsArticle`` for an article page (bylines, tags, section and corrections already
    loaded); its corrections as ``correction``, one ``CorrectionComment`` each."""
    url = article_url(article, request)
    published = iso_datetime(article.published_at)
    data = {
        "@context": "https://schema.org",
        "@type": ARTICLE_TYPES.get(article.genre, "NewsArticle"),
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": article.title,
        "description": article.lead,
        "inLanguage": "de-DE",
        "datePublished": published,
        "dateModified": iso_datetime(article.updated_at) if article.is_updated else published,
        "author": [person(byline.author, request) for byline in article.bylines.all()],
        "publisher": publisher(request, site),
        "articleSection": article.section.name,
        "keywords": [tag.name for tag in article.tags.all()],
    }
    hero = hero_image_data(article, request)
    if hero:
        data["image"] = [hero["url"]]
    corrections = article.corrections.all()  # loaded with the page, newest first
    if corrections:
        data["correction"] = [
            {
                "@type": "CorrectionComment",
                "text": correction.note,
                "datePublished": iso_datetime(correction.corrected_at),
            }
            for correction in corrections
        ]
    return data


def home_page(request, site):
    """The publisher (with its logo and profiles) and the website, whose search engines may
    offer a search box that leads to the site's own search."""
    home = absolute_url(request, "/")
    organization = publisher(request, site) | {"@id": f"{home}#publisher"}
    profiles = [account.url for account in site.social_links]
    if profiles:
        organization["sameAs"] = profiles
    search = absolute_url(request, reverse("search:results"))
    website = {
        "@type": "WebSite",
        "@id": f"{home}#website",
        "url": home,
        "name": site.site_name,
        "inLanguage": "de-DE",
        "publisher": {"@id": organization["@id"]},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search}?q={{search_term_string}}"},
            "query-input": "required name=search_term_string",
        },
    }
    return {"@context": "https://schema.org", "@graph": [organization, website]}


def json_ld(data):
    """A ``<script type="application/ld+json">`` element holding ``data``, safe in HTML."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))
