"""Implementation, monitoring, joint evaluation and the decision (guide A.8–A.10).

A.8 carries out the plan, each party by its role; A.9 monitors progress to prevent
deviation and evaluates **together**: which activities run to plan and which do
not, which objectives are met and which not, and what problems stand in the way
and why; A.10 improves and decides whether to continue next year. Each record
belongs to a cycle (the year of the cooperation).
"""

from __future__ import annotations

from datetime import date

from pydantic import Field

from kemitraan._base import ValueModel
from kemitraan._types import NonEmptyStr, PartyId, ShortText

__all__ = [
    "Decision",
    "Evaluation",
    "ImplementationRecord",
    "MonitoringRecord",
    "Obstacle",
]


class ImplementationRecord(ValueModel):
    """An activity carried out (guide A.8).

    >>> ImplementationRecord(cycle=1, on=date(2025, 4, 14), activity="Pembukaan kelas",
    ...                      party_ids=["pkbm"]).activity
    'Pembukaan kelas'
    """

    cycle: int = Field(ge=1)
    """The year of the cooperation."""
    on: date
    """When."""
    activity: ShortText
    """What was done (ideally the name of a planned activity)."""
    party_ids: list[PartyId] = Field(min_length=1)
    """The parties that carried it out."""
    result: NonEmptyStr | None = None
    """What came of it."""


class MonitoringRecord(ValueModel):
    """A check on progress (guide A.9), with any deviation from the plan.

    >>> MonitoringRecord(cycle=1, on=date(2025, 5, 30), by="pkbm",
    ...                  findings="18 dari 20 peserta hadir rutin").deviations
    []
    """

    cycle: int = Field(ge=1)
    """The year of the cooperation."""
    on: date
    """When."""
    by: PartyId
    """The party that monitored."""
    findings: NonEmptyStr
    """What was observed."""
    deviations: list[NonEmptyStr] = Field(default_factory=list)
    """Deviations from the plan or the objectives."""
    solutions: list[NonEmptyStr] = Field(default_factory=list)
    """Solutions agreed for the problems found."""


class Obstacle(ValueModel):
    """A problem or weakness that hinders the objectives, and its cause (guide A.9).

    >>> Obstacle(problem="Tali tas mudah lepas", cause="Teknik sambungan belum seragam").cause
    'Teknik sambungan belum seragam'
    """

    problem: NonEmptyStr
    """The problem or weakness."""
    cause: NonEmptyStr
    """Its cause."""


class Evaluation(ValueModel):
    """The joint evaluation of a cycle, with every party taking part (guide A.9).

    >>> Evaluation(cycle=1, on=date(2026, 1, 26), participants=["pkbm", "kube"],
    ...            objectives_met=["Peserta mampu membuat tas rajut"]).objectives_met
    ['Peserta mampu membuat tas rajut']
    """

    cycle: int = Field(ge=1)
    """The year of the cooperation evaluated."""
    on: date
    """When."""
    participants: list[PartyId] = Field(min_length=1)
    """The parties that took part."""
    activities_on_plan: list[NonEmptyStr] = Field(default_factory=list)
    """Activities that ran to plan."""
    activities_off_plan: list[NonEmptyStr] = Field(default_factory=list)
    """Activities that did not."""
    objectives_met: list[NonEmptyStr] = Field(default_factory=list)
    """Objectives achieved."""
    objectives_unmet: list[NonEmptyStr] = Field(default_factory=list)
    """Objectives not (yet) achieved."""
    obstacles: list[Obstacle] = Field(default_factory=list)
    """Problems that hindered the objectives, with their causes."""


class Decision(ValueModel):
    """The improvements and the decision whether to continue next year (guide A.10).

    >>> Decision(cycle=1, on=date(2026, 2, 2), continue_cooperation=True,
    ...          improvements=["Standar mutu tali tas"]).continue_cooperation
    True
    """

    cycle: int = Field(ge=1)
    """The year of the cooperation it concludes."""
    on: date
    """When it was made."""
    continue_cooperation: bool
    """Whether the cooperation continues next year."""
    improvements: list[NonEmptyStr] = Field(default_factory=list)
    """Improvements made or agreed on the basis of the evaluation."""
    reason: NonEmptyStr | None = None
    """Why."""
    decided_by: list[PartyId] = Field(default_factory=list)
    """The parties that decided."""
