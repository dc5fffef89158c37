"""Inline display of a view in JupyterLab, Notebook 7 and VS Code.

An `<iframe srcdoc>` is the one form all three render: pyvis's `show()` writes a file and
points at it, which VS Code and remote kernels cannot serve. The sandbox lets the page run its
own scripts but not reach the notebook (no allow-same-origin).

The page goes into the notebook once, gzipped: a few lines in ``srcdoc`` inflate it with the
browser's DecompressionStream and write it into the frame. A plain srcdoc would store the two
vendored libraries (1.2 MB) per view, and the default text/plain repr a second copy. The gzip
is written in base 85 (a quarter more than the bytes; base64 adds a third) over an alphabet
without quotes, ``&``, ``<``, ``>`` or a backslash, so that neither the srcdoc attribute nor
the notebook's JSON escapes any of it.
"""
from __future__ import annotations

import base64
import gzip
import html
import json
from dataclasses import dataclass, field

B85 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~"  # Python's b85
ALPHABET = "".join(c for c in map(chr, range(33, 127)) if c not in "\"&'<>\\")[:85]
_TO_ALPHABET = str.maketrans(B85, ALPHABET)

# Runs in the frame: decode, inflate the page and replace this loader document with it.
LOADER = """<!DOCTYPE html><meta charset="utf-8"><script type="application/octet-stream" id="etkg-page">{data}</script>
<script>(async () => {{
  const text = document.getElementById("etkg-page").textContent, A = {alphabet}, value = new Uint8Array(128);
  for (let k = 0; k < 85; k += 1) value[A.charCodeAt(k)] = k;
  const bytes = new Uint8Array(Math.ceil(text.length / 5) * 4);
  let n = 0;
  for (let i = 0; i < text.length; i += 5) {{
    let v = 0;
    for (let j = 0; j < 5; j += 1) v = v * 85 + (i + j < text.length ? value[text.charCodeAt(i + j)] : 84);
    const keep = Math.min(4, text.length - i - 1);
    for (let k = 0; k < keep; k += 1) bytes[n + k] = Math.floor(v / 2 ** (8 * (3 - k))) % 256;
    n += keep;
  }}
  const page = await new Response(new Blob([bytes.subarray(0, n)]).stream().pipeThrough(new DecompressionStream("gzip"))).text();
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
        """The frame's document: the loader with the gzipped page in base 85."""
        packed = base64.b85encode(gzip.compress(self.html.encode("utf-8"), compresslevel=9, mtime=0))
        return LOADER.format(data=packed.decode("ascii").translate(_TO_ALPHABET), alphabet=json.dumps(ALPHABET))

    def _repr_html_(self) -> str:
        return (f'<iframe srcdoc="{html.escape(self.srcdoc(), quote=True)}" '
                f'style="width:100%;height:{int(self.height)}px;border:0" '
                'sandbox="allow-scripts allow-downloads allow-popups allow-popups-to-escape-sandbox" '
                'referrerpolicy="no-referrer"></iframe>')


def iframe(html: str, height: int = 600) -> IFrame:
    """Wrap an HTML document (from render_timeline/render_map/render_explorer) for display."""
    return IFrame(html, height)
