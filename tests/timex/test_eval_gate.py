"""Quality gate: TE3 figures on the TempEval-3 training data stay above pinned floors.

Tags every training document with `annotate`, writes TimeML and scores it with the
shared TE3 scorer (../shared beside the checkout, as in CI). Skipped without it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from summitry.timex import annotate
from summitry.timex.timeml import read_timeml, write_timeml

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score_timex.py"
FLOORS = json.loads((Path(__file__).parent / "timex_floors.json").read_text())


@pytest.mark.parametrize("split", [name for name in FLOORS if not name.startswith("_")])
def test_scores_stay_above_floors(split: str, tmp_path: Path) -> None:
    gold = SHARED / "data" / "tempeval3" / "train" / split
    if not SCORER.exists() or not gold.is_dir():
        pytest.skip("../shared/eval and ../shared/data/tempeval3 are not beside the checkout")
    for path in sorted(gold.glob("*.tml")):
        document = read_timeml(path.read_text(encoding="utf-8"), path.name)
        tagged = write_timeml(document, annotate(document.text, document.dct))
        (tmp_path / path.name).write_text(tagged, encoding="utf-8")
    result = tmp_path / "score.json"
    subprocess.run(
        [sys.executable, str(SCORER), str(gold), str(tmp_path), "--json", str(result)],
        check=True,
        capture_output=True,
    )
    metrics = json.loads(result.read_text())["metrics"]
    for metric, floor in FLOORS[split].items():
        figure = metrics[metric] * (100 if metrics[metric] <= 1 else 1)
        assert figure >= floor, f"{split} {metric} = {figure:.2f} < floor {floor}"
