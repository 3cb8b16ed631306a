"""The event language data loads and is consistent (summitry/data/events/)."""

from __future__ import annotations

from summitry.events import lexicon
from summitry.model import EventStatus, Mode


def test_triggers_cover_every_mode_with_known_parts_of_speech() -> None:
    entries = lexicon.triggers().values()
    assert {e.mode for e in entries} == set(Mode)
    assert {e.pos for e in entries} <= {"VERB", "NOUN"}
    assert all(e.lemma == e.lemma.lower() and e.lemma.strip() == e.lemma for e in entries)


def test_status_cues_name_real_statuses_and_cover_the_annotation_table() -> None:
    cues = lexicon.status_cues()
    assert set(cues.values()) <= set(EventStatus)
    # one cue of every hedged or cancelled status of shared/eval/ANNOTATION.md
    for cue, status in [
        ("expect", EventStatus.EXPECTED),
        ("may", EventStatus.POSSIBLE),
        ("will", EventStatus.PLANNED),
        ("cancel", EventStatus.CANCELLED),
        ("postpone", EventStatus.POSTPONED),
        ("deny", EventStatus.DENIED),
    ]:
        assert cues[cue] is status


def test_word_lists_are_lower_case_and_not_empty() -> None:
    for words in (lexicon.region_adjectives(), lexicon.media_outlets()):
        assert words
        assert all(w == w.lower() and w.strip() == w for w in words)


def test_reporting_verbs_have_a_known_role_and_one_list_serves_every_stage() -> None:
    from summitry.events import attribution, participants, status, timing

    rows = lexicon._rows("reporting_verbs.tsv")
    assert {row[1] for row in rows} == {"report", "confirm"}
    every, neutral = lexicon.reporting_verbs(), lexicon.status_neutral_reporting_verbs()
    assert {"say", "tell", "confirm"} <= every and neutral < every
    assert "confirm" not in neutral  # "confirmed the visit" tells its status
    assert attribution.REPORTING is every and participants.REPORTING is every
    assert timing.REPORTING is every and status.REPORTING is neutral
