"""The articles that close an agreement: the legal frame around the cooperation.

Force majeure, disputes, amendment, language, definitions, termination, breach,
confidentiality, notices and the closing article; each a function of the agreement's
wording, as in :mod:`kemitraan.documents._articles`.
"""

from __future__ import annotations

from kemitraan.conventions import count, date_long, ordinal, phone_text
from kemitraan.documents._wording import (
    BLANK,
    Article,
    Para,
    Wording,
    bi,
    join,
    lower_first,
    upper_first,
)
from kemitraan.provisions import AgreementKind, Breach, DisputeForum, Termination

__all__ = [
    "amendment_clause",
    "breach",
    "closing_article",
    "confidentiality",
    "definitions",
    "disputes",
    "force_majeure",
    "language",
    "notices",
    "termination",
]


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
                    f"kepada PIHAK lainnya paling lambat {count(fm.notice_days)} hari kalender "
                    "sejak keadaan kahar terjadi.",
                    f"The PARTY affected notifies {w.others.english} in writing within "
                    f"{count(fm.notice_days, 'en')} calendar days of its occurrence.",
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
    final: list[Para] = []
    if d.forum is DisputeForum.ARBITRATION:
        # UU 30/1999: the body, its rules (Pasal 34), the seat, and an award final and binding
        # (Pasal 60)
        law = "Undang-Undang Nomor 30 Tahun 1999 tentang Arbitrase dan Alternatif Penyelesaian "
        rules = d.rules or (
            f"Peraturan dan Prosedur Arbitrase {d.venue}" if d.venue else law + "Sengketa"
        )
        rules_en = d.rules or (
            f"the Rules of Arbitral Procedure of {d.venue}"
            if d.venue
            else "Law Number 30 of 1999 on Arbitration and Alternative Dispute Resolution"
        )
        seat = d.seat or w.agreement.place
        body = bi(f" yang diselenggarakan oleh {d.venue}", f" administered by {d.venue}")
        if d.venue is None:
            body = bi("", "")
        via = bi(
            f"melalui arbitrase{body.indonesian} menurut {rules}, dengan tempat arbitrase di "
            f"{seat}",
            f"by arbitration{body.english} under {w.tr(rules_en)}, seated in {seat}",
        )
        final = [
            Para(
                bi(
                    "Putusan arbitrase bersifat final dan mempunyai kekuatan hukum tetap serta "
                    "mengikat PARA PIHAK.",
                    "The arbitral award is final and binding on THE PARTIES.",
                )
            )
        ]
    return Article(
        bi("PENYELESAIAN PERSELISIHAN", "SETTLEMENT OF DISPUTES"),
        [
            Para(
                bi(
                    "Perselisihan yang timbul dalam pelaksanaan kerja sama ini diselesaikan "
                    "secara musyawarah untuk mufakat dalam waktu paling lama "
                    f"{count(d.deliberation_days)} hari kalender sejak salah satu PIHAK "
                    "memberitahukan perselisihan itu secara tertulis kepada "
                    f"{w.others.indonesian}.",
                    "Any dispute arising from this cooperation is settled by deliberation "
                    f"towards consensus within {count(d.deliberation_days, 'en')} calendar days "
                    f"of one PARTY's written notice of the dispute to {w.others.english}.",
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
            *final,
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
    name = bi("bahasa Indonesia", "Indonesian")
    if prevailing == "en":
        name = bi("bahasa Inggris", "English")
    return Article(
        bi("BAHASA", "LANGUAGE"),
        [
            Para(
                bi(
                    f"{doc.indonesian} ini dibuat dalam bahasa Indonesia dan bahasa Inggris.",
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
        # The closing says what the term article says (drafting practice: the start of the term).
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
                    f"{amends.kind.label_id} Nomor {numbers} tanggal {date_long(amends.date)}"
                    f"{w.as_amended.indonesian}.",
                    f"This Addendum forms an inseparable part of the {amends.kind.label_en} "
                    f"Number {numbers_en} of {date_long(amends.date, 'en')}"
                    f"{w.as_amended.english}.",
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
        if a.kind is AgreementKind.MOU:
            return _mou_termination(w)
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
                f"{w.others.english} in writing at least {count(t.notice_days, 'en')} calendar "
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


def _mou_termination(w: Wording) -> Article:
    """An MoU's early end: by agreement, or by one party on written notice.

    What runs on under it (a PKS, activities under way) is finished by its own terms.
    """
    doc, others = w.doc, w.others
    notice = Termination().notice_days
    paras = []
    if w.agreement.term is not None:
        paras.append(
            Para(
                bi(
                    f"{doc.indonesian} ini berakhir apabila jangka waktunya berakhir dan tidak "
                    "diperpanjang.",
                    f"{upper_first(doc.english)} ends when its term ends and is not extended.",
                )
            )
        )
    paras += [
        Para(
            bi(
                f"{doc.indonesian} ini dapat diakhiri sebelum jangka waktunya berakhir atas "
                "kesepakatan PARA PIHAK, atau oleh salah satu PIHAK dengan memberitahukan "
                f"maksudnya secara tertulis kepada {others.indonesian} paling lambat "
                f"{count(notice)} hari kalender sebelum tanggal pengakhiran.",
                f"{upper_first(doc.english)} may be terminated before its term ends by "
                "agreement of THE PARTIES, or by one PARTY giving written notice to "
                f"{others.english} at least {count(notice, 'en')} calendar days before the "
                "date of termination.",
            )
        ),
        Para(
            bi(
                f"Pengakhiran {doc.indonesian} ini tidak memengaruhi Perjanjian Kerja Sama dan "
                "kegiatan pelaksanaannya yang sedang berjalan, yang tetap diselesaikan sesuai "
                "ketentuannya, kecuali disepakati lain secara tertulis oleh PARA PIHAK.",
                f"Termination of {doc.english} does not affect cooperation agreements and "
                "activities under way, which are completed on their own terms unless THE "
                "PARTIES agree otherwise in writing.",
            )
        ),
    ]
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
                    # not "pihak ketiga", which reads as PIHAK KETIGA in a three-party text
                    "mengungkapkannya kepada pihak lain di luar PARA PIHAK tanpa persetujuan "
                    "tertulis PIHAK pemiliknya, kecuali diwajibkan oleh peraturan "
                    "perundang-undangan.",
                    "THE PARTIES keep confidential the data and information each obtains from "
                    f"{w.others.english} in carrying out {doc.english} and do not disclose them "
                    "to anyone other than THE PARTIES without the written consent of the PARTY "
                    "they belong to, unless the law requires it.",
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
                    "A change of the addresses in paragraph (1) is notified in writing to "
                    f"{w.others.english} at least 7 (seven) calendar days before it takes "
                    "effect; until "
                    "then, notices sent to the old address are deemed received.",
                )
            ),
        ],
    )
