"""The Chefredaktion manages accounts and roles, but cannot hand out superuser status."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

pytestmark = pytest.mark.django_db

User = get_user_model()


@pytest.fixture
def chief(client):
    user = User.objects.create_user("chefin", "chefin@newsroom.example", "geheim-passwort-123")
    user.is_staff = True
    user.save()
    user.groups.add(Group.objects.get(name="Chefredaktion"))
    client.force_login(user)
    return user


def change_url(user):
    return f"/admin/auth/user/{user.pk}/change/"


def user_form_data(user, **changes):
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": "on",
        "is_staff": "on" if user.is_staff else "",
        "groups": [str(group.pk) for group in user.groups.all()],
        "last_login_0": "",
        "last_login_1": "",
        "date_joined_0": "01.11.2026",
        "date_joined_1": "10:00:00",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value not in ("", None)}


def test_the_chief_editor_gives_a_reporter_a_role(client, chief):
    reporter = User.objects.create_user("rita", "rita@newsroom.example", "x")
    desk = Group.objects.get(name="Redaktion / CvD")

    response = client.post(
        change_url(reporter), user_form_data(reporter, is_staff="on", groups=[str(desk.pk)])
    )

    assert response.status_code == 302
    reporter.refresh_from_db()
    assert reporter.is_staff
    assert list(reporter.groups.all()) == [desk]


def test_the_chief_editor_cannot_make_anyone_a_superuser(client, chief):
    reporter = User.objects.create_user("rita", "rita@newsroom.example", "x", is_staff=True)

    page = client.get(change_url(reporter)).content.decode()
    response = client.post(change_url(reporter), user_form_data(reporter, is_superuser="on"))
    own = client.post(change_url(chief), user_form_data(chief, is_superuser="on"))

    assert 'name="is_superuser"' not in page
    assert response.status_code == 302 and own.status_code == 302
    reporter.refresh_from_db()
    chief.refresh_from_db()
    assert not reporter.is_superuser
    assert not chief.is_superuser


def test_the_chief_editor_cannot_change_or_delete_a_superuser(client, chief):
    admin = User.objects.create_superuser("root", "root@newsroom.example", "x")

    edit = client.post(change_url(admin), user_form_data(admin, first_name="Gekapert"))
    delete = client.post(f"/admin/auth/user/{admin.pk}/delete/", {"post": "yes"})

    assert edit.status_code == 403
    assert delete.status_code == 403
    admin.refresh_from_db()
    assert admin.first_name == ""


def test_a_superuser_may_grant_superuser_status(admin_client):
    user = User.objects.create_user("rita", "rita@newsroom.example", "x", is_staff=True)

    response = admin_client.post(change_url(user), user_form_data(user, is_superuser="on"))

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.is_superuser


# --- Roles cannot widen themselves ------------------------------------------------------------


def group_url(group):
    return f"/admin/auth/group/{group.pk}/change/"


def test_the_chief_editors_cannot_add_permissions_to_their_own_role(client, chief):
    role = Group.objects.get(name="Chefredaktion")
    before = set(role.permissions.values_list("pk", flat=True))
    every = list(Permission.objects.values_list("pk", flat=True))

    page = client.get(group_url(role))
    response = client.post(group_url(role), {"name": role.name, "permissions": every})

    assert page.status_code == 200 and b'name="permissions"' not in page.content
    assert response.status_code == 403
    assert set(role.permissions.values_list("pk", flat=True)) == before
    assert client.post("/admin/auth/group/add/", {"name": "Alles"}).status_code == 403
    assert not Group.objects.filter(name="Alles").exists()


def test_no_role_holds_a_permission_to_change_roles_or_permissions():
    widening = Permission.objects.filter(
        content_type__app_label="auth",
        codename__in=[
            f"{action}_{model}"
            for action in ("add", "change", "delete")
            for model in ("group", "permission")
        ],
    )
    assert not Group.objects.filter(permissions__in=widening).exists()
    # The chief editors still manage accounts.
    assert (
        Group.objects.get(name="Chefredaktion")
        .permissions.filter(content_type__app_label="auth", codename="change_user")
        .exists()
    )


def test_a_superuser_still_changes_what_a_role_may_do(admin_client):
    role = Group.objects.get(name="Autor:in")
    extra = Permission.objects.get(codename="delete_tag")
    kept = list(role.permissions.values_list("pk", flat=True))

    response = admin_client.post(
        group_url(role), {"name": role.name, "permissions": [*kept, extra.pk]}
    )

    assert response.status_code == 302
    assert role.permissions.filter(pk=extra.pk).exists()
