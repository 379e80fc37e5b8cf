"""What the templates of a berita acara, a daftar hadir and the techniques' checklists receive.

Three kinds (``minutes``, ``attendance``, ``checklist``), Indonesian only; every field
a finished text (dates in words, parties by their label and name). Your own keys go in
through ``render_document(..., extra={...})`` and arrive under ``extra``.

>>> sorted(MinutesContext.model_json_schema()["properties"])[:4]
['about', 'attachments', 'attendees', 'closing']
"""

from __future__ import annotations

from kemitraan.documents._context_model import ContextModel

__all__ = [
    "AttendanceContext",
    "AttendanceRow",
    "AttendeeLine",
    "ChecklistContext",
    "ChecklistRow",
    "MinutesContext",
    "MinutesSection",
    "SignaturePair",
    "TechniqueBlock",
]


class AttendeeLine(ContextModel):
    """A party present at the meeting, as the berita acara names it."""

    no: str
    """``1.``, ``2.``, …"""
    party: str
    """``PIHAK PERTAMA (PKBM Harapan Bangsa)``, or the party's name before an agreement."""
    person: str
    """``diwakili oleh Hj. Siti Aminah, S.Pd., Ketua PKBM Harapan Bangsa`` where the
    record names who came (the signatories of a signing); else empty."""


class MinutesSection(ContextModel):
    """A part of what was discussed or decided: a heading and its points."""

    heading: str
    """``Hasil pemantauan``, ``Masalah dan pemecahannya``, …"""
    points: list[str]
    """Its points, each a finished sentence (``items`` would be the mapping's method in
    a template)."""


class SignaturePair(ContextModel):
    """Two signature columns side by side (the second may be empty)."""

    left_label: str
    """``PIHAK PERTAMA``, or the party's name."""
    left_party: str
    """The party's name (empty when the label is the name)."""
    left_position: str
    """The signer's position, where known."""
    left_name: str
    """The signer's name, or a dotted blank to fill in by hand."""
    left_nip: str = ""
    """``NIP 19720315 199803 2 004`` for a civil servant, else empty."""
    left_rank: str = ""
    """A civil servant's *pangkat/golongan* (``Pembina (IV/a)``), else empty."""
    right_label: str
    """As ``left_label``, for the right column; empty when there is none."""
    right_party: str
    """As ``left_party``."""
    right_position: str
    """As ``left_position``."""
    right_name: str
    """As ``left_name``."""
    right_nip: str = ""
    """As ``left_nip``."""
    right_rank: str = ""
    """As ``left_rank``."""


class MinutesContext(ContextModel):
    """Everything the template of a berita acara (``minutes``) receives.

    >>> MinutesContext.model_fields["closing"].description.split(":")[0]
    'The closing sentence'
    """

    draft: bool = False
    """Whether the document is a draft (the engine marks every page's header)."""
    title: str
    """``BERITA ACARA``."""
    about: str
    """The meeting in capitals: ``RAPAT EVALUASI BERSAMA KEMITRAAN``."""
    program: str
    """``PROGRAM PKW PEMBUATAN TAS RAJUT``."""
    number: str
    """``Nomor: 005/BA/PKBM-HB/I/2026``, or empty when no number was given."""
    opening: str
    """``Pada hari ini, Senin, tanggal …, bertempat di …, telah dilaksanakan …, yang
    dihadiri oleh:``"""
    attendees: list[AttendeeLine]
    """The parties present, the institution first."""
    sections: list[MinutesSection]
    """What was discussed and decided, from the record."""
    attachments: str
    """``Lampiran: foto kegiatan (3 berkas)``, or empty when the record carries none."""
    closing: str
    """The closing sentence: ``Demikian berita acara ini dibuat dengan sebenarnya …``"""
    place: str
    """The town the berita acara is made and signed in (a dotted blank when not known)."""
    date: str
    """When, in words: ``26 Januari 2026``."""
    signatures: list[SignaturePair]
    """The parties present, two a row."""


class AttendanceRow(ContextModel):
    """A row of the attendance table; the signature cell stays empty, for the pen."""

    no: str
    """``1``, ``2``, …; blank rows are numbered too."""
    name: str
    """The person expected (the party's representative), or empty."""
    institution: str
    """The party (*Lembaga/Instansi*), or empty on a blank row."""
    position: str
    """Their position (*Jabatan*), or empty."""


class AttendanceContext(ContextModel):
    """Everything the template of a daftar hadir (``attendance``) receives.

    >>> sorted(AttendanceContext.model_json_schema()["properties"])[:3]
    ['date', 'day', 'draft']
    """

    draft: bool = False
    """Whether the document is a draft."""
    title: str
    """``DAFTAR HADIR``."""
    meeting: str
    """The meeting in capitals: ``RAPAT EVALUASI BERSAMA KEMITRAAN``."""
    program: str
    """``PROGRAM PKW PEMBUATAN TAS RAJUT``."""
    day: str
    """The weekday: ``Senin``."""
    date: str
    """The date in words: ``26 Januari 2026``."""
    time: str
    """``09.00 WITA – selesai``, or a dotted blank."""
    place: str
    """Where, or a dotted blank."""
    signed_in: str
    """The town above the signature (``Martapura``), or a dotted blank."""
    rows: list[AttendanceRow]
    """One row per party's representative where known, then blank rows."""
    signer_position: str
    """Who certifies the list: the institution's head (``Ketua PKBM …``)."""
    signer: str
    """Their name, or a dotted blank."""


class ChecklistRow(ContextModel):
    """An item of a technique's checklist, with its box."""

    no: str
    """``1``, ``2``, …"""
    box: str
    """``☑`` when the answer recorded says done, else ``☐``."""
    text: str
    """The item, in Indonesian."""
    note: str
    """The date and note of the answer recorded (``26 Januari 2026: …``), or empty."""


class TechniqueBlock(ContextModel):
    """One of the six techniques (guide C) and its items."""

    no: str
    """``1``–``6``, the guide's order."""
    title: str
    """The technique: ``Selalu nomor satukan setiap mitra``."""
    rows: list[ChecklistRow]
    """Its items."""


class ChecklistContext(ContextModel):
    """Everything the template of the techniques' checklists (``checklist``) receives.

    >>> "techniques" in ChecklistContext.model_json_schema()["properties"]
    True
    """

    draft: bool = False
    """Whether the document is a draft."""
    title: str
    """``DAFTAR PERIKSA TEKNIK MEMPERTAHANKAN KEMITRAAN``."""
    partner: str
    """The partner: ``CV Kriya Banua``."""
    program: str
    """The programme."""
    institution: str
    """The institution that keeps the partnership."""
    date: str
    """The day of the answers shown, in words."""
    done: str
    """``5 dari 24 butir terlaksana``."""
    techniques: list[TechniqueBlock]
    """The six techniques, in the guide's order."""
    place: str
    """Where it is signed."""
    signer_position: str
    """The facilitator who keeps it."""
    signer: str
    """Their name, or a dotted blank."""


class RekapitulasiRow(ContextModel):
    """A regency's line of the recapitulation (or the JUMLAH line), every cell finished text."""

    no: str
    """``1``, ``2``, …; empty on the JUMLAH line."""
    regency: str
    """``Kabupaten Banjar`` (with its province), or ``JUMLAH``."""
    partnerships: str
    """Partnerships recorded."""
    running: str
    """Of them, running (implementing, monitoring, improving, following up)."""
    mou_signed: str
    """With their MoU signed."""
    renewals_due: str
    """Due for renewal."""
    pkw: str
    """PKW programmes."""
    without_financing: str
    """PKW programmes without a financing institution among their partners."""
    without_platform: str
    """PKW programmes without a digital platform among their partners."""
    learners: str
    """Learners enrolled."""
    business: str
    """Learners who started a business, and their share: ``40 (65%)``."""
    wage: str
    """Learners earning at least the UMK, and their share."""


class RekapitulasiContext(ContextModel):
    """Everything the template of a recapitulation (``rekapitulasi``) receives.

    >>> "rows" in RekapitulasiContext.model_json_schema()["properties"]
    True
    """

    draft: bool = False
    """Whether the document is a draft."""
    title: str
    """``REKAPITULASI KEMITRAAN PROGRAM PKW``."""
    issuer: str
    """The office that sends it, in capitals."""
    date: str
    """The day the table stands on, in words."""
    rows: list[RekapitulasiRow]
    """A row per regency, the JUMLAH row last."""
    place: str
    """Where it is signed."""
    signer_position: str
    """The officer's position."""
    signer: str
    """The officer's name, or a dotted blank."""
    signer_nip: str
    """``NIP 19700101 199503 1 001``, or a dotted blank."""
