"""Shared fixtures for the reader's site: a clean cache, role users and a page parser."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache

from tests.factories import UserFactory

REPORTER, DESK, CHIEF = "Autor:in", "Redaktion / CvD", "Chefredaktion"


@pytest.fixture(autouse=True)
def _clean_cache():
    """Site settings and the navigation are cached across requests; each test starts fresh
    and leaves nothing behind (its database rows are rolled back, the cache is not)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def role_client(client):
    """role_client(group_name) -> a client logged in as a staff member of that group."""

    def make(group_name):
        user = UserFactory(is_staff=True)
        user.save()  # the factory sets the password without saving it
        user.groups.add(Group.objects.get(name=group_name))
        client.force_login(user)
        client.user = user
        return client

    return make
