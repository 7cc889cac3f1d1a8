"""``manage.py load_scale``: a newsroom of many years, bulk-loaded, to measure at scale.

    manage.py load_scale --articles 100000 --images 20000

Adds generated articles (German-looking text, sections, tags, one or two authors, a hero
picture for most) to whatever is in the database: nine in ten published over the past
years, the rest scheduled or drafts. Pictures are library rows that share one small file,
so 20,000 of them cost no disk. Rows go in with bulk_create in batches (no save signals:
no renditions are made ahead and no page cache is involved), then the search index is
rebuilt. For measurements only (bench/scale.py); never on a live site.
"""

import io
import random
import secrets
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from PIL import Image as PILImage
from taggit.models import Tag, TaggedItem

from articles.models import Article, Byline, Section
from images.models import Image
from people.models import Author
from search.indexing import rebuild

WORDS = [
    "Stadt",
    "Leipzig",
    "Dresden",
    "Landtag",
    "Haushalt",
    "Verkehr",
    "Straßenbahn",
    "Schule",
    "Klinik",
    "Hafen",
    "Energie",
    "Wohnungen",
    "Polizei",
    "Gericht",
    "Theater",
    "Museum",
    "Fußball",
    "Verein",
    "Stadtrat",
    "Bürger",
    "Kreis",
    "Brücke",
    "Bahnhof",
    "Flughafen",
    "Wetter",
    "Hochwasser",
    "Forschung",
    "Universität",
    "Messe",
    "Handel",
    "Arbeit",
    "Löhne",
    "Mieten",
    "Kita",
    "Radweg",
    "Baustelle",
    "Wahl",
    "Koalition",
    "Minister",
    "Bundestag",
    "Sachsen",
    "Thüringen",
]
SECTIONS = ["Politik", "Wirtschaft", "Leipzig", "Kultur", "Sport", "Wissen", "Panorama"]


def sentence(rng, words=12):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


class Command(BaseCommand):
    help = "Bulk-loads generated articles, pictures, authors and tags for scale measurements."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=100_000)
        parser.add_argument("--images", type=int, default=20_000)
        parser.add_argument("--authors", type=int, default=300)
        parser.add_argument("--tags", type=int, default=2_000)
        parser.add_argument("--batch", type=int, default=2_000)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, articles, images, authors, tags, batch, seed, **options):
        if min(articles, images, authors, tags, batch) < 1:
            raise CommandError("Every number must be at least 1.")
        if authors > 999:
            raise CommandError("At most 999 authors.")
        rng = random.Random(seed)
        run = secrets.token_hex(3)  # names of this run's rows: a second run adds more
        sections = [
            Section.objects.get_or_create(slug=name.lower(), defaults={"name": name})[0]
            for name in SECTIONS
        ]
        people = Author.objects.bulk_create(
            Author(
                name=f"Autorin {run} {n}",
                slug=f"autorin-{run}-{n}",
                short_code=f"z{run[:5]}{n:03d}",
            )
            for n in range(authors)
        )
        topics = Tag.objects.bulk_create(
            Tag(name=f"Thema {run} {n}", slug=f"thema-{run}-{n}") for n in range(tags)
        )
        pictures = self._pictures(images, run, batch)
        self.stdout.write(f"{len(pictures)} pictures, {authors} authors, {tags} topics")

        now = timezone.now()
        article_type = ContentType.objects.get_for_model(Article)
        for start in range(0, articles, batch):
            chunk = []
            for n in range(start, min(start + batch, articles)):
                roll = rng.random()
                if roll < 0.9:
                    status, when = "published", now - timedelta(minutes=n * 20 + 5)
                elif roll < 0.95:
                    status, when = "scheduled", now + timedelta(hours=rng.randint(1, 500))
                else:
                    status, when = "draft", None
                chunk.append(
                    Article(
                        kicker=rng.choice(WORDS),
                        headline=sentence(rng, 8)[:-1],
                        slug=f"artikel-{run}-{n}",
                        section=rng.choice(sections),
                        hero_image=rng.choice(pictures) if rng.random() < 0.7 else None,
                        lead=sentence(rng, 25),
                        body="".join(f"<p>{sentence(rng, 30)}</p>" for _ in range(8)),
                        status=status,
                        published_at=when,
                        first_published_at=when if status == "published" else None,
                    )
                )
            with transaction.atomic():
                made = Article.objects.bulk_create(chunk)
                Byline.objects.bulk_create(
                    Byline(article=article, author=author, position=position)
                    for article in made
                    for position, author in enumerate(
                        rng.sample(people, min(len(people), rng.choice((1, 1, 2))))
                    )
                )
                TaggedItem.objects.bulk_create(
                    TaggedItem(content_type=article_type, object_id=article.pk, tag=tag)
                    for article in made
                    for tag in rng.sample(topics, min(len(topics), rng.randint(0, 3)))
                )
            self.stdout.write(f"{start + len(chunk)} articles", ending="\r")
            self.stdout.flush()
        self.stdout.write(f"\n{rebuild()} articles indexed for search.")
        # Fresh statistics, or the planner guesses from an empty table until autovacuum
        # comes round (the search took 1.2 s instead of 34 ms right after a load).
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
            self.stdout.write("Statistics updated (ANALYZE).")

    def _pictures(self, count, run, batch):
        picture = io.BytesIO()
        PILImage.linear_gradient("L").resize((1600, 900)).convert("RGB").save(picture, "JPEG")
        name = default_storage.save(f"scale/{run}.jpg", ContentFile(picture.getvalue()))
        rows = (
            Image(
                file=name,
                width=1600,
                height=900,
                file_size=default_storage.size(name),
                caption=f"Bild {n}",
                alt_text=f"Bild {n}",
                credit_line="newsroom · Skalentest",
            )
            for n in range(count)
        )
        return Image.objects.bulk_create(rows, batch_size=batch)
