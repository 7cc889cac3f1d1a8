from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LivetickerConfig(AppConfig):
    name = "liveticker"
    verbose_name = _("Live ticker")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from articles import desk, page_parts
        from search import indexing

        from . import page
        from .models import Entry

        page_parts.register(related=["live_ticker"], provider=page.ticker_part, badge=page.badge)
        indexing.register_text(page.search_text)
        desk.register("liveticker", "liveticker.notices.desk_notices")

        def reindex(sender, instance, **kwargs):
            indexing.schedule([instance.ticker_id])

        for signal in (post_save, post_delete):
            signal.connect(reindex, sender=Entry, dispatch_uid=f"liveticker-search-{signal}")
