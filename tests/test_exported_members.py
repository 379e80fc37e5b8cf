import kemitraan


def test_all_is_pinned() -> None:
    assert kemitraan.__all__ == [
        "CHECKLISTS",
        "CRITERIA",
        "DEFAULT_WEIGHTS",
        "OFFERS_MEETING",
        "SCHEMA_VERSION",
        "STAMP_DUTY",
        "ActivityProgress",
        "AgencyTerms",
        "Agreement",
        "AgreementContext",
        "AgreementKind",
        "AgreementNotReadyError",
        "AgreementReference",
        "Amendment",
        "AnyAmendment",
        "AnyParty",
        "ArticleChange",
        "ArticleDeletion",
        "ArticleInsertion",
        "AuditRecord",
        "Authority",
        "AuthorityKind",
        "BilingualText",
        "Breach",
        "BusinessScale",
        "CandidateFacts",
        "CandidateRegister",
        "CandidateScore",
        "ChainLink",
        "ChecklistAnswer",
        "ChecklistItem",
        "Contact",
        "Contribution",
        "ContributionKind",
        "ConversionFailedError",
        "ConverterNotFoundError",
        "CorePlasmaTerms",
        "Criterion",
        "CriterionScore",
        "Decision",
        "Definition",
        "Deviation",
        "DeviationKind",
        "Direction",
        "DisputeForum",
        "DisputeSettlement",
        "Divergence",
        "DocumentNotFoundError",
        "DocumentTemplate",
        "EducationUnitType",
        "Evaluation",
        "Evidence",
        "Exploration",
        "ExplorationKind",
        "ExplorationResponse",
        "FinancingChange",
        "Finding",
        "FollowUpPlan",
        "ForceMajeure",
        "FosterParentTerms",
        "FranchiseTerms",
        "Funding",
        "GatheringApproach",
        "GatheringMethod",
        "GatheringRecord",
        "GeneralTradeTerms",
        "GridQuadrant",
        "HealthItem",
        "HealthStatus",
        "ImplementationRecord",
        "ImprovementAction",
        "Indicator",
        "IndicatorValue",
        "Institution",
        "Interaction",
        "InteractionKind",
        "InvalidArgumentError",
        "InvalidDataError",
        "InvalidDeclarationError",
        "JointVentureTerms",
        "KemitraanError",
        "LabelledEnum",
        "LevelGroup",
        "Loan",
        "MappingLevel",
        "MaskedStr",
        "MissingExtraError",
        "MissingTemplateVariablesError",
        "MissingTranslationsError",
        "MonitoringArrangement",
        "MonitoringFrequency",
        "MonitoringRecord",
        "MonitoringReport",
        "Move",
        "MoveNotAllowedError",
        "NeedKind",
        "NotFoundError",
        "NoticeAddress",
        "Objective",
        "ObjectiveLevel",
        "Obligation",
        "ObligationState",
        "ObligationStatus",
        "Obstacle",
        "OperationalCooperationTerms",
        "OutsourcingTerms",
        "Participants",
        "Partner",
        "PartnerEvent",
        "PartnerHealth",
        "PartnerKind",
        "PartnerResponse",
        "PartnerView",
        "Partnership",
        "PartnershipMachine",
        "Party",
        "PartyProfile",
        "PartyRole",
        "PatternChange",
        "PatternInfo",
        "PatternKind",
        "PatternRecommendation",
        "PatternTerms",
        "Payment",
        "Period",
        "PlannedActivity",
        "PlannerSettings",
        "ProblemMet",
        "ProfitSharingTerms",
        "Program",
        "ProgramKind",
        "ProgramNeed",
        "Ranking",
        "ReadOnlyFieldError",
        "Region",
        "RelevanceAssessment",
        "Representative",
        "Requirement",
        "RequirementsUnmetError",
        "RoleChange",
        "Salience",
        "ScaleBasis",
        "ScaleEvidence",
        "ScopeChange",
        "Severity",
        "Signatory",
        "Spending",
        "Stage",
        "StakeholderRating",
        "SubcontractTerms",
        "SupplyChainTerms",
        "Target",
        "Technique",
        "TechniqueHealth",
        "TemplateRenderError",
        "Term",
        "TermChange",
        "Termination",
        "Thresholds",
        "Touchpoint",
        "TouchpointKind",
        "TradeMode",
        "TradedGood",
        "TransitionRefusedError",
        "UnknownDocumentKindError",
        "UnknownNeedError",
        "UnknownPartyError",
        "UnsafeTemplateError",
        "UnsupportedLanguageError",
        "UnsupportedSchemaVersionError",
        "WeightSwap",
        "WorkPlan",
        "__version__",
        "agreement_context",
        "allowed_moves",
        "carry_forward",
        "checklist_item",
        "classify_scale",
        "current_plan",
        "detect_deviations",
        "divergences",
        "draft_evaluation",
        "dump_json",
        "export_template",
        "graphviz_diagram",
        "indicator_reached",
        "json_schema",
        "load_json",
        "mapping_level",
        "mermaid_diagram",
        "missing_translations",
        "monitoring_report",
        "obligation_status",
        "obligations",
        "obligations_by_party",
        "partner_health",
        "party_label",
        "pattern_info",
        "plan_touchpoints",
        "province_names",
        "rank_candidates",
        "recommend_patterns",
        "render_document",
        "render_documents",
        "requirement_codes",
        "save_json",
        "stage_counts",
        "to_pdf",
        "touchpoints_ical",
        "transition_table",
        "unaddressed_problems",
        "verification_code",
        "verify_code",
        "waiting_on",
    ]


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


def test_every_public_class_and_function_has_a_runnable_example() -> None:
    import inspect

    missing = [
        name
        for name in kemitraan.__all__
        if (inspect.isclass(obj := getattr(kemitraan, name)) or inspect.isfunction(obj))
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
