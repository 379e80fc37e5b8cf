"""Numbers and days as Indonesians type them: ``Rp 1.500.000``, ``12,5``, ``14 April 2025``.

One reading, used wherever a person types a number or a day as text: a spreadsheet's cell
(:mod:`kemitraan.spreadsheets`) and a field given text in code (:mod:`kemitraan._bounds`).
A dot groups thousands and a comma marks the decimals (``1.700.000,25``); thousands grouped
the English way are read too where they cannot be mistaken (``1,700,000``). One group alone
(``1.500``, ``1,500``) is a thousand and a half to one reader and one and a half to another:
it is refused as ambiguous, except in an amount of money — the rupiah has no thousandths.

>>> read_number("Rp 1.500.000"), read_number("12,5"), read_number("3,5 juta")
(Decimal('1500000'), Decimal('12.5'), Decimal('3500000'))
>>> read_number("Rp 750.000"), read_number("1.5"), read_number("1.700.000,25")
(Decimal('750000'), Decimal('1.5'), Decimal('1700000.25'))

A day is the day first (``10/03/2025``), the year first (``2025/03/10``), or written out
with the month's name in either language, as a person writes it:

>>> read_day("10/03/2025"), read_day("Senin, 10 Maret 2025"), read_day("5 Agu 2025")
(datetime.date(2025, 3, 10), datetime.date(2025, 3, 10), datetime.date(2025, 8, 5))
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Final

__all__ = ["AmbiguousNumber", "NotDay", "NotNumber", "read_day", "read_number"]

_RUPIAH: Final = re.compile(r"^rp\.?", re.IGNORECASE)
_SPOKEN: Final = re.compile(r"^(\d+(?:[.,]\d+)?)(juta|jt|ribu|rb)\.?$", re.IGNORECASE)
"""An amount as it is said: "3,5 juta", "750 rb"."""
_UNITS: Final = {"juta": 1_000_000, "jt": 1_000_000, "ribu": 1_000, "rb": 1_000}
_THOUSANDS: Final = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
# Indonesian grouping of rupiah: 1.500.000 or 1.500.000,50 (or 12,50)
_GROUPED: Final = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?$|^\d+,\d{1,2}$")
_DECIMAL_COMMA: Final = re.compile(r"^-?\d+,\d{1,2}$")
_ONE_GROUP: Final = re.compile(r"^-?[1-9]\d{0,2}[.,]\d{3}$")
_GROUPED_ID: Final = re.compile(r"^-?[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?$")
_GROUPED_EN: Final = re.compile(r"^-?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$")
_DMY: Final = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
# the year first, as some spreadsheet programs and forms write it: "2025/03/17", "2025-3-7"
_YMD: Final = re.compile(r"^(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})$")
# a day, a month's name and a year: "14 April 2025", "5-Agu-2025"
_DAY_MONTH_YEAR: Final = re.compile(r"^(\d{1,2})[\s\-]+([^\W\d_]+)\.?[\s\-]+(\d{4})$")
_WEEKDAY: Final = re.compile(r"^[^\W\d_]+,\s*")


class NotDay(ValueError):
    """The text is not a day in any reading."""


class NotNumber(ValueError):
    """The text is not a number in any reading."""


class AmbiguousNumber(ValueError):
    """The text is a number in two readings (``1.500``: thousands, or a decimal fraction)."""


def read_number(typed: str, *, money: bool | None = None) -> Decimal:
    """The number ``typed`` says, spaces aside.

    ``money`` reads it as an amount of rupiah: ``Rp`` before it, "juta" or "rb" after it,
    and a dot always grouping thousands. ``None`` (the default) reads it as money when it
    is written as money (``Rp 1.500``, ``750 rb``), and as a plain number otherwise.

    Raises:
        AmbiguousNumber: a plain number with one group of three digits (``1.500``).
        NotNumber: no reading gives a number.
    """
    text = "".join(typed.split())
    if money is None:
        money = bool(_RUPIAH.match(text) or _SPOKEN.match(text))
    if money:
        text = _RUPIAH.sub("", text)
        spoken = _SPOKEN.match(text)
        if spoken:
            figure, unit = spoken.groups()
            if _THOUSANDS.fullmatch(figure):  # "1.500 rb": thousands of thousands
                figure = figure.replace(".", "")
            amount = Decimal(figure.replace(",", ".")) * _UNITS[unit.casefold()]
            whole = amount == amount.to_integral_value()
            text = str(amount.quantize(Decimal(1)) if whole else amount)
        elif _GROUPED.match(text):
            text = text.replace(".", "").replace(",", ".")
    elif _DECIMAL_COMMA.match(text):
        text = text.replace(",", ".")
    elif _ONE_GROUP.match(text):
        raise AmbiguousNumber(typed)
    elif _GROUPED_ID.match(text):
        text = text.replace(".", "").replace(",", ".")
    elif _GROUPED_EN.match(text):
        text = text.replace(",", "")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise NotNumber(typed) from None
    if not number.is_finite():
        raise NotNumber(typed)
    return number


def read_day(typed: str) -> date:
    """The day ``typed`` says: ISO 8601, the day or the year first, or the month named.

    Raises:
        NotDay: no reading gives a day (or the day does not exist: 30 February).
    """
    text = typed.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    dmy, ymd = _DMY.match(text), _YMD.match(text)
    numbers = dmy.groups()[::-1] if dmy else ymd.groups() if ymd else None
    if numbers is not None:
        year, month, day = (int(part) for part in numbers)
        try:
            return date(year, month, day)
        except ValueError:
            pass
    # "14 April 2025", "31 Juli 2025", "5 Agu 2025", "Senin, 10 Maret 2025"
    named = _DAY_MONTH_YEAR.match(_WEEKDAY.sub("", text))
    called = _months().get(" ".join(named.group(2).casefold().split())) if named else None
    if named and called:
        try:
            return date(int(named.group(3)), called, int(named.group(1)))
        except ValueError:
            pass
    raise NotDay(typed)


@cache
def _months() -> dict[str, int]:
    """The months by their names and short names, in Indonesian and English (Babel's)."""
    from babel import Locale

    # the older spellings and short forms people still write
    found: dict[str, int] = {"pebruari": 2, "peb": 2, "agt": 8, "agust": 8, "sept": 9, "nop": 11}
    for locale in ("id", "en"):
        for width in ("wide", "abbreviated"):
            for number, name in Locale.parse(locale).months["format"][width].items():
                found.setdefault(name.casefold().rstrip("."), number)
    return found
