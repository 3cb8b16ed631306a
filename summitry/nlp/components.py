"""spaCy components: gazetteer span groups and entity repairs.

`add_components(nlp)` puts both after "ner":

- "summitry_gazetteer" (`GazetteerComponent`) adds span groups, without
  touching tokens or entities:

  - `doc.spans["places"]`: label the kind (country, capital, city, region,
    metonym), kb_id_ the ISO alpha-3 code ("" for a region of no one country);
  - `doc.spans["organizations"]`: label "organization", kb_id_ the canonical
    short name ("UN", "G7");
  - `doc.spans["demonyms"]`: label "country" or "organization", kb_id_ the
    ISO alpha-3 code ("Japanese") or the organisation ("EU");
  - `doc.spans["titles"]`: label the canonical title ("Foreign Minister"),
    kb_id_ the ISO alpha-3 code or organisation of its prefix or "of"
    suffix, or "".
  - `doc.spans["compounds"]`: single tokens that join places the tokenizer
    did not split ("U.S.-China", "U.S.-led"), label "compound", kb_id_ the
    ISO codes or organisations of the parts, separated by spaces ("USA CHN").

  A title span covers its prefix and suffix ("Japanese Foreign Minister",
  "President of France"). Matches of the first three groups do not overlap
  one another: the longest wins, and on a tie a place beats an organisation
  beats a demonym ("U.S." is a place, "EU" an organisation). Names flagged
  ambiguous in the data ("Male", "Jordan") are kept only where the NER reads
  them as GPE, LOC or FAC.

- "summitry_entity_repair" fixes known slips of the small model in
  `doc.ents` (see `summitry.nlp.entity_repair`).

Span extensions (getters, so nothing is stored beyond the spans):
`Span._.iso3` (ISO code of kb_id_), `Span._.organization` (organisation of
kb_id_), `Span._.place` (the `Place` of the text), `Span._.title_rank`
(1 head .. 4 other), `Span._.title_words` (the title without prefix or
suffix) and `Span._.title_holder` (the PERSON entity the title belongs to).
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from summitry.nlp.entity_repair import repair_entities
from summitry.nlp.gazetteer import (
    countries,
    gazetteer,
    lookup_adjective,
    lookup_organization,
    lookup_place,
    normalize,
)
from summitry.nlp.phrases import match_phrases
from summitry.nlp.titles import title_matcher, title_rank, title_words

if TYPE_CHECKING:
    from summitry.nlp.gazetteer import Place

PLACES = "places"
ORGANIZATIONS = "organizations"
DEMONYMS = "demonyms"
TITLES = "titles"
COMPOUNDS = "compounds"
SPAN_GROUPS = (PLACES, ORGANIZATIONS, DEMONYMS, TITLES, COMPOUNDS)
_COMPOUND_SEPARATORS = re.compile(r"[-/–]")

_PRIORITY = {"PLACE": 0, "ORG": 1, "ADJ": 2}
# NER labels that confirm an ambiguous place name is a place.
_PLACE_LABELS = {"GPE", "LOC", "FAC"}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _is_acronym(form: str) -> bool:
    letters = [ch for ch in form if ch.isalpha()]
    return len(letters) > 1 and all(ch.isupper() for ch in letters)


class GazetteerComponent:
    """Adds the places, organizations, demonyms and titles span groups to a Doc."""

    def __init__(self, nlp: Language, name: str = "summitry_gazetteer") -> None:
        self.name = name
        gaz = gazetteer()
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        # Keys whose every listed form is an acronym must match in capitals:
        # "US" the country, not "us" the pronoun.
        self.acronyms: set[tuple[str, str]] = set()
        for label, forms_by_key in (
            ("PLACE", gaz.place_forms),
            ("ORG", gaz.organization_forms),
            ("ADJ", gaz.adjective_forms),
        ):
            texts: set[str] = set()
            for key, forms in forms_by_key.items():
                if all(_is_acronym(f) for f in forms):
                    self.acronyms.add((label, key))
                for form in forms:
                    # Spans never include a leading article: "the Kremlin" gives "Kremlin".
                    if form.lower().startswith("the "):
                        form = form[4:]
                    texts.add(form)
                    texts.add(_fold(form))
            self.matcher.add(label, [nlp.make_doc(text) for text in sorted(texts)])
        self.titles = title_matcher(nlp.vocab, nlp.make_doc)

    def __call__(self, doc: Doc) -> Doc:
        has_ner = doc.has_annotation("ENT_IOB")
        candidates: list[tuple[int, int, int, str, str]] = []
        for match_id, start, end in match_phrases(self.matcher, doc):
            label = doc.vocab.strings[match_id]
            span = doc[start:end]
            text = span.text
            key = normalize(text)
            if (label, key) in self.acronyms:
                if not _is_acronym(text):
                    continue
            elif not text[:1].isupper() and not text[:1].isdigit():
                # "china", "turkey", "chad": lower case is a common noun.
                continue
            if label == "PLACE":
                place = lookup_place(text)
                if place is None:
                    continue
                if place.ambiguous and not (has_ner and _ner_agrees(span)):
                    continue
            candidates.append((start, end, _PRIORITY[label], label, key))
        # Longest first, then by priority, then leftmost.
        candidates.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
        taken = [False] * len(doc)
        groups: dict[str, list[Span]] = {PLACES: [], ORGANIZATIONS: [], DEMONYMS: []}
        for start, end, _, label, _key in candidates:
            if any(taken[start:end]):
                continue
            for i in range(start, end):
                taken[i] = True
            text = doc[start:end].text
            if label == "PLACE":
                place = lookup_place(text)
                assert place is not None
                groups[PLACES].append(
                    Span(doc, start, end, label=place.kind, kb_id=place.country or "")
                )
            elif label == "ORG":
                org = lookup_organization(text)
                assert org is not None
                groups[ORGANIZATIONS].append(
                    Span(doc, start, end, label="organization", kb_id=org.name)
                )
            else:
                adjective = lookup_adjective(text)
                assert adjective is not None
                kind = "country" if adjective.country else "organization"
                owner = adjective.country or adjective.organization or ""
                groups[DEMONYMS].append(Span(doc, start, end, label=kind, kb_id=owner))
        for group, spans in groups.items():
            doc.spans[group] = sorted(spans, key=lambda s: s.start)
        titles = []
        for match in self.titles(doc):
            owner = match.country or match.organization or ""
            titles.append(Span(doc, match.start, match.end, label=match.title, kb_id=owner))
        doc.spans[TITLES] = titles
        compounds = (_compound(doc, token, taken) for token in doc if not token.is_alpha)
        doc.spans[COMPOUNDS] = [c for c in compounds if c is not None]
        return doc


def _compound(doc: Doc, token, taken: list[bool]) -> Span | None:
    """A one-token compound of places or adjectives ("U.S.-China", "U.S.-led").

    The tokenizer keeps such tokens whole when an abbreviation ends in a
    period. Every capitalised part must be a country, place or demonym;
    lower-case parts ("led", "based") are allowed.
    """
    text = token.text
    if taken[token.i] or len(text) < 4 or not _COMPOUND_SEPARATORS.search(text):
        return None
    owners: list[str] = []
    for part in _COMPOUND_SEPARATORS.split(text):
        if not part:
            continue
        if part.islower():
            continue
        place = lookup_place(part)
        owner = place.country if place is not None and not place.ambiguous else None
        if owner is None:
            adjective = lookup_adjective(part)
            owner = adjective.country or adjective.organization if adjective else None
        if owner is None:
            org = lookup_organization(part)
            owner = org.name if org is not None else None
        if owner is None:
            return None
        owners.append(owner)
    if not owners:
        return None
    return Span(doc, token.i, token.i + 1, label="compound", kb_id=" ".join(owners))


def _ner_agrees(span: Span) -> bool:
    return any(t.ent_type_ in _PLACE_LABELS for t in span)


@Language.factory("summitry_gazetteer")
def make_gazetteer(nlp: Language, name: str) -> GazetteerComponent:
    return GazetteerComponent(nlp, name)


@Language.component("summitry_entity_repair")
def entity_repair(doc: Doc) -> Doc:
    """Fix known small-model slips in doc.ents; needs the summitry_gazetteer spans."""
    repair_entities(doc)
    return doc


def add_components(nlp: Language) -> Language:
    """Add summitry_gazetteer and summitry_entity_repair after "ner" (or last); idempotent."""
    after = "ner" if "ner" in nlp.pipe_names else None
    if "summitry_gazetteer" not in nlp.pipe_names:
        if after:
            nlp.add_pipe("summitry_gazetteer", after=after)
        else:
            nlp.add_pipe("summitry_gazetteer")
    if "summitry_entity_repair" not in nlp.pipe_names:
        nlp.add_pipe("summitry_entity_repair", after="summitry_gazetteer")
    return nlp


# -- span extensions --------------------------------------------------------


def _span_iso3(span: Span) -> str | None:
    code = span.kb_id_
    return code if code and code in countries() else None


def _span_organization(span: Span) -> str | None:
    name = span.kb_id_
    return name if name and name in gazetteer().organizations else None


def _span_place(span: Span) -> Place | None:
    return lookup_place(span.text)


def _span_title_rank(span: Span) -> int | None:
    return title_rank(span.label_)


def _span_title_holder(span: Span) -> Span | None:
    """The PERSON entity a title belongs to: right after it ("Foreign Minister
    Aiko Tanaka"), or before it across a comma ("Aiko Tanaka, Japan's foreign
    minister")."""
    doc = span.doc
    if (
        span.end < len(doc)
        and doc[span.end].ent_type_ == "PERSON"
        and doc[span.end].ent_iob_ == "B"
    ):
        for ent in doc.ents:
            if ent.start == span.end:
                return ent
    before = span.start - 1
    while before >= 0 and doc[before].lower_ in {"the", "a", "an"}:
        before -= 1
    if before >= 1 and doc[before].text == "," and doc[before - 1].ent_type_ == "PERSON":
        for ent in doc.ents:
            if ent.end == before:
                return ent
    return None


for _name, _getter in (
    ("iso3", _span_iso3),
    ("organization", _span_organization),
    ("place", _span_place),
    ("title_rank", _span_title_rank),
    ("title_holder", _span_title_holder),
    ("title_words", title_words),
):
    if not Span.has_extension(_name):
        Span.set_extension(_name, getter=_getter)
