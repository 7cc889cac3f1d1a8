"""Renditions follow their image: made after an upload or a new focal point, deleted with it."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from . import renditions
from .models import Image, Rendition


@receiver(post_save, sender=Image)
def prepare_renditions(sender, instance, raw=False, **kwargs):
    if raw or not instance.file:
        return
    transaction.on_commit(lambda: renditions.prepare(instance))


@receiver(post_delete, sender=Image)
def delete_original(sender, instance, **kwargs):
    if instance.file:
        name, storage = instance.file.name, instance.file.storage
        transaction.on_commit(lambda: storage.delete(name))


@receiver(post_delete, sender=Rendition)
def delete_rendition_file(sender, instance, **kwargs):
    if instance.file:
        name, storage = instance.file.name, instance.file.storage
        transaction.on_commit(lambda: storage.delete(name))
