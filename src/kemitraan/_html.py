"""How models show in Jupyter: readable HTML, escaped, with personal data masked.

Every model shows as a table of the fields it sets (defaults left out), nested models
one level deep and long lists cut short (a :class:`~kemitraan.Partnership` shows as a
facilitator's summary instead: ``_partnership_html``).
"""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from html import escape
from typing import Any, Final

from pydantic import BaseModel

from kemitraan._privacy import mask

_LIST_SHOWN: Final = 5
_TEXT_SHOWN: Final = 300
STYLE: Final = "border-collapse:collapse;text-align:left;font-size:90%"


def _text(value: str) -> str:
    if len(value) > _TEXT_SHOWN:
        value = value[:_TEXT_SHOWN] + f"… ({len(value)} karakter)"
    return escape(value)


def _value(value: Any, depth: int) -> str:
    if isinstance(value, Enum) and isinstance(label := getattr(value, "label_id", None), str):
        # a LabelledEnum (kemitraan._base, which shows models through this module)
        return f'{escape(label)} <small style="color:#777">({escape(str(value.value))})</small>'
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
    return f'<table style="{STYLE}">{caption}{"".join(rows)}</table>'
