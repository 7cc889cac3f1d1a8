"""Every API test runs at a fixed moment (tests.helpers.api.NOW)."""

import pytest
import time_machine

from tests.helpers.api import NOW


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield
