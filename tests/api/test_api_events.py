"""GET /api/events, /api/events/{id}, /api/actors, /api/documents through a live server."""

from __future__ import annotations

import httpx
import pytest
from api.sample_calendar import HOSTILE_MARKUP, SEOUL_SENTENCE, VARGA_OCCURRED, VARGA_PLANNED

from summitry.store import Store

BLINKEN = "Antony Blinken visits South Korea"
VARGA = "Elena Varga visits Japan"
CALL = "Amina Odhiambo speaks by phone with Ethiopia"
SUMMIT = "Meeting of African Union, Kenya and Ethiopia in Addis Ababa"
MORI = "Kenji Mori visits South Korea"
QUILL = "Mallory Quill meets Japan"


def titles(client: httpx.Client, params: dict[str, str]) -> list[str]:
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    return [e["title"] for e in response.json()["events"]]


def test_events_are_sorted_by_date_with_gold_format_fields(client: httpx.Client) -> None:
    body = client.get("/api/events").json()
    assert body["total"] == 6
    assert [e["title"] for e in body["events"]] == [QUILL, BLINKEN, CALL, VARGA, SUMMIT, MORI]
    blinken = body["events"][1]
    assert (
        blinken["type"] == "CONSULT"
        and blinken["mode"] == "visit"
        and blinken["status"] == "expected"
    )
    assert blinken["actors"] == [
        {
            "name": "Antony Blinken",
            "kind": "person",
            "country": "USA",
            "title": "Secretary of State",
            "aliases": ["Blinken"],
        }
    ]
    assert blinken["recipients"] == [{"name": "South Korea", "kind": "country", "country": "KOR"}]
    assert blinken["location"] == {"name": "Seoul", "country": "KOR"}
    assert blinken["time"]["value"] == "2025-01-05" and blinken["time"]["end"] == "2025-01-06"
    assert blinken["id"].startswith("ev-")
    assert blinken["mention_count"] == 1
    assert blinken["sources"] == [
        {
            "document_id": "doc-blinken-seoul",
            "url": "https://news.example/blinken-seoul",
            "title": "Blinken to visit Seoul",
            "publisher": "Example Wire",
            "reference_day": "2025-01-03",
        }
    ]
    assert blinken["links"]["html"] == f"/events/{blinken['id']}"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "KOR"}, [BLINKEN, MORI]),
        ({"country": "South Korea"}, [BLINKEN, MORI]),
        ({"country": "kor"}, [BLINKEN, MORI]),
        ({"country": "ETH"}, [CALL, SUMMIT]),
        ({"actor": "Blinken"}, [BLINKEN]),
        ({"actor": "person:HUN:varga"}, [VARGA]),
        ({"mode": "phone"}, [CALL]),
        ({"status": "cancelled"}, [SUMMIT]),
        ({"status": "occurred"}, [CALL, VARGA]),
        ({"from": "2025-01-06", "to": "2025-01-13"}, [BLINKEN, CALL, VARGA]),
        ({"from": "2025-02-10"}, [MORI]),
        ({"q": "Addis"}, [SUMMIT]),
        ({"q": "two days of talks"}, [BLINKEN]),
        ({"country": "JPN", "status": "planned"}, [QUILL]),
        (
            {"country": "", "mode": "", "status": "", "from": "", "q": ""},
            [QUILL, BLINKEN, CALL, VARGA, SUMMIT, MORI],
        ),
    ],
)
def test_filters(reader: httpx.Client, params: dict[str, str], expected: list[str]) -> None:
    assert titles(reader, params) == expected


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"from": "2025-13-01"}, "date"),
        ({"mode": "dinner"}, "visit"),
        ({"status": "rumoured"}, "expected"),
        ({"country": "Atlantis"}, "unknown country"),
        ({"from": "2025-02-01", "to": "2025-01-01"}, "before"),
        ({"limit": "0"}, "greater than"),
        ({"limit": "100000"}, "less than"),
        ({"offset": "-1"}, "greater than"),
    ],
)
def test_bad_filters_are_422_with_a_reason(
    reader: httpx.Client, params: dict[str, str], message: str
) -> None:
    response = reader.get("/api/events", params=params)
    assert response.status_code == 422
    assert message in response.text


def test_paging_with_limit_offset_and_next(client: httpx.Client) -> None:
    first = client.get("/api/events", params={"limit": 4}).json()
    assert first["total"] == 6 and len(first["events"]) == 4
    assert first["next"] == "/api/events?limit=4&offset=4"
    second = client.get(first["next"]).json()
    assert [e["title"] for e in second["events"]] == [SUMMIT, MORI]
    assert second["next"] is None
    filtered = client.get("/api/events", params={"country": "KOR", "limit": 1}).json()
    assert filtered["next"] == "/api/events?country=KOR&limit=1&offset=1"


def test_event_detail_has_history_and_every_mention_with_evidence(
    client: httpx.Client, calendar: dict[str, tuple[str, ...]]
) -> None:
    (event_id,) = calendar["doc-varga-tokyo-2"]
    event = client.get(f"/api/events/{event_id}").json()
    assert event["status"] == "occurred"
    assert [h["status"] for h in event["history"]] == ["planned", "occurred"]
    assert [h["reference_day"] for h in event["history"]] == ["2025-01-09", "2025-01-14"]
    assert {p["key"]: p["role"] for p in event["participants"]} == {
        "person:HUN:varga": "actor",
        "country:JPN": "recipient",
    }
    assert event["location"] == {"name": "Tokyo", "country": "JPN"}
    assert event["time"]["value"] == "2025-01-13"
    assert event["mention_count"] == 2
    mentions = {m["document_id"]: m for m in event["mentions"]}
    assert mentions["doc-varga-tokyo-1"]["evidence_text"] == VARGA_PLANNED
    assert mentions["doc-varga-tokyo-2"]["evidence_text"] == VARGA_OCCURRED
    assert mentions["doc-varga-tokyo-2"]["trigger"]["text"] == "arrived"
    assert mentions["doc-varga-tokyo-2"]["source"]["url"] == "https://news.example/varga-arrives"
    assert mentions["doc-varga-tokyo-2"]["source"]["publisher"] == "Other Daily"


def test_evidence_offsets_point_into_the_stored_document(
    client: httpx.Client, calendar: dict[str, tuple[str, ...]]
) -> None:
    (event_id,) = calendar["doc-blinken-seoul"]
    (mention,) = client.get(f"/api/events/{event_id}").json()["mentions"]
    document = client.get(f"/api/documents/{mention['document_id']}").json()
    (span,) = mention["evidence"]
    assert document["text"][span["start"] : span["end"]] == SEOUL_SENTENCE == span["text"]
    assert document["events"][0]["calendar_event_id"] == event_id
    assert document["document"]["reference_day"] == "2025-01-03"


def test_missing_event_and_document_are_404(client: httpx.Client) -> None:
    for path in ("/api/events/ev-0000000000000000", "/api/documents/no-such-doc"):
        response = client.get(path)
        assert response.status_code == 404
        assert "no " in response.json()["detail"]


def test_actors_most_events_first_and_filtered(client: httpx.Client) -> None:
    actors = client.get("/api/actors").json()["actors"]
    assert actors[0]["event_count"] >= actors[-1]["event_count"]
    keys = {a["key"] for a in actors}
    assert {"person:USA:blinken", "country:KOR", "person:HUN:varga"} <= keys
    japanese = client.get("/api/actors", params={"country": "Japan"}).json()["actors"]
    assert {a["country"] for a in japanese} == {"JPN"}
    assert [
        a["name"] for a in client.get("/api/actors", params={"q": "blink"}).json()["actors"]
    ] == ["Antony Blinken"]


def test_documents_list(client: httpx.Client) -> None:
    documents = client.get("/api/documents").json()["documents"]
    assert len(documents) == 6
    assert documents[0]["id"] == "doc-mori-february"  # newest reference day first


def test_evidence_is_returned_verbatim_as_json_not_html(
    client: httpx.Client, calendar: dict[str, tuple[str, ...]]
) -> None:
    (event_id,) = calendar["doc-hostile"]
    response = client.get(f"/api/events/{event_id}")
    assert response.headers["content-type"] == "application/json"
    assert HOSTILE_MARKUP in response.json()["mentions"][0]["evidence_text"]


def test_openapi_documents_every_route(client: httpx.Client) -> None:
    spec = client.get("/api/openapi.json").json()
    paths = spec["paths"]
    for path in (
        "/api/events",
        "/api/events/{event_id}",
        "/api/actors",
        "/api/documents/{document_id}",
        "/calendar.ics",
    ):
        assert path in paths
    assert "post" in paths["/api/documents"]
    names = {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert names == {"from", "to", "country", "actor", "mode", "status", "q", "limit", "offset"}
    assert client.get("/api/docs").status_code == 200
    assert all(not path.startswith("/events") for path in paths)  # pages stay out of the API docs


def test_a_page_carries_an_etag_that_holds_until_the_calendar_changes(
    client: httpx.Client, store: Store
) -> None:
    first = client.get("/api/events", params={"country": "KOR", "limit": 1})
    etag = first.headers["etag"]
    again = client.get(
        "/api/events", params={"country": "KOR", "limit": 1}, headers={"If-None-Match": etag}
    )
    assert (again.status_code, again.content) == (304, b"")
    assert client.get("/api/events", params={"country": "KOR", "limit": 2}).headers["etag"] != etag
    assert client.get("/api/events", params={"country": "KOR", "limit": 1}).json() == first.json()
    store.remerge()  # a write, even one that changes no event, gives a new version
    fresh = client.get(
        "/api/events", params={"country": "KOR", "limit": 1}, headers={"If-None-Match": etag}
    )
    assert fresh.status_code == 200
    assert fresh.json() == first.json()
