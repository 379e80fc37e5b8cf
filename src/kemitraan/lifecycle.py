"""The guide's 11 steps (A.1–A.11) as stages, moves and a state machine.

:class:`Stage` names the steps and the two terminal outcomes; :class:`Move` names
what can happen: ``advance`` to the next step, ``decline`` (steps 1–7), ``end``
(steps 8–11) and ``renew`` (from the follow-up plan back to implementation, in the
next cycle). :class:`PartnershipMachine` is the python-statemachine machine that
binds these to a partnership's ``stage``; its transitions are the single source
of truth for which move exists from which stage (:func:`transition_table`), and
its diagram is drawn from it (:func:`mermaid_diagram`).

The machine reads the guide's requirements from its model through the model's
``unmet_requirements(move)``, so it refuses what the guide forbids even when
driven directly. :class:`kemitraan.Partnership` checks first and raises an error
carrying the unmet list, so a refused move changes nothing.

python-statemachine is not thread-safe: share a partnership across threads only
behind a lock around its moves.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Final, Protocol

from pydantic import AwareDatetime
from statemachine import State, StateMachine

from kemitraan._base import LabelledEnum, ValueModel
from kemitraan._types import NonEmptyStr, ShortText
from kemitraan.exceptions import MissingExtraError
from kemitraan.findings import Finding

__all__ = [
    "AuditRecord",
    "Move",
    "PartnershipMachine",
    "Stage",
    "graphviz_diagram",
    "mermaid_diagram",
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


class Move(LabelledEnum):
    """What can happen to a partnership.

    >>> Move.RENEW.label_id
    'Lanjutkan ke tahun berikutnya'
    """

    ADVANCE = "advance", "Lanjut ke langkah berikutnya", "Advance to the next step"
    DECLINE = "decline", "Tidak dilanjutkan", "Decline"
    END = "end", "Akhiri kerja sama", "End the cooperation"
    RENEW = "renew", "Lanjutkan ke tahun berikutnya", "Renew for the next cycle"


class AuditRecord(ValueModel):
    """One move in a partnership's history: who moved it, when, why.

    >>> from datetime import UTC, datetime
    >>> AuditRecord(
    ...     from_stage=Stage.MAPPING, to_stage=Stage.GATHERING, move=Move.ADVANCE,
    ...     at=datetime(2025, 1, 20, 2, 0, tzinfo=UTC), cycle=1, actor="Rina",
    ... ).to_stage.number
    2
    """

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
    """Who made the move."""
    note: NonEmptyStr | None = None
    """Why, or what was recorded (the reason, for decline and end)."""


class _Model(Protocol):
    def unmet_requirements(self, move: Move | str = ...) -> list[Finding]: ...


def _state(stage: Stage, **kwargs: Any) -> Any:
    return State(stage.title_id, value=stage, **kwargs)


class PartnershipMachine(StateMachine):
    """The lifecycle as a python-statemachine ``StateMachine``, bound to a partnership.

    Every transition is guarded by the model's requirements. Create it with
    ``PartnershipMachine(model=partnership, state_field="stage")``; a model whose
    ``stage`` is already set is taken as it is, no entry action runs again.

    >>> [e.id for e in PartnershipMachine.events]
    ['advance', 'decline', 'end', 'renew']
    """

    mapping = _state(Stage.MAPPING, initial=True)
    gathering = _state(Stage.GATHERING)
    analysis = _state(Stage.ANALYSIS)
    exploration = _state(Stage.EXPLORATION)
    planning = _state(Stage.PLANNING)
    agreement = _state(Stage.AGREEMENT)
    signing = _state(Stage.SIGNING)
    implementation = _state(Stage.IMPLEMENTATION)
    monitoring = _state(Stage.MONITORING)
    improvement = _state(Stage.IMPROVEMENT)
    follow_up = _state(Stage.FOLLOW_UP)
    declined = _state(Stage.DECLINED, final=True)
    ended = _state(Stage.ENDED, final=True)

    advance = (
        mapping.to(gathering, cond="requirements_met")
        | gathering.to(analysis, cond="requirements_met")
        | analysis.to(exploration, cond="requirements_met")
        | exploration.to(planning, cond="requirements_met")
        | planning.to(agreement, cond="requirements_met")
        | agreement.to(signing, cond="requirements_met")
        | signing.to(implementation, cond="requirements_met")
        | implementation.to(monitoring, cond="requirements_met")
        | monitoring.to(improvement, cond="requirements_met")
        | improvement.to(follow_up, cond="requirements_met")
    )
    # guide A.1–A.7: a candidate may still say no before anything is signed
    decline = (
        mapping.to(declined)
        | gathering.to(declined)
        | analysis.to(declined)
        | exploration.to(declined)
        | planning.to(declined)
        | agreement.to(declined)
        | signing.to(declined)
    )
    # guide A.8–A.11: a running cooperation ends (A.10: "dilanjutkan … atau tidak")
    end = (
        implementation.to(ended)
        | monitoring.to(ended)
        | improvement.to(ended)
        | follow_up.to(ended)
    )
    # guide A.11: plan the next year and extend the agreement
    renew = follow_up.to(implementation, cond="requirements_met")

    def requirements_met(self, event: str) -> bool:
        """Guard: the model reports no unmet requirement for this move."""
        model: _Model = self.model
        return not model.unmet_requirements(str(event))


@lru_cache(maxsize=1)
def transition_table() -> dict[tuple[Stage, Move], Stage]:
    """Every move that exists, read from the machine: ``(stage, move) -> target``.

    >>> transition_table()[(Stage.FOLLOW_UP, Move.RENEW)]
    <Stage.IMPLEMENTATION: 'implementation'>
    >>> (Stage.MAPPING, Move.END) in transition_table()
    False
    """
    table: dict[tuple[Stage, Move], Stage] = {}
    for state in PartnershipMachine.states:
        for transition in state.transitions:
            for event in transition.events:
                table[(Stage(state.value), Move(str(event)))] = Stage(transition.target.value)
    return table


def allowed_moves(stage: Stage) -> list[Move]:
    """The moves that exist from ``stage``, in declaration order.

    >>> [m.value for m in allowed_moves(Stage.FOLLOW_UP)]
    ['end', 'renew']
    """
    table = transition_table()
    return [move for move in Move if (stage, move) in table]


def mermaid_diagram() -> str:
    """The lifecycle as a Mermaid ``stateDiagram-v2``, generated from the machine.

    Needs no extra package.

    >>> print(mermaid_diagram().splitlines()[0])
    stateDiagram-v2
    """
    from statemachine.contrib.diagram import formatter

    return str(formatter.render(PartnershipMachine, "mermaid")).rstrip() + "\n"


def graphviz_diagram() -> str:
    """The lifecycle in Graphviz DOT, generated from the machine.

    Needs the ``diagrams`` extra (pydot).

    Raises:
        MissingExtraError: when pydot is not installed, naming the extra to install.

    >>> graphviz_diagram().startswith("digraph")
    True
    """
    try:
        import pydot  # noqa: F401
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise MissingExtraError("diagrams", "graphviz_diagram", "pydot") from exc
    from statemachine.contrib.diagram import formatter

    return str(formatter.render(PartnershipMachine, "dot"))
