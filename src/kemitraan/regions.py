"""Where parties and programmes are: Indonesia's provinces, down to the village.

Guide A.1 maps candidates "mulai dari yang lebih kecil kepada hal yang lebih besar":
village, district, regency or city, province. A :class:`Region` holds those levels,
with the province checked against Indonesia's 38 provinces and stored under its
canonical name.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from typing import Final

from pydantic import field_validator

from kemitraan._base import ValueModel, custom_error
from kemitraan._types import ShortText

__all__ = ["Region", "province_names", "regency_name"]


# The 38 provinces of Indonesia (since the 2022 Papua expansion), with common short names.
_PROVINCES: Final = (
    "Aceh",
    "Sumatera Utara",
    "Sumatera Barat",
    "Riau",
    "Jambi",
    "Sumatera Selatan",
    "Bengkulu",
    "Lampung",
    "Kepulauan Bangka Belitung",
    "Kepulauan Riau",
    "DKI Jakarta",
    "Jawa Barat",
    "Jawa Tengah",
    "DI Yogyakarta",
    "Jawa Timur",
    "Banten",
    "Bali",
    "Nusa Tenggara Barat",
    "Nusa Tenggara Timur",
    "Kalimantan Barat",
    "Kalimantan Tengah",
    "Kalimantan Selatan",
    "Kalimantan Timur",
    "Kalimantan Utara",
    "Sulawesi Utara",
    "Sulawesi Tengah",
    "Sulawesi Selatan",
    "Sulawesi Tenggara",
    "Gorontalo",
    "Sulawesi Barat",
    "Maluku",
    "Maluku Utara",
    "Papua",
    "Papua Barat",
    "Papua Selatan",
    "Papua Tengah",
    "Papua Pegunungan",
    "Papua Barat Daya",
)
_PROVINCE_ALIASES: Final = {
    "jakarta": "DKI Jakarta",
    "daerah khusus ibukota jakarta": "DKI Jakarta",
    "daerah khusus jakarta": "DKI Jakarta",
    "dki": "DKI Jakarta",
    "yogyakarta": "DI Yogyakarta",
    "daerah istimewa yogyakarta": "DI Yogyakarta",
    "diy": "DI Yogyakarta",
    "bangka belitung": "Kepulauan Bangka Belitung",
    "babel": "Kepulauan Bangka Belitung",
    "kepri": "Kepulauan Riau",
    "sumut": "Sumatera Utara",
    "sumbar": "Sumatera Barat",
    "sumsel": "Sumatera Selatan",
    "jabar": "Jawa Barat",
    "jateng": "Jawa Tengah",
    "jatim": "Jawa Timur",
    "ntb": "Nusa Tenggara Barat",
    "ntt": "Nusa Tenggara Timur",
    "kalbar": "Kalimantan Barat",
    "kalteng": "Kalimantan Tengah",
    "kalsel": "Kalimantan Selatan",
    "kaltim": "Kalimantan Timur",
    "kaltara": "Kalimantan Utara",
    "sulut": "Sulawesi Utara",
    "sulteng": "Sulawesi Tengah",
    "sulsel": "Sulawesi Selatan",
    "sultra": "Sulawesi Tenggara",
    "sulbar": "Sulawesi Barat",
    "malut": "Maluku Utara",
}


def _fold(text: str) -> str:
    folded = re.sub(r"[\s\-_]+", " ", text.strip().casefold())
    return re.sub(r"^(provinsi|propinsi|prov\.|prop\.|prov|prop)\s*", "", folded).strip()


def _compact(text: str) -> str:
    """``text`` folded, without its spaces: "Kal-Sel", "KalSel" and "kalsel" alike."""
    return _fold(text).replace(" ", "").replace(".", "")


@lru_cache(maxsize=1)
def _province_index() -> dict[str, str]:
    index = {_fold(name): name for name in _PROVINCES}
    index.update(_PROVINCE_ALIASES)
    index.update({_compact(key): name for key, name in list(index.items())})
    return index


def _province_named(value: str) -> str | None:
    index = _province_index()
    return index.get(_fold(value)) or index.get(_compact(value))


def province_names() -> tuple[str, ...]:
    """The canonical names of Indonesia's 38 provinces.

    >>> len(province_names()), province_names()[21]
    (38, 'Kalimantan Selatan')
    """
    return _PROVINCES


_REGENCY: Final = re.compile(
    r"^(kabupaten\s|kab\.|kab\s|kota\s*madya\s|kodya\.|kodya\s|kota\s)\s*(\S.*)$", re.IGNORECASE
)
_SMALL_WORDS: Final = frozenset({"dan"})


def regency_name(text: str) -> str:
    """A regency or city as it is officially written, for grouping what people type.

    "Kab." and the other short forms are written out, a name in capitals or in lower case
    is capitalised word by word, spaces are collapsed; a bare name stays as it is (Kota
    Banjar is in Jawa Barat, Kabupaten Banjar in Kalimantan Selatan). A stored
    :class:`Region` keeps what was typed: a signed text is not rewritten.

    >>> [regency_name(t) for t in ("Kab. Banjar", "KABUPATEN  BANJAR", "kota banjarbaru",
    ...                            "KAB PANGKAJENE DAN KEPULAUAN", "Kab.Tojo Una-Una", "Banjar")]
    ... # doctest: +NORMALIZE_WHITESPACE
    ['Kabupaten Banjar', 'Kabupaten Banjar', 'Kota Banjarbaru',
     'Kabupaten Pangkajene dan Kepulauan', 'Kabupaten Tojo Una-Una', 'Banjar']
    """
    text = " ".join(text.split())
    found = _REGENCY.match(text)
    if found is None:
        return text
    kind = "Kabupaten" if found.group(1).casefold().startswith("kab") else "Kota"
    name = found.group(2)
    if name.isupper() or name.islower():
        words = name.casefold().split()
        name = " ".join(
            w if w in _SMALL_WORDS else "-".join(part.capitalize() for part in w.split("-"))
            for w in words
        )
    return f"{kind} {name}"


class Region(ValueModel):
    """Where a party or programme is: province down to village.

    The province is checked against Indonesia's 38 provinces and stored under its
    canonical name (``"kalsel"`` becomes ``"Kalimantan Selatan"``).

    >>> Region(province="Provinsi Kalimantan Selatan", regency="Kota Banjarmasin").province
    'Kalimantan Selatan'
    """

    province: ShortText
    """*Provinsi*."""
    regency: ShortText | None = None
    """*Kabupaten/kota* (regency or city)."""
    district: ShortText | None = None
    """*Kecamatan*."""
    village: ShortText | None = None
    """*Desa/kelurahan*."""

    @field_validator("province")
    @classmethod
    def _known_province(cls, value: str) -> str:
        found = _province_named(value)
        if found is not None:
            return found
        close = difflib.get_close_matches(_fold(value), list(_province_index()), n=1, cutoff=0.75)
        if close:
            raise custom_error(
                "unknown_province",
                "'{value}' is not one of Indonesia's 38 provinces; did you mean '{suggestion}'?",
                value=value,
                suggestion=_province_index()[close[0]],
            )
        raise custom_error(
            "unknown_province",
            "'{value}' is not one of Indonesia's 38 provinces; write its name, such as "
            "'Kalimantan Selatan', or its short form, such as 'Kalsel'",
            value=value,
        )

    def __str__(self) -> str:
        parts = [self.village, self.district, self.regency, f"Provinsi {self.province}"]
        return ", ".join(p for p in parts if p)
