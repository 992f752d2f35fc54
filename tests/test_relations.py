"""Relations a text states, one class per kind: right texts stay silent, one changed figure gives one finding.

Every sentence here is written for these tests, in the shapes found in real
school and union documents (half-width and full-width punctuation, 元/人,
rates in the sentence before the count, totals on the next line, bracketed
sub-counts, overlapping subgroups).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kit.proof import check_text
from kit.proof.relations import Explain

D = Decimal


def figures(text: str) -> list:
    return [f for f in check_text(text) if f.kind == "arithmetic"]


def pairs(text: str) -> list[tuple[Decimal, Decimal]]:
    return [(f.stated, f.computed) for f in figures(text)]


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
    @given(count=st.integers(1, 400), rate=st.integers(1, 2000), slip=st.integers(1, 999), form=st.integers(0, 2))
    def test_generated_pairs(self, count, rate, slip, form):
        shapes = [
            "{c}人，每人慰问金{r}元，共{t}元。",
            "慰问困难职工{c}户，安排慰问金{r}元/户，计{t}元。",
            "标准为每人{r}元，共慰问{c}名退休教师，合计{t}元。",
        ]
        right = shapes[form].format(c=count, r=rate, t=count * rate)
        assert figures(right) == []
        wrong = shapes[form].format(c=count, r=rate, t=count * rate + slip)
        assert pairs(wrong) == [(count * rate + slip, count * rate)]


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
    @given(amounts=st.lists(st.integers(10, 5000), min_size=2, max_size=6), slip=st.integers(1, 500))
    def test_generated_item_totals(self, amounts, slip):
        lines = "\n".join(f"{i + 1}、第{i + 1}项费用{a}元；" for i, a in enumerate(amounts))
        right = f"三、经费预算\n{lines}\n合计：{sum(amounts)}元。"
        assert figures(right) == []
        assert pairs(right.replace(f"合计：{sum(amounts)}元", f"合计：{sum(amounts) + slip}元")) == [(sum(amounts) + slip, sum(amounts))]


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
    @given(a=st.integers(1, 9999), b=st.integers(1, 999), slip=st.integers(1, 99), op=st.sampled_from(["x", "×", "*", "+"]))
    def test_generated_equations(self, a, b, slip, op):
        result = a + b if op == "+" else a * b
        assert figures(f"费用{a}{op}{b}={result}元") == []
        assert pairs(f"费用{a}{op}{b}={result + slip}元") == [(result + slip, result)]

    def test_dimensions_and_quantity_markers_are_not_products(self):
        assert figures("展板规格72*72厘米，投影仪×1，共计3500元。") == []


class TestWholesAndParts:
    def test_bracketed_counts_are_nested_not_parts(self):
        text = "本次共有36名学生获奖，其中甲校20人（女生9人），乙校10人（3人），丙校6人（2人）。"
        assert figures(text) == []
        assert pairs(text.replace("共有36名", "共有38名")) == [(38, 36)]

    def test_overlapping_subgroups_are_not_a_partition(self):
        assert figures("全校教职工50人，其中党员21人，女教师32人，高级教师12人。") == []

    def test_complementary_groups_are(self):
        assert figures("全校学生116人，其中男生62人、女生54人。") == []
        assert pairs("全校学生116人，其中男生60人、女生54人。") == [(116, 114)]

    def test_a_colon_list_after_the_whole(self):
        assert figures("慰问对象共21人：退休教师15人、困难职工4人、生病教师2人。") == []
        assert pairs("慰问对象共22人：退休教师15人、困难职工4人、生病教师2人。") == [(22, 21)]


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


class TestUpper:
    def test_upper_beside_its_figure(self):
        assert figures("申请补助3320元（大写：叁仟叁佰贰拾元整）。") == []
        (found,) = figures("申请补助3320元（大写：叁仟贰佰捌拾元整）。")
        assert (found.stated, found.computed) == (3280, 3320) and "叁仟叁佰贰拾元整" in found.suggestion


class TestTables:
    HEADER = "序号\t项目\t数量\t单价（元）\t金额（元）"

    def test_row_products_and_column_totals(self):
        rows = [self.HEADER, "1\t奖品\t20\t15\t300", "2\t证书\t40\t5\t200", "合计\t\t60\t\t500"]
        assert figures("\n".join(rows)) == []
        wrong = [self.HEADER, "1\t奖品\t20\t15\t320", "2\t证书\t40\t5\t200", "合计\t\t60\t\t520"]
        (row, total) = figures("\n".join(wrong))
        assert (row.stated, row.computed) == (320, 300) and (total.stated, total.computed) == (520, 500)

    def test_markdown_tables_and_unit_price_columns_are_not_summed(self):
        text = "| 项目 | 人数 | 标准（元/人） | 金额 |\n|---|---|---|---|\n| 午餐 | 40 | 45 | 1800 |\n| 晚餐 | 40 | 50 | 2000 |\n| 合计 | 80 | 95 | 3800 |"
        assert figures(text) == []


def test_kit_check_explain_lists_what_it_left_alone(tmp_path, capsys):
    from kit.cli import main

    doc = tmp_path / "预算.txt"
    doc.write_text("1、奖品约500元；\n2、交通费600元。\n合计：1000元。\n", encoding="utf-8")
    assert main(["check", str(doc), "--explain"]) == 0
    err = capsys.readouterr().err
    assert "未能读懂" in err and "约数" in err


class TestPatternsFromRealPages:
    """Shapes seen on real pages, each in sentences written for this test."""

    def test_a_partition_in_brackets_right_after_the_whole(self):
        assert figures("住校学生1230人(小学410人,中学820人),宿舍面积5600(小学1600、中学4000)。") == []
        assert pairs("住校学生1230人(小学410人,中学830人)。") == [(1230, 1240)]
        assert pairs("尚缺宿舍面积900(小学缺300,中学缺500)。") == [(900, 800)]

    def test_a_list_closed_by_other_is_complete(self):
        assert figures("基地面积120亩(小学50亩、中学70亩)其中,划拨80亩,租赁15亩,其他25亩。") == []
        assert pairs("基地面积120亩,其中,划拨80亩,租赁15亩,其他24亩。") == [(120, 119)]

    def test_an_enumeration_after_qizhong_colon(self):
        text = "新建操场5200平方米。其中:新建跑道1条,面积3600平方米;新建篮球场2个,面积1000平方米;新建器械区1处,面积600平方米。"
        assert figures(text) == []
        assert pairs(text.replace("5200", "5300")) == [(5300, 5200)]

    def test_a_whole_followed_by_boys_and_girls(self):
        assert figures("在校学生88名,男46名,女42名,适龄儿童60名,已入学58名。") == []
        assert pairs("在校学生88名,男46名,女40名,适龄儿童60名。") == [(88, 86)]

    def test_money_spent_on_listed_things_is_a_warning(self):
        (found,) = figures("文体经费12.5万元,用于运动会5万元,合唱比赛6万元,读书活动等1万元;下一年另行安排。")
        assert found.severity == "warning" and (found.stated, found.computed) == (125000, 120000)

    def test_a_heading_that_states_the_total_of_its_lines(self):
        text = "八、经费预算3200元(以实际支出为准)\n1、车费700元;\n2、慰问用品2500元。\n九、其他"
        assert figures(text) == []
        assert pairs(text.replace("车费700", "车费900")) == [(3200, 3400)]

    def test_an_upper_amount_written_without_yuan(self):
        assert figures("小写5370元,大写(伍仟叁佰柒拾)。") == []
        (found,) = figures("小写5730元,大写(伍仟叁佰柒拾)。")
        assert {found.stated, found.computed} == {5370, 5730}

    def test_shares_of_the_group_named_just_before(self):
        text = "60名代表中,教师代表42人,占70%,女代表27人,占45%。"
        assert figures(text) == []
        assert pairs(text.replace("占45%", "占54%")) == [(54, 45)]

    def test_a_share_of_a_whole_named_elsewhere_is_left_alone(self):
        assert figures("全县有中小学生50000人,留守儿童8000人,其中女生3600人,占留守儿童总数的45%。") == []

    def test_an_equation_whose_operands_are_named(self):
        assert pairs("实际支出:水果40元+文具120.5元+糖果30元=191.5元") == [(Decimal("191.5"), Decimal("190.5"))]


class TestNumberingOnRealPages:
    def kinds(self, text):
        return [f for f in check_text(text) if f.kind == "numbering"]

    def test_two_texts_on_one_page(self):
        text = "学校春节慰问方案1\n一、目的\n二、对象\n三、标准\n学校春节慰问方案2\n一、目的\n二、对象"
        assert self.kinds(text) == []

    def test_pian_markers_restart_the_count(self):
        assert self.kinds("篇一\n一、目的\n二、安排\n三、要求\n篇二\n一、目的\n二、要求") == []

    def test_a_list_restarts_under_a_new_heading(self):
        assert self.kinds("一、时间\n1、上午报到\n2、下午开会\n二、要求\n1、准时\n2、着装整齐\n3、关闭手机") == []

    def test_a_heading_run_into_the_line_before(self):
        assert self.kinds("一、目的\n为了关心退休教师。二、慰问对象\n退休教师15人。\n三、时间") == []

    def test_item_labels_followed_by_digits(self):
        assert self.kinds("一、安排\n1、2015年4月1日前报名\n2、8点半集合\n3、13:30出发") == []

    def test_a_label_that_lost_its_dot(self):
        assert self.kinds("一、要求\n1.按时到场\n2.注意安全\n3大家结伴而行\n4.保持整洁") == []

    def test_an_excerpt_that_starts_mid_document(self):
        assert self.kinds("（三）做好宣传\n（四）加强检查\n五、工作要求\n六、其他") == []

    def test_a_lost_parent_heading_is_named_never_a_renumbering_of_the_restart(self):
        text = "一、目标\n（一）甲\n（二）乙\n（一）丙\n（二）丁\n三、要求"
        (found,) = self.kinds(text)
        assert found.quote.startswith("三、") and "二、" in found.message and "漏写了上级标题" in found.message

    def test_skips_duplicates_and_swaps(self):
        assert [f.quote[:2] for f in self.kinds("一、甲\n二、乙\n三、丙\n三、丁\n五、戊")] == ["三、", "五、"]
        (swap,) = self.kinds("一、活动\n1、签到\n2、致辞\n4、颁奖\n3、合影\n5、散会")
        assert swap.quote.startswith("3、") and "顺序颠倒" in swap.message

    def test_grades_are_not_labels(self):
        assert self.kinds("一、对象\n三、四年级学生20人参加。\n二、时间") == []


class TestShareSets:
    def test_answers_that_cover_every_case_add_up_to_100(self):
        assert figures("满意占82.6%，比较满意占13.0%，不满意占4.3%。") == []  # 99.9: rounding of three shares
        (found,) = figures("满意:81% 基本满意:9% 不满意:0%")
        assert (found.stated, found.computed) == (90, 100)

    def test_lists_that_may_not_be_complete_are_left_alone(self):
        assert figures("优秀30%，良好50%，合格15%。") == []


def test_a_budget_naming_two_grades_is_read_as_one_line():
    text = "三、奖励经费\n1、三、四年级学生20人，每人奖品10元，共200元；\n2、五年级学生10人，每人奖品10元，共100元。\n合计：300元。"
    assert figures(text) == []
    assert pairs(text.replace("合计：300元", "合计：310元")) == [(310, 300)]


class TestMorePatternsFromRealPages:
    def test_wan_without_yuan_in_a_money_sentence(self):
        assert figures("区级专项资金12万,市级专项资金8万,合计20万。") == []
        assert pairs("区级专项资金12万,市级专项资金8万,合计21万。") == [(210000, 200000)]

    def test_valued_prizes_counted_in_fen(self):
        assert figures("三等奖:奖励价值25元奖品12份,合计300元;") == []
        assert pairs("三等奖:奖励价值25元奖品12份,合计320元;") == [(320, 300)]

    def test_a_rate_per_square_metre_and_a_needed_sum(self):
        assert figures("墙面面积1200平方米,按每平方4元计算,需资金4800元。") == []
        assert pairs("墙面面积1200平方米,按每平方4元计算,需资金4600元。") == [(4600, 4800)]

    def test_a_share_of_the_total_number_of_a_kind(self):
        assert figures("全镇共有幼儿园40所,其中公办幼儿园30所,占总园数的75%。") == []
        assert pairs("全镇共有幼儿园40所,其中公办幼儿园30所,占总园数的70%。") == [(70, 75)]

    def test_two_standards_are_not_two_components(self):
        assert figures("今年将原来每人300元的慰问标准提高到了每人500元,向120名困难教师发放慰问金共计6万元。") == []

    def test_groups_each_with_their_own_count(self):
        text = "一等奖3人,每人奖品价值100元;二等奖5人,每人奖品价值60元,奖品合计600元。"
        assert figures(text) == []
        assert pairs(text.replace("600元", "650元")) == [(650, 600)]

    def test_parts_within_parts_are_left_alone(self):
        assert figures("全县有学校111所。其中:高中1所,职校1所;义务教育学校73所,其中:初中9所,小学64所;幼儿园35所。") == []

    def test_a_figure_without_unit_among_the_parts_stops_the_sum(self):
        assert figures("经费收入100万元。其中:拨缴经费827,710.28(按2%计提),会费收入20万元。") == []
