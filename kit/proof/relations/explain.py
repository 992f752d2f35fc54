"""What the relation checks left alone, and why (``kit check --explain``)."""

from __future__ import annotations

from typing import NamedTuple

from ..passage import Statement


class Skipped(NamedTuple):
    where: str
    quote: str
    reason: str


class Explain:
    """Collects the statements a check did not judge; a check never speaks about them."""

    def __init__(self) -> None:
        self.skipped: list[Skipped] = []

    def skip(self, st: Statement, reason: str) -> None:
        self.skipped.append(Skipped(st.first.line.where, st.text.strip()[:40], reason))

    def format(self) -> str:
        if not self.skipped:
            return "（没有跳过的内容）"
        return "\n".join(f"[跳过] {s.where}：{s.reason}\n    原文：{s.quote}" for s in self.skipped)
