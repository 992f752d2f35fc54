"""The checklist's form: built from kit.widgets' pieces, no change to kit/."""

from __future__ import annotations

from kit.widgets.forms import SectionForm, record_list


class ChecklistForm(SectionForm):
    kind = "checklist"

    def body(self):
        specs = (("item", "自查事项", "text", False), ("done", "已完成（是/否）", "choice:是|否", True))
        return [record_list(self.ctx, self.base + ("checks",), specs[:1], "自查事项", "check", lambda n: {"item": "【待填】"}, "check-")]
