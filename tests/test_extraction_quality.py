"""Quality gate: the scorer's figures on the seed and the dev gold must not fall below pinned floors.

Runs the real CLI over the evaluation data in ../shared (beside the checkout,
as in CI) and the project's scorer; the floors live in tests/eval_floors.json.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FLOORS = json.loads((ROOT / "tests" / "eval_floors.json").read_text())
SETS = {
    "seed": (SHARED / "data/seed/000_64a48185f7e09455.txt", SHARED / "data/gold/seed.jsonl"),
    "dev": (SHARED / "data/news/dev.jsonl", SHARED / "data/gold/dev.jsonl"),
}


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, float]]:
    if not (SHARED / "eval" / "score_events.py").exists():
        pytest.skip("../shared/eval is not beside the checkout")
    out_dir = tmp_path_factory.mktemp("eval")
    figures = {}
    for name, (source, gold) in SETS.items():
        output = out_dir / f"{name}.jsonl"
        subprocess.run(
            [sys.executable, "-m", "summitry", "extract", str(source), "-o", str(output)],
            check=True,
            capture_output=True,
        )
        scored = subprocess.run(
            [
                sys.executable,
                str(SHARED / "eval" / "score_events.py"),
                str(gold),
                str(output),
                "--json",
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        figures[name] = json.loads(scored.stdout)
    return figures


@pytest.mark.parametrize(
    ("dataset", "metric"),
    [
        (name, metric)
        for name, floors in FLOORS.items()
        if not name.startswith("_")
        for metric in floors
    ],
)
def test_score_stays_above_floor(scores: dict, dataset: str, metric: str) -> None:
    figure = _figure(scores[dataset], metric)
    assert figure >= FLOORS[dataset][metric], f"{dataset} {metric} = {figure:.3f} < floor"


def _figure(result: dict, metric: str) -> float:
    if metric in result:
        return float(result[metric] or 0.0)  # the scorer gives null when nothing matched
    for value in result.values():
        if isinstance(value, dict) and metric in value:
            return float(value[metric])
    raise KeyError(metric)
