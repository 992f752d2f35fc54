"""A whole and its parts: ``慰问对象共21人：退休教师15人、困难职工4人、生病教师2人``.

Checked only when the parts are certainly a partition of the whole:

* listed after 分别为/分别是, or after a colon right behind the whole;
* an enumeration after 其中： whose ；-separated items each hold one figure
  (``运动场7332平方米。其中：跑道…5394平方米；篮球场…1216平方米；…``);
* after 其中 (or right after the whole), when the parts name complementary
  groups (男/女, 在职/退休) or groups of one kind (甲校/乙校/丙校,
  阅览室/活动室, 初级中学/中心小学/村小).

Money broken down after 其中 or 用于 (``经费24.9万元，用于运动会10万元、…``)
is most likely complete but may not be: a mismatch there is a warning.
Counts in brackets belong to the figure before them (``甲校20人（女生9人）``),
and subgroups that may overlap (党员, 女教师 and 高级教师 among 教职工) are
no partition: such sentences are left alone.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from decimal import Decimal

from ...findings import Finding
from ...money import format_figure as _num
from ...money import format_scaled
from ...quantities import PERCENT, Quantity, same_count_unit
from ..passage import FULL_STOP as _FULL_STOP, Statement, at_precision, depth as _depth, figure_edit, located
from .explain import Explain
from .slips import one_keystroke_apart, plausible, slipped_part, transposed
from .shares import AMONG, CHANGE_CLAUSES, DELTA as _DELTA, TOTAL_MARK, WHOLE_MARK, whole_before

_SENTENCE = re.compile(r"[^。！!？?]+")
_TRIGGER = re.compile(r"其中[：:，,]?|分别为|分别是|[，,]\s*用于|[：:]")
_SEPARATORS = re.compile(r"[、，,；;和及与]")
_PAIRS = ({"男", "女"}, {"男生", "女生"}, {"男教师", "女教师"}, {"男职工", "女职工"}, {"在职", "退休"},
          {"城镇", "农村"}, {"城市", "农村"}, {"公办", "民办"}, {"小学", "初中"}, {"小学", "初中", "高中"},
          {"校内", "校外"}, {"专职", "兼职"}, {"走读", "住校"}, {"男性", "女性"}, {"男童", "女童"},
          {"基本支出", "项目支出"}, {"上半年", "下半年"}, {"上学期", "下学期"}, {"常住", "暂住"}, {"户籍", "流动"},
          {"常住", "流动"}, {"集中供养", "分散供养"}, {"党委", "党总支", "党支部"}, {"党总支", "党支部"}, {"党委", "党支部"})
_KIND_SUFFIX = set("校级班村组类队室区镇部处点园所馆站社")
_LEVEL = re.compile(r"本科|专科|大专|高中|初中|小学|中专|中职|职高|研究生|硕士|博士|幼儿园|学前|特殊教育|特教")
_SUBJECT = re.compile(r"^(?:语文|数学|英语|外语|音乐|体育|美术|科学|物理|化学|生物|历史|地理|政治|道德与法治|信息技术|心理健康|劳动|书法)(?:教师|老师)?$")
_AVERAGE = re.compile(r"(?:平均|人均|户均|生均|标准|水平)[^，,。；;\d]{0,6}$")
_ATTRIBUTES = {"分", "岁", "年", "月", "天", "周", "小时", "分钟", "课时", "学期", "米", "公里", "平方米", "亩", "吨", "千克"}
_REGIONS = ({"东部", "中部", "西部"}, {"东部", "中部", "西部", "东北"}, {"城区", "农村"}, {"城区", "乡镇"}, {"市区", "郊区"})
_PROVINCE = re.compile(r"(?:北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州"
                       r"|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门)(?:省|市|自治区|特别行政区)?")
_SERIES = re.compile(r"第[一二三四五六七八九十\d]{1,3}(?:批|期|组|轮|阶段|届|名)|[一二三四五六七八九]年级|[高初][一二三]|[大中小托]班"
                     r"|(?:[一二三]级)?[甲乙丙丁]等|[一二三四五六七八九十]级|[ABCD甲乙丙丁]类|[ABCD]级")
_SCHOOL_KIND = re.compile(r"(?:中学|小学|初中|高中|完中|村小|幼儿园|教学点|中心校|学校|职中|职校)$")






def check_parts(statements: list[Statement], explain: Explain | None = None) -> list[Finding]:
    findings = []
    for index, st in enumerate(statements):
        text = st.text
        sentences = [m.span() for m in _SENTENCE.finditer(text)]
        qs = [q for q in st.quantities if q.unit and q.unit != PERCENT and not q.is_rate]
        for k, (a, b) in enumerate(sentences):
            found = _judge(st, qs, a, b, statements, index, explain)
            if found:
                findings.append(found)
        findings.extend(_bracketed(st))
        findings.extend(_closed_lists(st, statements[index - 1] if index else None))
        findings.extend(_rated_groups(st))
        findings.extend(_per_group(st))
        findings.extend(_parallel_breakdowns(st))
        findings.extend(_groups_after_whole(st, sentences, qs))
        findings.extend(_rate_breakdowns(st))
    findings.extend(_numbered_breakdowns(statements))
    return findings


_CLOSE = re.compile(r"[）)]")
_RATE_PARTS = re.compile(r"(?:每(?:人|生|名|位|户|套|天|日|月|学期|年)+)?\s*(?:[，,。]\s*其中[，,：:]?|[（(]\s*(?:其中|含)?[：:，,]?)")


def _rate_breakdowns(st: Statement) -> list[Finding]:
    """每生230元（社会实践费190元、往返车费40元） / 每人每天85元，其中70元为托管费，15元为午餐费 / 标准为每人800元。
    其中春节每人650元，端午节每人70元，中秋节每人80元: a rate per head and the amounts it is made of. Fee notices list every component, but a 含 may name only some, so only a
    sum one keystroke from the rate is named."""
    out = []
    money = [q for q in st.quantities if q.is_money and not q.upper]
    for i, whole in enumerate(money):
        if not whole.is_rate or not whole.exact or not re.search(r"每|[/／]", st.text[max(0, whole.start - 8) : whole.end + 4]):
            continue  # 各项存款余额11.2亿元，其中…: 各 makes no rate per head
        m = _RATE_PARTS.match(st.text, whole.end)
        if not m:
            continue
        bracket = "（" in m.group() or "(" in m.group()
        end = len(st.text)
        stop = (_CLOSE if bracket else _FULL_STOP).search(st.text, m.end())
        end = stop.start() if stop else end
        parts = [q for q in money[i + 1 :] if q.start < end]
        if len(parts) < 2 or not all(q.exact and q.scale == whole.scale for q in parts):
            continue
        each = all(q.per == whole.per for q in parts)  # 标准为每人800元。其中春节每人650元，端午节每人70元…
        if not bracket and not each and re.search(r"[每/]|人均|约|以上", st.text[max(m.end(), parts[0].start - 3) : parts[0].start]):
            continue
        total = sum((q.value for q in parts), Decimal(0))
        if total == whole.value or not one_keystroke_apart(whole.value, total, [q.value for q in parts]):
            continue
        out.append(_sum_finding(st, whole, parts, total, "标准", "其中各项", "", st.quote(whole.start, parts[-1].end), "error"))
    return out


_VIEWED = re.compile(r"\s*(?:从[^，,。；;\d]{1,10}(?:上|来)?看|按[^，,。；;\d]{1,8}分)?[，,：:]?\s*")


def _groups_after_whole(st: Statement, sentences: list[tuple[int, int]], qs: list[Quantity]) -> list[Finding]:
    """2018届毕业生共有1479人。从学历层次上看，本科毕业生1181人，专科毕业生298人…。从性别看，男生965人，女生514人…:
    a sentence that opens with two groups partitioning people (by level, by sex…) after a sentence that ends with
    their marked total. The groups may count a subset the text does not name, so only a sum one keystroke from
    the total is named."""
    out = []
    whole = None
    if len(qs) < 3:
        return out  # a whole and two groups at least
    for a, b in sentences:
        here = [q for q in qs if a <= q.start < b]
        lead = _VIEWED.match(st.text, a)
        if whole is not None and len(here) >= 2 and lead and here[0].start - lead.end() <= 14:
            pair = here[:2]
            labels = [_label(st.text, lead.end(), q, pair) for q in pair]
            if (all(q.unit == whole.unit and q.exact for q in pair) and all(labels) and _partition(labels)
                    and not re.search(r"\d", st.text[lead.end() : pair[0].start])
                    and re.match(r"\s?[，,、；;]", st.text[pair[0].end : pair[0].end + 2])):
                total = pair[0].value + pair[1].value
                if total != whole.value and one_keystroke_apart(whole.value, total, [q.value for q in pair]):
                    out.append(_sum_finding(st, whole, pair, total, "总数", "各部分", "", st.quote(a, pair[1].end), "error"))
                continue  # the whole stays for the next sentence's groups
        marked = [q for q in here if q.exact and TOTAL_MARK.search(st.text, max(a, q.start - 10), q.start)
                  and q.unit and not q.is_money]
        whole = marked[-1] if marked and not [q for q in here if q.start > marked[-1].end] else None
    return out


_AMONG_ITEMS = re.compile(r"其中[：:，,]?")


def _parallel_breakdowns(st: Statement) -> list[Finding]:
    """投入资金8620.5万元，建设项目310个，建设面积210690平方米。其中改薄工程5130.2万元，建设项目96个，建设面积112430
    平方米；校舍维修3490.3万元，建设项目214个，建设面积98260平方米: several wholes, each ；-item holding one
    figure of each. When every whole but one is the sum of its parts, the list is complete, and the one that is
    not is a slip."""
    text = st.text
    out = []
    for m in _AMONG_ITEMS.finditer(text):
        head_end = m.start()
        stop = max(text.rfind(c, 0, head_end) for c in "。；;！!？?")
        if text[stop + 1 : head_end].strip() == "" and stop >= 0:
            stop = max(text.rfind(c, 0, stop) for c in "。；;！!？?")  # 其中 opens the sentence: the wholes are in the one before
        heads = [q for q in st.quantities_in(stop + 1, head_end) if q.unit and q.unit != PERCENT and not q.is_rate
                 and _depth(text, q.start) == 0 and not _DELTA.search(text[max(0, q.start - 8) : q.start])]
        wholes = {q.unit: q for q in heads}
        if len(wholes) < 2 or len(wholes) != len(heads) or not all(q.exact for q in heads):
            continue  # one figure of each unit before 其中, nothing else counted
        end = min([i for i in (text.find(c, m.end()) for c in "。！!？?") if i >= 0] or [len(text)])
        items = [span for span in re.finditer(r"[^；;]+", text[m.end() : end])]
        if len(items) < 2:
            continue
        columns: dict[str, list[Quantity]] = {unit: [] for unit in wholes}
        for item in items:
            inside = [q for q in st.quantities_in(m.end() + item.start(), m.end() + item.end())
                      if q.unit and q.unit != PERCENT and _depth(text, q.start) == 0]
            if sorted(q.unit for q in inside) != sorted(wholes) or not all(q.exact for q in inside):
                columns = {}
                break
            for q in inside:
                columns[q.unit].append(q)
        if not columns:
            continue
        totals = {unit: sum((q.value for q in qs), Decimal(0)) for unit, qs in columns.items()}
        off = [unit for unit in wholes if totals[unit] != wholes[unit].value
               and not _rounding(columns[unit] + [wholes[unit]], totals[unit], wholes[unit])]
        if len(off) != 1:
            continue
        unit = off[0]
        whole, parts, total = wholes[unit], columns[unit], totals[unit]
        if not plausible(whole.value, total) or whole.is_money and any(q.places > 2 and q.scale == 1 for q in parts):
            continue  # 60005.682元: money in thousandths of a yuan was computed, not counted; its sum may not hold
        out.append(_sum_finding(st, whole, parts, total, "总数", "其中各项", "（同一列举的其他各数都对得上）",
                                st.quote(max(0, whole.start - 3), whole.end)))
    return out


_GROUP_UNITS = {"班": "班", "组": "组", "队": "队", "所": "所校", "校": "所校"}
_EACH_GROUP = re.compile(r"[，,]\s?每(?:个)?(?P<g>[班组队所校])[^\d，,。；;]{0,6}$")
_GROUP_TOTAL = re.compile(r"^[，,]\s?(?:共计|合计|总共|一共|共|计)[\u4e00-\u9fff]{0,4}$")
_NOT_EXACTLY = re.compile(r"不超过|不少于|至少|最多|以内|以下|以上|左右|约|限|平均|大约|控制")


def _per_group(st: Statement) -> list[Finding]:
    """招生8个班，每班45人，共计360人: a number of groups, so many in each, and their total."""
    out = []
    text, qs = st.text, st.quantities
    for i in range(len(qs) - 2):
        groups, each, total = qs[i : i + 3]
        named = text[groups.end : groups.end + 1] if groups.unit in ("个", "支") else ""  # 4个组，每组…; 3支队，每队…
        lead = _EACH_GROUP.search(text, groups.end + len(named), each.start)
        if not lead or lead.start() != groups.end + len(named) or lead.group("g") not in _GROUP_UNITS.get(named or groups.unit, ""):
            continue
        if not (_GROUP_TOTAL.match(text[each.end : total.start]) and each.unit and each.unit == total.unit and each.unit != PERCENT):
            continue
        if not all(q.exact for q in (groups, each, total)) or _NOT_EXACTLY.search(text, lead.start(), each.start) \
                or _NOT_EXACTLY.search(text, each.end, total.start):
            continue
        computed = groups.value * each.value
        if computed == total.value:
            continue
        counted, g = groups.text + named, lead.group("g")
        out.append(located(
            "arithmetic", "error", st, total.start, total.end,
            f"{counted}，每{g}{each.text}，共应为 {_num(computed)}{total.unit}，文中写作 {total.text}",
            f"核对{counted}、每{g}的数或合计：按 {counted}×{each.text} 计算应为 {_num(computed)}{total.unit}",
            quote=st.quote(groups.start, total.end).strip(),
            stated=total.value, computed=computed, difference=total.value - computed, rule="PARTS",
            edits=(figure_edit(st, total, computed),),
        ))
    return out


_LEADS_ITEMS = re.compile(r"(?:其中|分别是|分别为|具体如下|如下)[：:]\s*$")


def _numbered_breakdowns(statements: list[Statement]) -> list[Finding]:
    """收入226.45万元。其中：⏎1.拨交经费161.26万元；⏎2.会费19.92万元；⏎…: a whole whose parts are the numbered
    lines below it, each line's first figure of the whole's unit (a line's own 其中 stays inside it).

    Only 分别是/分别为 say the lines are all the parts; after 其中 or 如下, money may come from more
    than is listed, so only a whole one keystroke from the lines' sum is named.
    """
    out = []
    for k, st in enumerate(statements):
        lead = _LEADS_ITEMS.search(st.text)
        if not lead:
            continue
        before = [q for q in st.quantities_in(max(0, lead.start() - 60), lead.start()) if q.unit and q.unit != PERCENT
                  and not q.is_rate and q.exact]
        if not before:
            continue
        whole = before[-1]
        if re.search(r"\d", st.text[whole.end : lead.start()]) or _DELTA.search(st.text[max(0, whole.start - 8) : whole.start]):
            continue  # …总额X元，比上年增加Y元，其中：: the list may be of the change
        opened = max((m.end() for m in _FULL_STOP.finditer(st.text, 0, whole.start)), default=0)
        if "其中" in st.text[opened : whole.start]:
            continue  # 预算为79万元。其中：…4万元，…75万元。具体情况如下：: 75 is the last part, not the whole
        items, level, expected = [], None, 1
        for nxt in statements[k + 1 : k + 1 + 30]:
            if nxt.label is None:
                if nxt.text.lstrip().startswith("其中"):
                    continue  # 其中：寄宿生…: a line's own breakdown
                break
            if level is None:
                level = nxt.label.level
            if nxt.label.level != level or nxt.label.number != expected:
                break
            first = next((q for q in nxt.quantities_in(nxt.label.end, len(nxt.text))
                          if q.unit and q.unit != PERCENT and not q.is_rate and _depth(nxt.text, q.start) == 0), None)
            cut = nxt.text.find("其中")
            if first is None or first.unit != whole.unit or not first.exact or (cut >= 0 and first.start > cut):
                items = []
                break
            items.append(first)
            expected += 1
        if len(items) < 2:
            continue
        total = sum((q.value for q in items), Decimal(0))
        if total == whole.value or _rounding(items + [whole], total, whole):
            continue
        certain = lead.group().startswith("分别")
        if not certain and not one_keystroke_apart(whole.value, total, [p.value for p in items]):
            continue
        out.append(_sum_finding(st, whole, items, total, "总数", f"下面 {len(items)} 项",
                                "" if certain else "；如果所列并非全部，可不理会",
                                st.quote(max(0, whole.start - 8), lead.end()), "error" if certain else "warning", parts_here=False))
    return out


_GROUPS_WHOLE = re.compile(r"(?:共|计|合计|总计|总额|发放|资助|投入|拨付)[^，,。；;\d]{0,10}$")


def _rated_groups(st: Statement) -> list[Finding]:
    """共资助学生39名计7.1万元，其中小学生16人，每人1000元；中学生14人，每人2000元；…: a sum of money broken
    down into groups, each a count with its own rate. Every figure after 其中 up to the sentence's end must
    be a group's count or its rate; a list that comes to less than the whole may leave a group out, so it
    is named only one keystroke off."""
    out = []
    text = st.text
    for among in re.finditer(r"其中[：:，,]?", text):
        head = max((m.end() for m in _FULL_STOP.finditer(text, 0, among.start())), default=0)
        if head == among.start():  # 其中 opens a sentence: the whole closes the one before
            head = max((m.end() for m in _FULL_STOP.finditer(text, 0, max(0, head - 1))), default=0)
        money = [q for q in st.quantities_in(head, among.start()) if q.is_money and not q.is_rate]
        if not money or not _GROUPS_WHOLE.search(text, max(head, money[-1].start - 14), money[-1].start):
            continue
        whole = money[-1]
        stop = _FULL_STOP.search(text, among.end())
        end = stop.start() if stop else len(text)
        inside = st.quantities_in(among.end(), end)
        rates = [q for q in inside if q.is_rate]
        if len(rates) < 2 or any(q.is_money and not q.is_rate or q.unit == PERCENT or not q.exact for q in inside):
            continue
        groups, prev, used = [], among.end(), set()
        for r in rates:
            own = [q for q in inside if prev <= q.start < r.start and not q.is_rate and len(r.per) == 1
                   and same_count_unit(r.per[0], q.unit) and q.value == q.value.to_integral_value()]
            if len(own) != 1:
                groups = []
                break
            groups.append((own[0], r))
            used |= {id(own[0]), id(r)}
            prev = r.end
        if not groups or any(id(q) not in used for q in inside):
            continue  # a figure that is neither a group's count nor its rate: not understood
        computed = sum((c.value * r.value for c, r in groups), Decimal(0))
        if computed == whole.value or _rounding([whole], computed, whole):
            continue
        if computed < whole.value and not plausible(whole.value, computed, keystroke=True):
            continue
        listed = "＋".join(f"{_num(c.value)}×{_num(r.value)}" for c, r in groups)
        out.append(located(
            "arithmetic", "error", st, whole.start, whole.end,
            f"总额写作 {whole.text}，但其中各组 {listed} = {_num(computed)}元，相差 {_num(abs(whole.value - computed))}元",
            f"核对各组人数、标准或总额：按各组相加，总额应为 {format_scaled(computed, whole.scale)}元",
            quote=st.quote(whole.start, groups[-1][1].end).strip(),
            stated=whole.value, computed=computed, difference=whole.value - computed, rule="PARTS",
            edits=(figure_edit(st, whole, computed),),
        ))
    return out


# …，共有代表77名: the total's word, then at most a short name of what it counts
_CLOSER = re.compile(r"[\u4e00-\u9fff]{0,8}[，,、]?\s*[\u4e00-\u9fff]{0,6}?(?:合计|共计|总计|一共|总共|总人?数|(?<!公)共(?![青同享产识建]))(?:有|为|是|计)?"
                     r"(?:[\u4e00-\u9fff]{1,4}?(?:为|是|有)?)?[：:\s]*")
_LONGEST = 40  # figures a listed-then-totalled list may hold
# …, and a figure framing the others (17名新生当中，巫裔12人…)
_NOT_A_LIST = re.compile(r"其中|分别|每|各|折[合算]|增加|减少|增长|下降|提高|降低|[比较]上?年|同比|人均|平均|约|近|超过|累计"
                         r"|\d\s?[\u4e00-\u9fff]{1,8}?(?:当|之)?中[，,]")


def _closed_lists(st: Statement, before: Statement | None) -> list[Finding]:
    """文科213人，理科379人，合计582人 / 普通班983班、体育班3班…，总计1052班: counts listed, then their total.

    The list is the figures of the total's unit from the start of its clause (after 。；：, the total
    before it, or the sentence start) to the total, at one bracket depth, at most 40 of them, with
    nothing else counted in between; a list holding 其中, 分别, rates, changes or approximate figures
    is not a plain list. A list whose
    first figures are themselves a whole (全校1200人，男620人，女580人，共1200人) adds up from where
    the parts begin; when a figure is as large as the total, only a total one keystroke off is named.
    """
    out = []
    text = st.text
    counted = [q for q in st.quantities if q.unit and not q.is_money]
    stops = [m.end() for m in re.finditer(r"[。；;：:！？]", text)]
    last_total = 0  # a list starts after the total that closed the list before it
    for t, total in enumerate(counted):
        if total.unit == PERCENT or total.is_rate or t < 2:
            continue
        prev = counted[t - 1]
        gap = text[prev.end : total.start]
        if prev.unit != total.unit or not _CLOSER.fullmatch(gap) or re.search(r"[、和及与\n。；;！？!?]", gap):
            continue  # …张先生3名，王先生、李先生共2名: 共 counts the group named just before it
        closed_before, last_total = last_total, total.end
        k = bisect_right(stops, prev.start)
        begin = max(closed_before, stops[k - 1] if k else 0)
        if begin == 0 and before is not None and not re.search(r"[。；;：:！？!?]\s*$", before.text) and not st.label:
            continue  # …含专任教师6位（…）⏎领域召集人1位、组长1位、主任1位共9位: the list began on the line before
        level = _depth(text, total.start)
        inside = [q for q in counted[max(0, t - _LONGEST) : t] if q.start >= begin and _depth(text, q.start) == level]
        other = [k for k, q in enumerate(inside) if q.unit != total.unit]
        if any({inside[k].unit, total.unit} == {"人", "人次"} for k in other):
            continue  # 家长223人次，学生61人，教师239名，合计523人: a list in people and visits alike, totalled as one
        if other and not _NOT_A_LIST.search(text, begin, total.start) \
                and all(q.unit != total.unit for q in inside[: other[-1]]):  # (not 第四名得6分，…800米…得4分: among the items)
            # 34名运动员参加了…比赛，获得12金、6银、9铜共计25块奖牌: the list starts after the figure counting something else
            begin, inside = inside[other[-1]].end, inside[other[-1] + 1 :]
        items = [q for q in inside if q.unit == total.unit]
        if len(items) < 2 or len(items) != len(inside) or _NOT_A_LIST.search(text, begin, total.start):
            continue
        if t > _LONGEST and counted[t - _LONGEST - 1].start >= begin:
            continue  # longer than any list a person totals by hand: not understood
        if not all(q.exact and not q.is_rate for q in items + [total]):
            continue
        if total.unit in _MEASURE_WORDS and _counted_thing(text, total) and any(
                _counted_thing(text, q) not in ("", _counted_thing(text, total)) for q in items):
            continue  # 6个社区21个村，共25个项目: 个 counts different things
        sums, running = [], Decimal(0)
        for q in reversed(items):
            running += q.value
            sums.append(running)
        sums.reverse()  # sums[k]: the list read from its k-th figure
        if total.value in sums or _rounding(items + [total], sums[0], total):
            continue
        computed = sums[0]
        if any(q.value >= total.value for q in items) and not (
                plausible(total.value, computed, keystroke=True) and len(_num(total.value)) == len(_num(computed))):
            continue  # 全校1200人，男生620人，女生575人，共1200人: the first figure is a whole, not a part
        out.append(_sum_finding(st, total, items, computed, "合计", "前面各项", "", st.quote(items[0].start, total.end)))
    return out


_FACTOR = re.compile(r"\s?[×xX*＊✕]\s?")  # a figure multiplied in a written product is no part of a sum
_OPEN_AFTER = re.compile(r"\s*[（(]")


def _bracketed(st: Statement) -> list[Finding]:
    """寄宿制学生59258人（小学6574人，中学31059人）: a whole with its partition in brackets right after it."""
    out = []
    text, qs = st.text, [q for q in st.quantities if q.unit != PERCENT and not q.is_rate]
    for q in qs:
        m = _OPEN_AFTER.match(text, q.end)
        if not m:
            continue
        close = re.compile(r"[）)]").search(text, m.end())
        if not close:
            continue
        inside = [p for p in qs if m.end() <= p.start < close.start() and p.unit == q.unit]
        if len(inside) < 2 or not all(p.exact for p in inside + [q]):
            continue
        if any(m.end() <= p.start < close.start() and p.unit and p.unit != q.unit for p in qs):
            continue  # 学校68所（教学点5个，小学33所，中学30所）: something else is counted in the bracket too
        labels = [_label(text, m.end(), p, inside) for p in inside]
        including = re.compile(r"\s*(?:含有?|包含|包括)").match(text, m.end())
        if including:  # 艺术类54270人（含兼报文科类18235人，兼报理科类19412人）: some of them named, not all
            labels[0] = labels[0].removeprefix(including.group().strip())
            if not _exhaustive(labels):
                continue
        if any(lab.endswith("各") for lab in labels):
            continue  # （其中甲办、乙办各1名，其他机构各1名）: so many each, not the count of a group
        among = re.compile(r"\s*其中[：:，,]?").match(text, m.end())
        if among:  # 仪器6977件（其中物理仪器3939件，…）: 其中 names no group
            labels[0] = labels[0].removeprefix("其中")
        total = sum((p.value for p in inside), Decimal(0))
        if total == q.value or _rounding(inside + [q], total, q):
            continue
        doubt = ""
        if not _partition(labels):
            # 各种仪器6977件（其中物理仪器3939件，化学仪器2838件，生物仪器1200件）: kinds of the very thing counted
            # divide it, but the list may leave a kind out — only a slip one keystroke away is named, as a doubt
            if not (among and _kinds_of_the_whole(text, q, labels) and one_keystroke_apart(q.value, total, [p.value for p in inside])):
                continue
            doubt = "；如果所列并非全部，可不理会" if total < q.value else "；如果各部分互有重叠，可不理会"
        out.append(_sum_finding(st, q, inside, total, "总数", "括号里的各部分", doubt, st.quote(max(0, q.start - 3), close.end()),
                                "warning" if doubt else "error"))
    return out


_ITEM_LABEL = re.compile(r"\s*(?:[0-9]{1,2}、|[（(](?:[一二三四五六七八九十]{1,3}|[0-9]{1,2})[）)]|[一二三四五六七八九十]{1,3}、)")
# 其中：…；…；以上四项小计468896元，另安排预备费…: a subtotal of the parts before it is no part of its own
# (教职工捐款共计10325元，学生捐款共计22410元: a part that names its group is a part, whatever its word)
_SUBTOTAL = re.compile(r"(?:^|[，,；;：:])\s*(?:以上[^，,；;。\d]{0,4}?)?(?:小计|合计|共计|总计)[^，,；;。\d]{0,4}$")


_KINDS_COUNTED = re.compile(r"(?P<n>\d{1,2})\s*(?:类科|类别|个类别|类|个科目|个项目|项)[^，,。；;\d]{0,4}$")


def _judge(st: Statement, qs: list[Quantity], a: int, b: int, statements: list[Statement], index: int,
           explain: Explain | None) -> Finding | None:
    text = st.text
    sentence_end = b
    here = [q for q in qs if a <= q.start < b]
    trigger = _TRIGGER.search(text, a, b)
    if trigger and trigger.group() in "：:" and not any(q.end <= trigger.start() for q in here):
        trigger = _TRIGGER.search(text, trigger.end(), b) or trigger  # （二）支出预算：年初预算数646.16万元，其中：…
    word = trigger.group().strip("，, ") if trigger else ""
    if trigger:
        before = [q for q in here if q.end <= trigger.start() and _depth(text, q.start) == _depth(text, trigger.start())]
        if before:
            whole = before[-1]
            if word.startswith("分别") and re.search(r"其次|依次|居首|最多|最高|之后|[；;]", text[whole.end : trigger.start()]):
                # 以134人居首，其次分别为…101人、…68人: a ranking, not the parts of the first; …离退休人员2146.9万名；
                # 专业技术人员和管理人员分别为…: figures given respectively in a clause of their own
                return None
            if word.startswith("分别") and len(before) > 1 and before[-2].unit == whole.unit and re.fullmatch(
                    r"[\u4e00-\u9fff]{0,8}(?:及|和|与|、)[\u4e00-\u9fff]{0,8}", text[before[-2].end : whole.start]):
                return None  # 47所华小及46所泰小，…分别是华小45所及泰小39所: respectively, not the parts of 46
        elif word.startswith("其中") and not text[a : trigger.start()].strip():
            # 运动场7332平方米。其中：…: the whole closes the sentence before; 支出合计944.21万元，较上年增加
            # 54.59万元，增长6.1%。其中：…: not the change, the total
            whole = whole_before(statements, index, trigger.start(), across=False)
        else:
            whole = None
        if whole is None or _DELTA.search(text[max(0, whole.start - 8) : whole.start]):
            return None  # 比上年增加2660万元，其中…: the parts are of the total, not of the increase
        start = trigger.end()
    else:
        whole, start = _pair_whole(text, here)
        word = "男女"
        if whole is None:
            whole, start = _marked_whole(text, here)
            word = "列举"
            if whole is not None:  # 共计295名幼儿，大班…，小班85人，共有教师…: the list ends before the next total
                again = re.compile(r"[，,；;][^，,；;]{0,10}?(?:共|合计|总计)").search(text, start, b)
                b = again.start() if again else b
        if whole is None:
            return None
        pair = [q for q in here if q.start >= start and q.unit == whole.unit][:2]
        if len(pair) == 2 and word == "男女":  # 在校学生72名,男37名,女33名,适龄儿童…: the pair ends the list, whatever follows
            clause = re.compile(r"[，,；;。]").search(text, pair[1].end, b)
            b = clause.start() if clause else b
    if not word.startswith("其中") and word != "男女":  # 用于…、分别为…: the list ends with its clause (女…；男…: the pair's own)
        stop = re.compile(r"[；;]").search(text, start, b)
        b = stop.start() if stop else b
    also = re.compile(r"[，,]\s*(?:同时|另外|此外|另有|并对|还|共为|共向|共计|合计|总计)").search(text, start, b)
    if also:  # …优秀奖38个，同时对33名优秀辅导教师…予以表彰: what follows is not in the list
        b = also.start()
    if not _ITEM_LABEL.match(text, start):
        item = _ITEM_LABEL.search(text, start, b)
        if item and re.match(r"[；;。，,\s]", text[item.start() - 1 : item.start()] or "，"):
            b = item.start()  # 1、运动会654.17万元，其中补助地方30万元；2、…559.52万元: the next item is not a part
    inner = re.compile(r"其中").search(text, start, b)
    if inner:
        # …191所，其中初级中学22所…村小94所；在校生92988人，其中小学…: the list ends with its clause
        semi = re.compile(r"[；;]").search(text, start, inner.start())
        if semi is None:
            return None  # 义务教育学校73所，其中：初级中学9所，其中…: parts within parts
        b = semi.start()
    depth = _depth(text, whole.start)
    other = next((q for q in st.quantities_in(start, b) if _depth(text, q.start) == depth and q.unit
                  and q.unit not in (whole.unit, PERCENT) and not q.is_money and not whole.is_money and not q.is_rate), None)
    if other is not None and not any(q.start > other.start and q.unit == whole.unit for q in here if q.start < b):
        # 其中：小学64所，…特殊教育学校1所，受益学生30560人: the list ends before the clause counting something else
        clause = max((m.end() for m in _SEPARATORS.finditer(text, start, other.start)), default=start)
        b = clause
    items = [m.span() for m in re.finditer(r"[^；;]+", text[start:b])]
    one_each = len(items) > 1 and all(sum(1 for q in st.quantities if start + x <= q.start < start + y and q.unit == whole.unit) == 1
                                      for x, y in items)  # 其中：跑道1个，5394平方米；篮球场2个，1216平方米
    stray = [q for q in st.quantities if start <= q.start < b and _depth(text, q.start) == depth
             and (not q.unit or not one_each and q.unit not in (whole.unit, PERCENT) and not q.is_money and not whole.is_money
                  and q.exact and q.unit not in _ATTRIBUTES)]  # 理工类63名，考分都在657分以上: a score describes a part
    if stray:  # 小学45教学点13 / 827,710.28 with no unit / 学校356所，其中…教学点73个: a figure not understood, so no sum is sure
        return None
    if any(_AVERAGE.search(text, max(start, q.start - 10), q.start) for q in here if start <= q.start < b and q.unit == whole.unit):
        return None  # …累计发放低保金6481.73万元，月平均补助水平为408.4元: an average among the parts is none of them
    parts = [q for q in here if start <= q.start < b and q.unit == whole.unit and not (q.is_rate and not whole.is_rate)
             and not _FACTOR.search(text, max(0, q.start - 2), q.start) and not _FACTOR.match(text, q.end)  # 62人×10元×12个月
             and _depth(text, q.start) == _depth(text, whole.start) and not _inside_share(text, start, q)
             and not _SUBTOTAL.search(text[max(start, q.start - 20) : q.start])]
    if word == "男女":
        parts = parts[:2]  # 在校学生72名,男37名,女33名,适龄儿童54名: the pair, not what follows it
    if len(parts) < 2:
        return None
    if word.startswith("其中") and b == sentence_end:
        more_parts = _going_on(st, whole, sentence_end)
        listed = sum((p.value for p in parts), Decimal(0))
        extended = listed + sum((p.value for p in more_parts), Decimal(0))
        if more_parts and listed < whole.value and (extended <= whole.value or plausible(whole.value, extended, keystroke=True)):
            parts += more_parts  # …只列到初级中学16所。九年一贯制学校7所，…: still short of the whole, the list goes on
    if re.fullmatch(r"[、，,]\s*[\u4e00-\u9fff]{0,8}\s*", text[parts[-1].end :]):
        return None  # …体育11名、美术3名、自: the text ends in the middle of the list (an excerpt cut short)
    kinds = _KINDS_COUNTED.search(text, max(0, whole.start - 12), whole.start)
    if kinds and kinds.group("n").isdigit() and int(kinds.group("n")) != len(parts):
        return None  # 11类科197名缺额，分别为…(four of them): the list names fewer kinds than it says there are
    labels = [_label(text, start, p, parts) for p in parts]
    if any(lab.endswith("各") for lab in labels):
        return None  # 其中一、二年级各2个班: so many each, not the count of a group
    if word == "列举":
        named = text[max(0, whole.start - 8) : whole.start]
        if any(_partition(labels + [named[-n:]]) for n in range(2, len(named) + 1)):
            return None  # 共评出一等奖106名，二等奖94名，三等奖93名: the first of the list, not its whole
    severity = _confidence(text, word, trigger, whole, parts, labels, start, b)
    if severity is None and word.startswith("其中") and whole.value >= 1000 and _distinct(labels) \
            and all(q.exact for q in parts + [whole]):
        # 党员3312名，其中教职工党员2754人，学生党员567人: groups that may overlap, but whose sum is the whole with two
        # neighbouring digits swapped (3321) — the commonest slip, and one an unrelated sum meets very rarely
        total = sum((p.value for p in parts), Decimal(0))
        swapped = [p for p in parts if transposed(p.value, whole.value - total + p.value)]
        if total != whole.value and not _rounding(parts + [whole], total, whole) and (transposed(whole.value, total) or len(swapped) == 1):
            return _sum_finding(st, whole, parts, total, "总数", "其中各部分", "；如果各部分互有重叠或并非全部，可不理会",
                                st.quote(max(0, whole.start - 3), parts[-1].end), "warning")
    if severity is None:
        if explain is not None and word.startswith("其中"):
            explain.skip(st, f"「其中」后的{len(parts)}个数可能互相重叠，不当作各部分相加")
        return None
    if not all(q.exact for q in parts + [whole]):
        return None
    total = sum((p.value for p in parts), Decimal(0))
    if total == whole.value or _rounding(parts + [whole], total, whole):
        return None
    if whole.is_money and abs(total - whole.value) < Decimal("0.01"):
        return None  # 59962.56＋60005.682 against 119968.24: less than a fen apart, parts computed to the thousandth
    # 总额6488440元，其中人员经费6157140元，日常公用经费331300元，2016年…: the list ended where its sum
    # reached the whole; 其中拨给A140万元…。拨给B80万元…: it goes on in the sentences after
    more = [q for q in qs if q.start >= b and q.unit == whole.unit and _depth(text, q.start) == _depth(text, whole.start) and q not in parts]
    running = Decimal(0)
    for k, q in enumerate(parts + more):
        if k >= len(parts) and q.value == running:
            continue  # 以上慰问金共57.6万元，另…折合0.3万元: the parts' own sum said again, then more
        running += q.value
        if running == whole.value:
            return None
    if word == "列举" and not (plausible(whole.value, total, keystroke=True) if total < whole.value else one_keystroke_apart(whole.value, total, [p.value for p in parts])):
        # 共有学生1200人，一年级200人，…: the list may stop before the last grade; 以初三学生为多，总共有980名，初二学生共有
        # 706名，…: a figure marked 总共 may be the first group's, not the whole; only a slip one keystroke away is named
        return None
    if total < whole.value and word.startswith("其中") and not _exhaustive(labels):
        severity = "warning"  # 学校288所，其中幼儿园156所、小学74所、初中28所: a list of kinds may leave a kind out
    if (severity == "warning" or total < whole.value and word.startswith("其中")) and not one_keystroke_apart(whole.value, total, [p.value for p in parts]):
        # a breakdown that lists less than its whole may just not list everything (本科生、专科生 and no
        # 研究生), and money listed after 其中 may be spent from more than the sum raised
        return None
    doubt = "；如果所列并非全部，可不理会" if severity == "warning" else ""
    return _sum_finding(st, whole, parts, total, "总数", "其中各部分", doubt, st.quote(max(0, whole.start - 3), parts[-1].end), severity)


def _sum_finding(st: Statement, whole: Quantity, parts: list[Quantity], total: Decimal, name: str, listed_as: str,
                 tail: str, quote: str, severity: str = "error", parts_here: bool = True) -> Finding:
    """The one wording of a whole that is not the sum of its parts: 总数写作 X，但其中各部分 a＋b = Y，相差 Z."""
    unit = whole.unit
    scale = whole.scale if all(p.scale == whole.scale for p in parts) else 1  # 219.32万人 = 178.61万＋…, as written
    listed = "＋".join(format_scaled(p.value, scale) for p in parts)
    diff = whole.value - total
    word = "部分" if listed_as.endswith("部分") else "项"
    slip = slipped_part(whole.value, total, [p.value for p in parts])
    hint = ""
    at = whole
    if slip is not None:  # 33651.9 = 23565.4 + 10068.5? no, but + 10086.5 yes: the part is the likely slip
        was = parts[slip].value
        hint = f"；若 {format_scaled(was, scale)} 是 {format_scaled(was + diff, scale)} 之误，正好相符"
        at = parts[slip] if parts_here else whole  # the figure to check, where a share that the same slip breaks is told too (one finding)
    return located(
        "arithmetic", severity, st, at.start, at.end,
        f"{name}写作 {format_scaled(whole.value, scale)}{unit}，但{listed_as} {listed} = {format_scaled(total, scale)}{unit}，"
        f"相差 {format_scaled(abs(diff), scale)}{unit}{hint}{tail}",
        f"核对各{word}或{name}：按各{word}相加，{name}应为 {format_scaled(total, scale)}{unit}",
        quote=quote.strip(), stated=whole.value, computed=total, difference=diff, rule="PARTS",
    )


def _going_on(st: Statement, whole: Quantity, end: int) -> list[Quantity]:
    """其中幼儿园75所…初级中学16所。九年一贯制学校7所，…特殊教育学校1所。: a 其中 list may run on into the next
    sentence. Its parts when that sentence only counts more of the same (no new whole, nothing else counted),
    else nothing."""
    text = st.text
    nxt = _SENTENCE.match(text, end + 1)
    if not nxt:
        return []
    level = _depth(text, whole.start)
    found = [q for q in st.quantities_in(nxt.start(), nxt.end()) if _depth(text, q.start) == level and q.unit]
    same = [q for q in found if q.unit == whole.unit]
    if not same or text[nxt.start() : same[0].start].strip() and re.search(r"其中|[共总全合]|比|增|减|此外|另", text[nxt.start() : same[0].start]):
        return []
    if len(same) == len(found) and len(text[nxt.start() : same[0].start]) <= 12 and all(q.exact for q in same):
        return same
    return []


def _rounding(figures: list[Quantity], total: Decimal, whole: Quantity) -> bool:
    """45.91万 = 30.79万 + 15.12万 written one step off: figures in 万 are rounded one by one."""
    rounded = [q for q in figures if q.rounded]
    if bool(rounded) and abs(total - whole.value) <= sum(q.resolution for q in rounded) / 2:
        return True
    # 801.29万 = 412.3856万 + 388.9071万 (801.2927万): a whole written at fewer decimals than its parts may cut the sum
    finest = min(q.resolution for q in figures if q is not whole) if len(figures) > 1 else whole.resolution
    # (1226万 for 410万 + 335万 + 480.7万 = 1225.7万: or rounds it, half up)
    return whole.scale > 1 and whole.resolution > finest and (whole.value <= total < whole.value + whole.resolution
                                                             or at_precision(total, whole) == whole.value)


def _confidence(text, word, trigger, whole, parts, labels, start, end) -> str | None:
    """error when the parts certainly partition the whole, warning for a money breakdown, else None."""
    if word in ("分别为", "分别是"):
        return "error"
    if word in ("男女", "列举"):
        return "error" if _partition(labels) else None
    if word in ("：", ":"):
        colon_behind_whole = trigger.start() - whole.end <= 1 and WHOLE_MARK.search(text[max(0, whole.start - 14) : whole.start])
        return "error" if colon_behind_whole else None
    if word.startswith("其中") and word.endswith(("：", ":")) and _one_per_item(text, start, end, parts, whole.unit):
        return "error"
    if word.startswith("其中"):
        marked = WHOLE_MARK.search(text[max(0, whole.start - 14) : whole.start])
        gap = re.sub(r"[（(][^（()）]*[）)]", "", text[whole.end : trigger.start()])
        near = len(gap.strip()) <= 16 and not re.search(r"\d|[。；;]", gap) and _partition(labels)
        changes = CHANGE_CLAUSES.fullmatch(re.sub(r"[。；;]\s*$", "，", gap.rstrip()))  # 资金3.46亿元，较上年增加…。其中…
        if word.startswith("其中") and not (marked or len(gap.strip()) <= 2 or near or changes):
            return None  # 79所学校实施营养改善计划，其中：小学…: a short clause about the whole may come between
        if _partition(labels):
            return "error"
        if whole.is_money or _kinds_of_the_whole(text, whole, labels):
            return "warning"  # named only one keystroke off, and as a list that may not be complete
        return None
    if word == "用于" and whole.is_money:
        return "warning"
    return None


def _kinds_of_the_whole(text: str, whole: Quantity, labels: list[str]) -> bool:
    """参赛作品87个。其中，舞蹈作品34个，合唱作品19个，器乐作品16个…: every part names a kind of the very thing the
    whole counts (the same noun, a different word before it), so the list divides it — unless a word of quality
    (优秀, 获奖…) rather than of kind stands before the noun."""
    named = re.sub(r"[\d\s，,。；;：:]", "", text[max(0, whole.start - 8) : whole.start])
    for n in range(4, 1, -1):
        noun = named[-n:] if len(named) >= n else ""
        if noun and all(lab.endswith(noun) and len(lab) > len(noun) for lab in labels):
            kinds = [lab[: -len(noun)] for lab in labels]
            # kinds are short words (舞蹈, 合唱); a clause before the noun (为推进…提出提案) names no kind
            return (len(set(kinds)) == len(kinds) >= 3 and all(len(k) <= 4 for k in kinds)
                    and not any(_QUALITY.search(k) for k in kinds))
    return False


_GRADE = re.compile(r"示范|达标|标准化|特色|优质|薄弱|重点|星级|规范化|合格")
_QUALITY = re.compile(r"优秀|获奖|先进|重点|一般|其他|其它|新增|在职|党员|女|男|青年|骨干|特困|困难")


def _one_per_item(text: str, start: int, end: int, parts: list[Quantity], unit: str) -> bool:
    """其中：a…1个…5394平方米；b…1216平方米；…: every ；-item holds exactly one figure of the unit."""
    items = [s for s in re.split(r"[；;]", text[start:end]) if s.strip()]
    if len(items) != len(parts) or len(items) < 2:
        return False
    pos = start
    for item in items:
        at = text.index(item, pos)
        inside = [p for p in parts if at <= p.start < at + len(item)]
        if len(inside) != 1:
            return False
        pos = at + len(item)
    return True


_PAIR_AFTER = re.compile(rf"\s*[，,]\s*(?=男)|(?:{AMONG.pattern})\s*(?=[男女])")


def _pair_whole(text: str, here: list[Quantity]) -> tuple[Quantity | None, int]:
    """在校学生72名,男37名,女33名 / 在303名正式代表中，女代表178人，男代表125人: a whole followed straight away by
    complementary groups."""
    for i, q in enumerate(here[:-2]):
        m = _PAIR_AFTER.match(text, q.end)
        if m and q.unit in ("人",) and here[i + 1].unit == q.unit:
            return q, m.end()
    return None, 0


_MEASURE_WORDS = {"个", "项", "件", "次", "所", "家", "处", "批", "支", "场", "名"}


def _counted_thing(text: str, q: Quantity) -> str:
    """What a count in a measure word counts, when the text names it right after: 68个村 → 村, 十五个奖项 → 奖项."""
    m = re.match(r"[\u4e00-\u9fff]{1,4}?(?=[，,。；;、：:（(和及与共）)\s]|$)", text[q.end : q.end + 6])
    return m.group() if m else ""


def _marked_whole(text: str, here: list[Quantity]) -> tuple[Quantity | None, int]:
    """共计295名幼儿，大班104人，中班96人，小班85人: a whole marked as a total, its parts listed straight after it
    (checked only when their names partition it)."""
    for i, q in enumerate(here[:-2]):
        if not TOTAL_MARK.search(text, max(0, q.start - 10), q.start) or q.is_money or q.unit in ("", PERCENT):
            continue
        m = re.compile(r"[^\d，,。；;：:（）()]{0,10}[，,]\s*").match(text, q.end)
        if m and here[i + 1].unit == q.unit and not re.search(r"\d", text[m.end() : here[i + 1].start]):
            return q, m.end()
    return None, 0


def _inside_share(text: str, start: int, q: Quantity) -> bool:
    """占全校的12%中的 figure: its clause (looked for within 40 characters, so a long list stays linear) says 占."""
    window = max(start, q.start - 40)
    seg_start = max((m.end() for m in _SEPARATORS.finditer(text, window, q.start)), default=window)
    return "占" in text[seg_start : q.start]


def _label(text: str, start: int, q: Quantity, parts: list[Quantity]) -> str:
    ends = [p.end for p in parts]  # in reading order: the part just before q by bisection, not by a scan of all
    k = bisect_right(ends, q.start)
    prev = max(ends[k - 1], start) if k else start
    seg = text[prev : q.start]
    seg = _SEPARATORS.split(seg)[-1] if _SEPARATORS.search(seg) else seg
    return re.sub(r"[（(][^）)]*[）)]|[\s：:有为是共计]|缺$", "", seg)


_OTHER = re.compile(r"其他|其它|其余|另")  # the label that closes a list: whatever is left


def _complementary(labels: list[str], pairs=_PAIRS) -> bool:
    """Groups named by one of *pairs* (男/女, 在职/退休, 小学/初中/高中…), or the same people by sex (男考生/女考生,
    队员男/队员女). *labels* are distinct and none is empty."""
    cores = {re.sub(r"(学生|教师|职工|儿童|人员|人口|对象|生)$", "", lab) or lab for lab in labels}
    if any(set(labels) <= pair or cores <= pair for pair in pairs):
        return True
    if len(labels) == 2 and _negated(*sorted(labels, key=len)):
        return True
    return len(labels) == 2 and {re.sub("[男女]", "", lab, count=1) for lab in labels} == {re.sub("[男女]", "", labels[0], count=1)} \
        and {re.search("[男女]", lab).group() if re.search("[男女]", lab) else "" for lab in labels} == {"男", "女"}


def _negated(name: str, other: str) -> bool:
    """华裔学生 / 非华裔学生, 立案提案 / 不立案提案, 已婚 / 未婚: a group and everyone not in it."""
    if len(name) < 2:
        return False
    return other in (f"非{name}", f"不{name}", f"未{name}") or name[0] == "已" and other == f"未{name[1:]}"


def _distinct(labels: list[str]) -> bool:
    return all(labels) and len(set(labels)) == len(labels)


def _exhaustive(labels: list[str]) -> bool:
    """Groups that together are everyone: complementary pairs (男/女, 在职/退休, 上/下半年), or a list closed by 其他."""
    return _distinct(labels) and (_complementary(labels, [pair for pair in _PAIRS if len(pair) == 2])
                                  or bool(_OTHER.match(labels[-1])))


_LEVEL_LEAD = ("", "在", "普通", "全日制", "在校", "在学", "职业", "成人", "招收", "招生", "录取", "毕业", "全国", "全省", "全市", "全县")


def _partition(labels: list[str]) -> bool:
    """Groups that cannot overlap: complementary pairs, or names of one kind."""
    if not _distinct(labels):
        return False
    if _complementary(labels):
        return True
    if all(_SCHOOL_KIND.search(lab) for lab in labels) and not any(_GRADE.search(lab) for lab in labels):
        return True  # (省示范性高中, 达标学校: grades a school may hold both of, not kinds)
    regions = [re.findall(r"东部|中部|西部|东北|城区|农村|乡镇|市区|郊区", lab) for lab in labels]
    if all(len(r) == 1 for r in regions) and len({r[0] for r in regions}) == len(labels) \
            and any({r[0] for r in regions} <= kind for kind in _REGIONS):
        return True  # 西部地区资助178.61万人、中部地区…、东部地区…: the regions of the country
    # the level heads the name (本科学历, 普通高中学生), not a word inside it (持幼儿园教师资格证的)
    levels = [[m.group() for m in _LEVEL.finditer(lab) if lab[: m.start()] in _LEVEL_LEAD and not re.match(r"[\u4e00-\u9fff]{0,2}?(?:及)?以[上下]", lab[m.end() :])]
              for lab in labels]  # (专科以上学历130人 counts the 本科 and 研究生 too: cumulative, not one level)
    if all(len(found) == 1 for found in levels) and len({found[0] for found in levels}) == len(labels):
        return True  # 本科生12人、大专生18人、高中生10人: one level each, all different
    if all(_SUBJECT.match(lab) for lab in labels):
        return True
    if _OTHER.match(labels[-1]) and len(labels) >= 2:
        return True  # 划拨246亩，租赁19亩，其他90亩: a list closed by 其他 is complete
    if all(re.fullmatch(r"(?:[一二三四五六七八九十]等|特等|优秀|鼓励|纪念)奖", lab) for lab in labels):
        return True  # 一等奖9个、二等奖16个、三等奖24个、优秀奖38个: the levels of one award
    if all(_PROVINCE.fullmatch(lab) for lab in labels):
        return True  # 其中河北21万户，山西17万户
    if all(_SERIES.fullmatch(lab) for lab in labels):
        return True  # 第一批/第二批, 一年级/二年级, 高一/高二, 大班/中班/小班, 二级甲等/二级乙等: one of a series each
    suffixes = {lab[-1] for lab in labels}
    return len(suffixes) == 1 and suffixes.pop() in _KIND_SUFFIX
