"""The built-in gazetteer's cache: written on first use, read back equal, rebuilt when unusable."""
from __future__ import annotations

import pytest

from graph.nlp.entities import gazetteer


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("ETKG_CACHE", str(tmp_path))
    gazetteer.builtin.cache_clear()
    yield tmp_path
    gazetteer.builtin.cache_clear()


def test_cache_round_trip_and_rebuild(fresh_cache):
    built = gazetteer.builtin()
    (cached,) = fresh_cache.glob("gazetteer-*.pickle")
    assert cached.name == f"gazetteer-{gazetteer._fingerprint()}.pickle"
    gazetteer.builtin.cache_clear()
    again = gazetteer.builtin()
    assert again == built and again is not built
    assert again.entries["country/ukraine"].kind == "country"
    cached.write_bytes(b"not a pickle")  # a damaged cache costs a rebuild, never an error
    gazetteer.builtin.cache_clear()
    assert gazetteer.builtin() == built
    gazetteer.builtin.cache_clear()
    assert gazetteer.builtin() == built  # and the rebuilt file is good again
