"""The four built-in document types, registered through the same entry points
(``fangan_kit.doctypes`` in pyproject.toml) that an outside package would use."""

from __future__ import annotations

from functools import partial
from importlib.resources import files
from typing import Any

from ..checks import DRAFT_CHECKS, required_sections
from ..yamlio import loads
from . import DocType, SectionSpec


def _starting(name: str) -> dict[str, Any]:
    return loads(files("kit.data.starting").joinpath(f"{name}.yaml").read_text(encoding="utf-8"))


PLAN = DocType(
    name="plan",
    label="建设方案 / 实施方案 / 活动方案",
    description="学校、工会的建设方案、实施方案、活动方案",
    sections=(
        SectionSpec("guiding", "prose", "指导思想"),
        SectionSpec("goals", "targets", "工作目标"),
        SectionSpec("principles", "items", "基本原则"),
        SectionSpec("organisation", "organisation", "组织领导", required=True),
        SectionSpec("activities", "activities", "活动内容"),
        SectionSpec("measures", "items", "主要措施"),
        SectionSpec("steps", "items", "实施步骤"),
        SectionSpec("budget", "ledger", "经费预算"),
        SectionSpec("requirements", "items", "工作要求"),
        SectionSpec("assessment", "prose", "考核验收"),
        SectionSpec("scoring", "scoring", "考核评分标准", help="评分标准：考核项目、分值、一票否决、等次分数线；可作为附件印出"),
    ),
    starting_draft=partial(_starting, "plan"),
    checks=DRAFT_CHECKS + (required_sections(("organisation", "组织领导")),),
)

CONSOLATION = DocType(
    name="consolation",
    label="慰问活动方案",
    description="元旦、春节走访慰问离退休教职工和困难职工的活动方案",
    sections=(
        SectionSpec("purpose", "prose", "活动目的"),
        SectionSpec("organisation", "organisation", "组织领导"),
        SectionSpec("targets", "prose", "慰问对象"),
        SectionSpec("form", "prose", "慰问形式"),
        SectionSpec("budget", "ledger", "慰问费用预算", required=True),
        SectionSpec("group", "prose", "慰问组成员"),
        SectionSpec("time", "prose", "慰问时间"),
        SectionSpec("requirements", "items", "活动要求"),
    ),
    starting_draft=partial(_starting, "consolation"),
    checks=DRAFT_CHECKS + (required_sections(("ledger", "慰问费用预算")),),
)

NOTICE = DocType(
    name="notice",
    label="通知",
    description="上级机关的通知：申报条件、材料、程序、截止时间和工作要求",
    sections=(
        SectionSpec("background", "prose", "通知事由"),
        SectionSpec("eligibility", "items", "申报条件"),
        SectionSpec("thresholds", "thresholds", "收入标准", help="按基数（如低保标准）的百分比或倍数算出的各档标准"),
        SectionSpec("materials", "items", "申报材料"),
        SectionSpec("procedure", "items", "工作程序"),
        SectionSpec("requirements", "items", "工作要求"),
    ),
    starting_draft=partial(_starting, "notice"),
    checks=DRAFT_CHECKS,
)

SUMMARY = DocType(
    name="summary",
    label="工作总结 / 工作汇报",
    description="一个学期或一年工作之后的总结、汇报",
    sections=(
        SectionSpec("basics", "facts", "基本情况", required=True),
        SectionSpec("practice", "items", "主要做法"),
        SectionSpec("activities", "activities", "开展的活动"),
        SectionSpec("results", "prose", "工作成效"),
        SectionSpec("spending", "ledger", "经费使用情况"),
        SectionSpec("problems", "items", "存在问题"),
        SectionSpec("next", "items", "下一步打算"),
    ),
    starting_draft=partial(_starting, "summary"),
    checks=DRAFT_CHECKS + (required_sections(("facts", "基本情况")),),
)
