"""Agency copy end to end in a browser: an item from a source served over HTTP is opened in
the inbox, taken over as an article with its picture and credit, and published."""

import pytest

from articles.models import Article
from tests.helpers.accounts import SUPERUSER, make_user
from tests.helpers.browser import click_and_wait_for_success, log_in
from tests.helpers.wire import AgencyServer, WireSourceFactory, serve_pictures
from wire import polling

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADLINE = "Beispielstadt deckt Rathausdach mit Solarmodulen"


def test_an_editor_takes_an_agency_item_over_and_publishes_it(live_server, page):
    make_user(SUPERUSER, username="cvd")
    with AgencyServer() as agency:
        serve_pictures(agency)
        source = WireSourceFactory(url=agency.serve_sample("/dienst", "ninjs2-rathaus.json"))
        assert "error" not in polling.poll(source)

        log_in(page, live_server.url, "cvd")
        page.goto(f"{live_server.url}/admin/wire/wireitem/?q=Rathaus")
        page.click(f"text={HEADLINE}")
        assert "Die Arbeiten beginnen im Frühjahr." in page.inner_text(".field-text")
        click_and_wait_for_success(page, "text=Als Artikel übernehmen")

    article = Article.objects.get()
    assert page.url.endswith(f"/admin/articles/article/{article.pk}/change/")
    assert "Bild: Beispielagentur | Max Muster" in page.inner_text(".field-hero_image_preview")
    assert "Aus Agenturmeldung übernommen" in page.inner_text(".nr-desk-notices")
    page.fill("#id_bullets-0-text", "Das Rathaus erzeugt seinen Strom zum Teil selbst")
    click_and_wait_for_success(page, "button[name=transition][value=publish]")
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED

    page.goto(live_server.url + article.get_absolute_url())
    assert "Von Beispielagentur" in page.inner_text("main")
    assert "Bild: Beispielagentur | Max Muster" in page.inner_text("main")
