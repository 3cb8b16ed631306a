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
    "visit": ["visits", "visited", "visiting"],
    "arrive": ["arrived", "arriving"],
    "meet": ["meets", "met", "meeting"],
    "fly": ["flies", "flew", "flown"],
    "leave": ["leaves", "left", "leaving"],
    "speak": ["speaks", "spoke", "spoken"],
    "host": ["hosted"],
    "receive": ["received"],
    "telephone": ["telephoned"],
    "travel": ["travelled", "traveled"],
    "call": ["called"],
    "phone": ["phoned"],
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
        "LIMA - Rain fell. ",
        "Markets rose. ",
        "Oil slipped. ",
        "Ports shut. ",
        "Minister Aiko Tanaka landed. ",
        "She met the president. ",
        "Prices fell.",
    ]
    text = "".join(sentences)
    kept = [text[s:e] for s, e in kept_spans(text, context=1, lede=1)]
    assert kept == [sentences[0], sentences[4] + sentences[5]]


def test_blank_outside_keeps_offsets_and_line_breaks() -> None:
    text = "Alpha beta.\nGamma delta. Epsilon."
    blanked = blank_outside(text, [(12, 25)])
    assert len(blanked) == len(text)
    assert blanked == " " * 11 + "\nGamma delta. " + " " * 8


# (sentence the extractor takes as an engagement, the same without the word its trigger needs)
NEEDED_WORDS = [
    (
        "Foreign Minister Ama Owusu left for Accra on Friday.",
        "Foreign Minister Ama Owusu left on Friday.",
    ),
    ("President Lula will travel to Beijing next week.", "President Lula will travel next week."),
    (
        "Chancellor Olaf Scholz flew to Washington on Thursday.",
        "Chancellor Olaf Scholz flew on Thursday.",
    ),
    (
        "Prime Minister Kishida heads to Seoul on Monday.",
        "Prime Minister Kishida heads the party on Monday.",
    ),
    (
        "President Macron spoke by phone with President Zelensky on Monday.",
        "President Macron spoke with President Zelensky on Monday.",
    ),
    (
        "Prime Minister Modi had a telephone conversation with President Putin.",
        "Prime Minister Modi had a long conversation with President Putin.",
    ),
    (
        "Secretary Blinken's stop in Hanoi lasted two hours.",
        "Secretary Blinken's stop lasted two hours.",
    ),
    ("Secretary Albright spent five hours in Tanzania.", "Tourists spent more money in Tanzania."),
]


@pytest.mark.parametrize(("with_word", "without_word"), NEEDED_WORDS)
def test_a_trigger_that_lacks_the_word_it_needs_makes_no_trigger_sentence(
    with_word: str, without_word: str
) -> None:
    """SENTENCE_NEEDS in step with summitry.events.triggers."""
    _assert_the_filter_keeps_what_the_parser_finds(with_word, without_word)


def _assert_the_filter_keeps_what_the_parser_finds(engagement: str, none: str) -> None:
    """The parser finds a trigger in `engagement` and none in `none`, and the filter
    keeps the first text only."""
    from summitry.events.triggers import find_triggers
    from summitry.pipeline import analysis_pipeline

    nlp = analysis_pipeline()
    assert find_triggers(nlp(engagement))
    assert not find_triggers(nlp(none))
    lede = "Rain fell. Markets rose. Oil slipped. "
    assert kept_spans(lede + engagement) != []
    assert kept_spans(lede + none) == []


def test_a_form_of_two_lemmas_needs_the_word_of_neither_when_one_needs_none() -> None:
    # "meeting": the noun needs nothing, whatever "meet" would need
    assert kept_spans("Rain fell. The meeting ended.") != []


# (a sentence the extractor takes as an engagement, a like one whose trigger form is none)
RULED_OUT = [
    (
        "The foreign ministers held a conference in Oslo.",
        "The foreign minister held a press conference in Oslo.",
    ),
    ("The ministers' meeting in Hanoi ended.", "The cabinet meeting in Hanoi ended."),
    (
        "Prime Minister Kishida heads to Seoul on Monday.",
        "The head of the delegation went to Seoul on Monday.",
    ),
    (
        "Ms. Lee will head to Seoul, she told reporters.",
        "Ms. Lee, head of the agency, spoke to reporters.",
    ),
    ("The mayor hosted the Japanese premier.", "The dinner was hosted by the mayor."),
    ("President Ruto received the Chinese envoy.", "A letter was received by the embassy."),
    ("President Biden called Chancellor Scholz.", "President Biden called for calm."),
    ("President Biden called Chancellor Scholz.", "The so-called peace plan was published."),
    ("Mr. Abbas made a phone call to Mr. Olmert.", "The call fell on deaf ears."),
    ("President Biden called Chancellor Scholz.", "The river is called Amur in Russia."),
    (
        "Secretary Blinken's stop in Hanoi lasted two hours.",
        "Israel vowed to stop attacks in Gaza.",
    ),
]


@pytest.mark.parametrize(("engagement", "none"), RULED_OUT)
def test_a_form_the_words_beside_it_rule_out_makes_no_trigger_sentence(
    engagement: str, none: str
) -> None:
    """`_ruled_out` in step with summitry.events.triggers."""
    _assert_the_filter_keeps_what_the_parser_finds(engagement, none)


def test_a_later_lede_sentence_is_kept_when_it_names_what_a_trigger_sentence_names() -> None:
    sentences = [
        "TOKYO - Markets fell on Monday. ",
        "Prime Minister Ryutaro Hashimoto spoke of reform. ",
        "Oil prices rose. ",
        "Rain fell. ",
        "Hashimoto will visit Washington next week.",
    ]
    text = "".join(sentences)
    kept = [text[s:e] for s, e in kept_spans(text, context=1, lede=3)]
    assert kept == ["".join(sentences[:2]), sentences[4]]


def test_a_later_lede_sentence_is_kept_when_the_next_kept_one_goes_on_with_a_pronoun() -> None:
    sentences = [
        "ACCRA - Markets fell on Monday. ",
        "Ama Owusu was born in Kumasi. ",
        "She studied law. ",
        "Her first trip abroad took her to Paris.",
    ]
    text = "".join(sentences)
    assert kept_spans(text, context=1, lede=3) == [(0, len(text))]
    unrelated = text.replace("She studied", "Law was studied")
    assert [unrelated[s:e] for s, e in kept_spans(unrelated, context=1, lede=3)] == [
        sentences[0],
        unrelated[len(sentences[0]) + len(sentences[1]) :],
    ]


def test_the_filter_anchors_time_expressions_on_the_whole_text_before_them() -> None:
    """Only the parse is filtered: "the following day" follows the last date written before
    it, here in a sentence the filter blanks, as it does without the filter."""
    from summitry.ingest import read_text
    from summitry.pipeline import extract_many

    text = (
        "TOKYO - Markets were calm on Monday. Rain fell in the north. The old treaty was "
        "signed on March 3, 1985. Prices were stable. Prime Minister Nakasone visited "
        "Washington the following day. Oil rose."
    )
    article = read_text(text, "treaty", dct="1987-04-13")
    times = {
        prefilter: [e.time.value for e in next(extract_many([article], prefilter=prefilter)).events]
        for prefilter in (False, True)
    }
    assert times[True] == times[False] == ["1985-03-04"]


@pytest.mark.parametrize(
    ("before", "trigger", "kept"),
    [
        ("Oil prices rose. ", "Prime Minister Aiko Tanaka met President Lula in Brasilia.", False),
        ("Aiko Tanaka took office in May. ", "She met President Lula in Brasilia.", True),
        ("Tanaka and Lula signed a deal. ", "The two leaders met in Brasilia.", True),
        ("Prime Minister Aiko Tanaka spoke. ", "Tanaka met President Lula in Brasilia.", True),
        ("-- March 1997\n\n", "Prime Minister Aiko Tanaka met President Lula in Brasilia.", True),
    ],
)
def test_the_sentence_before_a_trigger_sentence_is_kept_when_it_needs_it(
    before: str, trigger: str, kept: bool
) -> None:
    """For a pronoun, a description, a name it shares or a date it may take; else the parser
    need not read it."""
    text = "BRASILIA - Markets were calm on Monday. Rain fell. " + before + trigger
    start = text.index(before)
    assert any(s <= start < e for s, e in kept_spans(text, context=1, lede=1)) is kept


def test_evidence_is_the_kept_sentence_not_the_blanked_text_around_it() -> None:
    """The parser may read a blanked sentence as trailing space of the kept one before it;
    the evidence still quotes only what was kept."""
    from summitry.ingest import read_text
    from summitry.pipeline import extract_many

    text = (
        "ACCRA - Ghanaian President John Mahama met Kenyan President William Ruto in Accra on "
        "Thursday, officials said\n\n"
        "rains were heavy across the region and farmers expect a good harvest\n\n"
        "(END)"
    )
    article = read_text(text, "accra", dct="2025-03-07")
    evidence = {
        prefilter: [
            [span.text for span in event.evidence]
            for event in next(extract_many([article], prefilter=prefilter)).events
        ]
        for prefilter in (False, True)
    }
    assert evidence[True]
    for spans in evidence[True]:
        assert all("harvest" not in span and "(END)" not in span for span in spans)
