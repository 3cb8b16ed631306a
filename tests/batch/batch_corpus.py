"""A small invented corpus for the batch tests (never copied from ../shared/data).

Short wire-style reports of visits, meetings and calls, general news without
any engagement, and documents the loader refuses, so the runners see every
kind of input.
"""

from __future__ import annotations

from summitry.errors import InputError
from summitry.ingest import read_text
from summitry.model import Article

STORIES = [
    "OSLO, March 3 - Norwegian Prime Minister Ingrid Solberg will visit Japan next week "
    "for talks with Japanese Prime Minister Kenji Sato, her office said on Monday.",
    "NAIROBI, March 4 - Kenyan President Daniel Mwangi met Ghanaian President Kwame Asante "
    "in Nairobi on Tuesday. The two leaders discussed trade and regional security.",
    "BERLIN, March 5 - German Chancellor Anna Weber spoke by phone with French President "
    "Louis Martin on Wednesday about the energy market, a spokesman said.",
    "Heavy rain flooded parts of the port city on Thursday. Shares in shipping companies "
    "fell three percent, and the central bank kept its rate unchanged.",
    "SEOUL, March 6 - South Korean Foreign Minister Park Ji-won arrived in Canberra on "
    "Friday for a three-day visit. She is expected to meet Australian Foreign Minister "
    "Claire Dunn on Saturday.",
    "The football club signed a new striker for the coming season, its manager said. "
    "Ticket prices will stay the same.",
    "WASHINGTON, March 7 - U.S. Secretary of State Mark Ellis held talks with Indian "
    "External Affairs Minister Ravi Kumar in Washington on Friday.",
    "LIMA, March 8 - Peruvian President Rosa Quispe will travel to Chile next month, the "
    "foreign ministry said. She will meet Chilean President Tomas Rojas in Santiago.",
]


def corpus(copies: int = 2) -> list[Article | InputError]:
    """The stories `copies` times over with distinct ids, and two unreadable documents."""
    items: list[Article | InputError] = []
    for copy in range(copies):
        for number, text in enumerate(STORIES):
            items.append(read_text(text, f"story-{copy}-{number}", dct="2025-03-02"))
        items.append(InputError(f"broken-{copy}", "line 3 is not JSON"))
    return items
