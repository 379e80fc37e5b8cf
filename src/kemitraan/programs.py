"""The institution's programme: what partners are sought for.

A PKBM or LKP runs a programme (a PKW course such as "Pembuatan Tas Rajut") with
objectives, and has problems and needs that partners should help with. Guide A.3
weighs each candidate against exactly these problems and needs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final, Self

from pydantic import Field, model_validator

from kemitraan._base import LabelledEnum, ValueModel, VersionedDocument, reject_duplicates
from kemitraan._types import NonEmptyStr, PartyId, Period, Rupiah, ShortText
from kemitraan.exceptions import UnknownNeedError
from kemitraan.parties import BusinessScale, ContributionKind, Partner, PartnerKind
from kemitraan.regions import Region

__all__ = [
    "OFFERS_MEETING",
    "NeedKind",
    "Participants",
    "PkwRole",
    "Program",
    "ProgramKind",
    "ProgramNeed",
    "pkw_mix",
    "pkw_roles",
    "roles_of",
]


class ProgramKind(LabelledEnum):
    """The kind of non-formal education programme.

    >>> ProgramKind.PKW.label_id
    'Pendidikan Kecakapan Wirausaha (PKW)'
    """

    PKW = (
        "pkw",
        "Pendidikan Kecakapan Wirausaha (PKW)",
        "Entrepreneurship skills education (PKW)",
    )
    PKK = "pkk", "Pendidikan Kecakapan Kerja (PKK)", "Work skills education (PKK)"
    LITERACY = "literacy", "Pendidikan keaksaraan", "Literacy education"
    EQUIVALENCY = "equivalency", "Pendidikan kesetaraan (Paket A/B/C)", "Equivalency education"
    COURSE = "course", "Kursus dan pelatihan", "Course and training"
    OTHER = "other", "Program lainnya", "Other programme"


class NeedKind(LabelledEnum):
    """Whether an item is a problem to solve or a need to meet (guide A.3).

    >>> NeedKind.PROBLEM.label_id
    'Permasalahan'
    """

    PROBLEM = "problem", "Permasalahan", "Problem"
    NEED = "need", "Kebutuhan", "Need"


class ProgramNeed(ValueModel):
    """A problem or need of the programme that a partner could help with.

    >>> ProgramNeed(
    ...     code="pemasaran",
    ...     description="Hasil rajutan peserta belum punya pasar tetap",
    ...     kind=NeedKind.PROBLEM,
    ...     category=ContributionKind.MARKET_ACCESS,
    ... ).category.label_id
    'Akses pasar'
    """

    code: PartyId
    """Short stable code, referred to by relevance assessments (e.g. ``"pemasaran"``)."""
    description: NonEmptyStr
    """The problem or need, in the facilitator's words."""
    kind: NeedKind = NeedKind.NEED
    """Problem or need."""
    category: ContributionKind = ContributionKind.OTHER
    """What a partner would have to contribute to meet it."""

    def met_by(self, offers: Iterable[ContributionKind]) -> bool:
        """Whether any of ``offers`` meets this need (see :data:`OFFERS_MEETING`).

        >>> need = ProgramNeed(code="pemasaran", description="Belum ada pasar",
        ...                    category=ContributionKind.MARKET_ACCESS)
        >>> need.met_by([ContributionKind.OFFTAKE]), need.met_by([ContributionKind.LAND])
        (True, False)
        """
        return not OFFERS_MEETING[self.category].isdisjoint(offers)


_K = ContributionKind

OFFERS_MEETING: Final[Mapping[ContributionKind, frozenset[ContributionKind]]] = {
    **{kind: frozenset({kind}) for kind in ContributionKind if kind is not _K.OTHER},
    _K.OTHER: frozenset(),
    _K.CAPITAL: frozenset({_K.CAPITAL, _K.INTEREST_FREE_CAPITAL}),
    _K.MANAGEMENT: frozenset({_K.MANAGEMENT, _K.MENTORING}),
    _K.MARKET_GUARANTEE: frozenset({_K.MARKET_GUARANTEE, _K.OFFTAKE}),
    _K.OFFTAKE: frozenset({_K.OFFTAKE, _K.MARKET_GUARANTEE}),
    _K.PRODUCTS: frozenset({_K.PRODUCTS, _K.SUPPLY}),
    _K.SUPPLY: frozenset({_K.SUPPLY, _K.PRODUCTS}),
    _K.TRAINING: frozenset({_K.TRAINING, _K.INSTRUCTORS, _K.APPRENTICESHIP}),
    _K.MARKET_ACCESS: frozenset(
        {
            _K.MARKET_ACCESS,
            _K.MARKETING,
            _K.OFFTAKE,
            _K.MARKET_GUARANTEE,
            _K.DISTRIBUTION,
            _K.BUSINESS_LOCATION,
        }
    ),
}
"""Which offers meet a need of each category: the category itself, and its close kin.

Market access is met by marketing, offtake, a market guarantee, distribution or a place
to sell; capital by interest-free capital too; training by instructors or apprenticeship
places. A need of category "other" is met by no offer: say what it is in a category.
"""


class Participants(ValueModel):
    """Who takes part in the programme.

    >>> Participants(count=20, target_group="Remaja putus sekolah").count
    20
    """

    count: int = Field(ge=1)
    """Number of learners."""
    target_group: NonEmptyStr
    """Who they are, e.g. ``"Ibu rumah tangga dan remaja putus sekolah"``."""
    criteria: list[NonEmptyStr] = Field(default_factory=list)
    """Selection criteria."""


class Program(VersionedDocument):
    """A programme of the institution, with the problems and needs partners should meet.

    >>> program = Program(
    ...     name="Pembuatan Tas Rajut",
    ...     kind=ProgramKind.PKW,
    ...     objectives=["Peserta mampu memproduksi dan menjual tas rajut"],
    ... )
    >>> program.title
    'PKW "Pembuatan Tas Rajut"'
    """

    name: ShortText
    """The programme's name, e.g. ``"Pembuatan Tas Rajut"``."""
    kind: ProgramKind = ProgramKind.OTHER
    """The kind of programme."""
    institution_id: PartyId | None = None
    """The institution that runs it."""
    objectives: list[NonEmptyStr] = Field(min_length=1)
    """What the programme aims to achieve."""
    needs: list[ProgramNeed] = Field(default_factory=list)
    """Problems and needs partners should help with."""
    location: Region | None = None
    """Where it runs."""
    address: NonEmptyStr | None = None
    """Where it runs, as a street address."""
    period: Period | None = None
    """When it runs."""
    participants: Participants | None = None
    """Who takes part."""
    minimum_wage: Rupiah | None = None
    """The regency's minimum wage (UMK) for the programme's year, per month: PKW's measure."""

    @model_validator(mode="after")
    def _unique_need_codes(self) -> Self:
        reject_duplicates(
            self,
            [need.code for need in self.needs],
            lambda index: ("needs", index, "code"),
            "duplicate_need_code",
            "need code '{value}' is used twice",
        )
        return self

    @property
    def title(self) -> str:
        """The programme's name with its kind's short name, e.g. ``PKW "Pembuatan Tas Rajut"``."""
        if self.kind in (ProgramKind.PKW, ProgramKind.PKK):
            return f'{self.kind.value.upper()} "{self.name}"'
        return self.name

    def need(self, code: str) -> ProgramNeed:
        """The need with ``code``.

        Raises:
            UnknownNeedError: when no need has that code (a ``KeyError``).
        """
        for item in self.needs:
            if item.code == code:
                return item
        raise UnknownNeedError(code, [need.code for need in self.needs])


class PkwRole(LabelledEnum):
    """The four kinds of partner a PKW provider is expected to have (since 2023).

    Reported that year as the ministry's expectation: business and industry (DUDI), a
    micro, small or medium enterprise (UMKM), a financing institution and a digital
    platform.

    >>> [role.label_id for role in PkwRole]  # doctest: +NORMALIZE_WHITESPACE
    ['Dunia usaha dan dunia industri (DUDI)', 'Usaha mikro, kecil, dan menengah (UMKM)',
     'Lembaga pembiayaan', 'Platform digital']
    """

    DUDI = "dudi", "Dunia usaha dan dunia industri (DUDI)", "Business and industry (DUDI)"
    UMKM = "umkm", "Usaha mikro, kecil, dan menengah (UMKM)", "Micro, small or medium enterprise"
    FINANCING = "financing", "Lembaga pembiayaan", "Financing institution"
    DIGITAL_PLATFORM = "digital_platform", "Platform digital", "Digital platform"


_ENTERPRISES: Final = frozenset(
    {
        PartnerKind.BUSINESS,
        PartnerKind.STATE_ENTERPRISE,
        PartnerKind.VILLAGE_ENTERPRISE,
        PartnerKind.COOPERATIVE,
        PartnerKind.COMMUNITY_GROUP,
    }
)
_SMALLER: Final = frozenset({BusinessScale.MICRO, BusinessScale.SMALL, BusinessScale.MEDIUM})
_FUNDS: Final = frozenset({ContributionKind.CAPITAL, ContributionKind.INTEREST_FREE_CAPITAL})
_GOODS: Final = frozenset({ContributionKind.PRODUCTS, ContributionKind.SUPPLY})


def pkw_roles(partner: Partner) -> frozenset[PkwRole]:
    """Which of the PKW partner roles ``partner`` fills, by its kind, scale and offers.

    A business of unknown scale counts as DUDI; a medium one as both DUDI and UMKM; a
    cooperative, or a business group (a KUBE) that makes goods, as UMKM; a partner
    offering funds or interest-free capital as financing.

    >>> from kemitraan import Partner, PartnerKind
    >>> sorted(pkw_roles(Partner(name="Bank Kalsel", kind=PartnerKind.FINANCIAL_INSTITUTION)))
    [<PkwRole.FINANCING: 'financing'>]
    """
    scale = partner.scale or (partner.finances.scale if partner.finances else None)
    return roles_of(partner.kind, scale, partner.profile.offers)


def roles_of(
    kind: PartnerKind, scale: BusinessScale | None, offers: Iterable[ContributionKind]
) -> frozenset[PkwRole]:
    """:func:`pkw_roles` of a partner of ``kind`` and ``scale`` that offers ``offers``."""
    roles, offered = set[PkwRole](), set(offers)
    if kind in _ENTERPRISES:
        group = kind in (PartnerKind.COOPERATIVE, PartnerKind.COMMUNITY_GROUP)
        if not group and scale in (None, BusinessScale.MEDIUM, BusinessScale.LARGE):
            roles.add(PkwRole.DUDI)
        if kind is PartnerKind.COOPERATIVE or scale in _SMALLER:
            roles.add(PkwRole.UMKM)
        if kind is PartnerKind.COMMUNITY_GROUP and _GOODS & offered:
            roles.add(PkwRole.UMKM)  # a business group (a KUBE) that makes goods
    if kind is PartnerKind.FINANCIAL_INSTITUTION or _FUNDS & offered:
        roles.add(PkwRole.FINANCING)
    if kind is PartnerKind.DIGITAL_PLATFORM:
        roles.add(PkwRole.DIGITAL_PLATFORM)
    return frozenset(roles)


def pkw_mix(partners: Iterable[Partner]) -> dict[PkwRole, list[str]]:
    """For each PKW partner role, the ids of ``partners`` that fill it (empty: missing).

    >>> from kemitraan import Partner, PartnerKind
    >>> mix = pkw_mix([Partner(name="Tokopedia", kind=PartnerKind.DIGITAL_PLATFORM)])
    >>> [role.value for role, ids in mix.items() if not ids]
    ['dudi', 'umkm', 'financing']
    """
    found: dict[PkwRole, list[str]] = {role: [] for role in PkwRole}
    for partner in partners:
        for role in pkw_roles(partner):
            found[role].append(partner.id)
    return found
