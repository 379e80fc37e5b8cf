"""The layouts the store's tables have had, to tell an older kemitraan's database from another's.

Each layout is the revision of the migrations (``store/migrations/versions``) that makes it,
and the columns each of the store's tables has in it. A database made before the store's
tables were migrated by Alembic has no version table; its columns tell which layout it is,
and a database whose ``kemitraan_*`` tables match none is not kemitraan's and is never
adopted (its tables named, with what differs).
"""

from __future__ import annotations

from typing import Final

import sqlalchemy as sa

from kemitraan.store._tables import METADATA, VERSION_TABLE, audit_records, meta, partnerships

#: The newest revision: the layout of :mod:`kemitraan.store._tables`.
HEAD: Final = "0004"

_PARTNERSHIPS: Final = frozenset(
    {
        "id",
        "version",
        "schema_version",
        "document",
        "stage",
        "step",
        "furthest_step",
        "cycle",
        "pattern",
        "institution_id",
        "institution",
        "program",
        "province",
        "partners",
        "mou_signed",
        "term_end",
        "renewal_due",
        "waiting_on",
        "updated_at",
    }
)
_AUDIT_FIRST: Final = frozenset(
    {"partnership_id", "seq", "at", "move", "from_stage", "to_stage", "party_id", "hash", "record"}
)
_AUDIT: Final = _AUDIT_FIRST | {"cycle", "utc_offset"}
_META: Final = frozenset({"store_version"})

#: Each revision's tables and their columns (the indexes aside: 0003 and 0004 differ only there).
LAYOUTS: Final[dict[str, dict[str, frozenset[str]]]] = {
    "0001": {partnerships.name: _PARTNERSHIPS, audit_records.name: _AUDIT_FIRST},
    "0002": {partnerships.name: _PARTNERSHIPS, audit_records.name: _AUDIT},
    "0003": {partnerships.name: _PARTNERSHIPS, audit_records.name: _AUDIT, meta.name: _META},
    "0004": {partnerships.name: _PARTNERSHIPS, audit_records.name: _AUDIT, meta.name: _META},
}

#: Every table the store has ever made, the version table of its migrations included.
OURS: Final = frozenset(METADATA.tables) | {VERSION_TABLE}


def found_tables(inspector: sa.Inspector) -> dict[str, frozenset[str]]:
    """The store's tables the database holds (the version table aside), with their columns."""
    names = set(inspector.get_table_names()) & (OURS - {VERSION_TABLE})
    return {
        name: frozenset(column["name"] for column in inspector.get_columns(name))
        for name in sorted(names)
    }


def detect(found: dict[str, frozenset[str]]) -> str | None:
    """The earliest revision whose tables are exactly ``found``; ``None`` if none is.

    A database of layout 0004 made before the migrations is found as 0003: the two differ only
    in their indexes, and revision 0004 makes whichever of its indexes are missing.
    """
    return next((revision for revision, tables in LAYOUTS.items() if tables == found), None)


def differences(found: dict[str, frozenset[str]], revision: str = HEAD) -> list[str]:
    """What ``found`` lacks or has beyond the tables of ``revision``, one sentence each."""
    expected = LAYOUTS[revision]
    said = []
    for name in sorted(expected.keys() | found.keys()):
        if name not in found:
            said.append(f"table {name} is missing")
        elif name not in expected:
            said.append(f"table {name} is not one of layout {revision}")
        else:
            missing = sorted(expected[name] - found[name])
            extra = sorted(found[name] - expected[name])
            if missing:
                said.append(f"{name} lacks the column(s) {', '.join(missing)}")
            if extra:
                said.append(f"{name} has column(s) kemitraan never made: {', '.join(extra)}")
    return said
