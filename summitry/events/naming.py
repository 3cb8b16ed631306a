"""Reading names: the title and country written around a person's name, the forms of a
name that refer to one person, and which names are places, bodies or news outlets.

Helpers of `summitry.events.actors`; they read the parse and the gazetteer only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summitry.nlp import gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


_SURNAME_PREFIXES = ("al-", "el-", "ad-", "as-", "ash-", "bin-", "abu-")


def bare_surname(word: str) -> str:
    """ "Al-Hariri" and "Hariri" are one surname."""
    lower = word.lower()
    for prefix in _SURNAME_PREFIXES:
        if lower.startswith(prefix) and len(word) > len(prefix) + 1:
            return word[len(prefix) :]
    return word


def clean_name(text: str) -> str:
    text = text.replace("\n", " ").strip(" ,.;:'\"")
    if text[:4].lower() == "the ":
        text = text[4:]
    if text.endswith("'s") or text.endswith("’s"):
        text = text[:-2]
    return " ".join(text.split())


def join_adjacent(spans: list[Span]) -> list[Span]:
    """ "Susilo Bambang" + "Yudhoyono" cut in two by the tagger are one name."""
    out: list[Span] = []
    for span in spans:
        if out and out[-1].end == span.start and span.doc[span.start].tag_ == "NNP":
            out[-1] = span.doc[out[-1].start : span.end]
        else:
            out.append(span)
    return out


def written_aliases(written: str, canonical: str) -> tuple[str, ...]:
    return (written,) if written != canonical else ()


def is_media(text: str) -> bool:
    from summitry.events.lexicon import media_outlets

    lower = text.lower()
    words = set(lower.replace("-", " ").split())
    return lower in media_outlets() or bool(
        words & {"news", "press", "broadcasting", "newspaper", "television"}
    )


def is_place(text: str) -> bool:
    place = gazetteer.lookup_place(clean_name(text))
    return place is not None and place.kind in {"country", "capital", "metonym"}


def looks_like_body(span: Span) -> bool:
    """An ORG entity that can take part in diplomacy (a party, ministry, body)."""
    words = {t.lower_ for t in span}
    bodies = {
        "party",
        "ministry",
        "department",
        "government",
        "council",
        "commission",
        "union",
        "league",
        "organization",
        "organisation",
        "community",
        "front",
        "congress",
        "parliament",
        "assembly",
        "agency",
        "office",
        "democrats",
        "republicans",
        "liberals",
        "conservatives",
        "socialists",
        "unionists",
        "forum",
        "group",
    }
    return bool(words & bodies)


def country_inside(span: Span) -> str | None:
    for tok in span:
        iso = gazetteer.lookup_demonym(tok.text)
        if iso:
            return iso
        place = gazetteer.lookup_place(tok.text)
        if place and place.country and place.kind == "country":
            return place.country
    return None


def title_and_country(span: Span) -> tuple[str | None, str | None]:
    """Read the title and country written around a person's name.

    Left: "U.S. Secretary of State Antony Blinken", "Japan's Prime Minister X",
    "Chinese Foreign Minister X". Right: "King Fahd of Saudi Arabia",
    "X, South Korea's foreign minister,".
    """
    doc = span.doc
    words: list[Token] = []
    i = span.start - 1
    while i >= 0 and span.start - i <= 8:
        tok = doc[i]
        if (
            tok.text in {"'s", "’s", "of", "-", "the"}
            or tok.text[:1].isupper()
            and tok.pos_ in {"PROPN", "ADJ", "NOUN"}
        ):
            words.insert(0, tok)
            i -= 1
            continue
        if tok.lower_ in {"foreign", "prime", "defense", "defence", "finance", "trade"} or (
            tok.lower_ in _TITLE_VOCAB and tok.pos_ == "NOUN"  # "Palestinian president X"
        ):
            words.insert(0, tok)
            i -= 1
            continue
        break
    title_words = [t.text for t in words if t.lower_ in _TITLE_VOCAB or t.text == "of" and words]
    country = None
    for t in words:
        iso = gazetteer.lookup_demonym(t.text)
        if iso is None:
            place = gazetteer.lookup_place(t.text)
            iso = place.country if place and place.kind == "country" else None
        if iso:
            country = iso
    if country is None:
        for start in range(0, len(words)):
            for end in range(len(words), start + 1, -1):
                place = gazetteer.lookup_place(" ".join(t.text for t in words[start:end]))
                if place is not None and place.kind == "country":
                    country = place.country
                    break
            if country:
                break
    # Right side: "of Saudi Arabia" or an apposition ", South Korea's foreign minister".
    j = span.end
    if country is None and j + 1 < len(doc) and doc[j].lower_ == "of":
        k = j + 1
        while k < len(doc) and doc[k].tag_ == "NNP" and k - j <= 4:
            k += 1
        place = gazetteer.lookup_place(doc[j + 1 : k].text) if k > j + 1 else None
        if place and place.country and place.kind in {"country", "region"}:
            country = place.country
    title = " ".join(_strip_of(title_words)) or None
    # An apposition either way: "X, South Korea's foreign minister," or
    # "the Deputy U.S. Trade Representative, Michael Smith,"
    phrases = [c for c in span.root.children if c.dep_ == "appos"]
    if span.root.dep_ == "appos" and span.root.head.pos_ in {"NOUN", "PROPN"}:
        head = span.root.head
        phrases.append(head)
    for phrase in phrases:
        words_r = [
            t
            for t in (phrase.subtree if phrase is not span.root.head else _left_phrase(phrase))
            if not (span.start <= t.i < span.end)
        ]
        if title is None:
            title = " ".join(t.text for t in words_r if t.lower_ in _TITLE_VOCAB) or None
        for t in words_r:
            iso = gazetteer.lookup_demonym(t.text)
            place = gazetteer.lookup_place(t.text)
            iso = iso or (place.country if place and place.kind == "country" else None)
            if iso and country is None:
                country = iso
    return title, country


def _left_phrase(head: Token) -> list[Token]:
    """A title noun's phrase up to the noun ("the Deputy U.S. Trade Representative")."""
    return [t for t in head.subtree if t.i <= head.i]


def _strip_of(words: list[str]) -> list[str]:
    while words and words[0] == "of":
        words = words[1:]
    while words and words[-1] == "of":
        words = words[:-1]
    return words


_TITLE_VOCAB = {
    "president",
    "vice",
    "prime",
    "minister",
    "foreign",
    "secretary",
    "state",
    "of",
    "defense",
    "defence",
    "finance",
    "trade",
    "treasury",
    "king",
    "queen",
    "prince",
    "princess",
    "crown",
    "premier",
    "chancellor",
    "pope",
    "emir",
    "sheikh",
    "ambassador",
    "envoy",
    "special",
    "deputy",
    "national",
    "security",
    "adviser",
    "advisor",
    "general",
    "secretary-general",
    "chairman",
    "governor",
    "leader",
    "top",
    "diplomat",
    "agriculture",
    "commerce",
    "economy",
    "interior",
    "home",
    "affairs",
    "chief",
    "staff",
    "representative",
    "director",
    "minister-",
    "unification",
    "industry",
    "international",
    "energy",
    "oil",
    "health",
}
