from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _
from taggit.apps import TaggitAppConfig


class ArticlesConfig(AppConfig):
    default = True  # this module also holds the tags' config
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


class TagsConfig(TaggitAppConfig):
    """django-taggit under a German heading ("Schlagwörter", not "TAGGIT"): tags are the
    articles' topics. Installed as "articles.apps.TagsConfig" in place of "taggit"."""

    default = False
    verbose_name = _("Tags")
