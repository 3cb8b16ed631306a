"""Who takes part in an engagement, and where it goes, from the parse around its trigger.

In: a `Trigger` and the document's `ActorIndex`. Out: `Arguments`: actors (the
subject side: the visitor, the one who meets or calls), recipients (objects:
"with X", "meet X", "visit X", poss/compound partners), and places (a visit's
destination, a meeting's venue).

The subject is found through control and raising verbs ("Blinken is expected
to visit", "Lee is scheduled to pay a visit"), and for a noun trigger through
the verb that governs it ("held talks", "made a trip").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from summitry.events.actors import ActorIndex, Mention, country_actor
from summitry.events.frame import party_key
from summitry.events.lexicon import reporting_verbs
from summitry.events.triggers import STAY_UNITS
from summitry.model import Actor, ActorKind, Location
from summitry.nlp import gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Token

    from summitry.events.triggers import Trigger

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
# Verbs through which a subject reaches the trigger ("expected to visit", "agreed to meet").
CONTROL_DEPS = {"xcomp", "ccomp", "advcl", "conj", "acomp", "oprd"}
LIGHT_VERBS = {
    "hold",
    "have",
    "make",
    "pay",
    "conduct",
    "begin",
    "start",
    "open",
    "resume",
    "attend",
    "host",
    "end",
    "conclude",
    "wrap",
    "continue",
    "cut",
    "cancel",
    "postpone",
    "join",
    "plan",
    "schedule",
    "set",
    "arrange",
    "call",
    "propose",
    "seek",
    "prepare",
    "organize",
    "convene",
    "stage",
    "lead",
    "undertake",
    "complete",
    "finish",
    "break",
    "skip",
    "delay",
}
REPORTING = reporting_verbs()
_PRONOUN_POSS = {"his", "her"}


@dataclass
class Arguments:
    actors: list[Actor] = field(default_factory=list)
    recipients: list[Actor] = field(default_factory=list)
    places: list[tuple[Location, Token]] = field(default_factory=list)

    def add(self, side: list[Actor], actor: Actor) -> None:
        if not any(_same(actor, a) for a in self.actors + self.recipients):
            side.append(actor)


def _same(a: Actor, b: Actor) -> bool:
    if a.kind is ActorKind.PERSON or b.kind is ActorKind.PERSON:
        return a.kind == b.kind and a.name == b.name
    return party_key(a) == party_key(b)  # "APEC" and "Asia-Pacific Economic Cooperation"


def _conjuncts(token: Token) -> list[Token]:
    out = [token]
    for child in token.children:
        if child.dep_ == "appos" and child.tag_ == "NN" and token.pos_ == "PROPN":
            continue  # "Sytenko, a former official of the UN" says who he is (a list of
            # parties read as an apposition is plural: "Hu, 41 heads of state")
        if child.dep_ in {"conj", "appos"} and child.pos_ in {"PROPN", "NOUN", "PRON"}:
            out.extend(_conjuncts(child))
    return out


OFFICE_NOUNS = {
    "chief",
    "aide",
    "envoy",
    "adviser",
    "advisor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "secretary",
    "deputy",
    "assistant",
    "representative",
    "delegation",
    "team",
    "staff",
    "son",
    "daughter",
    "wife",
    "husband",
    "office",
    "administration",
    "government",
    "cabinet",
}


# armed forces and crowds move without engaging anyone: "French troops arrived in Durres"
NOT_PARTIES = {
    "troop",
    "soldier",
    "force",
    "peacekeeper",
    "police",
    "policeman",
    "marine",
    "sailor",
    "warship",
    "ship",
    "vessel",
    "jet",
    "fighter",
    "plane",
    "aircraft",
    "refugee",
    "migrant",
    "tourist",
    "fan",
    "pilgrim",
    "evacuee",
    # people of a country who do not act for it: "the Korean community in China"
    "community",
    "diaspora",
    "expatriate",
    "resident",
    "student",
    "worker",
    "businessman",
    "businesswoman",
    "executive",
    "investor",
    "journalist",
    "reporter",
}

# "his ministers", "Lee's officials": people of a person, not the person
_STAFF_PLURALS = {"minister", "official", "delegate", "diplomat", "negotiator"}


def _no_party(token: Token) -> bool:
    """Troops, refugees, a country's community: never a party; but a name is ("the
    Community", the EC)."""
    written_as_common = token.is_lower or (token.is_sent_start and token.tag_ in {"NN", "NNS"})
    return token.lemma_.lower() in NOT_PARTIES and written_as_common


def mentions_under(token: Token, index: ActorIndex) -> list[Mention]:
    """Actor mentions in the noun phrase headed by `token`: persons if it names any.

    The phrase is the token's subtree without clauses, nested engagements and
    prepositions other than of/from/including ("members of the Japanese
    parliament and Foreign Minister Ikeda", "the US-Japan summit").
    """
    if (
        token.lemma_.lower() in OFFICE_NOUNS
        or (token.tag_ == "NNS" and token.lemma_.lower() in _STAFF_PLURALS)
    ) and any(
        c.dep_ == "poss"
        and (m := index.mention_at(c)) is not None
        and m.actor.kind is ActorKind.PERSON
        for c in token.children
    ):
        return []  # "Lee's chief of staff", "his ministers" are not Lee, not him
    if _no_party(token):
        return []
    found: list[Mention] = []

    def visit(tok: Token, depth: int) -> None:
        mention = index.mention_at(tok)
        if mention is not None and all(f.start != mention.start for f in found):
            found.append(mention)
        if depth > 6:
            return
        leaders = []
        for child in tok.children:
            if child.dep_ == "acl" and child.lemma_ in {"lead", "head"}:
                leaders.extend(
                    obj
                    for agent in child.children
                    if agent.dep_ == "agent"
                    for obj in agent.children
                    if obj.dep_ == "pobj"
                )
                continue
            if child.dep_ in {"relcl", "acl", "advcl", "ccomp", "punct", "cc", "det"}:
                continue
            if child.dep_ == "prep" and child.lower_ not in {"of", "from", "including"}:
                continue
            if child.i != token.i and _is_event_noun(child):
                continue
            if _no_party(child):
                continue  # "members of the Turkish community"
            visit(child, depth + 1)
        if not found:
            # "a delegation headed by Foreign Secretary Khan": he stands for a body that
            # names no side of its own ("the Nigerian team, headed by ..." is Nigeria's)
            for leader in leaders:
                visit(leader, depth + 1)

    visit(token, 0)
    persons = [m for m in found if m.actor.kind is ActorKind.PERSON]
    return persons or found


def subjects(token: Token) -> list[Token]:
    """The subject(s) of the clause `token` belongs to, climbing control verbs."""
    current = token
    for _ in range(6):
        subs = [c for c in current.children if c.dep_ in SUBJECT_DEPS]
        if subs and current.dep_ == "relcl" and all(s.tag_ in {"WP", "WDT"} for s in subs):
            return [current.head]  # "Howard, who will also be visiting South Korea"
        if subs:
            return [t for s in subs for t in _conjuncts(s)]
        agent = [c for c in current.children if c.dep_ == "agent"]
        if agent:
            return [t for a in agent for p in a.children if p.dep_ == "pobj" for t in _conjuncts(p)]
        if current.dep_ in {"advcl", "acl"} and current.head.pos_ in {"PROPN", "NOUN"}:
            return [current.head]  # "Albright, arriving after a flight, ..."
        if aside_on_a_trip(current) and current.head.pos_ in {"PROPN", "NOUN"}:
            return [current.head]  # "Ruto, on a visit to Hanoi, ..."
        if current.dep_ == "prep" and current.lower_ in {"about", "regarding", "concerning"}:
            break  # "asked about the agenda of the talks": the asker is no party
        if current.dep_ in CONTROL_DEPS | {
            "xcomp",
            "dobj",
            "pobj",
            "prep",
            "pcomp",
            "relcl",
            "acl",
        } and (current.head.i != current.i):
            if current.dep_ == "relcl":
                return [current.head]
            if current.head.lemma_ in REPORTING and not aside_on_a_trip(current):
                return []
            current = current.head
            continue
        break
    return []


_PARTS_OF_A_TRIP = {"leg", "stage", "part", "stretch", "portion", "segment"}


def governing_verb(token: Token) -> Token | None:
    """For a noun trigger, the verb it is the object of ("hold talks", "pay a visit to")."""
    current = token
    for _ in range(3):
        if current.dep_ in {"dobj", "nsubj", "nsubjpass", "attr"} and current.head.pos_ in {
            "VERB",
            "AUX",
        }:
            return current.head
        if current.dep_ == "pobj" and current.head.head.pos_ in {"VERB", "AUX"}:
            return current.head.head
        if (
            current.dep_ == "pobj"
            and current.head.lower_ == "of"
            and current.head.head.lemma_.lower() in _PARTS_OF_A_TRIP
            and current.head.head.dep_ in {"nsubj", "nsubjpass"}
        ):
            current = current.head.head  # "the last leg of his visit will take him to Pakistan"
            continue
        if current.dep_ == "compound":
            current = current.head
            continue
        break
    return None


def _capital_phrase(token: Token) -> tuple[Location, Actor] | None:
    """ "the Chinese capital": the capital of the country the adjective names."""
    if token.lower_ != "capital":
        return None
    for child in token.children:
        iso = (
            gazetteer.lookup_demonym(child.text)
            if child.dep_ in {"amod", "compound", "poss"}
            else None
        )
        capital = gazetteer.capital_of(iso) if iso else None
        if iso and capital:
            return Location(capital, iso), country_actor(iso, capital)
    return None


def _place_of(token: Token, index: ActorIndex) -> tuple[Location, Actor] | None:
    capital = _capital_phrase(token)
    if capital is not None:
        return capital
    for tok in _conjuncts(token)[:1]:
        others = {
            t.i
            for c in tok.children
            if c.dep_ in {"conj", "cc", "punct"}  # "Equatorial Guinea, and Mauritania"
            for t in c.subtree
        }
        span_tokens = [
            t for t in tok.subtree if t.dep_ not in {"prep", "relcl"} and t.i not in others
        ]
        text = " ".join(
            t.text for t in span_tokens if t.pos_ in {"PROPN", "NOUN"} or t.text[:1].isupper()
        )
        for candidate in (text, tok.text):
            place = gazetteer.lookup_place(candidate) if candidate else None
            if place and not place.country:
                return None  # "South America" is a region, not "America"
            if place and place.country:
                name = (
                    place.name if place.kind != "metonym" else gazetteer.country_name(place.country)
                )
                return Location(name or candidate, place.country), country_actor(
                    place.country, candidate
                )
        mention = index.mention_at(tok)
        if (
            mention is not None
            and mention.actor.kind is ActorKind.COUNTRY
            and mention.actor.country
        ):
            return Location(mention.actor.name, mention.actor.country), mention.actor
    return None


def _is_event_noun(token: Token) -> bool:
    from summitry.events.lexicon import triggers

    return token.pos_ == "NOUN" and (token.lemma_.lower(), "NOUN") in triggers()


def aside_on_a_trip(token: Token) -> bool:
    """ "Ruto, on a visit to Hanoi, said ...", "Chirac, in a visit earlier this week with
    Reagan, sounded out ...": the one set off by the commas is the traveller."""
    return (
        token.dep_ == "prep"
        and token.lower_ in {"on", "in", "during"}
        and token.i > 0
        and token.doc[token.i - 1].text == ","
    )


def _add_mentions(args: Arguments, side: list[Actor], token: Token, index: ActorIndex) -> None:
    for tok in _conjuncts(token):
        for m in mentions_under(tok, index):
            args.add(side, m.actor)


def collect(trigger: Trigger, index: ActorIndex) -> Arguments:
    """Read the participants and places of one trigger."""
    tok = trigger.token
    args = Arguments()
    verb = tok if tok.pos_ in {"VERB", "AUX"} else governing_verb(tok)
    # Subject side.
    subject_source = verb if verb is not None else tok
    if tok.pos_ not in {"VERB", "AUX"}:
        for child in tok.children:
            if child.dep_ == "poss":
                _add_mentions(args, args.actors, child, index)
        if trigger.mode.value == "visit":
            for child in tok.children:  # "the visit of Chancellor X to Brazil"
                if child.dep_ == "prep" and child.lower_ == "of":
                    for p in child.children:
                        if p.dep_ == "pobj" and _place_of(p, index) is None:
                            _add_mentions(args, args.actors, p, index)
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "by":
                for p in child.children:
                    if p.dep_ == "pobj":
                        _add_mentions(args, args.actors, p, index)
    # "talks between Lee and Xi" name both sides: whoever asks about them is no party
    own_parties = len(args.recipients) >= 2 or any(
        c.dep_ == "prep" and c.lower_ in {"between", "among"} for c in tok.children
    )
    light = verb is not None and verb.lemma_ in LIGHT_VERBS
    if not args.actors and (verb is tok or light or not own_parties):
        for s in subjects(subject_source):
            if s.i != tok.i and _is_event_noun(s):
                continue  # "the trip follows visits by X": a relation between two events
            _add_mentions(args, args.actors, s, index)
    if not args.actors and tok.pos_ in {"VERB", "AUX"} and tok.dep_ != "acl":
        # (not "Pakistanis visiting India": the noun a participle hangs on is its subject)
        # a misparsed clause ("... and meet with X" hung on a relative clause):
        # the actor is the subject of the sentence
        root = tok.sent.root
        for s in subjects(root) if root.i != tok.i and root.lemma_ not in REPORTING else []:
            _add_mentions(args, args.actors, s, index)
    # "Singapore, where she may meet X": the place the relative clause hangs on.
    clause = verb if verb is not None else tok
    while clause.dep_ in {"conj", "xcomp"} and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ == "relcl" and any(c.lower_ == "where" for c in clause.children):
        place = _place_of(clause.head, index)
        if place is not None:
            args.places.append((place[0], clause.head))
            if trigger.mode.value == "visit":
                args.add(args.recipients, place[1])
    _read_host(tok, args, index)
    _read_nested_places(tok, trigger, args, index)
    _read_control_places(verb if verb is not None else tok, trigger, args, index)
    # Object side.
    holders = [tok] + ([verb] if verb is not None and verb is not tok else [])
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        # "an opening round of talks late Monday with X"
        for child in tok.head.head.children:
            if child.dep_ == "prep" and child.lower_ == "with":
                _read_prep(child, trigger, args, index)
    for holder in holders:
        for child in holder.children:
            if child.dep_ in {"dobj", "advmod", "npadvmod"} and holder is tok:
                for grand in child.children:  # "meet one-on-one with Cho"
                    if grand.dep_ == "prep" and grand.lower_ == "with":
                        _read_prep(grand, trigger, args, index)
            if child.dep_ == "dobj" and holder is tok and child.lemma_ in STAY_UNITS:
                for grand in child.children:  # "spent five hours in Tanzania"
                    if grand.dep_ == "prep" and grand.lower_ == "in":
                        _read_prep(grand, trigger, args, index)
            elif child.dep_ == "dobj" and holder is tok:
                for obj in _conjuncts(child):  # "visit Poland and Romania"
                    place = _place_of(obj, index) if trigger.mode.value == "visit" else None
                    if place is not None:
                        args.places.append((place[0], obj))
                        args.add(args.recipients, place[1])
                    else:
                        for m in mentions_under(obj, index):
                            args.add(args.recipients, m.actor)
            elif child.dep_ == "prep":
                _read_prep(child, trigger, args, index)
            elif child.dep_ in {"compound", "amod", "nmod"} and holder is tok:
                venue = (
                    _venue_compound(tok, child, index) if trigger.mode.value != "visit" else None
                )
                if venue is not None:  # "the Geneva talks", "the Venice summit"
                    args.places.append((venue, child))
                else:
                    _add_mentions(args, args.recipients, child, index)
            elif child.dep_ == "acl" and holder is tok:
                for grand in child.children:  # "a summit scheduled to be held in Riyadh"
                    if grand.dep_ == "prep" and grand.lower_ in {"in", "at"}:
                        _read_prep(grand, trigger, args, index)
                    if grand.dep_ == "xcomp":
                        for great in grand.children:
                            if great.dep_ == "prep" and great.lower_ in {"in", "at"}:
                                _read_prep(great, trigger, args, index)
            elif child.dep_ == "npadvmod" and holder is tok:
                place = _place_of(child, index)
                if place is not None:
                    args.places.append((place[0], child))
    if not args.recipients and trigger.mode.value == "meeting":
        _read_addressee(tok, args, index)
    if tok.dep_ == "pobj" and aside_on_a_trip(tok.head):
        # "Chirac, in a visit ... with President Reagan,": the parser hangs "with" on the
        # traveller or on "in" as often as on the visit
        for sibling in [*tok.head.head.children, *tok.head.children]:
            if sibling.dep_ == "prep" and sibling.lower_ == "with":
                _read_prep(sibling, trigger, args, index)
    return args


def _read_addressee(tok: Token, args: Arguments, index: ActorIndex) -> None:
    """ "Hu told Botswana President Mogae in a meeting": the person spoken to in the
    meeting is the one met."""
    if tok.pos_ != "NOUN" or tok.dep_ != "pobj" or tok.head.lower_ not in {"in", "during"}:
        return
    verb = tok.head.head
    if verb.pos_ != "VERB":
        return
    for child in verb.children:
        if child.dep_ in {"dobj", "dative"}:
            for m in mentions_under(child, index):
                if m.actor.kind is ActorKind.PERSON:
                    args.add(args.recipients, m.actor)


# a person's family and retinue travel with them; they are not the other side
_COMPANIONS = {
    "wife",
    "husband",
    "spouse",
    "son",
    "daughter",
    "child",
    "family",
    "mother",
    "father",
    "entourage",
    "bodyguard",
}


def _read_prep(prep: Token, trigger: Trigger, args: Arguments, index: ActorIndex) -> None:
    for other in prep.children:  # "to Poland in October and to Norway in November"
        if other.dep_ == "conj" and other.pos_ == "ADP":
            _read_prep(other, trigger, args, index)
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    word = prep.lower_
    for obj in objects:
        if word == "of" and trigger.token.lemma_.lower() == "discussion":
            continue  # "a discussion of Russia's war": what is discussed, not who
        if word == "with" and obj.lemma_.lower() in _COMPANIONS:
            # "arrived with his wife Tetsuyo": who travels along is met by no one
            named = {obj.i} | {c.i for c in obj.children if c.dep_ == "appos"}
            for other in _conjuncts(obj):
                if other.i not in named:
                    for m in mentions_under(other, index):
                        args.add(args.recipients, m.actor)
            continue
        if word in {"with", "between", "among", "of", "amongst", "involving"}:
            _add_mentions(args, args.recipients, obj, index)
        elif word == "including" and trigger.mode.value == "visit" and _fellow_travellers(obj):
            # "15 leaders arrived in Beijing, including the presidents of Zambia and Ghana"
            _add_mentions(args, args.actors, obj, index)
        elif word == "under" and obj.lower_ in {"auspices", "aegis", "chairmanship", "sponsorship"}:
            _add_mentions(args, args.recipients, obj, index)  # "under the auspices of the IMF"
        elif word in {"to", "for"} and trigger.mode.value == "visit":
            for destination in _conjuncts(obj):  # "visits to Poland, Romania and Norway"
                place = _place_of(destination, index)
                if place is not None:
                    args.places.append((place[0], destination))
                    args.add(args.recipients, place[1])
                elif word == "to":
                    _add_mentions(args, args.recipients, destination, index)
        elif word in {"in", "at", "on", "during"}:
            place = _place_of(obj, index) if word != "during" else None
            if place is not None:
                args.places.append((place[0], obj))
                if trigger.mode.value == "visit":
                    args.add(args.recipients, place[1])
            elif trigger.mode.value != "visit":
                _read_host_gathering(obj, args, index)


_PLACE_NOUNS = {"country", "nation", "city", "capital", "state", "region", "province", "island"}


def _fellow_travellers(obj: Token) -> bool:
    """Whether what a visit verb's "including" lists are travellers ("including the presidents
    of Zambia and Ghana", "including President Obasanjo"), not places on the way ("travelled
    to five countries, including Kenya and Ghana")."""
    if obj.head.head.pos_ != "VERB":
        return False
    if obj.ent_type_ == "PERSON":
        return True
    return obj.pos_ == "NOUN" and obj.lemma_.lower() not in _PLACE_NOUNS


# what a meeting can be held at or beside: "talks at the G20 summit in Osaka"
_GATHERINGS = {"summit", "conference", "forum", "meeting", "gathering", "session", "ministerial"}
_SIDELINES = {"sidelines", "sideline", "margins", "margin", "fringes", "fringe"}


def host_of_side_meeting(gathering: Token) -> Token | None:
    """The word a gathering is the venue of, if it is one: "met" in "met Xi on the sidelines
    of the APEC summit", "held" in "held talks at the G20 summit"; else None."""
    if gathering.dep_ != "pobj":
        return None
    prep = gathering.head
    if prep.lower_ == "of" and prep.head.lower_ in _SIDELINES and prep.head.dep_ == "pobj":
        prep = prep.head.head
    if prep.dep_ != "prep" or prep.lower_ not in {"at", "on", "during"}:
        return None
    return prep.head


def _read_host_gathering(obj: Token, args: Arguments, index: ActorIndex) -> None:
    """A meeting held at (or on the sidelines of) a gathering is where the gathering is:
    "met Xi on the sidelines of the APEC summit in Gyeongju"."""
    gathering = obj
    if obj.lower_ in _SIDELINES:
        of = [c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"]
        gathering = next((c for p in of for c in p.children if c.dep_ == "pobj"), obj)
    if gathering.lemma_.lower() not in _GATHERINGS:
        return
    for prep in gathering.children:
        if prep.dep_ == "prep" and prep.lower_ in {"in", "at"}:
            for place_token in prep.children:
                place = _place_of(place_token, index) if place_token.dep_ == "pobj" else None
                if place is not None:
                    args.places.append((place[0], place_token))


def _venue_compound(tok: Token, child: Token, index: ActorIndex) -> Location | None:
    """A lone city before a meeting word names where it is held, not a party ("the
    Geneva superpower talks"); two places ("Seoul-Washington talks") or a country
    ("US-Japan summit") are parties."""
    modifiers = [
        t for c in tok.children if c.dep_ in {"compound", "nmod"} for t in c.subtree if t.i < tok.i
    ]
    named = [t for t in modifiers if index.mention_at(t) is not None]
    if len({index.mention_at(t).start for t in named}) != 1:  # type: ignore[union-attr]
        return None
    place = gazetteer.lookup_place(named[0].text)
    if place is None or place.kind not in {"city", "capital"} or not place.country:
        return None
    if not any(t.i == named[0].i for t in child.subtree):
        return None
    return Location(place.name, place.country)


def _read_control_places(verb: Token, trigger: Trigger, args: Arguments, index: ActorIndex) -> None:
    """ "In Tokyo, Susilo is expected to meet Abe": a place on the verbs that control it."""
    current = verb
    for _ in range(3):
        if current.dep_ not in {"xcomp", "acomp"} or current.head.i == current.i:
            return
        current = current.head
        for child in current.children:
            if child.dep_ == "prep" and child.lower_ in {"in", "at"}:
                for obj in child.children:
                    place = _place_of(obj, index) if obj.dep_ == "pobj" else None
                    if place is not None:
                        args.places.append((place[0], obj))


def _read_host(tok: Token, args: Arguments, index: ActorIndex) -> None:
    """ "Japan is this year's host for the summit", "Japan will host the summit",
    "a summit hosted by Japan": the host is where it is held."""
    hosts: list[Token] = []
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in {"for", "of"} and head.head.lemma_.lower() == "host":
        host_noun = head.head
        if host_noun.dep_ == "attr":
            hosts += [c for c in host_noun.head.children if c.dep_ == "nsubj"]
    if tok.dep_ == "dobj" and head.lemma_.lower() == "host":
        hosts += [c for c in head.children if c.dep_ == "nsubj"]
    for child in tok.children:
        if child.dep_ == "acl" and child.lemma_.lower() == "host":
            for agent in child.children:
                if agent.dep_ == "agent":
                    hosts += [p for p in agent.children if p.dep_ == "pobj"]
    for host in hosts:
        place = _place_of(host, index)
        if place is not None:
            args.places.append((place[0], host))
            args.add(args.actors, place[1])


def _read_nested_places(tok: Token, trigger: Trigger, args: Arguments, index: ActorIndex) -> None:
    """ "a meeting among their foreign ministers in Japan": a place deeper in the phrase."""
    if tok.pos_ in {"VERB", "AUX"} or trigger.mode.value == "visit":
        return
    for child in tok.children:
        if child.dep_ != "prep" or child.lower_ not in {"among", "between", "of", "with"}:
            continue
        for obj in child.children:
            for grand in obj.children:
                if grand.dep_ == "prep" and grand.lower_ in {"in", "at"}:
                    for place_token in grand.children:
                        place = (
                            _place_of(place_token, index) if place_token.dep_ == "pobj" else None
                        )
                        if place is not None:
                            args.places.append((place[0], place_token))


def clause_parties(trigger: Trigger, index: ActorIndex) -> list[Actor]:
    """Parties named on the verbs that govern a multilateral trigger.

    "South Korea is working with China and Japan to hold a three-way meeting"
    names the three parties on "working", not on "meeting".
    """
    found = Arguments()
    current = trigger.token
    for _ in range(5):
        head = current.head
        if head.i == current.i or head.lemma_ in REPORTING:
            break
        current = head
        if current.pos_ not in {"VERB", "AUX"}:
            continue
        for child in current.children:
            if child.dep_ in SUBJECT_DEPS:
                _add_mentions(found, found.actors, child, index)
            elif child.dep_ == "prep" and child.lower_ in {"with", "between", "among"}:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        _add_mentions(found, found.recipients, obj, index)
    return found.actors + found.recipients
