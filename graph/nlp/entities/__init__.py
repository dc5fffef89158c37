"""Entities: the ``etkg_gazetteer`` and ``etkg_entities`` components and the rules they use
(gazetteer, aliases, metonymy, credits)."""
from .gazetteer import GazetteerError, GazetteerMatcher
from .resolver import EntityResolver

__all__ = ["EntityResolver", "GazetteerError", "GazetteerMatcher"]
