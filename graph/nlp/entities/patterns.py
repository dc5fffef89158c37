"""Names found by their form where the statistical model misses or splits them.

The small model tags "Musée d’Orsay", "Fondation Louis Vuitton" and "King Francois I" as
nothing, "U.S. District Court" as a country and an ORG, and websites ("bostontop10.com"), "Wall
Street", "the Sixers" or "Dr Rowley" opening a sentence not at all. Each is a class of name with a
shape a reader knows: an institution word and a name, a run of capitalised words ending in an
office or court, a regnal name with its numeral, a web domain, the outlet a quote was given to, a
street's name, a team's plural nickname after "the", a surname after a person's title, a maker's or
product line's name with a model number ("Boeing 777", "iPhone 3G": the model tags the number a
cardinal).
The spans found here stand beside the model's and win over the shorter spans inside them, so
none may take in a person's name: a title or role word ends an institution's name ("Museum Director
Max Hollein"), and only an office's title takes a possessive ("Governor Andrew Cuomo’s Office" is
his, the "U.S. Attorney’s Office" is one).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ...text import DOMAIN_SUFFIX, bare
from .aliases import HONORIFICS, PERSON_ROLES, TITLES

#: Capitalised words that end an organisation's name ("U.S. Attorney’s Office", "District Court").
ORG_HEADS = frozenset("Office Court Department Ministry Agency Bureau Commission Council Committee Authority "
                      "Police Museum University Foundation Institute Administration Tribunal".split())
#: Words that open an institution's name ("Musée d’Orsay", "Fondation Louis Vuitton").
INSTITUTION_WORDS = frozenset("museum musée museo gallery galerie university université college school hospital "
                              "library theatre theater institute institut foundation fondation academy".split())
#: Small words inside an institution's name ("Museum of Modern Art", "Musée des Beaux-Arts").
NAME_PARTICLES = frozenset("of for de des du la le del della di".split())
#: Titles of monarchs and popes, before a name with a regnal numeral ("King Francois I").
REGNAL_TITLES = frozenset("King Queen Emperor Empress Pope Tsar Czar Sultan Prince Princess".split())
ROMAN = re.compile(r"^[IVX]{1,4}\.?$")
#: Last words of a street's name: a place, though the model often calls it a person or a company.
STREET_WORDS = frozenset("Road Street Drive Avenue Boulevard Lane Highway Parkway Expressway Freeway "
                         "Turnpike".split())
#: Titles that make the capitalised word after them a person's name ("Dr Rowley", "Judge Nunes"):
#: the honorifics and the bench's and university's, not ranks or roles that also open an
#: organisation's name ("General Motors", "Premier League", "Chief Medical Officer").
PERSON_TITLES = (HONORIFICS - {"pope", "premier", "honourable", "honorable", "hon"}) | {"judge", "prof", "professor"}
#: A model designator after its maker's or line's name: a number of three or four digits, letters and
#: digits, digits and letters, with a hyphenated variant and a plural "s" ("Boeing 777", "737-800",
#: "777-200LR", "Airbus A350", "iPhone 3GS", "BMW X5", "18 777s"); not a year, a decade or a
#: quantity with its unit ("Apple 2009", "the 1990s", "iPod 30GB").
MODEL = re.compile(r"^(?:[A-Z]{1,3}-?\d{1,4}|\d{3,4}|\d{1,2}[A-Z]{1,3})(?:-\d{1,4}[A-Z]{0,3}|[A-Z]{1,3})?s?$")
_NOT_MODELS = re.compile(r"^(?:(?:1[89]|20)\d\ds?|\d+(?:GB|MB|TB|KB|MP|MW|KW|GW|HP|KM|MM|CM|KG|PM|AM)s?)$")
#: A web domain written as a name ("bostontop10.com"), not inside an address or e-mail.
DOMAIN = re.compile(rf"^[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*{DOMAIN_SUFFIX}$", re.I)


def name_spans(doc: Doc) -> list[Span]:
    """Spans of names by form, labelled with the NER label they would have had."""
    return [*_institutions(doc), *_offices(doc), *_regnal(doc), *_domains(doc), *_outlets(doc), *_streets(doc),
            *_nicknames(doc), *_titled(doc), *_models(doc)]


def _capitalised(tok) -> bool:
    """A word of a name: capitalised, or an elided particle before one ("d’Orsay")."""
    text = tok.text
    if text[:2].lower() in ("d’", "d'", "l’", "l'") and text[2:3].isupper():
        return True
    return (text[:1].isupper() and (tok.is_alpha or "." in text or "-" in text) and not tok.is_sent_start
            and tok.pos_ in ("PROPN", "ADJ", "NOUN"))


def _title(tok) -> bool:
    """A title or role word ("President", "Director", "Attorney", "Gov.")."""
    word = bare(tok.text)
    return word in TITLES or word in PERSON_ROLES


def _institutions(doc: Doc) -> list[Span]:
    out = []
    for tok in doc:
        if not (tok.text[:1].isupper() and tok.lower_ in INSTITUTION_WORDS):
            continue
        end = tok.i + 1
        while end < len(doc):
            nxt = doc[end]
            if _title(nxt):
                break  # "Hospital President Mary Smith": the name ends before the person's
            if _capitalised(nxt):
                end += 1
            elif nxt.lower_ in NAME_PARTICLES and end + 1 < len(doc) and _capitalised(doc[end + 1]):
                end += 2
            else:
                break
        if end > tok.i + 1:
            out.append(Span(doc, tok.i, end, label="ORG"))
    return out


def _offices(doc: Doc) -> list[Span]:
    """Capitalised runs ending in an organisation head: "the U.S. Attorney’s Office", "U.S. District
    Court". A possessive joins the run only after a title, not after a place ("Boston’s") or a
    person ("Governor Andrew Cuomo’s Office")."""
    out = []
    for tok in doc:
        if tok.text not in ORG_HEADS:
            continue
        start = tok.i
        while start > 0:
            prev = doc[start - 1]
            if prev.text in ("’s", "'s") and start > 1 and _capitalised(doc[start - 2]) and _title(doc[start - 2]):
                start -= 2
            elif _capitalised(prev) and prev.pos_ in ("PROPN", "ADJ", "NOUN"):
                start -= 1
            else:
                break
        if start < tok.i:
            out.append(Span(doc, start, tok.i + 1, label="ORG"))
    return out


def _regnal(doc: Doc) -> list[Span]:
    """ "King Francois I": the name and its numeral, the title left before it."""
    out = []
    for tok in doc:
        if tok.text not in REGNAL_TITLES:
            continue
        end = tok.i + 1
        while end < len(doc) and end - tok.i <= 2 and _capitalised(doc[end]) and not ROMAN.match(doc[end].text):
            end += 1
        if end > tok.i + 1 and end < len(doc) and ROMAN.match(doc[end].text):
            out.append(Span(doc, tok.i + 1, end + 1, label="PERSON"))
    return out


def _domains(doc: Doc) -> list[Span]:
    out = []
    for tok in doc:
        before = doc[tok.i - 1].text if tok.i else ""
        if DOMAIN.match(tok.text) and "@" not in tok.text and not before.endswith(("/", "@", ":")):
            out.append(Span(doc, tok.i, tok.i + 1, label="ORG"))
    return out


def _outlets(doc: Doc) -> list[Span]:
    """The outlet a quote was given to, a capitalised word the model leaves untagged because it is
    also a noun ("told Observer.", "told Insider,")."""
    return [Span(doc, t.i, t.i + 1, label="ORG") for t in doc
            if t.dep_ == "dobj" and t.head.lemma_ == "tell" and t.pos_ == "PROPN" and _capitalised(t)
            and t.i + 1 < len(doc) and doc[t.i + 1].is_punct]


def _streets(doc: Doc) -> list[Span]:
    """A street's name, capitalised words and a street word ("Wall Street", "Pennsylvania Avenue")."""
    out = []
    for tok in doc:
        start = tok.i
        if tok.text not in STREET_WORDS:
            continue
        while start > 0 and doc[start - 1].is_alpha and not _title(doc[start - 1]) and (
                _capitalised(doc[start - 1]) or (doc[start - 1].is_sent_start and doc[start - 1].pos_ == "PROPN")):
            start -= 1  # "Wall Street fell" opens a sentence
        if start < tok.i:
            out.append(Span(doc, start, tok.i + 1, label="FAC"))
    return out


def _nicknames(doc: Doc) -> list[Span]:
    """A plural proper noun after "the", a team's or a band's name ("the Sixers went 0-for-5", "The
    Eagles beat ..."); not a title's head ("The Memoirs of Richard Nixon") nor a noun's modifier
    ("the Letters section")."""
    out = []
    for tok in doc[1:]:
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if (tok.tag_ == "NNPS" and tok.is_alpha and tok.text[:1].isupper() and doc[tok.i - 1].lower_ == "the"
                and not (nxt is not None and (nxt.lower_ == "of" or (nxt.pos_ == "NOUN" and tok.dep_ == "compound")))):
            out.append(Span(doc, tok.i, tok.i + 1, label="ORG"))
    return out


def _titled(doc: Doc) -> list[Span]:
    """The capitalised words after a person's title, up to two ("Dr Rowley", "Mr Imbert"), the title
    left before them: the small model misses a surname after a title that opens a sentence."""
    out = []
    for tok in doc[:-1]:
        if not (tok.text[:1].isupper() and bare(tok.text).lower() in PERSON_TITLES):
            continue
        end = tok.i + 1
        while (end < len(doc) and end - tok.i <= 2 and _capitalised(doc[end]) and doc[end].pos_ == "PROPN"
               and not _title(doc[end]) and doc[end].text not in ORG_HEADS | STREET_WORDS):
            end += 1
        if end > tok.i + 1:
            out.append(Span(doc, tok.i + 1, end, label="PERSON"))
    return out


def model_number(text: str) -> bool:
    """Whether a word is a model designator (:data:`MODEL`)."""
    return bool(MODEL.match(text)) and not _NOT_MODELS.match(text)


def glued(doc: Doc, i: int) -> int:
    """The end of the word that starts at token ``i``: tokens written without a space between them
    ("737" "-" "800", "3" "G")."""
    end = i + 1
    while end < len(doc) and not doc[end - 1].whitespace_ and (doc[end].text[:1].isalnum() or (
            doc[end].text == "-" and end + 1 < len(doc) and not doc[end].whitespace_ and doc[end + 1].text[:1].isalnum())):
        end += 1
    return end


def _models(doc: Doc) -> list[Span]:
    """A one-word name and the model number after it ("The Boeing 777 is", "the iPhone 3G", "Airbus
    A350"): a product. The name is a maker or a product line, a proper noun not after another
    ("An American Airlines 777" is an airline's aircraft, not a model of that name)."""
    out = []
    for tok in doc[:-1]:
        text = tok.text
        if not (tok.pos_ == "PROPN" and tok.is_alpha and tok.whitespace_ == " " and tok.ent_type_ not in _NUMERIC
                and (text[:1].isupper() or (text[:1].islower() and text[1:2].isupper()))
                and not (tok.i > 0 and doc[tok.i - 1].pos_ == "PROPN") and not _title(tok)):
            continue
        end = glued(doc, tok.i + 1)
        if doc[tok.i + 1].ent_type_ not in _NUMERIC and model_number(doc[tok.i + 1:end].text):
            out.append(Span(doc, tok.i, end, label="PRODUCT"))
    return out


#: The model's labels for dates and measures, never a maker's name or a model number.
_NUMERIC = frozenset("DATE TIME MONEY PERCENT QUANTITY ORDINAL".split())
