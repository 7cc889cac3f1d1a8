"""Pictures and embeds in the article text: what the sanitizer keeps, what the article form
refuses, and how the article page shows them (one query for all pictures, two clicks for
third-party content, a widened frame-src only where an embed needs it)."""

from datetime import timedelta

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from articles.sanitizer import clean_body
from tests.helpers.article_admin import ADD_URL, change_url, full_article_form
from tests.helpers.blocks import (
    YOUTUBE_FRAME,
    YOUTUBE_URL,
    article_with_blocks,
    embed_block,
    picture_block,
)
from tests.helpers.factories import (
    ArticleFactory,
    AuthorFactory,
    ImageFactory,
    SectionFactory,
    uploaded_jpeg,
)
from tests.helpers.forms import open_form
from tests.helpers.html import html, start_tags, text_of

pytestmark = pytest.mark.django_db


# --- the sanitizer -------------------------------------------------------------------------


def test_the_two_blocks_survive_the_sanitizer_as_stored():
    body = "<p>a</p>" + picture_block(12, "Die Linie & mehr") + embed_block() + "<p>b</p>"

    assert clean_body(body) == body


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        (
            '<figure data-image="12" class="x" onclick="steal()"><img src="x">'
            "<figcaption>Die <b>neue</b> Linie<script>steal()</script></figcaption>"
            "<p>mehr</p></figure>",
            '<figure data-image="12"><figcaption>Die neue Linie</figcaption></figure>',
        ),
        ('<figure data-embed="javascript:alert(1)"></figure>', ""),
        ('<figure data-embed="http://www.youtube.com/watch?v=dQw4w9WgXcQ"></figure>', ""),
        ('<figure data-image="12abc"></figure>', ""),
        ('<figure data-image="12" data-embed="https://x.com/a/status/1"></figure>', ""),
        ("<figure>Nur Text</figure>", ""),
        ('<ul><li><figure data-image="3"></figure></li></ul>', "<ul><li></li></ul>"),
        (
            f'<figure data-embed="{YOUTUBE_URL}"><figcaption>weg</figcaption><p>x</p></figure>',
            f'<figure data-embed="{YOUTUBE_URL}"></figure>',
        ),
        ("<figcaption>Nur eine Unterschrift</figcaption>", "Nur eine Unterschrift"),
    ],
)
def test_figures_keep_only_the_stored_form(dirty, clean):
    assert clean_body(dirty) == clean
    assert clean_body(clean) == clean


# --- the article form ----------------------------------------------------------------------


def submit_body(admin_client, body, headline="Bilder im Text"):
    form = full_article_form(
        admin_client,
        section=SectionFactory(),
        authors=[AuthorFactory()],
        bullets=["Ein Punkt"],
        headline=headline,
    )
    form.fill(body=body)
    return form.submit(admin_client, ADD_URL)


def test_the_form_saves_a_picture_and_an_embed(admin_client):
    image = ImageFactory()
    body = "<p>Vorher.</p>" + picture_block(image, "Am Südplatz") + embed_block()

    response = submit_body(admin_client, body)

    assert response.status_code == 302
    article = Article.objects.get(headline="Bilder im Text")
    assert article.body == body
    assert list(article.inline_images.all()) == [image]


def test_the_form_refuses_a_picture_that_is_not_in_the_library(admin_client):
    body = "<p>Vorher.</p>" + picture_block(987654)

    response = submit_body(admin_client, body)

    assert response.status_code == 200
    page = response.content.decode()
    assert "nicht in der Bibliothek" in page and "987654" in page
    assert not Article.objects.filter(headline="Bilder im Text").exists()
    # The typed text stays in the form.
    assert html(response).xpath("//textarea[@name='body']")[0].text.strip() == body


def test_the_form_refuses_an_embed_that_is_not_on_the_allow_list(admin_client):
    body = "<p>Vorher.</p>" + embed_block("https://www.youtube.com.evil.tld/watch?v=dQw4w9WgXcQ")

    response = submit_body(admin_client, body)

    assert response.status_code == 200
    page = text_of(response.content.decode())
    assert "kann nicht eingebettet werden" in page
    assert "youtube.com.evil.tld" in page
    assert not Article.objects.filter(headline="Bilder im Text").exists()


def test_the_form_refuses_a_new_picture_whose_rights_expired(admin_client):
    expired = ImageFactory(usable_until=timezone.localdate() - timedelta(days=1))

    response = submit_body(admin_client, "<p>Vorher.</p>" + picture_block(expired))

    assert response.status_code == 200
    page = text_of(response.content.decode())
    assert "Die Rechte am Bild" in page and "im Text sind am" in page
    assert not Article.objects.filter(headline="Bilder im Text").exists()


def test_a_picture_already_in_the_text_may_expire_without_blocking_saves(admin_client):
    image = ImageFactory()
    article = ArticleFactory(body="<p>Alt.</p>" + picture_block(image), draft=True)
    image.usable_until = timezone.localdate() - timedelta(days=1)
    image.save()
    form = open_form(admin_client, change_url(article))
    form.fill(body=article.body + "<p>Neuer Absatz.</p>")

    response = form.submit(admin_client, change_url(article))

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.body.endswith("<p>Neuer Absatz.</p>")


# --- the article page ----------------------------------------------------------------------


def test_an_inline_picture_is_shown_like_the_hero(client):
    image = ImageFactory(
        file=uploaded_jpeg(width=800, height=450), credit_line="dpa", photographer="Jana Beispiel"
    )
    article = article_with_blocks(image)

    response = client.get(article.get_absolute_url())

    figure = html(response).xpath("//div[@class='article__body']//figure[@class='article__figure']")
    assert len(figure) == 1
    img = figure[0].xpath(".//img")[0]
    assert "/renditions/" in img.get("src")
    assert img.get("srcset").count("/renditions/") == 3 and " 640w" in img.get("srcset")
    assert img.get("sizes") == "(min-width: 46rem) 44rem, 100vw"
    assert img.get("loading") == "lazy"
    assert img.get("alt") == image.alt_text
    caption = text_of(figure[0].xpath(".//figcaption")[0].text_content())
    assert caption == "Die neue Linie am Südplatz Bild: dpa | Jana Beispiel"
    # Between the paragraphs where the editor put it.
    body = text_of(html(response).xpath("//div[@class='article__body']")[0].text_content())
    assert body.index("Erster Absatz.") < body.index("Die neue Linie") < body.index("Zweiter")


def test_an_inline_picture_without_caption_takes_the_library_caption(client):
    image = ImageFactory(caption="Die Haltestelle im Regen")
    article = ArticleFactory(body="<p>Text.</p>" + picture_block(image))

    page = client.get(article.get_absolute_url()).content.decode()

    assert "Die Haltestelle im Regen" in page


def test_an_expired_or_missing_picture_is_left_out(client):
    expired = ImageFactory(usable_until=timezone.localdate() - timedelta(days=1))
    shown = ImageFactory()
    article = ArticleFactory(
        body="<p>Eins.</p>" + picture_block(expired, "Abgelaufen") + picture_block(shown, "Da")
    )
    # A picture deleted behind the form's back (an import, the shell).
    Article.objects.filter(pk=article.pk).update(
        body=article.body + picture_block(999999, "Nie da")
    )

    response = client.get(article.get_absolute_url())

    body = html(response).xpath("//div[@class='article__body']")[0]
    text = text_of(body.text_content())
    assert "Abgelaufen" not in text and "Nie da" not in text
    assert "Da" in text
    assert len(body.xpath(".//figure")) == 1
    assert "Bild nicht verfügbar" not in text


def test_all_inline_pictures_cost_two_queries_together(client):
    plain = ArticleFactory()
    images = ImageFactory.create_batch(3)
    with_pictures = ArticleFactory(body="".join(picture_block(image) for image in images))
    client.get(plain.get_absolute_url())  # warm per-process caches
    client.get(with_pictures.get_absolute_url())  # renditions are made on first use

    with CaptureQueriesContext(connection) as without:
        client.get(plain.get_absolute_url())
    with CaptureQueriesContext(connection) as with_three:
        response = client.get(with_pictures.get_absolute_url())

    assert len(html(response).xpath("//figure[@class='article__figure']")) == 3
    # The pictures in one query, their renditions in one more: not one per figure.
    assert len(with_three) == len(without) + 2


def test_an_embed_is_a_placeholder_until_the_click(client):
    article = article_with_blocks(ImageFactory())

    response = client.get(article.get_absolute_url())

    page = response.content.decode()
    figure = html(response).xpath("//figure[contains(@class, 'embed')]")[0]
    assert figure.get("data-embed-frame") == YOUTUBE_FRAME
    assert "<iframe" not in page
    assert "youtube-nocookie.com" not in page.replace(f'data-embed-frame="{YOUTUBE_FRAME}"', "")
    text = text_of(figure.text_content())
    assert "Inhalte von YouTube" in text
    assert "erst nach Ihrem Klick" in text
    assert figure.xpath(".//button")[0].text.strip() == "Inhalt laden"
    assert figure.xpath(".//a")[0].get("href") == YOUTUBE_URL
    assert start_tags(page, "script")[-1]["src"].endswith("/js/embeds.js")


def test_only_a_page_with_an_embed_may_frame_its_provider(client):
    with_embed = article_with_blocks(ImageFactory())
    without = ArticleFactory()

    framed = client.get(with_embed.get_absolute_url())["Content-Security-Policy"]
    plain = client.get(without.get_absolute_url())["Content-Security-Policy"]

    assert "frame-src https://www.youtube-nocookie.com" in framed
    assert "frame-src" not in plain
    assert "script-src 'self'" in framed and "'unsafe-inline'" not in framed
    assert "embeds.js" not in client.get(without.get_absolute_url()).content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_stored_page_keeps_the_frame_src_of_its_embed(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()
    article = ArticleFactory(body="<p>Text.</p>" + embed_block())
    first = client.get(article.get_absolute_url())

    hit = client.get(article.get_absolute_url())

    assert (first["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")
    assert "frame-src https://www.youtube-nocookie.com" in hit["Content-Security-Policy"]
    assert hit["Content-Security-Policy"] == first["Content-Security-Policy"]
    caches["pages"].clear()


def test_a_mastodon_post_frames_its_own_instance(client):
    url = "https://chaos.social/@leipzig/112233445566778899"
    article = ArticleFactory(body="<p>Text.</p>" + embed_block(url))

    response = client.get(article.get_absolute_url())

    assert "frame-src https://chaos.social;" in response["Content-Security-Policy"] + ";"
    assert html(response).xpath("//figure/@data-embed-frame") == [url + "/embed"]


def test_an_embed_no_longer_allowed_becomes_a_plain_link(client, settings):
    settings.EMBED_IFRAME_HOSTS = ["grafik.example.org"]
    url = "https://grafik.example.org/karte.html"
    article = ArticleFactory(body=embed_block(url))
    settings.EMBED_IFRAME_HOSTS = []

    response = client.get(article.get_absolute_url())

    assert html(response).xpath("//div[@class='article__body']//a/@href") == [url]
    assert "data-embed-frame" not in response.content.decode()
    assert "frame-src" not in response["Content-Security-Policy"]


def test_the_preview_shows_the_blocks_too(admin_client):
    image = ImageFactory()
    article = article_with_blocks(image, status=Article.Status.DRAFT, published_at=None)

    response = admin_client.get(f"/vorschau/{article.pk}/")

    assert response.status_code == 200
    assert html(response).xpath("//figure[@class='article__figure']//img")
    assert "frame-src https://www.youtube-nocookie.com" in response["Content-Security-Policy"]
