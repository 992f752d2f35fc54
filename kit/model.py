"""The document model: a draft's header and its typed sections.

A draft is data first: sections live in an ordered mapping whose order is the
document's order, and nothing here decides wording or numbering (that is
kit.structure's job). Models are frozen; an edit makes a new draft, usually by
editing the plain data (``draft.to_data()``) and validating it again.
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from .fields import Amount, Count, DocNumber, Key, NonEmptyText, Number, Text

SCHEMA_VERSION = 1


class Model(BaseModel):
    """Base of every model: unknown keys are errors, instances are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=True)


# -- header -------------------------------------------------------------------


class Attachment(Model):
    """An attachment: named in the attachment note, printed on its own page."""

    title: NonEmptyText
    paragraphs: list[Text] = []
    section: Key | None = None  # a section printed on this attachment's page (e.g. a scoring sheet), not in the body


class Header(Model):
    """Everything around the body: title, issuing body, recipient, dates."""

    title: NonEmptyText
    issuer: NonEmptyText  # 发文机关
    recipient: Text | None = None  # 主送机关, without the trailing colon
    doc_number: DocNumber | None = None  # 发文字号
    date: _dt.date  # 成文日期
    attachments: list[Attachment] = []
    cc: list[NonEmptyText] = []  # 抄送机关 (colophon)
    print_office: Text | None = None  # 印发机关 (colophon)
    print_date: _dt.date | None = None  # 印发日期 (colophon)


# -- sections -----------------------------------------------------------------


class _Section(Model):
    title: NonEmptyText
    intro: list[Text] = []  # paragraphs before the section's own content


SectionBase = _Section  # the base of every section model, built-in or plugin (kit.sections)


class ProseSection(_Section):
    """Plain paragraphs: 指导思想, 工作目标, 存在问题 …"""

    kind: Literal["prose"] = "prose"
    paragraphs: list[Text] = []


class Person(Model):
    """A person in an organisation list; *title* is their post (校长)."""

    name: NonEmptyText
    title: Text | None = None


class Office(Model):
    """领导小组下设办公室: where it sits, who heads it, who works in it."""

    location: Text | None = None
    head: Person | None = None
    members: list[Person] = []
    duty: Text | None = None  # what the office is responsible for


class Duty(Model):
    """One line of the division of duties (分工)."""

    who: NonEmptyText
    what: NonEmptyText


class OrganisationSection(_Section):
    """组织领导: a leadership group with leader, deputies, members, office."""

    kind: Literal["organisation"] = "organisation"
    group_name: NonEmptyText = "领导小组"
    leader: Person
    deputies: list[Person] = []
    members: list[Person] = []
    members_collective: Text | None = None  # 各班主任, 各科室主要负责人
    office: Office | None = None
    duties: list[Duty] = []


class Component(Model):
    """One named amount of a ledger line: 慰问金 100, 餐费 80."""

    name: NonEmptyText
    amount: Amount


class LedgerLine(Model):
    """A budget line: *count* people times per-head components, or fixed components."""

    name: NonEmptyText
    kind: Literal["per_head", "fixed"]
    count: Count | None = None
    unit: NonEmptyText = "人"  # what count counts: 人, 户, 名
    components: list[Component] = Field(min_length=1)
    category: Text | None = None  # matched by policy minimums (离休, 退休)
    note: Text | None = None
    stated_subtotal: Amount | None = None  # what the author wrote
    budget: Amount | None = None  # in a summary: what the plan budgeted for this line (spending is the subtotal)

    @model_validator(mode="after")
    def _count_matches_kind(self) -> "LedgerLine":
        if self.kind == "per_head" and self.count is None:
            raise PydanticCustomError("kit_count_missing", "按人头计算的项目必须填写人数 count")
        if self.kind == "fixed" and self.count is not None:
            raise PydanticCustomError("kit_count_fixed", "固定金额项目不填写人数 count（如需按人计算，kind 写 per_head）")
        return self


class MinimumRule(Model):
    """A policy minimum per head for lines of one category (离休 ≥ 300)."""

    category: NonEmptyText
    per_head: Amount
    basis: Text | None = None  # the policy it comes from


class LedgerSection(_Section):
    """经费预算: lines, the stated total, and the policy minimums that apply."""

    kind: Literal["ledger"] = "ledger"
    style: Literal["prose", "table"] = "prose"
    lines: list[LedgerLine] = []
    total_label: NonEmptyText = "合计"
    stated_total: Amount | None = None
    stated_total_upper: Text | None = None  # the author's 大写
    minimums: list[MinimumRule] = []


class Activity(Model):
    """One activity: what, how often, who leads it, who takes part."""

    name: NonEmptyText
    content: Text = ""
    frequency: Text | None = None
    responsible: Text | None = None
    participants: Text | None = None


class ActivitiesSection(_Section):
    kind: Literal["activities"] = "activities"
    items: list[Activity] = []


class Item(Model):
    """A numbered item with an optional bold lead phrase and sub-items."""

    lead: Text | None = None
    text: Text = ""
    sub: list["Item"] = []

    @model_validator(mode="after")
    def _not_empty(self) -> "Item":
        if not (self.lead or "").strip() and not self.text.strip():
            raise PydanticCustomError("kit_item_empty", "条目不能为空：lead 和 text 至少填写一项")
        return self


class ItemsSection(_Section):
    """主要措施, 工作要求, 实施步骤: numbered items."""

    kind: Literal["items"] = "items"
    items: list[Item] = []


class Fact(Model):
    """A named figure: pupils = 116 人."""

    key: Key
    label: NonEmptyText
    value: Number
    unit: Text = ""


class Share(Model):
    """A derived share: *part* of *whole*, computed, optionally as stated."""

    part: Key
    whole: Key
    label: NonEmptyText = "占"
    decimals: int = Field(default=1, ge=0, le=4)
    stated_percent: Number | None = None


class FactSum(Model):
    """A whole that must equal the sum of its parts (room areas, groups)."""

    whole: Key
    parts: list[Key] = Field(min_length=2)


class FactsSection(_Section):
    """基本情况: figures written from data, shares derived, never typed twice."""

    kind: Literal["facts"] = "facts"
    facts: list[Fact] = []
    shares: list[Share] = []
    sums: list[FactSum] = []
    paragraphs: list[Text] = []  # after the figures

    @model_validator(mode="after")
    def _keys_exist(self) -> "FactsSection":
        keys = [f.key for f in self.facts]
        dupes = sorted({k for k in keys if keys.count(k) > 1})
        if dupes:
            raise PydanticCustomError("kit_fact_dupe", "数据项 key 重复：{keys}", {"keys": "、".join(dupes)})
        known = set(keys)
        used = [s.part for s in self.shares] + [s.whole for s in self.shares]
        used += [k for s in self.sums for k in [s.whole, *s.parts]]
        missing = sorted({k for k in used if k not in known})
        if missing:
            raise PydanticCustomError(
                "kit_fact_unknown", "引用了未定义的数据项：{keys}（请先在 facts 中定义）", {"keys": "、".join(missing)}
            )
        return self

    def value(self, key: str) -> Decimal:
        return next(f.value for f in self.facts if f.key == key)


class Target(Model):
    """A numeric target: 入会率 ≥ 95 %."""

    label: NonEmptyText
    op: Literal["≥", "≤", "="] = "≥"
    value: Number
    unit: Text = "%"
    note: Text | None = None

    @model_validator(mode="after")
    def _percent_range(self) -> "Target":
        if self.unit == "%" and self.value > 100:
            raise PydanticCustomError("kit_percent", "百分比不能超过 100，收到 {got}", {"got": str(self.value)})
        return self


class TargetsSection(_Section):
    """工作目标 with rate targets."""

    kind: Literal["targets"] = "targets"
    targets: list[Target] = []
    paragraphs: list[Text] = []


Section = Annotated[
    Union[
        ProseSection,
        OrganisationSection,
        LedgerSection,
        ActivitiesSection,
        ItemsSection,
        FactsSection,
        TargetsSection,
    ],
    Field(discriminator="kind"),
]

SECTION_KINDS = ("prose", "organisation", "ledger", "activities", "items", "facts", "targets")  # the original seven; all kinds: kit.sections.kind_names()


class AnySection:
    """A section of any registered kind (kit.sections), told apart by ``kind``.

    The union is built from the registry when :class:`Draft` is first used
    (``defer_build``), so plugin kinds, which import this module, can take part.
    """

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        from .sections import models

        kinds = models()
        union = Annotated[Union[kinds], Field(discriminator="kind")] if len(kinds) > 1 else kinds[0]
        return handler.generate_schema(union)


class Draft(Model):
    """A whole document as drafted: type, header and ordered sections."""

    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=True, defer_build=True)

    schema_version: Literal[1] = SCHEMA_VERSION
    type: NonEmptyText
    pack: Text | None = None
    header: Header
    sections: dict[Key, AnySection] = {}

    @model_validator(mode="after")
    def _attachment_sections_exist(self) -> "Draft":
        for a in self.header.attachments:
            if a.section is not None and a.section not in self.sections:
                raise PydanticCustomError("kit_attachment_section", "附件「{title}」引用的节 {key} 不存在", {"title": a.title, "key": a.section})
        return self

    def to_data(self) -> dict[str, Any]:
        """Plain data (dicts, lists, str, int, Decimal, date) for YAML or editing."""
        return self.model_dump(mode="python", exclude_defaults=False)

    def sections_of(self, kind: str) -> list[tuple[str, Any]]:
        return [(key, s) for key, s in self.sections.items() if s.kind == kind]
