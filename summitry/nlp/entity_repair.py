"""Repairs of the small model's entity slips around names, titles and countries.

In: a Doc with `doc.ents` and the span groups of the summitry_gazetteer
component. Out: the same Doc with `doc.ents` repaired (tokens untouched) and
place/demonym spans that lie inside a person's name removed.

The repairs, in order; each is a general rule, never a list of names:

0. A PERSON entity cut at a hyphen of a given name ("Park Min" of
   "Park Min-soo") takes in the rest of the hyphenated word.
1. A title swallowed into an entity: a PERSON, ORG, ... entity that overlaps
   the words of a title ("Secretary of State", "State" tagged ORG) loses the
   title words; what follows the title becomes a PERSON when it looks like a
   name, and a country prefix inside it ("Japanese") becomes NORP / GPE.
2. The name after a title: the entity right after a title that is not a
   known place or organisation ("Foreign Minister X" with X tagged ORG)
   becomes PERSON; an untagged run of capitalised proper nouns there becomes
   PERSON too. After a style ("King", "Pope", "Sheikh") the PERSON takes the
   style in, as it is written as part of the name.
3. A surname of a person named in full elsewhere in the document ("Blinken"
   after "Antony Blinken", "Cho" after "Cho Tae-yul") tagged GPE, ORG, NORP,
   ... becomes PERSON, and an untagged one is tagged PERSON, unless the word
   is a known place, demonym or organisation.
4. Gazetteer names with the wrong label: a demonym tagged PERSON/ORG/GPE
   becomes NORP; a country or city tagged PERSON/NORP becomes GPE (unless it
   is a surname of rule 3 or flagged ambiguous), and a country name tagged
   ORG becomes GPE; an organisation tagged
   GPE/PERSON/NORP becomes ORG.
5. Place and demonym spans inside a PERSON entity are dropped ("Washington"
   in a person's name is no place).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from spacy.tokens import Span
from spacy.util import filter_spans

from summitry.nlp.gazetteer import lookup_adjective, lookup_organization, lookup_place
from summitry.nlp.titles import lookup_title, title_is_style, title_words

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Labels the model puts on names by mistake; other labels (DATE, CARDINAL...) are left alone.
_NAME_LABELS = {
    "PERSON",
    "ORG",
    "GPE",
    "NORP",
    "LOC",
    "FAC",
    "PRODUCT",
    "WORK_OF_ART",
    "EVENT",
    "LAW",
}
_NOT_NAMES = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "and", "or", "the",
    "of", "to", "in", "on", "at", "for", "with", "said", "says", "will", "who",
    "summit", "talks", "meeting", "conference", "forum", "house", "office", "ministry",
    "department", "government", "council", "committee", "party", "institute", "bank",
    "treasury", "commission", "agency", "embassy", "palace", "state", "states", "city",
    "initiative", "program", "programme", "fund", "foundation", "center", "centre",
}  # fmt: skip
_MAX_NAME_TOKENS = 4
# Lower-case words inside names ("Mohammed bin Salman", "Ursula von der Leyen").
_NAME_PARTICLES = {
    "bin",
    "bint",
    "ibn",
    "al",
    "el",
    "de",
    "da",
    "di",
    "du",
    "van",
    "von",
    "der",
    "la",
    "le",
}


_HONORIFICS = {"mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr.", "miss", "sir", "dame"}


def _isolated(token) -> bool:
    """No capitalised word right before (but an honorific) or after: a name on its own."""
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if before is not None and before.is_title and before.is_alpha:
        if before.lower_ not in _HONORIFICS and not before.is_sent_start:
            return False
    return not (after is not None and after.is_title and after.is_alpha)


def _remainder(doc: Doc, start: int, end: int, label: str) -> list[Span]:
    """What is left of an entity before a title: kept only if it is still a name.

    A leading country or demonym is kept as GPE / NORP and the rest, a
    modifier of the title ("French Foreign [Trade Minister]"), dropped.
    """
    if start < end and doc[start].lower_ == "the":
        start += 1
    if end - start < 1:
        return []
    for group, new_label in (("demonyms", "NORP"), ("places", "GPE")):
        for span in doc.spans.get(group, []):
            if span.start == start and span.end <= end and span.end < end:
                if group == "places" and span.label_ != "country":
                    continue
                return [Span(doc, span.start, span.end, label=new_label)]
    words = doc[start:end]
    if end - start == 1 and not _known_name(words.text):
        return []  # "Deputy", "Executive": a modifier of the title
    return [Span(doc, start, end, label=label)]


def _is_plural(words: Span) -> bool:
    last = words[-1].lower_
    return last.endswith("s") and lookup_title(last[:-1]) is not None


def _title_inside_name(
    ent: Span, titles: list[Span], words_of: Mapping[tuple[int, int], Span]
) -> bool:
    """A title word that is part of a body's name: plural ("Council of Ministers",
    "Young Leaders Initiative") or after "of" / "for"."""
    doc = ent.doc
    for title in titles:
        words = words_of[(title.start, title.end)]
        if _is_plural(words):
            return True
        if words.start > ent.start and doc[words.start - 1].lower_ in {"of", "for", "and"}:
            return True
    return False


def _political(canonical: str) -> bool:
    entry = lookup_title(canonical)
    return entry is not None and entry.political


def _known_name(text: str) -> bool:
    """A place, demonym or organisation of the gazetteer, or a title."""
    return (
        lookup_place(text) is not None
        or lookup_adjective(text) is not None
        or lookup_organization(text) is not None
        or lookup_title(text) is not None
    )


def _looks_like_name_token(token) -> bool:
    return (
        token.text[:1].isupper()
        and token.is_alpha
        and token.pos_ in {"PROPN", "NOUN", "X", ""}
        and token.lower_ not in _NOT_NAMES
        and lookup_title(token.text) is None
    ) or (token.text[:1].isupper() and "-" in token.text and not token.is_punct)


def _is_name_shaped(span: Span) -> bool:
    """Capitalised words and name particles only, at most a few: not "Ministry of Trade"."""
    words = [t for t in span if not t.is_punct]
    if not words or len(words) > _MAX_NAME_TOKENS + 1:
        return False
    return (
        all(t.text[:1].isupper() or t.lower_ in _NAME_PARTICLES for t in words)
        and words[0].text[:1].isupper()
        and not any(t.lower_ in _NOT_NAMES for t in words)
    )


def _name_run(doc: Doc, start: int) -> int:
    """The end of a run of name-like tokens from `start` (start itself if none)."""
    end = start
    while end < len(doc) and end - start < _MAX_NAME_TOKENS:
        token = doc[end]
        if _looks_like_name_token(token):
            end += 1
        elif token.text == "-" and end > start and end + 1 < len(doc) and doc[end + 1].is_alpha:
            end += 2  # "Tae - yul" when the tokenizer split a hyphenated given name
        elif (
            token.lower_ in _NAME_PARTICLES
            and end > start
            and end + 1 < len(doc)
            and _looks_like_name_token(doc[end + 1])
        ):
            end += 2  # "Mohammed bin Salman"
        else:
            break
    return end


def _surnames(ents: list[Span], title_word: Mapping[int, Span]) -> dict[str, str]:
    """First and last words of multi-word PERSON names, mapped to the full name.

    Title words ("Crown Prince Abdullah") and names that are places or
    organisations ("Cheong Wa Dae" tagged PERSON) give none.
    """
    out: dict[str, str] = {}
    for ent in ents:
        if ent.label_ != "PERSON" or len(ent) < 2 or _known_name(ent.text):
            continue
        words = [t for t in ent if (t.is_alpha or "-" in t.text) and t.i not in title_word]
        if len(words) < 2:
            continue
        for token in (words[0], words[-1]):
            text = token.text
            if len(text) < 2 or not text[:1].isupper() or text.isupper() or _known_name(text):
                continue
            out.setdefault(text, ent.text)
    return out


def repair_entities(doc: Doc) -> Doc:
    """Apply the numbered repairs of the module docstring to `doc.ents`."""
    ents = list(doc.ents)
    # Titles of persons; "General" (Motors), "official", "spokesman" are too loose.
    titles = [
        t for t in doc.spans.get("titles", []) if (t._.title_rank or 4) <= 3 or _political(t.label_)
    ]
    # Token index -> the title whose words (prefix excluded) cover it.
    title_word: dict[int, Span] = {}
    words_of = {(t.start, t.end): title_words(t) for t in titles}
    for title in titles:
        words = words_of[(title.start, title.end)]
        for i in range(words.start, words.end):
            title_word[i] = title

    # 0. hyphenated given names cut at the hyphen ("Park Min" of "Park Min-soo")
    ents = [_extend_hyphenated(ent) for ent in ents]

    new: list[Span] = []
    added: list[Span] = []
    # 1. titles swallowed into entities
    for ent in ents:
        overlapping = [title_word[i] for i in range(ent.start, ent.end) if i in title_word]
        if ent.label_ not in _NAME_LABELS or not overlapping:
            new.append(ent)
            continue
        if _known_name(ent.text) and not lookup_title(ent.text):
            new.append(ent)  # "U.S." inside "U.S. Secretary of State" is a country
            continue
        if ent.label_ != "PERSON" and _title_inside_name(ent, overlapping, words_of):
            new.append(ent)  # "Council of Ministers", "Young Leaders Initiative"
            continue
        title_end = max(words_of[(t.start, t.end)].end for t in overlapping)
        title_start = min(words_of[(t.start, t.end)].start for t in overlapping)
        style = all(title_is_style(t.label_) for t in overlapping)
        if title_end < ent.end:
            rest = doc[title_end : ent.end]
            if not (_looks_like_name_token(rest[0]) and not _known_name(rest.text)):
                new.append(ent)  # "Prime Minister's Office": an entity of its own
            elif style:
                # "King Fahd", "Pope Francis": the style is written as part of the name.
                start = max(ent.start, min(words_of[(t.start, t.end)].start for t in overlapping))
                new.append(Span(doc, start, ent.end, label="PERSON"))
            else:
                new.append(Span(doc, rest.start, rest.end, label="PERSON"))
                if title_start > ent.start:
                    new.extend(_remainder(doc, ent.start, title_start, ent.label_))
        elif title_start > ent.start:
            new.extend(_remainder(doc, ent.start, title_start, ent.label_))
        # else: the entity is title words only ("State" of "Secretary of State"): dropped
    # Prefixes inside titles that the model left untagged or swallowed: tag them.
    for title in titles:
        for group, label_for in (("demonyms", "NORP"), ("places", "GPE")):
            for span in doc.spans.get(group, []):
                if group == "places" and span.label_ != "country":
                    continue  # "Foreign Office minister": a metonym is no GPE
                if title.start <= span.start and span.end <= title.end:
                    if not any(e.start <= span.start < e.end for e in new):
                        added.append(Span(doc, span.start, span.end, label=label_for))
    ents = new

    # 2. the name after a title
    starts = {e.start: e for e in ents}
    covered = {i for e in ents for i in range(e.start, e.end)}
    relabelled: dict[int, Span] = {}
    for title in titles:
        after = title.end
        if after >= len(doc):
            continue
        words = words_of[(title.start, title.end)]
        if _is_plural(words) and words.text[:1].isupper():
            continue  # "Leaders Initiative", "Ministers Council": a body's name
        # A style is written as part of the name: "King Fahd", not "Fahd".
        name_start = words.start if words.end == after and title_is_style(title.label_) else after
        following = starts.get(after)
        if following is not None:
            label = following.label_
            if label == "PERSON" and name_start < after:
                relabelled[following.start] = Span(doc, name_start, following.end, label="PERSON")
            elif (
                label != "PERSON"
                and label in _NAME_LABELS
                and not _known_name(following.text)
                and _is_name_shaped(following)
            ):
                relabelled[following.start] = Span(doc, name_start, following.end, label="PERSON")
        elif after not in covered:
            end = _name_run(doc, after)
            if end > after and not _known_name(doc[after:end].text):
                added.append(Span(doc, name_start, end, label="PERSON"))
    ents = [relabelled.get(e.start, e) for e in ents]

    # 3. surnames of persons named in full
    surnames = _surnames(ents + added, title_word)
    fixed = []
    for ent in ents:
        text = ent.text
        if ent.label_ in _NAME_LABELS and ent.label_ != "PERSON" and text in surnames:
            fixed.append(Span(doc, ent.start, ent.end, label="PERSON"))
        else:
            fixed.append(ent)
    ents = fixed
    covered = {i for e in ents + added for i in range(e.start, e.end)}
    gazetteer_tokens = {
        i
        for group in ("places", "organizations", "demonyms")
        for span in doc.spans.get(group, [])
        for i in range(span.start, span.end)
    }
    for token in doc:
        if token.i in covered or token.text not in surnames or token.pos_ != "PROPN":
            continue
        if token.i in gazetteer_tokens or not _isolated(token):
            continue  # "Ho" of "Ho Chi Minh City", "Andrew" of "Saint Andrew's Day"
        added.append(Span(doc, token.i, token.i + 1, label="PERSON"))

    # 4. gazetteer names with the wrong label
    fixed = []
    for ent in ents:
        fixed.append(_relabel(ent, surnames) or ent)
    ents = fixed

    # Originals first so that, at equal length, a model entity is kept.
    doc.ents = filter_spans(ents + added)

    # 5. places and demonyms inside persons' names
    persons = [(e.start, e.end) for e in doc.ents if e.label_ == "PERSON"]
    for group in ("places", "demonyms"):
        if group in doc.spans:
            doc.spans[group] = [
                s
                for s in doc.spans[group]
                if not any(a <= s.start and s.end <= b for a, b in persons)
            ]
    return doc


def _extend_hyphenated(ent: Span) -> Span:
    """A PERSON entity followed, without spaces, by "-" and a word takes them in."""
    doc = ent.doc
    if ent.label_ != "PERSON" or len(ent) < 2:
        return ent
    last = ent[-1]
    # Only a short syllable cut off a short one: "Min-soo", "Tae-yul", not "Lee-China-summit".
    if not (last.is_alpha and last.is_title and len(last) <= 6) or _known_name(last.text):
        return ent
    end = ent.end
    if (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
        and doc[end + 1].is_lower
        and len(doc[end + 1]) <= 6
        and doc[end + 1].ent_type_ in {"", "PERSON"}
    ):
        end += 2
    if end == ent.end:
        return ent
    return Span(doc, ent.start, end, label="PERSON")


def _relabel(ent: Span, surnames: dict[str, str]) -> Span | None:
    """Rule 4: the right label of a gazetteer name the model mislabelled, or None."""
    text = ent.text
    label = ent.label_
    doc = ent.doc
    if label in {"PERSON", "ORG", "GPE"}:
        adjective = lookup_adjective(text)
        if adjective is not None and adjective.country and lookup_place(text) is None:
            return Span(doc, ent.start, ent.end, label="NORP")
    if label == "NORP" and lookup_adjective(text) is not None:
        return None  # "Saudi" is a place name too, but NORP is right for the adjective
    if label in {"PERSON", "NORP", "ORG"} and text not in surnames:
        place = lookup_place(text)
        # An ORG may be a metonym ("the White House") or a city's body; only a
        # country name tagged ORG is surely a slip.
        if (
            place is not None
            and not place.ambiguous
            and place.kind != "metonym"
            and (label != "ORG" or place.kind == "country")
            and lookup_organization(text) is None
        ):
            return Span(doc, ent.start, ent.end, label="GPE" if place.country else "LOC")
    if label == "PERSON" and text not in surnames:
        place = lookup_place(text)
        if place is not None and place.kind == "metonym" and not place.ambiguous:
            return Span(doc, ent.start, ent.end, label="ORG")  # "Cheong Wa Dae" said
    if label in {"GPE", "PERSON", "NORP"}:
        org = lookup_organization(text)
        if org is not None and lookup_place(text) is None:
            return Span(doc, ent.start, ent.end, label="ORG")
    return None
