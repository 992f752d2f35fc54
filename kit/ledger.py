"""The budget ledger: exact subtotals and totals, checked against what was stated.

Computation never raises on a wrong figure: :func:`check_ledger` compares each
stated subtotal and the stated total (the author's balance assertions) with
the arithmetic and returns findings that carry both figures, the gap and the
total once corrected.

Every amount is at most 999,999,999,999.99 元 (the limit of 大写), but a
subtotal or total can grow beyond it: that is a finding at the line that
crosses the limit, and :attr:`LedgerResult.total_upper` then says so in words
instead of failing, so ledgers, renders and previews of such a draft still work.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .cnnum import ChineseNumberError, money_upper, parse_money_upper
from .findings import Finding
from .model import LedgerLine, LedgerSection
from .money import MAX_AMOUNT, ZERO, format_signed, format_yuan, to_fen

OVER_LIMIT_UPPER = "（超出大写金额上限，无法书写）"


@dataclass(frozen=True)
class LineResult:
    """One line recomputed: per-head sum (per-head lines), subtotal, stated."""

    index: int
    line: LedgerLine
    per_head: Decimal | None
    subtotal: Decimal

    @property
    def stated(self) -> Decimal | None:
        return self.line.stated_subtotal

    @property
    def difference(self) -> Decimal | None:
        """Stated minus computed, or None when nothing was stated."""
        return None if self.stated is None else self.stated - self.subtotal

    @property
    def formula(self) -> str:
        """The arithmetic in words: ``2人×(慰问金400+慰问品50)``."""
        parts = "+".join(f"{c.name}{format_yuan(c.amount)}" for c in self.line.components)
        if len(self.line.components) == 1 and self.line.components[0].name == "金额":
            parts = f"{format_yuan(self.line.components[0].amount)}元"  # 29人×300元, not 29人×金额300
        if self.line.kind == "per_head":
            inner = f"({parts})" if len(self.line.components) > 1 else parts
            return f"{self.line.count}{self.line.unit}×{inner}"
        return parts


@dataclass(frozen=True)
class LedgerResult:
    """A whole ledger recomputed."""

    lines: tuple[LineResult, ...]
    total: Decimal
    stated_total: Decimal | None

    @property
    def over_limit(self) -> bool:
        """True when the total is beyond what 大写 can write (999,999,999,999.99 元)."""
        return self.total > MAX_AMOUNT

    @property
    def total_upper(self) -> str:
        """The total in 大写, or :data:`OVER_LIMIT_UPPER` when it is beyond the limit."""
        return OVER_LIMIT_UPPER if self.over_limit else money_upper(self.total)

    @property
    def stated_sum(self) -> Decimal:
        """Sum of the subtotals as stated (computed where none was stated)."""
        return sum((r.stated if r.stated is not None else r.subtotal for r in self.lines), ZERO)


def line_per_head(line: LedgerLine) -> Decimal:
    return sum((c.amount for c in line.components), ZERO)


def compute_line(index: int, line: LedgerLine) -> LineResult:
    components = line_per_head(line)
    if line.kind == "per_head":
        return LineResult(index, line, components, to_fen(components * line.count))
    return LineResult(index, line, None, to_fen(components))


def compute(section: LedgerSection) -> LedgerResult:
    """Recompute every line and the total of *section*."""
    lines = tuple(compute_line(i, line) for i, line in enumerate(section.lines))
    total = to_fen(sum((r.subtotal for r in lines), ZERO))
    return LedgerResult(lines, total, section.stated_total)


def _gap(difference: Decimal) -> str:
    return f"多写了 {format_yuan(difference)} 元" if difference > 0 else f"少写了 {format_yuan(-difference)} 元"


def check_ledger(section: LedgerSection, where: str = "ledger") -> list[Finding]:
    """Findings for every stated figure of *section* that differs from the arithmetic."""
    result = compute(section)
    corrected = result.total
    upper = "" if result.over_limit else f"（{result.total_upper}）"
    corrected_text = f"更正后{section.total_label}为 {format_yuan(corrected)} 元{upper}"
    findings: list[Finding] = []
    for r in result.lines:
        if r.difference is None or r.difference == 0:
            continue
        findings.append(
            Finding(
                kind="arithmetic",
                severity="error",
                where=f"{where}.lines[{r.index}].stated_subtotal",
                rule="SUM-LINE",
                message=(
                    f"第{r.index + 1}项「{r.line.name}」小计写作 {format_yuan(r.stated)} 元，"
                    f"按 {r.formula} 计算应为 {format_yuan(r.subtotal)} 元，{_gap(r.difference)}；{corrected_text}"
                ),
                stated=r.stated,
                computed=r.subtotal,
                difference=r.difference,
                corrected_total=corrected,
                suggestion=f"小计改为 {format_yuan(r.subtotal)} 元",
            )
        )
    if section.stated_total is not None and section.stated_total != corrected:
        diff = section.stated_total - corrected
        findings.append(
            Finding(
                kind="arithmetic",
                severity="error",
                where=f"{where}.stated_total",
                rule="SUM-TOTAL",
                message=(
                    f"{section.total_label}写作 {format_yuan(section.stated_total)} 元，"
                    f"各项小计相加应为 {format_yuan(corrected)} 元，{_gap(diff)}（{format_signed(diff)} 元）"
                ),
                stated=section.stated_total,
                computed=corrected,
                difference=diff,
                corrected_total=corrected,
                suggestion=f"{section.total_label}改为 {format_yuan(corrected)} 元{upper}",
            )
        )
    if result.over_limit:
        findings.append(_over_limit(section, result, where))
    else:
        findings.extend(_check_upper(section, where, corrected))
    findings.extend(check_minimums(section, where))
    return findings


def _over_limit(section: LedgerSection, result: LedgerResult, where: str) -> Finding:
    """The finding at the first line whose subtotal takes the running total past the 大写 limit."""
    running = ZERO
    culprit = result.lines[-1]
    for r in result.lines:
        running += r.subtotal
        if running > MAX_AMOUNT:
            culprit = r
            break
    return Finding(
        kind="arithmetic",
        severity="error",
        where=f"{where}.lines[{culprit.index}]",
        rule="UPPER-VALUE",
        message=(
            f"第{culprit.index + 1}项「{culprit.line.name}」小计 {format_yuan(culprit.subtotal)} 元，"
            + (f"加上前面各项后累计 {format_yuan(running)} 元" if culprit.index else "本项")
            + "超过大写金额上限 999,999,999,999.99 元"
            f"（{section.total_label}共 {format_yuan(result.total)} 元），无法写出大写"
        ),
        computed=result.total,
        suggestion="检查人数和每人标准是否多写了位数",
    )


def _check_upper(section: LedgerSection, where: str, corrected: Decimal) -> list[Finding]:
    text = (section.stated_total_upper or "").strip()
    if not text:
        return []
    right = money_upper(corrected)
    try:
        value = parse_money_upper(text)
    except ChineseNumberError:
        return [
            Finding(
                kind="arithmetic",
                severity="error",
                where=f"{where}.stated_total_upper",
                rule="UPPER-VALUE",
                message=f"大写金额「{text}」无法识别，应为「{right}」",
                quote=text,
                computed=corrected,
                corrected_total=corrected,
                suggestion=right,
            )
        ]
    if value != corrected:
        diff = value - corrected
        return [
            Finding(
                kind="arithmetic",
                severity="error",
                where=f"{where}.stated_total_upper",
                rule="UPPER-VALUE",
                message=f"大写金额「{text}」即 {format_yuan(value)} 元，与计算的{section.total_label} {format_yuan(corrected)} 元不符（{format_signed(diff)} 元），应为「{right}」",
                quote=text,
                stated=value,
                computed=corrected,
                difference=diff,
                corrected_total=corrected,
                suggestion=right,
            )
        ]
    if text != right:
        return [
            Finding(
                kind="format",
                severity="warning",
                where=f"{where}.stated_total_upper",
                rule="UPPER-FORM",
                message=f"大写金额「{text}」数值正确，但规范写法为「{right}」",
                quote=text,
                suggestion=right,
            )
        ]
    return []


def check_minimums(section: LedgerSection, where: str = "ledger") -> list[Finding]:
    """Per-head lines below a policy minimum for their category."""
    findings: list[Finding] = []
    for rule in section.minimums:
        for i, line in enumerate(section.lines):
            if line.kind != "per_head" or line.category != rule.category:
                continue
            per_head = line_per_head(line)
            if per_head >= rule.per_head:
                continue
            basis = f"（{rule.basis}）" if rule.basis else ""
            findings.append(
                Finding(
                    kind="minimum",
                    severity="error",
                    rule="MINIMUM",
                    where=f"{where}.lines[{i}]",
                    message=(
                        f"第{i + 1}项「{line.name}」每人 {format_yuan(per_head)} 元，低于「{rule.category}」"
                        f"每人不少于 {format_yuan(rule.per_head)} 元的标准{basis}，每人差 {format_yuan(rule.per_head - per_head)} 元"
                    ),
                    stated=per_head,
                    computed=rule.per_head,
                    difference=per_head - rule.per_head,
                    suggestion=f"每人标准提高到至少 {format_yuan(rule.per_head)} 元",
                )
            )
    return findings
