"""Chefredaktion edits the website settings (name, texts, legal links, social accounts)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CHIEF = [
    "view_sitesettings",
    "add_sitesettings",
    "change_sitesettings",
    "view_socialaccount",
    "add_socialaccount",
    "change_socialaccount",
    "delete_socialaccount",
]


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations; the group needs them now.
    app_config = apps.get_app_config("sitecontent")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    chief, _ = Group.objects.get_or_create(name="Chefredaktion")
    chief.permissions.add(
        *Permission.objects.filter(content_type__app_label="sitecontent", codename__in=CHIEF)
    )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name="Chefredaktion"):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="sitecontent", codename__in=CHIEF)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("sitecontent", "0001_initial"),
        # The roles are made there.
        ("articles", "0003_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
