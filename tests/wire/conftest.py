import pytest

from tests.helpers.wire import AgencyServer, serve_pictures


@pytest.fixture
def agency():
    """A local agency server with the samples' pictures, stopped after the test."""
    with AgencyServer() as server:
        serve_pictures(server)
        yield server
