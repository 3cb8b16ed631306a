"""The array lemmatiser (summitry.nlp.loading.ArrayLemmatizer): spaCy's lemmas, faster.

Here and not in tests/nlp/ because it is a throughput measure of the batch work.
"""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from spacy.tokens import Doc

from summitry.nlp.loading import DEFAULT_MODEL, use_array_lemmatizer
from summitry.pipeline import analysis_pipeline

SENTENCES = [
    "Ministers met in Paris and were flying to Rome on Monday.",
    "The talks gonna start, ai n't they? He left for Accra.",  # lemmas the attribute ruler sets
    "U.S. Secretary of State Madeleine Albright's visits: Kenya, Tanzania.",
    "Prime Minister Modi had a telephone conversation with President Putin.",
    "   \n  Officials   said\n\nthe summits were held.",  # blanked text, spaces and breaks
    "",
]


@pytest.fixture(scope="module")
def fast() -> Any:
    """The model with the array lemmatiser instead."""
    nlp = importlib.import_module(DEFAULT_MODEL).load()
    use_array_lemmatizer(nlp)
    return nlp


def test_the_analysis_pipeline_uses_the_array_lemmatizer() -> None:
    assert type(analysis_pipeline().get_pipe("lemmatizer")).__name__ == "ArrayLemmatizer"


@pytest.mark.parametrize("text", SENTENCES)
def test_the_array_lemmatizer_gives_spacy_s_lemmas(text: str, shipped: Any, fast: Any) -> None:
    with shipped.select_pipes(disable=["lemmatizer", "ner"]):
        doc = shipped(text)
    ours, theirs = Doc(shipped.vocab).from_bytes(doc.to_bytes()), doc
    fast.get_pipe("lemmatizer")(ours)
    shipped.get_pipe("lemmatizer")(theirs)
    assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs]


def test_the_array_lemmatizer_looks_forms_up_in_sets(fast: Any) -> None:
    """spaCy's index is lists, and `form in index` scanned 57,528 nouns per new word."""
    index = fast.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert index and all(isinstance(words, frozenset) for words in index.values())
