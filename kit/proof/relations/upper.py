"""大写 beside a figure: ``3320元（大写：叁仟叁佰贰拾元整）`` must say the same amount.

Totals of budgets are left to :mod:`.budget`, which compares their 大写 with
the corrected total.
"""

from __future__ import annotations

import re

from decimal import Decimal, InvalidOperation

from ...cnnum import ChineseNumberError, money_upper, parse_money_upper
from ...findings import Finding
from ...money import format_yuan
from ..passage import Statement, located
from .budget import BESIDE



_BARE_UPPER = re.compile(  # 小写6248元,大写(陆仟贰佰肆拾捌): a 大写 written without 元
    r"(?<![0-9,.])(?P<fig>[0-9][0-9,]*(?:\.[0-9]+)?)\s*元?\s*[,，]?\s*[）)]?\s*[（(]?\s*大写(?:金额)?[：:\s]*[（(]?\s*"
    r"(?P<up>[零壹贰叁肆伍陆柒捌玖拾佰仟万亿]+)(?![零壹贰叁肆伍陆柒捌玖拾佰仟万亿元圆角分])"
)


def check_upper(statements: list[Statement], claimed: set[tuple[int, int]]) -> list[Finding]:
    findings = []
    for st in statements:
        findings.extend(_bare_upper(st, claimed))
        qs = st.quantities
        for i, u in enumerate(qs):
            if u.upper and i + 1 < len(qs) and (st.index, u.start) not in claimed:
                found = _lower_after(st, u, qs[i + 1])
                if found:
                    findings.append(found)
            if not u.upper or i == 0 or (st.index, u.start) in claimed:
                continue
            f = qs[i - 1]
            if not f.is_money or f.upper or not f.exact or not BESIDE.fullmatch(st.text[f.end : u.start]):
                continue
            if f.value == u.value or f.rounded and abs(f.value - u.value) * 2 <= f.resolution:
                continue  # 合计209820元，即20.98万元（大写：贰拾万玖仟捌佰贰拾元整）: the 万 figure is the 大写 rounded
            findings.append(located(
                "arithmetic", "error", st, u.start, u.end,
                f"数字写作 {format_yuan(f.value)} 元，大写却是「{u.text}」（{format_yuan(u.value)} 元），两者不一致",
                f"若 {format_yuan(f.value)} 元无误，大写应为「{money_upper(f.value)}」；否则改正前面的数字",
                quote=st.quote(f.start, u.end).strip(),
                stated=u.value, computed=f.value, difference=u.value - f.value, rule="UPPER-VALUE",
            ))
    return findings


_LOWER_AFTER = re.compile(r"\s?[（(]\s?小写(?:金额)?[：:]?\s?[￥¥]?\s?")


def _lower_after(st: Statement, u, f) -> Finding | None:
    """贰仟叁佰陆拾伍圆（小写2365.00元）: the 大写 first, the figure after it in brackets."""
    if not f.is_money or f.upper or not f.exact or not _LOWER_AFTER.fullmatch(st.text, u.end, f.start) or f.value == u.value:
        return None
    return located(
        "arithmetic", "error", st, f.start, f.end,
        f"大写写作「{u.text}」（{format_yuan(u.value)} 元），括号里的小写却是 {format_yuan(f.value)} 元，两者不一致",
        f"若大写无误，小写应为 {format_yuan(u.value)} 元；否则改正大写", quote=st.quote(u.start, f.end).strip(),
        stated=f.value, computed=u.value, difference=f.value - u.value, rule="UPPER-VALUE",
    )


def _bare_upper(st: Statement, claimed: set[tuple[int, int]]) -> list[Finding]:
    out = []
    for m in _BARE_UPPER.finditer(st.text):
        if (st.index, m.start("up")) in claimed:
            continue
        try:
            upper = parse_money_upper(m.group("up") + "元")
            figure = Decimal(m.group("fig").replace(",", ""))
        except (ChineseNumberError, InvalidOperation):
            continue
        if upper == figure:
            continue
        out.append(located(
            "arithmetic", "error", st, m.start("up"), m.end("up"),
            f"数字写作 {format_yuan(figure)} 元，大写却是「{m.group('up')}」（{format_yuan(upper)} 元），两者不一致",
            f"若 {format_yuan(figure)} 元无误，大写应为「{money_upper(figure)}」；否则改正前面的数字",
            quote=m.group().strip(), stated=upper, computed=figure, difference=upper - figure, rule="UPPER-VALUE",
        ))
    return out
