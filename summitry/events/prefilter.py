"""The keyword pre-filter: skip articles and sentences that cannot hold an engagement.

In: an article's text. Out: whether it is worth parsing at all
(`might_hold_engagement`), and which character spans of it are
(`kept_spans`, `blank_outside`). No spaCy here: the point is to run before the
parser, which costs a hundred times more than this.

Why it is safe: `summitry.events.frames` only builds an event from a trigger
token whose lemma is in `summitry/data/events/triggers.tsv`. spaCy gives a
token a lemma by undoing a regular English inflection (-s, -es, -ed, -d,
-ing, a dropped final "e", "y" to "i", a doubled final consonant) or from its
exception tables; `trigger_forms` spells out every such form of every trigger
lemma, and `IRREGULAR_FORMS` the irregular ones ("met", "flew"). A text in
which none of them occurs as a whole word (case-insensitively) therefore has
no event. Whole words, not word starts: "department" is no form of "depart",
nor "headquarters" of "head", and a tokenisation quirk ("talks.The") still
leaves the word whole.

Some trigger words count only with a given word beside them in the parse:
`summitry.events.triggers` takes "left" only with a "for" ("left for Accra"),
"travel", "fly", "head" and "depart" with a "to" or "for", "speak" and
"conversation" only by phone, video and the like, the noun "stop" with an "in"
or "at". Those words are children of the trigger or in a child's subtree, and
spaCy keeps a token's children in its sentence; so a sentence whose only
trigger forms lack their word cannot give an event (`SENTENCE_NEEDS`). A
trigger sentence is a sentence with a trigger form that needs nothing, or
whose word is in the sentence too.

Some occurrences of a trigger form are none, by the same checks read off the
words beside them (`_ruled_out`; each mirrors a rule of
`summitry.events.triggers._check`, and tests/batch/test_prefilter.py parses a
case of each):

- a noun trigger right after a word that makes a meeting an internal one
  ("press conference", "cabinet meeting": `NON_DIPLOMATIC`);
- a form of a verb-only trigger used as a noun, after an article or possessive
  ("the head of", "his left ankle") or before "of" ("head of state", "a host of");
  the lexicon has these lemmas as verbs only;
- a form of a noun-only trigger used as a verb, after "to", a modal or "not"
  ("to stop the attacks");
- "call" in "called for", "called on", "call off", "so-called", "is called", and
  the noun "call" without a phone word or "conference" in its sentence;
- "receive" and "host" in the passive ("was received", "hosted by"): no
  direct object, which the check requires.

Sentence level is a heuristic, not a proof: our sentence ends are not always
spaCy's, and a trigger sentence needs its neighbours for pronouns ("He met
...") and for the full name and title of a person named once in the lede.
`kept_spans` keeps, when the text has at least one trigger sentence:

1. the lede (the first `LEDE_SENTENCES` sentences: dateline, who and where):
   its first sentence always, a later one when it names something a trigger
   sentence names (a capitalised word: "Ryutaro Hashimoto" for "Hashimoto
   will visit") or when the kept sentence after it goes on with a pronoun
   ("He ...": the antecedent may be in it);
2. every trigger sentence;
3. `context` sentences before each of them, when it needs them: when it goes on
   with a pronoun or a description ("he", "the two leaders": the antecedents)
   or names what they name (the full name and title of "Hashimoto"), or when
   they hold a date (the day of a visit told the sentence before).

Without a trigger sentence it keeps nothing: the article is not parsed.

Everything else is blanked to spaces of the same length (`blank_outside`), so
character offsets, and with them evidence spans and time expressions, stay
those of the original text. The dev-set measurement (`benchmarks/prefilter.py`)
checks that no gold-matched event is lost.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from summitry.events.lexicon import triggers as trigger_lexicon
from summitry.events.triggers import (
    _NAME_WORDS,
    NEEDS_DESTINATION,
    NON_DIPLOMATIC,
    PHONE_WORDS,
    STAY_UNITS,
)

LEDE_SENTENCES = 3
DEFAULT_CONTEXT = 1

# Forms the regular rules do not make ("met" is not an inflection of "meet" by rule).
IRREGULAR_FORMS: dict[str, tuple[str, ...]] = {
    "fly": ("flew", "flown"),
    "forum": ("fora",),
    "leave": ("left",),
    "meet": ("met",),
    "speak": ("spoke", "spoken"),
    "spend": ("spent",),
    "tete-a-tete": ("tete", "tête"),
}
_VOWELS = "aeiou"

# Trigger lemma -> the words one of which must be in its sentence for
# `summitry.events.triggers._check` to take it (see the module docstring). Keep in
# step with `_check`; tests/batch/test_prefilter.py parses a case of each.
SENTENCE_NEEDS: dict[str, frozenset[str]] = {
    **{lemma: frozenset({"to", "for"}) for lemma in NEEDS_DESTINATION - {"leave"}},
    "leave": frozenset({"for"}),  # a "prep" child "for"
    "speak": frozenset(PHONE_WORDS),  # _phone_modified or _by_phone
    "conversation": frozenset(PHONE_WORDS),
    "stop": frozenset({"in", "at"}),  # the noun only: "his stop in Seoul"
    # "spent five hours in Tanzania": an "in" and a stay as the object; the rarer word
    "spend": frozenset(unit + end for unit in STAY_UNITS for end in ("", "s")),
}


def trigger_forms(lemmas: Iterable[str]) -> list[str]:
    """Every inflected form of `lemmas` (see the module docstring), lower-cased and sorted.

    Over-generating is harmless ("arrivaled" never occurs); missing a form
    would lose events, so each rule that may apply is applied.
    """
    forms: set[str] = set()
    for lemma in (lemma.lower() for lemma in lemmas):
        forms |= {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
        if lemma.endswith("e"):  # arrive -> arriving, arrived
            forms |= {lemma[:-1] + "ing", lemma[:-1] + "ed"}
        if lemma.endswith("y"):  # fly -> flies (the lemmatiser's rule is blind to the vowel)
            forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
        if lemma.endswith("f"):
            forms.add(lemma[:-1] + "ves")
        if lemma.endswith("man"):
            forms.add(lemma[:-3] + "men")
        if (
            len(lemma) >= 3
            and lemma[-1] not in _VOWELS + "wxy"
            and lemma[-2] in _VOWELS
            and lemma[-3] not in _VOWELS
        ):  # stop -> stopped, travel -> travelled
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
        forms.update(IRREGULAR_FORMS.get(lemma, ()))
    return sorted(forms)


def _alternation(words: Sequence[str]) -> str:
    """A regular-expression alternation shaped as a trie of `words`: a keyword automaton."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict[str, dict]) -> str:
        branches = []
        optional = "" in node
        for char in sorted(k for k in node if k):
            branches.append(re.escape(char) + render(node[char]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if optional:
            return "(?:" + body + ")?"
        return body

    return render(trie)


@lru_cache(maxsize=1)
def trigger_automaton() -> re.Pattern[str]:
    """The compiled matcher of trigger forms, as whole words."""
    lemmas = {entry.lemma for entry in trigger_lexicon().values()}
    return re.compile(r"\b" + _alternation(trigger_forms(lemmas)) + r"\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _needs_by_form() -> dict[str, frozenset[str] | None]:
    """Trigger form (lower case) -> the words one of which its sentence must hold;
    None when a lemma it may come from needs none ("meeting": "meet" and "meeting")."""
    needs: dict[str, frozenset[str] | None] = {}
    for lemma in sorted({entry.lemma for entry in trigger_lexicon().values()}):
        need = SENTENCE_NEEDS.get(lemma)
        for form in trigger_forms([lemma]):
            if form in needs and needs[form] is None:
                continue
            needs[form] = None if need is None else (needs.get(form) or frozenset()) | need
    return needs


_WORD = re.compile(r"[^\W\d_]+")


def _words(text: str, start: int, end: int) -> set[str]:
    """The lower-cased words of text[start:end]."""
    return set(_WORD.findall(text[start:end].lower()))


def _is_trigger_sentence(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds a trigger form that needs no word, or its word too."""
    needs = _needs_by_form()
    words: set[str] | None = None
    for match in trigger_automaton().finditer(text, start, end):
        if _ruled_out(text, match, start, end):
            continue
        need = needs[match.group(0).lower()]
        if need is None:
            return True
        if words is None:
            words = _words(text, start, end)
        if need & words:
            return True
    return False


@lru_cache(maxsize=1)
def _parts_of_speech() -> dict[str, frozenset[str]]:
    """Trigger form (lower case) -> the parts of speech of the lexicon entries it may come from."""
    found: dict[str, set[str]] = {}
    for entry in trigger_lexicon().values():
        for form in trigger_forms([entry.lemma]):
            found.setdefault(form, set()).add(entry.pos)
    return {form: frozenset(pos) for form, pos in found.items()}


# Words after which a verb-only trigger form is a noun: articles and possessives
# ("the head", "his left ankle"); not "that" or "her", which may stand before a verb
# ("the republic that hosts", "saw her leave").
_NOUN_MARKERS = frozenset("the a an his its their our my your each every no any".split())
# Words after which a noun-only trigger form is a verb: "to stop", "will stop", "not stop"
_VERB_MARKERS = frozenset("to will would can could should must may might not".split())
_INTERNAL = frozenset(NON_DIPLOMATIC - _NAME_WORDS)  # "Press Conference" is one too
_BE = frozenset("be is are was were been being".split())
_CALL = frozenset({"call", "calls", "called", "calling"})
_CALL_PARTICLES = frozenset({"for", "on", "off", "out", "up"})  # prep or particle: no call
_WORD_BEFORE_FORM = re.compile(r"([A-Za-z]+)([ -])$")
_WORD_AFTER_FORM = re.compile(r" ([A-Za-z]+)")


def _ruled_out(text: str, match: re.Match[str], start: int, end: int) -> bool:
    """Whether this occurrence of a trigger form is no trigger, by the words beside it
    (see the module docstring); `start`, `end`: its sentence."""
    form = match.group(0).lower()
    pos = _parts_of_speech()[form]
    before = _WORD_BEFORE_FORM.search(text, max(start, match.start() - 20), match.start())
    after = _WORD_AFTER_FORM.match(text, match.end(), end)
    prev = before.group(1).lower() if before and before.group(2) == " " else None
    joined = before.group(1).lower() if before and before.group(2) == "-" else None
    following = after.group(1).lower() if after else None
    if prev is not None and before is not None:
        internal = prev in _INTERNAL or before.group(1) in NON_DIPLOMATIC
        if internal and (pos == {"NOUN"} or form == "meeting"):  # "a cabinet meeting": no verb
            return True
    if pos == {"NOUN"} and prev in _VERB_MARKERS:  # "to stop the attacks": the verb
        return True
    if pos == {"VERB"}:
        if prev in _NOUN_MARKERS or (following == "of" and not form.endswith(("ed", "ing"))):
            return True
        if form in {"received", "hosted"} and (following == "by" or prev in _BE):
            return True
    if form in _CALL:
        if following in _CALL_PARTICLES or "so" in (prev, joined):
            return True
        if form == "called" and prev in _BE:  # "is called Amur", "were called in": no object
            return not _words(text, start, end) & PHONE_WORDS
        if prev in _NOUN_MARKERS:  # the noun: a phone call only
            return not _words(text, start, end) & (PHONE_WORDS | {"conference"})
    return False


def might_hold_engagement(text: str) -> bool:
    """False only when `text` holds no form of any trigger word, so no event can come of it."""
    return trigger_automaton().search(text) is not None


# A sentence ends at . ! ? (and closing quotes or brackets) before whitespace and a
# capital, digit or opening quote, or at a blank line. Not at a single line break: wire
# copy wraps its lines mid-sentence. Not after an abbreviation ("the Deputy U.S. Trade
# Representative", "Gen. Smith"). Still coarse; the context sentence before each
# trigger sentence covers a sentence cut too early.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n[ \t]*\n\s*")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.$")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen sen rep gov lt col maj capt sgt adm cmdr st mt ft jan feb mar apr jun "
    "jul aug sep sept oct nov dec no co corp inc ltd jr sr vs prof rev hon est approx".split()
)


def _abbreviation_before(text: str, end: int) -> bool:
    """Whether the "." at text[end - 1] closes an abbreviation or an initial ("U.S.", "J.")."""
    match = _WORD_BEFORE.search(text, max(0, end - 12), end)
    if match is None:
        return False
    word = match.group(1)
    return len(word) == 1 or word.lower() in _ABBREVIATIONS


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of `text` (coarse, see `_SENTENCE_END`)."""
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if text[match.start()] == "." and _abbreviation_before(text, match.start() + 1):
            continue
        end = match.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def kept_spans(
    text: str, *, context: int = DEFAULT_CONTEXT, lede: int = LEDE_SENTENCES
) -> list[tuple[int, int]]:
    """The character spans worth parsing, merged and in order; [] when no sentence is a
    trigger sentence (see the module docstring)."""
    sentences = sentence_spans(text)
    triggers = [n for n, (s, e) in enumerate(sentences) if _is_trigger_sentence(text, s, e)]
    if not triggers:
        return []
    keep = [False] * len(sentences)
    for n in triggers:
        keep[n] = True
        for m in range(max(0, n - context), n):
            keep[m] = keep[m] or _needs_context(text, sentences[n], sentences[m])
    named = set().union(*(_names(text, *sentences[n]) for n in triggers))
    for n in reversed(range(min(lede, len(sentences)))):  # from the last, for "He ..." chains
        after = sentences[n + 1] if n + 1 < len(sentences) else None
        continued = after is not None and keep[n + 1] and _PRONOUN.search(text, *after)
        if n == 0 or continued or _names(text, *sentences[n]) & named:
            keep[n] = True
    merged: list[tuple[int, int]] = []
    for (start, end), kept in zip(sentences, keep, strict=True):
        if not kept:
            continue
        if merged and merged[-1][1] == start:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


_PRONOUN = re.compile(r"\b(?:he|she|they|his|her|him|them|their|its)\b", re.IGNORECASE)
_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z'’-]*[A-Za-z]{2}\b")
_DAYS_AND_MONTHS = (
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December".split()
)
# Capitalised words that name nothing: what starts a sentence, days and months
_NOT_NAMES = frozenset(
    "The This That These Those But And Or He She They His Her It Its Their There Then We Our "
    "In On At As For By To Of After Before When While However With From Under Over During Also "
    "Meanwhile Earlier Later Since Some Many Most Other Both Such What Who Which Last Next".split()
    + _DAYS_AND_MONTHS
)


# A description whose referent an earlier sentence names: "the two leaders", "both sides"
_DESCRIPTION = re.compile(
    r"\b(?:the|both) (?:[a-z]+ )?(?:two|three|four|both|latter|former|leaders?|ministers?|"
    r"presidents?|premiers?|chancellors?|king|queen|prince|envoys?|delegations?|sides?|"
    r"visitors?|guests?|hosts?|officials?|secretary|diplomats?|pair|counterparts?|chief|head|"
    r"countries|nations?|governments?)\b",
    re.IGNORECASE,
)


# A date the sentence after may take as its own ("-- November 1986" over a list item)
_DATE_WORD = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.|\b(?:"
    + "|".join(_DAYS_AND_MONTHS)
    + r"|yesterday|today|tomorrow|(?:1[89]|2[01])\d\d)\b"
)


def _needs_context(text: str, sentence: tuple[int, int], before: tuple[int, int]) -> bool:
    """Whether `sentence` may take who, where or when from the sentence `before` it."""
    return bool(
        _PRONOUN.search(text, *sentence)
        or _DESCRIPTION.search(text, *sentence)
        or _DATE_WORD.search(text, *before)
        or _names(text, *sentence) & _names(text, *before)
    )


def _names(text: str, start: int, end: int) -> set[str]:
    """The capitalised words of text[start:end] that may name someone or something."""
    return set(_CAPITALISED.findall(text, start, end)) - _NOT_NAMES


_NOT_NEWLINE = re.compile(r"[^\n]")


def blank_outside(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """`text` with everything outside `spans` replaced by spaces (line breaks kept).

    The result has the same length, so offsets into it are offsets into `text`.
    """
    pieces = []
    position = 0
    for start, end in spans:
        if start > position:
            pieces.append(_NOT_NEWLINE.sub(" ", text[position:start]))
        pieces.append(text[start:end])
        position = end
    if position < len(text):
        pieces.append(_NOT_NEWLINE.sub(" ", text[position:]))
    return "".join(pieces)


def within(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) lies inside one of `spans`."""
    return any(s <= start and end <= e for s, e in spans)
