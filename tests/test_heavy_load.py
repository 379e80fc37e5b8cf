"""Issue 19.3: an addendum raising a party's volume while its load is said to be heavy is warned."""

from __future__ import annotations

from datetime import date

from kemitraan import Partnership, Stage
from seed import at_stage

CODE = "addendum_raises_heavy_load"


def _cautioned(p: Partnership) -> list[str]:
    return [c.message.indonesian for c in p.cautions() if c.code == CODE]


def test_the_seed_addendum_raises_the_kube_volume_while_its_load_is_open() -> None:
    p = at_stage(Stage.IMPLEMENTATION, cycle=2)
    [said] = _cautioned(p)
    assert said.startswith(
        "Adendum tanggal 16 Februari 2026 menaikkan tas rajut ukuran sedang yang dipasok KUBE "
        "Rajut Lestari dari 200 buah per bulan menjadi 300 buah per bulan, padahal \u201cBeban "
        "produksi dirasa tidak seimbang oleh KUBE\u201d (2 Februari 2026) belum terselesaikan"
    )
    assert CODE not in [r.code for r in p.unmet_requirements()]  # a caution: never blocking


def test_no_caution_once_the_remedy_was_due_before_the_addendum() -> None:
    p = at_stage(Stage.IMPLEMENTATION, cycle=2)
    decision = p.decisions[0]
    actions = [a.model_copy(update={"due": date(2026, 2, 10)}) for a in decision.actions]
    p.decisions = [decision.model_copy(update={"actions": actions})]
    views = [
        e.model_copy(update={"views": [v.model_copy(update={"comments": {}}) for v in e.views]})
        for e in p.evaluations
    ]
    p.evaluations = views
    assert _cautioned(p) == []


def test_no_caution_before_any_addendum() -> None:
    assert _cautioned(at_stage(Stage.IMPLEMENTATION)) == []
