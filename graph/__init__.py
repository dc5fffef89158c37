"""etkg: event-timeline knowledge graphs from news articles.

>>> import graph
>>> kg = graph.build("seeds")          # doctest: +SKIP
>>> kg.timeline("Volodymyr Zelenskyy")  # doctest: +SKIP

The names below load on first use (PEP 562), so ``import graph`` and ``graph.load()`` never
import spaCy: only building from text does.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .api import build, build_documents, load, open_store
    from .kg import KnowledgeGraph

_EXPORTS = {"build": "api", "build_documents": "api", "load": "api", "open_store": "api",
            "KnowledgeGraph": "kg"}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
