"""Every error the public API raises on purpose is a KemitraanError and the builtin it means.

The table calls each public function and method with bad values of the right type
(wrong *types* are for the type checker). A public function missing from the table
fails the last test, so a new one gets its row.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import kemitraan
import kemitraan.conventions
import kemitraan.diagrams
import kemitraan.documents
import kemitraan.evaluation
import kemitraan.maintenance
import kemitraan.parties
import kemitraan.patterns
import kemitraan.summary
from kemitraan import (
    Agreement,
    ContributionKind,
    Institution,
    InvalidArgumentError,
    InvalidDataError,
    KemitraanError,
    MoveNotAllowedError,
    NotFoundError,
    Partner,
    PartnerKind,
    Partnership,
    Program,
    ReadOnlyFieldError,
    RequirementsUnmetError,
    Stage,
    UnknownPartyError,
    conventions,
)
from kemitraan.exceptions import (
    DocumentNotFoundError,
    MissingExtraError,
    TemplateRenderError,
    UnknownDocumentKindError,
    UnknownNeedError,
    UnsupportedLanguageError,
    UnsupportedSchemaVersionError,
)
from kemitraan.pattern_terms import Contribution
from seed import AT, at_stage

PKBM = Institution(name="PKBM A")
SHOP = Partner(name="Toko B", kind=PartnerKind.BUSINESS)
MOU = Agreement(
    parties=[PKBM, SHOP], subject="Pemasaran", place="Martapura", date=date(2025, 3, 10)
)
EMPTY = Partnership(institution=PKBM, program=Program(name="PKW", objectives=["x"]))


def _assign_stage() -> None:
    EMPTY.stage = Stage.SIGNING


def _bundled(kind: str) -> Any:
    from kemitraan.documents import bundled_template

    return bundled_template(kind)


def _template(data: bytes) -> Any:
    from kemitraan.documents import DocumentTemplate

    return DocumentTemplate(data)


def _tampered() -> Partnership:
    tampered = Partnership(institution=PKBM, program=Program(name="PKW", objectives=["x"]))
    tampered.__dict__["stage"] = Stage.SIGNING  # past every public route
    return tampered


# (what, call, the KemitraanError subclass, the builtin it also is)
CASES: list[tuple[str, Callable[[], object], type[KemitraanError], type[BaseException]]] = [
    (
        "classify_scale without figures",
        lambda: kemitraan.parties.classify_scale(),
        InvalidArgumentError,
        ValueError,
    ),
    (
        "classify_scale negative",
        lambda: kemitraan.parties.classify_scale(annual_sales=Decimal(-1)),
        InvalidArgumentError,
        ValueError,
    ),
    (
        "party_label negative",
        lambda: kemitraan.conventions.party_label(-1),
        InvalidArgumentError,
        ValueError,
    ),
    (
        "party_label in French",
        lambda: kemitraan.conventions.party_label(0, "fr"),
        UnsupportedLanguageError,
        ValueError,
    ),
    (
        "a label in French",
        lambda: PartnerKind.BUSINESS.label("fr"),  # type: ignore[arg-type]  # a language it refuses
        UnsupportedLanguageError,
        ValueError,
    ),
    (
        "BilingualText in French",
        lambda: kemitraan.BilingualText(indonesian="a", english="b").get("fr"),  # type: ignore[arg-type]  # a language it refuses
        UnsupportedLanguageError,
        ValueError,
    ),
    ("words of a negative number", lambda: conventions.words(-1), InvalidArgumentError, ValueError),
    (
        "rupiah of a negative amount",
        lambda: conventions.rupiah(Decimal(-1)),
        InvalidArgumentError,
        ValueError,
    ),
    (
        "a date in French",
        lambda: conventions.date_long(date(2025, 1, 1), "fr"),
        UnsupportedLanguageError,
        ValueError,
    ),
    (
        "pattern_info of an unknown pattern",
        lambda: kemitraan.patterns.pattern_info("barter"),
        NotFoundError,
        KeyError,
    ),
    (
        "recommend with a party twice",
        lambda: kemitraan.recommend_patterns([SHOP, SHOP], []),
        InvalidArgumentError,
        ValueError,
    ),
    (
        "recommend with two contributions",
        lambda: kemitraan.recommend_patterns(
            [SHOP], [Contribution(party_id=SHOP.id, kinds=frozenset({ContributionKind.LAND}))] * 2
        ),
        InvalidArgumentError,
        ValueError,
    ),
    (
        "recommend naming a stranger",
        lambda: kemitraan.recommend_patterns(
            [SHOP], [Contribution(party_id="x", kinds=frozenset({ContributionKind.LAND}))]
        ),
        UnknownPartyError,
        KeyError,
    ),
    (
        "Program.need unknown",
        lambda: Program(name="P", objectives=["x"]).need("modal"),
        UnknownNeedError,
        KeyError,
    ),
    ("Agreement.party unknown", lambda: MOU.party("x"), UnknownPartyError, KeyError),
    ("Agreement.label_of unknown", lambda: MOU.label_of("x"), UnknownPartyError, KeyError),
    ("Partnership.partner unknown", lambda: EMPTY.partner("x"), UnknownPartyError, KeyError),
    ("Partnership.party unknown", lambda: EMPTY.party("x"), UnknownPartyError, KeyError),
    ("assign the stage", _assign_stage, ReadOnlyFieldError, AttributeError),
    (
        "an unknown move",
        lambda: EMPTY.unmet_requirements("jump"),
        MoveNotAllowedError,
        RuntimeError,
    ),
    ("renew while mapping", lambda: EMPTY.renew(at=AT), MoveNotAllowedError, RuntimeError),
    ("advance without data", lambda: EMPTY.advance(at=AT), RequirementsUnmetError, RuntimeError),
    (
        "sign before the signing step",
        lambda: at_stage(Stage.AGREEMENT, recorded=True).sign(
            "pkbm-harapan-bangsa", on=date(2025, 3, 10)
        ),
        MoveNotAllowedError,
        RuntimeError,
    ),
    (
        "sign for a stranger",
        lambda: at_stage(Stage.SIGNING).sign("x", on=date(2025, 3, 10)),
        UnknownPartyError,
        KeyError,
    ),
    (
        "save what would not load",
        lambda: kemitraan.save_json(_tampered(), "/nonexistent-dir-kemitraan/p.json"),
        InvalidDataError,
        ValueError,
    ),
    (
        "load bad JSON",
        lambda: kemitraan.load_json(Program, "{not json"),
        InvalidDataError,
        ValueError,
    ),
    (
        "load a newer schema",
        lambda: kemitraan.load_json(
            Program, '{"name": "P", "objectives": ["x"], "schema_version": 99}'
        ),
        UnsupportedSchemaVersionError,
        ValueError,
    ),
    (
        "waiting_on an unknown code",
        lambda: kemitraan.summary.waiting_on([EMPTY], "no_such_code"),
        NotFoundError,
        KeyError,
    ),
    (
        "render a partnership without an agreement",
        lambda: kemitraan.render_document(EMPTY),
        InvalidArgumentError,
        ValueError,
    ),
    (
        "render an unknown kind",
        lambda: kemitraan.render_document(MOU, kind="surat"),
        UnknownDocumentKindError,
        KeyError,
    ),
    (
        "render as the wrong kind",
        lambda: kemitraan.render_document(MOU, kind="pks"),
        InvalidArgumentError,
        ValueError,
    ),
    (
        "render many, one without an agreement",
        lambda: kemitraan.render_documents([EMPTY], "/nonexistent-dir-kemitraan"),
        InvalidArgumentError,
        ValueError,
    ),
    (
        "context in Japanese",
        lambda: kemitraan.documents.agreement_context(
            MOU.model_copy(update={"languages": ["id", "ja"]})
        ),
        UnsupportedLanguageError,
        ValueError,
    ),
    (
        "missing_translations in Japanese",
        lambda: kemitraan.documents.missing_translations(
            MOU.model_copy(update={"languages": ["id", "en", "ja"]})
        ),
        UnsupportedLanguageError,
        ValueError,
    ),
    ("an unknown bundled template", lambda: _bundled("surat"), UnknownDocumentKindError, KeyError),
    (
        "a template that is not a DOCX",
        lambda: _template(b"not a zip"),
        TemplateRenderError,
        ValueError,
    ),
    (
        "export an unknown template",
        lambda: kemitraan.documents.export_template("surat", "/tmp/kemitraan-surat.docx"),
        UnknownDocumentKindError,
        KeyError,
    ),
    (
        "render with extra that is not plain data",
        lambda: kemitraan.render_document(MOU, draft=True, extra={"logo": object()}),
        InvalidArgumentError,
        ValueError,
    ),
    (
        "render with extra keys that are not text",
        lambda: kemitraan.render_document(MOU, draft=True, extra={"a": {1: "x"}}),
        InvalidArgumentError,
        ValueError,
    ),
    (
        "sign a PKS that is not held",
        lambda: at_stage(Stage.SIGNING).sign_pks(0, "pkbm-harapan-bangsa", on=date(2025, 3, 10)),
        NotFoundError,
        KeyError,
    ),
    (
        "sign a PKS before the signing step",
        lambda: at_stage(Stage.AGREEMENT).sign_pks(0, "pkbm-harapan-bangsa", on=date(2025, 3, 10)),
        MoveNotAllowedError,
        RuntimeError,
    ),
    (
        "an unknown checklist item",
        lambda: kemitraan.maintenance.checklist_item("nomor.satu"),
        NotFoundError,
        KeyError,
    ),
    (
        "carry forward a year with nothing left and nothing new",
        lambda: kemitraan.evaluation.carry_forward(
            EMPTY,
            on=date(2026, 2, 1),
            period=kemitraan.Period(start=date(2026, 3, 1), end=date(2027, 2, 28)),
        ),
        InvalidArgumentError,
        ValueError,
    ),
    (
        "rank with a weight for no criterion",
        lambda: kemitraan.rank_candidates(at_stage(Stage.ANALYSIS), weights={"harga": 1.0}),
        InvalidArgumentError,
        ValueError,
    ),
    (
        "to_pdf of nothing",
        lambda: kemitraan.to_pdf(Path("/nonexistent/x.docx")),
        DocumentNotFoundError,
        FileNotFoundError,
    ),
]

COVERED = {
    "agreement_context", "allowed_moves", "classify_scale", "dump_json", "graphviz_diagram",
    "json_schema", "load_json", "mermaid_diagram", "missing_translations", "party_label",
    "pattern_info", "province_names", "recommend_patterns", "render_document", "render_documents",
    "requirement_codes", "save_json", "stage_counts", "to_pdf", "transition_table", "waiting_on",
    "export_template", "verification_code", "verify_code",
    "carry_forward", "checklist_item", "current_plan", "detect_deviations", "divergences",
    "draft_evaluation", "indicator_reached", "monitoring_report", "obligation_status",
    "obligations", "obligations_by_party", "partner_health", "plan_touchpoints",
    "touchpoints_ical", "unaddressed_problems", "rank_candidates", "mapping_level",
}  # fmt: skip
# Without bad values to give: allowed_moves, province_names, requirement_codes,
# transition_table and mermaid_diagram take nothing that can be wrong; dump_json and
# json_schema take any model; stage_counts any partnerships; graphviz_diagram raises
# MissingExtraError without pydot (tested below); verification_code takes any agreement, and
# verify_code any text (a wrong code is False, not an error). The monitoring functions
# (detect_deviations, obligation_status, draft_evaluation, partner_health, plan_touchpoints,
# …) take a partnership and dates, which pydantic-typed callers cannot get wrong beyond what
# tests/test_monitoring.py tries. mapping_level takes two regions, or None for either.


@pytest.mark.parametrize(("what", "call", "error", "builtin"), CASES, ids=[c[0] for c in CASES])
def test_bad_arguments_raise_kemitraan_errors(
    what: str, call: Callable[[], object], error: type[KemitraanError], builtin: type[BaseException]
) -> None:
    with pytest.raises(error) as caught:
        call()
    assert isinstance(caught.value, KemitraanError), what
    assert isinstance(caught.value, builtin), what
    assert str(caught.value)


def test_a_missing_extra_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real = builtins.__import__

    def no_pydot(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "pydot":
            raise ImportError("No module named 'pydot'")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pydot)
    with pytest.raises(MissingExtraError, match=r"kemitraan\[diagrams\]") as caught:
        kemitraan.diagrams.graphviz_diagram()
    assert isinstance(caught.value, ImportError)
    assert caught.value.extra == "diagrams"


def test_every_public_function_is_walked() -> None:
    import importlib

    from test_exported_members import MOVED

    places = [("kemitraan", kemitraan.__all__), *MOVED.items()]
    functions = {
        name
        for module, names in places
        for name in names
        if inspect.isfunction(inspect.unwrap(getattr(importlib.import_module(module), name)))
    }
    assert functions == COVERED


def test_every_error_class_is_a_builtin_too() -> None:
    import kemitraan.exceptions as errors

    for name in errors.__all__:
        cls = getattr(errors, name)
        if cls is KemitraanError:
            continue
        builtins = [b for b in cls.__mro__ if b.__module__ == "builtins" and b is not object]
        assert any(b is not BaseException and b is not Exception for b in builtins), name
