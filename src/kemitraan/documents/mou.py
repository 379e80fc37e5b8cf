"""The content of an MoU, a PKS or an addendum, in conventional Indonesian form.

:func:`agreement_context` turns an :class:`~kemitraan.Agreement` (and, when given,
its :class:`~kemitraan.Partnership`, for the work plan) into the plain data a
template renders: the title block with a number line per party, the opening with
the weekday and the date in words, a block per party, PARA PIHAK, the lettered
"bahwa" considerations, the articles numbered without gaps (the pattern's own
clause pack among them), the closing and a signature column per party.

Every sentence exists in Indonesian and English. The agreement's own wording
(subject, scope, roles, …) is Indonesian; a bilingual document takes its English
from ``Agreement.translations`` and refuses to guess one that is missing
(:func:`missing_translations` lists them beforehand).
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Final

from num2words import num2words

from kemitraan.agreements import Agreement
from kemitraan.conventions import count, date_long, opening_date, party_label, rupiah
from kemitraan.exceptions import MissingTranslationsError
from kemitraan.parties import ContributionKind, Institution, Party
from kemitraan.partnerships import Partnership
from kemitraan.pattern_terms import (
    AgencyTerms,
    CorePlasmaTerms,
    FosterParentTerms,
    FranchiseTerms,
    GeneralTradeTerms,
    JointVentureTerms,
    OperationalCooperationTerms,
    OutsourcingTerms,
    ProfitSharingTerms,
    SubcontractTerms,
    SupplyChainTerms,
    TradeMode,
)
from kemitraan.patterns import pattern_info
from kemitraan.provisions import AgreementKind, Amendment, DisputeForum, Term

__all__ = ["agreement_context", "missing_translations"]

METERAI: Final = "METERAI\nRp10.000"

# English for the library's own default wording.
_BUILT_IN_EN: Final = {
    "bencana alam": "natural disasters",
    "wabah penyakit": "epidemics",
    "kebakaran": "fire",
    "huru-hara": "civil unrest",
    "perang": "war",
    "kebijakan pemerintah yang secara langsung memengaruhi pelaksanaan kerja sama": (
        "government policy directly affecting the cooperation"
    ),
    "kunjungan lapangan": "field visits",
    "laporan kegiatan": "activity reports",
    # the usual units and periods of traded goods
    "buah": "pieces",
    "kg": "kg",
    "liter": "litres",
    "per minggu": "per week",
    "per bulan": "per month",
    "per tahun": "per year",
}


@dataclass
class _Text:
    """Indonesian and English wording of one piece of text."""

    id: str
    en: str


@dataclass
class _Para:
    text: _Text
    items: list[_Text] = field(default_factory=list)


@dataclass
class _Article:
    title: _Text
    paragraphs: list[_Para]


@dataclass
class _Builder:
    agreement: Agreement
    partnership: Partnership | None
    bilingual: bool
    missing: list[str] = field(default_factory=list)

    # -- wording -----------------------------------------------------------------------

    def tr(self, text: str) -> str:
        """English for the agreement's own Indonesian wording."""
        found = self.agreement.translations.get(text) or _BUILT_IN_EN.get(text)
        if found is not None:
            return found
        if self.bilingual:
            self.missing.append(text)
        return text

    def both(self, text: str) -> _Text:
        return _Text(text, self.tr(text))

    def label(self, party_id: str) -> _Text:
        index = self.agreement.party_ids.index(party_id)
        return _Text(party_label(index), _label_en(index))

    def labels(self, party_ids: Iterable[str]) -> _Text:
        labels = [self.label(pid) for pid in party_ids]
        return _Text(_join([t.id for t in labels], "dan"), _join([t.en for t in labels], "and"))

    @property
    def doc(self) -> _Text:
        kind = self.agreement.kind
        if kind is AgreementKind.ADDENDUM:
            return _Text("Adendum", "Addendum")
        return _Text(kind.label_id, "this " + kind.label_en)

    # -- the parts ---------------------------------------------------------------------

    def articles(self) -> list[_Article]:
        if self.agreement.kind is AgreementKind.ADDENDUM:
            builders: list[Callable[[], _Article | None]] = [
                *(lambda a=a: self.amendment(a) for a in self.agreement.amendments),
                self.unchanged,
                self.language,
                self.closing_article,
            ]
        else:
            builders = [
                self.purpose,
                self.scope,
                self.pattern,
                self.roles,
                self.implementation,
                self.financing,
                self.monitoring,
                self.term,
                self.force_majeure,
                self.disputes,
                self.amendment_clause,
                self.language,
                self.closing_article,
            ]
        return [article for build in builders if (article := build()) is not None]

    def purpose(self) -> _Article | None:
        a = self.agreement
        if a.purpose is None and not a.objectives:
            return None
        doc = self.doc
        paras = []
        if a.purpose is not None:
            paras.append(
                _Para(
                    _Text(
                        f"Maksud {doc.id} ini adalah {_lower_first(a.purpose)}.",
                        f"The purpose of {doc.en} is {_lower_first(self.tr(a.purpose))}.",
                    )
                )
            )
        if a.objectives:
            paras.append(
                _Para(
                    _Text(f"Tujuan {doc.id} ini adalah:", f"The objectives of {doc.en} are:"),
                    [self.both(o) for o in a.objectives],
                )
            )
        return _Article(_Text("MAKSUD DAN TUJUAN", "PURPOSE AND OBJECTIVES"), paras)

    def scope(self) -> _Article | None:
        if not self.agreement.scope:
            return None
        doc = self.doc
        return _Article(
            _Text("RUANG LINGKUP", "SCOPE"),
            [
                _Para(
                    _Text(
                        f"Ruang lingkup {doc.id} ini meliputi:", f"The scope of {doc.en} covers:"
                    ),
                    [self.both(s) for s in self.agreement.scope],
                )
            ],
        )

    def pattern(self) -> _Article | None:
        terms = self.agreement.pattern
        if terms is None:
            return None
        info = pattern_info(terms.pattern)
        paras = [
            _Para(
                _Text(
                    f"PARA PIHAK sepakat bermitra dengan pola {info.name_id.lower()}, yaitu "
                    f"{_lower_first(info.description_id)}",
                    f"THE PARTIES agree to cooperate in the {info.name_en.lower()} pattern: "
                    f"{_lower_first(info.description_en)}",
                )
            )
        ]
        paras += _CLAUSE_PACKS[type(terms)](self, terms)
        paras += [_Para(self.both(note)) for note in terms.notes]
        return _Article(_Text("POLA KEMITRAAN", "PARTNERSHIP PATTERN"), paras)

    def roles(self) -> _Article | None:
        paras: list[_Para] = []
        for party in self.agreement.parties:
            role = self.agreement.role_of(party.id)
            if role is None:
                continue
            who = self.label(party.id)
            duty = _Text(
                f"{who.id} berperan sebagai {role.role} dan berkewajiban:",
                f"{who.en} acts as {self.tr(role.role)} and shall:",
            )
            paras.append(_Para(duty, [self.both(r) for r in role.responsibilities]))
            if role.rights:
                paras.append(
                    _Para(
                        _Text(f"{who.id} berhak:", f"{who.en} is entitled to:"),
                        [self.both(r) for r in role.rights],
                    )
                )
        if not paras:
            return None
        return _Article(_Text("PERAN, HAK DAN KEWAJIBAN", "ROLES, RIGHTS AND OBLIGATIONS"), paras)

    def implementation(self) -> _Article:
        doc = self.doc
        paras = [
            _Para(
                _Text(
                    f"Pelaksanaan {doc.id} ini dituangkan dalam rencana kerja yang disusun "
                    "bersama oleh PARA PIHAK sehingga aspirasi dan kepentingan setiap PIHAK "
                    "terwakili.",
                    f"{_upper_first(doc.en)} is carried out through a work plan drawn up by "
                    "THE PARTIES together, so that the aspirations and interests of each PARTY "
                    "are represented.",
                )
            )
        ]
        plan = self.partnership.work_plan if self.partnership is not None else None
        known = set(self.agreement.party_ids)
        if plan is not None and plan.activities:
            items = []
            for activity in plan.activities:
                if activity.responsible not in known:
                    continue
                who = self.label(activity.responsible)
                items.append(
                    _Text(
                        f"{activity.name}, dengan penanggung jawab {who.id}",
                        f"{self.tr(activity.name)}, the responsibility of {who.en}",
                    )
                )
            if items:
                paras.append(
                    _Para(
                        _Text(
                            "Rencana kerja memuat kegiatan sebagai berikut:",
                            "The work plan comprises the following activities:",
                        ),
                        items,
                    )
                )
        if self.agreement.kind is AgreementKind.MOU:
            paras.append(
                _Para(
                    _Text(
                        "Ketentuan teknis pelaksanaan diatur lebih lanjut dalam Perjanjian Kerja "
                        "Sama atau kesepakatan tertulis PARA PIHAK.",
                        "Technical arrangements are set out further in a Cooperation Agreement "
                        "or in a written agreement of THE PARTIES.",
                    )
                )
            )
        return _Article(_Text("PELAKSANAAN", "IMPLEMENTATION"), paras)

    def financing(self) -> _Article:
        a = self.agreement
        doc = self.doc
        rest = _Para(
            _Text(
                "Biaya lain yang timbul dibebankan kepada masing-masing PIHAK sesuai dengan "
                "kewajibannya, kecuali disepakati lain secara tertulis.",
                "Other costs are borne by each PARTY according to its obligations, unless "
                "agreed otherwise in writing.",
            )
        )
        if not a.financing:
            return _Article(_Text("PEMBIAYAAN", "FINANCING"), [rest])
        items = []
        for funding in a.financing:
            if funding.source_party_id is not None and funding.source_party_id in a.party_ids:
                source = self.label(funding.source_party_id)
            else:
                source = self.both(funding.source_name or funding.source_party_id or "")
            purpose_id = f" untuk {_lower_first(funding.purpose)}" if funding.purpose else ""
            purpose_en = f" for {_lower_first(self.tr(funding.purpose))}" if funding.purpose else ""
            items.append(
                _Text(
                    f"{source.id}: {rupiah(funding.amount)}{purpose_id}",
                    f"{source.en}: {rupiah(funding.amount, 'en')}{purpose_en}",
                )
            )
        paras = [
            _Para(
                _Text(
                    f"Biaya pelaksanaan {doc.id} ini bersumber dari:",
                    f"The costs of {doc.en} are met from:",
                ),
                items,
            ),
            _Para(
                _Text(
                    f"Jumlah seluruh pembiayaan sebesar {rupiah(a.total_financing)}.",
                    f"The financing amounts to {rupiah(a.total_financing, 'en')} in total.",
                )
            ),
            rest,
        ]
        return _Article(_Text("PEMBIAYAAN", "FINANCING"), paras)

    def monitoring(self) -> _Article:
        m = self.agreement.monitoring
        methods = [self.both(x) for x in m.methods]
        paras = [
            _Para(
                _Text(
                    f"PARA PIHAK melakukan monitoring {m.frequency.label_id.lower()} melalui "
                    f"{_join([x.id for x in methods], 'dan')} untuk memantau perkembangan "
                    "pelaksanaan kegiatan dan mencegah penyimpangan dari tujuan.",
                    f"THE PARTIES monitor the cooperation {m.frequency.label_en.lower()} through "
                    f"{_join([x.en for x in methods], 'and')} to follow the progress of the "
                    "activities and prevent deviation from the objectives.",
                )
            )
        ]
        responsible = [pid for pid in m.responsible if pid in self.agreement.party_ids]
        if responsible:
            who = self.labels(responsible)
            paras.append(
                _Para(
                    _Text(
                        f"Monitoring dilaksanakan oleh {who.id}.",
                        f"Monitoring is carried out by {who.en}.",
                    )
                )
            )
        together = _Text("bersama oleh PARA PIHAK ", "jointly by THE PARTIES ")
        if not m.joint_evaluation:
            together = _Text("", "")
        paras.append(
            _Para(
                _Text(
                    f"Evaluasi dilakukan {together.id}untuk mengetahui kegiatan yang belum "
                    "berjalan sesuai rencana, tujuan yang belum tercapai, serta masalah yang "
                    "menghambat dan penyebabnya; hasilnya menjadi dasar perbaikan dan keputusan "
                    "kelanjutan kerja sama.",
                    f"Evaluation is carried out {together.en}to find which activities have not "
                    "gone to plan, which objectives are not yet met, and which problems stand "
                    "in the way and why; its results are the basis for improvement and for the "
                    "decision whether to continue.",
                )
            )
        )
        return _Article(_Text("MONITORING DAN EVALUASI", "MONITORING AND EVALUATION"), paras)

    def term(self) -> _Article:
        doc = self.doc
        term = self.agreement.term
        if term is None:
            return _Article(
                _Text("JANGKA WAKTU", "TERM"),
                [
                    _Para(
                        _Text(
                            f"{doc.id} ini berlaku sejak tanggal ditandatangani sampai dengan "
                            "diakhiri atas kesepakatan tertulis PARA PIHAK.",
                            f"{_upper_first(doc.en)} is in force from the date of signing until "
                            "ended by written agreement of THE PARTIES.",
                        )
                    )
                ],
            )
        length = _duration(term)
        return _Article(
            _Text("JANGKA WAKTU", "TERM"),
            [
                _Para(
                    _Text(
                        f"{doc.id} ini berlaku selama {length.id} terhitung sejak tanggal "
                        f"{date_long(term.start)} sampai dengan tanggal {date_long(term.end)}.",
                        f"{_upper_first(doc.en)} is in force for {length.en}, from "
                        f"{date_long(term.start, 'en')} to {date_long(term.end, 'en')}.",
                    )
                ),
                _Para(
                    _Text(
                        f"{doc.id} ini dapat diperpanjang atas kesepakatan PARA PIHAK dengan "
                        "mempertimbangkan hasil evaluasi bersama.",
                        f"{_upper_first(doc.en)} may be extended by agreement of THE PARTIES in "
                        "the light of the joint evaluation.",
                    )
                ),
            ],
        )

    def force_majeure(self) -> _Article:
        fm = self.agreement.force_majeure
        events = [self.both(e) for e in fm.events]
        return _Article(
            _Text("KEADAAN KAHAR", "FORCE MAJEURE"),
            [
                _Para(
                    _Text(
                        "Keadaan kahar adalah keadaan di luar kemampuan PARA PIHAK yang "
                        "mengakibatkan kewajiban tidak dapat dilaksanakan, antara lain "
                        f"{_join([e.id for e in events], 'dan')}.",
                        "Force majeure is any circumstance beyond the control of THE PARTIES "
                        "that prevents an obligation from being performed, including "
                        f"{_join([e.en for e in events], 'and')}.",
                    )
                ),
                _Para(
                    _Text(
                        "PIHAK yang mengalami keadaan kahar memberitahukannya secara tertulis "
                        f"kepada PIHAK lainnya paling lambat {count(fm.notice_days)} hari "
                        "sejak keadaan kahar terjadi.",
                        "The PARTY affected notifies the other PARTIES in writing within "
                        f"{count(fm.notice_days, 'en')} days of its occurrence.",
                    )
                ),
                _Para(
                    _Text(
                        "Kewajiban yang tertunda karena keadaan kahar dilaksanakan kembali "
                        "setelah keadaan kahar berakhir sesuai kesepakatan PARA PIHAK.",
                        "Obligations delayed by force majeure are resumed once it has ended, "
                        "as THE PARTIES agree.",
                    )
                ),
            ],
        )

    def disputes(self) -> _Article:
        d = self.agreement.dispute_settlement
        venue = d.venue or d.forum.label_id
        venue_en = d.venue or f"the {d.forum.label_en.lower()}"
        via = _Text(f"melalui {venue}", f"through {venue_en}")
        if d.forum is DisputeForum.ARBITRATION and d.venue is None:
            via = _Text("melalui arbitrase", "through arbitration")
        return _Article(
            _Text("PENYELESAIAN PERSELISIHAN", "SETTLEMENT OF DISPUTES"),
            [
                _Para(
                    _Text(
                        "Perselisihan yang timbul dalam pelaksanaan kerja sama ini diselesaikan "
                        "secara musyawarah untuk mufakat dalam waktu paling lama "
                        f"{count(d.deliberation_days)} hari.",
                        "Any dispute arising from this cooperation is settled by deliberation "
                        f"towards consensus within {count(d.deliberation_days, 'en')} days.",
                    )
                ),
                _Para(
                    _Text(
                        "Apabila musyawarah tidak mencapai mufakat, PARA PIHAK sepakat "
                        f"menyelesaikannya {via.id}.",
                        f"If deliberation does not reach consensus, THE PARTIES agree to settle "
                        f"the dispute {via.en}.",
                    )
                ),
            ],
        )

    def amendment_clause(self) -> _Article:
        doc = self.doc
        if self.agreement.amendable_by_addendum:
            text = _Text(
                f"Hal-hal yang belum diatur atau perubahan atas {doc.id} ini dituangkan dalam "
                f"adendum yang disepakati PARA PIHAK dan merupakan bagian yang tidak "
                f"terpisahkan dari {doc.id} ini.",
                f"Matters not yet provided for and any change to {doc.en} are set out in an "
                f"addendum agreed by THE PARTIES, which forms an inseparable part of {doc.en}.",
            )
        else:
            text = _Text(
                f"{doc.id} ini hanya dapat diubah atas kesepakatan tertulis PARA PIHAK.",
                f"{_upper_first(doc.en)} may be changed only by written agreement of THE PARTIES.",
            )
        return _Article(_Text("PERUBAHAN", "AMENDMENT"), [_Para(text)])

    def language(self) -> _Article | None:
        if not self.bilingual:
            return None
        doc = self.doc
        prevailing = self.agreement.prevailing_language or "id"
        name = _Text("Bahasa Indonesia", "Indonesian")
        if prevailing == "en":
            name = _Text("Bahasa Inggris", "English")
        return _Article(
            _Text("BAHASA", "LANGUAGE"),
            [
                _Para(
                    _Text(
                        f"{doc.id} ini dibuat dalam Bahasa Indonesia dan Bahasa Inggris.",
                        f"{_upper_first(doc.en)} is made in Indonesian and English.",
                    )
                ),
                _Para(
                    _Text(
                        "Apabila terdapat perbedaan penafsiran antara kedua naskah, yang "
                        f"berlaku adalah naskah dalam {name.id}.",
                        "Should the two texts differ in interpretation, the text in "
                        f"{name.en} prevails.",
                    )
                ),
            ],
        )

    def closing_article(self) -> _Article:
        doc = self.doc
        paras = [
            _Para(
                _Text(
                    f"{doc.id} ini mulai berlaku sejak tanggal ditandatangani oleh PARA PIHAK.",
                    f"{_upper_first(doc.en)} comes into force on the date it is signed by THE "
                    "PARTIES.",
                )
            )
        ]
        amends = self.agreement.amends
        if amends is not None:
            paras.append(
                _Para(
                    _Text(
                        f"Adendum ini merupakan bagian yang tidak terpisahkan dari "
                        f"{amends.kind.label_id} tanggal {date_long(amends.date)}.",
                        f"This Addendum forms an inseparable part of the {amends.kind.label_en} "
                        f"of {date_long(amends.date, 'en')}.",
                    )
                )
            )
        return _Article(_Text("PENUTUP", "CLOSING"), paras)

    # addendum ---------------------------------------------------------------------------

    def amendment(self, change: Amendment) -> _Article:
        amends = self.agreement.amends
        assert amends is not None  # an addendum always names what it amends
        return _Article(
            _Text(
                f"PERUBAHAN {change.article.upper()}",
                f"AMENDMENT: {self.tr(change.article).upper()}",
            ),
            [
                _Para(
                    _Text(
                        f"Ketentuan mengenai {change.article} dalam {amends.kind.label_id} "
                        "diubah sehingga berbunyi sebagai berikut:",
                        f"The provision on {self.tr(change.article)} in the "
                        f"{amends.kind.label_en} is amended to read as follows:",
                    ),
                    [self.both(change.text)],
                )
            ],
        )

    def unchanged(self) -> _Article:
        amends = self.agreement.amends
        assert amends is not None
        return _Article(
            _Text("KETENTUAN LAIN", "OTHER PROVISIONS"),
            [
                _Para(
                    _Text(
                        f"Ketentuan lain dalam {amends.kind.label_id} yang tidak diubah oleh "
                        "Adendum ini tetap berlaku dan mengikat PARA PIHAK.",
                        f"The other provisions of the {amends.kind.label_en} not amended by "
                        "this Addendum remain in force and binding on THE PARTIES.",
                    )
                )
            ],
        )


# -- clause packs, one per pattern ---------------------------------------------------------


def _kinds(kinds: Iterable[ContributionKind]) -> _Text:
    ordered = sorted(kinds, key=list(ContributionKind).index)
    return _Text(
        _join([k.label_id.lower() for k in ordered], "dan"),
        _join([k.label_en.lower() for k in ordered], "and"),
    )


def _percent(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text.replace(".", ",")


def _percent_en(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _quantity(value: Decimal) -> _Text:
    if value == value.to_integral_value():
        whole = int(value)
        return _Text(count(whole), count(whole, "en"))
    return _Text(_percent(value), _percent_en(value))


def _agency(b: _Builder, t: AgencyTerms) -> list[_Para]:
    agent, principal = b.label(t.agent), b.label(t.principal)
    products = [b.both(p) for p in t.products]
    territory = [b.both(x) for x in t.territory]
    exclusive = _Text(" eksklusif", " exclusive") if t.exclusive else _Text("", "")
    paras = [
        _Para(
            _Text(
                f"{principal.id} memberikan hak{exclusive.id} kepada {agent.id} untuk memasarkan "
                f"{_join([p.id for p in products], 'dan')} di wilayah "
                f"{_join([x.id for x in territory], 'dan')}.",
                f"{principal.en} grants {agent.en} the{exclusive.en} right to market "
                f"{_join([p.en for p in products], 'and')} in "
                f"{_join([x.en for x in territory], 'and')}.",
            )
        )
    ]
    if t.commission_percent is not None:
        paras.append(
            _Para(
                _Text(
                    f"{agent.id} memperoleh komisi sebesar {_percent(t.commission_percent)}% "
                    "dari nilai penjualan.",
                    f"{agent.en} earns a commission of {_percent_en(t.commission_percent)}% of "
                    "sales.",
                )
            )
        )
    if t.margin_percent is not None:
        paras.append(
            _Para(
                _Text(
                    f"{agent.id} memperoleh marjin sebesar {_percent(t.margin_percent)}% dari "
                    "harga jual.",
                    f"{agent.en} earns a margin of {_percent_en(t.margin_percent)}% of the "
                    "selling price.",
                )
            )
        )
    if t.targets:
        paras.append(
            _Para(_Text("Target penjualan:", "Sales targets:"), [b.both(x) for x in t.targets])
        )
    return paras


def _shares(b: _Builder, shares: dict[str, Decimal]) -> list[_Text]:
    return [
        _Text(
            f"{b.label(pid).id} sebesar {_percent(value)}%",
            f"{b.label(pid).en}: {_percent_en(value)}%",
        )
        for pid, value in shares.items()
        if pid in b.agreement.party_ids
    ]


def _contributions(b: _Builder, contributions: Iterable[Any]) -> _Para:
    items = []
    for c in contributions:
        if c.party_id not in b.agreement.party_ids:
            continue
        kinds = _kinds(c.kinds)
        extra_id = f" ({c.description})" if c.description else ""
        extra_en = f" ({b.tr(c.description)})" if c.description else ""
        items.append(
            _Text(
                f"{b.label(c.party_id).id} menyediakan {kinds.id}{extra_id}",
                f"{b.label(c.party_id).en} provides {kinds.en}{extra_en}",
            )
        )
    return _Para(_Text("Kontribusi masing-masing PIHAK:", "Each PARTY's contribution:"), items)


def _kso(b: _Builder, t: OperationalCooperationTerms) -> list[_Para]:
    paras = [
        _contributions(b, t.contributions),
        _Para(_Text("Pembagian hasil usaha:", "Sharing of profit:"), _shares(b, t.profit_shares)),
        _Para(_Text("Pembagian risiko usaha:", "Sharing of risk:"), _shares(b, t.risk_shares)),
    ]
    if t.market_guarantor is not None and t.market_guarantor in b.agreement.party_ids:
        who = b.label(t.market_guarantor)
        paras.append(
            _Para(
                _Text(
                    f"{who.id} menjamin pasar hasil produksi.",
                    f"{who.en} guarantees the market for the produce.",
                )
            )
        )
    if t.value_added:
        paras.append(
            _Para(
                _Text("Peningkatan nilai tambah produk melalui:", "Value is added through:"),
                [b.both(x) for x in t.value_added],
            )
        )
    return paras


def _foster(b: _Builder, t: FosterParentTerms) -> list[_Para]:
    parent = b.label(t.foster_parent)
    children = b.labels([c for c in t.foster_children if c in b.agreement.party_ids])
    support = _kinds(t.support)
    paras = [
        _Para(
            _Text(
                f"{parent.id} sebagai bapak angkat membantu perkembangan usaha {children.id} "
                f"sebagai anak angkat dalam bentuk {support.id}.",
                f"{parent.en}, as foster parent, helps the business of {children.en}, as foster "
                f"child, to grow through {support.en}.",
            )
        )
    ]
    if t.loan is not None:
        loan = t.loan
        if loan.interest_free:
            interest = _Text("tanpa bunga", "free of interest")
        else:
            interest = _Text(
                f"dengan bunga {_percent(loan.annual_interest_percent)}% per tahun",
                f"at {_percent_en(loan.annual_interest_percent)}% interest a year",
            )
        grace = _Text("", "")
        if loan.grace_months:
            grace = _Text(
                f", dengan masa tenggang {count(loan.grace_months)} bulan",
                f", with a grace period of {count(loan.grace_months, 'en')} months",
            )
        paras.append(
            _Para(
                _Text(
                    f"{parent.id} memberikan pinjaman modal sebesar {rupiah(loan.amount)} "
                    f"{interest.id}, yang dikembalikan dalam {count(loan.tenor_months)} "
                    f"bulan{grace.id}.",
                    f"{parent.en} lends capital of {rupiah(loan.amount, 'en')} {interest.en}, "
                    f"repaid over {count(loan.tenor_months, 'en')} months{grace.en}.",
                )
            )
        )
    if t.mentoring_schedule is not None:
        paras.append(
            _Para(
                _Text(
                    f"Pendampingan dilakukan {t.mentoring_schedule}.",
                    f"Mentoring takes place {b.tr(t.mentoring_schedule)}.",
                )
            )
        )
    return paras


_TRADE: Final = {
    TradeMode.MARKETING: _Text("memasarkan hasil produksi", "markets the products of"),
    TradeMode.SUPPLY: _Text("menerima pasokan dari", "buys the supplies of"),
    TradeMode.BUSINESS_LOCATION: _Text(
        "menyediakan lokasi usaha bagi", "provides business premises for"
    ),
}


def _trade(b: _Builder, t: GeneralTradeTerms) -> list[_Para]:
    buyer, supplier = b.label(t.buyer), b.label(t.supplier)
    via = _Text("", "")
    if t.intermediary is not None and t.intermediary in b.agreement.party_ids:
        middle = b.label(t.intermediary)
        via = _Text(f" melalui {middle.id}", f" through {middle.en}")
    mode = _TRADE[t.mode]
    goods = []
    for good in t.goods:
        name = b.both(good.name)
        unit = b.both(good.unit)
        parts_id, parts_en = [name.id], [name.en]
        if good.quantity is not None:
            q = _quantity(good.quantity)
            period = b.both(good.period) if good.period else _Text("", "")
            parts_id.append(f"sebanyak {q.id} {unit.id} {period.id}".rstrip())
            parts_en.append(f"{q.en} {unit.en} {period.en}".rstrip())
        if good.unit_price is not None:
            parts_id.append(f"dengan harga {rupiah(good.unit_price)} per {unit.id}")
            parts_en.append(f"at {rupiah(good.unit_price, 'en')} per {unit.en}")
        goods.append(_Text(", ".join(parts_id), ", ".join(parts_en)))
    paras = [
        _Para(
            _Text(
                f"{buyer.id} {mode.id} {supplier.id}{via.id}.",
                f"{buyer.en} {mode.en} {supplier.en}{via.en}.",
            )
        ),
        _Para(_Text("Barang yang diperdagangkan:", "The goods traded:"), goods),
        _Para(
            _Text(
                f"{supplier.id} wajib memasok barang sesuai persyaratan dan kualitas yang "
                "disepakati bersama, yaitu:",
                f"{supplier.en} shall supply goods meeting the requirements and quality agreed "
                "together, namely:",
            ),
            [b.both(q) for q in t.quality_requirements],
        ),
    ]
    if t.delivery_schedule is not None:
        paras.append(
            _Para(
                _Text(
                    f"Jadwal pengiriman: {t.delivery_schedule}.",
                    f"Delivery schedule: {b.tr(t.delivery_schedule)}.",
                )
            )
        )
    if t.payment_terms is not None:
        paras.append(
            _Para(_Text(f"Pembayaran: {t.payment_terms}.", f"Payment: {b.tr(t.payment_terms)}."))
        )
    return paras


def _core_plasma(b: _Builder, t: CorePlasmaTerms) -> list[_Para]:
    core = b.label(t.core)
    plasma = b.labels([p for p in t.plasma if p in b.agreement.party_ids])
    paras = [
        _Para(
            _Text(
                f"{core.id} sebagai inti menyediakan bagi {plasma.id} sebagai plasma:",
                f"{core.en}, as core, provides {plasma.en}, as plasma, with:",
            ),
            [b.both(x) for x in t.inputs_supplied],
        )
    ]
    if t.offtake_guarantee:
        basis = _Text("", "")
        if t.price_basis is not None:
            basis = _Text(
                f" dengan dasar harga {t.price_basis}", f" priced on {b.tr(t.price_basis)}"
            )
        paras.append(
            _Para(
                _Text(
                    f"{core.id} menampung hasil produksi {plasma.id}{basis.id}.",
                    f"{core.en} takes up the output of {plasma.en}{basis.en}.",
                )
            )
        )
    return paras


def _subcontract(b: _Builder, t: SubcontractTerms) -> list[_Para]:
    sub, main = b.label(t.subcontractor), b.label(t.contractor)
    return [
        _Para(
            _Text(
                f"{sub.id} memproduksi bagi {main.id}: {t.specification}.",
                f"{sub.en} produces for {main.en}: {b.tr(t.specification)}.",
            )
        ),
        _Para(_Text(f"Volume: {t.volume}.", f"Volume: {b.tr(t.volume)}.")),
        _Para(_Text(f"Pembayaran: {t.payment_terms}.", f"Payment: {b.tr(t.payment_terms)}.")),
    ]


def _franchise(b: _Builder, t: FranchiseTerms) -> list[_Para]:
    giver, taker = b.label(t.franchisor), b.label(t.franchisee)
    paras = [
        _Para(
            _Text(
                f"{giver.id} memberikan hak menggunakan merek {t.brand} dan sistem usahanya "
                f"kepada {taker.id}.",
                f"{giver.en} grants {taker.en} the right to use the {t.brand} brand and its "
                "business system.",
            )
        )
    ]
    if t.initial_fee is not None:
        paras.append(
            _Para(
                _Text(
                    f"Biaya waralaba sebesar {rupiah(t.initial_fee)}.",
                    f"The franchise fee is {rupiah(t.initial_fee, 'en')}.",
                )
            )
        )
    if t.royalty_percent is not None:
        paras.append(
            _Para(
                _Text(
                    f"Royalti sebesar {_percent(t.royalty_percent)}% dari penjualan.",
                    f"The royalty is {_percent_en(t.royalty_percent)}% of sales.",
                )
            )
        )
    paras.append(
        _Para(
            _Text(f"{taker.id} wajib memenuhi standar:", f"{taker.en} shall keep the standards:"),
            [b.both(x) for x in t.standards],
        )
    )
    return paras


def _supply_chain(b: _Builder, t: SupplyChainTerms) -> list[_Para]:
    links = sorted(t.links, key=lambda link: link.position)
    items = [
        _Text(
            f"{b.label(link.party_id).id}: {link.role}",
            f"{b.label(link.party_id).en}: {b.tr(link.role)}",
        )
        for link in links
        if link.party_id in b.agreement.party_ids
    ]
    paras = [
        _Para(
            _Text(
                "PARA PIHAK terhubung dalam rantai pasok dengan urutan:",
                "THE PARTIES are linked along the supply chain in this order:",
            ),
            items,
        )
    ]
    if t.flows:
        paras.append(
            _Para(
                _Text("Yang mengalir dalam rantai pasok:", "What flows along the chain:"),
                [b.both(x) for x in t.flows],
            )
        )
    return paras


def _profit_sharing(b: _Builder, t: ProfitSharingTerms) -> list[_Para]:
    paras = [
        _contributions(b, t.contributions),
        _Para(_Text("Pembagian hasil:", "Sharing of the result:"), _shares(b, t.shares)),
    ]
    if t.settlement is not None:
        paras.append(
            _Para(
                _Text(
                    f"Perhitungan hasil dilakukan {t.settlement}.",
                    f"The result is settled {b.tr(t.settlement)}.",
                )
            )
        )
    return paras


def _joint_venture(b: _Builder, t: JointVentureTerms) -> list[_Para]:
    return [
        _Para(
            _Text(
                f"PARA PIHAK mendirikan usaha patungan dengan nama {t.venture_name}.",
                f"THE PARTIES found a joint venture named {t.venture_name}.",
            )
        ),
        _contributions(b, t.contributions),
        _Para(_Text("Kepemilikan:", "Ownership:"), _shares(b, t.ownership)),
    ]


def _outsourcing(b: _Builder, t: OutsourcingTerms) -> list[_Para]:
    client, provider = b.label(t.client), b.label(t.provider)
    paras = [
        _Para(
            _Text(
                f"{client.id} menyerahkan kepada {provider.id} pekerjaan berikut:",
                f"{client.en} entrusts {provider.en} with the following work:",
            ),
            [b.both(x) for x in t.services],
        )
    ]
    if t.service_levels:
        paras.append(
            _Para(
                _Text("Tingkat layanan yang disepakati:", "Agreed service levels:"),
                [b.both(x) for x in t.service_levels],
            )
        )
    return paras


_CLAUSE_PACKS: Final[dict[type, Callable[[_Builder, Any], list[_Para]]]] = {
    AgencyTerms: _agency,
    OperationalCooperationTerms: _kso,
    FosterParentTerms: _foster,
    GeneralTradeTerms: _trade,
    CorePlasmaTerms: _core_plasma,
    SubcontractTerms: _subcontract,
    FranchiseTerms: _franchise,
    SupplyChainTerms: _supply_chain,
    ProfitSharingTerms: _profit_sharing,
    JointVentureTerms: _joint_venture,
    OutsourcingTerms: _outsourcing,
}


# -- small helpers -----------------------------------------------------------------------


def _label_en(index: int) -> str:
    return f"THE {num2words(index + 1, lang='en', to='ordinal').upper()} PARTY"


def _join(items: Sequence[str], conjunction: str) -> str:
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    comma = "," if conjunction == "and" and len(items) > 2 else ""
    return f"{', '.join(items[:-1])}{comma} {conjunction} {items[-1]}"


def _lower_first(text: str) -> str:
    """Lower the first letter of a sentence fragment, but leave acronyms and names alone."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        first_word = text.split(" ", 1)[0]
        if first_word[1:].islower():
            return text[0].lower() + text[1:]
    return text


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _duration(term: Term) -> _Text:
    months = (term.end.year - term.start.year) * 12 + term.end.month - term.start.month + 1
    for m in (months, months - 1):
        if m > 0 and _add_months(term.start, m) - timedelta(days=1) == term.end:
            if m % 12 == 0:
                return _Text(f"{count(m // 12)} tahun", f"{count(m // 12, 'en')} year(s)")
            return _Text(f"{count(m)} bulan", f"{count(m, 'en')} month(s)")
    return _Text(f"{count(term.days)} hari", f"{count(term.days, 'en')} days")


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _party_block(b: _Builder, index: int, party: Party) -> dict[str, Any]:
    rep = party.representative
    label_id, label_en = party_label(index), _label_en(index)
    acting = _Text(
        f"Dalam hal ini bertindak untuk dan atas nama {party.name}, selanjutnya disebut "
        f"{label_id}.",
        f"Acting for and on behalf of {party.name}, hereinafter {label_en}.",
    )
    return {
        "index": index + 1,
        "label": label_id,
        "label_en": label_en,
        "institution": party.name,
        "name": rep.name if rep else "",
        "position": rep.position if rep else "",
        "position_en": b.tr(rep.position) if rep else "",
        "nip": rep.nip if rep and rep.nip else "",
        "address": party.address or (str(party.region) if party.region else ""),
        "acting": acting.id,
        "acting_en": acting.en,
        "number": b.agreement.numbers.get(party.id, ""),
        "is_institution": isinstance(party, Institution),
    }


def _signature(b: _Builder, index: int, party: Party) -> dict[str, Any]:
    signatory = b.agreement.signatory_of(party.id)
    rep = party.representative
    name = signatory.name if signatory else (rep.name if rep else "")
    position = signatory.position if signatory else (rep.position if rep else "")
    nip = signatory.nip if signatory and signatory.nip else (rep.nip if rep and rep.nip else "")
    return {
        "label": party_label(index),
        "label_en": _label_en(index),
        "institution": "" if party.name.casefold() in position.casefold() else party.name,
        "position": position,
        "position_en": b.tr(position) if position else "",
        "name": name,
        "nip": f"NIP {nip}" if nip else "",
        "meterai": METERAI,
    }


def _text(t: _Text) -> dict[str, str]:
    return {"text": t.id, "text_en": t.en}


def _point(text: str, last: bool) -> str:
    """A list point ends with ";" and the last with "." unless it has its own ending."""
    if text[-1:] in ".;:!?":
        return text
    return text + ("." if last else ";")


def _numbered(paragraphs: list[_Para]) -> list[dict[str, Any]]:
    numbered = len(paragraphs) > 1
    return [
        {
            "num": f"({i})" if numbered else "",
            "text": p.text.id,
            "text_en": p.text.en,
            "points": [
                {
                    "letter": chr(ord("a") + j) if j < 26 else str(j + 1),
                    "text": _point(item.id, j == len(p.items) - 1),
                    "text_en": _point(item.en, j == len(p.items) - 1),
                }
                for j, item in enumerate(p.items)
            ],
        }
        for i, p in enumerate(paragraphs, 1)
    ]


def _rows(context: dict[str, Any]) -> list[dict[str, str]]:
    """The body as Indonesian–English row pairs, for the bilingual table."""
    rows: list[dict[str, str]] = []

    def add(kind: str, id_: str, en: str) -> None:
        rows.append({"kind": kind, "id": id_, "en": en})

    add("text", context["opening"], context["opening_en"])
    for party in context["parties"]:
        add(
            "text",
            f"{party['index']}. {party['name']}, {party['position']}, {party['institution']}, "
            f"{party['address']}. {party['acting']}",
            f"{party['index']}. {party['name']}, {party['position_en']}, {party['institution']}, "
            f"{party['address']}. {party['acting_en']}",
        )
    add("text", context["para_pihak"], context["para_pihak_en"])
    add("text", context["considerations_intro"], context["considerations_intro_en"])
    for c in context["considerations"]:
        add("item", f"{c['letter']}. {c['text']}", f"{c['letter']}. {c['text_en']}")
    add("text", context["binding"], context["binding_en"])
    for article in context["articles"]:
        add(
            "heading",
            f"{article['heading']}\n{article['title']}",
            f"{article['heading_en']}\n{article['title_en']}",
        )
        for p in article["paragraphs"]:
            add("text", f"{p['num']} {p['text']}".strip(), f"{p['num']} {p['text_en']}".strip())
            for item in p["points"]:
                add(
                    "item",
                    f"{item['letter']}. {item['text']}",
                    f"{item['letter']}. {item['text_en']}",
                )
    return rows


def agreement_context(
    agreement: Agreement, *, partnership: Partnership | None = None
) -> dict[str, Any]:
    """Everything a template needs to render ``agreement``, as plain data.

    The keys are documented in ``docs/documents.md``. The document is bilingual
    (Indonesian beside English) when English is among ``agreement.languages``.

    Args:
        agreement: The MoU, PKS or addendum.
        partnership: The partnership it belongs to, for the work plan's activities.

    Raises:
        MissingTranslationsError: a bilingual document lacks English for some of the
            agreement's own wording.
        ValueError: the agreement is in a language kemitraan cannot write (only
            Indonesian and English are built in; use your own template for others).

    >>> from kemitraan import Agreement, Institution, Partner, PartnerKind
    >>> mou = Agreement(parties=[Institution(name="PKBM A"),
    ...                          Partner(name="Toko B", kind=PartnerKind.BUSINESS)],
    ...                 subject="Pemasaran", place="Martapura", date=date(2025, 3, 10))
    >>> context = agreement_context(mou)
    >>> context["opening"][:45], [s["label"] for s in context["signatures"]]
    ('Pada hari Senin, tanggal sepuluh, bulan Maret', ['PIHAK PERTAMA', 'PIHAK KEDUA'])
    """
    unsupported = sorted(set(agreement.languages) - {"id", "en"})
    if unsupported:
        raise ValueError(
            f"kemitraan writes Indonesian and English; the agreement also asks for "
            f"{', '.join(unsupported)}: use a template of your own for that language"
        )
    bilingual = "en" in agreement.languages
    b = _Builder(agreement, partnership, bilingual)
    kind = agreement.kind
    doc = b.doc

    amends = agreement.amends
    if kind is AgreementKind.ADDENDUM and amends is not None:
        title, title_en = "ADENDUM", "ADDENDUM"
        subtitle = _Text(amends.kind.label_id.upper(), amends.kind.label_en.upper())
        about = _Text(amends.subject.upper(), b.tr(amends.subject).upper())
    else:
        title, title_en = kind.label_id.upper(), kind.label_en.upper()
        subtitle = _Text("", "")
        about = _Text(agreement.subject.upper(), b.tr(agreement.subject).upper())

    title_parties: list[dict[str, str]] = []
    for index, party in enumerate(agreement.parties):
        if index:
            title_parties.append({"text": "DAN", "text_en": "AND"})
        title_parties.append({"text": party.name.upper(), "text_en": party.name.upper()})

    labels = [party_label(i) for i in range(len(agreement.parties))]
    labels_en = [_label_en(i) for i in range(len(agreement.parties))]
    considerations = list(agreement.considerations)
    if amends is not None:
        considerations.insert(
            0,
            f"PARA PIHAK telah menandatangani {amends.kind.label_id} Nomor "
            f"{', '.join(amends.numbers)} tanggal {date_long(amends.date)} tentang "
            f"{amends.subject}",
        )

    def consideration_en(text: str) -> str:
        if amends is not None and text == considerations[0]:
            return (
                f"THE PARTIES signed the {amends.kind.label_en} Number "
                f"{', '.join(amends.numbers)} of {date_long(amends.date, 'en')} on "
                f"{b.tr(amends.subject)}"
            )
        return b.tr(text)

    if kind is AgreementKind.ADDENDUM:
        binding = _Text(
            f"Berdasarkan hal-hal tersebut di atas, PARA PIHAK sepakat mengadakan perubahan atas "
            f"{amends.kind.label_id if amends else ''} tersebut dengan ketentuan sebagai berikut:",
            f"Now therefore THE PARTIES agree to amend the "
            f"{amends.kind.label_en if amends else ''} as follows:",
        )
    else:
        binding = _Text(
            f"Berdasarkan hal-hal tersebut di atas, PARA PIHAK sepakat untuk mengikatkan diri "
            f"dalam {doc.id} dengan ketentuan sebagai berikut:",
            f"Now therefore THE PARTIES agree to bind themselves in {doc.en} on the following "
            "terms:",
        )

    articles = b.articles()
    context: dict[str, Any] = {
        "kind": kind.value,
        "draft": False,
        "bilingual": bilingual,
        "title": title,
        "title_en": title_en,
        "subtitle": subtitle.id,
        "subtitle_en": subtitle.en,
        "title_parties": title_parties,
        "about": about.id,
        "about_en": about.en,
        "numbers": [
            {"party": party.name, "label": labels[i], "number": agreement.numbers[party.id]}
            for i, party in enumerate(agreement.parties)
            if party.id in agreement.numbers
        ],
        "place": agreement.place,
        "date": date_long(agreement.date),
        "date_en": date_long(agreement.date, "en"),
        "opening": (
            f"Pada {opening_date(agreement.date)} ({agreement.date:%d-%m-%Y}), bertempat di "
            f"{agreement.place}, kami yang bertanda tangan di bawah ini:"
        ),
        "opening_en": (
            f"On {opening_date(agreement.date, 'en')} ({agreement.date:%d-%m-%Y}), at "
            f"{agreement.place}, we the undersigned:"
        ),
        "parties": [_party_block(b, i, p) for i, p in enumerate(agreement.parties)],
        "para_pihak": (
            f"{_join(labels, 'dan')} secara bersama-sama disebut PARA PIHAK dan masing-masing "
            "disebut PIHAK."
        ),
        "para_pihak_en": (
            f"{_join(labels_en, 'and')} are together called THE PARTIES and each a PARTY."
        ),
        "considerations_intro": "PARA PIHAK terlebih dahulu menerangkan hal-hal sebagai berikut:",
        "considerations_intro_en": "THE PARTIES first state as follows:",
        "considerations": [
            {
                "letter": chr(ord("a") + i) if i < 26 else str(i + 1),
                "text": f"bahwa {_lower_first(text)};",
                "text_en": f"whereas {_lower_first(consideration_en(text))};",
            }
            for i, text in enumerate(considerations)
        ],
        "binding": binding.id,
        "binding_en": binding.en,
        "articles": [
            {
                "number": n,
                "heading": f"Pasal {n}",
                "heading_en": f"Article {n}",
                "title": a.title.id,
                "title_en": a.title.en,
                "paragraphs": _numbered(a.paragraphs),
            }
            for n, a in enumerate(articles, 1)
        ],
        "closing": (
            f"Demikian {doc.id} ini dibuat dalam rangkap {count(agreement.originals)}, "
            "masing-masing bermeterai cukup dan mempunyai kekuatan hukum yang sama, dan "
            "ditandatangani oleh PARA PIHAK pada hari dan tanggal tersebut di atas."
        ),
        "closing_en": (
            f"In witness whereof {doc.en} is made in {count(agreement.originals, 'en')} "
            "originals, each duly stamped and of equal legal force, and signed by THE PARTIES "
            "on the day and date first written above."
        ),
        "signatures": [_signature(b, i, p) for i, p in enumerate(agreement.parties)],
    }
    signatures = context["signatures"]
    context["signature_rows"] = [
        {"cells": signatures[i : i + 2], "span": 1 if i + 1 < len(signatures) else 2}
        for i in range(0, len(signatures), 2)
    ]
    context["rows"] = _rows(context)
    if b.missing:
        raise MissingTranslationsError(b.missing)
    return context


def missing_translations(
    agreement: Agreement, *, partnership: Partnership | None = None
) -> list[str]:
    """The agreement's own wording that a bilingual document still needs English for.

    Empty when the document is Indonesian only, or when every text has its translation.

    >>> from kemitraan import Agreement, Institution, Partner, PartnerKind
    >>> mou = Agreement(parties=[Institution(name="PKBM A"),
    ...                          Partner(name="Toko B", kind=PartnerKind.BUSINESS)],
    ...                 subject="Pemasaran", place="Martapura", date=date(2025, 3, 10),
    ...                 languages=["id", "en"], translations={"Pemasaran": "Marketing"})
    >>> missing_translations(mou)
    []
    """
    if "en" not in agreement.languages:
        return []
    try:
        agreement_context(agreement, partnership=partnership)
    except MissingTranslationsError as error:
        return error.missing
    return []
