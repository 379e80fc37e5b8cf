"""The touchpoint planner: a plan of contacts a facilitator can follow, and its iCalendar export.

:func:`plan_touchpoints` proposes the next contacts with each partner: the partner's own
*hari raya* (its :class:`~kemitraan.maintenance.observances.Observance` days) and the
national days (Tahun Baru, 17 Agustus) for everyone, the partner's events and
invitations, feedback requests, appreciation, the monitoring dates and renewal talks well
before the term ends, and a regular contact wherever the rest leave too long a gap; on
working days only, and no more per partner and month than the facilitator can keep.
It flags what is overdue; :func:`touchpoints_ical` exports the plan as an iCalendar file
with a reminder on every event.
"""

from kemitraan.maintenance.touchpoints._ical import touchpoints_ical
from kemitraan.maintenance.touchpoints._model import PlannerSettings, Touchpoint, TouchpointKind
from kemitraan.maintenance.touchpoints._plan import plan_touchpoints

__all__ = [
    "PlannerSettings",
    "Touchpoint",
    "TouchpointKind",
    "plan_touchpoints",
    "touchpoints_ical",
]
