"""``thresholds``: a base figure and the lines derived from it (150 %, 200 %, 300 % of 780 元).

Every derived figure is computed from the base (half-up to the fen, kit.money);
a figure the author wrote (``stated``) is checked against it; a new base
recomputes every line.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from ..fields import Amount, NonEmptyText, Number, Text
from ..findings import Finding
from ..model import Model, SectionBase
from ..money import format_yuan, money, to_fen
from . import SectionKind


class ThresholdLine(Model):
    """One derived line: 困难职工, 200 % of the base; *stated* is what the author wrote."""

    label: NonEmptyText
    percent: Number | None = None  # 200 → 200 %
    multiple: Number | None = None  # 2 → 2 times
    stated: Amount | None = None
    note: Text | None = None  # the condition, e.g. 家庭人均月收入低于此标准

    @model_validator(mode="after")
    def _one_rate(self) -> "ThresholdLine":
        if (self.percent is None) == (self.multiple is None):
            raise PydanticCustomError("kit_threshold_rate", "每一档填写百分比 percent 或倍数 multiple，二者只填一项")
        return self


class ThresholdsSection(SectionBase):
    """A base (低保标准 780 元) and the lines derived from it."""

    kind: Literal["thresholds"] = "thresholds"
    base_label: NonEmptyText = "基数"
    base: Amount
    unit: NonEmptyText = "元"
    lines: list[ThresholdLine] = Field(min_length=1)
    paragraphs: list[Text] = []


def rate_text(line: ThresholdLine) -> str:
    return f"{line.percent.normalize():f}%" if line.percent is not None else f"{line.multiple.normalize():f}倍"


def derived(section: ThresholdsSection, line: ThresholdLine) -> Decimal:
    """The line's figure: base × percent ÷ 100 (or × multiple), half-up to the fen."""
    base = money(section.base)
    factor = line.percent / Decimal(100) if line.percent is not None else line.multiple
    return to_fen(base * factor)


def blocks(s: ThresholdsSection) -> list:
    from ..structure import Paragraph, Table

    out: list = [Paragraph(p) for p in s.intro]
    rows = tuple(
        (str(i), line.label, f"{s.base_label}×{rate_text(line)}", format_yuan(derived(s, line)), line.note or "")
        for i, line in enumerate(s.lines, 1)
    )
    out.append(Paragraph(f"{s.base_label}为{format_yuan(s.base)}{s.unit}，各档标准如下："))
    out.append(Table(("序号", "档次", "计算方法", f"标准（{s.unit}）", "说明"), rows))
    return out + [Paragraph(p) for p in s.paragraphs]


def check_thresholds(s: ThresholdsSection, where: str) -> list[Finding]:
    """Each stated figure against base × rate (rule THRESHOLD)."""
    findings = []
    for i, line in enumerate(s.lines):
        computed = derived(s, line)
        if line.stated is not None and line.stated != computed:
            findings.append(Finding(
                kind="arithmetic", severity="error", rule="THRESHOLD", where=f"{where}.lines[{i}].stated",
                message=(f"「{line.label}」的标准写作 {format_yuan(line.stated)}{s.unit}，按{s.base_label} {format_yuan(s.base)}{s.unit}"
                         f" × {rate_text(line)} 计算应为 {format_yuan(computed)}{s.unit}"),
                stated=line.stated, computed=computed, difference=line.stated - computed,
                suggestion=f"改为 {format_yuan(computed)}（或清空“所写标准”，由程序计算）",
            ))
    return findings


def report(s: ThresholdsSection, where: str) -> str:
    """The lines recomputed from the base, stated beside computed."""
    from ..textreport import table

    rows = [("档次", "计算方法", "所写标准", "计算标准", "核对")]
    for line in s.lines:
        computed = derived(s, line)
        stated = "—" if line.stated is None else format_yuan(line.stated)
        mark = "" if line.stated is None else ("✓" if line.stated == computed else f"✗ 差 {format_yuan(line.stated - computed)}")
        rows.append((line.label, f"{format_yuan(s.base)}×{rate_text(line)}", stated, format_yuan(computed), mark))
    findings = check_thresholds(s, where)
    tail = f"发现 {len(findings)} 处问题：\n" + "\n".join(f"  - {f.message}" for f in findings) if findings else "各档标准核对无误。"
    return f"{s.base_label}：{format_yuan(s.base)}{s.unit}\n" + table(rows, aligns="<<>><") + "\n" + tail + "\n"


# -- import -------------------------------------------------------------------

_BASE = re.compile(r"(低保标准|最低生活保障标准|最低工资标准|基数|标准)[^0-9。；]{0,14}?(\d+(?:\.\d{1,2})?)\s*元")
_RATE = re.compile(r"(\d+(?:\.\d+)?)\s*[%％]")
_FIGURE = re.compile(r"(\d+(?:\.\d{1,2})?)\s*元")


def recognise(title: str, lines: list) -> dict[str, Any] | None:
    """A base written with 元 and at least two numbered lines with one percentage each."""
    from ..proof.numbering import label_of

    texts = [p.text.strip() for p in lines]
    base = next((m for t in texts for m in [_BASE.search(t)] if m), None)
    if base is None:
        return None
    rated = [(t, label_of(t)) for t in texts]
    rated = [(t, lab) for t, lab in rated if lab and len(_RATE.findall(t)) == 1]
    if len(rated) < 2:
        return None
    out_lines = []
    for t, lab in rated:
        body = t[lab.end:].strip()
        rate = _RATE.search(body)
        k = body.find("。")
        label = body[:k] if 0 < k < 12 else f"第{len(out_lines) + 1}档"
        line: dict[str, Any] = {"label": label, "percent": Decimal(rate.group(1))}
        after = _FIGURE.search(body, rate.end())
        if after and after.start() - rate.end() <= 3:
            line["stated"] = money(after.group(1))
        note = body[k + 1:].strip() if 0 < k < 12 else body
        if note:
            line["note"] = note
        out_lines.append(line)
    used = {t for t, _ in rated}
    return {"kind": "thresholds", "title": title, "base_label": base.group(1), "base": money(base.group(2)),
            "intro": [t for t in texts if t not in used], "lines": out_lines}


THRESHOLDS = SectionKind(
    "thresholds", "标准档次", ThresholdsSection, blocks, checks=(check_thresholds,),
    form="kit.widgets.kind_forms:ThresholdsForm", recognise=recognise, priority=10,
    starting={"base_label": "基数", "base": 0, "lines": [{"label": "第一档", "percent": 100}]}, report=report,
)
