"""The first layout the store had (kemitraan's first store, commit 8e78613).

One row per partnership (its JSON document, its version, the query columns, each indexed
alone) and one per audit record. Written out here as it was, not read from the current
tables: a revision is the layout of its day.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

#: The columns indexed alone, as ``index=True`` named them.
INDEXED = (
    "stage",
    "furthest_step",
    "cycle",
    "pattern",
    "institution_id",
    "province",
    "term_end",
    "renewal_due",
    "waiting_on",
)


def upgrade() -> None:
    """Migrate to this revision."""
    op.create_table(
        "kemitraan_partnerships",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("schema_version", sa.Integer, nullable=False),
        sa.Column("document", sa.Text, nullable=False),
        sa.Column("stage", sa.String(32), nullable=False),
        sa.Column("step", sa.Integer),
        sa.Column("furthest_step", sa.Integer, nullable=False),
        sa.Column("cycle", sa.Integer, nullable=False),
        sa.Column("pattern", sa.String(64)),
        sa.Column("institution_id", sa.String(64), nullable=False),
        sa.Column("institution", sa.String(500), nullable=False),
        sa.Column("program", sa.String(500), nullable=False),
        sa.Column("province", sa.String(64)),
        sa.Column("partners", sa.Integer, nullable=False),
        sa.Column("mou_signed", sa.Boolean, nullable=False),
        sa.Column("term_end", sa.Date),
        sa.Column("renewal_due", sa.Date),
        sa.Column("waiting_on", sa.String(64)),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    for name in INDEXED:
        op.create_index(f"ix_kemitraan_partnerships_{name}", "kemitraan_partnerships", [name])
    op.create_table(
        "kemitraan_audit_records",
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


def downgrade() -> None:
    """Migrate back to the revision before."""
    op.drop_table("kemitraan_audit_records")
    op.drop_table("kemitraan_partnerships")
