"""Shared HTML helpers: safe JSON embedding, inlined assets, the page skeleton.

Every page is one self-contained file: scripts and styles are inlined from files this package
ships, data travels as inert JSON, and a Content-Security-Policy forbids loading anything from
any host, so a page that tried would fail loudly in the browser tests instead of phoning home.
"""
from __future__ import annotations

import html
import json
from functools import cache
from importlib import resources
from typing import Any

# No network at all: inline scripts/styles only, images from data: URLs (vis-network's CSS).
CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
       "img-src data: blob:; font-src data:; base-uri 'none'; form-action 'none'")

_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                 "\u2028": "\\u2028", "\u2029": "\\u2029"}


def json_for_script(data: Any) -> str:
    """JSON that cannot close its <script> element or start a comment/CDATA in it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escaped in _JSON_ESCAPES.items():
        text = text.replace(char, escaped)
    return text


def json_script(data: Any, element_id: str) -> str:
    """Data as an inert `<script type="application/json">`, read with JSON.parse(textContent)."""
    return (f'<script type="application/json" id="{html.escape(element_id)}">'
            f"{json_for_script(data)}</script>")


@cache
def asset(name: str) -> str:
    """Text of a shipped file, `vendor/...` or `templates/...`, relative to this package."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    if "</script" in text.lower() or "</style" in text.lower():
        raise ValueError(f"{name} cannot be inlined: it contains a closing script/style tag")
    return text


def page(title: str, payload: dict[str, Any], view: str, scripts: list[str]) -> str:
    """A full HTML document: styles, the JSON payload, then the given shipped scripts in order.

    `view` ("timeline", "map" or "explorer") tells templates/common.js which panes to build."""
    body = "\n".join(f"<script>{asset(name)}</script>" for name in scripts)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{html.escape(CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{html.escape(title)}</title>
<style>{asset("templates/style.css")}</style>
<style>{type_css(payload["types"])}</style>
</head>
<body data-view="{html.escape(view)}">
<noscript>This view needs JavaScript.</noscript>
{json_script(payload, "etkg-data")}
{body}
</body>
</html>
"""


def type_css(colors: dict[str, str]) -> str:
    """One class per PLOVER type (names and colours are the package's constants, not data)."""
    return "\n".join(
        f".vis-timeline .vis-item.t-{name}{{background:{color};border-color:{color};color:{_ink(color)}}}"
        f".chip.t-{name}::before{{background:{color}}}" for name, color in colors.items())


def _ink(background: str) -> str:
    """Dark or white text, whichever reads better on the background (WCAG relative luminance)."""
    def channel(hex2: str) -> float:
        c = int(hex2, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(background[i:i + 2]) for i in (1, 3, 5))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "#1d2329" if (luminance + 0.05) / 0.0717 > 1.05 / (luminance + 0.05) else "#ffffff"
