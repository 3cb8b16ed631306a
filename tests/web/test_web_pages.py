"""The server-rendered pages, fetched over HTTP and read with lxml (no JavaScript involved)."""

from __future__ import annotations

import httpx
import lxml.html
import pytest
from api.sample_calendar import HOSTILE_MARKUP, SEOUL_SENTENCE

BLINKEN = "Antony Blinken visits South Korea"


def page(
    client: httpx.Client, path: str, expect: int = 200, **params: str
) -> lxml.html.HtmlElement:
    response = client.get(path, params=params)
    assert response.status_code == expect, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    return lxml.html.fromstring(response.text)


def texts(root: lxml.html.HtmlElement, xpath: str) -> list[str]:
    return [" ".join(e.text_content().split()) for e in root.xpath(xpath)]


def cls(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def test_front_page_lists_upcoming_engagements_first(reader: httpx.Client) -> None:
    root = page(reader, "/")  # "today" is 2025-01-04
    upcoming = texts(root, f"//section[@id='upcoming']//a[{cls('event-title')}]")
    earlier = texts(root, f"//section[@id='earlier']//a[{cls('event-title')}]")
    assert upcoming[0] == BLINKEN
    assert upcoming == [
        BLINKEN,
        "Amina Odhiambo speaks by phone with Ethiopia",
        "Elena Varga visits Japan",
        "Meeting of African Union, Kenya and Ethiopia in Addis Ababa",
        "Kenji Mori visits South Korea",
    ]
    assert earlier == ["Mallory Quill meets Japan"]
    assert root.xpath("//section[@id='upcoming']")[0].getparent().index(
        root.xpath("//section[@id='upcoming']")[0]
    ) < root.xpath("//section[@id='earlier']")[0].getparent().index(
        root.xpath("//section[@id='earlier']")[0]
    )


@pytest.mark.parametrize(
    ("status", "marking"),
    [
        ("expected", "certainty-future"),
        ("possible", "certainty-future"),
        ("occurred", "certainty-past"),
        ("cancelled", "certainty-off"),
    ],
)
def test_statuses_are_marked_in_words_and_classes(
    reader: httpx.Client, status: str, marking: str
) -> None:
    root = page(reader, "/", status=status)
    items = root.xpath(f"//section[@id='upcoming']//li[{cls('event-item')}]")
    assert items, f"no {status} event in the sample"
    for item in items:
        assert marking in item.get("class")
        assert texts(item, f".//span[{cls('badge')}]") == [status]


def test_month_timeline_puts_a_visit_on_each_of_its_days(reader: httpx.Client) -> None:
    root = page(reader, "/calendar", date="2025-01-05")
    assert texts(root, "//h1")[0].startswith("January 2025")
    for day in ("2025-01-05", "2025-01-06"):
        cell = root.xpath(f"//td[@data-date='{day}']")[0]
        assert texts(cell, ".//li//a") == [BLINKEN]
        assert texts(cell, f".//span[{cls('badge')}]") == ["expected"]
    assert texts(root.xpath("//td[@data-date='2025-01-07']")[0], ".//li") == []
    assert texts(root.xpath("//td[@data-date='2025-01-20']")[0], ".//li//a") == [
        "Meeting of African Union, Kenya and Ethiopia in Addis Ababa"
    ]


def test_month_precision_events_are_listed_above_the_grid(reader: httpx.Client) -> None:
    root = page(reader, "/calendar", date="2025-02-01")
    assert texts(root, f"//section[{cls('coarse')}]//a[{cls('event-title')}]") == [
        "Kenji Mori visits South Korea"
    ]
    assert not root.xpath("//td//li")


def test_week_view_and_paging_links(reader: httpx.Client) -> None:
    root = page(reader, "/calendar", view="week", date="2025-01-08")
    assert texts(root, "//h1")[0].startswith("Week of Mon 6 Jan 2025")
    assert [td.get("data-date") for td in root.xpath("//td")] == [
        f"2025-01-{d:02}" for d in range(6, 13)
    ]
    assert root.xpath("//a[@rel='next']/@href") == ["/calendar?view=week&date=2025-01-13"]


def test_filter_form_works_without_javascript(reader: httpx.Client) -> None:
    # a plain form submission sends every field, the empty ones too
    form = {
        "view": "month",
        "date": "2025-01-01",
        "country": "Japan",
        "actor": "",
        "mode": "",
        "status": "",
        "from": "",
        "to": "",
        "q": "",
    }
    root = page(reader, "/calendar", **form)
    shown = set(texts(root, "//td//li//a"))
    assert shown == {"Elena Varga visits Japan", "Mallory Quill meets Japan"}
    assert root.xpath("//input[@name='country']/@value") == ["JPN"]
    assert root.xpath("//a[@rel='next']/@href") == [
        "/calendar?country=JPN&view=month&date=2025-02-01"
    ]


def test_event_page_highlights_trigger_and_participants_and_links_the_source(
    client: httpx.Client, calendar: dict[str, tuple[str, ...]]
) -> None:
    (event_id,) = calendar["doc-blinken-seoul"]
    root = page(client, f"/events/{event_id}")
    (quote,) = root.xpath("//blockquote[@class='evidence-sentence']")
    assert " ".join(quote.text_content().split()) == SEOUL_SENTENCE
    assert texts(quote, "./mark[@class='trigger']") == ["travel"]
    assert texts(quote, "./mark[@class='participant']") == ["Antony Blinken"]
    assert texts(quote, "./mark[@class='place']") == ["Seoul"]
    assert texts(quote, "./mark[@class='time']") == ["on Sunday"]
    assert root.xpath("//a[@class='source']/@href") == ["https://news.example/blinken-seoul"]
    assert "/actors/person:USA:blinken" in root.xpath("//ul[@class='participants']//a/@href")
    assert "/countries/KOR" in root.xpath("//ul[@class='participants']//a/@href")


def test_event_page_shows_the_status_history(
    client: httpx.Client, calendar: dict[str, tuple[str, ...]]
) -> None:
    (event_id,) = calendar["doc-varga-tokyo-2"]
    root = page(client, f"/events/{event_id}")
    rows = root.xpath("//section[@class='history']//tbody/tr")
    assert [texts(row, "./td")[:2] for row in rows] == [
        ["2025-01-09", "planned"],
        ["2025-01-14", "occurred"],
    ]
    assert len(root.xpath("//figure[contains(@class, 'mention')]")) == 2


def test_article_markup_is_escaped_everywhere(
    client: httpx.Client, calendar: dict[str, tuple[str, ...]]
) -> None:
    (event_id,) = calendar["doc-hostile"]
    for path in (
        f"/events/{event_id}",
        "/",
        "/calendar?date=2025-01-03",
        "/countries/JPN",
        "/actors",
    ):
        html = client.get(path).text
        assert "<script>window" not in html, path
    html = client.get(f"/events/{event_id}").text
    assert "&lt;script&gt;window.__summitry_xss = 1&lt;/script&gt;" in html
    root = lxml.html.fromstring(html)
    assert HOSTILE_MARKUP in root.xpath("//blockquote")[0].text_content()
    assert [s.get("src") for s in root.xpath("//script")] == ["/static/calendar.js"]
    assert not [href for href in root.xpath("//a/@href") if href.lower().startswith("javascript:")]


def test_country_page_and_name_redirect(reader: httpx.Client) -> None:
    root = page(reader, "/countries/KOR")
    assert texts(root, "//h1") == ["South Korea KOR"]
    assert texts(root, f"//a[{cls('event-title')}]") == [BLINKEN, "Kenji Mori visits South Korea"]
    redirect = reader.get("/countries/South Korea", params={"status": "possible"})
    assert redirect.status_code == 307
    assert redirect.headers["location"] == "/countries/KOR?status=possible"
    page(reader, "/countries/Atlantis", expect=404)


def test_actor_pages(reader: httpx.Client) -> None:
    root = page(reader, "/actors/person:HUN:varga")
    assert texts(root, "//h1") == ["Elena Varga Foreign Minister"]
    assert texts(root, f"//a[{cls('event-title')}]") == ["Elena Varga visits Japan"]
    listing = page(reader, "/actors", q="var")
    assert listing.xpath("//table[@class='actors']//a/@href")[0] == "/actors/person:HUN:varga"
    page(reader, "/actors/person:XXX:nobody", expect=404)


def test_blank_view_and_date_mean_the_defaults(reader: httpx.Client) -> None:
    root = page(reader, "/calendar", view="", date="")
    assert root.xpath("//table/@class") == ["timeline month"]


def test_errors_are_html_pages(reader: httpx.Client) -> None:
    root = page(reader, "/calendar", expect=422, date="2025-02-30")
    assert "date" in texts(root, "//p[@class='error']")[0]
    root = page(reader, "/events/ev-missing", expect=404)
    assert "ev-missing" in texts(root, "//p[@class='error']")[0]


def test_pages_forbid_inline_scripts_and_framing(reader: httpx.Client) -> None:
    response = reader.get("/calendar", params={"date": "2025-01-01"})
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    api = reader.get("/api/events")
    assert api.headers["x-content-type-options"] == "nosniff"
    assert "content-security-policy" not in api.headers


def test_organisation_pages_have_quoted_links(reader: httpx.Client) -> None:
    root = page(reader, "/countries/ETH")
    summit = root.xpath(f"//a[{cls('event-title')}][contains(., 'African Union')]/@href")[0]
    links = page(reader, summit).xpath("//ul[@class='participants']//a/@href")
    assert "/actors/organization:african%20union" in links
    union = page(reader, "/actors/organization:african%20union")
    assert texts(union, "//h1") == ["African Union"]
