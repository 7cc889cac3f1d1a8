"""Staff accounts in the newsroom's roles (the groups the data migration makes)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

PASSWORD = "geheim-passwort-123"

# The group names of the roles; SUPERUSER is no group but a superuser account.
REPORTER, DESK, CHIEF, SUPERUSER = "Autor:in", "Redaktion / CvD", "Chefredaktion", "superuser"


def make_user(role, username=None, **fields):
    """A staff account in the real group of this role (made by the data migration)."""
    User = get_user_model()
    username = username or f"{role.split()[0].lower().replace(':', '')}-user"
    email = f"{username}@newsroom.example"
    if role == SUPERUSER:
        return User.objects.create_superuser(username, email, PASSWORD, **fields)
    user = User.objects.create_user(username, email, PASSWORD, is_staff=True, **fields)
    user.groups.add(Group.objects.get(name=role))
    return user


def login(client, user):
    """``client`` logged in as ``user``; ``client.user`` is who it is."""
    client.force_login(user)
    client.user = user
    return client


def log_in_with_password(client, username, password, next_url="/admin/"):
    """Log in through the admin's login form, as a person does (and as django-axes, which
    needs the request, counts it). Returns whether the client is logged in afterwards."""
    client.post("/admin/login/", {"username": username, "password": password, "next": next_url})
    return "_auth_user_id" in client.session
