"""Small helpers shared by the tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from pydantic import ValidationError


def rejects(build: Callable[[], Any], loc: tuple[str | int, ...], rule: str) -> ValidationError:
    """Assert ``build()`` fails validation at field ``loc`` with error type ``rule``."""
    with pytest.raises(ValidationError) as caught:
        build()
    found = [(e["loc"], e["type"]) for e in caught.value.errors()]
    assert any(tuple(e_loc[-len(loc) :]) == loc and e_type == rule for e_loc, e_type in found), (
        found
    )
    return caught.value
