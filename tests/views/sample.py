"""Synthetic view input (tests and benchmarks/views.py) that follows the KnowledgeGraph DataFrame contract.

For benchmarks and tests of the views at any size, without running extraction: the columns and
value kinds match `KnowledgeGraph.entities()/events()` and the participants table.
"""
from __future__ import annotations

import random

import pandas as pd

from graph.records import MODALITIES
from graph.views.payload import KIND_STYLES, TYPE_COLORS

BASE = "https://example.org/etkg/"


def synthetic(n_events: int, n_entities: int, *, seed: int = 7,
              start: str = "2014-01-01", days: int = 3650) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(entities, events, participants) with `n_events` events among `n_entities` entities.

    Each event has one actor and, mostly, one target (so ~n_events links), a third of them a
    place; one in ten is a month-long range. Popularity is skewed, as in news."""
    rng = random.Random(seed)
    kinds = [k for k in KIND_STYLES if k != "other"]
    types = list(TYPE_COLORS)
    entities = pd.DataFrame({
        "entity": [f"{BASE}entity/e{i}" for i in range(n_entities)],
        "name": [f"Entity {i}" for i in range(n_entities)],
        "kind": [kinds[i % len(kinds)] for i in range(n_entities)],
        "mentions": [rng.randint(1, 50) for _ in range(n_entities)],
        "documents": [rng.randint(1, 10) for _ in range(n_entities)],
        "aliases": [None] * n_entities, "geonames": [None] * n_entities,
        "lat": [float("nan")] * n_entities, "lon": [float("nan")] * n_entities,
    })
    weights = [1 / (i + 1) ** 0.6 for i in range(n_entities)]
    origin = pd.Timestamp(start)
    rows, parts = [], []
    for k in range(n_events):
        iri = f"{BASE}event/v{k}"
        begin = origin + pd.Timedelta(days=rng.randrange(days))
        end = begin + pd.Timedelta(days=30 if k % 10 == 0 else 1)
        etype = types[k % len(types)]
        actor, target, place = rng.choices(range(n_entities), weights, k=3)
        roles = [(actor, "actor")]
        if k % 7 != 0 and target != actor:
            roles.append((target, "target"))
        if k % 3 == 0 and place not in (actor, target):
            roles.append((place, "place"))
        for ent, role in roles:
            parts.append({"event": iri, "entity": entities.entity[ent], "role": role,
                          "name": entities.name[ent], "kind": entities.kind[ent]})
        rows.append({
            "event": iri, "label": f"{etype.lower()} {k}", "type": etype,
            "date": begin.strftime("%Y-%m") if k % 10 == 0 else begin.strftime("%Y-%m-%d"),
            "begin": begin, "end": end, "anchor": "explicit", "modality": MODALITIES[k % 4],
            "polarity": "positive", "confidence": 0.8, "trigger": etype.lower(),
            "sentence": f"Entity {actor} did something of type {etype} (event {k}).",
            "actors": entities.name[actor], "targets": None, "places": None, "source": None,
            "document": f"{BASE}doc/d{k // 5}", "doc_id": f"d{k // 5}", "doc_title": f"Article {k // 5}",
            "doc_date": end, "doc_url": f"https://news.example.org/{k // 5}",
        })
    return entities, pd.DataFrame(rows), pd.DataFrame(parts)


_SEED_ENTITIES = [  # key, name, kind, mentions, aliases
    ("zelenskyy", "Volodymyr Zelenskyy", "person", 6, "Zelenskyy; Mr Zeleskyy"),
    ("russia", "Russia", "country", 9, "Moscow; the Kremlin"),
    ("ukraine", "Ukraine", "country", 8, None),
    ("kyiv", "Kyiv", "city", 2, None),
    ("chernihiv", "Chernihiv", "city", 1, None),
    ("istanbul", "Istanbul", "city", 1, None),
    ("mariupol", "Mariupol", "city", 1, None),
    ("donbas", "Donbas", "region", 3, None),
    ("crimea", "Crimean Peninsula", "region", 1, None),
    ("putin", "Putin", "person", 2, None),
    ("johnson", "Boris Johnson", "person", 1, None),
    ("mod", "British Ministry of Defence", "organisation", 1, None),
    ("nato", "NATO", "organisation", 1, None),
]
_TALKS = ("After talks aimed at ending the more than month long war in Istanbul on Tuesday, Russia said it "
          "would reduce \u201cmilitary activity in the direction of Kyiv and Chernihiv\" in what appeared to be "
          "the first major concession the Russians made since the beginning of their invasion in Ukraine "
          "more than a month ago.")
_SEED_EVENTS = [  # key, label, type, date, begin, end, modality, source, sentence, roles
    ("talks", "Istanbul talks", "CONSULT", "2022-03-29", "2022-03-29", "2022-03-30", "asserted", None, _TALKS,
     [("russia", "participant"), ("ukraine", "participant"), ("istanbul", "place")]),
    ("reduce", "reduce military activity", "RETREAT", "2022-03-29", "2022-03-29", "2022-03-30", "planned",
     "Russia", _TALKS, [("russia", "actor"), ("kyiv", "place"), ("chernihiv", "place")]),
    ("invasion", "invasion", "ASSAULT", "2022-02", "2022-02-01", "2022-03-01", "asserted", None, _TALKS,
     [("russia", "actor"), ("ukraine", "target")]),
    ("dismiss", "dismissed", "REJECT", "2022-03-30", "2022-03-30", "2022-03-31", "asserted", None,
     "Russia's announcement it would significantly scale back military operations near Ukraine\u2019s "
     "capital and a northern city have been dismissed by Ukraine's president.",
     [("zelenskyy", "actor"), ("russia", "target")]),
    ("shelling", "shelling continues", "ASSAULT", "2022-03-30", "2022-03-30", "2022-03-31", "reported",
     "Volodymyr Zelenskyy", "The shelling of our cities continues. Mariupol is blocked.",
     [("russia", "actor"), ("ukraine", "target"), ("mariupol", "place")]),
    ("reinforce", "reinforcing troops", "MOBILIZE", "2022-03-30", "2022-03-30", "2022-03-31", "reported", None,
     "But fears were raised that the announcement may have been an attempt by Moscow to buy time to "
     "continue its assault, with Western officials believing the Kremlin is reinforcing troops in the "
     "Donbas region in a bid to encircle Ukraine\u2019s forces.",
     [("russia", "actor"), ("donbas", "place"), ("ukraine", "target")]),
    ("judge", "judge Putin by his actions", "REJECT", "2022-03-30", "2022-03-30", "2022-03-31", "reported",
     "Boris Johnson", "\u201cWe will judge Putin and his regime by his actions, not by his words,\u201d a "
     "spokesperson for Boris Johnson said.", [("johnson", "actor"), ("putin", "target")]),
    ("admission", "tacit admission", "ACCUSE", "2022-03-30", "2022-03-30", "2022-03-31", "reported",
     "British Ministry of Defence", "While the British Ministry of Defence said Russia's stated focus on the "
     "separatist regions in eastern Ukraine \u201cis likely a tacit admission that it is struggling to "
     "sustain more than one significant axis of advance.\u201d", [("mod", "actor"), ("russia", "target")]),
    ("resume", "talks resume", "CONSULT", "2022-03-30", "2022-03-30", "2022-03-31", "planned", None,
     "Talks are expected to resume on Wednesday, five weeks into a war that has killed thousands and "
     "forced almost four million people to flee Ukraine.", [("russia", "participant"), ("ukraine", "participant")]),
    ("neutrality", "declare neutrality", "CONCEDE", "2022-03-29", "2022-03-29", "2022-03-30", "reported", None,
     "They said Ukraine prepared to declare its neutrality, as Moscow has demanded, not to join NATO and "
     "to hold talks over the next 15 years on the future of the Crimean Peninsula, which Russia annexed "
     "in 2014.", [("ukraine", "actor"), ("russia", "target"), ("nato", "participant")]),
    ("annexation", "annexed", "COERCE", "2014", "2014-01-01", "2015-01-01", "asserted", None,
     "They said Ukraine prepared to declare its neutrality, as Moscow has demanded, not to join NATO and "
     "to hold talks over the next 15 years on the future of the Crimean Peninsula, which Russia annexed "
     "in 2014.", [("russia", "actor"), ("crimea", "target")]),
]


def seed_sample() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(entities, events, participants) for the seed article (Istanbul talks, 2022-03-30), written
    by hand as the extractor should produce them: for demos, screenshots and tests."""
    iri = {key: f"{BASE}entity/{key}" for key, *_ in _SEED_ENTITIES}
    names = {key: name for key, name, *_ in _SEED_ENTITIES}
    kinds = {key: kind for key, _, kind, *_ in _SEED_ENTITIES}
    entities = pd.DataFrame([
        {"entity": iri[key], "name": name, "kind": kind, "mentions": mentions, "documents": 1,
         "aliases": aliases, "geonames": None, "lat": float("nan"), "lon": float("nan")}
        for key, name, kind, mentions, aliases in _SEED_ENTITIES])
    rows, parts = [], []
    doc = f"{BASE}doc/000_aa0594ff2652d761"
    for key, label, etype, date, begin, end, modality, source, sentence, roles in _SEED_EVENTS:
        event = f"{BASE}event/{key}"
        by_role = {r: "; ".join(names[k] for k, role in roles if role == r) or None
                   for r in ("actor", "target", "place")}
        rows.append({
            "event": event, "label": label, "type": etype, "date": date, "begin": pd.Timestamp(begin),
            "end": pd.Timestamp(end), "anchor": "explicit" if len(date) == 10 else "inferred",
            "modality": modality, "polarity": "positive", "confidence": 0.9, "trigger": label.split()[0],
            "sentence": sentence, "actors": by_role["actor"], "targets": by_role["target"],
            "places": by_role["place"], "source": source, "document": doc, "doc_id": "000_aa0594ff2652d761",
            "doc_title": "Zelenskyy dismisses Russia's pledge to scale back", "doc_date": pd.Timestamp("2022-03-30"),
            "doc_url": None})
        parts += [{"event": event, "entity": iri[k], "role": role, "name": names[k], "kind": kinds[k]}
                  for k, role in roles]
    return entities, pd.DataFrame(rows), pd.DataFrame(parts)


def write_views(entities: pd.DataFrame, events: pd.DataFrame, participants: pd.DataFrame, out_dir) -> list:
    """Every view of these tables written into ``out_dir`` (as ``etkg view`` writes them)."""
    from pathlib import Path

    from graph.views import VIEWS

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, render in VIEWS.items():
        (out / name).write_text(render(entities, events, participants), encoding="utf-8")
        paths.append(out / name)
    return paths
