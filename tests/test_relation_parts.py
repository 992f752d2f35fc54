"""Relations, wholes and parts: right texts stay silent, one changed figure gives one finding.

Every sentence is written for these tests, in shapes found on real school and union pages.
"""

from __future__ import annotations

from decimal import Decimal

from relation_helpers import figures, pairs


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


class TestListsEndingWithTheirClause:
    def test_a_list_closed_by_a_semicolon_before_the_next_whole(self):
        text = "全区现有公办学校186所，其中初级中学21所，中心小学72所，村小（教学点）{}所；在校生9万人，其中小学6.8万人。"
        assert figures(text.format("93")) == []
        assert pairs(text.format("39")) == [(Decimal(186), Decimal(132))]

    def test_the_next_clause_is_not_part_of_the_list(self):
        text = "学校现有在职教师57人，其中大专学历52人，学历合格率92%；本科学历13人，本科率23%；行政人员9人，其中校级干部3人。"
        assert figures(text) == []

    def test_a_pair_of_boys_and_girls_ends_its_list(self):
        text = "现有教学班3个，在校学生{}名，男29名，女27名，适龄儿童总数40名，12至15周岁少年儿童普及率95.2%。"
        assert figures(text.format("56")) == []
        assert pairs(text.format("65")) == [(Decimal(65), Decimal(56))]


class TestBreakdownsThatGoOn:
    def test_a_list_that_reached_its_whole_before_the_clause_ended(self):
        text = "收入总额为4263500元，其中，人员经费为3941200元，日常公用经费为322300元，上年财政补助收入为4102000元，结转80000元。"
        assert figures(text) == []

    def test_a_breakdown_continued_in_the_next_sentences(self):
        text = "党员教育支出650万元。其中：拨给甲单位120万元、乙单位150万元、丙单位100万元。拨给研究会80万元，用于课题研究。表彰200万元。"
        assert figures(text) == []

    def test_a_money_breakdown_far_below_its_whole_says_nothing(self):
        assert figures("文体经费12.5万元，其中运动会3万元，合唱比赛2万元。") == []

    def test_a_money_breakdown_one_keystroke_off_is_a_warning(self):
        (found,) = figures("文体经费12.5万元，其中运动会5万元，合唱比赛6万元，读书活动1.3万元。")
        assert found.severity == "warning" and found.computed == 123000

    def test_a_list_mixing_units_is_not_summed(self):
        text = "全县现有公办学校120所，其中县属学校5所，乡镇中学12所，村小80所，教学点23个，民办学校4所。"
        assert figures(text) == []

    def test_items_with_a_count_of_another_unit_each(self):
        text = "新建运动场6000平方米。其中：新建环形跑道1个，面积4200平方米；新建篮球场2个，面积1300平方米；新建器械场地1个，面积{}平方米。"
        assert figures(text.format("500")) == []
        assert pairs(text.format("600")) == [(Decimal(6000), Decimal(6100))]

    def test_the_levels_of_one_award_and_a_list_that_ends_at_tongshi(self):
        text = "评出优秀作品共{}个，其中一等奖6个、二等奖12个、三等奖20个，优秀奖30个，同时对25名优秀辅导教师和9个优秀组织学校予以表彰。"
        assert figures(text.format("68")) == []
        assert pairs(text.format("86")) == [(Decimal(86), Decimal(68))]
