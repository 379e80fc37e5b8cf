"""What each party has bound itself to, and whether it has done it (guide A.8).

Guide A.8: "Pelaksanaan kegiatan sesuai dengan tanggungjawab dan peran masing-masing
pihak yang bermitra". Every responsibility a party has in the signed agreement — as
its addenda amend it — and in each cooperation agreement (PKS) is an
:class:`Obligation`: linked to the plan's activities that fulfil it
(``PlannedActivity.fulfils``), due when the agreement says (``PartyRole.due``) or when
the last of those activities ends. :func:`obligation_status` says, on a day, which
obligations are fulfilled (every activity that fulfils them finished, or a record that
names them as fulfilled), which are under way, which are due soon, which are overdue,
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

from collections import Counter
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from pydantic import Field

from kemitraan._base import LabelledEnum, ValueModel
from kemitraan._types import NonEmptyStr, PartyId, ShortText
from kemitraan.summary import current_plan

if TYPE_CHECKING:
    from kemitraan.agreements import Agreement
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


def _texts(partnership: Partnership) -> list[Agreement]:
    """The agreement and its signed cooperation agreements, as their signed addenda amend them."""
    found: list[Agreement] = []
    amended = partnership.as_amended()
    if amended is not None:
        found.append(amended)
    for pks in partnership.cooperation_agreements:
        if set(partnership.signatures(pks)) >= set(pks.party_ids):
            view = partnership.as_amended(pks)
            if view is not None:
                found.append(view)
    return found


def _id(party_id: str, text: str) -> str:
    from kemitraan.parties import slug

    return f"{party_id}/{slug(text) or 'kewajiban'}"


def _fulfils(activity: PlannedActivity, obligation: Obligation) -> bool:
    return any(f in (obligation.id, obligation.text) for f in activity.fulfils)


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
    found: dict[str, Obligation] = {}
    for text in _texts(partnership):
        where = f"{text.kind.label_id} tentang {text.subject}"
        for role in text.roles:
            for wording in role.responsibilities:
                key = _id(role.party_id, wording)
                if key in found:
                    continue
                draft = Obligation(id=key, party_id=role.party_id, text=wording, document=where)
                linked = [a for a in activities if _fulfils(a, draft)]
                ends = [a.period.end for a in linked if a.period is not None]
                found[key] = draft.model_copy(
                    update={
                        "due": role.due.get(wording) or (max(ends) if ends else None),
                        "activities": [a.id for a in linked],
                    }
                )
    return list(found.values())


class _Records:
    """The cycle's records up to a day, indexed by the activity (id or name) they concern."""

    def __init__(self, partnership: Partnership, on: date, cycle: int) -> None:
        planned, _ = current_plan(partnership, cycle)
        self.names = {a.id: a.name for a in planned}
        self.done: dict[str, list[Evidence]] = {}
        self.named: list[tuple[list[str], Evidence]] = []
        for record in partnership.implementation:
            if record.cycle != cycle or record.on > on:
                continue
            name = self.names.get(record.activity, record.activity)
            said = Evidence(
                on=record.on, what=f"{name}: {record.result}" if record.result else name
            )
            self.done.setdefault(record.activity, []).append(said)
            if record.fulfils:
                self.named.append((list(record.fulfils), said))
        self.latest: dict[str, tuple[date, Decimal]] = {}
        monitored_ = sorted(
            (r for r in partnership.monitoring if r.cycle == cycle and r.on <= on),
            key=lambda r: (r.on, r.model_dump_json()),
        )
        for monitored in monitored_:
            for progress in monitored.progress:
                ids = [k for k, v in self.names.items() if v == progress.activity]
                key = (
                    progress.activity
                    if progress.activity in self.names
                    else (ids[0] if ids else progress.activity)
                )
                self.latest[key] = (monitored.on, progress.percent)
                if progress.percent > 0:
                    name = self.names.get(key, progress.activity)
                    how = "selesai" if progress.percent >= 100 else f"{progress.percent}%"
                    said = Evidence(on=monitored.on, what=f"{name}: {how}")
                    self.done.setdefault(progress.activity, []).append(said)

    def of(self, obligation: Obligation) -> tuple[list[Evidence], bool]:
        """What shows ``obligation`` carried out, oldest first, and whether it is done.

        Done: a record names it as fulfilled, or every activity that fulfils it is
        finished by its latest progress.
        """
        keys = set(obligation.activities)
        keys |= {self.names[a] for a in obligation.activities if a in self.names}
        found = [e for key in keys for e in self.done.get(key, [])]
        named = [
            e for fulfils, e in self.named if obligation.id in fulfils or obligation.text in fulfils
        ]
        finished = bool(obligation.activities) and all(
            self.latest.get(a, (date.min, Decimal(0)))[1] >= 100 for a in obligation.activities
        )
        return sorted(set(found + named), key=lambda e: (e.on, e.what)), bool(named) or finished


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
    statuses = []
    soon = timedelta(days=due_within_days)
    records = _Records(partnership, on, cycle)
    for obligation in obligations(partnership, cycle=cycle):
        evidence, done = records.of(obligation)
        due = obligation.due
        if done:
            state, late = ObligationState.FULFILLED, 0
        elif due is not None and due < on:
            state, late = ObligationState.OVERDUE, (on - due).days
        elif evidence:
            state, late = ObligationState.IN_PROGRESS, 0
        elif due is None:
            state, late = ObligationState.OPEN, 0
        elif due < on:
            state, late = ObligationState.OVERDUE, (on - due).days
        elif due - on <= soon:
            state, late = ObligationState.DUE, 0
        else:
            state, late = ObligationState.PENDING, 0
        statuses.append(
            ObligationStatus(
                obligation=obligation, state=state, evidence=evidence, days_overdue=late
            )
        )
    return statuses


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
