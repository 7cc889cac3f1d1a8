import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache

from tests.helpers.accounts import PASSWORD, login
from tests.helpers.factories import UserFactory


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploads made by a test land in its own temporary folder, never in media/."""
    settings.MEDIA_ROOT = tmp_path / "media"


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
