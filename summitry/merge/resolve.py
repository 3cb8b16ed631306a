"""From a cluster of mentions to one calendar event: the status lifecycle.

Reports are ordered oldest to newest by reference day; on the same day the
more final status counts as newer (occurred > ongoing > cancelled > postponed
> denied > planned > expected > possible), then document id and event index.

1. Status: the newest report's, except that a forecast (planned, expected,
   possible) or an off status never overrides an older report that the event
   occurred or is ongoing: then the newest of those counts.
2. Time: from the report that gave the status if it has a time, else from
   the newest report with one; never from a report older than the newest
   postponement that gives a date. Then a more precise time inside it (a day
   in the reported week) from a report of the same era refines it.
3. Location: the newest report's that has one.
4. Participants: the union over mentions by canonical actor, fullest name
   first; an actor in any report stays an actor; a person whose country a
   report left out joins the one person of that surname who has one.
5. Id: "ev-" and a hash of the earliest mention's key, so it stays when
   newer reports arrive.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence

from summitry.merge.actors import actor_key, same_actor
from summitry.merge.records import CalendarEvent, Mention, Participant, StatusReport
from summitry.merge.timespan import precision_days, time_interval
from summitry.model import Actor, EventStatus, Location, Mode, TimeValue

_FINALITY = {
    EventStatus.POSSIBLE: 0,
    EventStatus.EXPECTED: 1,
    EventStatus.PLANNED: 2,
    EventStatus.DENIED: 3,
    EventStatus.POSTPONED: 4,
    EventStatus.CANCELLED: 5,
    EventStatus.ONGOING: 6,
    EventStatus.OCCURRED: 7,
}
_SETTLED = frozenset({EventStatus.OCCURRED, EventStatus.ONGOING})


def canonical_order(mention: Mention) -> tuple[dt.date, str, int]:
    """Earliest report first: reference day (unknown last), document id, event index."""
    return (mention.reference_day or dt.date.max, mention.document_id, mention.event_index)


def report_order(mention: Mention) -> tuple[dt.date, int, str, int]:
    """Oldest report first; on the same day the more final status is newer."""
    return (
        mention.reference_day or dt.date.min,
        _FINALITY[mention.event.status],
        mention.document_id,
        mention.event_index,
    )


def event_id(earliest: Mention) -> str:
    """The stable id of the event whose earliest mention is `earliest`."""
    digest = hashlib.sha256(earliest.key.encode("utf-8")).hexdigest()
    return f"ev-{digest[:16]}"


def _status_source(reports: Sequence[Mention]) -> Mention:
    newest = reports[-1]
    if newest.event.status in _SETTLED:
        return newest
    settled = [m for m in reports if m.event.status in _SETTLED]
    return settled[-1] if settled else newest


def _resolve_time(reports: Sequence[Mention], source: Mention) -> TimeValue | None:
    postponed = [
        i
        for i, m in enumerate(reports)
        if m.event.status is EventStatus.POSTPONED and time_interval(m.event.time)
    ]
    era = list(reports[postponed[-1] :]) if postponed else list(reports)
    dated = [m for m in era if time_interval(m.event.time)]
    if not dated:
        return None
    chosen = source if source in dated else dated[-1]
    assert chosen.event.time is not None
    interval = time_interval(chosen.event.time)
    assert interval is not None
    best = chosen.event.time
    for mention in reversed(dated):  # newest first, so a tie keeps the newer
        inner = time_interval(mention.event.time)
        assert inner is not None and mention.event.time is not None
        inside = interval[0] <= inner[0] and inner[1] <= interval[1]
        if inside and precision_days(mention.event.time) < precision_days(best):
            best = mention.event.time
    return best


def _merge_participants(mentions: Sequence[Mention]) -> tuple[Participant, ...]:
    seen: dict[str, list[tuple[Actor, str]]] = {}
    for mention in mentions:
        for role, actors in (
            ("actor", mention.event.actors),
            ("recipient", mention.event.recipients),
        ):
            for actor in actors:
                seen.setdefault(actor_key(actor), []).append((actor, role))
    # A person whose country one report did not give joins the one person of that surname.
    for key in [k for k in seen if k.startswith("person:-:")]:
        matches = [k for k in seen if k != key and same_actor(key, k)]
        if len(matches) == 1:
            seen[matches[0]].extend(seen.pop(key))
    merged: list[Participant] = []
    for key, forms in seen.items():
        names = {a.name for a, _ in forms} | {alias for a, _ in forms for alias in a.aliases}
        name = sorted(names, key=lambda n: (-len(n), n))[0]
        titles = [a.title for a, _ in forms if a.title]
        countries = [a.country for a, _ in forms if a.country]
        merged.append(
            Participant(
                key=key,
                name=name,
                kind=forms[0][0].kind,
                role="actor" if any(role == "actor" for _, role in forms) else "recipient",
                country=countries[0] if countries else None,
                title=titles[-1] if titles else None,
                aliases=tuple(sorted(names - {name})),
            )
        )
    merged.sort(key=lambda p: p.role != "actor")  # stable: first appearance within each role
    return tuple(merged)


def _names(participants: Sequence[Participant]) -> str:
    names = [p.name for p in participants]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def event_title(mode: Mode, participants: Sequence[Participant], location: Location | None) -> str:
    """A short human summary: "Antony Blinken visits South Korea"."""
    actors = [p for p in participants if p.role == "actor"]
    recipients = [p for p in participants if p.role != "actor"]
    if not actors:
        actors, recipients = recipients[:1], recipients[1:]
    who, whom = _names(actors), _names(recipients)
    plural = len(actors) > 1
    if mode is Mode.VISIT:
        where = whom or (location.name if location else "")
        verb = "visit" if plural else "visits"
        return f"{who} {verb} {where}".strip()
    if mode is Mode.PHONE:
        if not whom:
            return f"{who} speak by phone" if plural else f"{who} phone call"
        return f"{who} {'speak' if plural else 'speaks'} by phone with {whom}"
    if mode is Mode.MULTILATERAL:
        place = f" in {location.name}" if location else ""
        return f"Meeting of {_names(list(participants))}{place}"
    if not whom:
        return f"{who} meet" if plural else f"{who} meeting"
    return f"{who} {'meet' if plural else 'meets'} {whom}"


def resolve_cluster(mentions: Sequence[Mention]) -> CalendarEvent:
    """The calendar event reported by `mentions` (one cluster; see the module docstring)."""
    canonical = sorted(mentions, key=canonical_order)
    reports = sorted(mentions, key=report_order)
    source = _status_source(reports)
    time = _resolve_time(reports, source)
    interval = time_interval(time)
    located = [m for m in reports if m.event.location]
    location = located[-1].event.location if located else None
    participants = _merge_participants(canonical)
    mode = canonical[0].event.mode
    history = tuple(
        StatusReport(
            reference_day=m.reference_day,
            status=m.event.status,
            time=m.event.time,
            document_id=m.document_id,
            event_index=m.event_index,
            url=m.url,
            title=m.title,
            publisher=m.publisher,
            evidence=m.evidence_text,
        )
        for m in reports
    )
    return CalendarEvent(
        id=event_id(canonical[0]),
        type=canonical[0].event.type,
        mode=mode,
        status=source.event.status,
        participants=participants,
        title=event_title(mode, participants, location),
        time=time,
        start=interval[0] if interval else None,
        end=interval[1] if interval else None,
        location=location,
        history=history,
        mentions=tuple(canonical),
    )
