"""Titles with their country or organisation, on invented sentences (no model needed)."""

from __future__ import annotations

import pytest

from summitry.nlp.titles import HEAD, MINISTER, OFFICIAL, lookup_title, match_titles, title_rank


@pytest.mark.parametrize(
    ("text", "phrase", "title", "country", "organization", "rank"),
    [
        ("President Ana Ruiz arrived.", "President", "President", None, None, HEAD),
        (
            "Japanese Foreign Minister Aiko Tanaka said.",
            "Japanese Foreign Minister",
            "Foreign Minister",
            "JPN",
            None,
            MINISTER,
        ),
        (
            "U.S. Secretary of State Tom Reed left.",
            "U.S. Secretary of State",
            "Secretary of State",
            "USA",
            None,
            MINISTER,
        ),
        (
            "China's top diplomat arrived.",
            "China's top diplomat",
            "Foreign Minister",
            "CHN",
            None,
            MINISTER,
        ),
        (
            "the Minister of Foreign Affairs spoke",
            "Minister of Foreign Affairs",
            "Foreign Minister",
            None,
            None,
            MINISTER,
        ),
        ("the President of France spoke", "President of France", "President", "FRA", None, HEAD),
        (
            "U.N. Secretary-General Ola Berg",
            "U.N. Secretary-General",
            "Secretary-General",
            None,
            "UN",
            MINISTER,
        ),
        (
            "the Secretary-General of the United Nations",
            "Secretary-General of the United Nations",
            "Secretary-General",
            None,
            "UN",
            MINISTER,
        ),
        (
            "the EU's foreign policy chief",
            "EU's foreign policy chief",
            "High Representative",
            None,
            "EU",
            MINISTER,
        ),
        ("Soviet leader Ivan Petrov", "Soviet leader", "Leader", "SUN", None, HEAD),
        (
            "West German Chancellor Hans Keller",
            "West German Chancellor",
            "Chancellor",
            "DEU",
            None,
            HEAD,
        ),
        (
            "South Korea's chief nuclear envoy",
            "South Korea's chief nuclear envoy",
            "Nuclear Envoy",
            "KOR",
            None,
            OFFICIAL,
        ),
        ("Saudi Crown Prince Faisal", "Saudi Crown Prince", "Crown Prince", "SAU", None, HEAD),
        (
            "the central bank governor met",
            "central bank governor",
            "Central Bank Governor",
            None,
            None,
            OFFICIAL,
        ),
        (
            "National Security Adviser Jo Lim",
            "National Security Adviser",
            "National Security Adviser",
            None,
            None,
            OFFICIAL,
        ),
        ("Vice Premier Li Wen", "Vice Premier", "Vice Premier", None, None, MINISTER),
        ("the Qatari Emir", "Qatari Emir", "Emir", "QAT", None, HEAD),
    ],
)
def test_match_titles(
    text: str, phrase: str, title: str, country: str | None, organization: str | None, rank: int
) -> None:
    matches = match_titles(text)
    assert len(matches) == 1, matches
    match = matches[0]
    assert (match.title, match.country, match.organization, match.rank) == (
        title,
        country,
        organization,
        rank,
    )


def test_match_covers_prefix_and_title_words() -> None:
    from summitry.nlp.titles import _blank_pipeline

    doc = _blank_pipeline().make_doc("Japanese Foreign Minister Aiko Tanaka")
    (match,) = match_titles(doc)
    assert doc[match.start : match.end].text == "Japanese Foreign Minister"
    assert doc[match.title_start : match.title_end].text == "Foreign Minister"


@pytest.mark.parametrize(
    "text",
    [
        "a general election",  # "General" is a title only when capitalised
        "the secretary of the club",
        "he will chair the meeting",
    ],
)
def test_no_title(text: str) -> None:
    assert match_titles(text) == []


def test_former() -> None:
    (match,) = match_titles("former U.S. President Sam Cole")
    assert match.former and match.country == "USA"


def test_lookup_title_and_rank() -> None:
    entry = lookup_title("foreign minister")
    assert entry is not None and entry.canonical == "Foreign Minister" and entry.political
    assert lookup_title("Chairman").political is False  # type: ignore[union-attr]
    assert title_rank("Prime Minister") == HEAD
    assert title_rank("Ambassador") == OFFICIAL
    assert title_rank("Plumber") is None


@pytest.mark.parametrize(
    ("text", "title", "country", "organization"),
    [
        ("He met his Chinese counterpart Li Wen.", "Counterpart", "CHN", None),
        ("U.S. officials said so.", "Official", "USA", None),
        ("ASEAN foreign ministers met.", "Foreign Minister", None, "ASEAN"),
        ("a North Korean delegation arrived", "Delegation", "PRK", None),
    ],
)
def test_counterparts_and_plural_titles(
    text: str, title: str, country: str | None, organization: str | None
) -> None:
    (match,) = match_titles(text)
    assert (match.title, match.country, match.organization) == (title, country, organization)


def test_no_prefix_inside_a_longer_name() -> None:
    (match,) = match_titles("the University of Tokyo President spoke")
    assert match.country is None
    # A central bank stands for its country, as a whole prefix.
    (match,) = match_titles("the former Bank of Japan Governor spoke")
    assert match.country == "JPN"


def test_no_adjective_suffix() -> None:
    (match,) = match_titles("the president of the Brazilian Coffee Institute")
    assert match.country is None
