"""Candidates made up to try the analysis on: reproducible from a seed, never real people."""

from __future__ import annotations

import random
from typing import Final

from kemitraan.mapping import CandidateRegister, MappingLevel, StakeholderRating
from kemitraan.parties import ContributionKind, Partner, PartnerKind, PartyProfile
from kemitraan.programs import Program
from kemitraan.regions import Region, province_names

__all__ = ["synthetic_candidates"]

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
