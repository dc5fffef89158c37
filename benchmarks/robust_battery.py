"""The fault battery of issue 18, run as a user would: each case through the ``etkg`` command in a
fresh process, against the source tree given (so that a tree before a fix can be compared).

    .venv/bin/python -m benchmarks.robust_battery [--tree DIR] [--write]

``--write`` puts the table in RESULTS.md (section "Robustness battery").
"""
from __future__ import annotations

import argparse
import csv
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
DOC = "date 2022-03-30\nRussia attacked Ukraine on Tuesday. Zelenskyy met Boris Johnson in Kyiv on Wednesday.\n"


class Battery:
    def __init__(self, tree: Path, work: Path) -> None:
        self.tree, self.work = tree, work
        self.rows: list[tuple[str, str, str, bool]] = []

    def etkg(self, *args: str, stdin: str | None = None, limit: int | None = None,
             wait: bool = True) -> subprocess.CompletedProcess | subprocess.Popen:
        cmd = [sys.executable, "-c", "from graph.cli import main; main()", *args]
        env = {**os.environ, "PYTHONPATH": str(self.tree)}

        def fsize() -> None:
            if limit is not None:
                resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))

        if not wait:
            return subprocess.Popen(cmd, cwd=self.tree, env=env, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL, preexec_fn=fsize)
        return subprocess.run(cmd, cwd=self.tree, env=env, input=stdin, capture_output=True, text=True,
                              preexec_fn=fsize, timeout=600)

    def case(self, name: str, expected: str, run: Callable[[], tuple[bool, str]]) -> None:
        try:
            ok, observed = run()
        except Exception as exc:  # a case that cannot even run is an observation too
            ok, observed = False, f"{type(exc).__name__}: {exc}"
        self.rows.append((name, expected, observed.replace("|", "\\|").replace("\n", " ")[:160], ok))
        print(f"{'ok ' if ok else 'BAD'} {name}: {observed[:160]}", flush=True)

    def folder(self, name: str, files: dict[str, str]) -> Path:
        d = self.work / name
        d.mkdir(parents=True)
        for n, text in files.items():
            (d / n).write_text(text, encoding="utf-8")
        return d


def first_line(p: subprocess.CompletedProcess) -> str:
    lines = [l for l in p.stderr.splitlines() if l.strip()]
    return f"exit {p.returncode}, {len(lines)} stderr line(s): {lines[0] if lines else ''}"


def snapshot(d: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in d.iterdir() if p.is_file()}


def cases(b: Battery) -> None:
    seeds = ROOT / "seeds"

    def demo() -> tuple[bool, str]:
        out = b.work / "demo"
        b.etkg("build", str(seeds), "--out", str(out))
        p = b.etkg("validate", str(out / "graph.trig"))
        return p.returncode == 0, f"exit {p.returncode}: {(p.stdout + p.stderr).strip().splitlines()[-1]}"

    b.case("`etkg validate out/graph.trig` after `etkg build seeds`", "exit 0, conforms", demo)

    def union() -> tuple[bool, str]:
        from pyshacl import validate
        from rdflib import Graph
        from rdflib.namespace import SH

        src = b.work / "dup-in"
        shutil.copytree(seeds, src)
        shutil.copy(src / "001_kyiv_withdrawal.txt", src / "copy_of_001.txt")
        b.etkg("build", str(src), "--out", str(b.work / "dup"))
        ok, report, _ = validate(Graph().parse(b.work / "dup" / "graph.ttl"),
                                 shacl_graph=Graph().parse(b.tree / "ontology" / "shapes.ttl"), inference="none")
        paths = sorted({str(report.value(r, SH.resultPath)).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
                        for r in report.subjects(SH.resultSeverity, SH.Violation)})
        return ok, "conforms" if ok else f"{len(list(report.subjects(SH.resultSeverity, SH.Violation)))} violations on {', '.join(paths[:5])}"

    b.case("pyshacl over graph.ttl of seeds/ plus a copy of one seed", "conforms", union)

    def no_type() -> tuple[bool, str]:
        from rdflib import Dataset, URIRef
        from rdflib.namespace import RDF

        sem_event = URIRef("http://semanticweb.cs.vu.nl/2009/11/sem/Event")
        ds = Dataset().parse(b.work / "demo" / "graph.trig")
        g = next(g for g in ds.graphs() if (None, RDF.type, sem_event) in g)
        event = next(g.subjects(RDF.type, sem_event))
        g.remove((event, RDF.type, sem_event))
        ds.serialize(b.work / "untyped.trig", format="trig")
        p = b.etkg("validate", str(b.work / "untyped.trig"))
        caught = str(event) in p.stdout
        return p.returncode == 2 and caught, f"{first_line(p)}; the event {'is' if caught else 'is NOT'} among the violations"

    b.case("an event without `a sem:Event`, validated", "exit 2, does not conform", no_type)

    def folder_in_place() -> tuple[bool, str]:
        src = b.folder("fip-in", {"a.txt": DOC})
        out = b.work / "fip"
        b.etkg("build", str(src), "--out", str(out))
        (out / "index.html").unlink()
        (out / "index.html").mkdir()
        before = snapshot(out)
        p = b.etkg("build", str(src), "--date", "2022-04-01", "--out", str(out))
        same = snapshot(out) == before
        return p.returncode == 2 and same, f"{first_line(p)}; earlier set {'kept' if same else 'CHANGED'}"

    b.case("a folder in place of index.html in --out", "exit 2, one line, earlier set kept", folder_in_place)

    def full_disk() -> tuple[bool, str]:
        src = b.folder("disk-in", {"a.txt": DOC})
        out = b.work / "disk"
        b.etkg("build", str(src), "--out", str(out))
        before = snapshot(out)
        (src / "b.txt").write_text(DOC.replace("Tuesday", "Thursday"), encoding="utf-8")
        p = b.etkg("build", str(src), "--out", str(out), limit=100_000)  # EFBIG: the disk "fills" mid-set
        same = snapshot(out) == before
        left = [q.name for q in out.iterdir() if q.name.startswith(".")]
        return p.returncode == 2 and same and not left, f"{first_line(p)}; earlier set {'kept' if same else 'CHANGED'}; leftovers {left}"

    b.case("the disk fills while writing the set (RLIMIT_FSIZE)", "exit 2, one line, earlier set kept", full_disk)

    def concurrent_append() -> tuple[bool, str]:
        from rdflib import Dataset
        from rdflib.namespace import SDO

        src = b.folder("app-in", {f"d{n}.txt": DOC.replace("Kyiv", f"Kyiv {n}") for n in range(2)})
        out = b.work / "app"
        procs = [b.etkg("build", str(src / f"d{n}.txt"), "--append", "--out", str(out), wait=False) for n in range(2)]
        codes = [p.wait(timeout=600) for p in procs]
        ids = sorted(str(o) for o in Dataset(default_union=True).parse(out / "graph.trig").objects(None, SDO.identifier))
        return len(ids) == 2, f"exits {codes}; documents in graph.trig: {ids}"

    b.case("two `etkg build --append` into one --out at once", "both documents kept", concurrent_append)

    def timex() -> tuple[bool, str]:
        p = b.etkg("timex", "--json-in", stdin='{"text": 5}')
        return p.returncode == 2 and len(p.stderr.strip().splitlines()) == 1, first_line(p)

    b.case("`echo '{\"text\": 5}' \\| etkg timex --json-in`", "exit 2, one line", timex)

    def gazetteer() -> tuple[bool, str]:
        src = b.folder("gaz-in", {"a.txt": DOC, "gaz.csv": 'name,aliases,kind,iri\nKyiv,,city,"https://x.org/""q"\n'})
        p = b.etkg("build", str(src / "a.txt"), "--gazetteer", str(src / "gaz.csv"), "--out", str(b.work / "gaz"))
        lines = p.stderr.strip().splitlines()
        return p.returncode == 2 and len(lines) == 1 and "gaz.csv:2" in lines[0], first_line(p)

    b.case("a gazetteer row whose IRI holds `\"`", "exit 2, one line naming gaz.csv:2", gazetteer)

    def csv_injection() -> tuple[bool, str]:
        src = b.folder("csv-in", {"a.txt": "date 2022-03-30\n=Russia attacked Ukraine on Tuesday. "
                                           "-Ukraine accused Russia on Wednesday. @Kyiv thanked Poland."})
        out = b.work / "csv"
        b.etkg("build", str(src), "--out", str(out))
        bad = [c for n in ("events.csv", "entities.csv")
               for row in csv.reader(open(out / n, newline="", encoding="utf-8")) for c in row
               if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
        return not bad, f"{len(bad)} cells starting with = + - @ tab CR" + (f", e.g. {bad[0][:40]!r}" if bad else "")

    b.case("events.csv / entities.csv from text starting with = - @", "no cell starts a formula", csv_injection)

    def kill_workers() -> tuple[bool, str]:
        src = b.folder("kill-in", {f"d{n:02}.txt": (seeds / "000_aa0594ff2652d761.txt").read_text() + f"\n{n}."
                                   for n in range(40)})
        p = b.etkg("build", str(src), "--workers", "2", "--no-views", "--out", str(b.work / "kill"), wait=False)
        workers: set[int] = set()
        deadline = time.monotonic() + 180
        while len(workers) < 2 and time.monotonic() < deadline and p.poll() is None:
            time.sleep(0.2)
            workers = {int(s.parent.name) for s in Path("/proc").glob("[0-9]*/stat")
                       if _ppid(s) == p.pid}
        time.sleep(1)
        os.kill(p.pid, signal.SIGKILL)
        p.wait()
        time.sleep(5)
        alive = [w for w in workers if Path(f"/proc/{w}").exists() and _state(w) != "Z"]
        for w in alive:
            os.kill(w, signal.SIGKILL)
        return bool(workers) and not alive, f"{len(workers)} workers seen; {len(alive)} alive 5 s after kill -9"

    b.case("`kill -9` of a `--workers 2` build", "no worker left", kill_workers)

    def service() -> tuple[bool, str]:
        hits: list[str] = []

        class H(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                hits.append(self.path)
                self.send_response(500)
                self.end_headers()

            do_POST = do_GET

            def log_message(self, *a: object) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), H)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}/sparql"
        b.etkg("build", str(seeds / "001_kyiv_withdrawal.txt"), "--store", str(b.work / "svc-store"), "--no-views",
               "--out", str(b.work / "svc"))
        q = f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"
        file_ = b.etkg("query", str(b.work / "demo" / "graph.ttl"), q)
        store = b.etkg("query", "--store", str(b.work / "svc-store"), q)
        server.shutdown()
        return (file_.returncode == store.returncode == 2 and not hits,
                f"file: {first_line(file_)}; store: exit {store.returncode}; requests received: {len(hits)}")

    b.case("`etkg query` with `SERVICE <http://127.0.0.1:port/>` (file and store)", "exit 2, no request", service)

    def update() -> tuple[bool, str]:
        p = b.etkg("query", str(b.work / "demo" / "graph.ttl"), "DELETE WHERE { ?s ?p ?o }")
        return p.returncode == 2, first_line(p)

    b.case("`etkg query` with an UPDATE", "exit 2", update)


def _ppid(stat: Path) -> int:
    try:
        return int(stat.read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return -1


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "gone"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tree", type=Path, default=ROOT, help="source tree whose graph/ runs (default: this one)")
    ap.add_argument("--write", action="store_true", help="write the table into RESULTS.md")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="etkg-battery-") as work:
        b = Battery(args.tree.resolve(), Path(work))
        cases(b)
    table = "| case | expected | observed | |\n| --- | --- | --- | --- |\n" + "".join(
        f"| {n} | {e} | {o} | {'ok' if ok else '**fails**'} |\n" for n, e, o, ok in b.rows)
    print(table)
    if args.write:
        from .results import replace_section

        replace_section("Robustness battery (issue 18)", table, "python -m benchmarks.robust_battery --write")


if __name__ == "__main__":
    main()
