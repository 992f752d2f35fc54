"""The sample drafts in sample_data/: complete, realistic, and right where they should be."""

from decimal import Decimal

import pytest

from kit.money import share_percent as percent
from kit.cnnum import money_upper
from kit.doctypes import checks_for
from kit.drafts import load_draft
from kit.findings import run_checks
from kit.ledger import compute

from bad_drafts import SAMPLES

D = Decimal
CLEAN = ["liushou_home_plan.yaml", "union_home_plan.yaml", "liushou_summary.yaml"]


def findings_of(name):
    draft = load_draft(SAMPLES / name)
    return draft, run_checks(checks_for(draft.type), draft)


def test_every_sample_loads():
    names = sorted(p.name for p in SAMPLES.glob("*.yaml"))
    assert set(CLEAN) | {"consolation_budget.yaml"} <= set(names)
    for name in names:
        assert load_draft(SAMPLES / name).header.title


@pytest.mark.parametrize("name", CLEAN)
def test_clean_samples_have_no_findings(name):
    _, findings = findings_of(name)
    assert findings == []


def test_worked_budget_keeps_its_authors_error():
    draft, findings = findings_of("consolation_budget.yaml")
    assert [(f.where, f.stated, f.computed) for f in findings] == [
        ("sections.budget.lines[4].stated_subtotal", D("180"), D("220")),
        ("sections.budget.stated_total", D("3280"), D("3320")),
    ]


@pytest.mark.parametrize("name", ["liushou_home_plan.yaml", "liushou_summary.yaml"])
def test_liushou_facts_are_the_schools(name):
    basics = load_draft(SAMPLES / name).sections["basics"]
    assert basics.value("pupils") == 116
    assert basics.value("left_behind") == 17
    assert basics.value("teachers") == 7
    assert basics.value("books") == 358
    (share,) = basics.shares
    assert percent(basics.value(share.part), basics.value(share.whole), share.decimals) == D("14.7")
    assert share.stated_percent == D("14.7")


def test_plan_room_areas_add_up_to_the_floor_area():
    basics = load_draft(SAMPLES / "liushou_home_plan.yaml").sections["basics"]
    (rule,) = basics.sums
    assert rule.parts == ["reading_room", "activity_room", "counselling_room"]
    assert sum(basics.value(p) for p in rule.parts) == basics.value(rule.whole) == D("125")


def test_summary_volunteers_are_one_full_time_and_eight_part_time():
    basics = load_draft(SAMPLES / "liushou_summary.yaml").sections["basics"]
    assert (basics.value("full_time"), basics.value("part_time"), basics.value("volunteers")) == (1, 8, 9)
    assert basics.sums[0].parts == ["full_time", "part_time"]


def test_a_wrong_figure_in_the_plan_facts_would_be_caught():
    from kit.checks.draft_checks import check_facts

    draft = load_draft(SAMPLES / "liushou_home_plan.yaml")
    data = draft.to_data()
    data["sections"]["basics"]["facts"][5]["value"] = D("70")  # reading room 70, total still 125
    data["sections"]["basics"]["shares"][0]["stated_percent"] = D("14.6")
    wrong = type(draft).model_validate(data)
    assert {f.where for f in check_facts(wrong)} == {"sections.basics.sums[0]", "sections.basics.shares[0].stated_percent"}


@pytest.mark.parametrize(
    ("name", "key", "total", "upper"),
    [("liushou_home_plan.yaml", "budget", "9395", "玖仟叁佰玖拾伍元整"), ("liushou_summary.yaml", "spending", "9139.50", "玖仟壹佰叁拾玖元伍角整")],
)
def test_equipment_ledgers_add_up(name, key, total, upper):
    section = load_draft(SAMPLES / name).sections[key]
    result = compute(section)
    assert section.style == "table"
    assert result.total == section.stated_total == D(total)
    assert section.stated_total_upper == money_upper(result.total) == upper
    assert all(r.difference == 0 for r in result.lines)
    names = [line.name for line in section.lines]
    assert names[:4] == ["电脑", "电视机", "亲情电话", "书架"]


def test_summary_spending_stays_within_the_plan_budget_noted_on_each_line():
    from kit.money import format_yuan

    budget = compute(load_draft(SAMPLES / "liushou_home_plan.yaml").sections["budget"])
    planned = {r.line.name: r.subtotal for r in budget.lines}
    spent = compute(load_draft(SAMPLES / "liushou_summary.yaml").sections["spending"])
    assert [r.line.name for r in spent.lines] == list(planned)
    for r in spent.lines:
        assert r.subtotal <= planned[r.line.name]
        assert f"预算{format_yuan(planned[r.line.name])}元" in r.line.note
    assert spent.total < budget.total


def test_plan_has_the_four_once_a_term_duties():
    activities = load_draft(SAMPLES / "liushou_home_plan.yaml").sections["activities"].items
    termly = [a.name for a in activities if a.frequency == "每学期一次"]
    assert termly == ["家访", "谈心", "给监护人打电话", "给父母写信"]
    assert all(a.responsible and a.participants and a.content for a in activities)


def test_plan_organisation_has_leader_office_and_duties():
    org = load_draft(SAMPLES / "liushou_home_plan.yaml").sections["organisation"]
    assert org.leader.title == "校长" and org.leader.name
    assert org.deputies and all(p.title for p in org.members)
    assert org.office.location and org.office.head.name and org.office.members
    assert org.duties


def test_plan_header_and_attachment():
    header = load_draft(SAMPLES / "liushou_home_plan.yaml").header
    assert header.doc_number == "青石小〔2024〕5号"
    assert header.recipient
    (attachment,) = header.attachments
    assert attachment.title.endswith("留守儿童之家管理制度")
    assert len(attachment.paragraphs) >= 3


def test_measures_have_lead_phrases_and_one_has_sub_items():
    items = load_draft(SAMPLES / "liushou_home_plan.yaml").sections["measures"].items
    assert all(i.lead for i in items)
    assert any(i.sub for i in items)


def test_union_plan_rate_targets():
    goals = load_draft(SAMPLES / "union_home_plan.yaml").sections["goals"]
    targets = {t.label: (t.op, t.value) for t in goals.targets}
    assert targets == {
        "教职工入会率": ("≥", D("95")),
        "教职工对工会工作满意率": ("≥", D("90")),
        "教职工参与工会活动的比例": ("≥", D("75")),
        "集体合同签订率": ("=", D("100")),
        "集体合同履约率": ("≥", D("90")),
    }
    assert all(t.unit == "%" for t in goals.targets)


def test_union_plan_steps_are_dated_phases():
    draft = load_draft(SAMPLES / "union_home_plan.yaml")
    assert {"guiding", "goals", "organisation", "measures", "steps", "assessment", "requirements"} <= set(draft.sections)
    assert all("2024年" in item.lead for item in draft.sections["steps"].items)
    assert not draft.sections_of("ledger")


def test_summary_has_the_sections_of_a_summary():
    draft = load_draft(SAMPLES / "liushou_summary.yaml")
    assert [s.kind for s in draft.sections.values()] == ["facts", "items", "activities", "prose", "ledger", "items", "items"]
    assert list(draft.sections) == ["basics", "practice", "activities", "results", "spending", "problems", "next"]
