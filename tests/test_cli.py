"""The command line, with the extraction stage replaced by a fake: options, outputs, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from summitry import cli, pipeline
from summitry.errors import InputError, ModelError
from summitry.model import Actor, ActorKind, Document, Event, EventStatus, Mode

ROOT = Path(__file__).resolve().parents[1]
WIRE = "ROME, Feb 27 - Leaders of the coalition parties have agreed to meet today, officials said."
PLAIN = "The foreign minister will visit Hanoi next week for talks, officials said."


def fake_extract_many(articles, *, batch_size=16, prefilter=False, timeout=None):
    """One visit event per article, and the loaders' errors passed through in order."""
    for item in articles:
        if isinstance(item, InputError):
            yield item
            continue
        event = Event(
            mode=Mode.VISIT,
            actors=(Actor("Italy", ActorKind.COUNTRY, "ITA"),),
            recipients=(),
            status=EventStatus.PLANNED,
        )
        yield Document(
            id=item.id,
            text=item.text,
            events=(event,),
            dct=item.dct,
            reference_day=item.reference_day,
            reference_source=item.reference_source,
            title=item.title,
            dateline=item.dateline,
            body=item.body,
            warnings=item.warnings,
        )


@pytest.fixture(autouse=True)
def fake_pipeline(monkeypatch):
    monkeypatch.setattr(pipeline, "extract_many", fake_extract_many)


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps({"id": "a", "text": WIRE, "dct": "1987-02-26"}),
                "not json",
                json.dumps({"id": "c", "text": PLAIN, "dct": "2024-05-01"}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    return path


def run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_single_article_prints_indented_json(tmp_path, capsys):
    path = tmp_path / "rome.txt"
    path.write_text(WIRE)
    code, out, err = run(capsys, "extract", str(path), "--dct", "1987-02-26")
    assert code == 0 and err == ""
    record = json.loads(out)
    assert out.startswith("{\n  ")
    assert record["id"] == "rome"
    assert record["document"]["reference_day"] == "1987-02-27"
    assert record["document"]["dateline"]["place"] == "Rome"
    assert len(record["events"]) == 1


def test_single_article_with_output_is_json_lines(tmp_path, capsys):
    path = tmp_path / "rome.txt"
    path.write_text(WIRE)
    output = tmp_path / "out.jsonl"
    code, out, _ = run(capsys, "extract", str(path), "-o", str(output))
    assert code == 0 and out == ""
    lines = output.read_text().splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["id"] == "rome"


def test_corpus_writes_a_line_per_document(corpus, tmp_path, capsys):
    output = tmp_path / "events.jsonl"
    code, out, err = run(capsys, "extract", str(corpus), "-o", str(output))
    assert code == 0
    records = [json.loads(line) for line in output.read_text().splitlines()]
    assert [r["id"] for r in records] == ["a", "corpus:2", "c"]
    assert records[1] == {
        "id": "corpus:2",
        "error": "line 2 is not JSON (Expecting value at column 1)",
    }
    assert "error: corpus:2: line 2 is not JSON" in err
    summary = err.strip().splitlines()[-1]
    assert summary.startswith("summitry: 3 documents, 2 events, 1 failures,") and summary.endswith(
        "articles/s"
    )


def test_corpus_to_stdout_is_json_lines(corpus, capsys):
    code, out, _ = run(capsys, "extract", str(corpus), "--quiet")
    assert code == 0
    assert len(out.splitlines()) == 3
    assert all(json.loads(line) for line in out.splitlines())


@pytest.mark.parametrize(("flags", "code"), [((), 0), (("--strict",), 1)])
def test_strict(corpus, capsys, flags, code):
    assert run(capsys, "extract", str(corpus), *flags)[0] == code


def test_quiet_keeps_errors_but_not_the_summary(corpus, capsys):
    _, _, err = run(capsys, "extract", str(corpus), "-q")
    assert "error: corpus:2" in err and "documents" not in err


def test_failed_single_article(tmp_path, capsys):
    path = tmp_path / "empty.txt"
    path.write_text("")
    code, out, err = run(capsys, "extract", str(path))
    assert code == 1 and out == ""
    assert err == "error: empty: empty document\n"


def test_stdin(monkeypatch, capsys):
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PLAIN.encode())))
    code, out, _ = run(capsys, "extract", "-", "--dct", "2024-05-01")
    assert code == 0
    record = json.loads(out)
    assert record["id"] == "stdin" and record["document"]["reference_source"] == "dct"


def test_directory(tmp_path, capsys):
    (tmp_path / "one.txt").write_text(PLAIN)
    (tmp_path / "two.txt").write_text(WIRE)
    code, out, _ = run(capsys, "extract", str(tmp_path), "-q")
    assert code == 0
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["one", "two"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("extract", "/nonexistent.txt"), "no such file"),
        (("extract", "README.md", "--dct", "2025-02-30"), "impossible dct"),
        (("extract", "README.md", "--dct", "yesterday"), "not a date"),
        (("extract", "README.md", "--batch-size", "0"), "not a positive number"),
        (("extract", "README.md", "--format", "xml"), "invalid choice"),
        ((), "usage"),
    ],
)
def test_usage_errors(capsys, argv, message):
    try:
        code = cli.main(list(argv))
    except SystemExit as exit_:  # argparse exits by itself on bad options
        code = exit_.code
    _, err = capsys.readouterr()
    assert code == 2
    assert message in err


def test_plover_format(tmp_path, capsys):
    path = tmp_path / "rome.txt"
    path.write_text(WIRE)
    try:
        from summitry.events.plover import to_plover  # noqa: F401
    except ImportError:
        code, _, err = run(capsys, "extract", str(path), "--format", "plover")
        assert code == 2 and "not available" in err
    else:
        code, out, _ = run(
            capsys, "extract", str(path), "--format", "plover", "-o", str(tmp_path / "p.jsonl")
        )
        assert code == 0


def test_library_error_is_one_line(tmp_path, capsys, monkeypatch):
    def broken(articles, *, batch_size=16, prefilter=False, timeout=None):
        raise ModelError("spaCy model 'en_core_web_sm' cannot be loaded")
        yield  # pragma: no cover

    monkeypatch.setattr(pipeline, "extract_many", broken)
    path = tmp_path / "rome.txt"
    path.write_text(WIRE)
    code, _, err = run(capsys, "extract", str(path))
    assert code == 1 and err == "error: spaCy model 'en_core_web_sm' cannot be loaded\n"


def test_help_explains_every_option(capsys):
    with pytest.raises(SystemExit):
        cli.main(["extract", "--help"])
    out, _ = capsys.readouterr()
    for option in (
        "--dct",
        "--output",
        "--format",
        "--batch-size",
        "--strict",
        "--quiet",
        "--max-size",
    ):
        assert option in out


def test_python_dash_m():
    done = subprocess.run(
        [sys.executable, "-m", "summitry", "extract", "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 0 and "usage: summitry extract" in done.stdout
