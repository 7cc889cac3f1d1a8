from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django_tasks_db.apps import TasksAppConfig


class CoreConfig(AppConfig):
    """What every app uses and no domain owns: text, German dates, pagination, absolute
    addresses, URL converters and the shared form and admin pieces. It has no models."""

    default = True  # this module also holds the tasks' config below
    name = "core"

    def ready(self):
        # The deploy checks and the "uslug" converter for every urls.py register themselves.
        from . import checks, converters, periodic  # noqa: F401

        periodic.register("tasks.prune", "core.periodic.prune_finished")


class TasksConfig(TasksAppConfig):
    """The background tasks' results under a German heading (the package says "Tasks
    Database Backend"). Installed as "core.apps.TasksConfig" in place of "django_tasks_db"."""

    default = False
    verbose_name = _("Background tasks")
