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
from decimal import Decimal, localcontext
from functools import cache
from typing import Final

__all__ = ["AmbiguousNumber", "NotDay", "NotNumber", "plain_key", "read_day", "read_number"]

_RUPIAH: Final = re.compile(r"^rp\.?\s*", re.IGNORECASE)
_SPOKEN: Final = re.compile(r"^(\d+(?:[.,]\d+)?)\s*(juta|jt|ribu|rb)\.?$", re.IGNORECASE)
"""An amount as it is said: "3,5 juta", "750 rb"."""
_UNITS: Final = {"juta": 1_000_000, "jt": 1_000_000, "ribu": 1_000, "rb": 1_000}
_THOUSANDS: Final = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
_COMMA_GROUP: Final = re.compile(r"\d{1,3},\d{3}")
"""A spoken figure with one comma group ("1,500 rb"): thousands, or one and a half?"""
# Indonesian grouping of rupiah: 1.500.000 or 1.500.000,50 (or 12,50)
_GROUPED: Final = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?$|^\d+,\d{1,2}$")
_DECIMAL_COMMA: Final = re.compile(r"^\d+,\d{1,2}$")
_ONE_GROUP: Final = re.compile(r"^[1-9]\d{0,2}[.,]\d{3}$")
_GROUPED_ID: Final = re.compile(r"^[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?$")
_GROUPED_EN: Final = re.compile(r"^[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$")
_SPACED: Final = re.compile(r"^[1-9]\d{0,2}(?: \d{3})+(?:,\d{1,2})?$")
"""Thousands grouped by spaces, as some locales write them: "1 500 000"."""
_MARKS: Final = re.compile(r"[\W_]+")
_PRECISION: Final = 60
"""Digits a reading keeps: more than any field takes, so that a field's limits refuse."""
_DMY: Final = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
# the year first, as some spreadsheet programs and forms write it: "2025/03/17", "2025-3-7"
_YMD: Final = re.compile(r"^(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})$")
# a day, a month's name and a year: "14 April 2025", "5-Agu-2025"
_DAY_MONTH_YEAR: Final = re.compile(r"^(\d{1,2})[\s\-]+([^\W\d_]+)\.?[\s\-]+(\d{4})$")
_WEEKDAY: Final = re.compile(r"^([^\W\d_]+(?:'[^\W\d_]+)?),\s*")


def plain_key(text: str) -> str:
    """Text as two people's typing of it compare: case, spacing and punctuation aside.

    >>> plain_key(" No. HP / WA* "), plain_key("Tali tas mudah lepas.")
    ('no hp wa', 'tali tas mudah lepas')
    """
    return " ".join(_MARKS.sub(" ", text.casefold()).split())


class NotDay(ValueError):
    """The text is not a day in any reading."""


class NotNumber(ValueError):
    """The text is not a number in any reading."""


class AmbiguousNumber(ValueError):
    """The text is a number in two readings (``1.500``: thousands, or a decimal fraction)."""


def read_number(typed: str, *, money: bool | None = None) -> Decimal:
    """The number ``typed`` says.

    ``money`` reads it as an amount of rupiah: ``Rp`` before it, "juta" or "rb" after it,
    and a dot before three digits grouping thousands (``Rp 1.500`` is 1500). ``None`` (the
    default) reads it as money when it is written as money (``Rp 1.500``, ``750 rb``), and
    as a plain number otherwise. Spaces may stand around it, after ``Rp``, before "juta", and
    between groups of thousands (``1 500 000``); elsewhere a space is not read past.

    Raises:
        AmbiguousNumber: a plain number with one group of three digits (``1.500``), or a
            spoken one with a comma before three digits (``1,500 rb``).
        NotNumber: no reading gives a number.
    """
    text = " ".join(typed.split())
    rupiah = _RUPIAH.match(text)
    if rupiah and money is not False:
        text, money = text[rupiah.end() :], True
    sign = ""
    if text[:1] in ("+", "-"):
        sign, text = text[0].replace("+", ""), text[1:].lstrip()
    if money is None:
        money = bool(_SPOKEN.match(text))
    if _SPACED.match(text):
        text = text.replace(" ", "")
    try:
        with localcontext(prec=_PRECISION):
            number = _unsigned(text, money=money)
    except ArithmeticError:  # decimal's InvalidOperation among them
        raise NotNumber(typed) from None
    except AmbiguousNumber:
        raise AmbiguousNumber(typed) from None
    if not number.is_finite():
        raise NotNumber(typed)
    return -number if sign == "-" else number


def _unsigned(text: str, *, money: bool) -> Decimal:
    """:func:`read_number` of ``text`` without its sign, ``Rp`` or spaces around it."""
    if money:
        spoken = _SPOKEN.match(text)
        if spoken:
            figure, unit = spoken.groups()
            if _COMMA_GROUP.fullmatch(figure):
                raise AmbiguousNumber(text)
            if _THOUSANDS.fullmatch(figure):  # "1.500 rb": thousands of thousands
                figure = figure.replace(".", "")
            amount = Decimal(figure.replace(",", ".")) * _UNITS[unit.casefold()]
            whole = amount == amount.to_integral_value()
            return amount.quantize(Decimal(1)) if whole else amount
        if _GROUPED.match(text):
            text = text.replace(".", "").replace(",", ".")
    elif _DECIMAL_COMMA.match(text):
        text = text.replace(",", ".")
    elif _ONE_GROUP.match(text):
        raise AmbiguousNumber(text)
    elif _GROUPED_ID.match(text):
        text = text.replace(".", "").replace(",", ".")
    elif _GROUPED_EN.match(text):
        text = text.replace(",", "")
    if not text or text[0] in "+-" or " " in text:  # one sign, read above; no space inside
        raise NotNumber(text)
    return Decimal(text)


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
    weekday = _WEEKDAY.match(text)
    named = _DAY_MONTH_YEAR.match(text[weekday.end() :] if weekday else text)
    called = _months().get(named.group(2).casefold()) if named else None
    if named and called:
        try:
            found = date(int(named.group(3)), called, int(named.group(1)))
        except ValueError:
            raise NotDay(typed) from None
        # a day of the week that is not this day's says the text is wrong somewhere
        if weekday is None or _weekdays().get(weekday.group(1).casefold()) == found.weekday():
            return found
    raise NotDay(typed)


@cache
def _months() -> dict[str, int]:
    """The months by their names and short names, in Indonesian and English (Babel's)."""
    from babel import Locale

    # the older spellings and short forms people still write
    found: dict[str, int] = {
        **{"pebruari": 2, "peb": 2, "agt": 8, "agust": 8, "sept": 9},
        **{"nopember": 11, "nop": 11, "nopem": 11},
    }
    for locale in ("id", "en"):
        for width in ("wide", "abbreviated"):
            for number, name in Locale.parse(locale).months["format"][width].items():
                found.setdefault(name.casefold().rstrip("."), number)
    return found


@cache
def _weekdays() -> dict[str, int]:
    """The days of the week by their names and short names (Babel's), Monday 0."""
    from babel import Locale

    found: dict[str, int] = {"jum'at": 4, "ahad": 6}  # spellings people still write
    for locale in ("id", "en"):
        for width in ("wide", "abbreviated"):
            for number, name in Locale.parse(locale).days["format"][width].items():
                found.setdefault(name.casefold().rstrip("."), number)
    return found
