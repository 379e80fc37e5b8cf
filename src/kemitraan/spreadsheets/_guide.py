"""The instructions that go with a spreadsheet: the rules of filling it, and every column.

One list of lines serves the workbook's instructions sheet and the CSV folder's
``petunjuk.csv``: both are made from the columns' own declarations.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Literal

from kemitraan._base import Language, in_language
from kemitraan.spreadsheets._columns import SheetSpec, kind_help, labels

__all__ = ["Line", "instructions"]

_NOTES: Final = (
    (
        "Isi satu baris per data, mulai baris 2; jangan ubah baris judul. Kolom bertanda * "
        "wajib diisi; kolom lain boleh dikosongkan atau dihapus.",
        "Fill one row per entry from row 2 on; do not change the header row. Columns marked * "
        "must be filled; the others may stay empty or be deleted.",
    ),
    (
        "Pilihan diambil dari daftar (huruf besar atau kecil tidak berpengaruh); beberapa "
        "pilihan atau ID dalam satu sel dipisah titik koma (;). Daftar teks: satu isian per "
        "baris dalam sel (Alt+Enter).",
        "Choices come from the list (upper or lower case alike); several choices or ids in "
        "one cell are separated by semicolons (;). Lists of text: one entry per line in the "
        "cell (Alt+Enter).",
    ),
    (
        "Tanggal ditulis sebagai tanggal (HH/BB/TTTT); uang dalam rupiah sebagai angka. Rumus "
        "tidak dihitung saat impor: yang dibaca adalah hasil yang terakhir disimpan.",
        "Dates as dates (DD/MM/YYYY); money in rupiah as numbers. Formulas are not computed "
        "on import: the result last saved is read.",
    ),
    (
        "Saat impor, setiap masalah disebut dengan lembar, baris dan kolomnya (mis. Mitra!C7); "
        "tidak ada data yang diimpor selama masih ada masalah.",
        "On import every problem is named by its sheet, row and column (e.g. Candidates!C7); "
        "nothing is imported while any problem remains.",
    ),
)

_HEADER: Final = (
    ("Lembar", "Sheet"),
    ("Kolom", "Column"),
    ("Wajib", "Required"),
    ("Isian", "Entry"),
    ("Pilihan", "Choices"),
    ("Penjelasan", "Explanation"),
)


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the instructions: its cells and how it is shown."""

    cells: tuple[str, ...]
    style: Literal["title", "note", "blank", "header", "sheet", "column"]


def instructions(specs: Sequence[SheetSpec], language: Language) -> list[Line]:
    """The instructions for ``specs``, in ``language``."""
    yes, no = in_language(language, "Ya", "Yes"), in_language(language, "Tidak", "No")
    lines = [Line((in_language(language, "Petunjuk pengisian", "How to fill in"),), "title")]
    lines += [Line((in_language(language, *note),), "note") for note in _NOTES]
    lines.append(Line(("",), "blank"))
    lines.append(Line(tuple(in_language(language, *words) for words in _HEADER), "header"))
    for spec in specs:
        lines.append(Line((spec.title(language), in_language(language, *spec.about)), "sheet"))
        for column in spec.columns:
            lines.append(
                Line(
                    (
                        spec.title(language),
                        column.title(language).rstrip(" *"),
                        yes if column.required else no,
                        kind_help(column, language),
                        "; ".join(labels(column, language)),
                        in_language(language, *column.help),
                    ),
                    "column",
                )
            )
    return lines
