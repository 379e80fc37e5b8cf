"""The lifecycle machine a partnership moves through, one per thread.

python-statemachine reads the state from its model's field on every step, so one
machine per thread serves every partnership the thread moves, one move at a time;
building a machine costs more than a move, and a web app moves many partnerships.
python-statemachine is not thread-safe; one machine per thread is.
"""

from __future__ import annotations

import threading
from typing import Protocol

from kemitraan.lifecycle import PartnershipMachine, Stage

__all__ = ["forget_machine", "machine_for"]


class Movable(Protocol):
    """A partnership as its machine moves it: the stage, and whether a move is approved."""

    @property
    def stage(self) -> Stage: ...  # the partnership's stage
    @stage.setter
    def stage(self, value: Stage) -> None: ...

    def approved(self, move: str) -> bool: ...  # Partnership.approved


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


def forget_machine() -> None:
    """Drop this thread's machine: it failed, or reached a final state and takes no more events."""
    _MACHINES.machine = None
