"""What one sentence leaves to the others: the rules that read across an article.

A meeting held during a visit takes its place and days; "their summit" takes the
pair just named; a time said before the parties are named carries over; the
dateline places talks with no place of their own, and a wire lead tells of today.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from summitry.events.actors import ActorIndex
from summitry.events.frame import (
    ArticleContext,
    Frame,
    complete,
    dateline_place,
    party_key,
    times_compatible,
    value_range,
)
from summitry.events.participants import subjects
from summitry.events.status import time_status
from summitry.events.timing import TRIP_NOUNS, end_moved, precision
from summitry.events.triggers import Trigger, party_count, phrase_words
from summitry.model import (
    Actor,
    ActorKind,
    EventStatus,
    Location,
    Mode,
    TimeValue,
)
from summitry.nlp import gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


OFFICIAL_GROUPS = {
    "minister",
    "governor",
    "leader",
    "official",
    "delegate",
    "representative",
    "envoy",
    "banker",
    "head",
    "diplomat",
}


def body_of_officials(frame: Frame, index: ActorIndex) -> None:
    """ "the central bank governors would meet soon": the body named for them just before."""
    token = frame.token
    if token is None or frame.mode not in {Mode.MEETING, Mode.MULTILATERAL}:
        return
    groups = [s for s in subjects(token) if s.lemma_.lower() in OFFICIAL_GROUPS and s.tag_ == "NNS"]
    if not groups:
        return
    sent_start = token.sent.start
    earliest = max(0, sent_start - 200)
    for mention in reversed(index.mentions_in(earliest, token.i)):
        actor = mention.actor
        if actor.kind is ActorKind.ORGANIZATION and gazetteer.lookup_organization(actor.name):
            frame.recipients.append(actor)
            frame.mode = Mode.MULTILATERAL
            return


def lend_times(frames: list[Frame], reference_day: dt.date | None) -> None:
    """A time said of an engagement before its parties are named ("ministers meet next week.
    The meetings, under the auspices of the IMF, ...") goes to the next mention that names them,
    if it fits that mention's tense ("will also have talks" takes no "last year")."""
    for n, frame in enumerate(frames):
        if frame.time is not None or not frame.parties or _purpose_of_a_trip(frame.token):
            continue
        for earlier in reversed(frames[:n]):
            if frame.sentence_index - earlier.sentence_index > 2:
                break
            if (
                earlier.time is not None
                and earlier.mode is frame.mode
                and (not earlier.parties or not complete(earlier))
                and _fits(earlier.time, frame.status, reference_day)
            ):
                frame.time = earlier.time
                frame.status = (
                    earlier.status if frame.status.coarse == earlier.status.coarse else frame.status
                )
                break


_TRIP_WORDS = {"visit", "trip", "tour", "travel", "fly", "go", "come", "head", "leave", "depart"}


def _purpose_of_a_trip(token: Token | None) -> bool:
    """ "may visit Japan later this month for summit talks": the talks are held during
    that trip and take its time (`inherit_from_visits`), not an earlier sentence's."""
    while token is not None and token.dep_ == "compound":
        token = token.head
    return (
        token is not None
        and token.dep_ == "pobj"
        and token.head.lower_ == "for"
        and token.head.head.lemma_.lower() in _TRIP_WORDS
    )


def the_leaders(frame: Frame, index: ActorIndex) -> None:
    """ "Lee and Xi plan to discuss peace as the leaders were set to hold summit talks":
    "the leaders", "both leaders" who meet are the last two persons named in the sentence."""
    token = frame.token
    if token is None or frame.parties or frame.mode is not Mode.MEETING:
        return
    group = [
        s
        for s in subjects(token)
        if s.lemma_.lower() in {"leader", "president"}
        and s.tag_ == "NNS"
        and any(c.lower_ in {"the", "both", "two"} for c in s.children)
    ]
    if not group:
        return
    persons: list[Actor] = []
    for mention in reversed(index.mentions_in(token.sent.start, group[0].i)):
        actor = mention.actor
        if actor.kind is ActorKind.PERSON and all(
            party_key(actor) != party_key(p) for p in persons
        ):
            persons.insert(0, actor)
        if len(persons) == 2:
            frame.actors.append(persons[0])
            frame.recipients.append(persons[1])
            return


def date_the_tour(frames: list[Frame], doc: Doc) -> None:
    """ "Albright paid tribute Tuesday ... on a whirlwind visit to East Africa. ... spent
    about five hours in Tanzania before heading to Nairobi": the stops of a trip told as
    done, with no day of their own, are on the day the trip is told of, when that trip names
    no country of its own, is told of in the lead, and the stops are the same traveller's."""
    lead = next((n for n, sent in enumerate(doc.sents) if sent.text.strip()), 0)
    for n, tour in enumerate(frames):
        if (
            tour.mode is not Mode.VISIT
            or tour.sentence_index != lead
            or tour.token is None
            or tour.token.lemma_.lower() not in TRIP_NOUNS
            or tour.recipients
            or tour.time is None
            or precision(tour.time.value) < 4
            or tour.status.coarse != "past"
        ):
            continue
        travellers = {party_key(a) for a in tour.actors}
        for stop in frames[n + 1 :]:
            if (
                stop.mode is Mode.VISIT
                and stop.time is None
                and stop.recipients
                and stop.status.coarse == "past"
                and travellers & {party_key(a) for a in stop.actors}
            ):
                stop.time = replace(tour.time, end=None)


def _fits(time: TimeValue, status: EventStatus, reference_day: dt.date | None) -> bool:
    by_time = time_status(time.value, reference_day)
    return (
        by_time is None
        or {by_time.coarse, status.coarse} - {"past", "future"}  # today, or called off
        or by_time.coarse == status.coarse
    )


def resolve_group_anaphora(frame: Frame, trigger: Trigger, earlier: list[Frame]) -> None:
    """ "the three countries' leaders", "the trilateral summit": the parties named before."""
    count = party_count(trigger.token)
    possessor = _plural_possessor(trigger.token)
    role = possessor or next(
        (w for w in phrase_words(trigger.token) if w in {"ministers", "presidents"}), None
    )
    if (
        count is None
        and possessor
        and len(frame.parties) < 2
        # "the APEC leaders' meeting" names its group: the leaders are APEC's
        and not any(p.kind is ActorKind.ORGANIZATION for p in frame.parties)
    ):
        count = 2  # "their first summit talks", "the leaders' talks": the pair just named
        # a pair that met, not a visit or a gathering ("their first meeting in two months")
        earlier = [f for f in earlier if f.mode not in {Mode.VISIT, Mode.MULTILATERAL}]
    if count is None or len(frame.parties) >= count:
        return
    for previous in reversed(earlier):
        if len(previous.parties) == count and _can_be(previous.parties, role):
            for party in previous.parties:
                if all(party_key(party) != party_key(p) for p in frame.parties):
                    frame.recipients.append(party)
            if frame.mode is Mode.MEETING and count >= 3:
                frame.mode = Mode.MULTILATERAL
            return


def _plural_possessor(token: Token) -> str | None:
    """The plural word that owns the engagement ("the leaders' talks"), lower-cased."""
    words = {"leaders", "sides", "ministers", "presidents", "two"}
    for child in token.children:
        if child.dep_ == "poss" and (child.lower_ == "their" or child.lower_ in words):
            return child.lower_
    head = token.head if token.dep_ == "compound" else None
    return _plural_possessor(head) if head is not None else None


def _can_be(parties: list[Actor], role: str | None) -> bool:
    """ "the ministers' meeting" is not the meeting of a prime minister and a president:
    a title word naming the group must be in every person's title."""
    if role not in {"ministers", "presidents"}:
        return True
    word = role[:-1]
    titles = [(p.title or "").lower() for p in parties if p.kind is ActorKind.PERSON]
    return all(word in t and not t.startswith("prime") for t in titles)


def place_by_dateline(frames: list[Frame], context: ArticleContext) -> None:
    """Talks with no place of their own, reported from a dateline city around the same
    days, are held there (a wire story is filed where the news happens)."""
    if not context.dateline_place or context.reference_day is None:
        return
    place = dateline_place(context)
    if place is None or not place.country:
        return
    for frame in frames:
        if frame.mode is Mode.VISIT or frame.location is not None or frame.mode is Mode.PHONE:
            continue
        when = value_range(frame.time.value) if frame.time and frame.time.value else None
        days = (when[0] - context.reference_day).days if when else 0
        if -7 <= days <= 7:
            frame.location = Location(place.name, place.country)


def date_the_present(frames: list[Frame], context: ArticleContext, doc: Doc) -> None:
    """An engagement reported as going on ("is visiting", "talks opened") with no date
    of its own is on the reference day."""
    if context.reference_day is None:
        return
    lead = next((n for n, sent in enumerate(doc.sents) if sent.text.strip()), 0)
    for frame in frames:
        if frame.time is not None:
            continue
        # a wire story's lead tells today's news: "X opened talks with Y"
        in_lead = frame.sentence_index == lead and context.dateline_place is not None
        if frame.status is EventStatus.ONGOING or (in_lead and frame.status.coarse == "past"):
            frame.time = TimeValue("", context.reference_day.isoformat())


def inherit_from_visits(frames: list[Frame]) -> None:
    visits = [f for f in frames if f.mode is Mode.VISIT]
    for frame in frames:
        if frame.mode is Mode.VISIT:
            continue
        persons = {party_key(p) for p in frame.parties if p.kind is ActorKind.PERSON}
        others = {p.country for p in frame.parties if p.country}
        # the visit to the country of the person met comes first (Abe: the Japan leg)
        for visit in sorted(visits, key=lambda v: not ({r.country for r in v.recipients} & others)):
            visitors = {party_key(a) for a in visit.actors}
            hosts = {r.country for r in visit.recipients}
            if not persons & visitors:
                continue
            if frame.location and frame.location.country not in hosts:
                continue
            if _began_earlier(visit, frame, hosts):
                # "Cohen, on the first stop of a visit to Japan ... talks late Monday with
                # Kyuma": a visit under way began no later than its first talks there
                start = frame.time
                visit.time = replace(
                    start, end=end_moved(visit.time, dt.date.fromisoformat(start.value))
                )
            if not times_compatible(frame.time, visit.time):
                continue
            if (
                visit.time is None
                and frame.time is not None
                and visit.status.coarse != "off"
                and (
                    visit.status is EventStatus.ONGOING
                    or not frame.time.text  # talks of the report's day: the visit is on
                    or (frame.status.coarse == "past") == (visit.status.coarse == "past")
                )
                and (frame.location is None or frame.location.country in hosts)
            ):
                # "Chirac opened talks with Reagan [today]": the visit is under way by then
                visit.time = replace(frame.time, end=None)
            if (frame.status.coarse == "past") != (
                visit.status.coarse == "past"
            ) and visit.status is not EventStatus.ONGOING:
                continue  # an ongoing visit holds its past meetings and its coming ones
            if frame.location is None:
                frame.location = visit.location
            if frame.time is None and visit.time is not None:
                frame.time = _during(visit.time)
            break
        else:
            if frame.location is None:
                frame.location = _host_place(frame, visits)


def _began_earlier(visit: Frame, meeting: Frame, hosts: set[str | None]) -> bool:
    """A visit under way, dated by the day of the report or of its doings, and a past
    meeting of the visitor's in the host country in the week before that day."""
    if visit.status is not EventStatus.ONGOING or visit.time is None:
        return False
    if meeting.time is None or meeting.status.coarse != "past":
        return False
    if meeting.location is not None and meeting.location.country not in hosts:
        return False
    start, reported = value_range(meeting.time.value), value_range(visit.time.value)
    if start is None or reported is None or start[0] != start[1]:
        return False
    return 0 < (reported[0] - start[0]).days <= 7


def _host_place(frame: Frame, visits: list[Frame]) -> Location | None:
    """Where a host meets a foreign guest while visitors are in the host's country:
    "15 African leaders arrived in Beijing Thursday ... Hu's talks with Michel, president of
    Seychelles, on Thursday". Only when the visits of that time to that country all went to
    one place."""
    if frame.time is None or len({p.country for p in frame.parties if p.country}) < 2:
        return None
    hosts = {p.country for p in frame.parties if p.kind is ActorKind.PERSON and p.country}
    places = {
        visit.location
        for visit in visits
        if visit.location is not None
        and visit.location.country in hosts
        and times_compatible(frame.time, visit.time)
        and (frame.status.coarse == "past") == (visit.status.coarse == "past")
    }
    return places.pop() if len(places) == 1 else None


def _during(visit: TimeValue) -> TimeValue:
    """The time of a meeting held on some day of a visit: the visit's day, or for a
    visit of several days its working week (the week its last day falls in)."""
    if not visit.end or not visit.value or len(visit.value) != 10:
        return replace(visit, end=None)
    last = dt.date.fromisoformat(visit.end)
    year, week, _ = last.isocalendar()
    return TimeValue(visit.text, f"{year:04d}-W{week:02d}", None, visit.span)
