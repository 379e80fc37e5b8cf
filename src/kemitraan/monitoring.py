"""Implementation, monitoring, joint evaluation and the decision (guide A.8–A.10).

A.8 carries out the plan, each party by its role; A.9 monitors progress to prevent
deviation and evaluates **together**: which activities run to plan and which do
not, which objectives are met and which not, and what problems stand in the way
and why; A.10 improves and decides whether to continue next year. Each record
belongs to a cycle (the year of the cooperation).

A monitoring record states, besides what was observed, the progress of the plan's
activities, the indicators' values, the money spent, and the problems met with the
solution agreed ("dapat dicarikan solusinya"), with who took part. Each party gives
its own view of the partnership's health (:class:`PartnerView`, scored on the
:class:`HealthItem` checklist); where the views diverge is what the joint evaluation
should discuss first (:mod:`kemitraan.evaluation`).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Self

from pydantic import Field, model_validator

from kemitraan._base import LabelledEnum, ValueModel, field_error
from kemitraan._refs import PartyRef
from kemitraan._types import NonEmptyStr, Percent, Rupiah, ShortText
from kemitraan.actors import Actor
from kemitraan.attachments import Attachment
from kemitraan.planning import Measure

__all__ = [
    "ActivityProgress",
    "Decision",
    "Evaluation",
    "HealthItem",
    "ImplementationRecord",
    "ImprovementAction",
    "IndicatorValue",
    "MonitoringRecord",
    "Obstacle",
    "PartnerView",
    "ProblemMet",
    "Spending",
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
    """What was done: a planned activity's id or name, to count for it."""
    party_ids: list[PartyRef] = Field(min_length=1)
    """The parties that carried it out."""
    result: NonEmptyStr | None = None
    """What came of it."""
    fulfils: list[NonEmptyStr] = Field(default_factory=list)
    """Obligations this shows fulfilled (an obligation's id or its wording), besides those the
    activity fulfils by the plan."""
    attachments: list[Attachment] = Field(default_factory=list)
    """Evidence files (photos of the activity, a signed receipt),
    kept in an :class:`~kemitraan.attachments.AttachmentFolder` under their hash; only the
    hash and what the file is are here."""
    recorded_by: Actor | None = None
    """Who recorded it, when an app names its actors (:mod:`kemitraan.access`): under an
    access policy the partnership writes the actor in; a record given another's is rewritten."""


class ActivityProgress(ValueModel):
    """How far an activity of the plan has come, as a monitoring record saw it.

    >>> ActivityProgress(activity="praktik-produksi", percent=60).percent
    Decimal('60')
    """

    activity: ShortText
    """The activity's id or name."""
    percent: Percent
    """How much of it is done (100 when it is finished)."""
    note: NonEmptyStr | None = None
    """What was seen."""


class IndicatorValue(ValueModel):
    """An indicator's value, as measured.

    >>> IndicatorValue(indicator="tas-terjual", value=180).value
    Decimal('180')
    """

    indicator: ShortText
    """The indicator's id."""
    value: Measure
    """The value measured."""
    measured_on: date | None = None
    """When it was measured, when not on the record's date."""


class Spending(ValueModel):
    """Money spent on an activity so far, in rupiah.

    >>> Spending(activity="praktik-produksi", amount=1_500_000).amount
    Decimal('1500000')
    """

    activity: ShortText
    """The activity's id or name."""
    amount: Rupiah
    """Spent so far (the total to date, not since the last record)."""


class ProblemMet(ValueModel):
    """A problem met while carrying out the plan, and the solution agreed (guide A.9).

    >>> ProblemMet(problem="Tali tas mudah lepas", solution="Pelatihan sambungan tali",
    ...            party_id="kube").resolved
    False
    """

    problem: NonEmptyStr
    """The problem."""
    party_id: PartyRef | None = None
    """The party it concerns, when one."""
    activity: ShortText | None = None
    """The activity it concerns, when one."""
    cause: NonEmptyStr | None = None
    """Its cause, once known."""
    solution: NonEmptyStr | None = None
    """The solution agreed ("dapat dicarikan solusinya")."""
    resolved: bool = False
    """Whether the solution has worked."""


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
    by: PartyRef
    """The party that monitored."""
    findings: NonEmptyStr | None = None
    """What was observed, in words."""
    participants: list[PartyRef] = Field(default_factory=list)
    """The parties that took part (besides ``by``)."""
    progress: list[ActivityProgress] = Field(default_factory=list)
    """How far each activity seen has come."""
    indicators: list[IndicatorValue] = Field(default_factory=list)
    """The indicators' values measured."""
    spending: list[Spending] = Field(default_factory=list)
    """The money spent so far, per activity."""
    problems: list[ProblemMet] = Field(default_factory=list)
    """The problems met, and the solutions agreed."""
    deviations: list[NonEmptyStr] = Field(default_factory=list)
    """Deviations from the plan or the objectives, in words."""
    solutions: list[NonEmptyStr] = Field(default_factory=list)
    """Solutions agreed for the problems found, in words."""
    fulfils: list[NonEmptyStr] = Field(default_factory=list)
    """Obligations the visit found fulfilled (an obligation's id or its wording): evidence
    for :func:`~kemitraan.obligation_status` as an implementation record's is."""
    attachments: list[Attachment] = Field(default_factory=list)
    """Evidence files (photos of the visit, a signed attendance list),
    kept in an :class:`~kemitraan.attachments.AttachmentFolder` under their hash; only the
    hash and what the file is are here."""
    recorded_by: Actor | None = None
    """Who recorded it, when an app names its actors (:mod:`kemitraan.access`): under an
    access policy the partnership writes the actor in; a record given another's is rewritten."""

    @model_validator(mode="after")
    def _says_something(self) -> Self:
        if self.findings is None and not (
            self.progress or self.indicators or self.spending or self.problems or self.fulfils
        ):
            raise field_error(
                self,
                ("findings",),
                "empty_monitoring",
                "a monitoring record says what was observed: findings, progress, indicator "
                "values, spending or problems",
            )
        return self

    @property
    def parties(self) -> set[str]:
        """Everyone who took part: the party that monitored and the participants."""
        return {self.by, *self.participants}


class Obstacle(ValueModel):
    """A problem or weakness that hinders the objectives, and its cause (guide A.9).

    >>> Obstacle(problem="Tali tas mudah lepas", cause="Teknik sambungan belum seragam").cause
    'Teknik sambungan belum seragam'
    """

    problem: NonEmptyStr
    """The problem or weakness."""
    cause: NonEmptyStr
    """Its cause."""


class HealthItem(LabelledEnum):
    """What each party scores about the partnership's health (1 poor … 5 good).

    A short checklist in the spirit of the partnership health checks practitioners use:
    shared purpose, each party's benefit, fair contribution, trust, communication, clear
    roles, the commitment of its leaders, and learning from problems.

    >>> HealthItem.TRUST.label_id
    'Saling percaya'
    """

    SHARED_PURPOSE = "shared_purpose", "Tujuan bersama dipahami semua pihak", "A purpose all share"
    BENEFIT = "benefit", "Setiap pihak memperoleh manfaat", "Every party benefits"
    FAIR_CONTRIBUTION = (
        "fair_contribution",
        "Kontribusi setiap pihak seimbang",
        "Fair contributions",
    )
    TRUST = "trust", "Saling percaya", "Mutual trust"
    COMMUNICATION = "communication", "Komunikasi lancar dan terbuka", "Open, regular communication"
    CLEAR_ROLES = "clear_roles", "Peran dan tanggung jawab jelas", "Clear roles and duties"
    COMMITMENT = "commitment", "Pimpinan setiap pihak berkomitmen", "Committed leadership"
    LEARNING = "learning", "Masalah dibahas dan diperbaiki bersama", "Problems solved together"


Score = Annotated[int, Field(ge=1, le=5)]


class PartnerView(ValueModel):
    """One party's own view of the partnership's health: a score per item, with comments.

    >>> PartnerView(party_id="kube", on=date(2026, 1, 20),
    ...             scores={HealthItem.TRUST: 4, HealthItem.BENEFIT: 2}).scores[HealthItem.BENEFIT]
    2
    """

    party_id: PartyRef
    """Whose view."""
    on: date
    """When it was given."""
    scores: dict[HealthItem, Score] = Field(min_length=1)
    """1 (poor) to 5 (good), per item scored."""
    comments: dict[HealthItem, NonEmptyStr] = Field(default_factory=dict)
    """Why, per item, when the party says."""


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
    participants: list[PartyRef] = Field(min_length=1)
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
    views: list[PartnerView] = Field(default_factory=list)
    """Each party's own view of the partnership's health."""
    attachments: list[Attachment] = Field(default_factory=list)
    """Evidence files (the signed minutes and attendance list, photos),
    kept in an :class:`~kemitraan.attachments.AttachmentFolder` under their hash; only the
    hash and what the file is are here."""
    recorded_by: Actor | None = None
    """Who recorded it, when an app names its actors (:mod:`kemitraan.access`): under an
    access policy the partnership writes the actor in; a record given another's is rewritten."""

    @model_validator(mode="after")
    def _one_view_each(self) -> Self:
        seen: set[str] = set()
        for index, view in enumerate(self.views):
            if view.party_id in seen:
                raise field_error(
                    self,
                    ("views", index, "party_id"),
                    "duplicate_view",
                    "'{party}' gives its view once per evaluation",
                    party=view.party_id,
                )
            seen.add(view.party_id)
        return self


class ImprovementAction(ValueModel):
    """An improvement the parties agree on, who carries it out and which problems it addresses.

    >>> ImprovementAction(action="Standar mutu sambungan tali", owner="kube",
    ...                   addresses=["Tali tas mudah lepas"]).owner
    'kube'
    """

    action: NonEmptyStr
    """What will be improved."""
    owner: PartyRef
    """The party that carries it out."""
    addresses: list[NonEmptyStr] = Field(default_factory=list)
    """The problems (obstacles, problems met, deviations) it addresses, in their words."""
    due: date | None = None
    """By when."""


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
    """Improvements made or agreed on the basis of the evaluation, in words."""
    actions: list[ImprovementAction] = Field(default_factory=list)
    """The improvements as actions, with owners and the problems they address."""
    reason: NonEmptyStr | None = None
    """Why."""
    decided_by: list[PartyRef] = Field(default_factory=list)
    """The parties that decided."""
    recorded_by: Actor | None = None
    """Who recorded it, when an app names its actors (:mod:`kemitraan.access`): under an
    access policy the partnership writes the actor in; a record given another's is rewritten."""
