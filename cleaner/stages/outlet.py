"""Resolve the outlet: explicit argument > URL domain > fingerprint patterns > none."""

from urllib.parse import urlsplit

from ..document import Document
from ..errors import CleanerError
from ..patterns import Screen, screen_of


def resolve_outlet(doc: Document, outlets: dict, explicit: str | None,
                   screen: Screen | None = None) -> Document:
    """Set doc.outlet to the id of the first outlet that the evidence names. `screen`, all
    fingerprints joined (fingerprint_screen), spares most lines the test of each one."""
    if explicit:
        if explicit not in outlets:
            known = ", ".join(sorted(outlets)) or "none"
            raise CleanerError(f"unknown outlet {explicit!r}; known outlets: {known}")
        doc.outlet = explicit
    else:
        doc.outlet = outlet_by_url(doc.url, outlets) or outlet_by_fingerprint(doc, outlets, screen)
    return doc


def outlet_by_url(url: str | None, outlets: dict) -> str | None:
    """The outlet whose domain is the URL's host or a parent of it."""
    if not url:
        return None
    host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").removeprefix("www.")
    for outlet_id, outlet in sorted(outlets.items()):
        if any(host == domain or host.endswith("." + domain) for domain in outlet.domains):
            return outlet_id
    return None


def outlet_by_fingerprint(doc: Document, outlets: dict, screen: Screen | None) -> str | None:
    """The first outlet (by id) one of whose fingerprint patterns matches a line."""
    lines = [line.text for line in doc.lines if screen is None or screen.search(line.text)]
    for outlet_id, outlet in sorted(outlets.items()):
        for pattern in outlet.fingerprints:
            if any(pattern.search(line) for line in lines):
                return outlet_id
    return None


def fingerprint_screen(outlets: dict) -> Screen | None:
    """Every outlet's fingerprint patterns joined: a line it misses matches none of them."""
    patterns = [pattern for outlet in outlets.values() for pattern in outlet.fingerprints]
    return screen_of(patterns, "outlet fingerprints", "outlet files") if patterns else None
