"""Monitoring benchmark: deviations and health over many partnerships, against a plain loop.

10,000 partnerships, each the seed case's first year with a year of records: twelve
monthly monitoring visits (progress, indicator values, spending) and two dozen
interactions with partners (50 variants of random values). Measured in the same run:

1. a plain-Python loop over the same records that finds the latest progress, value
   and spending per activity and indicator and the last contact per partner, and
   compares them with the plan (the floor any implementation pays);
2. :func:`kemitraan.detect_deviations` over every partnership;
3. :func:`kemitraan.partner_health` over every partnership.

Goal (issue 16): each at most 5x the plain loop, over 10,000 partnerships each loaded
from its own JSON, as a store or a file gives them to an app (about 2.6 GB in memory;
loading them takes about a minute).

The same is measured, second, over 10,000 shallow copies of the 50 variants, which share
their records. That is the floor's best case rather than a portfolio: the loop reads 50
partnerships' records from the processor's cache, and the collector's thresholds, which
grow with what a process holds, stay those of 50 partnerships, so that keeping 10,000
partnerships' results sets off full collections a real portfolio's size would not.

Run: ``python benchmarks/bench_monitoring.py [partnerships]`` (pass a smaller number, such
as 2000, for a quick run)
"""

from __future__ import annotations

import gc
import random
import sys
import time
from datetime import date, timedelta
from decimal import Decimal

from _common import SideBySide, seed_at

from kemitraan import (
    ActivityProgress,
    IndicatorValue,
    Interaction,
    InteractionKind,
    MonitoringRecord,
    Partnership,
    Stage,
    detect_deviations,
    dump_json,
    load_json,
    partner_health,
)
from kemitraan.deviations import Deviation
from kemitraan.monitoring import Spending

ON = date(2025, 12, 31)
VARIANTS = 50
GOAL = 5.0


def _year(seed: Partnership, rng: random.Random) -> Partnership:
    """The seed's first year with twelve monthly visits and 24 interactions of random values."""
    plan = seed.work_plan
    assert plan is not None
    records = []
    for month in range(1, 13):
        day = date(2025, month, 28)
        records.append(
            MonitoringRecord(
                cycle=1,
                on=day,
                by=seed.institution.id,
                progress=[
                    ActivityProgress(
                        activity=a.id, percent=Decimal(min(100, month * rng.randint(5, 12)))
                    )
                    for a in plan.activities
                ],
                indicators=[
                    IndicatorValue(indicator=i.id, value=Decimal(rng.randint(0, 220)))
                    for i in plan.indicators
                ],
                spending=[
                    Spending(activity=a.id, amount=Decimal(rng.randint(0, 40)) * 1_000_000)
                    for a in plan.activities
                    if a.budget is not None
                ],
            )
        )
    partners = [p.id for p in seed.committed_partners]
    contacts = [
        Interaction(
            on=date(2025, 1, 1) + timedelta(days=rng.randint(0, 364)),
            kind=rng.choice(list(InteractionKind)),
            partner_ids=[rng.choice(partners)],
            initiated_by=rng.choice([seed.institution.id, *partners]),
            feedback_requested=rng.random() < 0.3,
        )
        for _ in range(24)
    ]
    return seed.model_copy(update={"monitoring": records, "interactions": contacts})


def plain_loop(population: list[Partnership]) -> int:
    """The floor: latest values per activity and indicator, last contact, compared with plan."""
    found = 0
    for p in population:
        plan = p.work_plan
        assert plan is not None
        progress: dict[str, Decimal] = {}
        values: dict[str, Decimal] = {}
        spent: dict[str, Decimal] = {}
        for record in sorted(p.monitoring, key=lambda r: r.on):
            if record.on > ON:
                continue
            for g in record.progress:
                progress[g.activity] = g.percent
            for v in record.indicators:
                values[v.indicator] = v.value
            for s in record.spending:
                spent[s.activity] = s.amount
        for a in plan.activities:
            if a.period and a.period.end < ON and progress.get(a.id, Decimal(0)) < 100:
                found += 1
            if a.budget and spent.get(a.id, Decimal(0)) > a.budget:
                found += 1
        for i in plan.indicators:
            if i.id in values and values[i.id] < i.expected(ON):
                found += 1
        last: dict[str, date] = {}
        for contact in p.interactions:
            for pid in contact.partner_ids:
                last[pid] = max(last.get(pid, contact.on), contact.on)
        found += sum(1 for d in last.values() if (ON - d).days > 30)
    return found


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    rng = random.Random(7)
    seed = seed_at(Stage.IMPROVEMENT)
    variants = [_year(seed, rng) for _ in range(VARIANTS)]
    texts = [dump_json(v) for v in variants]
    start = time.perf_counter()
    loaded = [load_json(Partnership, texts[i % VARIANTS]) for i in range(size)]
    took = time.perf_counter() - start
    records = sum(len(p.monitoring) + len(p.interactions) for p in loaded)
    print(
        f"Python {sys.version.split()[0]}; {size:,} partnerships, {records:,} records "
        "(a year each); alternating rounds; median ratios to the plain loop in the same round\n"
    )
    print(
        f"1. each loaded from its own JSON ({len(texts[0]):,} bytes; loaded in {took:.0f} s): "
        "the goal's measure"
    )
    _measure(loaded, rounds=3, goal=True)
    del loaded
    gc.collect()
    print(f"\n2. {size:,} shallow copies of the {VARIANTS} variants, sharing their records")
    _measure([variants[i % VARIANTS].model_copy() for i in range(size)], rounds=5, goal=False)


def _measure(population: list[Partnership], *, rounds: int, goal: bool) -> None:
    def deviations() -> list[list[Deviation]]:
        return [detect_deviations(p, on=ON) for p in population]

    def health() -> object:
        return [partner_health(p, on=ON) for p in population]

    timed = SideBySide(
        {"base": lambda: plain_loop(population), "dev": deviations, "health": health},
        rounds=rounds,
    )
    size = len(population)
    t_base, t_dev, t_health = (timed.median(name) for name in ("base", "dev", "health"))
    r_dev, r_health = timed.ratio("dev", "base"), timed.ratio("health", "base")
    found = sum(len(d) for d in deviations())
    print(f"   plain loop over the same records             {t_base:8.2f} s    1.00x")
    print(
        f"   detect_deviations ({found:,} found)        {t_dev:8.2f} s {r_dev:7.2f}x  "
        f"({t_dev / size * 1e3:.2f} ms per partnership{_goal(r_dev, goal)})"
    )
    print(
        f"   partner_health                               {t_health:8.2f} s "
        f"{r_health:7.2f}x  ({t_health / size * 1e3:.2f} ms per partnership"
        f"{_goal(r_health, goal)})"
    )


def _goal(ratio: float, goal: bool) -> str:
    if not goal:
        return ""
    return f"; goal <= {GOAL:g}x: {'met' if ratio <= GOAL else 'NOT met'}"


if __name__ == "__main__":
    main()
