"""CSV in and out: one file per sheet in a folder, with the sheets' columns.

Files are UTF-8 with a byte-order mark (so Excel reads Indonesian text rightly), comma
separated; a file separated by semicolons (as Excel saves CSV under an Indonesian
locale) is read too, and so is one in the Windows code page 1252 (what Excel's "CSV
(Comma delimited)" saves on Indonesian Windows). Text that a spreadsheet would take for
a formula (starting with ``=``, ``+``, ``-`` or ``@``) is written after a ``'``, which
the import removes.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

from kemitraan._base import Language, in_language
from kemitraan._files import AtomicBatch
from kemitraan.parties import slug
from kemitraan.spreadsheets._columns import Column, CommaDecimal, DotDecimal, SheetSpec, shown
from kemitraan.spreadsheets._guide import instructions
from kemitraan.spreadsheets._problems import Problems

__all__ = ["MAX_CSV_BYTES", "MAX_FILES", "file_name", "read_folder", "write_folder"]

#: The largest CSV file read, in bytes (10 MiB).
MAX_CSV_BYTES: Final = 10 * 1024 * 1024
#: The most CSV files a folder may hold.
MAX_FILES: Final = 50
_ESCAPED: Final = ("=", "+", "-", "@", "'", "\t")
_GUIDE: Final = ("Petunjuk", "Instructions")


def file_name(title: str) -> str:
    """The CSV file of a sheet: ``Nilai Indikator`` → ``nilai-indikator.csv``."""
    return f"{slug(title)}.csv"


def _field(column: Column, value: Any, language: Language) -> str:
    value = shown(column, value, language)
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    if column.kind in ("text", "lines", "ids") and text.startswith(_ESCAPED):
        return "'" + text
    return text


def _encoded(lines: Sequence[Sequence[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows(lines)
    return buffer.getvalue().encode("utf-8-sig")


def write_folder(
    path: str | os.PathLike[str],
    sheets: Sequence[tuple[SheetSpec, Sequence[Mapping[str, Any]]]],
    language: Language,
    known: Sequence[str] = (),
) -> Path:
    """Write ``sheets`` as CSV files in the folder ``path``, each atomically; the folder.

    The folder then holds this spreadsheet only: a file an earlier export left under
    another of the ``known`` sheet names (another part, the other language) is removed,
    so that an import does not mix the two.
    """
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    with AtomicBatch() as batch:
        guide = [line.cells for line in instructions([spec for spec, _ in sheets], language)]
        batch.write(folder / file_name(in_language(language, *_GUIDE)), _encoded(guide))
        for spec, rows in sheets:
            lines = [[column.title(language) for column in spec.columns]]
            lines += [
                [_field(column, row.get(column.key), language) for column in spec.columns]
                for row in rows
            ]
            batch.write(folder / file_name(spec.title(language)), _encoded(lines))
    written = {path.name for path in batch.paths}
    for title in (*known, *_GUIDE):
        if file_name(title) not in written:
            (folder / file_name(title)).unlink(missing_ok=True)
    return folder


_UTF8_CHARACTER: Final = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}")
"""A character written in UTF-8 (two or three bytes); 1252 text almost never holds one."""


def _decoded(data: bytes) -> str | None:
    """A CSV file's text: UTF-8 (with or without a byte-order mark), else Windows-1252.

    ``None`` when it is neither; when it is UTF-8 in part (a byte-order mark, or a
    character written in UTF-8 somewhere: a file damaged, or of two encodings, which read
    as 1252 would garble every such character unseen); or when it holds a NUL byte or a
    UTF-16 byte-order mark (text of another encoding, not a CSV Excel wrote).
    """
    if b"\x00" in data or data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        if data.startswith(codecs.BOM_UTF8) or _UTF8_CHARACTER.search(data):
            return None
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:  # a byte 1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D)
        return None


def read_folder(
    folder: Path, problems: Problems
) -> Iterator[tuple[str, list[Any] | None, Iterator[tuple[int, list[Any]]]]]:
    """Each CSV file in ``folder`` (the instructions aside): its name, header and rows.

    A file that cannot be read has its problem recorded and comes with the header ``None``
    and no rows, so that its sheet is known to be there.
    """
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".csv" and p.is_file())
    if len(files) > MAX_FILES:
        problems.add(
            folder.name, None, None, None, "too_many_files", limit=MAX_FILES, value=len(files)
        )
        return
    skipped = {file_name(title) for title in _GUIDE}
    for path in files:
        if path.name.lower() in skipped:
            continue
        size = path.stat().st_size
        if size > MAX_CSV_BYTES:
            problems.add(
                path.name, None, None, None, "file_too_large", limit=MAX_CSV_BYTES, value=size
            )
            yield path.name, None, iter(())
            continue
        text = _decoded(path.read_bytes())
        if text is None:
            problems.add(path.name, None, None, None, "unknown_encoding")
            yield path.name, None, iter(())
            continue
        first = text.split("\n", 1)[0]
        delimiter = ";" if first.count(";") > first.count(",") else ","
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        try:
            lines = [(number, _marked(row, delimiter)) for number, row in enumerate(reader, 1)]
        except csv.Error:  # a field longer than the csv module reads (its own text is English)
            problems.add(path.name, None, None, None, "not_csv")
            yield path.name, None, iter(())
            continue
        header = lines[0][1] if lines else []
        yield path.name, header, iter(lines[1:])


def _marked(row: list[str], delimiter: str) -> list[str]:
    """``row``, each field holding a dot or a comma marked with the file's decimal mark.

    A file separated by ``;`` is what Excel writes where the comma is the decimal mark
    (``1.700`` is 1700); one separated by ``,``, where the dot is (``1.700`` is 1,7).
    """
    kind = CommaDecimal if delimiter == ";" else DotDecimal
    return [kind(field) if "." in field or "," in field else field for field in row]
