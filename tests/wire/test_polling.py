"""The worker polls each active source on time and stores every item once: the same item
again is recognised by its ID and version, a newer version updates it, a withdrawal is
flagged; a source that fails gets an error status and a backoff, a success resets it."""

import json
import tracemalloc
from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from articles.models import Article, ArticleEvent
from tests.helpers.wire import WireSourceFactory, sample
from tests.helpers.worker import DATABASE_QUEUE, run_worker
from wire import fetching, polling
from wire.models import WireItem, WireSource
from wire.takeover import take_over

pytestmark = pytest.mark.django_db

NOON = datetime(2026, 12, 4, 11, 0, tzinfo=UTC)
RATHAUS = "urn:newsml:beispielagentur.example:20261204:rathaus-solar"


@pytest.fixture(autouse=True)
def database_queue(settings):
    settings.TASKS = DATABASE_QUEUE


def ninjs_source(agency, path="/ninjs", name="ninjs2-rathaus.json", **fields):
    url = agency.serve_sample(path, name)
    return WireSourceFactory(url=url, **fields)


def new_version(agency, path, **changes):
    item = json.loads(sample("ninjs2-rathaus.json", agency.base))
    item.update(changes)
    agency.routes[path] = json.dumps(item).encode()


def test_the_worker_polls_a_source_on_time_and_stores_its_items_once(agency):
    with time_machine.travel(NOON, tick=False):
        source = ninjs_source(agency)
        run_worker()
    item = WireItem.objects.get()
    assert (item.guid, item.version, item.source) == (RATHAUS, 1, source)
    assert item.headline == "Beispielstadt deckt Rathausdach mit Solarmodulen"
    assert "<script" not in item.body and "onclick" not in item.body
    assert "Die Arbeiten beginnen im Frühjahr." in item.body
    assert item.credit == "Beispielagentur" and item.urgency == 3
    source.refresh_from_db()
    assert source.last_success_at == NOON
    assert source.next_poll_at == NOON + timedelta(minutes=5)

    with time_machine.travel(NOON + timedelta(minutes=2), tick=False):
        run_worker()  # not due yet
    assert agency.requests.count("/ninjs") == 1

    with time_machine.travel(NOON + timedelta(minutes=5, seconds=1), tick=False):
        run_worker()  # due: the same item and version again is left alone
    assert agency.requests.count("/ninjs") == 2
    assert WireItem.objects.count() == 1
    assert WireItem.objects.get().updated_at == NOON


def test_an_inactive_source_is_not_polled(agency):
    with time_machine.travel(NOON, tick=False):
        ninjs_source(agency, is_active=False)
        run_worker()
    assert agency.requests == [] and not WireItem.objects.exists()


def test_a_claimed_source_is_not_claimed_twice(agency):
    with time_machine.travel(NOON, tick=False):
        source = ninjs_source(agency)
        assert polling.poll_due_sources() == [source.pk]
        assert polling.poll_due_sources() == []  # a second worker finds nothing due


def test_a_newer_version_updates_the_item_and_flags_the_article(agency, admin_user):
    with time_machine.travel(NOON, tick=False):
        ninjs_source(agency, interval=1)
        run_worker()
    item = WireItem.objects.get()
    article, _ = take_over(item, admin_user)
    new_version(
        agency, "/ninjs", version="2", headlines=[{"value": "Rathausdach: Bau beginnt früher"}]
    )
    with time_machine.travel(NOON + timedelta(minutes=1, seconds=1), tick=False):
        run_worker()
    item.refresh_from_db()
    assert (item.version, item.headline) == (2, "Rathausdach: Bau beginnt früher")
    assert WireItem.objects.count() == 1
    event = article.events.get(action=ArticleEvent.Action.WIRE_UPDATED)
    assert (event.old_value, event.new_value) == ("Version 1", "Version 2")


def test_a_withdrawal_flags_the_article_and_takes_a_scheduled_one_off_the_schedule(
    agency, admin_user
):
    with time_machine.travel(NOON, tick=False):
        ninjs_source(agency, interval=1)
        run_worker()
        article, _ = take_over(WireItem.objects.get(), admin_user)
        Article.objects.filter(pk=article.pk).update(
            status=Article.Status.SCHEDULED, published_at=NOON + timedelta(hours=2)
        )
    new_version(agency, "/ninjs", pubstatus="canceled")  # same version: still a withdrawal
    with time_machine.travel(NOON + timedelta(minutes=1, seconds=1), tick=False):
        run_worker()
    assert WireItem.objects.get().is_withdrawn
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    actions = set(article.events.values_list("action", flat=True))
    assert {ArticleEvent.Action.WIRE_WITHDRAWN, ArticleEvent.Action.BACK_TO_DRAFT} <= actions


def test_a_failing_source_gets_an_error_status_and_a_growing_backoff(agency):
    with time_machine.travel(NOON, tick=False):
        source = WireSourceFactory(url=agency.url("/gibt-es-nicht"), interval=5)
        run_worker()
    source.refresh_from_db()
    assert source.error_count == 1 and "HTTP 404" in source.error_message
    assert source.next_poll_at == NOON + timedelta(minutes=5)
    later = NOON + timedelta(minutes=5, seconds=1)
    with time_machine.travel(later, tick=False):
        run_worker()
    source.refresh_from_db()
    assert source.error_count == 2
    assert source.next_poll_at == later + timedelta(minutes=10)  # doubled

    agency.serve_sample("/gibt-es-nicht", "ninjs2-rathaus.json")
    with time_machine.travel(later + timedelta(minutes=10, seconds=1), tick=False):
        run_worker()
    source.refresh_from_db()
    assert (source.error_count, source.error_message) == (0, "")
    assert WireItem.objects.filter(source=source).count() == 1


def test_a_hostile_source_does_not_stop_the_others(agency, caplog):
    with time_machine.travel(NOON, tick=False):
        bomb = WireSourceFactory(
            kind=WireSource.Kind.FEED, url=agency.serve_sample("/bomb", "billion-laughs.xml")
        )
        huge = WireSourceFactory(url=agency.url("/riesig"))
        good = ninjs_source(agency)
        run_worker()
    assert WireItem.objects.get().source == good
    bomb.refresh_from_db()
    huge.refresh_from_db()
    assert bomb.skipped_count == 1 and bomb.error_count == 0  # read, its payload refused
    assert huge.error_count == 1 and "größer als 10 MB" in huge.error_message
    skipped = [r.getMessage() for r in caplog.records if r.name == "wire.ingest"]
    assert len(skipped) == 1 and "refused XML: DTDForbidden" in skipped[0]
    assert agency.requests.count("/riesig") == 1  # read until the limit, then dropped


def test_a_slow_source_times_out(agency, settings):
    settings.WIRE_TIMEOUT = 0.5
    source = WireSourceFactory(url=agency.url("/langsam"))
    agency.serve_sample("/langsam", "ninjs2-rathaus.json")
    assert "error" in polling.poll(source)
    source.refresh_from_db()
    assert source.error_count == 1 and "nicht erreichbar" in source.error_message


def test_only_http_addresses_are_fetched():
    source = WireSourceFactory(url="file:///etc/passwd")
    assert "http" in polling.poll(source)["error"]
    assert not WireItem.objects.exists()


def test_a_folder_source_reads_each_file_once(tmp_path):
    folder = tmp_path / "eingang"
    folder.mkdir()
    (folder / "meldung.json").write_bytes(sample("ninjs1-hafen.json"))
    (folder / "kaputt.json").write_bytes(sample("invalid.json"))
    source = WireSourceFactory(kind=WireSource.Kind.NINJS_FOLDER, url="", folder=str(folder))
    assert polling.poll(source) == {"created": 1, "updated": 0, "unchanged": 0, "skipped": 1}
    assert polling.poll(source) == {"created": 0, "updated": 0, "unchanged": 0, "skipped": 0}
    item = WireItem.objects.get()
    assert item.version == 2 and item.embargo_until == datetime(2026, 12, 5, 10, tzinfo=UTC)


def test_a_missing_folder_is_an_error_on_the_source(tmp_path):
    source = WireSourceFactory(
        kind=WireSource.Kind.NEWSML_FOLDER, url="", folder=str(tmp_path / "fehlt")
    )
    polling.poll(source)
    source.refresh_from_db()
    assert "nicht gefunden" in source.error_message


def test_a_huge_answer_is_cut_off_without_being_held_in_memory(agency):
    tracemalloc.start()
    try:
        with pytest.raises(fetching.FetchError, match="größer als 10 MB"):
            fetching.fetch_url(agency.url("/riesig"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 25 * 1024 * 1024  # the 50 MB were never read whole


def test_feeds_are_read_and_a_later_update_is_a_new_version(agency):
    rss = WireSourceFactory(
        kind=WireSource.Kind.FEED, url=agency.serve_sample("/rss", "feed.xml"), agency="Stadt"
    )
    atom = WireSourceFactory(
        kind=WireSource.Kind.FEED, url=agency.serve_sample("/atom", "atom.xml")
    )
    assert polling.poll(rss)["created"] == polling.poll(atom)["created"] == 1
    item = WireItem.objects.get(source=rss)
    assert item.link == "https://presse.beispielstadt.example/mitteilungen/1"
    assert item.body == "<p>Das Bürgeramt öffnet ab Januar auch samstags.</p>"
    assert polling.poll(atom)["unchanged"] == 1
    agency.routes["/atom"] = agency.routes["/atom"].replace(
        b"<updated>2026-12-04T09:00:00Z</updated>\n    <summary>",
        b"<updated>2026-12-04T10:30:00Z</updated>\n    <summary>",
    )
    assert polling.poll(atom)["updated"] == 1
    assert WireItem.objects.get(source=atom).version == 2
