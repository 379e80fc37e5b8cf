"""Small helpers shared by the tests."""

from __future__ import annotations

import importlib.util
import threading
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


def in_threads(work: Callable[[], object], threads: int) -> list[BaseException]:
    """Run ``work`` in ``threads`` threads at once; what each raised."""
    errors: list[BaseException] = []

    def run() -> None:
        try:
            work()
        except BaseException as exc:  # reported to the caller
            errors.append(exc)

    started = [threading.Thread(target=run) for _ in range(threads)]
    for thread in started:
        thread.start()
    for thread in started:
        thread.join()
    return errors


def load_script(path: Path, name: str) -> ModuleType:
    """Import a script that is not part of a package (examples/, tools/)."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def capacity_instruments() -> dict[str, Any]:
    """Per legal form (its value), an instrument that gives a signer capacity for it."""
    from datetime import date

    from kemitraan.authority import Authority, AuthorityKind, Grantor

    on = date(2025, 2, 24)
    return {
        "foundation": Authority(kind=AuthorityKind.BYLAWS, issuer="Yayasan Harapan Bangsa"),
        "foundation_unit": Authority(
            kind=AuthorityKind.POWER_OF_ATTORNEY,
            issuer="Pengurus Yayasan Harapan Bangsa",
            number="05/YHB/II/2025",
            issued_on=on,
        ),
        "limited_company": Authority(
            kind=AuthorityKind.DIRECTORS_DEED,
            issuer="PT Borneo Kriya",
            number="7",
            issued_on=on,
            notary="Hj. Rahmah, S.H., M.Kn.",
        ),
        "partnership": Authority(
            kind=AuthorityKind.DEED, number="21", issued_on=on, notary="Hj. Rahmah, S.H., M.Kn."
        ),
        "cooperative": Authority(kind=AuthorityKind.BYLAWS, issuer="Koperasi Wanita Sejahtera"),
        "group": Authority(
            kind=AuthorityKind.MEMBERS_MANDATE,
            issuer="KUBE Rajut Lestari",
            number="02/KUBE-RL/II/2025",
            issued_on=on,
            grantors=[Grantor(name="Normasari", nik="6303014703850002"), Grantor(name="Mariani")],
        ),
        "government": Authority(
            kind=AuthorityKind.DELEGATION,
            issuer="Bupati Banjar",
            number="180/017/HUK/2025",
            issued_on=on,
        ),
    }
