"""The named criteria of the relevance score (guide A.3), and their default weights.

Each :class:`Criterion` measures a candidate's :class:`CandidateFacts` as a value from 0
to 1 with a detail its explanation reads; :data:`CRITERIA` are the six the guide's
"relevan dengan permasalahan dan kebutuhan" asks for, weighed by :data:`DEFAULT_WEIGHTS`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Final, cast

from kemitraan._base import Language, in_language
from kemitraan.mapping import MappingLevel, StakeholderRating
from kemitraan.parties import ContributionKind, Partner
from kemitraan.programs import Program

__all__ = ["CRITERIA", "DEFAULT_WEIGHTS", "CandidateFacts", "Criterion", "Explain", "Measure"]


@dataclass(frozen=True, slots=True)
class CandidateFacts:
    """What a criterion sees of one candidate: the candidate and its place in the register.

    >>> facts = CandidateFacts(Partner(name="Toko A", kind="business"),
    ...     Program(name="PKW", objectives=["Mandiri"]), MappingLevel.DISTRICT, None, frozenset())
    >>> CRITERIA[1].measure(facts)
    (0.8, <MappingLevel.DISTRICT: 'district'>)
    """

    partner: Partner
    """The candidate."""
    program: Program
    """The programme it is weighed against."""
    level: MappingLevel | None
    """The level it works at (:meth:`CandidateRegister.level_of`)."""
    rating: StakeholderRating | None
    """Its stakeholder rating, if it was rated."""
    institution_offers: frozenset[ContributionKind]
    """What the institution offers partners (its profile's ``offers``)."""


Measure = Callable[[CandidateFacts], tuple[float, object]]
"""A criterion's measure: a value from 0 to 1 and the detail its explanation is made from."""
Explain = Callable[[object, Language], str]
"""Turns a measure's detail into a reason in ``"id"`` or ``"en"``."""


@dataclass(frozen=True, slots=True)
class Criterion:
    """A named criterion of relevance: how to measure a candidate, and how to say why.

    Reasons are written only when asked for, so ranking many candidates stays cheap.

    >>> near = Criterion("near", "Dekat", "Near",
    ...     measure=lambda facts: (1.0 if facts.level else 0.0, facts.level),
    ...     explain=lambda level, language: "ya" if language == "id" else "yes")
    >>> near.label("en")
    'Near'
    """

    code: str
    """The criterion's stable code, the key of its weight."""
    label_id: str
    """Its Indonesian name."""
    label_en: str
    """Its English name."""
    measure: Measure
    """Measures a candidate."""
    explain: Explain = field(default=lambda detail, language: str(detail))
    """Says why, from the measure's detail."""

    def label(self, language: Language = "id") -> str:
        """The criterion's name in ``language``."""
        return in_language(language, self.label_id, self.label_en)


def _need_coverage(facts: CandidateFacts) -> tuple[float, object]:
    needs = facts.program.needs
    if not needs:
        return 0.0, (0, 0, ())
    offers = set(facts.partner.profile.offers)
    met = tuple(need.code for need in needs if need.met_by(offers))
    return len(met) / len(needs), (len(met), len(needs), met)


def _explain_coverage(detail: object, language: Language) -> str:
    met, total, codes = cast(tuple[int, int, tuple[str, ...]], detail)
    if not total:
        return in_language(
            language, "program belum mencatat kebutuhan", "the programme records no needs"
        )
    listed = ": " + ", ".join(codes) if codes else ""
    return in_language(
        language,
        f"memenuhi {met} dari {total} kebutuhan program{listed}",
        f"meets {met} of {total} of the programme's needs{listed}",
    )


def _mutual_benefit(facts: CandidateFacts) -> tuple[float, object]:
    wanted = ContributionKind.in_order(set(facts.partner.profile.needs))
    if not wanted:
        return 0.0, (0, 0, ())
    met = tuple(kind for kind in wanted if kind in facts.institution_offers)
    return len(met) / len(wanted), (len(met), len(wanted), met)


def _explain_benefit(detail: object, language: Language) -> str:
    met, total, kinds = cast(tuple[int, int, tuple[ContributionKind, ...]], detail)
    if not total:
        return in_language(
            language,
            "kebutuhan calon mitra belum tercatat",
            "the candidate's own needs are not recorded",
        )
    listed = ": " + ", ".join(kind.label(language) for kind in kinds) if kinds else ""
    return in_language(
        language,
        f"lembaga dapat memenuhi {met} dari {total} kebutuhan calon mitra{listed}",
        f"the institution can meet {met} of the candidate's {total} needs{listed}",
    )


_PROXIMITY: Final = {
    MappingLevel.VILLAGE: 1.0,
    MappingLevel.DISTRICT: 0.8,
    MappingLevel.REGENCY: 0.6,
    MappingLevel.PROVINCE: 0.4,
    MappingLevel.NATIONAL: 0.2,
}


def _proximity(facts: CandidateFacts) -> tuple[float, object]:
    level = facts.level
    return (_PROXIMITY[level] if level else 0.0), level


def _explain_proximity(detail: object, language: Language) -> str:
    if not isinstance(detail, MappingLevel):
        return in_language(language, "wilayahnya belum diketahui", "its region is not known")
    return in_language(
        language,
        f"bekerja di tingkat {detail.label_id.lower()}",
        f"works at {detail.label_en.lower()} level",
    )


def _rated(attribute: str) -> Measure:
    def measure(facts: CandidateFacts) -> tuple[float, object]:
        score = getattr(facts.rating, attribute) if facts.rating else None
        return (score / 5 if score else 0.0), score

    return measure


def _explain_rated(indonesian: str, english: str) -> Explain:
    def explain(detail: object, language: Language) -> str:
        if detail is None:
            return in_language(language, f"{indonesian} belum dinilai", f"{english} not rated")
        return in_language(
            language, f"{indonesian} dinilai {detail} dari 5", f"{english} rated {detail} of 5"
        )

    return explain


_PROFILE_ITEMS: Final = (
    ("goals", "tujuan", "goals"),
    ("scope_of_work", "bidang garapan", "scope of work"),
    ("vision", "visi", "vision"),
    ("mission", "misi", "mission"),
    ("gathering_records", "catatan penggalian informasi", "gathering records"),
)


def _information(facts: CandidateFacts) -> tuple[float, object]:
    profile = facts.partner.profile
    known = tuple(index for index, item in enumerate(_PROFILE_ITEMS) if getattr(profile, item[0]))
    return len(known) / len(_PROFILE_ITEMS), known


def _explain_information(detail: object, language: Language) -> str:
    known = cast(tuple[int, ...], detail)
    column = 1 if language == "id" else 2
    in_language(language, "", "")  # refuses an unknown language
    names = ", ".join(_PROFILE_ITEMS[index][column] for index in known) or "-"
    return in_language(
        language,
        f"{len(known)} dari {len(_PROFILE_ITEMS)} keterangan A.2 tercatat ({names})",
        f"{len(known)} of {len(_PROFILE_ITEMS)} A.2 items recorded ({names})",
    )


CRITERIA: Final[tuple[Criterion, ...]] = (
    Criterion(
        "need_coverage",
        "Kebutuhan program yang dipenuhi",
        "Programme needs met",
        _need_coverage,
        _explain_coverage,
    ),
    Criterion("proximity", "Kedekatan wilayah", "Proximity", _proximity, _explain_proximity),
    Criterion(
        "mutual_benefit",
        "Saling menguntungkan",
        "Mutual benefit",
        _mutual_benefit,
        _explain_benefit,
    ),
    Criterion(
        "influence",
        "Pengaruh",
        "Influence",
        _rated("power"),
        _explain_rated("kuasa", "power"),
    ),
    Criterion(
        "interest",
        "Minat pada program",
        "Interest in the programme",
        _rated("interest"),
        _explain_rated("minat", "interest"),
    ),
    Criterion(
        "information",
        "Kelengkapan informasi",
        "Information gathered",
        _information,
        _explain_information,
    ),
)
"""The built-in criteria, in the order explanations list them."""

DEFAULT_WEIGHTS: Final[Mapping[str, float]] = {
    "need_coverage": 5.0,
    "proximity": 2.0,
    "mutual_benefit": 1.0,
    "influence": 1.0,
    "interest": 1.0,
    "information": 1.0,
}
"""The weights used when none are given: meeting the programme's needs counts most (A.3)."""
