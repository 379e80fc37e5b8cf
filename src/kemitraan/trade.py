"""What a PKS of sale and supply settles beside the pattern: what buyer and supplier argue about.

The pattern's terms (:class:`~kemitraan.pattern_terms.GeneralTradeTerms`) say what is traded,
how much, at what price and to what quality. :class:`TradeTerms` adds what a legal officer
looks for before signing a trade: delivery (place, schedule, who bears its cost),
inspection and acceptance with a time to reject and what happens to rejected goods, when risk
and title pass, price and tax, the account paid into, the consequence of late payment, the
buyer's duty to report its sales, and — where goods are made in learners' practice or bought
with a government grant — who owns them, how the proceeds are shared with the unit and the
learners, and the grant's rules followed.

>>> terms = TradeTerms(delivery_place="gudang PIHAK KETIGA di Banjarmasin",
...                    delivery_cost_by="kube", inspection_days=3)
>>> terms.risk_passes.label_id
'saat Produk diterima setelah pemeriksaan'
"""

from __future__ import annotations

from decimal import Decimal
from typing import Self

from pydantic import Field, model_validator

from kemitraan._base import LabelledEnum, ValueModel, field_error
from kemitraan._refs import PartyRef
from kemitraan._types import NonEmptyStr, Percent, ShortText

__all__ = ["BankAccount", "GoodsOrigin", "Passing", "ProceedsShare", "TradeTerms"]


class Passing(LabelledEnum):
    """When the risk of the goods, or their title, passes from supplier to buyer.

    >>> Passing.ON_DELIVERY.label_id
    'saat Produk diserahkan'
    """

    ON_DELIVERY = "on_delivery", "saat Produk diserahkan", "on delivery of the Products"
    ON_ACCEPTANCE = (
        "on_acceptance",
        "saat Produk diterima setelah pemeriksaan",
        "on acceptance of the Products after inspection",
    )
    ON_PAYMENT = "on_payment", "saat harga Produk dibayar lunas", "on full payment of the price"


class GoodsOrigin(LabelledEnum):
    """Where the goods sold come from.

    >>> GoodsOrigin.LEARNERS_PRACTICE.label_id
    'hasil praktik peserta didik'
    """

    OWN = "own", "produksi pemasok sendiri", "the supplier's own production"
    LEARNERS_PRACTICE = (
        "learners_practice",
        "hasil praktik peserta didik",
        "made in the learners' practice",
    )
    GRANT = (
        "grant",
        "dibuat dengan bahan atau peralatan dari bantuan pemerintah",
        "made with materials or equipment from a government grant",
    )


class BankAccount(ValueModel):
    """The account a payment goes to.

    >>> BankAccount(bank="Bank Kalsel", number="0012345678", holder="KUBE Rajut Lestari").bank
    'Bank Kalsel'
    """

    bank: ShortText
    """The bank: ``Bank Kalsel Cabang Martapura``."""
    number: ShortText
    """The account number."""
    holder: ShortText
    """The account holder, as the bank names it."""


class ProceedsShare(ValueModel):
    """A share of the proceeds of goods made in practice or from a grant.

    >>> ProceedsShare(to="peserta didik", percent=Decimal(40)).to
    'peserta didik'
    """

    to: ShortText
    """Who receives it: a party's label or name, ``peserta didik``, ``kas program``."""
    percent: Percent
    """Its share of the proceeds, in percent."""
    use: NonEmptyStr | None = None
    """What it is for, when the agreement says (``modal produksi angkatan berikutnya``)."""


class TradeTerms(ValueModel):
    """Delivery, acceptance, risk and title, tax, account, late payment, reports, origin."""

    delivery_place: ShortText
    """Where the goods are handed over: ``gudang PIHAK KETIGA di Banjarmasin``."""
    delivery_cost_by: PartyRef
    """The party that bears the cost of delivery."""
    inspection_days: int = Field(ge=0, le=60)
    """Working days the buyer has to inspect and reject goods after delivery."""
    rejected_goods: NonEmptyStr | None = None
    """What happens to rejected goods (by default they go back to the supplier, at its cost,
    to be mended or replaced)."""
    risk_passes: Passing = Passing.ON_ACCEPTANCE
    """When the risk of loss or damage passes to the buyer."""
    title_passes: Passing = Passing.ON_ACCEPTANCE
    """When ownership passes to the buyer."""
    prices_include_tax: bool = True
    """Whether the agreed prices include the taxes due."""
    tax_note: NonEmptyStr | None = None
    """Who bears which tax (PPN when the seller is a PKP, PPh where due), in a sentence."""
    account: BankAccount | None = None
    """The account the buyer pays into."""
    late_fee_per_day: Percent | None = None
    """A late payment's penalty, per day, in percent of the amount overdue."""
    late_fee_cap: Percent | None = None
    """The penalty's cap, in percent of the amount overdue."""
    suspend_after_days: int | None = Field(default=None, ge=1, le=365)
    """Days a payment may be late before the supplier may suspend supply."""
    sales_report_by: PartyRef | None = None
    """The party that reports its sales of the goods (a duty matching a right to the report)."""
    sales_report_every: ShortText | None = None
    """How often: ``setiap bulan``."""
    origin: GoodsOrigin = GoodsOrigin.OWN
    """Where the goods come from."""
    owner_before_sale: PartyRef | None = None
    """Who owns goods made in practice or from a grant until they are sold."""
    proceeds: list[ProceedsShare] = Field(default_factory=list)
    """How the proceeds of such goods are shared (with the unit and the learners): the
    price the buyer pays for the goods it accepts."""
    proceeds_shared_by: PartyRef | None = None
    """The party that pays each share out, from the price it receives (said with the shares;
    without shares there is nothing to pay out)."""
    proceeds_within_days: int | None = Field(default=None, ge=1, le=365)
    """Days after a payment is received within which the shares are paid out."""
    grant_rules: NonEmptyStr | None = None
    """The rules of the grant the goods come from, cited (its technical guide)."""

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.proceeds and sum(s.percent for s in self.proceeds) != Decimal(100):
            raise field_error(
                self,
                ("proceeds",),
                "proceeds_not_whole",
                "the shares of the proceeds add up to {total}%, not 100%",
                total=str(sum(s.percent for s in self.proceeds)),
            )
        if (self.late_fee_per_day is None) != (self.late_fee_cap is None):
            raise field_error(
                self,
                ("late_fee_cap",),
                "late_fee_uncapped",
                "a late payment's penalty per day and its cap are set together",
            )
        return self
