"""What every pattern's terms share: contributions, the base model and its checks."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import ClassVar, Final

from pydantic import Field

from kemitraan._base import ValueModel, field_error, reject_duplicates
from kemitraan._refs import PartyRef, party_refs
from kemitraan._types import NonEmptyStr
from kemitraan.parties import ContributionKinds

__all__ = ["Contribution", "TermsBase"]

_HUNDRED: Final = Decimal(100)


class Contribution(ValueModel):
    """What one party brings to a partnership.

    >>> from kemitraan.parties import ContributionKind
    >>> Contribution(party_id="kelompok-tani", kinds={ContributionKind.LAND}).kinds
    frozenset({<ContributionKind.LAND: 'land'>})
    """

    party_id: PartyRef
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
    which belong in a PKS rather than an MoU (Indonesian drafting practice for a PKS)."""

    def party_ids(self) -> frozenset[str]:
        """Every party id these terms name (its fields marked :data:`~kemitraan._refs.PartyRef`).

        >>> from kemitraan.pattern_terms import AgencyTerms
        >>> sorted(AgencyTerms(principal="pt", agent="ukm", products=["Tas"],
        ...                    territory=["Kalimantan Selatan"]).party_ids())
        ['pt', 'ukm']
        """
        return frozenset(pid for _, pid, _ in party_refs(self))

    def commercial_terms(self) -> list[str]:
        """The paths of the commercial terms these terms set (empty when there are none).

        >>> from kemitraan.pattern_terms import GeneralTradeTerms, TradedGood
        >>> from decimal import Decimal
        >>> GeneralTradeTerms(supplier="kube", buyer="toko", quality_requirements=["Rapi"],
        ...     goods=[TradedGood(name="Tas", quantity=Decimal(200), unit_price=Decimal(85000))],
        ... ).commercial_terms()
        ['goods.0.quantity', 'goods.0.unit_price']
        """
        return [name for name in self.commercial if getattr(self, name) not in (None, [], "")]
