"""Relevance analysis (guide A.3) as a transparent weighted score.

"Berdasarkan data dan informasi yang terkumpul selanjutnya dianalisis dan menetapkan mana
pihak-pihak yang relevan dengan permasalahan dan kebutuhan": :func:`rank_candidates`
measures every candidate of a :class:`~kemitraan.CandidateRegister` against named
criteria (:data:`CRITERIA`), each giving a value from 0 to 1 and a reason, and weighs
them into a score out of 100. Every score explains itself in Indonesian and English
(:meth:`CandidateScore.explain`), a ranking says which weight changes would put another
candidate on top (:meth:`Ranking.weight_swaps`), and :meth:`Ranking.assessments` turns the
result into the lifecycle's :class:`~kemitraan.RelevanceAssessment` records, so nothing
is typed twice.

The score is ``100 × Σ weightᵢ × valueᵢ / Σ weightᵢ``; nothing else goes into it. An
explanation gives each criterion's weight over the sum of the weights, the candidate's value
and the points that make (``value × 100 × weight / sum``) out of the most it could make.

>>> from kemitraan import (CandidateRegister, ContributionKind as K, Partner, PartnerKind,
...                        PartyProfile, Program, ProgramNeed)
>>> register = CandidateRegister(
...     program=Program(name="Pembuatan Tas Rajut", objectives=["Peserta mampu menjual"],
...                     needs=[ProgramNeed(code="pemasaran", description="Belum ada pasar",
...                                        category=K.MARKET_ACCESS)]),
...     candidates=[
...         Partner(name="CV Kriya Banua", kind=PartnerKind.BUSINESS,
...                 profile=PartyProfile(offers=[K.MARKET_ACCESS])),
...         Partner(name="Hj. Norhayati", kind=PartnerKind.COMMUNITY_FIGURE),
...     ],
... )
>>> ranking = rank_candidates(register, weights={"need_coverage": 1, "proximity": 0,
...     "mutual_benefit": 0, "influence": 0, "interest": 0, "information": 0})
>>> [(entry.partner.id, entry.score) for entry in ranking]
[('cv-kriya-banua', 100.0), ('hj-norhayati', 0.0)]
>>> print(ranking[0].explain("en"))
CV Kriya Banua: 100/100
- Programme needs met (weight 1/1): value 1 → 100/100 points; meets 1 of 1 ...: pemasaran
"""

from kemitraan.scoring.criteria import CRITERIA, DEFAULT_WEIGHTS, CandidateFacts, Criterion
from kemitraan.scoring.ranking import (
    CandidateScore,
    CriterionScore,
    Ranking,
    WeightSwap,
    rank_candidates,
)

__all__ = [
    "CRITERIA",
    "DEFAULT_WEIGHTS",
    "CandidateFacts",
    "CandidateScore",
    "Criterion",
    "CriterionScore",
    "Ranking",
    "WeightSwap",
    "rank_candidates",
]
