"""Analysis benchmark: the portfolio frame at national scale, and ranking many candidates.

1. The portfolio frame for N stored partnerships (100,000 by default), the seed case at
   each of its 11 steps and both outcomes in turn, stored as a folder of JSON files and as
   one JSON Lines file. Measured in the same run against ``json.loads`` of the same data
   (the floor any reader pays); goal: at most 2×. Loading full models for a sample is
   printed too, for scale.
2. Scoring and ranking N candidates (100,000 by default) with :func:`rank_candidates`,
   against a plain-Python loop that computes the same six values and sorts.

Run: ``python benchmarks/bench_analysis.py [partnerships] [candidates]``
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from _common import per_call, seed_module

from kemitraan import CandidateRegister, Partnership, Stage, dump_json, load_json, rank_candidates
from kemitraan.analysis import Portfolio, synthetic_candidates
from kemitraan.mapping import mapping_level
from kemitraan.programs import OFFERS_MEETING
from kemitraan.scoring import DEFAULT_WEIGHTS

ON = date(2025, 12, 31)


def templates() -> list[tuple[str, str]]:
    """The seed partnership at each step and outcome, as compact JSON, with its id."""
    seed = seed_module()
    found = []
    for number, stage in enumerate(Stage):
        institution = seed.build_institution()
        pid = f"template-{number:02d}"
        p = Partnership(id=pid, institution=institution, program=seed.build_program(institution))
        stop = Stage.IMPLEMENTATION if stage is Stage.ENDED else stage
        stop = Stage.EXPLORATION if stage is Stage.DECLINED else stop
        seed.walk_until(p, stop, start=date(2025, 1, 6), every_days=9)
        seed.record_step(p)
        if stage is Stage.DECLINED:
            p.decline("Calon mitra belum bersedia")
        elif stage is Stage.ENDED:
            p.end("Mitra menutup usahanya")
        found.append((pid, dump_json(p, indent=None)))
    return found


def store(n: int, folder: Path, made: list[tuple[str, str]]) -> tuple[Path, Path, int]:
    """Write n partnerships as files in ``folder/json`` and as ``folder/all.jsonl``.

    Each is a template under a new id: its history's chain no longer verifies (the id is
    hashed into it), which the readers, like ``json.loads``, do not check.
    """
    files = folder / "json"
    files.mkdir()
    size = 0
    with (folder / "all.jsonl").open("w") as lines:
        for i in range(n):
            pid, text = made[i % len(made)]
            text = text.replace(f'"id":"{pid}"', f'"id":"p{i:06d}"', 1)
            (files / f"p{i:06d}.json").write_text(text)
            lines.write(text + "\n")
            size += len(text)
    return files, folder / "all.jsonl", size


def loads_files(folder: Path) -> None:
    for path in sorted(folder.glob("*.json")):
        json.loads(path.read_bytes())


def loads_lines(path: Path) -> None:
    with path.open("rb") as lines:
        for line in lines:
            if line.strip():
                json.loads(line)


def frame_benchmark(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        made = templates()
        files, jsonl, size = store(n, Path(tmp), made)
        print(
            f"{n:,} partnerships, {size / 2**30:.2f} GiB of JSON "
            f"(written in {time.perf_counter() - start:.0f} s)"
        )
        loads_lines(jsonl)  # warm the page cache for both
        loads_files(files)
        rounds = 3
        for label, base, ours in (
            (
                "folder of JSON files",
                lambda: loads_files(files),
                lambda: Portfolio.read_json_dir(files, on=ON),
            ),
            (
                "JSON Lines file     ",
                lambda: loads_lines(jsonl),
                lambda: Portfolio.read_jsonl(jsonl, on=ON),
            ),
        ):
            floor = per_call(base, rounds=rounds)
            frame = per_call(ours, rounds=rounds)
            print(
                f"  {label}: json.loads {floor:6.2f} s, Portfolio {frame:6.2f} s "
                f"= {frame / floor:.2f}× (goal ≤ 2×)"
            )
        sample = [text for _, text in made] * 100  # the templates verify: load them
        full = per_call(
            lambda: Portfolio.from_partnerships(
                (load_json(Partnership, text) for text in sample), on=ON
            ),
            rounds=1,
        )
        print(
            f"  full models (load_json + every column), sample of {len(sample):,}: "
            f"{full / len(sample) * 1000:.2f} ms per partnership "
            f"(≈ {full / len(sample) * n:.0f} s for all)"
        )


def plain_ranking(register: CandidateRegister) -> list[tuple[float, str]]:
    """The same six values and weights, by hand: the floor for scoring."""
    weights = DEFAULT_WEIGHTS
    total = sum(weights.values())
    needs = [OFFERS_MEETING[need.category] for need in register.program.needs]
    proximity = {"village": 1.0, "district": 0.8, "regency": 0.6, "province": 0.4, "national": 0.2}
    ratings = {r.partner_id: r for r in register.ratings}
    origin = register.origin
    scored = []
    for partner in register.candidates:
        profile = partner.profile
        offers = set(profile.offers)
        coverage = sum(1 for meeting in needs if meeting & offers) / len(needs)
        level = mapping_level(partner.region, origin)
        near = proximity[level.value] if level else 0.0
        rating = ratings.get(partner.id)
        power = rating.power / 5 if rating and rating.power else 0.0
        interest = rating.interest / 5 if rating and rating.interest else 0.0
        known = (
            sum(
                bool(x)
                for x in (
                    profile.goals,
                    profile.scope_of_work,
                    profile.vision,
                    profile.mission,
                    profile.gathering_records,
                )
            )
            / 5
        )
        score = (
            100
            * (
                weights["need_coverage"] * coverage
                + weights["proximity"] * near
                + weights["influence"] * power
                + weights["interest"] * interest
                + weights["information"] * known
            )
            / total
        )
        scored.append((score, partner.id))
    scored.sort(key=lambda item: (-round(item[0], 9), item[1]))
    return scored


def ranking_benchmark(n: int) -> None:
    seed = seed_module()
    program = seed.build_program(seed.build_institution())
    start = time.perf_counter()
    register = synthetic_candidates(program, n, seed=1)
    print(f"{n:,} candidates (made in {time.perf_counter() - start:.1f} s)")
    ours = rank_candidates(register)
    floor_result = plain_ranking(register)
    assert [e.partner.id for e in ours][:100] == [pid for _, pid in floor_result][:100]
    floor = per_call(lambda: plain_ranking(register), rounds=3)
    ranked = per_call(lambda: rank_candidates(register), rounds=3)
    swaps = per_call(ours.weight_swaps, rounds=3)
    reweighted = per_call(lambda: ours.with_weights(proximity=4), rounds=3)
    print(f"  plain loop {floor:5.2f} s, rank_candidates {ranked:5.2f} s = {ranked / floor:.2f}×")
    print(
        f"  with_weights (nothing re-measured) {reweighted:5.2f} s = {reweighted / floor:.2f}×; "
        f"weight_swaps {swaps:5.2f} s = {swaps / floor:.2f}×"
    )


if __name__ == "__main__":
    partnerships = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    candidates = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    ranking_benchmark(candidates)
    frame_benchmark(partnerships)
