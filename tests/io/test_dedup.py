"""Syndicated copies: exact and near copies fold into the first document read, different stories
and short look-alikes do not; the graph keeps every copy's URL."""
from __future__ import annotations

import json

import numpy as np
import pytest

from graph.io.dedup import _WORD, BANDS, NUM_PERM, ROWS, SHINGLE, THRESHOLD, CopyIndex, fold_copies, signature
from graph.records import Document

WIRE = ("Ukrainian and Russian negotiators met in Istanbul on Tuesday for the first face-to-face talks in more "
        "than two weeks, with Turkey's president urging both sides to agree a ceasefire.\n\n"
        "Ukraine offered to adopt a neutral status in exchange for security guarantees from a group of countries, "
        "its delegation said after the meeting, which lasted about three hours.\n\n"
        "Russia said it would significantly reduce its military activity near Kyiv and Chernihiv, a promise that "
        "Ukrainian officials greeted with caution on Wednesday.\n\n"
        "The talks are expected to resume on Wednesday, according to the Turkish foreign ministry, which has "
        "offered to host a meeting of the two foreign ministers.")
OTHER = ("The United Nations and Turkey announced on Thursday that the Black Sea grain initiative would be "
         "extended for another four months, allowing ships to keep leaving Ukrainian ports. The deal, first "
         "agreed in July, has let more than ten million tonnes of grain reach markets in Africa, Asia and Europe. "
         "Russia had threatened to withdraw from the agreement last month, but rejoined it days later following "
         "talks brokered by Turkey, the United Nations said.")


def fold(*texts):
    folds = []
    kept = list(fold_copies([Document(id=f"d{i}", text=t, url=f"https://o{i}.example/") for i, t in enumerate(texts)],
                            folds))
    return [d.id for d in kept], [(f.original, f.copy.id, f.similarity) for f in folds]


def test_exact_copy_folds_whatever_its_spacing_and_case():
    assert fold(WIRE, WIRE.upper().replace("\n\n", "\n")) == (["d0"], [("d0", "d1", 1.0)])


def test_near_copies_fold():
    bylined = "By Staff and Agencies\n\n" + WIRE + "\n\nMore follows."
    trimmed = WIRE.rsplit("\n\n", 1)[0]  # the last paragraph cut
    kept, folds = fold(WIRE, OTHER, bylined, trimmed)
    assert kept == ["d0", "d1"] and [f[:2] for f in folds] == [("d0", "d2"), ("d0", "d3")]
    assert all(0.7 <= f[2] < 1.0 for f in folds)


def test_different_stories_and_short_look_alikes_stay_apart():
    assert fold(WIRE, OTHER) == (["d0", "d1"], [])
    assert fold("Talks resumed in Istanbul on Tuesday.", "Talks resumed in Istanbul on Wednesday.")[1] == []


def test_a_build_folds_copies_and_keeps_their_urls(tmp_path, nlp):
    import graph

    lines = [{"id": "wire", "text": WIRE, "url": "https://wire.example/talks", "date": "2022-03-30"},
             {"id": "copy", "text": "Reuters\n\n" + WIRE, "url": "https://paper.example/talks", "date": "2022-03-30"},
             {"id": "grain", "text": OTHER, "url": "https://harbour.example/grain", "date": "2022-11-17"}]
    (tmp_path / "news.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines))
    kg = graph.build(tmp_path)
    assert kg.count_documents() == 2 and kg.counts["folded"] == 1
    docs = kg.documents().set_index("id")
    assert docs.loc["wire", "url"] == "https://wire.example/talks"
    assert docs.loc["wire", "urls"] == "https://paper.example/talks; https://wire.example/talks"
    assert (docs.loc["wire", "copies"], docs.loc["grain", "copies"]) == (1, 0)
    assert list(docs["date_source"]) == ["document", "document"] and list(docs["language"]) == [None, None]
    from graph.rdf.validate import validate

    report = validate(kg.dataset)
    assert not [r for r in report.results.to_dict("records") if "doc/" in str(r.get("focus", r))], report.results


@pytest.mark.parametrize("text", [WIRE, OTHER, "one two three four five six", WIRE.upper() + " " + OTHER])
def test_signatures_are_datasketchs(text):
    """The signature is datasketch's MinHash(num_perm=128, seed=1) of the same shingles, value for value."""
    from datasketch import MinHash

    words = [w.lower() for w in _WORD.findall(text)]
    reference = MinHash(num_perm=NUM_PERM, seed=1)
    reference.update_batch([" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)])
    assert signature(words).tolist() == reference.hashvalues.tolist()


def test_band_layout_is_datasketchs():
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    assert (BANDS, ROWS) == (lsh.b, lsh.r)


def test_candidates_are_datasketchs():
    """The index finds as candidates exactly the documents datasketch's LSH returns."""
    from datasketch import MinHash, MinHashLSH

    texts = [WIRE, OTHER, "By Staff\n\n" + WIRE, WIRE.rsplit("\n\n", 2)[0], OTHER.replace("Thursday", "Friday")]
    lsh, index = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM), CopyIndex()
    for i, text in enumerate(texts):
        words = [w.lower() for w in _WORD.findall(text)]
        sig = signature(words)
        reference = MinHash(num_perm=NUM_PERM, seed=1, hashvalues=sig, scheme="affine32")
        found = index.original_of(Document(id=f"d{i}", text=text))
        expected = sorted(lsh.query(reference))
        best = max(((float(np.mean(index.signatures[k] == sig)), k) for k in expected), default=None)
        assert found == ((best[1], round(best[0], 3)) if best and best[0] >= THRESHOLD else None)
        if found is None:
            lsh.insert(f"d{i}", reference)
