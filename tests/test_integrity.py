"""Each way around the library's promises that was found, tried again: each is now refused.

The history is the truth; signed means frozen; addenda go through the lifecycle; what
is saved loads; a partnership can be shared between threads; personal data stays
masked; limits hold. (Hostile templates and drafts: ``test_templates_hostile.py``.)
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError, model_validator

from helpers import in_threads
from kemitraan import (
    Agreement,
    AuditRecord,
    Contact,
    Funding,
    Interaction,
    InvalidDataError,
    MonitoringRecord,
    Move,
    MoveNotAllowedError,
    Partner,
    PartnerKind,
    Partnership,
    Program,
    ReadOnlyFieldError,
    Representative,
    RequirementsUnmetError,
    Stage,
    UnknownPartyError,
    dump_json,
    load_json,
    save_json,
)
from kemitraan.audit import history_key, record_hash
from kemitraan.exceptions import UnsupportedSchemaVersionError
from seed import AT, at_stage, example, fresh, record

DATA = Path(__file__).parent / "data"


def _program() -> Program:
    return Program(name="PKW", objectives=["Mandiri"])


def _loaded_errors(data: dict[str, Any]) -> list[tuple[Any, str]]:
    with pytest.raises(InvalidDataError) as caught:
        load_json(Partnership, data)
    return [(e["loc"], e["type"]) for e in caught.value.errors]


def _rechain(data: dict[str, Any], key: bytes | None = None) -> dict[str, Any]:
    """Recompute every hash, as a forger who knows the (unkeyed) scheme would."""
    from kemitraan import AuditRecord

    previous = ""
    for raw in data["history"]:
        record_ = AuditRecord.model_validate({**raw, "hash": ""})
        raw["hash"] = previous = record_hash(previous, data["id"], record_, key)
    return data


# -- the lifecycle cannot be skipped ------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"stage": "signing"}, "history_mismatch"),
        ({"stage": "follow_up", "cycle": 9}, "history_mismatch"),
        ({"stage": "ended"}, "history_mismatch"),
    ],
)
def test_a_stage_without_its_history_is_refused_on_every_route(
    changes: dict[str, Any], code: str
) -> None:
    institution = example().build_institution()
    base = {"institution": institution, "program": _program()}
    with pytest.raises(ValidationError, match=code):
        Partnership(**base, **changes)
    with pytest.raises(ValidationError, match=code):
        Partnership.model_construct(**base, **changes)
    partnership = Partnership(**base)
    with pytest.raises(ValidationError, match=code):
        partnership.model_copy(update=changes)
    data = {**json.loads(dump_json(partnership)), **changes}
    assert ((("stage",), code)) in _loaded_errors(data)
    # Past every public route: the next move, and saving, refuse it.
    partnership.__dict__.update({k: Stage(v) if k == "stage" else v for k, v in changes.items()})
    with pytest.raises(InvalidDataError) as caught:
        save_json(partnership, "/nonexistent-kemitraan/p.json")
    assert code in [e["type"] for e in caught.value.errors]


def test_a_stage_set_past_the_public_routes_stops_the_next_move() -> None:
    partnership = at_stage(Stage.MAPPING, recorded=True)
    partnership.__dict__["stage"] = Stage.SIGNING
    with pytest.raises(InvalidDataError, match="tidak sesuai dengan riwayatnya") as caught:
        partnership.decline("Alasan", at=AT)
    assert isinstance(caught.value, ValueError)
    assert partnership.history == ()


# -- the audit trail cannot be edited -------------------------------------------------------


@pytest.mark.parametrize(
    "edit",
    [
        lambda h: h.clear(),
        lambda h: h.append(h[0]),
        lambda h: h.__setitem__(0, h[0]),
        lambda h: h.pop(),
        lambda h: h.insert(0, h[0]),
    ],
    ids=["clear", "append", "replace", "pop", "insert"],
)
def test_the_history_refuses_edits(edit: Callable[[Any], object]) -> None:
    partnership = at_stage(Stage.ANALYSIS)
    before = dump_json(partnership)
    with pytest.raises(ReadOnlyFieldError, match="bertambah hanya melalui langkah"):
        edit(partnership.history)
    with pytest.raises(ReadOnlyFieldError):
        partnership.history = ()
    assert dump_json(partnership) == before


def _stored(stage: Stage = Stage.IMPROVEMENT) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(dump_json(at_stage(stage)))
    return data


def test_a_middle_record_with_an_impossible_move_is_refused() -> None:
    data = _stored()
    data["history"][3]["move"] = "renew"
    data["history"][3]["to_stage"] = "ended"
    assert _loaded_errors(_rechain(data))[0] == (("history", 3), "history_move_not_allowed")


def test_a_single_forged_jump_is_refused_even_with_a_good_hash() -> None:
    data = json.loads(dump_json(at_stage(Stage.MAPPING)))
    data["history"] = [
        {
            "from_stage": "mapping",
            "to_stage": "signing",
            "move": "advance",
            "at": "2025-01-01T00:00:00Z",
            "cycle": 1,
        }
    ]
    data["stage"] = "signing"
    assert _loaded_errors(_rechain(data))[0] == (("history", 0), "history_move_not_allowed")


def test_a_cycle_without_a_renewal_is_refused() -> None:
    data = _stored()
    for raw in data["history"][5:]:
        raw["cycle"] = 5
    data["cycle"] = 5
    assert _loaded_errors(_rechain(data))[0] == (("history", 5), "history_cycle")


def test_a_record_in_the_future_or_going_back_in_time_is_refused() -> None:
    data = _stored()
    data["history"][-1]["at"] = "2199-01-01T00:00:00Z"  # the future, in the years kept
    assert _loaded_errors(_rechain(data))[0][1] == "history_time"
    data = _stored()
    data["history"][2]["at"] = "2024-01-01T00:00:00Z"  # before the record before it
    assert _loaded_errors(_rechain(data))[0] == (("history", 2), "history_time")


@pytest.mark.parametrize(
    "forge",
    [
        lambda h: h.__setitem__(slice(1, 3), [h[2], h[1]]),  # reordered
        lambda h: h.pop(2),  # cut in the middle
        lambda h: h[1].__setitem__("actor", "Orang lain"),  # edited
        lambda h: h[0].__setitem__("note", "Ditulis ulang"),
    ],
    ids=["reordered", "cut", "actor edited", "note edited"],
)
def test_an_edited_reordered_or_cut_history_breaks_the_chain(
    forge: Callable[[list[dict[str, Any]]], object],
) -> None:
    data = _stored()
    forge(data["history"])
    errors = _loaded_errors(data)
    assert errors[0][0][0] == "history"
    assert errors[0][1] in ("history_hash_mismatch", "history_broken", "history_time")


def test_a_truncated_history_no_longer_leads_to_the_stage() -> None:
    data = _stored()
    data["history"] = data["history"][:-2]
    assert (("stage",), "history_mismatch") in _loaded_errors(data)


def test_a_history_moved_to_another_partnership_breaks_the_chain() -> None:
    data = _stored()
    data["id"] = "partnership-lain"
    assert _loaded_errors(data)[0] == (("history", 0), "history_hash_mismatch")


def test_a_keyed_chain_cannot_be_recomputed_without_the_key() -> None:
    with history_key("rahasia-aplikasi"):
        partnership = fresh()  # (not the seed helper's cache, which is unkeyed)
        record(partnership)
        partnership.advance(at=AT)
        assert partnership.history_head.startswith("hmac-sha256:")
        data = json.loads(dump_json(partnership))
        assert load_json(Partnership, data) == partnership
        forged = _rechain(json.loads(json.dumps(data)))  # a forger without the key
        forged["history"][0]["actor"] = "Orang lain"
        assert _loaded_errors(_rechain(forged))[0][1] == "history_not_keyed"
        wrong = _rechain(json.loads(json.dumps(data)), key=b"kunci lain")
        assert _loaded_errors(wrong)[0][1] == "history_hash_mismatch"
    assert _loaded_errors(data)[0][1] == "history_keyed"  # read where no key is set


def test_the_stored_head_detects_a_clean_cut() -> None:
    partnership = at_stage(Stage.EXPLORATION)
    head = partnership.history_head  # the app keeps this apart, in its database row
    data = json.loads(dump_json(partnership))
    data["history"] = data["history"][:-1]
    data["stage"] = data["history"][-1]["to_stage"]
    cut = load_json(Partnership, data)  # every record left is genuine ...
    assert cut.history_head != head  # ... and the head says records are gone


# -- signed means frozen --------------------------------------------------------------------


def test_a_signed_agreement_cannot_change_in_place() -> None:
    partnership = at_stage(Stage.IMPLEMENTATION)
    agreement = partnership.agreement
    assert agreement is not None
    before = dump_json(partnership)
    edits: list[Callable[[], object]] = [
        lambda: setattr(agreement, "roles", []),
        lambda: agreement.roles.clear(),
        lambda: agreement.parties[1].contacts.append(Contact(email="a@b.id")),
        lambda: setattr(agreement.parties[1], "address", "Alamat lain"),
        lambda: setattr(partnership, "agreement", agreement.model_copy(update={"scope": ["x"]})),
    ]
    for edit in edits:
        with pytest.raises(ReadOnlyFieldError):
            edit()
    assert dump_json(partnership) == before
    assert all(s.signed for s in agreement.signatories)


def test_editing_a_partner_does_not_edit_the_signed_agreement() -> None:
    partnership = at_stage(Stage.IMPLEMENTATION)
    partner = partnership.partner("cv-kriya-banua")
    partner.address = "Jl. Baru No. 1"  # the partner moved; the agreement says what it said
    assert partnership.agreement is not None
    assert partnership.agreement.party("cv-kriya-banua").address != "Jl. Baru No. 1"
    assert load_json(Partnership, dump_json(partnership)) == partnership


def test_signatures_shown_must_be_in_the_history() -> None:
    partnership = at_stage(Stage.SIGNING)
    assert partnership.agreement is not None
    forged = [
        s.model_copy(update={"signed_on": date(2025, 3, 10)})
        for s in partnership.agreement.signatories
    ]
    with pytest.raises(ValidationError, match="signature_not_recorded"):
        partnership.agreement = partnership.agreement.model_copy(update={"signatories": forged})


def _with_signed(partnership: Partnership, party: str, **shown: object) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(dump_json(partnership))
    for signatory in data["agreement"]["signatories"]:
        if signatory["party_id"] == party:
            signatory.update(shown)
    return data


@pytest.mark.parametrize(
    "shown",
    [
        {"signed_on": "2025-03-11"},  # the day moved, by a day
        {"signed_at": "Jakarta"},  # or the place
        {"signed_on": "1900-01-01", "signed_at": None},
    ],
)
def test_a_signatures_day_and_place_are_those_it_was_recorded_with(shown: dict[str, Any]) -> None:
    # the attack review: neither is in the text's digest, and a facilitator could rewrite
    # another party's through the app, or anyone through the database row
    partnership = at_stage(Stage.IMPLEMENTATION, recorded=True)
    signed = next(r for r in partnership.history if r.move is Move.SIGN)
    assert (signed.signed_on, signed.signed_at) == (date(2025, 3, 10), "Martapura")
    with pytest.raises(InvalidDataError) as caught:
        load_json(Partnership, _with_signed(partnership, str(signed.party_id), **shown))
    assert caught.value.errors[0]["type"] == "signature_day_changed"
    # nor while the others have yet to sign, through an assignment (as the app's PATCH does)
    signing = at_stage(Stage.SIGNING)
    party = signing.parties[1].id
    signing.sign(party, on=date(2025, 3, 10), place="Martapura", at=AT)
    before = dump_json(signing)
    agreement = Agreement.model_validate(_with_signed(signing, party, **shown)["agreement"])
    with pytest.raises(ValidationError, match="signature_day_changed"):
        signing.agreement = agreement
    assert dump_json(signing) == before


@pytest.mark.parametrize(("day", "refused"), [("2025-03-10", False), ("1900-01-01", True)])
def test_a_signature_recorded_before_its_day_was_kept_is_still_a_possible_day(
    day: str, refused: bool
) -> None:
    data = json.loads((DATA / "seed-partnership-v1.json").read_text("utf-8"))
    data["agreement"]["signatories"][0]["signed_on"] = day
    if not refused:
        assert load_json(Partnership, data).agreement is not None
        return
    with pytest.raises(InvalidDataError) as caught:
        load_json(Partnership, data)
    assert caught.value.errors[0]["type"] == "signature_day_impossible"


# -- addenda go through the lifecycle ----------------------------------------------------------


def _follow_up_with_plan() -> Partnership:
    done = at_stage(Stage.FOLLOW_UP, recorded=True)
    partnership = at_stage(Stage.FOLLOW_UP)
    partnership.follow_up_plans = list(done.follow_up_plans)
    return partnership


def test_an_addendum_naming_some_of_the_parties_is_refused() -> None:
    partnership = _follow_up_with_plan()
    draft = example().draft_addendum(partnership)
    two = draft.model_copy(
        update={
            "parties": draft.parties[:2],
            "numbers": {},
            "roles": draft.roles[:2],
            "signatories": draft.signatories[:2],
        }
    )
    with pytest.raises(ValidationError, match="addendum_parties"):
        partnership.addenda.append(two)
    assert partnership.addenda == []


def test_renewal_needs_the_addendum_signed_by_every_party_and_free_of_errors() -> None:
    partnership = _follow_up_with_plan()
    draft = example().draft_addendum(partnership)
    broken = draft.model_copy(update={"signatories": draft.signatories[:-1]})  # a check() error
    partnership.addenda.append(broken)
    with pytest.raises(RequirementsUnmetError) as refused:
        partnership.renew(at=AT)
    assert {r.code for r in refused.value.unmet} == {"addendum_signed"}
    with pytest.raises(RequirementsUnmetError) as refused:
        partnership.sign_addendum(0, partnership.institution.id, on=date(2026, 2, 16), at=AT)
    assert {r.code for r in refused.value.unmet} == {"text_free_of_errors"}
    with pytest.raises(UnknownPartyError):
        partnership.sign_addendum(0, "orang-lain", on=date(2026, 2, 16), at=AT)
    with pytest.raises(MoveNotAllowedError):
        at_stage(Stage.AGREEMENT).sign_addendum(0, "x", on=date(2026, 2, 16), at=AT)


# -- what is saved loads ------------------------------------------------------------------------


def test_a_duplicate_partner_is_refused_when_appended() -> None:
    partnership = at_stage(Stage.GATHERING)
    before = dump_json(partnership)
    with pytest.raises(ValidationError, match="duplicate_party"):
        partnership.partners.append(partnership.partners[0].model_copy(update={"name": "Lain"}))
    with pytest.raises(ValidationError):
        partnership.partners.append("bukan mitra")  # type: ignore[arg-type]
    assert dump_json(partnership) == before


@pytest.mark.parametrize(
    "path",
    [
        ("partners", 0, "id"),
        ("partners", 1, "kind"),
        ("program", "name"),
        ("partners", 0, "region", "province"),
        ("institution", "name"),
    ],
)
def test_a_field_is_not_deleted_and_nothing_changes(path: tuple[Any, ...]) -> None:
    partnership = at_stage(Stage.GATHERING, recorded=True)
    before = dump_json(partnership)
    owner: Any = partnership
    for step in path[:-1]:
        owner = owner[step] if isinstance(step, int) else getattr(owner, step)
    with pytest.raises(ReadOnlyFieldError, match="isian tidak dihapus"):
        delattr(owner, path[-1])
    assert dump_json(partnership) == before
    partnership.advance(at=partnership.history[-1].at)  # and the partnership goes on


def test_a_nested_edit_the_loader_would_refuse_is_refused_when_saved(tmp_path: Path) -> None:
    partnership = at_stage(Stage.GATHERING)
    before = dump_json(partnership)
    # a party keeps its id: records and signatures name it by it
    with pytest.raises(ValidationError, match="frozen_field"):
        partnership.partners[1].id = partnership.partners[0].id
    assert dump_json(partnership) == before
    partnership.partners[1].__dict__["id"] = partnership.partners[0].id  # past every check
    with pytest.raises(InvalidDataError) as caught:
        save_json(partnership, tmp_path / "p.json")
    assert caught.value.errors[0]["type"] == "duplicate_party"
    assert not list(tmp_path.iterdir())  # nothing written


def test_a_version_1_file_is_upgraded_and_version_0_is_named() -> None:
    text = (DATA / "seed-partnership-v1.json").read_text("utf-8")
    upgraded = load_json(Partnership, text)
    assert (upgraded.schema_version, upgraded.stage, upgraded.cycle) == (2, Stage.IMPLEMENTATION, 2)
    signatures = [(r.move.value, r.party_id) for r in upgraded.history if r.move.is_signing]
    assert len(signatures) == 8
    assert load_json(Partnership, dump_json(upgraded)) == upgraded
    with pytest.raises(UnsupportedSchemaVersionError, match="lebih lama daripada 2"):
        load_json(Partnership, text, upgrade=False)
    zero = json.loads(text)
    zero["schema_version"] = 0
    with pytest.raises(InvalidDataError, match="versi dimulai dari 1"):
        load_json(Partnership, zero)


# -- threads ---------------------------------------------------------------------------------


def _race(partnership: Partnership) -> list[object]:
    """Every party signs twice and four threads try to advance, all at once."""
    results: list[object] = []

    def sign(party_id: str) -> None:
        try:
            results.append(partnership.sign(party_id, on=date(2025, 3, 10), at=AT))
        except (RequirementsUnmetError, MoveNotAllowedError) as refused:
            results.append(refused)

    def advance() -> None:
        try:
            results.append(partnership.advance(at=AT))
        except (RequirementsUnmetError, MoveNotAllowedError) as refused:
            results.append(refused)

    parties = [p.id for p in partnership.parties]
    threads = [threading.Thread(target=sign, args=(pid,)) for pid in parties * 2]
    threads += [threading.Thread(target=advance) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_many_threads_moving_one_partnership_leave_a_history_that_replays() -> None:
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        for trial in range(30):
            partnership = at_stage(Stage.SIGNING)
            made = [r for r in _race(partnership) if isinstance(r, AuditRecord)]
            signed = sorted(str(r.party_id) for r in made if r.move.is_signing)
            assert signed == sorted(p.id for p in partnership.parties), trial
            # every record a move returned is in the history: none was undone
            assert all(r in partnership.history for r in made), trial
            assert load_json(Partnership, dump_json(partnership)) == partnership
    finally:
        sys.setswitchinterval(interval)


# -- personal data ------------------------------------------------------------------------


def test_personal_data_is_masked_in_every_repr_and_error() -> None:
    with pytest.raises(ValidationError) as caught:
        Contact(phone="0812-9999-0000-12345")
    assert "0812-9999-0000-12345" not in str(caught.value)
    with pytest.raises(InvalidDataError) as loaded:
        load_json(Contact, '{"phone": "0812 9999 123456789"}')
    assert "9999 1234" not in str(loaded.value)
    with pytest.raises(ValidationError) as nip:
        Representative(name="A", position="B", nip="197013011995031001")
    assert "197013011995031001" not in str(nip.value)
    person = Partner(
        name="Hj. Norhayati",
        kind=PartnerKind.COMMUNITY_FIGURE,
        nik="3171011708450001",
        contacts=[Contact(phone="081251234567", email="norhayati@example.id")],
        representative=Representative(name="Hj. N", position="Tokoh", nip="197001011995031001"),
    )
    for shown in (
        repr(person),
        repr(person.model_copy(update={"nik": "3171011708450001"})),
        repr(Partner.model_construct(**person.model_dump())),
        str(person),
    ):
        for secret in ("3171011708450001", "197001011995031001", "81251234567", "norhayati@"):
            assert secret not in shown
    masked = json.loads(dump_json(person, mask=True))
    assert masked["nik"] == "3171********0001"
    assert masked["contacts"][0]["email"] == "norh************e.id"
    assert "081251234567" not in json.dumps(masked)
    assert json.loads(dump_json(person))["nik"] == "3171011708450001"  # storage keeps it all


# -- writes ----------------------------------------------------------------------------------


def test_a_killed_write_leaves_the_old_file_and_the_next_write_cleans_up(tmp_path: Path) -> None:
    target = tmp_path / "kemitraan.json"
    target.write_text("lama", encoding="utf-8")
    child = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, signal, pathlib\n"
            "import kemitraan._files as f\n"
            "real = os.replace\n"
            "def killed(*a, **k): os.kill(os.getpid(), signal.SIGKILL)\n"
            "os.replace = killed\n"
            f"f.write_atomically(pathlib.Path({str(target)!r}), b'baru' * 1000)\n",
        ],
        check=False,
    )
    assert child.returncode == -signal.SIGKILL
    leftovers = list(tmp_path.glob(".kemitraan.json.kemitraan-*.tmp"))
    assert len(leftovers) == 1  # what the crash left, with personal data possibly in it
    assert target.read_text("utf-8") == "lama"
    save_json(Program(name="PKW", objectives=["x"]), target)
    assert not list(tmp_path.glob(".*.tmp"))
    assert load_json(Program, target.read_text("utf-8")).name == "PKW"


def test_writes_are_flushed_to_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[int] = []
    real = os.fsync

    def fsync(fd: int) -> None:
        synced.append(fd)
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    save_json(Program(name="PKW", objectives=["x"]), tmp_path / "p.json")
    assert len(synced) == 2  # the file, then its folder


# -- limits ----------------------------------------------------------------------------------


def test_limits_refuse_at_validation_with_short_errors() -> None:
    with pytest.raises(ValidationError, match="Paling banyak 5000 karakter"):
        Partner(name="Toko", kind=PartnerKind.BUSINESS, address="x" * 50_000_000)
    with pytest.raises(InvalidDataError) as unknown:
        load_json(Program, json.dumps({"name": "P", "objectives": ["x"], "k" * 5_000_000: 1}))
    assert len(str(unknown.value)) < 500
    with pytest.raises(ValidationError, match="Harus kurang dari 1000000000000000000"):
        Funding(source_name="APBN", amount=Decimal(10) ** 26)
    with pytest.raises(InvalidDataError, match="Harus kurang dari"):
        load_json(Funding, '{"source_name": "APBN", "amount": "1e26"}')


def test_the_machine_is_private() -> None:
    partnership = at_stage(Stage.MAPPING, recorded=True)
    assert not hasattr(partnership, "machine")
    assert partnership.unmet_requirements() == []
    partnership.advance(at=AT)  # the one way to move


def test_times_in_a_move_only_go_forward() -> None:
    partnership = at_stage(Stage.GATHERING, recorded=True)
    with pytest.raises(ValueError, match="waktu dalam riwayat hanya bergerak maju"):
        partnership.advance(at=datetime(2024, 1, 1, tzinfo=UTC))
    with pytest.raises(ValueError, match="di masa depan"):
        partnership.advance(at=datetime(2199, 1, 1, tzinfo=UTC))  # in the years kept
    assert partnership.stage is Stage.GATHERING


def test_fresh_seed_still_walks() -> None:
    partnership = fresh()
    record(partnership)
    partnership.advance(at=AT)
    assert partnership.stage is Stage.GATHERING


# -- every party a record names exists (issue 16: one marker on the field, one walker) ------


def _reference_paths() -> list[tuple[str | int, ...]]:
    """The first place of each kind where the seed's running records name a party."""
    from kemitraan._integrity import RECORD_FIELDS
    from kemitraan._refs import party_refs

    p = at_stage(Stage.FOLLOW_UP, recorded=True)
    first: dict[tuple[str | int, ...], tuple[str | int, ...]] = {}
    for field in RECORD_FIELDS:
        for index, item in enumerate(getattr(p, field)):
            for where, _, _ in party_refs(item, (field, index)):
                first.setdefault(tuple(x for x in where if isinstance(x, str)), where)
    return sorted(first.values(), key=str)


def _set(data: Any, where: tuple[str | int, ...], value: str) -> None:
    for key in where[:-1]:
        data = data[key]
    data[where[-1]] = value


REFERENCES = _reference_paths()


def test_the_walk_finds_every_kind_of_record_that_names_a_party() -> None:
    kinds = {(str(w[0]), *(x for x in w[2:] if isinstance(x, str))) for w in REFERENCES}
    assert kinds == {
        ("implementation", "party_ids"),
        ("monitoring", "by"),
        ("monitoring", "participants"),
        ("monitoring", "problems", "party_id"),
        ("evaluations", "participants"),
        ("evaluations", "views", "party_id"),
        ("decisions", "decided_by"),
        ("decisions", "actions", "owner"),
        ("interactions", "initiated_by"),
        ("interactions", "partner_ids"),
        ("partner_events", "partner_id"),
    }


@pytest.mark.parametrize("where", REFERENCES, ids=lambda w: ".".join(map(str, w)))
def test_a_record_naming_a_stranger_is_refused_on_load_construction_and_append(
    where: tuple[str | int, ...],
) -> None:
    p = at_stage(Stage.FOLLOW_UP, recorded=True)
    data = json.loads(dump_json(p))
    _set(data, where, "orang-asing")
    assert _loaded_errors(data) == [(where, "unknown_party")]
    with pytest.raises(ValidationError, match="unknown_party"):
        Partnership.model_validate(data)
    # appended to the partnership it came from, the same record is refused, changing nothing
    field, index = str(where[0]), int(where[1])
    record_type = type(getattr(p, field)[index])
    stranger = record_type.model_validate(data[field][index])
    before = dump_json(p)
    with pytest.raises(ValidationError, match="unknown_party"):
        getattr(p, field).append(stranger)
    assert dump_json(p) == before


@pytest.mark.parametrize(
    "where",
    [w for w in REFERENCES if w[0] in ("interactions", "partner_events") and "partner" in str(w)],
    ids=lambda w: ".".join(map(str, w)),
)
def test_a_field_that_names_a_partner_refuses_the_institution(
    where: tuple[str | int, ...],
) -> None:
    p = at_stage(Stage.FOLLOW_UP, recorded=True)
    data = json.loads(dump_json(p))
    _set(data, where, p.institution.id)
    assert _loaded_errors(data) == [(where, "unknown_party")]


# -- found by the review of issue 16's changes -------------------------------------------------


def _visit(partner_id: str) -> Interaction:
    return Interaction.model_validate(
        {"on": "2025-05-07", "kind": "visit", "partner_ids": [partner_id]}
    )


@pytest.mark.parametrize("rounds", range(5))
def test_appends_and_other_edits_from_two_threads_lose_nothing(rounds: int) -> None:
    # A tiny switch interval makes the threads interleave inside each other's edits (a
    # reader once caught another edit's validated copy in the field and was cut off).
    p = at_stage(Stage.MONITORING, recorded=True)
    partner = p.committed_partners[0].id
    before = len(p.interactions)
    raised: list[BaseException] = []

    def appends() -> None:
        try:
            for _ in range(60):
                p.interactions.append(_visit(partner))
        except BaseException as error:  # reported by the assertion below
            raised.append(error)

    def inserts() -> None:
        try:
            for _ in range(60):
                p.interactions.insert(0, _visit(partner))
        except BaseException as error:
            raised.append(error)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        threads = [threading.Thread(target=appends), threading.Thread(target=inserts)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert raised == []
    assert len(p.interactions) == before + 120
    assert len(load_json(Partnership, dump_json(p)).interactions) == before + 120


def test_a_list_replaced_on_its_partnership_takes_no_more_edits() -> None:
    p = at_stage(Stage.MONITORING, recorded=True)
    old = p.interactions
    p.interactions = list(p.interactions)
    with pytest.raises(ReadOnlyFieldError, match="baca isiannya lagi"):
        old.append(_visit(p.committed_partners[0].id))
    with pytest.raises(ReadOnlyFieldError, match="baca isiannya lagi"):
        old.insert(0, _visit(p.committed_partners[0].id))
    assert len(p.interactions) == len(old)


def test_a_record_of_a_cycle_not_reached_is_refused() -> None:
    p = at_stage(Stage.MONITORING, recorded=True)
    before = dump_json(p)
    ahead = {"cycle": 2, "on": "2025-06-01", "by": p.institution.id, "findings": "x"}
    with pytest.raises(ValidationError, match="cycle_not_reached"):
        p.monitoring.append(MonitoringRecord.model_validate(ahead))
    assert dump_json(p) == before
    data = json.loads(before)
    data["monitoring"].append(ahead)
    assert (("monitoring", len(data["monitoring"]) - 1, "cycle"), "cycle_not_reached") in (
        _loaded_errors(data)
    )


def test_a_move_under_another_key_is_refused_and_changes_nothing() -> None:
    p = at_stage(Stage.MONITORING, recorded=True)
    before = dump_json(p)
    with history_key("rahasia"):
        with pytest.raises(InvalidDataError, match="history"):
            p.end("Mitra menutup usahanya", at=AT)
        with pytest.raises(ValidationError):  # an append is checked whole under another key
            p.interactions.append(_visit(p.committed_partners[0].id))
    assert dump_json(p) == before


def test_a_moved_partnership_dumps_its_history_even_without_defaults() -> None:
    p = fresh()
    record(p)
    p.advance(at=AT)
    again = load_json(Partnership, p.model_dump_json(exclude_unset=True))
    assert again.history == p.history
    assert again.stage is p.stage


def test_loaded_models_share_a_set_of_fields_nobody_can_change() -> None:
    text = dump_json(at_stage(Stage.ANALYSIS, recorded=True))
    loaded = load_json(Partnership, text)
    with pytest.raises(ReadOnlyFieldError):
        loaded.institution.model_fields_set.discard("name")
    assert "name" in load_json(Partnership, text).institution.model_fields_set


def test_a_verified_history_is_not_replayed_again_unless_a_record_changed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import kemitraan._integrity as integrity

    p = load_json(Partnership, dump_json(at_stage(Stage.MONITORING, recorded=True)))
    calls: list[int] = []
    real = integrity.replay  # type: ignore[attr-defined]  # imported there, patched there

    def counted(history: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(len(history))
        return real(history, *args, **kwargs)

    monkeypatch.setattr(integrity, "replay", counted)
    Partnership.model_validate(dict(p.__dict__))  # the same records: the proof holds
    assert calls == []
    forged = list(p.history)
    forged[0] = forged[0].model_copy(update={"actor": "Mallory"})  # an equal-looking other
    data = {**p.__dict__, "history": tuple(forged)}
    with pytest.raises(ValidationError, match="hash"):
        Partnership.model_validate(data)
    assert calls == [len(forged)]
    with history_key("rahasia"), pytest.raises(ValidationError):
        Partnership.model_validate(dict(p.__dict__))  # another key: replayed, and refused


def test_records_alone_are_judged_only_where_the_history_leads_to_the_stage() -> None:
    from kemitraan._integrity import records_problems

    p = load_json(Partnership, dump_json(at_stage(Stage.MONITORING, recorded=True)))
    records = {"interactions": list(p.interactions)}
    found = records_problems(p, records)
    assert found is not None
    assert list(found) == []  # verified history, its stage: the records are checked alone
    assert records_problems(p, {"stage": []}) is None  # not a running record
    p.__dict__["stage"] = Stage.ENDED  # past the moves: the proof does not lead here
    assert records_problems(p, records) is None  # so the whole must be checked
    with history_key("rahasia"):
        p.__dict__["stage"] = Stage.MONITORING
        assert records_problems(p, records) is None  # nor under another key


# -- a text verified once is trusted again: that very text, under that very key -------------


def _signed_text(data: dict[str, Any], path: tuple[str | int, ...], value: Any) -> str:
    """``data`` with the value at ``path`` changed, as a text."""
    *parents, last = path
    node: Any = data
    for step in parents:
        node = node[step]
    node[last] = value
    return json.dumps(data)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("agreement", "subject"), "Kerja sama lain"),  # a signed text changed
        (("history", 3, "note"), "Ditulis ulang"),  # a record edited
        (("history", 2, "to_stage"), "agreement"),  # a record moved elsewhere
        (("stage",), "monitoring"),  # a stage past the history
        (("id",), "partnership-lain"),  # the history of another partnership
        (("cooperation_agreements",), []),  # a signed PKS removed
    ],
)
def test_a_text_verified_before_vouches_for_no_other(
    path: tuple[str | int, ...], value: Any
) -> None:
    text = dump_json(at_stage(Stage.IMPLEMENTATION, recorded=True), indent=None)
    genuine = load_json(Partnership, text)
    assert load_json(Partnership, text) == genuine  # the same text, trusted
    forged = _signed_text(json.loads(text), path, value)
    with pytest.raises(InvalidDataError):
        load_json(Partnership, forged)
    with pytest.raises(InvalidDataError):  # and the same forged text again
        load_json(Partnership, forged)
    assert load_json(Partnership, text) == genuine


def test_a_text_verified_under_one_key_is_checked_again_under_another() -> None:
    text = dump_json(at_stage(Stage.SIGNING, recorded=True))
    load_json(Partnership, text)
    with history_key("rahasia"), pytest.raises(InvalidDataError) as caught:
        load_json(Partnership, text)
    assert caught.value.errors[0]["type"] == "history_not_keyed"
    with history_key("rahasia"):
        keyed = fresh()
        record(keyed)
        keyed.advance(at=AT)
        keyed_text = dump_json(keyed)
        assert load_json(Partnership, keyed_text) == load_json(Partnership, keyed_text)
    with pytest.raises(InvalidDataError) as caught:
        load_json(Partnership, keyed_text)  # verified under the key, refused without it
    assert caught.value.errors[0]["type"] == "history_keyed"


@pytest.mark.parametrize("stage", [Stage.SIGNING, Stage.IMPLEMENTATION, Stage.MONITORING])
def test_a_text_loaded_again_is_the_same_partnership_and_moves_the_same(stage: Stage) -> None:
    text = dump_json(at_stage(stage, recorded=True))
    first, second = load_json(Partnership, text), load_json(Partnership, text)
    assert first == second
    texts = [first.agreement, *first.addenda, *first.cooperation_agreements]
    again = [second.agreement, *second.addenda, *second.cooperation_agreements]
    for one, other in zip(texts, again, strict=True):
        assert (one is None) == (other is None)
        if one is not None and other is not None:
            assert one.frozen == other.frozen
            assert other.digest() == one.digest()
            assert other.digest() == one.model_copy(update={"subject": one.subject}).digest()
    first.advance(at=AT)
    second.advance(at=AT)
    assert dump_json(first) == dump_json(second)
    assert load_json(Partnership, dump_json(second)) == second


def test_threads_loading_one_text_all_get_it_whole() -> None:
    text = dump_json(at_stage(Stage.IMPLEMENTATION, recorded=True), indent=4)
    expected = load_json(Partnership, json.loads(text))  # from the dict: not remembered
    found: list[Partnership] = []

    def load() -> None:
        for _ in range(5):
            found.append(load_json(Partnership, text))

    assert in_threads(load, 4) == []
    assert found == [expected] * 20


class _StageFromRow(Partnership):
    """An app's subclass that validates differently: its stage comes from elsewhere."""

    @model_validator(mode="before")
    @classmethod
    def _row_stage(cls, data: Any) -> Any:
        return {**data, "stage": "monitoring"} if isinstance(data, dict) else data


class _SubjectTrimmed(Partnership):
    """An app's subclass that mends what it reads: a suffix on the agreement's subject."""

    @model_validator(mode="before")
    @classmethod
    def _trimmed(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("agreement"), dict):
            subject = data["agreement"]["subject"].removesuffix(" [arsip]")
            return {**data, "agreement": {**data["agreement"], "subject": subject}}
        return data


def test_a_text_verified_as_one_class_is_checked_in_full_as_another() -> None:
    text = dump_json(at_stage(Stage.IMPLEMENTATION, recorded=True), indent=2)
    load_json(Partnership, text)  # verified as the library's own class
    with pytest.raises(InvalidDataError) as caught:
        load_json(_StageFromRow, text)
    assert caught.value.errors[0]["type"] == "history_mismatch"
    data = json.loads(text)
    data["agreement"]["subject"] += " [arsip]"  # the signed text changed
    forged = json.dumps(data)
    assert load_json(_SubjectTrimmed, forged).agreement is not None  # mended by the subclass
    with pytest.raises(InvalidDataError):
        load_json(Partnership, forged)


def test_a_text_in_a_buffer_loads_as_the_same_text_does() -> None:
    text = dump_json(at_stage(Stage.SIGNING, recorded=True))
    expected = load_json(Partnership, text)
    buffer = bytearray(text.encode())
    assert load_json(Partnership, buffer) == expected  # type: ignore[arg-type]
    assert load_json(Partnership, bytes(buffer)) == expected
