"""Capacity by legal form, checked on an agreement (KUHPerdata 1320: *kecakapan*).

A signer binds a party only with the instrument its legal form needs
(:data:`kemitraan.authority.CAPACITY`): the head of a yayasan-run PKBM on a power of
attorney from the yayasan's *Pengurus* (UU 16/2001 Pasal 35), a KUBE's chair on the
members' mandate, a Kepala Dinas on a delegation from the Bupati or Wali Kota, a Kepala
Desa on the decree appointing them (UU 6/2014 Pasal 26), a PT's director on the deed
appointing the current directors (UU 40/2007 Pasal 98); an individual signs in person
(KUHPerdata 1329) or through a power of attorney. The guide
itself is silent on capacity; the law is not, and an agreement signed without it can be
annulled (KUHPerdata 1320, 1446), so :meth:`~kemitraan.Agreement.check` reports it as an
error naming the document to attach. Beside capacity, how a party is identified: an
individual by their NIK, a body by its NPWP in the 16-digit form used since 1 July 2024.
Declared in the agreement's rule book (:data:`~kemitraan.agreement_checks.AGREEMENT_RULES`).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, Final

from kemitraan._base import BilingualText
from kemitraan._catalog import N_
from kemitraan.agreement_checks import AGREEMENT_RULES, AgreementLike
from kemitraan.authority import CAPACITY, Authority, AuthorityKind, LegalForm
from kemitraan.conventions import npwp_text, party_label, same_person
from kemitraan.findings import Hit, Severity

if TYPE_CHECKING:
    from kemitraan.parties import Party
    from kemitraan.provisions import Signatory

__all__: list[str] = []


def _is_representative(party: Party, signatory: Signatory) -> bool:
    """Whether the signer is the party's representative (titles and brackets aside)."""
    rep = party.representative
    return rep is not None and same_person(rep.name, signatory.name)


def _held(party: Party, signatory: Signatory) -> list[Authority]:
    """The instruments the signer holds: their own, and the representative's if they are it."""
    held = [signatory.authority] if signatory.authority is not None else []
    held += signatory.instruments
    if party.representative is not None and _is_representative(party, signatory):
        held += party.representative.all_instruments()
    return held


def _signs_for_themselves(party: Party, signatory: Signatory) -> bool:
    """Whether an individual party signs in person: "Hj. Masitah" for "Bu Hj. Masitah (…)".

    Their representative is another person, who signs on their power of attorney.
    """
    return same_person(signatory.name, party.name)


def _missing(party: Party, form: LegalForm, signatory: Signatory) -> tuple[str, str] | None:
    """The document the signer lacks for the party's form, in both languages, or ``None``.

    An individual signing in person needs none: every adult is capable (KUHPerdata 1329);
    the NIK that identifies them is asked for apart (``individual_identified``).
    """
    needed = CAPACITY[form]
    held = {a.kind for a in _held(party, signatory)}
    if form is LegalForm.INDIVIDUAL:
        if _signs_for_themselves(party, signatory) or AuthorityKind.POWER_OF_ATTORNEY in held:
            return None
        return (f"surat kuasa dari {party.name}", f"a power of attorney from {party.name}")
    if held & needed.accepted:
        return None
    return needed.document.indonesian, needed.document.english


@AGREEMENT_RULES.rule(
    "capacity_by_legal_form",
    basis="KUHPerdata Pasal 1320 (kecakapan) dan Pasal 1792; UU 16/2001 Pasal 35; UU 40/2007 "
    "Pasal 98; UU 25/1992 Pasal 30; UU 23/2014 Pasal 65; PP 28/2018; Permendagri 22/2020",
    summary=N_(
        "Each signer holds the instrument that gives capacity for the party's legal form: "
        "the Pengurus's power of attorney for the head of a yayasan-run unit, the members' mandate "
        "for a group's chair, a delegation for a Dinas, the current directors' deed for a PT."
    ),
    english=N_(
        "The signer of {who}, {signer}, shows no capacity to bind it ({form}); attach "
        "{document} ({law})."
    ),
)
def _capacity_by_form(agreement: AgreementLike) -> Iterator[Hit]:
    for index, party in enumerate(agreement.parties):
        signatory = agreement.signatory_of(party.id)
        form = party.form
        if signatory is None or form is None:
            continue  # no signer: signatory_named says so; an unknown form: nothing to judge
        missing = _missing(party, form, signatory)
        if missing is None:
            continue
        yield Hit(
            party_id=party.id,
            path=f"signatories.{agreement.signatories.index(signatory)}.authority",
            values={
                "who": f"{party_label(index)} ({party.name})",
                "signer": signatory.name,
                "form": BilingualText.of(
                    form.label_id.lower() if form is LegalForm.FOUNDATION else form.label_id,
                    form.label_en,
                ),
                "document": BilingualText.of(*missing),
                "law": CAPACITY[form].basis,
            },
        )


@AGREEMENT_RULES.rule(
    "individual_identified",
    basis="UU 24/2013 Pasal 13 (NIK); praktik komparisi perjanjian",
    summary=N_(
        "An individual who signs in person is named in the agreement with their NIK "
        "(a caution: identity, not capacity, which every adult has)."
    ),
    english=N_(
        "{who} signs in person; an agreement names an individual by their NIK (KTP): record it."
    ),
    severity=Severity.WARNING,
)
def _individual_identified(agreement: AgreementLike) -> Iterator[Hit]:
    for index, party in enumerate(agreement.parties):
        signatory = agreement.signatory_of(party.id)
        if signatory is None or party.form is not LegalForm.INDIVIDUAL:
            continue
        rep = party.representative  # their NIK only where the representative is the person
        own = rep.nik if rep is not None and same_person(rep.name, party.name) else None
        if (party.nik or signatory.nik or own) is None and _signs_for_themselves(party, signatory):
            yield Hit(party_id=party.id, path=f"parties.{index}.nik",
                      values={"who": f"{party_label(index)} ({party.name})"})  # fmt: skip


NPWP_SIXTEEN_FROM: Final = date(2024, 7, 1)
"""The day the 16-digit NPWP took over in tax administration (PMK 136/2023)."""


@AGREEMENT_RULES.rule(
    "npwp_sixteen_digits",
    basis="PMK 112/PMK.03/2022 jo. PMK 136/2023 (NPWP 16 digit sejak 1 Juli 2024); REFERENCE",
    summary=N_(
        "A party's NPWP is written in its 16-digit form in an agreement dated from 1 July "
        "2024 (a caution: the 15-digit number still identifies the party)."
    ),
    english=N_(
        "{who} is named by its 15-digit NPWP {npwp}; since 1 July 2024 the NPWP is written "
        "with 16 digits ({sixteen} for a body; an individual resident's is their NIK)."
    ),
    severity=Severity.WARNING,
)
def _npwp_sixteen_digits(agreement: AgreementLike) -> Iterator[Hit]:
    if agreement.date < NPWP_SIXTEEN_FROM:
        return
    for index, party in enumerate(agreement.parties):
        digits = "".join(c for c in party.npwp or "" if c.isdigit())
        if len(digits) == 15:
            yield Hit(
                party_id=party.id,
                path=f"parties.{index}.npwp",
                values={
                    "who": f"{party_label(index)} ({party.name})",
                    "npwp": npwp_text(digits),
                    "sixteen": "0" + digits,
                },
            )
