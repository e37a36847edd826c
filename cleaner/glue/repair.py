"""One pass of glue repair over a document: each distinct chunk decided once."""

from collections.abc import Iterable, Iterator, Sequence
from functools import cache, lru_cache
from itertools import islice

from ..dictionary import load_dictionary, words_at_least
from ..document import Document, Edit
from ..slices import SLICE_CHARS, joined_slices
from .candidates import viable_splits
from .context import Context
from .lexicon import GlueLexicon
from .options import GlueOptions
from .punctuation import PUNCT_ANY, punctuation_split
from .scoring import best_split
from .split import EVIDENCE_PUNCT, RULE_PUNCT, Repair
from .tokens import (
    CHUNK,
    MEMO_ENTRIES,
    TOKEN,
    TOKEN_OR_LINE_BREAK,
    UNTOUCHABLE,
    fold,
    lines_tokens,
    possessive_stem,
    token_counts,
    word_core,
    word_zipf,
)

# A document with more distinct chunks that may need a split than this (rare words with a
# viable split, punctuation glue) is left as it is: a pass weighs each, and the pairs of their
# halves grow with them (2,990 lines of 6,500 characters of random words: 190,000 such
# chunks, 980,000 pairs, 400 MB and 35 s a pass). Of the 6,138 benchmark inputs (full page and
# scrape) the most has 2,580 (a page in a language without a dictionary), news ~100.
MAX_LIVE_CHUNKS = 10_000


def repair_pass(doc: Document, lexicon: GlueLexicon, options: GlueOptions) -> bool:
    """One pass over the document; True if it split anything. Each distinct chunk is
    decided once (a document repeats most of them), and only lines holding a repaired
    chunk are rewritten."""
    lines = tuple(line.text for line in doc.lines)  # no pattern here matches across lines
    live = list(islice(live_chunks(lines, doc.lang, options), MAX_LIVE_CHUNKS + 1))
    if not live or len(live) > MAX_LIVE_CHUNKS:
        return False
    context = document_context(doc, lexicon, options, live)
    repairs = {chunk: found for chunk in live if (found := chunk_repair(chunk, context))}
    if not repairs:
        return False
    for line in doc.lines:
        edits = [
            Edit(
                line.number,
                chunk.start() + repair.offset,
                repair.before,
                repair.after,
                repair.rule,
                repair.evidence,
            )
            for chunk in CHUNK.finditer(line.text)
            if (repair := repairs.get(chunk.group()))
        ]
        if edits:
            doc.rewrite(line, edits)
    return True


def live_chunks(lines: Sequence[str], lang: str | None, options: GlueOptions) -> Iterator[str]:
    """The distinct chunks of `lines` a pass must weigh: neither too common to split nor
    inert. A long text is read a slice at a time, so its distinct chunks are never all listed
    (the inert ones are found again from the memo)."""
    common = unsplittable_chunks(lang, options)
    seen: set[str] = set()
    for piece in joined_slices(lines):
        for chunk in set(piece.split()) - common - seen:
            if not inert_chunk(chunk, lang, options):
                seen.add(chunk)
                yield chunk


def document_context(
    doc: Document, lexicon: GlueLexicon, options: GlueOptions, chunks: Iterable[str]
) -> Context:
    """The Context of one pass over `doc` that decides `chunks`."""
    lines = tuple(line.text for line in doc.lines)
    short = sum(map(len, lines)) + len(lines) <= SLICE_CHARS
    tokens = TOKEN_OR_LINE_BREAK.findall("\n".join(lines)) if short else None
    counts = token_counts(tokens if tokens is not None else lines_tokens(lines))
    asked = asked_pairs(chunks, doc.lang, options)
    words = load_dictionary(doc.lang)
    return Context(lines, tokens, counts, asked, lexicon, words, doc.lang, options)


def asked_pairs(
    chunks: Iterable[str], lang: str | None, options: GlueOptions
) -> frozenset[tuple[str, str]]:
    """The halves of every viable split of the words among `chunks`: the only pairs of
    tokens a pass that decides them asks about (Context.seen_together)."""
    return frozenset(
        (left, right)
        for chunk in chunks
        if (core := word_core(chunk)) is not None
        for left, right, _ in viable_splits(core[1], lang, options)
    )


def chunk_repair(text: str, context: Context) -> Repair | None:
    """The Repair of a whitespace-delimited chunk, or None."""
    if inert_chunk(text, context.lang, context.options):
        return None
    core = word_core(text)
    if core is None:  # more than a word: punctuation glue (no URL, number, code...)
        if is_protected(text, context):
            return None
        punct = punctuation_split(text, context.habits)
        return Repair(0, text, punct, RULE_PUNCT, EVIDENCE_PUNCT) if punct else None
    start, token = core
    if context.counts[token] >= context.options.repeated_token or is_protected(token, context):
        return None
    found = best_split(token, context)
    if not found:
        return None
    return Repair(start, token, f"{found.left} {found.right}", found.rule, found.evidence)


@lru_cache(maxsize=MEMO_ENTRIES)  # a memo of a pure function: words recur in every document
def inert_chunk(chunk: str, lang: str | None, options: GlueOptions) -> bool:
    """True where chunk_repair returns None whatever the document: a word with no viable
    split (most words) or too common to split; more than a word, with no punctuation glue
    or with a URL, number or code in it."""
    core = word_core(chunk)
    if core is None:
        return not PUNCT_ANY.search(chunk) or bool(UNTOUCHABLE.search(chunk))
    token = core[1]
    return word_zipf(load_dictionary(lang), token) >= options.unsplittable_zipf or not (
        viable_splits(token, lang, options)
    )


@cache  # a memo of a pure function: one entry per language and options
def unsplittable_chunks(lang: str | None, options: GlueOptions) -> frozenset[str]:
    """Chunks that are one word too common to split (unsplittable_zipf), as running text
    writes it: lower case, capitalised or upper case, with either apostrophe. chunk_repair
    leaves them alone in any document, so a pass sets them aside before deciding anything."""
    if load_dictionary(lang) is None:
        return frozenset()
    forms = set()
    for word in words_at_least(lang, options.unsplittable_zipf):
        for form in {word, word.capitalize(), word.upper()}:
            for spelled in {form, form.replace("'", "’")}:
                if fold(spelled) == word and TOKEN.fullmatch(spelled):
                    forms.add(spelled)
    return frozenset(forms)


def is_protected(text: str, context: Context) -> bool:
    """A protected word (brand casing, a word the dictionary cannot know), bare or with
    surrounding punctuation or a possessive."""
    core = text.strip("\"'()“”‘’„«».,;:!?").casefold()
    protected = context.lexicon.protected
    return core in protected or possessive_stem(core) in protected


def clear_memos() -> None:
    """Forget the per-chunk and per-token verdicts (word_core, inert_chunk, viable_splits),
    as a new worker starts: benchmarks time cold passes with it. They are memos of pure
    functions, so clearing them never changes a result."""
    for memo in (word_core, inert_chunk, viable_splits):
        memo.cache_clear()
