"""Hypothesis profiles: a quick run by default, the deep runs in CI.

The README's ``pytest`` loads ``dev``: a few examples of each property, enough to catch most
mistakes while one waits. CI loads ``ci``: ten times as many examples of each property and
of the lifecycle's random walks, with the blob that reproduces a failure. ``.ci/run`` asks
for it by ``HYPOTHESIS_PROFILE=ci``; a CI service that runs pytest itself gets it from the
``CI`` variable every such service sets. ``HYPOTHESIS_PROFILE=ci`` (or pytest's
``--hypothesis-profile=ci``) runs the deep profile anywhere.

Tests leave ``max_examples`` to the profile, so the profile alone decides how deep a run goes.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import settings

settings.register_profile("dev", max_examples=20)
settings.register_profile("ci", max_examples=200, print_blob=True)


def _profile() -> str:
    chosen = os.environ.get("HYPOTHESIS_PROFILE")
    if chosen:
        return chosen
    in_ci = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
    return "ci" if in_ci else "dev"


settings.load_profile(_profile())


def pytest_report_header() -> str:
    """Say which profile runs, so a log shows how deep its properties went."""
    name = settings.get_current_profile_name()
    examples = settings.get_profile(name).max_examples
    return f"hypothesis profile: {name} ({examples} examples a property)"


@pytest.fixture(autouse=True)
def _no_policy_left_behind() -> Iterator[None]:
    """A test (or doctest) that sets an access policy does not leave it to the next."""
    yield
    from kemitraan.access import set_policy

    set_policy(None)
