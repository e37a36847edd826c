"""Resolve the outlet: explicit argument > URL domain > fingerprint patterns > none."""

from collections.abc import Mapping

from ..document import Document, RuleInfo
from ..errors import ConfigError
from ..metadata import url_host
from ..prefilter import Prefilter
from ..ruleset import Outlet

Outlets = Mapping[str, Outlet]  # by outlet id


def resolve_outlet(
    doc: Document, outlets: Outlets, explicit: str | None, prefilter: Prefilter | None = None
) -> Document:
    """Set doc.outlet to the id of the first outlet that the evidence names. `prefilter`,
    all fingerprints in one pass (fingerprint_prefilter), spares most lines the test of each."""
    if explicit:
        if explicit not in outlets:
            known = ", ".join(sorted(outlets)) or "none"
            raise ConfigError(f"unknown outlet {explicit!r}; known outlets: {known}")
        doc.outlet = explicit
    else:
        doc.outlet = outlet_by_url(doc.url, outlets) or outlet_by_fingerprint(
            doc, outlets, prefilter
        )
    return doc


def outlet_by_url(url: str | None, outlets: Outlets) -> str | None:
    """The outlet whose domain is the URL's host or a parent of it."""
    host = url_host(url)
    if not host:
        return None
    for outlet_id, outlet in sorted(outlets.items()):
        if any(host == domain or host.endswith("." + domain) for domain in outlet.domains):
            return outlet_id
    return None


def outlet_by_fingerprint(
    doc: Document, outlets: Outlets, prefilter: Prefilter | None
) -> str | None:
    """The first outlet (by id) one of whose fingerprint patterns matches a line."""
    lines = [
        line.text for line in doc.lines if prefilter is None or prefilter.candidates(line.text)
    ]
    for outlet_id, outlet in sorted(outlets.items()):
        for pattern in outlet.fingerprints:
            if any(pattern.search(line) for line in lines):
                return outlet_id
    return None


def fingerprint_prefilter(outlets: Outlets) -> Prefilter | None:
    """Every outlet's fingerprint patterns in one pass: a line it lets through to none
    matches none of them."""
    sources = [pattern.source for outlet in outlets.values() for pattern in outlet.fingerprints]
    return Prefilter(sources) if sources else None


class OutletResolver:
    """Stage: the outlet named by the caller (doc.outlet), else by URL or fingerprint; an
    outlet file's language is then trusted unless the caller gave one."""

    name = "outlet"
    rule_ids: tuple[RuleInfo, ...] = ()

    def __init__(self, outlets: Outlets):
        self.outlets = outlets
        self.prefilter = fingerprint_prefilter(outlets)

    def __call__(self, doc: Document) -> None:
        resolve_outlet(doc, self.outlets, doc.outlet, self.prefilter)
        if doc.lang is None and doc.outlet is not None:
            doc.lang = self.outlets[doc.outlet].lang
