"""Workbooks (.xlsx) in and out, with openpyxl.

Reads are bounded and never compute a formula; templates carry drop-down lists, number
formats, frozen headers and instructions.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from kemitraan._base import FIRST_DAY, LAST_DAY, Language, in_language
from kemitraan._files import write_atomically
from kemitraan.exceptions import MissingExtraError
from kemitraan.spreadsheets._build import MAX_COLUMNS, MAX_ROWS, Unevaluated, letter
from kemitraan.spreadsheets._columns import Column, Percentage, SheetSpec, labels, shown
from kemitraan.spreadsheets._guide import instructions
from kemitraan.spreadsheets._problems import Problems

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["MAX_FILE_BYTES", "MAX_UNPACKED_BYTES", "read_workbook", "write_workbook"]

#: The largest workbook read, in bytes (10 MiB).
MAX_FILE_BYTES: Final = 10 * 1024 * 1024
#: The most a workbook may unpack to, in bytes (100 MiB): a small file that unpacks to
#: gigabytes (a "zip bomb") is refused before it is parsed.
MAX_UNPACKED_BYTES: Final = 100 * 1024 * 1024
#: The most parts (files inside the zip) a workbook may have.
MAX_PARTS: Final = 1_000

_DATE_FORMAT: Final = "DD/MM/YYYY"
_RUPIAH_FORMAT: Final = '"Rp"#,##0.00'
_HEADER_FILL: Final = "1F5C4D"
_REQUIRED_FILL: Final = "7A3E12"
_SHEET_FILL: Final = "DDEBE7"
_LISTS: Final = ("Pilihan", "Choices")
# what a number format shows as it is: "text", \x, _x (a space as wide as x), *x (x repeated
# to fill), [Red] or [>=100]
_FORMAT_LITERALS: Final = re.compile(r'"[^"]*"|\\.|_.|\*.|\[[^\]]*\]')


def _openpyxl() -> Any:
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - the dev extra installs it
        raise MissingExtraError("xlsx", "kemitraan.spreadsheets (.xlsx)", "openpyxl") from None
    return openpyxl


# -- writing ------------------------------------------------------------------------------


def write_workbook(
    path: str | os.PathLike[str],
    sheets: Sequence[tuple[SheetSpec, Sequence[Mapping[str, Any]]]],
    language: Language,
) -> Path:
    """Write ``sheets`` (each a declaration and its rows) as a workbook, atomically."""
    openpyxl = _openpyxl()
    workbook: Workbook = openpyxl.Workbook()
    guide = workbook.active
    assert guide is not None
    _write_guide(guide, [spec for spec, _ in sheets], language)
    lists = workbook.create_sheet(in_language(language, *_LISTS))
    lists.sheet_state = "hidden"
    ranges = _write_lists(lists, [spec for spec, _ in sheets], language)
    for spec, rows in sheets:
        sheet = workbook.create_sheet(spec.title(language))
        _write_sheet(sheet, spec, rows, language, ranges)
    workbook.move_sheet(lists, offset=len(sheets))  # the hidden lists last
    guide.sheet_view.tabSelected = False
    workbook.active = 1 if sheets else 0  # the first data sheet, after the instructions
    buffer = io.BytesIO()
    workbook.save(buffer)
    return write_atomically(path, buffer.getvalue())


def _styles() -> tuple[Any, Any, Any, Any]:
    styles = _openpyxl().styles
    return styles.Font, styles.PatternFill, styles.Alignment, styles.Border


def _write_sheet(
    sheet: Worksheet,
    spec: SheetSpec,
    rows: Sequence[Mapping[str, Any]],
    language: Language,
    ranges: Mapping[str, str],
) -> None:
    font, fill, alignment, _ = _styles()
    for index, column in enumerate(spec.columns, start=1):
        cell = sheet.cell(row=1, column=index, value=column.title(language))
        cell.data_type = "s"
        cell.font = font(bold=True, color="FFFFFF")
        colour = _REQUIRED_FILL if column.required else _HEADER_FILL
        cell.fill = fill(start_color=colour, end_color=colour, fill_type="solid")
        cell.alignment = alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[letter(index)].width = column.width
    sheet.row_dimensions[1].height = 32
    sheet.freeze_panes = f"{letter(spec.frozen_columns + 1)}2"
    sheet.auto_filter.ref = f"A1:{letter(len(spec.columns))}1"
    sheet.print_title_rows = "1:1"
    sheet.print_options.gridLines = True  # a blank form printed to fill in by hand
    _printable(sheet)
    looks = _Looks()
    for number, row in enumerate(rows, start=2):
        texts = []
        for index, column in enumerate(spec.columns, start=1):
            written = _write_cell(
                sheet, number, index, column, row.get(column.key), language, looks
            )
            if isinstance(written, str) and column.multiline:
                texts.append((written, column.width))
        sheet.row_dimensions[number].height = _height(texts)
    for index, column in enumerate(spec.columns, start=1):
        # the column's own format and alignment: what a cell typed into it later takes
        looks.apply(sheet.column_dimensions[letter(index)], column)
        _validation(sheet, index, column, language, ranges)


class _Looks:
    """The number format and alignment of each kind of column, made once per sheet."""

    def __init__(self) -> None:
        alignment = _openpyxl().styles.Alignment
        self.wrapped = alignment(wrap_text=True, vertical="top")
        self.plain = alignment(vertical="top")

    def apply(self, target: Any, column: Column) -> None:
        if column.kind == "date":
            target.number_format = _DATE_FORMAT
        elif column.kind == "rupiah":
            target.number_format = _RUPIAH_FORMAT
        elif column.kind in ("text", "lines", "ids", "enums"):
            target.number_format = "@"  # text stays text: an id 0812… keeps its 0
        target.alignment = self.wrapped if column.multiline else self.plain


def _printable(sheet: Worksheet) -> None:
    """Printed landscape, one page wide: a blank form to fill in by hand, or a list to read."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    from openpyxl.worksheet.properties import PageSetupProperties

    if sheet.sheet_properties.pageSetUpPr is None:
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties()
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _write_cell(
    sheet: Worksheet,
    row: int,
    index: int,
    column: Column,
    value: Any,
    language: Language,
    looks: _Looks,
) -> Any:
    cell = sheet.cell(row=row, column=index)
    shown_value = shown(column, value, language)
    if isinstance(shown_value, Decimal):
        integral = shown_value == shown_value.to_integral_value()
        shown_value = int(shown_value) if integral else float(shown_value)
    cell.value = shown_value
    if isinstance(shown_value, str):
        cell.data_type = "s"  # text, never a formula, whatever it starts with
    looks.apply(cell, column)
    return shown_value


def _height(texts: Sequence[tuple[str, int]]) -> float:
    """A row's height for its wrapped texts (each with its column's width), in points.

    Spreadsheet programs do not all grow a row to its wrapped text on opening a file.
    """
    lines = 1
    for text, width in texts:
        per_line = max(int(width * 1.1), 1)  # text is narrower than the width's unit
        lines = max(lines, sum(1 + len(part) // per_line for part in text.split("\n")))
    return 15.0 * min(lines, 20) + 2


def _validation(
    sheet: Worksheet, index: int, column: Column, language: Language, ranges: Mapping[str, str]
) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    where = f"{letter(index)}2:{letter(index)}{MAX_ROWS + 1}"
    title = column.title(language).rstrip(" *")
    help_text = in_language(language, *column.help)
    kind = column.kind
    found: DataValidation | None = None
    if kind == "enum" and column.enum is not None:
        found = DataValidation(type="list", formula1=ranges[column.enum.__name__])
    elif kind == "bool":
        found = DataValidation(type="list", formula1='"' + ",".join(labels(column, language)) + '"')
    elif kind == "date":
        first, last = (f"DATE({d.year},{d.month},{d.day})" for d in (FIRST_DAY, LAST_DAY))
        found = DataValidation(type="date", operator="between", formula1=first, formula2=last)
    elif kind == "integer" and column.low is not None and column.high is not None:
        found = DataValidation(
            type="whole", operator="between", formula1=str(column.low), formula2=str(column.high)
        )
    elif kind in ("number", "percent") and column.low is not None and column.high is not None:
        found = DataValidation(
            type="decimal", operator="between", formula1=str(column.low), formula2=str(column.high)
        )
    elif kind == "rupiah":
        found = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0")
    if found is None:
        return
    found.allow_blank = True
    found.showErrorMessage = True
    found.errorTitle = title[:32]
    found.error = in_language(language, "Isian tidak sesuai. ", "This entry does not fit. ") + (
        help_text or in_language(language, "Lihat lembar Petunjuk.", "See sheet Instructions.")
    )
    if help_text:
        found.showInputMessage = True
        found.promptTitle = title[:32]
        found.prompt = help_text[:255]
    found.add(where)
    sheet.add_data_validation(found)


def _write_lists(
    sheet: Worksheet, specs: Sequence[SheetSpec], language: Language
) -> dict[str, str]:
    from openpyxl.utils import quote_sheetname

    ranges: dict[str, str] = {}
    for spec in specs:
        for column in spec.columns:
            enum = column.enum
            if enum is None or enum.__name__ in ranges:
                continue
            index = len(ranges) + 1
            sheet.cell(row=1, column=index, value=enum.__name__)
            choices = labels(column, language)
            for number, label in enumerate(choices, start=2):
                sheet.cell(row=number, column=index, value=label).data_type = "s"
            where = letter(index)
            ranges[enum.__name__] = (
                f"{quote_sheetname(sheet.title)}!${where}$2:${where}${len(choices) + 1}"
            )
    return ranges


def _write_guide(sheet: Worksheet, specs: Sequence[SheetSpec], language: Language) -> None:
    font, fill, alignment, _ = _styles()
    sheet.title = in_language(language, "Petunjuk", "Instructions")
    widths = (16, 26, 8, 28, 44, 52)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[letter(index)].width = width
    wrapped = alignment(wrap_text=True, vertical="top")
    lines = instructions(specs, language)
    header = 1 + next(n for n, line in enumerate(lines) if line.style == "header")
    for number, line in enumerate(lines, start=1):
        for index, value in enumerate(line.cells, start=1):
            cell = sheet.cell(row=number, column=index, value=value)
            cell.data_type = "s"
            cell.alignment = wrapped
            if line.style == "title":
                cell.font = font(bold=True, size=14)
            elif line.style == "header":
                cell.font = font(bold=True, color="FFFFFF")
                cell.fill = fill(
                    start_color=_HEADER_FILL, end_color=_HEADER_FILL, fill_type="solid"
                )
            elif line.style == "sheet":
                cell.font = font(bold=True)
                cell.fill = fill(start_color=_SHEET_FILL, end_color=_SHEET_FILL, fill_type="solid")
        if line.style in ("title", "note"):  # one line across the page
            sheet.merge_cells(
                start_row=number, start_column=1, end_row=number, end_column=len(widths)
            )
            sheet.row_dimensions[number].height = _height([(line.cells[0], sum(widths))])
        elif line.style == "sheet":
            sheet.merge_cells(
                start_row=number, start_column=2, end_row=number, end_column=len(widths)
            )
        elif line.style == "column":
            sheet.row_dimensions[number].height = _height(
                list(zip(line.cells, widths, strict=False))
            )
    sheet.print_title_rows = f"{header}:{header}"  # the table's header on every page
    _printable(sheet)


# -- reading ------------------------------------------------------------------------------


def read_workbook(
    path: Path, problems: Problems
) -> Iterator[tuple[str, list[Any], Iterator[tuple[int, list[Any]]]]]:
    """Each sheet of the workbook at ``path``: its name, header and data rows.

    Checks the file's size and what it unpacks to first; a cell holding a formula is
    read as its saved result, and as :class:`Unevaluated` when it has none.
    """
    openpyxl = _openpyxl()
    name = path.name
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        problems.add(name, None, None, None, "file_too_large", limit=MAX_FILE_BYTES, value=size)
        return
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
            unpacked = sum(part.file_size for part in parts)
    except (zipfile.BadZipFile, OSError) as exc:
        problems.add(name, None, None, None, "not_a_workbook", value=type(exc).__name__)
        return
    if unpacked > MAX_UNPACKED_BYTES or len(parts) > MAX_PARTS:
        problems.add(name, None, None, None, "unpacked_too_large", limit=MAX_UNPACKED_BYTES)
        return
    try:
        values = openpyxl.load_workbook(path, read_only=True, data_only=True)
        formulas = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        problems.add(name, None, None, None, "not_a_workbook", value=type(exc).__name__)
        return
    try:
        for title in values.sheetnames:
            sheet, formula_sheet = values[title], formulas[title]
            if not hasattr(sheet, "reset_dimensions"):  # a chart sheet: no cells
                continue
            sheet.reset_dimensions()
            formula_sheet.reset_dimensions()
            rows = zip(
                sheet.iter_rows(max_col=MAX_COLUMNS),
                formula_sheet.iter_rows(max_col=MAX_COLUMNS),
                strict=False,
            )
            first = next(rows, None)
            header = [_value(pair) for pair in zip(*first, strict=False)] if first else []
            yield title, header, _data(rows)
    finally:
        values.close()
        formulas.close()


def _data(rows: Iterator[tuple[Any, Any]]) -> Iterator[tuple[int, list[Any]]]:
    for number, (cells, formula_cells) in enumerate(rows, start=2):
        yield number, [_value(pair) for pair in zip(cells, formula_cells, strict=False)]


def _value(pair: tuple[Any, Any]) -> Any:
    cell, formula_cell = pair
    value = cell.value
    if value is None and getattr(formula_cell, "data_type", None) == "f":
        return Unevaluated(str(formula_cell.value))
    if isinstance(value, int | float) and not isinstance(value, bool):
        if _shows_percent(getattr(cell, "number_format", None)):
            return Percentage(value)  # 50% typed in Excel is kept as 0.5
    if isinstance(value, date) or value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)  # an error value (#N/A) or a rich text: read as its text


def _shows_percent(number_format: str | None) -> bool:
    r"""Whether a number format shows its number times 100 with ``%`` (``0%``, ``0.0%``).

    A ``%`` the format shows as it is (``0"%"``, ``0\%``) does not scale the number.
    """
    return "%" in _FORMAT_LITERALS.sub("", number_format or "")
