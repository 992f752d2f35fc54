"""Quantities in running text: every figure with its span, unit, scale and exactness.

The one reader of figures in prose, for the proofreader, the importer and
the relation checks (:mod:`kit.proof.relations`)::

    quantities("退休教师15人，每人慰问品100元，共1500元")
    -> 15 人 · 100 元 per 人 · 1500 元

* Numbers are found by :func:`kit.cnnum.find_amounts` (Arabic with 万/亿,
  Chinese numerals, 大写 money, full-width digits); the unit is read after
  the number and normalised (名/位 → 人, 平米/㎡ → 平方米, 本 → 册, ％ → %).
* A figure is *inexact* when it is approximate (约, 近, 多, 余, 以上, 左右, a
  range such as 20-30人 or 300元―1000元): relations never use inexact figures.
* Not quantities at all: dates, years, times (9点半, 13:30), phone and
  serial numbers (long digit strings), ordinals and labels (第3批, 三年级,
  一中), which :func:`kit.cnnum.find_amounts` partly skips and this module
  finishes.
* A money figure is a *rate* when the text says per what: 每人…100元,
  人均100元, 150元/人, 每人每月300元 (per 人 and 月), 各500元 and
  价值60元…一份 (per whoever is counted).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from decimal import Decimal

from .cnnum import NumberSpan, find_amounts

MONEY, PERCENT, POINTS = "元", "%", "百分点"  # POINTS: a change of a percentage (提高0.6个百分点)
ANY = "*"  # a rate per "each" of whatever is counted (各500元, 价值60元…一份)

_UNIT = re.compile(
    r"(?P<mult>[万亿]|千(?=\s?元))?\s?(?P<unit>个百分点|百分点|令吉|港币|澳门币|个月|个学期|个工作日|个班|平方米|平米|㎡|m²|立方米|公里|千米|米|课时|小时|分钟|人次|元|人|名|位|户|个|台|套|间|册|本|项|次|%|"
    r"所|条|件|岁|天|日(?![常元期程记])|张|枚|份|辆|场|支|盒|袋|箱|块|把|双|部|桌|面|组|班|篇|期|批|棵|株|亩|公顷|幢|栋|座|床|副|瓶|包|处|家|万|亿|周|月|年|分|吨|斤|公斤|千克|元钱|例|眼|笔)?"
)
_SAME = {"平米": "平方米", "㎡": "平方米", "m²": "平方米", "名": "人", "位": "人", "本": "册", "千米": "公里",
         "公斤": "千克", "元钱": MONEY, "令吉": MONEY, "港币": MONEY, "澳门币": MONEY, "个月": "月", "个百分点": "百分点", "个学期": "学期", "个工作日": "天", "日": "天", "个班": "班", "塊": "块"}
# Units that make the figure an ordinal or a name, never an amount.
_ORDINAL_AFTER = re.compile(r"[年月]级|年级|学年|年一贯制|年制|届|号|楼|层|版|路|中(?![心间])|小(?=学|[^学时组])|校区|单元|连|营|点|时(?!间)|：\d|:\d|期间")
_APPROX_BEFORE = re.compile(r"(?:约|近|大约|将近|接近|超过|不少于|不低于|不超过|不到|至少|至多|逾|(?<!新)高达|多达|达到?约|上百|近千|约合)$")
_MORE_BY = re.compile(r"多[\d０-９一二两三四五六七八九十]")  # 比上年5.7万元多4.1万元: 多 says by how much, not "more than"
_APPROX_AFTER = re.compile(r"(?:多|余|以上|以下|以内|左右|上下|开外|来|出头|强)")
# (从2010年的1706所到2019年的2192所: a year after 到 starts the second figure's time, not a range)
_RANGE = re.compile(r"^\s?[-－—―～~至到]\s?(?!(?:19|20)\d\d\s?年)[0-9０-９一二三四五六七八九十百千万两]")
_RANGE_BEFORE = re.compile(r"[0-9０-９一二三四五六七八九十百千万两][万亿元人名%个]?\s?[-－—―～~至到]\s?$")
_PER_AFTER = re.compile(r"\s?[/／]\s?(?P<per>人次|课时|小时|学期|平方米|㎡|[\u4e00-\u9fff])"
                        r"(?:\s?[/／·•・]\s?(?P<per2>天|日|月|年|次|期|学期|课时|小时))?")
_PER_BEFORE = re.compile(r"(?:每(?:个|位|名)?(?P<per>人次|人|名|位|生|学生|户|家|套|桌|件|个|所|班|次|天|日|月|年|期|份|场|课时|小时|张|本|册|台|间|辆|亩|平方米|平方|平米|队|组|校)"
                         r"(?:每(?P<per2>天|日|月|学年|年|次|期|学期|课时|小时|节|季))?|(?P<avg>人均|户均|生均|平均每人)(?:每(?P<per3>天|日|月|学年|年|次|期|学期))?)")
# (各系学生捐款10068.5元: the students of all the departments, one amount, not so much each)
_EACH = re.compile(r"各(?![系院校班级部处室科组队][学师职党干员])(?:发放|发|补助|奖励|给予|资助)?[^，,。；;、\d]{0,6}$")
_VALUED = re.compile(r"价值$")
_VALUED_COUNT = re.compile(r"的?[\u4e00-\u9fff]{1,6}?\d+(?P<unit>份|件|个|套|本|张|盒|袋|箱|束|只|台|块)")
_ONE_EACH = re.compile(r"[^，,。；;\d]{0,10}?一(?:份|套|个|件|张|袋|盒|箱|桶|本|束|只)")
_PER_FAMILY = {"名": "人", "位": "人", "生": "人", "学生": "人", "家": "户", "本": "册", "日": "天", "㎡": "平方米",
               "平方": "平方米", "平米": "平方米", "学年": "年"}
_BARE_TOTAL = re.compile(r"(?:合计|共计|总计|小计|(?<![合共总小])计|[=＝])[：:]?\s?$")  # …150个×25元=3750
_MONEY_CONTEXT = re.compile(r"(?:资金|经费|费用|款|金额|预算|投入|拨付|捐赠|捐款|收入|支出|元)[^，,。；;]{0,6}$|(?:合计|共计|总计|小计)[：:]?$")
_SCOPE_END = re.compile(r"[，,。；;！!？?：:\n]")
_LONG_DIGITS = 13  # a figure with more integer digits is a serial, ID or phone number
_PHONE = re.compile(r"(?<![0-9])0\d{2,3}[-－—]\d{7,8}(?![0-9])|(?<![0-9])1[3-9]\d{9}(?![0-9])|(?:电话|手机|热线|联系方式|传真)[：:\s]*\d{7,8}")


@dataclass(frozen=True)
class Quantity:
    """One figure: where it is, what it is worth and what it counts.

    *value* is in the base unit (元 for money, already scaled by 万/亿);
    *places* is the number of decimals written and *scale* the written
    multiplier (1, 10000, 100000000), so the precision the author wrote is
    ``10 ** -places * scale``. *per* is empty unless the figure is a rate.
    """

    start: int
    end: int  # end of the figure including its unit
    value: Decimal
    unit: str
    text: str
    exact: bool = True
    upper: bool = False
    per: tuple[str, ...] = ()
    places: int = 0
    scale: int = 1
    number_end: int = 0  # end of the digits (before 万 and the unit)

    @property
    def is_money(self) -> bool:
        return self.unit == MONEY

    @property
    def is_rate(self) -> bool:
        return bool(self.per)

    @property
    def bounds(self) -> tuple[Decimal, Decimal]:
        """The exact values the written figure may stand for: 16.70万 is 166,950 to 167,050; 15人 and 5万元 are exact.

        Only a figure in 万/亿 with decimals is taken as rounded (statistics write them so); a budget's 5万元 is 50,000.
        """
        if not self.rounded:
            return self.value, self.value
        half = self.resolution / 2
        return self.value - half, self.value + half

    @property
    def rounded(self) -> bool:
        return self.scale > 1 and self.places > 0

    @property
    def resolution(self) -> Decimal:
        """The smallest step the author could write at this precision (1 for 15人, 100 for 1.52万)."""
        return Decimal(1).scaleb(-self.places) * self.scale


def _places(text: str) -> int:
    m = re.search(r"[.．]([0-9０-９]+)$", text)
    return len(m.group(1)) if m else 0


# 2548-1974=574, 9600-6964元=2636元: a difference written out, not a range or a date. A chain starts
# only where no operator is before it, so a long chain is scanned once, not once per figure.
_WRITTEN_DIFFERENCE = re.compile(r"(?<![\d./\-－−+＋元])(?<![\-－−+＋] )\d+(?:\.\d+)?元?(?:\s?[-－−+＋/÷]\s?\d+(?:\.\d+)?元?)+\s?[=＝]\s?\d")
# 47.0%（473/1162）: the fraction a share was computed from, written beside it, is two figures, not a date.
# 12金6银9铜, 金19银19铜19: medal counts, the metal written where the unit would be (the counts are 枚)
_MEDALS = re.compile(r"(?:(?:[0-9０-９]+\s?[金银铜銀銅]\s?[、，,]?\s?){2,3}(?![0-9０-９])|(?:[金银铜銀銅]\s?[0-9０-９]+\s?[、，,]?\s?){2,3})"
                     r"(?:(?:共计|合计|总计|共)\s?[0-9０-９]+(?![0-9０-９.]|\s?[\u4e00-\u9fff%]))?")  # 金19银19铜19共计57: the total without a unit too
_WRITTEN_FRACTION = re.compile(r"(?<=[%％])\s?[（(]\s?\d+(?:\.\d+)?\s?[/／]\s?\d+(?:\.\d+)?(?=\s?[）)=＝])")


def _not_a_quantity(text: str, start: int, span: NumberSpan, arithmetic: bool = False) -> bool:
    """Dates, years, times, labels and serial numbers look like figures but are not."""
    before = text[max(0, start - 3) : start]
    after = text[span.end : span.end + 4]
    if before.endswith("第") or _ORDINAL_AFTER.match(after):
        return True
    if re.match(r"[xXｘＸ×✕](?![0-9０-９])", after) or re.search(r"[xXｘＸ]{2,}$", before):
        return True  # 20xx, 20XX。00元: part of a placeholder
    integer_digits = len(re.sub(r"[^0-9０-９]", "", span.text.split(".")[0]))
    if integer_digits >= _LONG_DIGITS:
        return True
    if re.match(r"\s?[:：]\s?\d", after) or re.search(r"\d\s?[:：]\s?$", before):
        return True  # 13:30, 8：00
    if not arithmetic and (re.match(r"[.．/\-－]\d", after) or re.search(r"\d[.．/\-－]$", before)):
        return True  # 2023.12.30, 12/30, 2015-2016, 20-30 (a range is never exact either)
    integral = span.value == span.value.to_integral_value()
    if integral and 1900 <= span.value <= 2100 and after.lstrip(" ").startswith(("年", "学年", "级", "届")):
        return True  # a year
    if integral and span.value <= 31 and after.startswith(("月", "日", "号")) and not after.startswith(("月份", "日常")) \
            and not re.search(r"[×xX*＊✕]\s?$", before):
        return True  # 3月, 15日; not 4000元/月×12月, a number of months
    return False


def quantities(text: str) -> list[Quantity]:
    """Every quantity in *text* (one line or sentence), in order.

    Labels, dates, times, years and long digit strings are left out; see the
    module docstring for what makes a figure inexact or a rate.
    """
    out: list[Quantity] = []
    phones = [(m.start(), m.end()) for m in _PHONE.finditer(text)]
    written = [(m.start(), m.end()) for m in _WRITTEN_DIFFERENCE.finditer(text)] if "=" in text or "＝" in text else []
    medals = [(m.start(), m.end()) for m in _MEDALS.finditer(text)] if re.search("[银銀]", text) else []
    if "/" in text or "／" in text:
        written += [(m.start(), m.end()) for m in _WRITTEN_FRACTION.finditer(text)]
    for span in find_amounts(text):
        if any(a <= span.start < b for a, b in phones):
            continue
        if span.text.endswith(("元", "整", "角", "分", "正", "圆", "圓")):  # 大写 money
            out.append(Quantity(span.start, span.end, span.value, MONEY, span.text, upper=True,
                                places=2 if span.text.endswith("分") else 0, number_end=span.end))
            continue
        m = _UNIT.match(text, span.end)
        mult, unit = (m.group("mult"), m.group("unit")) if m else (None, None)
        end = m.end() if m and (mult or unit) else span.end
        if unit in ("万", "亿"):  # 1259.94 万元, 628 亿元: the 万 or 亿 after a space, then the unit
            mult, unit = unit, None
            after = _UNIT.match(text, end)
            if after and after.group("unit") and not after.group("mult") and after.group("unit") not in ("万", "亿"):
                unit, end = after.group("unit"), after.end()
        arithmetic = any(a <= span.start < b for a, b in written)
        if not unit and not mult and any(a <= span.start < b for a, b in medals):
            after = re.search(r"[0-9０-９]\s?(块|面|枚|塊)", text[end : end + 16])  # 共计25块奖牌: the unit its total is in
            unit = _SAME.get(after.group(1), after.group(1)) if after else "枚"
            label_first = text[max(0, span.start - 2) : span.start].strip()[-1:] in ("金", "银", "铜", "銀", "銅")
            end = end + 1 if text[end : end + 1] in "金银铜銀銅" and not label_first else end  # 12金 / 金12
        if _not_a_quantity(text, span.start, span, arithmetic):
            continue
        unit = _SAME.get(unit or "", unit or "")
        if not unit and span.text[-1:] in "万亿" and _MONEY_CONTEXT.search(text[max(0, span.start - 10) : span.start]):
            unit = MONEY  # 专项资金13万，…合计25万: money written without 元
        if not unit and not mult and _BARE_TOTAL.search(text, max(0, span.start - 6), span.start) \
                and re.search(r"\d\s?(?:元|千元|万元)(?:/[\u4e00-\u9fff])?[^。；;\n]*$", text[max(0, span.start - 40) : span.start]) \
                and re.match(r"\s?[；;，,。]", text[span.end : span.end + 2]):  # (not …计30000⏎元: cut by the width)
            unit = MONEY  # 人均300元，合计7200；/ 单价35元，计700: a sum of money written without its 元
        if not unit and re.search(r"(?:[￥¥$]|RM|(?:S|HK|MOP|NT|US)\$)\s?$", text[max(0, span.start - 4) : span.start]):
            unit = MONEY  # 计￥20,000.00, RM125,500, NT$12,500: the sign says it is money
        scale = 1
        value = span.value
        if span.text[-1:] in "万亿":
            scale = 10**4 if span.text[-1] == "万" else 10**8
        elif mult:  # 1259.94 万元; 346千元 (budgets in thousands)
            scale = {"千": 10**3, "万": 10**4, "亿": 10**8}[mult]
            value = value * scale
        if unit == "分" and not re.search(r"[得扣计满总记]|分值|得分", text[max(0, span.start - 4) : span.start] + text[end : end + 2]):
            unit = "分" if not re.search(r"[点时]\s?$", text[max(0, span.start - 3) : span.start]) else ""
        exact = not (
            _APPROX_BEFORE.search(text[max(0, span.start - 4) : span.start])
            or _APPROX_AFTER.match(text, end) and not _MORE_BY.match(text, end)
            or not arithmetic and _RANGE.match(text[end : end + 9])
            or not arithmetic and _RANGE_BEFORE.search(text[max(0, span.start - 6) : span.start])
            or re.match(r"[多余几]", text[span.end : span.end + 1])
        )
        per: tuple[str, ...] = ()
        if unit == MONEY:
            per, end = _rate(text, span.start, end)
        out.append(Quantity(span.start, end, value, unit, text[span.start : end], exact, False, per,
                            _places(span.text.rstrip("万亿")), scale, span.end))
    return _shared_rates(text, out)


_NEXT_COMPONENT = re.compile(r"\s?[,，、和及]\s?(?!共|合计|小计|总计|计|折合|即)(?:另|再)?[\u4e00-\u9fff]{1,8}")  # (not …，共850元)


def _shared_rates(text: str, found: list[Quantity]) -> list[Quantity]:
    """人均慰问金100元,慰问品50元: a component listed right after a rate is per the same head."""
    for i in range(1, len(found)):
        p, q = found[i - 1], found[i]
        if q.is_money and not q.per and not q.upper and p.per and _NEXT_COMPONENT.fullmatch(text[p.end : q.start]):
            found[i] = replace(q, per=p.per)
    return found


def _family(unit: str) -> str:
    return _PER_FAMILY.get(unit, unit)


def _rate(text: str, start: int, end: int) -> tuple[tuple[str, ...], int]:
    """(per units, new end) for a money figure: 150元/人, 每人100元, 各500元, 价值60元…一份."""
    m = _PER_AFTER.match(text, end)
    if m:
        per = (_family(m.group("per")),) + ((_family(m.group("per2")),) if m.group("per2") else ())
        return per, m.end()
    if re.match(r"\s?每(?:人|名|位|户|生)", text[end : end + 3]):
        return (_family(re.match(r"\s?每(人|名|位|户|生)", text[end:]).group(1)),), end
    ends = _scope_ends(text)
    at = bisect.bisect_right(ends, start) - 1
    scope_start = max(ends[at] if at >= 0 else 0, start - _SCOPE_MAX)  # bounded: linear in the text
    scope = text[scope_start:start]
    found = None
    for found in _PER_BEFORE.finditer(scope):
        pass
    if found is not None and not re.search(r"[0-9０-９]", scope[found.end() :]) or (
        found is not None and _only_money_between(scope[found.end() :])
    ):
        if found.group("avg"):  # 人均每月100元: per head and month
            head = ("户",) if found.group("avg") == "户均" else ("人",)
            return head + ((_family(found.group("per3")),) if found.group("per3") else ()), end
        per = (_family(found.group("per")),) + ((_family(found.group("per2")),) if found.group("per2") else ())
        return per, end
    if _VALUED.search(scope):
        counted = _VALUED_COUNT.match(text, end)
        if counted:  # 价值30元奖品20份: per 份, and 20份 is the count
            return (_family(counted.group("unit")),), end
    if _EACH.search(scope) or (_VALUED.search(scope) and _ONE_EACH.match(text, end)):
        return (ANY,), end
    return (), end


_SCOPE_MAX = 60  # 每人… reaches a figure at most this far within its clause


@lru_cache(maxsize=8)
def _scope_ends(text: str) -> list[int]:
    return [m.end() for m in _SCOPE_END.finditer(text)]


def _only_money_between(gap: str) -> bool:
    """The stretch between 每人 and this figure holds only other money of the same rate (慰问金100元、慰问品50元);
    not after 按每户1500元的标准 (发放慰问金41.7万元), where the rate's phrase is closed."""
    if re.search(r"元的?标准", gap):
        return False
    return bool(re.fullmatch(r"(?:[^0-9０-９，,。；;]*?[0-9０-９.．]+(?:万)?元[、和及与加\s]*)*[^0-9０-９，,。；;]*", gap))


def same_count_unit(per: str, unit: str) -> bool:
    """Does a count in *unit* count what the rate is *per*? (每生 ↔ 120名, 每户 ↔ 30户, 各 ↔ 12人)."""
    if per == ANY:
        return unit in ("人", "户", "人次")
    return _family(per) == _family(unit)
