"""When two mentions can report the same engagement.

Two mentions are compatible when all of these hold:

1. the same mode, and they come from different documents (one article
   reports one engagement once);
2. overlapping participants by canonical actor (`actor_key`, a person of
   unknown country matching the same surname of any country); when both name
   persons, they share a person; for a meeting or a call, the persons of one
   are all named by the other, or stand for a country it names without a
   person ("Varga met Mori" and "Varga met Japanese officials" merge, "Varga
   met Mori" and "Varga met Sato" do not);
3. compatible location: not two different countries; for a visit, the
   destinations (host countries and location) also meet when both are known;
4. compatible time:
   - both dated: their days overlap (a day inside a reported week or month
     counts); or one is a postponement or cancellation and the other lies
     within `POSTPONEMENT_WINDOW` of it (a postponed visit moves);
   - one dated: the date lies in a window around the undated report's
     reference day: the `UNDATED_BEFORE` days before it if that report says
     the event happened, the `UNDATED_AFTER` days after it if it forecasts
     it, both if it calls it off;
   - neither dated: the articles are at most `UNDATED_APART` apart.

`link_strength` orders compatible pairs, strongest first, for clustering.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from summitry.merge.actors import actor_key, same_actor
from summitry.merge.records import Mention
from summitry.merge.timespan import precision_days, time_interval
from summitry.model import ActorKind, EventStatus, Mode

POSTPONEMENT_WINDOW = dt.timedelta(days=183)
UNDATED_BEFORE = dt.timedelta(days=31)
UNDATED_AFTER = dt.timedelta(days=183)
UNDATED_APART = dt.timedelta(days=61)

# No compatible pair lies further apart than this: the reaches of two
# compatible mentions (`mention_reach`) are at most this many days apart.
LINK_REACH = max(POSTPONEMENT_WINDOW, UNDATED_BEFORE, UNDATED_AFTER, UNDATED_APART)

_MOVED = frozenset({EventStatus.POSTPONED, EventStatus.CANCELLED, EventStatus.DENIED})


@dataclass(frozen=True)
class MentionFacts:
    """What compatibility looks at, computed once per mention."""

    mention: Mention
    keys: frozenset[str]
    person_keys: frozenset[str]
    person_countries: dict[str, str | None]
    countries: frozenset[str]
    interval: tuple[dt.date, dt.date] | None
    precision: int
    location_country: str | None
    destinations: frozenset[str]

    @classmethod
    def of(cls, mention: Mention) -> MentionFacts:
        event = mention.event
        keys = frozenset(actor_key(a) for a in event.participants)
        persons = frozenset(actor_key(a) for a in event.participants if a.kind is ActorKind.PERSON)
        person_countries = {
            actor_key(a): a.country for a in event.participants if a.kind is ActorKind.PERSON
        }
        countries = frozenset(a.country for a in event.participants if a.country)
        location_country = event.location.country if event.location else None
        destinations: set[str] = set()
        if event.mode is Mode.VISIT:
            destinations = {a.country for a in event.recipients if a.country}
            if location_country:
                destinations.add(location_country)
        return cls(
            mention=mention,
            keys=keys,
            person_keys=persons,
            person_countries=person_countries,
            countries=countries,
            interval=time_interval(event.time),
            precision=precision_days(event.time),
            location_country=location_country,
            destinations=frozenset(destinations),
        )


def mention_reach(mention: Mention) -> tuple[dt.date, dt.date] | None:
    """The days a mention is about: its time's days and its article's day; None if neither is known.

    Any mention compatible with it has a reach at most `LINK_REACH` away
    (a mention with no reach is compatible with any time).
    """
    days = list(time_interval(mention.event.time) or ())
    if mention.reference_day:
        days.append(mention.reference_day)
    return (min(days), max(days)) if days else None


def _gap(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> dt.timedelta:
    """Days between two intervals; zero when they overlap."""
    if a[1] < b[0]:
        return b[0] - a[1]
    if b[1] < a[0]:
        return a[0] - b[1]
    return dt.timedelta(0)


def _persons_covered(a: MentionFacts, b: MentionFacts) -> bool:
    """Every person of `a` is named by `b`, or is of a country `b` names with no person."""
    b_person_countries = set(b.person_countries.values())
    return all(
        any(same_actor(key, other) for other in b.person_keys)
        or (country is not None and country in b.countries and country not in b_person_countries)
        for key, country in a.person_countries.items()
    )


def shift_day(day: dt.date, delta: dt.timedelta) -> dt.date:
    """`day + delta`, held at the ends of the calendar (years 1 and 9999 are valid values)."""
    try:
        return day + delta
    except OverflowError:
        return dt.date.max if delta > dt.timedelta(0) else dt.date.min


_SETTLED = frozenset({EventStatus.OCCURRED, EventStatus.ONGOING})
_FORECAST = frozenset({EventStatus.PLANNED, EventStatus.EXPECTED, EventStatus.POSSIBLE})


def _undated_window(day: dt.date, status: EventStatus) -> tuple[dt.date, dt.date]:
    """The days an undated report from `day` can be about: the past month if it says the
    event happened, the coming months if it forecasts it, either if it calls it off."""
    before = shift_day(day, -UNDATED_BEFORE)
    after = shift_day(day, UNDATED_AFTER)
    if status in _SETTLED:
        return before, day
    if status in _FORECAST:
        return shift_day(day, -dt.timedelta(days=1)), after
    return before, after


def time_compatible(a: MentionFacts, b: MentionFacts) -> int | None:
    """None if the times rule the pair out, else a strength (higher is closer)."""
    ia, ib = a.interval, b.interval
    if ia and ib:
        if _gap(ia, ib) == dt.timedelta(0):
            # the more precise the wider of the two, the stronger the link
            return 3 if max(a.precision, b.precision) <= 7 else 2
        moved = a.mention.event.status in _MOVED or b.mention.event.status in _MOVED
        if moved and _gap(ia, ib) <= POSTPONEMENT_WINDOW:
            return 1
        return None
    if ia or ib:
        dated, undated = (a, b) if ia else (b, a)
        day = undated.mention.reference_day
        assert dated.interval is not None
        window = _undated_window(day, undated.mention.event.status) if day else None
        if window is None or _gap(dated.interval, window) == dt.timedelta(0):
            return 1
        return None
    da, db = a.mention.reference_day, b.mention.reference_day
    if da is None or db is None or abs(da - db) <= UNDATED_APART:
        return 1
    return None


def link_strength(a: MentionFacts, b: MentionFacts) -> tuple[int, int, int] | None:
    """None if `a` and `b` cannot report the same engagement, else (time, shared, place)."""
    if a.mention.event.mode is not b.mention.event.mode:
        return None
    if a.mention.document_id == b.mention.document_id:
        return None
    shared = {k for k in a.keys if any(same_actor(k, other) for other in b.keys)}
    if not shared:
        return None
    if (
        a.person_keys
        and b.person_keys
        and not any(same_actor(k, other) for k in a.person_keys for other in b.person_keys)
    ):
        return None
    two_sided = a.mention.event.mode in (Mode.MEETING, Mode.PHONE)
    if two_sided and not (_persons_covered(a, b) or _persons_covered(b, a)):
        return None
    if a.location_country and b.location_country and a.location_country != b.location_country:
        return None
    if a.destinations and b.destinations and not (a.destinations & b.destinations):
        return None
    time = time_compatible(a, b)
    if time is None:
        return None
    same_place = int(a.location_country is not None and a.location_country == b.location_country)
    return time, len(shared), same_place
