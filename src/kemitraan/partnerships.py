"""The Partnership aggregate: everything the guide's 11 steps produce, and its moves.

One :class:`Partnership` is one prospective or running cooperation between the
institution and one or more partners. It holds what every step produces — the
candidates and their profiles (A.1–A.2), relevance assessments (A.3), exploration
meetings (A.4), the joint work plan (A.5), the agreement and its addenda (A.6),
signatures (A.7), implementation and monitoring records (A.8–A.9), the joint
evaluation (A.9), the decision (A.10) and the follow-up plan (A.11) — plus its
``stage``, ``cycle`` and ``history``.

The stage changes only through moves (:meth:`Partnership.advance`,
:meth:`~Partnership.decline`, :meth:`~Partnership.end`, :meth:`~Partnership.renew`),
each checked against the guide's requirements first: a refused move raises a
:class:`~kemitraan.exceptions.TransitionRefusedError` and changes nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Any, Final, Self
from uuid import uuid4

from pydantic import Field, PrivateAttr, model_validator

from kemitraan._base import VersionedDocument, field_error, reject_duplicates
from kemitraan.agreements import Agreement
from kemitraan.exceptions import (
    ActionNotAllowedError,
    MoveNotAllowedError,
    ReadOnlyFieldError,
    RequirementsUnmetError,
    UnknownPartyError,
)
from kemitraan.exploration import Exploration, PartnerResponse
from kemitraan.findings import Requirement, canonical_code
from kemitraan.lifecycle import (
    AuditRecord,
    Move,
    PartnershipMachine,
    Stage,
    allowed_moves,
    transition_table,
)
from kemitraan.monitoring import Decision, Evaluation, ImplementationRecord, MonitoringRecord
from kemitraan.parties import Institution, Partner, Party
from kemitraan.planning import FollowUpPlan, WorkPlan
from kemitraan.programs import Program
from kemitraan.provisions import Signatory, Term
from kemitraan.relevance import RelevanceAssessment
from kemitraan.requirements import holds_up, stages_held_up_by, unmet

__all__ = ["Partnership", "stage_counts", "waiting_on"]

_GUARDED: Final = frozenset({"stage", "cycle", "history"})


def _move(move: Move | str, stage: Stage) -> Move:
    try:
        return Move(move)
    except ValueError:
        allowed = [m.value for m in allowed_moves(stage)]
        raise MoveNotAllowedError(move=str(move), stage=stage.value, allowed=allowed) from None


class Partnership(VersionedDocument):
    """One cooperation between the institution and its partners, through the guide's steps.

    >>> from kemitraan import Institution, Partner, PartnerKind, Program, Region, Stage
    >>> p = Partnership(
    ...     institution=Institution(name="PKBM Harapan Bangsa"),
    ...     program=Program(name="Pembuatan Tas Rajut", objectives=["Mandiri berwirausaha"]),
    ... )
    >>> p.stage.label_id
    'Identifikasi atau pemetaan objek mitra'
    >>> [r.code for r in p.unmet_requirements()]
    ['candidate_mapped']
    >>> p.partners.append(Partner(name="CV Kriya Banua", kind=PartnerKind.BUSINESS,
    ...                           region=Region(province="Kalimantan Selatan")))
    >>> record = p.advance(actor="Rina")
    >>> p.stage is Stage.GATHERING, record.from_stage.number, len(p.history)
    (True, 1, 1)
    """

    id: str = Field(default_factory=lambda: uuid4().hex, min_length=1, max_length=64)
    """Stable identifier for apps that store many partnerships."""
    institution: Institution
    """The education unit seeking partners."""
    program: Program
    """The programme partners are sought for."""
    partners: list[Partner] = Field(default_factory=list)
    """The candidates mapped (A.1), with what was gathered about them (A.2)."""
    relevance: list[RelevanceAssessment] = Field(default_factory=list)
    """Relevance assessments against the programme's problems and needs (A.3)."""
    explorations: list[Exploration] = Field(default_factory=list)
    """Audiences, presentations and meetings, with each partner's response (A.4)."""
    work_plan: WorkPlan | None = None
    """The joint work plan (A.5)."""
    agreement: Agreement | None = None
    """The MoU or PKS with every party's roles and responsibilities (A.6), signed in A.7."""
    addenda: list[Agreement] = Field(default_factory=list)
    """Addenda that amend the agreement (A.11, "dengan atau tanpa perubahan")."""
    implementation: list[ImplementationRecord] = Field(default_factory=list)
    """Activities carried out (A.8)."""
    monitoring: list[MonitoringRecord] = Field(default_factory=list)
    """Monitoring records (A.9)."""
    evaluations: list[Evaluation] = Field(default_factory=list)
    """Joint evaluations (A.9)."""
    decisions: list[Decision] = Field(default_factory=list)
    """Decisions whether to continue (A.10)."""
    follow_up_plans: list[FollowUpPlan] = Field(default_factory=list)
    """Plans for the next cycle (A.11)."""
    stage: Stage = Stage.MAPPING
    """The step the partnership is in; changed only by moves."""
    cycle: int = Field(default=1, ge=1)
    """The year of the cooperation: 1, then 2 after the first renewal, …"""
    history: list[AuditRecord] = Field(default_factory=list)
    """Every move made: from, to, when, who, why."""

    _machine: PartnershipMachine | None = PrivateAttr(default=None)
    _in_move: bool = PrivateAttr(default=False)

    # -- integrity ------------------------------------------------------------------

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if getattr(self, "_in_move", False):
            return self
        reject_duplicates(
            self,
            [self.institution.id, *(p.id for p in self.partners)],
            lambda index: ("partners", index - 1, "id"),
            "duplicate_party",
            "party id '{value}' appears twice",
        )
        if self.history:
            last = self.history[-1]
            if last.to_stage is not self.stage or last.cycle != self.cycle:
                raise field_error(
                    self,
                    ("stage",),
                    "history_mismatch",
                    "stage '{stage}' in cycle {cycle} disagrees with the last move in the "
                    "history ('{last}' in cycle {last_cycle})",
                    stage=self.stage.value,
                    cycle=self.cycle,
                    last=last.to_stage.value,
                    last_cycle=last.cycle,
                )
        return self

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _GUARDED and not getattr(self, "_in_move", False):
            raise ReadOnlyFieldError(
                name, "it changes only through moves (advance, decline, end, renew)"
            )
        super().__setattr__(name, value)

    def __eq__(self, other: object) -> bool:
        # Equal data is equal partnerships, whether or not a machine has been built yet.
        if not isinstance(other, Partnership):
            return NotImplemented
        return type(self) is type(other) and self.__dict__ == other.__dict__

    __hash__ = None  # type: ignore[assignment]  # mutable, like every pydantic model

    def __copy__(self) -> Self:
        # A copy gets a machine of its own, bound to itself, when it first needs one.
        copy = super().__copy__()
        copy._machine = None
        return copy

    def __deepcopy__(self, memo: dict[int, Any] | None = None) -> Self:
        copy = super().__deepcopy__(memo)
        copy._machine = None
        return copy

    # -- parties --------------------------------------------------------------------

    def partner(self, partner_id: str) -> Partner:
        """The candidate partner with ``partner_id``.

        Raises:
            UnknownPartyError: when there is none.
        """
        for partner in self.partners:
            if partner.id == partner_id:
                return partner
        raise UnknownPartyError(partner_id, [p.id for p in self.partners])

    def party(self, party_id: str) -> Party:
        """The institution or the partner with ``party_id``."""
        if party_id == self.institution.id:
            return self.institution
        return self.partner(party_id)

    def responses(self) -> dict[str, PartnerResponse]:
        """Each partner's latest response to the invitation to cooperate (A.4)."""
        latest: dict[str, PartnerResponse] = {}
        for exploration in sorted(self.explorations, key=lambda e: e.on):
            for answer in exploration.responses:
                latest[answer.partner_id] = answer.response
        return latest

    @property
    def committed_partners(self) -> list[Partner]:
        """The partners whose latest response is that they agreed to cooperate."""
        agreed = {pid for pid, r in self.responses().items() if r is PartnerResponse.AGREED}
        return [p for p in self.partners if p.id in agreed]

    @property
    def parties(self) -> list[Institution | Partner]:
        """The parties to the cooperation: the institution and the committed partners."""
        return [self.institution, *self.committed_partners]

    # -- agreement helpers -------------------------------------------------------------

    @property
    def effective_term(self) -> Term | None:
        """The term in force: the latest addendum's, else the agreement's."""
        for addendum in sorted(self.addenda, key=lambda a: a.date, reverse=True):
            if addendum.term is not None:
                return addendum.term
        return self.agreement.term if self.agreement is not None else None

    def sign(self, party_id: str, *, on: date, at: str | None = None) -> Signatory:
        """Record that ``party_id``'s signatory signed the agreement (A.7).

        Signing happens in the signing step, after the agreement is drawn up.

        Raises:
            ActionNotAllowedError: when the partnership is not in the signing step.
            UnknownPartyError: when the agreement names no signatory for the party.
        """
        if self.stage is not Stage.SIGNING or self.agreement is None:
            raise ActionNotAllowedError(
                "sign", stage=self.stage.value, allowed_stages=[Stage.SIGNING.value]
            )
        agreement = self.agreement
        for index, signatory in enumerate(agreement.signatories):
            if signatory.party_id == party_id:
                signed = Signatory.model_validate(
                    {**signatory.model_dump(), "signed_on": on, "signed_at": at}
                )
                signatories = list(agreement.signatories)
                signatories[index] = signed
                agreement.signatories = signatories
                return signed
        raise UnknownPartyError(party_id, [s.party_id for s in agreement.signatories])

    # -- requirements --------------------------------------------------------------------

    def next_move(self) -> Move | None:
        """The move that takes the partnership to its next step, if any."""
        moves = allowed_moves(self.stage)
        for move in (Move.ADVANCE, Move.RENEW):
            if move in moves:
                return move
        return None

    def unmet_requirements(
        self, move: Move | str | None = None, *, reason: str | None = None
    ) -> list[Requirement]:
        """What the guide still requires before ``move`` (default: the next step).

        An app shows this as a checklist; an empty list means the move may be made.
        The requirements are declared in :mod:`kemitraan.requirements`.

        Args:
            move: ``"advance"``, ``"decline"``, ``"end"`` or ``"renew"``; by default the
                move to the next step (advance, or renew in the follow-up step).
            reason: For decline and end, the reason that will be given.

        Raises:
            MoveNotAllowedError: when the move does not exist from the current stage.
        """
        chosen = self.next_move() if move is None else _move(move, self.stage)
        if chosen is None:
            return []
        if (self.stage, chosen) not in transition_table():
            raise MoveNotAllowedError(
                move=chosen.value,
                stage=self.stage.value,
                allowed=[m.value for m in allowed_moves(self.stage)],
            )
        return unmet(self, chosen, reason)

    # look-ups the requirements read ---------------------------------------------------------

    def latest_assessments(self) -> dict[str, RelevanceAssessment]:
        """Each assessed candidate's latest relevance assessment (A.3), by partner id."""
        return {a.partner_id: a for a in self.relevance}

    def decision(self) -> Decision | None:
        """The latest decision of the current cycle (A.10), if one is recorded."""
        decisions = [d for d in self.decisions if d.cycle == self.cycle]
        return max(decisions, key=lambda d: d.on) if decisions else None

    def follow_up_plan(self) -> FollowUpPlan | None:
        """The latest plan for the next cycle (A.11), if one is drawn up."""
        plans = [p for p in self.follow_up_plans if p.for_cycle == self.cycle + 1]
        return max(plans, key=lambda p: p.drawn_up_on) if plans else None

    # -- moves ------------------------------------------------------------------------

    @property
    def machine(self) -> PartnershipMachine:
        """The python-statemachine machine bound to this partnership, created on first use."""
        machine = self._machine
        if machine is None or machine.model is not self:
            # Lazily, and anew after model_copy (which would share the original's machine).
            # The stage is already set, so no entry action runs.
            machine = PartnershipMachine(model=self, state_field="stage")
            self._machine = machine
        return machine

    def advance(
        self, *, actor: str | None = None, note: str | None = None, at: datetime | None = None
    ) -> AuditRecord:
        """Move to the next step when the guide's requirements for it are met.

        Raises:
            MoveNotAllowedError: in the follow-up step (renew or end instead) or an outcome.
            RequirementsUnmetError: with the unmet requirements.
        """
        return self._move(Move.ADVANCE, actor=actor, note=note, at=at)

    def decline(
        self, reason: str, *, actor: str | None = None, at: datetime | None = None
    ) -> AuditRecord:
        """Stop before implementation (steps 1–7), with a reason."""
        return self._move(Move.DECLINE, actor=actor, note=reason, at=at)

    def end(
        self, reason: str, *, actor: str | None = None, at: datetime | None = None
    ) -> AuditRecord:
        """End a running cooperation (steps 8–11), with a reason."""
        return self._move(Move.END, actor=actor, note=reason, at=at)

    def renew(
        self, *, actor: str | None = None, note: str | None = None, at: datetime | None = None
    ) -> AuditRecord:
        """From the follow-up plan to implementation of the next cycle (A.11)."""
        return self._move(Move.RENEW, actor=actor, note=note, at=at)

    def _move(
        self, move: Move, *, actor: str | None, note: str | None, at: datetime | None
    ) -> AuditRecord:
        source = self.stage
        target = transition_table().get((source, move))
        if target is None:
            raise MoveNotAllowedError(
                move=move.value,
                stage=source.value,
                allowed=[m.value for m in allowed_moves(source)],
            )
        unmet = self.unmet_requirements(move, reason=note)
        if unmet:
            raise RequirementsUnmetError(move=move.value, stage=source.value, unmet=unmet)
        cycle = self.cycle + 1 if move is Move.RENEW else self.cycle
        # Built (and validated) before anything changes.
        record = AuditRecord(
            from_stage=source,
            to_stage=target,
            move=move,
            at=at if at is not None else datetime.now(UTC),
            cycle=cycle,
            actor=actor,
            note=note,
        )
        machine = self.machine
        before = (self.stage, self.cycle, self.history)
        self._in_move = True
        try:
            machine.send(move.value)
            self.cycle = cycle
            self.history = [*self.history, record]
        except BaseException:
            # Nothing is lost: put back exactly what was there.
            self.__dict__.update(zip(("stage", "cycle", "history"), before, strict=True))
            raise
        finally:
            self._in_move = False
        return record


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
