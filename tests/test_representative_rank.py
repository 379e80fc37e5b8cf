"""Issue 19.4: a civil servant's pangkat/golongan under the NIP, from the representative too."""

from __future__ import annotations

from datetime import date

from kemitraan import Agreement, Institution, Partner, PartnerKind, Representative, Signatory
from kemitraan.documents import agreement_context


def test_a_representatives_rank_is_printed_under_the_signature() -> None:
    dinas = Partner(
        name="Dinas Koperasi dan UKM",
        id="dinas",
        kind=PartnerKind.GOVERNMENT,
        representative=Representative(
            name="Drs. H. Ahmad Yani, M.Si.",
            position="Kepala Dinas",
            nip="196805121993031007",
            rank="Pembina Utama Muda (IV/c)",
        ),
    )
    pkbm = Institution(name="PKBM A", id="pkbm")
    mou = Agreement(
        parties=[pkbm, dinas],
        subject="Pembinaan usaha lulusan",
        place="Martapura",
        date=date(2025, 3, 10),
        signatories=[
            Signatory(party_id="pkbm", name="Ketua A", position="Ketua"),
            Signatory(party_id="dinas", name="Drs. H. Ahmad Yani, M.Si.", position="Kepala Dinas"),
        ],
    )
    signatures = agreement_context(mou).signatures
    assert [s.rank for s in signatures] == ["", "Pembina Utama Muda (IV/c)"]
