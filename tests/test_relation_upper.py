"""Relations, 大写 beside its figure: right texts stay silent, one changed figure gives one finding.

Every sentence is written for these tests, in shapes found on real school and union pages.
"""

from __future__ import annotations

from decimal import Decimal

from relation_helpers import figures, pairs


class TestUpper:
    def test_upper_beside_its_figure(self):
        assert figures("申请补助3320元（大写：叁仟叁佰贰拾元整）。") == []
        (found,) = figures("申请补助3320元（大写：叁仟贰佰捌拾元整）。")
        assert (found.stated, found.computed) == (3280, 3320) and "叁仟叁佰贰拾元整" in found.suggestion


def test_a_upper_after_a_comma_beside_its_figure():
    assert figures("共计人民币：小写5136元，大写：伍仟壹佰叁拾陆元整。") == []
    (found,) = figures("共计人民币：小写5163元，大写：伍仟壹佰叁拾陆元整。")
    assert (found.stated, found.computed) == (Decimal(5136), Decimal(5163))


def test_the_upper_amount_first_and_the_figure_in_brackets():
    from relation_helpers import pairs
    assert pairs("全体教职工捐款共贰仟叁佰陆拾伍圆（小写2365.00元）。") == []
    assert pairs("全体教职工捐款共贰仟叁佰陆拾伍圆（小写2635.00元）。") == [(2635, 2365)]


def test_a_figure_in_wan_beside_the_upper_is_that_amount_rounded():
    text = "两项合计153460元，即15.35万元（大写：壹拾伍万叁仟肆佰陆拾元整）。"
    assert figures(text) == []
    assert pairs(text.replace("叁仟肆佰陆拾", "叁仟捌佰陆拾")) == [(153860, 153500)]


def test_a_traditional_can_written_three_in_an_upper_amount():
    assert figures("經費預算合計201339.28元（大寫：貳拾萬壹仟參佰參拾玖元貳角捌分）。") == []
    assert pairs("經費預算合計201339.28元（大寫：貳拾萬壹仟參佰參拾捌元貳角捌分）。") == [(Decimal("201338.28"), Decimal("201339.28"))]


def test_an_upper_amount_beside_a_total_with_no_lines_is_checked_alone():
    assert pairs("经费预算合计3620元（大写：叁仟陆佰贰拾壹元整）。") == [(3621, 3620)]
