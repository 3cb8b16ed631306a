"""Who said it, and through whom: the attribution chain of a reported event.

In: the sentence of a trigger, and the article's dateline agency and publisher.
Out: an `Attribution(source, via)`: `source` is the subject of the reporting
verb ("a diplomatic source", "the ministry", "Wi"), or the object of
"according to"; `via` lists the outlets it passed through, nearest first: a
cited agency ("citing Yonhap", "Yonhap reported"), the dateline's agency, then
the publisher.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summitry.events.lexicon import reporting_verbs
from summitry.model import Attribution

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

REPORTING = reporting_verbs()
_STOP_DEPS = {"relcl", "acl", "prep", "punct", "cc", "conj", "appos"}


def _phrase(token: Token) -> str:
    """The noun phrase of `token` without clauses or long modifiers."""
    keep = [token]
    for child in token.children:
        if child.dep_ in {"det", "amod", "compound", "nummod", "poss", "case"} or (
            child.dep_ == "prep" and child.lower_ == "of"
        ):
            keep.extend(child.subtree)
    keep = sorted(keep, key=lambda t: t.i)
    text = " ".join(t.text for t in keep).replace(" 's", "'s").replace(" - ", "-")
    return text.strip()


def _reporting_verbs(sent: Span) -> list[Token]:
    return [t for t in sent if t.lemma_ in REPORTING and t.pos_ in {"VERB", "AUX"}]


def find_source(sent: Span) -> str | None:
    for tok in sent:
        if (
            tok.lower_ == "according"
            and tok.i + 1 < sent.end
            and sent.doc[tok.i + 1].lower_ == "to"
        ):
            for obj in sent.doc[tok.i + 1].children:
                if obj.dep_ == "pobj":
                    return _phrase(obj)
    for verb in _reporting_verbs(sent):
        if verb.lemma_ == "report" and any(
            c.dep_ == "nsubj" and c.ent_type_ == "ORG" for c in verb.children
        ):
            continue
        for child in verb.children:
            if child.dep_ in {"nsubj", "nsubjpass"} and child.pos_ != "PRON":
                return _phrase(child)
    return None


def find_outlets(sent: Span) -> list[str]:
    outlets: list[str] = []
    for tok in sent:
        if tok.lower_ == "citing":
            for child in tok.children:
                if child.dep_ in {"dobj", "pobj"}:
                    outlets.append(_phrase(child))
        if tok.lemma_ == "report" and tok.pos_ == "VERB":
            for child in tok.children:
                if child.dep_ == "nsubj" and child.pos_ == "PROPN":
                    outlets.append(_phrase(child))
    return outlets


def attribute(
    sent: Span, *, agency: str | None = None, publisher: str | None = None
) -> Attribution | None:
    """The attribution of an event read from `sent`."""
    source = find_source(sent)
    via: list[str] = []
    for name in find_outlets(sent) + [agency or "", publisher or ""]:
        if name and all(name.lower() != v.lower() for v in via) and name != source:
            via.append(name)
    if source is None and not via:
        return None
    return Attribution(source, tuple(via))
