"""The load stage: from files, bytes and text to `model.Article`s.

    path / bytes / str
      -> decode      (BOM, UTF-8, declared charset, detection; binary and size refused)
      -> html        (trafilatura: main text, title, date, site name)       [HTML only]
      -> chrome      (page date above the body, publisher below it)
      -> dateline    ("SEOUL, Dec. 30 (Yonhap) --": place, date, agency)
      -> reference   (dateline, then page date, then dct)
      -> Article

Every loader raises (or, for iterators, yields) `InputError(doc_id, reason)`
for a document it cannot read, and nothing else.
"""

from summitry.ingest.chrome import Chrome, find_chrome, is_chrome_line
from summitry.ingest.dateline import find_dateline
from summitry.ingest.decode import DEFAULT_MAX_BYTES, decode_bytes, looks_binary
from summitry.ingest.html import looks_like_html, read_html
from summitry.ingest.language import looks_english
from summitry.ingest.reference import choose_reference_day, parse_dct
from summitry.ingest.sources import iter_path, read_bytes
from summitry.ingest.text import read_text
from summitry.ingest.warc import is_warc, iter_warc

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Chrome",
    "choose_reference_day",
    "decode_bytes",
    "find_chrome",
    "find_dateline",
    "is_chrome_line",
    "is_warc",
    "iter_path",
    "iter_warc",
    "looks_binary",
    "looks_english",
    "looks_like_html",
    "parse_dct",
    "read_bytes",
    "read_html",
    "read_text",
]
