"""Who sees the wire: everyone in the newsroom reads the inbox and the sources' status; the
Chefredaktion (and superusers) configure the sources."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

READ = ["view_wireitem", "view_wiresource", "view_takeover"]
GROUPS = {
    "Autor:in": READ,
    "Redaktion / CvD": READ,
    "Chefredaktion": [*READ, "add_wiresource", "change_wiresource", "delete_wiresource"],
}


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations; the groups need them now.
    app_config = apps.get_app_config("wire")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, codenames in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="wire", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, codenames in GROUPS.items():
        for group in Group.objects.filter(name=group_name):
            group.permissions.remove(
                *Permission.objects.filter(content_type__app_label="wire", codename__in=codenames)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("wire", "0001_initial"),
        ("articles", "0003_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
