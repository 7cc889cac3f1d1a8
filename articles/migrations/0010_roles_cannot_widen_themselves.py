"""Roles cannot widen themselves.

Chefredaktion held every permission of the auth app (0003_roles), so it could add any
permission to its own group. It keeps managing user accounts and seeing the roles; changing
what a role may do (groups and permissions) is left to superusers (people/admin.py, RoleAdmin).
"""

from django.db import migrations

TAKEN = [
    "add_group",
    "change_group",
    "delete_group",
    "add_permission",
    "change_permission",
    "delete_permission",
]


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    taken = Permission.objects.filter(content_type__app_label="auth", codename__in=TAKEN)
    for group in Group.objects.filter(name="Chefredaktion"):
        group.permissions.remove(*taken)


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    taken = Permission.objects.filter(content_type__app_label="auth", codename__in=TAKEN)
    for group in Group.objects.filter(name="Chefredaktion"):
        group.permissions.add(*taken)


class Migration(migrations.Migration):
    dependencies = [("articles", "0009_preview_links")]

    operations = [migrations.RunPython(revoke, grant)]
