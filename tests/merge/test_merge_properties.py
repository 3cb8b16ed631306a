"""Merging is a pure function of the set of mentions (hypothesis)."""

from __future__ import annotations

from collections import Counter

from fixtures.series.records import documents_strategy
from hypothesis import given, settings
from hypothesis import strategies as st

from summitry.merge import actor_key, mentions_of, merge_mentions
from summitry.merge.actors import block_key
from summitry.merge.records import Mention
from summitry.model import Document


def all_mentions(documents: list[Document]) -> list[Mention]:
    return [m for d in documents for m in mentions_of(d)]


@settings(max_examples=200, deadline=None)
@given(documents_strategy(), st.randoms(use_true_random=False))
def test_any_order_gives_the_same_calendar(documents: list[Document], random) -> None:
    mentions = all_mentions(documents)
    shuffled = list(mentions)
    random.shuffle(shuffled)
    assert merge_mentions(shuffled) == merge_mentions(mentions)


@settings(max_examples=200, deadline=None)
@given(documents_strategy())
def test_merging_is_idempotent(documents: list[Document]) -> None:
    calendar = merge_mentions(all_mentions(documents))
    again = merge_mentions(m for e in calendar for m in e.mentions)
    assert again == calendar
    doubled = merge_mentions(all_mentions(documents) + all_mentions(documents))
    assert doubled == calendar


@settings(max_examples=200, deadline=None)
@given(documents_strategy())
def test_every_mention_in_exactly_one_event_and_one_per_document(documents: list[Document]) -> None:
    mentions = all_mentions(documents)
    calendar = merge_mentions(mentions)
    keys = Counter(m.key for e in calendar for m in e.mentions)
    assert keys == Counter(m.key for m in mentions)
    for merged in calendar:
        docs = [m.document_id for m in merged.mentions]
        assert len(docs) == len(set(docs))
        assert len({m.event.mode for m in merged.mentions}) == 1
    assert len({e.id for e in calendar}) == len(calendar)


@settings(max_examples=200, deadline=None)
@given(documents_strategy(), st.data())
def test_a_closed_part_merges_as_in_the_whole(documents: list[Document], data) -> None:
    """What the store relies on: re-merging the mentions that share a mode and a
    block key with a seed, transitively, gives the events the whole would give."""
    mentions = all_mentions(documents)
    if not mentions:
        return
    seed = data.draw(st.sampled_from(mentions))
    part = {seed.key: seed}
    grew = True
    while grew:
        grew = False
        reach = {
            (m.event.mode, block_key(actor_key(a)))
            for m in part.values()
            for a in m.event.participants
        }
        for m in mentions:
            if m.key not in part and any(
                (m.event.mode, block_key(actor_key(a))) in reach for a in m.event.participants
            ):
                part[m.key] = m
                grew = True
    whole = merge_mentions(mentions)
    touched = [e for e in whole if any(m.key in part for m in e.mentions)]
    assert merge_mentions(part.values()) == touched
