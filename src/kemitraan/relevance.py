"""Analysing the gathered information (guide A.3).

"Berdasarkan data dan informasi yang terkumpul selanjutnya dianalisis dan menetapkan
mana pihak-pihak yang relevan dengan permasalahan dan kebutuhan": each candidate is
weighed against the programme's problems and needs (:class:`~kemitraan.ProgramNeed`).
"""

from __future__ import annotations

from datetime import date

from pydantic import Field

from kemitraan._base import ValueModel
from kemitraan._types import NonEmptyStr, PartyId, ShortText

__all__ = ["RelevanceAssessment"]


class RelevanceAssessment(ValueModel):
    """Whether a candidate is relevant, and which problems or needs it addresses.

    >>> RelevanceAssessment(
    ...     partner_id="cv-kriya-banua", relevant=True, need_codes=["pemasaran"],
    ...     assessed_on=date(2025, 2, 10),
    ... ).need_codes
    ['pemasaran']
    """

    partner_id: PartyId
    """The candidate assessed."""
    relevant: bool
    """Whether it is relevant to the programme's problems and needs."""
    need_codes: list[PartyId] = Field(default_factory=list)
    """The codes of the programme's problems and needs it would address."""
    assessed_on: date
    """When the assessment was made."""
    rationale: NonEmptyStr | None = None
    """Why, in the facilitator's words."""
    by: ShortText | None = None
    """Who assessed."""
