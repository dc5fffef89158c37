"""Records -> RDF: the vocabularies (``namespace``), one named graph of triples per document
(``build``), and SHACL validation against the project's shapes (``validate``)."""
