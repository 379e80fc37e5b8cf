"""Agreements: the MoU, the PKS and their addenda (guide A.6–A.7).

Guide A.6 asks the parties to set down the roles and responsibilities of **each**
party in a *Nota Kesepahaman* (MoU); A.7 has every party sign it; A.11 extends it
"with or without" an amendment. :class:`Agreement` holds all of that, plus what an
Indonesian agreement conventionally states (REFERENCE.md, "MoU and PKS").

Structure is validated when the model is built (a term that ends before it
starts, shares that do not sum to 100 %). What can only be judged as a whole —
the four conditions of KUHPerdata 1320, the language rule of UU 24/2009, stamp
duty, a role or signature naming a stranger — is reported by
:meth:`Agreement.check` as findings, never guessed or silently fixed.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Final, Self

from num2words import num2words
from pydantic import Field, model_validator

from kemitraan._base import (
    BilingualText,
    LabelledEnum,
    ValueModel,
    VersionedDocument,
    field_error,
    reject_duplicates,
)
from kemitraan._types import NIP, LanguageCode, NonEmptyStr, PartyId, Period, Rupiah, ShortText
from kemitraan.exceptions import UnknownPartyError
from kemitraan.parties import AnyParty, Institution, Party
from kemitraan.patterns import PatternTerms

__all__ = [
    "STAMP_DUTY",
    "Agreement",
    "AgreementKind",
    "AgreementReference",
    "Amendment",
    "DisputeForum",
    "DisputeSettlement",
    "Finding",
    "ForceMajeure",
    "Funding",
    "MonitoringArrangement",
    "MonitoringFrequency",
    "PartyRole",
    "Severity",
    "Signatory",
    "Term",
    "party_label",
]

#: Stamp duty per signed original (UU 10/2020 Pasal 5): Rp10.000.
STAMP_DUTY: Final = Decimal(10_000)


class AgreementKind(LabelledEnum):
    """The kind of agreement document.

    >>> AgreementKind.MOU.label_id
    'Nota Kesepahaman'
    """

    MOU = "mou", "Nota Kesepahaman", "Memorandum of Understanding"
    PKS = "pks", "Perjanjian Kerja Sama", "Cooperation Agreement"
    ADDENDUM = "addendum", "Adendum", "Addendum"


class Severity(LabelledEnum):
    """How serious a finding is.

    >>> [s.value for s in Severity]
    ['error', 'warning', 'info']
    """

    ERROR = "error", "Galat", "Error"
    WARNING = "warning", "Peringatan", "Warning"
    INFO = "info", "Informasi", "Information"


class Finding(ValueModel):
    """One result of :meth:`Agreement.check`: a rule, how serious, and where.

    >>> finding = Finding(
    ...     code="scope_missing", severity=Severity.ERROR, basis="KUHPerdata Pasal 1320",
    ...     message=BilingualText(indonesian="Ruang lingkup kosong", english="Empty scope"),
    ... )
    >>> finding.message.get("en")
    'Empty scope'
    """

    code: str
    """Stable code of the rule (``"party_without_role"``)."""
    severity: Severity
    """Error (must be fixed before signing), warning or information."""
    message: BilingualText
    """What was found, in Indonesian and English."""
    basis: str
    """Where the rule comes from (``"KUHPerdata Pasal 1320"``, ``"Panduan A.6"``)."""
    path: str | None = None
    """The field concerned, as a dotted path, when there is one."""


def party_label(index: int) -> str:
    """The label of the party at ``index`` (0-based): PIHAK PERTAMA, KEDUA, KETIGA, and so on.

    >>> party_label(0), party_label(2)
    ('PIHAK PERTAMA', 'PIHAK KETIGA')
    """
    if index < 0:
        raise ValueError("index must not be negative")
    return f"PIHAK {num2words(index + 1, lang='id', to='ordinal').upper()}"


class PartyRole(ValueModel):
    """The role, rights and responsibilities of one party (guide A.6).

    >>> PartyRole(
    ...     party_id="pkbm-harapan", role="Penyelenggara PKW",
    ...     responsibilities=["Menyiapkan peserta didik"],
    ... ).role
    'Penyelenggara PKW'
    """

    party_id: PartyId
    """The party."""
    role: NonEmptyStr
    """Its role (*peran*) in the cooperation."""
    rights: list[NonEmptyStr] = Field(default_factory=list)
    """What it is entitled to (*hak*)."""
    responsibilities: list[NonEmptyStr] = Field(default_factory=list)
    """What it must do (*kewajiban dan tanggung jawab*)."""


class Funding(ValueModel):
    """One source of financing, in rupiah.

    >>> Funding(source_name="Bantuan Pemerintah PKW", amount=Decimal("2950000")).amount
    Decimal('2950000')
    """

    source_party_id: PartyId | None = None
    """The party that pays, when a party does."""
    source_name: ShortText | None = None
    """The source when it is not a party (``"APBN – Bantuan PKW"``)."""
    amount: Rupiah = Field(gt=0)
    """Amount in rupiah."""
    purpose: NonEmptyStr | None = None
    """What it pays for."""

    @model_validator(mode="after")
    def _one_source(self) -> Self:
        if (self.source_party_id is None) == (self.source_name is None):
            raise field_error(
                self,
                ("source_party_id",),
                "funding_source",
                "give exactly one of source_party_id or source_name",
            )
        return self


class Term(Period):
    """How long the agreement runs; it ends after it starts.

    >>> Term(start=date(2025, 1, 1), end=date(2025, 1, 1))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for Term
    end
      the term must end after it starts (start 2025-01-01, end 2025-01-01) [type=...]
    """

    @model_validator(mode="after")
    def _end_after_start(self) -> Self:
        if self.end <= self.start:
            raise field_error(
                self,
                ("end",),
                "end_not_after_start",
                "the term must end after it starts (start {start}, end {end})",
                start=self.start.isoformat(),
                end=self.end.isoformat(),
            )
        return self

    @property
    def months(self) -> int:
        """Whole calendar months from start to end (a year is 12)."""
        months = (self.end.year - self.start.year) * 12 + self.end.month - self.start.month
        return months if self.end.day >= self.start.day - 1 else months - 1


class MonitoringFrequency(LabelledEnum):
    """How often the cooperation is monitored (guide A.9).

    >>> MonitoringFrequency.QUARTERLY.label_id
    'Setiap tiga bulan'
    """

    MONTHLY = "monthly", "Setiap bulan", "Monthly"
    QUARTERLY = "quarterly", "Setiap tiga bulan", "Quarterly"
    SEMESTER = "semester", "Setiap enam bulan", "Every six months"
    YEARLY = "yearly", "Setiap tahun", "Yearly"


class MonitoringArrangement(ValueModel):
    """How monitoring and the joint evaluation will be done (guide A.9).

    >>> MonitoringArrangement(responsible=["pkbm"]).frequency.label_en
    'Quarterly'
    """

    frequency: MonitoringFrequency = MonitoringFrequency.QUARTERLY
    """How often."""
    methods: list[NonEmptyStr] = Field(
        default_factory=lambda: ["kunjungan lapangan", "laporan kegiatan"]
    )
    """How: visits, reports, meetings."""
    responsible: list[PartyId] = Field(default_factory=list)
    """The parties that carry it out."""
    joint_evaluation: bool = True
    """Whether the parties evaluate together, as the guide asks (A.9)."""


class DisputeForum(LabelledEnum):
    """Where a dispute goes when deliberation fails.

    >>> DisputeForum.DISTRICT_COURT.label_id
    'Pengadilan Negeri'
    """

    DISTRICT_COURT = "district_court", "Pengadilan Negeri", "District court"
    ARBITRATION = "arbitration", "Arbitrase", "Arbitration"


class DisputeSettlement(ValueModel):
    """Deliberation first (*musyawarah untuk mufakat*), then the chosen forum.

    >>> DisputeSettlement(venue="Pengadilan Negeri Martapura").deliberation_days
    30
    """

    deliberation_days: int = Field(default=30, ge=1, le=365)
    """Days allowed for deliberation before the forum."""
    forum: DisputeForum = DisputeForum.DISTRICT_COURT
    """Court or arbitration."""
    venue: ShortText | None = None
    """Which court or arbitration body (``"Pengadilan Negeri Banjarmasin"``)."""


class ForceMajeure(ValueModel):
    """Events that excuse performance, and how fast they must be reported.

    >>> ForceMajeure().events[0], ForceMajeure().notice_days
    ('bencana alam', 7)
    """

    events: list[NonEmptyStr] = Field(
        default_factory=lambda: [
            "bencana alam",
            "wabah penyakit",
            "kebakaran",
            "huru-hara",
            "perang",
            "kebijakan pemerintah yang secara langsung memengaruhi pelaksanaan kerja sama",
        ],
        min_length=1,
    )
    """The events."""
    notice_days: int = Field(default=7, ge=1, le=90)
    """Days within which the affected party notifies the others in writing."""


class Signatory(ValueModel):
    """Who signs for which party, and when and where they signed (guide A.7).

    >>> Signatory(party_id="pkbm", name="Hj. Siti Aminah", position="Ketua").signed
    False
    """

    party_id: PartyId
    """The party signed for."""
    name: ShortText
    """The signer's name as printed under the signature."""
    position: ShortText
    """The signer's position (*jabatan*)."""
    nip: NIP | None = None
    """Civil servant number, printed under the name when given."""
    signed_on: date | None = None
    """When they signed; ``None`` while unsigned."""
    signed_at: ShortText | None = None
    """Where they signed."""

    @property
    def signed(self) -> bool:
        """Whether this signatory has signed."""
        return self.signed_on is not None


class AgreementReference(ValueModel):
    """A reference to an earlier agreement, for an addendum.

    >>> AgreementReference(kind=AgreementKind.MOU, numbers=["005/PKBM/2025"],
    ...                    date=date(2025, 3, 10), subject="Kemitraan PKW").kind.label_id
    'Nota Kesepahaman'
    """

    kind: AgreementKind
    """The kind of the agreement amended."""
    numbers: list[NonEmptyStr] = Field(min_length=1)
    """Its numbers."""
    date: date
    """Its date."""
    subject: NonEmptyStr
    """Its subject."""


class Amendment(ValueModel):
    """One change an addendum makes.

    >>> Amendment(article="Pasal 9 ayat (1)", text="Jangka waktu diperpanjang").article
    'Pasal 9 ayat (1)'
    """

    article: ShortText
    """What is changed (``"Pasal 7 ayat (1)"``)."""
    text: NonEmptyStr
    """The new wording."""


class Agreement(VersionedDocument):
    """An MoU, PKS or addendum between the institution and its partners.

    Parties are listed in order: the first is PIHAK PERTAMA, and so on. Every other
    part refers to a party by its ``id``.

    >>> from kemitraan import Institution, Partner, PartnerKind
    >>> pkbm = Institution(name="PKBM Harapan Bangsa")
    >>> shop = Partner(name="Toko Oleh-oleh Banjar", kind=PartnerKind.BUSINESS)
    >>> mou = Agreement(
    ...     kind=AgreementKind.MOU, parties=[pkbm, shop], subject="Pemasaran tas rajut",
    ...     place="Banjarmasin", date=date(2025, 3, 3),
    ...     roles=[PartyRole(party_id=pkbm.id, role="Penyelenggara",
    ...                      responsibilities=["Melatih peserta"])],
    ... )
    >>> [f.code for f in mou.check() if f.severity is Severity.ERROR]
    ['party_without_role', 'no_signatory', 'no_signatory', 'scope_missing']
    >>> mou.label_of(shop.id)
    'PIHAK KEDUA'
    """

    kind: AgreementKind = AgreementKind.MOU
    """MoU, PKS or addendum."""
    parties: list[AnyParty] = Field(min_length=2)
    """The parties, in order: PIHAK PERTAMA first."""
    numbers: dict[PartyId, NonEmptyStr] = Field(default_factory=dict)
    """Each party's own number for the document."""
    subject: NonEmptyStr
    """What it is about (*tentang …*)."""
    place: ShortText
    """Where it is made."""
    date: date
    """When it is made (the date in the opening)."""
    considerations: list[NonEmptyStr] = Field(default_factory=list)
    """The "bahwa …" considerations, without the "bahwa"."""
    purpose: NonEmptyStr | None = None
    """Its purpose (*maksud*)."""
    objectives: list[NonEmptyStr] = Field(default_factory=list)
    """Its objectives (*tujuan*)."""
    scope: list[NonEmptyStr] = Field(default_factory=list)
    """Its scope (*ruang lingkup*)."""
    pattern: PatternTerms | None = None
    """The partnership pattern and its terms (guide B)."""
    roles: list[PartyRole] = Field(default_factory=list)
    """Role, rights and responsibilities of every party (guide A.6)."""
    financing: list[Funding] = Field(default_factory=list)
    """Financing per source, in rupiah."""
    term: Term | None = None
    """Start and end."""
    monitoring: MonitoringArrangement = Field(default_factory=MonitoringArrangement)
    """Monitoring and evaluation arrangement (guide A.9)."""
    dispute_settlement: DisputeSettlement = Field(default_factory=DisputeSettlement)
    """How disputes are settled."""
    force_majeure: ForceMajeure = Field(default_factory=ForceMajeure)
    """Force majeure."""
    amendable_by_addendum: bool = True
    """Whether changes are made by an addendum that becomes an inseparable part of it."""
    amends: AgreementReference | None = None
    """For an addendum: the agreement it amends."""
    amendments: list[Amendment] = Field(default_factory=list)
    """For an addendum: the changes it makes."""
    signatories: list[Signatory] = Field(default_factory=list)
    """Who signs for each party (guide A.7)."""
    originals: int = Field(default=2, ge=1, le=20)
    """How many originals are made, each with a meterai."""
    languages: list[LanguageCode] = Field(default_factory=lambda: ["id"], min_length=1)
    """The languages it is written in (UU 24/2009 Pasal 31)."""
    prevailing_language: LanguageCode | None = None
    """The text that prevails when the versions differ."""
    translations: dict[NonEmptyStr, NonEmptyStr] = Field(default_factory=dict)
    """English text of the agreement's own wording (subject, scope, roles, …), keyed by the
    Indonesian text, for the bilingual document; names and addresses stay as they are."""

    @model_validator(mode="after")
    def _structure(self) -> Self:
        reject_duplicates(
            self,
            [party.id for party in self.parties],
            lambda index: ("parties", index, "id"),
            "duplicate_party",
            "party id '{value}' appears twice",
        )
        if self.kind is AgreementKind.ADDENDUM:
            if self.amends is None:
                raise field_error(
                    self,
                    ("amends",),
                    "addendum_without_reference",
                    "an addendum must name the agreement it amends",
                )
            if not self.amendments:
                raise field_error(
                    self,
                    ("amendments",),
                    "addendum_without_changes",
                    "an addendum must change something",
                )
        elif self.amends is not None or self.amendments:
            raise field_error(
                self,
                ("amends",),
                "amendment_outside_addendum",
                "only an addendum amends another agreement (kind is '{kind}')",
                kind=self.kind.value,
            )
        return self

    # -- look-ups -----------------------------------------------------------------

    @property
    def party_ids(self) -> list[str]:
        """The parties' ids, in order."""
        return [party.id for party in self.parties]

    def party(self, party_id: str) -> Party:
        """The party with ``party_id``.

        Raises:
            UnknownPartyError: when no party has that id.
        """
        for party in self.parties:
            if party.id == party_id:
                return party
        raise UnknownPartyError(party_id, self.party_ids)

    def label_of(self, party_id: str) -> str:
        """PIHAK PERTAMA, KEDUA, … for ``party_id``, by its place among the parties."""
        self.party(party_id)
        return party_label(self.party_ids.index(party_id))

    def role_of(self, party_id: str) -> PartyRole | None:
        """The party's role, when one is set."""
        return next((r for r in self.roles if r.party_id == party_id), None)

    def signatory_of(self, party_id: str) -> Signatory | None:
        """The party's signatory, when one is named."""
        return next((s for s in self.signatories if s.party_id == party_id), None)

    @property
    def institution(self) -> Institution | None:
        """The institution among the parties, when there is one."""
        return next((p for p in self.parties if isinstance(p, Institution)), None)

    @property
    def total_financing(self) -> Decimal:
        """Sum of all financing, in rupiah."""
        return sum((f.amount for f in self.financing), Decimal(0))

    @property
    def fully_signed(self) -> bool:
        """Every party has a signatory and every signatory has signed."""
        return all((s := self.signatory_of(pid)) is not None and s.signed for pid in self.party_ids)

    @property
    def meterai_count(self) -> int:
        """Meterai needed: one per signed original (UU 10/2020)."""
        return self.originals

    @property
    def stamp_duty(self) -> Decimal:
        """Stamp duty for all originals, in rupiah."""
        return STAMP_DUTY * self.meterai_count

    # -- checks ---------------------------------------------------------------------

    def check(self) -> list[Finding]:
        """Judge the agreement as a whole and return what is wrong or worth knowing.

        Errors must be fixed before signing; warnings deserve a look; information
        states facts (stamp duty, what data cannot show). Nothing is changed.

        Returns:
            The findings, errors first, each with its rule's code and legal basis.
        """
        findings = list(self._findings())
        order = list(Severity)
        return sorted(findings, key=lambda f: order.index(f.severity))

    def _findings(self) -> Iterator[Finding]:
        yield from self._unknown_parties()
        yield from self._roles()
        yield from self._kuhperdata_1320()
        yield from self._languages()
        yield from self._completeness()
        yield _finding(
            "stamp_duty",
            Severity.INFO,
            "UU 10/2020",
            f"Diperlukan {self.meterai_count} meterai Rp10.000, satu pada setiap naskah asli "
            "(bea meterai bukan syarat sah perjanjian).",
            f"{self.meterai_count} stamp(s) of Rp10,000 are needed, one on each signed original "
            "(stamp duty is not a condition of validity).",
            "originals",
        )

    def _unknown_parties(self) -> Iterator[Finding]:
        known = set(self.party_ids)
        named: list[tuple[str, str]] = [
            *((f"roles.{i}.party_id", r.party_id) for i, r in enumerate(self.roles)),
            *((f"signatories.{i}.party_id", s.party_id) for i, s in enumerate(self.signatories)),
            *((f"numbers.{pid}", pid) for pid in self.numbers),
            *(
                (f"financing.{i}.source_party_id", f.source_party_id)
                for i, f in enumerate(self.financing)
                if f.source_party_id is not None
            ),
            *(
                (f"monitoring.responsible.{i}", pid)
                for i, pid in enumerate(self.monitoring.responsible)
            ),
        ]
        if self.pattern is not None:
            named.extend(("pattern", pid) for pid in sorted(self.pattern.party_ids()))
        for path, pid in named:
            if pid not in known:
                yield _finding(
                    "unknown_party",
                    Severity.ERROR,
                    "Panduan A.6",
                    f"'{pid}' bukan pihak dalam kesepakatan ini.",
                    f"'{pid}' is not a party to this agreement.",
                    path,
                )

    def _roles(self) -> Iterator[Finding]:
        # guide A.6: the roles and responsibilities of *each* party
        for index, party in enumerate(self.parties):
            role = self.role_of(party.id)
            label = party_label(index)
            if role is None:
                yield _finding(
                    "party_without_role",
                    Severity.ERROR,
                    "Panduan A.6",
                    f"{label} ({party.name}) belum memiliki peran.",
                    f"{label} ({party.name}) has no role.",
                    "roles",
                )
            elif not role.responsibilities:
                yield _finding(
                    "party_without_responsibility",
                    Severity.ERROR,
                    "Panduan A.6",
                    f"{label} ({party.name}) belum memiliki tanggung jawab.",
                    f"{label} ({party.name}) has no responsibility.",
                    f"roles.{self.roles.index(role)}.responsibilities",
                )
        counts: dict[str, int] = {}
        for role in self.roles:
            counts[role.party_id] = counts.get(role.party_id, 0) + 1
        for pid, count in counts.items():
            if count > 1:
                yield _finding(
                    "duplicate_role",
                    Severity.WARNING,
                    "Panduan A.6",
                    f"'{pid}' memiliki {count} peran terpisah; satukan.",
                    f"'{pid}' has {count} separate roles; merge them.",
                    "roles",
                )

    def _kuhperdata_1320(self) -> Iterator[Finding]:
        basis = "KUHPerdata Pasal 1320"
        # 1. agreement of the parties: each party consents through its signatory
        for index, party in enumerate(self.parties):
            label = party_label(index)
            signatory = self.signatory_of(party.id)
            if signatory is None:
                yield _finding(
                    "no_signatory",
                    Severity.ERROR,
                    basis,
                    f"{label} ({party.name}) belum menunjuk penanda tangan; kesepakatan para "
                    "pihak belum dapat ditunjukkan.",
                    f"{label} ({party.name}) names no signatory; the parties' consent cannot "
                    "be shown.",
                    "signatories",
                )
                continue
            if not signatory.signed:
                yield _finding(
                    "not_signed",
                    Severity.INFO,
                    basis,
                    f"{label} ({party.name}) belum menandatangani.",
                    f"{label} ({party.name}) has not signed yet.",
                    f"signatories.{self.signatories.index(signatory)}.signed_on",
                )
            # 2. capacity: the signer represents the party with a stated authority
            representative = party.representative
            if representative is None or representative.authority is None:
                yield _finding(
                    "capacity_not_shown",
                    Severity.WARNING,
                    basis,
                    f"Dasar kewenangan penanda tangan {label} ({party.name}) belum dicatat.",
                    f"The basis of authority of {label}'s ({party.name}) signer is not recorded.",
                    f"parties.{index}.representative.authority",
                )
            elif representative.name != signatory.name:
                yield _finding(
                    "signatory_not_representative",
                    Severity.WARNING,
                    basis,
                    f"Penanda tangan {label} ({signatory.name}) bukan wakil yang tercatat "
                    f"({representative.name}); lampirkan surat kuasa.",
                    f"{label}'s signer ({signatory.name}) is not its recorded representative "
                    f"({representative.name}); attach a power of attorney.",
                    f"signatories.{self.signatories.index(signatory)}.name",
                )
        # 3. a definite object
        if not self.scope:
            yield _finding(
                "scope_missing",
                Severity.ERROR,
                basis,
                "Ruang lingkup belum diisi; objek perjanjian belum tertentu.",
                "The scope is empty; the object of the agreement is not definite.",
                "scope",
            )
        # 4. a lawful cause cannot be read from data
        yield _finding(
            "lawful_cause_unverifiable",
            Severity.INFO,
            basis,
            "Sebab yang halal tidak dapat diperiksa dari data; pastikan isi kerja sama tidak "
            "bertentangan dengan undang-undang, kesusilaan, dan ketertiban umum.",
            "A lawful cause cannot be checked from data; make sure the cooperation does not "
            "conflict with law, morality or public order.",
        )

    def _languages(self) -> Iterator[Finding]:
        basis = "UU 24/2009 Pasal 31"
        if "id" not in self.languages:
            yield _finding(
                "indonesian_missing",
                Severity.ERROR,
                basis,
                "Perjanjian yang melibatkan lembaga Indonesia wajib berbahasa Indonesia.",
                "An agreement involving an Indonesian institution must be in Indonesian.",
                "languages",
            )
        for index, party in enumerate(self.parties):
            if party.is_foreign and not ({party.language, "en"} & set(self.languages)):
                yield _finding(
                    "foreign_language_missing",
                    Severity.ERROR,
                    basis,
                    f"{party_label(index)} ({party.name}) adalah pihak asing; perjanjian juga "
                    f"ditulis dalam bahasa pihak tersebut ('{party.language}') dan/atau bahasa "
                    "Inggris.",
                    f"{party_label(index)} ({party.name}) is foreign; the agreement must also be "
                    f"written in its language ('{party.language}') and/or English.",
                    "languages",
                )
        if self.prevailing_language is not None and self.prevailing_language not in self.languages:
            yield _finding(
                "prevailing_language_unused",
                Severity.ERROR,
                basis,
                f"Bahasa yang berlaku ('{self.prevailing_language}') tidak termasuk bahasa naskah.",
                f"The prevailing language ('{self.prevailing_language}') is not one the "
                "agreement is written in.",
                "prevailing_language",
            )
        if len(self.languages) > 1 and self.prevailing_language is None:
            yield _finding(
                "prevailing_language_missing",
                Severity.WARNING,
                basis,
                "Naskah dwibahasa sebaiknya menyebut bahasa yang berlaku bila terdapat perbedaan.",
                "A bilingual agreement should name which text prevails when they differ.",
                "prevailing_language",
            )

    def _completeness(self) -> Iterator[Finding]:
        guide = "Panduan A.6"
        if self.term is None:
            yield _finding(
                "term_missing",
                Severity.WARNING,
                guide,
                "Jangka waktu kerja sama belum ditetapkan.",
                "The term of the cooperation is not set.",
                "term",
            )
        if self.pattern is None and self.kind is not AgreementKind.ADDENDUM:
            yield _finding(
                "pattern_missing",
                Severity.WARNING,
                "Panduan B",
                "Pola kemitraan belum dipilih.",
                "No partnership pattern is chosen.",
                "pattern",
            )
        for index, party in enumerate(self.parties):
            if party.id not in self.numbers:
                yield _finding(
                    "number_missing",
                    Severity.WARNING,
                    "Tata naskah dinas",
                    f"{party_label(index)} ({party.name}) belum memberi nomor naskah.",
                    f"{party_label(index)} ({party.name}) has not given the document a number.",
                    "numbers",
                )
        if self.originals < len(self.parties):
            yield _finding(
                "too_few_originals",
                Severity.WARNING,
                "Kelaziman penyusunan perjanjian",
                f"Hanya {self.originals} naskah asli untuk {len(self.parties)} pihak; setiap "
                "pihak lazimnya memegang satu.",
                f"Only {self.originals} originals for {len(self.parties)} parties; each party "
                "usually keeps one.",
                "originals",
            )


def _finding(
    code: str,
    severity: Severity,
    basis: str,
    indonesian: str,
    english: str,
    path: str | None = None,
) -> Finding:
    return Finding(
        code=code,
        severity=severity,
        basis=basis,
        message=BilingualText(indonesian=indonesian, english=english),
        path=path,
    )
