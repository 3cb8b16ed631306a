"""Official titles of persons: "President", "Japanese Foreign Minister", "U.N. Secretary-General".

In: a spaCy `Doc` (or a text, tokenised with a blank English tokenizer). Out:
`TitleMatch`es, token ranges with the canonical title, its rank and the
country or organisation the title belongs to when the text says so:

1. a prefix adjective or name: "Japanese", "U.S.", "South Korea", "NATO";
2. a possessive prefix: "China's top diplomat", "the EU's foreign policy chief";
3. an "of" suffix: "President of France", "Secretary-General of the United Nations".

Titles come from `summitry/data/titles.tsv`. A title listed only with a
capital letter ("General", "King") matches only when written with one, so
"general election" is no title; lower-case forms are listed where news uses
them ("foreign minister", "envoy").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from summitry.nlp.gazetteer import lookup_adjective, lookup_organization, lookup_place, read_table
from summitry.nlp.phrases import match_phrases

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

# Title ranks (titles.tsv, column rank).
HEAD = 1  # head of state or government
MINISTER = 2  # deputy head, minister, head of an international organisation
OFFICIAL = 3  # senior official, diplomat
OTHER = 4  # other official

_POSSESSIVE = {"'s", "’s", "'", "’"}
_FORMER = {"former", "ex", "ex-", "then", "outgoing", "late"}
_MAX_PREFIX = 4
_MAX_SUFFIX = 6


@dataclass(frozen=True)
class TitleEntry:
    """One row of titles.tsv: `form` as written, its `canonical` title, `rank`
    (HEAD..OTHER), whether the title alone names a political actor, and
    whether it is a style written as part of the name ("King Fahd")."""

    form: str
    canonical: str
    rank: int
    political: bool
    style: bool = False


@dataclass(frozen=True)
class TitleMatch:
    """A title in a Doc, as token indices.

    `start`/`end` cover the whole phrase, prefix and "of" suffix included
    ("Japanese Foreign Minister", "President of France");
    `title_start`/`title_end` the title words alone. `country` is the ISO
    alpha-3 code and `organization` the canonical organisation name the
    title belongs to, when the text says so. `former` is true after
    "former", "ex-" or "then".
    """

    start: int
    end: int
    title_start: int
    title_end: int
    title: str
    rank: int
    political: bool
    country: str | None = None
    organization: str | None = None
    former: bool = False


@lru_cache(maxsize=1)
def title_table() -> dict[str, TitleEntry]:
    """Every title form of titles.tsv by its lower-cased form."""
    table: dict[str, TitleEntry] = {}
    for row in read_table("titles.tsv"):
        entry = TitleEntry(
            row["title"],
            row["canonical"],
            int(row["rank"]),
            row["political"] == "1",
            row.get("style") == "1",
        )
        table.setdefault(row["title"].lower(), entry)
    return table


@lru_cache(maxsize=1)
def _capitalised_only() -> frozenset[str]:
    """Lower-cased forms whose every listed spelling starts with a capital."""
    starts: dict[str, set[bool]] = {}
    for row in read_table("titles.tsv"):
        starts.setdefault(row["title"].lower(), set()).add(row["title"][:1].isupper())
    return frozenset(form for form, caps in starts.items() if caps == {True})


@lru_cache(maxsize=1)
def _canonical_ranks() -> dict[str, tuple[int, bool]]:
    ranks: dict[str, tuple[int, bool]] = {}
    for entry in title_table().values():
        ranks.setdefault(entry.canonical, (entry.rank, entry.political))
    return ranks


def title_is_style(canonical: str) -> bool:
    """True for styles written as part of a name ("King", "Pope", "Sheikh")."""
    entry = title_table().get(canonical.lower())
    return entry is not None and entry.style


def title_words(span: Span) -> Span:
    """The title words of a title phrase: "Foreign Minister" of "Japan's Foreign Minister"."""
    doc = span.doc
    for i in range(span.start, span.end):
        for j in range(span.end, i, -1):
            if lookup_title(doc[i:j].text) is not None:
                return doc[i:j]
    return span


def lookup_title(text: str) -> TitleEntry | None:
    """The title entry for a title as written ("foreign minister"), or None."""
    return title_table().get(" ".join(text.split()).lower())


def title_rank(canonical: str) -> int | None:
    """The rank of a canonical title ("Foreign Minister" -> 2), None if unknown."""
    ranks = _canonical_ranks().get(canonical)
    return ranks[0] if ranks else None


class TitleMatcher:
    """Finds titles in Docs of one vocabulary; build once per pipeline."""

    def __init__(self, vocab: Vocab, make_doc=None) -> None:
        from spacy.matcher import PhraseMatcher
        from spacy.tokens import Doc

        self.matcher: PhraseMatcher = PhraseMatcher(vocab, attr="LOWER")
        patterns = []
        for form in title_table():
            doc = make_doc(form) if make_doc is not None else Doc(vocab, words=form.split())
            patterns.append(doc)
        self.matcher.add("TITLE", patterns)

    def __call__(self, doc: Doc) -> list[TitleMatch]:
        from spacy.util import filter_spans

        capitalised_only = _capitalised_only()
        table = title_table()
        spans = []
        for _, start, end in match_phrases(self.matcher, doc):
            span = doc[start:end]
            key = " ".join(t.lower_ for t in span if not t.is_space)
            if key not in table:
                key = span.text.lower()
            if key in capitalised_only and not span.text[:1].isupper():
                continue
            spans.append(span)
        matches = []
        for span in filter_spans(spans):
            key = " ".join(t.lower_ for t in span if not t.is_space)
            entry = table.get(key) or table.get(span.text.lower())
            if entry is None:
                continue
            matches.append(_extend(doc, span.start, span.end, entry))
        return matches


def _inside_longer_name(words: Span) -> bool:
    """True when a would-be prefix ends a longer name ("Bank of Japan")."""
    doc = words.doc
    if words.start > 0 and doc[words.start - 1].lower_ in {"of", "for", "and", "&"}:
        return True
    ent_start = words[0].ent_iob_ == "I"  # the entity began before the prefix
    return ent_start and words[0].ent_type_ not in {"GPE", "NORP"}


def _owner(text: str, *, adjectives: bool = True) -> tuple[str | None, str | None] | None:
    """(country, organisation) named by a prefix or suffix, or None.

    An "of" suffix takes no adjective: "president of the Brazilian Coffee
    Institute" is no Brazilian title.
    """
    adjective = lookup_adjective(text) if adjectives else None
    if adjective is not None:
        return adjective.country, adjective.organization
    place = lookup_place(text)
    if place is not None and place.country and (place.kind == "country" or place.metonym):
        return place.country, None
    org = lookup_organization(text)
    if org is not None:
        return None, org.name
    return None


def _extend(doc: Doc, start: int, end: int, entry: TitleEntry) -> TitleMatch:
    """Attach a country or organisation prefix, or an "of" suffix, to a title."""
    country: str | None = None
    organization: str | None = None
    phrase_start, phrase_end = start, end
    # 1./2. prefix, possessive or not: the longest capitalised name before the title.
    head = start
    if head > 0 and doc[head - 1].text in _POSSESSIVE:
        head -= 1
    for size in range(min(_MAX_PREFIX, head), 0, -1):
        words = doc[head - size : head]
        if not words.text[:1].isupper() or any(t.is_punct and t.text not in ".-" for t in words):
            continue
        if _inside_longer_name(words):
            continue  # "Bank of Japan Governor": the governor is the bank's
        owner = _owner(words.text)
        if owner is not None:
            country, organization = owner
            phrase_start = head - size
            break
    # 3. "of" suffix, if no prefix named the owner
    if country is None and organization is None and end < len(doc) and doc[end].lower_ == "of":
        first = end + 1
        if first < len(doc) and doc[first].lower_ == "the":
            first += 1
        for size in range(min(_MAX_SUFFIX, len(doc) - first), 0, -1):
            words = doc[first : first + size]
            if not words.text[:1].isupper():
                continue
            if first + size < len(doc) and doc[first + size].text in _POSSESSIVE:
                continue  # "minister of Japan's trade ministry": the owner is the ministry
            owner = _owner(words.text, adjectives=False)
            if owner is not None:
                country, organization = owner
                phrase_end = first + size
                break
    former = phrase_start > 0 and doc[phrase_start - 1].lower_.rstrip("-") in {
        f.rstrip("-") for f in _FORMER
    }
    return TitleMatch(
        start=phrase_start,
        end=phrase_end,
        title_start=start,
        title_end=end,
        title=entry.canonical,
        rank=entry.rank,
        political=entry.political,
        country=country,
        organization=organization,
        former=former,
    )


@lru_cache(maxsize=1)
def _blank_pipeline():
    import spacy

    return spacy.blank("en")


# One matcher per vocabulary (kept alive with it): pipelines do not share vocabularies.
_MATCHERS: dict[int, tuple[Vocab, TitleMatcher]] = {}


def title_matcher(vocab: Vocab, make_doc=None) -> TitleMatcher:
    """The TitleMatcher of `vocab`, built on first use."""
    cached = _MATCHERS.get(id(vocab))
    if cached is None or cached[0] is not vocab:
        cached = (vocab, TitleMatcher(vocab, make_doc))
        _MATCHERS[id(vocab)] = cached
    return cached[1]


def match_titles(doc: Doc | str) -> list[TitleMatch]:
    """Titles in `doc` (a Doc, or a text tokenised by a blank English tokenizer).

    >>> [m.title for m in match_titles("Japanese Foreign Minister Aiko Tanaka")]
    ['Foreign Minister']
    """
    if isinstance(doc, str):
        nlp = _blank_pipeline()
        return title_matcher(nlp.vocab, nlp.make_doc)(nlp.make_doc(doc))
    return title_matcher(doc.vocab)(doc)
