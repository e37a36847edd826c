"""Input bytes or text -> the source lines; HTML goes through trafilatura first (stages/html.py).

Bytes that cannot be kept are not silently lost: an invalid UTF-8 byte or a NUL is shown in
the source line as `\\xNN` and an edit (decode.invalid-utf8, decode.nul) turns it into U+FFFD
or removes it. In HTML the edit is made before extraction, so it is recorded on line 0 (the
HTML itself, which has no line in the extracted text) with a count in its evidence; so is
the removal of character references to characters XML cannot hold (decode.xml-forbidden-reference).
"""

from dataclasses import dataclass

import regex
from charset_normalizer import from_bytes

from ..document import Document, Edit, RuleInfo
from ..errors import InputError
from ..options import Options
from .html import html_to_text, looks_like_html

INVALID_UTF8_RULE, NUL_RULE = "decode.invalid-utf8", "decode.nul"
FORBIDDEN_REFERENCE_RULE = "decode.xml-forbidden-reference"
# Decoding runs before there is a Document, so it is no Stage; its ids are declared here.
RULE_IDS = (
    RuleInfo(
        INVALID_UTF8_RULE,
        "repair",
        "a run of bytes that is not UTF-8 in mostly-UTF-8 input, replaced by U+FFFD",
    ),
    RuleInfo(NUL_RULE, "repair", "NUL characters dropped from input that is not binary"),
    RuleInfo(
        FORBIDDEN_REFERENCE_RULE,
        "repair",
        "an HTML character reference to a control character XML cannot hold, dropped",
    ),
)
# Share of control characters (other than whitespace) above which bytes are not text; NUL
# counts, wherever it stands in the input.
BINARY_CONTROL_SHARE = 0.05
CONTROL = regex.compile(r"[\x00-\x08\x0e-\x1f]")
CONTROL_BYTES = bytes(range(0x09)) + bytes(range(0x0E, 0x20))
# Bad bytes (decoded with surrogateescape as U+DC80-U+DCFF) and NULs, in runs.
UNKEPT = regex.compile(r"[\udc80-\udcff]+|\x00+")
# A numeric character reference (";" optional, as in HTML) to a character XML cannot hold: a
# C0 control other than tab, LF and CR (NUL lxml drops itself), U+FFFE or U+FFFF. lxml decodes
# it, then refuses the text holding it inside trafilatura, which discards the whole page:
# one "&#26;" left a 1,514-word cleaneval page (final-345) empty.
FORBIDDEN_REFERENCE = regex.compile(
    r"&#(?:0*(?:[1-8]|1[124-9]|2[0-9]|3[01]|6553[45])(?![0-9])"
    r"|[xX]0*(?:[1-8bBcCeEfF]|1[0-9a-fA-F]|[fF]{3}[eEfF])(?![0-9a-fA-F]));?"
)
# Bytes are "mostly UTF-8" when at least this share of their non-ASCII characters decode as
# UTF-8. A legacy 8-bit text (cp1252, Latin-1) almost never forms a valid multi-byte sequence
# (a lead byte followed by the right number of continuation bytes), so even one valid sequence
# per stray byte means UTF-8 with damage: decoding it all as a legacy charset would garble
# every valid character (curly quotes become "‚Äú" in mac_iceland) to save one.
MOSTLY_UTF8_SHARE = 0.5
# UTF-16 without a BOM: text in a Latin script has a NUL in every other byte. At least this
# share of the bytes at odd (UTF-16-LE) or even (BE) positions are NUL, and under
# UTF16_OTHER_NUL_SHARE of the others: a binary file has NULs at both.
UTF16_NUL_SHARE, UTF16_OTHER_NUL_SHARE = 0.3, 0.05
SNIFF_CHARS = 65536  # the head of the input that decides its kind
# What str.splitlines splits at.
LINE_BREAK = regex.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


@dataclass(frozen=True)
class Decoded:
    """The source lines of a document and the edits decoding made to them."""

    lines: list[str]
    edits: tuple[Edit, ...] = ()
    extracted: bool = False  # the lines are the article text extracted from HTML

    def apply(self, doc: Document) -> None:
        """Make the decoding edits on the document's lines (numbered like `lines`)."""
        by_line: dict[int, list[Edit]] = {}
        for edit in self.edits:
            by_line.setdefault(edit.line, []).append(edit)
        doc.edits.extend(by_line.pop(0, []))  # HTML edits, made before extraction
        for line in doc.lines:
            if line.number in by_line:
                doc.rewrite(line, by_line[line.number])


def to_text(data, fmt: str, url: str | None, options: Options) -> Decoded:
    """Decode `data` (str, or bytes-like) and, for HTML, extract its article text; refused
    (InputError) over the size limit, or with more or longer lines than the options allow.
    Any other type is a TypeError naming it."""
    if isinstance(data, (bytearray, memoryview)):
        data = bytes(data)
    if not isinstance(data, (str, bytes)):
        raise TypeError(f"cleaner takes a document as str or bytes, not {type(data).__name__}")
    if fmt not in ("auto", "text", "html"):
        raise InputError(f"unknown format {fmt!r}: use 'text', 'html' or 'auto'")
    size = len(data.encode("utf-8", "surrogatepass")) if isinstance(data, str) else len(data)
    if size > options.max_input_bytes:
        raise InputError(
            f"input is {size:,} bytes, over the {options.max_input_bytes:,}-byte limit "
            "(Options.max_input_bytes, --max-input-bytes); split it or raise the limit"
        )
    text = decode_escaped(data) if isinstance(data, bytes) else data
    refuse_binary(text)
    if fmt == "html" or (fmt == "auto" and looks_like_html(text[:SNIFF_CHARS].replace("\x00", ""))):
        return html_decoded(text, url, options)
    refuse_line_shape(text, options.max_lines, options.max_line_chars)
    return text_decoded(text)


def refuse_line_shape(text: str, max_lines: int, max_line_chars: int) -> None:
    """InputError if `text` has over `max_lines` lines or a line over `max_line_chars`
    characters, found before any line is made (splitlines would copy the whole text)."""
    start = 0
    for lines, found in enumerate(LINE_BREAK.finditer(text), 2):
        refuse_long_line(found.start() - start, max_line_chars)
        if lines > max_lines:
            raise InputError(
                f"input has over {max_lines:,} lines, the limit (Options.max_lines): it is a "
                "list or a dump, not an article"
            )
        start = found.end()
    refuse_long_line(len(text) - start, max_line_chars)


def refuse_long_line(chars: int, limit: int) -> None:
    if chars > limit:
        raise InputError(
            f"input has a line of {chars:,} characters, over the {limit:,}-character limit "
            "(Options.max_line_chars): break it into paragraphs"
        )


def html_decoded(text: str, url: str | None, options: Options) -> Decoded:
    """The HTML's article text; what it cannot keep is replaced or dropped before extraction
    (edits on line 0)."""
    edits = []
    for rule, unkept, after in (
        (INVALID_UTF8_RULE, regex.compile(r"[\udc80-\udcff]+"), "\ufffd"),
        (NUL_RULE, regex.compile(r"\x00+"), ""),
        (FORBIDDEN_REFERENCE_RULE, FORBIDDEN_REFERENCE, ""),
    ):
        found = unkept.findall(text)
        if found:
            count = sum(map(len, found)) if rule != FORBIDDEN_REFERENCE_RULE else len(found)
            shown = found[0] if rule == FORBIDDEN_REFERENCE_RULE else escape(found[0][0])
            edits.append(Edit(0, 0, shown, after, rule, f"{count} in the HTML, before extraction"))
            text = unkept.sub(after, text)
    extracted = html_to_text(text, url, options.max_html_chars)
    refuse_line_shape(extracted, options.max_lines, options.max_line_chars)
    return Decoded(extracted.splitlines(), tuple(edits), extracted=True)


def text_decoded(text: str) -> Decoded:
    """Plain text's lines; an unkept run of bytes is shown escaped and edited out."""
    lines = text.splitlines()
    if not UNKEPT.search(text):
        return Decoded(lines)
    edits = []
    for number, line in enumerate(lines, 1):
        if UNKEPT.search(line):
            lines[number - 1], line_edits = escaped_line(number, line)
            edits += line_edits
    return Decoded(lines, tuple(edits))


def escaped_line(number: int, line: str) -> tuple[str, list[Edit]]:
    """`line` with each unkept run written as \\xNN, and the edits that replace each run."""
    pieces, edits, at, shift = [], [], 0, 0
    for run in UNKEPT.finditer(line):
        shown = "".join(escape(char) for char in run[0])
        pieces += [line[at : run.start()], shown]
        nul = run[0][0] == "\x00"
        edits.append(
            Edit(
                number,
                run.start() + shift,
                shown,
                "" if nul else "\ufffd",
                NUL_RULE if nul else INVALID_UTF8_RULE,
            )
        )
        shift += len(shown) - len(run[0])
        at = run.end()
    return "".join(pieces) + line[at:], edits


def escape(char: str) -> str:
    """A NUL or an escaped bad byte (U+DC80-U+DCFF) as the text `\\xNN`."""
    return f"\\x{ord(char) & 0xFF:02x}"


def refuse_binary(text: str) -> None:
    """InputError if the text holds NULs and is mostly control characters; text without
    NULs passes (the encoding stage removes stray control characters)."""
    if "\x00" in text and binary_text(text):
        raise InputError("input contains NUL characters: it looks binary, not text")


def binary_text(text: str) -> bool:
    return len(CONTROL.findall(text)) > BINARY_CONTROL_SHARE * len(text)


def decode_bytes(data: bytes) -> str:
    """The text of `data` as cleaning sees it, with bad bytes as U+FFFD and NULs dropped."""
    return UNKEPT.sub(lambda m: "" if m[0][0] == "\x00" else "\ufffd", decode_escaped(data))


def decode_escaped(data: bytes) -> str:
    """UTF-16 (by BOM or by its NULs), UTF-8 (BOM or not) with any bad bytes kept as
    U+DC80-U+DCFF if it is mostly UTF-8, else the encoding charset_normalizer finds."""
    utf16 = utf16_codec(data)
    if utf16:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            raise InputError(f"input looks like {utf16.upper()} but is not valid") from None
    if binary_bytes(data):
        raise InputError(
            "input contains NUL bytes: it looks binary, not text"
            if b"\x00" in data
            else "input is mostly control characters: it looks binary, not text"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8-sig", "surrogateescape")
    if mostly_utf8(text):
        return text
    best = from_bytes(data).best()
    if best is None:
        raise InputError("input is not text in any encoding we can recognise")
    if binary_text(str(best)[:SNIFF_CHARS]):
        raise InputError("input is mostly control characters: it looks binary, not text")
    return str(best)


def binary_bytes(data: bytes) -> bool:
    """More than BINARY_CONTROL_SHARE of the bytes are control bytes (counted in C)."""
    controls = len(data) - len(data.translate(None, CONTROL_BYTES))
    return controls > BINARY_CONTROL_SHARE * len(data)


def utf16_codec(data: bytes) -> str | None:
    """'utf-16' or 'utf-32' if the data starts with its BOM, 'utf-16-le'/'-be' if NULs
    fill every other byte (Latin-script UTF-16 without a BOM), else None."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    head = data[:SNIFF_CHARS]
    if len(head) < 2 or b"\x00" not in head:
        return None
    even, odd = head[0::2], head[1::2]
    even_share, odd_share = even.count(0) / len(even), odd.count(0) / len(odd)
    if len(data) % 2 == 0 and odd_share >= UTF16_NUL_SHARE and even_share < UTF16_OTHER_NUL_SHARE:
        return "utf-16-le"
    if len(data) % 2 == 0 and even_share >= UTF16_NUL_SHARE and odd_share < UTF16_OTHER_NUL_SHARE:
        return "utf-16-be"
    return None


def mostly_utf8(text: str) -> bool:
    """At least MOSTLY_UTF8_SHARE of the non-ASCII characters are valid UTF-8 (not bad bytes)."""
    bad = len(regex.findall(r"[\udc80-\udcff]", text))
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return non_ascii - bad >= MOSTLY_UTF8_SHARE * non_ascii
