"""A long text in slices cut at white space, so that what is listed word by word (tokens,
chunks, keys, word counts) is listed a slice at a time: such lists cost ~20 bytes a
character, a 2 MB line 40 MB if listed at once."""

import re
from collections.abc import Iterator, Sequence

SLICE_CHARS = 65_536
SLICE_END = re.compile(r"[ \t\n]")


def text_slices(text: str) -> Iterator[str]:
    """`text` in pieces of about SLICE_CHARS, each cut just after a space, tab or newline,
    which no token or chunk spans; a short text is one piece, itself."""
    start = 0
    while len(text) - start > SLICE_CHARS:
        end = start + SLICE_CHARS
        cut = max(
            text.rfind(" ", start, end), text.rfind("\t", start, end), text.rfind("\n", start, end)
        )
        if cut < start:
            found = SLICE_END.search(text, end)
            if found is None:
                break
            cut = found.start()
        yield text[start : cut + 1]
        start = cut + 1
    yield text[start:]


def joined_slices(texts: Sequence[str]) -> Iterator[str]:
    """ "\n".join(texts) in pieces of about SLICE_CHARS or more, each cut at a line break or
    as text_slices cuts a long line, so that a long document is never joined whole (its
    lines would be copied all at once); a short one is one piece, joined."""
    if sum(map(len, texts)) + len(texts) <= SLICE_CHARS:
        yield "\n".join(texts)
        return
    batch: list[str] = []
    size = 0
    for index, text in enumerate(texts):
        if index:
            batch.append("\n")
        if len(text) > SLICE_CHARS:
            if batch:
                yield "".join(batch)
            batch, size = [], 0
            yield from text_slices(text)
            continue
        batch.append(text)
        size += len(text) + 1
        if size >= SLICE_CHARS:
            yield "".join(batch)
            batch, size = [], 0
    if batch:
        yield "".join(batch)


def text_chunks(text: str) -> set[str]:
    """The distinct whitespace-delimited chunks of `text` (set(text.split()))."""
    chunks: set[str] = set()
    for piece in text_slices(text):
        chunks.update(piece.split())
    return chunks


def word_count(text: str) -> int:
    """len(text.split()); a long text counted a slice at a time."""
    if len(text) <= SLICE_CHARS:  # most lines: no generator on this hot path
        return len(text.split())
    return sum(len(piece.split()) for piece in text_slices(text))
