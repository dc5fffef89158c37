"""The etkg command: outputs, exit codes and one-line errors for every kind of bad input."""
from __future__ import annotations

import io
import json

import pytest
from contextlib import redirect_stdout

from rdflib import Dataset, Graph

from graph.cli import main

from conftest import SEED

SIX = {"graph.ttl", "graph.trig", "timeline.html", "map.html", "events.csv", "entities.csv"}


def run(capsys, *args: str) -> tuple[int, str, str]:
    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(err: str) -> str:
    lines = [l for l in err.splitlines() if l.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory, nlp):
    out = tmp_path_factory.mktemp("build")
    buf = io.StringIO()  # capsys is function-scoped; this module-scoped build captures by hand
    with redirect_stdout(buf):
        main(["build", str(SEED), "--out", str(out)])
    return out, buf.getvalue()


def test_build_writes_the_six_files_and_a_summary(seed_build):
    out, summary = seed_build
    assert SIX <= {p.name for p in out.iterdir()}
    assert not [p for p in out.iterdir() if p.name.startswith(".")]
    assert summary.startswith("1 document read, 0 skipped;")
    assert "entities" in summary and "events" in summary and "triples" in summary
    g = Graph().parse(out / "graph.ttl")
    assert len(g) > 100
    ds = Dataset().parse(out / "graph.trig")
    assert len([c for c in ds.graphs() if len(c)]) >= 1


def test_extract_json_schema(capsys, nlp):
    code, out, err = run(capsys, "extract", str(SEED), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["doc"]["id"] == "000_aa0594ff2652d761" and data["doc"]["date"] == "2022-03-30"
    text = data["text"]
    ids = {e["id"] for e in data["entities"]}
    for e in data["entities"]:
        assert {"id", "name", "type", "mentions"} <= set(e)
        for m in e["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]
    for t in data["timexes"]:
        assert text[t["start"]:t["end"]] == t["text"] and t["type"] and t["value"]
    assert data["events"]
    for ev in data["events"]:
        assert {"id", "trigger", "type", "date", "participants", "sentence"} <= set(ev)
        assert text[ev["trigger"]["start"]:ev["trigger"]["end"]] == ev["trigger"]["text"]
        assert ev["trigger"]["text"] in ev["sentence"]
        assert all(p["entity"] in ids for p in ev["participants"])


def test_query_and_view_from_saved_graph(capsys, seed_build, tmp_path):
    out, _ = seed_build
    code, text, err = run(capsys, "query", str(out / "graph.ttl"),
                          "SELECT ?name WHERE { ?e etkg:kind \"person\" ; rdfs:label ?name } ORDER BY ?name", "--csv")
    assert code == 0, err
    assert text.splitlines()[0] == "name" and "Boris Johnson" in text.splitlines()
    code, text, err = run(capsys, "view", str(out / "graph.trig"), "--out", str(tmp_path / "v"))
    assert code == 0, err
    assert {"timeline.html", "map.html"} <= {p.name for p in (tmp_path / "v").iterdir()}


def test_timex_command(capsys, nlp, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("Talks are expected to resume on Wednesday."))
    code, out, err = run(capsys, "timex", "--dct", "2022-03-30")
    assert code == 0, err
    (t,) = json.loads(out)
    assert (t["text"], t["type"], t["value"]) == ("Wednesday", "DATE", "2022-03-30")


@pytest.mark.parametrize("files, needle", [
    ({"empty.txt": b""}, "empty file"),
    ({"binary.txt": b"\0\x01\x02PK"}, "binary file"),
    ({"bad.jsonl": b'{"text": "ok"}\n{oops\n'}, "bad.jsonl:2: malformed JSON"),
    ({"date.txt": b"date 2022-99-01\nText."}, "is not a date"),
])
def test_bad_input_exit_2_one_line_no_partial_output(capsys, tmp_path, nlp, files, needle):
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    out_dir = tmp_path / "out"
    code, out, err = run(capsys, "build", *(str(tmp_path / n) for n in files), "--out", str(out_dir))
    assert code == 2
    assert needle in err
    assert "Traceback" not in err
    produced = {p.name for p in out_dir.iterdir()} if out_dir.exists() else set()
    if "bad.jsonl" in files:  # its good line still goes through
        assert SIX <= produced and "skipped" in out
    else:
        assert produced == set()


def test_good_files_go_through_and_summary_lists_skipped(capsys, tmp_path, nlp):
    (tmp_path / "good.txt").write_text("date 2022-03-30\nRussia attacked Ukraine on Tuesday.")
    (tmp_path / "empty.txt").write_text("")
    code, out, err = run(capsys, "build", str(tmp_path), "--out", str(tmp_path / "o"))
    assert code == 2
    assert out.startswith("1 document read, 1 skipped;")
    assert f"skipped {tmp_path / 'empty.txt'}: empty file" in out
    assert SIX <= {p.name for p in (tmp_path / "o").iterdir()}


def test_missing_path(capsys, tmp_path, nlp):
    code, _, err = run(capsys, "build", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "o"))
    assert code == 2 and "no such file or directory" in err


def test_unwritable_out(capsys, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    code, out, err = run(capsys, "build", str(SEED), "--out", str(blocker / "sub"))
    assert code == 2
    assert "cannot write output" in one_line_error(err)


@pytest.mark.parametrize("args, needle", [
    (["build", "seeds"], "Missing option '--out'"),
    (["build", "seeds", "--out", "x", "--date", "yesterday"], "is not a date"),
    (["nonsense"], "No such command"),
    (["extract", "seeds/nope.txt", "--json"], "no such file"),
    (["query", "nope.ttl", "SELECT * WHERE {}"], "no such file"),
    (["build", "seeds", "--out", "x", "--model", "xx_no_such_model"], "is not installed"),
])
def test_usage_errors(capsys, args, needle, nlp):
    code, _, err = run(capsys, *args)
    assert code == 2
    assert needle in one_line_error(err)


def test_bad_graph_and_bad_query(capsys, tmp_path, seed_build):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle")
    code, _, err = run(capsys, "query", str(bad), "SELECT * WHERE { ?s ?p ?o }")
    assert code == 2 and "cannot read graph" in one_line_error(err)
    out, _ = seed_build
    code, _, err = run(capsys, "query", str(out / "graph.ttl"), "SELEKT nothing")
    assert code == 2 and "bad SPARQL query" in one_line_error(err)


def test_no_views_writes_only_graph_and_tables(capsys, tmp_path, nlp):
    (tmp_path / "a.txt").write_text("date 2022-03-30\nRussia attacked Ukraine on Tuesday.")
    code, out, err = run(capsys, "build", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o"), "--no-views")
    assert code == 0, err
    assert {p.name for p in (tmp_path / "o").iterdir()} == {"graph.ttl", "graph.trig", "events.csv", "entities.csv"}
