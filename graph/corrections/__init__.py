"""Analyst corrections kept as data and re-applied at every build (no spaCy).

An analyst fixes what the machine read once, in a CSV beside the corpus, and every later build,
append or store run applies the same file again:

    action,subject,value,note
    merge,Kremlin,Russia,the Kremlin stands for the Russian state here
    rename,person/putin,Vladimir Putin,
    retype,Bucha,city,a town near Kyiv
    drop,Credit,,photo credit read as an entity
    drop-event,Istanbul talks @ 001_kyiv_withdrawal,,a spokesman's summary of the talks
    retype-event,https://w3id.org/etkg/id/event/001_kyiv_withdrawal/ev-1c8207364d0a74d9,ASSAULT,
    alias,Volodymyr Zelenskyy,Zelensky,
    split,Ford,Gerald,the president, not the company

The format is stable (the views' "mark as wrong / same as / retype" actions write these lines):
UTF-8, a header ``action,subject,value,note``, one correction per row, blank lines and rows whose
action starts with ``#`` ignored. A *subject* (and a merge *value*) names an entity by its name or
one of its aliases (case and spacing ignored), its id (``country/russia``, as ``etkg extract``
prints it) or its IRI; an event by its IRI, its id, its label (in every document) or
``label @ document-id``. Actions:

- ``merge``: subject is the same as value, the canonical one. In a document that has both, the
  subject is folded into the value (mentions, aliases, participants, attributions); elsewhere the
  graph gets an analyst link ``subject etkg:mergedInto value`` that wins over the machine's
  ``etkg:sameEntity`` links (which stay, so both are visible).
- ``split``: the subject's name covers two referents; in a document whose id is value, or whose
  text has value as a word, the entity is the second referent (id ``<id>-<value>``).
- ``rename``: the entity's label becomes value (the old name stays an alias; the id does not move).
- ``retype``: its kind becomes value (one of :data:`graph.records.KINDS`); its id ``<kind>/<name>``
  changes with it, and so do its mentions, participations, attributions and links.
- ``drop``: not an entity of any story; its mentions stay text, its participations go.
- ``alias``: value is another name of subject.
- ``drop-event`` / ``retype-event``: the event is wrong / has PLOVER type value.

Rows apply in file order, each to the result of the rows above it, to each document's records
after extraction and before RDF (:func:`apply_corrections`: an Extraction in, a new Extraction
out, the machine's left untouched), so the same input and the same file give the same graph byte
for byte, and applying twice is applying once. Bad rows (an unknown action, a missing or invalid
value, a merge cycle, a malformed line) are refused one line each, naming file and row; the other
rows still apply. A row that matches nothing is reported (``kg.corrections()``), not refused: a
mistake the extractor no longer makes leaves its row behind, and that is no error.

Why records, and how the graph stays honest (:mod:`graph.rdf.build`): each document's named graph
holds the corrected records, and every statement a correction changed is reified
(``rdf:Statement``) with PROV: the analyst's statement ``prov:wasAttributedTo`` the corrections
file, ``prov:wasGeneratedBy`` its row (an ``etkg:Correction`` with action, subject, value and
note) and ``prov:wasRevisionOf`` the machine's statement it replaces, itself reified as generated
by the document's extraction (or ``prov:wasInvalidatedBy`` the row, for what was dropped). So the
machine's graph of a document is always recoverable from the corrected one (take the analyst's
statements out, put the machine's back: :func:`graph.rdf.revisions.machine_triples`), its records
read back from that (:func:`graph.rdf.read.read_extraction`), and a store corrected again, with
this file or another, without parsing any text (:meth:`graph.kg.KnowledgeGraph.apply_corrections`,
which rewrites only the documents whose graph changes). The views count an entity by its
analyst's ``etkg:mergedInto`` link before the machine's ``etkg:sameEntity`` ones.
"""
from .apply import Change, apply_corrections
from .table import ACTIONS, Correction, Corrections, CorrectionsError, read_corrections

__all__ = ["ACTIONS", "Change", "Correction", "Corrections", "CorrectionsError", "apply_corrections",
           "read_corrections"]
