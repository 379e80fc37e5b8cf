"""The typed terms of each partnership pattern (guide B; PP 7/2021).

Each pattern's terms are a model that validates itself (shares that sum to 100 %,
two distinct parties where the pattern needs two); :data:`PatternTerms` is their
discriminated union, told apart in JSON by ``pattern``. Parties are referred to by
their ``id``; whether those ids are parties of the agreement is checked by the
agreement (:meth:`kemitraan.Agreement.check`).
"""

from typing import Annotated

from pydantic import Field

from kemitraan.pattern_terms._common import Contribution, TermsBase
from kemitraan.pattern_terms.guide import (
    AgencyTerms,
    FosterParentTerms,
    GeneralTradeTerms,
    Loan,
    OperationalCooperationTerms,
    TradedGood,
    TradeMode,
)
from kemitraan.pattern_terms.others import (
    ChainLink,
    CorePlasmaTerms,
    FranchiseTerms,
    JointVentureTerms,
    OutsourcingTerms,
    ProfitSharingTerms,
    SubcontractTerms,
    SupplyChainTerms,
)

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
