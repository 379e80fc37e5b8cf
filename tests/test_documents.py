"""Documents read back with python-docx: parties, labels, articles, amounts, dates, clauses."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from pydantic import TypeAdapter

from docs_helpers import headers, lines, text, user_template
from helpers import capacity_instruments, load_script
from kemitraan import (
    Agreement,
    AgreementKind,
    Authority,
    Funding,
    Institution,
    InvalidArgumentError,
    KemitraanError,
    Partner,
    PartnerKind,
    PartyRole,
    PatternKind,
    Representative,
    Signatory,
    Stage,
    Term,
    render_document,
    render_documents,
    to_pdf,
)
from kemitraan.documents import (
    DocumentTemplate,
    agreement_context,
    bundled_template,
    clean_text,
    document_kind,
    missing_translations,
)
from kemitraan.documents._registry import BUILT_IN
from kemitraan.exceptions import (
    AgreementNotReadyError,
    ConverterNotFoundError,
    MissingTemplateVariablesError,
    MissingTranslationsError,
    TemplateRenderError,
    UnknownDocumentKindError,
    UnsafeTemplateError,
    UnsupportedLanguageError,
)
from kemitraan.pattern_terms import GeneralTradeTerms, PatternTerms, TradedGood
from kemitraan.provisions import AgreementReference, Amendment
from seed import at_stage

# An independent oracle for weekdays (Monday = 0), not Babel's.
WEEKDAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]

# What gives each signer capacity for their party's legal form (kemitraan.authority.CAPACITY).
CAPACITY = capacity_instruments()

PKBM = Institution(
    name="PKBM Harapan Bangsa",
    address="Jl. Ahmad Yani Km 39, Martapura",
    representative=Representative(
        name="Hj. Siti Aminah, S.Pd.", position="Ketua PKBM", authority=Authority(text="SK Yayasan")
    ),
)
PARTNERS = [
    Partner(
        name="KUBE Rajut Lestari",
        id="kube",
        kind=PartnerKind.COMMUNITY_GROUP,
        representative=Representative(
            name="Normasari", position="Ketua KUBE", instruments=[CAPACITY["group"]]
        ),
    ),
    Partner(
        name="CV Kriya Banua",
        id="toko",
        kind=PartnerKind.BUSINESS,
        representative=Representative(
            name="H. Rahmat Hidayat", position="Direktur", instruments=[CAPACITY["partnership"]]
        ),
    ),
    Partner(
        name="Dinas Koperasi Kabupaten Banjar",
        id="dinas",
        kind=PartnerKind.GOVERNMENT,
        representative=Representative(
            name="Drs. H. Ahmad Yani, M.Si.",
            position="Kepala Dinas",
            nip="197001011995031001",
            instruments=[CAPACITY["government"]],
        ),
    ),
]
LABELS = ["PIHAK PERTAMA", "PIHAK KEDUA", "PIHAK KETIGA", "PIHAK KEEMPAT"]


def agreement(count: int = 3, **changes: Any) -> Agreement:
    members = [PKBM, *PARTNERS[: count - 1]]
    data: dict[str, Any] = {
        "kind": AgreementKind.MOU,
        "parties": members,
        "numbers": {p.id: f"{i + 1:03d}/MOU/2025" for i, p in enumerate(members)},
        "subject": "Kemitraan PKW Pembuatan Tas Rajut",
        "place": "Martapura",
        "date": date(2025, 3, 10),
        "considerations": ["PIHAK PERTAMA menyelenggarakan PKW"],
        "purpose": "Membuka pasar hasil rajutan",
        "objectives": ["Lulusan mandiri"],
        "scope": ["Pelatihan", "Pemasaran"],
        "roles": [
            PartyRole(party_id=p.id, role=f"Peran {p.name}", responsibilities=[f"Tugas {p.name}"])
            for p in members
        ],
        "financing": [Funding(source_name="Bantuan PKW", amount=Decimal("2950000"))],
        "term": Term(start=date(2025, 3, 10), end=date(2026, 3, 9)),
        "signatories": [
            Signatory(
                party_id=p.id,
                name=p.representative.name,
                position=p.representative.position,
                nip=p.representative.nip,
            )
            for p in members
            if p.representative
        ],
        "originals": count,
    }
    data.update(changes)
    return Agreement.model_validate(data)


def article_numbers(data: bytes) -> list[int]:
    return [int(m.group(1)) for line in lines(data) if (m := re.fullmatch(r"Pasal (\d+)", line))]


@pytest.mark.parametrize("parties", [2, 3, 4])
def test_mou_reads_back_for_two_three_and_four_parties(parties: int) -> None:
    data = render_document(agreement(parties))
    body = text(data)
    all_lines = lines(data)
    members = [PKBM, *PARTNERS[: parties - 1]]
    # title block: a title line, the parties between ANTARA and TENTANG, a number per party
    assert all_lines[0] == "NOTA KESEPAHAMAN"
    assert all_lines.count("DAN") == parties - 1
    assert [line for line in all_lines if line.startswith("NOMOR: ")] == [
        f"NOMOR: {i + 1:03d}/MOU/2025" for i in range(parties)
    ]
    # the opening, with the true weekday and the date in words
    assert WEEKDAYS[date(2025, 3, 10).weekday()] == "Senin"
    assert (
        "Pada hari ini, Senin, tanggal sepuluh, bulan Maret, tahun dua ribu dua puluh lima "
        "(10-03-2025), bertempat di Martapura"
    ) in body
    # a block per party with its label, then PARA PIHAK
    for index, party in enumerate(members):
        assert f"{party.name}, selanjutnya disebut {LABELS[index]}." in body  # (c.q. a Dinas)
        assert re.search(rf"[tT]ugas {re.escape(party.name)}", body)
    assert "secara bersama-sama disebut PARA PIHAK" in body
    # lettered considerations, articles numbered without gaps
    assert "a.\tbahwa PIHAK PERTAMA menyelenggarakan PKW;" in all_lines
    numbers = article_numbers(data)
    assert numbers == list(range(1, len(numbers) + 1))
    assert len(numbers) >= 10
    # amounts in digits and words
    assert "Rp2.950.000,00 (dua juta sembilan ratus lima puluh ribu rupiah)" in body
    assert "berlaku selama 1 (satu) tahun terhitung sejak tanggal 10 Maret 2025" in body
    assert f"dibuat dalam rangkap {parties} (" in body
    # a signature column per party; one meterai box, as one meterai an original
    for index, party in enumerate(members):
        assert f"{LABELS[index]}," in all_lines
        assert party.representative is not None
        assert party.representative.name in all_lines
    assert all_lines.count("METERAI\nRp10.000") == 1
    if parties == 4:
        assert "NIP 19700101 199503 1 001" in all_lines  # in its printed groups


ARTICLE_TITLES = [
    "MAKSUD DAN TUJUAN",
    "RUANG LINGKUP",
    "PERAN, HAK DAN KEWAJIBAN",
    "PELAKSANAAN",
    "PEMBIAYAAN",
    "MONITORING DAN EVALUASI",
    "JANGKA WAKTU",
    "KEADAAN KAHAR",
    "PENYELESAIAN PERSELISIHAN",
    "PERUBAHAN",
    "PENUTUP",
]


def test_articles_come_in_the_conventional_order() -> None:
    found = [line for line in lines(render_document(agreement(3))) if line in ARTICLE_TITLES]
    assert found == ARTICLE_TITLES


def test_omitted_parts_leave_no_gap_in_numbering() -> None:
    data = render_document(agreement(2, purpose=None, objectives=[], financing=[]))
    numbers = article_numbers(data)
    assert numbers == list(range(1, len(numbers) + 1))
    assert "MAKSUD DAN TUJUAN" not in lines(data)
    assert "dibebankan kepada masing-masing PIHAK" in text(data)


def _terms(kind: PatternKind, a: str, b: str, c: str) -> dict[str, Any]:
    table: dict[PatternKind, dict[str, Any]] = {
        PatternKind.AGENCY: {
            "principal": b,
            "agent": a,
            "products": ["Benang rajut"],
            "territory": ["Kota Banjarmasin"],
            "exclusive": True,
            "commission_percent": "7.5",
        },
        PatternKind.OPERATIONAL_COOPERATION: {
            "contributions": [
                {"party_id": a, "kinds": ["land", "labour"]},
                {"party_id": b, "kinds": ["capital"]},
            ],
            "profit_shares": {a: "40", b: "60"},
            "risk_shares": {a: "30", b: "70"},
            "market_guarantor": b,
        },
        PatternKind.FOSTER_PARENT: {
            "foster_parent": b,
            "foster_children": [a, c],
            "support": ["interest_free_capital", "mentoring"],
            "loan": {"amount": "25000000", "tenor_months": 12, "grace_months": 3},
            "mentoring_schedule": "dua kali sebulan",
        },
        PatternKind.GENERAL_TRADE: {
            "supplier": a,
            "buyer": b,
            "intermediary": c,
            "goods": [
                {
                    "name": "Tas rajut",
                    "quantity": "200",
                    "period": "per bulan",
                    "unit_price": "85000",
                }
            ],
            "quality_requirements": ["Rajutan rapat"],
        },
        PatternKind.CORE_PLASMA: {
            "core": b,
            "plasma": [a],
            "inputs_supplied": ["Bibit"],
            "price_basis": "harga pasar",
        },
        PatternKind.SUBCONTRACT: {
            "contractor": b,
            "subcontractor": a,
            "specification": "Tali tas 1 meter",
            "volume": "1.000 buah",
            "payment_terms": "30 hari",
        },
        PatternKind.FRANCHISE: {
            "franchisor": b,
            "franchisee": a,
            "brand": "Rajutku",
            "initial_fee": "15000000",
            "royalty_percent": "5",
            "standards": ["SOP gerai"],
        },
        PatternKind.SUPPLY_CHAIN: {
            "links": [
                {"party_id": a, "position": 1, "role": "produsen"},
                {"party_id": c, "position": 2, "role": "pengumpul"},
                {"party_id": b, "position": 3, "role": "pengecer"},
            ]
        },
        PatternKind.PROFIT_SHARING: {
            "contributions": [
                {"party_id": a, "kinds": ["labour"]},
                {"party_id": b, "kinds": ["capital"]},
            ],
            "shares": {a: "45", b: "55"},
            "settlement": "setiap akhir bulan",
        },
        PatternKind.JOINT_VENTURE: {
            "venture_name": "PT Rajut Bersama",
            "contributions": [
                {"party_id": a, "kinds": ["capital"]},
                {"party_id": b, "kinds": ["capital"]},
            ],
            "ownership": {a: "51", b: "49"},
        },
        PatternKind.OUTSOURCING: {"client": b, "provider": a, "services": ["Pengemasan"]},
    }
    return {"pattern": kind.value, **table[kind]}


# What each pattern's clause pack must state, in the document's words.
CLAUSES: dict[PatternKind, list[str]] = {
    PatternKind.AGENCY: [
        "PIHAK KETIGA memberikan hak eksklusif kepada PIHAK KEDUA untuk "
        "memasarkan Benang rajut di wilayah Kota Banjarmasin.",
        "komisi sebesar 7,5% (tujuh koma lima persen) dari nilai penjualan",
    ],
    PatternKind.OPERATIONAL_COOPERATION: [
        "PIHAK KEDUA menyediakan lahan dan tenaga kerja",
        "PIHAK KEDUA sebesar 40% (empat puluh persen)",
        "PIHAK KETIGA sebesar 70% (tujuh puluh persen)",
        "PIHAK KETIGA menjamin pasar hasil produksi.",
    ],
    PatternKind.FOSTER_PARENT: [
        "PIHAK KETIGA sebagai bapak angkat membantu perkembangan usaha "
        "PIHAK KEDUA dan PIHAK KEEMPAT",
        "Rp25.000.000,00 (dua puluh lima juta rupiah) tanpa bunga",
        "12 (dua belas) bulan, dengan masa tenggang 3 (tiga) bulan",
        "Pendampingan dilakukan dua kali sebulan.",
    ],
    PatternKind.GENERAL_TRADE: [
        "PIHAK KETIGA menerima pasokan dari PIHAK KEDUA melalui PIHAK KEEMPAT.",
        "sebanyak 200 (dua ratus) buah per bulan",
        "Rp85.000,00 (delapan puluh lima ribu rupiah) per buah",
        "rajutan rapat.",
    ],
    PatternKind.CORE_PLASMA: [
        "PIHAK KETIGA sebagai inti menyediakan bagi PIHAK KEDUA",
        "dengan dasar harga harga pasar",
    ],
    PatternKind.SUBCONTRACT: [
        "PIHAK KEDUA memproduksi tali tas 1 meter bagi PIHAK KETIGA, dengan volume 1.000 buah.",
        "PIHAK KETIGA membayar kepada PIHAK KEDUA dengan ketentuan ",
    ],
    PatternKind.FRANCHISE: [
        "merek Rajutku",
        "Royalti sebesar 5% (lima persen) dari penjualan.",
        "Rp15.000.000,00 (lima belas juta rupiah)",
    ],
    PatternKind.SUPPLY_CHAIN: ["a.\tPIHAK KEDUA: produsen;", "c.\tPIHAK KETIGA: pengecer."],
    PatternKind.PROFIT_SHARING: [
        "PIHAK KEDUA sebesar 45% (empat puluh lima persen)",
        "setiap akhir bulan",
    ],
    PatternKind.JOINT_VENTURE: [
        "usaha patungan dengan nama PT Rajut Bersama",
        "PIHAK KEDUA sebesar 51% (lima puluh satu persen)",
    ],
    PatternKind.OUTSOURCING: [
        "PIHAK KETIGA menyerahkan kepada PIHAK KEDUA pekerjaan pengemasan.",  # one: no list
    ],
}


@pytest.mark.parametrize("kind", list(PatternKind))
def test_each_pattern_has_its_clause_pack(kind: PatternKind) -> None:
    terms = TypeAdapter(PatternTerms).validate_python(_terms(kind, "kube", "toko", "dinas"))
    data = render_document(agreement(4, pattern=terms))
    body = text(data)
    assert "POLA KEMITRAAN" in lines(data)
    assert f"bermitra dengan pola {kind.label_id.lower()}" in body
    for clause in CLAUSES[kind]:
        assert clause in body, clause
    numbers = article_numbers(data)
    assert numbers == list(range(1, len(numbers) + 1))


def _bilingual() -> Agreement:
    foreign = Partner(
        name="Nihon Craft Co., Ltd.",
        id="nihon",
        kind=PartnerKind.BUSINESS,
        is_foreign=True,
        language="ja",
        representative=Representative(name="Tanaka Hiroshi", position="Direktur"),
    )
    base = agreement(
        2,
        parties=[PKBM, foreign],
        numbers={},
        roles=[
            PartyRole(party_id=PKBM.id, role="Produsen", responsibilities=["Memasok tas"]),
            PartyRole(party_id="nihon", role="Agen", responsibilities=["Memasarkan tas"]),
        ],
        signatories=[
            Signatory(party_id=PKBM.id, name="Hj. Siti Aminah, S.Pd.", position="Ketua PKBM"),
            Signatory(party_id="nihon", name="Tanaka Hiroshi", position="Direktur"),
        ],
        languages=["id", "en"],
        prevailing_language="id",
    )
    return base


ENGLISH = {
    "Kemitraan PKW Pembuatan Tas Rajut": "Partnership for the PKW Knitted Bag Making course",
    "PIHAK PERTAMA menyelenggarakan PKW": "THE FIRST PARTY runs the PKW",
    "Membuka pasar hasil rajutan": "Opening a market for the knitwork",
    "Lulusan mandiri": "Self-reliant graduates",
    "Pelatihan": "Training",
    "Pemasaran": "Marketing",
    "Produsen": "producer",
    "Memasok tas": "Supply bags",
    "Agen": "agent",
    "Memasarkan tas": "Market bags",
    "Bantuan PKW": "PKW grant",
    "Ketua PKBM": "Head of the PKBM",
    "SK Yayasan": "the foundation's decree",
}


def test_bilingual_variant_sets_indonesian_beside_english() -> None:
    bilingual = _bilingual()
    assert set(missing_translations(bilingual)) == set(ENGLISH)
    with pytest.raises(MissingTranslationsError) as caught:
        render_document(bilingual)
    assert isinstance(caught.value, KemitraanError)
    assert "Membuka pasar hasil rajutan" in caught.value.missing
    bilingual.translations = ENGLISH
    assert missing_translations(bilingual) == []
    data = render_document(bilingual)
    all_lines = lines(data)
    body = "\n".join(all_lines)
    assert all_lines[:2] == ["NOTA KESEPAHAMAN", "MEMORANDUM OF UNDERSTANDING"]
    assert "Pasal 1\nMAKSUD DAN TUJUAN" in all_lines
    assert "Article 1\nPURPOSE AND OBJECTIVES" in all_lines
    assert (
        "On this day, Monday, the tenth day of March of the year two thousand and twenty-five"
        in body
    )
    assert "IDR 2,950,000.00 (two million, nine hundred and fifty thousand rupiah)" in body
    assert "the text in Indonesian prevails" in body
    assert "yang berlaku adalah naskah dalam bahasa Indonesia" in body
    assert "THE SECOND PARTY," in all_lines
    # every Indonesian row has its English beside it: the body table has two columns
    document = docx.Document(io.BytesIO(data))
    assert len(document.tables[0].columns) == 2


def _language_of(run: Any) -> str | None:
    rpr = run._r.rPr
    lang = None if rpr is None else rpr.find(qn("w:lang"))
    return None if lang is None else lang.get(qn("w:val"))


@pytest.mark.parametrize("kind", BUILT_IN)
def test_every_template_is_written_in_indonesian(kind: str) -> None:
    """A spelling checker reads the documents as Indonesian, not as English (en-US)."""
    template = Path(__file__).parent.parent / "src/kemitraan/documents/templates"
    document = docx.Document(str(template / document_kind(kind).template))
    defaults = document.styles.element.find(qn("w:docDefaults"))
    assert [lang.get(qn("w:val")) for lang in defaults.iter(qn("w:lang"))] == ["id-ID"]
    assert document.core_properties.language == "id-ID"


def test_a_bilingual_agreement_marks_its_english_as_english() -> None:
    bilingual = _bilingual()
    bilingual.translations = ENGLISH
    document = docx.Document(io.BytesIO(render_document(bilingual)))
    runs = [
        run
        for paragraph in (
            *document.paragraphs,
            *(p for t in document.tables for c in t._cells for p in c.paragraphs),
        )
        for run in paragraph.runs
        if run.text.strip()
    ]
    by_text = {run.text: _language_of(run) for run in runs}
    assert by_text["MEMORANDUM OF UNDERSTANDING"] == "en-US"
    assert by_text["NOTA KESEPAHAMAN"] is None  # the document's own: id-ID
    assert by_text["THE SECOND PARTY,"] == "en-US"
    english = [t for t, lang in by_text.items() if lang == "en-US"]
    assert any("PURPOSE AND OBJECTIVES" in t for t in english)
    assert not any("MAKSUD DAN TUJUAN" in t for t in english)


def test_other_languages_need_a_template_of_ones_own() -> None:
    with pytest.raises(UnsupportedLanguageError, match="use a template of your own"):
        agreement_context(agreement(2, languages=["id", "ja"]))


def test_addendum_reads_back() -> None:
    addendum = agreement(
        3,
        kind=AgreementKind.ADDENDUM,
        subject="Adendum Pertama",
        amends=AgreementReference(
            kind=AgreementKind.MOU,
            numbers=["001/MOU/2025"],
            date=date(2025, 3, 10),
            subject="Kemitraan PKW",
        ),
        amendments=[Amendment(article="Jangka waktu", text="Diperpanjang sampai 9 Maret 2027.")],
    )
    data = render_document(addendum)
    all_lines = lines(data)
    body = text(data)
    assert all_lines[:2] == ["ADENDUM", "NOTA KESEPAHAMAN"]
    assert (
        "bahwa PARA PIHAK telah menandatangani Nota Kesepahaman Nomor 001/MOU/2025 "
        "tanggal 10 Maret 2025 tentang Kemitraan PKW;"
    ) in body
    assert "PERUBAHAN JANGKA WAKTU" in all_lines
    assert "Diperpanjang sampai 9 Maret 2027." in body
    assert (
        "bagian yang tidak terpisahkan dari Nota Kesepahaman Nomor 001/MOU/2025 tanggal "
        "10 Maret 2025" in body
    )
    assert article_numbers(data) == [1, 2, 3]


def test_pks_title() -> None:
    assert lines(render_document(agreement(2, kind=AgreementKind.PKS)))[0] == (
        "PERJANJIAN KERJA SAMA"
    )


def test_seed_partnership_renders_its_work_plan() -> None:
    partnership = at_stage(Stage.IMPLEMENTATION)
    body = text(render_document(partnership))
    assert "praktik produksi tas rajut, dengan penanggung jawab PIHAK KEDUA;" in body
    assert "Rp59.000.000,00 (lima puluh sembilan juta rupiah)" in body


def test_a_partnership_without_agreement_cannot_be_rendered() -> None:
    with pytest.raises(InvalidArgumentError, match="belum memiliki kesepakatan"):
        render_document(at_stage(Stage.MAPPING))


# -- files, determinism, batch ---------------------------------------------------------


def test_render_to_a_path_is_atomic_and_identical(tmp_path: Path) -> None:
    target = render_document(agreement(3), tmp_path / "mou.docx")
    assert target == tmp_path / "mou.docx"
    assert target.read_bytes() == render_document(agreement(3))
    assert [p.name for p in tmp_path.iterdir()] == ["mou.docx"]
    # permissions as open() would give them, not the temporary file's 0600
    plain = tmp_path / "plain"
    plain.write_bytes(b"")
    assert target.stat().st_mode & 0o777 == plain.stat().st_mode & 0o777
    target.chmod(0o640)
    render_document(agreement(3), target)
    assert target.stat().st_mode & 0o777 == 0o640


def test_a_failed_write_leaves_no_half_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "mou.docx"
    target.write_bytes(b"old")

    def fail(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", fail)
    with pytest.raises(OSError, match="disk full"):
        render_document(agreement(2), target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["mou.docx"]


def test_rendering_twice_gives_identical_bytes() -> None:
    assert render_document(agreement(4)) == render_document(agreement(4))


def test_batch_matches_single_renders(tmp_path: Path) -> None:
    sources = [agreement(2), agreement(3), agreement(4, kind=AgreementKind.PKS)]
    paths = render_documents(sources, tmp_path / "one")
    assert [p.name for p in paths] == ["00001-mou.docx", "00002-mou.docx", "00003-pks.docx"]
    for path, source in zip(paths, sources, strict=True):
        assert path.read_bytes() == render_document(source)
    across = render_documents(sources, tmp_path / "two", processes=2)
    assert [p.read_bytes() for p in across] == [p.read_bytes() for p in paths]


def _disk_events(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Record every fsync (of a file or a folder, by inode) and rename (of the file renamed)."""
    import os
    import stat

    events: list[tuple[str, int]] = []
    fsync, replace = os.fsync, os.replace

    def recorded_fsync(fd: int) -> None:
        info = os.fstat(fd)
        events.append(("folder" if stat.S_ISDIR(info.st_mode) else "file", info.st_ino))
        fsync(fd)

    def recorded_replace(source: Any, target: Any) -> None:
        events.append(("rename", os.stat(source).st_ino))
        replace(source, target)

    monkeypatch.setattr("os.fsync", recorded_fsync)
    monkeypatch.setattr("os.replace", recorded_replace)
    return events


def test_a_batch_puts_each_file_on_disk_before_its_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events = _disk_events(monkeypatch)
    paths = render_documents([agreement(2), agreement(3), agreement(4)], tmp_path / "out")
    renames = [i for i, (what, _) in enumerate(events) if what == "rename"]
    assert len(renames) == 3
    for at in renames:  # the file's content was flushed before its name pointed at it
        assert ("file", events[at][1]) in events[:at]
    # the folder once, after the last rename: every name is on disk when the batch returns
    folders = [i for i, (what, _) in enumerate(events) if what == "folder"]
    assert folders == [len(events) - 1]
    assert events[-1] == ("folder", (tmp_path / "out").stat().st_ino)
    assert [p.stat().st_ino for p in paths] == [events[at][1] for at in renames]


def test_a_failed_batch_keeps_what_it_wrote_and_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = agreement(3, scope=[], roles=[])  # errors: not final
    with pytest.raises(AgreementNotReadyError):
        render_documents([agreement(2), agreement(4), broken, agreement(2)], tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["00001-mou.docx", "00002-mou.docx"]
    assert (tmp_path / "00002-mou.docx").read_bytes() == render_document(agreement(4))

    import os

    replace = os.replace

    def full(source: Any, target: Any) -> None:
        if str(target).endswith("00002-mou.docx"):
            raise OSError("disk full")
        replace(source, target)

    monkeypatch.setattr("os.replace", full)
    with pytest.raises(OSError, match="disk full"):
        render_documents([agreement(2)] * 4, tmp_path / "full")
    names = sorted(p.name for p in (tmp_path / "full").iterdir())
    assert "00001-mou.docx" in names
    assert "00002-mou.docx" not in names
    assert not [n for n in names if n.endswith(".tmp")]


def test_batch_with_a_template_of_ones_own(tmp_path: Path) -> None:
    template = user_template("{{ title }} — {{ place }}")
    paths = render_documents([agreement(2)], tmp_path, template=template, processes=2)
    assert lines(paths[0].read_bytes())[0] == "NOTA KESEPAHAMAN — Martapura"
    loaded = DocumentTemplate(template)  # a loaded template ships to the workers too
    again = render_documents([agreement(2)], tmp_path / "loaded", template=loaded, processes=2)
    assert again[0].read_bytes() == paths[0].read_bytes()


# -- user templates and the sandbox ------------------------------------------------------


def test_a_template_of_ones_own() -> None:
    data = render_document(
        agreement(2),
        template=user_template(
            "{{ title }}", "{% for p in parties %}{{ p.label }}: {{ p.institution }}; {% endfor %}"
        ),
    )
    assert lines(data)[:2] == [
        "NOTA KESEPAHAMAN",
        "PIHAK PERTAMA: PKBM Harapan Bangsa; PIHAK KEDUA: KUBE Rajut Lestari; ",
    ]


def test_a_missing_variable_is_named_before_rendering() -> None:
    template = DocumentTemplate(
        user_template("{{ title }} {{ nomor_surat }} {{ ttd }}"), name="surat.docx"
    )
    assert template.variables == {"title", "nomor_surat", "ttd"}
    with pytest.raises(MissingTemplateVariablesError) as caught:
        render_document(agreement(2), template=template)
    assert caught.value.missing == ["nomor_surat", "ttd"]
    assert "surat.docx" in str(caught.value)
    assert isinstance(caught.value, KemitraanError)


@pytest.mark.parametrize(
    ("source", "error"),
    [
        ("{{ title.__class__ }}", UnsafeTemplateError),
        ("{{ title.__class__.__mro__[1].__subclasses__() }}", UnsafeTemplateError),
        ("{{ parties[0].__init__.__globals__ }}", UnsafeTemplateError),
        ("{{ parties[0].no_such_field }}", TemplateRenderError),
        ("{{ title", TemplateRenderError),
        ("{% for x in %}", TemplateRenderError),
    ],
)
def test_hostile_or_broken_templates_fail_cleanly(source: str, error: type[Exception]) -> None:
    with pytest.raises(error) as caught:
        render_document(agreement(2), template=user_template(source))
    assert isinstance(caught.value, KemitraanError)


def test_not_a_docx() -> None:
    with pytest.raises(TemplateRenderError, match="bukan DOCX"):
        DocumentTemplate(b"plain text", name="x.docx")


def test_bundled_templates() -> None:
    for kind in ("mou", "pks", "addendum"):
        assert bundled_template(kind) is bundled_template(kind)  # compiled once
    with pytest.raises(
        UnknownDocumentKindError, match="jenis dokumen 'surat' tidak dikenal"
    ) as caught:
        bundled_template("surat")
    assert isinstance(caught.value, KeyError)
    assert caught.value.known == (
        "addendum",
        "attendance",
        "checklist",
        "consolidated",
        "me_report",
        "minutes",
        "mou",
        "pks",
        "rekapitulasi",
    )


def test_bundled_templates_are_what_the_build_script_makes() -> None:
    module = load_script(
        Path(__file__).parent.parent / "tools" / "build_templates.py", "build_templates"
    )
    for kind in map(document_kind, BUILT_IN):
        committed = (module.TEMPLATES / kind.template).read_bytes()
        assert module.build(kind) == committed, f"run python tools/build_templates.py ({kind.name})"


def test_clean_text() -> None:
    assert clean_text("a\x00b\x1fc\ud800d\ufffee\tf\ng") == "abcde\tf\ng"
    assert clean_text("baris\r\nbaru\rlagi") == "baris\nbaru\nlagi"


# -- PDF ---------------------------------------------------------------------------------


def test_pdf_without_libreoffice_names_the_program(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = render_document(agreement(2), tmp_path / "mou.docx")
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(ConverterNotFoundError) as caught:
        to_pdf(path)
    assert caught.value.program == "soffice"
    assert "LibreOffice" in str(caught.value)
    assert isinstance(caught.value, FileNotFoundError)


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice or poppler-utils not installed",
)
def test_pdf_through_libreoffice(tmp_path: Path) -> None:
    path = render_document(agreement(4), tmp_path / "mou.docx")
    pdf = to_pdf(path)
    assert pdf == tmp_path / "mou.pdf"
    extracted = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "NOTA KESEPAHAMAN" in extracted
    assert "Pasal 1" in extracted
    assert "dua juta sembilan ratus lima puluh ribu rupiah" in extracted


def test_an_agreement_with_errors_renders_only_as_a_draft() -> None:
    unfinished = agreement(3, scope=[], roles=[])
    with pytest.raises(AgreementNotReadyError) as caught:
        render_document(unfinished)
    assert {f.code for f in caught.value.findings} == {"scope_missing", "role_for_every_party"}
    data = render_document(unfinished, draft=True)
    # The mark is in the header of every page: first, even and the rest, in every section.
    for section in headers(data):
        assert all(text.startswith("DRAF — BELUM UNTUK DITANDATANGANI") for text in section)
    body = text(data)
    assert "Ruang lingkup Nota Kesepahaman ini meliputi …………………." in body  # not left out
    assert "berperan sebagai …………………, serta berkewajiban …………………." in body
    final = render_document(agreement(3))
    assert not any(any(section) for section in headers(final))


def test_usual_units_need_no_translation() -> None:
    bilingual = _bilingual()
    bilingual.translations = ENGLISH
    bilingual.pattern = GeneralTradeTerms(
        supplier=PKBM.id,
        buyer="nihon",
        goods=[TradedGood(name="Tas rajut", quantity=Decimal(200), period="per bulan")],
        quality_requirements=["Rapi"],
    )
    assert set(missing_translations(bilingual)) == {"Tas rajut", "Rapi"}
    bilingual.translations = {**ENGLISH, "Tas rajut": "Knitted bags", "Rapi": "Neat"}
    body = text(render_document(bilingual))
    assert "knitted bags, 200 (two hundred) pieces per month" in body


# -- typed contexts ----------------------------------------------------------------------


def test_every_kind_builds_a_typed_context() -> None:
    from kemitraan import monitoring_report
    from kemitraan.documents.context import AgreementContext
    from kemitraan.documents.report_context import MonitoringReportContext

    p = at_stage(Stage.FOLLOW_UP, cycle=2)
    subjects = {
        "mou": p.agreement,
        "pks": p.cooperation_agreements[0],
        "addendum": p.addenda[-1],
        "me_report": monitoring_report(p, cycle=1, on=date(2026, 2, 9)),
    }
    for name, subject in subjects.items():
        kind = document_kind(name)
        built = kind.context(subject, p)
        typed = MonitoringReportContext if name == "me_report" else AgreementContext
        assert isinstance(built, typed), name
        assert kind.subject(subject) is not None
        # what a template receives is the typed context's plain data (and ``extra``)
        template = user_template("{{ title }} | {{ extra.note }}")
        data = render_document(
            subject, kind=name, partnership=p, template=template, draft=True, extra={"note": "x"}
        )
        assert lines(data)[0] == f"{built.title} | x"


def test_the_report_writes_measures_past_a_thousand_the_indonesian_way() -> None:
    from kemitraan import monitoring_report
    from kemitraan.documents.report_context import MonitoringReportContext

    p = at_stage(Stage.FOLLOW_UP, recorded=True)
    plan = p.work_plan
    assert plan is not None
    indicators = list(plan.indicators)
    indicators[1] = indicators[1].model_copy(update={"baseline": Decimal("1500.5")})
    p.work_plan = plan.model_copy(update={"indicators": indicators})
    report = monitoring_report(p, on=date(2026, 2, 9))
    context = document_kind("me_report").context(report, p)
    assert isinstance(context, MonitoringReportContext)
    assert context.indicators[1].baseline == "1.500,5 buah (1 Mei 2025)"
    assert context.indicators[0].baseline == "0 orang (14 April 2025)"
    assert "1.500,5 buah (1 Mei 2025)" in text(render_document(report))


def test_a_kind_of_ones_own_may_give_a_typed_context(monkeypatch: pytest.MonkeyPatch) -> None:
    from pydantic import BaseModel

    from kemitraan import BilingualText
    from kemitraan.documents import DocumentKind, register_document_kind
    from kemitraan.documents._registry import _REGISTERED

    class Note(BaseModel):
        to: str

    class NoteContext(BaseModel):
        to: str
        draft: bool = False

    monkeypatch.setattr("kemitraan.documents._registry._REGISTERED", dict(_REGISTERED))
    register_document_kind(
        DocumentKind(
            name="note",
            title=BilingualText.of("Catatan", "Note"),
            template="note.docx",
            layout="letter",
            subject=lambda source: (source, None) if isinstance(source, Note) else None,
            context=lambda note, _partnership: NoteContext(to=f"Yth. {note.to}\x00"),
            check=lambda note: [],
        )
    )
    data = render_document(Note(to="Toko B"), kind="note", template=user_template("{{ to }}"))
    assert lines(data) == ["Yth. Toko B"]  # cleaned like any context


def test_the_closing_says_when_each_party_signed_where_the_days_differ() -> None:
    # the facilitator's review: the Dinas signed a day later, and the MoU said every party
    # signed "pada hari dan tanggal tersebut di atas"
    mou = at_stage(Stage.IMPLEMENTATION).agreement
    assert mou is not None
    same = [line for line in lines(render_document(mou)) if line.startswith("Demikian")]
    assert same[0].endswith("PARA PIHAK pada hari dan tanggal tersebut di atas.")
    later = mou.model_copy(
        update={
            "signatories": [
                s.model_copy(update={"signed_on": date(2025, 3, 14)}) if i == 3 else s
                for i, s in enumerate(mou.signatories)
            ]
        }
    )
    (closing,) = [line for line in lines(render_document(later)) if line.startswith("Demikian")]
    assert closing.endswith(
        "PARA PIHAK: PIHAK PERTAMA, PIHAK KEDUA dan PIHAK KETIGA pada hari dan tanggal "
        "tersebut di atas; PIHAK KEEMPAT pada tanggal 14 Maret 2025."
    )
