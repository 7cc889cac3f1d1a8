"""The newsroom's roles as Django groups, with their permissions.

Autor:in: writes and submits; edits own drafts (enforced in the admin, see workflow.py).
Redaktion / CvD: edits everything, reviews, schedules, publishes, withdraws.
Chefredaktion: everything, plus people (authors, user accounts) and settings.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.db.models import F
from django.utils import timezone

REPORTER = [
    "articles.add_article",
    "articles.change_article",
    "articles.view_article",
    "articles.view_section",
    "articles.view_articleevent",
    "images.add_image",
    "images.change_image",
    "images.view_image",
    "people.view_author",
    "taggit.add_tag",
    "taggit.view_tag",
]
DESK = REPORTER + [
    "articles.delete_article",
    "articles.publish_article",
    "images.delete_image",
    "taggit.change_tag",
]
CHIEF_APPS = ["articles", "images", "people", "taggit", "auth"]

GROUPS = {"Autor:in": REPORTER, "Redaktion / CvD": DESK}


def create_groups(apps, schema_editor):
    # Permissions are normally made after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def permissions(names):
        result = []
        for name in names:
            app_label, codename = name.split(".")
            result.append(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        return result

    for group_name, names in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.set(permissions(names))
    chief, _ = Group.objects.get_or_create(name="Chefredaktion")
    chief.permissions.set(Permission.objects.filter(content_type__app_label__in=CHIEF_APPS))


def backfill_first_publication(apps, schema_editor):
    """Before the workflow, a future 'published' article meant 'scheduled'; say so now."""
    Article = apps.get_model("articles", "Article")
    now = timezone.now()
    Article.objects.filter(status="published", published_at__gt=now).update(status="scheduled")
    Article.objects.filter(status="published", first_published_at__isnull=True).update(
        first_published_at=F("published_at")
    )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=[*GROUPS, "Chefredaktion"]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("images", "0001_initial"),
        ("people", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.RunPython(create_groups, remove_groups),
        migrations.RunPython(backfill_first_publication, migrations.RunPython.noop),
    ]
