"""iter_inputs: gzip'd articles and WARC files besides what iter_path reads."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from summitry.batch.inputs import iter_inputs
from summitry.errors import InputError
from summitry.model import Article

TEXT = (
    "ROME, May 5 - Italian Foreign Minister Paolo Conti met his Greek counterpart "
    "Eleni Papas in Rome on Monday to discuss migration and energy links."
)
HTML = f"<html><head><title>Talks in Rome</title></head><body><article><p>{TEXT}</p>" \
    "<p>The ministers agreed to meet again in Athens in the autumn, officials said.</p>" \
    "</article></body></html>"


def _ids(items: list) -> list[str]:
    return [i.id if isinstance(i, Article) else f"error:{i.doc_id}" for i in items]


def test_gzipped_text_html_and_jsonl_files(tmp_path: Path) -> None:
    (tmp_path / "rome.txt.gz").write_bytes(gzip.compress(TEXT.encode()))
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(HTML.encode()))
    corpus = tmp_path / "corpus.jsonl.gz"
    corpus.write_bytes(gzip.compress(json.dumps({"id": "j1", "text": TEXT}).encode() + b"\n"))
    (tmp_path / "broken.txt.gz").write_bytes(b"not gzip at all")
    items = list(iter_inputs([tmp_path / n for n in
                              ("rome.txt.gz", "page.html.gz", "corpus.jsonl.gz", "broken.txt.gz")]))
    assert _ids(items) == ["rome", "page", "j1", "error:broken"]
    assert items[0].text == TEXT
    assert "Paolo Conti" in items[1].text


def _one_page_archive(path: Path) -> None:
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "https://news.example/rome", "response", payload=BytesIO(HTML.encode()),
            http_headers=headers,
        ))


def test_a_folder_reads_its_files_then_its_web_archives(tmp_path: Path) -> None:
    pytest.importorskip("warcio")
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "sub").mkdir()
    _one_page_archive(tmp_path / "sub" / "crawl.warc.gz")
    assert _ids(list(iter_inputs([tmp_path]))) == ["a", "https://news.example/rome"]
    assert _ids(list(iter_inputs([tmp_path / "sub" / "crawl.warc.gz"]))) == [
        "https://news.example/rome"
    ]


def test_a_missing_path_is_one_error(tmp_path: Path) -> None:
    assert [type(i) for i in iter_inputs([tmp_path / "nope.txt.gz"])] == [InputError]
