"""The guide's own case: a PKBM in Kalimantan Selatan seeks partners for PKW "Pembuatan Tas Rajut".

Builds the institution, its programme and five candidate partners (one of each kind
the guide names in A.1), records what was gathered about them (A.2), asks the
recommender which partnership pattern fits (B), drafts the MoU with it and checks
the draft, then writes everything to ``out/seed_case.json``.

All names and identifiers are invented for the example.

Run: ``python examples/seed_case.py [output-directory]``
"""

from __future__ import annotations

import json
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

from kemitraan import (
    Agreement,
    AgreementKind,
    BusinessScale,
    Contact,
    Contribution,
    ContributionKind,
    EducationUnitType,
    Funding,
    GatheringApproach,
    GatheringMethod,
    GatheringRecord,
    GeneralTradeTerms,
    Institution,
    NeedKind,
    Participants,
    Partner,
    PartnerKind,
    PartyProfile,
    PartyRole,
    PatternKind,
    Period,
    Program,
    ProgramKind,
    ProgramNeed,
    Region,
    Representative,
    ScaleEvidence,
    Severity,
    Signatory,
    Term,
    TradedGood,
    TradeMode,
    dump_json,
    pattern_info,
    recommend_patterns,
)

K = ContributionKind
BANJAR = Region(province="Kalimantan Selatan", regency="Kabupaten Banjar", district="Martapura")


def build_institution() -> Institution:
    """PKBM Harapan Bangsa, the institution (*lembaga*)."""
    return Institution(
        name="PKBM Harapan Bangsa",
        unit_type=EducationUnitType.PKBM,
        npsn="69912345",
        region=BANJAR.model_copy(update={"village": "Kelurahan Keraton"}),
        address="Jl. Ahmad Yani Km 39 No. 12, Martapura",
        representative=Representative(
            name="Hj. Siti Aminah, S.Pd.",
            position="Ketua PKBM Harapan Bangsa",
            authority="Surat Keputusan Ketua Yayasan Harapan Bangsa Nomor 03/YHB/I/2023",
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
        participants=Participants(
            count=20,
            target_group="Ibu rumah tangga dan remaja putus "
            "sekolah usia 16-40 tahun di Kecamatan Martapura",
        ),
    )


def _gathered(
    on: date, method: GatheringMethod, approach: GatheringApproach, source: str, findings: str
) -> GatheringRecord:
    return GatheringRecord(
        on=on,
        method=method,
        approach=approach,
        source=source,
        findings=findings,
        by="Rina Marlina (pendamping)",
    )


def build_candidates() -> list[Partner]:
    """One candidate of each of the guide's five kinds (A.1), with what A.2 gathered."""
    return [
        Partner(
            name="KUBE Rajut Lestari",
            kind=PartnerKind.COMMUNITY_GROUP,
            finances=ScaleEvidence(annual_sales=Decimal("180000000"), year=2024),
            region=BANJAR,
            representative=Representative(
                name="Normasari",
                position="Ketua KUBE",
                authority="Berita acara pembentukan KUBE 2019",
            ),
            profile=PartyProfile(
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
            mapped_on=date(2025, 1, 13),
        ),
        Partner(
            name="Hj. Norhayati",
            id="hj-norhayati",
            kind=PartnerKind.COMMUNITY_FIGURE,
            region=BANJAR,
            contacts=[Contact(phone="0812-5123-4567")],
            profile=PartyProfile(
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
            mapped_on=date(2025, 1, 13),
        ),
        Partner(
            name="CV Kriya Banua",
            kind=PartnerKind.BUSINESS,
            finances=ScaleEvidence(annual_sales=Decimal("18500000000"), year=2024),
            nib="9120001234567",
            npwp="01.312.166.0-091.000",
            region=Region(province="Kalimantan Selatan", regency="Kota Banjarmasin"),
            address="Jl. Lambung Mangkurat No. 8, Banjarmasin",
            representative=Representative(
                name="H. Rahmat Hidayat",
                position="Direktur",
                authority="Akta Pendirian CV Nomor 21 Tahun 2016",
            ),
            contacts=[
                Contact(
                    name="H. Rahmat Hidayat",
                    phone="0511 3252 777",
                    email="kemitraan@kriyabanua.example.id",
                    personal=False,
                )
            ],
            profile=PartyProfile(
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
                authority="Anggaran Dasar Koperasi Pasal 24",
            ),
            profile=PartyProfile(
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
            mapped_on=date(2025, 1, 13),
        ),
        Partner(
            name="Dinas Koperasi, UKM dan Tenaga Kerja Kabupaten Banjar",
            id="diskopukmnaker-banjar",
            kind=PartnerKind.GOVERNMENT,
            region=BANJAR,
            representative=Representative(
                name="Drs. H. Ahmad Yani, M.Si.",
                position="Kepala Dinas",
                nip="197001011995031001",
                authority="Keputusan Bupati Banjar",
            ),
            profile=PartyProfile(
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
            mapped_on=date(2025, 1, 13),
        ),
    ]


def contributions_of(institution: Institution, candidates: list[Partner]) -> list[Contribution]:
    """What each party offers: the institution its learners and venue, partners their offers."""
    return [
        Contribution(
            party_id=institution.id, kinds=frozenset({K.PARTICIPANTS, K.FACILITIES, K.TRAINING})
        ),
        *(
            Contribution(party_id=p.id, kinds=frozenset(p.profile.offers))
            for p in candidates
            if p.profile.offers
        ),
    ]


def draft_mou(institution: Institution, program: Program, partners: list[Partner]) -> Agreement:
    """A draft MoU among the institution, the producers' group and the shop (general trade)."""
    group, shop = partners
    parties: list[Institution | Partner] = [institution, group, shop]
    signatories = [
        Signatory(
            party_id=p.id,
            name=p.representative.name,
            position=p.representative.position,
            nip=p.representative.nip,
        )
        for p in parties
        if p.representative is not None
    ]
    return Agreement(
        kind=AgreementKind.MOU,
        parties=parties,
        numbers={
            institution.id: "005/PKBM-HB/III/2025",
            group.id: "02/KUBE-RL/III/2025",
            shop.id: "017/KB/III/2025",
        },
        subject=f"Kemitraan Program {program.title}",
        place="Martapura",
        date=date(2025, 3, 10),
        considerations=[
            f"PIHAK PERTAMA menyelenggarakan program {program.title} bagi "
            f"{program.participants.count if program.participants else 0} peserta didik",
            "PIHAK KEDUA adalah kelompok usaha bersama yang memproduksi tas rajut",
            "PIHAK KETIGA memasarkan kerajinan khas Kalimantan Selatan",
        ],
        purpose="Meningkatkan kecakapan wirausaha peserta didik dan membuka pasar hasil rajutan",
        objectives=list(program.objectives),
        scope=["Praktik produksi tas rajut", "Pemasaran hasil produksi", "Magang usaha"],
        pattern=GeneralTradeTerms(
            supplier=group.id,
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
                "Ukuran sesuai contoh yang disepakati",
            ],
            payment_terms="Dibayar paling lambat 14 hari setelah barang diterima",
        ),
        roles=[
            PartyRole(
                party_id=institution.id,
                role="Penyelenggara PKW",
                responsibilities=[
                    "Merekrut dan membina peserta didik",
                    "Menyediakan tempat dan alat praktik",
                ],
            ),
            PartyRole(
                party_id=group.id,
                role="Mitra produksi dan instruktur",
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
        ],
        financing=[
            Funding(
                source_name="Bantuan Pemerintah Program PKW Tahun 2025",
                amount=Decimal("2950000"),
                purpose="Bahan praktik per peserta",
            )
        ],
        term=Term(start=date(2025, 3, 10), end=date(2026, 3, 9)),
        signatories=signatories,
        originals=3,
    )


def main(out_dir: Path) -> Path:
    """Build the case, recommend a pattern, draft and check the MoU, write JSON."""
    institution = build_institution()
    program = build_program(institution)
    candidates = build_candidates()

    print(f"{institution.name} — {program.title}, {institution.region}")
    print("\nA.1–A.2 Calon mitra:")
    for partner in candidates:
        scale = partner.business_scale
        print(
            f"  - {partner.name}: {partner.kind.label_id}"
            + (f", {scale.label_id.lower()}" if scale else "")
            + f"; {len(partner.profile.gathering_records)} catatan penggalian informasi"
        )

    ranked = recommend_patterns(
        [institution, *candidates], contributions_of(institution, candidates)
    )
    print("\nB. Pola kemitraan yang disarankan:")
    for rec in ranked[:3]:
        print(f"  {rec.score:.2f}  {rec.pattern.label_id} ({rec.pattern.label_en})")
        for reason in rec.reasons:
            print(f"        · {reason.indonesian}")
    if not ranked or ranked[0].pattern is not PatternKind.GENERAL_TRADE:
        raise SystemExit("expected general trade for the seed case")
    best = ranked[0]
    print(f"\n{pattern_info(best.pattern).description_id}")

    by_id = {p.id: p for p in candidates}
    mou = draft_mou(
        institution, program, [by_id[best.roles["supplier"][0]], by_id[best.roles["buyer"][0]]]
    )
    findings = mou.check()
    print(
        f"\nA.6 Rancangan {mou.kind.label_id}: {len(mou.parties)} pihak, "
        f"{sum(f.severity is Severity.ERROR for f in findings)} galat, "
        f"{sum(f.severity is Severity.WARNING for f in findings)} peringatan"
    )
    for finding in findings:
        print(f"  [{finding.severity.label_id}] {finding.message.indonesian} ({finding.basis})")

    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "seed_case.json"
    document = {
        "institution": json.loads(dump_json(institution)),
        "program": json.loads(dump_json(program)),
        "candidates": [json.loads(dump_json(p)) for p in candidates],
        "recommendations": [json.loads(dump_json(r)) for r in ranked],
        "mou": json.loads(dump_json(mou)),
        "findings": [json.loads(dump_json(f)) for f in findings],
    }
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(path)
    print(f"\nDitulis: {path}")
    return path


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("out"))
