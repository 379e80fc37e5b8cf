"""The facts about a partnership that several readers need, computed in one place.

The store's query columns, the analysts' portfolio and the touchpoint planner all need
to know which plan holds in a cycle, the term in force, whether every party signed the
MoU and when renewal talks are due. They read them here, so the answer is the same
wherever it is shown (a view over a :class:`~kemitraan.Partnership`; nothing here
changes it).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Final

from kemitraan._requirement_book import holds_up, stages_held_up_by
from kemitraan.findings import canonical_code
from kemitraan.planning import Indicator, PlannedActivity, plan_for_cycle

if TYPE_CHECKING:
    from kemitraan.lifecycle import Stage
    from kemitraan.partnerships import Partnership
    from kemitraan.provisions import Term

__all__ = [
    "RENEWAL_LEAD_DAYS",
    "PartnershipSummary",
    "current_plan",
    "mou_signed",
    "renewal_due",
    "stage_counts",
    "summarize",
    "waiting_on",
]

RENEWAL_LEAD_DAYS: Final = 90
"""Days before the term in force ends that renewal talks are due (guide A.11: decide in
time whether to continue)."""


def current_plan(
    partnership: Partnership, cycle: int | None = None
) -> tuple[list[PlannedActivity], list[Indicator]]:
    """The activities and indicators of ``cycle`` (by default the current one).

    A later cycle's follow-up plan, or the work plan.

    >>> from kemitraan import Institution, Partnership, Program
    >>> current_plan(Partnership(institution=Institution(name="PKBM A"),
    ...                          program=Program(name="PKW", objectives=["Mandiri"])))
    ([], [])
    """
    cycle = partnership.cycle if cycle is None else cycle
    return plan_for_cycle(partnership.work_plan, partnership.follow_up_plans, cycle)


def mou_signed(partnership: Partnership) -> bool:
    """Whether every party has signed the MoU (the same text).

    >>> from kemitraan import Institution, Partnership, Program
    >>> mou_signed(Partnership(institution=Institution(name="PKBM A"),
    ...                        program=Program(name="PKW", objectives=["Mandiri"])))
    False
    """
    mou = partnership.agreement
    return mou is not None and set(partnership.signatures(mou)) >= set(mou.party_ids)


def renewal_due(term_end: date | None, lead_days: int = RENEWAL_LEAD_DAYS) -> date | None:
    """The day renewal talks are due for a term ending on ``term_end`` (``None``: no end).

    >>> renewal_due(date(2027, 3, 9))
    datetime.date(2026, 12, 9)
    """
    return term_end - timedelta(days=lead_days) if term_end is not None else None


@dataclass(frozen=True, slots=True)
class PartnershipSummary:
    """Where a partnership stands, in the facts its readers share.

    >>> from kemitraan import Institution, Partnership, Program
    >>> s = summarize(Partnership(institution=Institution(name="PKBM A"),
    ...                           program=Program(name="PKW", objectives=["Mandiri"])))
    >>> s.stage.number, s.mou_signed, s.renewal_due, s.waiting_on
    (1, False, None, 'candidate_mapped')
    """

    stage: Stage
    """The step it is in."""
    cycle: int
    """The year of the cooperation."""
    term: Term | None
    """The MoU's term in force (as amended by signed addenda)."""
    mou_signed: bool
    """Whether every party signed the MoU."""
    renewal_due: date | None
    """When renewal talks are due (the term's end less the lead)."""
    waiting_on: str | None
    """The code of the first requirement the next step waits on, if any."""


def summarize(
    partnership: Partnership, *, lead_days: int = RENEWAL_LEAD_DAYS
) -> PartnershipSummary:
    """The shared facts of ``partnership`` (see :class:`PartnershipSummary`)."""
    term = partnership.effective_term
    unmet = partnership.unmet_requirements() if partnership.next_move() is not None else []
    return PartnershipSummary(
        stage=partnership.stage,
        cycle=partnership.cycle,
        term=term,
        mou_signed=mou_signed(partnership),
        renewal_due=renewal_due(term.end if term is not None else None, lead_days),
        waiting_on=unmet[0].code if unmet else None,
    )


def stage_counts(partnerships: Iterable[Partnership]) -> Counter[Stage]:
    """How many partnerships are in each stage (no machine is built).

    >>> stage_counts([])
    Counter()
    """
    return Counter(p.stage for p in partnerships)


def waiting_on(partnerships: Iterable[Partnership], code: str) -> list[Partnership]:
    """The partnerships whose next step is held up by requirement ``code`` (no machine built).

    An older code of a requirement is accepted (:func:`~kemitraan.findings.canonical_code`).

    Raises:
        NotFoundError: no requirement has that code.

    >>> waiting_on([], "all_signed")
    []
    """
    # Only the stages whose next step can report ``code`` are evaluated at all.
    stages = stages_held_up_by(code)
    wanted = canonical_code(code)
    found = []
    for p in partnerships:
        move = p.next_move() if p.stage in stages else None
        if move is not None and holds_up(p, move, wanted):
            found.append(p)
    return found
