"""What the benchmark scripts share: the seed case and a timer."""

from __future__ import annotations

import gc
import importlib.util
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kemitraan import Partnership, Stage

ROOT = Path(__file__).resolve().parent.parent
AT = datetime(2025, 1, 1, tzinfo=UTC)


def seed_module() -> Any:
    """examples/seed_case.py, imported."""
    spec = importlib.util.spec_from_file_location("seed_case", ROOT / "examples" / "seed_case.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def seed_at(stage: Stage, *, recorded: bool = False) -> Partnership:
    """The seed partnership walked to ``stage`` (its data for that stage recorded or not)."""
    seed = seed_module()
    institution = seed.build_institution()
    p = Partnership(id="bench", institution=institution, program=seed.build_program(institution))
    while p.stage is not stage:
        seed.record_step(p, at=AT)
        p.advance(at=AT)
    if recorded:
        seed.record_step(p, at=AT)
    return p


def per_call(fn: Callable[[], object], repeat: int = 1, rounds: int = 7) -> float:
    """Median seconds per call over ``rounds`` rounds of ``repeat`` calls."""
    times = []
    for _ in range(rounds):
        gc.collect()
        start = time.perf_counter()
        for _ in range(repeat):
            fn()
        times.append((time.perf_counter() - start) / repeat)
    return statistics.median(times)


class SideBySide:
    """Timings of several functions in alternating rounds, and their ratios to a baseline.

    These machines are noisy: a round of each function in turn (the order reversed every
    other round) meets the same load, so the ratio within a round is steadier than a
    ratio of medians taken minutes apart. The ratio reported is the median of the rounds'.
    """

    def __init__(self, fns: dict[str, Callable[[], object]], *, repeat: int = 1, rounds: int = 7):
        names = list(fns)
        self.times: dict[str, list[float]] = {name: [] for name in names}
        for index in range(rounds):
            for name in names if index % 2 == 0 else reversed(names):
                gc.collect()
                start = time.perf_counter()
                for _ in range(repeat):
                    fns[name]()
                self.times[name].append((time.perf_counter() - start) / repeat)

    def median(self, name: str) -> float:
        """Median seconds per call."""
        return statistics.median(self.times[name])

    def ratio(self, name: str, baseline: str) -> float:
        """The median over rounds of ``name``'s time over ``baseline``'s in the same round."""
        pairs = zip(self.times[name], self.times[baseline], strict=True)
        return statistics.median(ours / base for ours, base in pairs)
