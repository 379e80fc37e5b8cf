"""Serialisation: every model round-trips through JSON; schemas describe the JSON."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from pydantic import BaseModel, ValidationError

import strategies as s
from kemitraan import (
    SCHEMA_VERSION,
    Agreement,
    CandidateRegister,
    Institution,
    InvalidDataError,
    KemitraanError,
    Partner,
    Partnership,
    Program,
    ProgramNeed,
    Stage,
    dump_json,
    json_schema,
    load_json,
)
from kemitraan.analysis import synthetic_candidates
from kemitraan.exceptions import ReadOnlyFieldError, UnsupportedSchemaVersionError
from seed import at_stage

ROUND_TRIP = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])

MODELS: list[tuple[str, st.SearchStrategy[Any]]] = [
    ("partner", s.partners()),
    ("institution", s.institutions()),
    ("program", s.programs()),
    ("agreement", s.agreements()),
    ("region", s.regions()),
    ("representative", s.representatives()),
    ("contact", s.contacts()),
    ("gathering record", s.gathering_records()),
    ("profile", s.profiles()),
    ("scale evidence", s.scale_evidence()),
    ("period", s.periods()),
    ("term", s.terms()),
    ("pattern terms", s.pattern_terms(["a", "b", "c"])),
    (
        "candidate register",
        st.tuples(s.programs(), st.integers(0, 2**32)).map(
            lambda made: synthetic_candidates(made[0], 6, seed=made[1])
        ),
    ),
]


@pytest.mark.parametrize(("name", "strategy"), MODELS, ids=[m[0] for m in MODELS])
def test_every_model_round_trips_through_json(name: str, strategy: st.SearchStrategy[Any]) -> None:
    @ROUND_TRIP
    @given(strategy)
    def round_trip(model: BaseModel) -> None:
        text = dump_json(model)
        again = load_json(type(model), text)
        assert again == model
        assert dump_json(again) == text
        assert type(again).model_validate(json.loads(text)) == model

    round_trip()


@pytest.mark.parametrize("model", [Agreement, Program, Partner, Institution, CandidateRegister])
def test_json_schema_is_valid_and_describes_the_json(model: type[BaseModel]) -> None:
    schema = json_schema(model)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["title"] == model.__name__
    # Field docstrings become descriptions for embedding apps.
    assert all("description" in prop for prop in schema["properties"].values()), model


# Built once per module: making a schema takes longer than validating a document against it.
@pytest.fixture(scope="module")
def agreement_schema() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json_schema(Agreement))


@pytest.fixture(scope="module")
def partnership_schema() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json_schema(Partnership))


@ROUND_TRIP
@given(s.agreements())
def test_stored_agreements_validate_against_the_schema(
    agreement_schema: jsonschema.Draft202012Validator, agreement: Agreement
) -> None:
    agreement_schema.validate(json.loads(dump_json(agreement)))


def test_top_level_documents_carry_schema_version() -> None:
    program = Program(name="Pembuatan Tas Rajut", objectives=["Mandiri"])
    assert json.loads(dump_json(program))["schema_version"] == SCHEMA_VERSION


def test_newer_schema_version_is_refused() -> None:
    data = json.loads(dump_json(Program(name="X", objectives=["Y"])))
    data["schema_version"] = SCHEMA_VERSION + 1
    with pytest.raises(UnsupportedSchemaVersionError) as caught:
        load_json(Program, json.dumps(data))
    assert caught.value.found == SCHEMA_VERSION + 1
    assert caught.value.supported == SCHEMA_VERSION
    assert isinstance(caught.value, KemitraanError)
    assert isinstance(caught.value, ValueError)


def test_invalid_data_names_fields_and_rules() -> None:
    with pytest.raises(InvalidDataError) as caught:
        load_json(Partner, {"name": "Toko", "kind": "toko", "nib": "12"})
    error = caught.value
    assert error.model == "Partner"
    assert {(e["loc"], e["type"]) for e in error.errors} == {
        (("kind",), "enum"),
        (("nib",), "invalid_nib"),
    }
    assert "nib: NIB harus tepat 13 angka" in str(error)
    with pytest.raises(InvalidDataError):
        load_json(Partner, "{not json")


def test_personal_data_stays_out_of_load_errors() -> None:
    with pytest.raises(InvalidDataError) as caught:
        load_json(Partner, {"name": "Tokoh", "kind": "community_figure", "nik": "9971011708450001"})
    assert "9971011708450001" not in str(caught.value)
    assert all("input" not in e for e in caught.value.errors)


@ROUND_TRIP
@given(s.agreements())
def test_findings_round_trip(agreement: Agreement) -> None:
    for finding in agreement.check():
        assert load_json(type(finding), dump_json(finding)) == finding


@pytest.mark.parametrize("stage", list(Stage), ids=[s.value for s in Stage])
def test_partnerships_round_trip_at_every_stage(
    partnership_schema: jsonschema.Draft202012Validator, stage: Stage
) -> None:
    partnership = at_stage(stage) if stage.is_terminal else at_stage(stage, recorded=True)
    text = dump_json(partnership)
    again = load_json(Partnership, text)
    assert again == partnership
    assert dump_json(again) == text
    partnership_schema.validate(json.loads(text))


def _models(root: BaseModel) -> list[BaseModel]:
    """Every model in ``root``'s tree: in fields, lists, tuples and dicts (a walk of its own)."""
    found: list[BaseModel] = []
    stack: list[Any] = [root]
    while stack:
        value = stack.pop()
        if isinstance(value, BaseModel):
            found.append(value)
            stack.extend(value.__dict__.values())
        elif isinstance(value, list | tuple):
            stack.extend(value)
        elif isinstance(value, dict):
            stack.extend(value.values())
    return found


def test_a_loaded_tree_shares_one_set_of_given_fields_per_distinct_set() -> None:
    from kemitraan._given import SharedFields

    loaded = load_json(Partnership, dump_json(at_stage(Stage.FOLLOW_UP, recorded=True)))
    models = _models(loaded)
    assert len(models) > 300  # lists, tuples (the history) and dicts of models included
    kinds = {type(m).__name__ for m in models}
    assert {"AuditRecord", "Signatory", "MonitoringRecord", "Grantor"} <= kinds
    sets = [m.__pydantic_fields_set__ for m in models]
    assert all(type(given) is SharedFields for given in sets)
    assert len({id(given) for given in sets}) == len({frozenset(given) for given in sets})
    import copy
    import pickle

    for again in (copy.deepcopy(loaded), pickle.loads(pickle.dumps(loaded))):
        assert again == loaded  # and shares the very same sets
        assert {id(m.__pydantic_fields_set__) for m in _models(again)} == {id(g) for g in sets}
    editable = next(m for m in models if isinstance(m, Program))
    editable.name = "PKW Tas Rajut Lanjutan"  # takes a set of its own before its change
    assert type(editable.__pydantic_fields_set__) is set
    assert all(type(m.__pydantic_fields_set__) is SharedFields for m in models if m is not editable)


def test_loaded_models_share_given_fields_in_dicts_and_unions_and_made_ones_do_not() -> None:
    from kemitraan._base import ValueModel
    from kemitraan._given import SharedFields

    class Leaf(ValueModel):
        name: str

    class Tree(ValueModel):
        leaves: dict[str, Leaf]
        rest: list[Leaf | str]

    data = {"leaves": {"a": {"name": "x"}}, "rest": ["y", {"name": "z"}]}
    tree = load_json(Tree, data)
    leaf, other = tree.leaves["a"], tree.rest[1]
    assert isinstance(other, Leaf)
    assert leaf.__pydantic_fields_set__ is other.__pydantic_fields_set__
    assert type(leaf.__pydantic_fields_set__) is SharedFields
    with pytest.raises(ReadOnlyFieldError):
        leaf.model_fields_set.add("other")
    with pytest.raises(ReadOnlyFieldError):
        leaf.model_fields_set.__init__({"other"})  # type: ignore[misc]
    assert leaf.model_fields_set == {"name"}
    made = Tree.model_validate(data)  # in code: sets of their own, as pydantic makes them
    assert type(made.leaves["a"].__pydantic_fields_set__) is set


def _loaded_program(**fields: Any) -> Program:
    return load_json(Program, {"name": "PKW", "objectives": ["Mandiri"], **fields})


def test_a_change_takes_a_set_of_its_own_and_leaves_the_shared_one_as_it_was() -> None:
    one, other = _loaded_program(), _loaded_program()
    shared = one.model_fields_set
    assert shared is other.model_fields_set
    one.address = "Jl. Sukamaju 12"
    assert shared == {"name", "objectives"} == other.model_fields_set
    assert one.model_fields_set == {"name", "objectives", "address"}
    one.period = None  # a second change: still its own set
    assert one.model_fields_set == {"name", "objectives", "address", "period"}
    assert shared == {"name", "objectives"}
    assert _loaded_program().model_fields_set is shared


@pytest.mark.parametrize("loaded", [True, False])
def test_a_refused_change_leaves_the_given_fields_as_they_were(loaded: bool) -> None:
    program = _loaded_program() if loaded else Program(name="PKW", objectives=["Mandiri"])
    need = ProgramNeed(code="x", description="Pemasaran")
    with pytest.raises(ValidationError):
        program.needs = [need, need]  # a code twice: refused by the model's own check
    with pytest.raises(ValidationError):
        program.name = ""  # refused by the field's
    assert program.model_fields_set == {"name", "objectives"}
    assert program.model_dump(exclude_unset=True) == {"name": "PKW", "objectives": ["Mandiri"]}


def test_a_copy_with_an_update_counts_the_given_fields_as_pydantic_does() -> None:
    program = Program(name="PKW", objectives=["Mandiri"])
    copied = program.model_copy(update={"address": "Jl. Sukamaju 12"})
    assert copied.model_fields_set == {"name", "objectives", "address"}
    assert program.model_fields_set == {"name", "objectives"}


def test_a_model_made_in_code_may_mark_its_own_fields_given() -> None:
    from pydantic import model_validator

    from kemitraan._base import KemitraanModel

    class Mine(KemitraanModel):
        name: str
        tag: str = "umum"

        @model_validator(mode="after")
        def _mark(self) -> Mine:
            self.model_fields_set.add("tag")
            return self

    assert Mine(name="x").model_dump(exclude_unset=True) == {"name": "x", "tag": "umum"}


def test_two_threads_changing_one_loaded_model_leave_the_shared_set_alone() -> None:
    import threading
    import time

    from pydantic import field_validator

    from kemitraan._base import KemitraanModel

    class Note(KemitraanModel):
        a: str | None = None
        b: str | None = None

        @field_validator("a")
        @classmethod
        def _slow(cls, value: str | None) -> str | None:
            time.sleep(0.2)  # a slow check: the other thread assigns meanwhile
            return value

    note, only_b = load_json(Note, {}), load_json(Note, {"b": "earlier"})
    note.b = "first"  # its own set from now on
    worker = threading.Thread(target=setattr, args=(note, "a", "x"))
    worker.start()
    time.sleep(0.05)
    note.b = "second"
    worker.join()
    assert note.model_fields_set == {"a", "b"}
    assert only_b.model_fields_set == {"b"}
    assert load_json(Note, {"b": "z"}).model_dump(exclude_unset=True) == {"b": "z"}


def test_a_shared_set_changed_past_its_guards_is_not_handed_out_again() -> None:
    one = _loaded_program()
    set.add(one.model_fields_set, "address")  # what pydantic-core's own assignment would do
    try:
        fresh = _loaded_program()
        assert fresh.model_fields_set == {"name", "objectives"}
    finally:
        set.discard(one.model_fields_set, "address")


def test_the_shared_sets_kept_are_bounded() -> None:
    from kemitraan import _base, _given

    class Many(_base.ValueModel):
        a: int | None = None
        b: int | None = None

    kept = dict(_given._FIELDS_SETS)
    try:
        for i in range(_given._MOST_SETS):
            _given.shared({f"x{i}"})
        before = len(_given._FIELDS_SETS)
        assert before == _given._MOST_SETS
        loaded = load_json(Many, {"a": 1, "b": 2})
        assert len(_given._FIELDS_SETS) == before  # no more are kept
        assert loaded.model_fields_set == {"a", "b"}
        assert type(loaded.model_fields_set) is _given.SharedFields
    finally:
        _given._FIELDS_SETS.clear()
        _given._FIELDS_SETS.update(kept)
