"""Relations, shares and sets of shares: right texts stay silent, one changed figure gives one finding.

Every sentence is written for these tests, in shapes found on real school and union pages.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relation_helpers import figures, pairs

D = Decimal


class TestShares:
    @pytest.mark.parametrize(
        "text",
        [
            "留守儿童17人，占全校学生116人的14.7%。",
            "全校有学生116人。其中留守儿童17人，占14.7%。",
            "全校共有教职工50人，女教师32人，占教职工总数的64%。",
            "学校占地面积12000平方米，入会率达到95%以上。",
        ],
    )
    def test_right_shares_are_silent(self, text):
        assert figures(text) == []

    def test_a_wrong_share(self):
        assert pairs("留守儿童17人，占全校学生116人的16.7%。") == [(D("16.7"), D("14.7"))]
        assert pairs("全校有学生116人。其中留守儿童17人，占15.7%。") == [(D("15.7"), D("14.7"))]

    def test_a_truncated_share_is_a_warning_that_says_so(self):
        (found,) = figures("参加人数33人，占全体会员224人的14%。")  # 14.73 → 15 when rounded
        assert found.severity == "warning" and "截断" in found.message and found.computed == 15

    @settings(max_examples=60, deadline=None)
    @given(whole=st.integers(20, 3000), data=st.data())
    def test_generated_shares(self, whole, data):
        part = data.draw(st.integers(1, whole - 1))
        from kit.money import share_percent

        right = share_percent(D(part), D(whole), 1)
        assert figures(f"其中{part}人，占全校{whole}人的{right}%。") == []
        wrong = right + D("2.0")
        assert pairs(f"其中{part}人，占全校{whole}人的{wrong}%。") == [(wrong, right)]


class TestShareSets:
    def test_answers_that_cover_every_case_add_up_to_100(self):
        assert figures("满意占82.6%，比较满意占13.0%，不满意占4.3%。") == []  # 99.9: rounding of three shares
        (found,) = figures("满意:81% 基本满意:9% 不满意:0%")
        assert (found.stated, found.computed) == (90, 100)

    def test_lists_that_may_not_be_complete_are_left_alone(self):
        assert figures("优秀30%，良好50%，合格15%。") == []


class TestSharesReadFurther:
    """Shapes of statistics paragraphs: a whole named without 共/总, lists with 分别占, rates named after their part."""

    def test_a_whole_named_at_the_head_of_its_clause(self):
        text = "全镇共有中小学生8000人，留守儿童1500人；其中女生700人，占留守儿童总数的{}%。"
        assert figures(text.format("46.7")) == []
        assert pairs(text.format("47.6")) == [(D("47.6"), D("46.7"))]

    def test_a_subgroup_written_after_de_is_not_the_whole(self):
        text = "全校教职工68人，具有中级职称的教师38人，在读研究生2人，占教师总数的{}%。"
        assert figures(text.format("0.3")) == []

    def test_shares_listed_with_fenbie(self):
        text = "全校专任教师共240人。专任教师中，高级教师36人、一级教师96人、二级教师90人，分别占15%、40%和{}%。"
        assert figures(text.format("37.5")) == []
        assert pairs(text.format("35.7")) == [(D("35.7"), D("37.5"))]

    def test_fenbie_with_the_whole_named_after_it(self):
        text = "全县有百岁以上老人540人。其中男性108人，女性432人，男、女性分别占百岁以上老人总数的{}%和80%。"
        assert figures(text.format("20")) == []
        assert pairs(text.format("2")) == [(D("2"), D("20"))]

    def test_fenbie_without_a_whole_that_can_be_found_is_left_alone(self):
        assert figures("高级教师36人、一级教师96人，分别占51%和40%。") == []

    def test_a_rate_named_after_its_part(self):
        text = "全县初中毕业生2400人，升学人数2208人，升学率为{}%。"
        assert figures(text.format("92")) == []
        assert pairs(text.format("29")) == [(D("29"), D("92"))]

    def test_a_rate_far_from_its_parts_may_have_another_base(self):
        # 入学率 leaves out the children excused from school: 99.9 is not a slip of 98.5, say nothing
        assert figures("适龄儿童1000人，已入学985人，入学率99.9%。") == []


class TestRaisedStandards:
    def test_the_new_standard_is_the_one_paid(self):
        text = "今年把每人300元的慰问标准提高到每人500元。工会向120名退休教师发放慰问金共计{}万元。"
        assert figures(text.format("6")) == []
        assert pairs(text.format("6.5")) == [(D("65000"), D("60000"))]


class TestSharesInBrackets:
    def test_each_count_with_its_share_in_brackets(self):
        text = "结果：共检查学生640例，营养不良8例（1.3%），超重71例（{}%），肥胖105例（16.4%）。"
        assert figures(text.format("11.1")) == []
        assert pairs(text.format("11.7")) == [(D("11.7"), D("11.1"))]
        assert figures(text.format("14.8")) == []  # far off: more likely a share of another base

    def test_without_a_marked_whole_nothing_is_said(self):
        assert figures("营养不良8例（1.3%），超重77例（11.1%）。") == []

    def test_thousands_set_off_by_a_space(self):
        text = "本次共检查视力3 200眼。其中视力正常2 336眼，占{}%。"
        assert figures(text.format("73")) == []
        assert pairs(text.format("37")) == [(D("37"), D("73"))]


class TestSharesOfABreakdown:
    """部门决算 and 三公经费 texts: a whole, then 其中 items each with its share."""

    def test_items_of_one_qizhong_after_the_sentence_with_the_whole(self):
        text = "2023年“三公”经费决算为18.40万元。其中公务接待费为15.20万元，占82.61%；公务用车运行维护费为3.20万元，占{}%。"
        assert figures(text.format("17.39")) == []
        (found,) = figures(text.format("17.93"))
        assert (found.stated, found.computed) == (D("17.93"), D("17.39")) and "3.2万÷18.4万" in found.message

    def test_a_total_named_with_zong(self):
        text = "三年来工会经费总收入1250.00万元，其中：会费收入100.00万元，占总收入的8%；拨缴经费收入1150.00万元，占总收入的{}%。"
        assert figures(text.format("92")) == []
        assert pairs(text.format("29")) == [(D("29"), D("92"))]

    def test_shares_in_brackets_of_the_figure_before_them(self):
        text = "其中公用经费支出52000元（办公费13000元，占25%；水电费7800元，占{}%；其他31200元，占60%）。"
        assert figures(text.format("15")) == []
        assert pairs(text.format("51")) == [(D("51"), D("15"))]


class TestWholesFramingAReport:
    """Shares in survey and health-check reports: the whole opens the sentence, or frames it with 「…中」."""

    @pytest.mark.parametrize(
        "text, right, wrong",
        [
            ("本次共发出问卷640份，赞成的有576份，占{}，反对的64份，占10%。", "90%", "09%"),
            ("本次共发出问卷640份，赞成的有576份，占90%，反对的64份，占{}。", "10%", "11%"),
            ("在受检的1250名学生中，有3名贫血，占比0.24%；150名近视，占比{}；95名龋齿，占比7.6%。", "12%", "21%"),
            ("测评显示，4360人中需要跟进的学生共218人（占{}），其中重点关注36人。", "5%", "6%"),
        ],
    )
    def test_right_is_silent_and_one_slip_is_found(self, text, right, wrong):
        assert figures(text.format(right)) == []
        (found,) = figures(text.format(wrong))
        assert found.computed == Decimal(right.rstrip("%"))

    def test_a_part_followed_by_a_subset_phrase_is_not_paired(self):
        assert figures("全校教师320人，具有研究生学历的占18%。") == []

    def test_a_figure_between_that_has_no_share_of_its_own_stops_the_pairing(self):
        assert figures("共发出问卷640份，收回600份，赞成的有576份，占90%。") == []


def test_a_named_rate_written_as_bi_lv():
    text = "学生人数 640 人，参加人数 608 人，参加比率 {} %。"
    assert figures(text.format("95")) == []
    assert pairs(text.format("59")) == [(59, 95)]


def test_a_total_named_in_a_statement_before():
    text = ("2024年度总收入18,420.50万元，其中财政拨款收入12,300.20万元。\n"
            "①财政拨款收入：本年度财政拨款收入12,300.20万元，占总收入的{}。\n"
            "②其他收入：本年度其他收入6,120.30万元，占总收入的33.23%。")
    assert figures(text.format("66.77%")) == []
    assert pairs(text.format("66.67%")) == [(Decimal("66.67"), Decimal("66.77"))]


def test_a_long_name_of_the_whole_found_lines_before_its_share():
    text = ("1. 基本支出预算 615,420.80 元，占支出总预算的 100.00%，同比减少 12,300.00 元。其中：\n"
            "人员经费支出预算 540,210.40 元，占基本支出预算{}%，同比减少 9,800.00 元。")
    assert figures(text.format("87.78")) == []  # 540210.40 / 615420.80
    assert pairs(text.format("87.87")) == [(Decimal("87.87"), Decimal("87.78"))]
    assert figures(text.format("78.87")) == []  # far off: another whole may be meant, so nothing is said


def test_every_item_of_one_qizhong_shares_the_whole_of_its_first():
    text = ("2.收入情况。2024年度收入合计520.40万元，较上年减少36.20万元，下降6.5%，主要是学生减少。"
            "其中：财政拨款收入488.20万元，占93.8%；事业收入20.10万元，占{}；其他收入12.10万元，占2.3%。")
    assert figures(text.format("3.9%")) == []
    assert pairs(text.format("9.3%")) == [(Decimal("9.3"), Decimal("3.9"))]


def test_a_share_of_whole_wan_figures_allows_their_rounding():
    text = "全村经济总收入39万元，其中：养殖业收入13万元，占总收入的{}。"
    assert figures(text.format("35%")) == []  # 12.5万 of 39.5万 to 13.5万 of 38.5万: 31.6 % to 35.1 %
    assert pairs(text.format("53%")) == [(Decimal(53), Decimal(33))]


def test_of_several_figures_with_the_shares_name_the_nearest_is_its_whole():
    text = ("全区规划改造面积28.5万平方米。其中，东区规划改造面积6.2万平方米，已开工完工；"
            "西区规划改造面积18.3万平方米，现已开工面积7.4万平方米，占规划改造面积的{}。")
    assert figures(text.format("40.44%")) == []
    assert pairs(text.format("44.04%")) == [(Decimal("44.04"), Decimal("40.44"))]  # of 西区's 18.3万, not 全区's 28.5万
    assert figures(text.format("51%")) == []  # far off a whole chosen among several: left alone


class TestSharesWithTheirFraction:
    """体检异常率38.4%（529/1378）: a share with the fraction it was computed from beside it."""

    def test_right_fractions_are_silent(self):
        assert figures("女职工中乳腺增生检出率38.4%（529/1378），甲状腺结节检出率21.09%(116/550)。") == []

    def test_a_share_not_what_its_fraction_gives(self):
        assert pairs("女职工中乳腺增生检出率34.8%（529/1378）。") == [(Decimal("34.8"), Decimal("38.4"))]
        (found,) = figures("男职工脂肪肝检出率21.0%(116/550)。")
        assert "21.0%" in found.message and "21.1%" in found.message

    def test_a_fraction_is_no_date(self):
        assert figures("请于3/15前报名，检出率12.5%。") == []

    @settings(max_examples=40, deadline=None)
    @given(whole=st.integers(20, 5000), data=st.data())
    def test_generated_fraction_shares(self, whole, data):
        from decimal import ROUND_HALF_UP

        part = data.draw(st.integers(1, whole))
        share = (Decimal(part) * 100 / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        assert figures(f"近视检出率{share}%（{part}/{whole}）。") == []
        wrong = share + Decimal(3)
        assert pairs(f"近视检出率{wrong}%（{part}/{whole}）。") == [(wrong, share)]


class TestSharesInBudgetDisclosures:
    def test_a_whole_named_with_the_department_before_it(self):
        text = "2025年部门支出总预算860.00万元，基本支出预算645.00万元，占支出总预算的{}%，项目支出预算215.00万元。"
        assert figures(text.format("75.00")) == []
        assert pairs(text.format("57.00")) == [(Decimal("57.00"), Decimal("75.00"))]

    TEXT = ("3.支出情况。2024年度支出合计1688.40万元，较上年决算数增加88.40万元，增长5.5%。主要原因是人员增加。"
            "其中：基本支出1530.20万元，占90.6%；项目支出158.20万元，占{}%。")

    def test_a_qizhong_list_after_a_sentence_of_reasons_shares_the_total_before(self):
        assert figures(self.TEXT.format("9.4")) == []
        assert pairs(self.TEXT.format("4.9")) == [(Decimal("4.9"), Decimal("9.4"))]

    def test_the_list_may_open_the_next_line(self):
        text = self.TEXT.format("4.9").replace("。其中", "。\n其中")
        assert pairs(text) == [(Decimal("4.9"), Decimal("9.4"))]

    def test_a_share_far_from_what_the_total_gives_is_left_alone(self):
        assert figures(self.TEXT.format("30.5")) == []  # not one keystroke: the list may be of something else


class TestRatesNamedAfterTheirPart:
    """竣工32个，竣工率94.12%: the part is the nearest figure after the rate's own word, the whole opens the sentence."""

    def test_a_rate_after_other_figures(self):
        text = "争取资金860万元，新建运动场项目34个全部开工，开工率为100%，已竣工32个，竣工率{}%。"
        assert figures(text.format("94.12")) == []
        assert pairs(text.format("94.21")) == [(Decimal("94.21"), Decimal("94.12"))]

    def test_not_the_figure_after_the_negated_word(self):
        text = "本次共收回问卷520份，其中满意468份，不满意52份，满意率达{}%。"
        assert figures(text.format("90.0")) == []
        assert pairs(text.format("80.5")) == [] and pairs(text.format("90.9")) == [(Decimal("90.9"), Decimal("90.0"))]

    def test_rates_that_all_fit_another_whole_are_left_alone(self):
        text = "七年级共有264名学生参考，数学合格人数是168人，合格率是61%，优秀人数是112人，优秀率是{}%。"
        assert figures(text.format("41")) == []  # both rates are of 275, not of 264: another base, not two slips
        assert pairs(text.format("42")) == [(Decimal(61), Decimal(64))]  # 42 % is of 264: then 61 % is the slip


def test_the_provinces_figure_is_the_whole_of_our_citys_share():
    text = "全省理科600分以上12500人，我市1850人，占比{}%；全省文科600分以上980人，我市210人，占比21.4%。"
    assert figures(text.format("14.8")) == []
    assert pairs(text.format("18.4")) == [(Decimal("18.4"), Decimal("14.8"))]



def test_fraction_shares_that_all_fit_another_denominator_get_one_warning():
    (found,) = figures("体检结果：近视率42.9%（420/1000），龋齿率10.3%（101/1000），肥胖率5.1%（50/1000）。")
    assert found.severity == "warning" and "分母" in found.message and "约 979" in found.message
    # one share right with the written denominator: the others are slips, each named
    assert len(figures("体检结果：近视率42.0%（420/1000），龋齿率10.3%（101/1000），肥胖率5.1%（50/1000）。")) == 2


class TestAWholeThatFramesTheSentence:
    """在…名…中，: the whole a sentence opens with is named, so a share of it is checked at any distance, when
    every figure between is a sibling part with its own share."""

    def test_siblings_of_a_framed_whole(self):
        text = "在3150名新生中，本省生源有2210人，占70.16%；外省生源有{}人，占{}%。"
        assert figures(text.format(940, "29.84")) == []
        assert pairs(text.format(960, "29.84")) == [(D("29.84"), D("30.48"))]  # two digits off: named all the same

    def test_a_figure_between_without_its_share_leaves_it_alone(self):
        assert figures("在1000名学生中，参加体检980人，合格950人，占96.9%。") == []  # of 980, not of 1000


class TestSharesOfOneNamedWhole:
    def test_siblings_with_their_own_shares_are_not_the_whole(self):
        text = ("本支部共有党员152名，其中男性党员98人占党员总数64%、女性党员54名占党员总数36%、"
                "离退休党员41名占党员总数{}%、流动党员9名。")
        assert figures(text.format(27)) == []  # 41 / 152 = 27.0 %
        assert pairs(text.format(72)) == [(72, 27)]

    def test_the_whole_of_the_shares_own_sentence(self):
        text = "今年共选举产生委员1240名，其中女性委员562名，占比45.32%。主任168名，其中女主任79名，占比{}%。"
        assert figures(text.format("47.02")) == []  # 79 / 168
        assert pairs(text.format("47.20")) == [(D("47.20"), D("47.02"))]


class TestAShareAfterTheChangeOfItsPart:
    def test_change_clauses_between_the_part_and_its_share(self):
        text = ("2025年全县在园幼儿1.20万人，比上年减少0.08万人，下降6.25%。其中，普惠性幼儿园在园幼儿1.05万人，"
                "比上年减少0.03万人，下降2.78%，占全县在园幼儿的比例{}%，比上年提高3.2个百分点。")
        assert figures(text.format("87.5")) == []  # 1.05 / 1.20
        assert pairs(text.format("78.5")) == [(D("78.5"), D("87.5"))]

    def test_the_change_itself_is_not_the_part(self):
        text = "全县在园幼儿1.20万人，比上年减少0.08万人，占全市在园幼儿的比例{}%。"
        assert figures(text.format("12.0")) == []  # of the city, a whole the text does not give

    def test_bracketed_shares_of_the_total_the_sentence_before_ends_with(self):
        text = "本校在校生总数达2万450人。人数居前三的学院分别为工学院6135人（30.00%）、商学院4090人（{}%）、文学院2045人（10.00%）。"
        assert figures(text.format("20.00")) == []
        assert pairs(text.format("20.60")) == [(D("20.60"), D("20.00"))]


class TestAShareOneKeystrokeFromItsInputs:
    def test_a_named_rate_whose_whole_carries_the_slip(self):
        # 140 of 196 is 71.43 %; with 169 written for 196 (two digits swapped) the rate no longer fits
        text = "今年196人参加高考，本科上线140人，上线率为71.43%。"
        assert figures(text) == []
        found = figures(text.replace("196人参加", "169人参加"))
        assert [(f.stated, f.computed) for f in found] == [(Decimal("71.43"), Decimal("82.84"))]
        assert "若 169 是 196 之误" in found[0].message and not found[0].edits  # the count to put right, not the rate

    def test_a_named_rate_whose_part_at_the_edge_of_rounding_carries_the_slip(self):
        text = "全校参加体质测试640人，达到良好等级168人，良好率为26.3%。"  # 168 of 640 is 26.25 %, rounded up
        assert figures(text) == []
        (found,) = figures(text.replace("168人", "186人"))
        assert (found.stated, found.computed) == (Decimal("26.3"), Decimal("29.1"))
        assert "若 186 是 168 之误" in found.message and not found.edits

    def test_a_share_of_a_whole_found_by_place_needs_a_keystroke_in_the_share_itself(self):
        # the 本科 count has its own 其中, but the share of 高级职称 is of all 2713 teachers: 2229 → 2729 fits by chance
        text = "全区共有专任教师2713人。其中女教师1884人，占69.4%；具有本科及以上学历的2229人，占82.2%，其中研究生学历123人；具有高级职称的351人，占12.9%。"
        assert figures(text) == []

    def test_a_whole_a_little_off_may_leave_a_few_out(self):
        # 2490 of 2516 is 98.97 %; 99.05 % needs 2492 attending or 2514 children — the excused may be out of the base
        assert figures("适龄儿童总数2516人，实际入学2490人，入学率99.05%。") == []


def test_a_named_rate_may_be_of_any_count_before_its_part():
    text = "发放问卷318份，回收312份，其中满意和基本满意301份，满意率96.5%（以回收问卷为基数）。"
    assert figures(text) == []
    found = figures(text.replace("满意率96.5%", "满意率95.6%"))
    assert [(f.stated, f.computed) for f in found] == [(Decimal("95.6"), Decimal("96.5"))]  # of the 312 returned


def test_a_figure_in_an_aside_is_not_the_whole_of_the_next_sentence():
    text = ("截至年底，工会共有会员188人，比上年增加6人；入会率98.9%（以在编在岗教职工190人为基数）。"
            "其中，女会员121人，占64.4%。")
    assert figures(text) == []  # 121 of the 188 members, not of the 190 staff in brackets
    assert pairs(text.replace("占64.4%", "占46.4%")) == [(Decimal("46.4"), Decimal("64.4"))]


class TestAShareAnotherFigureInReachGives:
    def test_the_narrower_whole_a_breakdown_names(self):
        text = ("本届教代会共收到提案220件，其中由学校主办的200件，已经落实的140件，占70%；"
                "列入计划逐步解决的40件，占20%；留作参考的20件，占{}。")
        assert figures(text.format("10%")) == []  # 20 of 200, not of 220 (9 %, one keystroke from 10 %)
        assert figures(text.format("9%")) == []  # 20 of 220: the text may mean it

    def test_a_rate_of_another_count_the_reader_sees(self):
        text = "本次调查共发出问卷300份，回收问卷300份，其中有效问卷291份，回收率97%。"
        assert figures(text) == []  # the rate the page calls 回收率 is of the valid ones: not a slip to correct

    def test_a_whole_before_a_sentence_of_siblings(self):
        text = "本次推选代表200名。其中教师代表120名，占60%；学生代表16名，占8%。其中女代表90名，占45%；少数民族代表6名，占{}。"
        assert figures(text.format("3%")) == []  # 6 of 200, not of the 16 before 。其中


def test_shares_said_alike_are_of_the_sum_of_their_parts_not_of_an_earlier_figure():
    # the earlier 理工类共录取15014人 is one kind of the admitted; the two shares are of 12471 + 11062
    text = "今年理工类共录取15014人，文史类6902人。省外院校共录取考生12471人，占录取人数的{}%；省内院校共录取考生11062人，占录取人数的{}%。"
    assert figures(text.format("52.99", "47.01")) == []
    assert figures(text.format("53.99", "47.01")) == []  # a slip in one share: still not of 15014
    assert pairs("全校学生共800人，其中男生420人，占全校学生的52.5%；女生380人，占全校学生的48.5%。") == [(Decimal("48.5"), Decimal("47.5"))]


def test_shares_said_alike_whose_parts_make_a_figure_before_them_are_of_it():
    # 已解决33件、列入计划42件、暂不能解决17件 make the 92 件 before them: each share is of 92
    text = "代表提出建议92件。目前，已解决或部分解决的33件，占{}%；列入计划的42件，占{}%；尚不能解决的17件，占18%。"
    assert figures(text.format(36, 46)) == []
    assert pairs(text.format(36, 64)) == [(64, 46)]
    # when the sum gives none of them, they are of something else
    assert figures("全县在校生10000人。小学生6000人，占45%；初中生4000人，占30%。") == []


def test_shares_of_nothing_are_left_alone():
    assert figures("本年收入合计350.20万元；包括财政拨款收入350.20万元（其中，政府性基金预算0万元，国有资本经营预算0万元），占收入合计100%；"
                   "上级补助收入0万元，占收入合计0%；事业收入0万元，占收入合计0%。") == []


def test_two_kinds_of_the_rate_s_own_thing_are_no_whole_and_part():
    text = "本次检查共登记隐患6处；已整改并销号4处，正在整改2处，整改率66.7%。"
    assert figures(text) == []


def test_a_marked_whole_that_gives_two_shares_said_alike_is_the_whole_of_a_third():
    text = "全校共有教职工420人。女教职工208人，占49.5%；党员186人，占{}%；35岁以下青年教师121人，占28.8%。"
    assert figures(text.format("44.3")) == []
    assert pairs(text.format("43.4")) == [(Decimal("43.4"), Decimal("44.3"))]
    # one share that fits is no evidence: the others may be of another whole
    assert figures("全校共有教职工420人。女教职工208人，占49.5%；党员186人，占43.4%。") == []
    # whole per cent fits by chance more often: three must fit
    assert figures("全校共有教职工420人。女教职工208人，占50%；党员186人，占34%；青年教师121人，占29%。") == []


def test_parts_that_add_up_to_a_figure_a_few_lines_before_are_of_it():
    text = ("全区常住人口为852476人。\n四、年龄构成\n全区常住人口中，0-14岁的人口为58736人，占6.89%；"
            "15-64岁的人口为672816人，占78.92%；65岁及以上的人口为120924人，占{}%。\n")
    assert figures(text.format("14.19")) == []
    assert pairs(text.format("15.91")) == [(Decimal("15.91"), Decimal("14.19"))]


def test_a_whole_marked_a_few_lines_before_that_gives_two_shares_is_the_whole_of_a_third():
    # groups that overlap and do not add up to it: only the marked whole and two exact shares say what they are of
    text = ("全县常住人口为135908人。\n五、其他\n全县常住人口中，女性人口为66213人，占48.72%；"
            "城镇人口为58120人，占{}%；少数民族人口为20154人，占14.83%。\n")
    assert figures(text.format("42.76")) == []
    assert pairs(text.format("42.67")) == [(Decimal("42.67"), Decimal("42.76"))]


def test_a_share_that_a_swapped_part_breaks_names_the_part_not_a_new_share():
    text = "本次大会共有正式代表420名。正式代表中，女代表{}人，占正式代表人数的56.43%；男代表183人，占正式代表人数的43.57%。"
    assert figures(text.format("237")) == []
    found = figures(text.format("273"))  # 237 typed 273: the share is right, the count is the slip
    assert len(found) == 1 and "若 273 是 237 之误" in found[0].message and not found[0].edits


def test_shares_said_alike_line_after_line_of_a_whole_marked_before():
    text = ("二、基本情况：全园幼儿总数2310人，体检总数2248人，体检率97.32%。\n三、体检结果\n"
            "1、年龄别体重：低于两个标准差的201人，占总人数的8.94%；\n高于两个标准差的{}人，占总人数的11.08%。\n"
            "2、年龄别身高：低于两个标准差的214人，占总人数的9.52%；\n高于两个标准差的245人，占总人数的10.90%。\n"
            "3、身高别体重：高于两个标准差的275人，占总人数的12.23%。\n")
    assert figures(text.format(249)) == []
    found = figures(text.format(294))  # 249 typed 294: four shares of 2248 fit, this one is a slip of its count
    assert len(found) == 1 and found[0].computed == Decimal("13.08") and "若 294 是 249 之误" in found[0].message
    assert figures(text.format(249).replace("11.08%", "11.80%")) != []  # a slip in the share itself
    # a line with a whole of its own is of that whole, not of the one the others share
    other = text.format(249) + "在参加复查的340名幼儿中，视力异常的75人，占22.1%。\n"
    assert figures(other) == []
