"""The columns of a spreadsheet: what each holds, and how a cell becomes a value and back.

A :class:`Column` declares one column once — its header and help in both languages, its
kind of value, the enum it chooses from, where its value goes in the model — and the
template, the import, the export and the instructions all read that declaration.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any, Final, Literal

from kemitraan._base import LabelledEnum, Language, in_language
from kemitraan._typed import AmbiguousNumber, NotDay, NotNumber, plain_key, read_day, read_number
from kemitraan.exceptions import InvalidDeclarationError

__all__ = [
    "Column",
    "CommaDecimal",
    "DotDecimal",
    "Percentage",
    "Refused",
    "SheetSpec",
    "parse_value",
    "significant_digits",
]

Kind = Literal[
    "text",
    "lines",
    "ids",
    "enum",
    "enums",
    "date",
    "rupiah",
    "number",
    "percent",
    "integer",
    "bool",
]

#: The most characters an Excel cell holds.
CELL_LIMIT: Final = 32_767
#: The most significant digits a number keeps in Excel (a double holds 15 exactly).
EXCEL_DIGITS: Final = 15
#: What separates the items of a list of ids or choices in one cell.
ITEM_SEPARATOR: Final = ";"

_YES: Final = frozenset({"ya", "y", "yes", "true", "benar", "1"})
_NO: Final = frozenset({"tidak", "t", "no", "n", "false", "salah", "0"})
_LINE_BREAK: Final = re.compile(r"\r\n|\n|\r")
# A number as a CSV's decimal mark says it (CommaDecimal, DotDecimal): thousands grouped once
# (``1.700``, ``1,700``) are 1700 to one Excel and 1,7 to another. Anywhere else a number is
# read as a person types it (kemitraan._typed: ``12,5``, ``1.700.000``, ``3,5 juta``), and
# a group alone in a workbook's text cell, where nothing says which, is refused.
_ID_NUMBER: Final = re.compile(r"^-?(?:[1-9]\d{0,2}(?:\.\d{3})+|\d+)(?:,\d+)?$")
_EN_NUMBER: Final = re.compile(r"^-?(?:[1-9]\d{0,2}(?:,\d{3})+|\d+)(?:\.\d+)?$")


class CommaDecimal(str):
    """A field of a CSV that writes decimals with a comma.

    Excel under an Indonesian locale writes such a file with ``;`` between fields: there
    ``1.700`` is 1700 and ``1,700`` is 1,7.
    """

    __slots__ = ()


class DotDecimal(str):
    """A field of a CSV separated by commas: written where the dot is the decimal mark.

    There ``1.700`` is 1,7 and ``"1,700"`` (quoted, to hold its comma) is 1700, as English
    Excel and kemitraan's own export write them.
    """

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class Percentage:
    """A number a cell shows as a percentage: Excel keeps ``50%`` as ``0.5``, its ``stored``."""

    stored: int | float


class Refused(ValueError):
    """A cell's content is not a value of its column (raised inside the reader)."""

    def __init__(self, rule: str, **context: Any) -> None:
        self.rule = rule
        self.context = context
        super().__init__(rule)


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its header, what it holds, and where its value goes in the model."""

    key: str
    """Its name in a row (the field's path joined by dots, or a link's name)."""
    header: tuple[str, str]
    """The header, Indonesian and English."""
    help: tuple[str, str]
    """What to write in it, Indonesian and English (the instructions sheet)."""
    kind: Kind = "text"
    """The kind of value."""
    enum: type[LabelledEnum] | None = None
    """The enum chosen from, for ``enum`` and ``enums``."""
    required: bool = False
    """Whether every row must fill it."""
    width: int = 18
    """Its width in the workbook, in characters."""
    path: tuple[str, ...] | None = None
    """Where its value goes in the row's model; ``None`` for a link to another sheet."""
    low: int | None = None
    """The smallest value (whole numbers, percentages)."""
    high: int | None = None
    """The largest value (whole numbers, percentages)."""
    aliases: tuple[tuple[str, str], ...] = ()
    """Other names a person types for a choice, each with the choice's value (``L``, the
    Dapodik code, for ``male``)."""
    titles: tuple[str, ...] = ()
    """Other headers a sheet of one's own gives the column (``Nama Lengkap``, ``No. HP``):
    read as the column, never written."""

    def read_as(self) -> tuple[str, ...]:
        """Every header read as this column, folded as :func:`plain_key` folds them."""
        return tuple(plain_key(title) for title in (*self.header, *self.titles))

    def title(self, language: Language) -> str:
        """The header as the workbook shows it: a required column's ends with ``*``."""
        return in_language(language, *self.header) + (" *" if self.required else "")

    @property
    def multiline(self) -> bool:
        """Whether its cells wrap (lists, long text)."""
        return self.kind in ("lines", "ids", "enums") or self.width >= 30


@dataclass(frozen=True, slots=True)
class SheetSpec:
    """One sheet (or CSV file) of a part: its name, columns and how it links to others."""

    key: str
    """Its stable name in code."""
    name: tuple[str, str]
    """Its name, Indonesian and English (at most 31 characters: Excel's limit)."""
    columns: tuple[Column, ...]
    """Its columns, in order."""
    about: tuple[str, str]
    """What one row of it is, Indonesian and English."""
    frozen_columns: int = 1
    """How many columns stay in view when scrolling right."""

    def __post_init__(self) -> None:
        keys = [column.key for column in self.columns]
        if len(set(keys)) != len(keys) or any(len(name) > 31 for name in self.name):
            raise InvalidDeclarationError.saying(
                "sheet {sheet}: a column twice or a name longer than 31 characters",
                sheet=self.key,
            )
        read: dict[str, str] = {}
        for column in self.columns:
            for title in set(column.read_as()):
                if read.setdefault(title, column.key) != column.key:
                    raise InvalidDeclarationError.saying(
                        "sheet {sheet}: the header {title} is read as two columns",
                        sheet=self.key,
                        title=repr(title),
                    )

    def title(self, language: Language) -> str:
        """The sheet's name in ``language``."""
        return in_language(language, *self.name)

    def column(self, key: str) -> Column:
        """The column named ``key``."""
        return next(column for column in self.columns if column.key == key)


@cache
def choices(enum: type[LabelledEnum]) -> dict[str, LabelledEnum]:
    """Every way to name a member of ``enum``, folded.

    Its value, its labels, and the parts of a label that name it alone ("Lembaga
    pemerintah" and "dinas terkait" of "Lembaga pemerintah (dinas terkait, unit pelaksana
    teknis)", "Koperasi" and "KUD" of "Koperasi/KUD").
    """
    found: dict[str, LabelledEnum] = {}
    parts: dict[str, set[LabelledEnum]] = {}
    for member in enum:
        for name in (member.value, member.label_id, member.label_en):
            if ITEM_SEPARATOR in name:
                raise InvalidDeclarationError.saying(
                    "{enum}: {name} holds a separator", enum=enum.__name__, name=repr(name)
                )
            found.setdefault(fold(name), member)
            for part in _label_parts(name):
                parts.setdefault(fold(part), set()).add(member)
    for part, members in parts.items():
        if len(members) == 1 and part not in found:  # a part two members share names neither
            found[part] = next(iter(members))
    return found


def _label_parts(label: str) -> list[str]:
    head, _, rest = label.partition("(")
    pieces = [head, *rest.rstrip(")").split(",")] if rest else [head]
    return [
        part.strip()
        for piece in pieces
        for slashed in piece.split("/")
        for part in re.split(r"\s(?:dan|atau|and|or)\s", slashed)
        if part.strip()
    ]


def fold(text: str) -> str:
    """Text as choices and headers compare it: case and spacing aside."""
    return " ".join(text.casefold().split())


def _text(raw: Any) -> str:
    if isinstance(raw, str):
        return str(raw)  # a plain str, whatever the reader marked it as
    if isinstance(raw, bool):
        raise Refused("not_text")
    if isinstance(raw, int):
        return str(raw)
    if isinstance(raw, float | Decimal):  # an id or number typed into a text column
        number = Decimal(repr(raw)) if isinstance(raw, float) else raw
        return str(int(number)) if number == number.to_integral_value() else str(number)
    if isinstance(raw, datetime | date):
        return raw.isoformat()[:10] if _midnight(raw) else raw.isoformat()
    raise Refused("not_text")


def _midnight(value: date) -> bool:
    return not isinstance(value, datetime) or value.time() == datetime.min.time()


def _date(raw: Any) -> date:
    if isinstance(raw, datetime):
        if not _midnight(raw):
            raise Refused("date_with_time", value=raw.isoformat(sep=" "))
        return raw.date()
    if isinstance(raw, date):
        return raw
    text = _text(raw).strip()
    try:  # as a person types it (kemitraan._typed): "10/03/2025", "14 April 2025"
        return read_day(text)
    except NotDay:
        raise Refused("not_date", value=text) from None


def significant_digits(number: Decimal) -> int:
    """How many significant digits ``number`` has (``1500000`` has 2)."""
    return len(number.normalize().as_tuple().digits)


def _decimal(raw: Any, *, money: bool) -> Decimal:
    if isinstance(raw, bool):
        raise Refused("not_number", value=raw)
    if isinstance(raw, int):
        number = Decimal(raw)
    elif isinstance(raw, float):
        number = Decimal(repr(raw))
    elif isinstance(raw, Decimal):  # a value read back as it was written
        number = raw
    else:
        typed = _text(raw).strip()  # quoted as typed, so that it can be found
        text = "".join(typed.split())
        try:
            if not money and isinstance(raw, CommaDecimal) and _ID_NUMBER.match(text):
                number = Decimal(text.replace(".", "").replace(",", "."))  # Indonesian Excel's
            elif not money and isinstance(raw, DotDecimal) and _EN_NUMBER.match(text):
                number = Decimal(text.replace(",", ""))  # English Excel's (and kemitraan's)
            else:  # as a person types it: "3,5 juta", "Rp 750.000", "12,5"
                number = read_number(typed, money=money)
        except AmbiguousNumber:
            raise Refused("ambiguous_number", value=typed) from None
        except (NotNumber, InvalidOperation):
            raise Refused("not_number", value=typed) from None
    if not number.is_finite():
        raise Refused("not_number", value=raw)
    if significant_digits(number) > EXCEL_DIGITS:
        raise Refused("too_precise", value=raw)
    return number


def _percent(raw: Any) -> Decimal:
    """The percentage a cell shows: ``50%`` is 50, typed as a number (kept as 0.5) or as text."""
    if isinstance(raw, Percentage):
        number = _decimal(raw.stored, money=False) * 100
        integral = number == number.to_integral_value()
        return number.quantize(Decimal(1)) if integral else number.normalize()
    if isinstance(raw, str) and raw.strip().endswith("%"):
        text = raw.strip()
        if not text.removesuffix("%").strip():
            raise Refused("not_number", value=text)
        return _decimal(text.removesuffix("%"), money=False)
    return _decimal(raw, money=False)


def _integer(raw: Any) -> int:
    number = _decimal(raw, money=False)
    if number != number.to_integral_value():
        raise Refused("not_whole_number", value=raw)
    return int(number)


def _bool(raw: Any, column: Column) -> bool:
    """Yes or no; in a column named for a state ("Kompeten"), its name, or "belum" it."""
    if isinstance(raw, bool):
        return raw
    typed = _text(raw).strip()
    text = fold(typed)
    named = {fold(name) for name in column.header}
    if text in _YES or text in named:
        return True
    if text in _NO or any(text == f"{no} {name}" for no in _NOT for name in named):
        return False
    raise Refused("not_yes_no", value=typed)


_NOT: Final = ("tidak", "belum", "not")


def _member(column: Column, text: str, language: Language) -> LabelledEnum:
    enum = column.enum
    assert enum is not None  # a column of choices names them
    found = choices(enum).get(fold(text))
    if found is None:
        value = next((v for alias, v in column.aliases if fold(alias) == fold(text)), None)
        found = enum(value) if value is not None else None
    if found is None:
        shown = "; ".join(member.label(language) for member in enum)
        raise Refused("not_choice", value=text.strip(), choices=shown)
    return found


def _items(text: str) -> list[str]:
    parts = re.split(rf"{ITEM_SEPARATOR}|\r\n|\n|\r", text)
    return [part.strip() for part in parts if part.strip()]


def parse_value(column: Column, raw: Any, language: Language) -> Any:
    """The value of ``raw`` (a cell's content, or a CSV field) in ``column``.

    Returns ``None`` for an empty cell.

    Raises:
        Refused: the content is not a value of the column, with the rule.
    """
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    kind = column.kind
    if kind == "percent" or (kind == "number" and isinstance(raw, Percentage)):
        return _percent(raw)  # a number is read as its cell shows it: 5% is 5, not 0.05
    if isinstance(raw, Percentage):  # a percent format on a count or an amount: as stored
        raw = raw.stored
    if kind == "text":
        return _text(raw)
    if kind == "lines":
        lines = [line.strip() for line in _LINE_BREAK.split(_text(raw))]
        return [line for line in lines if line]
    if kind == "ids":
        return _items(_text(raw))
    if kind == "enum":
        return _member(column, _text(raw), language)
    if kind == "enums":
        return [_member(column, item, language) for item in _items(_text(raw))]
    if kind == "date":
        return _date(raw)
    if kind in ("rupiah", "number"):
        return _decimal(raw, money=kind == "rupiah")
    if kind == "integer":
        return _integer(raw)
    return _bool(raw, column)


def shown(column: Column, value: Any, language: Language) -> Any:
    """``value`` as a cell shows it: labels for choices, lines and items joined, else as is."""
    if value is None:
        return None
    kind = column.kind
    if kind == "enum":
        return value.label(language)
    if kind == "enums":
        return f"{ITEM_SEPARATOR} ".join(member.label(language) for member in value) or None
    if kind == "ids":
        return f"{ITEM_SEPARATOR} ".join(value) or None
    if kind == "lines":
        return "\n".join(value) or None
    if kind == "bool":
        return in_language(language, "Ya", "Yes") if value else in_language(language, "Tidak", "No")
    return value


def kind_help(column: Column, language: Language) -> str:
    """What kind of value the column takes, for the instructions."""
    words: dict[str, tuple[str, str]] = {
        "text": ("Teks", "Text"),
        "lines": ("Teks; satu isian per baris (Alt+Enter)", "Text; one entry per line (Alt+Enter)"),
        "ids": ("ID; beberapa dipisah titik koma (;)", "Ids; several separated by semicolons (;)"),
        "enum": ("Pilih dari daftar", "Pick from the list"),
        "enums": (
            "Pilihan dari daftar; beberapa dipisah titik koma (;)",
            "Choices from the list; several separated by semicolons (;)",
        ),
        "date": ("Tanggal (HH/BB/TTTT)", "Date (DD/MM/YYYY)"),
        "rupiah": ("Rupiah, angka saja", "Rupiah, a number only"),
        "number": ("Angka", "Number"),
        "percent": ("Angka", "Number"),  # 50 or 50%: both read as fifty
        "integer": ("Bilangan bulat", "Whole number"),
        "bool": ("Ya atau Tidak", "Yes or No"),
    }
    text = in_language(language, *words[column.kind])
    if column.low is not None and column.high is not None:
        text += f" ({column.low}–{column.high})"
    return text


def labels(column: Column, language: Language) -> Sequence[str]:
    """The choices a column offers, as its drop-down list shows them."""
    if column.enum is not None:
        return [member.label(language) for member in column.enum]
    if column.kind == "bool":
        return [shown(column, True, language), shown(column, False, language)]
    return []


PHONE_TITLES: Final = (
    *("No HP", "Nomor HP", "HP", "No HP/WA", "Nomor HP/WA", "WA", "No WA", "Nomor WA"),
    *("WhatsApp", "Telepon", "No Telp", "Nomor Telepon"),
)
"""The headers people give a phone number's column (each sheet leaves out its own header)."""


def column(
    key: str,
    header: tuple[str, str],
    help: tuple[str, str],
    kind: Kind = "text",
    *,
    enum: type[LabelledEnum] | None = None,
    required: bool = False,
    width: int = 18,
    low: int | None = None,
    high: int | None = None,
    link: bool = False,
    aliases: tuple[tuple[str, str], ...] = (),
    titles: tuple[str, ...] = (),
) -> Column:
    """A column whose value goes to the field ``key`` (dotted for a nested one).

    ``link=True`` makes a column that names a row of another sheet instead.
    """
    path = None if link else tuple(key.split("."))
    return Column(key, header, help, kind, enum, required, width, path, low, high, aliases, titles)
