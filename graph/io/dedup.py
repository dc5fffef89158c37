"""Syndicated copies: one wire story that many outlets publish is one document with several
sources, folded before extraction so it is extracted (and its events counted) once.

Exact copies share the hash of their normalised words; near copies (another headline, a byline,
a trimmed last paragraph) have a MinHash estimate of the Jaccard similarity of their word
5-shingles above :data:`THRESHOLD`, found through a banded LSH index. The first copy read is
the document; the later ones are :class:`Fold` records naming it. The index keeps a hash per
document and a 128-value signature for texts long enough to compare (short texts fold only
exactly, as a few shared sentences would make them look alike).

The signatures and bands are datasketch's (``MinHash(num_perm=128, seed=1)``, affine32 scheme;
``MinHashLSH(threshold=0.7)``), which tests/io/test_dedup.py checks value for value: importing
datasketch imports scipy.integrate (0.5-1.7 s of every build's start), for the two numbers of its
band layout only.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from dataclasses import dataclass
from typing import Iterable, Iterator

import numpy as np

from ..records import Document

#: Estimated Jaccard similarity of word 5-shingles above which two texts are one story.
THRESHOLD = 0.7
NUM_PERM = 128
#: LSH bands and rows per band for THRESHOLD and NUM_PERM: the layout datasketch's MinHashLSH
#: picks (weighing false positives and negatives alike); a signature is a candidate of another
#: when one band of the two is equal.
BANDS, ROWS = 14, 9
SHINGLE = 5
#: Texts of fewer words are folded only when identical.
MIN_WORDS = 60
_WORD = re.compile(r"\w+")
#: MurmurHash3's 32-bit finalizer constants, which mix each shingle hash before the permutations.
_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))


@dataclass(frozen=True)
class Fold:
    """``copy`` is a copy of the document ``original`` (its id), ``similarity`` 1.0 when exact."""

    original: str
    copy: Document
    similarity: float


class CopyIndex:
    """Documents seen so far, by exact hash and MinHash signature."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self.exact: dict[str, str] = {}
        self.bands: list[dict[bytes, list[str]]] = [{} for _ in range(BANDS)]
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
        sig = signature(words)
        keys = [sig[i * ROWS:(i + 1) * ROWS].tobytes() for i in range(BANDS)]
        candidates = {k for band, key in zip(self.bands, keys) for k in band.get(key, ())}
        best = max(((float(np.mean(self.signatures[k] == sig)), k) for k in candidates), default=None)
        if best is not None and best[0] >= self.threshold:
            return best[1], round(best[0], 3)
        for band, key in zip(self.bands, keys):
            band.setdefault(key, []).append(doc.id)
        self.signatures[doc.id] = sig
        return None


def signature(words: list[str]) -> np.ndarray:
    """The MinHash signature of the word 5-shingles: for each of NUM_PERM permutations
    ``a * h + b`` (mod 2**32) of each shingle's hash ``h`` (SHA-1's first 4 bytes, mixed), the least."""
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    hv = np.array([int.from_bytes(hashlib.sha1(s.encode("utf-8")).digest()[:4], "little") for s in shingles],
                  dtype=np.uint32).reshape(-1, 1)
    s1, m1, s2, m2, s3 = _FMIX32
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    hv = hv ^ (hv >> s3)
    a, b = _permutations()
    return (hv * a + b).min(axis=0)


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The permutations' odd multipliers and offsets, drawn as datasketch draws them for seed 1."""
    gen = np.random.RandomState(1)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


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
