import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.template.backends import jinja2
from django.test.signals import template_rendered

from tests.helpers.accounts import PASSWORD, login
from tests.helpers.factories import UserFactory


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploads made by a test land in its own temporary folder, never in media/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True, scope="session")
def _jinja2_templates_are_recorded():
    """The test client lists the templates a response rendered, with their context
    (``response.templates``, ``response.context``), from a signal only the DTL sends in tests;
    the reader's pages render with Jinja2 (core/jinja2.py), so they send it here."""
    render = jinja2.Template.render

    def recorded_render(self, context=None, request=None):
        template_rendered.send(sender=self, template=self.template, context=context or {})
        return render(self, context, request)

    jinja2.Template.render = recorded_render
    yield
    jinja2.Template.render = render


@pytest.fixture(autouse=True)
def _clean_cache():
    """Site settings, the navigation and editing presence are cached across requests; each
    test starts fresh and leaves nothing behind (its database rows are rolled back, the cache
    is not, so a test's cached site settings would otherwise outlive their rows)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def admin_client(client, django_user_model):
    """A client logged in as a superuser."""
    user = django_user_model.objects.create_superuser("chefin", "chefin@newsroom.example", PASSWORD)
    return login(client, user)


@pytest.fixture
def role_client(client):
    """role_client(group_name) -> a client logged in as a staff member of that group."""

    def make(group_name):
        user = UserFactory(is_staff=True)
        user.save()  # the factory sets the password without saving it
        user.groups.add(Group.objects.get(name=group_name))
        return login(client, user)

    return make


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Transactional tests with ``serialized_rollback`` first among the transactional ones.

    Such a test reloads the database as the migrations left it. After another transactional
    test's flush, which creates content types and permissions anew with new ids, that reload
    collides with them; as the first transactional test it finds the migrations' own rows.
    pytest-django has already put the transactional tests after the others."""

    def marker_of(item):
        marker = item.get_closest_marker("django_db")
        return marker.kwargs if marker is not None else {}

    slots = [index for index, item in enumerate(items) if marker_of(item).get("transaction")]
    ordered = sorted(
        (items[index] for index in slots),
        key=lambda item: not marker_of(item).get("serialized_rollback"),
    )
    for index, item in zip(slots, ordered, strict=True):
        items[index] = item
