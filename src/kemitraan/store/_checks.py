"""What the store checks before a database sees a value, and as it reads one back.

Arguments are refused with :class:`~kemitraan.exceptions.InvalidArgumentError` naming the
argument and its range, before any SQL runs: an integer beyond what the database holds, text
with a NUL (PostgreSQL stores none) or with a lone surrogate (UTF-8 cannot write one). Numbers
read back from a row are taken only as the integers the store wrote, never converted from text
or a fraction.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any, Final

from kemitraan._catalog import N_, words
from kemitraan._error_texts import data_problem
from kemitraan._types import day_argument
from kemitraan.exceptions import InvalidArgumentError, InvalidDataError

#: The largest value of the store's integer columns (PostgreSQL's ``integer``).
MAX_INTEGER: Final = 2**31 - 1
#: The largest ``limit`` and ``offset`` (SQLite's integers and PostgreSQL's ``bigint``).
MAX_BIGINT: Final = 2**63 - 1


def whole_number(name: str, value: object, least: int, most: int) -> int:
    """``value`` as a whole number from ``least`` to ``most``, or refused naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, int) or not least <= value <= most:
        raise InvalidArgumentError.saying(
            "{argument} must be a whole number from {least} to {most}, not {value}",
            argument=name,
            least=least,
            most=most,
            value=_short(value),
        )
    return value


def day_value(value: object, name: str) -> date:
    """``value`` as a day a model keeps, or refused naming ``name``."""
    if not isinstance(value, date) or isinstance(value, datetime):
        raise InvalidArgumentError.saying(
            "{argument} must be a date, not {value}", argument=name, value=repr(value)
        )
    return day_argument(value, name)  # within the days a model keeps


def storable(text: str) -> bool:
    """Whether every database the store runs on keeps ``text`` as it is."""
    if "\x00" in text:
        return False
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return False
    return True


def check_texts(**values: object) -> None:
    """Refuse a text argument the databases cannot hold (``None`` passes: not given)."""
    for name, value in values.items():
        if value is not None and (not isinstance(value, str) or not storable(value)):
            raise InvalidArgumentError.saying(
                "{argument} must be text without NUL characters or lone surrogates, not {value}",
                argument=name,
                value=_short(value),
            )


def check_columns(pid: str, columns: Mapping[str, Any]) -> None:
    """Refuse a partnership whose id or query columns a database would not store as they are.

    :meth:`~kemitraan.store.Store.save` and :meth:`~kemitraan.store.Store.import_jsonl` both
    run it, so what one refuses the other does.
    """
    for name, value in (("id", pid), *columns.items()):
        if isinstance(value, str) and not storable(value):
            raise InvalidArgumentError.saying(
                "the partnership's {field} holds a NUL character or a lone surrogate, "
                "which the database cannot store",
                field=name,
            )
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_INTEGER:
            raise InvalidArgumentError.saying(
                "the partnership's {field} is {value}, beyond what the database stores "
                "(up to {most})",
                field=name,
                value=value,
                most=MAX_INTEGER,
            )


def stored_int(pid: str, column: str, value: object) -> int:
    """A number read from the row of ``pid``: an integer as the store wrote it, or refused."""
    if type(value) is not int:
        message = N_(
            "the row of partnership {id} holds {value} in {column}, not the whole number "
            "the store writes"
        )
        error = data_problem(
            (column,), "store_mismatch", message, id=repr(pid), value=_short(value), column=column
        )
        raise InvalidDataError("Partnership", [error])
    return value


def _short(value: object) -> str:
    shown = repr(value)
    return shown if len(shown) <= 80 else f"{shown[:80]}… ({len(shown)} characters)"


def shown_id(value: object) -> str:
    """An id as an error may quote it: a lone surrogate escaped, a long one cut."""
    shown = (
        value.encode("utf-8", "backslashreplace").decode()
        if isinstance(value, str)
        else repr(value)
    )
    return shown if len(shown) <= 80 else f"{shown[:80]}…"


def disagreement(pid: str, what: str) -> InvalidDataError:
    """The stored document of ``pid`` disagrees with ``what`` (a message id)."""
    message = N_("the document stored for partnership {id} disagrees with {what}")
    error = data_problem((), "store_mismatch", message, id=repr(pid), what=words(what))
    return InvalidDataError("Partnership", [error])
