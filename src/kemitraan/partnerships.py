"""The Partnership aggregate: everything the guide's 11 steps produce, and its moves.

One :class:`Partnership` is one prospective or running cooperation between the
institution and one or more partners. It holds what every step produces — the
candidates and their profiles (A.1–A.2), relevance assessments (A.3), exploration
meetings (A.4), the joint work plan (A.5), the agreement and its addenda (A.6),
signatures (A.7), implementation and monitoring records (A.8–A.9), the joint
evaluation (A.9), the decision (A.10) and the follow-up plan (A.11) — plus its
``stage``, ``cycle`` and ``history``.

The stage changes only through moves (:meth:`Partnership.advance`,
:meth:`~Partnership.decline`, :meth:`~Partnership.end`, :meth:`~Partnership.renew`, and
the signatures :meth:`~Partnership.sign`, :meth:`~Partnership.sign_pks` and
:meth:`~Partnership.sign_addendum`), each checked against the guide's requirements
first: a refused move raises a :class:`~kemitraan.exceptions.TransitionRefusedError` and
changes nothing.

The history is the truth: a partnership is valid only if its history replays to its
stage and cycle and every signature it shows is in the history
(:mod:`kemitraan.audit`, ``_integrity``), whichever route made it. Moves, signatures and
every edit are serialised by a lock per partnership, so it can be shared between threads.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Final, Self
from uuid import uuid4

from pydantic import (
    AfterValidator,
    Field,
    TypeAdapter,
    ValidationError,
    model_validator,
)

from kemitraan._base import VersionedDocument, field_error, reject_duplicates
from kemitraan._catalog import N_
from kemitraan._error_texts import data_problem
from kemitraan._integrity import (
    RECORD_FIELDS,
    appended_problems,
    extended,
    problems,
    replayed,
    require_history,
    signatures,
)
from kemitraan._moves import checked_arguments, move_record
from kemitraan._partnership_html import partnership_html
from kemitraan._requirement_book import Ask, cautions, unmet
from kemitraan.access import authorize, stamped
from kemitraan.actors import Action, Actor
from kemitraan.agreements import Agreement, held_text
from kemitraan.exceptions import (
    InvalidArgumentError,
    InvalidDataError,
    MoveNotAllowedError,
    ReadOnlyFieldError,
    RequirementsUnmetError,
    UnknownPartyError,
)
from kemitraan.exploration import Exploration, PartnerResponse
from kemitraan.findings import Requirement
from kemitraan.learners import Learner
from kemitraan.lifecycle import (
    AuditRecord,
    AuditTrail,
    Move,
    Stage,
    allowed_moves,
    transition_table,
)
from kemitraan.maintenance import ChecklistAnswer, Interaction, PartnerEvent
from kemitraan.monitoring import Decision, Evaluation, ImplementationRecord, MonitoringRecord
from kemitraan.parties import Institution, Partner, Party
from kemitraan.planning import FollowUpPlan, WorkPlan
from kemitraan.programs import Program
from kemitraan.provisions import AgreementReference, Term
from kemitraan.relevance import RelevanceAssessment
from kemitraan.requirements import REQUIREMENTS  # noqa: F401  # importing it declares them

if TYPE_CHECKING:
    from kemitraan._machine import PartnershipMachine

__all__ = ["Partnership"]

_GUARDED: Final = frozenset({"stage", "cycle", "history"})
_LOCKS_MADE: Final = threading.Lock()  # makes each partnership's lock once
_SIGNED: Final = N_("it is signed; a signed text does not change in place")


def _move(move: Move | str, stage: Stage) -> Move:
    try:
        return Move(move)
    except ValueError:
        allowed = [m.value for m in allowed_moves(stage)]
        raise MoveNotAllowedError(
            move=str(move), stage=stage.value, allowed=allowed, stage_title=stage.label
        ) from None


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
    """Addenda that amend the agreement or one of its cooperation agreements (A.11,
    "dengan atau tanpa perubahan")."""
    cooperation_agreements: list[Agreement] = Field(default_factory=list)
    """Cooperation agreements (PKS) that implement the agreement in detail, each between
    some of its parties; signed once the agreement is (:meth:`sign_pks`)."""
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
    interactions: list[Interaction] = Field(default_factory=list)
    """Contacts with partners, to keep the partnership alive (guide C)."""
    checklist: list[ChecklistAnswer] = Field(default_factory=list)
    """The facilitator's answers to the six techniques' checklists (guide C)."""
    partner_events: list[PartnerEvent] = Field(default_factory=list)
    """Partners' own occasions worth a touchpoint (a product launch)."""
    learners: list[Learner] = Field(default_factory=list)
    """The programme's learners and what became of them (kemitraan.learners)."""
    stage: Stage = Stage.MAPPING
    """The step the partnership is in; changed only by moves."""
    cycle: int = Field(default=1, ge=1)
    """The year of the cooperation: 1, then 2 after the first renewal, …"""
    history: Annotated[tuple[AuditRecord, ...], AfterValidator(AuditTrail)] = Field(
        default=(), validate_default=True
    )
    """Every move made: from, to, when, who, why; chained by hash, and never edited."""

    # State, not data: the lock of moves and assignments (first edit), the move approved.
    __slots__ = ("_approved", "_in_move", "_made_lock")
    #: Its edits are checked by the partnership itself, against the policy (kemitraan.access).
    checks_its_own_edits: ClassVar[bool] = True
    if TYPE_CHECKING:
        _approved: str | None
        _in_move: bool
        _made_lock: threading.RLock

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
        for loc, code, message, values in problems(self):
            raise field_error(self, loc, code, message, **values)
        for document in (self.agreement, *self.addenda, *self.cooperation_agreements):
            if document is not None and not document.frozen and self.signatures(document):
                document.freeze(_SIGNED)
        self.held_by(weakref.ref(self))  # an edit inside is judged with this partnership
        return self

    def _appended(self, field: str, items: list[Any], commit: Callable[[list[Any]], None]) -> bool:
        """Append ``items`` to the record list ``field`` (guide A.8–A.11, C), checked on their own.

        A running record is checked on its own against what the partnership holds (what
        it names exists), so an append costs the same however long the log is. ``False``
        for any other field, or when an item is not valid on its own: the list is then
        assigned whole and validated like any assignment (with the full error).
        """
        if field not in RECORD_FIELDS or self.frozen or replayed(self.history, self.id) is None:
            return False  # assigned whole: the history is verified under the key in force
        with self._lock:
            who = authorize(self, Action.RECORD)
            try:
                validated: list[Any] = _record_list(field).validate_python(items)
            except ValidationError:
                return False
            validated = stamped(validated, who)
            start = len(self.__dict__[field])
            for loc, code, message, values in appended_problems(self, field, start, validated):
                raise field_error(self, loc, code, message, **values)
            commit(validated)
            self._own_fields_set()
            self.__pydantic_fields_set__.add(field)
            return True

    def __setattr__(self, name: str, value: Any) -> None:
        with self._lock:
            if getattr(self, "_in_move", False) and not name.startswith("_"):
                # A move applies what it has checked (the machine writes the stage).
                self.__dict__[name] = value
                return
            if name in _GUARDED:
                raise ReadOnlyFieldError(
                    name, "it changes only through moves (advance, decline, end, renew, sign)"
                )
            if not name.startswith("_"):
                who = authorize(self, Action.RECORD)
                if isinstance(who, Actor) and name in RECORD_FIELDS:
                    try:  # (invalid records are refused below, with the field's own error)
                        given = _record_list(name).validate_python(value)
                    except ValidationError:
                        pass
                    else:
                        value = stamped(given, who, kept=self.__dict__.get(name, []))
            held = self.agreement
            if name == "agreement" and held is not None and self._all_signed(held):
                raise ReadOnlyFieldError(
                    name, "every party has signed it; it changes only through an addendum"
                )
            super().__setattr__(name, value)

    def model_post_init(self, context: Any, /) -> None:
        """No lock until the first edit; the slot is set, so that a read finds that cheaply."""
        object.__setattr__(self, "_made_lock", None)

    @property
    def _lock(self) -> threading.RLock:
        """The lock that serialises moves and assignments (one per object, made on first use)."""
        lock: threading.RLock | None = getattr(self, "_made_lock", None)
        if lock is None:
            with _LOCKS_MADE:
                lock = getattr(self, "_made_lock", None)
                if lock is None:
                    lock = threading.RLock()
                    object.__setattr__(self, "_made_lock", lock)
        return lock

    # A copy or a pickle gets its own lock (on first use) and no move: slots are not carried.
    _RESET: ClassVar[tuple[str, ...]] = ("_made_lock",)

    @property
    def history_head(self) -> str:
        """The hash of the latest record ("" with none): keep it apart to detect a cut history.

        See :mod:`kemitraan.audit` for what the chain proves.
        """
        return self.history[-1].hash if self.history else ""

    # -- parties --------------------------------------------------------------------

    def _repr_html_(self) -> str:
        """How Jupyter shows it: stage, partners, what the next step needs, the latest moves."""
        return partnership_html(self)

    def partner(self, partner_id: str) -> Partner:
        """The candidate partner with ``partner_id``.

        Raises:
            UnknownPartyError: when there is none.
        """
        found = next((p for p in self.partners if p.id == partner_id), None)
        if found is None:
            raise UnknownPartyError(partner_id, [p.id for p in self.partners])
        return found

    def party(self, party_id: str) -> Party:
        """The institution or the partner with ``party_id``."""
        return self.institution if party_id == self.institution.id else self.partner(party_id)

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

    def signatures(self, document: Agreement) -> dict[str, AuditRecord]:
        """Who signed ``document`` — this very text — according to the history, by party id."""
        return signatures(self.history, document)

    def _all_signed(self, document: Agreement) -> bool:
        return set(self.signatures(document)) >= set(document.party_ids)

    def signed_addenda(self) -> list[Agreement]:
        """The addenda every party has signed: the ones in effect, oldest first."""
        signed = (a for a in self.addenda if self._all_signed(a))
        return sorted(signed, key=lambda a: (a.date, a.digest()))

    def amended_document(self, reference: AgreementReference) -> Agreement | None:
        """The agreement or cooperation agreement ``reference`` names, when held here."""
        held = (h for h in (self.agreement, *self.cooperation_agreements) if h is not None)
        return next((h for h in held if reference.refers_to(h)), None)

    def as_amended(self, document: Agreement | None = None) -> Agreement | None:
        """The agreement (or ``document``, one of its PKS) as its signed addenda amend it.

        A read-only view (:meth:`kemitraan.Agreement.amended_by`): the term, roles,
        pattern terms, financing and scope in force. ``None`` before there is an agreement.
        """
        if document is not None and not isinstance(document, Agreement):
            raise InvalidArgumentError.saying(
                N_("as_amended takes the agreement or one of its PKS, not a {kind}"),
                kind=type(document).__name__,
            )
        target = self.agreement if document is None else document
        if target is None:
            return None
        return target.amended_by(self.signed_addenda())

    @property
    def effective_term(self) -> Term | None:
        """The term in force: the agreement's, as its signed addenda amend it."""
        amended = self.as_amended()
        return amended.term if amended is not None else None

    def sign(
        self,
        party_id: str,
        *,
        on: date,
        place: str | None = None,
        actor: Actor | str | None = None,
        at: datetime | None = None,
    ) -> AuditRecord:
        """Record that ``party_id``'s signatory signed the agreement (A.7).

        Signing happens in the signing step, on a text free of errors; each signature is a
        move in the history. Once every party has signed, the agreement is frozen.

        Args:
            party_id: The party that signs.
            on: The date it signed.
            place: Where it signed.
            actor: Who records it: an :class:`~kemitraan.actors.Actor` (by default the
                one of :func:`~kemitraan.access.acting_as`), or a name when no access
                policy is in force (:mod:`kemitraan.access`).
            at: When it is recorded (now by default).

        Raises:
            MoveNotAllowedError: outside the signing step.
            UnknownPartyError: the agreement has no such party.
            RequirementsUnmetError: the text has errors, names no signatory for the party,
                or the party has already signed it.
        """
        with self._lock:
            self._allowed(Move.SIGN)
            agreement = self.agreement
            if agreement is not None and party_id not in agreement.party_ids:
                raise UnknownPartyError(party_id, agreement.party_ids)
            ask = Ask(Move.SIGN, party_id=party_id, document=agreement)
            return self._move(ask, actor=actor, note=None, at=at, signed=(on, place))

    def sign_addendum(
        self,
        addendum: Agreement | int | str,
        party_id: str,
        *,
        on: date,
        place: str | None = None,
        actor: Actor | str | None = None,
        at: datetime | None = None,
    ) -> AuditRecord:
        """Record that ``party_id`` signed an addendum while the cooperation runs (A.11).

        The addendum is drafted into :attr:`addenda` first (it must amend this agreement
        and name all of its parties); it takes effect once every party has signed it.

        Args:
            addendum: The addendum (the object, or one with the same text), its index in
                :attr:`addenda`, or one of its numbers.
            party_id: The party that signs.
            on: The date it signed.
            place: Where it signed.
            actor: Who records it: an :class:`~kemitraan.actors.Actor` (by default the
                one of :func:`~kemitraan.access.acting_as`), or a name when no access
                policy is in force (:mod:`kemitraan.access`).
            at: When it is recorded (now by default).

        Raises:
            MoveNotAllowedError: outside steps 8–11.
            UnknownPartyError: the addendum has no such party.
            NotFoundError: the addendum is not among :attr:`addenda`.
            RequirementsUnmetError: the addendum has errors, names no signatory for the
                party, or the party has already signed it.
        """
        with self._lock:
            self._allowed(Move.SIGN_ADDENDUM)
            found = self._addendum(addendum)
            if party_id not in found.party_ids:
                raise UnknownPartyError(party_id, found.party_ids)
            ask = Ask(Move.SIGN_ADDENDUM, party_id=party_id, document=found)
            return self._move(ask, actor=actor, note=None, at=at, signed=(on, place))

    def sign_pks(
        self,
        pks: Agreement | int | str,
        party_id: str,
        *,
        on: date,
        place: str | None = None,
        actor: Actor | str | None = None,
        at: datetime | None = None,
    ) -> AuditRecord:
        """Record that ``party_id`` signed a cooperation agreement (PKS).

        A PKS implements the agreement in detail (A.6–A.7; an MoU sets general terms, a PKS
        the rights and obligations in detail).
        The PKS is drafted into :attr:`cooperation_agreements` first; it is signed from the
        signing step on, once every party has signed the agreement it implements.

        Args:
            pks: The PKS (the object, or one with the same text), its index in
                :attr:`cooperation_agreements`, or one of its numbers.
            party_id: The party that signs.
            on: The date it signed.
            place: Where it signed.
            actor: Who records it: an :class:`~kemitraan.actors.Actor` (by default the
                one of :func:`~kemitraan.access.acting_as`), or a name when no access
                policy is in force (:mod:`kemitraan.access`).
            at: When it is recorded (now by default).

        Raises:
            MoveNotAllowedError: before the signing step, or after the cooperation ended.
            UnknownPartyError: the PKS has no such party.
            NotFoundError: the PKS is not among :attr:`cooperation_agreements`.
            RequirementsUnmetError: the agreement is not signed by every party yet, the PKS
                has errors, names no signatory for the party, or the party already signed it.
        """
        with self._lock:
            self._allowed(Move.SIGN_PKS)
            found = held_text(self.cooperation_agreements, pks, "cooperation agreement")
            if party_id not in found.party_ids:
                raise UnknownPartyError(party_id, found.party_ids)
            ask = Ask(Move.SIGN_PKS, party_id=party_id, document=found)
            return self._move(ask, actor=actor, note=None, at=at, signed=(on, place))

    def _addendum(self, addendum: Agreement | int | str) -> Agreement:
        return held_text(self.addenda, addendum, "addendum")

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
            move: ``"advance"``, ``"decline"``, ``"end"`` or ``"renew"`` (``"sign"``
                without a party reports only what concerns the text); by default the move to
                the next step (advance, or renew in the follow-up step).
            reason: For decline and end, the reason that will be given.

        Raises:
            MoveNotAllowedError: when the move does not exist from the current stage.
        """
        ask = self._ask(move, reason)
        return [] if ask is None else unmet(self, ask)

    def cautions(
        self, move: Move | str | None = None, *, reason: str | None = None
    ) -> list[Requirement]:
        """What the guide advises but does not make a condition of ``move``: warnings.

        A caution never blocks the move (an MoU without a business pattern, a partner that
        agreed although judged not relevant); an app shows it beside the checklist of
        :meth:`unmet_requirements`. Arguments and errors as there.
        """
        ask = self._ask(move, reason)
        return [] if ask is None else cautions(self, ask)

    def _ask(self, move: Move | str | None, reason: str | None) -> Ask | None:
        chosen = self.next_move() if move is None else _move(move, self.stage)
        if chosen is None:
            return None
        if (self.stage, chosen) not in transition_table():
            raise MoveNotAllowedError(
                move=chosen.value,
                stage=self.stage.value,
                allowed=[m.value for m in allowed_moves(self.stage)],
                stage_title=self.stage.label,
            )
        return Ask(chosen, reason=reason)

    # look-ups the requirements read ---------------------------------------------------------

    def latest_assessments(self) -> dict[str, RelevanceAssessment]:
        """Each assessed candidate's latest relevance assessment (A.3), by partner id."""
        return {a.partner_id: a for a in self.relevance}

    def decision(self) -> Decision | None:
        """The latest decision of the current cycle (A.10), if one is recorded."""
        decisions = [d for d in self.decisions if d.cycle == self.cycle]
        return max(decisions, key=lambda d: (d.on, d.model_dump_json())) if decisions else None

    def follow_up_plan(self) -> FollowUpPlan | None:
        """The latest plan for the next cycle (A.11), if one is drawn up."""
        plans = [p for p in self.follow_up_plans if p.for_cycle == self.cycle + 1]
        return max(plans, key=lambda p: (p.drawn_up_on, p.model_dump_json())) if plans else None

    # -- moves ------------------------------------------------------------------------

    def approved(self, move: str) -> bool:
        """Whether ``move`` is the one this partnership has checked and is making now.

        The guard of the private machine: a move reaches the machine only through the
        partnership's methods.
        """
        return getattr(self, "_approved", None) == move

    def _state_machine(self) -> PartnershipMachine:
        """This thread's machine, bound to this partnership (:mod:`kemitraan._machine`)."""
        from kemitraan._machine import machine_for  # python-statemachine loads with a move

        return machine_for(self)

    def advance(
        self,
        *,
        actor: Actor | str | None = None,
        note: str | None = None,
        at: datetime | None = None,
    ) -> AuditRecord:
        """Move to the next step when the guide's requirements for it are met.

        Raises:
            MoveNotAllowedError: in the follow-up step (renew or end instead) or an outcome.
            RequirementsUnmetError: with the unmet requirements.
        """
        return self._move(Ask(Move.ADVANCE), actor=actor, note=note, at=at)

    def decline(
        self, reason: str, *, actor: Actor | str | None = None, at: datetime | None = None
    ) -> AuditRecord:
        """Stop before implementation (steps 1–7), with a reason."""
        return self._move(Ask(Move.DECLINE, reason=reason), actor=actor, note=reason, at=at)

    def end(
        self, reason: str, *, actor: Actor | str | None = None, at: datetime | None = None
    ) -> AuditRecord:
        """End a running cooperation (steps 8–11), with a reason."""
        return self._move(Ask(Move.END, reason=reason), actor=actor, note=reason, at=at)

    def renew(
        self,
        *,
        actor: Actor | str | None = None,
        note: str | None = None,
        at: datetime | None = None,
    ) -> AuditRecord:
        """From the follow-up plan to implementation of the next cycle (A.11)."""
        return self._move(Ask(Move.RENEW), actor=actor, note=note, at=at)

    def _move(
        self,
        ask: Ask,
        *,
        actor: Actor | str | None,
        note: str | None,
        at: datetime | None,
        signed: tuple[date, str | None] | None = None,
    ) -> AuditRecord:
        with self._lock:
            at, signed = checked_arguments(at, signed)
            signing = ask.move.is_signing
            actor = authorize(
                self,
                Action.SIGN if signing else Action.MOVE,
                actor,
                party_id=ask.party_id if signing else None,
                document=ask.document if signing else None,
            )
            move, source = ask.move, self.stage
            target = self._allowed(move)
            self._check_in_step()
            unmet_now = unmet(self, ask)
            if unmet_now:
                raise RequirementsUnmetError(
                    move=move.value, stage=source.value, unmet=unmet_now, stage_title=source.label
                )
            record, changes = move_record(self, ask, target, actor, note, at, signed)
            before = {name: self.__dict__[name] for name in ("stage", "cycle", "history", *changes)}
            machine = self._state_machine()
            from kemitraan._machine import forget_machine, release_machine  # with the machine

            object.__setattr__(self, "_in_move", True)
            object.__setattr__(self, "_approved", move.value)
            try:
                machine.send(move.value)
                self.__dict__.update(changes, cycle=record.cycle)
                self._own_fields_set()
                self.__pydantic_fields_set__.update(("stage", "cycle", "history", *changes))
                self.__dict__["history"] = extended(self.history, self.id, record)
            except BaseException:
                # Nothing is lost: put back exactly what was there, and do not trust the
                # machine that failed for the next move.
                self.__dict__.update(before)
                forget_machine()
                raise
            finally:
                object.__setattr__(self, "_in_move", False)
                object.__setattr__(self, "_approved", None)
                release_machine(machine, self)
            if target.is_terminal:  # a machine that reached a final state takes no more events
                forget_machine()
            return record

    def _allowed(self, move: Move) -> Stage:
        """Where ``move`` leads from the current stage; refused when it does not exist here."""
        target = transition_table().get((self.stage, move))
        if target is None:
            raise MoveNotAllowedError(
                move=move.value,
                stage=self.stage.value,
                allowed=[m.value for m in allowed_moves(self.stage)],
                stage_title=self.stage.label,
            )
        return target

    def _check_in_step(self) -> None:
        """The stage and cycle are where the history leads, and it verifies under the key."""
        require_history(self)  # the history verifies under the key in force
        last = self.history[-1] if self.history else None
        where = (last.to_stage, last.cycle) if last is not None else (Stage.MAPPING, 1)
        if where != (self.stage, self.cycle):
            message = N_(
                "stage '{stage}' in cycle {cycle} is not where the history leads ('{led}' in "
                "cycle {led_cycle})"
            )
            led, led_cycle = where[0].value, where[1]
            error = data_problem(("stage",), "history_mismatch", message, stage=self.stage.value,
                                 cycle=self.cycle, led=led, led_cycle=led_cycle)  # fmt: skip
            raise InvalidDataError("Partnership", [error])


@cache
def _record_list(field: str) -> TypeAdapter[list[Any]]:
    """Validates items for the record list ``field`` of a partnership, as its field would."""
    annotation: Any = Partnership.model_fields[field].annotation
    return TypeAdapter(annotation)
