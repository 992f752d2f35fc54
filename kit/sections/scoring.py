"""``scoring``: a scoring sheet (评分标准) — items with points and sub-items, veto items, pass lines.

The points of the items must add up to the stated full mark, the points of
sub-items to their item's, and a pass line cannot lie above the full mark.
Sums are exact (Decimal).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, Literal

from pydantic import Field

from ..fields import NonEmptyText, Number, Text
from ..findings import Finding
from ..model import Model, SectionBase
from . import SectionKind


class ScoreItem(Model):
    """An item (组织建设 20 分) with what is assessed and optional sub-items."""

    name: NonEmptyText
    points: Number
    criteria: Text = ""
    sub: list["ScoreItem"] = []


class PassLine(Model):
    """合格 85 分: the points from which a grade is given."""

    label: NonEmptyText
    points: Number


class ScoringSection(SectionBase):
    """评分标准: items, full mark, veto items (一票否决) and pass lines."""

    kind: Literal["scoring"] = "scoring"
    full_mark: Number | None = None
    items: list[ScoreItem] = Field(min_length=1)
    vetoes: list[NonEmptyText] = []
    pass_lines: list[PassLine] = []
    paragraphs: list[Text] = []


def total(items: list[ScoreItem]) -> Decimal:
    return sum((i.points for i in items), Decimal(0))


def points_text(value: Decimal) -> str:
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def blocks(s: ScoringSection) -> list:
    from ..structure import Paragraph, Table

    out: list = [Paragraph(p) for p in s.intro]
    rows = []
    for n, item in enumerate(s.items, 1):
        rows.append((str(n), item.name, item.criteria, points_text(item.points)))
        for k, sub in enumerate(item.sub, 1):
            rows.append((f"{n}.{k}", sub.name, sub.criteria, points_text(sub.points)))
    out.append(Table(("序号", "考核项目", "考核内容及评分标准", "分值"), tuple(rows), ("", "合计", "", points_text(total(s.items)))))
    if s.vetoes:
        listed = "；".join(f"（{n}）{v.rstrip('。；;')}" for n, v in enumerate(s.vetoes, 1))
        out.append(Paragraph(f"有下列情形之一的，实行一票否决：{listed}。", lead="一票否决。", bold_lead=True))
    if s.pass_lines:
        full = s.full_mark if s.full_mark is not None else total(s.items)
        grades = "，".join(f"{points_text(p.points)}分以上为“{p.label}”" for p in sorted(s.pass_lines, key=lambda p: p.points))
        out.append(Paragraph(f"考核满分{points_text(full)}分，{grades}。", lead="等次评定。", bold_lead=True))
    return out + [Paragraph(p) for p in s.paragraphs]


def check_scoring(s: ScoringSection, where: str) -> list[Finding]:
    """Points against the full mark (SCORE-TOTAL), sub-items (SCORE-SUB), pass lines (SCORE-PASS)."""
    findings = []
    summed = total(s.items)
    if s.full_mark is not None and summed != s.full_mark:
        parts = "+".join(points_text(i.points) for i in s.items)
        findings.append(Finding(
            kind="arithmetic", severity="error", rule="SCORE-TOTAL", where=f"{where}.full_mark",
            message=f"各项分值 {parts} = {points_text(summed)} 分，与满分 {points_text(s.full_mark)} 分不符（相差 {points_text(summed - s.full_mark)} 分）",
            stated=s.full_mark, computed=summed, difference=s.full_mark - summed,
            suggestion="调整各项分值，使之相加等于满分",
        ))
    for n, item in enumerate(s.items):
        if item.sub and total(item.sub) != item.points:
            sub = total(item.sub)
            findings.append(Finding(
                kind="arithmetic", severity="error", rule="SCORE-SUB", where=f"{where}.items[{n}].points",
                message=f"「{item.name}」{points_text(item.points)} 分，但其细项相加为 {points_text(sub)} 分",
                stated=item.points, computed=sub, difference=item.points - sub,
            ))
    full = s.full_mark if s.full_mark is not None else summed
    for n, line in enumerate(s.pass_lines):
        if line.points > full:
            findings.append(Finding(
                kind="arithmetic", severity="error", rule="SCORE-PASS", where=f"{where}.pass_lines[{n}].points",
                message=f"“{line.label}”的分数线 {points_text(line.points)} 分高于满分 {points_text(full)} 分",
                stated=line.points, computed=full,
            ))
    return findings


def report(s: ScoringSection, where: str) -> str:
    """Items and their points, the sum against the full mark, veto items and pass lines."""
    from ..textreport import table

    rows = [("序号", "考核项目", "分值")]
    for n, item in enumerate(s.items, 1):
        rows.append((str(n), item.name, points_text(item.points)))
        rows += [(f"{n}.{k}", f"  {sub.name}", points_text(sub.points)) for k, sub in enumerate(item.sub, 1)]
    summed = total(s.items)
    rows.append(("", "合计", points_text(summed)))
    out = [table(rows, aligns="<<>")]
    if s.full_mark is not None:
        out.append(f"满分：{points_text(s.full_mark)} 分，各项相加 {points_text(summed)} 分" + ("，一致。" if summed == s.full_mark else "，不一致。"))
    out += [f"一票否决：{v}" for v in s.vetoes]
    out += [f"{p.label}：{points_text(p.points)} 分以上" for p in s.pass_lines]
    findings = check_scoring(s, where)
    out.append(f"发现 {len(findings)} 处问题：\n" + "\n".join(f"  - {f.message}" for f in findings) if findings else "分值核对无误。")
    return "\n".join(out) + "\n"


# -- import -------------------------------------------------------------------

_POINTS = re.compile(r"[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]")
_FULL = re.compile(r"(?:满分|总分)\s*(?:为)?\s*(\d+(?:\.\d+)?)\s*分")
_PASS = re.compile(r"(\d+(?:\.\d+)?)\s*分(?:以上|及以上)(?:的)?为\s*[“\"]?([^”\"，。；、]{1,12})[”\"]?")
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")


def recognise(title: str, lines: list) -> dict[str, Any] | None:
    """Rows of a scoring table (cells joined by tabs) or numbered lines ending in （20分）, with 满分/总分."""
    from ..proof.numbering import label_of

    texts = [p.text.strip() for p in lines]
    items: list[dict[str, Any]] = []
    vetoes: list[str] = []
    full = None
    rest: list[str] = []
    in_veto = False
    for t in texts:
        cells = [c.strip() for c in t.split("\t")]
        if len(cells) >= 3 and _NUMBER.match(cells[-1]):
            if any(c in ("合计", "总分", "总计") for c in cells):
                full = Decimal(cells[-1])
                continue
            name = next((c for c in cells[:-1] if c and not _NUMBER.match(c)), "")
            criteria = "；".join(c for c in cells[:-1] if c and c != name and not _NUMBER.match(c))
            if name:
                items.append({"name": name, "points": Decimal(cells[-1]), "criteria": criteria})
            continue
        lab = label_of(t)
        m = _POINTS.search(t)
        if "一票否决" in t:
            in_veto = True
            k = t.find("：")
            if 0 <= k < len(t) - 1:
                vetoes.extend(v.strip("；;。 ") for v in re.split(r"[；;]", t[k + 1:]) if v.strip("；;。 "))
            continue
        if in_veto and lab:
            vetoes.append(t[lab.end:].strip().rstrip("；;。"))
            continue
        if lab and m:
            body = t[lab.end:].strip()
            name = body[: m.start() - lab.end].strip("：:，。 ") if m.start() > lab.end else body
            items.append({"name": name or f"第{len(items) + 1}项", "points": Decimal(m.group(1)), "criteria": body[m.end() - lab.end:].strip("：:，。 ")})
            continue
        rest.append(t)
    for t in texts:
        found = _FULL.search(t)
        if found and full is None:
            full = Decimal(found.group(1))
    if len(items) < 2 or full is None:
        return None
    passes = [{"label": lab.strip(), "points": Decimal(p)} for t in texts for p, lab in _PASS.findall(t)]
    out: dict[str, Any] = {"kind": "scoring", "title": title, "full_mark": full, "items": items,
                           "intro": [t for t in rest if not _FULL.search(t) and not _PASS.search(t)]}
    if vetoes:
        out["vetoes"] = vetoes
    if passes:
        out["pass_lines"] = passes
    return out


SCORING = SectionKind(
    "scoring", "评分标准", ScoringSection, blocks, checks=(check_scoring,),
    form="kit.widgets.kind_forms:ScoringForm", recognise=recognise, priority=15,
    starting={"full_mark": 100, "items": [{"name": "【待填】", "points": 100}]}, report=report,
)
