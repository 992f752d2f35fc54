"""Helpers for the relation tests: the arithmetic findings of a text, and their (stated, computed) pairs."""

from __future__ import annotations

from decimal import Decimal

from kit.proof import check_text


def figures(text: str) -> list:
    found = check_text(text)
    crashed = [f for f in found if f.kind == "internal"]
    assert not crashed, crashed[0].message  # a check that crashed says nothing of the text: never a pass
    return [f for f in found if f.kind == "arithmetic"]


def pairs(text: str) -> list[tuple[Decimal, Decimal]]:
    return [(f.stated, f.computed) for f in figures(text)]
