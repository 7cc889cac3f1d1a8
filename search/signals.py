"""Whatever an article's search document is made of changes: rewrite it after the commit.

That is the article itself, its bylines, its corrections, its tags (added, removed, restored with a
revision), and the name of a tag or an author it has. Deleting an article deletes its
document with it (the one-to-one cascades).
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from taggit.models import Tag

from articles.models import Article, Byline, Correction
from people.models import Author

from . import indexing

TaggedItem = Article.tags.through


@receiver(post_save, sender=Article)
def article_saved(sender, instance, **kwargs):
    indexing.schedule([instance.pk])


@receiver(post_save, sender=Byline)
@receiver(post_delete, sender=Byline)
@receiver(post_save, sender=Correction)
@receiver(post_delete, sender=Correction)
def part_changed(sender, instance, **kwargs):
    indexing.schedule([instance.article_id])


@receiver(post_save, sender=TaggedItem)
@receiver(post_delete, sender=TaggedItem)
def tagging_changed(sender, instance, **kwargs):
    # TaggedItem is generic: the same table tags any model.
    if instance.content_type_id == ContentType.objects.get_for_model(Article).pk:
        indexing.schedule([instance.object_id])


@receiver(pre_save, sender=Author)
@receiver(pre_save, sender=Tag)
def remember_name(sender, instance, **kwargs):
    """Note the stored name, so that only a rename rewrites the documents of every
    article by that author or with that tag."""
    instance._search_stored_name = (
        sender.objects.filter(pk=instance.pk).values_list("name", flat=True).first()
        if instance.pk
        else None
    )


@receiver(post_save, sender=Author)
def author_saved(sender, instance, created, **kwargs):
    if not created and instance.name != getattr(instance, "_search_stored_name", None):
        indexing.schedule(
            Byline.objects.filter(author=instance).values_list("article_id", flat=True)
        )


@receiver(post_save, sender=Tag)
def tag_saved(sender, instance, created, **kwargs):
    if not created and instance.name != getattr(instance, "_search_stored_name", None):
        indexing.schedule(
            TaggedItem.objects.filter(
                tag=instance, content_type=ContentType.objects.get_for_model(Article)
            ).values_list("object_id", flat=True)
        )
