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
