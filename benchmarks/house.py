"""The house (issue #12): start-up cost of what does not parse text, and the shape of the package.

Times ``import graph`` and ``etkg --help`` (median wall time of several runs, in fresh processes)
and counts the top-level modules of graph/ and the rows of the ``duplicates`` tool, for this tree
and, with ``--before REV``, for an earlier commit checked out beside it (same interpreter, same
run, so that machine load affects both alike).

    .venv/bin/python benchmarks/house.py --before 4c0f527 --write-results
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.results import replace_section, trees  # noqa: E402

PROBES = {
    "import graph": "import graph",
    "etkg --help": "import sys; from graph.cli import main; sys.argv = ['etkg', '--help']; main()",
}
SPACY = "import sys, graph, graph.kg, graph.cli; print('spacy' in sys.modules)"


def wall(tree: Path, code: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], cwd=tree, env={"PYTHONPATH": str(tree), "PATH": ""},
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def shape(tree: Path) -> dict[str, object]:
    pkg = tree / "graph"
    modules = sorted(p.name for p in pkg.glob("*.py"))
    rooms = sorted(p.name for p in pkg.iterdir() if p.is_dir() and (p / "__init__.py").exists())
    dup = "n/a (duplicates not on PATH)"
    if shutil.which("duplicates"):
        out = subprocess.run(["duplicates", "--repo", str(pkg), "--most", "200"], capture_output=True,
                             text=True).stdout.splitlines()
        dup = out[0] if out else ""
    spacy = subprocess.run([sys.executable, "-c", SPACY], cwd=tree, env={"PYTHONPATH": str(tree), "PATH": ""},
                           capture_output=True, text=True).stdout.strip()
    return {"modules": len(modules), "rooms": len(rooms), "duplicates": dup, "spacy": spacy}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--before", metavar="REV", help="an earlier commit to measure beside this tree")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--write-results", action="store_true")
    args = ap.parse_args()
    rows = []
    with trees(ROOT, args.before) as found:
        for name, tree in found.items():
            times = {probe: wall(tree, code, args.runs) for probe, code in PROBES.items()}
            s = shape(tree)
            rows.append(f"| {name} | {times['import graph']:.2f} s | {times['etkg --help']:.2f} s | {s['spacy']} | "
                        f"{s['modules']} | {s['rooms']} | {s['duplicates']} |")
            print(rows[-1])
    load = Path("/proc/loadavg").read_text().split()[0] if Path("/proc/loadavg").exists() else "?"
    body = ("| tree | `import graph` | `etkg --help` | spaCy imported by `import graph, graph.kg, graph.cli` | "
            "top-level modules in graph/ | rooms (subpackages) | `duplicates` on graph/ |\n"
            "| --- | --- | --- | --- | --- | --- | --- |\n" + "\n".join(rows) +
            f"\n\nMedian wall time of {args.runs} fresh processes each; load average {load} when measured "
            "(other work ran on the machine: compare the rows of one run, not across runs).")
    if args.write_results:
        replace_section("The house (start-up and package shape)", body,
                        "python benchmarks/house.py" + (f" --before {args.before}" if args.before else ""))


if __name__ == "__main__":
    main()
