"""The keyword pre-filter (summitry.events.prefilter): no trigger form slips through."""

from __future__ import annotations

import pytest

from summitry.events.lexicon import triggers
from summitry.events.prefilter import (
    blank_outside,
    kept_spans,
    might_hold_engagement,
    sentence_spans,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The foreign minister visited Hanoi on Monday.", True),
        ("Ms. Varga met her counterpart.", True),
        ("The two leaders held TALKS in Oslo.", True),
        ("She flew to Lima.", True),
        ("He left for Accra on Friday.", True),
        ("The premier spoke by phone with the chancellor.", True),
        ("The pair held a tete-a-tete.", True),
        ("Heavy rain fell on the port city; shares rose two percent.", False),
        ("The metal price climbed.", False),  # "met" is a whole word only
        ("", False),
    ],
)
def test_might_hold_engagement(text: str, expected: bool) -> None:
    assert might_hold_engagement(text) is expected


INFLECTIONS = {
    "visit": ["visits", "visited", "visiting"], "arrive": ["arrived", "arriving"],
    "meet": ["meets", "met", "meeting"], "fly": ["flies", "flew", "flown"],
    "leave": ["leaves", "left", "leaving"], "speak": ["speaks", "spoke", "spoken"],
    "host": ["hosted"], "receive": ["received"], "telephone": ["telephoned"],
    "travel": ["travelled", "traveled"], "call": ["called"], "phone": ["phoned"],
}


@pytest.mark.parametrize("lemma", sorted({entry.lemma for entry in triggers().values()}))
def test_every_trigger_lemma_and_its_forms_pass(lemma: str) -> None:
    for form in [lemma, lemma.upper(), lemma.capitalize(), *INFLECTIONS.get(lemma, [])]:
        assert might_hold_engagement(f"Officials said they {form} it."), form


def test_wrapped_lines_and_abbreviations_do_not_end_a_sentence() -> None:
    text = "Officials of the U.S. Treasury\nsaid on Monday that rates rose. Then it rained."
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Officials of the U.S. Treasury\nsaid on Monday that rates rose. ",
        "Then it rained.",
    ]


def test_kept_spans_keep_lede_trigger_sentences_and_their_context() -> None:
    sentences = [
        "LIMA - Rain fell. ", "Markets rose. ", "Oil slipped. ", "Ports shut. ",
        "Minister Aiko Tanaka landed. ", "She met the president. ", "Prices fell.",
    ]
    text = "".join(sentences)
    kept = [text[s:e] for s, e in kept_spans(text, context=1, lede=1)]
    assert kept == [sentences[0], sentences[4] + sentences[5]]


def test_blank_outside_keeps_offsets_and_line_breaks() -> None:
    text = "Alpha beta.\nGamma delta. Epsilon."
    blanked = blank_outside(text, [(12, 25)])
    assert len(blanked) == len(text)
    assert blanked == " " * 11 + "\nGamma delta. " + " " * 8
