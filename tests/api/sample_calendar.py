"""A small hand-built calendar for the API and web tests (no extraction needed).

Each document is written out in full and its events point into it with real
character offsets, found with `str.index`, so highlighting and the API's
evidence spans are checked against actual text. The articles are invented.

    doc-blinken-seoul   2025-01-03  Blinken visits South Korea, 5-6 Jan (expected)
    doc-varga-tokyo-1   2025-01-09  Varga visits Japan, 13 Jan (planned)
    doc-varga-tokyo-2   2025-01-14  ... the same visit (occurred): history planned -> occurred
    doc-nairobi-call    2025-01-08  Odhiambo calls Ethiopia, 8 Jan (occurred)
                                    a summit in Addis Ababa, 20 Jan (cancelled)
    doc-mori-february   2025-01-20  Mori visits South Korea in February (possible, month only)
    doc-hostile         2025-01-02  an article carrying <script> in its evidence
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from summitry.model import (
    Actor,
    ActorKind,
    Attribution,
    Document,
    Event,
    EventStatus,
    Location,
    Mode,
    ReferenceSource,
    Span,
    TimeValue,
)
from summitry.store import Store

BLINKEN = Actor("Antony Blinken", ActorKind.PERSON, "USA", "Secretary of State", ("Blinken",))
VARGA = Actor("Elena Varga", ActorKind.PERSON, "HUN", "Foreign Minister", ("Varga",))
ODHIAMBO = Actor("Amina Odhiambo", ActorKind.PERSON, "KEN", "Foreign Minister", ("Odhiambo",))
MORI = Actor("Kenji Mori", ActorKind.PERSON, "JPN", "Foreign Minister", ("Mori",))
SOUTH_KOREA = Actor("South Korea", ActorKind.COUNTRY, "KOR")
JAPAN = Actor("Japan", ActorKind.COUNTRY, "JPN")
ETHIOPIA = Actor("Ethiopia", ActorKind.COUNTRY, "ETH")
KENYA = Actor("Kenya", ActorKind.COUNTRY, "KEN")
AFRICAN_UNION = Actor("African Union", ActorKind.ORGANIZATION, None)
MALLORY = Actor("Mallory Quill", ActorKind.PERSON, "GBR", None, ("Quill",))

HOSTILE_MARKUP = "<script>window.__summitry_xss = 1</script>"


@dataclass(frozen=True)
class Frame:
    """An event to place in an article: which words are its evidence, trigger and time."""

    mode: Mode
    actors: tuple[Actor, ...]
    recipients: tuple[Actor, ...]
    status: EventStatus
    sentence: str  # a sentence of the article: the evidence
    trigger: str  # a word of that sentence
    time_text: str | None = None
    time_value: str | None = None
    time_end: str | None = None
    location: Location | None = None
    source: str | None = None


def article(
    doc_id: str, day: dt.date, text: str, frames: list[Frame], *, url: str | None, publisher: str
) -> Document:
    """A `Document` whose events point into `text` with real offsets."""
    events = []
    for frame in frames:
        start = text.index(frame.sentence)
        evidence = Span(start, start + len(frame.sentence), frame.sentence)
        t = start + frame.sentence.index(frame.trigger)
        trigger = Span(t, t + len(frame.trigger), frame.trigger)
        time = None
        if frame.time_text is not None:
            s = start + frame.sentence.index(frame.time_text)
            time = TimeValue(
                frame.time_text,
                frame.time_value,
                frame.time_end,
                Span(s, s + len(frame.time_text), frame.time_text),
            )
        events.append(
            Event(
                mode=frame.mode,
                actors=frame.actors,
                recipients=frame.recipients,
                status=frame.status,
                location=frame.location,
                time=time,
                attribution=(Attribution(frame.source, (publisher,)),) if frame.source else (),
                evidence=(evidence,),
                trigger=trigger,
                confidence=0.8,
            )
        )
    return Document(
        id=doc_id,
        text=text,
        events=tuple(events),
        dct=day,
        reference_day=day,
        reference_source=ReferenceSource.DCT,
        title=text.split("\n", 1)[0],
        url=url,
        publisher=publisher,
        source="tests",
        body=Span(0, len(text), text),
    )


SEOUL_SENTENCE = (
    "Secretary of State Antony Blinken is expected to travel to Seoul on Sunday"
    " for two days of talks, officials said."
)
VARGA_PLANNED = "Foreign Minister Elena Varga will visit Japan on Monday, her ministry announced."
VARGA_OCCURRED = "Hungarian Foreign Minister Elena Varga arrived in Tokyo on Monday for talks."
CALL_SENTENCE = "Kenya's Foreign Minister Amina Odhiambo spoke by phone with Ethiopia on Wednesday."
SUMMIT_SENTENCE = (
    "The African Union summit with Kenya and Ethiopia in Addis Ababa on Jan. 20 was cancelled."
)
MORI_SENTENCE = (
    "Japanese Foreign Minister Kenji Mori may visit South Korea in February, a source said."
)
HOSTILE_SENTENCE = f"Mallory Quill will meet Japan officials {HOSTILE_MARKUP} on Friday in Osaka."


def documents() -> list[Document]:
    """The sample articles, in ingest order."""
    return [
        article(
            "doc-blinken-seoul",
            dt.date(2025, 1, 3),
            f"Blinken to visit Seoul\n\n{SEOUL_SENTENCE} The trip would be his last to Asia.",
            [
                Frame(
                    Mode.VISIT,
                    (BLINKEN,),
                    (SOUTH_KOREA,),
                    EventStatus.EXPECTED,
                    SEOUL_SENTENCE,
                    "travel",
                    "on Sunday",
                    "2025-01-05",
                    "2025-01-06",
                    Location("Seoul", "KOR"),
                    "officials",
                ),
            ],
            url="https://news.example/blinken-seoul",
            publisher="Example Wire",
        ),
        article(
            "doc-varga-tokyo-1",
            dt.date(2025, 1, 9),
            f"Varga to visit Japan\n\n{VARGA_PLANNED}",
            [
                Frame(
                    Mode.VISIT,
                    (VARGA,),
                    (JAPAN,),
                    EventStatus.PLANNED,
                    VARGA_PLANNED,
                    "visit",
                    "on Monday",
                    "2025-01-13",
                    None,
                    Location("Tokyo", "JPN"),
                ),
            ],
            url="https://news.example/varga-plans",
            publisher="Example Wire",
        ),
        article(
            "doc-varga-tokyo-2",
            dt.date(2025, 1, 14),
            f"Varga in Tokyo\n\n{VARGA_OCCURRED}",
            [
                Frame(
                    Mode.VISIT,
                    (VARGA,),
                    (JAPAN,),
                    EventStatus.OCCURRED,
                    VARGA_OCCURRED,
                    "arrived",
                    "on Monday",
                    "2025-01-13",
                    None,
                    Location("Tokyo", "JPN"),
                ),
            ],
            url="https://news.example/varga-arrives",
            publisher="Other Daily",
        ),
        article(
            "doc-nairobi-call",
            dt.date(2025, 1, 8),
            f"Kenya and Ethiopia talk\n\n{CALL_SENTENCE} {SUMMIT_SENTENCE}",
            [
                Frame(
                    Mode.PHONE,
                    (ODHIAMBO,),
                    (ETHIOPIA,),
                    EventStatus.OCCURRED,
                    CALL_SENTENCE,
                    "spoke by phone",
                    "on Wednesday",
                    "2025-01-08",
                ),
                Frame(
                    Mode.MULTILATERAL,
                    (AFRICAN_UNION,),
                    (KENYA, ETHIOPIA),
                    EventStatus.CANCELLED,
                    SUMMIT_SENTENCE,
                    "summit",
                    "Jan. 20",
                    "2025-01-20",
                    None,
                    Location("Addis Ababa", "ETH"),
                ),
            ],
            url=None,
            publisher="Nairobi Example",
        ),
        article(
            "doc-mori-february",
            dt.date(2025, 1, 20),
            f"Mori may visit Seoul\n\n{MORI_SENTENCE}",
            [
                Frame(
                    Mode.VISIT,
                    (MORI,),
                    (SOUTH_KOREA,),
                    EventStatus.POSSIBLE,
                    MORI_SENTENCE,
                    "visit",
                    "in February",
                    "2025-02",
                ),
            ],
            url="https://news.example/mori-february",
            publisher="Example Wire",
        ),
        article(
            "doc-hostile",
            dt.date(2025, 1, 2),
            f"Quill meeting {HOSTILE_MARKUP}\n\n{HOSTILE_SENTENCE}",
            [
                Frame(
                    Mode.MEETING,
                    (MALLORY,),
                    (JAPAN,),
                    EventStatus.PLANNED,
                    HOSTILE_SENTENCE,
                    "meet",
                    "on Friday",
                    "2025-01-03",
                    None,
                    Location("Osaka", "JPN"),
                ),
            ],
            url="javascript:alert(1)",
            publisher=f"Evil {HOSTILE_MARKUP} Press",
        ),
    ]


def fill(store: Store) -> dict[str, tuple[str, ...]]:
    """Ingest the sample articles; returns each document's calendar event ids."""
    return {doc.id: store.ingest(doc).event_ids for doc in documents()}
