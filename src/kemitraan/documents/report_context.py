"""What the template of a monitoring and evaluation report receives: its typed context.

The report (:func:`kemitraan.monitoring_report`, kind ``me_report``) is Indonesian and
mostly tables; each row of a table is one small model here, every cell a finished text
(dates in words, amounts in rupiah, parties by their label and name). Your own keys go
in through ``render_document(..., extra={...})`` and arrive under ``extra``.

The JSON Schema of :class:`MonitoringReportContext` is the reference of its template
variables (``docs/template-context.md``, generated).

>>> sorted(MonitoringReportContext.model_json_schema()["properties"])[:4]
['about', 'actions', 'activities', 'aims']
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from kemitraan.documents._context_model import ContextModel

__all__ = [
    "ActionLine",
    "ActivityLine",
    "DeviationLine",
    "DivergenceLine",
    "FundLine",
    "IdentityLine",
    "IndicatorLine",
    "MoneyLine",
    "MonitoringReportContext",
    "ObjectiveLine",
    "ObligationLine",
    "ProblemLine",
    "ScoreLine",
]


class IdentityLine(ContextModel):
    """A row of the report's identity table: what it is about."""

    label: str
    """``Program``, ``Lembaga``, ``Para pihak``, ``Kesepakatan``, …"""
    value: str
    """Its value, in words."""


class ActivityLine(ContextModel):
    """An activity of the work plan against what was done (guide A.8)."""

    no: str
    """Its number in the plan: ``1``, ``2``, …"""
    name: str
    """The activity."""
    responsible: str
    """The party responsible: ``PIHAK KEDUA (KUBE Rajut Lestari)``, or ``-``."""
    schedule: str
    """``17 Maret 2025 – 11 April 2025``, or ``-`` without a period."""
    progress: str
    """The latest progress recorded (``70%``), or ``dilaksanakan`` when done without one."""
    budget: str
    """Its budget in rupiah (``Rp2.000.000,00``), or ``-``."""
    spent: str
    """What was spent on it, or ``-``."""


class MoneyLine(ContextModel):
    """An activity's budget against what was spent on it; the last line is the total."""

    no: str
    """Its number in the plan, or empty on the total line."""
    name: str
    """The activity, or ``JUMLAH``."""
    budget: str
    """Its budget in rupiah, or ``-``."""
    spent: str
    """The spending last recorded, or ``-``."""
    difference: str
    """Spent minus budget: ``+Rp1.000.000,00`` over, ``\u2212Rp200.000,00`` under (a minus
    sign), or ``-``."""
    note: str
    """``MELEBIHI ANGGARAN (3,3%)`` (however small), ``Di bawah anggaran``, ``Sesuai
    anggaran``, ``Belum ada realisasi tercatat``, ``Tanpa anggaran dalam rencana kerja``."""


class FundLine(ContextModel):
    """A source of funds a signed document names, as amended by the report's day."""

    source: str
    """The party that pays (label and name), or the source's name."""
    kind: str
    """``Lembaga``, ``Mitra``, ``Bantuan pemerintah`` or ``Sumber lain di luar para pihak``."""
    amount: str
    """The amount in rupiah."""
    purpose: str
    """What it pays for, or ``-``."""
    document: str
    """The kind of document that names it (``Nota Kesepahaman``)."""


class ObjectiveLine(ContextModel):
    """An objective the joint evaluation judged, and the data behind the judgement."""

    objective: str
    """The objective, as the plan states it."""
    data: str
    """Each indicator of it with its latest value and final target, joined by ``;``; or ``-``."""
    conclusion: str
    """What the data shows, and no more: ``Target tercapai untuk yang diukur: …`` (the
    indicators named), ``Indikatornya belum semua mencapai target``, or what the joint
    evaluation said where no indicator measures the objective."""


class IndicatorLine(ContextModel):
    """An indicator of the work plan against its targets (guide A.9)."""

    name: str
    """The indicator."""
    baseline: str
    """The baseline with its unit and date: ``0 orang (14 April 2025)``."""
    target: str
    """Each agreed target with its date, joined by ``;``."""
    expected: str = "-"
    """The agreed target most recently due by the report's day (``150 buah (tonggak 31
    Agustus 2025)``), rounded to the indicator's unit; never a value between two targets."""
    actual: str
    """The latest value measured with its date, or ``belum diukur``."""
    direction: str
    """Whether higher or lower is better, in words."""
    status: str
    """``Tercapai``, ``Belum tercapai (…)``, ``Belum diukur``: judged in the indicator's own
    direction."""
    verification: str
    """The means of verification."""


class LearnerLine(ContextModel):
    """A PKW success measure of the learners on the report's day."""

    measure: str
    """What is counted: ``Memulai usaha``."""
    count: str
    """How many learners."""
    share: str
    """Their share of the learners enrolled: ``75%``."""
    target: str = "-"
    """The share expected, where the PKW guide sets one."""
    status: str = "-"
    """``Tercapai`` or ``Belum tercapai`` against that target."""


class DeviationLine(ContextModel):
    """A deviation monitoring caught, on a day of monitoring or of the report."""

    on: str
    """The day it was seen, in words."""
    severity: str
    """``Kritis``, ``Perlu perhatian`` or ``Info``."""
    kind: str
    """What kind of deviation, in words."""
    message: str
    """What deviates."""
    evidence: str
    """The evidence for it."""
    party: str
    """The party concerned (label and name), or ``-``."""


class ObligationLine(ContextModel):
    """A party's obligation under a signed document, and where it stands."""

    document: str
    """The document that sets it (``Nota Kesepahaman Nomor …``)."""
    party: str
    """The party bound (label and name)."""
    text: str
    """The obligation, as the document words it."""
    due: str
    """When it is due, in words, or ``-``."""
    state: str
    """Where it stands, in words."""
    evidence: str
    """What shows it, each with its date, joined by ``;``; or ``-``."""


class ProblemLine(ContextModel):
    """A problem met during monitoring and the solution agreed."""

    on: str
    """The day of the monitoring that met it, in words."""
    problem: str
    """The problem."""
    cause: str
    """Its cause, or ``-``."""
    solution: str
    """The solution agreed, or ``-``."""
    state: str
    """``Teratasi`` or ``Belum teratasi``."""


class ScoreLine(ContextModel):
    """One item of the partnership's health as each party scored it at the evaluation."""

    item: str
    """The item, in words."""
    scores: list[str]
    """Each voter's score (``-`` where one gave none), in the order of ``voters``."""


class DivergenceLine(ContextModel):
    """An item on which the parties' views diverge widely."""

    item: str
    """The item, in words."""
    spread: str
    """The highest score minus the lowest."""
    lowest: str
    """The parties that scored it lowest, joined by ``,``."""
    comments: str
    """What each party said about it, joined by ``;``; or ``-``."""


class ActionLine(ContextModel):
    """An improvement decided on (guide A.10), who carries it out, and by when."""

    action: str
    """The improvement."""
    owner: str
    """The party that carries it out (label and name)."""
    addresses: str
    """The problems it addresses, joined by ``;``; or ``-``."""
    due: str
    """By when, in words, or ``-``."""


class MonitoringReportContext(ContextModel):
    """Everything the template of a monitoring and evaluation report receives.

    One cycle of a partnership as of a day: its identity, the plan against what was
    done, the indicators, the deviations, the obligations, the problems, the joint
    evaluation, the decision and the follow-up. Texts are Indonesian and finished.

    >>> import sys; sys.path.insert(0, "tests")
    >>> from datetime import date
    >>> from seed import at_stage
    >>> from kemitraan import Stage, monitoring_report
    >>> from kemitraan.documents import document_kind
    >>> p = at_stage(Stage.FOLLOW_UP, recorded=True)
    >>> report = monitoring_report(p, on=date(2026, 2, 9))
    >>> context = document_kind("me_report").context(report, p)
    >>> context.cycle, context.indicators[0].actual
    ('TAHUN KE-1', '18 orang (31 Juli 2025)')
    """

    kind: Literal["me_report"] = "me_report"
    """Always ``me_report``."""
    draft: bool = False
    """Whether the report is a draft (the engine marks every page's header)."""
    title: str
    """``LAPORAN MONITORING DAN EVALUASI``."""
    about: str
    """``KEMITRAAN PROGRAM …``: the programme in capitals."""
    cycle: str
    """``TAHUN KE-1``: the year of the cooperation reported on."""
    institution: str
    """The education unit's name in capitals."""
    place: str
    """Where the report is made."""
    date: str
    """The day the report is as of, in words."""
    cover: list[str] = Field(default_factory=list)
    """The cover's lines under the title: who reports, its NPSN, its address, the year."""
    legal_basis: list[str] = Field(default_factory=list)
    """The laws the programme stands on and the agreements signed by the report's day."""
    aims: list[str] = Field(default_factory=list)
    """What monitoring and evaluation are for (guide A.9–A.10)."""
    method: list[str] = Field(default_factory=list)
    """Who monitored, how often, with which instruments and data."""
    identity: list[IdentityLine]
    """The identity table: programme, institution, parties, agreement, term, cycle, day,
    monitoring records."""
    activities: list[ActivityLine]
    """The work plan's activities against what was done."""
    money: list[MoneyLine] = Field(default_factory=list)
    """Each activity's budget against its spending, overruns flagged; the total last."""
    funds: list[FundLine] = Field(default_factory=list)
    """The sources of funds the documents in force name."""
    reconciliation: list[str] = Field(default_factory=list)
    """The funds set against the budget and the spending, in sentences."""
    indicators: list[IndicatorLine]
    """The work plan's indicators against their targets."""
    learners: list[LearnerLine] = Field(default_factory=list)
    """The PKW success measures of the learners (empty without a roster)."""
    learners_basis: str = ""
    """What the measures rest on (the roster, the day, the UMK), in a sentence."""
    deviations: list[DeviationLine]
    """The deviations caught at each monitoring and on the day of the report."""
    deviations_now: list[DeviationLine]
    """Those seen on the day of the report."""
    obligations: list[ObligationLine]
    """Each party's obligations and where they stand."""
    problems: list[ProblemLine]
    """The problems met during monitoring and the solutions agreed."""
    on_plan: list[str]
    """The activities that ran to plan, as the joint evaluation found."""
    off_plan: list[str]
    """The activities that did not."""
    met: list[str]
    """The objectives achieved."""
    unmet: list[str]
    """The objectives not (yet) achieved."""
    objectives: list[ObjectiveLine] = Field(default_factory=list)
    """Each objective judged, with the indicators' data behind the judgement."""
    obstacles: list[str]
    """The problems that hindered the objectives: ``… (penyebab: …)``."""
    voters: list[str]
    """The parties that scored the partnership's health, by label."""
    scored: list[ScoreLine]
    """Each item of health any party scored, with every voter's score."""
    divergences: list[DivergenceLine]
    """The items on which the views diverge widely."""
    actions: list[ActionLine]
    """The improvements decided on."""
    decision: str
    """Whether the cooperation continues, and why: ``Kerja sama dilanjutkan …``, or
    ``Belum diputuskan.``"""
    lessons: list[str]
    """The lessons of the follow-up plan for the next year."""
    carried: list[str]
    """What it carries forward into the next year."""
    next_activities: list[str]
    """The next year's activities, each with the party responsible."""
    conclusions: list[str] = Field(default_factory=list)
    """What the report's tables show, restated: activities, indicators, learners, decision."""
    recommendations: list[str] = Field(default_factory=list)
    """The improvements the parties decided on (the report proposes none of its own)."""
    annexes: list[str] = Field(default_factory=list)
    """The documents and records to attach: agreements, berita acara, evidence."""
    signer_label: str
    """The signer's title above the signature: ``Ketua / Pimpinan Lembaga``."""
    signer_position: str
    """The institution's representative's position, or empty."""
    signer: str
    """The institution's representative's name, or empty."""
    preparer_position: str = "Pendamping"
    """The position of whoever prepared the report (the facilitator)."""
    preparer: str = ""
    """Their name, or a dotted blank to fill in by hand."""
    endorser_position: str = ""
    """The Dinas officer under *Mengetahui* (a Penilik, the Kabid PNF/PAUD-Dikmas)."""
    endorser: str = ""
    """Their name, or a dotted blank."""
    endorser_nip: str = ""
    """``NIP 19700101 199503 1 001``, a dotted blank, or empty."""
    endorser_rank: str = ""
    """Their *pangkat/golongan* (``Pembina (IV/a)``), or empty."""
    extra: dict[str, Any] = Field(default_factory=dict)
    """Your own values, from ``render_document(..., extra=...)``."""
