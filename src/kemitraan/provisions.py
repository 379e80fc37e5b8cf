"""The provisions an agreement is made of (guide A.6–A.7).

The kind of document, each party's role and responsibilities, the financing, the
term, the monitoring arrangement, dispute settlement, force majeure, the
signatories, and for an addendum the agreement it amends and its changes. The
:class:`~kemitraan.Agreement` assembles them and judges the whole.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, ClassVar, Self

from pydantic import Field, model_validator

from kemitraan._base import LabelledEnum, ValueModel, field_error
from kemitraan._refs import PartyRef
from kemitraan._types import NIK, NIP, NonEmptyStr, Period, Rupiah, ShortText, add_months
from kemitraan.authority import Authority

__all__ = [
    "AgreementKind",
    "AgreementReference",
    "Amendment",
    "Breach",
    "Definition",
    "DisputeForum",
    "DisputeSettlement",
    "ForceMajeure",
    "Funding",
    "MonitoringArrangement",
    "MonitoringFrequency",
    "NoticeAddress",
    "PartyRole",
    "Payment",
    "Signatory",
    "Term",
    "Termination",
]


class AgreementKind(LabelledEnum):
    """The kind of agreement document.

    >>> AgreementKind.MOU.label_id
    'Nota Kesepahaman'
    """

    MOU = "mou", "Nota Kesepahaman", "Memorandum of Understanding"
    PKS = "pks", "Perjanjian Kerja Sama", "Cooperation Agreement"
    ADDENDUM = "addendum", "Adendum", "Addendum"


class PartyRole(ValueModel):
    """The role, rights and responsibilities of one party (guide A.6).

    >>> PartyRole(
    ...     party_id="pkbm-harapan", role="Penyelenggara PKW",
    ...     responsibilities=["Menyiapkan peserta didik"],
    ... ).role
    'Penyelenggara PKW'
    """

    party_id: PartyRef
    """The party."""
    role: NonEmptyStr
    """Its role (*peran*) in the cooperation."""
    rights: list[NonEmptyStr] = Field(default_factory=list)
    """What it is entitled to (*hak*)."""
    responsibilities: list[NonEmptyStr] = Field(default_factory=list)
    """What it must do (*kewajiban dan tanggung jawab*)."""
    due: dict[NonEmptyStr, date] = Field(default_factory=dict)
    """When a responsibility must be done, where the agreement states it, keyed by its words."""

    @model_validator(mode="after")
    def _due_of_a_responsibility(self) -> Self:
        for text in self.due:
            if text not in self.responsibilities:
                raise field_error(
                    self,
                    ("due",),
                    "due_of_unknown_responsibility",
                    "a due date belongs to one of the responsibilities, not '{text}'",
                    text=text,
                )
        return self


class Funding(ValueModel):
    """One source of financing, in rupiah.

    >>> from decimal import Decimal
    >>> Funding(source_name="Bantuan Pemerintah PKW", amount=Decimal("2950000")).amount
    Decimal('2950000')
    """

    source_party_id: PartyRef | None = None
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

    A term that starts before the agreement is made runs back in time (*berlaku surut*);
    :meth:`~kemitraan.Agreement.check` warns about it unless ``backdated`` says it is meant.

    >>> Term(start=date(2025, 1, 1), end=date(2025, 1, 1))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for Term
    end
      Jangka waktu harus berakhir sesudah dimulai (mulai 2025-01-01, berakhir 2025-01-01) [type=...]
    """

    backdated: bool = False
    """The parties mean the term to start before the agreement is made."""

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

    @property
    def exact_months(self) -> int | None:
        """The number of months the term runs when it is a whole number of them, else ``None``.

        A term of *m* months ends the day before the same date *m* months on.

        >>> Term(start=date(2025, 3, 10), end=date(2026, 3, 9)).exact_months
        12
        >>> Term(start=date(2025, 3, 10), end=date(2026, 3, 10)).exact_months is None
        True
        """
        months = (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1
        for m in (months, months - 1):
            if m > 0 and add_months(self.start, m) - timedelta(days=1) == self.end:
                return m
        return None


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
    responsible: list[PartyRef] = Field(default_factory=list)
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
    """Which court or arbitration body (``"Pengadilan Negeri Banjarmasin"``,
    ``"Badan Arbitrase Nasional Indonesia (BANI)"``)."""
    rules: ShortText | None = None
    """For arbitration: the rules it follows; by default the named body's own rules of
    arbitral procedure (UU 30/1999 Pasal 34), or UU 30/1999 itself when no body is named."""
    seat: ShortText | None = None
    """For arbitration: its seat (*tempat arbitrase*); by default the place the agreement
    is made."""


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

    party_id: PartyRef
    """The party signed for."""
    name: ShortText
    """The signer's name as printed under the signature."""
    position: ShortText
    """The signer's position (*jabatan*)."""
    nip: NIP | None = None
    """Civil servant number, printed under the name when given."""
    rank: ShortText | None = None
    """A civil servant's rank (*pangkat/golongan*, ``"Pembina Utama Muda (IV/c)"``),
    printed on the line under the NIP."""
    authority: Authority | None = None
    """What the signer acts on when it is not the party's recorded representative (a
    power of attorney, an acting appointment); by default the representative's."""
    instruments: list[Authority] = Field(default_factory=list)
    """The instruments that give the signer capacity for the party's legal form for this
    agreement (:data:`kemitraan.authority.CAPACITY`): the Pengurus's power of attorney for
    the head of a yayasan-run unit, the members' mandate for a KUBE's chair, the Bupati's
    delegation for a Kepala Dinas; with the representative's own when they sign."""
    nik: NIK | None = None
    """The identity number of a signer who is no official (a group's chair), printed
    masked in the party's block (UU 27/2022)."""
    signed_on: date | None = None
    """When they signed; ``None`` while unsigned."""
    signed_at: ShortText | None = None
    """Where they signed."""

    personal_fields: ClassVar[frozenset[str]] = frozenset({"nip", "nik"})

    @property
    def signed(self) -> bool:
        """Whether this signatory has signed."""
        return self.signed_on is not None


class AgreementReference(ValueModel):
    """A reference to an earlier agreement: the one an addendum amends, or a PKS implements.

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
    digest: str | None = None
    """The digest of the very text referred to (:meth:`kemitraan.Agreement.digest`), so that
    another text of the same subject and date cannot take its place."""

    def names(self, agreement: Any) -> bool:
        """Whether this reference names ``agreement`` by its kind, date and subject only.

        A draft may still change (its digest with it) before every party signs it; what
        refers to a draft is matched this way until the draft is signed.
        """
        return bool(
            self.kind is agreement.kind
            and self.date == agreement.date
            and self.subject == agreement.subject
        )

    def refers_to(self, agreement: Any) -> bool:
        """Whether this reference names ``agreement``.

        By its digest when the reference has one, else by its kind, date, subject and numbers.
        """
        if self.digest is not None:
            return bool(self.digest == agreement.digest())
        numbers = list(agreement.numbers.values())
        return (
            self.kind is agreement.kind
            and self.date == agreement.date
            and self.subject == agreement.subject
            and (not numbers or sorted(self.numbers) == sorted(numbers))
        )


class Amendment(ValueModel):
    """One change an addendum makes.

    >>> Amendment(article="Pasal 9 ayat (1)", text="Jangka waktu diperpanjang").article
    'Pasal 9 ayat (1)'
    """

    article: ShortText
    """What is changed (``"Pasal 7 ayat (1)"``)."""
    text: NonEmptyStr
    """The new wording."""


class Definition(ValueModel):
    """A defined term of a PKS (*Definisi*): what a word means wherever the agreement uses it.

    >>> Definition(term="Produk", meaning="tas rajut hasil produksi PIHAK KEDUA").term
    'Produk'
    """

    term: ShortText
    """The word defined, as the agreement writes it (capitalised)."""
    meaning: NonEmptyStr
    """What it means, as it follows "adalah"."""


class Termination(ValueModel):
    """Ending the agreement before its term ends (*pengakhiran*), with written notice.

    >>> Termination().notice_days, Termination().waive_court_termination
    (30, False)
    """

    notice_days: int = Field(default=30, ge=1, le=365)
    """How many days ahead a party gives written notice of termination."""
    grounds: list[NonEmptyStr] = Field(
        default_factory=lambda: [
            "PARA PIHAK sepakat mengakhirinya secara tertulis",
            "salah satu PIHAK melakukan wanprestasi dan tidak memperbaikinya setelah teguran "
            "tertulis",
            "terjadi keadaan kahar yang berlangsung lebih dari 90 (sembilan puluh) hari",
            "terdapat perubahan peraturan perundang-undangan yang mengakibatkan kerja sama "
            "tidak dapat dilaksanakan",
        ],
        min_length=1,
    )
    """When it may be terminated early."""
    waive_court_termination: bool = False
    """Whether the parties waive KUHPerdata Pasal 1266 and 1267, so that no court decision
    is needed to terminate (a common clause, and a choice the parties must make)."""
    obligations_survive: bool = True
    """Whether obligations already due must still be settled after termination."""


class Breach(ValueModel):
    """Breach of the agreement (*wanprestasi*): warnings, a time to remedy, consequences.

    >>> Breach().warnings, Breach().remedy_days
    (2, 14)
    """

    warnings: int = Field(default=2, ge=1, le=5)
    """How many written warnings (*somasi*) come before the consequences."""
    remedy_days: int = Field(default=14, ge=1, le=180)
    """Days the party in breach has after each warning to put it right."""
    consequences: list[NonEmptyStr] = Field(
        default_factory=lambda: [
            "penghentian sementara pelaksanaan kewajiban PIHAK yang dirugikan",
            "penggantian kerugian yang nyata-nyata diderita PIHAK yang dirugikan",
            "pengakhiran Perjanjian Kerja Sama",
        ],
        min_length=1,
    )
    """What follows when the breach is not remedied (sanksi, ganti rugi, pengakhiran)."""


class NoticeAddress(ValueModel):
    """Where a party receives notices and letters about the agreement (*korespondensi*).

    >>> NoticeAddress(party_id="cv-kriya-banua", address="Jl. Lambung Mangkurat No. 8",
    ...               attention="Direktur").attention
    'Direktur'
    """

    party_id: PartyRef
    """The party."""
    address: NonEmptyStr
    """Its postal address."""
    attention: ShortText | None = None
    """For the attention of (*u.p.*): a position, rather than a person."""
    email: ShortText | None = None
    """An institutional e-mail address for notices."""
    phone: ShortText | None = None
    """An institutional phone number."""


class Payment(ValueModel):
    """How one party pays another (PKS): what, within how many days, by what means.

    >>> Payment(payer="cv-kriya-banua", payee="kube-rajut-lestari",
    ...         what="harga tas rajut yang diterima", due_days=14).method
    'transfer ke rekening bank atas nama penerima'
    """

    payer: PartyRef
    """The party that pays."""
    payee: PartyRef
    """The party paid."""
    what: NonEmptyStr
    """What is paid for (``"harga tas rajut yang diterima"``)."""
    due_days: int = Field(ge=0, le=365)
    """Within how many days."""
    after: ShortText = "barang diterima dan tagihan disampaikan"
    """From what the days count."""
    method: ShortText = "transfer ke rekening bank atas nama penerima"
    """How it is paid."""

    @model_validator(mode="after")
    def _two_parties(self) -> Self:
        if self.payer == self.payee:
            raise field_error(
                self,
                ("payee",),
                "payment_to_self",
                "a party does not pay itself ('{party}')",
                party=self.payer,
            )
        return self
