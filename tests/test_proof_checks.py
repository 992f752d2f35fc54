"""Proofreading checks on short passages written the way offices write them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kit.proof import check_text


def kinds(text: str, kind: str | None = None):
    return [f for f in check_text(text) if kind is None or f.kind == kind]


def pairs(text: str) -> list[tuple[Decimal, Decimal]]:
    return [(f.stated, f.computed) for f in kinds(text, "arithmetic")]


WORKED = """慰问费用预算
1.退休教师15人，每人慰问品100元，共1500元；
2.困难职工3人，每人慰问金100元、慰问品50元，小计450元；
3.生重大病教师2人，每人慰问金400元、慰问品50元，小计900元；
4.困难退休教师1人，每人慰问金200元、慰问品50元，小计250元；
5.参加慰问人员餐费80元、油费80元、香烟60元，小计180元。
五项总计：3280元（大写：叁仟贰佰捌拾元整）。"""


class TestBudgets:
    def test_the_worked_budget_line_five_is_220_not_180(self):
        line5, total, upper = kinds(WORKED, "arithmetic")
        assert (line5.stated, line5.computed, line5.difference) == (180, 220, -40)
        assert line5.corrected_total == 3320
        assert line5.where == "第6段第1行" and line5.paragraph == 6 and line5.line == 1
        assert line5.quote == "5.参加慰问人员餐费80元、油费80元、香烟60元，小计180元"
        assert "220" in line5.suggestion and "3320" in line5.message
        assert (total.stated, total.computed, total.corrected_total) == (3280, 3320, 3320)
        assert upper.quote == "叁仟贰佰捌拾元整" and "叁仟叁佰贰拾元整" in upper.suggestion

    def test_a_right_budget_says_nothing(self):
        right = WORKED.replace("小计180元", "小计220元").replace("3280元（大写：叁仟贰佰捌拾元整）", "3320元（大写：叁仟叁佰贰拾元整）")
        assert kinds(right) == []

    @pytest.mark.parametrize(
        "line, stated, computed",
        [
            ("退休教师十五人，每人慰问品一百元，共一千四百元。", 1400, 1500),
            ("退休教师15人，每人慰问品100元，共壹仟肆佰元整。", 1400, 1500),
            ("退休教师１５人，每人慰问品１００元，共１４００元。", 1400, 1500),
            ("退休教师1,500人，每人慰问品10元，共14,000元。", 14000, 15000),
            ("困难职工30户，每户慰问金500元，共计1.4万元。", 14000, 15000),
            ("购置图书500册，每册40元，共计2.1万元。", 21000, 20000),
        ],
    )
    def test_numbers_in_every_customary_form(self, line, stated, computed):
        assert pairs(line) == [(stated, computed)]

    def test_the_number_of_items_must_match_the_lines(self):
        text = "四、经费预算\n1.退休教师15人，每人慰问品100元，共1500元；\n2.困难职工3人，每人慰问金100元，小计300元。\n三项合计：1800元。"
        (count,) = kinds(text, "arithmetic")
        assert (count.stated, count.computed) == (3, 2) and "2 项" in count.message
        # the same list at the very start of a text may be the tail of a longer one cut off above: no total is judged
        assert kinds(text.split("\n", 1)[1], "arithmetic") == []

    def test_a_rate_without_a_readable_count_is_left_alone(self):
        assert kinds("慰问品若干份，每份50元，共500元。") == []

    def test_accumulated_and_planned_figures_are_not_subtotals(self):
        assert kinds("图书购置2万元，累计投入5万元；预计5万元。") == []


class TestPartsSharesThresholds:
    def test_room_areas_against_the_total_floor_area(self):
        right = "总面积120平方米，其中阅览室40平方米、活动室50平方米、心理咨询室30平方米。"
        assert kinds(right) == []
        assert pairs(right.replace("120", "130")) == [(130, 120)]

    def test_people_by_group_against_the_stated_total(self):
        assert kinds("慰问对象共21人：退休教师15人、困难职工4人、生病教师2人。") == []
        assert pairs("慰问对象共20人：退休教师15人、困难职工4人、生病教师2人。") == [(20, 21)]

    def test_a_single_part_is_not_a_sum(self):
        assert kinds("全校学生116人，其中留守儿童17人，占全校学生116人的14.7%。") == []

    def test_a_share_is_compared_at_the_written_precision(self):
        assert pairs("留守儿童17人，占全校学生116人的14.6%。") == [(Decimal("14.6"), Decimal("14.7"))]
        assert kinds("留守儿童17人，占全校学生116人的15%。") == []
        assert kinds("全校学生116人，其中留守儿童17人，占14.7%。") == []

    def test_a_threshold_written_as_a_multiple_of_its_base(self):
        right = "最低生活保障标准为780元，低于150%（即1170元）、200%（即1560元）、300%（即2340元）的。"
        assert kinds(right) == []
        (wrong,) = kinds(right.replace("1170", "1200"), "arithmetic")
        assert (wrong.stated, wrong.computed) == (1200, 1170)
        assert wrong.quote == "150%（即1200元"

    def test_a_derived_payment_is_compared_at_the_fen_it_is_written_to(self):
        # 286431.37 × 40% = 114572.548: written 114572.55, the rounding to the fen is no slip
        assert kinds("合同金额286431.37元，合同签订后支付40%，即114572.55元。") == []
        (wrong,) = kinds("合同金额286431.37元，合同签订后支付40%，即114527.55元。", "arithmetic")
        assert (wrong.stated, wrong.computed) == (Decimal("114527.55"), Decimal("114572.55"))

    def test_rates_and_land_area_are_not_shares(self):
        assert kinds("学校占地面积12000平方米，入会率达到95%以上，满意率90%。") == []


class TestNumbering:
    def test_gaps_repeats_and_swaps(self):
        text = "一、目标\n二、措施\n四、要求\n（一）甲\n（二）乙\n（二）丙\n1.子\n3.子\n2.子"
        found = kinds(text, "numbering")
        assert [f.quote[:3] for f in found] == ["四、要", "（二）", "2.子"]
        assert "三、" in found[0].suggestion and "（三）" in found[1].suggestion
        assert "顺序颠倒" in found[2].message  # 3. then 2.: one swap, not a skip and a reversal

    def test_every_level_restarts_under_a_new_parent(self):
        text = "一、甲\n（一）a\n1.x\n2.y\n（1）p\n（2）q\n（二）b\n1.x\n二、乙\n（一）c\n1.x\n附件\n1.名单"
        assert kinds(text) == []

    @pytest.mark.parametrize("line", ["1.5万元由工会经费列支。", "2023.12.30前报送。", "三、四年级学生参加。", "12:30集合。"])
    def test_figures_and_dates_are_not_item_numbers(self, line):
        assert kinds("一、甲\n1.开头\n" + line + "\n2.结尾") == []


class TestPlaceholders:
    @pytest.mark.parametrize("mark", ["xx", "XX", "××", "ＸＸ", "20xx", "二0xx", "二零一x", "（ ）", "____", "x月"])
    def test_every_template_placeholder(self, mark):
        (found,) = kinds(f"请于{mark}年前完成", "placeholder")
        assert mark in found.quote


class TestNoise:
    @pytest.mark.parametrize("text, quote", [("建设(shè)", "(shè)"), ("建设（she4）", "（she4）"), ("建设(shè jì)", "(shè jì)")])
    def test_pinyin_after_characters(self, text, quote):
        (found,) = kinds(f"加强{text}工作", "noise")
        assert quote in found.quote

    @pytest.mark.parametrize("text", ["图书(book)", "课件(PPT)", "方案(A)", "（一）"])
    def test_brackets_that_are_not_pinyin(self, text):
        assert kinds(f"准备{text}若干") == []

    @pytest.mark.parametrize("char", ["\u200b", "\ufeff", "`", "´"])
    def test_anti_copy_characters(self, char):
        (found,) = kinds(f"学校工会{char}组织", "noise")
        assert char in found.quote

    def test_question_mark_for_a_lost_full_width_space(self):
        (found,) = kinds("??为了加强\n组?长：张三", "noise")
        assert "2 处" in found.message and "组?长" in found.message
        assert kinds("是否参加?由各班决定") == []


    @pytest.mark.parametrize("text", ["更多精彩内容请关注本站。", "欢迎关注学校微信公众号获取通知。", "扫码下载全文", "本文来源：网络"])
    def test_pasted_page_furniture(self, text):
        (found,) = kinds(f"一、活动内容\n开展慰问活动。{text}", "noise")
        assert "广告" in found.message

    def test_a_report_naming_its_own_channels_is_no_advert(self):
        text = "全年公开信息120条，其中网站公开96条，微信公众号公开24条。"
        assert kinds(text, "noise") == []


class TestTraditional:
    def test_a_pasted_paragraph_is_reported_with_its_simplified_form(self):
        (found,) = kinds("一、基本情况\n學校現有學生116人。", "traditional")
        assert found.paragraph == 2 and "学校现有学生" in found.suggestion

    def test_a_whole_traditional_document_is_reported_once(self):
        text = "\n".join(["學校開展活動。"] * 6)
        (found,) = kinds(text, "traditional")
        assert "全文" in found.message and "6 段" in found.message

    def test_simplified_text_is_not_traditional(self):
        assert kinds("我们学校于2023年开展著名的乾坤大挪移活动，后来发展为制度。") == []


def test_traditional_paragraphs_here_and_there_are_one_finding():
    text = "一、情况\n學校開展活動。\n我们做了很多工作。\n二、做法\n關愛職工。\n我们继续努力。\n三、打算\n我们将再接再厉。"
    (found,) = kinds(text, "traditional")
    assert "2 段" in found.message and len(found.edits) >= 2
