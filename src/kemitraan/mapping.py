"""Mapping candidate partners (guide A.1): the register, its levels and the stakeholder maps.

"Pemetaan dilakukan secara berhadap mulai dari yang lebih kecil kepada hal yang lebih
besar": a :class:`CandidateRegister` holds the candidates a facilitator maps for one
programme and shows them level by level, from the programme's own village out to the
nation (:meth:`CandidateRegister.by_level`), says which of the guide's five kinds of
partner are still missing (:meth:`CandidateRegister.missing_kinds`) and which of the
programme's needs no candidate offers yet (:meth:`CandidateRegister.uncovered_needs`).

Each candidate can be rated (:class:`StakeholderRating`, 1 to 5) for power, interest,
legitimacy and urgency, which places it on the power–interest grid
(:class:`GridQuadrant`) and in the salience model of Mitchell, Agle and Wood
(:class:`Salience`).

>>> from kemitraan import Partner, PartnerKind, Program, Region
>>> register = CandidateRegister(
...     program=Program(
...         name="Pembuatan Tas Rajut",
...         objectives=["Peserta mampu memproduksi dan menjual tas rajut"],
...         location=Region(province="Kalimantan Selatan", regency="Kabupaten Banjar",
...                         district="Martapura"),
...     ),
...     candidates=[
...         Partner(name="KUBE Rajut Lestari", kind=PartnerKind.COMMUNITY_GROUP,
...                 region=Region(province="Kalsel", regency="Kabupaten Banjar",
...                               district="Martapura")),
...         Partner(name="CV Kriya Banua", kind=PartnerKind.BUSINESS,
...                 region=Region(province="Kalsel", regency="Kota Banjarmasin")),
...     ],
...     ratings=[StakeholderRating(partner_id="cv-kriya-banua", power=4, interest=5)],
... )
>>> [(group.level.value, [c.id for c in group.candidates]) for group in register.by_level()]
[('district', ['kube-rajut-lestari']), ('province', ['cv-kriya-banua'])]
>>> [kind.value for kind in register.missing_kinds()]
['community_figure', 'cooperative', 'government']
>>> register.quadrant("cv-kriya-banua").label_id
'Kelola secara dekat'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Self

from pydantic import Field, model_validator

from kemitraan._base import (
    KemitraanModel,
    LabelledEnum,
    Language,
    ValueModel,
    field_error,
    reject_duplicates,
)
from kemitraan._types import PartyId
from kemitraan.exceptions import InvalidArgumentError, UnknownPartyError
from kemitraan.parties import ContributionKind, Partner, PartnerKind
from kemitraan.programs import Program, ProgramNeed
from kemitraan.regions import Region, regency_name

__all__ = [
    "CandidateRegister",
    "GridQuadrant",
    "LevelGroup",
    "MappingLevel",
    "Salience",
    "StakeholderRating",
    "mapping_level",
]


class MappingLevel(LabelledEnum):
    """How far from the programme a candidate works, from the smaller to the larger (A.1).

    >>> [level.label_id for level in MappingLevel][:2]
    ['Desa/kelurahan', 'Kecamatan']
    """

    VILLAGE = "village", "Desa/kelurahan", "Village"
    DISTRICT = "district", "Kecamatan", "District"
    REGENCY = "regency", "Kabupaten/kota", "Regency or city"
    PROVINCE = "province", "Provinsi", "Province"
    NATIONAL = "national", "Nasional", "National"

    @property
    def rank(self) -> int:
        """1 for the village up to 5 for the nation."""
        return _LEVEL_RANK[self]


_LEVEL_RANK: Final = {level: index for index, level in enumerate(MappingLevel, start=1)}


class GridQuadrant(LabelledEnum):
    """Where a stakeholder sits on the power–interest grid, and how to engage it.

    >>> GridQuadrant.KEEP_SATISFIED.label_en
    'Keep satisfied'
    """

    MANAGE_CLOSELY = "manage_closely", "Kelola secara dekat", "Manage closely"
    KEEP_SATISFIED = "keep_satisfied", "Jaga kepuasannya", "Keep satisfied"
    KEEP_INFORMED = "keep_informed", "Beri informasi", "Keep informed"
    MONITOR = "monitor", "Pantau", "Monitor"


class Salience(LabelledEnum):
    """The salience class of a stakeholder: which of power, legitimacy and urgency it holds.

    After Mitchell, Agle and Wood (1997): the more attributes, the more attention it is owed.

    >>> Salience.DEFINITIVE.label_id
    'Definitif (kuasa, legitimasi dan urgensi)'
    """

    DEFINITIVE = (
        "definitive",
        "Definitif (kuasa, legitimasi dan urgensi)",
        "Definitive (power, legitimacy and urgency)",
    )
    DOMINANT = "dominant", "Dominan (kuasa dan legitimasi)", "Dominant (power and legitimacy)"
    DANGEROUS = "dangerous", "Berbahaya (kuasa dan urgensi)", "Dangerous (power and urgency)"
    DEPENDENT = (
        "dependent",
        "Bergantung (legitimasi dan urgensi)",
        "Dependent (legitimacy and urgency)",
    )
    DORMANT = "dormant", "Dorman (hanya kuasa)", "Dormant (power only)"
    DISCRETIONARY = "discretionary", "Diskresioner (hanya legitimasi)", "Discretionary (legitimacy)"
    DEMANDING = "demanding", "Menuntut (hanya urgensi)", "Demanding (urgency only)"
    NON_STAKEHOLDER = "non_stakeholder", "Bukan pemangku kepentingan", "Not a stakeholder"


# (power, legitimacy, urgency) held → class.
_SALIENCE: Final = {
    (True, True, True): Salience.DEFINITIVE,
    (True, True, False): Salience.DOMINANT,
    (True, False, True): Salience.DANGEROUS,
    (False, True, True): Salience.DEPENDENT,
    (True, False, False): Salience.DORMANT,
    (False, True, False): Salience.DISCRETIONARY,
    (False, False, True): Salience.DEMANDING,
    (False, False, False): Salience.NON_STAKEHOLDER,
}

_Score = int


class StakeholderRating(ValueModel):
    """How a facilitator rates one candidate, each attribute from 1 (low) to 5 (high).

    An attribute not rated counts as low. ``level`` records the level a candidate works
    at when its office's address says otherwise (a regency's Dinas sits in one district).

    >>> StakeholderRating(partner_id="dinas", power=5, legitimacy=5).salience()
    <Salience.DOMINANT: 'dominant'>
    """

    partner_id: PartyId
    """The candidate rated."""
    power: _Score | None = Field(default=None, ge=1, le=5)
    """Its power to make the programme succeed or fail (resources, authority)."""
    interest: _Score | None = Field(default=None, ge=1, le=5)
    """How much it cares about the programme."""
    legitimacy: _Score | None = Field(default=None, ge=1, le=5)
    """How proper its claim to a say is (mandate, law, community standing)."""
    urgency: _Score | None = Field(default=None, ge=1, le=5)
    """How pressing its claims are."""
    level: MappingLevel | None = None
    """The level it works at, when that is not where its office is."""

    def quadrant(self, high_from: int = 4) -> GridQuadrant:
        """Its place on the power–interest grid; a score of ``high_from`` or more is high."""
        power, interest = _high(self.power, high_from), _high(self.interest, high_from)
        if power:
            return GridQuadrant.MANAGE_CLOSELY if interest else GridQuadrant.KEEP_SATISFIED
        return GridQuadrant.KEEP_INFORMED if interest else GridQuadrant.MONITOR

    def salience(self, high_from: int = 4) -> Salience:
        """Its salience class; an attribute scored ``high_from`` or more is held."""
        held = (
            _high(self.power, high_from),
            _high(self.legitimacy, high_from),
            _high(self.urgency, high_from),
        )
        return _SALIENCE[held]


def _high(score: int | None, high_from: int) -> bool:
    if not 1 <= high_from <= 5:
        raise InvalidArgumentError.saying(
            "{argument} must be from 1 to 5, not {value}", argument="high_from", value=high_from
        )
    return score is not None and score >= high_from


def _same(a: str | None, b: str | None) -> bool:
    return (
        a is not None
        and b is not None
        and " ".join(a.casefold().split()) == " ".join(b.casefold().split())
    )


def _same_regency(a: str | None, b: str | None) -> bool:
    """One regency or city however typed ("Kab. Banjar", "KABUPATEN BANJAR", "Banjar").

    A bare name is the regency or city of that name: within one province both are
    near, and the register's level is a measure of nearness.
    """
    if a is None or b is None:
        return False
    one, other = regency_name(a).casefold(), regency_name(b).casefold()
    if one == other:
        return True
    bare = {name.removeprefix("kabupaten ").removeprefix("kota ") for name in (one, other)}
    return len(bare) == 1 and not (one.startswith(("kabupaten ", "kota ")) and
                                   other.startswith(("kabupaten ", "kota ")))  # fmt: skip


def _level(
    candidate: Partner, rating: StakeholderRating | None, home: Region | None
) -> MappingLevel | None:
    if rating is not None and rating.level is not None:
        return rating.level
    return mapping_level(candidate.region, home)


def mapping_level(region: Region | None, home: Region | None) -> MappingLevel | None:
    """The smallest level at which ``region`` lies within ``home``; ``None`` when unknown.

    A candidate in the programme's village is at village level, one elsewhere in the
    same district at district level, and so on out to the nation.

    >>> home = Region(province="Kalsel", regency="Kabupaten Banjar", district="Martapura")
    >>> mapping_level(Region(province="Kalsel", regency="Kabupaten Banjar"), home)
    <MappingLevel.REGENCY: 'regency'>
    >>> mapping_level(Region(province="Bali"), home)
    <MappingLevel.NATIONAL: 'national'>
    """
    if region is None or home is None:
        return None
    if region.province != home.province:
        return MappingLevel.NATIONAL
    if not _same_regency(region.regency, home.regency):
        return MappingLevel.PROVINCE
    if not _same(region.district, home.district):
        return MappingLevel.REGENCY
    if not _same(region.village, home.village):
        return MappingLevel.DISTRICT
    return MappingLevel.VILLAGE


@dataclass(frozen=True, slots=True)
class LevelGroup:
    """The candidates mapped at one level (``level`` is ``None`` for those not located).

    >>> group = LevelGroup(None, (Partner(name="Toko A", kind=PartnerKind.BUSINESS),))
    >>> group.label("en"), group.kinds
    ('Unknown', [<PartnerKind.BUSINESS: 'business'>])
    """

    level: MappingLevel | None
    """The level."""
    candidates: tuple[Partner, ...]
    """The candidates at it, in the register's order."""

    @property
    def kinds(self) -> list[PartnerKind]:
        """The kinds of partner found at this level, in declaration order."""
        return PartnerKind.in_order({candidate.kind for candidate in self.candidates})

    def label(self, language: Language = "id") -> str:
        """The level's label; "Belum diketahui" / "Unknown" when not located."""
        if self.level is None:
            return "Belum diketahui" if language == "id" else "Unknown"
        return self.level.label(language)


class CandidateRegister(KemitraanModel):
    """The candidates mapped for one programme (guide A.1), with their stakeholder ratings.

    ``home`` is where the programme works (its location when not given); levels are
    measured from it.

    >>> register = CandidateRegister(
    ...     program=Program(name="PKW", objectives=["Mandiri"]),
    ...     candidates=[Partner(name="Koperasi A", kind=PartnerKind.COOPERATIVE)],
    ...     home=Region(province="Bali"))
    >>> [kind.value for kind in register.missing_kinds()]
    ['community_group', 'community_figure', 'business', 'government']
    """

    program: Program
    """The programme partners are sought for."""
    candidates: list[Partner] = Field(default_factory=list)
    """The candidates, in the order they were mapped."""
    ratings: list[StakeholderRating] = Field(default_factory=list)
    """Ratings of candidates, at most one each."""
    home: Region | None = None
    """Where the programme works, when not its ``program.location``."""

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        ids = reject_duplicates(
            self,
            [candidate.id for candidate in self.candidates],
            lambda index: ("candidates", index, "id"),
            "duplicate_party_id",
            "candidate id '{value}' is used twice",
        )
        reject_duplicates(
            self,
            [rating.partner_id for rating in self.ratings],
            lambda index: ("ratings", index, "partner_id"),
            "duplicate_rating",
            "candidate '{value}' is rated twice",
        )
        for index, rating in enumerate(self.ratings):
            if rating.partner_id not in ids:
                raise field_error(
                    self,
                    ("ratings", index, "partner_id"),
                    "unknown_party",
                    "rating names '{value}', which is not a candidate",
                    value=rating.partner_id,
                )
        return self

    @property
    def origin(self) -> Region | None:
        """Where levels are measured from."""
        return self.home or self.program.location

    def candidate(self, partner_id: str) -> Partner:
        """The candidate with ``partner_id``.

        Raises:
            UnknownPartyError: when no candidate has that id (a ``KeyError``).
        """
        for candidate in self.candidates:
            if candidate.id == partner_id:
                return candidate
        raise UnknownPartyError(partner_id, [candidate.id for candidate in self.candidates])

    def rating(self, partner_id: str) -> StakeholderRating:
        """The rating of ``partner_id`` (an empty rating when it has none)."""
        self.candidate(partner_id)
        for rating in self.ratings:
            if rating.partner_id == partner_id:
                return rating
        return StakeholderRating(partner_id=partner_id)

    def level_of(self, partner_id: str) -> MappingLevel | None:
        """The level the candidate works at: its rating's ``level``, else from its region."""
        return _level(self.candidate(partner_id), self.rating(partner_id), self.origin)

    def entries(self) -> list[tuple[Partner, StakeholderRating | None, MappingLevel | None]]:
        """Every candidate with its rating (``None`` if unrated) and level, in order.

        One pass over the register: what the views, the frames and the score read.

        >>> register = CandidateRegister(
        ...     program=Program(name="PKW", objectives=["Mandiri"]),
        ...     candidates=[Partner(name="Toko A", kind=PartnerKind.BUSINESS)])
        >>> [(c.id, rating, level) for c, rating, level in register.entries()]
        [('toko-a', None, None)]
        """
        rated = {rating.partner_id: rating for rating in self.ratings}
        origin = self.origin
        found = []
        for candidate in self.candidates:
            rating = rated.get(candidate.id)
            found.append((candidate, rating, _level(candidate, rating, origin)))
        return found

    def by_level(self) -> list[LevelGroup]:
        """The candidates level by level, from the village out to the nation.

        Levels with no candidate are left out; candidates not located come last.
        """
        groups: dict[MappingLevel | None, list[Partner]] = {}
        for candidate, _, level in self.entries():
            groups.setdefault(level, []).append(candidate)
        order = [*MappingLevel, None]
        return [LevelGroup(level, tuple(groups[level])) for level in order if level in groups]

    def kinds(self) -> dict[PartnerKind, int]:
        """How many candidates of each kind were mapped, in declaration order."""
        counts: dict[PartnerKind, int] = {}
        for candidate in self.candidates:
            counts[candidate.kind] = counts.get(candidate.kind, 0) + 1
        return {kind: counts[kind] for kind in PartnerKind.in_order(counts)}

    def missing_kinds(self, wanted: frozenset[PartnerKind] | None = None) -> list[PartnerKind]:
        """The kinds in ``wanted`` (the guide's five by default) no candidate is of yet."""
        wanted = wanted if wanted is not None else frozenset(k for k in PartnerKind if k.in_guide)
        return PartnerKind.in_order(wanted - {candidate.kind for candidate in self.candidates})

    def uncovered_needs(self) -> list[ProgramNeed]:
        """The programme's needs whose category no candidate offers."""
        offered: set[ContributionKind] = set()
        for candidate in self.candidates:
            offered.update(candidate.profile.offers)
        return [need for need in self.program.needs if not need.met_by(offered)]

    def quadrant(self, partner_id: str, high_from: int = 4) -> GridQuadrant:
        """The candidate's place on the power–interest grid."""
        return self.rating(partner_id).quadrant(high_from)

    def salience(self, partner_id: str, high_from: int = 4) -> Salience:
        """The candidate's salience class."""
        return self.rating(partner_id).salience(high_from)

    def grid(self, high_from: int = 4) -> dict[GridQuadrant, list[Partner]]:
        """The candidates in each quadrant of the power–interest grid (every quadrant listed)."""
        grid: dict[GridQuadrant, list[Partner]] = {quadrant: [] for quadrant in GridQuadrant}
        for candidate, rating, _ in self.entries():
            rating = rating or StakeholderRating(partner_id=candidate.id)
            grid[rating.quadrant(high_from)].append(candidate)
        return grid
