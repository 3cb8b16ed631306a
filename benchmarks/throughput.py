"""Throughput: bare spaCy vs. summitry in-process vs. summitry on a local Dask cluster.

    .venv/bin/python benchmarks/throughput.py [--general-limit N] [--save benchmarks/RESULTS.md]

Same machine, same input, one run. Inputs (read from ../shared, never copied):

- diplomatic: ../shared/data/news/dev.jsonl + pool.jsonl (255 articles, all diplomatic);
- general: ../shared/data/news/general.jsonl (2,347 wire articles, most without an
  engagement), or its first N with --general-limit N.

Engines, each in a fresh process so that peak memory is its own:

- ``bare``: ``nlp.pipe`` of the plain spaCy model (the floor every spaCy pipeline pays);
- ``local``: summitry in-process (`summitry.batch.run_local`);
- ``local+pf``: the same with the keyword pre-filter;
- ``dask-1+pf``, ``dask-2+pf``: `summitry.batch.run_dask` on a local cluster of 1 or 2
  worker processes (one thread each), with the pre-filter.

Articles are loaded before the clock starts and model loading (and cluster start)
is not timed: the figures are extraction throughput. Wall time says what a user
waits; CPU time (all threads of every process of the engine) says how much work
each engine does, and is the fairer comparison on a machine other jobs share.
Peak memory is the maximum resident set size of each process (for Dask: the
largest worker, and the client). Every engine runs with one BLAS/OpenMP thread
per process (``OMP_NUM_THREADS=1`` and kin), so that one in-process run uses
one core, like one Dask worker, and "2 workers vs. 1" measures scaling alone;
``--blas-threads N`` changes that.
A script that prints figures, never a test.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "data" / "news"
INPUTS = {
    "diplomatic": [NEWS / "dev.jsonl", NEWS / "pool.jsonl"],
    "general": [NEWS / "general.jsonl"],
}
ENGINES = ("bare", "local", "local+pf", "dask-1+pf", "dask-2+pf")
BATCH_SIZE = 16


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def _cpu_seconds() -> float:
    """CPU time of this process, all threads: the work done, whatever else loads the machine."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _articles(name: str, limit: int) -> list:
    from summitry.ingest import iter_path

    items = [a for path in INPUTS[name] for a in iter_path(path)]
    return items[:limit] if limit else items


def measure(engine: str, input_name: str, limit: int) -> dict:
    """Run one engine on one input in this process; the figures as a dict."""
    from summitry.model import Article

    articles = _articles(input_name, limit)
    texts = [a.text for a in articles if isinstance(a, Article)]
    words = sum(len(t.split()) for t in texts)
    worker_peaks: list[float] = []
    events = failures = 0
    client_cpu = None  # Dask: the CPU seconds of this process (client and scheduler) alone
    if engine == "bare":
        import importlib

        from summitry.nlp.loading import DEFAULT_MODEL

        nlp = importlib.import_module(DEFAULT_MODEL).load()
        list(nlp.pipe(texts[:4]))  # warm up
        cpu, started = _cpu_seconds(), time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=BATCH_SIZE):
            pass
        seconds = time.perf_counter() - started
        cpu = _cpu_seconds() - cpu
    elif engine.startswith("local"):
        from summitry import pipeline
        from summitry.batch import run_local

        pipeline.analysis_pipeline()
        list(run_local(articles[:4]))
        cpu, started = _cpu_seconds(), time.perf_counter()
        for result in run_local(articles, batch_size=BATCH_SIZE, prefilter=engine.endswith("+pf")):
            events += len(getattr(result, "events", ()))
            failures += not hasattr(result, "events")
        seconds = time.perf_counter() - started
        cpu = _cpu_seconds() - cpu
    else:
        from distributed import Client

        from summitry.batch import run_dask
        from summitry.batch.cluster import local_cluster

        workers = int(engine.split("-")[1].split("+")[0])
        # the cluster `summitry ingest --workers N` starts
        with local_cluster(workers) as cluster, Client(cluster) as client:
            list(run_dask(articles[:4], client=client))  # loads the model on every worker
            client.run(lambda: __import__("summitry.pipeline").pipeline.analysis_pipeline())
            workers_cpu = sum(client.run(_cpu_seconds).values())
            cpu, started = _cpu_seconds(), time.perf_counter()
            for result in run_dask(articles, client=client, batch_size=BATCH_SIZE,
                                   prefilter=engine.endswith("+pf")):
                events += len(getattr(result, "events", ()))
                failures += not hasattr(result, "events")
            seconds = time.perf_counter() - started
            client_cpu = _cpu_seconds() - cpu
            cpu = client_cpu + sum(client.run(_cpu_seconds).values()) - workers_cpu
            worker_peaks = list(client.run(_peak_mb).values())
    return {
        "engine": engine, "input": input_name, "articles": len(texts), "words": words,
        "seconds": seconds, "cpu_seconds": cpu, "client_cpu_seconds": client_cpu,
        "events": events, "failures": failures,
        "peak_mb": max([_peak_mb(), *worker_peaks]), "client_mb": _peak_mb(),
        "worker_mb": max(worker_peaks) if worker_peaks else None,
    }


def table(rows: list[dict]) -> str:
    lines = [
        "| input | engine | articles | words | wall s | articles/s | words/s | vs bare (wall) "
        "| CPU s | vs bare (CPU) | events | peak MB per process |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        bare = next(
            (r for r in rows if r["input"] == row["input"] and r["engine"] == "bare"), None
        )
        rate = row["articles"] / row["seconds"]
        if bare is None:  # --engines without bare: no ratios to print
            bare = {"articles": 0, "seconds": 1.0, "cpu_seconds": 0.0}
        ratio = rate / (bare["articles"] / bare["seconds"]) if bare["articles"] else 0.0
        cpu_ratio = bare["cpu_seconds"] / row["cpu_seconds"] if row["cpu_seconds"] else 0.0
        peak = (f"{row['worker_mb']:.0f} (worker), {row['client_mb']:.0f} (client)"
                if row["worker_mb"] else f"{row['peak_mb']:.0f}")
        events = "" if row["engine"] == "bare" else str(row["events"])
        lines.append(
            f"| {row['input']} | {row['engine']} | {row['articles']} | {row['words']:,} "
            f"| {row['seconds']:.1f} | {rate:.2f} | {row['words'] / row['seconds']:,.0f} "
            f"| {ratio:.2f}x | {row['cpu_seconds']:.1f} | {cpu_ratio:.2f}x | {events} | {peak} |"
        )
    return "\n".join(lines)


def scaling(rows: list[dict]) -> str:
    """Wall-clock speed-up of 2 Dask workers over 1, per input (the target: >= 1.7x)."""
    lines = []
    for name in dict.fromkeys(r["input"] for r in rows):
        by = {r["engine"]: r for r in rows if r["input"] == name}
        if "dask-1+pf" in by and "dask-2+pf" in by:
            ratio = by["dask-1+pf"]["seconds"] / by["dask-2+pf"]["seconds"]
            lines.append(f"- {name}: 2 workers vs. 1: {ratio:.2f}x (wall clock)\n")
        for engine in ("dask-1+pf", "dask-2+pf"):
            if by.get(engine, {}).get("client_cpu_seconds") is not None:
                lines.append(f"- {name}, {engine}: {by[engine]['client_cpu_seconds']:.1f} CPU s "
                             "of them in the client process (client and scheduler)\n")
    return "".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--general-limit", type=int, default=0, metavar="N",
                        help="only the first N general-news articles (default: all)")
    parser.add_argument("--engines", default=",".join(ENGINES), help="comma-separated subset")
    parser.add_argument("--inputs", default="diplomatic,general", help="comma-separated subset")
    parser.add_argument("--save", metavar="FILE", help="also write the table to FILE (Markdown)")
    parser.add_argument("--blas-threads", type=int, default=1, metavar="N",
                        help="BLAS/OpenMP threads per process (default: 1)")
    parser.add_argument("--child", nargs=2, metavar=("ENGINE", "INPUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child[0], args.child[1], args.general_limit)))
        return
    threads = str(args.blas_threads)
    env = {**os.environ, **{name: threads for name in (
        "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS")}}
    rows = []
    for input_name in args.inputs.split(","):
        for engine in args.engines.split(","):
            limit = args.general_limit if input_name == "general" else 0
            done = subprocess.run(
                [sys.executable, __file__, "--child", engine, input_name,
                 "--general-limit", str(limit)],
                check=True, capture_output=True, text=True, env=env,
            )
            rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
            print(f"{input_name} {engine}: {rows[-1]['seconds']:.1f} s", file=sys.stderr)
    load = os.getloadavg()  # other jobs on the machine skew the wall-clock figures
    header = (
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
        f"load average {load[0]:.1f} at the end, Python {platform.python_version()}, "
        f"nlp.pipe batch size {BATCH_SIZE}, {threads} BLAS thread(s) per process"
        + (f", general: first {args.general_limit} articles" if args.general_limit else "")
    )
    text = f"{header}\n\n{table(rows)}\n{scaling(rows)}"
    print(text)
    if args.save:
        Path(args.save).write_text(
            "# Throughput (benchmarks/throughput.py)\n\n" + text, encoding="utf-8"
        )


if __name__ == "__main__":
    main()
