"""`summitry timex`: a text file's expressions on stdout; a TimeML folder tagged into another."""

from __future__ import annotations

from pathlib import Path

import pytest

from summitry.cli import main


def test_prints_offsets_types_and_values(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "The envoy met the minister on Tuesday and leaves early next week."
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    assert main(["timex", str(path), "--dct", "2025-01-03"]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert rows == [
        ["30", "37", "DATE", "2024-12-31", "-", "Tuesday"],
        ["49", "64", "DATE", "2025-W02", "START", "early next week"],
    ]
    assert text[30:37] == "Tuesday"


def test_tags_a_timeml_folder(tmp_path: Path) -> None:
    source, target = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    (source / "doc.tml").write_text(
        '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2025-01-03">2025-01-03</TIMEX3></DCT>'
        "<TEXT>Talks will resume on Sunday.</TEXT></TimeML>",
        encoding="utf-8",
    )
    assert main(["timex", "--timeml", str(source), "-o", str(target)]) == 0
    written = (target / "doc.tml").read_text(encoding="utf-8")
    assert (
        '<TIMEX3 tid="t1" type="DATE" value="2025-01-05" anchorTimeID="t0">Sunday</TIMEX3>'
        in written
    )


def test_usage_errors() -> None:
    assert main(["timex"]) == 2
    assert main(["timex", "--timeml", "/nonexistent-folder", "-o", "x"]) == 2
