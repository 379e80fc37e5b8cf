"""How an agreement writes its parties: a block in the opening, a column to sign in.

The block names the party's signer with position, NIP and office, then says on what
authority the signer acts and for whom ("Dalam hal ini bertindak dalam jabatannya
selaku …, untuk dan atas nama …, selanjutnya disebut PIHAK PERTAMA."); the signature
column repeats the label, the party, the position without the party's name, the signer
and the meterai box. Both in Indonesian and English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Final

from kemitraan._privacy import mask
from kemitraan.agreements import Agreement
from kemitraan.authority import Authority, AuthorityKind, LegalForm, Representative
from kemitraan.conventions import nip_text, npwp_text, party_label, phone_text, same_person
from kemitraan.documents._wording import BLANK, METERAI, Bilingual, Wording, bi
from kemitraan.parties import Institution, PartnerKind, Party

__all__ = ["annexes", "party_block", "signature"]


@dataclass(frozen=True)
class _Signer:
    """Who signs for a party, as the block and the signature column show them."""

    name: str | None
    position: str | None
    nip: str | None
    rank: str | None
    authority: Authority | None
    instruments: tuple[Authority, ...] = ()
    """What else gives the signer capacity for the party's form (a power of attorney from
    the Pengurus, the members' mandate, a delegation), printed after ``authority``."""
    nik: str | None = None
    """A signer's NIK (a group's chair, an individual), printed masked (UU 27/2022)."""

    def held(self) -> list[Authority]:
        """Every instrument the signer acts on: the authority, then the instruments."""
        return [*([self.authority] if self.authority is not None else []), *self.instruments]


def _signer(agreement: Agreement, party: Party) -> _Signer:
    signatory = agreement.signatory_of(party.id)
    rep = party.representative
    # The representative's NIP and authority are the signer's only when they are the same person.
    same = signatory is None or (rep is not None and same_person(rep.name, signatory.name))
    return _Signer(
        name=signatory.name if signatory else (rep.name if rep else None),
        position=signatory.position if signatory else (rep.position if rep else None),
        nip=(signatory.nip if signatory and signatory.nip else None)
        or (rep.nip if rep is not None and same else None),
        # the signatory's rank, else the representative's when the signatory is them
        rank=(signatory.rank if signatory and signatory.rank else None)
        or (rep.rank if rep is not None and same else None),
        authority=(signatory.authority if signatory else None)
        or (rep.authority if rep is not None and same else None),
        instruments=(
            tuple(signatory.instruments if signatory else ())
            + (tuple(rep.instruments) if rep is not None and same else ())
        ),
        nik=(mask(str(signatory.nik)) if signatory and signatory.nik else None)
        or _nik(party, rep if same else None, signatory.name if signatory else None),
    )


def _nik(party: Party, rep: Representative | None, signer: str | None) -> str | None:
    """The signer's NIK, masked: the representative's, or an individual party's own."""
    if rep is not None and rep.nik:
        return mask(str(rep.nik))
    in_person = signer is None or same_person(signer, party.name)
    if party.form is LegalForm.INDIVIDUAL and party.nik and in_person:
        return mask(str(party.nik))
    return None


def _position_en(w: Wording, party: Party, position: str) -> str:
    """A position's English; a foreign party's position stays as it was written."""
    if party.is_foreign or position == BLANK:
        return position
    return w.tr(position)


# The offices that issue decrees, in English; the rest of the issuer is a name and stays.
_OFFICES_EN: Final = (
    ("Ketua Pengurus Yayasan", "Chair of the Board of Yayasan"),
    ("Ketua Pembina Yayasan", "Chair of the Supervisory Board of Yayasan"),
    ("Pengurus Yayasan", "Board of Yayasan"),
    ("Ketua Yayasan", "Chair of Yayasan"),
    ("Wali Kota", "Mayor of"),
    ("Bupati", "Regent of"),
    ("Gubernur", "Governor of"),
    ("Kepala", "Head of"),
    ("Ketua", "Chair of"),
    ("Direktur", "Director of"),
)


def _issuer_en(w: Wording, issuer: str) -> str:
    """Who issued an authority, in English ("Chair of Yayasan Harapan Bangsa").

    The agreement's own translation wins; otherwise the office is translated and the
    name after it stays.
    """
    if issuer in w.agreement.translations:
        return w.agreement.translations[issuer]
    for office, english in _OFFICES_EN:
        if issuer.startswith(office + " "):
            return f"{english} {issuer[len(office) + 1 :]}"
    return issuer


def identifiers(party: Party) -> list[dict[str, str]]:
    """The party's registration numbers the data holds: NPSN, NIB, NPWP, in that order.

    A person's NPWP is their NIK (since 2024) and personal data: it is not printed.
    """
    found = []
    if party.npsn:
        found.append({"label": "NPSN", "value": party.npsn})
    if party.nib:
        found.append({"label": "NIB", "value": party.nib})
    if party.npwp and party.kind is not PartnerKind.COMMUNITY_FIGURE:
        found.append({"label": "NPWP", "value": npwp_text(str(party.npwp))})
    return found


def _short(position: str, institution: str) -> str:
    """The position without the party's name it ends with: ``Ketua`` of ``Ketua PKBM X``."""
    pattern = rf"(?:\s*,|\s+of|\s+)?\s*{re.escape(institution)}\s*$"
    short = re.sub(pattern, "", position, flags=re.IGNORECASE).strip(" ,")
    return short or position


# A mandate given by more members than this lists them in an annex, not in the block.
MEMBERS_IN_BLOCK: Final = 3


def _in_annex(authority: Authority) -> bool:
    return (
        authority.kind is AuthorityKind.MEMBERS_MANDATE
        and len(authority.grantors) > MEMBERS_IN_BLOCK
    )


# A regional head, and the government a delegation from them binds.
_REGIONAL_HEADS: Final = (
    ("Bupati", "Pemerintah Kabupaten", "the Regency Government of"),
    ("Wali Kota", "Pemerintah Kota", "the City Government of"),
    ("Walikota", "Pemerintah Kota", "the City Government of"),
    ("Gubernur", "Pemerintah Provinsi", "the Provincial Government of"),
)


def _government(signer: _Signer) -> Bilingual | None:
    """The regional government a signer binds on a regional head's delegation, if any.

    A Dinas is part of the regional government, not a legal person of its own; its head
    signs for the government (PP 28/2018) on the Bupati's or Wali Kota's delegation.
    """
    for authority in signer.held():
        if authority.kind is not AuthorityKind.DELEGATION or authority.issuer is None:
            continue
        for head, government, english in _REGIONAL_HEADS:
            if authority.issuer.startswith(head + " "):
                region = authority.issuer[len(head) + 1 :]
                return bi(f"{government} {region}", f"{english} {region}")
    return None


def _mandating_head(signer: _Signer) -> str | None:
    """The regional head a signer signs *atas nama* (a.n.): on their mandate, not a delegation.

    A mandate (a surat kuasa, a surat tugas) leaves the authority with the regional head,
    and the holder signs in the head's name; a delegation by regulation (a Peraturan
    Bupati) gives it to the holder, who signs in their own (UU 30/2014 Pasal 13–14).
    """
    for authority in signer.held():
        issuer = authority.issuer
        if authority.kind is AuthorityKind.DELEGATION and not authority.is_mandate:
            continue  # a delegation by regulation: signed in the holder's own name
        if issuer is None or authority.kind not in (
            AuthorityKind.DELEGATION,
            AuthorityKind.POWER_OF_ATTORNEY,
        ):
            continue
        if any(issuer.startswith(head + " ") for head, _, _ in _REGIONAL_HEADS):
            return issuer
    return None


def _clause(w: Wording, authority: Authority) -> Bilingual:
    """An instrument's clause ("berdasarkan …"), its issuer's office in English."""
    stated = authority.wording(members_listed=not _in_annex(authority))
    english = stated.english
    if authority.kind is AuthorityKind.OTHER and authority.text is not None:
        english = f"under {w.tr(authority.text)}"
    elif authority.issuer:
        issuer_en = _issuer_en(w, authority.issuer)
        english = english.replace(f"the {authority.issuer}", f"the {issuer_en}")
        if authority.kind is AuthorityKind.POWER_OF_ATTORNEY and issuer_en != authority.issuer:
            english = english.replace(f"from {authority.issuer}", f"from the {issuer_en}")
    return bi(stated.indonesian, english)


def _acting(w: Wording, party: Party, signer: _Signer, label: Bilingual) -> Bilingual:
    """How the signer acts, on what authority, and for whom: the block's last sentence.

    An official "bertindak dalam jabatannya selaku Kepala Dinas …, yang diangkat
    berdasarkan Keputusan …"; a director "selaku Direktur … berdasarkan Akta Pendirian …";
    someone else "berdasarkan Surat Kuasa …"; for a unit a yayasan runs, in the
    yayasan's name "selaku penyelenggara" of the unit.
    """
    authority = signer.authority
    position = w.blank(signer.position)
    position_en = _position_en(w, party, position)
    operator = party.operated_by if isinstance(party, Institution) else None
    numbers = ", ".join(f"{i['label']} {i['value']}" for i in identifiers(party))
    named = f"{party.name} ({numbers})" if numbers else party.name
    whom = bi(named, named)
    if operator:
        whom = bi(f"{operator} selaku penyelenggara {named}", f"{operator}, which runs {named}")
    government = _government(signer)
    if government is not None:  # a Dinas binds the regional government it is part of
        whom = bi(f"{government.indonesian} c.q. {named}", f"{government.english}, through {named}")
    instruments = list(signer.instruments)
    if authority is None and instruments:  # the first instrument states the basis
        authority = instruments.pop(0)
    if authority is None:
        missing = bi(f" berdasarkan {BLANK}", f" under {BLANK}") if w.draft else bi("", "")
        capacity = bi(
            f"dalam jabatannya selaku {position}{missing.indonesian}",
            f"in the capacity of {position_en}{missing.english}",
        )
    else:
        clause = _clause(w, authority)
        if authority.kind is AuthorityKind.POWER_OF_ATTORNEY:
            capacity = clause
        elif authority.kind is AuthorityKind.APPOINTMENT:
            capacity = bi(
                f"dalam jabatannya selaku {position}, {clause.indonesian}",
                f"in the capacity of {position_en}, {clause.english}",
            )
        elif party.form is LegalForm.PARTNERSHIP and authority.kind is AuthorityKind.DEED:
            # a CV is represented by its managing partner (KUHD Pasal 17 and 19), whatever
            # the office is called: the capacity is said, not only the title
            capacity = bi(
                f"dalam jabatannya selaku {position}, sekutu pengurus (sekutu komplementer) "
                f"yang berwenang mewakili persekutuan {clause.indonesian}",
                f"in the capacity of {position_en}, the managing (general) partner "
                f"authorised to represent the partnership, {clause.english}",
            )
        else:
            capacity = bi(
                f"dalam jabatannya selaku {position} {clause.indonesian}",
                f"in the capacity of {position_en} {clause.english}",
            )
    for instrument in instruments:  # capacity for the party's form (authority.CAPACITY)
        more = _clause(w, instrument)
        capacity = bi(
            f"{capacity.indonesian}, dan {more.indonesian}",
            f"{capacity.english}, and {more.english}",
        )
    own = signer.authority is None and not signer.instruments
    # "Hj. Masitah" signs in person for "Bu Hj. Masitah (penjahit)"
    in_person = signer.name is not None and same_person(signer.name, party.name)
    if party.form is LegalForm.INDIVIDUAL and in_person and own:
        # a person who signs for themselves acts in no office and on no one's authority
        return bi(
            f"Dalam hal ini bertindak untuk dan atas nama diri sendiri, selanjutnya disebut "
            f"{label.indonesian}.",
            f"Acting for and on their own behalf, hereinafter {label.english}.",
        )
    return bi(
        f"Dalam hal ini bertindak {capacity.indonesian}, untuk dan atas nama "
        f"{whom.indonesian}, selanjutnya disebut {label.indonesian}.",
        f"Acting {capacity.english}, for and on behalf of {whom.english}, hereinafter "
        f"{label.english}.",
    )


def party_block(w: Wording, index: int, party: Party) -> dict[str, Any]:
    signer = _signer(w.agreement, party)
    label_id, label_en = party_label(index), party_label(index, "en")
    acting = _acting(w, party, signer, bi(label_id, label_en))
    name = w.blank(signer.name)
    position = w.blank(signer.position)
    position_en = _position_en(w, party, position)
    nip = nip_text(signer.nip) if signer.nip else ""
    address = w.blank(party.address or (str(party.region) if party.region else None))
    rank = signer.rank or ""
    nik = signer.nik or ""
    nip_id = (
        (f", NIP {nip}" if nip else "")
        + (f", {rank}" if rank else "")
        + (f", NIK {nik}" if nik else "")
    )
    office = (
        bi(f", berkantor di {address}", f", with offices at {address}") if address else bi("", "")
    )
    statement = bi(
        f"{name}, {position}{nip_id}{office.indonesian}. {acting.indonesian}",
        f"{name}, {position_en}{nip_id}{office.english}. {acting.english}",
    )
    authority = signer.authority.wording() if signer.authority else bi("", "")
    contacts = [c for c in party.contacts if not c.personal]
    return {
        "index": index + 1,
        "id": party.id,
        "label": label_id,
        "label_en": label_en,
        "institution": party.name,
        "name": name,
        "position": position,
        "position_en": position_en,
        "nip": nip,
        "rank": rank,
        "nik": nik,
        "address": address,
        "authority": authority.indonesian,
        "authority_en": authority.english,
        "authority_kind": signer.authority.kind.value if signer.authority else "",
        "authority_number": (signer.authority.number or "") if signer.authority else "",
        "authority_date": signer.authority.issued_on if signer.authority else None,
        "instruments": [_clause(w, i).indonesian for i in signer.instruments],
        "instruments_en": [_clause(w, i).english for i in signer.instruments],
        "acting": acting.indonesian,
        "acting_en": acting.english,
        "statement": statement.indonesian,
        "statement_en": statement.english,
        "number": w.agreement.numbers.get(party.id, ""),
        "is_institution": isinstance(party, Institution),
        "kind": party.kind.label_id,
        "nib": party.nib or "",
        "npsn": party.npsn or "",
        "npwp": npwp_text(str(party.npwp)) if party.npwp else "",
        "identifiers": identifiers(party),
        "region": str(party.region) if party.region else "",
        "email": next((str(c.email) for c in contacts if c.email), ""),
        "phone": next((phone_text(str(c.phone)) for c in contacts if c.phone), ""),
    }


def _meterai_on(w: Wording) -> str:
    """The party on whose signature each original's one meterai is placed (UU 10/2020)."""
    chosen = w.agreement.meterai_on
    return chosen if chosen in w.agreement.party_ids else w.agreement.party_ids[0]


def signature(w: Wording, index: int, party: Party) -> dict[str, Any]:
    signer = _signer(w.agreement, party)
    signatory = w.agreement.signatory_of(party.id)
    position = w.blank(signer.position)
    position_en = _position_en(w, party, position)
    head = _mandating_head(signer)
    return {
        "label": party_label(index),
        "label_en": party_label(index, "en"),
        "on_behalf": f"a.n. {head.upper()}" if head is not None else "",
        "institution": party.name,
        "position": _short(position, party.name),
        # a position that reads the same in English (a foreign party's) is printed once
        "position_en": "" if position_en == position else _short(position_en, party.name),
        "name": w.blank(signer.name),
        "nip": f"NIP {nip_text(signer.nip)}" if signer.nip else "",
        "rank": signer.rank or "",
        "meterai": METERAI if party.id == _meterai_on(w) else "",
        "signed_on": signatory.signed_on if signatory else None,
        "signed_at": (signatory.signed_at or "") if signatory else "",
    }


def annexes(w: Wording) -> list[dict[str, Any]]:
    """The annexes (Lampiran) the party blocks refer to: the members who gave a mandate.

    A KUBE's chair binds it on its members' mandate; a mandate of more than
    :data:`MEMBERS_IN_BLOCK` members names them here, each NIK masked (UU 27/2022).
    """
    found = []
    doc, kind = w.doc, w.agreement.kind
    for index, party in enumerate(w.agreement.parties):
        signer = _signer(w.agreement, party)
        for mandate in (a for a in signer.held() if _in_annex(a)):
            cited = mandate.cited()
            who = f"{w.blank(signer.name)}, {w.blank(signer.position)}"
            issuer = mandate.issuer or party.name
            found.append(
                {
                    "label": party_label(index),
                    "heading": f"LAMPIRAN {kind.label_id.upper()}",
                    "heading_en": f"ANNEX TO THE {kind.label_en.upper()}",
                    "title": f"DAFTAR ANGGOTA {issuer.upper()} PEMBERI MANDAT",
                    "title_en": f"MEMBERS OF {issuer.upper()} WHO GAVE THE MANDATE",
                    "intro": (
                        f"Anggota {issuer} yang memberikan mandat kepada {who}, untuk bertindak "
                        f"untuk dan atas nama {issuer} selaku {party_label(index)} dalam "
                        f"{doc.indonesian} ini, dalam {cited.indonesian}:"
                    ),
                    "intro_en": (
                        f"The members of {issuer} who mandated {who} to act for and on behalf "
                        f"of {issuer} as {party_label(index, 'en')} in {doc.english}, in the "
                        f"{cited.english}:"
                    ),
                    "members": [
                        {
                            "number": n,
                            "name": g.name,
                            "nik": mask(str(g.nik)) if g.nik else "-",
                        }
                        for n, g in enumerate(mandate.grantors, 1)
                    ],
                }
            )
    return found
