"""The pattern clause packs: what each partnership pattern adds to an agreement.

One function per pattern turns its typed terms (:mod:`kemitraan.pattern_terms`) into
the paragraphs of the agreement's *Pola Kemitraan* article, in Indonesian and
English, naming the parties by their labels. They take the :class:`Wording` of the
agreement, nothing else; :data:`CLAUSE_PACKS` maps each terms model to its pack.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any, Final

from kemitraan.conventions import count, rupiah
from kemitraan.documents._wording import (
    Bilingual,
    Para,
    Wording,
    bi,
    join,
    kinds,
    lower_item,
    per_cent,
    quantity,
)
from kemitraan.pattern_terms import (
    AgencyTerms,
    CorePlasmaTerms,
    FosterParentTerms,
    FranchiseTerms,
    GeneralTradeTerms,
    JointVentureTerms,
    OperationalCooperationTerms,
    OutsourcingTerms,
    ProfitSharingTerms,
    SubcontractTerms,
    SupplyChainTerms,
    TradeMode,
)

__all__ = ["CLAUSE_PACKS"]


def _agency(b: Wording, t: AgencyTerms) -> list[Para]:
    agent, principal = b.label(t.agent), b.label(t.principal)
    products = [b.both(p) for p in t.products]
    territory = [b.both(x) for x in t.territory]
    exclusive = bi(" eksklusif", " exclusive") if t.exclusive else bi("", "")
    paras = [
        Para(
            bi(
                f"{principal.indonesian} memberikan hak{exclusive.indonesian} kepada "
                f"{agent.indonesian} untuk memasarkan "
                f"{join([p.indonesian for p in products], 'dan')} di wilayah "
                f"{join([x.indonesian for x in territory], 'dan')}.",
                f"{principal.english} grants {agent.english} the{exclusive.english} right to "
                "market "
                f"{join([p.english for p in products], 'and')} in "
                f"{join([x.english for x in territory], 'and')}.",
            )
        )
    ]
    if t.commission_percent is not None:
        commission = per_cent(t.commission_percent)
        paras.append(
            Para(
                bi(
                    f"{agent.indonesian} memperoleh komisi sebesar {commission.indonesian} dari "
                    "nilai penjualan.",
                    f"{agent.english} earns a commission of {commission.english} of sales.",
                )
            )
        )
    if t.margin_percent is not None:
        margin = per_cent(t.margin_percent)
        paras.append(
            Para(
                bi(
                    f"{agent.indonesian} memperoleh marjin sebesar {margin.indonesian} dari harga "
                    "jual.",
                    f"{agent.english} earns a margin of {margin.english} of the selling price.",
                )
            )
        )
    if t.targets:
        paras.append(
            Para(bi("Target penjualan:", "Sales targets:"), [b.both(x) for x in t.targets])
        )
    return paras


def _shares(b: Wording, shares: dict[str, Decimal]) -> list[Bilingual]:
    return [
        bi(
            f"{b.label(pid).indonesian} sebesar {per_cent(value).indonesian}",
            f"{b.label(pid).english}: {per_cent(value).english}",
        )
        for pid, value in shares.items()
        if pid in b.agreement.party_ids
    ]


def _contributions(b: Wording, contributions: Iterable[Any]) -> Para:
    items = []
    for c in contributions:
        if c.party_id not in b.agreement.party_ids:
            continue
        offered = kinds(c.kinds)
        extra_id = f" ({c.description})" if c.description else ""
        extra_en = f" ({b.tr(c.description)})" if c.description else ""
        items.append(
            bi(
                f"{b.label(c.party_id).indonesian} menyediakan {offered.indonesian}{extra_id}",
                f"{b.label(c.party_id).english} provides {offered.english}{extra_en}",
            )
        )
    return Para(bi("Kontribusi masing-masing PIHAK:", "Each PARTY's contribution:"), items)


def _kso(b: Wording, t: OperationalCooperationTerms) -> list[Para]:
    paras = [
        _contributions(b, t.contributions),
        Para(bi("Pembagian hasil usaha:", "Sharing of profit:"), _shares(b, t.profit_shares)),
        Para(bi("Pembagian risiko usaha:", "Sharing of risk:"), _shares(b, t.risk_shares)),
    ]
    if t.market_guarantor is not None and t.market_guarantor in b.agreement.party_ids:
        who = b.label(t.market_guarantor)
        paras.append(
            Para(
                bi(
                    f"{who.indonesian} menjamin pasar hasil produksi.",
                    f"{who.english} guarantees the market for the produce.",
                )
            )
        )
    if t.value_added:
        paras.append(
            Para(
                bi("Peningkatan nilai tambah produk melalui:", "Value is added through:"),
                [b.both(x) for x in t.value_added],
            )
        )
    return paras


def _foster(b: Wording, t: FosterParentTerms) -> list[Para]:
    parent = b.label(t.foster_parent)
    children = b.labels([c for c in t.foster_children if c in b.agreement.party_ids])
    support = kinds(t.support)
    paras = [
        Para(
            bi(
                f"{parent.indonesian} sebagai bapak angkat membantu perkembangan usaha "
                f"{children.indonesian} "
                f"sebagai anak angkat dalam bentuk {support.indonesian}.",
                f"{parent.english}, as foster parent, helps the business of {children.english}, as "
                "foster "
                f"child, to grow through {support.english}.",
            )
        )
    ]
    if t.loan is not None:
        loan = t.loan
        if loan.interest_free:
            interest = bi("tanpa bunga", "free of interest")
        else:
            interest = bi(
                f"dengan bunga {per_cent(loan.annual_interest_percent).indonesian} per tahun",
                f"at {per_cent(loan.annual_interest_percent).english} interest a year",
            )
        grace = bi("", "")
        if loan.grace_months:
            grace = bi(
                f", dengan masa tenggang {count(loan.grace_months)} bulan",
                f", with a grace period of {count(loan.grace_months, 'en')} months",
            )
        paras.append(
            Para(
                bi(
                    f"{parent.indonesian} memberikan pinjaman modal sebesar {rupiah(loan.amount)} "
                    f"{interest.indonesian}, yang dikembalikan dalam {count(loan.tenor_months)} "
                    f"bulan{grace.indonesian}.",
                    f"{parent.english} lends capital of {rupiah(loan.amount, 'en')} "
                    f"{interest.english}, "
                    f"repaid over {count(loan.tenor_months, 'en')} months{grace.english}.",
                )
            )
        )
    if t.mentoring_schedule is not None:
        paras.append(
            Para(
                bi(
                    f"Pendampingan dilakukan {t.mentoring_schedule}.",
                    f"Mentoring takes place {b.tr(t.mentoring_schedule)}.",
                )
            )
        )
    return paras


_TRADE: Final = {
    TradeMode.MARKETING: bi("memasarkan hasil produksi", "markets the products of"),
    TradeMode.SUPPLY: bi("menerima pasokan dari", "buys the supplies of"),
    TradeMode.BUSINESS_LOCATION: bi(
        "menyediakan lokasi usaha bagi", "provides business premises for"
    ),
}


def _trade(b: Wording, t: GeneralTradeTerms) -> list[Para]:
    buyer, supplier = b.label(t.buyer), b.label(t.supplier)
    via = bi("", "")
    if t.intermediary is not None and t.intermediary in b.agreement.party_ids:
        middle = b.label(t.intermediary)
        via = bi(f" melalui {middle.indonesian}", f" through {middle.english}")
    mode = _TRADE[t.mode]
    # A good a definition names ("Produk") is called by its defined term throughout.
    term = b.goods_term
    goods = []
    for good in t.goods:
        unit = b.both(good.unit)
        parts_id, parts_en = [], []
        if good.quantity is not None:
            q = quantity(good.quantity)
            period = b.both(good.period) if good.period else bi("", "")
            parts_id.append(
                f"sebanyak {q.indonesian} {unit.indonesian} {period.indonesian}".rstrip()
            )
            parts_en.append(f"{q.english} {unit.english} {period.english}".rstrip())
        if good.unit_price is not None:
            parts_id.append(f"dengan harga {rupiah(good.unit_price)} per {unit.indonesian}")
            parts_en.append(f"at {rupiah(good.unit_price, 'en')} per {unit.english}")
        if term is None:
            name = b.both(good.name)
            goods.append(
                bi(", ".join([name.indonesian, *parts_id]), ", ".join([name.english, *parts_en]))
            )
        elif parts_id:
            goods.append(bi(", ".join(parts_id), ", ".join(parts_en)))
    paras = [
        Para(
            bi(
                f"{buyer.indonesian} {mode.indonesian} {supplier.indonesian}{via.indonesian}.",
                f"{buyer.english} {mode.english} {supplier.english}{via.english}.",
            )
        )
    ]
    if term is None:
        paras.append(Para(bi("Barang yang diperdagangkan:", "The goods traded:"), goods))
        what = bi("barang", "goods")
    else:
        if goods:
            paras.append(
                Para(
                    bi(
                        f"{term.indonesian} diperdagangkan {goods[0].indonesian}.",
                        f"The {term.english} is traded at {goods[0].english}.",
                    )
                )
            )
        what = term
    paras.append(
        Para(
            bi(
                f"{supplier.indonesian} wajib memasok {what.indonesian} sesuai persyaratan dan "
                "kualitas yang disepakati bersama, yaitu:",
                f"{supplier.english} shall supply {what.english} meeting the requirements and "
                "quality agreed together, namely:",
            ),
            [b.both(q) for q in t.quality_requirements],
        )
    )
    if t.delivery_schedule is not None:
        paras.append(
            Para(
                bi(
                    f"{supplier.indonesian} mengirimkan {what.indonesian} "
                    f"{lower_item(t.delivery_schedule)}.",
                    f"{supplier.english} delivers {what.english} "
                    f"{lower_item(b.tr(t.delivery_schedule))}.",
                )
            )
        )
    if t.payment_terms is not None:
        paras.append(
            Para(
                bi(
                    f"{buyer.indonesian} membayar kepada {supplier.indonesian} dengan ketentuan "
                    f"{lower_item(t.payment_terms)}.",
                    f"{buyer.english} pays {supplier.english} on terms of "
                    f"{lower_item(b.tr(t.payment_terms))}.",
                )
            )
        )
    return paras


def _core_plasma(b: Wording, t: CorePlasmaTerms) -> list[Para]:
    core = b.label(t.core)
    plasma = b.labels([p for p in t.plasma if p in b.agreement.party_ids])
    paras = [
        Para(
            bi(
                f"{core.indonesian} sebagai inti menyediakan bagi {plasma.indonesian} sebagai "
                "plasma:",
                f"{core.english}, as core, provides {plasma.english}, as plasma, with:",
            ),
            [b.both(x) for x in t.inputs_supplied],
        )
    ]
    if t.offtake_guarantee:
        basis = bi("", "")
        if t.price_basis is not None:
            basis = bi(f" dengan dasar harga {t.price_basis}", f" priced on {b.tr(t.price_basis)}")
        paras.append(
            Para(
                bi(
                    f"{core.indonesian} menampung hasil produksi "
                    f"{plasma.indonesian}{basis.indonesian}.",
                    f"{core.english} takes up the output of {plasma.english}{basis.english}.",
                )
            )
        )
    return paras


def _subcontract(b: Wording, t: SubcontractTerms) -> list[Para]:
    sub, main = b.label(t.subcontractor), b.label(t.contractor)
    return [
        Para(
            bi(
                f"{sub.indonesian} memproduksi {lower_item(t.specification)} bagi "
                f"{main.indonesian}, dengan volume {lower_item(t.volume)}.",
                f"{sub.english} produces {lower_item(b.tr(t.specification))} for "
                f"{main.english}, at a volume of {lower_item(b.tr(t.volume))}.",
            )
        ),
        Para(
            bi(
                f"{main.indonesian} membayar kepada {sub.indonesian} dengan ketentuan "
                f"{lower_item(t.payment_terms)}.",
                f"{main.english} pays {sub.english} on terms of "
                f"{lower_item(b.tr(t.payment_terms))}.",
            )
        ),
    ]


def _franchise(b: Wording, t: FranchiseTerms) -> list[Para]:
    giver, taker = b.label(t.franchisor), b.label(t.franchisee)
    paras = [
        Para(
            bi(
                f"{giver.indonesian} memberikan hak menggunakan merek {t.brand} dan sistem "
                "usahanya "
                f"kepada {taker.indonesian}.",
                f"{giver.english} grants {taker.english} the right to use the {t.brand} brand and "
                "its "
                "business system.",
            )
        )
    ]
    if t.initial_fee is not None:
        paras.append(
            Para(
                bi(
                    f"Biaya waralaba sebesar {rupiah(t.initial_fee)}.",
                    f"The franchise fee is {rupiah(t.initial_fee, 'en')}.",
                )
            )
        )
    if t.royalty_percent is not None:
        paras.append(
            Para(
                bi(
                    f"Royalti sebesar {per_cent(t.royalty_percent).indonesian} dari penjualan.",
                    f"The royalty is {per_cent(t.royalty_percent).english} of sales.",
                )
            )
        )
    paras.append(
        Para(
            bi(
                f"{taker.indonesian} wajib memenuhi standar:",
                f"{taker.english} shall keep the standards:",
            ),
            [b.both(x) for x in t.standards],
        )
    )
    return paras


def _supply_chain(b: Wording, t: SupplyChainTerms) -> list[Para]:
    links = sorted(t.links, key=lambda link: link.position)
    items = [
        bi(
            f"{b.label(link.party_id).indonesian}: {link.role}",
            f"{b.label(link.party_id).english}: {b.tr(link.role)}",
        )
        for link in links
        if link.party_id in b.agreement.party_ids
    ]
    paras = [
        Para(
            bi(
                "PARA PIHAK terhubung dalam rantai pasok dengan urutan:",
                "THE PARTIES are linked along the supply chain in this order:",
            ),
            items,
        )
    ]
    if t.flows:
        paras.append(
            Para(
                bi("Yang mengalir dalam rantai pasok:", "What flows along the chain:"),
                [b.both(x) for x in t.flows],
            )
        )
    return paras


def _profit_sharing(b: Wording, t: ProfitSharingTerms) -> list[Para]:
    paras = [
        _contributions(b, t.contributions),
        Para(bi("Pembagian hasil:", "Sharing of the result:"), _shares(b, t.shares)),
    ]
    if t.settlement is not None:
        paras.append(
            Para(
                bi(
                    f"Perhitungan hasil dilakukan {t.settlement}.",
                    f"The result is settled {b.tr(t.settlement)}.",
                )
            )
        )
    return paras


def _joint_venture(b: Wording, t: JointVentureTerms) -> list[Para]:
    return [
        Para(
            bi(
                f"PARA PIHAK mendirikan usaha patungan dengan nama {t.venture_name}.",
                f"THE PARTIES found a joint venture named {t.venture_name}.",
            )
        ),
        _contributions(b, t.contributions),
        Para(bi("Kepemilikan:", "Ownership:"), _shares(b, t.ownership)),
    ]


def _outsourcing(b: Wording, t: OutsourcingTerms) -> list[Para]:
    client, provider = b.label(t.client), b.label(t.provider)
    paras = [
        Para(
            bi(
                f"{client.indonesian} menyerahkan kepada {provider.indonesian} pekerjaan berikut:",
                f"{client.english} entrusts {provider.english} with the following work:",
            ),
            [b.both(x) for x in t.services],
        )
    ]
    if t.service_levels:
        paras.append(
            Para(
                bi("Tingkat layanan yang disepakati:", "Agreed service levels:"),
                [b.both(x) for x in t.service_levels],
            )
        )
    return paras


CLAUSE_PACKS: Final[dict[type, Callable[[Wording, Any], list[Para]]]] = {
    AgencyTerms: _agency,
    OperationalCooperationTerms: _kso,
    FosterParentTerms: _foster,
    GeneralTradeTerms: _trade,
    CorePlasmaTerms: _core_plasma,
    SubcontractTerms: _subcontract,
    FranchiseTerms: _franchise,
    SupplyChainTerms: _supply_chain,
    ProfitSharingTerms: _profit_sharing,
    JointVentureTerms: _joint_venture,
    OutsourcingTerms: _outsourcing,
}
