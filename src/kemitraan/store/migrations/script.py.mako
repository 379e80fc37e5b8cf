"""${message}

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = ${repr(up_revision)}
down_revision = ${repr(down_revision)}
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Migrate to this revision."""
    ${upgrades if upgrades else "pass"}


def downgrade() -> None:
    """Migrate back to the revision before."""
    ${downgrades if downgrades else "pass"}
