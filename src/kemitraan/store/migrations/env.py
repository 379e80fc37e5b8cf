"""Alembic's environment for the store's migrations (see :mod:`kemitraan.store._migrate`)."""

from __future__ import annotations

from alembic import context

from kemitraan.store._migrate import run_environment

# Alembic runs this file inside a command; anything else (a doctest collection) only imports it.
if hasattr(context, "config"):
    run_environment()
