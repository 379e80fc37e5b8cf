"""The front door: the names of the everyday path, which load lazily (see ``__init__.py``).

Everything else lives in the named submodules (``kemitraan.patterns``,
``kemitraan.monitoring``, ``kemitraan.exceptions``, …).
"""

from ._base import (
    SCHEMA_VERSION as SCHEMA_VERSION,
    BilingualText as BilingualText,
    Language as Language,
)
from ._types import (
    Period as Period,
)
from .agreements import (
    Agreement as Agreement,
)
from .authority import (
    Authority as Authority,
)
from .deviations import (
    detect_deviations as detect_deviations,
)
from .documents import (
    monitoring_report as monitoring_report,
    render_document as render_document,
    render_documents as render_documents,
    to_pdf as to_pdf,
)
from .evaluation import (
    draft_evaluation as draft_evaluation,
)
from .exceptions import (
    InvalidArgumentError as InvalidArgumentError,
    InvalidDataError as InvalidDataError,
    KemitraanError as KemitraanError,
    MoveNotAllowedError as MoveNotAllowedError,
    NotFoundError as NotFoundError,
    ReadOnlyFieldError as ReadOnlyFieldError,
    RequirementsUnmetError as RequirementsUnmetError,
    UnknownPartyError as UnknownPartyError,
)
from .exploration import (
    Exploration as Exploration,
    ExplorationKind as ExplorationKind,
    ExplorationResponse as ExplorationResponse,
    PartnerResponse as PartnerResponse,
)
from .findings import (
    Finding as Finding,
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
)
from .maintenance import (
    Interaction as Interaction,
    InteractionKind as InteractionKind,
)
from .maintenance.health import (
    partner_health as partner_health,
)
from .maintenance.touchpoints import (
    plan_touchpoints as plan_touchpoints,
    touchpoints_ical as touchpoints_ical,
)
from .mapping import (
    CandidateRegister as CandidateRegister,
)
from .monitoring import (
    ActivityProgress as ActivityProgress,
    Decision as Decision,
    Evaluation as Evaluation,
    ImplementationRecord as ImplementationRecord,
    ImprovementAction as ImprovementAction,
    IndicatorValue as IndicatorValue,
    MonitoringRecord as MonitoringRecord,
    PartnerView as PartnerView,
)
from .obligations import (
    obligation_status as obligation_status,
)
from .parties import (
    BusinessScale as BusinessScale,
    Contact as Contact,
    ContributionKind as ContributionKind,
    GatheringMethod as GatheringMethod,
    GatheringRecord as GatheringRecord,
    Institution as Institution,
    Partner as Partner,
    PartnerKind as PartnerKind,
    PartyProfile as PartyProfile,
    Representative as Representative,
)
from .partnerships import (
    Partnership as Partnership,
)
from .patterns import (
    PatternKind as PatternKind,
)
from .planning import (
    FollowUpPlan as FollowUpPlan,
    Indicator as Indicator,
    Objective as Objective,
    PlannedActivity as PlannedActivity,
    WorkPlan as WorkPlan,
)
from .programs import (
    Program as Program,
    ProgramNeed as ProgramNeed,
)
from .provisions import (
    AgreementKind as AgreementKind,
    Funding as Funding,
    PartyRole as PartyRole,
    Signatory as Signatory,
    Term as Term,
)
from .recommender import (
    recommend_patterns as recommend_patterns,
)
from .regions import (
    Region as Region,
)
from .relevance import (
    RelevanceAssessment as RelevanceAssessment,
)
from .scoring import (
    rank_candidates as rank_candidates,
)

__version__: str
__all__: list[str]
