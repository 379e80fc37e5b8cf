"""Documents a legal officer signs without corrections: one test (or more) per finding.

Each finding a legal officer made on the documents — read at a Dinas Pendidikan or in a
company's legal department, every page converted through LibreOffice — has a test here
that fails on the documents as they were: the signer's authority, a PKS of its own,
the start date, addenda that cite their articles, dangling sentences, commercial terms
in an MoU, the signature page, the bilingual text, typography, custom templates and
the step from a recommendation to terms. The seed case's own documents are read back
with python-docx and, when LibreOffice is installed, through PDF with pdftotext.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn

from docs_helpers import footers, lines, text
from kemitraan import (
    Agreement,
    AgreementKind,
    Authority,
    BilingualText,
    Institution,
    InvalidDataError,
    Partner,
    PartnerKind,
    Partnership,
    PartyRole,
    PatternKind,
    Representative,
    Severity,
    Signatory,
    Term,
    load_json,
    render_document,
    to_pdf,
)
from kemitraan.amendments import ArticleChange, ArticleDeletion, ArticleInsertion
from kemitraan.authority import AuthorityKind
from kemitraan.documents import DocumentTemplate, agreement_context, export_template
from kemitraan.messages import speaking
from kemitraan.pattern_terms import GeneralTradeTerms, TradedGood
from kemitraan.provisions import Breach, DisputeSettlement, Termination
from kemitraan.recommender import PatternRecommendation
from kemitraan.verification import verification_code, verify_code
from seed import example

# -- the seed case's documents, made once -------------------------------------------------


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Partnership]:
    folder = tmp_path_factory.mktemp("seed")
    path = example().main(folder)
    return folder, load_json(Partnership, path.read_text("utf-8"))


def partnership_of(folder: Path) -> Partnership:
    return load_json(Partnership, (folder / "partnership.json").read_text("utf-8"))


def body(folder: Path, name: str) -> str:
    return text((folder / name).read_bytes())


# -- 1. the signatory's authority ---------------------------------------------------------


def test_1_every_party_block_states_the_signers_authority(seed: Any) -> None:
    folder, _ = seed
    mou = body(folder, "mou.docx")
    assert (
        "bertindak dalam jabatannya selaku Kepala Dinas Koperasi, UKM dan Tenaga Kerja Kabupaten "
        "Banjar, yang diangkat berdasarkan Keputusan Bupati Banjar Nomor 821.2/045/BKPSDM/2022 "
        "Tahun 2022, dan berdasarkan mandat dari Bupati Banjar dengan Surat Kuasa "
        "Nomor 180/017/HUK/2025 tanggal 3 Maret 2025, untuk dan atas nama Pemerintah Kabupaten "
        "Banjar c.q. Dinas Koperasi"
    ) in mou
    assert (
        "berdasarkan Akta Pendirian CV Kriya Banua Nomor 21 tanggal 3 Mei 2016 yang dibuat di "
        "hadapan Notaris Hj. Rahmah, S.H., M.Kn. beserta perubahannya, untuk dan atas nama CV "
        "Kriya Banua"
    ) in mou
    assert (
        "selaku Ketua PKBM Harapan Bangsa berdasarkan Surat Keputusan Ketua Yayasan Harapan "
        "Bangsa Nomor 03/YHB/I/2023 tanggal 9 Januari 2023, dan berdasarkan Surat Kuasa Nomor "
        "05/YHB/II/2025 tanggal 24 Februari 2025 dari Pengurus Yayasan Harapan Bangsa, untuk dan "
        "atas nama Yayasan Harapan Bangsa selaku penyelenggara PKBM Harapan Bangsa"
    ) in mou


def _two(**signer: Any) -> Agreement:
    pkbm = Institution(
        name="PKBM A",
        address="Jl. A",
        representative=Representative(
            name="Ketua A",
            position="Ketua PKBM A",
            authority=Authority(
                kind=AuthorityKind.FOUNDATION_DECREE, issuer="Yayasan A", number="1"
            ),
        ),
    )
    shop = Partner(
        name="CV B",
        kind=PartnerKind.BUSINESS,
        address="Jl. B",
        representative=Representative(
            name="Direktur B",
            position="Direktur",
            authority=Authority(kind=AuthorityKind.DEED, number="2", notary="Notaris A"),
        ),
    )
    signatories = [
        Signatory(party_id=pkbm.id, name="Ketua A", position="Ketua PKBM A"),
        Signatory(party_id=shop.id, **({"name": "Direktur B", "position": "Direktur"} | signer)),
    ]
    return Agreement(
        parties=[pkbm, shop],
        numbers={pkbm.id: "1/A", shop.id: "2/B"},
        subject="Pemasaran",
        place="Martapura",
        date=date(2025, 3, 10),
        considerations=["PIHAK PERTAMA menyelenggarakan PKW"],
        scope=["Pemasaran"],
        roles=[
            PartyRole(party_id=pkbm.id, role="Produsen", responsibilities=["Memasok tas"]),
            PartyRole(party_id=shop.id, role="Pemasar", responsibilities=["Membeli tas"]),
        ],
        term=Term(start=date(2025, 3, 10), end=date(2026, 3, 9)),
        dispute_settlement=DisputeSettlement(venue="Pengadilan Negeri Martapura"),
        signatories=signatories,
    )


def test_1_a_signer_under_a_power_of_attorney_is_named_with_it() -> None:
    attorney = Authority(
        kind=AuthorityKind.POWER_OF_ATTORNEY, issuer="Direktur CV B", number="SK-7", year=2025
    )
    mou = _two(name="Manajer B", position="Manajer Pemasaran", authority=attorney)
    assert "signatory_not_representative" not in [f.code for f in mou.check()]
    block = agreement_context(mou).parties[1]
    assert (block.name, block.position) == ("Manajer B", "Manajer Pemasaran")  # the signer
    assert block.acting == (
        "Dalam hal ini bertindak berdasarkan Surat Kuasa Nomor SK-7 Tahun 2025 dari Direktur "
        "CV B, untuk dan atas nama CV B, selanjutnya disebut PIHAK KEDUA."
    )
    # a different signer without an authority of its own is reported, not given another's
    other = _two(name="Manajer B", position="Manajer Pemasaran")
    found = [f.code for f in other.check()]
    assert "signatory_not_representative" in found
    # ... and lacks capacity for the CV: the text is a draft, its basis left blank to fill in
    assert "capacity_by_legal_form" in found
    assert agreement_context(other).parties[1].acting == (
        "Dalam hal ini bertindak dalam jabatannya selaku Manajer Pemasaran berdasarkan …………………, "
        "untuk dan atas nama CV B, selanjutnya disebut PIHAK KEDUA."
    )


def test_1_plain_text_is_an_authority_too() -> None:
    plain = Representative(name="A", position="B", authority="SK Ketua")  # type: ignore[arg-type]
    assert plain.authority == Authority(text="SK Ketua")
    with pytest.raises(ValueError, match="authority_incomplete"):
        Authority(kind=AuthorityKind.DEED)  # a deed names its number and notary


# -- 2. the PKS ---------------------------------------------------------------------------

PKS_ARTICLES = [
    "DEFINISI",
    "MAKSUD",  # the PKS states a purpose and no objectives
    "RUANG LINGKUP",
    "PERAN, HAK DAN KEWAJIBAN",
    "POLA KEMITRAAN",
    "PENYERAHAN, PEMERIKSAAN DAN PENERIMAAN",  # issue 19.2: the trade's own articles
    "ASAL DAN KEPEMILIKAN PRODUK",
    "PELAKSANAAN",
    "PEMBIAYAAN DAN PEMBAYARAN",
    "PAJAK DAN PELAKSANAAN PEMBAYARAN",
    "MONITORING DAN EVALUASI",
    "JANGKA WAKTU",
    "PENGAKHIRAN",
    "WANPRESTASI",
    "KEADAAN KAHAR",
    "KERAHASIAAN",
    "HAK KEKAYAAN INTELEKTUAL",
    "HUKUM YANG BERLAKU",
    "PENYELESAIAN PERSELISIHAN",
    "KORESPONDENSI",
    "PERUBAHAN",
    "PENUTUP",
]


def test_2_the_pks_has_articles_of_its_own_and_cites_its_mou(seed: Any) -> None:
    folder, partnership = seed
    all_lines = lines((folder / "pks.docx").read_bytes())
    titles = [
        all_lines[i + 1] for i, line in enumerate(all_lines) if re.fullmatch(r"Pasal \d+", line)
    ]
    assert titles == PKS_ARTICLES
    pks = "\n".join(all_lines)
    assert (
        "bahwa PARA PIHAK bersama Dinas Koperasi, UKM dan Tenaga Kerja Kabupaten Banjar telah "
        "menandatangani Nota Kesepahaman Nomor 005/PKBM-HB/III/2025, "
        "02/KUBE-RL/III/2025, 017/KB/III/2025 dan 500.3/118/DISKOPUKMNAKER/2025 tanggal "
        "10 Maret 2025 tentang Kemitraan Program PKW"
    ) in pks
    assert "sebagai pelaksanaan Nota Kesepahaman tersebut" in pks
    assert "paling lambat 30 (tiga puluh) hari kalender sebelum tanggal pengakhiran" in pks
    assert "mengesampingkan ketentuan Pasal 1266 dan Pasal 1267 Kitab Undang-Undang" in pks
    assert "teguran tertulis (somasi)" in pks
    assert "paling lambat 14 (empat belas) hari kalender setelah Produk diterima" in pks
    assert "PIHAK KETIGA: CV Kriya Banua, Jl. Lambung Mangkurat No. 8, Banjarmasin" in pks
    assert "telepon (0511) 3252777" in pks  # an institutional number, never a personal one
    held = partnership.cooperation_agreements[0]
    assert held.implements is not None
    assert held.implements.refers_to(partnership.agreement)
    assert set(partnership.signatures(held)) == set(held.party_ids)


def test_2_only_a_pks_implements_an_mou_and_a_partnership_holds_only_its_own() -> None:
    mou = _two()
    with pytest.raises(ValueError, match="implements_outside_pks"):
        mou.model_copy(update={"implements": mou.reference()})
    pks = mou.model_copy(update={"kind": AgreementKind.PKS, "implements": mou.reference()})
    assert [a.key for a in agreement_context(pks).articles if a.key == "termination"]
    no_waiver = agreement_context(pks).model_dump_json()
    assert "1266" not in no_waiver  # the waiver is a choice the parties make
    waived = pks.model_copy(update={"termination": Termination(waive_court_termination=True)})
    assert "Pasal 1266 dan Pasal 1267" in agreement_context(waived).model_dump_json()
    short = pks.model_copy(update={"breach": Breach(warnings=1, remedy_days=7)})
    assert "setelah teguran tertulis tersebut" in agreement_context(short).model_dump_json()


def test_2_a_partnership_refuses_a_pks_of_another_mou() -> None:
    from kemitraan import Stage
    from seed import at_stage

    partnership = at_stage(Stage.IMPLEMENTATION)
    stranger = (
        example().draft_pks(partnership).model_copy(update={"implements": _two().reference()})
    )
    before = partnership.model_dump_json()
    with pytest.raises(ValueError, match="pks_implements_another"):
        partnership.cooperation_agreements.append(stranger)
    assert partnership.model_dump_json() == before


# -- 3. the start date ----------------------------------------------------------------------


def test_3_the_closing_says_the_start_date_the_term_says() -> None:
    later = _two().model_copy(update={"term": Term(start=date(2025, 8, 1), end=date(2026, 7, 31))})
    body_ = agreement_context(later).model_dump_json()
    assert "terhitung sejak tanggal 1 Agustus 2025" in body_
    assert "mulai berlaku sejak tanggal 1 Agustus 2025." in body_
    assert "mulai berlaku sejak tanggal ditandatangani" not in body_
    assert "term_starts_before_signing" not in [f.code for f in later.check()]
    earlier = _two().model_copy(
        update={"term": Term(start=date(2025, 1, 1), end=date(2025, 12, 31))}
    )
    assert "term_starts_before_signing" in [f.code for f in earlier.check()]


# -- 4. addenda that cite their articles -----------------------------------------------------


def test_4_the_seed_addendum_cites_pasal_and_ayat(seed: Any) -> None:
    folder, partnership = seed
    all_lines = lines((folder / "addendum.docx").read_bytes())
    assert all_lines[:2] == ["ADENDUM PERTAMA", "PERJANJIAN KERJA SAMA"]
    addendum = "\n".join(all_lines)
    # the title names the text amended; what changes is said in the recitals and articles
    assert all_lines[8:10] == ["TENTANG", "PEMASARAN TAS RAJUT HASIL PRAKTIK PESERTA DIDIK PKW"]
    assert (
        "Ketentuan Pasal 5 ayat (3) Perjanjian Kerja Sama diubah sehingga berbunyi sebagai "
        "berikut:\n(3)\tProduk diperdagangkan sebanyak 300 (tiga ratus) buah per bulan"
    ) in addendum
    assert (
        "Ketentuan Pasal 12 ayat (1) Perjanjian Kerja Sama diubah sehingga berbunyi sebagai "
        "berikut:\n(1)\tPerjanjian Kerja Sama ini berlaku selama 2 (dua) tahun terhitung sejak "
        "tanggal 10 Maret 2025 sampai dengan tanggal 9 Maret 2027."
    ) in addendum
    assert "Ketentuan mengenai" not in addendum
    # the agreement as amended is what the library reads
    amended = partnership.as_amended(partnership.cooperation_agreements[0])
    assert amended is not None
    assert amended.term is not None
    assert amended.term.end == date(2027, 3, 9)
    assert isinstance(amended.pattern, GeneralTradeTerms)
    assert amended.pattern.goods[0].quantity == 300


def test_4_insertions_and_deletions_name_their_articles() -> None:
    mou = _two()
    addendum = mou.model_copy(
        update={
            "kind": AgreementKind.ADDENDUM,
            "subject": "Perubahan Pertama",
            "amends": mou.reference(),
            "sequence": 2,
            "considerations": [],
            "amendments": [
                ArticleInsertion(after=2, title="Pelaporan", text=["PIHAK KEDUA melapor."]),
                ArticleDeletion(article=4),
                ArticleChange(article=3, paragraph=2, text=["PIHAK KEDUA membeli tas."]),
            ],
        }
    )
    context = agreement_context(addendum)
    assert (context.title, context.subtitle) == ("ADENDUM KEDUA", "NOTA KESEPAHAMAN")
    said = [p.text for a in context.articles for p in a.paragraphs]
    assert said[:3] == [
        "Di antara Pasal 2 dan Pasal 3 disisipkan 1 (satu) pasal, yakni Pasal 2A, yang "
        "berbunyi sebagai berikut:",
        "Ketentuan Pasal 3 ayat (2) Nota Kesepahaman diubah sehingga berbunyi sebagai berikut:",
        "Pasal 4 dihapus.",
    ]
    inserted = context.articles[0].paragraphs[0].quoted
    assert [(q.kind, q.text) for q in inserted] == [
        ("heading", "Pasal 2A"),
        ("title", "PELAPORAN"),
        ("text", "PIHAK KEDUA melapor."),
    ]


def test_4_a_data_change_needs_the_text_it_amends() -> None:
    from kemitraan.amendments import TermChange

    mou = _two()
    addendum = mou.model_copy(
        update={
            "kind": AgreementKind.ADDENDUM,
            "amends": mou.reference(),
            "amendments": [TermChange(term=Term(start=date(2025, 3, 10), end=date(2027, 3, 9)))],
        }
    )
    with pytest.raises(ValueError, match="buat dokumen dengan kemitraan"):
        agreement_context(addendum)
    amended = mou.amended_by([addendum])
    assert amended.term is not None
    assert mou.term is not None
    assert (amended.term.end, mou.term.end) == (date(2027, 3, 9), date(2026, 3, 9))


# -- 5. no sentence that lost its object ---------------------------------------------------


def test_5_final_documents_print_no_dangling_sentences() -> None:
    bare = _two().model_copy(
        update={"considerations": [], "dispute_settlement": DisputeSettlement(), "financing": []}
    )
    codes = [f.code for f in bare.check()]
    assert {"considerations_missing", "dispute_venue_missing"} <= set(codes)
    said = text(render_document(bare))
    assert "hal-hal sebagai berikut" not in said
    assert "Berdasarkan hal-hal tersebut di atas" not in said
    assert "PARA PIHAK sepakat untuk mengikatkan diri dalam Nota Kesepahaman" in said
    assert "melalui Pengadilan Negeri yang berwenang." in said
    assert "melalui Pengadilan Negeri." not in said
    assert "Biaya lain" not in said
    assert "Biaya yang timbul dalam pelaksanaan Nota Kesepahaman ini dibebankan" in said


# -- 6. commercial terms in an MoU -----------------------------------------------------------


def test_6_an_mou_with_binding_commercial_terms_is_told_they_belong_in_a_pks() -> None:
    mou = _two().model_copy(
        update={
            "pattern": GeneralTradeTerms(
                supplier="pkbm-a",
                buyer="cv-b",
                goods=[TradedGood(name="Tas", quantity=Decimal(200), unit_price=Decimal(85000))],
                quality_requirements=["Rapi"],
                payment_terms="14 hari setelah barang diterima",
            )
        }
    )
    found = [f for f in mou.check() if f.code == "commercial_terms_in_mou"]
    assert [f.severity for f in found] == [Severity.WARNING]
    assert "Perjanjian Kerja Sama" in found[0].message.indonesian
    as_pks = mou.model_copy(update={"kind": AgreementKind.PKS})
    assert "commercial_terms_in_mou" not in [f.code for f in as_pks.check()]


# -- 7. the signature page --------------------------------------------------------------------


def test_7_signature_page_meterai_paraf_nip(seed: Any) -> None:
    folder, _ = seed
    data = (folder / "mou.docx").read_bytes()
    document = docx.Document(io.BytesIO(data))
    boxes = [
        table
        for table in document.element.body.iter(qn("w:tbl"))
        if any("METERAI" in (t.text or "") for t in table.iter(qn("w:t")))
        and table.getparent().tag == qn("w:tc")
    ]
    assert len(boxes) == 1  # one meterai per original (UU 10/2020), as check() counts them
    agreement = partnership_of(folder).agreement
    assert agreement is not None
    assert "stamp_duty" in {f.code for f in agreement.check()}
    assert agreement.meterai_count == agreement.originals * len(boxes) == 4  # one box each
    for box in boxes:
        width = int(box.find(f"{qn('w:tblPr')}/{qn('w:tblW')}").get(qn("w:w")))
        height = int(box.find(f".//{qn('w:trHeight')}").get(qn("w:val")))
        assert width >= 2268  # 4 cm, in twentieths of a point
        assert height >= 1417  # 2.5 cm
    said = lines(data)
    assert "NIP 19700101 199503 1 001" in said
    assert "197001011995031001" not in "\n".join(said)
    footer = footers(data)
    assert [line for line in footer if line.startswith("PIHAK")] == [
        "PIHAK PERTAMA",
        "PIHAK KEDUA",
        "PIHAK KETIGA",
        "PIHAK KEEMPAT",
    ]


def test_7_no_empty_line_in_any_signature_column() -> None:
    for parties in (_two(), example().draft_pks(_seed_at_signing())):
        for signature in agreement_context(parties).signatures:
            assert signature.position
            assert signature.institution
            assert signature.name
            assert signature.institution not in signature.position  # not said twice


def _seed_at_signing() -> Partnership:
    from kemitraan import Stage
    from seed import at_stage

    return at_stage(Stage.IMPLEMENTATION)


# -- 8. bilingual -------------------------------------------------------------------------------


def _bilingual() -> Agreement:
    foreign = Partner(
        name="Nihon Craft Co., Ltd.",
        id="nihon",
        kind=PartnerKind.BUSINESS,
        is_foreign=True,
        language="ja",
        address="1-2-3 Shibuya, Tokyo",
        representative=Representative(name="Tanaka Hiroshi", position="Managing Director"),
    )
    mou = _two()
    return mou.model_copy(
        update={
            "parties": [mou.parties[0], foreign],
            "numbers": {},
            "roles": [
                mou.roles[0],
                PartyRole(party_id="nihon", role="Agen", responsibilities=["Memasarkan tas"]),
            ],
            "signatories": [
                mou.signatories[0],
                Signatory(party_id="nihon", name="Tanaka Hiroshi", position="Managing Director"),
            ],
            "languages": ["id", "en"],
            "prevailing_language": "id",
            "translations": {
                "Pemasaran": "Marketing",
                "PIHAK PERTAMA menyelenggarakan PKW": "THE FIRST PARTY runs the PKW",
                "Produsen": "producer",
                "Memasok tas": "supply bags",
                "Agen": "agent",
                "Memasarkan tas": "market bags",
                "Ketua PKBM A": "Head of PKBM A",
            },
        }
    )


def test_8_bilingual_blocks_positions_and_plurals() -> None:
    context = agreement_context(_bilingual())
    first = context.parties[0]
    assert first.statement.startswith("Ketua A, Ketua PKBM A, berkantor di Jl. A. Dalam hal ini")
    assert first.statement_en.startswith("Ketua A, Head of PKBM A, with offices at Jl. A. Acting")
    assert "PKBM A, PKBM A" not in first.statement
    foreign = context.parties[1]
    assert foreign.position_en == foreign.position == "Managing Director"  # not demanded
    # under the signature, the position without the institution printed below it
    # one that reads the same in English (a foreign party's) is printed once, not twice
    assert [s.position_en for s in context.signatures] == ["Head", ""]
    said = context.model_dump_json()
    assert "1 (one) year" in said
    assert "year(s)" not in said
    data = render_document(_bilingual())
    assert "Head" in lines(data)  # the English position is printed


def test_8_an_indonesian_only_document_has_no_english_twins() -> None:
    dumped = agreement_context(_two()).model_dump()

    def english(value: Any, key: str = "") -> Iterator[str]:
        if isinstance(value, dict):
            for k, v in value.items():
                yield from english(v, k)
        elif isinstance(value, list):
            for v in value:
                yield from english(v, key)
        elif key.endswith("_en") and value:
            yield f"{key}={value}"

    assert list(english(dumped)) == []
    assert dumped["rows"] == []


# -- 9. typography ---------------------------------------------------------------------------


def test_9_typography(seed: Any) -> None:
    folder, _ = seed
    pks = body(folder, "pks.docx")
    mou = body(folder, "mou.docx")
    for said in (pks, mou):
        assert '"' not in said
        assert "'" not in said
    assert "“Produk” adalah tas rajut" in pks
    assert "setiap 3 (tiga) bulan" in mou
    assert "setiap tiga bulan" not in mou
    assert "PIHAK KEDUA mengirimkan Produk setiap hari Senin" in pks
    assert re.search(r":\t[A-Z][a-z]", pks) is None or "\ta.\t" not in pks  # points start low
    assert "a.\tmerekrut dan membina peserta didik;" in mou
    # one point is said in its own sentence, and a defined term is not taken for a name
    assert "serta berkewajiban memasok Produk sesuai jumlah dan mutu yang disepakati." in pks
    assert "Jumlah seluruh pembiayaan" not in mou  # one source of funds: no total
    assert "Pada hari ini, Senin, tanggal sepuluh, bulan Maret" in mou


def test_9_lettered_lists_stay_with_their_sentence(seed: Any) -> None:
    folder, _ = seed
    document = docx.Document(io.BytesIO((folder / "mou.docx").read_bytes()))
    paragraphs = document.paragraphs
    points = [i for i, p in enumerate(paragraphs) if re.match(r"[a-z]\.\t", p.text)]
    assert points
    for i in points:
        intro = paragraphs[i - 1]
        if not re.match(r"[a-z]\.\t", intro.text):
            assert intro.paragraph_format.keep_with_next, intro.text
        following = paragraphs[i + 1] if i + 1 < len(paragraphs) else None
        if following is not None and re.match(r"[a-z]\.\t", following.text):
            assert paragraphs[i].paragraph_format.keep_with_next, paragraphs[i].text


# -- 10. custom templates get the data ------------------------------------------------------


def test_10_custom_templates_get_raw_values_and_extra_keys(tmp_path: Path, seed: Any) -> None:
    _, partnership = seed
    context = agreement_context(partnership.agreement, extra={"kop": "PKBM"})
    assert (context.term_start, context.term_end) == (date(2025, 3, 10), date(2028, 3, 9))
    assert context.total_financing == Decimal("59000000")
    assert context.parties[0].npsn == "69912345"
    assert context.parties[2].nib == "9120001234567"
    assert context.parties[3].authority_kind == "appointment"
    assert context.parties[3].authority_number == "821.2/045/BKPSDM/2022"
    assert context.extra == {"kop": "PKBM"}
    assert {"draft", "date", "place", "kind"} <= set(context.model_json_schema()["properties"])
    copied = export_template("pks", tmp_path / "pks.docx")
    assert DocumentTemplate(copied).variables <= set(context.model_dump())
    assert (tmp_path / "pks.docx").read_bytes() == (
        Path(__file__).parent.parent / "src/kemitraan/documents/templates/pks.docx"
    ).read_bytes()
    with speaking("en"), pytest.raises(ValueError, match="give text, numbers, dates"):
        render_document(partnership, extra={"kop": object()})


# -- 11. from a recommendation to terms --------------------------------------------------------


def test_11_a_recommendation_fills_in_the_terms() -> None:
    found = PatternRecommendation(
        pattern=PatternKind.GENERAL_TRADE,
        score=Decimal("0.8"),
        roles={"supplier": ["kube"], "buyer": ["toko"], "intermediary": ["koperasi"]},
        reasons=[BilingualText(indonesian="Alasan", english="Reason")],
    )
    terms = found.terms(goods=[TradedGood(name="Tas")], quality_requirements=["Rapi"])
    assert isinstance(terms, GeneralTradeTerms)
    assert (terms.supplier, terms.buyer, terms.intermediary) == ("kube", "toko", "koperasi")
    with pytest.raises(ValueError, match="goods"):
        found.terms(quality_requirements=["Rapi"])  # what a recommendation cannot know


# -- the verification code -------------------------------------------------------------------


def test_every_page_carries_the_verification_code(seed: Any) -> None:
    folder, stored = seed
    partnership = stored.model_copy(deep=True)  # the fixture is shared; this test edits
    code = verification_code(partnership.agreement, partnership=partnership)
    assert any(code in line for line in footers((folder / "mou.docx").read_bytes()))
    assert verify_code(partnership.agreement, code.lower(), partnership=partnership)
    changed = partnership.agreement.model_copy(update={"place": "Banjarbaru"})
    assert not verify_code(changed, code, partnership=partnership)
    # the work plan the MoU prints counts too: a changed plan no longer matches the paper
    plan = partnership.work_plan
    assert plan is not None
    moved = plan.activities[0].model_copy(update={"responsible": "cv-kriya-banua"})
    partnership.work_plan = plan.model_copy(update={"activities": [moved, *plan.activities[1:]]})
    assert not verify_code(partnership.agreement, code, partnership=partnership)
    # and a document printed without the partnership (no work plan) has a code of its own
    assert not verify_code(partnership.agreement, code)


# -- through LibreOffice, as a legal officer reads them -----------------------------------------

needs_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice and poppler are not installed",
)


@needs_libreoffice
def test_the_seed_documents_read_through_pdf(seed: Any, tmp_path: Path) -> None:
    folder, partnership = seed
    said = {}
    for name in ("mou", "pks", "addendum"):
        pdf = to_pdf(folder / f"{name}.docx", tmp_path / f"{name}.pdf")
        said[name] = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
    flat = {k: " ".join(v.split()) for k, v in said.items()}
    assert "yang diangkat berdasarkan Keputusan Bupati Banjar" in flat["mou"]
    code = verification_code(partnership.agreement, partnership=partnership)
    assert "Kode verifikasi " + code in flat["mou"]
    assert "WANPRESTASI" in flat["pks"]
    # issue 19: capacity in the party blocks, the trade's articles, the learners' goods
    assert "berdasarkan Surat Kuasa" in flat["mou"]
    assert "untuk dan atas nama Pemerintah Kabupaten Banjar" in flat["mou"]
    assert "tidak memengaruhi Perjanjian Kerja Sama dan" in flat["mou"]
    assert "7 (tujuh) hari kalender sejak keadaan kahar terjadi" in flat["mou"]
    for name in ("mou", "pks", "addendum"):  # a period says which days it counts
        assert not re.search(r"\) hari (?!kalender|kerja)", flat[name]), name
    for line in (
        "PENYERAHAN, PEMERIKSAAN DAN PENERIMAAN",
        "ASAL DAN KEPEMILIKAN PRODUK",
        "Sampai hak milik atas Produk beralih kepada PIHAK KETIGA sebagaimana diatur dalam "
        "Pasal 6, Produk merupakan milik PIHAK KEDUA.",
        "paling banyak 5% (lima persen) dari jumlah tersebut",
        # the days of deliberation run from a written notice, not from nowhere; every
        # period is in calendar days unless it says working days; PIHAK is a defined term
        "30 (tiga puluh) hari kalender sejak salah satu PIHAK memberitahukan perselisihan itu "
        "secara tertulis kepada PIHAK lainnya.",
        "Apabila pembayaran terlambat lebih dari 30 (tiga puluh) hari kalender,",
        "paling lambat 14 (empat belas) hari kalender sejak pembayaran diterima",
        "laporan penjualan Produk setiap bulan kepada PIHAK lainnya.",
        # the MoU it implements had a fourth signatory, who is not a party to the PKS
        "bahwa PARA PIHAK bersama Dinas Koperasi, UKM dan Tenaga Kerja Kabupaten Banjar telah "
        "menandatangani Nota Kesepahaman Nomor",
    ):
        assert line in flat["pks"], line
    # an addendum a year on is signed on a fresh mandate and power of attorney
    assert "Surat Kuasa Nomor 02/YHB/II/2026 tanggal 9 Februari 2026" in flat["addendum"]
    assert "Rapat Anggota Nomor 01/KUBE-RL/II/2026 tanggal 9 Februari 2026" in flat["addendum"]
    assert "02/KUBE-RL/II/2025" not in flat["addendum"]
    assert "Ketentuan Pasal 12 ayat (1) Perjanjian Kerja Sama diubah" in flat["addendum"]
    assert "Paraf:" in flat["addendum"]
    pages = {k: v.count("\f") for k, v in said.items()}
    for name in said:  # the footer counts the pages: "Halaman 1 dari 6"
        assert f"Halaman 1 dari {pages[name]}" in flat[name]
        assert f"Halaman {pages[name]} dari {pages[name]}" in flat[name]


@needs_libreoffice
def test_pdf_a_for_the_archive(seed: Any, tmp_path: Path) -> None:
    folder, _ = seed
    pdf = to_pdf(folder / "mou.docx", tmp_path / "mou.pdf", archive=True)
    data = pdf.read_bytes()
    assert b"<pdfaid:part>2</pdfaid:part>" in data
    plain = to_pdf(folder / "mou.docx", tmp_path / "plain.pdf")
    assert b"pdfaid" not in plain.read_bytes()


def test_templates_are_sound_docx() -> None:
    for kind in ("mou", "pks", "addendum"):
        path = Path(__file__).parent.parent / f"src/kemitraan/documents/templates/{kind}.docx"
        with zipfile.ZipFile(path) as archive:
            assert archive.testzip() is None
            assert "word/footer1.xml" in archive.namelist()


# -- what an independent review found when it attacked the above ------------------------------


def _walked() -> Partnership:
    from kemitraan import Stage
    from seed import at_stage

    return at_stage(Stage.IMPLEMENTATION, cycle=2)  # MoU, PKS and the PKS's addendum signed


def test_a_signed_addendum_to_a_pks_cannot_be_removed() -> None:
    partnership = _walked()
    before = partnership.model_dump_json()
    for remove in (
        lambda p: p.addenda.pop(),
        lambda p: setattr(p, "addenda", []),
    ):
        with pytest.raises(ValueError, match="signed_addendum_removed"):
            remove(partnership)
        assert partnership.model_dump_json() == before
    data = partnership.model_dump(mode="json")
    data["addenda"] = []
    with pytest.raises(InvalidDataError) as caught:  # the rule's code is kept in .errors
        load_json(Partnership, data)
    assert [e["type"] for e in caught.value.errors] == ["signed_addendum_removed"]


def test_an_addendum_waits_for_the_text_it_amends_to_be_signed() -> None:
    from kemitraan import RequirementsUnmetError, Stage
    from seed import at_stage

    partnership = at_stage(Stage.SIGNING)
    for party in partnership.parties:
        partnership.sign(party.id, on=date(2025, 3, 10))
    partnership.cooperation_agreements.append(example().draft_pks(partnership))
    partnership.sign_pks(0, "kube-rajut-lestari", on=date(2025, 3, 10))  # one of three
    addendum = example().draft_addendum(partnership)
    assert addendum.amends is not None
    assert addendum.amends.digest == partnership.cooperation_agreements[0].digest()
    partnership.advance()
    partnership.addenda.append(addendum)
    with pytest.raises(RequirementsUnmetError, match="belum ditandatangani semua pihaknya"):
        partnership.sign_addendum(0, "kube-rajut-lestari", on=date(2026, 2, 16))


def test_a_reference_names_one_text_by_its_digest() -> None:
    partnership = _walked()
    pks = partnership.cooperation_agreements[0]
    twin = pks.model_copy(
        update={
            "parties": [pks.parties[0], partnership.party("diskopukmnaker-banjar")],
            "signatories": [],
            "numbers": {},
        }
    )
    addendum = partnership.addenda[0]
    assert addendum.amends is not None
    assert addendum.amends.refers_to(pks)
    assert not addendum.amends.refers_to(twin)  # same subject and date, another text
    amended = partnership.as_amended(twin)
    assert amended is not None
    assert amended.term == twin.term  # the addendum is not its


def test_contradictory_or_out_of_range_changes_are_refused_at_rendering() -> None:
    from kemitraan import InvalidArgumentError
    from kemitraan.amendments import TermChange

    partnership = _walked()
    pks = partnership.cooperation_agreements[0]
    base = partnership.addenda[0]
    longer = TermChange(term=Term(start=date(2025, 3, 10), end=date(2028, 3, 9)))
    for changes, wanted in (
        ([longer, ArticleChange(article=12, paragraph=1, text=["Lain."])], "sudah diubah"),
        ([longer, ArticleDeletion(article=12)], "sudah diubah"),
        ([ArticleChange(article=12, paragraph=7, text=["Lain."])], "hanya memiliki 2 ayat"),
        ([ArticleDeletion(article=40)], "hanya memiliki 22 pasal"),
    ):
        addendum = base.model_copy(update={"amendments": changes, "signatories": []})
        with pytest.raises(InvalidArgumentError, match=wanted):
            agreement_context(addendum, partnership=partnership)
    two = base.model_copy(
        update={
            "signatories": [],
            "amendments": [
                ArticleInsertion(after=5, title="Satu", text=["A."]),
                ArticleInsertion(after=5, title="Dua", text=["B."]),
            ],
        }
    )
    said = [
        q.text
        for a in agreement_context(two, partnership=partnership).articles
        for p in a.paragraphs
        for q in p.quoted
        if q.kind == "heading"
    ]
    assert said == ["Pasal 5A", "Pasal 5B"]
    strangers = base.model_copy(update={"parties": partnership.parties, "signatories": []})
    with pytest.raises(InvalidArgumentError, match="semua pihak Perjanjian Kerja Sama"):
        agreement_context(strangers, partnership=partnership)
    assert pks.kind is AgreementKind.PKS


def test_dates_that_cannot_be_are_refused() -> None:
    from kemitraan import InvalidArgumentError, RequirementsUnmetError, Stage
    from seed import at_stage

    partnership = at_stage(Stage.SIGNING)
    with pytest.raises(InvalidArgumentError, match="lebih awal daripada tanggal naskah dibuat"):
        partnership.sign("pkbm-harapan-bangsa", on=date(2025, 1, 1))
    with pytest.raises(InvalidArgumentError, match="belum terjadi"):
        partnership.sign("pkbm-harapan-bangsa", on=date(2099, 1, 1))
    for party in partnership.parties:
        partnership.sign(party.id, on=date(2025, 3, 10))
    pks = example().draft_pks(partnership)
    early = pks.model_copy(update={"date": date(2025, 1, 5)})
    assert "pks_before_mou" in [f.code for f in early.check() if f.severity is Severity.ERROR]
    beyond = pks.model_copy(update={"term": Term(start=date(2025, 3, 10), end=date(2030, 3, 9))})
    partnership.cooperation_agreements.append(beyond)
    with pytest.raises(RequirementsUnmetError, match="di luar jangka waktu Nota Kesepahaman"):
        partnership.sign_pks(0, "pkbm-harapan-bangsa", on=date(2025, 3, 10))


def test_wrong_arguments_raise_kemitraan_errors() -> None:
    from kemitraan import InvalidArgumentError

    partnership = _walked()
    mou = partnership.agreement
    assert mou is not None
    for call in (
        lambda: verify_code(mou, None),  # type: ignore[arg-type]
        lambda: verify_code(mou, 123),  # type: ignore[arg-type]
        lambda: verify_code(partnership, "ABCD"),  # type: ignore[arg-type]
        lambda: partnership.sign_pks(0.5, "kube-rajut-lestari", on=date(2025, 3, 10)),  # type: ignore[arg-type]
        lambda: partnership.sign_addendum(True, "kube-rajut-lestari", on=date(2026, 2, 16)),
        lambda: mou.amended_by([None]),  # type: ignore[list-item]
        lambda: mou.amended_by(5),  # type: ignore[arg-type]
        lambda: partnership.as_amended(5),  # type: ignore[arg-type]
    ):
        with pytest.raises(InvalidArgumentError):
            call()


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        (
            {"kind": AuthorityKind.DEED, "number": "1", "notary": "N", "text": "x"},
            "authority_text_kind",
        ),
        (
            {
                "kind": AuthorityKind.APPOINTMENT,
                "issuer": "Bupati",
                "number": "1",
                "year": 2022,
                "issued_on": date(2021, 1, 1),
            },
            "authority_year",
        ),
        (
            {
                "kind": AuthorityKind.DEED,
                "number": "1",
                "notary": "N",
                "issued_on": date(2099, 1, 1),
            },
            "authority_in_future",
        ),
        ({"kind": AuthorityKind.BYLAWS}, "authority_incomplete"),
    ],
)
def test_an_authority_says_what_it_rests_on_or_is_refused(
    fields: dict[str, Any], code: str
) -> None:
    with pytest.raises(ValueError, match=code):
        Authority(**fields)


def test_the_library_translates_its_own_pks_defaults() -> None:
    bilingual = _bilingual().model_copy(update={"kind": AgreementKind.PKS})
    from kemitraan.documents import missing_translations

    missing = set(missing_translations(bilingual))
    assert not {g for g in Termination().grounds} & missing
    assert not {c for c in Breach().consequences} & missing


def test_a_draft_agreement_may_change_under_its_draft_pks_and_addendum() -> None:
    # found by the stateful walk: a PKS drafted against the MoU, then the MoU's party edited in
    # place before anyone signed; the partnership must still save and load
    from kemitraan import Stage, dump_json
    from seed import at_stage

    partnership = at_stage(Stage.SIGNING)
    partnership.cooperation_agreements.append(example().draft_pks(partnership))
    assert partnership.agreement is not None
    partnership.agreement.parties[0].address = "Alamat baru"
    assert load_json(Partnership, dump_json(partnership)) == partnership
    # signing the PKS still waits for the MoU, and the MoU's new text is what gets signed
    for party in partnership.parties:
        partnership.sign(party.id, on=date(2025, 3, 10))
    assert partnership.agreement.parties[0].address == "Alamat baru"
