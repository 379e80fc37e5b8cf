"""The terms of the guide's four patterns (B.1–B.4).

Agency, operational cooperation, foster parent and general trade.
"""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar, Final, Literal, Self

from pydantic import Field, model_validator

from kemitraan._base import LabelledEnum, ValueModel, field_error
from kemitraan._refs import PartyRef
from kemitraan._types import NonEmptyStr, Percent, Rupiah, ShortText
from kemitraan.parties import ContributionKind, ContributionKinds
from kemitraan.pattern_terms._common import (
    Contribution,
    TermsBase,
    _contributors,
    _distinct,
    _same_parties,
    _shares_total,
)

__all__ = [
    "KSO_COMPANY",
    "KSO_GROUP",
    "AgencyTerms",
    "FosterParentTerms",
    "GeneralTradeTerms",
    "Loan",
    "OperationalCooperationTerms",
    "TradeMode",
    "TradedGood",
]


KSO_GROUP: Final = frozenset(
    {ContributionKind.LAND, ContributionKind.FACILITIES, ContributionKind.LABOUR}
)
"""What the group of partners brings to an operational cooperation (guide B.2)."""
KSO_COMPANY: Final = frozenset(
    {
        ContributionKind.CAPITAL,
        ContributionKind.INTEREST_FREE_CAPITAL,
        ContributionKind.MANAGEMENT,
        ContributionKind.PRODUCTION_INPUTS,
        ContributionKind.MARKET_GUARANTEE,
        ContributionKind.PROCESSING_PACKAGING,
    }
)
"""What the partner company brings to an operational cooperation (guide B.2)."""


class AgencyTerms(TermsBase):
    """Keagenan: a small business gets a special right to market a larger partner's goods.

    >>> AgencyTerms(
    ...     principal="pt-benang-nusantara", agent="kube-rajut",
    ...     products=["Benang rajut"], territory=["Kota Banjarmasin"],
    ... ).exclusive
    False
    """

    pattern: Literal["agency"] = "agency"
    """Discriminator."""
    commercial: ClassVar[tuple[str, ...]] = ("commission_percent", "margin_percent", "targets")
    principal: PartyRef
    """The medium or large business whose goods or services are marketed."""
    agent: PartyRef
    """The small business given the right to market them."""
    products: list[NonEmptyStr] = Field(min_length=1)
    """The goods or services the agent may market."""
    territory: list[NonEmptyStr] = Field(min_length=1)
    """Where the agent may market them."""
    exclusive: bool = False
    """Whether the right is exclusive in the territory."""
    commission_percent: Percent | None = None
    """The agent's commission, as a percentage of sales."""
    margin_percent: Percent | None = None
    """The agent's margin, when it buys and resells."""
    targets: list[NonEmptyStr] = Field(default_factory=list)
    """Sales targets, in words."""

    @model_validator(mode="after")
    def _check(self) -> Self:
        _distinct(self, "principal", "agent", self.principal, self.agent)
        return self


class OperationalCooperationTerms(TermsBase):
    """Kerja sama operasional (KSO): pooled resources, shared profit and risk.

    The group of partners provides land, facilities and labour; the partner company
    provides funds, capital, management and production inputs, and guarantees the
    market. Profit and risk shares are agreed; each sums to 100 %.

    >>> K = ContributionKind
    >>> terms = OperationalCooperationTerms(
    ...     contributions=[
    ...         Contribution(party_id="kelompok", kinds={K.LAND, K.LABOUR}),
    ...         Contribution(party_id="pt-mitra", kinds={ContributionKind.CAPITAL}),
    ...     ],
    ...     profit_shares={"kelompok": 40, "pt-mitra": 60},
    ...     risk_shares={"kelompok": 30, "pt-mitra": 70},
    ... )
    >>> terms.profit_shares["pt-mitra"]
    Decimal('60')
    """

    pattern: Literal["operational_cooperation"] = "operational_cooperation"
    """Discriminator."""
    contributions: list[Contribution] = Field(min_length=2)
    """What each party brings; every party contributes something."""
    profit_shares: dict[PartyRef, Percent]
    """Each party's share of the profit, in percent; sums to 100."""
    risk_shares: dict[PartyRef, Percent]
    """Each party's share of the risk (losses), in percent; sums to 100."""
    market_guarantor: PartyRef | None = None
    """The party that guarantees the market, when one does."""
    value_added: list[NonEmptyStr] = Field(default_factory=list)
    """How value is added to the product (processing, packaging, …)."""

    @model_validator(mode="after")
    def _check(self) -> Self:
        who = _contributors(self, self.contributions)
        _same_parties(self, "profit_shares", self.profit_shares, who)
        _shares_total(self, "profit_shares", self.profit_shares)
        _same_parties(self, "risk_shares", self.risk_shares, who)
        _shares_total(self, "risk_shares", self.risk_shares)
        if self.market_guarantor is not None and self.market_guarantor not in who:
            raise field_error(
                self,
                ("market_guarantor",),
                "guarantor_not_party",
                "market_guarantor '{party}' is not one of the contributing parties",
                party=self.market_guarantor,
            )
        return self


class Loan(ValueModel):
    """A loan of capital; the interest may be zero (guide B.3: *modal tanpa bunga*).

    >>> Loan(amount=Decimal("25000000"), tenor_months=12).interest_free
    True
    """

    amount: Rupiah = Field(gt=0)
    """Principal, in rupiah."""
    annual_interest_percent: Percent = Decimal(0)
    """Yearly interest; 0 for an interest-free loan."""
    tenor_months: int = Field(ge=1, le=600)
    """Months to repay."""
    grace_months: int = Field(default=0, ge=0)
    """Months before the first repayment."""

    @model_validator(mode="after")
    def _grace_within_tenor(self) -> Self:
        if self.grace_months >= self.tenor_months:
            raise field_error(
                self,
                ("grace_months",),
                "grace_exceeds_tenor",
                "grace_months ({grace}) must be shorter than tenor_months ({tenor})",
                grace=self.grace_months,
                tenor=self.tenor_months,
            )
        return self

    @property
    def interest_free(self) -> bool:
        """Whether no interest is charged."""
        return self.annual_interest_percent == 0


_FOSTER_SUPPORT: Final = frozenset(
    {
        ContributionKind.CAPITAL,
        ContributionKind.INTEREST_FREE_CAPITAL,
        ContributionKind.TRAINING,
        ContributionKind.MENTORING,
        ContributionKind.MARKET_ACCESS,
        ContributionKind.FACILITIES,
        ContributionKind.PRODUCTION_INPUTS,
        ContributionKind.MANAGEMENT,
        ContributionKind.LICENSING,
    }
)


class FosterParentTerms(TermsBase):
    """Bapak angkat – anak angkat: a large business helps small ones grow.

    >>> FosterParentTerms(
    ...     foster_parent="bumn", foster_children=["peternak"],
    ...     support={ContributionKind.INTEREST_FREE_CAPITAL},
    ...     loan=Loan(amount=Decimal("50000000"), tenor_months=24),
    ... ).loan.interest_free
    True
    """

    pattern: Literal["foster_parent"] = "foster_parent"
    """Discriminator."""
    commercial: ClassVar[tuple[str, ...]] = ("loan",)
    foster_parent: PartyRef
    """The large business that helps (*bapak angkat*)."""
    foster_children: list[PartyRef] = Field(min_length=1)
    """The small businesses it helps (*anak angkat*)."""
    support: ContributionKinds = Field(min_length=1)
    """Kinds of support: capital, training, mentoring, market access, …"""
    loan: Loan | None = None
    """Capital lent, when support includes capital."""
    mentoring_schedule: NonEmptyStr | None = None
    """How often mentoring happens, in words (e.g. ``"dua kali sebulan"``)."""

    @model_validator(mode="after")
    def _check(self) -> Self:
        if self.foster_parent in self.foster_children:
            raise field_error(
                self,
                ("foster_children",),
                "same_party",
                "the foster parent '{party}' cannot also be a foster child",
                party=self.foster_parent,
            )
        if len(set(self.foster_children)) != len(self.foster_children):
            raise field_error(
                self, ("foster_children",), "duplicate_party", "a foster child is listed twice"
            )
        unsupported = self.support - _FOSTER_SUPPORT
        if unsupported:
            raise field_error(
                self,
                ("support",),
                "not_foster_support",
                "{kinds} is not support a foster parent gives",
                kinds=", ".join(sorted(k.value for k in unsupported)),
            )
        capital = {ContributionKind.CAPITAL, ContributionKind.INTEREST_FREE_CAPITAL}
        if self.loan is not None and not self.support & capital:
            raise field_error(
                self,
                ("support",),
                "loan_without_capital",
                "a loan is given, so support must include capital",
            )
        if (
            ContributionKind.INTEREST_FREE_CAPITAL in self.support
            and self.loan is not None
            and not self.loan.interest_free
        ):
            raise field_error(
                self,
                ("loan", "annual_interest_percent"),
                "interest_on_interest_free_capital",
                "support is interest-free capital but the loan charges {rate} % interest",
                rate=str(self.loan.annual_interest_percent),
            )
        return self


class TradeMode(LabelledEnum):
    """The forms general trade takes (guide B.4).

    >>> TradeMode.SUPPLY.label_id
    'Pasokan kebutuhan usaha menengah/besar oleh usaha kecil'
    """

    MARKETING = (
        "marketing",
        "Pemasaran hasil produksi usaha kecil oleh usaha menengah/besar",
        "The larger business markets the small business's products",
    )
    SUPPLY = (
        "supply",
        "Pasokan kebutuhan usaha menengah/besar oleh usaha kecil",
        "The small business supplies what the larger business needs",
    )
    BUSINESS_LOCATION = (
        "business_location",
        "Penyediaan lokasi usaha bagi usaha kecil",
        "The larger business provides premises for the small business",
    )


class TradedGood(ValueModel):
    """One good traded under general trade.

    >>> TradedGood(name="Tas rajut", quantity=Decimal(200), period="per bulan").unit
    'buah'
    """

    name: ShortText
    """The good, e.g. ``"Tas rajut ukuran sedang"``."""
    unit: ShortText = "buah"
    """The unit counted (``"buah"``, ``"kg"``, …)."""
    quantity: Decimal | None = Field(default=None, gt=0, allow_inf_nan=False)
    """Agreed quantity per period."""
    period: ShortText | None = None
    """The period the quantity is for (``"per bulan"``)."""
    unit_price: Rupiah | None = None
    """Agreed price per unit, in rupiah."""


class GeneralTradeTerms(TermsBase):
    """Dagang umum: the larger business markets, buys or houses the small one's products.

    The supplier must deliver goods that meet the quality requirements agreed
    together (guide B.4), so the terms must state them.

    >>> GeneralTradeTerms(
    ...     supplier="kelompok-tani", buyer="swalayan", intermediary="koperasi",
    ...     goods=[TradedGood(name="Sayur hidroponik", unit="kg")],
    ...     quality_requirements=["Segar, dipanen paling lama 24 jam sebelum dikirim"],
    ... ).mode.label_en
    'The small business supplies what the larger business needs'
    """

    pattern: Literal["general_trade"] = "general_trade"
    """Discriminator."""
    commercial: ClassVar[tuple[str, ...]] = ("payment_terms",)
    supplier: PartyRef
    """The small business that supplies or whose products are marketed."""
    buyer: PartyRef
    """The medium or large business that buys, markets or houses them."""
    intermediary: PartyRef | None = None
    """A cooperative or other party between them, when there is one."""
    mode: TradeMode = TradeMode.SUPPLY
    """Which form of general trade."""
    goods: list[TradedGood] = Field(min_length=1)
    """What is traded."""
    quality_requirements: list[NonEmptyStr]
    """The quality requirements agreed together (guide B.4)."""
    delivery_schedule: NonEmptyStr | None = None
    """When deliveries happen."""
    payment_terms: NonEmptyStr | None = None
    """How and when the supplier is paid."""

    @model_validator(mode="after")
    def _check(self) -> Self:
        _distinct(self, "supplier", "buyer", self.supplier, self.buyer)
        if self.intermediary in (self.supplier, self.buyer):
            raise field_error(
                self,
                ("intermediary",),
                "same_party",
                "the intermediary must be a third party",
            )
        if not self.quality_requirements:
            raise field_error(
                self,
                ("quality_requirements",),
                "quality_requirements_missing",
                "general trade must state the quality requirements agreed together (guide B.4)",
            )
        return self

    def commercial_terms(self) -> list[str]:
        """Quantities and prices of the goods, and the payment terms, when set."""
        found = [
            f"goods.{i}.{name}"
            for i, good in enumerate(self.goods)
            for name in ("quantity", "unit_price")
            if getattr(good, name) is not None
        ]
        return found + super().commercial_terms()
