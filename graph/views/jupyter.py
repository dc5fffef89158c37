"""Inline display of a view in JupyterLab, Notebook 7 and VS Code.

An `<iframe srcdoc>` is the one form all three render: pyvis's `show()` writes a file and
points at it, which VS Code and remote kernels cannot serve. The sandbox lets the page run its
own scripts but not reach the notebook (no allow-same-origin).

The page goes into the notebook once, gzipped: a few lines in ``srcdoc`` inflate it with the
browser's DecompressionStream and write it into the frame. A plain srcdoc would store the two
vendored libraries (1.2 MB) per view, and the default text/plain repr a second copy.
"""
from __future__ import annotations

import base64
import gzip
import html
from dataclasses import dataclass, field

# Runs in the frame: inflate the page and replace this loader document with it.
LOADER = """<!DOCTYPE html><meta charset="utf-8"><script type="application/octet-stream" id="etkg-page">{data}</script>
<script>(async () => {{
  const bytes = Uint8Array.from(atob(document.getElementById("etkg-page").textContent), (c) => c.charCodeAt(0));
  const page = await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).text();
  document.open(); document.write(page); document.close();
}})();</script>"""


@dataclass(frozen=True)
class IFrame:
    """A rich-display object holding one self-contained HTML document."""

    html: str = field(repr=False)
    height: int = 600

    def __repr__(self) -> str:
        return f"<etkg view: {len(self.html) // 1024} KB of HTML; display it in Jupyter>"

    def srcdoc(self) -> str:
        """The frame's document: the loader with the gzipped page in base64."""
        packed = base64.b64encode(gzip.compress(self.html.encode("utf-8"), compresslevel=9, mtime=0))
        return LOADER.format(data=packed.decode("ascii"))

    def _repr_html_(self) -> str:
        return (f'<iframe srcdoc="{html.escape(self.srcdoc(), quote=True)}" '
                f'style="width:100%;height:{int(self.height)}px;border:0" '
                'sandbox="allow-scripts allow-downloads allow-popups allow-popups-to-escape-sandbox" '
                'referrerpolicy="no-referrer"></iframe>')


def iframe(html: str, height: int = 600) -> IFrame:
    """Wrap an HTML document (from render_timeline/render_map/render_explorer) for display."""
    return IFrame(html, height)
