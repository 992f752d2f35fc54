"""方案工坊 fangan-kit: draft, check and typeset the plans and summaries of
Chinese school and trade-union offices.

The flow is one way: a draft file (YAML) is loaded into a validated
:class:`~kit.model.Draft`, checked into :class:`~kit.findings.Finding` values,
and rendered to DOCX (GB/T 9704-2012) or an HTML preview.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .drafts import DraftError, load_draft, parse_draft, save_data, save_draft, validate_data
    from .findings import Finding
    from .model import Draft

__version__ = "0.1.0"

# Imported on first use (PEP 562), so that `kit --help` does not load pydantic.
_LAZY = {
    "DraftError": "drafts", "load_draft": "drafts", "parse_draft": "drafts", "save_data": "drafts",
    "save_draft": "drafts", "validate_data": "drafts", "Finding": "findings", "Draft": "model",
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'kit' has no attribute {name!r}")


def check(draft: Draft) -> list[Finding]:
    """Run every check of *draft*'s document type and return the findings."""
    from .doctypes import checks_for
    from .findings import run_checks

    return run_checks(checks_for(draft.type), draft)


__all__ = [
    "Draft",
    "DraftError",
    "Finding",
    "check",
    "load_draft",
    "parse_draft",
    "save_data",
    "save_draft",
    "validate_data",
]
