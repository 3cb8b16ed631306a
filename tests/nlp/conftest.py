"""Fixtures of the nlp tests."""

from __future__ import annotations

import importlib
from typing import Any

import pytest

from summitry.nlp.loading import DEFAULT_MODEL


@pytest.fixture(scope="session")
def shipped() -> Any:
    """The model as shipped, with spaCy's own components: what the array versions must match."""
    return importlib.import_module(DEFAULT_MODEL).load()
