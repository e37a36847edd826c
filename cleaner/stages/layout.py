"""Lay out the clean text: one paragraph per line, ending in one newline."""

from ..document import Document


def layout(doc: Document) -> str:
    return "".join(line.text + "\n" for line in doc.lines)
