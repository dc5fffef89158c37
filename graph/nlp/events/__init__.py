"""Events: the ``etkg_events`` component and its rules (triggers and lexicon, arguments,
modality, time anchors, coreference, labels)."""
from .extractor import EventExtractor

__all__ = ["EventExtractor"]
