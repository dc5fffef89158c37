"""Legal processes in news copy, on literal sentences: a process an officer of the law speaks of is
that officer's (ACCUSE, CAMEO 11), and "case" names one only when the law's (not a disease's)."""
from __future__ import annotations

import pytest

from sentences import events, roles


@pytest.mark.parametrize("text, actor", [
    ("Ruth Okafor, a detective with the Lagos police, said the case is still open.", "Ruth Okafor"),
    ('"This is an investigation that is only beginning," District Attorney Maria Lopez said.', "Maria Lopez"),
    ("District Attorney Maria Lopez said the investigation of the fire began in March.", "Maria Lopez"),
])
def test_a_legal_process_an_officer_of_the_law_speaks_of_is_the_officers(nlp, text, actor):
    evs, names = events(nlp, text)
    accused = [e for e in evs if e.type == "ACCUSE"]
    assert len(accused) == 1, [(e.type, e.label) for e in evs]
    assert (actor, "actor") in roles(accused[0], names)


@pytest.mark.parametrize("text, target", [
    ("Detective Sergeant Ruth Okafor said the case against Peter Smith is still open.", "Peter Smith"),
    ("Prosecutors in Texas filed a criminal case against Peter Smith.", "Peter Smith"),
])
def test_a_case_against_someone_is_an_accusation_of_them(nlp, text, target):
    evs, names = events(nlp, text)
    assert [(e.type, (target, "target") in roles(e, names)) for e in evs if e.type != "OTHER"] == [("ACCUSE", True)]


@pytest.mark.parametrize("text", [
    "Mayor John Smith said the case was the first in the county.",
    '"This is the third case of measles this year," said Ruth Okafor, a police spokeswoman.',
    '"They are probably involved in this case," District Attorney Maria Lopez said.',
])
def test_a_case_not_the_laws_is_no_event(nlp, text):
    """A case of a disease, an instance, or "in this case": nobody accuses anybody."""
    evs, _ = events(nlp, text)
    assert [e.type for e in evs if e.trigger.text == "case"] == []
