"""One form per section KIND (and the header form), built from declarations.

Each form is a VBox over one section of the session's data; which sections a
draft has, and in what order, comes from the document type's declaration
(:func:`kit.doctypes.get_type`), never from code written per document type.
The ledger form lives in :mod:`kit.widgets.ledger_form`.
"""

from __future__ import annotations

import copy
from typing import Any, Callable

import ipywidgets as W

from .controls import Field, FormContext, ListEditor, escape
from .figures import FigureInsert
from .session import PathT

# (field name, label, kind, optional); kind is text | area | number | date | choice:<a>|<b>
Spec = tuple[str, str, str, bool]

PERSON: tuple[Spec, ...] = (("name", "姓名", "text", False), ("title", "职务", "text", True))
ACTIVITY: tuple[Spec, ...] = (
    ("name", "活动名称", "text", False),
    ("frequency", "频次", "text", True),
    ("responsible", "负责人", "text", True),
    ("participants", "参加人员", "text", True),
    ("content", "活动内容", "area", False),
)
ITEM: tuple[Spec, ...] = (("lead", "要点（加粗）", "text", True), ("text", "内容", "area", False))
FACT: tuple[Spec, ...] = (
    ("label", "名称", "text", False),
    ("value", "数值", "number", False),
    ("unit", "单位", "text", False),
)  # the key is made by the kit (fact1, fact2 …): a clerk chooses figures by their names
SHARE: tuple[Spec, ...] = (
    ("label", "说法", "text", False),
    ("stated_percent", "所写百分比", "number", True),
)
TARGET: tuple[Spec, ...] = (
    ("label", "指标", "text", False),
    ("op", "", "choice:≥|≤|=", False),
    ("value", "数值", "number", False),
    ("unit", "单位", "text", False),
    ("note", "说明", "text", True),
)
DUTY: tuple[Spec, ...] = (("who", "负责方", "text", False), ("what", "职责", "area", False))
HEADER: tuple[Spec, ...] = (
    ("title", "标题", "text", False),
    ("issuer", "发文机关", "text", False),
    ("recipient", "主送机关", "text", True),
    ("doc_number", "发文字号", "text", True),
    ("date", "成文日期", "date", False),
    ("print_office", "印发机关", "text", True),
    ("print_date", "印发日期", "date", True),
)

WIDTH = {"text": "320px", "area": "560px", "number": "180px", "date": "220px"}
FILL_IN = "【待填】"


def field_for(ctx: FormContext, base: PathT, spec: Spec, css_name: str, *indices: int) -> Field:
    name, label, kind, optional = spec
    options: tuple[str, ...] = ()
    if kind.startswith("choice:"):
        options, kind = tuple(kind.split(":", 1)[1].split("|")), "choice"
    width = "90px" if kind == "choice" else WIDTH[kind]
    field = Field(ctx, base + (name,), label, ctx.css(css_name or name, *indices), kind=kind, optional=optional, options=options, width=width)
    if kind == "area":  # running text may name a figure
        FigureInsert(field)
    return field


def record(ctx: FormContext, base: PathT, specs: tuple[Spec, ...], prefix: str, *indices: int) -> W.Widget:
    """The fields of one record (a person, an activity) laid out in a wrapping row."""
    fields = [field_for(ctx, base, s, f"{prefix}{s[0]}" if prefix else s[0], *indices) for s in specs]
    return W.Box(fields, layout=W.Layout(flex_flow="row wrap", width="100%"))


def record_list(ctx: FormContext, path: PathT, specs: tuple[Spec, ...], title: str, css: str, new: Callable[[int], Any], prefix: str = "") -> ListEditor:
    def row(item_path: PathT, i: int) -> W.Widget:
        return record(ctx, item_path, specs, prefix, i)

    return ListEditor(ctx, path, row, new, title=title, css=ctx.css(css))


def text_list(ctx: FormContext, path: PathT, title: str, css: str, *, new_text: str = "", area: bool = True) -> ListEditor:
    """A list of plain strings (paragraphs, cc bodies), one input each."""

    def row(item_path: PathT, i: int) -> W.Widget:
        field = Field(ctx, item_path, "", ctx.css(css, i), kind="area" if area else "text", width="600px" if area else "320px")
        field.label = title
        if area:
            FigureInsert(field)
        return field

    return ListEditor(ctx, path, row, lambda n: new_text, title=title, css=ctx.css(css))


class SectionForm(W.VBox):
    """Base of the section forms: the section title and its opening paragraphs."""

    kind = ""

    def __init__(self, ctx: FormContext, key: str):
        self.ctx, self.key, self.base = ctx, key, ("sections", key)
        parts = [Field(ctx, self.base + ("title",), "本节标题", ctx.css("title"), width="400px"), text_list(ctx, self.base + ("intro",), "开头段落", "intro")]
        super().__init__(parts + self.body())

    def body(self) -> list[W.Widget]:
        return []

    def refresh(self) -> None:
        """Update computed figures after a saved change (forms that show any)."""


class ProseForm(SectionForm):
    kind = "prose"

    def body(self) -> list[W.Widget]:
        return [text_list(self.ctx, self.base + ("paragraphs",), "段落", "paragraph")]


class OrganisationForm(SectionForm):
    """组织领导: group name, leader, deputies, members, office and duties, each with its role."""

    kind = "organisation"

    def body(self) -> list[W.Widget]:
        c, b = self.ctx, self.base
        office = b + ("office",)
        return [
            Field(c, b + ("group_name",), "领导小组名称", c.css("group_name"), width="400px"),
            W.HTML("<div class='kit-heading'>组　长</div>"),
            record(c, b + ("leader",), PERSON, "leader-"),
            record_list(c, b + ("deputies",), PERSON, "副组长", "deputy", lambda n: {"name": FILL_IN}, "deputy-"),
            record_list(c, b + ("members",), PERSON, "成　员", "member", lambda n: {"name": FILL_IN}, "member-"),
            Field(c, b + ("members_collective",), "成员（集体，如 各班主任）", c.css("members_collective"), optional=True, width="480px"),
            W.HTML("<div class='kit-heading'>领导小组办公室</div>"),
            W.Box(
                [
                    Field(c, office + ("location",), "设在", c.css("office-location"), optional=True),
                    Field(c, office + ("head", "name"), "办公室主任", c.css("office-head-name")),
                    Field(c, office + ("head", "title"), "职务", c.css("office-head-title"), optional=True),
                    Field(c, office + ("duty",), "办公室职责", c.css("office-duty"), kind="area", optional=True, width="560px"),
                ],
                layout=W.Layout(flex_flow="row wrap"),
            ),
            record_list(c, office + ("members",), PERSON, "办公室成员", "office-member", lambda n: {"name": FILL_IN}, "office-member-"),
            record_list(c, b + ("duties",), DUTY, "分　工", "duty", lambda n: {"who": FILL_IN, "what": FILL_IN}, "duty-"),
        ]


class ActivitiesForm(SectionForm):
    kind = "activities"

    def body(self) -> list[W.Widget]:
        return [record_list(self.ctx, self.base + ("items",), ACTIVITY, "活动", "activity", lambda n: {"name": f"活动{n + 1}"})]


class ItemsForm(SectionForm):
    """Numbered items （一）（二）…, each with its own numbered sub-items 1. 2. … (the third level)."""

    kind = "items"

    def body(self) -> list[W.Widget]:
        return [ListEditor(self.ctx, self.base + ("items",), self._item_row, lambda n: {"text": FILL_IN}, title="条目", css=self.ctx.css("item"))]

    def _item_row(self, path: PathT, i: int) -> W.Widget:
        c = self.ctx

        def sub_row(sub_path: PathT, j: int) -> W.Widget:
            return record(c, sub_path, ITEM, "sub-", i, j)

        subs = ListEditor(c, path + ("sub",), sub_row, lambda n: {"text": FILL_IN}, title="分项（1. 2. 3.）", css=c.css("sub", i), add_label="添加分项")
        subs.layout.margin = "0 0 0 48px"
        return W.VBox([record(c, path, ITEM, "", i), subs], layout=W.Layout(width="100%"))


class FactsForm(SectionForm):
    kind = "facts"

    def body(self) -> list[W.Widget]:
        c, b = self.ctx, self.base
        facts = record_list(c, b + ("facts",), FACT, "数据", "fact", self._new_fact)
        shares = ListEditor(c, b + ("shares",), self._share_row, self._new_share, title="占比（由程序计算并核对）", css=c.css("share"))
        facts.after_change.append(shares.rebuild)  # the names to choose from
        return [
            facts,
            shares,
            text_list(c, b + ("paragraphs",), "段落", "paragraph"),
        ]

    def _share_row(self, path: PathT, i: int) -> W.Widget:
        """A share: part and whole chosen from the figures by name, never typed as codes."""
        facts = self.ctx.session.get(self.base + ("facts",)) or []
        names = tuple((f["label"], f["key"]) for f in facts) or (("（先添加数据）", ""),)
        c = self.ctx
        fields = [
            Field(c, path + ("part",), "部分", c.css("share-part", i), kind="choice", options=names, width="220px"),
            Field(c, path + ("whole",), "占总数", c.css("share-whole", i), kind="choice", options=names, width="220px"),
        ] + [field_for(c, path, s, f"share-{s[0]}", i) for s in SHARE]
        return W.Box(fields, layout=W.Layout(flex_flow="row wrap", width="100%"))

    def _new_fact(self, n: int) -> dict[str, Any]:
        keys = {f["key"] for f in self.ctx.session.get(self.base + ("facts",)) or []}
        key = next(f"fact{i}" for i in range(n + 1, n + 1000) if f"fact{i}" not in keys)
        return {"key": key, "label": "新数据", "value": 0}

    def _new_share(self, n: int) -> dict[str, Any]:
        keys = [f["key"] for f in self.ctx.session.get(self.base + ("facts",)) or []]
        return {"part": keys[-1] if keys else "", "whole": keys[0] if keys else ""}


class TargetsForm(SectionForm):
    kind = "targets"

    def body(self) -> list[W.Widget]:
        c, b = self.ctx, self.base
        return [
            record_list(c, b + ("targets",), TARGET, "目标", "target", lambda n: {"label": "新指标", "value": 0}),
            text_list(c, b + ("paragraphs",), "段落", "paragraph"),
        ]


class HeaderForm(W.VBox):
    """Title, issuer, recipient, document number, dates and cc of the document."""

    def __init__(self, ctx: FormContext):
        self.ctx = ctx
        fields = [field_for(ctx, ("header",), s, s[0]) for s in HEADER]
        cc = text_list(ctx, ("header", "cc"), "抄送机关", "cc", new_text=FILL_IN, area=False)
        note = W.HTML(f"<div style='color:#666'>{escape('日期写成 2024-01-15 的形式；发文字号如 东中工〔2023〕12号。')}</div>")
        super().__init__(fields + [note, cc])

    def refresh(self) -> None:
        pass


def starting_section(kind: str, title: str) -> dict[str, Any]:
    """A minimal valid section of *kind*, for 添加本节."""
    body: dict[str, Any] = {"kind": kind, "title": title}
    if kind == "organisation":
        body["leader"] = {"name": FILL_IN}
    from ..sections import get_kind  # other kinds say what a new section needs (kit.sections)

    return {**copy.deepcopy(dict(get_kind(kind).starting)), **body}
