"""Pictures on public pages change only through the desk.

Adds ``images.change_any_image`` and grants it to Redaktion / CvD and Chefredaktion; Autor:in
keeps ``images.change_image`` for the own pictures that only drafts show (images/permissions.py).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Redaktion / CvD", "Chefredaktion"]


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations; the groups need this one now.
    app_config = apps.get_app_config("images")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.get(
        content_type__app_label="images", codename="change_any_image"
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(content_type__app_label="images", codename="change_any_image").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("images", "0003_measure_upright_size"),
        ("articles", "0007_home_page_roles"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="image",
            options={
                "ordering": ["-created_at", "-pk"],
                "permissions": [
                    ("change_any_image", "Can change any image, also on public pages")
                ],
                "verbose_name": "Image",
                "verbose_name_plural": "Images",
            },
        ),
        migrations.RunPython(grant, revoke),
    ]
