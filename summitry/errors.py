"""One exception tree for the whole package.

    SummitryError
    ├── InputError        a document that cannot be read (names the document and the reason)
    │   └── ExtractionError   the extractor failed on a readable document: our bug, not the input's
    ├── ModelError        the spaCy model cannot be loaded
    └── StoreError        the event store cannot be opened or written

Library code raises these and never prints; the CLI turns them into one-line
messages and exit codes.
"""

from __future__ import annotations


class SummitryError(Exception):
    """Base of every error summitry raises on purpose."""


class InputError(SummitryError):
    """A document that cannot be read: empty, binary, undecodable, too large, malformed."""

    def __init__(self, doc_id: str | None, reason: str) -> None:
        self.doc_id = doc_id or "<unknown>"
        self.reason = reason
        super().__init__(f"{self.doc_id}: {reason}")


class ExtractionError(InputError):
    """The extractor failed on a document it could read.

    A batch records it and goes on like for an unreadable document, but it is
    a bug of ours: servers answer it with 500, not with a client error.
    """


class ModelError(SummitryError):
    """The spaCy model (or another shipped resource) cannot be loaded."""


class StoreError(SummitryError):
    """The event store cannot be opened, migrated or written."""
