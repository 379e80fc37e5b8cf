"""The guide's own case: a PKBM in Kalimantan Selatan seeks partners for PKW "Pembuatan Tas Rajut".

Walks the partnership through the guide's 11 steps and one renewal: five candidate
partners of the guide's five kinds (A.1) and what was gathered about them (A.2), the
relevance analysis and the recommended pattern (A.3, B), the exploration meetings
(A.4), the joint work plan (A.5), the MoU with every party's roles (A.6) and its
signing (A.7) and the PKS that implements it for the trade in tas rajut,
implementation, monitoring and the joint evaluation (A.8–A.9), the decision (A.10)
and the follow-up plan with an addendum to the PKS (A.11); then writes the
partnership to ``out/partnership.json``, the MoU, the PKS and the addendum as DOCX
(``out/mou.docx``, ``out/pks.docx``, ``out/addendum.docx``), the PKS as the addendum amends
it (its *naskah terpadu*, ``out/pks-naskah-terpadu.docx``), the first year's monitoring
and evaluation report (``out/laporan-monev.docx``) with the learners' outcomes, the berita
acara and daftar hadir of the joint evaluation (``out/berita-acara-evaluasi.docx``,
``out/daftar-hadir-evaluasi.docx``) and the touchpoints planned with
each partner for the second year (``out/touchpoints.ics``); with the ``xlsx`` extra, the
candidates, the work plan, the monitoring records and the learners' roster as a workbook a
facilitator keeps working in (``out/kemitraan.xlsx``).

All names and identifiers are invented for the example.

Run: ``python examples/seed_case.py [output-directory]``
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

from kemitraan import (
    ActivityProgress,
    Agreement,
    AgreementKind,
    Authority,
    BusinessScale,
    Contact,
    ContributionKind,
    Decision,
    Exploration,
    ExplorationKind,
    ExplorationResponse,
    Funding,
    GatheringMethod,
    GatheringRecord,
    ImplementationRecord,
    ImprovementAction,
    Indicator,
    IndicatorValue,
    Institution,
    Interaction,
    InteractionKind,
    MonitoringRecord,
    Move,
    Objective,
    Partner,
    PartnerKind,
    PartnerResponse,
    Partnership,
    PartnerView,
    PartyProfile,
    PartyRole,
    Period,
    PlannedActivity,
    Program,
    ProgramNeed,
    Region,
    RelevanceAssessment,
    Representative,
    Severity,
    Signatory,
    Stage,
    Term,
    WorkPlan,
    detect_deviations,
    draft_evaluation,
    monitoring_report,
    plan_touchpoints,
    recommend_patterns,
    render_document,
    save_json,
    touchpoints_ical,
)
from kemitraan.amendments import PatternChange, TermChange
from kemitraan.authority import AuthorityKind, Grantor
from kemitraan.conventions import date_long, words
from kemitraan.documents.attendance import AttendanceList
from kemitraan.documents.consolidated import consolidated
from kemitraan.documents.me_report import ReportSigner
from kemitraan.documents.meetings import meeting
from kemitraan.documents.minutes import Minutes
from kemitraan.evaluation import carry_forward, divergences
from kemitraan.exceptions import MissingExtraError
from kemitraan.learners import (
    Business,
    CompetencyTest,
    Employment,
    FollowUp,
    Learner,
    LearnerSupport,
)
from kemitraan.maintenance import Observance, PartnerEvent, Technique
from kemitraan.maintenance.touchpoints import Touchpoint
from kemitraan.mapping import CandidateRegister
from kemitraan.monitoring import HealthItem, ProblemMet, Spending
from kemitraan.parties import EducationUnitType, GatheringApproach, Party, ScaleEvidence
from kemitraan.pattern_terms import Contribution, GeneralTradeTerms, TradedGood, TradeMode
from kemitraan.patterns import pattern_info
from kemitraan.planning import Direction, ObjectiveLevel, Target
from kemitraan.programs import NeedKind, Participants, ProgramKind
from kemitraan.provisions import Definition, DisputeSettlement, Payment, Termination
from kemitraan.spreadsheets import write_spreadsheet
from kemitraan.trade import BankAccount, GoodsOrigin, ProceedsShare, TradeTerms

K = ContributionKind
BANJAR = Region(province="Kalimantan Selatan", regency="Kabupaten Banjar", district="Martapura")


def build_institution() -> Institution:
    """PKBM Harapan Bangsa, the institution (*lembaga*)."""
    return Institution(
        name="PKBM Harapan Bangsa",
        unit_type=EducationUnitType.PKBM,
        operated_by="Yayasan Harapan Bangsa",
        npsn="69912345",
        operating_permit="Keputusan Kepala Dinas Pendidikan Kabupaten Banjar Nomor "
        "421.10/045/Disdik/2019 tanggal 15 April 2019",
        region=BANJAR.model_copy(update={"village": "Kelurahan Keraton"}),
        address="Jl. Ahmad Yani Km 39 No. 12, Martapura",
        representative=Representative(
            name="Hj. Siti Aminah, S.Pd.",
            position="Ketua PKBM Harapan Bangsa",
            authority=Authority(
                kind=AuthorityKind.FOUNDATION_DECREE,
                issuer="Ketua Yayasan Harapan Bangsa",
                number="03/YHB/I/2023",
                issued_on=date(2023, 1, 9),
            ),
        ),
        contacts=[Contact(email="pkbm.harapanbangsa@example.id", personal=False)],
    )


def build_program(institution: Institution) -> Program:
    """The PKW programme and the problems and needs partners should help with (A.3)."""
    return Program(
        name="Pembuatan Tas Rajut",
        kind=ProgramKind.PKW,
        institution_id=institution.id,
        objectives=[
            "Peserta didik terampil membuat tas rajut bermutu jual",
            "Lulusan memulai usaha tas rajut dan memperoleh penghasilan",
        ],
        needs=[
            ProgramNeed(
                code="instruktur",
                description="Instruktur rajut berpengalaman usaha",
                category=K.INSTRUCTORS,
            ),
            ProgramNeed(
                code="bahan-baku",
                description="Pasokan benang dan aksesori yang murah",
                category=K.PRODUCTION_INPUTS,
            ),
            ProgramNeed(
                code="pemasaran",
                kind=NeedKind.PROBLEM,
                description="Hasil rajutan peserta belum punya pasar tetap",
                category=K.MARKET_ACCESS,
            ),
            ProgramNeed(
                code="perizinan",
                description="Lulusan perlu NIB dan sertifikat halal",
                category=K.LICENSING,
            ),
            ProgramNeed(
                code="modal",
                kind=NeedKind.PROBLEM,
                description="Lulusan tidak punya modal awal usaha",
                category=K.CAPITAL,
            ),
        ],
        location=institution.region,
        period=Period(start=date(2025, 4, 14), end=date(2025, 7, 31)),
        minimum_wage=Decimal(3_500_000),  # the regency's UMK for the year (invented)
        participants=Participants(
            count=20,
            target_group="Ibu rumah tangga dan remaja putus "
            "sekolah usia 16-40 tahun di Kecamatan Martapura",
        ),
    )


# The members of KUBE Rajut Lestari who gave its chair the mandate to sign (NIK: personal data).
KUBE_MEMBERS = [
    Grantor(name="Normasari", nik="6303014703850002"),
    Grantor(name="Siti Rahmah", nik="6303015208900001"),
    Grantor(name="Mariani", nik="6303016101880003"),
    Grantor(name="Hairiah", nik="6303014405920004"),
    Grantor(name="Jumiati", nik="6303015512870005"),
    Grantor(name="Rusmilawati", nik="6303014107930006"),
    Grantor(name="Fitriani", nik="6303016309910007"),
    Grantor(name="Nurhasanah", nik="6303014802860008"),
    Grantor(name="Salmiah", nik="6303015006890009"),
    Grantor(name="Mahyuni", nik="6303014411940010"),
    Grantor(name="Aisyah", nik="6303016704950011"),
    Grantor(name="Rabiatul Adawiyah", nik="6303015901900012"),
]


WITA = timezone(timedelta(hours=8), "WITA")
FACILITATOR = "Rina Marlina (pendamping)"


def _gathered(
    on: date, method: GatheringMethod, approach: GatheringApproach, source: str, findings: str
) -> GatheringRecord:
    return GatheringRecord(
        on=on, method=method, approach=approach, source=source, findings=findings, by=FACILITATOR
    )


def build_candidates() -> list[Partner]:
    """Step A.1: one candidate of each of the guide's five kinds, with kind, scale and region."""
    return [
        Partner(
            name="KUBE Rajut Lestari",
            kind=PartnerKind.COMMUNITY_GROUP,
            finances=ScaleEvidence(annual_sales=Decimal("180000000"), year=2024),
            region=BANJAR,
            address="Jl. Sekumpul Gg. Rahmat No. 5, Martapura",
            representative=Representative(
                name="Normasari",
                position="Ketua KUBE Rajut Lestari",
                authority=Authority(
                    kind=AuthorityKind.OTHER,
                    text="Berita Acara Pembentukan KUBE Rajut Lestari tanggal 4 Maret 2019",
                ),
            ),
            mapped_on=date(2025, 1, 13),
        ),
        Partner(
            name="Hj. Norhayati",
            id="hj-norhayati",
            kind=PartnerKind.COMMUNITY_FIGURE,
            region=BANJAR,
            contacts=[Contact(phone="0812-5123-4567")],
            mapped_on=date(2025, 1, 13),
        ),
        Partner(
            name="CV Kriya Banua",
            kind=PartnerKind.BUSINESS,
            finances=ScaleEvidence(annual_sales=Decimal("18500000000"), year=2024),
            nib="9120001234567",
            npwp="0013121660091000",  # the 16-digit form, used since 1 July 2024
            region=Region(province="Kalimantan Selatan", regency="Kota Banjarmasin"),
            address="Jl. Lambung Mangkurat No. 8, Banjarmasin",
            representative=Representative(
                name="H. Rahmat Hidayat",
                position="Direktur CV Kriya Banua",
                authority=Authority(
                    kind=AuthorityKind.DEED,
                    issuer="CV Kriya Banua",
                    number="21",
                    issued_on=date(2016, 5, 3),
                    notary="Hj. Rahmah, S.H., M.Kn.",
                ),
            ),
            contacts=[
                Contact(
                    name="H. Rahmat Hidayat",
                    phone="0511 3252 777",
                    email="kemitraan@kriyabanua.example.id",
                    personal=False,
                )
            ],
            mapped_on=date(2025, 1, 13),
        ),
        Partner(
            name="Koperasi Wanita Sejahtera",
            kind=PartnerKind.COOPERATIVE,
            scale=BusinessScale.SMALL,
            region=BANJAR,
            representative=Representative(
                name="Dra. Fauziah",
                position="Ketua Pengurus",
                authority=Authority(kind=AuthorityKind.BYLAWS, issuer="Koperasi Wanita Sejahtera"),
            ),
            mapped_on=date(2025, 1, 13),
        ),
        Partner(
            name="Dinas Koperasi, UKM dan Tenaga Kerja Kabupaten Banjar",
            id="diskopukmnaker-banjar",
            kind=PartnerKind.GOVERNMENT,
            region=BANJAR,
            address="Jl. Menteri Empat No. 1, Martapura",
            representative=Representative(
                name="Drs. H. Ahmad Yani, M.Si.",
                position="Kepala Dinas Koperasi, UKM dan Tenaga Kerja Kabupaten Banjar",
                nip="197001011995031001",
                rank="Pembina Utama Muda (IV/c)",
                authority=Authority(
                    kind=AuthorityKind.APPOINTMENT,
                    issuer="Bupati Banjar",
                    number="821.2/045/BKPSDM/2022",
                    year=2022,
                ),
            ),
            mapped_on=date(2025, 1, 13),
        ),
    ]


# What step A.2 gathers about each candidate.
PROFILES: dict[str, PartyProfile] = {
    "kube-rajut-lestari": PartyProfile(
        goals=["Menambah penghasilan anggota dari kerajinan rajut"],
        scope_of_work=["Produksi tas dan dompet rajut"],
        offers=[K.PRODUCTS, K.SUPPLY, K.INSTRUCTORS],
        needs=[K.MARKET_ACCESS],
        gathering_records=[
            _gathered(
                date(2025, 1, 20),
                GatheringMethod.OBSERVATION,
                GatheringApproach.INFORMAL,
                "Kunjungan ke rumah produksi",
                "12 anggota aktif, 300 tas per bulan",
            )
        ],
    ),
    "hj-norhayati": PartyProfile(
        goals=["Melestarikan kerajinan tangan perempuan Banjar"],
        scope_of_work=["Pembinaan perajin", "Majelis taklim"],
        offers=[K.MENTORING],
        gathering_records=[
            _gathered(
                date(2025, 1, 22),
                GatheringMethod.INTERVIEW,
                GatheringApproach.PERSONAL,
                "Hj. Norhayati, di rumahnya",
                "Bersedia mengajak jamaah menjadi peserta",
            )
        ],
    ),
    "cv-kriya-banua": PartyProfile(
        goals=["Memasarkan kerajinan khas Kalimantan Selatan"],
        scope_of_work=["Toko oleh-oleh dan kerajinan", "Penjualan daring"],
        vision="Menjadi etalase kriya Banua",
        offers=[K.OFFTAKE, K.MARKETING, K.TRAINING],
        gathering_records=[
            _gathered(
                date(2025, 1, 27),
                GatheringMethod.INTERVIEW,
                GatheringApproach.FORMAL,
                "Direktur, melalui surat permohonan audiensi",
                "Membutuhkan 200 tas rajut per bulan dengan mutu seragam",
            )
        ],
    ),
    "koperasi-wanita-sejahtera": PartyProfile(
        goals=["Menyejahterakan anggota"],
        scope_of_work=["Simpan pinjam", "Pengumpulan dan pemasaran produk anggota"],
        offers=[K.DISTRIBUTION, K.CAPITAL],
        gathering_records=[
            _gathered(
                date(2025, 1, 29),
                GatheringMethod.DOCUMENTS,
                GatheringApproach.FORMAL,
                "Laporan RAT 2024",
                "Sudah menyalurkan produk anggota ke dua toko",
            )
        ],
    ),
    "diskopukmnaker-banjar": PartyProfile(
        goals=["Menumbuhkan wirausaha baru"],
        scope_of_work=["Pelatihan kewirausahaan", "Fasilitasi perizinan UMKM"],
        offers=[K.TRAINING, K.LICENSING],
        gathering_records=[
            _gathered(
                date(2025, 2, 3),
                GatheringMethod.INTERVIEW,
                GatheringApproach.FORMAL,
                "Kepala Bidang UKM",
                "Dapat memfasilitasi NIB dan sertifikasi halal gratis",
            )
        ],
    ),
}

# Keeping the partnership (guide C): which days each partner keeps, to greet it on them
# (C.5); the national days (Tahun Baru, 17 Agustus) are everyone's. All are Banjar
# Muslims: no Natal, Nyepi, Waisak or Imlek greetings; in Sekumpul, Maulid above all.
LEBARAN = [Observance.IDUL_FITRI, Observance.IDUL_ADHA, Observance.ISLAMIC_NEW_YEAR]
OBSERVANCES: dict[str, list[Observance]] = {
    "kube-rajut-lestari": [*LEBARAN, Observance.MAULID],
    "hj-norhayati": [*LEBARAN, Observance.MAULID, Observance.ISRA_MIKRAJ],
    "cv-kriya-banua": LEBARAN,
    "koperasi-wanita-sejahtera": LEBARAN,
    "diskopukmnaker-banjar": LEBARAN,
}

# What the institution uniquely brings each partner, to show at every meeting (guide C.4).
UNIQUE_VALUES: dict[str, str] = {
    "kube-rajut-lestari": "Lulusan PKW terlatih sebagai perajin tambahan saat pesanan melonjak",
    "cv-kriya-banua": "Cerita motif sasirangan dan data mutu tiap angkatan untuk label tas",
    "diskopukmnaker-banjar": "Lulusan ber-NIB dan bersertifikat halal, calon wirausaha binaan",
}

# Step A.3: which candidate meets which of the programme's problems and needs.
RELEVANCE: dict[str, list[str]] = {
    "kube-rajut-lestari": ["instruktur"],
    "hj-norhayati": [],
    "cv-kriya-banua": ["pemasaran"],
    "koperasi-wanita-sejahtera": ["modal"],
    "diskopukmnaker-banjar": ["perizinan"],
}

# Step A.4: each candidate's answer at the audience or presentation.
ANSWERS: dict[str, PartnerResponse] = {
    "kube-rajut-lestari": PartnerResponse.AGREED,
    "cv-kriya-banua": PartnerResponse.AGREED,
    "koperasi-wanita-sejahtera": PartnerResponse.CONSIDERING,
    "diskopukmnaker-banjar": PartnerResponse.AGREED,
}


def contributions_of(partnership: Partnership) -> list[Contribution]:
    """What each party offers: the institution its learners and venue, partners their offers."""
    return [
        Contribution(
            party_id=partnership.institution.id,
            kinds=frozenset({K.PARTICIPANTS, K.FACILITIES, K.TRAINING}),
        ),
        *(
            Contribution(party_id=p.id, kinds=frozenset(p.profile.offers))
            for p in partnership.partners
            if p.profile.offers
        ),
    ]


def draft_mou(partnership: Partnership) -> Agreement:
    """Step A.6: the MoU with every party's role and responsibilities, in general trade."""
    pkbm, kube, shop, dinas = partnership.parties
    program = partnership.program
    learners = program.participants.count if program.participants else 0
    signatories = signatories_of(partnership.parties)
    committed = {p.id for p in partnership.parties}
    offers = [c for c in contributions_of(partnership) if c.party_id in committed]
    recommended = recommend_patterns(partnership.parties, offers)[0]
    assert recommended.roles == {"supplier": [kube.id], "buyer": [shop.id]}
    return Agreement(
        kind=AgreementKind.MOU,
        parties=partnership.parties,
        numbers={
            pkbm.id: "005/PKBM-HB/III/2025",
            kube.id: "02/KUBE-RL/III/2025",
            shop.id: "017/KB/III/2025",
            dinas.id: "500.3/118/DISKOPUKMNAKER/2025",
        },
        subject=f"Kemitraan Program {program.title}",
        place="Martapura",
        date=date(2025, 3, 10),
        considerations=[
            f"PIHAK PERTAMA menyelenggarakan program {program.title} bagi "
            f"{learners} ({words(learners)}) peserta didik",
            "PIHAK KEDUA adalah kelompok usaha bersama yang memproduksi tas rajut",
            "PIHAK KETIGA memasarkan kerajinan khas Kalimantan Selatan",
            "PIHAK KEEMPAT bertugas menumbuhkan wirausaha baru di Kabupaten Banjar",
        ],
        purpose="Meningkatkan kecakapan wirausaha peserta didik dan membuka pasar hasil rajutan",
        objectives=list(program.objectives),
        scope=[
            "Praktik produksi tas rajut",
            "Pemasaran hasil produksi",
            "Fasilitasi perizinan usaha lulusan",
        ],
        # The recommended pattern, its roles filled in (KUBE supplies, the shop markets);
        # the MoU keeps to general terms: prices, quantities and payment go in the PKS.
        pattern=recommended.terms(
            mode=TradeMode.MARKETING,
            goods=[TradedGood(name="Tas rajut ukuran sedang")],
            quality_requirements=[
                "Rajutan rapat, rapi dan tidak longgar",
                "Ukuran sesuai contoh yang disepakati",
            ],
        ),
        roles=[
            PartyRole(
                party_id=pkbm.id,
                role="Penyelenggara PKW",
                rights=["Memperoleh dukungan instruktur dan pasar bagi lulusan"],
                responsibilities=[
                    "Merekrut dan membina peserta didik",
                    "Menyediakan tempat dan alat praktik",
                ],
            ),
            PartyRole(
                party_id=kube.id,
                role="Mitra produksi dan instruktur",
                rights=["Memperoleh pembeli tetap untuk tas rajut"],
                responsibilities=[
                    "Menyediakan instruktur praktik",
                    "Memasok tas rajut sesuai persyaratan mutu",
                ],
            ),
            PartyRole(
                party_id=shop.id,
                role="Mitra pemasaran",
                rights=["Memperoleh pasokan tas rajut sesuai mutu yang disepakati"],
                responsibilities=["Membeli dan memasarkan tas rajut hasil produksi"],
            ),
            PartyRole(
                party_id=dinas.id,
                role="Pembina dan fasilitator perizinan",
                responsibilities=["Memfasilitasi NIB dan sertifikat halal lulusan"],
            ),
        ],
        financing=[
            Funding(
                source_name="Bantuan Pemerintah Program PKW Tahun 2025",
                amount=Decimal("59000000"),
                purpose="Biaya penyelenggaraan PKW oleh PIHAK PERTAMA bagi "
                f"{learners} ({words(learners)}) peserta didik",
            )
        ],
        term=Term(start=date(2025, 3, 10), end=date(2028, 3, 9)),
        dispute_settlement=DisputeSettlement(venue="Pengadilan Negeri Martapura"),
        signatories=signatories,
        originals=4,
    )


# What gives each signer capacity for their party's legal form (REFERENCE, capacity to sign).
EVALUATION_MINUTES = "012/BA/PKBM-HB/I/2026"
"""The number of the berita acara of the first year's joint evaluation (26 January 2026)."""

CAPACITY_OF: dict[str, list[Authority]] = {
    # UU 16/2001 Pasal 35: the Pengurus represents the yayasan; the head of the PKBM it
    # runs signs for it on the Pengurus's power of attorney.
    "pkbm-harapan-bangsa": [
        Authority(
            kind=AuthorityKind.POWER_OF_ATTORNEY,
            issuer="Pengurus Yayasan Harapan Bangsa",
            number="05/YHB/II/2025",
            issued_on=date(2025, 2, 24),
        )
    ],
    # A KUBE is no legal person: its chair binds it on its members' mandate.
    "kube-rajut-lestari": [
        Authority(
            kind=AuthorityKind.MEMBERS_MANDATE,
            issuer="KUBE Rajut Lestari",
            number="02/KUBE-RL/II/2025",
            issued_on=date(2025, 2, 21),
            grantors=KUBE_MEMBERS,
        )
    ],
    # The Kepala Dinas binds the regional government on the Bupati's delegation.
    "diskopukmnaker-banjar": [
        Authority(
            kind=AuthorityKind.DELEGATION,
            issuer="Bupati Banjar",
            number="180/017/HUK/2025",
            issued_on=date(2025, 3, 3),
        )
    ],
}
SIGNER_NIK = {"kube-rajut-lestari": "6303014703850002"}  # the KUBE's chair


def renewed_capacity(year: int) -> dict[str, list[Authority]]:
    """What gives the PKS's signers capacity for an addendum made in ``year``: a fresh power
    of attorney and a fresh mandate, each for this addendum (the first ones were for the
    MoU and the PKS of 2025)."""
    return {
        "pkbm-harapan-bangsa": [
            Authority(
                kind=AuthorityKind.POWER_OF_ATTORNEY,
                issuer="Pengurus Yayasan Harapan Bangsa",
                number=f"02/YHB/II/{year}",
                issued_on=date(year, 2, 9),
            )
        ],
        "kube-rajut-lestari": [
            Authority(
                kind=AuthorityKind.MEMBERS_MANDATE,
                issuer="KUBE Rajut Lestari",
                number=f"01/KUBE-RL/II/{year}",
                issued_on=date(year, 2, 9),
                grantors=KUBE_MEMBERS,
            )
        ],
    }


def signatories_of(
    parties: Sequence[Party], capacity: dict[str, list[Authority]] | None = None
) -> list[Signatory]:
    """Each party's representative signs for it, with what gives them capacity to."""
    capacity = CAPACITY_OF if capacity is None else {**CAPACITY_OF, **capacity}
    return [
        Signatory(
            party_id=p.id,
            name=p.representative.name,
            position=p.representative.position,
            nip=p.representative.nip,
            nik=SIGNER_NIK.get(p.id),
            instruments=capacity.get(p.id, []),
        )
        for p in parties
        if p.representative is not None
    ]


def draft_pks(partnership: Partnership) -> Agreement:
    """The PKS that implements the MoU for the trade: the PKBM, the KUBE and the shop."""
    mou = partnership.agreement
    assert mou is not None
    pkbm = partnership.institution
    kube, shop = (partnership.partner(pid) for pid in PKS_PARTIES[1:])
    return Agreement(
        kind=AgreementKind.PKS,
        parties=[pkbm, kube, shop],
        implements=mou.reference(),
        numbers={
            pkbm.id: "006/PKBM-HB/III/2025",
            kube.id: "03/KUBE-RL/III/2025",
            shop.id: "018/KB/III/2025",
        },
        subject="Pemasaran Tas Rajut Hasil Praktik Peserta Didik PKW",
        place="Martapura",
        date=date(2025, 3, 10),
        considerations=[
            "PIHAK KEDUA memproduksi tas rajut bersama peserta didik PIHAK PERTAMA",
            "PIHAK KETIGA membutuhkan pasokan tas rajut dengan mutu seragam",
        ],
        definitions=[
            Definition(
                term="Produk",
                meaning="tas rajut ukuran sedang hasil produksi PIHAK KEDUA bersama peserta didik",
            ),
            Definition(
                term="Contoh Produk",
                meaning="tas rajut yang disepakati PARA PIHAK sebagai acuan ukuran dan mutu",
            ),
        ],
        purpose="Mengatur pemasaran Produk hasil praktik peserta didik secara rinci",
        scope=["Pemasokan Produk", "Pembelian dan pemasaran Produk", "Pembayaran"],
        pattern=GeneralTradeTerms(
            supplier=kube.id,
            buyer=shop.id,
            mode=TradeMode.MARKETING,
            goods=[
                TradedGood(
                    name="Tas rajut ukuran sedang",
                    quantity=Decimal(200),
                    period="per bulan",
                    unit_price=Decimal("85000"),
                )
            ],
            quality_requirements=[
                "Rajutan rapat, rapi dan tidak longgar",
                "Ukuran sesuai Contoh Produk",
            ],
            delivery_schedule="setiap hari Senin minggu pertama dan ketiga",
        ),
        roles=[
            PartyRole(
                party_id=pkbm.id,
                role="Penyelenggara PKW",
                rights=["Menerima laporan penjualan Produk setiap bulan"],
                responsibilities=["Menjadwalkan praktik produksi peserta didik"],
            ),
            PartyRole(
                party_id=kube.id,
                role="Pemasok",
                rights=["Menerima pembayaran atas Produk yang diterima"],
                responsibilities=["Memasok Produk sesuai jumlah dan mutu yang disepakati"],
            ),
            PartyRole(
                party_id=shop.id,
                role="Pembeli dan pemasar",
                rights=["Menolak Produk yang tidak sesuai Contoh Produk"],
                responsibilities=["Membeli dan memasarkan Produk yang memenuhi mutu"],
            ),
        ],
        payments=[
            Payment(
                payer=shop.id,
                payee=kube.id,
                what="harga Produk yang diterima",
                due_days=14,
            )
        ],
        trade=TradeTerms(
            delivery_place="toko PIHAK KETIGA, Jl. Lambung Mangkurat No. 8, Banjarmasin",
            delivery_cost_by=kube.id,
            inspection_days=3,
            tax_note="PIHAK KEDUA bukan Pengusaha Kena Pajak, sehingga harga Produk tidak "
            "dikenai Pajak Pertambahan Nilai",
            account=BankAccount(
                bank="Bank Kalsel Cabang Martapura",
                number="0012-01-23456-7",
                holder="KUBE Rajut Lestari",
            ),
            late_fee_per_day=Decimal("0.1"),
            late_fee_cap=Decimal(5),
            suspend_after_days=30,
            sales_report_by=shop.id,
            sales_report_every="setiap bulan",
            origin=GoodsOrigin.LEARNERS_PRACTICE,
            owner_before_sale=kube.id,
            proceeds=[
                ProceedsShare(to="PIHAK KEDUA", percent=Decimal(40), use="Bahan dan jasa produksi"),
                ProceedsShare(to="Peserta didik yang membuat Produk", percent=Decimal(40)),
                ProceedsShare(
                    to="PIHAK PERTAMA",
                    percent=Decimal(20),
                    use="Modal bahan praktik angkatan berikutnya",
                ),
            ],
            proceeds_shared_by=kube.id,
            proceeds_within_days=14,
            grant_rules="Petunjuk Teknis Bantuan Pemerintah Program Pendidikan Kecakapan "
            "Wirausaha Tahun 2025",
        ),
        term=Term(start=date(2025, 3, 10), end=date(2026, 3, 9)),
        termination=Termination(notice_days=30, waive_court_termination=True),
        confidentiality=True,
        dispute_settlement=DisputeSettlement(venue="Pengadilan Negeri Martapura"),
        signatories=signatories_of([pkbm, kube, shop]),
        originals=3,
    )


PKS_PARTIES = ("pkbm-harapan-bangsa", "kube-rajut-lestari", "cv-kriya-banua")


def draft_addendum(partnership: Partnership) -> Agreement:
    """Step A.11: an addendum to the PKS that extends its term and raises the monthly volume."""
    assert partnership.cooperation_agreements, "the PKS is signed in step 7"
    pks = partnership.cooperation_agreements[0]
    assert pks.term is not None
    assert isinstance(pks.pattern, GeneralTradeTerms)
    more = [good.model_copy(update={"quantity": Decimal(300)}) for good in pks.pattern.goods]
    day = date(2025 + partnership.cycle, 2, 16)
    # the record that says why: the parties' decision, after the joint evaluation
    evaluated = next((e for e in partnership.evaluations if e.cycle == partnership.cycle), None)
    minutes = (
        f" (Berita Acara Nomor {EVALUATION_MINUTES} tanggal {date_long(evaluated.on)})"
        if evaluated is not None
        else ""
    )
    decided = partnership.decision()
    when = f" pada tanggal {date_long(decided.on)}" if decided is not None else ""
    reason = (decided.reason if decided is not None else None) or "Permintaan melebihi pasokan"
    romans = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
    month = romans[day.month - 1]
    # each party's own register number for the addendum: a new serial of its year, and the
    # addendum's own month and year (the KUBE's 01 of February 2026 is its members' mandate)
    serials = {"pkbm-harapan-bangsa": "014", "kube-rajut-lestari": "02", "cv-kriya-banua": "031"}
    numbers = {
        pid: "/".join([serials[pid], *number.split("/")[1:-2], month, str(day.year)])
        for pid, number in pks.numbers.items()
    }
    return Agreement(
        kind=AgreementKind.ADDENDUM,
        parties=pks.parties,
        numbers=numbers,
        subject="Perpanjangan Jangka Waktu dan Penambahan Volume Pasokan Tas Rajut",
        place="Martapura",
        date=day,
        considerations=[
            f"Setelah evaluasi bersama tahun pertama{minutes}, PARA PIHAK{when} memutuskan "
            "melanjutkan kerja sama dengan pasokan yang ditambah, karena "
            f"{reason[:1].lower() + reason[1:]}"
        ],
        amends=pks.reference(),
        amendments=[
            TermChange(term=Term(start=pks.term.start, end=date(2026 + partnership.cycle, 3, 9))),
            PatternChange(pattern=pks.pattern.model_copy(update={"goods": more})),
        ],
        signatories=signatories_of(pks.parties, renewed_capacity(day.year)),
        originals=pks.originals,
    )


def build_work_plan(partnership: Partnership) -> WorkPlan:
    """Step A.5: the joint plan: its aims, activities with budgets and the obligations they
    fulfil, and the indicators progress is measured by."""
    pkbm, kube, shop, dinas = (p.id for p in partnership.parties)
    return WorkPlan(
        drawn_up_on=date(2025, 2, 24),
        participants=[pkbm, kube, shop, dinas],
        objectives=[
            Objective(
                id="kemandirian",
                level=ObjectiveLevel.GOAL,
                statement="Kemandirian ekonomi lulusan PKW di Kabupaten Banjar",
            ),
            Objective(
                id="berusaha",
                level=ObjectiveLevel.PURPOSE,
                statement="Lulusan memulai usaha tas rajut",
                serves="kemandirian",
            ),
            Objective(
                id="terampil",
                level=ObjectiveLevel.OUTPUT,
                statement="Peserta didik terampil membuat tas rajut bermutu jual",
                serves="berusaha",
            ),
            Objective(
                id="terjual",
                level=ObjectiveLevel.OUTPUT,
                statement="Tas rajut peserta terjual melalui CV Kriya Banua",
                serves="berusaha",
            ),
            Objective(
                id="legal",
                level=ObjectiveLevel.OUTPUT,
                statement="Lulusan yang berusaha memiliki NIB",
                serves="berusaha",
            ),
        ],
        activities=[
            PlannedActivity(
                name="Rekrutmen peserta didik",
                responsible=pkbm,
                period=Period(start=date(2025, 3, 17), end=date(2025, 4, 11)),
                budget=Decimal("2000000"),
                objective="terampil",
                fulfils=["Merekrut dan membina peserta didik"],
            ),
            PlannedActivity(
                name="Praktik produksi tas rajut",
                responsible=kube,
                supporting=[pkbm],
                period=Period(start=date(2025, 4, 14), end=date(2025, 7, 31)),
                budget=Decimal("30000000"),
                objective="terampil",
                fulfils=["Menyediakan instruktur praktik", "Menyediakan tempat dan alat praktik"],
            ),
            PlannedActivity(
                name="Kurasi mutu dan pembelian produk",
                responsible=shop,
                period=Period(start=date(2025, 5, 1), end=date(2025, 12, 31)),
                objective="terjual",
                fulfils=["Membeli dan memasarkan tas rajut hasil produksi"],
            ),
            PlannedActivity(
                name="Fasilitasi NIB dan sertifikat halal",
                responsible=dinas,
                period=Period(start=date(2025, 8, 1), end=date(2025, 10, 31)),
                budget=Decimal("5000000"),
                objective="legal",
                fulfils=["Memfasilitasi NIB dan sertifikat halal lulusan"],
            ),
        ],
        indicators=[
            Indicator(
                id="lulus-uji",
                name="Peserta lulus uji praktik",
                unit="orang",
                baseline=Decimal(0),
                baseline_on=date(2025, 4, 14),
                targets=[Target(by=date(2025, 7, 31), value=Decimal(18))],
                verification="Daftar nilai uji praktik",
                objective="terampil",
                responsible=kube,
            ),
            Indicator(
                id="tas-terjual",
                name="Tas rajut dibeli CV Kriya Banua per bulan",
                unit="buah",
                baseline=Decimal(0),
                baseline_on=date(2025, 5, 1),
                targets=[
                    Target(by=date(2025, 8, 31), value=Decimal(150)),
                    Target(by=date(2025, 12, 31), value=Decimal(200)),
                ],
                verification="Nota pembelian CV Kriya Banua",
                objective="terjual",
                responsible=shop,
            ),
            Indicator(
                id="tas-ditolak",
                name="Tas ditolak karena cacat",
                unit="%",
                baseline=Decimal(20),
                baseline_on=date(2025, 5, 1),
                targets=[Target(by=date(2025, 8, 31), value=Decimal(5))],
                direction=Direction.LOWER,
                verification="Catatan kurasi mutu CV Kriya Banua",
                objective="terjual",
                responsible=shop,
            ),
            Indicator(
                id="lulusan-nib",
                name="Lulusan memiliki NIB",
                unit="orang",
                baseline=Decimal(0),
                baseline_on=date(2025, 8, 1),
                targets=[Target(by=date(2025, 10, 31), value=Decimal(15))],
                verification="Daftar NIB dari OSS",
                objective="legal",
                responsible=dinas,
            ),
        ],
        notes="Disusun bersama dalam rapat koordinasi di PKBM",
    )


def implementation_records(institution_id: str, cycle: int) -> list[ImplementationRecord]:
    """Step A.8: what was carried out."""
    year = 2024 + cycle
    return [
        ImplementationRecord(
            cycle=cycle,
            on=date(year, 4, 10),
            activity="rekrutmen-peserta-didik",
            party_ids=[institution_id],
            result="20 peserta didik terdaftar",
        ),
        ImplementationRecord(
            cycle=cycle,
            on=date(year, 4, 14),
            activity="Praktik produksi tas rajut",
            party_ids=[institution_id, "kube-rajut-lestari"],
            result="20 peserta mengikuti praktik",
        ),
        ImplementationRecord(
            cycle=cycle,
            on=date(year, 5, 12),
            activity="Kurasi mutu dan pembelian produk",
            party_ids=["cv-kriya-banua"],
            result="Kurasi pertama: 40 tas dibeli",
        ),
        ImplementationRecord(
            cycle=cycle,
            on=date(year, 10, 20),
            activity="fasilitasi-nib-dan-sertifikat-halal",
            party_ids=["diskopukmnaker-banjar", institution_id],
            result="15 lulusan memperoleh NIB",
        ),
    ]


def monitoring_records(institution_id: str, cycle: int) -> list[MonitoringRecord]:
    """Step A.9: three visits; in July the sales lag and a problem is found, by October it is
    solved."""
    year = 2024 + cycle
    kube, shop = "kube-rajut-lestari", "cv-kriya-banua"
    problem = "Tali tas mudah lepas sehingga tas ditolak"
    if cycle > 1:  # the next year's plan: the second group's practice, sales carried forward
        return [
            MonitoringRecord(
                cycle=cycle,
                on=date(year, 6, 30),
                by=institution_id,
                participants=[kube, shop],
                findings="Angkatan kedua berjalan; mutu sambungan tali sesuai standar",
                progress=[
                    ActivityProgress(activity="pelatihan-standar-mutu", percent=Decimal(100)),
                    ActivityProgress(
                        activity="praktik-produksi-angkatan-kedua", percent=Decimal(50)
                    ),
                ],
                indicators=[IndicatorValue(indicator="tas-terjual", value=Decimal(240))],
            )
        ]
    return [
        MonitoringRecord(
            cycle=cycle,
            on=date(year, 5, 30),
            by=institution_id,
            participants=[kube, shop],
            findings="18 dari 20 peserta hadir rutin",
            progress=[
                ActivityProgress(activity="rekrutmen-peserta-didik", percent=Decimal(100)),
                ActivityProgress(activity="praktik-produksi-tas-rajut", percent=Decimal(40)),
            ],
            indicators=[
                IndicatorValue(indicator="tas-terjual", value=Decimal(40)),
                IndicatorValue(indicator="tas-ditolak", value=Decimal(15)),
            ],
            spending=[
                Spending(activity="rekrutmen-peserta-didik", amount=Decimal("1800000")),
                Spending(activity="praktik-produksi-tas-rajut", amount=Decimal("12000000")),
            ],
        ),
        MonitoringRecord(
            cycle=cycle,
            on=date(year, 7, 15),
            by=institution_id,
            participants=[kube, shop],
            findings="Penjualan di bawah target; 12% tas ditolak karena tali longgar",
            progress=[ActivityProgress(activity="praktik-produksi-tas-rajut", percent=Decimal(80))],
            indicators=[
                IndicatorValue(indicator="tas-terjual", value=Decimal(60)),
                IndicatorValue(indicator="tas-ditolak", value=Decimal(12)),
                IndicatorValue(indicator="lulus-uji", value=Decimal(14)),
            ],
            spending=[Spending(activity="praktik-produksi-tas-rajut", amount=Decimal("24000000"))],
            # the PKBM scheduled the learners' practice the PKS asks of it
            fulfils=["Menjadwalkan praktik produksi peserta didik"],
            problems=[
                ProblemMet(
                    problem=problem,
                    party_id=kube,
                    activity="praktik-produksi-tas-rajut",
                    cause="Teknik sambungan tali belum seragam",
                    solution="Pelatihan tambahan teknik sambungan tali oleh instruktur KUBE",
                )
            ],
        ),
        MonitoringRecord(
            cycle=cycle,
            on=date(year, 10, 31),
            by=institution_id,
            participants=[kube, shop, "diskopukmnaker-banjar"],
            findings="Mutu membaik setelah pelatihan sambungan tali",
            progress=[
                ActivityProgress(activity="praktik-produksi-tas-rajut", percent=Decimal(100)),
                ActivityProgress(
                    activity="fasilitasi-nib-dan-sertifikat-halal", percent=Decimal(100)
                ),
                ActivityProgress(activity="kurasi-mutu-dan-pembelian-produk", percent=Decimal(70)),
            ],
            indicators=[
                IndicatorValue(indicator="tas-terjual", value=Decimal(170)),
                IndicatorValue(indicator="tas-ditolak", value=Decimal(4)),
                IndicatorValue(
                    indicator="lulus-uji", value=Decimal(18), measured_on=date(year, 7, 31)
                ),
                IndicatorValue(indicator="lulusan-nib", value=Decimal(15)),
            ],
            spending=[
                Spending(activity="praktik-produksi-tas-rajut", amount=Decimal("31000000")),
                Spending(activity="fasilitasi-nib-dan-sertifikat-halal", amount=Decimal("4500000")),
            ],
            # bags supplied to the agreed quality and bought: what the visit saw done
            fulfils=[
                "Memasok tas rajut sesuai persyaratan mutu",
                "Membeli dan memasarkan Produk yang memenuhi mutu",
            ],
            problems=[
                ProblemMet(
                    problem=problem,
                    party_id=kube,
                    activity="praktik-produksi-tas-rajut",
                    cause="Teknik sambungan tali belum seragam",
                    solution="Pelatihan tambahan teknik sambungan tali oleh instruktur KUBE",
                    resolved=True,
                )
            ],
        ),
    ]


_LEARNERS = (
    "Siti Rahmah", "Nur Aini", "Fitriani", "Rusmini", "Halimah", "Mariani", "Saidah",
    "Jumiati", "Rabiatul Adawiyah", "Noorhayati", "Aulia Rahman", "Salasiah", "Mahmudah",
    "Nor Laila", "Khairunnisa", "Rina Wati", "Husnul Khatimah", "Zubaidah", "Yulianti", "Masitah",
)  # fmt: skip


def first_class(cycle: int) -> list[Learner]:
    """The first year's twenty learners and what became of them by February (invented).

    Eighteen complete the course (two leave in May), sixteen are found competent and
    certified; fifteen get an NIB through the Dinas, fourteen of them sell before the
    report (the fifteenth in March); two work at CV Kriya Banua after its apprenticeship;
    the February follow-up finds seven earning at least the UMK.
    """
    earnings = (3_900_000, 3_650_000, 3_500_000, 3_800_000, 3_550_000, 3_700_000, 1_800_000,
                2_400_000, 1_500_000, 2_100_000, 2_800_000, 1_900_000, 2_300_000, 2_600_000,
                1_200_000, 3_000_000)  # fmt: skip
    made = []
    for index, name in enumerate(_LEARNERS, 1):
        fields: dict[str, Any] = {"sessions_held": 48}
        if index > 18:
            fields |= {"dropped_out_on": date(2025, 5, 23), "sessions_attended": 9}
        else:
            fields |= {"completed_on": date(2025, 7, 31), "sessions_attended": 48 - index % 5}
            fields["competency"] = CompetencyTest(
                tested_on=date(2025, 8, 5),
                passed=index <= 16,
                certificate=f"LSP-KR/{index:03d}/VIII/2025" if index <= 16 else None,
                issuer="LSP Kriya Banua" if index <= 16 else None,
            )
        support = []
        if index <= 15:
            started = date(2026, 3, 2) if index == 15 else date(2025, 9 + index % 3, 1)
            fields["business"] = Business(
                started_on=started, products=["Tas rajut"], nib=f"912{index:010d}"
            )
            support.append(LearnerSupport(partner_id="diskopukmnaker-banjar", kind=K.LICENSING))
            if index <= 10:
                support.append(LearnerSupport(partner_id="cv-kriya-banua", kind=K.OFFTAKE))
        elif index in (16, 17):
            fields["employment"] = Employment(
                employer="CV Kriya Banua", started_on=date(2025, 9, 1), position="Perajin"
            )
            support.append(LearnerSupport(partner_id="cv-kriya-banua", kind=K.APPRENTICESHIP))
        if index <= 17:
            pay = Decimal(earnings[index - 1] if index <= 16 else 3_600_000)
            fields["follow_ups"] = [
                FollowUp(on=date(2025, 12, 15), monthly_income=pay * 3 / 4),
                FollowUp(on=date(2026, 2, 2), monthly_income=pay),
            ]
        made.append(
            Learner(
                id=f"pd-{cycle}-{index:02d}",
                name=name,
                cycle=cycle,
                enrolled_on=date(2025, 4, 10),
                supported_by=support,
                **fields,
            )
        )
    return made


def VIEWS(on: date) -> list[PartnerView]:
    """Each party's own view of the partnership's health (1 poor … 5 good)."""
    H = HealthItem
    scores = {
        "pkbm-harapan-bangsa": {H.SHARED_PURPOSE: 5, H.BENEFIT: 5, H.FAIR_CONTRIBUTION: 5,
                                H.TRUST: 4, H.COMMUNICATION: 4, H.CLEAR_ROLES: 4},
        "kube-rajut-lestari": {H.SHARED_PURPOSE: 4, H.BENEFIT: 3, H.FAIR_CONTRIBUTION: 2,
                               H.TRUST: 4, H.COMMUNICATION: 3, H.CLEAR_ROLES: 4},
        "cv-kriya-banua": {H.SHARED_PURPOSE: 4, H.BENEFIT: 5, H.FAIR_CONTRIBUTION: 4,
                           H.TRUST: 4, H.COMMUNICATION: 3, H.CLEAR_ROLES: 5},
        "diskopukmnaker-banjar": {H.SHARED_PURPOSE: 5, H.BENEFIT: 4, H.FAIR_CONTRIBUTION: 4,
                                  H.TRUST: 5, H.COMMUNICATION: 4, H.CLEAR_ROLES: 3},
    }  # fmt: skip
    comments = {"kube-rajut-lestari": {H.FAIR_CONTRIBUTION: "Beban produksi dirasa berat"}}
    return [
        PartnerView(party_id=pid, on=on, scores=given, comments=comments.get(pid, {}))
        for pid, given in scores.items()
    ]


def interactions(cycle: int) -> list[Interaction]:
    """Keeping in touch (guide C): visits, greetings, a workshop, a new opportunity."""
    year = 2024 + cycle
    pkbm = "pkbm-harapan-bangsa"
    everyone = ["kube-rajut-lestari", "cv-kriya-banua", "diskopukmnaker-banjar"]
    T = Technique
    return [
        Interaction(
            on=date(year, 5, 6),
            kind=InteractionKind.VISIT,
            partner_ids=["cv-kriya-banua"],
            people=[FACILITATOR, "H. Rahmat Hidayat"],
            initiated_by=pkbm,
            techniques=[T.PARTNER_FIRST, T.HUMBLE],
            summary="Kunjungan ke toko; meminta masukan atas mutu tas",
            feedback_requested=True,
            feedback="Tas perlu label merek dan kartu perawatan",
            acted_on=True,
        ),
        Interaction(
            on=date(year, 6, 6),
            kind=InteractionKind.WHATSAPP,
            partner_ids=everyone,
            initiated_by=pkbm,
            techniques=[T.ACTIVE],
            summary="Ucapan Selamat Idul Adha",
        ),
        Interaction(
            on=date(year, 8, 20),
            kind=InteractionKind.WORKSHOP,
            partner_ids=["kube-rajut-lestari", "cv-kriya-banua"],
            initiated_by=pkbm,
            techniques=[T.UNIQUE_VALUE],
            summary="Workshop produk: cerita motif sasirangan pada tas rajut",
            feedback_requested=True,
        ),
        Interaction(
            on=date(year, 9, 10),
            kind=InteractionKind.MEETING,
            partner_ids=["diskopukmnaker-banjar"],
            initiated_by=pkbm,
            techniques=[T.SURPRISE, T.PARTNER_FIRST],
            summary="Menawarkan ikut pameran UMKM Kabupaten Banjar",
            opportunity="Stan bersama lulusan PKW di pameran UMKM Kabupaten Banjar",
            feedback_requested=True,
        ),
        Interaction(
            on=date(year, 11, 5),
            kind=InteractionKind.PHONE,
            partner_ids=["kube-rajut-lestari"],
            initiated_by="kube-rajut-lestari",
            techniques=[T.HUMBLE, T.PATIENT],
            summary="KUBE menelepon tentang pembayaran",
            feedback="Pembayaran dari toko kadang terlambat",
        ),
    ]


def record_step(partnership: Partnership, at: datetime | None = None) -> str:
    """Record what the current step produces, in the seed case; return what was recorded.

    ``at`` is when signatures made in this step are recorded (now by default).
    """
    stage, cycle = partnership.stage, partnership.cycle
    institution = partnership.institution
    if stage is Stage.MAPPING:
        if not partnership.partners:
            partnership.partners.extend(build_candidates())
        kinds = ", ".join(p.kind.label_id for p in partnership.partners)
        return f"{len(partnership.partners)} calon mitra dipetakan: {kinds}"
    if stage is Stage.GATHERING:
        for partner in partnership.partners:
            partner.profile = PROFILES[partner.id]
        records = sum(len(p.profile.gathering_records) for p in partnership.partners)
        return f"profil {len(partnership.partners)} calon mitra, {records} catatan penggalian"
    if stage is Stage.ANALYSIS:
        partnership.relevance = [
            RelevanceAssessment(
                partner_id=pid,
                relevant=bool(codes),
                need_codes=codes,
                assessed_on=date(2025, 2, 10),
                by=FACILITATOR,
                rationale=None if codes else "Membantu rekrutmen peserta saja",
            )
            for pid, codes in RELEVANCE.items()
        ]
        best = recommend_patterns(
            [institution, *partnership.partners], contributions_of(partnership)
        )[0]
        relevant = sum(a.relevant for a in partnership.relevance)
        return (
            f"{relevant} calon relevan; pola yang disarankan: {best.pattern.label_id} "
            f"({best.reasons[0].indonesian})"
        )
    if stage is Stage.EXPLORATION:
        partnership.explorations = [
            Exploration(
                on=date(2025, 2, 17),
                kind=ExplorationKind.AUDIENCE,
                partner_ids=["cv-kriya-banua"],
                place="Kantor CV Kriya Banua",
                responses=[
                    ExplorationResponse(
                        partner_id="cv-kriya-banua", response=ANSWERS["cv-kriya-banua"]
                    )
                ],
            ),
            Exploration(
                on=date(2025, 2, 19),
                kind=ExplorationKind.PRESENTATION,
                partner_ids=[
                    "kube-rajut-lestari",
                    "koperasi-wanita-sejahtera",
                    "diskopukmnaker-banjar",
                ],
                place="PKBM Harapan Bangsa",
                summary="Presentasi program PKW Pembuatan Tas Rajut",
                responses=[
                    ExplorationResponse(partner_id=pid, response=answer)
                    for pid, answer in ANSWERS.items()
                    if pid != "cv-kriya-banua"
                ],
            ),
        ]
        agreed = ", ".join(p.name for p in partnership.committed_partners)
        return f"audiensi dan presentasi; bersedia bekerja sama: {agreed}"
    if stage is Stage.PLANNING:
        partnership.work_plan = build_work_plan(partnership)
        plan = partnership.work_plan
        return (
            f"rencana kerja {len(plan.activities)} kegiatan dan {len(plan.indicators)} "
            f"indikator, disusun bersama {len(plan.participants)} pihak"
        )
    if stage is Stage.AGREEMENT:
        mou = partnership.agreement = draft_mou(partnership)
        errors = [f for f in mou.check() if f.severity is Severity.ERROR]
        pattern = pattern_info(mou.pattern.pattern).name_id if mou.pattern else "-"
        return (
            f"{mou.kind.label_id} dirumuskan: {len(mou.roles)} peran, pola {pattern}, "
            f"{f'{len(errors)} kesalahan' if errors else 'tanpa kesalahan'}"
        )
    if stage is Stage.SIGNING:
        for party in partnership.parties:
            partnership.sign(
                party.id, on=date(2025, 3, 10), place="Martapura", actor=FACILITATOR, at=at
            )
        # Then the PKS that implements it, between the parties of the trade.
        partnership.cooperation_agreements.append(draft_pks(partnership))
        for party_id in PKS_PARTIES:
            partnership.sign_pks(
                0, party_id, on=date(2025, 3, 10), place="Martapura", actor=FACILITATOR, at=at
            )
        return (
            f"Nota Kesepahaman ditandatangani {len(partnership.parties)} pihak, lalu PKS "
            f"pemasaran oleh {len(PKS_PARTIES)} pihak, di Martapura, 10 Maret 2025"
        )
    if stage is Stage.IMPLEMENTATION:
        partnership.implementation.extend(implementation_records(institution.id, cycle))
        partnership.interactions.extend(interactions(cycle))
        partnership.partner_events.append(  # an invitation received, and attended (C.4)
            PartnerEvent(
                partner_id="diskopukmnaker-banjar",
                on=date(2024 + cycle, 10, 15),
                name="Pameran UMKM Kabupaten Banjar",
                invited=True,
                attended=True,
            )
        )
        done = sum(r.cycle == cycle for r in partnership.implementation)
        return f"{done} kegiatan terlaksana; {len(partnership.interactions)} interaksi dengan mitra"
    if stage is Stage.MONITORING:
        year = 2024 + cycle
        partnership.monitoring.extend(monitoring_records(institution.id, cycle))
        if cycle == 1:
            partnership.learners.extend(first_class(cycle))
        caught = detect_deviations(partnership, on=date(year, 7, 20))
        resolved = detect_deviations(partnership, on=date(year, 10, 31))
        evaluation = draft_evaluation(
            partnership, on=date(year + 1, 1, 26), views=VIEWS(date(year + 1, 1, 26))
        )
        partnership.evaluations.append(evaluation)
        wide = divergences(evaluation.views)
        return (
            f"monitoring {len(partnership.monitoring)} kali: {len(caught)} penyimpangan pada Juli, "
            f"{len(resolved)} pada Oktober; evaluasi bersama {len(evaluation.views)} pihak, "
            f"{len(wide)} penilaian yang berbeda jauh"
        )
    if stage is Stage.IMPROVEMENT:
        year = 2024 + cycle
        partnership.decisions.append(
            Decision(
                cycle=cycle,
                on=date(year + 1, 2, 2),
                continue_cooperation=True,
                improvements=[
                    "Standar mutu sambungan tali",
                    "Laporan penjualan bulanan CV Kriya Banua tepat waktu",
                ],
                actions=[
                    ImprovementAction(
                        action="Standar mutu sambungan tali dan pelatihan ulang instruktur",
                        owner="kube-rajut-lestari",
                        addresses=["Tali tas mudah lepas sehingga tas ditolak"],
                        due=date(year + 1, 4, 30),
                    ),
                    ImprovementAction(
                        action="Pembagian kerja produksi dibahas ulang bersama KUBE",
                        owner=institution.id,
                        addresses=["Beban produksi dirasa tidak seimbang oleh KUBE"],
                        due=date(year + 1, 3, 31),
                    ),
                ],
                reason="Permintaan tas rajut melebihi pasokan",
                decided_by=[p.id for p in partnership.parties],
            )
        )
        return "perbaikan disepakati; kerja sama dilanjutkan tahun berikutnya"
    if stage is Stage.FOLLOW_UP:
        year = 2024 + cycle
        next_year = carry_forward(
            partnership,
            on=date(year + 1, 2, 9),
            period=Period(start=date(year + 1, 3, 10), end=date(year + 2, 3, 9)),
            lessons=["Permintaan 300 tas per bulan dapat dipenuhi dengan dua angkatan"],
            activities=[
                PlannedActivity(
                    name="Pelatihan standar mutu",
                    responsible="cv-kriya-banua",
                    period=Period(start=date(year + 1, 3, 16), end=date(year + 1, 4, 30)),
                ),
                PlannedActivity(
                    name="Praktik produksi angkatan kedua",
                    responsible="kube-rajut-lestari",
                    period=Period(start=date(year + 1, 5, 4), end=date(year + 1, 8, 28)),
                    budget=Decimal("30000000"),
                    fulfils=["Menyediakan instruktur praktik"],
                ),
            ],
        )
        partnership.follow_up_plans.append(next_year.model_copy(update={"amend_agreement": True}))
        partnership.partner_events.append(
            PartnerEvent(
                partner_id="cv-kriya-banua",
                on=date(year + 1, 4, 20),
                name="Peluncuran koleksi tas rajut Banua",
                invited=True,
            )
        )
        partnership.addenda.append(draft_addendum(partnership))  # drafted, then signed
        for party_id in PKS_PARTIES:
            partnership.sign_addendum(
                -1 + len(partnership.addenda),
                party_id,
                on=date(year + 1, 2, 16),
                place="Martapura",
                actor=FACILITATOR,
                at=at,
            )
        carried = len(partnership.follow_up_plans[-1].carried_forward)
        return (
            f"rencana tahun ke-{cycle + 1} ({carried} dibawa dari tahun ini); adendum PKS: sampai "
            "9 Maret 2027, 300 tas per bulan"
        )
    raise ValueError(f"nothing to record in stage {stage.value}")


def walk(partnership: Partnership, *, out: Callable[[str], None] = print) -> None:
    """Walk the partnership through all 11 steps and one renewal, printing each step."""
    dates = iter(
        [
            date(2025, 1, 17),
            date(2025, 2, 7),
            date(2025, 2, 14),
            date(2025, 2, 21),
            date(2025, 3, 3),
            date(2025, 3, 7),
            date(2025, 3, 10),
            date(2026, 1, 26),
            date(2026, 2, 2),
            date(2026, 2, 9),
            date(2026, 3, 10),
        ]
    )
    while True:
        stage = partnership.stage
        when = datetime.combine(next(dates), time(9, 0), WITA)
        what = record_step(partnership, at=when)
        out(f"{stage.title_id:<45} {what}")
        move = partnership.next_move()
        assert move is not None
        if move is Move.RENEW:
            partnership.renew(actor=FACILITATOR, note=what, at=when)
            out(f"{'':<45} → tahun ke-{partnership.cycle}: {partnership.stage.title_id}")
            return
        partnership.advance(actor=FACILITATOR, note=what, at=when)


def walk_until(
    partnership: Partnership,
    stop: Stage,
    *,
    start: date,
    every_days: int | Sequence[int] = 14,
    actor: str = FACILITATOR,
) -> Partnership:
    """Walk the seed case's steps until ``partnership`` is in ``stop`` (for portfolios).

    The first step is left on ``start``, each later one ``every_days`` later (a number, or
    one number per step); every step records the seed's data first.
    """
    gaps = iter([every_days] * 11 if isinstance(every_days, int) else every_days)
    day = start
    while partnership.stage is not stop:
        when = datetime.combine(day, time(9, 0), WITA)
        what = record_step(partnership, at=when)
        if partnership.next_move() is not Move.ADVANCE:
            raise ValueError(f"the seed's walk does not reach {stop.value}")
        partnership.advance(actor=actor, note=what, at=when)
        day += timedelta(days=next(gaps))
    return partnership


def record_keeping(partnership: Partnership) -> None:
    """What the facilitator knows of each partner after the first year (guide C).

    The days it keeps (greeted on them, C.5) and what the institution uniquely brings it
    (shown at every meeting, C.4), recorded on the partners at the renewal.
    """
    for partner in partnership.partners:
        partner.observances = OBSERVANCES[partner.id]
        partner.unique_value = UNIQUE_VALUES.get(partner.id)


def second_year_touchpoints(partnership: Partnership) -> list[Touchpoint]:
    """The second year's plan of contacts, from the renewal (10 March 2026) for a year.

    The planner's defaults: a contact at least every 30 days, at most 3 with a partner a
    month, on working days, each partner greeted on its own observances and the national
    days.
    """
    return plan_touchpoints(
        partnership, start=date(2026, 3, 10), end=date(2027, 3, 9), on=date(2026, 3, 10)
    )


def main(out_dir: Path) -> Path:
    """Build the seed case, walk it through the lifecycle and write it as JSON."""
    institution = build_institution()
    partnership = Partnership(
        id="pkbm-harapan-bangsa-pkw-tas-rajut",
        institution=institution,
        program=build_program(institution),
    )
    print(f"{institution.name}: {partnership.program.title}, {institution.region}\n")
    walk(partnership)
    mou = render_document(partnership, out_dir / "mou.docx")
    pks = render_document(
        partnership.cooperation_agreements[0], out_dir / "pks.docx", partnership=partnership
    )
    addendum = render_document(
        partnership.addenda[-1], out_dir / "addendum.docx", partnership=partnership
    )
    as_amended = render_document(
        consolidated(partnership, partnership.cooperation_agreements[0]),
        out_dir / "pks-naskah-terpadu.docx",
    )
    report = render_document(
        monitoring_report(
            partnership,
            cycle=1,
            on=date(2026, 2, 9),
            place="Martapura",
            prepared_by=ReportSigner("Rina Marlina", "Pendamping PKBM Harapan Bangsa"),
            endorsed_by=ReportSigner(
                "Dra. Hj. Rusmiati, M.Pd.",
                "Penilik Pendidikan Masyarakat Dinas Pendidikan Kabupaten Banjar",
                nip="197203151998032004",
                rank="Pembina (IV/a)",
            ),
        ),
        out_dir / "laporan-monev.docx",
    )
    # the joint evaluation's berita acara and daftar hadir, which a Dinas monitor asks for
    evaluation = next(e for e in partnership.evaluations if e.cycle == 1)
    held = meeting(
        partnership,
        evaluation,
        place="Aula PKBM Harapan Bangsa, Martapura",
        time="09.00 WITA",
        number=EVALUATION_MINUTES,
    )
    minutes = render_document(Minutes(held), out_dir / "berita-acara-evaluasi.docx")
    attendance = render_document(AttendanceList(held), out_dir / "daftar-hadir-evaluasi.docx")
    record_keeping(partnership)
    touchpoints = second_year_touchpoints(partnership)
    calendar = out_dir / "touchpoints.ics"
    calendar.write_bytes(
        touchpoints_ical(
            touchpoints,
            name="Kemitraan PKW Tas Rajut",
            stamp=datetime(2026, 3, 10, 9, 0, tzinfo=WITA),
        )
    )
    overdue = sum(t.overdue for t in touchpoints)
    print(
        f"\nSapaan mitra tahun ke-2: {len(touchpoints)} rencana kontak "
        f"({overdue} terlambat) ke {calendar.name}"
    )
    signatures = sum(r.move.is_signing for r in partnership.history)
    print(
        f"\nRiwayat: {len(partnership.history) - signatures} langkah dan {signatures} tanda "
        f"tangan, berantai hash; tahun ke-{partnership.cycle}; tahap {partnership.stage.label_id}"
    )

    path = save_json(partnership, out_dir / "partnership.json")
    print(
        f"Ditulis: {path}, {mou}, {pks}, {addendum}, {as_amended}, {report}, {minutes}, "
        f"{attendance}, {calendar}"
    )
    write_workbook(partnership, out_dir / "kemitraan.xlsx")
    return path


def write_workbook(partnership: Partnership, path: Path) -> None:
    """The candidates, the work plan, monitoring and the learners, as a workbook to work in."""
    try:
        written = write_spreadsheet(
            path,
            candidates=CandidateRegister(
                program=partnership.program, candidates=list(partnership.partners)
            ),
            work_plan=partnership.work_plan,
            monitoring=partnership.monitoring,
            learners=partnership.learners,
        )
    except MissingExtraError as missing:  # a plain install: the rest is written
        print(f"Buku kerja tidak ditulis: {missing}")
        return
    print(f"Buku kerja: {written} (calon mitra, rencana kerja, monitoring, peserta didik)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description="Kasus panduan (PKBM Harapan Bangsa, PKW Pembuatan Tas Rajut) melalui "
        "11 langkah kemitraan dan satu perpanjangan; dokumennya ditulis ke sebuah folder."
    )
    parser.add_argument(
        "folder", nargs="?", type=Path, default=Path("out"),
        help="folder tempat dokumen ditulis (bawaan: out)",
    )  # fmt: skip
    main(parser.parse_args().folder)
