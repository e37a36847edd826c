"""Lay out the clean text: one paragraph per line, ending in one newline."""

from ..document import Document


def layout(doc: Document) -> str:
    # one join, with an empty last piece for the final newline: no copy of a line is made,
    # so the text costs its own size once (a document near the input limit is large)
    return "\n".join([*(line.text for line in doc.lines), ""])
