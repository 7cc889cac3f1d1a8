import functools

import pytest

from search import indexing as search_indexing


@pytest.fixture
def indexing(django_capture_on_commit_callbacks):
    """``with indexing():`` runs the on-commit callbacks of what is saved inside, as a
    committed transaction would: afterwards the search documents are current."""
    # Earlier tests' transactions were rolled back, never committed: forget their articles.
    search_indexing._pending.article_ids.clear()
    return functools.partial(django_capture_on_commit_callbacks, execute=True)
