"""The *Rekapitulasi* a Dinas sends upward: its regencies' partnerships as one table (DOCX).

:func:`kemitraan.analysis.regency_rollup` makes the table from a portfolio (or
:func:`~kemitraan.analysis.regency_rollup_parquet` from Parquet);
:func:`kemitraan.analysis.rekapitulasi` turns it into a :class:`Rekapitulasi`, which this
kind renders on a landscape page: the title, the issuing office, the day, a row per regency
with the partnerships, how many run, signed, due for renewal, the PKW programmes and those
lacking a financing institution or a digital platform, the learners and the PKW measures
against their targets, and a JUMLAH row; then the office's signature, with the NIP.

>>> from datetime import date
>>> sheet = Rekapitulasi(title="Rekapitulasi Kemitraan PKW", on=date(2026, 3, 1), rows=[])
>>> KIND.context(sheet, None).date
'1 Maret 2026'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from kemitraan._base import BilingualText
from kemitraan.conventions import date_long, nip_text
from kemitraan.documents._registry import DocumentKind
from kemitraan.documents.minutes import BLANK
from kemitraan.documents.minutes_context import RekapitulasiContext, RekapitulasiRow
from kemitraan.findings import Finding

if TYPE_CHECKING:
    from kemitraan.partnerships import Partnership

__all__ = ["KIND", "Rekapitulasi"]


@dataclass(frozen=True)
class Rekapitulasi:
    """A roll-up to print: its rows (one per regency, then the total), the day, who issues it.

    Each row holds the finished texts of :class:`RekapitulasiRow`'s fields.
    """

    title: str
    """``Rekapitulasi Kemitraan Program PKW``."""
    on: date
    """The day the table stands on."""
    rows: list[RekapitulasiRow] = field(default_factory=list)
    """A row per regency, the JUMLAH row last."""
    issuer: str = ""
    """The office that sends it: ``Dinas Pendidikan Provinsi Kalimantan Selatan``."""
    place: str = ""
    """Where it is signed."""
    signer_position: str = ""
    """``Kepala Bidang Pembinaan PAUD dan Pendidikan Nonformal``."""
    signer: str = ""
    """The officer's name (a dotted blank when empty)."""
    signer_nip: str = ""
    """The officer's NIP (18 digits), printed in its groups."""


def _context(sheet: Rekapitulasi, _owner: Partnership | None) -> RekapitulasiContext:
    return RekapitulasiContext(
        title=sheet.title.upper(),
        issuer=sheet.issuer.upper(),
        date=date_long(sheet.on),
        rows=sheet.rows,
        place=sheet.place or BLANK,
        signer_position=sheet.signer_position or "Kepala Bidang",
        signer=sheet.signer or f"({BLANK})",
        signer_nip=f"NIP {nip_text(sheet.signer_nip)}" if sheet.signer_nip else f"NIP {BLANK}",
    )


def _check(_sheet: Rekapitulasi) -> list[Finding]:
    return []


def _subject(source: object) -> tuple[Rekapitulasi, None] | None:
    return (source, None) if isinstance(source, Rekapitulasi) else None


KIND = DocumentKind(
    name="rekapitulasi",
    title=BilingualText.of("Rekapitulasi Kemitraan", "Partnership recapitulation"),
    template="rekapitulasi.docx",
    layout="rekapitulasi",
    subject=_subject,
    context=_context,
    check=_check,
)
"""The registry entry."""
