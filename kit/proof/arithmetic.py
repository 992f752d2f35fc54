"""Arithmetic in prose: budgets, parts of a whole, shares and thresholds.

Every stated figure is recomputed from the figures it derives from; a figure
that is right produces nothing. Precision follows the author: a share is
compared at the number of decimals written (14.7% for 17 of 116), a threshold
at whole yuan when written in whole yuan (150% of 780 = 1170).
"""

from __future__ import annotations

import dataclasses
import re
from decimal import ROUND_HALF_UP, Decimal

from pydantic import ValidationError

from ..findings import Finding
from ..ledger import check_ledger
from ..model import Component, LedgerLine, LedgerSection
from ..money import format_yuan, share_percent
from .budget import Block, budget_blocks
from .lines import MONEY, PERCENT, Prepared, Token, finding, places, tokens

SENTENCE = re.compile(r"[^。；;！!]+")


def _num(value: Decimal) -> str:
    return format_yuan(value) if places(value) <= 2 else str(value)


# -- budgets ----------------------------------------------------------------------


def check_budgets(prepared: list[Prepared]) -> list[Finding]:
    """Each stated subtotal, total, 大写 and item count against the arithmetic."""
    findings: list[Finding] = []
    for block in budget_blocks(prepared):
        findings.extend(_check_block(block))
    return findings


def _as_ledger(block: Block) -> LedgerSection | None:
    """The block as a ledger section, so kit.ledger does the arithmetic once for drafts and prose."""
    try:
        return LedgerSection(
            title="经费预算",
            total_label=block.total.label if block.total else "合计",
            lines=[
                LedgerLine(
                    name=line.name or "（未命名）",
                    kind=line.kind,
                    count=line.count if line.kind == "per_head" else None,
                    unit=line.unit or "人",
                    components=[Component(name=name or "金额", amount=amount) for name, amount in line.components],
                    stated_subtotal=line.stated,
                )
                for line in block.lines
            ],
            stated_total=block.total.stated if block.total else None,
            stated_total_upper=block.total.upper_text if block.total else None,
        )
    except ValidationError:
        return None  # figures no ledger can hold (e.g. three decimals): nothing to recompute


def _place(block: Block, where: str) -> tuple[Prepared, str]:
    """The prose behind a ledger path: ``ledger.lines[4].stated_subtotal`` → that clause."""
    match = re.match(r"ledger\.lines\[(\d+)\]", where)
    if match:
        line = block.lines[int(match.group(1))]
        return line.at, line.at.quote(line.start, line.end)
    total = block.total
    if where.endswith("stated_total_upper") and total.upper_text:
        return total.at, total.upper_text
    return total.at, total.at.quote(total.start, total.end)


def _check_block(block: Block) -> list[Finding]:
    findings = []
    total = block.total
    if total is not None and total.items is not None and total.items != len(block.lines):
        findings.append(
            finding(
                "arithmetic", "error", total.at,
                f"写作「{total.items_text}{total.label}」，但前面列出的是 {len(block.lines)} 项",
                total.at.quote(total.start, total.end), f"改为「{len(block.lines)}项{total.label}」，或补上漏列的项目",
                stated=Decimal(total.items), computed=Decimal(len(block.lines)),
                difference=Decimal(total.items - len(block.lines)),
            )
        )
    section = _as_ledger(block)
    if section is None:
        return findings
    for found in check_ledger(section, "ledger"):
        at, quote = _place(block, found.where)
        findings.append(
            dataclasses.replace(
                found, where=at.line.where, paragraph=at.line.paragraph, line=at.line.line, quote=quote
            )
        )
    return findings


# -- parts of a whole ------------------------------------------------------------

PARTS = re.compile(r"其中|包括|分别为|分别是|：")
WHOLE_MARK = re.compile(r"(?:共|总|合计|全校|全镇|全县|现有|有)[^，,。；]{0,10}$")
SHARE = re.compile(r"(?<!占)占(?!地|用|有|据)[^，,；。]*?(\d+(?:\.\d+)?)%")


def _share_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in SHARE.finditer(text)]


def check_parts(prepared: list[Prepared]) -> list[Finding]:
    """A stated whole (总面积120平方米) against the sum of its parts (其中…)."""
    findings = []
    for at in prepared:
        text = at.text
        for sent in SENTENCE.finditer(text):
            s0, sentence = sent.start(), sent.group()
            trigger = PARTS.search(sentence)
            if not trigger:
                continue
            toks = [t for t in tokens(sentence) if t.unit and t.unit != PERCENT]
            before = [t for t in toks if t.end <= trigger.start()]
            if not before:
                continue
            whole = before[-1]
            if trigger.group() == "：" and not WHOLE_MARK.search(sentence[: whole.start]):
                continue
            parts = _parts(sentence, trigger.end(), whole.unit, toks)
            if len(parts) < 2:
                continue
            total = sum((p.value for p in parts), Decimal(0))
            if total == whole.value:
                continue
            unit = whole.unit
            diff = whole.value - total
            listed = "＋".join(_num(p.value) for p in parts)
            findings.append(
                finding(
                    "arithmetic", "error", at,
                    f"总数写作 {_num(whole.value)}{unit}，但其中各部分 {listed} = {_num(total)}{unit}，相差 {_num(abs(diff))}{unit}",
                    at.quote(s0, s0 + len(sentence)),
                    f"核对各部分或总数：按各部分相加，总数应为 {_num(total)}{unit}",
                    stated=whole.value, computed=total, difference=diff,
                )
            )
    return findings


def _parts(sentence: str, start: int, unit: str, toks: list[Token]) -> list[Token]:
    """Parts listed after 其中: one 、-list, or one figure in each ，-segment."""
    shares = _share_spans(sentence)
    usable = [t for t in toks if t.start >= start and t.unit == unit and not any(a <= t.start < b for a, b in shares)]
    segments = []
    pos = start
    for seg in re.split(r"[，,]", sentence[start:]):
        segments.append((pos, pos + len(seg)))
        pos += len(seg) + 1
    first = [t for t in usable if segments[0][0] <= t.start < segments[0][1]]
    if len(first) >= 2:
        return first
    parts = []
    for a, b in segments:
        inside = [t for t in usable if a <= t.start < b]
        if len(inside) != 1:
            break
        parts.append(inside[0])
    return parts


# -- shares ------------------------------------------------------------------------


def check_shares(prepared: list[Prepared]) -> list[Finding]:
    """留守儿童17人，占全校学生116人的14.7%: the share recomputed at the written precision."""
    findings = []
    for at in prepared:
        text = at.text
        for sent in SENTENCE.finditer(text):
            s0, sentence = sent.start(), sent.group()
            toks = tokens(sentence)
            for m in SHARE.finditer(sentence):
                inside = [t for t in toks if m.start() < t.start < m.end() and t.unit and t.unit != PERCENT]
                stated = Decimal(m.group(1))
                parts = [t for t in toks if t.end <= m.start() and t.unit and t.unit != PERCENT]
                if not parts:
                    continue
                part = parts[-1]
                whole = next((t for t in inside if t.unit == part.unit), None)
                if whole is None:
                    trigger = PARTS.search(sentence[: part.start])
                    earlier = [t for t in parts[:-1] if trigger and t.end <= trigger.start() and t.unit == part.unit]
                    whole = earlier[-1] if earlier else None
                if whole is None or whole.value == 0:
                    continue
                computed = share_percent(part.value, whole.value, places(stated))
                if computed == stated:
                    continue
                findings.append(
                    finding(
                        "arithmetic", "error", at,
                        f"占比写作 {stated}%，按 {_num(part.value)}÷{_num(whole.value)} 计算应为 {computed}%",
                        at.quote(s0 + part.start, s0 + m.end()), f"改为 {computed}%",
                        stated=stated, computed=computed, difference=stated - computed,
                    )
                )
    return findings


# -- thresholds --------------------------------------------------------------------

THRESHOLD_GAP = re.compile(r"^[)）]?[（(，,：:\s]*(?:即|为|约为|约|合|相当于|等于)?[：:\s]*$")


def check_thresholds(prepared: list[Prepared]) -> list[Finding]:
    """150%（即1170元） of a base of 780元: the derived figure recomputed."""
    findings = []
    base: Token | None = None
    for at in prepared:
        text = at.text
        if re.match(r"^[\s\u3000]*[一二三四五六七八九十]{1,3}、", text):
            base = None
        toks = tokens(text)
        derived: set[int] = set()
        for i, tok in enumerate(toks):
            if tok.unit == MONEY and i not in derived and not tok.upper:
                base = tok  # the latest stated amount is the base of the percentages after it
            if tok.unit != PERCENT or i + 1 >= len(toks):
                continue
            value = toks[i + 1]
            if value.unit != MONEY or not THRESHOLD_GAP.match(text[tok.end + 1 : value.start]):
                continue
            derived.add(i + 1)
            if base is None:
                continue
            computed = base.value * tok.value / 100
            if places(value.value) == 0:
                computed = computed.quantize(Decimal(1), rounding=ROUND_HALF_UP)
            if computed == value.value:
                continue
            findings.append(
                finding(
                    "arithmetic", "error", at,
                    f"{_num(base.value)} 元的 {_num(tok.value)}% 应为 {_num(computed)} 元，文中写作 {_num(value.value)} 元",
                    at.quote(tok.start, value.end), f"改为 {_num(computed)} 元",
                    stated=value.value, computed=computed, difference=value.value - computed,
                )
            )
    return findings


ARITHMETIC_CHECKS = (check_budgets, check_parts, check_shares, check_thresholds)
