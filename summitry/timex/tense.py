"""Which way a relative expression points, read from the verbs around it.

`direction(text, start, end)` returns -1 (past), +1 (future) or 0 (present
or unknown) for the expression at `text[start:end]`. It works on raw text:

1. take the sentence around the expression (a full stop after "a.m." or "Gen." ends none);
2. find tense cues in it (will / is expected to / plan to / they meet -> future; said /
   met / -ed -> past; is / says -> present), from `lexicon.json`; compound adjectives
   ("long-stalled") and "un-...-ed" words are not verbs, and a plan in the past perfect
   ("had been due to") is past;
3. the cue nearest the expression in tokens wins; a cue across a comma or a
   reporting verb ("said") not next to the expression counts as farther away,
   so "will visit on Sunday, officials said" points to the future; once a verb before
   the expression has spoken, a "that" clause after it is what was said, not when.

Prepositions decide before verbs do: "since (his inauguration in) June" is past, "postponed
to Monday" future, and a deadline a verb sets ("extended ... until January") is not held to
that verb's past unless the past perfect closes it. `cue_of` also says how far the deciding
cue is, so that a caller can trust a near verb more than a far one.
"""

from __future__ import annotations

import re

from summitry.timex.lexicon import LEX, TENSE_CUES

_TOKEN = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*(?:'[a-z]+)?|[,;:()\"]|--")
_VERB_PREFIXES = set(LEX["grammar"]["verb_prefixes"])  # "re-elected" is still a verb
_SENTENCE_END = re.compile(r"[.!?][\"')]*\s+(?=[\"'(]?[A-Z])|\n\s*\n")
_LAST_WORD = re.compile(r"([A-Za-z.]+)$")
_ABBREVIATIONS = set(LEX["abbreviations"])
_REPORTING = {"said", "says", "told", "announced", "reported", "added", "stated", "confirmed"}
_FUTURE = {c for c in TENSE_CUES["future"] if " " not in c}
_FUTURE_PAIRS = {tuple(c.split()) for c in TENSE_CUES["future"] if " " in c}
_PAST = set(TENSE_CUES["past"])
_PRESENT = set(TENSE_CUES["present"])
_NOT_PAST_ED = set(TENSE_CUES["not_past_ed"])
_SCHEDULED = set(TENSE_CUES["scheduled_base"])
_DEADLINE_VERBS = set(TENSE_CUES["deadline_verbs"])
_RAISING = set(TENSE_CUES["raising_verbs"])  # "said to be", "believed to be"
# "is continuing", "are trying": a progressive of a state under way, not of a plan ahead
_ONGOING = {"being", "nothing", "something", *TENSE_CUES["ongoing_progressive"]}
_AUXILIARIES = set(LEX["grammar"]["auxiliaries"])  # "did not meet": not a plan
_DETERMINERS = set(LEX["grammar"]["determiners"])  # "the meet": a noun
_CONJUNCTIONS = {
    "and",
    "but",
    "while",
    "when",
    "after",
    "before",
    "because",
    "although",
    "as",
    "since",
    "until",
    "that",  # "said on Monday that talks would resume": the clause after it is what was said
}
_WINDOW = 12  # tokens on each side; a verb farther away rarely governs the expression


def _ends_sentence(text: str, m: re.Match[str]) -> bool:
    """Whether a full stop ends a sentence, not an abbreviation ("4 a.m. EDT", "Gen. Lee")."""
    if text[m.start()] != ".":
        return True
    word = _LAST_WORD.search(text, max(0, m.start() - 12), m.start())
    if word is None:
        return True
    w = word.group(1).lower()
    return not (len(w) == 1 or w in _ABBREVIATIONS or "." in w)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The character range of the sentence containing `text[start:end]`."""
    left = max(0, start - 400)
    s = left
    for m in _SENTENCE_END.finditer(text, left, start):
        if _ends_sentence(text, m):
            s = m.end()
    e = min(len(text), end + 400)
    for m in _SENTENCE_END.finditer(text, end, end + 400):
        if _ends_sentence(text, m):
            e = m.start() + 1
            break
    return s, e


def _passive_infinitive(words: list[str], i: int) -> int:
    """+1 for "(elections) to be held", "(a report) to be published": a plan; 0 for other
    passives, and for "was said to be killed", where the infinitive reports the past."""
    if i > 1 and words[i - 1] == "be" and words[i - 2] == "to":
        if i < 3 or words[i - 3] not in _RAISING:
            return 1
    return 0


def _in_past_perfect(words: list[str], i: int) -> bool:
    """Whether `words[i]` follows "had" or "had been" ("had been widely expected")."""
    if i > 0 and words[i - 1].endswith("ly"):
        i -= 1
    previous = words[i - 1] if i > 0 else ""
    return previous == "had" or previous == "been" and i > 1 and words[i - 2] == "had"


def _cue(words: list[str], i: int) -> int:
    word = words[i]
    if "-" in word:
        head, _, rest = word.partition("-")
        if head not in _VERB_PREFIXES:
            return 0  # "long-stalled", "US-backed": compound adjectives, not verbs
        word = rest.replace("-", "")
    nxt = words[i + 1] if i + 1 < len(words) else ""
    previous = words[i - 1] if i > 0 else ""
    if (word, nxt) in _FUTURE_PAIRS or word in _FUTURE:
        # "had been due to expire Friday", and the infinitive of such a plan: "had
        # been expected to present it Wednesday" is a plan now past.
        plan = i - 1 if word == "to" and previous in _FUTURE else i
        if _in_past_perfect(words, plan):
            return -1
        before_plan = words[plan - 1] if plan > 0 else ""
        if before_plan.endswith("ly") and plan > 1:
            before_plan = words[plan - 2]
        if before_plan in ("as", "than") and (word, nxt) not in _FUTURE_PAIRS:
            return 0  # "began as previously planned", "rose more than expected": no plan ahead
        if word == "to" and previous == ",":
            return 0  # "shed 3 percent, to close on Friday at 3,550": a result, not a plan
        return 1
    # "will be formally set up": an adverb between the auxiliary and the participle
    aux_at = i - 2 if previous.endswith("ly") and i > 1 else i - 1
    auxiliary = words[aux_at] if aux_at >= 0 else ""
    if word in _PAST:
        if auxiliary in ("be", "being", "is", "are"):
            # "will be held", "is heard": a passive participle takes the auxiliary's tense.
            return _passive_infinitive(words, aux_at + 1)
        # "was planning to", "were expected to", "was due": a plan seen from the past.
        if word in ("was", "were") and (
            nxt in _FUTURE or nxt in ("planning", "preparing", "going", "hoping")
        ):
            return 1
        return -1
    if word in _SCHEDULED and previous not in _DETERMINERS and previous not in _AUXILIARIES:
        return 1  # "they meet Monday", "talks resume Friday": a present tense for a plan
    if word in _PRESENT:
        # "is meeting", "are visiting": the progressive of a planned act points ahead.
        planned = nxt.endswith("ing") and nxt not in _ONGOING
        return 1 if planned else 2
    if word.startswith("un") and word.endswith("ed"):
        return 0  # "unspecified", "unnamed": adjectives, not verbs in the past
    if len(word) > 4 and word.endswith("ed") and word not in _NOT_PAST_ED:
        if auxiliary in ("be", "being", "is", "are"):
            return _passive_infinitive(words, aux_at + 1)  # "will be named", as above
        return -1
    return 0


_PREPOSITION = re.compile(
    r"\b(since|until|till|through|by)\s+(?:(?:the|their|its|his|her|our|your|my)\s+)?"
    r"(?:mid-?|early\s+|late\s+)?"
    r"(?:(?:noon|midnight|\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?\s?m\.?)\s+(?:[A-Z]{2,4}\s+)?)?$",
    re.I,
)


_SINCE_EVENT = re.compile(r"\bsince\s+(?:[\w'’-]+\s+){1,7}(?:in|on)\s+$", re.I)
_PUT_OFF = re.compile(
    r"\b(?:postponed|delayed|deferred|adjourned|put\s+off|pushed\s+back|rescheduled|moved)"
    r"\s+(?:(?:it|them|the\s+\w+)\s+)?(?:to|until|till)\s+(?:next\s+)?$",
    re.I,
)
_PAST_PERFECT = re.compile(r"\bhad\b|\bhadn't\b", re.I)


def direction(text: str, start: int, end: int) -> int:
    """-1 if the expression at `text[start:end]` is in a past context, +1 if future, else 0."""
    return cue_of(text, start, end)[0]


def cue_of(text: str, start: int, end: int) -> tuple[int, float]:
    """`direction` and how far (in tokens, with penalties) the cue that decided it lies."""
    prep = _PREPOSITION.search(text, max(0, start - 36), start)
    if (
        prep is not None
        and prep.group(1).lower() == "since"
        or _SINCE_EVENT.search(text, max(0, start - 90), start)
    ):
        return -1, 0.0  # "since March", "since his inauguration in June": before now
    if _PUT_OFF.search(text, max(0, start - 40), start):
        return 1, 0.0  # "the vote was postponed to Monday": a new date lies ahead
    s, e = sentence_bounds(text, start, end)
    # Twelve tokens rarely span more than 150 characters: read no further.
    s, e = max(s, start - 150), min(e, end + 150)
    before = [(m.group().lower(), m.start()) for m in _TOKEN.finditer(text, s, start)][-_WINDOW:]
    after = [(m.group().lower(), m.start()) for m in _TOKEN.finditer(text, end, e)][:_WINDOW]
    best: tuple[float, int] | None = None
    present = float(_WINDOW)  # how near a present tense ("is", "are") is, if no other cue
    for side, tokens in ((-1, before[::-1]), (1, after)):
        words = [w for w, _ in tokens]
        ordered = words[::-1] if side < 0 else words  # left-to-right for the pair lookup
        penalty = 0.0
        for k, word in enumerate(words):
            if word in (",", ";", ":", "(", ")", "--", '"'):
                penalty += 3
                continue
            if side > 0 and word == "that" and best is not None:
                # "made it clear Thursday that he would take up": what follows "that" is
                # what was said or meant, not when, once a verb before the day dates it.
                break
            if word in _CONJUNCTIONS:
                penalty += 2
                continue
            i = len(words) - 1 - k if side < 0 else k
            cue = _cue(ordered, i)
            if side > 0 and cue == 1 and (word == "to" or ordered[i - 1 : i] == ["be"]):
                # "fell on Friday to close at $20": an infinitive after the expression
                # is mostly one of purpose, not a plan.
                cue = 0
            if cue == 0:
                continue
            distance = k + 1 + penalty
            if word in _REPORTING and (k > (3 if side < 0 else 1) or side > 0 and penalty):
                # "will visit on Sunday, officials said", "to assume the post in January,
                # said": the report is not the visit; but "said here on Wednesday", "said
                # in Paris on Monday" date the saying.
                distance += 10
            if cue == 2:
                if word not in _REPORTING:
                    present = min(present, distance)
                continue  # "is", "says": no direction; a verb farther away may tell
            if best is None or distance < best[0]:
                best = (distance, cue)
            break  # only the nearest cue on each side counts
    way, distance = (best[1], best[0]) if best else (0, present)
    if (
        prep is not None
        and way < 0
        and not _PAST_PERFECT.search(text, s, e)
        and any(w in _DEADLINE_VERBS for w, _ in before)
    ):
        # "extended loans through January", "gave it until mid-November": a deadline set
        # in the past usually lies ahead, unless the past perfect closes it ("had filed
        # reports by Wednesday"); "stayed until Tuesday" sets none.
        return 0, distance
    return way, distance
