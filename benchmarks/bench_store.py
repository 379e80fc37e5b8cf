"""Store benchmark: the stage funnel over many stored partnerships, against loading them.

N partnerships (100,000 by default) are stored in a SQLite file: the seed case at each of
its 11 steps and both outcomes in turn, each under its own id, with its query columns as
the store computes them. Measured in the same run:

1. ``Store.funnel()``, ``Store.count(renewal_due_by=...)`` and ``Store.find(stage=...)``,
   which read the indexed columns (goal: under a second for the funnel);
2. reading every stored document back and loading it as a partnership (``load_json``),
   timed over a sample of partnerships that verify and multiplied out.

Set ``KEMITRAAN_BENCH_POSTGRES_URL`` to measure on PostgreSQL as well.

Run: ``python benchmarks/bench_store.py [partnerships]``
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

import sqlalchemy as sa
from _common import per_call
from bench_analysis import templates

from kemitraan import Partnership, load_json
from kemitraan.store import Store
from kemitraan.store._tables import METADATA, partnerships

BATCH = 2_000


def fill(store: Store, n: int, made: list[tuple[str, str]]) -> None:
    """Store n partnerships, the templates in turn under new ids, columns as saved."""
    columns: list[dict[str, object]] = []
    for _, text in made:
        p = load_json(Partnership, text)
        store.save(p, version=0)  # the store computes a template's columns, once
        with store.engine.begin() as conn:
            row = conn.execute(sa.select(partnerships).where(partnerships.c.id == p.id)).one()
            conn.execute(sa.text("DELETE FROM kemitraan_audit_records"))
            conn.execute(partnerships.delete().where(partnerships.c.id == p.id))
        columns.append(dict(row._mapping))
    now = datetime.now(UTC)
    for start in range(0, n, BATCH):
        rows = []
        for i in range(start, min(n, start + BATCH)):
            (pid, text), template = made[i % len(made)], columns[i % len(made)]
            new = f"p{i:06d}"
            rows.append(
                {
                    **template,
                    "id": new,
                    "document": text.replace(f'"id":"{pid}"', f'"id":"{new}"', 1),
                    "updated_at": now,
                }
            )
        with store.engine.begin() as conn:
            conn.execute(partnerships.insert(), rows)


def measure(url: str, n: int, made: list[tuple[str, str]]) -> None:
    store = Store(url)
    METADATA.drop_all(store.engine)
    METADATA.create_all(store.engine)
    start = time.perf_counter()
    fill(store, n, made)
    print(
        f"{url.split(':', 1)[0]}: {n:,} partnerships stored in {time.perf_counter() - start:.0f} s"
    )
    funnel = per_call(store.funnel, rounds=5)
    due = per_call(lambda: store.count(renewal_due_by=date(2027, 12, 31)), rounds=5)
    found = per_call(lambda: store.find(stage="signing", limit=100), rounds=5)
    print(f"  funnel {funnel * 1000:7.1f} ms (goal < 1 s): {store.funnel()}")
    print(
        f"  renewals due (count) {due * 1000:7.1f} ms; find 100 in a stage {found * 1000:6.1f} ms"
    )

    def read_all() -> None:
        with store.engine.connect() as conn:
            for _ in conn.execute(sa.select(partnerships.c.document)):
                pass

    reading = per_call(read_all, rounds=1)
    sample = [text for _, text in made] * 50  # the templates verify: load them
    loading = per_call(lambda: [load_json(Partnership, t) for t in sample], rounds=1)
    everything = reading + loading / len(sample) * n
    print(
        f"  loading them all: reading the documents {reading:.1f} s + load_json "
        f"{loading / len(sample) * 1000:.2f} ms each = {everything:.0f} s "
        f"= {everything / funnel:,.0f}× the funnel"
    )
    store.close()


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    made = templates()
    with tempfile.TemporaryDirectory() as folder:
        measure(f"sqlite:///{Path(folder) / 'bench.db'}", count, made)
    if os.environ.get("KEMITRAAN_BENCH_POSTGRES_URL"):
        measure(os.environ["KEMITRAAN_BENCH_POSTGRES_URL"], count, made)
