"""Relations, written-out equations: right texts stay silent, one changed figure gives one finding.

Every sentence is written for these tests, in shapes found on real school and union pages.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relation_helpers import figures, pairs


class TestEquations:
    @pytest.mark.parametrize("text", ["共600x30=18000元", "标准1500元x120人=180000元", "80×12人=960(元)", "伙食费80+80+60=220元", "5*8+3*10=70"])
    def test_right_equations_are_silent(self, text):
        assert figures(text) == []

    @pytest.mark.parametrize(
        "text, stated, computed",
        [("共600x30=1800元", 1800, 18000), ("标准1500元x120人=18000元", 18000, 180000), ("80×12人=900(元)", 900, 960),
         ("伙食费80+80+60=180元", 180, 220)],
    )
    def test_wrong_equations(self, text, stated, computed):
        assert pairs(text) == [(stated, computed)]

    @settings(max_examples=60, deadline=None)
    @given(a=st.integers(1, 9999), b=st.integers(1, 999), share=st.integers(1, 100), op=st.sampled_from(["x", "×", "*", "+"]))
    def test_generated_equations(self, a, b, share, op):
        result = a + b if op == "+" else a * b
        slip = max(1, result * share // 100)
        assert figures(f"费用{a}{op}{b}={result}元") == []
        assert pairs(f"费用{a}{op}{b}={result + slip}元") == [(result + slip, result)]

    def test_dimensions_and_quantity_markers_are_not_products(self):
        assert figures("展板规格72*72厘米，投影仪×1，共计3500元。") == []


class TestDifferencesWrittenOut:
    """班费 and canteen accounts write the balance as a subtraction: 2548-1974=574."""

    @pytest.mark.parametrize("text", ["第一学期结余：2548-1974=574", "结余：9600-6964元=2636元", "收入43160.3元-支出14863.8元=28296.5元"])
    def test_right_differences_are_silent(self, text):
        assert figures(text) == []

    def test_a_wrong_difference(self):
        assert pairs("第一学期结余：2548-1974=547") == [(Decimal(547), Decimal(574))]
        assert pairs("收入43160.3元-支出14863.8元=28926.5元") == [(Decimal("28926.5"), Decimal("28296.5"))]

    def test_ranges_and_school_years_are_still_no_figures(self):
        assert figures("2015-2016学年共有20-30人参加，每人100元，共计2500元。") == []


def test_a_product_by_decimals_is_said_at_the_precision_of_its_result():
    text = "按本俸乘以基数再乘以1.5个月计算：38240元×0.85×1.5个月={}元。"
    assert figures(text.format("48756")) == []  # 48756.0 exactly
    (found,) = figures(text.format("48576"))
    assert (found.stated, found.computed) == (48576, 48756) and "48756" in found.message
    text = "年终慰问金为45810元×0.91×1.5个月={}元。"  # 62530.65
    assert figures(text.format("62531")) == []
    (found,) = figures(text.format("62351"))
    assert (found.stated, found.computed) == (62351, 62531) and "按右边的写法为 62531" in found.message


class TestDivisionWrittenOut:
    def test_a_quotient_at_the_written_decimals(self):
        assert figures("甲镇占比33.3%（212/636=0.333），乙镇占比66.7%（424/636=0.667）。") == []
        (found,) = figures("乙镇占比66.7%（424/636=0.676）。")
        assert (found.stated, found.computed) == (Decimal("0.676"), Decimal("0.667")) and "0.667" in found.message

    def test_per_head_written_out(self):
        assert figures("包车每天1万2千元，两天共24000元，每车45人，每人约533元（24000/45=533）。") == []
        assert pairs("每人分摊（24000/40=660）元。") == [(Decimal(660), Decimal(600))]

    def test_a_divisor_inside_a_bigger_expression_is_left_alone(self):
        assert figures("计算：3*(240/8)=91。") == []



class TestEquationsWithNotes:
    @pytest.mark.parametrize("right, wrong", [
        ("班主任津贴总量：300元×8(班级数)×5(月份)=12000元。", "班主任津贴总量：300元×8(班级数)×5(月份)=12800元。"),
        ("聘用一名专职人员3500元/月×12月=42000元。", "聘用一名专职人员3500元/月×12月=24000元。"),
        ("课程研发400元/课时×6门×3课时/门=7200元。", "课程研发400元/课时×6门×3课时/门=2700元。"),
    ])
    def test_a_word_in_brackets_and_a_number_of_months(self, right, wrong):
        assert figures(right) == []
        assert len(figures(wrong)) == 1

    def test_a_date_is_still_a_date(self):
        from kit.quantities import quantities

        assert [q.text for q in quantities("请于12月3日前报送，共3×12月=36个月。")] == ["3", "12月", "36个月"]


def test_a_product_by_a_fraction_written_in_whole_yuan_may_drop_the_jiao():
    text = "减免后每月保教费：中班 340(元)x0.65=221；大班 290(元)x0.65=188"
    assert figures(text) == []  # 221 and 188.5 → 188: fees are charged by the yuan
    assert pairs(text.replace("=221", "=212")) == [(212, 221)]


def test_a_number_of_days_written_with_ri_is_a_factor_not_a_date():
    # 餐点费12元/日×10日: after ×, 10日 counts days (the 日 of a date never follows a multiplication)
    assert figures("应收餐点费：12元/日×10日=120元。") == []
    assert pairs("应收餐点费：12元/日×10日=130元。") == [(130, 120)]
    assert figures("幼儿于3月10日入园，餐点费12元/日，当月应收120元。") == []
