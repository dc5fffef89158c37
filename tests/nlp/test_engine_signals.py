"""Worker processes die with the build that started them, however it ends."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import SEED


def children(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:  # fields: state, ppid, ...
            found.add(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_workers_die_with_a_killed_build(tmp_path, how):
    corpus = tmp_path / "in"
    corpus.mkdir()
    text = SEED.read_text(encoding="utf-8")
    for n in range(40):  # enough work that both workers are parsing when the build is killed
        (corpus / f"doc{n:02}.txt").write_text(text + f"\nCopy {n}.", encoding="utf-8")
    build = subprocess.Popen([sys.executable, "-c", "from graph.cli import main; main()", "build", str(corpus),
                              "--workers", "2", "--no-views", "--out", str(tmp_path / "out")],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    workers: set[int] = set()
    while len(workers) < 2 and time.monotonic() < deadline and build.poll() is None:
        time.sleep(0.2)
        workers = children(build.pid)
    assert len(workers) >= 2, "the workers never started"
    time.sleep(1)
    os.kill(build.pid, how)
    build.wait(timeout=30)
    deadline = time.monotonic() + 20
    while any(alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = [w for w in workers if alive(w)]
    for w in left:  # do not leave them to the rest of the suite
        os.kill(w, signal.SIGKILL)
    assert left == []
