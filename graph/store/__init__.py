"""Where a graph lives: an rdflib Dataset in memory, an embedded Oxigraph store (in memory or on
disk), or a SPARQL 1.1 Graph Store Protocol server. Backends hold named graphs of RDF terms and
answer SPARQL; they know nothing of how the triples were made."""
from .backends import Backend, MemoryBackend, NamedTriples, OxigraphBackend, Rows, StoreError, bind_values
from .gsp import GraphStoreClient

__all__ = ["Backend", "GraphStoreClient", "MemoryBackend", "NamedTriples", "OxigraphBackend", "Rows",
           "StoreError", "bind_values"]
