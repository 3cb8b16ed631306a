"""How certain an engagement is: occurred, ongoing, planned, expected, possible, off.

In: the trigger token, the resolved start of the event and the reference day.
Out: an `EventStatus`, by the table in shared/eval/ANNOTATION.md.

Cues are read on the trigger's clause chain: the trigger, its auxiliaries and
modifiers, and the verbs and adjectives that govern it up to (not including) a
reporting verb. Precedence: cancelled/postponed/denied, then possible, then
expected, then planned; with no cue, the verb's tense, and last the event's
time against the reference day.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from summitry.events.lexicon import status_cues, status_neutral_reporting_verbs
from summitry.events.participants import aside_on_a_trip
from summitry.events.timing import SEQUENCE_VERBS
from summitry.model import EventStatus

if TYPE_CHECKING:
    from spacy.tokens import Token

REPORTING = status_neutral_reporting_verbs()
_PRECEDENCE = [
    EventStatus.CANCELLED,
    EventStatus.POSTPONED,
    EventStatus.DENIED,
    EventStatus.POSSIBLE,
    EventStatus.EXPECTED,
    EventStatus.PLANNED,
]
# Cue verbs that, done "at a meeting", were done there rather than plan it.
_DEEDS = {"agree", "agreed", "decide", "decided", "propose", "proposed", "announce", "sign"}
# A clause under these stands on its own facts, whatever the main clause hedges or denies.
_FACTUAL_MARKS = {"although", "though", "because", "whereas"}
# Cues that say something about the event only when they govern it directly.
_WEAK = {"to", "would", "if", "set", "hope", "want", "seek", "prepare", "announce", "invite"}


def _chain(token: Token) -> list[Token]:
    """The trigger and the words that govern it, up to a reporting verb."""
    out = [token]
    current = token
    for _ in range(6):
        head = current.head
        if head.i == current.i or head.lemma_ in REPORTING:
            break
        if current.dep_ in {"ccomp", "parataxis"}:
            break
        if current.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in _FACTUAL_MARKS for c in current.children
        ):
            break  # "ties did not improve although Ban made a trip": the trip did happen
        if head.lower_ == "since" and head.dep_ == "prep":
            break  # "the second since their summit on Nov. 1": what is after "since" is past
        if head.lower_ in {"about", "regarding", "concerning"} and head.dep_ == "prep":
            break  # "asked about the agenda of the talks": the asking's tense is not theirs
        if current.dep_ == "dobj" and head.lemma_.lower() in SEQUENCE_VERBS:
            break  # "the visit will follow their summit on Nov. 1": the summit has its own time
        out.append(head)
        current = head
    return out


def _since_anchor(chain: list[Token]) -> bool:
    """The chain ends at "since X": X happened before whatever follows it."""
    last = chain[-1]
    return last.head.lower_ == "since" and last.head.dep_ == "prep" and last.dep_ == "pobj"


def _cues_of(tok: Token) -> list[tuple[str, Token]]:
    """Cue words on one link of the chain: the word, its auxiliaries and modifiers."""
    cues = [(tok.lemma_.lower(), tok), (tok.lower_, tok)]
    for child in tok.children:
        if child.dep_ in {"aux", "auxpass", "neg", "amod", "advmod", "acomp", "mark", "prt"} or (
            child.dep_ == "acl" and child.tag_ == "VBN"  # "a summit scheduled for May"
        ):
            cues.append((child.lemma_.lower(), child))
            cues.append((child.lower_, child))
            if child.dep_ == "prt":
                cues.append((f"{tok.lemma_.lower()} {child.lower_}", tok))
        if child.dep_ == "advcl":
            for grand in child.children:
                if grand.dep_ == "mark" and grand.lower_ == "if":
                    cues.append(("if", grand))
    return cues


def _tense_status(chain: list[Token]) -> EventStatus | None:
    for tok in chain:
        if tok.pos_ not in {"VERB", "AUX"}:
            continue
        auxes = {c.lower_ for c in tok.children if c.dep_ in {"aux", "auxpass"}}
        if auxes & {"will", "shall", "'ll", "wo"}:
            return EventStatus.PLANNED
        if tok.tag_ == "VBG" and auxes & {"is", "are", "am", "'s", "'re"}:
            return EventStatus.ONGOING
        if tok.tag_ == "VBG" and auxes & {"was", "were"}:
            return EventStatus.OCCURRED
        if tok.tag_ == "VBD" or (
            tok.tag_ == "VBN" and auxes & {"has", "have", "had", "was", "were"}
        ):
            return EventStatus.OCCURRED
        if tok.tag_ in {"VBZ", "VBP"}:
            return None  # present: decided by the event's time
    return None


def time_status(start: str | None, reference_day: dt.date | None) -> EventStatus | None:
    """What the event's start says by itself: after the reference day planned, before it
    occurred, on it ongoing; None when it cannot tell."""
    if not start or reference_day is None or not start[:4].isdigit():
        return None
    ref = reference_day.isoformat()
    if len(start) == 10:
        if start > ref:
            return EventStatus.PLANNED
        if start < ref:
            return EventStatus.OCCURRED
        return EventStatus.ONGOING  # the reference day itself; tense may still say it is over
    if "W" in start:
        year, week, _ = reference_day.isocalendar()
        ref_week = f"{year:04d}-W{week:02d}"
        return _compare(start, ref_week)
    return _compare(start, ref[: len(start)])


def _compare(value: str, ref: str) -> EventStatus | None:
    if value > ref:
        return EventStatus.PLANNED
    if value < ref:
        return EventStatus.OCCURRED
    return None


STRONG, WEAK, INFERRED = 2, 1, 0


def status_with_strength(
    trigger: Token, start: str | None, reference_day: dt.date | None
) -> tuple[EventStatus, int]:
    """The status and how plainly the text says it (STRONG, WEAK, INFERRED).

    A trigger that is only described ("it will be his final tour") says less
    about its status than one that is scheduled or forecast in so many words.
    """
    status, strength = _status(trigger, start, reference_day)
    if trigger.dep_ in {"attr", "acomp"} and trigger.head.lemma_ == "be":
        strength = min(strength, WEAK)
    return status, strength


def _status(
    trigger: Token, start: str | None, reference_day: dt.date | None
) -> tuple[EventStatus, int]:
    """The status of the event triggered by `trigger`.

    Cancelled, postponed or denied anywhere on the chain wins; otherwise the
    nearest link with a hedge or plan cue decides ("a summit scheduled for
    May", even inside "there was a possibility that ..."); weak cues ("is to")
    only when nothing stronger is said; then tense; then time.
    """
    if _on_the_trip(trigger) and time_status(start, reference_day) is not EventStatus.PLANNED:
        return EventStatus.ONGOING, STRONG
    chain = _chain(trigger)
    if any(_unfulfilled(t) for t in chain):
        return EventStatus.CANCELLED, STRONG
    cues = status_cues()
    held_at = _held_at(trigger)
    off: set[EventStatus] = set()
    weak: set[EventStatus] = set()
    for tok in chain:
        strong: set[EventStatus] = set()
        for word, cue_tok in _cues_of(tok):
            status = cues.get(word)
            if status is None or (word == "to" and cue_tok.dep_ != "aux"):
                continue
            if (
                held_at
                and word in _DEEDS
                and cue_tok.i == tok.i == _phrase_head(trigger).head.head.i
            ):
                continue  # "agreed at a meeting" agreed there, it did not plan the meeting
            if status.coarse == "off":
                off.add(status)
            elif word in _WEAK:
                weak.add(status)
            else:
                strong.add(status)
        if strong and not off:
            decided = _first(strong)
            if decided is EventStatus.PLANNED and _tense_status(chain[:1]) is EventStatus.OCCURRED:
                return EventStatus.OCCURRED, STRONG
            if not any(_cues_off(t, cues) for t in chain):
                return decided, STRONG
    if off:
        return _first(off), STRONG
    if _since_anchor(chain):
        return EventStatus.OCCURRED, STRONG
    if weak:
        return _first(weak), WEAK
    negated = any(c.dep_ == "neg" for t in chain[:3] for c in t.children)
    if negated:
        return EventStatus.POSSIBLE, WEAK
    by_tense = _tense_status(chain)
    by_time = time_status(start, reference_day)
    if by_tense is None and by_time is EventStatus.ONGOING and _past_narrative(trigger):
        return EventStatus.OCCURRED, INFERRED
    if by_tense is EventStatus.OCCURRED and by_time is EventStatus.PLANNED:
        if held_at or trigger.pos_ == "VERB":
            # "agreed at a meeting on Tuesday", "left on Monday": the last such day
            return EventStatus.OCCURRED, WEAK
        return EventStatus.PLANNED, INFERRED
    if by_tense is not None:
        return by_tense, WEAK
    if by_time is not None:
        return by_time, INFERRED
    present = any(t.tag_ in {"VBZ", "VBP"} for t in chain)
    return (EventStatus.PLANNED if present else EventStatus.OCCURRED), INFERRED


def _unfulfilled(verb: Token) -> bool:
    """ "Hariri was to have traveled to Edmonton": the plan of the past did not happen."""
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return (
        {"to", "have"} <= auxiliaries
        and verb.tag_ == "VBN"
        and verb.head.lemma_ == "be"
        and verb.head.tag_ == "VBD"
    )


_LEGS = {"stop", "leg", "stage", "day"}


def _on_the_trip(trigger: Token) -> bool:
    """The traveller is on the trip as the story is told: "Cohen, on the first stop of a
    five-day visit to Japan, planned ...", "the minister is on a visit to Hanoi", "is in
    Hanoi for a state visit" (not "decided on a visit", which plans one)."""
    if trigger.pos_ != "NOUN" or trigger.dep_ != "pobj":
        return False
    prep = trigger.head
    if prep.lower_ == "of" and prep.head.lemma_.lower() in _LEGS and prep.head.dep_ == "pobj":
        prep = prep.head.head
    if prep.lower_ == "for" and prep.dep_ == "prep":
        return _is_there(prep.head)  # "Hu is in Hanoi for a state visit"
    if prep.lower_ != "on" or prep.dep_ != "prep":
        return False
    return aside_on_a_trip(prep) or prep.head.lemma_ == "be"


def _is_there(verb: Token) -> bool:
    """ "is in Hanoi", "are here": someone present at a place as the story is told."""
    return (
        verb.lemma_ == "be"
        and verb.tag_ in {"VBZ", "VBP"}
        and any(
            c.dep_ == "prep" and c.lower_ in {"in", "at"} or c.lower_ in {"here", "there"}
            for c in verb.children
        )
    )


def on_first_leg(trigger: Token) -> bool:
    """ "on the first stop of a visit to Japan and Korea": the later places are still ahead."""
    prep = trigger.head
    return (
        _on_the_trip(trigger)
        and prep.lower_ == "of"
        and any(c.lower_ in {"first", "opening"} for c in prep.head.children)
    )


def _held_at(trigger: Token) -> bool:
    """ "ministers agreed at a meeting", "at their summit meeting": the verb's deed was
    done at the event, so the verb's tense is the event's."""
    phrase = _phrase_head(trigger)
    return phrase.dep_ == "pobj" and phrase.head.lower_ in {"at", "during"}


def _phrase_head(trigger: Token) -> Token:
    """ "summit" in "their summit meeting": the noun the phrase is named by."""
    while trigger.dep_ == "compound" and trigger.head.i != trigger.i:
        trigger = trigger.head
    return trigger


def _first(statuses: set[EventStatus]) -> EventStatus:
    return next(s for s in _PRECEDENCE if s in statuses)


def _cues_off(tok: Token, cues: dict[str, EventStatus]) -> bool:
    return any((st := cues.get(w)) is not None and st.coarse == "off" for w, _ in _cues_of(tok))


def _past_narrative(trigger: Token) -> bool:
    """The sentence tells of the day in the past tense ("During talks on Thursday, Hu said")."""
    return trigger.sent.root.tag_ == "VBD"
