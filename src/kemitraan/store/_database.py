"""Opening a store's database: the engine, SQLite's settings, and the tables' layout."""

from __future__ import annotations

import time
from typing import Any, Final

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from kemitraan.exceptions import InvalidArgumentError, InvalidDataError
from kemitraan.store._tables import METADATA, meta

#: The layout of the store's tables; a database of another layout is refused, not guessed at.
STORE_VERSION: Final = 1


def in_memory(url: str) -> bool:
    """Whether ``url`` names an in-memory SQLite database."""
    parsed = sa.engine.make_url(url)
    return parsed.get_backend_name() == "sqlite" and parsed.database in (None, "", ":memory:")


def create_tables(engine: Engine) -> None:
    """Create what is missing; several processes starting at once may race, so retry."""
    for attempt in range(6):
        try:
            METADATA.create_all(engine)
            # tables an earlier kemitraan made lack the indexes added since (same layout)
            for table in METADATA.sorted_tables:
                for index in table.indexes:
                    index.create(engine, checkfirst=True)
            with engine.begin() as conn:
                if conn.execute(sa.select(sa.func.count()).select_from(meta)).scalar() == 0:
                    conn.execute(meta.insert().values(store_version=STORE_VERSION))
            return
        except (sa.exc.IntegrityError, sa.exc.OperationalError, sa.exc.ProgrammingError):
            if attempt == 5:
                raise
            time.sleep(0.1 * (attempt + 1))


def check_tables(engine: Engine) -> None:
    """Refuse a database whose tables are of another layout than this kemitraan's."""
    with engine.connect() as conn:
        try:
            found = conn.execute(sa.select(meta.c.store_version)).scalar()
        except (sa.exc.OperationalError, sa.exc.ProgrammingError):
            found = None
    if found != STORE_VERSION:
        raise InvalidDataError(
            "Store",
            [
                {
                    "loc": ("kemitraan_store",),
                    "msg": f"the database's tables are of store layout {found}, not "
                    f"{STORE_VERSION}: export with the kemitraan that made them, and import",
                    "type": "unsupported_store_layout",
                }
            ],
        )


def open_engine(url: str) -> Engine:
    """The engine for ``url``; SQLite with foreign keys, a busy timeout and a write-ahead log."""
    if not isinstance(url, str) or "://" not in url:
        raise InvalidArgumentError(f"a store is opened with a database URL, not {url!r}")
    options: dict[str, Any] = {}
    if url.startswith("sqlite"):
        options["connect_args"] = {"timeout": 30, "check_same_thread": False}
        if in_memory(url):  # one database for all threads
            options["poolclass"] = sa.pool.StaticPool
    memory = in_memory(url)
    engine = sa.create_engine(url, **options)
    if url.startswith("sqlite"):

        @sa.event.listens_for(engine, "connect")
        def _pragmas(connection: Any, _: Any) -> None:
            cursor = connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=30000")
            if memory is False:
                cursor.execute("PRAGMA journal_mode=WAL")  # readers do not wait for a writer
            cursor.close()

    return engine
