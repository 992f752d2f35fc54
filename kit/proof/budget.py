"""Budget prose parsed into lines and totals, as authors customarily write it.

* per head: 困难职工3人，每人慰问金100元、慰问品50元，小计450元
* fixed:    参加慰问人员餐费80元、油费80元、香烟60元，小计180元
* total:    五项总计3280元（大写：叁仟贰佰捌拾元整）

A line is a clause (between ；and 。) whose last figure before a marker
(小计/合计/共计/总计/共/计) is money; a total is such a clause with no
amounts before the marker. Lines are grouped into blocks that end at a total
or at a level-one heading. The same parse feeds the proofreader and the
importer, so both see the same stated and computed figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..cnnum import ChineseNumberError, parse_cn_int
from ..money import ZERO, to_fen
from .lines import MONEY, Prepared, Token, clauses, tokens

MARKER = re.compile(r"(?<![累预估设统])(小计|合计|总计|共计|总额|共|计)(?:金额|经费|费用)?[为是约：:\s]*(?:人民币|[￥¥])?[：:]?$")
ITEMS = re.compile(r"([0-9一二三四五六七八九十两]+)项[^，,]{0,6}$")
PER = re.compile(r"每(人次|[^\d\s，、；。：:,（(])|人均")
PERSON = {"人", "名", "位"}
LABEL = re.compile(r"^[\s\u3000]*(?:[（(]?[0-9一二三四五六七八九十]{1,3}[)）、.]|[（(][0-9一二三四五六七八九十]{1,3}[)）])")
_NAME_JUNK = re.compile(r"^[、，,；：:\s\u3000]+|[、，,；：:\s\u3000]+$")
_COMPONENT_JUNK = re.compile(r"^(?:每(?:人次|[^\d\s，、])|人均|发放|慰问(?![金品])|标准为|标准|按|各|为|的)+")


@dataclass
class BudgetLine:
    at: Prepared
    start: int  # clause span in at.text
    end: int
    name: str
    kind: str  # per_head | fixed
    count: int | None
    components: list[tuple[str, Decimal]]
    stated: Decimal
    label: str  # 小计, 共 …
    unit: str = "人"  # what count counts: 人, 户, 张 …

    @property
    def computed(self) -> Decimal:
        per = sum((amount for _, amount in self.components), ZERO)
        return to_fen(per * self.count) if self.kind == "per_head" else to_fen(per)


@dataclass
class BudgetTotal:
    at: Prepared
    start: int
    end: int
    stated: Decimal
    label: str
    items: int | None  # the N of 五项总计
    items_text: str | None
    upper: Decimal | None
    upper_text: str | None


@dataclass
class Block:
    lines: list[BudgetLine] = field(default_factory=list)
    total: BudgetTotal | None = None

    @property
    def computed_total(self) -> Decimal:
        return to_fen(sum((line.computed for line in self.lines), ZERO))


def _marker_at(text: str, tokens_: list[Token], i: int) -> re.Match | None:
    prev_end = max((t.end for t in tokens_[:i] if t.unit == MONEY), default=0)
    gap = text[prev_end : tokens_[i].start]
    return MARKER.search(gap)


def _name(text: str) -> str:
    text = LABEL.sub("", text)
    return _NAME_JUNK.sub("", text)


def parse_clause(at: Prepared, offset: int, clause: str) -> BudgetLine | BudgetTotal | None:
    """A budget line or total in *clause*, or None when it is neither."""
    toks = tokens(clause)
    for i, tok in enumerate(toks):
        if tok.unit != MONEY:
            continue
        marker = _marker_at(clause, toks, i)
        if marker:
            break
    else:
        return None
    label = marker.group(1)
    before = [t for t in toks[:i] if t.unit == MONEY]
    start, end = offset, offset + len(clause)
    if not before:
        prefix = clause[: tok.start]
        items = ITEMS.search(prefix[: len(prefix) - len(marker.group())] + marker.group())
        n = None
        if items:
            try:
                n = parse_cn_int(items.group(1)) if not items.group(1).isdigit() else int(items.group(1))
            except ChineseNumberError:
                n = None
        upper = next((t for t in toks[i + 1 :] if t.upper), None)
        return BudgetTotal(
            at, start, end, tok.value, label, n, items.group(1) + "项" if items else None,
            upper.value if upper else None, clause[upper.start : upper.end] if upper else None,
        )
    per = PER.search(clause, 0, before[0].start)
    if per:
        if any(t.start < per.start() for t in before):
            return None  # fixed and per-head amounts mixed on one line: not modelled
        unit = "人" if per.group() == "人均" or per.group(1) in PERSON else per.group(1)
        unit = {"本": "册"}.get(unit, unit)
        counts = [t for t in toks if t.end <= per.start() and t.unit == unit and t.value == t.value.to_integral_value()]
        if not counts:
            return None
        count = counts[-1]
        name = _name(clause[: count.start]) or "慰问对象"
        components = _components(clause, before, per.end())
        return BudgetLine(at, start, end, name, "per_head", int(count.value), components, tok.value, label, unit)
    if "每" in clause[: before[0].start]:
        return None  # a rate whose count cannot be read: better silent than wrong
    components = _components(clause, before, 0)
    name = "其他费用"
    lead = _name(clause[: before[0].start])
    if len(lead) > 4:
        name, components[0] = lead[:-2], (lead[-2:], components[0][1])
    elif lead:
        name = lead
    return BudgetLine(at, start, end, name, "fixed", None, components, tok.value, label)


def _components(clause: str, amounts: list[Token], floor: int) -> list[tuple[str, Decimal]]:
    out = []
    prev = floor
    for t in amounts:
        raw = clause[max(prev, floor) : t.start]
        name = _COMPONENT_JUNK.sub("", _NAME_JUNK.sub("", LABEL.sub("", raw))) or "金额"
        out.append((name[-8:], t.value))
        prev = t.end
    return out


LEVEL_ONE = re.compile(r"^[\s\u3000#]*[一二三四五六七八九十]{1,3}、")


def budget_blocks(prepared: list[Prepared]) -> list[Block]:
    """Budget lines grouped into blocks, each closed by a total or a level-one heading."""
    blocks: list[Block] = []
    current = Block()
    for at in prepared:
        if LEVEL_ONE.match(at.text) and current.lines:
            blocks.append(current)
            current = Block()
        for offset, clause in clauses(at.text):
            parsed = parse_clause(at, offset, clause)
            if isinstance(parsed, BudgetLine):
                current.lines.append(parsed)
            elif isinstance(parsed, BudgetTotal) and current.lines:
                current.total = parsed
                blocks.append(current)
                current = Block()
    if current.lines:
        blocks.append(current)
    return blocks
