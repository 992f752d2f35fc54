"""Relations, count × rate: every wording of a rate, its count and its amount: right texts stay silent, one changed figure gives one finding.

Every sentence is written for these tests, in shapes found on real school and union pages.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relation_helpers import figures, pairs


class TestCountTimesRate:
    @pytest.mark.parametrize(
        "text",
        [
            "1、退休职工240人,安排慰问金150元/人,计36000元。",
            "慰问在档困难职工30户，每户发放慰问金500元，共计1.5万元。",
            "今年慰问标准提高到每人500元，由工会向180名困难职工逐一发放，共计9万元。",
            "为12名优秀班主任各发放价值60元的纪念品一份，共计720元。",
            "补助标准为每人每月300元，补助对象20人，补助3个月，共需18000元。",
            "困难学生15名，每生补助200元，合计3000元；",
            "购置图书500册，每册40元，共计2万元。",
            "退休教师15人，慰问品100元，共1500元。",
        ],
    )
    def test_right_lines_are_silent(self, text):
        assert figures(text) == []

    @pytest.mark.parametrize(
        "text, stated, computed",
        [
            ("1、退休职工240人,安排慰问金150元/人,计3600元。", 3600, 36000),
            ("慰问在档困难职工30户，每户发放慰问金500元，共计1.4万元。", 14000, 15000),
            ("今年慰问标准提高到每人500元，由工会向180名困难职工逐一发放，共计8万元。", 80000, 90000),
            ("为12名优秀班主任各发放价值60元的纪念品一份，共计700元。", 700, 720),
            ("补助标准为每人每月300元，补助对象20人，补助3个月，共需16000元。", 16000, 18000),
            ("困难学生15名，每生补助200元，合计2000元；", 2000, 3000),
        ],
    )
    def test_one_changed_figure_gives_one_finding(self, text, stated, computed):
        assert pairs(text) == [(stated, computed)]

    def test_the_150_per_head_line_is_never_told_to_be_150(self):
        (found,) = figures("退休职工240人,安排慰问金150元/人,计36500元")
        assert (found.stated, found.computed) == (36500, 36000)

    @pytest.mark.parametrize(
        "text",
        [
            "每人每月补助300元，全年共计9万元。",  # how many months and people: not stated
            "慰问对象约30人，每人500元，共计1.5万元。",  # approximate count
            "每人慰问金不少于300元，共计1万余元。",  # approximate amounts
            "去年慰问支出5000元，今年预算共8000元。",  # two years, not parts
            "困难职工12人，慰问品100元，另发放慰问金，共2000元。",  # cannot be read either way
        ],
    )
    def test_what_cannot_be_read_is_left_alone(self, text):
        assert figures(text) == []

    @settings(max_examples=60, deadline=None)
    @given(count=st.integers(1, 400), rate=st.integers(1, 2000), share=st.integers(1, 100), form=st.integers(0, 2))
    def test_generated_pairs(self, count, rate, share, form):
        slip = max(1, count * rate * share // 100)  # a slip of up to the whole amount, as authors make them
        shapes = [
            "{c}人，每人慰问金{r}元，共{t}元。",
            "慰问困难职工{c}户，安排慰问金{r}元/户，计{t}元。",
            "标准为每人{r}元，共慰问{c}名退休教师，合计{t}元。",
        ]
        right = shapes[form].format(c=count, r=rate, t=count * rate)
        assert figures(right) == []
        wrong = shapes[form].format(c=count, r=rate, t=count * rate + slip)
        assert pairs(wrong) == [(count * rate + slip, count * rate)]


class TestTotalsWrittenWithAVerb:
    """共计发放98万元, 总计发放补贴1.6万元: the verb between 共计 and the amount does not hide the total."""

    @pytest.mark.parametrize(
        "text, right, wrong",
        [
            ("市总工会为150名困难职工子女每人发放助学金3000元，共计发放{}万元。", "45", "54"),
            ("4名学生到工会驿站实习。学校为每人发放岗位补贴2500元，总计发放补贴{}万元。", "1", "1.2"),
            ("对240名困难家庭学生进行帮扶，每人800元，共发放{}万元。", "19.2", "12.9"),
        ],
    )
    def test_right_is_silent_and_one_slip_is_found(self, text, right, wrong):
        assert figures(text.format(right)) == []
        (found,) = figures(text.format(wrong))
        assert found.computed == Decimal(right) * 10000

    def test_groups_each_with_its_count_in_its_own_sentence(self):
        text = ("经审核，确定38名困难职工子女符合条件（其中大学生30人，高中生8人）。向其中6名特别困难的大学生每人发放助学金3000元；"
                "其余24名大学生每人发放助学金2000元。另向8名高中生每人发放助学金500元，共发放助学金{}万元。")
        assert figures(text.format("7")) == []
        (found,) = figures(text.format("7.5"))
        assert (found.stated, found.computed) == (Decimal(75000), Decimal(70000))


class TestMoneyPaidOutAfterAStandard:
    """按每户1200元的标准，对…326户…发放慰问金39.12万元: paid out (发放) after a standard, with no 共, is the line's result."""

    @pytest.mark.parametrize("text", [
        "按每户1200元的标准，对全县326户困难职工开展节日慰问，发放慰问金{}万元。",
        "对全县326户困难职工开展节日慰问，按每户1200元的标准发放慰问金{}万元。",
    ])
    def test_right_is_silent_and_one_slip_is_found(self, text):
        assert figures(text.format("39.12")) == []
        assert pairs(text.format("39.21")) == [(Decimal(392100), Decimal(391200))]

    def test_paid_out_to_each_is_no_total(self):
        assert figures("为20名困难职工每人发放慰问金500元，发放慰问品一份。") == []

    def test_after_the_standard_a_figure_is_not_per_household(self):
        from kit.quantities import quantities

        rate, amount = [q for q in quantities("按每户1200元的标准发放慰问金39.12万元") if q.is_money]
        assert rate.per == ("户",) and amount.per == ()


class TestUnpricedThingsInALine:
    """一等奖4名，每名奖200元，证书一本，共840元: the certificate's price is inside the stated subtotal but not in
    the text, so the subtotal cannot be recomputed and nothing is said."""

    @pytest.mark.parametrize("text", [
        "1、一等奖5名，每名奖励150元，荣誉证书一本，共800元；",
        "为30名困难职工每人发放慰问金300元、大米一袋，合计9600元。",
    ])
    def test_an_unpriced_thing_leaves_the_line_alone(self, text):
        assert figures(text) == []

    def test_a_valued_souvenir_is_priced(self):
        text = "向12名退休教师每人赠送价值60元纪念品一份，共{}元。"
        assert figures(text.format(720)) == []
        assert pairs(text.format(780)) == [(780, 720)]

    def test_kit_check_explain_names_the_unpriced_thing(self):
        from kit.proof import check_text
        from kit.proof.relations import Explain

        explain = Explain()
        check_text("1、一等奖5名，每名奖励150元，荣誉证书一本，共800元；", explain=explain)
        assert "「荣誉证书一本」没有写价钱" in explain.format()

    def test_goods_named_before_the_money_are_apart_from_its_total(self):
        text = "此次走访困难家庭50户，发放大米100袋、食用油50桶；每户发放慰问金400元，共计{}万元。"
        assert figures(text.format(2)) == []
        assert pairs(text.format(2.4)) == [(24000, 20000)]


class TestOneRelationFailingAgainAndAgain:
    """Four award lines each off by 10 yuan a head: a cost the text never states, not four slips."""

    LINES = ["1、一等奖4名，每名奖金200元，共{}元；", "2、二等奖6名，每名奖金100元，共{}元；",
             "3、三等奖8名，每名奖金80元，共{}元；", "4、优秀奖16名，每名奖金20元，共{}元。"]

    def text(self, *totals):
        return "三、奖励\n" + "\n".join(line.format(t) for line, t in zip(self.LINES, totals))

    def test_the_same_relation_failing_in_every_line_is_left_alone(self):
        assert figures(self.text(840, 660, 720, 480)) == []

    def test_two_lines_over_by_the_same_amount_a_head_are_left_alone(self):
        assert figures(self.text(840, 660, 640, 320)) == []

    def test_two_slips_are_still_reported(self):
        assert pairs(self.text(880, 660, 640, 320)) == [(880, 800), (660, 600)]

    def test_explain_says_why(self):
        from kit.proof import check_text
        from kit.proof.relations import Explain

        explain = Explain()
        check_text(self.text(840, 660, 720, 480), explain=explain)
        assert explain.format().count("几项都是每人多出 10 元") == 4


class TestASumBrokenIntoRatedGroups:
    """共资助学生…计…万元，其中小学生16人，每人1000元；中学生14人，每人2000元…: each group a count and its rate."""

    TEXT = "区关工委本次共资助困难学生42名，计{}万元，其中，小学生18人，每人1000元；初中生15人，每人1500元；高中生9人，每人2500元。"

    def test_right_is_silent_and_one_slip_is_found(self):
        assert figures(self.TEXT.format("6.3")) == []
        (found,) = figures(self.TEXT.format("6.8"))
        assert (found.stated, found.computed) == (68000, 63000) and "6.3万元" in found.suggestion

    def test_a_group_changed_breaks_the_sum(self):
        text = self.TEXT.format("6.3").replace("初中生15人", "初中生25人")
        assert pairs(text) == [(63000, 78000)]

    def test_a_figure_that_is_neither_count_nor_rate_leaves_it_alone(self):
        text = self.TEXT.format("6.8").replace("高中生9人，每人2500元", "高中生9人，每人2500元，另发放图书补贴3000元")
        assert figures(text) == []

    def test_a_list_short_of_its_whole_may_leave_a_group_out(self):
        text = "共发放慰问金5万元，其中退休教师20人，每人500元；困难职工10人，每人800元。"
        assert figures(text) == []

    def test_one_line_pasted_twice_is_still_one_slip(self):
        line = "1、一等奖4名，每名奖金200元，共840元；"
        text = f"三、奖励\n{line}\n2、二等奖6名，每名奖金100元，共600元。\n\n（重复）\n三、奖励\n{line}\n2、二等奖6名，每名奖金100元，共600元。"
        assert [f.stated for f in figures(text)] == [840, 840]


def test_a_line_in_running_prose_is_told_with_its_own_figures():
    (found,) = figures("9月2日，县总工会为47名贫困大学新生发放了每人2000元的助学金，共计9.6万元。")
    assert found.message == "按 47人×2000元 计算应为 9.4万元，文中写作 9.6万元，多写了 2000元"
    assert found.suggestion == "改为 9.4万元"


def test_a_rate_per_school_year_times_the_years():
    text = "为40名贫困女童发放助学金每人每学年500元，已连续资助三年，共计{}万元。"
    assert figures(text.format(6)) == []
    assert pairs(text.format(6.6)) == [(66000, 60000)]


def test_an_average_standard_and_a_fund_that_holds_more_are_left_alone():
    text = "2023年全区新农合共有251460人参保，人均筹资标准由320元提高至380元。共筹集基金9563万元，其中区级财政补助3105万元。"
    assert figures(text) == []


def test_an_average_standard_one_keystroke_off_is_still_named():
    text = "全镇困难老人85人，人均慰问金300元，共计{}元。"
    assert figures(text.format(25500)) == []
    assert pairs(text.format(25800)) == [(25800, 25500)]


def test_a_total_after_another_groups_count_is_not_the_first_groups_line():
    text = "确定受助学生62人，其中一等17人，每人1500元；二等：18人，共22500元；三等27人，每人800元。共需发放助学金69600元。"
    assert figures(text) == []


class TestPersonTimes:
    """资助…29人次，按照每人每学期300元标准: a count of 人次 is people paid once each, for one term."""

    def test_person_times_at_a_rate_per_person_and_term(self):
        text = "1.资助学前教育阶段家庭经济困难幼儿36人次，按照每人每学期500元标准，发放保教费共计{}元；"
        assert figures(text.format(18000)) == []
        (found,) = figures(text.format(16000))
        assert (found.stated, found.computed) == (16000, 18000) and "36人次×500元" in found.message

    def test_person_times_of_two_terms_beside_the_people_of_each(self):
        text = "（一）幼儿资助。春季学期资助40人，秋季学期资助44人，共84人次，按照每人每学期500元标准，发放资金{}元。"
        assert figures(text.format(42000)) == []  # 84 person-terms, not the 44 of the autumn term
        assert pairs(text.format(24000)) == [(24000, 42000)]

    def test_a_grant_per_term_for_two_terms_is_not_paid_once(self):
        text = "（二）寄宿生生活补助。小学830人，每人每学期500元；初中775人，每人每学期625元；春秋两季共计发放1798750元。"
        assert figures(text) == []  # (415000 + 484375) × 2 terms


class TestAGrantPerYearPaidOnce:
    """其中高中生15人，每人每年3000元: a grant per year (or term) with no count of years is paid for one."""

    def test_groups_each_with_a_yearly_grant(self):
        text = "共有42名学生通过审核，其中高中生18人，每人每年2000元，大学生24人，每人每年5000元，共计发放助学金{}元。"
        assert figures(text.format(156000)) == []
        (found,) = figures(text.format(165000))
        assert (found.stated, found.computed) == (165000, 156000)
        assert "高中生18人×2000元＋大学生24人×5000元" in found.message

    def test_a_monthly_rate_is_not_paid_once(self):
        text = "全镇低保对象120人，每人每月补助300元，共计发放低保金43.2万元。"  # twelve months, not said
        assert figures(text) == []


def test_rates_of_groups_stated_before_their_counts_are_not_one_standard():
    text = ("帮扶标准：义务教育阶段每人次500元，高中阶段每人次2000元。义务教育阶段293人次，高中阶段230人次，"
            "发放资金606500元。")
    assert figures(text) == []  # 293 × 500 + 230 × 2000, not 293 × 2500


def test_a_running_total_after_a_rate_is_not_count_times_rate():
    text = ("助学金按学年拨付，每人每学年资助生活费2500元。截至目前，该基金会累计资助困难学生864人，"
            "合计金额386.4万元。")
    assert figures(text) == []


def test_a_count_a_rate_in_qian_and_the_total_paid_out():
    text = "今年可领取敬老礼金的长者有18,420人、每人5千元，总发放金额9210万元。"
    assert figures(text) == []
    assert pairs(text.replace("9210万元", "9120万元")) == [(91200000, 92100000)]


def test_gongyou_before_an_amount_closes_a_sum():
    text = "镇公所加发百岁长辈礼金一万元，加上县府礼金五千元，共有一万五千元。"
    assert figures(text) == []
    assert pairs(text.replace("共有一万五千元", "共有一万六千元")) == [(16000, 15000)]


def test_a_rate_per_person_and_festival_times_the_festivals_named():
    text = "1.节日慰问：春节、中秋节每人每节300元，会员96人，两节计57600元。"
    assert figures(text) == []
    assert pairs(text.replace("57600", "28800")) == [(28800, 57600)]


def test_a_yearly_rate_paid_for_half_a_year():
    from relation_helpers import figures
    text = "（一）生均公用经费：按每生每年400元标准拨付半年，1057名学生，拨付211,400元；"
    assert figures(text) == []  # 1057 × 400 × ½, not 1057 × 400


def test_an_average_per_head_and_month_times_people_and_months():
    from relation_helpers import pairs
    text = "以人均每月100元标准，为10名家庭困难职工发放2个月生活补助，计{}元。"
    assert pairs(text.format(2000)) == []
    assert pairs(text.format(2200)) == [(2200, 2000)]


def test_components_after_a_count_without_mei_ren_are_per_head_when_the_product_is_exact():
    # 11 × (500 + 200) = 7700 exactly: a per-head line, though 7700 is also 700 with one more digit typed
    text = "三、慰问对象及标准\n（1）女教职工11人，慰问金500元、慰问品200元，合计{}元。\n（2）毕业班教师14人，人均300元，共计4200元。\n小计：{}元。\n"
    assert figures(text.format("7700.00", "11900.00")) == []
    assert pairs(text.format("7700.00", "11990.00")) == [(Decimal("11990.00"), Decimal("11900.00"))]


def test_what_each_one_gets_added_up_then_the_line_s_own_amount():
    # 每户…共850元 is what each household gets; the 小计 is the line's amount
    text = ("二、慰问对象、标准及经费\n1.生病住院教师5人，每人慰问品200元，共1000元。\n"
            "2.困难教职工家庭4户，每户慰问金800元、慰问品50元，共850元，小计{}。\n3.横幅制作费，共300元。\n"
            "以上3项共计：慰问经费总支4700元。\n")
    assert figures(text.format("3400元")) == []
    assert figures(text.format("￥3400.00")) == []
    assert pairs(text.format("3600元")) == [(3600, Decimal("3400"))]


def test_a_sum_said_per_team_is_no_total_of_the_line():
    assert figures("3.每队限报12人（含领队1人），报名费按每人20元标准，每队共计240元，由各单位工会统一交纳；") == []


def test_the_rate_is_paid_to_the_group_its_own_sentence_names():
    text = "本次参检教职工共138人，其中男职工72人、女职工66人。男职工套餐按每人560元标准，计{}元；女职工套餐人均720元，计47520元。"
    assert figures(text.format(40320)) == []
    assert pairs(text.format(40230)) == [(40230, Decimal("40320"))]


def test_a_sum_of_money_written_without_its_yuan():
    assert figures("经摸底排查，留守儿童24名，人均300元，合计7200；退休教师43人，每人150元，共6450元。") == []
    assert pairs("经摸底排查，留守儿童24名，人均300元，合计7300；退休教师43人，每人150元，共6450元。") == [(7300, Decimal("7200"))]


def test_a_budget_with_an_item_whose_amount_lacks_its_yuan_is_not_summed():
    # 场地租赁3000；: no 元, the line is not understood, so no total over it is sure
    text = "三、其他费用\n场地租赁3000；横幅、展板制作800 元。\n小计3,800元\n"
    assert figures(text) == []
