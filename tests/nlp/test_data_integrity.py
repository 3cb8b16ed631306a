"""The gazetteer tables load and agree with ISO 3166 and with one another."""

from __future__ import annotations

from collections import defaultdict

import pycountry
import pytest

from summitry.nlp.gazetteer import (
    PLACE_KINDS,
    capital_of,
    countries,
    gazetteer,
    lookup_country,
    lookup_place,
    normalize,
    read_table,
)
from summitry.nlp.titles import title_table

ISO3 = {c.alpha_3 for c in pycountry.countries} | {c.alpha_3 for c in pycountry.historic_countries}
# Kosovo has no ISO code; XKX is the user-assigned code the EU and others use.
NON_ISO_CODES = {"XKX"}
# Names that truly name two countries; the tables resolve them one way on purpose.
KNOWN_AMBIGUOUS = {
    "Congo",  # Republic of the Congo (COG) and DR Congo (COD): "Congo" alone is COG
    "Virgin Islands",  # British (VGB) and U.S. (VIR)
}
# Capitals whose name a larger place of another country also bears.
SHARED_CAPITAL_NAMES = {("NFK", "Kingston")}

TABLES = {
    "countries.tsv": {
        "iso3",
        "name",
        "iso_name",
        "official_name",
        "capital",
        "population",
        "status",
    },
    "cities.tsv": {"name", "iso3", "kind", "population"},
    "demonyms.tsv": {"word", "iso3"},
    "country_names.tsv": {"alias", "iso3", "preferred"},
    "places_extra.tsv": {"name", "iso3", "kind", "flags"},
    "demonyms_extra.tsv": {"word", "iso3", "organization"},
    "organizations.tsv": {"name", "full_name", "aliases", "type"},
    "titles.tsv": {"title", "canonical", "rank", "political", "style"},
}


@pytest.mark.parametrize("name", sorted(TABLES))
def test_table_loads_with_its_columns(name: str) -> None:
    rows = list(read_table(name))
    assert rows, name
    assert set(rows[0]) == TABLES[name]


@pytest.mark.parametrize(
    ("table", "column"),
    [
        ("countries.tsv", "iso3"),
        ("cities.tsv", "iso3"),
        ("demonyms.tsv", "iso3"),
        ("country_names.tsv", "iso3"),
        ("places_extra.tsv", "iso3"),
        ("demonyms_extra.tsv", "iso3"),
    ],
)
def test_every_country_code_is_iso_3166(table: str, column: str) -> None:
    codes = {row[column] for row in read_table(table) if row[column]}
    assert codes - ISO3 - NON_ISO_CODES == set()


def test_every_iso_country_is_listed() -> None:
    assert ISO3 <= set(countries())


def test_no_name_maps_to_two_countries_unintentionally() -> None:
    conflicts = {form for form, _, _ in gazetteer().conflicts}
    assert conflicts <= KNOWN_AMBIGUOUS


@pytest.mark.parametrize(
    ("table", "name_column", "value_columns"),
    [
        ("country_names.tsv", "alias", ("iso3",)),
        ("places_extra.tsv", "name", ("iso3",)),
        ("demonyms_extra.tsv", "word", ("iso3", "organization")),
        ("titles.tsv", "title", ("canonical", "rank")),
    ],
)
def test_hand_tables_give_one_reading_per_name(
    table: str, name_column: str, value_columns: tuple[str, ...]
) -> None:
    readings: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for row in read_table(table):
        key = normalize(row[name_column]) if table != "titles.tsv" else row[name_column].lower()
        readings[key].add(tuple(row[c] for c in value_columns))
    assert {k: v for k, v in readings.items() if len(v) > 1} == {}


def test_one_preferred_name_per_country() -> None:
    preferred = [row["iso3"] for row in read_table("country_names.tsv") if row["preferred"] == "1"]
    assert len(preferred) == len(set(preferred))


def test_every_capital_belongs_to_a_listed_country() -> None:
    listed = set(countries())
    for row in read_table("cities.tsv"):
        assert row["iso3"] in listed, row
    for row in read_table("places_extra.tsv"):
        if row["kind"] == "capital":
            assert row["iso3"] in listed, row


def test_capitals_of_current_countries_resolve_to_them() -> None:
    wrong = []
    for country in countries().values():
        if country.status == "historic" or not country.capital:
            continue
        place = lookup_place(country.capital)
        if place is None or place.country != country.iso3:
            wrong.append((country.iso3, country.capital))
    assert set(wrong) <= SHARED_CAPITAL_NAMES


def test_iso_names_of_current_countries_resolve_to_them() -> None:
    for country in countries().values():
        if country.status != "historic":
            assert lookup_country(country.name) == country.iso3, country


def test_place_kinds_and_flags_are_known() -> None:
    for row in read_table("places_extra.tsv"):
        assert row["kind"] in PLACE_KINDS, row
        assert set(filter(None, row["flags"].split(","))) <= {"metonym", "ambiguous"}, row
    for row in read_table("cities.tsv"):
        assert row["kind"] in {"capital", "city"}, row


def test_organisation_adjectives_name_listed_organisations() -> None:
    listed = set(gazetteer().organizations)
    for row in read_table("demonyms_extra.tsv"):
        assert bool(row["iso3"]) != bool(row["organization"]), row
        if row["organization"]:
            assert row["organization"] in listed, row


def test_organisation_types() -> None:
    kinds = {"intergovernmental", "grouping", "body", "nongovernmental"}
    for row in read_table("organizations.tsv"):
        assert row["type"] in kinds, row


def test_titles_have_a_rank_and_a_consistent_canonical_form() -> None:
    by_canonical: dict[str, set[int]] = defaultdict(set)
    for entry in title_table().values():
        assert entry.rank in {1, 2, 3, 4}
        by_canonical[entry.canonical].add(entry.rank)
    # A canonical title has one rank whichever form it was written in.
    assert {k: v for k, v in by_canonical.items() if len(v) > 1} == {}


def test_capital_of_vanished_states() -> None:
    assert capital_of("SUN") == "Moscow"
    assert capital_of("DDR") == "East Berlin"
