"""Batches that never sink: bad input is one clear line and exit 2, and never costs the others."""
from __future__ import annotations

import io
import json
import random

import pytest

from graph.api import load

from test_cli import one_line_error, run

ACTORS = ["Russia", "Ukraine", "Poland", "NATO", "Volodymyr Zelenskyy", "Boris Johnson"]
VERBS = ["attacked", "met", "accused", "thanked", "criticised"]
DAYS = ["on Tuesday", "on Wednesday", "in 2014", "on 1 April 2022"]


def sentence(rng: random.Random) -> str:
    a, b = rng.sample(ACTORS, 2)
    return f"{a} {rng.choice(VERBS)} {b} {rng.choice(DAYS)}."


#: Bad documents: (file name suffix, content, what the summary says).
BAD = [
    (".txt", b"", "empty file"),
    (".txt", b"\0\x01\x02PK", "binary file"),
    (".txt", b"date 2022-99-01\nRussia attacked Ukraine.", "is not a date"),
    (".json", b'{"title": "no text"}', '"text"'),
    (".json", b"[1, 2]", "JSON object"),
    (".json", b'{"text": "Russia met Ukraine.", "date": "someday"}', "is not a date"),
]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_good_document_is_in_the_graph_and_every_bad_one_in_the_summary(capsys, tmp_path, nlp, seed):
    rng = random.Random(seed)
    folder = tmp_path / "in"
    folder.mkdir()
    good: list[str] = []  # the text of each good document
    bad: dict[str, str] = {}  # source (file, or file:line) -> reason
    for n in range(rng.randint(3, 5)):
        body = " ".join(sentence(rng) for _ in range(rng.randint(1, 3)))
        good.append(body)
        if rng.random() < 0.5:
            (folder / f"good{n}.txt").write_text(f"date 2022-03-{rng.randint(10, 28)}\n{body}")
        else:
            (folder / f"good{n}.json").write_text(json.dumps({"text": body, "date": "2022-03-30", "title": f"T{n}"}))
    for n, (suffix, content, reason) in enumerate(rng.sample(BAD, rng.randint(2, 4))):
        (folder / f"bad{n}{suffix}").write_bytes(content)
        bad[str(folder / f"bad{n}{suffix}")] = reason
    # a JSON Lines file with a good line and a malformed one
    body = sentence(rng)
    (folder / "mixed.jsonl").write_text(json.dumps({"text": body, "id": "mixed-ok"}) + "\n{oops\n")
    good.append(body)
    bad[f"{folder / 'mixed.jsonl'}:2"] = "malformed JSON"

    out = tmp_path / "out"
    code, text, err = run(capsys, "build", str(folder), "--date", "2022-03-30", "--out", str(out))
    assert code == 2, err
    assert "Traceback" not in err
    assert text.startswith(f"{len(good)} documents read, {len(bad)} skipped;"), text
    skipped = {line.strip()[len("skipped "):] for line in text.splitlines() if line.startswith("  skipped ")}
    for source, reason in bad.items():
        assert any(s.startswith(f"{source}: ") and reason in s for s in skipped), (source, skipped)
    texts = set(load(out / "graph.trig").sparql("SELECT ?t WHERE { ?d a schema:NewsArticle ; nif:isString ?t }")["t"])
    assert sorted(texts) == sorted(good)


@pytest.mark.parametrize("stdin, needle", [
    ('{"text": 5}', '"text" must be a string'),
    ('{"text": "Talks on Tuesday.", "dct": 20220330}', '"dct" must be a string'),
    ('["text"]', '"text" must be a string'),
    ("[" * 100_000, "expected a JSON object"),
    ('{"text": "x", "dct": "2022-13-01"}', "is not a date"),
])
def test_timex_json_in_with_wrong_types_is_bad_input(capsys, monkeypatch, stdin, needle):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code, out, err = run(capsys, "timex", "--json-in")
    assert code == 2
    assert needle in one_line_error(err)
    assert out == ""


@pytest.mark.parametrize("iri", ['https://www.wikidata.org/wiki/Q1"', "https://example.org/a b",
                                 "https://example.org/<x>", "Q42", "https://example.org/\x01"])
def test_a_gazetteer_row_with_a_bad_iri_names_file_and_row(capsys, tmp_path, nlp, iri):
    gaz = tmp_path / "gaz.csv"
    gaz.write_text("name,aliases,kind,iri\nKyiv,,city,https://www.wikidata.org/wiki/Q1899\n"
                   f"Acme Corp,Acme,organisation,\"{iri.replace(chr(34), chr(34) * 2)}\"\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("date 2022-03-30\nAcme Corp met Kyiv on Tuesday.")
    code, _, err = run(capsys, "build", str(tmp_path / "a.txt"), "--gazetteer", str(gaz), "--out", str(tmp_path / "o"))
    assert code == 2
    line = one_line_error(err)  # and no warning from rdflib beside it
    assert line.startswith(f"etkg: error: {gaz}:3: ") and "is not an absolute IRI" in line
