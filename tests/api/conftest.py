"""Every API test runs at a fixed moment (tests.api.helpers.NOW)."""

import pytest
import time_machine

from tests.api.helpers import NOW


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield
