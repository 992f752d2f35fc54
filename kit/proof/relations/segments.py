"""Budget lines read from a statement: count × rate, sums of fixed amounts, totals, or why not.

Read the way offices write them::

    1、退休教师15人，每人慰问品100元，共1500元；          count × rate
    2、困难职工240人,安排慰问金150元/人,计36000元          count × rate (元/人)
    5、参加慰问人员伙食费补助80元;车辆燃油费补助80元;香烟60元,
    共180元。                                             fixed amounts and their sum
    五项总计:慰问经费总支3280元。                          the total of the block above

A *segment* is the stretch of a statement that ends with a result: a money
figure after 小计/合计/共计/总计/共/计/= . A segment whose text before the
result is only generic words (五项总计, 以上合计, 慰问经费总支) is a *total*; a
segment with inputs is a *line*, recomputed from them; a segment with one
plain amount is a line stated without arithmetic. Anything else is *unsure*,
with the reason, and no check speaks about it. :mod:`.budget` groups them.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from decimal import Decimal

from ...cnnum import ChineseNumberError, parse_cn_int
from ...model import Component, LedgerLine
from ...money import ZERO
from ...quantities import ANY, Quantity, same_count_unit
from ..numbering import label_of
from ..passage import FULL_STOP as _FULL_STOP, Statement, depth as _depth
from .slips import one_keystroke_apart, plausible
from .tables import bar_cells, is_bar

MARKER = re.compile(
    r"(?<![累预估设统])(小计|合计|总计|共计|总共|一共|共有|总额|总预算|总经费|总费用|总金额|总发放金额|发放总额|总支出?|共需|总需|(?<![必无所])需要?|共|计|[=＝])"
    r"(?:(?:发放|投入|拨付|下拨|安排|补助|资助|补贴|捐赠|捐款|募集|募得|筹集|筹措|筹得|收到|收取|缴纳|上缴|上交|支出|花费)了?"
    r"(?:[\u4e00-\u9fff]{0,3}(?:金|款|费|补贴|补助))?)?"
    r"(?:(?:财政|预算|专项|项目)*(?:金额|经费|费用|资金|支出|开支|善款))?[为是：:\s]*(?:人民币|[￥¥])?[：:\s]*$"
)
# 按每户1500元的标准，对278户困难职工…发放慰问金41.7万元: money paid out after a rate, without 共, is the line's result
_PAID = re.compile(r"(发放|拨付|下拨|发给|兑现)了?(?:[\u4e00-\u9fff]{0,4}?(?:金|款|费|补贴|补助|资金))?[为是：:\s]*(?:人民币)?$")
_GENERIC = re.compile(
    r"以上|上述|各项|全部|所有|本次|此次|本项|该项|此项|活动|慰问|合计|小计|总计|共计|总额|总支出?|共需|所需|总需|总预算|预算|经费|费用|资金|"
    r"[经据]?(?:测算|核算|估算)|预计|初步|"  # 经测算，本项经费共需72300元，具体安排如下：
    r"支出|收入|开支|金额|项目|人民币|[￥¥]|[总共计需约为是费款支]|[一二三四五六七八九十两\d]+项|[：:，,、\s（）()]"
)
BESIDE = re.compile(r"[\s（(]*(?:[，,]\s*(?=大写))?(?:大写金额|大写|人民币)?[：:\s]*(?:人民币)?[：:\s]*")
_LISTED = re.compile(r"\s?[,，、和及加]\s?(?:另|再|每人|每户)?[\u4e00-\u9fff]{0,8}")
_BREAKDOWN = re.compile(r"\s*(?:其中|包括|分别|含)")
_NAMED_ITEMS = re.compile(r"[、和及与][^\d，,。；;、]{1,10}?[两二三四五六七八九十]项(?:费用|经费|支出)?(?:合计|共计|总计|小计)[：:为是共计]?\s*$")  # 节日慰问费用、活动物资两项合计
_LEAD_AHEAD = re.compile(r"[^。；;\d]{0,12}?(?:如下|明细)[：:]")  # 元，具体安排如下：
_AMONG_HAS = re.compile(r"[^，,。；;（(\d]{0,12}(?<!其)中(?:有|共有)?\s?(?=\d|[一二三四五六七八九十两])")  # 7个分工会中有2个
_ASIDE = r"[（(][^（()）]{1,30}[）)]"  # （大写：…元整） after an amount
_PARTS_AFTER = re.compile(rf"\s?(?:{_ASIDE})?\s?[，,]\s?其中")  # …元（大写），其中…
# …元（大写），其中： (with its 大写: a budget's total; 基本支出911000.39元，其中：人员经费… is a breakdown, not lines)
_LEAD_END = re.compile(rf"\s?(?:{_ASIDE}\s?[，,]\s?其中|(?:{_ASIDE})?\s?[，,]\s?(?:具体如下|明细如下))[：:]\s*")
_PAID_OUT = re.compile(r"(?:发放|资助|慰问|共需|所需|投入)[^，,。；;\d收支]{0,8}$")  # 发放资助资金2144.4万元，其中：
_AMONG_LINES = re.compile(r"\s?[，,]\s?其中[：:]\s*")
_WORKING = re.compile(r"\s?[（(][^（()）]{0,30}?[×xX*＊✕][^（()）]{0,30}[）)]")  # 3200元（4项×800元）
_LEAD_TOTAL = re.compile(r"(?:如下|明细|具体|其中)[：:]?\s*$|[：:]\s*$")
_NOT_A_SUM = re.compile(r"其中|已|结余|剩余|尚|超支|节约|[比较]|增加|减少|去年|上年|往年|今年|本年|明年|预计|累计|平均|最高|最低|不超过|以内|分别")
_COUNT_UNITS = {"人", "户", "人次", "套", "桌", "件", "个", "份", "所", "台", "册", "张", "盒", "箱", "辆", "间", "班", "组", "场", "次",
                "平方米", "亩", "本", "袋", "块", "束", "只"}
_AVERAGED = re.compile(r"(?:人均|户均|生均|平均)[^，,。；;\d]{0,8}$")
_THING_COUNT = re.compile(r"(?:[一两二三四五六七八九十]|\d+)\s?(?:袋|本|册|张|份|件|套|台|盒|箱|块|把|双|部|面|副|瓶|包|条|支|束|只|桶|枚|座)")
_PRICED = re.compile(r"(?:价值|价格|单价|每[份件套个本张])[^，,。；;、]{0,4}\d[\d.]*元[\u4e00-\u9fff]{0,6}$")
_NAME_JUNK = re.compile(r"^[、，,；;：:\s\u3000]+|[、，,；;：:\s\u3000]+$")
_MORE_TERMS = re.compile(r"[两二三四]季|[两二三四五六]个?学[期年]|春秋|上下学期|全年|[两二三四五]年|每年[两二三四]次")  # more than one term or year
_COMPONENT_JUNK = re.compile(r"^(?:每(?:人次|学期|学年|课时|小时|[^\d\s，、])|人均|安排|发放|慰问(?![金品])|标准为|标准|按照|依照|参照|按|各|为|的|其中|另)+")


@dataclass
class Line:
    """One budget line read from a segment."""

    st: Statement
    start: int  # segment span in st.text
    result: Quantity  # the stated subtotal
    name: str
    kind: str  # per_head | fixed
    count: int | None
    unit: str
    components: list[tuple[str, Decimal]]
    checked: bool  # the stated figure is recomputed from inputs (not merely stated)
    counted: str = ""  # how the count was written when it multiplies several (50人×3年)
    averaged: bool = False  # the rate is an average (人均筹资标准400元): the total may hold more than count × rate

    def ledger_line(self) -> LedgerLine:
        return LedgerLine(
            name=self.name or "（未命名）", kind=self.kind, count=self.count if self.kind == "per_head" else None,
            unit=self.unit or "人", components=[Component(name=n or "金额", amount=a) for n, a in self.components],
            stated_subtotal=self.result.value,
        )


@dataclass
class Total:
    st: Statement
    start: int
    result: Quantity
    label: str
    items: int | None
    items_text: str | None
    upper: Quantity | None
    lead: bool  # 经费共计3280元，具体如下：— the lines follow
    items_at: int = 0  # where 五项 is written in st.text


@dataclass
class Unsure:
    st: Statement
    reason: str


@dataclass
class Block:
    lines: list[Line] = field(default_factory=list)
    total: Total | None = None
    unsure: list[Unsure] = field(default_factory=list)


def _unlabelled(text: str) -> str:
    """*text* without its outline label (the one definition: kit.proof.numbering.label_of)."""
    label = label_of(text)
    return text[label.end :] if label else text


def _name(text: str) -> str:
    return _NAME_JUNK.sub("", _unlabelled(text))


def _is_result(st: Statement, q: Quantity, prev_end: int) -> re.Match | None:
    """The result marker right before money figure *q* (小计/合计/共/=…), looking back to the money before it."""
    return MARKER.search(st.text[prev_end : q.start])


def segments(st: Statement) -> list[Line | Total | Unsure]:
    """The budget lines and totals a statement states, or why it is not understood."""
    out: list[Line | Total | Unsure] = []
    money = [q for q in st.quantities if q.is_money]
    if not money:
        return out
    cells = bar_cells(st) if is_bar(st) and not st.text.rstrip().endswith("|") else []  # (a remark after the last bar)
    if len(cells) >= 4 and re.search(r"单价|每|标准", cells[-1].text) and any(q.start >= cells[-1].start for q in money):
        # 讲师出席费 | 12人次 | 1500 | 18000 | 单价1500元: a remark column restating the row's rate, and the row's own
        # figures written without 元 — a row for the table check, not a budget line
        return [Unsure(st, "表格的一行，由表格检查核对")]
    workings = [m.span() for q in money if (m := _WORKING.match(st.text, q.end))]
    if workings:  # 座谈会场地3200元（4项×800元）: how the amount was worked out, not an amount of the line
        money = [q for q in money if not any(a <= q.start < b for a, b in workings)]
    floor = 0
    prev_end = 0  # end of the money figure before q: one pass, linear in the statement
    last_rate = -1  # where the latest rate before q starts
    restated: set[int] = set()  # 每户慰问金800元、慰问品50元，共850元，小计3400元: the 850 is the rate's own sum
    first = money[0]
    ahead = _LEAD_AHEAD.match(st.text, first.end)
    if ahead and len(money) > 1 and not first.is_rate and not first.upper:
        prefix = _unlabelled(st.text[: first.start])
        if re.search(r"预算|经费|费用|资金", prefix) and not re.search(r"合计|总计|小计|以上|上述|其中", prefix):
            # 本次文艺汇演共需经费约14000元，具体安排如下：节目补助方面，…: the total of the lines after it, said
            # first (an approximate one is checked against nothing), never one of them
            if first.exact:
                out.append(Total(st, 0, first, "预算", None, None, None, True))
            floor = prev_end = ahead.end()
    for i, q in enumerate(money):
        if q.end <= floor:
            continue
        marker = _is_result(st, q, max(prev_end, floor))
        if not marker and not q.is_rate and last_rate >= floor:
            marker = _PAID.search(st.text, max(prev_end, floor), q.start)
        prev_end = max(prev_end, q.end)
        if q.is_rate:
            last_rate = q.start
        if not marker or (q.upper and _beside_figure(st, q)):
            continue
        inputs = [p for p in money if floor <= p.start and p.end <= q.start and not p.upper and id(p) not in restated]
        if _per_unit_total(st, inputs, q, money[i + 1] if i + 1 < len(money) else None):
            restated.add(id(q))
            continue
        start = _sentence_start(st.text, floor, inputs, q)
        inputs = [p for p in inputs if p.start >= start]
        rate = next((p for p in inputs if p.is_rate), None)
        if rate is not None:
            # 共需经费约29000元，其中…。具体如下：困难职工20户，按每户500元标准，共需10000元: the count may stand
            # sentences before its rate, but an amount in a sentence before it is no part of the line
            stops = [m.end() for m in _FULL_STOP.finditer(st.text, start, rate.start)]
            if stops:
                inputs = [p for p in inputs if p.is_rate or p.start >= stops[-1]]
        stop = _block_total_after(st.text, inputs, q)
        if stop is not None:
            # 2、纪念品：4000元；3、就餐：3000元。以上各项共需经费11000元: each amount is a line of the block,
            # and the total closes all of it, not only the amounts of its own sentence
            out.extend(_own_lines(st, start, inputs))
            start, inputs = stop, []
        if marker.group(1) in "=＝":
            semi = max(st.text.rfind("；", start, q.start), st.text.rfind(";", start, q.start))
            if semi >= 0 and any(p.end <= semi for p in inputs):
                # 茶点水果3,600元；节目奖励：2个×500元=1,000元: an equation's left side never spans a ；, so the
                # amounts before it are lines of their own
                out.extend(_own_lines(st, start, [p for p in inputs if p.end <= semi]))
                start, inputs = semi + 1, [p for p in inputs if p.start > semi]
        part = _segment(st, start, q, marker, inputs)
        out.append(part)
        floor = _clause_end(st.text, q.end)
        if isinstance(part, Total) and _BREAKDOWN.match(st.text, floor):
            return out  # 经费共计2.5万元，其中…1.5万元、…0.8万元: the parts are the total's, not lines
    rest = [p for p in money if p.start >= floor and not p.upper]
    if rest and floor == 0 and len(rest) == 1 and rest[0].exact and not rest[0].is_rate and not st.label:
        prefix = _unlabelled(st.text[: rest[0].start])
        if re.search(r"预算|经费|费用|资金", prefix) and (not _GENERIC.sub("", re.sub(r"本次|活动|本项", "", prefix)).strip()
                                                     and _LEAD_TOTAL.search(re.split(r"[。；;]", st.text[rest[0].end :])[0])
                                                     or _LEAD_END.fullmatch(st.text, rest[0].end)
                                                     or _PAID_OUT.search(prefix) and _AMONG_LINES.fullmatch(st.text, rest[0].end)):
            # (…发放资助资金23,490,750元（贰仟…元整），其中：: a sentence that ends opening the lines, whatever it names)
            # 本次活动经费预算9270.00元，具体如下：: the total of the lines that follow, said first
            return [Total(st, 0, rest[0], "预算", None, None, None, True)]
    if rest and st.label and floor == 0 and len(rest) == 1 and rest[0].exact and not rest[0].is_rate:
        prefix = _unlabelled(st.text[: rest[0].start])
        if not _GENERIC.sub("", prefix).strip() and re.search(r"预算|经费|费用|资金", prefix):
            # 十一、经费预算4500元（以实际支出为准）: a heading stating the total of the lines under it
            q = rest[0]
            out.append(Total(st, 0, q, "预算", None, None, None, True))
            return out
    if rest:
        each = re.search(r"每([\u4e00-\u9fff])\s?$", st.text[max(floor, rest[0].start - 3) : rest[0].start]) if len(rest) == 1 else None
        if each and rest[0].exact:
            # 3.横幅4条，每条120元。: a price and a count with no amount written — the line costs their product
            q = rest[0]
            counted = [c for c in st.quantities if c.unit == each.group(1) and c.exact and not c.is_money and c.end <= q.start
                       and c.value == c.value.to_integral_value()]
            if len(counted) != 1:
                out.append(Unsure(st, "只写了单价，数量不明"))
                return out
            c = counted[0]
            out.append(Line(st, floor, dataclasses.replace(q, value=c.value * q.value), _name(st.text[floor : c.start]) or "其他费用",
                            "per_head", int(c.value), c.unit, [(_component_name(st.text[c.end : q.start]), q.value)], False))
        elif len(rest) == 1 and rest[0].exact and not rest[0].is_rate:
            q = rest[0]
            out.append(Line(st, floor, q, _name(st.text[floor : q.start]) or "其他费用", "fixed", None, "人",
                            [(_component_name(st.text[floor : q.start]), q.value)], False))
        elif len(rest) == 1 and not rest[0].exact:
            out.append(Unsure(st, f"「{rest[0].text}」是约数"))
        else:
            out.append(Unsure(st, "金额不止一个，又没有写明小计或合计"))
    return out




def _named_in_rate_clause(text: str, counts: list[Quantity], rate: Quantity) -> Quantity | None:
    """The count whose group the rate's own sentence names most fully (男职工套餐按每人560元 → 男职工72人, not
    职工共138人): the longest end of the words before a count, two characters or more, found in that sentence."""
    stop = max(text.rfind(mark, 0, rate.start) for mark in "。；;")
    clause = text[stop + 1 : rate.start]
    best: dict[int, list[Quantity]] = {}
    for c in counts:
        if c.end > stop:
            continue
        words = re.sub(r"(?:共|有|计|为)$", "", text[max(0, c.start - 6) : c.start])
        size = max((n for n in range(2, 5) if len(words) >= n and re.fullmatch(r"[\u4e00-\u9fff]+", words[-n:])
                    and words[-n:] in clause), default=0)
        if size:
            best.setdefault(size, []).append(c)
    if not best:
        return None
    top = best[max(best)]
    return top[0] if len(top) == 1 and max(best) >= 3 else None


def _per_unit_total(st: Statement, inputs: list[Quantity], q: Quantity, after: Quantity | None) -> bool:
    """每户慰问金800元、慰问品50元，共850元，小计3400元: *q* adds up what each one gets, and the line's own amount
    follows it as a 小计 — *q* is no line, and the rates make the 小计."""
    rates = [p for p in inputs if p.is_rate]
    return (len(rates) >= 2 and len(rates) == len(inputs) and len({p.per for p in rates}) == 1
            and sum((p.value for p in rates), ZERO) == q.value and after is not None and not after.is_rate
            and re.fullmatch(r"\s*[，,]\s*(?:小计|合计|共计|计)\s*[：:为]?\s*[￥¥]?\s*", st.text[q.end : after.start]) is not None)


def _own_lines(st: Statement, start: int, amounts: list[Quantity]) -> list[Line]:
    """Each amount a fixed line of its own, named by the words before it."""
    out, prev = [], start
    for p in amounts:
        out.append(Line(st, prev, p, _name(st.text[prev : p.start]) or "其他费用", "fixed", None, "人",
                        [(_component_name(st.text[prev : p.start]), p.value)], False))
        prev = _clause_end(st.text, p.end)
    return out


def _block_total_after(text: str, inputs: list[Quantity], result: Quantity) -> int | None:
    """Where a sentence naming the total of everything above (以上各项共需…, or only 合计：…) starts, when the
    amounts before it stand in sentences of their own."""
    if not inputs or any(p.is_rate for p in inputs):
        return None
    stops = [m.end() for m in _FULL_STOP.finditer(text, inputs[-1].end, result.start)]
    if not stops:
        return None
    lead = text[stops[-1] : result.start]
    said = re.search(r"以上|上述", lead) or re.fullmatch(r"\s*(?:合计|总计|共计)\s*[：:]?\s*", lead)  # …。合计：14,409元。
    return stops[-1] if said and not _GENERIC.sub("", lead).strip() else None


def _sentence_start(text: str, floor: int, inputs: list[Quantity], result: Quantity) -> int:
    """Where a sum of fixed amounts starts: after the last full stop before its first input (比赛最后…。经统计，收到
    捐款7338元，…共计14374.6元: the sentence before says nothing of the sum), and after a full stop its
    own inputs alone add up to (学校拨款5000元。教职工捐款7338元，学生捐款7036.6元，共计14374.6元)."""
    if any(p.is_rate for p in inputs):
        return floor  # 4名学生到驿站实习。学校为每人发放补贴2500元，总计…: the count may be sentences before its rate
    first = inputs[0].start if inputs else result.start
    stops = [m.end() for m in _FULL_STOP.finditer(text, floor, first)]
    start = stops[-1] if stops else floor
    later = [m.end() for m in _FULL_STOP.finditer(text, first, result.start)]
    if later:
        suffix = [ZERO] * (len(inputs) + 1)  # suffix[k]: the sum of inputs[k:], so each full stop costs one look-up
        for k in range(len(inputs) - 1, -1, -1):
            suffix[k] = suffix[k + 1] + inputs[k].value
        starts = [p.start for p in inputs]
        for stop in later:
            k = bisect_left(starts, stop)
            if len(inputs) - k >= 2 and suffix[k] == result.value:
                return stop
    return start


def _beside_figure(st: Statement, upper: Quantity) -> bool:
    """3320元（大写：叁仟…）: the 大写 restates the figure before it, it is no result of its own."""
    before = [p for p in st.quantities if p.is_money and not p.upper and p.end <= upper.start]
    return bool(before) and BESIDE.fullmatch(st.text[before[-1].end : upper.start]) is not None


def _clause_end(text: str, pos: int) -> int:
    m = re.compile(r"[，,。；;]").search(text, pos)
    return m.end() if m else len(text)


def _component_name(raw: str) -> str:
    raw = re.sub(r"[（(][^（）()]*[）)]", "", raw)  # 主食26,528.30元（26.7%）、副食…: an aside names nothing
    name = _COMPONENT_JUNK.sub("", _NAME_JUNK.sub("", _unlabelled(raw)))
    name = re.sub(r"(?:每(?:人次|人|名|位|户|生|节|季|天|月|年|学期))+$", "", name)  # 春节、中秋节每人每节: the rate's words
    name = re.split(r"[：:]", name)[-1]  # 节日慰问：春节、中秋节: what the amount is for, after the item's name
    return _NAME_JUNK.sub("", name)[-8:] or "金额"


def _segment(st: Statement, floor: int, result: Quantity, marker: re.Match, inputs: list[Quantity]) -> Line | Total | Unsure:
    text = st.text
    if not result.exact:
        return Unsure(st, f"「{result.text}」是约数")
    if marker.group(1) in "=＝":  # 45元×2500平方米=112500元: the equation check judges it; the block uses its result
        return Line(st, floor, result, _name(text[floor : inputs[0].start if inputs else result.start]) or "其他费用",
                    "fixed", None, "人", [("金额", result.value)], False)
    prefix = text[floor : inputs[0].start if inputs else result.start]
    generic = not _GENERIC.sub("", _unlabelled(prefix)).strip() or bool(_NAMED_ITEMS.search(prefix))
    if not inputs or (generic and re.search(r"合计|总计|共计|总额|总支|[总共]", prefix)):
        if not generic and not inputs and re.search(r"预算|经费|费用|资金", prefix) and _PARTS_AFTER.match(text, result.end):
            # 本次文艺汇演共需经费13940元（壹万…元整），其中节目补助5800元，…。节目补助方面，…: the budget's total said
            # first with its parts; the lines after are read, but which of them it closes is not sure
            return Unsure(st, "先写了总数和各部分，再分述各项")
        if not generic and marker.group(1) == "小计" and not inputs and re.compile(r"[；;]\s*$").search(text, 0, floor):
            # …计2,915,000元；寄宿生生活补助小计5363000元: a 小计 named for what it adds up, in a clause of its own
            return Total(st, floor, result, marker.group(1), None, None, None, False)
        if not generic:
            return Line(st, floor, result, _name(prefix[: len(prefix) - len(marker.group())]) or "其他费用", "fixed", None,
                        "人", [(_component_name(prefix[: len(prefix) - len(marker.group())]), result.value)], False)
        items = re.search(r"([0-9一二三四五六七八九十两]+)项", prefix)
        n = None
        if items:
            try:
                n = int(items.group(1)) if items.group(1).isdigit() else parse_cn_int(items.group(1))
            except ChineseNumberError:
                n = None
        upper = next((q for q in st.quantities if q.upper and q.start >= result.end and q.start - result.end <= 8), None)
        after = text[result.end : result.end + 40]
        lead = bool(_LEAD_TOTAL.search(re.split(r"[。；;]", after)[0])) and not re.search(r"合计|总计|以上|上述", prefix)
        return Total(st, floor, result, marker.group(1), n, items.group() if items else None, upper, lead,
                     floor + items.start() if items else 0)
    if any(not q.exact for q in inputs):
        return Unsure(st, "含约数")
    rates = [q for q in inputs if q.is_rate]
    fixed = [q for q in inputs if not q.is_rate]
    counts = [q for q in st.quantities if floor <= q.start < result.start and q.unit in _COUNT_UNITS | {"月", "天", "学期", "年", "周"}
              and not q.is_money]
    if rates and not fixed:
        return _per_head(st, floor, result, rates, counts)
    if fixed and not rates:
        stops = [m.end() for m in _FULL_STOP.finditer(text, fixed[-1].end, result.start)]
        if len(stops) >= 2 and _GENERIC.sub("", _unlabelled(text[stops[-1] : result.start])).strip():
            # …金额16.13万元。实现…有保障。做好合作医疗工作，…发放医疗费用总计1609万元: a whole sentence between,
            # and the total's own sentence names something else
            return Unsure(st, "合计与前面的金额隔着别的句子，所指另有其事")
        return _fixed(st, floor, result, fixed, counts)
    return Unsure(st, "按人头的标准和固定金额混在一起")


_RAISED_TO = re.compile(r"(?:提高|上调|调整|增加|提升|降低|下调|改)(?:了)?(?:到|至|为)(?:了)?[^\d，,。；;]{0,6}$")


def _current_rates(st: Statement, rates: list[Quantity]) -> list[Quantity]:
    """原来每人400元的标准提高到了每人600元: the old standard is replaced, only the new one is paid."""
    kept = []
    for i, r in enumerate(rates):
        nxt = rates[i + 1] if i + 1 < len(rates) else None
        between = st.text[r.end : nxt.start] if nxt else ""
        if nxt and nxt.per == r.per and _RAISED_TO.search(between) and not re.search(r"[\d。；;]", between):
            continue
        kept.append(r)
    return kept


_SO_FAR = re.compile(r"历年|截至|截止|至今|以来")  # 现场累计发放 alone is this handout's own total


_FESTIVALS = re.compile(r"([两二三四五])个?节(?:日)?[，,]?\s*(?:每人|每户|每名)各?\s*$")
_GROUP_AFTER = re.compile(r"[）)]?[、和及与]\s?(?:[\u4e00-\u9fff（）()]|\d{1,3}(?:周岁|岁))+$")  # …、80周岁以上老人33人


def _listed_groups(text: str, before: list[Quantity]) -> list[Quantity]:
    """退休教师20人、工勤人员58人，每人…: the counts of groups listed one after another with 、/和/及 right before a
    rate (each but the first names its group after the separator)."""
    run = before[-1:]
    for c in reversed(before[:-1]):
        between = text[c.end : run[0].start]
        if not _GROUP_AFTER.fullmatch(between) or c.unit != run[0].unit:
            break
        run.insert(0, c)
    return run if len(run) >= 2 else []


_PER_UNIT_COUNT = re.compile(r"每[\u4e00-\u9fff]{1,2}[^，,。；;、\d]{0,8}$")


def _per_head(st: Statement, floor: int, result: Quantity, rates: list[Quantity], counts: list[Quantity]) -> Line | Unsure:
    if result.is_rate and result.per[0] not in rates[0].per and result.per[0] != "人":
        # 每队限报12人…，报名费按每人20元标准，每队共计240元: the sum is itself per team, not the whole line's
        return Unsure(st, "合计本身是按另一单位（如每队）计的标准")
    if _SO_FAR.search(st.text, rates[-1].end, result.start):
        # 每人每学年资助3000元。截至目前，累计资助971人，合计510.5万元: a running total over years and standards
        return Unsure(st, "累计的总数不是按这一标准算出的")
    if any("年" in r.per for r in rates) and re.search(r"半年|半学年", st.text[rates[0].end : result.start]):
        return Unsure(st, "按年的标准只拨付半年")  # 按每生每年400元标准拨付半年，1057名学生，拨付211,400元
    current = _current_rates(st, rates)
    written = rates  # 人均筹资标准由300元提高至400元: the average is named before the first standard
    replaced, rates = len(current) < len(rates), current
    pers = {q.per for q in rates}
    if len(pers) != 1:
        return Unsure(st, "几个标准的计量单位不同")
    if any(not _LISTED.fullmatch(st.text[a.end : b.start]) for a, b in zip(rates, rates[1:])):
        return _groups(st, floor, result, rates, counts)
    per = pers.pop()
    if per[0] == "人" and any(c.unit == "人次" and c.end <= rates[0].start for c in counts) and (
            len(per) == 2 and per[1] in ("学期", "年", "次") or not any(same_count_unit("人", c.unit) for c in counts)):
        per = ("人次",)  # 春季…秋季…共84人次，按照每人每学期500元标准: each 人次 is one person paid for one term
    chosen: list[Quantity] = []
    for k, dim in enumerate(per):
        # (每班配备班主任1名: a count per class, not the people paid)
        fits = [c for c in counts if same_count_unit(dim, c.unit) and not _PER_UNIT_COUNT.search(st.text, max(floor, c.start - 12), c.start)
                and not _AMONG_HAS.match(st.text, c.end)]  # 7个分工会中有2个评为优秀: the 7 frames, the 2 are paid
        level = _depth(st.text, rates[0].start)  # 每队限报12人（含领队1人），报名费按每人20元: the bracket's count is within
        fits = [c for c in fits if _depth(st.text, c.start) <= level] or fits
        before = [c for c in fits if c.end <= rates[0].start]
        pick = before[-1] if before else (fits[0] if fits else None)
        named = _named_in_rate_clause(st.text, before, rates[0])
        for j, whole in enumerate(before[:-2]):
            # 先进个人19名，其中优秀教师7名、…5名，每人奖励500元: the rate is paid to the whole, not to its last part
            if "其中" in st.text[whole.end : before[j + 1].start] and sum(c.value for c in before[j + 1 :]) == whole.value:
                pick = named or whole  # (…其中男职工72人、女职工66人。男职工套餐按每人560元: the group the rate names)
                break
        else:
            listed = _listed_groups(st.text, before)
            if len(listed) >= 2:  # 退休教师20人、工勤人员58人，每人慰问品150元: one rate for every group listed
                pick = dataclasses.replace(listed[-1], value=sum((c.value for c in listed), Decimal(0)),
                                           text="＋".join(c.text for c in listed))
        if pick is None and k and dim not in (ANY, "人"):
            # 春节、中秋节每人每节300元，会员109人，两节计65400元: the count of the second measure, in words
            said = re.search(rf"(?<!每)([两二三四五六七八九十])\s?个?{re.escape(dim)}", st.text[floor : result.start])
            if said:
                pick = dataclasses.replace(rates[0], value=Decimal(parse_cn_int(said.group(1))), unit=dim, text=said.group(),
                                           exact=True)
        if pick is None and k and dim in ("年", "学期") and not _MORE_TERMS.search(st.text, floor, result.end):
            continue  # 高中生18人，每人每年2000元: a grant per year (or term) paid once, for the one year (or term)
        if pick is None:
            return Unsure(st, f"找不到「每{dim if dim != ANY else '人'}」对应的数量")
        if not pick.exact or pick.value != pick.value.to_integral_value():
            return Unsure(st, f"数量「{pick.text}」不是确数")
        chosen.append(pick)
    festivals = _FESTIVALS.search(st.text, max(floor, rates[0].start - 10), rates[0].start)
    if festivals and not any(c.unit == "节" for c in chosen) and all(c.end <= rates[0].start or c.start > rates[-1].end for c in chosen):
        # 元旦、春节两节每人各100元，共24人: each person is paid once for each festival named
        chosen.append(dataclasses.replace(rates[0], value=Decimal(parse_cn_int(festivals.group(1))), unit="节",
                                          text=festivals.group(1) + "节", exact=True))
    after = [c for c in counts if c.start > rates[-1].end and any(same_count_unit(dim, c.unit) for dim in per)]
    if len(rates) >= 2 and len(after) >= 2:
        # 标准：义务教育阶段每人次500元，高中阶段每人次2000元。义务教育阶段293人次，高中阶段230人次，发放…: one rate per
        # group, each group counted after the rates — not two parts of one standard
        return Unsure(st, "几个标准之后又有几组人数，标准与人数怎样对应读不准")
    later = [c for c in counts if c.start > rates[-1].end and c not in chosen
             and any(same_count_unit(dim, c.unit) for dim in per)]
    if later and all(c.end <= rates[0].start for c in chosen):
        # 一等17人，每人1500元；二等：18人，共22500元: the total closes another group, whose rate is not given
        return Unsure(st, f"「{later[0].text}」在标准之后，合计可能是另一组的")
    unpriced = _unpriced(st, floor, result, chosen, rates)
    if unpriced:  # 一等奖4名，每名奖200元，证书一本，共840元: the certificate's price is in the total, not in the text
        return Unsure(st, f"「{unpriced}」没有写价钱，小计算不出来")
    count = 1
    for c in chosen:
        count *= int(c.value)
    unit = "".join(c.unit for c in chosen) if len(chosen) > 1 else chosen[0].unit
    head = chosen[0]
    name = _name(st.text[floor : head.start]) or "慰问对象"
    if head.start > rates[-1].end:  # 每人600元……向263名困难教师发放: named by who comes after the count
        who = re.match(r"[\u4e00-\u9fff]{1,10}?(?=发放|慰问|[，,。；;的每]|$)", st.text[head.end : head.end + 12])
        name = who.group() if who else "慰问对象"
    comps = []
    prev = max(floor, max(c.end for c in chosen if c.end <= rates[0].start) if any(c.end <= rates[0].start for c in chosen) else floor)
    for r in rates:
        comps.append(("标准" if replaced else _component_name(st.text[prev : r.start]), r.value))
        prev = r.end
    counted = "×".join(f"{int(c.value)}{c.unit}" for c in chosen) if len(chosen) > 1 else ""
    averaged = any(_AVERAGED.search(st.text, max(0, r.start - 12), r.start) for r in written)
    return Line(st, floor, result, name, "per_head", count, unit, comps, True, counted, averaged)


def _unpriced(st: Statement, floor: int, result: Quantity, chosen: list[Quantity], rates: list[Quantity]) -> str | None:
    """A thing given with the money but priced nowhere (证书一本, 大米一袋), or None."""
    taken = [(q.start, q.end) for q in [*chosen, *rates]]
    after = max([floor] + [r.end for r in rates[:1]])  # 发放大米148袋…；每户慰问金300元，共计…: goods named before the money are apart from it
    for m in _THING_COUNT.finditer(st.text, after, result.start):
        if any(a < m.end() and m.start() < b for a, b in taken) or _PRICED.search(st.text, floor, m.start()):
            continue
        return re.split(r"[，,、；;：:和及]", st.text[max(floor, m.start() - 6) : m.start()])[-1] + m.group()
    return None


def _groups(st: Statement, floor: int, result: Quantity, rates: list[Quantity], counts: list[Quantity]) -> Line | Unsure:
    """第一名6人，价值80元…；第二名6人，价值60元…，合计1140元: each rate with its own count, summed.

    A rate with no count of its own since the rate before (原来每人400元…提高到每人600元) is two
    standards, not two groups: not understood.
    """
    parts = []
    prev = floor
    for r in rates:
        own = [c for c in counts if prev <= c.start < r.start and c.exact and c.value == c.value.to_integral_value()
               and any(same_count_unit(dim, c.unit) for dim in r.per)]
        stop = max((m.end() for m in _STOP.finditer(st.text, prev, r.start)), default=prev)
        near = [c for c in own if c.start >= stop]  # …66名（其中大学生52人）…。向其中7名…每人3000元: the sentence's own count
        own = near or own
        among = st.text.rfind("其中", prev, r.start)
        if among >= 0 and _depth(st.text, among) == 0:  # 共有42名学生…，其中高中生18人，每人…: the whole is no group
            own = [c for c in own if c.start > among] or own
        once = len(r.per) == 2 and r.per[1] in ("年", "学期") and not any(same_count_unit(r.per[1], c.unit) for c in counts) \
            and not _MORE_TERMS.search(st.text, floor, result.end)
        if len(own) != 1 or len(r.per) != 1 and not once:  # 高中生18人，每人每年2000元: once, for the one year
            return Unsure(st, "几个标准不是并列的几项，各自的人数也读不准")
        c = own[0]
        group = re.sub(r"^其中", "", re.split(r"[，,；;：:、。]", st.text[prev : c.start])[-1])  # 其中高中生 → 高中生
        parts.append((f"{_component_name(group)}{c.text}×{r.text}"[-16:], c.value * r.value))
        prev = r.end
    return Line(st, floor, result, "各组合计", "fixed", None, "人", parts, True)


# 第三季度…1113912元；第四季度…1116165元 第一季度到第四季度拨款总金额…: the total names a range wider than its clause
_RANGE = re.compile(r"第?[一二三四五六七八九十\d]+[^，,。；;\d]{0,4}?(?:到|至|—|－|~|～)第?[一二三四五六七八九十\d]")


def _fixed(st: Statement, floor: int, result: Quantity, fixed: list[Quantity], counts: list[Quantity]) -> Line | Unsure:
    between = st.text[floor : result.start]
    if _NOT_A_SUM.search(between):
        return Unsure(st, "金额之间有“其中、已、比”等词，不是简单相加")
    if "收支" in between or "收入" in between and "支出" in between:
        # 收入…472.27万元；支出包括…。收支总预算472.27万元: income and spending each make the total, not their sum
        return Unsure(st, "金额里既有收入又有支出，合计不是两者相加")
    paired = _clause_pairs(st, floor, result, fixed, counts)
    if paired is not None:
        products = sum((c.value * q.value for c, q in paired), ZERO)
        if products == result.value:  # 一等奖2个，奖励800元；二等奖2个，奖励500元；…小计3800元: so much each
            return Line(st, floor, result, "各项合计", "fixed", None, "人",
                        [(f"{c.text}×{q.text}"[-16:], c.value * q.value) for c, q in paired], True)
        if sum((q.value for q in fixed), ZERO) != result.value and plausible(result.value, products):
            # (6509名学生…所需资金3389572元；1520名…: a product far beyond the result is no reading)
            return Unsure(st, "每项都有数量和金额，看不出金额是每个的还是这一项的")
    named_by = fixed[0]  # what names the line: its first amount, or the total written before the parts
    if len(fixed) >= 3 and fixed[0].value in (result.value, sum((q.value for q in fixed[1:]), ZERO)) \
            and not re.search(r"[；;。]", st.text[fixed[0].end : fixed[1].start]):
        # 支出99,203.31元，主食…、副食…、其他…，合计99,203.31元: the total named first, then its parts (not
        # 一等奖2个，奖励800元；二等奖…500元；三等奖…300元: an item of its own clause that its followers add up to by chance)
        fixed = fixed[1:]
    if _RANGE.search(st.text, fixed[-1].end, result.start):
        return Unsure(st, "合计写明的是一段范围的总数，可能包括本句之外的各项")
    total = sum((q.value for q in fixed), ZERO)
    # a count of one (一位在校生捐赠5000元) multiplies nothing: either reading gives the same sum
    people = [c for c in counts if c.unit in _COUNT_UNITS and c.exact and c.value == c.value.to_integral_value() and c.value > 1]
    if people:  # 退休教师15人，慰问品100元，共1500元: a rate without 每; fine if either reading holds
        exact = len(people) == 1 and total * people[0].value == result.value and total != result.value
        if not exact and (total == result.value or _only_sum(fixed, people, result, total)):
            pass  # (女教职工11人，慰问金500元、慰问品200元，合计7700元: 11 × 700 exactly, though 7700 is 700 with a 7 typed)
        elif len(people) == 1 and (exact or one_keystroke_apart(result.value, total * people[0].value, [])):
            # 退休教师15人，慰问品100元，慰问金50元，共2520元: 15 × 150 = 2250 is one keystroke off; the sum 150 is not
            c = people[0]
            return Line(st, floor, result, _name(st.text[floor : c.start]) or "慰问对象", "per_head", int(c.value), c.unit,
                        _components(st.text, fixed, c.end), True)
        else:
            return Unsure(st, "有人数但没有写“每人”，无法判断是否按人头计算")
    if len(fixed) == 1 and fixed[0].value != result.value:
        return Unsure(st, "只有一笔金额，与所写合计不同，可能漏写了数量")  # 门窗预算5万元，合计30万元
    lead = _name(st.text[floor : named_by.start])
    name, first = _split_lead(lead)
    comps = _components(st.text, fixed, floor if named_by is fixed[0] else named_by.end)
    if named_by is fixed[0]:
        comps[0] = (first or comps[0][0], comps[0][1])
    return Line(st, floor, result, name[:20] or "其他费用", "fixed", None, "人", comps, True)


def _clause_pairs(st: Statement, floor: int, result: Quantity, fixed: list[Quantity],
                  counts: list[Quantity]) -> list[tuple[Quantity, Quantity]] | None:
    """(count, amount) of each ；-clause before the result, when there are two clauses or more and each holds exactly
    one count and one amount after it (一等奖2个，奖励800元；二等奖…); else None."""
    cuts = [floor] + [m.end() for m in re.compile(r"[；;]").finditer(st.text, floor, result.start)] + [result.start]
    pairs = []
    for a, b in zip(cuts, cuts[1:]):
        cs = [c for c in counts if a <= c.start < b and c.exact]
        qs = [q for q in fixed if a <= q.start < b]
        if not qs:
            continue
        if len(cs) != 1 or len(qs) != 1 or cs[0].start > qs[0].start:
            return None
        pairs.append((cs[0], qs[0]))
    return pairs if len(pairs) >= 2 else None


def _only_sum(fixed: list[Quantity], people: list[Quantity], result: Quantity, total: Decimal) -> bool:
    """Read the amounts as parts though counts stand among them, when no amount can be a rate per head: each one
    times the smallest count is more than the result (符合条件327人、211人，共需投入营养餐327000元、补助131735元，
    合计458375元), or the amounts miss the result by one keystroke, which a product by chance seldom does."""
    if len(fixed) < 2:
        return False
    least = min(c.value for c in people)
    if all(q.value * least > result.value for q in fixed):
        return True
    return one_keystroke_apart(result.value, total, [q.value for q in fixed])


_STOP = re.compile(r"[。；;]")
_WHO = re.compile(r"^(.*?(?:人员|教师|职工|学生|老师|干部|同志|家庭|儿童|对象|工作组|慰问组))(.+)$")


def _split_lead(lead: str) -> tuple[str, str]:
    """参加慰问人员伙食费补助 → (参加慰问人员, 伙食费补助): who the line is for, and its first cost."""
    m = _WHO.match(lead)
    if m:
        return m.group(1), _component_name(m.group(2))
    return lead, _component_name(lead)


def _components(text: str, amounts: list[Quantity], floor: int) -> list[tuple[str, Decimal]]:
    out, prev = [], floor
    for q in amounts:
        out.append((_component_name(text[prev : q.start]), q.value))
        prev = q.end
    return out
