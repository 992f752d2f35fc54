"""Relations, tables: row products and column totals: right texts stay silent, one changed figure gives one finding.

Every sentence is written for these tests, in shapes found on real school and union pages.
"""

from __future__ import annotations

from decimal import Decimal

from relation_helpers import figures, pairs


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


def pairs_of(text: str) -> list[tuple]:
    return [(f.stated, f.computed) for f in figures(text)]


class TestTablesFlattenedByAWebPage:
    """Tables copied from a web page: bars without borders, one cell per line, rows set apart by spaces.
    A relation is believed only when other rows (or another column) of the same table bear it out."""

    BARS = (
        "单位：元\n"
        "项目 | 单位 | 数量 | 单价 | 金额 | 用途 | ||\n"
        "| 讲座课酬 | 节 | 12 | 300 | {} | 家长学校讲座 | |\n"
        "资料印刷 | 本 | 450 | 2.5 | 1125 | 学习手册 | ||\n"
        "横幅 | 条 | 3 | 80 | 240 | 活动布置 ||\n"
        "交通补贴 | 人次 | 25 | 20 | 500 | 教师外出 | |"
    )

    def test_bar_rows_without_borders_check_each_product(self):
        assert figures(self.BARS.format(3600)) == []
        assert pairs_of(self.BARS.format(3900)) == [(3900, 3600)]

    CELLS = "序号 |\n岗位 |\n拟聘人数 |\n1 |\n语文教师 |\n4 |\n2 |\n数学教师 |\n3 |\n3 |\n体育教师 |\n1 |\n4 |\n心理教师 |\n1 |\n合计 |\n{} |"

    def test_one_cell_per_line_with_a_total_row(self):
        assert figures(self.CELLS.format(9)) == []
        assert pairs_of(self.CELLS.format(8)) == [(8, 9)]

    GRADES = ("年级 |\n男 |\n女 |\n合计 |\n一年级 |\n58 |\n61 |\n119 |\n二年级 |\n|\n64 |\n64 |\n"
              "三年级 |\n70 |\n{} |\n137 |\n四年级 |\n55 |\n49 |\n104 |")

    def test_one_cell_per_line_with_row_sums_and_empty_cells(self):
        assert figures(self.GRADES.format(67)) == []
        assert pairs_of(self.GRADES.format(76)) == [(137, 146)]

    SPACES = ("项目 名称 单位 数量 单价 总价\n"
              "场地布置 气球 个 300 0.5 150\n"
              "奖品 水杯 个 {} 18 540\n"
              "奖品 笔记本 本 60 6 360\n"
              "午餐 盒饭 份 45 20 900")

    def test_rows_set_apart_by_spaces(self):
        assert figures(self.SPACES.format(30)) == []
        assert pairs_of(self.SPACES.format(36)) == [(540, 648)]

    def test_a_relation_no_other_row_bears_out_is_not_believed(self):
        text = "项目 | 次数 | 天数 | 金额 |\n培训 | 3 | 2 | 6 |\n印刷 | 4 | 5 | 38 |\n交通 | 2 | 7 | 90 |"
        assert figures(text) == []

    def test_a_relation_two_rows_break_is_not_the_table_s(self):
        text = ("项目 | 数量 | 单价 | 金额 |\n课本 | 30 | 12 | 360 |\n作业本 | 50 | 2 | 100 |\n"
                "文具 | 20 | 5 | 120 |\n书包 | 10 | 40 | 450 |\n校服 | 10 | 90 | 900 |")
        assert figures(text) == []

    def test_a_single_column_total_needs_a_header_naming_it(self):
        text = "1 |\n甲校 |\n12 |\n2 |\n乙校 |\n30 |\n3 |\n丙校 |\n8 |\n合计 |\n51 |"
        assert figures(text) == []

    REMARKS = "项目 | 费用（元） | 说明 |\n---|---|---|\n学费 | 4,800 | 一学期 |\n杂费 | 300 | 一学期 |\n材料费 | 1,250 | 五个月 |\n合计 | {} | |"

    def test_a_total_row_left_aligned_under_a_remarks_column(self):
        assert figures(self.REMARKS.format("6,350")) == []
        assert pairs_of(self.REMARKS.format("6,530")) == [(6530, 6350)]

    SPENT = "支出项目 | 金额（元） |\n伙食费 | 186000 |\n图书资料费 | 41000 |\n维修费 | 9500 |\n水电费 | 23500 |\n合计 | 260000 |"

    def test_one_column_with_a_slip_in_a_row_names_that_row(self):
        assert figures(self.SPENT) == []
        (found,) = figures(self.SPENT.replace("41000", "14000"))  # two digits swapped in a row, the total right
        assert (found.stated, found.computed) == (260000, 233000)
        assert "「图书资料费」一行的 14000 是 41000 之误" in found.message and not found.edits  # the clerk decides
        (found,) = figures(self.SPENT.replace("260000", "206000"))  # the slip in the total: put right there
        assert (found.stated, found.computed) == (206000, 260000) and found.edits
        assert figures(self.SPENT.replace("41000", "43500")) == []  # 2500 off: neither the total nor a row by one keystroke

    RATES = ("地区 园所数 发出问卷 回收问卷 有效问卷 回收率 可用率\n"
             "城区 25 180 153 150 85% 83.3%\n"
             "东乡 6 40 40 38 100% 95%\n"
             "西乡 12 96 84 82 87.5% {}\n"
             "南乡 9 75 60 57 80% 76%")

    def test_a_share_in_a_row_against_the_figures_beside_it(self):
        assert figures(self.RATES.format("85.4%")) == []
        (found,) = figures(self.RATES.format("58.4%"))
        assert (found.stated, found.computed, found.suggestion) == (Decimal("58.4"), Decimal("85.4"), "改为 85.4%")

    def test_a_share_far_from_the_row_is_left_alone(self):
        assert figures(self.RATES.format("61%")) == []

    BARE = ("六、经费需求\n\n项目\n\n单价（元）\n\n数量\n\n总计（元）\n\n备注\n\n车资\n\n9,500\n\n1\n\n9,500\n\n \n\n"
            "研学体验\n\n180\n\n42\n\n{}\n\n \n\n保险费\n\n15\n\n71\n\n1,065\n\n师生、家长\n\n午餐费\n\n70\n\n75\n\n5,250\n\n含司机\n")

    def test_every_cell_on_a_line_of_its_own_without_bars(self):
        assert figures(self.BARE.format("7,560")) == []
        assert pairs_of(self.BARE.format("7,650")) == [(7650, 7560)]

    def test_short_lines_that_are_no_table_stay_silent(self):
        text = "获奖名单\n\n张明\n\n85\n\n李华\n\n90\n\n王芳\n\n88\n\n陈静\n\n92\n"
        assert figures(text) == []


def test_rows_that_round_to_nothing_do_not_pair_the_columns():
    from relation_helpers import figures
    text = ("县别 学生人数 学校总数 平均人数 多于1000人 150至1000人 30至149人 少于30人\n"
            "东山县 2,310 3 770 1 33% 2 67% 0 0% 0 0%\n"
            "南湖县 - - - - - - - - - - -\n"
            "西岭县 410 1 410 0 0% 1 100% 0 0% 0 0%\n"
            "北川县 1,250 10 125 0 0% 3 30% 7 70% 0 0%\n"
            "青石县 960 3 320 0 0% 2 67% 1 33% 0 0%\n"
            "白沙县 372 3 124 0 0% 1 33% 2 67% 0 0%\n"
            "红河县 286 2 143 0 0% 1 50% 1 50% 0 0%\n"
            "全区总数 5,588 22 254 1 5% 10 45% 11 50% 0 0%\n")
    assert figures(text) == []  # 1 of 22 is 5 %; 10 of 5588 is 0 %, a pairing only rows of 0 % bear out


def test_a_figure_that_is_the_sum_of_the_few_after_it_in_every_row():
    text = ("表3 各类学校在校生（单位：人）\n"
            "类别 合计 男 女 合计 城镇 农村\n"
            "小学 41250 21530 19720 41250 30110 11140\n"
            "初中 20486 10712 9774 20486 15260 5226\n"
            "高中 11378 5604 5774 11378 9905 1473\n")
    assert figures(text) == []
    assert pairs(text.replace("10712 9774", "10172 9774")) == [(20486, 19946)]


class TestAShareColumnOfTheColumnTotal:
    TEXT = "片区 参赛人数 占比\n城东片区 240 32.0%\n城西片区 186 24.8%\n城南片区 207 27.6%\n城北片区 117 {}\n"

    def test_one_share_off_by_a_keystroke(self):
        assert figures(self.TEXT.format("15.6%")) == []  # 117 of 750
        assert pairs_of(self.TEXT.format("16.5%")) == [(Decimal("16.5"), Decimal("15.6"))]
        assert figures(self.TEXT.format("19.0%")) == []  # far off: not a slip this table bears out

    def test_a_table_set_side_by_side_in_halves_is_one_whole(self):
        text = ("民族 | 人数 | 占比 | 民族 | 人数 | 占比\n汉族 | 4120 | 95.24% | 白族 | 4 | 0.09%\n回族 | 130 | 3.01% | 苗族 | 3 | 0.07%\n"
                "满族 | 41 | 0.95% | 侗族 | 2 | 0.05%\n蒙古族 | 22 | 0.51% | 其他 | 4 | 0.09%\n")
        assert figures(text) == []  # of all 4326, not of the left half's 4313

    def test_a_column_of_shares_of_something_else_is_left_alone(self):
        text = "学校 参加人数 合格率\n一中 240 96.0%\n二中 186 94.1%\n三中 207 97.6%\n四中 117 91.5%\n"
        assert figures(text) == []


def test_a_row_that_numbers_the_columns_holds_no_figures():
    text = "项目 | 本年支出合计 | 基本支出 | 项目支出\n栏次 | 1 | 2 | 3\n合计 | 6,691,000.00 | 5,215,200.00 | 1,475,800.00\n" \
           "教育支出 | 6,200,000.00 | 4,800,000.00 | 1,400,000.00\n社会保障和就业支出 | 491,000.00 | 415,200.00 | 75,800.00\n"
    assert figures(text) == []  # not 2 + 3 against 1


def test_a_product_cut_at_the_end_of_its_line_is_not_called_wrong():
    text = ("品名 | 单位 | 数量 | 单价 | 金额\n宣传折页 | 份 | 40 | 1.50 | 60.00\n慰问品 | 份 | 6 | 150.00 | 900.00\n"
            "办公桌椅 | 套 | 12 | 850.00 | 1020\n0.00\n")
    assert figures(text) == []  # 10200.00 broken over two lines by the page's width
    assert pairs_of(text.replace("1020\n0.00\n", "1020.00\n")) == [(1020, 10200)]  # on one line it is a slip


def test_a_row_broken_over_two_lines_at_a_cell_edge_is_one_row():
    text = ("| 学科 | 一等奖 | 二等奖 | 三等奖 | 小计 |\n| 地理 | 2 | 11 | 3 | 16 |\n| 英语 | 3 | 3 | 17 | 23 |\n"
            "| 信息学 | 3 | 12 | 11 | 26 |\n| 合计 | 8 |\n| 26 | 31 | 65 |\n")
    assert figures(text) == []  # not 26 + 31 against 65 in a row of its own
    assert {f.stated for f in figures(text.replace("| 26 | 31 | 65 |", "| 26 | 31 | 66 |"))} == {66}


def test_a_table_in_halves_is_not_added_up_one_column():
    text = ("| 学校 | 上线人数 | 占比 | 学校 | 上线人数 | 占比 |\n| 一中 | 326 | 36.5% | 五中 | 20 | 2.2% |\n"
            "| 二中 | 116 | 13.0% | 六中 | 164 | 18.4% |\n| 三中 | 180 | 20.2% | 七中 | 87 | 9.7% |\n| 合计 | 893 | 100.0% | | | |\n")
    assert figures(text) == []  # 893 is both halves


def test_a_grand_total_after_group_subtotals_is_of_the_rows_not_of_the_subtotals_too():
    text = ("序号\t年级\t姓名\t资助档次\t金额（元）\n1\t五年级\t甲\t一档\t1,000.00\n2\t\t乙\t二档\t800.00\n\t五年级小计\t\t\t1,800.00\n"
            "3\t六年级\t丙\t一档\t1,000.00\n4\t\t丁\t二档\t800.00\n5\t\t戊\t二档\t800.00\n\t六年级小计\t\t\t2,600.00\n\t合计\t\t\t4,400.00\n")
    assert figures(text) == []  # not 8,800 with the subtotals counted twice
    assert pairs_of(text.replace("2,600.00", "2,800.00")) == [(2800, 2600)]
    assert pairs_of(text.replace("4,400.00", "4,600.00")) == [(4600, 4400)]


def test_rounded_shares_of_a_column_may_miss_their_total_by_one_step():
    text = ("序号 项目 本年 上年 占比\n1 办公费 16.90 12.28 5.67\n2 差旅费 7.07 5.81 2.37\n3 会议费 19.18 22.12 6.43\n"
            "  小计 43.15 40.21 14.48\n")
    assert figures(text) == []  # 5.67 + 2.37 + 6.43 = 14.47: each share rounded before it was added


def test_a_share_column_whose_total_is_written_100():
    text = ("项目  金额  占比\n学杂费  5,780,000  82.03\n政府津贴  580,130  8.23\n捐款收入  531,530  7.54\n其他收入  154,420  2.19\n"
            "小计  7,046,080  100\n")
    assert figures(text) == []  # the shares add to 99.99, each rounded


def test_a_total_row_that_lost_an_empty_cell_is_not_misread():
    text = ("序号  学校  受益人数  标准（元/生·学期）  补助金额（元）\n1  新集镇小学  1236  600  741600\n2  杨家湾乡中学  555  600  333000\n"
            "3  长岭乡中心小学  309  600  185400\n4  河口镇小学  758  600  454800\n  合计  2858    1714800\n")
    assert figures(text) == []  # 2858 is the 受益人数 total, not the 标准 column's (2400)


def test_a_table_goes_on_after_the_page_turns():
    text = ("单位：万元\n|序号|项目|数量|标准|金额|\n|1|小学寄宿生|251人×3月|150|11.295|\n第4页 共6页\n经费预算表（续表）\n"
            "|序号|项目|数量|标准|金额|\n|2|初中寄宿生|223人×10月|130|28.99|\n|3|特殊教育学生|64名×5月|290|9.28|\n||合计|||{}|\n")
    assert figures(text.format("49.565")) == []  # the first row, before the page turned, is in the total
    found = figures(text.format("49.655"))
    assert [(f.stated, f.computed) for f in found] == [(Decimal("49.655"), Decimal("49.565"))] and "49.565" in found[0].message


def test_a_product_rounded_to_the_fen():
    text = ("日期  品名  数量  单位  单价(元)  金额(元)\n9.11  食用油  8  桶  74.70  597.60\n9.12  胡萝卜  424.5  斤  2.00  849.00\n"
            "9.13  鸡蛋  165.5  斤  4.83  799.37\n9.14  面粉  37.5  公斤  4.55  170.63\n")
    assert figures(text) == []  # 165.5 × 4.83 = 799.365 and 37.5 × 4.55 = 170.625, each to the fen
    assert pairs_of(text.replace("799.37", "799.73")) == [(Decimal("799.73"), Decimal("799.37"))]
    headed = "| 品名 | 数量 | 单价 | 金额 |\n|---|---|---|---|\n| 鸡蛋 | 165.5 | 4.83 | 799.37 |\n| 面粉 | 37.5 | 4.55 | 170.63 |"
    assert figures(headed) == []


def test_a_table_goes_on_after_a_page_line_and_a_numbered_continuation():
    text = ("| 序号 | 年级 | 参测人数 | 不及格人数 |\n| 1 | 一年级 | 391 | 18 |\n| 2 | 二年级 | 407 | 25 |\n-1-\n\n续表1\n"
            "| 序号 | 年级 | 参测人数 | 不及格人数 |\n| 3 | 三年级 | 313 | 27 |\n|  | 合计 | 1111 | {} |\n")
    assert figures(text.format(70)) == []
    assert pairs_of(text.format(80)) == [(80, 70)]
    assert pairs_of(text.format(80).replace("-1-\n\n续表1\n", "-- 1 --\n\n")) == [(80, 70)]  # a page line set off by two hyphens


def test_a_total_adds_the_amounts_as_written_at_the_fen():
    # 215.6千克 × 7.45 = 1606.22 exactly 1606.220; 58.3 × 9.87 = 575.421, written 575.42: the 小计 adds what is written
    table = ("| 品名 | 单位 | 数量 | 单价（元） | 金额（元） |\n| 猪肉 | 千克 | 215.6 | 7.45 | 1606.22 |\n"
             "| 鸡蛋 | 千克 | 58.3 | 9.87 | 575.42 |\n| 小计 |  |  |  | {} |\n")
    assert figures(table.format("2181.64")) == []
    assert pairs(table.format("2181.46")) == [(Decimal("2181.46"), Decimal("2181.64"))]


def test_a_standard_every_row_shares_is_repeated_in_the_total_row_not_added():
    table = ("年级  班级数  征订人数  每人标准（元）  金额（元）\n七年级  8个班  352人  268.00  94336.00\n"
             "八年级  7个班  301人  268.00  80668.00\n合计  15个班  653人  268.00  {}\n")
    assert figures(table.format("175004.00")) == []
    assert pairs(table.format("175040.00")) == [(Decimal("175040.00"), Decimal("175004.00"))]


def test_a_bar_table_goes_on_after_the_page_turns_with_its_header_repeated():
    header = "| 序号 | 单位名称 | 发现隐患 | 已整改 | 未整改 |\n"
    text = (header + "| 1 | 东城 | 25 | 21 | 4 |\n| 2 | 西城 | 20 | 18 | 2 |\n| 3 | 南城 | 34 | 32 | 2 |\n\n— 2 —\n\n（续表）\n"
            + header + "| 4 | 北城 | 37 | 36 | 1 |\n| 合计 |  | 116 | {} | 9 |\n")
    assert figures(text.format(107)) == []
    assert pairs(text.format(170)) == [(170, 107)]


def test_a_blank_cell_whose_row_holds_the_missing_figure_is_no_wrong_total():
    # 林场 | (合计 left blank) | 10 |: the 合计 column is 10 short because of the blank, not because 6490 is wrong
    text = ("单位 |\n合计 |\n中央资金 |\n省级资金 |\n修武 |\n1010 |\n10 |\n1000 |\n博爱 |\n2015 |\n15 |\n2000 |\n"
            "孟州 |\n3455 |\n20 |\n3435 |\n林场 |\n|\n10 |\n|\n合计 |\n6490 |\n55 |\n6435 |\n")
    assert figures(text) == []


def test_one_rate_applied_in_every_row_is_no_share_of_each_row():
    # 名额 = 在编人数 × 15%, rounded: 1 of 9 is 11 %, yet the row applies 15 % like the others
    rows = [("外科", 66, 10), ("儿科", 9, 1), ("急诊科", 75, 11), ("内科", 107, 16), ("妇产科", 33, 5), ("医技科室", 83, 12)]
    text = "序号 | 单位 | 在编人数 | 比例 | 名额\n" + "".join(f"{i} | {n} | {a} | 15% | {b}\n" for i, (n, a, b) in enumerate(rows, 1))
    assert figures(text) == []


def test_a_total_column_that_holds_in_every_row_makes_another_sum_chance():
    table = ("会议费开支标准\n单位:元/人天\n会议类别 房租费 伙食补助费 其他费用 合计 备  注\n一类会议 180 70 70 320 含会议室租金\n"
             "二类会议 120 70 50 240 含会议室租金\n三类会议 100 70 30 200 含会议室租金\n")
    assert figures(table) == []  # 120 = 70 + 50 and 100 = 70 + 30 by chance: the 合计 is the table's sum
    assert pairs(table.replace("180 70 70 320", "180 70 70 330")) == [(330, 320)]
    groups = ("学段 合计 男 女\n小学 1200 610 590\n初中 800 410 390\n高中 600 320 {}\n")
    assert figures(groups.format(280)) == [] and pairs(groups.format(290)) == [(600, 610)]
