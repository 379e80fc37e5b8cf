"""Small helpers shared by the tests."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
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


def load_script(path: Path, name: str) -> ModuleType:
    """Import a script that is not part of a package (examples/, tools/)."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
