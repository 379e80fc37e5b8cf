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
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime
from typing import Any, Final, Self
from uuid import uuid4

from pydantic import Field, PrivateAttr, model_validator

from kemitraan._base import BilingualText, VersionedDocument, field_error, reject_duplicates
from kemitraan._types import Period
from kemitraan.agreements import Agreement, Signatory, Term
from kemitraan.exceptions import (
    MoveNotAllowedError,
    RequirementsUnmetError,
    TransitionRefusedError,
    UnknownPartyError,
)
from kemitraan.exploration import Exploration, PartnerResponse
from kemitraan.lifecycle import (
    AuditRecord,
    Move,
    PartnershipMachine,
    Requirement,
    Stage,
    allowed_moves,
    transition_table,
)
from kemitraan.monitoring import Decision, Evaluation, ImplementationRecord, MonitoringRecord
from kemitraan.parties import Institution, Partner, Party
from kemitraan.planning import FollowUpPlan, WorkPlan
from kemitraan.programs import Program
from kemitraan.relevance import RelevanceAssessment

__all__ = ["Partnership", "requirement_codes", "stage_counts", "waiting_on"]

_GUARDED: Final = frozenset({"stage", "cycle", "history"})


def _req(
    code: str, basis: str, indonesian: str, english: str, party_id: str | None = None
) -> Requirement:
    return Requirement(
        code=code,
        basis=basis,
        party_id=party_id,
        message=BilingualText(indonesian=indonesian, english=english),
    )


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
            raise AttributeError(
                f"{name} changes only through moves (advance, decline, end, renew)"
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
            TransitionRefusedError: when the partnership is not in the signing step.
            UnknownPartyError: when the agreement names no signatory for the party.
        """
        if self.stage is not Stage.SIGNING or self.agreement is None:
            raise TransitionRefusedError(
                f"signing happens in stage 'signing' (step 7), not '{self.stage.value}'",
                move="sign",
                stage=self.stage.value,
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

        Args:
            move: ``"advance"``, ``"decline"``, ``"end"`` or ``"renew"``; by default the
                move to the next step (advance, or renew in the follow-up step).
            reason: For decline and end, the reason that will be given.

        Raises:
            MoveNotAllowedError: when the move does not exist from the current stage.
        """
        chosen = self.next_move() if move is None else Move(move)
        if chosen is None:
            return []
        if (self.stage, chosen) not in transition_table():
            raise MoveNotAllowedError(
                move=chosen.value,
                stage=self.stage.value,
                allowed=[m.value for m in allowed_moves(self.stage)],
            )
        if chosen in (Move.DECLINE, Move.END):
            if reason is None or not reason.strip():
                return [
                    _req(
                        "reason_given",
                        "Panduan A.10" if chosen is Move.END else "Panduan A.4",
                        "Alasan harus dicatat.",
                        "A reason must be recorded.",
                    )
                ]
            return []
        if chosen is Move.RENEW:
            return list(self._renewal())
        return list(_ADVANCE[self.stage](self))

    # advance, per stage ------------------------------------------------------------------

    def _from_mapping(self) -> Iterator[Requirement]:
        if not any(p.region is not None for p in self.partners):
            yield _req(
                "candidate_mapped",
                "Panduan A.1",
                "Petakan sedikitnya satu calon mitra beserta jenis dan wilayahnya.",
                "Map at least one candidate partner with its kind and region.",
            )

    def _from_gathering(self) -> Iterator[Requirement]:
        if not self.partners:
            yield from self._from_mapping()
        for partner in self.partners:
            profile = partner.profile
            if not profile.goals or not profile.scope_of_work:
                yield _req(
                    "profile_gathered",
                    "Panduan A.2",
                    f"Tujuan dan bidang garapan {partner.name} belum digali.",
                    f"The goals and scope of work of {partner.name} have not been gathered.",
                    partner.id,
                )
            if not profile.gathering_records:
                yield _req(
                    "gathering_recorded",
                    "Panduan A.2",
                    f"Belum ada catatan penggalian informasi bertanggal untuk {partner.name}.",
                    f"There is no dated information-gathering record for {partner.name}.",
                    partner.id,
                )

    def _from_analysis(self) -> Iterator[Requirement]:
        codes = {need.code for need in self.program.needs}
        assessed: dict[str, RelevanceAssessment] = {}
        for assessment in self.relevance:
            assessed[assessment.partner_id] = assessment
        known = {p.id for p in self.partners}
        for pid in assessed:
            if pid not in known:
                yield _req(
                    "unknown_partner",
                    "Panduan A.3",
                    f"Penilaian relevansi menyebut '{pid}', yang bukan calon mitra.",
                    f"A relevance assessment names '{pid}', which is not a candidate.",
                    pid,
                )
        for partner in self.partners:
            found = assessed.get(partner.id)
            if found is None:
                yield _req(
                    "relevance_assessed",
                    "Panduan A.3",
                    f"Relevansi {partner.name} dengan permasalahan dan kebutuhan program belum "
                    "dianalisis.",
                    f"The relevance of {partner.name} to the programme's problems and needs "
                    "has not been analysed.",
                    partner.id,
                )
                continue
            if found.relevant and not found.need_codes:
                yield _req(
                    "relevance_names_needs",
                    "Panduan A.3",
                    f"Sebutkan permasalahan atau kebutuhan program yang dijawab {partner.name}.",
                    f"Name the programme problems or needs that {partner.name} addresses.",
                    partner.id,
                )
            for code in found.need_codes:
                if code not in codes:
                    yield _req(
                        "unknown_need",
                        "Panduan A.3",
                        f"Kebutuhan '{code}' tidak ada dalam program.",
                        f"Need '{code}' is not one of the programme's.",
                        partner.id,
                    )
        relevant = [a for a in assessed.values() if a.relevant and a.partner_id in known]
        if self.partners and not relevant:
            yield _req(
                "relevant_partner_found",
                "Panduan A.3",
                "Belum ada calon mitra yang relevan; tambah calon atau nyatakan tidak dilanjutkan.",
                "No candidate is relevant yet; add candidates or decline.",
            )

    def _from_exploration(self) -> Iterator[Requirement]:
        if not self.committed_partners:
            yield _req(
                "partner_agreed",
                "Panduan A.4",
                "Belum ada calon mitra yang menyatakan bersedia bekerja sama dalam audiensi atau "
                "presentasi.",
                "No candidate has agreed to cooperate at an audience or presentation.",
            )

    def _from_planning(self) -> Iterator[Requirement]:
        plan = self.work_plan
        if plan is None:
            yield _req(
                "work_plan_drawn_up",
                "Panduan A.5",
                "Rencana kerja sama belum disusun.",
                "The joint work plan has not been drawn up.",
            )
            return
        parties = self.parties
        for party in parties:
            if party.id not in plan.participants:
                yield _req(
                    "plan_with_every_party",
                    "Panduan A.5",
                    f"{party.name} belum dilibatkan dalam penyusunan rencana kerja.",
                    f"{party.name} did not take part in drawing up the work plan.",
                    party.id,
                )
        if not plan.activities:
            yield _req(
                "activities_planned",
                "Panduan A.5",
                "Rencana kerja belum memuat kegiatan.",
                "The work plan has no activities.",
            )
        ids = {p.id for p in parties}
        for activity in plan.activities:
            if activity.responsible not in ids:
                yield _req(
                    "activity_responsible_party",
                    "Panduan A.5",
                    f"Penanggung jawab kegiatan '{activity.name}' ('{activity.responsible}') "
                    "bukan pihak yang bermitra.",
                    f"The party responsible for '{activity.name}' ('{activity.responsible}') is "
                    "not a party to the cooperation.",
                    activity.responsible,
                )

    def _from_agreement(self) -> Iterator[Requirement]:
        agreement = self.agreement
        if agreement is None:
            yield _req(
                "agreement_drafted",
                "Panduan A.6",
                "Nota kesepahaman belum dirumuskan.",
                "The memorandum of understanding has not been drafted.",
            )
            return
        expected = [p.id for p in self.parties]
        if sorted(agreement.party_ids) != sorted(expected):
            yield _req(
                "agreement_parties",
                "Panduan A.6",
                f"Pihak dalam kesepakatan ({', '.join(agreement.party_ids)}) tidak sama dengan "
                f"pihak yang bermitra ({', '.join(expected)}).",
                f"The agreement's parties ({', '.join(agreement.party_ids)}) differ from the "
                f"parties to the cooperation ({', '.join(expected)}).",
            )
        for party in agreement.parties:
            role = agreement.role_of(party.id)
            if role is None:
                yield _req(
                    "role_for_every_party",
                    "Panduan A.6",
                    f"Peran {party.name} belum dirumuskan.",
                    f"The role of {party.name} is not set out.",
                    party.id,
                )
            elif not role.responsibilities:
                yield _req(
                    "responsibility_for_every_party",
                    "Panduan A.6",
                    f"Tanggung jawab {party.name} belum dirumuskan.",
                    f"The responsibilities of {party.name} are not set out.",
                    party.id,
                )
            if agreement.signatory_of(party.id) is None:
                yield _req(
                    "signatory_named",
                    "Panduan A.7",
                    f"Penanda tangan untuk {party.name} belum ditunjuk.",
                    f"No signatory is named for {party.name}.",
                    party.id,
                )
        if agreement.pattern is None:
            yield _req(
                "pattern_chosen",
                "Panduan B",
                "Pola kemitraan belum dipilih.",
                "No partnership pattern is chosen.",
            )
        if agreement.term is None:
            yield _req(
                "term_set",
                "Panduan A.6",
                "Jangka waktu kerja sama belum ditetapkan.",
                "The term of the cooperation is not set.",
            )

    def _from_signing(self) -> Iterator[Requirement]:
        agreement = self.agreement
        if agreement is None:
            yield from self._from_agreement()
            return
        for party in agreement.parties:
            signatory = agreement.signatory_of(party.id)
            if signatory is None or not signatory.signed:
                yield _req(
                    "all_signed",
                    "Panduan A.7",
                    f"{party.name} belum menandatangani nota kesepahaman.",
                    f"{party.name} has not signed the memorandum of understanding.",
                    party.id,
                )

    def _from_implementation(self) -> Iterator[Requirement]:
        if not any(r.cycle == self.cycle for r in self.implementation):
            yield _req(
                "implementation_recorded",
                "Panduan A.8",
                f"Belum ada kegiatan yang dicatat terlaksana pada tahun ke-{self.cycle}.",
                f"No activity is recorded as carried out in cycle {self.cycle}.",
            )

    def _from_monitoring(self) -> Iterator[Requirement]:
        if not any(r.cycle == self.cycle for r in self.monitoring):
            yield _req(
                "monitoring_recorded",
                "Panduan A.9",
                f"Belum ada catatan monitoring pada tahun ke-{self.cycle}.",
                f"There is no monitoring record in cycle {self.cycle}.",
            )
        evaluations = [e for e in self.evaluations if e.cycle == self.cycle]
        if not evaluations:
            yield _req(
                "joint_evaluation",
                "Panduan A.9",
                f"Evaluasi bersama tahun ke-{self.cycle} belum dilakukan.",
                f"The joint evaluation of cycle {self.cycle} has not taken place.",
            )
            return
        present = {pid for e in evaluations for pid in e.participants}
        for party in self._agreement_parties():
            if party.id not in present:
                yield _req(
                    "evaluation_with_every_party",
                    "Panduan A.9",
                    f"{party.name} belum ikut dalam evaluasi bersama.",
                    f"{party.name} has not taken part in the joint evaluation.",
                    party.id,
                )

    def _from_improvement(self) -> Iterator[Requirement]:
        decisions = [d for d in self.decisions if d.cycle == self.cycle]
        if not decisions:
            yield _req(
                "decision_recorded",
                "Panduan A.10",
                "Keputusan apakah kerja sama dilanjutkan tahun berikutnya belum dicatat.",
                "The decision whether to continue next year is not recorded.",
            )
        elif not max(decisions, key=lambda d: d.on).continue_cooperation:
            yield _req(
                "decision_to_continue",
                "Panduan A.11",
                "Para pihak memutuskan tidak melanjutkan; akhiri kerja sama.",
                "The parties decided not to continue; end the cooperation instead.",
            )

    def _renewal(self) -> Iterator[Requirement]:
        plans = [p for p in self.follow_up_plans if p.for_cycle == self.cycle + 1]
        if not plans:
            yield _req(
                "follow_up_plan",
                "Panduan A.11",
                f"Rencana kegiatan tahun ke-{self.cycle + 1} belum disusun.",
                f"The plan for cycle {self.cycle + 1} has not been drawn up.",
            )
            return
        plan = max(plans, key=lambda p: p.drawn_up_on)
        if not plan.lessons:
            yield _req(
                "follow_up_considers_evaluation",
                "Panduan A.11",
                "Rencana tindak lanjut perlu mempertimbangkan hasil evaluasi dan refleksi.",
                "The follow-up plan must take the evaluation and reflection into account.",
            )
        yield from self._term_covers(plan.period)
        if plan.amend_agreement and not any(a.date >= plan.drawn_up_on for a in self.addenda):
            yield _req(
                "addendum_made",
                "Panduan A.11",
                "Rencana menyatakan perubahan nota kesepahaman, tetapi adendum belum dibuat.",
                "The plan says the agreement changes, but no addendum has been made.",
            )

    def _term_covers(self, period: Period) -> Iterator[Requirement]:
        term = self.effective_term
        if term is None or term.end < period.end:
            ends = term.end.isoformat() if term is not None else "-"
            yield _req(
                "term_extended",
                "Panduan A.11",
                f"Jangka waktu kerja sama (berakhir {ends}) belum diperpanjang sampai "
                f"{period.end.isoformat()}.",
                f"The term (ending {ends}) is not extended to {period.end.isoformat()}.",
            )

    def _agreement_parties(self) -> list[Party]:
        if self.agreement is not None:
            return list(self.agreement.parties)
        return list(self.parties)

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


_ADVANCE: Final[dict[Stage, Callable[[Partnership], Iterable[Requirement]]]] = {
    Stage.MAPPING: Partnership._from_mapping,
    Stage.GATHERING: Partnership._from_gathering,
    Stage.ANALYSIS: Partnership._from_analysis,
    Stage.EXPLORATION: Partnership._from_exploration,
    Stage.PLANNING: Partnership._from_planning,
    Stage.AGREEMENT: Partnership._from_agreement,
    Stage.SIGNING: Partnership._from_signing,
    Stage.IMPLEMENTATION: Partnership._from_implementation,
    Stage.MONITORING: Partnership._from_monitoring,
    Stage.IMPROVEMENT: Partnership._from_improvement,
}


_CODES: Final[dict[tuple[Stage, Move], frozenset[str]]] = {
    (Stage.MAPPING, Move.ADVANCE): frozenset({"candidate_mapped"}),
    (Stage.GATHERING, Move.ADVANCE): frozenset(
        {"candidate_mapped", "profile_gathered", "gathering_recorded"}
    ),
    (Stage.ANALYSIS, Move.ADVANCE): frozenset(
        {
            "unknown_partner",
            "relevance_assessed",
            "relevance_names_needs",
            "unknown_need",
            "relevant_partner_found",
        }
    ),
    (Stage.EXPLORATION, Move.ADVANCE): frozenset({"partner_agreed"}),
    (Stage.PLANNING, Move.ADVANCE): frozenset(
        {
            "work_plan_drawn_up",
            "plan_with_every_party",
            "activities_planned",
            "activity_responsible_party",
        }
    ),
    (Stage.AGREEMENT, Move.ADVANCE): frozenset(
        {
            "agreement_drafted",
            "agreement_parties",
            "role_for_every_party",
            "responsibility_for_every_party",
            "signatory_named",
            "pattern_chosen",
            "term_set",
        }
    ),
    (Stage.SIGNING, Move.ADVANCE): frozenset({"agreement_drafted", "all_signed"}),
    (Stage.IMPLEMENTATION, Move.ADVANCE): frozenset({"implementation_recorded"}),
    (Stage.MONITORING, Move.ADVANCE): frozenset(
        {"monitoring_recorded", "joint_evaluation", "evaluation_with_every_party"}
    ),
    (Stage.IMPROVEMENT, Move.ADVANCE): frozenset({"decision_recorded", "decision_to_continue"}),
    (Stage.FOLLOW_UP, Move.RENEW): frozenset(
        {"follow_up_plan", "follow_up_considers_evaluation", "term_extended", "addendum_made"}
    ),
    **{
        (stage, move): frozenset({"reason_given"})
        for (stage, move) in transition_table()
        if move in (Move.DECLINE, Move.END)
    },
}


def requirement_codes() -> dict[tuple[Stage, Move], frozenset[str]]:
    """Every requirement code the guide's rules can report, per ``(stage, move)``.

    Apps use it to build checklists and translations; :func:`waiting_on` uses it to
    look only at partnerships that could be held up by a code.

    >>> sorted(requirement_codes()[(Stage.SIGNING, Move.ADVANCE)])
    ['agreement_drafted', 'all_signed']
    """
    return dict(_CODES)


def stage_counts(partnerships: Iterable[Partnership]) -> Counter[Stage]:
    """How many partnerships are in each stage (no machine is built).

    >>> stage_counts([])
    Counter()
    """
    return Counter(p.stage for p in partnerships)


def waiting_on(partnerships: Iterable[Partnership], code: str) -> list[Partnership]:
    """The partnerships whose next step is held up by requirement ``code`` (no machine built).

    >>> waiting_on([], "all_signed")
    []
    """
    # Only the stages whose next step can report ``code`` are evaluated at all.
    stages = {
        stage
        for (stage, move), codes in _CODES.items()
        if code in codes and move in (Move.ADVANCE, Move.RENEW)
    }
    return [
        p
        for p in partnerships
        if p.stage in stages and any(r.code == code for r in p.unmet_requirements())
    ]
