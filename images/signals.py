"""Renditions follow their image: made after an upload or a new focal point (by the worker),
deleted with it."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from . import tasks
from .models import Image, Rendition


@receiver(post_save, sender=Image)
def prepare_renditions(sender, instance, raw=False, **kwargs):
    if raw or not instance.file:
        return
    # In the worker (at once where tasks run at once: development, the demo, the tests).
    transaction.on_commit(lambda: tasks.prepare_renditions.enqueue(instance.pk))


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
