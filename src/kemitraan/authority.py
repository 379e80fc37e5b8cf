"""On what authority a signatory acts: capacity, one of KUHPerdata 1320's conditions.

An agreement states it in each party's block: an official "yang diangkat berdasarkan
Keputusan Bupati Banjar Nomor … Tahun …", a company director "berdasarkan Akta Pendirian
… Nomor … tanggal … yang dibuat di hadapan Notaris … beserta perubahannya", the head of a
PKBM "berdasarkan Surat Keputusan Ketua Yayasan … Nomor …", someone acting for another
"berdasarkan Surat Kuasa … Nomor … tanggal …". :class:`Authority` holds those facts and
:meth:`Authority.wording` writes the clause.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Self

from pydantic import Field, model_validator

from kemitraan._base import BilingualText, LabelledEnum, Language, ValueModel, field_error
from kemitraan._types import NonEmptyStr, ShortText
from kemitraan.conventions import date_long

__all__ = ["Authority", "AuthorityKind"]


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
    OTHER = "other", "Dasar kewenangan lain", "Other basis"


# What each kind needs to be stated at all.
_NEEDED: dict[AuthorityKind, tuple[str, ...]] = {
    AuthorityKind.APPOINTMENT: ("issuer", "number"),
    AuthorityKind.DEED: ("number", "notary"),
    AuthorityKind.FOUNDATION_DECREE: ("issuer", "number"),
    AuthorityKind.BYLAWS: ("issuer",),
    AuthorityKind.POWER_OF_ATTORNEY: ("issuer",),
    AuthorityKind.OTHER: ("text",),
}


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
            if getattr(self, needed) is None:
                raise field_error(
                    self,
                    (needed,),
                    "authority_incomplete",
                    "an authority of kind '{kind}' needs its {field}",
                    kind=self.kind.value,
                    field=needed,
                )
        return self

    def _when(self, language: Language) -> str:
        if self.issued_on is not None:
            return (
                f" tanggal {date_long(self.issued_on)}"
                if language == "id"
                else (f" of {date_long(self.issued_on, 'en')}")
            )
        if self.year is not None:
            return f" Tahun {self.year}" if language == "id" else f" of {self.year}"
        return ""

    def _number(self, language: Language) -> str:
        if self.number is None:
            return ""
        return f" Nomor {self.number}" if language == "id" else f" Number {self.number}"

    def wording(self) -> BilingualText:
        """The clause that states the authority in a party's block, in both languages.

        >>> Authority(kind=AuthorityKind.DEED, issuer="CV Kriya Banua", number="21",
        ...           issued_on=date(2016, 5, 3), notary="Hj. Rahmah, S.H., M.Kn.",
        ...           ).wording().indonesian  # doctest: +NORMALIZE_WHITESPACE
        'berdasarkan Akta Pendirian CV Kriya Banua Nomor 21 tanggal 3 Mei 2016 yang dibuat di
        hadapan Notaris Hj. Rahmah, S.H., M.Kn. beserta perubahannya'
        """
        n_id, n_en = self._number("id"), self._number("en")
        w_id, w_en = self._when("id"), self._when("en")
        issuer = self.issuer or ""
        if self.kind is AuthorityKind.APPOINTMENT:
            return BilingualText.of(
                f"yang diangkat berdasarkan Keputusan {issuer}{n_id}{w_id}",
                f"appointed by Decree of the {issuer}{n_en}{w_en}",
            )
        if self.kind is AuthorityKind.DEED:
            of = f" {issuer}" if issuer else ""
            return BilingualText.of(
                f"berdasarkan Akta Pendirian{of}{n_id}{w_id} yang dibuat di hadapan Notaris "
                f"{self.notary} beserta perubahannya",
                f"under the Deed of Establishment{of}{n_en}{w_en} made before Notary "
                f"{self.notary}, as amended",
            )
        if self.kind is AuthorityKind.FOUNDATION_DECREE:
            return BilingualText.of(
                f"berdasarkan Surat Keputusan {issuer}{n_id}{w_id}",
                f"under the Decree of the {issuer}{n_en}{w_en}",
            )
        if self.kind is AuthorityKind.BYLAWS:
            of = f" {issuer}" if issuer else ""
            return BilingualText.of(
                f"berdasarkan Anggaran Dasar{of}{n_id}{w_id}",
                f"under the Articles of Association{of}{n_en}{w_en}",
            )
        if self.kind is AuthorityKind.POWER_OF_ATTORNEY:
            return BilingualText.of(
                f"berdasarkan Surat Kuasa{n_id}{w_id} dari {issuer}",
                f"under a Power of Attorney{n_en}{w_en} from {issuer}",
            )
        return BilingualText.of(f"berdasarkan {self.text}", f"under {self.text}")
