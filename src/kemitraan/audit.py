"""The audit trail as the truth: it replays, it is chained by hash, it refuses forgeries.

A partnership is valid only if its history replays from step 1 in cycle 1, through
moves the lifecycle allows, to its stage and cycle, with timezone-aware instants
that never go backwards and do not lie in the future beyond a small clock skew
(:data:`MAX_CLOCK_SKEW`). :func:`replay` checks that and names the first bad record.

Each record is also chained to the one before it: its ``hash`` covers its own
content, the previous record's hash and the partnership's id (:func:`record_hash`).
Without a key the hash is SHA-256; with a key the app supplies
(:func:`set_history_key`, or :func:`history_key` for a block of code) it is an
HMAC-SHA256.

What the chain proves, and what it does not:

- **Unkeyed**, it detects a history edited, reordered, cut in the middle or moved
  to another partnership by someone who did not recompute the hashes — mistakes
  and naive edits. Anyone can recompute a SHA-256 chain, so it proves nothing
  against someone who does.
- **Keyed**, a record can only be written by someone holding the key: an edited,
  reordered, inserted or transplanted record is detected.
- **Neither** proves that records were not cut off at the end (with the stage set
  back to match), nor that a whole older copy was not restored: the remaining
  records are all genuine. To detect that, keep the latest hash
  (:attr:`kemitraan.Partnership.history_head`) somewhere the data does not travel —
  your database row, a log — and compare it when you load.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Final

from kemitraan._catalog import N_, Language, say
from kemitraan.exceptions import InvalidArgumentError
from kemitraan.lifecycle import AuditRecord, Move, Stage, transition_table

__all__ = [
    "MAX_CLOCK_SKEW",
    "HistoryProblem",
    "history_key",
    "record_hash",
    "replay",
    "set_history_key",
]

MAX_CLOCK_SKEW: Final = timedelta(minutes=5)
"""How far in the future a record's instant may lie (clocks of two machines differ)."""

_UNSET: Final = object()
_APP_KEY: bytes | None = None
_SCOPED_KEY: ContextVar[object] = ContextVar("kemitraan_history_key", default=_UNSET)


def _as_key(key: bytes | str | None) -> bytes | None:
    if key is None:
        return None
    data = key.encode() if isinstance(key, str) else bytes(key)
    if not data:
        raise InvalidArgumentError.saying("a history key must not be empty")
    return data


def set_history_key(key: bytes | str | None) -> None:
    """Key every history chain of this process with ``key`` (``None``: unkeyed SHA-256).

    Set it once, when the app starts, from a secret the app keeps (an environment
    variable, a secrets manager). A history written with a key loads only where the
    same key is set; one written without a key does not load where a key is set.

    >>> set_history_key(None)
    """
    global _APP_KEY
    _APP_KEY = _as_key(key)


@contextmanager
def history_key(key: bytes | str | None) -> Iterator[None]:
    """Use ``key`` for the history chains made and checked inside the block.

    >>> with history_key("rahasia"):
    ...     current_key() == b"rahasia"
    True
    """
    token = _SCOPED_KEY.set(_as_key(key))
    try:
        yield
    finally:
        _SCOPED_KEY.reset(token)


def current_key() -> bytes | None:
    """The key in force here: the block's (:func:`history_key`), else the app's."""
    scoped = _SCOPED_KEY.get()
    return _APP_KEY if scoped is _UNSET else scoped  # type: ignore[return-value]


def record_hash(previous: str, partnership_id: str, record: AuditRecord, key: bytes | None) -> str:
    """The chain hash of ``record`` after ``previous``, for the partnership ``partnership_id``.

    >>> from kemitraan import AuditRecord, Move, Stage
    >>> record = AuditRecord(
    ...     from_stage=Stage.MAPPING, to_stage=Stage.GATHERING, move=Move.ADVANCE,
    ...     at=datetime(2025, 1, 20, tzinfo=UTC), cycle=1,
    ... )
    >>> record_hash("", "seed", record, None)[:15]
    'sha256:96d46a1e'
    """
    fields: tuple[str | None, ...] = (
        previous,
        partnership_id,
        record.from_stage.value,
        record.to_stage.value,
        record.move.value,
        record.at.isoformat(),
        str(record.cycle),
        record.actor,
        record.note,
        record.party_id,
        record.document,
        record.digest,
    )
    signed = record.signed_on is not None or record.signed_at is not None
    if (
        signed
        or record.actor_role is not None
        or record.acts_for is not None
        or record.actor_id is not None
    ):
        # Only when set, so the hashes of records made before actors existed still hold.
        role = record.actor_role.value if record.actor_role is not None else None
        fields = (*fields, role, record.acts_for, record.actor_id)
    if signed:  # the day and place of a signature, since records keep them
        day = record.signed_on.isoformat() if record.signed_on is not None else None
        fields = (*fields, day, record.signed_at)
    # Each field length-prefixed (None as "-"): unambiguous, and cheap to build.
    content = "".join("-" if f is None else f"{len(f)}:{f}" for f in fields).encode()
    if key is None:
        return "sha256:" + hashlib.sha256(content).hexdigest()
    return "hmac-sha256:" + hmac.new(key, content, hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class HistoryProblem:
    """The first record of a history that does not hold, and why."""

    index: int
    """Its place in the history (0 is the first record)."""
    code: str
    """The rule it breaks (``history_move_not_allowed``, ``history_hash_mismatch``, …)."""
    message: str
    """What is wrong: an English message id (:mod:`kemitraan.messages`) naming ``context``."""
    context: dict[str, Any] = field(default_factory=dict)
    """The values the message names."""

    def said(self, language: Language | None = None) -> str:
        """The message in ``language`` (the language in force when ``None``)."""
        return say(self.message, language).format(**self.context)


def replay(
    history: Sequence[AuditRecord],
    partnership_id: str,
    *,
    key: bytes | None,
    now: datetime | None = None,
) -> tuple[Stage, int] | HistoryProblem:
    """Replay ``history`` from step 1 in cycle 1: the stage and cycle it ends in, or its problem.

    Every record must start where the one before it ended, be a move the lifecycle
    allows, count cycles only by renewal, carry a signature's party, document and
    digest exactly when it is a signature, keep time moving forward and not in the
    future, and carry the chain hash its content gives.

    >>> replay([], "seed", key=None)
    (<Stage.MAPPING: 'mapping'>, 1)
    """
    table = transition_table()
    latest = (now or datetime.now(UTC)) + MAX_CLOCK_SKEW
    stage, cycle, previous, before = Stage.MAPPING, 1, "", None
    for index, record in enumerate(history):
        problem = _problem(record, stage, cycle, before, latest, table)
        if problem is None:
            problem = _chain_problem(record, previous, partnership_id, key)
        if problem is not None:
            return HistoryProblem(index, *problem)
        stage, cycle, previous, before = record.to_stage, record.cycle, record.hash, record.at
    return stage, cycle


def _problem(
    record: AuditRecord,
    stage: Stage,
    cycle: int,
    before: datetime | None,
    latest: datetime,
    table: dict[tuple[Stage, Move], Stage],
) -> tuple[str, str, dict[str, Any]] | None:
    if record.from_stage is not stage:
        return (
            "history_broken",
            N_("starts in '{start}', but the record before ends in '{end}'"),
            {"start": record.from_stage.value, "end": stage.value},
        )
    target = table.get((stage, record.move))
    if target is None or target is not record.to_stage:
        return (
            "history_move_not_allowed",
            N_("'{move}' from '{start}' to '{end}' is not a move the lifecycle allows"),
            {"move": record.move.value, "start": stage.value, "end": record.to_stage.value},
        )
    expected = cycle + 1 if record.move is Move.RENEW else cycle
    if record.cycle != expected:
        return (
            "history_cycle",
            N_("is in cycle {cycle}, but the cycle is {expected} (cycles count only by renewal)"),
            {"cycle": record.cycle, "expected": expected},
        )
    signing = record.move.is_signing
    named = (record.party_id, record.document, record.digest)
    if signing and None in named:
        return ("history_signature", N_("is a signature without its party, document or digest"), {})
    if signing and record.document != record.move.document:
        return (
            "history_signature",
            N_("signs the wrong kind of document ({document})"),
            {"document": record.document},
        )
    if not signing and named != (None, None, None):
        return ("history_signature", N_("names a signer, but is not a signature"), {})
    if before is not None and record.at < before:
        return (
            "history_time",
            N_("is dated {at}, before the record before it ({before})"),
            {"at": record.at.isoformat(), "before": before.isoformat()},
        )
    if record.at > latest:
        return ("history_time", N_("is dated in the future ({at})"), {"at": record.at.isoformat()})
    return None


def _chain_problem(
    record: AuditRecord, previous: str, partnership_id: str, key: bytes | None
) -> tuple[str, str, dict[str, Any]] | None:
    if key is not None and not record.hash.startswith("hmac-sha256:"):
        return (
            "history_not_keyed",
            N_("is not keyed, but this app keys its history (set_history_key)"),
            {},
        )
    if key is None and record.hash.startswith("hmac-sha256:"):
        return (
            "history_keyed",
            N_("is keyed: load it where the history key is set (set_history_key)"),
            {},
        )
    if not hmac.compare_digest(record.hash, record_hash(previous, partnership_id, record, key)):
        return (
            "history_hash_mismatch",
            N_(
                "does not carry the hash its content and the record before it give: the history "
                "was edited, reordered, cut or moved from another partnership (or the key differs)"
            ),
            {},
        )
    return None
