"""The store's tables say they are kemitraan's: the ``kemitraan_store`` table (commit 0abcd2b).

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Migrate to this revision."""
    meta = op.create_table(
        "kemitraan_store", sa.Column("store_version", sa.Integer, nullable=False)
    )
    op.bulk_insert(meta, [{"store_version": 1}])


def downgrade() -> None:
    """Migrate back to the revision before."""
    op.drop_table("kemitraan_store")
