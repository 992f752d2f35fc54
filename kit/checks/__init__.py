"""Checks on drafts. Each is ``check_x(draft) -> list[Finding]``."""

from .draft_checks import DRAFT_CHECKS, check_facts, check_header, check_ledgers, check_placeholders, required_sections

__all__ = ["DRAFT_CHECKS", "check_facts", "check_header", "check_ledgers", "check_placeholders", "required_sections"]
