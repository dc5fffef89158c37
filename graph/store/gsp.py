"""A SPARQL 1.1 Graph Store Protocol server as the place a build also sends its named graphs."""
from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from typing import Iterable, Mapping

from rdflib import Graph, URIRef

from .backends import StoreError


class GraphStoreClient:
    """A SPARQL 1.1 Graph Store Protocol endpoint (``.../store`` on Oxigraph), by indirect graph IRI.

    PUT replaces a named graph, so sending a document again replaces its earlier version.
    """

    def __init__(self, url: str, *, timeout: float = 30.0) -> None:
        if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
            raise StoreError(f"{url}: not an http(s) URL")
        self.url = url
        self.timeout = timeout

    def _request(self, method: str, graph: str, data: bytes | None = None,
                 headers: Mapping[str, str] | None = None) -> bytes:
        sep = "&" if "?" in self.url else "?"
        url = f"{self.url}{sep}{urllib.parse.urlencode({'graph': graph})}"
        req = urllib.request.Request(url, data=data, method=method, headers=dict(headers or {}))
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                return resp.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace").strip().splitlines()[:1]
            raise StoreError(f"{method} {url}: HTTP {exc.code} {' '.join(detail)}".rstrip()) from None
        except (urllib.error.URLError, OSError) as exc:
            raise StoreError(f"{method} {url}: {getattr(exc, 'reason', exc)}") from None

    def put(self, graph: Graph) -> None:
        """Replace the named graph ``graph.identifier`` on the server with ``graph``."""
        self._request("PUT", str(graph.identifier), graph.serialize(format="nt", encoding="utf-8"),
                      {"Content-Type": "application/n-triples"})

    def put_all(self, graphs: Iterable[Graph]) -> int:
        """Send each named graph; returns how many were sent."""
        n = 0
        for g in graphs:
            self.put(g)
            n += 1
        return n

    def get(self, name: str) -> Graph:
        body = self._request("GET", name, headers={"Accept": "application/n-triples"})
        return Graph(identifier=URIRef(name)).parse(data=body, format="nt")

    def delete(self, name: str) -> None:
        self._request("DELETE", name)
