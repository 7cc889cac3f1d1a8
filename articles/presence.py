"""Who has an article open in the admin right now, kept cheaply in the cache.

Each time someone opens or re-renders an article's change form, their name is noted
under the article's cache key with the time. Others seen within ``WINDOW`` are shown
on the form. It is a hint, not a lock: the edit-version check in the form is what
keeps a second save from overwriting the first.
"""

from datetime import timedelta

from django.core.cache import cache
from django.utils import timezone

WINDOW = timedelta(minutes=3)


def _key(article):
    return f"article-presence:{article.pk}"


def others_editing(article, user):
    """Note that ``user`` has ``article`` open; return the names of the others who do."""
    now = timezone.now()
    seen = {
        user_id: (name, when)
        for user_id, (name, when) in cache.get(_key(article), {}).items()
        if now - when < WINDOW
    }
    others = sorted(name for user_id, (name, _when) in seen.items() if user_id != user.pk)
    seen[user.pk] = (user.get_full_name() or user.get_username(), now)
    cache.set(_key(article), seen, timeout=int(WINDOW.total_seconds()))
    return others
