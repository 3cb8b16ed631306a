"""The array attribute ruler (summitry.nlp.array_ruler): spaCy's tags, parts of speech,
morphology and lemmas, set without a Matcher run and a Span per token."""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.tokens import Doc

from summitry.nlp.array_ruler import ArrayAttributeRuler, use_array_attribute_ruler
from summitry.nlp.loading import DEFAULT_MODEL
from summitry.pipeline import analysis_pipeline

SENTENCES = [
    "Ministers met in Paris and were flying to Rome on Monday.",
    "The talks gonna start, ai n't they? Let's go. Y'all got ta see it, c'mon.",  # sequences
    "I met him and he met me; it was you who called it. Nothin' came of it.",  # I/you/it by role
    "There is a summit and there were talks, but he did what he had to do.",  # expl, do/have
    "Which talks? Those that he held. That is all. But, he said, it is over.",  # DT as PRON, but
    "   \n  Officials   said\n\nthe summits were held.",  # blanked text: spaces and breaks
    "",
]


@pytest.fixture(scope="module")
def fast() -> Any:
    nlp = importlib.import_module(DEFAULT_MODEL).load()
    use_array_attribute_ruler(nlp)
    return nlp


def test_the_analysis_pipeline_uses_the_array_ruler() -> None:
    assert isinstance(analysis_pipeline().get_pipe("attribute_ruler"), ArrayAttributeRuler)


def test_the_array_ruler_keeps_every_pattern_of_the_model(shipped: Any, fast: Any) -> None:
    theirs = shipped.get_pipe("attribute_ruler").patterns
    assert fast.get_pipe("attribute_ruler").patterns == theirs and len(theirs) > 100


@pytest.mark.parametrize("text", SENTENCES)
def test_the_array_ruler_sets_what_spacy_s_ruler_sets(text: str, shipped: Any, fast: Any) -> None:
    with shipped.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        doc = shipped(text)
    theirs = Doc(shipped.vocab).from_bytes(doc.to_bytes())
    ours = Doc(fast.vocab).from_bytes(doc.to_bytes())
    shipped.get_pipe("attribute_ruler")(theirs)
    fast.get_pipe("attribute_ruler")(ours)
    columns = [TAG, POS, MORPH, LEMMA, DEP]
    assert ours.to_array(columns).tolist() == theirs.to_array(columns).tolist()
    assert [str(t.morph) for t in ours] == [str(t.morph) for t in theirs]


@pytest.mark.parametrize("factory", ["attribute_ruler", "summitry_array_attribute_ruler"])
def test_a_later_pattern_wins_and_sequences_set_their_indexed_token(factory: str) -> None:
    """The same outcome from spaCy's ruler and ours, for patterns of each kind."""
    nlp = _blank()
    ruler = nlp.add_pipe(factory)
    ruler.add([[{"LOWER": "talks"}]], {"LEMMA": "first"})
    ruler.add([[{"LOWER": "talks"}]], {"LEMMA": "second"})
    ruler.add([[{"LOWER": "peace"}, {"LOWER": "talks"}]], {"LEMMA": "sequence"}, index=-1)
    ruler.add([[{"LOWER": "peace", "OP": "+"}]], {"LEMMA": "matcher"})  # not indexable
    doc = nlp("talks , peace talks")
    assert [t.lemma_ for t in doc] == ["second", "", "matcher", "sequence"]


def _blank() -> Any:
    import spacy

    import summitry.nlp.array_ruler  # noqa: F401  (registers the factory)

    return spacy.blank("en")


def test_a_pattern_that_sets_what_the_arrays_do_not_hold_is_set_by_spacy() -> None:
    nlp = _blank()
    ruler = nlp.add_pipe("summitry_array_attribute_ruler")
    ruler.add([[{"LOWER": "talks"}]], {"LEMMA": "talk"})
    assert [t.lemma_ for t in nlp("peace talks")] == ["", "talk"]
    ruler.add([[{"LOWER": "peace"}]], {"NORM": "calm"})  # added after a first call
    assert [(t.norm_, t.lemma_) for t in nlp("peace talks")] == [("calm", ""), ("talks", "talk")]
