"""Keeping the partnership alive: the guide's six techniques (part C), as checklists and practice.

Split by concept:

- :mod:`~kemitraan.maintenance.techniques`: the six techniques and their checklists;
- :mod:`~kemitraan.maintenance.interactions`: the interaction log, the facilitator's
  checklist answers and partners' events and invitations (records the partnership holds);
- :mod:`~kemitraan.maintenance.observances`: the days a partner keeps and the days off;
- :mod:`~kemitraan.maintenance.touchpoints`: the touchpoint planner and its iCalendar
  export (a view over a partnership);
- :mod:`~kemitraan.maintenance.health`: partner health (a view over a partnership).

This package re-exports the records and checklists; the views are imported from their
own modules (or from :mod:`kemitraan`), so that the partnership, which holds the
records, never loads the views that read it.
"""

from kemitraan.maintenance.interactions import (
    ChecklistAnswer,
    Interaction,
    InteractionKind,
    PartnerEvent,
)
from kemitraan.maintenance.observances import NATIONAL_DAYS, Observance
from kemitraan.maintenance.techniques import CHECKLISTS, ChecklistItem, Technique, checklist_item

__all__ = [
    "CHECKLISTS",
    "NATIONAL_DAYS",
    "ChecklistAnswer",
    "ChecklistItem",
    "Interaction",
    "InteractionKind",
    "Observance",
    "PartnerEvent",
    "Technique",
    "checklist_item",
]
