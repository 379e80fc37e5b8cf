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


def _pkw_of(pid: str, minimum_wage: int | None, learners: int, earning: int) -> Partnership:
    """A PKW in Kabupaten Tapin: ``learners`` learners, ``earning`` of them above 3.000.000."""
    from decimal import Decimal

    from kemitraan import Institution, Program, Region
    from kemitraan.learners import FollowUp, Learner
    from kemitraan.programs import ProgramKind

    tapin = Region(province="Kalimantan Selatan", regency="Kabupaten Tapin")
    p = Partnership(
        id=pid,
        institution=Institution(name=f"PKBM {pid}", region=tapin),
        program=Program(
            name="Sasirangan",
            kind=ProgramKind.PKW,
            objectives=["Usaha"],
            minimum_wage=None if minimum_wage is None else Decimal(minimum_wage),
        ),
    )
    for i in range(learners):
        income = Decimal(4_000_000 if i < earning else 1_000_000)
        p.learners.append(
            Learner(
                id=f"{pid}-{i}",
                name=f"Peserta {i}",
                enrolled_on=date(2025, 2, 1),
                follow_ups=[FollowUp(on=date(2025, 12, 1), monthly_income=income)],
            )
        )
    return p


def test_the_wage_share_is_of_the_learners_whose_programme_states_its_umk(
    tmp_path: Path,
) -> None:
    # found by the analyst's review: the DOCX and both totals divided by every learner
    openpyxl = pytest.importorskip("openpyxl")
    from kemitraan.analysis import rekapitulasi

    made = [_pkw_of("a", 3_000_000, 10, 5), _pkw_of("b", None, 10, 10)]
    table = regency_rollup(Portfolio.from_partnerships(made, on=ON))
    row = table.iloc[0]
    assert (row["learners"], row["wage_learners"], row["earning_umk"]) == (20, 10, 5)
    assert row["wage_share"] == 0.5
    sheet = rekapitulasi(table, title="Rekap", on=ON)
    assert [r.wage for r in sheet.rows] == ["5 dari 10 (50%)", "5 dari 10 (50%)"]
    book = openpyxl.load_workbook(rekapitulasi_xlsx(table, tmp_path / "r.xlsx", title="R", on=ON))
    total = list(book.active.iter_rows(values_only=True))[-1]
    assert total[list(ROLLUP_COLUMNS).index("wage_share")] == 0.5


def test_the_pkw_measures_count_the_learners_of_pkw_programmes_only() -> None:
    from kemitraan import Institution, Program, Region
    from kemitraan.learners import Learner
    from kemitraan.programs import ProgramKind

    region = Region(province="Kalimantan Selatan", regency="Kabupaten Tapin")
    course = Partnership(
        id="lkp",
        institution=Institution(name="LKP B", region=region),
        program=Program(name="Kursus Komputer", kind=ProgramKind.COURSE, objectives=["Kerja"]),
    )
    course.learners.extend(
        Learner(id=f"c{i}", name="Peserta", enrolled_on=date(2025, 2, 1)) for i in range(10)
    )
    table = regency_rollup(
        Portfolio.from_partnerships([_pkw_of("a", 3_000_000, 10, 5), course], on=ON)
    )
    row = table.iloc[0]
    assert (row["partnerships"], row["pkw"], row["learners"], row["earning_umk"]) == (2, 1, 10, 5)


@pytest.mark.parametrize(("on", "due"), [(date(2027, 12, 31), 1), (date(2028, 6, 1), 0)])
def test_the_roll_up_counts_renewals_as_the_portfolio_does(on: date, due: int) -> None:
    # an unsigned MoU and a term already over are not due for renewal (the review found both)
    made = [at_stage(Stage.SIGNING), at_stage(Stage.IMPLEMENTATION, recorded=True)]
    portfolio = Portfolio.from_partnerships(made, on=on)
    assert int(regency_rollup(portfolio)["renewals_due"].sum()) == due
    assert len(portfolio.renewals_due(0)) == due


def test_the_rekapitulasi_writes_numbers_as_a_dinas_does() -> None:
    from kemitraan.analysis import rekapitulasi

    made = [_pkw_of("a", 3_000_000, 8, 1)]
    made[0].institution = made[0].institution.model_copy(update={"region": None})
    table = regency_rollup(Portfolio.from_partnerships(made, on=ON))
    table.loc[0, "learners"] = 1603  # the thousands, as Indonesian writes them
    sheet = rekapitulasi(table, title="Rekap", on=ON)
    assert sheet.rows[0].regency == "Wilayah tidak tercatat"
    assert sheet.rows[0].learners == sheet.rows[-1].learners == "1.603"
    assert sheet.rows[0].wage == "1 dari 8 (13%)"  # 12,5% rounded half up


@pytest.mark.parametrize("incomes", [(1_000_000, 4_000_000), (4_000_000, 1_000_000)])
def test_two_follow_ups_of_one_day_count_as_the_last_recorded(incomes: tuple[int, int]) -> None:
    # the frame took the last of a day and pkw_outcomes the first (the analyst's review)
    from decimal import Decimal

    from kemitraan.learners import FollowUp

    p = _pkw_of("a", 3_000_000, 1, 0)
    learner = p.learners[0]
    day = learner.follow_ups[0].on
    p.learners[0] = learner.model_copy(
        update={"follow_ups": [FollowUp(on=day, monthly_income=Decimal(i)) for i in incomes]}
    )
    outcomes = pkw_outcomes(p.learners, on=ON, minimum_wage=p.program.minimum_wage)
    row = Portfolio.from_partnerships([p], on=ON).frame.iloc[0]
    assert outcomes.earning_minimum_wage == row["earning_umk"] == (incomes[-1] >= 3_000_000)


def test_a_regency_typed_several_ways_is_one_row() -> None:
    # the analyst's review: "Kab. Banjar" and "KABUPATEN BANJAR" were two rows to merge by hand
    from kemitraan import Institution, Program, Region

    made = []
    for number, typed in enumerate(("Kabupaten Banjar", "Kab. Banjar", "KABUPATEN  BANJAR")):
        region = Region(province="Kalimantan Selatan", regency=typed)
        made.append(
            Partnership(
                id=f"p{number}",
                institution=Institution(name=f"PKBM {number}", region=region),
                program=Program(name="Menjahit", objectives=["Mandiri"]),
            )
        )
    table = regency_rollup(Portfolio.from_partnerships(made, on=ON))
    assert table[["regency", "partnerships"]].values.tolist() == [["Kabupaten Banjar", 3]]
    assert made[1].institution.region is not None
    assert made[1].institution.region.regency == "Kab. Banjar"  # the record keeps what was typed
