"""The store's tables: one row per partnership, one per audit record.

A partnership's row holds its JSON document whole, the version that optimistic
concurrency counts, and the columns an app queries by, kept in step with the document
because the store writes both in one statement. The audit records are written beside
it, in the same transaction, and only ever appended.
"""

from __future__ import annotations

from typing import Final

import sqlalchemy as sa

METADATA: Final = sa.MetaData()

partnerships: Final = sa.Table(
    "kemitraan_partnerships",
    METADATA,
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

audit_records: Final = sa.Table(
    "kemitraan_audit_records",
    METADATA,
    sa.Column(
        "partnership_id",
        sa.String(64),
        sa.ForeignKey("kemitraan_partnerships.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("seq", sa.Integer, primary_key=True),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),  # in UTC
    sa.Column("utc_offset", sa.Integer, nullable=False),  # the move's own, in minutes
    sa.Column("cycle", sa.Integer, nullable=False),
    sa.Column("move", sa.String(32), nullable=False),
    sa.Column("from_stage", sa.String(32), nullable=False),
    sa.Column("to_stage", sa.String(32), nullable=False),
    sa.Column("party_id", sa.String(64)),
    sa.Column("hash", sa.String(200), nullable=False),
    sa.Column("record", sa.Text, nullable=False),
)

meta: Final = sa.Table(
    "kemitraan_store",
    METADATA,
    sa.Column("store_version", sa.Integer, nullable=False),
)
