"""What kemitraan says: Indonesian by default, English on request, every message from a catalog.

Issue 18: validation errors were English only ("NIB must be exactly 13 digits"), and a bad
date string said "invalid character in year" without naming the expected form.
"""

from __future__ import annotations

import string
import sys
import threading
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po
from pydantic import ValidationError

from kemitraan import (
    ExplorationResponse,
    Institution,
    Partner,
    PartnerKind,
    Period,
    Program,
    Region,
)
from kemitraan.exceptions import UnsupportedLanguageError
from kemitraan.messages import (
    LANGUAGES,
    PYDANTIC_MESSAGES,
    Language,
    current_language,
    set_language,
    speaking,
    translate,
    translated,
)
from kemitraan.parties import BusinessScale, ScaleEvidence

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import catalogs  # noqa: E402  # tools/catalogs.py, the script that makes the catalogs


def _catalog(language: str) -> Any:
    path = ROOT / "src" / "kemitraan" / "locale" / language / "LC_MESSAGES" / "kemitraan.po"
    with path.open("rb") as file:
        return read_po(file, locale=language, domain="kemitraan")


def _names(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_id_is_in_both_catalogs_translated_and_compiled(
    capsys: pytest.CaptureFixture[str],
) -> None:
    ids = catalogs.extracted()
    assert len(ids) > 100
    for language in LANGUAGES:
        catalog = _catalog(language)
        held = {message.id: message.string for message in catalog if message.id}
        assert set(held) == set(ids), language
        assert all(held.values()), [m for m, s in held.items() if not s]
    assert catalogs.main(["--check"]) == 0, capsys.readouterr().out  # .po and .mo up to date


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_translation_names_exactly_the_values_its_message_names(language: str) -> None:
    for message in _catalog(language):
        if message.id:
            assert _names(message.string) == _names(message.id), message.id


def test_english_says_each_id_as_it_is() -> None:
    for message in catalogs.extracted():
        assert translate(message, "en") == message


def _first_message(make: Any) -> dict[str, Any]:
    with pytest.raises(ValidationError) as caught:
        make()
    return dict(caught.value.errors()[0])


CASES = [
    (
        "nib",
        lambda: Institution(name="PKBM A", nib="12"),
        "invalid_nib",
        "NIB harus tepat 13 angka, bukan '12'",
        "NIB must be exactly 13 digits, got '12'",
    ),
    (
        "bad date string names its form",
        lambda: Period(start="33-03-2025", end="2025-12-31"),  # type: ignore[arg-type]
        "date_from_datetime_parsing",
        "Tanggal ditulis TTTT-BB-HH (mis. 2025-03-10 untuk 10 Maret 2025), bukan '33-03-2025'",
        "Expected a date in the form YYYY-MM-DD (e.g. 2025-03-10), not '33-03-2025'",
    ),
    (
        "missing field",
        lambda: Institution(),  # type: ignore[call-arg]
        "missing",
        "Wajib diisi",
        "This field is required",
    ),
    (
        "unknown field",
        lambda: Region(province="Jawa Timur", provinsi="Jawa Timur"),  # type: ignore[call-arg]
        "extra_forbidden",
        "Isian ini tidak dikenal di sini (periksa ejaannya)",
        "This field is unknown here (check its spelling)",
    ),
    (
        "a choice, by the labels one may type",
        lambda: ExplorationResponse(partner_id="cv", response="setuju"),  # type: ignore[arg-type]
        "enum",
        "'setuju' bukan salah satu pilihan: “Bersedia bekerja sama” (agreed), “Masih "
        "mempertimbangkan” (considering) atau “Tidak bersedia” (declined)",
        "'setuju' is not one of the choices: “Agreed to cooperate” (agreed), “Still "
        "considering” (considering) or “Declined” (declined)",
    ),
    (
        "a long list of choices, cut at whole choices",
        lambda: Partner(name="X", kind="koperasi"),  # type: ignore[arg-type]
        "enum",
        "'koperasi' bukan salah satu pilihan: “Kelompok masyarakat yang sudah maju” "
        "(community_group), “Tokoh masyarakat yang berpengaruh” (community_figure), “Dunia "
        "usaha dan industri” (business), “Koperasi/KUD” (cooperative), “Lembaga pemerintah "
        "(dinas terkait, unit pelaksana teknis)” (government), “Satuan pendidikan” "
        "(education_unit), “Yayasan/LSM” (foundation), “BUMN/BUMD” (state_enterprise), "
        "“BUMDes” (village_enterprise), “Lembaga keuangan” (financial_institution), “Platform"
        " digital” (digital_platform) atau 2 lainnya",
        "'koperasi' is not one of the choices: “Advanced community group” (community_group), "
        "“Influential community figure” (community_figure), “Business and industry” "
        "(business), “Cooperative / village unit cooperative (KUD)” (cooperative), "
        "“Government agency or technical unit” (government), “Education unit” "
        "(education_unit), “Foundation / NGO” (foundation), “State-owned enterprise” "
        "(state_enterprise), “Village-owned enterprise” (village_enterprise), “Financial "
        "institution” (financial_institution), “Digital platform” (digital_platform) or 2 "
        "more",
    ),
    (
        "a name where an id is asked for",
        lambda: Partner(name="CV Maju", id="CV Maju", kind=PartnerKind.BUSINESS),
        "string_pattern_mismatch",
        "'CV Maju' bukan id: hanya huruf kecil dan angka, kata dirangkai dengan - atau _ (mis. "
        "kube-rajut); pihak, kegiatan, atau kebutuhan disebut dengan id-nya, bukan namanya",
        "'CV Maju' is not an id: lowercase letters and digits, words joined by - or _ (such as "
        "kube-rajut); a party, an activity or a need is named by its id, not by its name",
    ),
    (
        "a scale the finances contradict, by its labels",
        lambda: Partner(
            name="UD X",
            kind=PartnerKind.BUSINESS,
            scale=BusinessScale.SMALL,
            finances=ScaleEvidence(annual_sales=Decimal(100_000_000)),
        ),
        "scale_mismatch",
        "Skala usaha tertulis usaha kecil, padahal menurut hasil penjualan tahunan termasuk "
        "usaha mikro (PP 7/2021)",
        "scale given: small enterprise; by its annual sales it is a micro enterprise (PP 7/2021)",
    ),
    (
        "province",
        lambda: Region(province="Atlantis"),
        "unknown_province",
        "'Atlantis' bukan salah satu dari 38 provinsi di Indonesia; tulis namanya, mis. "
        "'Kalimantan Selatan', atau singkatannya, mis. 'Kalsel'",
        "'Atlantis' is not one of Indonesia's 38 provinces; write its name, such as "
        "'Kalimantan Selatan', or its short form, such as 'Kalsel'",
    ),
]


@pytest.mark.parametrize(
    ("make", "code", "indonesian", "english"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_errors_are_indonesian_by_default_and_english_on_request(
    make: Any, code: str, indonesian: str, english: str
) -> None:
    said = _first_message(make)
    assert (said["type"], said["msg"]) == (code, indonesian)
    with speaking("en"):
        said = _first_message(make)
    assert (said["type"], said["msg"]) == (code, english)


def test_a_translated_error_keeps_its_location_and_hides_its_input() -> None:
    with pytest.raises(ValidationError) as caught:
        Institution(name="PKBM A", npsn="x", nib="12")
    errors = caught.value.errors()
    assert sorted(e["loc"] for e in errors) == [("nib",), ("npsn",)]
    assert "input_value" not in str(caught.value)  # models hide personal input in errors


def test_an_assignment_is_refused_in_the_language_in_force() -> None:
    program = Program(name="PKW", objectives=["x"])
    with pytest.raises(ValidationError, match="Paling sedikit 1 butir, bukan 0"):
        program.objectives = []
    assert program.objectives == ["x"]


def test_the_process_language_and_a_block_s_language() -> None:
    assert current_language() == "id"
    set_language("en")
    try:
        assert translate("This field is required") == "This field is required"
        with speaking("id"):
            assert translate("This field is required") == "Wajib diisi"
        assert current_language() == "en"
    finally:
        set_language("id")
    assert translate("This field is required") == "Wajib diisi"


def test_a_block_s_language_is_its_thread_s_own() -> None:
    seen: dict[str, str] = {}
    barrier = threading.Barrier(2)

    def speak(language: str) -> None:
        with speaking(language):  # type: ignore[arg-type]
            barrier.wait()
            seen[language] = translate("This field is required")

    threads = [threading.Thread(target=speak, args=(lang,)) for lang in ("id", "en")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == {"id": "Wajib diisi", "en": "This field is required"}


@pytest.mark.parametrize("language", ["fr", "", "ID", None])
def test_a_language_without_a_catalog_is_refused_naming_it(language: Any) -> None:
    with pytest.raises(UnsupportedLanguageError):
        set_language(language)
    with pytest.raises(UnsupportedLanguageError), speaking(language):
        pass
    assert current_language() == "id"


def test_every_pydantic_message_is_said_with_its_own_context() -> None:
    # each template names only what pydantic gives for its error type, and the input
    for kind, template in PYDANTIC_MESSAGES.items():
        for language in LANGUAGES:
            assert _names(translate(template, language)) == _names(template), kind


def test_a_dated_error_still_carries_its_day() -> None:
    with pytest.raises(ValidationError) as caught:
        Period(start=date(1800, 1, 1), end=date(2025, 1, 1))
    error = caught.value.errors()[0]
    assert error["type"] == "day_out_of_range"
    assert "1800-01-01" in error["msg"]
    assert error["msg"].endswith("(1900-01-01 sampai 2200-12-31)")


# -- kemitraan's own errors ---------------------------------------------------------------


def _walked(stage: Any) -> Any:
    from seed import at_stage  # tests/seed.py: the seed case walked to a stage

    return at_stage(stage)


def _raised(make: Any) -> Exception:
    try:
        make()
    except Exception as error:  # the error is what is looked at
        return error
    raise AssertionError("nothing was raised")


def test_a_refused_move_is_said_in_indonesian_with_the_stage_s_title() -> None:
    from kemitraan import Institution, Partnership, RequirementsUnmetError

    p = Partnership(
        institution=Institution(name="PKBM A"), program=Program(name="PKW", objectives=["x"])
    )
    error = _raised(p.advance)
    assert isinstance(error, RequirementsUnmetError)
    assert str(error) == (
        "tahap Identifikasi atau pemetaan objek mitra belum selesai: "
        "Petakan sedikitnya satu calon mitra beserta jenis dan wilayahnya."
    )
    assert error.message("en").startswith(
        "the stage Identifying and mapping candidate partners is not complete: "
    )
    assert "candidate_mapped" not in str(error)  # the code is an attribute, not a word
    assert [r.code for r in error.unmet] == ["candidate_mapped"]


def test_an_append_to_a_signed_role_names_its_list() -> None:
    from kemitraan import ReadOnlyFieldError, Stage

    p = _walked(Stage.IMPLEMENTATION)
    error = _raised(lambda: p.agreement.roles[0].responsibilities.append("Tugas baru"))
    assert isinstance(error, ReadOnlyFieldError)
    assert error.field == "responsibilities"
    assert str(error).startswith("responsibilities tidak dapat diubah: ")


@pytest.mark.parametrize(
    ("make", "indonesian", "english"),
    [
        (
            lambda p: p.party("toko"),
            "pihak 'toko' tidak dikenal; yang ada: ",
            "unknown party 'toko'; known: ",
        ),
        (
            lambda p: p.sign(p.agreement.party_ids[0], on="33-03-2025"),
            "on: '33-03-2025' bukan tanggal; beri tanggal, mis. date(2025, 3, 10)",
            "on: '33-03-2025' is not a date; give a date, e.g. date(2025, 3, 10)",
        ),
        (
            lambda p: p.advance(at=__import__("datetime").datetime(2025, 3, 3)),
            "at: 2025-03-03T00:00:00 tidak memiliki zona waktu",
            "at: 2025-03-03T00:00:00 has no time zone",
        ),
    ],
    ids=["unknown party", "a date as text in another form", "a time without its zone"],
)
def test_wrong_arguments_are_said_in_the_language_in_force(
    make: Any, indonesian: str, english: str
) -> None:
    from kemitraan import KemitraanError, Stage

    p = _walked(Stage.SIGNING)
    before = p.model_dump_json()
    error = _raised(lambda: make(p))
    assert isinstance(error, KemitraanError)
    assert str(error).startswith(indonesian)
    assert error.message("en").startswith(english)
    with speaking("en"):
        assert str(_raised(lambda: make(p))).startswith(english)
    assert p.model_dump_json() == before


def test_a_refusal_by_the_policy_keeps_its_rule_out_of_the_sentence() -> None:
    from kemitraan.exceptions import NotPermittedError

    error = NotPermittedError(None, "move", "no_actor", ("tidak ada pelaku", "nobody is acting"))
    assert (str(error), error.message("en"), error.rule) == (
        "Ditolak: tidak ada pelaku",
        "Refused: nobody is acting",
        "no_actor",
    )


# -- what a translated error must not do (found in review) ---------------------------------


def test_a_nik_in_a_date_field_is_not_quoted_whole() -> None:
    from kemitraan import Partner

    with pytest.raises(ValidationError) as caught:
        Partner(name="Toko", kind="business", mapped_on="3171011708450001")  # type: ignore[arg-type]
    assert "3171011708450001" not in str(caught.value)
    assert "bukan '3171********0001'" in caught.value.errors()[0]["msg"]


def test_pydantic_s_context_is_kept_as_pydantic_gave_it() -> None:
    from decimal import Decimal

    from pydantic import BaseModel, Field

    with pytest.raises(ValidationError) as caught:
        Period(start="33-03-2025", end="2025-12-31")  # type: ignore[arg-type]
    assert caught.value.errors(include_input=False)[0]["ctx"] == {
        "error": "invalid character in year"
    }  # no input added to it: include_input=False still scrubs an error

    class Amount(BaseModel):
        value: Decimal = Field(ge=0)

    with pytest.raises(ValidationError) as plain:
        Amount(value=Decimal(-1))
    error = translated(plain.value).errors()[0]
    assert error["ctx"] == {"ge": Decimal(0)}  # the type kept
    assert error["msg"] == "Paling sedikit 0"


def test_braces_in_a_value_are_not_filled_in_again() -> None:
    with pytest.raises(ValidationError) as caught:
        Institution(name="PKBM", nib="{length}", is_foreign="x")  # type: ignore[arg-type]
    said = {e["type"]: e["msg"] for e in caught.value.errors()}
    assert "13'" not in said["invalid_nib"]
    assert said["invalid_nib"].replace("\u200b", "").endswith("bukan '{length}'")


def test_a_missing_name_says_only_that() -> None:
    from kemitraan import Partner

    with pytest.raises(ValidationError) as caught:
        Partner(kind="business")  # type: ignore[call-arg, arg-type]
    assert [e["type"] for e in caught.value.errors()] == ["missing"]  # no default-factory note


def test_a_message_worded_in_each_language_keeps_each_language_and_the_values_given() -> None:
    from kemitraan._catalog import Worded, both, later

    day = Worded("9 Maret 2026", "9 March 2026")
    values: dict[str, object] = {"name": "Praktik {x}", "due": day, "late": 3}
    message = "{name} was due to finish on {due}; {late} days late."
    said = later(message, **values)
    assert said.pair() == said.pair() == both(message, **values)  # said twice, alike
    indonesian, english = said.pair()
    assert "9 Maret 2026" in indonesian
    assert "9 March 2026" in english
    assert "Maret" not in english
    assert "Praktik {x}" in indonesian  # a value is filled as it is, never read as a template
    assert values == {"name": "Praktik {x}", "due": day, "late": 3}  # the caller's, unchanged
    assert said.values["due"] is day
    assert both("Last report {day}.", day="kemarin") == (
        "Laporan terakhir kemarin.",
        "Last report kemarin.",
    )


@pytest.mark.parametrize("made_in", ["id", "en"])
def test_a_refused_load_says_its_details_in_either_language(made_in: str) -> None:
    """``message("en")`` of a refused load is English through and through, and back."""
    from kemitraan import InvalidDataError, load_json

    data = '{"name": "Toko B", "kind": "toko", "region": {"province": "Atlantis"}}'
    with speaking(made_in), pytest.raises(InvalidDataError) as caught:  # type: ignore[arg-type]
        load_json(Partner, data)
    error = caught.value
    indonesian, english = error.message("id"), error.message("en")
    assert "'toko' bukan salah satu pilihan" in indonesian
    assert "'Atlantis' bukan salah satu dari 38 provinsi" in indonesian
    assert "'toko' is not one of the choices" in english
    assert "'Atlantis' is not one of Indonesia's 38 provinces" in english
    assert str(error) == (indonesian if made_in == "id" else english)
    assert [e["loc"] for e in error.errors] == [("kind",), ("region", "province")]


@pytest.mark.parametrize(
    ("expected", "indonesian"),
    [
        ("\"Jum'at\", 'Senin' or 'x\"y'", "\"Jum'at\", 'Senin' atau 'x\"y'"),  # quotes in values
        ("'a', 1 or 'b'", "'a', 1 atau 'b'"),  # a Literal of mixed kinds keeps every value
        ("1, 2 or 3", "1, 2 atau 3"),
        ("'a or b' or 'c'", "'a or b' atau 'c'"),  # " or " inside a value
        ("'only'", "'only'"),
        ("not pydantic's list", "not pydantic's list"),  # left as it is
    ],
)
def test_a_choice_list_is_read_back_whole_and_joined_in_the_language(
    expected: str, indonesian: str
) -> None:
    from pydantic import ValidationError

    from kemitraan.messages import translated

    refused = ValidationError.from_exception_data(
        "Choice",
        [{"type": "literal_error", "loc": ("day",), "input": "z", "ctx": {"expected": expected}}],
    )
    said = {language: translated(refused, language).errors()[0]["msg"] for language in ("id", "en")}
    assert said == {
        "id": f"'z' bukan salah satu pilihan: {indonesian}",
        "en": f"'z' is not one of the choices: {expected}",
    }


def test_a_field_misspelt_in_an_assignment_is_named_in_the_language_in_force() -> None:
    from pydantic import ValidationError

    from kemitraan import Partner, PartnerKind

    partner = Partner(name="Toko B", kind=PartnerKind.BUSINESS)
    said: dict[Language, str] = {"id": "Tidak ada isian 'notes'", "en": "There is no field 'notes'"}
    for language, text in said.items():
        with speaking(language), pytest.raises(ValidationError, match=text):
            partner.notes = "x"
