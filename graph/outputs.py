"""Output files by name: one table, so that the CLI and the API write the same set the same way.

The files of one build are a set (graph.ttl, the views and the tables describe the same graph),
so they are written into a staging folder inside ``--out`` and then renamed into place: a full
disk, a folder where a file should go or any exception leaves the earlier set as it was. A lock
file keeps a second writer out of the folder until the first is done.
"""
from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

import pandas as pd

from .kg import KnowledgeGraph, network
from .records import CONFIDENT

if TYPE_CHECKING:
    import networkx as nx

#: Writes one output file's text from the graph (whose tables are computed once for all files)
#: and the lowest event confidence the tables and views show.
Writer = Callable[[KnowledgeGraph, float], str]
#: ``etkg build --events``: which events the tables and views show (the graph files hold them all).
EVENT_TIERS: dict[str, float] = {"confident": CONFIDENT, "all": 0.0}


def _views(kg: KnowledgeGraph, names: Iterable[str], min_confidence: float = CONFIDENT) -> dict[str, str]:
    """The HTML views named, from one payload (see :func:`graph.views.render_views`)."""
    names = list(names)
    if not names:
        return {}
    from .views import render_views  # views pull in templates and vendored scripts: load on demand

    events = kg.events(min_confidence=min_confidence)
    parts = kg.participants()
    return render_views(names, entities=kg.entities(), events=events,
                        participants=parts[parts["event"].isin(events["event"])])


def _view(name: str) -> Writer:
    return lambda kg, min_confidence=CONFIDENT: _views(kg, [name], min_confidence)[name]


def _graph(fmt: str) -> Writer:
    return lambda kg, min_confidence=CONFIDENT: kg.serialize(fmt)


def _network(fmt: str) -> Writer:
    return lambda kg, min_confidence=CONFIDENT: NETWORK_WRITERS[fmt](kg.to_networkx())


#: First characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """A text cell that a spreadsheet would run as a formula, prefixed with ``'`` as OWASP advises
    (article text is untrusted: a sentence may well start with "=HYPERLINK(...)")."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_text(table: pd.DataFrame) -> str:
    """The table as CSV (RFC 4180) with every text cell neutralised (numbers and dates are kept)."""
    safe = table.copy()
    for c in safe.columns:
        if isinstance(safe[c].dtype, (pd.CategoricalDtype, pd.StringDtype)) or safe[c].dtype == object:
            safe[c] = safe[c].astype(object).map(neutralise)
    # CRLF rows (RFC 4180): the csv writer then also quotes a cell holding a bare CR, which a
    # reader would otherwise take for the end of the row
    return safe.to_csv(index=False, lineterminator="\r\n")


#: Graph files by format name (``etkg build --format``): turtle and trig are always written.
GRAPH_FORMATS: dict[str, str] = {"turtle": "graph.ttl", "trig": "graph.trig", "jsonld": "graph.jsonld",
                                 "nquads": "graph.nq"}
#: The entity network for Gephi and yEd (``--format graphml|gexf``; networkx's writers over ``kg.to_networkx()``).
NETWORK_FORMATS: dict[str, str] = {"graphml": "graph.graphml", "gexf": "graph.gexf"}
NETWORK_WRITERS: dict[str, Callable[[nx.MultiDiGraph], str]] = {"graphml": network.graphml, "gexf": network.gexf}
VIEW_OUTPUTS = ("timeline.html", "map.html", "index.html")

#: Every file ``etkg build`` and ``etkg view`` can write, by file name.
OUTPUTS: dict[str, Writer] = {
    **{name: _graph(fmt) for fmt, name in GRAPH_FORMATS.items()},
    **{name: _network(fmt) for fmt, name in NETWORK_FORMATS.items()},
    "events.csv": lambda kg, min_confidence=CONFIDENT: csv_text(kg.events(min_confidence=min_confidence)),
    "entities.csv": lambda kg, min_confidence=CONFIDENT: csv_text(kg.entities()),
    **{name: _view(name) for name in VIEW_OUTPUTS},
}
#: What ``etkg build`` writes without ``--format``.
DEFAULT_OUTPUTS = ("graph.ttl", "graph.trig", "events.csv", "entities.csv", *VIEW_OUTPUTS)

#: In ``--out``: the lock file, and the prefix of staging folders (a leftover one is a run killed
#: before its outputs were in place; the next writer finishes or removes it).
LOCK_NAME = ".etkg.lock"
STAGING_PREFIX = ".etkg-new-"
#: In a staging folder: the names being swapped in, one a line, the last line "-" then the
#: names being removed; present only while the renames run.
JOURNAL = ".swap"


def output_names(formats: Iterable[str] = (), views: bool = True) -> tuple[str, ...]:
    """The default outputs (less the HTML views unless ``views``) plus the graph file of each
    named format (``KeyError`` if unknown)."""
    extra = [{**GRAPH_FORMATS, **NETWORK_FORMATS}[f] for f in formats]
    base = tuple(n for n in DEFAULT_OUTPUTS if views or n not in VIEW_OUTPUTS)
    return base + tuple(n for n in dict.fromkeys(extra) if n not in base)


class OutputError(OSError):
    """The output folder cannot be written."""


def _failed(path: Path, exc: OSError) -> OutputError:
    return OutputError(f"{path}: cannot write output ({exc.strerror or exc})")


def check_writable(out_dir: Path, names: Iterable[str] = ()) -> None:
    """Fail before any work is done when ``out_dir`` cannot take the outputs ``names``."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(dir=out_dir, prefix=".etkg-probe-")
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise _failed(out_dir, exc) from None
    for name in names:
        target = out_dir / name
        if target.is_dir() and not target.is_symlink():
            raise OutputError(f"{target}: is a folder, where etkg writes its {name} file")


_held = threading.local()


@contextmanager
def out_lock(out_dir: Path, notify: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold ``out_dir``'s lock file for the block; a second writer waits for the first (after one
    ``notify`` line). Re-entrant within a thread, so a build that holds it can write its outputs.

    The holder removes the lock file before releasing it, and a waiter that then gets the lock of a
    removed file tries again: the folder is left clean and two writers never both hold it.
    """
    key = os.path.realpath(out_dir)
    held: set[str] = getattr(_held, "paths", set())
    _held.paths = held
    if key in held:
        yield
        return
    path = out_dir / LOCK_NAME
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        while True:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if notify is not None:
                    holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
                    notify(f"{out_dir}: another etkg (pid {holder}) is writing there; waiting for it")
                    notify = None
                fcntl.flock(fd, fcntl.LOCK_EX)
            try:
                if os.stat(path).st_ino == os.fstat(fd).st_ino:
                    break
            except FileNotFoundError:
                pass
            os.close(fd)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
    except OSError as exc:
        raise _failed(out_dir, exc) from None
    held.add(key)
    try:
        yield
    finally:
        held.discard(key)
        try:
            path.unlink(missing_ok=True)
        finally:
            os.close(fd)


def _write(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)
    os.chmod(path, 0o644)  # mkdtemp makes a private folder; outputs are meant to be shared


def _swap(out: Path, stage: Path, names: list[str], remove: list[str]) -> None:
    """Rename the staged ``names`` into ``out`` and move ``remove`` out of it, the files they
    replace going to ``stage/.old``. Re-running it after a crash finishes the same swap."""
    old = stage / ".old"
    old.mkdir(exist_ok=True)
    for name in names:
        if (stage / name).exists():  # not yet swapped in
            if os.path.lexists(out / name):
                os.replace(out / name, old / name)
            os.replace(stage / name, out / name)
    for name in remove:
        if os.path.lexists(out / name):
            os.replace(out / name, old / name)


def _finish_interrupted(out: Path) -> None:
    """Complete the swap of a run killed during its renames, and drop a killed run's staging."""
    for stage in out.glob(f"{STAGING_PREFIX}*"):
        journal = stage / JOURNAL
        if journal.is_file():
            names, _, remove = journal.read_text(encoding="utf-8").partition("-\n")
            _swap(out, stage, names.split(), remove.split())
        shutil.rmtree(stage, ignore_errors=True)


def write_outputs(kg: KnowledgeGraph, out_dir: str | os.PathLike[str],
                  names: tuple[str, ...] | None = None, *, complete: bool = False,
                  events: str = "confident") -> list[Path]:
    """Write the named outputs (:data:`DEFAULT_OUTPUTS` by default) into ``out_dir`` as one set.

    Every file is written into a staging folder first and the set is renamed into place only when
    all are written, so a failure (``OutputError`` for a full disk or an unwritable target) leaves
    the earlier files untouched. With ``complete`` the set replaces the earlier one whole: an
    output file of another kind left by an earlier run (``graph.jsonld``, the views) is removed.
    ``events`` (a key of :data:`EVENT_TIERS`) says which events the CSV files and views show.
    """
    out = Path(out_dir)
    names = tuple(dict.fromkeys(names or DEFAULT_OUTPUTS))
    with out_lock(out):
        check_writable(out, names)
        try:
            _finish_interrupted(out)
            stage = Path(tempfile.mkdtemp(dir=out, prefix=STAGING_PREFIX))
        except OSError as exc:
            raise _failed(out, exc) from None
        try:
            views = _views(kg, [n for n in names if n in VIEW_OUTPUTS], EVENT_TIERS[events])
            for name in names:
                try:
                    _write(stage / name, views[name] if name in views else OUTPUTS[name](kg, EVENT_TIERS[events]))
                except OSError as exc:
                    raise _failed(out / name, exc) from None
            remove = [n for n in OUTPUTS if complete and n not in names and (out / n).is_file()]
            try:
                (stage / JOURNAL).write_text("".join(f"{n}\n" for n in names) + "-\n" +
                                             "".join(f"{n}\n" for n in remove), encoding="utf-8")
                _swap(out, stage, list(names), remove)
            except OSError as exc:
                _roll_back(out, stage, names)
                raise _failed(out, exc) from None
        finally:
            shutil.rmtree(stage, ignore_errors=True)
    return [out / name for name in names]


def _roll_back(out: Path, stage: Path, names: tuple[str, ...]) -> None:
    """Put the earlier files back after a rename failed halfway (best effort: renames in one
    folder do not need space, so what failed once rarely fails again)."""
    old = stage / ".old"
    try:
        for name in names:
            if not (stage / name).exists() and (out / name).exists():
                os.replace(out / name, stage / name)
        for moved in old.iterdir() if old.is_dir() else ():
            os.replace(moved, out / moved.name)
    except OSError:
        pass  # the first failure is the one to report
