"""Resolve the outlet: explicit argument > URL domain > fingerprint patterns > none."""

from urllib.parse import urlsplit

from ..document import Document
from ..errors import CleanerError


def resolve_outlet(doc: Document, outlets: dict, explicit: str | None) -> Document:
    """Set doc.outlet to the id of the first outlet that the evidence names."""
    if explicit:
        if explicit not in outlets:
            known = ", ".join(sorted(outlets)) or "none"
            raise CleanerError(f"unknown outlet {explicit!r}; known outlets: {known}")
        doc.outlet = explicit
    else:
        doc.outlet = outlet_by_url(doc.url, outlets) or outlet_by_fingerprint(doc, outlets)
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


def outlet_by_fingerprint(doc: Document, outlets: dict) -> str | None:
    """The first outlet (by id) one of whose fingerprint patterns matches a line."""
    for outlet_id, outlet in sorted(outlets.items()):
        for pattern in outlet.fingerprints:
            if any(pattern.search(line.text) for line in doc.lines):
                return outlet_id
    return None
