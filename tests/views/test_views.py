"""The generated HTML, checked without a browser: escaping, self-containment, the view model."""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pandas as pd
import pytest

from graph.views import VIEWS, iframe, render_explorer, render_map, render_timeline
from graph.views.html import CSP, json_for_script
from graph.views.payload import build_payload, entity_edges
from sample import seed_sample

XSS = '<script>alert(1)</script></script><!-- " onmouseover="alert(1)" \u2028 & <img src=x onerror=alert(1)>'


def hostile() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The seed sample with attacker-controlled text in every free-text field and one undated event."""
    entities, events, participants = seed_sample()
    entities.loc[0, "name"] = f"Zelenskyy {XSS}"
    entities.loc[0, "aliases"] = XSS
    events.loc[0, ["label", "sentence", "doc_title", "source", "trigger"]] = XSS
    events.loc[1, "doc_url"] = "javascript:alert(1)"
    events.loc[2, "doc_url"] = "https://news.example.org/a?b=<c>"
    undated = events.iloc[[3]].assign(event="https://example.org/etkg/event/undated", date=None,
                                      begin=pd.NaT, end=pd.NaT, type="NOT-A-TYPE", modality="x y")
    events = pd.concat([events, undated], ignore_index=True)
    return entities, events, participants


def pages() -> dict[str, str]:
    entities, events, participants = hostile()
    return {name: render(entities, events, participants) for name, render in VIEWS.items()}


def embedded(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="etkg-data">(.*?)</script>', page, re.S)
    assert match
    return json.loads(match.group(1))


@pytest.fixture(scope="module")
def rendered() -> dict[str, str]:
    return pages()


def test_json_for_script_escapes_markup_and_line_separators():
    text = json_for_script({"a": "</script><!--&\u2028\u2029>"})
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == {"a": "</script><!--&\u2028\u2029>"}


def test_the_views_of_one_payload_are_the_pages_each_renderer_writes(rendered):
    from graph.views import render_views

    entities, events, participants = hostile()
    together = render_views(list(VIEWS), entities, events, participants)
    assert together == rendered
    assert together == {"timeline.html": render_timeline(events, participants, entities),
                        "map.html": render_map(entities, events, participants),
                        "index.html": render_explorer(entities, events, participants)}
    assert len({embedded(page)["title"] for page in together.values()}) == 3


@pytest.mark.parametrize("name", list(VIEWS))
def test_hostile_text_stays_inert_data(rendered, name):
    page = rendered[name]
    # Exactly our own script elements, and the payload is the only JSON one.
    assert page.count("<script") == page.count("</script>")
    assert page.lower().count("<script") == page.count("<script>") + 1
    payload = embedded(page)
    assert payload["entities"][0]["name"] == f"Zelenskyy {XSS}"  # round-trips exactly...
    assert "<script>alert" not in page  # ...but never appears as markup
    assert "onmouseover=\"alert" not in page
    assert "<img src=x" not in page


@pytest.mark.parametrize("name", list(VIEWS))
def test_pages_load_nothing_from_any_host(rendered, name):
    page = rendered[name]
    assert not re.search(r"""(?:src|href|action|srcset|poster|data)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert not re.search(r"""url\(\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert not re.search(r"""@import""", page)
    assert "sourceMappingURL" not in page
    # The CSP makes the browser itself refuse any outside load.
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    assert csp and html.unescape(csp.group(1)) == CSP and "default-src 'none'" in CSP


def test_view_model_sanitises_types_modality_urls(rendered):
    payload = embedded(rendered["timeline.html"])
    events = {ev["iri"]: ev for ev in payload["events"]}
    undated = events["https://example.org/etkg/event/undated"]
    assert (undated["type"], undated["modality"], undated["start"]) == ("OTHER", "asserted", None)
    urls = [ev["url"] for ev in payload["events"]]
    assert "javascript:alert(1)" not in urls and "https://news.example.org/a?b=<c>" in urls
    assert set(ev["type"] for ev in payload["events"]) <= set(payload["types"])


def test_points_and_ranges():
    entities, events, participants = seed_sample()
    payload = build_payload(entities, events, participants, title="t")
    by_label = {ev["label"]: ev for ev in payload["events"]}
    assert by_label["Istanbul talks"]["range"] is False  # one day: a point
    assert by_label["invasion"]["range"] is True  # 2022-02: the whole month
    assert by_label["invasion"]["start"] == "2022-02-01T00:00:00"
    assert by_label["annexed"]["end"] == "2015-01-01T00:00:00"


def test_edges_join_actor_to_target_or_else_each_participant():
    entities, events, participants = seed_sample()
    payload = build_payload(entities, events, participants, title="t")
    name = {i: ent["name"] for i, ent in enumerate(payload["entities"])}
    pairs = {(name[a], name[b]): [payload["events"][e]["label"] for e in evs] for a, b, evs in payload["edges"]}
    assert pairs[("Russia", "Ukraine")] == ["Istanbul talks", "invasion", "shelling continues",
                                           "reinforcing troops", "talks resume"]
    assert pairs[("Volodymyr Zelenskyy", "Russia")] == ["dismissed"]
    assert pairs[("Russia", "Kyiv")] == ["reduce military activity"]  # no target: to the places
    # No actor (the talks): every pair of participants once, places included.
    assert pairs[("Russia", "Istanbul")] == pairs[("Ukraine", "Istanbul")] == ["Istanbul talks"]
    assert pairs[("Ukraine", "Russia")] == ["declare neutrality"]
    degree = {ent["name"]: ent["degree"] for ent in payload["entities"]}
    assert degree["Mariupol"] == 0 and degree["Russia"] == 7


def test_entity_edges_ignores_self_links_and_duplicates():
    ev = {"actors": [0, 1], "targets": [1], "others": [], "places": []}
    assert entity_edges([ev, ev]) == [[0, 1, [0, 1]]]


def test_participants_missing_from_entities_become_nodes():
    entities, events, participants = seed_sample()
    extra = pd.DataFrame([{"event": events.event[0], "entity": "https://example.org/x/new", "role": "actor",
                           "name": "Newcomer", "kind": "alien"}])
    payload = build_payload(entities, events, pd.concat([participants, extra]), title="t")
    assert {"name": "Newcomer", "kind": "other"}.items() <= payload["entities"][-1].items()


def test_empty_frames_render():
    empty = pd.DataFrame()
    for page in (render_timeline(empty, empty, empty), render_map(empty, empty, empty),
                 render_explorer(empty, empty, empty)):
        assert embedded(page)["events"] == []


def test_title_is_escaped():
    entities, events, participants = seed_sample()
    page = render_map(entities, events, participants, title="<b>&map")
    assert "<title>&lt;b&gt;&amp;map</title>" in page


def test_iframe_srcdoc_escapes_the_document():
    entities, events, participants = hostile()
    html_text = iframe(render_timeline(events, participants, entities), height=420)._repr_html_()
    assert html_text.startswith('<iframe srcdoc="') and html_text.endswith("</iframe>")
    inner = html_text[len('<iframe srcdoc="'):html_text.index('" style=')]
    assert '"' not in inner and "<" not in inner
    assert "height:420px" in html_text and "allow-same-origin" not in html_text


def test_view_outputs_of_a_graph_are_the_three_pages(tmp_path: Path, seed_kg):
    from graph.outputs import VIEW_OUTPUTS, write_outputs

    paths = write_outputs(seed_kg, tmp_path / "out", VIEW_OUTPUTS)
    assert sorted(p.name for p in paths) == ["index.html", "map.html", "timeline.html"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["index.html", "map.html", "timeline.html"]
    assert all(p.read_text(encoding="utf-8").startswith("<!DOCTYPE html>") for p in paths)


@pytest.mark.parametrize("value, begin, end, expected", [
    ("2014", None, None, "2014"),
    ("2022-03", None, None, "March 2022"),
    ("2022-03-29", None, None, "29 March 2022"),
    ("2022-W13", None, None, "week 13 of 2022"),
    ("2022-SU", "2022-06-01", "2022-09-01", "2022-06-01 to 2022-08-31"),
    ("PRESENT_REF", "2022-03-30", "2022-03-31", "30 March 2022"),
    (None, None, None, None),
])
def test_dates_are_shown_at_their_own_precision(value, begin, end, expected):
    from graph.views.payload import date_label

    assert date_label(value, begin, end) == expected


def test_reported_and_same_sentence_links_are_kept_apart_from_event_links():
    from graph.kg.network import cooccurring_pairs, reported_pairs

    assert reported_pairs("Z", ["Z", "R", "K", "R"]) == [("Z", "R"), ("Z", "K")]
    assert reported_pairs(None, ["R"]) == []
    assert cooccurring_pairs([["b", "a", "c"], ["a", "b"]]) == [("a", "b"), ("a", "c"), ("b", "c")]
    entities, events, participants = seed_sample()
    payload = build_payload(entities, events, participants, title="t")
    name = {i: ent["name"] for i, ent in enumerate(payload["entities"])}
    said = {(name[a], name[b]) for a, b, _ in payload["reported"]}
    sources = {name[ev["src"]] for ev in payload["events"] if ev["src"] is not None}
    assert said and {a for a, _ in said} <= sources
    linked = {tuple(e[:2]) for e in payload["edges"]}
    assert all((a, b) not in linked and (b, a) not in linked for a, b, _ in payload["cooccur"])


def test_future_targets_are_marked_and_dates_labelled():
    entities, events, participants = seed_sample()
    events.loc[0, ["date", "begin", "end"]] = ["2050", pd.Timestamp("2050-01-01"), pd.Timestamp("2051-01-01")]
    evs = build_payload(entities, events, participants, title="t")["events"]
    assert evs[0]["future"] is True and evs[0]["when"] == "2050"
    assert not any(ev["future"] for ev in evs[1:])


def test_iframe_stores_the_page_once_gzipped_and_repr_is_short():
    import base64
    import gzip

    entities, events, participants = seed_sample()
    page = render_explorer(entities, events, participants)
    frame = iframe(page)
    assert len(repr(frame)) < 100 and page[:200] not in repr(frame)
    srcdoc = html.unescape(frame._repr_html_().split('srcdoc="', 1)[1].split('" style=', 1)[0])
    from graph.views.jupyter import ALPHABET, B85

    packed = re.search(r'id="etkg-page">([^<]+)</script>', srcdoc).group(1)
    assert not set(packed) & set("\"&'<>\\")
    assert gzip.decompress(base64.b85decode(packed.translate(str.maketrans(ALPHABET, B85)))).decode("utf-8") == page
    assert len(frame._repr_html_()) < 0.37 * len(page)
