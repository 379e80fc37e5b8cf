"""JSON Lines in and out of the store: lines read in bounded memory, documents as stored."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from kemitraan._catalog import N_
from kemitraan._error_texts import data_problem
from kemitraan.exceptions import DocumentNotFoundError, InvalidDataError


def lines(path: str | Path, limit: int) -> Iterator[tuple[int, bytes]]:
    """Each non-blank line of the file with its number; a line over ``limit`` bytes is refused.

    A line is read ``limit + 2`` bytes at most (its end of line included): a longer one is
    refused as soon as that much is read, and no more of it is (a 1 GB line costs about
    ``limit`` bytes of memory, not 1 GB).

    Raises:
        InvalidDataError: a line is longer than ``limit`` bytes (its number is named).
    """
    try:
        file = Path(path).open("rb")
    except FileNotFoundError:
        raise DocumentNotFoundError(str(path)) from None
    with file:
        yield from _numbered(file, limit)


def _numbered(file: BinaryIO, limit: int) -> Iterator[tuple[int, bytes]]:
    number = 0
    while line := file.readline(limit + 2):
        number += 1
        if len(line.rstrip(b"\r\n")) > limit:
            message = N_(
                "is longer than {limit} bytes (kemitraan.store.MAX_LINE_BYTES): one "
                "partnership's JSON is never that long"
            )
            error = data_problem((f"line {number}",), "line_too_long", message, limit=limit)
            raise InvalidDataError("Partnership", [error])
        if line.strip():
            yield number, line


def exported(pid: str, document: object) -> str:
    """A stored document as one line of an export, or refused naming its row.

    A document the store wrote is one line already and is written as it is (parsing
    100,000 of them would cost more than the export); one with line breaks is parsed and
    written on one line. Neither is validated here: :meth:`~kemitraan.store.Store.load`
    and the import validate.

    Raises:
        InvalidDataError: the row does not hold a JSON object.
    """
    if isinstance(document, str) and document.startswith("{") and document.endswith("}"):
        if "\n" not in document and "\r" not in document:
            return document
        try:
            return json.dumps(json.loads(document), ensure_ascii=False)
        except ValueError:
            pass
    message = N_("the row of partnership {id} does not hold a JSON object")
    raise InvalidDataError(
        "Partnership", [data_problem((pid,), "store_not_json", message, id=repr(pid))]
    )
