"""Relations, items and the total that closes them: right texts stay silent, one changed figure gives one finding.

Every sentence is written for these tests, in shapes found on real school and union pages.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from kit.proof import check_text
from kit.proof.relations import Explain
from relation_helpers import figures, pairs


class TestItemsAndTotals:
    WORKED = (
        "四、慰问费用预算\n"
        "1、退休教师15人，每人慰问品100元，共1500元；\n"
        "2、困难职工3人，每人慰问金100元、慰问品50元，共450元；\n"
        "3、生重大病教师2人，每人慰问金400元、慰问品50元，共900元；\n"
        "4、困难退休教师1人，每人慰问金200元、慰问品50元，共250元；\n"
        "5、参加慰问人员伙食费补助80元;车辆燃油费补助80元;香烟60元,\n"
        "共180元。\n"
        "五项总计:慰问经费总支3280元。"
    )

    def test_the_line_and_the_total_of_the_worked_budget(self):
        line, total = figures(self.WORKED)
        assert (line.stated, line.computed, line.corrected_total) == (180, 220, 3320)
        assert (total.stated, total.computed) == (3280, 3320)
        assert line.paragraph == 7 and line.span == (1, 5)  # 「180元」 in 「共180元。」, the line after the comma

    def test_the_right_budget_is_silent(self):
        assert figures(self.WORKED.replace("共180元", "共220元").replace("3280", "3320")) == []

    def test_a_line_with_its_own_total_closes_nothing_above(self):
        text = "二、活动经费\n1、奖品费用500元；\n2、午餐40人，每人45元，午餐费用合计1800元；\n3、交通费600元。\n合计：2900元。"
        assert figures(text) == []
        assert pairs(text.replace("2900", "2800")) == [(2800, 2900)]

    def test_a_total_with_a_line_not_understood_is_not_checked(self):
        text = "1、奖品约500元；\n2、交通费600元。\n合计：1000元。"
        explain = Explain()
        assert [f for f in check_text(text, explain=explain) if f.kind == "arithmetic"] == []
        assert any("未能读懂" in s.reason for s in explain.skipped)

    def test_a_lead_total_with_its_lines_below(self):
        text = "活动经费共计2600元，具体如下：\n1、场地布置800元；\n2、奖品1200元；\n3、茶水600元。"
        assert figures(text) == []
        assert pairs(text.replace("2600", "2700")) == [(2700, 2600)]

    def test_breakdown_of_a_total_is_not_a_line(self):
        text = "本次经费共计2.5万元，其中工会经费1.5万元、单位捐助1万元。\n1.困难职工10户，每户1000元，共计1万元；\n2.慰问品1.5万元。\n两项合计：2.5万元。"
        assert figures(text) == []

    @settings(max_examples=40, deadline=None)
    @given(amounts=st.lists(st.integers(10, 5000), min_size=2, max_size=6), share=st.integers(1, 100))
    def test_generated_item_totals(self, amounts, share):
        slip = max(1, sum(amounts) * share // 100)
        lines = "\n".join(f"{i + 1}、第{i + 1}项费用{a}元；" for i, a in enumerate(amounts))
        right = f"三、经费预算\n{lines}\n合计：{sum(amounts)}元。"
        assert figures(right) == []
        assert pairs(right.replace(f"合计：{sum(amounts)}元", f"合计：{sum(amounts) + slip}元")) == [(sum(amounts) + slip, sum(amounts))]


def test_a_budget_naming_two_grades_is_read_as_one_line():
    text = "三、奖励经费\n1、三、四年级学生20人，每人奖品10元，共200元；\n2、五年级学生10人，每人奖品10元，共100元。\n合计：300元。"
    assert figures(text) == []
    assert pairs(text.replace("合计：300元", "合计：310元")) == [(310, 300)]


def test_kit_check_explain_lists_what_it_left_alone(tmp_path, capsys):
    from kit.cli import main

    doc = tmp_path / "预算.txt"
    doc.write_text("1、奖品约500元；\n2、交通费600元。\n合计：1000元。\n", encoding="utf-8")
    assert main(["check", str(doc), "--explain"]) == 0
    err = capsys.readouterr().err
    assert "未能读懂" in err and "约数" in err


class TestSumsClosedByAVerbOrANamedFund:
    """教职工捐款…，学生捐款…，共筹集资金…元 / …，合计财政预算经费…元: the words between the marker and the
    amount name the money; they do not hide the sum."""

    def test_amounts_closed_by_a_fundraising_verb(self):
        text = "本次活动中，教师捐款8635元，学生捐款21480.5元，全校共筹集资金{}元。"
        assert figures(text.format("30115.5")) == []
        assert pairs(text.format("30151.5")) == [(Decimal("30151.5"), Decimal("30115.5"))]

    def test_amounts_closed_by_a_named_budget_fund(self):
        text = "需投入课后服务补助215000元、校车运行补助86420元，合计财政预算经费{}元。"
        assert figures(text.format("301420")) == []
        assert pairs(text.format("301240")) == [(Decimal(301240), Decimal(301420))]


def test_an_items_own_subtotal_closes_only_that_items_lines():
    text = ("二、经费预算\n1．红领巾及队徽：352套×8元＝2,816元\n2．游园奖品：1,450份×3元＝4,350元\n"
            "3．表彰奖品：优秀队员120名×30元＝3,600元；优秀队干部36名×40元＝1,440元；小计{}元\n4．场地布置：1,160元")
    assert figures(text.format("5,040")) == []
    assert pairs(text.format("5,400")) == [(Decimal(5400), Decimal(5040))]


class TestSumsStartWithTheirSentence:
    """比赛最后…。经统计，收到捐款7338元，…共计…: a sum of fixed amounts begins with its sentence."""

    def test_words_of_the_sentence_before_do_not_hide_the_sum(self):
        text = "比赛最后，校长带领6位教师比拼朗诵。经统计，本次活动收到教职工捐款5216元，学生捐款4890.5元，共计{}元。"
        assert figures(text.format("10106.5")) == []
        assert pairs(text.format("10160.5")) == [(Decimal("10160.5"), Decimal("10106.5"))]

    def test_an_amount_in_the_sentence_before_is_not_in_the_sum(self):
        assert figures("学校拨付活动经费3000元。教职工捐款5216元，学生捐款4890.5元，共计10106.5元。") == []



class TestCountsAmongTheAmounts:
    """Counts stand before the amounts, but the amounts are the parts of the sum, not rates per head."""

    def test_amounts_too_large_to_be_rates_are_the_parts(self):
        text = "2025年秋季全镇享受午餐补助的学生412人、享受住宿补助的学生186人，拨付午餐补助206000元、住宿补助93000元，合计299000元。"
        assert figures(text) == []
        assert pairs(text.replace("合计299000", "合计290900")) == [(290900, 299000)]

    def test_a_sum_one_keystroke_off_is_the_slip_even_with_a_count_before_it(self):
        text = "本次微实事项目覆盖6个社区，安排区级资金128万元，社会捐赠资金0.85万元，共计投入128.85万元。"
        assert figures(text) == []
        found = figures(text.replace("共计投入128.85", "共计投入128.58"))
        assert [(f.stated, f.computed) for f in found] == [(Decimal("1285800"), Decimal("1288500"))]
        assert "128万元＋0.85万元" in found[0].message  # the parts as the text writes them

    def test_a_count_of_one_multiplies_nothing(self):
        text = "学校拨付专项资金2万元，校友会募集善款13450元，一位退休教师捐赠3000元，共计36450元。"
        assert figures(text) == []
        assert pairs(text.replace("共计36450", "共计34650")) == [(34650, 36450)]

    def test_a_rate_without_mei_one_keystroke_off_per_head(self):
        text = "慰问退休教师18人，慰问品120元，慰问金200元，共5760元。"
        assert figures(text) == []
        assert pairs(text.replace("5760", "5670")) == [(5670, 5760)]

    def test_far_off_either_way_stays_silent(self):
        # neither 18 × 320 nor 120 + 200 is near 4000: the sentence may mean something else
        assert figures("慰问退休教师18人，慰问品120元，慰问金200元，共4000元。") == []

    def test_a_numbered_budget_closed_by_zong_yusuan(self):
        text = "六、经费预算\n1. 场地租用及布置：6000元\n2. 评委劳务费：3000元\n3. 奖品与证书：4500元\n总预算：13500元"
        assert figures(text) == []
        assert pairs(text.replace("总预算：13500", "总预算：15300")) == [(15300, 13500)]

    def test_a_rate_a_count_and_zong_feiyong(self):
        text = "专家往返交通费按每位专家800元计算，共计9位专家，总费用为7200元。"
        assert figures(text) == []
        assert pairs(text.replace("总费用为7200", "总费用为2700")) == [(2700, 7200)]

    def test_a_total_over_a_range_wider_than_its_sentence_is_left_alone(self):
        # the second quarter writes 发放总金额 for its own amount: the sentence's last two amounts are no whole
        text = ("第一季度困难户212户 发放金额:70000元；第二季度困难户218户 发放总金额:72000元；"
                "第三季度困难户331户 发放金额:110000元 ;第四季度困难户336户 发放金额:112000元 第一季度到第四季度发放总金额:364000元")
        assert figures(text) == []


def test_income_and_spending_make_one_total_each_not_their_sum():
    text = ("本单位所有收入和支出均纳入部门预算管理。收入仅包括一般公共预算拨款收入318.40万元；支出包括：一般公共服务支出"
            "240.15万元、社会保障和就业支出41.30万元、住房保障支出36.95万元。本单位2025年收支总预算318.40万元。")
    assert figures(text) == []


def test_an_amount_without_its_yuan_leaves_the_total_unchecked():
    text = ("四、慰问费用预算\n1、退休教师共26人，人均150元，共3900元。\n"
            "2、座谈会茶点及餐费16008。以上费用合计5500元，由工会经费列支。\n")
    assert figures(text) == []


def test_yishang_gexiang_closes_every_amount_above_not_only_its_own_sentence():
    text = ("五、经费预算：\n1、场地布置：设三个展台，需经费：3500元（展板、灯光等）。2、奖品及证书：2600元；"
            "3、评委用餐：1400元。以上各项共需经费7500元整。")
    assert figures(text) == []
    assert pairs(text.replace("7500元整", "5700元整")) == [(5700, 7500)]


def test_a_subtotal_on_the_line_after_an_item_of_several_amounts_stands_for_that_item():
    text = ("六、经费预算\n1.退休教师慰问品：28人，共5600元；\n2.在职教职工96人，每人慰问品150元，共14400元；\n"
            "3.住院慰问：住院3人，每人300元；长期病休2人，每人200元；\n   小计1300元；\n"
            "4.座谈会茶点：茶点水果500元；横幅100元，共600元。\n以上4项总计：21900元。")
    assert figures(text) == []
    assert pairs(text.replace("总计：21900", "总计：21090")) == [(21090, 21900)]


class TestItemsWithTheirOwnSubtotals:
    BUDGET = ("五、经费预算\n1.购买奖品：一等奖3名×120元＝360元，二等奖5名×60元＝300元，小计660元。\n"
              "2.各班活动经费：每班300元，共18个班，计5400元。\n3.横幅3条，每条90元。\n4.音响租赁：1500元。\n"
              "合计：7830元（大写：柒仟捌佰叁拾元整）。")

    def test_an_items_subtotal_and_a_priced_count_count_in_the_total(self):
        assert figures(self.BUDGET) == []
        found = figures(self.BUDGET.replace("合计：7830元（大写：柒仟捌佰叁拾元整）", "合计：7380元"))
        assert [(f.stated, f.computed) for f in found] == [(7380, 7830)]

    def test_a_price_without_its_count_leaves_the_total_unchecked(self):
        assert figures(self.BUDGET.replace("3.横幅3条，每条90元。", "3.横幅若干，每条90元。").replace("7830元（大写：柒仟捌佰叁拾元整）", "7600元")) == []

    def test_a_sections_subtotal_after_an_unpriced_item_keeps_the_later_total_unchecked(self):
        text = ("二、经费预算\n1．红领巾：300套×8元＝2,400元\n2．文艺汇演\n（1）音响租赁：3,000元\n（2）服装租赁：40套×50元＝2,000元\n"
                "小计：5,000元\n3．奖品：200份×5元＝1,000元\n4．表彰：优秀队员100名×20元＝2,000元；优秀队干部30名×30元＝900元；小计2,900元\n"
                "预算合计：11,300元")
        assert figures(text) == []


def test_a_rate_paid_to_a_whole_broken_down_before_it():
    text = "会议同意表彰先进个人19名，其中优秀教师7名、优秀班主任7名、优秀教育工作者5名，每人奖励500元，共需9500元。"
    assert figures(text) == []
    assert pairs(text.replace("共需9500元", "共需9000元")) == [(9000, 9500)]


class TestSeveralGroupsInOneLine:
    def test_one_rate_for_the_groups_listed_before_it(self):
        text = "退休教师24人、工勤人员61人，每人慰问品150元，共12750元。"
        assert figures(text) == []
        assert pairs(text.replace("12750", "12570")) == [(12570, 12750)]

    def test_groups_in_brackets_joined_by_he(self):
        text = "在职教师（18人）和长期病休教师（4人）同一标准，均为每人500元，两项共11000元。"
        assert figures(text) == []

    def test_each_person_paid_for_each_festival_named(self):
        text = "生病住院教师元旦、春节两节每人各200元，共19人，计7600元。"
        assert figures(text) == []
        assert pairs(text.replace("7600", "3800")) == [(3800, 7600)]

    def test_a_line_said_to_be_outside_the_total_is_left_out(self):
        text = ("二、慰问标准\n1.困难职工12人，每人800元，计9600元。\n2.退休教师30人，每人300元，计9000元。\n"
                "3.建档困难职工9人，每人450元，计4050元，由学校行政经费列支，不计入本方案。\n以上合计：18600元。")
        assert figures(text) == []
        assert pairs(text.replace("以上合计：18600", "以上合计：18000")) == [(18000, 18600)]


def test_a_total_named_before_its_parts_and_again_after_them():
    text = "4. 支出：本月食堂支出86,420.50元，主食22,110.20元（25.6%）、副食51,305.10元（59.4%）、燃料9,005.20元（10.4%）、其他4,000.00元（4.6%），合计86,420.50元。"
    assert figures(text) == []
    found = figures(text.replace("合计86,420.50", "合计86,402.50"))
    assert [(f.stated, f.computed) for f in found] == [(Decimal("86402.50"), Decimal("86420.50"))]
    assert "主食22110.20+副食51305.10" in found[0].message


def test_an_item_in_thousands_of_yuan_is_told_in_thousands():
    text = "（2）奖金：系考绩奖金1,723千元、年终工作奖金1,775千元及年终慰问金44千元，合计3,542千元。"
    assert figures(text) == []
    (found,) = figures(text.replace("1,723千元", "1,732千元"))
    assert (found.stated, found.computed) == (3542000, 3551000)
    assert "应为 3551千元，文中写作 3542千元" in found.message  # as the budget writes its figures, not 3551000


def test_full_width_digits_with_a_full_width_thousands_comma():
    text = "本年度收入合计６９３，７００元，其中：会费收入６２，９００元，拨缴经费６３０，８００元。"
    assert figures(text) == []  # not 700 against 900 + 800
    (found,) = figures(text.replace("６３０，８００", "６３０，０００"))
    assert (found.stated, found.computed) == (693700, 692900)
    assert figures("两校分别录取693，700人。") == []  # ASCII digits: the comma is a pause


def test_a_subtotal_closes_the_clause_since_the_last_semicolon():
    text = ("五、经费预算\n本次活动经费安排如下：茶点水果：按报名120人，每人30元，计3,600元；节目评比奖励：一等奖2个×500元=1,000元，"
            "二等奖4个×300元=1,200元，三等奖5个×200元=1,000元，小计3,200元；会场布置费800元。合计：7,600元。")
    assert figures(text) == []  # not 3600 + 1000 + 1200 + 1000 against the 小计
    assert pairs(text.replace("小计3,200元", "小计3,000元")) == [(3000, 3200)]


def test_a_subtotal_after_a_breakdown_closes_the_lines_since_its_qizhong():
    text = ("一、慰问对象及标准\n慰问病休教职工3人，每人300元，计900元；困难职工6户，其中特困职工2户，每户1000元，计2000元；"
            "一般困难职工4户，每户500元，计2000元；小计4000元；退休教师40人，每人200元，计8000元；以上慰问金合计12900元。")
    assert figures(text) == []  # the 小计 is of the two 其中 lines, not of the 900 before them
    assert pairs(text.replace("小计4000元", "小计4200元")) == [(4200, 4000)]


def test_a_sentence_that_is_only_the_total_closes_the_lines_above():
    text = "五、经费预算\n本次活动经费安排如下：茶点水果120人×30元=3,600元；奖品费计3,200元；会场布置费800元。合计：7,600元。"
    assert figures(text) == []
    assert pairs(text.replace("合计：7,600元", "合计：7,800元")) == [(7800, 7600)]  # the lines with results of their own too


def test_an_amount_after_the_yuan_sign_is_money():
    text = "五、经费预算\n（一）学生奖励：一等奖16人，每人600元，计9600元；二等奖50人，每人400元，计￥20,000.00；三等奖64人，每人150元，计9600元，小计39200元。"
    assert figures(text) == []  # the ￥20,000.00 is the second line's, not part of the third's
    assert pairs(text.replace("小计39200元", "小计36200元")) == [(36200, 39200)]


def test_income_before_a_spending_total_is_no_line_of_it():
    text = "五、经费收支\n（二）收支汇总。本年收入合计198,148元，支出合计117,550元。"
    assert figures(text) == []


def test_a_count_per_class_is_not_the_people_paid():
    text = "第四条 班主任津贴按每人每月500元标准发放，全校共19个班，每班配备班主任1名，全年按10个月计发，共需95000元。"
    assert figures(text) == []  # not 1 person × 10 months × 500


def test_a_share_of_a_fund_said_after_the_yuan_sign():
    text = "按2%提取工会经费73900.00元，其中60%即￥44,340.00留校工会使用，40%即29560元上缴上级工会。"
    assert figures(text) == []  # 40 % of the 73900, not of the 44340 before it
    assert (29650, 29560) in pairs(text.replace("29560元", "29650元"))  # (and the parts, 73990, against 73900)


ACCOUNT = ("贰、支出\n一、人事费：83,900元；\n二、办公费：25,100元；\n三、会员福利：\n（一）婚丧喜庆礼金20件，每件1200元，计24,000元；\n"
           "（二）会员生日礼券393份，每份100元，计39,300元；\n（三）急难慰问金20,000元。\n小计83,300元。\n四、研习活动费：173,300元；\n"
           "五、杂支：90,100元。\n支出合计：455,700元。")


def test_an_item_whose_lines_follow_it_is_no_heading_that_ends_the_list():
    assert figures(ACCOUNT) == []  # 83,900 + 25,100 + 83,300 + 173,300 + 90,100
    assert pairs(ACCOUNT.replace("455,700", "455,900")) == [(455900, 455700)]
    assert pairs(ACCOUNT.replace("小计83,300", "小计83,500")) == [(83500, 83300)]  # told once: the total holds with 83,300


def test_an_income_total_after_its_lines_closes_them():
    text = ("壹、收入\n一、会费收入：8,600元；\n二、补助收入：46,000元；\n三、利息收入：2,739元。\n收入合计：57,339元。\n" + ACCOUNT)
    assert figures(text) == []
    assert pairs(text.replace("57,339", "57,393")) == [(57393, 57339)]


def test_a_line_before_a_heading_without_money_is_no_introduction():
    text = ("三、经费安排\n单亲困难家庭8户，每户600元，计4800元；在职教职工54人，人均100元，共5400元；交通费150元。"
            "以上总计10350元（壹万零叁佰伍拾元整）。\n四、时间安排\n元旦前完成。")
    assert figures(text) == []  # the 150 is a line of the budget, not an introduction to 四、


def test_a_subtotal_written_after_the_yuan_sign_closes_its_item():
    text = ("三、帮扶资金\n（一）生活补助：每户每月300元，12户，6个月，计21600元；\n（二）金秋助学：大学生24人、每人2500元，计60000元；"
            "高中生3人、每人800元，计2400元；小计￥62400.00。\n（三）送温暖：98户，每户1000元，计98000元。\n以上三项共计182000元。")
    assert figures(text) == []  # the 小计 stands for its two lines, once
    assert pairs(text.replace("182000", "182600")) == [(182600, 182000)]


def test_a_subtotal_of_the_lines_so_far_with_more_lines_and_a_total_after_it():
    text = ("三、评审经费支出\n1. 材料审核劳务费：审核人员33人次，按每人120元标准，计3960元；\n2. 档案整理费：申报材料435份，5元/份，计2,175元；\n"
            "   以上两项小计6135元。\n3. 评审专家劳务费：专家9人，2天，人均每天400元，计7200元；\n4. 场地及印刷费2300元。\n以上共计15635元。")
    assert figures(text) == []  # 6135 + 7200 + 2300
    assert pairs(text.replace("以上共计15635元", "以上共计15653元")) == [(15653, 15635)]


def test_an_item_broken_down_under_it_is_counted_once():
    # 3.其他费…元，其中：⏎（1）…（3）…: the item's parts are in its amount already, the total adds the items
    text = ("四、资金支出情况\n1.建筑安装工程费1,520,000.00元；\n2.设备购置费186,400.50元；\n3.工程建设其他费64,380.00元，其中：\n"
            "（1）设计费30,000.00元；\n（2）监理费24,380.00元；\n（3）审计费10,000.00元。\n以上支出合计{}元。\n")
    assert figures(text.format("1,770,780.50")) == []
    assert pairs(text.format("1,770,870.50")) == [(Decimal("1770870.50"), Decimal("1770780.50"))]


def test_a_total_sentences_away_that_names_something_else_closes_no_amounts():
    text = ("推进学生资助工作。营养午餐人数5210人次，金额416.8万元；寄宿生补助人数1930人，金额120.6万元；"
            "困难学生生活费人数1120人，金额50.4万元；学前奖补资金人数320人次，金额12.8万元。实现全镇适龄儿童教育有保障。"
            "做好合作医疗报销工作，全年就医2870人次，发放医疗费用总计9604388.50元，补偿金额合计为6630221.40元。")
    assert figures(text) == []


def test_a_budget_said_first_and_a_total_closing_its_lines_are_both_read():
    text = ("三、活动内容及经费安排\n本次活动经费预算9270.00元，具体如下：\n"
            "班级节日布置：材料费200元/班×14个班=2800元;一线保育员：慰问品150元/人×15名=2250元;退休教师：慰问品200元/人×14人=2800元。\n"
            "其他费用：饮用水及水果200元;车辆燃油费160元;香烟60元;奖品费1000元,共1420元。\n以上四项总支出{}元。\n"
            "四、经费预算\n本次活动总计：9270.00元（大写：玖仟贰佰柒拾元整），从工会经费中列支。\n")
    assert figures(text.format("9270.00")) == []
    assert pairs(text.format("9720.00")) == [(Decimal("9720.00"), Decimal("9270"))]


def test_a_total_that_counts_the_item_s_own_lines_closes_only_them():
    text = ("一、主要工作及成效\n（一）送温暖活动。走访慰问困难职工83户，每户发放慰问金1000元，共计83,000元。\n"
            "（二）金秋助学活动。资助困难职工子女41人，其中大学生26人，每人3000元，计78000元；高中生15人，每人1500元，计22500元；"
            "两项合计{}元。\n")
    assert figures(text.format(100500)) == []
    assert pairs(text.format(105000)) == [(105000, Decimal("100500"))]


def test_an_item_whose_amount_is_not_written_leaves_its_budget_unsummed():
    text = "三、费用预算 300元\n1、学校拨款200元\n2、志愿者零用钱捐款\n四、活动内容\n1、赠送礼物。"
    assert figures(text) == []
    assert pairs("三、费用预算 300元\n1、学校拨款200元\n2、志愿者捐款90元\n四、活动内容\n1、赠送礼物。") == [(300, 290)]


def test_a_share_named_with_its_amount_may_be_the_amounts_rounded_share():
    text = "总数达114万元的拨款，当中39.5%即45万元用于维修，另有10.8%（12万3000元）、27.6%（31万5000元）及2%（2万2000元）用于添置设备。"
    assert figures(text) == []  # 123000 of 1140000 is 10.8 %, 22000 of it 2 %: the shares are the amounts', rounded
    assert pairs(text.replace("当中39.5%即45万元", "当中39.5%即4.5万元")) == [(Decimal(45000), Decimal(450000))]


def test_a_lead_total_after_an_estimate_with_the_lines_opened_by_qizhong():
    text = ("三、慰问标准及经费预算\n经测算，本项经费共需{}元，具体安排如下：\n其中：在职教职工86人，人均300元，计25800元；"
            "退休教职工32人，人均200元，计6400元；困难职工5户，每户600元，计3000元。\n以上3项合计35200元。\n四、工作要求\n")
    assert figures(text.format(35200)) == []  # the lead is the lines' total, not a line of its own
    assert pairs(text.format(35200).replace("合计35200元", "合计35400元")) == [(35400, 35200)]


def test_an_amounts_working_in_brackets_is_no_amount_of_the_line():
    text = "（三）其他费用。座谈会场地3200元（4项×800元），慰问车辆700元（2天×350元），合计{}元。"
    assert figures(text.format(3900)) == []
    assert pairs(text.format(3800)) == [(3800, 3900)]


def test_prizes_so_many_each_per_clause_or_a_tier_said_alike():
    text = "每个项目设一等奖2个，奖励800元；二等奖2个，奖励500元；三等奖4个，奖励300元。单项奖金小计{}元。"
    assert figures(text.format(3800)) == []  # 2×800 + 2×500 + 4×300 (and 500 + 300 is 800 by chance)
    assert figures(text.format(3900)) == []  # neither reading gives it: which one was meant is not said
    tiers = "一等奖2名1600元；二等奖2名1000元；三等奖4名1200元。奖金小计{}元。"  # each tier's amount: products far off
    assert figures(tiers.format(3800)) == [] and pairs(tiers.format(3300)) == [(3300, 3800)]


def test_budgets_in_running_prose_by_aspect():
    text = ("三、经费预算\n经测算，本次运动会所需经费安排如下：奖品费用方面，团体项目获奖队伍6个，按每个300元标准，共需0.18万元，"
            "个人项目获奖者按100元/人标准，27人共2700元，两项小计0.45万元；参赛物资方面，统一运动服127套，按每套60元标准，"
            "共需0.762万元。以上两项合计{}元。")
    assert figures(text.format(12120)) == []  # the first clause's 小计, with no ； before it, stands for its two lines
    assert pairs(text.format(12210)) == [(12210, 12120)]
    aside = ("三、经费\n节日慰问方面，在职女职工118人，每人200元，计23600元，退休女职工41人，每人150元，计6150元，两项小计29750元；"
             "活动物资方面，资料65份，每份8元，计520元，材料56份，每份60元，计3360元，两项小计3880元；其他方面，摄影300元，布置500元，"
             "小计800元。节日慰问、活动物资两项合计33630元。以上三项总支出{}元。")
    assert figures(aside.format(34430)) == []  # a sum of two items said aside; the total of all three after it
    assert pairs(aside.format(34530)) == [(34530, 34430)]


def test_a_lead_said_first_is_no_line_and_an_amount_before_a_rates_sentence_is_none_of_it():
    approx = ("三、经费\n第三条 本次文艺汇演共需经费约14000元，具体安排如下：节目补助方面，参演节目19个，每个200元，计3800元，"
              "服装道具47套，按每套80元标准，共需3760元，小计{}元。")
    assert figures(approx.format(7560)) == [] and pairs(approx.format(7650)) == [(7650, 7560)]
    before = ("三、经费\n本次慰问共需经费约29000元，其中慰问金22100元，慰问品6900元。具体如下：困难职工20户，按每户500元标准，"
              "共需10000元，患病职工9名，按每人500元标准，共需4500元，退休职工38人，人均200元，需7600元，小计{}元。")
    assert figures(before.format(22100)) == [] and pairs(before.format(21100)) == [(21100, 22100)]
    told = ("三、经费\n本次活动共需经费13940元（壹万叁仟玖佰肆拾元整），其中节目补助5800元，演出保障8140元。节目补助方面，"
            "参演节目29个，每个200元，计5800元；演出保障方面，服装租赁8140元。以上两项合计13940元（壹万叁仟玖佰肆拾元整）。")
    assert figures(told) == []  # the total said first with its parts is not a line of its own


def test_a_count_that_frames_is_not_the_count_paid_and_sources_are_no_spending():
    text = "考核得分90分以上的评为优秀分工会，每个奖励800元。按上年考核结果，7个分工会中有2个评为优秀，奖励金共计{}元。"
    assert figures(text.format(1600)) == [] and pairs(text.format(1800)) == [(1800, 1600)]
    sources = ("三、支出\n1. 生活救助：15人，人均1200元，共18000元\n2. 临时救助：35户，户均500元，共17500元\n小计：35,500元\n"
               "四、资金来源及结余\n上级工会拨付29900元，本级工会经费列支15600元，共计45500元；总支出35500元，结余10000元。")
    assert figures(sources) == []  # the 总支出 is the spending told above, not the sources before it


def test_a_bar_row_with_a_remark_restating_its_rate_is_no_budget_line():
    text = ("三、经费概算\n项目 | 数量 | 单价 | 金额 | 说明\n讲师出席费 | 12人次 | 1500 | 18000 | 单价1500元\n"
            "保险费 | 50人 | 45 | 2250 | 每人45元\n纪念品费 | 259个 | 150 | 38850 | 每个150元\n"
            "茶水点心费 | 235人 | 50 | 11750 | 单价50元\n文具耗材 | 1式 | 4800 | 4800 | 核实支付\n以上合计75650元。")
    assert figures(text) == []  # not 1500 + 2250 against the total


def test_a_named_subtotal_in_a_clause_of_its_own_stands_for_the_items_before_it():
    text = ("四、学生资助\n全年共资助学生6000人次，发放资助资金1,500,000元，其中：\n"
            "1、小学寄宿生生活补助200人，1000元/人·年，计20万元。\n"
            "2、初中寄宿生生活补助200人，1250元/人·年，计250,000元；寄宿生生活补助小计{}元。\n"
            "3、普通高中国家助学金100人，2000元/人·年，计200000元。\n"
            "4、营养改善计划受益学生850人，每人1000元，计850000元。\n以上各项合计150万元。\n五、附表\n")
    assert figures(text.format(450000)) == []  # the 小计 is of items 1 and 2, and stands for them in the total
    assert pairs(text.format(460000)) == [(460000, 450000)]


def test_a_subsidy_total_said_first_and_a_subtotal_inside_a_chained_line():
    text = ("四、学生资助\n全年共资助学生6000人次，发放资助资金{lead}，其中：\n"
            "小学寄宿生生活补助200人，按每生每年1000元标准，计200000元；初中寄宿生生活补助200人，按每生每年1250元标准，"
            "计250000元；寄宿生生活补助小计{sub}元；普通高中国家助学金100人，按每生每年2000元标准，计200000元；"
            "营养改善计划受益学生850人，每人1000元，计850000元。\n以上各项合计1500000元。\n五、附表\n")
    for lead in ("1500000元（壹佰伍拾万元整）", "150万元"):
        assert figures(text.format(lead=lead, sub=450000)) == []  # the lead is no line; the 小计 stands for its two
        assert pairs(text.format(lead=lead, sub=460000)) == [(460000, 450000)]
    breakdown = ("2023年本年一般公共预算基本支出911000.39元，其中：\n人员经费809961.19元，主要包括基本工资。\n"
                 "公用经费71339.2元，主要包括办公费。\n")
    assert figures(breakdown) == []  # a breakdown of spending, not a budget's lines
