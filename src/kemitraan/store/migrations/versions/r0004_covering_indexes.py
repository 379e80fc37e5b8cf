"""Indexes that hold the filter and the id, and one for renewals due (commit e3116ce).

Each query filters by one column and lists by id, so each index holds both; renewals due
read one covering index. The indexes of single columns they replace are dropped (the
furthest step's and the term end's stay). A database made before the migrations may hold
either set, or both: each index is dropped or made only where needed.

(That commit also moved ``document`` to the end of a new table's columns, where SQLite reads
past it less; a migrated table keeps its columns where they are.)

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TABLE = "kemitraan_partnerships"
#: The single-column indexes of the first layout that these replace.
REPLACED = ("stage", "cycle", "pattern", "institution_id", "province", "renewal_due", "waiting_on")
#: The new indexes: each filter with the id.
PAIRED = ("stage", "cycle", "pattern", "institution_id", "province", "waiting_on")
RENEWALS = ("mou_signed", "renewal_due", "term_end", "stage", "id")


def _indexes() -> set[str]:
    return {str(index["name"]) for index in sa.inspect(op.get_bind()).get_indexes(TABLE)}


def upgrade() -> None:
    """Migrate to this revision."""
    present = _indexes()
    for name in REPLACED:
        if f"ix_{TABLE}_{name}" in present:
            op.drop_index(f"ix_{TABLE}_{name}", table_name=TABLE)
    for name in PAIRED:
        if f"ix_{TABLE}_{name}_id" not in present:
            op.create_index(f"ix_{TABLE}_{name}_id", TABLE, [name, "id"])
    if f"ix_{TABLE}_renewals" not in present:
        op.create_index(f"ix_{TABLE}_renewals", TABLE, list(RENEWALS))


def downgrade() -> None:
    """Migrate back to the revision before."""
    op.drop_index(f"ix_{TABLE}_renewals", table_name=TABLE)
    for name in PAIRED:
        op.drop_index(f"ix_{TABLE}_{name}_id", table_name=TABLE)
    for name in REPLACED:
        op.create_index(f"ix_{TABLE}_{name}", TABLE, [name])
