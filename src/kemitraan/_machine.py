"""The lifecycle machine a partnership moves through, one per thread.

python-statemachine reads the state from its model's field on every step, so one
machine per thread serves every partnership the thread moves, one move at a time;
building a machine costs more than a move, and a web app moves many partnerships.
python-statemachine is not thread-safe; one machine per thread is.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any, Final, Protocol

from statemachine import State, StateMachine

from kemitraan.exceptions import MissingExtraError
from kemitraan.lifecycle import TRANSITIONS, Stage

__all__ = [
    "PartnershipMachine",
    "forget_machine",
    "graphviz_diagram",
    "machine_for",
    "mermaid_diagram",
    "release_machine",
]


class Movable(Protocol):
    """A partnership as its machine moves it: the stage, and whether a move is approved."""

    @property
    def stage(self) -> Stage: ...  # the partnership's stage
    @stage.setter
    def stage(self, value: Stage) -> None: ...

    def approved(self, move: str) -> bool: ...  # Partnership.approved


def _requirements_met(self: StateMachine, event: str) -> bool:
    """Guard: the partnership approved this very move after checking the guide's requirements.

    The partnership checks, under its lock, and approves the one move it then sends; a
    move sent any other way is refused.
    """
    model: Movable = self.model
    return model.approved(str(event))


def _machine_class() -> type[StateMachine]:
    """The lifecycle as a python-statemachine ``StateMachine``, from :data:`TRANSITIONS`.

    Every transition is guarded by the model's requirements; a model whose ``stage`` is
    already set is taken as it is, no entry action runs again.

    >>> [e.id for e in _machine_class().events]
    ['advance', 'decline', 'end', 'renew', 'sign', 'sign_addendum', 'sign_pks']
    """
    states = {
        stage.value: State(
            stage.title_id, value=stage, initial=stage is Stage.MAPPING, final=stage.is_terminal
        )
        for stage in Stage
    }
    namespace: dict[str, Any] = dict(states)
    for move, pairs in TRANSITIONS:
        event = None
        for source, target in pairs:
            step = states[source.value].to(states[target.value], cond="requirements_met")
            event = step if event is None else event | step
        namespace[move.value] = event
    namespace["requirements_met"] = _requirements_met
    namespace["__doc__"] = _machine_class.__doc__
    namespace["__module__"] = __name__
    return type("PartnershipMachine", (StateMachine,), namespace)


if TYPE_CHECKING:

    class PartnershipMachine(StateMachine):
        """The lifecycle machine (generated from :data:`~kemitraan.lifecycle.TRANSITIONS`)."""

else:
    PartnershipMachine = _machine_class()

_MACHINES = threading.local()
"""Each thread's machine."""


class _Bound:
    """The partnership as its machine sees it: the stage, and whether a move is approved.

    The machine is bound to the partnership's ``stage`` field through this small object;
    python-statemachine looks for dozens of optional callbacks on its model, which a plain
    object answers faster than a pydantic model.
    """

    __slots__ = ("partnership",)

    def __init__(self, partnership: Movable) -> None:
        self.partnership: Movable = partnership

    @property
    def stage(self) -> Stage:
        """The partnership's stage."""
        return self.partnership.stage

    @stage.setter
    def stage(self, value: Stage) -> None:
        self.partnership.stage = value  # allowed only while a move is applied

    def approved(self, move: str) -> bool:
        """Whether the partnership approved ``move``."""
        return self.partnership.approved(move)


def machine_for(partnership: Movable) -> PartnershipMachine:
    """The machine of this thread, bound to ``partnership`` for the move being made."""
    machine: PartnershipMachine | None = getattr(_MACHINES, "machine", None)
    if machine is None:
        # The stage is already set when the machine is built: no entry action runs.
        machine = _MACHINES.machine = PartnershipMachine(
            model=_Bound(partnership), state_field="stage"
        )
    machine.model.partnership = partnership
    return machine


def release_machine(machine: PartnershipMachine, partnership: Movable) -> None:
    """Let go of ``partnership`` after its move: a thread's machine outlives the moves it makes.

    Bound to a stand-in that has moved nothing, so a partnership dropped after its move is
    freed then, not when the thread next moves another (or never, in an idle thread).
    """
    if machine.model.partnership is partnership:
        machine.model.partnership = _RELEASED


class _Released:
    """What a thread's machine is bound to between moves: a stage, and no move approved."""

    __slots__ = ("stage",)

    def __init__(self) -> None:
        self.stage: Stage = Stage.MAPPING

    def approved(self, move: str) -> bool:
        """No move is approved outside a move."""
        return False


_RELEASED: Final[Movable] = _Released()


def forget_machine() -> None:
    """Drop this thread's machine: it failed, or reached a final state and takes no more events."""
    _MACHINES.machine = None


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
