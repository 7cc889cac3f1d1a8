"""``manage.py load_demo``: a complete, fresh-looking demo newsroom that is safe to load twice."""

import io
import re
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Count
from django.utils import timezone
from PIL import Image as PILImage
from taggit.models import Tag, TaggedItem

from articles.models import Article, Byline, Correction, CrossLink, Section, TeaserBullet
from demo import content, loader, pictures
from images.models import Image
from people.models import Author
from sitecontent.models import SiteSettings
from tests.helpers.accounts import log_in_with_password

pytestmark = pytest.mark.django_db

# Tiny pictures keep the tests fast; test_pictures_at_full_size checks the real size.
SCALE = "0.1"


def load_demo(*args):
    out = io.StringIO()
    call_command("load_demo", *args, f"--image-scale={SCALE}", stdout=out)
    return out.getvalue()


@pytest.fixture
def demo():
    """Load the demo without an admin user; returns the command's output."""
    return load_demo("--no-admin")


def snapshot(media_root):
    """Row counts of everything the demo creates, and the picture files on disk."""
    models = [
        Section,
        Author,
        Image,
        Article,
        Byline,
        TeaserBullet,
        CrossLink,
        Correction,
        Tag,
        TaggedItem,
    ]
    counts = {model.__name__: model.objects.count() for model in models}
    counts["User"] = get_user_model().objects.count()
    files = sorted(str(path) for path in Path(media_root).rglob("*") if path.is_file())
    return counts, files


# --- size and shape ---------------------------------------------------------------------------


def test_loads_a_newsroom_of_the_expected_size(demo):
    assert 35 <= Article.objects.count() <= 45
    assert 18 <= Image.objects.count() <= 25
    assert 8 <= Author.objects.count() <= 12

    sections = list(Section.objects.all())
    assert [s.name for s in sections] == [
        "Politik",
        "Wirtschaft",
        "Leipzig",
        "Kultur",
        "Sport",
        "Wissen",
    ]
    positions = [s.position for s in sections]
    assert positions == sorted(set(positions)), "sections need distinct, ordered positions"
    assert not Section.objects.annotate(n=Count("articles")).filter(n=0).exists()


def test_summary_reports_what_is_in_the_database(demo):
    assert f"{Article.objects.count()} Artikel" in demo
    assert f"{Image.objects.count()} Bilder ({Image.objects.count()} neu gezeichnet)" in demo
    assert f"{Author.objects.count()} Autor:innen" in demo
    assert f"{Section.objects.count()} Ressorts" in demo


def test_authors_look_like_a_real_newsroom(demo):
    authors = list(Author.objects.annotate(n=Count("bylines")))
    codes = [a.short_code for a in authors]
    assert len(set(codes)) == len(codes)
    assert all(re.fullmatch(r"[a-z]{2,4}", code) for code in codes)
    assert {"Redakteurin", "Korrespondent", "Newsroom-Redakteurin"} <= {
        a.role_title for a in authors
    }
    assert all(len(a.name.split()) >= 2 and a.bio and a.slug for a in authors)
    assert all(a.n >= 1 for a in authors), "every author should have written something"
    with_photo = [a for a in authors if a.photo]
    assert 1 <= len(with_photo) < len(authors)
    assert all(a.photo.height > a.photo.width for a in with_photo), "author photos are portraits"


def test_every_part_of_the_anatomy_is_used(demo):
    articles = list(
        Article.objects.select_related("hero_image").prefetch_related(
            "bullets", "tags", "cross_links", "bylines__author"
        )
    )
    total = len(articles)

    # kicker: most, not all
    with_kicker = [a for a in articles if a.kicker]
    assert total / 2 < len(with_kicker) < total

    # hero image: most, not all; some with a caption of their own
    with_image = [a for a in articles if a.hero_image]
    assert total / 2 < len(with_image) < total
    overrides = [a for a in with_image if a.hero_caption]
    assert overrides
    assert all(a.caption == a.hero_caption != a.hero_image.caption for a in overrides)
    assert len({a.hero_image_id for a in with_image}) < len(with_image), "images are reused"

    # bylines: 1 to 3 authors in distinct positions; some articles with several; role overrides
    for article in articles:
        bylines = list(article.bylines.all())
        assert 1 <= len(bylines) <= 3
        assert len({b.position for b in bylines}) == len(bylines)
    assert any(len(a.bylines.all()) == 2 for a in articles)
    assert any(len(a.bylines.all()) == 3 for a in articles)
    overridden = [b for a in articles for b in a.bylines.all() if b.role]
    assert overridden
    assert all(b.role != b.author.role_title and b.label.startswith(b.role) for b in overridden)

    # teaser bullets: 1 to 5 everywhere, both ends of the range used
    counts = {len(a.bullets.all()) for a in articles}
    assert counts <= {1, 2, 3, 4, 5}
    assert {1, 5} <= counts

    # cross-links: 1 to 3 for most articles, never to itself, no target twice
    with_links = [a for a in articles if a.cross_links.all()]
    assert len(with_links) > total / 2
    for article in with_links:
        targets = [link.target_id for link in article.cross_links.all()]
        assert 1 <= len(targets) <= 3
        assert article.pk not in targets
        assert len(set(targets)) == len(targets)

    # tags: every article has some; many are shared
    assert all(a.tags.all() for a in articles)
    assert Tag.objects.count() >= 20
    assert Tag.objects.annotate(n=Count("taggit_taggeditem_items")).filter(n__gte=5).exists()

    # a material update after publication
    updated = [a for a in articles if a.updated_at]
    assert updated
    assert all(a.is_public and a.is_updated and a.updated_at <= timezone.now() for a in updated)

    # headlines and leads are distinct; leads are plain text
    assert len({a.headline for a in articles}) == total
    assert len({a.lead for a in articles}) == total
    assert not any("<" in a.lead for a in articles)


def test_a_commentary_and_a_picture_for_shared_links(demo, client):
    commentary = Article.objects.get(genre=Article.Genre.OPINION)
    page = client.get(commentary.get_absolute_url()).content.decode()
    assert "OpinionNewsArticle" in page and 'class="article__genre">Kommentar<' in page
    # Pages without a picture of their own share the site's default picture.
    assert SiteSettings.current().social_image is not None
    assert 'property="og:image"' in client.get("/suche/").content.decode()


def test_a_scheduled_story_waits_for_its_embargo(demo):
    (embargoed,) = Article.objects.exclude(embargo_until=None)
    assert embargoed.status == Article.Status.SCHEDULED
    assert embargoed.embargo_until == embargoed.published_at > timezone.now()
    assert embargoed.embargo_source


def test_bodies_use_every_allowed_kind_of_markup(demo):
    bodies = "\n".join(Article.objects.values_list("body", flat=True))
    for markup in ("<p>", "<h2>", "<ul>", "<ol>", "<li>", "<blockquote>", "<strong>", "<em>"):
        assert markup in bodies, markup
    assert re.search(r'<a href="https://[^"]+"', bodies)
    assert re.search(r"<li>„[^<]+“", bodies), "quotes set as a bulleted list, as in the anatomy"
    # Nothing was left in the tiny markup the demo data is written in.
    assert not re.search(r"(^|>)\s*(## |> |- )", bodies, re.MULTILINE)


def content_image(key):
    return next(picture for picture in content.IMAGES if picture.key == key)


def test_a_public_article_shows_a_picture_and_an_embed_in_its_text(demo, client):
    (article,) = Article.objects.public().filter(body__contains="<figure data-embed=")
    assert "[Bild:" not in article.body and "[Einbettung:" not in article.body
    assert [image.caption for image in article.inline_images.all()] == [
        content_image("baustelle").caption
    ]

    page = client.get(article.get_absolute_url()).content.decode()

    assert 'class="article__figure"' in page and "So sah die Baustelle" in page
    assert "Inhalte von YouTube" in page and "Inhalt laden" in page


def test_some_public_articles_are_corrected_in_every_kind(demo, client):
    corrections = list(Correction.objects.select_related("article"))
    corrected = {correction.article for correction in corrections}
    assert 2 <= len(corrected) <= 4
    assert {correction.kind for correction in corrections} == set(Correction.Kind.values)
    assert all(correction.article.is_public for correction in corrections)
    assert all(
        correction.article.published_at < correction.corrected_at <= timezone.now()
        for correction in corrections
    )

    listed = client.get("/korrekturen/").content.decode()

    assert all(correction.article.title in listed for correction in corrections)
    assert listed.count('class="correction-list__item"') == len(corrections)


def test_image_credits_vary_like_agency_credits(demo):
    images = list(Image.objects.all())
    assert all(image.caption and image.alt_text for image in images)
    assert any(image.credit_line and image.photographer for image in images)
    assert any(image.credit_line and not image.photographer for image in images)
    assert any(image.photographer and not image.credit_line for image in images)
    assert any(" via " in image.credit_line for image in images)
    assert any(image.credit_line.startswith("IMAGO/") for image in images)


# --- publication state and times --------------------------------------------------------------


def test_drafts_and_scheduled_articles_are_not_public(demo):
    now = timezone.now()
    drafts = Article.objects.filter(status=Article.Status.DRAFT)
    scheduled = Article.objects.filter(status=Article.Status.SCHEDULED, published_at__gt=now)
    public = Article.objects.public()

    assert drafts.count() >= 2
    assert not drafts.filter(published_at__isnull=False).exists()
    assert scheduled.count() >= 1
    assert not public.filter(pk__in=drafts).exists()
    assert not public.filter(pk__in=scheduled).exists()
    assert public.count() == Article.objects.count() - drafts.count() - scheduled.count()
    assert public.count() > Article.objects.count() * 0.7

    # Some public articles link to articles that are not public, so the hidden link shows.
    hidden = CrossLink.objects.filter(article__in=public).exclude(target__in=public)
    assert hidden.exists()


def test_publication_times_are_recent_and_realistic(demo):
    now = timezone.now()
    times = list(Article.objects.public().values_list("published_at", flat=True))
    assert len(set(times)) == len(times)
    assert all(now - timedelta(days=16) <= t <= now for t in times)
    # Nobody publishes between midnight and six, so at night the newest is from the evening.
    assert max(times) >= now - timedelta(hours=12), "the newest article is fresh"
    assert max(times) - min(times) >= timedelta(days=8), "spread over the last two weeks"
    local = [timezone.localtime(t) for t in times]
    assert all(t.hour >= 6 and t.second == 0 and t.microsecond == 0 for t in local)


def test_scheduled_times_are_in_the_near_future(demo):
    now = timezone.now()
    scheduled = Article.objects.filter(status=Article.Status.PUBLISHED, published_at__gt=now)
    assert all(
        t <= now + timedelta(days=3) for t in scheduled.values_list("published_at", flat=True)
    )


# --- pictures ---------------------------------------------------------------------------------


def test_pictures_are_stored_with_their_dimensions(demo):
    for image in Image.objects.all():
        assert image.file.name.startswith("images/")
        assert image.file.storage.exists(image.file.name)
        assert image.width > 0 and image.height > 0
        with image.file.open("rb") as handle, PILImage.open(handle) as picture:
            assert picture.format == "JPEG"
            assert picture.size == (image.width, image.height)
    sizes = set(Image.objects.values_list("width", "height"))
    assert sizes == {(160, 90), (72, 90)}, "16:9 pictures and 4:5 portraits, scaled by 0.1"


def test_pictures_at_full_size():
    sizes = set()
    for picture in content.IMAGES:
        data = pictures.render_picture(picture)
        assert len(data) < 250_000, f"{picture.key} is too big: {len(data)} bytes"
        with PILImage.open(io.BytesIO(data)) as image:
            sizes.add(image.size)
    assert sizes == {(1600, 900), (720, 900)}


def test_pictures_are_deterministic_and_differ():
    first, second = content.IMAGES[:2]
    assert pictures.render_picture(first, 0.1) == pictures.render_picture(first, 0.1)
    assert pictures.render_picture(first, 0.1) != pictures.render_picture(second, 0.1)


# --- idempotence and safety -------------------------------------------------------------------


def test_loading_twice_duplicates_nothing(settings):
    load_demo("--no-admin")
    before = snapshot(settings.MEDIA_ROOT)
    files_before = dict(Image.objects.values_list("pk", "file"))

    output = load_demo("--no-admin")

    assert snapshot(settings.MEDIA_ROOT) == before
    assert dict(Image.objects.values_list("pk", "file")) == files_before
    assert "(0 neu gezeichnet)" in output, "picture files are not drawn again"


def test_loading_again_resets_edited_demo_content():
    load_demo("--no-admin")
    article = Article.objects.filter(bullets__isnull=False).first()
    article.lead = "Von Hand geändert."
    article.save()
    article.bullets.all().delete()

    load_demo("--no-admin")

    article.refresh_from_db()
    assert article.lead != "Von Hand geändert."
    assert article.bullets.exists()


def test_a_missing_picture_file_is_drawn_again(settings):
    load_demo("--no-admin")
    image = Image.objects.order_by("pk").first()
    image.file.storage.delete(image.file.name)
    count = Image.objects.count()

    output = load_demo("--no-admin")

    image.refresh_from_db()
    assert Image.objects.count() == count
    assert image.file.storage.exists(image.file.name)
    assert "(1 neu gezeichnet)" in output


def test_a_failed_load_leaves_no_rows_and_no_files(settings, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("Datenbank weg")

    monkeypatch.setattr(loader, "_load_articles", fail)
    with pytest.raises(RuntimeError):
        load_demo("--no-admin")

    assert not Image.objects.exists()
    assert not Section.objects.exists()
    assert not [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]


def test_demo_data_is_checked_before_loading(monkeypatch):
    content.check_demo_data()  # the shipped data is consistent

    broken = replace(content.ARTICLES[0], related=(content.ARTICLES[0].key,))
    monkeypatch.setattr(content, "ARTICLES", [broken, *content.ARTICLES[1:]])
    with pytest.raises(ValueError, match="not to itself"):
        load_demo("--no-admin")
    assert not Article.objects.exists()


# --- the admin login --------------------------------------------------------------------------


def parse_login(output):
    match = re.search(
        r"Admin: (?P<url>\S+)\s+Benutzer: (?P<username>\S+)\s+Passwort: (?P<password>\S+)", output
    )
    assert match, output
    return match["url"], match["username"], match["password"]


def test_admin_user_can_log_in_with_the_printed_password(client):
    url, username, password = parse_login(load_demo())

    assert url == "http://127.0.0.1:8000/admin/"
    assert username == "redaktion"
    user = get_user_model().objects.get(username=username)
    assert user.is_active and user.is_staff and user.is_superuser
    assert log_in_with_password(client, username, password)
    assert client.get("/admin/").status_code == 200


def test_running_again_gives_the_admin_a_new_password(client):
    _, username, old_password = parse_login(load_demo())
    _, _, new_password = parse_login(load_demo())

    assert new_password != old_password
    assert get_user_model().objects.filter(username=username).count() == 1
    assert not log_in_with_password(client, username, old_password)
    assert log_in_with_password(client, username, new_password)


def test_admin_user_name_can_be_chosen(client):
    _, username, password = parse_login(load_demo("--admin-user", "chefin"))

    assert username == "chefin"
    assert list(get_user_model().objects.values_list("username", flat=True)) == ["chefin"]
    assert log_in_with_password(client, "chefin", password)


def test_no_admin_creates_no_user(demo):
    assert not get_user_model().objects.exists()
    assert "Passwort" not in demo


def test_no_admin_and_admin_user_exclude_each_other():
    with pytest.raises(CommandError):
        load_demo("--no-admin", "--admin-user", "chefin")
    assert not Article.objects.exists()


@pytest.mark.parametrize("scale", ["0", "-1", "2"])
def test_image_scale_must_be_sensible(scale):
    with pytest.raises(CommandError):
        call_command("load_demo", "--no-admin", f"--image-scale={scale}", stdout=io.StringIO())


# --- what readers see -------------------------------------------------------------------------


def test_public_pages_show_the_demo_and_hide_what_is_not_public(demo, client):
    draft = Article.objects.filter(status=Article.Status.DRAFT).first()
    home = client.get("/").content.decode()
    newest = Article.objects.public().first()
    assert newest.headline in home
    assert draft.headline not in home

    link = CrossLink.objects.filter(
        article__in=Article.objects.public(), target__status=Article.Status.DRAFT
    ).first()
    page = client.get(link.article.get_absolute_url())
    assert page.status_code == 200
    assert link.target.headline not in page.content.decode()
    assert client.get(link.target.get_absolute_url()).status_code == 404
