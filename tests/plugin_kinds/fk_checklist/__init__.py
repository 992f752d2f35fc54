"""A section-kind plugin outside kit/ (tests only): 自查清单, a checklist of items done or not.

Registered through the entry points written by tests/test_section_plugins.py
(a ``.dist-info`` on PYTHONPATH): the kind under ``fangan_kit.sections``, a
document type using it under ``fangan_kit.doctypes``, and a kind that tries
to redefine the built-in ``ledger`` (refused).
"""

from __future__ import annotations

from typing import Any, Literal

from kit.checks import DRAFT_CHECKS
from kit.doctypes import DocType, SectionSpec
from kit.fields import Count, NonEmptyText
from kit.findings import Finding
from kit.model import Model, SectionBase
from kit.sections import SectionKind
from kit.structure import Paragraph, Table


class Check(Model):
    item: NonEmptyText
    done: bool = False


class ChecklistSection(SectionBase):
    kind: Literal["checklist"] = "checklist"
    checks: list[Check] = []
    stated_done: Count | None = None  # “已完成N项” as the author wrote it


def blocks(s: ChecklistSection) -> list:
    rows = tuple((str(n), c.item, "已完成" if c.done else "未完成") for n, c in enumerate(s.checks, 1))
    done = sum(1 for c in s.checks if c.done)
    return [Paragraph(p) for p in s.intro] + [Table(("序号", "自查事项", "完成情况"), rows), Paragraph(f"共{len(s.checks)}项，已完成{done}项。")]


def check_done(s: ChecklistSection, where: str) -> list[Finding]:
    done = sum(1 for c in s.checks if c.done)
    if s.stated_done is not None and s.stated_done != done:
        return [Finding("arithmetic", "error", f"{where}.stated_done", f"已完成项数写作 {s.stated_done}，清单中已完成 {done} 项",
                        rule="PARTS")]
    return []


def recognise(title: str, lines: list) -> dict[str, Any] | None:
    texts = [p.text.strip() for p in lines]
    marked = [t for t in texts if t[:1] in "☑□"]
    if len(marked) < 2:
        return None
    return {"kind": "checklist", "title": title, "checks": [{"item": t[1:].strip(), "done": t[0] == "☑"} for t in marked]}


CHECKLIST = SectionKind(
    "checklist", "自查清单", ChecklistSection, blocks, checks=(check_done,),
    form="fk_checklist.form:ChecklistForm", recognise=recognise, priority=5,
    starting={"checks": [{"item": "【待填】"}]},
)

# Tries to take the built-in name: must be refused, never preferred.
CLASH = SectionKind("ledger", "冒名的经费预算", type("LedgerClash", (SectionBase,), {"__annotations__": {"kind": Literal["ledger"]}, "kind": "ledger"}), blocks)

SELFCHECK = DocType(
    name="selfcheck",
    label="自查报告",
    sections=(SectionSpec("basics", "prose", "基本情况"), SectionSpec("checklist", "checklist", "自查清单", required=True)),
    starting_draft=lambda: {
        "schema_version": 1, "type": "selfcheck",
        "header": {"title": "自查报告", "issuer": "某某学校", "date": "2024-06-01"},
        "sections": {"checklist": {"kind": "checklist", "title": "自查清单", "checks": [{"item": "【待填】"}]}},
    },
    checks=DRAFT_CHECKS,
)
