"""The desk (Redaktion / CvD) and the Chefredaktion run the newsletter: newsletters and
editions in full; subscribers and deliveries to view (and to unsubscribe an address, which
takes the delete permission). Authors do not see it."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ALL = ["view", "add", "change", "delete"]
PERMISSIONS = [
    *(f"{action}_newsletter" for action in ALL),
    *(f"{action}_edition" for action in ALL),
    *(f"{action}_editionitem" for action in ALL),
    "view_subscriber",
    "delete_subscriber",
    "view_delivery",
]
GROUPS = ["Redaktion / CvD", "Chefredaktion"]


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations; the groups need them now.
    app_config = apps.get_app_config("newsletter")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="newsletter", codename__in=PERMISSIONS
    )
    for name in GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="newsletter")
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0001_newsletter"),
        ("articles", "0003_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
