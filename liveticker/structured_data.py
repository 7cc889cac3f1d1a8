"""A ticker article for search engines: schema.org ``LiveBlogPosting`` with its coverage
times and the entries of the page as ``liveBlogUpdate``."""

from django.utils.html import strip_tags

from core.dates import iso_datetime
from distribution import structured_data
from distribution.data import article_url
from sitecontent.models import SiteSettings


def live_blog_posting(request, article, ticker, shown):
    data = structured_data.news_article(article, request, SiteSettings.current())
    url = article_url(article, request)
    data["@type"] = "LiveBlogPosting"
    data["coverageStartTime"] = iso_datetime(ticker.started_at)
    if ticker.ended_at:
        data["coverageEndTime"] = iso_datetime(ticker.ended_at)
    data["liveBlogUpdate"] = [
        {
            "@type": "BlogPosting",
            "headline": entry.title or article.title,
            "datePublished": iso_datetime(entry.published_at),
            "url": f"{url}#{entry.anchor}",
            "articleBody": strip_tags(entry.body).strip(),
        }
        | ({"author": {"@type": "Person", "name": entry.author.name}} if entry.author else {})
        for entry in shown.entries
    ]
    return structured_data.json_ld(data)
