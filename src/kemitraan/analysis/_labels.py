"""A portfolio's frames as people read them: headers and choices in their language.

The frames keep stable English identifiers and codes, for code that reads them; a person
reads :meth:`Portfolio.labelled <kemitraan.analysis.Portfolio.labelled>`, and the workbook
:meth:`~kemitraan.analysis.Portfolio.to_xlsx` writes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

import pandas as pd

from kemitraan._base import LabelledEnum, Language, in_language
from kemitraan.exceptions import NotFoundError
from kemitraan.lifecycle import Move, Stage
from kemitraan.maintenance.health import HealthStatus
from kemitraan.patterns import PatternKind
from kemitraan.programs import ProgramKind
from kemitraan.requirements import requirement_summary

__all__ = ["labelled"]

# column: (Indonesian, English); a column not named here is left out (``stage_label``: the
# stage is labelled itself)
_HEADERS: Final[dict[str, tuple[str, str]]] = {
    "id": ("ID", "ID"),
    "institution": ("Lembaga", "Institution"),
    "institution_id": ("ID lembaga", "Institution ID"),
    "program": ("Program", "Programme"),
    "program_kind": ("Jenis program", "Kind of programme"),
    "province": ("Provinsi", "Province"),
    "regency": ("Kabupaten/Kota", "Regency/City"),
    "stage": ("Tahap", "Stage"),
    "step": ("Langkah ke-", "Step"),
    "cycle": ("Tahun ke-", "Cycle"),
    "outcome": ("Berakhir dengan", "Outcome"),
    "furthest_step": ("Langkah terjauh", "Furthest step"),
    "pattern": ("Pola kemitraan", "Partnership pattern"),
    "candidates": ("Calon mitra", "Candidates"),
    "parties": ("Pihak", "Parties"),
    "party_names": ("Nama pihak", "Party names"),
    "facilitator": ("Pendamping", "Facilitator"),
    "moves": ("Catatan riwayat", "History records"),
    "entered_stage_at": ("Masuk tahap ini", "Entered this stage"),
    "days_in_stage": ("Hari di tahap ini", "Days in this stage"),
    "mou_signed": ("MoU ditandatangani", "MoU signed"),
    "term_start": ("Berlaku mulai", "Term starts"),
    "term_end": ("Berlaku sampai", "Term ends"),
    "renewal_due": ("Perpanjangan dibahas mulai", "Renewal due"),
    "partner_kinds": ("Mitra menurut jenis", "Partners by kind"),
    "pkw_dudi": ("Mitra DUDI", "DUDI partners"),
    "pkw_umkm": ("Mitra UMKM", "UMKM partners"),
    "pkw_financing": ("Lembaga pembiayaan", "Financing partners"),
    "pkw_platform": ("Platform digital", "Digital platforms"),
    "pkw_missing": ("Peran PKW yang belum ada", "PKW roles missing"),
    "learners": ("Peserta didik", "Learners"),
    "completed": ("Selesai kursus", "Completed the course"),
    "started_business": ("Berwirausaha", "Started a business"),
    "earning_umk": ("Berpenghasilan ≥ UMK", "Earning ≥ UMK"),
    "next_move": ("Langkah berikutnya", "Next move"),
    "next_requirement": ("Menunggu syarat", "Waiting on"),
    "unmet_requirements": ("Syarat belum terpenuhi", "Unmet requirements"),
    "deviations": ("Penyimpangan", "Deviations"),
    "critical_deviations": ("Penyimpangan kritis", "Critical deviations"),
    "health": ("Kesehatan kemitraan", "Partnership health"),
    "partners_at_risk": ("Mitra berisiko", "Partners at risk"),
    # the stays
    "entered_at": ("Masuk", "Entered"),
    "left_at": ("Keluar", "Left"),
}

# column: the choices its codes name
_CHOICES: Final[dict[str, type[LabelledEnum]]] = {
    "program_kind": ProgramKind,
    "stage": Stage,
    "outcome": Stage,
    "pattern": PatternKind,
    "next_move": Move,
    "health": HealthStatus,
}


def labelled(frame: pd.DataFrame, language: Language) -> pd.DataFrame:
    """``frame`` with its headers, its choices and its yes/no in ``language``.

    The requirement waited on is said as what it asks for.

    >>> frame = pd.DataFrame({"stage": ["signing"], "mou_signed": [True],
    ...                       "next_requirement": ["all_signed"]})
    >>> labelled(frame, "id").to_dict("records")  # doctest: +NORMALIZE_WHITESPACE
    [{'Tahap': 'Penandatanganan akad kerja sama (MoU)', 'MoU ditandatangani': 'Ya',
      'Menunggu syarat': 'Penandatangan setiap pihak telah menandatangani.'}]
    """
    yes, no = in_language(language, "Ya", "Yes"), in_language(language, "Tidak", "No")
    shown = frame[[column for column in frame.columns if column in _HEADERS]].copy()
    for column in shown.columns:
        if column in _CHOICES:
            shown[column] = shown[column].map(_label(_CHOICES[column], language))
        elif column == "next_requirement":
            shown[column] = shown[column].map(_requirement(language))
        elif column == "mou_signed":
            shown[column] = shown[column].map(
                lambda value: None if pd.isna(value) else (yes if value else no)
            )
    return shown.rename(columns={c: in_language(language, *_HEADERS[c]) for c in shown.columns})


def _requirement(language: Language) -> Callable[[Any], Any]:
    def said(code: Any) -> Any:
        if not isinstance(code, str):
            return code  # empty
        try:
            return requirement_summary(code, language)
        except NotFoundError:
            return code  # a code this release does not know: as it is

    return said


def _label(kind: type[LabelledEnum], language: Language) -> Callable[[Any], Any]:
    def said(code: Any) -> Any:
        if not isinstance(code, str):
            return code  # empty
        try:
            return kind(code).label(language)
        except ValueError:
            return code  # a code this release does not know: as it is

    return said
