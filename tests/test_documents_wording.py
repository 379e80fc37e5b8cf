"""Issue 19, the wording a legal officer reads: a PKS says its own things in whole sentences.

The delivery schedule is a sentence, not a "Jadwal pengiriman:" fragment; the PKS lists
the work plan's activities that fulfil its own obligations, not the MoU's recruitment of
learners; a defined "Produk" is not called "barang" or "produk" beside it; only the
parties the pattern names enter into it; "pihak lain di luar PARA PIHAK", not a "pihak
ketiga" that reads as PIHAK KETIGA; EYD ("bahasa Indonesia", no relative "di mana"); a
bilingual signature prints a position once, and a yayasan's chair in English. Each point
read back from the rendered document with python-docx.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from docs_helpers import lines
from helpers import capacity_instruments
from kemitraan import (
    Agreement,
    Institution,
    Partner,
    PartnerKind,
    Partnership,
    PartyRole,
    Representative,
    Signatory,
    Stage,
    render_document,
)
from kemitraan.authority import Authority, AuthorityKind
from kemitraan.documents import agreement_context
from seed import at_stage, example


@pytest.fixture(scope="module")
def seed() -> tuple[Partnership, Agreement]:
    partnership = at_stage(Stage.IMPLEMENTATION)
    pks = partnership.cooperation_agreements[0]
    return partnership, pks


def _article(said: list[str], title: str) -> list[str]:
    """The lines of the article titled ``title``, up to the next article."""
    start = said.index(title)
    end = next((i for i in range(start + 1, len(said)) if said[i].startswith("Pasal ")), None)
    return [line for line in said[start + 1 : end] if line]


def test_the_pks_delivery_schedule_is_a_sentence(seed: tuple[Partnership, Agreement]) -> None:
    partnership, pks = seed
    pattern = _article(lines(render_document(pks, partnership=partnership)), "POLA KEMITRAAN")
    assert "(5)\tPIHAK KEDUA mengirimkan Produk setiap hari Senin minggu pertama dan ketiga." in (
        pattern
    )
    assert not [line for line in pattern if "Jadwal pengiriman" in line]


def test_the_pks_lists_only_the_activities_of_its_own_obligations(
    seed: tuple[Partnership, Agreement],
) -> None:
    partnership, pks = seed
    said = "\n".join(lines(render_document(pks, partnership=partnership)))
    assert "ekrutmen peserta didik" not in said  # the MoU's, not the trade's
    # an activity that fulfils one of the PKS's obligations is listed
    plan = partnership.work_plan
    assert plan is not None
    activity = plan.activities[2].model_copy(
        update={"fulfils": ["Membeli dan memasarkan Produk yang memenuhi mutu"]}
    )
    planned = partnership.model_copy(
        update={"work_plan": plan.model_copy(update={"activities": [activity]})}
    )
    implementation = _article(lines(render_document(pks, partnership=planned)), "PELAKSANAAN")
    assert implementation[-1] == (
        "(2)\tRencana kerja memuat kegiatan, yaitu kurasi mutu dan pembelian produk, dengan "
        "penanggung jawab PIHAK KETIGA."
    )
    # the MoU still lists its whole plan
    mou = "\n".join(lines(render_document(partnership)))
    assert "rekrutmen peserta didik, dengan penanggung jawab PIHAK PERTAMA" in mou


def test_the_defined_product_is_not_called_goods_beside_it(
    seed: tuple[Partnership, Agreement],
) -> None:
    partnership, pks = seed
    said = "\n".join(lines(render_document(pks, partnership=partnership)))
    assert "“Produk” adalah tas rajut ukuran sedang" in said
    assert re.findall(r"\b(?:barang|Barang|produk)\b", said) == []
    assert "(3)\tProduk diperdagangkan sebanyak 200 (dua ratus) buah per bulan, dengan harga " in (
        said
    )
    assert "PIHAK KEDUA wajib memasok Produk sesuai persyaratan" in said
    assert "hari kalender setelah Produk diterima dan tagihan disampaikan" in said
    assert "bahan ajar dan desain Produk yang disusun bersama" in said
    # without a definition naming the good, the goods are "barang" as before
    undefined = pks.model_copy(update={"definitions": []})
    plain = "\n".join(lines(render_document(undefined)))
    assert "Barang yang diperdagangkan adalah tas rajut ukuran sedang, sebanyak 200" in plain
    assert "PIHAK KEDUA wajib memasok barang sesuai persyaratan" in plain


def test_only_the_parties_the_pattern_names_enter_into_it(
    seed: tuple[Partnership, Agreement],
) -> None:
    partnership, pks = seed
    expected = "(1)\tPIHAK KEDUA dan PIHAK KETIGA sepakat bermitra dengan pola dagang umum, yaitu "
    pattern = _article(lines(render_document(pks, partnership=partnership)), "POLA KEMITRAAN")
    assert pattern[0].startswith(expected)  # not the PKBM that runs the programme
    mou = _article(lines(render_document(partnership)), "POLA KEMITRAAN")
    assert mou[0].startswith(expected)  # in the MoU, not the Dinas either
    # two parties, both in the pattern: PARA PIHAK
    two = pks.model_copy(
        update={
            "parties": pks.parties[1:],
            "numbers": {},
            "roles": pks.roles[1:],
            "signatories": pks.signatories[1:],
            "definitions": [],
        }
    )
    assert _article(lines(render_document(two)), "POLA KEMITRAAN")[0].startswith(
        "(1)\tPARA PIHAK sepakat bermitra dengan pola dagang umum"
    )


def test_confidentiality_does_not_say_pihak_ketiga(seed: tuple[Partnership, Agreement]) -> None:
    partnership, pks = seed
    article = _article(lines(render_document(pks, partnership=partnership)), "KERAHASIAAN")
    assert "tidak mengungkapkannya kepada pihak lain di luar PARA PIHAK tanpa" in article[0]
    assert "pihak ketiga" not in "\n".join(article)


def test_eyd_no_relative_di_mana(seed: tuple[Partnership, Agreement]) -> None:
    partnership, pks = seed
    for data in (render_document(partnership), render_document(pks, partnership=partnership)):
        assert "di mana" not in "\n".join(lines(data))


# -- the bilingual MoU ---------------------------------------------------------------------------


def _bilingual() -> Agreement:
    pkbm = Institution(
        name="PKBM Harapan Bangsa",
        id="pkbm",
        address="Jl. A",
        operated_by="Yayasan Harapan Bangsa",
        representative=Representative(
            name="Hj. Siti Aminah, S.Pd.",
            position="Ketua PKBM Harapan Bangsa",
            authority=Authority(
                kind=AuthorityKind.FOUNDATION_DECREE,
                issuer="Ketua Yayasan Harapan Bangsa",
                number="03/YHB/I/2023",
                issued_on=date(2023, 1, 9),
            ),
            instruments=[capacity_instruments()["foundation_unit"]],
        ),
    )
    foreign = Partner(
        name="Nihon Craft Co., Ltd.",
        id="nihon",
        kind=PartnerKind.BUSINESS,
        is_foreign=True,
        language="ja",
        address="1-2-3 Shibuya, Tokyo",
        representative=Representative(name="Tanaka Hiroshi", position="Representative Director"),
    )
    return Agreement(
        parties=[pkbm, foreign],
        subject="Pemasaran",
        place="Martapura",
        scope=["Pemasaran tas"],
        date=date(2025, 3, 10),
        roles=[
            PartyRole(party_id="pkbm", role="Produsen", responsibilities=["Memasok tas"]),
            PartyRole(party_id="nihon", role="Agen", responsibilities=["Memasarkan tas"]),
        ],
        signatories=[
            Signatory(
                party_id="pkbm", name="Hj. Siti Aminah, S.Pd.", position="Ketua PKBM Harapan Bangsa"
            ),
            Signatory(party_id="nihon", name="Tanaka Hiroshi", position="Representative Director"),
        ],
        languages=["id", "en"],
        prevailing_language="id",
        translations={
            "Pemasaran": "Marketing",
            "Pemasaran tas": "marketing bags",
            "Produsen": "producer",
            "Memasok tas": "supply bags",
            "Agen": "agent",
            "Memasarkan tas": "market bags",
            "Ketua PKBM Harapan Bangsa": "Head of PKBM Harapan Bangsa",
        },
    )


def test_a_bilingual_signature_prints_a_foreign_position_once() -> None:
    said = lines(render_document(_bilingual()))
    assert said.count("Representative Director") == 1  # under the signature, once
    assert "Head" in said  # the Indonesian position's English is printed under it
    context = agreement_context(_bilingual())
    assert [(s.position, s.position_en) for s in context.signatures] == [
        ("Ketua", "Head"),
        ("Representative Director", ""),
    ]


def test_a_bilingual_block_says_the_yayasan_chair_in_english() -> None:
    block = agreement_context(_bilingual()).parties[0]
    assert "under the Decree of the Chair of Yayasan Harapan Bangsa Number 03/YHB/I/2023" in (
        block.acting_en
    )
    assert "Ketua Yayasan" not in block.acting_en
    assert "berdasarkan Surat Keputusan Ketua Yayasan Harapan Bangsa Nomor 03/YHB/I/2023" in (
        block.acting
    )
    # the agreement's own translation wins
    chosen = _bilingual().model_copy(
        update={
            "translations": {
                **_bilingual().translations,
                "Ketua Yayasan Harapan Bangsa": "Chairman of the Harapan Bangsa Foundation",
            }
        }
    )
    assert "Decree of the Chairman of the Harapan Bangsa Foundation" in (
        agreement_context(chosen).parties[0].acting_en
    )


def test_the_language_article_writes_bahasa_in_lower_case() -> None:
    said = "\n".join(lines(render_document(_bilingual())))
    assert "Nota Kesepahaman ini dibuat dalam bahasa Indonesia dan bahasa Inggris." in said
    assert "yang berlaku adalah naskah dalam bahasa Indonesia." in said
    assert "Bahasa Indonesia" not in said
    assert "Bahasa Inggris" not in said


def test_the_seed_pks_is_drafted_as_before() -> None:
    # the module's fixture is the seed's own PKS, as examples/seed_case.py drafts it
    partnership = at_stage(Stage.IMPLEMENTATION)
    assert partnership.cooperation_agreements[0].digest() == (
        example().draft_pks(partnership).digest()
    )
