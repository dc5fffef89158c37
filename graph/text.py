"""Name and word normalisation shared by the NLP stages and cross-document linking (no spaCy).

One function for each key a name or trigger word is compared by, so that a document's own
aliases and the links between documents agree on what "the same name" is.
"""
from __future__ import annotations

import re
import unicodedata

LEGAL_SUFFIXES = frozenset("inc incorporated corp corporation co company ltd limited llc plc ag sa nv gmbh "
                           "spa srl sarl bv oy ab asa kk pty jsc pjsc oao holding holdings group".split())
_SMALL_WORDS = frozenset("of the and for de du la le des".split())
#: The end of a web domain that news names an outlet or company by, also under a country's
#: domain ("Amazon.com", "Newsday.co.tt").
DOMAIN_SUFFIX = r"\.(?:com|net|org|co|io|info|news|tv)(?:\.[a-z]{2})?"
#: A web domain ending a company's name.
_DOMAIN = re.compile(rf"(?<=[A-Za-z]){DOMAIN_SUFFIX}$", re.I)


def slug(name: str) -> str:
    """URL-safe ASCII key of a name: "Kyiv" -> "kyiv", "Médecins Sans" -> "medecins-sans"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def bare(word: str) -> str:
    """Lower case without dots: "Mr." -> "mr", "N.V." -> "nv"."""
    return word.lower().replace(".", "")


def org_name(words: list[str]) -> list[str]:
    """An organisation's name words without "the", possessive and legal suffix ("Boeing Co." -> Boeing)."""
    words = [w for w in words if w not in ("'s", "’s", "'", "’", ",")]
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    while len(words) > 1 and bare(words[-1]) in LEGAL_SUFFIXES:
        words = words[:-1]
    if len(words) == 1:
        words = [_DOMAIN.sub("", words[0]) or words[0]]  # "Amazon.com" is Amazon
    return words


def domain_name(word: str) -> str:
    """The name a web domain is made of ("Gothamist.com" -> "Gothamist"), or "" for no domain."""
    name = _DOMAIN.sub("", word)
    return name if name != word and "." not in name else ""


def acronym(words: list[str]) -> str:
    """Initials of the significant words: "United Automobile Workers" -> "UAW"."""
    return "".join(w[0] for w in words if w.lower() not in _SMALL_WORDS and w[:1].isalpha()).upper()


def initialled(words: list[str]) -> list[list[str]]:
    """The name with its first words written as their initials, as news shortens a country or a
    body before the rest of a name: "United States Air Force" -> "US Air Force" (and "USA
    Force"), "United Kingdom Independence Party" -> "UK Independence Party". Two initials at
    least, of words written out, and a word left after them."""
    out = []
    for k in range(2, len(words)):
        short = acronym(words[:k])
        written_out = all((w[:1].isupper() and not w.isupper()) or w.lower() in _SMALL_WORDS for w in words[:k])
        if len(short) >= 2 and written_out and words[k - 1].lower() not in _SMALL_WORDS:
            out.append([short, *words[k:]])
    return out


# Words that name the same kind of event; anything else must match on its stem.
FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({"talk", "talks", "negotiation", "negotiations", "negotiate", "meeting", "meet", "summit"}),
    frozenset({"invasion", "invade", "offensive"}),
    frozenset({"annexation", "annex"}),
    frozenset({"withdrawal", "withdraw", "reduce", "reduction", "pullout", "retreat", "scale", "cut"}),
    frozenset({"shelling", "shell", "bombing", "bomb", "bombardment"}),
    frozenset({"sanction", "sanctions"}),
)

def word_key(word: str) -> str:
    """The family (or crude stem) a trigger word belongs to."""
    w = word.lower()
    for fam in FAMILIES:
        if w in fam:
            return min(fam)
    for suffix in ("ing", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w
