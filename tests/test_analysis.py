"""Tools for analysts: the portfolio frame and its summaries against a hand-computed
portfolio, the fast readers against the models, Parquet, frames of the register and the
ranking, figures rendered headless, and HTML in Jupyter."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pandas as pd
import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text

from kemitraan import (
    Agreement,
    AgreementKind,
    InvalidArgumentError,
    InvalidDataError,
    Partnership,
    Stage,
    Term,
    dump_json,
    rank_candidates,
)
from kemitraan.amendments import TermChange
from kemitraan.analysis import (
    DERIVED_COLUMNS,
    Portfolio,
    mapping_frame,
    plots,
    ranking_frame,
    synthetic_candidates,
)
from kemitraan.exceptions import NotFoundError
from seed import at_stage, example, fresh

ON = date(2025, 3, 20)


def walked(pid: str, stop: Stage, start: date, gaps: int | list[int]) -> Partnership:
    partnership = fresh().model_copy(update={"id": pid})
    walked: Partnership = example().walk_until(partnership, stop, start=start, every_days=gaps)
    return walked


def rows(frame: pd.DataFrame) -> dict[str, dict[str, Any]]:
    return {str(row["id"]): {str(k): v for k, v in row.items()} for row in frame.to_dict("records")}


@pytest.fixture(scope="module")
def small() -> list[Partnership]:
    """Three partnerships whose figures are worked out by hand below.

    A: left mapping on 10 Jan, gathering on 20 Jan; now in analysis (since 20 Jan).
    B: left mapping on 5 Jan; declined in gathering on 4 Feb.
    C: left each step 10 days after the last, from 10 Jan; now implementing (since 11 Mar).
    """
    a = walked("a", Stage.ANALYSIS, date(2025, 1, 10), 10)
    b = walked("b", Stage.GATHERING, date(2025, 1, 5), 30)
    b.decline("Calon mitra tidak berminat", at=datetime(2025, 2, 4, 1, tzinfo=UTC))
    c = walked("c", Stage.IMPLEMENTATION, date(2025, 1, 10), 10)
    return [a, b, c]


def test_the_frame_has_one_row_per_partnership_with_its_facts(small: list[Partnership]) -> None:
    frame = Portfolio.from_partnerships(small, on=ON).frame.set_index("id")
    row = rows(frame.reset_index())
    assert frame.loc["a", "stage"] == "analysis"
    assert frame.loc["a", "step"] == 3
    assert frame.loc["a", "days_in_stage"] == (ON - date(2025, 1, 20)).days
    assert frame.loc["a", "next_requirement"] == "relevance_assessed"
    assert frame.loc["b", "outcome"] == "declined"
    assert pd.isna(row["b"]["step"])
    assert frame.loc["b", "furthest_step"] == 2
    assert frame.loc["c", "pattern"] == "general_trade"
    assert frame.loc["c", "parties"] == 4
    assert bool(frame.loc["c", "mou_signed"])
    assert frame.loc["c", "term_end"] == pd.Timestamp(2028, 3, 9)
    assert frame.loc["c", "renewal_due"] == pd.Timestamp(2027, 12, 10)
    assert frame.loc["c", "province"] == "Kalimantan Selatan"
    # running partnerships only are judged for deviations and health
    assert pd.isna(row["a"]["deviations"])
    assert row["c"]["deviations"] >= 0
    assert frame.loc["c", "health"] in {"good", "attention", "at_risk"}


def test_personal_data_is_masked_unless_asked(small: list[Partnership]) -> None:
    masked = rows(Portfolio.from_partnerships(small, on=ON).frame)
    clear = rows(Portfolio.from_partnerships(small, on=ON, masked=False).frame)
    assert clear["c"]["facilitator"] == "Rina Marlina (pendamping)"
    assert masked["c"]["facilitator"] == "R. M. (pendamping)"  # initials, the role kept
    # the businesses and the Dinas are not persons: their names stay
    assert "CV Kriya Banua" in masked["c"]["party_names"]
    for row in masked.values():
        assert "Rina Marlina" not in " ".join(map(str, row.values()))


def test_funnel_and_conversion_match_the_hand_count(small: list[Partnership]) -> None:
    portfolio = Portfolio.from_partnerships(small, on=ON)
    funnel = portfolio.funnel()
    assert funnel["reached"].tolist() == [3, 3, 2, 1, 1, 1, 1, 1, 0, 0, 0]
    assert funnel["current"].tolist() == [0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0]
    assert funnel.loc[7, "label"] == "Penandatanganan akad kerja sama (MoU)"
    rate = dict(
        zip(portfolio.conversion()["from_stage"], portfolio.conversion()["rate"], strict=True)
    )
    assert rate["mapping"] == 1.0
    assert rate["gathering"] == pytest.approx(2 / 3)
    assert rate["analysis"] == pytest.approx(1 / 2)
    assert math.isnan(rate["monitoring"])


def test_time_in_each_step_comes_from_the_history(small: list[Partnership]) -> None:
    table = Portfolio.from_partnerships(small, on=ON).time_in_stage()
    # gathering: A 10 days, B 30 days (to its decline), C 10 days; mapping's start is unknown
    stats = {str(stage): list(values) for stage, values in table.iterrows()}
    assert stats["gathering"] == [3, pytest.approx(50 / 3), 10, 30]
    assert stats["analysis"] == [1, 10, 10, 10]
    assert "mapping" not in table.index
    assert list(table.index) == [
        "gathering",
        "analysis",
        "exploration",
        "planning",
        "agreement",
        "signing",
    ]


def test_renewals_due_and_partnerships_stuck(small: list[Partnership]) -> None:
    late = Portfolio.from_partnerships(small, on=date(2027, 11, 1))
    assert late.renewals_due(within_days=60)["id"].tolist() == ["c"]
    assert late.renewals_due(within_days=30).empty
    assert Portfolio.from_partnerships(small, on=date(2028, 3, 10)).renewals_due().empty
    stuck = Portfolio.from_partnerships(small, on=ON).stuck(min_days=30)
    assert stuck[["stage", "next_requirement", "partnerships"]].to_dict("records") == [
        {"stage": "analysis", "next_requirement": "relevance_assessed", "partnerships": 1}
    ]
    assert Portfolio.from_partnerships(small, on=ON).stuck(min_days=0)["partnerships"].sum() == 2
    with pytest.raises(InvalidArgumentError, match="min_days"):
        late.stuck(min_days=-1)
    with pytest.raises(InvalidArgumentError, match="within_days"):
        late.renewals_due(within_days=-1)


STAGES = list(Stage)


@pytest.mark.parametrize("stage", STAGES, ids=[s.value for s in STAGES])
def test_the_fast_readers_agree_with_the_models(stage: Stage, tmp_path: Path) -> None:
    partnership = at_stage(stage, recorded=stage not in (Stage.DECLINED, Stage.ENDED))
    text = dump_json(partnership, indent=None)
    (tmp_path / "p.json").write_text(text)
    (tmp_path / "all.jsonl").write_text(f"{text}\n\n{text}\n")
    full = Portfolio.from_partnerships([partnership], on=ON)
    from_dir = Portfolio.read_json_dir(tmp_path, on=ON)
    from_lines = Portfolio.read_jsonl(tmp_path / "all.jsonl", on=ON)
    raw = [c for c in full.frame.columns if c in from_dir.frame.columns]
    derived = list(DERIVED_COLUMNS)
    assert derived == [
        "next_move",
        "next_requirement",
        "unmet_requirements",
        "deviations",
        "critical_deviations",
        "health",
        "partners_at_risk",
    ]
    pd.testing.assert_frame_equal(
        from_dir.frame[raw].drop(columns=derived), full.frame[raw].drop(columns=derived)
    )
    assert len(from_lines.frame) == 2
    assert from_dir.frame[derived].isna().all().all()
    pd.testing.assert_frame_equal(from_dir.visits, full.visits)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "bukan JSON"),
        (b"[1, 2]", "bukan kemitraan"),
        (b'{"id": 5}', "bukan kemitraan"),
        (b"\xff\xfe", "bukan JSON"),
    ],
)
def test_unreadable_files_are_named(content: bytes, message: str, tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_bytes(content)
    with pytest.raises(InvalidDataError, match=message) as caught:
        Portfolio.read_json_dir(tmp_path)
    assert "bad.json" in str(caught.value)
    (tmp_path / "bad.jsonl").write_bytes(b'{"id": "x"}\n' + content + b"\n")
    with pytest.raises(InvalidDataError, match=r"bad\.jsonl, baris 2"):
        Portfolio.read_jsonl(tmp_path / "bad.jsonl")
    with pytest.raises(InvalidArgumentError, match="bukan folder"):
        Portfolio.read_json_dir(tmp_path / "bad.json")


def test_parquet_round_trip_and_a_duckdb_funnel(small: list[Partnership], tmp_path: Path) -> None:
    portfolio = Portfolio.from_partnerships(small, on=ON)
    first, second = portfolio.to_parquet(tmp_path / "out")
    assert (first.name, second.name) == ("partnerships.parquet", "visits.parquet")
    back = Portfolio.read_parquet(tmp_path / "out", on=ON)
    pd.testing.assert_frame_equal(back.frame, portfolio.frame)
    pd.testing.assert_frame_equal(back.funnel(), portfolio.funnel())
    duckdb = pytest.importorskip("duckdb")
    rows = duckdb.sql(
        f"SELECT k, count(*) FILTER (WHERE furthest_step >= k) AS reached "
        f"FROM read_parquet('{first}'), range(1, 12) AS steps(k) GROUP BY k ORDER BY k"
    ).fetchall()
    assert [reached for _, reached in rows] == portfolio.funnel()["reached"].tolist()
    assert not list((tmp_path / "out").glob(".*.tmp"))


def test_the_register_and_ranking_as_frames() -> None:
    program = fresh().program
    register = synthetic_candidates(program, 20, seed=7)
    assert register == synthetic_candidates(program, 20, seed=7)
    assert register != synthetic_candidates(program, 20, seed=8)
    frame = mapping_frame(register)
    assert len(frame) == 20
    assert (
        frame["quadrant"]
        .isin(["manage_closely", "keep_satisfied", "keep_informed", "monitor"])
        .all()
    )
    persons = frame[frame["kind"] == "community_figure"]
    assert persons["name"].str.fullmatch(r"(?:\w\. ?)+").all()  # a person by initials
    ranking = rank_candidates(register)
    table = ranking_frame(ranking, language="en")
    assert table["score"].round(9).is_monotonic_decreasing
    assert table["rank"].tolist() == [entry.rank for entry in ranking]
    points = table[[f"{c.code}_points" for c in ranking.criteria]].sum(axis=1)
    assert points.tolist() == pytest.approx(table["score"].tolist())
    assert table["explanation"].str.startswith("- Programme needs met").all()
    assert "explanation" not in ranking_frame(ranking, explain=False)


FIGURES = {
    "stage_funnel": lambda small: plots.stage_funnel(Portfolio.from_partnerships(small, on=ON)),
    "power_interest_grid": lambda small: plots.power_interest_grid(
        synthetic_candidates(small[0].program, 20, seed=3)
    ),
    "work_plan_timeline": lambda small: plots.work_plan_timeline(
        at_stage(Stage.FOLLOW_UP, recorded=True), on=date(2025, 8, 1)
    ),
    "indicator_progress": lambda small: plots.indicator_progress(
        at_stage(Stage.FOLLOW_UP, recorded=True)
    ),
    "health_per_partner": lambda small: plots.health_per_partner(
        at_stage(Stage.FOLLOW_UP, recorded=True), on=date(2025, 12, 1)
    ),
    "empty_timeline": lambda small: plots.work_plan_timeline(small[0], language="en"),
    "empty_indicators": lambda small: plots.indicator_progress(small[0], language="en"),
}


@pytest.mark.parametrize("name", list(FIGURES))
def test_figures_render_headless(name: str, small: list[Partnership], tmp_path: Path) -> None:
    figure = FIGURES[name](small)
    assert isinstance(figure, Figure)
    target = tmp_path / f"{name}.png"
    figure.savefig(target, dpi=50)
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_funnel_figure_shows_the_counts(small: list[Partnership]) -> None:
    figure = plots.stage_funnel(Portfolio.from_partnerships(small, on=ON), language="en")
    axes = figure.axes[0]
    widths = [bar.get_width() for bar in axes.containers[0]]
    assert widths == [3, 3, 2, 1, 1, 1, 1, 1, 0, 0, 0]
    assert axes.get_yticklabels()[0].get_text() == "1. Identifying and mapping candidate partners"


def test_the_grid_figure_places_each_rated_candidate() -> None:
    register = synthetic_candidates(fresh().program, 20, seed=3)
    axes = plots.power_interest_grid(register).axes[0]
    names = {text.get_text() for text in axes.texts}
    rated = {r.partner_id for r in register.ratings}
    for candidate in register.candidates:
        if candidate.id in rated and candidate.kind.value != "community_figure":
            assert candidate.name in names


def test_models_show_as_html_with_personal_data_masked() -> None:
    partnership = at_stage(Stage.SIGNING, recorded=True)
    html = partnership._repr_html_()
    assert "7. Penandatanganan akad kerja sama (MoU)" in html
    assert "KUBE Rajut Lestari" in html
    assert "2025-03-10 s.d. 2028-03-09" in html
    figure = partnership.partners[1]
    figure.nik = "3171011708450001"
    assert "3171011708450001" not in figure._repr_html_()
    assert "3171********0001" in figure._repr_html_()
    figure.name = "<b>Hj. Norhayati</b>"
    assert "<b>Hj." not in figure._repr_html_()
    assert "<b>Hj." not in partnership._repr_html_()
    assert partnership.agreement is not None
    assert "<table" in partnership.agreement._repr_html_()


def test_the_extra_is_named_when_missing() -> None:
    code = (
        "import sys; sys.modules['pandas'] = None\n"
        "import importlib.util as u; real = u.find_spec\n"
        "u.find_spec = lambda name, *a: None if name == 'pandas' else real(name, *a)\n"
        "try:\n    import kemitraan.analysis\n"
        "except ImportError as e:\n    print(type(e).__name__, e)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == (
        "MissingExtraError kemitraan.analysis memerlukan pandas; pasang dengan: "
        "pip install 'kemitraan[analysis]'"
    )


def test_the_core_import_stays_light() -> None:
    code = (
        "import sys, kemitraan\n"
        "from kemitraan import Partnership, rank_candidates, CandidateRegister\n"
        "print(sorted(m for m in ('pandas', 'matplotlib', 'pyarrow') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout.replace("'", '"')) == []


def mou_addendum(p: Partnership, end: date, day: date) -> Agreement:
    mou = p.agreement
    assert mou is not None
    return Agreement(
        kind=AgreementKind.ADDENDUM,
        parties=mou.parties,
        numbers={pid: f"{n}/ADD-{day:%m%d}" for pid, n in mou.numbers.items()},
        subject=f"Perpanjangan MoU {day}",
        place="Martapura",
        date=day,
        amends=mou.reference(),
        amendments=[TermChange(term=Term(start=mou.term.start, end=end))],  # type: ignore[union-attr]
        signatories=example().signatories_of(mou.parties),
        originals=mou.originals,
    )


def sign_all(p: Partnership, index: int, day: date) -> None:
    for party in p.addenda[index].party_ids:
        p.sign_addendum(index, party, on=day, at=datetime(day.year, day.month, day.day, tzinfo=UTC))


def both_routes(p: Partnership, tmp: Path, on: date = ON) -> list[dict[str, Any]]:
    (tmp / "p.json").write_text(dump_json(p))
    fast = Portfolio.read_json_dir(tmp, on=on).frame
    full = Portfolio.from_partnerships([p], on=on).frame
    return [rows(frame)[p.id] for frame in (fast, full)]


def test_the_term_in_force_is_the_model_s_in_both_routes(tmp_path: Path) -> None:
    p = at_stage(Stage.IMPLEMENTATION, recorded=True)
    later, sooner = date(2030, 3, 9), date(2029, 3, 9)
    # signed out of order: the later-dated addendum sets 2029, the earlier one 2030
    p.addenda.append(mou_addendum(p, later, date(2025, 6, 4)))
    p.addenda.append(mou_addendum(p, sooner, date(2025, 6, 5)))
    sign_all(p, len(p.addenda) - 1, date(2025, 6, 5))
    sign_all(p, len(p.addenda) - 2, date(2025, 6, 6))
    # a third, drafted and not signed, changes nothing
    p.addenda.append(mou_addendum(p, date(2031, 3, 9), date(2025, 6, 7)))
    assert p.effective_term is not None
    assert p.effective_term.end == sooner
    # judged after the signatures (on 20 March neither addendum was signed: the term stood)
    assert all(row["term_end"] == pd.Timestamp(2028, 3, 9) for row in both_routes(p, tmp_path))
    for row in both_routes(p, tmp_path, date(2025, 7, 1)):
        assert row["term_end"] == pd.Timestamp(sooner)
        assert row["renewal_due"] == pd.Timestamp(2028, 12, 9)


def test_renewals_count_only_signed_mous(tmp_path: Path) -> None:
    unsigned = at_stage(Stage.SIGNING)
    signed = at_stage(Stage.IMPLEMENTATION)
    late = Portfolio.from_partnerships([unsigned, signed], on=date(2027, 11, 1))
    assert late.frame["mou_signed"].tolist() == [False, True]
    assert len(late.renewals_due()) == 1
    for row in both_routes(unsigned, tmp_path):
        assert row["mou_signed"] is False or not row["mou_signed"]


def test_days_in_a_step_are_counted_in_the_local_day_of_the_move() -> None:
    wita = timezone(timedelta(hours=8))
    p = fresh()
    example().record_step(p)
    p.advance(at=datetime(2025, 1, 10, 7, 30, tzinfo=wita))  # 23:30 UTC on 9 January
    frame = Portfolio.from_partnerships([p], on=date(2025, 1, 10)).frame
    assert frame["days_in_stage"].tolist() == [0]


HOSTILE: list[tuple[str, object]] = [
    ("history", "x"),
    ("history", ["a"]),
    ("history", [{"move": "advance", "to_stage": "gathering", "at": "yesterday"}]),
    ("history", [{"move": "advance", "to_stage": {"x": 1}, "at": "2025-01-01T00:00:00+00:00"}]),
    ("history", [{"move": "advance", "to_stage": "gathering", "at": "2025-01-01T00:00:00"}]),
    ("agreement", "abc"),
    ("agreement", {"term": ["a"]}),
    ("agreement", {"term": {"end": "not-a-date"}}),
    ("agreement", {"term": {"end": 20250101}}),
    ("agreement", {"parties": ["ab"]}),
    ("institution", "PKBM"),
    ("program", [1]),
    ("addenda", ["abc"]),
    ("partners", 5),
    ("stage", []),
    ("stage", 5),
    ("stage", "bogus"),
    ("cycle", "two"),
    ("cycle", 0),
    ("addenda", [{"amends": {"kind": "mou"}, "amendments": [{"change": "term"}]}]),
]


@pytest.mark.parametrize(("field", "value"), HOSTILE, ids=[f"{f}={v!r}"[:40] for f, v in HOSTILE])
def test_hostile_stored_data_is_refused_naming_the_file(
    field: str, value: object, tmp_path: Path
) -> None:
    data = json.loads(dump_json(at_stage(Stage.IMPLEMENTATION)))
    data[field] = value
    (tmp_path / "hostile.json").write_text(json.dumps(data))
    with pytest.raises(InvalidDataError, match=r"hostile\.json: bukan kemitraan sebagaimana"):
        Portfolio.read_json_dir(tmp_path)
    (tmp_path / "all.jsonl").write_text(json.dumps(data) + "\n")
    with pytest.raises(InvalidDataError, match=r"all\.jsonl, baris 1: bukan kemitraan"):
        Portfolio.read_jsonl(tmp_path / "all.jsonl")


def test_deep_nesting_and_folders_are_handled(tmp_path: Path) -> None:
    (tmp_path / "deep.json").write_text("[" * 200_000)
    with pytest.raises(InvalidDataError, match="bukan JSON"):
        Portfolio.read_json_dir(tmp_path)
    (tmp_path / "deep.json").unlink()
    (tmp_path / "a-folder.json").mkdir()
    assert Portfolio.read_json_dir(tmp_path).frame.empty


def test_names_with_dollar_signs_print_as_written(tmp_path: Path) -> None:
    register = synthetic_candidates(fresh().program, 5, seed=3)
    register.candidates[1].name = "Toko $^$ & Rp 5$"  # mathtext would refuse "$^$"
    register.candidates[2].name = "Toko $^$ juga"
    figure = plots.power_interest_grid(register)
    figure.savefig(tmp_path / "grid.png", dpi=40)
    texts = [text.get_text() for text in figure.findobj(Text)]
    assert any("Toko \\$^\\$" in text for text in texts)


def test_frames_pseudonymise_persons_ids_and_join_within_the_process() -> None:
    program = fresh().program
    register = synthetic_candidates(program, 20, seed=7)
    persons = {c.id for c in register.candidates if c.kind.value == "community_figure"}
    assert persons
    mapped = mapping_frame(register)
    ranked = ranking_frame(rank_candidates(register))
    assert not persons & set(mapped["id"])
    assert not persons & set(ranked["id"])
    assert set(mapped["id"]) == set(ranked["id"])  # the same pseudonym in both frames
    assert persons <= set(mapping_frame(register, masked=False)["id"])


def test_a_portfolio_straight_from_the_store_s_columns(
    small: list[Partnership], tmp_path: Path
) -> None:
    from kemitraan.store import Store

    store = Store(f"sqlite:///{tmp_path / 'p.db'}")
    for p in small:
        store.save(p, version=0)
    stored = Portfolio.from_store(store, on=ON)
    loaded = Portfolio.from_partnerships(small, on=ON)
    pd.testing.assert_frame_equal(stored.funnel(), loaded.funnel())
    pd.testing.assert_frame_equal(stored.conversion(), loaded.conversion())
    pd.testing.assert_frame_equal(stored.time_in_stage(), loaded.time_in_stage())
    same = [
        "id",
        "stage",
        "step",
        "cycle",
        "outcome",
        "furthest_step",
        "pattern",
        "mou_signed",
        "term_end",
        "renewal_due",
        "days_in_stage",
        "next_requirement",
        "province",
    ]
    pd.testing.assert_frame_equal(stored.frame[same], loaded.frame[same])
    assert stored.stuck(min_days=30).to_dict("records") == loaded.stuck(min_days=30).to_dict(
        "records"
    )
    # the columns the store does not keep are empty, and complete=True fills every one
    kept_out = ["program_kind", "regency", "parties", "party_names", "moves", "term_start"]
    assert stored.frame[kept_out].isna().all().all()
    complete = Portfolio.from_store(store, on=ON, complete=True)
    pd.testing.assert_frame_equal(
        complete.frame.sort_values("id", ignore_index=True),
        loaded.frame.sort_values("id", ignore_index=True),
    )


@pytest.mark.parametrize(
    ("on", "stage", "days", "ended"),
    [
        (date(2025, 12, 31), "mapping", None, 0),
        (date(2026, 1, 31), "gathering", 11, 0),
        (date(2026, 3, 1), "declined", 19, 1),
    ],
)
def test_a_portfolio_of_a_past_day_shows_each_partnership_as_it_stood_then(
    on: date, stage: str, days: int | None, ended: int
) -> None:
    # the analyst's review: a year-end recap made in February counted February's moves
    import json

    from kemitraan import Institution, Partner, PartnerKind, Program, Region, dump_json
    from kemitraan.analysis import regency_rollup

    region = Region(province="Kalimantan Selatan", regency="Kabupaten Banjar")
    p = Partnership(
        id="p1",
        institution=Institution(name="PKBM A", region=region),
        program=Program(name="Menjahit", objectives=["Mandiri"]),
        partners=[Partner(name="Toko B", kind=PartnerKind.BUSINESS, region=region)],
    )
    p.advance(actor="Rina", at=datetime(2026, 1, 20, tzinfo=UTC))
    p.decline("Mitra menolak", actor="Rina", at=datetime(2026, 2, 10, tzinfo=UTC))
    portfolio = Portfolio.from_partnerships([p], on=on)
    row = portfolio.frame.iloc[0]
    assert row["stage"] == stage
    assert (None if pd.isna(row["days_in_stage"]) else row["days_in_stage"]) == days
    assert int(regency_rollup(portfolio)["ended"].sum()) == ended
    # what only the partnership's present data says is not said of a past day
    q = Partnership(
        id="p2",
        institution=p.institution,
        program=p.program,
        partners=list(p.partners),
    )
    q.advance(actor="Rina", at=datetime(2026, 1, 20, tzinfo=UTC))  # in gathering since
    waits = Portfolio.from_partnerships([q], on=on).frame.iloc[0]["next_requirement"]
    assert pd.isna(waits) is (on < date(2026, 1, 20))
    assert portfolio.visits["left_at"].isna().sum() == 1  # one stay still open on that day
    raw = Portfolio.from_rows([json.loads(dump_json(p))], on=on).frame
    columns = ["stage", "step", "cycle", "outcome", "furthest_step", "days_in_stage", "moves"]
    pd.testing.assert_frame_equal(raw[columns], portfolio.frame[columns])
    from kemitraan.store import Store

    with Store("sqlite://") as store:
        store.save(p, version=0)
        stored = Portfolio.from_store(store, on=on).frame
    columns = ["stage", "step", "cycle", "outcome", "furthest_step", "days_in_stage"]
    pd.testing.assert_frame_equal(stored[columns], portfolio.frame[columns], check_dtype=False)


@pytest.mark.parametrize(
    ("language", "month", "half"), [("id", "Agu", "2,5"), ("en", "Aug", "2.5")]
)
def test_a_charts_days_and_numbers_are_written_as_its_language_writes_them(
    language: str, month: str, half: str
) -> None:
    # the analyst's review: English month names and decimal points on an Indonesian chart
    from kemitraan.analysis import plots

    p = at_stage(Stage.IMPROVEMENT, recorded=True)
    figure = plots.indicator_progress(p, language=language)  # type: ignore[arg-type]
    figure.canvas.draw()
    days = [t.get_text() for a in figure.axes for t in a.get_xticklabels()]
    numbers = [t.get_text() for a in figure.axes for t in a.get_yticklabels()]
    assert any(month in day for day in days)
    assert half in numbers


def test_a_portfolio_is_written_as_a_workbook_at_the_local_clock(tmp_path: Path) -> None:
    # the analyst's review: frame.to_excel refused its times (a zone Excel cannot hold)
    openpyxl = pytest.importorskip("openpyxl")
    p = at_stage(Stage.GATHERING, recorded=True)
    portfolio = Portfolio.from_partnerships([p], on=date(2026, 3, 1))
    path = portfolio.to_xlsx(tmp_path / "portofolio.xlsx", time_zone="Asia/Makassar")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Kemitraan", "Singgah"]
    rows = list(book["Kemitraan"].iter_rows(values_only=True))
    assert rows[1][rows[0].index("Tahap")] == "Menggali informasi"  # headed and labelled
    entered = rows[1][rows[0].index("Masuk tahap ini")]
    expected = p.history[-1].at.astimezone(ZoneInfo("Asia/Makassar")).replace(tzinfo=None)
    assert entered == expected


def test_a_store_read_of_a_past_day_does_not_say_a_later_signature_was_made() -> None:
    # the attack review: moves() leaves signatures out; the complete read knows their days
    from kemitraan.store import Store

    p = at_stage(Stage.SIGNING)
    for party in p.parties:
        p.sign(party.id, on=date(2025, 3, 10), at=datetime(2025, 3, 10, 9, tzinfo=UTC))
    on = date(2025, 3, 9)
    assert not Portfolio.from_partnerships([p], on=on).frame.iloc[0]["mou_signed"]
    with Store("sqlite://") as store:
        store.save(p, version=0)
        assert not Portfolio.from_store(store, on=on, complete=True).frame.iloc[0]["mou_signed"]
        p.advance(at=datetime(2025, 3, 11, tzinfo=UTC))  # moved since: the columns say unknown
        store.save(p, version=1)
        assert pd.isna(Portfolio.from_store(store, on=on).frame.iloc[0]["mou_signed"])


@pytest.mark.parametrize(
    ("language", "said"),
    [("id", "tahap bukan tahap kemitraan: 'planing'"), ("en", "stage is not a stage: 'planing'")],
)
def test_a_stored_row_that_is_not_a_partnership_is_said_in_the_language_in_force(
    tmp_path: Path, language: str, said: str
) -> None:
    # the analyst's review: the reason was an English phrase inside an Indonesian sentence
    from kemitraan.messages import speaking

    data = json.loads(dump_json(at_stage(Stage.PLANNING, recorded=True)))
    data["stage"] = "planing"
    (tmp_path / "a.json").write_text(json.dumps(data))
    with speaking(language), pytest.raises(InvalidDataError) as caught:  # type: ignore[arg-type]
        Portfolio.read_json_dir(tmp_path)
    assert said in str(caught.value)


@pytest.mark.parametrize(
    ("language", "stage", "signed", "health"),
    [
        ("id", "Tahap", "MoU ditandatangani", "Kesehatan kemitraan"),
        ("en", "Stage", "MoU signed", "Partnership health"),
    ],
)
def test_a_portfolio_labelled_reads_as_a_person_does(
    language: str, stage: str, signed: str, health: str
) -> None:
    # the analyst's review: the frames an analyst shows were English headers and codes
    from kemitraan.maintenance.health import HealthStatus

    p = at_stage(Stage.MONITORING, recorded=True)
    portfolio = Portfolio.from_partnerships([p], on=date(2025, 8, 1))
    shown = portfolio.labelled(language=language)  # type: ignore[arg-type]
    row = shown.iloc[0]
    assert row[stage] == Stage.MONITORING.label(language)  # type: ignore[arg-type]
    assert row[signed] == ("Ya" if language == "id" else "Yes")
    code = portfolio.frame.iloc[0]["health"]
    assert row[health] == HealthStatus(code).label(language)  # type: ignore[arg-type]
    assert "stage_label" not in shown.columns
    assert len(shown) == 1
    stays = portfolio.labelled(language=language, visits=True)  # type: ignore[arg-type]
    assert stage in stays.columns


@pytest.mark.parametrize(
    ("language", "header", "said"),
    [
        ("id", "Menunggu syarat", "Penandatangan setiap pihak telah menandatangani."),
        ("en", "Waiting on", "Every party's signatory has signed."),
    ],
)
def test_the_requirement_waited_on_is_said_as_what_it_asks(
    language: str, header: str, said: str
) -> None:
    p = at_stage(Stage.SIGNING)  # its MoU not signed yet
    portfolio = Portfolio.from_partnerships([p], on=date(2025, 8, 1))
    assert portfolio.frame.iloc[0]["next_requirement"] == "all_signed"  # code keeps its code
    shown = portfolio.labelled(language=language)  # type: ignore[arg-type]
    assert shown.iloc[0][header] == said


def test_every_requirement_says_what_it_asks_in_indonesian() -> None:
    from kemitraan.requirements import REQUIREMENTS, requirement_summary

    for declared in REQUIREMENTS:
        code = declared.rule.code
        indonesian, english = requirement_summary(code, "id"), requirement_summary(code, "en")
        assert indonesian != english, code  # translated in the catalog
        assert "()" not in indonesian, code  # no method names for a facilitator
    with pytest.raises(NotFoundError):
        requirement_summary("no_such_requirement")
