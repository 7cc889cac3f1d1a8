import pytest


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploads made by a test land in its own temporary folder, never in media/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def admin_client(client, django_user_model):
    """A client logged in as a superuser."""
    user = django_user_model.objects.create_superuser(
        "chefin", "chefin@newsroom.example", "geheim-passwort-123"
    )
    client.force_login(user)
    client.user = user
    return client
