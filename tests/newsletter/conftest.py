import pytest

from tests.helpers.newsletter import start_smtp_server


@pytest.fixture
def inbox(settings):
    """A real SMTP server for this test; Django sends to it. Yields its Inbox."""
    inbox, controller = start_smtp_server(settings)
    yield inbox
    controller.stop()
