"""SPARQL that would make this machine call another host, refused unless the user allows it.

A graph file is often handed from one person to another, and a query pasted from elsewhere can
hold ``SERVICE <http://...>`` (both rdflib and Oxigraph then send a request to that host) or,
on an rdflib graph, ``FROM <url>`` (rdflib fetches and parses whatever the IRI points to, a web
page or a local file). etkg queries the graph it holds, so both are refused by default.
"""
from __future__ import annotations

import re

#: Strings, comments and IRIs, blanked before looking for keywords (a label may say "service").
_OPAQUE = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""' r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
                     r'|"(?:[^"\\\n]|\\.)*"' r"|'(?:[^'\\\n]|\\.)*'"
                     r'|<[^<>"{}|^`\\\x00-\x20]*>' r"|#[^\n]*", re.DOTALL)
#: The keywords themselves: not a variable (?service), nor part of a prefixed name (ex:from).
_KEYWORD = re.compile(r"(?<![?$:\w-])(SERVICE|FROM)(?![\w:-])", re.IGNORECASE)


class RemoteQueryError(ValueError):
    """A query that would fetch from elsewhere (SERVICE, or FROM on an rdflib graph)."""


#: SPARQL applies \u and \U escapes to the whole query before parsing (so does rdflib):
#: ``S\u0045RVICE`` is SERVICE.
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def remote_clauses(query: str) -> set[str]:
    """The keywords of ``query`` that reach outside the graph: ``SERVICE`` and ``FROM``."""
    text = _ESCAPE.sub(lambda m: chr(min(int(m.group(1) or m.group(2), 16), 0x10FFFF)), query)
    return {m.group(1).upper() for m in _KEYWORD.finditer(_OPAQUE.sub(" ", text))}


def refuse_remote(query: str, *, fetches_from: bool) -> None:
    """Raise :class:`RemoteQueryError` for a SERVICE clause, and for FROM / FROM NAMED when the
    backend ``fetches_from`` (rdflib loads those graphs from their IRIs)."""
    found = remote_clauses(query)
    if "SERVICE" in found:
        raise RemoteQueryError("query refused: SERVICE would send a request to another host "
                               "(allow it with --allow-remote, or allow_remote=True)")
    if "FROM" in found and fetches_from:
        raise RemoteQueryError("query refused: FROM on a JSON-LD graph file would make rdflib fetch that IRI "
                               "(query a store instead, or allow it with --allow-remote, or allow_remote=True)")
