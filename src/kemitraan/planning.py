"""Planning together: the joint work plan (guide A.5) and the follow-up plan (A.11).

Guide A.5: "Dalam perencanaannya harus melibatkan pihak-pihak yang akan bermitra
sehingga semua aspirasi dan kepentingan setiap pihak dapat terwakili" — every party
takes part in drawing up the plan, and every activity has a party responsible.
Guide A.11 plans the next year's activities, considering the evaluation.
"""

from __future__ import annotations

from datetime import date
from typing import Self

from pydantic import Field, model_validator

from kemitraan._base import ValueModel, reject_duplicates
from kemitraan._types import NonEmptyStr, PartyId, Period, ShortText

__all__ = ["FollowUpPlan", "PlannedActivity", "WorkPlan"]


class PlannedActivity(ValueModel):
    """One activity of a plan, with the party responsible for it.

    >>> PlannedActivity(name="Pelatihan teknik rajut", responsible="kube-rajut-lestari").name
    'Pelatihan teknik rajut'
    """

    name: ShortText
    """What will be done."""
    responsible: PartyId
    """The party responsible for it."""
    supporting: list[PartyId] = Field(default_factory=list)
    """Other parties that take part."""
    period: Period | None = None
    """When."""
    output: NonEmptyStr | None = None
    """What it should produce."""


def _unique_names(model: ValueModel, activities: list[PlannedActivity]) -> None:
    reject_duplicates(
        model,
        [a.name for a in activities],
        lambda index: ("activities", index, "name"),
        "duplicate_activity",
        "activity '{value}' is planned twice",
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
    activities: list[PlannedActivity] = Field(default_factory=list)
    """What will be done, by whom."""
    notes: NonEmptyStr | None = None
    """The aspirations and interests each party brought (guide A.5)."""

    @model_validator(mode="after")
    def _check(self) -> Self:
        _unique_names(self, self.activities)
        return self

    def responsible_parties(self) -> set[str]:
        """The parties responsible for at least one activity."""
        return {a.responsible for a in self.activities}


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
    amend_agreement: bool = False
    """Whether the agreement is changed by an addendum, or only extended."""

    @model_validator(mode="after")
    def _check(self) -> Self:
        _unique_names(self, self.activities)
        return self
