"""Opening a store's database: the engine, SQLite's settings, and the tables' layout.

:class:`~kemitraan.store.Store` creates the tables of an empty database, and opens one whose
tables are at the newest revision of the migrations; it changes no other database. One of an
older layout is refused until the app runs the migrations
(:func:`kemitraan.store.upgrade_database`); one whose ``kemitraan_*`` tables kemitraan did not
make is refused, naming what differs, and left as it is.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any, Final

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from kemitraan.exceptions import InvalidArgumentError, StoreLayoutError
from kemitraan.store._layouts import HEAD, LAYOUTS, detect, differences, found_tables
from kemitraan.store._tables import METADATA, VERSION_TABLE, meta, versions

#: What the store's meta table says (its layouts before the migrations were numbered so).
STORE_VERSION: Final = 1

_MIGRATE: Final = (
    "run kemitraan.store.upgrade_database(url) (or: alembic -c "
    "<site-packages>/kemitraan/store/migrations/alembic.ini -x url=… upgrade head) first"
)


def _layout_error(
    code: str, message: str, *, found: str | None = None, differences: Sequence[str] = ()
) -> StoreLayoutError:
    table = (VERSION_TABLE,) if code != "not_a_kemitraan_store" else ()
    return StoreLayoutError(
        code, message, found=found, expected=HEAD, differences=differences, table=table
    )


def outdated(found: str) -> StoreLayoutError:
    """The refusal of tables an older kemitraan made (revision ``found``)."""
    return _layout_error(
        "outdated_store_layout",
        f"tabel basis data ini tata letak kemitraan {found}, belum {HEAD}: jalankan migrasinya "
        f"dahulu / the database's tables are of kemitraan's layout {found}, not {HEAD}: "
        + _MIGRATE,
        found=found,
    )


def in_memory(url: str) -> bool:
    """Whether ``url`` names an in-memory SQLite database."""
    parsed = sa.engine.make_url(url)
    return parsed.get_backend_name() == "sqlite" and parsed.database in (None, "", ":memory:")


def revisions(conn: Connection) -> tuple[str, ...] | None:
    """The revisions the version table holds (``None``: there is no version table)."""
    if not sa.inspect(conn).has_table(VERSION_TABLE):
        return None
    return tuple(str(v) for v in conn.execute(sa.select(versions.c.version_num)).scalars())


def prepare(engine: Engine, *, create: bool) -> None:
    """Create the tables of an empty database, or check an existing one is at :data:`HEAD`.

    Several processes starting at once may race to create them: a loser tries again.

    Raises:
        StoreLayoutError: the tables are of another layout, or not kemitraan's.
        InvalidArgumentError: the database cannot be opened (no such folder, no server).
    """
    for attempt in range(6):
        try:
            _prepare(engine, create=create)
            return
        except (sa.exc.IntegrityError, sa.exc.OperationalError, sa.exc.ProgrammingError) as exc:
            if attempt < 5:
                time.sleep(0.1 * (attempt + 1))
            elif isinstance(exc, sa.exc.OperationalError):
                raise InvalidArgumentError.saying(
                    "the database {url} cannot be opened ({reason})",
                    url=engine.url.set(query={}).render_as_string(hide_password=True),
                    reason=str(exc.orig).splitlines()[0][:200],
                ) from exc
            else:
                raise


def _prepare(engine: Engine, *, create: bool) -> None:
    with engine.connect() as conn:
        found = revisions(conn)
        if found == (HEAD,):
            return
        if found is not None:
            raise _refusal_of(found)
        tables = found_tables(sa.inspect(conn))
    if tables:  # tables before the migrations: an older kemitraan's, or someone else's
        layout = detect(tables)
        if layout is None:
            raise foreign(tables)
        raise outdated(layout)
    if not create:
        raise _layout_error(
            "no_store",
            "basis data ini belum berisi tabel kemitraan / the database holds no kemitraan "
            "tables: open it with create=True, or run kemitraan.store.upgrade_database(url)",
        )
    with engine.begin() as conn:  # all or nothing: a half-made store is not left behind
        METADATA.create_all(conn)
        conn.execute(versions.insert().values(version_num=HEAD))
        conn.execute(meta.insert().values(store_version=STORE_VERSION))


def _refusal_of(found: tuple[str, ...]) -> StoreLayoutError:
    if len(found) == 1 and found[0] in LAYOUTS:
        return outdated(found[0])
    shown = ", ".join(found) or "none"
    return _layout_error(
        "newer_store_layout",
        f"tabel basis data ini pada revisi {shown} yang tidak dikenal kemitraan ini / the "
        f"database's tables are at revision {shown}, which this kemitraan (layout {HEAD}) does "
        "not know: a newer kemitraan migrated them; upgrade kemitraan",
        found=shown,
    )


def foreign(tables: dict[str, frozenset[str]]) -> StoreLayoutError:
    """The refusal of ``kemitraan_*`` tables that no kemitraan made, naming what differs."""
    said = differences(tables)
    return _layout_error(
        "not_a_kemitraan_store",
        "tabel bernama kemitraan di basis data ini bukan buatan kemitraan / the database's "
        f"tables {', '.join(sorted(tables))} are not kemitraan's (not a layout it ever made): "
        f"{'; '.join(said)}; use another database, or rename those tables",
        differences=said,
    )


def open_engine(url: str, *, transactional_ddl: bool = False) -> Engine:
    """The engine for ``url``; SQLite with foreign keys, a busy timeout and a write-ahead log.

    With ``transactional_ddl`` a SQLite transaction holds its DDL too, and takes the write lock
    when it begins (Python's sqlite3 would commit each ``ALTER TABLE`` on its own): the
    migrations run all or nothing, as on PostgreSQL.
    """
    if not isinstance(url, str) or "://" not in url:
        raise InvalidArgumentError.saying(
            "a store is opened with a database URL, not {url}", url=repr(url)
        )
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
            if transactional_ddl:
                connection.isolation_level = None  # the driver begins nothing by itself

        if transactional_ddl:

            @sa.event.listens_for(engine, "begin")
            def _begin(conn: Connection) -> None:
                conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine
