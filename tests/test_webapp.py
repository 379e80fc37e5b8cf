"""The web app example (examples/webapp.py): through its client, and under load."""

from __future__ import annotations

import io
import socket
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import docx
import httpx
import pytest
import uvicorn
from fastapi.testclient import TestClient

from helpers import load_script
from kemitraan import Partnership, Stage, dump_json, load_json
from kemitraan.store import Store
from seed import at_stage, example, fresh

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def webapp() -> ModuleType:
    mp = pytest.MonkeyPatch()
    mp.setenv("KEMITRAAN_STORE_URL", "sqlite://")  # the module's own app: in memory
    module = load_script(ROOT / "examples" / "webapp.py", "webapp_example")
    mp.undo()
    return module


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store(f"sqlite:///{tmp_path / 'web.db'}")
    yield opened
    opened.close()


@pytest.fixture
def client(webapp: ModuleType, store: Store) -> TestClient:
    return TestClient(webapp.create_app(store))


def body(p: Partnership) -> dict[str, Any]:
    import json

    data: dict[str, Any] = json.loads(dump_json(p))
    return data


def created(store: Store, p: Partnership) -> str:
    """Store a partnership walked to some step, as an app imports one; its ETag."""
    return f'"{store.save(p, version=0)}"'


def test_create_read_and_find(client: TestClient, store: Store) -> None:
    blank = {**body(fresh()), "id": "baru"}
    new = client.post("/partnerships", json=blank)
    assert new.status_code == 201, new.text
    assert new.headers["etag"] == '"1"'
    assert client.post("/partnerships", json=blank).status_code == 409
    p = at_stage(Stage.ANALYSIS, recorded=True)
    assert created(store, p) == '"1"'
    read = client.get(f"/partnerships/{p.id}")
    assert read.status_code == 200
    assert read.headers["etag"] == '"1"'
    assert load_json(Partnership, read.content) == p
    found = client.get("/partnerships", params={"stage": "analysis", "province": "kalsel"})
    assert [row["id"] for row in found.json()] == [p.id]
    assert client.get("/partnerships", params={"stage": "bogus"}).status_code == 422
    assert client.get("/partnerships/nobody").status_code == 404


def test_a_refused_move_is_409_with_the_unmet_requirements_in_the_client_s_language(
    client: TestClient,
    store: Store,
) -> None:
    p = at_stage(Stage.ANALYSIS)  # nothing assessed yet
    etag = created(store, p)
    for lang, words in (("id", "relevan"), ("en-GB,en;q=0.9", "relevan")):
        refused = client.post(
            f"/partnerships/{p.id}/moves",
            json={"move": "advance"},
            headers={"If-Match": etag, "Accept-Language": lang},
        )
        assert refused.status_code == 409
        unmet = refused.json()["detail"]["unmet"]
        assert unmet[0]["code"] == "relevance_assessed"
        assert words in unmet[0]["message"].lower()
    english = client.get(
        f"/partnerships/{p.id}/requirements", headers={"Accept-Language": "en"}
    ).json()
    indonesian = client.get(f"/partnerships/{p.id}/requirements").json()
    assert english[0]["code"] == indonesian[0]["code"]
    assert english[0]["message"] != indonesian[0]["message"]
    assert client.get(f"/partnerships/{p.id}").headers["etag"] == etag  # nothing changed


def test_record_a_step_then_move_with_versions(client: TestClient, store: Store) -> None:
    p = at_stage(Stage.ANALYSIS)
    etag = created(store, p)
    analysed = at_stage(Stage.ANALYSIS, recorded=True)
    relevance = body(analysed)["relevance"]
    assert client.patch(f"/partnerships/{p.id}", json={"relevance": relevance}).status_code == 428
    recorded = client.patch(
        f"/partnerships/{p.id}", json={"relevance": relevance}, headers={"If-Match": etag}
    )
    assert recorded.status_code == 200, recorded.text
    assert recorded.headers["etag"] == '"2"'
    stale = client.post(
        f"/partnerships/{p.id}/moves", json={"move": "advance"}, headers={"If-Match": etag}
    )
    assert stale.status_code == 412
    moved = client.post(
        f"/partnerships/{p.id}/moves",
        json={"move": "advance", "actor": "Rina"},
        headers={"If-Match": '"2"'},
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()["stage"] == "exploration"
    assert moved.headers["etag"] == '"3"'


@pytest.mark.parametrize(
    ("fields", "status"),
    [
        ({"stage": "implementation"}, 422),
        ({"history": []}, 422),
        ({"nonsense": 1}, 422),
        ({"relevance": [{"partner_id": "Bad Id", "relevant": True}]}, 422),
    ],
)
def test_bad_data_is_422_and_changes_nothing(
    client: TestClient, store: Store, fields: dict[str, Any], status: int
) -> None:
    p = at_stage(Stage.ANALYSIS)
    etag = created(store, p)
    answer = client.patch(f"/partnerships/{p.id}", json=fields, headers={"If-Match": etag})
    assert answer.status_code == status, answer.text
    assert client.get(f"/partnerships/{p.id}").headers["etag"] == etag


def test_sign_and_download_the_documents(client: TestClient, store: Store) -> None:
    p = at_stage(Stage.SIGNING, recorded=True)
    etag = created(store, p)
    mou = client.get(f"/partnerships/{p.id}/documents/mou")
    assert mou.status_code == 200
    assert mou.headers["content-type"].startswith("application/vnd.openxmlformats")
    text = "\n".join(par.text for par in docx.Document(io.BytesIO(mou.content)).paragraphs)
    assert "NOTA KESEPAHAMAN" in text.upper()
    pks = client.get(f"/partnerships/{p.id}/documents/pks", params={"index": 0})
    assert pks.status_code == 200
    assert client.get(f"/partnerships/{p.id}/documents/pks", params={"index": 5}).status_code == 404
    assert client.get(f"/partnerships/{p.id}/documents/addendum").status_code == 404
    refused = client.post(
        f"/partnerships/{p.id}/signatures",
        json={"party_id": "nobody", "on": "2025-03-10"},
        headers={"If-Match": etag},
    )
    assert refused.status_code in (404, 409)


def test_the_monitoring_report_downloads(webapp: ModuleType, tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'report.db'}")
    client = TestClient(webapp.create_app(store))
    p = at_stage(Stage.FOLLOW_UP, recorded=True)
    created(store, p)
    report = client.get(
        f"/partnerships/{p.id}/documents/laporan-monev", params={"on": "2026-02-01"}
    )
    assert report.status_code == 200, report.text
    assert docx.Document(io.BytesIO(report.content)).paragraphs
    addendum = client.get(f"/partnerships/{p.id}/documents/addendum", params={"index": 0})
    assert addendum.status_code == 200, addendum.text


def test_the_openapi_schema_comes_from_the_library_s_models(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    components = schema["components"]["schemas"]
    partnership = next(v for k, v in components.items() if k.startswith("Partnership"))
    assert {"institution", "program", "history", "stage"} <= set(partnership["properties"])
    assert "description" in partnership["properties"]["stage"] or partnership["properties"]
    assert "409" in schema["paths"]["/partnerships/{pid}/moves"]["post"]["responses"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def server(webapp: ModuleType, store: Store) -> Iterator[str]:
    port = _free_port()
    config = uvicorn.Config(
        webapp.create_app(store), host="127.0.0.1", port=port, log_level="warning"
    )
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


def test_under_load_concurrent_clients_lose_no_update(server: str, store: Store) -> None:
    """Many clients record interactions on the same partnerships at once, retrying on 412;
    others race to move one partnership on. No update is lost, no step is taken twice,
    and every history stays valid."""
    targets = []
    for n in range(3):
        p = example().walk_until(
            fresh().model_copy(update={"id": f"web-{n}"}),
            Stage.IMPLEMENTATION,
            start=date(2025, 1, 6),
            every_days=9,
        )
        store.save(p, version=0)
        targets.append(p.id)
    racer = example().walk_until(
        fresh().model_copy(update={"id": "race"}), Stage.GATHERING, start=date(2025, 1, 6)
    )
    example().record_step(racer)  # the gathering step's data: the move may be made
    store.save(racer, version=0)
    clients, each = 12, 4
    failures: list[str] = []
    wins: list[int] = []

    def record(number: int) -> None:
        with httpx.Client(base_url=server, timeout=30) as http:
            for n in range(each):
                target = targets[(number + n) % len(targets)]
                while True:
                    current = http.get(f"/partnerships/{target}")
                    log = current.json()["interactions"]
                    log.append(
                        {
                            "on": f"2025-07-{1 + number:02d}",
                            "kind": "whatsapp",
                            "partner_ids": ["cv-kriya-banua"],
                            "summary": f"klien {number} pesan {n}",
                        }
                    )
                    answer = http.patch(
                        f"/partnerships/{target}",
                        json={"interactions": log},
                        headers={"If-Match": current.headers["etag"]},
                    )
                    if answer.status_code == 200:
                        break
                    if answer.status_code != 412:
                        failures.append(answer.text)
                        return

    def race(number: int) -> None:
        with httpx.Client(base_url=server, timeout=30) as http:
            current = http.get("/partnerships/race")
            answer = http.post(
                "/partnerships/race/moves",
                json={"move": "advance", "actor": f"klien {number}"},
                headers={"If-Match": current.headers["etag"]},
            )
            if answer.status_code == 200:
                wins.append(number)
            elif answer.status_code not in (409, 412):
                failures.append(answer.text)

    threads = [threading.Thread(target=record, args=(n,)) for n in range(clients)]
    threads += [threading.Thread(target=race, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    summaries = set()
    for target in targets:
        stored = store.load(target)  # loading replays and verifies the history
        summaries |= {i.summary for i in stored.partnership.interactions if i.summary}
        assert stored.partnership.history == tuple(store.history(target))
    assert summaries >= {f"klien {c} pesan {n}" for c in range(clients) for n in range(each)}
    race_result = store.load("race")
    moves = [r for r in race_result.partnership.history if r.from_stage is Stage.GATHERING]
    assert len(moves) == 1  # the step is taken once, whoever wins
    assert len(wins) == 1


def test_a_new_partnership_comes_without_history_and_with_a_plain_id(client: TestClient) -> None:
    walked_on = body(at_stage(Stage.ANALYSIS))
    refused = client.post("/partnerships", json=walked_on)
    assert refused.status_code == 422
    assert "starts at the first step" in refused.text
    fresh_one = body(fresh())
    for odd in ("a/b", "../etc", 'q"x', "a b"):
        assert client.post("/partnerships", json={**fresh_one, "id": odd}).status_code == 422
    old = (ROOT / "tests" / "data" / "seed-partnership-v1.json").read_text()
    assert (
        client.post(
            "/partnerships", content=old, headers={"content-type": "application/json"}
        ).status_code
        == 422
    )


@pytest.mark.parametrize(
    ("if_match", "status"),
    [
        ('W/"1"', 412),
        ("*", 428),
        ("1", 400),
        ('"abc"', 400),
        ('"1", "2"', 400),
        ('"-1"', 400),
        ('"2"', 412),
    ],
)
def test_if_match_is_one_strong_etag(
    client: TestClient, store: Store, if_match: str, status: int
) -> None:
    p = at_stage(Stage.ANALYSIS)
    created(store, p)
    answer = client.post(
        f"/partnerships/{p.id}/moves", json={"move": "advance"}, headers={"If-Match": if_match}
    )
    assert answer.status_code == status, answer.text


def test_changes_refused_by_the_data_itself_are_4xx(client: TestClient, store: Store) -> None:
    p = at_stage(Stage.IMPLEMENTATION)  # every party has signed: the MoU is frozen
    etag = created(store, p)
    assert (
        client.patch(f"/partnerships/{p.id}", json={}, headers={"If-Match": etag}).status_code
        == 422
    )
    frozen = client.patch(
        f"/partnerships/{p.id}", json={"agreement": None}, headers={"If-Match": etag}
    )
    assert frozen.status_code == 409, frozen.text
    stranger = client.post(
        f"/partnerships/{p.id}/signatures",
        json={"document": "pks", "party_id": "nobody", "on": "2025-03-10"},
        headers={"If-Match": etag},
    )
    assert stranger.status_code == 409
    assert client.get(f"/partnerships/{p.id}").headers["etag"] == etag


@pytest.mark.parametrize(
    ("accept", "lang"),
    [
        ("en", "en"),
        ("id", "id"),
        (None, "id"),
        ("en;q=0, id", "id"),
        ("id;q=0.5, en", "en"),
        ("fr, en-US;q=0.8", "en"),
        ("en-GB", "en"),
    ],
)
def test_the_language_follows_the_client_s_preference(
    webapp: ModuleType, accept: str | None, lang: str
) -> None:
    assert webapp.language(accept) == lang


def test_the_refusal_speaks_the_client_s_language(client: TestClient, store: Store) -> None:
    p = at_stage(Stage.ANALYSIS)
    etag = created(store, p)
    for accept, words in (("en", "is refused at step"), ("id", "ditolak pada tahap")):
        refused = client.post(
            f"/partnerships/{p.id}/moves",
            json={"move": "advance"},
            headers={"If-Match": etag, "Accept-Language": accept},
        )
        assert words in refused.json()["detail"]["message"]
