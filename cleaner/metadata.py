"""What comes with a document from a user or a record field (its language code, its URL),
made usable by the stages: a malformed value is ignored, never the document's text."""

from urllib.parse import urlsplit

import regex

# A language tag's primary subtag: two or three letters ("en" of "EN", "en-US", "en_GB").
PRIMARY_SUBTAG = regex.compile(r"\A\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9-_]*)?\s*\Z")
# Any other language code a caller may use of its own ("xx-custom"): no longer than a
# BCP 47 tag with its extensions usually is.
OTHER_CODE = regex.compile(r"[A-Za-z0-9_-]{1,35}")


def language_code(lang) -> str | None:
    """'EN', 'en-US', 'en_GB' -> 'en': the rule files are named by lower-case primary
    subtags. Another code of letters, digits, '-' and '_' is kept, lower-cased (it then
    matches no rule file); anything else (a sentence, control characters, a non-string)
    is no language, and detection decides."""
    if not isinstance(lang, str) or not lang.strip():
        return None
    match = PRIMARY_SUBTAG.match(lang)
    if match:
        return match[1].lower()
    return lang.strip().lower() if OTHER_CODE.fullmatch(lang.strip()) else None


def usable_url(url) -> str | None:
    """The URL if Python can parse it (its host included), else None: "http://[x/" raises
    ValueError in urlsplit, and would otherwise cost the document its text."""
    return url if parsed_host(url) is not None else None


# "javascript:...", "mailto:...", "data:...": a scheme with no host, not a host and its
# port ("example.com:8080/a", which a URL without its scheme may be).
SCHEME_WITHOUT_HOST = regex.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:(?!\d)")


def url_host(url) -> str:
    """The URL's host without "www." or a final dot, a scheme optional; "" for no URL or
    one Python cannot parse ("http://[::1/"), which then has no domain or outlet."""
    return (parsed_host(url) or "").rstrip(".").removeprefix("www.")  # "example.com." too


def parsed_host(url) -> str | None:
    """The host of a non-empty str URL ("" if it names none); None for anything else or a
    URL whose host urlsplit cannot parse."""
    if not isinstance(url, str) or not url:
        return None
    if "//" not in url and SCHEME_WITHOUT_HOST.match(url):
        return ""
    try:
        return urlsplit(url if "//" in url else f"//{url}").hostname or ""
    except ValueError:
        return None
