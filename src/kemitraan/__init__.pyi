"""The public names of kemitraan, for type checkers; they load lazily (see ``__init__.py``)."""

from ._base import (
    SCHEMA_VERSION as SCHEMA_VERSION,
)
from ._base import (
    BilingualText as BilingualText,
)
from ._base import (
    LabelledEnum as LabelledEnum,
)
from ._types import (
    MaskedStr as MaskedStr,
)
from ._types import (
    Period as Period,
)
from .agreements import (
    Agreement as Agreement,
)
from .conventions import (
    STAMP_DUTY as STAMP_DUTY,
)
from .conventions import (
    party_label as party_label,
)
from .documents import (
    DocumentTemplate as DocumentTemplate,
)
from .documents import (
    agreement_context as agreement_context,
)
from .documents import (
    missing_translations as missing_translations,
)
from .documents import (
    render_document as render_document,
)
from .documents import (
    render_documents as render_documents,
)
from .documents import (
    to_pdf as to_pdf,
)
from .exceptions import (
    ActionNotAllowedError as ActionNotAllowedError,
)
from .exceptions import (
    AgreementNotReadyError as AgreementNotReadyError,
)
from .exceptions import (
    ConversionFailedError as ConversionFailedError,
)
from .exceptions import (
    ConverterNotFoundError as ConverterNotFoundError,
)
from .exceptions import (
    DocumentNotFoundError as DocumentNotFoundError,
)
from .exceptions import (
    InvalidArgumentError as InvalidArgumentError,
)
from .exceptions import (
    InvalidDataError as InvalidDataError,
)
from .exceptions import (
    InvalidDeclarationError as InvalidDeclarationError,
)
from .exceptions import (
    KemitraanError as KemitraanError,
)
from .exceptions import (
    MissingExtraError as MissingExtraError,
)
from .exceptions import (
    MissingTemplateVariablesError as MissingTemplateVariablesError,
)
from .exceptions import (
    MissingTranslationsError as MissingTranslationsError,
)
from .exceptions import (
    MoveNotAllowedError as MoveNotAllowedError,
)
from .exceptions import (
    NotFoundError as NotFoundError,
)
from .exceptions import (
    ReadOnlyFieldError as ReadOnlyFieldError,
)
from .exceptions import (
    RequirementsUnmetError as RequirementsUnmetError,
)
from .exceptions import (
    TemplateRenderError as TemplateRenderError,
)
from .exceptions import (
    TransitionRefusedError as TransitionRefusedError,
)
from .exceptions import (
    UnknownDocumentKindError as UnknownDocumentKindError,
)
from .exceptions import (
    UnknownNeedError as UnknownNeedError,
)
from .exceptions import (
    UnknownPartyError as UnknownPartyError,
)
from .exceptions import (
    UnsafeTemplateError as UnsafeTemplateError,
)
from .exceptions import (
    UnsupportedLanguageError as UnsupportedLanguageError,
)
from .exceptions import (
    UnsupportedSchemaVersionError as UnsupportedSchemaVersionError,
)
from .exploration import (
    Exploration as Exploration,
)
from .exploration import (
    ExplorationKind as ExplorationKind,
)
from .exploration import (
    ExplorationResponse as ExplorationResponse,
)
from .exploration import (
    PartnerResponse as PartnerResponse,
)
from .findings import (
    Finding as Finding,
)
from .findings import (
    Requirement as Requirement,
)
from .findings import (
    Severity as Severity,
)
from .io import (
    dump_json as dump_json,
)
from .io import (
    json_schema as json_schema,
)
from .io import (
    load_json as load_json,
)
from .lifecycle import (
    AuditRecord as AuditRecord,
)
from .lifecycle import (
    Move as Move,
)
from .lifecycle import (
    PartnershipMachine as PartnershipMachine,
)
from .lifecycle import (
    Stage as Stage,
)
from .lifecycle import (
    allowed_moves as allowed_moves,
)
from .lifecycle import (
    graphviz_diagram as graphviz_diagram,
)
from .lifecycle import (
    mermaid_diagram as mermaid_diagram,
)
from .lifecycle import (
    transition_table as transition_table,
)
from .monitoring import (
    Decision as Decision,
)
from .monitoring import (
    Evaluation as Evaluation,
)
from .monitoring import (
    ImplementationRecord as ImplementationRecord,
)
from .monitoring import (
    MonitoringRecord as MonitoringRecord,
)
from .monitoring import (
    Obstacle as Obstacle,
)
from .parties import (
    AnyParty as AnyParty,
)
from .parties import (
    BusinessScale as BusinessScale,
)
from .parties import (
    Contact as Contact,
)
from .parties import (
    ContributionKind as ContributionKind,
)
from .parties import (
    EducationUnitType as EducationUnitType,
)
from .parties import (
    GatheringApproach as GatheringApproach,
)
from .parties import (
    GatheringMethod as GatheringMethod,
)
from .parties import (
    GatheringRecord as GatheringRecord,
)
from .parties import (
    Institution as Institution,
)
from .parties import (
    Partner as Partner,
)
from .parties import (
    PartnerKind as PartnerKind,
)
from .parties import (
    Party as Party,
)
from .parties import (
    PartyProfile as PartyProfile,
)
from .parties import (
    Representative as Representative,
)
from .parties import (
    ScaleBasis as ScaleBasis,
)
from .parties import (
    ScaleEvidence as ScaleEvidence,
)
from .parties import (
    classify_scale as classify_scale,
)
from .partnerships import (
    Partnership as Partnership,
)
from .partnerships import (
    stage_counts as stage_counts,
)
from .partnerships import (
    waiting_on as waiting_on,
)
from .pattern_terms import (
    AgencyTerms as AgencyTerms,
)
from .pattern_terms import (
    ChainLink as ChainLink,
)
from .pattern_terms import (
    Contribution as Contribution,
)
from .pattern_terms import (
    CorePlasmaTerms as CorePlasmaTerms,
)
from .pattern_terms import (
    FosterParentTerms as FosterParentTerms,
)
from .pattern_terms import (
    FranchiseTerms as FranchiseTerms,
)
from .pattern_terms import (
    GeneralTradeTerms as GeneralTradeTerms,
)
from .pattern_terms import (
    JointVentureTerms as JointVentureTerms,
)
from .pattern_terms import (
    Loan as Loan,
)
from .pattern_terms import (
    OperationalCooperationTerms as OperationalCooperationTerms,
)
from .pattern_terms import (
    OutsourcingTerms as OutsourcingTerms,
)
from .pattern_terms import (
    PatternTerms as PatternTerms,
)
from .pattern_terms import (
    ProfitSharingTerms as ProfitSharingTerms,
)
from .pattern_terms import (
    SubcontractTerms as SubcontractTerms,
)
from .pattern_terms import (
    SupplyChainTerms as SupplyChainTerms,
)
from .pattern_terms import (
    TradedGood as TradedGood,
)
from .pattern_terms import (
    TradeMode as TradeMode,
)
from .patterns import (
    PatternInfo as PatternInfo,
)
from .patterns import (
    PatternKind as PatternKind,
)
from .patterns import (
    pattern_info as pattern_info,
)
from .planning import (
    FollowUpPlan as FollowUpPlan,
)
from .planning import (
    PlannedActivity as PlannedActivity,
)
from .planning import (
    WorkPlan as WorkPlan,
)
from .programs import (
    NeedKind as NeedKind,
)
from .programs import (
    Participants as Participants,
)
from .programs import (
    Program as Program,
)
from .programs import (
    ProgramKind as ProgramKind,
)
from .programs import (
    ProgramNeed as ProgramNeed,
)
from .provisions import (
    AgreementKind as AgreementKind,
)
from .provisions import (
    AgreementReference as AgreementReference,
)
from .provisions import (
    Amendment as Amendment,
)
from .provisions import (
    DisputeForum as DisputeForum,
)
from .provisions import (
    DisputeSettlement as DisputeSettlement,
)
from .provisions import (
    ForceMajeure as ForceMajeure,
)
from .provisions import (
    Funding as Funding,
)
from .provisions import (
    MonitoringArrangement as MonitoringArrangement,
)
from .provisions import (
    MonitoringFrequency as MonitoringFrequency,
)
from .provisions import (
    PartyRole as PartyRole,
)
from .provisions import (
    Signatory as Signatory,
)
from .provisions import (
    Term as Term,
)
from .recommender import (
    PatternRecommendation as PatternRecommendation,
)
from .recommender import (
    recommend_patterns as recommend_patterns,
)
from .regions import (
    Region as Region,
)
from .regions import (
    province_names as province_names,
)
from .relevance import (
    RelevanceAssessment as RelevanceAssessment,
)
from .requirements import (
    requirement_codes as requirement_codes,
)

__version__: str
__all__: list[str]
