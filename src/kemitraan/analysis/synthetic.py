"""Candidates made up to try the analysis on: reproducible from a seed, never real people."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Final

from kemitraan.exploration import Exploration, ExplorationKind, ExplorationResponse, PartnerResponse
from kemitraan.learners import Business, FollowUp, Learner
from kemitraan.mapping import CandidateRegister, MappingLevel, StakeholderRating
from kemitraan.parties import ContributionKind, Institution, Partner, PartnerKind, PartyProfile
from kemitraan.partnerships import Partnership
from kemitraan.programs import Program, ProgramKind
from kemitraan.regions import Region, province_names

__all__ = ["synthetic_candidates", "synthetic_regency"]

_NAMES: Final = {
    PartnerKind.COMMUNITY_GROUP: ("KUBE", ("Mekar", "Lestari", "Bersatu", "Harapan")),
    PartnerKind.COMMUNITY_FIGURE: ("Tokoh", ("Ibu Ani", "Bapak Rahmat", "Ibu Sari", "Bapak Udin")),
    PartnerKind.BUSINESS: ("CV", ("Maju Jaya", "Kriya Nusantara", "Sinar Abadi", "Karya Mandiri")),
    PartnerKind.COOPERATIVE: ("Koperasi", ("Sejahtera", "Wanita Mandiri", "Serba Usaha", "Makmur")),
    PartnerKind.GOVERNMENT: (
        "Dinas",
        ("Koperasi dan UKM", "Perindustrian", "Tenaga Kerja", "Pendidikan"),
    ),
    PartnerKind.FINANCIAL_INSTITUTION: ("Bank", ("Rakyat", "Daerah", "Syariah", "Desa")),
    PartnerKind.VILLAGE_ENTERPRISE: (
        "BUMDes",
        ("Sumber Rejeki", "Maju Bersama", "Bina Usaha", "Tunas"),
    ),
    PartnerKind.UNIVERSITY: ("Universitas", ("Lambung", "Borneo", "Nusantara", "Banua")),
}
_LEVELS: Final = (
    MappingLevel.VILLAGE,
    MappingLevel.DISTRICT,
    MappingLevel.REGENCY,
    MappingLevel.PROVINCE,
    MappingLevel.NATIONAL,
)


def _region(home: Region, level: MappingLevel, rng: random.Random) -> Region:
    if level is MappingLevel.NATIONAL:
        others = [name for name in province_names() if name != home.province]
        return Region(province=rng.choice(others))
    keep = {
        MappingLevel.VILLAGE: ("regency", "district", "village"),
        MappingLevel.DISTRICT: ("regency", "district"),
        MappingLevel.REGENCY: ("regency",),
        MappingLevel.PROVINCE: (),
    }[level]
    values = {field: getattr(home, field) for field in keep}
    if level is MappingLevel.PROVINCE:
        values["regency"] = f"Kabupaten Lain {rng.randint(1, 9)}"
    return Region(province=home.province, **values)


def synthetic_candidates(
    program: Program, n: int = 20, *, seed: int = 0, home: Region | None = None
) -> CandidateRegister:
    """A register of ``n`` made-up candidates for ``program``, the same for the same seed.

    Kinds, levels, offers (leaning toward the programme's needs), profile items and
    stakeholder ratings are drawn at random; every fifth candidate is not rated.

    >>> from kemitraan import Program, Region
    >>> program = Program(name="Menjahit", objectives=["Mandiri"],
    ...                   location=Region(province="Bali", regency="Kabupaten Gianyar"))
    >>> register = synthetic_candidates(program, 5, seed=1)
    >>> len(register.candidates), register == synthetic_candidates(program, 5, seed=1)
    (5, True)
    """
    rng = random.Random(seed)
    origin = home or program.location or Region(province="Kalimantan Selatan")
    wanted = [need.category for need in program.needs] or list(ContributionKind)
    kinds = list(_NAMES)
    candidates: list[Partner] = []
    ratings: list[StakeholderRating] = []
    for index in range(1, n + 1):
        kind = rng.choice(kinds)
        prefix, names = _NAMES[kind]
        offers = {rng.choice(wanted) for _ in range(rng.randint(0, 2))}
        offers |= {rng.choice(list(ContributionKind)) for _ in range(rng.randint(0, 2))}
        offers.discard(ContributionKind.OTHER)
        profile = PartyProfile(
            offers=ContributionKind.in_order(offers),
            needs=[rng.choice(list(ContributionKind))] if rng.random() < 0.5 else [],
            goals=["Mengembangkan usaha bersama masyarakat"] if rng.random() < 0.7 else [],
            scope_of_work=["Pemberdayaan ekonomi"] if rng.random() < 0.6 else [],
            vision="Masyarakat mandiri" if rng.random() < 0.4 else None,
        )
        partner = Partner(
            name=f"{prefix} {rng.choice(names)} {index}",
            id=f"calon-{index}",
            kind=kind,
            region=_region(origin, rng.choice(_LEVELS), rng),
            profile=profile,
        )
        candidates.append(partner)
        if index % 5:
            ratings.append(
                StakeholderRating(
                    partner_id=partner.id,
                    power=rng.randint(1, 5),
                    interest=rng.randint(1, 5),
                    legitimacy=rng.randint(1, 5),
                    urgency=rng.randint(1, 5),
                )
            )
    return CandidateRegister(program=program, candidates=candidates, ratings=ratings, home=home)


_MIX: Final = (
    PartnerKind.BUSINESS,
    PartnerKind.COMMUNITY_GROUP,
    PartnerKind.COOPERATIVE,
    PartnerKind.FINANCIAL_INSTITUTION,
    PartnerKind.DIGITAL_PLATFORM,
    PartnerKind.GOVERNMENT,
)


def synthetic_regency(
    n: int = 12,
    *,
    seed: int = 0,
    province: str = "Kalimantan Selatan",
    regencies: tuple[str, ...] = ("Kabupaten Banjar", "Kota Banjarbaru", "Kabupaten Tapin"),
    minimum_wage: Decimal = Decimal(3_500_000),
) -> list[Partnership]:
    """``n`` made-up PKW partnerships of PKBM in ``regencies``, the same for the same seed.

    Each has two to four partners of assorted kinds (some agreed at the audience, some
    not), and ten to twenty-five learners with what became of them a year on: completed
    or not, a business started (with an NIB or not), a follow-up income against
    ``minimum_wage``. They stand at the first step (no move is made up): for the roll-up of
    the PKW partner mix and the learners' measures.

    >>> regency = synthetic_regency(3, seed=1)
    >>> [p.institution.region.regency for p in regency] == [
    ...     p.institution.region.regency for p in synthetic_regency(3, seed=1)]
    True
    """
    rng = random.Random(seed)
    made = []
    for index in range(1, n + 1):
        regency = regencies[(index - 1) % len(regencies)]
        institution = Institution(
            name=f"PKBM Mandiri {index}",
            id=f"pkbm-{index}",
            region=Region(province=province, regency=regency),
        )
        partners, responses = [], []
        for number, kind in enumerate(rng.sample(_MIX, rng.randint(2, 4)), start=1):
            prefix, names = _NAMES.get(kind, ("Platform", ("Niaga", "Pasar", "Dagang", "Lapak")))
            offers = [ContributionKind.PRODUCTS] if kind is PartnerKind.COMMUNITY_GROUP else []
            partner = Partner(
                name=f"{prefix} {rng.choice(names)} {index}-{number}",
                id=f"mitra-{index}-{number}",
                kind=kind,
                profile=PartyProfile(offers=offers),
            )
            partners.append(partner)
            answer = PartnerResponse.AGREED if rng.random() < 0.8 else PartnerResponse.DECLINED
            responses.append(ExplorationResponse(partner_id=partner.id, response=answer))
        learners = [_learner(index, number, rng) for number in range(1, rng.randint(10, 25) + 1)]
        made.append(
            Partnership(
                id=f"kemitraan-{index}",
                institution=institution,
                program=Program(
                    name="Pembuatan Tas Rajut",
                    kind=ProgramKind.PKW,
                    objectives=["Peserta berwirausaha"],
                    minimum_wage=minimum_wage,
                ),
                partners=partners,
                explorations=[
                    Exploration(
                        on=date(2025, 2, 3),
                        kind=ExplorationKind.AUDIENCE,
                        partner_ids=[p.id for p in partners],
                        responses=responses,
                    )
                ],
                learners=learners,
            )
        )
    return made


def _learner(index: int, number: int, rng: random.Random) -> Learner:
    enrolled = date(2025, 4, 14)
    completed = rng.random() < 0.85
    fields: dict[str, Any] = (
        {"completed_on": date(2025, 7, 31)} if completed else {"dropped_out_on": date(2025, 6, 2)}
    )
    if completed and rng.random() < 0.6:
        fields["business"] = Business(
            started_on=date(2025, 9, 1) + timedelta(days=rng.randint(0, 120)),
            products=["Tas rajut"],
            nib=f"{rng.randint(10**12, 10**13 - 1)}" if rng.random() < 0.5 else None,
        )
    if completed:
        income = Decimal(rng.randrange(1_000_000, 6_000_000, 50_000))
        fields["follow_ups"] = [FollowUp(on=date(2026, 2, 2), monthly_income=income)]
    return Learner(
        id=f"pd-{index}-{number:02d}", name=f"Peserta {number}", enrolled_on=enrolled, **fields
    )
