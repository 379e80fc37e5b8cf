"""Many partnerships as pandas frames, and the summaries a programme manager asks for.

A :class:`Portfolio` holds two frames: :attr:`~Portfolio.frame`, one row per partnership
(stage, cycle, pattern, parties, province, term end, renewal due and, from loaded
partnerships, the next requirement, deviations and health), and :attr:`~Portfolio.visits`,
one row per stay in a step, from the audit history. Personal data (the names of persons
who are parties, the facilitator who made the last move) is masked unless
``masked=False``.

Build it from loaded partnerships (:meth:`Portfolio.from_partnerships`, every column) or
straight from stored JSON without building models (:meth:`Portfolio.read_json_dir`,
:meth:`Portfolio.read_jsonl`: the columns the data itself holds; the derived ones are
empty), and write it to Parquet (:meth:`Portfolio.to_parquet`) for DuckDB, Polars or Spark.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import pandas as pd

from kemitraan._catalog import N_, Language, current_language, phrase
from kemitraan._error_texts import data_problem, json_reason
from kemitraan._files import write_atomically
from kemitraan._progress import progress as shown
from kemitraan.analysis._rows import (
    DERIVED_COLUMNS,
    RAW_COLUMNS,
    VISIT_COLUMNS,
    RowError,
    raw_row,
    stays,
)
from kemitraan.exceptions import (
    DocumentNotFoundError,
    InvalidArgumentError,
    InvalidDataError,
    MissingExtraError,
)
from kemitraan.lifecycle import Stage
from kemitraan.summary import RENEWAL_LEAD_DAYS

if TYPE_CHECKING:
    from kemitraan.partnerships import Partnership
    from kemitraan.store import Store

__all__ = ["MAX_DOCUMENT_BYTES", "MAX_LINE_BYTES", "RENEWAL_LEAD_DAYS", "Portfolio"]

#: The longest line :meth:`Portfolio.read_jsonl` reads, in bytes (its line break not
#: counted): one partnership's JSON is tens of kilobytes, a long-running one with every
#: record a few megabytes. A longer line is refused once this much of it is read, so a
#: 1 GB line costs 16 MB of memory, not 1 GB (the same bound as the store's import).
MAX_LINE_BYTES: Final = 16 * 1024 * 1024
#: The largest file :meth:`Portfolio.read_json_dir` reads, in bytes (refused unread).
MAX_DOCUMENT_BYTES: Final = 16 * 1024 * 1024
#: The longest renewal lead a reader takes, in days (two years, as the planner's).
_MAX_LEAD_DAYS: Final = 732


_STEPS: Final = [stage for stage in Stage if stage.number is not None]
_RUNNING: Final = frozenset(
    {Stage.IMPLEMENTATION, Stage.MONITORING, Stage.IMPROVEMENT, Stage.FOLLOW_UP}
)
_DATES: Final = ("term_start", "term_end", "renewal_due")
_PKW: Final = RAW_COLUMNS[RAW_COLUMNS.index("pkw_dudi") :]
_PKW_COUNTS: Final = tuple(column for column in _PKW if column != "pkw_missing")
_MOMENT: Final = "datetime64[us, UTC]"
#: The frame's columns a store keeps under the same name.
_FROM_STORE: Final = (
    "id",
    "institution",
    "institution_id",
    "program",
    "province",
    "stage",
    "cycle",
    "furthest_step",
    "pattern",
    "mou_signed",
)


def _today() -> date:
    return datetime.now(UTC).date()


_UNKNOWN: Final = (None,) * len(DERIVED_COLUMNS)


def _derived(partnership: Partnership, on: date) -> tuple[Any, ...]:
    from kemitraan.deviations import detect_deviations
    from kemitraan.findings import Severity
    from kemitraan.maintenance.health import HealthStatus, partner_health

    move = partnership.next_move()
    unmet = partnership.unmet_requirements() if move is not None else []
    if partnership.stage not in _RUNNING:
        return (
            move.value if move else None,
            unmet[0].code if unmet else None,
            len(unmet),
            None,
            None,
            None,
            None,
        )
    deviations = detect_deviations(partnership, on=on)
    health = partner_health(partnership, on=on)
    order = list(HealthStatus)
    worst = max((order.index(h.status) for h in health), default=None)
    return (
        move.value if move else None,
        unmet[0].code if unmet else None,
        len(unmet),
        len(deviations),
        sum(d.severity is Severity.ERROR for d in deviations),
        order[worst].value if worst is not None else None,
        sum(h.status is HealthStatus.AT_RISK for h in health),
    )


@dataclass(frozen=True)
class Portfolio:
    """Partnerships as frames, judged on the day ``on``.

    >>> from kemitraan import Institution, Partnership, Program
    >>> from kemitraan.analysis import Portfolio
    >>> p = Partnership(id="p1", institution=Institution(name="PKBM A"),
    ...                 program=Program(name="Menjahit", objectives=["Mandiri"]))
    >>> portfolio = Portfolio.from_partnerships([p], on=date(2025, 6, 1))
    >>> portfolio.frame[["id", "stage", "step", "next_requirement"]].to_dict("records")
    [{'id': 'p1', 'stage': 'mapping', 'step': 1, 'next_requirement': 'candidate_mapped'}]
    """

    frame: pd.DataFrame
    """One row per partnership."""
    visits: pd.DataFrame
    """One row per stay in a step: ``entered_at`` is missing for the first step (the history
    starts when it is left) and ``left_at`` for the step it is in now."""
    on: date
    """The day it is judged on (days in stage, renewals, deviations, health)."""

    # -- building ---------------------------------------------------------------------------

    @classmethod
    def from_rows(
        cls,
        documents: Iterable[dict[str, Any]],
        *,
        on: date | None = None,
        masked: bool = True,
        renewal_lead_days: int = RENEWAL_LEAD_DAYS,
    ) -> Portfolio:
        """From partnerships as JSON dictionaries, as :func:`json.loads` gives them: no model."""
        pairs = ((f"document {index}", data) for index, data in enumerate(documents))
        return cls._read(pairs, on=on, masked=masked, renewal_lead_days=renewal_lead_days)

    @classmethod
    def _read(
        cls,
        documents: Iterable[tuple[str, dict[str, Any]]],
        *,
        on: date | None,
        masked: bool,
        renewal_lead_days: int,
    ) -> Portfolio:
        on = on or _today()
        _check_lead(renewal_lead_days)
        visits: list[tuple[Any, ...]] = []
        rows = []
        for where, data in documents:
            try:
                rows.append(
                    raw_row(data, visits, on=on, masked=masked, renewal_lead_days=renewal_lead_days)
                )
            except (RowError, AttributeError, TypeError, ValueError, KeyError) as exc:
                raise _unreadable(
                    where,
                    phrase(
                        N_("not a partnership as kemitraan stores it: {reason}"),
                        reason=exc.reason if isinstance(exc, RowError) else str(exc),
                    ),
                    exc.rule if isinstance(exc, RowError) else "model_type",
                ) from exc
        return cls._made(rows, None, visits, on)

    @classmethod
    def from_partnerships(
        cls,
        partnerships: Iterable[Partnership],
        *,
        on: date | None = None,
        masked: bool = True,
        renewal_lead_days: int = RENEWAL_LEAD_DAYS,
    ) -> Portfolio:
        """From loaded partnerships: every column.

        The next requirement, and the deviations and health on ``on`` (those two for
        partnerships that are running: implementing, monitoring, improving, following up).
        A partnership whose history records a move or a signature after ``on`` is shown as
        it stood that day (its step, its cycle, whether its MoU was signed, its stays), and
        what only its present data can say (those derived columns) is left empty for it.
        """
        on = on or _today()
        _check_lead(renewal_lead_days)
        visits: list[tuple[Any, ...]] = []
        rows, derived = [], []
        for partnership in partnerships:
            data = partnership.model_dump(mode="json")
            term = partnership.effective_term
            mou = partnership.agreement
            known = {
                "term": (term.start, term.end) if term is not None else (None, None),
                "mou_signed": mou is not None
                and set(partnership.signatures(mou)) >= set(mou.party_ids),
            }
            rows.append(
                raw_row(
                    data,
                    visits,
                    on=on,
                    masked=masked,
                    renewal_lead_days=renewal_lead_days,
                    known=known,
                )
            )
            moved_since = any(record.at.date() > on for record in partnership.history)
            # shown as it stood on ``on``; what its data says now would not be that day's
            derived.append(_UNKNOWN if moved_since else _derived(partnership, on))
        return cls._made(rows, derived, visits, on)

    @classmethod
    def read_json_dir(
        cls,
        folder: str | Path,
        *,
        pattern: str = "*.json",
        on: date | None = None,
        masked: bool = True,
        renewal_lead_days: int = RENEWAL_LEAD_DAYS,
        progress: bool | None = None,
    ) -> Portfolio:
        """From a folder of partnership JSON files (as :func:`kemitraan.save_json` writes them).

        A long read shows a progress bar (tqdm, when installed); ``progress=False`` keeps
        it silent.
        """
        folder = Path(folder)
        if not folder.is_dir():
            raise InvalidArgumentError.saying("{path} is not a folder", path=str(folder))
        files = sorted(folder.glob(pattern))
        return cls._read(
            _parsed_files(shown(files, what="Membaca berkas", total=len(files), enabled=progress)),
            on=on,
            masked=masked,
            renewal_lead_days=renewal_lead_days,
        )

    @classmethod
    def read_jsonl(
        cls,
        path: str | Path,
        *,
        on: date | None = None,
        masked: bool = True,
        renewal_lead_days: int = RENEWAL_LEAD_DAYS,
        progress: bool | None = None,
    ) -> Portfolio:
        """From a JSON Lines file, one partnership per line (blank lines are skipped).

        A long read shows a progress bar (tqdm, when installed); ``progress=False`` keeps
        it silent.

        Raises:
            InvalidDataError: a line is longer than :data:`MAX_LINE_BYTES` (refused as soon
                as that much of it is read; the error names the line), is not JSON, or is
                not a partnership as kemitraan stores it.
        """
        lines = shown(_parsed_lines(Path(path)), what="Membaca baris", enabled=progress)
        return cls._read(lines, on=on, masked=masked, renewal_lead_days=renewal_lead_days)

    @classmethod
    def from_store(
        cls, store: Store, *, on: date | None = None, complete: bool = False
    ) -> Portfolio:
        """A store's portfolio: from its columns and audit records, or ``complete``.

        By default nothing is loaded: the columns the store keeps fill the frame (the
        next requirement is the one the store says the next step waits on) and the time
        in each step comes from the audit records' table, which answers a funnel, the
        conversion, the time in each step, renewals due and who is stuck over 100,000
        partnerships in seconds. The columns the store does not keep (the programme's
        kind, the regency, the parties and their names, the moves, the term's start, the
        next move, the facilitator, deviations and health) are empty then. A partnership
        that moved after ``on`` is shown in the step it was in that day, and whether its
        MoU was signed and what it waited on are left empty for it. The columns know no
        signature's day: a MoU signed after ``on`` by a partnership that has not moved
        since shows signed; ``complete=True`` reads the day of each signature.

        ``complete=True`` loads every partnership the actor may list, one at a time and
        verified as :meth:`Store.load <kemitraan.store.Store.load>` verifies it, and fills
        every column, as :meth:`from_partnerships` does.
        """
        if complete:
            ids = list(store.ids())  # read first: each load opens its own connection
            return cls.from_partnerships((store.get(pid) for pid in ids), on=on)
        on = on or _today()
        stored = store.frame()
        moves: dict[str, list[tuple[datetime, str, int]]] = {}
        for pid, at, to_stage, cycle in store.moves():
            moves.setdefault(pid, []).append((at, to_stage, cycle))
        visits: list[tuple[Any, ...]] = []
        rows, derived = [], []
        for row in stored.to_dict("records"):
            pid = str(row["id"])
            made = moves.get(pid, [])
            kept = [move for move in made if move[0].date() <= on]  # as it stood on ``on``
            furthest, outcome, entered = stays(pid, kept, visits)
            if len(kept) < len(made):  # moved since: the step of that day, the rest unknown
                stage, cycle = kept[-1][1:] if kept else (Stage.MAPPING.value, 1)
                row.update(
                    stage=stage,
                    cycle=cycle,
                    furthest_step=furthest,
                    mou_signed=None,
                    waiting_on=None,
                )
            end = row["term_end"] if pd.notna(row["term_end"]) else None
            rows.append(
                tuple(
                    {
                        **dict.fromkeys(RAW_COLUMNS),
                        **{k: row[k] for k in _FROM_STORE},
                        "stage_label": Stage(row["stage"]).label_id,
                        "step": Stage(row["stage"]).number,
                        "outcome": outcome,
                        "candidates": row["partners"],
                        "entered_stage_at": entered,
                        "days_in_stage": (on - entered.date()).days if entered else None,
                        "term_end": end,
                        "renewal_due": row["renewal_due"] if end is not None else None,
                    }[column]
                    for column in RAW_COLUMNS
                )
            )
            derived.append(
                tuple(
                    row["waiting_on"] if c == "next_requirement" else None for c in DERIVED_COLUMNS
                )
            )
        return cls._made(rows, derived, visits, on)

    @classmethod
    def read_parquet(cls, folder: str | Path, *, on: date | None = None) -> Portfolio:
        """What :meth:`to_parquet` wrote."""
        folder = Path(folder)
        frame = pd.read_parquet(folder / "partnerships.parquet")
        visits = pd.read_parquet(folder / "visits.parquet")
        return cls(frame, visits, on or _today())

    @classmethod
    def _made(
        cls,
        rows: list[tuple[Any, ...]],
        derived: list[tuple[Any, ...]] | None,
        visits: list[tuple[Any, ...]],
        on: date,
    ) -> Portfolio:
        frame = pd.DataFrame.from_records(rows, columns=list(RAW_COLUMNS))
        extra = pd.DataFrame.from_records(
            derived if derived is not None else [(None,) * len(DERIVED_COLUMNS)] * len(rows),
            columns=list(DERIVED_COLUMNS),
        )
        frame = pd.concat([frame, extra], axis=1)
        for column in (
            "step",
            "unmet_requirements",
            "deviations",
            "critical_deviations",
            "partners_at_risk",
            *_PKW_COUNTS,
        ):
            frame[column] = frame[column].astype("Int64")
        frame["entered_stage_at"] = pd.to_datetime(frame["entered_stage_at"], utc=True).astype(
            _MOMENT
        )
        frame["days_in_stage"] = frame["days_in_stage"].astype("Int64")
        for column in _DATES:
            frame[column] = pd.to_datetime(frame[column]).astype("datetime64[ms]")
        stays = pd.DataFrame.from_records(visits, columns=list(VISIT_COLUMNS))
        for column in ("entered_at", "left_at"):
            stays[column] = pd.to_datetime(stays[column], utc=True).astype(_MOMENT)
        stays["step"] = stays["step"].astype("Int64")
        stays["days"] = (stays["left_at"] - stays["entered_at"]).dt.total_seconds() / 86400
        return cls(frame, stays, on)

    # -- writing ----------------------------------------------------------------------------

    def to_parquet(self, folder: str | Path) -> tuple[Path, Path]:
        """Write ``partnerships.parquet`` and ``visits.parquet`` into ``folder``, atomically."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for name, frame in (("partnerships", self.frame), ("visits", self.visits)):
            buffer = io.BytesIO()
            frame.to_parquet(buffer, index=False)
            written.append(write_atomically(folder / f"{name}.parquet", buffer.getvalue()))
        return written[0], written[1]

    def labelled(self, *, language: Language | None = None, visits: bool = False) -> pd.DataFrame:
        """The frame (or the stays) as a person reads it: headers and choices in ``language``.

        The language in force by default; the frame itself keeps its identifiers and codes
        for code that reads them. A stage, a pattern, a move, the health and the kind of
        programme are named by their labels, an MoU signed by Ya or Tidak.

        >>> from kemitraan import Institution, Partnership, Program
        >>> p = Partnership(id="p1", institution=Institution(name="PKBM A"),
        ...                 program=Program(name="Menjahit", objectives=["Mandiri"]))
        >>> Portfolio.from_partnerships([p], on=date(2025, 6, 1)).labelled()["Tahap"].tolist()
        ['Identifikasi atau pemetaan objek mitra']
        """
        from kemitraan.analysis._labels import labelled

        return labelled(self.visits if visits else self.frame, language or current_language())

    def to_xlsx(
        self,
        path: str | Path,
        *,
        time_zone: str = "Asia/Jakarta",
        language: Language | None = None,
    ) -> Path:
        """Write the portfolio as a workbook a person reads, headed and labelled in ``language``.

        A sheet of partnerships and one of their stays in each step (:meth:`labelled`).
        Excel holds no time zone: the moments are written as the clock in ``time_zone``
        showed them (``"Asia/Makassar"`` for WITA, ``"Asia/Jayapura"`` for WIT). Written
        atomically; needs the ``xlsx`` extra (openpyxl).
        """
        try:
            import openpyxl  # noqa: F401  # pandas writes through it
        except ImportError:
            raise MissingExtraError("xlsx", "Portfolio.to_xlsx", "openpyxl") from None
        language = language or current_language()
        sheets = (("Kemitraan", "Partnerships"), ("Singgah", "Stays"))
        buffer = io.BytesIO()
        with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
            for (indonesian, english), stays in zip(sheets, (False, True), strict=True):
                local = self.labelled(language=language, visits=stays)
                for column in local.columns:
                    if isinstance(local[column].dtype, pd.DatetimeTZDtype):
                        local[column] = local[column].dt.tz_convert(time_zone).dt.tz_localize(None)
                sheet = indonesian if language == "id" else english
                local.to_excel(writer, sheet_name=sheet, index=False)
        return write_atomically(path, buffer.getvalue())

    # -- summaries --------------------------------------------------------------------------

    def funnel(self) -> pd.DataFrame:
        """For each of the 11 steps: how many partnerships reached it, and how many are in it.

        A partnership reached a step when its history ever took it there (in any cycle);
        one declined in the analysis step reached steps 1 to 3.
        """
        furthest = self.frame["furthest_step"]
        now = self.frame["stage"].value_counts()
        return pd.DataFrame(
            {
                "step": [stage.number for stage in _STEPS],
                "stage": [stage.value for stage in _STEPS],
                "label": [stage.label_id for stage in _STEPS],
                "reached": [int((furthest >= stage.number).sum()) for stage in _STEPS],
                "current": [int(now.get(stage.value, 0)) for stage in _STEPS],
            }
        ).set_index("step")

    def conversion(self) -> pd.DataFrame:
        """From each step to the next: how many reached each, and the share that went on."""
        funnel = self.funnel()
        reached = funnel["reached"].tolist()
        rows = [
            {
                "from_stage": _STEPS[k].value,
                "to_stage": _STEPS[k + 1].value,
                "reached": reached[k],
                "went_on": reached[k + 1],
                "rate": reached[k + 1] / reached[k] if reached[k] else float("nan"),
            }
            for k in range(len(_STEPS) - 1)
        ]
        return pd.DataFrame(rows)

    def time_in_stage(self) -> pd.DataFrame:
        """Days spent in each step, over the stays that have ended and whose start is known."""
        done = self.visits.dropna(subset=["days"])
        done = done[done["step"].notna()]
        table = done.groupby("stage")["days"].agg(["count", "mean", "median", "max"])
        order = [stage.value for stage in _STEPS if stage.value in table.index]
        return table.loc[order]

    def renewals_due(self, within_days: int = 90) -> pd.DataFrame:
        """Partnerships whose renewal talks are due within ``within_days`` of ``on``.

        Only those whose MoU is signed and has not ended yet, and that are not declined or
        ended; the soonest end first.
        """
        if within_days < 0:
            raise InvalidArgumentError.saying(
                "{argument} must be 0 or more, not {value}",
                argument="within_days",
                value=within_days,
            )
        frame = self.frame
        due = frame[renewal_due_rows(frame, self.on, within_days)]
        return due.sort_values(["term_end", "id"])[
            ["id", "institution", "stage", "cycle", "term_end", "renewal_due"]
        ]

    def stuck(self, min_days: int = 30) -> pd.DataFrame:
        """Partnerships in a step for ``min_days`` or more, by step and requirement.

        The requirement they wait on is empty where the portfolio was read without models.
        """
        if min_days < 0:
            raise InvalidArgumentError.saying(
                "{argument} must be 0 or more, not {value}", argument="min_days", value=min_days
            )
        frame = self.frame
        waiting = frame[frame["outcome"].isna() & (frame["days_in_stage"] >= min_days)]
        table = (
            waiting.groupby(["step", "stage", "next_requirement"], dropna=False)
            .agg(partnerships=("id", "size"), longest_days=("days_in_stage", "max"))
            .reset_index()
        )
        return table.sort_values(["partnerships", "step"], ascending=[False, True]).reset_index(
            drop=True
        )


def _parsed_files(paths: Iterable[Path]) -> Iterator[tuple[str, dict[str, Any]]]:
    for path in paths:
        if not path.is_file():
            continue
        if path.stat().st_size > MAX_DOCUMENT_BYTES:
            message = N_(
                "is larger than {limit} bytes (MAX_DOCUMENT_BYTES): one partnership's JSON is "
                "never that large"
            )
            raise _unreadable(
                str(path), phrase(message, limit=MAX_DOCUMENT_BYTES), "file_too_large"
            )
        try:
            data = json.loads(path.read_bytes())
        except (ValueError, RecursionError) as exc:  # JSONDecodeError, UnicodeDecodeError
            raise _unreadable(str(path), json_reason(exc), "json_invalid") from exc
        yield str(path), _checked(data, str(path))


def _parsed_lines(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    limit = MAX_LINE_BYTES  # read once: a test lowers it
    try:
        opened = path.open("rb")
    except FileNotFoundError:
        raise DocumentNotFoundError(str(path)) from None
    with opened as lines:
        number = 0
        # at most limit + 2 bytes a read (a line and its CR LF): a longer line is refused
        # with no more of it read
        while line := lines.readline(limit + 2):
            number += 1
            where = phrase(N_("{path}, line {number}"), path=str(path), number=number)(
                current_language()
            )
            if len(line.rstrip(b"\r\n")) > limit:
                message = N_(
                    "is longer than {limit} bytes (MAX_LINE_BYTES): one partnership's JSON is "
                    "never that long"
                )
                raise _unreadable(where, phrase(message, limit=limit), "line_too_long")
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except (ValueError, RecursionError) as exc:
                raise _unreadable(where, json_reason(exc), "json_invalid") from exc
            yield where, _checked(data, where)


def _check_lead(days: int) -> None:
    if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= _MAX_LEAD_DAYS:
        raise InvalidArgumentError.saying(
            "{argument} must be a whole number of days from 0 to {most}, not {value}",
            argument="renewal_lead_days",
            most=_MAX_LEAD_DAYS,
            value=repr(days),
        )


def _checked(data: Any, where: str) -> dict[str, Any]:
    if not isinstance(data, dict) or not isinstance(data.get("id"), str):
        message = N_("not a partnership: an object with an 'id' text")
        raise _unreadable(where, phrase(message))
    return data


def _unreadable(
    where: str,
    message: Callable[[Language], str],
    rule: str = "model_type",
) -> InvalidDataError:
    """The error for data that cannot be read: its message names the file (and line)."""
    error = data_problem((), rule, N_("{where}: {problem}"), where=where, problem=message)
    return InvalidDataError("Partnership", [error])


def renewal_due_rows(frame: pd.DataFrame, on: date, within_days: int) -> pd.Series:
    """The rows of a portfolio's frame whose renewal talks are due within ``within_days`` of ``on``.

    One rule for :meth:`Portfolio.renewals_due` and the regency roll-up: the MoU signed,
    its term not ended by ``on``, the partnership neither declined nor ended.
    """
    day = pd.Timestamp(on)
    return (
        frame["renewal_due"].notna()
        & (frame["renewal_due"] <= day + pd.Timedelta(days=within_days))
        & (frame["term_end"] >= day)
        & frame["outcome"].isna()
        & frame["mou_signed"].fillna(False).astype(bool)
    )
