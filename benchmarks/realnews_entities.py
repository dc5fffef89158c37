"""Entities on real news (../shared/data/realnews-dev), scored by ../shared/tools/realnews_score.py.

The eight articles are split by document into a dev fold (the four with the lowest sha1 of the
file name, the only ones looked at while tuning) and a held-out fold (the other four). Each fold
is scored as the user runs it, ``etkg extract NAME.txt --json`` and ``NAME.html``, and the entity
figures (recall, kind accuracy, precision, alias merges, credits kept out) are reported per fold,
per input and in total. Run from the project root:

    .venv/bin/python benchmarks/realnews_entities.py [--etkg PATH] [--label NAME] [--before REV] [--write-results]

``--etkg`` scores another build of the command; ``--before REV`` also scores that commit, checked
out beside this tree, for a before/after table; ``--write-results`` replaces the "Entities on real
news" section of benchmarks/RESULTS.md.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "realnews-dev"
SCORER = ROOT.parent / "shared" / "tools" / "realnews_score.py"
SECTION = "Entities on real news (realnews-dev)"
#: (figure, numerator, denominator) of the scorer's totals.
FIGURES = (("entity recall", "entities_found", "entities_gold"),
           ("kind accuracy", "kinds_right", "entities_found"),
           ("precision", "extracted_entities_matched", "extracted_entities"),
           ("alias merges", "merged", "merge_pairs"),
           ("credits kept out", "credits_kept_out", "credits"))
sys.path.insert(0, str(ROOT))

# How the figures come about and what each round changed, written under the tables.
NOTES = """\
- Only the dev fold's errors are read; the held-out fold is only scored.
- Precision counts every extracted story entity the gold does not list. Of the 13 dev (text) entities not
  in the gold at a480217, 7 are correctly typed names the gold leaves out: five works (Basket of Wild Strawberries,
  A Boating Party, Book of Hours, the Inquiry Report, the "All Patrons" campaign), one event (Summit of the
  Americas) and one place (Latin America). The other 6 are junk: "Asian models" (a quoted advert),
  "British citizen" (a group of one) and four generic groups that are the target of a typed event
  (ministers, governments, representatives, migrants); since bdbc0e8 also two generic "people" groups the
  event rules make actors. Counting only the junk, dev precision is 79/85 = 0.93 (79/87 now).
- Fourth round (a480217): a generic group with a name or an identity in it is a story entity though it
  does not act ("UCLA students", "black voters"), an organisation name the model cuts inside a country's
  name takes the whole of it, "Ministry of Finance" / "Finance Ministry" are one organisation, streets are
  places, diseases are no entities: held-out precision 87/93 -> 90/95, dev 78/91 -> 79/92. Tried and taken
  out: dropping generic groups that are only targets (PLOVER dev dates 0.62 -> 0.60); untagged surnames as
  mentions (real news held-out typed event precision 0.48 -> 0.46).
- Fifth round (helper `entities`): the dev fold has no recall error left, so the
  classes came from reading etkg's entities on unlabelled pages (web-pages-dev without the eight real-news
  articles) and SemEval-2015 raw texts by hand: a surname that is also a lookalike town ("Warren, who ..."
  after "Elizabeth Warren") or a common noun ("Jobs said" after "Steve Jobs") is the person; a name cut
  at its particle ("Ursula von der" + "Leyen") is taken whole; "the Senate", "the House", "the Cabinet",
  "the Treasury" are organisations; the place of a dateline in capitals is the gazetteer's place
  ("AUSTIN (KXAN) —" was a person); "St Lucia", "St Kitts and Nevis" are the countries, Trinidad the
  island (not La Trinidad, Philippines), "T&T" Trinidad and Tobago; a word the tagger calls POS no longer
  crashes the resolver; "St Thomas' Hospital" is no person, "Trinidad" + "Tobago Chamber of ..." one
  organisation. Tests: tests/nlp/entities/test_names_kept.py. Before/after (`--before bdbc0e8`, main
  with the other helpers' work of the round): identical on both folds, dev recall 76/76, kind 75/76,
  precision 79/94 (79/92 at 45ee3f0: two mentions of "people" the round's event rules make actors),
  merges 10/10; held-out recall 78/85, kind 75/78, precision 90/95, merges 19/22. None of the classes
  moved a held-out figure, so held-out recall stays 0.92 (its misses are still unread).
  SemEval-2015 targets 29/31 found, 21/31 one id (unchanged); mention recall in gold sentences 388 -> 394/656.
  Events: real news held-out typed precision/recall/actor/date 0.59/0.37/0.82/0.61 -> 0.61/0.38/0.82/0.60,
  dev and PLOVER unchanged.
- Aims (>= 0.95, merges >= 0.85): met for dev recall, kind and merges, held-out precision, kind and
  merges; not met for dev precision (0.84-0.85, the works and generic groups above) and held-out recall (0.92).
- Round of 2026-12-03 afternoon (entx), `--before 096bec2`: names the small model never tags that their
  form gives away, found on the unlabelled web pages (not the real-news articles): capitalised words and
  a street word are a place ("Wall Street", also opening a sentence); a plural proper noun after "the" is
  a team's organisation ("the Sixers", not "The Memoirs of" nor "the Letters section"); the capitalised
  words after a person's title are the person ("Dr Rowley told", not "General Motors"). Held-out recall
  78/85 -> 79/85 (0.93), kind 75/78 -> 76/79, precision 90/95 -> 91/96; dev unchanged; SemEval targets
  unchanged (29/31, 21/31, 394/656). Spreading a tagged name to its untagged re-mentions cannot raise the
  scorer's recall (a whole word of an extracted name already counts); the wider organisation endings
  were not re-tried (the model tags every example probed). Held-out recall stays under the aim.
- Round of 2026-12-03 evening (evrn, ents), `--before dfba8e9`: an organisation's name the model tagged
  once is a mention of it where the text repeats it untagged ("LVMH's donation"; held-out precision
  91/96 -> 92/97, one more extracted entity, in the gold); products named by maker or line and
  model ("Boeing 777", "iPhone 3G", "Ford Taurus"), the model number alone referring back ("the 777"),
  nouns in apposition or after "is" fixing the kind for the document ("Irish airline, Ryanair"), fuzzy
  name matching that never changes a digit. Real-news figures otherwise unchanged; SemEval targets
  (`benchmarks/entities.py`, whose matcher no longer lets "Boeing 787" stand for "Boeing 777") 28/31 ->
  30/31 found, 21/31 -> 22/31 one id, mention recall 394 -> 406/656. Dev precision's seven false
  positives are all real names the gold omits (five works, an event, Latin America); no recall class
  found for the held-out fold. A person's-name word not spread as an organisation ("Jobs") was dropped:
  it removed a correct mention ("Jobs acknowledged") though it raised SemEval-2015 T4 by 0.25.
- Round of 2026-12-03 night (entities), `--before e91c19a`: classes read on SemEval-2015 raw texts and
  the unlabelled web pages: "The" after an opening quote that runs past the name is speech, not a title;
  a product line and a small number that counts nothing is its model ("iPhone 4", not "the iPhone 4
  million times"); "its 777 airliner" is the product of the organisation before it; a known product with
  its nickname or maker ("Boeing 787 Dreamliners", "Apple Macintosh"); an organisation's span loses a
  trailing common noun ("the United Auto Workers union") and the next person's titles; a surname of a
  full name the model tags as a person stays the person; a name tagged both group and organisation is
  the organisation ("Celtics"); time zones and common initialisms ("UTC", "AI", "Ph.D.") are no
  entities unless spelt out as a name; a name before a facility noun is the place ("O'Hare airport");
  products, social networks and the UAW added to the gazetteers. SemEval targets one id 22/31 -> 24/31,
  mention recall 406 -> 433/656; real-news figures below (no held-out class found; held-out recall
  0.93 stays under the aim).
- Round of 2026-12-04 early morning (entities), against 8896844: classes read on SemEval-2015 texts,
  unlabelled web pages (not the eight articles), TimeBank texts and sentences of our own. An
  organisation's first words as their initials are its name written out ("US Air Force" = "U.S. Air
  Force" = "United States Air Force", in a document and across documents), so "the Air Force" after
  it is that body; no lower-case "a" opens a name; a person's surname the model leaves untagged is the
  person it tagged by full name ("Clyburn, the House Majority Whip"; not a surname also written in
  lower case, nor one of a name tagged an organisation more often); a short form in brackets spells
  the words the model missed before a place ("Public Health England (PHE)"); "<place> Department of
  <field>" is its "<field> Department"; a noun of kin makes a person ("his wife, Ivana"), "area" after
  a name a place, a blotter's "Name, 22, Town," a residence; a name tagged an event once votes with its
  other readings; a person-tagged name listed with places is a place (a plural one with peoples a
  group); an unknown place that sues or states is a body ("Cisco sues Apple"); the Fed; demonyms
  news uses beside the official one ("Bajans", "Trinbagonians", "Tobagonian", "Nevisian"). Held-out
  merges 19/22 -> 20/22 (the surnames; every other figure the same with and without these rules).
  With the events helpers' work of the round (their groups acting in more typed events), held-out
  recall 79/85 -> 81/85 = 0.95, kind 76/79 -> 78/81, precision 92/97 -> 95/100; dev unchanged (76/76,
  75/76, 80/88, 10/10). SemEval-2015 mention recall 433 -> 439/656 (30/31 found, 24/31 one id).
  Left: the dev kind error "U.S border authorities" (gold organisation; a country's "authorities"
  stays a group, whose sector the event rules read); "Mike" / "Michael Bloomberg" (no nickname table
  among the pinned packages); "iTunes Store" / "iTunes Music Store" (a renaming the text states once);
  the SemEval target "United Automobile Workers", which the texts only write "United Auto Workers".
- Round of 2026-12-04 night (entities, issue 15), `--before 806528e`: the dev fold has no recall or
  junk class left that the rules can reach (its eight extras are five works, an event, "Latin America"
  in the headline and the "people" of "Three people have been arrested"), so the classes were read on
  unlabelled web pages (not the eight articles) and SemEval-2015 texts. Junk out: a blotter's heading
  in capitals the text writes in lower case ("ACCIDENT –", not "NATO" nor a short "IT"), a paragraph's
  label ("Background:"), a date tagged as an event ("the March 3 primaries"), an e-mail address, the
  words opening a quotation taken for a title ("“Before the war, ..."), eponymous diseases
  ("Alzheimers"), the question after an interviewer's name and a colon ("The Economist: What ...").
  Whole names: a name the model cut at its "and" or "at" ("the Global Tourism Resilience and" +
  "Crisis Management Centre"); a span past a possessive is its owner where the document names it
  alone ("Apple Computer's Mac OS"). Kinds: "the Great Recession" an event, "the Volcker Rule" a law,
  "the journal Mechatronics" an organisation, "the Dodd-Frank" + "Act" one law that "Dodd-Frank"
  alone refers back to; Chrome, Gmail, Android products; a dateline's town in capitals the gazetteer
  does not know is a place where the story names it ("TAYLORVILLE —" was a person). One referent: a first
  name's short form ("Mike" / "Michael Bloomberg", data/entities/nicknames.csv), the iTunes Store
  under its old name. Real-news figures the same on both folds (dev 76/76, 75/76, 80/88, 10/10;
  held-out 81/85, 78/81, 95/100, 20/22); SemEval-2015 one id 24/31 -> 25/31, mention recall
  439 -> 441/656; events (`benchmarks/events.py`) unchanged. Tried and taken out: a handful of people
  ("three people") as no crowd (dev precision 80/88 -> 80/87, but the arrest of the three then merged
  with James Lee's and dev event recall fell 59 -> 58); one-word places the model tags that are common
  nouns (dropped "the Caribbean"). Left: dev precision 0.91 < 0.95 is the works and the event the gold
  leaves out (kinded right; dropping them would undo issue 15's kinds), "Latin America" (the
  headline's name for the gold's "Latin American countries"), the "people" above; the kind of "U.S
  border authorities" (gold organisation, a group whose sector the event rules read); "Yellow Vests"
  read as a work, a person and a group in one page; person names the model calls places or
  organisations in sports copy ("Jayson Tatum")."""


def folds() -> dict[str, list[str]]:
    """Article names by fold: the lowest four sha1s of the name are the dev fold."""
    names = sorted(p.name[: -len(".gold.json")] for p in DATA.glob("*.gold.json"))
    ranked = sorted(names, key=lambda n: hashlib.sha1(n.encode()).hexdigest())
    half = len(ranked) // 2
    return {"dev": sorted(ranked[:half]), "held-out": sorted(ranked[half:])}


def score(etkg: str, names: list[str], html: bool, tree: Path | None = None) -> dict:
    """The scorer's JSON totals over ``names`` (a folder of links to their files), with the
    ``graph`` package of ``tree`` where given."""
    with tempfile.TemporaryDirectory() as tmp:
        for n in names:
            for path in DATA.glob(f"{n}.*"):
                (Path(tmp) / path.name).symlink_to(path)
        cmd = [sys.executable, str(SCORER), etkg, tmp] + (["--html"] if html else [])
        env = {**os.environ, **({"PYTHONPATH": str(tree)} if tree else {})}
        out = subprocess.run(cmd, capture_output=True, text=True, check=True, env=env).stdout
    return json.loads(out.strip().splitlines()[-1])


def measure(etkg: str, tree: Path | None) -> dict[tuple[str, str], dict]:
    """Totals per (fold, input) and in total over both folds."""
    totals: dict[tuple[str, str], dict] = {}
    for fold, names in folds().items():
        for mode in ("txt", "html"):
            totals[(fold, mode)] = score(etkg, names, mode == "html", tree)
    for mode in ("txt", "html"):
        both = [t for (f, m), t in totals.items() if m == mode]
        totals[("total", mode)] = {k: sum(t[k] for t in both) for _, a, b in FIGURES for k in (a, b)}
    return totals


def table(totals: dict[tuple[str, str], dict]) -> str:
    rows = ["| fold | input | " + " | ".join(f for f, _, _ in FIGURES) + " |", "|---|---|" + "---|" * len(FIGURES)]
    for (fold, mode), t in totals.items():
        cells = [f"{t[a]}/{t[b]} = {t[a] / t[b]:.2f}" if t[b] else "—" for _, a, b in FIGURES]
        rows.append(f"| {fold} | {mode} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--etkg", default=str(ROOT / ".venv" / "bin" / "etkg"))
    ap.add_argument("--label", default="", help="a name for this build in the output")
    ap.add_argument("--before", metavar="REV", help="an earlier commit to score beside this tree")
    ap.add_argument("--write-results", action="store_true")
    args = ap.parse_args()
    if not DATA.is_dir() or not SCORER.is_file():
        print(f"realnews-dev or its scorer not found under {ROOT.parent / 'shared'}; nothing measured")
        return 0
    from benchmarks.results import replace_section, trees

    body = "\n".join(f"- {fold}: {', '.join(names)}" for fold, names in folds().items())
    with trees(ROOT, args.before) as found:
        for name, tree in reversed(found.items()):
            heading = "" if name == "now" else f"{name[0].upper()}{name[1:]}:\n\n"
            body += "\n\n" + heading + table(measure(args.etkg, None if name == "now" else tree))
    body += "\n\n" + NOTES
    print((args.label + "\n" if args.label else "") + body)
    if args.write_results:
        command = "python benchmarks/realnews_entities.py" + (f" --before {args.before}" if args.before else "")
        replace_section(SECTION, body, f".venv/bin/{command} --write-results")
    return 0


if __name__ == "__main__":
    sys.exit(main())
