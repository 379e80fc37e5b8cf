"""Roll-up benchmark: a regency table of 100,000 partnerships straight from Parquet.

The portfolio's Parquet file for N partnerships (100,000 by default; rows made up in the
portfolio's own columns, spread over 500 regencies of 38 provinces, with PKW partner
counts and learners), rolled up by province and regency with
:func:`kemitraan.analysis.rollup.regency_rollup_parquet` (DuckDB, no frame, no model),
against the floor any reader pays: ``pandas.read_parquet`` of the same file. Printed too:
the same roll-up from the portfolio frame in memory (:func:`regency_rollup`).

Run: ``python benchmarks/bench_rollup.py [partnerships]``
"""

from __future__ import annotations

import random
import sys
import tempfile
from datetime import date
from pathlib import Path

import pandas as pd
from _common import SideBySide

from kemitraan.analysis import Portfolio
from kemitraan.analysis._rows import RAW_COLUMNS
from kemitraan.analysis.rollup import regency_rollup, regency_rollup_parquet
from kemitraan.lifecycle import Stage
from kemitraan.regions import province_names

ON = date(2026, 3, 1)


def made_up(n: int, seed: int = 3) -> Portfolio:
    """A portfolio of ``n`` made-up rows in the portfolio's columns."""
    rng = random.Random(seed)
    provinces = province_names()
    stages = [stage.value for stage in Stage]
    rows = []
    for i in range(n):
        stage = rng.choice(stages)
        learners = rng.randint(0, 25)
        started = rng.randint(0, learners)
        row = dict.fromkeys(RAW_COLUMNS)
        row.update(
            id=f"p{i:06d}",
            program_kind="pkw" if rng.random() < 0.7 else "other",
            province=provinces[i % 500 % len(provinces)],
            regency=f"Kabupaten {i % 500}",
            stage=stage,
            step=Stage(stage).number,
            outcome=stage if stage in ("declined", "ended") else None,
            mou_signed=rng.random() < 0.5,
            renewal_due=date(2026, 1, 1) if rng.random() < 0.2 else None,
            pkw_dudi=rng.randint(0, 2),
            pkw_umkm=rng.randint(0, 2),
            pkw_financing=rng.randint(0, 1),
            pkw_platform=rng.randint(0, 1),
            pkw_missing="Platform digital" if rng.random() < 0.4 else None,
            learners=learners,
            completed=rng.randint(started, learners),
            started_business=started,
            earning_umk=rng.randint(0, started),
        )
        rows.append(tuple(row.values()))
    return Portfolio._made(rows, None, [], ON)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    portfolio = made_up(n)
    with tempfile.TemporaryDirectory() as folder:
        portfolio.to_parquet(folder)
        path = Path(folder) / "partnerships.parquet"
        timed = SideBySide(
            {
                "read": lambda: pd.read_parquet(path),
                "duckdb": lambda: regency_rollup_parquet(folder, on=ON),
                "frame": lambda: regency_rollup(portfolio),
            },
            rounds=5,
        )
        regencies = len(regency_rollup_parquet(folder, on=ON))
    print(
        f"{n:,} partnerships in {regencies:,} regencies; alternating rounds, median ratios to "
        "reading the same Parquet in the same round\n"
    )
    print(f"   pandas.read_parquet (the floor)              {timed.median('read'):7.3f} s   1.00x")
    print(
        f"   regency_rollup_parquet (DuckDB)              {timed.median('duckdb'):7.3f} s "
        f"{timed.ratio('duckdb', 'read'):6.2f}x"
    )
    print(
        f"   regency_rollup of the frame in memory        {timed.median('frame'):7.3f} s "
        f"{timed.ratio('frame', 'read'):6.2f}x"
    )


if __name__ == "__main__":
    main()
