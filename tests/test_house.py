"""The house: one room per stage, and a module imports (at module level) only from rooms below it.

Imports inside functions are allowed to reach up (a display method rendering its own tables), but
nothing imported when a module loads may: that is what keeps ``import graph.kg`` free of spaCy.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "graph"
#: Rooms bottom-up; a module may import its own room and the rooms before it.
ORDER = ["records", "text", "timeml", "io", "nlp", "corrections", "rdf", "store", "link", "kg", "views",
         "outputs", "api", "cli", "__init__"]


def room(path: Path) -> str:
    return path.relative_to(PACKAGE).parts[0].removesuffix(".py")


def module_level_imports(path: Path) -> list[tuple[int, str]]:
    """(line, room) of each graph import executed when the module loads."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = list(path.relative_to(ROOT).with_suffix("").parts)
    if package[-1] == "__init__":
        package = package[:-1]
    else:
        package = package[:-1]
    found = []
    for node in tree.body:  # module level only: not inside functions or TYPE_CHECKING blocks
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = [*base, *(node.module.split(".") if node.module else [])]
                names = [target] if node.module else [[*target, a.name] for a in node.names]
            elif node.module and node.module.split(".")[0] == "graph":
                names = [node.module.split(".")]
            else:
                continue
            found += [(node.lineno, n[1]) for n in names if len(n) > 1]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name.split(".")[1]) for a in node.names
                      if a.name.startswith("graph.") and len(a.name.split(".")) > 1]
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(PACKAGE)) for p in MODULES])
def test_a_module_imports_only_its_room_and_the_rooms_below(path: Path):
    here = room(path)
    assert here in ORDER, f"new room {here!r}: place it in ORDER (bottom-up) in this test"
    for line, target in module_level_imports(path):
        assert target in ORDER, f"{path.name}:{line} imports unknown room {target!r}"
        assert ORDER.index(target) <= ORDER.index(here), \
            f"{path.relative_to(PACKAGE)}:{line} imports graph.{target}, a room above {here!r}"


def test_the_readme_describes_the_rooms_as_they_are():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rooms = sorted(p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists())
    for name in rooms:
        assert f"`graph/{name}/`" in readme, name
    for name in ("records.py", "text.py", "timeml.py", "outputs.py", "api.py", "cli.py"):
        assert f"`graph/{name}`" in readme and (PACKAGE / name).exists(), name
