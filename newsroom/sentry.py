"""Error reports to Sentry or a compatible service (GlitchTip), started from the settings when
SENTRY_DSN is set. No personal data is sent (send_default_pii off)."""

from django.core.exceptions import ImproperlyConfigured


def start_reporting(dsn, env):
    try:
        import sentry_sdk
    except ImportError as error:
        raise ImproperlyConfigured(
            'SENTRY_DSN is set but sentry-sdk is not installed: pip install -e ".[sentry]"'
        ) from error
    sentry_sdk.init(
        dsn=dsn,
        environment=env("SENTRY_ENVIRONMENT", default="production"),
        send_default_pii=False,
        traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
    )
