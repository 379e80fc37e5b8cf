"""The audit record a move makes, and the data it changes: built before anything changes.

:meth:`kemitraan.Partnership` moves call :func:`move_record` once the move is allowed and
its requirements are met; the partnership applies the result, or nothing.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, Any

from kemitraan._types import day_argument, instant_argument, text_argument
from kemitraan.actors import Actor
from kemitraan.audit import MAX_CLOCK_SKEW, current_key, record_hash
from kemitraan.conventions import date_long, instant_long
from kemitraan.exceptions import InvalidArgumentError
from kemitraan.lifecycle import AuditRecord, Move, Stage

if TYPE_CHECKING:
    from kemitraan._protocols import PartnershipLike
    from kemitraan._requirement_book import Ask

__all__ = ["checked_arguments", "move_record"]


def checked_arguments(
    at: object, signed: tuple[object, object] | None
) -> tuple[datetime | None, tuple[date, str | None] | None]:
    """A move's ``at=`` and a signature's ``on=`` and ``place=``, or a clear refusal.

    ``at`` is a time-zone-aware datetime; ``on`` a date (or its ISO text, ``"2025-03-10"``);
    each within the days a model accepts. A wrong type or form is refused naming the
    argument and the form expected, before anything is compared with it.

    >>> checked_arguments(None, ("2025-03-10", "Martapura"))[1]
    (datetime.date(2025, 3, 10), 'Martapura')
    >>> checked_arguments(datetime(2025, 3, 10, 9), None)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kemitraan.exceptions.InvalidArgumentError: at: 2025-03-10T09:00:00 tidak memiliki zona ...
    """
    when: datetime | None = None
    if at is not None:
        if not isinstance(at, datetime):
            raise InvalidArgumentError.saying(
                "{argument}: {value} is not a moment; give a datetime with its time zone, "
                "e.g. datetime(2025, 3, 10, 9, 0, tzinfo=ZoneInfo('Asia/Makassar'))",
                argument="at",
                value=repr(at),
            )
        if at.tzinfo is None or at.utcoffset() is None:
            raise InvalidArgumentError.saying(
                "{argument}: {value} has no time zone; give it one, "
                "e.g. datetime(2025, 3, 10, 9, 0, tzinfo=ZoneInfo('Asia/Makassar'))",
                argument="at",
                value=at.isoformat(),
            )
        when = instant_argument(at, "at")
    if signed is None:
        return when, None
    on, place = signed
    if isinstance(on, str):
        try:
            on = date.fromisoformat(on)
        except ValueError:
            raise InvalidArgumentError.saying(
                "{argument}: {value} is not a date; give a date, e.g. date(2025, 3, 10), or "
                "its ISO text '2025-03-10' (year, month, day)",
                argument="on",
                value=repr(on),
            ) from None
    if isinstance(on, datetime):
        on = on.date()
    if not isinstance(on, date):
        raise InvalidArgumentError.saying(
            "{argument}: {value} is not a date; give a date, e.g. date(2025, 3, 10), or "
            "its ISO text '2025-03-10' (year, month, day)",
            argument="on",
            value=repr(on),
        )
    if place is not None and not isinstance(place, str):
        raise InvalidArgumentError.saying(
            "{argument}: {value} is not a text", argument="place", value=repr(place)
        )
    return when, (day_argument(on, "on"), None if place is None else text_argument(place, "place"))


def move_record(
    p: PartnershipLike,
    ask: Ask,
    target: Stage,
    actor: Actor | str | None,
    note: str | None,
    at: datetime | None,
    signed: tuple[date, str | None] | None,
) -> tuple[AuditRecord, dict[str, Any]]:
    """The audit record of the move, and the data it changes; built before anything changes."""
    changes: dict[str, Any] = {}
    document = ask.document
    if ask.move.is_signing and document is not None and signed is not None:
        on, place = signed
        if on < document.date:
            raise InvalidArgumentError.saying(
                "a signature on {on} comes before the text was made ({made})",
                on=partial(date_long, on),
                made=partial(date_long, document.date),
            )
        if on > datetime.now(UTC).date() + timedelta(days=1):
            raise InvalidArgumentError.saying(
                "a signature on {on} is in the future; record it once made",
                on=partial(date_long, on),
            )
        signatory = document.signatory_of(str(ask.party_id))
        assert signatory is not None  # a requirement
        updated = [
            s.model_copy(update={"signed_on": on, "signed_at": place})
            if s.party_id == ask.party_id
            else s
            for s in document.signatories
        ]
        copy = document.model_copy(update={"signatories": updated})
        if ask.move is Move.SIGN:
            changes["agreement"] = copy
        else:
            field = "addenda" if ask.move is Move.SIGN_ADDENDUM else "cooperation_agreements"
            changes[field] = [copy if a is document else a for a in getattr(p, field)]
    last = p.history[-1] if p.history else None
    when = at if at is not None else datetime.now(UTC)
    if last is not None and when < last.at:
        when = last.at if at is None else when  # a clock set back does not break the chain
    who: dict[str, Any] = (
        {"actor": actor}
        if not isinstance(actor, Actor)
        else {
            "actor": actor.name,
            "actor_role": actor.role,
            "acts_for": actor.acts_for,
            "actor_id": actor.user_id,
        }
    )
    record = AuditRecord(
        **who,
        from_stage=p.stage,
        to_stage=target,
        move=ask.move,
        at=when,
        cycle=p.cycle + 1 if ask.move is Move.RENEW else p.cycle,
        note=note,
        party_id=ask.party_id if ask.move.is_signing else None,
        document=ask.move.document,
        digest=document.digest() if ask.move.is_signing and document is not None else None,
        signed_on=signed[0] if ask.move.is_signing and signed is not None else None,
        signed_at=signed[1] if ask.move.is_signing and signed is not None else None,
    )
    if record.at > datetime.now(UTC) + MAX_CLOCK_SKEW:
        raise InvalidArgumentError.saying(
            "the move is dated in the future ({at}); time in the history only moves forward",
            at=partial(instant_long, record.at),
        )
    if last is not None and record.at < last.at:
        raise InvalidArgumentError.saying(
            "the move is dated {at}, before the last record ({last}); time in the history "
            "only moves forward",
            at=partial(instant_long, record.at),
            last=partial(instant_long, last.at),
        )
    chained = record.model_copy(
        update={"hash": record_hash(p.history_head, p.id, record, current_key())}
    )
    return chained, changes
