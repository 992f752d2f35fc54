"""The ledger form: lines with per-head or fixed components, recomputed on every change.

Beside each line it shows the computed subtotal next to the stated one and
the findings that concern the line; below, the computed total and its 大写.
The figures come from :func:`kit.ledger.compute` and :func:`kit.ledger.check_ledger`.
"""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

import ipywidgets as W

from ..findings import Finding
from ..ledger import LedgerResult, check_ledger, compute
from ..money import format_yuan
from ..refs import label_for
from .controls import Field, ListEditor, button, escape, problem_text
from .forms import SectionForm, record_list
from .session import PathT, drop_stale_statements

KINDS = {"per_head": "按人头", "fixed": "固定金额"}
COMPONENT = (("name", "名目", "text", False), ("amount", "金额（元）", "number", False))
MINIMUM = (("category", "类别", "text", False), ("per_head", "每人不少于（元）", "number", False), ("basis", "依据", "text", True))


def line_findings(findings: list[Finding], key: str, index: int) -> list[Finding]:
    """The findings about line *index* of ledger *key*."""
    prefix = f"sections.{key}.lines[{index}]"
    return [f for f in findings if f.where == prefix or f.where.startswith(prefix + ".")]


def total_findings(findings: list[Finding], key: str) -> list[Finding]:
    prefix = f"sections.{key}.lines["
    return [f for f in findings if f.where.startswith(f"sections.{key}") and not f.where.startswith(prefix)]


def findings_html(findings: list[Finding]) -> str:
    return "".join(f"<div class='kit-bad'>✗ {escape(f.message)}</div>" for f in findings)


def corrected_data(section: dict[str, Any], result: LedgerResult) -> dict[str, Any]:
    """The section's data with every stated figure replaced by the computed one.

    A total beyond the 大写 limit has no 大写: the written one is dropped, never
    replaced by the words saying so (``result.total_upper`` is then not 大写)."""
    data = copy.deepcopy(section)
    for line, r in zip(data.get("lines", []), result.lines):
        line["stated_subtotal"] = Decimal(format_yuan(r.subtotal))  # 1600, not 1600.00
    data["stated_total"] = Decimal(format_yuan(result.total))
    if result.over_limit:
        data.pop("stated_total_upper", None)
    else:
        data["stated_total_upper"] = result.total_upper
    return data


def adopted_data(section: dict[str, Any]) -> dict[str, Any]:
    """The section's data with every figure the author wrote removed: the kit computes them (draft mode)."""
    data = copy.deepcopy(section)
    for line in data.get("lines", []):
        line.pop("stated_subtotal", None)
    data.pop("stated_total", None)
    data.pop("stated_total_upper", None)
    return data


def check_mode(section: Any) -> bool:
    """True when the budget still carries figures its author wrote (an imported or copied document)."""
    if section is None or getattr(section, "kind", "") != "ledger":
        return False
    return section.stated_total is not None or bool(section.stated_total_upper) or any(l.stated_subtotal is not None for l in section.lines)


PEOPLE_UNITS = ("人", "名", "位", "户")


def count_label(unit: str) -> str:
    """人数 for people and households, 数量 for anything else (台, 套, 册)."""
    return "人数" if unit in PEOPLE_UNITS else "数量"


DEFAULT_COMPONENT = {"consolation": "慰问品"}


class KindChoice(W.Dropdown):
    """按人头 / 固定金额 for one line; switching adds or removes the count in one save."""

    def __init__(self, form: "LedgerForm", path: PathT, index: int):
        self.form, self.path = form, path
        current = form.ctx.session.get(path + ("kind",))
        super().__init__(options=[(v, k) for k, v in KINDS.items()], value=current, layout=W.Layout(width="110px"))
        self.add_class(form.ctx.css("kind", index))
        self.observe(self._changed, "value")

    def _changed(self, change: dict) -> None:
        data = copy.deepcopy(self.form.ctx.session.data)
        line = data["sections"][self.form.key]["lines"][self.path[-1]]
        line["kind"] = change["new"]
        drop_stale_statements(data, self.path + ("kind",))
        if change["new"] == "fixed":
            line.pop("count", None)
        else:
            line.setdefault("count", 1)
        problems = self.form.ctx.session.commit(data)
        self.form.ctx.report(self.path, problems)
        if not problems:
            self.form.lines.rebuild()
            self.form.refresh()


class LedgerForm(SectionForm):
    """经费预算 / 台账: edit lines, see each subtotal and the total recomputed at once."""

    kind = "ledger"

    def body(self) -> list[W.Widget]:
        c, b = self.ctx, self.base
        self.computed: dict[int, tuple[W.HTML, W.HTML]] = {}
        self.components: dict[int, ListEditor] = {}
        self.lines = ListEditor(c, b + ("lines",), self._line_row, self._new_line, title="预算项目", css=c.css("line"), add_label="添加一项")
        self.total = W.HTML()
        self.total.add_class(c.css("total"))
        self.upper = W.HTML()
        self.upper.add_class(c.css("upper"))
        self.total_findings = W.HTML()
        self.total_findings.add_class(c.css("total-findings"))
        self.fix = button("采用计算结果", c.css("fix"), self.apply_computed, style="primary",
                          tooltip="删去原文所写的小计、合计和大写，今后由程序计算")
        self.mode_note = W.HTML()
        self.mode_note.add_class(c.css("mode"))
        self.fix_status = W.HTML()
        self.lines.after_change.append(self.refresh)
        c.listen(lambda _s: self.refresh())
        stated_fields = [Field(c, b + ("total_label",), "合计名称", c.css("total_label"), width="220px")]
        if check_mode(c.session.draft.sections.get(self.key)):
            stated_fields += [
                Field(c, b + ("stated_total",), "原文所写合计（元）", c.css("stated_total"), kind="number", optional=True, width="240px"),
                Field(c, b + ("stated_total_upper",), "原文所写大写", c.css("stated_total_upper"), optional=True, width="320px"),
            ]
        stated = W.Box(stated_fields, layout=W.Layout(flex_flow="row wrap"))
        self.fix_box = W.HBox([self.fix, self.fix_status], layout=W.Layout(align_items="center"))
        style = Field(c, b + ("style",), "写法", c.css("style"), kind="choice", options=(("文字叙述", "prose"), ("表格", "table")), width="160px")
        minimums = record_list(c, b + ("minimums",), MINIMUM, "政策标准（每人最低）", "minimum", lambda n: {"category": "退休", "per_head": 200}, "minimum-")
        self.refresh()
        return [self.mode_note, style, self.lines, stated, W.VBox([self.total, self.upper, self.total_findings]), self.fix_box, minimums]

    def _component_name(self) -> str:
        return DEFAULT_COMPONENT.get(self.ctx.session.draft.type, "单价")

    def _new_line(self, n: int) -> dict[str, Any]:
        if self.ctx.session.draft.type == "consolation":
            return {"name": f"新项目{n + 1}", "kind": "per_head", "count": 1, "components": [{"name": "慰问品", "amount": 0}]}
        return {"name": f"新项目{n + 1}", "kind": "fixed", "components": [{"name": "金额", "amount": 0}]}

    def _line_row(self, path: PathT, i: int) -> W.Widget:
        c = self.ctx
        kind = c.session.get(path + ("kind",))
        head: list[W.Widget] = [
            W.HTML(f"<b>第{i + 1}项</b>", layout=W.Layout(width="48px")),
            Field(c, path + ("name",), "项目", c.css("name", i), width="240px"),
            KindChoice(self, path, i),
        ]
        if kind == "per_head":
            unit = c.session.get(path + ("unit",)) or "人"
            head.append(Field(c, path + ("count",), count_label(unit), c.css("count", i), kind="number", width="150px"))
            head.append(Field(c, path + ("unit",), "单位", c.css("unit", i), optional=True, width="110px"))
        head.append(Field(c, path + ("category",), "类别", c.css("category", i), optional=True, width="170px"))

        def component(cpath: PathT, j: int) -> W.Widget:
            return W.HBox(
                [
                    Field(c, cpath + ("name",), "名目", c.css("component-name", i, j), width="170px"),
                    Field(c, cpath + ("amount",), "单价（元）" if kind == "per_head" else "金额（元）", c.css("component-amount", i, j), kind="number", width="190px"),
                ]
            )

        components = ListEditor(c, path + ("components",), component, lambda n: {"name": self._component_name(), "amount": 0}, title="金额构成", css=c.css("component", i), add_label="添加名目")
        components.after_change.append(self.refresh)
        self.components[i] = components
        computed, found = W.HTML(), W.HTML()
        computed.add_class(c.css("subtotal", i))
        found.add_class(c.css("findings", i))
        self.computed[i] = (computed, found)
        note = Field(c, path + ("note",), "备注", c.css("note", i), optional=True, width="320px")
        figures: list[W.Widget] = [computed, note]
        if c.session.get(path + ("stated_subtotal",)) is not None:
            figures.insert(0, Field(c, path + ("stated_subtotal",), "原文所写小计（元）", c.css("stated_subtotal", i), kind="number", optional=True, width="240px"))
        box = W.VBox(
            [
                W.Box(head, layout=W.Layout(flex_flow="row wrap")),
                W.Box([components], layout=W.Layout(margin="0 0 0 48px")),
                W.Box(figures, layout=W.Layout(flex_flow="row wrap", margin="0 0 0 48px", align_items="center")),
                W.Box([found], layout=W.Layout(margin="0 0 0 48px")),
            ]
        )
        return box

    def result(self) -> LedgerResult:
        return compute(self.ctx.session.draft.sections[self.key])

    def refresh(self) -> None:
        section = self.ctx.session.draft.sections.get(self.key)
        if section is None or section.kind != "ledger":
            return
        result = compute(section)
        findings = check_ledger(section, f"sections.{self.key}")
        for stale in [i for i in self.computed if i >= len(result.lines)]:  # rows removed
            self.computed.pop(stale)
            self.components.pop(stale, None)
        for r in result.lines:
            labels = self.computed.get(r.index)
            if labels is None:
                continue
            computed, found = labels
            mark = ""
            if r.stated is not None:
                mark = " <span class='kit-ok'>✓ 与所写一致</span>" if r.difference == 0 else f" <span class='kit-bad'>✗ 所写 {format_yuan(r.stated)}，{'多' if r.difference > 0 else '少'}写 {format_yuan(abs(r.difference))}</span>"
            computed.value = f"小计：<b class='kit-value'>{format_yuan(r.subtotal)}</b> 元（{escape(r.formula)}）{mark}"
            found.value = findings_html(line_findings(findings, self.key, r.index))
        checking = check_mode(section)
        self.mode_note.value = (
            "<div class='kit-mode-check' style='background:#fff8e1;padding:6px 10px;border-radius:4px'>这份预算还带着原文所写的小计或合计"
            "（导入或照抄的文件），下面逐项对照原文与计算结果。点“采用计算结果”后，小计、合计和大写都由程序计算。</div>"
            if checking else "<div class='kit-mode-draft' style='color:#555'>小计、合计和大写由程序根据人数和标准自动计算。</div>"
        )
        self.fix_box.layout.display = None if checking else "none"
        ok = section.stated_total is None or section.stated_total == result.total
        stated = "" if section.stated_total is None else f"（所写 {format_yuan(section.stated_total)} 元{'，一致' if ok else '，不一致'}）"
        self.total.value = f"<span style='font-size:16px'>{escape(label_for(section))}：<b class='kit-value'>{format_yuan(result.total)}</b> 元</span> {stated}"
        self.upper.value = f"大写：<b class='kit-value'>{result.total_upper}</b>"
        self.total_findings.value = findings_html(total_findings(findings, self.key))

    def apply_computed(self) -> None:
        """采用计算结果: drop the written figures; from now on the kit computes them (draft mode)."""
        data = copy.deepcopy(self.ctx.session.data)
        data["sections"][self.key] = adopted_data(data["sections"][self.key])
        problems = self.ctx.session.commit(data)
        self.ctx.report(self.base, problems)
        self.fix_status.value = escape(problem_text(problems)) if problems else "已采用计算结果并保存"
        if not problems:
            for name in ("stated_total", "stated_total_upper"):
                field = self.ctx.fields.get(f"sections.{self.key}.{name}")
                if field is not None:
                    field.layout.display = "none"
            self.lines.rebuild()
            self.refresh()

