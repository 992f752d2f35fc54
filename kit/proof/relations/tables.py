"""Tables (DOCX rows, Markdown, tab-separated text): 数量×单价=金额 per row, and column totals.

Columns are known by their headers: a count (数量, 人数, 户数), a rate
(单价, 标准, 元/人) and an amount (金额, 小计, 预算, 费用). Rates, ratios,
serial numbers and dates are never summed. A 合计/总计 row is checked column
by column against the rows above it, and only when every cell above in that
column is an exact figure.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ...findings import Finding
from ...money import format_yuan
from ...quantities import Quantity, quantities
from ..passage import Statement, figure_edit, located
from .explain import Explain

COUNT = re.compile(r"数量|人数|户数|份数|套数|件数|个数|名额|人次")
RATE = re.compile(r"单价|标准|元\s*/|/\s*人|每人|人均|每户")
AMOUNT = re.compile(r"金额|小计|合计|预算|费用|经费|总价|总额|支出|资金")
SKIP = re.compile(r"序号|编号|比例|占比|%|％|指数|备注|日期|时间|电话|年份|年度|说明|率")
TOTAL_ROW = re.compile(r"^\s*(?:合\s*计|总\s*计|小\s*计|共\s*计|总额)")
_MD_RULE = re.compile(r"^\s*\|?\s*:?-{2,}")


class Cell:
    def __init__(self, st: Statement, start: int, end: int):
        self.st, self.start, self.end = st, start, end
        self.text = st.text[start:end].strip()
        qs = [q for q in st.quantities if start <= q.start < end]
        self.value: Quantity | None = qs[0] if len(qs) == 1 else None
        self.plain = re.fullmatch(r"[\d,.]+(?:元|万元)?", self.text.replace(" ", "")) is not None


def _cells(st: Statement) -> list[Cell]:
    text = st.text
    sep = "\t" if "\t" in text else "|"
    bounds, pos = [], 0
    for piece in text.split(sep):
        bounds.append((pos, pos + len(piece)))
        pos += len(piece) + 1
    if sep == "|":
        bounds = bounds[1:-1] if text.strip().startswith("|") else bounds
    return [Cell(st, a, b) for a, b in bounds]


def tables(statements: list[Statement]) -> list[list[Statement]]:
    out, current = [], []
    for st in statements:
        if "\t" in st.text or re.match(r"^\s*\|.*\|\s*$", st.text):
            if not _MD_RULE.match(st.text):
                current.append(st)
            continue
        if len(current) >= 2:
            out.append(current)
        current = []
    if len(current) >= 2:
        out.append(current)
    return out


def check_tables(statements: list[Statement], explain: Explain | None = None) -> list[Finding]:
    findings = []
    for rows in tables(statements):
        header = [c.text for c in _cells(rows[0])]
        roles = [_role(h) for h in header]
        if not any(roles):
            continue
        width = len(header)
        data: list[list[Cell]] = []
        for st in rows[1:]:
            cells = _cells(st)
            if len(cells) != width:
                if explain is not None:
                    explain.skip(st, "表格这一行的格数与表头不同")
                data = []
                continue
            if any(TOTAL_ROW.match(c.text) for c in cells[:2]):
                findings.extend(_check_total(cells, data, roles))
                data = []
                continue
            findings.extend(_check_row(cells, roles))
            data.append(cells)
    return findings


def _role(head: str) -> str | None:
    if SKIP.search(head):
        return None
    if RATE.search(head):
        return "rate"
    if COUNT.search(head):
        return "count"
    if AMOUNT.search(head):
        return "amount"
    return None


def _column(roles: list[str | None], role: str) -> int | None:
    found = [i for i, r in enumerate(roles) if r == role]
    return found[0] if len(found) == 1 else None


def _row_amount(cells: list[Cell], roles) -> Decimal | None:
    c, r, a = (_column(roles, k) for k in ("count", "rate", "amount"))
    if None in (c, r, a):
        return None
    values = [cells[i].value for i in (c, r, a)]
    if any(v is None or not v.exact for v in values):
        return None
    return values[0].value * values[1].value


def _check_row(cells: list[Cell], roles) -> list[Finding]:
    computed = _row_amount(cells, roles)
    if computed is None:
        return []
    a = _column(roles, "amount")
    stated = cells[a].value
    if stated.value == computed:
        return []
    c, r = _column(roles, "count"), _column(roles, "rate")
    return [located(
        "arithmetic", "error", cells[a].st, stated.start, stated.end,
        f"表格中「{cells[c].text}×{cells[r].text}」应为 {format_yuan(computed)}，金额栏写作 {format_yuan(stated.value)}",
        f"金额改为 {format_yuan(computed)}", quote=cells[a].text,
        stated=stated.value, computed=computed, difference=stated.value - computed, rule="TABLE-ROW",
        edits=(figure_edit(cells[a].st, stated, computed),),
    )]


def _check_total(total: list[Cell], data: list[list[Cell]], roles) -> list[Finding]:
    findings = []
    if not data:
        return findings
    for i, role in enumerate(roles):
        if role not in ("count", "amount") or total[i].value is None or not total[i].value.exact:
            continue
        values = []
        for row in data:
            cell = row[i]
            if cell.value is None or not cell.value.exact:
                values = None
                break
            computed = _row_amount(row, roles) if role == "amount" else None
            values.append(computed if computed is not None else cell.value.value)
        if not values:
            continue
        computed = sum(values, Decimal(0))
        stated = total[i].value
        if stated.value == computed:
            continue
        findings.append(located(
            "arithmetic", "error", total[i].st, stated.start, stated.end,
            f"表格「{total[0].text or total[1].text}」一行的这一栏写作 {format_yuan(stated.value)}，上面 {len(values)} 行相加应为 {format_yuan(computed)}",
            f"改为 {format_yuan(computed)}", quote=total[i].text,
            stated=stated.value, computed=computed, difference=stated.value - computed, rule="TABLE-TOTAL",
            edits=(figure_edit(total[i].st, stated, computed),),
        ))
    return findings


__all__ = ["check_tables", "quantities"]
