"""Reusable constrained types (``Annotated`` aliases) shared by the models.

Each validator raises a pydantic error with a stable code, so a bad value comes
back as one ``ValidationError`` that names the field and the rule.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Annotated, Final, Self

from pydantic import (
    AfterValidator,
    Field,
    PlainSerializer,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from kemitraan._base import (
    FIRST_DAY,
    LAST_DAY,
    ValueModel,
    custom_error,
    day_rule,
    field_error,
    instant_rule,
    text_rule,
)
from kemitraan._catalog import N_, say
from kemitraan._privacy import mask, masked_if_asked
from kemitraan._refs import PARTY_ID_PATTERN
from kemitraan.exceptions import InvalidArgumentError

__all__ = [
    "FIRST_DAY",
    "LAST_DAY",
    "NIB",
    "NIK",
    "NIP",
    "NPSN",
    "NPWP",
    "Email",
    "LanguageCode",
    "MaskedStr",
    "NonEmptyStr",
    "PartyId",
    "Percent",
    "Period",
    "PhoneNumber",
    "Rupiah",
    "ShortText",
    "add_months",
    "day_argument",
    "instant_argument",
    "text_argument",
]

#: The longest text a field holds: a long paragraph of a document, about a page.
MAX_TEXT: Final = 5_000
#: The longest name, title or label.
MAX_SHORT_TEXT: Final = 500
#: Amounts stay below this (a trillion trillion is no partnership's): a document states them in
#: words, and a ``Decimal`` with two places keeps every digit.
MAX_RUPIAH: Final = Decimal(10) ** 18

NonEmptyStr = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT)
]
"""Text that is not empty once surrounding white space is removed; at most 5,000 characters."""

ShortText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_SHORT_TEXT)
]
"""A name, title or label: one line, at most 500 characters."""

Rupiah = Annotated[Decimal, Field(ge=0, lt=MAX_RUPIAH, decimal_places=2, allow_inf_nan=False)]
"""An amount of money in rupiah: a ``Decimal``, never negative, at most two decimals (sen),
below 10^18 (what a document can state in words)."""

Percent = Annotated[Decimal, Field(ge=0, le=100, decimal_places=2, allow_inf_nan=False)]
"""A percentage from 0 to 100, at most two decimals."""

PartyId = Annotated[str, StringConstraints(pattern=PARTY_ID_PATTERN, min_length=1, max_length=64)]
"""A party's stable identifier: lowercase letters, digits, single ``-`` or ``_`` between them."""


class MaskedStr(str):
    """A string holding personal data; its ``repr`` shows only the ends.

    ``str(value)`` is the full value (for storage and documents); ``repr`` and
    :attr:`masked` hide the middle, per UU 27/2022 on personal data.

    >>> MaskedStr("3171011708450001")
    MaskedStr('3171********0001')
    """

    __slots__ = ()

    @property
    def masked(self) -> str:
        """The value with all but the first and last four characters replaced by ``*``."""
        return mask(self)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.masked!r})"


def _digits(value: str, *, length: int, code: str, label: str, personal: bool = False) -> str:
    compact = re.sub(r"[\s.\-]", "", value)
    if not compact.isascii() or not compact.isdigit() or len(compact) != length:
        raise custom_error(
            code,
            "{label} must be exactly {length} digits, got '{value}'",
            label=label,
            length=length,
            value=mask(value) if personal else value,
        )
    return compact


def _validate_nib(value: str) -> str:
    return _digits(value, length=13, code="invalid_nib", label="NIB")


_NPSN: Final = re.compile(r"(?:[0-9]|[A-Z])[0-9]{7}")


def _validate_npsn(value: str) -> str:
    """Eight digits (a school), or a letter and seven digits (a non-formal unit).

    A PKBM's published NPSN begins with P (``P9984574``), an LKP's with K (``K9989817``).

    >>> _validate_npsn("p9984574"), _validate_npsn("69725350")
    ('P9984574', '69725350')
    """
    compact = re.sub(r"[\s.\-]", "", value).upper()
    if not compact.isascii() or not _NPSN.fullmatch(compact):
        raise custom_error(
            "invalid_npsn",
            "NPSN is 8 digits, or a letter and 7 digits (e.g. P9984574 for a PKBM, "
            "K9989817 for an LKP), not '{value}'",
            value=value,
        )
    return compact


# python-stdnum, phonenumbers and Babel load on the first value they check, so that
# importing kemitraan does not pay for them.


#: python-stdnum's reasons (English) by their class, as message ids.
_STDNUM_REASONS: Final = {
    "InvalidLength": N_("the number of digits is wrong"),
    "InvalidFormat": N_("it holds something other than digits"),
    "InvalidChecksum": N_("the check digit does not match"),
    "InvalidComponent": N_("a part of it is not valid (a region code or a date)"),
}
#: phonenumbers' reasons (English) by their error type, as message ids.
_PHONE_REASONS: Final = {
    0: N_("the country code is unknown"),
    1: N_("it is not a phone number"),
    2: N_("it is too short"),
    3: N_("it is too short"),
    4: N_("it is too long"),
}


def _stdnum_reason(exc: Exception) -> str:
    """python-stdnum's reason for refusing a number, in the language in force."""
    return say(_STDNUM_REASONS.get(type(exc).__name__, N_("it is not valid")))


@lru_cache(maxsize=4096)  # pure and slow-ish: repeated values are common
def _validate_npwp(value: str) -> str:
    from stdnum.exceptions import ValidationError as StdnumValidationError
    from stdnum.id import npwp as stdnum_npwp

    try:
        return str(stdnum_npwp.validate(value))
    except StdnumValidationError as exc:
        raise custom_error(
            "invalid_npwp",
            "NPWP must be 15 or 16 digits with a valid check digit ({reason}), got '{value}'",
            reason=_stdnum_reason(exc),
            value=value,
        ) from exc


@lru_cache(maxsize=4096)  # pure and slow-ish: repeated values are common
def _validate_nik(value: str) -> MaskedStr:
    from stdnum.exceptions import ValidationError as StdnumValidationError
    from stdnum.id import nik as stdnum_nik

    try:
        return MaskedStr(stdnum_nik.validate(value))
    except StdnumValidationError as exc:
        # The value is personal data: the error shows it masked.
        raise custom_error(
            "invalid_nik",
            "NIK must be 16 digits with a valid region and birth date ({reason}), got {value}",
            reason=_stdnum_reason(exc),
            value=MaskedStr(value).masked,
        ) from exc


@lru_cache(maxsize=4096)  # pure and slow-ish: repeated values are common
def _validate_nip(value: str) -> MaskedStr:
    compact = _digits(value, length=18, code="invalid_nip", label="NIP", personal=True)
    # NIP layout: birth date YYYYMMDD, appointment YYYYMM, sex (1 or 2), serial NNN.
    try:
        date(int(compact[0:4]), int(compact[4:6]), int(compact[6:8]))
        date(int(compact[8:12]), int(compact[12:14]), 1)
    except ValueError as exc:
        raise custom_error(
            "invalid_nip",
            "NIP must start with a birth date (YYYYMMDD) and an appointment month (YYYYMM), "
            "got '{value}'",
            value=mask(value),
        ) from exc
    if compact[14] not in "12":
        raise custom_error(
            "invalid_nip",
            "NIP digit 15 must be 1 (male) or 2 (female), got '{value}'",
            value=mask(value),
        )
    return MaskedStr(compact)


@lru_cache(maxsize=4096)  # pure and slow-ish: repeated values are common
def _validate_phone(value: str) -> MaskedStr:
    import phonenumbers

    try:
        parsed = phonenumbers.parse(value, "ID")
    except phonenumbers.NumberParseException as exc:
        # A phone number is personal data: the error shows it masked.
        raise custom_error(
            "invalid_phone",
            "not a phone number: '{value}' ({reason})",
            value=mask(value),
            reason=say(_PHONE_REASONS.get(exc.error_type, N_("it is not a phone number"))),
        ) from exc
    if not phonenumbers.is_valid_number(parsed):
        raise custom_error(
            "invalid_phone", "not a valid phone number: '{value}'", value=mask(value)
        )
    return MaskedStr(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164))


#: What email-validator's reasons (English) come to, by how they begin, as message ids.
_EMAIL_REASONS: Final = (
    ("An email address must have an @-sign", N_("it has no @")),
    ("There must be something before the @-sign", N_("nothing stands before the @")),
    ("The part after the @-sign contains invalid characters: '@'", N_("it has more than one @")),
    ("The email address is too long", N_("it is too long")),
    (
        "The email address contains invalid characters before",
        N_("the name before the @ holds a character an address cannot"),
    ),
    ("An email address cannot have two periods in a row", N_("it has two periods in a row")),
    ("An email address cannot have a period immediately", N_("a period stands next to the @")),
    ("An email address cannot end with a period", N_("it ends with a period")),
    ("An email address cannot start with a period", N_("it starts with a period")),
    (
        "The part after the @-sign is not valid. It should have a period",
        N_("the domain after the @ has no period (e.g. contoh.id)"),
    ),
    ("The part after the @-sign", N_("the domain after the @ is not valid")),
    ("The part before the @-sign", N_("the name before the @ is not valid")),
)


def _email_reason(reason: str) -> str:
    """email-validator's ``reason`` in the language in force (its own words are English)."""
    message = next(
        (said for start, said in _EMAIL_REASONS if reason.startswith(start)),
        N_("the form name@domain is expected, e.g. ani@contoh.id"),
    )
    return say(message)


@lru_cache(maxsize=4096)  # pure and slow-ish: repeated values are common
def _validate_email(value: str) -> str:
    from email_validator import EmailNotValidError, validate_email

    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError as exc:
        # An e-mail address may be personal data: the reason never quotes it.
        raise custom_error(
            "invalid_email", "not a valid e-mail address: {reason}", reason=_email_reason(str(exc))
        ) from exc


@lru_cache(maxsize=4096)  # pure and slow-ish: repeated values are common
def _validate_language(value: str) -> str:
    from babel import Locale, UnknownLocaleError

    code = value.strip().lower()
    try:
        locale = Locale.parse(code)
    except (UnknownLocaleError, ValueError) as exc:
        raise custom_error(
            "invalid_language",
            "unknown language code '{value}' (use ISO 639, e.g. 'id', 'en')",
            value=value,
        ) from exc
    if locale.territory or locale.script or locale.language != code:
        raise custom_error(
            "invalid_language",
            "language must be a bare ISO 639 code such as 'id' or 'en', got '{value}'",
            value=value,
        )
    return code


NIB = Annotated[str, AfterValidator(_validate_nib)]
"""Nomor Induk Berusaha (business registration number): 13 digits."""

NPSN = Annotated[str, AfterValidator(_validate_npsn)]
"""Nomor Pokok Sekolah Nasional (education unit number): 8 digits for a school, a letter and 7
digits for a non-formal unit (P for a PKBM, K for an LKP)."""

NPWP = Annotated[str, AfterValidator(_validate_npwp)]
"""Tax number: 15 digits (old) or 16 (since 2024), stored as digits, check digit verified."""

NIK = Annotated[
    str,
    AfterValidator(_validate_nik),
    PlainSerializer(masked_if_asked, return_type=str),
]
"""Personal identity number: 16 digits, region and birth date checked; masked in ``repr``."""

NIP = Annotated[
    str,
    AfterValidator(_validate_nip),
    PlainSerializer(masked_if_asked, return_type=str),
]
"""Civil servant number: 18 digits (birth date, appointment month, sex, serial); personal data,
masked in ``repr``."""

PhoneNumber = Annotated[str, AfterValidator(_validate_phone)]
"""A phone number, Indonesian by default, stored in E.164 (``+62…``); masked in ``repr``."""

Email = Annotated[
    str, AfterValidator(_validate_email), WithJsonSchema({"type": "string", "format": "email"})
]
"""An e-mail address, checked for syntax by email-validator (no network look-up), normalised."""

LanguageCode = Annotated[str, AfterValidator(_validate_language)]
"""A bare ISO 639 language code known to Babel (``"id"``, ``"en"``, ``"ja"``, …)."""


class Period(ValueModel):
    """A span of dates, both ends included; the end is never before the start.

    >>> Period(start=date(2025, 1, 6), end=date(2025, 6, 30)).days
    176
    """

    start: date
    """First day."""
    end: date
    """Last day (inclusive)."""

    @model_validator(mode="after")
    def _end_not_before_start(self) -> Self:
        if self.end < self.start:
            raise field_error(
                self,
                ("end",),
                "end_before_start",
                "end {end} is before start {start}",
                end=self.end.isoformat(),
                start=self.start.isoformat(),
            )
        return self

    @property
    def days(self) -> int:
        """Number of days covered, both ends included."""
        return (self.end - self.start).days + 1

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


def add_months(day: date, months: int) -> date:
    """The same day ``months`` calendar months later (the month's last day when it is shorter).

    >>> add_months(date(2025, 1, 31), 1)
    datetime.date(2025, 2, 28)
    """
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# -- the models' bounds, for arguments that are not a model's field -----------------------


def _refused_argument(argument: str, error: PydanticCustomError) -> InvalidArgumentError:
    refused = InvalidArgumentError.saying(
        "{argument}: {problem}", argument=argument, problem=error.message()
    )
    refused.rule = error.type
    return refused


def text_argument(value: str, argument: str) -> str:
    r"""``value`` if every store can keep it (:func:`kemitraan._base.text_rule`).

    Raises:
        InvalidArgumentError: naming ``argument`` and the rule (``null_character``,
            ``lone_surrogate``).

    >>> text_argument("PKBM\x00", "name")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kemitraan.exceptions.InvalidArgumentError: name: Teks tidak boleh memuat karakter nol ...
    """
    try:
        return text_rule(value)
    except PydanticCustomError as exc:
        raise _refused_argument(argument, exc) from None


def day_argument(value: date, argument: str) -> date:
    """``value`` if it lies between :data:`FIRST_DAY` and :data:`LAST_DAY`, as in a model.

    Raises:
        InvalidArgumentError: naming ``argument`` and the rule (``day_out_of_range``).
    """
    try:
        return day_rule(value)
    except PydanticCustomError as exc:
        raise _refused_argument(argument, exc) from None


def instant_argument(value: datetime, argument: str) -> datetime:
    """``value`` if it falls within the days a model accepts, in UTC (as in a model).

    For a time given as an argument (a move's ``at=``) before anything is computed from
    it: ``0001-01-01T00:30:00+01:00`` is in year 0 in UTC, which Python cannot convert.

    Raises:
        InvalidArgumentError: naming ``argument`` and the rule (``instant_out_of_range``).

    >>> from datetime import timedelta, timezone
    >>> instant_argument(datetime(1, 1, 1, 0, 30, tzinfo=timezone(timedelta(hours=1))), "at")
    ... # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kemitraan.exceptions.InvalidArgumentError: at: 0001-01-01T00:30:00+01:00 di luar rentang ...
    """
    try:
        return instant_rule(value)
    except PydanticCustomError as exc:
        raise _refused_argument(argument, exc) from None
