"""gunicorn settings for `make serve` (scripts/serve); every value can be overridden with
gunicorn's own environment variable GUNICORN_CMD_ARGS or the ones named here."""

import multiprocessing
import os

bind = os.environ.get("BIND", "127.0.0.1:8000")
# Sync workers: each renders one page at a time; with the page cache most answers are hits.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
# Restart workers now and then, so that a slow leak never grows without bound.
max_requests = 5000
max_requests_jitter = 500
timeout = 30
graceful_timeout = 30
# One line per request on stdout, as journald and container logs expect.
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
