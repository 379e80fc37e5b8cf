"""Exploring cooperation (guide A.4).

"Penjajagan dapat dilakukan dengan cara melakukan audensi atau presentasi tentang
program yang akan dikerjasamakan": meetings with the relevant candidates, and each
candidate's response.
"""

from __future__ import annotations

from datetime import date

from pydantic import Field

from kemitraan._base import LabelledEnum, ValueModel
from kemitraan._types import NonEmptyStr, PartyId, ShortText

__all__ = ["Exploration", "ExplorationKind", "ExplorationResponse", "PartnerResponse"]


class ExplorationKind(LabelledEnum):
    """How a candidate was approached to explore cooperation (guide A.4).

    >>> ExplorationKind.AUDIENCE.label_id
    'Audiensi'
    """

    AUDIENCE = "audience", "Audiensi", "Audience"
    PRESENTATION = "presentation", "Presentasi program", "Programme presentation"
    VISIT = "visit", "Kunjungan", "Visit"
    MEETING = "meeting", "Pertemuan", "Meeting"


class PartnerResponse(LabelledEnum):
    """A candidate's answer to the invitation to cooperate.

    >>> PartnerResponse.CONSIDERING.label_en
    'Still considering'
    """

    AGREED = "agreed", "Bersedia bekerja sama", "Agreed to cooperate"
    CONSIDERING = "considering", "Masih mempertimbangkan", "Still considering"
    DECLINED = "declined", "Tidak bersedia", "Declined"


class ExplorationResponse(ValueModel):
    """One candidate's response at an exploration meeting.

    >>> answer = ExplorationResponse(partner_id="cv-kriya-banua", response=PartnerResponse.AGREED)
    >>> answer.response.label_id
    'Bersedia bekerja sama'
    """

    partner_id: PartyId
    """The candidate."""
    response: PartnerResponse
    """Its answer."""
    note: NonEmptyStr | None = None
    """Conditions or remarks."""


class Exploration(ValueModel):
    """An audience, presentation or meeting to explore cooperation (guide A.4).

    >>> Exploration(
    ...     on=date(2025, 2, 17), kind=ExplorationKind.AUDIENCE, partner_ids=["cv-kriya-banua"],
    ...     responses=[ExplorationResponse(partner_id="cv-kriya-banua",
    ...                                    response=PartnerResponse.AGREED)],
    ... ).kind.label_id
    'Audiensi'
    """

    on: date
    """When it took place."""
    kind: ExplorationKind
    """Audience, presentation, visit or meeting."""
    partner_ids: list[PartyId] = Field(min_length=1)
    """The candidates present."""
    place: ShortText | None = None
    """Where."""
    summary: NonEmptyStr | None = None
    """What was presented and discussed."""
    responses: list[ExplorationResponse] = Field(default_factory=list)
    """Each candidate's response."""
