"""Outline labels (一、 （一） 1. （1） ①) and the numbering check.

:func:`label_of` is the kit's one answer to "is this line a heading or an
item, and which": the importer, the budget reader and the numbering check
all ask it. ``1、2015年4月1日前`` and ``2、8点半集合`` are items followed by
figures; ``三、四年级学生20人``, ``1.5万元`` and ``2023.12.30`` are not labels.

The numbering check reads documents as they are found on the web and in
offices, and speaks only about what is certainly wrong:

* a page may hold several texts (a title line such as ``…方案2``, 篇2,
  第2篇, 方案二) and an excerpt may start or stop mid-list: every list
  starts wherever it is first seen, and a title, 附件 or a hidden-text
  marker starts everything afresh;
* a list restarts at 1 under a new heading, labelled or not, or written straight before its first
  item (``实施步骤1. 确定主题``): never a finding;
* a heading run into the previous line (``…工作。三、组织领导``) counts; three or more labels inside one
  line are a list written inline (``目的在于：一、…。二、…。四、…``), checked on its own: only when it
  starts at 1 and breaks exactly once;
* a skip (七、 then 九、) or a duplicate (two 三、) is reported, unless the
  missing label is written somewhere in between; going backwards is left
  alone (it is more often two lists than one mistake). When the label a skip
  lacks is a parent heading whose children restarted, the message says so.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import NamedTuple

from ..cnnum import ChineseNumberError, chinese_int, parse_cn_int
from ..findings import Edit, Finding
from .lines import Prepared, finding

_CN = "一二三四五六七八九十"
ENUMERATION = 6  # 一是…；二是…；三是…: points counted in running prose, never an outline level
_LEAD = r"[\s\u3000]*(?:#{1,6}\s*)?(?:[•●▪◆■★]\s*)?"  # ## 二、 (markdown), • (一) (a bullet before the label)
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
STYLES = (  # (level, pattern); the level is the customary depth, 1 the outermost, 0 the articles of a rule
    (0, re.compile(_LEAD + rf"(?P<open>第)\s?(?P<n>[{_CN}]{{1,3}})\s?(?P<close>条)")),  # 第二 条: a space in OCR text
    (1, re.compile(_LEAD + rf"(?P<n>[{_CN}]{{1,3}})(?P<sep>[、.．]|[:：](?=\s*[\u4e00-\u9fff]))(?![{_CN}]+(?:[、至到和与]|年级|级|类|档|等奖|个|月)|\d|[{_CN}]*年级)")),
    (2, re.compile(_LEAD + rf"(?P<open>[（(])\s?(?P<n>[{_CN}]{{1,3}})\s?(?P<close>[）)])")),  # ( 二): a space in a web copy
    (3, re.compile(_LEAD + r"(?P<n>\d{1,2})(?P<sep>\s?[、]|\s[.．](?=\s?[\u4e00-\u9fff])|[,，](?=[\u4e00-\u9fff])|[.．](?![\d０-９])(?!\s+[\d０-９]+\s*[%％]?\s*$)|[.．](?=\d{1,4}[年月日]|\d{1,2}[:：点时]))(?!\d+(?:年级|个年级))")),
    (4, re.compile(_LEAD + r"(?P<open>[（(])\s?(?P<n>\d{1,2})\s?(?P<close>[）)])")),
    (5, re.compile(_LEAD + rf"(?P<n>[{_CIRCLED}])")),
)
LEVEL_NAMES = {0: "条款序号（第一条）", 1: "一级标题（一、）", 2: "二级标题（（一））", 3: "三级序号（1.）", 4: "四级序号（（1））", 5: "圈码序号（①）",
               ENUMERATION: "列举（一是、二是）"}
RESTART = re.compile(r"^[\s\u3000]*附件|此处已?隐藏|\s第[一二三四五六七八九十\d]+部分|篇[一二三四五六七八九十\d]+\s*$|^[\s\u3000【\[]*(?:篇|第)[一二三四五六七八九十\d]+(?![条款章节项])篇?[】\]]?")
_TITLE_WORDS = re.compile(
    r"(?:方案|总结|计划|通知|报告|细则|办法|意见|要点|汇报|讲话|规划|制度|范文|章程|决定|倡议书|安排|标准|小结)"
    r"\s*(?:[（(【\[]?(?:精选|通用|优秀)?\s*(?:篇|第)?\s*[\d一二三四五六七八九十]+\s*篇?[)）】\]]?)?\s*$"
)


_BARE_HEADING = re.compile(r"^[\s\u3000]*[\u4e00-\u9fff]{2,12}[\s\u3000]*$")  # 主要任务: a heading written without a number
_CONTENTS = re.compile(r"…{3,}|\.{6,}|·{6,}|．{4,}|(?:…|\.{3,}|·{3,})\s*(?:第\s*)?[\d\-－–]+\s*[页頁]?\s*$")


def _style(label: "Label") -> str:
    """How a label is punctuated: 2、 and 2. begin different lists; 三: is a 三、 typed in haste."""
    return "." if label.text.rstrip()[-1:] in ".．,，" else "、"


class Label(NamedTuple):
    level: int
    number: int
    text: str  # as written: （三）
    start: int
    end: int

    def renumbered(self, n: int) -> str:
        """The same label style with number *n*: （三） → （二）, 3、 → 2、."""
        if self.level == 5:
            return _CIRCLED[n - 1] if 1 <= n <= len(_CIRCLED) else f"（{n}）"
        if self.level == ENUMERATION:
            return f"{chinese_int(n)}是"
        written = chinese_int(n) if self.level <= 2 else str(n)
        text = re.sub(r"[:：]$", "、", self.text) if self.level == 1 else self.text  # 三: is a 三、 typed in haste
        return re.sub(rf"[{_CN}]+|\d+", written, text, count=1)


def label_of(text: str, pos: int = 0) -> Label | None:
    """The outline label at *pos* of *text* (its start by default), if any."""
    for level, pattern in STYLES:
        m = pattern.match(text, pos)
        if not m:
            continue
        digits = m.group("n")
        try:
            if level == 5:
                number = _CIRCLED.index(digits) + 1
            else:
                number = int(digits) if digits.isdigit() else parse_cn_int(digits)
        except ChineseNumberError:
            continue
        body_start = m.start("open") if "open" in m.groupdict() and m.group("open") else m.start("n")
        return Label(level, number, text[body_start : m.end()].rstrip(), body_start, m.end())
    return None


def is_title(text: str) -> bool:
    """A line that starts a new text on the page: a document title or 篇2 / 第2篇 / 方案二."""
    s = text.strip()
    if not s or label_of(s) or len(s) > 40 or s[-1] in "。，；：,;:！？":
        return False
    return bool(_TITLE_WORDS.search(s) or RESTART.search(s))


_HEADING_AHEAD = rf"(?=[{_CN}]{{1,3}}、|[（(][{_CN}]{{1,3}}[）)])"  # 三、 or （三） comes next
_RUN_IN = re.compile(rf"(?<=[。！!；;])\s*(?:{_HEADING_AHEAD}|(?=第\s?[{_CN}]{{1,3}}\s?条(?!规定|的|之|所|中)))")  # …。 第二 条 …
_GLUED_FIRST = re.compile(r"[\s\u3000]*[\u4e00-\u9fff]{2,8}[:：]?\s?(?=[1１][.．、](?![\d０-９]))")  # 说明：1.…
_INLINE = re.compile(rf"(?<=[。！!；;：:])\s*{_HEADING_AHEAD}"  # …目的在于：一、…
                     rf"|(?<=[。！!；;：:\s则章])\s*(?=第\s?[{_CN}]{{1,3}}\s?条(?!规定|的|之))"  # 总则第一条 …。第二条 …: not 《…法》第十二条规定
                     r"|(?<=[\u4e00-\u9fff])(?=第一条\s)")  # 考核办法第一条 为了…: the first article glued to the title


def _run_in(text: str, after: re.Pattern = _RUN_IN) -> tuple[list[Label], list[Label]]:
    """The label at the start of a line (a list of at most one) and the labels run into it after a full stop
    (with *after* = :data:`_INLINE`, also after a colon)."""
    found = []
    first = label_of(text)
    glued = _GLUED_FIRST.match(text) if first is None else None
    if glued:  # 实施步骤1. 研究目的…: a short heading written straight before the first item of a new list
        first = label_of(text, glued.end())
        first = first if first is not None and first.number == 1 and first.level >= 3 else None
    if first:
        found.append(first)
    run_in = []
    for m in after.finditer(text):
        label = label_of(text, m.end())
        before = text[: m.end()]
        quoted = before.count("「") > before.count("」") or before.count("“") > before.count("”")
        if label and label.level <= 2 and (not found or label.start > found[0].end) and not quoted:
            run_in.append(label)  # …准则第11条规定：「…：一、…。二、…」: a list quoted from a rule is the rule's
    return found, run_in


def labels_in(text: str) -> list[Label]:
    """The label at the start of a line and any heading run into it after a full stop."""
    found, run_in = _run_in(text)
    if len(run_in) >= 3:
        return found  # 目的在于：一、…。二、…。三、…；问卷包含：一、…；二、…: lists written inline, not headings run in
    return found + run_in


_ENUMERATED = re.compile(rf"(?:^|(?<=[。；;！!？?\s：:，,]))([{_CN}]{{1,3}})是(?![否的])")  # 一是…；二是…


_ITEM_AFTER_STOP = re.compile(r"(?:^|(?<=[。！!；;：:]))\s*(?=[（(]\d{1,2}[）)])")


def _bracketed_items(text: str) -> list[Label]:
    """(1)抓好学习…。(2)做好帮扶…: numbered points written one after another in one paragraph."""
    found = []
    for m in _ITEM_AFTER_STOP.finditer(text):
        label = label_of(text, m.end())
        if label is not None and label.level == 4:
            found.append(label)
    return found


def _enumeration(text: str) -> list[Label]:
    """一是投资120万元…。二是…。三是…: the points of an enumeration written in running prose."""
    found = []
    for m in _ENUMERATED.finditer(text):
        try:
            found.append(Label(ENUMERATION, parse_cn_int(m.group(1)), m.group(), m.start(), m.end()))
        except ChineseNumberError:
            continue
    return found


def _inline_lists(prepared: list[Prepared]) -> list[Finding]:
    """目的在于：一、…。二、…。四、…: a list written inside one line is checked on its own, apart from the
    document's outline, and only when it starts at 1 and breaks exactly once (one skip or one duplicate).
    So is an enumeration in prose (一是…二是…四是…), whose points are no outline labels."""
    out = []
    for at in prepared:
        found, run_in = _run_in(at.text, _INLINE)
        if _CONTENTS.search(at.text):
            continue
        points = _enumeration(at.text)
        items = _bracketed_items(at.text)
        if len(run_in) < 3 and len(points) < 3 and len(items) < 3:
            continue
        if len(run_in) < 3:
            found, run_in = [], []
        # 目的在于：一、…；二、…；三、…。三、主要措施: a heading of the outline run in after an inline list closed — its
        # number is no higher than the list's last, and a full stop, not a ；, comes before it
        listed = [label for label in run_in if at.text[: label.start].rstrip()[-1:] in "；;：:"]
        if len(listed) >= 2 and any(at.text[: label.start].rstrip()[-1:] in "；;" for label in listed):
            last = listed[-1]
            run_in = [label for label in run_in if not (label.start > last.start and label.level == last.level
                      and label.number <= last.number and at.text[: label.start].rstrip()[-1:] in "。！!？?")]
        if len(items) >= 3 and not any(label.level == 4 for label in found + run_in):
            run_in = sorted(run_in + items, key=lambda label: label.start)  # …。(1)贯彻…。(2)积极…。(4)总结…
        lists: dict[int, list[list[Label]]] = {ENUMERATION: [[]]}
        outer: list[Label] | None = None  # the enumeration a nested one (…有2家：一是…；二是…。) interrupts
        for point in points:
            current = lists[ENUMERATION][-1]
            if outer is not None and re.search(r"[。！!？?]", at.text[current[-1].end : point.start]):
                runs = lists[ENUMERATION]  # the sentence of the nested points is over: the outer goes on
                runs.append(runs.pop(next(k for k, r in enumerate(runs) if r is outer)))
                outer, current = None, outer
            if point.number == 1 and current:
                if outer is None and re.search(r"[：:]\s*$", at.text[: point.start]):
                    outer = current  # 规模企业有2家：一是…；二是…: points of the point before, within its sentence
                lists[ENUMERATION].append([])  # a second enumeration in the same paragraph starts again at 一是
            lists[ENUMERATION][-1].append(point)
        for label in found + run_in:
            for deeper in [d for d in lists if d > label.level]:
                lists[deeper].append([])  # a deeper list starts afresh under each new heading
            runs = lists.setdefault(label.level, [[]])
            if runs[-1] and _style(runs[-1][-1]) != _style(label):
                runs.append([])
            runs[-1].append(label)
        for runs in lists.values():
            for labels in runs:
                broken = _one_break(labels)
                if broken is None:
                    continue
                k, what = broken
                label, before = labels[k], labels[k - 1]
                if what.startswith("跳号") and label.renumbered(before.number + 1) in at.text[before.end : label.start]:
                    continue  # …6、摄影：李丹 四、参加人员: the label is there, only not after a full stop
                out.append(_finding(at, label, what + "（同一段内的列表）", before.number + 1))
    return out


def _one_break(labels: list[Label]) -> tuple[int, str] | None:
    """A list that starts at 1 and breaks exactly once — one skip, one duplicate, or one label written as the
    next-but-one (一是…三是…三是…四是) — as (the index of the label at fault, what is wrong with it)."""
    numbers = [label.number for label in labels]
    if len(labels) < 3 or numbers[0] != 1:
        return None
    breaks = [(k, numbers[k] - numbers[k - 1]) for k in range(1, len(numbers)) if numbers[k] != numbers[k - 1] + 1]
    mislabelled = len(breaks) == 2 and breaks[0][1] == 2 and breaks[1] == (breaks[0][0] + 1, 0)
    repeated = len(breaks) == 2 and breaks[0][1] == 0 and breaks[1] == (breaks[0][0] + 1, 2)
    if not (mislabelled or repeated) and (len(breaks) != 1 or breaks[0][1] not in (0, 2)):
        return None
    k, step = breaks[0]  # 二是…二是…四是: the second 二是 is the 三是 (a duplicate, and no skip after all)
    label, before = labels[k], labels[k - 1]
    if mislabelled:  # 第一条…第二条…第四条…第四条…第五条: the first 第四条 is the 第三条
        return k, f"跳号：前面缺少「{label.renumbered(before.number + 1)}」，后面又有一个「{label.text}」"
    return k, (f"与上一个{LEVEL_NAMES[label.level]}「{before.text}」重复" if step == 0
               else f"跳号：前面缺少「{label.renumbered(before.number + 1)}」")


def _enumerations_by_line(prepared: list[Prepared]) -> list[Finding]:
    """一是加强组织领导。…⏎二是…⏎四是…: points of an enumeration, one paragraph each. A run starts at 一是 and ends
    at the next outline label or title; it is checked like a list in one paragraph: from 1, broken once."""
    out, run = [], []

    def judge() -> None:
        broken = _one_break([label for _, label in run])
        if broken is not None:
            k, what = broken
            out.append(_finding(run[k][0], run[k][1], what, run[k - 1][1].number + 1))

    for at in prepared:
        points = _enumeration(at.text)
        if not points or at.text[: points[0].start].strip():
            if run and (label_of(at.text) is not None or is_title(at.text)):
                judge()
                run = []
            continue
        if len(points) > 1:
            continue  # 一是…二是… within the paragraph: the list in one paragraph is checked on its own
        label = points[0]
        if label.number == 1 and run:
            judge()
            run = []
        run.append((at, label))
    judge()
    return out


_SPLIT_ARTICLE = re.compile(rf"(?<=[。！!；;])\s*第\s?(?P<n>[{_CN}]{{1,3}})\s*$")
_QUOTE_SPAN = 40  # lines a quotation may run over: an opening mark left unclosed longer is a stray one


def _quoted_lines(texts: list[str]) -> set[int]:
    """The lines that start inside a quotation running over several lines (…修改如下：“第三条 …⏎第五条 …”):
    their labels are the quoted text's, not the document's."""
    quoted: set[int] = set()
    i = 0
    while i < len(texts):
        depth = texts[i].count("“") + texts[i].count("「") - texts[i].count("”") - texts[i].count("」")
        if depth <= 0:
            i += 1
            continue
        j = i + 1
        while j < len(texts) and j - i <= _QUOTE_SPAN and depth > 0:
            depth += texts[j].count("“") + texts[j].count("「") - texts[j].count("”") - texts[j].count("」")
            j += 1
        if depth > 0:
            i += 1  # never closed: a stray mark, not a quotation
            continue
        quoted.update(range(i + 1, j))
        i = j
    return quoted


def _in_english(text: str) -> bool:
    """A line written in Latin letters, a few words or more: no item of a Chinese outline."""
    letters = re.findall(r"[A-Za-z]+", text)
    rest = re.sub(r"[\sA-Za-z0-9.,;:()（）、'\-]", "", text)
    return len(letters) >= 2 and sum(map(len, letters)) >= 8 and len(rest) <= 1


def check_numbering(prepared: list[Prepared]) -> list[Finding]:
    """Skips, duplicates and swaps of outline numbers, list by list."""
    events: list[tuple[int, Label | None]] = []  # (line index, label); None starts everything afresh
    quoted = _quoted_lines([at.text for at in prepared])
    for i, at in enumerate(prepared):
        if _CONTENTS.search(at.text) or i in quoted:
            continue  # 三、平衡表……… 第12頁: an entry of a table of contents, whatever order the page kept it in
        if _in_english(at.text):
            events.append((i, None))  # 2. 北京大学社会学系⏎2. Department of Sociology: a translation, numbered alike
            continue
        restart = RESTART.search(at.text)
        if is_title(at.text) or restart and not label_of(at.text):
            events.append((i, None))
            continue
        if restart:  # 五、…表(一) 六、…表(二) 第三部分 …说明 一、…: the labels before it close the old text
            labels = labels_in(at.text)
            events.extend((i, label) for label in labels if label.start < restart.start())
            events.append((i, None))
            events.extend((i, label) for label in labels if label.start >= restart.start())
            continue
        events.extend((i, label) for label in labels_in(at.text))
        split = _SPLIT_ARTICLE.search(at.text)
        if split and i + 1 < len(prepared) and prepared[i + 1].text.lstrip().startswith("条"):
            # …占总积分的30%。第四⏎条 有下列情形…: an article run into the line before, cut by the page's width
            try:
                number = parse_cn_int(split.group("n"))
            except ChineseNumberError:
                continue
            events.append((i, Label(0, number, split.group().strip(), split.start() + len(split.group()) - len(split.group().lstrip()), split.end())))
    findings: list[tuple[int, int, Finding]] = []  # (level, run, finding)
    run: dict[int, int] = {}  # level -> the event that started the list being read
    numbers: dict[tuple[int, int], list[int]] = {}  # (level, run) -> the numbers written in it
    last: dict[int, tuple[int, int, Label]] = {}  # level -> (highest number, line index, label)
    restarted: dict[int, int] = {}  # level -> line index where a child list restarted without a parent
    deferred: dict[int, set[int]] = {}  # level -> numbers written later than their place (a swap)
    texts = [at.text for at in prepared]
    second_one: dict[int, tuple[int, int, Label, Label]] = {}  # level -> a 1 right after a lone 1 (k, line, it, the first)
    suspended: dict[int, list[int]] = {}  # level -> lists left for a nested list written in the same style
    after_duplicate: dict[int, int] = {}  # level -> the number just written twice
    bare = [bool(_BARE_HEADING.match(t)) and not is_title(t) for t in texts]
    under_bare: set[int] = set()  # levels whose list opened right under a heading written without a number
    moved: dict[int, int] = {}  # level -> the last number told as out of order
    told_with_block: set[int] = set()  # findings of labels moved with the one before them
    for k, (i, label) in enumerate(events):
        if label is None:
            last.clear(), restarted.clear(), deferred.clear(), second_one.clear(), after_duplicate.clear(), suspended.clear()
            under_bare.clear()
            continue
        at, level, n = prepared[i], label.level, label.number
        end = _range_end(at.text, label)  # 第七条至第十条: the last article of a range, or None
        previous = last.get(level)
        if previous is not None and level in under_bare and any(bare[previous[1] + 1 : i]):
            # 代表条件 一、二、 主要任务 大会议程 四、: a list under unnumbered headings ends at the next one;
            # what follows the next heading is another list, here cut from a longer page
            previous = None
            for deeper in [d for d in last if d >= level]:
                del last[deeper]
        if n == 1 or previous is None:
            opened_under = _heading_before(texts, i, bare)
            under_bare.discard(level) if not opened_under else under_bare.add(level)
        if previous is not None and _style(previous[2]) != _style(label):
            # 1.免缴… 2.低收… then 2、学期初… 3、…: a list written with other punctuation is another list
            previous = None
            for deeper in [d for d in last if d >= level]:
                del last[deeper]
        waiting = suspended.get(level)
        if previous is not None and waiting and n == waiting[-1] + 1 and n != previous[0] + 1 and _goes_on(events, k, level, n):
            # 2.活动内容 1.学习 2.实践 3.文体 3.组织与管理: the outer list, left for a nested one, goes on
            waiting.pop()
            previous = None
            run[level] = k
        elif n == 1 and previous is not None and previous[0] >= 2 and (
                _introduces(texts[previous[1]], previous[2]) or _introduced_between(texts, previous[1], i)):
            suspended.setdefault(level, []).append(previous[0])
        if n == 1 or previous is None:
            run[level] = k
        numbers.setdefault((level, run[level]), []).append(n)
        if previous is not None:
            before, where, prev_label = previous
            pending = second_one.pop(level, None)
            if pending and n == 3 and before == 1:  # 一、一、三、: the second 一 was meant as 二, no skip before 三
                pk, pi, plabel, first = pending
                found = _finding(prepared[pi], plabel, f"与上一个{LEVEL_NAMES[level]}「{first.text}」重复", 2)
                findings.append((level, run.get(level, 0), replace(found, edits=_renumbering(prepared, events, pk, level, 2))))
                before = 2
            if n == before and n > 1 and end:
                pass  # 第七条至第十条 … 第十条至第二十条: ranges of a summary may share an end
            elif n == before and n > 1:
                found = _finding(at, label, f"与上一个{LEVEL_NAMES[level]}「{prev_label.text}」重复", before + 1)
                findings.append((level, run.get(level, 0), replace(found, edits=_renumbering(prepared, events, k, level, before + 1))))
                after_duplicate[level] = n  # 三、三、五: the 五 after it is the same mistake, not a second one
            elif n == 1 and before == 1:
                second_one[level] = (k, i, label, prev_label)
            elif n == before + 2 and after_duplicate.get(level) == before:
                pass
            elif n > before + 1:
                later = _later_numbers(events, k, level)
                missing = set(range(before + 1, n))
                if missing & later:
                    deferred.setdefault(level, set()).update(missing & later)
                elif n > before + 3:
                    pass  # 3 / 7、退休116张 (a figure broken over two lines): four missing at once is no slip
                elif n == before + 2 and (lost := _lost_numeral(prepared, where, i, label, before + 1)) is not None:
                    if lost is not _WRAPPED:
                        findings.append((level, run.get(level, 0), lost))
                elif not _written_between(texts, where, i, label, before, n):
                    lost_parent = restarted.get(level)
                    found = _finding(at, label, _skip_text(label, before, n, lost_parent, prepared), before + 1)
                    if lost_parent is None:  # a missing heading is for a person to write, not to renumber around
                        found = replace(found, edits=_renumbering(prepared, events, k, level, before + 1))
                    findings.append((level, run.get(level, 0), found))
            elif n < before and n in deferred.get(level, set()):
                deferred[level].discard(n)
                found = _finding(at, label, f"顺序颠倒：排在「{prev_label.text}」之后", n, swap=True)
                findings.append((level, run.get(level, 0), found))
                if moved.get(level) == n - 1:  # 二、五、六、三、四、: one block out of place, told once at its first label
                    told_with_block.add(id(found))  # (counted still, below, as a break of its list)
                moved[level] = n
            elif n == 1 and level > 1 and (level - 1) in last:
                restarted.setdefault(level - 1, i)
        if n == 1 or previous is None or n > previous[0] or end:
            last[level] = (end or n, i, label)
        for deeper in [d for d in last if d > level]:
            del last[deeper]
        for deeper in [d for d in suspended if d > level]:
            del suspended[deeper]
        for deeper in [d for d in restarted if d >= level]:
            del restarted[deeper]
    mixed = _interleaved(events, prepared)
    findings = [(level, r, f) for level, r, f in findings if (level, f.paragraph, f.line) not in mixed]
    outline = [f for f in _believable(findings, numbers) if id(f) not in told_with_block]
    seen = {(f.paragraph, f.line, f.span) for f in outline}
    inline = [f for f in _inline_lists(prepared) + _enumerations_by_line(prepared) if (f.paragraph, f.line, f.span) not in seen]
    return outline + inline


def _heading_before(texts: list[str], i: int, bare: list[bool]) -> bool:
    """Whether the last line before *i* with text on it is a heading written without a number."""
    for j in range(i - 1, -1, -1):
        if texts[j].strip():
            return bare[j]
    return False


def _interleaved(events: list[tuple[int, Label | None]], prepared: list[Prepared]) -> set[tuple[int, int, int]]:
    """收支决算总表 flattened one cell per line: 一、财政拨款收入 一、一般公共服务支出 二、外交支出 二、上级补助收入
    三、国防支出…: two lists of one level written alternately. Their labels, as (level, paragraph, line), are no
    outline of the document.

    Within a stretch of one level (up to a fresh start or a label further out), a run of labels is two such
    lists when its numbers split, read in turn, into two runs each counting up by one, with a number written
    twice in a row at least twice (one 三、三、 is a duplicate; 一、一、二、二、 is two columns). The outline may
    go on after the table (三、收支情况说明 after 二、…总表): the run ends where the split stops."""
    found: set[tuple[int, int, int]] = set()
    stretches: dict[int, list[tuple[int, Label]]] = {}

    def close(level: int) -> None:
        stretch = stretches.pop(level, [])
        numbers = [label.number for _, label in stretch]
        start = 0
        while start < len(numbers) - 3:
            ends: list[int] = []
            end = start
            for n in numbers[start:]:
                if ends and n == ends[0] + 1:
                    ends[0] = n
                elif len(ends) > 1 and n == ends[1] + 1:
                    ends[1] = n
                elif len(ends) < 2 and (not ends or n <= ends[0]):
                    ends.append(n)  # the second column starts at or below where the first stands
                else:
                    break
                end += 1
            doubled = sum(1 for a, b in zip(numbers[start:end], numbers[start + 1 : end]) if a == b)
            if end - start >= 4 and doubled >= 2:
                found.update((level, prepared[i].line.paragraph, prepared[i].line.line) for i, _ in stretch[start:end])
                start = end
            else:
                start += 1

    for i, label in events:
        if label is None:
            for level in list(stretches):
                close(level)
            continue
        for level in [d for d in stretches if d > label.level]:
            close(level)
        stretches.setdefault(label.level, []).append((i, label))
    for level in list(stretches):
        close(level)
    return found


def _introduced_between(texts: list[str], item: int, at: int) -> bool:
    """5.三人四足…⏎规则：⏎1.…: a short line of its own ending with a colon, after an item, may open a nested list
    (or a new one: 活动程序：⏎1.…; :func:`_goes_on` tells them apart when the outer list seems to resume)."""
    lines = [t.strip() for t in texts[item + 1 : at] if t.strip()]
    return bool(lines) and lines[-1].endswith(("：", ":")) and label_of(lines[-1]) is None and len(lines[-1]) <= 20


def _goes_on(events: list[tuple[int, Label | None]], k: int, level: int, n: int) -> bool:
    """An outer list seen to resume at *n* goes on as one: the next label of its level, if any, is n + 1 or a
    new list's 1 (活动程序：1、2、6、3、5、4、: the 5 belongs to the muddled new list, not to the list before)."""
    for _, label in events[k + 1 :]:
        if label is None:
            return True
        if label.level == level:
            return label.number in (n + 1, 1)
        if label.level < level:
            return True
    return True


_RANGE_TO = re.compile(rf"\s*(?:至|到|—|－|-|~|～)\s*第\s?([{_CN}]{{1,3}}|\d{{1,3}})\s?条")


def _range_end(text: str, label: Label) -> int | None:
    """第七条至第十条：…: a summary of several articles; the list goes on after the last."""
    m = _RANGE_TO.match(text, label.end)
    if not m or not label.text.startswith("第"):
        return None
    try:
        end = int(m.group(1)) if m.group(1).isdigit() else parse_cn_int(m.group(1))
    except ChineseNumberError:
        return None
    return end if end > label.number else None


def _introduces(text: str, label: Label) -> bool:
    """2.活动内容的设计 (short, no full stop): an item that heads a nested list, not one that says something."""
    body = text[label.end :].strip()
    if body.endswith(("：", ":")):
        return True  # 4.关于推荐人选。会议明确推荐规则：⏎1.…: an item ending with a colon opens its own list
    return 0 < len(body) <= 20 and not re.search(r"[。；;！？!?，,：:]", body)


def _believable(findings: list[tuple[int, int, Finding]], numbers: dict[tuple[int, int], list[int]]) -> list[Finding]:
    """Drop the findings of a list that breaks three times or more, unless it is a shuffle of 1…N.

    Real documents slip once or twice, or shuffle items (1、2、6、3、5、4、7、8); labels that
    break again and again otherwise are not a list this reading understood (two columns of a
    table interleaved, decimals written ``95. 5`` at the start of lines).
    """
    per_list = Counter((level, at) for level, at, _ in findings)
    kept = []
    for level, at, f in findings:
        written = numbers.get((level, at), [])
        if per_list[(level, at)] < 3 or sorted(written) == list(range(1, len(written) + 1)):
            kept.append(f)
    return kept


def _renumbering(prepared: list[Prepared], events: list[tuple[int, Label | None]], k: int, level: int, first: int) -> tuple[Edit, ...]:
    """Edits numbering label *k* as *first* and the rest of its list consecutively after it (七、九、十一 → 七、八、九).

    Nothing when the rest of the list goes backwards somewhere (a swap is for a person to order).
    """
    labels = []
    for i, label in events[k:]:
        if label is None or label.level < level:
            break
        if label.level != level:
            continue
        if labels and label.number == 1:
            break
        labels.append((i, label))
    if any(b.number < a.number for (_, a), (_, b) in zip(labels, labels[1:])):
        return ()
    edits = []
    for n, (i, label) in enumerate(labels, start=first):
        if label.number == n:
            continue
        digits = re.search(rf"[{_CN}]+|\d+|[{_CIRCLED}]", label.text)
        new_digits = re.search(rf"[{_CN}]+|\d+|[{_CIRCLED}]", label.renumbered(n))
        if digits is None or new_digits is None:
            return ()
        edits.append(prepared[i].edit(label.start + digits.start(), label.start + digits.end(), new_digits.group()))
    return tuple(edits)


def _later_numbers(events: list[tuple[int, Label | None]], k: int, level: int) -> set[int]:
    """Numbers of *level* written after event *k* in the same list (until a parent or a new text)."""
    out = set()
    for _, label in events[k + 1 :]:
        if label is None or label.level < level:
            break
        if label.level == level:
            if label.number == 1:
                break
            out.add(label.number)
    return out


_WRAPPED = object()  # the numeral is there, at the end of the line before: no finding, and no skip either


def _lost_numeral(prepared: list[Prepared], a: int, b: int, label: Label, k: int):  # -> Finding | _WRAPPED | None
    """五、… / 、费用预算 / 七、…: the missing 六 is there, only its numeral was lost."""
    right = label.renumbered(k)
    sep = right.rstrip()[-1:] if label.level in (1, 3) else ""
    if not sep:
        return None
    digits = right.rstrip()[:-1]
    for j in range(a + 1, b):
        at = prepared[j]
        m = re.match(rf"[\s\u3000]*(?={re.escape(sep)}\s*[\u4e00-\u9fff])", at.text)
        if m and re.search(rf"[。；;！!？?]\s*{re.escape(digits)}\s*$", prepared[j - 1].text):
            return _WRAPPED  # …平均分75.33分。三⏎、对比分析: the heading run into the line before, cut by the width
        if m and prepared[j - 1].text.strip() and not re.search(r"[。；;！!？?：:]\s*$|^\s*\S{0,20}$", prepared[j - 1].text):
            continue  # 中二3班（84人）⏎、中三3班…: a sentence broken by the width before its 、, no heading
        if m:
            pos = m.end()
            return replace(
                finding("numbering", "error", at, f"{LEVEL_NAMES[label.level]}缺少数字：「{at.text.strip()[:8]}」前应为「{right.strip()}」",
                        at.quote(pos, min(len(at.text), pos + 12)), f"补上序号「{right.strip()}」", rule="NUM-SEQ", start=pos, end=pos + 1),
                edits=(at.edit(pos, pos, digits),),
            )
    return None


def _written_between(texts: list[str], a: int, b: int, label: Label, before: int, n: int) -> bool:
    """Every missing label is written somewhere between the two lines (run into some sentence)."""
    between = "\n".join(texts[a : b + 1])

    def written(k: int) -> bool:
        shown = chinese_int(k) if label.level <= 2 else str(k)
        stop = r"(?:^|[。；;！？!?\s\u3000])\s*"  # a label run into a line follows a full stop, not any figure (5.12万)
        form = {0: rf"第{shown}条", 1: rf"{shown}[、.．]", 2: rf"[（(]{shown}[）)]",
                3: rf"(?:{stop}|(?<![\d０-９.．]))(?<![\d０-９]){shown}[、.．]\s?(?=[\u4e00-\u9fff“（(])",  # 。3. 经费使用
                4: rf"(?<![\d０-９])[（(]{shown}[）)]"}
        if re.search(form.get(label.level, re.escape(label.renumbered(k).strip())), between):
            return True  # run into a sentence, in whichever width or separator
        if label.level == 4 and any(re.match(rf"[\s\u3000。.，,]*[（(]?{k}[）)]", t) for t in texts[a + 1 : b]):
            return True  # 。2)、特优…: the label lost its opening bracket
        bare = str(k) if label.level >= 3 else chinese_int(k)  # 3大家按时到场: the label lost its dot
        glued = r"|\d{1,3}[\u4e00-\u9fff]|[.．]\d" if label.level >= 3 else ""  # 245周岁: 2、 run into 45; 3.100米: 3. before 100米
        return any(re.match(rf"[\s\u3000]*{bare}(?=[\u4e00-\u9fff]{glued})", t) for t in texts[a + 1 : b])

    return all(written(k) for k in range(before + 1, n))


def _skip_text(label: Label, before: int, n: int, restart_at: int | None, prepared: list[Prepared]) -> str:
    missing = f"「{label.renumbered(before + 1)}」" + ("" if n == before + 2 else f"至「{label.renumbered(n - 1)}」")
    text = f"跳号：前面缺少{missing}"
    if restart_at is not None:
        where = prepared[restart_at].line.where
        text += f"（{where}的下级序号从头编起，那里可能漏写了上级标题「{label.renumbered(before + 1)}」）"
    return text


def _finding(at: Prepared, label: Label, what: str, expected: int, swap: bool = False) -> Finding:
    quote = at.quote(label.start, min(len(at.text), label.end + 12))
    right = label.renumbered(expected)
    if swap:
        message = f"{LEVEL_NAMES[label.level]}「{label.text}」{what}"
        suggestion = "调整这两项的先后顺序，或互换它们的序号"
    else:
        message = f"{LEVEL_NAMES[label.level]}「{label.text}」{what}，按顺序应为「{right}」"
        suggestion = f"改为「{right}」，并顺延后面的序号；如果确实漏写了一项，补上「{right}」"
    return finding(
        "numbering", "error", at, message,
        quote, suggestion, rule="NUM-SEQ",
        start=label.start, end=label.end,
    )


_STANDARD_SEPARATOR = {1: "、", 3: "."}


def check_label_forms(prepared: list[Prepared]) -> list[Finding]:
    """Labels not in the forms GB/T 9704-2012 7.3.3 gives: 1、 → 1., (一) → （一）, 一. → 一、."""
    edits: list[Edit] = []
    first = None
    for at in prepared:
        label = label_of(at.text)
        if label is None or label.level == 5:
            continue
        for i in range(label.start, label.end):
            ch = at.text[i]
            want = None
            if label.level in (2, 4) and ch in "()":
                want = "（" if ch == "(" else "）"
            elif label.level in _STANDARD_SEPARATOR and ch in "、.．" and i == label.end - 1 and ch != _STANDARD_SEPARATOR[label.level]:
                want = _STANDARD_SEPARATOR[label.level]
            if want:
                a, b = at.original(i, i + 1)
                edits.append(Edit(at.line.paragraph, at.line.line, a, b, want, at.line.text[a:b]))
                first = first or (at, label)
    if not edits:
        return []
    at, label = first
    return [finding(
        "numbering-form", "warning", at,
        f"有 {len(edits)} 处层次序数的写法不合规范（如「{label.text}」），第一层用“一、”，第二层用“（一）”，第三层用“1.”，第四层用“（1）”",
        at.quote(label.start, label.end), "按 GB/T 9704 的写法改正（kit fix 可逐处修改）",
        start=label.start, end=label.end, rule="NUM-FORM", edits=tuple(edits),
    )]
