"""Cross-document identity, read from and written to the graph (no spaCy): the same person or
company named differently by two articles (``etkg:sameEntity``) and the same event reported by
two articles (``etkg:sameEvent``), and an analyst's merges across documents (``etkg:mergedInto``)."""
from .entities import entity_links
from .events import same_event_links
from .merges import merge_links

__all__ = ["entity_links", "merge_links", "same_event_links"]
