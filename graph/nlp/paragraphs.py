"""Paragraph boundaries as sentence boundaries: a blank line ends a sentence.

The statistical parser sometimes joins a paragraph to the next one; news paragraphs never share a
sentence, and a parse that crosses them misattributes speakers and dates.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("etkg_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    """Start a sentence at the first token after a line break (add before the parser)."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            if not tok.is_space:
                tok.is_sent_start = True
    return doc
