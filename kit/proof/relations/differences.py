"""Differences, growth, balances and ratios the text states in so many words.

* ``今年支出1095.67万元，比上年的1060.87万元增加34.80万元`` — the change is A − B;
  with a percentage (``增长3.28%``) it is (A − B) ÷ B at the written decimals;
* ``收入12.5万元，支出10.2万元，结余2.3万元`` — a balance (left alone when a
  carried-over balance 上年结余/结转 also enters it);
* ``生师比328:31=10.58:1`` — a ratio at the written decimals.

Both figures of a difference must be in the sentence (``比上年增加5万元`` names no
base and is left alone), in the same unit, and exact.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from decimal import ROUND_HALF_UP, Decimal

from ...findings import Finding
from ...money import format_figure as _num
from ...money import format_scaled
from ...quantities import PERCENT, POINTS, Quantity
from ..passage import FULL_STOP, Statement, at_precision, depth as _depth, figure_edit, located, rewrite
from .shares import DELTA
from .slips import plausible

_SENTENCE = re.compile(r"[^。；;！!？?]+")
_UP = re.compile(r"(?:大幅|大|骤|再|又|净)?(?:增加|增长|提高|上升|多|增|高出?)了?")  # …1,668个空缺大减617个
_DOWN = re.compile(r"(?:大幅|大|骤|再|又|净)?(?:减少|下降|降低|少|减|低)了?")
_RATIO = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s?[:：]\s?(\d+(?:\.\d+)?)\s?[=＝]\s?(\d+(?:\.\d+)?)\s?[:：]\s?1(?![\d.])")




def _written(q: Quantity, value: Decimal | None = None) -> str:
    """*value* (else the figure's own) as the text writes figures like *q*: 1259.94万元, 18.4%, 753人."""
    value = q.value if value is None else value
    if q.unit == PERCENT:
        return f"{value}%"
    return f"{format_scaled(value, q.scale) if q.scale > 1 else _num(value)}{q.unit}"


# between A and its 比: what A counts (73位初一新生，), a share of A (，占…7.55%，, ，完成预算的57%，) or an aside in brackets (（文科2108人，理科6616人）)
_GAP = re.compile(r"(?:[^\d，,。；;（()）比较]{1,8}?(?=[，,]))?\s?(?:[（(][^（()）。；;]{0,30}[）)])?[\s，,]*(?:(?:占|完成(?:年初|全年)?预算(?:数)?的)[^，,。；;\d]{0,14}\d+(?:\.\d+)?\s?%[\s，,]*)?(?P<yoy>同)?")
_RATE_UP = re.compile(r"(?:增长|成长|上升|提高|增幅)(?:率|幅度)?(?:为|是|达到?)?了?")  # the rate's word after the change
_RATE_DOWN = re.compile(r"(?:下降|降低|减少|降幅|减幅)(?:率|幅度)?(?:为|是|达到?)?了?")


def _names_the_rate(gap: str, up: bool) -> bool:
    """，增长了 / ，同比下降 / ，增长率为: the words between a change and a percentage name its rate, going *up* or not."""
    words = re.sub(r"^(?:同比|相等于|相当于|即|或)", "", gap.strip("，,、 "))  # 减少了45人，相等于20% / 减少了30名或1.6%
    return words == "" and gap.strip("，,、 ") != "" or bool((_RATE_UP if up else _RATE_DOWN).fullmatch(words))
_LAST = r"(?:上年|去年|上一年|上年度|上学年|上学期|上届|上年同期|同期|\d{4}年度?|年初预算数?)"  # the figure compared with, by its time
# 上年实际支出9.22万元，比上年增加…: the figure before the comparison is last year's itself, the base of its rate
_LAST_FIGURE = re.compile(r"(?:^|[，,。；;：:（(\s])\s?(?:上年|去年|上一年|上年度|上学年|上届)[^\d，,。；;]{0,8}$")
_COMPARED_WITH = re.compile(r"[^\d，,。；;]{0,8}相比")  # 与上年同期的6780元相比
_BI = re.compile(r"比(?![较較])|(?<!比)(?:相[较較]|[较較])")  # 比 / 较 / 相较, not the adverb 比较


def check_differences(statements: list[Statement]) -> list[Finding]:
    findings = []
    named: dict = {}  # (statement, name) → the figures written after that name, found once
    for k, st in enumerate(statements):
        previous = None
        for m in _SENTENCE.finditer(st.text):
            a, b = m.span()
            qs = [q for q in st.quantities if a <= q.start < b]
            findings.extend(_compared(st, qs, a, b))
            findings.extend(_named_change(statements, k, qs, a, b, named))
            found = _against_last_year(st, qs, a, b, previous)
            if found:
                findings.append(found)
            previous = (a, b) if previous is None or any(q.unit and not q.unit == PERCENT and not _is_change(st.text, q) for q in qs) \
                else (previous[0], b)  # …减少0.06万元，下降1.1%；较年初预算数减少…: a clause of changes only looks further back
            findings.extend(_from_to(st, qs))
            findings.extend(_year_to_year(st, qs))
            findings.extend(_against_budget(st, qs, a, b))
            found = _balance(st, qs, a, b)
            if found:
                findings.append(found)
            findings.extend(_reduced(st, qs, a))
        findings.extend(_ratios(st))
        findings.extend(_named_ratios(st))
    return findings


def _compared(st: Statement, qs: list[Quantity], a: int, b: int) -> list[Finding]:
    """A 比 B 增加 C: one finding when C is not what A and B give (each 比 of the sentence ``text[a:b]``)."""
    out = []
    text = st.text
    starts = [q.start for q in qs]
    for bi in _BI.finditer(text, a, b):
        level = _depth(text, bi.start())
        at = bisect_left(starts, bi.start())
        # the figures just before 比 (a few suffice: the nearest is the one compared) and the two after it
        before = [q for q in qs[max(0, at - 6) : at] if q.end <= bi.start() and q.unit and _depth(text, q.start) == level]
        after = [q for q in qs[at : at + 3] if q.start >= bi.end()]
        if len(after) < 2:
            continue
        if after[1].unit != POINTS and after[0].unit != PERCENT:
            before = [q for q in before if q.unit != PERCENT]  # 占…7.55%，同比增加40.34万元: the share is an aside
        if not before:
            found = _base_and_change(st, qs, bi.end(), after[0], after[1])
            if found:
                out.append(found)
            continue
        first, base, change = before[-1], after[0], after[1]
        gap = _GAP.fullmatch(text, first.end, bi.start())
        if not gap and not _restated(text, first, bi.start()):
            continue
        yoy = bool(gap and gap.group("yoy"))
        if re.search(r"增加|减少|增长|下降|提高|降低|多|少", text[bi.end() : base.start]):
            # 比上年增加2105所，增长0.41%; 基本支出89.52万元，占…7.55%，同比增加40.34万元，同比增长82.03%
            found = _growth(st, first, base, change, ("上年" if yoy else "") + text[bi.end() : base.start])
            if found:
                out.append(found)
            continue
        if base.unit != first.unit:
            continue
        verb_text = text[base.end : change.start].strip("，, 的）)")  # 比2016届（3988元）增长了329元
        verb_text = re.sub(r"^[^\d，,。；;]{1,6}?(?=(?:大幅|大|骤)?(?:增加|减少|增长|下降|提高|降低|减|增))", "", verb_text)  # 较去年的225名新生减少了45人
        up, down = _UP.fullmatch(verb_text), _DOWN.fullmatch(verb_text)
        if not (up or down) or not all(q.exact for q in (first, base, change)):
            continue
        sign = 1 if up else -1
        if change.unit == POINTS:
            if first.unit != PERCENT:
                continue
            computed = sign * (first.value - base.value)
            if computed < 0 or abs(computed - change.value) <= _slack(first, base, change):
                continue
            out.append(_points_finding(st, first, base, change, computed, up))
            continue
        if first.unit == PERCENT:
            found = _points_as_percent(st, first, base, change, bool(up))
            if found:
                out.append(found)
            continue
        if change.unit == PERCENT:
            if base.value == 0:
                continue
            computed = at_precision(sign * (first.value - base.value) * 100 / base.value, change)
            what = "增幅" if up else "降幅"
        elif change.unit == first.unit:
            computed = sign * (first.value - base.value)
            what = "增加量" if up else "减少量"
        else:
            continue
        if change.unit != PERCENT and computed == change.value:
            found = _rate_of_change(st, qs, base, change, bool(up))  # 相较上学年4776人，增加881人，增长了18.4%
            if found:
                out.append(found)
            continue
        if computed == change.value or computed < 0:
            continue
        if change.unit != PERCENT and _one_rounding_step((first, base, change), computed, change.value):
            continue
        out.append(_wrong_figure(st, change, computed,
            f"{_written(first)} 比 {_written(base)}，{what}应为 {_written(change, computed)}，文中写作 {_written(change)}",
            f"改为 {_written(change, computed)}，或核对两个数", st.quote(first.start, change.end)))
    return out


_BASE_LEAD = re.compile(rf"\s?{_LAST}的?\s?")  # 比上年的 / 较2018年


def _base_and_change(st: Statement, qs: list[Quantity], after_bi: int, base: Quantity, change: Quantity) -> Finding | None:
    """…。比上年的378.34亿元增加47.43亿元，增长12.54%: the figure now is in another sentence, but last year's
    and the change are both here, and the rate is the one over the other."""
    text = st.text
    if not _BASE_LEAD.fullmatch(text, after_bi, base.start) or base.unit != change.unit or not base.unit \
            or base.unit == PERCENT or not (base.exact and change.exact):
        return None
    verb_text = text[base.end : change.start].strip("，, ")
    up, down = _UP.fullmatch(verb_text), _DOWN.fullmatch(verb_text)
    if not (up or down):
        return None
    return _rate_of_change(st, qs, base, change, bool(up))


def _wrong_figure(st: Statement, q: Quantity, computed: Decimal, message: str, suggestion: str, quote: str) -> Finding:
    """A figure the relation gives otherwise: its finding, with the edit that writes *computed* in its place."""
    return located(
        "arithmetic", "error", st, q.start, q.end, message, suggestion, quote=quote.strip(),
        stated=q.value, computed=computed, difference=q.value - computed, rule="EQUATION",
        edits=(figure_edit(st, q, computed),),
    )


def _slack(*figures: Quantity) -> Decimal:
    """Two rates and the points between them are each rounded at their decimals: a difference this far off is
    rounding, not a mistake."""
    return sum((q.resolution for q in figures), Decimal(0)) / 2


def _restated(text: str, first: Quantity, at: int) -> bool:
    """本学年近视率为48.3%，近视率较上学年…: the clause before 比 only names again what *first* measures."""
    m = re.fullmatch(r"\s?[，,]\s?([^\d，,。；;（()）]{2,12})", text[first.end : at])
    return bool(m) and m.group(1) in text[max(0, first.start - 20) : first.start]


def _points_as_percent(st: Statement, first: Quantity, base: Quantity, change: Quantity, up: bool) -> Finding | None:
    """录取率96.34%，相较于去年94.62%提高了1.27%: a change of a rate written in % may be in points (1.72) or relative
    (1.82 %). Named only when it is neither and one keystroke from the points."""
    if change.unit != PERCENT or base.value <= 0:
        return None
    points = (1 if up else -1) * (first.value - base.value)
    relative = at_precision(points * 100 / base.value, change)
    if points <= 0 or abs(points - change.value) <= _slack(first, base, change) or abs(relative - change.value) <= change.resolution:
        return None
    if not plausible(change.value, points, keystroke=True):
        return None
    return _points_finding(st, first, base, change, points, up)


def _points_finding(st: Statement, first: Quantity, base: Quantity, change: Quantity, computed: Decimal, up: bool) -> Finding:
    """50.1% to 48.3% is 1.8 percentage points, not 2.8 as written."""
    said = rewrite(change, computed) + "个百分点"
    return _wrong_figure(st, change, computed,
        f"{first.text} 比 {base.text}，{'提高' if up else '下降'}应为 {said}，文中写作 {change.text}",
        f"改为 {said}，或核对两个数", st.quote(first.start, change.end))


def _rate_of_change(st: Statement, qs: list[Quantity], base: Quantity, change: Quantity, up: bool) -> Finding | None:
    """…较上年4776人，增加881人，增长了18.4%: after a change that holds, the rate is the change over the base."""
    later = [q for q in qs if q.start >= change.end]
    if not later or later[0].unit != PERCENT or not later[0].exact or base.value <= 0:
        return None
    pct = later[0]
    gap = st.text[change.end : pct.start]
    bracketed = re.fullmatch(r"\s?[（(]\s?", gap) and re.match(r"\s?[)）]", st.text[pct.end : pct.end + 2])
    if not bracketed and (not re.match(r"\s?[，,]", gap) or not _names_the_rate(gap, up)):
        return None  # …少1858人(5.64%): a rate in brackets right after the change is its rate
    if _possible(base, change, pct, up, base_given=True):
        return None
    return _rate_finding(st, pct, change, base.value, up, base.start,
                         f"比 {_written(base)}{'增加' if up else '减少'} {_written(change)}，")


_CHANGE_VERB = r"(?:增加|减少|增长|下降|降低|提高|上升|扩大|缩小)"
_RISEN_TO = re.compile(rf"\s?(?:{_CHANGE_VERB}|[增降升])了?\s?(?:到|至)")  # 由348人增加到368人: the old figure, then the new
# 从29万人减少至6.5万人 / 从2019年的1250.40万元，增加至2024年的1688.04万元
_FROM_TO = re.compile(rf"^[，,]?\s?[^\d，,。；;]{{0,8}}?{_CHANGE_VERB}?(?:了)?(?:到|至)\s?(?:\d{{4}}\s?年(?:度|底|末)?的?)?\s?$")
_THEN_CHANGE = re.compile(rf"^\s?[，,]\s?(?:共|净|累计)?(?P<verb>{_CHANGE_VERB})了?(?:幅度为?|率为?)?\s?$")


def _from_to(st: Statement, qs: list[Quantity]) -> list[Finding]:
    """从29万人减少至6.5万人，减少了22.5万人: the change is the difference of the two."""
    out = []
    text = st.text
    for i in range(len(qs) - 2):
        a, b, c = qs[i : i + 3]
        lead = re.search(r"[从由][^，,。；;]{0,12}$", text[max(0, a.start - 13) : a.start])  # 从今年5月底的29万人
        if not (lead and _FROM_TO.match(text[a.end : b.start])) or (i and qs[i - 1].end > a.start - len(lead.group())):
            continue
        then = _THEN_CHANGE.match(text[b.end : c.start])
        if not then or not (a.unit == b.unit) or not a.unit or a.unit == PERCENT and c.unit != POINTS or not all(q.exact for q in (a, b, c)):
            continue
        up = then.group("verb") in ("增加", "增长", "提高", "上升", "扩大")
        if c.unit == POINTS and a.unit == PERCENT:  # 毛入园率由71.4%提高到92.6%，增长了21.2个百分点
            points = (b.value - a.value) if up else (a.value - b.value)
            if points > 0 and abs(points - c.value) > _slack(a, b, c):
                out.append(_points_finding(st, b, a, c, points, up))
            continue
        if c.unit == PERCENT:  # 从1250.40万元增加至1688.04万元，增长了35.00%: the rate over the figure it started from
            if a.value > 0 and (b.value > a.value) == up and not _possible(a, _difference(a, b), c, up, base_given=True):
                found = _rate_finding(st, c, _difference(a, b), a.value, up, a.start - len(lead.group()),
                                      f"从 {_written(a)} 到 {_written(b)}，")
                if found:
                    out.append(found)
            continue
        if c.unit != a.unit:
            continue
        computed = (b.value - a.value) if up else (a.value - b.value)
        if computed == c.value:  # 从2010年的1706所到2019年的2192所，增加486所，增幅28.49%: the rate over where it started
            found = _rate_of_change(st, qs, a, c, up)
            if found:
                out.append(found)
            continue
        if computed <= 0:
            continue
        if _one_rounding_step((a, b, c), computed, c.value):
            continue
        out.append(_wrong_figure(st, c, computed,
            f"从 {a.text} 到 {b.text}，{'增加' if up else '减少'}量应为 {format_scaled(computed, c.scale)}{c.unit}，文中写作 {c.text}",
            f"改为 {format_scaled(computed, c.scale)}{c.unit}，或核对两个数", st.quote(a.start - 1, c.end)))
    return out


_YEAR_BEFORE = re.compile(r"((?:19|20)\d\d)\s?年(?:度|底|末)?[^，,。；;\d]{0,16}$")
_YEAR_RATE = re.compile(r"\s?[，,]\s?(?:共|累计|比\d{4}年)?(?P<verb>增长|增加|上升|提高|下降|减少|降低)(?:率|幅度)?(?:为|是|达)?了?\s?$"
                        r"|\s?[，,]\s?(?P<word>增幅|降幅|增长率|下降率)(?:为|是|达)?\s?$")


def _year_to_year(st: Statement, qs: list[Quantity]) -> list[Finding]:
    """2011年立项专业毕业生总计227068人，2013年总计256110人，增长率为12.79%: two years' figures of one thing and
    the rate of change from the earlier to the later, written without 从…到…."""
    out = []
    text = st.text
    for i in range(len(qs) - 2):
        a, b, c = qs[i : i + 3]
        ya, yb = _YEAR_BEFORE.search(text, max(0, a.start - 24), a.start), _YEAR_BEFORE.search(text, max(0, b.start - 24), b.start)
        if not (ya and yb) or int(ya.group(1)) >= int(yb.group(1)) or ya.start() < (qs[i - 1].end if i else 0):
            continue
        if yb.start() < a.end or re.search(r"[。；;]", text[a.end : b.start]) or not re.fullmatch(r"\s?[，,]\s?", text[a.end : yb.start()]):
            continue
        m = _YEAR_RATE.match(text[b.end : c.start]) if c.unit == PERCENT else None
        if not m or a.unit != b.unit or not a.unit or a.unit == PERCENT or not all(q.exact for q in (a, b, c)) or a.value <= 0:
            continue
        word = m.group("verb") or m.group("word")
        up = word in ("增长", "增加", "上升", "提高", "增幅", "增长率")
        if (b.value > a.value) != up or b.value == a.value:
            continue
        if _possible(a, _difference(a, b), c, up, base_given=True):
            continue
        found = _rate_finding(st, c, _difference(a, b), a.value, up, a.start, f"从 {_written(a)} 到 {_written(b)}，")
        if found and plausible(found.stated, found.computed):
            out.append(found)
    return out


def _difference(a: Quantity, b: Quantity) -> Quantity:
    """The change from *a* to *b* as a figure of their unit, as precise as the less precise of the two."""
    coarse = a if a.resolution >= b.resolution else b
    return Quantity(b.start, b.end, abs(b.value - a.value), a.unit, "", places=coarse.places, scale=coarse.scale)


def _one_rounding_step(figures, computed: Decimal, stated: Decimal) -> bool:
    """Figures written in 万 are rounded: one written step apart is rounding, not a mistake."""
    scaled = [q for q in figures if q.rounded]
    return bool(scaled) and abs(computed - stated) <= max(q.resolution for q in scaled)


def _growth(st: Statement, now: Quantity, change: Quantity, pct: Quantity, verb: str) -> Finding | None:
    """51.38万所，比上年增加2105所，增长0.41%: the rate is the change over last year's figure (now − change)."""
    text = st.text
    if pct.unit != PERCENT or change.unit != now.unit or not all(q.exact for q in (now, change, pct)):
        return None
    gap = text[change.end : pct.start]
    up = bool(_UP.search(verb)) and _names_the_rate(gap, True)
    down = bool(_DOWN.search(verb)) and _names_the_rate(gap, False)
    if not (up or down) or not re.fullmatch(rf"{_LAST}[^\d，,]{{0,6}}(?:增加|减少|增长|下降|提高|降低|多|少)了?", verb.strip()):
        return None
    if _LAST_FIGURE.search(text[max(0, now.start - 14) : now.start]):
        # 预算支出合计490.96万元，上年预算数531.35万元，比上年减少40.39万元，下降7.60%: the figure before 比 is last
        # year's itself, the base of the rate
        if _possible(now, change, pct, up, base_given=True):
            return None
        return _rate_finding(st, pct, change, now.value, up, now.start, f"比 {_written(now)}{'增加' if up else '减少'} {_written(change)}，")
    return _from_now(st, now, change, pct, up, now.start)


_AGAINST = re.compile(
    rf"\s*(?:(?P<name0>[^\d，,。；;]{{0,8}}?)(?:与|和|同){_LAST}[^\d，,。；;]{{0,4}}相比[，,]?\s*(?:\d{{4}}年度?的?)?(?P<name>[^\d，,。；;]{{0,16}}?)"
    rf"|(?:\d{{4}}年度?的?)?(?P<name2>[^\d，,。；;]{{0,16}}?)(?:(?:较|比){_LAST}(?:同期)?(?:决算数?|预算数?)?|近[\d一二三四五六七八九十]+年来?))"
    rf"(?:各|共|均|分别)?(?P<verb>增加|减少)了?\s?$")


def _against_last_year(st: Statement, qs: list[Quantity], a: int, b: int, previous: tuple[int, int] | None) -> Finding | None:
    """2023年度收、支总计均为971.04万元。与2022年度相比，收、支总计各减少64.54万元，下降6.2%。: a sentence (or a
    clause: …支出总计826.40万元，与2024年相比，收支总计各增加66.40万元，增长8.74%) that starts with the
    change against last year of the figure stated before it, in the sentence before (or in the clauses before).
    Checked only when that figure is certain: the one figure of the unit there, or the ones named as the change is."""
    starts = [q.start for q in qs]
    for start in [a] + [m.end() for m in _CLAUSE_END.finditer(st.text, a, b)]:
        if not _LEAD.match(st.text, start):
            continue  # a clause that does not open with a comparison (checked first: long lists stay linear)
        at = bisect_left(starts, start)
        rest = [q for q in qs[at : at + 3] if not (q.unit == "年" and st.text[q.start - 1 : q.start] == "近")]
        if len(rest) < 2 or rest[1].unit != PERCENT:
            continue
        earlier = (max(a, start - 160), start) if at and qs[at - 1].end <= start else previous  # 经比较，…较上年…
        if earlier is None:
            continue
        found = _against(st, rest[0], rest[1], start, earlier)
        if found:
            return found
    return None


def _is_change(text: str, q: Quantity) -> bool:
    """减少0.06万元: the figure is a change, not an amount of its own (增加到368人 is the amount it came to)."""
    return bool(DELTA.search(text, max(0, q.start - 8), q.start)) and not re.search(r"(?:到|至)\s?$", text[max(0, q.start - 2) : q.start])


def _against(st: Statement, change: Quantity, pct: Quantity, a: int, previous: tuple[int, int]) -> Finding | None:
    lead = _AGAINST.fullmatch(st.text, a, change.start)
    if not lead or not change.unit or change.unit == PERCENT or not (change.exact and pct.exact):
        return None
    up = lead.group("verb") == "增加"
    if not _names_the_rate(st.text[change.end : pct.start], up):
        return None
    name = re.sub(r"[、\s]", "", (lead.group("name") or lead.group("name2") or lead.group("name0") or "").strip("，, "))
    earlier = [q for q in st.quantities if previous[0] <= q.start < previous[1] and q.unit == change.unit and q.exact
               and not _is_change(st.text, q) and not _RISEN_TO.match(st.text, q.end)]  # (由348人增加到368人: 368)
    named = [q for q in earlier if name and name in re.sub(r"[、\s]", "", st.text[max(previous[0], q.start - 16) : q.start])]
    if name and not named and not re.fullmatch(r"(?:本年度?|全年|今年)?(?:收支|收入|支出)(?:总计|合计|总额)?|总体", name):
        return None  # 本年度财政拨款收入较上年决算数减少…: a figure named otherwise than any before it
    earlier = named or earlier  # 收、支总计各增加…: named so before, or else the one figure (収入总计A、支出总计A)
    if not earlier or len({q.value for q in earlier}) != 1:
        return None  # no figure, or two different ones it may be the change of
    if "近" in lead.group() and _possible(earlier[-1], change, pct, up, base_given=True):
        return None  # 2018年为16.34万人，近5年增加了1.53万人，增幅为9.3%: the figure before may be the base
        # (with 与上年相比 it is this year's: a rate over it is the common slip of dividing by the new figure)
    if _COMPARED_WITH.match(st.text, earlier[-1].end):
        # 与上年同期排查出的83处隐患相比，比上年减少41处，下降49.40%: the figure compared with is the base
        return _rate_finding(st, pct, change, earlier[-1].value, up, a,
                             f"与 {_written(earlier[-1])} 相比，{'增加' if up else '减少'}了 {_written(change)}，")
    if _LAST_FIGURE.search(st.text[max(previous[0], earlier[-1].start - 14) : earlier[-1].start]):
        # 上年4个班，比上年增加1个班，增长25.0%: the figure is last year's, the base of the rate
        return _rate_finding(st, pct, change, earlier[-1].value, up, a,
                             f"上年为 {_written(earlier[-1])}，{'增加' if up else '减少'}了 {_written(change)}，")
    return _from_now(st, earlier[-1], change, pct, up, a)


_CLAUSE_END = re.compile(r"[，,；;]")
_LEAD = re.compile(r"\s*(?:\d{4}年度?的?)?[^\d，,。；;]{0,16}?(?:与|和|同|较|比|近)")  # what a clause comparing with before opens with
_NAMED_CHANGE = re.compile(
    rf"(?:其中[：:]?)?\s*(?P<name>[^\d，,。；;：:（）()]{{4,24}}?)(?:数)?(?:(?:比|较){_LAST}(?:同期)?(?:决算数?|预算数?)?)?(?P<verb>增加|减少)了?\s?$")


def _named_change(statements: list[Statement], k: int, qs: list[Quantity], a: int, b: int, cache: dict) -> list[Finding]:
    """…公务用车运行维护费支出决算减少4.50万元，下降10.0%: the change of a figure named so earlier
    (公务用车运行维护费支出决算为40.50万元). Checked only when the name is long enough to be one thing,
    every figure named so before is the same, and the rate fits it neither as the figure after the change
    nor as the one before."""
    st = statements[k]
    text = st.text
    out = []
    for i, change in enumerate(qs[:-1]):
        pct = qs[i + 1]
        if pct.unit != PERCENT or not change.unit or change.unit == PERCENT or not (change.exact and pct.exact):
            continue
        reach = max(a, change.start - 48)  # a lead is shorter than this: long lists stay linear
        start = max([a if reach == a else -1] + [m.end() for m in _CLAUSE_END.finditer(text, reach, change.start)])
        if start < 0:
            continue
        lead = _NAMED_CHANGE.fullmatch(text, start, change.start)
        if not lead or len(re.sub(r"[“”\"]", "", lead.group("name"))) < 4:
            continue
        up = lead.group("verb") == "增加"
        if not _names_the_rate(text[change.end : pct.start], up):
            continue
        name = re.sub(r"^\d{4}年度?", "", lead.group("name"))
        near = len(re.sub(r"[“”\"]", "", lead.group("name"))) < 6  # 支出总计: a short name, only in this paragraph
        hosts = ([] if near else [(statements[j], len(statements[j].text)) for j in range(max(0, k - 30), k)]) + [(st, start)]
        named = [(host, q) for host, end in hosts for q in _named_figures(host, name, cache) if q.end <= end and q.unit == change.unit]
        earlier = [q for _host, q in named]
        if not earlier or len({q.value for q in earlier}) != 1 or not earlier[-1].exact:
            continue
        now = earlier[-1]
        if _possible(now, change, pct, up, base_given=True):
            continue  # 2022年度预算较2021年度增加…: the figure named may be the one before the change
        if _RISEN_TO.match(named[-1][0].text, now.end):
            continue  # 在园幼儿由348人增加到368人，比上年增加20人: the figure named is the old one, the new comes after
        found = _from_now(st, now, change, pct, up, start)
        if found:
            out.append(found)
    return out


def _named_figures(host: Statement, name: str, cache: dict) -> list[Quantity]:
    """The figures of *host* written right after *name* (支出总计为781.96万元), found by the name once per statement."""
    key = (host.index, name)
    if key not in cache:
        cache[key] = [q for m in re.finditer(re.escape(name) + r"(?:数|总额)?(?:为|是|达|：|:)?\s?", host.text)
                      for q in host.quantities_in(m.end(), m.end() + 1)]
    return cache[key]


def _from_now(st: Statement, now: Quantity, change: Quantity, pct: Quantity, up: bool, quote_start: int) -> Finding | None:
    """The rate of a change from this year's figure: last year's is now − change (or + when it fell)."""
    last = now.value - change.value if up else now.value + change.value
    if last <= 0 or _possible(now, change, pct, up):
        return None
    return _rate_finding(st, pct, change, last, up, quote_start,
                         f"现为 {_written(now)}，{'增加' if up else '减少'}了 {_written(change)}，原来应为 {_written(now, last)}，")


def _rate_finding(st: Statement, pct: Quantity, change: Quantity, base: Decimal, up: bool, quote_start: int,
                  said: str) -> Finding | None:
    """The finding for growth rate *pct* of *change* over *base*, at the rate's written decimals, or None."""
    computed = at_precision(change.value * 100 / base, pct)
    if computed == pct.value:
        return None
    return _wrong_figure(st, pct, computed,
        f"{said}{'增幅' if up else '降幅'}应为 {computed}%，文中写作 {pct.value}%",
        f"改为 {computed}%，或核对两个数", st.quote(quote_start, pct.end))


def _possible(now: Quantity, change: Quantity, pct: Quantity, up: bool, base_given: bool = False) -> bool:
    """Figures written in 万 are rounded: is the stated rate reachable by some values they may stand for?
    *now* is the figure after the change, or with *base_given* the one *change* is a share of (the base before
    a change; a budget, of what was spent)."""
    (n_lo, n_hi), (c_lo, c_hi) = now.bounds, change.bounds
    rates = []
    for n in (n_lo, n_hi):
        for c in (c_lo, c_hi):
            last = n if base_given else n - c if up else n + c
            if last > 0:
                rates.append(c * 100 / last)
    if not rates:
        return True
    half = pct.resolution / 2
    return min(rates) - half <= pct.value <= max(rates) + half


# 支出预算为12万元，支出决算为8.16万元，完成预算的68% / 比预算数多22.80万元: the figure planned and the one done
_PLANNED = re.compile(r"(?:年初|全年|当年)?预算(?:数|总?收入|总?支出|总额)?(?:为|是)?[：:]?\s?$")
_DONE = re.compile(r"(?:决算(?:数|总?支出|总?收入|总额)?|实际(?:完成|支出|开支|收入|执行|实行)?(?:数|额)?|(?:实行|执行)数?)"
                   r"(?:为|是|达到?了?)?[：:]?\s?$")
_SHARE_DONE = re.compile(r"\s?[，,]\s?(?:完成(?:了)?(?:年初|全年|当年)?预算(?:数)?的|(?:预算)?(?:完成|执行)率(?:为|是|达)?|为(?:年初|全年|当年)?预算(?:数)?的)\s?$")
_VERSUS = re.compile(r"\s?[，,]\s?(?:(?:比|较)(?:年初|全年|当年)?预算(?:数)?(?P<verb>多|少|增加|减少|节省|节约|超支|超出)了?"
                     r"|(?P<over>超出|超过)(?:年初|全年|当年)?预算(?:数)?)\s?$")


def _against_budget(st: Statement, qs: list[Quantity], a: int, b: int) -> list[Finding]:
    """预算为A，决算为B，完成预算的C% (C = B ÷ A) or 比预算数多C (C = B − A): the planned figure, the one done right
    after it, and what the sentence says of the two right after that."""
    text = st.text
    out = []
    for i, plan in enumerate(qs[:-2]):
        actual = qs[i + 1]
        if not (plan.is_money and actual.is_money and plan.exact and actual.exact and plan.value > 0) or plan.is_rate \
                or actual.is_rate or plan.upper or actual.upper:
            continue
        if not _PLANNED.search(text, max(a, plan.start - 14), plan.start):
            continue
        near = max(a, plan.start - 20)
        label = text[max([near] + [m.end() for m in _CLAUSE_END.finditer(text, near, plan.start)]) : plan.start]
        if re.search(r"追加|调[增减整]|增加|减少", label):
            continue  # 追加预算5万元 is not the budget
        if not (re.fullmatch(r"\s?[，,]\s?[^\d，,。；;]{0,10}", text[plan.end : actual.start])
                and _DONE.search(text, max(plan.end, actual.start - 14), actual.start)):
            continue
        out.extend(_budget_results(st, qs[i + 2 : i + 4], plan, actual))
    return out


def _budget_results(st: Statement, results: list[Quantity], plan: Quantity, actual: Quantity) -> list[Finding]:
    text = st.text
    out, prev = [], actual
    for result in results:  # 比预算数多304.49万元，预算完成率为121.23%
        if not result.exact:
            break
        if result.unit == PERCENT and _SHARE_DONE.fullmatch(text, prev.end, result.start):
            computed = at_precision(actual.value * 100 / plan.value, result)
            said = f"{_written(actual)} ÷ 预算 {_written(plan)}，完成率应为 {computed}%，文中写作 {result.value}%"
            wrong = not _possible(plan, actual, result, True, base_given=True)  # actual ÷ plan, as rounded as they are
        elif result.is_money and (versus := _VERSUS.fullmatch(text, prev.end, result.start)):
            more = bool(versus.group("over")) or versus.group("verb") in ("多", "增加", "超支", "超出")
            computed = actual.value - plan.value if more else plan.value - actual.value
            if computed <= 0:
                break
            said = f"{_written(actual)} 比预算 {_written(plan)}{'多' if more else '少'} {_written(result, computed)}，文中写作 {_written(result)}"
            wrong = computed != result.value and not _one_rounding_step((plan, actual, result), computed, result.value)
        else:
            break
        prev = result
        if wrong:
            out.append(_wrong_figure(st, result, computed, said, f"改为 {_written(result, computed)}，或核对两个数",
                st.quote(plan.start, result.end)))
    return out


# 送审金额A元，审定金额B元，审减金额C元 / 采购预算A，实际采购金额B，节约资金C: what was asked, what was allowed,
# and the cut between them, each named by its word
_ASKED = re.compile(r"送审|报审|原报|申报|施工结算|结算价|结算金额|预算金额|采购预算|计划金额")
_ALLOWED = re.compile(r"审定|审核|核定|实际采购|中标|成交|合同金额")
_CUT = re.compile(r"(?P<less>审减|核减|多计|节约|节省|节支)|(?P<more>审增|核增|少计)")


def _reduced(st: Statement, qs: list[Quantity], a: int) -> list[Finding]:
    """Three amounts in a row in one sentence, named asked, allowed and cut: the cut is their difference (审减 and
    节约 the asked less the allowed, 审增 the other way). Each is named by the words of its own clause."""
    text, out = st.text, []
    money = [q for q in qs if q.is_money and q.exact and not q.upper and not q.is_rate]

    def label(q: Quantity, floor: int) -> str:  # 经审计，审定结算价为…: the words of the figure's own clause
        clause = re.split(r"[，,；;：:]", text[floor : q.start])[-1]
        return clause if clause.strip() else text[floor : q.start]

    for i in range(len(money) - 2):
        asked, allowed, cut = money[i : i + 3]
        floor = money[i - 1].end if i else a
        names = label(asked, floor), label(allowed, asked.end), label(cut, allowed.end)
        said = _CUT.search(names[2])
        if not (_ASKED.search(names[0]) and not _ALLOWED.search(names[0]) and _ALLOWED.search(names[1])
                and not _CUT.search(names[1]) and said and not re.search(r"率", text[cut.end : cut.end + 2])):
            continue
        computed = asked.value - allowed.value if said.group("less") else allowed.value - asked.value
        if computed <= 0 or computed == cut.value or _one_rounding_step((asked, allowed, cut), computed, cut.value):
            continue
        out.append(_wrong_figure(
            st, cut, computed, f"{_written(asked)} 与 {_written(allowed)} 相差 {_written(cut, computed)}，"
            f"{said.group()}金额文中写作 {_written(cut)}", f"改为 {_written(cut, computed)}，或核对前两个数",
            st.quote(asked.start, cut.end)))
    return out


def _balance(st: Statement, qs: list[Quantity], a: int, b: int) -> Finding | None:
    """收入A，支出B，结余C in one sentence (no carried-over balance)."""
    text = st.text[a:b]
    if re.search(r"上年结余|上年节余|结转|累计|年初|[月期末]末?余额", text):
        return None  # 月末余额 carries what was left before: 上月结余2,458.67元。本月收入…，支出…，月末余额…
    roles = {}
    for q in qs:
        if not q.is_money or not q.exact or q.upper:
            continue
        label = st.text[max(a, q.start - 8) : q.start]
        for role, words in (("in", r"(?:总)?收入[为是共计合计：:\s]*$"), ("out", r"(?:总)?支出[为是共计合计：:\s]*$"),
                            ("left", r"(?:结余|节余|余额)[为是：:\s]*$")):
            if re.search(words, label):
                if role in roles:
                    return None  # two incomes or two spendings: which is which is not sure
                roles[role] = q
    if set(roles) != {"in", "out", "left"} or not (roles["in"].start < roles["out"].start < roles["left"].start):
        return None
    income, spent, left = roles["in"], roles["out"], roles["left"]
    computed = income.value - spent.value
    if computed == left.value:
        return None
    return _wrong_figure(st, left, computed,
        f"收入 {_num(income.value)} 元、支出 {_num(spent.value)} 元，结余应为 {_num(computed)} 元，文中写作 {_num(left.value)} 元",
        f"改为 {_num(computed)} 元，或核对收入和支出", st.quote(income.start, left.end))


_NAMED_RATIO = re.compile(r"比(?:例)?(?:为|是|达到?)?\s?(\d+(?:\.\d+)?)\s?[:：∶]\s?1(?![\d.:：∶])")


def _named_ratios(st: Statement) -> list[Finding]:
    """男生965人，女生514人，男女毕业生比例为1.88:1: the ratio of the two figures just before it in its sentence.

    Which comes first is not always said, so either order that fits is right; only a ratio one keystroke
    from one of them is named (a figure far off more likely compares other things)."""
    out = []
    stops: list[int] | None = None  # sentence ends, found once: a line of many ratios stays linear
    for m in _NAMED_RATIO.finditer(st.text):
        if stops is None:
            stops = [x.end() for x in FULL_STOP.finditer(st.text)]
        k = bisect_left(stops, m.start() + 1)
        begin = stops[k - 1] if k else 0
        before = [q for q in st.quantities_in(max(begin, m.start() - 60), m.start()) if q.unit and q.unit != PERCENT and not q.is_rate]
        if len(before) < 2:
            continue
        a, b = before[-2], before[-1]
        if a.unit != b.unit or not (a.exact and b.exact) or not a.value or not b.value:
            continue
        if not _ratio_of(st.text, m.start(), a, b):
            continue  # 专任教师120名，其中本科99名，…生师比为12.6:1: the two figures before are not 生 and 师
        r = Decimal(m.group(1))
        step = Decimal(1).scaleb(-(len(m.group(1).split(".")[1]) if "." in m.group(1) else 0))
        readings = [(x / y).quantize(step, rounding=ROUND_HALF_UP) for x, y in ((a.value, b.value), (b.value, a.value))]
        if r in readings or any(abs(x - r) <= step for x in readings):
            continue
        near = [x for x in readings if plausible(r, x, keystroke=True)]
        if len(near) != 1:
            continue
        at, pos = st.line_at(m.start(1))
        out.append(located(
            "arithmetic", "error", st, m.start(1), m.end(1),
            f"比例写作 {m.group(1)}:1，按 {a.text} 与 {b.text} 计算应为 {near[0]}:1",
            f"改为 {near[0]}:1，或核对两个数", quote=st.quote(a.start, m.end()).strip(), stated=r, computed=near[0],
            difference=r - near[0], rule="EQUATION", edits=(at.edit(pos, pos + len(m.group(1)), str(near[0])),),
        ))
    return out


_RATIO_NAME = re.compile(r"([\u4e00-\u9fff])([\u4e00-\u9fff])[\u4e00-\u9fff]{0,4}比(?:例)?(?:为|是|达到?)?\s?\d")


def _ratio_of(text: str, at: int, a: Quantity, b: Quantity) -> bool:
    """May the two figures be what the ratio compares? Not when the second is a part of the first (专任教师120名，
    其中本科99名，…生师比12.6:1); and when the ratio is named (男女比例, 报录比), one of them must count a thing
    it names (报考人数1590人)."""
    if "其中" in text[a.end : b.start]:
        return False
    name = _RATIO_NAME.search(text, max(0, at - 12), at + 12)
    if name is None or name.start() > at:
        return True
    clause = lambda q: text[max(0, q.start - 10) : q.start].split("，")[-1].split(",")[-1]
    said = clause(a) + clause(b)
    return name.group(1) in said or name.group(2) in said


def _ratios(st: Statement) -> list[Finding]:
    """328:31=10.58:1 — a ratio written out, at the decimals of its result."""
    out = []
    for m in _RATIO.finditer(st.text):
        x, y, r = (Decimal(g) for g in m.groups())
        if y == 0:
            continue
        places = len(m.group(3).split(".")[1]) if "." in m.group(3) else 0
        computed = (x / y).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        if computed == r:
            continue
        at, pos = st.line_at(m.start(3))
        out.append(located(
            "arithmetic", "error", st, m.start(3), m.end(3),
            f"比例「{m.group()}」不成立：{m.group(1)}÷{m.group(2)} 应为 {computed}，文中写作 {m.group(3)}",
            f"改为 {computed}:1", quote=m.group(), stated=r, computed=computed, difference=r - computed, rule="EQUATION",
            edits=(at.edit(pos, pos + len(m.group(3)), str(computed)),),
        ))
    return out
