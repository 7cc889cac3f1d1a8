"""Site-wide values every public template may use."""

from django.conf import settings


def site(request):
    return {
        "site_name": settings.NEWSROOM_SITE_NAME,
        "follow_box": settings.NEWSROOM_FOLLOW_BOX,
    }
