"""factory_boy factories for every model; tests build their data here, never from fixtures."""

import io
from datetime import timedelta

import factory
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image as PILImage

from articles.models import Article, Byline, Correction, CrossLink, Section, TeaserBullet
from images.models import Image
from people.models import Author
from tests.helpers.accounts import PASSWORD


def jpeg_bytes(width=64, height=48, color=(30, 90, 160)):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), color).save(buffer, format="JPEG")
    return buffer.getvalue()


def uploaded_jpeg(name="foto.jpg", width=64, height=48):
    return SimpleUploadedFile(name, jpeg_bytes(width, height), content_type="image/jpeg")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@newsroom.example")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)


class SuperUserFactory(UserFactory):
    is_staff = True
    is_superuser = True


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Image

    file = factory.LazyFunction(uploaded_jpeg)
    caption = factory.Sequence(lambda n: f"Bildunterschrift Nummer {n}")
    alt_text = factory.Sequence(lambda n: f"Beschreibung von Bild {n}")
    credit_line = "picture alliance/dpa"
    photographer = "Jana Beispiel"


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"Mara Muster{n}")
    role_title = "Redakteurin"
    short_code = factory.Sequence(lambda n: f"mm{n}")
    slug = factory.Sequence(lambda n: f"mara-muster-{n}")
    bio = "Schreibt über Stadtpolitik."


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Ressort {n}")
    slug = factory.Sequence(lambda n: f"ressort-{n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    """A public article by default; pass status/published_at for drafts or future ones."""

    class Meta:
        model = Article

    kicker = "Stadtrat Leipzig"
    headline = factory.Sequence(lambda n: f"Straßenbahn-Ausbau kommt früher {n}")
    section = factory.SubFactory(SectionFactory)
    lead = "Leipzig bekommt seine neue Straßenbahnlinie früher als erwartet."
    body = "<p>Der Beschluss fiel mit großer Mehrheit.</p>"
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))

    class Params:
        draft = factory.Trait(status=Article.Status.DRAFT, published_at=None)
        scheduled = factory.Trait(
            status=Article.Status.SCHEDULED,
            published_at=factory.LazyFunction(lambda: timezone.now() + timedelta(days=1)),
        )


class BylineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Byline

    article = factory.SubFactory(ArticleFactory)
    author = factory.SubFactory(AuthorFactory)
    position = factory.Sequence(int)


class TeaserBulletFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TeaserBullet

    article = factory.SubFactory(ArticleFactory)
    text = factory.Sequence(lambda n: f"Stichpunkt {n}")
    position = factory.Sequence(int)


class CrossLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CrossLink

    article = factory.SubFactory(ArticleFactory)
    target = factory.SubFactory(ArticleFactory)
    position = factory.Sequence(int)


class CorrectionFactory(factory.django.DjangoModelFactory):
    """A correction of a (public) article, an hour after its publication by default."""

    class Meta:
        model = Correction

    article = factory.SubFactory(ArticleFactory)
    kind = Correction.Kind.CORRECTION
    corrected_at = factory.LazyAttribute(
        lambda correction: (
            (correction.article.published_at or timezone.now()) + timedelta(minutes=30)
        )
    )
    note = factory.Sequence(lambda n: f"In einer früheren Fassung stand eine falsche Zahl ({n}).")
