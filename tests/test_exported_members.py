import kemitraan


def test_all_is_pinned() -> None:
    assert kemitraan.__all__ == [
        "SCHEMA_VERSION",
        "STAMP_DUTY",
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
        "ChainLink",
        "Contact",
        "Contribution",
        "ContributionKind",
        "ConversionFailedError",
        "ConverterNotFoundError",
        "CorePlasmaTerms",
        "Decision",
        "Definition",
        "DisputeForum",
        "DisputeSettlement",
        "DocumentNotFoundError",
        "DocumentTemplate",
        "EducationUnitType",
        "Evaluation",
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
        "ImplementationRecord",
        "Institution",
        "InvalidArgumentError",
        "InvalidDataError",
        "InvalidDeclarationError",
        "JointVentureTerms",
        "KemitraanError",
        "LabelledEnum",
        "Loan",
        "MaskedStr",
        "MissingExtraError",
        "MissingTemplateVariablesError",
        "MissingTranslationsError",
        "MonitoringArrangement",
        "MonitoringFrequency",
        "MonitoringRecord",
        "Move",
        "MoveNotAllowedError",
        "NeedKind",
        "NotFoundError",
        "NoticeAddress",
        "Obstacle",
        "OperationalCooperationTerms",
        "OutsourcingTerms",
        "Participants",
        "Partner",
        "PartnerKind",
        "PartnerResponse",
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
        "ProfitSharingTerms",
        "Program",
        "ProgramKind",
        "ProgramNeed",
        "ReadOnlyFieldError",
        "Region",
        "RelevanceAssessment",
        "Representative",
        "Requirement",
        "RequirementsUnmetError",
        "RoleChange",
        "ScaleBasis",
        "ScaleEvidence",
        "ScopeChange",
        "Severity",
        "Signatory",
        "Stage",
        "SubcontractTerms",
        "SupplyChainTerms",
        "TemplateRenderError",
        "Term",
        "TermChange",
        "Termination",
        "TradeMode",
        "TradedGood",
        "TransitionRefusedError",
        "UnknownDocumentKindError",
        "UnknownNeedError",
        "UnknownPartyError",
        "UnsafeTemplateError",
        "UnsupportedLanguageError",
        "UnsupportedSchemaVersionError",
        "WorkPlan",
        "__version__",
        "agreement_context",
        "allowed_moves",
        "classify_scale",
        "dump_json",
        "export_template",
        "graphviz_diagram",
        "json_schema",
        "load_json",
        "mermaid_diagram",
        "missing_translations",
        "party_label",
        "pattern_info",
        "province_names",
        "recommend_patterns",
        "render_document",
        "render_documents",
        "requirement_codes",
        "save_json",
        "stage_counts",
        "to_pdf",
        "transition_table",
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
