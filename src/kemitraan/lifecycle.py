"""The guide's 11 steps (A.1–A.11) as stages, moves and a state machine.

:class:`Stage` names the steps and the two terminal outcomes; :class:`Move` names
what can happen: ``advance`` to the next step, ``decline`` (steps 1–7), ``end``
(steps 8–11), ``renew`` (from the follow-up plan back to implementation, in the
next cycle), and the three signings that stay in their step: ``sign`` (a party signs
the agreement, step 7), ``sign_pks`` (a party signs a cooperation agreement that
implements it, steps 7–11, once the agreement is signed) and ``sign_addendum`` (a
party signs an addendum while the cooperation runs, steps 8–11).
:data:`TRANSITIONS` declares which move exists from which stage, once; the
python-statemachine machine that binds them to a partnership's ``stage``
(:mod:`kemitraan._machine`, loaded with the first move) is generated from it, and so
is its diagram (:func:`~kemitraan._machine.mermaid_diagram`).

Every move leaves an :class:`AuditRecord` in the partnership's history, an
:class:`AuditTrail` that cannot be edited; the history is the truth, and
:mod:`kemitraan.audit` replays and verifies it. The machine is private to its
partnership: :class:`kemitraan.Partnership` checks the guide's requirements first,
under the partnership's lock, and only then sends the machine the approved move.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from itertools import pairwise
from typing import Any, Final, Literal

from pydantic import AwareDatetime

from kemitraan._base import LabelledEnum, ValueModel
from kemitraan._error_texts import MOVE_TITLES
from kemitraan._types import NonEmptyStr, PartyId, ShortText
from kemitraan.actors import Role
from kemitraan.exceptions import ReadOnlyFieldError

__all__ = [
    "TRANSITIONS",
    "AuditRecord",
    "AuditTrail",
    "Move",
    "Stage",
    "allowed_moves",
    "transition_table",
]


class Stage(LabelledEnum):
    """The 11 steps of guide A, in order, and the terminal outcomes.

    >>> Stage.EXPLORATION.number, Stage.EXPLORATION.label_id
    (4, 'Penjajagan kerja sama')
    >>> Stage.DECLINED.number is None, Stage.DECLINED.is_terminal
    (True, True)
    """

    MAPPING = (
        "mapping",
        "Identifikasi atau pemetaan objek mitra",
        "Identifying and mapping candidate partners",
    )
    GATHERING = "gathering", "Menggali informasi", "Gathering information"
    ANALYSIS = "analysis", "Menganalisis informasi", "Analysing the information"
    EXPLORATION = "exploration", "Penjajagan kerja sama", "Exploring cooperation"
    PLANNING = "planning", "Penyusunan rencana kerja", "Drawing up the work plan"
    AGREEMENT = "agreement", "Membuat kesepakatan", "Reaching agreement"
    SIGNING = "signing", "Penandatanganan akad kerja sama (MoU)", "Signing the MoU"
    IMPLEMENTATION = "implementation", "Pelaksanaan kegiatan", "Implementing activities"
    MONITORING = "monitoring", "Monitoring dan evaluasi", "Monitoring and evaluation"
    IMPROVEMENT = "improvement", "Perbaikan", "Improvement"
    FOLLOW_UP = "follow_up", "Rencana tindak lanjut", "Follow-up plan"
    DECLINED = "declined", "Kemitraan tidak dilanjutkan", "Declined"
    ENDED = "ended", "Kerja sama berakhir", "Ended"

    @property
    def number(self) -> int | None:
        """The step's number in the guide (1–11); ``None`` for an outcome."""
        return None if self.is_terminal else _STEPS.index(self) + 1

    @property
    def is_terminal(self) -> bool:
        """Whether this is an outcome (declined, ended) rather than a step."""
        return self in (Stage.DECLINED, Stage.ENDED)

    @property
    def title_id(self) -> str:
        """Numbered Indonesian title, e.g. ``"4. Penjajagan kerja sama"``."""
        number = self.number
        return self.label_id if number is None else f"{number}. {self.label_id}"


_STEPS: Final[list[Stage]] = [s for s in Stage if s not in (Stage.DECLINED, Stage.ENDED)]


SignedDocument = Literal["agreement", "addendum", "pks"]
"""What a signature signs: the agreement, an addendum, or a cooperation agreement (PKS)."""


class Move(LabelledEnum):
    """What can happen to a partnership.

    >>> Move.RENEW.label_id
    'Lanjutkan ke tahun berikutnya'
    """

    ADVANCE = "advance", "Lanjut ke langkah berikutnya", "Advance to the next step"
    DECLINE = "decline", "Tidak dilanjutkan", "Decline"
    END = "end", "Akhiri kerja sama", "End the cooperation"
    RENEW = "renew", "Lanjutkan ke tahun berikutnya", "Renew for the next cycle"
    SIGN = "sign", "Penandatanganan kesepakatan", "Sign the agreement"
    SIGN_ADDENDUM = "sign_addendum", "Penandatanganan adendum", "Sign an addendum"
    SIGN_PKS = "sign_pks", "Penandatanganan perjanjian kerja sama", "Sign a cooperation agreement"

    @property
    def is_signing(self) -> bool:
        """Whether this is a signature, which keeps the partnership in its step.

        >>> Move.SIGN.is_signing, Move.ADVANCE.is_signing
        (True, False)
        """
        return self in _SIGNED

    @property
    def document(self) -> SignedDocument | None:
        """For a signature, what it signs: ``agreement``, ``addendum`` or ``pks``.

        >>> Move.SIGN_PKS.document, Move.RENEW.document
        ('pks', None)
        """
        return _SIGNED.get(self)


MOVE_TITLES.update({m.value: (m.label_id, m.label_en) for m in Move})  # a refusal says titles


_SIGNED: Final[dict[Move, SignedDocument]] = {
    Move.SIGN: "agreement",
    Move.SIGN_ADDENDUM: "addendum",
    Move.SIGN_PKS: "pks",
}


class AuditRecord(ValueModel):
    """One move in a partnership's history: who moved it, when, why.

    >>> from datetime import UTC, datetime
    >>> AuditRecord(
    ...     from_stage=Stage.MAPPING, to_stage=Stage.GATHERING, move=Move.ADVANCE,
    ...     at=datetime(2025, 1, 20, 2, 0, tzinfo=UTC), cycle=1, actor="Rina",
    ... ).to_stage.number
    2
    """

    # What replaying the history up to this record proved (kemitraan._integrity.replayed):
    # state, not data; equality, JSON and copies ignore it.
    __slots__ = ("_proof",)

    from_stage: Stage
    """The stage before."""
    to_stage: Stage
    """The stage after."""
    move: Move
    """The move made."""
    at: AwareDatetime
    """When (timezone-aware)."""
    cycle: int
    """The cycle after the move."""
    actor: ShortText | None = None
    """Who made the move (the name of the :class:`~kemitraan.actors.Actor`, or free text
    when no access policy is in force)."""
    actor_role: Role | None = None
    """The actor's role, when the move was made by an :class:`~kemitraan.actors.Actor`."""
    acts_for: PartyId | None = None
    """The party the actor acted for (their institution, or the party they signed for)."""
    actor_id: ShortText | None = None
    """The app's own id for the actor (:attr:`kemitraan.actors.Actor.user_id`)."""
    note: NonEmptyStr | None = None
    """Why, or what was recorded (the reason, for decline and end)."""
    party_id: PartyId | None = None
    """For a signature: the party that signed."""
    document: SignedDocument | None = None
    """For a signature: what was signed."""
    digest: str | None = None
    """For a signature: the digest of the text signed (:meth:`kemitraan.Agreement.digest`)."""
    signed_on: date | None = None
    """For a signature: the day it was made, as the text shows it (records made before
    kemitraan kept it have none)."""
    signed_at: ShortText | None = None
    """For a signature: the place it was made, as the text shows it."""
    hash: str = ""
    """This record's link in the chain: a hash of it and of the record before it
    (:mod:`kemitraan.audit`)."""


class AuditTrail(tuple[AuditRecord, ...]):
    """A partnership's history: it grows only through moves, and refuses every edit.

    >>> AuditTrail().append(None)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kemitraan.exceptions.ReadOnlyFieldError: history tidak dapat diubah: jejak audit bertambah ...
    """

    __slots__ = ()

    def _refused(self, *args: Any, **kwargs: Any) -> Any:
        raise ReadOnlyFieldError(
            "history",
            "the audit trail grows only through moves (advance, decline, end, renew, sign, "
            "sign_addendum, sign_pks)",
        )

    append = extend = insert = remove = pop = clear = sort = reverse = _refused
    __setitem__ = __delitem__ = _refused


S = Stage
_RUNNING: Final = (S.IMPLEMENTATION, S.MONITORING, S.IMPROVEMENT, S.FOLLOW_UP)

TRANSITIONS: Final[tuple[tuple[Move, tuple[tuple[Stage, Stage], ...]], ...]] = (
    # guide A.1–A.11: each step leads to the next once its requirements are met
    (Move.ADVANCE, tuple(pairwise(_STEPS))),
    # guide A.1–A.7: a candidate may still say no before anything is signed
    (Move.DECLINE, tuple((s, S.DECLINED) for s in _STEPS[: _STEPS.index(S.SIGNING) + 1])),
    # guide A.8–A.11: a running cooperation ends (A.10: "dilanjutkan … atau tidak")
    (Move.END, tuple((s, S.ENDED) for s in _RUNNING)),
    # guide A.11: plan the next year and extend the agreement
    (Move.RENEW, ((S.FOLLOW_UP, S.IMPLEMENTATION),)),
    # guide A.7: each party signs the agreement; the step stays the same
    (Move.SIGN, ((S.SIGNING, S.SIGNING),)),
    # guide A.11: "dengan atau tanpa perubahan" — an addendum is signed while the cooperation runs
    (Move.SIGN_ADDENDUM, tuple((s, s) for s in _RUNNING)),
    # guide A.6: the MoU's details follow in cooperation agreements (PKS), signed once it is
    (Move.SIGN_PKS, tuple((s, s) for s in (S.SIGNING, *_RUNNING))),
)
"""Every move that exists, from which stage to which: the single source of truth the
machine is generated from (:mod:`kemitraan._machine`), in declaration order."""
del S


@lru_cache(maxsize=1)
def transition_table() -> dict[tuple[Stage, Move], Stage]:
    """Every move that exists (:data:`TRANSITIONS`): ``(stage, move) -> target``.

    >>> transition_table()[(Stage.FOLLOW_UP, Move.RENEW)]
    <Stage.IMPLEMENTATION: 'implementation'>
    >>> (Stage.MAPPING, Move.END) in transition_table()
    False
    """
    return {(source, move): target for move, pairs in TRANSITIONS for source, target in pairs}


def allowed_moves(stage: Stage) -> list[Move]:
    """The moves that exist from ``stage``, in declaration order.

    >>> [m.value for m in allowed_moves(Stage.FOLLOW_UP)]
    ['end', 'renew', 'sign_addendum', 'sign_pks']
    """
    table = transition_table()
    return [move for move in Move if (stage, move) in table]
