"""The audit records keep each move's cycle and its own time zone (commit cffe51c).

``at`` is kept in UTC and ``utc_offset`` holds the move's own offset in minutes, so a
portfolio reads the time in each step from this table; ``cycle`` is the move's cycle. Both
are filled from each record's own JSON, which holds the instant with its offset and the
cycle, and ``at`` is written again in UTC (SQLite kept the local time, without its offset).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from alembic import op

from kemitraan._catalog import N_
from kemitraan._error_texts import data_problem
from kemitraan.exceptions import InvalidDataError

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_RECORDS = sa.table(
    "kemitraan_audit_records",
    sa.column("partnership_id", sa.String),
    sa.column("seq", sa.Integer),
    sa.column("at", sa.DateTime(timezone=True)),
    sa.column("utc_offset", sa.Integer),
    sa.column("cycle", sa.Integer),
    sa.column("record", sa.Text),
)
#: Records read and written at a time: a big store is migrated in bounded memory.
BATCH = 1000


def _filled(pid: str, seq: int, record: str) -> dict[str, object]:
    try:
        data = json.loads(record)
        at = datetime.fromisoformat(data["at"])
        cycle = data["cycle"]
    except (ValueError, TypeError, KeyError):
        at, cycle = None, None
    if at is None or at.tzinfo is None or type(cycle) is not int:
        message = N_(
            "audit record {seq} of partnership {id} holds no instant with its time zone, or "
            "no cycle: the migration stops, and the tables stay as they were"
        )
        error = data_problem((pid, seq), "migration_failed", message, seq=seq, id=repr(pid))
        raise InvalidDataError("AuditRecord", [error])
    offset = at.utcoffset() or timedelta()
    return {
        "new_at": at.astimezone(UTC),
        "new_offset": int(offset.total_seconds() // 60),
        "new_cycle": cycle,
    }


def upgrade() -> None:
    """Migrate to this revision."""
    with op.batch_alter_table("kemitraan_audit_records") as batch:
        batch.add_column(sa.Column("utc_offset", sa.Integer))
        batch.add_column(sa.Column("cycle", sa.Integer))
    conn = op.get_bind()
    c = _RECORDS.c
    pending = (
        sa.select(c.partnership_id, c.seq, c.record)
        .where(c.utc_offset.is_(None))
        .order_by(c.partnership_id, c.seq)
        .limit(BATCH)
    )
    fill = (
        _RECORDS.update()
        .where(c.partnership_id == sa.bindparam("pid"), c.seq == sa.bindparam("number"))
        .values(
            at=sa.bindparam("new_at"),
            utc_offset=sa.bindparam("new_offset"),
            cycle=sa.bindparam("new_cycle"),
        )
    )
    while rows := conn.execute(pending).all():
        conn.execute(
            fill,
            [{"pid": pid, "number": seq, **_filled(pid, seq, record)} for pid, seq, record in rows],
        )
    with op.batch_alter_table("kemitraan_audit_records") as batch:
        batch.alter_column("utc_offset", existing_type=sa.Integer, nullable=False)
        batch.alter_column("cycle", existing_type=sa.Integer, nullable=False)


def downgrade() -> None:
    """Migrate back to the revision before."""
    with op.batch_alter_table("kemitraan_audit_records") as batch:
        batch.drop_column("cycle")
        batch.drop_column("utc_offset")
