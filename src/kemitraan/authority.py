"""On what authority a signatory acts: capacity, one of KUHPerdata 1320's conditions.

An agreement states it in each party's block: an official "yang diangkat berdasarkan
Keputusan Bupati Banjar Nomor … Tahun …", a company director "berdasarkan Akta Pendirian
… Nomor … tanggal … yang dibuat di hadapan Notaris … beserta perubahannya", the head of a
PKBM "berdasarkan Surat Keputusan Ketua Yayasan … Nomor …", someone acting for another
"berdasarkan Surat Kuasa … Nomor … tanggal …". :class:`Authority` holds those facts and
:meth:`Authority.wording` writes the clause.

What gives a signer capacity depends on the party's legal form (:class:`LegalForm`,
REFERENCE "Capacity to sign"): a yayasan is represented by its *Pengurus* (UU 16/2001), so
the head of a PKBM it runs signs on the Pengurus's power of attorney; a KUBE is no legal
person, so its chair binds it on the members' mandate; a Dinas binds the regional
government on a delegation from the Bupati or Wali Kota; a PT by the deed appointing its
current directors (UU 40/2007). :data:`CAPACITY` declares, per form, the instruments that
suffice; the agreement's check names the one missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar, Final, Self

from pydantic import Field, model_validator

from kemitraan._base import BilingualText, LabelledEnum, ValueModel, field_error
from kemitraan._catalog import N_, Worded, both
from kemitraan._privacy import mask
from kemitraan._types import NIK, NIP, NonEmptyStr, ShortText
from kemitraan.conventions import date_long, words

__all__ = [
    "CAPACITY",
    "Authority",
    "AuthorityKind",
    "Capacity",
    "Grantor",
    "LegalForm",
    "Representative",
]


class AuthorityKind(LabelledEnum):
    """The kind of instrument a signatory's authority rests on.

    >>> AuthorityKind.DEED.label_id
    'Akta pendirian'
    """

    APPOINTMENT = "appointment", "Keputusan pengangkatan", "Appointment decree"
    DEED = "deed", "Akta pendirian", "Deed of establishment"
    FOUNDATION_DECREE = "foundation_decree", "Surat keputusan yayasan", "Decree of a foundation"
    BYLAWS = "bylaws", "Anggaran dasar", "Articles of association"
    POWER_OF_ATTORNEY = "power_of_attorney", "Surat kuasa", "Power of attorney"
    DIRECTORS_DEED = (
        "directors_deed",
        "Akta susunan Direksi",
        "Deed appointing the current directors",
    )
    MEMBERS_MANDATE = "members_mandate", "Mandat anggota", "Members' mandate"
    DELEGATION = "delegation", "Pelimpahan wewenang", "Delegation of authority"
    OTHER = "other", "Dasar kewenangan lain", "Other basis"


# What each kind needs to be stated at all.
_NEEDED: dict[AuthorityKind, tuple[str, ...]] = {
    AuthorityKind.APPOINTMENT: ("issuer", "number"),
    AuthorityKind.DEED: ("number", "notary"),
    AuthorityKind.FOUNDATION_DECREE: ("issuer", "number"),
    AuthorityKind.BYLAWS: ("issuer",),
    AuthorityKind.POWER_OF_ATTORNEY: ("issuer",),
    AuthorityKind.DIRECTORS_DEED: ("number", "notary"),
    AuthorityKind.MEMBERS_MANDATE: ("issuer", "grantors"),
    AuthorityKind.DELEGATION: ("issuer",),
    AuthorityKind.OTHER: ("text",),
}

# The instrument each kind names by default, in both languages; ``document`` overrides it.
_DOCUMENT: Final[dict[AuthorityKind, tuple[str, str]]] = {
    AuthorityKind.DIRECTORS_DEED: ("Akta Perubahan", "Deed of Amendment"),
    AuthorityKind.MEMBERS_MANDATE: (
        "Berita Acara Rapat Anggota",
        "Minutes of the Members' Meeting",
    ),
    AuthorityKind.DELEGATION: ("Surat Kuasa", "Power of Attorney"),
}
_DOCUMENT_EN: Final = {
    "Surat Kuasa": "Power of Attorney",
    "Surat Tugas": "Letter of Assignment",
    "Surat Kuasa Khusus": "Special Power of Attorney",
    "Keputusan": "Decree",
    "Surat Pernyataan Anggota": "Members' Statement",
    "Akta Pernyataan Keputusan Rapat": "Deed of Statement of Meeting Resolutions",
}


class Grantor(ValueModel):
    """A member who gave a group's chair the mandate to bind it (KUBE, kelompok).

    The NIK is personal data (UU 27/2022): masked in ``repr`` and in every document.

    >>> Grantor(name="Aminah", nik="6303014703850002").nik
    MaskedStr('6303********0002')
    """

    name: ShortText
    """The member's name."""
    nik: NIK | None = None
    """The member's identity number (16 digits)."""

    personal_fields: ClassVar[frozenset[str]] = frozenset({"nik"})

    def named(self) -> str:
        """The member as a document names them: "Aminah (NIK 6303********0002)"."""
        return f"{self.name} (NIK {mask(str(self.nik))})" if self.nik else self.name


class Authority(ValueModel):
    """The instrument a signatory acts on: what it is, who issued it, its number and date.

    >>> Authority(kind=AuthorityKind.APPOINTMENT, issuer="Bupati Banjar",
    ...           number="800/12/BKD/2021", year=2021).wording().indonesian
    'yang diangkat berdasarkan Keputusan Bupati Banjar Nomor 800/12/BKD/2021 Tahun 2021'
    """

    kind: AuthorityKind = AuthorityKind.OTHER
    """What the authority rests on."""
    issuer: ShortText | None = None
    """Who issued it: the official or body appointing ("Bupati Banjar"), the foundation's
    chair ("Ketua Yayasan Harapan Bangsa"), the company a deed founded, or the principal of
    a power of attorney."""
    number: ShortText | None = None
    """Its number."""
    issued_on: date | None = None
    """Its date."""
    year: int | None = Field(default=None, ge=1900, le=2200)
    """Its year, when only the year is known (decrees are often cited by year)."""
    notary: ShortText | None = None
    """For a deed: the notary before whom it was made."""
    text: NonEmptyStr | None = None
    """For any other basis: the clause as it should read, after "berdasarkan"."""
    document: ShortText | None = None
    """The instrument's own title when the kind's usual one does not fit: a delegation by
    ``"Peraturan Bupati"`` or ``"Surat Tugas"`` rather than a ``"Surat Kuasa"``, a
    members' mandate by ``"Surat Pernyataan Anggota"``, a directors' deed named
    ``"Akta Pernyataan Keputusan Rapat"``."""
    approval: ShortText | None = None
    """For a PT's deed: the number of the Minister of Law's approval or receipt of notice
    (``"AHU-0012345.AH.01.02.Tahun 2023"``)."""
    grantors: list[Grantor] = Field(default_factory=list)
    """For a members' mandate: the members who gave it, named in the party's block."""

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, data: Any) -> Any:
        # A basis given as plain text (as kemitraan's first version stored it).
        return {"kind": AuthorityKind.OTHER, "text": data} if isinstance(data, str) else data

    @model_validator(mode="after")
    def _stated(self) -> Self:
        if self.text is not None and self.kind is not AuthorityKind.OTHER:
            raise field_error(
                self,
                ("text",),
                "authority_text_kind",
                "text states an authority of kind 'other'; an authority of kind '{kind}' is "
                "stated by its issuer, number, date and notary",
                kind=self.kind.value,
            )
        if (
            self.issued_on is not None
            and self.year is not None
            and self.year != self.issued_on.year
        ):
            raise field_error(
                self,
                ("year",),
                "authority_year",
                "the year ({year}) is not the year of the date ({issued_on})",
                year=self.year,
                issued_on=self.issued_on.isoformat(),
            )
        if self.issued_on is not None and self.issued_on > date.today():
            raise field_error(
                self,
                ("issued_on",),
                "authority_in_future",
                "an authority is issued before it is relied on ({issued_on} is in the future)",
                issued_on=self.issued_on.isoformat(),
            )
        for needed in _NEEDED[self.kind]:
            if getattr(self, needed) in (None, []):
                raise field_error(
                    self,
                    (needed,),
                    "authority_incomplete",
                    "an authority of kind '{kind}' needs its {field}",
                    kind=self.kind.value,
                    field=needed,
                )
        return self

    def _when(self) -> Worded:
        """The date after a space: ``tanggal 3 Mei 2016`` or ``Tahun 2021``, or nothing."""
        if self.issued_on is not None:
            day = Worded(date_long(self.issued_on), date_long(self.issued_on, "en"))
            return _part(N_("of {date}"), date=day)
        if self.year is not None:
            return _part(N_("of {year}"), year=self.year)
        return _NOTHING

    def _number(self) -> Worded:
        """The number after a space: ``Nomor 21`` (``Number 21``), or nothing."""
        return _NOTHING if self.number is None else _part(N_("Number {number}"), number=self.number)

    def wording(self, *, members_listed: bool = True) -> BilingualText:
        """The clause that states the authority in a party's block, in both languages.

        A members' mandate names its members in the clause; with ``members_listed=False`` it
        says they are listed in the document's annex (Lampiran) instead.

        >>> Authority(kind=AuthorityKind.DEED, issuer="CV Kriya Banua", number="21",
        ...           issued_on=date(2016, 5, 3), notary="Hj. Rahmah, S.H., M.Kn.",
        ...           ).wording().indonesian  # doctest: +NORMALIZE_WHITESPACE
        'berdasarkan Akta Pendirian CV Kriya Banua Nomor 21 tanggal 3 Mei 2016 yang dibuat di
        hadapan Notaris Hj. Rahmah, S.H., M.Kn. beserta perubahannya'
        """
        stated = {"number": self._number(), "when": self._when()}
        issuer = self.issuer or ""
        of = f" {issuer}" if issuer else ""
        if self.kind is AuthorityKind.APPOINTMENT:
            said = both(
                N_("appointed by Decree of the {issuer}{number}{when}"), issuer=issuer, **stated
            )
        elif self.kind is AuthorityKind.DEED:
            said = both(
                N_(
                    "under the Deed of Establishment{of}{number}{when} made before Notary "
                    "{notary}, as amended"
                ),
                of=of,
                notary=self.notary,
                **stated,
            )
        elif self.kind is AuthorityKind.FOUNDATION_DECREE:
            said = both(
                N_("under the Decree of the {issuer}{number}{when}"), issuer=issuer, **stated
            )
        elif self.kind is AuthorityKind.BYLAWS:
            said = both(N_("under the Articles of Association{of}{number}{when}"), of=of, **stated)
        elif self.kind is AuthorityKind.POWER_OF_ATTORNEY:
            said = both(
                N_("under a Power of Attorney{number}{when} from {issuer}"), issuer=issuer, **stated
            )
        elif self.kind in _DOCUMENT:
            return self._capacity_wording(stated, members_listed)
        else:
            said = both(N_("under {text}"), text=self.text)
        return BilingualText.of(*said)

    def cited(self) -> BilingualText:
        """The instrument as a list or an annex cites it: its title, number and date.

        >>> Authority(kind=AuthorityKind.DELEGATION, issuer="Bupati Banjar",
        ...           number="180/017/HUK/2025", issued_on=date(2025, 3, 3)).cited().indonesian
        'Surat Kuasa Nomor 180/017/HUK/2025 tanggal 3 Maret 2025'
        """
        title = (
            self._title() if self.kind in _DOCUMENT else (self.kind.label_id, self.kind.label_en)
        )
        number, when = self._number(), self._when()
        return BilingualText.of(
            f"{title[0]}{number.id}{when.id}", f"{title[1]}{number.en}{when.en}"
        )

    def _title(self) -> tuple[str, str]:
        if self.document is None:
            return _DOCUMENT[self.kind]
        return self.document, _DOCUMENT_EN.get(self.document, self.document)

    def _capacity_wording(self, stated: dict[str, Worded], members_listed: bool) -> BilingualText:
        """The clause of a directors' deed, a members' mandate or a delegation."""
        title = Worded(*self._title())
        issuer = self.issuer or ""
        if self.kind is AuthorityKind.DIRECTORS_DEED:
            approval = (
                _part(
                    N_(", approved or notified to the Minister of Law as {approval}"),
                    approval=self.approval,
                    space="",
                )
                if self.approval
                else _NOTHING
            )
            said = both(
                N_(
                    "under the {title}{of}{number}{when} made before Notary {notary} on the "
                    "composition of the Board of Directors{approval}"
                ),
                title=title,
                of=f" {issuer}" if issuer else "",
                notary=self.notary,
                approval=approval,
                **stated,
            )
        elif self.kind is AuthorityKind.MEMBERS_MANDATE:
            count = len(self.grantors)
            names = [g.named() for g in self.grantors]
            if not members_listed:
                by = _part(N_("listed in the Annex"))
            elif count == 1:
                by = _part(N_(": {names}"), names=names[0], space="")
            else:
                listed = Worded(
                    *both(N_("{first} and {last}"), first=", ".join(names[:-1]), last=names[-1])
                )
                by = _part(N_(": {names}"), names=listed, space="")
            said = both(
                N_(
                    "under the mandate of the members of {issuer} in the {title}{number}{when}, "
                    "given by {count} ({words}) member{by}"
                )
                if count == 1
                else N_(
                    "under the mandate of the members of {issuer} in the {title}{number}{when}, "
                    "given by {count} ({words}) members{by}"
                ),
                issuer=issuer,
                title=title,
                count=count,
                words=Worded(words(count, "id"), words(count, "en")),
                by=by,
                **stated,
            )
        elif self.is_mandate:  # the holder signs in the regional head's name (a.n.)
            said = both(
                N_("under a mandate from the {issuer} by {title}{number}{when}"),
                issuer=issuer,
                title=title,
                **stated,
            )
        else:  # a delegation by regulation: the holder signs in their own name
            said = both(
                N_("under a delegation of authority from the {issuer} by {title}{number}{when}"),
                issuer=issuer,
                title=title,
                **stated,
            )
        return BilingualText.of(*said)

    @property
    def is_mandate(self) -> bool:
        """Whether a delegation is a mandate: a surat kuasa or surat tugas, not a regulation.

        By a mandate the regional head keeps the authority, and the holder signs in the
        head's name, *atas nama* (a.n.); by a delegation in a regulation (a Peraturan
        Bupati) the authority passes to the holder, who signs in their own (UU 30/2014
        Pasal 1 angka 23 and 24, Pasal 13 and 14).

        >>> Authority(kind=AuthorityKind.DELEGATION, issuer="Bupati Banjar").is_mandate
        True
        >>> Authority(kind=AuthorityKind.DELEGATION, issuer="Bupati Banjar",
        ...           document="Peraturan Bupati").is_mandate
        False
        """
        if self.kind is not AuthorityKind.DELEGATION:
            return False
        return not self._title()[0].casefold().startswith("peraturan")


_NOTHING: Final = Worded("", "")


def _part(message: str, /, space: str = " ", **values: object) -> Worded:
    """A part of a clause (``message``, said in both languages), after ``space``."""
    indonesian, english = both(message, **values)
    return Worded(space + indonesian, space + english)


class LegalForm(LabelledEnum):
    """A party's legal form, which decides what gives its signer capacity (KUHPerdata 1320).

    A party's form is stated (``Party.legal_form``) or read from its kind and name
    (``Party.form``): a yayasan-run PKBM, a KUBE, a Dinas, a "PT …" or "CV …".

    >>> LegalForm.FOUNDATION_UNIT.label_id
    'Satuan pendidikan yang diselenggarakan yayasan'
    >>> LegalForm.implied("business", "PT Borneo Craft", None)
    <LegalForm.LIMITED_COMPANY: 'limited_company'>
    """

    FOUNDATION = "foundation", "Yayasan", "Foundation (yayasan)"
    FOUNDATION_UNIT = (
        "foundation_unit",
        "Satuan pendidikan yang diselenggarakan yayasan",
        "Education unit run by a foundation",
    )
    LIMITED_COMPANY = "limited_company", "Perseroan terbatas (PT)", "Limited company (PT)"
    PARTNERSHIP = "partnership", "Persekutuan komanditer (CV) atau firma", "CV or firm"
    COOPERATIVE = "cooperative", "Koperasi", "Cooperative"
    GROUP = "group", "Kelompok (KUBE, kelompok usaha atau masyarakat)", "Group (KUBE)"
    GOVERNMENT = "government", "Instansi pemerintah daerah (Dinas)", "Government office"
    VILLAGE = "village", "Pemerintah desa", "Village government"
    INDIVIDUAL = "individual", "Perseorangan", "Individual"

    @classmethod
    def implied(cls, kind: str, name: str, operated_by: str | None) -> LegalForm | None:
        """The form a party's kind and name imply, or ``None`` when they do not tell.

        Args:
            kind: The party's kind (a ``PartnerKind`` value).
            name: Its name: "PT …" is a limited company, "CV …" or "Firma …" a CV or firm.
            operated_by: The body that runs an education unit (a "Yayasan …").

        >>> LegalForm.implied("government", "Pemerintah Desa Sungai Tabuk", None)
        <LegalForm.VILLAGE: 'village'>
        """
        if operated_by is not None and operated_by.lower().startswith("yayasan"):
            return cls.FOUNDATION_UNIT
        if kind == "government" and name.casefold().removeprefix("pemerintah ").startswith(
            ("desa ", "kampung ", "nagari ", "gampong ")
        ):
            return cls.VILLAGE  # the Kepala Desa represents the desa, not a Dinas's delegate
        by_kind = _FORM_OF_KIND.get(kind)
        if by_kind is not None:
            return by_kind
        words = name.replace(".", " ").split(maxsplit=1)  # "PT. Borneo", or only dots
        first = words[0].upper() if words else ""
        return {"PT": cls.LIMITED_COMPANY, "CV": cls.PARTNERSHIP, "FIRMA": cls.PARTNERSHIP}.get(
            first
        )


_FORM_OF_KIND: Final = {
    "foundation": LegalForm.FOUNDATION,
    "community_group": LegalForm.GROUP,
    "community_figure": LegalForm.INDIVIDUAL,
    "cooperative": LegalForm.COOPERATIVE,
    "government": LegalForm.GOVERNMENT,
}


@dataclass(frozen=True)
class Capacity:
    """What gives a signer capacity for one legal form: the instruments that suffice.

    ``accepted`` is empty for an individual, who signs for themselves (every adult is
    capable, KUHPerdata 1329) or through a power of attorney.
    """

    accepted: frozenset[AuthorityKind]
    """The kinds of instrument, any one of which gives the signer capacity."""
    document: BilingualText
    """The document to attach when none is recorded, as a finding names it."""
    basis: str
    """The law the form's representation rests on."""


def _capacity(kinds: set[AuthorityKind], document: tuple[str, str], basis: str) -> Capacity:
    return Capacity(frozenset(kinds), BilingualText.of(*document), basis)


_K = AuthorityKind
CAPACITY: Final[dict[LegalForm, Capacity]] = {
    LegalForm.FOUNDATION: _capacity(
        {_K.BYLAWS, _K.DEED, _K.POWER_OF_ATTORNEY},
        (
            "akta pendirian atau anggaran dasar yayasan yang menunjuk Pengurus, atau surat "
            "kuasa Pengurus",
            "the foundation's deed or articles appointing its board (Pengurus), or the board's "
            "power of attorney",
        ),
        "UU 16/2001 Pasal 35 ayat (1) jo. UU 28/2004",
    ),
    LegalForm.FOUNDATION_UNIT: _capacity(
        {_K.POWER_OF_ATTORNEY, _K.BYLAWS},
        (
            "surat kuasa dari Pengurus yayasan penyelenggara (atau anggaran dasar yayasan yang "
            "melimpahkannya)",
            "a power of attorney from the board (Pengurus) of the foundation that runs the unit "
            "(or the foundation's articles delegating it)",
        ),
        "UU 16/2001 Pasal 35 ayat (1) jo. UU 28/2004",
    ),
    LegalForm.LIMITED_COMPANY: _capacity(
        {_K.DIRECTORS_DEED, _K.POWER_OF_ATTORNEY},
        (
            "akta yang memuat susunan Direksi yang sedang menjabat (akta perubahan), atau surat "
            "kuasa Direksi",
            "the deed appointing the current directors (deed of amendment), or the directors' "
            "power of attorney",
        ),
        "UU 40/2007 Pasal 98 ayat (1)",
    ),
    LegalForm.PARTNERSHIP: _capacity(
        {_K.DEED, _K.POWER_OF_ATTORNEY},
        (
            "akta pendirian persekutuan beserta perubahannya yang menunjuk sekutu pengurus, atau "
            "surat kuasanya",
            "the partnership's deed and its amendments naming the managing partner, or their "
            "power of attorney",
        ),
        "KUHD Pasal 17 dan Pasal 19",
    ),
    LegalForm.COOPERATIVE: _capacity(
        {_K.BYLAWS, _K.POWER_OF_ATTORNEY},
        (
            "anggaran dasar koperasi yang menunjuk Pengurus, atau surat kuasa Pengurus",
            "the cooperative's articles naming its board (Pengurus), or the board's power of "
            "attorney",
        ),
        "UU 25/1992 Pasal 30 ayat (2)",
    ),
    LegalForm.GROUP: _capacity(
        {_K.MEMBERS_MANDATE, _K.POWER_OF_ATTORNEY},
        (
            "mandat anggota (berita acara rapat anggota atau surat kuasa yang ditandatangani "
            "anggota, dengan nama anggota pemberi mandat)",
            "the members' mandate (minutes of the members' meeting or a power of attorney the "
            "members signed, naming them)",
        ),
        "KUHPerdata Pasal 1792 (pemberian kuasa); kelompok bukan badan hukum",
    ),
    LegalForm.GOVERNMENT: _capacity(
        {_K.DELEGATION, _K.POWER_OF_ATTORNEY},
        (
            "pelimpahan wewenang dari Bupati/Wali Kota (surat kuasa, surat tugas, atau peraturan "
            "kepala daerah tentang pelimpahan wewenang)",
            "a delegation from the Regent or Mayor (a power of attorney, a letter of assignment, "
            "or the regional head's regulation on delegation)",
        ),
        "UU 23/2014 Pasal 65; PP 28/2018; Permendagri 22/2020",
    ),
    LegalForm.VILLAGE: _capacity(
        {_K.APPOINTMENT, _K.POWER_OF_ATTORNEY},
        (
            "keputusan Bupati/Wali Kota tentang pengangkatan Kepala Desa, atau surat kuasa "
            "Kepala Desa",
            "the Regent's or Mayor's decree appointing the village head (Kepala Desa), or the "
            "village head's power of attorney",
        ),
        "UU 6/2014 Pasal 26 ayat (2); Permendagri 96/2017",
    ),
    LegalForm.INDIVIDUAL: _capacity(
        set(),
        ("surat kuasa dari pihak perseorangan", "a power of attorney from the individual"),
        "KUHPerdata Pasal 1329–1330",
    ),
}
"""Per legal form, the instruments that give a signer capacity (REFERENCE, "Capacity to sign")."""


class Representative(ValueModel):
    """The person who acts and signs for a party.

    >>> Representative(name="Hj. Siti Aminah, S.Pd.", position="Ketua PKBM").position
    'Ketua PKBM'
    """

    name: ShortText
    """Full name with titles, as it will appear under the signature."""
    position: ShortText
    """*Jabatan*: the position held, e.g. ``"Kepala Dinas Pendidikan"``."""
    nip: NIP | None = None
    """Civil servant number (18 digits), shown under a civil servant's signature."""
    rank: ShortText | None = None
    """A civil servant's rank (*pangkat/golongan*, ``"Pembina Utama Muda (IV/c)"``), printed
    under the NIP."""
    nik: NIK | None = None
    """Identity number (16 digits; personal data) of a signer who is not an official, such
    as a group's chair: printed masked in the party's block."""
    authority: Authority | None = None
    """The instrument the authority to act for the party rests on (an appointment decree,
    a deed, a foundation's decree, a power of attorney), printed in the party's block of
    every agreement: capacity is a condition of KUHPerdata 1320. Plain text is taken as
    the clause after "berdasarkan"."""
    instruments: list[Authority] = Field(default_factory=list)
    """The further instruments that give the signer capacity for the party's legal form
    (:data:`CAPACITY`): the Pengurus's power of attorney for the head of a yayasan-run
    unit, the members' mandate for a KUBE's chair, the Bupati's delegation for a Kepala
    Dinas, the deed appointing a PT's current directors. Printed after ``authority``."""

    personal_fields: ClassVar[frozenset[str]] = frozenset({"nip", "nik"})

    def all_instruments(self) -> list[Authority]:
        """``authority`` (when recorded) and then ``instruments``."""
        return ([self.authority] if self.authority is not None else []) + self.instruments
