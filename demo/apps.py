from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo newsroom: German demo content and ``manage.py load_demo``. No models."""

    name = "demo"
