"""A cheap test for English: which language's function words the text is made of.

In: an article's body text. Out: `True` unless the text is clearly not
English. Extraction is English-only, so a clearly foreign article is refused
with an `InputError` ("not English") rather than run through the pipeline to
produce nothing, or nonsense.

Two tests, each trusted only on enough text (shorter texts pass):

1. script: if most letters (of at least `MIN_LETTERS`) are outside the Latin
   script (Hangul, Han, Cyrillic, Arabic...), the text is not English;
2. function words: English prose is 30-50% English function words ("the",
   "of", "and", "said"); French, German, Spanish, Italian, Portuguese or Dutch
   prose is full of its own ("les", "und", "que", "della") and has almost none
   of ours. A text of at least `MIN_WORDS` words with more foreign than
   English function words is not English. Counting both sides matters: English
   results tables and lists of names have few function words of either kind
   and must pass.
"""

from __future__ import annotations

import re

MIN_WORDS = 30
"""Below this many words the function-word test cannot tell, and the text is accepted."""

MIN_LETTERS = 60
"""Below this many letters the script test cannot tell."""

# The most frequent English function words (any English frequency list).
_ENGLISH = frozenset(
    """
    the of and to is was for that with as by at from it its this be are were
    has have had not but or which who will would said says their they he his
    she her been an after also than more about into over when there can could
    should may we our you your these those them what before between
    """.split()
)

# Frequent function words of other Latin-script languages of the news (fr, de,
# es, it, pt, nl), leaving out those that are English words too or occur in
# English news as names and abbreviations: de, la, le, van, von, da, el, al,
# un (UN), est (EST), ist (IST), per, non, die, a, in, on.
_FOREIGN = frozenset(
    """
    les des du et une sur pour avec dans qui pas ont aux été sont cette
    der das und nicht zu den mit auf für sich eine ein wird sind werden nach dem
    los las que por con para como del pero muy está también
    che della delle sono nel alla dei degli anche questo
    não uma pelo pela mais também foi são
    het een zijn niet voor ook wordt maar
    """.split()
)

_WORD = re.compile(r"[^\W\d_]+")


def function_word_counts(text: str) -> tuple[int, int, int]:
    """(English function words, foreign function words, words) in the first 20,000 characters."""
    words = _WORD.findall(text[:20000].lower())
    english = sum(1 for word in words if word in _ENGLISH)
    foreign = sum(1 for word in words if word in _FOREIGN)
    return english, foreign, len(words)


def latin_share(text: str) -> tuple[float, int]:
    """(share of letters in the Latin script, number of letters) in the first 20,000 characters."""
    letters = [char for char in text[:20000] if char.isalpha()]
    if not letters:
        return 1.0, 0
    latin = sum(1 for char in letters if char <= "\u024f")
    return latin / len(letters), len(letters)


def looks_english(text: str) -> bool:
    """False only when `text` is long enough to judge and clearly not English."""
    latin, letters = latin_share(text)
    if letters >= MIN_LETTERS and latin < 0.5:
        return False
    english, foreign, words = function_word_counts(text)
    return words < MIN_WORDS or foreign <= english
