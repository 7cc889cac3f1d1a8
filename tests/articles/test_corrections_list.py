"""/korrekturen/: every correction of a public article, newest first, page by page, with a
feed, a place in the sitemap and a link in the footer; nothing of an unpublished article
anywhere public; and with the page cache on, a new correction is there at once."""

import re
from datetime import timedelta

import pytest
from django.core.cache import caches
from django.test import Client
from django.utils import timezone

from articles.models import Article, Correction
from tests.helpers.accounts import SUPERUSER, login, make_user
from tests.helpers.article_admin import change_url
from tests.helpers.corrections import corrections_part, live_article
from tests.helpers.factories import ArticleFactory, CorrectionFactory
from tests.helpers.feeds import SITEMAP_NS, parse_xml
from tests.helpers.forms import open_form
from tests.helpers.pages import get

pytestmark = pytest.mark.django_db

URL = "/korrekturen/"
RSS_URL = "/feeds/korrekturen/rss/"
ATOM_URL = "/feeds/korrekturen/atom/"
ATOM = "{http://www.w3.org/2005/Atom}"


def listed(page):
    """(kind and time, headline, address, note) of each correction on the list, in order."""
    items = re.findall(r'<li class="correction-list__item">(.*?)</li>', page, re.S)
    found = []
    for item in items:
        meta = re.search(r'class="correction-list__meta">(.*?)</p>', item, re.S).group(1)
        link = re.search(r'<a href="([^"]+)">([^<]+)</a>', item)
        note = re.search(r'class="correction-list__note">(.*?)</p>', item, re.S).group(1)
        text = " ".join(re.sub(r"<[^>]+>", "", meta).split())
        found.append((text, link.group(2), link.group(1), note))
    return found


def corrected(minutes_ago, **fields):
    """A correction made ``minutes_ago`` of a new public article (or of ``article=``)."""
    fields.setdefault("article", live_article())
    return CorrectionFactory(corrected_at=timezone.now() - timedelta(minutes=minutes_ago), **fields)


def test_the_list_shows_every_public_correction_newest_first_with_its_article(client):
    old = corrected(50, note="In einer früheren Fassung stand 2027.\nRichtig ist 2028.")
    new = corrected(
        5,
        kind=Correction.Kind.CLARIFICATION,
        note="Gemeint ist der Beschluss vom Mittwoch.",
        article=live_article(kicker="Stadtrat", headline="Haushalt beschlossen"),
    )

    page = get(client, URL)

    rows = listed(page)
    assert [row[1] for row in rows] == ["Stadtrat: Haushalt beschlossen", old.article.title]
    assert rows[0][0].startswith("Klarstellung, ") and rows[0][0].endswith(" Uhr")
    assert rows[0][2] == f"{new.article.get_absolute_url()}#korrektur-{new.pk}"
    assert rows[1][3] == "In einer früheren Fassung stand 2027.<br>Richtig ist 2028."
    assert "<h1>Korrekturen</h1>" in page
    # The anchor the list links to is on the article page.
    assert f'id="korrektur-{new.pk}"' in get(client, new.article.get_absolute_url())


def test_the_list_goes_page_by_page(client, settings):
    settings.NEWSROOM_ARTICLES_PER_PAGE = 2
    article = live_article()
    notes = [
        corrected(minutes, article=article, note=f"Notiz {minutes}").note for minutes in (1, 2, 3)
    ]

    first, second = get(client, URL), get(client, f"{URL}?seite=2")

    assert [row[3] for row in listed(first)] == notes[:2]
    assert [row[3] for row in listed(second)] == notes[2:]
    assert 'rel="next" href="?seite=2"' in first
    get(client, f"{URL}?seite=3", status=404)
    get(client, f"{URL}?seite=zwei", status=404)


def test_without_corrections_the_list_says_so(client):
    assert "Bisher keine Korrekturen." in get(client, URL)


def test_the_feed_carries_the_newest_corrections_with_a_link_to_each(client):
    old = corrected(50, note="Richtig ist 2028.")
    new = corrected(5, kind=Correction.Kind.UPDATE, note="Die Kosten <b>sind</b> bekannt.")

    response = client.get(RSS_URL)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = parse_xml(response).find("channel")
    assert channel.findtext("title") == "newsroom – Korrekturen"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == [
        f"Aktualisierung: {new.article.title}",
        f"Korrektur: {old.article.title}",
    ]
    assert items[0].findtext("link") == (
        f"http://testserver{new.article.get_absolute_url()}#korrektur-{new.pk}"
    )
    assert items[0].findtext("description") == "Die Kosten &lt;b&gt;sind&lt;/b&gt; bekannt."
    assert items[0].findtext("guid").endswith(f":correction:{new.pk}")
    atom = parse_xml(client.get(ATOM_URL))
    assert len(atom.findall(f"{ATOM}entry")) == 2


def test_the_footer_links_to_the_list_and_the_list_to_its_feed(client):
    page = get(client, "/")
    assert f'<a href="{URL}">Korrekturen</a>' in page
    assert f'type="application/rss+xml" title="Korrekturen – newsroom" href="{RSS_URL}"' in get(
        client, URL
    )


def test_the_sitemap_lists_the_page_once_there_is_a_correction(client):
    live_article()
    assert "sitemap-korrekturen.xml" not in get(client, "/sitemap.xml")
    correction = corrected(5)

    assert "sitemap-korrekturen.xml" in get(client, "/sitemap.xml")
    tree = parse_xml(client.get("/sitemap-korrekturen.xml"))
    (url,) = tree.findall(f"{{{SITEMAP_NS}}}url")
    assert url.findtext(f"{{{SITEMAP_NS}}}loc") == f"http://testserver{URL}"
    lastmod = timezone.localtime(correction.corrected_at).replace(microsecond=0).isoformat()
    assert url.findtext(f"{{{SITEMAP_NS}}}lastmod") == lastmod


@pytest.mark.parametrize(
    "unpublished",
    [
        {"draft": True},
        {"scheduled": True},
        {"status": Article.Status.WITHDRAWN},
        {"embargo_until": timezone.now() + timedelta(days=1)},
        {"depublish_at": timezone.now() - timedelta(minutes=1)},
    ],
    ids=["draft", "scheduled", "withdrawn", "embargoed", "depublished"],
)
def test_a_correction_of_an_unpublished_article_shows_nowhere_public(client, unpublished):
    secret = ArticleFactory(headline="Geheime Geschichte", **unpublished)
    CorrectionFactory(article=secret, note="Geheime Korrektur")
    corrected(5, note="Öffentliche Korrektur")

    for url in (URL, RSS_URL, ATOM_URL, "/sitemap.xml", "/api/v1/articles/", "/"):
        text = get(client, url)
        assert "Geheime" not in text, url
    assert "Öffentliche Korrektur" in get(client, URL)
    get(client, f"/api/v1/articles/{secret.pk}/", status=404)


# --- with the page cache on -------------------------------------------------------------


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()
    yield
    caches["pages"].clear()


@pytest.mark.django_db(transaction=True)
def test_a_correction_made_in_the_admin_is_on_the_article_and_the_list_at_once(page_cache):
    reader = Client()
    article = live_article()
    other = live_article(headline="Eine andere Geschichte")
    pages = [article.get_absolute_url(), URL, RSS_URL]
    for url in [*pages, other.get_absolute_url()]:
        reader.get(url)
        assert reader.get(url)["X-Page-Cache"] == "hit", url
    # A superuser: a transactional test's flush takes the migrations' groups with it.
    desk = login(Client(), make_user(SUPERUSER, "chefin"))
    form = open_form(desk, change_url(article)).add_row(
        "corrections", kind="correction", note="Richtig ist 2028."
    )

    assert form.submit(desk, change_url(article)).status_code == 302

    for url in pages:
        response = reader.get(url)
        assert response["X-Page-Cache"] == "miss", url
        assert "Richtig ist 2028." in response.content.decode(), url
    assert reader.get(other.get_absolute_url())["X-Page-Cache"] == "hit"

    article.corrections.get().delete()  # from a script, too: gone at once
    assert corrections_part(reader.get(article.get_absolute_url()).content.decode()) == []
    assert "Richtig ist 2028." not in reader.get(URL).content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_withdrawn_articles_corrections_leave_the_stored_list(page_cache):
    correction = corrected(5, note="Richtig ist 2028.")
    reader = Client()
    reader.get(URL)
    assert reader.get(URL)["X-Page-Cache"] == "hit"

    article = correction.article
    article.status = Article.Status.WITHDRAWN
    article.save()

    response = reader.get(URL)
    assert response["X-Page-Cache"] == "miss"
    assert "Richtig ist 2028." not in response.content.decode()
    assert "corrections" in response["xkey"].split()
