"""Forms of the ``thresholds`` and ``scoring`` section kinds (registered in kit.sections).

Thin: the fields edit the draft's data; the figures shown (derived
thresholds, the sum of the points) and the findings come from the kinds'
own functions, as in the document.
"""

from __future__ import annotations


import ipywidgets as W

from ..sections.scoring import check_scoring, points_text, total
from ..sections.thresholds import check_thresholds, derived
from ..money import format_yuan
from .controls import ListEditor, escape
from .forms import FILL_IN, SectionForm, Spec, field_for, record, record_list, text_list
from .session import PathT

THRESHOLD_LINE: tuple[Spec, ...] = (
    ("label", "档次", "text", False),
    ("percent", "百分比（%）", "number", True),
    ("multiple", "或倍数", "number", True),
    ("stated", "所写标准", "number", True),
    ("note", "说明", "text", True),
)
SCORE_ITEM: tuple[Spec, ...] = (("name", "考核项目", "text", False), ("points", "分值", "number", False), ("criteria", "考核内容及评分标准", "area", False))
SUB_ITEM: tuple[Spec, ...] = (("name", "细项", "text", False), ("points", "分值", "number", False), ("criteria", "评分标准", "area", False))
PASS_LINE: tuple[Spec, ...] = (("label", "等次", "text", False), ("points", "分数线", "number", False))


def _findings_html(findings: list) -> str:
    return "".join(f"<div class='kit-error'>{escape(f.message)}</div>" for f in findings)


class ThresholdsForm(SectionForm):
    """标准档次: the base, then each line's rate; the derived figures are computed."""

    kind = "thresholds"

    def body(self) -> list[W.Widget]:
        c, b = self.ctx, self.base
        self.computed = W.HTML("")
        self.computed.add_class(c.css("computed"))
        base = W.Box([field_for(c, b, ("base_label", "基数名称", "text", False), "base_label"),
                      field_for(c, b, ("base", "基数", "number", False), "base"),
                      field_for(c, b, ("unit", "单位", "text", False), "unit")], layout=W.Layout(flex_flow="row wrap"))
        lines = record_list(c, b + ("lines",), THRESHOLD_LINE, "各档标准（百分比或倍数填一项）", "line", lambda n: {"label": FILL_IN, "percent": 100}, "line-")
        c.listen(lambda _s: self.refresh())
        self.refresh()
        return [base, lines, self.computed, text_list(c, b + ("paragraphs",), "段落", "paragraph")]

    def refresh(self) -> None:
        section = self.ctx.session.draft.sections.get(self.key)
        if section is None or section.kind != "thresholds":
            return
        rows = "".join(f"<li>{escape(line.label)}：{format_yuan(derived(section, line))}{escape(section.unit)}</li>" for line in section.lines)
        self.computed.value = f"<div>计算结果：<ul>{rows}</ul></div>" + _findings_html(check_thresholds(section, f"sections.{self.key}"))


class ScoringForm(SectionForm):
    """评分标准: items with points and sub-items, veto items, pass lines; the sum is computed."""

    kind = "scoring"

    def body(self) -> list[W.Widget]:
        c, b = self.ctx, self.base
        self.computed = W.HTML("")
        self.computed.add_class(c.css("computed"))
        items = ListEditor(c, b + ("items",), self._item_row, lambda n: {"name": FILL_IN, "points": 0}, title="考核项目", css=c.css("item"))
        c.listen(lambda _s: self.refresh())
        self.refresh()
        return [
            field_for(c, b, ("full_mark", "满分", "number", True), "full_mark"),
            items,
            self.computed,
            text_list(c, b + ("vetoes",), "一票否决的情形", "veto", new_text=FILL_IN, area=False),
            record_list(c, b + ("pass_lines",), PASS_LINE, "等次分数线", "pass", lambda n: {"label": "合格", "points": 85}, "pass-"),
            text_list(c, b + ("paragraphs",), "段落", "paragraph"),
        ]

    def _item_row(self, path: PathT, i: int) -> W.Widget:
        c = self.ctx

        def sub_row(sub_path: PathT, k: int) -> W.Widget:
            return record(c, sub_path, SUB_ITEM, f"item{i}-sub-", k)

        subs = ListEditor(c, path + ("sub",), sub_row, lambda n: {"name": FILL_IN, "points": 0}, title="细项", css=c.css("item-sub", i), add_label="添加细项")
        return W.VBox([record(c, path, SCORE_ITEM, "item-", i), subs])

    def refresh(self) -> None:
        section = self.ctx.session.draft.sections.get(self.key)
        if section is None or section.kind != "scoring":
            return
        parts = "+".join(points_text(item.points) for item in section.items)
        self.computed.value = f"<div>各项分值：{parts} = {points_text(total(section.items))} 分</div>" + _findings_html(check_scoring(section, f"sections.{self.key}"))


__all__ = ["ThresholdsForm", "ScoringForm"]
