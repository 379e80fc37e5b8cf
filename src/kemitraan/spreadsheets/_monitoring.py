"""Monitoring records (guide A.9) as sheets.

The visits, and for each the activities' progress, the indicators' values, the money
spent and the problems met.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

from kemitraan.actors import Role
from kemitraan.monitoring import (
    ActivityProgress,
    IndicatorValue,
    MonitoringRecord,
    ProblemMet,
    Spending,
)
from kemitraan.spreadsheets._build import Table, flat, with_children
from kemitraan.spreadsheets._columns import SheetSpec, column
from kemitraan.spreadsheets._problems import Problems

__all__ = ["SHEETS", "read", "rows"]

_NUMBER = ("No.", "No.")
_LINK = column(
    "record",
    ("No. monitoring", "Monitoring no."),
    ("Nomor baris monitoring di lembar Monitoring", "The record's number in sheet Monitoring"),
    "integer",
    required=True,
    link=True,
    width=14,
)
_ACTIVITY = ("ID atau nama kegiatan dalam rencana", "The planned activity's id or name")

RECORDS: Final = SheetSpec(
    "monitoring",
    ("Monitoring", "Monitoring"),
    (
        column(
            "number",
            _NUMBER,
            (
                "Nomor urut; lembar lain merujuk nomor ini",
                "A running number the other sheets refer to",
            ),
            "integer",
            required=True,
            link=True,
            low=1,
            high=1_000_000,
            width=8,
        ),
        column(
            "cycle",
            ("Tahun ke-", "Year"),
            ("Tahun kerja sama ke berapa", "The year of the cooperation"),
            "integer",
            required=True,
            low=1,
            high=100,
            width=12,
        ),
        column("on", ("Tanggal", "Date"), ("Tanggal monitoring", "When"), "date", required=True),
        column(
            "by",
            ("Oleh", "By"),
            ("ID pihak yang memantau", "The monitoring party's id"),
            required=True,
            width=24,
        ),
        column(
            "participants",
            ("Pihak lain yang ikut", "Others taking part"),
            ("ID pihak, dipisah titik koma (;)", "Parties' ids, separated by semicolons"),
            "ids",
            width=30,
        ),
        column("findings", ("Temuan", "Findings"), ("Yang diamati", "What was observed"), width=40),
        column(
            "deviations",
            ("Penyimpangan dari rencana", "Deviations"),
            ("Satu per baris", "One per line"),
            "lines",
            width=34,
        ),
        column(
            "solutions",
            ("Solusi yang disepakati", "Solutions agreed"),
            ("Satu per baris", "One per line"),
            "lines",
            width=34,
        ),
        column(
            "fulfils",
            ("Kewajiban yang terlaksana", "Obligations fulfilled"),
            (
                "Kewajiban (ID atau bunyinya) yang terlihat terlaksana; satu per baris",
                "Obligations (id or wording) the visit saw fulfilled; one per line",
            ),
            "lines",
            width=34,
        ),
        column(
            "recorded_by.name",
            ("Dicatat oleh", "Recorded by"),
            ("Diisi aplikasi; kosongkan", "Filled in by the app; leave empty"),
            width=22,
        ),
        column(
            "recorded_by.role",
            ("Peran pencatat", "Recorder's role"),
            ("Diisi aplikasi", "Filled in by the app"),
            "enum",
            enum=Role,
        ),
        column(
            "recorded_by.acts_for",
            ("Pencatat mewakili", "Recorder acts for"),
            ("Diisi aplikasi", "Filled in by the app"),
        ),
        column(
            "recorded_by.oversees",
            ("Pencatat membina", "Recorder oversees"),
            ("Diisi aplikasi", "Filled in by the app"),
            "ids",
        ),
        column(
            "recorded_by.user_id",
            ("ID pengguna pencatat", "Recorder's user id"),
            ("Diisi aplikasi", "Filled in by the app"),
        ),
    ),
    ("Satu baris per kegiatan monitoring (A.9)", "One row per monitoring visit (A.9)"),
    frozen_columns=3,
)

PROGRESS: Final = SheetSpec(
    "progress",
    ("Kemajuan", "Progress"),
    (
        _LINK,
        column("activity", ("Kegiatan", "Activity"), _ACTIVITY, required=True, width=30),
        column(
            "percent",
            ("Kemajuan (%)", "Progress (%)"),
            ("0 sampai 100", "0 to 100"),
            "percent",
            required=True,
            low=0,
            high=100,
            width=14,
        ),
        column("note", ("Catatan", "Note"), ("Yang terlihat", "What was seen"), width=40),
    ),
    ("Satu baris per kegiatan yang dilihat", "One row per activity seen"),
)

VALUES: Final = SheetSpec(
    "indicator_values",
    ("Nilai Indikator", "Indicator values"),
    (
        _LINK,
        column(
            "indicator",
            ("ID indikator", "Indicator id"),
            ("ID indikator dalam rencana kerja", "The indicator's id in the work plan"),
            required=True,
            width=20,
        ),
        column(
            "value",
            ("Nilai", "Value"),
            ("Nilai yang diukur", "The value measured"),
            "number",
            required=True,
        ),
        column(
            "measured_on",
            ("Tanggal ukur", "Measured on"),
            ("Bila lain dari tanggal monitoring", "When not on the record's date"),
            "date",
        ),
    ),
    ("Satu baris per nilai indikator yang diukur", "One row per indicator value measured"),
)

SPENDING: Final = SheetSpec(
    "spending",
    ("Belanja", "Spending"),
    (
        _LINK,
        column("activity", ("Kegiatan", "Activity"), _ACTIVITY, required=True, width=30),
        column(
            "amount",
            ("Terpakai s.d. kini (Rp)", "Spent to date (Rp)"),
            (
                "Jumlah sampai saat ini, bukan sejak monitoring lalu",
                "The total to date, not since the last record",
            ),
            "rupiah",
            required=True,
            width=20,
        ),
    ),
    ("Satu baris per kegiatan yang dibelanjai", "One row per activity money was spent on"),
)

PROBLEMS: Final = SheetSpec(
    "problems",
    ("Masalah", "Problems"),
    (
        _LINK,
        column(
            "problem",
            ("Masalah", "Problem"),
            ("Masalah yang ditemui (A.9)", "The problem met (A.9)"),
            required=True,
            width=34,
        ),
        column(
            "party_id",
            ("Pihak", "Party"),
            ("ID pihak yang bersangkutan", "The party it concerns"),
            width=22,
        ),
        column("activity", ("Kegiatan", "Activity"), _ACTIVITY, width=24),
        column("cause", ("Penyebab", "Cause"), ("Bila sudah diketahui", "Once known"), width=30),
        column(
            "solution",
            ("Solusi yang disepakati", "Solution agreed"),
            ("Solusi yang dicarikan bersama", "The solution found together"),
            width=30,
        ),
        column(
            "resolved",
            ("Teratasi", "Resolved"),
            ("Ya bila solusinya berhasil", "Yes when the solution worked"),
            "bool",
        ),
    ),
    (
        "Satu baris per masalah yang ditemui dan solusinya",
        "One row per problem met, with its solution",
    ),
)

SHEETS: Final = (RECORDS, PROGRESS, VALUES, SPENDING, PROBLEMS)

# sheet key -> the record's field it fills, and its item model
_CHILDREN: Final[dict[str, tuple[str, SheetSpec, type[Any]]]] = {
    "progress": ("progress", PROGRESS, ActivityProgress),
    "indicator_values": ("indicators", VALUES, IndicatorValue),
    "spending": ("spending", SPENDING, Spending),
    "problems": ("problems", PROBLEMS, ProblemMet),
}


def rows(records: Sequence[MonitoringRecord]) -> dict[str, list[dict[str, Any]]]:
    """The records' rows, sheet by sheet, numbered from 1 in their order."""
    found: dict[str, list[dict[str, Any]]] = {spec.key: [] for spec in SHEETS}
    for number, record in enumerate(records, start=1):
        found["monitoring"].append(flat(RECORDS, record, number=number))
        for key, (field, spec, _) in _CHILDREN.items():
            found[key] += [flat(spec, item, record=number) for item in getattr(record, field)]
    return found


def read(tables: Mapping[str, Table], problems: Problems) -> list[MonitoringRecord] | None:
    """The records the sheets hold, in row order; ``None`` when they have problems."""
    return with_children(
        tables, RECORDS, MonitoringRecord, "number", "record", _CHILDREN, problems,
        presence={"empty_monitoring"},  # a record that lost its only value is not empty
    )  # fmt: skip
