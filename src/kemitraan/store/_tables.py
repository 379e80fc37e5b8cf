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

#: The table where Alembic keeps the revision of the store's layout: kemitraan's own name, so
#: that an app's own migrations (``alembic_version``) and the store's stay apart.
VERSION_TABLE: Final = "kemitraan_alembic_version"

partnerships: Final = sa.Table(
    "kemitraan_partnerships",
    METADATA,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("schema_version", sa.Integer, nullable=False),
    sa.Column("stage", sa.String(32), nullable=False),
    sa.Column("step", sa.Integer),
    sa.Column("furthest_step", sa.Integer, nullable=False, index=True),
    sa.Column("cycle", sa.Integer, nullable=False),
    sa.Column("pattern", sa.String(64)),
    sa.Column("institution_id", sa.String(64), nullable=False),
    sa.Column("institution", sa.String(500), nullable=False),
    sa.Column("program", sa.String(500), nullable=False),
    sa.Column("province", sa.String(64)),
    sa.Column("partners", sa.Integer, nullable=False),
    sa.Column("mou_signed", sa.Boolean, nullable=False),
    sa.Column("term_end", sa.Date, index=True),
    sa.Column("renewal_due", sa.Date),
    sa.Column("waiting_on", sa.String(64)),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    # Last: SQLite keeps a row's columns in this order, and a document runs over many
    # pages, which reading a column after it would walk through.
    sa.Column("document", sa.Text, nullable=False),
)

# A query filters by one column and lists by id: each index holds both, so a page of
# results reads only its own rows, and a count reads no row at all.
for _name in ("stage", "cycle", "pattern", "institution_id", "province", "waiting_on"):
    sa.Index(f"ix_kemitraan_partnerships_{_name}_id", partnerships.c[_name], partnerships.c.id)
# Renewals due: signed MoUs by the day renewal is due, with what else the query asks.
sa.Index(
    "ix_kemitraan_partnerships_renewals",
    partnerships.c.mou_signed,
    partnerships.c.renewal_due,
    partnerships.c.term_end,
    partnerships.c.stage,
    partnerships.c.id,
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

# Made by the layouts before the migrations (revision 0003), and kept: its one row says the
# tables are kemitraan's store.
meta: Final = sa.Table(
    "kemitraan_store",
    METADATA,
    sa.Column("store_version", sa.Integer, nullable=False),
)

# As Alembic makes it: the revision the tables are at (see store/migrations).
versions: Final = sa.Table(
    VERSION_TABLE,
    METADATA,
    sa.Column("version_num", sa.String(32), nullable=False),
    sa.PrimaryKeyConstraint("version_num", name=f"{VERSION_TABLE}_pkc"),
)
