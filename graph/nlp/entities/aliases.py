"""Names a document uses for the same person or organisation.

People: full name, surname alone, title + surname ("Mr Zelenskyy", "President Volodymyr
Zelenskyy"), possessives, and misspellings ("Mr Zeleskyy") found with rapidfuzz. Guards: two full
names with different first names never merge ("Boris Johnson" / "Dwayne Johnson"), a surname goes
to the nearest preceding bearer when several share it, and a misspelling must be close, long and
unambiguous. Organisations: legal suffixes dropped ("Boeing Co." = "Boeing"), acronyms joined
to the full name they abbreviate ("UAW" = "United Automobile Workers"), and a name of two or more
words joined to the one longer name it is part of ("Homeland Security"). Products: the model's
name without its maker ("Taurus" = "Ford Taurus", "777" = "Boeing 777") or in the plural ("iPod
Touches"), never a line and its models ("iPhone" / "iPhone 4") nor two model numbers ("Boeing 777" /
"Boeing 787").
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache

from rapidfuzz import fuzz

from ...text import acronym, bare, initialled, org_name
from .gazetteer import DATA

#: Words before a name that are not part of it (lower case, without the dot).
TITLES = frozenset("""
mr mrs ms miss mx dr sir dame lord lady president vice prime minister chancellor secretary senator
sen rep representative congressman congresswoman governor gov mayor general gen lt colonel col
captain capt admiral adm sergeant sgt major king queen prince princess pope ambassador judge justice
premier foreign defence defense deputy chief executive ceo chairman chairwoman professor prof rev
reverend father sheikh emir president-elect former late honourable honorable hon acting
rabbi imam bishop archbishop cardinal pastor cantor
""".split())
#: Role nouns that say a name next to them is a person's ("director Steven Spielberg", "Laurence des
#: Cars, the museum's president") and, capitalised, end an institution's name before the person's
#: ("Museum Director Max Hollein").
PERSON_ROLES = frozenset("president director founder chairman chairwoman curator spokesman spokeswoman "
                         "spokesperson adviser advisor minister secretary ceo executive head leader editor "
                         "author artist painter writer lawyer attorney actor actress singer coach manager owner "
                         "billionaire businessman businesswoman professor officer judge senator governor mayor "
                         "ambassador chancellor premier superintendent commissioner dean".split())
#: Words that open a surname ("Robert De Niro", "Laurence des Cars", "Ursula von der Leyen").
PARTICLES = frozenset("de da di del della des du van von der den ten ter le la al el bin ibn".split())
#: Titles that make a following name a person whatever the statistical model said ("Mr Zeleskyy").
HONORIFICS = frozenset("mr mrs ms miss dr sir dame president senator sen rep gov governor mayor pope honourable honorable hon "
                       "premier chancellor".split())
#: A misspelt surname must be at least this similar (rapidfuzz ratio) and this long.
FUZZY_RATIO = 85
FUZZY_MIN_LENGTH = 5



def strip_titles(words: list[str]) -> list[str]:
    """A person's name words without leading titles, "the" and a trailing possessive."""
    words = [w for w in words if w not in ("'s", "’s", "'", "’")]
    i = 0
    while i < len(words) - 1 and (bare(words[i]) in TITLES or bare(words[i]) == "the"):
        i += 1
    return words[i:]


def split_name(words: list[str]) -> tuple[str, str]:
    """First name and surname of a person's name words; a name that opens with a particle is a
    surname alone ("De Niro" -> ("", "De Niro")), and a particle inside opens the surname
    ("Robert De Niro" -> ("Robert", "De Niro"))."""
    if not words:
        return "", ""
    for i, w in enumerate(words[:-1]):
        if w.lower() in PARTICLES:
            return (" ".join(words[:1]) if i else ""), " ".join(words[i:])
    return (words[0] if len(words) > 1 else ""), words[-1]


@lru_cache(maxsize=1)
def nicknames() -> dict[str, frozenset[str]]:
    """Short forms of English first names -> the names they are short for (lower case), from
    ``data/entities/nicknames.csv``: news writes "Mike Bloomberg" beside "Michael Bloomberg"."""
    with open(DATA / "nicknames.csv", encoding="utf-8", newline="") as f:
        return {r["nickname"].lower(): frozenset(n.lower() for n in r["names"].split("|")) for r in csv.DictReader(f)}


def _compatible_first(a: str, b: str) -> bool:
    """Same first name, an initial of it ("G." / "George") or its short form ("Mike" / "Michael")."""
    a, b = bare(a), bare(b)
    short = nicknames()
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)) \
        or b in short.get(a, ()) or a in short.get(b, ())


def cluster_people(names: list[list[str]]) -> list[int]:
    """Cluster index of each person name (title-free words, in document order).

    Full names found first set up the clusters; a lone surname then joins the nearest preceding
    full name that ends with it (or fuzzily with it, if only one is close enough); a lone first
    name joins the one full name that starts with it, if no name ends with it.
    """
    cluster = [-1] * len(names)
    heads: list[tuple[str, str, int]] = []  # (first name, surname, first position) per cluster
    for i, words in enumerate(names):
        first, last = split_name(words)
        if not first:
            continue
        for c, (f, l, _) in enumerate(heads):
            if _compatible_first(first, f) and (last.lower() == l.lower() or _close(last, l)):
                cluster[i] = c
                break
        else:
            heads.append((first, last, i))
            cluster[i] = len(heads) - 1
    for i, words in enumerate(names):
        if cluster[i] >= 0:
            continue
        word = split_name(words)[1]
        exact = [c for c, (_, l, _) in enumerate(heads) if l.lower() == word.lower()]
        close = [c for c, (_, l, _) in enumerate(heads) if _close(word, l)]
        firsts = [c for c, (f, _, _) in enumerate(heads) if f and f.lower() == word.lower()]
        candidates = exact or (close if len(close) == 1 else []) or (firsts if len(firsts) == 1 else [])
        if candidates:
            before = [c for c in candidates if heads[c][2] < i]
            cluster[i] = max(before, key=lambda c: heads[c][2]) if before else candidates[0]
        else:
            heads.append(("", word, i))
            cluster[i] = len(heads) - 1
    return cluster


def _close(a: str, b: str) -> bool:
    """A misspelling: long enough, same initial, within a few edits, and the same digits (a number
    is never misspelt: "Model 3" is not "Model 5")."""
    return (min(len(a), len(b)) >= FUZZY_MIN_LENGTH and a[:1].lower() == b[:1].lower()
            and re.findall(r"\d+", a) == re.findall(r"\d+", b)
            and fuzz.ratio(a.lower(), b.lower()) >= FUZZY_RATIO)


def cluster_products(names: list[list[str]]) -> list[int]:
    """Cluster index of each product name: the same name, or the name after the maker of the one
    longer name that ends with it ("Falcon" after "Ford Falcon"). A line's name is not its
    model's ("iPhone" is not "iPhone 4"), and a number only matches itself."""
    lowered = [tuple(w.lower() for w in words) for words in names]
    written = set(lowered)
    lowered = [_singular(words, written) for words in lowered]
    tails: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for words in set(lowered):
        if len(words) > 1:
            tails.setdefault(words[1:], set()).add(words)
    keys: dict[tuple[str, ...], int] = {}
    cluster = []
    for words in lowered:
        holders = tails.get(words, set())
        key = next(iter(holders)) if len(holders) == 1 else words
        cluster.append(keys.setdefault(key, len(keys)))
    return cluster


def _singular(words: tuple[str, ...], written: set[tuple[str, ...]]) -> tuple[str, ...]:
    """A product's name in the plural as the singular the document also writes ("iPod Touches":
    units of the iPod Touch); never a model number ("iPhone 3GS" is not "iPhone 3G")."""
    last = words[-1] if words else ""
    if any(ch.isdigit() for ch in last):
        return words
    for cut in (2, 1) if last.endswith("es") else (1,) if last.endswith("s") else ():
        if (*words[:-1], last[:-cut]) in written:
            return (*words[:-1], last[:-cut])
    return words


def cluster_organisations(names: list[list[str]]) -> list[int]:
    """Cluster index of each organisation name (suffix-free words): the same name, its acronym
    ("UAW"), the name written without spaces ("CBSNews" from CBSNews.com), with its first words
    as their initials ("US Air Force" for "United States Air Force"), or the one longer name a
    name of two or more words is part of ("Homeland Security", "the Air Force" after "the U.S.
    Air Force").
    A first word alone is not joined to a longer name: "Boeing" is not "Boeing Commercial
    Airplanes"."""
    # "U.S. Air Force" is "US Air Force", and both are "United States Air Force" where the
    # document writes that out (and no other name they shorten)
    spelled: dict[str, set[str]] = {}
    for w in names:
        for short in initialled(w):
            spelled.setdefault(_written(short), set()).add(_written(w))
    keyed = [_written(w) for w in names]
    keyed = [_inverted(next(iter(spelled[k])) if len(spelled.get(k, ())) == 1 else k) for k in keyed]
    # The initials of a whole name first (the last such name wins, as in a text that moves from
    # one to the next); the other readings only where they point to one name.
    whole = {acronym(w): k for w, k in zip(names, keyed) if len(w) > 1}
    other: dict[str, set[str]] = {}
    for w, k in zip(names, keyed):
        if len(w) > 1:
            for short in acronyms(w):
                other.setdefault(short, set()).add(k)
    longer = _containers([k.split() for k in keyed if " " in k])
    # a domain writes a name without its spaces: "CBSNews.com" is CBS News
    squashed = {"".join(w).lower(): k for w, k in zip(names, keyed) if len(w) > 1}
    keys: dict[str, int] = {}
    cluster = []
    for words, key in zip(names, keyed):
        if len(words) == 1:
            key = squashed.get(key, key)
        if len(words) == 1 and re.fullmatch(r"[A-Z]{2,6}", words[0]):
            if words[0] in whole:
                key = whole[words[0]]
            elif len(other.get(words[0], ())) == 1:
                (key,) = other[words[0]]
        key = longer.get(key, key)
        cluster.append(keys.setdefault(key, len(keys)))
    return cluster


def _written(words: list[str]) -> str:
    """A name's words in lower case, an abbreviation without its dots ("U.S." is "US")."""
    return " ".join(bare(w) if w.isupper() else w.lower() for w in words)


#: "the Ministry of Finance" is "the Finance Ministry": an office named by its field either way.
_OF_FIELD = re.compile(r"^((?:.+ )?)(ministry|department|office|bureau|commission|committee|agency|board) of "
                       r"(?:the )?([a-z]+(?: [a-z]+)?)$")


def _inverted(key: str) -> str:
    """A lower-case "<office> of <field>" name written as "<field> <office>", the way news writes it,
    also after the place it serves ("the New York City Department of Health" is its "Health
    Department"), and a possessive field without its "'s" ("the Governor's Office")."""
    key = re.sub(r"['’]s\b", "", key)
    m = _OF_FIELD.match(key)
    return f"{m.group(1)}{m.group(3)} {m.group(2)}" if m else key


def _containers(names: list[list[str]]) -> dict[str, str]:
    """Each name of two or more words that is a run of words of exactly one longer name, to that
    name ("Homeland Security" -> "Homeland Security Investigations", "District Court" -> "U.S.
    District Court"), all lower case."""
    lowered = sorted({tuple(w.lower() for w in words) for words in names}, key=len)

    def inside(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
        return len(a) < len(b) and any(b[i:i + len(a)] == a for i in range(len(b) - len(a) + 1))

    out = {}
    for a in lowered:
        holders = [b for b in lowered if inside(a, b)]
        widest = [b for b in holders if not any(inside(b, c) for c in holders)]
        if len(widest) == 1:
            out[" ".join(a)] = " ".join(widest[0])
    return out


def acronyms(words: list[str]) -> set[str]:
    """The acronyms a name is written as: its initials with or without the small words ("COI",
    "CI" for Commission of Inquiry), also without the country before it ("DEA" for United
    States Drug Enforcement Agency)."""
    out = set()
    for i in range(len(words) - 1):
        tail = words[i:]
        out |= {acronym(tail), "".join(w[0] for w in tail if w[:1].isalpha()).upper()}
    return {a for a in out if len(a) >= 2}
