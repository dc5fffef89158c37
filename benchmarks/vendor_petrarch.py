"""Regenerate verbs.json and agents.json from the PETRARCH2 dictionaries and the CAMEO-to-PLOVER table.

Not imported by the package: run it by hand when the sources change,

    python benchmarks/vendor_petrarch.py PETRARCH2_DICTIONARY_DIR CAMEO2PLOVER-2021.txt

verbs.json: verb lemma (or "verb particle") -> [PLOVER type of the bare verb or null,
{object noun: type}, {"preposition noun": type}]; a noun is the head (last word) of the pattern's
noun phrase, lower-cased and singular, as PETRARCH writes them. Codes map to PLOVER by the longest
prefix in the official table; CAMEO 01 (public statements) gives no event and CAMEO 02 (appeals)
is REQUEST, as in the PLOVER manual (its REQUEST merges CAMEO 02 and 10).
agents.json: agent noun phrase (lower-cased, words joined by spaces) -> sector code (GOV, MIL, COP ...),
the first three letters of PETRARCH's agent code.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent / "graph" / "data" / "petrarch"


def plover_table(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in path.read_text("utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)", line)
        if m:
            out[m.group(1)] = m.group(2)
    return out


def to_plover(code: str, table: dict[str, str]) -> str | None:
    code = code.split(":")[0].strip()
    if not code.isdigit():
        return None
    if code.startswith("01"):
        return None
    if code.startswith("02"):
        return "REQUEST"
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None


def synsets(lines: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    name = None
    for line in lines:
        line = line.split("#", 1)[0].rstrip()
        if line.startswith("&"):
            name = line.strip().rstrip("_")
            out[name] = []
        elif line.startswith("+") and name:
            out[name].append(line[1:].strip().rstrip("_").replace("_", " ").lower())
        elif line.strip() and not line.startswith("+"):
            name = None
    return out


def _heads(phrase: str, sets: dict[str, list[str]]) -> list[str]:
    """Head nouns of a pattern's noun phrase: "{FINANCIAL AID}" -> aid, "&MILITARY" -> its members."""
    phrase = phrase.strip().strip("{}").strip()
    if not phrase:
        return []
    last = phrase.split()[-1].rstrip("_")
    if last.startswith("&"):
        return [w.split()[-1] for w in sets.get(last.rstrip("_"), [])]
    if not re.fullmatch(r"[A-Za-z][A-Za-z'-]*", last):
        return []
    return [last.lower()]


def verbs(path: Path, table: dict[str, str]) -> dict[str, list]:
    lines = path.read_text("latin-1").splitlines()
    sets = synsets(lines)
    out: dict[str, list] = {}
    block: list[str] = []
    block_type: str | None = None
    block_head = ""

    def entry(lemma: str) -> list:
        return out.setdefault(lemma, [None, {}, {}])

    in_block = False
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if line.startswith("---"):
            m = re.search(r"\[([^\]]*)\]", line)
            block_type = to_plover(m.group(1), table) if m else None
            block_head = line.strip("- ").split("[")[0].strip().replace("_", " ").lower()
            block, in_block = [], True
            continue
        if not in_block or not line.strip() or line.startswith(("&", "~")):
            continue  # synonym sets come before the first block
        if line.startswith("-"):
            m = re.match(r"-\s*(.*?)\s*\[([^\]]*)\]", line)
            if not m or "*" not in m.group(1):
                continue
            kind = to_plover(m.group(2), table)
            after = m.group(1).split("*", 1)[1].strip()
            if not after or kind is None:
                continue
            prep = re.match(r"\((\w+)\s+(.*?)\)", after)
            for lemma in block:
                e = entry(lemma)
                if prep:
                    for noun in _heads(prep.group(2), sets):
                        e[2].setdefault(f"{prep.group(1).lower()} {noun}", kind)
                else:
                    first = re.match(r"(\{[^}]*\}|&?[\w'-]+)", after)
                    if first:
                        for noun in _heads(first.group(1), sets):
                            e[1].setdefault(noun, kind)
            continue
        # a verb of the block: "WITHDRAW {...} [code]", "+PULL_BACK", "WIRE_+TAP"
        word = line.strip().split()[0]
        own = re.search(r"\[([^\]]*)\]", line.split("{")[0] + line.split("}")[-1])
        lemma = " ".join(p for p in word.replace("+", "").lower().split("_") if p)
        # a verb's own code, or its block's when it heads the block ("--- ARREST [173] ---"): the
        # other members of a block share its patterns, not its bare code (GRANT [060] holds "add")
        kind = to_plover(own.group(1), table) if own else (block_type if lemma == block_head else None)
        if not re.fullmatch(r"[a-z][a-z' -]*", lemma):
            continue
        block.append(lemma)
        e = entry(lemma)
        if e[0] is None:
            e[0] = kind
    return {k: v for k, v in sorted(out.items()) if v[0] or v[1] or v[2]}


def agents(path: Path) -> dict[str, str]:
    lines = path.read_text("latin-1").splitlines()
    subs = {m.group(1): [w.strip() for w in m.group(2).split(",")]
            for m in (re.match(r"^(![A-Z]+!)\s*=\s*(.*)$", line.split("#", 1)[0].strip()) for line in lines) if m}
    out: dict[str, str] = {}
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        m = re.match(r"^([A-Z!][A-Z0-9_.'!-]*)\s*(?:\{[^}]*\})?\s*\[~([A-Z]{3})", line)
        if not m:
            continue
        forms = [m.group(1)]
        for name, words in subs.items():  # "POLICE!PERSON!" -> POLICEMAN, POLICEMEN, ...
            forms = [f.replace(name, w, 1) for f in forms for w in words] if any(name in f for f in forms) else forms
        for form in forms:
            phrase = form.replace("_", " ").lower().strip()
            if phrase and "!" not in phrase:
                out.setdefault(phrase, m.group(2))
    return dict(sorted(out.items()))


def main() -> None:
    src, table_path = Path(sys.argv[1]), Path(sys.argv[2])
    table = plover_table(table_path)
    v = verbs(src / "CAMEO.2.0.txt", table)
    a = agents(src / "Phoenix.agents.txt")
    (HERE / "verbs.json").write_text(json.dumps(v, separators=(",", ":"), sort_keys=True) + "\n", "utf-8")
    (HERE / "agents.json").write_text(json.dumps(a, indent=0, sort_keys=True) + "\n", "utf-8")
    print(f"{len(v)} verbs, {len(a)} agent nouns")


if __name__ == "__main__":
    main()
