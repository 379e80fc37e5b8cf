"""The learners of a programme, what they become, and the measures PKW is judged by.

A PKW (*Pendidikan Kecakapan Wirausaha*) programme is judged by its learners: how many
finish, pass the competency test, start a business (registered through OSS with an
NIB; food with a halal certificate), find work, and earn at least the regency's
minimum wage (UMK) within a year. A 2017 technical guide set the indicators at 75 % of
learners starting a business and 30 % earning at least the UMK *(second-hand source)*.

A :class:`Learner` is one row of the roster: who (personal data, masked in ``repr``
and in masked exports), attendance, completion, the competency test, the business or
the job after the course, follow-ups over the year, and the partner contributions that
served the learner (an apprenticeship place, a purchase, financing, a digital
platform). :func:`pkw_outcomes` computes the measures on a day, for one cycle.

>>> from datetime import date
>>> from decimal import Decimal
>>> roster = [
...     Learner(id="pd-01", name="Siti Rahmah", cycle=1, enrolled_on=date(2025, 4, 14),
...             completed_on=date(2025, 7, 31),
...             business=Business(started_on=date(2025, 9, 1), products=["Tas rajut"]),
...             follow_ups=[FollowUp(on=date(2026, 2, 1), monthly_income=Decimal(3_600_000))]),
...     Learner(id="pd-02", name="Nur Aini", cycle=1, enrolled_on=date(2025, 4, 14),
...             completed_on=date(2025, 7, 31)),
... ]
>>> o = pkw_outcomes(roster, on=date(2026, 3, 1), minimum_wage=Decimal(3_500_000))
>>> (o.enrolled, o.started_business, o.earning_minimum_wage, str(o.business_share))
(2, 1, 1, '0.5')
>>> o.business_target_met, o.wage_target_met
(False, True)
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar, Final, Self

from pydantic import Field, SerializationInfo, field_serializer, model_validator

from kemitraan._base import LabelledEnum, ValueModel, field_error
from kemitraan._catalog import current_language
from kemitraan._privacy import mask_name, masked_if_asked
from kemitraan._refs import PartnerRef
from kemitraan._types import NIB, NIK, NonEmptyStr, PhoneNumber, Rupiah, ShortText
from kemitraan.conventions import date_long
from kemitraan.monitoring import IndicatorValue
from kemitraan.parties import ContributionKind

__all__ = [
    "Business",
    "CompetencyTest",
    "Employment",
    "FollowUp",
    "Gender",
    "Learner",
    "LearnerSupport",
    "PkwOutcomes",
    "pkw_outcomes",
]

BUSINESS_TARGET: Final = Decimal("0.75")
"""Share of learners expected to start a business (PKW technical guide 2017, second-hand)."""
_PLACES: Final = Decimal("0.0001")
_CENT: Final = Decimal("0.01")
WAGE_TARGET: Final = Decimal("0.30")
"""Share of learners expected to earn at least the UMK (PKW technical guide 2017, second-hand)."""


class Gender(LabelledEnum):
    """A learner's sex, as the roster and the Dinas's forms record it.

    >>> Gender.FEMALE.label_id
    'Perempuan'
    """

    MALE = "male", "Laki-laki", "Male"
    FEMALE = "female", "Perempuan", "Female"


class CompetencyTest(ValueModel):
    """The competency test (*uji kompetensi*) and its certificate.

    >>> CompetencyTest(tested_on=date(2025, 8, 5), passed=True, certificate="LSP-0012").passed
    True
    """

    tested_on: date
    """When the test was taken."""
    passed: bool
    """Whether the learner was found competent."""
    certificate: ShortText | None = None
    """The certificate's number, when one was issued."""
    issuer: ShortText | None = None
    """Who certified: an LSP, the LKP, or the Dinas."""

    @model_validator(mode="after")
    def _certified_only_if_passed(self) -> Self:
        if self.certificate is not None and not self.passed:
            raise field_error(
                self,
                ("certificate",),
                "certificate_without_pass",
                "a certificate is issued only to a learner found competent",
            )
        return self


class Business(ValueModel):
    """A business the learner started after (or during) the course.

    >>> Business(started_on=date(2025, 9, 1), products=["Tas rajut"], nib="1234567890123").nib
    '1234567890123'
    """

    started_on: date
    """When it started selling."""
    name: ShortText | None = None
    """Its name, when it has one."""
    products: list[NonEmptyStr] = Field(default_factory=list)
    """What it makes or sells."""
    nib: NIB | None = None
    """Its business registration number from OSS (13 digits)."""
    halal_certificate: ShortText | None = None
    """Its halal certificate's number (food and drink need one)."""


class Employment(ValueModel):
    """A job the learner took after the course.

    >>> Employment(employer="CV Kriya Banua", started_on=date(2025, 9, 1)).employer
    'CV Kriya Banua'
    """

    employer: ShortText
    """Who employs the learner."""
    started_on: date
    """When the job started."""
    position: ShortText | None = None
    """The job, e.g. ``"Penjahit"``."""


class FollowUp(ValueModel):
    """What a follow-up after the course found (a visit, a call, a tracer form).

    >>> FollowUp(on=date(2026, 2, 1), monthly_income=Decimal(3_600_000)).business_running
    """

    on: date
    """When."""
    business_running: bool | None = None
    """Whether the learner's business was running (None: not asked)."""
    employed: bool | None = None
    """Whether the learner was employed (None: not asked)."""
    monthly_income: Rupiah | None = None
    """The learner's income per month, from the business or the job, in rupiah."""
    note: NonEmptyStr | None = None
    """What else was found."""


class LearnerSupport(ValueModel):
    """A partner's contribution that served this learner.

    >>> LearnerSupport(partner_id="cv-kriya-banua", kind=ContributionKind.APPRENTICESHIP).kind
    <ContributionKind.APPRENTICESHIP: 'apprenticeship'>
    """

    partner_id: PartnerRef
    """The partner."""
    kind: ContributionKind
    """What it gave: an apprenticeship place, a purchase, financing, a platform, …"""
    on: date | None = None
    """When, if it was one occasion."""
    note: NonEmptyStr | None = None
    """What exactly (e.g. ``"30 tas dibeli"``)."""


class Learner(ValueModel):
    """One learner of the programme: the roster's row and what became of the learner.

    A row is a value, checked with the partnership that holds it: to record a follow-up,
    replace the row (``p.learners[i] = p.learners[i].followed_up(...)``).

    The name, NIK, birth date and phone number are personal data (UU 27/2022): masked in
    ``repr`` and in masked exports (the name by its initials).

    >>> Learner(id="pd-01", name="Siti Rahmah", cycle=1, enrolled_on=date(2025, 4, 14),
    ...         nik="6303015204990001")  # doctest: +ELLIPSIS
    Learner(id='pd-01', name='S. R.', nik='6303********0001', gender=None, ...
    """

    id: ShortText
    """The learner's id in the roster (``"pd-01"``): not the name, which is personal data."""
    name: ShortText
    """The learner's name."""
    nik: NIK | None = None
    """Identity number (16 digits)."""
    gender: Gender | None = None
    """Sex, as the Dinas's forms count it."""
    born_on: date | None = None
    """Date of birth."""
    phone: PhoneNumber | None = None
    """The learner's own phone number, for follow-ups."""
    cycle: int = Field(default=1, ge=1)
    """The year of the cooperation whose class the learner joined."""
    enrolled_on: date
    """When the learner enrolled."""
    sessions_held: int | None = Field(default=None, ge=0, le=10_000)
    """Sessions the course held, for attendance."""
    sessions_attended: int | None = Field(default=None, ge=0, le=10_000)
    """Sessions the learner attended."""
    completed_on: date | None = None
    """When the learner completed the course."""
    dropped_out_on: date | None = None
    """When the learner left without completing."""
    competency: CompetencyTest | None = None
    """The competency test and its certificate."""
    business: Business | None = None
    """The business the learner started."""
    employment: Employment | None = None
    """The job the learner took."""
    follow_ups: list[FollowUp] = Field(default_factory=list)
    """What each follow-up after the course found, over the year."""
    supported_by: list[LearnerSupport] = Field(default_factory=list)
    """The partner contributions that served the learner."""

    personal_fields: ClassVar[frozenset[str]] = frozenset({"name", "nik", "born_on", "phone"})

    @field_serializer("nik", "phone")
    def _masked(self, value: str | None, info: SerializationInfo) -> str | None:
        masked: str | None = masked_if_asked(value, info)
        return masked

    @field_serializer("born_on")
    def _year_only(self, value: date | None, info: SerializationInfo) -> date | str | None:
        # masked, the year alone: the day and month with the sex are the digits a masked
        # NIK hides (a woman's day of birth plus 40), and would rebuild it
        if value is not None and info.context and info.context.get("mask"):
            return str(value.year)
        return value

    @field_serializer("name")
    def _initials(self, value: str, info: SerializationInfo) -> str:
        return mask_name(value) if info.context and info.context.get("mask") else value

    def __repr_args__(self) -> Iterable[tuple[str | None, Any]]:
        for name, value in super().__repr_args__():  # a name shown by its initials
            yield name, (mask_name(self.name) if name == "name" else value)

    @model_validator(mode="after")
    def _in_order(self) -> Self:
        if self.completed_on is not None and self.dropped_out_on is not None:
            raise field_error(
                self,
                ("dropped_out_on",),
                "completed_and_dropped_out",
                "a learner either completed the course or left it, not both",
            )
        if (
            self.sessions_held is not None
            and self.sessions_attended is not None
            and self.sessions_attended > self.sessions_held
        ):
            raise field_error(
                self,
                ("sessions_attended",),
                "attended_more_than_held",
                "{attended} sessions attended of {held} held",
                attended=self.sessions_attended,
                held=self.sessions_held,
            )
        test, business, job = self.competency, self.business, self.employment
        dated: list[tuple[tuple[str | int, ...], date | None]] = [
            (("completed_on",), self.completed_on),
            (("dropped_out_on",), self.dropped_out_on),
            (("competency", "tested_on"), test.tested_on if test else None),
            (("business", "started_on"), business.started_on if business else None),
            (("employment", "started_on"), job.started_on if job else None),
            *((("follow_ups", i, "on"), f.on) for i, f in enumerate(self.follow_ups)),
        ]
        for loc, day in dated:
            if day is not None and day < self.enrolled_on:
                raise field_error(
                    self,
                    loc,
                    "before_enrolment",
                    "{day} is before the learner enrolled ({enrolled})",
                    day=date_long(day, current_language()),
                    enrolled=date_long(self.enrolled_on, current_language()),
                )
        return self

    def followed_up(self, follow_up: FollowUp) -> Learner:
        """This learner with ``follow_up`` recorded (a row is a value: replace it in the roster).

        >>> row = Learner(id="pd-01", name="Siti", enrolled_on=date(2025, 4, 14))
        >>> row.followed_up(FollowUp(on=date(2026, 1, 5), employed=True)).follow_ups[0].employed
        True
        """
        return self.model_copy(update={"follow_ups": [*self.follow_ups, follow_up]})

    def income(self, on: date) -> Decimal | None:
        """The monthly income the latest follow-up up to ``on`` recorded, if any did.

        Of two follow-ups of one day, the one recorded last.
        """
        found = [f for f in self.follow_ups if f.on <= on and f.monthly_income is not None]
        return max(reversed(found), key=lambda f: f.on).monthly_income if found else None


class PkwOutcomes(ValueModel):
    """The PKW measures of one cycle's learners on a day (:func:`pkw_outcomes`).

    Shares are of the learners enrolled (``Decimal``, 0 to 1; 0 with no learner).
    """

    on: date
    """The day the measures are taken."""
    cycle: int | None
    """The cycle counted (None: every learner given)."""
    enrolled: int
    """Learners enrolled."""
    completed: int
    """Learners who completed the course."""
    dropped_out: int
    """Learners who left it."""
    competent: int
    """Learners found competent in the competency test."""
    certified: int
    """Learners with a certificate."""
    started_business: int
    """Learners with a business started by the day."""
    with_nib: int
    """Of those, businesses with an NIB."""
    with_halal_certificate: int
    """Of those, businesses with a halal certificate."""
    employed: int
    """Learners with a job by the day."""
    with_income: int
    """Learners whose income a follow-up recorded."""
    earning_minimum_wage: int
    """Learners whose latest recorded monthly income is at least the UMK."""
    minimum_wage: Rupiah | None
    """The UMK the incomes were held to (None: not given, so nobody is counted)."""
    business_share: Decimal
    """Share of learners who started a business."""
    wage_share: Decimal
    """Share of learners earning at least the UMK."""
    business_target: Decimal = BUSINESS_TARGET
    """The share expected to start a business."""
    wage_target: Decimal = WAGE_TARGET
    """The share expected to earn at least the UMK."""
    due: date | None = None
    """When the targets are judged: a year after the last learner finished the course (the
    measures hold "within a year"); None while nobody has finished. Before it, a target
    not reached is not yet missed."""

    @property
    def still_due(self) -> bool:
        """Whether the year the targets are judged by has not ended on the day."""
        return self.due is not None and self.on < self.due

    def indicator_values(
        self, *, business: str | None = None, wage: str | None = None
    ) -> list[IndicatorValue]:
        """The shares as values of the plan's indicators ``business`` and ``wage`` (in %).

        A work plan may measure the PKW outcomes as its own indicators (unit ``%``, a
        target of 75 and 30); these are their values on the day, to record in a
        monitoring record. The wage share is given only when the UMK was known.

        >>> o = pkw_outcomes([], on=date(2026, 3, 1))
        >>> [(v.indicator, v.value) for v in o.indicator_values(business="berwirausaha")]
        [('berwirausaha', Decimal('0.00'))]
        """
        found = []
        if business is not None:
            found.append((business, self.business_share))
        if wage is not None and self.minimum_wage is not None:
            found.append((wage, self.wage_share))
        return [
            IndicatorValue(indicator=key, value=(share * 100).quantize(_CENT), measured_on=self.on)
            for key, share in found
        ]

    @property
    def business_target_met(self) -> bool:
        """Whether the share starting a business reaches its target."""
        return self.enrolled > 0 and self.business_share >= self.business_target

    @property
    def wage_target_met(self) -> bool:
        """Whether the share earning at least the UMK reaches its target."""
        return self.enrolled > 0 and self.wage_share >= self.wage_target


def pkw_outcomes(
    learners: Iterable[Learner],
    *,
    on: date,
    minimum_wage: Decimal | None = None,
    cycle: int | None = None,
    business_target: Decimal = BUSINESS_TARGET,
    wage_target: Decimal = WAGE_TARGET,
) -> PkwOutcomes:
    """The PKW measures of ``learners`` (those of ``cycle``, when given) on ``on``.

    Only what was recorded by ``on`` counts: a business started later, a follow-up after
    it. A learner counts as earning at least the UMK when the latest follow-up with an
    income says so; with no ``minimum_wage`` nobody is counted (it is never guessed).

    Args:
        learners: The roster (``partnership.learners``).
        on: The day the measures are taken.
        minimum_wage: The regency's UMK for the year, in rupiah per month
            (``partnership.program.minimum_wage``).
        cycle: Count only the learners of this cycle.
        business_target: The share expected to start a business (75 % by default).
        wage_target: The share expected to earn at least the UMK (30 % by default).
    """
    chosen = [x for x in learners if cycle is None or x.cycle == cycle]
    chosen = [x for x in chosen if x.enrolled_on <= on]
    businesses = [
        x.business for x in chosen if x.business is not None and x.business.started_on <= on
    ]
    tests = [x.competency for x in chosen if x.competency and x.competency.tested_on <= on]
    incomes = [income for x in chosen if (income := x.income(on)) is not None]
    earning = (
        sum(1 for income in incomes if income >= minimum_wage) if minimum_wage is not None else 0
    )
    enrolled = len(chosen)
    finished = [x.completed_on for x in chosen if x.completed_on and x.completed_on <= on]
    due = _a_year_after(max(finished)) if finished else None

    def share(count: int) -> Decimal:
        return (Decimal(count) / enrolled).quantize(_PLACES).normalize() if enrolled else Decimal(0)

    return PkwOutcomes(
        on=on,
        cycle=cycle,
        enrolled=enrolled,
        completed=sum(1 for x in chosen if x.completed_on is not None and x.completed_on <= on),
        dropped_out=sum(
            1 for x in chosen if x.dropped_out_on is not None and x.dropped_out_on <= on
        ),
        competent=sum(1 for test in tests if test.passed),
        certified=sum(1 for test in tests if test.certificate),
        started_business=len(businesses),
        with_nib=sum(1 for b in businesses if b.nib),
        with_halal_certificate=sum(1 for b in businesses if b.halal_certificate),
        employed=sum(
            1 for x in chosen if x.employment is not None and x.employment.started_on <= on
        ),
        with_income=len(incomes),
        earning_minimum_wage=earning,
        minimum_wage=minimum_wage,
        business_share=share(len(businesses)),
        wage_share=share(earning),
        business_target=business_target,
        wage_target=wage_target,
        due=due,
    )


def _a_year_after(day: date) -> date:
    """The same day a year on (28 February for 29 February)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)
