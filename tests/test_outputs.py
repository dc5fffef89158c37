"""Outputs as a set: written whole or not at all, one writer at a time, spreadsheet-safe CSV."""
from __future__ import annotations

import csv
import errno
import io
import resource
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest
from rdflib import Dataset

import graph.outputs as outputs
from graph.kg import KnowledgeGraph
from graph.outputs import (FORMULA_STARTS, JOURNAL, LOCK_NAME, STAGING_PREFIX, OutputError, csv_text,
                           out_lock, write_outputs)

from handmade import extraction_a, extraction_b
from test_cli import one_line_error, run


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def previous_set(tmp_path) -> tuple[Path, dict[str, bytes]]:
    """A folder holding the complete set of an earlier build (the handmade document A)."""
    out = tmp_path / "out"
    write_outputs(KnowledgeGraph().add(extraction_a()), out)
    return out, snapshot(out)


def assert_untouched(out: Path, before: dict[str, bytes]) -> None:
    assert snapshot(out) == before
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == []


def test_a_set_is_written_whole_with_nothing_left_beside_it(previous_set):
    out, before = previous_set
    assert set(before) == set(outputs.DEFAULT_OUTPUTS)
    write_outputs(KnowledgeGraph().add(extraction_a()).add(extraction_b()), out)
    after = snapshot(out)
    assert set(after) == set(before) and after["graph.trig"] != before["graph.trig"]
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_a_file_too_large_for_the_disk_leaves_the_previous_set(previous_set, seed_kg):
    """A real write failure from the kernel (EFBIG under a file-size limit; Python ignores SIGXFSZ)."""
    out, before = previous_set
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, hard))
    try:
        with pytest.raises(OutputError, match="cannot write output"):
            write_outputs(seed_kg, out)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    assert_untouched(out, before)


@pytest.mark.parametrize("where", ["a writer", "the views"])
def test_any_exception_while_writing_leaves_the_previous_set(previous_set, monkeypatch, where):
    out, before = previous_set

    def broken(*args, **kwargs):
        raise RuntimeError(f"a bug in {where}")

    if where == "the views":  # rendered together, from one payload
        monkeypatch.setattr(outputs, "_views", broken)
    else:
        monkeypatch.setitem(outputs.OUTPUTS, "entities.csv", broken)
    with pytest.raises(RuntimeError):
        write_outputs(KnowledgeGraph().add(extraction_b()), out)
    assert_untouched(out, before)


def test_complete_set_removes_outputs_of_an_earlier_kind(tmp_path):
    out = tmp_path / "out"
    kg = KnowledgeGraph().add(extraction_a())
    write_outputs(kg, out, outputs.output_names(["jsonld"]))
    assert (out / "graph.jsonld").is_file()
    write_outputs(kg, out, outputs.output_names(views=False), complete=True)
    assert set(snapshot(out)) == {"graph.ttl", "graph.trig", "events.csv", "entities.csv"}


def test_a_swap_killed_halfway_is_finished_by_the_next_writer(previous_set, monkeypatch):
    """A run killed between its renames left a journal: the next writer completes that set
    before its own, so even when its own write then fails the folder holds one whole set."""
    out, before = previous_set
    stage = out / f"{STAGING_PREFIX}killed"
    (stage / ".old").mkdir(parents=True)
    names = list(outputs.DEFAULT_OUTPUTS)
    (stage / "graph.ttl").write_text("new ttl")  # the one file the killed run had not moved yet
    for name in names[1:]:
        (out / name).write_text(f"new {name}")
    (stage / JOURNAL).write_text("".join(f"{n}\n" for n in names) + "-\n")
    monkeypatch.setitem(outputs.OUTPUTS, "graph.ttl", lambda kg, min_confidence=0.0: (_ for _ in ()).throw(OSError(errno.ENOSPC, "No space left on device")))
    with pytest.raises(OutputError, match="No space left on device"):
        write_outputs(KnowledgeGraph().add(extraction_b()), out)
    assert snapshot(out) == {n: f"new {n}".encode() for n in names} | {"graph.ttl": b"new ttl"}
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_cli_full_disk_one_line_exit_2_previous_set_kept(capsys, tmp_path, nlp, monkeypatch):
    (tmp_path / "a.txt").write_text("date 2022-03-30\nRussia attacked Ukraine on Tuesday.")
    out = tmp_path / "out"
    assert run(capsys, "build", str(tmp_path / "a.txt"), "--out", str(out))[0] == 0
    before = snapshot(out)
    written = []
    real = outputs._write

    def fill_up(path, text):
        if len(written) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(path)
        real(path, text)

    monkeypatch.setattr(outputs, "_write", fill_up)
    (tmp_path / "b.txt").write_text("date 2022-03-31\nUkraine thanked Poland on Wednesday.")
    code, _, err = run(capsys, "build", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--out", str(out))
    assert code == 2
    assert "No space left on device" in one_line_error(err)
    assert_untouched(out, before)


def test_cli_folder_in_place_of_index_html(capsys, tmp_path, nlp):
    (tmp_path / "a.txt").write_text("date 2022-03-30\nRussia attacked Ukraine on Tuesday.")
    out = tmp_path / "out"
    assert run(capsys, "build", str(tmp_path / "a.txt"), "--out", str(out))[0] == 0
    (out / "index.html").unlink()
    (out / "index.html").mkdir()
    before = snapshot(out)
    code, _, err = run(capsys, "build", str(tmp_path / "a.txt"), "--date", "2022-04-01", "--out", str(out))
    assert code == 2
    assert one_line_error(err) == f"etkg: error: {out / 'index.html'}: is a folder, where etkg writes its index.html file"
    assert_untouched(out, before)
    assert (out / "index.html").is_dir()


HOLDER = textwrap.dedent("""
    import shutil, sys, time
    from pathlib import Path
    from graph.outputs import out_lock
    out, earlier = Path(sys.argv[1]), sys.argv[2]
    with out_lock(out):
        print("locked", flush=True)
        time.sleep(2)  # another build's work; then it writes its graph.trig
        shutil.copy(earlier, out / "graph.trig")
""")


def test_a_second_writer_waits_for_the_first_and_loses_nothing(capsys, tmp_path, nlp):
    """The first writer (another process) holds --out; ``build --append`` waits for it and adds
    to what it wrote. Without the lock it reads no graph.trig, and the first writer's then
    overwrites its document."""
    earlier = tmp_path / "earlier.trig"
    KnowledgeGraph().add(extraction_a()).to_trig(earlier)
    out = tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(out), str(earlier)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        (tmp_path / "b.txt").write_text("date 2022-03-31\nUkraine thanked Poland on Wednesday.")
        code, text, err = run(capsys, "build", str(tmp_path / "b.txt"), "--append", "--out", str(out))
    finally:
        holder.wait(timeout=30)
    assert code == 0, err
    assert "is writing there; waiting for it" in err
    from rdflib.namespace import SDO

    ids = {str(o) for o in Dataset(default_union=True).parse(out / "graph.trig").objects(None, SDO.identifier)}
    assert len(ids) == 2 and "doc-a" in ids
    assert text.startswith("2 documents in the graph")
    assert not (out / LOCK_NAME).exists()


def test_lock_is_reentrant_and_leaves_no_file(tmp_path):
    with out_lock(tmp_path):
        assert (tmp_path / LOCK_NAME).is_file()
        with out_lock(tmp_path):  # a build holding the lock writes its outputs under it
            pass
        assert (tmp_path / LOCK_NAME).is_file()
    assert not (tmp_path / LOCK_NAME).exists()


@pytest.mark.parametrize("cell, expected", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1", "'+1"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("Kyiv", "Kyiv"), ("", ""),
])
def test_csv_cells_that_would_be_formulas_are_neutralised(cell, expected):
    table = pd.DataFrame({"text": [cell], "n": [-1], "kind": pd.Categorical([cell])})
    rows = list(csv.DictReader(io.StringIO(csv_text(table))))
    assert rows == [{"text": expected, "n": "-1", "kind": expected}]


def test_events_csv_from_article_text_opens_safely(capsys, tmp_path, nlp):
    (tmp_path / "a.txt").write_text("date 2022-03-30\n-Russia attacked Ukraine on Tuesday. =Ukraine accused Russia on Wednesday.")
    out = tmp_path / "out"
    code, _, err = run(capsys, "build", str(tmp_path / "a.txt"), "--out", str(out))
    assert code == 0, err
    for name in ("events.csv", "entities.csv"):
        with open(out / name, newline="", encoding="utf-8") as fh:
            cells = [c for row in csv.reader(fh) for c in row]
        assert not [c for c in cells if c.startswith(FORMULA_STARTS)], name
    events = pd.read_csv(out / "events.csv")
    assert events["sentence"].str.startswith("'-Russia attacked").any()
