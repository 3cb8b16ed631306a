"""Phrase matching that sees through line breaks.

spaCy keeps a line break inside a sentence as a whitespace token
("the United\\nStates" is three tokens), so a PhraseMatcher pattern of two
words misses it. `match_phrases` runs the matcher on the Doc and, around each
whitespace token, once more on a short window without it, mapping those
matches back to the Doc's tokens. Tokens are never changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

# Tokens on each side of a line break that a phrase may span (the longest
# gazetteer phrases are about this long).
WINDOW = 6


def match_phrases(matcher: PhraseMatcher, doc: Doc) -> list[tuple[int, int, int]]:
    """(match_id, start, end) of every match in `doc`, line breaks inside a phrase allowed."""
    from spacy.attrs import IS_SPACE
    from spacy.tokens import Doc as DocType

    matches = set(matcher(doc))
    n = len(doc)
    spaces = [i for i, flag in enumerate(doc.to_array(IS_SPACE)) if flag and 0 < i < n - 1]
    for i in spaces:
        if doc[i - 1].is_space or doc[i + 1].is_space or doc[i - 1].is_punct:
            continue
        start, end = max(0, i - WINDOW), min(n, i + WINDOW + 1)
        kept = [j for j in range(start, end) if not doc[j].is_space]
        window = DocType(doc.vocab, words=[doc[j].text for j in kept])
        for match_id, first, last in matcher(window):
            a, b = kept[first], kept[last - 1] + 1
            if a < i < b:  # only the matches that cross this line break
                matches.add((match_id, a, b))
    return sorted(matches, key=lambda m: (m[1], m[2]))
