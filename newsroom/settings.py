"""
Settings for the newsroom project, read from the environment (django-environ).

Development defaults are safe; production values are never guessed: without
``DEBUG=true`` the project refuses to start unless ``SECRET_KEY`` is set, and refuses to
serve (``check --deploy``, run by ``make serve``) unless ``ALLOWED_HOSTS`` is set.
``make`` writes a development ``.env`` on first run.
Every variable is documented in ``.env.example``.
"""

from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from newsroom import caches

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it in the environment (or DEBUG=true for development)."
        )
    SECRET_KEY = "django-insecure-development-only-key"  # DEBUG only

# Required to serve without DEBUG: `check --deploy` (run by `make serve`) stops at an empty
# list (core/checks.py), as every request would answer 400. Management commands run without.
ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# The site's address (https://zeitung.example.de): feeds, sitemaps, canonical links, structured
# data and mails name it, whichever host a request used (core/addresses.py). Unset: its host.
SITE_URL = env("SITE_URL", default="")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.forms",
    "django_prose_editor",  # the article body's editor (static files, German strings)
    "articles.apps.TagsConfig",  # django-taggit, with a German heading
    "reversion",
    "rest_framework",
    "django_tasks",
    "core.apps.TasksConfig",  # django_tasks_db, with a German heading
    "accounts.apps.LoginLockoutsConfig",  # axes, with a German heading
    "django_otp",
    "accounts.apps.AuthenticatorAppsConfig",  # django_otp's TOTP plugin, likewise
    "accounts.apps.RecoveryCodesConfig",  # django_otp's static plugin, likewise
    # The newsroom's own apps: core serves them all, the demo loads the demo newsroom.
    *["core", "accounts", "articles", "images", "people", "search", "distribution", "api"],
    *["sitecontent", "liveticker", "newsletter", "pagecache", "wire", "demo"],
]

MIDDLEWARE = [
    # One line per request (method, path, status, duration; staff user id), cached ones too.
    "core.request_log.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Security headers first, so pages from the page cache carry them too.
    "core.security.NewsroomCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Public pages from the shared cache, before sessions and views (pagecache/store.py).
    "pagecache.middleware.PageCacheMiddleware",
    # Text responses gzipped (stored so by the page cache): core/compression.py.
    "core.compression.TextGZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # ETag/Last-Modified answers 304 to pollers of feeds, sitemaps and pages.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): a second factor was given in this session (django-otp).
    "django_otp.middleware.OTPMiddleware",
    # Superusers and the Chefredaktion need it for the admin (accounts/second_factor.py).
    "accounts.middleware.SecondFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: answers a locked-out login with its page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "sitecontent.context_processors.site",
                "articles.navigation.navigation",
            ],
        },
    },
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",  # the reader's pages: core/jinja2.py
        "DIRS": [BASE_DIR / "jinja2"],
        "APP_DIRS": True,
        "OPTIONS": {"environment": "core.jinja2.environment"},
    },
]
TEMPLATES[1]["OPTIONS"]["context_processors"] = TEMPLATES[0]["OPTIONS"]["context_processors"]

# Lets form widgets use templates from templates/ (the tag field's suggestions).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

WSGI_APPLICATION = "newsroom.wsgi.application"
ASGI_APPLICATION = "newsroom.asgi.application"

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
# Persistent connections on PostgreSQL (a new connection per request nearly halves the
# throughput), checked before reuse so a restarted database costs no failed request.
DATABASES["default"]["CONN_MAX_AGE"] = env.int(
    "CONN_MAX_AGE", default=60 if DATABASES["default"]["ENGINE"].endswith("postgresql") else 0
)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Byline and cross-link uniqueness is checked at commit on PostgreSQL (so two rows can swap
# people in one save). SQLite cannot defer constraints; there the admin's formsets guard it.
SILENCED_SYSTEM_CHECKS = ["models.W038"]

# The shared cache (newsroom/caches.py): Redis when REDIS_URL says so, for several machines;
# else files in CACHE_DIR (relative to the checkout) that every process on this machine
# shares. A cache is an accelerator: when Redis is down, pages render from the database.
REDIS_URL = env("REDIS_URL", default="")
if not REDIS_URL and env("CACHE_URL", default="").startswith(("redis://", "rediss://")):
    REDIS_URL = env("CACHE_URL")
CACHE_KEY_PREFIX = env("CACHE_KEY_PREFIX", default="newsroom")
CACHE_DIR = BASE_DIR / env("CACHE_DIR", default="var/cache")
if REDIS_URL:
    CACHES = caches.on_redis(REDIS_URL, CACHE_KEY_PREFIX)
else:
    CACHES = caches.in_files(CACHE_DIR, DATABASES["default"], CACHE_KEY_PREFIX)
# Seconds a public page may be served from the page cache at most (0: page cache off). It is
# invalidated on every change of content and never outlives the next scheduled publication.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300)
# Where purge requests go when content changes: the Varnish (deploy/varnish.vcl) or proxy in
# front, e.g. http://127.0.0.1:6081/ (several: comma-separated; unset: none).
CACHE_PURGE_URL = env("CACHE_PURGE_URL", default="")

# Background tasks (Django 6's Tasks API through the django-tasks backport). Production queues
# them in the database for `manage.py worker`; development (DEBUG, the demo and the tests)
# runs each task at once, so nothing waits for a worker that is not running.
TASKS_BACKEND = env(
    "TASKS_BACKEND",
    default="django_tasks.backends.immediate.ImmediateBackend"
    if DEBUG
    else "django_tasks_db.DatabaseBackend",
)
TASKS = {"default": {"BACKEND": TASKS_BACKEND}}
# Agency copy (docs/wire.md): how long a source may take to answer, and how much it may send.
WIRE_TIMEOUT = env.int("WIRE_TIMEOUT", default=20)
WIRE_MAX_BYTES = env.int("WIRE_MAX_BYTES", default=10 * 1024 * 1024)

# --- Accounts and login -----------------------------------------------------------------------

# The admin's address. Another one than admin/ keeps the scanners that try every site's
# /admin/ off the login form (it is no secret to rely on: the lockout below is the guard).
ADMIN_URL = env("ADMIN_URL", default="admin/").strip("/") + "/"
if not all(
    part and part.replace("-", "").replace("_", "").isalnum() for part in ADMIN_URL[:-1].split("/")
):
    raise ImproperlyConfigured(f"ADMIN_URL must be a path like 'redaktion/', not {ADMIN_URL!r}")
ADMIN_PATH = "/" + ADMIN_URL
LOGIN_URL = "admin:login"
# Where a login whose "next" was refused (another host, say) lands.
LOGIN_REDIRECT_URL = "admin:index"

# Two-factor login (django-otp: TOTP apps and recovery codes): required for superusers and the
# Chefredaktion in production, optional for everyone else (accounts/second_factor.py). The
# demo and the tests run without the requirement unless SECOND_FACTOR_REQUIRED says so.
SECOND_FACTOR_REQUIRED = env.bool("SECOND_FACTOR_REQUIRED", default=not DEBUG)
OTP_TOTP_ISSUER = env("NEWSROOM_SITE_NAME", default="newsroom")

AUTHENTICATION_BACKENDS = [
    # Refuses a login while its account or address is locked out (django-axes).
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# After AXES_FAILURE_LIMIT wrong passwords for one account, or from one address, logins there
# are refused for AXES_COOLOFF_MINUTES. Behind a shared office address (NAT) where colleagues'
# typos would lock each other out, AXES_LOCKOUT_BY=username locks per account only. Lift a
# lockout early in the admin ("Zugriffsversuche") or with `manage.py axes_reset_username`.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=60))
AXES_LOCKOUT_PARAMETERS = env.list("AXES_LOCKOUT_BY", default=["username", "ip_address"])
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "core.security.lockout_response"
AXES_CLIENT_IP_CALLABLE = "core.security.client_ip"
# Failed attempts are kept; successful logins need no second record beside last_login.
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False
# How many reverse proxies in front append to X-Forwarded-For (Varnish, a load balancer):
# the client's address is read that many entries from the right. 0: REMOTE_ADDR only.
PROXY_COUNT = env.int("PROXY_COUNT", default=0)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# German first.
# Tags keep the order they were typed in (taggit sorts them by default).
TAGGIT_TAGS_FROM_STRING = "core.tags.parse_tags"
TAGGIT_STRING_FROM_TAGS = "core.tags.edit_string_for_tags"

LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("German"))]
TIME_ZONE = env("TIME_ZONE", default="Europe/Berlin")
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
# Files browsers ask for at the top of the site (/favicon.ico, /apple-touch-icon.png),
# served by WhiteNoise like static files.
WHITENOISE_ROOT = BASE_DIR / "distribution" / "root"
MEDIA_URL = env("MEDIA_URL", default="/media/")
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Media (uploads and renditions) go through Django's storage API: the local disk by default,
# S3-compatible object storage with MEDIA_STORAGE=s3 (pip install -e ".[s3]"; see README).
MEDIA_STORAGE = env("MEDIA_STORAGE", default="filesystem")
# Serve MEDIA_ROOT from Django (core.media, with one-year cache headers) when files are local;
# set to false when a web server or CDN in front serves MEDIA_URL itself.
NEWSROOM_SERVE_MEDIA = env.bool(
    "NEWSROOM_SERVE_MEDIA", default=MEDIA_STORAGE == "filesystem" and MEDIA_URL.startswith("/")
)
if MEDIA_STORAGE == "s3":
    DEFAULT_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env("AWS_S3_REGION_NAME", default=None),
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN", default=None),
            "location": env("AWS_LOCATION", default=""),
            "default_acl": env("AWS_DEFAULT_ACL", default=None),
            "querystring_auth": env.bool("AWS_QUERYSTRING_AUTH", default=False),
            # Names never repeat (uploads get a random suffix, renditions a version hash),
            # so files can be cached forever and are never overwritten.
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }
elif MEDIA_STORAGE == "filesystem":
    DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
else:
    raise ImproperlyConfigured(f"MEDIA_STORAGE must be 'filesystem' or 's3', not {MEDIA_STORAGE!r}")
STORAGES = {
    "default": DEFAULT_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# --- Security headers (every response, the page cache's included) ------------------------------

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp): no inline script and no eval anywhere; public pages
# load scripts, styles, fonts and pictures from this site only (CSP_MEDIA_ORIGINS adds a CDN
# or object storage that serves MEDIA_URL, e.g. https://media.example.de).
_SELF = "'self'"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [_SELF],
        "script-src": [_SELF],
        "style-src": [_SELF],
        "img-src": [_SELF, "data:", *env.list("CSP_MEDIA_ORIGINS", default=[])],
        "font-src": [_SELF],
        "connect-src": [_SELF],
        "object-src": ["'none'"],
        "base-uri": [_SELF],
        "form-action": [_SELF],
        "frame-ancestors": ["'none'"],
    }
}
# Django's admin templates set inline style attributes; its scripts are all files.
ADMIN_CSP_ADDITIONS = {"style-src": ["'unsafe-inline'"]}
# Powerful browser features no page of ours uses (django-permissions-policy).
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    ]
}

# Production hardening, on whenever DEBUG is off.
if not DEBUG:
    # Trust X-Forwarded-Proto only behind a proxy that always sets it (nginx, Varnish with TLS
    # in front, a load balancer): otherwise any client could claim to be on HTTPS.
    if env.bool("TRUST_X_FORWARDED_PROTO", default=False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=True)
    CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=True)
    # HSTS: a year, subdomains included. Preloading (browsers ship the domain as HTTPS-only)
    # is hard to undo: opt in with SECURE_HSTS_PRELOAD=true once every subdomain has HTTPS.
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=365 * 24 * 3600)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
    if not SECURE_HSTS_PRELOAD:
        SILENCED_SYSTEM_CHECKS += ["security.W021"]  # preload is the operator's decision

# Logs go to standard error (systemd's journal, the container's log), one line each with time,
# level and source. newsroom.requests writes one line per request (core/request_log.py;
# REQUEST_LOG=false turns it off, e.g. when the proxy in front logs requests already).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "line": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "line"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "newsroom.requests": {
            "level": "INFO" if env.bool("REQUEST_LOG", default=True) else "WARNING",
        },
        # django-axes: lockouts (warnings) yes, an info line for every login no.
        "axes": {"level": "WARNING"},
        # Django logs 4xx and 5xx answers itself; the request log has them already.
        "django.server": {"level": "WARNING"},
    },
}

# Errors to Sentry or GlitchTip: pip install -e ".[sentry]", set SENTRY_DSN (newsroom/sentry.py).
SENTRY_DSN = env("SENTRY_DSN", default="")
if SENTRY_DSN:
    from .sentry import start_reporting

    start_reporting(SENTRY_DSN, env)

# The newsroom itself: name, sign-off code and the site-wide follow box.
NEWSROOM_SITE_NAME = env("NEWSROOM_SITE_NAME", default="newsroom")
NEWSROOM_PUBLICATION_CODE = env("NEWSROOM_PUBLICATION_CODE", default="newsroom")
NEWSROOM_FOLLOW_BOX = env(
    "NEWSROOM_FOLLOW_BOX",
    default=(
        "Folgen Sie uns schon bei WhatsApp, Instagram und Mastodon? "
        "Dort finden Sie die wichtigsten Nachrichten des Tages."
    ),
)
# Hosts an article may embed besides the providers core/embeds.py knows (frame-src per page).
EMBED_IFRAME_HOSTS = env.list("EMBED_IFRAME_HOSTS", default=[])
# Upload limits for the image library: bytes per file, and pixels (decompression bombs).
NEWSROOM_IMAGE_MAX_BYTES = env.int("NEWSROOM_IMAGE_MAX_BYTES", default=30 * 1024 * 1024)
NEWSROOM_IMAGE_MAX_PIXELS = env.int("NEWSROOM_IMAGE_MAX_PIXELS", default=60_000_000)
# Pixels one multi-file upload may decode in its request (about 3 s here for 400 million);
# files beyond it are refused with a request to upload them again, so none runs past the
# server's timeout. The first file always goes (its own limit is the one above).
NEWSROOM_UPLOAD_MAX_TOTAL_PIXELS = env.int("NEWSROOM_UPLOAD_MAX_TOTAL_PIXELS", default=400_000_000)
NEWSROOM_ARTICLES_PER_PAGE = env.int("NEWSROOM_ARTICLES_PER_PAGE", default=12)
# Topic pages with fewer public articles are thin: noindex, and not in the sitemap.
NEWSROOM_TAG_INDEX_MIN_ARTICLES = env.int("NEWSROOM_TAG_INDEX_MIN_ARTICLES", default=3)
# Feeds carry each article's whole text (pictures as <img>, embeds as links); false: the lead
# and the picture only, for sites that want readers on their pages.
NEWSROOM_FEEDS_FULL_TEXT = env.bool("NEWSROOM_FEEDS_FULL_TEXT", default=True)
# How long a shared preview link works, in seconds (default two days).
NEWSROOM_PREVIEW_MAX_AGE = env.int("NEWSROOM_PREVIEW_MAX_AGE", default=2 * 24 * 3600)
from .mail import *  # noqa: E402, F403  Mail (EMAIL_URL, senders) and the newsletter
