"""The candidate register as sheets (guide A.1–A.2).

The candidates, their contacts, what was gathered about them, and how the facilitator
rates them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from kemitraan.authority import AuthorityKind
from kemitraan.maintenance.observances import Observance
from kemitraan.mapping import CandidateRegister, MappingLevel, StakeholderRating
from kemitraan.parties import (
    BusinessScale,
    Contact,
    ContributionKind,
    GatheringApproach,
    GatheringMethod,
    GatheringRecord,
    Partner,
    PartnerKind,
    slug,
)
from kemitraan.programs import Program
from kemitraan.regions import Region
from kemitraan.spreadsheets._build import (
    ORPHANS,
    Origins,
    Row,
    Table,
    children,
    flat,
    keyed,
    nested,
    resolve,
    validate,
    validate_row,
)
from kemitraan.spreadsheets._columns import PHONE_TITLES, SheetSpec, column, fold
from kemitraan.spreadsheets._problems import Problems

__all__ = ["SHEETS", "read", "rows"]

_ID = ("ID", "ID")
_PARTNER_LINK = column(
    "partner",
    ("ID mitra", "Candidate id"),
    (
        "ID calon mitra di lembar Mitra (atau namanya)",
        "The candidate's id in sheet Candidates (or its name)",
    ),
    required=True,
    link=True,
)

CANDIDATES: Final = SheetSpec(
    "candidates",
    ("Mitra", "Candidates"),
    (
        column(
            "id",
            _ID,
            (
                "Pengenal tetap; kosongkan agar dibuat dari nama",
                "Stable id; leave empty to make it from the name",
            ),
            width=22,
        ),
        column(
            "name",
            ("Nama", "Name"),
            ("Nama lembaga, usaha atau tokoh", "Name of the body, business or person"),
            required=True,
            width=32,
            titles=("Nama Mitra", "Nama Calon Mitra", "Nama Lembaga", "Nama Usaha", "Nama DUDI"),
        ),
        column(
            "kind",
            ("Jenis mitra", "Kind"),
            (
                "Lima jenis dari panduan (A.1) atau lainnya",
                "The guide's five kinds (A.1) or another",
            ),
            "enum",
            enum=PartnerKind,
            required=True,
            width=30,
            # the short names people use for the guide's kinds
            aliases=(
                ("DUDI", "business"),
                ("Dinas", "government"),
                ("Pemerintah", "government"),
                ("Dunia usaha", "business"),
                ("Kelompok masyarakat", "community_group"),
                ("Tokoh masyarakat", "community_figure"),
                ("LSM", "foundation"),
            ),
        ),
        column(
            "scale",
            ("Skala usaha", "Business scale"),
            (
                "Menurut PP 7/2021; boleh kosong bila modal atau penjualan diisi",
                "Under PP 7/2021; may stay empty when capital or sales are given",
            ),
            "enum",
            enum=BusinessScale,
        ),
        column(
            "finances.working_capital",
            ("Modal usaha (Rp)", "Working capital (Rp)"),
            ("Di luar tanah dan bangunan", "Excluding land and buildings"),
            "rupiah",
        ),
        column(
            "finances.annual_sales",
            ("Penjualan tahunan (Rp)", "Annual sales (Rp)"),
            ("Hasil penjualan setahun", "Sales in a year"),
            "rupiah",
        ),
        column(
            "finances.year",
            ("Tahun data keuangan", "Year of the figures"),
            ("Tahun yang digambarkan modal atau penjualan", "The year the figures describe"),
            "integer",
            low=1900,
            high=2200,
        ),
        column(
            "region.province",
            ("Provinsi", "Province"),
            ("Salah satu dari 38 provinsi", "One of the 38 provinces"),
        ),
        column(
            "region.regency",
            ("Kabupaten/kota", "Regency or city"),
            ("Mis. Kabupaten Banjar", "E.g. Kabupaten Banjar"),
        ),
        column("region.district", ("Kecamatan", "District"), ("Mis. Martapura", "E.g. Martapura")),
        column(
            "region.village",
            ("Desa/kelurahan", "Village"),
            ("Tingkat terkecil pemetaan (A.1)", "The smallest level of mapping (A.1)"),
        ),
        column("address", ("Alamat", "Address"), ("Alamat jalan", "Street address"), width=30),
        column(
            "representative.name",
            ("Nama pimpinan", "Representative"),
            (
                "Yang bertindak dan menandatangani untuk mitra, dengan gelar",
                "Who acts and signs for it, with titles",
            ),
            width=24,
            titles=("Pimpinan", "Nama Pemilik", "Pemilik", "Nama Pimpinan/Pemilik"),
        ),
        column(
            "representative.position",
            ("Jabatan pimpinan", "Position"),
            ("Mis. Ketua KUBE, Kepala Dinas", "E.g. chair, head of office"),
            width=24,
        ),
        column(
            "representative.nip",
            ("NIP pimpinan", "Representative's NIP"),
            (
                "18 angka, untuk pegawai negeri (data pribadi)",
                "18 digits, for a civil servant (personal data)",
            ),
        ),
        column(
            "representative.rank",
            ("Pangkat/golongan pimpinan", "Representative's rank"),
            ("Mis. Pembina Utama Muda (IV/c)", "E.g. Pembina Utama Muda (IV/c)"),
            width=24,
        ),
        column(
            "representative.authority.kind",
            ("Dasar kewenangan", "Authority"),
            ("Dokumen yang menjadi dasar pimpinan bertindak", "What the authority rests on"),
            "enum",
            enum=AuthorityKind,
            width=24,
        ),
        column(
            "representative.authority.issuer",
            ("Penerbit dasar kewenangan", "Issued by"),
            ("Mis. Bupati Banjar, Ketua Yayasan", "E.g. the Regent, the foundation's chair"),
            width=24,
        ),
        column(
            "representative.authority.number",
            ("Nomor dasar kewenangan", "Its number"),
            ("Nomor keputusan, akta atau surat", "The decree's, deed's or letter's number"),
        ),
        column(
            "representative.authority.issued_on",
            ("Tanggal dasar kewenangan", "Its date"),
            ("Tanggal keputusan, akta atau surat", "The date it was issued"),
            "date",
        ),
        column(
            "representative.authority.year",
            ("Tahun dasar kewenangan", "Its year"),
            ("Bila hanya tahunnya yang diketahui", "When only the year is known"),
            "integer",
            low=1900,
            high=2200,
        ),
        column(
            "representative.authority.notary",
            ("Notaris", "Notary"),
            ("Untuk akta pendirian", "For a deed of establishment"),
            width=24,
        ),
        column(
            "representative.authority.text",
            ("Uraian dasar kewenangan", "Authority as text"),
            (
                "Untuk dasar lain: bunyi setelah kata 'berdasarkan'",
                "For another basis: the words after 'berdasarkan'",
            ),
            width=30,
        ),
        column(
            "nib",
            ("NIB", "NIB"),
            ("Nomor Induk Berusaha, 13 angka", "Business registration number, 13 digits"),
        ),
        column("npwp", ("NPWP", "NPWP"), ("15 atau 16 angka", "15 or 16 digits")),
        column("npsn", ("NPSN", "NPSN"), ("Untuk satuan pendidikan", "For an education unit")),
        column(
            "nik",
            ("NIK", "NIK"),
            (
                "Untuk mitra perorangan, 16 angka (data pribadi)",
                "For a person, 16 digits (personal data)",
            ),
        ),
        column(
            "is_foreign",
            ("Mitra asing", "Foreign"),
            ("Ya bila mitra dari luar negeri", "Yes for a foreign partner"),
            "bool",
        ),
        column(
            "language",
            ("Bahasa kerja", "Language"),
            ("Kode ISO 639, mis. id, en", "ISO 639 code, e.g. id, en"),
            width=10,
        ),
        column(
            "mapped_on",
            ("Tanggal dipetakan", "Mapped on"),
            ("Kapan dipetakan (A.1)", "When it was mapped (A.1)"),
            "date",
        ),
        column(
            "set_aside",
            ("Alasan dikesampingkan", "Set aside because"),
            (
                "Isi bila calon tidak dilanjutkan; ia tetap tercatat",
                "Fill in when the candidate is not pursued; it stays listed",
            ),
            width=30,
        ),
        column(
            "observances",
            ("Hari raya yang dirayakan", "Observances"),
            (
                "Hari raya mitra selain hari nasional, mis. Idul Fitri, Natal (C.5)",
                "Its own holidays besides the national days, e.g. Idul Fitri (C.5)",
            ),
            "enums",
            enum=Observance,
            width=30,
        ),
        column(
            "unique_value",
            ("Nilai unik bagi mitra", "Unique value"),
            (
                "Apa yang hanya lembaga ini dapat berikan kepada mitra (C.4)",
                "What only the institution brings this partner (C.4)",
            ),
            width=30,
        ),
        column(
            "profile.goals",
            ("Tujuan organisasi", "Goals"),
            ("Temuan A.2", "Found in A.2"),
            "lines",
            width=32,
        ),
        column(
            "profile.scope_of_work",
            ("Bidang garapan", "Scope of work"),
            ("Satu bidang per baris (A.2)", "One field per line (A.2)"),
            "lines",
            width=30,
        ),
        column(
            "profile.vision",
            ("Visi", "Vision"),
            ("Visi lembaga (A.2)", "Its vision (A.2)"),
            width=30,
        ),
        column(
            "profile.mission",
            ("Misi", "Mission"),
            ("Satu misi per baris (A.2)", "One mission per line (A.2)"),
            "lines",
            width=30,
        ),
        column(
            "profile.offers",
            ("Dapat memberi", "Offers"),
            ("Yang dapat dibawa mitra ke kemitraan", "What it can bring"),
            "enums",
            enum=ContributionKind,
            width=32,
        ),
        column(
            "profile.needs",
            ("Membutuhkan", "Needs"),
            ("Yang dibutuhkan mitra", "What it needs"),
            "enums",
            enum=ContributionKind,
            width=30,
        ),
        column(
            "profile.notes",
            ("Catatan", "Notes"),
            ("Hal lain yang perlu diingat", "Anything else worth keeping"),
            "lines",
            width=30,
        ),
    ),
    ("Satu baris per calon mitra (A.1–A.2)", "One row per candidate partner (A.1–A.2)"),
    frozen_columns=2,
)

CONTACTS: Final = SheetSpec(
    "contacts",
    ("Kontak", "Contacts"),
    (
        _PARTNER_LINK,
        column(
            "name",
            ("Nama", "Name"),
            ("Yang menjawab", "Who answers"),
            width=24,
            titles=("Nama Kontak", "Nama Lengkap", "Contact name"),
        ),
        column("role", ("Peran", "Role"), ("Mis. Bendahara", "E.g. treasurer")),
        column(
            "phone",
            ("Telepon", "Phone"),
            ("Nomor Indonesia boleh ditulis 0812…", "Indonesian numbers may start with 0812…"),
            titles=tuple(t for t in PHONE_TITLES if t != "Telepon"),
        ),
        column("email", ("E-mail", "E-mail"), ("Alamat e-mail", "E-mail address"), width=28),
        column(
            "personal",
            ("Kontak pribadi", "Personal"),
            (
                "Ya bila nomor atau e-mail milik pribadi (data pribadi)",
                "Yes when it is a person's own (personal data)",
            ),
            "bool",
        ),
    ),
    ("Satu baris per kontak; telepon atau e-mail wajib", "One row per contact; phone or e-mail"),
)

GATHERING: Final = SheetSpec(
    "gathering",
    ("Penggalian", "Gathering"),
    (
        _PARTNER_LINK,
        column(
            "on", ("Tanggal", "Date"), ("Kapan informasi digali", "When"), "date", required=True
        ),
        column(
            "method",
            ("Cara", "Method"),
            ("Observasi, wawancara atau studi dokumen", "Observation, interview or documents"),
            "enum",
            enum=GatheringMethod,
            required=True,
        ),
        column(
            "approach",
            ("Pendekatan", "Approach"),
            ("Personal, informal atau formal", "Personal, informal or formal"),
            "enum",
            enum=GatheringApproach,
            required=True,
            width=22,
        ),
        column(
            "source",
            ("Sumber", "Source"),
            ("Dari siapa atau apa", "Who or what from"),
            required=True,
            width=30,
        ),
        column(
            "findings",
            ("Temuan", "Findings"),
            ("Yang diketahui", "What was learned"),
            required=True,
            width=40,
        ),
        column("by", ("Oleh", "By"), ("Pendamping yang menggali", "The facilitator"), width=24),
    ),
    ("Satu baris per penggalian informasi (A.2)", "One row per act of gathering (A.2)"),
)

RATINGS: Final = SheetSpec(
    "ratings",
    ("Penilaian", "Ratings"),
    (
        column("partner_id", _PARTNER_LINK.header, _PARTNER_LINK.help, required=True, width=22),
        *(
            column(key, header, help_, "integer", low=1, high=5, width=12)
            for key, header, help_ in (
                ("power", ("Kuasa", "Power"), ("1 rendah … 5 tinggi", "1 low … 5 high")),
                ("interest", ("Minat", "Interest"), ("1 rendah … 5 tinggi", "1 low … 5 high")),
                (
                    "legitimacy",
                    ("Legitimasi", "Legitimacy"),
                    ("1 rendah … 5 tinggi", "1 low … 5 high"),
                ),
                ("urgency", ("Urgensi", "Urgency"), ("1 rendah … 5 tinggi", "1 low … 5 high")),
            )
        ),
        column(
            "level",
            ("Tingkat", "Level"),
            (
                "Bila tingkat kerjanya lain dari alamat kantornya",
                "When it works at another level than its office's",
            ),
            "enum",
            enum=MappingLevel,
        ),
    ),
    ("Satu baris per calon yang dinilai (A.1)", "One row per candidate rated (A.1)"),
)

SHEETS: Final = (CANDIDATES, CONTACTS, GATHERING, RATINGS)


def rows(register: CandidateRegister) -> dict[str, list[dict[str, Any]]]:
    """The register's rows, sheet by sheet (values as the models hold them)."""
    found: dict[str, list[dict[str, Any]]] = {spec.key: [] for spec in SHEETS}
    for partner in register.candidates:
        found["candidates"].append(flat(CANDIDATES, partner))
        found["contacts"] += [flat(CONTACTS, c, partner=partner.id) for c in partner.contacts]
        found["gathering"] += [
            flat(GATHERING, record, partner=partner.id)
            for record in partner.profile.gathering_records
        ]
    found["ratings"] = [flat(RATINGS, rating) for rating in register.ratings]
    return found


def _key(row: Row) -> str | None:
    given = row.get("id")
    if given is not None:
        return str(given)
    name = row.get("name")
    return slug(name) if isinstance(name, str) else None


def read(
    tables: Mapping[str, Table],
    problems: Problems,
    *,
    program: Program,
    home: Region | None,
) -> CandidateRegister | None:
    """The register the sheets hold, or ``None`` when it has problems (all recorded)."""
    table = tables["candidates"]
    by_id = keyed(table, "id", problems, value=_key)
    by_name = {fold(name): row for row in table.rows if isinstance(name := row.get("name"), str)}
    indexes = (by_id, by_name)
    contacts = children(tables["contacts"], "partner", indexes, table.name, problems)
    gathered = children(tables["gathering"], "partner", indexes, table.name, problems)
    for orphan in contacts.get(ORPHANS, []):
        validate_row(Contact, CONTACTS, tables["contacts"], orphan, problems)
    for orphan in gathered.get(ORPHANS, []):
        validate_row(GatheringRecord, GATHERING, tables["gathering"], orphan, problems)
    partners: list[Partner] = []
    origins: Origins = {}
    for row in table.rows:
        index = len(partners)
        base = ("candidates", index)
        data = nested(row, CANDIDATES)
        found_contacts = [
            (
                tables["contacts"],
                child,
                validate_row(Contact, CONTACTS, tables["contacts"], child, problems),
            )
            for child in contacts.get(row.number, [])
        ]
        found_records = [
            (
                tables["gathering"],
                child,
                validate_row(GatheringRecord, GATHERING, tables["gathering"], child, problems),
            )
            for child in gathered.get(row.number, [])
        ]
        own: Origins = {(): (table, row)}
        for position, (child_table, child, _) in enumerate(found_contacts):
            own[("contacts", position)] = (child_table, child)
        for position, (child_table, child, _) in enumerate(found_records):
            own[("profile", "gathering_records", position)] = (child_table, child)
        data["contacts"] = [model for _, _, model in found_contacts if model is not None]
        data.setdefault("profile", {})["gathering_records"] = [
            model for _, _, model in found_records if model is not None
        ]
        partner = validate(Partner, data, own, problems)
        origins.update({(*base, *loc): where for loc, where in own.items()})
        if partner is not None:
            partners.append(partner)
    ratings: list[StakeholderRating] = []
    rating_table = tables["ratings"]
    rated: dict[str, Row] = {}
    for row in rating_table.rows:
        partner_row = resolve(row.get("partner_id"), *indexes)
        if partner_row is None:
            if row.get("partner_id") is not None:
                rating_table.problem(
                    problems,
                    row,
                    "partner_id",
                    "unknown_reference",
                    value=row.get("partner_id"),
                    target=table.name,
                )
            continue
        partner_id = _key(partner_row)
        assert partner_id is not None
        if partner_id in rated:
            rating_table.problem(
                problems,
                row,
                "partner_id",
                "duplicate_key",
                value=row.get("partner_id"),
                other=rated[partner_id].number,
            )
            continue
        rated[partner_id] = row
        data = {**nested(row, RATINGS), "partner_id": partner_id}
        rating = validate(StakeholderRating, data, {(): (rating_table, row)}, problems)
        origins[("ratings", len(ratings))] = (rating_table, row)
        if rating is not None:
            ratings.append(rating)
    if problems:
        return None
    return validate(
        CandidateRegister,
        {"program": program, "candidates": partners, "ratings": ratings, "home": home},
        origins,
        problems,
    )
