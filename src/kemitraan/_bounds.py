"""What every model accepts, and the errors that say so: one rule for text, days and instants.

Below :mod:`kemitraan._base`, which applies these rules to every text, day and instant field of
every model (:func:`bounded` on each model's core schema), and re-exports them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any, Final, cast

from pydantic_core import CoreSchema, PydanticCustomError, core_schema

from kemitraan._catalog import say
from kemitraan._given import loading
from kemitraan._typed import AmbiguousNumber, NotDay, NotNumber, read_day, read_number

__all__ = [
    "FIRST_DAY",
    "LAST_DAY",
    "bounded",
    "clip",
    "clipped",
    "custom_error",
    "day_rule",
    "instant_rule",
    "text_rule",
]


def clip(text: str, limit: int = 60) -> str:
    """Text quoted in an error, cut to ``limit`` characters so huge input gives a short error.

    >>> clip("x" * 100, 10)
    'xxxxxxxxxx… (100 characters)'
    """
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text)} characters)"


def clipped(context: dict[str, Any]) -> dict[str, Any] | None:
    return {k: clip(v) if isinstance(v, str) else v for k, v in context.items()} or None


def custom_error(code: str, message: str, /, **context: Any) -> PydanticCustomError:
    """A pydantic error with a stable ``code`` (the rule) and a formatted message.

    ``message`` is an English message id, said in the language in force
    (:mod:`kemitraan.messages`). Text in ``context`` is quoted at most 60 characters long.
    """
    return PydanticCustomError(code, say(message), clipped(context))


# -- what every model accepts: text every store takes, days and instants the stack holds ---

FIRST_DAY: Final = date(1900, 1, 1)
"""The first day a model accepts (see :data:`LAST_DAY`)."""
LAST_DAY: Final = date(2200, 12, 31)
"""The last day a model accepts.

Every day and instant the models hold lies in the years 1900 to 2200, the range the
library already keeps for years (a party's figures, an authority's year) and for the
touchpoint planner (its holiday calendar). Every date computed from a stored one stays
far inside what Python, SQLite, PostgreSQL, pandas and pyarrow hold: a renewal due 732
days before a term ends, an extension by years. A year-1 term used to load and then
break the store and the portfolio (``OverflowError`` computing its renewal date 90 days
before year 1).
"""
_FIRST_INSTANT: Final = datetime(1900, 1, 1, tzinfo=UTC)
_AFTER_LAST_INSTANT: Final = datetime(2201, 1, 1, tzinfo=UTC)


def text_rule(value: str) -> str:
    """``value``, if every database and Parquet file can store it; else a pydantic error.

    Refused: the null character (PostgreSQL refuses it in text, C libraries cut text at
    it) and lone surrogates (not Unicode: UTF-8, which SQLite, PostgreSQL and pyarrow
    write, has no bytes for them). Every text field of every model is held to it.

    Raises:
        PydanticCustomError: ``null_character`` or ``lone_surrogate``, with the position.
    """
    at = value.find("\x00")
    if at >= 0:
        raise custom_error(
            "null_character",
            "text must not hold the null character (U+0000), which databases do not store; "
            "found at position {position}",
            position=at,
        )
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise custom_error(
                "lone_surrogate",
                "text must be Unicode: it holds a lone surrogate (U+{code}) at position "
                "{position}, which UTF-8 cannot write",
                code=f"{ord(value[exc.start]):04X}",
                position=exc.start,
            ) from None
    return value


def day_rule(value: date) -> date:
    """``value``, if it lies between :data:`FIRST_DAY` and :data:`LAST_DAY`; else an error.

    Raises:
        PydanticCustomError: ``day_out_of_range``.
    """
    if not FIRST_DAY <= value <= LAST_DAY:
        raise custom_error(
            "day_out_of_range",
            "{day} is outside the days kemitraan keeps ({first} to {last})",
            day=value.isoformat(),
            first=FIRST_DAY.isoformat(),
            last=LAST_DAY.isoformat(),
        )
    return value


def instant_rule(value: datetime) -> datetime:
    """``value``, if it falls within the days :data:`FIRST_DAY` to :data:`LAST_DAY` in UTC.

    An aware instant is judged by its UTC value (``0001-01-01T00:30:00+01:00`` is in year
    0, which Python cannot even convert to UTC); a naive one by its own digits.

    Raises:
        PydanticCustomError: ``instant_out_of_range``.
    """
    aware = value.utcoffset() is not None
    first = _FIRST_INSTANT if aware else _FIRST_INSTANT.replace(tzinfo=None)
    after = _AFTER_LAST_INSTANT if aware else _AFTER_LAST_INSTANT.replace(tzinfo=None)
    if not first <= value < after:  # comparing aware instants never converts them
        raise custom_error(
            "instant_out_of_range",
            "{instant} is outside the times kemitraan keeps ({first} to {last}, in UTC)",
            instant=value.isoformat(),
            first=FIRST_DAY.isoformat(),
            last=LAST_DAY.isoformat(),
        )
    return value


def _text_before(value: Any) -> Any:
    # before the string's own validation, so its error is this rule's, not pydantic's
    # "unable to parse raw data as a unicode string" for a surrogate; plain ASCII text
    # (most of it) passes with two checks in C
    if isinstance(value, str) and not (value.isascii() and "\x00" not in value):
        return text_rule(value)
    return value


def _typed(value: Any, info: core_schema.ValidationInfo) -> bool:
    """Whether ``value`` is text a person typed in code, read as a spreadsheet's cell is.

    A load (whose texts this library wrote) and JSON are read as written.
    """
    return isinstance(value, str) and info.mode == "python" and not loading()


def _number_before(value: Any, info: core_schema.ValidationInfo) -> Any:
    # "Rp 1.500.000", "12,5", "3,5 juta" are read; "1.500" (1500 to an Indonesian reader,
    # 1.5 to Python) is refused as a spreadsheet's cell is
    try:
        return read_number(value) if _typed(value, info) else value
    except AmbiguousNumber:
        raise custom_error(
            "ambiguous_number",
            "'{value}' can be read two ways (thousands or a decimal fraction); write it "
            "without a thousands separator, e.g. 1500 or 1.5",
            value=value.strip(),
        ) from None
    except NotNumber:
        return value  # refused by the field's own validation, in its words


def _day_before(value: Any, info: core_schema.ValidationInfo) -> Any:
    # "10/03/2025" (the day first), "2025/03/10", "3 Maret 2025" are read
    try:
        return read_day(value) if _typed(value, info) else value
    except NotDay:
        return value  # refused by the field's own validation, in its words


_BOUNDED: Final[dict[str, Callable[[CoreSchema], CoreSchema]]] = {
    "str": lambda schema: core_schema.no_info_before_validator_function(_text_before, schema),
    "decimal": lambda schema: core_schema.with_info_before_validator_function(
        _number_before, schema
    ),
    "date": lambda schema: core_schema.no_info_after_validator_function(
        day_rule, core_schema.with_info_before_validator_function(_day_before, schema)
    ),
    "datetime": lambda schema: core_schema.no_info_after_validator_function(instant_rule, schema),
}
_RULES: Final = frozenset({_text_before, _number_before, _day_before, day_rule, instant_rule})
# Keys of a core schema that hold no schema to bound (values, serialisation, references).
_NOT_VALIDATED: Final = frozenset({"serialization", "metadata", "default", "expected", "ref"})


def bounded(node: Any) -> Any:
    """``node``, a core schema or part of one, with its texts, days and instants bounded.

    The models it names are left as they are: each bounds its own (its own hook).
    """
    if isinstance(node, list):
        for index, item in enumerate(node):
            node[index] = bounded(item)
        return node
    if not isinstance(node, dict):
        return node
    kind = node.get("type")
    if isinstance(kind, str):
        if kind in _BOUNDED:
            return _BOUNDED[kind](cast("CoreSchema", node))
        if kind == "definition-ref" or (
            kind in ("function-before", "function-after")
            and node.get("function", {}).get("function") in _RULES
        ):
            return node  # another model's, or bounded already
    for key, value in node.items():
        if key not in _NOT_VALIDATED and isinstance(value, dict | list):
            node[key] = bounded(value)
    return node
