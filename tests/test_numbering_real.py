"""Relations, numbering as real pages write it: right texts stay silent, one changed figure gives one finding.

Every sentence is written for these tests, in shapes found on real school and union pages.
"""

from __future__ import annotations

from kit.proof import check_text


def kinds(text, kind):
    return [f for f in check_text(text) if f.kind == kind]


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
        (dup,) = self.kinds("一、甲\n二、乙\n三、丙\n三、丁\n五、戊")  # 四 written as 三: one mistake, one finding
        assert dup.quote.startswith("三、丁") and [(e.old, e.text) for e in dup.edits] == [("三", "四")]
        (lone,) = self.kinds("一、活动\n1、签到\n1、致辞\n3、颁奖\n4、合影")  # 2 written as 1
        assert lone.quote.startswith("1、致辞") and [(e.old, e.text) for e in lone.edits] == [("1", "2")]
        (swap,) = self.kinds("一、活动\n1、签到\n2、致辞\n4、颁奖\n3、合影\n5、散会")
        assert swap.quote.startswith("3、") and "顺序颠倒" in swap.message

    def test_grades_are_not_labels(self):
        assert self.kinds("一、对象\n三、四年级学生20人参加。\n二、时间") == []

    def test_articles_of_a_rule(self):
        (found,) = self.kinds("第一条 总则\n第二条 适用范围\n第四条 附则")
        assert found.quote.startswith("第四条") and "第三条" in found.message

    def test_a_dotted_label_before_a_date(self):
        assert self.kinds("六、流程\n1.提前联系\n2.2月6日下午集合\n3.表演节目\n4.分发物品") == []

    def test_a_decimal_between_labels_is_not_the_missing_label(self):
        (found,) = self.kinds("（1）收入5.12万元\n（2）支出3万元\n（4）结余")
        assert found.quote.startswith("（4）")


class TestListsThisReadingDoesNotUnderstand:
    """Labels that break again and again are not a list: say nothing rather than a finding per line."""

    def kinds(self, text):
        return [f for f in check_text(text) if f.kind == "numbering"]

    def test_two_columns_of_a_table_flattened_into_one(self):
        text = ("一、财政拨款收入\n一、一般公共服务支出\n二、上级补助收入\n二、教育支出\n三、事业收入\n三、文化支出\n"
                "四、经营收入\n四、社会保障支出\n五、其他收入\n五、卫生支出")
        assert self.kinds(text) == []

    def test_decimals_split_at_the_start_of_lines(self):
        text = "语文\n95. 5\n数学\n85. 25\n英语\n82. 6\n科学\n93. 1\n道德与法治\n79. 8"
        assert self.kinds(text) == []

    def test_a_figure_broken_over_two_lines(self):
        assert self.kinds("一、发放情况\n1、在职职工发放贺卡2张；\n2、退休职工发放贺卡3\n7、派遣工发放贺卡12张。") == []

    def test_a_part_named_in_the_middle_of_a_line_starts_afresh(self):
        text = "一、部门职能\n二、机构设置\n三、收入总表\n四、支出总表 第三部分 情况说明 一、收入说明\n二、支出说明\n三、三公经费\n四、机关运行经费\n五、国有资产"
        assert self.kinds(text) == []

    def test_a_shuffled_list_is_still_reported(self):
        text = "三、流程\n1、主持开场\n2、校长致辞\n6、代表献花\n3、退休教师发言\n5、赠送纪念品\n4、教职工赠言\n7、合影"
        assert len(self.kinds(text)) == 3

    def test_one_skip_is_still_reported(self):
        (found,) = self.kinds("一、目的\n二、对象\n四、要求")
        assert "三、" in found.message

    def test_a_label_that_lost_its_numeral_is_named_and_the_numeral_put_back(self, tmp_path):
        from kit.cli import main

        doc = tmp_path / "运动会方案.txt"
        doc.write_text("五、比赛项目\n拔河\n、费用预算\n趣味游戏费用500元\n七、闭幕式\n", encoding="utf-8")
        (found,) = self.kinds(doc.read_text(encoding="utf-8"))
        assert "六、" in found.message and "七、" not in found.message
        assert main(["fix", str(doc), "-o", str(tmp_path / "改.txt")]) == 0
        assert (tmp_path / "改.txt").read_text(encoding="utf-8").splitlines()[2] == "六、费用预算"

    def test_a_heading_typed_with_a_colon_still_counts(self):
        (found,) = self.kinds("一、收支情况\n本期收入1000元。\n三:本期收、支情况\n支出800元。\n四、总结")
        assert "缺少「二、」" in found.message

    def test_a_line_that_is_only_a_decimal_split_by_a_space_is_no_label(self):
        from kit.proof.numbering import label_of

        assert label_of("95. 5") is None and label_of("12. 5%") is None
        assert label_of("1. 2023年4月前报名").number == 1
        assert self.kinds("一、成绩\n1. 语文\n85. 5\n2. 数学\n3. 英语") == []


class TestContentsAndListsOfAnotherHand:
    def test_a_table_of_contents_in_any_order_is_not_a_list(self):
        text = ("目 次\n甲、财务摘要………\n二、现金流量表………\n一、收支明细表………\n三、平衡表……… 第12页\n"
                "一、基本情况\n学校现有教职工120人。\n二、收支情况\n全年收入580万元。\n三、平衡情况\n收支平衡。")
        assert kinds(text, "numbering") == []

    def test_a_contents_entry_does_not_hide_a_real_skip_in_the_body(self):
        text = "目 录\n一、概况………1\n二、收支………3\n一、概况\n学校概况。\n三、收支\n全年收支。"
        (found,) = kinds(text, "numbering")
        assert "三、" in found.quote

    def test_a_list_in_other_punctuation_is_another_list(self):
        text = "备注：\n1.免缴学费，由教育部补助。\n2.低收入户幼儿免费。\n2、学期初发放缴费单。\n3、请假连续逾五日者办理退费。"
        assert kinds(text, "numbering") == []

    def test_a_heading_typed_with_a_colon_is_still_one_list(self):
        (found,) = kinds("一、收入\n全年收入。\n三:支出\n全年支出。\n四、结余\n略。", "numbering")
        assert "二、" in found.suggestion


def test_lists_written_inline_in_one_paragraph_are_not_headings():
    text = ("一、研究设计\n本研究的目的：一、了解现状。二、比较差异。三、提出建议。问卷包括：一、基本资料；二、满意度；"
            "三、建议。主要结论：一、满意度较高。二、差异不大。\n二、研究结果\n略。")
    assert kinds(text, "numbering") == []


def test_a_label_run_into_the_figure_after_it_is_no_skip():
    text = "二、体检安排\n1、体检时间为每年十月。\n245周岁以上人员每年体检一次。\n3、名单由人事部门提供。"
    assert kinds(text, "numbering") == []


def test_an_item_whose_text_starts_with_a_figure_is_no_skip():
    text = "四、比赛项目\n1.投篮负责人：赵老师\n2.接力赛负责人：钱老师\n3.100米障碍跑负责人：孙老师\n4.跳绳负责人：李老师"
    assert kinds(text, "numbering") == []


def test_a_nested_list_in_the_same_style_then_the_outer_list_goes_on():
    text = ("四、实施步骤\n1.确定主题\n2.设计内容\n1.学习与讨论\n2.实践活动\n3.文体活动\n3.组织与管理\n4.总结\n"
            "五、要求\n1.按时参加\n2.做好记录")
    assert kinds(text, "numbering") == []


def test_a_label_typed_with_a_comma_starts_its_list():
    text = "一、收费\n1.按规定收取。\n2.不得多收。\n二、标准\n1,代理费按成交额1%收取；\n2.贷款服务费按0.5%收取；\n3.其他服务协商确定。"
    assert kinds(text, "numbering") == []


def test_grades_named_three_and_four_are_no_labels():
    text = "一、一、二级残疾人每人每月155元；三、四级残疾人每人每月125元。\n二、重度残疾人护理补贴每人每月140元。"
    assert kinds(text, "numbering") == []


def test_labels_that_lost_their_opening_bracket_are_written():
    text = "1、奖励办法\n(1)、优秀班级奖500元。\n。2)、特优生每人1000元。\n。3)、奖金发至班级。\n(4)、未完成指标的扣减奖金。"
    assert kinds(text, "numbering") == []


def test_a_list_quoted_from_a_rule_is_not_the_documents():
    text = ("一、依据上级通知办理。\n二、评量准则第11条规定：「学生修业期满，符合下列规定者发给毕业证书：一、出席率达三分之二以上。"
            "二、四个学习领域成绩丙等以上。」\n三、请各班导师配合办理。")
    assert kinds(text, "numbering") == []


class TestListsWrittenInsideOneParagraph:
    """本次活动的目的在于：一、…。二、…。四、…: a list inside one line is checked on its own."""

    def test_a_skip_and_a_duplicate_inside_one_line(self):
        (skip,) = kinds("活动目的：一、强健体魄。二、增进友谊。四、丰富生活。", "numbering")
        assert "「四、」跳号" in skip.message and "「三、」" in skip.message
        (twice,) = kinds("问卷分为：一、基本情况；二、满意程度；二、意见建议。", "numbering")
        assert "重复" in twice.message and "「三、」" in twice.message

    def test_a_clean_inline_list_and_one_that_restarts_are_silent(self):
        assert kinds("活动目的：一、强健体魄。二、增进友谊。三、丰富生活。", "numbering") == []
        assert kinds("一、领导小组：（一）组长。（二）副组长。二、工作小组：（一）组长。（二）组员。", "numbering") == []

    def test_a_deeper_list_restarts_under_each_heading_in_the_line(self):
        (found,) = kinds("一、指导思想（略）。二、组织领导：（一）组长。（二）副组长。（四）成员。三、活动安排。", "numbering")
        assert "「（四）」跳号" in found.message

    def test_a_label_written_after_a_space_is_not_missing(self):
        assert kinds("方案如下：一、时间：周五。二、地点：会议室。三、分工：1、组长：李明 2、摄影：王芳 四、对象：全体职工。五、要求：准时。", "numbering") == []


def test_a_heading_written_straight_before_the_first_item_starts_a_new_list():
    text = "目标\n1. 培养兴趣。\n2. 增长见识。\n3. 提高素养。\n实施步骤1. 确定主题。\n2. 确定时间。\n3. 落实安全。\n{}. 总结评比。"
    assert kinds(text.format(4), "numbering") == []
    (found,) = kinds(text.format(5), "numbering")
    assert "「5.」跳号" in found.message


class TestArticlesRunTogether:
    """Rules pasted into one paragraph: 考核办法第一条 …。第二条 …。第四条 …"""

    RULES = "学校教职工考核办法第一条 为全面考核教职工，制定本办法。第二条 考核坚持公开公正。{} 考核对象为在编教职工。{} 考核结果存入档案。第五条 本办法自发布之日起施行。"

    def test_a_skip_and_a_mislabelled_article(self):
        assert kinds(self.RULES.format("第三条", "第四条"), "numbering") == []
        (skip,) = kinds(self.RULES.format("第四条", "第五条").replace("第五条 本办法", "第六条 本办法"), "numbering")
        assert "「第四条」跳号" in skip.message
        (wrong,) = kinds(self.RULES.format("第四条", "第四条"), "numbering")
        assert "后面又有一个「第四条」" in wrong.message and "「第三条」" in wrong.message

    def test_articles_cited_are_no_list(self):
        assert kinds("根据《教师法》第十二条规定、《条例》第十四条规定和本办法第十五条的规定，结合实际执行。", "numbering") == []


class TestPointsInRunningProse:
    """一是…；二是…；三是…, and (1)…。(2)…。(3)… written in one paragraph: checked on their own, like inline lists."""

    def test_an_enumeration_with_a_skip(self):
        text = "今年办好五件实事：一是投资120万元改善食堂；二是新建书屋3间；三是维修校舍；五是组织体检；六是表彰先进。"
        (found,) = kinds(text, "numbering")
        assert "「五是」跳号" in found.message and "「四是」" in found.message
        assert kinds(text.replace("五是", "四是").replace("六是", "五是"), "numbering") == []

    def test_a_repeated_point_then_the_next(self):
        text = "一是加强领导；二是完善制度；二是强化考核；四是严格奖惩。"
        (found,) = kinds(text, "numbering")
        assert "「二是」" in found.message and "应为「三是」" in found.message

    def test_words_that_only_look_like_points(self):
        assert kinds("要坚持一是一、二是二的原则，统一是前提，三是三。", "numbering") == []
        assert kinds("一是学习，二是实践。一是思考，二是总结，三是改进。", "numbering") == []  # two enumerations

    def test_bracketed_points_in_one_paragraph(self):
        text = "工会全年重点做了五项工作。(1)学习宣传。(2)困难帮扶。(4)民主管理。(5)文体活动。(6)自身建设。"
        (found,) = kinds(text, "numbering")
        assert "「(4)」跳号" in found.message
        assert kinds(text.replace("(4)", "(3)").replace("(5)", "(4)").replace("(6)", "(5)"), "numbering") == []


def test_an_article_with_a_space_inside_its_label_is_still_there():
    text = "第一条：本会名称为某县教师联谊会。 第二 条：本会宗旨为团结会员。\n第三条：本会会址设于县城。\n第四条：凡本县教师均可入会。"
    assert kinds(text, "numbering") == []
    assert kinds(text.replace("第四条", "第五条"), "numbering")


def test_a_summary_of_articles_by_ranges_is_in_order():
    text = ("第一条 本会定名为校友会。\n第二条 会址设在学校内。\n第三条至第五条 规定会员资格、权利和义务。\n"
            "第五条至第七条 规定理事会的组成与职权。\n第八条 经费来自会费和捐赠。")
    assert kinds(text, "numbering") == []


def test_a_nested_list_opened_by_a_line_ending_with_a_colon_leaves_the_outer_list_going_on():
    text = ("比赛项目\n1.立定跳远（每班选4人），\n2.拔河（每班选10人），\n3.跳绳（每班选6人），\n4.接力跑（每班选8人），\n"
            "规则：\n1.每队8人，分男女组。\n2.交接棒须在接力区内完成。\n5.跳长绳（全班参加）。")
    assert kinds(text, "numbering") == []


def test_a_muddled_list_after_a_colon_line_is_still_told():
    text = ("人员安排：\n1、张老师：会场布置\n2、工会：礼品\n3、后勤：茶点\n4、摄影：李老师\n"
            "活动程序：\n1、主持人开场\n2、校长致辞\n6、学生献花\n3、代表发言\n5、赠送纪念品\n4、教师代表发言\n7、合影")
    assert kinds(text, "numbering") != []


def test_an_item_ending_with_a_colon_opens_its_own_list():
    text = ("会议议定以下事项：\n1.关于运动会筹备。\n2.关于课后服务补助。\n3.关于推荐优秀教师。会议明确推荐规则：\n"
            "1.名额按学科组分配；\n2.近三年考核至少一次优秀。\n4.关于暑期维修计划。")
    assert kinds(text, "numbering") == []


class TestEnumerationsOneParagraphEach:
    TEXT = ("县妇联积极开展筛查工作。\n一是加强组织领导。成立了工作领导小组。\n二是制定实施方案。召开协调会商讨方案。\n"
            "三是加大宣传力度。利用网络、电视广泛宣传。\n四是加强人员培训。对医务人员进行业务指导。\n")

    def test_points_in_order_are_silent(self):
        assert kinds(self.TEXT, "numbering") == []

    def test_a_point_written_as_the_next_but_one(self):
        found = kinds(self.TEXT.replace("二是制定", "三是制定"), "numbering")
        assert len(found) == 1 and "「三是」" in found[0].message and "二是" in found[0].suggestion

    def test_the_idiom_yi_shi_yi_is_no_point(self):
        assert kinds("一是一，二是二，实事求是。\n三是三。\n", "numbering") == []


def test_labels_with_a_space_copied_into_them():
    text = ("一、填报要求\n1、按表格项目逐项填写。\n2、注意保护学生隐私。\n3 、电子稿发送至指定邮箱。\n4、纸质稿盖章后报送。\n"
            "二、表格说明\n（一）表1\n填写体检人数。\n( 二)表2\n说明同表1。\n(三)表3\n注明未参加原因。")
    assert kinds(text, "numbering") == []
    assert kinds(text.replace("4、纸质稿", "5、纸质稿"), "numbering")  # a real skip after the spaced label is still told


def test_articles_quoted_from_the_rule_being_amended_are_the_rules():
    text = ("第一条\n修改\n现将《校车管理办法》第四条及第六条修改如下：\n“第四条\n校车驾驶人应当持有相应准驾车型驾驶证。\n"
            "第六条\n学校应当每学期对校车进行检查。”\n第二条\n废止\n同时废止原办法附件二。\n第三条\n生效\n本办法自公布之日起施行。")
    assert kinds(text, "numbering") == []
    assert kinds(text.replace("第三条\n生效", "第四条\n生效"), "numbering")  # the amending rule's own skip is still told


def test_an_article_run_into_the_line_before_and_cut_by_the_width():
    text = ("第一条 为规范教师评优，制定本细则。\n第二条 本细则适用于全体在编教师。\n"
            "第三条 积分实行百分制，其中教学业绩占总积分的30%。第四\n条 有下列情形之一的，在相应项目中加分。\n第五条 本细则自发布之日起施行。")
    assert kinds(text, "numbering") == []
    assert kinds(text.replace("第五条 本细则", "第六条 本细则"), "numbering")


def test_two_lists_of_a_flattened_two_column_table_written_alternately():
    text = ("收入支出决算总表\n收入\n支出\n项目\n决算数\n一、财政拨款收入\n1\n820.50\n一、一般公共服务支出\n31\n\n"
            "二、外交支出\n32\n\n二、上级补助收入\n2\n\n三、国防支出\n33\n\n三、事业收入\n3\n12.00\n四、教育支出\n34\n790.10\n"
            "五、科学技术支出\n35\n")
    assert kinds(text, "numbering") == []
    assert kinds("一、总则\n二、适用范围\n二、工作职责\n三、考核办法\n四、附则", "numbering")  # one list with a duplicate is told


def test_notes_opened_by_a_word_and_a_colon_start_at_one():
    text = ("表1 生均教学成本\n说明：1.直接教学成本含教学研究及奖助学金支出。\n2.生均教学成本按加权学生数计算。\n"
            "表2 学杂费收入占比\n说明：1.直接教学成本含教学研究及奖助学金支出。\n2.生均教学成本按加权学生数计算。")
    assert kinds(text, "numbering") == []


def test_a_nested_enumeration_opened_by_a_colon_inside_a_point():
    text = "一是落实项目，新签约企业有2家：一是甲公司，投资3亿元；二是乙公司，投资4亿元。二是改善民生。三是加强党建。"
    assert kinds(text, "numbering") == []
    assert kinds(text.replace("三是加强", "二是加强"), "numbering")  # the outer list's own duplicate is still told


def test_a_flattened_two_column_table_between_the_documents_own_headings():
    text = ("一、部门基本情况\n本单位为全额拨款事业单位。\n二、收入支出决算总表\n收入\n支出\n"
            "一、一般公共预算财政拨款收入\n1\n520.30\n一、教育支出\n31\n498.10\n二、政府性基金预算财政拨款收入\n2\n0.00\n"
            "二、社会保障和就业支出\n32\n22.20\n三、上级补助收入\n3\n0.00\n三、住房保障支出\n33\n0.00\n四、事业收入\n4\n0.00\n"
            "五、其他收入\n5\n0.00\n三、收入支出决算总体情况说明\n本年收入合计520.30万元。\n四、名词解释\n略。")
    assert kinds(text, "numbering") == []
    assert kinds(text.replace("四、名词解释", "五、名词解释"), "numbering")  # the outline's own skip after the table


def test_a_heading_run_into_the_line_before_and_cut_between_numeral_and_comma():
    text = ("一、基本情况\n全县参考1193人，及格1006人，及格率84.3%。\n二、各校成绩\n全县平均分75.33分，较上学期提高1.2分。三\n"
            "、对比分析\n物理全县及格率为84.3%。\n四、改进措施\n加强分层教学。")
    assert kinds(text, "numbering") == []  # the 三 is there, at the end of the line before
    assert kinds(text.replace("分。三\n", "分。\n"), "numbering")  # with the numeral truly lost it is told


def test_an_item_run_into_the_line_before_with_a_space_after_its_dot():
    text = ("1. 研修活动\n全年开展研修12次。\n2. 研究成果\n本年度论文数比上年增加4篇，增长25.0%。3. 经费使用\n全年支出15,520元。\n"
            "4. 下一步工作设想\n加强联合教研。")
    assert kinds(text, "numbering") == []  # the 3. is there, run into the line before


def test_a_list_broken_by_the_width_before_its_comma_is_no_lost_heading():
    text = ("一、班级结构\n本学年全校共开设25班，其中中一4班（132人）、中二3班（84人）\n、中三3班（77人）、中四5班（131人），学生合共424名。\n"
            "、教师资历\n全校教师58人。\n三、学生出席率\n出席率98.5%。")
    found = [f for f in check_text(text) if f.kind == "numbering"]
    assert len(found) == 1 and "「、教师资历" in found[0].message  # the lost 二 is told at its heading, not at the wrapped list


def test_a_line_translated_under_it_is_numbered_alike_not_again():
    text = "2. 某某大学社会学系\n2. Department of Sociology, Some University\n中国共产党的建立和发展与大学校园有着紧密的联系。"
    assert kinds(text, "numbering") == []
    assert len(kinds("一、目的\n二、对象\n二、标准\n三、要求", "numbering")) == 1


def test_labels_behind_a_bullet_or_a_space_are_labels():
    text = ("选举分为：\n（一）理事选举\n（二）校董选举\n1. 理事选举\n• （一）提名\n• （二）投票\n2. 校董选举\n"
            "• （一）参选资格\n（二）选举主任\n（三）提名")
    assert kinds(text, "numbering") == []
    assert kinds("9.按时召开会议。\n10.按规定换届。\n11 .按期召开代表大会。\n12.校级学生会组织规范。", "numbering") == []


def test_a_heading_run_in_after_an_inline_list_with_the_same_number():
    text = "一、指导思想\n以立德树人为根本任务。二、工作目标\n目的在于：一、提升质量；二、促进成长；三、确保安全。三、主要措施\n（一）规范流程\n四、经费预算\n"
    assert kinds(text, "numbering") == []
    skipped = text.replace("二、促进成长；三、确保安全", "二、促进成长；四、确保安全")
    assert len(kinds(skipped, "numbering")) == 1


def test_a_list_under_unnumbered_headings_ends_at_the_next_one():
    text = ("学代会简介\n学生代表大会是学生参与民主管理的组织形式。\n代表条件\n一、本校全日制在校学生。\n二、遵守校规校纪。\n"
            "主要任务\n大会议程\n四、选举产生新一届学生会主席团。\n代表组成\n本次大会共有正式代表120名。")
    assert kinds(text, "numbering") == []  # 四、 opens an excerpt of another list, under other headings
    plain = "代表条件\n一、本校全日制在校学生。\n二、遵守校规校纪。\n四、热心服务同学。"
    assert len(kinds(plain, "numbering")) == 1
    titled = "重阳节慰问活动方案\n一、活动时间\n重阳节当天\n二、活动地点\n社区活动中心\n四、活动对象\n社区老人"
    assert len(kinds(titled, "numbering")) == 1  # a title is no unnumbered heading; a place named alone ends nothing


def test_a_block_out_of_place_is_told_once():
    found = kinds("一、清点人数\n二、介绍议案\n五、表决\n六、签名\n三、讨论发言\n四、修正议案\n", "numbering")
    assert len(found) == 1 and "「三、」" in found[0].message  # the 三、四、 a page copy moved below 六、, told at its start
    assert len(kinds("一、目的\n二、对象\n四、表决\n三、讨论\n五、签名\n七、修正\n六、其他\n", "numbering")) == 2  # two swaps


def test_a_decimal_broken_at_a_line_start_is_no_label_that_others_follow():
    text = ("（一）调查结果\n1、对幼儿园的满意度：满意：\n97、8%\n2、对收费的满意度：满意：100%\n3、对保教质量的满意度：满意：\n"
            "96、8%\n（二）分析\n1、本次问卷共发放300份，回收295份，回收率为\n98、3%，大部分家长对幼儿园工作很支持。\n"
            "2、从调查情况看，满意度达到96%以上。\n3、极少数家长的育儿观念还需转变。\n4、家长对膳食的满意度最低。\n")
    assert kinds(text, "numbering") == []  # 97、8% 98、3%: decimals written with 、 break the lists too often to be labels
