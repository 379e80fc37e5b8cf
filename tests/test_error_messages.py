"""kemitraan's own errors say themselves from the catalogs (issue 18.1).

For each kind of error, one representative instance: Indonesian by default, English in
``speaking("en")`` and through ``message("en")``, its values named in both, and no rule code
in either sentence (codes stay in attributes).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest

import kemitraan.lifecycle  # noqa: F401  # fills the moves' titles a refused move says
from kemitraan import BilingualText, Region, Stage
from kemitraan._requirement_book import REQUIREMENTS
from kemitraan.conventions import ordinal
from kemitraan.documents import DocumentTemplate
from kemitraan.exceptions import (
    AgreementNotReadyError,
    ConversionFailedError,
    ConverterNotFoundError,
    DocumentNotFoundError,
    InvalidArgumentError,
    InvalidDataError,
    InvalidDeclarationError,
    InvalidSpreadsheetError,
    KemitraanError,
    MissingExtraError,
    MissingTemplateVariablesError,
    MissingTranslationsError,
    MoveNotAllowedError,
    TemplateRenderError,
    TransitionRefusedError,
    UnsafeTemplateError,
    UnsupportedSchemaVersionError,
)
from kemitraan.findings import RuleBook
from kemitraan.learners import Learner
from kemitraan.maintenance.touchpoints import touchpoints_ical
from kemitraan.messages import speaking
from kemitraan.spreadsheets import CellProblem
from seed import at_stage


@dataclass
class _Finding:  # what AgreementNotReadyError reads of a finding
    code: str
    message: BilingualText


def _raised(make: Callable[[], Any]) -> KemitraanError:
    try:
        made = make()
    except KemitraanError as error:
        return error
    assert isinstance(made, KemitraanError), made
    return made


def _declared_twice() -> None:
    book: RuleBook[Any] = RuleBook()
    rule = REQUIREMENTS[0].rule
    book.add(rule)
    book.add(rule)


def _signed_agreement() -> Any:
    agreement = at_stage(Stage.IMPLEMENTATION).agreement
    assert agreement is not None
    return agreement


def _amended_view() -> Any:
    return at_stage(Stage.IMPLEMENTATION).as_amended()


# (name, make, Indonesian, English, values named in both, codes said in neither)
CASES: list[tuple[str, Callable[[], Any], str, str, list[str], list[str]]] = [
    (
        "a value object refuses an assignment (not pydantic's English, no value shown)",
        lambda: setattr(Region(province="Kalsel"), "province", "Kalimantan Timur"),
        "Region.province tidak dapat diubah: isian ini bagian dari nilai yang tidak diubah",
        "Region.province cannot be changed: it belongs to a value object",
        ["model_copy(update=...)"],
        ["Kalimantan Timur", "frozen_instance", "errors.pydantic.dev"],
    ),
    (
        "a signed text refuses an edit in place",
        lambda: setattr(_signed_agreement(), "subject", "Diubah"),
        "Agreement.subject tidak dapat diubah: naskah sudah ditandatangani",
        "Agreement.subject cannot be changed: it is signed",
        [],
        ["Diubah"],
    ),
    (
        "the agreement as amended is a view",
        lambda: setattr(_amended_view(), "subject", "Diubah"),
        "tampilan saja, yang hanya berubah melalui adendum",
        "a view, changed only by an addendum",
        [],
        [],
    ),
    (
        "a template refusal from the catalogs",
        lambda: TemplateRenderError.saying(
            "{part} has no <w:body>", template="surat.docx", part="word/document.xml"
        ),
        "templat surat.docx tidak dapat diisi: word/document.xml tidak memuat <w:body>",
        "the template surat.docx cannot be rendered: word/document.xml has no <w:body>",
        ["surat.docx", "word/document.xml"],
        [],
    ),
    (
        "not a DOCX",
        lambda: DocumentTemplate(b"not a zip", name="rusak.docx"),
        "templat rusak.docx tidak dapat diisi: berkasnya bukan DOCX",
        "the template rusak.docx cannot be rendered: it is not a DOCX file",
        ["rusak.docx"],
        [],
    ),
    (
        "names the context lacks",
        lambda: MissingTemplateVariablesError(["ttd", "nomor"], template="surat.docx"),
        "templat surat.docx tidak dapat diisi: templat memakai nama yang tidak ada",
        "the template surat.docx cannot be rendered: it uses names the context does not give",
        ["nomor, ttd"],
        [],
    ),
    (
        "the sandbox",
        lambda: UnsafeTemplateError.saying(
            "its loops run more than {most} times", template="t.docx", most="100.000"
        ),
        "perulangannya berjalan lebih dari 100.000 kali",
        "its loops run more than 100.000 times",
        ["t.docx"],
        [],
    ),
    (
        "English wording missing",
        lambda: MissingTranslationsError([f"Pasal {n}" for n in range(7)]),
        "templat dokumen dwibahasa tidak dapat diisi: perlu terjemahan bahasa Inggris untuk 7 teks",
        "the template bilingual document cannot be rendered: it needs English for 7 texts",
        ["'Pasal 0'", "'Pasal 4'", "2"],
        [],
    ),
    (
        "an extra not installed",
        lambda: MissingExtraError("diagrams", "graphviz_diagram", "pydot"),
        "graphviz_diagram memerlukan pydot; pasang dengan: pip install 'kemitraan[diagrams]'",
        "graphviz_diagram needs pydot; install it: pip install 'kemitraan[diagrams]'",
        ["pydot"],
        [],
    ),
    (
        "no such document",
        lambda: DocumentNotFoundError("mou.docx"),
        "dokumen mou.docx tidak ada",
        "the document mou.docx does not exist",
        ["mou.docx"],
        [],
    ),
    (
        "no LibreOffice",
        lambda: ConverterNotFoundError("soffice"),
        "soffice (LibreOffice) belum terpasang",
        "soffice (LibreOffice) is not installed",
        ["soffice"],
        [],
    ),
    (
        "LibreOffice failed, its output quoted",
        lambda: ConversionFailedError.saying(
            "LibreOffice could not convert {document} (exit code {code}): '{printed}'",
            document="mou.docx",
            code=77,
            output="Error: source file could not be loaded",
            printed="Error: source file could not be loaded",
        ),
        "LibreOffice tidak dapat mengubah mou.docx (kode keluar 77): 'Error: source file",
        "LibreOffice could not convert mou.docx (exit code 77): 'Error: source file",
        ["mou.docx", "77"],
        [],
    ),
    (
        "an agreement not ready",
        lambda: AgreementNotReadyError(
            [
                _Finding(f"role_{n}", BilingualText(indonesian=f"Salah {n}", english=f"Wrong {n}"))
                for n in range(6)
            ]
        ),
        "kesepakatan masih memuat 6 kesalahan yang harus diperbaiki sebelum final (atau buat "
        "sebagai draf): Salah 0; Salah 1; Salah 2; Salah 3; Salah 4; dan 1 lainnya",
        "the agreement has 6 errors to fix before it is final (or render it as a draft): "
        "Wrong 0; Wrong 1; Wrong 2; Wrong 3; Wrong 4; and 1 more",
        ["6"],
        ["role_0", "role_5"],
    ),
    (
        "a refused move from the catalogs",
        lambda: TransitionRefusedError.saying(
            "a history key must not be empty", move="advance", stage="mapping"
        ),
        "kunci riwayat tidak boleh kosong",
        "a history key must not be empty",
        [],
        ["advance", "mapping"],
    ),
    (
        "a move that does not exist here, by its title",
        lambda: MoveNotAllowedError(
            move="renew",
            stage="mapping",
            allowed=["advance", "decline"],
            stage_title=lambda language: "Pemetaan" if language == "id" else "Mapping",
        ),
        "Lanjutkan ke tahun berikutnya tidak dapat dilakukan pada tahap Pemetaan; yang dapat: "
        "Lanjut ke langkah berikutnya, Tidak dilanjutkan",
        "Renew for the next cycle cannot be done at the stage Mapping; what can: "
        "Advance to the next step, Decline",
        [],
        ["renew", "advance", "decline", "mapping"],
    ),
    (
        "stored data that does not validate",
        lambda: InvalidDataError("Partner", [{"loc": ("kind",), "msg": "x", "type": "enum"}]),
        "Data mitra tidak sah: kind: x",
        "Partner is not valid: kind: x",
        ["kind"],
        ["enum"],
    ),
    (
        "a schema too new",
        lambda: UnsupportedSchemaVersionError("Agreement", found=9, supported=2),
        "Data naskah kesepakatan tidak sah: schema_version: ",
        "Agreement is not valid: schema_version: schema_version 9 is newer than the supported 2",
        ["9", "2"],
        ["unsupported_schema_version"],
    ),
    (
        "a spreadsheet with problems",
        lambda: InvalidSpreadsheetError(
            "mitra.xlsx",
            [
                CellProblem(
                    "Mitra",
                    7,
                    "C",
                    "Jenis mitra",
                    "not_choice",
                    ("'toko' bukan pilihan", "'toko' is not a choice"),
                )
            ],
        ),
        "mitra.xlsx tidak dapat diimpor (1 masalah; tidak ada yang diimpor)",
        "mitra.xlsx cannot be imported (1 problems; nothing imported)",
        ["Mitra!C7"],
        ["not_choice"],
    ),
    (
        "a wrong argument",
        lambda: ordinal(0),
        "bilangan urutan dimulai dari 1, bukan 0",
        "an ordinal starts at 1, not 0",
        ["0"],
        [],
    ),
    (
        "a control character in a calendar, its rule kept apart",
        lambda: touchpoints_ical([], name="Kalender\x07"),
        "name: teks iCalendar tidak dapat memuat karakter kendali U+0007 (pada posisi 8)",
        "name: iCalendar text cannot hold the control character U+0007 (at position 8)",
        ["U+0007", "8"],
        ["control_character"],
    ),
    (
        "a rule declared twice",
        _declared_twice,
        "dinyatakan dua kali",
        "is declared twice",
        [],
        [],
    ),
]


@pytest.mark.parametrize(
    ("make", "indonesian", "english", "values", "codes"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_an_error_says_indonesian_by_default_and_english_on_request(
    make: Callable[[], Any], indonesian: str, english: str, values: list[str], codes: list[str]
) -> None:
    error = _raised(make)
    said_id, said_en = str(error), error.message("en")
    assert indonesian in said_id
    assert error.message("id") == said_id
    assert english in said_en
    with speaking("en"):
        assert english in str(_raised(make))
    for value in values:
        assert value in said_id, value
        assert value in said_en, value
    for code in codes:
        assert code not in said_id, code
        assert code not in said_en, code


def test_the_kinds_of_errors_converted_are_all_in_the_table() -> None:
    made = {type(_raised(case[1])) for case in CASES}
    assert {
        TemplateRenderError,
        MissingTemplateVariablesError,
        UnsafeTemplateError,
        MissingTranslationsError,
        MissingExtraError,
        DocumentNotFoundError,
        ConverterNotFoundError,
        ConversionFailedError,
        AgreementNotReadyError,
        TransitionRefusedError,
        MoveNotAllowedError,
        InvalidDataError,
        UnsupportedSchemaVersionError,
        InvalidSpreadsheetError,
        InvalidArgumentError,
        InvalidDeclarationError,
    } <= made


def test_an_error_made_by_saying_keeps_its_attributes() -> None:
    refused = TransitionRefusedError.saying(
        "a history key must not be empty", move="advance", stage="mapping"
    )
    assert (refused.move, refused.stage) == ("advance", "mapping")
    failed = ConversionFailedError.saying(
        "LibreOffice did not finish converting {document} within {seconds} seconds",
        document="mou.docx",
        seconds=60,
        output="…",
    )
    assert failed.output == "…"
    calendar = _raised(lambda: touchpoints_ical([], name="Kalender\x07"))
    assert isinstance(calendar, InvalidArgumentError)
    assert calendar.rule == "control_character"
    template = TemplateRenderError.saying("{part} has no <w:body>", template="a.docx", part="x")
    assert template.template == "a.docx"
    assert str(template).startswith("templat a.docx ")


def test_a_signature_date_is_said_in_long_form() -> None:
    from kemitraan import Stage
    from seed import at_stage  # tests/seed.py: the seed case walked to a stage

    p = at_stage(Stage.SIGNING)
    assert p.agreement is not None
    early = date(p.agreement.date.year - 1, 1, 17)
    error = _raised(lambda: p.sign(p.agreement.party_ids[0], on=early))  # type: ignore[union-attr]
    assert f"17 Januari {early.year}" in str(error)
    assert f"17 January {early.year}" in error.message("en")


# -- a third party's reason, said in our words -----------------------------------------------

THIRD_PARTY_REASONS = [
    # (field, value, Indonesian reason, English reason)
    ("email", "ani@contoh", "domain setelah @ tidak memuat titik", "the domain after the @ has"),
    ("email", "ani.contoh.id", "tidak memuat @", "it has no @"),
    ("email", "@contoh.id", "tidak ada nama sebelum @", "nothing stands before the @"),
    ("email", "a b@contoh.id", "nama sebelum @ memuat karakter", "the name before the @ holds"),
    ("email", "ani@contoh..id", "dua titik berturut-turut", "two periods in a row"),
    ("phone", "+999 12345", "kode negaranya tidak dikenal", "the country code is unknown"),
    ("phone", "halo", "bukan nomor telepon", "it is not a phone number"),
]


@pytest.mark.parametrize(("field", "value", "indonesian", "english"), THIRD_PARTY_REASONS)
def test_a_third_partys_reason_is_said_in_the_users_language(
    field: str, value: str, indonesian: str, english: str
) -> None:
    """email-validator and phonenumbers give English reasons; the user reads them in ours."""
    from pydantic import ValidationError

    from kemitraan import Contact
    from kemitraan.messages import speaking

    def message() -> str:
        with pytest.raises(ValidationError) as caught:
            Contact.model_validate({"name": "Ani", field: value})
        return str(caught.value.errors()[0]["msg"])

    said = message()
    assert indonesian in said
    assert not any(word in said for word in ("The ", " part ", " must ", "sign"))
    with speaking("en"):
        assert english in message()


@pytest.mark.parametrize(
    ("value", "indonesian"),
    [
        ("6303015204990", "jumlah angkanya salah"),
        ("630301520499000X", "memuat selain angka"),
        ("9903015204990001", "ada bagian yang tidak sah"),
    ],
)
def test_a_stdnum_reason_is_said_in_indonesian(value: str, indonesian: str) -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError) as caught:
        Learner(id="pd-01", name="Siti", enrolled_on=date(2025, 4, 14), nik=value)
    assert indonesian in str(caught.value.errors()[0]["msg"])


@pytest.mark.parametrize(
    "route",
    [
        lambda data: Learner(**data),
        Learner.model_validate,
        Learner.model_validate_strings,
        lambda data: Learner.model_validate_json(json.dumps(data)),
    ],
    ids=["constructor", "model_validate", "model_validate_strings", "model_validate_json"],
)
def test_every_validation_route_says_the_same_indonesian(route: Callable[[Any], Any]) -> None:
    """A form's strings, a dict, JSON text or keywords: one message, with the form expected."""
    from pydantic import ValidationError

    with pytest.raises(ValidationError) as caught:
        # "14-04-2025" reads in code (the day first) but not in JSON: "14-14-2025" nowhere
        route({"id": "pd-01", "name": "Siti", "enrolled_on": "14-14-2025", "cycle": "satu"})
    messages = sorted(str(error["msg"]) for error in caught.value.errors())
    assert messages == [
        "Harus bilangan bulat (mis. 12), bukan 'satu'",
        "Tanggal ditulis TTTT-BB-HH (mis. 2025-03-10 untuk 10 Maret 2025), bukan '14-14-2025'",
    ]


@pytest.mark.parametrize("name", ["", "   "])
def test_an_empty_name_is_said_as_empty_not_as_an_id(name: str) -> None:
    # the facilitator's review: an empty name was refused as an id that could not be made
    from pydantic import ValidationError

    from kemitraan import Partner, PartnerKind

    with pytest.raises(ValidationError) as caught:
        Partner(name=name, kind=PartnerKind.BUSINESS)
    (error,) = caught.value.errors()
    assert error["loc"] == ("name",)
    assert error["msg"] == "Wajib diisi; isian ini masih kosong"


def test_a_move_dated_in_the_future_says_the_time_as_a_person_reads_it() -> None:
    # the facilitator's review: "(2027-01-24T09:00:00+00:00)"
    from datetime import datetime, timedelta, timezone

    from kemitraan import InvalidArgumentError, Stage
    from seed import at_stage

    p = at_stage(Stage.MAPPING, recorded=True)
    with pytest.raises(InvalidArgumentError) as caught:
        p.advance(at=datetime(2030, 1, 24, 9, 0, tzinfo=timezone(timedelta(hours=8))))
    assert "(24 Januari 2030 pukul 09.00 WITA)" in str(caught.value)
    assert "24 January 2030 at 09:00 UTC+8" in caught.value.message("en")
    assert p.stage is Stage.MAPPING
