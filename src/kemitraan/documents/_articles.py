"""The articles of the cooperation itself, each a function of the agreement's wording.

Each function returns one article — its title and paragraphs, in Indonesian and
English — or ``None`` when the agreement has nothing to say there, so the articles
are numbered without gaps once chosen. A document kind lists the articles it has,
in order (:mod:`kemitraan.documents.mou`, :mod:`~kemitraan.documents.pks`,
:mod:`~kemitraan.documents.addendum`). The articles that close an agreement (force
majeure, disputes, termination, …) are in :mod:`kemitraan.documents._closing_articles`.
"""

from __future__ import annotations

from kemitraan._refs import party_refs
from kemitraan.conventions import count, date_long, rupiah
from kemitraan.documents._clauses import CLAUSE_PACKS
from kemitraan.documents._wording import (
    BLANK,
    Article,
    Bilingual,
    Para,
    Wording,
    bi,
    duration,
    every,
    join,
    lower_first,
    lower_item,
    upper_first,
)
from kemitraan.patterns import pattern_info
from kemitraan.planning import PlannedActivity
from kemitraan.provisions import AgreementKind, Payment
from kemitraan.verification import printed_activities

__all__ = [
    "financing",
    "implementation",
    "monitoring",
    "pattern",
    "payment",
    "purpose",
    "roles",
    "scope",
    "term",
]


def purpose(w: Wording) -> Article | None:
    a = w.agreement
    if a.purpose is None and not a.objectives:
        return None
    doc = w.doc
    paras = []
    if a.purpose is not None:
        paras.append(
            Para(
                bi(
                    f"Maksud {doc.indonesian} ini adalah {lower_first(a.purpose)}.",
                    f"The purpose of {doc.english} is {lower_first(w.tr(a.purpose))}.",
                )
            )
        )
    if a.objectives:
        many = len(a.objectives) > 1
        noun, verb = ("The objectives", "are") if many else ("The objective", "is")
        paras.append(
            Para(
                bi(f"Tujuan {doc.indonesian} ini adalah:", f"{noun} of {doc.english} {verb}:"),
                [w.both(o) for o in a.objectives],
            )
        )
    title = bi("MAKSUD DAN TUJUAN", "PURPOSE AND OBJECTIVES")
    if a.purpose is None:
        title = bi("TUJUAN", "OBJECTIVES")
    elif not a.objectives:
        title = bi("MAKSUD", "PURPOSE")
    return Article(title, paras)


def scope(w: Wording) -> Article | None:
    if not w.agreement.scope and not w.draft:
        return None
    doc = w.doc
    return Article(
        bi("RUANG LINGKUP", "SCOPE"),
        [
            Para(
                bi(
                    f"Ruang lingkup {doc.indonesian} ini meliputi:",
                    f"The scope of {doc.english} covers:",
                ),
                [w.both(s) for s in w.agreement.scope] or [bi(BLANK, BLANK)],
            )
        ],
    )


def pattern(w: Wording) -> Article | None:
    terms = w.agreement.pattern
    if terms is None:
        return None
    info = pattern_info(terms.pattern)
    # Only the parties the pattern's terms name enter into it: not the PKBM that runs the
    # programme, nor a Dinas that facilitates, beside the trading parties.
    named = {party_id for _, party_id, _ in party_refs(terms)}
    partners = [pid for pid in w.agreement.party_ids if pid in named]
    who = bi("PARA PIHAK", "THE PARTIES")
    if 1 < len(partners) < len(w.agreement.party_ids):
        who = w.labels(partners)
    paras = [
        Para(
            bi(
                f"{who.indonesian} sepakat bermitra dengan pola {info.name_id.lower()}, yaitu "
                f"{lower_first(info.description_id)}",
                f"{who.english} agree to cooperate in the {info.name_en.lower()} pattern: "
                f"{lower_first(info.description_en)}",
            )
        )
    ]
    paras += CLAUSE_PACKS[type(terms)](w, terms)
    paras += [Para(w.both(note)) for note in terms.notes]
    return Article(bi("POLA KEMITRAAN", "PARTNERSHIP PATTERN"), paras)


def roles(w: Wording) -> Article | None:
    paras: list[Para] = []
    for party in w.agreement.parties:
        role = w.agreement.role_of(party.id)
        if role is None and not w.draft:
            continue
        who = w.label(party.id)
        if role is None:  # a draft shows the role still to be agreed
            duty = bi(
                f"{who.indonesian} berperan sebagai {BLANK}, serta berkewajiban:",
                f"{who.english} acts as {BLANK}, and shall:",
            )
            paras.append(Para(duty, [bi(BLANK, BLANK)]))
            continue
        duty = bi(
            f"{who.indonesian} berperan sebagai {lower_item(role.role, w.defined)}, serta "
            "berkewajiban:",
            f"{who.english} acts as {lower_item(w.tr(role.role), w.defined)}, and shall:",
        )
        items = [w.both(r) for r in role.responsibilities]
        if not items and w.draft:
            items = [bi(BLANK, BLANK)]
        paras.append(Para(duty, items))
        if role.rights:
            paras.append(
                Para(
                    bi(f"{who.indonesian} berhak:", f"{who.english} is entitled to:"),
                    [w.both(r) for r in role.rights],
                )
            )
    if not paras:
        return None
    return Article(bi("PERAN, HAK DAN KEWAJIBAN", "ROLES, RIGHTS AND OBLIGATIONS"), paras)


def _activities(w: Wording, activities: list[PlannedActivity]) -> list[PlannedActivity]:
    """The work plan's activities this agreement's text lists (:func:`printed_activities`)."""
    return printed_activities(w.agreement, activities)


def implementation(w: Wording) -> Article:
    doc = w.doc
    paras = [
        Para(
            bi(
                f"Pelaksanaan {doc.indonesian} ini dituangkan dalam rencana kerja yang disusun "
                "bersama oleh PARA PIHAK sehingga aspirasi dan kepentingan setiap PIHAK "
                "terwakili.",
                f"{upper_first(doc.english)} is carried out through a work plan drawn up by "
                "THE PARTIES together, so that the aspirations and interests of each PARTY "
                "are represented.",
            )
        )
    ]
    plan = w.partnership.work_plan if w.partnership is not None else None
    if plan is not None and plan.activities:
        items = []
        for activity in _activities(w, plan.activities):
            who = w.label(activity.responsible)
            items.append(
                bi(
                    f"{activity.name}, dengan penanggung jawab {who.indonesian}",
                    f"{w.tr(activity.name)}, the responsibility of {who.english}",
                )
            )
        if items:
            paras.append(
                Para(
                    bi(
                        "Rencana kerja memuat kegiatan sebagai berikut:",
                        "The work plan comprises the following activities:",
                    ),
                    items,
                )
            )
    if w.agreement.kind is AgreementKind.MOU:
        paras.append(
            Para(
                bi(
                    "Ketentuan teknis pelaksanaan diatur lebih lanjut dalam Perjanjian Kerja "
                    "Sama atau kesepakatan tertulis PARA PIHAK.",
                    "Technical arrangements are set out further in a Cooperation Agreement "
                    "or in a written agreement of THE PARTIES.",
                )
            )
        )
    return Article(bi("PELAKSANAAN", "IMPLEMENTATION"), paras)


def financing(w: Wording) -> Article:
    a = w.agreement
    doc = w.doc
    payments = [payment(w, p) for p in a.payments]
    title = bi("PEMBIAYAAN", "FINANCING")
    if payments:
        title = bi("PEMBIAYAAN DAN PEMBAYARAN", "FINANCING AND PAYMENT")
    if not a.financing:
        costs = bi(
            f"Biaya yang timbul dalam pelaksanaan {doc.indonesian} ini dibebankan kepada "
            "masing-masing PIHAK sesuai dengan kewajibannya, kecuali disepakati lain secara "
            "tertulis.",
            f"The costs of carrying out {doc.english} are borne by each PARTY according to its "
            "obligations, unless agreed otherwise in writing.",
        )
        return Article(title, [Para(costs), *payments])
    rest = Para(
        bi(
            "Biaya lain yang timbul dibebankan kepada masing-masing PIHAK sesuai dengan "
            "kewajibannya, kecuali disepakati lain secara tertulis.",
            "Other costs are borne by each PARTY according to its obligations, unless "
            "agreed otherwise in writing.",
        )
    )
    items = []
    single: Bilingual | None = None
    for funding in a.financing:
        if funding.source_party_id is not None and funding.source_party_id in a.party_ids:
            source = w.label(funding.source_party_id)
        else:
            source = w.both(funding.source_name or funding.source_party_id or "")
        purpose_id = f" untuk {lower_first(funding.purpose)}" if funding.purpose else ""
        purpose_en = f" for {lower_first(w.tr(funding.purpose))}" if funding.purpose else ""
        items.append(
            bi(
                f"{source.indonesian}: {rupiah(funding.amount)}{purpose_id}",
                f"{source.english}: {rupiah(funding.amount, 'en')}{purpose_en}",
            )
        )
        single = bi(
            f"Biaya pelaksanaan {doc.indonesian} ini bersumber dari {source.indonesian} sebesar "
            f"{rupiah(funding.amount)}{purpose_id}.",
            f"The costs of {doc.english} are met from {source.english}, in the amount of "
            f"{rupiah(funding.amount, 'en')}{purpose_en}.",
        )
    if len(items) == 1 and single is not None:  # one source: no list, no total
        paras = [Para(single)]
    else:
        paras = [
            Para(
                bi(
                    f"Biaya pelaksanaan {doc.indonesian} ini bersumber dari:",
                    f"The costs of {doc.english} are met from:",
                ),
                items,
            ),
            Para(
                bi(
                    f"Jumlah seluruh pembiayaan sebesar {rupiah(a.total_financing)}.",
                    f"The financing amounts to {rupiah(a.total_financing, 'en')} in total.",
                )
            ),
        ]
    return Article(title, [*paras, rest, *payments])


def payment(w: Wording, p: Payment) -> Para:
    """One payment: who pays whom, for what, within how many days, by what means."""
    payer = w.label(p.payer) if p.payer in w.agreement.party_ids else bi(p.payer, p.payer)
    payee = w.label(p.payee) if p.payee in w.agreement.party_ids else bi(p.payee, p.payee)
    return Para(
        bi(
            f"{payer.indonesian} membayar kepada {payee.indonesian} {lower_first(p.what)} "
            f"paling lambat {count(p.due_days)} hari kalender setelah {w.goods(p.after)}, melalui "
            f"{p.method}.",
            f"{payer.english} pays {payee.english} {lower_first(w.tr(p.what))} within "
            f"{count(p.due_days, 'en')} calendar days after {w.tr(p.after)}, by "
            f"{w.tr(p.method)}.",
        )
    )


def monitoring(w: Wording) -> Article:
    m = w.agreement.monitoring
    often = every(m.frequency)
    methods = [w.both(x) for x in m.methods]
    paras = [
        Para(
            bi(
                f"PARA PIHAK melakukan monitoring {often.indonesian} melalui "
                f"{join([x.indonesian for x in methods], 'dan')} untuk memantau perkembangan "
                "pelaksanaan kegiatan dan mencegah penyimpangan dari tujuan.",
                f"THE PARTIES monitor the cooperation {often.english} through "
                f"{join([x.english for x in methods], 'and')} to follow the progress of the "
                "activities and prevent deviation from the objectives.",
            )
        )
    ]
    responsible = [pid for pid in m.responsible if pid in w.agreement.party_ids]
    if responsible:
        who = w.labels(responsible)
        paras.append(
            Para(
                bi(
                    f"Monitoring dilaksanakan oleh {who.indonesian}.",
                    f"Monitoring is carried out by {who.english}.",
                )
            )
        )
    together = bi("bersama oleh PARA PIHAK ", "jointly by THE PARTIES ")
    if not m.joint_evaluation:
        together = bi("", "")
    paras.append(
        Para(
            bi(
                f"Evaluasi dilakukan {together.indonesian}untuk mengetahui kegiatan yang belum "
                "berjalan sesuai rencana, tujuan yang belum tercapai, serta masalah yang "
                "menghambat dan penyebabnya; hasilnya menjadi dasar perbaikan dan keputusan "
                "kelanjutan kerja sama.",
                f"Evaluation is carried out {together.english}to find which activities have not "
                "gone to plan, which objectives are not yet met, and which problems stand "
                "in the way and why; its results are the basis for improvement and for the "
                "decision whether to continue.",
            )
        )
    )
    return Article(bi("MONITORING DAN EVALUASI", "MONITORING AND EVALUATION"), paras)


def term(w: Wording) -> Article:
    doc = w.doc
    term = w.agreement.term
    if term is None:
        return Article(
            bi("JANGKA WAKTU", "TERM"),
            [
                Para(
                    bi(
                        f"{doc.indonesian} ini berlaku sejak tanggal ditandatangani sampai dengan "
                        "diakhiri atas kesepakatan tertulis PARA PIHAK.",
                        f"{upper_first(doc.english)} is in force from the date of signing until "
                        "ended by written agreement of THE PARTIES.",
                    )
                )
            ],
        )
    length = duration(term)
    return Article(
        bi("JANGKA WAKTU", "TERM"),
        [
            Para(
                bi(
                    f"{doc.indonesian} ini berlaku selama {length.indonesian} terhitung sejak "
                    "tanggal "
                    f"{date_long(term.start)} sampai dengan tanggal {date_long(term.end)}.",
                    f"{upper_first(doc.english)} is in force for {length.english}, from "
                    f"{date_long(term.start, 'en')} to {date_long(term.end, 'en')}.",
                )
            ),
            Para(
                bi(
                    f"{doc.indonesian} ini dapat diperpanjang atas kesepakatan PARA PIHAK dengan "
                    "mempertimbangkan hasil evaluasi bersama.",
                    f"{upper_first(doc.english)} may be extended by agreement of THE PARTIES in "
                    "the light of the joint evaluation.",
                )
            ),
        ],
    )
