"""The regency roll-up (issue 20, point 5): one table from a portfolio or from Parquet."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from kemitraan import Partnership, Stage, dump_json
from kemitraan.analysis import Portfolio
from kemitraan.analysis.rollup import (
    ROLLUP_COLUMNS,
    regency_rollup,
    regency_rollup_parquet,
    rekapitulasi_xlsx,
)
from kemitraan.analysis.synthetic import synthetic_regency
from kemitraan.exceptions import DocumentNotFoundError, InvalidDataError
from kemitraan.learners import pkw_outcomes
from kemitraan.programs import PkwRole, pkw_mix
from seed import at_stage

ON = date(2026, 3, 1)


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10_000), st.sampled_from([date(2025, 5, 1), date(2025, 10, 1), ON]))
def test_the_frames_pkw_columns_are_the_models_measures(seed: int, on: date) -> None:
    partnerships = synthetic_regency(4, seed=seed)
    frame = Portfolio.from_rows(
        (json.loads(dump_json(p)) for p in partnerships), on=on
    ).frame.set_index("id")
    for p in partnerships:
        row = frame.loc[p.id]
        outcomes = pkw_outcomes(p.learners, on=on, minimum_wage=p.program.minimum_wage)
        assert (row["learners"], row["completed"], row["started_business"], row["earning_umk"]) == (
            outcomes.enrolled,
            outcomes.completed,
            outcomes.started_business,
            outcomes.earning_minimum_wage,
        )
        mix = pkw_mix(p.committed_partners)
        counts = [row[c] for c in ("pkw_dudi", "pkw_umkm", "pkw_financing", "pkw_platform")]
        assert counts == [len(mix[role]) for role in PkwRole]
        missing = [role.label_id for role in PkwRole if not mix[role]]
        found = row["pkw_missing"] if pd.notna(row["pkw_missing"]) else None
        assert found == ("; ".join(missing) or None)


def _portfolio() -> Portfolio:
    seeded = [
        at_stage(stage, recorded=True)
        for stage in (Stage.EXPLORATION, Stage.IMPLEMENTATION, Stage.FOLLOW_UP)
    ]
    return Portfolio.from_partnerships([*seeded, *synthetic_regency(9, seed=5)], on=ON)


def test_the_roll_up_counts_each_regency(tmp_path: Path) -> None:
    rolled = regency_rollup(_portfolio())
    assert list(rolled.columns) == list(ROLLUP_COLUMNS)
    table = rolled.set_index("regency")
    banjar = table.loc["Kabupaten Banjar"]
    # the seed (3, running two of them) and three made-up PKBM of Kabupaten Banjar
    assert (banjar["partnerships"], banjar["running"], banjar["mou_signed"]) == (6, 2, 2)
    assert banjar["pkw"] == 6
    assert banjar["pkw_without_financing"] >= 3  # the seed has no financing partner
    assert table["partnerships"].sum() == 12
    assert table.loc["Kota Banjarbaru", "deviations"] is pd.NA  # the made-up ones run nothing
    learners = table["learners"].astype(float)
    assert (table["business_share"] == table["started_business"] / learners).all()


def test_duckdb_over_parquet_gives_the_same_table(tmp_path: Path) -> None:
    portfolio = _portfolio()
    portfolio.to_parquet(tmp_path)
    pd.testing.assert_frame_equal(
        regency_rollup(portfolio), regency_rollup_parquet(tmp_path, on=ON), check_dtype=False
    )
    with pytest.raises(DocumentNotFoundError):
        regency_rollup_parquet(tmp_path / "nowhere", on=ON)


@pytest.mark.parametrize(
    ("learner", "rule"),
    [
        ({"enrolled_on": "14-04-2025"}, "model_type"),
        (
            {
                "enrolled_on": "2025-04-14",
                "follow_ups": [{"on": "2026-01-01", "monthly_income": "x"}],
            },
            "model_type",
        ),
        (
            {
                "enrolled_on": "2025-04-14",
                "follow_ups": [{"on": "2026-01-01", "monthly_income": -5}],
            },
            "model_type",
        ),
    ],
)
def test_a_stored_roster_that_is_not_kemitraans_is_refused_by_file(
    learner: dict[str, object], rule: str
) -> None:
    data = json.loads(dump_json(synthetic_regency(1)[0]))
    data["learners"] = [learner]
    with pytest.raises(InvalidDataError) as caught:
        Portfolio.from_rows([data], on=ON)
    assert caught.value.errors[0]["type"] == rule
    assert isinstance(synthetic_regency(1)[0], Partnership)


@pytest.mark.parametrize(
    ("language", "head", "total"),
    [("id", "Kabupaten/Kota", "JUMLAH"), ("en", "Regency/City", "TOTAL")],
)
def test_the_rekapitulasi_workbook_reads_back_with_its_totals(
    tmp_path: Path, language: str, head: str, total: str
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    table = regency_rollup(_portfolio())
    path = rekapitulasi_xlsx(
        table,
        tmp_path / "rekap.xlsx",
        title="Rekapitulasi Kemitraan PKW",
        on=ON,
        language=language,  # type: ignore[arg-type]
    )
    sheet = openpyxl.load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Rekapitulasi Kemitraan PKW"
    assert rows[1][0].endswith("1 Maret 2026" if language == "id" else "1 March 2026")
    assert rows[3][1] == head
    body = rows[4:-1]
    assert [r[1] for r in body] == table["regency"].tolist()
    assert rows[-1][0] == total
    column = list(ROLLUP_COLUMNS).index("learners")
    assert rows[-1][column] == sum(r[column] for r in body) == table["learners"].sum()
    share = list(ROLLUP_COLUMNS).index("business_share")
    started = list(ROLLUP_COLUMNS).index("started_business")
    assert rows[-1][share] == pytest.approx(rows[-1][started] / rows[-1][column])


def test_the_rekapitulasi_docx_reads_back_a_row_per_regency_and_the_total() -> None:
    import io

    import docx

    from kemitraan import render_document
    from kemitraan.analysis import rekapitulasi

    table = regency_rollup(Portfolio.from_partnerships(synthetic_regency(12, seed=7), on=ON))
    data = render_document(
        rekapitulasi(
            table,
            title="Rekapitulasi Kemitraan Program PKW",
            on=ON,
            issuer="Dinas Pendidikan Provinsi Kalimantan Selatan",
            place="Banjarbaru",
            signer_position="Kepala Bidang",
            signer="Dra. Hj. Rahmawati, M.Pd.",
            signer_nip="197001011995032001",
        )
    )
    assert isinstance(data, bytes)
    document = docx.Document(io.BytesIO(data))
    said = [p.text for p in document.paragraphs if p.text]
    assert said[:3] == [
        "REKAPITULASI KEMITRAAN PROGRAM PKW",
        "DINAS PENDIDIKAN PROVINSI KALIMANTAN SELATAN",
        "Keadaan per 1 Maret 2026",
    ]
    rows = [[c.text for c in r.cells] for r in document.tables[0].rows]
    assert rows[0][:3] == ["No", "Kabupaten/Kota", "Kemitraan"]
    assert [r[1] for r in rows[1:]] == [*table["regency"], "JUMLAH"]
    total = rows[-1]
    assert total[2] == str(table["partnerships"].sum())
    started, learners = table["started_business"].sum(), table["learners"].sum()
    assert total[10] == f"{started} ({round(100 * started / learners)}%)"
    signature = [c.text for t in document.tables[1:] for r in t.rows for c in r.cells]
    assert any("NIP 19700101 199503 2 001" in text for text in signature)
    page = document.sections[0]
    assert page.page_width is not None
    assert page.page_height is not None
    assert page.page_width > page.page_height  # landscape


def test_a_store_gives_the_same_roll_up_and_the_frame_counts_partners_by_kind(
    tmp_path: Path,
) -> None:
    from kemitraan.store import Store

    made = synthetic_regency(6, seed=11)
    store = Store(f"sqlite:///{tmp_path / 'store.db'}")
    for p in made:
        store.save(p, version=0)
    stored = Portfolio.from_store(store, on=ON, complete=True)
    pd.testing.assert_frame_equal(
        regency_rollup(stored), regency_rollup(Portfolio.from_partnerships(made, on=ON))
    )
    first = stored.frame.set_index("id").loc[made[0].id, "partner_kinds"]
    kinds = sorted(p.kind.label_id for p in made[0].committed_partners)
    assert first == "; ".join(f"{k}: {kinds.count(k)}" for k in sorted(set(kinds)))
