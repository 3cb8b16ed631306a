"""The PLOVER view: a forecast engagement is coded AGREE, one that happened CONSULT."""

from __future__ import annotations

import pytest

from summitry.events.plover import to_plover
from summitry.model import Actor, ActorKind, Document, Event, EventStatus, Location, Mode

HANOI = Location("Hanoi", "VNM")


def _document(status: EventStatus, mode: Mode = Mode.VISIT, place: Location = HANOI) -> Document:
    event = Event(
        mode=mode,
        actors=(Actor("Ana Ribeiro", ActorKind.PERSON, "PRT"),),
        recipients=(Actor("Vietnam", ActorKind.COUNTRY, "VNM"),),
        status=status,
        location=place,
    )
    return Document(id="doc", text="", events=(event,))


@pytest.mark.parametrize(
    ("status", "event_type"),
    [
        (EventStatus.PLANNED, "AGREE"),
        (EventStatus.EXPECTED, "AGREE"),
        (EventStatus.POSSIBLE, "AGREE"),
        (EventStatus.OCCURRED, "CONSULT"),
        (EventStatus.ONGOING, "CONSULT"),
    ],
)
def test_future_engagements_are_agreements(status: EventStatus, event_type: str) -> None:
    record = to_plover(_document(status))[0]
    assert record["event_type"] == event_type
    assert record["summitry_status"] == status.value
    assert record["mode"] == "visit"


def test_a_meeting_in_a_country_of_neither_party_is_third_party() -> None:
    elsewhere = _document(EventStatus.OCCURRED, Mode.MEETING, Location("Singapore", "SGP"))
    at_home = _document(EventStatus.OCCURRED, Mode.MEETING, Location("Hanoi", "VNM"))
    assert to_plover(elsewhere)[0]["mode"] == "third-party"
    assert to_plover(at_home)[0]["mode"] == ""  # PLOVER's CONSULT without a mode
