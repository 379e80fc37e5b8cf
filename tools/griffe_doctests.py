"""A griffe extension for the API reference: docstring examples shown as code.

kemitraan's docstrings carry runnable examples (``>>>`` lines, run as tests) in their
prose, not only under ``Examples:``. Markdown would read them as text (and their lists as
links); this wraps each block of them in a ``pycon`` fence before mkdocstrings renders it.
"""

from __future__ import annotations

import ast
import re
from typing import Any

import griffe

_PROMPT = re.compile(r"^(\s*)>>> ")


def fenced(text: str) -> str:
    """``text`` with every run of doctest lines (to the next blank line) in a fence."""
    out: list[str] = []
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        found = _PROMPT.match(lines[index])
        if not found:
            out.append(lines[index])
            index += 1
            continue
        indent = found.group(1)
        out.append(f"{indent}```pycon")
        while index < len(lines) and lines[index].strip():
            out.append(lines[index])
            index += 1
        out.append(f"{indent}```")
    return "\n".join(out)


class DoctestFences(griffe.Extension):
    """Fence the doctest blocks of every docstring."""

    def on_instance(
        self, *, node: ast.AST | griffe.ObjectNode, obj: griffe.Object, agent: Any, **kwargs: Any
    ) -> None:
        """Fence the doctest blocks of ``obj``'s docstring as griffe reads it."""
        if obj.docstring is not None and ">>>" in obj.docstring.value:
            obj.docstring.value = fenced(obj.docstring.value)
