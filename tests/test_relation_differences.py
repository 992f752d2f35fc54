"""Relations, differences, growth, balances and ratios: right texts stay silent, one changed figure gives one finding.

Every sentence is written for these tests, in shapes found on real school, union and statistics pages.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relation_helpers import figures, pairs

D = Decimal


class TestDifferences:
    def test_a_compared_with_b(self):
        assert figures("今年支出1095.67万元比去年支出1060.87万元增加34.80万元。") == []
        assert pairs("今年支出1095.67万元比去年支出1060.87万元增加3.48万元。") == [(34800, 348000)]
        assert figures("今年招生500人，比去年的400人增长25%。") == []
        assert pairs("今年招生500人，比去年的400人增长20%。") == [(20, 25)]

    def test_growth_over_last_year_from_the_change(self):
        assert figures("全县有幼儿园5138所，比上年增加105所，增长2.09%。") == []
        assert pairs("全县有幼儿园5138所，比上年增加105所，增长2.90%。") == [(D("2.90"), D("2.09"))]
        assert figures("在校生58408人，比上年减少491人，下降0.83%。") == []

    def test_rounded_figures_in_wan_allow_what_rounding_allows(self):
        assert figures("幼儿园16.70万所，比上年减少1.06万所，下降5.98%。") == []  # 5.95 % to 6.00 % are all possible
        assert figures("经费45.91万元，其中上级拨款30.79万元，自筹15.12万元。") == []  # 45.91 against 45.91

    def test_no_base_no_check(self):
        assert figures("比上年增加5万元，增长10%。") == []

    @settings(max_examples=50, deadline=None)
    @given(last=st.integers(100, 100000), change=st.integers(10, 5000))
    def test_generated_growth(self, last, change):
        from decimal import ROUND_HALF_UP

        now = last + change
        rate = (D(change) * 100 / last).quantize(D("0.01"), rounding=ROUND_HALF_UP)
        assert figures(f"学生{now}人，比上年增加{change}人，增长{rate}%。") == []
        wrong = rate * 2 if rate >= D("0.10") else rate + D("0.01")  # a plausible slip: at most double the rate
        assert pairs(f"学生{now}人，比上年增加{change}人，增长{wrong}%。") == [(wrong, rate)]


class TestBalancesAndRatios:
    def test_income_spending_balance(self):
        assert figures("本年收入12.5万元，支出10.2万元，结余2.3万元。") == []
        assert pairs("本年收入12.5万元，支出10.2万元，结余2.5万元。") == [(25000, 23000)]

    def test_a_carried_over_balance_is_left_alone(self):
        assert figures("上年结余1万元，本年收入12.5万元，支出10.2万元，结余3.3万元。") == []

    @pytest.mark.parametrize("text", ["生师比328:31=10.58:1", "师生比为1:17"])
    def test_right_ratios(self, text):
        assert figures(text) == []

    def test_a_wrong_ratio(self):
        assert pairs("生师比328:31=10.85:1") == [(D("10.85"), D("10.58"))]


class TestFromTo:
    """从A减少至B，减少了C — and a base written in brackets after 比."""

    def test_from_to_and_the_change(self):
        text = "全县辍学学生已从今年3月底的1.8万人减少至0.6万人，减少了{}万人。"
        assert figures(text.format("1.2")) == []
        (found,) = figures(text.format("2.1"))
        assert (found.stated, found.computed) == (Decimal(21000), Decimal(12000)) and "1.2万人" in found.message

    def test_a_base_in_brackets(self):
        text = "2024届毕业生月均收入4210元，比2023届（3986元）增长了{}元。"
        assert figures(text.format("224")) == []
        assert pairs(text.format("242")) == [(Decimal(242), Decimal(224))]


def test_figures_written_with_digits_around_wan():
    text = "今年获得A等的有1万2066人，比去年的1万2619人减少{}人。"
    assert figures(text.format(553)) == []
    assert pairs(text.format(535)) == [(535, 553)]


class TestComparedWithJiao:
    """较/相较 as well as 比; the rate after a change is the change over the base; a sentence that opens with
    与上年相比 speaks of the figure the sentence before states."""

    def test_jiao_like_bi(self):
        text = "今年全镇小学一年级新生2万1468人，较去年2万2301人减少{}人。"
        assert figures(text.format(833)) == []
        assert pairs(text.format(883)) == [(883, 833)]

    def test_the_adverb_bijiao_is_no_comparison(self):
        assert figures("今年报名人数比较多，共412人，较为集中，比较去年的380人略有增加。") == []

    def test_the_rate_after_a_change_that_holds(self):
        text = "初一新生3310人，相较上学年2875人，增加435人，增长了{}%。"
        assert figures(text.format("15.1")) == []  # 435 / 2875 = 15.13 %
        assert pairs(text.format("15.8")) == [(D("15.8"), D("15.1"))]
        assert figures("幼儿园在园幼儿1236人，比上年1310人减少74人，下降5.65%。") == []
        assert pairs("幼儿园在园幼儿1236人，比上年1310人减少74人，下降6.55%。") == [(D("6.55"), D("5.65"))]

    @settings(max_examples=40, deadline=None)
    @given(base=st.integers(200, 90000), change=st.integers(5, 3000))
    def test_generated_rates_after_a_change(self, base, change):
        from decimal import ROUND_HALF_UP

        rate = (D(change) * 100 / base).quantize(D("0.1"), rounding=ROUND_HALF_UP)
        text = "全区在校生{}人，较上年{}人增加{}人，增长{}%。"
        assert figures(text.format(base + change, base, change, rate)) == []
        wrong = rate + D("0.3")
        assert pairs(text.format(base + change, base, change, wrong)) == [(wrong, rate)]

    def test_a_sentence_opening_with_last_year_speaks_of_the_figure_before(self):
        text = "2024年度本校收、支总计均为688.20万元。与2023年度相比，收、支总计各减少51.80万元，下降{}%。"
        assert figures(text.format("7.0")) == []  # 51.80 / 740.00 = 7.0 %
        (found,) = figures(text.format("7.6"))
        assert (found.stated, found.computed) == (D("7.6"), D("7.0")) and "740万元" in found.message
        assert figures("2025年部门收入预算215.6万元。收入较去年增加15.6万元，增长7.8%。") == []  # 15.6 / 200
        assert pairs("2025年部门收入预算215.6万元。收入较去年增加15.6万元，增长8.7%。") == [(D("8.7"), D("7.8"))]

    def test_two_figures_before_need_the_name(self):
        assert figures("2025年收入预算215.6万元，支出预算210万元。较去年增加15.6万元，增长8.7%。") == []  # which one?
        assert pairs("2025年收入预算215.6万元，支出预算210万元。支出较去年增加15.6万元，增长8.7%。") == [(D("8.7"), D("8.0"))]

    def test_a_base_named_by_its_year(self):
        text = "2025年财政拨款收支总预算 986.40 万元，比2024年预算增加 36.40 万元，增长{}%。"
        assert figures(text.format("3.8")) == []  # 36.40 / 950.00
        (found,) = figures(text.format("8.3"))
        assert (found.stated, found.computed) == (D("8.3"), D("3.8")) and "950万元" in found.message

    def test_totals_named_apart_before_a_sentence_naming_both(self):
        text = "2025年度收入总计1520.60万元、支出总计1520.60万元。与2024年相比，收、支总计各增加120.60万元，增长{}%。"
        assert figures(text.format("8.6")) == []  # 120.60 / 1400.00
        assert pairs(text.format("6.8")) == [(D("6.8"), D("8.6"))]

    def test_year_on_year_after_a_share(self):
        text = "2025年支出总预算1185.53万元，基本支出预算89.52万元，占支出总预算的7.55%，同比增加40.34万元，同比增长{}%。"
        assert figures(text.format("82.03")) == []  # 40.34 / 49.18
        assert pairs(text.format("80.23")) == [(D("80.23"), D("82.03"))]

    def test_an_aside_in_brackets_and_a_named_growth_rate(self):
        text = "全市上重点线人数6830人（文科1620人，理科5210人），比去年增加430人，增长率为{}%。"
        assert figures(text.format("6.7")) == []  # 430 / 6400
        assert pairs(text.format("7.6")) == [(D("7.6"), D("6.7"))]



class TestChangesOfRatesAndBudgets:
    """Percentage points between two rates, a change stated in a later clause or by its name, and the figure
    planned against the one done (完成预算的…%, 比预算数多…)."""

    def test_percentage_points_between_two_rates(self):
        text = "本学年全校学生近视率为48.3%，全校学生近视率较上学年（50.1%）下降{}个百分点。"
        assert figures(text.format("1.8")) == []
        assert figures(text.format("1.9")) == []  # each rate is rounded: one step either way may be right
        (found,) = figures(text.format("2.8"))
        assert (found.stated, found.computed) == (D("2.8"), D("1.8")) and "1.8个百分点" in found.message

    def test_points_are_not_a_growth_rate(self):
        assert figures("合格率为96.5%，比上年（94.5%）提高2%。") == []  # points or a rate of a rate: not sure
        assert figures("参加测试的学生为96人，比上年提高2个百分点。") == []  # no rate before the comparison

    def test_a_clause_comparing_the_totals_named_before_it(self):
        text = "本园2025年收入总计826.40万元，支出总计826.40万元，与2024年相比，收支总计各增加66.40万元，增长{}%。"
        assert figures(text.format("8.74")) == []  # 66.40 / 760.00
        assert pairs(text.format("8.47")) == [(D("8.47"), D("8.74"))]

    def test_a_sentence_naming_the_totals_before_last_year(self):
        text = "2025年度收入总计420.50万元，支出总计420.50万元。收支较上年决算数减少79.50万元、减少{}%。"
        assert figures(text.format("15.9")) == []  # 79.50 / 500.00
        assert pairs(text.format("19.5")) == [(D("19.5"), D("15.9"))]
        text = "2025年度收、支总计均为180.60万元。收、支与2024年度相比，减少19.40万元，下降{}%。"
        assert figures(text.format("9.7")) == []  # 19.40 / 200.00
        assert pairs(text.format("7.9")) == [(D("7.9"), D("9.7"))]

    def test_two_different_figures_before_the_clause_leave_it_alone(self):
        assert figures("本年招生420人，毕业380人，与上年相比，增加20人，增长9.9%。") == []

    def test_the_change_of_a_figure_named_earlier(self):
        text = ("全年“三公”经费支出决算为64.20万元。其中：公务用车运行维护费支出决算为40.50万元；公务接待费支出决算为"
                "23.70万元。\n与上年相比，公务用车运行维护费支出决算减少4.50万元，下降{}%；公务接待费支出决算增加3.70万元，增长18.5%。")
        assert figures(text.format("10.0")) == []  # 4.50 / 45.00
        assert pairs(text.format("1.0")) == [(D("1.0"), D("10.0"))]

    def test_a_name_that_may_be_the_figure_before_the_change(self):
        # the 2026 budget against the 2025 spending: the figure named is the base, and the rate fits it
        text = ("2026年公务接待预算为9万元。\n2025年公务接待支出为7.50万元。\n"
                "2026年预算较2025年度增加1.50万元，其中公务接待支出较上年同期增加1.50万元，增长20%。")
        assert figures(text) == []

    def test_the_budget_and_what_was_spent(self):
        text = "本年度公务接待费支出预算为12万元，支出决算为8.16万元，完成预算的{}%。"
        assert figures(text.format("68")) == []
        (found,) = figures(text.format("86"))
        assert (found.stated, found.computed) == (D("86"), D("68")) and "完成率" in found.message

    def test_more_than_the_budget_then_the_rate_done(self):
        text = "本年度工会预算收入150.00万元，实际收入为172.80万元，比预算数多{}万元，预算完成率为{}%。"
        assert figures(text.format("22.80", "115.20")) == []
        assert pairs(text.format("28.20", "115.20")) == [(282000, 228000)]
        assert pairs(text.format("22.80", "112.50")) == [(D("112.50"), D("115.20"))]

    def test_saved_against_the_budget(self):
        text = "全年“三公”经费预算为36.5万元，全年实际开支34.25万元，比当年预算节省了{}万元。"
        assert figures(text.format("2.25")) == []
        assert pairs(text.format("2.52")) == [(25200, 22500)]

    def test_an_added_budget_is_not_the_budget(self):
        assert figures("年初预算为30万元，追加预算5万元，决算为28万元，完成预算的80%。") == []  # 28 / 35

    def test_a_change_over_recent_years_with_its_rate(self):
        text = "本县随迁子女现有1.86万人，近5年增加了0.36万人，增幅为{}%。"
        assert figures(text.format("24.0")) == []  # 0.36 / 1.50
        (found,) = figures(text.format("42.0"))
        assert (found.stated, found.computed) == (D("42.0"), D("24.0")) and "1.5万人" in found.message

    def test_a_change_of_a_rate_written_in_percent(self):
        text = "今年本科录取率88.46%，相较于去年的86.21%提高了{}%。"
        assert figures(text.format("2.25")) == []  # points
        assert figures(text.format("2.61")) == []  # relative: 2.25 / 86.21
        assert pairs(text.format("2.52")) == [(D("2.52"), D("2.25"))]  # neither, one swap from the points
        assert figures(text.format("3.50")) == []  # neither, and no slip of either: not sure what was meant

    def test_a_short_name_after_a_semicolon_in_the_same_paragraph(self):
        text = ("2025年，街道收入总计640.50万元、支出总计598.20万元，与上年相比，收入总计增加40.50万元，增长6.75%；"
                "支出总计增加48.20万元，增长{}%。")
        assert figures(text.format("8.76")) == []  # 48.20 / 550.00
        assert pairs(text.format("8.67")) == [(D("8.67"), D("8.76"))]

    def test_from_one_year_to_another_with_the_rate(self):
        text = "全县资助金额从2019年的1250.40万元，增加至2024年的1688.04万元，增长了{}%。"
        assert figures(text.format("35.00")) == []  # 437.64 / 1250.40
        assert pairs(text.format("53.00")) == [(D("53.00"), D("35.00"))]
        text = "其中，县级财政投入从 2015 年的 320 亿元，增加到 2024 年的 {} 亿元，增长 {}%。"
        assert figures(text.format(640, 100)) == []  # years and 亿 written with spaces
        assert pairs(text.format(604, 100)) == [(100, 89)]  # 284 / 320 = 88.75 %

    def test_higher_or_lower_than(self):
        text = "本校及格率为91.6%，比全县平均（87.2%）高{}个百分点。"
        assert figures(text.format("4.4")) == []
        assert pairs(text.format("4.8")) == [(D("4.8"), D("4.4"))]
        assert pairs("今年人均收入5200元，比去年的4800元低400元。") == []  # higher, said lower: not read as this

    def test_the_figure_before_a_change_over_recent_years_may_be_its_base(self):
        assert figures("本科学历教师2019年为1862人，近5年增加了155人，增幅为8.3%。") == []  # 155 / 1862
        text = "2025年全县教职工预算收支总计均为1151.80万元。与上年相比，收支总计各增加29.60万元，增长{}%。"
        assert pairs(text.format("2.57")) == [(D("2.57"), D("2.64"))]  # with 与上年相比 it is this year's figure

    def test_against_the_budget_at_the_start_of_the_year(self):
        text = "2025年“三公”经费预算为24万元。2025年“三公”经费支出共计15.36万元，较年初预算数减少8.64万元，下降{}%。"
        assert figures(text.format("36")) == []  # 8.64 / 24.00
        assert pairs(text.format("63")) == [(63, 36)]

    def test_a_year_and_a_long_name_before_the_comparison(self):
        text = ("2025年度本单位“三公”经费决算6.4万元。经比较，2025年度本单位“三公”经费较上年决算减少1.6万元，"
                "下降{}%。")
        assert figures(text.format("20")) == []  # 1.6 / 8.0
        assert pairs(text.format("25")) == [(25, 20)]

    def test_a_change_of_something_not_named_before_is_left_alone(self):
        text = ("2025年度收入总计321.30万元，支出总计321.30万元。主要原因是本年度财政拨款收入较上年决算数减少58.94万元，"
                "下降16.7%。")
        assert figures(text) == []  # 财政拨款收入 is not the total before

    def test_a_clause_of_changes_looks_further_back(self):
        text = ("2025年度本单位“三公”经费决算5.4万元。经比较，2025年度本单位“三公”经费较上年决算数减少0.06万元，"
                "下降1.1%；较年初预算数减少2.6万元，下降32.5%。")
        assert figures(text) == []  # 2.6 / 8.0; the 0.06 before is a change, not the figure now

    def test_over_the_budget(self):
        text = "本校2025年预算总收入为3.17亿，而决算总收入达到了3.74亿，超出预算{}亿元。"
        assert figures(text.format("0.57")) == []
        assert pairs(text.format("0.75")) == [(75000000, 57000000)]

    def test_a_rate_from_one_year_to_another_in_points(self):
        text = "全县学前三年毛入园率由2015年的71.4%提高到2025年的92.6%，增长了{}个百分点。"
        assert figures(text.format("21.2")) == []
        assert pairs(text.format("12.2")) == [(D("12.2"), D("21.2"))]

    def test_what_the_first_figure_counts_and_the_rate_said_as_equal_to(self):
        assert pairs("本校今年招收73位初一新生，比去年的66人增加了9人。") == [(9, 7)]
        text = "全镇3所小学今年招收新生180名，较去年的225名新生减少了45人，相等于{}%。"
        assert figures(text.format("20.0")) == []  # 45 / 225
        assert pairs(text.format("25.0")) == [(D("25.0"), D("20.0"))]  # 45 / 180: over the wrong year


def test_a_rate_in_brackets_right_after_a_change_is_the_rate_of_that_change():
    text = "全县今年参加考试的学生8460名，较去年9120人少660人（7.24%）。"
    assert figures(text) == []
    found = figures(text.replace("（7.24%）", "（7.42%）"))
    assert [(f.stated, f.computed) for f in found] == [(Decimal("7.42"), Decimal("7.24"))]  # of last year's 9120, not of 8460


class TestChangesWrittenPlainly:
    def test_duo_followed_by_the_amount_says_by_how_much(self):
        text = "今年关工委募集助学款12.6万元，比上年8.9万元多3.7万元；资助学生31名，比上年24人多7人。"
        assert figures(text) == []
        assert pairs(text.replace("多3.7万元", "多3.1万元")) == [(31000, 37000)]

    def test_a_verb_with_an_adverb_after_the_thing_counted(self):
        text = "11月底的小学学位空缺为1204个，较10月底的1,530个空缺大减326个。"
        assert figures(text) == []
        assert pairs(text.replace("大减326", "大减362")) == [(362, 326)]

    def test_the_rate_after_a_change_from_one_years_figure_to_anothers(self):
        text = "五年来，全市寄宿制学校从2019年的212所到2024年的265所，增加53所，增幅25%。"
        assert figures(text) == []
        assert pairs(text.replace("增幅25%", "增幅52%")) == [(52, 25)]


class TestNamedRatios:
    def test_a_ratio_of_the_two_figures_before_it(self):
        text = "从性别看，男生1130人，女生602人，男女毕业生比例为1.88:1。"
        assert figures(text) == []
        assert pairs(text.replace("1.88:1", "1.83:1")) == [(Decimal("1.83"), Decimal("1.88"))]

    def test_either_order_fits(self):
        assert figures("学校有专任教师96人，在校学生1452人，生师比为15.13:1。") == []
        assert pairs("学校有专任教师96人，在校学生1452人，生师比为15.31:1。") == [(Decimal("15.31"), Decimal("15.13"))]

    def test_a_ratio_far_from_both_readings_is_left_alone(self):
        assert figures("男生1130人，女生602人，全校师生比为12.5:1。") == []


class TestGrowthFromOneYearToAnother:
    def test_two_years_figures_and_the_rate_between_them(self):
        text = "全市中职毕业生数量稳步增加。2019年全市中职毕业生总计18240人，2023年总计20612人，增长率为13.00%。"
        assert figures(text) == []
        assert pairs(text.replace("增长率为13.00%", "增长率为31.00%")) == [(31, 13)]

    def test_a_decrease_written_as_xiajiang_le(self):
        text = "2018年全县小学在校生为35620人，2023年在校生为29874人，下降了16.13%。"
        assert figures(text) == []
        assert pairs(text.replace("16.13%", "16.31%")) == [(Decimal("16.31"), Decimal("16.13"))]


def test_last_years_figure_and_the_change_give_the_rate_when_this_years_is_in_another_sentence():
    text = "今年全区教育经费总投入86.40亿元，占全市的12.5%。比上年的78.20亿元增加8.20亿元，增长10.49%，高于全市增幅。"
    assert figures(text) == []  # 8.20 / 78.20
    assert pairs(text.replace("增长10.49%", "增长10.94%")) == [(D("10.94"), D("10.49"))]
    assert figures("学生人数较2022年的1250人减少了50人，下降4%。") == []
    assert pairs("学生人数较2022年的1250人减少了50人，下降5%。") == [(5, 4)]


def test_a_ratio_is_not_of_a_whole_and_its_own_part():
    text = "学校现有在编专任教师120名，其中本科及以上学历99名，占82.50%；生师比为12.6:1。"
    assert figures(text) == []  # 120 and its 99 are both teachers: 生师比 is of the pupils counted elsewhere
    text = "动物医学专业计划招生40人，报考人数达到了1590人，报录比达到{}:1。"
    assert figures(text.format("39.75")) == []
    assert pairs(text.format("39.57")) == [(D("39.57"), D("39.75"))]


def test_the_figure_before_bi_shang_nian_may_be_last_years_itself():
    text = "2027年预算支出合计490.96万元，上年预算数531.35万元，比上年减少40.39万元，下降{}%。"
    assert figures(text.format("7.60")) == []  # 40.39 of 531.35: the figure before 比 is last year's
    assert pairs(text.format("7.06")) == [(D("7.06"), D("7.60"))]


def test_a_month_end_balance_carries_what_was_left_before():
    text = "（一）上月结余2,458.67元。\n（二）本月收入合计38,803.32元，支出合计18,579.23元，月末余额22,682.76元。"
    assert figures(text) == []  # 2,458.67 + 38,803.32 − 18,579.23
    assert pairs("本月收入合计38,803.32元，支出合计18,579.23元，结余20,242.09元。") == [(D("20242.09"), D("20224.09"))]


@pytest.mark.parametrize("text, stated, computed", [
    ("综合楼工程送审金额1,386,420.50元，审定金额1,254,307.80元，审减金额{}元，审减率9.53%。", "132,112.70", "132112.70"),
    ("食堂改造工程施工结算价865,240.00元，经审计，审定结算价为802,115.36元，多计工程价款{}元。", "63,124.64", "63124.64"),
    ("全年采购预算金额为3256.80万元，实际采购金额为3012.45万元，节约资金{}万元。", "244.35", "2443500"),
])
def test_asked_allowed_and_the_cut_between_them(text, stated, computed):
    assert figures(text.format(stated)) == []
    slipped = stated[:-2] + stated[-1] + stated[-2]  # the last two digits swapped
    (finding,) = figures(text.format(slipped))
    assert finding.computed == Decimal(computed)


def test_a_figure_said_to_be_last_years_is_the_base_of_the_rate():
    text = "开设5个班，计划招收175名（上年4个班，比上年增加1个班，增长{}%）。"
    assert figures(text.format("25.0")) == []
    assert pairs(text.format("20.0")) == [(Decimal("20.0"), Decimal("25.0"))]
    text = "合计131200元。说明：上年实际支出9.22万元，比上年增加3.9万元，增长{}%。"
    assert figures(text.format("42.30")) == [] and pairs(text.format("24.30")) == [(Decimal("24.30"), Decimal("42.30"))]
    # a year names this year's figure: the rate is over the figure less the change
    assert pairs("2023年收入100万元，比上年增加20万元，增长20%。") == [(Decimal(20), Decimal(25))]


def test_a_change_from_a_figure_to_another_and_a_figure_compared_with():
    text = "与上学年相比，在园幼儿由348人增加到368人，比上年增加20人，增长{}%。"
    assert figures(text.format("5.75")) == []  # 368 is the figure it came to, 348 the base
    assert pairs(text.format("6.75")) == [(Decimal("6.75"), Decimal("5.75"))]
    text = "本月排查隐患42处。与上年同期排查出的83处隐患相比，比上年减少41处，下降{}%。"
    assert figures(text.format("49.40")) == [] and pairs(text.format("45.40")) == [(Decimal("45.40"), Decimal("49.40"))]
