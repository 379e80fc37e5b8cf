"""The articles of a PKS that runs a trade (:class:`~kemitraan.trade.TradeTerms`).

Delivery, inspection and acceptance, and the passing of risk and title; price, tax, the
account paid into, late payment and the sales report; the origin of the goods and the
sharing of their proceeds. Each is written only when the PKS sets its terms.
"""

from __future__ import annotations

from kemitraan.conventions import count
from kemitraan.documents._wording import (
    Article,
    Bilingual,
    Para,
    Wording,
    bi,
    lower_first,
    per_cent,
)
from kemitraan.trade import GoodsOrigin, Passing

__all__ = ["delivery", "goods_origin", "trade_payment"]


def _passing(passing: Passing) -> Bilingual:
    return bi(passing.label_id, passing.label_en)


def _trader(w: Wording, role: str, word: str) -> Bilingual:
    """The party the pattern names as ``role`` (``buyer``, ``supplier``), by its label."""
    party = getattr(w.agreement.pattern, role, None)
    if isinstance(party, str) and party in w.agreement.party_ids:
        return w.label(party)
    return bi(word, f"the {role}")


def delivery(w: Wording) -> Article | None:
    """PENYERAHAN, PEMERIKSAAN DAN PENERIMAAN: where, at whose cost, how long to reject."""
    t = w.agreement.trade
    if t is None:
        return None
    cost = w.label(t.delivery_cost_by)
    buyer, supplier = _trader(w, "buyer", "pembeli"), _trader(w, "supplier", "pemasok")
    days = t.inspection_days
    rejected = (
        bi(lower_first(t.rejected_goods), lower_first(w.tr(t.rejected_goods)))
        if t.rejected_goods
        else bi(
            f"dikembalikan kepada {supplier.indonesian} atas biaya {supplier.indonesian} untuk "
            "diperbaiki atau diganti",
            f"returned to {supplier.english} at its cost to be mended or replaced",
        )
    )
    risk, title = _passing(t.risk_passes), _passing(t.title_passes)
    paras = [
        Para(
            bi(
                f"Produk diserahkan di {t.delivery_place}; biaya pengiriman sampai ke tempat "
                f"tersebut ditanggung oleh {cost.indonesian}.",
                f"The Products are delivered at {w.tr(t.delivery_place)}; the cost of carrying "
                f"them there is borne by {cost.english}.",
            )
        ),
        Para(
            bi(
                f"{buyer.indonesian} memeriksa Produk dalam waktu {count(days)} hari kerja sejak "
                "diserahkan dan dapat menolak Produk yang tidak memenuhi persyaratan mutu "
                "yang disepakati dengan menyebutkan alasannya secara tertulis; Produk yang "
                f"tidak ditolak dalam waktu tersebut dianggap diterima.",
                f"{buyer.english} inspects the Products within {count(days, 'en')} working days of "
                "delivery and may reject, giving its reasons in writing, Products that do not "
                "meet the agreed quality requirements; Products not rejected within that time "
                "are deemed accepted.",
            )
        ),
        Para(
            bi(
                f"Produk yang ditolak {rejected.indonesian}.",
                f"Rejected Products are {rejected.english}.",
            )
        ),
        Para(
            bi(
                f"Risiko atas kehilangan atau kerusakan Produk dan hak milik atas Produk beralih "
                f"kepada {buyer.indonesian} {risk.indonesian}.",
                f"The risk of loss of or damage to the Products and title to them pass to "
                f"{buyer.english} {risk.english}.",
            )
            if t.risk_passes is t.title_passes
            else bi(
                f"Risiko atas kehilangan atau kerusakan Produk beralih kepada {buyer.indonesian} "
                f"{risk.indonesian}, dan hak milik atas Produk beralih {title.indonesian}.",
                f"The risk of loss of or damage to the Products passes to {buyer.english} "
                f"{risk.english}, and title to them passes {title.english}.",
            )
        ),
    ]
    return Article(
        bi("PENYERAHAN, PEMERIKSAAN DAN PENERIMAAN", "DELIVERY, INSPECTION AND ACCEPTANCE"),
        paras,
        key="delivery",
    )


def trade_payment(w: Wording) -> Article | None:
    """PAJAK DAN PELAKSANAAN PEMBAYARAN: taxes, the account, late payment, the sales report."""
    t = w.agreement.trade
    if t is None:
        return None
    included = "sudah termasuk" if t.prices_include_tax else "belum termasuk"
    included_en = "include" if t.prices_include_tax else "do not include"
    paras = [
        Para(
            bi(
                f"Harga Produk yang disepakati {included} pajak yang terutang"
                + (f"; {lower_first(t.tax_note)}" if t.tax_note else "")
                + ".",
                f"The agreed prices of the Products {included_en} the taxes due"
                + (f"; {lower_first(w.tr(t.tax_note))}" if t.tax_note else "")
                + ".",
            )
        )
    ]
    if t.account is not None:
        to = _trader(w, "supplier", "penerima")
        paras.append(
            Para(
                bi(
                    f"Pembayaran dilakukan melalui transfer ke rekening {to.indonesian} pada "
                    f"{t.account.bank} nomor {t.account.number} atas nama {t.account.holder}; "
                    "bukti transfer merupakan bukti pembayaran yang sah.",
                    f"Payment is made by transfer to {to.english}'s account at "
                    f"{t.account.bank}, number {t.account.number}, in the name of "
                    f"{t.account.holder}; the transfer receipt is valid proof of payment.",
                )
            )
        )
    if t.late_fee_per_day is not None and t.late_fee_cap is not None:
        per_day, cap = per_cent(t.late_fee_per_day), per_cent(t.late_fee_cap)
        paras.append(
            Para(
                bi(
                    "Atas keterlambatan pembayaran dikenakan denda sebesar "
                    f"{per_day.indonesian} per hari dari jumlah yang terlambat, paling banyak "
                    f"{cap.indonesian} dari jumlah tersebut.",
                    f"A late payment bears a penalty of {per_day.english} of the amount overdue "
                    f"per day, at most {cap.english} of that amount.",
                )
            )
        )
    if t.suspend_after_days is not None:
        days = t.suspend_after_days
        paras.append(
            Para(
                bi(
                    f"Apabila pembayaran terlambat lebih dari {count(days)} hari kalender, "
                    f"{_trader(w, 'supplier', 'pemasok').indonesian} dapat "
                    "menunda pengiriman Produk berikutnya sampai pembayaran diterima, setelah "
                    "memberitahukannya secara tertulis.",
                    f"If a payment is more than {count(days, 'en')} calendar days late, "
                    f"{_trader(w, 'supplier', 'pemasok').english} may "
                    "suspend further deliveries until it is received, after notice in writing.",
                )
            )
        )
    if t.sales_report_by is not None:
        who = w.label(t.sales_report_by)
        every = t.sales_report_every or "setiap bulan"
        paras.append(
            Para(
                bi(
                    f"{who.indonesian} wajib menyampaikan laporan penjualan Produk {every} "
                    f"kepada {w.others.indonesian}.",
                    f"{who.english} shall report its sales of the Products "
                    f"{w.tr(every)} to {w.others.english}.",
                )
            )
        )
    return Article(
        bi("PAJAK DAN PELAKSANAAN PEMBAYARAN", "TAX AND PAYMENT ARRANGEMENTS"), paras, key="trade"
    )


def goods_origin(w: Wording) -> Article | None:
    """ASAL DAN KEPEMILIKAN PRODUK: learners' practice or a grant, the owner, the proceeds."""
    t = w.agreement.trade
    if t is None or t.origin is GoodsOrigin.OWN:
        return None
    paras = [
        Para(
            bi(
                f"Produk yang diperdagangkan merupakan {t.origin.label_id}.",
                f"The Products traded are {t.origin.label_en.lower()}.",
            )
        )
    ]
    if t.owner_before_sale is not None:
        owner, buyer = w.label(t.owner_before_sale), _trader(w, "buyer", "pembeli")
        delivery = w.ref("delivery")  # one moment of passing, the one the delivery sets
        paras.append(
            Para(
                bi(
                    f"Sampai hak milik atas Produk beralih kepada {buyer.indonesian} sebagaimana "
                    f"diatur dalam {delivery.indonesian}, Produk merupakan milik "
                    f"{owner.indonesian}.",
                    f"Until title to the Products passes to {buyer.english} as {delivery.english} "
                    f"provides, the Products belong to {owner.english}.",
                )
            )
        )
    if t.proceeds:
        items = [
            bi(
                f"{share.to}: {per_cent(share.percent).indonesian}"
                + (f" untuk {lower_first(share.use)}" if share.use else ""),
                f"{w.tr(share.to)}: {per_cent(share.percent).english}"
                + (f" for {lower_first(w.tr(share.use))}" if share.use else ""),
            )
            for share in t.proceeds
        ]
        buyer = _trader(w, "buyer", "pembeli")
        paras.append(
            Para(
                bi(
                    f"Hasil penjualan Produk, yaitu harga yang dibayar {buyer.indonesian} untuk "
                    "Produk yang diterimanya, dibagi sebagai berikut:",
                    f"The proceeds of the Products' sale, being the price {buyer.english} pays "
                    "for the Products it accepts, are shared as follows:",
                ),
                items,
            )
        )
        if t.proceeds_shared_by is not None:
            payer = w.label(t.proceeds_shared_by)
            days = t.proceeds_within_days
            within = (
                bi(
                    f" paling lambat {count(days)} hari kalender sejak pembayaran diterima",
                    f" within {count(days, 'en')} calendar days of receiving each payment",
                )
                if days is not None
                else bi("", "")
            )
            paras.append(
                Para(
                    bi(
                        f"{payer.indonesian} membayarkan setiap bagian tersebut"
                        f"{within.indonesian}, dan mencatat setiap pembayaran dalam catatan yang "
                        "dapat diperiksa PARA PIHAK.",
                        f"{payer.english} pays each share out{within.english} and records each "
                        "payment in a record THE PARTIES may inspect.",
                    )
                )
            )
    if t.grant_rules is not None:
        paras.append(
            Para(
                bi(
                    f"Pemanfaatan Produk dan hasil penjualannya mengikuti {t.grant_rules}.",
                    f"The use of the Products and their proceeds follows {w.tr(t.grant_rules)}.",
                )
            )
        )
    return Article(
        bi("ASAL DAN KEPEMILIKAN PRODUK", "ORIGIN AND OWNERSHIP OF THE PRODUCTS"),
        paras,
        key="origin",
    )
