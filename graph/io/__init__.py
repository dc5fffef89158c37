"""Documents in, files out: reading articles from files, folders and globs, and writing output
files atomically."""
from .documents import InputError, Skipped, parse_date, read_documents

__all__ = ["InputError", "Skipped", "parse_date", "read_documents"]
