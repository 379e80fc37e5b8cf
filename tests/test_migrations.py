"""The store's migrations: from the first layout it had to the current one, data in place.

A database is made as the first store made it (commit 8e78613: its tables, its indexes, its
rows as its code wrote them), migrated, and then served by today's Store — on SQLite and on
PostgreSQL.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from kemitraan import Interaction, InteractionKind, InvalidDataError, Partnership, Stage
from kemitraan.store import Store, StoreLayoutError, upgrade_database
from kemitraan.store._layouts import HEAD, LAYOUTS, found_tables
from kemitraan.store._rows import columns
from kemitraan.store._tables import METADATA, VERSION_TABLE
from kemitraan.store.migrations import ALEMBIC_INI, SCRIPTS
from seed import at_stage, example
from test_store import DATABASES, empty_database, walked

# -- the first layout, as kemitraan's first store declared it ----------------------------------

FIRST = sa.MetaData()
FIRST_PARTNERSHIPS = sa.Table(
    "kemitraan_partnerships",
    FIRST,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("schema_version", sa.Integer, nullable=False),
    sa.Column("document", sa.Text, nullable=False),
    sa.Column("stage", sa.String(32), nullable=False, index=True),
    sa.Column("step", sa.Integer),
    sa.Column("furthest_step", sa.Integer, nullable=False, index=True),
    sa.Column("cycle", sa.Integer, nullable=False, index=True),
    sa.Column("pattern", sa.String(64), index=True),
    sa.Column("institution_id", sa.String(64), nullable=False, index=True),
    sa.Column("institution", sa.String(500), nullable=False),
    sa.Column("program", sa.String(500), nullable=False),
    sa.Column("province", sa.String(64), index=True),
    sa.Column("partners", sa.Integer, nullable=False),
    sa.Column("mou_signed", sa.Boolean, nullable=False),
    sa.Column("term_end", sa.Date, index=True),
    sa.Column("renewal_due", sa.Date, index=True),
    sa.Column("waiting_on", sa.String(64), index=True),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)
FIRST_RECORDS = sa.Table(
    "kemitraan_audit_records",
    FIRST,
    sa.Column(
        "partnership_id",
        sa.String(64),
        sa.ForeignKey("kemitraan_partnerships.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("seq", sa.Integer, primary_key=True),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("move", sa.String(32), nullable=False),
    sa.Column("from_stage", sa.String(32), nullable=False),
    sa.Column("to_stage", sa.String(32), nullable=False),
    sa.Column("party_id", sa.String(64)),
    sa.Column("hash", sa.String(200), nullable=False),
    sa.Column("record", sa.Text, nullable=False),
)


def write_as_the_first_store(url: str, portfolio: list[Partnership]) -> None:
    """Tables and rows as the first store made and wrote them (``at`` in the move's own zone)."""
    engine = sa.create_engine(url)
    FIRST.create_all(engine)
    with engine.begin() as conn:
        for p in portfolio:
            conn.execute(
                FIRST_PARTNERSHIPS.insert(),
                {"id": p.id, "version": 1, "document": p.model_dump_json(), **columns(p, 90)},
            )
            conn.execute(
                FIRST_RECORDS.insert(),
                [
                    {
                        "partnership_id": p.id,
                        "seq": seq,
                        "at": record.at,
                        "move": record.move.value,
                        "from_stage": record.from_stage.value,
                        "to_stage": record.to_stage.value,
                        "party_id": record.party_id,
                        "hash": record.hash,
                        "record": record.model_dump_json(),
                    }
                    for seq, record in enumerate(p.history)
                ],
            )
    engine.dispose()


@pytest.fixture(params=DATABASES)
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return empty_database(request.param, tmp_path)


@pytest.fixture(scope="module")
def portfolio() -> list[Partnership]:
    renewed = at_stage(Stage.IMPLEMENTATION, cycle=2)  # moves in UTC, a second cycle
    return [
        walked("p-analysis", Stage.ANALYSIS),  # moves at +08:00
        walked("p-implementing", Stage.IMPLEMENTATION),
        renewed,
    ]


def _layout(url: str) -> list[Any]:
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"version_table": VERSION_TABLE, "compare_type": True}
        )
        found = compare_metadata(context, METADATA)
    engine.dispose()
    return list(found)


def test_the_newest_revision_is_the_layout_of_the_tables() -> None:
    assert ScriptDirectory(str(SCRIPTS)).get_current_head() == HEAD
    assert LAYOUTS[HEAD] == {
        table.name: frozenset(table.c.keys())
        for table in METADATA.sorted_tables
        if table.name != VERSION_TABLE
    }


def test_a_database_of_the_first_layout_holding_data_is_migrated_and_served(
    url: str, portfolio: list[Partnership]
) -> None:
    write_as_the_first_store(url, portfolio)
    with pytest.raises(StoreLayoutError, match="upgrade_database") as refused:
        Store(url)
    assert (refused.value.found, refused.value.errors[0]["type"]) == (
        "0001",
        "outdated_store_layout",
    )
    assert upgrade_database(url) == HEAD
    assert _layout(url) == []  # the tables Store would have made, indexes included
    assert upgrade_database(url) == HEAD  # nothing more to do
    with Store(url) as store:
        for p in portfolio:
            stored = store.load(p.id)
            assert (stored.partnership, stored.version) == (p, 1)
            assert store.history(p.id) == list(p.history)
        assert [s.id for s in store.find(stage="implementation")] == ["p-implementing", "seed"]
        assert [s.id for s in store.find(cycle=2)] == ["seed"]
        assert [s.id for s in store.find(province="kalsel", limit=1, offset=1)] == [
            "p-implementing"
        ]
        moves = [m for m in store.moves() if m[0] == "p-analysis"]
        assert moves == [
            ("p-analysis", r.at, r.to_stage.value, r.cycle)
            for r in portfolio[0].history
            if not r.move.is_signing
        ]
        assert {m[1].utcoffset() for m in moves} == {timedelta(hours=8)}  # each in its own zone
        assert {m[3] for m in store.moves() if m[0] == "seed"} == {1, 2}
        stored = store.load("p-analysis")
        example().record_step(stored.partnership)
        stored.partnership.advance(at=datetime(2025, 3, 1, tzinfo=UTC))
        stored.partnership.interactions.append(
            Interaction(
                on=date(2025, 3, 2),
                kind=InteractionKind.VISIT,
                partner_ids=[stored.partnership.partners[0].id],
            )
        )
        assert store.save(stored.partnership, version=1) == 2
        assert store.load("p-analysis").partnership == stored.partnership
        assert len(store.history("p-analysis")) == len(stored.partnership.history)
        fresh = walked("p-new", Stage.GATHERING)
        assert store.save(fresh, version=0) == 1
        assert store.get("p-new") == fresh


def test_a_database_made_before_the_migrations_is_stamped_and_migrated(url: str) -> None:
    """The last layout before Alembic (kemitraan_store and both sets of indexes) is adopted."""
    engine = sa.create_engine(url)
    tables = [t for t in METADATA.sorted_tables if t.name != VERSION_TABLE]
    METADATA.create_all(engine, tables=tables)
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO kemitraan_store VALUES (1)"))
        conn.execute(sa.text("DROP INDEX ix_kemitraan_partnerships_renewals"))
        conn.execute(
            sa.text(
                "CREATE INDEX ix_kemitraan_partnerships_stage ON kemitraan_partnerships (stage)"
            )
        )
    with pytest.raises(StoreLayoutError, match="layout 0003"):
        Store(url)
    assert upgrade_database(url) == HEAD
    indexes = {i["name"] for i in sa.inspect(engine).get_indexes("kemitraan_partnerships")}
    assert "ix_kemitraan_partnerships_renewals" in indexes
    assert "ix_kemitraan_partnerships_stage" not in indexes
    assert _layout(url) == []
    engine.dispose()
    Store(url).close()


def test_a_failed_migration_leaves_the_tables_as_they_were(
    url: str, portfolio: list[Partnership]
) -> None:
    write_as_the_first_store(url, portfolio[:1])
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE kemitraan_audit_records SET record = '{}' WHERE seq = 1"))
    with pytest.raises(InvalidDataError, match="catatan audit 1 kemitraan 'p-analysis'"):
        upgrade_database(url)
    inspector = sa.inspect(engine)
    assert VERSION_TABLE not in inspector.get_table_names()
    assert found_tables(inspector) == LAYOUTS["0001"]
    engine.dispose()


def test_tables_of_another_app_are_not_migrated(url: str) -> None:
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE kemitraan_audit_records (id INTEGER PRIMARY KEY)"))
    with pytest.raises(StoreLayoutError, match="not kemitraan's"):
        upgrade_database(url)
    assert set(sa.inspect(engine).get_table_names()) >= {"kemitraan_audit_records"}
    assert VERSION_TABLE not in sa.inspect(engine).get_table_names()
    engine.dispose()


@pytest.fixture
def first_layout_file(tmp_path: Path, portfolio: list[Partnership]) -> str:
    url = f"sqlite:///{tmp_path / 'first.db'}"
    write_as_the_first_store(url, portfolio)
    return url


def test_the_alembic_command_line_migrates(first_layout_file: str) -> None:
    command = [sys.executable, "-m", "alembic", "-c", str(ALEMBIC_INI)]
    done = subprocess.run(
        [*command, "-x", f"url={first_layout_file}", "upgrade", "head"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    with Store(first_layout_file) as store:
        assert store.count() == 3
    shown = subprocess.run(
        [*command, "-x", f"url={first_layout_file}", "current"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert f"{HEAD} (head)" in shown.stdout
