"""Trigger words of engagements, found on the dependency parse.

In: a parsed `Doc`. Out: `Trigger`s (token + the mode it suggests), after the
checks that keep the lexicon's ambiguous words honest: "call" must be a phone
call, not a call for something; "travel" needs a destination; "meeting" is not
a cabinet or shareholders' meeting.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from summitry.events.lexicon import triggers as trigger_lexicon
from summitry.model import Mode

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PHONE_WORDS = {"phone", "telephone", "video", "videoconference", "virtual", "telephonic"}
STAY_UNITS = {"hour", "day", "night", "week", "month", "weekend", "time"}
NEEDS_DESTINATION = {"travel", "fly", "head", "leave", "depart"}
# Modifiers that make a meeting an internal or business one (ANNOTATION.md, "Not events").
NON_DIPLOMATIC = {
    "cabinet",
    "board",
    "shareholder",
    "shareholders",
    "annual",
    "staff",
    "committee",
    "plenary",
    "press",
    "business",
    "investor",
    "family",
    "church",
    "party",
    "union",
    "faculty",
    "news",
    "general",
    "stockholder",
    "creditor",
    "creditors",
    "bank",
    "banks",
}
# words of NON_DIPLOMATIC that in a capitalised name make a body of states
_NAME_WORDS = {"union", "bank", "banks", "general"}
MULTILATERAL_WORDS = {
    "trilateral",
    "three-way",
    "multilateral",
    "four-way",
    "quadrilateral",
    "multi-party",
    "multiparty",
    "ministerial",
    "regional",
    "international",
}


@dataclass(frozen=True)
class Trigger:
    token: Token
    mode: Mode

    @property
    def i(self) -> int:
        return self.token.i


def _lexicon_pos(token: Token) -> str | None:
    if token.pos_ in {"VERB", "AUX"}:
        return "VERB"
    if token.pos_ in {"NOUN", "PROPN"}:
        return "NOUN"
    return None


def _lemma(token: Token) -> str:
    lemma = token.lemma_.lower()
    if token.lower_ in {"talks", "talk"}:
        return "talk"
    if token.lower_ == "ministerial":
        return "ministerial"
    return lemma


def _has_child(token: Token, deps: set[str], words: set[str] | None = None) -> bool:
    return any(c.dep_ in deps and (words is None or c.lower_ in words) for c in token.children)


def _by_phone(token: Token) -> bool:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in {"by", "over", "on", "via"}:
            if any(g.lower_ in PHONE_WORDS for g in child.subtree):
                return True
    return False


def _phone_modified(token: Token) -> bool:
    return any(c.lower_ in PHONE_WORDS for c in token.children if c.dep_ in {"compound", "amod"})


_COUNT_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "trilateral": 3,
    "quadrilateral": 4,
    "bilateral": 2,
    "tripartite": 3,
}


def phrase_words(token: Token) -> list[str]:
    """Lower-cased words of the noun phrase a trigger heads, clauses left out."""
    words: list[str] = []
    for child in token.children:
        if child.dep_ in {"compound", "amod", "nummod", "nmod", "det", "poss"} or (
            child.dep_ == "prep" and child.lower_ == "of"
        ):
            words.extend(t.lower_ for t in child.subtree)
    return words


def party_count(token: Token) -> int | None:
    """How many parties a trigger's phrase says there are ("three-way", "the two leaders");
    not a format of delegations ("two-plus-two talks": two ministers a side)."""
    words = phrase_words(token)
    if "plus" in words or "+" in words:
        return None
    words = [w for w in words if w != "-"]
    for word, after in pairwise([*words, ""]):
        if word in _COUNT_WORDS and after.rstrip("s") not in _TIME_UNITS:
            return _COUNT_WORDS[word]  # not "a three-hour meeting", "a two-day summit"
    return None


_TIME_UNITS = {"minute", "hour", "day", "week", "month", "year"}


def find_triggers(doc: Doc) -> list[Trigger]:
    lexicon = trigger_lexicon()
    found: list[Trigger] = []
    for token in doc:
        pos = _lexicon_pos(token)
        if pos is None:
            continue
        entry = lexicon.get((_lemma(token), pos))
        if entry is None:
            continue
        mode = _check(token, entry.lemma, pos, entry.mode)
        if mode is not None:
            found.append(Trigger(token, mode))
    return found


def _plural_controller(token: Token) -> bool:
    """ "Roh and Bush have agreed to meet", "the leaders plan to meet": the subject of the
    verb that controls `token` is several parties, who meet each other."""
    current = token
    for _ in range(3):
        if current.dep_ not in {"xcomp", "ccomp"} or current.head.i == current.i:
            return False
        current = current.head
        subjects = [c for c in current.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:
            subject = subjects[0]
            return (
                any(c.dep_ == "conj" for c in subject.children)
                or subject.tag_ in {"NNS", "NNPS"}
                or subject.lower_ in {"they", "we"}
            )
    return False


def _check(token: Token, lemma: str, pos: str, mode: Mode) -> Mode | None:
    """The mode this occurrence really signals, or None when it is no engagement."""
    modifiers = [c for c in token.children if c.dep_ in {"compound", "amod", "nmod"}]
    mods = {c.lower_ for c in modifiers}
    common = {c.lower_ for c in modifiers if c.is_lower}
    # a union or bank meeting, but "the African Union summit", "the World Bank meetings"
    if (mods - _NAME_WORDS) & NON_DIPLOMATIC or common & NON_DIPLOMATIC:
        return None
    count = party_count(token) if pos == "NOUN" else None
    if count is not None and count >= 3 and mode in {Mode.MEETING, Mode.MULTILATERAL}:
        mods.add("multilateral")
    if lemma == "talk":
        if _phone_modified(token) or _by_phone(token):
            return Mode.PHONE
        if pos == "VERB" and not _has_child(token, {"prep"}, {"with"}):
            return None
        return Mode.MULTILATERAL if mods & MULTILATERAL_WORDS else Mode.MEETING
    if lemma == "call":
        if pos == "NOUN":
            if _phone_modified(token) or any(c.lower_ == "conference" for c in token.children):
                return Mode.PHONE
            return None
        if _has_child(token, {"prt"}):  # "call off", "call up"
            return None
        # "called for calm", "called a strike for Monday"; not "called Yeltsin on Monday"
        someone = any(c.dep_ == "dobj" and c.pos_ in {"PROPN", "PRON"} for c in token.children)
        preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ in {"for", "on", "off"}]
        if preps and (not someone or any(c.i == token.i + 1 for c in preps)):
            return None
        if _has_child(token, {"oprd", "xcomp", "ccomp"}):
            return None
        return Mode.PHONE if _has_child(token, {"dobj"}) or _by_phone(token) else None
    if lemma in {"conversation", "speak"}:
        return Mode.PHONE if _phone_modified(token) or _by_phone(token) else None
    if lemma in {"phone", "telephone"} and pos == "VERB":
        return Mode.PHONE
    if token.dep_ == "pcomp" and token.head.lower_ == "against":
        return None  # "advised its nationals against travelling to Iran"
    if lemma in NEEDS_DESTINATION:
        preps = {"to", "for"} if lemma != "leave" else {"for"}
        return mode if _has_child(token, {"prep"}, preps) else None
    if lemma == "stop" and not _has_child(token, {"prep"}, {"in", "at"}):
        return None
    if lemma == "spend":
        stay = [c for c in token.children if c.dep_ == "dobj" and c.lemma_ in STAY_UNITS]
        if not any(_has_child(t, {"prep"}, {"in"}) for t in [token, *stay]) or not stay:
            return None  # "spent five hours in Tanzania", not "spent money in Tanzania"
    if lemma in {"session", "forum", "gathering", "dialogue"}:
        compounds = [c for c in token.children if c.dep_ == "compound"]
        if lemma == "session":
            # "the UN General Assembly session", not "the morning session" of a cricket test
            compounds = [c for c in compounds if c.pos_ == "PROPN"]
        return mode if mods & MULTILATERAL_WORDS or compounds else None
    if lemma == "gather" and _has_child(token, {"dobj"}):
        return None  # "the Front gathers individuals from ...": collects, does not convene
    if lemma in {"receive", "host"} and not _has_child(token, {"dobj"}):
        return None
    if lemma in {"receive", "host"} and token.dep_ in {"csubj", "csubjpass"}:
        return None  # "Hosting the top diplomats is expected to help": said of no one in particular
    if lemma == "meeting" or lemma == "summit" or lemma == "negotiation":
        if mods & MULTILATERAL_WORDS:
            return Mode.MULTILATERAL
    if (
        lemma == "meet"
        and _has_child(token, {"prep"}, {"with"}) is False
        and not _has_child(token, {"dobj", "nsubj", "nsubjpass"})
        and not _plural_controller(token)
    ):
        return None
    if lemma == "meet" and any(
        c.lower_
        in {
            "demand",
            "demands",
            "target",
            "needs",
            "criteria",
            "standards",
            "requirements",
            "expectations",
            "deadline",
            "goal",
            "goals",
            "obligations",
            "conditions",
        }
        for c in token.children
        if c.dep_ == "dobj"
    ):
        return None
    return mode
