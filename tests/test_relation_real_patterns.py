"""Relations, shapes found on real pages: right texts stay silent, one changed figure gives one finding.

Every sentence is written for these tests, in shapes found on real school and union pages.
"""

from __future__ import annotations

from decimal import Decimal

from relation_helpers import figures, pairs


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


class TestAbstentionsLearnedOnUnseenPages:
    def test_an_equation_with_brackets_or_an_unread_head_is_left_alone(self):
        assert figures("费用:6.5*(121+145)=1729元") == []
        assert figures("需增加比赛服3套,300元(长袖)*3+150元(短袖)*2*3=1800元;") == []

    def test_one_amount_and_a_different_total_is_not_a_sum(self):
        assert figures("5.门窗配置资金预算5万元,合计30万元。") == []

    def test_a_list_at_the_very_start_may_be_the_tail_of_a_cut_one(self):
        assert figures("海报展板:30元\n胶带:12元\n气球:15元\n合计:301元") == []
        assert pairs("五、活动经费\n海报展板:30元\n胶带:12元\n气球:15元\n合计:67.5元") == [(Decimal("67.5"), 57)]

    def test_a_share_of_a_total_needs_a_figure_written_as_a_total(self):
        text = "教职工总数为68人,其中专任教师42人,具有中级职称的教师38人,占55.9%。在读硕士研究生2人,占教师总数的0.3%。"
        assert [f for f in figures(text) if f.stated == Decimal("0.3")] == []


class TestPlausibility:
    def test_a_correction_far_from_the_figure_is_not_offered(self):
        from kit.proof import check_text
        from kit.proof.relations import Explain

        explain = Explain()
        text = "四、经费\n1、奖品费用30元；\n2、茶水费12元。\n合计：301元。"  # 42 against 301: more likely misread than miswritten
        assert [f for f in check_text(text, explain=explain) if f.kind == "arithmetic"] == []
        assert any("相差太远" in s.reason for s in explain.skipped)

    def test_one_keystroke_away_is_a_slip(self):
        assert pairs("四、经费\n1、奖品费用300元；\n2、茶水费120元。\n合计：4200元。") == [(4200, 420)]  # a 0 too many
