"""The rows a store writes and the statements it runs, built once (SQLAlchemy compiles each once).

A partnership's row holds its query columns, computed from the model as it is saved; each
audit record's row holds the move's instant in UTC and its own offset, so a portfolio reads
the time in each step from the table.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any, Final

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from kemitraan.exceptions import InvalidArgumentError
from kemitraan.lifecycle import AuditRecord
from kemitraan.partnerships import Partnership
from kemitraan.store._checks import stored_int
from kemitraan.store._tables import audit_records, partnerships
from kemitraan.summary import summarize


def columns(p: Partnership, lead_days: int) -> dict[str, Any]:
    """The query columns of ``p``, computed from the model as it is saved.

    The facts other readers show too (term, MoU signed, renewal due, waiting on) are the
    summary's (:func:`kemitraan.summary.summarize`), so the store answers as they do.
    """
    facts = summarize(p, lead_days=lead_days)
    mou = p.agreement
    region = p.institution.region or p.program.location
    reached = [r.to_stage.number for r in p.history if not r.move.is_signing and r.to_stage.number]
    return {
        "schema_version": p.schema_version,
        "stage": p.stage.value,
        "step": p.stage.number,
        "furthest_step": max([1, *reached]),
        "cycle": p.cycle,
        "pattern": mou.pattern.pattern if mou is not None and mou.pattern is not None else None,
        "institution_id": p.institution.id,
        "institution": p.institution.name,
        "program": p.program.name,
        "province": region.province if region is not None else None,
        "partners": len(p.partners),
        "mou_signed": facts.mou_signed,
        "term_end": facts.term.end if facts.term is not None else None,
        "renewal_due": facts.renewal_due,
        "waiting_on": facts.waiting_on,
        "updated_at": datetime.now(UTC),
    }


# The statements a save and a load run, built once: SQLAlchemy compiles each once, too.
INSERT: Final = partnerships.insert()
UPDATE: Final = partnerships.update().where(
    partnerships.c.id == sa.bindparam("pid"), partnerships.c.version == sa.bindparam("read")
)
LAST_RECORD: Final = (
    sa.select(audit_records.c.seq, audit_records.c.hash)
    .where(audit_records.c.partnership_id == sa.bindparam("pid"))
    .order_by(audit_records.c.seq.desc())
    .limit(1)
)
INSERT_RECORDS: Final = audit_records.insert()


def newest(column: sa.ColumnClause[Any]) -> sa.ScalarSelect[Any]:
    return (
        sa.select(column)
        .where(audit_records.c.partnership_id == partnerships.c.id)
        .order_by(audit_records.c.seq.desc())
        .limit(1)
        .scalar_subquery()
    )


# one statement, so one snapshot: the row and its newest record as saved together
LOAD: Final = sa.select(
    partnerships.c.document,
    partnerships.c.version,
    partnerships.c.stage,
    newest(audit_records.c.seq).label("last_seq"),
    newest(audit_records.c.hash).label("last_hash"),
).where(partnerships.c.id == sa.bindparam("pid"))
# A save reads the same before it checks anything (every save that changes the row bumps
# its version, so what the read saw holds when the update finds the version it read).
READ_FOR_SAVE: Final = LOAD.with_only_columns(
    partnerships.c.version,
    partnerships.c.document,
    newest(audit_records.c.seq).label("last_seq"),
    newest(audit_records.c.hash).label("last_hash"),
)


def record_row(partnership_id: str, seq: int, record: AuditRecord) -> dict[str, Any]:
    return {
        "partnership_id": partnership_id,
        "seq": seq,
        "at": record.at.astimezone(UTC),
        "utc_offset": int((record.at.utcoffset() or timedelta()).total_seconds() // 60),
        "cycle": record.cycle,
        "move": record.move.value,
        "from_stage": record.from_stage.value,
        "to_stage": record.to_stage.value,
        "party_id": record.party_id,
        "hash": record.hash,
        "record": record.model_dump_json(),
    }


def newest_record(conn: Connection, pid: str) -> tuple[int | None, str | None]:
    """The seq and hash of the audit record stored last for ``pid``, if any."""
    found = conn.execute(LAST_RECORD, {"pid": pid}).first()
    return (found.seq, found.hash) if found is not None else (None, None)


def append_records(
    conn: Connection,
    pid: str,
    history: tuple[AuditRecord, ...],
    newest: tuple[int | None, str | None],
) -> None:
    """Write the records of ``history`` after the ``newest`` stored (its seq and hash)."""
    seq, digest = newest
    if seq is not None:
        seq = stored_int(pid, "seq", seq)
    start = seq + 1 if seq is not None else 0
    if start > len(history) or (seq is not None and history[seq].hash != digest):
        raise InvalidArgumentError.saying(
            "the history stored for partnership {id} is not a beginning of the one "
            "saved: a history is only appended to",
            id=repr(pid),
        )
    rows = [record_row(pid, seq, history[seq]) for seq in range(start, len(history))]
    if rows:
        conn.execute(INSERT_RECORDS, rows)
