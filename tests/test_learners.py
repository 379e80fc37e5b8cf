"""The learners' roster and the PKW measures (issue 20, point 2), through the public API."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings, strategies as st
from pydantic import ValidationError

from kemitraan import Institution, Partner, PartnerKind, Partnership, Program, dump_json, load_json
from kemitraan.exceptions import ReadOnlyFieldError
from kemitraan.learners import (
    Business,
    CompetencyTest,
    Employment,
    FollowUp,
    Learner,
    LearnerSupport,
    pkw_outcomes,
)
from kemitraan.messages import speaking
from kemitraan.parties import ContributionKind

START = date(2025, 4, 14)
UMK = Decimal(3_500_000)


def learner(n: int = 1, **fields: Any) -> Learner:
    fields.setdefault("enrolled_on", START)
    return Learner(id=f"pd-{n:02d}", name=f"Peserta {n}", **fields)


# -- the rules of a roster's row ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "loc", "code", "indonesian"),
    [
        (
            {"completed_on": date(2025, 7, 31), "dropped_out_on": date(2025, 6, 1)},
            ("dropped_out_on",),
            "completed_and_dropped_out",
            "menyelesaikan kursus atau berhenti",
        ),
        (
            {"sessions_held": 40, "sessions_attended": 41},
            ("sessions_attended",),
            "attended_more_than_held",
            "41 pertemuan dihadiri dari 40",
        ),
        (
            {"business": Business(started_on=date(2025, 3, 1))},
            ("business", "started_on"),
            "before_enrolment",
            "1 Maret 2025",
        ),
        (
            {"follow_ups": [FollowUp(on=date(2026, 1, 5)), FollowUp(on=date(2024, 12, 1))]},
            ("follow_ups", 1, "on"),
            "before_enrolment",
            "14 April 2025",
        ),
    ],
)
def test_a_row_that_cannot_be_true_is_refused_naming_the_field(
    fields: dict[str, Any], loc: tuple[Any, ...], code: str, indonesian: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        learner(**fields)
    [error] = caught.value.errors()
    assert (error["loc"], error["type"]) == (loc, code)
    assert indonesian in error["msg"]
    assert code not in error["msg"]


def test_a_certificate_needs_a_pass() -> None:
    with pytest.raises(ValidationError) as caught:
        CompetencyTest(tested_on=date(2025, 8, 5), passed=False, certificate="LSP-1")
    assert caught.value.errors()[0]["type"] == "certificate_without_pass"


def test_an_error_is_english_on_request() -> None:
    with speaking("en"), pytest.raises(ValidationError) as caught:
        learner(completed_on=date(2025, 7, 31), dropped_out_on=date(2025, 6, 1))
    assert "either completed the course or left it" in caught.value.errors()[0]["msg"]


# -- the measures ------------------------------------------------------------------------------


def _roster() -> list[Learner]:
    """Ten learners: eight complete, five start a business (two before the day), three earn."""
    done = date(2025, 7, 31)
    rows = []
    for n in range(1, 11):
        fields: dict[str, Any] = {}
        if n <= 8:
            fields["completed_on"] = done
            fields["competency"] = CompetencyTest(
                tested_on=date(2025, 8, 5), passed=n <= 7, certificate=f"C-{n}" if n <= 6 else None
            )
        else:
            fields["dropped_out_on"] = date(2025, 6, 1)
        if n <= 5:
            fields["business"] = Business(
                started_on=date(2025, 9, 1) if n <= 3 else date(2026, 5, 1),
                products=["Tas rajut"],
                nib="1234567890123" if n <= 2 else None,
            )
        if n == 6:
            fields["employment"] = Employment(
                employer="CV Kriya Banua", started_on=date(2025, 9, 1)
            )
        incomes = {1: 3_600_000, 2: 3_500_000, 3: 2_000_000, 6: 3_700_000}
        if n in incomes:
            fields["follow_ups"] = [
                FollowUp(on=date(2025, 10, 1), monthly_income=Decimal(1_000_000)),
                FollowUp(on=date(2026, 2, 1), monthly_income=Decimal(incomes[n])),
            ]
        rows.append(learner(n, **fields))
    return rows


@pytest.mark.parametrize(
    ("on", "umk", "expected"),
    [
        # before anything: ten enrolled, nothing else yet
        (date(2025, 5, 1), UMK, {"enrolled": 10, "completed": 0, "started_business": 0}),
        (
            date(2026, 3, 1),
            UMK,
            {
                "completed": 8,
                "dropped_out": 2,
                "competent": 7,
                "certified": 6,
                "started_business": 3,
                "with_nib": 2,
                "employed": 1,
                "with_income": 4,
                "earning_minimum_wage": 3,  # 3.6 and 3.5 million and the job's 3.7; not 2.0
                "business_share": Decimal("0.3"),
                "wage_share": Decimal("0.3"),
            },
        ),
        # the October follow-up is the latest: nobody earns the UMK yet
        (date(2025, 12, 1), UMK, {"with_income": 4, "earning_minimum_wage": 0}),
        # no UMK given: nobody is counted as earning it (never guessed)
        (date(2026, 3, 1), None, {"earning_minimum_wage": 0, "wage_share": Decimal(0)}),
        (date(2026, 6, 1), UMK, {"started_business": 5, "business_share": Decimal("0.5")}),
    ],
)
def test_the_pkw_measures_count_what_was_recorded_by_the_day(
    on: date, umk: Decimal | None, expected: dict[str, Any]
) -> None:
    outcomes = pkw_outcomes(_roster(), on=on, minimum_wage=umk)
    assert {key: getattr(outcomes, key) for key in expected} == expected


def test_targets_are_the_guides_and_can_be_set() -> None:
    outcomes = pkw_outcomes(_roster(), on=date(2026, 3, 1), minimum_wage=UMK)
    assert (outcomes.business_target, outcomes.wage_target) == (Decimal("0.75"), Decimal("0.30"))
    assert (outcomes.business_target_met, outcomes.wage_target_met) == (False, True)
    lower = pkw_outcomes(
        _roster(), on=date(2026, 3, 1), minimum_wage=UMK, business_target=Decimal("0.3")
    )
    assert lower.business_target_met
    empty = pkw_outcomes([], on=date(2026, 3, 1), minimum_wage=UMK)
    assert (empty.enrolled, empty.business_share, empty.business_target_met) == (
        0,
        Decimal(0),
        False,
    )


def test_a_cycle_counts_only_its_class() -> None:
    roster = [*_roster(), learner(11, cycle=2, enrolled_on=date(2026, 4, 1))]
    assert pkw_outcomes(roster, on=date(2026, 6, 1), cycle=2).enrolled == 1
    assert pkw_outcomes(roster, on=date(2026, 6, 1), cycle=1).enrolled == 10
    assert pkw_outcomes(roster, on=date(2026, 6, 1)).enrolled == 11


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 500), st.booleans(), st.integers(0, 8_000_000)),
        max_size=15,
    ),
    st.integers(0, 800),
)
def test_measures_stay_within_the_roster(rows: list[tuple[int, bool, int]], day: int) -> None:
    roster = [
        learner(
            n,
            business=Business(started_on=START + timedelta(days=offset)) if has else None,
            follow_ups=[FollowUp(on=START + timedelta(days=offset), monthly_income=Decimal(pay))],
        )
        for n, (offset, has, pay) in enumerate(rows, start=1)
    ]
    on = START + timedelta(days=day)
    outcomes = pkw_outcomes(roster, on=on, minimum_wage=UMK)
    later = pkw_outcomes(roster, on=on + timedelta(days=30), minimum_wage=UMK)
    assert 0 <= outcomes.business_share <= 1
    assert 0 <= outcomes.wage_share <= 1
    assert outcomes.earning_minimum_wage <= outcomes.with_income <= outcomes.enrolled
    assert outcomes.started_business <= later.started_business  # a business started stays so
    assert pkw_outcomes(list(reversed(roster)), on=on, minimum_wage=UMK) == outcomes


# -- in a partnership ---------------------------------------------------------------------------


def _partnership(learners: list[Learner]) -> Partnership:
    return Partnership(
        institution=Institution(name="PKBM Harapan Bangsa"),
        program=Program(name="PKW", objectives=["Mandiri"], minimum_wage=UMK),
        partners=[Partner(name="CV Kriya Banua", kind=PartnerKind.BUSINESS)],
        learners=learners,
    )


def test_a_roster_in_a_partnership_round_trips_and_masks_personal_data() -> None:
    row = learner(
        1,
        nik="6303015204990001",
        phone="0812-5123-4567",
        supported_by=[
            LearnerSupport(partner_id="cv-kriya-banua", kind=ContributionKind.APPRENTICESHIP)
        ],
    ).model_copy(update={"name": "Siti Rahmah", "born_on": date(1999, 4, 12)})
    p = _partnership([row])
    assert load_json(Partnership, dump_json(p)) == p
    masked = json.loads(p.model_dump_json(context={"mask": True}))["learners"][0]
    assert (masked["name"], masked["nik"]) == ("S. R.", "6303********0001")
    # the year alone: her day of birth (12 + 40) and month would fill the masked digits back
    assert masked["born_on"] == "1999"
    assert "Siti" not in repr(row)
    assert "5204990001" not in repr(row)
    outcomes = pkw_outcomes(p.learners, on=date(2026, 3, 1), minimum_wage=p.program.minimum_wage)
    assert outcomes.minimum_wage == UMK


@pytest.mark.parametrize("route", ["constructor", "append", "load"])
def test_a_support_from_a_stranger_is_refused_on_every_route(route: str) -> None:
    stranger = learner(
        2, supported_by=[LearnerSupport(partner_id="toko-lain", kind=ContributionKind.OFFTAKE)]
    )
    if route == "constructor":
        with pytest.raises(ValidationError):
            _partnership([stranger])
    elif route == "append":
        p = _partnership([])
        with pytest.raises(ValidationError):
            p.learners.append(stranger)
        assert p.learners == []
    else:
        data = json.loads(dump_json(_partnership([])))
        data["learners"] = [json.loads(stranger.model_dump_json())]
        with pytest.raises(ValueError, match="toko-lain"):
            load_json(Partnership, json.dumps(data))


def test_a_row_changes_only_by_replacing_it_which_the_partnership_checks() -> None:
    p = _partnership([learner(1)])
    with pytest.raises(ReadOnlyFieldError):
        p.learners[0].supported_by.append(
            LearnerSupport(partner_id="toko-lain", kind=ContributionKind.OFFTAKE)
        )
    with pytest.raises(ValidationError):
        p.learners[0] = p.learners[0].model_copy(
            update={
                "supported_by": [
                    LearnerSupport(partner_id="toko-lain", kind=ContributionKind.OFFTAKE)
                ]
            }
        )
    assert p.learners[0].supported_by == []
    with pytest.raises(ValidationError):
        p.learners.append(learner(1))  # the same id twice
    assert len(p.learners) == 1
    p.learners[0] = p.learners[0].followed_up(FollowUp(on=date(2026, 1, 5), business_running=True))
    assert load_json(Partnership, dump_json(p)).learners[0].follow_ups[0].business_running


# -- in the monitoring and evaluation report ----------------------------------------------------


def _report_rows(p: Partnership, on: date) -> tuple[list[list[str]], list[str]]:
    import io

    import docx

    from kemitraan import monitoring_report, render_document

    data = render_document(monitoring_report(p, cycle=1, on=on, place="Martapura"))
    assert isinstance(data, bytes)
    document = docx.Document(io.BytesIO(data))
    table = next((t for t in document.tables if t.rows[0].cells[0].text == "Ukuran"), None)
    rows = [[c.text for c in r.cells] for r in table.rows[1:]] if table is not None else []
    return rows, [x.text for x in document.paragraphs]


def test_the_seed_report_shows_the_pkw_measures() -> None:
    from kemitraan import Stage
    from seed import at_stage

    rows, paragraphs = _report_rows(at_stage(Stage.FOLLOW_UP, recorded=True), date(2026, 2, 9))
    # "within a year" of the course's end (31 July 2025): not missed before it ends
    assert ["Memulai usaha", "14", "70%", "75%", "Belum tercapai (batas 31 Juli 2026)"] in rows
    rows_later, _ = _report_rows(at_stage(Stage.FOLLOW_UP, recorded=True), date(2026, 8, 1))
    assert "batas" not in next(r for r in rows_later if r[0] == "Memulai usaha")[-1]
    # while the course runs nobody has finished: no verdict, and nobody is "nol"
    rows_early, said = _report_rows(at_stage(Stage.FOLLOW_UP, recorded=True), date(2025, 6, 30))
    started = next(r for r in rows_early if r[0] == "Memulai usaha")
    assert started[-1] == "Belum dinilai (kursus belum selesai)"
    conclusion = next(line for line in said if line.startswith("•\tDari dua puluh peserta didik"))
    assert "belum ada yang memulai usaha (target 75%: belum dinilai, kursus belum selesai)" in (
        conclusion
    )
    assert [
        "Berpenghasilan sedikitnya UMK (Rp3.500.000,00 per bulan)",
        "7",
        "35%",
        "30%",
        "Tercapai",
    ] in rows
    assert ["Peserta didik terdaftar", "20", "100%", "-", "-"] in rows
    assert not any("halal" in row[0] for row in rows)  # none sells food: no bare zero
    assert any(
        p.startswith("Dihitung dari daftar peserta didik tahun ke-1 per 9 Februari 2026")
        for p in paragraphs
    )


def test_a_report_without_a_roster_says_so_and_claims_nothing() -> None:
    from kemitraan import Stage
    from seed import at_stage

    p = at_stage(Stage.FOLLOW_UP, recorded=True)
    p.learners = []
    rows, paragraphs = _report_rows(p, date(2026, 2, 9))
    assert rows == []
    assert (
        "Data peserta didik belum dicatat; ukuran keberhasilan PKW belum dapat dihitung."
        in paragraphs
    )


def test_the_report_says_its_basis_method_conclusions_and_annexes() -> None:
    from kemitraan import Stage
    from seed import at_stage

    _, said = _report_rows(at_stage(Stage.FOLLOW_UP, recorded=True), date(2026, 2, 9))
    text = "\n".join(said)
    for heading in ("PENDAHULUAN", "J. KESIMPULAN DAN REKOMENDASI", "Lampiran:"):
        assert heading in said
    # a cover: who reports, its NPSN and the year, before the report itself
    cover = said[: said.index("PENDAHULUAN")]
    assert {"Disusun oleh:", "PKBM Harapan Bangsa", "NPSN 69912345", "2026"} <= set(cover)
    assert any(line.startswith("Izin operasional Keputusan Kepala Dinas") for line in cover)
    # the basis names the laws and the agreements signed by the day, by number
    assert "Undang-Undang Nomor 20 Tahun 2003 tentang Sistem Pendidikan Nasional" in text
    assert "Perjanjian Kerja Sama Nomor 006/PKBM-HB/III/2025" in text
    # the PKW technical guide the signed PKS names, not a placeholder "yang berlaku"
    guide = "Petunjuk Teknis Bantuan Pemerintah Program Pendidikan Kecakapan Wirausaha Tahun 2025"
    assert f"•\t{guide}" in said
    assert not any(line.endswith("yang berlaku") for line in said)
    # the method names who monitored and when, from the records
    assert "Kunjungan monitoring tiga kali: 30 Mei 2025, 15 Juli 2025, 31 Oktober 2025." in text
    # conclusions restate the tables; recommendations are the parties' own; a count in the
    # text is in words where one or two words say it, and always at a sentence's start (EYD)
    assert (
        "Dari dua puluh peserta didik, empat belas memulai usaha (target 75%: belum tercapai, "
        "batas 31 Juli 2026) dan tujuh berpenghasilan sedikitnya UMK (target 30%: tercapai)."
    ) in text
    assert (
        "•\tTiga kegiatan berjalan sesuai rencana dan satu belum sesuai rencana, menurut "
        "evaluasi bersama 26 Januari 2026." in said
    )
    assert (
        "•\tTiga dari empat indikator mencapai target yang disepakati per tanggal laporan." in said
    )
    assert "•\tStandar mutu sambungan tali dan pelatihan ulang instruktur" in said
    assert (
        "•\tBerita acara dan daftar hadir Rapat Evaluasi Bersama Kemitraan (26 Januari 2026)"
        in said
    )
    # an addendum signed after the day is not among the documents (as of its day)
    assert "Adendum" not in text
    assert "014/PKBM-HB/II/2026" not in text


def test_the_pkw_shares_are_values_of_the_plans_own_indicators() -> None:
    from kemitraan import MonitoringRecord

    outcomes = pkw_outcomes(_roster(), on=date(2026, 3, 1), minimum_wage=UMK)
    values = outcomes.indicator_values(business="berwirausaha", wage="ber-umk")
    assert [(v.indicator, v.value, v.measured_on) for v in values] == [
        ("berwirausaha", Decimal("30.00"), date(2026, 3, 1)),
        ("ber-umk", Decimal("30.00"), date(2026, 3, 1)),
    ]
    # recorded in a monitoring record as any indicator's value is
    MonitoringRecord(cycle=1, on=date(2026, 3, 1), by="pkbm", indicators=values)
    unknown = pkw_outcomes(_roster(), on=date(2026, 3, 1))
    assert [v.indicator for v in unknown.indicator_values(business="b", wage="w")] == ["b"]


@pytest.mark.parametrize(
    ("finished", "on", "due", "still_due"),
    [
        ([date(2025, 7, 31), date(2025, 7, 15)], date(2026, 2, 9), date(2026, 7, 31), True),
        ([date(2025, 7, 31)], date(2026, 7, 31), date(2026, 7, 31), False),  # judged on it
        ([date(2024, 2, 29)], date(2024, 6, 1), date(2025, 2, 28), True),  # no 29 February
        ([], date(2026, 2, 9), None, False),  # nobody has finished: nothing to judge by yet
        ([date(2026, 3, 1)], date(2026, 2, 9), None, False),  # finishing after the day
    ],
)
def test_the_pkw_targets_are_judged_a_year_after_the_course_ends(
    finished: list[date], on: date, due: date | None, still_due: bool
) -> None:
    """REFERENCE (PKW): 75 % start a business, 30 % earn the UMK, "within a year"."""
    roster = [
        Learner(
            id=f"pd-{n}",
            name=f"Peserta {n}",
            cycle=1,
            enrolled_on=date(2024, 1, 8),
            completed_on=day,
        )
        for n, day in enumerate(finished)
    ] or [Learner(id="pd-0", name="Peserta", cycle=1, enrolled_on=date(2024, 1, 8))]
    o = pkw_outcomes(roster, on=on)
    assert (o.due, o.still_due) == (due, still_due)


def test_the_method_names_only_the_instruments_the_records_show_were_used() -> None:
    """A Dinas reads the method for what the report then shows: no checklist, no claim of one."""
    from kemitraan import Stage
    from kemitraan.maintenance.interactions import ChecklistAnswer
    from seed import at_stage

    p = at_stage(Stage.FOLLOW_UP, recorded=True)
    _, said = _report_rows(p, date(2026, 2, 9))
    (instruments,) = [line for line in said if "Instrumen:" in line]
    assert "lembar penilaian kesehatan kemitraan oleh setiap pihak" in instruments
    assert "daftar periksa" not in instruments
    p.checklist.append(
        ChecklistAnswer(
            item="humble.ask_every_partner",
            partner_id="cv-kriya-banua",
            on=date(2025, 5, 6),
            done=True,
        )
    )
    _, said = _report_rows(p, date(2026, 2, 9))
    (instruments,) = [line for line in said if "Instrumen:" in line]
    assert instruments.endswith("dan daftar periksa enam teknik pemeliharaan kemitraan.")
