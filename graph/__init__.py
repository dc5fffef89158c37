"""etkg: event-timeline knowledge graphs from news articles.

>>> import graph
>>> kg = graph.build("seeds")          # doctest: +SKIP
>>> kg.timeline("Volodymyr Zelenskyy")  # doctest: +SKIP
"""
from .api import build, build_documents, load
from .kg import KnowledgeGraph

__all__ = ["KnowledgeGraph", "build", "build_documents", "load"]
