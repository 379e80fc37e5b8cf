"""The rows a store's queries list under an access policy (:mod:`kemitraan.access`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import sqlalchemy as sa

from kemitraan._integrity import RECORD_FIELDS
from kemitraan.access import current_actor, listing_scope, permitted, policy_in_force, refusal_of
from kemitraan.actors import Action, Actor
from kemitraan.store._tables import partnerships

if TYPE_CHECKING:
    from kemitraan.partnerships import Partnership

__all__ = ["hidden", "recorded_as_acting", "scope"]


def hidden(partnership: Partnership) -> bool:
    """Under a policy: the actor acting may not read ``partnership``, nor learn it is there.

    Ids are guessable, and who runs which partnership is not a stranger's to learn.
    """
    actor = current_actor() if policy_in_force() is not None else None
    return isinstance(actor, Actor) and not permitted(actor, Action.READ, partnership)


def scope() -> list[sa.ColumnElement[bool]]:
    """The conditions that keep a query to what the actor acting may list (none: all)."""
    allowed = listing_scope()
    if allowed is None:
        return []
    return [partnerships.c.institution_id.in_(sorted(allowed))]


def recorded_as_acting(new: Partnership, stored: Partnership | None) -> None:
    """Under a policy: every record a save adds names the actor acting.

    A record built elsewhere and given whole (``model_copy(update=...)``, a client's JSON, a
    new partnership's constructor) does not pass through the partnership that writes the
    actor in; one that claims another recorder, or none, is refused here, before it is
    stored.

    Raises:
        NotPermittedError: ``recorded_by_another``, ``recorded_by_nobody``.
    """
    actor = current_actor()
    for field in RECORD_FIELDS:
        held = {r.model_dump_json() for r in getattr(stored, field)} if stored else set()
        for record in getattr(new, field):
            if not hasattr(record, "recorded_by"):
                continue
            who = record.recorded_by
            if who == actor or record.model_dump_json() in held:
                continue
            rule = "recorded_by_nobody" if who is None else "recorded_by_another"
            raise refusal_of(actor, Action.RECORD, rule, new, field=field)
