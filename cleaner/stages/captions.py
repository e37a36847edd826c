"""Image captions and photo credits: short lines that end in (or are) a credit, bracketed,
labelled ("Foto: dpa") or bare after the caption's last sentence ("... pasado. EFE").

The credit names ("AFP", "Reuters", "Getty Images") and labels ("Photo", "Foto") are data,
declared under `credits:` and `credit_labels:` in rule files.
"""

from dataclasses import dataclass

import regex

from ..document import Document, RuleInfo
from ..prefilter import Prefilter
from ..slices import word_count

RULE_TAIL = "caption.credit"
RULE_LINE = "caption.credit-line"
# A caption ending in a bare credit after its sentence is at most this many words: captions run
# to ~20, and a wire story's paragraph is longer.
BARE_TAIL_MAX_WORDS = 25
# A bare credit may name the photographer after a slash, as the wires print it
# ("REUTERS/Evgenia Novozhenina/File Photo"): capitalised names, nothing else.
PHOTOGRAPHER = regex.compile(r"(?:/\s*\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}){1,2}")


@dataclass(frozen=True)
class CaptionPatterns:
    tail: regex.Pattern[str]  # a caption that ends in a credit
    whole: regex.Pattern[str]  # a line that is nothing but a credit
    names: frozenset[str]  # the credit names, case-folded: a bare credit after a sentence
    prefilter: Prefilter  # which of (whole, tail) could match a line, in one RE2 pass


def caption_patterns(credits, labels) -> CaptionPatterns | None:
    """Compile the caption patterns from the credit names and labels of the rule sets."""
    if not credits:
        return None
    names = "|".join(regex.escape(c) for c in sorted(set(credits), key=len, reverse=True))
    label = (
        "|".join(regex.escape(lb) for lb in sorted(set(labels), key=len, reverse=True)) or "(?!)"
    )
    credit_text = r"(?:[^.!?\n]|\.(?=\S))"  # no sentence end; dots inside "stock.adobe.com" pass
    credit = rf"(?:{label})?\s*(?:by|:)?\s*(?:[^()\n]{{0,40}}[/,;]\s*)?(?:{names})\b[^()\n]{{0,40}}"
    tail = (
        rf"(?:\(\s*(?:©\s*)?{credit}\)|(?:{label})\s*(?:credit\s*)?[:/]\s*{credit_text}{{2,60}}"
        rf"|©\s*{credit_text}{{1,60}})\s*\.?$"
    )
    # After a label, the photographer may come first: "Photo by Jane Doe on Unsplash".
    labelled = (
        rf"(?:{label})\s*(?:credit\s*)?(?:by|:|/)?\s*(?:[^()\n]{{0,40}}(?:[/,;]|\s(?:on|via))\s*)?"
    )
    whole = (
        rf"^\(?\s*(?:©\s*)?(?:{labelled}|(?:[^()\n]{{0,40}}[/,;]\s*)?)"
        rf"(?:{names})\b[^()\n.!?]{{0,40}}\)?\.?$"
    )
    tail, whole = f"(?i){tail}", f"(?i){whole}"
    return CaptionPatterns(
        regex.compile(tail),
        regex.compile(whole),
        frozenset(c.casefold() for c in credits),
        Prefilter([whole, tail]),
    )


def drop_captions(doc: Document, patterns: CaptionPatterns | None, max_words: int) -> Document:
    """Drop caption lines ending in a credit, and lines that are only a credit."""
    if patterns is None:
        return doc
    candidates = {id(line): patterns.prefilter.candidates(line.text) for line in doc.lines}
    whole = [
        line
        for line in doc.lines
        if not line.protected_by and 0 in candidates[id(line)] and patterns.whole.search(line.text)
    ]
    if whole:
        doc.drop(whole, RULE_LINE, "credit")
    tails = [
        (line, f"ends in the credit {credit!r}")
        for line in doc.lines
        if not line.protected_by
        and word_count(line.text) <= max_words
        and (credit := caption_credit(line.text, patterns, 1 in candidates[id(line)]))
    ]
    doc.drop_each(tails, RULE_TAIL, "caption")
    return doc


def caption_credit(text: str, patterns: CaptionPatterns, may_match_tail: bool) -> str:
    """The credit a caption ends in ("Photo: Reuters"), or "" if it ends in none."""
    found = patterns.tail.search(text) if may_match_tail else None
    if found:
        return found[0].strip()
    bare = ends_in_bare_credit(text, patterns.names)
    return text.rstrip().rpartition(". ")[2].strip() if bare else ""


def ends_in_bare_credit(text: str, names: frozenset[str]) -> bool:
    """A short caption whose last sentence is followed by a credit name alone ("Un grupo de
    pingüinos, en la Antártida el 11 de febrero pasado. EFE"), perhaps with its photographer
    ("... in Kharkiv, Ukraine, on May 26, 2024. REUTERS/Vyacheslav Madiyevskyy")."""
    _, sep, last = text.rstrip().rpartition(". ")
    name, slash, photographer = last.strip().partition("/")
    return (
        bool(sep)
        and len(text.split()) <= BARE_TAIL_MAX_WORDS
        and name.strip().casefold() in names
        and (not slash or bool(PHOTOGRAPHER.fullmatch(slash + photographer)))
    )


class CaptionDropper:
    """Stage: captions and credits, with the credit names of the generic rule sets and of the
    document's outlet (patterns compiled once per outlet)."""

    name = "captions"
    rule_ids = (
        RuleInfo(RULE_LINE, "credit", "a line that is only a photo credit"),
        RuleInfo(RULE_TAIL, "caption", "a short caption ending in a photo credit"),
    )

    def __init__(self, catalog, max_words: int):
        self.max_words = max_words
        self.patterns = catalog.per_outlet(
            lambda outlet: caption_patterns(
                catalog.word_list("credits", outlet), catalog.word_list("credit_labels", outlet)
            )
        )

    def __call__(self, doc: Document) -> None:
        drop_captions(doc, self.patterns[doc.outlet], self.max_words)
