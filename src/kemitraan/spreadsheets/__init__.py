"""Spreadsheets in and out: the candidate register, the work plan, monitoring, the learners.

Facilitators keep partner lists, work plans and monitoring sheets in Excel. This package
writes a blank template to fill in, imports a filled one, and exports the models, as an
``.xlsx`` workbook (the ``xlsx`` extra: ``pip install 'kemitraan[xlsx]'``, openpyxl) or
as a folder of CSV files, one per sheet, with the same columns (no extra needed).

- **The candidate register** (guide A.1–A.2): sheets *Mitra*, *Kontak*, *Penggalian* and
  *Penilaian* (:class:`~kemitraan.CandidateRegister`).
- **The work plan** (A.5): *Rencana*, *Tujuan*, *Kegiatan*, *Indikator* and *Target*
  (:class:`~kemitraan.WorkPlan`).
- **Monitoring records** (A.9): *Monitoring*, *Kemajuan*, *Nilai Indikator*, *Belanja* and
  *Masalah* (:class:`~kemitraan.MonitoringRecord`).
- **The learners' roster** of a PKW class: *Peserta*, *Tindak Lanjut* and *Dukungan Mitra*
  (:class:`~kemitraan.learners.Learner`).

Headers, sheet names, choices and problems are in the language in force
(:mod:`kemitraan.messages`: Indonesian unless set otherwise), or in the ``language``
given; an import reads either language's. A workbook path ends in ``.xlsx``; any other
path is a folder of CSV files. An import either returns every model or raises one
:class:`~kemitraan.exceptions.InvalidSpreadsheetError` listing every problem by sheet, row
and column (``Mitra!C7``): nothing is imported while one row is bad. An export is checked
to import back equal before it is written, and written atomically.

>>> import tempfile
>>> from datetime import date
>>> from pathlib import Path
>>> from kemitraan import PlannedActivity, WorkPlan
>>> plan = WorkPlan(drawn_up_on=date(2025, 2, 24), participants=["pkbm", "kube"],
...                 activities=[PlannedActivity(name="Praktik produksi", responsible="kube")])
>>> with tempfile.TemporaryDirectory() as folder:
...     path = write_spreadsheet(Path(folder, "rencana.xlsx"), work_plan=plan)
...     read_work_plan(path) == plan
True
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from kemitraan._base import LabelledEnum, Language, in_language
from kemitraan._catalog import current_language
from kemitraan.exceptions import InvalidArgumentError, InvalidSpreadsheetError
from kemitraan.learners import Learner
from kemitraan.mapping import CandidateRegister
from kemitraan.monitoring import MonitoringRecord
from kemitraan.planning import WorkPlan
from kemitraan.programs import Program
from kemitraan.regions import Region
from kemitraan.spreadsheets import _candidates, _learners, _monitoring, _work_plan
from kemitraan.spreadsheets._build import (
    MAX_COLUMNS,
    MAX_ROWS,
    Table,
    letter,
    parse_table,
    sheet_key,
)
from kemitraan.spreadsheets._columns import CELL_LIMIT, Column, SheetSpec, shown
from kemitraan.spreadsheets._csv import MAX_CSV_BYTES, read_folder, write_folder
from kemitraan.spreadsheets._problems import CellProblem, Problems
from kemitraan.spreadsheets._xlsx import (
    MAX_FILE_BYTES,
    MAX_UNPACKED_BYTES,
    read_workbook,
    write_workbook,
)

__all__ = [
    "MAX_COLUMNS",
    "MAX_CSV_BYTES",
    "MAX_FILE_BYTES",
    "MAX_ROWS",
    "MAX_UNPACKED_BYTES",
    "CellProblem",
    "Part",
    "Spreadsheet",
    "read_candidates",
    "read_learners",
    "read_monitoring",
    "read_spreadsheet",
    "read_work_plan",
    "write_spreadsheet",
    "write_template",
]


class Part(LabelledEnum):
    """What a spreadsheet holds: the candidates, the work plan, monitoring, the learners.

    >>> Part.WORK_PLAN.label_id
    'Rencana kerja'
    """

    CANDIDATES = "candidates", "Calon mitra", "Candidate partners"
    WORK_PLAN = "work_plan", "Rencana kerja", "Work plan"
    MONITORING = "monitoring", "Monitoring", "Monitoring"
    LEARNERS = "learners", "Peserta didik", "Learners"


_SHEETS: Final[dict[Part, tuple[SheetSpec, ...]]] = {
    Part.CANDIDATES: _candidates.SHEETS,
    Part.WORK_PLAN: _work_plan.SHEETS,
    Part.MONITORING: _monitoring.SHEETS,
    Part.LEARNERS: _learners.SHEETS,
}
_MAIN: Final = {
    Part.CANDIDATES: "candidates",
    Part.WORK_PLAN: "plan",
    Part.MONITORING: "monitoring",
    Part.LEARNERS: "learners",
}
_BY_NAME: Final = {
    sheet_key(name): (part, spec)
    for part, specs in _SHEETS.items()
    for spec in specs
    for name in spec.name
}
_SKIPPED: Final = frozenset(
    sheet_key(n) for n in ("Petunjuk", "Instructions", "Pilihan", "Choices")
)


@dataclass(frozen=True, slots=True)
class Spreadsheet:
    """What a spreadsheet held: each part it had sheets for, else ``None``.

    >>> Spreadsheet().monitoring is None
    True
    """

    candidates: CandidateRegister | None = None
    """The candidate register (its programme and home as given to the import)."""
    work_plan: WorkPlan | None = None
    """The joint work plan."""
    monitoring: list[MonitoringRecord] | None = None
    """The monitoring records, in row order."""
    learners: list[Learner] | None = None
    """The learners' roster, in row order."""


def _is_workbook(path: Path) -> bool:
    return path.suffix.lower() == ".xlsx"


def _parts(parts: Iterable[Part | str] | None) -> list[Part]:
    if parts is None:
        return list(Part)
    chosen: set[Part] = set()
    for part in parts:
        try:
            chosen.add(Part(part))
        except ValueError:
            raise InvalidArgumentError.saying(
                "parts: {part} is not a part; known: {known}",
                part=repr(part),
                known=", ".join(p.value for p in Part),
            ) from None
    return [part for part in Part if part in chosen]


def _spoken(language: Language | None) -> Language:
    """``language``, or the language in force; a language kemitraan does not speak refused."""
    chosen = language or current_language()
    in_language(chosen, "", "")
    return chosen


def _write(
    path: str | os.PathLike[str],
    sheets: Sequence[tuple[SheetSpec, Sequence[dict[str, Any]]]],
    language: Language,
) -> Path:
    if _is_workbook(Path(path)):
        return write_workbook(path, sheets, language)
    known = [name for specs in _SHEETS.values() for spec in specs for name in spec.name]
    return write_folder(path, sheets, language, known)


def write_template(
    path: str | os.PathLike[str],
    parts: Iterable[Part | str] | None = None,
    *,
    language: Language | None = None,
) -> Path:
    """Write a blank spreadsheet to fill in: headers, drop-down lists and instructions.

    Args:
        path: A ``.xlsx`` file, or a folder for CSV files.
        parts: Which parts (every part by default).
        language: ``"id"`` (Indonesian headers and instructions) or ``"en"``; the
            language in force (:mod:`kemitraan.messages`) by default.

    Returns:
        The file (or folder) written.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     sorted(p.name for p in write_template(Path(folder, "csv"), ["work_plan"]).iterdir())
    ['indikator.csv', 'kegiatan.csv', 'petunjuk.csv', 'rencana.csv', 'target.csv', 'tujuan.csv']
    """
    language = _spoken(language)
    return _write(path, [(spec, []) for part in _parts(parts) for spec in _SHEETS[part]], language)


def write_spreadsheet(
    path: str | os.PathLike[str],
    *,
    candidates: CandidateRegister | None = None,
    work_plan: WorkPlan | None = None,
    monitoring: Sequence[MonitoringRecord] | None = None,
    learners: Sequence[Learner] | None = None,
    language: Language | None = None,
) -> Path:
    """Write the models given as a spreadsheet that imports back equal.

    Personal data (NIK, NIP, a person's own phone and e-mail) is written as held, as
    :func:`kemitraan.save_json` does: the file is for the facilitator's own records.

    Args:
        path: A ``.xlsx`` file, or a folder for CSV files.
        candidates: The candidate register (its programme and home are not written).
        work_plan: The joint work plan.
        monitoring: Monitoring records.
        learners: The learners' roster (a partnership's ``learners``).
        language: ``"id"`` or ``"en"`` (headers, sheet names, choices); the language in
            force (:mod:`kemitraan.messages`) by default.

    Returns:
        The file (or folder) written.

    Raises:
        InvalidArgumentError: nothing given to write; or a value a spreadsheet cannot hold
            as it is (a number of more than 15 significant digits, text longer than an
            Excel cell, a character XML cannot hold, an item of a list with a line break in
            it), naming its cell.
    """
    language = _spoken(language)
    sheets: list[tuple[SheetSpec, list[dict[str, Any]]]] = []
    given: dict[Part, Any] = {}
    if candidates is not None:
        given[Part.CANDIDATES] = candidates
        found = _candidates.rows(candidates)
        sheets += [(spec, found[spec.key]) for spec in _candidates.SHEETS]
    if work_plan is not None:
        given[Part.WORK_PLAN] = work_plan
        found = _work_plan.rows(work_plan)
        sheets += [(spec, found[spec.key]) for spec in _work_plan.SHEETS]
    if monitoring is not None:
        given[Part.MONITORING] = list(monitoring)
        found = _monitoring.rows(monitoring)
        sheets += [(spec, found[spec.key]) for spec in _monitoring.SHEETS]
    if learners is not None:
        given[Part.LEARNERS] = list(learners)
        found = _learners.rows(learners)
        sheets += [(spec, found[spec.key]) for spec in _learners.SHEETS]
    if not sheets:
        raise InvalidArgumentError.saying(
            "nothing to write: give candidates, work_plan, monitoring or learners"
        )
    _check_round_trip(sheets, given, language)
    return _write(path, sheets, language)


def _check_round_trip(
    sheets: Sequence[tuple[SheetSpec, Sequence[dict[str, Any]]]],
    given: dict[Part, Any],
    language: Language,
) -> None:
    """Read the rows back as an import would; refuse what would not come back equal."""
    problems = Problems()
    tables: dict[str, Table] = {}
    for spec, rows in sheets:
        header = [column.title(language) for column in spec.columns]
        cells = []
        for number, row in enumerate(rows, start=2):
            line = [shown(column, row.get(column.key), language) for column in spec.columns]
            for index, value in enumerate(line, start=1):
                column = spec.columns[index - 1]
                if isinstance(value, str):
                    _cell_fits(spec, column, value, number, index, problems, language)
                if column.kind == "lines" and any(
                    "\n" in item or "\r" in item for item in row.get(column.key) or []
                ):
                    problems.add(
                        spec.title(language),
                        number,
                        letter(index),
                        column.title(language).rstrip(" *"),
                        "line_break_in_item",
                        (
                            "sebuah isian memuat ganti baris; di sel, satu baris adalah satu isian",
                            "an entry holds a line break; in the cell, each line is one entry",
                        ),
                    )
            cells.append((number, line))
        tables[spec.key] = parse_table(
            spec, spec.title(language), header, cells, problems, language
        )
    back = _assemble(tables, problems, given.keys(), _register_args(given), language)
    if not problems:
        for part, model in given.items():
            if getattr(back, part.value) != model:
                problems.add(
                    in_language(language, "buku kerja", "workbook"),
                    None,
                    None,
                    None,
                    "not_carried",
                    (
                        "bagian ini tidak kembali sama setelah diimpor: " + part.label_id,
                        "this part would not import back equal: " + part.label_en,
                    ),
                )
    if problems:
        found = problems.found[:20]
        raise InvalidArgumentError.saying(
            "cannot be written as a spreadsheet: {problems}",
            problems=lambda said_in: "; ".join(p.message(said_in) for p in found),
        )


def _register_args(given: dict[Part, Any]) -> dict[str, Any]:
    register = given.get(Part.CANDIDATES)
    if register is None:
        return {}
    return {"program": register.program, "home": register.home}


_XML_ILLEGAL: Final = frozenset(
    [*(chr(c) for c in range(32) if c not in (9, 10, 13)), "\ufffe", "\uffff"]
)


def _cell_fits(
    spec: SheetSpec,
    column: Column,
    value: str,
    row: int,
    index: int,
    problems: Problems,
    language: Language,
) -> None:
    header = column.title(language).rstrip(" *")
    where = (spec.title(language), row, letter(index), header)
    if len(value) > CELL_LIMIT:
        problems.add(*where, "cell_too_long", limit=CELL_LIMIT)
    bad = next((c for c in value if c in _XML_ILLEGAL), None)
    if bad is not None:
        problems.add(
            *where,
            "illegal_character",
            (
                f"memuat karakter U+{ord(bad):04X} yang tidak dapat disimpan",
                f"holds the character U+{ord(bad):04X}, which cannot be stored",
            ),
        )


def _assemble(
    tables: dict[str, Table],
    problems: Problems,
    parts: Iterable[Part],
    register: dict[str, Any],
    language: Language,
) -> Spreadsheet:
    found: dict[str, Any] = {}
    for part in parts:
        main = _MAIN[part]
        if main not in tables:
            others = [tables[s.key].name for s in _SHEETS[part] if s.key in tables]
            if others:
                name = _SHEETS[part][0].name[0]
                problems.add(name, None, None, None, "missing_sheet", value=name)
            continue
        for spec in _SHEETS[part]:  # a sheet left out is a sheet without rows
            tables.setdefault(spec.key, Table(spec, spec.title(language), {}, language=language))
        if part is Part.CANDIDATES:
            if "program" not in register:
                raise InvalidArgumentError.saying(
                    "the candidate register needs its programme: pass program="
                )
            found["candidates"] = _candidates.read(tables, problems, **register)
        elif part is Part.WORK_PLAN:
            found["work_plan"] = _work_plan.read(tables, problems)
        elif part is Part.MONITORING:
            found["monitoring"] = _monitoring.read(tables, problems)
        else:
            found["learners"] = _learners.read(tables, problems)
    return Spreadsheet(**found)


def _read_tables(
    path: Path, parts: Sequence[Part], problems: Problems, language: Language
) -> tuple[dict[str, Table], set[Part]]:
    """The sheets of ``parts`` read, by key; and the parts with a file that could not be read."""
    if not path.exists():
        raise InvalidArgumentError.saying("{path} does not exist", path=str(path))
    workbook = not path.is_dir()
    sheets = read_workbook(path, problems) if workbook else read_folder(path, problems)
    tables: dict[str, Table] = {}
    unreadable: set[Part] = set()
    known = ", ".join(in_language(language, *spec.name) for part in Part for spec in _SHEETS[part])
    for name, header, rows in sheets:
        key = sheet_key(name.removesuffix(".csv").removesuffix(".CSV"))
        if key in _SKIPPED:
            continue
        found = _BY_NAME.get(key)
        if header is None:  # a file that could not be read: its problem is recorded
            if found is not None:
                unreadable.add(found[0])
            continue
        if found is None:
            problems.add(name, None, None, None, "unknown_sheet", value=name, known=known)
            continue
        part, spec = found
        if part not in parts:
            continue
        if spec.key in tables:
            problems.add(
                name,
                None,
                None,
                None,
                "duplicate_sheet",
                (
                    f"lembar {spec.title('id')} ada dua kali",
                    f"sheet {spec.title('en')} appears twice",
                ),
            )
            continue
        tables[spec.key] = parse_table(
            spec, name, header, rows, problems, language, unescape=not workbook
        )
    return tables, unreadable


def _in_order(problems: Problems, tables: dict[str, Table]) -> list[CellProblem]:
    """Each problem once, sheet by sheet (as the parts declare them), row by row, left to right.

    The whole file's problems come first; a cell refused as it was read is not reported
    again by the model's rule for the same cell.
    """
    declared = [spec.key for part in Part for spec in _SHEETS[part]]
    sheet_order = {table.name: declared.index(key) for key, table in tables.items()}
    seen: set[tuple[str, str]] = set()
    found = []
    for problem in problems.found:
        key = (problem.where, "missing" if problem.rule == "string_too_short" else problem.rule)
        if key not in seen:
            seen.add(key)
            found.append(problem)

    def place(problem: CellProblem) -> tuple[int, int, int, str]:
        column = problem.column or ""
        return (sheet_order.get(problem.sheet, -1), problem.row or 0, len(column), column)

    return sorted(found, key=place)


def read_spreadsheet(
    path: str | os.PathLike[str],
    *,
    program: Program | None = None,
    home: Region | None = None,
    parts: Iterable[Part | str] | None = None,
    language: Language | None = None,
) -> Spreadsheet:
    """Import every part a spreadsheet holds, or nothing.

    Args:
        path: A ``.xlsx`` workbook, or a folder of CSV files.
        program: The programme the candidates are mapped for; needed when the spreadsheet
            holds candidates.
        home: Where the programme works, when not its location (the register's ``home``).
        parts: Which parts to read (every part by default); other parts' sheets are left.
        language: The language of the problems' messages, ``"id"`` or ``"en"``; the
            language in force (:mod:`kemitraan.messages`) by default. Headers, sheet
            names and choices are read in either language.

    Returns:
        Each part read; a part without sheets is ``None``.

    Raises:
        InvalidSpreadsheetError: every problem found, each naming its sheet, row, column
            and rule; nothing is imported.
        InvalidArgumentError: ``path`` does not exist, or the candidates need ``program``.
    """
    language = _spoken(language)
    source = Path(path)
    chosen = _parts(parts)
    problems = Problems()
    tables, unreadable = _read_tables(source, chosen, problems, language)
    register = {"program": program, "home": home} if program is not None else {}
    # a part with a file that could not be read is not put together: its sheet is not
    # missing, and what its other sheets refer to may be in the file not read
    readable = [part for part in chosen if part not in unreadable]
    found = _assemble(tables, problems, readable, register, language)
    if problems:
        raise InvalidSpreadsheetError(source.name, _in_order(problems, tables), language=language)
    return found


def _one(
    path: str | os.PathLike[str], part: Part, language: Language | None, **register: Any
) -> Any:
    language = _spoken(language)
    found = read_spreadsheet(path, parts=[part], language=language, **register)
    value = getattr(found, part.value)
    if value is None:
        name = _SHEETS[part][0].title(language)
        problem = CellProblem(
            name,
            None,
            None,
            None,
            "missing_sheet",
            (f"lembar '{name}' tidak ada", f"sheet '{name}' is missing"),
        )
        raise InvalidSpreadsheetError(Path(path).name, [problem], language=language)
    return value


def read_candidates(
    path: str | os.PathLike[str],
    *,
    program: Program,
    home: Region | None = None,
    language: Language | None = None,
) -> CandidateRegister:
    """Import the candidate register for ``program`` (see :func:`read_spreadsheet`).

    Raises:
        InvalidSpreadsheetError: every problem, by cell; or the sheet *Mitra* is missing.
    """
    register: CandidateRegister = _one(path, Part.CANDIDATES, language, program=program, home=home)
    return register


def read_work_plan(path: str | os.PathLike[str], *, language: Language | None = None) -> WorkPlan:
    """Import the work plan (see :func:`read_spreadsheet`).

    Raises:
        InvalidSpreadsheetError: every problem, by cell; or the sheet *Rencana* is missing
            or empty.
    """
    plan: WorkPlan = _one(path, Part.WORK_PLAN, language)
    return plan


def read_monitoring(
    path: str | os.PathLike[str], *, language: Language | None = None
) -> list[MonitoringRecord]:
    """Import the monitoring records (see :func:`read_spreadsheet`).

    Raises:
        InvalidSpreadsheetError: every problem, by cell; or the sheet *Monitoring* is missing.
    """
    records: list[MonitoringRecord] = _one(path, Part.MONITORING, language)
    return records


def read_learners(
    path: str | os.PathLike[str], *, language: Language | None = None
) -> list[Learner]:
    """Import the learners' roster (see :func:`read_spreadsheet`).

    Raises:
        InvalidSpreadsheetError: every problem, by cell; or the sheet *Peserta* is missing.
    """
    learners: list[Learner] = _one(path, Part.LEARNERS, language)
    return learners
