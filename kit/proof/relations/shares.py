"""Shares: ``留守儿童17人，占全校学生116人的14.7%`` and ``全校116人，其中留守17人，占14.7%``.

The part is the figure before 占; the whole is the figure of the same unit
inside 占…%, or else the nearest figure of that unit marked as a whole
(共/总/全/现有/有) earlier in the sentence or the one before. A share is
compared at the decimals written: rounding half-up is right, truncation
(33/224 → 14%) is a warning that says so, anything else an error.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from ...findings import Finding
from ...money import format_scaled, share_percent
from ...quantities import PERCENT, Quantity
from ..passage import FULL_STOP as _FULL_STOP, Statement, depth as _depth, figure_edit, located
from .explain import Explain
from .slips import plausible, slipped_count

_SHARE = re.compile(r"(?<!占)(?<!分别)占(?!地|用|有|据|领|比例)")  # 分别占…: check_share_lists
_RESPECTIVELY = re.compile(r"分别占(?:有)?")
_LIST_GAP = re.compile(r"\s?(?:[、，,]|和|及|与|以及)\s?")
_AMONG_HEAD = re.compile(r"(?:^|[。；;：:\s])\s*([\u4e00-\u9fff]{2,10}?)中[，,：:]")
_SENTENCE = re.compile(r"[^。；;！!？?]+[。；;！!？?]?")
_SUBJECT_GAP = re.compile(r"[\s，,、（(]*(?:约|共|即|均)?")
_THEN_AMONG = re.compile(r"\s?[，,；;。]?\s?其中")  # 实际录取284人，其中本市149人，占…: the figure 其中 breaks down
AMONG = re.compile(r"[^，,。；;\d]{0,12}中[，,：:]")  # 48名正式代表中，…16人，占33%
_AMONG_RIGHT = re.compile(r"中(?![学心职专国层级等午小])")  # 5282人中需关注学生共1118人（占21.71%）
_NAMED_AFTER = re.compile(r"[\u4e00-\u9fff]{1,8}(?<![的其中])[，,]\s?")  # 184名视力不良，占比14.43%: the count, then what it counts
_REACH = 400  # characters before a share searched for its whole: a whole further off is not where a reader looks
CHANGE_CLAUSES = re.compile(
    r"(?:[，,]\s?(?:比|较|与)[^\d，,。；;]{0,12}?(?:增加|减少|增长|下降|提高|降低)了?\s?\d+(?:\.\d+)?\s?[万亿]?[^\d，,。；;%]{0,3}"
    r"|[，,]\s?(?:同比)?(?:增长|下降|增幅|降幅|提高|降低)(?:为|了)?\s?\d+(?:\.\d+)?\s?(?:%|个百分点))+[，,]\s?")
_SIBLING = re.compile(r"[，,]?\s?[（(]?\s?占(?:比)?\s?\d")  # …718份，占97.29%，…: a part with its own share
TOTAL_MARK = re.compile(r"(?:共有|共计|共|总数为?|总人数为?|总计|合计|全体|全校|全县|全市|全区|全镇|全乡|全州|全省|全国|现有)[^，,。；;]{0,8}$")
WHOLE_MARK = re.compile(r"(?:共|总|合计|全|现有|有|计|达)[^，,。；;]{0,12}$")




def _sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text)]


def check_shares(statements: list[Statement], explain: Explain | None = None) -> list[Finding]:
    findings = []
    for k, st in enumerate(statements):
        qs = st.quantities
        sentences = _sentences(st.text)
        alike = _Alike(st, statements[max(0, k - 3) : k])
        for m in _SHARE.finditer(st.text):
            s_start = _sentence_start(sentences, m.start())
            clause_end = _CLAUSE_STOP.search(st.text, m.end())
            limit = clause_end.start() if clause_end else len(st.text)
            pct = next((q for q in st.quantities_in(m.end(), limit) if q.unit == PERCENT), None)
            if pct is None:
                continue
            parts = [q for q in st.quantities_in(max(s_start, m.start() - _REACH), m.start())
                     if q.end <= m.start() and q.unit and q.unit != PERCENT]
            if not parts:
                continue
            part = parts[-1]
            gap = st.text[part.end : m.start()]
            if not (_SUBJECT_GAP.fullmatch(gap) or _NAMED_AFTER.fullmatch(gap)) or DELTA.search(st.text, max(0, part.start - 8), part.start):
                # 在园幼儿1.05万人，比上年减少0.03万人，下降2.78%，占全县在园幼儿的比例87.5%: the share is of the
                # figure its change clauses follow, never of the change
                before = [q for q in parts if CHANGE_CLAUSES.fullmatch(st.text, q.end, m.start())
                          and not DELTA.search(st.text, max(0, q.start - 8), q.start)]
                if not before:
                    continue  # 2320人，接受过专业教育的占…: the share is of someone else
                part = before[-1]
            inside = [q for q in st.quantities_in(m.end(), pct.start) if q.unit == part.unit]
            if _depth(st.text, part.start) > _depth(st.text, m.start()):
                continue  # （其中24人），占…: the bracketed figure is not what the share is of
            phrase = st.text[m.end() : pct.start]
            total_of = re.search(r"总([\u4e00-\u9fff]{1,3}?)数", phrase)  # 占总园数的 → the whole counts 园
            noun = _noun(phrase)
            opening = _opening_bracket(st.text, part.start)
            before_bracket = [q for q in qs if opening is not None and q.end <= opening and q.unit == part.unit]
            far = False  # the whole chosen among several, or statements away: only a one-keystroke slip is named
            if inside:
                whole = inside[-1]
            elif before_bracket and re.fullmatch(r"\s?", st.text[before_bracket[-1].end : opening]) and not noun:
                whole = before_bracket[-1]  # 公用经费支出136011.19元（办公费27465.6元，占20.2%；…）
            elif total_of:
                whole = _total_of(st, part, total_of.group(1))
            else:
                whole, far = _earlier_whole(st, part, s_start, sentences, noun,
                                            total=bool(re.search(r"总数|总人数|总额|总量|总计", phrase)), statements=statements, index=k)
            if whole is None and noun and not total_of:
                # 全县在园幼儿1.20万人…。其中，普惠性幼儿园在园幼儿1.05万人…，占全县在园幼儿的比例87.5%:
                # the whole a 其中 breaks down, when it is called so (only a one-keystroke slip is named then)
                placed, _far = _earlier_whole(st, part, s_start, sentences, "", statements=statements, index=k)
                if placed is not None and noun in st.text[max(0, placed.start - len(noun) - 6) : placed.start]:
                    whole, far = placed, True
            if whole is None and noun and (re.match(r"总|全", noun) or len(noun) >= 4):
                # 其他收入12,037.17万元，占总收入的45.31%: the 总收入 named lines before; or a name long enough
                # to be one thing (占基本支出预算92.82%, 基本支出预算924,289.71元 lines before)
                whole, far = _named_before(statements, k, part, noun), True
            by_sum = whole is None and (alike.whole_of(phrase, part, pct) or alike.corroborated(phrase, part, pct))
            if by_sum:
                whole, far = by_sum, False
            if whole is None:
                if explain is not None:
                    explain.skip(st, f"占比「{pct.text}」找不到对应的总数")
                continue
            if not (part.exact and whole.exact and pct.exact) or whole.value == 0 or part.value > whole.value:
                continue  # a share above 100 % means the figures were paired wrongly: say nothing
            finding = share_finding(st, part, whole, pct)
            if finding and finding.severity == "error":
                # 在303名代表中，女生187人，占58.75%；男生125人，占41.25%: 178 of 303 is 58.75 % — the 187 is
                # the likely slip, and the share is not to be "corrected" to 61.72 % (when the share is one keystroke
                # off too, either may be the slip: both are named, and nothing is changed)
                slip = slipped_count(part.value, whole.value, pct.value, pct.places)
                if slip:
                    finding = share_finding(st, part, whole, pct, slip=slip)
            if finding and finding.severity == "error" and not (inside or total_of or noun) and _fits_another(st, part, whole, pct, parts=False):
                continue  # 393件，其中…主办的366件，…66件，占18%: 18 % is of the 366, a figure the reader also sees
            if finding and not inside and noun and alike.not_their_whole(phrase, part.unit, whole.value):
                continue  # 省外院校124714人，占录取人数的52.99%；省内院校110625人，占…47.01%: of their sum, not of 150144
            # a whole the text does not name (占65%) was found by its place: only a one-keystroke slip is
            # surely one; a share far off is more likely of another whole (代表总数, not 具有职称的代表)
            # (a keystroke in the part or the whole is no evidence here: a whole found by place is wrong often
            # enough that one of its keystroke neighbours fits by chance — 351 of 2729, not of 2229 teachers)
            if finding and (not far and (inside or noun or total_of or by_sum or _framed(st, whole, part))
                            or plausible(finding.stated, finding.computed, keystroke=True)):
                findings.append(finding)
    return findings


class _Alike:
    """The shares of one statement grouped by how they are said (占录取人数的…, not merely 占…%), each with its part,
    the figure of a unit right before 占 — read once per statement, so a line of many shares stays linear."""

    def __init__(self, st: Statement, before: list[Statement] | None = None):
        self.st = st
        self.before = before or []  # the statements just before: a whole the parts add up to may stand there
        self._groups: dict[tuple[str, str], list[tuple[Quantity, Quantity]]] | None = None
        self._memo: dict[tuple, object] = {}

    def pairs(self, phrase: str, unit: str) -> list[tuple[Quantity, Quantity]]:
        return self.groups().get((_said(phrase), unit), [])

    def groups(self) -> dict[tuple[str, str], list[tuple[Quantity, Quantity]]]:
        """(how the share is said, the part's unit) -> its (part, share) pairs, in reading order."""
        if self._groups is None:
            self._groups = {}
            st = self.st
            for m in _SHARE.finditer(st.text):
                clause_end = _CLAUSE_STOP.search(st.text, m.end())
                pct = next((q for q in st.quantities_in(m.end(), clause_end.start() if clause_end else len(st.text))
                            if q.unit == PERCENT), None)
                if pct is None or not pct.exact:
                    continue
                noun = _said(st.text[m.end() : pct.start])
                last: dict[str, Quantity] = {}
                for q in st.quantities_in(max(0, m.start() - 40), m.start()):
                    if q.unit and q.unit != PERCENT and q.end <= m.start():
                        last[q.unit] = q
                for u, q in last.items():
                    if q.exact:
                        self._groups.setdefault((noun, u), []).append((q, pct))
        return self._groups

    def whole_of(self, phrase: str, part: Quantity, pct: Quantity) -> Quantity | None:
        """提案92件…（A类）22件，占承办提案总数的23.91%。（B类）68件，占…73.19%。（C类）2件，占…2.17%: shares said
        alike, whose parts add up to a figure stated before them, are of that figure — when it gives all of them as
        written but this one (a slip is in one share; when it gives none, they are of something else)."""
        key = ("whole", _said(phrase), part.unit)
        if key not in self._memo:
            self._memo[key] = self._sum_whole(self.pairs(phrase, part.unit), part.unit)
        found = self._memo[key]
        if found is None:
            return None
        whole, misfits = found
        return whole if len(misfits) == 1 and misfits[0][0] is part and misfits[0][1] is pct else None

    def _sum_whole(self, pairs: list[tuple[Quantity, Quantity]], unit: str):
        if len(pairs) < 2:
            return None
        total = sum((q.value for q, _p in pairs), Decimal(0))
        if total <= 0:
            return None
        whole = next((q for q in reversed(self.st.quantities_in(0, pairs[0][0].start)) if q.unit == unit and q.exact
                      and q.value == total and not q.is_rate), None)
        for earlier in reversed(self.before):  # 全区常住人口为852476人。⏎…0-14岁…人，占6.89%；…: the sum's whole lines before
            if whole is not None:
                break
            whole = next((q for q in reversed(earlier.quantities) if q.unit == unit and q.exact and q.value == total
                          and not q.is_rate), None)
        if whole is None:
            return None
        return whole, [(q, p) for q, p in pairs if not share_as_written(q.value, total, p)]

    def corroborated(self, phrase: str, part: Quantity, pct: Quantity) -> Quantity | None:
        """全校共有教职工420人。女教职工208人，占49.5%；党员186人，占43.4%；…121人，占28.8%: the whole marked as one
        (共有, 总数…) before shares said alike, when two or more of them (three when written in whole per cent) are
        exactly its shares and this one is a keystroke off — a whole that only placed them would not fit so many."""
        st, unit = self.st, part.unit
        key = ("marked", unit)
        if key not in self._memo:  # the marked wholes of this unit, in order, and where each starts: once per statement
            marked = [q for q in st.quantities if q.unit == unit and q.exact and not q.is_rate and (
                TOTAL_MARK.search(st.text, max(0, q.start - 10), q.start) or _THEN_AMONG.match(st.text, q.end))]
            self._memo[key] = (marked, [q.start for q in marked])
        marked, starts = self._memo[key]
        k = bisect_right(starts, part.start) - 1
        if k < 0:  # 全县常住人口为…人。⏎…0-14岁…，占22.76%: the whole marked in a statement just before
            key = ("marked before", unit)
            if key not in self._memo:
                self._memo[key] = next((q for earlier in reversed(self.before) for q in reversed(earlier.quantities)
                                        if q.unit == unit and q.exact and not q.is_rate
                                        and TOTAL_MARK.search(earlier.text, max(0, q.start - 10), q.start)), None)
            whole, start, until = self._memo[key], 0, starts[0] if starts else len(st.text)
        else:
            whole, start, until = marked[k], marked[k].end, starts[k + 1] if k + 1 < len(starts) else len(st.text)
        if whole is None or whole.value <= part.value:
            return None
        key = ("fits", _said(phrase), unit, k)
        if key not in self._memo:  # the shares up to the next marked whole, which starts a group of its own
            group = [(q, p) for q, p in self.pairs(phrase, unit) if start <= q.start < until and q.value < whole.value]
            self._memo[key] = (group, [(q, p) for q, p in group if share_as_written(q.value, whole.value, p)])
        group, fits = self._memo[key]
        if len(fits) < (2 if pct.places else 3) or any(q is part for q, _p in fits):
            return None
        if not any(q is part and p is pct for q, p in group):
            return None
        computed = share_percent(part.value, whole.value, pct.places)
        return whole if plausible(pct.value, computed, keystroke=True) else None

    def not_their_whole(self, phrase: str, unit: str, whole: Decimal) -> bool:
        """Is *whole* not what shares said alike are of? It is when their parts add up to it. It is not when it gives
        none of them (a slip is in one share, not in all), nor when they add up to 100 % and the sum of their parts,
        another figure, gives every one of them."""
        key = ("not", _said(phrase), unit, whole)
        if key not in self._memo:
            self._memo[key] = _not_their_whole(self.pairs(phrase, unit), whole)
        return bool(self._memo[key])


def check_share_runs(statements: list[Statement]) -> list[Finding]:
    """体检总数7591人…。⏎1、…低于两个标准差的677人，占总人数的8.92%；⏎高于两个标准差的845人，占总人数的11.25%。⏎…:
    shares said alike line after line, each line a statement of its own, of a whole marked (共有, 总数…) a few
    statements before. When four or more of them (five in whole per cent) are exactly its shares and one alone is
    not, the many that fit say which whole it is, and the one is told — a slip or a miscalculation alike."""
    findings = []
    runs: dict[tuple[str, str], list[tuple[int, Quantity, Quantity]]] = {}  # open runs: key -> (statement, part, share)
    last_seen: dict[tuple[str, str], int] = {}

    def judge(key: tuple[str, str], run: list[tuple[int, Quantity, Quantity]]) -> None:
        if len({i for i, _q, _p in run}) < 2 or len(run) < 4:
            return  # one statement's shares are check_shares' to judge
        first = run[0][0]
        unit = key[1]
        top = max(q.value for _i, q, _p in run)
        candidates = [q for earlier in reversed(statements[max(0, first - 5) : first + 1]) for q in reversed(earlier.quantities)
                      if q.unit == unit and q.exact and not q.is_rate and q.value > top
                      and (earlier.index < first or q.end <= run[0][1].start)
                      and TOTAL_MARK.search(earlier.text, max(0, q.start - 10), q.start)]
        for whole in candidates:
            fits = [(i, q, p) for i, q, p in run if share_as_written(q.value, whole.value, p)]
            misfits = [(i, q, p) for i, q, p in run if not share_as_written(q.value, whole.value, p)]
            if len(fits) >= (4 if all(p.places for _i, _q, p in run) else 5) and len(misfits) == 1:
                i, part, pct = misfits[0]
                finding = share_finding(statements[i], part, whole, pct)
                if finding and finding.severity == "error":
                    slip = slipped_count(part.value, whole.value, pct.value, pct.places, whole_sure=True)
                    if slip:
                        finding = share_finding(statements[i], part, whole, pct, slip=slip)
                if finding:
                    findings.append(finding)
                return
            if fits:
                return  # the nearest whole that gives some of them is theirs

    for k, st in enumerate(statements):
        groups = _Alike(st).groups()
        for key, pairs in groups.items():
            if key in runs and k - last_seen[key] > 2:
                judge(key, runs.pop(key))
            parts = {id(q) for q, _p in pairs}
            if any(q.unit == key[1] and id(q) not in parts for q in st.quantities_in(0, pairs[-1][0].start)):
                # 本年支出3102.70万元…。其中：基本支出…，占91.10%: a line with a whole of its own starts another group
                if key in runs:
                    judge(key, runs.pop(key))
                continue
            runs.setdefault(key, []).extend((k, q, p) for q, p in pairs)
            last_seen[key] = k
        for key in [key for key in runs if k - last_seen[key] > 2]:
            judge(key, runs.pop(key))
    for key, run in runs.items():
        judge(key, run)
    return findings


def _not_their_whole(pairs: list[tuple[Quantity, Quantity]], whole: Decimal) -> bool:
    if len(pairs) < 2:
        return False
    total = sum((q.value for q, _p in pairs), Decimal(0))
    if total == whole or total <= 0:
        return False  # 总收入39万元，其中种植业20万元，占总收入的59%…: the parts make the whole, the shares are off
    if not any(share_as_written(q.value, whole, p) for q, p in pairs):
        return True
    if abs(sum(p.value for _q, p in pairs) - 100) > sum(p.resolution for _q, p in pairs) / 2:
        return False
    return all(share_as_written(q.value, total, p) for q, p in pairs)


def _fits_another(st: Statement, part: Quantity, whole: Quantity, pct: Quantity, parts: bool = True) -> bool:
    """Does another figure of the part's unit within reach give the share as written (rounded or cut), as the
    whole of this part (or, with *parts*, as the part of this whole)? Then the share is more likely of that figure
    than wrong: a whole found by place, or the part of a named rate, may be the wrong one (回收问卷100份，其中
    有效问卷96份，回收率96%: of the valid ones). Parts are not tried for a share found by place: its siblings
    (1名生长迟缓，占比0.07%；1名低体重儿，占比0.07%) give it as often."""
    for q in st.quantities_in(max(0, part.start - _REACH), pct.start):
        if q is whole or q is part or q.unit != part.unit or not q.exact or q.value <= 0 or _SIBLING.match(st.text, q.end):
            continue  # (a sibling with a share of its own is neither: 赞成576份，占90%，反对64份，占10%)
        if q.value > part.value and q.start < part.start and share_as_written(part.value, q.value, pct) \
                or parts and q.value < whole.value and share_as_written(q.value, whole.value, pct):
            return True
    return False


def share_as_written(part: Decimal, whole: Decimal, pct: Quantity) -> bool:
    """Is *pct* the share of *part* in *whole* at its written decimals, rounded half-up or cut?"""
    ratio = part * 100 / whole
    step = Decimal(1).scaleb(-pct.places)
    return pct.value in (ratio.quantize(step, rounding=ROUND_HALF_UP), ratio.quantize(step, rounding=ROUND_DOWN))


def _framed(st: Statement, whole: Quantity, part: Quantity) -> bool:
    """在3150名新生中，本省生源有2210人，占70.16%；外省生源有940人，占29.84%: the whole frames the sentence
    (…中，) and every figure of its unit up to the part is a sibling with its own share, so the whole is named."""
    text = st.text
    if not AMONG.match(text, whole.end) or re.search(r"其中|[。！？!?]", text[whole.end : part.start]):
        return False
    between = [q for q in st.quantities_in(whole.end, part.start) if q.unit == part.unit]
    return all(_SIBLING.match(text, q.end) for q in between)


def _named_before(statements: list[Statement], k: int, part: Quantity, noun: str, back: int = 3,
                  here: bool = False) -> Quantity | None:
    """The last figure of *part*'s unit named *noun* (总收入27,664.71万元): in statement *k* before *part* when
    *here*, else in the *back* statements before it."""
    hosts = ([statements[k]] if here else []) + [statements[j] for j in range(k - 1, max(-1, k - 1 - back), -1)]
    for host in hosts:
        limit = part.start if host is statements[k] else len(host.text)
        found = [q for q in host.quantities if q.end <= limit and q.unit == part.unit and _named(host.text, q, noun)]
        if found:
            return found[-1]
    return None


DELTA = re.compile(r"(?:增加|减少|增长|下降|提高|降低|多|少|净增|新增|节约|节省|超支)了?[\u4e00-\u9fff]{0,4}\s?$")  # before a change, not a total


_BRACKETED = re.compile(r"[（(][^（()）]{0,6}[)）]")  # 团(总)支部: a word in brackets marks no whole


def whole_before(statements: list[Statement], k: int, at: int, unit: str | None = None, across: bool = True) -> Quantity | None:
    """支出合计2417.13万元，较上年增加136.12万元，增长6%。主要原因是…。其中：基本支出…: the whole a 其中 opening a
    sentence (at *at* in statement *k*) breaks down — the total, not its change, of the nearest sentence before that
    has figures (a sentence of reasons has none), looking into the statement before when 其中 opens a line.
    With *unit*, only a figure of that unit; without *across*, only in statement *k*."""
    hosts = [(statements[k], at)]
    if across and k and not statements[k].text[:at].strip():
        hosts.append((statements[k - 1], len(statements[k - 1].text)))
    looked = 0
    for host, end in hosts:
        for a, b in reversed([span for span in _sentences(host.text) if span[1] <= end]):
            if looked == 3:
                return None
            looked += 1
            figures = [q for q in host.quantities_in(a, b) if q.unit and q.unit != PERCENT and not q.is_rate
                       and not _depth(host.text, q.start)]  # （以在编教职工206人为基数）: an aside's figure is no whole
            if not figures:
                continue  # 主要原因是增人增资。
            same = [q for q in figures if unit in (None, q.unit) and q.exact and not DELTA.search(host.text[max(a, q.start - 8) : q.start])
                    and not re.search(r"[“「《\"]$", host.text[max(a, q.start - 1) : q.start])  # “三个高地” is a name
                    and not re.search(r"(?:比|较)[^，,。；;\d]{0,10}$", host.text[max(a, q.start - 12) : q.start])]  # 比上年预算3.84万元
            marked = [q for q in same if WHOLE_MARK.search(_BRACKETED.sub("", host.text[max(a, q.start - 14) : q.start]))]
            if not marked and len(same) >= 3:
                return None  # 地方委员会0.3万个，基层团委18.4万个，团支部349.0万个。其中…: the list's last item or its total
            return (marked or same or [None])[-1]
    return None


def _opening_bracket(text: str, pos: int) -> int | None:
    """Where the bracket holding *pos* opens, if *pos* is inside one."""
    if _depth(text, pos) == 0:
        return None
    level = 0
    for i in range(pos - 1, -1, -1):
        if text[i] in "）)":
            level += 1
        elif text[i] in "（(":
            if level == 0:
                return i
            level -= 1
    return None


def _total_of(st: Statement, part: Quantity, thing: str) -> Quantity | None:
    """共有幼儿园108所，其中普惠性幼儿园96所，占总园数的…: the marked whole whose name ends with 园."""
    found = [q for q in st.quantities if q.start < part.start and q.unit == part.unit
             and re.search(rf"(?:共|总|全|现)有?[\u4e00-\u9fff]{{0,8}}{thing}$", st.text[max(0, q.start - 12) : q.start])]
    return found[0] if len(found) == 1 else None




_CLAUSE_STOP = re.compile(r"[，,。；;]")


def _said(phrase: str) -> str:
    """How a share is said, for telling shares said alike: its noun, spaces copied into it ignored."""
    return _noun(re.sub(r"\s", "", phrase))


def _noun(phrase: str) -> str:
    """占留守儿童总数的 → 留守儿童; 占全校学生的 → 学生; 占 → ''."""
    return re.sub(r"^(?:全校|全县|全镇|全市|全区|全省|全国|全体|全部|本校|该校)|(?:总数|总人数|人数|总量|总额|总计|的|之|比例|比重|比|约|达|为)", "", phrase).strip()


def _earlier_whole(st: Statement, part: Quantity, s_start: int, sentences, noun: str,
                   total: bool = False, statements: list[Statement] | None = None, index: int = 0) -> tuple[Quantity | None, bool]:
    """The whole the share is of: a figure of the part's unit marked 共/总/全… just before; and whether it was
    chosen among several figures of that name (then only a one-keystroke slip is named).

    When the share names its whole (占留守儿童总数的…), the figure must be the one written after that name.
    """
    k = bisect_right(sentences, (s_start, -1))  # the sentence before the one starting at s_start
    prev_start = sentences[k - 1][0] if k and sentences[k - 1][1] <= s_start else 0

    if noun:  # the first figure written after that name is the whole (小学留守儿童… come after 留守儿童12751人)
        candidates = [q for q in st.quantities if q.start < part.start and q.unit == part.unit and _named(st.text, q, noun, after_de=True)]
        if total:  # 占教师总数的: only a figure written as a total (共有/总数为…) is the whole,
            marked = [q for q in candidates if TOTAL_MARK.search(st.text[max(0, q.start - 14) : q.start])]
            # or one whose clause is that name and nothing else (，留守儿童12751人，), not 中级职称的教师38人
            candidates = marked or [q for q in candidates if _named(st.text, q, noun)]
        if not candidates:
            return None, False
        # 规划改造面积31.04万…；通辽市规划改造面积23.49万…，已开工8.9万，占规划改造面积的37.97%: a figure with that
        # name nearer the share (qualified or not) is the share's whole; only a one-keystroke slip is named then
        nearer = [q for q in st.quantities_in(candidates[0].end, part.start) if q.unit == part.unit
                  and re.search(rf"{re.escape(noun)}[\s共有计为是达：:]*$", st.text[max(0, q.start - len(noun) - 4) : q.start])
                  and not re.match(r"[，,、\s]?占", st.text[q.end : q.end + 2])]  # 男性党员98人占党员总数64%: a sibling
        return (nearer[-1], True) if nearer else (candidates[0], False)
    # 占14.7% names no whole: only 全校116人，其中…17人，占14.7% says which one it is
    prev_start = max(prev_start, part.start - _REACH)
    candidates = [q for q in st.quantities_in(prev_start, part.start) if q.unit == part.unit
                  and (WHOLE_MARK.search(st.text[max(prev_start, q.start - 14) : q.start]) and "其中" in st.text[q.end : part.start]
                       or AMONG.match(st.text, q.end) or _THEN_AMONG.match(st.text, q.end))]
    # 委员1240名，其中女性委员562名，占比45.32%。主任168名，其中女主任79名，占比47.02%: the share's own sentence first
    candidates = [q for q in candidates if q.start >= s_start] or candidates
    if not candidates:
        # 1283名儿童中，…；184名视力不良，占比14.43%: 「…中，」 frames the whole sentence, across its ；
        full = max([part.start - _REACH] + [m.end() for m in _FULL_STOP.finditer(st.text, max(0, part.start - _REACH), part.start)])
        candidates = [q for q in st.quantities_in(full, part.start) if q.unit == part.unit
                      and (AMONG.match(st.text, q.end) or _AMONG_RIGHT.match(st.text, q.end))][:1]
    if not candidates:
        # 共收到问卷738份，同意的有718份，占97.29%，不同意的20份，占2.71%: the sentence opens with its total,
        # and every figure between is a sibling part with its own share
        opening = [q for q in st.quantities_in(max(s_start, part.start - _REACH), part.start) if q.unit == part.unit]
        if opening and TOTAL_MARK.search(st.text[max(s_start, opening[0].start - 12) : opening[0].start]) and all(
                _SIBLING.match(st.text, q.end) for q in opening[1:]) and opening[0] is not part:
            candidates = opening[:1]
    if not candidates:  # 决算为22.62万元。其中甲20.10万元，占88.86%；乙2.52万元，占11.14%: items of one 其中
        among = st.text.rfind("其中", 0, part.start)
        if among >= 0 and not re.search(r"[。！？!?]", st.text[among : part.start]):
            candidates = [q for q in st.quantities if q.end <= among and q.unit == part.unit
                          and _THEN_AMONG.fullmatch(st.text[q.end : among + 2])][-1:]
            if not candidates:
                # 收入合计617.85万元，较上年减少76.03万元…。其中：甲603.13万元，占97.6%；乙6.78万元，占1.1%: every
                # item of one 其中 shares the whole its first item was found to have
                first = next((q for q in st.quantities if among < q.start and q.unit == part.unit), None)
                if first is not None and first is not part:
                    head = _sentence_start(sentences, among)
                    candidates = [_earlier_whole(st, first, head, sentences, "")[0]] if head else []
                    candidates = [q for q in candidates if q is not None]
            if not candidates and statements is not None and not st.text[_sentence_start(sentences, among) : among].strip():
                found = whole_before(statements, index, among, part.unit)  # sentences away: only a one-keystroke slip is named
                return found, found is not None
    return (candidates[0] if len(candidates) == 1 else None), False


def check_share_lists(statements: list[Statement], explain: Explain | None = None) -> list[Finding]:
    """``专任教师中，正高208人、副高349人、中级522人，分别占18.72%、29.91%和44.73%``: each part of one whole.

    The parts are the figures listed right before 分别占, as many as the shares after it; the whole is
    named after 占 (…总数的) or by the sentence's 「…中，」 and found as a figure written after that name,
    in this statement or the two before. Anything less certain is left alone.
    """
    findings = []
    for k, st in enumerate(statements):
        qs, text = st.quantities, st.text
        for m in _RESPECTIVELY.finditer(text):
            pcts = _listed_after(text, [q for q in qs if q.unit == PERCENT and q.start >= m.end()], m.end())
            if len(pcts) < 2:
                continue
            s_start = _sentence_start(_sentences(text), m.start())
            before = [q for q in qs if s_start <= q.start and q.end <= m.start() and q.unit != PERCENT]
            parts = before[-len(pcts):]
            if (len(parts) != len(pcts) or len({q.unit for q in parts}) != 1 or not parts[0].unit
                    or not re.fullmatch(r"[\s，,]*(?:[\u4e00-\u9fff、]{1,8})?", text[parts[-1].end : m.start()])
                    or any(re.search(r"[。；;\d]", text[a.end : b.start]) for a, b in zip(parts, parts[1:]))):
                continue
            noun = _noun(text[m.end() : pcts[0].start])
            if not noun:
                head = _AMONG_HEAD.search(text[: parts[0].start])
                noun = head.group(1) if head else ""
            if not noun:
                continue
            whole = _named_before(statements, k, parts[0], noun, back=2, here=True)
            if whole is None:
                if explain is not None:
                    explain.skip(st, f"「分别占」的总数「{noun}」找不到")
                continue
            if not all(q.exact for q in (*parts, *pcts, whole)) or whole.value == 0 or sum(q.value for q in parts) > whole.value:
                continue
            for part, pct in zip(parts, pcts):
                finding = share_finding(st, part, whole, pct, quote=text[parts[0].start : pcts[-1].end])
                if finding:
                    findings.append(finding)
    return findings


_NAMED_RATE = re.compile(r"([\u4e00-\u9fff]{2})率\s*(?:为|是|达到?|达|约为|：|:)?\s*$")
_BRACKET_SHARE = re.compile(r"\s?[（(]\s?$")


def check_placed_shares(statements: list[Statement], explain: Explain | None = None) -> list[Finding]:
    """Shares whose whole the text does not name but places: a rate named after its part, and shares in brackets.

    * ``毕业生311194人，就业人数299503人，就业率为96.34%``: in one sentence, exactly two figures of one
      unit before the rate, the second written right after the rate's own word (就业, 立案, 入学…);
    * ``共检测学生922例，营养不良7例（0.8%），超重88例（9.5%）``: each count with its share in brackets,
      of the figure of that unit marked 共/总/合计/全 earlier in the sentence.

    Only a one-keystroke slip is reported: 入学率 leaves out the children excused from school, a
    bracketed share may be of another base, and a share far from the ratio is more often that than a slip.
    """
    findings = []
    for st in statements:
        sentences = _sentences(st.text)
        read_here: dict[int, list[tuple[Quantity, Quantity, Finding | None]]] = {}
        for i, pct in enumerate(st.quantities):
            if pct.unit != PERCENT or i == 0:
                continue
            read = _named_rate(st, i, sentences) or _bracketed_share(st, i, sentences)
            if read is None:
                continue
            part, whole, quote, name = read
            if not (part.exact and whole.exact and pct.exact) or whole.value == 0 or part.value > whole.value:
                continue
            finding = share_finding(st, part, whole, pct, quote=quote, name=name)
            if finding and finding.severity == "error" and _fits_another(st, part, whole, pct):
                finding = None  # the rate is of figures the reader also sees, not wrong
            if finding and not plausible(finding.stated, finding.computed, keystroke=True):
                # …上线130人，上线率71.43%: 130 of 182 — a keystroke in 187 — is a slip too, said so
                slip = slipped_count(part.value, whole.value, pct.value, pct.places)
                finding = share_finding(st, part, whole, pct, quote=quote, name=name, slip=slip) if slip else None
            read_here.setdefault(id(whole), []).append((part, pct, finding))
        for shares in read_here.values():
            if len(shares) > 1 and _other_base(shares) is not None:
                continue  # 参考264人…合格168人，合格率61%…优秀112人，优秀率41%: every rate is of 275 (enrolled?), not a slip
            findings.extend(f for _part, _pct, f in shares if f is not None)
    return findings


def _other_base(shares: list[tuple[Quantity, Quantity, Finding | None]]) -> int | None:
    """Several shares of one whole, some of them off: one other whole (a whole number) that gives every share
    as written, if there is one."""
    low, high = Decimal(0), Decimal("Infinity")
    for part, pct, _finding in shares:
        half = pct.resolution / 2
        if pct.value - half <= 0:
            return None
        low = max(low, part.value * 100 / (pct.value + half))
        high = min(high, part.value * 100 / (pct.value - half))
    if not any(f is not None for _p, _q, f in shares) or int(high) <= low:
        return None
    return int((low + high) / 2) if int((low + high) / 2) > low else int(high)


def _sentence_start(sentences, pos: int) -> int:
    k = bisect_right(sentences, (pos, float("inf")))  # sentences are (start, end) in order
    return sentences[k - 1][0] if k else 0


def _named_rate(st: Statement, i: int, sentences):
    text, pct = st.text, st.quantities[i]
    m = _NAMED_RATE.search(text[max(0, pct.start - 10) : pct.start])
    if not m:
        return None
    word = m.group(1)
    if word.endswith("比"):  # 参加比率: the rate's word is 参加
        before = re.search(r"([\u4e00-\u9fff]{2})比率\s*(?:为|是|达到?|达|约为|：|:)?\s*$", text[max(0, pct.start - 12) : pct.start])
        word = before.group(1) if before else word
    start = max(_sentence_start(sentences, pct.start), pct.start - 120)  # a whole 120 characters back is another clause's
    before = st.quantities_in(start, pct.start)
    reach = 14
    if len(before) > 2:
        # 34个项目全部开工，开工率为100%，竣工32个，竣工率94.12%; 共收回434份，其中满意327份，不满意107份，满意率…:
        # the part is the nearest figure written after the rate's own word (not after 不满意), the whole is the
        # sentence's first figure of its unit
        counts = [q for q in before if q.unit and q.unit != PERCENT]
        named = [q for k, q in enumerate(counts) if k and re.search(
            rf"(?<![不未没非无]){word}[^，,。；;\d]{{0,4}}$", text[max(start, counts[k - 1].end, q.start - 10) : q.start])]
        if not named:
            return None
        part = named[-1]
        wholes = [q for q in counts if q.unit == part.unit and q.end <= part.start and q.value]
        if not wholes:
            return None
        # 发放问卷276份，回收273份，其中满意267份，满意率97.8%（以回收问卷为基数）: the base may be any count before
        fits = [q for q in wholes if share_percent(part.value, q.value, pct.places) == pct.value]
        near = [q for q in wholes if plausible(pct.value, share_percent(part.value, q.value, pct.places), keystroke=True)]
        whole = (fits or near or wholes[:1])[-1]  # a slip is one keystroke from the nearest base that explains it
        between = [q for q in counts if q.start > part.end]
        if whole is part or any(q.unit != part.unit for q in between) or len(between) > 1:
            return None
        before, reach = [whole, part], 30
    if len(before) != 2 or before[0].unit != before[1].unit or not before[0].unit or before[0].unit == PERCENT:
        return None
    whole, part = before
    gap = text[part.end : pct.start]
    named = text[max(whole.end, part.start - 10) : part.start]
    if (word not in named or re.search(rf"(?:正在|尚未|未|不){word}", named) or re.search(r"[。；;]", gap) or len(gap) > reach
            or _depth(text, part.start) or _depth(text, pct.start)):
        return None
    if re.search(rf"(?<![不未没非无]){word}[^，,。；;\d]{{0,4}}$", text[max(start, whole.start - 10) : whole.start]):
        return None  # 已整改4处，正在整改2处，整改率66.7%: two kinds of the rate's own thing, of a whole before them
    return part, whole, st.quote(whole.start, pct.end).strip(), f"{word}率"


def _bracketed_share(st: Statement, i: int, sentences):
    qs, text, pct = st.quantities, st.text, st.quantities[i]
    part = qs[i - 1]
    if (not part.unit or part.unit == PERCENT or not _BRACKET_SHARE.search(text[part.end : pct.start])
            or not re.match(r"\s?[)）]", text[pct.end : pct.end + 2])
            or DELTA.search(text, max(0, part.start - 8), part.start)):
        return None  # 较去年32926人少1858人（5.64%）: the rate of a change, not a share of the total
    start = _sentence_start(sentences, part.start)
    marked = [q for q in qs[: i - 1] if q.start >= start and q.unit == part.unit
              and re.search(r"(?:共|总|合计|全)[^，,。；;\d]{0,8}$", text[max(start, q.start - 10) : q.start])]
    if not marked and start:
        # 在校生总数达2万450人。人数居前三的学院分别为工学院6135人（30.00%）、…: the total the sentence before ends with
        before = _sentence_start(sentences, start - 1)
        marked = [q for q in qs[: i - 1] if before <= q.start < start and q.unit == part.unit
                  and re.search(r"(?:总数|总人数|总计|合计|共计|共有)[^，,。；;\d]{0,4}$", text[max(before, q.start - 8) : q.start])][-1:]
        if marked and any(q.unit == part.unit for q in qs[: i - 1] if marked[0].end <= q.start < start):
            marked = []  # another count after the total: not sure it is the whole
    return (part, marked[-1], st.quote(part.start, pct.end).strip(), "占比") if marked else None


def _listed_after(text: str, pcts: list[Quantity], at: int) -> list[Quantity]:
    """The shares listed one after another from *at* (18.72%、29.91%和44.73%)."""
    run = []
    for q in pcts:
        gap = text[(run[-1].end if run else at) : q.start]
        if run and not _LIST_GAP.fullmatch(gap):
            break
        if not run and re.search(r"[，,。；;]", gap):
            break
        run.append(q)
    return run


def _named(text: str, q: Quantity, noun: str, after_de: bool = False) -> bool:
    """*q* is written right after *noun* as a word of its own: 现有专任教师1167人, ，留守儿童12751人,
    经费总收入18271.85万元, 2023年部门支出总预算1157.55万元 — not 中小学生 for 小学生, nor 中级职称的教师38人
    unless *after_de*."""
    window = max(0, q.start - len(noun) - 8)
    at = text.rfind(noun, window, q.start)
    if at < 0 or not re.fullmatch(r"[\s共有计为是达：:]*", text[at + len(noun) : q.start]):
        return False
    before = text[at - 1] if at else ""
    return (not before or not ("\u4e00" <= before <= "\u9fff") or before in "共有总计全为是" or after_de and before == "的"
            or noun.startswith("总")  # 总收入 names a total whatever comes before it
            or re.search(r"(?:全校|全县|全市|全区|全镇|全体|本校|该校|学校|部门|单位|本级|\d{4}年度?)$", text[window:at]) is not None)


def _span(q: Quantity) -> tuple[Decimal, Decimal]:
    """What a figure in 万 may stand for when a share is taken of it: 13万 is 12.5万 to 13.5万 (a budget's
    5万元 is exact, but a share is reckoned from the figures before they were rounded)."""
    if q.scale == 1:
        return q.value, q.value
    half = q.resolution / 2
    return q.value - half, q.value + half


def share_finding(st: Statement, part: Quantity, whole: Quantity, pct: Quantity, quote: str | None = None, name: str = "占比",
                  slip: tuple[Decimal, Decimal] | None = None):
    """The finding for share *pct* of *part* over *whole* at its written decimals: None, a truncation warning, or an error.
    With *slip* (a count one keystroke would put right, and what it would be) the error says so and offers no edit."""
    places = pct.places
    computed = share_percent(part.value, whole.value, places)
    if computed == pct.value:
        return None
    if part.scale > 1 or whole.scale > 1:  # 2.26万人 of 6.25万, 13万元 of 39万元: rounded figures, a range of shares
        (p_lo, p_hi), (w_lo, w_hi) = _span(part), _span(whole)
        half = pct.resolution / 2
        if w_lo > 0 and p_lo * 100 / w_hi - half <= pct.value <= p_hi * 100 / w_lo + half:
            return None
    truncated = (part.value * 100 / whole.value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_DOWN)
    written = pct.value.quantize(Decimal(1).scaleb(-places))  # 47.0 as written, not 47
    formula = f"{format_scaled(part.value, part.scale)}÷{format_scaled(whole.value, whole.scale)}"
    quote = quote or st.quote(part.start, pct.end).strip()
    if truncated == pct.value:
        return located(
            "arithmetic", "warning", st, pct.start, pct.end,
            f"{name}写作 {written}%，是 {formula} 截断所得；四舍五入应为 {computed}%",
            f"改为 {computed}%", quote=quote, stated=pct.value, computed=computed, difference=pct.value - computed, rule="SHARE",
        )
    if slip is not None:
        was, fits = (format_scaled(v, 1) for v in slip)
        suspect = part if slip[0] == part.value else pct  # (the part is in this statement; a whole may not be)
        return located(  # at the figure to check, where a sum that the same slip breaks is told too (one finding)
            "arithmetic", "error", st, suspect.start, suspect.end,
            f"{name}写作 {written}%，按 {formula} 计算应为 {computed}%；若 {was} 是 {fits} 之误，{name}正好相符",
            f"核对 {was}（为 {fits} 则与 {written}% 相符），或把{name}改为 {computed}%", quote=quote, stated=pct.value,
            computed=computed, difference=pct.value - computed, rule="SHARE",
        )
    return located(
        "arithmetic", "error", st, pct.start, pct.end,
        f"{name}写作 {written}%，按 {formula} 计算应为 {computed}%",
        f"改为 {computed}%", quote=quote, stated=pct.value, computed=computed, difference=pct.value - computed, rule="SHARE",
        edits=(figure_edit(st, pct, computed),),
    )


_FRACTION = re.compile(r"\s?[（(]\s?$")


def check_fraction_shares(statements: list[Statement]) -> list[Finding]:
    """女性47.0%（473/1162）, 33.3%（149/447=0.333）: a share with the fraction it was computed from beside it."""
    findings = []
    for st in statements:
        qs = st.quantities
        by_whole: dict[Decimal, list[tuple[Quantity, Quantity, Finding | None, Quantity]]] = {}
        for i, pct in enumerate(qs[:-2]):
            part, whole = qs[i + 1], qs[i + 2]
            if pct.unit != PERCENT or part.unit or whole.unit or whole.value == 0 or not all(q.exact for q in (pct, part, whole)):
                continue
            if not (_FRACTION.match(st.text[pct.end : part.start]) and re.fullmatch(r"\s?[/／]\s?", st.text[part.end : whole.start])
                    and re.match(r"\s?[）)=＝]", st.text[whole.end : whole.end + 2])):
                continue
            found = share_finding(st, part, whole, pct, quote=st.quote(pct.start, whole.end + 1).strip(), name="比例")
            by_whole.setdefault(whole.value, []).append((part, pct, found, whole))
        for group in by_whole.values():
            wrong = [f for _p, _q, f, _w in group if f is not None]
            base = _other_base([(p, q, f) for p, q, f, _w in group]) if len(wrong) >= 2 else None
            if base is None:
                findings.extend(wrong)
                continue
            # 6.12%（2346/38474）、9.43%（3613/38474）、0.89%（340/38474）: none fits 38474, all fit about 38318
            whole = group[0][3]
            shares = "、".join(f"{q.value.quantize(Decimal(1).scaleb(-q.places))}%" for _p, q, _f, _w in group)
            findings.append(located(
                "arithmetic", "warning", st, whole.start, whole.end,
                f"这几个比例（{shares}）与所写分母 {format_scaled(whole.value, whole.scale)} 算出的都不一致，却都与按同一个分母（约 {base}）算出的相符："
                f"可能是分母写错了",
                f"核对分母 {format_scaled(whole.value, whole.scale)}：如果应为约 {base}，改正分母；否则按 {format_scaled(whole.value, whole.scale)} 重新计算这几个比例",
                quote=st.quote(group[0][1].start, whole.end + 1).strip(), rule="SHARE",
            ))
    return findings


_COMPLEMENT = re.compile(r"不(满意|合格|同意|赞成|支持|了解|清楚)")
_SHARE_ITEM = re.compile(r"(?P<label>[\u4e00-\u9fff]{1,8})\s*[：:]?\s*(?:占|为|的)?\s*$")


def check_share_sets(statements: list[Statement]) -> list[Finding]:
    """满意81%、基本满意9%、不满意0%: shares of answers that cover every case must add up to 100 %.

    Only lists that name a case and its negation (满意 … 不满意, 合格 … 不合格) are taken
    as complete; the sum may differ from 100 by the rounding of each share, no more.
    """
    findings = []
    for st in statements:
        pcts = [q for q in st.quantities if q.unit == PERCENT]
        for run in _runs(st, pcts):
            labels = [_SHARE_ITEM.search(st.text[max(0, q.start - 10) : q.start]) for q in run]
            if any(m is None for m in labels):
                continue
            names = [m.group("label") for m in labels]
            negated = [_COMPLEMENT.search(n) for n in names]
            if not any(negated) or not any(neg and any(neg.group(1) in other for other in names if other != n)
                                             for n, neg in zip(names, negated)):
                continue
            if not all(q.exact for q in run):
                continue
            total = sum((q.value for q in run), Decimal(0))
            slack = sum(q.resolution for q in run) / 2
            if abs(total - 100) <= slack:
                continue
            last = run[-1]
            findings.append(located(
                "arithmetic", "error", st, last.start, last.end,
                f"各项占比 {'＋'.join(f'{q.value}%' for q in run)} = {total}%，涵盖全部情况的占比应合计 100%",
                "核对各项人数和占比", quote=st.quote(run[0].start - len(names[0]), last.end).strip(),
                stated=total, computed=Decimal(100), difference=total - 100, rule="SHARE-SET",
            ))
    return findings


def _runs(st: Statement, pcts: list[Quantity]) -> list[list[Quantity]]:
    """Percentages listed one after another in one sentence."""
    runs, current = [], []
    for q in pcts:
        if current and re.search(r"[。；;！？]", st.text[current[-1].end : q.start]):
            runs.append(current)
            current = []
        current.append(q)
    if current:
        runs.append(current)
    return [r for r in runs if len(r) >= 2]
