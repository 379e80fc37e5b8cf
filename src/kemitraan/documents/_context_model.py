"""The base of every typed template context.

Agreements' (:mod:`~kemitraan.documents.context`) and the monitoring and evaluation
report's (:mod:`~kemitraan.documents.report_context`): closed to unknown keys, each field
documented by its attribute docstring, which the reference of template variables prints.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

__all__ = ["ContextModel"]


class ContextModel(BaseModel):
    """What a template receives, or a part of it: plain, documented fields."""

    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)
