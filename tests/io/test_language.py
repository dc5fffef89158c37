"""Language from function words: clear on a paragraph, undecided on a line."""
from __future__ import annotations

import pytest

from graph.io.language import detect, primary


@pytest.mark.parametrize("text, lang", [
    ("Russia said it would reduce its military activity near Kyiv and Chernihiv, and the talks were "
     "expected to resume on Wednesday, according to the Turkish foreign ministry, which has offered to host "
     "a meeting of the two foreign ministers that would be the first of its kind.", "en"),
    ("Die Verhandlungen wurden am Dienstag in Istanbul fortgesetzt, und die Delegation sagte, dass sie mit "
     "dem Ergebnis nicht zufrieden sei, weil die russische Seite auf ihren Forderungen bestehe und auch "
     "keine Zugeständnisse mache, die für die Ukraine wichtig sind.", "de"),
    ("Les négociations ont repris mardi à Istanbul et la délégation ukrainienne a déclaré que les "
     "discussions avec la Russie sont difficiles, mais que des progrès ont été faits sur plusieurs points "
     "pour la sécurité du pays et des garanties dans cette région.", "fr"),
    ("Talks resume in Istanbul.", None),
])
def test_detect(text, lang):
    assert detect(text) == lang


@pytest.mark.parametrize("tag, code", [("en-GB", "en"), ("de_DE", "de"), ("", None), (None, None), ("x1", None)])
def test_primary_subtag(tag, code):
    assert primary(tag) == code
