"""Rows of a portfolio read straight from stored JSON: no model is built.

One function, :func:`raw_row`, serves both routes: the fast readers call it on the
dictionary :func:`json.loads` gives, and :meth:`Portfolio.from_partnerships` on a
model's JSON dump, then adds what only the model can say (requirements, deviations,
health). So both routes give the same columns the same way.

The readers trust what they read: they check no digest and replay no history. Load a
partnership (:func:`kemitraan.load_json`) to verify it.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Final

from kemitraan._base import mask
from kemitraan.lifecycle import Stage

_STEP: Final = {stage.value: stage.number for stage in Stage}
_LABEL: Final = {stage.value: stage.label_id for stage in Stage}
_TERMINAL: Final = frozenset({Stage.DECLINED.value, Stage.ENDED.value})
_PERSONS: Final = frozenset({"community_figure"})
_SIGNATURES: Final = frozenset({"sign", "sign_pks", "sign_addendum"})

#: The columns every portfolio frame has, in order (the model route adds DERIVED_COLUMNS).
RAW_COLUMNS: Final = (
    "id",
    "institution",
    "institution_id",
    "program",
    "program_kind",
    "province",
    "regency",
    "stage",
    "stage_label",
    "step",
    "cycle",
    "outcome",
    "furthest_step",
    "pattern",
    "candidates",
    "parties",
    "party_names",
    "facilitator",
    "moves",
    "entered_stage_at",
    "mou_signed",
    "term_start",
    "term_end",
    "renewal_due",
)

#: The columns only a loaded partnership can fill.
DERIVED_COLUMNS: Final = (
    "next_move",
    "next_requirement",
    "unmet_requirements",
    "deviations",
    "critical_deviations",
    "health",
    "partners_at_risk",
)

VISIT_COLUMNS: Final = ("id", "cycle", "stage", "step", "entered_at", "left_at")


def _name(party: dict[str, Any], masked: bool) -> str:
    name = str(party.get("name", ""))
    return mask(name) if masked and party.get("kind") in _PERSONS else name


def _term(data: dict[str, Any], history: list[dict[str, Any]]) -> tuple[str | None, str | None]:
    """The MoU's term, as the addenda that amend it and that every party signed change it."""
    agreement = data.get("agreement") or {}
    term = agreement.get("term") or {}
    start, end = term.get("start"), term.get("end")
    signers = {r.get("party_id") for r in history if r.get("move") == "sign_addendum"}
    for addendum in data.get("addenda") or ():
        if (addendum.get("amends") or {}).get("kind") != "mou":
            continue
        if not {party.get("id") for party in addendum.get("parties") or ()} <= signers:
            continue
        for change in addendum.get("amendments") or ():
            if change.get("change") == "term":
                start, end = change["term"].get("start"), change["term"].get("end")
    return start, end


def raw_row(
    data: dict[str, Any],
    visits: list[tuple[Any, ...]] | None,
    *,
    masked: bool,
    renewal_lead_days: int,
) -> tuple[Any, ...]:
    """One partnership's row (:data:`RAW_COLUMNS`); its stage visits go into ``visits``."""
    institution = data.get("institution") or {}
    program = data.get("program") or {}
    region = institution.get("region") or program.get("location") or {}
    history: list[dict[str, Any]] = data.get("history") or []
    agreement = data.get("agreement") or {}
    parties = agreement.get("parties") or []
    stage = data.get("stage", "mapping")
    pid = data.get("id")

    furthest = 1
    outcome: str | None = None
    entered: str | None = None
    mou_signers: set[Any] = set()
    current_cycle_entry: tuple[Any, Any, Any] = (1, "mapping", None)
    for record in history:
        to_stage = record.get("to_stage")
        if record.get("move") in _SIGNATURES:
            if record.get("move") == "sign" and record.get("document", "agreement") == "agreement":
                mou_signers.add(record.get("party_id"))
            continue
        at = record.get("at")
        if visits is not None:
            cycle, from_stage, since = current_cycle_entry
            visits.append((pid, cycle, from_stage, _STEP.get(from_stage), since, at))
        current_cycle_entry = (record.get("cycle", 1), to_stage, at)
        entered = at
        step = _STEP.get(str(to_stage))
        if step is not None:
            furthest = max(furthest, step)
        elif to_stage in _TERMINAL:
            outcome = to_stage
    if visits is not None:
        cycle, from_stage, since = current_cycle_entry
        visits.append((pid, cycle, from_stage, _STEP.get(from_stage), since, None))

    start, end = _term(data, history)
    renewal = (
        (date.fromisoformat(end) - timedelta(days=renewal_lead_days)).isoformat() if end else None
    )
    pattern = agreement.get("pattern") or {}
    last_actor = next((r.get("actor") for r in reversed(history) if r.get("actor")), None)
    return (
        pid,
        institution.get("name"),
        institution.get("id"),
        program.get("name"),
        program.get("kind"),
        region.get("province"),
        region.get("regency"),
        stage,
        _LABEL.get(stage),
        _STEP.get(stage),
        data.get("cycle", 1),
        outcome,
        furthest,
        pattern.get("pattern"),
        len(data.get("partners") or ()),
        len(parties),
        "; ".join(_name(party, masked) for party in parties) or None,
        (mask(last_actor) if masked else last_actor) if last_actor else None,
        len(history),
        entered,
        bool(parties) and {party.get("id") for party in parties} <= mou_signers,
        start,
        end,
        renewal,
    )
