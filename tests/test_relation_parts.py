"""Relations, wholes and parts: right texts stay silent, one changed figure gives one finding.

Every sentence is written for these tests, in shapes found on real school and union pages.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

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


    @pytest.mark.parametrize(
        "text, right, wrong",
        [
            ("本年度共收到职工提案{}件，其中立案提案48件，不立案提案9件。", "57", "75"),
            ("全县随迁子女总人数为{}人，其中本省籍学生2316人，非本省籍学生874人。", "3190", "3109"),
            ("本届寄宿制学校学生总人数为{}人，住校生612人，走读生287人。", "899", "989"),
        ],
    )
    def test_a_group_and_everyone_not_in_it(self, text, right, wrong):
        assert figures(text.format(right)) == []
        assert pairs(text.format(wrong)) == [(Decimal(wrong), Decimal(right))]

    def test_figures_given_respectively_are_not_parts_of_the_last_one(self):
        text = "全镇有48所公办小学和45所民办小学，本学期申请维修经费的分别是公办小学44所和民办小学37所。"
        assert figures(text) == []  # 44 and 37 go with 48 and 45 in turn, not with 45
        assert pairs("全镇有公办小学{}所，分别是中心小学8所和村小学30所。".format(39)) == [(39, 38)]

    def test_a_figure_framing_the_list_is_no_item_of_it(self):
        assert figures("今年秋季，36名新生当中，本村学生就占了20人、外村学生16人，全校学生共140人。") == []

    def test_groups_that_only_look_negated_are_no_pair(self):
        text = "全校教职工总人数为126人，其中党员48人，青年教师52人。"  # 52 + 48 = 100: overlapping groups
        assert figures(text) == []


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


class TestCountsListedThenTotalled:
    """文科…人，理科…人，合计…人: counts listed first and closed by 合计/共计/总计/共."""

    @pytest.mark.parametrize(
        "text, right, wrong",
        [
            ("本学期期中考试，初一年级优秀412人，初二年级优秀386人，合计{}人，比上学期有所提高。", "798", "789"),
            ("全镇小学普通班126班、特教班2班、音乐特色班4班，全镇总计{}班。", "132", "123"),
            ("经评审，9位教师续聘、4位教师转岗，共计{}名。", "13", "14"),
            ("抽调学生志愿者24人、教师志愿者8人、家长志愿者15人共{}人参与服务。", "47", "45"),
            ("本届教代会代表按部门分配，第一分会有12名，第二分会有16名，第三分会有9名，共有代表{}名。", "37", "38"),
        ],
    )
    def test_right_is_silent_and_one_slip_is_found(self, text, right, wrong):
        assert figures(text.format(right)) == []
        assert pairs(text.format(wrong)) == [(Decimal(wrong), Decimal(right))]

    @pytest.mark.parametrize(
        "text",
        [
            "全校学生1280人，住校生640人，走读生640人，共1280人。",  # the whole comes first
            "参训教师120人，其中骨干教师30人，共评出优秀学员15人。",  # 其中, and another kind of count
            "今年招生420人，比去年增加35人，共455人。",  # a change, not a part
            "每班配备志愿者2人，共40人。",  # a rate
            "高一年级8个班400人，高二年级9个班450人，共计850人。",  # classes counted among pupils
            "评出优秀学生干部5人，优秀队员8人，共青团员14人。",  # 共青 is no total
        ],
    )
    def test_what_is_no_plain_list_is_left_alone(self, text):
        assert figures(text) == []

    @settings(max_examples=40, deadline=None)
    @given(counts=st.lists(st.integers(1, 900), min_size=2, max_size=5), digit=st.integers(1, 9), word=st.sampled_from(["合计", "共计", "总计", "共"]))
    def test_generated_lists_with_one_digit_changed_in_the_total(self, counts, digit, word):
        groups = ["一年级", "二年级", "三年级", "四年级", "五年级"]
        listed = "，".join(f"{g}参赛{c}人" for g, c in zip(groups, counts))
        total = sum(counts)
        slipped = int(str(total)[:-1] + str((int(str(total)[-1]) + digit) % 10))
        assume(slipped not in {sum(counts[k:]) for k in range(1, len(counts))})  # that list adds up from a later start
        assert figures(f"本次运动会{listed}，{word}{total}人。") == []
        assert pairs(f"本次运动会{listed}，{word}{slipped}人。") == [(slipped, total)]


class TestSchoolKindsAndLevels:
    def test_a_short_clause_about_the_whole_may_come_before_its_kinds(self):
        text = "全县有{}所学校开设课后服务，其中：小学41所，初级中学15所，九年一贯制学校3所，特殊教育学校1所，服务学生18230人。"
        assert figures(text.format(60)) == []
        assert pairs(text.format(66)) == [(66, 60)]

    def test_teachers_of_every_level_including_special_education(self):
        text = "今年共招聘{}名新教师，其中高中教师9名（含研究生3名），初中教师14名，小学教师31名，特殊教育学校教师2名，幼儿园教师12名。"
        assert figures(text.format(68)) == []
        assert pairs(text.format(86)) == [(86, 68)]

    def test_a_clause_with_figures_between_is_not_bridged(self):
        text = "全县有60所学校，覆盖学生18230人，其中小学41所，初级中学15所，特殊教育学校1所。"
        assert figures(text) == []


def test_a_total_for_the_group_named_just_before_it_is_not_a_list_total():
    text = "本届评出优秀指导奖：李老师所带学生12名，张老师所带学生13名，王老师3名，赵老师、钱老师共2名。"
    assert figures(text) == []


class TestListsRunningOnAndBracketsCountingOtherThings:
    def test_a_qizhong_list_running_on_into_the_next_sentence(self):
        text = ("全区共有各级各类学校{}所，其中幼儿园41所（民办12所），小学38所，初级中学9所。"
                "九年一贯制学校4所，完全中学2所，职业学校1所。在校学生52310人。")
        assert figures(text.format(95)) == []
        assert pairs(text.format(98)) == [(98, 95)]

    def test_a_next_sentence_about_something_else_does_not_run_on(self):
        text = "全校学生240人，其中男生128人，女生112人。留守儿童31人，占全校学生的12.9%。"
        assert figures(text) == []

    def test_a_bracket_counting_something_else_too_is_no_partition(self):
        assert figures("全镇有学校25所（教学点6个，小学12所，初中6所），在校生4120人。") == []


def test_a_list_that_began_on_the_line_before_is_not_totalled():
    text = "每校发放问卷9份，含专任教师6位（随机抽取）、\n教研组长1位、年级组长1位、主任1位共9位教师。"
    assert figures(text) == []


class TestRegionsAndScoresDescribingParts:
    def test_the_regions_of_the_country_partition_a_whole(self):
        text = "今年共资助{}万名学生。其中，西部地区资助96.42万人、中部地区资助31.17万人、东部地区资助12.08万人。"
        assert figures(text.format("139.67")) == []
        assert pairs(text.format("193.67")) == [(Decimal(1936700), Decimal(1396700))]

    def test_a_score_describing_a_part_is_not_a_stray_count(self):
        text = "全市共有{}名毕业生获奖，其中理工类58名，考分都在650分以上；文史类27名，考分都在620分以上；艺术类8名，体育类3名。"
        assert figures(text.format(96)) == []
        assert pairs(text.format(69)) == [(69, 96)]


def test_a_next_sentence_that_would_overshoot_the_whole_is_not_its_list():
    text = "全县共有中小学98所，其中小学60所，初中30所，高中8所。幼儿园40所，特殊教育学校1所。"
    assert figures(text) == []


def test_a_total_in_the_next_sentence_closes_no_list():
    text = "全县各级各类学校共310所，其中：幼儿园113所、小学163所、初中24所、普通高中8所、特殊教育学校2所。义务教育阶段学校共187所。"
    assert figures(text) == []


class TestBreakdownsThatMayNotBeComplete:
    def test_levels_short_of_their_whole_may_leave_one_out(self):
        assert figures("我校2024届毕业生共3860人，其中本科生1620人，专科生1870人。") == []

    def test_money_spent_after_qizhong_may_exceed_the_sum_raised(self):
        text = "2023年共募集善款48万元。其中，开展助困活动共发放救助金24万元；实施助学工程共发放助学金31.5万元。"
        assert figures(text) == []

    def test_an_average_among_the_parts_is_none_of_them(self):
        text = "全年发放低保金2837.84万元。其中城市低保累计发放681.73万元，月平均补助水平为408.4元；农村低保累计发放2156.11万元。"
        assert figures(text) == []

    def test_a_level_list_one_keystroke_off_is_still_named(self):
        assert pairs("我校2024届毕业生共3860人，其中本科生1620人，专科生2140人。") == [(3860, 3760)]


class TestAWholeOverNumberedLines:
    """收入226.45万元。其中：⏎1.…161.26万元；⏎2.…: the parts are the first figures of the numbered lines below."""

    TEXT = ("一、收入情况\n本年度工会经费收入{}万元。其中：\n1.拨交经费收入152.36万元；\n2.会员会费收入18.42万元；\n"
            "3.上级补助收入40.15万元，其中：专项补助收入12.20万元；\n4.其他收入0.6万元，为利息收入。\n二、支出情况\n略。")

    def test_right_is_silent_and_a_whole_one_keystroke_off_is_named(self):
        assert figures(self.TEXT.format("211.53")) == []
        (found,) = figures(self.TEXT.format("211.35"))
        assert (found.stated, found.computed, found.severity) == (Decimal(2113500), Decimal(2115300), "warning")

    def test_lines_said_to_be_all_the_parts_are_an_error_at_any_distance(self):
        text = "共发放资助金{}万元，分别是：\n一、学前教育资助17.38万元；\n二、义务教育生活补助430.89万元；\n三、高中助学金96.50万元。"
        assert figures(text.format("544.77")) == []
        (found,) = figures(text.format("600"))
        assert (found.computed, found.severity) == (Decimal(5447700), "error")

    def test_ranks_and_small_counts_under_a_quota_are_not_parts(self):
        text = "全校每次奖励20名学生，各年级奖励指标分配如下：\n(1)高一奖励年级前三名；\n(2)高二奖励前三名以及3名进步学生；\n(3)高三奖励前三名。"
        assert figures(text) == []


class TestBudgetDisclosures:
    """The 部门预算/决算 notes schools publish: a heading with a colon before the whole, the 其中 list in the
    sentence after a total that is followed by its change, and a note (此外…) that is not in the list."""

    BY_FUNCTION = ("（二）支出预算：2025年年初预算数{}万元，其中：一般公共服务支出预算0万元，教育支出预算401.20万元，"
                   "社会保障和就业支出预算70.10万元，卫生健康支出预算24.60万元，住房保障支出预算16.50万元。")

    def test_a_heading_colon_before_the_whole(self):
        assert figures(self.BY_FUNCTION.format("512.40")) == []
        (found,) = figures(self.BY_FUNCTION.format("521.40"))
        assert (found.stated, found.computed) == (Decimal(5214000), Decimal(5124000)) and found.severity == "warning"

    BY_KIND = ("2.支出情况。2024年度支出合计{}万元，较上年决算数增加32.30万元，增长5.6%，主要原因是人员经费调标。"
               "其中：基本支出580.10万元，占94.7%；项目支出32.20万元，占5.3%。此外，结余分配0万元。")

    def test_the_total_not_its_change_is_the_whole_of_the_next_sentence(self):
        assert figures(self.BY_KIND.format("612.30")) == []
        found = [f for f in figures(self.BY_KIND.format("621.30")) if f.rule == "PARTS"]
        assert [(f.stated, f.computed, f.severity) for f in found] == [(Decimal(6213000), Decimal(6123000), "error")]

    def test_what_follows_besides_is_no_part(self):
        text = "目前捐款余额为12.316万元，其中：非定向捐款12.316万元，定向捐款0万元。此外，另有物资折价3万元。"
        assert figures(text) == []
        assert pairs(text.replace("非定向捐款12.316", "非定向捐款12.361")) == [(Decimal(123160), Decimal(123610))]


def test_a_closed_list_in_wan_is_told_in_wan():
    text = "本届毕业生中，研究生毕业生人数为86.5万人，本专科毕业生人数为912万人，合计{}万人。"
    assert figures(text.format("998.5")) == []
    (found,) = figures(text.format("989.5"))
    assert "合计写作 989.5万人" in found.message and "86.5万＋912万 = 998.5万人" in found.message


class TestSoManyInEachGroup:
    """招生8个班，每班45人，共计360人: groups, so many in each, and their total."""

    @settings(max_examples=40, deadline=None)
    @given(groups=st.integers(2, 30), each=st.integers(2, 60), unit=st.sampled_from(["个班，每班", "个组，每组", "支队，每队"]))
    def test_generated_groups(self, groups, each, unit):
        text = f"今年共组建{groups}{unit}{each}人，共计{{}}人。"
        assert figures(text.format(groups * each)) == []
        assert pairs(text.format(groups * each + 1)) == [(Decimal(groups * each + 1), Decimal(groups * each))]

    @pytest.mark.parametrize("text", [
        "全年级共12个班，每班限报12人，共150人。",  # a limit, not a count
        "一年级招了8个班，平均每班44人，共352人。",  # an average
        "共分4个小组，每组不超过3人，共10人。",
    ])
    def test_limits_and_averages_are_no_product(self, text):
        assert figures(text) == []



def test_the_same_people_by_sex_partition_them():
    text = "本年度高招体检共参检52380人，其中男考生24615人，女考生{}人。"
    assert figures(text.format(27765)) == []
    assert pairs(text.format(27756)) == [(Decimal(52380), Decimal(52371))]
    assert figures("本届共有代表120人，其中男代表70人，女教师代表38人。") == []  # not one group by sex


class TestAListRightAfterAMarkedWhole:
    """共计…，大班…，中班…，小班…: parts listed straight after a whole marked as a total, without 其中, are checked
    when their names are one of a series (batches, grades, classes of one kind, levels)."""

    def test_classes_of_a_kindergarten(self):
        text = "本园开设6个班，共计{}名幼儿，大班72人，中班68人，小班55人。"
        assert figures(text.format(195)) == []
        assert pairs(text.format(159)) == [(159, 195)]

    def test_batches_and_levels_after_qizhong(self):
        text = "今年共有{}名职工参加疗休养，第一批45名，第二批38名，第三批40名。"
        assert figures(text.format(123)) == []
        assert pairs(text.format(132)) == [(132, 123)]
        text = "本次有{}名教师通过测试，其中二级甲等18名，二级乙等52名，三级甲等31名。"
        assert figures(text.format(101)) == []
        assert pairs(text.format(110)) == [(110, 101)]

    def test_a_list_short_of_its_whole_may_stop_early(self):
        assert figures("全校共有学生1380人，一年级230人，二年级226人，三年级241人。") == []  # 四至六年级 not listed

    def test_the_first_of_a_list_is_not_its_whole(self):
        assert figures("经评审，共评出一等奖12名，二等奖25名，三等奖40名。") == []

    def test_names_of_no_one_series_are_left_alone(self):
        assert figures("全校共有教职工86人，专任教师70人，党员41人。") == []


def test_a_whole_written_at_fewer_decimals_may_cut_its_sum():
    text = "全年发放低保金{}万元。其中：上半年412.3856万元，下半年388.9071万元。"  # 801.2927万
    assert figures(text.format("801.29")) == []  # cut at two decimals
    assert figures(text.format("801.30")) == []  # rounded
    assert pairs(text.format("800.29")) == [(8002900, Decimal("8012927"))]


@pytest.mark.parametrize("text, stated, computed", [
    ("社区总人口{}人，其中常住人口3120人，暂住人口1406人。", 4562, 4526),  # residents and temporary residents
    ("全镇共有特困人员{}人，集中供养118人，分散供养205人。", 332, 323),  # cared for together or apart
    ("据统计，两省共有困难职工{}万户，其中河北21万户，山西17万户。", 83, 38),  # provinces
    ("辖区共有党组织{}个，其中党委4个，党总支6个，党支部27个。", 73, 37),  # kinds of party organisation
])
def test_groups_that_partition_their_whole(text, stated, computed):
    assert figures(text.format(computed)) == []
    scale = 10000 if "万户" in text else 1
    assert pairs(text.format(stated)) == [(stated * scale, computed * scale)]


class TestWhatSynthSetsAndNewPagesShowed:
    def test_counts_of_different_things_closed_by_gong(self):
        assert figures("本次申报项目涉及全镇6个社区21个村，共25个项目，其中道路项目19个。") == []
        assert figures("田径八个项目，我校获得了五个冠军，共十二个奖项。") == []
        assert pairs("甲校12个班，乙校13个班，共26个班。") == [(26, 25)]

    def test_a_list_of_kinds_short_of_its_whole_is_a_warning(self):
        (found,) = figures("全县共有各级各类学校{}所，其中幼儿园96所、小学48所、初中17所。".format(191))
        assert found.severity == "warning" and "如果所列并非全部" in found.message
        (found,) = figures("全校共有教职工{}人，其中男教师36人，女教师58人。".format(104))
        assert found.severity == "error"  # men and women are everyone

    def test_the_base_of_a_comparison_is_no_whole(self):
        text = "2025年“三公”经费预算3.64万元，比上年预算3.84万元减少0.20万元。其中：公务用车运行维护费2.58万元；公务接待费{}万元。"
        assert figures(text.format("1.06")) == []  # of 3.64, not of 3.84
        assert pairs(text.format("1.60")) == [(36400, 41800)]

    def test_a_qizhong_after_the_change_of_its_whole(self):
        text = "今年全市下达学生营养膳食补助资金3.46亿元，较上年增加0.8亿元，增长30.1%。其中，2.15亿元用于原有试点县，{}亿元用于新启动的12个县。"
        assert figures(text.format("1.31")) == []
        assert pairs(text.format("1.13")) == [(346000000, 328000000)]


class TestParallelBreakdowns:
    """投入资金…，建设项目…个，建设面积…平方米。其中A…，…；B…，…: several wholes broken down item by item."""

    TEXT = ("2023—2025年全县义务教育学校建设累计投入资金8620.5万元，建设项目{}个，建设面积{}平方米。其中改薄工程5130.2万元，"
            "建设项目96个，建设面积112430平方米；校舍维修3490.3万元，建设项目{}个，建设面积98260平方米。")

    def test_every_whole_adds_up(self):
        assert figures(self.TEXT.format(310, 210690, 214)) == []

    def test_the_one_whole_that_does_not(self):
        (found,) = figures(self.TEXT.format(310, 216090, 214))
        assert (found.stated, found.computed) == (216090, 210690) and "其他各数都对得上" in found.message
        (found,) = figures(self.TEXT.format(310, 210690, 241))
        assert (found.stated, found.computed) == (310, 337)

    def test_two_wholes_off_may_be_an_incomplete_list(self):
        assert figures(self.TEXT.format(330, 230690, 214)) == []

    def test_money_in_thousandths_is_computed_not_counted(self):
        text = ("补贴面积合计1071.145亩，补贴资金合计119968.24元。其中，2023年面积535.38亩，资金59962.56元；"
                "2024年面积535.765亩，资金60005.682元。")
        assert figures(text) == []


def test_a_figure_marked_as_a_total_may_be_the_first_groups():
    text = "2140名住校生中，以初三学生为多，总共有980名，初二学生共有706名，及其他年级（包括复读生）共有454名。"
    assert figures(text) == []  # 980 is the 初三 pupils, not the whole of the two after it


class TestTextCutByThePageWidth:
    """Copied from a PDF, a sentence runs on across lines cut at one width; its list still adds up."""

    WRAPPED = (
        "二、帮扶工作情况\n"
        "今年以来，全区各级工会坚持把帮扶困难职工作为工会工作的重点，多方筹集资金，\n"
        "不断完善帮扶机制，切实提高帮扶的精准程度。全区已为结对困难职工启动帮扶项目\n"
        "1 208个，其中种植类项目315个，养殖类项目296个，加工类项目187个，服务类项目\n"
        "264个，其他项目146个。同时组织党员干部开展走访慰问，送去各类慰问物资一批，\n"
        "得到了困难职工和社会各界的普遍好评，工会组织的凝聚力和影响力进一步增强。\n"
    )

    def test_a_list_across_cut_lines_adds_up(self):
        assert figures(self.WRAPPED) == []
        assert pairs(self.WRAPPED.replace("加工类项目187个", "加工类项目178个")) == [(1208, 1199)]

    def test_lines_of_a_column_table_are_not_joined(self):
        table = (
            "项目名称      本年金额      上年金额\n"
            "学费收入      8,215,400     7,960,120\n"
            "住宿费收入    1,302,600     1,288,300\n"
            "合计          9,518,000     9,248,420\n"
        )
        assert figures(self.WRAPPED + table) == []


def test_a_subtotal_inside_a_breakdown_is_no_part():
    text = ("本年度支出预算共382400元。其中：会员活动支出215600元；职工帮扶支出74300元；宣传教育支出28900元；"
            "以上三项小计318800元，另列不可预见费63600元，年终据实结算。")
    assert figures(text) == []
    assert pairs(text.replace("另列不可预见费63600", "另列不可预见费36600")) == [(382400, 355400)]


def test_parts_that_name_their_group_before_gongji_are_parts():
    text = "全院师生为受灾地区自愿捐款25870.5元，其中教职工捐款共计9460元，学生捐款共计16410.5元。"
    assert figures(text) == []
    assert pairs(text.replace("25870.5", "25780.5")) == [(Decimal("25780.5"), Decimal("25870.5"))]


def test_a_breakdown_after_a_list_whose_last_name_has_zong_in_brackets():
    # the last of three list items is named 团(总)支部: 总 in brackets marks no whole, so 其中 may break down the total
    text = ("全区共有团组织1260个。团的区委1个，基层团(工)委59个，团(总)支部1200个。"
            "其中，学校团组织610个，企业团组织380个，机关团组织150个，其他领域团组织120个。")
    assert figures(text) == []


def test_the_last_part_of_a_breakdown_is_not_the_whole_of_the_numbered_lines_below():
    text = ("本单位“三公”经费支出预算为52万元，比上年预算减少8万元。其中：因公出国（境）费支出预算为0万元，公务接待费支出预算为"
            "6万元，公务用车购置及运行费支出预算为46万元。具体情况如下：\n"
            "（一）因公出国（境）费支出预算0万元，与上年一致。\n"
            "（二）公务接待费支出预算6万元，比上年减少2万元。\n"
            "（三）公务用车购置及运行费支出预算46万元，比上年减少6万元。\n")
    assert figures(text) == []


def test_a_gong_clause_after_the_parts_is_not_one_of_them():
    text = "全市助学彩票销量创历史新高达6.25亿元，其中，福利彩票销量3.41亿元，体育彩票销量2.84亿元，共为助学筹集公益金1.72亿元。"
    assert figures(text) == []
    found = figures(text.replace("体育彩票销量2.84", "体育彩票销量2.48"))
    assert len(found) == 1 and found[0].severity == "warning"


def test_a_breakdown_ends_at_the_next_numbered_item():
    text = ("（一）组织开展全民健身活动1280.5万元，其中补助地方210.4万元。1、综合性运动会512.3万元，其中补助地方40万元；"
            "2、示范性健身活动468.2万元；3、其他活动300万元。")
    assert figures(text) == []


def test_a_breakdown_whose_parts_are_numbered_items_keeps_them():
    text = "本年收入226.45万元，其中：（1）拨交经费161.26万元；（2）会费19.92万元；（3）其他收入45.27万元。"
    assert figures(text) == []
    assert pairs(text.replace("45.27", "45.72")) == [(2264500, 2269000)]


class TestGroupsAfterTheirTotal:
    TEXT = ("2024届毕业生共有2156人。从学历层次上看，本科毕业生1738人，专科毕业生418人。"
            "从性别看，男生1102人，女生1054人。")

    def test_groups_that_partition_the_total_of_the_sentence_before(self):
        assert figures(self.TEXT) == []
        assert pairs(self.TEXT.replace("专科毕业生418人", "专科毕业生481人")) == [(2156, 2219)]
        assert pairs(self.TEXT.replace("女生1054人", "女生1045人")) == [(2156, 2147)]

    def test_groups_that_may_be_of_a_subset_are_left_alone(self):
        # far from the total: the pair may count only some of them
        assert figures("全校共有教职工120人。从性别看，专任教师中男教师30人，女教师60人。") == []


def test_the_students_of_all_departments_gave_one_amount():
    text = "爱心活动两天内募集捐款25480.6元，其中教职工捐款16320元，各系学生捐款9160.6元。"
    assert figures(text) == []  # 各系学生 is one group, its 9160.6 no sum per department
    (found,) = figures(text.replace("9160.6元", "9106.6元"))
    assert (found.stated, found.computed) == (Decimal("25480.6"), Decimal("25426.6"))
    assert "若 9106.60 是 9160.60 之误" in found.message


class TestARateAndWhatItIsMadeOf:
    def test_components_in_brackets_on_the_next_line(self):
        text = "3.研学实践费：每生260元\n（交通费120元、门票及讲解费140元）；\n4.校服费：每套150元\n（其中夏装65元/套，秋装85元/套）。"
        assert figures(text) == []
        assert pairs(text.replace("门票及讲解费140元", "门票及讲解费104元")) == [(260, 224)]
        assert pairs(text.replace("秋装85元", "秋装58元")) == [(150, 123)]

    def test_components_after_qizhong(self):
        text = "托管收费标准为每个学生一天90元，其中，72元为托管及课程费用；18元为午餐费用。"
        assert figures(text) == []
        assert pairs(text.replace("18元为午餐", "17元为午餐")) == [(90, 89)]

    def test_festival_gifts_per_head_in_the_sentence_after_the_standard(self):
        text = "本年度节日慰问品标准为每人600元。其中春节慰问品每人400元，端午节每人60元，中秋节每人140元。生日慰问标准另计。"
        assert figures(text) == []
        (found,) = figures(text.replace("中秋节每人140元", "中秋节每人104元"))
        assert (found.stated, found.computed) == (600, 564) and "若 104 是 140 之误" in found.message

    def test_a_total_after_ge_is_no_rate(self):
        assert figures("各项存款余额11.2亿元，其中居民储蓄存款余额9.1亿元，贷款余额2.5亿元。") == []


def test_text_cut_at_a_number_of_characters_and_short_of_a_figure():
    # cut every 24 characters as an editor does (so the lines differ in columns), never inside a figure
    text = ("一、基本情况\n学校现有学生1620人，其中男生836人，女生\n784人，男女生比例基本均衡。全校共有教学班36\n"
            "个，平均每班45人，各年级班额均符合省定标准，学\n校占地面积32000平方米，建筑面积18600平\n"
            "方米，生均占地面积19.8平方米，各项指标均达到\n省定标准，办学条件进一步改善。\n")
    assert figures(text) == []
    assert pairs(text.replace("784人", "748人")) == [(1620, 1584)]


class TestKindsOfTheThingCounted:
    def test_kinds_of_one_thing_one_keystroke_off(self):
        text = "本届艺术展演参赛作品92个。其中，舞蹈作品31个，合唱作品22个，器乐作品18个，戏剧作品8个，朗诵作品13个。"
        assert figures(text) == []
        found = figures(text.replace("朗诵作品13个", "朗诵作品31个"))
        assert [(f.stated, f.computed, f.severity) for f in found] == [(92, 110, "warning")]

    def test_long_clauses_or_words_of_quality_are_no_kinds(self):
        assert figures("共收到作品120件，其中优秀作品30件，获奖作品21件，入围作品60件。") == []
        assert figures("共提交提案291件。其中，为推进经济发展提出提案92件；为提升法治水平提出提案9件；"
                       "为解决民生实事提出提案93件；为传承文化提出提案55件；为保护环境提出提案24件。") == []


def test_a_level_word_inside_a_longer_name_names_no_level():
    # 持有幼儿园教师资格证的 is no 幼儿园 group beside 本科学历: the two may overlap
    text = "专任教师中具有专科及以上学历的618人，占87.0%，其中本科学历294人；持有幼儿园教师资格证的366人，占51.5%。"
    assert figures(text) == []


def test_a_ranking_given_respectively_is_no_breakdown():
    assert figures("在生源中学排行中，县一中以86人居首，其次分别为实验中学57人、二中41人。") == []
    assert pairs("今年录取新生86人，分别为实验中学47人、二中41人。") == [(86, 88)]


def test_a_rate_and_the_factors_of_a_written_product_are_no_parts():
    text = ("3. 其他活动支出{}元，其中节日慰问会员62人，按150元/人标准，计9300元；"
            "会员健身活动补助按每人每月10元标准，62人×10元×12个月，计7440元。")
    assert figures(text.format(16740)) == []  # 9300 + 7440: not the 每月10元 or the 10元 of 62人×10元×12个月
    (found,) = figures(text.format(16750))
    assert (found.stated, found.computed) == (16750, 16740)


@pytest.mark.parametrize("text, stated, computed", [
    ("运动会上我区代表队获得14金、9银、11铜，共计35块奖牌。", 35, 34),  # the metal written where the unit would be
    ("本届比赛我校共获得金牌5枚、银牌7枚、铜牌4枚，共计17枚。", 17, 16),
    ("全市代表团获得22金18银31铜，奖牌总数72枚。", 72, 71),  # 总数 closes the list
    ("学校现有男生642人，女生598人，学生总数1250人。", 1250, 1240),
    ("田径：金16银14铜19共计50", 50, 49),  # the metal before each count, and a total with no unit
])
def test_medal_counts_and_a_total_named_zongshu(text, stated, computed):
    assert pairs(text) == [(stated, computed)]
    right = text.replace(str(stated), str(computed))
    assert figures(right) == []


def test_a_converted_total_is_no_sum_of_the_heads():
    # 折合: full-time equivalents, the outside teachers count for less than one each
    assert figures("学校现有专任教师1,206人、外聘教师340人，折合教师总数为1376人。") == []


def test_a_bracket_of_some_members_is_no_partition():
    # 含…: some of them named, not all (兼报 candidates among all the art candidates)
    assert figures("艺术类考生5427人（含兼报文科类1823人，兼报理科类1941人），体育类903人。") == []
    assert pairs("寄宿生5925人（小学2574人，初中3315人）。") == [(5925, 5889)]


def test_grades_a_school_may_hold_both_of_are_no_kinds():
    assert figures("全市共有普通高中112所，其中省示范性高中16所，省级达标学校85所，市级达标学校20所。") == []
    assert pairs("全市共有学校112所，其中小学70所，初中30所，高中10所。") == [(112, 110)]


def test_groups_that_may_overlap_are_named_only_when_their_sum_is_the_whole_with_two_digits_swapped():
    # 教职工党员 and 学生党员 need not be all the members; a sum that is the whole with two neighbouring digits
    # swapped is a slip all the same, and a warning says so
    (finding,) = figures("目前，我校共有党员4215名，其中教职工党员3406人，学生党员890人。")
    assert (finding.severity, finding.stated, finding.computed) == ("warning", 4215, 4296)
    assert "890 是 809 之误" in finding.message
    assert figures("目前，我校共有党员4215名，其中教职工党员3406人，学生党员809人。") == []
    assert figures("目前，我校共有党员4215名，其中教职工党员3406人，女党员1321人。") == []  # any other sum: overlap


def test_a_whole_in_wan_may_round_the_sum_of_finer_parts():
    assert figures("累计下达资助资金已达1226万元，其中上级资金410万元，市本级335万元，旗县区配套资金480.7万元。") == []
    # parts as coarse as the whole round nothing: 418 for 481 is named
    assert pairs("累计下达资助资金已达1226万元，其中上级资金410万元，市本级335万元，旗县区配套资金418万元。") \
        == [(12260000, 11630000)]


def test_a_level_and_above_counts_the_levels_above_it_too():
    assert figures("专任教师130人，其中研究生学历4人，本科学历89人，专科以上学历130人。") == []
    assert pairs("专任教师130人，其中研究生学历4人，本科学历89人，专科学历27人。") == [(130, 120)]


def test_a_list_starts_after_a_figure_counting_something_else():
    text = "我市代表队的34名运动员参加了五个项目的比赛，获得12金、6银、{}铜共计25块奖牌。"
    assert figures(text.format(7)) == []
    assert pairs(text.format(9)) == [(25, 27)]
    # a figure of another kind among the items is no start: the list is not understood
    assert figures("初一（4）班：拔河第四名得6分，跳长绳第一名得14分，女子800米第三名得4分，男子实心球第一名得7分，合计30分。") == []


def test_the_parts_own_sum_said_again_then_more():
    text = ("此次活动共走访慰问困难职工386户，发放慰问金及物资合计57.9万元。其中：慰问深度困难职工112户，每户2500元，计28万元；"
            "慰问相对困难职工230户，每户1000元，计23万元；慰问老劳模44户，每户1500元，计6.6万元。以上慰问金共57.6万元，"
            "另为部分家庭购置米、面、油等慰问品折合0.3万元。")
    assert figures(text) == []


def test_a_whole_among_which_the_two_sexes_are_counted():
    text = "在{}名参会代表中，女代表168人，占参会代表的56.19%；男代表131人，占参会代表的43.81%；少数民族代表9人。"
    assert figures(text.format(299)) == []
    assert pairs(text.format(289)) == [(289, 299)]
    assert figures("在120名学员中，党员45人，青年教师80人。") == []  # groups that may overlap are no pair


def test_a_bracket_opened_by_qizhong_with_kinds_of_the_thing_counted():
    text = "学校共有各种仪器{}件（其中物理仪器2416件，化学仪器1835件，生物仪器960件），电教器材85件。"
    assert figures(text.format(5211)) == []
    found = figures(text.format(5121))  # 5211 typed 5121
    assert [(f.stated, f.computed, f.severity) for f in found] == [(5121, 5211, "warning")]
    assert "互有重叠" in found[0].message  # the parts exceed the whole: not "not all listed"
    assert figures("全校教师120人（其中党员24人，女教师60人）。") == []  # groups that overlap, not kinds
    text = "全校教职工{}人（其中男教职工52人，女教职工68人）。"
    assert figures(text.format(120)) == [] and pairs(text.format(130)) == [(130, 120)]


def test_so_many_each_is_no_count_of_a_group():
    assert figures("核定中层领导职数22名（其中办公室、财务室各1名，其他内设机构各1名）。") == []
    assert figures("共有教学班18个，其中一、二年级各2个班，其他年级各3个班。") == []


def test_a_list_the_text_cuts_off_or_that_names_fewer_kinds_than_it_counts():
    text = "国小开出{}类科126名缺额，分别为普通班93名、英语19名、体育11名、美术4名。"
    assert pairs(text.format(4)) == [(126, 127)]
    assert figures(text.format(6)) == []  # six kinds said, four listed: the list is not all of them
    assert figures("国小开出126名缺额，分别为普通班93名、英语19名、体育11名、美术4名、自") == []  # the excerpt ends mid-list


def test_figures_given_respectively_in_a_clause_of_their_own_are_no_parts():
    text = "从职业看，农民党员为2614.4万名，占比最高；其次是离退休人员2146.9万名；专业技术人员和管理人员分别为1639.4万名和1156.3万名。"
    assert figures(text) == []
    text = "全校共有学生{}人，男女生分别为612人和588人。"
    assert figures(text.format(1200)) == [] and pairs(text.format(1210)) == [(1210, 1200)]


def test_a_list_in_people_and_visits_alike_is_no_sum_of_people():
    assert figures("参加人员：家长223人次，学生61人，教师239名，合计523人。") == []
    assert pairs("参加人员：学生61人，教师239名，合计310人。") == [(310, 300)]
