"""Issue 19: what a legal officer checks before signing, each point read back from the document.

The parties' registration numbers and a civil servant's rank, the term in years and
months, the page count in the footer, one meterai per original, the clauses
practitioners expect (governing law, jointly made works, arbitration, ending an MoU
early), the wording of a PKS and the chain of addenda.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn

from docs_helpers import lines
from helpers import capacity_instruments
from kemitraan import (
    Agreement,
    Institution,
    Partner,
    PartnerKind,
    PartyRole,
    Representative,
    Signatory,
    Term,
    render_document,
)
from kemitraan.documents import agreement_context
from kemitraan.provisions import DisputeForum, DisputeSettlement

_EN = {
    "Pemasaran": "Marketing",
    "PIHAK PERTAMA menyelenggarakan PKW": "THE FIRST PARTY runs the PKW",
    "Kerja sama pembinaan": "Guidance",
    "Mitra": "partner",
    "Hadir": "attend",
    "Ketua PKBM A": "Head of PKBM A",
    "Direktur CV B": "Director of CV B",
    "Kepala Dinas C": "Head of Dinas C",
}


CAPACITY = capacity_instruments()  # what gives each signer capacity for its party's form


def _agreement(**changes: Any) -> Agreement:
    pkbm = Institution(
        name="PKBM A",
        npsn="P9984574",
        address="Jl. A",
        representative=Representative(name="Ketua A", position="Ketua PKBM A"),
    )
    shop = Partner(
        name="CV B",
        kind=PartnerKind.BUSINESS,
        nib="9120001234567",
        npwp="01.312.166.0-091.000",
        address="Jl. B",
        representative=Representative(
            name="Direktur B", position="Direktur CV B", instruments=[CAPACITY["partnership"]]
        ),
    )
    dinas = Partner(
        name="Dinas C",
        kind=PartnerKind.GOVERNMENT,
        address="Jl. C",
        representative=Representative(
            name="Kepala C", position="Kepala Dinas C", instruments=[CAPACITY["government"]]
        ),
    )
    parties = [pkbm, shop, dinas]
    values: dict[str, Any] = {
        "parties": parties,
        "numbers": {p.id: f"{i}/X" for i, p in enumerate(parties, 1)},
        "subject": "Pemasaran",
        "place": "Martapura",
        "date": date(2025, 3, 10),
        "considerations": ["PIHAK PERTAMA menyelenggarakan PKW"],
        "scope": ["Pemasaran"],
        "no_pattern_reason": "Kerja sama pembinaan",
        "roles": [
            PartyRole(party_id=p.id, role="Mitra", responsibilities=["Hadir"]) for p in parties
        ],
        "term": Term(start=date(2025, 3, 10), end=date(2026, 3, 9)),
        "dispute_settlement": DisputeSettlement(venue="Pengadilan Negeri Martapura"),
        "signatories": [
            Signatory(party_id=pkbm.id, name="Ketua A", position="Ketua PKBM A"),
            Signatory(party_id=shop.id, name="Direktur B", position="Direktur CV B"),
            Signatory(
                party_id=dinas.id,
                name="Kepala C",
                position="Kepala Dinas C",
                nip="197001011995031001",
                rank="Pembina Utama Muda (IV/c)",
            ),
        ],
    }
    values.update(changes)
    return Agreement(**values)


# -- party blocks: the registration numbers the data holds; a rank under the NIP -------------


def test_party_blocks_print_the_numbers_the_data_holds() -> None:
    said = "\n".join(lines(render_document(_agreement())))
    flat = " ".join(said.split())
    assert "untuk dan atas nama PKBM A (NPSN P9984574), selanjutnya disebut PIHAK PERTAMA" in flat
    assert "CV B (NIB 9120001234567, NPWP 01.312.166.0-091.000), selanjutnya" in flat
    assert "c.q. Dinas C, selanjutnya" in flat  # nothing held, nothing printed
    blocks = agreement_context(_agreement()).parties
    assert [(i.label, i.value) for i in blocks[1].identifiers] == [
        ("NIB", "9120001234567"),
        ("NPWP", "01.312.166.0-091.000"),
    ]


def test_a_persons_npwp_is_not_printed() -> None:
    figure = Partner(
        name="Hj. Norhayati",
        kind=PartnerKind.COMMUNITY_FIGURE,
        npwp="01.312.166.0-091.000",
        representative=Representative(name="Hj. Norhayati", position="Tokoh masyarakat"),
    )
    mou = _agreement()
    parties = [mou.parties[0], figure]
    mou = mou.model_copy(
        update={
            "parties": parties,
            "numbers": {},
            "roles": [PartyRole(party_id=p.id, role="Mitra") for p in parties],
            "signatories": [mou.signatories[0]],
        }
    )
    assert agreement_context(mou).parties[1].identifiers == []
    assert "091.000" not in agreement_context(mou).parties[1].statement


def test_a_civil_servants_rank_is_printed_under_the_nip() -> None:
    said = lines(render_document(_agreement()))
    nip = said.index("NIP 19700101 199503 1 001")
    assert said[nip + 1] == "Pembina Utama Muda (IV/c)"
    assert any(line.startswith("\tPangkat/Gol.\t:\tPembina Utama Muda (IV/c)") for line in said)
    # a row of signers without a rank has no empty line for it
    context = agreement_context(_agreement())
    assert [row.ranks for row in context.signature_rows] == [False, True]


# -- the term in years and months; the footer counts the pages; one meterai an original --------


@pytest.mark.parametrize(
    ("end", "indonesian", "english"),
    [
        (date(2026, 3, 9), "1 (satu) tahun", "1 (one) year"),
        (date(2025, 9, 9), "6 (enam) bulan", "6 (six) months"),
        (date(2027, 9, 9), "2 (dua) tahun 6 (enam) bulan", "2 (two) years and 6 (six) months"),
        (date(2027, 10, 9), "2 (dua) tahun 7 (tujuh) bulan", "2 (two) years and 7 (seven) months"),
        (date(2027, 10, 6), "941 (sembilan ratus empat puluh satu) hari", "941 (nine hundred"),
    ],
)
def test_the_term_is_printed_in_years_and_months_where_it_is_whole(
    end: date, indonesian: str, english: str
) -> None:
    mou = _agreement(term=Term(start=date(2025, 3, 10), end=end))
    context = agreement_context(mou)
    term = next(a for a in context.articles if a.key == "term")
    assert f"berlaku selama {indonesian} terhitung sejak" in term.paragraphs[0].text
    assert context.term_length == indonesian
    bilingual = mou.model_copy(
        update={"languages": ["id", "en"], "prevailing_language": "id", "translations": _EN}
    )
    assert english in agreement_context(bilingual).term_length_en


def test_the_footer_says_page_x_of_y_in_one_size() -> None:
    document = docx.Document(io.BytesIO(render_document(_agreement())))
    footer = document.sections[0].footer._element
    fields = [t.text.strip() for t in footer.iter(qn("w:instrText"))]
    assert fields == ["PAGE", "NUMPAGES"]
    code = next(p for p in footer.iter(qn("w:p")) if "Halaman" in "".join(p.itertext()))
    assert "Halaman 1 dari 1" in "".join(t.text or "" for t in code.iter(qn("w:t")))
    sizes = {r.find(f"{qn('w:rPr')}/{qn('w:sz')}").get(qn("w:val")) for r in code.iter(qn("w:r"))}
    assert sizes == {"16"}  # every run, the numbers too, in 8 pt


def _boxes(data: bytes) -> list[str]:
    """The signature columns' texts, and which of them hold a meterai box."""
    document = docx.Document(io.BytesIO(data))
    return [
        "".join(t.text or "" for t in table.iter(qn("w:t")))
        for table in document.element.body.iter(qn("w:tbl"))
        if table.getparent().tag == qn("w:tc")
        and any("METERAI" in (t.text or "") for t in table.iter(qn("w:t")))
    ]


def test_one_meterai_an_original_as_check_counts_them() -> None:
    mou = _agreement()
    assert mou.originals == 3
    assert len(_boxes(render_document(mou))) * mou.originals == mou.meterai_count
    context = agreement_context(mou)
    assert [bool(s.meterai) for s in context.signatures] == [True, False, False]
    moved = agreement_context(mou.model_copy(update={"meterai_on": mou.parties[1].id}))
    assert [bool(s.meterai) for s in moved.signatures] == [False, True, False]
    assert len(_boxes(render_document(mou.model_copy(update={"meterai_on": "cv-b"})))) == 1


# -- the clauses practitioners expect ---------------------------------------------------------


def _articles(agreement: Agreement) -> dict[str, Any]:
    return {a.title: a for a in agreement_context(agreement).articles}


def _said(article: Any, english: bool = False) -> str:
    return " ".join(p.text_en if english else p.text for p in article.paragraphs)


def test_governing_law_and_jointly_made_works_in_both_languages() -> None:
    mou = _agreement(languages=["id", "en"], prevailing_language="id", translations=_EN)
    articles = _articles(mou)
    law = articles["HUKUM YANG BERLAKU"]
    assert "tunduk pada dan ditafsirkan berdasarkan hukum Negara Republik Indonesia" in _said(law)
    assert "governed by and construed in accordance with the laws of the Republic" in _said(
        law, english=True
    )
    works = _said(articles["HAK KEKAYAAN INTELEKTUAL"])
    assert "tetap menjadi milik PIHAK tersebut" in works
    assert "kurikulum, bahan ajar dan desain produk yang disusun bersama, dimiliki bersama" in works
    assert "atas persetujuan tertulis PARA PIHAK" in works
    assert "owned jointly" in _said(articles["HAK KEKAYAAN INTELEKTUAL"], english=True)
    titles = list(articles)
    assert titles.index("HUKUM YANG BERLAKU") < titles.index("PENYELESAIAN PERSELISIHAN")


def test_an_mou_can_be_ended_early_on_written_notice() -> None:
    articles = _articles(_agreement())
    ending = _said(articles["PENGAKHIRAN"])
    assert "dapat diakhiri sebelum jangka waktunya berakhir atas kesepakatan PARA PIHAK" in ending
    assert "paling lambat 30 (tiga puluh) hari kalender sebelum tanggal pengakhiran" in ending
    assert "tetap diselesaikan sesuai ketentuannya" in ending
    two = _agreement(languages=["id", "en"], prevailing_language="id", translations=_EN)
    assert "to the other PARTIES at least" in _said(_articles(two)["PENGAKHIRAN"], english=True)


@pytest.mark.parametrize(
    ("settlement", "expected"),
    [
        (
            DisputeSettlement(
                forum=DisputeForum.ARBITRATION, venue="Badan Arbitrase Nasional Indonesia (BANI)"
            ),
            "melalui arbitrase yang diselenggarakan oleh Badan Arbitrase Nasional Indonesia "
            "(BANI) menurut Peraturan dan Prosedur Arbitrase Badan Arbitrase Nasional Indonesia "
            "(BANI), dengan tempat arbitrase di Martapura.",
        ),
        (
            DisputeSettlement(
                forum=DisputeForum.ARBITRATION,
                venue="BANI",
                rules="Peraturan BANI 2022",
                seat="Jakarta",
            ),
            "melalui arbitrase yang diselenggarakan oleh BANI menurut Peraturan BANI 2022, "
            "dengan tempat arbitrase di Jakarta.",
        ),
        (
            DisputeSettlement(forum=DisputeForum.ARBITRATION),
            "melalui arbitrase menurut Undang-Undang Nomor 30 Tahun 1999 tentang Arbitrase dan "
            "Alternatif Penyelesaian Sengketa, dengan tempat arbitrase di Martapura.",
        ),
    ],
)
def test_arbitration_is_named_with_its_rules_seat_and_finality(
    settlement: DisputeSettlement, expected: str
) -> None:
    said = _said(_articles(_agreement(dispute_settlement=settlement))["PENYELESAIAN PERSELISIHAN"])
    assert expected in said
    assert "Putusan arbitrase bersifat final dan mempunyai kekuatan hukum tetap serta mengikat" in (
        said
    )


# -- addenda -------------------------------------------------------------------------------------


def test_an_addendum_is_not_warned_of_what_the_text_it_amends_settles() -> None:
    from kemitraan import AgreementKind
    from kemitraan.amendments import TermChange
    from kemitraan.provisions import AgreementReference

    mou = _agreement()
    addendum = _agreement(
        kind=AgreementKind.ADDENDUM,
        term=None,
        dispute_settlement=DisputeSettlement(),
        amends=AgreementReference(
            kind=AgreementKind.MOU, numbers=["1/X"], date=mou.date, subject=mou.subject
        ),
        amendments=[TermChange(term=Term(start=date(2025, 3, 10), end=date(2027, 3, 9)))],
        date=date(2026, 2, 16),
        scope=[],
        roles=[],
        considerations=[],
        no_pattern_reason=None,
    )
    codes = {f.code for f in addendum.check()}
    assert "term_set" not in codes
    assert "dispute_venue_missing" not in codes
    alone = _agreement(term=None, dispute_settlement=DisputeSettlement())
    assert {"term_set", "dispute_venue_missing"} <= {f.code for f in alone.check()}
