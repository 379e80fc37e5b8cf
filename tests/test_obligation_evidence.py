"""An overdue obligation is judged by what the records show (issue 20, point 1).

A party whose records show it at work on an obligation is late, not accused: the
deviation is a warning that cites the last record, never "tanpa bukti pelaksanaan".
Only an obligation with nothing recorded for it becomes critical past the threshold.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kemitraan import (
    ActivityProgress,
    ImplementationRecord,
    MonitoringRecord,
    Partnership,
    detect_deviations,
    obligation_status,
)
from kemitraan.deviations import DeviationKind
from kemitraan.findings import Severity
from kemitraan.lifecycle import Stage
from kemitraan.obligations import ObligationState
from seed import at_stage
from test_monitoring import partnership

SUPPLY = "pkbm/memasok-tas"  # due 31 May 2025, when its activity "Produksi" ends


def _done(on: date, result: str) -> ImplementationRecord:
    return ImplementationRecord(
        cycle=1, on=on, activity="produksi", party_ids=["pkbm"], result=result
    )


def _progress(on: date, percent: int) -> MonitoringRecord:
    return MonitoringRecord(
        cycle=1,
        on=on,
        by="pkbm",
        progress=[ActivityProgress(activity="produksi", percent=Decimal(percent))],
    )


def _overdue(p: Partnership, on: date) -> list[tuple[Severity, str, str]]:
    return [
        (d.severity, d.message.indonesian, d.evidence.indonesian)
        for d in detect_deviations(p, on=on)
        if d.kind is DeviationKind.OBLIGATION_OVERDUE and d.subject == SUPPLY
    ]


@pytest.mark.parametrize(
    ("done", "records", "on", "severity", "said", "cited"),
    [
        # nothing recorded: late, then critical past 30 days
        ([], [], date(2025, 6, 10), Severity.WARNING, "tanpa bukti pelaksanaan", None),
        ([], [], date(2025, 7, 15), Severity.ERROR, "tanpa bukti pelaksanaan", None),
        # carried out, not finished: a warning citing the last record, however late
        (
            [_done(date(2025, 4, 20), "60 tas dijahit")],
            [],
            date(2025, 7, 15),
            Severity.WARNING,
            "belum tuntas",
            "1 catatan pelaksanaan, terakhir 20 April 2025: Produksi: 60 tas dijahit",
        ),
        (
            [_done(date(2025, 4, 20), "60 tas dijahit")],
            [_progress(date(2025, 5, 30), 70)],
            date(2025, 9, 1),
            Severity.WARNING,
            "belum tuntas",
            "2 catatan pelaksanaan, terakhir 30 Mei 2025: Produksi: 70%",
        ),
    ],
)
def test_an_overdue_obligation_is_said_by_its_evidence(
    done: list[ImplementationRecord],
    records: list[MonitoringRecord],
    on: date,
    severity: Severity,
    said: str,
    cited: str | None,
) -> None:
    p = partnership(done=done, records=records)
    state = {s.obligation.id: s.state for s in obligation_status(p, on=on)}[SUPPLY]
    assert state is ObligationState.OVERDUE
    [(found_severity, message, evidence)] = _overdue(p, on)
    assert found_severity is severity
    assert said in message
    if cited is None:
        assert "catatan pelaksanaan" not in evidence
    else:
        assert "tanpa bukti" not in message
        assert cited in evidence
    assert "kegiatan terkait: Produksi" in evidence  # the activity's name, not its id


def test_finished_work_fulfils_the_obligation_and_leaves_no_deviation() -> None:
    p = partnership(
        done=[_done(date(2025, 4, 20), "60 tas")], records=[_progress(date(2025, 5, 30), 100)]
    )
    assert _overdue(p, date(2025, 9, 1)) == []


def test_the_seed_buyer_is_not_accused_of_doing_nothing() -> None:
    # the seed's buyer bought 180 bags on 2 June 2025 and its activity stood at 70 % on
    # 31 October; its obligation was due on 31 December 2025
    p = at_stage(Stage.IMPLEMENTATION, cycle=2)
    found = [
        d
        for d in detect_deviations(p, on=date(2026, 2, 9), cycle=1)
        if d.kind is DeviationKind.OBLIGATION_OVERDUE
    ]
    [buying] = found
    assert buying.party_id == "cv-kriya-banua"
    assert buying.severity is Severity.WARNING
    assert "tanpa bukti" not in buying.message.indonesian
    assert "lewat 40 hari dan belum tuntas" in buying.message.indonesian
    assert "terakhir 31 Oktober 2025: Kurasi mutu dan pembelian produk: 70%" in (
        buying.evidence.indonesian
    )
    assert "no evidence" not in buying.message.english
    assert "not finished" in buying.message.english


@pytest.mark.parametrize(
    ("record", "said"),
    [
        (
            "monitoring",
            "Monitoring: Pemasokan Mei dan Juni sesuai jumlah",
        ),
        ("interaction", "Kontak: Tas bulan Juni diterima toko"),
    ],
)
def test_a_visit_or_a_contact_that_shows_an_obligation_done_fulfils_it(
    record: str, said: str
) -> None:
    from kemitraan import Interaction, InteractionKind

    day = date(2025, 6, 20)
    if record == "monitoring":
        p = partnership(
            records=[
                MonitoringRecord(
                    cycle=1,
                    on=day,
                    by="pkbm",
                    findings="Pemasokan Mei dan Juni sesuai jumlah",
                    fulfils=["Memasok tas"],
                )
            ]
        )
    else:
        p = partnership()
        p.interactions.append(
            Interaction(
                on=day,
                kind=InteractionKind.VISIT,
                partner_ids=["toko"],
                summary="Tas bulan Juni diterima toko",
                fulfils=[SUPPLY],
            )
        )
    status = {s.obligation.id: s for s in obligation_status(p, on=date(2025, 7, 15))}[SUPPLY]
    assert status.state is ObligationState.FULFILLED
    assert (status.evidence[-1].on, status.evidence[-1].what) == (day, said)
    assert _overdue(p, date(2025, 7, 15)) == []
    # judged before the contact, it does not count yet
    before = {s.obligation.id: s for s in obligation_status(p, on=date(2025, 6, 10))}[SUPPLY]
    assert before.state is ObligationState.OVERDUE
