"""The notebooks are committed without outputs and run top to bottom on a real kernel."""
from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))


def execute(path: Path, probe: str, sizes: dict | None = None) -> dict:
    """Run a notebook, then one extra cell that prints ``probe`` (a JSON-able expression);
    ``sizes`` gets the executed notebook's size in bytes under the notebook's name."""
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(f"import json as _j; print(_j.dumps({probe}, default=str))"))
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors, errors
    if sizes is not None:
        sizes[path.name] = len(nbformat.writes(nb).encode("utf-8"))
    return json.loads(nb.cells[-1].outputs[0]["text"])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{path.name} has outputs committed"


def test_two_notebooks_exist():
    assert [p.name for p in NOTEBOOKS] == ["01_seed.ipynb", "02_corpus.ipynb"]


def test_seed_notebook_runs():
    sizes: dict[str, int] = {}
    got = execute(NOTEBOOKS[0], "{'span': [str(d.date()) for d in seed_span], 'zelenskyy': len(zelenskyy), "
                                "'sparql1': sorted(kg.sparql('SELECT ?x WHERE { ?x a sem:Event }')['x'])[:1]}", sizes)
    # the inline views are stored once each (gzipped in their frame), not as HTML plus a text copy
    assert sizes["01_seed.ipynb"] < 500_000
    first, last = got["span"]
    assert first == "2014-01-01"  # the annexation of Crimea
    assert "2022-03-29" <= last <= "2022-03-31"  # the talks and their aftermath, around the DCT
    assert got["zelenskyy"] >= 1


def test_corpus_notebook_runs():
    got = execute(NOTEBOOKS[1], "{'documents': kg.count_documents(), 'top': list(top.index[:3]), "
                                "'weeks': int(weekly.shape[0])}")
    assert got["documents"] >= 4
    assert len(got["top"]) == 3 and got["weeks"] >= 1
