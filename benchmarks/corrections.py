"""The cost of analyst corrections per 1,000 documents.

A synthetic corpus: the seed articles repeated under distinct ids up to ``--docs`` documents, with a
corrections file of a dozen rows of every action, most of which match most documents (the worst
case: a real file touches few). Timed: applying the rows to the records alone; adding the records
to a graph (RDF, links, store) without and with corrections; re-correcting an on-disk store that
holds the corpus uncorrected (no parsing), and applying the same file again (nothing to rewrite);
and, with ``--end-to-end``, the whole build from text without and with corrections. Run from the
project root:

    .venv/bin/python benchmarks/corrections.py --docs 1000 --end-to-end 200

and the figures replace the "Corrections" section of benchmarks/RESULTS.md.
"""
from __future__ import annotations

import argparse
import os
import dataclasses
import sys
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.results import replace_section  # noqa: E402

CORRECTIONS = """action,subject,value,note
merge,Kremlin,Russia,the Kremlin stands for the Russian state
merge,Moscow,Russia,the capital for the state
rename,Putin,Vladimir Putin,
rename,country/united-kingdom,the United Kingdom,
retype,Bucha,city,a town near Kyiv
retype,Donbas,place,
drop,defence ministry,,too vague
drop,Turks,,
alias,Volodymyr Zelenskyy,Zelensky,
split,Ukrainians,Mariupol,the people of Mariupol
drop-event,Istanbul talks @ 001_kyiv_withdrawal,,a spokesman's summary
retype-event,Putin bombs Ukraine,COERCE,
retype-event,Russia accuses Moscow,OTHER,
merge,Nobody,Russia,matches nothing
"""


def seconds(fn) -> tuple[float, object]:  # noqa: ANN001
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--end-to-end", type=int, default=0, metavar="N",
                    help="also time the whole build from text of the first N documents")
    args = ap.parse_args()
    load = os.getloadavg()[0]

    import graph
    from graph.api import open_store
    from graph.corrections import apply_corrections
    from graph.corrections.table import parse_corrections
    from graph.io import read_documents
    from graph.kg import KnowledgeGraph
    from graph.nlp.pipeline import extract, load_pipeline

    corrections = parse_corrections(CORRECTIONS, name="corrections.csv")
    seeds = [d for d in read_documents([ROOT / "seeds"])]
    machine = list(extract(seeds, nlp=load_pipeline()))
    n = args.docs

    def copies(items, rename):  # noqa: ANN001, ANN202
        return [rename(x, i) for i, x in enumerate(islice(cycle(items), n))]

    def doc_copy(d, i):  # noqa: ANN001, ANN202
        return dataclasses.replace(d, id=f"{d.id}-{i:05d}")

    def ex_copy(ex, i):  # noqa: ANN001, ANN202 - event ids come from the document's content: make them the copy's
        def own(event_id: str) -> str:
            return f"{event_id}-{i:05d}"

        return dataclasses.replace(
            ex, doc=doc_copy(ex.doc, i), events=[dataclasses.replace(ev, id=own(ev.id)) for ev in ex.events],
            event_relations=[dataclasses.replace(r, source=own(r.source), target=own(r.target))
                             for r in ex.event_relations])

    corpus = copies(machine, ex_copy)
    documents = copies(seeds, doc_copy)
    words = sum(len(d.text.split()) for d in documents)

    t_apply, results = seconds(lambda: [apply_corrections(ex, corrections) for ex in corpus])
    changed = sum(1 for _, changes in results if changes)

    def add_all(kg: KnowledgeGraph, with_corrections: bool) -> KnowledgeGraph:
        for ex in corpus:
            kg.add(ex, corrections=corrections if with_corrections else None)
        if with_corrections:
            kg.apply_corrections(corrections, skip={graph.rdf.build.doc_iri(ex.doc.id) for ex in corpus})
        return kg

    t_plain, plain = seconds(lambda: add_all(KnowledgeGraph(), False))
    t_fixed, fixed = seconds(lambda: add_all(KnowledgeGraph(), True))
    with tempfile.TemporaryDirectory() as tmp:
        store = add_all(open_store(Path(tmp) / "store"), False)
        t_store, _ = seconds(lambda: store.apply_corrections(corrections))
        t_again, _ = seconds(lambda: store.apply_corrections(corrections))
        same = store.serialize("nquads") == fixed.serialize("nquads")
        del store
    table = fixed.corrections()
    applied = int((table["status"] == "applied").sum())

    rows = [
        ("apply the rows to the records alone", t_apply, n),
        ("records -> graph (RDF, links, in-memory Oxigraph), no corrections", t_plain, n),
        ("records -> graph with corrections (PROV and cross-document merges included)", t_fixed, n),
        ("re-correct an on-disk store of the corpus (no parsing)", t_store, n),
        ("apply the same file to that store again (nothing rewritten)", t_again, n),
    ]
    e2e = args.end_to_end
    if e2e:
        t_e2e, _ = seconds(lambda: graph.build_documents(documents[:e2e]))
        t_e2e_fixed, _ = seconds(lambda: graph.build_documents(documents[:e2e], corrections=corrections))
        rows += [(f"whole build from text of {e2e:,} documents (`graph.build_documents`), no corrections", t_e2e, e2e),
                 (f"whole build from text of {e2e:,} documents with corrections", t_e2e_fixed, e2e)]
    body = [f"{n:,} documents ({words:,} words): the {len(seeds)} seed articles repeated under distinct ids; "
            f"{len(corrections.rows)} corrections, {applied} of which change something; "
            f"{changed:,} documents changed by them (the worst case: most rows match most documents). "
            f"One process; 2-core machine shared with other work (load average {load:.1f} at the start).", "",
            "| step | seconds | per 1,000 documents (s) |", "| --- | --- | --- |"]
    body += [f"| {name} | {t:.2f} | {t * 1000 / count:.2f} |" for name, t, count in rows]
    body += ["", f"Cost of corrections when building from records: {t_fixed - t_plain:+.2f} s "
             f"({(t_fixed / t_plain - 1) * 100:+.0f}%) per {n:,} documents."]
    if e2e:
        body += [f"Cost in the whole build: {t_e2e_fixed - t_e2e:+.2f} s ({(t_e2e_fixed / t_e2e - 1) * 100:+.0f}%)."]
    body += [f"Store re-corrected equals the corrected build (sorted N-Quads): {same}."]
    print("\n".join(body))
    cmd = "python benchmarks/corrections.py " + " ".join(sys.argv[1:])
    replace_section("Corrections", "\n".join(body), cmd.strip())


if __name__ == "__main__":
    main()
