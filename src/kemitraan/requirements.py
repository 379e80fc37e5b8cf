"""Every lifecycle requirement of the guide, each declared once.

A requirement is a :class:`~kemitraan.findings.Rule` on a partnership, guarding one
or more ``(stage, move)`` pairs: "before the partnership leaves step 5, every party
took part in drawing up the plan" (guide A.5). :meth:`kemitraan.Partnership.unmet_requirements`,
:func:`requirement_codes`, :func:`kemitraan.summary.waiting_on`, the machine's guards and the
requirements table in ``docs/lifecycle.md`` (:func:`requirements_table`) all read
these declarations; the tests do too.

To add a requirement, declare it here::

    @requirement("code", guards=advancing_from(Stage.PLANNING), basis="Panduan A.5",
                 summary="...", indonesian="...", english="...")
    def _(p: PartnershipLike) -> Iterator[Hit]:
        ...  # yield a Hit wherever it is not met

A rule the agreement check also needs is declared with the agreement's checks and
only named here (:func:`from_agreement`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kemitraan._base import BilingualText
from kemitraan._catalog import N_
from kemitraan._requirement_book import (
    RENEWAL,
    REQUIREMENTS,
    STOPPING,
    Ask,
    LifecycleRule,
    advancing_from,
    from_agreement,
    requirement,
    requirement_codes,
    requirement_on_ask,
    requirement_summary,
    requirements_table,
)
from kemitraan.findings import Hit, Severity
from kemitraan.heavy_load import __all__ as _heavy_load  # noqa: F401  # declares it
from kemitraan.lifecycle import Move, Stage
from kemitraan.programs import ProgramKind, pkw_mix

if TYPE_CHECKING:
    from kemitraan._protocols import PartnershipLike

__all__ = [  # the declarations' tools, for an app that declares requirements of its own
    "REQUIREMENTS",
    "Ask",
    "LifecycleRule",
    "advancing_from",
    "from_agreement",
    "requirement",
    "requirement_codes",
    "requirement_on_ask",
    "requirement_summary",
    "requirements_table",
]

# -- A.1 mapping ------------------------------------------------------------------------


@requirement(
    "candidate_mapped",
    guards=advancing_from(Stage.MAPPING, Stage.GATHERING),
    basis="Panduan A.1",
    summary=N_("Map at least one candidate partner with its kind and region."),
    english=N_("Map at least one candidate partner with its kind and region."),
)
def _candidate_mapped(p: PartnershipLike) -> Iterator[Hit]:
    if not any(partner.region is not None for partner in p.partners):
        yield Hit(path="partners")


# -- A.2 gathering ----------------------------------------------------------------------


@requirement(
    "profile_gathered",
    guards=advancing_from(Stage.GATHERING),
    basis="Panduan A.2",
    summary=N_(
        "Something is gathered of each candidate pursued: its goals, scope of work "
        "(bidang garapan), vision or mission (the guide's examples, not a form to fill)."
    ),
    english=N_(
        "Nothing has been gathered about {name}: its goals, scope of work (bidang garapan), "
        "vision or mission."
    ),
)
def _profile_gathered(p: PartnershipLike) -> Iterator[Hit]:
    for index, partner in enumerate(p.partners):
        if partner.pursued and not partner.profile.knows_the_party:
            yield Hit(partner.id, f"partners.{index}.profile", {"name": partner.name})


@requirement(
    "gathering_recorded",
    guards=advancing_from(Stage.GATHERING),
    basis="Panduan A.2",
    summary=N_("Each candidate pursued has at least one dated information-gathering record."),
    english=N_("There is no dated information-gathering record for {name}."),
)
def _gathering_recorded(p: PartnershipLike) -> Iterator[Hit]:
    for index, partner in enumerate(p.partners):
        if partner.pursued and not partner.profile.gathering_records:
            path = f"partners.{index}.profile.gathering_records"
            yield Hit(partner.id, path, {"name": partner.name})


# -- A.3 analysis -----------------------------------------------------------------------


@requirement(
    "unknown_partner",
    guards=advancing_from(Stage.ANALYSIS),
    basis="Panduan A.3",
    summary=N_("Every relevance assessment is of a candidate."),
    english=N_("A relevance assessment names '{party}', which is not a candidate."),
)
def _unknown_partner(p: PartnershipLike) -> Iterator[Hit]:
    known = {partner.id for partner in p.partners}
    for pid in p.latest_assessments():
        if pid not in known:
            yield Hit(pid, "relevance", {"party": pid})


@requirement(
    "relevance_assessed",
    guards=advancing_from(Stage.ANALYSIS),
    basis="Panduan A.3",
    summary=N_(
        "Each candidate pursued has its relevance to the programme's problems and needs analysed."
    ),
    english=N_(
        "The relevance of {name} to the programme's problems and needs has not been analysed."
    ),
)
def _relevance_assessed(p: PartnershipLike) -> Iterator[Hit]:
    assessed = p.latest_assessments()
    for partner in p.partners:
        if partner.pursued and partner.id not in assessed:
            yield Hit(partner.id, "relevance", {"name": partner.name})


@requirement(
    "relevance_names_needs",
    guards=advancing_from(Stage.ANALYSIS),
    basis="Panduan A.3",
    summary=N_("A relevant candidate names the programme's problems or needs it meets."),
    english=N_("Name the programme problems or needs that {name} addresses."),
)
def _relevance_names_needs(p: PartnershipLike) -> Iterator[Hit]:
    assessed = p.latest_assessments()
    for partner in p.partners:
        found = assessed.get(partner.id)
        if found is not None and found.relevant and not found.need_codes:
            yield Hit(partner.id, "relevance", {"name": partner.name})


@requirement(
    "unknown_need",
    guards=advancing_from(Stage.ANALYSIS),
    basis="Panduan A.3",
    summary=N_("An assessment names only the programme's own problems and needs."),
    english=N_("Need '{need}' is not one of the programme's."),
)
def _unknown_need(p: PartnershipLike) -> Iterator[Hit]:
    assessed = p.latest_assessments()
    codes = {need.code for need in p.program.needs}
    for partner in p.partners:
        found = assessed.get(partner.id)
        for code in found.need_codes if found is not None else ():
            if code not in codes:
                yield Hit(partner.id, "relevance", {"need": code})


@requirement(
    "relevant_partner_found",
    guards=advancing_from(Stage.ANALYSIS),
    basis="Panduan A.3",
    summary=N_("At least one candidate is relevant."),
    english=N_("No candidate is relevant yet; add candidates or decline."),
)
def _relevant_partner_found(p: PartnershipLike) -> Iterator[Hit]:
    known = {partner.id for partner in p.partners}
    assessed = p.latest_assessments()
    if p.partners and not any(a.relevant for pid, a in assessed.items() if pid in known):
        yield Hit(path="relevance")


# -- A.4 exploration --------------------------------------------------------------------


@requirement(
    "partner_agreed",
    guards=advancing_from(Stage.EXPLORATION),
    basis="Panduan A.4",
    summary=N_("A candidate agreed to cooperate at an audience or presentation."),
    english=N_("No candidate has agreed to cooperate at an audience or presentation."),
)
def _partner_agreed(p: PartnershipLike) -> Iterator[Hit]:
    if not p.committed_partners:
        yield Hit(path="explorations")


@requirement(
    "explored_not_relevant",
    guards=advancing_from(Stage.EXPLORATION),
    basis="Panduan A.3–A.4 (penjajagan dengan pihak-pihak yang relevan)",
    summary=N_("A partner that agreed was judged relevant in step 3 (a caution)."),
    english=N_(
        "{name} agreed to cooperate although step 3 judged it not relevant ({why}); "
        "make sure the reason to go on is recorded."
    ),
    severity=Severity.WARNING,
)
def _explored_not_relevant(p: PartnershipLike) -> Iterator[Hit]:
    assessed = p.latest_assessments()
    for partner in p.committed_partners:
        found = assessed.get(partner.id)
        if found is not None and not found.relevant:
            why = (found.rationale or "").split("\n", 1)[0].rstrip(".") or "tanpa alasan tercatat"
            yield Hit(partner.id, "relevance", {"name": partner.name, "why": why})


@requirement(
    "pkw_partner_mix",
    guards=advancing_from(Stage.EXPLORATION),
    basis="Juknis PKW: mitra DUDI, UMKM, lembaga pembiayaan, platform digital sejak 2023 "
    "(sebagaimana dilaporkan; bukan Panduan, maka sebuah saran)",
    summary=N_("A PKW programme has partners of the four kinds expected since 2023 (a caution)."),
    english=N_(
        "The PKW programme's partners do not yet include {missing}; since 2023 PKW "
        "providers are expected to partner with business and industry, a small enterprise, a "
        "financing institution and a digital platform."
    ),
    severity=Severity.WARNING,
)
def _pkw_partner_mix(p: PartnershipLike) -> Iterator[Hit]:
    if p.program.kind is ProgramKind.PKW and p.committed_partners:
        missing = [role for role, ids in pkw_mix(p.committed_partners).items() if not ids]
        if missing:
            from babel.lists import format_list  # on first use: the import stays light

            said = BilingualText.of(
                format_list([role.label_id.lower() for role in missing], locale="id"),
                format_list([role.label_en.lower() for role in missing], locale="en"),
            )
            yield Hit(path="partners", values={"missing": said})


# -- A.5 planning -----------------------------------------------------------------------


@requirement(
    "work_plan_drawn_up",
    guards=advancing_from(Stage.PLANNING),
    basis="Panduan A.5",
    summary=N_("The joint work plan is drawn up."),
    english=N_("The joint work plan has not been drawn up."),
)
def _work_plan_drawn_up(p: PartnershipLike) -> Iterator[Hit]:
    if p.work_plan is None:
        yield Hit(path="work_plan")


@requirement(
    "plan_with_every_party",
    guards=advancing_from(Stage.PLANNING),
    basis="Panduan A.5",
    summary=N_("Every party took part in drawing up the plan."),
    english=N_("{name} did not take part in drawing up the work plan."),
)
def _plan_with_every_party(p: PartnershipLike) -> Iterator[Hit]:
    plan = p.work_plan
    if plan is None:
        return
    for party in p.parties:
        if party.id not in plan.participants:
            yield Hit(party.id, "work_plan.participants", {"name": party.name})


@requirement(
    "activities_planned",
    guards=advancing_from(Stage.PLANNING),
    basis="Panduan A.5",
    summary=N_("The plan has activities."),
    english=N_("The work plan has no activities."),
)
def _activities_planned(p: PartnershipLike) -> Iterator[Hit]:
    if p.work_plan is not None and not p.work_plan.activities:
        yield Hit(path="work_plan.activities")


@requirement(
    "activity_responsible_party",
    guards=advancing_from(Stage.PLANNING),
    basis="Panduan A.5",
    summary=N_("Each activity's responsible party is a party to the cooperation."),
    english=N_(
        "The party responsible for '{activity}' ('{party}') is not a party to the cooperation."
    ),
)
def _activity_responsible_party(p: PartnershipLike) -> Iterator[Hit]:
    plan = p.work_plan
    ids = {party.id for party in p.parties}
    for index, activity in enumerate(plan.activities if plan is not None else ()):
        if activity.responsible not in ids:
            yield Hit(
                activity.responsible,
                f"work_plan.activities.{index}.responsible",
                {"activity": activity.name, "party": activity.responsible},
            )


# -- A.6 agreement, A.7 signing -----------------------------------------------------------


@requirement(
    "agreement_drafted",
    guards=(*advancing_from(Stage.AGREEMENT, Stage.SIGNING), (Stage.SIGNING, Move.SIGN)),
    basis="Panduan A.6",
    summary=N_("The memorandum of understanding is drafted."),
    english=N_("The memorandum of understanding has not been drafted."),
)
def _agreement_drafted(p: PartnershipLike) -> Iterator[Hit]:
    if p.agreement is None:
        yield Hit(path="agreement")


@requirement(
    "agreement_parties",
    guards=advancing_from(Stage.AGREEMENT),
    basis="Panduan A.6",
    summary=N_("The agreement's parties are the parties to the cooperation."),
    english=N_(
        "The agreement's parties ({named}) differ from the parties to the cooperation ({expected})."
    ),
)
def _agreement_parties(p: PartnershipLike) -> Iterator[Hit]:
    agreement = p.agreement
    expected = [party.id for party in p.parties]
    if agreement is not None and sorted(agreement.party_ids) != sorted(expected):
        values = {"named": ", ".join(agreement.party_ids), "expected": ", ".join(expected)}
        yield Hit(path="agreement.parties", values=values)


for _code in ("role_for_every_party", "responsibility_for_every_party", "signatory_named"):
    from_agreement(_code, guards=advancing_from(Stage.AGREEMENT))
# The guide asks roles and responsibilities of the MoU (A.6), not a business pattern or a
# term: an MoU with a Dinas or a community figure has no trading pattern (B; A.1), and one
# may run until ended by notice. Cautions, not conditions.
for _code in ("pattern_chosen", "term_set"):
    from_agreement(_code, guards=advancing_from(Stage.AGREEMENT), severity=Severity.WARNING)
from_agreement("all_signed", guards=advancing_from(Stage.SIGNING))


@requirement(
    "plan_in_the_parties_hands",
    guards=advancing_from(Stage.SIGNING),
    basis="Panduan A.5–A.6 (rencana bersama; peran dan tanggung jawab dalam Nota Kesepahaman)",
    summary=N_(
        "Every activity of the work plan is in the hands of a party to the agreement "
        "signed (a caution: a party that withdrew before signing may still hold one)."
    ),
    english=N_(
        "Activity {activity} is in the hands of {name}, who is not a party to the agreement "
        "signed; give it to a party, or take it out of the plan."
    ),
    severity=Severity.WARNING,
)
def _plan_in_the_parties_hands(p: PartnershipLike) -> Iterator[Hit]:
    plan, agreement = p.work_plan, p.agreement
    if plan is None or agreement is None:
        return
    parties = set(agreement.party_ids)
    names = {party.id: party.name for party in [*p.partners, *p.parties]}
    for index, activity in enumerate(plan.activities):
        who = activity.responsible
        if who not in parties:
            path = f"work_plan.activities.{index}.responsible"
            yield Hit(who, path, {"activity": activity.name, "name": names.get(who, who)})


# -- A.8 implementation, A.9 monitoring and evaluation ------------------------------------


@requirement(
    "implementation_recorded",
    guards=advancing_from(Stage.IMPLEMENTATION),
    basis="Panduan A.8",
    summary=N_("An activity is recorded as carried out in this cycle."),
    english=N_("No activity is recorded as carried out in cycle {cycle}."),
)
def _implementation_recorded(p: PartnershipLike) -> Iterator[Hit]:
    if not any(r.cycle == p.cycle for r in p.implementation):
        yield Hit(path="implementation", values={"cycle": p.cycle})


@requirement(
    "carried_out_after_signing",
    guards=advancing_from(Stage.IMPLEMENTATION),
    basis="Panduan A.7–A.8 (kegiatan dilaksanakan setelah kesepakatan ditandatangani)",
    summary=N_(
        "What is recorded as carried out is dated on or after the agreement's date "
        "(a caution: a mistyped year, or work done before the agreement)."
    ),
    english=N_(
        "{activity} is recorded as carried out on {on}, before the agreement of {signed}; "
        "check the date."
    ),
    severity=Severity.WARNING,
)
def _carried_out_after_signing(p: PartnershipLike) -> Iterator[Hit]:
    agreement = p.agreement
    if agreement is None:
        return
    for index, record in enumerate(p.implementation):
        if record.cycle == p.cycle and record.on < agreement.date:
            values = {"activity": record.activity, "on": record.on, "signed": agreement.date}
            yield Hit(path=f"implementation.{index}.on", values=values)


@requirement(
    "monitoring_recorded",
    guards=advancing_from(Stage.MONITORING),
    basis="Panduan A.9",
    summary=N_("There is a monitoring record in this cycle."),
    english=N_("There is no monitoring record in cycle {cycle}."),
)
def _monitoring_recorded(p: PartnershipLike) -> Iterator[Hit]:
    if not any(r.cycle == p.cycle for r in p.monitoring):
        yield Hit(path="monitoring", values={"cycle": p.cycle})


@requirement(
    "joint_evaluation",
    guards=advancing_from(Stage.MONITORING),
    basis="Panduan A.9",
    summary=N_("The joint evaluation of this cycle took place."),
    english=N_("The joint evaluation of cycle {cycle} has not taken place."),
)
def _joint_evaluation(p: PartnershipLike) -> Iterator[Hit]:
    if not any(e.cycle == p.cycle for e in p.evaluations):
        yield Hit(path="evaluations", values={"cycle": p.cycle})


@requirement(
    "evaluation_with_every_party",
    guards=advancing_from(Stage.MONITORING),
    basis="Panduan A.9",
    summary=N_(
        "Every party of the agreement took part in the joint evaluation (as a participant, "
        "or by giving its view of the partnership's health)."
    ),
    english=N_("{name} has not taken part in the joint evaluation."),
)
def _evaluation_with_every_party(p: PartnershipLike) -> Iterator[Hit]:
    evaluations = [e for e in p.evaluations if e.cycle == p.cycle]
    present = {pid for e in evaluations for pid in e.participants}
    present |= {v.party_id for e in evaluations for v in e.views}
    parties = p.agreement.parties if p.agreement is not None else p.parties
    for party in parties if evaluations else ():
        if party.id not in present:
            yield Hit(party.id, "evaluations", {"name": party.name})


# -- A.10 improvement and decision ------------------------------------------------------------


@requirement(
    "decision_recorded",
    guards=advancing_from(Stage.IMPROVEMENT),
    basis="Panduan A.10",
    summary=N_("The decision whether to continue next year is recorded."),
    english=N_("The decision whether to continue next year is not recorded."),
)
def _decision_recorded(p: PartnershipLike) -> Iterator[Hit]:
    if p.decision() is None:
        yield Hit(path="decisions")


@requirement(
    "decision_to_continue",
    guards=advancing_from(Stage.IMPROVEMENT),
    basis="Panduan A.11",
    summary=N_("The parties decided to continue (otherwise end())."),
    english=N_("The parties decided not to continue; end the cooperation instead."),
)
def _decision_to_continue(p: PartnershipLike) -> Iterator[Hit]:
    decision = p.decision()
    if decision is not None and not decision.continue_cooperation:
        yield Hit(path="decisions")


# -- A.11 follow-up and renewal -------------------------------------------------------------


@requirement(
    "follow_up_plan",
    guards=RENEWAL,
    basis="Panduan A.11",
    summary=N_("The plan for the next cycle is drawn up."),
    english=N_("The plan for cycle {cycle} has not been drawn up."),
)
def _follow_up_plan(p: PartnershipLike) -> Iterator[Hit]:
    if p.follow_up_plan() is None:
        yield Hit(path="follow_up_plans", values={"cycle": p.cycle + 1})


@requirement(
    "follow_up_considers_evaluation",
    guards=RENEWAL,
    basis="Panduan A.11",
    summary=N_("The follow-up plan records the lessons of the evaluation."),
    english=N_("The follow-up plan must take the evaluation and reflection into account."),
)
def _follow_up_considers_evaluation(p: PartnershipLike) -> Iterator[Hit]:
    plan = p.follow_up_plan()
    if plan is not None and not plan.lessons:
        yield Hit(path="follow_up_plans")


@requirement(
    "term_extended",
    guards=RENEWAL,
    basis="Panduan A.11",
    summary=N_(
        "The term in force (the latest addendum's, else the agreement's) covers the "
        "plan's period; an agreement without a term runs until the parties end it, and covers "
        'any period (A.11: extending is done "if deemed necessary").'
    ),
    english=N_("The term (ending {ends}) is not extended to {until}."),
)
def _term_extended(p: PartnershipLike) -> Iterator[Hit]:
    plan = p.follow_up_plan()
    term = p.effective_term
    if plan is not None and term is not None and term.end < plan.period.end:
        yield Hit(path="addenda", values={"ends": term.end, "until": plan.period.end})


@requirement(
    "addendum_signed",
    guards=RENEWAL,
    basis="Panduan A.11",
    summary=N_(
        "When the plan says the agreement changes, an addendum made after the plan, free "
        "of errors, is signed by every party."
    ),
    english=N_("The plan says the agreement changes, but no addendum is signed by every party."),
    replaces=("addendum_made",),
)
def _addendum_signed(p: PartnershipLike) -> Iterator[Hit]:
    plan = p.follow_up_plan()
    if (
        plan is not None
        and plan.amend_agreement
        and not any(a.date >= plan.drawn_up_on for a in p.signed_addenda())
    ):
        yield Hit(path="addenda")


# -- A.7 and A.11: signing the agreement and its addenda, declared in their own module, here
# (the order of declaration is the order requirements are reported in)

from kemitraan._signing_requirements import __all__ as _signing  # noqa: E402, F401  # declares

# -- decline and end --------------------------------------------------------------------------


@requirement_on_ask(
    "reason_given",
    guards=STOPPING,
    basis="Panduan A.4, A.10",
    summary=N_("A reason is recorded."),
    english=N_("A reason must be recorded."),
)
def _reason_given(p: PartnershipLike, ask: Ask) -> Iterator[Hit]:
    if ask.reason is None or not ask.reason.strip():
        yield Hit()
