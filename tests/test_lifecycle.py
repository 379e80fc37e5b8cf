"""The lifecycle: every (stage, move) pair, each requirement, the audit trail, loading."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from statemachine.exceptions import TransitionNotAllowed

from helpers import capacity_instruments
from kemitraan import (
    AuditRecord,
    FollowUpPlan,
    InvalidArgumentError,
    InvalidDataError,
    KemitraanError,
    Move,
    MoveNotAllowedError,
    Partner,
    PartnerKind,
    Partnership,
    Period,
    ReadOnlyFieldError,
    RequirementsUnmetError,
    Stage,
    UnknownPartyError,
    dump_json,
    load_json,
)
from kemitraan.diagrams import PartnershipMachine
from kemitraan.exceptions import TransitionRefusedError
from kemitraan.findings import Severity, canonical_code
from kemitraan.lifecycle import transition_table
from kemitraan.parties import PartyProfile
from kemitraan.pattern_terms import GeneralTradeTerms
from kemitraan.provisions import Termination
from kemitraan.requirements import requirement_codes
from kemitraan.summary import stage_counts, waiting_on
from seed import AT, at_stage, example, fresh, record

STEPS = [s for s in Stage if not s.is_terminal]


def expected_target(stage: Stage, move: Move) -> Stage | None:
    """The guide's rules, written independently of the machine."""
    if stage.is_terminal:
        return None
    n = STEPS.index(stage)
    if move is Move.ADVANCE:
        return STEPS[n + 1] if n < 10 else None
    if move is Move.DECLINE:
        return Stage.DECLINED if n < 7 else None  # steps 1-7
    if move is Move.END:
        return Stage.ENDED if n >= 7 else None  # steps 8-11
    if move is Move.SIGN:
        return stage if stage is Stage.SIGNING else None  # step 7, staying there
    if move is Move.SIGN_ADDENDUM:
        return stage if n >= 7 else None  # steps 8-11, staying there
    if move is Move.SIGN_PKS:
        return stage if n >= 6 else None  # steps 7-11, staying there
    return Stage.IMPLEMENTATION if stage is Stage.FOLLOW_UP else None


PAIRS = [(stage, move) for stage in Stage for move in Move]


def test_stage_numbers_and_labels() -> None:
    assert [s.number for s in STEPS] == list(range(1, 12))
    assert Stage.MAPPING.label_id == "Identifikasi atau pemetaan objek mitra"
    assert Stage.FOLLOW_UP.title_id == "11. Rencana tindak lanjut"
    assert Stage.ENDED.number is None


def test_machine_matches_the_guide() -> None:
    table = transition_table()
    assert {pair: target for pair, target in table.items()} == {
        (s, m): t for s, m in PAIRS if (t := expected_target(s, m)) is not None
    }


def attempt(partnership: Partnership, move: Move, reason: str = "alasan") -> AuditRecord:
    """Make ``move`` through the partnership's own method for it."""
    if move is Move.SIGN:
        return partnership.sign(partnership.institution.id, on=date(2025, 3, 10), at=AT)
    if move is Move.SIGN_ADDENDUM:
        return partnership.sign_addendum(0, partnership.institution.id, on=date(2026, 2, 16), at=AT)
    if move is Move.SIGN_PKS:
        return partnership.sign_pks(0, partnership.institution.id, on=date(2025, 3, 10), at=AT)
    if move in (Move.DECLINE, Move.END):
        return getattr(partnership, move.value)(reason, at=AT)  # type: ignore[no-any-return]
    return getattr(partnership, move.value)(at=AT)  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("stage", "move"),
    PAIRS,
    ids=[
        f"{s.value}-{m.value}-{'allowed' if expected_target(s, m) else 'refused'}" for s, m in PAIRS
    ],
)
def test_every_stage_and_move(stage: Stage, move: Move) -> None:
    target = expected_target(stage, move)
    partnership = at_stage(stage)
    before = partnership.model_dump_json()
    if target is None:
        # Refused: the move does not exist from this stage.
        with pytest.raises(MoveNotAllowedError) as not_allowed:
            attempt(partnership, move)
        assert not_allowed.value.stage == stage.value
        assert not_allowed.value.move == move.value
        assert partnership.model_dump_json() == before
        return
    if move in (Move.DECLINE, Move.END):
        # Refused without a reason, allowed with one.
        with pytest.raises(RequirementsUnmetError) as caught:
            attempt(partnership, move, "  ")
        assert [r.code for r in caught.value.unmet] == ["reason_given"]
        assert partnership.model_dump_json() == before
        record_ = attempt(partnership, move, "Calon mitra menarik diri")
    elif move.is_signing:
        # Allowed once per party and text, then refused for the same party.
        if move is Move.SIGN_ADDENDUM:
            partnership.addenda.append(example().draft_addendum(partnership))
            before = partnership.model_dump_json()
        if move is Move.SIGN_PKS:
            if stage is Stage.SIGNING:  # every party signs the MoU first
                for party in partnership.parties:
                    partnership.sign(party.id, on=date(2025, 3, 10), at=AT)
            # a PKS of its own, first in the list, that nobody has signed yet
            draft = example().draft_pks(partnership).model_copy(update={"subject": "Pemasaran"})
            partnership.cooperation_agreements.insert(0, draft)
            before = partnership.model_dump_json()
        record_ = attempt(partnership, move)
        assert record_.party_id == partnership.institution.id
        after = partnership.model_dump_json()
        with pytest.raises(RequirementsUnmetError) as caught:
            attempt(partnership, move)
        assert [r.code for r in caught.value.unmet] == ["signs_once"]
        assert partnership.model_dump_json() == after != before
    else:
        # Refused until the step's data is recorded, then allowed.
        with pytest.raises(RequirementsUnmetError) as caught:
            attempt(partnership, move)
        assert caught.value.unmet
        assert caught.value.unmet == partnership.unmet_requirements(move)
        assert partnership.model_dump_json() == before
        record(partnership)
        assert partnership.unmet_requirements(move) == []
        record_ = attempt(partnership, move)
    assert partnership.stage is target
    assert partnership.history[-1] == record_
    assert (record_.from_stage, record_.to_stage, record_.move) == (stage, target, move)


def test_errors_are_kemitraan_errors_that_say_why() -> None:
    partnership = at_stage(Stage.SIGNING)
    with pytest.raises(RequirementsUnmetError) as caught:
        partnership.advance(at=AT)
    error = caught.value
    assert isinstance(error, TransitionRefusedError)
    assert isinstance(error, KemitraanError)
    assert isinstance(error, RuntimeError)
    assert {r.code for r in error.unmet} == {"all_signed"}
    assert {r.party_id for r in error.unmet} == {p.id for p in partnership.parties}
    assert "belum menandatangani" in str(error)
    assert "has not signed" in error.message("en")
    with pytest.raises(MoveNotAllowedError) as not_allowed:
        at_stage(Stage.MAPPING).renew(at=AT)
    assert not_allowed.value.allowed == ("advance", "decline")


# -- each requirement: fails when its data is missing, passes when present ---------------

Breaker = Callable[[Partnership], None]


def _drop_goals(p: Partnership) -> None:
    p.partners[0].profile = PartyProfile()  # nothing gathered at all


def _drop_gathering(p: Partnership) -> None:
    p.partners[1].profile = p.partners[1].profile.model_copy(update={"gathering_records": []})


def _drop_assessment(p: Partnership) -> None:
    p.relevance = p.relevance[1:]


def _relevant_without_needs(p: Partnership) -> None:
    p.relevance = [p.relevance[0].model_copy(update={"need_codes": []}), *p.relevance[1:]]


def _unknown_need(p: Partnership) -> None:
    p.relevance = [
        p.relevance[0].model_copy(update={"need_codes": ["tidak-ada"]}),
        *p.relevance[1:],
    ]


def _nobody_relevant(p: Partnership) -> None:
    p.relevance = [a.model_copy(update={"relevant": False, "need_codes": []}) for a in p.relevance]


def _assess_a_stranger(p: Partnership) -> None:
    p.relevance = [*p.relevance, p.relevance[0].model_copy(update={"partner_id": "orang-lain"})]


def _nobody_agreed(p: Partnership) -> None:
    p.explorations = []


def _plan_without(p: Partnership) -> None:
    assert p.work_plan is not None
    p.work_plan = p.work_plan.model_copy(update={"participants": p.work_plan.participants[:-1]})


def _plan_without_activities(p: Partnership) -> None:
    assert p.work_plan is not None
    p.work_plan = p.work_plan.model_copy(update={"activities": []})


def _activity_for_stranger(p: Partnership) -> None:
    assert p.work_plan is not None
    first = p.work_plan.activities[0].model_copy(update={"responsible": "orang-lain"})
    p.work_plan = p.work_plan.model_copy(update={"activities": [first]})


def _no_work_plan(p: Partnership) -> None:
    p.work_plan = None


def _no_agreement(p: Partnership) -> None:
    p.agreement = None


def _agreement_update(**changes: object) -> Breaker:
    def breaker(p: Partnership) -> None:
        assert p.agreement is not None
        p.agreement = p.agreement.model_copy(update=changes)

    return breaker


def _role_without_responsibility(p: Partnership) -> None:
    assert p.agreement is not None
    roles = list(p.agreement.roles)
    roles[1] = roles[1].model_copy(update={"responsibilities": []})
    p.agreement = p.agreement.model_copy(update={"roles": roles})


def _one_unsigned(p: Partnership) -> None:
    # The recorded step has every signature, and signed means frozen: start again from
    # the unsigned agreement and let every party but the last sign it.
    fresh_signing = at_stage(Stage.SIGNING)
    for party in fresh_signing.parties[:-1]:
        fresh_signing.sign(party.id, on=date(2025, 3, 10), at=AT)
    p.__dict__.update(fresh_signing.__dict__)


def _clear(field: str) -> Breaker:
    def breaker(p: Partnership) -> None:
        setattr(p, field, [])

    return breaker


def _evaluation_without_one(p: Partnership) -> None:
    # one party neither took part nor gave its view
    absent = p.parties[-1].id
    p.evaluations = [
        e.model_copy(
            update={
                "participants": [pid for pid in e.participants if pid != absent],
                "views": [v for v in e.views if v.party_id != absent],
            }
        )
        for e in p.evaluations
    ]


def _decide_to_stop(p: Partnership) -> None:
    p.decisions = [d.model_copy(update={"continue_cooperation": False}) for d in p.decisions]


def _plan_without_lessons(p: Partnership) -> None:
    p.follow_up_plans = [f.model_copy(update={"lessons": []}) for f in p.follow_up_plans]


def _follow_up_plan_only(*, amend: bool, draft: bool) -> Breaker:
    # The recorded step has a signed addendum, which stays: start again from the
    # follow-up step and record only the plan (and, with draft, an unsigned addendum).
    def breaker(p: Partnership) -> None:
        again = at_stage(Stage.FOLLOW_UP)
        plans = [f.model_copy(update={"amend_agreement": amend}) for f in p.follow_up_plans]
        again.follow_up_plans = plans
        if draft:
            again.addenda.append(example().draft_addendum(again))
        p.__dict__.update(again.__dict__)

    return breaker


def _plan_beyond_the_term(p: Partnership) -> None:
    # the next year's plan runs past the end of the MoU's term, which no addendum extends
    assert p.effective_term is not None
    plans = [
        f.model_copy(update={"period": Period(start=f.period.start, end=date(2028, 6, 30))})
        for f in p.follow_up_plans
    ]
    p.follow_up_plans = plans


def test_an_agreement_without_a_term_needs_no_extension_to_renew() -> None:
    """A.11: the agreement is extended "if deemed necessary"; one without an end runs on."""
    p = fresh()
    while (p.stage, p.cycle) != (Stage.FOLLOW_UP, 1):
        record(p)
        if p.stage is Stage.AGREEMENT and p.agreement is not None:
            p.agreement = p.agreement.model_copy(update={"term": None})  # until ended
        p.advance(at=AT)
    record(p)
    assert p.effective_term is None
    p.follow_up_plans = [
        f.model_copy(update={"period": Period(start=f.period.start, end=date(2040, 6, 30))})
        for f in p.follow_up_plans
    ]
    assert "term_extended" not in [r.code for r in p.unmet_requirements()]
    p.renew(at=AT)
    assert (p.stage, p.cycle) == (Stage.IMPLEMENTATION, 2)


REQUIREMENTS: list[tuple[Stage, str, Breaker]] = [
    (Stage.MAPPING, "candidate_mapped", _clear("partners")),
    (Stage.GATHERING, "profile_gathered", _drop_goals),
    (Stage.GATHERING, "gathering_recorded", _drop_gathering),
    (Stage.ANALYSIS, "relevance_assessed", _drop_assessment),
    (Stage.ANALYSIS, "relevance_names_needs", _relevant_without_needs),
    (Stage.ANALYSIS, "unknown_need", _unknown_need),
    (Stage.ANALYSIS, "relevant_partner_found", _nobody_relevant),
    (Stage.ANALYSIS, "unknown_partner", _assess_a_stranger),
    (Stage.EXPLORATION, "partner_agreed", _nobody_agreed),
    (Stage.PLANNING, "work_plan_drawn_up", _no_work_plan),
    (Stage.PLANNING, "plan_with_every_party", _plan_without),
    (Stage.PLANNING, "activities_planned", _plan_without_activities),
    (Stage.PLANNING, "activity_responsible_party", _activity_for_stranger),
    (Stage.AGREEMENT, "agreement_drafted", _no_agreement),
    (
        Stage.AGREEMENT,
        "agreement_parties",
        lambda p: _agreement_update(parties=p.agreement.parties[:3] if p.agreement else [])(p),
    ),
    (
        Stage.AGREEMENT,
        "role_for_every_party",
        lambda p: _agreement_update(roles=p.agreement.roles[:-1] if p.agreement else [])(p),
    ),
    (Stage.AGREEMENT, "responsibility_for_every_party", _role_without_responsibility),
    (
        Stage.AGREEMENT,
        "signatory_named",
        lambda p: _agreement_update(
            signatories=p.agreement.signatories[:-1] if p.agreement else []
        )(p),
    ),
    (Stage.SIGNING, "all_signed", _one_unsigned),
    (Stage.IMPLEMENTATION, "implementation_recorded", _clear("implementation")),
    (Stage.MONITORING, "monitoring_recorded", _clear("monitoring")),
    (Stage.MONITORING, "joint_evaluation", _clear("evaluations")),
    (Stage.MONITORING, "evaluation_with_every_party", _evaluation_without_one),
    (Stage.IMPROVEMENT, "decision_recorded", _clear("decisions")),
    (Stage.IMPROVEMENT, "decision_to_continue", _decide_to_stop),
    (Stage.FOLLOW_UP, "follow_up_plan", _clear("follow_up_plans")),
    (Stage.FOLLOW_UP, "follow_up_considers_evaluation", _plan_without_lessons),
    (Stage.FOLLOW_UP, "term_extended", _plan_beyond_the_term),
    (Stage.FOLLOW_UP, "addendum_signed", _follow_up_plan_only(amend=True, draft=True)),
]


@pytest.mark.parametrize(
    ("stage", "code", "breaker"), REQUIREMENTS, ids=[f"{s.value}-{c}" for s, c, _ in REQUIREMENTS]
)
def test_each_requirement(stage: Stage, code: str, breaker: Breaker) -> None:
    partnership = at_stage(stage, recorded=True)
    assert code not in [r.code for r in partnership.unmet_requirements()]
    breaker(partnership)
    unmet = partnership.unmet_requirements()
    assert code in [r.code for r in unmet]
    move = partnership.next_move()
    assert move is not None
    assert {r.code for r in unmet} <= requirement_codes()[(stage, move)]
    found = next(r for r in unmet if r.code == code)
    assert found.message.indonesian
    assert found.message.english
    assert found.basis.startswith("Panduan")
    before = partnership.model_dump_json()
    with pytest.raises(RequirementsUnmetError):
        getattr(partnership, move.value)(at=AT)
    assert partnership.model_dump_json() == before


def _not_relevant(p: Partnership) -> None:
    first = p.committed_partners[0].id
    p.relevance = [
        a.model_copy(
            update={"relevant": False, "rationale": "Skor relevansi 35,5/100 (ambang 40).\nx"}
        )
        if a.partner_id == first
        else a
        for a in p.relevance
    ]


# What the guide advises but does not make a condition of the step: reported, never blocking.
def _plan_for_a_non_party(p: Partnership) -> None:
    # a candidate that withdrew before signing still holds an activity of the plan
    assert p.agreement is not None
    assert p.work_plan is not None
    signed = set(p.agreement.party_ids)
    outside = next(x.id for x in p.partners if x.id not in signed)
    plan = p.work_plan
    first = plan.activities[0].model_copy(update={"responsible": outside})
    update = {
        "activities": [first, *plan.activities[1:]],
        "participants": [*plan.participants, outside],
    }
    p.work_plan = plan.model_copy(update=update)


def _carried_out_before_the_agreement(p: Partnership) -> None:
    assert p.agreement is not None
    done = next(r for r in p.implementation if r.cycle == p.cycle)
    p.implementation.append(done.model_copy(update={"on": date(2024, 3, 10)}))  # a year off


CAUTIONS: list[tuple[Stage, str, Breaker]] = [
    (Stage.EXPLORATION, "explored_not_relevant", _not_relevant),
    (Stage.AGREEMENT, "pattern_chosen", _agreement_update(pattern=None)),
    (Stage.AGREEMENT, "term_set", _agreement_update(term=None, termination=None)),
    (Stage.SIGNING, "plan_in_the_parties_hands", _plan_for_a_non_party),
    (Stage.IMPLEMENTATION, "carried_out_after_signing", _carried_out_before_the_agreement),
]


@pytest.mark.parametrize(
    ("stage", "code", "breaker"), CAUTIONS, ids=[f"{s.value}-{c}" for s, c, _ in CAUTIONS]
)
def test_each_caution_is_reported_and_lets_the_move_be_made(
    stage: Stage, code: str, breaker: Breaker
) -> None:
    partnership = at_stage(stage, recorded=True)
    assert code not in [r.code for r in partnership.cautions()]
    breaker(partnership)
    found = next(r for r in partnership.cautions() if r.code == code)
    assert found.severity is Severity.WARNING
    assert found.basis.startswith("Panduan")
    assert code not in [r.code for r in partnership.unmet_requirements()]
    partnership.advance(at=AT)
    assert partnership.stage is not stage


def test_the_cautions_of_a_plan_and_a_record_name_what_to_check() -> None:
    signing = at_stage(Stage.SIGNING, recorded=True)
    _plan_for_a_non_party(signing)
    (held,) = [r for r in signing.cautions() if r.code == "plan_in_the_parties_hands"]
    activity = signing.work_plan.activities[0] if signing.work_plan else None
    assert activity is not None
    assert held.message.indonesian.startswith(f"Kegiatan {activity.name} menjadi tanggung jawab")
    assert signing.party(activity.responsible).name in held.message.indonesian
    implementing = at_stage(Stage.IMPLEMENTATION, recorded=True)
    _carried_out_before_the_agreement(implementing)
    (early,) = [r for r in implementing.cautions() if r.code == "carried_out_after_signing"]
    assert (
        "pada 10 Maret 2024, sebelum kesepakatan tanggal 10 Maret 2025" in early.message.indonesian
    )
    assert "on 10 March 2024, before the agreement of 10 March 2025" in early.message.english


def test_a_caution_names_the_partner_and_the_score() -> None:
    partnership = at_stage(Stage.EXPLORATION, recorded=True)
    _not_relevant(partnership)
    found = next(r for r in partnership.cautions() if r.code == "explored_not_relevant")
    assert found.message.indonesian.startswith(partnership.committed_partners[0].name)
    assert "Skor relevansi 35,5/100 (ambang 40)" in found.message.indonesian


@pytest.mark.parametrize(
    ("changes", "cautioned"),
    [
        ({"pattern": None}, True),
        ({"pattern": None, "no_pattern_reason": "Kerja sama dengan instansi pemerintah"}, False),
        ({"term": None, "termination": Termination(notice_days=60)}, False),  # until ended
        ({"term": None, "termination": None}, True),
    ],
)
def test_an_mou_without_a_pattern_or_term_says_why(
    changes: dict[str, Any], cautioned: bool
) -> None:
    partnership = at_stage(Stage.AGREEMENT, recorded=True)
    _agreement_update(**changes)(partnership)
    codes = {r.code for r in partnership.cautions()}
    assert bool(codes & {"pattern_chosen", "term_set"}) is cautioned


def test_a_candidate_set_aside_stays_in_the_register_and_needs_no_profile() -> None:
    partnership = at_stage(Stage.GATHERING, recorded=True)
    stranger = Partner(
        name="Tokoh Masyarakat Desa",
        kind=PartnerKind.COMMUNITY_FIGURE,
        region=partnership.partners[0].region,
    )
    partnership.partners.append(stranger)
    assert "profile_gathered" in [r.code for r in partnership.unmet_requirements()]
    index = len(partnership.partners) - 1
    partnership.partners[index] = stranger.model_copy(
        update={"set_aside": "Tidak berkaitan dengan kerajinan tas"}
    )
    assert partnership.unmet_requirements() == []
    partnership.advance(at=AT)  # to analysis: a set-aside candidate needs no assessment
    assert "relevance_assessed" not in [
        r.code for r in partnership.unmet_requirements() if stranger.id in (r.party_id or "")
    ]
    assert partnership.partner(stranger.id).set_aside


def test_renewal_without_an_addendum_when_the_term_already_covers_the_next_year() -> None:
    # Guide A.11: extended "with or without" an amendment. An agreement whose term already
    # runs through the next cycle renews without an addendum.
    partnership = at_stage(Stage.AGREEMENT, recorded=True)
    assert partnership.agreement is not None
    assert partnership.agreement.term is not None
    two_years = partnership.agreement.term.model_copy(update={"end": date(2027, 3, 9)})
    partnership.agreement = partnership.agreement.model_copy(update={"term": two_years})
    for _ in range(Stage.FOLLOW_UP.number - Stage.AGREEMENT.number):  # type: ignore[operator]
        partnership.advance(at=AT)
        if partnership.next_move() is Move.ADVANCE:
            record(partnership)
    plans = [f.model_copy(update={"amend_agreement": False}) for f in example_plans()]
    partnership.follow_up_plans = plans
    assert partnership.unmet_requirements() == []
    partnership.renew(at=AT)
    assert (partnership.stage, partnership.cycle, partnership.addenda) == (
        Stage.IMPLEMENTATION,
        2,
        [],
    )


def example_plans() -> list[FollowUpPlan]:
    recorded = at_stage(Stage.FOLLOW_UP, recorded=True)
    return list(recorded.follow_up_plans)


def test_a_drafted_addendum_takes_effect_only_when_every_party_signed_it() -> None:
    partnership = at_stage(Stage.FOLLOW_UP)
    record(partnership)  # the plan, and the addendum to the PKS signed by its three parties
    signed = at_stage(Stage.FOLLOW_UP)
    signed.follow_up_plans = list(partnership.follow_up_plans)
    signed.addenda.append(example().draft_addendum(signed))
    pks = signed.cooperation_agreements[0]
    assert signed.as_amended(pks) == pks
    codes = {r.code for r in signed.unmet_requirements()}
    assert codes == {"addendum_signed"}
    parties = example().PKS_PARTIES
    for party_id in parties[:-1]:
        signed.sign_addendum(0, party_id, on=date(2026, 2, 16), at=AT)
    assert signed.signed_addenda() == []  # two of three is not in effect
    assert signed.addenda[0].frozen  # but the text they signed does not change
    signed.sign_addendum(0, parties[-1], on=date(2026, 2, 16), at=AT)
    assert signed.signed_addenda() == signed.addenda
    assert signed.addenda[0].frozen
    amended = signed.as_amended(pks)
    assert amended is not None
    assert amended.term is not None
    assert amended.term.end == date(2027, 3, 9)  # the PKS as amended: its term and volume
    assert isinstance(amended.pattern, GeneralTradeTerms)
    assert amended.pattern.goods[0].quantity == 300
    assert pks.term is not None
    assert pks.term.end == date(2026, 3, 9)
    assert signed.effective_term == signed.agreement.term if signed.agreement else False
    assert signed.unmet_requirements() == []


def test_second_cycle_needs_its_own_records() -> None:
    partnership = at_stage(Stage.IMPLEMENTATION, cycle=2)
    assert partnership.implementation  # cycle 1's records are there ...
    assert [r.code for r in partnership.unmet_requirements()] == ["implementation_recorded"]


# -- the audit trail ---------------------------------------------------------------------


def test_history_records_who_when_why() -> None:
    partnership = fresh()
    record(partnership)
    wita = timezone(timedelta(hours=8))
    entry = partnership.advance(
        actor="Rina", note="Lima calon", at=datetime(2025, 1, 17, 9, tzinfo=wita)
    )
    assert entry.actor == "Rina"
    assert entry.note == "Lima calon"
    assert entry.at.utcoffset() == timedelta(hours=8)
    assert entry.cycle == 1
    default = at_stage(Stage.GATHERING, recorded=True).advance()
    assert default.at.tzinfo is not None
    assert abs(default.at - datetime.now(UTC)) < timedelta(minutes=5)


def test_naive_time_is_refused_and_changes_nothing() -> None:
    partnership = at_stage(Stage.MAPPING, recorded=True)
    before = partnership.model_dump_json()
    with pytest.raises(InvalidArgumentError, match=r"^at: .* tidak memiliki zona waktu"):
        partnership.advance(at=datetime(2025, 1, 17, 9))
    assert partnership.model_dump_json() == before


@pytest.mark.parametrize(
    ("call", "names"),
    [
        (lambda p: p.sign("kube-rajut-lestari", on="03-03-2025", at=AT), "on: '03-03-2025'"),
        (lambda p: p.sign("kube-rajut-lestari", on=20250310, at=AT), "on: 20250310"),
        (lambda p: p.sign("kube-rajut-lestari", on=date(1899, 12, 31), at=AT), "on: 1899-12-31"),
        (lambda p: p.sign("kube-rajut-lestari", on=date(2025, 3, 10), place=7, at=AT), "place: 7"),
        (lambda p: p.sign("kube-rajut-lestari", on=date(2025, 3, 10), at="now"), "at: 'now'"),
        (
            lambda p: p.sign(
                "kube-rajut-lestari",
                on=date(2025, 3, 10),
                at=datetime(1, 1, 1, 0, 30, tzinfo=timezone(timedelta(hours=1))),
            ),
            "at: 0001-01-01T00:30:00+01:00",
        ),
    ],
)
def test_a_wrong_argument_is_refused_naming_it_and_changes_nothing(
    call: Callable[[Partnership], object], names: str
) -> None:
    partnership = at_stage(Stage.SIGNING)
    before = partnership.model_dump_json()
    with pytest.raises(InvalidArgumentError) as refused:
        call(partnership)
    assert str(refused.value).startswith(names)
    assert partnership.model_dump_json() == before


def test_a_signing_day_may_be_given_as_iso_text() -> None:
    partnership = at_stage(Stage.SIGNING)
    partnership.sign("kube-rajut-lestari", on="2025-03-10", at=AT)  # type: ignore[arg-type]
    assert partnership.agreement is not None
    signatory = partnership.agreement.signatory_of("kube-rajut-lestari")
    assert signatory is not None
    assert signatory.signed_on == date(2025, 3, 10)


def test_stage_cycle_and_history_change_only_through_moves() -> None:
    partnership = at_stage(Stage.GATHERING)
    for field, value in (("stage", Stage.SIGNING), ("cycle", 3), ("history", [])):
        with pytest.raises(AttributeError, match="hanya melalui langkah kemitraan"):
            setattr(partnership, field, value)
    assert partnership.stage is Stage.GATHERING


def test_the_machine_takes_only_moves_the_partnership_approved() -> None:
    # The machine is private: sent directly, even a move whose requirements are met is
    # refused, because only the partnership's own methods record it in the history.
    partnership = at_stage(Stage.MAPPING, recorded=True)
    assert partnership.unmet_requirements() == []
    before = partnership.model_dump_json()
    machine = partnership._state_machine()
    assert isinstance(machine, PartnershipMachine)
    with pytest.raises(TransitionNotAllowed):
        machine.send("advance")
    assert partnership.model_dump_json() == before
    assert not hasattr(partnership, "machine")


# -- loading -----------------------------------------------------------------------------


def test_loaded_partnership_continues_where_it_was() -> None:
    original = at_stage(Stage.SIGNING, recorded=True)
    loaded = load_json(Partnership, dump_json(original))
    assert list(loaded._state_machine().configuration_values) == [Stage.SIGNING]  # no entry ran
    assert loaded.history == original.history
    a, b = original.advance(at=AT), loaded.advance(at=AT)
    assert a == b
    assert dump_json(loaded) == dump_json(original)


def test_a_stored_stage_that_is_not_a_stage_is_refused() -> None:
    data = at_stage(Stage.GATHERING).model_dump(mode="json")
    data["stage"] = "negotiation"
    with pytest.raises(InvalidDataError) as caught:
        load_json(Partnership, data)
    assert [(e["loc"], e["type"]) for e in caught.value.errors] == [(("stage",), "enum")]


def test_a_stage_that_disagrees_with_history_is_refused() -> None:
    data = at_stage(Stage.GATHERING).model_dump(mode="json")
    data["stage"] = "signing"
    with pytest.raises(InvalidDataError) as caught:
        load_json(Partnership, data)
    assert [(e["loc"], e["type"]) for e in caught.value.errors] == [
        (("stage",), "history_mismatch")
    ]


def test_one_machine_per_thread_moves_each_partnership_from_its_own_stage() -> None:
    original = at_stage(Stage.MAPPING, recorded=True)
    copy = original.model_copy(deep=True)
    copy.advance(at=AT)
    machine = copy._state_machine()
    assert machine is original._state_machine()  # the thread's machine ...
    assert list(machine.configuration_values) == [Stage.MAPPING]  # ... bound to the original
    assert (copy.stage, original.stage) == (Stage.GATHERING, Stage.MAPPING)
    original.advance(at=AT)
    assert original.stage is Stage.GATHERING
    elsewhere: list[object] = []
    thread = threading.Thread(target=lambda: elsewhere.append(copy._state_machine()))
    thread.start()
    thread.join()
    assert elsewhere[0] is not machine  # another thread, another machine


# -- many partnerships, no machines --------------------------------------------------------


def test_stage_counts_and_waiting_on() -> None:
    signing = at_stage(Stage.SIGNING)
    signed = at_stage(Stage.SIGNING, recorded=True)
    mapping = at_stage(Stage.MAPPING)
    ended = at_stage(Stage.ENDED)
    group = [signing, signed, mapping, ended]
    assert stage_counts(group) == {Stage.SIGNING: 2, Stage.MAPPING: 1, Stage.ENDED: 1}
    assert waiting_on(group, "all_signed") == [signing]
    assert waiting_on(group, "candidate_mapped") == [mapping]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("party_without_role", "role_for_every_party"),
        ("party_without_responsibility", "responsibility_for_every_party"),
        ("no_signatory", "signatory_named"),
        ("not_signed", "all_signed"),
        ("term_missing", "term_set"),
        ("pattern_missing", "pattern_chosen"),
    ],
)
def test_older_codes_still_work(old: str, new: str) -> None:
    assert canonical_code(old) == new
    assert canonical_code(new) == new
    signing = at_stage(Stage.SIGNING)
    if new == "all_signed":
        assert waiting_on([signing], old) == waiting_on([signing], new) == [signing]


def test_requirement_codes_cover_every_move_that_exists() -> None:
    assert set(requirement_codes()) == set(transition_table())
    every_code = {c for codes in requirement_codes().values() for c in codes}
    tested = (
        {code for _, code, _ in REQUIREMENTS}
        | {code for _, code, _ in CAUTIONS}
        | {"reason_given", "pkw_partner_mix"}  # the seed has it: tests/test_pkw_mix.py
        | {"addendum_raises_heavy_load"}  # the seed's addendum: tests/test_heavy_load.py
        | {"ready_to_sign"}  # tests/test_capacity.py
        | set(SIGNING_REQUIREMENTS)
    )
    assert every_code == tested


# -- signing: the guide's A.7 and A.11, each signature a move ----------------------------------

SIGNING_REQUIREMENTS = [
    "text_free_of_errors",
    "signer_named",
    "signs_once",
    "agreement_signed_first",
    "amended_text_signed",  # tests/test_legal_officer.py
    "pks_within_agreement_term",  # tests/test_legal_officer.py
]


def test_a_pks_is_signed_once_every_party_signed_the_mou() -> None:
    partnership = at_stage(Stage.SIGNING)
    partnership.sign(partnership.institution.id, on=date(2025, 3, 10), at=AT)
    partnership.cooperation_agreements.append(example().draft_pks(partnership))
    before = partnership.model_dump_json()
    with pytest.raises(RequirementsUnmetError) as caught:
        partnership.sign_pks(0, partnership.institution.id, on=date(2025, 3, 10), at=AT)
    assert [r.code for r in caught.value.unmet] == ["agreement_signed_first"]
    assert partnership.model_dump_json() == before  # refused, and nothing changed
    for party in partnership.parties[1:]:
        partnership.sign(party.id, on=date(2025, 3, 10), at=AT)
    record_ = partnership.sign_pks(0, partnership.institution.id, on=date(2025, 3, 10), at=AT)
    assert (record_.move, record_.document) == (Move.SIGN_PKS, "pks")
    with pytest.raises(UnknownPartyError):  # the Dinas is not a party of this PKS
        partnership.sign_pks(0, "diskopukmnaker-banjar", on=date(2025, 3, 10), at=AT)


def test_a_text_with_errors_is_not_signed() -> None:
    partnership = at_stage(Stage.AGREEMENT, recorded=True)
    assert partnership.agreement is not None
    partnership.agreement = partnership.agreement.model_copy(update={"scope": []})
    partnership.advance(at=AT)  # the step's requirements do not ask for a scope ...
    with pytest.raises(RequirementsUnmetError) as caught:  # ... but the signature does
        partnership.sign(partnership.institution.id, on=date(2025, 3, 10), at=AT)
    assert [r.code for r in caught.value.unmet] == ["text_free_of_errors"]
    assert "Ruang lingkup belum diisi" in caught.value.unmet[0].message.indonesian
    assert "scope_missing" not in str(caught.value)  # the code stays out of the sentence


def test_a_party_without_a_signatory_does_not_sign() -> None:
    partnership = at_stage(Stage.SIGNING)
    assert partnership.agreement is not None
    last = partnership.agreement.signatories[-1].party_id
    # Before anyone signs, the agreement may still be redrawn in the signing step.
    partnership.agreement = partnership.agreement.model_copy(
        update={"signatories": partnership.agreement.signatories[:-1]}
    )
    with pytest.raises(RequirementsUnmetError) as caught:
        partnership.sign(last, on=date(2025, 3, 10), at=AT)
    assert [r.code for r in caught.value.unmet] == ["text_free_of_errors", "signer_named"]


# -- helpers and edge cases -----------------------------------------------------------------


def test_party_lookups() -> None:
    partnership = at_stage(Stage.PLANNING)
    assert partnership.party(partnership.institution.id) is partnership.institution
    assert partnership.party("cv-kriya-banua").name == "CV Kriya Banua"
    with pytest.raises(UnknownPartyError) as caught:
        partnership.party("tidak-ada")
    assert "cv-kriya-banua" in caught.value.known
    assert [p.id for p in partnership.committed_partners] == [
        "kube-rajut-lestari",
        "cv-kriya-banua",
        "diskopukmnaker-banjar",
    ]


def test_duplicate_party_ids_are_refused() -> None:
    data = at_stage(Stage.GATHERING).model_dump(mode="json")
    data["partners"].append(data["partners"][0])
    with pytest.raises(InvalidDataError) as caught:
        load_json(Partnership, data)
    assert caught.value.errors[0]["type"] == "duplicate_party"
    assert caught.value.errors[0]["loc"] == ("partners", 5, "id")


def test_signing_only_in_the_signing_step() -> None:
    early = at_stage(Stage.AGREEMENT, recorded=True)
    refusal = "^Penandatanganan kesepakatan tidak dapat dilakukan pada tahap Membuat kesepakatan"
    with pytest.raises(MoveNotAllowedError, match=refusal) as caught:
        early.sign(early.institution.id, on=date(2025, 3, 10))
    assert isinstance(caught.value, RuntimeError)
    assert (caught.value.move, caught.value.stage) == ("sign", "agreement")
    signing = at_stage(Stage.SIGNING)
    with pytest.raises(UnknownPartyError):
        signing.sign("tidak-ada", on=date(2025, 3, 10))
    entry = signing.sign(
        signing.institution.id, on=date(2025, 3, 10), place="Martapura", actor="Rina", at=AT
    )
    assert (entry.move, entry.party_id, entry.document) == (
        Move.SIGN,
        signing.institution.id,
        "agreement",
    )
    assert signing.agreement is not None
    assert entry.digest == signing.agreement.digest()
    shown = signing.agreement.signatory_of(signing.institution.id)
    assert shown is not None
    assert (shown.signed_on, shown.signed_at) == (date(2025, 3, 10), "Martapura")
    assert list(signing.signatures(signing.agreement)) == [signing.institution.id]
    assert signing.agreement.frozen  # a text someone signed does not change in place


def test_terminal_stages_have_no_next_step() -> None:
    for stage in (Stage.DECLINED, Stage.ENDED):
        partnership = at_stage(stage)
        assert partnership.next_move() is None
        assert partnership.unmet_requirements() == []
        with pytest.raises(MoveNotAllowedError):
            partnership.unmet_requirements(Move.ADVANCE)


def test_requirements_hold_when_earlier_data_is_gone() -> None:
    gathering = at_stage(Stage.GATHERING)
    gathering.partners = []
    assert [r.code for r in gathering.unmet_requirements()] == ["candidate_mapped"]
    signing = at_stage(Stage.SIGNING)
    signing.agreement = None
    assert [r.code for r in signing.unmet_requirements()] == ["agreement_drafted"]
    monitoring = at_stage(Stage.MONITORING, recorded=True)
    with pytest.raises(ReadOnlyFieldError, match="perubahan hanya melalui adendum"):
        monitoring.agreement = None  # signed means frozen


def test_a_failing_machine_leaves_everything_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    partnership = at_stage(Stage.MAPPING, recorded=True)
    before = partnership.model_dump_json()

    def boom(self: PartnershipMachine, event: str) -> None:
        self.model.stage = Stage.GATHERING  # the stage has moved when a listener fails
        raise RuntimeError("listener failed")

    monkeypatch.setattr(PartnershipMachine, "send", boom)
    with pytest.raises(RuntimeError, match="listener failed"):
        partnership.advance(at=AT)
    assert partnership.model_dump_json() == before


def test_a_pkbm_and_a_dinas_walk_to_signing_without_a_business_pattern() -> None:
    # A.1 names government offices as partners; B's patterns are of trading relations.
    from kemitraan import (
        Agreement,
        Exploration,
        ExplorationKind,
        ExplorationResponse,
        GatheringMethod,
        GatheringRecord,
        Institution,
        PartnerResponse,
        PartyProfile,
        PartyRole,
        PlannedActivity,
        Program,
        ProgramNeed,
        Region,
        RelevanceAssessment,
        Representative,
        Signatory,
        WorkPlan,
    )
    from kemitraan.parties import GatheringApproach

    def at(day: int) -> datetime:
        return datetime(2025, 1, day, 9, tzinfo=UTC)

    banjar = Region(province="kalsel", regency="Kabupaten Banjar")
    p = Partnership(
        id="pkbm-dinas",
        institution=Institution(
            name="PKBM Harapan Bangsa",
            id="pkbm",
            region=banjar,
            representative=Representative(name="Hj. Siti Aminah", position="Ketua"),
        ),
        program=Program(
            name="Pembuatan Tas Rajut",
            objectives=["Lulusan berwirausaha"],
            needs=[ProgramNeed(code="pembinaan", description="Lulusan perlu pembinaan usaha")],
        ),
    )
    p.partners.append(
        Partner(
            name="Dinas Koperasi Kabupaten Banjar",
            id="dinas",
            kind=PartnerKind.GOVERNMENT,
            region=banjar,
            representative=Representative(name="Drs. Ahmad Yani", position="Kepala Dinas"),
        )
    )
    p.advance(at=at(6))
    p.partners[0] = p.partners[0].model_copy(
        update={
            "profile": PartyProfile(
                goals=["Menumbuhkan wirausaha baru"],
                scope_of_work=["Pembinaan koperasi dan UMKM"],
                gathering_records=[
                    GatheringRecord(
                        on=date(2025, 1, 7),
                        method=GatheringMethod.INTERVIEW,
                        approach=GatheringApproach.FORMAL,
                        source="Kabid UMKM",
                        findings="Bersedia membina lulusan PKW",
                    )
                ],
            )
        }
    )
    p.advance(at=at(8))
    p.relevance = [
        RelevanceAssessment(
            partner_id="dinas",
            relevant=True,
            need_codes=["pembinaan"],
            assessed_on=date(2025, 1, 9),
        )
    ]
    p.advance(at=at(10))
    p.explorations.append(
        Exploration(
            on=date(2025, 1, 13),
            kind=ExplorationKind.AUDIENCE,
            partner_ids=["dinas"],
            responses=[ExplorationResponse(partner_id="dinas", response=PartnerResponse.AGREED)],
        )
    )
    p.advance(at=at(14))
    p.work_plan = WorkPlan(
        drawn_up_on=date(2025, 1, 15),
        participants=["pkbm", "dinas"],
        activities=[
            PlannedActivity(name="Pembinaan usaha lulusan", responsible="dinas"),
            PlannedActivity(name="Pelatihan tas rajut", responsible="pkbm"),
        ],
    )
    p.advance(at=at(16))
    p.agreement = Agreement(
        parties=p.parties,
        subject="Pembinaan wirausaha lulusan PKW",
        place="Martapura",
        date=date(2025, 1, 20),
        scope=["Pembinaan usaha lulusan PKW"],
        no_pattern_reason="Kerja sama pembinaan dengan instansi pemerintah, bukan hubungan usaha",
        roles=[
            PartyRole(party_id="pkbm", role="Penyelenggara", responsibilities=["Melatih"]),
            PartyRole(party_id="dinas", role="Pembina", responsibilities=["Membina lulusan"]),
        ],
        signatories=[
            Signatory(party_id="pkbm", name="Hj. Siti Aminah", position="Ketua"),
            Signatory(
                party_id="dinas",
                name="Drs. Ahmad Yani",
                position="Kepala Dinas",
                instruments=[capacity_instruments()["government"]],  # capacity (Dinas)
            ),
        ],
    )
    assert p.unmet_requirements() == []
    assert "pattern_chosen" not in {r.code for r in p.cautions()}
    p.advance(at=at(20))
    for party in ("pkbm", "dinas"):
        p.sign(party, on=date(2025, 1, 20), at=at(20))
    p.advance(at=at(21))
    assert p.stage is Stage.IMPLEMENTATION
    assert p.agreement is not None
    assert p.agreement.pattern is None


@pytest.mark.parametrize("by", ["object", "number", "index"])
def test_a_pks_is_signed_by_each_party_in_a_loop_however_it_is_named(by: str) -> None:
    # The drafted object, after the first signature replaced the stored one, was unknown:
    # "NotFoundError: unknown cooperation agreement 'Jual beli …'; known: 0: Jual beli …".
    partnership = at_stage(Stage.SIGNING)
    for party in partnership.parties:
        partnership.sign(party.id, on=date(2025, 3, 10), at=AT)
    pks = example().draft_pks(partnership)
    partnership.cooperation_agreements.append(pks)
    name: Any = {"object": pks, "number": next(iter(pks.numbers.values())), "index": 0}[by]
    for party_id in pks.party_ids:
        partnership.sign_pks(name, party_id, on=date(2025, 3, 10), at=AT)
    assert partnership.cooperation_agreements[0].fully_signed


def test_a_text_that_changed_is_named_so_when_it_is_not_found() -> None:
    partnership = at_stage(Stage.SIGNING)
    for party in partnership.parties:
        partnership.sign(party.id, on=date(2025, 3, 10), at=AT)
    pks = example().draft_pks(partnership)
    partnership.cooperation_agreements.append(pks)
    other = pks.model_copy(update={"scope": ["Sesuatu yang lain"]})
    with pytest.raises(KemitraanError, match="differs from every one held"):
        partnership.sign_pks(other, pks.party_ids[0], on=date(2025, 3, 10), at=AT)
