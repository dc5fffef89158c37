"""Each benchmark owns one ``## <title>`` section of RESULTS.md and replaces only that section."""
from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
HEADER = "# Benchmark results\n\nLatest figures, each with the command that produced it (run from the project root).\n"


def replace_section(title: str, body: str, command: str) -> None:
    """Write ``body`` under ``## title`` with the command and today's date, keeping other sections."""
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else HEADER
    section = f"## {title}\n\n`{command}` ({dt.date.today().isoformat()})\n\n{body.strip()}\n\n"
    pattern = re.compile(rf"^## {re.escape(title)}\n.*?(?=^## |\Z)", re.S | re.M)
    text = pattern.sub(lambda _: section, text, count=1) if pattern.search(text) else text.rstrip() + "\n\n" + section
    RESULTS.write_text(text.rstrip() + "\n", encoding="utf-8")


@contextmanager
def trees(root: Path, before: str | None) -> Iterator[dict[str, Path]]:
    """{"now": root} and, with ``before``, that commit checked out beside it (removed afterwards),
    so that a benchmark measures both in one run, under the same machine load."""
    found = {"now": root}
    if not before:
        yield found
        return
    tmp = Path(tempfile.mkdtemp(prefix="etkg-before-"))
    subprocess.run(["git", "-C", str(root), "worktree", "add", "--detach", str(tmp), before],
                   check=True, capture_output=True)
    try:
        yield {f"before ({before})": tmp, **found}
    finally:
        subprocess.run(["git", "-C", str(root), "worktree", "remove", "--force", str(tmp)], capture_output=True)
        shutil.rmtree(tmp, ignore_errors=True)
