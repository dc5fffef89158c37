"""Reading a corrections CSV: the format, and one clear line per refused row."""
from __future__ import annotations

import pytest

from graph.corrections import CorrectionsError, read_corrections
from graph.corrections.table import parse_corrections


def rows(text: str):
    return parse_corrections("action,subject,value,note\n" + text, name="fix.csv")


def test_rows_are_read_in_file_order_with_their_line_numbers(tmp_path):
    path = tmp_path / "fix.csv"
    path.write_text("\ufeffaction,subject,value,note\nmerge,Kremlin,Russia,the state\n\n# a comment,,,\n"
                    'rename,Putin,"Putin, Vladimir",\ndrop,Credit,ignored,\n', encoding="utf-8")
    got = read_corrections(path)
    assert [(c.row, c.action, c.subject, c.value, c.note) for c in got.rows] == [
        (2, "merge", "Kremlin", "Russia", "the state"), (5, "rename", "Putin", "Putin, Vladimir", ""),
        (6, "drop", "Credit", "", "")]
    assert got.problems == [] and got.name == "fix.csv"


@pytest.mark.parametrize("line, problem", [
    ("mrege,Kremlin,Russia,", "row 2: unknown action 'mrege' (use merge, split, rename, retype, drop, alias, "
                              "drop-event, retype-event)"),
    ("rename,,Putin,", "row 2: rename without a subject"),
    ("retype,Bucha,,", "row 2: retype 'Bucha' without a value"),
    ("retype,Bucha,village,", "row 2: retype 'Bucha': unknown kind 'village' (use person, organisation, group, "
                              "country, city, region, place, work, product, event, law)"),
    ("retype-event,ev-1,BOMB,", "row 2: retype-event 'ev-1': unknown PLOVER type 'BOMB'"),
    ("merge,Russia,the russia,", "row 2: merge 'Russia' into itself"),
    ("drop,a,b,c,d", "row 2: 5 fields, expected at most 4 (quote a value that has a comma)"),
])
def test_a_bad_row_is_refused_with_one_line_naming_file_and_row_and_the_others_kept(line, problem):
    got = rows(f"{line}\nalias,Kyiv,Kiev,\n")
    assert len(got.problems) == 1 and got.problems[0].startswith(f"fix.csv: {problem}")
    assert [(c.row, c.action) for c in got.rows] == [(3, "alias")]


def test_a_merge_cycle_is_refused_at_the_row_that_closes_it():
    got = rows("merge,Kremlin,Moscow,\nmerge,Moscow,Russia,\nmerge,Russia,kremlin,\nmerge,Kremlin,Ukraine,\n")
    assert got.problems == ["fix.csv: row 4: merge cycle Russia -> kremlin -> Moscow -> Russia",
                            "fix.csv: row 5: 'Kremlin' is already merged into 'Moscow' (row 2)"]
    assert [c.row for c in got.rows] == [2, 3]


def test_kinds_and_types_are_normalised_and_a_repeated_row_counts_once():
    got = rows("retype,Ford,Organization,\nretype-event,ev-1,assault,\nretype,Ford,organisation,again\n")
    assert [(c.action, c.value) for c in got.rows] == [("retype", "organisation"), ("retype-event", "ASSAULT")]


def test_a_file_without_the_header_or_unreadable_is_refused_whole(tmp_path):
    with pytest.raises(CorrectionsError, match=r"fix.csv: row 1: expected the header action,subject,value,note"):
        parse_corrections("merge,Kremlin,Russia,\n", name="fix.csv")
    with pytest.raises(CorrectionsError, match="cannot read corrections"):
        read_corrections(tmp_path / "missing.csv")


def test_a_correction_keeps_its_identity_when_rows_move_or_notes_change():
    a = rows("merge,Kremlin,Russia,one\n").rows[0]
    b = rows("alias,Kyiv,Kiev,\nmerge,Kremlin,Russia,another note\n").rows[1]
    assert a.key == b.key and a.row != b.row
    assert a.key != rows("merge,Kremlin,Ukraine,\n").rows[0].key
