from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self):
        from . import navigation, tasks
        from .models import Article, Section

        post_save.connect(tasks.article_saved, sender=Article, dispatch_uid="articles-plan-go-live")

        for name, signal in (("saved", post_save), ("deleted", post_delete)):
            signal.connect(
                navigation.forget_navigation,
                sender=Section,
                dispatch_uid=f"articles-navigation-section-{name}",
            )
