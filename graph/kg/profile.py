"""``kg.profile(name)``: one entity at a glance, the same facts the views' entity panel shows."""
from __future__ import annotations

from typing import Any

import pandas as pd

from .tables import Tables

#: Entity columns that link the entity to an outside identity, when the table has them.
LINK_COLUMNS = ("geonames", "iso", "iso_code", "wikidata")
PROFILE_EVENT_COLUMNS = ["event", "date", "begin", "type", "role", "label", "modality", "source", "sentence",
                         "doc_id"]


def find_entity(tables: Tables, name: str) -> pd.Series:
    """The entities-table row of an IRI, a name or an alias (case-insensitive), following
    same-entity links to the canonical entity; ``KeyError`` when nothing matches."""
    ents = tables.entities()
    canonical = tables.same_entities["canonical"].get(name, name)
    key = name.casefold()
    for hit in (ents["entity"] == canonical, ents["name"] == name, ents["name"].str.casefold() == key,
                ents["aliases"].fillna("").map(lambda a: key in {x.strip().casefold() for x in a.split(";")})):
        if hit.any():
            return ents[hit].iloc[0]
    raise KeyError(f"no entity named {name!r}")


def profile(tables: Tables, name: str) -> dict[str, Any]:
    """Kind, aliases, identity links, mention and document counts, and the entity's events in date
    order (undated last) with type, its role (actor, target, place, participant, or source when
    it is who reported the event) and the event's source."""
    ent = find_entity(tables, name)
    parts = tables.participants()
    roles = parts[parts["entity"] == ent["entity"]][["event", "role"]]
    events = tables.events()
    said = events[events["source"] == ent["name"]][["event"]].assign(role="source")
    roles = pd.concat([roles, said[~said["event"].isin(roles["event"])]], ignore_index=True)
    rows = roles.merge(events, on="event", how="inner")
    rows = rows.sort_values(["begin", "event"], na_position="last").reset_index(drop=True)
    aliases = ent["aliases"] if isinstance(ent["aliases"], str) else ""
    return {
        "entity": ent["entity"], "name": ent["name"], "kind": str(ent["kind"]),
        "aliases": [a.strip() for a in aliases.split(";") if a.strip()],
        "links": {col: ent[col] for col in LINK_COLUMNS if col in ent and isinstance(ent[col], str)},
        "mentions": int(ent["mentions"]), "documents": int(ent["documents"]),
        "events": rows.reindex(columns=PROFILE_EVENT_COLUMNS),
    }
