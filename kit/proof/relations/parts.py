"""A whole and its parts: ``慰问对象共21人：退休教师15人、困难职工4人、生病教师2人``.

Checked only when the parts are certainly a partition of the whole:

* listed after 分别为/分别是, or after a colon right behind the whole;
* after 其中, when the parts name complementary groups (男/女, 在职/退休) or
  groups of one kind (甲校/乙校/丙校, 阅览室/活动室, 一年级/二年级).

Counts in brackets belong to the figure before them (``甲校20人（女生9人）``),
and subgroups that may overlap (党员, 女教师 and 高级教师 among 教职工) are
no partition: such sentences are left alone.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ...findings import Finding
from ...money import format_yuan
from ...quantities import PERCENT, Quantity
from ..passage import Statement, located
from .explain import Explain
from .shares import WHOLE_MARK

_SENTENCE = re.compile(r"[^。；;！!？?]+")
_TRIGGER = re.compile(r"其中[：:，,]?|分别为|分别是|[：:]")
_SEPARATORS = re.compile(r"[、，,；;和及与]")
_PAIRS = ({"男", "女"}, {"男生", "女生"}, {"男教师", "女教师"}, {"男职工", "女职工"}, {"在职", "退休"},
          {"城镇", "农村"}, {"城市", "农村"}, {"公办", "民办"}, {"小学", "初中"}, {"小学", "初中", "高中"},
          {"校内", "校外"}, {"专职", "兼职"}, {"走读", "住校"}, {"男性", "女性"})
_KIND_SUFFIX = set("校级班村组类队室区镇部处科点园所馆站社")


def _num(value: Decimal) -> str:
    return format_yuan(value) if -value.as_tuple().exponent <= 2 else str(value)


def _depth(text: str, pos: int) -> int:
    return max(0, sum(1 for c in text[:pos] if c in "（(") - sum(1 for c in text[:pos] if c in "）)"))


def check_parts(statements: list[Statement], explain: Explain | None = None) -> list[Finding]:
    findings = []
    for st in statements:
        text = st.text
        for sent in _SENTENCE.finditer(text):
            a, b = sent.span()
            trigger = _TRIGGER.search(text, a, b)
            if not trigger:
                continue
            qs = [q for q in st.quantities if a <= q.start < b and q.unit and q.unit != PERCENT and not q.is_rate]
            before = [q for q in qs if q.end <= trigger.start()]
            if not before:
                continue
            whole = before[-1]
            word = trigger.group()
            if word.startswith(("：", ":")) and (trigger.start() - whole.end > 1 or not WHOLE_MARK.search(text[a : whole.start])):
                continue
            if word.startswith("其中") and not WHOLE_MARK.search(text[max(a, whole.start - 14) : whole.start]):
                continue
            parts = _parts(text, trigger.end(), b, whole, qs)
            if len(parts) < 2:
                continue
            labels = [_label(text, trigger.end(), p, parts) for p in parts]
            severity = "error"
            if word.startswith("其中") and whole.is_money and not _partition(labels):
                severity = "warning"  # 经费…其中甲1.5万元、乙0.8万元: sources of money, most likely all of them
            elif word.startswith("其中") and not _partition(labels):
                if explain is not None:
                    explain.skip(st, f"「其中」后的{len(parts)}个数可能互相重叠，不当作各部分相加")
                continue
            if not all(q.exact for q in parts + [whole]):
                continue
            total = sum((p.value for p in parts), Decimal(0))
            if total == whole.value:
                continue
            unit = whole.unit
            listed = "＋".join(_num(p.value) for p in parts)
            diff = whole.value - total
            doubt = "；如果所列并非全部，可不理会" if severity == "warning" else ""
            findings.append(located(
                "arithmetic", severity, st, whole.start, whole.end,
                f"总数写作 {_num(whole.value)}{unit}，但其中各部分 {listed} = {_num(total)}{unit}，相差 {_num(abs(diff))}{unit}{doubt}",
                f"核对各部分或总数：按各部分相加，总数应为 {_num(total)}{unit}",
                quote=st.quote(max(a, whole.start - 3), parts[-1].end).strip(),
                stated=whole.value, computed=total, difference=diff,
            ))
    return findings


def _parts(text: str, start: int, end: int, whole: Quantity, qs: list[Quantity]) -> list[Quantity]:
    """The figures of the whole's unit after the trigger, at the whole's bracket depth, shares left out."""
    return [q for q in qs if q.start >= start and q.unit == whole.unit
            and _depth(text, q.start) == _depth(text, whole.start) and not _inside_share(text, start, q)]


def _inside_share(text: str, start: int, q: Quantity) -> bool:
    seg_start = max((m.end() for m in _SEPARATORS.finditer(text, start, q.start)), default=start)
    return "占" in text[seg_start : q.start]


def _label(text: str, start: int, q: Quantity, parts: list[Quantity]) -> str:
    prev = max([p.end for p in parts if p.end <= q.start] + [start])
    seg = text[prev : q.start]
    seg = _SEPARATORS.split(seg)[-1] if _SEPARATORS.search(seg) else seg
    return re.sub(r"[（(][^）)]*[）)]|[\s：:有为是共计]", "", seg)


def _partition(labels: list[str]) -> bool:
    """Groups that cannot overlap: complementary pairs, or names of one kind."""
    if any(not lab for lab in labels) or len(set(labels)) != len(labels):
        return False
    cores = {re.sub(r"(学生|教师|职工|儿童|人员)$", "", lab) or lab for lab in labels}
    if any(set(labels) <= pair or cores <= pair for pair in _PAIRS):
        return True
    suffixes = {lab[-1] for lab in labels}
    return len(suffixes) == 1 and suffixes.pop() in _KIND_SUFFIX
