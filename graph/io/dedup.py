"""Syndicated copies: one wire story that many outlets publish is one document with several
sources, folded before extraction so it is extracted (and its events counted) once.

Exact copies share the hash of their normalised words; near copies (another headline, a byline,
a trimmed last paragraph) have a MinHash estimate of the Jaccard similarity of their word
5-shingles above :data:`THRESHOLD`, found through datasketch's LSH index. The first copy read is
the document; the later ones are :class:`Fold` records naming it. The index keeps a hash per
document and a 128-value signature for texts long enough to compare (short texts fold only
exactly, as a few shared sentences would make them look alike).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Iterable, Iterator

import numpy as np

from ..records import Document

#: Estimated Jaccard similarity of word 5-shingles above which two texts are one story.
THRESHOLD = 0.7
NUM_PERM = 128
SHINGLE = 5
#: Texts of fewer words are folded only when identical.
MIN_WORDS = 60
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Fold:
    """``copy`` is a copy of the document ``original`` (its id), ``similarity`` 1.0 when exact."""

    original: str
    copy: Document
    similarity: float


class CopyIndex:
    """Documents seen so far, by exact hash and MinHash signature."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        from datasketch import MinHashLSH

        self.threshold = threshold
        self.exact: dict[str, str] = {}
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.signatures: dict[str, np.ndarray] = {}

    def original_of(self, doc: Document) -> tuple[str, float] | None:
        """The id of an earlier document ``doc`` copies, with the similarity; else None, and
        ``doc`` is indexed as an original."""
        words = [w.lower() for w in _WORD.findall(doc.text)]
        digest = hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()
        if digest in self.exact:
            return self.exact[digest], 1.0
        self.exact[digest] = doc.id
        if len(words) < MIN_WORDS:
            return None
        sig = _minhash(words)
        best = max(((float(np.mean(self.signatures[k] == sig.hashvalues)), k) for k in self.lsh.query(sig)),
                   default=None)
        if best is not None and best[0] >= self.threshold:
            return best[1], round(best[0], 3)
        self.lsh.insert(doc.id, sig)
        self.signatures[doc.id] = sig.hashvalues
        return None


def _minhash(words: list[str]):  # noqa: ANN202 - datasketch.MinHash, imported lazily
    from datasketch import MinHash

    m = MinHash(num_perm=NUM_PERM, seed=1)
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    m.update_batch([s.encode("utf-8") for s in shingles])
    return m


def fold_copies(documents: Iterable[Document], folds: list[Fold], *,
                threshold: float = THRESHOLD) -> Iterator[Document]:
    """The documents that are not copies of an earlier one; each copy is appended to ``folds``."""
    index = CopyIndex(threshold)
    for doc in documents:
        hit = index.original_of(doc)
        if hit is None:
            yield doc
        elif hit[0] != doc.id:  # the same file named twice is not a copy of itself
            folds.append(Fold(hit[0], doc, hit[1]))
