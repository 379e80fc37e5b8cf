import pytest

import kemitraan


def test_all_is_pinned() -> None:
    # The everyday path (issue 16: about 60-80 names); everything else is in a named submodule.
    assert kemitraan.__all__ == [
        "SCHEMA_VERSION",
        "ActivityProgress",
        "Agreement",
        "AgreementKind",
        "AuditRecord",
        "Authority",
        "BilingualText",
        "BusinessScale",
        "CandidateRegister",
        "Contact",
        "ContributionKind",
        "Decision",
        "Evaluation",
        "Exploration",
        "ExplorationKind",
        "ExplorationResponse",
        "Finding",
        "FollowUpPlan",
        "Funding",
        "GatheringMethod",
        "GatheringRecord",
        "ImplementationRecord",
        "ImprovementAction",
        "Indicator",
        "IndicatorValue",
        "Institution",
        "Interaction",
        "InteractionKind",
        "InvalidArgumentError",
        "InvalidDataError",
        "KemitraanError",
        "Language",
        "MonitoringRecord",
        "Move",
        "MoveNotAllowedError",
        "NotFoundError",
        "Objective",
        "Partner",
        "PartnerKind",
        "PartnerResponse",
        "PartnerView",
        "Partnership",
        "PartyProfile",
        "PartyRole",
        "PatternKind",
        "Period",
        "PlannedActivity",
        "Program",
        "ProgramNeed",
        "ReadOnlyFieldError",
        "Region",
        "RelevanceAssessment",
        "Representative",
        "RequirementsUnmetError",
        "Severity",
        "Signatory",
        "Stage",
        "Term",
        "UnknownPartyError",
        "WorkPlan",
        "__version__",
        "detect_deviations",
        "draft_evaluation",
        "dump_json",
        "json_schema",
        "load_json",
        "monitoring_report",
        "obligation_status",
        "partner_health",
        "plan_touchpoints",
        "rank_candidates",
        "recommend_patterns",
        "render_document",
        "render_documents",
        "save_json",
        "to_pdf",
        "touchpoints_ical",
    ]
    assert 60 <= len(kemitraan.__all__) <= 80


def test_all_is_sorted_and_importable() -> None:
    upper = [n for n in kemitraan.__all__ if n.isupper()]
    rest = [n for n in kemitraan.__all__ if not n.isupper()]
    assert kemitraan.__all__ == upper + rest
    assert rest == sorted(rest, key=lambda n: (n[0].islower() or n.startswith("_"), n))
    for name in kemitraan.__all__:
        assert hasattr(kemitraan, name), name


def test_issue_front_door() -> None:
    from kemitraan import (  # noqa: F401
        Agreement,
        BusinessScale,
        Institution,
        Partner,
        PartnerKind,
        Program,
    )


# Where the names that left the front door live (issue 16): each keeps its runnable example.
MOVED = {
    "kemitraan._base": ["LabelledEnum"],
    "kemitraan._types": ["MaskedStr"],
    "kemitraan.amendments": [
        "AnyAmendment",
        "ArticleChange",
        "ArticleDeletion",
        "ArticleInsertion",
        "FinancingChange",
        "PatternChange",
        "RoleChange",
        "ScopeChange",
        "TermChange",
    ],
    "kemitraan.authority": ["AuthorityKind"],
    "kemitraan.conventions": ["STAMP_DUTY", "party_label"],
    "kemitraan.deviations": ["Deviation", "DeviationKind", "Thresholds"],
    "kemitraan.diagrams": ["PartnershipMachine", "graphviz_diagram", "mermaid_diagram"],
    "kemitraan.documents": [
        "DocumentTemplate",
        "MonitoringReport",
        "agreement_context",
        "export_template",
        "missing_translations",
    ],
    "kemitraan.documents.context": ["AgreementContext"],
    "kemitraan.evaluation": [
        "Divergence",
        "carry_forward",
        "divergences",
        "indicator_reached",
        "unaddressed_problems",
    ],
    "kemitraan.exceptions": [
        "AgreementNotReadyError",
        "ConversionFailedError",
        "ConverterNotFoundError",
        "DocumentNotFoundError",
        "InvalidDeclarationError",
        "MissingExtraError",
        "MissingTemplateVariablesError",
        "MissingTranslationsError",
        "PartnershipNotFoundError",
        "TemplateRenderError",
        "TransitionRefusedError",
        "UnknownDocumentKindError",
        "UnknownNeedError",
        "UnsafeTemplateError",
        "UnsupportedLanguageError",
        "UnsupportedSchemaVersionError",
        "VersionConflictError",
    ],
    "kemitraan.findings": ["Requirement"],
    "kemitraan.lifecycle": ["allowed_moves", "transition_table"],
    "kemitraan.maintenance": [
        "CHECKLISTS",
        "ChecklistAnswer",
        "ChecklistItem",
        "PartnerEvent",
        "Technique",
        "checklist_item",
    ],
    "kemitraan.maintenance.health": ["HealthStatus", "PartnerHealth", "TechniqueHealth"],
    "kemitraan.maintenance.touchpoints": ["PlannerSettings", "Touchpoint", "TouchpointKind"],
    "kemitraan.mapping": [
        "GridQuadrant",
        "LevelGroup",
        "MappingLevel",
        "Salience",
        "StakeholderRating",
        "mapping_level",
    ],
    "kemitraan.monitoring": ["HealthItem", "Obstacle", "ProblemMet", "Spending"],
    "kemitraan.obligations": [
        "Evidence",
        "Obligation",
        "ObligationState",
        "ObligationStatus",
        "obligations",
        "obligations_by_party",
    ],
    "kemitraan.parties": [
        "AnyParty",
        "EducationUnitType",
        "GatheringApproach",
        "Party",
        "ScaleBasis",
        "ScaleEvidence",
        "classify_scale",
    ],
    "kemitraan.pattern_terms": [
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
        "TradeMode",
        "TradedGood",
    ],
    "kemitraan.patterns": ["PatternInfo", "pattern_info"],
    "kemitraan.planning": ["Direction", "ObjectiveLevel", "Target"],
    "kemitraan.programs": ["NeedKind", "OFFERS_MEETING", "Participants", "ProgramKind"],
    "kemitraan.provisions": [
        "AgreementReference",
        "Amendment",
        "Breach",
        "Definition",
        "DisputeForum",
        "DisputeSettlement",
        "ForceMajeure",
        "MonitoringArrangement",
        "MonitoringFrequency",
        "NoticeAddress",
        "Payment",
        "Termination",
    ],
    "kemitraan.recommender": ["PatternRecommendation"],
    "kemitraan.regions": ["province_names"],
    "kemitraan.requirements": ["requirement_codes"],
    "kemitraan.scoring": [
        "CRITERIA",
        "CandidateFacts",
        "CandidateScore",
        "Criterion",
        "CriterionScore",
        "DEFAULT_WEIGHTS",
        "Ranking",
        "WeightSwap",
    ],
    "kemitraan.summary": ["current_plan", "stage_counts", "waiting_on"],
    "kemitraan.verification": ["verification_code", "verify_code"],
}


@pytest.mark.parametrize("module", ["kemitraan", *MOVED])
def test_every_public_class_and_function_has_a_runnable_example(module: str) -> None:
    import importlib
    import inspect

    loaded = importlib.import_module(module)
    names = kemitraan.__all__ if module == "kemitraan" else MOVED[module]
    missing = [
        name
        for name in names
        if (inspect.isclass(obj := getattr(loaded, name)) or inspect.isfunction(obj))
        and ">>>" not in (inspect.getdoc(obj) or "")
    ]
    assert missing == []


def test_a_bare_import_loads_no_document_library() -> None:
    import subprocess
    import sys

    code = (
        "import sys, kemitraan; from kemitraan import Partnership, Agreement; "
        "print(sorted(m for m in ('docxtpl', 'docx', 'jinja2', 'lxml', 'email_validator') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_every_public_name_resolves_in_a_fresh_process() -> None:
    import subprocess
    import sys

    code = "import kemitraan; [getattr(kemitraan, n) for n in kemitraan.__all__]; print('ok')"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "ok"
