"""The typed terms of each partnership pattern (guide B; PP 7/2021).

Each pattern's terms are a model that validates itself (shares that sum to 100 %,
two distinct parties where the pattern needs two); :data:`PatternTerms` is their
discriminated union, told apart in JSON by ``pattern``. Parties are referred to by
their ``id``; whether those ids are parties of the agreement is checked by the
agreement (:meth:`kemitraan.Agreement.check`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Annotated, ClassVar, Final, Literal, Self

from pydantic import Field, model_validator

from kemitraan._base import LabelledEnum, ValueModel, field_error, reject_duplicates
from kemitraan._types import NonEmptyStr, PartyId, Percent, Rupiah, ShortText
from kemitraan.parties import ContributionKind, ContributionKinds

__all__ = [
    "AgencyTerms",
    "ChainLink",
    "Contribution",
    "CorePlasmaTerms",
    "FosterParentTerms",
    "FranchiseTerms",
    "GeneralTradeTerms",
    "JointVentureTerms",
    "Loan",
    "OperationalCooperationTerms",
    "OutsourcingTerms",
    "PatternTerms",
    "ProfitSharingTerms",
    "SubcontractTerms",
    "SupplyChainTerms",
    "TermsBase",
    "TradeMode",
    "TradedGood",
]

_HUNDRED: Final = Decimal(100)


class Contribution(ValueModel):
    """What one party brings to a partnership.

    >>> Contribution(party_id="kelompok-tani", kinds={ContributionKind.LAND}).kinds
    frozenset({<ContributionKind.LAND: 'land'>})
    """

    party_id: PartyId
    """The party that contributes."""
    kinds: ContributionKinds = Field(min_length=1)
    """What it contributes (at least one kind)."""
    description: NonEmptyStr | None = None
    """The contribution in words, for the document."""


def _shares_total(model: ValueModel, field: str, shares: Mapping[str, Decimal]) -> None:
    total = sum(shares.values(), Decimal(0))
    if total != _HUNDRED:
        raise field_error(
            model,
            (field,),
            "shares_not_100",
            "{field} must sum to 100 %, they sum to {total} %",
            field=field,
            total=str(total),
        )


def _contributors(model: ValueModel, contributions: Iterable[Contribution]) -> set[str]:
    return reject_duplicates(
        model,
        [c.party_id for c in contributions],
        lambda index: ("contributions", index, "party_id"),
        "duplicate_party",
        "party '{value}' has two contributions; merge them",
    )


def _same_parties(
    model: ValueModel, field: str, shares: Mapping[str, Decimal], who: set[str]
) -> None:
    if set(shares) != who:
        raise field_error(
            model,
            (field,),
            "shares_parties_mismatch",
            "{field} must name exactly the contributing parties ({expected}), got ({got})",
            field=field,
            expected=", ".join(sorted(who)),
            got=", ".join(sorted(shares)),
        )


def _distinct(model: ValueModel, first: str, second: str, a: str, b: str) -> None:
    if a == b:
        raise field_error(
            model,
            (second,),
            "same_party",
            "{second} must be another party than {first} ('{party}')",
            first=first,
            second=second,
            party=a,
        )


class TermsBase(ValueModel):
    """Base of every pattern's terms."""

    pattern: str
    """Which pattern these terms are for; each subclass fixes it."""

    notes: list[NonEmptyStr] = Field(default_factory=list)
    """Further agreed terms, in words."""

    commercial: ClassVar[tuple[str, ...]] = ()
    """The fields that hold binding commercial terms (prices, quantities, payment, fees),
    which belong in a PKS rather than an MoU (REFERENCE.md, "PKS content")."""

    def party_ids(self) -> frozenset[str]:
        """Every party id these terms name."""
        raise NotImplementedError

    def commercial_terms(self) -> list[str]:
        """The paths of the commercial terms these terms set (empty when there are none).

        >>> from decimal import Decimal
        >>> GeneralTradeTerms(supplier="kube", buyer="toko", quality_requirements=["Rapi"],
        ...     goods=[TradedGood(name="Tas", quantity=Decimal(200), unit_price=Decimal(85000))],
        ... ).commercial_terms()
        ['goods.0.quantity', 'goods.0.unit_price']
        """
        return [name for name in self.commercial if getattr(self, name) not in (None, [], "")]


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
    principal: PartyId
    """The medium or large business whose goods or services are marketed."""
    agent: PartyId
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

    def party_ids(self) -> frozenset[str]:
        """Every party id these terms name."""
        return frozenset({self.principal, self.agent})


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
    profit_shares: dict[PartyId, Percent]
    """Each party's share of the profit, in percent; sums to 100."""
    risk_shares: dict[PartyId, Percent]
    """Each party's share of the risk (losses), in percent; sums to 100."""
    market_guarantor: PartyId | None = None
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

    def party_ids(self) -> frozenset[str]:
        """Every party id these terms name."""
        return frozenset(c.party_id for c in self.contributions)


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
    foster_parent: PartyId
    """The large business that helps (*bapak angkat*)."""
    foster_children: list[PartyId] = Field(min_length=1)
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

    def party_ids(self) -> frozenset[str]:
        """Every party id these terms name."""
        return frozenset({self.foster_parent, *self.foster_children})


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
    supplier: PartyId
    """The small business that supplies or whose products are marketed."""
    buyer: PartyId
    """The medium or large business that buys, markets or houses them."""
    intermediary: PartyId | None = None
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

    def party_ids(self) -> frozenset[str]:
        """Every party id these terms name."""
        ids = {self.supplier, self.buyer}
        if self.intermediary is not None:
            ids.add(self.intermediary)
        return frozenset(ids)

    def commercial_terms(self) -> list[str]:
        """Quantities and prices of the goods, and the payment terms, when set."""
        found = [
            f"goods.{i}.{name}"
            for i, good in enumerate(self.goods)
            for name in ("quantity", "unit_price")
            if getattr(good, name) is not None
        ]
        return found + super().commercial_terms()


class CorePlasmaTerms(TermsBase):
    """Inti-plasma: the large core supports its small plasma partners and buys their output.

    >>> terms = CorePlasmaTerms(core="pt-sawit", plasma=["kud"], inputs_supplied=["Bibit"])
    >>> sorted(terms.party_ids())
    ['kud', 'pt-sawit']
    """

    pattern: Literal["core_plasma"] = "core_plasma"
    """Discriminator."""
    commercial: ClassVar[tuple[str, ...]] = ("price_basis",)
    core: PartyId
    """The large business at the core (*inti*)."""
    plasma: list[PartyId] = Field(min_length=1)
    """The small partners (*plasma*)."""
    inputs_supplied: list[NonEmptyStr] = Field(min_length=1)
    """What the core supplies: land, seed, inputs, technical guidance, …"""
    offtake_guarantee: bool = True
    """Whether the core guarantees to buy the plasma's output."""
    price_basis: NonEmptyStr | None = None
    """How the purchase price is set."""

    @model_validator(mode="after")
    def _check(self) -> Self:
        if self.core in self.plasma:
            raise field_error(
                self,
                ("plasma",),
                "same_party",
                "the core '{party}' cannot be plasma",
                party=self.core,
            )
        return self

    def party_ids(self) -> frozenset[str]:
        """Every party id these terms name."""
        return frozenset({self.core, *self.plasma})


class SubcontractTerms(TermsBase):
    """Subkontrak: the small party produces parts or services to the larger one's order.

    >>> SubcontractTerms(contractor="pt", subcontractor="ukm", specification="Tali tas",
    ...                  volume="1.000 buah per bulan", payment_terms="30 hari").pattern
    'subcontract'
    """

    pattern: Literal["subcontract"] = "subcontract"
    """Discriminator."""
    commercial: ClassVar[tuple[str, ...]] = ("volume", "payment_terms")
    contractor: PartyId
    """The larger business that orders."""
    subcontractor: PartyId
    """The small business that produces."""
    specification: NonEmptyStr
    """What is to be produced, to what specification."""
    volume: NonEmptyStr
    """How much, over what period."""
    payment_terms: NonEmptyStr
    """How and when the subcontractor is paid."""

    @model_validator(mode="after")
    def _check(self) -> Self:
        _distinct(self, "contractor", "subcontractor", self.contractor, self.subcontractor)
        return self

    def party_ids(self) -> frozenset[str]:
        """Every party id these terms name."""
        return frozenset({self.contractor, self.subcontractor})


class FranchiseTerms(TermsBase):
    """Waralaba: the larger party licenses its brand and business system.

    >>> FranchiseTerms(franchisor="pt", franchisee="ukm", brand="Rajutku",
    ...                standards=["SOP gerai"]).brand
    'Rajutku'
    """

    pattern: Literal["franchise"] = "franchise"
    """Discriminator."""
    commercial: ClassVar[tuple[str, ...]] = ("initial_fee", "royalty_percent")
    franchisor: PartyId
    """The party that grants the franchise."""
    franchisee: PartyId
    """The party that runs it."""
    brand: ShortText
    """The brand licensed."""
    initial_fee: Rupiah | None = None
    """One-off franchise fee, in rupiah."""
    royalty_percent: Percent | None = None
    """Continuing royalty, as a percentage of sales."""
    standards: list[NonEmptyStr] = Field(min_length=1)
    """Standards the franchisee must keep."""

    @model_validator(mode="after")
    def _check(self) -> Self:
        _distinct(self, "franchisor", "franchisee", self.franchisor, self.franchisee)
        return self

    def party_ids(self) -> frozenset[str]:
        """Every party id these terms name."""
        return frozenset({self.franchisor, self.franchisee})


class ChainLink(ValueModel):
    """One party's place in a supply chain.

    >>> ChainLink(party_id="kube", position=1, role="produsen").position
    1
    """

    party_id: PartyId
    """The party."""
    position: int = Field(ge=1)
    """Its position along the chain, from 1 (upstream)."""
    role: NonEmptyStr
    """What it does there (``"produsen"``, ``"pengumpul"``, ``"pengecer"``)."""


class SupplyChainTerms(TermsBase):
    """Rantai pasok: partners linked along one supply chain.

    >>> SupplyChainTerms(links=[ChainLink(party_id="kube", position=1, role="produsen"),
    ...                        ChainLink(party_id="toko", position=2, role="pengecer")]).pattern
    'supply_chain'
    """

    pattern: Literal["supply_chain"] = "supply_chain"
    """Discriminator."""
    links: list[ChainLink] = Field(min_length=2)
    """The parties in the chain, each once, at distinct positions."""
    flows: list[NonEmptyStr] = Field(default_factory=list)
    """What moves along the chain (goods, payment, information)."""

    @model_validator(mode="after")
    def _check(self) -> Self:
        if len({link.party_id for link in self.links}) != len(self.links):
            raise field_error(
                self, ("links",), "duplicate_party", "a party appears twice in the chain"
            )
        if len({link.position for link in self.links}) != len(self.links):
            raise field_error(self, ("links",), "duplicate_position", "two links share a position")
        return self

    def party_ids(self) -> frozenset[str]:
        """Every party id these terms name."""
        return frozenset(link.party_id for link in self.links)


class ProfitSharingTerms(TermsBase):
    """Bagi hasil: contributions pooled, the result shared by agreed percentages.

    >>> K = ContributionKind
    >>> ProfitSharingTerms(
    ...     contributions=[Contribution(party_id="a", kinds={K.CAPITAL}),
    ...                    Contribution(party_id="b", kinds={K.LABOUR})],
    ...     shares={"a": 50, "b": 40},
    ... )  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for ProfitSharingTerms
    shares
      shares must sum to 100 %, they sum to 90 % [type=shares_not_100]
    """

    pattern: Literal["profit_sharing"] = "profit_sharing"
    """Discriminator."""
    contributions: list[Contribution] = Field(min_length=2)
    """What each party brings."""
    shares: dict[PartyId, Percent]
    """Each party's share of the result; sums to 100."""
    settlement: NonEmptyStr | None = None
    """When and how the result is settled."""

    @model_validator(mode="after")
    def _check(self) -> Self:
        who = _contributors(self, self.contributions)
        _same_parties(self, "shares", self.shares, who)
        _shares_total(self, "shares", self.shares)
        return self

    def party_ids(self) -> frozenset[str]:
        """Every party id these terms name."""
        return frozenset(c.party_id for c in self.contributions)


class JointVentureTerms(TermsBase):
    """Usaha patungan: the parties found a joint business and own it in agreed shares.

    >>> K = ContributionKind
    >>> JointVentureTerms(
    ...     venture_name="PT Rajut Bersama",
    ...     contributions=[Contribution(party_id="a", kinds={K.CAPITAL}),
    ...                    Contribution(party_id="b", kinds={K.CAPITAL})],
    ...     ownership={"a": 51, "b": 49},
    ... ).ownership["a"]
    Decimal('51')
    """

    pattern: Literal["joint_venture"] = "joint_venture"
    """Discriminator."""
    venture_name: ShortText
    """The joint business's name."""
    contributions: list[Contribution] = Field(min_length=2)
    """What each party brings."""
    ownership: dict[PartyId, Percent]
    """Each party's ownership share; sums to 100."""

    @model_validator(mode="after")
    def _check(self) -> Self:
        who = _contributors(self, self.contributions)
        _same_parties(self, "ownership", self.ownership, who)
        _shares_total(self, "ownership", self.ownership)
        return self

    def party_ids(self) -> frozenset[str]:
        """Every party id these terms name."""
        return frozenset(c.party_id for c in self.contributions)


class OutsourcingTerms(TermsBase):
    """Penyumberluaran: the small party does work outside the larger one's core business.

    >>> OutsourcingTerms(client="pt", provider="ukm", services=["Pengemasan"]).services
    ['Pengemasan']
    """

    pattern: Literal["outsourcing"] = "outsourcing"
    """Discriminator."""
    client: PartyId
    """The business that outsources."""
    provider: PartyId
    """The business that does the work."""
    services: list[NonEmptyStr] = Field(min_length=1)
    """The work outsourced."""
    service_levels: list[NonEmptyStr] = Field(default_factory=list)
    """Agreed service levels."""

    @model_validator(mode="after")
    def _check(self) -> Self:
        _distinct(self, "client", "provider", self.client, self.provider)
        return self

    def party_ids(self) -> frozenset[str]:
        """Every party id these terms name."""
        return frozenset({self.client, self.provider})


PatternTerms = Annotated[
    AgencyTerms
    | OperationalCooperationTerms
    | FosterParentTerms
    | GeneralTradeTerms
    | CorePlasmaTerms
    | SubcontractTerms
    | FranchiseTerms
    | SupplyChainTerms
    | ProfitSharingTerms
    | JointVentureTerms
    | OutsourcingTerms,
    Field(discriminator="pattern"),
]
"""Any pattern's terms; JSON tells them apart by ``pattern``."""
