"""Documents in, files out: reading articles (text, JSON, web pages, WARC, feeds) from files,
folders and globs, folding syndicated copies, and writing output files atomically."""
from .base import InputError, ReadCounts, Skipped, parse_date
from .documents import read_documents

__all__ = ["InputError", "ReadCounts", "Skipped", "parse_date", "read_documents"]
