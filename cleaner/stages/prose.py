"""Line shapes the sections stage reads: a sentence, a paragraph hard-wrapped over several
lines, and an item of an article's own data list (quantities, prices, figures, steps).

The section heuristics drop the short lines around removed furniture; these predicates say
which of those lines are the article's own text all the same.
"""

import re
from functools import lru_cache
from itertools import pairwise

import regex

from ..document import Line
from ..slices import word_count

# A sentence has at least this many words and ends like one ("Read more." is not prose).
PROSE_MIN_WORDS = 6
# A line this long (words) is prose even without final punctuation.
PROSE_ANY_WORDS = 25
# The article's first paragraph is a prose line at least this long (see first_paragraph).
ARTICLE_PARAGRAPH_MIN_WORDS = 20
# Scripts written without spaces: a "word" there is a whole sentence.
CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}]")
SENTENCE_MARKS = ".!?…;"
CLOSERS = "\"'”’»«)]"  # quotes and brackets that may follow a sentence's mark
SENTENCE_END = regex.compile(f"[{regex.escape(SENTENCE_MARKS)}][{regex.escape(CLOSERS)}]*$")
# A hard-wrapped paragraph ends as a sentence does, or with the colon that opens a list or quote.
PARAGRAPH_END = regex.compile(r"[.!?…;:][\"'”’»«)\]]*$")
# A line ending so goes on on the next line: a comma, or a word hyphenated at the break.
CONTINUES = regex.compile(r"(?:,|\p{L}-)$")
# At least this share of a wrapped paragraph's breaks must fall mid-sentence (see reads_on): in
# cleaneval's gold text 89% do (measured); a headline list's items start anew, nearly none do.
WRAP_MIN_GOING_ON = 0.5
# A wrapped run this many lines long is a paragraph even when its last line lacks the end mark
# (cut short, or the mark lost with markup): two breaks that read on vouch for it. On
# cleaneval's gold text this keeps 3,900 tokens after-furniture took; allowing two lines kept
# only 80 more, on the evidence of a single break.
WRAP_UNENDED_MIN_LINES = 3
# Items set apart by bars or dots ("Privacy Policy | Terms of Service | Site Map"): a link bar,
# whose line a wrap never cut from a paragraph, however long it is.
ITEM_SEPARATOR = regex.compile(r"\s[|•·]\s")
LINK_BAR_MIN_SEPARATORS = 2
# An item of a bulleted or numbered list.
LIST_ITEM = regex.compile(r"^\s*(?:[-–•*·▪►]|\d{1,2}[.)])\s")
STATEMENT_END = regex.compile(r"[.…;][\"'”’»«)\]]*$")
# A teaser excerpt cut short by the page at a character count: an ellipsis right after a
# letter, often mid-word ("... auf Gedeih un...", "Die neuen…"); "verlangt …" may be a headline.
TRUNCATED = regex.compile(r"[\p{L}\d-](?:…|\.\.\.)[\"'”’»«)\]]*$")

# Units written after a figure: SI and metric symbols (the same in every language), percent
# and degrees, and the kitchen and imperial measures recipes and specifications use. A figure
# with a unit is a quantity, which a headline rarely is and an ingredient or spec always is.
UNITS = (
    "mg",
    "g",
    "kg",
    "t",
    "ml",
    "cl",
    "dl",
    "l",
    "mm",
    "cm",
    "m",
    "km",
    "m²",
    "m2",
    "km²",
    "ha",
    "s",
    "ms",
    "min",
    "h",
    "mph",
    "km/h",
    "kmh",
    "kw",
    "kW",
    "w",
    "W",
    "kWh",
    "V",
    "mAh",
    "Hz",
    "MHz",
    "GHz",
    "kb",
    "KB",
    "MB",
    "GB",
    "TB",
    "Mbps",
    "Gbps",
    "px",
    "dpi",
    "mp",
    "MP",
    "%",
    "°",
    "°C",
    "°F",
    "oz",
    "lb",
    "lbs",
    "ft",
    "yd",
    "mi",
    "gal",
    "qt",
    "pt",
    "cup",
    "cups",
    "tbsp",
    "tsp",
    "EL",
    "TL",
    "Tl",
    "St.",
    "Stk",
    "Prise",
    "pinch",
)
FIGURE = r"(?:\d+(?:[.,]\d+)*(?:\s?[-–/]\s?\d+(?:[.,]\d+)*)?|[½¼¾⅓⅔⅛])"
QUANTITY = regex.compile(
    rf"(?<![\p{{L}}\d]){FIGURE}\s?(?:{'|'.join(regex.escape(unit) for unit in UNITS)})"
    r"(?![\p{L}\d])"
)
# (the standard library's engine: \d is \p{Nd} in both, and it is twice as fast on a class)
HAS_FIGURE = re.compile(r"[\d½¼¾⅓⅔⅛]")
# A price: a figure next to a currency sign (Unicode category Sc: $ € £ ¥ ₹ ...).
PRICE = regex.compile(r"\p{Sc}\s?\d|\d\s?\p{Sc}")
UNIT_WORDS = frozenset(UNITS)
# A line with a quantity or price is a data item when at least this share of its words are
# figures or units ("250 g Erdbeeren", "Rates: 9 holes $15.00 18 holes $26.00"); a headline
# that quotes a sum is mostly words ("Online poker duo settle for $731m" is two in seven).
DATA_MIN_FIGURE_SHARE = 1 / 3
# A field "Label: value" of a data list ("Biceps sum: 68 to 68,5", "Gewicht: 1,2 kg"): a label
# of at most this many words before the colon ...
FIELD_LABEL_MAX_WORDS = 4
# (a label holds no brackets: "Human Evolution (Score: 2)" is a comment's title and score).
FIELD = regex.compile(r"^[^:()\[\]]{1,40}:\s+(\S.*)$")
FIELD_COLON_END = 41  # FIELD's colon stands at index 1 to 40: a line without one is no field
# A clock time makes a field a stamp ("Date: 10 Jul 2012 20:22:52"), not data.
CLOCK_TIME = regex.compile(r"\d{1,2}:\d{2}")
# ... and a value of which more than this share of the words are figures; a headline or a
# comment's score carries words ("Video: 3 dead in crash", "Score: 4, Funny").
FIELD_MIN_FIGURE_SHARE = 0.5
# A numbered step ("1. Preheat the oven.", "2) Stir well."): a step number, and the line ends
# as a statement does; a numbered headline in a most-read list does not stop.
STEP_NUMBER = regex.compile(r"^\s*(?:\d{1,2}[.)]|[-–•*]\s*\d{1,2}[.)])\s+\S")


def is_free(line: Line, own: frozenset[int]) -> bool:
    """Neither protected by a rule nor one of the article's `own` lines (its positions)."""
    return not line.protected_by and line.position not in own


def is_prose(text: str) -> bool:
    """A sentence: enough words and a sentence end, or simply long."""
    return reads_as_prose(word_count(text), text)


def reads_as_prose(words: int, text: str) -> bool:
    """`words` words make prose: PROSE_ANY_WORDS of them, or PROSE_MIN_WORDS and `text`
    (the prose's end) ending a sentence."""
    return words >= PROSE_ANY_WORDS or (
        words >= PROSE_MIN_WORDS and bool(SENTENCE_END.search(text))
    )


def lines_are_prose(lines: list[Line]) -> bool:
    """is_prose of the lines joined by spaces, not joined: a run may be a whole long text."""
    return reads_as_prose(sum(word_count(line.text) for line in lines), lines[-1].text)


def first_paragraph(lines: list[Line]) -> int | None:
    """Index in `lines` of the article's first paragraph, a prose line of at least
    ARTICLE_PARAGRAPH_MIN_WORDS words (menus, bylines and dates stand before it); None if
    there is none."""
    return next(
        (
            index
            for index, line in enumerate(lines)
            if word_count(line.text) >= ARTICLE_PARAGRAPH_MIN_WORDS and is_prose(line.text)
        ),
        None,
    )


def is_data_item(text: str) -> bool:
    """An item of the article's own list: a quantity with its unit, a price, a field whose
    value is mostly figures, or a numbered step."""
    if not HAS_FIGURE.search(text):  # most lines: only a field of unit words may be one
        return is_figure_field(text)
    if (QUANTITY.search(text) or PRICE.search(text)) and figure_count(
        words := text.split()
    ) >= DATA_MIN_FIGURE_SHARE * len(words):
        return True
    return is_figure_field(text) or bool(STEP_NUMBER.match(text) and STATEMENT_END.search(text))


def figure_count(words: list[str]) -> int:
    """How many of `words` are figures, prices or units."""
    return sum(
        1
        for word in words
        if word in UNIT_WORDS or any(char.isdigit() or char in "½¼¾⅓⅔⅛" for char in word)
    )


def is_figure_field(text: str) -> bool:
    """ "Label: value" with a short label and a value mostly of figures."""
    match = FIELD.match(text) if ":" in text[1:FIELD_COLON_END] else None
    if (
        not match
        or len(text[: match.start(1)].split()) > FIELD_LABEL_MAX_WORDS
        or CLOCK_TIME.search(text)
    ):
        return False
    words = match.group(1).split()
    return figure_count(words) > FIELD_MIN_FIGURE_SHARE * len(words)


def is_wrapped_body(line: Line) -> bool:
    """A line a hard wrap may have cut mid-paragraph: enough words, no sentence end, not a
    link bar."""
    return is_wrapped_body_text(line.text)


@lru_cache(maxsize=4096)  # a memo of a pure function: each stage that reads wraps asks again
def is_wrapped_body_text(text: str) -> bool:
    return (
        not ends_sentence(text)
        and word_count(text) >= PROSE_MIN_WORDS
        and not CJK.search(text)
        and len(ITEM_SEPARATOR.findall(text)) < LINK_BAR_MIN_SEPARATORS
    )


def ends_sentence(text: str) -> bool:
    """SENTENCE_END.search(text) for a line (no newline), read from its end only."""
    stripped = text.rstrip(CLOSERS)
    return bool(stripped) and stripped[-1] in SENTENCE_MARKS


def greedy_wrap_pieces(run: list[Line]) -> list[list[Line]]:
    """`run` cut where a line was not broken by a wrap: a wrapped line is broken because the
    next word did not fit, so its length plus that word passes the wrap width, which is at
    least the longest line. A piece is measured again against its own longest line."""
    width = max(len(line.text) for line in run)
    pieces = [[run[0]]]
    for line, after in pairwise(run):
        next_word = after.text.split(maxsplit=1)[:1]  # none on a blank line
        if len(line.text) + 1 + len("".join(next_word)) > width:
            pieces[-1].append(after)
        else:
            pieces.append([after])
    if len(pieces) == 1:
        return pieces
    return [part for piece in pieces if len(piece) > 1 for part in greedy_wrap_pieces(piece)]


def wrapped_paragraphs(lines: list[Line]) -> list[list[Line]]:
    """Runs of adjacent lines that are one paragraph hard-wrapped (cleaneval's text, mail,
    plain-text pages): wrapped bodies closed by a line that ends the paragraph (or three
    lines or more), the lengths those of a greedy wrap."""
    runs: list[list[Line]] = []
    run: list[Line] = []
    for line in sorted(lines, key=lambda line: line.position):
        if run and line.position == run[-1].position + 1 and is_wrapped_body(run[-1]):
            run.append(line)
        else:
            runs.append(run)
            run = [line]
    runs.append(run)
    pieces = [piece for run in runs if len(run) > 1 for piece in greedy_wrap_pieces(run)]
    return [
        piece
        for piece in pieces
        if len(piece) > 1
        and (len(piece) >= WRAP_UNENDED_MIN_LINES or PARAGRAPH_END.search(piece[-1].text))
        and lines_are_prose(piece)
        and reads_on(piece)
    ]


def reads_on(piece: list[Line]) -> bool:
    """Enough of the breaks fall mid-sentence: the next line goes on in lower case or the line
    ends in a comma or hyphen. Items of a headline list start anew with a capital."""
    breaks = list(pairwise(piece))
    going_on = sum(
        1 for line, after in breaks if after.text[:1].islower() or CONTINUES.search(line.text)
    )
    return going_on >= WRAP_MIN_GOING_ON * len(breaks)


def wrapped_positions(lines: list[Line]) -> frozenset[int]:
    """Positions of the lines of every hard-wrapped paragraph among `lines`."""
    return frozenset(line.position for run in wrapped_paragraphs(lines) for line in run)
