"""Capacity by legal form (KUHPerdata 1320): one row per form, through the public API.

For each kind of party — a yayasan, a PKBM a yayasan runs, a PT, a CV, a koperasi, a KUBE, a
Dinas, a person — a signer without the instrument its form needs makes ``check()`` refuse the
text with an error naming the document; with it there is no such error, and the rendered
agreement prints the instrument in the party's block.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import docx
import pytest

from kemitraan import (
    Agreement,
    Authority,
    Institution,
    Partner,
    PartnerKind,
    PartyRole,
    Representative,
    Signatory,
    Term,
    render_document,
)
from kemitraan.authority import CAPACITY, AuthorityKind, Grantor, LegalForm
from kemitraan.conventions import same_person
from kemitraan.documents import missing_translations
from kemitraan.exceptions import AgreementNotReadyError
from kemitraan.findings import Severity

ON = date(2025, 2, 24)
NOTARY = "Hj. Rahmah, S.H., M.Kn."
NIK = "6303014703850002"
MEMBERS = [Grantor(name="Normasari", nik=NIK), Grantor(name="Mariani")]

# The first party, an education unit run by nobody named: its form is not judged.
HOST = Institution(
    name="SKB Martapura",
    id="skb",
    representative=Representative(name="Kepala SKB", position="Kepala SKB Martapura"),
)


@dataclass(frozen=True)
class Row:
    """One legal form: the party, the instrument that gives capacity, and how it reads."""

    form: LegalForm
    party: Institution | Partner
    instrument: Authority | None  # None: the party's own NIK (a person signing for themselves)
    missing: str  # words of the document the error names
    printed: str  # words the party block prints with the instrument


def _partner(name: str, kind: PartnerKind, position: str, **more: Any) -> Partner:
    return Partner(
        name=name,
        kind=kind,
        representative=Representative(name="Penanda Tangan", position=position),
        **more,
    )


ROWS = [
    Row(
        LegalForm.FOUNDATION,
        _partner("Yayasan Peduli Banua", PartnerKind.FOUNDATION, "Ketua Pengurus"),
        Authority(kind=AuthorityKind.BYLAWS, issuer="Yayasan Peduli Banua"),
        "akta pendirian atau anggaran dasar yayasan yang menunjuk Pengurus",
        "berdasarkan Anggaran Dasar Yayasan Peduli Banua, untuk dan atas nama Yayasan Peduli Banua",
    ),
    Row(
        LegalForm.FOUNDATION_UNIT,
        Institution(
            name="PKBM Harapan Bangsa",
            operated_by="Yayasan Harapan Bangsa",
            representative=Representative(
                name="Penanda Tangan",
                position="Ketua PKBM Harapan Bangsa",
                authority=Authority(
                    kind=AuthorityKind.FOUNDATION_DECREE,
                    issuer="Ketua Yayasan Harapan Bangsa",
                    number="03/YHB/I/2023",
                ),
            ),
        ),
        Authority(
            kind=AuthorityKind.POWER_OF_ATTORNEY,
            issuer="Pengurus Yayasan Harapan Bangsa",
            number="05/YHB/II/2025",
            issued_on=ON,
        ),
        "surat kuasa dari Pengurus yayasan penyelenggara",
        "berdasarkan Surat Keputusan Ketua Yayasan Harapan Bangsa Nomor 03/YHB/I/2023, dan "
        "berdasarkan Surat Kuasa Nomor 05/YHB/II/2025 tanggal 24 Februari 2025 dari Pengurus "
        "Yayasan Harapan Bangsa, untuk dan atas nama Yayasan Harapan Bangsa selaku penyelenggara "
        "PKBM Harapan Bangsa",
    ),
    Row(
        LegalForm.LIMITED_COMPANY,
        _partner("PT Borneo Kriya", PartnerKind.BUSINESS, "Direktur Utama"),
        Authority(
            kind=AuthorityKind.DIRECTORS_DEED,
            issuer="PT Borneo Kriya",
            number="7",
            issued_on=ON,
            notary=NOTARY,
            approval="AHU-AH.01.09-0012345",
        ),
        "akta yang memuat susunan Direksi yang sedang menjabat",
        "berdasarkan Akta Perubahan PT Borneo Kriya Nomor 7 tanggal 24 Februari 2025 yang dibuat "
        f"di hadapan Notaris {NOTARY} tentang susunan anggota Direksi, yang telah memperoleh "
        "persetujuan atau penerimaan pemberitahuan Menteri Hukum Nomor AHU-AH.01.09-0012345",
    ),
    Row(
        LegalForm.PARTNERSHIP,
        _partner("CV Kriya Banua", PartnerKind.BUSINESS, "Direktur"),
        Authority(kind=AuthorityKind.DEED, issuer="CV Kriya Banua", number="21", notary=NOTARY),
        "akta pendirian persekutuan beserta perubahannya",
        # the capacity, not only the title: a CV acts through its managing partner (KUHD 17, 19)
        f"selaku Direktur, sekutu pengurus (sekutu komplementer) yang berwenang mewakili "
        f"persekutuan berdasarkan Akta Pendirian CV Kriya Banua Nomor 21 yang dibuat di hadapan "
        f"Notaris {NOTARY} beserta perubahannya",
    ),
    Row(
        LegalForm.COOPERATIVE,
        _partner("Koperasi Wanita Sejahtera", PartnerKind.COOPERATIVE, "Ketua Pengurus"),
        Authority(kind=AuthorityKind.BYLAWS, issuer="Koperasi Wanita Sejahtera"),
        "anggaran dasar koperasi yang menunjuk Pengurus",
        "berdasarkan Anggaran Dasar Koperasi Wanita Sejahtera",
    ),
    Row(
        LegalForm.GROUP,
        _partner("KUBE Rajut Lestari", PartnerKind.COMMUNITY_GROUP, "Ketua KUBE Rajut Lestari"),
        Authority(
            kind=AuthorityKind.MEMBERS_MANDATE,
            issuer="KUBE Rajut Lestari",
            number="02/KUBE-RL/II/2025",
            issued_on=ON,
            grantors=MEMBERS,
        ),
        "mandat anggota",
        "berdasarkan mandat anggota KUBE Rajut Lestari dalam Berita Acara Rapat Anggota Nomor "
        "02/KUBE-RL/II/2025 tanggal 24 Februari 2025, yang diberikan oleh 2 (dua) anggota, yaitu "
        "Normasari (NIK 6303********0002) dan Mariani",
    ),
    Row(
        LegalForm.GOVERNMENT,
        Partner(
            name="Dinas Koperasi Kabupaten Banjar",
            kind=PartnerKind.GOVERNMENT,
            representative=Representative(
                name="Penanda Tangan",
                position="Kepala Dinas Koperasi Kabupaten Banjar",
                nip="197001011995031001",
                authority=Authority(
                    kind=AuthorityKind.APPOINTMENT, issuer="Bupati Banjar", number="821.2/045"
                ),
            ),
        ),
        Authority(
            kind=AuthorityKind.DELEGATION,
            issuer="Bupati Banjar",
            document="Surat Tugas",
            number="180/017/HUK/2025",
            issued_on=ON,
        ),
        "pelimpahan wewenang dari Bupati/Wali Kota",
        "yang diangkat berdasarkan Keputusan Bupati Banjar Nomor 821.2/045, dan berdasarkan "
        "mandat dari Bupati Banjar dengan Surat Tugas Nomor 180/017/HUK/2025 tanggal "
        "24 Februari 2025, untuk dan atas nama Pemerintah Kabupaten Banjar c.q. Dinas Koperasi "
        "Kabupaten Banjar",
    ),
    Row(
        LegalForm.VILLAGE,
        Partner(
            name="Pemerintah Desa Sungai Tabuk",
            kind=PartnerKind.GOVERNMENT,
            representative=Representative(name="Ahmad Fauzi", position="Kepala Desa Sungai Tabuk"),
        ),
        Authority(
            kind=AuthorityKind.APPOINTMENT,
            issuer="Bupati Banjar",
            number="188.45/123/KUM/2022",
            issued_on=ON,
        ),
        "pengangkatan Kepala Desa",
        "bertindak dalam jabatannya selaku Kepala Desa Sungai Tabuk, yang diangkat berdasarkan "
        "Keputusan Bupati Banjar Nomor 188.45/123/KUM/2022 tanggal 24 Februari 2025, untuk dan "
        "atas nama Pemerintah Desa Sungai Tabuk",
    ),
]

PERSON = Row(
    LegalForm.INDIVIDUAL,
    Partner(name="Hj. Norhayati", kind=PartnerKind.COMMUNITY_FIGURE),
    None,
    "NIK (KTP)",
    "Dalam hal ini bertindak untuk dan atas nama diri sendiri, selanjutnya disebut PIHAK KEDUA.",
)
"""A person signing in person: capable as every adult is (KUHPerdata 1329), no instrument."""


def _signer(row: Row, given: bool) -> Signatory:
    party = row.party
    rep = party.representative
    name, position = (rep.name, rep.position) if rep else (party.name, "Tokoh masyarakat")
    held = [row.instrument] if given and row.instrument is not None else []
    return Signatory(party_id=party.id, name=name, position=position, instruments=held)


def _agreement(row: Row, given: bool) -> Agreement:
    party = row.party
    if row.instrument is None and given:  # a person proves who they are by their NIK
        party = party.model_copy(update={"nik": NIK})
    return Agreement(
        parties=[HOST, party],
        numbers={HOST.id: "1/SKB/2025", party.id: "2/X/2025"},
        subject="Pemasaran tas rajut",
        place="Martapura",
        date=date(2025, 3, 10),
        considerations=["PIHAK PERTAMA menyelenggarakan PKW"],
        scope=["Pemasaran"],
        no_pattern_reason="Kerja sama pembinaan",
        roles=[
            PartyRole(party_id=HOST.id, role="Penyelenggara", responsibilities=["Melatih"]),
            PartyRole(party_id=party.id, role="Mitra", responsibilities=["Membina"]),
        ],
        term=Term(start=date(2025, 3, 10), end=date(2026, 3, 9)),
        signatories=[
            Signatory(party_id=HOST.id, name="Kepala SKB", position="Kepala SKB Martapura"),
            _signer(row, given),
        ],
    )


def _capacity_errors(agreement: Agreement) -> list[Any]:
    return [
        f
        for f in agreement.check()
        if f.code == "capacity_by_legal_form" and f.severity is Severity.ERROR
    ]


IDS = [row.form.value for row in ROWS]


def test_every_legal_form_has_a_row_and_a_declared_capacity() -> None:
    assert {row.form for row in [*ROWS, PERSON]} == set(LegalForm) == set(CAPACITY)


@pytest.mark.parametrize("row", [*ROWS, PERSON], ids=[*IDS, "individual"])
def test_the_form_is_read_from_the_party(row: Row) -> None:
    assert row.party.form is row.form


@pytest.mark.parametrize("row", ROWS, ids=IDS)
def test_a_signer_without_the_instrument_is_refused_naming_the_document(row: Row) -> None:
    agreement = _agreement(row, given=False)
    (error,) = _capacity_errors(agreement)
    assert error.party_id == row.party.id
    assert row.missing in error.message.indonesian
    assert "PIHAK KEDUA" in error.message.indonesian
    assert CAPACITY[row.form].basis in error.message.indonesian  # the law it rests on
    assert "KUHPerdata Pasal 1320" in error.basis
    with pytest.raises(AgreementNotReadyError):  # a final text is refused; a draft is not
        render_document(agreement)


@pytest.mark.parametrize("row", [*ROWS, PERSON], ids=[*IDS, "individual"])
def test_a_signer_with_the_instrument_has_capacity(row: Row) -> None:
    assert _capacity_errors(_agreement(row, given=True)) == []


@pytest.mark.parametrize("row", [*ROWS, PERSON], ids=[*IDS, "individual"])
def test_the_party_block_prints_the_instrument(row: Row) -> None:
    data = render_document(_agreement(row, given=True))
    paragraphs = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    (block,) = [p for p in paragraphs if p.endswith("selanjutnya disebut PIHAK KEDUA.")]
    assert row.printed in block
    assert NIK not in "\n".join(paragraphs)  # a NIK is printed masked, if at all


def test_a_kube_chair_and_a_person_show_their_nik_masked() -> None:
    kube = next(row for row in ROWS if row.form is LegalForm.GROUP)
    agreement = _agreement(kube, given=True)
    chair = agreement.signatories[1].model_copy(update={"nik": NIK})
    agreement = agreement.model_copy(update={"signatories": [agreement.signatories[0], chair]})
    lines = [p.text for p in docx.Document(io.BytesIO(render_document(agreement))).paragraphs]
    assert "\tNIK\t:\t6303********0002" in lines
    person = PERSON
    lines = [
        p.text
        for p in docx.Document(io.BytesIO(render_document(_agreement(person, True)))).paragraphs
    ]
    assert "\tNIK\t:\t6303********0002" in lines


def _signed_for(party: Partner, signer: Signatory) -> Agreement:
    """The SKB's agreement with ``party`` (id ``orang``), signed for it by ``signer``."""
    agreement = _agreement(PERSON, given=False)
    roles = [agreement.roles[0], agreement.roles[1].model_copy(update={"party_id": "orang"})]
    return agreement.model_copy(
        update={
            "parties": [HOST, party],
            "numbers": {HOST.id: "1/SKB/2025", "orang": "2/X/2025"},
            "roles": roles,
            "signatories": [agreement.signatories[0], signer],
        }
    )


@pytest.mark.parametrize(
    ("party_name", "signer_name"),
    [
        ("Hj. Norhayati", "Hj. Norhayati"),
        ("Bu Hj. Norhayati (penjahit)", "Hj. Norhayati"),  # the same woman, written two ways
        ("H. Abdul Rahman, S.Pd.", "Abdul Rahman"),
    ],
)
def test_a_person_signing_in_person_is_capable_and_asked_only_for_their_nik(
    party_name: str, signer_name: str
) -> None:
    """KUHPerdata 1329: every adult is capable; the NIK identifies, it gives no capacity."""
    party = Partner(name=party_name, id="orang", kind=PartnerKind.COMMUNITY_FIGURE)
    signer = Signatory(party_id="orang", name=signer_name, position="Tokoh masyarakat")
    agreement = _signed_for(party, signer)
    assert _capacity_errors(agreement) == []
    (caution,) = [f for f in agreement.check() if f.code == "individual_identified"]
    assert caution.severity is Severity.WARNING
    assert "NIK (KTP)" in caution.message.indonesian
    assert "NIK (KTP)" in caution.message.english
    data = render_document(agreement)  # a caution does not hold the final text back
    paragraphs = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    (block,) = [p for p in paragraphs if p.endswith("selanjutnya disebut PIHAK KEDUA.")]
    assert "bertindak untuk dan atas nama diri sendiri" in block
    identified = agreement.model_copy(
        update={"parties": [HOST, party.model_copy(update={"nik": NIK})]}
    )
    assert "individual_identified" not in [f.code for f in identified.check()]


def test_someone_signing_for_a_person_needs_their_power_of_attorney() -> None:
    person = PERSON
    agreement = _agreement(person, given=True)
    other = Signatory(party_id=person.party.id, name="Anak Hj. Norhayati", position="Kuasa")
    agreement = agreement.model_copy(update={"signatories": [agreement.signatories[0], other]})
    (error,) = _capacity_errors(agreement)
    assert "surat kuasa dari Hj. Norhayati" in error.message.indonesian
    attorney = Authority(kind=AuthorityKind.POWER_OF_ATTORNEY, issuer="Hj. Norhayati")
    other = other.model_copy(update={"authority": attorney})
    agreement = agreement.model_copy(update={"signatories": [agreement.signatories[0], other]})
    assert _capacity_errors(agreement) == []


def test_a_stated_legal_form_wins_over_the_kind() -> None:
    shop = Partner(name="Toko Oleh-oleh Banjar", kind=PartnerKind.BUSINESS)
    assert shop.form is None  # neither "PT" nor "CV": not judged
    assert shop.model_copy(update={"legal_form": LegalForm.INDIVIDUAL}).form is LegalForm.INDIVIDUAL


def test_the_english_message_names_the_document_too() -> None:
    dinas = next(row for row in ROWS if row.form is LegalForm.GOVERNMENT)
    (error,) = _capacity_errors(_agreement(dinas, given=False))
    assert "a delegation from the Regent or Mayor" in error.message.english


def test_a_mandate_of_many_members_lists_them_in_an_annex() -> None:
    kube = next(row for row in ROWS if row.form is LegalForm.GROUP)
    many = [Grantor(name=f"Anggota {n}", nik=f"63030147038500{n:02d}") for n in range(1, 6)]
    assert kube.instrument is not None
    mandate = kube.instrument.model_copy(update={"grantors": many})
    agreement = _agreement(kube, given=True)
    signer = agreement.signatories[1].model_copy(update={"instruments": [mandate]})
    agreement = agreement.model_copy(update={"signatories": [agreement.signatories[0], signer]})
    document = docx.Document(io.BytesIO(render_document(agreement)))
    paragraphs = [p.text for p in document.paragraphs]
    (block,) = [p for p in paragraphs if p.endswith("selanjutnya disebut PIHAK KEDUA.")]
    assert "yang diberikan oleh 5 (lima) anggota sebagaimana tercantum dalam Lampiran" in block
    assert "Anggota 1" not in block
    assert "LAMPIRAN NOTA KESEPAHAMAN" in paragraphs
    assert "DAFTAR ANGGOTA KUBE RAJUT LESTARI PEMBERI MANDAT" in paragraphs
    rows = [[c.text for c in r.cells] for r in document.tables[-1].rows]
    assert rows[0] == ["No.", "Nama", "NIK"]
    assert rows[1:] == [[str(n), f"Anggota {n}", f"6303********00{n:02d}"] for n in range(1, 6)]
    # the English text says the same beside it
    english = agreement.model_copy(update={"languages": ["id", "en"], "prevailing_language": "id"})
    said = {text: f"[en] {text}" for text in missing_translations(english)}
    english = english.model_copy(update={"translations": said})
    lines = [
        p.text for p in docx.Document(io.BytesIO(render_document(english, draft=True))).paragraphs
    ]
    assert "MEMBERS OF KUBE RAJUT LESTARI WHO GAVE THE MANDATE" in lines


@pytest.mark.parametrize("name", [".", " . ", "..", "PT.", "pt. Borneo Craft"])
def test_a_name_of_dots_implies_no_form(name: str) -> None:
    # found by the deep Hypothesis profile: a name of dots alone raised IndexError
    implied = LegalForm.implied("business", name, None)
    assert implied is (LegalForm.LIMITED_COMPANY if name.strip(" .") else None)


@pytest.mark.parametrize(
    ("document", "on_behalf"),
    [
        ("Surat Tugas", True),  # a mandate: signed in the Bupati's name (UU 30/2014 Pasal 14)
        ("Surat Kuasa", True),
        ("Peraturan Bupati", False),  # a delegation by regulation: in the holder's own name
    ],
)
def test_a_kepala_dinas_on_a_mandate_signs_in_the_regional_heads_name(
    document: str, on_behalf: bool
) -> None:
    dinas = next(row for row in ROWS if row.form is LegalForm.GOVERNMENT)
    assert dinas.instrument is not None
    instrument = dinas.instrument.model_copy(update={"document": document})
    agreement = _agreement(dinas, given=True)
    signer = agreement.signatories[1].model_copy(update={"instruments": [instrument]})
    agreement = agreement.model_copy(update={"signatories": [agreement.signatories[0], signer]})
    document_ = docx.Document(io.BytesIO(render_document(agreement)))
    cells = [c.text for t in document_.tables for row in t.rows for c in row.cells]
    assert ("a.n. BUPATI BANJAR" in cells) is on_behalf
    # the party's block says the same: a mandate, or a delegation of the authority itself
    body = " ".join(p.text for p in document_.paragraphs)
    basis = "mandat dari" if on_behalf else "pelimpahan wewenang dari"
    assert f"berdasarkan {basis} Bupati Banjar dengan {document} Nomor" in body
    if on_behalf:  # above the office, below the party's label
        tables = document_.tables
        signature = next(t for t in tables if any(c.text == "PIHAK KEDUA," for c in t._cells))
        texts = [c.text for c in signature.columns[-1].cells if c.text]
        assert texts[texts.index("a.n. BUPATI BANJAR") - 1] == "PIHAK KEDUA,"


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("Bu Hj. Masitah (penjahit)", "Hj. Masitah", True),
        ("H. Abdul Rahman, S.Pd.", "Abdul Rahman", True),
        ("Abdul Rahman S.Pd.", "Abdul Rahman", True),  # a degree without a comma
        ("K.H. Ahmad Zaini", "Ahmad Zaini", True),
        ("Hj.Siti Aminah", "Siti Aminah", True),  # a title glued to the name
        ("Dr.Ir. Sutrisno", "Sutrisno", True),
        ("Ustadz Hasan", "Hasan", True),
        ("Rina, SE, MM", "Rina", True),
        ("Bu Ahmad", "Pak Ahmad", False),  # Pak Ahmad's wife
        ("Ibu Hj. Ahmad", "H. Ahmad", False),
        ("Masitah, Siti", "Masitah, Rina", False),  # a name after a comma is a name
        ("(Masitah)", "(Rina)", False),  # only a note: nobody
        ("Ahmad", "Ahmad Yani", False),
    ],
)
def test_one_person_written_two_ways_and_two_people_alike(one: str, other: str, same: bool) -> None:
    assert same_person(one, other) is same
    assert same_person(other, one) is same


def test_an_individuals_representative_signs_on_their_power_of_attorney() -> None:
    """The representative of a person is another person: capacity is not theirs to assume."""
    person = Partner(
        name="Hj. Norhayati",
        id="orang",
        kind=PartnerKind.COMMUNITY_FIGURE,
        representative=Representative(name="Rahmat", position="Anak Hj. Norhayati"),
    )
    signer = Signatory(party_id="orang", name="Rahmat", position="Wakil")
    agreement = _signed_for(person, signer)
    (error,) = _capacity_errors(agreement)
    assert "surat kuasa dari Hj. Norhayati" in error.message.indonesian
    assert "individual_identified" not in [f.code for f in agreement.check()]


def test_the_representatives_instruments_count_and_print_as_one_person_written_two_ways() -> None:
    """What the check credits the signer with, the party block prints."""
    dinas = next(row for row in ROWS if row.form is LegalForm.GOVERNMENT)
    assert dinas.instrument is not None
    rep = dinas.party.representative
    assert rep is not None
    titled = rep.model_copy(
        update={"name": "Drs. H. Penanda Tangan, M.Si.", "instruments": [dinas.instrument]}
    )
    party = dinas.party.model_copy(update={"representative": titled})
    agreement = _agreement(dinas, given=False)
    signer = Signatory(party_id=party.id, name="H. Penanda Tangan", position=rep.position)
    agreement = agreement.model_copy(
        update={"parties": [HOST, party], "signatories": [agreement.signatories[0], signer]}
    )
    codes = [f.code for f in agreement.check()]
    assert "capacity_by_legal_form" not in codes
    assert "signatory_not_representative" not in codes
    paragraphs = [p.text for p in docx.Document(io.BytesIO(render_document(agreement))).paragraphs]
    (block,) = [p for p in paragraphs if p.endswith("selanjutnya disebut PIHAK KEDUA.")]
    assert "180/017/HUK/2025" in block  # the delegation the check relied on
    assert "\tNIP\t:\t19700101 199503 1 001" in paragraphs


def test_a_representatives_nik_does_not_identify_the_person_they_represent() -> None:
    person = Partner(
        name="Hj. Norhayati",
        id="orang",
        kind=PartnerKind.COMMUNITY_FIGURE,
        representative=Representative(name="Rahmat", position="Anak", nik="6303014703850002"),
    )
    signer = Signatory(party_id="orang", name="Hj. Norhayati", position="Tokoh masyarakat")
    agreement = _signed_for(person, signer)
    assert _capacity_errors(agreement) == []
    assert "individual_identified" in [f.code for f in agreement.check()]


def test_an_error_that_will_stop_the_signatures_is_a_caution_before_signing_day() -> None:
    # the facilitator's review: step 6 to 7 passed without a word, and every signature was
    # then refused on signing day for the chair's missing mandate
    from kemitraan import Stage
    from seed import at_stage

    p = at_stage(Stage.AGREEMENT, recorded=True)
    assert [c.code for c in p.cautions()] == []
    mou = p.agreement
    assert mou is not None
    kube = "kube-rajut-lestari"
    i = next(i for i, party in enumerate(mou.parties) if party.id == kube)
    representative = mou.parties[i].representative
    assert representative is not None
    mou.parties[i].representative = representative.model_copy(
        update={"authority": None, "instruments": []}
    )
    j = next(j for j, s in enumerate(mou.signatories) if s.party_id == kube)
    mou.signatories[j] = mou.signatories[j].model_copy(update={"instruments": []})
    (caution,) = p.cautions()
    assert caution.code == "ready_to_sign"
    assert "perbaiki sebelum hari penandatanganan" in caution.message.indonesian
    assert "anggota" in caution.message.indonesian  # names the mandate to bring
    assert p.unmet_requirements() == []  # a caution: the move is still allowed
    p.advance(at=datetime(2025, 3, 5, tzinfo=UTC))
    assert p.stage is Stage.SIGNING


@pytest.mark.parametrize(
    ("npwp", "on", "cautioned"),
    [
        ("01.312.166.0-091.000", date(2025, 3, 10), True),  # 15 digits after 1 July 2024
        ("01.312.166.0-091.000", date(2024, 7, 1), True),
        ("01.312.166.0-091.000", date(2024, 6, 30), False),  # before: either form
        ("0013121660091000", date(2025, 3, 10), False),  # the 16-digit form
    ],
)
def test_a_fifteen_digit_npwp_is_a_caution_from_july_2024(
    npwp: str, on: date, cautioned: bool
) -> None:
    row = next(r for r in ROWS if r.form is LegalForm.PARTNERSHIP)  # a CV
    agreement = _agreement(row, given=True)
    cv = agreement.parties[1].model_copy(update={"npwp": npwp})
    agreement = agreement.model_copy(update={"parties": [agreement.parties[0], cv], "date": on})
    found = [f for f in agreement.check() if f.code == "npwp_sixteen_digits"]
    assert bool(found) is cautioned
    if cautioned:
        [finding] = found
        assert finding.severity is Severity.WARNING
        assert finding.message.indonesian == (
            f"PIHAK KEDUA ({cv.name}) disebut dengan NPWP 15 angka 01.312.166.0-091.000; sejak "
            "1 Juli 2024 NPWP ditulis 16 angka (0013121660091000 untuk badan; bagi orang "
            "pribadi penduduk, NIK-nya)."
        )
