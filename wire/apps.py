from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WireConfig(AppConfig):
    name = "wire"
    verbose_name = _("Agency copy")

    def ready(self):
        from articles import desk
        from core import periodic

        periodic.register("wire.poll", "wire.polling.poll_due_sources")
        desk.register("wire", "wire.notices.desk_notices")
