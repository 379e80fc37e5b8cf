"""The ranking: scores that explain themselves, shared places, weight swaps, assessments."""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING, Final

from kemitraan._base import Language, in_language
from kemitraan.conventions import number_text
from kemitraan.exceptions import InvalidArgumentError, UnknownPartyError
from kemitraan.mapping import CandidateRegister
from kemitraan.parties import Institution, Partner
from kemitraan.programs import Program
from kemitraan.relevance import RelevanceAssessment
from kemitraan.scoring.criteria import CRITERIA, DEFAULT_WEIGHTS, CandidateFacts, Criterion

if TYPE_CHECKING:
    from kemitraan.partnerships import Partnership

__all__ = ["CandidateScore", "CriterionScore", "Ranking", "WeightSwap", "rank_candidates"]

_EPSILON: Final = 1e-9
"""Scores closer than this are equal (sums of floats are not exact)."""


def _number(value: float, language: Language) -> str:
    # at most two places, as a weight or a score is read (conventions.number_text)
    return number_text(value, language, places=2, grouping=False)


@dataclass(frozen=True, slots=True)
class CriterionScore:
    """One criterion's part in a candidate's score.

    >>> from kemitraan import ContributionKind
    >>> from kemitraan import PartnerKind, PartyProfile, ProgramNeed
    >>> program = Program(name="PKW", objectives=["Mandiri"], needs=[ProgramNeed(
    ...     code="pasar", description="Pasar", category=ContributionKind.MARKET_ACCESS)])
    >>> shop = Partner(name="Toko A", kind=PartnerKind.BUSINESS,
    ...                profile=PartyProfile(offers=[ContributionKind.MARKETING]))
    >>> ranking = rank_candidates(CandidateRegister(
    ...     program=program, candidates=[shop, Partner(name="Toko B", kind=PartnerKind.BUSINESS)]))
    >>> part = ranking[0].parts()[0]
    >>> part.criterion.code, part.value, round(part.points, 2), part.reason("en")
    ('need_coverage', 1.0, 45.45, "meets 1 of 1 of the programme's needs: pasar")
    """

    criterion: Criterion
    """The criterion."""
    weight: float
    """Its weight."""
    value: float
    """The candidate's value on it, from 0 to 1."""
    points: float
    """What it adds to the score out of 100."""
    detail: object
    """What the explanation is made from."""

    def reason(self, language: Language = "id") -> str:
        """Why the candidate has this value."""
        return self.criterion.explain(self.detail, language)


@dataclass(frozen=True, slots=True, eq=False)
class CandidateScore:
    """A candidate's relevance score out of 100, with what it is made of.

    >>> from kemitraan import ContributionKind
    >>> from kemitraan import PartnerKind, PartyProfile, ProgramNeed
    >>> program = Program(name="PKW", objectives=["Mandiri"], needs=[ProgramNeed(
    ...     code="pasar", description="Pasar", category=ContributionKind.MARKET_ACCESS)])
    >>> shop = Partner(name="Toko A", kind=PartnerKind.BUSINESS,
    ...                profile=PartyProfile(offers=[ContributionKind.MARKETING]))
    >>> ranking = rank_candidates(CandidateRegister(
    ...     program=program, candidates=[shop, Partner(name="Toko B", kind=PartnerKind.BUSINESS)]))
    >>> best = ranking[0]
    >>> best.partner.name, round(best.score, 2), best.rank, best.met_needs()
    ('Toko A', 45.45, 1, ['pasar'])
    """

    partner: Partner
    """The candidate."""
    score: float
    """The weighted score, from 0 to 100."""
    values: tuple[float, ...]
    """Its value on each criterion of the ranking, in order."""
    details: tuple[object, ...]
    """What each criterion's explanation is made from."""
    rank: int
    """Its place: 1 for the best; candidates with equal scores share a place."""
    ranking: Ranking = field(repr=False)
    """The ranking it belongs to (its criteria and weights)."""

    def parts(self) -> list[CriterionScore]:
        """Each criterion's weight, value, points and reason."""
        ranking = self.ranking
        total = ranking.total_weight
        return [
            CriterionScore(
                criterion,
                ranking.weights[criterion.code],
                value,
                100 * (ranking.weights[criterion.code] / total) * value,
                detail,
            )
            for criterion, value, detail in zip(
                ranking.criteria, self.values, self.details, strict=True
            )
        ]

    def met_needs(self) -> list[str]:
        """The codes of the programme's needs the candidate offers to meet."""
        offers = self.partner.profile.offers
        return [need.code for need in self.ranking.program.needs if need.met_by(offers)]

    def explain(self, language: Language = "id") -> str:
        """The score and every criterion's share of it, with the reason, in ``language``."""
        lines = [f"{self.partner.name}: {_number(self.score, language)}/100"]
        total = _number(self.ranking.total_weight, language)
        weight, value, points = {
            "id": ("bobot", "nilai", "poin"),
            "en": ("weight", "value", "points"),
        }.get(language) or (in_language(language, "", ""),) * 3
        for part in self.parts():
            if not part.weight:
                continue
            most = 100 * part.weight / self.ranking.total_weight
            lines.append(
                f"- {part.criterion.label(language)} ({weight} "
                f"{_number(part.weight, language)}/{total}): "
                f"{value} {_number(part.value, language)} → {_number(part.points, language)}"
                f"/{_number(most, language)} {points}; {part.reason(language)}"
            )
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class WeightSwap:
    """A weight change that would put another candidate on top.

    >>> from kemitraan import ContributionKind
    >>> from kemitraan import PartnerKind, PartyProfile, ProgramNeed
    >>> program = Program(name="PKW", objectives=["Mandiri"], needs=[ProgramNeed(
    ...     code="pasar", description="Pasar", category=ContributionKind.MARKET_ACCESS)])
    >>> shop = Partner(name="Toko A", kind=PartnerKind.BUSINESS,
    ...                profile=PartyProfile(offers=[ContributionKind.MARKETING]))
    >>> ranking = rank_candidates(CandidateRegister(
    ...     program=program, candidates=[shop, Partner(name="Toko B", kind=PartnerKind.BUSINESS)]))
    >>> ranking.weight_swaps()  # Toko B is better on no criterion
    []
    >>> studied = Partner(name="Toko C", kind=PartnerKind.BUSINESS,
    ...                   profile=PartyProfile(goals=["Berdagang"]))
    >>> swaps = rank_candidates(CandidateRegister(program=program, candidates=[shop, studied]))
    >>> [(s.criterion.code, s.weight, round(s.threshold, 2)) for s in swaps.weight_swaps()]
    [('need_coverage', 5.0, 0.2), ('information', 1.0, 25.0)]
    >>> print(swaps.weight_swaps()[0].explain("id"))  # doctest: +NORMALIZE_WHITESPACE
    Bila bobot “Kebutuhan program yang dipenuhi” diturunkan dari 5 menjadi kurang dari 0,2,
    Toko C menggeser Toko A dari peringkat pertama.
    """

    criterion: Criterion
    """The criterion whose weight changes."""
    weight: float
    """Its weight now."""
    threshold: float
    """The weight past which the challenger overtakes (the two tie exactly at it); the weight
    itself when the two are level now, and any change that way will do."""
    leader: Partner
    """The candidate on top now."""
    challenger: Partner
    """The candidate that would overtake it."""
    rises: bool
    """Whether the weight must rise (else fall) for the swap."""

    @property
    def level(self) -> bool:
        """Whether the challenger is level with the leader now (first place is shared)."""
        return self.threshold == self.weight

    def explain(self, language: Language = "id") -> str:
        """The swap in a sentence."""
        label, now, at = (
            self.criterion.label(language),
            _number(self.weight, language),
            _number(self.threshold, language),
        )
        if language == "id":
            way = "dinaikkan" if self.rises else "diturunkan"
            beyond = "lebih dari" if self.rises else "kurang dari"
            change = (
                f"{way} sedikit saja dari {now}"
                if self.level
                else f"{way} dari {now} menjadi {beyond} {at}"
            )
            level = " (kini keduanya sama skornya)" if self.level else ""
            return (
                f"Bila bobot “{label}” {change}, {self.challenger.name} menggeser "
                f"{self.leader.name} dari peringkat pertama{level}."
            )
        in_language(language, "", "")
        way = "rises" if self.rises else "falls"
        beyond = "above" if self.rises else "below"
        change = f"{way} at all from {now}" if self.level else f"{way} from {now} to {beyond} {at}"
        level = " (the two are level now)" if self.level else ""
        return (
            f"If the weight of “{label}” {change}, {self.challenger.name} overtakes "
            f"{self.leader.name} at the top{level}."
        )


_CODE: Final = re.compile(r"[a-z][a-z0-9_]{0,63}")
_RESERVED: Final = frozenset({"rank", "id", "name", "score", "met_needs", "explanation"})


def _real(value: object) -> float | None:
    """``value`` as a float when it is a real number (numpy's and Decimal included)."""
    kind = type(value)
    if kind is float or kind is int:  # the common case, before the slower ABC check
        return float(value)  # type: ignore[arg-type]
    if kind is bool or not isinstance(value, numbers.Real | Decimal):
        return None
    return float(value)


def _checked_weights(criteria: Sequence[Criterion], weights: object) -> dict[str, float]:
    codes = [criterion.code for criterion in criteria]
    for code in codes:
        if not isinstance(code, str) or not _CODE.fullmatch(code) or code.endswith("_points"):
            raise InvalidArgumentError.saying(
                "the criterion code {code} must be lower case letters, digits and _, starting "
                "with a letter, and not end in _points",
                code=repr(code),
            )
        if code in _RESERVED:
            raise InvalidArgumentError.saying(
                "the criterion code {code} is taken by the ranking's table", code=repr(code)
            )
    if len(set(codes)) != len(codes):
        raise InvalidArgumentError.saying(
            "criteria codes must be unique: {codes}", codes=", ".join(map(str, codes))
        )
    base = {code: DEFAULT_WEIGHTS.get(code, 1.0) for code in codes}
    try:
        given = dict(weights) if weights is not None else {}  # type: ignore[call-overload]
    except (TypeError, ValueError):
        raise InvalidArgumentError.saying(
            "weights must map criterion codes to numbers, not a {kind}",
            kind=type(weights).__name__,
        ) from None
    for code, weight in given.items():
        if code not in base:
            raise InvalidArgumentError.saying(
                "weights name {code}, which is not a criterion; known: {known}",
                code=repr(code),
                known=", ".join(codes),
            )
        number = _real(weight)
        if number is None:
            raise InvalidArgumentError.saying(
                "the weight of {code} must be a number, not {weight}",
                code=repr(code),
                weight=repr(weight),
            )
        if not math.isfinite(number) or number < 0:
            raise InvalidArgumentError.saying(
                "the weight of {code} must be a finite number of 0 or more, not {weight}",
                code=repr(code),
                weight=weight,
            )
        base[code] = number
    total = sum(base.values())
    if not total > 0:
        raise InvalidArgumentError.saying("at least one weight must be above 0")
    if not math.isfinite(total):
        raise InvalidArgumentError.saying(
            "the weights add up to {total}; keep their sum finite", total=total
        )
    return base


@dataclass(frozen=True, slots=True)
class Ranking:
    """Candidates ranked by relevance: best first, ties by id. Iterate or index it.

    >>> from kemitraan import ContributionKind
    >>> from kemitraan import PartnerKind, PartyProfile, ProgramNeed
    >>> program = Program(name="PKW", objectives=["Mandiri"], needs=[ProgramNeed(
    ...     code="pasar", description="Pasar", category=ContributionKind.MARKET_ACCESS)])
    >>> shop = Partner(name="Toko A", kind=PartnerKind.BUSINESS,
    ...                profile=PartyProfile(offers=[ContributionKind.MARKETING]))
    >>> ranking = rank_candidates(CandidateRegister(
    ...     program=program, candidates=[shop, Partner(name="Toko B", kind=PartnerKind.BUSINESS)]))
    >>> [(entry.rank, entry.partner.name) for entry in ranking]
    [(1, 'Toko A'), (2, 'Toko B')]
    >>> [entry.rank for entry in ranking.with_weights(need_coverage=0)]  # now a tie
    [1, 1]
    """

    program: Program
    """The programme they were weighed against."""
    criteria: tuple[Criterion, ...]
    """The criteria, in order."""
    weights: Mapping[str, float]
    """The weight of each criterion, by code."""
    entries: tuple[CandidateScore, ...] = ()
    """The scores, best first."""

    @property
    def total_weight(self) -> float:
        """The sum of the weights."""
        return sum(self.weights.values())

    def __iter__(self) -> Iterator[CandidateScore]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __getitem__(self, index: int) -> CandidateScore:
        return self.entries[index]

    def score_of(self, partner_id: str) -> CandidateScore:
        """The score of ``partner_id``.

        Raises:
            UnknownPartyError: when it was not ranked.
        """
        for entry in self.entries:
            if entry.partner.id == partner_id:
                return entry
        raise UnknownPartyError(partner_id, [entry.partner.id for entry in self.entries])

    def with_weights(self, **weights: float) -> Ranking:
        """The same candidates ranked again with some weights changed (nothing is re-measured)."""
        merged = {**self.weights, **weights}
        rows = [(entry.partner, entry.values, entry.details) for entry in self.entries]
        return _ranked(self.program, self.criteria, _checked_weights(self.criteria, merged), rows)

    def weight_swaps(self) -> list[WeightSwap]:
        """For each criterion, the smallest rise and fall of its weight that changes the leader.

        Each other weight stays as it is. A criterion on which no candidate can overtake
        the leader, either way, has no entry.
        """
        if len(self.entries) < 2:
            return []
        leader, *others = self.entries
        weights = [self.weights[criterion.code] for criterion in self.criteria]
        total = self.total_weight
        leads = [
            sum(w * (a - b) for w, a, b in zip(weights, leader.values, other.values, strict=True))
            for other in others
        ]
        swaps: list[WeightSwap] = []
        for k, criterion in enumerate(self.criteria):
            now = weights[k]
            up: tuple[float, CandidateScore] | None = None
            down: tuple[float, CandidateScore] | None = None
            for other, lead in zip(others, leads, strict=True):
                gap = leader.values[k] - other.values[k]
                if gap == 0:
                    continue
                # level now (the same score; only the order of ids put the leader first):
                # any change of this weight toward the other decides it
                level = other.rank == leader.rank
                threshold = now if level else now - lead / gap
                if not math.isfinite(threshold):  # a gap too small to ever close
                    continue
                if gap < 0 and (level or threshold > now):
                    if up is None or threshold < up[0]:
                        up = (threshold, other)
                elif gap > 0 and now > 0 and (level or _EPSILON * total < threshold < now):
                    if down is None or threshold > down[0]:
                        down = (threshold, other)
            swaps.extend(
                WeightSwap(criterion, now, threshold, leader.partner, other.partner, rises)
                for found, rises in ((up, True), (down, False))
                if found is not None
                for threshold, other in (found,)
            )
        return swaps

    def assessments(
        self, on: date, *, threshold: float = 50.0, by: str | None = None
    ) -> list[RelevanceAssessment]:
        """The ranking as the lifecycle's relevance assessments (guide A.3).

        A candidate scoring ``threshold`` or more that meets one of the programme's
        problems or needs is relevant (A.3: relevant "dengan permasalahan dan kebutuhan");
        each assessment names the needs it meets and carries its explanation as the
        rationale.
        """
        if not 0 <= threshold <= 100:
            raise InvalidArgumentError.saying(
                "threshold must be from 0 to 100, not {threshold}", threshold=threshold
            )
        found = []
        for entry in self.entries:
            met, scored = entry.met_needs(), entry.score >= threshold
            rationale = (
                f"Skor relevansi {_number(entry.score, 'id')}/100 "
                f"(ambang {_number(threshold, 'id')})."
            )
            if scored and not met:
                rationale += " Tidak menjawab permasalahan atau kebutuhan program yang tercatat."
            found.append(
                RelevanceAssessment(
                    partner_id=entry.partner.id,
                    relevant=scored and bool(met),
                    need_codes=met,
                    assessed_on=on,
                    rationale=rationale + "\n" + entry.explain("id"),
                    by=by,
                )
            )
        return found

    def explain(self, language: Language = "id") -> str:
        """Every candidate's explanation, best first."""
        return "\n\n".join(f"{entry.rank}. {entry.explain(language)}" for entry in self)

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{escape(c.label())}</th>" for c in self.criteria)
        rows = "".join(
            f"<tr><td>{entry.rank}</td><td>{escape(entry.partner.name)}</td>"
            f"<td>{_number(entry.score, 'id')}</td>"
            + "".join(f"<td>{_number(value, 'id')}</td>" for value in entry.values)
            + "</tr>"
            for entry in self
        )
        weights = "".join(f"<td>{_number(self.weights[c.code], 'id')}</td>" for c in self.criteria)
        return (
            f"<table><caption>Peringkat relevansi: {escape(self.program.title)}</caption>"
            f"<thead><tr><th>#</th><th>Calon mitra</th><th>Skor</th>{head}</tr>"
            f"<tr><td></td><td><i>bobot</i></td><td></td>{weights}</tr></thead>"
            f"<tbody>{rows}</tbody></table>"
        )


def _weighted(vector: Sequence[float], values: Sequence[float]) -> float:
    """100 × the weighted mean, ``vector`` holding the weights divided by their sum."""
    return 100 * sum(w * v for w, v in zip(vector, values, strict=True))


def _ranked(
    program: Program,
    criteria: tuple[Criterion, ...],
    weights: dict[str, float],
    rows: Sequence[tuple[Partner, tuple[float, ...], tuple[object, ...]]],
) -> Ranking:
    total = sum(weights.values())
    vector = [weights[criterion.code] / total for criterion in criteria]
    scored = sorted(
        (
            (_weighted(vector, values), partner, values, details)
            for partner, values, details in rows
        ),
        # scores equal to nine places are equal (sums of floats are not exact): ids order them
        key=lambda item: (-round(item[0], 9), item[1].id),
    )
    ranking = Ranking(program, criteria, weights)
    entries: list[CandidateScore] = []
    for index, (score, partner, values, details) in enumerate(scored):
        tied = entries and round(entries[-1].score, 9) == round(score, 9)
        rank = entries[-1].rank if tied else index + 1
        entries.append(CandidateScore(partner, score, values, details, rank, ranking))
    object.__setattr__(ranking, "entries", tuple(entries))
    return ranking


def _measured(criterion: Criterion, facts: CandidateFacts) -> tuple[float, object]:
    """A criterion's measure, checked: a value from 0 to 1 and a detail."""
    found = criterion.measure(facts)
    value = _real(found[0]) if isinstance(found, tuple) and len(found) == 2 else None
    if value is None or not 0 <= value <= 1:
        raise InvalidArgumentError.saying(
            "the criterion {code} measured {found} for {partner}; a measure gives "
            "(value, detail), the value a number from 0 to 1",
            code=repr(criterion.code),
            found=repr(found),
            partner=facts.partner.name,
        )
    return value, found[1]


def rank_candidates(
    candidates: CandidateRegister | Partnership,
    *,
    weights: Mapping[str, float] | None = None,
    criteria: Sequence[Criterion] = CRITERIA,
    institution: Institution | None = None,
) -> Ranking:
    """Score every candidate against the programme and rank them, best first.

    >>> from kemitraan import ContributionKind
    >>> from kemitraan import PartnerKind, PartyProfile, ProgramNeed
    >>> program = Program(name="PKW", objectives=["Mandiri"], needs=[ProgramNeed(
    ...     code="pasar", description="Pasar", category=ContributionKind.MARKET_ACCESS)])
    >>> shop = Partner(name="Toko A", kind=PartnerKind.BUSINESS,
    ...                profile=PartyProfile(offers=[ContributionKind.MARKETING]))
    >>> ranking = rank_candidates(CandidateRegister(
    ...     program=program, candidates=[shop, Partner(name="Toko B", kind=PartnerKind.BUSINESS)]))
    >>> round(ranking[0].score, 2), round(ranking.with_weights(proximity=0)[0].score, 2)
    (45.45, 55.56)

    Args:
        candidates: The register (or a partnership, whose partners are the candidates).
        weights: Weights by criterion code; those not named keep :data:`DEFAULT_WEIGHTS`
            (1 for a criterion of your own). Each is 0 or more, and one is above 0.
        criteria: The criteria (:data:`CRITERIA` by default); add your own
            :class:`Criterion` to them.
        institution: The institution, for mutual benefit (a partnership brings its own).

    Raises:
        InvalidArgumentError: for an unknown criterion code, a negative or non-finite weight,
            all weights 0, or a measure outside 0 to 1.
    """
    criteria = tuple(criteria)
    checked = _checked_weights(criteria, weights)
    if not isinstance(candidates, CandidateRegister):
        institution = institution or candidates.institution
        candidates = CandidateRegister.trusted(
            program=candidates.program,
            candidates=list(candidates.partners),
            ratings=[],
            home=None,
        )
    offers = frozenset(institution.profile.offers) if institution else frozenset()
    program = candidates.program
    rows: list[tuple[Partner, tuple[float, ...], tuple[object, ...]]] = []
    for partner, rating, level in candidates.entries():
        facts = CandidateFacts(partner, program, level, rating, offers)
        values, details = zip(*(_measured(criterion, facts) for criterion in criteria), strict=True)
        rows.append((partner, values, details))
    return _ranked(program, criteria, checked, rows)
