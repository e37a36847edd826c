"""Every threshold in one immutable object, with its unit and the reason for its value."""

import math
from dataclasses import dataclass, fields
from typing import Any

from .patterns import DEFAULT_TIMEOUT_S


@dataclass(frozen=True)
class Options:
    # Larger inputs are refused rather than risk a worker's memory: 20 MB of text is
    # ~3 million words, far beyond any article.
    max_input_bytes: int = 20_000_000
    # HTML longer than this (in characters, its scripts and styles dropped) is refused: lxml's
    # tree and trafilatura's copies of it take 20-100 times a page's size (~90 MB at this
    # limit), where 20 MB of markup would take ~1 GB. Of 3,069 benchmark pages the largest
    # has 870,000 characters left, 99% under 350,000.
    max_html_chars: int = 2_000_000
    # More lines than this and a document is refused before its lines are made: an article
    # has hundreds. Each line costs ~400 bytes of bookkeeping while it is cleaned, so this
    # keeps that under 2x max_input_bytes (2 MB of one-letter lines, 10^6 of them, took
    # 296 MB and 30 s); the stages' time grows with the lines too (50,000 take ~4 s).
    max_lines: int = 50_000
    # A longer line and a document is refused: a paragraph has a few thousand characters.
    # The stages list a long line's words a slice at a time (cleaner/slices.py), so a line at
    # this limit takes ~5 MB; the limit bounds the time each rule pattern spends on one line.
    max_line_chars: int = 2_000_000
    # Seconds one document may take to clean, HTML extraction included (None: no limit). A
    # news page takes ~10 ms and a 1 MB text ~2 s; a page past this is pathological, and in a
    # batch it must not hold up a worker. Enforced in the main thread only (cleaner/deadline.py).
    doc_time_limit_s: float | None = 10.0
    # Seconds one rule pattern may run on one line before RuleTimeout.
    rule_timeout_s: float = DEFAULT_TIMEOUT_S
    # Characters of text given to langdetect: 2,000 decide the language of every seed and
    # bound its cost on long documents.
    lang_sample_chars: int = 2_000
    # Fewer letters than this and langdetect guesses; the language is left unknown.
    lang_min_letters: int = 40
    # Lines whose word sets overlap at least this much (Jaccard) are near-duplicates.
    near_duplicate_jaccard: float = 0.9
    # Lines shorter than this (in words) are only removed as exact duplicates: short lines
    # ("Yes.", "Q:") legitimately repeat in interviews and lists.
    near_duplicate_min_words: int = 8
    # Exact duplicates shorter than this (in characters) are kept for the same reason.
    duplicate_min_chars: int = 20
    # A caption is a short line: credit-ending lines longer than this (words) are text.
    caption_max_words: int = 60
    # Repair glued tokens ("Putinin June"); off leaves the words as scraped.
    repair_glue: bool = True
    # Repair glue in the text cleaner extracts from HTML too. Off by default: the extractor
    # puts the page's blocks on lines of their own, so glue left there is the page's own
    # spelling. On cleaneval's and dragnet's HTML, 413 of the stage's 656 splits were of words
    # the annotators' text shows glued as the page does ("holes.Located", "Waterboat") and 34
    # of words it shows apart; off, F1 moves by +0.0003 and a page takes ~6 ms less.
    repair_glue_html: bool = False
    # Run ftfy on each line (mojibake, control characters).
    repair_encoding: bool = True
    # Drop the lines the learned line model scores as noise (cleaner/models/line_model.json;
    # its threshold is in the model file, chosen for safety). Off by default: at that threshold
    # it moves out-of-fold page F1 by at most 0.003 and costs 6-25 ms a page (docs/line-model.md).
    line_model: bool = False
    # Drop the page chrome outside the article's span in text that is a whole page or a
    # careless scrape (stages/article_span.py; docs/article-span.md); off keeps what the
    # rules and the other heuristics keep.
    article_span: bool = True
    # Drop a readers' comment thread in text input: one its posts' headers show (stages/comments.py)
    # and one that follows the article's prose under a comments heading (stages/article_span.py;
    # the HTML path's extractor leaves comments out by the page's markup). On by default:
    # cleaner's text is the article; off keeps a forum's or a blog's discussion.
    comment_threads: bool = True

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))


# Options that take None for "no limit".
MAY_BE_NONE = frozenset({"doc_time_limit_s"})


def value_problem(name: str, value: Any) -> str | None:
    """What is wrong with `value` for the option `name`, or None: a switch takes True or
    False (or 1 or 0), a count a whole number >= 0, a share or a time a finite number >= 0."""
    default = next(f.default for f in fields(Options) if f.name == name)
    if value is None:
        return None if name in MAY_BE_NONE else "expected a value, got None"
    if isinstance(default, bool):  # 0 and 1 too, as bench/quality.py's --option gives them
        fits = isinstance(value, int) and value in (0, 1)
        return None if fits else f"expected True or False, got {value!r}"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"expected a number, got {value!r}"
    if isinstance(default, int) and not isinstance(value, int):
        return f"expected a whole number, got {value!r}"
    if not math.isfinite(value) or value < 0:
        return f"expected a number >= 0, got {value!r}"
    return None
