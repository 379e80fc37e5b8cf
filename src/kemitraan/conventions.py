"""How Indonesian agreements write things: party labels, amounts, counts, dates, stamp duty.

One home for the conventions every agreement, check and document shares
(Indonesian drafting practice for an MoU and a PKS):

- the parties are PIHAK PERTAMA, PIHAK KEDUA, … in the order they are listed;
- money is written in digits and in words together — ``Rp2.950.000,00 (dua juta
  sembilan ratus lima puluh ribu rupiah)`` — and counts likewise — ``2 (dua)``;
- the opening states the true weekday and the date in words;
- each signed original carries one meterai of Rp10.000 (UU 10/2020).

Words come from num2words, month and weekday names from Babel (CLDR); nothing here
spells a number by hand. Both load on first use, so importing kemitraan stays cheap.

>>> from decimal import Decimal
>>> rupiah(Decimal("2950000"))
'Rp2.950.000,00 (dua juta sembilan ratus lima puluh ribu rupiah)'
>>> count(4)
'4 (empat)'
>>> from datetime import date
>>> opening_date(date(2025, 3, 10))
'Senin, tanggal sepuluh, bulan Maret, tahun dua ribu dua puluh lima'
>>> party_label(1), party_label(1, "en")
('PIHAK KEDUA', 'THE SECOND PARTY')
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from decimal import Decimal, localcontext
from functools import lru_cache
from typing import Final

from kemitraan._base import Language, in_language
from kemitraan.exceptions import InvalidArgumentError, UnsupportedLanguageError

__all__ = [
    "STAMP_DUTY",
    "count",
    "date_long",
    "in_text",
    "instant_long",
    "nip_text",
    "npwp_text",
    "number_text",
    "opening_date",
    "ordinal",
    "party_label",
    "phone_text",
    "rupiah",
    "rupiah_digits",
    "rupiah_words",
    "same_person",
    "stamp_duty_text",
    "weekday",
    "words",
]

#: Stamp duty per signed original (UU 10/2020 Pasal 5): Rp10.000.
STAMP_DUTY: Final = Decimal(10_000)

_LOCALE: Final = {"id": "id_ID", "en": "en_GB"}
_SEN: Final = Decimal("0.01")


def _locale(language: Language) -> str:
    try:
        return _LOCALE[language]
    except KeyError:
        raise UnsupportedLanguageError(str(language)) from None


# Number words, ordinals, labels, opening dates and phone numbers are pure functions of small
# inputs that every document asks for many times (num2words, Babel and phonenumbers are
# slow): cached, keyed by type too where a number comes in (1 is not 1.0).
@lru_cache(maxsize=4096, typed=True)
def words(number: int, language: Language = "id") -> str:
    """A whole number in words.

    >>> words(2025), words(2025, "en")
    ('dua ribu dua puluh lima', 'two thousand and twenty-five')
    """
    from num2words import num2words

    _locale(language)
    if number < 0:
        raise InvalidArgumentError.saying(
            "a negative number cannot be written in words: {number}", number=number
        )
    return str(num2words(number, lang=language))


@lru_cache(maxsize=1024, typed=True)
def ordinal(number: int, language: Language = "id") -> str:
    """An ordinal in words: ``kedua``, ``second``.

    >>> ordinal(2), ordinal(2, "en")
    ('kedua', 'second')
    """
    from num2words import num2words

    _locale(language)
    if number < 1:
        raise InvalidArgumentError.saying("an ordinal starts at 1, not {number}", number=number)
    return str(num2words(number, lang=language, to="ordinal"))


@lru_cache(maxsize=256, typed=True)
def party_label(index: int, language: Language = "id") -> str:
    """The label of the party at ``index`` (0-based): PIHAK PERTAMA, KEDUA, KETIGA, and so on.

    >>> party_label(0), party_label(2), party_label(0, "en")
    ('PIHAK PERTAMA', 'PIHAK KETIGA', 'THE FIRST PARTY')
    """
    if index < 0:
        raise InvalidArgumentError.saying(
            "a party's index must not be negative, not {index}", index=index
        )
    nth = ordinal(index + 1, language).upper()
    return in_language(language, f"PIHAK {nth}", f"THE {nth} PARTY")


def count(number: int, language: Language = "id") -> str:
    """A count in digits and words, as legal documents write it: ``2 (dua)``."""
    return f"{number} ({words(number, language)})"


def in_text(number: int, *, first: bool = False) -> str:
    """A count in a report's running text, as EYD writes it.

    In words when one or two words say it (*tiga*, *dua puluh*), else in figures; at the
    start of a sentence (``first``) always in words, with a capital.

    >>> in_text(3), in_text(20), in_text(125), in_text(3, first=True)
    ('tiga', 'dua puluh', '125', 'Tiga')
    """
    said = words(number)
    if first:
        return said[:1].upper() + said[1:]
    return said if len(said.split()) <= 2 else str(number)


@lru_cache(maxsize=4096)
def rupiah_digits(amount: Decimal, language: Language = "id") -> str:
    """``Rp2.950.000,00``: no space after Rp, full stops between thousands, comma before sen.

    >>> rupiah_digits(Decimal("1500.5")), rupiah_digits(Decimal("1500.5"), "en")
    ('Rp1.500,50', 'IDR 1,500.50')
    """
    from babel.numbers import format_decimal

    formatted = format_decimal(amount.quantize(_SEN), format="#,##0.00", locale=_locale(language))
    return f"Rp{formatted}" if language == "id" else f"IDR {formatted}"


def number_text(
    value: Decimal | float | int,
    language: Language = "id",
    *,
    places: int | None = None,
    grouping: bool = True,
) -> str:
    """A number as the language writes it: ``1.500,25`` in Indonesian, ``1,500.25`` in English.

    See :func:`_number_text`; a number that is written as zero has no sign, whether it
    is a negative zero or a small negative value rounded away: ``-0`` is not a number a
    report prints.

    >>> number_text(1500.25), number_text(1500.25, "en"), number_text(Decimal("-0"))
    ('1.500,25', '1,500.25', '0')
    >>> number_text(-0.001, places=2)
    '0'
    """
    shown = value + 0 if value == 0 else value  # -0 and 0 are one number (and one entry)
    text = _number_text(shown, language, places=places, grouping=grouping)
    if text.startswith("-") and not any(digit in text for digit in "123456789"):
        return text[1:]
    return text


@lru_cache(maxsize=4096, typed=True)  # Babel's formatting costs more than a view's judgement
def _number_text(
    value: Decimal | float | int,
    language: Language = "id",
    *,
    places: int | None = None,
    grouping: bool = True,
) -> str:
    """A number as the language writes it: ``1.500,25`` in Indonesian, ``1,500.25`` in English.

    Babel (CLDR) gives the decimal comma or point and the thousands separator; no
    trailing zeros.

    Args:
        value: The number.
        language: ``"id"`` or ``"en"``.
        places: At most this many decimal places, rounded half to even (a float as
            ``f"{value:.2f}"`` rounds it, from its binary value: ``2.675`` gives ``2,67``).
            By default every digit of the value: a ``Decimal`` normalised (28 significant
            digits at most), a float as Python prints it.
        grouping: Separate the thousands; ``False`` writes ``1500,25``.

    Raises:
        UnsupportedLanguageError: a language other than Indonesian and English.
        InvalidArgumentError: ``places`` is negative.

    >>> number_text(Decimal("1500.250")), number_text(Decimal("1500.25"), "en")
    ('1.500,25', '1,500.25')
    >>> number_text(Decimal("12.5"), grouping=False), number_text(2 / 3, places=2)
    ('12,5', '0,67')
    """
    from babel.numbers import format_decimal

    locale = _locale(language)
    if places is not None and places < 0:
        raise InvalidArgumentError.saying(
            "{argument} must not be negative, not {value}", argument="places", value=places
        )
    # every digit kept when places is None (no quantisation below)
    pattern = "#,##0.###" if places is None else "#,##0" + ("." + "#" * places if places else "")
    # A Decimal without trailing zeros, in the default context (28 significant digits at most);
    # a float rounded as Python's own formatting rounds it (its exact binary value: 2.675 is
    # 2.67499…), or in full as Python prints it.
    if isinstance(value, Decimal):
        number = value.normalize()
    elif isinstance(value, float) and places is not None and math.isfinite(value):
        number = Decimal(value)
    else:
        number = Decimal(str(value))
    with localcontext() as context:  # Babel rounds in the current context: room for every digit
        if number.is_finite():
            shape = number.as_tuple()
            assert isinstance(shape.exponent, int)
            digits = len(shape.digits) + abs(shape.exponent) + max(places or 0, 3)
            context.prec = max(context.prec, digits)
        return format_decimal(
            number,
            format=pattern,
            locale=locale,
            decimal_quantization=places is not None,
            group_separator=grouping,
        )


def rupiah_words(amount: Decimal, language: Language = "id") -> str:
    """The amount in words: ``dua juta sembilan ratus lima puluh ribu rupiah``.

    >>> rupiah_words(Decimal("1000.25"))
    'seribu rupiah dua puluh lima sen'
    >>> rupiah_words(Decimal("1000.25"), "en")
    'one thousand rupiah and twenty-five sen'
    """
    if amount < 0:
        raise InvalidArgumentError.saying(
            "{argument} must not be negative, not {value}", argument="amount", value=amount
        )
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
    from babel.dates import format_date

    return format_date(day, "EEEE", locale=_locale(language))


@lru_cache(maxsize=4096)
def date_long(day: date, language: Language = "id") -> str:
    """``10 Maret 2025`` (``10 March 2025``)."""
    from babel.dates import format_date

    return format_date(day, "d MMMM y", locale=_locale(language))


_ZONES: Final = {7: "WIB", 8: "WITA", 9: "WIT"}


def instant_long(at: datetime, language: Language = "id") -> str:
    """An instant as a person reads it, at its own clock: ``24 Januari 2027 pukul 09.00 WITA``.

    >>> from datetime import UTC, timedelta, timezone
    >>> instant_long(datetime(2027, 1, 24, 9, 0, tzinfo=timezone(timedelta(hours=8))))
    '24 Januari 2027 pukul 09.00 WITA'
    >>> instant_long(datetime(2027, 1, 24, 1, 30, tzinfo=UTC), "en")
    '24 January 2027 at 01:30 UTC'
    """
    offset = at.utcoffset()
    hours = None if offset is None else offset.total_seconds() / 3600
    if hours is None:
        zone = ""
    elif hours in _ZONES and language == "id":
        zone = f" {_ZONES[int(hours)]}"
    else:
        zone = " UTC" if not hours else f" UTC{hours:+g}"
    if language == "id":
        return f"{date_long(at.date())} pukul {at:%H.%M}{zone}"
    return f"{date_long(at.date(), 'en')} at {at:%H:%M}{zone}"


@lru_cache(maxsize=1024, typed=True)
def opening_date(day: date, language: Language = "id") -> str:
    """The date of an agreement's opening line, weekday and all, in words.

    The opening reads "Pada hari ini, {opening_date}, bertempat di …".

    >>> opening_date(date(2025, 3, 10), "en")
    'Monday, the tenth day of March of the year two thousand and twenty-five'
    """
    from babel.dates import format_date

    month = format_date(day, "MMMM", locale=_locale(language))
    if language == "id":
        return f"{weekday(day)}, tanggal {words(day.day)}, bulan {month}, tahun {words(day.year)}"
    return (
        f"{weekday(day, 'en')}, the {ordinal(day.day, 'en')} day of {month} of the year "
        f"{words(day.year, 'en')}"
    )


def nip_text(nip: str) -> str:
    """A NIP as it is printed: birth date, appointment month, sex, serial number.

    >>> nip_text("197001011995031001")
    '19700101 199503 1 001'
    """
    digits = "".join(c for c in nip if c.isdigit())
    if len(digits) != 18:
        return nip
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"


def npwp_text(npwp: str) -> str:
    """An NPWP as it is printed: the 15-digit form in its groups, the 16-digit one as it is.

    >>> npwp_text("013121660091000"), npwp_text("0013121660091000")
    ('01.312.166.0-091.000', '0013121660091000')
    """
    digits = "".join(c for c in npwp if c.isdigit())
    if len(digits) != 15:
        return digits or npwp
    return f"{digits[:2]}.{digits[2:5]}.{digits[5:8]}.{digits[8]}-{digits[9:12]}.{digits[12:]}"


@lru_cache(maxsize=1024)
def phone_text(number: str) -> str:
    """A stored phone number (E.164) as an Indonesian document prints it.

    >>> phone_text("+625113252777"), phone_text("+81312345678")
    ('(0511) 3252777', '+81 3-1234-5678')
    """
    import phonenumbers

    try:
        parsed = phonenumbers.parse(number, "ID")
    except phonenumbers.NumberParseException:
        return number
    style = phonenumbers.PhoneNumberFormat
    domestic = parsed.country_code == 62
    return phonenumbers.format_number(parsed, style.NATIONAL if domestic else style.INTERNATIONAL)


def stamp_duty_text(language: Language = "id") -> str:
    """The stamp duty per original in digits: ``Rp10.000`` (``IDR 10,000``).

    >>> stamp_duty_text()
    'Rp10.000'
    """
    return rupiah_digits(STAMP_DUTY, language).removesuffix(",00").removesuffix(".00")


_MALE: Final = frozenset("pak bapak tn tuan sdr saudara h haji kh ust ustad ustadz ustaz".split())
_FEMALE: Final = frozenset(
    "bu ibu ny nyonya nn nona sdri saudari hj hajah ustazah ustadzah".split()
)
_TITLES: Final = frozenset("dr drs dra ir prof".split())
_FORMS_OF_ADDRESS: Final = _MALE | _FEMALE | _TITLES
"""Words before a name that say how a person is addressed or titled, not who they are."""
_DEGREE: Final = re.compile(r"^[A-Z][A-Za-z]{0,3}\.(?:[A-Za-z]{1,4}\.?)*$")
"""A degree written after a name without a comma: ``S.Pd.``, ``M.Si.``, ``S.E.``."""


def _person(name: str) -> tuple[str, str | None]:
    """A name without address, titles, degrees or a note in brackets, and the sex it says.

    The sex is what its forms of address say (``"m"``, ``"f"``), if any.
    """
    plain, depth = [], 0
    for char in name:  # without what is in brackets
        depth += (char == "(") - (char == ")") * (depth > 0)
        if depth == 0 and char not in "()":
            plain.append(char)
    before, _, tail = "".join(plain).partition(",")
    after = tail.replace(",", " ").split()  # degrees after a comma go; a name after one stays
    degrees = all(_DEGREE.match(w) or (w.isupper() and len(w) <= 4) for w in after)
    words = before.split() + ([] if degrees else after)
    sex: str | None = None
    while len(words) > 1:
        word = words[0]
        head, dot, rest = word.partition(".")
        key = word.replace(".", "").casefold()
        if key not in _FORMS_OF_ADDRESS and dot and rest and head.casefold() in _FORMS_OF_ADDRESS:
            key, words[0:1] = head.casefold(), [rest]  # "Hj.Siti", "Dr.Ir.": glued titles
        elif key in _FORMS_OF_ADDRESS:
            words.pop(0)
        else:
            break
        sex = "m" if key in _MALE else "f" if key in _FEMALE else sex
    while len(words) > 1 and _DEGREE.match(words[-1]):
        words.pop()
    return " ".join(words).casefold(), sex


def same_person(one: str, other: str) -> bool:
    """Whether two written names are one person's: the same bare name, nothing said against it.

    Indonesian names are written with a form of address (Bu, Pak), a pilgrim's title (H.,
    Hj.), degrees before or after (Drs., S.Pd.) and notes (``(penjahit)``); the same person
    is written with some of them in one place and none in another, so they are set aside.
    Forms of address of the other sex say otherwise ("Bu Ahmad" is Pak Ahmad's wife), and
    a name that is only titles or a note names nobody.

    >>> same_person("Bu Hj. Masitah (penjahit)", "Hj. Masitah")
    True
    >>> same_person("H. Abdul Rahman, S.Pd.", "Abdul Rahman")
    True
    >>> same_person("K.H. Ahmad Zaini S.Ag.", "Ahmad Zaini")
    True
    >>> same_person("Bu Ahmad", "Pak Ahmad"), same_person("(Masitah)", "(Rina)")
    (False, False)
    """
    (name, sex), (other_name, other_sex) = _person(one), _person(other)
    return bool(name) and name == other_name and not (sex and other_sex and sex != other_sex)
