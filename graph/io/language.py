"""The language of a text, from the share of each language's commonest function words.

trafilatura's own language check needs py3langid, which is not installed; a page's declared
language (``<html lang>``) is often wrong on English pages of international sites. Function
words are the most frequent tokens of every language and rarely shared, so a few hundred words
of text decide clearly between the languages news is written in; a short or mixed text stays
undecided (None) and is processed as it is.
"""
from __future__ import annotations

import re
from collections import Counter

#: The commonest function words of each language (ISO 639-1), none shared with another list.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the and of to is that for with was on are this be by from have has were which "
                    "would their been they said it its".split()),
    "de": frozenset("der die und das ist nicht ein eine mit sich auf dem den für von zu wird auch "
                    "sind wurde bei oder nach".split()),
    "fr": frozenset("le la les et des est une du pour pas qui dans sur au avec par sont ont cette "
                    "aux été ce leur".split()),
    "es": frozenset("el los las y por su al lo como más pero sus fue entre también desde muy "
                    "sin sobre hay".split()),
    "it": frozenset("il di che è della per una sono gli con del nel alla anche delle dei più come "
                    "questo ha stato".split()),
    "pt": frozenset("o os e do da em um uma com não dos ao mais foi pelo pela são também "
                    "seu sua".split()),
    "nl": frozenset("de het een en van dat niet zijn op voor met ook aan er maar bij nog wordt "
                    "werd naar om".split()),
}
_WORD = re.compile(r"[^\W\d_]+")
#: Fewer words than this and the shares are noise.
MIN_WORDS = 30
#: The winner's share of function words must be this many times the runner-up's.
MARGIN = 2.0


def detect(text: str, limit: int = 5000) -> str | None:
    """ISO 639-1 code of the language of ``text`` (its first ``limit`` characters), or None when
    too short to tell or no language stands out."""
    words = [w.lower() for w in _WORD.findall(text[:limit])]
    if len(words) < MIN_WORDS:
        return None
    counts = Counter(words)
    scores = sorted(((sum(counts[w] for w in fw), lang) for lang, fw in FUNCTION_WORDS.items()), reverse=True)
    (best, lang), (second, _) = scores[0], scores[1]
    if best < 0.05 * len(words) or best < MARGIN * second:
        return None
    return lang


def primary(tag: str | None) -> str | None:
    """The primary subtag of a BCP 47 language tag ("en-GB" -> "en", "de_DE" -> "de")."""
    tag = (tag or "").strip().replace("_", "-").split("-")[0].lower()
    return tag if tag.isalpha() and 2 <= len(tag) <= 3 else None
