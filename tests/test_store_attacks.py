"""Attacks on the store (issue 17), each one a test that now fails to get through.

The attacker here can write the database but does not hold the app's history key. Each
attack was first run against the store as it was, and got through (the docstring of each
test says what it got); on SQLite and PostgreSQL alike where a database is involved.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

import kemitraan.store
from kemitraan import InvalidArgumentError, InvalidDataError, Stage, dump_json
from kemitraan.audit import history_key
from kemitraan.exceptions import KemitraanError, PartnershipNotFoundError
from kemitraan.store import Store, StoreLayoutError
from kemitraan.upgrades import UPGRADES
from seed import example
from test_store import DATABASES, empty_database, walked

KEY = "kunci-rahasia-aplikasi"


@pytest.fixture(params=DATABASES)
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return empty_database(request.param, tmp_path)


@pytest.fixture
def store(url: str) -> Iterator[Store]:
    opened = Store(url)
    yield opened
    opened.close()


@pytest.fixture
def keyed() -> Iterator[None]:
    with history_key(KEY):
        yield


def _document(store: Store, pid: str) -> dict[str, Any]:
    with store.engine.connect() as conn:
        text = conn.execute(
            sa.text("SELECT document FROM kemitraan_partnerships WHERE id = :id"), {"id": pid}
        ).scalar_one()
    found: dict[str, Any] = json.loads(text)
    return found


def _write(store: Store, pid: str, document: dict[str, Any], **columns: object) -> None:
    """Write a row as an attacker with the database's password would."""
    sets = ", ".join(["document = :document", *(f"{name} = :{name}" for name in columns)])
    with store.engine.begin() as conn:
        conn.execute(
            sa.text(f"UPDATE kemitraan_partnerships SET {sets} WHERE id = :id"),
            {"id": pid, "document": json.dumps(document), **columns},
        )


# -- 1. forgery through the store's upgrade ---------------------------------------------------


def _forge_signatures(document: dict[str, Any]) -> None:
    """Every signatory signed, and the move to implementation appended with no key to hash it."""
    for signatory in document["agreement"]["signatories"]:
        signatory["signed_on"] = "2025-03-10"
    last = document["history"][-1]
    document["history"].append(
        {
            **last,
            "from_stage": "signing",
            "to_stage": "implementation",
            "move": "advance",
            "at": "2025-03-11T09:00:00+08:00",
            "note": "semua pihak sudah menandatangani",
            "hash": "forged",
        }
    )
    document["stage"] = "implementation"


def _history_kept(data: dict[str, Any]) -> dict[str, Any]:
    """An upgrade step of a later schema, as they must be: the history left as it is."""
    return dict(data)


@pytest.mark.parametrize(
    ("schema_version", "step", "code"),
    [
        (1, None, "unverifiable_upgrade"),  # the issue's attack: schema 1's step re-chained it
        (2, None, "history_not_keyed"),  # no upgrade: the forged record's hash is checked
        (1, _history_kept, "history_not_keyed"),  # an upgrade that keeps the history
    ],
)
def test_a_forged_row_is_not_blessed_by_an_upgrade(
    store: Store,
    keyed: None,
    monkeypatch: pytest.MonkeyPatch,
    schema_version: int,
    step: Callable[[dict[str, Any]], dict[str, Any]] | None,
    code: str,
) -> None:
    """Before: the load upgraded schema 1 and chained the forged records with the app's key
    (four signatures and the move to implementation looked genuine), and the next save
    wrote them into the audit table."""
    if step is not None:
        monkeypatch.setitem(UPGRADES, ("Partnership", 1), step)
    genuine = walked("forged", Stage.SIGNING)
    store.save(genuine, version=0)
    document = _document(store, "forged")
    _forge_signatures(document)
    document["schema_version"] = schema_version
    _write(store, "forged", document, stage="implementation")
    with pytest.raises(InvalidDataError) as refused:
        store.load("forged")
    assert code in {e["type"] for e in refused.value.errors}
    with store.engine.connect() as conn:  # nothing written to the audit table
        hashes = conn.execute(
            sa.text(
                "SELECT hash FROM kemitraan_audit_records "
                "WHERE partnership_id = 'forged' ORDER BY seq"
            )
        ).scalars()
        assert list(hashes) == [r.hash for r in genuine.history]


def test_an_old_document_whose_upgrade_keeps_its_history_loads_verified(
    store: Store, keyed: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(UPGRADES, ("Partnership", 1), _history_kept)
    genuine = walked("old", Stage.SIGNING)
    store.save(genuine, version=0)
    document = _document(store, "old")
    document["schema_version"] = 1  # as a document of a later schema's predecessor would be
    _write(store, "old", document, schema_version=1)
    stored = store.load("old")
    assert stored.partnership == genuine
    assert store.save(stored.partnership, version=stored.version) == 2
    assert _document(store, "old")["schema_version"] == 2
    with history_key("another key"):  # verified under the key in force, never re-keyed
        _write(store, "old", document, schema_version=1)
        with pytest.raises(InvalidDataError) as caught:
            store.load("old")
        assert "history_hash_mismatch" in [e["type"] for e in caught.value.errors]


# -- 2. rollback through a string --------------------------------------------------------------


@pytest.mark.parametrize(
    ("schema_version", "step", "code"),
    [
        ("2", None, "int_type"),
        (2.0, None, "int_type"),
        (True, None, "int_type"),
        (2, None, "store_mismatch"),
        (1, _history_kept, "store_mismatch"),  # compared with the audit records when upgraded
    ],
)
def test_a_rollback_is_refused_whatever_its_schema_version(
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
    schema_version: object,
    step: Callable[[dict[str, Any]], dict[str, Any]] | None,
    code: str,
) -> None:
    """Before: with "2" or 2.0 the comparison with the audit table was skipped, and the
    partnership loaded one step back."""
    if step is not None:
        monkeypatch.setitem(UPGRADES, ("Partnership", 1), step)
    before = walked("rolled", Stage.GATHERING)
    store.save(before, version=0)
    stored = store.load("rolled")
    example().record_step(stored.partnership)
    stored.partnership.advance(at=datetime(2025, 3, 1, tzinfo=UTC))
    store.save(stored.partnership, version=stored.version)
    document = _document(store, "rolled")
    document["history"] = document["history"][:-1]  # the last record cut
    document["stage"] = before.stage.value
    document["schema_version"] = schema_version
    _write(store, "rolled", document, stage=before.stage.value)
    with pytest.raises(InvalidDataError) as refused:
        store.load("rolled")
    assert refused.value.errors[0]["type"] == code
    assert refused.value.errors[0]["loc"] in {("schema_version",), ()}


@pytest.mark.parametrize("value", [1.5, "satu", "1x"])
def test_a_number_in_a_row_is_read_as_the_integer_the_store_wrote(
    tmp_path: Path, value: object
) -> None:
    """SQLite keeps whatever a column is given; the store read int(version) of it."""
    store = Store(f"sqlite:///{tmp_path / 'numbers.db'}")
    store.save(walked("n", Stage.GATHERING), version=0)
    with store.engine.begin() as conn:
        conn.execute(sa.text("UPDATE kemitraan_partnerships SET version = :v"), {"v": value})
    with pytest.raises(InvalidDataError, match="version") as refused:
        store.load("n")
    assert refused.value.errors[0]["loc"] == ("version",)
    with pytest.raises(InvalidDataError, match="version"):
        store.find()


# -- 3. raw errors instead of refusals ------------------------------------------------------------

BIG = 2**63


@pytest.mark.parametrize(
    ("query", "argument", "allowed"),
    [
        ({"offset": BIG}, "offset", "dari 0 sampai 9223372036854775807"),
        ({"limit": BIG}, "limit", "dari 1 sampai 9223372036854775807"),
        ({"limit": 0}, "limit", "dari 1 sampai"),
        ({"cycle": BIG}, "cycle", "dari 1 sampai 2147483647"),
        ({"cycle": 2**31}, "cycle", "dari 1 sampai 2147483647"),
        ({"institution_id": "x\ud800"}, "institution_id", "surrogate tunggal"),
        ({"pattern": "x\ud800"}, "pattern", "surrogate tunggal"),
        ({"waiting_on": "x\ud800"}, "waiting_on", "surrogate tunggal"),
        ({"stage": "x\ud800"}, "stage", "bukan salah satu dari"),
    ],
)
def test_query_numbers_and_texts_beyond_the_database_are_refused_typed(
    store: Store, query: dict[str, Any], argument: str, allowed: str
) -> None:
    """Before: OverflowError (SQLite), DataError (PostgreSQL), UnicodeEncodeError."""
    with pytest.raises(InvalidArgumentError, match=argument) as refused:
        store.find(**query)
    assert allowed in str(refused.value)
    if argument not in ("offset", "limit"):
        with pytest.raises(InvalidArgumentError, match=argument):
            store.count(**query)


def test_the_largest_numbers_allowed_reach_the_database(store: Store) -> None:
    store.save(walked("edge", Stage.GATHERING), version=0)
    assert store.find(offset=BIG - 1) == []
    assert [s.id for s in store.find(limit=BIG - 1)] == ["edge"]
    assert store.find(cycle=2**31 - 1) == []


def test_an_id_no_database_can_hold_is_not_found(store: Store) -> None:
    """Before: UnicodeEncodeError from load, get and history."""
    with pytest.raises(PartnershipNotFoundError):
        store.load("x\ud800")
    with pytest.raises(PartnershipNotFoundError):
        store.get("x\ud800")
    assert store.history("x\ud800") == []


def test_an_import_refuses_what_a_save_refuses(store: Store, tmp_path: Path) -> None:
    """Before: a NUL in a name imported into SQLite, and failed untyped on PostgreSQL."""
    p = walked("nul", Stage.GATHERING)
    p.institution.__dict__["name"] = "PKBM\x00A"  # past the model's own check
    with pytest.raises(KemitraanError) as saved:
        store.save(p, version=0)
    path = tmp_path / "nul.jsonl"
    path.write_text(p.model_dump_json() + "\n")
    with pytest.raises(KemitraanError) as imported:
        store.import_jsonl(path)
    assert type(imported.value) is type(saved.value)
    assert isinstance(imported.value, InvalidArgumentError | InvalidDataError)
    assert store.count() == 0


def test_tables_another_app_made_are_not_adopted(url: str) -> None:
    """Before: the store stamped them as its own, and the next save failed raw."""
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(
            sa.text("CREATE TABLE kemitraan_partnerships (id INTEGER PRIMARY KEY, title TEXT)")
        )
        conn.execute(sa.text("INSERT INTO kemitraan_partnerships VALUES (1, 'bukan milik kami')"))
    with pytest.raises(StoreLayoutError) as refused:
        Store(url)
    assert refused.value.errors[0]["type"] == "not_a_kemitraan_store"
    said = " ".join(refused.value.differences)
    assert "kemitraan_partnerships has column(s) kemitraan never made: title" in said
    assert "kemitraan_partnerships lacks the column(s) cycle" in said
    assert "table kemitraan_audit_records is missing" in said
    tables = set(sa.inspect(engine).get_table_names())
    assert {t for t in tables if t.startswith("kemitraan")} == {"kemitraan_partnerships"}
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT title FROM kemitraan_partnerships")).all() == [
            ("bukan milik kami",)
        ]
    engine.dispose()


@pytest.mark.parametrize("document", ["{\n  bukan json", "bukan json", "[1, 2]"])
def test_an_export_names_a_row_that_is_not_json(
    store: Store, tmp_path: Path, document: str
) -> None:
    """Before: JSONDecodeError (a row with line breaks), or the row written into the file."""
    store.save(walked("broken-row", Stage.GATHERING), version=0)
    with store.engine.begin() as conn:
        conn.execute(sa.text("UPDATE kemitraan_partnerships SET document = :d"), {"d": document})
    path = tmp_path / "out.jsonl"
    with pytest.raises(InvalidDataError, match="'broken-row' tidak memuat objek JSON"):
        store.export_jsonl(path)
    assert not path.exists()


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    opened = Store(f"sqlite:///{tmp_path / 'lines.db'}")
    yield opened
    opened.close()


def test_a_line_over_the_limit_is_refused_naming_its_number(
    sqlite_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: the line was read whole (a 1 GB line: MemoryError)."""
    line = dump_json(walked("short", Stage.MAPPING), indent=None)
    monkeypatch.setattr(kemitraan.store, "MAX_LINE_BYTES", len(line.encode()))
    path = tmp_path / "long.jsonl"
    path.write_text(f"{line}\r\n\n{'x' * (len(line) + 1)}\n")
    with pytest.raises(InvalidDataError, match="line 3: lebih panjang dari") as refused:
        sqlite_store.import_jsonl(path)
    assert refused.value.errors[0]["type"] == "line_too_long"
    assert sqlite_store.count() == 0
    path.write_text(f"{line}\r\n")  # a line of exactly the limit
    assert sqlite_store.import_jsonl(path) == 1


def test_a_long_line_is_refused_before_it_is_read_whole(
    sqlite_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(kemitraan.store, "MAX_LINE_BYTES", 1024)
    fifo = tmp_path / "endless.jsonl"
    os.mkfifo(fifo)
    written = [0]

    def writer() -> None:  # a line of 64 MB, if anyone reads it all
        chunk = b"x" * 65536
        try:
            with fifo.open("wb") as out:
                while written[0] < 64 * 2**20:
                    out.write(chunk)
                    written[0] += len(chunk)
        except BrokenPipeError:  # the reader stopped reading, as it should
            pass

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    with pytest.raises(InvalidDataError, match="line 1"):
        sqlite_store.import_jsonl(fifo)
    thread.join(timeout=60)
    assert not thread.is_alive()
    assert written[0] < 2**20  # a kilobyte or so was read, not the line


@pytest.mark.usefixtures("keyed")
def test_an_audit_row_edited_without_the_key_is_not_given_as_the_history(store: Store) -> None:
    # the attack review: history() read the table and checked no hash, while load passed
    store.save(walked("audited", Stage.PLANNING), version=0)
    with store.engine.begin() as conn:
        record = json.loads(
            conn.execute(
                sa.text(
                    "SELECT record FROM kemitraan_audit_records "
                    "WHERE partnership_id = 'audited' AND seq = 0"
                )
            ).scalar_one()
        )
        record.update(actor="Kepala Dinas", note="disetujui")
        conn.execute(
            sa.text(
                "UPDATE kemitraan_audit_records SET record = :r "
                "WHERE partnership_id = 'audited' AND seq = 0"
            ),
            {"r": json.dumps(record)},
        )
    assert store.load("audited").partnership.history[0].actor != "Kepala Dinas"
    with pytest.raises(InvalidDataError) as caught:
        store.history("audited")
    assert caught.value.errors[0]["type"] == "store_mismatch"
    assert store.history("nobody") == []


def test_a_subclass_saves_only_what_loads_back_as_a_partnership(store: Store) -> None:
    # the attack review: a subclass with a field of its own was saved and never loaded again
    from kemitraan import Partnership

    class AppPartnership(Partnership):
        tenant: str = "dinas-banjar"

    made = walked("tenant", Stage.GATHERING)
    sub = AppPartnership.model_validate(made.model_dump())
    with pytest.raises(InvalidDataError) as caught:
        store.save(sub, version=0)
    assert caught.value.errors[0]["loc"] == ("tenant",)
    with pytest.raises(PartnershipNotFoundError):
        store.load("tenant")  # nothing written


def test_an_import_and_an_export_speak_as_the_store_does(store: Store, tmp_path: Path) -> None:
    # the attack review: a missing file was Python's FileNotFoundError, a line not JSON was
    # pydantic's English, and the export of every NIK was readable by everyone
    from kemitraan.exceptions import DocumentNotFoundError

    with pytest.raises(DocumentNotFoundError, match="tidak ada"):
        store.import_jsonl(tmp_path / "nowhere.jsonl")
    for line, said in (("bukan json", "JSON tidak sah"), ("[1, 2]", "Harus berupa Partnership")):
        (tmp_path / "bad.jsonl").write_text(line + "\n")
        with pytest.raises(InvalidDataError, match=said):
            store.import_jsonl(tmp_path / "bad.jsonl")
    store.save(walked("exported", Stage.GATHERING), version=0)
    assert store.export_jsonl(tmp_path / "all.jsonl") == 1
    assert (tmp_path / "all.jsonl").stat().st_mode & 0o777 == 0o600


def test_a_database_that_cannot_be_opened_is_said_so_without_its_password() -> None:
    with pytest.raises(InvalidArgumentError, match="tidak dapat dibuka") as caught:
        Store("sqlite:////tidak-ada/folder/kemitraan.db")
    assert "unable to open database file" in str(caught.value)  # the driver's own reason
    with pytest.raises(InvalidArgumentError) as refused:
        Store("postgresql+psycopg://kemitraan:rahasia@127.0.0.1:1/kemitraan")
    assert "rahasia" not in str(refused.value)


def test_without_a_policy_an_actor_loads_what_is_stored(store: Store) -> None:
    # the attack review: the not-found answer to strangers applied with no policy in force
    from kemitraan.access import acting_as
    from kemitraan.actors import Actor, Role

    store.save(walked("open", Stage.GATHERING), version=0)
    with acting_as(Actor(name="Budi", role=Role.FACILITATOR, acts_for="pkbm-lain")):
        assert store.load("open").partnership.id == "open"
        assert store.history("open")


def test_a_database_url_shows_no_password_in_its_query() -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        Store("postgresql+psycopg://kemitraan@127.0.0.1:1/kemitraan?password=rahasia")
    assert "rahasia" not in str(caught.value)
