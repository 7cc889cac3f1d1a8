from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every app uses and no domain owns: text, German dates, pagination, absolute
    addresses, URL converters and the shared form and admin pieces. It has no models."""

    name = "core"

    def ready(self):
        from . import checks, converters  # noqa: F401 (register the deploy checks and the
        # "uslug" converter for every urls.py)
