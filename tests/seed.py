"""The seed case from examples/seed_case.py, for tests that need a partnership at a stage."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache, lru_cache
from pathlib import Path
from types import ModuleType

from helpers import load_script
from kemitraan import Move, Partnership, Stage, load_json

AT = datetime(2025, 1, 1, tzinfo=UTC)


@lru_cache(maxsize=1)
def example() -> ModuleType:
    return load_script(Path(__file__).parent.parent / "examples" / "seed_case.py", "seed_case")


def fresh() -> Partnership:
    institution = example().build_institution()
    return Partnership(
        id="seed", institution=institution, program=example().build_program(institution)
    )


def record(partnership: Partnership) -> None:
    """Record the seed case's data for the current stage."""
    example().record_step(partnership, at=AT)


@cache
def _stored(stage: Stage, cycle: int, recorded: bool) -> str:
    partnership = fresh()
    while (partnership.stage, partnership.cycle) != (stage, cycle):
        record(partnership)
        move = partnership.next_move()
        assert move is not None, (stage, cycle)
        if move is Move.RENEW:
            partnership.renew(at=AT)
        else:
            partnership.advance(at=AT)
    if recorded:
        record(partnership)
    return partnership.model_dump_json()


def at_stage(stage: Stage, *, cycle: int = 1, recorded: bool = False) -> Partnership:
    """A seed partnership in ``stage`` (and ``cycle``); with ``recorded``, its data is in."""
    if stage is Stage.DECLINED:
        partnership = at_stage(Stage.MAPPING)
        partnership.decline("Tidak ada calon yang sesuai", at=AT)
        return partnership
    if stage is Stage.ENDED:
        partnership = at_stage(Stage.IMPLEMENTATION)
        partnership.end("Mitra menutup usahanya", at=AT)
        return partnership
    return load_json(Partnership, _stored(stage, cycle, recorded))
