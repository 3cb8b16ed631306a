"""The keyword pre-filter: skip articles and sentences that cannot hold an engagement.

In: an article's text. Out: whether it is worth parsing at all
(`might_hold_engagement`), and which character spans of it are
(`kept_spans`, `blank_outside`). No spaCy here: the point is to run before the
parser, which costs a hundred times more than this.

Why it is safe: `summitry.events.frames` only builds an event from a trigger
token whose lemma is in `summitry/data/events/triggers.tsv`. A text in which no
inflected form of any trigger lemma occurs therefore has no event. The
automaton matches *word starts* ("visit" matches "visits", "visited",
"visitor"), case-insensitively, so a tokenisation quirk ("talks.The") or an
unexpected inflection cannot hide a trigger; it only lets more text through.

Sentence level is a heuristic, not a proof: a trigger sentence needs its
neighbours for pronouns ("He met ...") and for the full name and title of a
person named once in the lede. `kept_spans` keeps:

1. the lede (the first `LEDE_SENTENCES` sentences: dateline, who and where);
2. every sentence holding a trigger form;
3. `context` sentences before each of them (antecedents of "he", "the minister").

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

LEDE_SENTENCES = 3
DEFAULT_CONTEXT = 1

# Forms a stem of the lemma does not reach ("met" is not a word start of "meet").
IRREGULAR_FORMS: dict[str, tuple[str, ...]] = {
    "fly": ("flew", "flown", "flies", "flying"),
    "leave": ("left",),
    "meet": ("met",),
    "speak": ("spoke", "spoken"),
    "tete-a-tete": ("tete", "tête"),
}
# Irregular forms that are also common word starts of unrelated words ("left" ok, "met" -> "metal")
_WHOLE_WORD_ONLY = {"met", "left", "tete", "tête"}


def trigger_stems(lemmas: Iterable[str]) -> tuple[list[str], list[str]]:
    """(word-start stems, whole words) that every inflection of `lemmas` begins with or is.

    The stem drops a final "e" or "y" ("arrive" -> "arriv" for "arrived",
    "journey" keeps its "y" because "journeys" keeps it too, but "fly" ->
    "fl" would match too much and is covered by `IRREGULAR_FORMS`).
    """
    starts: set[str] = set()
    whole: set[str] = set()
    for lemma in lemmas:
        lemma = lemma.lower()
        if lemma.endswith("e") and len(lemma) > 4:
            starts.add(lemma[:-1])  # arrive -> arriv(ed|ing|al)
        elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou" and len(lemma) > 3:
            starts.add(lemma[:-1] + "i")  # (not used by the current lexicon)
            starts.add(lemma)
        else:
            starts.add(lemma)
        for form in IRREGULAR_FORMS.get(lemma, ()):
            (whole if form in _WHOLE_WORD_ONLY else starts).add(form)
    return sorted(starts), sorted(whole)


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
    """The compiled matcher of trigger forms: a word start (or a whole irregular word)."""
    lemmas = {entry.lemma for entry in trigger_lexicon().values()}
    starts, whole = trigger_stems(lemmas)
    parts = [r"\b" + _alternation(starts)]
    if whole:
        parts.append(r"\b" + _alternation(whole) + r"\b")
    return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)


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


def sentence_might_hold_engagement(sentence: str) -> bool:
    """The sentence-level test: the sentence holds a trigger form."""
    return might_hold_engagement(sentence)


def kept_spans(
    text: str, *, context: int = DEFAULT_CONTEXT, lede: int = LEDE_SENTENCES
) -> list[tuple[int, int]]:
    """The character spans worth parsing, merged and in order (see the module docstring)."""
    sentences = sentence_spans(text)
    automaton = trigger_automaton()
    keep = [False] * len(sentences)
    for n, (start, end) in enumerate(sentences):
        if n < lede:
            keep[n] = True
        if automaton.search(text, start, end):
            for m in range(max(0, n - context), n + 1):
                keep[m] = True
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
