"""Every list an agreement turns into a sentence reads right with one, two and many items.

A list of one is said in its lead-in's own sentence (no lone "a."), joined by the word
the lead-in needs: straight on after "apabila", "berhak" or "meliputi", "yaitu" where
the lead-in announced a list, "adalah" after a subject. Two items are joined with
"dan" ("and"), more with commas before it. English says "the other PARTY" when there
are two parties.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from kemitraan import (
    Agreement,
    AgreementKind,
    Institution,
    Partner,
    PartnerKind,
    PartyRole,
    Representative,
    Signatory,
    Term,
)
from kemitraan.documents import agreement_context, missing_translations
from kemitraan.documents._wording import Para, Wording, bi, inline, join
from kemitraan.pattern_terms import GeneralTradeTerms, TradedGood
from kemitraan.provisions import (
    Breach,
    Definition,
    DisputeSettlement,
    ForceMajeure,
    Funding,
    MonitoringArrangement,
    Termination,
)

WORDS = ["satu", "dua", "tiga", "empat"]


@pytest.mark.parametrize(
    ("items", "indonesian", "english"),
    [
        ([], "", ""),
        (["a"], "a", "a"),
        (["a", "b"], "a dan b", "a and b"),
        (["a", "b", "c"], "a, b dan c", "a, b, and c"),
        (["a", "b", "c", "d"], "a, b, c dan d", "a, b, c, and d"),
    ],
)
def test_join_one_two_and_many(items: list[str], indonesian: str, english: str) -> None:
    assert join(items, "dan") == indonesian
    assert join(items, "and") == english


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        ("PKS ini dapat diakhiri apabila:", "PKS ini dapat diakhiri apabila ada wanprestasi."),
        ("PIHAK KEDUA berhak:", "PIHAK KEDUA berhak ada wanprestasi."),
        ("Ruang lingkup PKS ini meliputi:", "Ruang lingkup PKS ini meliputi ada wanprestasi."),
        ("Tujuan PKS ini adalah:", "Tujuan PKS ini adalah ada wanprestasi."),
        (
            "Rencana kerja memuat kegiatan sebagai berikut:",
            "Rencana kerja memuat kegiatan, yaitu ada wanprestasi.",
        ),
        ("Disampaikan ke alamat berikut:", "Disampaikan ke alamat, yaitu ada wanprestasi."),
        ("Barang yang diperdagangkan:", "Barang yang diperdagangkan adalah ada wanprestasi."),
        ("Dipasok sesuai mutu, yaitu:", "Dipasok sesuai mutu, yaitu ada wanprestasi."),
    ],
)
def test_a_list_of_one_is_one_sentence(lead: str, expected: str) -> None:
    para = inline(Para(bi(lead, "It may end if:"), [bi("Ada wanprestasi", "Any breach")]))
    assert para.items == []
    assert para.text.indonesian == expected
    assert para.text.english == "It may end if any breach."


def _parties(count: int) -> list[Any]:
    first = Institution(
        name="PKBM A",
        address="Jl. A",
        representative=Representative(name="Ketua A", position="Ketua PKBM A"),
    )
    others = [
        Partner(
            name=f"CV {chr(ord('B') + i)}",
            kind=PartnerKind.BUSINESS,
            address=f"Jl. {i}",
            representative=Representative(name=f"Direktur {i}", position="Direktur"),
        )
        for i in range(count - 1)
    ]
    return [first, *others]


def _agreement(n: int, parties: int = 3, *, bilingual: bool = False) -> Agreement:
    """A PKS whose every list has ``n`` items."""
    people = _parties(parties)
    ids = [p.id for p in people]
    items = WORDS[:n]
    pks = Agreement(
        kind=AgreementKind.PKS,
        parties=people,
        numbers={pid: f"{i}/X" for i, pid in enumerate(ids)},
        subject="Pemasaran",
        place="Martapura",
        date=date(2025, 3, 10),
        considerations=[f"pertimbangan {w}" for w in items],
        purpose="Memasarkan tas",
        objectives=[f"tujuan {w}" for w in items],
        scope=[f"lingkup {w}" for w in items],
        definitions=[Definition(term=f"Istilah{w.title()}", meaning=f"arti {w}") for w in items],
        roles=[
            PartyRole(
                party_id=pid,
                role="Pelaksana",
                rights=[f"hak {w}" for w in items],
                responsibilities=[f"kewajiban {w}" for w in items],
            )
            for pid in ids
        ],
        pattern=GeneralTradeTerms(
            buyer=ids[-1],
            supplier=ids[0],
            goods=[TradedGood(name=f"barang {w}", unit="buah") for w in items],
            quality_requirements=[f"mutu {w}" for w in items],
        ),
        financing=[Funding(source_party_id=pid, amount=Decimal(1000)) for pid in ids[:n]],
        monitoring=MonitoringArrangement(methods=[f"cara {w}" for w in items]),
        term=Term(start=date(2025, 3, 10), end=date(2026, 3, 9)),
        termination=Termination(grounds=[f"alasan {w}" for w in items]),
        breach=Breach(consequences=[f"akibat {w}" for w in items]),
        force_majeure=ForceMajeure(events=[f"peristiwa {w}" for w in items]),
        dispute_settlement=DisputeSettlement(venue="Pengadilan Negeri Martapura"),
        signatories=[
            Signatory(party_id=p.id, name=p.representative.name, position="Ketua") for p in people
        ],
    )
    if not bilingual:
        return pks
    pks = pks.model_copy(update={"languages": ["id", "en"], "prevailing_language": "id"})
    missing = missing_translations(pks)
    return pks.model_copy(update={"translations": {t: f"en {t}" for t in missing}})


def _sentences(context: Any, english: bool = False) -> list[str]:
    said = []
    for article in context.articles:
        for para in article.paragraphs:
            said.append(para.text_en if english else para.text)
            said += [p.text_en if english else p.text for p in para.points]
    return said


@pytest.mark.parametrize("n", [1, 2, 3])
def test_every_list_in_an_agreement_reads_right(n: int) -> None:
    context = agreement_context(_agreement(n, bilingual=True))
    said = _sentences(context)
    said_en = _sentences(context, english=True)
    for article in context.articles:
        for para in article.paragraphs:
            assert len(para.points) != 1, para.text  # a lone "a." is never printed
    whole = "\n".join(said)
    for wrong in (" adalah adalah", "apabila adalah", "yaitu adalah", "berikut adalah", ": ."):
        assert wrong not in whole
    assert "\n".join(said_en).count(": :") == 0
    if n == 1:
        ended = "sebelum jangka waktunya berakhir apabila alasan satu."
        assert any(s.endswith(ended) for s in said)
        assert any(s.endswith("berhak hak satu.") for s in said)
        assert any(s.endswith("meliputi lingkup satu.") for s in said)
        assert any(s.endswith("if en alasan satu.") for s in said_en)
        assert any("The objective of this Cooperation Agreement is" in s for s in said_en)
        assert any("antara lain peristiwa satu." in s for s in said)
    else:
        events = join([f"peristiwa {w}" for w in WORDS[:n]], "dan")
        assert any(f"antara lain {events}." in s for s in said)
        grounds = [p for s in context.articles for p in s.paragraphs if "apabila:" in p.text]
        assert [pt.text for pt in grounds[0].points][-1] == f"alasan {WORDS[n - 1]}."


@pytest.mark.parametrize(("parties", "others"), [(2, "the other PARTY "), (3, "the other PARTIES")])
def test_the_other_party_agrees_in_number(parties: int, others: str) -> None:
    context = agreement_context(_agreement(2, parties, bilingual=True))
    english = "\n".join(_sentences(context, english=True))
    assert others in english
    if parties == 2:
        assert "other PARTIES" not in english
    wording = Wording(_agreement(2, parties), bilingual=False)
    assert wording.others.indonesian == "PIHAK lainnya"
