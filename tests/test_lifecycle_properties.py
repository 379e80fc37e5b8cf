"""Hypothesis drives random moves and data edits through the lifecycle.

Invariants: a refused move leaves the partnership's JSON identical; the history only
grows; a partnership saved to JSON and loaded back at any point continues exactly
as the original does.
"""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import HealthCheck, settings, target
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from kemitraan import (
    AuditRecord,
    Move,
    Partnership,
    RequirementsUnmetError,
    Stage,
    TransitionRefusedError,
    dump_json,
    load_json,
)
from seed import AT, fresh, record


def _unsign(p: Partnership) -> None:
    if p.agreement is not None:
        p.agreement = p.agreement.model_copy(
            update={
                "signatories": [
                    s.model_copy(update={"signed_on": None}) for s in p.agreement.signatories
                ]
            }
        )


def _clear(field: str) -> Callable[[Partnership], None]:
    def edit(p: Partnership) -> None:
        setattr(p, field, [])

    return edit


def _drop_plan(p: Partnership) -> None:
    p.work_plan = None


EDITS: dict[str, Callable[[Partnership], None]] = {
    "unsign": _unsign,
    "drop_plan": _drop_plan,
    **{
        f"clear_{f}": _clear(f)
        for f in (
            "relevance",
            "explorations",
            "implementation",
            "monitoring",
            "evaluations",
            "decisions",
            "follow_up_plans",
            "addenda",
        )
    },
}


def _outcome(action: Callable[[Partnership], object], p: Partnership) -> object:
    try:
        result = action(p)
    except (TransitionRefusedError, AssertionError, ValueError, KeyError) as error:
        return type(error).__name__
    return result if isinstance(result, AuditRecord) else None


REACHED: set[tuple[Stage, int]] = set()


class Lifecycle(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.partnership = fresh()
        self.twin: Partnership | None = None
        self.seen: list[AuditRecord] = []
        self.deepest = 0

    def both(self, action: Callable[[Partnership], object]) -> object:
        outcome = _outcome(action, self.partnership)
        if self.twin is not None:
            assert _outcome(action, self.twin) == outcome
        return outcome

    @precondition(lambda self: not self.partnership.stage.is_terminal)
    @rule()
    def record_the_step(self) -> None:
        self.both(record)

    @precondition(lambda self: not self.partnership.stage.is_terminal)
    @rule()
    def record_and_go_on(self) -> None:
        # Drives the walk deep into the lifecycle; the other rules disturb it.
        self.both(record)
        move = self.partnership.next_move()
        if move is not None:
            self.both(lambda p: getattr(p, move.value)(at=AT))

    @rule(edit=st.sampled_from(sorted(EDITS)))
    def edit_data(self, edit: str) -> None:
        self.both(EDITS[edit])

    @rule(move=st.sampled_from(list(Move)), reason=st.sampled_from([None, "", "Alasan"]))
    def make_a_move(self, move: Move, reason: str | None) -> None:
        before = dump_json(self.partnership)

        def act(p: Partnership) -> object:
            if move in (Move.DECLINE, Move.END):
                return getattr(p, move.value)(reason or "", at=AT)
            return getattr(p, move.value)(at=AT)

        outcome = self.both(act)
        if isinstance(outcome, str):  # refused
            assert outcome in ("MoveNotAllowedError", RequirementsUnmetError.__name__)
            assert dump_json(self.partnership) == before
        else:
            assert isinstance(outcome, AuditRecord)
            assert outcome.move is move

    @rule()
    def save_and_load(self) -> None:
        self.twin = load_json(Partnership, dump_json(self.partnership))

    @invariant()
    def aim_deep(self) -> None:
        stage = self.partnership.stage
        depth = (stage.number or 11) + 11 * (self.partnership.cycle - 1)
        self.deepest = max(self.deepest, depth)
        REACHED.add((stage, self.partnership.cycle))

    def teardown(self) -> None:
        target(float(self.deepest))

    @invariant()
    def history_only_grows(self) -> None:
        history = self.partnership.history
        assert history[: len(self.seen)] == self.seen
        self.seen = list(history)

    @invariant()
    def twin_is_identical(self) -> None:
        if self.twin is not None:
            assert dump_json(self.twin) == dump_json(self.partnership)

    @invariant()
    def stage_agrees_with_history(self) -> None:
        if self.partnership.history:
            assert self.partnership.history[-1].to_stage is self.partnership.stage


Lifecycle.TestCase.settings = settings(
    max_examples=60,
    stateful_step_count=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestLifecycle = Lifecycle.TestCase


def test_the_walks_reach_every_stage() -> None:
    # Derandomized, so whether every stage is reached does not depend on luck.
    REACHED.clear()
    run = Lifecycle.TestCase
    run.settings = settings(run.settings, derandomize=True, database=None)
    run().runTest()
    assert {stage for stage, _ in REACHED} == set(Stage)
    assert max(cycle for _, cycle in REACHED) >= 2
