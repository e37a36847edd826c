"""A readers' comment's header, for the comments module: a short line that signs a post with a
date or time, or "... said,", and its shape, the same for every post of a thread."""

import regex

from ..document import Line, Removal
from ..slices import word_count
from .stamps import DATED, MAY_BE_STAMPED, STAMP

# A header is short: a name, a date, a time, a reply link.
HEADER_MAX_WORDS = 20
# A header with no stamp names its writer so ("by mcgrew (92797) writes:", "Kevin said,"); "X
# said:" and "X wrote:" open a quote of an earlier post inside a forum's post, the content.
SIGNED = regex.compile(r"(?i)\b(?:(?:says|writes)\s*:|said\s*,)\s*$")
# A line opening with a dash attributes the quote above it: an embedded tweet's "— Carline
# Mohr (@Mohrenpost) 27. August 2018", a blockquote's source. Such quotes are the article's.
ATTRIBUTION = regex.compile(r"^\s*[-–—―]")
# A line that counts comments heads a post of a blog, not a comment ("Jimmy M. | November 6,
# 2012 | 0 Comments"): a blog's posts, each under its byline, are no thread.
COMMENTS_COUNTED = regex.compile(
    r"(?i)\b(?:\d+|no)\s+(?:comments?|responses?|replies|kommentare?|comentarios?"
    r"|commentaires?|commenti)\b"
)
# A run of words, a word being letters with figures, dots, apostrophes or hyphens perhaps among
# them ("cayenne8", "K. Orr", "O'Neill"): names differ in these, a header's shape does not.
WORDS = regex.compile(r"\w*\p{L}[\w.'’-]*(?:\s+\w*\p{L}[\w.'’-]*)*")
FIGURES = regex.compile(r"\d+")
SPACE = regex.compile(r"\s+")


def is_header(line: Line | Removal) -> bool:
    """A short line that signs a post: a date or age in it, or "... writes:" or "... said,"
    at its end; not a quote's attribution, nor a blog post's byline with its comment count."""
    text = line.text
    return (
        word_count(text) <= HEADER_MAX_WORDS
        and not ATTRIBUTION.match(text)
        and bool((MAY_BE_STAMPED.search(text) and DATED.search(text)) or SIGNED.search(text))
        and not COMMENTS_COUNTED.search(text)
    )


def header_shape(text: str) -> str:
    """The header's punctuation around its stamps: a run of words becomes "a", a stamp or
    figure "0" ("Anna — July 18th, 2012, 4:09 pm" and "Tristan King — July 10th, 2012,
    10:54 pm" are both "a—0,0")."""
    shape = FIGURES.sub("0", WORDS.sub("a", STAMP.sub("0", text)))
    return SPACE.sub("", shape)


def signer(text: str) -> str:
    """The header without its stamp and figures: the writer's name and the fixed words."""
    return " ".join(FIGURES.sub(" ", STAMP.sub(" ", text)).casefold().split())
