"""The test suite's settings: the project's own, in development mode (DEBUG on, so no HTTPS
redirect), unless the environment says otherwise. The development .env no longer carries
DEBUG (see Makefile), so the tests say it here."""

import os

os.environ.setdefault("DEBUG", "true")
# The page cache is tested on its own (tests/pagecache/), which switches it on; elsewhere
# tests change rows with QuerySet.update() and expect the next request to see it.
os.environ.setdefault("PAGE_CACHE_SECONDS", "0")

from newsroom.settings import *  # noqa: F403

# Accounts are made by the hundred; a fast hasher keeps that from dominating the run (the
# hashing algorithm is Django's business, not the newsroom's).
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# The suite runs in one process: local memory keeps each test run's cache to itself (the
# SQLite and PostgreSQL runs go side by side) and out of the checkout. The shared file cache
# of the embedded setup is tested on its own (tests/pagecache/test_shared_file_cache.py).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}
