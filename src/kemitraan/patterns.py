"""Partnership patterns (*pola kemitraan*, guide B): their kinds and meaning.

The guide names four patterns: agency (*keagenan*), operational cooperation
(*kerja sama operasional*, KSO), foster parent (*bapak angkat – anak angkat*) and
general trade (*dagang umum*). PP 7/2021 allows more (core–plasma,
subcontracting, franchise, supply chain, profit sharing, joint venture,
outsourcing). :class:`PatternKind` names them all and :func:`pattern_info` gives a
pattern's names, description, source and the model of its terms
(:mod:`kemitraan.pattern_terms`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from kemitraan._base import LabelledEnum
from kemitraan.exceptions import NotFoundError
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
    TermsBase,
)

__all__ = ["PatternInfo", "PatternKind", "pattern_info"]


class PatternKind(LabelledEnum):
    """The partnership patterns: the guide's four first, then PP 7/2021's others.

    >>> PatternKind.FOSTER_PARENT.label_id, PatternKind.FOSTER_PARENT.in_guide
    ('Bapak angkat – anak angkat', True)
    """

    AGENCY = "agency", "Keagenan", "Agency"
    OPERATIONAL_COOPERATION = (
        "operational_cooperation",
        "Kerja sama operasional",
        "Operational cooperation",
    )
    FOSTER_PARENT = "foster_parent", "Bapak angkat – anak angkat", "Foster parent"
    GENERAL_TRADE = "general_trade", "Dagang umum", "General trade"
    CORE_PLASMA = "core_plasma", "Inti-plasma", "Core–plasma"
    SUBCONTRACT = "subcontract", "Subkontrak", "Subcontracting"
    FRANCHISE = "franchise", "Waralaba", "Franchise"
    SUPPLY_CHAIN = "supply_chain", "Rantai pasok", "Supply chain"
    PROFIT_SHARING = "profit_sharing", "Bagi hasil", "Profit sharing"
    JOINT_VENTURE = "joint_venture", "Usaha patungan", "Joint venture"
    OUTSOURCING = "outsourcing", "Penyumberluaran", "Outsourcing"

    @property
    def in_guide(self) -> bool:
        """Whether the guide itself (section B) names this pattern."""
        return pattern_info(self).source.startswith("Panduan")


@dataclass(frozen=True, slots=True)
class PatternInfo:
    """A pattern's names, meaning and the model of its terms.

    >>> info = pattern_info(PatternKind.GENERAL_TRADE)
    >>> info.name_en, info.source
    ('General trade', 'Panduan Melakukan Kemitraan, bagian B')
    """

    kind: PatternKind
    """The pattern."""
    description_id: str
    """What it is, in Indonesian, in the guide's or the regulation's sense."""
    description_en: str
    """The same in English."""
    source: str
    """Where the pattern is defined."""
    terms_model: type[TermsBase]
    """The model of its terms."""

    @property
    def name_id(self) -> str:
        """Indonesian name."""
        return self.kind.label_id

    @property
    def name_en(self) -> str:
        """English name."""
        return self.kind.label_en


_GUIDE: Final = "Panduan Melakukan Kemitraan, bagian B"
_PP: Final = "PP 7/2021 (pelaksanaan UU 20/2008)"

_INFO: Final[dict[PatternKind, PatternInfo]] = {
    info.kind: info
    for info in (
        PatternInfo(
            PatternKind.AGENCY,
            "Hubungan kemitraan yang di dalamnya usaha kecil diberi hak khusus untuk "
            "memasarkan barang dan jasa usaha menengah atau usaha besar mitranya.",
            "A partnership in which a small business is given a special right to market "
            "the goods and services of its medium or large partner.",
            _GUIDE,
            AgencyTerms,
        ),
        PatternInfo(
            PatternKind.OPERATIONAL_COOPERATION,
            "Hubungan bisnis antara kelompok mitra yang menyediakan lahan, sarana dan tenaga "
            "kerja dengan perusahaan mitra yang menyediakan biaya, modal, manajemen dan "
            "pengadaan sarana produksi, sekaligus menjamin pasar dan meningkatkan nilai "
            "tambah produk; pembagian hasil dan risiko disepakati bersama.",
            "A business relationship in which a partner group provides land, facilities and "
            "labour and a partner company provides funds, capital, management and production "
            "inputs, guarantees the market and adds value to the product; the sharing of "
            "profit and risk is agreed.",
            _GUIDE,
            OperationalCooperationTerms,
        ),
        PatternInfo(
            PatternKind.FOSTER_PARENT,
            "Hubungan antara pengusaha besar yang bersedia membantu perkembangan pengusaha "
            "kecil, misalnya BUMN yang memberikan modal tanpa bunga kepada peternak di daerah "
            "miskin.",
            "A relationship in which a large business is willing to help a small business "
            "grow, for example a state enterprise giving interest-free capital to breeders "
            "in poor regions.",
            _GUIDE,
            FosterParentTerms,
        ),
        PatternInfo(
            PatternKind.GENERAL_TRADE,
            "Hubungan kemitraan antara usaha kecil dengan usaha menengah atau besar, dalam hal ini "
            "usaha menengah atau besar memasarkan hasil produksi usaha kecil, atau usaha kecil "
            "memasok kebutuhan usaha menengah atau besar sesuai persyaratan dan kualitas yang "
            "disepakati bersama.",
            "A partnership between a small business and a medium or large one, in which the "
            "larger business markets the small one's products, or the small business supplies "
            "what the larger one needs to the quality agreed together.",
            _GUIDE,
            GeneralTradeTerms,
        ),
        PatternInfo(
            PatternKind.CORE_PLASMA,
            "Usaha besar sebagai inti membina dan mengembangkan usaha mikro, kecil dan "
            "menengah sebagai plasma, serta menampung hasil produksinya.",
            "A large business as the core supports and develops micro, small and medium "
            "businesses as its plasma, and takes up their output.",
            _PP,
            CorePlasmaTerms,
        ),
        PatternInfo(
            PatternKind.SUBCONTRACT,
            "Usaha kecil memproduksi komponen atau jasa yang diperlukan usaha menengah atau "
            "besar sebagai bagian dari produksinya.",
            "A small business produces parts or services a medium or large business needs "
            "as part of its production.",
            _PP,
            SubcontractTerms,
        ),
        PatternInfo(
            PatternKind.FRANCHISE,
            "Pemberi waralaba memberikan hak penggunaan merek dan sistem usahanya kepada "
            "penerima waralaba.",
            "The franchisor grants the franchisee the right to use its brand and business system.",
            _PP,
            FranchiseTerms,
        ),
        PatternInfo(
            PatternKind.SUPPLY_CHAIN,
            "Para pihak terhubung dalam satu rantai pasok, dari produksi hingga penjualan.",
            "The parties are linked along one supply chain, from production to sale.",
            _PP,
            SupplyChainTerms,
        ),
        PatternInfo(
            PatternKind.PROFIT_SHARING,
            "Para pihak menyatukan kontribusi dan membagi hasil usaha menurut persentase yang "
            "disepakati.",
            "The parties pool contributions and share the result by agreed percentages.",
            _PP,
            ProfitSharingTerms,
        ),
        PatternInfo(
            PatternKind.JOINT_VENTURE,
            "Para pihak mendirikan usaha bersama dan memilikinya menurut bagian yang disepakati.",
            "The parties found a joint business and own it in agreed shares.",
            _PP,
            JointVentureTerms,
        ),
        PatternInfo(
            PatternKind.OUTSOURCING,
            "Usaha menengah atau besar menyerahkan pekerjaan di luar usaha pokoknya kepada "
            "usaha mikro atau kecil.",
            "A medium or large business hands work outside its core business to a micro or "
            "small business.",
            _PP,
            OutsourcingTerms,
        ),
    )
}


def pattern_info(kind: PatternKind | str) -> PatternInfo:
    """The names, description and terms model of a pattern.

    >>> pattern_info("foster_parent").name_id
    'Bapak angkat – anak angkat'
    >>> pattern_info(PatternKind.AGENCY).terms_model.__name__
    'AgencyTerms'
    """
    try:
        return _INFO[PatternKind(kind)]
    except ValueError:
        raise NotFoundError(str(kind), [k.value for k in PatternKind], what="pattern") from None
