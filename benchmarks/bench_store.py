"""Store benchmark: a save against a bare insert, and every query over many partnerships.

Measured in one run, each against a baseline of the same run (rounds alternate, medians):

1. ``Store.save`` of the main job's partnership (the seed case through both cycles, about
   50 KB of JSON) against a bare SQLAlchemy insert of the same JSON into a table of
   ``(id, document)`` in the same database (goal: at most 2.5x), in a SQLite file (where
   both wait for the disk at each commit) and in memory (where only the work counts):

   - after a load and one edit (an interaction recorded), the way an app saves;
   - the first save (a partnership built in memory: its whole text is loaded to prove it
     loads, and its 21 audit records are written).

2. N partnerships (100,000 by default) are stored in a SQLite file: the seed case at each
   of its 11 steps and both outcomes, each under its own id and then copied under new ids
   (the copies' hash chains no longer verify, which the queries do not read). Every
   query, with its time (goal: under 100 ms each): the funnel, the stage counts, a count
   by each filter, a page of 100 by several filters, one partnership loaded and its
   history. Lists of every match (thousands of rows) are timed apart, without a goal.
3. Reading every stored document back and loading it as a partnership (``load_json``),
   timed over a sample of partnerships that verify and multiplied out.

Set ``KEMITRAAN_BENCH_POSTGRES_URL`` to measure the saves and the queries on PostgreSQL as well
(a scratch database: the run empties its tables).

Run: ``python benchmarks/bench_store.py [partnerships]`` (from the repository root; pass a
smaller number, such as 10000, for a quick run).
"""

from __future__ import annotations

import gc
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path

import sqlalchemy as sa
from _common import per_call, seed_module
from bench_analysis import templates

from kemitraan import Interaction, InteractionKind, Partnership, load_json
from kemitraan.store import Store
from kemitraan.store._tables import METADATA, audit_records, partnerships

BATCH = 2_000
ROUNDS = 31
GOAL_RATIO = 2.5
GOAL_MS = 100.0


def main_job_partnership() -> Partnership:
    """The main job's partnership: the seed case walked through both cycles."""
    seed = seed_module()
    institution = seed.build_institution()
    p = Partnership(
        id="pkbm-harapan-bangsa-pkw-tas-rajut",
        institution=institution,
        program=seed.build_program(institution),
    )
    seed.walk(p, out=lambda _: None)
    return p


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    """Seconds ``fn`` takes: on the clock, and on this process's CPU (what other processes
    on a busy machine do not add)."""
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def ratio(saves: list[tuple[float, float]], plains: list[tuple[float, float]]) -> str:
    wall = statistics.median(s for s, _ in saves), statistics.median(p for p, _ in plains)
    cpu = statistics.median(s for _, s in saves) / statistics.median(p for _, p in plains)
    return (
        f"{wall[0] * 1000:6.2f} ms vs bare insert {wall[1] * 1000:5.2f} ms "
        f"= {wall[0] / wall[1]:4.1f}x (CPU time {cpu:4.1f}x)"
    )


def measure_saves(p: Partnership, url: str, where: str) -> None:
    """Store.save against a bare insert of the same JSON, alternating, medians."""
    store = Store(url)
    METADATA.drop_all(store.engine)  # a server's database outlives a run
    store.close()
    store = Store(url)
    bare = sa.Table(
        "bare_documents",
        sa.MetaData(),
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("document", sa.Text, nullable=False),
    )
    bare.drop(store.engine, checkfirst=True)  # a server's database outlives a run
    bare.create(store.engine)
    inserted = iter(range(10**9))

    def insert(text: str) -> None:
        with store.engine.begin() as conn:
            conn.execute(bare.insert(), {"id": f"bare-{next(inserted)}", "document": text})

    def forget() -> None:
        with store.engine.begin() as conn:
            conn.execute(audit_records.delete())
            conn.execute(partnerships.delete())

    text = p.model_dump_json()
    first: list[tuple[float, float]] = []
    bare_first: list[tuple[float, float]] = []
    for round_ in range(ROUNDS):
        if round_ % 2:  # both orders, in turn
            bare_first.append(timed(partial(insert, text)))
        first.append(timed(partial(store.save, p, version=0)))
        forget()
        if not round_ % 2:
            bare_first.append(timed(partial(insert, text)))

    store.save(p, version=0)
    after_edit: list[tuple[float, float]] = []
    bare_edit: list[tuple[float, float]] = []
    for round_ in range(ROUNDS):
        stored = store.load(p.id)
        stored.partnership.interactions.append(
            Interaction(
                on=date(2026, 3, 11), kind=InteractionKind.VISIT, partner_ids=[p.partners[0].id]
            )
        )
        edited = stored.partnership.model_dump_json()  # the same JSON the save writes
        if round_ % 2:
            bare_edit.append(timed(partial(insert, edited)))
        after_edit.append(timed(partial(store.save, stored.partnership, version=stored.version)))
        if not round_ % 2:
            bare_edit.append(timed(partial(insert, edited)))
    bare.drop(store.engine)
    store.close()

    print(f"  {where}:")
    for name, saves, plains in (
        ("after a load and one edit", after_edit, bare_edit),
        ("first save (whole text loaded)", first, bare_first),
    ):
        mark = "" if name.startswith("first") else f"; goal <= {GOAL_RATIO}x"
        print(f"    {name:<31} {ratio(saves, plains)}{mark}")


def fill(store: Store, n: int, made: list[tuple[str, str]]) -> None:
    """Store the templates under their ids, then copies under new ids up to n in all."""
    columns: list[dict[str, object]] = []
    for _, text in made:
        p = load_json(Partnership, text)
        store.save(p, version=0)  # the store computes a template's columns, once
        with store.engine.connect() as conn:
            row = conn.execute(sa.select(partnerships).where(partnerships.c.id == p.id)).one()
        columns.append(dict(row._mapping))
    now = datetime.now(UTC)
    for start in range(len(made), n, BATCH):
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


def queries(store: Store, n: int) -> dict[str, Callable[[], object]]:
    due = date(2027, 12, 31)
    return {
        "funnel()": store.funnel,
        "stage_counts()": store.stage_counts,
        "count()": store.count,
        "count(stage=)": lambda: store.count(stage="signing"),
        "count(cycle=)": lambda: store.count(cycle=1),
        "count(pattern=)": lambda: store.count(pattern="general_trade"),
        "count(institution_id=)": lambda: store.count(institution_id="pkbm-harapan-bangsa"),
        "count(province=)": lambda: store.count(province="kalsel"),
        "count(waiting_on=)": lambda: store.count(waiting_on="relevance_assessed"),
        "count(term_end_before=)": lambda: store.count(term_end_before=date(2029, 1, 1)),
        "count(renewal_due_by=)": lambda: store.count(renewal_due_by=due),
        "count(mou_signed=)": lambda: store.count(mou_signed=True),
        "find(stage=, limit=100)": lambda: store.find(stage="signing", limit=100),
        "find(province=, limit=100)": lambda: store.find(province="kalsel", limit=100),
        "find(renewal_due_by=, limit=100)": lambda: store.find(renewal_due_by=due, limit=100),
        "find(waiting_on=, limit=100)": lambda: store.find(
            waiting_on="relevance_assessed", limit=100
        ),
        "find(limit=100, offset=n/2)": lambda: store.find(limit=100, offset=n // 2),
        "load(one)": lambda: store.load("template-10"),
        "history(one)": lambda: store.history("template-10"),
    }


def measure_queries(url: str, n: int, made: list[tuple[str, str]]) -> None:
    store = Store(url)
    METADATA.drop_all(store.engine)
    store.close()
    store = Store(url)
    start = time.perf_counter()
    fill(store, n, made)
    print(
        f"{url.split(':', 1)[0]}: {n:,} partnerships stored in {time.perf_counter() - start:.0f} s"
    )
    slowest = 0.0
    for name, query in queries(store, n).items():
        took = per_call(query, rounds=5) * 1000
        slowest = max(slowest, took)
        print(f"  {name:<34} {took:7.1f} ms")
    print(f"  slowest query {slowest:.1f} ms (goal < {GOAL_MS:.0f} ms)")
    for name, listing in (
        ("find(stage='ended'), every match", lambda: store.find(stage="ended")),
        ("ids(), every id", lambda: list(store.ids())),
    ):
        took = per_call(listing, rounds=3)
        print(f"  {name:<34} {took * 1000:7.1f} ms ({len(listing()):,} rows; no goal)")

    def read_all() -> None:
        with store.engine.connect() as conn:
            for _ in conn.execute(sa.select(partnerships.c.document)):
                pass

    funnel = per_call(store.funnel, rounds=5)
    reading = per_call(read_all, rounds=1)
    sample = [text for _, text in made] * 50  # the templates verify: load them
    loading = per_call(lambda: [load_json(Partnership, t) for t in sample], rounds=1)
    everything = reading + loading / len(sample) * n
    print(
        f"  loading them all: reading the documents {reading:.1f} s + load_json "
        f"{loading / len(sample) * 1000:.2f} ms each = {everything:.0f} s "
        f"= {everything / funnel:,.0f}x the funnel"
    )
    store.close()


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as folder:
        p = main_job_partnership()
        size = len(p.model_dump_json().encode())
        print(f"Store.save of the main job's partnership ({size:,} bytes of JSON)")
        # a file, as apps keep it (a commit waits for the disk), and in memory (no disk)
        measure_saves(p, f"sqlite:///{Path(folder) / 'saves.db'}", "SQLite file")
        measure_saves(p, "sqlite://", "SQLite in memory")
        made = templates()
        measure_queries(f"sqlite:///{Path(folder) / 'bench.db'}", count, made)
    if os.environ.get("KEMITRAAN_BENCH_POSTGRES_URL"):
        server = os.environ["KEMITRAAN_BENCH_POSTGRES_URL"]
        measure_saves(p, server, "PostgreSQL (a server on this machine)")
        measure_queries(server, count, made)
