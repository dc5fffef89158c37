"""The NLP room, the only part of etkg that imports spaCy: the pipeline and its components.

``entities``, ``timex`` and ``events`` are spaCy components registered by name (``etkg_*``);
``pipeline`` builds the ``nlp`` object and turns processed Docs into records; ``engine`` runs it
in this process, in worker processes or on Dask.
"""
from spacy.tokens import Doc

# The publication date (ISO string, so that it survives multiprocessing) travels on the Doc
# so that every component can resolve against it.
if not Doc.has_extension("dct"):
    Doc.set_extension("dct", default=None)
