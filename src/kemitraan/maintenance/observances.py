"""The days a partner keeps, and the days nobody works: the touchpoint planner's calendar.

The guide greets partners on special occasions (C.5: *manfaatkanlah media sosial dan
acara-acara khusus seperti peluncuran produk baru, hari raya, tahun baru, dan perayaan
lain sebagai bahan obrolan*). Which *hari raya* is a partner's own: an
:class:`Observance` recorded on the partner (``Partner.observances``); the national days
(:data:`NATIONAL_DAYS`: Tahun Baru, 17 Agustus) are everyone's. The dates come from the
``holidays`` package's Indonesian calendar, which also gives the days off (public
holidays and *cuti bersama*) that no contact is planned on.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Final

from kemitraan._base import LabelledEnum

__all__ = ["NATIONAL_DAYS", "Observance", "days_off", "observance_days"]


class Observance(LabelledEnum):
    """A religious, cultural or national day on which a partner is greeted.

    >>> Observance.IDUL_FITRI.label_id, Observance.IDUL_FITRI.national
    ('Hari Raya Idul Fitri', False)
    >>> Observance("Natal")
    <Observance.CHRISTMAS: 'christmas'>
    """

    NEW_YEAR = "new_year", "Tahun Baru Masehi", "New Year's Day"
    INDEPENDENCE_DAY = (
        "independence_day",
        "Hari Kemerdekaan Republik Indonesia",
        "Indonesia's Independence Day",
    )
    IDUL_FITRI = "idul_fitri", "Hari Raya Idul Fitri", "Eid al-Fitr"
    IDUL_ADHA = "idul_adha", "Hari Raya Idul Adha", "Eid al-Adha"
    ISLAMIC_NEW_YEAR = "islamic_new_year", "Tahun Baru Islam", "Islamic New Year"
    MAULID = "maulid", "Maulid Nabi Muhammad", "The Prophet's Birthday"
    ISRA_MIKRAJ = "isra_mikraj", "Isra Mikraj Nabi Muhammad", "Isra' and Mi'raj"
    CHRISTMAS = "christmas", "Natal", "Christmas"
    EASTER = "easter", "Paskah", "Easter"
    NYEPI = "nyepi", "Hari Suci Nyepi", "Nyepi, the Day of Silence"
    WAISAK = "waisak", "Hari Raya Waisak", "Vesak"
    IMLEK = "imlek", "Tahun Baru Imlek", "Chinese New Year"

    @property
    def national(self) -> bool:
        """Whether it is a national day, greeted for every partner."""
        return self in NATIONAL_DAYS


NATIONAL_DAYS: Final = frozenset({Observance.NEW_YEAR, Observance.INDEPENDENCE_DAY})
"""The days every partner is greeted on, whatever its own observances."""

# Each observance by the start of its name in ``holidays``' Indonesian calendar (an
# estimated date ends in "(perkiraan)"; the second day of Idul Fitri is not greeted).
_NAMES: Final = {
    Observance.NEW_YEAR: "Tahun Baru Masehi",
    Observance.INDEPENDENCE_DAY: "Hari Kemerdekaan Republik Indonesia",
    Observance.IDUL_FITRI: "Hari Raya Idul Fitri",
    Observance.IDUL_ADHA: "Hari Raya Idul Adha",
    Observance.ISLAMIC_NEW_YEAR: "Tahun Baru Islam",
    Observance.MAULID: "Maulid Nabi Muhammad",
    Observance.ISRA_MIKRAJ: "Isra Mikraj Nabi Muhammad",
    Observance.CHRISTMAS: "Hari Raya Natal",
    Observance.EASTER: "Kebangkitan Yesus Kristus",
    Observance.NYEPI: "Hari Suci Nyepi",
    Observance.WAISAK: "Hari Raya Waisak",
    Observance.IMLEK: "Tahun Baru Imlek",
}


@lru_cache(maxsize=32)
def _calendar(years: tuple[int, ...]) -> tuple[tuple[date, str], ...]:
    """Indonesia's public holidays and *cuti bersama* of ``years``, by day, in Indonesian."""
    import holidays

    found = holidays.country_holidays(
        "ID", years=years, language="id", categories=("public", "government")
    )
    return tuple(sorted((day, str(name)) for day, name in found.items()))


def _between(start: date, end: date) -> list[tuple[date, str]]:
    if start > end:
        return []
    days = _calendar(tuple(range(start.year, end.year + 1)))
    return [(day, name) for day, name in days if start <= day <= end]


@lru_cache(maxsize=64)
def observance_days(start: date, end: date) -> tuple[tuple[date, Observance], ...]:
    """Each observance's day between ``start`` and ``end``, in order.

    >>> [(d.isoformat(), o.value) for d, o in observance_days(date(2026, 8, 1),
    ...                                                      date(2026, 8, 31))]
    [('2026-08-17', 'independence_day'), ('2026-08-25', 'maulid')]
    """
    found = []
    for day, name in _between(start, end):
        for observance, stem in _NAMES.items():
            if name.startswith(stem):
                found.append((day, observance))
    return tuple(found)


@lru_cache(maxsize=64)
def days_off(start: date, end: date) -> frozenset[date]:
    """The public holidays and *cuti bersama* between ``start`` and ``end`` (not weekends).

    >>> sorted(d.day for d in days_off(date(2026, 3, 16), date(2026, 3, 24)))  # Nyepi, Lebaran
    [18, 19, 20, 21, 22, 23, 24]
    """
    return frozenset(day for day, _ in _between(start, end))
