"""Inline display of a view in JupyterLab, Notebook 7 and VS Code.

An `<iframe srcdoc>` is the one form all three render: pyvis's `show()` writes a file and
points at it, which VS Code and remote kernels cannot serve. The sandbox lets the page run its
own scripts but not reach the notebook (no allow-same-origin).
"""
from __future__ import annotations

import html
from dataclasses import dataclass


@dataclass(frozen=True)
class IFrame:
    """A rich-display object holding one self-contained HTML document."""

    html: str
    height: int = 600

    def _repr_html_(self) -> str:
        return (f'<iframe srcdoc="{html.escape(self.html, quote=True)}" '
                f'style="width:100%;height:{int(self.height)}px;border:0" '
                'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" '
                'referrerpolicy="no-referrer"></iframe>')


def iframe(html: str, height: int = 600) -> IFrame:
    """Wrap an HTML document (from render_timeline/render_map/render_explorer) for display."""
    return IFrame(html, height)
