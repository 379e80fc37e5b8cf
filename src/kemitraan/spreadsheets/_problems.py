"""What can be wrong in a spreadsheet, where, and how to say it in Indonesian and English.

Every problem names its sheet (or CSV file), row and column Excel-style (``Mitra!C7``)
and its rule (a stable code); its text is Indonesian, English on request. The texts
live in one table (:data:`MESSAGES`) so that a translator reads them in one place.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from kemitraan._base import Language, in_language
from kemitraan._catalog import current_language

__all__ = ["MESSAGES", "CellProblem", "Problems", "pydantic_texts"]

# rule -> (Indonesian, English); placeholders are filled from the problem's context.
MESSAGES: Final[dict[str, tuple[str, str]]] = {
    # reading a cell
    "not_text": ("harus berupa teks", "must be text"),
    "not_date": (
        "'{value}' bukan tanggal; tulis tanggal Excel atau HH/BB/TTTT (mis. 10/03/2025)",
        "'{value}' is not a date; enter an Excel date or DD/MM/YYYY (e.g. 10/03/2025)",
    ),
    "date_with_time": (
        "berisi jam ({value}); kolom ini hanya memuat tanggal",
        "holds a time ({value}); this column holds a date only",
    ),
    "not_number": ("'{value}' bukan angka", "'{value}' is not a number"),
    "ambiguous_number": (
        "'{value}' dapat dibaca dua cara (ribuan atau pecahan desimal); tulis tanpa pemisah "
        "ribuan, mis. 1700 atau 1,7",
        "'{value}' can be read two ways (thousands or a decimal fraction); write it without a "
        "thousands separator, e.g. 1700 or 1.7",
    ),
    "not_whole_number": ("'{value}' bukan bilangan bulat", "'{value}' is not a whole number"),
    "too_precise": (
        "{value} memuat lebih dari 15 angka penting, yang tidak dapat disimpan Excel",
        "{value} has more than 15 significant digits, which Excel cannot hold",
    ),
    "not_choice": (
        "'{value}' bukan pilihan yang dikenal; pilih salah satu: {choices}",
        "'{value}' is not a known choice; pick one of: {choices}",
    ),
    "not_yes_no": ("'{value}' bukan Ya atau Tidak", "'{value}' is not Yes or No"),
    "formula_without_value": (
        "berisi rumus ({formula}) tanpa hasil tersimpan; rumus tidak dihitung saat impor, "
        "jadi simpan berkas di Excel atau LibreOffice, atau ketik nilainya",
        "holds a formula ({formula}) without a saved result; formulas are not computed on "
        "import, so save the file in Excel or LibreOffice, or type the value",
    ),
    "cell_too_long": (
        "lebih dari {limit} karakter, batas satu sel Excel",
        "longer than {limit} characters, the limit of an Excel cell",
    ),
    # the shape of a sheet
    "unknown_sheet": (
        "lembar '{value}' tidak dikenal; lembar yang dikenal: {known}",
        "sheet '{value}' is not known; known sheets: {known}",
    ),
    "missing_sheet": (
        "lembar '{value}' tidak ada",
        "sheet '{value}' is missing",
    ),
    "missing_column": (
        "kolom '{value}' wajib ada di baris judul",
        "column '{value}' must be in the header row",
    ),
    "unknown_column": (
        "judul kolom '{value}' tidak dikenal; kolom yang dikenal: {known}",
        "column header '{value}' is not known; known columns: {known}",
    ),
    "duplicate_column": (
        "kolom '{value}' muncul dua kali",
        "column '{value}' appears twice",
    ),
    "same_column": (
        "kolom '{value}' terbaca sebagai kolom yang sama dengan '{first}' ({at}); hapus salah satu",
        "column '{value}' reads as the same column as '{first}' ({at}); delete one of them",
    ),
    "value_without_header": (
        "berisi nilai di kolom tanpa judul",
        "holds a value in a column without a header",
    ),
    "too_many_rows": (
        "lembar memuat lebih dari {limit} baris data",
        "the sheet holds more than {limit} data rows",
    ),
    "one_row_only": (
        "lembar ini hanya memuat satu baris data",
        "this sheet holds one data row only",
    ),
    "rows_without_plan": (
        "ada baris di lembar {value}, tetapi lembar rencana kosong",
        "sheet {value} has rows, but the plan sheet is empty",
    ),
    # the file as a whole
    "file_too_large": (
        "berkas lebih dari {limit} bita ({value} bita)",
        "the file is larger than {limit} bytes ({value} bytes)",
    ),
    "too_many_files": (
        "folder memuat lebih dari {limit} berkas CSV ({value})",
        "the folder holds more than {limit} CSV files ({value})",
    ),
    "unpacked_too_large": (
        "isi berkas yang dibuka lebih dari {limit} bita",
        "the file's unpacked content is larger than {limit} bytes",
    ),
    "not_a_workbook": (
        "bukan buku kerja Excel .xlsx yang dapat dibaca ({value})",
        "not a readable Excel .xlsx workbook ({value})",
    ),
    "not_csv": (
        "bukan berkas CSV yang dapat dibaca",
        "not a readable CSV file",
    ),
    "unknown_encoding": (
        "bukan teks UTF-8 atau ANSI (Windows-1252); simpan ulang berkas sebagai CSV UTF-8",
        "is not UTF-8 or ANSI (Windows-1252) text; save the file again as CSV UTF-8",
    ),
    "nothing_to_read": (
        "tidak memuat lembar {value}",
        "holds no {value} sheets",
    ),
    # links between rows
    "duplicate_key": (
        "'{value}' sudah dipakai di baris {other}",
        "'{value}' is already used in row {other}",
    ),
    "unknown_reference": (
        "'{value}' tidak ada di lembar {target}",
        "'{value}' is not in sheet {target}",
    ),
    "no_targets": (
        "indikator '{value}' belum punya target; isi sekurang-kurangnya satu di lembar {target}",
        "indicator '{value}' has no target; enter at least one in sheet {target}",
    ),
}

# pydantic's own rules, for the fields kemitraan validates with them.
_PYDANTIC: Final[dict[str, tuple[str, str]]] = {
    "missing": ("wajib diisi", "is required"),
    "string_too_short": ("wajib diisi", "is required"),
    "string_too_long": (
        "terlalu panjang (paling banyak {max_length} karakter)",
        "is too long (at most {max_length} characters)",
    ),
    "string_pattern_mismatch": (
        "hanya huruf kecil, angka, dan tanda - atau _ di antaranya (mis. kube-rajut)",
        "only lowercase letters, digits, and - or _ between them (e.g. kube-rajut)",
    ),
    "greater_than_equal": ("paling kecil {ge}", "must be at least {ge}"),
    "greater_than": ("harus lebih dari {gt}", "must be more than {gt}"),
    "less_than_equal": ("paling besar {le}", "must be at most {le}"),
    "less_than": ("harus kurang dari {lt}", "must be less than {lt}"),
    "decimal_max_places": (
        "paling banyak {decimal_places} angka di belakang koma",
        "at most {decimal_places} digits after the decimal point",
    ),
    "too_short": (
        "perlu sekurang-kurangnya {min_length} isian",
        "needs at least {min_length} entries",
    ),
    "end_before_start": (
        "tanggal selesai {end} sebelum tanggal mulai {start}",
        "the end {end} is before the start {start}",
    ),
    "unknown_province": (
        "'{value}' bukan salah satu dari 38 provinsi Indonesia",
        "'{value}' is not one of Indonesia's 38 provinces",
    ),
    "contact_unreachable": (
        "kontak perlu nomor telepon atau alamat e-mail",
        "a contact needs a phone number or an e-mail address",
    ),
    "scale_evidence_missing": (
        "isi modal usaha atau penjualan tahunan (PP 7/2021 Pasal 35)",
        "give the working capital or the annual sales (PP 7/2021 Pasal 35)",
    ),
    "target_out_of_order": (
        "target menyusul nilai awal dan target sebelumnya ({by} tidak sesudah {previous})",
        "targets follow the baseline and each other ({by} is not after {previous})",
    ),
    "day_out_of_range": (
        "{day} di luar rentang tanggal yang disimpan ({first} s.d. {last})",
        "{day} is outside the days kept ({first} to {last})",
    ),
}


@dataclass(frozen=True, slots=True)
class CellProblem:
    """One problem in a spreadsheet: where it is, the rule it breaks, and what to do.

    >>> problem = CellProblem("Mitra", 7, "C", "Jenis mitra", "not_choice",
    ...                       ("'toko' bukan pilihan", "'toko' is not a choice"))
    >>> problem.where, problem.message()
    ('Mitra!C7', "Mitra!C7 (Jenis mitra): 'toko' bukan pilihan")
    """

    sheet: str
    """The sheet's name in the workbook, or the CSV file's name."""
    row: int | None
    """The row, as a spreadsheet numbers it (the header is row 1); ``None`` for a whole sheet."""
    column: str | None
    """The column's letter (``"C"``); ``None`` for a whole row or sheet."""
    header: str | None
    """The column's header, when the problem is in a column."""
    rule: str
    """The rule broken: a stable code (``not_date``, ``missing``, ``unknown_reference``, …)."""
    texts: tuple[str, str] = field(repr=False)
    """What is wrong, in Indonesian and in English."""

    @property
    def where(self) -> str:
        """``Mitra!C7``; ``Mitra!7:7`` for a whole row; ``Mitra`` for the whole sheet."""
        if self.row is None:
            return self.sheet
        if self.column is None:
            return f"{self.sheet}!{self.row}:{self.row}"
        return f"{self.sheet}!{self.column}{self.row}"

    def message(self, language: Language | None = None) -> str:
        """Where, which column, and what is wrong, in ``"id"`` or ``"en"``.

        In the language in force (:mod:`kemitraan.messages`) when ``language`` is ``None``.
        """
        text = in_language(language or current_language(), *self.texts)
        header = f" ({self.header})" if self.header else ""
        return f"{self.where}{header}: {text}"


def _fill(template: str, context: Mapping[str, Any]) -> str:
    try:
        return template.format(**context)
    except (KeyError, IndexError, ValueError):  # a context without the placeholder
        return template


def texts(rule: str, **context: Any) -> tuple[str, str]:
    """The Indonesian and English text of ``rule``, filled from ``context``."""
    indonesian, english = MESSAGES[rule]
    return _fill(indonesian, context), _fill(english, context)


def pydantic_texts(error: Mapping[str, Any]) -> tuple[str, str]:
    """The Indonesian and English text of one of pydantic's errors.

    Rules kemitraan's catalogues do not word yet keep pydantic's (English) message in both.
    """
    context = dict(error.get("ctx") or {})
    if "value" not in context:
        context["value"] = error.get("input")
    found = _PYDANTIC.get(str(error.get("type")))
    if found is None:
        message = str(error.get("msg", ""))
        return message, message
    return _fill(found[0], context), _fill(found[1], context)


@dataclass(slots=True)
class Problems:
    """The problems found so far while reading one spreadsheet."""

    found: list[CellProblem] = field(default_factory=list)

    def add(
        self,
        sheet: str,
        row: int | None,
        column: str | None,
        header: str | None,
        rule: str,
        message: tuple[str, str] | None = None,
        **context: Any,
    ) -> None:
        """Record a problem; its text is ``message``, else the rule's own, from ``context``."""
        self.found.append(
            CellProblem(sheet, row, column, header, rule, message or texts(rule, **context))
        )

    def __bool__(self) -> bool:
        return bool(self.found)
