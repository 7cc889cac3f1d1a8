"""The desk curates the home page and tends old article addresses; the chief editors may too.

Redaktion / CvD and Chefredaktion get the permissions of the models added in 0006.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

DESK = [
    "view_homepage",
    "change_homepage",
    "view_homepagehighlight",
    "add_homepagehighlight",
    "change_homepagehighlight",
    "delete_homepagehighlight",
    "view_articleredirect",
    "add_articleredirect",
    "change_articleredirect",
    "delete_articleredirect",
]
# Chefredaktion has every permission of the articles app (see 0003_roles).
CHIEF = [*DESK, "add_homepage", "delete_homepage"]
GROUPS = {"Redaktion / CvD": DESK, "Chefredaktion": CHIEF}


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations; the groups need them now.
    app_config = apps.get_app_config("articles")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, codenames in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="articles", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, codenames in GROUPS.items():
        for group in Group.objects.filter(name=group_name):
            group.permissions.remove(
                *Permission.objects.filter(
                    content_type__app_label="articles", codename__in=codenames
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_home_page_and_old_addresses"),
        ("articles", "0003_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
