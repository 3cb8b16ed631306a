"""Merging mentions into calendar events.

    mentions -> dedupe by key -> candidate pairs (same mode, a shared `block_key`)
        -> compatible pairs, strongest first -> clusters -> CalendarEvents

Clustering joins compatible pairs strongest first (ties broken by the
mentions' keys), unless the two clusters may not be one engagement
(`_Group.can_join`: one document twice, two reports that it happened on
different days, precise times spread too far).
Since every step sorts by content, the result does not depend on input
order, and a cluster depends only on mentions linked to it: merging a part
of the calendar that contains every mention sharing a mode and an actor with
it gives the same events as merging everything (the store relies on this).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from summitry.merge.actors import block_key, same_actor
from summitry.merge.compatible import MentionFacts, link_strength
from summitry.merge.records import CalendarEvent, Mention
from summitry.merge.resolve import canonical_order, resolve_cluster
from summitry.model import Document, EventStatus, Mode


def mentions_of(document: Document) -> list[Mention]:
    """One `Mention` per event of `document`, in the document's order.

    The reference day is the document's, falling back to its dct.
    """
    return [
        Mention(
            document_id=document.id,
            event_index=index,
            event=event,
            reference_day=document.reference_day or document.dct,
            url=document.url,
            title=document.title,
            publisher=document.publisher,
        )
        for index, event in enumerate(document.events)
    ]


def _dedupe(mentions: Iterable[Mention]) -> list[Mention]:
    """One mention per key (the first in canonical content order), sorted canonically."""
    by_key: dict[str, Mention] = {}
    for mention in sorted(mentions, key=lambda m: (m.key, repr(m.to_dict()))):
        by_key.setdefault(mention.key, mention)
    return sorted(by_key.values(), key=canonical_order)


# The widest range of days the precise times (a quarter or less) of one engagement's
# reports may span: a visit moved by up to four months stays one event.
MAX_SPREAD = dt.timedelta(days=122)
_PRECISE_DAYS = 92  # times no wider than a quarter count for the spread
_SETTLED_PRECISE_DAYS = 31  # "it happened in 1987" does not fix a day to conflict with
_TWO_SIDED = frozenset({Mode.VISIT, Mode.MEETING, Mode.PHONE})
_SETTLED = frozenset({EventStatus.OCCURRED, EventStatus.ONGOING})


@dataclass(frozen=True)
class _Group:
    """What the join rules need to know of a growing cluster."""

    documents: frozenset[str]
    settled: tuple[tuple[dt.date, dt.date], ...]  # days of reports that it happened
    precise: tuple[dt.date, dt.date] | None  # hull of the times no wider than a quarter
    persons: frozenset[str]  # person keys of visits, meetings and calls

    @classmethod
    def of(cls, fact: MentionFacts) -> _Group:
        interval, status = fact.interval, fact.mention.event.status
        settled = interval and status in _SETTLED and fact.precision <= _SETTLED_PRECISE_DAYS
        two_sided = fact.mention.event.mode in _TWO_SIDED
        return cls(
            documents=frozenset({fact.mention.document_id}),
            settled=(interval,) if interval and settled else (),
            precise=interval if interval and fact.precision <= _PRECISE_DAYS else None,
            persons=fact.person_keys if two_sided else frozenset(),
        )

    def can_join(self, other: _Group) -> bool:
        """Two clusters may become one engagement unless:

        1. one document would report it twice;
        2. both hold a report that it happened, on days that do not overlap
           (forecasts may be off; two reports of the fact are two events);
        3. their precise times would spread over more than `MAX_SPREAD`;
        4. a visit, meeting or call whose reports name persons on both sides
           shares none of them (no chaining through reports that name only
           countries).
        """
        if self.documents & other.documents:
            return False
        if (
            self.persons
            and other.persons
            and not any(same_actor(p, q) for p in self.persons for q in other.persons)
        ):
            return False
        for mine in self.settled:
            for theirs in other.settled:
                if mine[1] < theirs[0] or theirs[1] < mine[0]:
                    return False
        hull = _hull(self.precise, other.precise)
        return hull is None or hull[1] - hull[0] <= MAX_SPREAD

    def joined(self, other: _Group) -> _Group:
        return _Group(
            self.documents | other.documents,
            self.settled + other.settled,
            _hull(self.precise, other.precise),
            self.persons | other.persons,
        )


def _hull(
    one: tuple[dt.date, dt.date] | None, other: tuple[dt.date, dt.date] | None
) -> tuple[dt.date, dt.date] | None:
    if one is None or other is None:
        return one or other
    return min(one[0], other[0]), max(one[1], other[1])


def merge_mentions(mentions: Iterable[Mention]) -> list[CalendarEvent]:
    """Cluster mentions of the same engagement into calendar events.

    Returns the events sorted by start day (undated last), then id. Pure:
    the same set of mentions in any order gives the same list.
    """
    ordered = _dedupe(mentions)
    facts = [MentionFacts.of(m) for m in ordered]

    buckets: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, fact in enumerate(facts):
        for key in fact.keys:
            buckets[(fact.mention.event.mode.value, block_key(key))].append(index)
    pairs: set[tuple[int, int]] = set()
    for members in buckets.values():
        members = sorted(set(members))
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                pairs.add((a, b))

    edges: list[tuple[tuple[int, int, int], int, int]] = []
    for a, b in pairs:
        strength = link_strength(facts[a], facts[b])
        if strength is not None:
            edges.append((strength, a, b))
    # strongest first; indices follow the canonical order, so ties are content-ordered
    edges.sort(key=lambda edge: (tuple(-s for s in edge[0]), edge[1], edge[2]))

    parent = list(range(len(facts)))
    groups = [_Group.of(f) for f in facts]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _, a, b in edges:
        root_a, root_b = find(a), find(b)
        if root_a == root_b or not groups[root_a].can_join(groups[root_b]):
            continue
        keep, drop = min(root_a, root_b), max(root_a, root_b)
        parent[drop] = keep
        groups[keep] = groups[keep].joined(groups[drop])

    clusters: dict[int, list[Mention]] = defaultdict(list)
    for index, fact in enumerate(facts):
        clusters[find(index)].append(fact.mention)
    events = [resolve_cluster(members) for members in clusters.values()]
    events.sort(key=lambda e: (e.start or dt.date.max, e.id))
    return events
