"""Figures in prose that follow the budget and the facts: ``{{退休教师.人数}}``.

A draft's text may name a figure instead of copying it; the preview and the
DOCX show its current value, so changing a count changes every sentence that
states it. What can be named (``{{…}}``):

=====================  ==========================================  =========
reference              value                                       example
=====================  ==========================================  =========
``项目.人数``           a budget line's count                      15
``项目.每人``           a per-head line's amount per head          150
``项目.小计``           a line's subtotal                          2250
``项目.名目``           one component of a line (慰问金, 餐费 …)    100
``合计``                the budget's total                         3320
``合计大写``            the total in 大写                          叁仟叁佰贰拾元整
``项数``                the number of budget lines, in Chinese     五
``数据名``              a figure of a 基本情况 (facts) section     116
=====================  ==========================================  =========

With several budgets, put the section title first: ``{{经费预算.合计}}``.
An unknown reference raises :class:`UnknownReference` naming it; in a saved
draft it is a finding (:func:`check_references`) and renders as 【引用有误：…】,
never a crash. :func:`check_prose_figures` reports figures *typed* in prose
that contradict the budget; :func:`link_figures` turns the ones that agree into
references (used when an example or an imported document becomes a draft).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Iterator

from . import model as m
from .checks.draft_checks import walk_text
from .cnnum import money_upper, ordinal
from .findings import Finding
from .ledger import LedgerResult, compute
from .money import format_yuan

REF = re.compile(r"\{\{\s*([^{}]+?)\s*\}\}")
PEOPLE = "人名位户个"


class UnknownReference(ValueError):
    """A ``{{…}}`` that names nothing in the draft; the message (Chinese) names it and what exists."""

    def __init__(self, ref: str, message: str):
        self.ref = ref
        super().__init__(message)


def chinese_count(n: int) -> str:
    """5 → 五, 12 → 十二 (as in 五项总计)."""
    return ordinal(n, 1).rstrip("、") if n > 0 else "零"


@dataclass(frozen=True)
class Budget:
    key: str
    section: m.LedgerSection
    result: LedgerResult


class Figures:
    """Everything a reference can name in one draft."""

    def __init__(self, draft: m.Draft):
        self.budgets = [Budget(k, s, compute(s)) for k, s in draft.sections_of("ledger")]
        self.facts: dict[str, m.Fact] = {}
        for _, section in draft.sections_of("facts"):
            for fact in section.facts:
                self.facts.setdefault(fact.label, fact)
                self.facts.setdefault(fact.key, fact)

    def choices(self) -> list[tuple[str, str]]:
        """(reference, current value) for every figure, as the 插入数字 control lists them."""
        out: list[tuple[str, str]] = []
        many = len(self.budgets) > 1
        for b in self.budgets:
            pre = f"{b.section.title}." if many else ""
            for r in b.result.lines:
                name = r.line.name
                if r.line.kind == "per_head":
                    out.append((f"{pre}{name}.人数", str(r.line.count)))
                    out.append((f"{pre}{name}.每人", format_yuan(r.per_head)))
                out.append((f"{pre}{name}.小计", format_yuan(r.subtotal)))
            out += [(f"{pre}合计", format_yuan(b.result.total)), (f"{pre}合计大写", b.result.total_upper),
                    (f"{pre}项数", chinese_count(len(b.result.lines)))]
        seen = set()
        for fact in self.facts.values():
            if fact.label not in seen:
                seen.add(fact.label)
                out.append((fact.label, _number(fact.value)))
        return out

    def value(self, ref: str) -> str:
        """The current text of *ref*; raises :class:`UnknownReference`."""
        ref = ref.strip()
        parts = [p.strip() for p in ref.split(".")]
        budget = self.budgets[0] if self.budgets else None
        if len(parts) > 1 and len(self.budgets) > 0:
            titled = [b for b in self.budgets if b.section.title == parts[0]]
            if titled:
                budget, parts = titled[0], parts[1:]
        if len(parts) == 1:
            word = parts[0]
            if word in ("合计", "总计", "合计大写", "大写", "项数") and budget is None:
                raise UnknownReference(ref, f"引用「{{{{{ref}}}}}」无法使用：草稿中没有经费预算")
            if word in ("合计", "总计"):
                return format_yuan(budget.result.total)
            if word in ("合计大写", "大写"):
                return budget.result.total_upper
            if word == "项数":
                return chinese_count(len(budget.result.lines))
            if word in self.facts:
                return _number(self.facts[word].value)
            known = "、".join(dict.fromkeys(f.label for f in self.facts.values())) or "（无）"
            raise UnknownReference(ref, f"未知的引用「{{{{{ref}}}}}」：没有名为“{word}”的数据（可用的数据：{known}；或写 合计、合计大写、项数）")
        if len(parts) != 2 or budget is None:
            raise UnknownReference(ref, f"未知的引用「{{{{{ref}}}}}」：应写成 项目.人数、项目.每人、项目.小计 或 合计")
        name, what = parts
        lines = {r.line.name: r for r in budget.result.lines}
        if name not in lines:
            known = "、".join(lines) or "（无）"
            raise UnknownReference(ref, f"引用「{{{{{ref}}}}}」中的预算项目“{name}”不存在（可能已删除或改名；现有项目：{known}）")
        r = lines[name]
        if what == "人数":
            if r.line.kind != "per_head":
                raise UnknownReference(ref, f"引用「{{{{{ref}}}}}」：“{name}”是固定金额项目，没有人数")
            return str(r.line.count)
        if what in ("每人", "标准"):
            if r.line.kind != "per_head":
                raise UnknownReference(ref, f"引用「{{{{{ref}}}}}」：“{name}”是固定金额项目，没有每人标准")
            return format_yuan(r.per_head)
        if what in ("小计", "金额"):
            return format_yuan(r.subtotal)
        for c in r.line.components:
            if c.name == what:
                return format_yuan(c.amount)
        names = "、".join(["人数", "每人", "小计", *(c.name for c in r.line.components)])
        raise UnknownReference(ref, f"未知的引用「{{{{{ref}}}}}」：“{name}”没有“{what}”（可写：{names}）")


def _number(value: Decimal) -> str:
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def references(text: str) -> list[str]:
    return [m_.group(1).strip() for m_ in REF.finditer(text or "")]


def expand(text: str, figures: Figures) -> str:
    """*text* with every reference replaced by its value (an unknown one by 【引用有误：…】)."""
    if "{{" not in text:
        return text

    def one(match: re.Match) -> str:
        try:
            return figures.value(match.group(1))
        except UnknownReference:
            return f"【引用有误：{match.group(1).strip()}】"

    return REF.sub(one, text)


def _replace_strings(data: Any, fn) -> Any:
    if isinstance(data, str):
        return fn(data)
    if isinstance(data, dict):
        return {k: _replace_strings(v, fn) for k, v in data.items()}
    if isinstance(data, list):
        return [_replace_strings(v, fn) for v in data]
    return data


def resolved(draft: m.Draft) -> m.Draft:
    """The draft with every reference in its text replaced by the current figure."""
    data = draft.model_dump(mode="python")
    if not any("{{" in text for _, text in walk_text(data)):
        return draft
    figures = Figures(draft)
    try:
        return m.Draft.model_validate(_replace_strings(data, lambda t: expand(t, figures)))
    except Exception:  # noqa: BLE001 - a value that does not fit its field: keep the references visible
        return draft


def new_reference_problems(draft: m.Draft, old: str | None, new: str) -> list[str]:
    """Messages for references typed into *new* (absent from *old*) that name nothing."""
    before = set(references(old or ""))
    figures = Figures(draft)
    out = []
    for ref in references(new):
        if ref in before:
            continue
        try:
            figures.value(ref)
        except UnknownReference as exc:
            out.append(str(exc))
    return out


# -- checks ---------------------------------------------------------------------------------------


def check_references(draft: m.Draft) -> list[Finding]:
    """Every reference that names nothing (a line removed or renamed, a typo): a finding each."""
    figures = Figures(draft)
    findings = []
    for path, text in walk_text(draft.model_dump(mode="python")):
        for ref in references(text):
            try:
                figures.value(ref)
            except UnknownReference as exc:
                findings.append(Finding("reference", "error", path, str(exc), quote=f"{{{{{ref}}}}}",
                                        suggestion="改正这个引用，或用“插入数字”重新选择"))
    return findings


def _prose_texts(draft: m.Draft) -> Iterator[tuple[str, str, str]]:
    """(path, section title, text) of the running text a clerk writes (not budget lines or figures)."""
    for key, s in draft.sections.items():
        base = f"sections.{key}"
        for i, p in enumerate(s.intro):
            yield f"{base}.intro[{i}]", s.title, p
        if s.kind in ("prose", "facts", "targets"):
            for i, p in enumerate(s.paragraphs):
                yield f"{base}.paragraphs[{i}]", s.title, p
        if s.kind == "items":
            def items(xs, path):
                for i, it in enumerate(xs):
                    yield f"{path}[{i}].text", s.title, it.text
                    yield from items(it.sub, f"{path}[{i}].sub")
            yield from items(s.items, f"{base}.items")
        if s.kind == "activities":
            for i, a in enumerate(s.items):
                yield f"{base}.items[{i}].content", s.title, a.content


_TOTAL = re.compile(r"(合计|总计|共计|总额|共需|共)(?:经费|费用|金额)?(?:为|约)?\s*(\d[\d,]*(?:\.\d+)?)\s*元")


def check_prose_figures(draft: m.Draft) -> list[Finding]:
    """Figures typed in the prose that contradict the budget: a line's count, the total."""
    figures = Figures(draft)
    if not figures.budgets:
        return []
    findings = []
    for path, title, text in _prose_texts(draft):
        if not text:
            continue
        plain = REF.sub("", text)
        for b in figures.budgets:
            for r in b.result.lines:
                if r.line.kind != "per_head":
                    continue
                pattern = re.compile(re.escape(r.line.name) + r"(\d+)\s*([" + PEOPLE + "])")
                for hit in pattern.finditer(plain):
                    said = int(hit.group(1))
                    # 退休教师1人 may be the 困难退休教师 line: only a count no line of that name has is wrong
                    if all(said != o.line.count for o in b.result.lines if o.line.kind == "per_head" and r.line.name in o.line.name):
                        findings.append(Finding(
                            "prose-figure", "error", path,
                            f"「{title}」写“{hit.group(0)}”，但预算中“{r.line.name}”是 {r.line.count}{r.line.unit}",
                            stated=Decimal(said), computed=Decimal(r.line.count), difference=Decimal(said - r.line.count),
                            quote=hit.group(0), suggestion=f"改为 {{{{{r.line.name}.人数}}}}（随预算自动变化）"))
            for hit in _TOTAL.finditer(plain):
                said = Decimal(hit.group(2).replace(",", ""))
                if said != b.result.total:
                    findings.append(Finding(
                        "prose-figure", "error", path,
                        f"「{title}」写“{hit.group(0)}”，但{b.section.title}合计为 {format_yuan(b.result.total)} 元",
                        stated=said, computed=b.result.total, difference=said - b.result.total, quote=hit.group(0),
                        suggestion="改为 {{合计}}（随预算自动变化）"))
    return findings


def check_item_count_label(draft: m.Draft) -> list[Finding]:
    """A total label such as 五项总计 that no longer matches the number of lines (the document shows the right one)."""
    findings = []
    for key, s in draft.sections_of("ledger"):
        hit = COUNT_LABEL.match(s.total_label)
        if hit and hit.group(1) != chinese_count(len(s.lines)):
            findings.append(Finding(
                "prose-figure", "warning", f"sections.{key}.total_label",
                f"合计名称写“{s.total_label}”，但现在有 {len(s.lines)} 项；文中已写作“{label_for(s)}”",
                suggestion=f"合计名称改为“{label_for(s)}”"))
    return findings


COUNT_LABEL = re.compile(r"^([一二三四五六七八九十]+)项(.*)$")


def label_for(section: m.LedgerSection) -> str:
    """The total's label with its item count kept right: 五项总计 → 六项总计 once a line is added."""
    hit = COUNT_LABEL.match(section.total_label)
    if not hit:
        return section.total_label
    return f"{chinese_count(len(section.lines))}项{hit.group(2)}"


# -- linking an example or an imported document -----------------------------------------------------


def link_figures(data: dict[str, Any]) -> dict[str, Any]:
    """Plain draft data with prose figures that agree with the budget turned into references.

    A count right after its line's name (退休教师15人), a run of head counts
    listed in the budget's order (…15人；…3人；…2人；…1人), and a total after
    合计/共计 are linked; a figure that disagrees stays as written (and
    :func:`check_prose_figures` reports it).
    """
    data = copy.deepcopy(data)
    try:
        draft = m.Draft.model_validate(data)
    except Exception:  # noqa: BLE001 - an invalid draft is left alone
        return data
    figures = Figures(draft)
    if not figures.budgets:
        return data
    b = figures.budgets[0]
    heads = [r for r in b.result.lines if r.line.kind == "per_head"]
    many = len(figures.budgets) > 1
    pre = f"{b.section.title}." if many else ""

    def link(text: str) -> str:
        if not isinstance(text, str) or not text:
            return text
        counts = list(re.finditer(r"(?<![\d{.])(\d+)(?=\s*[" + PEOPLE + "])", text))
        if len(heads) >= 2 and len(counts) == len(heads) and all(int(c.group(1)) == r.line.count for c, r in zip(counts, heads)):
            for c, r in reversed(list(zip(counts, heads))):  # 1. the counts in the budget's order
                text = text[: c.start()] + f"{{{{{pre}{r.line.name}.人数}}}}" + text[c.end():]
        for r in heads:  # 2. a count right after its line's name
            pattern = re.compile("(" + re.escape(r.line.name) + r")(\d+)(?=\s*[" + PEOPLE + "])")
            text = pattern.sub(lambda h: h.group(1) + (f"{{{{{pre}{r.line.name}.人数}}}}" if int(h.group(2)) == r.line.count else h.group(2)), text)

        def total(h: re.Match) -> str:
            if Decimal(h.group(2).replace(",", "")) != b.result.total:
                return h.group(0)
            return h.group(0).replace(h.group(2), f"{{{{{pre}合计}}}}", 1)
        text = _TOTAL.sub(total, text)
        return text.replace(b.result.total_upper, f"{{{{{pre}合计大写}}}}")

    for key, s in (data.get("sections") or {}).items():
        for field in ("intro",) if s.get("kind") == "ledger" else ("intro", "paragraphs"):  # a budget's lines are its own
            if isinstance(s.get(field), list):
                s[field] = [link(p) for p in s[field]]
        if s.get("kind") in ("items", "activities"):
            for item in s.get("items") or []:
                for field in ("text", "content"):
                    if field in item:
                        item[field] = link(item[field])
    return data


REFERENCE_CHECKS = (check_references, check_prose_figures, check_item_count_label)
