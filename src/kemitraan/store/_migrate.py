"""Running the store's migrations: for an app (:func:`upgrade_database`), and for ``env.py``.

A database made before the migrations has no version table: its columns tell which layout it is
(:mod:`kemitraan.store._layouts`), and it is stamped with that revision before the migrations
run, in the same transaction. ``kemitraan_*`` tables of no layout kemitraan made are refused,
naming what differs, whichever route runs the migrations.
"""

from __future__ import annotations

import importlib.util
import os
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from kemitraan.exceptions import InvalidArgumentError, MissingExtraError
from kemitraan.store._database import foreign, open_engine, revisions
from kemitraan.store._layouts import HEAD, detect, found_tables
from kemitraan.store._tables import METADATA, VERSION_TABLE


def upgrade_database(url: str, *, revision: str = "head") -> str:
    """Migrate the store's tables at ``url`` to ``revision`` (the newest by default), data kept.

    Run it once when a new kemitraan is installed, before the app opens its
    :class:`~kemitraan.store.Store` (which refuses tables of an older layout). The migrations
    run in one transaction where the database allows it (PostgreSQL, SQLite): a failure leaves
    the tables as they were. An empty database gets the newest tables.

    Args:
        url: The database, as :class:`~kemitraan.store.Store` takes it.
        revision: The revision to reach (``"head"``: the layout this kemitraan reads).

    Returns:
        The revision the tables are at now.

    Raises:
        StoreLayoutError: the ``kemitraan_*`` tables are not kemitraan's (nothing is changed).
        MissingExtraError: Alembic is not installed (``pip install 'kemitraan[store]'``).

    >>> upgrade_database("sqlite://")
    '0004'
    """
    if importlib.util.find_spec("alembic") is None:
        raise MissingExtraError("store", "upgrade_database", "Alembic")
    from alembic import command

    if not isinstance(revision, str) or not revision:
        raise InvalidArgumentError.saying(
            "revision must be a revision's id or 'head', not {revision}", revision=repr(revision)
        )
    engine = open_engine(url, transactional_ddl=True)
    try:
        with engine.begin() as conn:
            config = _config()
            config.attributes["connection"] = conn
            command.upgrade(config, revision)
            found = revisions(conn) or ()
    finally:
        engine.dispose()
    return found[0] if len(found) == 1 else ", ".join(found)


def _config() -> Any:
    from alembic.config import Config

    from kemitraan.store.migrations import ALEMBIC_INI, SCRIPTS

    config = Config(str(ALEMBIC_INI))
    config.set_main_option("script_location", str(SCRIPTS))
    return config


def run_environment() -> None:
    """What ``env.py`` does: run the migrations on the connection or URL Alembic was given."""
    from alembic import context

    if context.is_offline_mode():
        raise InvalidArgumentError.saying(
            "the store's migrations read the data they move: run them on the database, "
            "not as SQL (--sql)"
        )
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = context.get_x_argument(as_dictionary=True).get("url") or os.environ.get(
        "KEMITRAAN_STORE_URL"
    )
    if not url:
        raise InvalidArgumentError.saying(
            "name the store's database: alembic -x url=… (or set KEMITRAAN_STORE_URL)"
        )
    engine = open_engine(url, transactional_ddl=True)
    try:
        with engine.begin() as conn:
            _run(conn)
    finally:
        engine.dispose()


def _run(connection: Connection) -> None:
    from alembic import context
    from alembic.script import ScriptDirectory

    context.configure(
        connection=connection,
        target_metadata=METADATA,
        version_table=VERSION_TABLE,
        render_as_batch=True,  # SQLite alters a table by copying it
    )
    migration = context.get_context()
    if revisions(connection) is None:  # made before the migrations, or empty
        tables = found_tables(sa.inspect(connection))
        if tables:
            layout = detect(tables)
            if layout is None:
                raise foreign(tables)
            migration.stamp(ScriptDirectory.from_config(context.config), layout)
    with context.begin_transaction():
        context.run_migrations()


__all__ = ["HEAD", "run_environment", "upgrade_database"]
