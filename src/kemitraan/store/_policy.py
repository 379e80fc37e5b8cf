"""The rows a store's queries list under an access policy (:mod:`kemitraan.access`)."""

from __future__ import annotations

import sqlalchemy as sa

from kemitraan.access import listing_scope
from kemitraan.store._tables import partnerships

__all__ = ["scope"]


def scope() -> list[sa.ColumnElement[bool]]:
    """The conditions that keep a query to what the actor acting may list (none: all)."""
    allowed = listing_scope()
    if allowed is None:
        return []
    return [partnerships.c.institution_id.in_(sorted(allowed))]
