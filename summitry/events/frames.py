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
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from summitry.events import attribution as attribution_mod
from summitry.events.actors import ActorIndex
from summitry.events.participants import clause_parties, collect, subjects
from summitry.events.status import WEAK, status_with_strength
from summitry.events.timing import (
    TokenTimex,
    align,
    choose_time,
    duration_days,
    end_after,
    precision,
    resolve_weekday_by_status,
    time_of_leg,
)
from summitry.events.triggers import Trigger, find_triggers, party_count
from summitry.model import (
    Actor,
    ActorKind,
    Attribution,
    Event,
    EventStatus,
    Location,
    Mode,
    Span,
    TimeValue,
)
from summitry.nlp import gazetteer

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
_OFFICIAL = [
    EventStatus.CANCELLED,
    EventStatus.POSTPONED,
    EventStatus.DENIED,
    EventStatus.OCCURRED,
    EventStatus.ONGOING,
    EventStatus.PLANNED,
    EventStatus.EXPECTED,
    EventStatus.POSSIBLE,
]


@dataclass(frozen=True)
class ArticleContext:
    reference_day: dt.date | None = None
    dateline_place: str | None = None
    agency: str | None = None
    publisher: str | None = None
    body: tuple[int, int] | None = None


@dataclass
class _Frame:
    mode: Mode
    actors: list[Actor]
    recipients: list[Actor]
    location: Location | None
    time: TimeValue | None
    status: EventStatus
    attribution: list[Attribution]
    evidence: list[Span]
    trigger: Span
    lemma: str
    sentence_index: int
    confidence: float = 0.5
    notes: list[str] = field(default_factory=list)
    token: Token | None = None
    status_strength: int = 0
    leg_times: dict[str, TimeValue] = field(default_factory=dict)
    days: int | None = None

    @property
    def parties(self) -> list[Actor]:
        return self.actors + self.recipients


def extract_events(doc: Doc, timexes: list, context: ArticleContext) -> list[Event]:
    index = ActorIndex(doc)
    aligned = align(doc, timexes)
    sentences = {s.start: n for n, s in enumerate(doc.sents)}
    frames: list[_Frame] = []
    for trigger in find_triggers(doc):
        if context.body and not (context.body[0] <= trigger.token.idx < context.body[1]):
            continue
        for frame in _split_destinations(_frame(trigger, index, aligned, doc, context, sentences)):
            frame.token = trigger.token
            _resolve_group_anaphora(frame, trigger, frames)
            if not frame.parties:
                _body_of_officials(frame, index)
            frames.append(frame)
    _lend_times(frames)
    frames = _fold(frames)
    _date_the_present(frames, context, doc)
    _inherit_from_visits(frames)
    _place_by_dateline(frames, context)
    return [_to_event(f) for f in frames if _complete(f)]


def _frame(
    trigger: Trigger,
    index: ActorIndex,
    timexes: list[TokenTimex],
    doc: Doc,
    context: ArticleContext,
    sentences: dict[int, int],
) -> _Frame | None:
    tok = trigger.token
    args = collect(trigger, index)
    mode = trigger.mode
    actors, recipients = list(args.actors), list(args.recipients)
    if mode is Mode.VISIT:
        recipients = [
            r for r in recipients if r.kind is ActorKind.COUNTRY and not _own_country(r, actors)
        ]
        if not recipients and any(r.kind is ActorKind.PERSON for r in args.recipients):
            mode = Mode.MEETING
            recipients = [r for r in args.recipients if r.kind is ActorKind.PERSON]
    lemma = tok.lemma_.lower() if tok.lower_ not in {"talks"} else "talk"
    if mode is Mode.MULTILATERAL and len(actors) + len(recipients) < 2:
        for party in clause_parties(trigger, index):
            if all(_key(party) != _key(p) for p in actors + recipients):
                recipients.append(party)
    if mode in {Mode.MEETING, Mode.MULTILATERAL} and lemma in MULTILATERAL_NOUNS | {"meet"}:
        pair = _bilateral_leaders(actors + recipients) if party_count(tok) is None else None
        if pair is not None:
            actors = [a for a in actors if a in pair]
            recipients = [r for r in recipients if r in pair]
            mode = Mode.MEETING
        else:
            mode = _meeting_mode(mode, actors + recipients)
    time = choose_time(tok, timexes, doc)
    leg_times = {
        place.country: leg_time
        for place, place_token in args.places
        if place.country and (leg_time := time_of_leg(place_token, timexes, doc)) is not None
    }
    status, strength = status_with_strength(
        tok, time.value if time else None, context.reference_day
    )
    if time is not None and strength >= WEAK and context.reference_day is not None:
        time = resolve_weekday_by_status(time, status, context.reference_day)
    location = None
    places = [p for p, _ in args.places]
    if mode is Mode.VISIT:
        # a visit happens in the host country: "said in Seoul" is not where it goes
        hosts = {r.country for r in recipients}
        places = [p for p in places if p.country in hosts]
    # a city says more than its country ("While in Vietnam, ... held in Hanoi")
    places = [
        p
        for p in places
        if not any(q.country == p.country and _more_specific(q, p) for q in places)
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
                _country(location.country)
            )  # the host of "the APEC summit in Gyeongju"
    elif mode is Mode.VISIT and recipients:
        location = Location(recipients[0].name, recipients[0].country)
    bare = not any(c.dep_ in {"dobj", "prep"} for c in tok.children)
    if mode is Mode.VISIT and bare and not recipients and actors and context.dateline_place:
        # A wire story filed from the place a visitor comes to ("LONDON - King X begins a visit")
        place = gazetteer.lookup_place(context.dateline_place)
        known = [a for a in actors if a.country]
        if place and place.country and known and not _own_country(_country(place.country), actors):
            recipients = [_country(place.country)]
            location = Location(place.name, place.country)
    sent = tok.sent
    attr = attribution_mod.attribute(sent, agency=context.agency, publisher=context.publisher)
    return _Frame(
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
    )


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


def _split_destinations(frame: _Frame | None) -> list[_Frame]:
    """A tour of several countries is one visit per country (ANNOTATION.md)."""
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
                # "to A and B in October and to C in November": each leg's own time;
                # "visits to A, B and C from Nov. 15": the start date is A's only
                time=frame.leg_times.get(host.country or "")
                or (
                    frame.time
                    if n == 0 or precision(frame.time.value if frame.time else None) < 4
                    else None
                ),
                location=location or Location(host.name, host.country),
                actors=list(frame.actors),
                attribution=list(frame.attribution),
                evidence=list(frame.evidence),
            )
        )
    return out


def _body_of_officials(frame: _Frame, index: ActorIndex) -> None:
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


def _lend_times(frames: list[_Frame]) -> None:
    """A time said of an engagement before its parties are named ("ministers meet next week.
    The meetings, under the auspices of the IMF, ...") goes to the next mention that names them."""
    for n, frame in enumerate(frames):
        if frame.time is not None or not frame.parties:
            continue
        for earlier in reversed(frames[:n]):
            if frame.sentence_index - earlier.sentence_index > 2:
                break
            if (
                earlier.time is not None
                and earlier.mode is frame.mode
                and (not earlier.parties or not _complete(earlier))
            ):
                frame.time = earlier.time
                frame.status = (
                    earlier.status if frame.status.coarse == earlier.status.coarse else frame.status
                )
                break


def _resolve_group_anaphora(frame: _Frame, trigger: Trigger, earlier: list[_Frame]) -> None:
    """ "the three countries' leaders", "the trilateral summit": the parties named before."""
    count = party_count(trigger.token)
    if count is None and _plural_possessor(trigger.token) and len(frame.parties) < 2:
        count = 2  # "their first summit talks", "the leaders' talks": the pair just named
        earlier = [f for f in earlier if f.mode is not Mode.VISIT]
    if count is None or len(frame.parties) >= count:
        return
    for previous in reversed(earlier):
        if len(previous.parties) == count:
            for party in previous.parties:
                if all(_key(party) != _key(p) for p in frame.parties):
                    frame.recipients.append(party)
            if frame.mode is Mode.MEETING and count >= 3:
                frame.mode = Mode.MULTILATERAL
            return


def _plural_possessor(token: Token) -> bool:
    words = {"leaders", "sides", "ministers", "presidents", "two"}
    for child in token.children:
        if child.dep_ == "poss" and (child.lower_ == "their" or child.lower_ in words):
            return True
    head = token.head if token.dep_ == "compound" else None
    return head is not None and _plural_possessor(head)


def _country(iso: str) -> Actor:
    from summitry.events.actors import country_actor

    return country_actor(iso)


def _own_country(country: Actor, visitors: list[Actor]) -> bool:
    return any(v.country == country.country for v in visitors if v.country)


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


def _complete(frame: _Frame) -> bool:
    parties = frame.parties
    if frame.mode is Mode.VISIT:
        return bool(frame.actors) and bool(frame.recipients)
    if frame.mode is Mode.MULTILATERAL:
        return bool(parties) and (
            len(parties) >= 2 or parties[0].kind in {ActorKind.ORGANIZATION, ActorKind.REGION}
        )
    return len(parties) >= 2


# ------------------------------------------------------------------ folding
def _key(actor: Actor) -> str:
    if actor.kind is ActorKind.PERSON:
        return "p:" + actor.name
    if actor.kind is ActorKind.COUNTRY:
        return "c:" + (actor.country or actor.name)
    org = gazetteer.lookup_organization(actor.name)
    return "o:" + (org.full_name if org else actor.name)  # "GCC" and "Gulf Cooperation Council"


def _same_event(a: _Frame, b: _Frame) -> bool:
    if a.mode is not b.mode and {a.mode, b.mode} != {Mode.MEETING, Mode.MULTILATERAL}:
        return False
    if "summit" in {a.lemma, b.lemma} and a.lemma != b.lemma and a.mode is Mode.MULTILATERAL:
        # a ministers' meeting is often the preparation of a summit, not the summit
        if not (a.time and b.time and a.time.value == b.time.value):
            return False
    keys_a = {_key(p) for p in a.parties}
    keys_b = {_key(p) for p in b.parties}
    if not keys_a or not keys_b:
        return False
    if a.mode is Mode.VISIT:
        if not ({_key(x) for x in a.actors} & {_key(x) for x in b.actors}):
            return False
        rec_a = {_key(x) for x in a.recipients}
        rec_b = {_key(x) for x in b.recipients}
        if rec_a and rec_b and not rec_a & rec_b:
            return False
        if rec_a and rec_a == rec_b and (a.time is None or b.time is None):
            # one visit per visitor and destination: "the aim of the visit was" and
            # "during his visit" tell of one trip, whatever their tenses
            return _times_compatible(a.time, b.time)
    else:
        shared = keys_a & keys_b
        persons_a = {k for k in keys_a if k.startswith("p:")}
        persons_b = {k for k in keys_b if k.startswith("p:")}
        sides_a, sides_b = _sides(a.parties), _sides(b.parties)
        if bool(persons_a) != bool(persons_b) and len(sides_a) >= 2 and sides_a == sides_b:
            # "Kenya and Tanzania hold talks" and "Ruto hosts Hassan for talks"
            return _times_compatible(a.time, b.time) and _status_compatible(a.status, b.status)
        if persons_a and persons_b:
            if len(persons_a & persons_b) < min(2, len(persons_a), len(persons_b)):
                return False
        elif len(shared) < min(2, len(keys_a), len(keys_b)):
            return False
    return _times_compatible(a.time, b.time) and _status_compatible(a.status, b.status)


def _sides(parties: list[Actor]) -> set[str]:
    return {p.country for p in parties if p.country} if all(p.country for p in parties) else set()


def _status_compatible(a: EventStatus, b: EventStatus) -> bool:
    return (a.coarse == "past") == (b.coarse == "past") or "off" in {a.coarse, b.coarse}


def _times_compatible(a: TimeValue | None, b: TimeValue | None) -> bool:
    if a is None or b is None or not a.value or not b.value:
        return True
    va, vb = a.value, b.value
    if va == vb or va.startswith(vb) or vb.startswith(va):
        return True
    try:
        ra, rb = _range(va), _range(vb)
    except ValueError:
        return False
    if ra is None or rb is None:
        return False
    slack = dt.timedelta(days=3)
    return ra[0] - slack <= rb[1] and rb[0] - slack <= ra[1]


def _range(value: str) -> tuple[dt.date, dt.date] | None:
    if len(value) == 10 and value[4] == "-" and value[7] == "-":
        day = dt.date.fromisoformat(value)
        return day, day
    if "-W" in value:
        year, week = value.split("-W")
        monday = dt.date.fromisocalendar(int(year), int(week[:2]), 1)
        return monday, monday + dt.timedelta(days=6)
    if len(value) == 7 and value[4] == "-":
        first = dt.date(int(value[:4]), int(value[5:7]), 1)
        nxt = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return first, nxt - dt.timedelta(days=1)
    if len(value) == 4 and value.isdigit():
        return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    return None


def _fold(frames: list[_Frame]) -> list[_Frame]:
    out: list[_Frame] = []
    for frame in frames:
        for kept in out:
            if _same_event(kept, frame):
                _absorb(kept, frame)
                break
        else:
            out.append(frame)
    return out


def _absorb(kept: _Frame, other: _Frame) -> None:
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
    if other.location and (kept.location is None or _more_specific(other.location, kept.location)):
        kept.location = other.location
    # the most official statement of those said in so many words ("is expected to")
    # beats one read from tense alone ("will be his final tour")
    if (other.status_strength, -_OFFICIAL.index(other.status)) > (
        kept.status_strength,
        -_OFFICIAL.index(kept.status),
    ) and not (other.status is EventStatus.OCCURRED and kept.status.coarse == "future"):
        kept.status, kept.status_strength = other.status, other.status_strength
    if kept.mode is Mode.MEETING and other.mode is Mode.MULTILATERAL:
        kept.mode = Mode.MULTILATERAL
    for actor in other.parties:
        if all(_key(actor) != _key(p) for p in kept.parties):
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


def closes_at(frame: _Frame) -> bool:
    from summitry.events.timing import closes

    return frame.token is not None and closes(frame.token)


def _more_specific(a: Location, b: Location) -> bool:
    """A city is more specific than its country."""
    return (
        a.country == b.country
        and gazetteer.country_name(b.country or "") == b.name
        and a.name != b.name
    )


def _place_by_dateline(frames: list[_Frame], context: ArticleContext) -> None:
    """Talks with no place of their own, reported from a dateline city around the same
    days, are held there (a wire story is filed where the news happens)."""
    if not context.dateline_place or context.reference_day is None:
        return
    place = gazetteer.lookup_place(context.dateline_place)
    if place is None or not place.country:
        return
    for frame in frames:
        if frame.mode is Mode.VISIT or frame.location is not None or frame.mode is Mode.PHONE:
            continue
        when = _range(frame.time.value) if frame.time and frame.time.value else None
        days = (when[0] - context.reference_day).days if when else 0
        if -7 <= days <= 7:
            frame.location = Location(place.name, place.country)


def _date_the_present(frames: list[_Frame], context: ArticleContext, doc: Doc) -> None:
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


def _inherit_from_visits(frames: list[_Frame]) -> None:
    visits = [f for f in frames if f.mode is Mode.VISIT]
    for frame in frames:
        if frame.mode is Mode.VISIT:
            continue
        persons = {_key(p) for p in frame.parties if p.kind is ActorKind.PERSON}
        others = {p.country for p in frame.parties if p.country}
        # the visit to the country of the person met comes first (Abe: the Japan leg)
        for visit in sorted(visits, key=lambda v: not ({r.country for r in v.recipients} & others)):
            visitors = {_key(a) for a in visit.actors}
            hosts = {r.country for r in visit.recipients}
            if not persons & visitors:
                continue
            if frame.location and frame.location.country not in hosts:
                continue
            if not _times_compatible(frame.time, visit.time):
                continue
            if (
                visit.time is None
                and frame.time is not None
                and visit.status.coarse != "off"
                and (frame.location is None or frame.location.country in hosts)
            ):
                # "Chirac opened talks with Reagan [today]": the visit is under way by then
                visit.time = replace(frame.time, end=None)
            if (frame.status.coarse == "past") != (visit.status.coarse == "past"):
                continue
            if frame.location is None:
                frame.location = visit.location
            if frame.time is None and visit.time is not None:
                frame.time = _during(visit.time)
            break


def _without_represented(side: list[Actor], persons: list[Actor]) -> list[Actor]:
    """Drop a country that a named person of the same event stands for."""
    represented = {p.country for p in persons if p.kind is ActorKind.PERSON and p.country}
    return [a for a in side if not (a.kind is ActorKind.COUNTRY and a.country in represented)]


def _during(visit: TimeValue) -> TimeValue:
    """The time of a meeting held on some day of a visit: the visit's day, or for a
    visit of several days its working week (the week its last day falls in)."""
    if not visit.end or not visit.value or len(visit.value) != 10:
        return replace(visit, end=None)
    last = dt.date.fromisoformat(visit.end)
    year, week, _ = last.isocalendar()
    return TimeValue(visit.text, f"{year:04d}-W{week:02d}", None, visit.span)


def _to_event(frame: _Frame) -> Event:
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
