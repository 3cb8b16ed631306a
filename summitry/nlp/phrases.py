"""Phrase matching that sees through line breaks.

spaCy keeps a line break inside a sentence as a whitespace token
("the United\\nStates" is three tokens), so a PhraseMatcher pattern of two
words misses it. `match_phrases` runs the matcher on the Doc, and, when the
Doc holds whitespace tokens, once more on a copy without them, mapping those
matches back to the Doc's tokens. Tokens are never changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc


def match_phrases(matcher: PhraseMatcher, doc: Doc) -> list[tuple[int, int, int]]:
    """(match_id, start, end) of every match in `doc`, line breaks inside a phrase allowed."""
    from spacy.tokens import Doc as DocType

    matches = {(m, s, e) for m, s, e in matcher(doc)}
    kept = [t.i for t in doc if not t.is_space]
    if len(kept) == len(doc):
        return sorted(matches, key=lambda m: (m[1], m[2]))
    compact = DocType(doc.vocab, words=[doc[i].text for i in kept])
    for match_id, start, end in matcher(compact):
        first, last = kept[start], kept[end - 1] + 1
        if last - first != end - start:  # only the matches that crossed a space token
            matches.add((match_id, first, last))
    return sorted(matches, key=lambda m: (m[1], m[2]))
