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
        ("The department's headquarters hired callers and visitors.", False),  # not forms
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


def test_every_form_the_spacy_lemmatiser_maps_to_a_trigger_lemma_passes() -> None:
    """The safety argument of the filter, checked against the model's own tables: any
    form that spaCy's rule lemmatiser turns into a trigger lemma (by a suffix rule or an
    exception) is matched, so no token the extractor would take as a trigger is skipped."""
    from summitry.nlp.loading import load_model

    lookups = load_model().get_pipe("lemmatizer").lookups
    rules, exceptions = lookups.get_table("lemma_rules"), lookups.get_table("lemma_exc")
    checked = 0
    for entry in triggers().values():
        pos = entry.pos.lower()
        for old, new in rules.get(pos) or []:
            if entry.lemma.endswith(new):
                form = entry.lemma[: len(entry.lemma) - len(new)] + old
                assert might_hold_engagement(f"They {form} it."), (entry.lemma, form)
                checked += 1
        for form, lemmas in (exceptions.get(pos) or {}).items():
            if entry.lemma in lemmas:
                assert might_hold_engagement(f"They {form} it."), (entry.lemma, form)
                checked += 1
    assert checked > 100


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
