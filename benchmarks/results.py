"""Each benchmark owns one ``## <title>`` section of RESULTS.md and replaces only that section."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
HEADER = "# Benchmark results\n\nLatest figures, each with the command that produced it (run from the project root).\n"


def replace_section(title: str, body: str, command: str) -> None:
    """Write ``body`` under ``## title`` with the command and today's date, keeping other sections."""
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else HEADER
    section = f"## {title}\n\n`{command}` ({dt.date.today().isoformat()})\n\n{body.strip()}\n\n"
    pattern = re.compile(rf"^## {re.escape(title)}\n.*?(?=^## |\Z)", re.S | re.M)
    text = pattern.sub(lambda _: section, text, count=1) if pattern.search(text) else text.rstrip() + "\n\n" + section
    RESULTS.write_text(text.rstrip() + "\n", encoding="utf-8")
