"""The public names of kemitraan, for type checkers; they load lazily (see ``__init__.py``)."""

from ._base import (
    SCHEMA_VERSION as SCHEMA_VERSION,
    BilingualText as BilingualText,
    LabelledEnum as LabelledEnum,
)
from ._machine import (
    PartnershipMachine as PartnershipMachine,
    graphviz_diagram as graphviz_diagram,
    mermaid_diagram as mermaid_diagram,
)
from ._types import (
    MaskedStr as MaskedStr,
    Period as Period,
)
from .agreements import (
    Agreement as Agreement,
)
from .amendments import (
    AnyAmendment as AnyAmendment,
    ArticleChange as ArticleChange,
    ArticleDeletion as ArticleDeletion,
    ArticleInsertion as ArticleInsertion,
    FinancingChange as FinancingChange,
    PatternChange as PatternChange,
    RoleChange as RoleChange,
    ScopeChange as ScopeChange,
    TermChange as TermChange,
)
from .authority import (
    Authority as Authority,
    AuthorityKind as AuthorityKind,
)
from .conventions import (
    STAMP_DUTY as STAMP_DUTY,
    party_label as party_label,
)
from .deviations import (
    Deviation as Deviation,
    DeviationKind as DeviationKind,
    Thresholds as Thresholds,
    detect_deviations as detect_deviations,
)
from .documents import (
    DocumentTemplate as DocumentTemplate,
    MonitoringReport as MonitoringReport,
    agreement_context as agreement_context,
    export_template as export_template,
    missing_translations as missing_translations,
    monitoring_report as monitoring_report,
    render_document as render_document,
    render_documents as render_documents,
    to_pdf as to_pdf,
)
from .documents.context import (
    AgreementContext as AgreementContext,
)
from .evaluation import (
    Divergence as Divergence,
    carry_forward as carry_forward,
    divergences as divergences,
    draft_evaluation as draft_evaluation,
    indicator_reached as indicator_reached,
    unaddressed_problems as unaddressed_problems,
)
from .exceptions import (
    AgreementNotReadyError as AgreementNotReadyError,
    ConversionFailedError as ConversionFailedError,
    ConverterNotFoundError as ConverterNotFoundError,
    DocumentNotFoundError as DocumentNotFoundError,
    InvalidArgumentError as InvalidArgumentError,
    InvalidDataError as InvalidDataError,
    InvalidDeclarationError as InvalidDeclarationError,
    KemitraanError as KemitraanError,
    MissingExtraError as MissingExtraError,
    MissingTemplateVariablesError as MissingTemplateVariablesError,
    MissingTranslationsError as MissingTranslationsError,
    MoveNotAllowedError as MoveNotAllowedError,
    NotFoundError as NotFoundError,
    PartnershipNotFoundError as PartnershipNotFoundError,
    ReadOnlyFieldError as ReadOnlyFieldError,
    RequirementsUnmetError as RequirementsUnmetError,
    TemplateRenderError as TemplateRenderError,
    TransitionRefusedError as TransitionRefusedError,
    UnknownDocumentKindError as UnknownDocumentKindError,
    UnknownNeedError as UnknownNeedError,
    UnknownPartyError as UnknownPartyError,
    UnsafeTemplateError as UnsafeTemplateError,
    UnsupportedLanguageError as UnsupportedLanguageError,
    UnsupportedSchemaVersionError as UnsupportedSchemaVersionError,
    VersionConflictError as VersionConflictError,
)
from .exploration import (
    Exploration as Exploration,
    ExplorationKind as ExplorationKind,
    ExplorationResponse as ExplorationResponse,
    PartnerResponse as PartnerResponse,
)
from .findings import (
    Finding as Finding,
    Requirement as Requirement,
    Severity as Severity,
)
from .io import (
    dump_json as dump_json,
    json_schema as json_schema,
    load_json as load_json,
    save_json as save_json,
)
from .lifecycle import (
    AuditRecord as AuditRecord,
    Move as Move,
    Stage as Stage,
    allowed_moves as allowed_moves,
    transition_table as transition_table,
)
from .maintenance import (
    CHECKLISTS as CHECKLISTS,
    ChecklistAnswer as ChecklistAnswer,
    ChecklistItem as ChecklistItem,
    Interaction as Interaction,
    InteractionKind as InteractionKind,
    PartnerEvent as PartnerEvent,
    Technique as Technique,
    checklist_item as checklist_item,
)
from .maintenance.health import (
    HealthStatus as HealthStatus,
    PartnerHealth as PartnerHealth,
    TechniqueHealth as TechniqueHealth,
    partner_health as partner_health,
)
from .maintenance.touchpoints import (
    PlannerSettings as PlannerSettings,
    Touchpoint as Touchpoint,
    TouchpointKind as TouchpointKind,
    plan_touchpoints as plan_touchpoints,
    touchpoints_ical as touchpoints_ical,
)
from .mapping import (
    CandidateRegister as CandidateRegister,
    GridQuadrant as GridQuadrant,
    LevelGroup as LevelGroup,
    MappingLevel as MappingLevel,
    Salience as Salience,
    StakeholderRating as StakeholderRating,
    mapping_level as mapping_level,
)
from .monitoring import (
    ActivityProgress as ActivityProgress,
    Decision as Decision,
    Evaluation as Evaluation,
    HealthItem as HealthItem,
    ImplementationRecord as ImplementationRecord,
    ImprovementAction as ImprovementAction,
    IndicatorValue as IndicatorValue,
    MonitoringRecord as MonitoringRecord,
    Obstacle as Obstacle,
    PartnerView as PartnerView,
    ProblemMet as ProblemMet,
    Spending as Spending,
)
from .obligations import (
    Evidence as Evidence,
    Obligation as Obligation,
    ObligationState as ObligationState,
    ObligationStatus as ObligationStatus,
    obligation_status as obligation_status,
    obligations as obligations,
    obligations_by_party as obligations_by_party,
)
from .parties import (
    AnyParty as AnyParty,
    BusinessScale as BusinessScale,
    Contact as Contact,
    ContributionKind as ContributionKind,
    EducationUnitType as EducationUnitType,
    GatheringApproach as GatheringApproach,
    GatheringMethod as GatheringMethod,
    GatheringRecord as GatheringRecord,
    Institution as Institution,
    Partner as Partner,
    PartnerKind as PartnerKind,
    Party as Party,
    PartyProfile as PartyProfile,
    Representative as Representative,
    ScaleBasis as ScaleBasis,
    ScaleEvidence as ScaleEvidence,
    classify_scale as classify_scale,
)
from .partnerships import (
    Partnership as Partnership,
)
from .pattern_terms import (
    AgencyTerms as AgencyTerms,
    ChainLink as ChainLink,
    Contribution as Contribution,
    CorePlasmaTerms as CorePlasmaTerms,
    FosterParentTerms as FosterParentTerms,
    FranchiseTerms as FranchiseTerms,
    GeneralTradeTerms as GeneralTradeTerms,
    JointVentureTerms as JointVentureTerms,
    Loan as Loan,
    OperationalCooperationTerms as OperationalCooperationTerms,
    OutsourcingTerms as OutsourcingTerms,
    PatternTerms as PatternTerms,
    ProfitSharingTerms as ProfitSharingTerms,
    SubcontractTerms as SubcontractTerms,
    SupplyChainTerms as SupplyChainTerms,
    TradedGood as TradedGood,
    TradeMode as TradeMode,
)
from .patterns import (
    PatternInfo as PatternInfo,
    PatternKind as PatternKind,
    pattern_info as pattern_info,
)
from .planning import (
    Direction as Direction,
    FollowUpPlan as FollowUpPlan,
    Indicator as Indicator,
    Objective as Objective,
    ObjectiveLevel as ObjectiveLevel,
    PlannedActivity as PlannedActivity,
    Target as Target,
    WorkPlan as WorkPlan,
)
from .programs import (
    OFFERS_MEETING as OFFERS_MEETING,
    NeedKind as NeedKind,
    Participants as Participants,
    Program as Program,
    ProgramKind as ProgramKind,
    ProgramNeed as ProgramNeed,
)
from .provisions import (
    AgreementKind as AgreementKind,
    AgreementReference as AgreementReference,
    Amendment as Amendment,
    Breach as Breach,
    Definition as Definition,
    DisputeForum as DisputeForum,
    DisputeSettlement as DisputeSettlement,
    ForceMajeure as ForceMajeure,
    Funding as Funding,
    MonitoringArrangement as MonitoringArrangement,
    MonitoringFrequency as MonitoringFrequency,
    NoticeAddress as NoticeAddress,
    PartyRole as PartyRole,
    Payment as Payment,
    Signatory as Signatory,
    Term as Term,
    Termination as Termination,
)
from .recommender import (
    PatternRecommendation as PatternRecommendation,
    recommend_patterns as recommend_patterns,
)
from .regions import (
    Region as Region,
    province_names as province_names,
)
from .relevance import (
    RelevanceAssessment as RelevanceAssessment,
)
from .requirements import (
    requirement_codes as requirement_codes,
)
from .scoring import (
    CRITERIA as CRITERIA,
    DEFAULT_WEIGHTS as DEFAULT_WEIGHTS,
    CandidateFacts as CandidateFacts,
    CandidateScore as CandidateScore,
    Criterion as Criterion,
    CriterionScore as CriterionScore,
    Ranking as Ranking,
    WeightSwap as WeightSwap,
    rank_candidates as rank_candidates,
)
from .summary import (
    current_plan as current_plan,
    stage_counts as stage_counts,
    waiting_on as waiting_on,
)
from .verification import (
    verification_code as verification_code,
    verify_code as verify_code,
)

__version__: str
__all__: list[str]
