"""Short plain text for WhatsApp: bounded, plain, Indonesian first, pinned for the seed."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from hypothesis import given, strategies as st

from kemitraan import Partnership, Stage, UnknownPartyError
from kemitraan.briefs import MAX_BRIEF, partner_brief, partnership_brief
from seed import at_stage

ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
MARKUP = ("|", "*", "#", "_", "\n", "\t", "<", ">")
ON = date(2026, 4, 20)


def _second_year() -> Partnership:
    return at_stage(Stage.IMPLEMENTATION, cycle=2, recorded=True)


def test_the_seed_briefs_read_as_a_facilitator_would_send_them() -> None:
    p = _second_year()
    assert partner_brief(p, "cv-kriya-banua", on=ON) == (
        "CV Kriya Banua – kemitraan Pembuatan Tas Rajut dengan PKBM Harapan Bangsa. "
        "Disepakati: Mitra pemasaran – Membeli dan memasarkan tas rajut hasil produksi. "
        "Berikutnya: Membeli dan memasarkan Produk yang memenuhi mutu (tanpa tenggat, belum ada "
        "bukti). Bertemu lagi: 20 April 2026, Peluncuran koleksi tas rajut Banua (CV Kriya "
        "Banua)."
    )
    assert partnership_brief(p, on=ON).startswith(
        "Pembuatan Tas Rajut – PKBM Harapan Bangsa, dengan 3 mitra (KUBE Rajut Lestari; "
        "CV Kriya Banua; Dinas Koperasi, UKM dan Tenaga Kerja Kabupaten Banjar). "
        "Tahap: 8. Pelaksanaan kegiatan, tahun ke-2. Kerja sama berlaku s.d. 9 Maret 2028."
    )


@pytest.mark.parametrize(
    "stage", [Stage.MAPPING, Stage.EXPLORATION, Stage.SIGNING, Stage.FOLLOW_UP]
)
def test_every_brief_is_short_plain_and_dated_in_words(stage: Stage) -> None:
    p = at_stage(stage, recorded=True)
    on = date(2025, 6, 2)
    briefs = [partnership_brief(p, on=on)] + [
        partner_brief(p, partner.id, on=on) for partner in p.partners
    ]
    for text in briefs:
        assert 0 < len(text) <= MAX_BRIEF
        assert not any(mark in text for mark in MARKUP), text
        assert not ISO_DAY.search(text), text


def test_english_on_request() -> None:
    p = _second_year()
    text = partner_brief(p, "kube-rajut-lestari", on=ON, language="en")
    assert "Agreed:" in text
    assert "Next:" in text
    assert "Disepakati" not in text
    assert partnership_brief(p, on=ON, language="en").count("Step: 8.") == 1


def test_a_stranger_has_no_brief() -> None:
    with pytest.raises(UnknownPartyError):
        partner_brief(_second_year(), "toko-lain", on=ON)


@given(days=st.integers(min_value=0, max_value=900))
def test_any_day_gives_a_bounded_brief(days: int) -> None:
    p = _second_year()
    on = date(2025, 1, 1) + timedelta(days=days)
    for text in (partnership_brief(p, on=on), partner_brief(p, "cv-kriya-banua", on=on)):
        assert len(text) <= MAX_BRIEF
        assert not ISO_DAY.search(text)
