"""Does the keyword pre-filter lose events? Prints the dev-set comparison and the skip rates.

    .venv/bin/python benchmarks/prefilter.py [--general N]

1. Extracts ../shared/data/news/dev.jsonl with and without the pre-filter and
   scores both against ../shared/data/gold/dev.jsonl with the project scorer;
   a gold event matched without the filter but missed with it is *lost*.
2. On the general-news mix (../shared/data/news/general.jsonl): how many
   articles the filter skips (no trigger sentence) and how much text the sentence
   level leaves to the parser; with --general N, also extracts the first N
   articles both ways and counts events found only without the filter.

A script that prints figures, not a test (STYLE.md: benchmarks are never asserted).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from summitry import pipeline
from summitry.errors import InputError
from summitry.events import prefilter
from summitry.ingest import iter_path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV = SHARED / "data/news/dev.jsonl"
GOLD = SHARED / "data/gold/dev.jsonl"
GENERAL = SHARED / "data/news/general.jsonl"
SCORER = SHARED / "eval/score_events.py"


def extract_to(path: Path, articles: list, *, use_filter: bool) -> tuple[dict[str, list], float]:
    started = time.perf_counter()
    events: dict[str, list] = {}
    with path.open("w", encoding="utf-8") as out:
        for result in pipeline.extract_many(articles, prefilter=use_filter):
            if isinstance(result, InputError):
                out.write(json.dumps({"id": result.doc_id, "error": result.reason}) + "\n")
                continue
            record = result.to_dict()
            events[result.id] = record.get("events", [])
            out.write(json.dumps(record) + "\n")
    return events, time.perf_counter() - started


def score(output: Path) -> tuple[dict, set[str]]:
    figures = json.loads(
        subprocess.run(
            [sys.executable, str(SCORER), str(GOLD), str(output), "--json"],
            check=True, capture_output=True, text=True,
        ).stdout
    )
    verbose = subprocess.run(
        [sys.executable, str(SCORER), str(GOLD), str(output), "--verbose"],
        check=True, capture_output=True, text=True,
    ).stderr
    misses = {line.strip() for line in verbose.splitlines() if line.strip().startswith("MISS")}
    return figures, misses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--general", type=int, default=0, metavar="N",
                        help="also extract the first N general-news articles both ways")
    args = parser.parse_args()
    pipeline.analysis_pipeline()
    dev = list(iter_path(DEV))
    with tempfile.TemporaryDirectory() as tmp:
        plain_out, filtered_out = Path(tmp, "plain.jsonl"), Path(tmp, "filtered.jsonl")
        plain, plain_s = extract_to(plain_out, dev, use_filter=False)
        filtered, filtered_s = extract_to(filtered_out, dev, use_filter=True)
        plain_fig, plain_miss = score(plain_out)
        filtered_fig, filtered_miss = score(filtered_out)
    lost = sorted(filtered_miss - plain_miss)
    gained = sorted(plain_miss - filtered_miss)
    changed = sum(1 for k in plain if plain[k] != filtered.get(k))
    print(f"dev.jsonl ({len(dev)} articles, {plain_fig['gold_events']} gold events)")
    print("| run | matched | system events | f1 | strict f1 | seconds |")
    print("|---|---|---|---|---|---|")
    for name, fig, secs in (("no pre-filter", plain_fig, plain_s),
                            ("pre-filter", filtered_fig, filtered_s)):
        print(f"| {name} | {fig['matched']}/{fig['gold_events']} | {fig['system_events']} "
              f"| {fig['f1']} | {fig['strict_f1']} | {secs:.1f} |")
    print(f"gold events lost by the pre-filter: {len(lost)}")
    for line in lost:
        print("  " + line)
    if gained:
        print(f"gold events matched only with the pre-filter: {len(gained)}")
    print(f"documents whose events differ in any field: {changed}/{len(plain)}")

    texts = [a.text for a in iter_path(GENERAL) if not isinstance(a, InputError)]
    started = time.perf_counter()
    spans = [prefilter.kept_spans(t) if prefilter.might_hold_engagement(t) else [] for t in texts]
    filter_s = time.perf_counter() - started
    passed = [t for t, kept_here in zip(texts, spans, strict=True) if kept_here]
    kept = sum(e - s for kept_here in spans for s, e in kept_here)
    total = sum(len(t) for t in texts)
    print(f"\ngeneral.jsonl ({len(texts)} articles, {total:,} characters)")
    print(f"articles skipped (no trigger sentence): {len(texts) - len(passed)} "
          f"({(len(texts) - len(passed)) / len(texts):.0%})")
    print(f"characters left to the parser: {kept:,} ({kept / total:.0%}); "
          f"filter time {filter_s:.2f} s for the whole file")
    if args.general:
        sample = list(iter_path(GENERAL))[: args.general]
        with tempfile.TemporaryDirectory() as tmp:
            plain, plain_s = extract_to(Path(tmp, "p.jsonl"), sample, use_filter=False)
            filtered, filtered_s = extract_to(Path(tmp, "f.jsonl"), sample, use_filter=True)
        found = sum(len(v) for v in plain.values())
        kept_events = sum(len(v) for v in filtered.values())
        differ = sum(1 for k in plain if plain[k] != filtered.get(k))
        print(f"first {len(sample)} general articles: {found} events without the filter "
              f"({plain_s:.0f} s), {kept_events} with it ({filtered_s:.0f} s); "
              f"{differ} documents differ")


if __name__ == "__main__":
    main()
