"""The learners' roster (a PKW class, and what became of each learner) as sheets.

One row per learner on *Peserta*: who, attendance, completion, the competency test, the
business or the job after the course; the follow-ups over the year on *Tindak Lanjut*
and the partner contributions that served each learner on *Dukungan Mitra*, each naming
the learner by id.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

from kemitraan.learners import FollowUp, Gender, Learner, LearnerSupport
from kemitraan.parties import ContributionKind
from kemitraan.spreadsheets._build import Table, flat, with_children
from kemitraan.spreadsheets._columns import PHONE_TITLES, SheetSpec, column
from kemitraan.spreadsheets._problems import Problems

__all__ = ["SHEETS", "read", "rows"]

_AFTER = ("Kosongkan bila belum", "Leave empty when not yet")
_LINK = column(
    "learner",
    ("ID peserta", "Learner id"),
    ("ID peserta di lembar Peserta", "The learner's id in sheet Learners"),
    required=True,
    link=True,
    width=14,
)

ROSTER: Final = SheetSpec(
    "learners",
    ("Peserta", "Learners"),
    (
        column(
            "id",
            ("ID peserta", "Learner id"),
            (
                "Mis. pd-01 (bukan nama); lembar lain merujuk ID ini",
                "E.g. pd-01 (not the name); the other sheets refer to it",
            ),
            required=True,
            width=14,
        ),
        column(
            "name",
            ("Nama", "Name"),
            ("Nama lengkap peserta", "The learner's name"),
            required=True,
            width=26,
            titles=("Nama Lengkap", "Nama Peserta", "Nama Peserta Didik", "Full name"),
        ),
        column(
            "nik",
            ("NIK", "NIK"),
            ("16 angka (data pribadi)", "16 digits (personal data)"),
            titles=("No KTP", "Nomor KTP", "Nomor Induk Kependudukan"),
        ),
        column(
            "gender",
            ("Jenis kelamin", "Sex"),
            ("Pilih dari daftar, atau L/P", "Choose, or L/P"),
            "enum",
            enum=Gender,
            aliases=(("L", "male"), ("P", "female")),  # Dapodik's codes
            titles=("JK", "L/P", "Jenis Kelamin (L/P)", "Gender"),
        ),
        column(
            "born_on",
            ("Tanggal lahir", "Born on"),
            ("Data pribadi", "Personal data"),
            "date",
            titles=("Tgl Lahir", "Date of birth"),
        ),
        column(
            "phone",
            ("Nomor HP", "Phone"),
            ("Untuk tindak lanjut (data pribadi)", "For follow-ups (personal data)"),
            titles=tuple(t for t in PHONE_TITLES if t != "Nomor HP"),
        ),
        column(
            "cycle",
            ("Tahun ke-", "Year"),
            ("Tahun kerja sama angkatan peserta (1 bila kosong)", "The class's year (1 if empty)"),
            "integer",
            low=1,
            high=100,
            width=10,
        ),
        column(
            "enrolled_on",
            ("Tanggal daftar", "Enrolled on"),
            ("Tanggal peserta terdaftar", "When the learner enrolled"),
            "date",
            required=True,
        ),
        column(
            "sessions_held",
            ("Pertemuan diadakan", "Sessions held"),
            ("Untuk kehadiran", "For attendance"),
            "integer",
            low=0,
            high=10_000,
            width=12,
        ),
        column(
            "sessions_attended",
            ("Pertemuan dihadiri", "Sessions attended"),
            ("Tidak lebih dari yang diadakan", "At most those held"),
            "integer",
            low=0,
            high=10_000,
            width=12,
        ),
        column("completed_on", ("Tanggal lulus", "Completed on"), _AFTER, "date"),
        column(
            "dropped_out_on",
            ("Tanggal keluar", "Dropped out on"),
            ("Bila keluar sebelum selesai", "When the learner left before completing"),
            "date",
        ),
        column(
            "competency.tested_on",
            ("Tanggal uji kompetensi", "Competency test on"),
            _AFTER,
            "date",
        ),
        column(
            "competency.passed",
            ("Kompeten", "Competent"),
            ("Ya bila dinyatakan kompeten", "Yes when found competent"),
            "bool",
            width=11,
        ),
        column(
            "competency.certificate",
            ("Nomor sertifikat", "Certificate no."),
            ("Hanya bila kompeten", "Only when found competent"),
        ),
        column(
            "competency.issuer",
            ("Penerbit sertifikat", "Certified by"),
            ("LSP, LKP atau Dinas", "An LSP, the LKP or the Dinas"),
        ),
        column(
            "business.started_on",
            ("Usaha mulai", "Business started on"),
            ("Tanggal mulai berjualan", "When it started selling"),
            "date",
        ),
        column("business.name", ("Nama usaha", "Business name"), _AFTER, width=22),
        column(
            "business.products",
            ("Produk usaha", "Products"),
            ("Satu per baris", "One per line"),
            "lines",
            width=24,
        ),
        column(
            "business.nib",
            ("NIB usaha", "Business NIB"),
            ("13 angka, dari OSS", "13 digits, from OSS"),
        ),
        column(
            "business.halal_certificate",
            ("Sertifikat halal", "Halal certificate"),
            ("Nomornya, untuk pangan", "Its number, for food"),
        ),
        column(
            "employment.employer",
            ("Bekerja di", "Employed by"),
            ("Bila bekerja setelah kursus", "When employed after the course"),
            width=22,
        ),
        column("employment.started_on", ("Mulai bekerja", "Job started on"), _AFTER, "date"),
        column("employment.position", ("Jabatan", "Position"), ("Mis. Penjahit", "E.g. Tailor")),
    ),
    ("Satu baris per peserta didik", "One row per learner"),
    frozen_columns=2,
)

FOLLOW_UPS: Final = SheetSpec(
    "follow_ups",
    ("Tindak Lanjut", "Follow-ups"),
    (
        _LINK,
        column(
            "on",
            ("Tanggal", "Date"),
            ("Kunjungan, telepon atau isian", "A visit, a call or a form"),
            "date",
            required=True,
        ),
        column(
            "business_running",
            ("Usaha berjalan", "Business running"),
            ("Kosongkan bila tidak ditanyakan", "Leave empty when not asked"),
            "bool",
            width=12,
        ),
        column(
            "employed",
            ("Bekerja", "Employed"),
            ("Kosongkan bila tidak ditanyakan", "Leave empty when not asked"),
            "bool",
            width=10,
        ),
        column(
            "monthly_income",
            ("Penghasilan per bulan (Rp)", "Monthly income (Rp)"),
            ("Dari usaha atau pekerjaan", "From the business or the job"),
            "rupiah",
            width=20,
        ),
        column(
            "note", ("Catatan", "Note"), ("Yang lain ditemukan", "What else was found"), width=34
        ),
    ),
    ("Satu baris per tindak lanjut", "One row per follow-up"),
)

SUPPORT: Final = SheetSpec(
    "learner_support",
    ("Dukungan Mitra", "Partner support"),
    (
        _LINK,
        column(
            "partner_id",
            ("ID mitra", "Partner id"),
            ("ID pihak mitra, mis. cv-kriya-banua", "A partner's id, e.g. cv-kriya-banua"),
            required=True,
            width=24,
        ),
        column(
            "kind",
            ("Bentuk dukungan", "Kind"),
            ("Pilih dari daftar", "Choose"),
            "enum",
            enum=ContributionKind,
            required=True,
            width=24,
        ),
        column("on", ("Tanggal", "Date"), ("Bila sekali waktu", "If one occasion"), "date"),
        column(
            "note", ("Catatan", "Note"), ("Mis. 30 tas dibeli", "E.g. 30 bags bought"), width=30
        ),
    ),
    ("Satu baris per dukungan mitra bagi peserta", "One row per partner contribution"),
)

SHEETS: Final = (ROSTER, FOLLOW_UPS, SUPPORT)

# sheet key -> the learner's field it fills, and its item model
_CHILDREN: Final[dict[str, tuple[str, SheetSpec, type[Any]]]] = {
    "follow_ups": ("follow_ups", FOLLOW_UPS, FollowUp),
    "learner_support": ("supported_by", SUPPORT, LearnerSupport),
}


def rows(learners: Sequence[Learner]) -> dict[str, list[dict[str, Any]]]:
    """The roster's rows, sheet by sheet, in its order."""
    found: dict[str, list[dict[str, Any]]] = {spec.key: [] for spec in SHEETS}
    for learner in learners:
        found["learners"].append(flat(ROSTER, learner))
        for key, (field, spec, _) in _CHILDREN.items():
            found[key] += [flat(spec, item, learner=learner.id) for item in getattr(learner, field)]
    return found


def read(tables: Mapping[str, Table], problems: Problems) -> list[Learner] | None:
    """The learners the sheets hold, in row order; ``None`` when they have problems."""
    return with_children(tables, ROSTER, Learner, "id", "learner", _CHILDREN, problems)
