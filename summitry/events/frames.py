"""Event frames: from a parsed article to its CONSULT events.

In: a spaCy `Doc` of the article text, the article's time expressions and its
context (reference day, dateline place and agency, publisher, body span).
Out: `Event`s, one per real engagement:

1. every trigger gives a candidate frame (mode, participants, places, time,
   status, attribution, evidence sentence);
2. candidates that mention the same engagement are folded into one, keeping
   the most precise time, the most specific place and the most official status;
3. a meeting held during a visit takes the visit's place, and its first day
   when it has no time of its own;
4. frames that still lack the parties their mode needs are dropped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from summitry import deadline
from summitry.events import attribution as attribution_mod
from summitry.events.actors import ActorIndex, country_actor
from summitry.events.discourse import (
    body_of_officials,
    date_the_present,
    date_the_tour,
    inherit_from_visits,
    lend_times,
    place_by_dateline,
    resolve_group_anaphora,
    the_leaders,
)
from summitry.events.folding import drop_copies, fold
from summitry.events.frame import (
    ArticleContext,
    Frame,
    complete,
    dateline_place,
    more_specific,
    party_key,
)
from summitry.events.participants import clause_parties, collect, mentions_under
from summitry.events.status import WEAK, on_first_leg, status_with_strength
from summitry.events.timing import (
    TokenTimex,
    align,
    choose_time,
    duration_days,
    precision,
    resolve_weekday_by_status,
    time_of_leg,
)
from summitry.events.triggers import Trigger, find_triggers, party_count
from summitry.model import (
    Actor,
    ActorKind,
    Event,
    EventStatus,
    Location,
    Mode,
    Span,
    TimeValue,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


MULTILATERAL_NOUNS = {
    "summit",
    "meeting",
    "conference",
    "talk",
    "ministerial",
    "forum",
    "gathering",
    "session",
    "negotiation",
    "dialogue",
    "consultation",
}


def extract_events(doc: Doc, timexes: list, context: ArticleContext) -> list[Event]:
    index = ActorIndex(doc)
    aligned = align(doc, timexes)
    sentences = {s.start: n for n, s in enumerate(doc.sents)}
    frames: list[Frame] = []
    for trigger in find_triggers(doc):
        deadline.check()  # an article's time limit, where no alarm signal can reach
        if context.body and not (context.body[0] <= trigger.token.idx < context.body[1]):
            continue
        whole = _frame(trigger, index, aligned, doc, context, sentences)
        legs = _split_destinations(whole, first_leg=on_first_leg(trigger.token))
        for frame in legs + _meetings_on_visit(legs):
            frame.token = trigger.token
            resolve_group_anaphora(frame, trigger, frames)
            if not frame.parties:
                body_of_officials(frame, index)
            if not frame.parties:
                the_leaders(frame, index)
            frames.append(frame)
    lend_times(frames, context.reference_day)
    date_the_tour(frames, doc)
    frames = fold(frames, context.reference_day)
    date_the_present(frames, context, doc)
    inherit_from_visits(frames)
    place_by_dateline(frames, context)
    frames = drop_copies(frames)
    return [_to_event(v) for f in frames if complete(f) for v in _split_visitors(f)]


def _frame(
    trigger: Trigger,
    index: ActorIndex,
    timexes: list[TokenTimex],
    doc: Doc,
    context: ArticleContext,
    sentences: dict[int, int],
) -> Frame | None:
    tok = trigger.token
    args = collect(trigger, index)
    mode = trigger.mode
    actors, recipients = list(args.actors), list(args.recipients)
    met: list[Actor] = []
    if mode is Mode.VISIT:
        recipients = [
            r for r in recipients if r.kind is ActorKind.COUNTRY and not _own_country(r, actors)
        ]
        persons = [r for r in args.recipients if r.kind is ActorKind.PERSON]
        hosts = {p.country for p in persons if p.country} or _dateline_country(context)
        hosts -= {a.country for a in actors}
        if not recipients and persons and len(hosts) == 1 and actors and tok.pos_ == "NOUN":
            # "a visit with President Reagan": to Reagan's country, and a meeting with him
            recipients, met = [country_actor(hosts.pop())], persons
        elif not recipients and persons:
            mode = Mode.MEETING
            recipients = persons
        else:
            met = persons
    lemma = tok.lemma_.lower() if tok.lower_ not in {"talks"} else "talk"
    if len(actors) + len(recipients) < 2 and (
        mode is Mode.MULTILATERAL or mode is Mode.MEETING and _attended(tok)
    ):
        for party in clause_parties(trigger, index):
            if all(party_key(party) != party_key(p) for p in actors + recipients):
                recipients.append(party)
    elif mode is Mode.MEETING and not actors and recipients and _came_out_of(tok):
        verb = next((t for t in tok.ancestors if t.pos_ in {"VERB", "AUX"}), None)
        for subject in (c for c in verb.children if c.dep_ == "nsubj") if verb else ():
            for mention in mentions_under(subject, index):
                if all(party_key(mention.actor) != party_key(p) for p in recipients):
                    actors.append(mention.actor)
    if mode in {Mode.MEETING, Mode.MULTILATERAL} and lemma in MULTILATERAL_NOUNS | {"meet"}:
        pair = _bilateral_leaders(actors + recipients) if party_count(tok) is None else None
        if pair is not None:
            actors = [a for a in actors if a in pair]
            recipients = [r for r in recipients if r in pair]
            mode = Mode.MEETING
        else:
            mode = _meeting_mode(mode, actors + recipients)
    time = choose_time(tok, timexes, doc)
    if time is None and _only_invited(tok):
        return None  # "he invited him to visit Pakistan": an invitation, no visit yet
    leg_times = {
        place.country: leg_time
        for place, place_token in args.places
        if place.country and (leg_time := time_of_leg(place_token, timexes, doc)) is not None
    }
    status, strength = status_with_strength(
        tok, time.value if time else None, context.reference_day
    )
    if (
        time is not None
        and strength >= WEAK
        and context.reference_day is not None
        # "cancelled on Wednesday a visit": that weekday dates the cancelling
        and (status.coarse != "off" or _in_phrase(time, tok))
    ):
        time = resolve_weekday_by_status(time, status, context.reference_day)
    if status is EventStatus.OCCURRED and _spans(time, context.reference_day):
        status = EventStatus.ONGOING  # "traveled to Poland on a three-day trip" ending tomorrow
    location = None
    places = [p for p, _ in args.places]
    if mode is Mode.VISIT:
        # a visit happens in the host country: "said in Seoul" is not where it goes
        hosts = {r.country for r in recipients}
        places = [p for p in places if p.country in hosts]
    # a city says more than its country ("While in Vietnam, ... held in Hanoi")
    places = [
        p for p in places if not any(q.country == p.country and more_specific(q, p) for q in places)
    ]
    if places:
        location = places[0]
        if (
            mode is Mode.MULTILATERAL
            and location.country
            and any(p.kind is ActorKind.ORGANIZATION for p in actors + recipients)
            and all(p.country != location.country for p in actors + recipients)
        ):
            recipients.append(
                country_actor(location.country)
            )  # the host of "the APEC summit in Gyeongju"
    elif mode is Mode.VISIT and recipients:
        location = Location(recipients[0].name, recipients[0].country)
    # no destination written: "begins a visit", "the visit of X next week", "arrives on
    # Wednesday for talks" (of/by name the visitor; on/for/during tell when and why)
    bare = not any(
        c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ not in _NOT_A_DESTINATION
        for c in tok.children
    )
    if mode is Mode.VISIT and bare and not recipients and actors and context.dateline_place:
        # A wire story filed from the place a visitor comes to ("LONDON - King X begins a visit")
        place = dateline_place(context)
        known = [a for a in actors if a.country]
        if (
            place
            and place.country
            and known
            and not _own_country(country_actor(place.country), actors)
        ):
            recipients = [country_actor(place.country)]
            location = Location(place.name, place.country)
    sent = tok.sent
    attr = attribution_mod.attribute(sent, agency=context.agency, publisher=context.publisher)
    return Frame(
        mode=mode,
        actors=actors,
        recipients=recipients,
        location=location,
        time=time,
        status=status,
        status_strength=strength,
        attribution=[attr] if attr else [],
        evidence=[Span(sent.start_char, sent.end_char, sent.text)],
        trigger=Span(tok.idx, tok.idx + len(tok.text), tok.text),
        lemma=lemma,
        sentence_index=sentences.get(sent.start, 0),
        leg_times=leg_times,
        days=duration_days(tok, timexes, doc),
        met=met,
    )


def _meetings_on_visit(legs: list[Frame]) -> list[Frame]:
    """ "Chirac, in a visit with President Reagan": the visit, and a meeting with Reagan
    on the leg to his country (else the first)."""
    if not legs or not legs[0].met:
        return []
    met = legs[0].met
    countries = {p.country for p in met}
    leg = next((f for f in legs if {r.country for r in f.recipients} & countries), legs[0])
    return [replace(leg, mode=Mode.MEETING, recipients=list(met), met=[], actors=list(leg.actors))]


def _spans(time: TimeValue | None, day: dt.date | None) -> bool:
    """Whether `time` is a span of days that holds `day` before its last (on the last day,
    the past tense tells it is over: "concluded a two-day meeting Thursday")."""
    if time is None or day is None or not time.end or time.end == time.value:
        return False
    if len(time.value) != 10 or len(time.end) != 10:
        return False
    return time.value <= day.isoformat() < time.end


def _split_visitors(frame: Frame) -> list[Frame]:
    """Leaders travelling together pay one visit each (ANNOTATION.md): a visit by parties of
    two or more known countries ("the presidents of Zambia, Ghana and Kenya arrived") is
    one visit per country, and one more for the parties of no known country ("15 African
    leaders ..., including"). With one known country at most it is one delegation ("Bush
    and Rice", "Hamas leader Meshaal and the Palestinians"): one visit."""
    by_country: dict[str | None, list[Actor]] = {}
    for actor in frame.actors:
        by_country.setdefault(actor.country, []).append(actor)
    if frame.mode is not Mode.VISIT or len(by_country.keys() - {None}) < 2:
        return [frame]
    return [replace(frame, actors=actors) for actors in by_country.values()]


def _split_destinations(frame: Frame | None, *, first_leg: bool = False) -> list[Frame]:
    """A tour of several countries is one visit per country (ANNOTATION.md); on its first
    leg, the places after the first are still to come."""
    if frame is None:
        return []
    hosts = [r for r in frame.recipients if r.kind is ActorKind.COUNTRY]
    if frame.mode is not Mode.VISIT or len(hosts) < 2:
        return [frame]
    out = []
    for n, host in enumerate(hosts):
        location = (
            frame.location if frame.location and frame.location.country == host.country else None
        )
        out.append(
            replace(
                frame,
                recipients=[host],
                status=(
                    EventStatus.PLANNED
                    if first_leg and n > 0 and frame.status is EventStatus.ONGOING
                    else frame.status
                ),
                # "to A and B in October and to C in November": each leg's own time;
                # "visits to A, B and C from Nov. 15": the start date is A's only
                time=frame.leg_times.get(host.country or "")
                or (
                    _first_leg_time(frame.time)
                    if n == 0
                    else frame.time
                    if precision(frame.time.value if frame.time else None) < 4
                    else None
                ),
                location=location or Location(host.name, host.country),
                actors=list(frame.actors),
                attribution=list(frame.attribution),
                evidence=list(frame.evidence),
            )
        )
    return out


def _first_leg_time(time: TimeValue | None) -> TimeValue | None:
    """The tour's first day starts the first leg; the tour's last day does not end it."""
    if time is None or not time.end or precision(time.value) < 4:
        return time
    return replace(time, end=None)


_NOT_A_DESTINATION = {"of", "by", "on", "for", "during"}


def _dateline_country(context: ArticleContext) -> set[str]:
    """The country a wire story is filed from ("WASHINGTON, April 3 -")."""
    place = dateline_place(context)
    return {place.country} if place is not None and place.country else set()


def _own_country(country: Actor, visitors: list[Actor]) -> bool:
    return any(v.country == country.country for v in visitors if v.country)


def _in_phrase(time: TimeValue, tok: Token) -> bool:
    """The time is written inside the trigger's own phrase ("a visit scheduled for Sunday")."""
    start, end = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
    return time.span is not None and start <= time.span.start and time.span.end <= end


def _only_invited(tok: Token) -> bool:
    """The engagement is what someone was invited to: "invited him to visit Pakistan",
    "invited the Commission for talks"."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "for":
        head = head.head
    elif tok.dep_ != "xcomp":
        return False
    return head.lemma_ == "invite"


def _came_out_of(tok: Token) -> bool:
    """ "After a day of meetings with Bush and Shultz, Clark told a press conference":
    who speaks after talks with someone had them."""
    phrase = tok
    if phrase.dep_ == "pobj" and phrase.head.lower_ == "of" and phrase.head.head.dep_ == "pobj":
        phrase = phrase.head.head  # "a day of meetings"
    return phrase.dep_ == "pobj" and phrase.head.lower_ in {"after", "following"}


def _attended(tok: Token) -> bool:
    """ "ministers agreed at a meeting in Luxembourg": those who act there attend it."""
    return tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "at"


def _meeting_mode(mode: Mode, parties: list[Actor]) -> Mode:
    """Meeting or multilateral: three or more sides, an intergovernmental body or a region."""
    if mode is Mode.MULTILATERAL:
        return mode
    if any(p.kind in {ActorKind.ORGANIZATION, ActorKind.REGION} and not p.country for p in parties):
        return Mode.MULTILATERAL
    sides = {p.country for p in parties if p.country}
    return Mode.MULTILATERAL if len(sides) >= 3 else Mode.MEETING


def _bilateral_leaders(parties: list[Actor]) -> list[Actor] | None:
    """ "Bush's summit with Roh on the APEC sidelines": two persons of two sides meet; the
    body in whose margins they do is context, not a third party."""
    persons = [p for p in parties if p.kind is ActorKind.PERSON]
    countries = {p.country for p in persons if p.country}
    if len(persons) == 2 and len(countries) <= 2 and len(parties) > 2:
        return [p for p in parties if p.kind is ActorKind.PERSON or p.country in countries]
    return None


def _without_represented(side: list[Actor], persons: list[Actor]) -> list[Actor]:
    """Drop a country that a named person of the same event stands for."""
    represented = {p.country for p in persons if p.kind is ActorKind.PERSON and p.country}
    return [a for a in side if not (a.kind is ActorKind.COUNTRY and a.country in represented)]


def _to_event(frame: Frame) -> Event:
    actors, recipients = frame.actors, frame.recipients
    if frame.mode is not Mode.MULTILATERAL:
        actors = _without_represented(actors, frame.parties)
        if frame.mode is not Mode.VISIT:
            recipients = _without_represented(recipients, frame.parties)
    if not actors and recipients and frame.mode is not Mode.VISIT:
        actors, recipients = recipients[:1], recipients[1:]
    return Event(
        mode=frame.mode,
        actors=tuple(actors),
        recipients=tuple(recipients),
        status=frame.status,
        location=frame.location,
        time=frame.time,
        attribution=tuple(frame.attribution),
        evidence=tuple(sorted(frame.evidence, key=lambda s: s.start)),
        trigger=frame.trigger,
        confidence=round(frame.confidence, 3),  # as Event.to_dict writes it: records round-trip
    )
