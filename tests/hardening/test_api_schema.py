"""The API under schemathesis, against its own OpenAPI schema, in-process (ASGI).

Every operation of /api/openapi.json gets generated requests, valid and
invalid (a fixed hypothesis budget per operation); every answer must be
below 500 and match the schema (status code, content type, headers, body).
Writes carry the bearer token, so POST /api/documents reaches extraction.
The number of requests sent is printed in the session summary.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from api.sample_calendar import fill
from hardening.conftest import TOKEN
from hardening.figures import count
from hypothesis import HealthCheck, settings
from schemathesis import checks

from summitry.api import ApiSettings, create_app
from summitry.store import open_store

MAX_EXAMPLES = 40
EXCLUDED = [
    # A blank filter means "no filter" (plain HTML forms send every field): `?to=` is accepted.
    checks.negative_data_rejection,
    # A schema-valid article can still be unreadable (empty, not English): 422 is right.
    checks.positive_data_acceptance,
    # Starlette answers 405 with the Allow of the first route on the path (GET, not GET, POST).
    checks.allow_header_conformance,
]


# schemathesis loads the schema when the module is imported: the store must exist by then.
_DIRECTORY = tempfile.TemporaryDirectory(prefix="summitry-schema-")
_STORE = open_store(Path(_DIRECTORY.name) / "summitry.db")
fill(_STORE)
APP = create_app(
    _STORE, ApiSettings(token=TOKEN, max_body_bytes=64 * 1024), today=lambda: dt.date(2025, 1, 4)
)
schema = schemathesis.openapi.from_asgi("/api/openapi.json", APP)


@pytest.fixture(scope="module", autouse=True)
def _close_the_store() -> Iterator[None]:
    yield
    _STORE.close()
    _DIRECTORY.cleanup()


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_no_server_errors_and_every_answer_matches_the_schema(case: schemathesis.Case) -> None:
    count("schemathesis requests")
    case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, excluded_checks=EXCLUDED)
