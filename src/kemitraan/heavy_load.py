"""A caution: an addendum that raises what a party must supply while its load is already heavy.

Guide A.9–A.10: the joint evaluation finds "masalah atau kelemahan yang menghambat", and
the improvement agreed addresses it. An addendum that raises a party's volume while a
problem of that party's load is still open — a monitoring problem not resolved, its own
view in the evaluation, an improvement not yet due — asks more of a party that said it
carries too much. It is a caution (the guide does not forbid it), named with the
evidence, while the cooperation runs: :meth:`kemitraan.Partnership.cautions`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, Final

from kemitraan._catalog import N_
from kemitraan._requirement_book import requirement
from kemitraan.conventions import number_text
from kemitraan.findings import Hit, Severity
from kemitraan.lifecycle import Stage, transition_table
from kemitraan.pattern_terms import GeneralTradeTerms

if TYPE_CHECKING:
    from kemitraan._protocols import PartnershipLike
    from kemitraan.agreements import Agreement

__all__: list[str] = []

_HEAVY: Final = re.compile(
    r"\bbeban\b|\bberat\b|kewalahan|tidak sanggup|kapasitas|tidak seimbang", re.IGNORECASE
)
_RUNNING: Final = tuple(
    (stage, move)
    for (stage, move) in transition_table()
    if stage in (Stage.IMPLEMENTATION, Stage.MONITORING, Stage.IMPROVEMENT, Stage.FOLLOW_UP)
)


def _raised(p: PartnershipLike, addendum: Agreement) -> Iterator[tuple[str, str, str, str]]:
    """(supplier, good, before, after) for each good whose volume ``addendum`` raises."""
    if addendum.amends is None:
        return
    target = p.amended_document(addendum.amends)
    if target is None:
        return
    earlier = [
        a for a in p.signed_addenda() if (a.date, a.digest()) < (addendum.date, addendum.digest())
    ]
    before, after = target.amended_by(earlier), target.amended_by([*earlier, addendum])
    old, new = before.pattern, after.pattern
    if not isinstance(old, GeneralTradeTerms) or not isinstance(new, GeneralTradeTerms):
        return
    quantities = {g.name: g for g in old.goods}
    for good in new.goods:
        was = quantities.get(good.name)
        if was is None or was.quantity is None or good.quantity is None:
            continue
        if good.quantity > was.quantity:
            unit = f" {good.unit}" if good.unit else ""
            period = f" {good.period}" if good.period else ""
            yield (
                new.supplier,
                good.name,
                f"{number_text(was.quantity)}{unit}{period}",
                f"{number_text(good.quantity)}{unit}{period}",
            )


def _heavy(p: PartnershipLike, party_id: str, name: str, on: date) -> tuple[str, date] | None:
    """What says ``party_id``'s load is heavy and is still open on ``on``: its words, its day.

    An unresolved monitoring problem of the party; an improvement not yet due that
    addresses it (naming the party, or owned by it); the party's own view in an evaluation.
    """
    short = name.split()[0].lower()
    for record in sorted(p.monitoring, key=lambda r: r.on, reverse=True):
        for problem in record.problems:
            if (
                record.on <= on
                and not problem.resolved
                and problem.party_id in (party_id, None)
                and _HEAVY.search(problem.problem)
            ):
                return problem.problem, record.on
    for decision in sorted(p.decisions, key=lambda d: d.on, reverse=True):
        for action in decision.actions:
            if decision.on <= on and (action.due is None or action.due >= on):
                said = next((a for a in action.addresses if _HEAVY.search(a)), None)
                if said is not None and (action.owner == party_id or short in said.lower()):
                    return said, decision.on
    held = [e for e in p.evaluations if e.on <= on]
    if held:  # the party's view in the latest evaluation only: a later one may say otherwise
        latest = max(held, key=lambda e: e.on)
        for view in latest.views:
            if view.party_id == party_id:
                said = next((c for c in view.comments.values() if _HEAVY.search(c)), None)
                if said is not None:
                    return said, latest.on
    return None


@requirement(
    "addendum_raises_heavy_load",
    guards=_RUNNING,
    basis="Panduan A.9–A.10 (masalah yang menghambat dan perbaikannya)",
    summary=N_(
        "An addendum does not raise the volume of a party whose load an open problem "
        "says is already heavy without that problem being addressed (a caution)."
    ),
    english=N_(
        "The addendum of {day} raises the {good} {party} supplies from {before} to {after}, "
        "while \u201c{problem}\u201d ({when}) is still open; make sure its remedy is agreed first."
    ),
    severity=Severity.WARNING,
)
def _raises_heavy_load(p: PartnershipLike) -> Iterator[Hit]:
    for addendum in p.addenda:
        for supplier, good, before, after in _raised(p, addendum):
            party = next((x.name for x in p.partners if x.id == supplier), supplier)
            heavy = _heavy(p, supplier, party, addendum.date)
            if heavy is None:
                continue
            yield Hit(
                supplier,
                "addenda",
                {
                    "day": addendum.date,
                    "good": good.lower(),
                    "party": party,
                    "before": before,
                    "after": after,
                    "problem": heavy[0],
                    "when": heavy[1],
                },
            )
