"""The spaCy components on invented sentences, with the real model and by hand."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from summitry.nlp.components import SPAN_GROUPS, add_components
from summitry.nlp.entity_repair import repair_entities


@pytest.fixture(scope="module")
def nlp():
    from summitry.errors import ModelError
    from summitry.nlp.loading import load_model

    try:
        model = load_model()
    except ModelError as exc:  # pragma: no cover - the model is a dependency
        pytest.skip(str(exc))
    return add_components(model)


@pytest.fixture(scope="module")
def blank():
    """A tokenizer-only pipeline: the components must work without a parser or NER."""
    return add_components(spacy.blank("en"))


def groups(doc: Doc, name: str) -> list[tuple[str, str, str]]:
    return [(s.text, s.label_, s.kb_id_) for s in doc.spans[name]]


def ents(doc: Doc) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in doc.ents]


def test_components_follow_ner_and_keep_tokens(nlp) -> None:
    names = nlp.pipe_names
    assert names.index("summitry_gazetteer") == names.index("ner") + 1
    assert names.index("summitry_entity_repair") == names.index("summitry_gazetteer") + 1
    text = "The U.S.-led talks in Sharm el-Sheikh ended."
    assert [t.text for t in nlp(text)] == [t.text for t in nlp.make_doc(text)]


def test_add_components_is_idempotent(nlp) -> None:
    before = list(nlp.pipe_names)
    add_components(nlp)
    assert nlp.pipe_names == before


def test_span_groups_on_an_invented_visit(nlp) -> None:
    doc = nlp(
        "Japanese Prime Minister Kenji Morita will visit Seoul next week and meet "
        "South Korean President Han Doyun, the Foreign Ministry said, before a G-7 "
        "meeting in the Philippines."
    )
    assert set(SPAN_GROUPS) <= set(doc.spans)
    assert ("Seoul", "capital", "KOR") in groups(doc, "places")
    assert ("Philippines", "country", "PHL") in groups(doc, "places")
    assert ("G-7", "organization", "G7") in groups(doc, "organizations")
    assert ("Japanese", "country", "JPN") in groups(doc, "demonyms")
    assert ("Japanese Prime Minister", "Prime Minister", "JPN") in groups(doc, "titles")
    assert ("South Korean President", "President", "KOR") in groups(doc, "titles")
    seoul = next(s for s in doc.spans["places"] if s.text == "Seoul")
    assert seoul._.iso3 == "KOR" and seoul._.place.metonym
    g7 = doc.spans["organizations"][0]
    assert g7._.organization == "G7" and g7._.iso3 is None
    president = next(s for s in doc.spans["titles"] if s.label_ == "President")
    assert president._.title_rank == 1
    assert president._.title_holder is not None and president._.title_holder.text == "Han Doyun"


def test_metonyms_and_vanished_states(nlp) -> None:
    doc = nlp(
        "The Kremlin said Soviet leader Ivan Petrov met West German Chancellor Hans Keller, "
        "while Pyongyang and the White House stayed silent."
    )
    places = groups(doc, "places")
    assert ("Kremlin", "metonym", "RUS") in places
    assert ("Pyongyang", "capital", "PRK") in places
    assert ("White House", "metonym", "USA") in places
    assert ("Soviet", "country", "SUN") in groups(doc, "demonyms")
    assert ("West German Chancellor", "Chancellor", "DEU") in groups(doc, "titles")


def test_longest_match_wins_across_groups(blank) -> None:
    doc = blank("Peace on the Korean Peninsula was discussed with Korean officials.")
    assert ("Korean Peninsula", "region", "") in groups(doc, "places")
    assert groups(doc, "demonyms") == [("Korean", "country", "KOR")]


@pytest.mark.parametrize(
    "text",
    [
        "Let us talk about china and turkey dinners.",  # lower case: common nouns
        "He will chair the meeting; male delegates came.",
    ],
)
def test_no_gazetteer_spans_on_common_words(blank, text: str) -> None:
    doc = blank(text)
    assert groups(doc, "places") == [] and groups(doc, "organizations") == []


def test_acronyms_must_be_capitals(blank) -> None:
    doc = blank("The US envoy told us the UN and the EU agreed.")
    assert [s.text for s in doc.spans["places"]] == ["US"]
    assert [s.kb_id_ for s in doc.spans["organizations"]] == ["UN", "EU"]


def test_ambiguous_names_need_the_ner(blank) -> None:
    # Without an NER there is no evidence that "Jordan" is the country.
    assert groups(blank("Jordan said so."), "places") == []


# -- entity repairs, on docs built by hand (the model's slips vary) ----------


def make_doc(blank, words: list[str], ents: list[tuple[int, int, str]], pos: str = "PROPN") -> Doc:
    doc = Doc(blank.vocab, words=words)
    for token in doc:
        token.pos_ = pos if token.text[:1].isupper() else "NOUN"
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    blank.get_pipe("summitry_gazetteer")(doc)
    return doc


def test_surname_tagged_as_place_becomes_person(blank) -> None:
    words = "Tom Reedman met officials . Reedman left".split()
    doc = make_doc(blank, words, [(0, 2, "PERSON"), (5, 6, "GPE")])
    repair_entities(doc)
    assert ents(doc) == [("Tom Reedman", "PERSON"), ("Reedman", "PERSON")]


def test_untagged_surname_becomes_person(blank) -> None:
    words = "Cho Min-ho arrived and then Cho spoke".split()
    doc = make_doc(blank, words, [(0, 2, "PERSON")])
    repair_entities(doc)
    assert ("Cho", "PERSON") in ents(doc)


def test_title_words_tagged_org_are_dropped(blank) -> None:
    words = "Secretary of State Tom Reedman arrived".split()
    doc = make_doc(blank, words, [(2, 3, "ORG"), (3, 5, "PERSON")])
    repair_entities(doc)
    assert ents(doc) == [("Tom Reedman", "PERSON")]


def test_title_swallowed_into_person_is_trimmed(blank) -> None:
    words = "Japanese Foreign Minister Aiko Tanaka spoke".split()
    doc = make_doc(blank, words, [(0, 5, "PERSON")])
    repair_entities(doc)
    assert ents(doc) == [("Japanese", "NORP"), ("Aiko Tanaka", "PERSON")]


def test_name_after_title_tagged_org_becomes_person(blank) -> None:
    words = "Foreign Minister Velkor said".split()
    doc = make_doc(blank, words, [(2, 3, "ORG")])
    repair_entities(doc)
    assert ents(doc) == [("Velkor", "PERSON")]


def test_untagged_name_after_title_becomes_person(blank) -> None:
    words = "talks with Prime Minister Ola Berg on Monday".split()
    doc = make_doc(blank, words, [])
    repair_entities(doc)
    assert ents(doc) == [("Ola Berg", "PERSON")]


def test_country_adjective_tagged_person_becomes_norp(blank) -> None:
    words = "Japanese officials met Chinese envoys".split()
    doc = make_doc(blank, words, [(0, 1, "PERSON"), (3, 4, "PERSON")])
    repair_entities(doc)
    assert ents(doc) == [("Japanese", "NORP"), ("Chinese", "NORP")]


def test_country_tagged_org_becomes_gpe_but_metonyms_stay(blank) -> None:
    words = "Maldives and the Kremlin agreed".split()
    doc = make_doc(blank, words, [(0, 1, "ORG"), (3, 4, "ORG")])
    repair_entities(doc)
    assert ents(doc) == [("Maldives", "GPE"), ("Kremlin", "ORG")]


def test_hyphenated_given_name_is_completed(blank) -> None:
    doc = blank.make_doc("Park Min-soo spoke")
    doc.ents = [Span(doc, 0, 2, label="PERSON")]
    blank.get_pipe("summitry_gazetteer")(doc)
    repair_entities(doc)
    assert ents(doc) == [("Park Min-soo", "PERSON")]


def test_place_inside_a_person_name_is_no_place(blank) -> None:
    words = "Jakarta Smith met Geneva officials".split()
    doc = make_doc(blank, words, [(0, 2, "PERSON"), (3, 4, "GPE")])
    assert ("Jakarta", "capital", "IDN") in groups(doc, "places")
    repair_entities(doc)
    assert groups(doc, "places") == [("Geneva", "city", "CHE")]


def test_phrases_across_line_breaks(blank) -> None:
    doc = blank("Talks with the United\nStates Secretary of\nState were held in New\nYork.")
    assert [(s.text, s.kb_id_) for s in doc.spans["places"]] == [
        ("United\nStates", "USA"),
        ("New\nYork", "USA"),
    ]
    assert groups(doc, "titles") == [
        ("United\nStates Secretary of\nState", "Secretary of State", "USA")
    ]
    assert [t.text for t in doc] == [t.text for t in blank.make_doc(doc.text)]


def test_body_names_with_title_words_stay_whole(blank) -> None:
    words = "the EU Council of Ministers met".split()
    doc = make_doc(blank, words, [(1, 5, "ORG")])
    repair_entities(doc)
    assert ents(doc) == [("EU Council of Ministers", "ORG")]


def test_royal_style_stays_in_the_name(blank) -> None:
    words = "King Haral of Nordland met Queen Ilse".split()
    doc = make_doc(blank, words, [(0, 2, "PERSON"), (5, 6, "PERSON")])
    repair_entities(doc)
    assert ents(doc) == [("King Haral", "PERSON"), ("Queen Ilse", "PERSON")]


def test_metonym_tagged_person_becomes_org(blank) -> None:
    words = "Cheong Wa Dae said so".split()
    doc = make_doc(blank, words, [(0, 3, "PERSON")])
    repair_entities(doc)
    assert ents(doc) == [("Cheong Wa Dae", "ORG")]


def test_compound_tokens_of_places(blank) -> None:
    doc = blank("The U.S.-China talks, U.N.-Iraq deal and U.S./Japan ties; Kim-Lee-summit.")
    assert groups(doc, "compounds") == [
        ("U.S.-China", "compound", "USA CHN"),
        ("U.N.-Iraq", "compound", "UN IRQ"),
        ("U.S./Japan", "compound", "USA JPN"),
    ]
