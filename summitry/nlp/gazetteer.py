"""Gazetteer lookups: countries, places, demonyms and international organisations.

In: a name as written in the news ("U.S.", "the Philippines", "Kiev",
"Pyongyang", "Group of Seven"). Out: a record with the ISO 3166 alpha-3 code
of the country it belongs to (ISO 3166-3 for vanished states: "Soviet Union"
gives SUN), or None when the name is unknown.

The tables live in `summitry/data/` (sources in `SOURCES.md`) and are read
once per process. Lookups are tolerant of case, diacritics, periods, hyphens,
a leading "the" and a trailing possessive: "U.S." == "US" == "us",
"Côte d'Ivoire" == "Cote dIvoire", "China's" == "China".

Which entry wins when one name has several readings, in order:

1. the hand-written country names (`country_names.tsv`);
2. ISO short names and common names of current countries (`countries.tsv`);
3. hand-written places (`places_extra.tsv`): venues, metonyms, regions;
4. GeoNames cities and capitals (`cities.tsv`), the most populous first;
5. ISO official names, then the names of vanished states.

Organisations and demonyms are separate tables, looked up by their own
functions; a name may be both a place and an organisation ("Vatican").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

PLACE_KINDS = ("country", "capital", "city", "region", "metonym")

# Demonyms with these endings have no plural in -s ("Japanese", "British", "Swiss").
_NO_PLURAL = ("s", "sh", "ch", "x", "z", ".", "ese")


@dataclass(frozen=True)
class Country:
    """One ISO 3166 country (or a vanished one).

    `name` is ISO's common name where it has one ("South Korea"), else its
    short name. `status` is "current" (ISO 3166-1), "historic" (ISO 3166-3) or
    "user-assigned" (Kosovo's XKX, which ISO has not assigned).
    """

    iso3: str
    name: str
    official_name: str
    capital: str | None
    status: str


@dataclass(frozen=True)
class Place:
    """A place name resolved to a country.

    `name` is the canonical form (a country's short common name, else the
    name as listed), `country` the ISO alpha-3 code (None for regions such as
    "Middle East"), `kind` one of PLACE_KINDS. `metonym` is true when the
    name often stands for a government ("Pyongyang said", "the Kremlin");
    `ambiguous` when it is also a common word or a person's name ("Male",
    "Jordan"), so that text matches need other evidence.
    """

    name: str
    country: str | None
    kind: str
    metonym: bool = False
    ambiguous: bool = False


@dataclass(frozen=True)
class Organization:
    """An international organisation or grouping (participant kind "organization").

    `name` is the canonical short form ("UN", "G7"), `full_name` the spelled
    out form, `aliases` every other form, `type` one of intergovernmental,
    grouping, body (an organ of another organisation) or nongovernmental.
    """

    name: str
    full_name: str
    aliases: tuple[str, ...] = ()
    type: str = "intergovernmental"


@dataclass(frozen=True)
class Adjective:
    """A demonym or adjective: "Japanese" names JPN, "EU" names the EU."""

    word: str
    country: str | None
    organization: str | None = None


_PUNCT_DROP = re.compile(r"[.'’‘`´]")
_PUNCT_SPACE = re.compile(r"[-‐‑–—_/,()]+")
_LETTER_DIGIT = re.compile(r"(?<=[a-z]) (?=\d)")
_SPACES = re.compile(r"\s+")


def normalize(text: str) -> str:
    """The lookup key of a name: folded case and diacritics, no periods or hyphens.

    >>> normalize("the U.S.'s")
    'us'
    >>> normalize("Côte d'Ivoire")
    'cote divoire'
    >>> normalize("G-7")
    'g7'
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower().strip()
    text = re.sub(r"['’]s$", "", text)
    text = text.replace("&", " and ")
    text = _PUNCT_DROP.sub("", text)
    text = _PUNCT_SPACE.sub(" ", text)
    text = _SPACES.sub(" ", text).strip()
    text = _LETTER_DIGIT.sub("", text)
    if text.startswith("the "):
        text = text[4:]
    return text


def read_table(name: str) -> Iterator[dict[str, str]]:
    """Rows of a TSV file of `summitry/data/`.

    Lines starting with '#' are comments; the first other line is the header.
    """
    path = DATA_DIR / name
    header: list[str] | None = None
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            cells += [""] * (len(header) - len(cells))
            yield dict(zip(header, (c.strip() for c in cells), strict=False))


def _short_form(iso_name: str) -> str:
    """ "Korea, Republic of" -> "Korea"; names without a comma stay as they are."""
    return iso_name.split(",")[0].strip()


def _inverted_form(iso_name: str) -> str | None:
    """ "Korea, Republic of" -> "Republic of Korea"; None without a comma."""
    if "," not in iso_name:
        return None
    head, _, tail = iso_name.partition(",")
    return f"{tail.strip()} {head.strip()}"


class Gazetteer:
    """All tables, loaded and indexed. Use `gazetteer()` for the shared instance."""

    def __init__(self) -> None:
        self.countries: dict[str, Country] = {}
        self.preferred_names: dict[str, str] = {}
        self.places: dict[str, Place] = {}
        # Every surface form listed for a place key, demonym or organisation:
        # the spaCy component builds its patterns from these.
        self.place_forms: dict[str, set[str]] = {}
        self.adjectives: dict[str, Adjective] = {}
        self.adjective_forms: dict[str, set[str]] = {}
        self.organizations: dict[str, Organization] = {}
        self.organization_keys: dict[str, Organization] = {}
        self.organization_forms: dict[str, set[str]] = {}
        self.conflicts: list[tuple[str, str, str]] = []
        self._load_countries()
        self._load_places()
        self._load_adjectives()
        self._load_organizations()

    # -- loading -----------------------------------------------------------

    def _add_place(self, form: str, place: Place, *, merge_flags: bool = True) -> None:
        key = normalize(form)
        if not key:
            return
        old = self.places.get(key)
        if old is None:
            self.places[key] = place
        else:
            if old.country != place.country:
                self.conflicts.append((form, old.country or "", place.country or ""))
            if merge_flags and old.country == place.country:
                if (place.metonym and not old.metonym) or (place.ambiguous and not old.ambiguous):
                    self.places[key] = Place(
                        old.name,
                        old.country,
                        old.kind,
                        old.metonym or place.metonym,
                        old.ambiguous or place.ambiguous,
                    )
            elif merge_flags and place.ambiguous and not old.ambiguous:
                self.places[key] = Place(old.name, old.country, old.kind, old.metonym, True)
        self.place_forms.setdefault(key, set()).add(form)

    def _load_countries(self) -> None:
        rows = list(read_table("countries.tsv"))
        iso_names: dict[str, str] = {}
        for row in rows:
            iso_names[row["iso3"]] = row["iso_name"]
            self.countries[row["iso3"]] = Country(
                iso3=row["iso3"],
                name=row["name"],
                official_name=row["official_name"],
                capital=row["capital"] or None,
                status=row["status"],
            )
        hand = list(read_table("country_names.tsv"))
        for row in hand:
            if row.get("preferred") == "1":
                self.preferred_names[row["iso3"]] = row["alias"]

        def country_place(iso3: str) -> Place:
            return Place(self.country_name(iso3), iso3, "country")

        # 1. hand-written names
        for row in hand:
            self._add_place(row["alias"], country_place(row["iso3"]))
        current = [c for c in self.countries.values() if c.status != "historic"]
        historic = [c for c in self.countries.values() if c.status == "historic"]
        # 2. ISO names of current countries
        for c in current:
            self._add_place(c.name, country_place(c.iso3))
            self._add_place(_short_form(c.name), country_place(c.iso3))
        self._pending_late: list[tuple[str, Place]] = []
        # 5. (added after the places) official, inverted and historic names
        for c in current:
            iso_name = iso_names[c.iso3]
            for form in (
                iso_name,
                _short_form(iso_name),
                c.official_name,
                _inverted_form(iso_name),
            ):
                if form:
                    self._pending_late.append((form, country_place(c.iso3)))
        for c in historic:
            for form in (c.name, _short_form(c.name), _inverted_form(c.name)):
                if form:
                    self._pending_late.append((form, country_place(c.iso3)))

    def _load_places(self) -> None:
        # 3. hand-written places
        for row in read_table("places_extra.tsv"):
            flags = set(row.get("flags", "").split(","))
            kind = row["kind"]
            iso3 = row["iso3"] or None
            name = self.country_name(iso3) if kind == "country" and iso3 else row["name"]
            self._add_place(
                row["name"],
                Place(
                    name, iso3, kind, "metonym" in flags or kind == "metonym", "ambiguous" in flags
                ),
            )
        # 4. GeoNames cities, most populous first
        for row in read_table("cities.tsv"):
            key = normalize(row["name"])
            if key in self.places:
                # A smaller namesake of a listed place would only add a conflict.
                if self.places[key].country != row["iso3"]:
                    continue
            self._add_place(row["name"], Place(row["name"], row["iso3"], row["kind"]))
        # 5. official and historic names last
        for form, place in self._pending_late:
            key = normalize(form)
            if key in self.places and self.places[key].country != place.country:
                continue
            self._add_place(form, place)
        del self._pending_late

    def _load_adjectives(self) -> None:
        hand = list(read_table("demonyms_extra.tsv"))
        generated = list(read_table("demonyms.tsv"))
        for row in hand + generated:
            word = row["word"]
            adjective = Adjective(word, row.get("iso3") or None, row.get("organization") or None)
            forms = [word]
            # Demonyms as plural nouns: "the Saudis", "Serbs", "Filipinos".
            if adjective.country and not word.endswith(_NO_PLURAL):
                forms.append(word + "s")
            for form in forms:
                key = normalize(form)
                if key not in self.adjectives:
                    self.adjectives[key] = adjective
                known = self.adjectives[key]
                if (known.country, known.organization) == (
                    adjective.country,
                    adjective.organization,
                ):
                    self.adjective_forms.setdefault(key, set()).add(form)

    def _load_organizations(self) -> None:
        for row in read_table("organizations.tsv"):
            aliases = tuple(a for a in row["aliases"].split("|") if a)
            org = Organization(
                row["name"], row["full_name"], aliases, row["type"] or "intergovernmental"
            )
            self.organizations[org.name] = org
            for form in (org.name, org.full_name, *aliases):
                key = normalize(form)
                if key and key not in self.organization_keys:
                    self.organization_keys[key] = org
                if key and self.organization_keys.get(key) == org:
                    self.organization_forms.setdefault(key, set()).add(form)

    # -- lookups -----------------------------------------------------------

    def country_name(self, iso3: str) -> str:
        if iso3 in self.preferred_names:
            return self.preferred_names[iso3]
        country = self.countries.get(iso3)
        if country is None:
            return iso3
        return _short_form(country.name)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The tables of `summitry/data/`, loaded once per process."""
    return Gazetteer()


@lru_cache(maxsize=8192)
def lookup_place(name: str) -> Place | None:
    """The country, city, region or metonym `name` names, or None.

    >>> lookup_place("the Kremlin").country
    'RUS'
    """
    return gazetteer().places.get(normalize(name))


@lru_cache(maxsize=8192)
def lookup_country(name: str) -> str | None:
    """The ISO alpha-3 code of a country name ("U.S." -> "USA"), None for any other place."""
    place = lookup_place(name)
    return place.country if place is not None and place.kind == "country" else None


@lru_cache(maxsize=8192)
def lookup_adjective(word: str) -> Adjective | None:
    """The demonym or adjective `word` ("Japanese", "U.N.", "EU"), or None."""
    return gazetteer().adjectives.get(normalize(word))


def lookup_demonym(word: str) -> str | None:
    """The ISO alpha-3 code of a demonym ("Japanese" -> "JPN", "Soviet" -> "SUN").

    None for unknown words and for adjectives of organisations ("EU").
    """
    adjective = lookup_adjective(word)
    return adjective.country if adjective is not None else None


@lru_cache(maxsize=8192)
def lookup_organization(name: str) -> Organization | None:
    """The international organisation `name` names ("U.N.", "Group of Seven"), or None."""
    return gazetteer().organization_keys.get(normalize(name))


def country_name(iso3: str) -> str:
    """A short common English name: "KOR" -> "South Korea", "SUN" -> "Soviet Union".

    Unknown codes are returned as they are.
    """
    return gazetteer().country_name(iso3)


def capital_of(iso3: str) -> str | None:
    """The capital of a country as GeoNames names it ("FRA" -> "Paris"), or None."""
    country = gazetteer().countries.get(iso3)
    return country.capital if country is not None else None


def countries() -> Mapping[str, Country]:
    """Every country of the tables by ISO alpha-3 code, vanished ones included."""
    return gazetteer().countries
