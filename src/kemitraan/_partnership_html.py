"""How a partnership shows in Jupyter: a summary a facilitator reads.

Where it stands, who takes part, what the next step still needs and the latest moves;
escaped, like every model's table (:mod:`kemitraan._html`).
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import TYPE_CHECKING, Final

from kemitraan._html import STYLE

if TYPE_CHECKING:
    from kemitraan._protocols import PartnershipLike

__all__ = ["partnership_html"]

_MOVES_SHOWN: Final = 5


def _items(values: Iterable[str]) -> str:
    return "".join(f"<li>{value}</li>" for value in values) or "<li>—</li>"


def partnership_html(partnership: PartnershipLike) -> str:
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
        for r in partnership.history[-_MOVES_SHOWN:]
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
        f'<table style="{STYLE}"><caption><b>Kemitraan</b> '
        f"<small>{escape(partnership.id)}</small></caption>{body}</table>"
    )
