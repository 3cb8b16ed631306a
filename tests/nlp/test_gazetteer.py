"""Lookups of places, demonyms and organisations, as tables of (name, expected)."""

from __future__ import annotations

import pytest

from summitry.nlp.gazetteer import (
    capital_of,
    country_name,
    lookup_adjective,
    lookup_country,
    lookup_demonym,
    lookup_organization,
    lookup_place,
    normalize,
)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("U.S.", "us"),
        ("the Philippines", "philippines"),
        ("Côte d'Ivoire", "cote divoire"),
        ("China's", "china"),
        ("G-7", "g7"),
        ("Sharm el-Sheikh", "sharm el sheikh"),
        ("  New   York ", "new york"),
    ],
)
def test_normalize(text: str, key: str) -> None:
    assert normalize(text) == key


@pytest.mark.parametrize(
    ("name", "country", "kind"),
    [
        ("U.S.", "USA", "country"),
        ("US", "USA", "country"),
        ("United States", "USA", "country"),
        ("America", "USA", "country"),
        ("Britain", "GBR", "country"),
        ("UK", "GBR", "country"),
        ("South Korea", "KOR", "country"),
        ("Korea", "KOR", "country"),
        ("North Korea", "PRK", "country"),
        ("DPRK", "PRK", "country"),
        ("Russia", "RUS", "country"),
        ("Iran", "IRN", "country"),
        ("Syria", "SYR", "country"),
        ("Vietnam", "VNM", "country"),
        ("Taiwan", "TWN", "country"),
        ("Laos", "LAO", "country"),
        ("the Philippines", "PHL", "country"),
        ("the Netherlands", "NLD", "country"),
        ("Holland", "NLD", "country"),
        ("Czech Republic", "CZE", "country"),
        ("Ivory Coast", "CIV", "country"),
        ("Côte d'Ivoire", "CIV", "country"),
        ("Turkey", "TUR", "country"),
        ("Türkiye", "TUR", "country"),
        ("Palestine", "PSE", "country"),
        ("Palestinian territories", "PSE", "country"),
        ("Soviet Union", "SUN", "country"),
        ("USSR", "SUN", "country"),
        ("West Germany", "DEU", "country"),
        ("East Germany", "DDR", "country"),
        ("Yugoslavia", "YUG", "country"),
        ("Czechoslovakia", "CSK", "country"),
        ("Zaire", "ZAR", "country"),
        ("Burma", "MMR", "country"),
        ("Korea, Republic of", "KOR", "country"),
        ("Seoul", "KOR", "capital"),
        ("Kyiv", "UKR", "capital"),
        ("Kiev", "UKR", "capital"),
        ("Washington", "USA", "capital"),
        ("Geneva", "CHE", "city"),
        ("Davos", "CHE", "city"),
        ("Camp David", "USA", "city"),
        ("Gyeongju", "KOR", "city"),
        ("Busan", "KOR", "city"),
        ("Osaka", "JPN", "city"),
        ("Shanghai", "CHN", "city"),
        ("New York", "USA", "city"),
        ("Sochi", "RUS", "city"),
        ("Vladivostok", "RUS", "city"),
        ("Hiroshima", "JPN", "city"),
        ("Munich", "DEU", "city"),
        ("Istanbul", "TUR", "city"),
        ("Jeddah", "SAU", "city"),
        ("Doha", "QAT", "capital"),
        ("Sharm el-Sheikh", "EGY", "city"),
        ("Panmunjom", "KOR", "city"),
        ("Dubai", "ARE", "city"),
        ("Mar-a-Lago", "USA", "city"),
        ("Sao Paulo", "BRA", "city"),
        ("São Paulo", "BRA", "city"),
        ("the Kremlin", "RUS", "metonym"),
        ("Kremlin", "RUS", "metonym"),
        ("the White House", "USA", "metonym"),
        ("Downing Street", "GBR", "metonym"),
        ("the Elysee", "FRA", "metonym"),
        ("Élysée", "FRA", "metonym"),
        ("the Blue House", "KOR", "metonym"),
        ("Cheong Wa Dae", "KOR", "metonym"),
        ("Zhongnanhai", "CHN", "metonym"),
        ("Foggy Bottom", "USA", "metonym"),
        ("Crimea", "UKR", "region"),
        ("Middle East", None, "region"),
    ],
)
def test_lookup_place(name: str, country: str | None, kind: str) -> None:
    place = lookup_place(name)
    assert place is not None, name
    assert (place.country, place.kind) == (country, kind)


@pytest.mark.parametrize(
    "name", ["Pyongyang", "Washington", "Beijing", "Moscow", "Tokyo", "Seoul", "Kyiv"]
)
def test_capitals_that_stand_for_governments_are_metonyms(name: str) -> None:
    place = lookup_place(name)
    assert place is not None and place.metonym


@pytest.mark.parametrize("name", ["Blinken", "Monday", "summit", "", "President"])
def test_unknown_places(name: str) -> None:
    assert lookup_place(name) is None


def test_names_that_are_also_words_are_flagged() -> None:
    for name in ("Male", "Jordan", "Georgia"):
        place = lookup_place(name)
        assert place is not None and place.ambiguous, name
    assert not lookup_place("Seoul").ambiguous  # type: ignore[union-attr]


def test_lookup_country_is_for_countries_only() -> None:
    assert lookup_country("U.S.") == "USA"
    assert lookup_country("Seoul") is None


@pytest.mark.parametrize(
    ("word", "country"),
    [
        ("Japanese", "JPN"),
        ("South Korean", "KOR"),
        ("Korean", "KOR"),
        ("North Korean", "PRK"),
        ("American", "USA"),
        ("U.S.", "USA"),
        ("British", "GBR"),
        ("Chinese", "CHN"),
        ("Soviet", "SUN"),
        ("West German", "DEU"),
        ("East German", "DDR"),
        ("Russian", "RUS"),
        ("Iranian", "IRN"),
        ("Israeli", "ISR"),
        ("Palestinian", "PSE"),
        ("Filipino", "PHL"),
        ("Dutch", "NLD"),
        ("Emirati", "ARE"),
        ("Indian", "IND"),
        ("Congolese", "COD"),
        ("EU", None),
        ("summit", None),
    ],
)
def test_lookup_demonym(word: str, country: str | None) -> None:
    assert lookup_demonym(word) == country


def test_adjectives_of_organisations() -> None:
    adjective = lookup_adjective("EU")
    assert adjective is not None
    assert (adjective.country, adjective.organization) == (None, "EU")
    assert lookup_adjective("U.N.").organization == "UN"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("UN", "UN"),
        ("United Nations", "UN"),
        ("U.N.", "UN"),
        ("EU", "EU"),
        ("European Union", "EU"),
        ("NATO", "NATO"),
        ("ASEAN", "ASEAN"),
        ("OPEC", "OPEC"),
        ("G7", "G7"),
        ("G-7", "G7"),
        ("Group of Seven", "G7"),
        ("G20", "G20"),
        ("Group of 20", "G20"),
        ("APEC", "APEC"),
        ("IMF", "IMF"),
        ("World Bank", "World Bank"),
        ("WTO", "WTO"),
        ("OECD", "OECD"),
        ("African Union", "African Union"),
        ("Arab League", "Arab League"),
        ("the Arab League", "Arab League"),
        ("GCC", "GCC"),
        ("OAS", "OAS"),
        ("SCO", "SCO"),
        ("BRICS", "BRICS"),
        ("Quad", "Quad"),
        ("the Quad", "Quad"),
        ("IAEA", "IAEA"),
        ("WHO", "WHO"),
        ("Red Cross", "ICRC"),
        ("ICRC", "ICRC"),
        ("European Commission", "European Commission"),
        ("Security Council", "UN Security Council"),
        ("U.N. Security Council", "UN Security Council"),
    ],
)
def test_lookup_organization(name: str, canonical: str) -> None:
    org = lookup_organization(name)
    assert org is not None, name
    assert org.name == canonical


def test_organisation_record() -> None:
    org = lookup_organization("Group of Seven")
    assert org is not None
    assert (org.name, org.full_name) == ("G7", "Group of Seven")
    assert "G-7" in org.aliases


@pytest.mark.parametrize(
    ("iso3", "name"),
    [
        ("KOR", "South Korea"),
        ("PRK", "North Korea"),
        ("USA", "United States"),
        ("GBR", "United Kingdom"),
        ("RUS", "Russia"),
        ("SUN", "Soviet Union"),
        ("DDR", "East Germany"),
        ("CIV", "Ivory Coast"),
        ("FRA", "France"),
        ("XYZ", "XYZ"),
    ],
)
def test_country_name(iso3: str, name: str) -> None:
    assert country_name(iso3) == name


@pytest.mark.parametrize(
    ("iso3", "capital"),
    [
        ("FRA", "Paris"),
        ("KOR", "Seoul"),
        ("JPN", "Tokyo"),
        ("KAZ", "Astana"),
        ("SUN", "Moscow"),
        ("ATA", None),
    ],
)
def test_capital_of(iso3: str, capital: str | None) -> None:
    assert capital_of(iso3) == capital


@pytest.mark.parametrize(
    ("name", "country", "kind"),
    [
        ("U.S", "USA", "country"),  # the tokenizer splits a sentence-final period off
        ("North Gyeongsang Province", "KOR", "region"),
        ("California", "USA", "region"),
        ("Bundesbank", "DEU", "metonym"),
        ("Yellow Sea", None, "region"),
    ],
)
def test_more_places(name: str, country: str | None, kind: str) -> None:
    place = lookup_place(name)
    assert place is not None, name
    assert (place.country, place.kind) == (country, kind)


def test_plural_demonyms() -> None:
    assert lookup_demonym("Saudis") == "SAU"
    assert lookup_demonym("Serbs") == "SRB"
    assert lookup_demonym("Japaneses") is None


def test_ec_is_the_european_community() -> None:
    org = lookup_organization("EC")
    assert org is not None and org.full_name == "European Economic Community"
