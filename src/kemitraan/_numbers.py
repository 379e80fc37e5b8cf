"""Numbers as Indonesians type them: ``1.500.000``, ``12,5``, ``Rp 750.000``, ``3,5 juta``.

One reading, used wherever a person types a number as text: a spreadsheet's cell
(:mod:`kemitraan.spreadsheets`) and a number field given text in code (:mod:`kemitraan._bounds`).
A dot groups thousands and a comma marks the decimals (``1.700.000,25``); thousands grouped
the English way are read too where they cannot be mistaken (``1,700,000``). One group alone
(``1.500``, ``1,500``) is a thousand and a half to one reader and one and a half to another:
it is refused as ambiguous, except in an amount of money — the rupiah has no thousandths.

>>> read_number("Rp 1.500.000"), read_number("12,5"), read_number("3,5 juta")
(Decimal('1500000'), Decimal('12.5'), Decimal('3500000'))
>>> read_number("Rp 750.000"), read_number("1.5"), read_number("1.700.000,25")
(Decimal('750000'), Decimal('1.5'), Decimal('1700000.25'))
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Final

__all__ = ["AmbiguousNumber", "NotNumber", "read_number"]

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
