"""Canonical actors: when two mentions name the same participant.

A participant's key is:

1. a person: their surname and the country they represent,
   "person:USA:blinken" ("Antony Blinken", "Blinken", "Mr. Blinken" alike).
   Names from countries that write the family name first (Korea, China,
   Taiwan) take the first word ("Cho Tae-yul" -> "cho").
2. a country: its ISO 3166 alpha-3 code, "country:KOR" (else its name).
3. an organisation or a region: its normalised name, "organization:european union".
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from summitry.model import Actor, ActorKind

# Where news writes the family name first; Japan is written given-name first in English.
_FAMILY_NAME_FIRST = frozenset({"KOR", "PRK", "CHN", "TWN", "HKG", "MAC"})
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "prof", "h.e."})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_MAX_NAME_IN_KEY = 200
"""Keys live in VARCHAR(255) columns: a longer name is cut and ends with a hash of the whole."""


@lru_cache(maxsize=65_536)
def normalise_name(name: str) -> str:
    """Lowercase, without diacritics or punctuation, single spaces."""
    decomposed = unicodedata.normalize("NFKD", name)
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = re.sub(r"[^\w\s-]", " ", ascii_only.lower()).split()
    return " ".join(words)


def surname(name: str, country: str | None) -> str:
    """The family name of a person as the news writes it."""
    words = [w for w in normalise_name(name).split() if w not in _HONORIFICS]
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    if not words:
        return normalise_name(name)
    if country in _FAMILY_NAME_FIRST:
        return words[0]
    return words[-1]


@lru_cache(maxsize=65_536)  # actors are frozen; the same few recur in every mention
def actor_key(actor: Actor) -> str:
    """The canonical key of a participant (see the module docstring)."""
    if actor.kind is ActorKind.PERSON:
        return f"person:{actor.country or '-'}:{_bounded(surname(actor.name, actor.country))}"
    if actor.kind is ActorKind.COUNTRY and actor.country:
        return f"country:{actor.country}"
    return f"{actor.kind.value}:{_bounded(normalise_name(actor.name))}"


def _bounded(name: str) -> str:
    if len(name) <= _MAX_NAME_IN_KEY:
        return name
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:16]
    return f"{name[: _MAX_NAME_IN_KEY - 17]}~{digest}"


def block_key(key: str) -> str:
    """The key without a person's country: every pair `same_actor` accepts shares it."""
    if key.startswith("person:"):
        return "person:" + key.split(":", 2)[2]
    return key


def same_actor(key: str, other: str) -> bool:
    """Two keys name the same participant: equal, or the same surname where one country is unknown.

    ("Marcos Rivas" of Chile and "Marcos Rivas" whose country the article did
    not give are the same person; Rivas of Chile and Rivas of Spain are not.)
    """
    if key == other:
        return True
    if not (key.startswith("person:") and other.startswith("person:")):
        return False
    _, country, name = key.split(":", 2)
    _, other_country, other_name = other.split(":", 2)
    return name == other_name and "-" in (country, other_country)
