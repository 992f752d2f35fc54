"""Findings: what a check reports, as values rather than exceptions."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Callable, Iterable, Literal, NamedTuple

Severity = Literal["error", "warning", "info"]


class Edit(NamedTuple):
    """A sure correction: replace characters [start, end) of a line with *text*."""

    paragraph: int
    line: int
    start: int
    end: int
    text: str
    old: str = ""  # what is replaced, for the change list
SEVERITY_LABEL = {"error": "错误", "warning": "提醒", "info": "提示"}


@dataclass(frozen=True)
class Finding:
    """One problem found in a draft or a document.

    *where* is a path in the draft (``sections.budget.lines[4].stated_subtotal``)
    or a place in a file (``第12段第1行``, with *paragraph*, *line* and the
    character *span* as numbers). Arithmetic findings carry the stated
    and computed figures, their difference (stated − computed) and the total
    the document would have once corrected.
    """

    kind: str
    severity: Severity
    where: str
    message: str
    stated: Decimal | None = None
    computed: Decimal | None = None
    difference: Decimal | None = None
    corrected_total: Decimal | None = None
    quote: str | None = None
    suggestion: str | None = None
    paragraph: int | None = None
    line: int | None = None
    span: tuple[int, int] | None = None  # characters [start, end) of the figure in that line
    rule: str | None = None  # kit.rules identifier
    edits: tuple[Edit, ...] = ()  # sure corrections (kit fix); none when only a person can decide
    page: int | None = None  # PDF page

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict: Decimals as strings, absent fields left out, the rule's clause and strength added."""
        out: dict[str, Any] = {}
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            if value is None or value == ():
                continue
            if field.name == "edits":
                value = [e._asdict() for e in value]
            out[field.name] = str(value) if isinstance(value, Decimal) else list(value) if isinstance(value, tuple) else value
        if self.rule:
            from .rules import rule

            found = rule(self.rule)
            out["clause"], out["strength"] = found.clause, found.strength
        return out

    def format(self) -> str:
        """One human line: ``[错误] where：message``."""
        text = f"[{SEVERITY_LABEL[self.severity]}] {self.where}：{self.message}"
        if self.quote and self.quote not in self.message:
            text += f"\n    原文：{self.quote}"
        if self.suggestion:
            text += f"\n    建议：{self.suggestion}"
        if self.rule:
            from .rules import rule

            found = rule(self.rule)
            text += f"\n    依据：{found.clause}（{found.strength}）［{found.id}］"
        return text


Check = Callable[..., list[Finding]]


def run_checks(checks: Iterable[Check], subject: Any) -> list[Finding]:
    """Run every check on *subject*; a check that crashes becomes a finding.

    One broken check must not hide what the others find (beancount's loader
    does the same with plugins).
    """
    findings: list[Finding] = []
    for check in checks:
        try:
            findings.extend(check(subject))
        except Exception as exc:  # noqa: BLE001 - reported, not swallowed
            name = getattr(check, "__name__", repr(check))
            findings.append(
                Finding(
                    kind="internal",
                    severity="error",
                    rule="INTERNAL",
                    where=name,
                    message=f"检查程序 {name} 出错：{type(exc).__name__}: {exc}（其余检查照常进行）",
                )
            )
    return findings


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity == "error" for f in findings)


def findings_json(findings: Iterable[Finding]) -> str:
    return json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2)
