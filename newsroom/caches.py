"""The ``CACHES`` setting (settings.py reads the environment and calls one of these).

Two caches: ``default`` (site settings, navigation, throttles, presence) and ``pages`` (the
page cache, under its own prefix or folder: it touches nothing else). Every process of the
site must share them, or a change made in one (a gunicorn worker, the task worker, a
command, the shell) is not seen by the others: Redis for several machines, files on one
(core/cache.py).
"""

import hashlib


def on_redis(url, prefix):
    """Django's Redis cache, as an accelerator (core.cache.ResilientRedisCache)."""
    redis = {
        "BACKEND": "core.cache.ResilientRedisCache",
        "LOCATION": url,
        "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
    }
    return {
        "default": {**redis, "KEY_PREFIX": prefix},
        "pages": {**redis, "KEY_PREFIX": f"{prefix}:pages"},
    }


def in_files(folder, database, prefix):
    """Files under ``folder`` that every process on this machine shares
    (core.cache.SharedFileCache), in a subfolder for ``database`` (its settings), so a
    checkout used with several databases never mixes their entries."""
    identity = "|".join(str(database.get(part, "")) for part in ("ENGINE", "NAME", "HOST", "PORT"))
    place = folder / hashlib.sha256(identity.encode()).hexdigest()[:12]
    files = {"BACKEND": "core.cache.SharedFileCache", "KEY_PREFIX": prefix}
    return {
        "default": {**files, "LOCATION": str(place / "default"), "OPTIONS": {"MAX_ENTRIES": 5000}},
        "pages": {**files, "LOCATION": str(place / "pages"), "OPTIONS": {"MAX_ENTRIES": 10000}},
    }
