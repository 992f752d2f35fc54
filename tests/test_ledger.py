"""kit.ledger: exact subtotals and totals, stated figures checked, policy minimums."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kit.cnnum import money_upper, parse_money_upper
from kit.ledger import check_ledger, check_minimums, compute
from kit.model import LedgerSection
from kit.money import MAX_AMOUNT
from kit.yamlio import loads

D = Decimal


def ledger(yaml_text: str) -> LedgerSection:
    """A ledger section from the YAML a user would write."""
    return LedgerSection.model_validate(loads(yaml_text))


WORKED_BUDGET = ledger(
    """
title: 慰问费用预算
total_label: 五项总计
lines:
- {name: 退休教师, kind: per_head, count: 15, components: [{name: 慰问品, amount: 100}], stated_subtotal: 1500}
- name: 困难职工
  kind: per_head
  count: 3
  components: [{name: 慰问金, amount: 100}, {name: 慰问品, amount: 50}]
  stated_subtotal: 450
- name: 生重大病教师
  kind: per_head
  count: 2
  components: [{name: 慰问金, amount: 400}, {name: 慰问品, amount: 50}]
  stated_subtotal: 900
- name: 困难退休教师
  kind: per_head
  count: 1
  components: [{name: 慰问金, amount: 200}, {name: 慰问品, amount: 50}]
  stated_subtotal: 250
- name: 参加慰问人员
  kind: fixed
  components: [{name: 餐费, amount: 80}, {name: 油费, amount: 80}, {name: 香烟, amount: 60}]
  stated_subtotal: 180
stated_total: 3280
"""
)


# -- the worked budget ------------------------------------------------------------


def test_per_head_line_multiplies_count_by_every_component():
    result = compute(WORKED_BUDGET)
    sick = result.lines[2]
    assert sick.per_head == D("450")
    assert sick.subtotal == D("900")
    assert sick.formula == "2人×(慰问金400+慰问品50)"


def test_fixed_line_adds_its_components():
    visitors = compute(WORKED_BUDGET).lines[4]
    assert visitors.per_head is None
    assert visitors.subtotal == D("220")
    assert visitors.formula == "餐费80+油费80+香烟60"


def test_worked_budget_total_is_3320_not_the_stated_3280():
    result = compute(WORKED_BUDGET)
    assert result.total == D("3320")
    assert result.stated_total == D("3280")
    assert result.total_upper == "叁仟叁佰贰拾元整"
    assert result.stated_sum == D("3280")


def test_worked_budget_findings_name_line_5_and_the_total_only():
    findings = check_ledger(WORKED_BUDGET, "sections.budget")
    assert [f.where for f in findings] == ["sections.budget.lines[4].stated_subtotal", "sections.budget.stated_total"]
    line5, total = findings
    assert (line5.stated, line5.computed, line5.difference) == (D("180"), D("220"), D("-40"))
    assert "参加慰问人员" in line5.message and "少写了 40 元" in line5.message
    assert line5.corrected_total == D("3320")
    assert (total.stated, total.computed, total.difference) == (D("3280"), D("3320"), D("-40"))
    assert "叁仟叁佰贰拾元整" in total.suggestion
    assert all(f.severity == "error" and f.kind == "arithmetic" for f in findings)


def test_correct_budget_has_no_findings():
    fixed = WORKED_BUDGET.model_copy(
        update={
            "lines": [*WORKED_BUDGET.lines[:4], WORKED_BUDGET.lines[4].model_copy(update={"stated_subtotal": D("220")})],
            "stated_total": D("3320"),
            "stated_total_upper": "叁仟叁佰贰拾元整",
        }
    )
    assert check_ledger(fixed) == []


def test_overstated_subtotal_says_how_much_too_much():
    section = ledger(
        """
title: 预算
lines:
- {name: 书架, kind: fixed, components: [{name: 书架, amount: 1600}], stated_subtotal: 1660}
"""
    )
    (finding,) = check_ledger(section)
    assert finding.difference == D("60")
    assert "多写了 60 元" in finding.message


def test_nothing_stated_means_nothing_to_check():
    section = ledger(
        """
title: 预算
lines:
- {name: 退休教师, kind: per_head, count: 15, components: [{name: 慰问品, amount: 100}]}
"""
    )
    assert check_ledger(section) == []
    assert compute(section).total == D("1500")


# -- 大写 ---------------------------------------------------------------------


def test_wrong_uppercase_total_is_a_finding_with_its_value():
    section = WORKED_BUDGET.model_copy(update={"stated_total": None, "stated_total_upper": "叁仟贰佰捌拾元整"})
    findings = [f for f in check_ledger(section) if f.where.endswith("stated_total_upper")]
    (finding,) = findings
    assert finding.severity == "error"
    assert finding.stated == D("3280") and finding.computed == D("3320")
    assert finding.suggestion == "叁仟叁佰贰拾元整"


def test_unreadable_uppercase_total_is_a_finding():
    section = WORKED_BUDGET.model_copy(update={"stated_total": None, "stated_total_upper": "三千三百二十块"})
    (finding,) = [f for f in check_ledger(section) if f.where.endswith("stated_total_upper")]
    assert "无法识别" in finding.message
    assert finding.suggestion == "叁仟叁佰贰拾元整"


def test_uppercase_right_in_value_but_nonstandard_is_a_warning():
    section = WORKED_BUDGET.model_copy(update={"stated_total": None, "stated_total_upper": "人民币叁仟叁佰贰拾圆整"})
    (finding,) = [f for f in check_ledger(section) if f.where.endswith("stated_total_upper")]
    assert finding.severity == "warning"
    assert finding.suggestion == "叁仟叁佰贰拾元整"


# -- policy minimums -----------------------------------------------------------------

WITH_MINIMUMS = """
title: 慰问费用预算
lines:
- {name: 离休干部, kind: per_head, count: 2, category: 离休, components: [{name: 慰问金, amount: 200}, {name: 慰问品, amount: 50}]}
- {name: 退休教师, kind: per_head, count: 15, category: 退休, components: [{name: 慰问品, amount: 100}]}
- {name: 退休职工, kind: per_head, count: 4, category: 退休, components: [{name: 慰问金, amount: 150}, {name: 慰问品, amount: 50}]}
- {name: 困难职工, kind: per_head, count: 3, components: [{name: 慰问金, amount: 100}]}
minimums:
- {category: 离休, per_head: 300, basis: 县委老干部局通知}
- {category: 退休, per_head: 200}
"""


def test_lines_below_policy_minimum_are_findings():
    findings = check_minimums(ledger(WITH_MINIMUMS), "sections.budget")
    assert [f.where for f in findings] == ["sections.budget.lines[0]", "sections.budget.lines[1]"]
    retired_cadres, retired_teachers = findings
    assert retired_cadres.kind == "minimum" and retired_cadres.severity == "error"
    assert (retired_cadres.stated, retired_cadres.computed, retired_cadres.difference) == (D("250"), D("300"), D("-50"))
    assert "离休" in retired_cadres.message and "县委老干部局通知" in retired_cadres.message
    assert retired_teachers.stated == D("100") and retired_teachers.computed == D("200")


def test_line_exactly_at_the_minimum_passes():
    findings = check_minimums(ledger(WITH_MINIMUMS))
    assert all("退休职工" not in f.message for f in findings)  # 150 + 50 = 200


def test_minimums_are_part_of_check_ledger():
    assert [f.kind for f in check_ledger(ledger(WITH_MINIMUMS))] == ["minimum", "minimum"]


# -- exactness --------------------------------------------------------------------


def test_results_are_decimal_everywhere():
    result = compute(ledger(WITH_MINIMUMS))
    values = [result.total, result.stated_sum]
    for r in result.lines:
        values += [r.subtotal, r.per_head]
    assert all(isinstance(v, Decimal) for v in values)
    for finding in check_ledger(WORKED_BUDGET) + check_ledger(ledger(WITH_MINIMUMS)):
        for v in (finding.stated, finding.computed, finding.difference, finding.corrected_total):
            assert v is None or isinstance(v, Decimal)


def test_fen_amounts_add_exactly():
    section = ledger(
        """
title: 预算
lines:
- {name: 文具, kind: per_head, count: 3, components: [{name: 笔, amount: 0.10}, {name: 本, amount: 0.20}]}
- {name: 邮费, kind: fixed, components: [{name: 邮票, amount: 1.10}, {name: 信封, amount: 2.20}]}
stated_total: 4.20
"""
    )
    result = compute(section)
    assert result.lines[0].subtotal == D("0.90")  # 0.1 + 0.2 is not 0.3 in floats
    assert result.lines[1].subtotal == D("3.30")
    assert result.total == D("4.20")
    assert str(result.total) == "4.20"
    assert check_ledger(section) == []


def test_subtotals_are_quantized_to_the_fen():
    section = ledger("title: 预算\nlines:\n- {name: 餐费, kind: per_head, count: 7, components: [{name: 餐费, amount: 12.5}]}\n")
    assert str(compute(section).lines[0].subtotal) == "87.50"


# -- properties -------------------------------------------------------------------

amounts = st.decimals(min_value=0, max_value=D("99999.99"), places=2)
component = st.fixed_dictionaries({"name": st.sampled_from(["慰问金", "慰问品", "餐费", "油费", "书架"]), "amount": amounts})
per_head_line = st.fixed_dictionaries(
    {"name": st.just("对象"), "kind": st.just("per_head"), "count": st.integers(0, 5000), "components": st.lists(component, min_size=1, max_size=4)}
)
fixed_line = st.fixed_dictionaries({"name": st.just("杂费"), "kind": st.just("fixed"), "components": st.lists(component, min_size=1, max_size=4)})
sections = st.lists(st.one_of(per_head_line, fixed_line), max_size=12).map(
    lambda lines: LedgerSection.model_validate({"title": "预算", "lines": lines})
)


@given(sections)
def test_total_is_the_sum_of_the_subtotals_for_any_ledger(section):
    result = compute(section)
    assert result.total == sum((r.subtotal for r in result.lines), D(0))
    for r in result.lines:
        components = sum((c.amount for c in r.line.components), D(0))
        expected = components * r.line.count if r.line.kind == "per_head" else components
        assert r.subtotal == expected
        assert isinstance(r.subtotal, Decimal)
    assert isinstance(result.total, Decimal)


@given(sections)
def test_stating_the_computed_figures_gives_no_arithmetic_findings(section):
    result = compute(section)
    stated = section.model_copy(
        update={
            "lines": [r.line.model_copy(update={"stated_subtotal": r.subtotal}) for r in result.lines],
            "stated_total": result.total,
            "stated_total_upper": money_upper(result.total),
        }
    )
    assert check_ledger(stated) == []


@given(sections.filter(lambda s: len(s.lines) > 0), st.data())
def test_one_wrong_subtotal_is_reported_with_its_gap(section, data):
    result = compute(section)
    index = data.draw(st.integers(0, len(section.lines) - 1))
    gap = data.draw(st.decimals(min_value=D("0.01"), max_value=D("500"), places=2))
    lines = [r.line.model_copy(update={"stated_subtotal": r.subtotal}) for r in result.lines]
    lines[index] = lines[index].model_copy(update={"stated_subtotal": result.lines[index].subtotal + gap})
    findings = check_ledger(section.model_copy(update={"lines": lines, "stated_total": result.total}))
    (finding,) = findings
    assert finding.where == f"ledger.lines[{index}].stated_subtotal"
    assert finding.difference == gap
    assert finding.corrected_total == result.total


@settings(max_examples=300)
@given(st.decimals(min_value=0, max_value=MAX_AMOUNT, places=2))
def test_uppercase_to_amount_to_uppercase_round_trips(amount):
    upper = money_upper(amount)
    assert parse_money_upper(upper) == amount
    assert money_upper(parse_money_upper(upper)) == upper


@pytest.mark.parametrize(
    ("amount", "upper"),
    [("3280", "叁仟贰佰捌拾元整"), ("3320", "叁仟叁佰贰拾元整"), ("9395", "玖仟叁佰玖拾伍元整"), ("9139.50", "玖仟壹佰叁拾玖元伍角整")],
)
def test_uppercase_of_the_sample_totals(amount, upper):
    assert money_upper(D(amount)) == upper
    assert parse_money_upper(upper) == D(amount)
