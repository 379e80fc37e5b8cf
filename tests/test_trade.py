"""Issue 19.2, a PKS that runs a trade: its commercial articles, and whose goods it sells."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

import docx
import pytest
from pydantic import ValidationError

from kemitraan import Agreement, Stage, render_document
from kemitraan.findings import Severity
from kemitraan.trade import BankAccount, GoodsOrigin, Passing, ProceedsShare, TradeTerms
from seed import at_stage


@pytest.fixture(scope="module")
def pks() -> Agreement:
    return at_stage(Stage.IMPLEMENTATION).cooperation_agreements[0]


def _codes(agreement: Agreement) -> dict[str, Severity]:
    return {f.code: f.severity for f in agreement.check()}


def _trade(pks: Agreement, **changes: Any) -> Agreement:
    assert pks.trade is not None
    return pks.model_copy(
        update={"trade": pks.trade.model_copy(update=changes), "signatories": _unsigned(pks)}
    )


def _unsigned(pks: Agreement) -> list[Any]:
    return [s.model_copy(update={"signed_on": None, "signed_at": None}) for s in pks.signatories]


def test_the_seed_pks_settles_its_trade_and_the_learners_goods(pks: Agreement) -> None:
    codes = _codes(pks)
    assert not {"trade_terms_missing", "goods_origin_unsaid", "goods_origin_unsettled"} & set(codes)
    said = [p.text for p in docx.Document(io.BytesIO(render_document(pks))).paragraphs]
    text = "\n".join(said)
    for line in (
        "PENYERAHAN, PEMERIKSAAN DAN PENERIMAAN",
        "Produk diserahkan di toko PIHAK KETIGA, Jl. Lambung Mangkurat No. 8, Banjarmasin; "
        "biaya pengiriman sampai ke tempat tersebut ditanggung oleh PIHAK KEDUA.",
        "Produk yang ditolak dikembalikan kepada PIHAK KEDUA atas biaya PIHAK KEDUA untuk "
        "diperbaiki atau diganti.",
        "Risiko atas kehilangan atau kerusakan Produk dan hak milik atas Produk beralih kepada "
        "PIHAK KETIGA saat Produk diterima setelah pemeriksaan.",
        "ASAL DAN KEPEMILIKAN PRODUK",
        "Sampai hak milik atas Produk beralih kepada PIHAK KETIGA sebagaimana diatur dalam "
        "Pasal 6, Produk merupakan milik PIHAK KEDUA.",
        "peserta didik yang membuat Produk: 40% (empat puluh persen);",
        # what the proceeds are, who pays the shares out and by when (issue 19.2)
        "Hasil penjualan Produk, yaitu harga yang dibayar PIHAK KETIGA untuk Produk yang "
        "diterimanya, dibagi sebagai berikut:",
        "PIHAK KEDUA membayarkan setiap bagian tersebut paling lambat 14 (empat belas) hari "
        "kalender sejak pembayaran diterima, dan mencatat setiap pembayaran dalam catatan yang "
        "dapat diperiksa PARA PIHAK.",
        # a rate that binds in figures and words, as amounts are
        "Atas keterlambatan pembayaran dikenakan denda sebesar 0,1% (nol koma satu persen) per "
        "hari dari jumlah yang terlambat, paling banyak 5% (lima persen) dari jumlah tersebut.",
        # a reporting duty matching PIHAK PERTAMA's right to the report
        "PIHAK KETIGA wajib menyampaikan laporan penjualan Produk setiap bulan kepada PIHAK "
        "lainnya.",
    ):
        assert line in text, line


@pytest.mark.parametrize(
    ("changes", "code", "said"),
    [
        # the text says the goods are learners' work, the origin is not stated: refused
        ({"trade": None}, "goods_origin_unsaid", "\u201cHasil Praktik Peserta Didik\u201d"),
        ({"trade": None}, "trade_terms_missing", "tempat dan biaya penyerahan"),
        ({"origin": GoodsOrigin.OWN}, "goods_origin_unsaid", "nyatakan apakah Produk"),
        (
            {"owner_before_sale": None, "proceeds": []},
            "goods_origin_unsettled",
            "siapa pemiliknya sebelum dijual dan pembagian hasil penjualannya",
        ),
        (
            {"origin": GoodsOrigin.GRANT, "grant_rules": None},
            "goods_origin_unsettled",
            "ketentuan bantuan pemerintah yang diikuti",
        ),
    ],
)
def test_a_pks_that_sells_learners_or_grant_goods_without_saying_so_is_refused(
    pks: Agreement, changes: dict[str, Any], code: str, said: str
) -> None:
    if "trade" in changes:
        changed = pks.model_copy(update={"trade": None, "signatories": _unsigned(pks)})
    else:
        changed = _trade(pks, **changes)
    found = {f.code: f for f in changed.check()}
    assert code in found
    assert said in found[code].message.indonesian
    expected = Severity.WARNING if code == "trade_terms_missing" else Severity.ERROR
    assert found[code].severity is expected


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        (
            {
                "proceeds": [
                    ProceedsShare(to="a", percent=Decimal(60)),
                    ProceedsShare(to="b", percent=Decimal(30)),
                ]
            },
            "proceeds_not_whole",
        ),
        ({"late_fee_per_day": Decimal("0.1")}, "late_fee_uncapped"),
    ],
)
def test_terms_that_cannot_be_applied_are_refused(fields: dict[str, Any], code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        TradeTerms(delivery_place="gudang", delivery_cost_by="kube", inspection_days=3, **fields)
    assert caught.value.errors()[0]["type"] == code


def test_risk_and_title_that_pass_apart_are_said_apart(pks: Agreement) -> None:
    changed = _trade(
        pks,
        title_passes=Passing.ON_PAYMENT,
        account=BankAccount(bank="Bank Kalsel", number="1", holder="KUBE Rajut Lestari"),
    )
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(render_document(changed))).paragraphs)
    assert (
        "beralih kepada PIHAK KETIGA saat Produk diterima setelah pemeriksaan, dan hak milik "
        "atas Produk beralih saat harga Produk dibayar lunas."
    ) in text


def test_a_code_covers_the_activities_its_text_prints_and_no_others() -> None:
    from kemitraan.verification import printed_activities, verification_code

    p = at_stage(Stage.IMPLEMENTATION)
    mou, pks = p.agreement, p.cooperation_agreements[0]
    plan = p.work_plan
    assert mou is not None
    assert plan is not None
    # the seed's PKS names none of the plan's obligations: it lists no activity
    assert printed_activities(pks, plan.activities) == []
    assert len(printed_activities(mou, plan.activities)) == len(plan.activities)
    renamed = p.model_copy(
        update={
            "work_plan": plan.model_copy(
                update={
                    "activities": [
                        a.model_copy(update={"name": a.name + " (ubah)"}) for a in plan.activities
                    ]
                }
            )
        }
    )
    assert verification_code(pks, partnership=renamed) == verification_code(pks, partnership=p)
    assert verification_code(mou, partnership=renamed) != verification_code(mou, partnership=p)


def test_proceeds_paid_out_by_a_stranger_are_refused(pks: Agreement) -> None:
    assert pks.trade is not None
    stranger = pks.model_copy(
        update={"trade": pks.trade.model_copy(update={"proceeds_shared_by": "toko-lain"})}
    )
    found = [(f.code, f.path) for f in stranger.check() if f.severity is Severity.ERROR]
    assert ("unknown_party", "trade.proceeds_shared_by") in found
