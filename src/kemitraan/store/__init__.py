"""Where partnerships live in an app: SQLite by default, PostgreSQL when it grows.

``pip install 'kemitraan[store]'`` (SQLAlchemy; add ``postgres`` for psycopg). One
:class:`Store` works on both databases, chosen by the URL:

- ``Store()`` or ``Store("sqlite:///kemitraan.db")``: a file, nothing to set up;
- ``Store("postgresql+psycopg://user:password@host/db")``: many users, one server.

Every save names the version it read (``version=0`` creates): a save over a newer
version is refused with :class:`~kemitraan.exceptions.VersionConflictError` and changes nothing.
A save writes the partnership, its query columns and its new audit records in one
transaction, or nothing. Queries (:meth:`Store.find`, :meth:`Store.funnel`) read the
indexed columns and never load a partnership.

A load verifies before it trusts: the document's history replays and its chain verifies
under the key in force, and it ends in the very record the audit table holds last, whatever
its schema version. Documents stored by an older kemitraan are upgraded as they load only
when the upgrade leaves their history as it was; the store never chains a history anew. A
database of an older layout is migrated by the app (:func:`upgrade_database`, Alembic).

>>> from kemitraan import Institution, Partnership, Program
>>> store = Store("sqlite://")  # in memory
>>> p = Partnership(id="pkw-1", institution=Institution(name="PKBM A"),
...                 program=Program(name="Menjahit", objectives=["Mandiri"]))
>>> store.save(p, version=0)
1
>>> stored = store.load("pkw-1")
>>> stored.version, stored.partnership == p
(1, True)
>>> store.save(p, version=0)
Traceback (most recent call last):
...
kemitraan.exceptions.VersionConflictError: kemitraan 'pkw-1' ada pada versi 1, bukan 0: ...
>>> [row.id for row in store.find(stage="mapping")]
['pkw-1']
"""

from __future__ import annotations

import importlib.util
import threading
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from kemitraan._catalog import N_
from kemitraan._error_texts import data_problem
from kemitraan.exceptions import MissingExtraError

if importlib.util.find_spec("sqlalchemy") is None:
    raise MissingExtraError("store", "kemitraan.store", "SQLAlchemy")

import sqlalchemy as sa
from pydantic import ValidationError
from sqlalchemy.engine import Connection, Engine

from kemitraan._files import write_atomically
from kemitraan._progress import progress as counted
from kemitraan.access import (
    administering,
    authorize,
    current_actor,
    policy_in_force,
    refusal_of,
)
from kemitraan.actors import Action
from kemitraan.exceptions import (
    InvalidArgumentError,
    InvalidDataError,
    NotPermittedError,
    PartnershipNotFoundError,
    StoreLayoutError,
    VersionConflictError,
)
from kemitraan.findings import canonical_code
from kemitraan.io import _checked_json, load_json
from kemitraan.lifecycle import AuditRecord, Move, Stage
from kemitraan.messages import translated
from kemitraan.partnerships import Partnership
from kemitraan.regions import Region
from kemitraan.store import _rows
from kemitraan.store._checks import (
    MAX_BIGINT,
    MAX_INTEGER,
    check_columns,
    check_texts,
    day_value,
    disagreement,
    shown_id,
    storable,
    stored_int,
    whole_number,
)
from kemitraan.store._database import in_memory, open_engine, prepare
from kemitraan.store._documents import verified
from kemitraan.store._jsonl import exported, lines
from kemitraan.store._known import LoadedTexts
from kemitraan.store._migrate import upgrade_database
from kemitraan.store._policy import hidden, recorded_as_acting, scope
from kemitraan.store._signing import own_signatures_only
from kemitraan.store._tables import audit_records, partnerships
from kemitraan.summary import RENEWAL_LEAD_DAYS

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "MAX_LINE_BYTES",
    "RENEWAL_LEAD_DAYS",
    "Store",
    "StoreLayoutError",
    "Stored",
    "Summary",
    "upgrade_database",
]

MAX_LINE_BYTES = 16 * 1024 * 1024
"""The longest line :meth:`Store.import_jsonl` reads, in bytes (16 MB; a partnership's JSON is
tens of kilobytes). A longer line is refused, naming its number, before it is read whole."""


_SIGNING: Final = tuple(move.value for move in Move if move.is_signing)


@dataclass(frozen=True, slots=True)
class Stored:
    """A partnership as loaded, with the version to name when it is saved again."""

    partnership: Partnership
    """The partnership."""
    version: int
    """Its version in the store: pass it to :meth:`Store.save`."""


@dataclass(frozen=True, slots=True)
class Summary:
    """One partnership as the store's columns describe it (nothing is loaded)."""

    id: str
    version: int
    stage: str
    cycle: int
    pattern: str | None
    institution_id: str
    institution: str
    program: str
    province: str | None
    mou_signed: bool
    term_end: date | None
    renewal_due: date | None
    waiting_on: str | None
    """The requirement the next step waits on first, if any."""
    updated_at: datetime


#: The columns :meth:`Store.find` reads, in the order of :class:`Summary`'s fields.
_SUMMARY: Final = tuple(field.name for field in fields(Summary))


class Store:
    """Partnerships in SQLite or PostgreSQL, with optimistic concurrency and audit records.

    Args:
        url: A SQLAlchemy URL: ``sqlite:///path.db`` (the default, ``kemitraan.db`` here),
            ``sqlite://`` in memory, or ``postgresql+psycopg://…``.
        renewal_lead_days: How long before the MoU ends its renewal is due.
        create: Create the tables when the database has none.

    The tables are ``kemitraan_partnerships`` and ``kemitraan_audit_records``, beside
    ``kemitraan_store`` and the migrations' ``kemitraan_alembic_version``.

    Raises:
        StoreLayoutError: the database's tables are of an older layout (run
            :func:`upgrade_database`), a newer one, or not kemitraan's; nothing is changed.
    """

    def __init__(
        self,
        url: str = "sqlite:///kemitraan.db",
        *,
        renewal_lead_days: int = RENEWAL_LEAD_DAYS,
        create: bool = True,
    ) -> None:
        if not isinstance(renewal_lead_days, int) or not 0 <= renewal_lead_days <= 3660:
            raise InvalidArgumentError.saying("{argument} must be from 0 to 3660 days",
                                              argument="renewal_lead_days")  # fmt: skip
        self.renewal_lead_days = renewal_lead_days
        self._loaded = LoadedTexts()
        self.engine: Engine = open_engine(url)
        # An in-memory SQLite database is one connection all threads share: one at a time.
        self._serial: threading.RLock | None = threading.RLock() if in_memory(url) else None
        try:
            prepare(self.engine, create=create)
        except BaseException:
            self.engine.dispose()
            raise

    @contextmanager
    def _connect(self) -> Iterator[Connection]:
        with self._serial or nullcontext(), self.engine.connect() as conn:
            yield conn

    @contextmanager
    def _begin(self) -> Iterator[Connection]:
        with self._serial or nullcontext(), self.engine.begin() as conn:
            yield conn

    def close(self) -> None:
        """Close the store's connections."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- saving and loading -------------------------------------------------------------

    def save(self, partnership: Partnership, *, version: int) -> int:
        """Save ``partnership`` over the version read (``0`` to create it); the new version.

        The partnership, its query columns and the audit records added since the version
        read are written in one transaction, or nothing is.

        Raises:
            VersionConflictError: the store holds another version (someone saved since).
            InvalidArgumentError: the stored history is not a beginning of this one.
            InvalidDataError: the partnership does not save (see :func:`kemitraan.dump_json`).
        """
        if not isinstance(partnership, Partnership):
            raise InvalidArgumentError.saying("save takes a Partnership, not a {kind}",
                                              kind=type(partnership).__name__)  # fmt: skip
        refused: NotPermittedError | None = None
        try:  # under an access policy (kemitraan.access)
            authorize(partnership, Action.RECORD)
        except NotPermittedError as exc:
            if version == 0 or exc.actor is None:
                raise
            refused = exc  # a signatory's own signatures may still be saved (below)
        whole_number("version", version, 0, MAX_INTEGER)
        pid = partnership.id
        if policy_in_force() is not None:
            stored = self._may_overwrite(pid, signing=refused is not None)
            recorded_as_acting(partnership, stored)
        known, row = None, None
        if version > 0:
            with self._connect() as conn:
                row = conn.execute(_rows.READ_FOR_SAVE, {"pid": pid}).first()
            current = stored_int(pid, "version", row.version) if row is not None else 0
            if current != version:
                raise VersionConflictError(pid, expected=version, current=current)
            assert row is not None  # a version > 0 was found
            if self._loaded.loaded(pid, row.document):
                known = row.document  # what changed since is what needs checking
        text, columns, history = self._prepared(partnership, known)
        if refused is not None and (
            row is None or not own_signatures_only(row.document, text, current_actor())
        ):
            raise refused
        try:
            with self._begin() as conn:
                if version == 0:
                    conn.execute(
                        _rows.INSERT, {"id": pid, "version": 1, "document": text, **columns}
                    )
                else:
                    done = conn.execute(
                        _rows.UPDATE,
                        {"pid": pid, "read": version, "version": version + 1, "document": text}
                        | columns,
                    )
                    if done.rowcount != 1:
                        raise VersionConflictError(
                            pid, expected=version, current=self._version(conn, pid)
                        )
                newest = (
                    (row.last_seq, row.last_hash)
                    if row is not None
                    else _rows.newest_record(conn, pid)
                )
                _rows.append_records(conn, pid, history, newest)
        except sa.exc.IntegrityError:
            # created by someone else first (the insert's primary key)
            with self._connect() as conn:
                current = self._version(conn, pid)
            raise VersionConflictError(pid, expected=version, current=current) from None
        if type(partnership) is Partnership:
            self._loaded.remember(pid, text)
        else:  # checked by a subclass's rules, which may be looser: not built on
            self._loaded.forget(pid)
        return version + 1

    def _may_overwrite(self, pid: str, *, signing: bool) -> Partnership | None:
        """Under a policy: the actor may change the partnership stored under ``pid`` too.

        Checked against the stored row before any version is compared, so a save cannot
        overwrite another institution's partnership by giving its id, and a stranger
        learns nothing of its version.
        """
        with self._connect() as conn:
            row = conn.execute(_rows.READ_FOR_SAVE, {"pid": pid}).first()
        if row is None:
            return None
        stored, _ = verified(row.document)
        if hidden(stored):  # its id is taken (ids are the store's), and nothing more is said
            raise refusal_of(current_actor(), Action.RECORD, "id_taken", id=repr(pid))
        # A signatory's own signatures are judged against the stored text later; it must be
        # one who may read the stored partnership.
        authorize(stored, Action.READ if signing else Action.RECORD)
        return stored

    def _prepared(
        self, partnership: Partnership, known: str | None
    ) -> tuple[str, dict[str, Any], tuple[AuditRecord, ...]]:
        """The text, columns and history a save or an import writes, after the same checks."""
        with partnership._lock:  # one consistent view of a partnership other threads edit
            text = _checked_json(partnership, known=known)
            if type(partnership) is not Partnership:  # a load reads it as the library's own
                load_json(Partnership, text, upgrade=False)
            try:
                columns = _rows.columns(partnership, self.renewal_lead_days)
            except OverflowError:  # a renewal due before year 1 (the term's year is the model's)
                raise InvalidArgumentError.saying("the partnership {id} has dates its renewal "
                    "cannot be counted from", id=repr(partnership.id)) from None  # fmt: skip
            history = partnership.history
        check_columns(partnership.id, columns)
        return text, columns, history

    @staticmethod
    def _version(conn: Connection, pid: str) -> int:
        found = conn.execute(
            sa.select(partnerships.c.version).where(partnerships.c.id == pid)
        ).scalar()
        return stored_int(pid, "version", found) if found is not None else 0

    def load(self, partnership_id: str) -> Stored:
        """The partnership and its version, verified before it is trusted.

        The document's history must replay and its chain verify under the key in force (an
        older document is upgraded only when that leaves its history as it was), and it must
        end in the record the audit table holds last for it, whatever its schema version.

        Raises:
            PartnershipNotFoundError: no partnership has that id (an id no database could
                hold included).
            InvalidDataError: the stored document does not validate, or disagrees with its
                row or its audit records.
        """
        if not isinstance(partnership_id, str) or not storable(partnership_id):
            raise PartnershipNotFoundError(shown_id(partnership_id))
        with self._connect() as conn:
            row = conn.execute(_rows.LOAD, {"pid": partnership_id}).first()
        if row is None:
            raise PartnershipNotFoundError(partnership_id)
        version = stored_int(partnership_id, "version", row.version)
        last = stored_int(partnership_id, "seq", row.last_seq) if row.last_seq is not None else -1
        partnership, as_is = verified(row.document)
        history = partnership.history
        if partnership.id != partnership_id or partnership.stage.value != row.stage:
            raise disagreement(partnership_id, N_("its row (another id, or another stage)"))
        if len(history) != last + 1 or (last >= 0 and history[last].hash != row.last_hash):
            raise disagreement(partnership_id, N_("its audit records (cut, rolled back or edited)"))
        if hidden(partnership):  # under an access policy (kemitraan.access)
            raise PartnershipNotFoundError(partnership_id)
        authorize(partnership, Action.READ)
        if as_is:
            self._loaded.remember(partnership_id, row.document)
        return Stored(partnership, version)

    def get(self, partnership_id: str) -> Partnership:
        """The partnership alone (:meth:`load` gives its version too)."""
        return self.load(partnership_id).partnership

    def history(self, partnership_id: str) -> list[AuditRecord]:
        """The audit records stored for the partnership, in order, as its verified history.

        Read from their own table, and each compared with the history of the partnership
        as :meth:`load` verifies it: a row edited without the key is refused, not returned.

        Raises:
            InvalidDataError: a stored record does not validate, or disagrees with the
                verified history.
        """
        if not isinstance(partnership_id, str) or not storable(partnership_id):
            return []  # no partnership has an id the database cannot hold
        try:
            verified_history = self.load(partnership_id).partnership.history
        except PartnershipNotFoundError:
            return []  # no history but a partnership's
        with self._connect() as conn:
            rows = conn.execute(
                sa.select(audit_records.c.record)
                .where(audit_records.c.partnership_id == partnership_id)
                .order_by(audit_records.c.seq)
            ).all()
        try:
            records = [AuditRecord.model_validate_json(row.record) for row in rows]
        except ValidationError as exc:
            errors = translated(exc).errors(include_url=False, include_input=False)
            raise InvalidDataError("AuditRecord", errors) from exc
        if records != list(verified_history):
            raise disagreement(partnership_id, N_("its audit records (cut, rolled back or edited)"))
        return records

    def moves(self) -> Iterator[tuple[str, datetime, str, int]]:
        """Every partnership's moves between steps, by partnership and in order.

        Each is ``(partnership id, when, the stage moved to, cycle)``, the moment in the
        move's own time zone: the time in each step of a whole portfolio, read from the
        audit records' table (signatures left out).
        """
        records = audit_records.c
        query = (
            sa.select(
                records.partnership_id,
                records.at,
                records.utc_offset,
                records.to_stage,
                records.cycle,
            )
            .where(records.move.not_in(_SIGNING))
            .order_by(records.partnership_id, records.seq)
        )
        kept = scope()
        if kept:
            listed = sa.select(partnerships.c.id).where(*kept)
            query = query.where(records.partnership_id.in_(listed.scalar_subquery()))
        with self._connect() as conn:
            for pid, at, offset, to_stage, cycle in conn.execute(query):
                local = timezone(timedelta(minutes=stored_int(pid, "utc_offset", offset)))
                yield pid, _aware(at).astimezone(local), to_stage, stored_int(pid, "cycle", cycle)

    # -- queries ------------------------------------------------------------------------

    def _where(
        self,
        *,
        stage: Stage | str | None = None,
        cycle: int | None = None,
        pattern: str | None = None,
        institution_id: str | None = None,
        province: str | None = None,
        waiting_on: str | None = None,
        term_end_before: date | None = None,
        renewal_due_by: date | None = None,
        mou_signed: bool | None = None,
    ) -> list[sa.ColumnElement[bool]]:
        c = partnerships.c
        conditions = scope()
        check_texts(pattern=pattern, institution_id=institution_id, waiting_on=waiting_on)
        if stage is not None:
            try:
                conditions.append(c.stage == Stage(stage).value)
            except ValueError:
                known = ", ".join(s.value for s in Stage)
                raise InvalidArgumentError.saying(
                    "stage: {stage} is not one of {known}", stage=repr(stage), known=known
                ) from None
        if cycle is not None:
            conditions.append(c.cycle == whole_number("cycle", cycle, 1, MAX_INTEGER))
        if pattern is not None:
            conditions.append(c.pattern == pattern)
        if institution_id is not None:
            conditions.append(c.institution_id == institution_id)
        if province is not None:
            try:
                conditions.append(c.province == Region(province=province).province)
            except ValidationError:
                raise InvalidArgumentError.saying(
                    "province: {province} is not a province of Indonesia", province=repr(province)
                ) from None
        if waiting_on is not None:
            conditions.append(c.waiting_on == canonical_code(waiting_on))
        if term_end_before is not None:
            conditions.append(c.term_end < day_value(term_end_before, "term_end_before"))
        if renewal_due_by is not None:
            conditions.extend(
                [
                    c.renewal_due <= day_value(renewal_due_by, "renewal_due_by"),
                    c.mou_signed.is_(True),
                    c.stage.not_in([Stage.DECLINED.value, Stage.ENDED.value]),
                    c.term_end >= datetime.now(UTC).date(),
                ]
            )
        if mou_signed is not None:
            if not isinstance(mou_signed, bool):
                raise InvalidArgumentError.saying(
                    "{argument} must be True or False, not {value}",
                    argument="mou_signed",
                    value=repr(mou_signed),
                )
            conditions.append(c.mou_signed.is_(mou_signed))
        return conditions

    def find(
        self,
        *,
        stage: Stage | str | None = None,
        cycle: int | None = None,
        pattern: str | None = None,
        institution_id: str | None = None,
        province: str | None = None,
        waiting_on: str | None = None,
        term_end_before: date | None = None,
        renewal_due_by: date | None = None,
        mou_signed: bool | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Summary]:
        """The partnerships that match every filter given, by id, from the indexed columns.

        ``renewal_due_by`` finds signed MoUs whose renewal is due by that day and whose term
        has not run out (today, in UTC), of partnerships neither declined nor ended; ``province``
        takes any name :class:`~kemitraan.Region` knows ("kalsel"); ``waiting_on`` any code
        of a requirement, older names included.

        Raises:
            InvalidArgumentError: a filter is not of its kind, or a number is beyond what the
                database holds (``cycle`` up to 2,147,483,647; ``limit`` and ``offset`` up to
                2**63 - 1), named with its range.
        """
        conditions = self._where(
            stage=stage,
            cycle=cycle,
            pattern=pattern,
            institution_id=institution_id,
            province=province,
            waiting_on=waiting_on,
            term_end_before=term_end_before,
            renewal_due_by=renewal_due_by,
            mou_signed=mou_signed,
        )
        if limit is not None:
            whole_number("limit", limit, 1, MAX_BIGINT)
        whole_number("offset", offset, 0, MAX_BIGINT)
        query = sa.select(*(partnerships.c[name] for name in _SUMMARY)).order_by(partnerships.c.id)
        if limit is None and not offset:
            query = query.where(*conditions)
        else:  # the page's ids from the indexes first, then only the page's rows
            page = (
                sa.select(partnerships.c.id)
                .where(*conditions)
                .order_by(partnerships.c.id)
                .limit(limit)
                .offset(offset)
            )
            query = query.where(partnerships.c.id.in_(page.scalar_subquery()))
        with self._connect() as conn:
            rows = conn.execute(query).all()
        return [_summary(row) for row in rows]

    def count(self, **filters: Any) -> int:
        """How many partnerships match the filters :meth:`find` takes."""
        query = sa.select(sa.func.count()).select_from(partnerships).where(*self._where(**filters))
        with self._connect() as conn:
            return int(conn.execute(query).scalar() or 0)

    def stage_counts(self) -> Counter[Stage]:
        """How many partnerships are in each stage."""
        query = (
            sa.select(partnerships.c.stage, sa.func.count())
            .where(*scope())
            .group_by(partnerships.c.stage)
        )
        with self._connect() as conn:
            return Counter({Stage(stage): int(n) for stage, n in conn.execute(query)})

    def funnel(self) -> dict[int, int]:
        """For each of the 11 steps, how many partnerships ever reached it (in any cycle)."""
        query = (
            sa.select(partnerships.c.furthest_step, sa.func.count())
            .where(*scope())
            .group_by(partnerships.c.furthest_step)
        )
        with self._connect() as conn:
            furthest = {int(step): int(n) for step, n in conn.execute(query)}
        return {step: sum(n for f, n in furthest.items() if f >= step) for step in range(1, 12)}

    def frame(self) -> pd.DataFrame:
        """The store's columns as a pandas frame, one row per partnership (``analysis`` extra).

        For the analysts' tools: the funnel, the renewals and the stuck partnerships of a
        portfolio straight from the columns, nothing loaded.
        """
        try:
            import pandas as pd
        except ImportError:
            raise MissingExtraError("analysis", "Store.frame", "pandas") from None
        columns = [c for c in partnerships.c if c.name != "document"]
        query = sa.select(*columns).where(*scope()).order_by(partnerships.c.id)
        with self._connect() as conn:
            return pd.read_sql(query, conn)

    # -- moving data in and out ---------------------------------------------------------

    def ids(self) -> Iterator[str]:
        """Every partnership's id, in order (those the actor may list, under a policy)."""
        query = sa.select(partnerships.c.id).where(*scope()).order_by(partnerships.c.id)
        with self._connect() as conn:
            yield from conn.execute(query).scalars()

    def export_jsonl(self, path: str | Path) -> int:
        """Write every partnership as one JSON line, as stored (atomically); how many.

        Raises:
            InvalidDataError: a row does not hold a JSON object (its id is named); no file
                is written.
        """
        administering(Action.READ_PERSONAL_DATA)  # the whole store, personal data included
        written = []
        query = sa.select(partnerships.c.id, partnerships.c.document).order_by(partnerships.c.id)
        with self._connect() as conn:
            for pid, document in conn.execute(query):
                written.append(exported(pid, document))
        # the whole store's personal data: a new file readable by its owner alone
        text = ("\n".join(written) + ("\n" if written else "")).encode()
        write_atomically(path, text, mode=0o600)
        return len(written)

    def import_jsonl(self, path: str | Path, *, progress: bool | None = None) -> int:
        """Create every partnership of a JSON Lines file; how many (a long one shows a bar).

        Each line is checked as :meth:`load` checks a row (its schema version an integer, its
        chain verified under the key in force, an older one upgraded only when its history
        stays as it was) and as :meth:`save` checks a partnership, before anything is
        written; all are written in one transaction: a file with one bad line imports
        nothing. A line is read :data:`MAX_LINE_BYTES` at most.

        Raises:
            InvalidDataError: a line does not validate, or is too long (its number is named).
            InvalidArgumentError: a partnership that :meth:`save` refuses too.
            VersionConflictError: a partnership of that id is stored already.
        """
        administering(Action.RECORD)
        loaded: list[tuple[Partnership, str | None]] = []
        seen: dict[str, int] = {}
        for number, line in counted(
            lines(path, MAX_LINE_BYTES), what="Mengimpor", enabled=progress
        ):
            try:
                p, as_is = verified(line)
            except InvalidDataError as exc:
                errors = [{**e, "loc": (f"line {number}", *e["loc"])} for e in exc.errors]
                raise InvalidDataError(exc.model, errors) from exc
            if p.id in seen:
                error = data_problem(
                    (f"line {number}", "id"),
                    "duplicate",
                    N_("partnership {id} is on line {line} already"),
                    id=repr(p.id),
                    line=seen[p.id],
                )
                raise InvalidDataError("Partnership", [error])
            seen[p.id] = number
            # a line that loaded as it is needs no second full check
            loaded.append((p, line.decode().strip(" \t\r\n") if as_is else None))
        rows = []
        for p, known in loaded:
            text, columns, _ = self._prepared(p, known)
            rows.append({"id": p.id, "version": 1, "document": text, **columns})
        try:
            with self._begin() as conn:
                if rows:
                    conn.execute(_rows.INSERT, rows)
                for p, _ in loaded:
                    _rows.append_records(conn, p.id, p.history, _rows.newest_record(conn, p.id))
        except sa.exc.IntegrityError:
            stored = set(self.ids())
            clash = next((p.id for p, _ in loaded if p.id in stored), loaded[0][0].id)
            raise VersionConflictError(clash, expected=0, current=1) from None
        for row in rows:
            self._loaded.remember(row["id"], row["document"])
        return len(loaded)


def _aware(moment: datetime) -> datetime:
    """A moment read back: SQLite keeps no time zone, and the store wrote it in UTC."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment


def _summary(row: Sequence[Any]) -> Summary:
    *values, updated_at = row  # the last column, and the only one to mend
    stored_int(values[0], "version", values[1])
    stored_int(values[0], "cycle", values[3])
    return Summary(*[*values, _aware(updated_at)])
