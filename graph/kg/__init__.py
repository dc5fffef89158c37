"""The knowledge graph: :class:`KnowledgeGraph` (write path, SPARQL, files), its cached tables
(:mod:`.tables`) and its entity network (:mod:`.network`). No spaCy here."""
from .graph import KnowledgeGraph, jsonld_context
from .tables import EVENT_COLUMNS, ENTITY_COLUMNS, Tables

__all__ = ["ENTITY_COLUMNS", "EVENT_COLUMNS", "KnowledgeGraph", "Tables", "jsonld_context"]
