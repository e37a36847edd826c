"""The loaded rule sets and the outlets they describe, with the look-ups stages build from."""

import dataclasses
from dataclasses import dataclass
from typing import Any

from .ruleset import Outlet, RuleSet


@dataclass(frozen=True)
class RuleCatalog:
    """Every loaded rule set, in load order, and one Outlet per outlet id."""

    rulesets: tuple[RuleSet, ...]
    outlets: dict[str, Outlet]

    @classmethod
    def of(cls, rulesets) -> "RuleCatalog":
        return cls(tuple(rulesets), merge_outlets(rulesets))

    def outlet_rulesets(self, outlet: str | None) -> list[RuleSet]:
        return [rs for rs in self.rulesets if rs.outlet and rs.outlet.id == outlet]

    def active(self, lang: str | None, outlet: str | None) -> list[RuleSet]:
        """Generic rule sets, then those for `lang`, then the outlet's."""
        generic = [rs for rs in self.rulesets if rs.outlet is None and rs.lang is None]
        by_lang = [rs for rs in self.rulesets if rs.outlet is None and rs.lang and rs.lang == lang]
        return generic + by_lang + self.outlet_rulesets(outlet)

    def word_list(self, name: str, outlet: str | None) -> list[str]:
        """The word list `name` (credits, names...) of the generic rule sets and the outlet's."""
        sources = [rs for rs in self.rulesets if rs.outlet is None] + self.outlet_rulesets(outlet)
        return [word for rs in sources for word in getattr(rs, name)]

    def per_outlet(self, build) -> dict[str | None, Any]:
        """{outlet id or None: build(outlet)}: what a stage compiles once per outlet."""
        return {outlet: build(outlet) for outlet in [None, *self.outlets]}


def merge_outlets(rulesets) -> dict[str, Outlet]:
    """One Outlet per id; several files may describe the same outlet (domains add up)."""
    outlets: dict[str, Outlet] = {}
    for rs in rulesets:
        if rs.outlet is None:
            continue
        known = outlets.get(rs.outlet.id)
        outlets[rs.outlet.id] = (
            rs.outlet
            if known is None
            else dataclasses.replace(
                known,
                domains=known.domains + rs.outlet.domains,
                fingerprints=known.fingerprints + rs.outlet.fingerprints,
                lang=known.lang or rs.outlet.lang,
            )
        )
    return outlets
