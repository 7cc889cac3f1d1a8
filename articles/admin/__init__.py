"""The articles admin, thin: forms and buttons that call the app's services (workflow,
editing, revisions, previews, planning). One module per page family."""

from .. import revisions

# Register with django-reversion before ArticleAdmin (a VersionAdmin) is registered, which
# would otherwise register Article on its own terms, following every inline (the audit
# trail included).
revisions.register()

from . import articles, home_page, records, sections, tags  # noqa: E402, F401 (they register)
