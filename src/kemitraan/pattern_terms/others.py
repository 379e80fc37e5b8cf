"""The terms of the other patterns PP 7/2021 names.

Core–plasma, subcontract, franchise, supply chain, profit sharing, joint venture and
outsourcing.
"""

from __future__ import annotations

from typing import ClassVar, Literal, Self

from pydantic import Field, model_validator

from kemitraan._base import ValueModel, field_error
from kemitraan._refs import PartyRef
from kemitraan._types import NonEmptyStr, Percent, Rupiah, ShortText
from kemitraan.pattern_terms._common import (
    Contribution,
    TermsBase,
    _contributors,
    _distinct,
    _same_parties,
    _shares_total,
)

__all__ = [
    "ChainLink",
    "CorePlasmaTerms",
    "FranchiseTerms",
    "JointVentureTerms",
    "OutsourcingTerms",
    "ProfitSharingTerms",
    "SubcontractTerms",
    "SupplyChainTerms",
]


class CorePlasmaTerms(TermsBase):
    """Inti-plasma: the large core supports its small plasma partners and buys their output.

    >>> terms = CorePlasmaTerms(core="pt-sawit", plasma=["kud"], inputs_supplied=["Bibit"])
    >>> sorted(terms.party_ids())
    ['kud', 'pt-sawit']
    """

    pattern: Literal["core_plasma"] = "core_plasma"
    """Discriminator."""
    commercial: ClassVar[tuple[str, ...]] = ("price_basis",)
    core: PartyRef
    """The large business at the core (*inti*)."""
    plasma: list[PartyRef] = Field(min_length=1)
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


class SubcontractTerms(TermsBase):
    """Subkontrak: the small party produces parts or services to the larger one's order.

    >>> SubcontractTerms(contractor="pt", subcontractor="ukm", specification="Tali tas",
    ...                  volume="1.000 buah per bulan", payment_terms="30 hari").pattern
    'subcontract'
    """

    pattern: Literal["subcontract"] = "subcontract"
    """Discriminator."""
    commercial: ClassVar[tuple[str, ...]] = ("volume", "payment_terms")
    contractor: PartyRef
    """The larger business that orders."""
    subcontractor: PartyRef
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


class FranchiseTerms(TermsBase):
    """Waralaba: the larger party licenses its brand and business system.

    >>> FranchiseTerms(franchisor="pt", franchisee="ukm", brand="Rajutku",
    ...                standards=["SOP gerai"]).brand
    'Rajutku'
    """

    pattern: Literal["franchise"] = "franchise"
    """Discriminator."""
    commercial: ClassVar[tuple[str, ...]] = ("initial_fee", "royalty_percent")
    franchisor: PartyRef
    """The party that grants the franchise."""
    franchisee: PartyRef
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


class ChainLink(ValueModel):
    """One party's place in a supply chain.

    >>> ChainLink(party_id="kube", position=1, role="produsen").position
    1
    """

    party_id: PartyRef
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


class ProfitSharingTerms(TermsBase):
    """Bagi hasil: contributions pooled, the result shared by agreed percentages.

    >>> from kemitraan import ContributionKind
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
      Jumlah shares harus 100 %, sekarang 90 % [type=shares_not_100]
    """

    pattern: Literal["profit_sharing"] = "profit_sharing"
    """Discriminator."""
    contributions: list[Contribution] = Field(min_length=2)
    """What each party brings."""
    shares: dict[PartyRef, Percent]
    """Each party's share of the result; sums to 100."""
    settlement: NonEmptyStr | None = None
    """When and how the result is settled."""

    @model_validator(mode="after")
    def _check(self) -> Self:
        who = _contributors(self, self.contributions)
        _same_parties(self, "shares", self.shares, who)
        _shares_total(self, "shares", self.shares)
        return self


class JointVentureTerms(TermsBase):
    """Usaha patungan: the parties found a joint business and own it in agreed shares.

    >>> from kemitraan import ContributionKind
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
    ownership: dict[PartyRef, Percent]
    """Each party's ownership share; sums to 100."""

    @model_validator(mode="after")
    def _check(self) -> Self:
        who = _contributors(self, self.contributions)
        _same_parties(self, "ownership", self.ownership, who)
        _shares_total(self, "ownership", self.ownership)
        return self


class OutsourcingTerms(TermsBase):
    """Penyumberluaran: the small party does work outside the larger one's core business.

    >>> OutsourcingTerms(client="pt", provider="ukm", services=["Pengemasan"]).services
    ['Pengemasan']
    """

    pattern: Literal["outsourcing"] = "outsourcing"
    """Discriminator."""
    client: PartyRef
    """The business that outsources."""
    provider: PartyRef
    """The business that does the work."""
    services: list[NonEmptyStr] = Field(min_length=1)
    """The work outsourced."""
    service_levels: list[NonEmptyStr] = Field(default_factory=list)
    """Agreed service levels."""

    @model_validator(mode="after")
    def _check(self) -> Self:
        _distinct(self, "client", "provider", self.client, self.provider)
        return self
