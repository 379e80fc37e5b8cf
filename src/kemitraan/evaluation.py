"""The joint evaluation, the improvements and the follow-up, from the records (guide A.9–A.11).

Guide A.9 asks the parties to evaluate **together**: "kegiatan yang belum berjalan
sesuai rencana dan mana yang sudah, tujuan mana yang sudah tercapai dan mana yang
belum, masalah atau kelemahan apa yang menghambat pencapaian tujuan dan penyebabnya".
:func:`draft_evaluation` derives what the data allows — activities on and off plan,
objectives (indicators) reached or not, problems with their causes — for the parties
to complete and agree. Each party scores the partnership's health
(:class:`~kemitraan.PartnerView`); :func:`divergences` shows where their views differ
most, which is what the evaluation meeting should discuss first.

A.10 turns the evaluation into improvements, each with an owner and the problems it
addresses; :func:`unaddressed_problems` lists the problems no improvement addresses
yet. A.11 plans the next year considering the evaluation: :func:`carry_forward`
drafts that plan, carrying unfinished activities and missed indicators forward.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from kemitraan._base import ValueModel
from kemitraan._catalog import N_
from kemitraan._types import Period
from kemitraan.deviations import DeviationKind, _Facts, _judged
from kemitraan.exceptions import InvalidArgumentError
from kemitraan.monitoring import Evaluation, HealthItem, Obstacle, PartnerView
from kemitraan.obligations import _canonical
from kemitraan.planning import Direction, FollowUpPlan, Indicator, PlannedActivity, Target
from kemitraan.summary import current_plan

if TYPE_CHECKING:
    from kemitraan.partnerships import Partnership

__all__ = [
    "Divergence",
    "carry_forward",
    "divergences",
    "draft_evaluation",
    "indicator_reached",
    "unaddressed_problems",
]


class Divergence(ValueModel):
    """How far the parties' scores of one health item lie apart.

    >>> Divergence(item=HealthItem.TRUST, scores={"a": 5, "b": 2}).spread
    3
    """

    item: HealthItem
    """The item."""
    scores: dict[str, int]
    """Each party's score."""

    @property
    def spread(self) -> int:
        """The highest score minus the lowest."""
        return max(self.scores.values()) - min(self.scores.values())

    @property
    def mean(self) -> Decimal:
        """The average score, to one decimal."""
        total = Decimal(sum(self.scores.values())) / len(self.scores)
        return total.quantize(Decimal("0.1"))

    @property
    def lowest(self) -> list[str]:
        """The parties that scored it lowest."""
        low = min(self.scores.values())
        return sorted(pid for pid, score in self.scores.items() if score == low)


def divergences(views: list[PartnerView], *, at_least: int = 2) -> list[Divergence]:
    """The items whose scores lie ``at_least`` points apart, the widest first.

    >>> from datetime import date
    >>> views = [PartnerView(party_id="pkbm", on=date(2026, 1, 20),
    ...                      scores={HealthItem.BENEFIT: 5, HealthItem.TRUST: 4}),
    ...          PartnerView(party_id="kube", on=date(2026, 1, 20),
    ...                      scores={HealthItem.BENEFIT: 2, HealthItem.TRUST: 4})]
    >>> [(d.item.value, d.spread, d.lowest) for d in divergences(views)]
    [('benefit', 3, ['kube'])]
    """
    found = []
    for item in HealthItem:
        scores = {v.party_id: v.scores[item] for v in views if item in v.scores}
        if len(scores) >= 2:
            divergence = Divergence(item=item, scores=dict(sorted(scores.items())))
            if divergence.spread >= at_least:
                found.append(divergence)
    order = list(HealthItem)
    return sorted(found, key=lambda d: (-d.spread, order.index(d.item)))


def indicator_reached(indicator: Indicator, value: Decimal) -> bool:
    """Whether ``value`` reaches the indicator's final target, in its better direction.

    >>> from datetime import date
    >>> from decimal import Decimal
    >>> from kemitraan import Indicator
    >>> from kemitraan.planning import Direction, Target
    >>> rejects = Indicator(id="ditolak", name="Tas ditolak", unit="%", baseline=Decimal(20),
    ...     baseline_on=date(2025, 5, 1), targets=[Target(by=date(2025, 8, 31), value=Decimal(5))],
    ...     direction=Direction.LOWER, verification="Catatan kurasi")
    >>> indicator_reached(rejects, Decimal(4)), indicator_reached(rejects, Decimal(6))
    (True, False)
    """
    target = indicator.final.value
    return value >= target if indicator.direction is Direction.HIGHER else value <= target


def draft_evaluation(
    partnership: Partnership,
    *,
    on: date,
    views: list[PartnerView] | None = None,
    cycle: int | None = None,
) -> Evaluation:
    """The cycle's evaluation as far as the records tell, for the parties to complete.

    Activities run to plan unless a deviation (a slip, a late start, an overrun) concerns
    them; an indicator's objective is met when its last value reaches its final target;
    the obstacles are the problems met whose cause is known. The participants are the
    parties that gave a view, or else everyone who took part in monitoring. ``cycle`` is
    the cycle evaluated (the current one by default).

    >>> from datetime import date
    >>> from decimal import Decimal
    >>> from kemitraan import *
    >>> from kemitraan.monitoring import Spending
    >>> pkbm, shop = Institution(name="PKBM A"), Partner(name="Toko B", kind=PartnerKind.BUSINESS)
    >>> plan = WorkPlan(drawn_up_on=date(2025, 3, 1), participants=[pkbm.id, shop.id],
    ...     activities=[PlannedActivity(name="Produksi", responsible=pkbm.id, budget=Decimal(100),
    ...         period=Period(start=date(2025, 4, 1), end=date(2025, 5, 31)))],
    ...     indicators=[Indicator(id="terjual", name="Tas terjual", unit="buah",
    ...         baseline=Decimal(0), baseline_on=date(2025, 4, 1),
    ...         targets=[Target(by=date(2025, 6, 30), value=Decimal(90))],
    ...         verification="Nota", responsible=shop.id)])
    >>> p = Partnership(institution=pkbm, program=Program(name="PKW", objectives=["Mandiri"]),
    ...                 partners=[shop], work_plan=plan)
    >>> p.monitoring.append(MonitoringRecord(cycle=1, on=date(2025, 5, 31), by=pkbm.id,
    ...     progress=[ActivityProgress(activity="produksi", percent=Decimal(60))],
    ...     indicators=[IndicatorValue(indicator="terjual", value=Decimal(20))],
    ...     spending=[Spending(activity="produksi", amount=Decimal(130))]))
    >>> draft = draft_evaluation(p, on=date(2025, 7, 31))
    >>> draft.activities_off_plan, draft.objectives_unmet
    (['Produksi'], ['Tas terjual'])
    """
    cycle = partnership.cycle if cycle is None else cycle
    activities, indicators = current_plan(partnership, cycle)
    found, facts = _judged(partnership, on, None, cycle)
    off = {
        d.subject
        for d in found
        if d.kind
        in (DeviationKind.SCHEDULE_SLIP, DeviationKind.NOT_STARTED, DeviationKind.BUDGET_OVERRUN)
    }
    reached: dict[str, bool] = {}
    for indicator in indicators:
        value = facts.value(indicator)
        reached[indicator.id] = value is not None and indicator_reached(indicator, value[1])
    # An objective is met when every indicator of it reaches its target; an indicator of
    # no objective stands for itself.
    plan = partnership.work_plan
    statements = {o.id: o.statement for o in plan.objectives} if plan is not None else {}
    judged: dict[str, bool] = {}
    for indicator in indicators:
        name = statements.get(indicator.objective or "", indicator.name)
        judged[name] = judged.get(name, True) and reached[indicator.id]
    met = [name for name, ok in judged.items() if ok]
    unmet = [name for name, ok in judged.items() if not ok]
    records = [r for r in partnership.monitoring if r.cycle == cycle and r.on <= on]
    obstacles: dict[str, Obstacle] = {}
    for record in _canonical(records):
        for problem in record.problems:
            if problem.cause is not None:
                obstacles.setdefault(
                    problem.problem, Obstacle(problem=problem.problem, cause=problem.cause)
                )
    given = list(views or [])
    participants = sorted({v.party_id for v in given}) or sorted(
        {pid for r in records for pid in r.parties}
    )
    if not participants:
        participants = [p.id for p in partnership.parties]
    return Evaluation(
        cycle=cycle,
        on=on,
        participants=participants,
        activities_on_plan=[a.name for a in activities if a.id not in off],
        activities_off_plan=[a.name for a in activities if a.id in off],
        objectives_met=met,
        objectives_unmet=unmet,
        obstacles=list(obstacles.values()),
        views=given,
    )


def unaddressed_problems(partnership: Partnership) -> list[str]:
    """The cycle's problems that no improvement action of its decision addresses yet.

    The problems are the evaluation's obstacles and the unresolved problems met in
    monitoring, in their own words.

    >>> from datetime import date
    >>> from decimal import Decimal
    >>> from kemitraan import Institution, MonitoringRecord, Partnership, Program
    >>> from kemitraan.monitoring import ProblemMet
    >>> pkbm = Institution(name="PKBM A")
    >>> p = Partnership(institution=pkbm, program=Program(name="PKW", objectives=["Mandiri"]))
    >>> p.monitoring.append(MonitoringRecord(cycle=1, on=date(2025, 6, 1), by=pkbm.id,
    ...     problems=[ProblemMet(problem="Tali mudah lepas")]))
    >>> unaddressed_problems(p)
    ['Tali mudah lepas']
    """
    cycle = partnership.cycle
    problems: list[str] = []
    for evaluation in partnership.evaluations:
        if evaluation.cycle == cycle:
            problems += [o.problem for o in evaluation.obstacles]
    for record in partnership.monitoring:
        if record.cycle == cycle:
            problems += [p.problem for p in record.problems if not p.resolved]
    decision = partnership.decision()
    addressed = {a for action in (decision.actions if decision else []) for a in action.addresses}
    return sorted({p for p in problems if p not in addressed})


def carry_forward(
    partnership: Partnership,
    *,
    on: date,
    period: Period,
    lessons: list[str] | None = None,
    activities: list[PlannedActivity] | None = None,
) -> FollowUpPlan:
    """A draft plan for the next cycle, considering this one (guide A.11).

    Activities not finished carry forward (keeping their responsible party, budget and
    obligations, with no dates yet), followed by the new ``activities``; indicators
    whose final target was missed carry forward from their last value to the same
    target at the end of ``period``. The lessons are ``lessons`` and the evaluation's
    obstacles; the parties complete it.

    Raises:
        InvalidArgumentError: nothing is left to carry forward and no new activity is given.

    >>> from datetime import date
    >>> from decimal import Decimal
    >>> from kemitraan import *
    >>> from kemitraan.monitoring import Spending
    >>> pkbm, shop = Institution(name="PKBM A"), Partner(name="Toko B", kind=PartnerKind.BUSINESS)
    >>> plan = WorkPlan(drawn_up_on=date(2025, 3, 1), participants=[pkbm.id, shop.id],
    ...     activities=[PlannedActivity(name="Produksi", responsible=pkbm.id, budget=Decimal(100),
    ...         period=Period(start=date(2025, 4, 1), end=date(2025, 5, 31)))],
    ...     indicators=[Indicator(id="terjual", name="Tas terjual", unit="buah",
    ...         baseline=Decimal(0), baseline_on=date(2025, 4, 1),
    ...         targets=[Target(by=date(2025, 6, 30), value=Decimal(90))],
    ...         verification="Nota", responsible=shop.id)])
    >>> p = Partnership(institution=pkbm, program=Program(name="PKW", objectives=["Mandiri"]),
    ...                 partners=[shop], work_plan=plan)
    >>> p.monitoring.append(MonitoringRecord(cycle=1, on=date(2025, 5, 31), by=pkbm.id,
    ...     progress=[ActivityProgress(activity="produksi", percent=Decimal(60))],
    ...     indicators=[IndicatorValue(indicator="terjual", value=Decimal(20))],
    ...     spending=[Spending(activity="produksi", amount=Decimal(130))]))
    >>> nxt = carry_forward(p, on=date(2026, 2, 1),
    ...                     period=Period(start=date(2026, 3, 1), end=date(2027, 2, 28)))
    >>> nxt.for_cycle, nxt.carried_forward
    (2, ['Produksi', 'Tas terjual'])
    """
    planned, indicators = current_plan(partnership)
    facts = _Facts(partnership, on)
    carried: list[PlannedActivity] = []
    for activity in planned:
        progress, _ = facts.of(activity)
        if not progress or progress[-1][1] < 100:
            carried.append(activity.model_copy(update={"period": None}))
    missed: list[Indicator] = []
    for indicator in indicators:
        measured = facts.value(indicator)
        if measured is not None and indicator_reached(indicator, measured[1]):
            continue
        when, value = measured or (indicator.baseline_on, indicator.baseline)
        start = min(when, period.start - timedelta(days=1))
        missed.append(
            indicator.model_copy(
                update={
                    "baseline": value,
                    "baseline_on": start,
                    "targets": [Target(by=period.end, value=indicator.final.value)],
                }
            )
        )
    learned = list(lessons or [])
    for evaluation in partnership.evaluations:
        if evaluation.cycle == partnership.cycle:
            learned += [f"{o.problem}: {o.cause}" for o in evaluation.obstacles]
    new = [a for a in activities or [] if a.id not in {c.id for c in carried}]
    if not carried and not new:
        raise InvalidArgumentError.saying(
            N_("every activity of this cycle is finished: give the next year's activities"),
            rule="nothing_to_carry",
        )
    return FollowUpPlan(
        for_cycle=partnership.cycle + 1,
        drawn_up_on=on,
        period=period,
        lessons=list(dict.fromkeys(learned)),
        activities=[*carried, *new],
        indicators=missed,
        carried_forward=[a.name for a in carried] + [i.name for i in missed],
    )
