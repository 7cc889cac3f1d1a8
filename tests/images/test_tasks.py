"""Renditions are made by the worker (``manage.py worker``), off the upload's request; a page
that needs a picture before the worker got to it still shows it."""

import pytest
from django_tasks_db.models import DBTaskResult

from images.models import Rendition
from tests.helpers import imagefiles
from tests.helpers.factories import ArticleFactory, BylineFactory, ImageFactory, SectionFactory
from tests.helpers.images import image_srcs
from tests.helpers.worker import run_worker

pytestmark = pytest.mark.django_db

TASK = "images.tasks.prepare_renditions"


@pytest.fixture(autouse=True)
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def upload(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return ImageFactory(file=imagefiles.upload("bild.jpg", imagefiles.jpeg(1600, 900)))


def test_an_upload_queues_its_renditions_for_the_worker(django_capture_on_commit_callbacks):
    image = upload(django_capture_on_commit_callbacks)
    assert not Rendition.objects.filter(image=image).exists(), "not made in the request"
    queued = DBTaskResult.objects.get(task_path=TASK)
    assert queued.args_kwargs["args"] == [image.pk]
    run_worker()
    made = Rendition.objects.filter(image=image)
    assert made.filter(spec__startswith="wide-").exists()
    assert made.filter(spec__startswith="square-").exists()
    assert DBTaskResult.objects.get(task_path=TASK).status == "SUCCESSFUL"


def test_a_page_before_the_worker_ran_still_shows_the_picture(
    client, django_capture_on_commit_callbacks
):
    image = upload(django_capture_on_commit_callbacks)
    article = ArticleFactory(section=SectionFactory(), hero_image=image)
    BylineFactory(article=article)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    sources = image_srcs(response)
    # The sizes it needs were made on first use; the original is never sent.
    made = [rendition.file.url for rendition in Rendition.objects.filter(image=image)]
    assert sources and set(sources) <= set(made)
    assert image.file.url not in sources


def test_a_picture_deleted_before_the_worker_ran_is_skipped(django_capture_on_commit_callbacks):
    image = upload(django_capture_on_commit_callbacks)
    image.delete()
    run_worker()
    assert DBTaskResult.objects.get(task_path=TASK).status == "SUCCESSFUL"
