"""Folding the mentions of one engagement in an article into one frame.

Two frames are the same engagement when their modes agree, their parties overlap
(by person, or by the sides they stand for), and their times and statuses are
compatible; the folded frame keeps the most precise time, the most specific place
and the most plainly stated status.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from summitry.events.frame import (
    OFFICIAL_ORDER,
    Frame,
    more_specific,
    party_key,
    times_compatible,
)
from summitry.events.participants import host_of_side_meeting
from summitry.events.status import INFERRED, time_status
from summitry.events.timing import (
    end_after,
    other_weekday,
    precision,
)
from summitry.model import (
    Actor,
    ActorKind,
    EventStatus,
    Mode,
)

if TYPE_CHECKING:
    pass


def _same_event(a: Frame, b: Frame) -> bool:
    if a.mode is not b.mode and {a.mode, b.mode} != {Mode.MEETING, Mode.MULTILATERAL}:
        return False
    if _side_meeting(a, b) or _side_meeting(b, a):
        return False
    if _bilateral_and_gathering(a, b) or _bilateral_and_gathering(b, a):
        return False
    if "summit" in {a.lemma, b.lemma} and a.lemma != b.lemma and a.mode is Mode.MULTILATERAL:
        # a ministers' meeting is often the preparation of a summit, not the summit
        if not (a.time and b.time and a.time.value == b.time.value):
            return False
    keys_a = {party_key(p) for p in a.parties}
    keys_b = {party_key(p) for p in b.parties}
    if not keys_a or not keys_b:
        return False
    if a.location and b.location and a.location.country != b.location.country:
        return False  # "talks in Beijing on Monday" and "talks in Japan later this month"
    if a.mode is Mode.VISIT:
        if not ({party_key(x) for x in a.actors} & {party_key(x) for x in b.actors}):
            return False
        rec_a = {party_key(x) for x in a.recipients}
        rec_b = {party_key(x) for x in b.recipients}
        if rec_a and rec_b and not rec_a & rec_b:
            return False
        if rec_a and rec_a == rec_b and (a.time is None or b.time is None):
            # one visit per visitor and destination: "the aim of the visit was" and
            # "during his visit" tell of one trip, whatever their tenses
            return times_compatible(a.time, b.time)
    else:
        shared = keys_a & keys_b
        persons_a = {k for k in keys_a if k.startswith("p:")}
        persons_b = {k for k in keys_b if k.startswith("p:")}
        sides_a, sides_b = _sides(a.parties), _sides(b.parties)
        if bool(persons_a) != bool(persons_b) and len(sides_a) >= 2 and sides_a == sides_b:
            # "Kenya and Tanzania hold talks" and "Ruto hosts Hassan for talks"
            return times_compatible(a.time, b.time) and _status_compatible(a.status, b.status)
        if persons_a and persons_b:
            if len(persons_a & persons_b) < min(2, len(persons_a), len(persons_b)):
                return False
        elif len(shared) < min(2, len(keys_a), len(keys_b)):
            return False
    return times_compatible(a.time, b.time) and _status_compatible(a.status, b.status)


def _side_meeting(meeting: Frame, gathering: Frame) -> bool:
    """A meeting held at (or on the sidelines of) a gathering is not the gathering; but
    "arrive on a four-day visit" is the visit."""
    if meeting.token is None or gathering.token is None:
        return False
    if Mode.VISIT in {meeting.mode, gathering.mode}:
        return False
    venue_of = host_of_side_meeting(gathering.token)
    return venue_of is not None and (
        venue_of.i == meeting.token.i or meeting.token.head.i == venue_of.i
    )


def _bilateral_and_gathering(meeting: Frame, gathering: Frame) -> bool:
    """ "Lee's November summit with Xi" is a talk between two on the sidelines of the
    APEC summit, not that summit: two persons and no body against a body's gathering."""
    persons = [p for p in meeting.parties if p.kind is ActorKind.PERSON]
    return (
        meeting.mode is Mode.MEETING
        and gathering.mode is Mode.MULTILATERAL
        and len(persons) == 2 == len(meeting.parties)
        and any(p.kind is ActorKind.ORGANIZATION for p in gathering.parties)
    )


def _sides(parties: list[Actor]) -> set[str]:
    return {p.country for p in parties if p.country} if all(p.country for p in parties) else set()


def _status_compatible(a: EventStatus, b: EventStatus) -> bool:
    return (a.coarse == "past") == (b.coarse == "past") or "off" in {a.coarse, b.coarse}


def fold(frames: list[Frame], reference_day: dt.date | None = None) -> list[Frame]:
    out: list[Frame] = []
    for frame in frames:
        for kept in out:
            if _same_event(kept, frame) or _same_the_other_way(kept, frame, reference_day):
                _absorb(kept, frame)
                break
        else:
            out.append(frame)
    return out


def _same_the_other_way(kept: Frame, frame: Frame, reference_day: dt.date | None) -> bool:
    """ "set to hold talks next week" and "asked about the talks on Monday": a weekday that
    nothing in its own clause points either way is the one that makes the two the same
    engagement. `frame`'s time and status are turned round when they do."""
    if frame.status_strength != INFERRED:
        return False
    other = other_weekday(frame.time, reference_day)
    status = time_status(other.value, reference_day) if other else None
    if other is None or status is None:
        return False
    turned = replace(frame, time=other, status=status)
    if not _same_event(kept, turned):
        return False
    frame.time, frame.status = other, status
    return True


def _absorb(kept: Frame, other: Frame) -> None:
    if other.time and (
        kept.time is None or precision(other.time.value) > precision(kept.time.value)
    ):
        end = other.time.end or (kept.time.end if kept.time else None)
        kept.time = replace(other.time, end=end) if end != other.time.end else other.time
    elif (
        other.time
        and kept.time
        and not kept.time.end
        and other.time.end
        and other.time.value == kept.time.value
    ):
        kept.time = replace(kept.time, end=other.time.end)
    if other.location and (kept.location is None or more_specific(other.location, kept.location)):
        kept.location = other.location
    # the most official statement of those said in so many words ("is expected to")
    # beats one read from tense alone ("will be his final tour")
    if (other.status_strength, -OFFICIAL_ORDER.index(other.status)) > (
        kept.status_strength,
        -OFFICIAL_ORDER.index(kept.status),
    ) and not (other.status is EventStatus.OCCURRED and kept.status.coarse == "future"):
        kept.status, kept.status_strength = other.status, other.status_strength
    if kept.mode is Mode.MEETING and other.mode is Mode.MULTILATERAL:
        kept.mode = Mode.MULTILATERAL
    for actor in other.parties:
        if all(party_key(actor) != party_key(p) for p in kept.parties):
            side = (
                kept.actors
                if actor in other.actors and kept.mode is not Mode.VISIT
                else kept.recipients
            )
            if kept.mode is Mode.VISIT and actor.kind is not ActorKind.COUNTRY:
                side = kept.actors
            if kept.mode is Mode.VISIT and actor.kind is ActorKind.COUNTRY and kept.recipients:
                continue
            side.append(actor)
    for attr in other.attribution:
        if attr not in kept.attribution:
            kept.attribution.append(attr)
    for span in other.evidence:
        if span not in kept.evidence:
            kept.evidence.append(span)
    kept.days = kept.days or other.days
    if kept.time and not kept.time.end and kept.days and not closes_at(kept):
        # "a four-day visit early next week" and "depart on Sunday": Sunday to Wednesday
        end = end_after(kept.time.value, kept.days)
        if end:
            kept.time = replace(kept.time, end=end)
    kept.confidence = min(0.95, kept.confidence + 0.1)


def closes_at(frame: Frame) -> bool:
    from summitry.events.timing import closes

    return frame.token is not None and closes(frame.token)


def drop_copies(frames: list[Frame]) -> list[Frame]:
    """Frames that have come out the same in every slot are one engagement told by two
    words ("hold talks on the sidelines of the forum" gave a meeting for each): the first
    keeps the other's evidence."""
    out: list[Frame] = []
    seen: dict[tuple, Frame] = {}
    for frame in frames:
        key = _slots(frame)
        if key in seen:
            _absorb(seen[key], frame)
            continue
        seen[key] = frame
        out.append(frame)
    return out


def _slots(frame: Frame) -> tuple:
    time = (frame.time.value, frame.time.end) if frame.time else None
    return (
        frame.mode,
        frame.status,
        tuple(sorted(party_key(p) for p in frame.actors)),
        tuple(sorted(party_key(p) for p in frame.recipients)),
        time,
        frame.location,
    )
