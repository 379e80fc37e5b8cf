"""Planning together: the joint work plan (guide A.5) and the follow-up plan (A.11).

Guide A.5: "Dalam perencanaannya harus melibatkan pihak-pihak yang akan bermitra
sehingga semua aspirasi dan kepentingan setiap pihak dapat terwakili" — every party
takes part in drawing up the plan, and every activity has a party responsible.
Guide A.11 plans the next year's activities, considering the evaluation.

A plan states what it aims at in the logframe's levels (:class:`Objective`: the goal,
the purpose, the outputs), what will be done (:class:`PlannedActivity`: by whom, with
whom, when, for how much, and which of the agreement's obligations it fulfils) and how
progress is measured (:class:`Indicator`: unit, baseline, targets by date, which
direction is better, and the means of verification). Monitoring
(:mod:`kemitraan.monitoring`) records against these, and deviations
(:mod:`kemitraan.deviations`) are found from them.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from functools import lru_cache, partial
from itertools import pairwise
from typing import Annotated, Any, Self

from pydantic import Field, model_validator

from kemitraan._base import LabelledEnum, ValueModel, field_error, reject_duplicates
from kemitraan._types import NonEmptyStr, PartyId, Period, Rupiah, ShortText

__all__ = [
    "Direction",
    "FollowUpPlan",
    "Indicator",
    "Measure",
    "Objective",
    "ObjectiveLevel",
    "PlannedActivity",
    "Target",
    "WorkPlan",
    "plan_for_cycle",
]

Key = PartyId
"""An identifier of something in a plan: lowercase letters and digits, ``-`` or ``_``."""


def _key(name: str) -> str:
    from kemitraan.parties import slug

    return slug(name) or "x"


class ObjectiveLevel(LabelledEnum):
    """The levels of a logframe, from the widest aim down to what the activities produce.

    >>> [level.label_id for level in ObjectiveLevel]
    ['Tujuan umum', 'Tujuan khusus', 'Keluaran']
    """

    GOAL = "goal", "Tujuan umum", "Goal"
    PURPOSE = "purpose", "Tujuan khusus", "Purpose"
    OUTPUT = "output", "Keluaran", "Output"


_PARENT_LEVEL = {
    ObjectiveLevel.PURPOSE: ObjectiveLevel.GOAL,
    ObjectiveLevel.OUTPUT: ObjectiveLevel.PURPOSE,
}


class Objective(ValueModel):
    """One aim of the plan, at its level, and the aim one level up it serves.

    >>> Objective(id="lulusan-berusaha", level=ObjectiveLevel.PURPOSE,
    ...           statement="Lulusan memulai usaha tas rajut", serves="kemandirian").serves
    'kemandirian'
    """

    id: Key
    """How activities and indicators refer to it."""
    level: ObjectiveLevel
    """Goal, purpose or output."""
    statement: NonEmptyStr
    """What is aimed at."""
    serves: Key | None = None
    """The objective one level up that this one serves (none for the goal)."""


class Direction(LabelledEnum):
    """Which way an indicator improves.

    >>> Direction.LOWER.label_en
    'Lower is better'
    """

    HIGHER = "higher", "Makin tinggi makin baik", "Higher is better"
    LOWER = "lower", "Makin rendah makin baik", "Lower is better"


Measure = Annotated[Decimal, Field(gt=-(10**15), lt=10**15, allow_inf_nan=False)]
"""A measured or targeted value: below a quadrillion either way."""


class Target(ValueModel):
    """The value an indicator should reach by a date.

    >>> from decimal import Decimal
    >>> Target(by=date(2025, 7, 31), value=Decimal(200)).value
    Decimal('200')
    """

    by: date
    """When."""
    value: Measure
    """The value."""


@lru_cache(maxsize=4096)
def _places(*values: Decimal) -> int:
    """The most decimal places any of ``values`` carries (trailing zeros aside)."""
    exponents = [v.normalize().as_tuple().exponent for v in values]
    return max((-e for e in exponents if isinstance(e, int) and e < 0), default=0)


class Indicator(ValueModel):
    """How progress is measured: a unit, where it starts, where it should be and when.

    Between the baseline and each target the expected value runs in a straight line,
    so progress can be judged on any day (:meth:`expected`).

    >>> from decimal import Decimal
    >>> sold = Indicator(
    ...     id="tas-terjual", name="Tas terjual per bulan", unit="buah",
    ...     baseline=Decimal(0), baseline_on=date(2025, 4, 1),
    ...     targets=[Target(by=date(2025, 10, 1), value=Decimal(200))],
    ...     verification="Nota pembelian CV Kriya Banua")
    >>> sold.expected(date(2025, 7, 1))
    Decimal('99.45')
    """

    id: Key
    """How monitoring records refer to it."""
    name: ShortText
    """What is measured."""
    unit: ShortText
    """In what (``buah``, ``orang``, ``%``)."""
    baseline: Measure
    """The value at the start."""
    baseline_on: date
    """When the baseline was measured."""
    targets: list[Target] = Field(min_length=1)
    """The values to reach, by date, in order."""
    direction: Direction = Direction.HIGHER
    """Which way is better."""
    verification: NonEmptyStr
    """The means of verification: where the value comes from."""
    objective: Key | None = None
    """The objective it measures."""
    responsible: PartyId | None = None
    """The party that reports it."""

    @model_validator(mode="after")
    def _targets_in_order(self) -> Self:
        previous = self.baseline_on
        for index, target in enumerate(self.targets):
            if target.by <= previous:
                raise field_error(
                    self,
                    ("targets", index, "by"),
                    "target_out_of_order",
                    "targets follow the baseline and each other in time ({by} is not after "
                    "{previous})",
                    by=target.by.isoformat(),
                    previous=previous.isoformat(),
                )
            previous = target.by
        return self

    def expected(self, on: date) -> Decimal:
        """The value expected on ``on``, to two decimals.

        The baseline before it, then a straight line from target to target, the last
        target after it.
        """
        points = [(self.baseline_on, self.baseline), *((t.by, t.value) for t in self.targets)]
        if on <= points[0][0]:
            return self.baseline
        for (start, low), (end, high) in pairwise(points):
            if on <= end:
                share = Decimal((on - start).days) / Decimal((end - start).days)
                return (low + (high - low) * share).quantize(Decimal("0.01"))
        return points[-1][1]

    @property
    def final(self) -> Target:
        """The last target."""
        return self.targets[-1]

    @property
    def places(self) -> int:
        """The decimal places the indicator is counted in.

        As many as its baseline and targets carry (whole bags, whole people: ``0``), so a
        value derived from them is rounded to its unit.

        >>> from decimal import Decimal
        >>> Indicator(id="x", name="Tas", unit="buah", baseline=Decimal(0),
        ...           baseline_on=date(2025, 5, 1), verification="Nota",
        ...           targets=[Target(by=date(2025, 8, 31), value=Decimal("150"))]).places
        0
        """
        return _places(self.baseline, *self.values)

    @property
    def values(self) -> list[Decimal]:
        """The agreed target values, in order."""
        return [t.value for t in self.targets]

    def milestone(self, on: date) -> Target | None:
        """The agreed target most recently due on or before ``on``, or ``None`` before the first.

        What should be reached by then: never a value between two targets.

        >>> from decimal import Decimal
        >>> sold = Indicator(id="x", name="Tas", unit="buah", baseline=Decimal(0),
        ...     baseline_on=date(2025, 5, 1), verification="Nota",
        ...     targets=[Target(by=date(2025, 8, 31), value=Decimal(150)),
        ...              Target(by=date(2025, 12, 31), value=Decimal(200))])
        >>> sold.milestone(date(2025, 7, 15)), sold.milestone(date(2025, 9, 1)).value
        (None, Decimal('150'))
        """
        return next((t for t in reversed(self.targets) if t.by <= on), None)

    def reached(self, value: Decimal, target: Decimal | None = None) -> bool:
        """Whether ``value`` reaches ``target`` (the final one by default), in its direction.

        At or above it when higher is better, at or below it when lower is.

        >>> from decimal import Decimal
        >>> rejects = Indicator(id="x", name="Tas ditolak", unit="%", baseline=Decimal(20),
        ...     baseline_on=date(2025, 5, 1), verification="Catatan kurasi",
        ...     targets=[Target(by=date(2025, 8, 31), value=Decimal(5))],
        ...     direction=Direction.LOWER)
        >>> rejects.reached(Decimal(4)), rejects.reached(Decimal(12))
        (True, False)
        """
        goal = self.final.value if target is None else target
        return value >= goal if self.direction is Direction.HIGHER else value <= goal


class PlannedActivity(ValueModel):
    """One activity of a plan, with the party responsible for it.

    >>> PlannedActivity(name="Pelatihan teknik rajut", responsible="kube-rajut-lestari").id
    'pelatihan-teknik-rajut'
    """

    name: ShortText
    """What will be done."""
    id: Key = Field(
        default_factory=lambda data: _key(str(data.get("name", ""))), validate_default=True
    )
    """How records refer to it; by default made from the name."""
    responsible: PartyId
    """The party responsible for it."""
    supporting: list[PartyId] = Field(default_factory=list)
    """Other parties that take part."""
    period: Period | None = None
    """When."""
    output: NonEmptyStr | None = None
    """What it should produce."""
    objective: Key | None = None
    """The output (objective) it produces."""
    budget: Rupiah | None = None
    """What it may cost, in rupiah."""
    fulfils: list[NonEmptyStr] = Field(default_factory=list)
    """The obligations of the agreement it fulfils: each a responsibility of a party, as the
    agreement words it, or an obligation's id (:mod:`kemitraan.obligations`)."""

    @model_validator(mode="before")
    @classmethod
    def _no_id_is_made_from_the_name(cls, data: Any) -> Any:
        # an empty or null id (JSON written by hand, or before the id was optional in the
        # schema) is made from the name, as a missing one is
        if isinstance(data, dict) and "id" in data and not data["id"]:
            return {key: value for key, value in data.items() if key != "id"}
        return data


def _id_at(field: str, index: int) -> tuple[str, int, str]:
    return (field, index, "id")


def _check_activities(model: ValueModel, activities: list[PlannedActivity]) -> None:
    ids = {a.id: index for index, a in enumerate(activities)}
    for index, activity in enumerate(activities):
        other = ids.get(activity.name)
        if other is not None and other != index:
            raise field_error(
                model,
                ("activities", index, "name"),
                "activity_name_is_an_id",
                "activity '{name}' is named like the id of another activity; a record naming "
                "it would count for both",
                name=activity.name,
            )
    reject_duplicates(
        model,
        [a.name for a in activities],
        lambda index: ("activities", index, "name"),
        "duplicate_activity",
        "activity '{value}' is planned twice",
    )
    reject_duplicates(
        model,
        [a.id for a in activities],
        lambda index: ("activities", index, "id"),
        "duplicate_activity",
        "activity id '{value}' is used twice",
    )


class WorkPlan(ValueModel):
    """The joint work plan, drawn up with every party (guide A.5).

    >>> WorkPlan(
    ...     drawn_up_on=date(2025, 2, 24), participants=["pkbm", "kube"],
    ...     activities=[PlannedActivity(name="Praktik produksi", responsible="kube")],
    ... ).responsible_parties()
    {'kube'}
    """

    drawn_up_on: date
    """When the plan was drawn up."""
    participants: list[PartyId] = Field(min_length=1)
    """The parties that took part in drawing it up."""
    objectives: list[Objective] = Field(default_factory=list)
    """What the plan aims at: the goal, the purpose, the outputs."""
    activities: list[PlannedActivity] = Field(default_factory=list)
    """What will be done, by whom."""
    indicators: list[Indicator] = Field(default_factory=list)
    """How progress is measured."""
    notes: NonEmptyStr | None = None
    """The aspirations and interests each party brought (guide A.5)."""

    @model_validator(mode="after")
    def _check(self) -> Self:
        _check_activities(self, self.activities)
        for name, items in (("objectives", self.objectives), ("indicators", self.indicators)):
            reject_duplicates(
                self,
                [item.id for item in items],
                partial(_id_at, name),
                "duplicate_id",
                "id '{value}' is used twice",
            )
        levels = {o.id: o.level for o in self.objectives}
        for index, objective in enumerate(self.objectives):
            wanted = _PARENT_LEVEL.get(objective.level)
            if objective.serves is not None and levels.get(objective.serves) != wanted:
                raise field_error(
                    self,
                    ("objectives", index, "serves"),
                    "objective_serves",
                    "a {level} serves an objective of the level above it ({wanted}), not "
                    "'{serves}'",
                    level=objective.level.value,
                    wanted=wanted.value if wanted else "none",
                    serves=objective.serves,
                )
        linked = [("activities", i, a.objective) for i, a in enumerate(self.activities)]
        linked += [("indicators", i, m.objective) for i, m in enumerate(self.indicators)]
        for field, index, wanted_objective in linked:
            if wanted_objective is not None and wanted_objective not in levels:
                raise field_error(
                    self,
                    (field, index, "objective"),
                    "unknown_objective",
                    "'{objective}' is not an objective of this plan",
                    objective=wanted_objective,
                )
        return self

    def responsible_parties(self) -> set[str]:
        """The parties responsible for at least one activity."""
        return {a.responsible for a in self.activities}

    def activity(self, key: str) -> PlannedActivity | None:
        """The activity with id ``key``, else the one named ``key``."""
        found = next((a for a in self.activities if a.id == key), None)
        return found or next((a for a in self.activities if a.name == key), None)

    def indicator(self, key: str) -> Indicator | None:
        """The indicator with id ``key``."""
        return next((i for i in self.indicators if i.id == key), None)

    @property
    def budget(self) -> Decimal:
        """The budget of every activity together."""
        return sum((a.budget or Decimal(0) for a in self.activities), Decimal(0))


class FollowUpPlan(ValueModel):
    """The plan for the next year of the cooperation (guide A.11).

    >>> FollowUpPlan(
    ...     for_cycle=2, drawn_up_on=date(2026, 2, 2),
    ...     period=Period(start=date(2026, 3, 10), end=date(2027, 3, 9)),
    ...     lessons=["Mutu jahitan tali perlu distandarkan"],
    ...     activities=[PlannedActivity(name="Pelatihan mutu", responsible="kube")],
    ... ).for_cycle
    2
    """

    for_cycle: int = Field(ge=2)
    """The cycle (year of the cooperation) it plans."""
    drawn_up_on: date
    """When it was drawn up."""
    period: Period
    """When the next cycle runs."""
    lessons: list[NonEmptyStr] = Field(default_factory=list)
    """What the evaluation and reflection taught, which the plan takes into account."""
    activities: list[PlannedActivity] = Field(min_length=1)
    """The activities planned for the next cycle."""
    indicators: list[Indicator] = Field(default_factory=list)
    """The indicators for the next cycle (missed ones carried forward)."""
    carried_forward: list[NonEmptyStr] = Field(default_factory=list)
    """What this plan takes over from the cycle before: unfinished activities and missed
    indicators, by name."""
    amend_agreement: bool = False
    """Whether the agreement is changed by an addendum, or only extended."""

    @model_validator(mode="after")
    def _check(self) -> Self:
        _check_activities(self, self.activities)
        return self


def plan_for_cycle(
    work_plan: WorkPlan | None, follow_up_plans: Iterable[FollowUpPlan], cycle: int
) -> tuple[list[PlannedActivity], list[Indicator]]:
    """The activities and indicators that hold in ``cycle``.

    From the second cycle on, the latest follow-up plan drawn up for it (guide A.11);
    otherwise the joint work plan (A.5). Plans of one day are told apart by content,
    so the answer does not depend on the order they were recorded in.

    >>> plan_for_cycle(None, [], 1)
    ([], [])
    """
    if cycle > 1:
        plans = [f for f in follow_up_plans if f.for_cycle == cycle]
        if plans:
            latest = max(plans, key=lambda f: (f.drawn_up_on, f.model_dump_json()))
            return list(latest.activities), list(latest.indicators)
    if work_plan is None:
        return [], []
    return list(work_plan.activities), list(work_plan.indicators)
