"""Lifecycle benchmark: ratios against baselines measured in the same run.

1. Load a seed-case partnership from JSON (validating it, replaying its history and
   checking its hash chain and signatures) and make one move, against ``json.loads`` of
   the same JSON plus a bare python-statemachine machine of the same 13 states (same
   transitions, a trivial guard) built and moved once. Goal: at most 2x. (kemitraan
   keeps one machine per thread and binds it to the partnership it moves.) Measured
   twice: loading a text loaded before, which a process verifies once (an app reading a
   stored partnership again), and loading a text not loaded before (the first read).
2. Count stages and find the partnerships waiting on a requirement across 100,000
   partnerships without building a machine for each; the baseline is a plain loop
   that reads each partnership's stage. Goal: under one second on a 2-core machine.

Run: ``python benchmarks/bench_lifecycle.py`` (from the repository root).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from itertools import count
from typing import Any

from _common import AT, SideBySide, per_call, seed_at, seed_module
from statemachine import State, StateMachine

from kemitraan import Partnership, Stage, dump_json, load_json
from kemitraan.lifecycle import transition_table
from kemitraan.summary import stage_counts, waiting_on


def _bare_machine_class() -> type[Any]:
    """A machine with the partnership's shape: same states and transitions, guard always true."""
    attrs: dict[str, Any] = {}
    for stage in Stage:
        attrs[stage.value] = State(
            stage.title_id,
            value=stage.value,
            initial=stage is Stage.MAPPING,
            final=stage.is_terminal,
        )
    events: dict[str, Any] = {}
    for (source, move), target in transition_table().items():
        transition = attrs[source.value].to(attrs[target.value], cond="ok")
        events[move.value] = (
            transition if move.value not in events else events[move.value] | transition
        )
    attrs.update(events)
    attrs["ok"] = lambda self: True
    return type("BareMachine", (StateMachine,), attrs)


class _BareModel:
    def __init__(self, stage: str) -> None:
        self.stage = stage


def bench_load_and_move(seed: Any) -> None:
    stored = dump_json(seed_at(Stage.SIGNING, recorded=True))
    bare_class = _bare_machine_class()

    def ours() -> None:
        p = load_json(Partnership, stored)
        p.advance(at=AT)

    def bare() -> None:
        model = _BareModel(json.loads(stored)["stage"])
        machine = bare_class(model=model, state_field="stage")
        machine.send("advance")

    def ours_load() -> None:
        load_json(Partnership, stored)

    # The same content in 8,192 texts of one length (JSON whitespace after it, a counter in
    # spaces and newlines): each a text this process has not verified before (it remembers
    # 256), as when an app reads a partnership for the first time.
    unseen = (stored + format(n, "013b").replace("0", " ").replace("1", "\n") for n in count())

    def ours_first() -> None:
        p = load_json(Partnership, next(unseen))
        p.advance(at=AT)

    def ours_first_load() -> None:
        load_json(Partnership, next(unseen))

    repeat = 300
    timed = SideBySide(
        {
            "bare": bare,
            "ours": ours,
            "load": ours_load,
            "first": ours_first,
            "first_load": ours_first_load,
        },
        repeat=repeat,
    )
    t_bare, t_ours, t_load, t_first, t_first_load = (
        timed.median(name) for name in ("bare", "ours", "load", "first", "first_load")
    )
    # made after the timings above, so that their collector does not walk 2,100 partnerships
    it = iter([load_json(Partnership, stored) for _ in range(2100)])

    def ours_move() -> None:
        next(it).advance(at=AT)

    t_move = per_call(ours_move, repeat)
    ratio, first = timed.ratio("ours", "bare"), timed.ratio("first", "bare")
    print("1. load from JSON + one move (advance: signing -> implementation)")
    print(f"   json.loads + bare python-statemachine (13 states)  {t_bare * 1e6:9.1f} us   1.00x")
    print(
        f"   kemitraan: load_json + move, a text loaded before  {t_ours * 1e6:9.1f} us "
        f"{ratio:7.2f}x   (goal <= 2x: {'met' if ratio <= 2 else 'NOT met'})"
    )
    print(
        f"   kemitraan: load_json + replay + hashes + move,\n"
        f"              a text not loaded before               {t_first * 1e6:9.1f} us "
        f"{first:7.2f}x   (goal <= 2x: {'met' if first <= 2 else 'NOT met'})"
    )
    print(
        f"     of which: load and validate ({len(stored):,} bytes of JSON),\n"
        f"               a text loaded before                  {t_load * 1e6:9.1f} us "
        f"{timed.ratio('load', 'bare'):7.2f}x"
    )
    print(
        f"               a text not loaded before              {t_first_load * 1e6:9.1f} us "
        f"{timed.ratio('first_load', 'bare'):7.2f}x"
    )
    print(
        f"     of which: requirements + machine + audit record "
        f"{t_move * 1e6:9.1f} us {t_move / t_bare:7.2f}x"
    )


def _population(seed: Any, size: int) -> list[Partnership]:
    """``size`` partnerships spread over every stage (shallow copies of one per stage)."""
    protos: list[Partnership] = []
    institution = seed.build_institution()
    p = Partnership(id="p", institution=institution, program=seed.build_program(institution))
    protos.append(p.model_copy(deep=True))
    while p.stage is not Stage.FOLLOW_UP:
        seed.record_step(p, at=AT)
        p.advance(at=AT)
        protos.append(p.model_copy(deep=True))
    declined = protos[0].model_copy(deep=True)
    declined.decline("Tidak ada calon yang sesuai", at=AT)
    ended = protos[7].model_copy(deep=True)
    ended.end("Mitra menutup usahanya", at=AT)
    protos += [declined, ended]
    return [protos[i % len(protos)].model_copy() for i in range(size)]


def bench_population(seed: Any, size: int = 100_000) -> None:
    population = _population(seed, size)

    def baseline() -> object:
        return Counter(p.stage for p in population)

    def counts() -> object:
        return stage_counts(population)

    def waiting() -> object:
        return waiting_on(population, "all_signed")

    def waiting_early() -> object:
        return waiting_on(population, "profile_gathered")

    t_base = per_call(baseline, 1, rounds=5)
    t_counts = per_call(counts, 1, rounds=5)
    t_wait = per_call(waiting, 1, rounds=5)
    t_wait2 = per_call(waiting_early, 1, rounds=5)
    found = len(waiting_on(population, "all_signed"))
    print(f"\n2. {size:,} partnerships in memory, read without moving them")
    print(f"   baseline: plain loop reading .stage          {t_base * 1e3:8.1f} ms   1.00x")
    print(
        f"   stage_counts                                 {t_counts * 1e3:8.1f} ms "
        f"{t_counts / t_base:7.2f}x"
    )
    print(
        f"   waiting_on 'all_signed' ({found:,} found)       {t_wait * 1e3:8.1f} ms "
        f"{t_wait / t_base:7.2f}x"
    )
    print(
        f"   waiting_on 'profile_gathered'                {t_wait2 * 1e3:8.1f} ms "
        f"{t_wait2 / t_base:7.2f}x"
    )
    total = t_counts + t_wait
    verdict = "met" if total < 1 else "NOT met"
    print(f"   stage_counts + waiting_on: {total:.3f} s (goal < 1 s: {verdict})")


def main() -> None:
    seed = seed_module()
    print(
        f"Python {sys.version.split()[0]}; medians of repeated rounds; ratios to the "
        "baseline measured in this run\n"
    )
    bench_load_and_move(seed)
    bench_population(seed)


if __name__ == "__main__":
    main()
