"""Who is who in an article: named persons, countries and bodies as `Actor`s.

In: a parsed spaCy `Doc` (with the gazetteer component's span groups).
Out: an `ActorIndex` that maps tokens to the actor they refer to, with

1. persons from PERSON entities and from title + proper-noun runs ("King Fahd"),
   bound to their title and country ("Japanese Foreign Minister Takeshi Iwaya",
   "King Fahd of Saudi Arabia", "Cho, South Korea's foreign minister");
2. countries from place names (a capital or city stands for its country),
   demonyms ("Japanese officials") and metonyms ("Pyongyang", "the Kremlin");
3. organisations from the gazetteer, or other ORG entities as written;
4. coreference: a surname or given-name-first short form ("Blinken", "Xi"),
   a pronoun (he, his, she, her) and a bare title ("the king", "the Saudi
   leader") refer to the person named before them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from summitry.events.lexicon import region_adjectives
from summitry.events.naming import (
    bare_surname,
    clean_name,
    country_inside,
    is_media,
    is_place,
    join_adjacent,
    looks_like_body,
    title_and_country,
)
from summitry.model import Actor, ActorKind
from summitry.nlp import gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

PRONOUNS = {"he", "him", "his", "she", "her", "hers"}
ANAPHORIC_TITLES = {
    "leader",
    "president",
    "king",
    "queen",
    "prince",
    "pope",
    "premier",
    "chancellor",
    "minister",
    "diplomat",
    "envoy",
    "secretary",
    "emir",
    "monarch",
    "ambassador",
}
_GENERIC_LEADER = {"leader", "diplomat", "envoy"}
_MONARCHS = ("king", "queen", "emperor", "empress", "sultan", "emir", "crown prince")
_NAME_PARTICLES = {"de", "van", "von", "al", "bin", "el", "da", "di", "le", "la", "arap"}
# Title words that make a proper noun after them a person ("King Fahd", "Pope John Paul").
_LEADING_TITLES = {
    "president",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "premier",
    "chancellor",
    "minister",
    "secretary",
    "ambassador",
    "envoy",
    "emir",
    "sheikh",
    "sultan",
    "governor",
    "senator",
    "general",
    "gen.",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "chairman",
    "director",
    "speaker",
    "spokesman",
    "spokeswoman",
    "adviser",
    "advisor",
    "leader",
    "mayor",
    "vice",
    "deputy",
    "crown",
}


@dataclass(frozen=True)
class Mention:
    """Tokens [start, end) of the document that name `actor`."""

    start: int
    end: int
    actor: Actor


@dataclass
class _Person:
    name: str
    title: str | None = None
    country: str | None = None
    aliases: set[str] = field(default_factory=set)
    mentions: int = 0

    def actor(self) -> Actor:
        aliases = tuple(sorted(a for a in self.aliases if a != self.name))
        return Actor(self.name, ActorKind.PERSON, self.country, self.title, aliases)


def country_actor(iso3: str, written: str | None = None) -> Actor:
    name = gazetteer.country_name(iso3) or written or iso3
    aliases = (written,) if written and written != name else ()
    return Actor(name, ActorKind.COUNTRY, iso3, None, aliases)


class ActorIndex:
    """Token -> actor map for one document, built once per document."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._by_token: dict[int, Mention] = {}
        self._persons: list[_Person] = []
        self._person_mentions: list[tuple[int, _Person]] = []  # (token index, person)
        self._subject_mentions: list[tuple[int, _Person]] = []
        self._build()

    # ------------------------------------------------------------ lookup
    def mention_at(self, token: Token) -> Mention | None:
        """The actor mention covering `token`, resolving pronouns and short forms."""
        mention = self._by_token.get(token.i)
        if mention is not None:
            return self._refresh(mention)
        if token.lower_ in PRONOUNS:
            person = (
                self._main_clause_subject(token)
                or self._last_subject(token)
                or self._person_before(token.i)
            )
            if person is not None:
                return Mention(token.i, token.i + 1, person.actor())
        if token.lower_ in {"latter", "former"} and token.i and token.nbor(-1).lower_ == "the":
            person = self._one_of_last_two(token)
            if person is not None:
                return Mention(token.i, token.i + 1, person.actor())
        if token.lower_ in ANAPHORIC_TITLES and token.pos_ == "NOUN":
            person = self._title_antecedent(token)
            if person is not None:
                return Mention(token.i, token.i + 1, person.actor())
        return None

    def _main_clause_subject(self, token: Token) -> _Person | None:
        """ "X is likely to meet Y when he pays a visit": he is the main clause's subject."""
        if token.dep_ == "poss":
            # "Chirac will canvass support ... during his two-day visit"
            main = token.head
            while (
                main.pos_ not in {"VERB", "AUX"}
                and main.head.i != main.i
                and main.dep_ in {"pobj", "prep", "dobj", "poss"}
            ):
                main = main.head
            if main.pos_ not in {"VERB", "AUX"}:
                return None
            # "During his trip, Bangemann will meet ...": a fronted phrase looks ahead
            fronted = token.sent.start <= token.i < main.i
        else:
            fronted = False
            clause = token.head
            if token.dep_ not in {"nsubj", "nsubjpass"} or clause.dep_ not in {"advcl", "relcl"}:
                return None
            main = clause.head
        for _ in range(3):
            while main.dep_ in {"xcomp", "conj", "acomp"} and main.head.i != main.i:
                main = main.head
            subjects = [c for c in main.children if c.dep_ in {"nsubj", "nsubjpass"}]
            for child in subjects:
                mention = self._by_token.get(child.i)
                if (
                    (child.i < token.i or fronted)
                    and mention is not None
                    and mention.actor.kind is ActorKind.PERSON
                ):
                    return self._find_person(mention.actor.name)
            if subjects or main.dep_ not in {"acl", "relcl", "advcl"}:
                return None
            # "an idea first proposed by X during his visit": the clause it hangs on
            main = main.head
            while main.pos_ not in {"VERB", "AUX"} and main.head.i != main.i:
                main = main.head
        return None

    def _title_antecedent(self, token: Token) -> _Person | None:
        """ "the Saudi leader", "the king", "the top diplomat": the person meant."""
        mods = [c for c in token.children if c.dep_ in {"amod", "compound", "det", "poss"}]
        if any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in mods):
            return None  # "Sytenko, a former deputy secretary-general": describes, not refers
        if not any(
            c.lower_ in {"the", "this", "that"} or c.dep_ in {"amod", "compound"} for c in mods
        ):
            return None
        country = None
        for child in mods:
            country = country or gazetteer.lookup_demonym(child.text)
            place = gazetteer.lookup_place(child.text) if child.dep_ != "det" else None
            if place and place.kind == "country":
                country = country or place.country
        word = token.lower_
        for i, person in reversed(self._person_mentions):
            if i >= token.i:
                continue
            if country and person.country != country:
                continue
            title = (person.title or "").lower()
            if word == "monarch":
                styled = f"{title} {person.name.lower()}"  # "King Hussein" keeps his style
                if any(style in styled.split() or style in title for style in _MONARCHS):
                    return person
            elif word in _GENERIC_LEADER or word in title:
                return person
        return None

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        seen: list[Mention] = []
        for i in range(start, end):
            m = self._by_token.get(i)
            if m is not None and (not seen or seen[-1].start != m.start):
                seen.append(self._refresh(m))
        return seen

    def _refresh(self, mention: Mention) -> Mention:
        if mention.actor.kind is ActorKind.PERSON:
            person = self._find_person(mention.actor.name)
            if person is not None:
                return Mention(mention.start, mention.end, person.actor())
        return mention

    def _last_subject(self, token: Token) -> _Person | None:
        """ "Annan ended a meeting with Saddam. He is to meet Aziz later": a subject
        pronoun goes on with the last sentence's subject, not its last name."""
        if token.dep_ not in {"nsubj", "nsubjpass"}:
            return None
        sentence = token.sent
        previous = sentence.start - 1
        since = self.doc[previous].sent.start if previous >= 0 else sentence.start
        for i, person in reversed(self._subject_mentions):
            if since <= i < token.i:
                return person
        return None

    def _one_of_last_two(self, token: Token) -> _Person | None:
        """ "Abdullah hosted Olmert during the latter's visit": the latter is the last
        person named, the former the one before."""
        last_two: list[_Person] = []
        for i, person in reversed(self._person_mentions):
            if i < token.i and all(p is not person for p in last_two):
                last_two.append(person)
            if len(last_two) == 2:
                break
        if len(last_two) < 2:
            return None
        return last_two[0] if token.lower_ == "latter" else last_two[1]

    def _person_before(self, index: int) -> _Person | None:
        """A pronoun's antecedent: the person named last before it (not as a modifier)."""
        for i, person in reversed(self._person_mentions):
            if i < index:
                return person
        return None

    def _find_person(self, name: str) -> _Person | None:
        for p in self._persons:
            if p.name == name:
                return p
        return None

    # ------------------------------------------------------------ building
    def _build(self) -> None:
        doc = self.doc
        person_spans = self._person_spans()
        claimed: set[int] = set()
        for span in person_spans:
            self._add_person(span)
            claimed.update(range(span.start, span.end))
        for span in self._place_spans():
            if claimed.isdisjoint(range(span.start, span.end)):
                self._add_place(span)
                claimed.update(range(span.start, span.end))
        organizations = list(doc.spans["organizations"]) if "organizations" in doc.spans else []
        for span in organizations:
            if claimed.isdisjoint(range(span.start, span.end)) and self._add_entity(span):
                claimed.update(range(span.start, span.end))
        for span in doc.ents:
            if span.label_ in {"ORG", "NORP", "GPE", "LOC", "FAC"} and claimed.isdisjoint(
                range(span.start, span.end)
            ):
                if self._add_entity(span):
                    claimed.update(range(span.start, span.end))
        self._add_demonyms(claimed)
        self._add_regions()
        self._person_mentions.sort(key=lambda item: item[0])
        self._subject_mentions.sort(key=lambda item: item[0])

    def _person_spans(self) -> list[Span]:
        doc = self.doc
        spans: list[Span] = [_without_leading_place(e) for e in doc.ents if e.label_ == "PERSON"]
        spans = [
            s
            for s in spans
            if (not is_place(s.text) or len(s) > 2) and not is_media(s.text) and not _outlet(s)
        ]
        taken = {i for s in spans for i in range(s.start, s.end)}
        # Title + proper nouns with no PERSON entity: "King Fahd", "President Clinton".
        for tok in doc:
            if (
                tok.lower_ in _LEADING_TITLES
                and tok.i + 1 < len(doc)
                and tok.text[0].isupper()
                and tok.ent_type_ != "ORG"  # "the General Agreement on Tariffs and Trade"
            ):
                j = tok.i + 1
                while (
                    j < len(doc) and doc[j].lower_ in _LEADING_TITLES and doc[j].text[0].isupper()
                ):
                    j += 1
                k = j
                while (
                    k < len(doc)
                    and doc[k].tag_ == "NNP"
                    and k not in taken
                    and not is_place(doc[k].text)
                    and doc[k].lower_ not in _LEADING_TITLES
                ):
                    k += 1
                if k < len(doc) and doc[k].lower_ in _LEADING_TITLES:
                    continue  # "Vice Foreign Minister", "Deputy Assistant Secretary": all title
                if k > j and not any(is_place(doc[j:k].text) for _ in [0]):
                    spans.append(doc[j:k])
                    taken.update(range(j, k))
        # Known short forms tagged as something else ("Blinken" as GPE).
        full = [s for s in spans if len(s) > 1]
        short_forms: dict[str, int] = {}
        for s in full:
            toks = [t.text for t in s if t.text[0].isalpha()]
            if toks:
                short_forms.setdefault(toks[-1], s.start)
                short_forms.setdefault(toks[0], s.start)
        for tok in doc:
            if tok.i in taken or tok.tag_ != "NNP":
                continue
            first = short_forms.get(tok.text)
            if first is not None and first < tok.i and not is_place(tok.text):
                spans.append(doc[tok.i : tok.i + 1])
                taken.add(tok.i)
        return join_adjacent(
            sorted((_with_hyphenated_given_name(s) for s in spans), key=lambda s: s.start)
        )

    def _add_person(self, span: Span) -> None:
        name = clean_name(span.text)
        if not name or not any(c.isalpha() for c in name):
            return
        title, country = title_and_country(span)
        person = self._match_person(name)
        if person is None:
            person = _Person(name=name, title=title, country=country)
            self._persons.append(person)
        else:
            if len(name) > len(person.name) and name.split()[-1] in person.name.split() + [
                person.name
            ]:
                person.aliases.add(person.name)
                person.name = name
            person.title = person.title or title
            person.country = person.country or country
        person.aliases.add(name)
        person.mentions += 1
        actor_placeholder = Actor(person.name, ActorKind.PERSON)
        mention = Mention(span.start, span.end, actor_placeholder)
        for i in range(span.start, span.end):
            self._by_token[i] = mention
        if span.root.dep_ != "compound":  # "the Biden administration" names no antecedent
            self._person_mentions.append((span.start, person))
            if span.root.dep_ in {"nsubj", "nsubjpass"}:
                self._subject_mentions.append((span.start, person))

    def _match_person(self, name: str) -> _Person | None:
        parts = [bare_surname(p) for p in name.split()]
        if len(parts) == 1:
            return self._match_short_form(name, parts[0])
        for person in reversed(self._persons):
            known = [bare_surname(p) for p in person.name.split()]
            if name == person.name or name in person.aliases:
                return person
            if len(known) == 1 and (known[0] == parts[-1] or known[0] == parts[0]):
                return person
            if (
                len(parts) > 1
                and len(known) > 1
                and parts[-1] == known[-1]
                and parts[0] == known[0]
            ):
                return person
            shorter, longer = sorted((parts, known), key=len)
            if len(shorter) > 1 and longer[: len(shorter)] == shorter:
                return person  # "Susilo Bambang" of "Susilo Bambang Yudhoyono"
        return None

    def _match_short_form(self, name: str, part: str) -> _Person | None:
        """ "Lee" after "President Lee Jae Myung" and "Samsung chairman Lee Jae-yong".

        Ranked: one already called `name`; then one not known by another short form
        ("Hussein" is not "Saddam Hussein" where the writer says "Saddam"); then the one
        the article has named most so far (a namesake brought in passing leaves the
        short form to the main figure); then the latest.
        """
        candidates = [
            (
                name in person.aliases,
                not any(" " not in a and a != name for a in person.aliases),
                person.mentions,
                order,
                person,
            )
            for order, person in enumerate(self._persons)
            if name in person.aliases
            or part in {bare_surname(p) for p in (person.name.split()[0], person.name.split()[-1])}
        ]
        return max(candidates, key=lambda c: c[:4])[4] if candidates else None

    def _place_spans(self) -> list[Span]:
        doc = self.doc
        places = list(doc.spans.get("places", [])) if "places" in doc.spans else []
        if places:
            return places
        return [e for e in doc.ents if e.label_ in {"GPE", "LOC"}]

    def _add_place(self, span: Span) -> None:
        place = gazetteer.lookup_place(clean_name(span.text))
        if place is None or not place.country:
            return
        actor = country_actor(place.country, clean_name(span.text))
        mention = Mention(span.start, span.end, actor)
        for i in range(span.start, span.end):
            self._by_token[i] = mention

    def _add_entity(self, span: Span) -> bool:
        text = clean_name(span.text)
        if not text:
            return False
        if is_media(text) or _outlet(span):
            return False  # "Yonhap News Agency reported": a messenger, not a party
        if _people(span):
            return False
        org = gazetteer.lookup_organization(text)
        if org is not None:
            # the full name is what readers and other coders recognise ("Group of Seven")
            # named as written (what a reader searches for); the canonical forms as aliases
            aliases = tuple(dict.fromkeys(a for a in (org.full_name, org.name) if a and a != text))
            actor = Actor(text, ActorKind.ORGANIZATION, None, None, aliases)
        else:
            place = gazetteer.lookup_place(text)
            iso = place.country if place else gazetteer.lookup_demonym(text)
            if iso:
                actor = country_actor(iso, text)
            elif span.label_ == "ORG" and looks_like_body(span):
                actor = Actor(text, ActorKind.ORGANIZATION, country_inside(span))
            else:
                return False
        mention = Mention(span.start, span.end, actor)
        for i in range(span.start, span.end):
            self._by_token[i] = mention
        return True

    def _add_regions(self) -> None:
        """ "48 African countries", "Arab leaders": a region as one participant."""
        regions = region_adjectives()
        for tok in self.doc:
            if tok.lemma_.lower() not in GROUP_NOUNS or tok.tag_ not in {"NNS", "NNPS"}:
                continue
            mods = [c for c in tok.children if c.dep_ in {"amod", "compound"} and c.i < tok.i]
            for mod in mods:
                phrase = " ".join(t.text for t in self.doc[mod.i : tok.i] if t.dep_ != "punct")
                if phrase.lower() in regions or mod.lower_ in regions:
                    name = f"{mod.text} {tok.text}"
                    mention = Mention(mod.i, tok.i + 1, Actor(name, ActorKind.REGION))
                    for i in range(mod.i, tok.i + 1):
                        self._by_token[i] = mention
                    break

    def _add_demonyms(self, claimed: set[int]) -> None:
        for tok in self.doc:
            if tok.i in claimed or not tok.text[:1].isupper():
                continue
            iso = gazetteer.lookup_demonym(tok.text)
            if (
                iso
                and tok.pos_ in {"ADJ", "PROPN", "NOUN"}
                and not _people(tok.doc[tok.i : tok.i + 1])
            ):
                mention = Mention(tok.i, tok.i + 1, country_actor(iso, tok.text))
                self._by_token[tok.i] = mention


GROUP_NOUNS = {
    "country",
    "nation",
    "state",
    "leader",
    "government",
    "minister",
    "official",
    "delegate",
    "delegation",
    "power",
    "neighbour",
    "neighbor",
    "partner",
    "member",
    "ally",
    "president",
}


def _with_hyphenated_given_name(span: Span) -> Span:
    """ "Chung In-yong", tagged PERSON only as far as "Chung": the given name written
    "In-yong" (a capital, a hyphen, a lower-case syllable, no spaces) is part of it."""
    doc, end = span.doc, span.end
    if (
        end + 2 < len(doc)
        and doc[end].text[:1].isupper()
        and not doc[end].whitespace_
        and doc[end + 1].text == "-"
        and not doc[end + 1].whitespace_
        and doc[end + 2].is_alpha
        and doc[end + 2].is_lower
        and span.text[-1:].isalpha()
        and span[-1].whitespace_
    ):
        return doc[span.start : end + 3]
    return span


# words that name what follows them as a news outlet: "local newspaper Dawn reported"
_OUTLET_WORDS = {
    "newspaper",
    "daily",
    "paper",
    "magazine",
    "weekly",
    "tabloid",
    "broadcaster",
    "website",
    "channel",
}


def _outlet(span: Span) -> bool:
    """A name the text calls a newspaper, a broadcaster or the like ("newspaper Dawn")."""
    return span.start > 0 and span.doc[span.start - 1].lower_ in _OUTLET_WORDS


def _people(span: Span) -> bool:
    """ "Pakistanis visiting India", "thousands of Americans": a country's people, not its
    state; "the Palestinians" at talks stand for a side and stay one."""
    if len(span) != 1:
        return False
    word = span[0]
    # the tagger often calls "Pakistanis" a singular proper noun: the singular demonym says
    plural = word.tag_ in {"NNS", "NNPS"} or (
        word.text.endswith("s") and bool(gazetteer.lookup_demonym(word.text[:-1]))
    )
    first = word.head if word.dep_ == "conj" else word
    sides = first.dep_ == "pobj" and first.head.lower_ in {"between", "among"}
    return (
        plural
        and not sides  # "talks between Israelis and Palestinians"
        and bool(gazetteer.lookup_demonym(word.text))
        and not any(c.dep_ == "det" for c in word.children)
    )


def _without_leading_place(span: Span) -> Span:
    """ "Ambassador to Zimbabwe Vaclav Jilek": the tagger runs the country of the title into
    the name; a known country or city before two more words is not part of it."""
    if len(span) >= 3 and span.start > 0 and span.doc[span.start - 1].lower_ in {"to", "in", "of"}:
        place = gazetteer.lookup_place(span[0].text)
        if place is not None and place.country:
            return span[1:]
    return span
