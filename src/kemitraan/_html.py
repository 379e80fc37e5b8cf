"""How models show in Jupyter: readable HTML, escaped, with personal data masked.

Every model shows as a table of the fields it sets (defaults left out), nested models
one level deep and long lists cut short; a :class:`~kemitraan.Partnership` shows as a
summary a facilitator reads: where it stands, who takes part, what the next step still
needs and the latest moves.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from enum import Enum
from html import escape
from typing import TYPE_CHECKING, Any, Final

from pydantic import BaseModel

from kemitraan._base import LabelledEnum, mask

if TYPE_CHECKING:
    from kemitraan.partnerships import Partnership

_LIST_SHOWN: Final = 5
_TEXT_SHOWN: Final = 300
_STYLE: Final = "border-collapse:collapse;text-align:left;font-size:90%"


def _text(value: str) -> str:
    if len(value) > _TEXT_SHOWN:
        value = value[:_TEXT_SHOWN] + f"… ({len(value)} karakter)"
    return escape(value)


def _value(value: Any, depth: int) -> str:
    if isinstance(value, LabelledEnum):
        return f'{escape(value.label_id)} <small style="color:#777">({escape(value.value)})</small>'
    if isinstance(value, Enum):
        return escape(str(value.value))
    if isinstance(value, datetime | date):
        return escape(value.isoformat())
    if isinstance(value, BaseModel):
        return model_html(value, depth + 1) if depth < 2 else escape(type(value).__name__)
    if isinstance(value, dict):
        items = list(value.items())
        shown = "".join(
            f"<li>{_value(key, depth)}: {_value(item, depth)}</li>"
            for key, item in items[:_LIST_SHOWN]
        )
        more = f"<li>… {len(items) - _LIST_SHOWN} lagi</li>" if len(items) > _LIST_SHOWN else ""
        return f"<ul>{shown}{more}</ul>"
    if isinstance(value, list | tuple | set | frozenset):
        items = list(value)
        if not items:
            return "—"
        shown = "".join(f"<li>{_value(item, depth)}</li>" for item in items[:_LIST_SHOWN])
        more = f"<li>… {len(items) - _LIST_SHOWN} lagi</li>" if len(items) > _LIST_SHOWN else ""
        return f'<ol style="margin:0">{shown}{more}</ol>'
    return _text(str(value))


def _default(field: Any) -> Any:
    try:
        return field.get_default(call_default_factory=True)
    except (TypeError, ValueError):  # a factory that needs the other fields
        return None


def model_html(model: BaseModel, depth: int = 0) -> str:
    """A model as an HTML table of the fields it sets; personal data masked."""
    personal: frozenset[str] = getattr(model, "personal_data", frozenset)()
    rows = []
    fields = type(model).model_fields
    for name, field in fields.items():
        value = getattr(model, name)
        if field.exclude or value == _default(field):
            continue
        shown = escape(mask(str(value))) if name in personal and value else _value(value, depth)
        rows.append(f'<tr><th style="vertical-align:top">{escape(name)}</th><td>{shown}</td></tr>')
    caption = f"<caption><b>{escape(type(model).__name__)}</b></caption>" if depth == 0 else ""
    return f'<table style="{_STYLE}">{caption}{"".join(rows)}</table>'


def _items(values: Iterable[str]) -> str:
    return "".join(f"<li>{value}</li>" for value in values) or "<li>—</li>"


def partnership_html(partnership: Partnership) -> str:
    """A partnership as a facilitator's summary."""
    stage = partnership.stage
    step = f"{stage.number}. " if stage.number else ""
    committed = {partner.id for partner in partnership.committed_partners}
    partners = [
        f"{escape(p.name)} <small>({escape(p.kind.label_id)})</small>"
        + (" ✓" if p.id in committed else "")
        for p in partnership.partners
    ]
    move = partnership.next_move()
    if move is None:
        waiting = ["<li>Tidak ada langkah berikutnya.</li>"]
    else:
        unmet = partnership.unmet_requirements()
        waiting = [
            f"<li>{escape(r.message.indonesian)} <small>[{escape(r.code)}]</small></li>"
            for r in unmet
        ] or ["<li>Semua syarat terpenuhi.</li>"]
    term = partnership.effective_term
    agreement = partnership.agreement
    moves = [
        f"{escape(r.at.date().isoformat())} · {escape(r.move.value)} · "
        + (
            f"{escape(r.party_id)} ({escape(r.document or '')})"
            if r.party_id
            else f"{escape(r.from_stage.label_id)} → {escape(r.to_stage.label_id)}"
        )
        + (f" · {escape(r.actor)}" if r.actor else "")
        for r in partnership.history[-_LIST_SHOWN:]
    ]
    rows = [
        ("Lembaga", escape(partnership.institution.name)),
        ("Program", escape(partnership.program.title)),
        ("Tahap", f"{step}{escape(stage.label_id)} (siklus {partnership.cycle})"),
        ("Calon mitra", f"<ul style='margin:0'>{_items(partners)}</ul>"),
        (
            "Akad (MoU)",
            escape(agreement.subject) if agreement is not None else "—",
        ),
        ("Jangka waktu", f"{term.start} s.d. {term.end}" if term is not None else "—"),
        (
            "Menuju langkah berikutnya" if move is not None else "Langkah berikutnya",
            f"<ul style='margin:0'>{''.join(waiting)}</ul>",
        ),
        ("Gerak terakhir", f"<ul style='margin:0'>{_items(moves)}</ul>"),
    ]
    body = "".join(
        f'<tr><th style="vertical-align:top">{label}</th><td>{value}</td></tr>'
        for label, value in rows
    )
    return (
        f'<table style="{_STYLE}"><caption><b>Kemitraan</b> '
        f"<small>{escape(partnership.id)}</small></caption>{body}</table>"
    )
