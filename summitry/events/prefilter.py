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

Sentence level is a heuristic, not a proof: our sentence ends are not always
spaCy's, and a trigger sentence needs its neighbours for pronouns ("He met
...") and for the full name and title of a person named once in the lede.
`kept_spans` keeps, when the text has at least one trigger sentence:

1. the lede (the first `LEDE_SENTENCES` sentences: dateline, who and where);
2. every trigger sentence;
3. `context` sentences before each of them (antecedents of "he", "the minister").

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
from summitry.events.triggers import NEEDS_DESTINATION, PHONE_WORDS

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
    "spend": frozenset({"in"}),  # "spent five hours in Tanzania"
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


def _is_trigger_sentence(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds a trigger form that needs no word, or its word too."""
    needs = _needs_by_form()
    words: set[str] | None = None
    for match in trigger_automaton().finditer(text, start, end):
        need = needs[match.group(0).lower()]
        if need is None:
            return True
        if words is None:
            words = set(_WORD.findall(text[start:end].lower()))
        if need & words:
            return True
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
    keep = [False] * len(sentences)
    triggered = False
    for n, (start, end) in enumerate(sentences):
        if n < lede:
            keep[n] = True
        if _is_trigger_sentence(text, start, end):
            triggered = True
            for m in range(max(0, n - context), n + 1):
                keep[m] = True
    if not triggered:
        return []
    merged: list[tuple[int, int]] = []
    for (start, end), kept in zip(sentences, keep, strict=True):
        if not kept:
            continue
        if merged and merged[-1][1] == start:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


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
