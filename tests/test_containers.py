"""Every in-place edit of a model's lists and dicts is validated (mutable) or refused (value).

And a partnership survives copying and pickling with a lock of its own.
"""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

from kemitraan import (
    Agreement,
    Institution,
    Partner,
    PartnerKind,
    PlannedActivity,
    Program,
    ProgramNeed,
    ReadOnlyFieldError,
    Stage,
    WorkPlan,
    dump_json,
)
from seed import AT, at_stage

NEED = ProgramNeed(code="pemasaran", description="Pasar tetap")
OTHER = ProgramNeed(code="modal", description="Modal awal")

# (what, edit, valid): each edit of Program.needs, a list of a mutable model
LIST_EDITS: list[tuple[str, Callable[[list[Any]], object], bool]] = [
    ("append", lambda x: x.append(OTHER), True),
    ("append a duplicate code", lambda x: x.append(NEED), False),
    ("append junk", lambda x: x.append("bukan kebutuhan"), False),
    ("extend", lambda x: x.extend([OTHER]), True),
    ("extend with a duplicate", lambda x: x.extend([OTHER, OTHER]), False),
    ("insert", lambda x: x.insert(0, OTHER), True),
    ("insert a duplicate", lambda x: x.insert(0, NEED), False),
    ("setitem", lambda x: x.__setitem__(0, OTHER), True),
    ("setitem junk", lambda x: x.__setitem__(0, 5), False),
    ("iadd", lambda x: x.__iadd__([OTHER]), True),
    ("imul", lambda x: x.__imul__(2), False),  # the same code twice
    ("pop", lambda x: x.pop(), True),
    ("remove", lambda x: x.remove(NEED), True),
    ("delitem", lambda x: x.__delitem__(0), True),
    ("clear", lambda x: x.clear(), True),
    ("sort", lambda x: x.sort(key=lambda n: n.code), True),
    ("reverse", lambda x: x.reverse(), True),
]


@pytest.mark.parametrize(("what", "edit", "valid"), LIST_EDITS, ids=[e[0] for e in LIST_EDITS])
def test_list_edits_of_a_mutable_model_are_validated(
    what: str, edit: Callable[[list[Any]], object], valid: bool
) -> None:
    program = Program(name="PKW", objectives=["x"], needs=[NEED])
    needs = program.needs
    before = program.model_dump()
    if valid:
        edit(needs)
        assert program.needs is needs  # the same list, edited
        assert Program.model_validate(program.model_dump()) == program
    else:
        with pytest.raises(ValidationError):
            edit(needs)
        assert program.model_dump() == before


def _agreement() -> Agreement:
    """An unsigned MoU with a number, whose ``numbers`` is a dict of a mutable model."""
    return Agreement(
        parties=[Institution(name="PKBM"), Partner(name="Toko", kind=PartnerKind.BUSINESS)],
        subject="Pemasaran",
        place="Martapura",
        date=date(2025, 3, 10),
        numbers={"pkbm": "001"},
    )


DICT_EDITS: list[tuple[str, Callable[[dict[str, Any]], object], bool]] = [
    ("setitem", lambda d: d.__setitem__("pkbm", "001/PKBM"), True),
    ("setitem empty", lambda d: d.__setitem__("pkbm", "  "), False),
    ("setitem a bad id", lambda d: d.__setitem__("Bukan Id", "1"), False),
    ("update", lambda d: d.update({"toko": "002"}), True),
    ("ior", lambda d: d.__ior__({"toko": "002"}), True),
    ("setdefault", lambda d: d.setdefault("toko", "003"), True),
    ("pop", lambda d: d.pop("pkbm"), True),
    ("popitem", lambda d: d.popitem(), True),
    ("delitem", lambda d: d.__delitem__("pkbm"), True),
    ("clear", lambda d: d.clear(), True),
]


@pytest.mark.parametrize(("what", "edit", "valid"), DICT_EDITS, ids=[e[0] for e in DICT_EDITS])
def test_dict_edits_of_a_mutable_model_are_validated(
    what: str, edit: Callable[[dict[str, Any]], object], valid: bool
) -> None:
    agreement = _agreement()
    numbers = agreement.numbers
    before = agreement.model_dump()
    if valid:
        edit(numbers)
        assert agreement.numbers is numbers
    else:
        with pytest.raises(ValidationError):
            edit(numbers)
        assert agreement.model_dump() == before


@pytest.mark.parametrize(
    "edit",
    [
        lambda x: x.append(x[0]),
        lambda x: x.extend([]),
        lambda x: x.insert(0, x[0]),
        lambda x: x.remove(x[0]),
        lambda x: x.pop(),
        lambda x: x.clear(),
        lambda x: x.sort(),
        lambda x: x.reverse(),
        lambda x: x.__setitem__(0, x[0]),
        lambda x: x.__delitem__(0),
    ],
)
def test_lists_of_a_value_object_refuse_every_edit(edit: Callable[[list[Any]], object]) -> None:
    plan = WorkPlan(
        drawn_up_on=date(2025, 2, 24),
        participants=["pkbm"],
        activities=[PlannedActivity(name="Praktik", responsible="pkbm")],
    )
    with pytest.raises(ReadOnlyFieldError, match="nilai yang tidak diubah di tempat"):
        edit(plan.activities)
    assert len(plan.activities) == 1
    assert isinstance(plan.activities, list)
    assert copy.copy(plan.activities) == plan.activities  # a copy is an ordinary list
    assert type(copy.copy(plan.activities)) is list


def test_a_partnership_pickles_and_copies_with_a_lock_of_its_own() -> None:
    partnership = at_stage(Stage.ANALYSIS, recorded=True)
    again = pickle.loads(pickle.dumps(partnership))
    assert again == partnership
    assert again._lock is not partnership._lock
    deep = copy.deepcopy(partnership)
    shallow = copy.copy(partnership)
    for twin in (again, deep, shallow):
        assert twin._lock is not partnership._lock
        twin.advance(at=AT)
        assert partnership.stage is Stage.ANALYSIS
    shallow.partners.append(shallow.partners[0].model_copy(update={"name": "X", "id": "x"}))
    assert len(partnership.partners) == 5  # a copy's lists are its own
    assert dump_json(again) == dump_json(deep)


# -- a partnership's running records are appended on their own (issue 16: linear appends) --


def _visit(partner_id: str, day: int = 1) -> Any:
    from kemitraan import Interaction, InteractionKind

    return Interaction(on=date(2025, 5, day), kind=InteractionKind.VISIT, partner_ids=[partner_id])


@pytest.mark.parametrize(
    ("items", "error"),
    [
        ([{"on": "2025-05-02", "kind": "visit", "partner_ids": ["{partner}"]}], None),
        ([{"on": "2025-05-02", "kind": "bertamu", "partner_ids": ["{partner}"]}], "enum"),
        ([{"on": "2025-05-02", "kind": "visit", "partner_ids": ["orang-asing"]}], "unknown_party"),
        ([{"on": "2025-05-02", "kind": "visit", "partner_ids": ["{partner}"]}, "bukan"], "model"),
    ],
)
def test_records_appended_are_validated_as_an_assignment_would_be(
    items: list[Any], error: str | None
) -> None:
    p = at_stage(Stage.FOLLOW_UP, recorded=True)
    partner = p.committed_partners[0].id
    items = [
        {**i, "partner_ids": [partner if x == "{partner}" else x for x in i["partner_ids"]]}
        if isinstance(i, dict)
        else i
        for i in items
    ]
    log = p.interactions
    before = dump_json(p)
    if error is None:
        log.extend(items)
        assert p.interactions is log
        assert p.interactions[-1].on == date(2025, 5, 2)
        assert type(p.interactions[-1]).__name__ == "Interaction"  # validated, not the dict
        assert "interactions" in p.model_dump(exclude_unset=True)
        return
    with pytest.raises(ValidationError, match=error):
        log.extend(items)
    assert dump_json(p) == before


def test_appending_records_does_not_revalidate_what_is_held(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The partnership's own check runs over every record on assignment; an append checks
    # only the new one. Counted, not timed.
    import kemitraan.partnerships as module

    p = at_stage(Stage.FOLLOW_UP, recorded=True)
    partner = p.committed_partners[0].id
    calls = 0
    whole = module.problems  # type: ignore[attr-defined]  # imported there, patched there

    def counting(partnership: Any) -> Any:
        nonlocal calls
        calls += 1
        return whole(partnership)

    monkeypatch.setattr(module, "problems", counting)
    for day in range(1, 29):
        p.interactions.append(_visit(partner, day))
    assert calls == 0
    p.interactions = list(p.interactions)  # an assignment checks the whole partnership
    assert calls == 1


def test_models_share_their_given_fields_until_one_changes() -> None:
    # Loaded models given the same fields share one set of them (memory); an assignment
    # gives the changed model a set of its own, and the others keep theirs.
    from kemitraan import Institution, Partnership, load_json

    one = load_json(Institution, '{"name": "PKBM A"}')
    two = load_json(Institution, '{"name": "PKBM B"}')
    assert one.__pydantic_fields_set__ is two.__pydantic_fields_set__  # loads share
    given = set(two.model_fields_set)
    assert "address" not in given
    one.address = "Jl. A. Yani Km 5, Martapura"
    assert one.model_fields_set == given | {"address"}
    assert two.model_fields_set == given
    assert load_json(Institution, '{"name": "PKBM C"}').model_fields_set == given
    text = dump_json(at_stage(Stage.ANALYSIS, recorded=True))
    loaded = load_json(Partnership, text), load_json(Partnership, text)
    assert (
        loaded[0].partners[0].__pydantic_fields_set__
        is loaded[1].partners[0].__pydantic_fields_set__
    )


@pytest.mark.parametrize("stage", [Stage.ANALYSIS, Stage.SIGNING, Stage.MONITORING])
def test_a_dropped_partnership_is_freed_at_once(stage: Stage) -> None:
    # A model and its lists, a history and what its replay proved, make no reference cycle:
    # a partnership loaded, read, edited and moved is freed when dropped, not left for the
    # garbage collector (which would then walk all it holds at every full collection).
    import gc
    import weakref

    from kemitraan import Interaction, InteractionKind, Partnership, load_json

    text = dump_json(at_stage(stage, recorded=True))
    gc.collect()
    gc.disable()
    try:
        p = load_json(Partnership, text)
        # lists read and wrapped, one edited in place
        p.program.needs.append(ProgramNeed(code="ruang-pamer", description="Ruang pamer"))
        contact = Interaction(
            on=date(2025, 3, 1), kind=InteractionKind.VISIT, partner_ids=[p.partners[0].id]
        )
        p.interactions.append(contact)
        assert p.agreement is None or p.agreement.numbers is not None
        p.advance(at=AT)
        moved = weakref.ref(p)
        del p
        assert moved() is None  # not kept by the thread's machine until its next move
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_a_list_kept_after_its_model_is_gone_refuses_every_edit() -> None:
    # What would the edit change? Refused, as an edit of a list its model no longer holds is.
    needs = Program(name="PKW", objectives=["x"], needs=[NEED]).needs
    with pytest.raises(ReadOnlyFieldError, match="needs"):
        needs.append(OTHER)
    assert needs == [NEED]
    numbers = _agreement().numbers
    with pytest.raises(ReadOnlyFieldError, match="numbers"):
        numbers["toko"] = "002"
    assert numbers == {"pkbm": "001"}


@pytest.mark.parametrize(
    "copier", [copy.copy, lambda m: m.model_copy()], ids=["copy", "model_copy"]
)
def test_a_copy_never_shares_its_originals_lists(copier: Callable[[Any], Any]) -> None:
    # A list read from the original checks its edits against the original: had the copy
    # kept that very list, an edit through it would change the copy unchecked, and once
    # the original is gone, with no check at all.
    program = Program(name="PKW", objectives=["x"], needs=[NEED])
    needs = program.needs
    copied = copier(program)
    needs.append(OTHER)  # the original's edit, checked against the original (copy unread)
    assert copied.needs == [NEED]
    assert copied.needs is not needs
    del program
    with pytest.raises(ReadOnlyFieldError):
        needs.append("bukan kebutuhan")  # type: ignore[arg-type]  # junk, on purpose
    assert copied.needs == [NEED]
    with pytest.raises(ValidationError):
        copied.needs.append("bukan kebutuhan")


def test_a_copy_of_a_signed_text_refuses_an_edit_through_the_originals_list() -> None:
    signed = at_stage(Stage.IMPLEMENTATION, recorded=True).agreement
    assert signed is not None
    assert signed.frozen
    scope = signed.scope
    copied = copy.copy(signed)
    del signed
    with pytest.raises(ReadOnlyFieldError):
        scope.clear()
    with pytest.raises(ReadOnlyFieldError):
        copied.scope.clear()
    assert copied.scope
    assert copied.frozen
