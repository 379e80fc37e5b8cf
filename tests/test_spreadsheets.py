"""Spreadsheets in and out: templates, imports that name every bad cell, exports that import back.

Round trips go through the files themselves (openpyxl writes and reads the workbook, the csv
module the folder); errors are checked by where they point (``Mitra!C3``) and their rule.
"""

from __future__ import annotations

import codecs
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings, strategies as st
from openpyxl import Workbook, load_workbook
from pydantic import ValidationError

from kemitraan import (
    ActivityProgress,
    CandidateRegister,
    Contact,
    IndicatorValue,
    InvalidArgumentError,
    InvalidDataError,
    MonitoringRecord,
    Objective,
    Partner,
    PartnerKind,
    Period,
    PlannedActivity,
    Program,
    WorkPlan,
)
from kemitraan._typed import plain_key
from kemitraan.actors import Actor, Role
from kemitraan.exceptions import InvalidDeclarationError, InvalidSpreadsheetError
from kemitraan.learners import (
    Business,
    CompetencyTest,
    Employment,
    FollowUp,
    Gender,
    Learner,
    LearnerSupport,
)
from kemitraan.mapping import MappingLevel, StakeholderRating
from kemitraan.messages import Language, current_language, set_language, speaking
from kemitraan.monitoring import ProblemMet, Spending
from kemitraan.parties import ContributionKind
from kemitraan.planning import Direction, Indicator, ObjectiveLevel, Target
from kemitraan.spreadsheets import (
    MAX_CSV_BYTES,
    CellProblem,
    Part,
    _columns,
    read_candidates,
    read_learners,
    read_monitoring,
    read_spreadsheet,
    read_work_plan,
    write_spreadsheet,
    write_template,
)
from strategies import days, ids, partners

PROGRAM = Program(name="Pembuatan Tas Rajut", objectives=["Mandiri berwirausaha"])

# Text as a user types it, minus what no spreadsheet holds (refused on export: tested below).
text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Cn")), min_size=1, max_size=30
).filter(lambda s: s.strip() != "")
short = text.map(lambda s: s.strip()[:30])
measures = st.decimals(
    min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=2, allow_nan=False
)
amounts = st.decimals(min_value=0, max_value=Decimal("1e12"), places=2, allow_nan=False)


@st.composite
def registers(draw: st.DrawFn) -> CandidateRegister:
    candidates = draw(st.lists(partners(), max_size=4, unique_by=lambda p: p.id))
    rated = (
        draw(st.lists(st.sampled_from(candidates), unique_by=lambda p: p.id)) if candidates else []
    )
    score = st.none() | st.integers(1, 5)
    ratings = [
        StakeholderRating(
            partner_id=p.id,
            power=draw(score),
            interest=draw(score),
            legitimacy=draw(score),
            urgency=draw(score),
            level=draw(st.none() | st.sampled_from(list(MappingLevel))),
        )
        for p in rated
    ]
    return CandidateRegister(program=PROGRAM, candidates=candidates, ratings=ratings)


@st.composite
def work_plans(draw: st.DrawFn) -> WorkPlan:
    keys = draw(st.lists(ids, min_size=3, max_size=8, unique=True))
    goal, purpose, *outputs = keys[:3]
    objectives = [
        Objective(id=goal, level=ObjectiveLevel.GOAL, statement=draw(text)),
        Objective(id=purpose, level=ObjectiveLevel.PURPOSE, statement=draw(text), serves=goal),
        *(
            Objective(id=key, level=ObjectiveLevel.OUTPUT, statement=draw(text), serves=purpose)
            for key in outputs
        ),
    ]
    names = draw(st.lists(short, max_size=4, unique_by=str.casefold))
    activities = []
    for name in names:
        start = draw(st.none() | days)
        activities.append(
            PlannedActivity(
                name=name,
                **({"id": key} if (key := draw(st.none() | ids)) else {}),
                responsible=draw(ids),
                supporting=draw(st.lists(ids, max_size=2)),
                period=None
                if start is None
                else Period(start=start, end=start + timedelta(days=draw(st.integers(0, 400)))),
                output=draw(st.none() | text),
                objective=draw(st.none() | st.sampled_from(keys[:3])),
                budget=draw(st.none() | amounts),
                fulfils=draw(st.lists(text, max_size=2)),
            )
        )
    indicators = []
    for key in draw(st.lists(ids, max_size=3, unique=True)):
        baseline_on = draw(days)
        steps = draw(st.lists(st.integers(1, 300), min_size=1, max_size=3))
        targets, when = [], baseline_on
        for step in steps:
            when += timedelta(days=step)
            targets.append(Target(by=when, value=draw(measures)))
        indicators.append(
            Indicator(
                id=key,
                name=draw(short),
                unit=draw(short),
                baseline=draw(measures),
                baseline_on=baseline_on,
                targets=targets,
                direction=draw(st.sampled_from(list(Direction))),
                verification=draw(text),
                objective=draw(st.none() | st.sampled_from(keys[:3])),
                responsible=draw(st.none() | ids),
            )
        )
    try:
        return WorkPlan(
            drawn_up_on=draw(days),
            participants=draw(st.lists(ids, min_size=1, max_size=3)),
            objectives=objectives,
            activities=activities,
            indicators=indicators,
            notes=draw(st.none() | text),
        )
    except ValidationError:  # activity ids that clash with names or with each other
        assume(False)
        raise


def monitoring_records() -> st.SearchStrategy[MonitoringRecord]:
    actors = st.builds(
        Actor,
        name=short,
        role=st.just(Role.FACILITATOR),
        acts_for=ids,
        oversees=st.frozensets(ids, max_size=2),
        user_id=st.none() | short,
    )
    return st.builds(
        MonitoringRecord,
        cycle=st.integers(1, 5),
        on=days,
        by=ids,
        findings=text,
        participants=st.lists(ids, max_size=2),
        progress=st.lists(
            st.builds(
                ActivityProgress,
                activity=short,
                percent=st.decimals(0, 100, places=2),
                note=st.none() | text,
            ),
            max_size=2,
        ),
        indicators=st.lists(
            st.builds(
                IndicatorValue, indicator=short, value=measures, measured_on=st.none() | days
            ),
            max_size=2,
        ),
        spending=st.lists(st.builds(Spending, activity=short, amount=amounts), max_size=2),
        problems=st.lists(
            st.builds(
                ProblemMet,
                problem=text,
                party_id=st.none() | ids,
                activity=st.none() | short,
                cause=st.none() | text,
                solution=st.none() | text,
                resolved=st.booleans(),
            ),
            max_size=2,
        ),
        deviations=st.lists(text, max_size=2),
        solutions=st.lists(text, max_size=2),
        recorded_by=st.none() | actors,
    )


@st.composite
def learners(draw: st.DrawFn, learner_id: str) -> Learner:
    enrolled = draw(st.dates(min_value=date(2015, 1, 1), max_value=date(2040, 12, 31)))
    later = st.dates(min_value=enrolled, max_value=enrolled + timedelta(days=800))
    held = draw(st.none() | st.integers(0, 60))
    ending = draw(st.sampled_from(["completed_on", "dropped_out_on", None]))
    passed = draw(st.booleans())
    return Learner(
        id=learner_id,
        name=draw(short),
        nik=draw(st.none() | st.just("6303015204990001")),
        gender=draw(st.none() | st.sampled_from(list(Gender))),
        born_on=draw(st.none() | days),
        phone=draw(st.none() | st.just("+6281251234567")),
        cycle=draw(st.integers(1, 5)),
        enrolled_on=enrolled,
        sessions_held=held,
        sessions_attended=None if held is None else draw(st.none() | st.integers(0, held)),
        **({ending: draw(later)} if ending else {}),
        competency=draw(
            st.none()
            | st.builds(
                CompetencyTest,
                tested_on=later,
                passed=st.just(passed),
                certificate=st.none() | (short if passed else st.none()),
                issuer=st.none() | short,
            )
        ),
        business=draw(
            st.none()
            | st.builds(
                Business,
                started_on=later,
                name=st.none() | short,
                products=st.lists(short, max_size=2),
                nib=st.none() | st.just("1234567890123"),
                halal_certificate=st.none() | short,
            )
        ),
        employment=draw(
            st.none()
            | st.builds(Employment, employer=short, started_on=later, position=st.none() | short)
        ),
        follow_ups=draw(
            st.lists(
                st.builds(
                    FollowUp,
                    on=later,
                    business_running=st.none() | st.booleans(),
                    employed=st.none() | st.booleans(),
                    monthly_income=st.none() | amounts,
                    note=st.none() | text,
                ),
                max_size=2,
            )
        ),
        supported_by=draw(
            st.lists(
                st.builds(
                    LearnerSupport,
                    partner_id=ids,
                    kind=st.sampled_from(list(ContributionKind)),
                    on=st.none() | later,
                    note=st.none() | text,
                ),
                max_size=2,
            )
        ),
    )


def rosters() -> st.SearchStrategy[list[Learner]]:
    return st.lists(ids, max_size=3, unique=True).flatmap(
        lambda keys: st.tuples(*(learners(key) for key in keys)).map(list)
    )


ROUND_TRIP = settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.mark.parametrize("where", ["kemitraan.xlsx", "csv"])
@ROUND_TRIP
@given(
    register=registers(),
    plan=work_plans(),
    records=st.lists(monitoring_records(), max_size=3),
    roster=rosters(),
    language=st.sampled_from(["id", "en"]),
)
def test_an_export_imports_back_equal(
    tmp_path: Path,
    where: str,
    register: CandidateRegister,
    plan: WorkPlan,
    records: list[MonitoringRecord],
    roster: list[Learner],
    language: Any,
) -> None:
    path = write_spreadsheet(
        tmp_path / where,
        candidates=register,
        work_plan=plan,
        monitoring=records,
        learners=roster,
        language=language,
    )
    back = read_spreadsheet(path, program=PROGRAM)
    assert back.candidates == register
    assert back.work_plan == plan
    assert back.monitoring == records
    assert back.learners == roster


# -- templates --------------------------------------------------------------------------


def test_the_template_has_indonesian_headers_lists_and_instructions(tmp_path: Path) -> None:
    path = write_template(tmp_path / "templat.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == [
        "Petunjuk",
        "Mitra",
        "Kontak",
        "Penggalian",
        "Penilaian",
        "Rencana",
        "Tujuan",
        "Kegiatan",
        "Indikator",
        "Target",
        "Monitoring",
        "Kemajuan",
        "Nilai Indikator",
        "Belanja",
        "Masalah",
        "Peserta",
        "Tindak Lanjut",
        "Dukungan Mitra",
        "Pilihan",
    ]
    assert book["Pilihan"].sheet_state == "hidden"
    partners_sheet = book["Mitra"]
    assert [c.value for c in partners_sheet[1]][:4] == [
        "ID",
        "Nama *",
        "Jenis mitra *",
        "Skala usaha",
    ]
    assert partners_sheet.freeze_panes == "C2"
    assert partners_sheet.max_row == 1  # a header, nothing else
    kinds = next(v for v in partners_sheet.data_validations.dataValidation if "C2" in str(v.sqref))
    assert kinds.type == "list"
    assert kinds.formula1 == "'Pilihan'!$A$2:$A$14"
    assert [book["Pilihan"].cell(row=n, column=1).value for n in (2, 3)] == [
        "Kelompok masyarakat yang sudah maju",
        "Tokoh masyarakat yang berpengaruh",
    ]
    guide = [[c.value for c in row] for row in book["Petunjuk"].iter_rows()]
    assert guide[0][0] == "Petunjuk pengisian"
    assert ["Mitra", "Jenis mitra", "Ya", "Pilih dari daftar"] == guide[10][:4]
    dates = book["Penggalian"]
    assert dates.column_dimensions["B"].number_format == "DD/MM/YYYY"
    money = book["Kegiatan"]
    assert money.column_dimensions["I"].number_format == '"Rp"#,##0.00'


def test_a_template_in_english_for_one_part(tmp_path: Path) -> None:
    book = load_workbook(write_template(tmp_path / "t.xlsx", [Part.WORK_PLAN], language="en"))
    assert book.sheetnames == [
        "Instructions",
        "Plan",
        "Objectives",
        "Activities",
        "Indicators",
        "Targets",
        "Choices",
    ]
    assert book["Activities"]["C1"].value == "Responsible *"


def test_a_csv_template_is_a_folder_of_headers(tmp_path: Path) -> None:
    folder = write_template(tmp_path / "csv", ["monitoring"])
    assert sorted(p.name for p in folder.iterdir()) == [
        "belanja.csv",
        "kemajuan.csv",
        "masalah.csv",
        "monitoring.csv",
        "nilai-indikator.csv",
        "petunjuk.csv",
    ]
    first = (folder / "belanja.csv").read_text(encoding="utf-8-sig").splitlines()
    assert first == ["No. monitoring *,Kegiatan *,Terpakai s.d. kini (Rp) *"]


def test_unknown_parts_and_languages_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidArgumentError, match="'rooster' bukan bagian yang dikenal; yang ada"):
        write_template(tmp_path / "t.xlsx", ["rooster"])
    with pytest.raises(InvalidArgumentError):
        write_template(tmp_path / "t.xlsx", language="fr")  # type: ignore[arg-type]


# -- imports that name every problem ----------------------------------------------------


def _filled(tmp_path: Path, sheets: dict[str, list[list[Any]]], *, name: str = "isi.xlsx") -> Path:
    """The template, with ``sheets``' rows (from row 2) filled in."""
    path = write_template(tmp_path / name)
    book = load_workbook(path)
    for title, rows in sheets.items():
        for number, row in enumerate(rows, start=2):
            for column, value in enumerate(row, start=1):
                book[title].cell(row=number, column=column, value=value)
    book.save(path)
    return path


def test_labels_and_values_are_accepted_whatever_their_case(tmp_path: Path) -> None:
    path = _filled(
        tmp_path,
        {
            "Mitra": [
                ["", "KUBE Rajut", "kelompok MASYARAKAT yang sudah maju"],
                ["toko-a", "Toko A", "business", "usaha KECIL"],
                ["", "CV B", "Business and industry"],
            ],
            "Kontak": [["KUBE Rajut", "Ibu Nur", "Ketua", "0812-5123-4567", None, "ya"]],
            "Penilaian": [["toko-a", 4, 5, None, None, "kabupaten/kota"]],
        },
    )
    register = read_candidates(path, program=PROGRAM)
    assert [(p.id, p.kind) for p in register.candidates] == [
        ("kube-rajut", PartnerKind.COMMUNITY_GROUP),
        ("toko-a", PartnerKind.BUSINESS),
        ("cv-b", PartnerKind.BUSINESS),
    ]
    assert register.candidates[0].contacts == [
        Contact(name="Ibu Nur", role="Ketua", phone="081251234567", personal=True)
    ]
    assert register.ratings == [
        StakeholderRating(partner_id="toko-a", power=4, interest=5, level=MappingLevel.REGENCY)
    ]


def test_every_problem_is_named_by_sheet_row_and_column(tmp_path: Path) -> None:
    path = _filled(
        tmp_path,
        {
            "Mitra": [
                ["", "KUBE Rajut", "toko kelontong"],  # no such kind
                ["", "", "Koperasi/KUD"],  # no name
                ["kube-rajut", "KUBE Rajut Lagi", "Koperasi/KUD"],  # the first row's id
                ["", "Toko C", "business", None, "sejuta"],  # not a number
                ["", "Toko D", "business", None, None, None, None, "Atlantis"],  # no province
            ],
            "Kontak": [["toko-x", "Bu Ani", None, "0812-5123-4567"]],  # no such candidate
            "Penggalian": [["toko-c", "kemarin", "Wawancara", "Formal", "Pemilik", "Bersedia"]],
            "Kegiatan": [["", "Praktik produksi", "kube"]],  # a plan without its plan sheet row
        },
    )
    with pytest.raises(InvalidSpreadsheetError) as caught:
        read_spreadsheet(path, program=PROGRAM)
    found = {(p.where, p.rule) for p in caught.value.problems}
    assert found == {
        ("Mitra!C2", "not_choice"),
        ("Mitra!B3", "missing"),
        ("Mitra!A4", "duplicate_key"),
        ("Mitra!E5", "not_number"),
        ("Mitra!H6", "unknown_province"),
        ("Kontak!A2", "unknown_reference"),
        ("Penggalian!B2", "not_date"),
        ("Rencana", "rows_without_plan"),
    }
    error = caught.value
    assert isinstance(error, InvalidDataError)
    assert isinstance(error, ValueError)
    message = str(error)
    assert message.startswith("isi.xlsx tidak dapat diimpor (8 masalah; tidak ada yang diimpor):")
    assert "- Mitra!C2 (Jenis mitra): 'toko kelontong' bukan pilihan yang dikenal" in message
    assert "- Kontak!A2 (ID mitra): 'toko-x' tidak ada di lembar Mitra" in message
    english = error.message("en")
    assert "- Penggalian!B2 (Tanggal): 'kemarin' is not a date" in english
    assert error.errors[0]["loc"] == ("Mitra!C2",)


def test_rules_of_the_whole_model_point_at_their_cells(tmp_path: Path) -> None:
    path = _filled(
        tmp_path,
        {
            "Rencana": [[date(2025, 2, 24), "pkbm; kube"]],
            "Tujuan": [
                ["kemandirian", "Tujuan umum", "Mandiri"],
                ["berusaha", "Keluaran", "X", "kemandirian"],
            ],
            "Kegiatan": [["", "Praktik", "kube", "", date(2025, 5, 1), date(2025, 4, 1)]],
            "Indikator": [
                [
                    "terjual",
                    "Tas terjual",
                    "buah",
                    0,
                    date(2025, 5, 1),
                    "Makin tinggi makin baik",
                    "Nota",
                ],
                ["lulus", "Lulus uji", "orang", 0, date(2025, 5, 1), None, "Daftar nilai"],
            ],
            "Target": [["terjual", date(2025, 4, 1), 150]],  # before the baseline
        },
    )
    with pytest.raises(InvalidSpreadsheetError) as caught:
        read_work_plan(path, language="en")
    found = {(p.where, p.rule) for p in caught.value.problems}
    assert found == {
        ("Kegiatan!F2", "end_before_start"),
        ("Target!B2", "target_out_of_order"),
        ("Indikator!A3", "no_targets"),
    }
    assert "indicator 'lulus' has no target; enter at least one in sheet Target" in str(
        caught.value
    )
    # fixed, the one rule left is the plan's own: an output cannot serve the goal
    book = load_workbook(path)
    book["Kegiatan"]["F2"] = date(2025, 6, 1)
    book["Target"]["B2"] = date(2025, 8, 31)
    book["Indikator"].delete_rows(3)
    book.save(path)
    with pytest.raises(InvalidSpreadsheetError) as caught:
        read_work_plan(path)
    assert [(p.where, p.rule) for p in caught.value.problems] == [("Tujuan!D3", "objective_serves")]


def test_columns_unknown_missing_or_without_header_are_named(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "mitra"  # sheet names in any case
    sheet.append(["Nama", "Kind", "Warna favorit"])  # no Jenis mitra; an unknown column
    sheet.append(["Toko A", "Business", "merah", None, "catatan"])
    book.create_sheet("Daftar belanja")
    book.save(tmp_path / "a.xlsx")
    with pytest.raises(InvalidSpreadsheetError) as caught:
        read_spreadsheet(tmp_path / "a.xlsx", program=PROGRAM)
    assert {(p.where, p.rule) for p in caught.value.problems} == {
        ("mitra!C1", "unknown_column"),
        ("mitra!E2", "value_without_header"),
        ("Daftar belanja", "unknown_sheet"),
    }
    # English headers are read as well as Indonesian ones: "Kind" is "Jenis mitra"


def test_a_formula_is_never_computed(tmp_path: Path) -> None:
    path = _filled(tmp_path, {"Mitra": [["", "Toko A", "Dunia usaha dan industri"]]})
    book = load_workbook(path)
    book["Mitra"]["E2"] = "=1000*1000"  # a formula, with no saved result
    book["Mitra"]["F2"] = "=1000*2000"
    book.save(path)
    _cache(path, "Mitra", "F2", "2000000")  # as Excel would have saved it
    with pytest.raises(InvalidSpreadsheetError) as caught:
        read_candidates(path, program=PROGRAM)
    [problem] = caught.value.problems
    assert (problem.where, problem.rule) == ("Mitra!E2", "formula_without_value")
    assert "=1000*1000" in problem.message()
    book = load_workbook(path)
    book["Mitra"]["E2"] = None
    book.save(path)
    _cache(path, "Mitra", "F2", "2000000")
    register = read_candidates(path, program=PROGRAM)
    assert register.candidates[0].finances is not None
    assert register.candidates[0].finances.annual_sales == Decimal(2_000_000)


def _cache(path: Path, title: str, cell: str, value: str) -> None:
    """Give the formula in ``cell`` a saved result, as a spreadsheet program saves one."""
    book = load_workbook(path, read_only=True)
    index = book.sheetnames.index(title) + 1
    book.close()
    member = f"xl/worksheets/sheet{index}.xml"
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    xml = parts[member].decode()
    xml, count = re.subn(
        rf'(<c r="{cell}"[^>]*>)<f>([^<]*)</f><v\s*/?>(?:</v>)?',
        rf"\1<f>\2</f><v>{value}</v>",
        xml,
    )
    assert count == 1, xml[:500]
    parts[member] = xml.encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    register = CandidateRegister(
        program=PROGRAM,
        candidates=[Partner(name='=HYPERLINK("http://x")', id="toko", kind=PartnerKind.BUSINESS)],
    )
    for where in ("a.xlsx", "csv"):
        path = write_spreadsheet(tmp_path / where, candidates=register)
        assert read_candidates(path, program=PROGRAM) == register
    assert load_workbook(tmp_path / "a.xlsx")["Mitra"]["B2"].data_type == "s"
    line = (tmp_path / "csv" / "mitra.csv").read_text(encoding="utf-8-sig").splitlines()[1]
    assert line.startswith("toko,\"'=HYPERLINK(")


# -- CSV ------------------------------------------------------------------------------------


def test_csv_problems_name_the_file_row_and_column(tmp_path: Path) -> None:
    folder = write_template(tmp_path / "csv", ["monitoring"])
    (folder / "monitoring.csv").write_text(
        "No.;Tahun ke-;Tanggal;Oleh;Temuan\n1;1;30/05/2025;pkbm;Hadir rutin\n2;satu;;pkbm;x\n",
        encoding="utf-8",
    )  # separated by semicolons, as Excel saves CSV in Indonesia
    (folder / "kemajuan.csv").write_text(
        "No. monitoring,Kegiatan,Kemajuan (%)\n1,Praktik,60\n3,Praktik,120\n", encoding="utf-8"
    )
    with pytest.raises(InvalidSpreadsheetError) as caught:
        read_monitoring(folder)
    assert {(p.where, p.rule) for p in caught.value.problems} == {
        ("monitoring.csv!B3", "not_number"),
        ("monitoring.csv!C3", "missing"),
        ("kemajuan.csv!A3", "unknown_reference"),
        ("kemajuan.csv!C3", "less_than_equal"),
    }
    (folder / "monitoring.csv").write_text(
        "No.;Tahun ke-;Tanggal;Oleh;Temuan\n1;1;30/05/2025;pkbm;Hadir rutin\n", encoding="utf-8"
    )
    (folder / "kemajuan.csv").write_text(
        "No. monitoring,Kegiatan,Kemajuan (%)\n1,Praktik,60\n", encoding="utf-8"
    )
    [record] = read_monitoring(folder)
    assert record.on == date(2025, 5, 30)
    assert record.progress == [ActivityProgress(activity="Praktik", percent=Decimal(60))]


def test_rupiah_in_csv_may_be_written_the_indonesian_way(tmp_path: Path) -> None:
    folder = write_template(tmp_path / "csv", ["monitoring"])
    (folder / "monitoring.csv").write_text(
        "No.,Tahun ke-,Tanggal,Oleh\n1,1,2025-05-30,pkbm\n", encoding="utf-8"
    )
    (folder / "belanja.csv").write_text(
        'No. monitoring,Kegiatan,Terpakai s.d. kini (Rp)\n1,A,Rp1.500.000\n1,B,"2.500,50"\n',
        encoding="utf-8",
    )
    [record] = read_monitoring(folder)
    assert [s.amount for s in record.spending] == [Decimal(1_500_000), Decimal("2500.50")]


@pytest.mark.parametrize("separator", [",", ";"])
def test_a_csv_file_excel_saved_as_ansi_is_read(tmp_path: Path, separator: str) -> None:
    folder = write_template(tmp_path / "csv", ["candidates"])
    name = "Koperasi “Sejahtera” – Café Banua"
    lines = ["ID", "Nama", "Jenis mitra"], ["", name, "Koperasi/KUD"]
    text = "".join(separator.join(line) + "\r\n" for line in lines)
    # Excel's "CSV (Comma delimited)": the Windows code page, 1252 on Indonesian Windows
    (folder / "mitra.csv").write_bytes(text.encode("cp1252"))
    [candidate] = read_candidates(folder, program=PROGRAM).candidates
    assert (candidate.name, candidate.kind) == (name, PartnerKind.COOPERATIVE)


_HEADER = b"ID,Nama,Jenis mitra\r\n"


@pytest.mark.parametrize(
    ("content", "rule", "indonesian", "english"),
    [
        pytest.param(  # 0x81 is a byte Windows-1252 leaves undefined
            _HEADER + b",Toko \x81,Koperasi/KUD\r\n",
            "unknown_encoding",
            "bukan teks UTF-8 atau ANSI (Windows-1252); simpan ulang berkas sebagai CSV UTF-8",
            "is not UTF-8 or ANSI (Windows-1252) text; save the file again as CSV UTF-8",
            id="neither UTF-8 nor 1252",
        ),
        pytest.param(  # says it is UTF-8 (a byte-order mark), and is not: damaged
            codecs.BOM_UTF8 + _HEADER + ",Koperasi “Sejahtera”,Koperasi/KUD\r\n".encode("cp1252"),
            "unknown_encoding",
            "bukan teks UTF-8 atau ANSI (Windows-1252); simpan ulang berkas sebagai CSV UTF-8",
            "is not UTF-8 or ANSI (Windows-1252) text; save the file again as CSV UTF-8",
            id="a UTF-8 mark on 1252",
        ),
        pytest.param(  # UTF-8 with one stray 1252 byte: read as 1252, every "–" would garble
            _HEADER + ",Koperasi – Sejahtera,Koperasi/KUD\r\n".encode() + b",Toko \x96,toko\r\n",
            "unknown_encoding",
            "bukan teks UTF-8 atau ANSI (Windows-1252); simpan ulang berkas sebagai CSV UTF-8",
            "is not UTF-8 or ANSI (Windows-1252) text; save the file again as CSV UTF-8",
            id="two encodings in one file",
        ),
        pytest.param(
            codecs.BOM_UTF16_LE + (_HEADER.decode() + ",Toko,toko\r\n").encode("utf-16-le"),
            "unknown_encoding",
            "bukan teks UTF-8 atau ANSI (Windows-1252); simpan ulang berkas sebagai CSV UTF-8",
            "is not UTF-8 or ANSI (Windows-1252) text; save the file again as CSV UTF-8",
            id="UTF-16",
        ),
        pytest.param(
            _HEADER + b',"' + b"x" * 140_000 + b'",Koperasi/KUD\r\n',
            "not_csv",
            "bukan berkas CSV yang dapat dibaca",
            "not a readable CSV file",
            id="a field longer than the csv module reads",
        ),
        pytest.param(
            _HEADER + b"x" * MAX_CSV_BYTES,
            "file_too_large",
            f"berkas lebih dari {MAX_CSV_BYTES} bita ({MAX_CSV_BYTES + len(_HEADER)} bita)",
            f"the file is larger than {MAX_CSV_BYTES} bytes ({MAX_CSV_BYTES + len(_HEADER)} bytes)",
            id="too large",
        ),
    ],
)
def test_a_csv_file_that_cannot_be_read_is_one_problem_said_in_the_language_in_force(
    tmp_path: Path, content: bytes, rule: str, indonesian: str, english: str
) -> None:
    folder = write_template(tmp_path / "csv", ["candidates"])
    (folder / "mitra.csv").write_bytes(content)
    (folder / "kontak.csv").write_text(
        "ID mitra,Nama,Telepon\nkoperasi-sejahtera,Bu Ani,0812-5123-4567\n", encoding="utf-8"
    )  # refers to a candidate of the file not read: not a problem of its own
    said: list[tuple[Language, str]] = [("id", indonesian), ("en", english)]
    for language, text in said:
        with speaking(language), pytest.raises(InvalidSpreadsheetError) as caught:
            read_candidates(folder, program=PROGRAM)
        # one problem: the sheet is there, it cannot be read (not "sheet Mitra is missing")
        assert [(p.where, p.rule) for p in caught.value.problems] == [("mitra.csv", rule)]
        assert str(caught.value).splitlines()[1] == f"- mitra.csv: {text}"


# -- percentages ---------------------------------------------------------------------------

# (the cell as Excel keeps it, its number format, the percentage read)
PERCENT_CELLS: list[tuple[Any, str, Decimal]] = [
    (0.5, "0%", Decimal(50)),  # "50%" typed in Excel
    (0.125, "0.0%", Decimal("12.5")),
    (1, "0%", Decimal(100)),
    (0.57, "0.00%", Decimal(57)),  # not 56.99999999999999
    (0.2, "[Blue]0%;[Red]-0%", Decimal(20)),
    (50, "General", Decimal(50)),  # 50 typed as a number, as the template asks
    (50, '0"%"', Decimal(50)),  # a % the format shows as it is does not scale
    (50, "0\\%", Decimal(50)),
    ("80%", "@", Decimal(80)),  # typed into a text cell
    (" 80 %", "General", Decimal(80)),
    ("12.5%", "General", Decimal("12.5")),
]


def test_a_percentage_is_read_as_the_cell_shows_it(tmp_path: Path) -> None:
    path = write_template(tmp_path / "monitoring.xlsx", ["monitoring"])
    book = load_workbook(path)
    [bounds] = [v for v in book["Kemajuan"].data_validations.dataValidation if "C2" in str(v.sqref)]
    assert (bounds.type, bounds.formula1, bounds.formula2) == ("decimal", "0", "100")
    book["Monitoring"].append([1, 1, date(2025, 8, 25), "pkbm"])
    for number, (value, number_format, _) in enumerate(PERCENT_CELLS, start=2):
        book["Kemajuan"].append([1, f"Kegiatan {number}", value])
        book["Kemajuan"].cell(row=number, column=3).number_format = number_format
    book["Nilai Indikator"].append([1, "lulus", 0.05])  # a value shown as 5%: read as shown
    book["Nilai Indikator"]["C2"].number_format = "0%"
    book.save(path)
    [record] = read_monitoring(path)
    assert [p.percent for p in record.progress] == [percent for *_, percent in PERCENT_CELLS]
    assert record.indicators[0].value == Decimal(5)  # never 0.05 for what Excel shows as 5%


def test_a_percentage_in_csv_may_end_with_a_percent_sign(tmp_path: Path) -> None:
    folder = write_template(tmp_path / "csv", ["monitoring"])
    (folder / "monitoring.csv").write_text(
        "No.;Tahun ke-;Tanggal;Oleh\n1;1;25/08/2025;pkbm\n", encoding="utf-8"
    )
    (folder / "kemajuan.csv").write_text(
        "No. monitoring;Kegiatan;Kemajuan (%)\n1;A;50%\n1;B;7.5 %\n", encoding="utf-8"
    )  # as Excel saves a cell shown as 50%
    [record] = read_monitoring(folder)
    assert [p.percent for p in record.progress] == [Decimal(50), Decimal("7.5")]


@pytest.mark.parametrize(
    ("separator", "written", "read"),
    [
        # ";": Excel under an Indonesian locale, the comma the decimal mark
        (";", "12,5", Decimal("12.5")),
        (";", "0,75", Decimal("0.75")),
        (";", "12.5", Decimal("12.5")),
        (";", "1,500", Decimal("1.5")),  # one and a half
        (";", "1.700", Decimal(1700)),  # the dot groups thousands (the analyst's review)
        (";", "1.700.000,25", Decimal("1700000.25")),
        (";", "0.500", Decimal("0.5")),  # a leading 0 groups no thousands (the attack review)
        # ",": English Excel and kemitraan's own export, the dot the decimal mark
        (",", "12.5", Decimal("12.5")),
        (",", "1.700", Decimal("1.7")),
        (",", "1.125", Decimal("1.125")),
        (",", '"1,700"', Decimal(1700)),
        (",", '"1,700,000.5"', Decimal("1700000.5")),
    ],
)
def test_a_csv_reads_numbers_as_the_excel_that_separated_its_fields_writes_them(
    tmp_path: Path, separator: str, written: str, read: Decimal
) -> None:
    folder = write_template(tmp_path / "csv", ["monitoring"])
    header = separator.join(["No.", "Tahun ke-", "Tanggal", "Oleh"])
    (folder / "monitoring.csv").write_text(
        f"{header}\n{separator.join(['1', '1', '25/08/2025', 'pkbm'])}\n", encoding="utf-8"
    )
    values = separator.join(["No. monitoring", "ID indikator", "Nilai"])
    (folder / "nilai-indikator.csv").write_text(
        f"{values}\n{separator.join(['1', 'terjual', written])}\n", encoding="utf-8"
    )
    [record] = read_monitoring(folder)
    assert record.indicators[0].value == read


@pytest.mark.parametrize("typed", ["1.700", "1,700"])
def test_a_number_typed_as_text_and_grouped_once_is_refused_as_ambiguous(
    tmp_path: Path, typed: str
) -> None:
    # a text cell of a workbook says nothing of the decimal mark: 1,7 or 1700?
    path = _filled(
        tmp_path,
        {
            "Monitoring": [[1, 1, date(2025, 8, 25), "pkbm", None, "Berjalan"]],
            "Nilai Indikator": [[1, "terjual", typed]],
        },
    )
    with pytest.raises(InvalidSpreadsheetError) as caught:
        read_monitoring(path)
    # one problem, at the cell (the record is not judged without its value)
    assert [(p.where, p.rule) for p in caught.value.problems] == [
        ("Nilai Indikator!C2", "ambiguous_number")
    ]
    assert f"'{typed}' dapat dibaca dua cara" in str(caught.value)


@pytest.mark.parametrize("value", ["1.125", "2.500", "0.5"])
def test_what_kemitraan_writes_it_reads_back_equal(tmp_path: Path, value: str) -> None:
    # the attack review: a value of three decimals was refused as ambiguous on its own export
    record = MonitoringRecord(
        cycle=1,
        on=date(2025, 8, 25),
        by="pkbm",
        indicators=[IndicatorValue(indicator="terjual", value=Decimal(value))],
    )
    for target in (tmp_path / "m.xlsx", tmp_path / "csv"):
        write_spreadsheet(target, monitoring=[record])
        assert read_monitoring(target) == [record]


@pytest.mark.parametrize(
    ("sheet", "cell", "typed", "read"),
    [
        ("Peserta", "D", "P", "female"),  # Dapodik's codes
        ("Peserta", "D", "l", "male"),
        ("Peserta", "N", "Kompeten", True),  # the column's own word
        ("Peserta", "N", "Belum kompeten", False),
        ("Peserta", "H", "14 April 2025", date(2025, 4, 14)),
        ("Peserta", "H", "2025/04/14", date(2025, 4, 14)),  # the year first
        ("Peserta", "H", "2025-4-3", date(2025, 4, 3)),
        ("Peserta", "H", "31 Juli 2025", date(2025, 7, 31)),
        ("Peserta", "H", "5 Apr 2025", date(2025, 4, 5)),
        ("Peserta", "M", "5 Agu 2025", date(2025, 8, 5)),
        ("Tindak Lanjut", "E", "3,5 Juta", Decimal(3500000)),  # how an income is told
        ("Tindak Lanjut", "E", "Rp 750 rb", Decimal(750000)),
        ("Tindak Lanjut", "E", "1.500 rb", Decimal(1500000)),  # thousands of thousands
        ("Peserta", "H", "Senin, 14 April 2025", date(2025, 4, 14)),
        ("Peserta", "M", "5 Agt 2025", date(2025, 8, 5)),  # the older short form
    ],
)
def test_a_roster_takes_what_facilitators_type(
    tmp_path: Path, sheet: str, cell: str, typed: str, read: object
) -> None:
    path = write_template(tmp_path / "peserta.xlsx", ["learners"])
    book = load_workbook(path)
    book["Peserta"].append(
        ["pd-01", "Siti", None, "P", None, None, 1, date(2025, 4, 14), 40, 38,
         date(2025, 7, 31), None, date(2025, 8, 5), "Ya"]
    )  # fmt: skip
    book["Tindak Lanjut"].append(["pd-01", date(2026, 2, 1), "Ya", None, 3_000_000])
    book[sheet][f"{cell}2"] = typed
    book.save(path)
    [learner] = read_learners(path)
    found = {
        "D": learner.gender,
        "N": learner.competency.passed if learner.competency else None,
        "H": learner.enrolled_on,
        "M": learner.competency.tested_on if learner.competency else None,
        "E": learner.follow_ups[0].monthly_income,
    }[cell]
    assert found == read


def test_a_refused_cell_is_quoted_as_typed(tmp_path: Path) -> None:
    path = write_template(tmp_path / "peserta.xlsx", ["learners"])
    book = load_workbook(path)
    book["Peserta"].append(["pd-01", "Siti", None, "P", None, None, 1, date(2025, 4, 14)])
    book["Peserta"]["N2"] = "Lulus Uji"
    book["Tindak Lanjut"].append(["pd-01", date(2026, 2, 1), "Ya", None, "3,5 Miliar Rp"])
    book.save(path)
    with pytest.raises(InvalidSpreadsheetError) as caught:
        read_learners(path)
    said = str(caught.value)
    assert "'Lulus Uji' bukan Ya atau Tidak" in said  # not lower-cased
    assert "'3,5 Miliar Rp' bukan angka" in said  # spaces kept


def test_a_percentage_out_of_bounds_is_named_by_its_cell(tmp_path: Path) -> None:
    path = _filled(
        tmp_path,
        {
            "Monitoring": [[1, 1, date(2025, 8, 25), "pkbm", None, "Berjalan"]],
            "Kemajuan": [[1, "A", 1.5], [1, "B", "%"], [1, "C", "-5%"]],
        },
    )
    book = load_workbook(path)
    book["Kemajuan"]["C2"].number_format = "0%"  # shown as 150%
    book.save(path)
    with pytest.raises(InvalidSpreadsheetError) as caught:
        read_monitoring(path)
    assert [(p.where, p.rule) for p in caught.value.problems] == [
        ("Kemajuan!C2", "less_than_equal"),
        ("Kemajuan!C3", "not_number"),
        ("Kemajuan!C4", "greater_than_equal"),
    ]
    assert "'%' bukan angka" in str(caught.value)


# -- bounds ------------------------------------------------------------------------------


def test_a_workbook_too_large_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kemitraan.spreadsheets._xlsx as xlsx

    path = write_template(tmp_path / "t.xlsx")
    monkeypatch.setattr(xlsx, "MAX_FILE_BYTES", 1000)
    with pytest.raises(InvalidSpreadsheetError) as caught:
        read_spreadsheet(path)
    assert [(p.where, p.rule) for p in caught.value.problems] == [("t.xlsx", "file_too_large")]
    monkeypatch.setattr(xlsx, "MAX_FILE_BYTES", 10**7)
    monkeypatch.setattr(xlsx, "MAX_UNPACKED_BYTES", 10_000)  # a zip bomb unpacks to more
    with pytest.raises(InvalidSpreadsheetError) as caught:
        read_spreadsheet(path)
    assert [(p.where, p.rule) for p in caught.value.problems] == [("t.xlsx", "unpacked_too_large")]


def test_too_many_rows_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kemitraan.spreadsheets._build as build

    monkeypatch.setattr(build, "MAX_ROWS", 2)
    path = _filled(tmp_path, {"Mitra": [["", f"Toko {n}", "Koperasi/KUD"] for n in range(4)]})
    with pytest.raises(InvalidSpreadsheetError) as caught:
        read_candidates(path, program=PROGRAM)
    assert [(p.where, p.rule) for p in caught.value.problems] == [("Mitra!4:4", "too_many_rows")]


def test_what_is_not_a_workbook_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.xlsx").write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(InvalidSpreadsheetError, match="bukan buku kerja"):
        read_spreadsheet(tmp_path / "a.xlsx")
    with pytest.raises(InvalidArgumentError):
        read_spreadsheet(tmp_path / "missing.xlsx")


def test_the_candidates_need_their_programme(tmp_path: Path) -> None:
    path = _filled(tmp_path, {"Mitra": [["", "Toko A", "Koperasi/KUD"]]})
    with pytest.raises(InvalidArgumentError, match="program="):
        read_spreadsheet(path)
    assert read_spreadsheet(path, parts=["work_plan"]).work_plan is None
    with pytest.raises(InvalidSpreadsheetError, match="Rencana"):
        read_work_plan(path)


# -- exports refuse what would not come back -----------------------------------------------


@pytest.mark.parametrize(
    ("record", "rule"),
    [
        (
            MonitoringRecord(
                cycle=1,
                on=date(2025, 5, 30),
                by="pkbm",
                indicators=[IndicatorValue(indicator="x", value=Decimal("0.1234567890123456"))],
            ),
            "15",
        ),
        (
            MonitoringRecord(cycle=1, on=date(2025, 5, 30), by="pkbm", findings="a\ufffeb"),
            r"U\+FFFE",
        ),
        (
            MonitoringRecord(
                cycle=1, on=date(2025, 5, 30), by="pkbm", findings="x", deviations=["a\nb"]
            ),
            "line break",
        ),
        (
            MonitoringRecord(
                cycle=1, on=date(2025, 5, 30), by="pkbm", findings="x", deviations=["x" * 5000] * 8
            ),
            "32767",
        ),
    ],
)
def test_an_export_refuses_what_would_not_import_back(
    tmp_path: Path, record: MonitoringRecord, rule: str
) -> None:
    with speaking("en"), pytest.raises(InvalidArgumentError, match=rule) as caught:
        write_spreadsheet(tmp_path / "a.xlsx", monitoring=[record], language="en")
    assert re.search(r"(Monitoring|Indicator values)![A-Z]+2 ", str(caught.value))
    assert not (tmp_path / "a.xlsx").exists()


def test_a_cell_problem_says_where_it_is() -> None:
    whole_row = CellProblem("Mitra", 4, None, None, "too_many_rows", ("a", "b"))
    sheet = CellProblem("Mitra", None, None, None, "missing_sheet", ("a", "b"))
    assert (whole_row.where, sheet.where) == ("Mitra!4:4", "Mitra")
    assert whole_row.message("en") == "Mitra!4:4: b"


# -- the seed's workbook --------------------------------------------------------------------


def test_the_seed_case_workbook_reads_as_a_facilitator_would_fill_it(tmp_path: Path) -> None:
    from kemitraan import Stage
    from seed import at_stage

    partnership = at_stage(Stage.FOLLOW_UP, recorded=True)
    register = CandidateRegister(program=partnership.program, candidates=partnership.partners)
    path = write_spreadsheet(
        tmp_path / "kemitraan.xlsx",
        candidates=register,
        work_plan=partnership.work_plan,
        monitoring=partnership.monitoring,
        learners=partnership.learners,
    )
    book = load_workbook(path)
    partners_sheet = book["Mitra"]
    assert [partners_sheet.cell(row=n, column=3).value for n in range(2, 7)] == [
        "Kelompok masyarakat yang sudah maju",
        "Tokoh masyarakat yang berpengaruh",
        "Dunia usaha dan industri",
        "Koperasi/KUD",
        "Lembaga pemerintah (dinas terkait, unit pelaksana teknis)",
    ]
    activities = book["Kegiatan"]
    assert activities["B3"].value == "Praktik produksi tas rajut"
    assert activities["E3"].value.date() == date(2025, 4, 14)  # a real date
    assert activities["I3"].value == 30_000_000  # a number, shown in rupiah
    assert activities["I3"].number_format == '"Rp"#,##0.00'
    back = read_spreadsheet(path, program=partnership.program)
    assert back.candidates == register
    assert back.work_plan == partnership.work_plan
    assert back.monitoring == partnership.monitoring
    assert back.learners == partnership.learners
    roster = book["Peserta"]
    assert [c.value for c in roster[1]][:4] == ["ID peserta *", "Nama *", "NIK", "Jenis kelamin"]
    assert roster.max_row == 1 + len(partnership.learners) == 21
    assert book["Tindak Lanjut"].max_row > 1
    assert book["Dukungan Mitra"]["C2"].value == "Perizinan usaha"


def test_an_export_of_nothing_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidArgumentError, match="tidak ada yang ditulis"):
        write_spreadsheet(tmp_path / "a.xlsx")


# -- the learners' roster -----------------------------------------------------------------


def test_a_roster_filled_by_hand_imports(tmp_path: Path) -> None:
    path = _filled(
        tmp_path,
        {
            "Peserta": [
                [
                    "pd-01",
                    "Siti Rahmah",
                    None,
                    "Perempuan",
                    None,
                    None,
                    None,
                    date(2025, 4, 14),
                    40,
                    38,
                    date(2025, 7, 31),
                    None,
                    date(2025, 8, 5),
                    "Ya",
                    "LSP-0012",
                    "LSP Kriya",
                    date(2025, 9, 1),
                    "Rajut Siti",
                    "Tas rajut\nDompet rajut",
                ],
                ["PD-02", "Nur Aini", None, "female", None, None, 2, "14/04/2026"],
            ],
            "Tindak Lanjut": [["pd-01", date(2026, 2, 1), "ya", None, 3_600_000]],
            "Dukungan Mitra": [["pd-01", "cv-kriya-banua", "pembelian HASIL produksi"]],
        },
    )
    roster = read_learners(path)
    first, second = roster
    assert first.business is not None
    assert first.business.products == ["Tas rajut", "Dompet rajut"]
    assert first.competency == CompetencyTest(
        tested_on=date(2025, 8, 5), passed=True, certificate="LSP-0012", issuer="LSP Kriya"
    )
    assert first.follow_ups == [
        FollowUp(on=date(2026, 2, 1), business_running=True, monthly_income=Decimal(3_600_000))
    ]
    assert first.supported_by[0].kind is ContributionKind.OFFTAKE
    assert (second.id, second.cycle, second.gender) == ("PD-02", 2, Gender.FEMALE)
    assert second.enrolled_on == date(2026, 4, 14)


@pytest.mark.parametrize(
    "headers",
    [
        ["ID peserta", "Nama Lengkap", "L/P", "Tgl. Lahir", "No. HP/WA", "Tanggal daftar"],
        ["id peserta", "NAMA PESERTA DIDIK", "JK", "Tgl Lahir", "No HP", "Tanggal  daftar *"],
        ["ID peserta", "Nama", "L / P", "Tgl Lahir", "No. HP / WA", "Tanggal daftar"],
        [
            "ID peserta",
            "Nama",
            "Jenis Kelamin (L/P)",
            "Tanggal lahir",
            "WhatsApp",
            "Tanggal daftar",
        ],
    ],
)
def test_a_roster_of_ones_own_is_read_by_its_headers(tmp_path: Path, headers: list[str]) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Peserta"
    sheet.append(headers)
    sheet.append(
        ["pd-01", "Siti Rahmah", "P", date(2001, 5, 2), "0812-3456-7890", date(2025, 4, 14)]
    )
    book.save(tmp_path / "sendiri.xlsx")
    [learner] = read_learners(tmp_path / "sendiri.xlsx")
    assert (learner.name, learner.gender, learner.born_on) == (
        "Siti Rahmah",
        Gender.FEMALE,
        date(2001, 5, 2),
    )
    assert learner.phone is not None


def test_two_titles_of_one_column_are_named_together(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Peserta"
    sheet.append(["ID peserta", "Nama", "No HP", "No WA", "Tanggal daftar"])
    sheet.append(["pd-01", "Siti", "0812-3456-7890", "0812-3456-7891", "14/04/2025"])
    book.save(tmp_path / "dua.xlsx")
    with pytest.raises(InvalidSpreadsheetError) as caught:
        read_learners(tmp_path / "dua.xlsx")
    [problem] = caught.value.problems  # the header's, not one per row's cell
    assert (problem.where, problem.rule) == ("Peserta!D1", "same_column")
    assert problem.message() == (
        "Peserta!D1: kolom 'No WA' terbaca sebagai kolom yang sama dengan 'No HP' (C1); "
        "hapus salah satu"
    )


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        (" No. HP* ", "no hp"),
        ("Tgl.Lahir", "tgl lahir"),
        ("Penghasilan (Rp)", "penghasilan rp"),
        ("L / P", "l p"),
        ("Terpakai s/d kini", "terpakai s d kini"),
    ],
)
def test_a_header_is_matched_without_case_spacing_or_punctuation(typed: str, read: str) -> None:
    assert plain_key(typed) == read


def test_a_sheet_that_reads_one_header_as_two_columns_is_not_declared() -> None:
    name = _columns.column("name", ("Nama", "Name"), ("", ""))
    other = _columns.column("note", ("Catatan", "Note"), ("", ""), titles=("Nama.",))
    with pytest.raises(InvalidDeclarationError, match="'nama'"):
        _columns.SheetSpec("x", ("X", "X"), (name, other), ("", ""))


def _roster_row(learner: str, name: str, **cells: Any) -> list[Any]:
    """A row of sheet Peserta: id, name, enrolled on 14 April 2025, and ``cells`` by letter."""
    row: list[Any] = [learner, name, *[None] * 5, date(2025, 4, 14), *[None] * 16]
    for letter, value in cells.items():
        row[ord(letter) - ord("A")] = value
    return row


def test_every_problem_of_a_roster_is_named_by_its_cell(tmp_path: Path) -> None:
    path = _filled(
        tmp_path,
        {
            "Peserta": [
                _roster_row("pd-01", "Siti", I=10, J=12),  # attended more than held
                _roster_row("pd-01", "Siti lagi"),  # the first row's id
                _roster_row("pd-03", "Ani", K=date(2025, 7, 31), L=date(2025, 6, 1)),
                _roster_row("pd-04", "Rina", M=date(2025, 3, 1), N="Tidak"),  # before enrolling
                _roster_row("pd-05", "Wati", C="123", M=date(2025, 8, 1), N="Tidak", O="LSP-1"),
            ],
            "Tindak Lanjut": [["pd-09", date(2026, 2, 1)]],
            "Dukungan Mitra": [["pd-03", "cv-kriya-banua", "hadiah"]],
        },
    )
    with pytest.raises(InvalidSpreadsheetError) as caught:
        read_learners(path)
    found = {(p.where, p.rule) for p in caught.value.problems}
    assert found == {
        ("Peserta!J2", "attended_more_than_held"),
        ("Peserta!A3", "duplicate_key"),
        ("Peserta!L4", "completed_and_dropped_out"),
        ("Peserta!M5", "before_enrolment"),
        ("Peserta!C6", "invalid_nik"),
        ("Peserta!O6", "certificate_without_pass"),
        ("Tindak Lanjut!A2", "unknown_reference"),
        ("Dukungan Mitra!C2", "not_choice"),
    }
    message = str(caught.value)
    assert "Tindak Lanjut!A2 (ID peserta): 'pd-09' tidak ada di lembar Peserta" in message


# -- the language in force ------------------------------------------------------------------


@contextmanager
def _english(how: str) -> Iterator[None]:
    """English in force: for a block (``speaking``) or for the whole process (``set_language``)."""
    if how == "block":
        with speaking("en"):
            yield
        return
    before = current_language()
    set_language("en")
    try:
        yield
    finally:
        set_language(before)


def _sheets(path: Path) -> list[str]:
    if path.is_dir():
        return sorted(p.name for p in path.iterdir())
    return load_workbook(path, read_only=True).sheetnames


PLAN = WorkPlan(
    drawn_up_on=date(2025, 2, 24),
    participants=["pkbm", "kube"],
    activities=[PlannedActivity(name="Praktik produksi", responsible="kube")],
)


@pytest.mark.parametrize("how", ["block", "process"])
@pytest.mark.parametrize(
    ("where", "english", "indonesian"),
    [
        ("a.xlsx", "Plan", "Rencana"),
        ("csv", "plan.csv", "rencana.csv"),
    ],
)
def test_a_spreadsheet_is_written_in_the_language_in_force(
    tmp_path: Path, how: str, where: str, english: str, indonesian: str
) -> None:
    with _english(how):
        template = write_template(tmp_path / "template" / where, ["work_plan"])
        export = write_spreadsheet(tmp_path / "export" / where, work_plan=PLAN)
        chosen = write_template(tmp_path / "chosen" / where, ["work_plan"], language="id")
    assert english in _sheets(template)
    assert english in _sheets(export)
    assert indonesian in _sheets(chosen)  # a language given wins
    assert read_work_plan(export) == PLAN  # read back in Indonesian: either language's sheets


def _read_candidates(path: Path, **language: Any) -> Any:
    return read_candidates(path, program=PROGRAM, **language)


def _read_all(path: Path, **language: Any) -> Any:
    return read_spreadsheet(path, program=PROGRAM, **language)


_LATE = "'kemarin' is not a date; enter an Excel date or DD/MM/YYYY (e.g. 10/03/2025)"


@pytest.mark.parametrize("how", ["block", "process"])
@pytest.mark.parametrize(
    ("read", "sheets", "english"),
    [
        pytest.param(
            _read_candidates,
            {"Mitra": [["", "Toko A", "toko"]]},
            "Mitra!C2 (Jenis mitra): 'toko' is not a known choice; pick one of: Advanced",
            id="read_candidates",
        ),
        pytest.param(
            read_work_plan,
            {"Rencana": [["kemarin", "pkbm"]]},
            f"Rencana!A2 (Tanggal disusun): {_LATE}",
            id="read_work_plan",
        ),
        pytest.param(
            read_monitoring,
            {"Monitoring": [[1, 1, "kemarin", "pkbm"]]},
            f"Monitoring!C2 (Tanggal): {_LATE}",
            id="read_monitoring",
        ),
        pytest.param(
            read_learners,
            {"Peserta": [["pd-01", "Siti", None, None, None, None, None, "kemarin"]]},
            f"Peserta!H2 (Tanggal daftar): {_LATE}",
            id="read_learners",
        ),
        pytest.param(
            _read_all,
            {"Mitra": [["", "Toko A", "Koperasi/KUD", None, "sejuta"]]},
            "Mitra!E2 (Modal usaha (Rp)): 'sejuta' is not a number",
            id="read_spreadsheet",
        ),
    ],
)
def test_an_import_names_its_problems_in_the_language_in_force(
    tmp_path: Path, how: str, read: Any, sheets: dict[str, list[list[Any]]], english: str
) -> None:
    path = _filled(tmp_path, sheets)  # an Indonesian template, read in English
    with _english(how):
        with pytest.raises(InvalidSpreadsheetError) as caught:
            read(path)
        said = caught.value
        assert str(said).startswith("isi.xlsx cannot be imported (1 problems; nothing imported)")
        assert said.problems[0].message().startswith(english)
        with pytest.raises(InvalidSpreadsheetError) as caught:
            read(path, language="id")  # a language given wins
        assert str(caught.value).startswith("isi.xlsx tidak dapat diimpor (1 masalah;")


@pytest.mark.parametrize("how", ["block", "process"])
def test_a_missing_sheet_is_named_in_the_language_in_force(tmp_path: Path, how: str) -> None:
    path = write_template(tmp_path / "t.xlsx", ["candidates"], language="id")
    with _english(how):
        with pytest.raises(InvalidSpreadsheetError) as caught:
            read_work_plan(path)
        assert [p.message() for p in caught.value.problems] == ["Plan: sheet 'Plan' is missing"]


@pytest.mark.parametrize(
    ("typed", "kind"),
    [
        ("Lembaga Pemerintah", PartnerKind.GOVERNMENT),  # the guide's A.1 words
        ("Dinas", PartnerKind.GOVERNMENT),
        ("dinas terkait", PartnerKind.GOVERNMENT),
        ("Koperasi", PartnerKind.COOPERATIVE),
        ("KUD", PartnerKind.COOPERATIVE),
        ("DUDI", PartnerKind.BUSINESS),
        ("Dunia usaha", PartnerKind.BUSINESS),
        ("Tokoh masyarakat", PartnerKind.COMMUNITY_FIGURE),
        ("Yayasan", PartnerKind.FOUNDATION),
        ("BUMD", PartnerKind.STATE_ENTERPRISE),
    ],
)
def test_a_kind_of_partner_in_the_words_people_use(
    tmp_path: Path, typed: str, kind: PartnerKind
) -> None:
    # the facilitator's review: the guide's own "Lembaga Pemerintah" was refused
    folder = write_template(tmp_path / "csv", ["candidates"])
    lines = ["ID", "Nama", "Jenis mitra"], ["", "Mitra A", typed]
    (folder / "mitra.csv").write_text("".join(";".join(line) + "\n" for line in lines))
    [candidate] = read_candidates(folder, program=PROGRAM).candidates
    assert candidate.kind is kind
