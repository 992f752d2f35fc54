"""Written-out equations: ``600x30=18000元``, ``1500元x120人=180000元``, ``80+80+60=220``.

The left side is a chain of exact figures joined by ×, x, *, + (products
first); the right side is the figure right after = . A result written at a
coarser precision than the product (``1.5万``) is compared at that precision.
"""

from __future__ import annotations

import re
from decimal import ROUND_FLOOR, Decimal

from ...findings import Finding
from ...money import format_yuan
from ...quantities import PERCENT, Quantity
from ..passage import Statement, at_precision, figure_edit, located
from .explain import Explain

_EQUALS = re.compile(r"[=＝]")
_NOTE = r"(?:[（(][\u4e00-\u9fff]{1,8}[）)])?"  # 300元×6(班级数)×4(月份)=7200元: a word in brackets names the figure
_OPERATOR = re.compile(rf"^(?:[\u4e00-\u9fff]{{1,2}}(?=[×xX*＊✕]))?{_NOTE}[\s（）()]*(?P<op>[×xX*＊✕+＋\-－−/÷])[\s（）()]*(?:[\u4e00-\u9fff]{{1,6}}[：:]?\s*)?$")  # +文具139.5元
_TAIL = re.compile(rf"^(?:[/／][\u4e00-\u9fff]{{1,3}})?{_NOTE}[\s（）()元人名户次个份套件桌]*$")  # …×2课时/门=…


def _operand(q: Quantity) -> Decimal:
    return q.value / 100 if q.unit == PERCENT else q.value


def _num(value: Decimal) -> str:
    return format_yuan(value) if -value.as_tuple().exponent <= 2 else str(value.normalize())


def check_equations(statements: list[Statement], explain: Explain | None = None) -> list[Finding]:
    findings = []
    for st in statements:
        qs = st.quantities
        for m in _EQUALS.finditer(st.text):
            left = [q for q in qs if q.end <= m.start()]
            right = next((q for q in qs if q.start >= m.end()), None)
            if not left or right is None or not re.fullmatch(r"[\s（(：:]*", st.text[m.end() : right.start]):
                continue
            if re.match(r"\s*[×xX*＊✕+＋\-－÷/]\s*\d", st.text[right.end : right.end + 4]):
                continue  # …=32119.5+129.2=32248.7: the right side is itself a sum, checked at the next =
            if not _TAIL.match(st.text[left[-1].end : m.start()]):
                continue
            terms: list[list[Quantity]] = [[left[-1]]]
            divisors: set[int] = set()  # ids of the operands that divide (149/447=0.333)
            signs = [1]
            i = len(left) - 2
            while i >= 0:
                gap = _OPERATOR.match(st.text[left[i].end : left[i + 1].start])
                if not gap:
                    break
                if gap.group("op") in "+＋-－−":
                    signs[0] = -1 if gap.group("op") in "-－−" else 1
                    terms.insert(0, [left[i]])
                    signs.insert(0, 1)
                else:
                    if gap.group("op") in "/÷":
                        divisors.add(id(left[i + 1]))
                    terms[0].insert(0, left[i])
                i -= 1
            operands = [q for t in terms for q in t]
            if len(operands) < 2 or any(q.value == 0 for q in operands if id(q) in divisors):
                continue
            span = re.sub(_NOTE.rstrip("?"), "", st.text[operands[0].start : m.start()])
            lead = st.text[max(0, operands[0].start - 8) : operands[0].start]
            if re.search(r"[（）()]", span) or re.search(r"[×xX*＊✕+＋/÷）)]\s*$|[\d×xX*＊✕+＋/÷]\s*[（(]\s*$", lead):
                if explain is not None:  # 6.5*(121+145), 300元(长袖)*3+…: more of the sum than this reads
                    explain.skip(st, "算式带括号或前面还有未读懂的部分")
                continue
            if not all(q.exact for q in operands + [right]) or right.upper:
                if explain is not None:
                    explain.skip(st, "等式中有约数")
                continue
            computed = Decimal(0)
            for sign, term in zip(signs, terms):
                product = Decimal(1)
                for q in term:
                    product = product / _operand(q) if id(q) in divisors else product * _operand(q)
                computed += sign * product
            stated = _operand(right)
            if computed == stated or _same_at_precision(computed, right) or _cut_to_units(computed, right, operands):
                continue
            # 298/447 = 0.6666…, 45665×0.91×1.5 = 62332.725: said at the decimals the author wrote the result with
            exact = computed
            computed = at_precision(computed, right)
            said = _num(computed) if exact == computed or divisors else f"{_num(exact)}（按右边的写法为 {_num(computed)}）"
            start = operands[0].start
            written = st.text[start : right.end]
            findings.append(located(
                "arithmetic", "error", st, right.start, right.end,
                f"算式「{written}」不成立：等号左边算得 {said}，右边写作 {_num(stated)}，相差 {_num(abs(stated - computed))}",
                f"等号右边改为 {_num(computed)}，或核对左边的数字",
                quote=st.quote(start, right.end).strip(),
                stated=stated, computed=computed, difference=stated - computed, rule="EQUATION",
                edits=(figure_edit(st, right, computed * 100 if right.unit == PERCENT else computed),),
            ))
    return findings


def _same_at_precision(computed: Decimal, right: Quantity) -> bool:
    """1.5万 for 15,000 (or 14,960), 100 for 99.99: the author wrote the result at a coarser step."""
    return at_precision(computed, right) == right.value


def _cut_to_units(computed: Decimal, right: Quantity, operands: list[Quantity]) -> bool:
    """260(元)x0.68=176: a product by a fraction written in whole units, the fraction of a unit dropped (fees
    are charged by the yuan). Only downwards, and only when a factor has decimals."""
    return (right.places == 0 and computed != computed.to_integral_value()
            and computed.to_integral_value(rounding=ROUND_FLOOR) == right.value
            and any(q.value != q.value.to_integral_value() for q in operands))
