"""Turn the KnowledgeGraph DataFrames into the one JSON payload every HTML view reads.

The browser gets plain lists with integer cross-references (entities by index) so that a
10,000-event page parses fast and the timeline, the map and the explorer share one data model.
Edges between entities are worked out here, in Python, where they can be unit-tested; the
browser only filters them.
"""
from __future__ import annotations

import math
from collections import defaultdict
from typing import Any

import pandas as pd

from ..kg.network import cooccurring_pairs, entity_pairs, reported_pairs
from ..records import KINDS, MODALITIES, PLOVER_TYPES

# PLOVER event types, cooperative (cool colours) to conflictual (warm), and their colours.
TYPE_COLORS: dict[str, str] = {
    "AGREE": "#2e7d32", "CONSULT": "#1565c0", "SUPPORT": "#00897b", "CONCEDE": "#7cb342",
    "COOPERATE": "#0277bd", "AID": "#43a047", "RETREAT": "#9e9d24", "REQUEST": "#5e35b1",
    "ACCUSE": "#f9a825", "REJECT": "#ef6c00", "THREATEN": "#d84315", "PROTEST": "#8d6e63",
    "SANCTION": "#6d4c41", "MOBILIZE": "#ad1457", "COERCE": "#c62828", "ASSAULT": "#8b0000",
    "OTHER": "#757575",
}
# Entity kinds: vis-network shapes that scale with `size`, so degree stays visible.
KIND_STYLES: dict[str, dict[str, str]] = {
    "person": {"shape": "dot", "color": "#1e88e5"},
    "organisation": {"shape": "square", "color": "#8e24aa"},
    "country": {"shape": "diamond", "color": "#e53935"},
    "city": {"shape": "triangle", "color": "#fb8c00"},
    "region": {"shape": "hexagon", "color": "#c0a000"},
    "place": {"shape": "triangleDown", "color": "#6d4c41"},
    "group": {"shape": "star", "color": "#00acc1"},
    "work": {"shape": "box", "color": "#d81b60"},
    "product": {"shape": "ellipse", "color": "#5e35b1"},
    "event": {"shape": "database", "color": "#43a047"},
    "law": {"shape": "text", "color": "#546e7a"},
    "other": {"shape": "dot", "color": "#9e9e9e"},
}
assert tuple(TYPE_COLORS) == PLOVER_TYPES and set(KIND_STYLES) == {*KINDS, "other"}
ONE_DAY = pd.Timedelta(days=1)
#: Entity columns shown as identity links when a table has them (GeoNames today; ISO, Wikidata later).
LINK_COLUMNS = ("geonames", "iso", "iso_code", "wikidata")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def _str(value: Any) -> str | None:
    """A clean string, or None for None/NaN/NaT/empty."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return None
    text = str(value).strip()
    return text or None


def _num(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _stamp(value: Any) -> pd.Timestamp | None:
    if value is None:
        return None
    stamp = pd.Timestamp(value) if not isinstance(value, pd.Timestamp) else value
    if pd.isna(stamp):
        return None
    return stamp.tz_convert(None) if stamp.tzinfo else stamp


def _iso(stamp: pd.Timestamp | None) -> str | None:
    """Local ISO time without zone: the browser and vis-timeline read it as local midnight."""
    return stamp.strftime("%Y-%m-%dT%H:%M:%S") if stamp is not None else None


def _http_url(value: Any) -> str | None:
    """Only http(s) links are kept: a `javascript:` URL in an article would run on click."""
    url = _str(value)
    return url if url and url.lower().startswith(("http://", "https://")) else None


def date_label(value: Any, begin: Any = None, end: Any = None) -> str | None:
    """A date at its own precision: "2014", "March 2022", "29 March 2022", "week 13 of 2022";
    TimeML values it does not know fall back to the interval's first day (or the value itself)."""
    text = _str(value)
    if text is not None:
        parts = text.split("-")
        try:
            if len(parts) == 1 and len(text) == 4 and text.isdigit():
                return text
            if len(parts) == 2 and parts[1].isdigit() and len(parts[1]) == 2:
                return f"{MONTHS[int(parts[1]) - 1]} {int(parts[0])}"
            if len(parts) == 2 and parts[1].startswith("W"):
                return f"week {int(parts[1][1:])} of {int(parts[0])}"
            if len(parts) == 3 and len(parts[2]) >= 2 and parts[2][:2].isdigit():
                day = pd.Timestamp(text[:10])
                return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
        except (ValueError, IndexError):
            pass
    stamp, until = _stamp(begin), _stamp(end)
    if stamp is None:
        return text
    if until is not None and until - stamp > ONE_DAY:
        return f"{stamp:%Y-%m-%d} to {(until - ONE_DAY):%Y-%m-%d}"
    return f"{stamp.day} {MONTHS[stamp.month - 1]} {stamp.year}"


def _records(frame: pd.DataFrame | None) -> list[dict[str, Any]]:
    if frame is None or frame.empty:
        return []
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


def build_payload(entities: pd.DataFrame, events: pd.DataFrame,
                  participants: pd.DataFrame, *, title: str) -> dict[str, Any]:
    """The view model: entities, events with participant indices, entity-entity edges."""
    index: dict[str, int] = {}
    ents: list[dict[str, Any]] = []

    def entity_index(iri: str, name: str | None, kind: str | None) -> int:
        if iri not in index:
            index[iri] = len(ents)
            kind = kind if kind in KIND_STYLES else "other"
            ents.append({"iri": iri, "name": name or iri.rsplit("/", 1)[-1], "kind": kind,
                         "mentions": 0, "documents": 0, "aliases": None, "links": []})
        return index[iri]

    for row in _records(entities):
        iri = _str(row.get("entity"))
        if iri is None or iri in index:
            continue
        i = entity_index(iri, _str(row.get("name")), _str(row.get("kind")))
        ents[i]["mentions"] = int(_num(row.get("mentions")) or 0)
        ents[i]["documents"] = int(_num(row.get("documents")) or 0)
        ents[i]["aliases"] = _str(row.get("aliases"))
        ents[i]["links"] = [link for col in LINK_COLUMNS if (link := _str(row.get(col)))]

    roles: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for row in _records(participants):
        event, iri = _str(row.get("event")), _str(row.get("entity"))
        if event is None or iri is None:
            continue
        i = entity_index(iri, _str(row.get("name")), _str(row.get("kind")))
        role = _str(row.get("role")) or "participant"
        bucket = roles[event][role if role in ("actor", "target", "place") else "participant"]
        if i not in bucket:
            bucket.append(i)

    by_name: dict[str, int] = {}
    for i, ent in enumerate(ents):
        by_name.setdefault(ent["name"].lower(), i)
    evs: list[dict[str, Any]] = []
    for row in _records(events):
        iri = _str(row.get("event"))
        if iri is None:
            continue
        ev = _event(row, iri, roles.get(iri, {}))
        # the source's IRI when the table has it, else the entity of that name
        source_iri = _str(row.get("source_entity"))
        if source_iri is not None and source_iri in index:
            ev["src"] = index[source_iri]
        else:
            ev["src"] = by_name.get((ev["source"] or "").lower())
        evs.append(ev)

    edges = entity_edges(evs)
    degree = [0] * len(ents)
    neighbours: dict[int, set[int]] = defaultdict(set)
    for src, dst, _ in edges:
        neighbours[src].add(dst)
        neighbours[dst].add(src)
    for i, near in neighbours.items():
        degree[i] = len(near)
    for i, ent in enumerate(ents):
        ent["degree"] = degree[i]

    return {"title": title, "types": TYPE_COLORS, "kinds": KIND_STYLES, "entities": ents,
            "events": evs, "edges": edges, "reported": reported_edges(evs),
            "cooccur": cooccurrence_edges(evs, {tuple(e[:2]) for e in edges})}


def _event(row: dict[str, Any], iri: str, roles: dict[str, list[int]]) -> dict[str, Any]:
    begin, end = _stamp(row.get("begin")), _stamp(row.get("end"))
    published = _stamp(row.get("doc_date"))
    if begin is not None and (end is None or end <= begin):
        end = None
    etype = (_str(row.get("type")) or "OTHER").upper()
    modality = (_str(row.get("modality")) or "asserted").lower()
    return {
        "iri": iri,
        "label": _str(row.get("label")) or _str(row.get("trigger")) or etype.lower(),
        "type": etype if etype in TYPE_COLORS else "OTHER",
        "modality": modality if modality in MODALITIES else "asserted",
        "polarity": _str(row.get("polarity")),
        "date": _str(row.get("date")),
        "when": date_label(row.get("date"), begin, end),
        # a target date after publication: something planned or expected, not a happening
        "future": bool(begin is not None and published is not None and begin > published + ONE_DAY),
        "start": _iso(begin),
        "end": _iso(end),
        # A range when the interval is longer than a day (a month, a year, an uncertain date).
        "range": bool(begin is not None and end is not None and end - begin > ONE_DAY),
        "anchor": _str(row.get("anchor")),
        "confidence": _num(row.get("confidence")),
        "trigger": _str(row.get("trigger")),
        "sentence": _str(row.get("sentence")),
        "source": _str(row.get("source")),
        "doc": _str(row.get("doc_title")) or _str(row.get("doc_id")) or _str(row.get("document")),
        "docDate": published.strftime("%Y-%m-%d") if published is not None else None,
        "url": _http_url(row.get("doc_url")),
        "actors": list(roles.get("actor", [])),
        "targets": list(roles.get("target", [])),
        "places": list(roles.get("place", [])),
        "others": list(roles.get("participant", [])),
    }


def entity_edges(events: list[dict[str, Any]]) -> list[list[Any]]:
    """`[from, to, [event indices]]` per entity pair, joined by the rule of
    :func:`graph.kg.network.entity_pairs` (the one ``to_networkx()`` and ``centrality()`` use)."""
    pairs: dict[tuple[int, int], list[int]] = {}
    for e, ev in enumerate(events):
        for pair in entity_pairs(ev["actors"], ev["targets"], ev["others"] + ev["places"]):
            pairs.setdefault(pair, []).append(e)
    return [[a, b, evs] for (a, b), evs in pairs.items()]


def reported_edges(events: list[dict[str, Any]]) -> list[list[Any]]:
    """`[source, entity, [event indices]]`: who said or reported what about whom
    (:func:`graph.kg.network.reported_pairs`)."""
    pairs: dict[tuple[int, int], list[int]] = {}
    for e, ev in enumerate(events):
        for pair in reported_pairs(ev["src"], ev["actors"] + ev["targets"] + ev["others"] + ev["places"]):
            pairs.setdefault(pair, []).append(e)
    return [[a, b, evs] for (a, b), evs in pairs.items()]


def cooccurrence_edges(events: list[dict[str, Any]], linked: set[tuple[int, int]]) -> list[list[int]]:
    """`[a, b, sentences]` for entities the events of one sentence involve together, less the
    pairs an event already links (:func:`graph.kg.network.cooccurring_pairs`)."""
    groups: dict[tuple[Any, Any], list[int]] = defaultdict(list)
    for ev in events:
        if ev["sentence"]:
            groups[(ev["doc"], ev["sentence"])] += ev["actors"] + ev["targets"] + ev["others"] + ev["places"]
    count: dict[tuple[int, int], int] = defaultdict(int)
    for group in groups.values():
        for pair in cooccurring_pairs([group]):
            count[pair] += 1
    return [[a, b, n] for (a, b), n in count.items() if (a, b) not in linked and (b, a) not in linked]
