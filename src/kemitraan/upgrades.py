"""Upgrading stored JSON written by an older version of kemitraan, one version at a time.

Every document an app stores on its own (a :class:`~kemitraan.Partnership`, an
:class:`~kemitraan.Agreement`, a :class:`~kemitraan.Program`) carries the
``schema_version`` it was written with. :func:`kemitraan.load_json` passes older data
through :func:`upgrade`, which applies the declared steps in :data:`UPGRADES` from the
stored version up to :data:`~kemitraan.SCHEMA_VERSION`; each step takes the JSON of
version *n* and returns that of *n + 1*.

Version 2 (this library) keeps signatures in the history, chained by hash. A version 1
partnership had neither, so its upgrade chains the history it had and records each
signature the agreement and its addenda show as a ``sign`` move where it was made.
That trusts the version-1 data as it stands, and chains it with the key in force: only an
app that trusts the file should load it so (``load_json(..., upgrade=False)`` refuses older
data). The store never does: it upgrades a stored document only by steps that leave its
history exactly as it was (:mod:`kemitraan.store`), so that the same chain, under the same
key, verifies it after the upgrade as before. A step for a later version keeps ``history``
as it is, or the store refuses the documents it would upgrade.

The stored ``schema_version`` is read as it is written, a JSON integer: ``"1"`` or ``1.0``
is refused, not converted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from kemitraan._base import SCHEMA_VERSION

__all__ = ["UPGRADES", "upgrade"]

Json = dict[str, Any]

UPGRADES: dict[tuple[str, int], Callable[[Json], Json]] = {}
"""The upgrade steps: ``(model name, from version) -> step``; a model without a step for a
version only has its version raised."""

_NOTE: Final = "Tanda tangan dicatat saat data skema 1 ditingkatkan ke skema 2"


def upgrade(model_name: str, data: Json) -> Json:
    """``data`` (JSON of a ``model_name``) upgraded from its version to the current one.

    >>> upgrade("Program", {"name": "PKW", "objectives": ["x"], "schema_version": 1})
    {'name': 'PKW', 'objectives': ['x'], 'schema_version': 2}
    """
    found = data.get("schema_version", SCHEMA_VERSION)
    if type(found) is not int:
        raise TypeError(f"schema_version must be an integer, not {found!r}"[:120])
    for version in range(found, SCHEMA_VERSION):
        step = UPGRADES.get((model_name, version))
        data = step(data) if step is not None else dict(data)
        data["schema_version"] = version + 1
    return data


def _document_v1(data: Json) -> Json:
    return {**data, "schema_version": 2}


def _partnership_v1(data: Json) -> Json:
    from kemitraan.agreements import Agreement
    from kemitraan.audit import current_key, record_hash
    from kemitraan.lifecycle import AuditRecord

    data = dict(data)
    for field in ("agreement", "program"):
        if isinstance(data.get(field), dict):
            data[field] = _document_v1(data[field])
    data["addenda"] = [_document_v1(a) for a in data.get("addenda") or []]
    history: list[Json] = [dict(r) for r in data.get("history") or []]

    agreement = data.get("agreement")
    if isinstance(agreement, dict):
        at = next(
            (i for i, r in enumerate(history) if r.get("from_stage") == "signing"),
            len(history),
        )
        history[at:at] = _signatures(agreement, history, at, "sign", "agreement", Agreement)
    for addendum in data["addenda"]:
        renewals = [i for i, r in enumerate(history) if r.get("move") == "renew"]
        at = renewals[-1] if renewals else len(history)
        history[at:at] = _signatures(addendum, history, at, "sign_addendum", "addendum", Agreement)

    key = current_key()
    previous, chained = "", []
    for raw in history:
        record = AuditRecord.model_validate({**raw, "hash": ""})
        link = record_hash(previous, str(data.get("id", "")), record, key)
        chained.append({**record.model_dump(mode="json"), "hash": link})
        previous = link
    data["history"] = chained
    return data


def _signatures(
    document: Json, history: list[Json], at: int, move: str, kind: str, agreement: type[Any]
) -> list[Json]:
    signed = [s for s in document.get("signatories") or [] if s.get("signed_on")]
    if not signed:
        return []
    before = history[at - 1] if at > 0 else None
    after = history[at] if at < len(history) else None
    stage = after["from_stage"] if after is not None else (before or {}).get("to_stage", "mapping")
    cycle = before["cycle"] if before is not None else 1
    when = (after or before or {}).get("at")
    digest = agreement.model_validate(document).digest()
    return [
        {
            "from_stage": stage,
            "to_stage": stage,
            "move": move,
            "at": when,
            "cycle": cycle,
            "actor": None,
            "note": _NOTE,
            "party_id": s["party_id"],
            "document": kind,
            "digest": digest,
        }
        for s in signed
    ]


UPGRADES.update(
    {
        ("Partnership", 1): _partnership_v1,
        ("Agreement", 1): _document_v1,
        ("Program", 1): _document_v1,
    }
)
