"""kit.quantities: what is a figure with a unit, and what only looks like one (sentences written for these tests)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kit.quantities import quantities


def read(text: str) -> list[tuple[str, Decimal, str, bool]]:
    return [(q.text, q.value, q.unit, q.exact) for q in quantities(text)]


@pytest.mark.parametrize(
    "text",
    ["九年一贯制学校开学", "三年制专业招生", "2024年9月1日报到", "第3批名单", "13:30集合", "二年级学生", "第二届运动会"],
)
def test_names_dates_and_ordinals_are_no_quantities(text):
    assert read(text) == []


def test_a_school_kind_named_by_its_years_is_not_counted_among_schools():
    assert read("九年一贯制学校3所，特殊教育学校1所") == [("3所", Decimal(3), "所", True), ("1所", Decimal(1), "所", True)]


@pytest.mark.parametrize(
    "text, value, unit",
    [("2.5万元", Decimal(25000), "元"), ("共2 400名学生", Decimal(2400), "人"), ("22.68万元", Decimal(226800), "元"),
     ("一千二百人", Decimal(1200), "人"), ("３６０户", Decimal(360), "户"), ("12.5%", Decimal("12.5"), "%")],
)
def test_scales_units_and_numerals(text, value, unit):
    ((_, got, got_unit, exact),) = read(text)
    assert (got, got_unit, exact) == (value, unit, True)


@pytest.mark.parametrize("text", ["约300人", "近2万元", "500余人", "20-30人", "100人以上"])
def test_approximate_figures_are_never_exact(text):
    assert not any(exact for *_, exact in read(text))  # dropped, or kept as inexact


@pytest.mark.parametrize(
    "text, value",
    [("1万7066人", Decimal(17066)), ("14万6,200元", Decimal(146200)), ("597万8千元", Decimal(5978000)),
     ("4亿224万元", Decimal(402240000)), ("12万1000元", Decimal(121000))],
)
def test_digits_on_both_sides_of_wan_and_yi(text, value):
    ((_, got, _, exact),) = read(text)
    assert (got, exact) == (value, True)


def test_a_colloquial_three_wan_eight_is_not_guessed():
    assert [v for _, v, _, _ in read("大概3万8")] != [Decimal(38000)]


def test_wan_written_apart_from_its_figure_keeps_the_unit_after_it():
    (q,) = quantities("收支总预算 1259.94 万元，")
    assert (q.value, q.unit, q.scale) == (Decimal("12599400"), "元", 10000)
    (q,) = quantities("全县共 3 万人")
    assert (q.value, q.unit) == (Decimal(30000), "人")


def test_thousands_of_yuan_as_budgets_in_taiwan_write_them():
    (q,) = quantities("年终工作奖金1,775千元")
    assert (q.value, q.unit, q.scale) == (Decimal(1775000), "元", 1000)
    (q,) = quantities("全程5千米")  # 千米 is a length, not thousands
    assert q.unit == "公里"


def test_thousands_broken_by_a_space_beside_the_comma_in_money():
    assert [q.value for q in quantities("退休储金1 ,418千元、劳退准备27千元，合计1,445千元")] == [1418000, 27000, 1445000]
    assert [q.value for q in quantities("奖金合计3, 551元。")] == [3551]
    assert [q.value for q in quantities("两校人数分别为12, 345人")] == [12, 345]  # counts: two figures



@pytest.mark.parametrize("text", ["每户发放援助金1000令吉", "每户发放援助金1000港币", "每户发放援助金1000澳门币"])
def test_other_currencies_are_money(text):
    (q,) = quantities(text)
    assert q.is_money and q.value == 1000 and q.per == ("户",)


def test_a_year_after_dao_is_no_range():
    from kit.quantities import quantities
    first = quantities("从2019年的212所到2024年的265所")[0]
    assert (first.value, first.exact) == (212, True)
    assert quantities("每班20到30人")[0].exact is False


def test_duo_before_a_figure_is_by_how_much_not_more_than():
    from kit.quantities import quantities
    assert [q.exact for q in quantities("比上年8.9万元多3.7万元")] == [True, True]
    assert quantities("共收到捐款5万元多")[0].exact is False


def test_xin_gao_da_is_a_new_high_not_as_high_as():
    from kit.quantities import quantities
    assert quantities("销量再创历史新高达6.25亿元")[0].exact is True
    assert quantities("捐款高达6.25亿元")[0].exact is False


def test_thousands_set_off_by_a_space_with_wan_and_decimals():
    from kit.quantities import quantities
    assert [(q.value, q.unit) for q in quantities("预算总资金12 340万元，到位12 415.26万元")] == [
        (Decimal("123400000"), "元"), (Decimal("124152600"), "元")]
    assert [q.value for q in quantities("表中 850 120")] == [850, 120]  # two cells stay two figures


def test_a_digit_before_qian_or_bai_is_thousands_or_hundreds():
    from kit.quantities import quantities
    assert [(q.value, q.unit) for q in quantities("每人6千元，约3百人参加")] == [(6000, "元"), (300, "人")]
    assert quantities("第6千名")== []  # an ordinal stays none


@pytest.mark.parametrize("text, value", [("计￥20,000.00；", 20000), ("公教华小：RM125,500", 125500), ("奖学金NT$12,500", 12500),
                                         ("资助HK$3,000.00", 3000)])
def test_an_amount_after_a_currency_sign_is_money(text, value):
    (q,) = quantities(text)
    assert q.is_money and q.value == value


def test_an_average_per_head_and_month_is_a_rate_per_both():
    rates = [q for q in quantities("以人均每月100元标准，为10名家庭困难职工发放2个月生活补助，计2000元") if q.is_rate]
    assert [q.per for q in rates] == [("人", "月")]


def test_spaced_thousands_after_a_closing_bracket():
    assert [q.value for q in quantities("工作餐（123人，按每人80元标准）9 840元")][-1] == 9840


def test_thousands_set_off_by_a_space_before_other_count_units():
    from kit.quantities import quantities
    assert [(q.value, q.unit) for q in quantities("新购图书1 630册，每册均价30元")] == [(Decimal(1630), "册"), (Decimal(30), "元")]
    assert [q.value for q in quantities("排查隐患1 204处，涉及2 015家")] == [Decimal(1204), Decimal(2015)]
