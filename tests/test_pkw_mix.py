"""The PKW partner mix (issue 20): DUDI, UMKM, financing and a digital platform, as a caution."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kemitraan import Partner, PartnerKind, Stage
from kemitraan.parties import BusinessScale, ContributionKind, PartyProfile, ScaleEvidence
from kemitraan.programs import PkwRole, pkw_mix, pkw_roles
from seed import at_stage


def _partner(kind: PartnerKind, **fields: object) -> Partner:
    return Partner(name="Mitra", kind=kind, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("partner", "roles"),
    [
        (_partner(PartnerKind.BUSINESS), {PkwRole.DUDI}),  # scale unknown: business and industry
        (_partner(PartnerKind.BUSINESS, scale=BusinessScale.LARGE), {PkwRole.DUDI}),
        (_partner(PartnerKind.BUSINESS, scale=BusinessScale.MICRO), {PkwRole.UMKM}),
        (
            _partner(
                PartnerKind.BUSINESS,
                finances=ScaleEvidence(annual_sales=Decimal("18000000000"), year=2024),
            ),
            {PkwRole.DUDI, PkwRole.UMKM},  # medium by its sales
        ),
        (_partner(PartnerKind.COOPERATIVE), {PkwRole.UMKM}),
        (
            _partner(
                PartnerKind.COOPERATIVE, profile=PartyProfile(offers=[ContributionKind.CAPITAL])
            ),
            {PkwRole.UMKM, PkwRole.FINANCING},
        ),
        (
            _partner(
                PartnerKind.COMMUNITY_GROUP,
                profile=PartyProfile(offers=[ContributionKind.PRODUCTS]),
            ),
            {PkwRole.UMKM},  # a KUBE that makes goods
        ),
        (_partner(PartnerKind.COMMUNITY_GROUP), set()),  # a group that trades nothing
        (_partner(PartnerKind.FINANCIAL_INSTITUTION), {PkwRole.FINANCING}),
        (_partner(PartnerKind.DIGITAL_PLATFORM), {PkwRole.DIGITAL_PLATFORM}),
        (_partner(PartnerKind.GOVERNMENT), set()),
        (_partner(PartnerKind.COMMUNITY_FIGURE), set()),
    ],
)
def test_each_kind_of_partner_fills_its_pkw_roles(partner: Partner, roles: set[PkwRole]) -> None:
    assert pkw_roles(partner) == roles


def test_the_mix_names_who_fills_each_role_and_what_is_missing() -> None:
    mix = pkw_mix(
        [
            Partner(name="Bank Kalsel", kind=PartnerKind.FINANCIAL_INSTITUTION),
            Partner(name="Shopee", kind=PartnerKind.DIGITAL_PLATFORM),
        ]
    )
    assert mix == {
        PkwRole.DUDI: [],
        PkwRole.UMKM: [],
        PkwRole.FINANCING: ["bank-kalsel"],
        PkwRole.DIGITAL_PLATFORM: ["shopee"],
    }


def test_the_seed_is_cautioned_about_financing_and_a_platform_and_still_moves() -> None:
    p = at_stage(Stage.EXPLORATION, recorded=True)
    [caution] = [c for c in p.cautions() if c.code == "pkw_partner_mix"]
    assert caution.message.indonesian.startswith(
        "Mitra program PKW belum mencakup lembaga pembiayaan dan platform digital;"
    )
    assert "financing institution and digital platform" in caution.message.english
    assert "pkw_partner_mix" not in [r.code for r in p.unmet_requirements()]
    p.advance()
    assert p.stage is Stage.PLANNING


def test_a_programme_other_than_pkw_is_not_cautioned() -> None:
    p = at_stage(Stage.EXPLORATION, recorded=True)
    p.program = p.program.model_copy(update={"kind": "other"})
    assert "pkw_partner_mix" not in [c.code for c in p.cautions()]
