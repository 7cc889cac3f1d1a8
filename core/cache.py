"""The caches every process of the site shares.

- With ``REDIS_URL``: Django's Redis cache, as an accelerator: when Redis cannot be reached,
  reads are misses and writes are dropped, so pages render from the database instead of
  failing.
- Without it (one machine, no Redis): Django's file-based cache in ``CACHE_DIR``, which the
  web workers, the task worker, management commands and the shell all read and write, so a
  change made in any of them ends the stored pages in every other. (Per-process local memory
  cannot do that: a save in the shell or in another gunicorn worker left the pages in the
  others' memory stale for up to ``PAGE_CACHE_SECONDS``.)
"""

import logging
import pickle
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

_MISSING = object()

# Say that a cache is unavailable at most this often (seconds), not on every request.
WARN_EVERY = 60
_last_warnings = {}


def _unavailable(which, operation, error):
    now = time.monotonic()
    if now - _last_warnings.get(which, float("-inf")) > WARN_EVERY:
        _last_warnings[which] = now
        logger.warning("%s unavailable (%s): %s", which, operation, error)


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's Redis cache client, keeping one ``redis.Redis`` per connection pool.

    Django's makes a new ``redis.Redis`` for every cache operation, which sets up its
    command table each time: about 90 microseconds, more than the round trip to a local
    Redis that a page cache hit makes (about 50). A ``redis.Redis`` holds no connection of its
    own (it borrows one from the pool per command) and is safe to share between threads;
    after a fork the pool reconnects in the child, as before."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None or client.connection_pool is not pool:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    """``RedisCache`` whose operations never raise a connection error: a failed read returns
    the default (a miss), a failed write or delete does nothing and returns False."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient

    def _failed(self, operation, error):
        _unavailable("Redis cache", operation, error)

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except RedisError as error:
            self._failed("get", error)
            return default

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except RedisError as error:
            self._failed("get_many", error)
            return {}

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except RedisError as error:
            self._failed("has_key", error)
            return False

    def add(self, key, value, timeout=None, version=None):
        return self._write("add", super().add, key, value, timeout, version)

    def set(self, key, value, timeout=None, version=None):
        return self._write("set", super().set, key, value, timeout, version)

    def touch(self, key, timeout=None, version=None):
        return self._write("touch", super().touch, key, timeout, version)

    def set_many(self, data, timeout=None, version=None):
        try:
            return super().set_many(data, timeout, version)
        except RedisError as error:
            self._failed("set_many", error)
            return list(data)

    def delete(self, key, version=None):
        return self._write("delete", super().delete, key, version)

    def delete_many(self, keys, version=None):
        return self._write("delete_many", super().delete_many, keys, version)

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except RedisError as error:
            self._failed("incr", error)
            raise ValueError(f"Key '{key}' cannot be incremented: Redis is unavailable") from error

    def clear(self):
        return self._write("clear", super().clear)

    def _write(self, operation, method, *args):
        try:
            return method(*args)
        except RedisError as error:
            self._failed(operation, error)
            return False


class SharedFileCache(FileBasedCache):
    """Django's file-based cache (each entry one file, written to a temporary file and renamed
    into place, so a reader sees the old entry or the new one, never half of one), with two
    changes:

    - The directory is counted for culling at most every ``CULL_EVERY`` seconds per process.
      Django's counts every file on every write; one change of content writes a version for
      each of its surrogate keys (a hundred for a feed), and listing a directory of
      thousands of pages for each of those made saving slow. The cache may now run past
      ``MAX_ENTRIES`` by what is written in those seconds.
    - Values are stored as they are pickled, not compressed again: pages are stored gzipped
      already, and decompressing took a seventh of the time a hit spends in the cache.

    ``add()`` checks and writes in two steps, so two processes may both add a key; the page
    cache reads a key back after adding it (see pagecache/store.py), which makes that safe.

    Like the Redis cache, an accelerator: a folder that cannot be read or written (a full
    disk, one made by another user) makes reads misses and drops writes, with a warning in
    the log and 503 from /readyz, instead of failing every page.
    """

    CULL_EVERY = 10.0

    def __init__(self, dir, params):
        self._culled_at = float("-inf")
        super().__init__(dir, params)

    def _createdir(self):
        self._guarded("mkdir", super()._createdir)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._guarded("set", super().set, key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if self.has_key(key, version):
            return False
        self.set(key, value, timeout, version)
        return self.has_key(key, version)

    def has_key(self, key, version=None):
        return self._guarded("read", super().has_key, key, version, failed=False)

    def delete(self, key, version=None):
        return self._guarded("delete", super().delete, key, version, failed=False)

    def clear(self):
        self._guarded("clear", super().clear)

    def _guarded(self, operation, method, *args, failed=None):
        """``method(*args)``, or ``failed`` (with a warning) when the folder cannot be used."""
        try:
            return method(*args)
        except OSError as error:
            _unavailable("File cache", operation, error)
            return failed

    def _cull(self):
        now = time.monotonic()
        if now - self._culled_at < self.CULL_EVERY:
            return
        self._culled_at = now
        super()._cull()

    def get(self, key, default=None, version=None):
        try:
            with open(self._key_to_file(key, version), "rb") as f:
                if not self._is_expired(f):
                    return pickle.loads(f.read())
        except FileNotFoundError:
            pass
        except pickle.UnpicklingError:
            pass  # not written by this class: a miss, overwritten by the next set()
        except OSError as error:
            _unavailable("File cache", "read", error)
        return default

    def _write_content(self, file, timeout, value):
        file.write(pickle.dumps(self.get_backend_timeout(timeout), self.pickle_protocol))
        file.write(pickle.dumps(value, self.pickle_protocol))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        value = self.get(key, _MISSING, version)
        if value is _MISSING:
            return False
        self.set(key, value, timeout, version)
        return True
