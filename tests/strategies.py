"""Hypothesis strategies that build valid kemitraan models."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import strategies as st

from kemitraan import (
    Agreement,
    AgreementKind,
    BusinessScale,
    Contact,
    ContributionKind,
    Funding,
    GatheringMethod,
    GatheringRecord,
    Institution,
    Partner,
    PartnerKind,
    PartyProfile,
    Period,
    Program,
    ProgramNeed,
    Region,
    Representative,
    Signatory,
    Term,
)
from kemitraan.parties import EducationUnitType, GatheringApproach, ScaleEvidence
from kemitraan.pattern_terms import (
    AgencyTerms,
    ChainLink,
    Contribution,
    CorePlasmaTerms,
    FosterParentTerms,
    FranchiseTerms,
    GeneralTradeTerms,
    JointVentureTerms,
    Loan,
    OperationalCooperationTerms,
    OutsourcingTerms,
    PatternTerms,
    ProfitSharingTerms,
    SubcontractTerms,
    SupplyChainTerms,
    TradedGood,
    TradeMode,
)
from kemitraan.programs import NeedKind, Participants, ProgramKind
from kemitraan.provisions import (
    AgreementReference,
    Amendment,
    DisputeForum,
    DisputeSettlement,
    ForceMajeure,
    MonitoringArrangement,
    MonitoringFrequency,
)
from kemitraan.regions import province_names

# Text a user might type: any printable unicode (emoji, right-to-left, XML specials,
# Jinja syntax), not blank once stripped. Not unassigned code points (Cn): U+FFFE and
# U+FFFF are noncharacters no keyboard types and no XML (a workbook, a document) holds;
# the spreadsheet export refuses them by name (tests/test_spreadsheets.py).
text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Cn")), min_size=1, max_size=40
).filter(lambda s: s.strip() != "")
short = text.map(lambda s: s.strip()[:40])
texts = st.lists(text, max_size=3)
ids = st.from_regex(r"\A[a-z0-9]{1,8}(-[a-z0-9]{1,6})?\Z")
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31))
rupiah = st.decimals(min_value=0, max_value=Decimal("1e13"), places=2, allow_nan=False)
positive_rupiah = st.decimals(
    min_value=Decimal("0.01"), max_value=Decimal("1e13"), places=2, allow_nan=False
)
kinds = st.frozensets(st.sampled_from(list(ContributionKind)), min_size=1, max_size=4)

# Valid identifiers, from the test tables.
VALID_NIK = ["3171011708450001", "6371015708900002", "1101014101000003"]
VALID_NPWP = ["013121660091000", "016090524017000", "0013121660091000"]
VALID_NIP = ["198001012005011001", "197512312000122002"]
VALID_PHONE = ["081251234567", "+62 812-5123-4567", "0511 3252 777"]


def periods() -> st.SearchStrategy[Period]:
    return st.builds(
        lambda start, length: Period(start=start, end=start + timedelta(days=length)),
        days,
        st.integers(0, 2000),
    )


def terms() -> st.SearchStrategy[Term]:
    return st.builds(
        lambda start, length: Term(start=start, end=start + timedelta(days=length)),
        days,
        st.integers(1, 2000),
    )


def regions() -> st.SearchStrategy[Region]:
    return st.builds(
        Region,
        province=st.sampled_from(province_names()),
        regency=st.none() | short,
        district=st.none() | short,
        village=st.none() | short,
    )


def representatives() -> st.SearchStrategy[Representative]:
    return st.builds(
        Representative,
        name=short,
        position=short,
        nip=st.none() | st.sampled_from(VALID_NIP),
        authority=st.none() | text,
    )


def contacts() -> st.SearchStrategy[Contact]:
    return st.builds(
        Contact,
        name=st.none() | short,
        role=st.none() | short,
        phone=st.sampled_from(VALID_PHONE),
        email=st.none() | st.sampled_from(["info@pkbm.sch.id", "ketua@koperasi.co.id"]),
        personal=st.booleans(),
    )


def gathering_records() -> st.SearchStrategy[GatheringRecord]:
    return st.builds(
        GatheringRecord,
        on=days,
        method=st.sampled_from(list(GatheringMethod)),
        approach=st.sampled_from(list(GatheringApproach)),
        source=text,
        findings=text,
        by=st.none() | short,
    )


def profiles() -> st.SearchStrategy[PartyProfile]:
    return st.builds(
        PartyProfile,
        goals=texts,
        scope_of_work=texts,
        vision=st.none() | text,
        mission=texts,
        offers=st.lists(st.sampled_from(list(ContributionKind)), max_size=3),
        needs=st.lists(st.sampled_from(list(ContributionKind)), max_size=3),
        notes=texts,
        gathering_records=st.lists(gathering_records(), max_size=2),
    )


def scale_evidence() -> st.SearchStrategy[ScaleEvidence]:
    return st.one_of(
        st.builds(ScaleEvidence, working_capital=rupiah, annual_sales=st.none() | rupiah),
        st.builds(ScaleEvidence, annual_sales=rupiah),
    )


def _party_fields() -> dict[str, st.SearchStrategy[object]]:
    return {
        "name": short,
        "id": ids,
        "finances": st.none() | scale_evidence(),
        "region": st.none() | regions(),
        "address": st.none() | text,
        "representative": st.none() | representatives(),
        "contacts": st.lists(contacts(), max_size=2),
        "nib": st.none() | st.just("9120001234567"),
        "npwp": st.none() | st.sampled_from(VALID_NPWP),
        "npsn": st.none() | st.just("30304567"),
        "nik": st.none() | st.sampled_from(VALID_NIK),
        "is_foreign": st.booleans(),
        "language": st.sampled_from(["id", "en", "ja", "ar", "zh"]),
        "profile": profiles(),
    }


def partners() -> st.SearchStrategy[Partner]:
    return st.builds(
        Partner,
        kind=st.sampled_from(list(PartnerKind)),
        mapped_on=st.none() | days,
        **_party_fields(),
    )


def institutions() -> st.SearchStrategy[Institution]:
    return st.builds(
        Institution,
        unit_type=st.none() | st.sampled_from(list(EducationUnitType)),
        **_party_fields(),
    )


def scaled_partners() -> st.SearchStrategy[Partner]:
    return st.builds(
        Partner,
        name=short,
        id=ids,
        kind=st.sampled_from(list(PartnerKind)),
        scale=st.none() | st.sampled_from(list(BusinessScale)),
    )


def programs() -> st.SearchStrategy[Program]:
    needs = st.lists(
        st.builds(
            ProgramNeed,
            code=ids,
            description=text,
            kind=st.sampled_from(list(NeedKind)),
            category=st.sampled_from(list(ContributionKind)),
        ),
        max_size=3,
        unique_by=lambda n: n.code,
    )
    return st.builds(
        Program,
        name=short,
        kind=st.sampled_from(list(ProgramKind)),
        institution_id=st.none() | ids,
        objectives=st.lists(text, min_size=1, max_size=3),
        needs=needs,
        location=st.none() | regions(),
        address=st.none() | text,
        period=st.none() | periods(),
        participants=st.none()
        | st.builds(Participants, count=st.integers(1, 500), target_group=text, criteria=texts),
    )


@st.composite
def shares(draw: st.DrawFn, party_ids: list[str]) -> dict[str, Decimal]:
    """Percentages in hundredths, one per party, summing to exactly 100."""
    cuts = sorted(
        draw(
            st.lists(
                st.integers(0, 10_000), min_size=len(party_ids) - 1, max_size=len(party_ids) - 1
            )
        )
    )
    bounds = [0, *cuts, 10_000]
    return {pid: Decimal(bounds[i + 1] - bounds[i]) / 100 for i, pid in enumerate(party_ids)}


@st.composite
def pattern_terms(draw: st.DrawFn, party_ids: list[str]) -> PatternTerms:
    """Valid terms of any pattern, naming parties among ``party_ids`` (at least 3)."""
    a, b, c = party_ids[:3]
    contributions = [Contribution(party_id=p, kinds=draw(kinds)) for p in (a, b)]
    choice = draw(st.integers(0, 10))
    if choice == 0:
        return AgencyTerms(
            principal=a,
            agent=b,
            products=draw(st.lists(text, min_size=1, max_size=2)),
            territory=[draw(text)],
            exclusive=draw(st.booleans()),
            commission_percent=draw(st.none() | st.decimals(0, 100, places=2)),
        )
    if choice == 1:
        return OperationalCooperationTerms(
            contributions=contributions,
            profit_shares=draw(shares([a, b])),
            risk_shares=draw(shares([a, b])),
            market_guarantor=draw(st.sampled_from([None, a, b])),
            value_added=draw(texts),
        )
    if choice == 2:
        rate = draw(st.decimals(0, 30, places=2))
        support = frozenset(
            {ContributionKind.CAPITAL if rate else ContributionKind.INTEREST_FREE_CAPITAL}
        )
        return FosterParentTerms(
            foster_parent=a,
            foster_children=[b, c],
            support=support,
            loan=Loan(
                amount=draw(positive_rupiah),
                annual_interest_percent=rate,
                tenor_months=draw(st.integers(2, 60)),
                grace_months=1,
            ),
            mentoring_schedule=draw(st.none() | text),
        )
    if choice == 3:
        return GeneralTradeTerms(
            supplier=a,
            buyer=b,
            intermediary=draw(st.sampled_from([None, c])),
            mode=draw(st.sampled_from(list(TradeMode))),
            goods=[
                TradedGood(
                    name=draw(short),
                    quantity=draw(st.none() | st.decimals(1, 10_000, places=1)),
                    unit_price=draw(st.none() | rupiah),
                )
            ],
            quality_requirements=draw(st.lists(text, min_size=1, max_size=2)),
        )
    if choice == 4:
        return CorePlasmaTerms(core=a, plasma=[b, c], inputs_supplied=[draw(text)])
    if choice == 5:
        return SubcontractTerms(
            contractor=a,
            subcontractor=b,
            specification=draw(text),
            volume=draw(text),
            payment_terms=draw(text),
        )
    if choice == 6:
        return FranchiseTerms(
            franchisor=a,
            franchisee=b,
            brand=draw(short),
            initial_fee=draw(st.none() | rupiah),
            standards=[draw(text)],
        )
    if choice == 7:
        return SupplyChainTerms(
            links=[
                ChainLink(party_id=p, position=i + 1, role=draw(text))
                for i, p in enumerate((a, b, c))
            ]
        )
    if choice == 8:
        return ProfitSharingTerms(contributions=contributions, shares=draw(shares([a, b])))
    if choice == 9:
        return JointVentureTerms(
            venture_name=draw(short), contributions=contributions, ownership=draw(shares([a, b]))
        )
    return OutsourcingTerms(client=a, provider=b, services=[draw(text)])


@st.composite
def agreements(draw: st.DrawFn) -> Agreement:
    institution = draw(institutions())
    partners_ = draw(
        st.lists(partners(), min_size=2, max_size=3, unique_by=lambda p: p.id).filter(
            lambda ps: institution.id not in {p.id for p in ps}
        )
    )
    parties: list[Institution | Partner] = [institution, *partners_]
    party_ids = [p.id for p in parties]
    kind = draw(st.sampled_from(list(AgreementKind)))
    addendum = kind is AgreementKind.ADDENDUM
    return Agreement(
        kind=kind,
        parties=parties,
        numbers={pid: draw(short) for pid in party_ids if draw(st.booleans())},
        subject=draw(text),
        place=draw(short),
        date=draw(days),
        considerations=draw(texts),
        purpose=draw(st.none() | text),
        objectives=draw(texts),
        scope=draw(texts),
        pattern=draw(st.none() | pattern_terms(party_ids)),
        roles=[],
        financing=draw(
            st.lists(
                st.builds(
                    Funding,
                    source_party_id=st.sampled_from(party_ids),
                    amount=positive_rupiah,
                    purpose=st.none() | text,
                ),
                max_size=2,
            )
        ),
        term=draw(st.none() | terms()),
        monitoring=draw(
            st.builds(
                MonitoringArrangement,
                frequency=st.sampled_from(list(MonitoringFrequency)),
                responsible=st.lists(st.sampled_from(party_ids), max_size=2),
            )
        ),
        dispute_settlement=draw(
            st.builds(
                DisputeSettlement,
                deliberation_days=st.integers(1, 90),
                forum=st.sampled_from(list(DisputeForum)),
                venue=st.none() | short,
            )
        ),
        force_majeure=draw(st.builds(ForceMajeure, notice_days=st.integers(1, 30))),
        amends=AgreementReference(
            kind=AgreementKind.MOU,
            numbers=["1/2024"],
            date=date(2024, 1, 2),
            subject="Kerja sama awal",
        )
        if addendum
        else None,
        amendments=[Amendment(article="Pasal 7", text=draw(text))] if addendum else [],
        signatories=[
            Signatory(
                party_id=pid,
                name=draw(short),
                position=draw(short),
                nip=draw(st.none() | st.sampled_from(VALID_NIP)),
                signed_on=draw(st.none() | days),
                signed_at=draw(st.none() | short),
            )
            for pid in party_ids
        ],
        originals=draw(st.integers(1, 5)),
        languages=draw(st.sampled_from([["id"], ["id", "en"], ["id", "ja"]])),
        prevailing_language=draw(st.none() | st.just("id")),
    )
