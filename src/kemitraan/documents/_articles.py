"""The articles an agreement is made of, each a function of the agreement's wording.

Each function returns one article — its title and paragraphs, in Indonesian and
English — or ``None`` when the agreement has nothing to say there, so the articles
are numbered without gaps once chosen. A document kind lists the articles it has,
in order (:mod:`kemitraan.documents.mou`, :mod:`~kemitraan.documents.pks`,
:mod:`~kemitraan.documents.addendum`).
"""

from __future__ import annotations

from kemitraan._base import BilingualText
from kemitraan.conventions import count, date_long, ordinal, phone_text, rupiah
from kemitraan.documents._clauses import CLAUSE_PACKS
from kemitraan.documents._wording import (
    BLANK,
    Article,
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
from kemitraan.provisions import AgreementKind, Breach, DisputeForum, Payment, Termination

__all__ = [
    "amendment_clause",
    "breach",
    "closing_article",
    "confidentiality",
    "definitions",
    "disputes",
    "financing",
    "force_majeure",
    "implementation",
    "language",
    "monitoring",
    "notices",
    "pattern",
    "payment",
    "purpose",
    "roles",
    "scope",
    "term",
    "termination",
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
        paras.append(
            Para(
                bi(f"Tujuan {doc.indonesian} ini adalah:", f"The objectives of {doc.english} are:"),
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
    paras = [
        Para(
            bi(
                f"PARA PIHAK sepakat bermitra dengan pola {info.name_id.lower()}, yaitu "
                f"{lower_first(info.description_id)}",
                f"THE PARTIES agree to cooperate in the {info.name_en.lower()} pattern: "
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
    known = set(w.agreement.party_ids)
    if plan is not None and plan.activities:
        items = []
        for activity in plan.activities:
            if activity.responsible not in known:
                continue
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
    single: BilingualText | None = None
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
            f"paling lambat {count(p.due_days)} hari kalender setelah {p.after}, melalui "
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


def force_majeure(w: Wording) -> Article:
    fm = w.agreement.force_majeure
    events = [w.both(e) for e in fm.events]
    return Article(
        bi("KEADAAN KAHAR", "FORCE MAJEURE"),
        [
            Para(
                bi(
                    "Keadaan kahar adalah keadaan di luar kemampuan PARA PIHAK yang "
                    "mengakibatkan kewajiban tidak dapat dilaksanakan, antara lain "
                    f"{join([e.indonesian for e in events], 'dan')}.",
                    "Force majeure is any circumstance beyond the control of THE PARTIES "
                    "that prevents an obligation from being performed, including "
                    f"{join([e.english for e in events], 'and')}.",
                )
            ),
            Para(
                bi(
                    "PIHAK yang mengalami keadaan kahar memberitahukannya secara tertulis "
                    f"kepada PIHAK lainnya paling lambat {count(fm.notice_days)} hari "
                    "sejak keadaan kahar terjadi.",
                    "The PARTY affected notifies the other PARTIES in writing within "
                    f"{count(fm.notice_days, 'en')} days of its occurrence.",
                )
            ),
            Para(
                bi(
                    "Kewajiban yang tertunda karena keadaan kahar dilaksanakan kembali "
                    "setelah keadaan kahar berakhir sesuai kesepakatan PARA PIHAK.",
                    "Obligations delayed by force majeure are resumed once it has ended, "
                    "as THE PARTIES agree.",
                )
            ),
        ],
    )


def disputes(w: Wording) -> Article:
    d = w.agreement.dispute_settlement
    venue = d.venue or f"{d.forum.label_id} yang berwenang"
    if d.venue is None and w.draft:  # which court is still to be agreed
        venue = f"{d.forum.label_id} {BLANK}"
    venue_en = d.venue or f"the competent {d.forum.label_en.lower()}"  # a name stays as it is
    via = bi(f"melalui {venue}", f"through {venue_en}")
    if d.forum is DisputeForum.ARBITRATION and d.venue is None:
        via = bi("melalui arbitrase", "through arbitration")
    return Article(
        bi("PENYELESAIAN PERSELISIHAN", "SETTLEMENT OF DISPUTES"),
        [
            Para(
                bi(
                    "Perselisihan yang timbul dalam pelaksanaan kerja sama ini diselesaikan "
                    "secara musyawarah untuk mufakat dalam waktu paling lama "
                    f"{count(d.deliberation_days)} hari.",
                    "Any dispute arising from this cooperation is settled by deliberation "
                    f"towards consensus within {count(d.deliberation_days, 'en')} days.",
                )
            ),
            Para(
                bi(
                    "Apabila musyawarah tidak mencapai mufakat, PARA PIHAK sepakat "
                    f"menyelesaikannya {via.indonesian}.",
                    f"If deliberation does not reach consensus, THE PARTIES agree to settle "
                    f"the dispute {via.english}.",
                )
            ),
        ],
    )


def amendment_clause(w: Wording) -> Article:
    doc = w.doc
    if w.agreement.amendable_by_addendum:
        text = bi(
            f"Hal-hal yang belum diatur atau perubahan atas {doc.indonesian} ini dituangkan dalam "
            f"adendum yang disepakati PARA PIHAK dan merupakan bagian yang tidak "
            f"terpisahkan dari {doc.indonesian} ini.",
            f"Matters not yet provided for and any change to {doc.english} are set out in an "
            f"addendum agreed by THE PARTIES, which forms an inseparable part of {doc.english}.",
        )
    else:
        text = bi(
            f"{doc.indonesian} ini hanya dapat diubah atas kesepakatan tertulis PARA PIHAK.",
            f"{upper_first(doc.english)} may be changed only by written agreement of THE PARTIES.",
        )
    return Article(bi("PERUBAHAN", "AMENDMENT"), [Para(text)])


def language(w: Wording) -> Article | None:
    if not w.bilingual:
        return None
    doc = w.doc
    prevailing = w.agreement.prevailing_language or "id"
    name = bi("Bahasa Indonesia", "Indonesian")
    if prevailing == "en":
        name = bi("Bahasa Inggris", "English")
    return Article(
        bi("BAHASA", "LANGUAGE"),
        [
            Para(
                bi(
                    f"{doc.indonesian} ini dibuat dalam Bahasa Indonesia dan Bahasa Inggris.",
                    f"{upper_first(doc.english)} is made in Indonesian and English.",
                )
            ),
            Para(
                bi(
                    "Apabila terdapat perbedaan penafsiran antara kedua naskah, yang "
                    f"berlaku adalah naskah dalam {name.indonesian}.",
                    "Should the two texts differ in interpretation, the text in "
                    f"{name.english} prevails.",
                )
            ),
        ],
    )


def closing_article(w: Wording) -> Article:
    doc = w.doc
    a = w.agreement
    term = a.term if a.kind is not AgreementKind.ADDENDUM else None
    if term is not None and term.start != a.date:
        # The closing says what the term article says (REFERENCE.md, "Start of the term").
        start = bi(
            f"{doc.indonesian} ini mulai berlaku sejak tanggal {date_long(term.start)}.",
            f"{upper_first(doc.english)} comes into force on {date_long(term.start, 'en')}.",
        )
    else:
        start = bi(
            f"{doc.indonesian} ini mulai berlaku sejak tanggal ditandatangani oleh PARA PIHAK.",
            f"{upper_first(doc.english)} comes into force on the date it is signed by THE PARTIES.",
        )
    paras = [Para(start)]
    amends = a.amends
    if amends is not None:
        numbers = join(list(amends.numbers), "dan")
        numbers_en = join(list(amends.numbers), "and")
        paras.append(
            Para(
                bi(
                    f"Adendum ini merupakan bagian yang tidak terpisahkan dari "
                    f"{amends.kind.label_id} Nomor {numbers} tanggal {date_long(amends.date)}.",
                    f"This Addendum forms an inseparable part of the {amends.kind.label_en} "
                    f"Number {numbers_en} of {date_long(amends.date, 'en')}.",
                )
            )
        )
    return Article(bi("PENUTUP", "CLOSING"), paras)


def definitions(w: Wording) -> Article | None:
    found = w.agreement.definitions
    if not found:
        return None
    doc = w.doc
    return Article(
        bi("DEFINISI", "DEFINITIONS"),
        [
            Para(
                bi(
                    f"Dalam {doc.indonesian} ini yang dimaksud dengan:",
                    f"In {doc.english}:",
                ),
                [
                    bi(
                        f'"{d.term}" adalah {lower_first(d.meaning)}',
                        f'"{w.tr(d.term)}" means {lower_first(w.tr(d.meaning))}',
                    )
                    for d in found
                ],
            )
        ],
    )


def termination(w: Wording) -> Article | None:
    a = w.agreement
    t = a.termination
    if t is None:
        if a.kind is not AgreementKind.PKS:
            return None
        t = Termination()
    doc = w.doc
    paras = [
        Para(
            bi(
                f"{doc.indonesian} ini berakhir apabila jangka waktunya berakhir dan tidak "
                "diperpanjang.",
                f"{upper_first(doc.english)} ends when its term ends and is not extended.",
            )
        ),
        Para(
            bi(
                f"{doc.indonesian} ini dapat diakhiri sebelum jangka waktunya berakhir apabila:",
                f"{upper_first(doc.english)} may be terminated before its term ends if:",
            ),
            [w.both(g) for g in t.grounds],
        ),
        Para(
            bi(
                f"PIHAK yang bermaksud mengakhiri {doc.indonesian} ini sebelum jangka waktunya "
                "berakhir memberitahukan maksudnya secara tertulis kepada PIHAK lainnya paling "
                f"lambat {count(t.notice_days)} hari kalender sebelum tanggal pengakhiran.",
                f"A PARTY intending to terminate {doc.english} before its term ends notifies "
                f"the other PARTIES in writing at least {count(t.notice_days, 'en')} calendar "
                "days before the date of termination.",
            )
        ),
    ]
    if t.waive_court_termination:
        paras.append(
            Para(
                bi(
                    f"Untuk pengakhiran {doc.indonesian} ini, PARA PIHAK sepakat mengesampingkan "
                    "ketentuan Pasal 1266 dan Pasal 1267 Kitab Undang-Undang Hukum Perdata "
                    "sepanjang mengenai diperlukannya putusan pengadilan untuk pengakhiran.",
                    f"For the termination of {doc.english}, THE PARTIES waive Articles 1266 and "
                    "1267 of the Indonesian Civil Code in so far as they require a court "
                    "decision to terminate it.",
                )
            )
        )
    if t.obligations_survive:
        paras.append(
            Para(
                bi(
                    f"Pengakhiran {doc.indonesian} ini tidak menghapus kewajiban PARA PIHAK yang "
                    "telah timbul dan belum diselesaikan sebelum tanggal pengakhiran.",
                    f"Termination of {doc.english} does not discharge obligations of THE "
                    "PARTIES that arose and were not settled before the date of termination.",
                )
            )
        )
    return Article(bi("PENGAKHIRAN", "TERMINATION"), paras)


def breach(w: Wording) -> Article | None:
    a = w.agreement
    b = a.breach
    if b is None:
        if a.kind is not AgreementKind.PKS:
            return None
        b = Breach()
    doc = w.doc
    after = bi(
        f"setelah teguran tertulis {ordinal(b.warnings)}",
        f"after the {ordinal(b.warnings, 'en')} written warning",
    )
    if b.warnings == 1:
        after = bi("setelah teguran tertulis tersebut", "after that written warning")
    return Article(
        bi("WANPRESTASI", "BREACH"),
        [
            Para(
                bi(
                    "Suatu PIHAK dianggap melakukan wanprestasi apabila tidak melaksanakan, "
                    "terlambat melaksanakan, atau melaksanakan tidak sebagaimana mestinya "
                    f"kewajibannya berdasarkan {doc.indonesian} ini.",
                    "A PARTY is in breach if it does not perform, performs late, or performs "
                    f"improperly its obligations under {doc.english}.",
                )
            ),
            Para(
                bi(
                    "PIHAK yang dirugikan memberikan teguran tertulis (somasi) kepada PIHAK yang "
                    f"melakukan wanprestasi sebanyak {count(b.warnings)} kali, "
                    f"masing-masing dengan tenggang waktu {count(b.remedy_days)} hari kalender "
                    "untuk memperbaikinya.",
                    "The PARTY harmed gives the PARTY in breach written warning (somasi) "
                    f"{count(b.warnings, 'en')} times, each allowing "
                    f"{count(b.remedy_days, 'en')} calendar days to remedy it.",
                )
            ),
            Para(
                bi(
                    f"Apabila {after.indonesian} wanprestasi tidak diperbaiki, PIHAK yang "
                    "dirugikan berhak atas:",
                    f"If the breach is not remedied {after.english}, the PARTY harmed is "
                    "entitled to:",
                ),
                [w.both(c) for c in b.consequences],
            ),
            Para(
                bi(
                    f"Pengakhiran {doc.indonesian} ini karena wanprestasi dilakukan sesuai dengan "
                    f"ketentuan {w.ref('termination').indonesian}.",
                    f"Termination of {doc.english} for breach follows "
                    f"{w.ref('termination').english}.",
                )
            ),
        ],
    )


def confidentiality(w: Wording) -> Article | None:
    if not w.agreement.confidentiality:
        return None
    doc = w.doc
    return Article(
        bi("KERAHASIAAN", "CONFIDENTIALITY"),
        [
            Para(
                bi(
                    "PARA PIHAK wajib menjaga kerahasiaan data dan informasi yang diperoleh dari "
                    f"PIHAK lainnya dalam pelaksanaan {doc.indonesian} ini dan tidak "
                    "mengungkapkannya kepada pihak ketiga tanpa persetujuan tertulis PIHAK "
                    "pemiliknya, kecuali diwajibkan oleh peraturan perundang-undangan.",
                    "THE PARTIES keep confidential the data and information obtained from the "
                    f"other PARTIES in carrying out {doc.english} and do not disclose them to "
                    "third parties without the written consent of the PARTY they belong to, "
                    "unless the law requires it.",
                )
            ),
            Para(
                bi(
                    "Data pribadi peserta didik dan pihak lain diproses sesuai dengan "
                    "Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi.",
                    "Personal data of learners and others is processed in accordance with Law "
                    "Number 27 of 2022 on Personal Data Protection.",
                )
            ),
            Para(
                bi(
                    f"Kewajiban menjaga kerahasiaan tetap berlaku setelah {doc.indonesian} ini "
                    "berakhir.",
                    f"The duty of confidentiality survives the end of {doc.english}.",
                )
            ),
        ],
    )


def notices(w: Wording) -> Article | None:
    a = w.agreement
    if a.kind is not AgreementKind.PKS and not a.notices:
        return None
    doc = w.doc
    given = {n.party_id: n for n in a.notices}
    items = []
    for party in a.parties:
        who = w.label(party.id)
        found = given.get(party.id)
        if found is not None:
            parts = [party.name, found.address]
            parts_en = [party.name, found.address]
            if found.attention:
                parts.append(f"u.p. {found.attention}")
                parts_en.append(f"attn. {w.tr(found.attention)}")
            email, phone = found.email, found.phone
        else:
            contacts = [c for c in party.contacts if not c.personal]  # never personal data
            address = party.address or (str(party.region) if party.region else None)
            parts = [party.name, w.blank(address)] if address or w.draft else [party.name]
            parts_en = list(parts)
            email = next((str(c.email) for c in contacts if c.email), None)
            phone = next((str(c.phone) for c in contacts if c.phone), None)
        if email:
            parts.append(f"surel {email}")
            parts_en.append(f"e-mail {email}")
        if phone:
            parts.append(f"telepon {phone_text(phone)}")
            parts_en.append(f"telephone {phone_text(phone)}")
        items.append(
            bi(
                f"{who.indonesian}: {', '.join(parts)}",
                f"{who.english}: {', '.join(parts_en)}",
            )
        )
    return Article(
        bi("KORESPONDENSI", "NOTICES"),
        [
            Para(
                bi(
                    f"Setiap pemberitahuan dan surat-menyurat dalam pelaksanaan {doc.indonesian} "
                    "ini dibuat secara tertulis dan disampaikan ke alamat berikut:",
                    f"Every notice and letter in carrying out {doc.english} is made in writing "
                    "and sent to the following addresses:",
                ),
                items,
            ),
            Para(
                bi(
                    "Perubahan alamat sebagaimana dimaksud pada ayat (1) diberitahukan secara "
                    "tertulis kepada PIHAK lainnya paling lambat 7 (tujuh) hari kalender sebelum "
                    "berlaku; selama belum diberitahukan, pemberitahuan yang dikirim ke alamat "
                    "lama dianggap telah diterima.",
                    "A change of the addresses in paragraph (1) is notified in writing to the "
                    "other PARTIES at least 7 (seven) calendar days before it takes effect; until "
                    "then, notices sent to the old address are deemed received.",
                )
            ),
        ],
    )
