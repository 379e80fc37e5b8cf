"""What each party has bound itself to, and whether it has done it (guide A.8).

Guide A.8: "Pelaksanaan kegiatan sesuai dengan tanggungjawab dan peran masing-masing
pihak yang bermitra". Every responsibility a party has in the signed agreement — as
its addenda amend it — and in each cooperation agreement (PKS) is an
:class:`Obligation`: linked to the plan's activities that fulfil it
(``PlannedActivity.fulfils``), due when the agreement says (``PartyRole.due``) or when
the last of those activities ends. :func:`obligation_status` says, on a day, which
obligations are fulfilled (every activity that fulfils them finished, or a record that
names them as fulfilled: an implementation record, a monitoring visit or a contact with the
partner), which are under way, which are due soon, which are overdue,
and which have no due date yet — per party, the contract-management view a generic CRM
does not give.

>>> from datetime import date
>>> from kemitraan import (Agreement, Institution, Partner, PartnerKind, Partnership,
...                        PartyRole, PlannedActivity, Program, WorkPlan)
>>> from kemitraan._types import Period
>>> pkbm = Institution(name="PKBM A")
>>> shop = Partner(name="Toko B", kind=PartnerKind.BUSINESS)
>>> mou = Agreement(parties=[pkbm, shop], subject="Pemasaran", place="Martapura",
...     date=date(2025, 3, 10), roles=[
...         PartyRole(party_id=pkbm.id, role="Produsen", responsibilities=["Memasok tas"]),
...         PartyRole(party_id=shop.id, role="Pemasar", responsibilities=["Membeli tas"],
...                   due={"Membeli tas": date(2025, 6, 30)})])
>>> plan = WorkPlan(drawn_up_on=date(2025, 3, 1), participants=[pkbm.id, shop.id],
...     activities=[PlannedActivity(name="Produksi", responsible=pkbm.id,
...         period=Period(start=date(2025, 4, 1), end=date(2025, 5, 31)),
...         fulfils=["Memasok tas"])])
>>> p = Partnership(institution=pkbm, program=Program(name="PKW", objectives=["Mandiri"]),
...                 partners=[shop], work_plan=plan, agreement=mou)
>>> [(s.obligation.id, s.obligation.due, s.state.value)
...  for s in obligation_status(p, on=date(2025, 7, 15))]  # doctest: +NORMALIZE_WHITESPACE
[('pkbm-a/memasok-tas', datetime.date(2025, 5, 31), 'overdue'),
 ('toko-b/membeli-tas', datetime.date(2025, 6, 30), 'overdue')]
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal
from functools import cached_property, lru_cache
from itertools import pairwise
from operator import attrgetter
from typing import TYPE_CHECKING, NamedTuple, Protocol, TypeVar

from pydantic import Field

from kemitraan._base import LabelledEnum, ValueModel
from kemitraan._types import NonEmptyStr, PartyId, ShortText
from kemitraan.parties import slug
from kemitraan.summary import current_plan

if TYPE_CHECKING:
    from kemitraan.agreements import Agreement
    from kemitraan.monitoring import ActivityProgress, IndicatorValue, Spending
    from kemitraan.partnerships import Partnership
    from kemitraan.planning import PlannedActivity

__all__ = [
    "Evidence",
    "Obligation",
    "ObligationState",
    "ObligationStatus",
    "obligation_status",
    "obligations",
    "obligations_by_party",
]


class ObligationState(LabelledEnum):
    """Where an obligation stands on a given day.

    >>> ObligationState.OVERDUE.label_id
    'Lewat tenggat'
    """

    FULFILLED = "fulfilled", "Terlaksana", "Fulfilled"
    IN_PROGRESS = "in_progress", "Sedang dilaksanakan", "Under way"
    OVERDUE = "overdue", "Lewat tenggat", "Overdue"
    DUE = "due", "Segera jatuh tempo", "Due soon"
    PENDING = "pending", "Belum jatuh tempo", "Not yet due"
    OPEN = "open", "Tanpa tenggat, belum ada bukti", "No due date, no evidence yet"


class Obligation(ValueModel):
    """One responsibility of one party, as an obligation to track.

    >>> Obligation(id="kube/memasok-tas", party_id="kube", text="Memasok tas",
    ...            document="Nota Kesepahaman").due is None
    True
    """

    id: ShortText
    """``party/words-of-the-responsibility``: stable while its wording is."""
    party_id: PartyId
    """The party bound."""
    text: NonEmptyStr
    """The responsibility, as the agreement words it."""
    document: ShortText
    """Where it is stated: the agreement's kind and subject."""
    due: date | None = None
    """When it must be done: as the agreement states, else when its last activity ends."""
    activities: list[ShortText] = Field(default_factory=list)
    """The ids of the plan's activities that fulfil it."""


class Evidence(ValueModel):
    """A record that shows an obligation (being) fulfilled.

    >>> Evidence(on=date(2025, 6, 2), what="Kurasi mutu: 180 tas dibeli").what
    'Kurasi mutu: 180 tas dibeli'
    """

    on: date
    """When."""
    what: NonEmptyStr
    """What the record says."""


class ObligationStatus(ValueModel):
    """An obligation on a day: its state, the evidence, how late it is.

    >>> ob = Obligation(id="kube/x", party_id="kube", text="X", document="MoU")
    >>> ObligationStatus(obligation=ob, state=ObligationState.OPEN).days_overdue
    0
    """

    obligation: Obligation
    """The obligation."""
    state: ObligationState
    """Where it stands."""
    evidence: list[Evidence] = Field(default_factory=list)
    """What shows it fulfilled, oldest first."""
    days_overdue: int = 0
    """Days past its due date without evidence."""


class _Dated(Protocol):
    """A record of a day, as :func:`_canonical` orders it."""

    @property
    def on(self) -> date: ...

    def model_dump_json(self) -> str: ...


_R = TypeVar("_R", bound=_Dated)


def _canonical(records: Iterable[_R]) -> list[_R]:
    """``records`` by day, those of one day by their JSON: the order of adding does not count.

    Serialising a record costs more than everything else a view does with it, so it
    is done only when two records share a day.
    """
    ordered = sorted(records, key=attrgetter("on"))
    for before, after in pairwise(ordered):
        if before.on == after.on:
            return sorted(ordered, key=lambda r: (r.on, r.model_dump_json()))
    return ordered


class _Duty(NamedTuple):
    """An obligation as the views work with it: the fields of :class:`Obligation`."""

    id: str
    party_id: str
    text: str
    document: str
    due: date | None
    activities: tuple[str, ...]

    def model(self) -> Obligation:
        return Obligation(
            id=self.id,
            party_id=self.party_id,
            text=self.text,
            document=self.document,
            due=self.due,
            activities=list(self.activities),
        )


def _texts(partnership: Partnership) -> list[Agreement]:
    """The agreement and its signed cooperation agreements, as their signed addenda amend them."""
    addenda = partnership.signed_addenda()

    def amended(text: Agreement) -> Agreement:
        # Partnership.as_amended, without copying a text no signed addendum amends
        if any(a.amends is not None and a.amends.refers_to(text) for a in addenda):
            return text.amended_by(addenda)
        return text

    found: list[Agreement] = []
    if partnership.agreement is not None:
        found.append(amended(partnership.agreement))
    for pks in partnership.cooperation_agreements:
        if set(partnership.signatures(pks)) >= set(pks.party_ids):
            found.append(amended(pks))
    return found


@lru_cache(maxsize=4096)  # a wording is slugified once, not at every call (python-slugify)
def _duty_id(party: str, wording: str) -> str:
    """An obligation's id: ``party/words-of-the-responsibility``."""
    return f"{party}/{slug(wording) or 'kewajiban'}"


def _duties(
    partnership: Partnership, activities: list[PlannedActivity], due_before: date | None = None
) -> list[_Duty]:
    """What :func:`obligations` returns, before it is made of models.

    With ``due_before``, only the obligations due before that day (the overdue ones).
    """
    # the plan's activities (their ids and ends) by what they say they fulfil: an
    # obligation's id or its words
    planned = [(a.id, a.period.end if a.period is not None else None) for a in activities]
    fulfilling: dict[str, list[int]] = {}
    for index, activity in enumerate(activities):
        for fulfils in activity.fulfils:
            positions = fulfilling.setdefault(fulfils, [])
            if index not in positions:
                positions.append(index)
    found: dict[str, _Duty | None] = {}
    for text in _texts(partnership):
        where = f"{text.kind.label_id} tentang {text.subject}"
        for role in text.roles:
            party, due = role.party_id, role.due
            for wording in role.responsibilities:
                key = _duty_id(party, wording)
                if key in found:
                    continue
                by_id, by_words = fulfilling.get(key), fulfilling.get(wording)
                if by_id and by_words and by_id is not by_words:
                    linked: Iterable[int] = sorted({*by_id, *by_words})
                else:
                    linked = by_id or by_words or ()
                ends = [end for i in linked if (end := planned[i][1]) is not None]
                day = due.get(wording) or (max(ends) if ends else None)
                if due_before is not None and (day is None or day >= due_before):
                    found[key] = None  # its wording taken, nothing else read
                    continue
                found[key] = _Duty(
                    key, party, wording, where, day, tuple([planned[i][0] for i in linked])
                )
    return [duty for duty in found.values() if duty is not None]


def obligations(partnership: Partnership, *, cycle: int | None = None) -> list[Obligation]:
    """Every party's obligations in the agreement and its signed PKS, as amended, in order.

    A responsibility worded the same in two texts is one obligation. The activities that
    fulfil it are those of the plan of ``cycle`` (the current one by default): the work
    plan, or a later cycle's follow-up plan.

    >>> from datetime import date
    >>> from kemitraan import Agreement, Institution, Partner, PartnerKind, Partnership
    >>> from kemitraan import PartyRole, Program
    >>> pkbm, shop = Institution(name="PKBM A"), Partner(name="Toko B", kind=PartnerKind.BUSINESS)
    >>> mou = Agreement(parties=[pkbm, shop], subject="Pemasaran", place="Martapura",
    ...     date=date(2025, 3, 10), roles=[
    ...         PartyRole(party_id=shop.id, role="Pemasar", responsibilities=["Membeli tas"])])
    >>> p = Partnership(institution=pkbm, program=Program(name="PKW", objectives=["Mandiri"]),
    ...                 partners=[shop], agreement=mou)
    >>> [(o.id, o.document) for o in obligations(p)]
    [('toko-b/membeli-tas', 'Nota Kesepahaman tentang Pemasaran')]
    """
    activities, _ = current_plan(partnership, cycle)
    return [duty.model() for duty in _duties(partnership, activities)]


class _Records:
    """The cycle's records up to a day, by the activity (id or name) or indicator they concern.

    One pass over each record list, for every view that reads them.
    """

    def __init__(
        self,
        partnership: Partnership,
        on: date,
        cycle: int | None = None,
        planned: list[PlannedActivity] | None = None,
    ) -> None:
        cycle = partnership.cycle if cycle is None else cycle
        self.planned = current_plan(partnership, cycle)[0] if planned is None else planned
        self.names = names = {a.id: a.name for a in self.planned}
        # a name stands for the first activity of that name
        self.first_id: dict[str, str] = {}
        first_id = self.first_id
        for activity_id, name in names.items():
            first_id.setdefault(name, activity_id)
        self.monitored = _canonical(
            r for r in partnership.monitoring if r.cycle == cycle and r.on <= on
        )
        self.on = on
        # what the views judge by: the last of each, by the activity or indicator as
        # recorded (the whole series are read only when asked for, below)
        self.last_progress: dict[str, tuple[date, Decimal]] = {}
        self.last_spent: dict[str, tuple[date, Decimal]] = {}
        self.last_values: dict[str, tuple[date, list[Decimal]]] = {}
        self.reported: set[str] = set()  # the activities with some progress
        self.named: list[tuple[list[str], tuple[date, str]]] = []  # evidence named as such
        last_progress, last_spent = self.last_progress, self.last_spent
        last_values, reported, named = self.last_values, self.reported, self.named
        for record in self.monitored:
            day = record.on
            # a record's lists read from its fields: through their attributes (which wrap
            # them, kemitraan._containers) they cost more than these loops (a frozen
            # record's lists are never changed)
            fields = record.__dict__
            progresses: list[ActivityProgress] = fields["progress"]
            for progress in progresses:
                percent, activity = progress.percent, progress.activity
                last_progress[activity] = (day, percent)
                if percent:  # a percentage is never negative
                    reported.add(activity)
            spending: list[Spending] = fields["spending"]
            for spent in spending:
                last_spent[spent.activity] = (day, spent.amount)
            values: list[IndicatorValue] = fields["indicators"]
            for value in values:
                when = value.measured_on or day
                if when <= on:
                    seen = last_values.get(value.indicator)
                    if seen is None or when > seen[0]:
                        last_values[value.indicator] = (when, [value.value])
                    elif when == seen[0]:
                        seen[1].append(value.value)
            if fields["fulfils"]:
                what = record.findings or "kewajiban terlaksana"
                named.append((list(record.fulfils), (day, f"Monitoring: {what}")))
        for contact in partnership.interactions:
            if contact.__dict__["fulfils"] and contact.on <= on:  # read as a record's, above
                what = contact.summary or contact.kind.label_id
                named.append((list(contact.fulfils), (contact.on, f"Kontak: {what}")))
        # the days each activity was carried out, and what each record says (day, what)
        self.done_on: dict[str, list[date]] = defaultdict(list)
        self.done: dict[str, list[tuple[date, str]]] = defaultdict(list)
        for done in partnership.implementation:
            if done.cycle != cycle or done.on > on:
                continue
            self.done_on[done.activity].append(done.on)
            name = names.get(done.activity, done.activity)
            said = (done.on, f"{name}: {done.result}" if done.result else name)
            self.done[done.activity].append(said)
            if done.fulfils:
                named.append((list(done.fulfils), said))

    @cached_property
    def latest(self) -> dict[str, Decimal]:
        """The latest progress by the activity's id: the last in canonical order.

        A record may name an activity by its name, which stands for the first activity
        of that name.
        """
        names, first_id = self.names, self.first_id
        if all(key in names or key not in first_id for key in self.last_progress):
            return {key: last[1] for key, last in self.last_progress.items()}  # all by id
        latest: dict[str, Decimal] = {}
        for record in self.monitored:
            for progress in record.progress:
                activity = progress.activity
                key = activity if activity in names else first_id.get(activity, activity)
                latest[key] = progress.percent
        return latest

    @cached_property
    def progress(self) -> dict[str, list[tuple[date, Decimal]]]:
        """(day, percent) by the activity as recorded, in canonical order."""
        found: dict[str, list[tuple[date, Decimal]]] = defaultdict(list)
        for record in self.monitored:
            day, progresses = record.on, record.__dict__["progress"]  # read as in __init__
            for progress in progresses:
                found[progress.activity].append((day, progress.percent))
        return found

    @cached_property
    def spending(self) -> dict[str, list[tuple[date, Decimal]]]:
        """(day, amount spent to date) by the activity as recorded, in canonical order."""
        found: dict[str, list[tuple[date, Decimal]]] = defaultdict(list)
        for record in self.monitored:
            for spent in record.spending:
                found[spent.activity].append((record.on, spent.amount))
        return found

    @cached_property
    def values(self) -> dict[str, list[tuple[date, Decimal]]]:
        """(day measured, value) by the indicator, in order."""
        found: dict[str, list[tuple[date, Decimal]]] = defaultdict(list)
        for record in self.monitored:
            for value in record.indicators:
                when = value.measured_on or record.on
                if when <= self.on:
                    found[value.indicator].append((when, value.value))
        for measured in found.values():
            measured.sort()
        return found

    def _keys(self, duty: _Duty) -> set[str]:
        keys = set(duty.activities)
        keys.update(self.names[a] for a in duty.activities if a in self.names)
        return keys

    def _named(self, duty: _Duty) -> list[tuple[date, str]]:
        return [said for fulfils, said in self.named if duty.id in fulfils or duty.text in fulfils]

    def judge(self, duty: _Duty) -> tuple[bool, bool]:
        """Whether anything shows ``duty`` carried out, and whether it is done.

        Done: a record names it as fulfilled, or every activity that fulfils it is
        finished by its latest progress.
        """
        if self.named and self._named(duty):
            return True, True
        if not duty.activities:
            return False, False
        shown = any(key in self.done or key in self.reported for key in self._keys(duty))
        return shown, all(self.latest.get(a, 0) >= 100 for a in duty.activities)

    def evidence(self, duty: _Duty) -> list[tuple[date, str]]:
        """What shows ``duty`` carried out, oldest first, each (day, what) once."""
        found, progress = self._evidence(duty)
        found.update((day, _progress_said(name, percent)) for day, name, percent in progress)
        return sorted(found)

    def shown(self, duty: _Duty) -> tuple[int, tuple[date, str]] | None:
        """How many records :meth:`evidence` gives, and the last; ``None`` when none.

        Without wording every progress record: records of different days are different
        evidence, so only those of a day with more than one, and of the last day, are
        worded.
        """
        found, progress = self._evidence(duty)
        if not progress:
            return (len(found), max(found)) if found else None
        days = Counter(day for day, _ in found)
        days.update(day for day, _, _ in progress)
        last, alone = max(days), 0
        for day, name, percent in progress:
            if days[day] == 1 and day != last:
                alone += 1  # the only record of its day: different from every other
            else:
                found.add((day, _progress_said(name, percent)))
        return len(found) + alone, max(found)

    def _evidence(
        self, duty: _Duty
    ) -> tuple[set[tuple[date, str]], list[tuple[date, str, Decimal]]]:
        """What :meth:`evidence` gives: records said, and progress (day, name, percent) unsaid."""
        found = set(self._named(duty))
        progress: list[tuple[date, str, Decimal]] = []
        for key in self._keys(duty):
            found.update(self.done.get(key, ()))
            if key in self.reported:  # else no progress above 0 recorded under it
                name = self.names.get(
                    key if key in self.names else self.first_id.get(key, key), key
                )
                progress += [(day, name, p) for day, p in self.progress[key] if p > 0]
        return found, progress


def _progress_said(name: str, percent: Decimal) -> str:
    """Progress as evidence says it: ``Produksi: 60%``, ``Produksi: selesai``."""
    return f"{name}: {'selesai' if percent >= 100 else f'{percent}%'}"


def _standing(
    partnership: Partnership,
    *,
    on: date,
    cycle: int,
    due_within_days: int = 14,
    records: _Records | None = None,
    overdue_only: bool = False,
) -> tuple[list[tuple[_Duty, ObligationState, int]], _Records]:
    """Each obligation with its state and days overdue, and the records that judged them.

    ``records`` is the index of the cycle's records up to ``on`` when the caller has it;
    with ``overdue_only``, only the overdue obligations are returned.
    """
    records = _Records(partnership, on, cycle) if records is None else records
    soon = timedelta(days=due_within_days)
    found = []
    for duty in _duties(partnership, records.planned, on if overdue_only else None):
        due = duty.due
        shown, done = records.judge(duty)
        if done:
            if overdue_only:
                continue
            state, late = ObligationState.FULFILLED, 0
        elif due is not None and due < on:
            state, late = ObligationState.OVERDUE, (on - due).days
        elif shown:
            state, late = ObligationState.IN_PROGRESS, 0
        elif due is None:
            state, late = ObligationState.OPEN, 0
        elif due - on <= soon:
            state, late = ObligationState.DUE, 0
        else:
            state, late = ObligationState.PENDING, 0
        found.append((duty, state, late))
    return found, records


def obligation_status(
    partnership: Partnership, *, on: date, due_within_days: int = 14, cycle: int | None = None
) -> list[ObligationStatus]:
    """Every obligation's state on ``on``.

    Args:
        partnership: The partnership.
        on: The day judged (records after it do not count).
        due_within_days: An obligation without evidence due within this many days is
            ``due``; later ones are ``pending``.
        cycle: The cycle whose records count as evidence (the current one by default).

    See the module's example.

    >>> from kemitraan import Institution, Partnership, Program
    >>> obligation_status(Partnership(institution=Institution(name="PKBM A"),
    ...     program=Program(name="PKW", objectives=["Mandiri"])), on=date(2025, 7, 1))
    []
    """
    cycle = partnership.cycle if cycle is None else cycle
    standing, records = _standing(partnership, on=on, due_within_days=due_within_days, cycle=cycle)
    return [
        ObligationStatus(
            obligation=duty.model(),
            state=state,
            evidence=[Evidence(on=day, what=what) for day, what in records.evidence(duty)],
            days_overdue=late,
        )
        for duty, state, late in standing
    ]


def obligations_by_party(statuses: list[ObligationStatus]) -> dict[str, Counter[ObligationState]]:
    """How many obligations of each party are in each state.

    >>> ob = Obligation(id="kube/x", party_id="kube", text="X", document="MoU")
    >>> obligations_by_party([ObligationStatus(obligation=ob, state=ObligationState.DUE)])
    {'kube': Counter({<ObligationState.DUE: 'due'>: 1})}
    """
    counts: dict[str, Counter[ObligationState]] = {}
    for status in statuses:
        counts.setdefault(status.obligation.party_id, Counter())[status.state] += 1
    return counts
