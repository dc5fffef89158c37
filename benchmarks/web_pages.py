"""Article text and dates from saved web pages: etkg vs trafilatura vs htmldate, by fold.

    .venv/bin/python benchmarks/web_pages.py [--fold dev|heldout|both] [--write]

The pages of ../shared/data/web-pages-dev are split by the SHA-1 of their file name: even -> the
dev fold (looked at while tuning), odd -> the held-out fold (scored only). Each fold is scored by
the shared scorer ``web_score.py`` (``etkg build`` end to end, trafilatura side by side), over all
its pages and over the pages etkg reads as English (the others are skipped by design unless
``--model`` names their language's pipeline). htmldate's own date accuracy is scored on the same
pages, and the reader's throughput (pages/s, graph.io alone) is measured beside the NLP's.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "web-pages-dev"
SCORER = ROOT.parent / "shared" / "tools" / "web_score.py"
ETKG = ROOT / ".venv" / "bin" / "etkg"


def fold_of(name: str) -> str:
    return "dev" if int(hashlib.sha1(name.encode()).hexdigest(), 16) % 2 == 0 else "heldout"


def fold_dir(names: list[str], gold: dict, tmp: Path, label: str) -> Path:
    """A folder in the scorer's layout holding only ``names`` (symlinks to the pages)."""
    d = tmp / label
    (d / "pages").mkdir(parents=True)
    for n in names:
        (d / "pages" / n).symlink_to(DATA / "pages" / n)
    (d / "evaldata.json").write_text(json.dumps({n: gold[n] for n in names}))
    return d


def web_score(d: Path) -> dict:
    p = subprocess.run([sys.executable, str(SCORER), str(ETKG), str(d)], capture_output=True, text=True, check=True)
    lines = p.stdout.strip().splitlines()
    return {"build": lines[0], **json.loads(lines[-1])}


def htmldate_score(names: list[str], gold: dict) -> float:
    import htmldate

    ok = total = 0
    for n in names:
        if gold[n].get("date"):
            total += 1
            html = (DATA / "pages" / n).read_text(encoding="utf-8", errors="replace")
            found = htmldate.find_date(html, url=gold[n].get("url"), original_date=True, extensive_search=True)
            ok += (found or "")[:10] == gold[n]["date"][:10]
    return round(ok / max(total, 1), 3)


def read_pages(names: list[str]) -> tuple[list, float]:
    """The documents graph.io reads from the pages, and the seconds it took."""
    from graph.io import read_documents

    start = time.perf_counter()
    docs = list(read_documents([DATA / "pages" / n for n in names]))
    return docs, time.perf_counter() - start


def nlp_seconds(docs: list) -> float:
    from graph.nlp.pipeline import extract, load_pipeline

    nlp = load_pipeline()
    start = time.perf_counter()
    for _ in extract(docs, nlp=nlp):
        pass
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fold", choices=["dev", "heldout", "both"], default="dev")
    ap.add_argument("--write", action="store_true", help="replace the section of benchmarks/RESULTS.md")
    args = ap.parse_args()
    from graph.io import Skipped

    gold = json.loads((DATA / "evaldata.json").read_text())
    folds = ["dev", "heldout"] if args.fold == "both" else [args.fold]
    rows, notes = [], []
    with tempfile.TemporaryDirectory(prefix="web-folds-") as tmp:
        for fold in folds:
            names = sorted(n for n in gold if fold_of(n) == fold)
            docs, _ = read_pages(names)
            english = sorted(Path(d.source).name for d in docs if not isinstance(d, Skipped) and d.language in (None, "en"))
            for subset, subset_names in (("all", names), ("read as English", english)):
                s = web_score(fold_dir(subset_names, gold, Path(tmp), f"{fold}-{len(rows)}"))
                e, t = s["etkg"], s["trafilatura"]
                rows.append(f"| {fold} | {subset} | {e['pages']} | {e['built']} | {e['recall']} / {t['recall']} | "
                            f"{e['precision']} / {t['precision']} | {e['f1']} / {t['f1']} | {e['date_ok']} / "
                            f"{t['date_ok']} / {htmldate_score(subset_names, gold)} |")
                notes.append(f"{fold}, {subset}: {s['build']}")
                print(rows[-1], flush=True)
    all_names = sorted(gold)
    docs, read_s = read_pages(all_names)
    good = [d for d in docs if not isinstance(d, Skipped)]
    nlp_s = nlp_seconds(good)
    speed = (f"Reader alone (graph.io: trafilatura + htmldate + language): {len(all_names)} pages in {read_s:.1f} s = "
             f"**{len(all_names) / read_s:.1f} pages/s**; the NLP on the {len(good)} documents read: {nlp_s:.1f} s = "
             f"{len(good) / nlp_s:.1f} documents/s (reading is {read_s / (read_s + nlp_s):.0%} of the two).")
    print(speed)
    body = "\n".join([
        "Snippet recall, precision (boilerplate kept out), F1 and the share of pages with the right publication "
        "date, etkg / trafilatura (/ htmldate for dates), from the shared scorer `web_score.py` on each fold "
        "(folds by SHA-1 of the file name; the held-out fold was not looked at while tuning). \"read as "
        "English\": the pages etkg does not skip as another language (the data has German pages; etkg skips "
        "them unless `--model` names a pipeline of their language, so they count as misses under \"all\").",
        "",
        "| fold | pages | n | built | recall | precision | F1 | date right (etkg / trafilatura / htmldate) |",
        "|---|---|---|---|---|---|---|---|",
        *rows, "", speed, "", "Build lines: " + "; ".join(f"`{n}`" for n in notes)])
    if args.write:
        sys.path.insert(0, str(ROOT))
        from benchmarks.results import replace_section

        replace_section("Web pages (article text and dates)", body,
                        f".venv/bin/python benchmarks/web_pages.py --fold {args.fold} --write")


if __name__ == "__main__":
    main()
