"""When an engagement starts (and ends): choosing among the sentence's time expressions.

In: a trigger, the time expressions of the document (from `summitry.timex`)
mapped onto tokens. Out: a `TimeValue` or None.

A time expression belongs to the trigger when it sits in the trigger's phrase
or on the verbs that govern it; one attached to a reporting verb ("sources
said Friday") dates the report, not the event. A duration next to the
trigger ("two-day visit") gives the end day.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from summitry.events.lexicon import reporting_verbs
from summitry.model import EventStatus, Span, TimeValue

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

REPORTING = reporting_verbs()
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DURATION_DAYS = re.compile(r"^P(\d+)D$")
_PRECISION = [
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), 4),
    (re.compile(r"^\d{4}-W\d{2}$"), 3),
    (re.compile(r"^\d{4}-\d{2}$"), 2),
    (re.compile(r"^\d{4}-Q\d$"), 1),
    (re.compile(r"^\d{4}$"), 0),
]


@dataclass(frozen=True)
class TokenTimex:
    """A time expression and the tokens it covers."""

    start: int
    end: int
    char_start: int
    char_end: int
    text: str
    type: str
    value: str | None
    mod: str | None = None

    def root(self, doc: Doc) -> Token:
        return doc[self.start : self.end].root


def precision(value: str | None) -> int:
    if not value:
        return -1
    for pattern, rank in _PRECISION:
        if pattern.match(value):
            return rank
    return -1


def align(doc: Doc, timexes: list) -> list[TokenTimex]:
    out = []
    for t in timexes:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        out.append(TokenTimex(span.start, span.end, t.start, t.end, t.text, t.type, t.value, t.mod))
    return out


RETURNING = {"return"}
# verbs that order two events ("the visit will follow their summit on Nov. 1"): the
# object has its own time and tense, which are not the subject's
SEQUENCE_VERBS = {"follow", "precede", "succeed"}
TRIP_NOUNS = {"visit", "trip", "tour", "journey"}
MOTION = {"depart", "leave", "travel", "fly", "head", "arrive", "go", "come", "visit", "return"}


def _governors(token: Token) -> list[Token]:
    out = [token]
    current = token
    for _ in range(5):
        head = current.head
        if head.i == current.i or head.lemma_ in REPORTING or current.dep_ in {"ccomp", "relcl"}:
            break
        if current.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_ in MOTION:
            break  # "depart on Sunday for summit talks": Sunday is the departure's
        out.append(head)
        current = head
    return out


def _attached_to(timex: TokenTimex, doc: Doc) -> Token:
    """The word a time expression modifies."""
    root = timex.root(doc)
    while root.dep_ == "conj" and root.head.i != root.i:  # "on Friday and Saturday"
        root = root.head
    head = root.head
    if head.dep_ == "prep" or head.pos_ == "ADP":
        head = head.head
    return head


def choose_time(
    trigger: Token, timexes: list[TokenTimex], doc: Doc, taken: set[int] | None = None
) -> TimeValue | None:
    """The time of the event `trigger` names, or None."""
    sent = trigger.sent
    candidates = [t for t in timexes if sent.start <= t.start < sent.end]
    if not candidates:
        return None
    governors = _governors(trigger)
    subtree = {t.i for t in trigger.subtree}
    best: tuple[float, TokenTimex] | None = None
    for tx in candidates:
        if tx.type not in {"DATE", "TIME"} or precision(_date_part(tx.value)) < 0:
            continue
        attached = _attached_to(tx, doc)
        if attached.lemma_ in REPORTING and attached not in governors:
            continue
        if _bounds(tx, doc, trigger):
            continue  # "the first visit since 2017": a boundary, not the event's time
        if _sequenced(trigger, attached):
            continue  # "the visit will follow his summit on Nov. 1": the summit's day
        if tx.start in subtree and _in_a_clause_of_its_own(attached, trigger):
            continue  # "the meeting of the group, formed in 1983": the forming's time
        score = 0.0
        if tx.start in subtree:
            score += 3
        if attached in governors:
            score += 3 - 0.5 * governors.index(attached)
        elif tx.start not in subtree and attached.pos_ in {"VERB", "AUX"}:
            if _serves(attached, governors):
                score += 1.5  # "pays a visit to attend ceremonies on Friday"
            else:
                score -= 2  # "... and is scheduled to return Tuesday": another verb's time
        distance = min(abs(tx.start - trigger.i), abs(tx.end - 1 - trigger.i))
        score -= distance / 10
        if taken and tx.start in taken:
            score -= 1
        if best is None or score > best[0]:
            best = (score, tx)
    if best is None or best[0] < -1.5:
        return None
    tx = best[1]
    value = _date_part(tx.value)
    if _attached_to(tx, doc).lemma_.lower() in RETURNING and value and _DAY.match(value):
        # "a three-day trip ... is to return Tuesday": Tuesday is the last day
        days = duration_days(trigger, timexes, doc)
        if not days:
            return None
        last = dt.date.fromisoformat(value)
        first = last - dt.timedelta(days=days - 1)
        return TimeValue(
            tx.text, first.isoformat(), value, Span(tx.char_start, tx.char_end, tx.text)
        )
    moved = _moved(trigger)
    opening = next((c for c in candidates if _range_end(c, candidates, doc) is tx), None)
    if opening is not None and not moved:
        tx, value = opening, _date_part(opening.value)  # "from Nov. 19 to 20" starts on the 19th
    closing = None if moved else _range_end(tx, candidates, doc)
    if closing is not None:
        return TimeValue(
            tx.text, value, _date_part(closing.value), Span(tx.char_start, tx.char_end, tx.text)
        )
    end = _end_from_duration(trigger, timexes, value, doc) or _conjoined_end(tx, candidates, doc)
    if end is None and value and _DAY.match(value):
        end = _return_day(trigger, candidates, value, doc)
        if end:
            return TimeValue(tx.text, value, end, Span(tx.char_start, tx.char_end, tx.text))
    if end and value and closes(trigger):
        # the duration runs back from the closing day
        last = dt.date.fromisoformat(value)
        first = last - (dt.date.fromisoformat(end) - last)
        value, end = first.isoformat(), last.isoformat()
    return TimeValue(tx.text, value, end, Span(tx.char_start, tx.char_end, tx.text))


def _sequenced(trigger: Token, attached: Token) -> bool:
    """`attached` is a verb ordering the trigger after or before its object."""
    return (
        trigger.dep_ in {"nsubj", "nsubjpass"}
        and trigger.head.i == attached.i
        and attached.lemma_.lower() in SEQUENCE_VERBS
        and any(c.dep_ == "dobj" for c in attached.children)
    )


BOUNDARY = {"since", "after", "before", "until", "till"}
# verbs of a clause on the event's phrase whose time is the event's ("a summit held on May 3")
_EVENT_TIME_VERBS = {
    "schedule",
    "set",
    "slate",
    "plan",
    "expect",
    "hold",
    "convene",
    "open",
    "begin",
    "start",
    "end",
    "close",
    "conclude",
    "take",
    "happen",
    "occur",
    "due",
    "last",
    "run",
    "resume",
    "postpone",
    "delay",
    "cancel",
    "reschedule",
    "move",
    "bring",
    "put",
    "fix",
    "call",
    "announce",
}


_FOUNDING = {"form", "found", "establish", "create", "launch", "build", "elect"}


def _in_a_clause_of_its_own(verb: Token, trigger: Token) -> bool:
    """The time hangs on a word of a clause inside the event's phrase that tells something
    else about it: "the fifth meeting of the group, formed in 1983", "meetings with Abe,
    who was paving the way for the April 29 visit of Nakasone"."""
    if verb.i == trigger.i:
        return False
    current = verb
    for _ in range(6):
        if current.i == trigger.i or current.lemma_.lower() in _EVENT_TIME_VERBS:
            return False  # ... or a clause that dates the event: "which is happening June 11"
        if current.dep_ in {"acl", "relcl"}:
            # a clause on a noun below the trigger; on the trigger itself only when it
            # tells of something founded ("the meeting of the group, formed in 1983")
            return current.head.i != trigger.i or verb.lemma_.lower() in _FOUNDING
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def _bounds(timex: TokenTimex, doc: Doc, trigger: Token) -> bool:
    """The time bounds a period rather than dates the event: "since 2017", and "since
    their February talks" (unless those talks are the event)."""
    root = timex.root(doc)
    for _ in range(3):
        if root.dep_ not in {"compound", "amod", "npadvmod", "nmod", "poss"} or root == trigger:
            break
        root = root.head
    return root != trigger and root.dep_ == "pobj" and root.head.lower_ in BOUNDARY


def _serves(verb: Token, governors: list[Token]) -> bool:
    """The verb hangs under the event's own clause ("pays a visit to attend ceremonies on
    Friday"), not beside it ("travelled ... and is to return Tuesday")."""
    ids = {g.i for g in governors}
    if any(c.dep_ == "mark" and c.lower_ in BOUNDARY for c in verb.children) or (
        verb.dep_ == "pcomp" and verb.head.lower_ in BOUNDARY
    ):
        return False  # "his first visit since he assumed power in 1982", "since taking office"
    current = verb
    for _ in range(6):
        if current.i in ids:
            return True
        if current.dep_ in {"conj", "relcl"} or current.head.i == current.i:
            return False  # "... ways to promote a dialogue which Singapore hosted last year"
        current = current.head
    return False


def _conjoined_end(first: TokenTimex, candidates: list[TokenTimex], doc: Doc) -> str | None:
    """ "on Friday and Saturday": the last conjoined day is the end."""
    value = _date_part(first.value)
    if not value or not _DAY.match(value):
        return None
    root = first.root(doc)
    for tx in candidates:
        other = _date_part(tx.value)
        if tx is first or not other or not _DAY.match(other) or other <= value:
            continue
        head = tx.root(doc)
        if head.dep_ == "conj" and head.head.i == root.i:
            return other
    return None


_RANGE_LINK = re.compile(r"\s*(?:-|\u2013|\u2014|to|through|thru|until|till|and)\s*", re.IGNORECASE)
_RANGE_OPENING = re.compile(r"\b(?:from|between)\s+(?:the\s+)?$", re.IGNORECASE)
# "moved from March 3 to March 10" names two dates of one event, not its first and last day
_MOVING = {"postpone", "delay", "move", "reschedule", "bring", "push", "shift", "advance", "defer"}


def _range_end(first: TokenTimex, candidates: list[TokenTimex], doc: Doc) -> TokenTimex | None:
    """ "from Nov. 19 to 20", "Nov. 20-23", "between March 3 and March 6": the day that closes
    a range opened by `first` (at most two months on), or None."""
    value = _date_part(first.value)
    if not value or not _DAY.match(value):
        return None
    following = [c for c in candidates if c.char_start >= first.char_end]
    if not following:
        return None
    tx = min(following, key=lambda c: c.char_start)
    other = _date_part(tx.value)
    link = doc.text[first.char_end : tx.char_start]
    if not other or not _DAY.match(other) or not _RANGE_LINK.fullmatch(link):
        return None
    if link.strip().lower() == "and" and not _RANGE_OPENING.search(
        doc.text[max(0, first.char_start - 15) : first.char_start]
    ):
        return None  # "on May 3 and May 20": two days, not a span
    days = (dt.date.fromisoformat(other) - dt.date.fromisoformat(value)).days
    return tx if 0 < days <= 62 else None


def _return_day(trigger: Token, candidates: list[TokenTimex], start: str, doc: Doc) -> str | None:
    """ "depart for China on Sunday and return on Jan. 7": the day of the return that
    goes with the departure is the trip's last day."""
    if trigger.pos_ != "VERB" or trigger.lemma_.lower() not in MOTION - RETURNING:
        return None
    returns = [c for c in trigger.children if c.dep_ == "conj" and c.lemma_.lower() in RETURNING]
    for tx in candidates:
        value = _date_part(tx.value)
        if not value or not _DAY.match(value) or _attached_to(tx, doc) not in returns:
            continue
        days = (dt.date.fromisoformat(value) - dt.date.fromisoformat(start)).days
        if 0 < days <= 31:
            return value
    return None


def _moved(trigger: Token) -> bool:
    return any(t.lemma_.lower() in _MOVING for t in _governors(trigger))


def _date_part(value: str | None) -> str | None:
    if value and "T" in value:
        return value.split("T")[0]
    return value


def duration_days(trigger: Token, timexes: list[TokenTimex], doc: Doc) -> int | None:
    """The length in days written next to the trigger ("a four-day visit"), if any."""
    near = {t.i for t in trigger.children} | {trigger.i}
    for child in trigger.children:  # "traveled to Poland on a three-day trip"
        if child.dep_ == "prep":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.lemma_.lower() in TRIP_NOUNS:
                    near |= {obj.i} | {t.i for t in obj.children}
    sent = trigger.sent
    for tx in timexes:
        if tx.type != "DURATION" or not tx.value:
            continue
        match = _DURATION_DAYS.match(tx.value)
        if not match:
            continue
        root = doc[tx.start : tx.end].root
        trip_in_sentence = (
            trigger.pos_ == "VERB"
            and sent.start <= tx.start < sent.end
            and root.head.lemma_.lower() in TRIP_NOUNS | {"stay"}
        )
        if (
            not any(i in near for i in range(tx.start, tx.end))
            and root.head != trigger
            and not trip_in_sentence
        ):
            continue
        days = int(match.group(1))
        if 1 < days <= 31:
            return days
    return None


def end_after(start: str | None, days: int | None) -> str | None:
    """The last day of `days` days from `start` (a day), or None."""
    if not start or not days or not _DAY.match(start):
        return None
    return (dt.date.fromisoformat(start) + dt.timedelta(days=days - 1)).isoformat()


def _end_from_duration(
    trigger: Token, timexes: list[TokenTimex], start: str | None, doc: Doc
) -> str | None:
    """The last day, from a duration written next to the trigger ("a four-day visit")."""
    return end_after(start, duration_days(trigger, timexes, doc))


CLOSING = {"conclude", "end", "close", "wrap", "finish", "complete", "wind"}


def closes(trigger: Token) -> bool:
    """ "concluded a two-day meeting Thursday": the date given is the last day."""
    verb = trigger if trigger.pos_ == "VERB" else trigger.head
    return verb.lemma_.lower() in CLOSING


_WEEKDAY = re.compile(
    r"^(?:on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$", re.IGNORECASE
)
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def resolve_weekday_by_status(
    time: TimeValue, status: EventStatus, reference_day: dt.date
) -> TimeValue:
    """A bare weekday ("on Monday") lies where the event's status points.

    The time normaliser guesses the direction from the words around it; the
    event's own cues ("will meet", "met") know better: a planned, expected or called-off
    meeting on Monday is the coming Monday, one that occurred the last one.
    """
    match = _WEEKDAY.match(time.text.strip())
    if match is None or not time.value or len(time.value) != 10:
        return time
    weekday = _WEEKDAYS.index(match.group(1).lower())
    if dt.date.fromisoformat(time.value).weekday() != weekday:
        return time  # already moved on purpose (the first day of a closing meeting)
    if status.coarse in {"future", "off"}:
        # a visit called off or put back was still ahead when it was: "postponed a visit
        # that had been scheduled for Sunday" is the coming Sunday
        day = reference_day + dt.timedelta(days=(weekday - reference_day.weekday()) % 7)
    elif status.coarse == "past":
        day = reference_day - dt.timedelta(days=(reference_day.weekday() - weekday) % 7)
    else:
        return time
    if day.isoformat() == time.value:
        return time
    return TimeValue(time.text, day.isoformat(), end_moved(time, day), time.span)


def end_moved(time: TimeValue, day: dt.date) -> str | None:
    """The last day of `time` (a span of days, or None) when it starts on `day` instead."""
    if not time.end:
        return None
    length = dt.date.fromisoformat(time.end) - dt.date.fromisoformat(time.value)
    return (day + length).isoformat()


def other_weekday(time: TimeValue | None, reference_day: dt.date | None) -> TimeValue | None:
    """A bare weekday ("on Monday") read the other way round the reference day: the next
    such day if it was read as the last, the last if as the next; None for any other time."""
    if time is None or reference_day is None or not time.value or len(time.value) != 10:
        return None
    match = _WEEKDAY.match(time.text.strip())
    if match is None or time.end:
        return None
    day = dt.date.fromisoformat(time.value)
    if day.weekday() != _WEEKDAYS.index(match.group(1).lower()) or day == reference_day:
        return None
    shift = dt.timedelta(days=7 if day < reference_day else -7)
    other = day + shift
    if (other < reference_day) == (day < reference_day):
        return None  # not the nearest such day in the first place
    return TimeValue(time.text, other.isoformat(), None, time.span)


def time_of_leg(destination: Token, timexes: list[TokenTimex], doc: Doc) -> TimeValue | None:
    """The time written with one destination of a tour ("to Poland and Norway in October
    and to Saudi Arabia in November"): a time expression hanging on that destination,
    on the list it belongs to, or on its preposition."""
    group = destination
    while group.dep_ == "conj" and group.head.i != group.i:
        group = group.head
    anchors = {destination.i, group.i, group.head.i}
    for tx in timexes:
        root = tx.root(doc)
        head = root.head
        if head.dep_ == "prep" or head.pos_ == "ADP":
            head = head.head
        if (
            head.i in anchors
            and tx.type in {"DATE", "TIME"}
            and precision(_date_part(tx.value)) >= 0
        ):
            value = _date_part(tx.value)
            return TimeValue(tx.text, value, None, Span(tx.char_start, tx.char_end, tx.text))
    # "... to the UAE and Saudi Arabia in November": the time right after the list; but
    # "to Vietnam, Laos and India from Nov. 15 to 26" is the whole tour's span
    last = max((t.i for t in group.subtree if t.dep_ == "conj" or t.i == group.i), default=group.i)
    for tx in timexes:
        value = _date_part(tx.value)
        if tx.start > 0 and doc[tx.start - 1].lower_ in {"from", "between"}:
            continue
        if 0 < tx.start - last <= 3 and tx.type == "DATE" and precision(value) >= 0:
            return TimeValue(tx.text, value, None, Span(tx.char_start, tx.char_end, tx.text))
    return None
