"""Dates, amounts and counts in Indonesian (and English) legal style.

Legal documents write money in digits and in words together — ``Rp2.950.000,00 (dua
juta sembilan ratus lima puluh ribu rupiah)`` — and counts likewise — ``2 (dua)`` —
and open with the weekday and the date in words. Words come from num2words, month
and weekday names from Babel (CLDR); nothing here spells a number by hand.

>>> from decimal import Decimal
>>> rupiah(Decimal("2950000"))
'Rp2.950.000,00 (dua juta sembilan ratus lima puluh ribu rupiah)'
>>> count(4)
'4 (empat)'
>>> from datetime import date
>>> opening_date(date(2025, 3, 10))
'hari Senin, tanggal sepuluh, bulan Maret, tahun dua ribu dua puluh lima'
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Final, Literal

from babel.dates import format_date
from babel.numbers import format_decimal
from num2words import num2words

__all__ = [
    "count",
    "date_long",
    "opening_date",
    "rupiah",
    "rupiah_digits",
    "rupiah_words",
    "weekday",
    "words",
]

Language = Literal["id", "en"]
_LOCALE: Final = {"id": "id_ID", "en": "en_GB"}
_SEN: Final = Decimal("0.01")


def words(number: int, language: Language = "id") -> str:
    """A whole number in words.

    >>> words(2025), words(2025, "en")
    ('dua ribu dua puluh lima', 'two thousand and twenty-five')
    """
    if number < 0:
        raise ValueError(f"cannot write a negative number in words: {number}")
    return str(num2words(number, lang=language))


def count(number: int, language: Language = "id") -> str:
    """A count in digits and words, as legal documents write it: ``2 (dua)``."""
    return f"{number} ({words(number, language)})"


def rupiah_digits(amount: Decimal, language: Language = "id") -> str:
    """``Rp2.950.000,00``: no space after Rp, full stops between thousands, comma before sen.

    >>> rupiah_digits(Decimal("1500.5")), rupiah_digits(Decimal("1500.5"), "en")
    ('Rp1.500,50', 'IDR 1,500.50')
    """
    formatted = format_decimal(amount.quantize(_SEN), format="#,##0.00", locale=_LOCALE[language])
    return f"Rp{formatted}" if language == "id" else f"IDR {formatted}"


def rupiah_words(amount: Decimal, language: Language = "id") -> str:
    """The amount in words: ``dua juta sembilan ratus lima puluh ribu rupiah``.

    >>> rupiah_words(Decimal("1000.25"))
    'seribu rupiah dua puluh lima sen'
    >>> rupiah_words(Decimal("1000.25"), "en")
    'one thousand rupiah and twenty-five sen'
    """
    if amount < 0:
        raise ValueError(f"amount must not be negative: {amount}")
    whole = int(amount)
    sen = int((amount.quantize(_SEN) - whole) * 100)
    text = f"{words(whole, language)} rupiah"
    if sen:
        joiner = " " if language == "id" else " and "
        text += f"{joiner}{words(sen, language)} sen"
    return text


def rupiah(amount: Decimal, language: Language = "id") -> str:
    """Digits and words together: ``Rp2.950.000,00 (dua juta … rupiah)``."""
    return f"{rupiah_digits(amount, language)} ({rupiah_words(amount, language)})"


def weekday(day: date, language: Language = "id") -> str:
    """The true weekday of ``day``: ``Senin``."""
    return format_date(day, "EEEE", locale=_LOCALE[language])


def date_long(day: date, language: Language = "id") -> str:
    """``10 Maret 2025`` (``10 March 2025``)."""
    return format_date(day, "d MMMM y", locale=_LOCALE[language])


def opening_date(day: date, language: Language = "id") -> str:
    """The date of an agreement's opening line, weekday and all, in words.

    >>> opening_date(date(2025, 3, 10), "en")
    'Monday, the tenth day of March of the year two thousand and twenty-five'
    """
    month = format_date(day, "MMMM", locale=_LOCALE[language])
    if language == "id":
        return (
            f"hari {weekday(day)}, tanggal {words(day.day)}, bulan {month}, tahun {words(day.year)}"
        )
    ordinal = num2words(day.day, lang="en", to="ordinal")
    return f"{weekday(day, 'en')}, the {ordinal} day of {month} of the year {words(day.year, 'en')}"
