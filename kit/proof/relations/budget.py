"""Budgets in prose: the blocks of lines a total closes, checked by :func:`kit.ledger.check_ledger`.

The lines, totals and doubts come from :mod:`.segments`. A total closes the
*block* of lines since the last heading or total; a heading that states an
amount (经费预算4500元) is a lead total for the lines under it.

Abstaining is the rule, not the exception: a total is checked only when
every money-bearing statement of its block was understood, when the block
did not start the text (it may be the tail of a list cut above) and when no
sub-heading cut lines off it. The arithmetic itself is :func:`kit.ledger.check_ledger`'s,
as for drafts.
"""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

from pydantic import ValidationError

from ...cnnum import chinese_int
from ...findings import Finding
from ...ledger import check_ledger, compute_line
from ...money import format_figure as _num, format_scaled
from ...model import LedgerSection
from ..passage import Statement, figure_edit, located
from .explain import Explain, Skipped
from .slips import plausible
from .segments import BESIDE, Block, Line, Total, Unsure, segments

# -- blocks --------------------------------------------------------------------------


_COST_BEFORE = re.compile(r"(?:[费金款额]|租赁|租用|资料|制作|印刷|购置|材料|用品|补助|补贴|奖品|礼品|慰问品|计|[=＝])[：:为是]?\s*$")  # 场地租赁3000；


_SOURCE = re.compile(r"拨付|拨款|划拨|来源|结转|筹集|自筹|列支|收入")
_MONEY_WORD = re.compile(r"[费款金钱]|捐|资助|赞助|列支")
_LEFT_OUT = re.compile(r"[^。；;]{0,24}?(?:不计入|不列入|不纳入|不含在|不包括在|另行列支|另外列支)")


@dataclasses.dataclass
class _Item:
    """The latest item at the outermost numbering level of a block: where its lines begin, how many amounts it wrote."""

    level: int | None = None
    lines: int = 0
    unsure: int = 0
    money: int = 0


def budget_blocks(statements: list[Statement], explain: Explain | None = None) -> list[Block]:
    """Lines grouped into blocks, each closed by a total, a heading or the end."""
    blocks: list[Block] = []
    current = Block()
    lead: Total | None = None

    orphans = False  # lines cut off by a sub-heading: a later total may add them up with others
    opened = False  # a heading or a total came before: a block that starts the text may be the tail of a cut list

    def close() -> None:
        nonlocal current, lead, item
        if lead is not None and current.lines and current.total is None:
            current.total = lead  # (a total closing the lines is checked itself: 预算9270元，具体如下：…以上四项总支出9720元)
        if current.lines or current.total:
            blocks.append(current)
        current, lead, item = Block(), None, _Item()

    item = _Item()
    read: dict[int, list] = {}

    def parts_of(st: Statement) -> list:
        if st.index not in read:
            read[st.index] = segments(st)
        return read[st.index]

    breakdown: int | None = None  # the level of an item whose own amount is broken down in the lines under it

    for st in statements:
        if breakdown is not None:
            if st.label and st.label.level > breakdown:
                continue  # 3.其他费86,749.48元，其中：⏎（1）设计费…（4）…: the item's parts, already in its amount
            breakdown = None
        if st.label and _BROKEN_DOWN.search(st.text) and any(q.is_money and not q.upper for q in st.quantities):
            breakdown = st.label.level
        last = current.lines[-1].st if current.lines else None
        if st.label and not st.quantities and _MONEY_WORD.search(st.text) and last is not None and last.label \
                and last.label.level == st.label.level:
            # 三、费用预算 300元 ⏎ 1、学校200元 ⏎ 2、志愿者零用钱捐款: an item whose amount is not written
            current.unsure.append(Unsure(st, f"「{st.text.strip()[:20]}」没有写金额"))
            if explain is not None:
                explain.skip(st, current.unsure[-1].reason)
        if st.is_heading() and st.label and last is not None and last.label and last.label.level == st.label.level:
            # 一、人事费：83,900元；二、办公费：…；三、会员福利：⏎（一）…（三）…⏎小计83,300元: an item of the list whose
            # lines follow it, not a heading that ends the list
            item = _Item(st.label.level, len(current.lines), len(current.unsure))
            continue
        if st.is_heading():
            opened = True
            if current.lines and current.total is None and lead is None:
                orphans = True
            if st.label and st.label.level == 1:
                orphans = False
            close()
            continue
        own_lines, own_unsure = len(current.lines), len(current.unsure)  # where this statement's lines begin
        if st.label and (item.level is None or st.label.level <= item.level):
            item = _Item(st.label.level, own_lines, own_unsure)
        item.money += sum(1 for q in st.quantities if q.is_money and not q.upper)
        bare = next((q for q in st.quantities if not q.unit and q.exact and _COST_BEFORE.search(st.text, max(0, q.start - 3), q.start)), None)
        if bare is not None:  # 会费及餐费12021。以上费用合计5100元: an amount without its 元 is not understood
            current.unsure.append(Unsure(st, f"「{bare.text}」没有写单位，看不出是不是金额"))
            if explain is not None:
                explain.skip(st, current.unsure[-1].reason)
        for part in parts_of(st):
            if isinstance(part, Line) and not part.checked and not st.label and any(
                    s.label and any(q.is_money for q in s.quantities) for s in statements[st.index + 1 : st.index + 2]):
                continue  # 1.5万元慰问经费由工会经费列支。— an introduction before the numbered lines (not before 四、时间安排)
            if isinstance(part, Line) and _LEFT_OUT.search(st.text, part.result.end):
                continue  # 建档困难职工13人，每人450元，计5850元，由行政经费列支，不计入本方案: said to be outside the total
            if isinstance(part, Line):
                current.lines.append(part)
            elif isinstance(part, Unsure):
                current.unsure.append(part)
                if explain is not None:
                    explain.skip(st, part.reason)
            elif part.lead and not current.lines:
                close()
                lead = part
            else:
                lines, unsure = len(current.lines) - item.lines, len(current.unsure) - item.unsure
                clause = _clause_lines(st, part, current.lines) if part.label == "小计" and item.level is None else 0
                if part.label == "小计" and item.level is None and clause < 2:
                    # 困难职工7户，其中特困职工4户…计4000元；一般困难职工3户…计1800元；小计5800元；: the 其中's lines
                    clause = max(clause, _clause_lines(st, part, current.lines, "其中"))
                own = item.level is not None and (lines >= 2 or lines == 0 and unsure and item.money >= 3)
                alone = not st.label and not any(ln.st is st for ln in current.lines) or _clause_of_its_own(st, part)
                if part.label == "小计" and not own and clause < 2 and len(current.lines) >= 2 and alone \
                        and (_more_after(statements, st, parts_of) or _more_here(statements, st, part, parts_of)):
                    # 1.…；2.…；⏎以上两项小计6135元。⏎3.…；4.…。⏎以上共计15635元: a 小计 of the lines so far, with more lines
                    # and a total after it — it stands for them in the total, as an item's 小计 does
                    clause, item = len(current.lines), _Item()
                here = sum(1 for ln in current.lines if ln.st is st)
                named = part.label != "小计" and part.items is not None and 2 <= part.items == here < len(current.lines) \
                    and item.level is not None and item.lines == len(current.lines) - here
                if named:
                    # （二）金秋助学…大学生…计78000元；高中生…计22500元；两项合计100500元: the item's own two lines, not
                    # the (一) before it — a total that counts its lines stands for them as an item's 小计 does
                    clause, item = here, _Item()
                if not named and part.label != "小计" and part.items is not None and 2 <= part.items < len(current.lines) \
                        and _total_after(statements, st, part, parts_of):
                    # 节日慰问费用、活动物资两项合计33630元。以上三项总支出34430元: a sum of some items said aside,
                    # the total of all of them after it
                    continue
                if (part.label == "小计" or named) and (own or clause >= 2):
                    # 1.奖品：…＝300元，…＝300元，…＝240元，小计840元 / 2.文艺汇演⏎（1）…（3）…⏎小计7220元 / 4.住院…；病休…；
                    # ⏎小计800元 / …计4680元；节目奖励：…=1200元，…=2000元，…=1500元，小计4700元；: an item's 小计 closes
                    # that item's lines (numbered, or the clause since the last ；), and stands for them in the whole budget
                    first, first_unsure = (item.lines, item.unsure) if item.level is not None else (len(current.lines) - clause, len(current.unsure))
                    sub = Block(current.lines[first:], part, current.unsure[first_unsure:])
                    blocks.append(sub)
                    # it stands in the whole budget for what its lines come to, when they are all understood (a wrong
                    # 小计 is told once, and the total is checked against the corrected one, as the ledger does)
                    worth = part.result.value if sub.unsure else sum((compute_line(k, ln.ledger_line()).subtotal
                                                                      for k, ln in enumerate(sub.lines)), Decimal(0))
                    current.lines = current.lines[:first] + [Line(st, part.start, part.result, "小计", "fixed", None, "人",
                                                                  [("小计", worth)], False)]
                    current.unsure = current.unsure[:first_unsure]
                    item = _Item(item.level, len(current.lines), len(current.unsure))
                    continue
                current.total = part
                said = st.text[max(0, part.result.start - 12) : part.result.start]
                if "支出" in said and any(_SOURCE.search(ln.name) for ln in current.lines):
                    # 上级工会拨付129900元，本级…列支196900元，共计326800元；总支出203700元: the spending is told above
                    current.unsure.append(Unsure(st, "合计的是支出，前面的是资金来源"))
                if any(("收入" in ln.name) != ("收入" in said) and ("支出" in ln.name or "支出" in said) for ln in current.lines):
                    # 本年收入合计198,148元，支出合计117,550元: spending is not made of the income before it
                    current.unsure.append(Unsure(st, "收入和支出不是同一笔账的各项"))
                if not opened and current.lines:
                    current.unsure.append(Unsure(st, "合计前的各项从文本开头就开始，前面可能还有项目"))
                opened = True
                if orphans:
                    current.unsure.append(Unsure(st, "合计可能包括前面几个小标题下的各项"))
                    orphans = part.label == "小计"  # a section's 小计 leaves the lines above it out of a later total too
                close()
    close()
    return blocks


_BROKEN_DOWN = re.compile(r"其中\s*[：:]?\s*$")


def _clause_of_its_own(st: Statement, subtotal: Total) -> bool:
    """…计2,915,000元；寄宿生生活补助小计5363000元。: the 小计 has a ；-clause to itself, after its item's line."""
    semi = max(st.text.rfind("；", 0, subtotal.start), st.text.rfind(";", 0, subtotal.start))
    return semi >= 0 and not any(q.is_money and semi < q.start < subtotal.result.start for q in st.quantities)


def _more_here(statements: list[Statement], st: Statement, subtotal: Total, parts_of) -> bool:
    """…；寄宿生生活补助小计4,700,750元；普通高中…计1,746,000元；…⏎以上各项合计…: more lines after the 小计 in its own
    statement, then a total (there or in the statement after)."""
    here = parts_of(st)
    later = here[here.index(subtotal) + 1 :] if subtotal in here else []
    return any(isinstance(p, Line) for p in later) and _total_after(statements, st, subtotal, parts_of)


def _total_after(statements: list[Statement], st: Statement, total: Total, parts_of) -> bool:
    """Does another total follow *total*, in its statement or the next one?"""
    here = parts_of(st)
    later = here[here.index(total) + 1 :] if total in here else []
    if st.index + 1 < len(statements):
        later = later + parts_of(statements[st.index + 1])
    return any(isinstance(p, Total) for p in later)


def _more_after(statements: list[Statement], st: Statement, parts_of) -> bool:
    """Do more budget lines, then a total, come after *st* before the next heading? (*parts_of*: the segments of a
    statement, read once for the whole walk.)"""
    lines = False
    for later in statements[st.index + 1 :]:
        if later.is_heading():
            return False
        parts = parts_of(later)
        if any(isinstance(p, Total) for p in parts):
            return lines
        lines = lines or any(isinstance(p, Line) for p in parts)
    return False


def _clause_lines(st: Statement, subtotal: Total, lines: list[Line], since: str = "") -> int:
    """How many of the last *lines* stand in the ；-clause a 小计 ends (…；节目奖励：…，…，…，小计4700元), or
    after the last *since* before it (其中)."""
    semi = st.text.rfind(since, 0, subtotal.start) if since else max(st.text.rfind("；", 0, subtotal.start), st.text.rfind(";", 0, subtotal.start))
    if semi < 0 and not since and re.match(r"[^；;。]*[；;]", st.text[subtotal.result.end :]):
        semi = 0  # 奖品方面，…，…，两项小计0.45万元；物资方面，…。以上两项合计…: the first clause, another after it
    if semi < 0:
        return 0
    k = 0
    for line in reversed(lines):
        if line.st is not st or line.result.start < semi:
            break
        k += 1
    return k


def check_budgets(statements: list[Statement], explain: Explain | None = None, blocks: list[Block] | None = None) -> list[Finding]:
    """Each stated subtotal and total (and its 大写) against the arithmetic (*blocks*: read already, without explain)."""
    findings: list[Finding] = []
    per_head: dict[int, Decimal] = {}  # id(finding) → what each head adds beyond the stated rates
    if blocks is None or explain is not None:
        blocks = budget_blocks(statements, explain)
    for block in blocks:
        findings.extend(_check_block(block, explain, per_head))
    return _unstated_costs(findings, per_head, explain)


def _unstated_costs(findings: list[Finding], per_head: dict[int, Decimal], explain: Explain | None) -> list[Finding]:
    """一等奖4名，每名200元，共840元；二等奖6名，每名100元，共660元: every line over by the same 10 yuan a head
    is a cost the text never states (a certificate, a frame), not one slip per line: those lines are left alone."""
    seen: dict[Decimal, set[str]] = {}
    for f in findings:
        if id(f) in per_head:
            seen.setdefault(per_head[id(f)], set()).add(f.quote or "")
    shared = {extra for extra, quotes in seen.items() if len(quotes) >= 2}  # one line pasted twice is still one line
    out = []
    for f in findings:
        if per_head.get(id(f)) in shared:
            if explain is not None:
                explain.skipped.append(Skipped(f.where, f.quote or "", f"几项都是每人多出 {_num(per_head[id(f)])} 元，像是有一笔没写出的费用，不当作算错"))
            continue
        out.append(f)
    return out


def _rounded_ok(line: Line, computed: Decimal) -> bool:
    """1.52万元 for 15,240: the author rounded to what the written precision allows."""
    r = line.result
    return r.scale > 1 and abs(computed - r.value) * 2 < r.resolution


def _check_block(block: Block, explain: Explain | None, per_head: dict[int, Decimal]) -> list[Finding]:
    total = block.total
    if total is not None and block.unsure:
        if explain is not None:
            explain.skip(total.st, f"合计「{total.result.text}」不核对：其上有 {len(block.unsure)} 处金额未能读懂")
        total = None
    lines = [ln for ln in block.lines if ln.checked or total is not None]
    if not lines:
        return []
    section = _ledger(lines, total)
    if section is None:
        return []
    findings = []
    if total is not None and total.items is not None and total.items != len(lines) and _one_line_per_item(block):
        at = total.items_at
        digits = total.items_text[:-1]
        written = str(len(lines)) if digits.isdigit() else chinese_int(len(lines))
        line_at, pos = total.st.line_at(at)
        findings.append(located(
            "arithmetic", "error", total.st, at, at + len(total.items_text),
            f"写作「{total.items_text}{total.label}」，但前面列出的是 {len(lines)} 项",
            f"改为「{len(lines)}项{total.label}」，或补上漏列的项目",
            quote=total.st.quote(total.start, total.result.end).strip(),
            stated=Decimal(total.items), computed=Decimal(len(lines)), difference=Decimal(total.items - len(lines)),
            rule="SUM-ITEMS", edits=(line_at.edit(pos, pos + len(digits), written),),
        ))
    for found in check_ledger(section, "ledger"):
        m = re.match(r"ledger\.lines\[(\d+)\]", found.where)
        if m:
            line = lines[int(m.group(1))]
            if not line.checked or _rounded_ok(line, found.computed):
                continue
            if line.averaged and found.computed is not None and found.stated is not None \
                    and not plausible(found.stated, found.computed, keystroke=True):
                continue  # 281473人…人均筹资标准400元…共筹集11265万元: an average, and the fund holds more
            st, q = line.st, line.result
            quote = st.quote(line.start, q.end).strip()
        elif found.where.endswith("stated_total_upper"):
            st, q = total.st, total.upper
            quote = q.text
        else:
            st, q = total.st, total.result
            quote = st.quote(total.start, q.end).strip()
        message, suggestion = found.message, found.suggestion or ""
        if m and (not st.label or line.result.scale > 1) and found.computed is not None and found.stated is not None:
            message, suggestion = _in_prose(line, found.stated, found.computed, message)
        loc = located(found.kind, found.severity, st, q.start, q.end, message, suggestion, quote=quote)
        right = found.computed if found.computed is not None else None
        edits = (figure_edit(st, q, right),) if right is not None else ()
        if found.kind == "format" and found.suggestion:  # 大写 right in value, not in form
            at, pos = st.line_at(q.start)
            edits = (at.edit(pos, pos + (q.end - q.start), found.suggestion),)
        found = dataclasses.replace(found, where=loc.where, paragraph=loc.paragraph, line=loc.line, span=loc.span, page=loc.page,
                                    message=message, suggestion=suggestion or found.suggestion,
                                    quote=quote, edits=edits)
        if total is None:  # no total understood: a corrected total would be a guess
            found = dataclasses.replace(found, message=re.sub(r"；更正后.*$", "", found.message), corrected_total=None)
        if m and line.kind == "per_head" and line.count and found.computed is not None and found.stated is not None:
            extra = (found.stated - found.computed) / line.count
            if extra and extra == extra.quantize(Decimal("0.01")):
                per_head[id(found)] = extra
        findings.append(found)
    return findings


def _in_prose(line: Line, stated: Decimal, computed: Decimal, ledger_message: str) -> tuple[str, str]:
    """A line found in running prose has no item number or name to point at: say it with its own figures.

    为47名新生每人发放2000元，共计9.6万元 → 按 47人×2000元 计算应为 9.4万元，文中写作 9.6万元，多写了 2000元.
    """
    scale = line.result.scale
    amounts = [a for _, a in line.components]
    if line.kind == "per_head" and line.count:
        rate = "＋".join(_num(a) for a in amounts)
        formula = f"{line.counted or f'{line.count}{line.unit}'}×{rate if len(amounts) == 1 else f'（{rate}）'}元"
    else:  # 高中生18人×2000元＋大学生24人×5000元: groups say their own count and rate
        formula = "＋".join(name if "×" in name else f"{format_scaled(a, scale)}元" for name, a in line.components)
    diff = stated - computed
    word = "多写了" if diff > 0 else "少写了"
    tail = re.search(r"；更正后.*$", ledger_message)
    return (f"按 {formula} 计算应为 {format_scaled(computed, scale)}元，文中写作 {format_scaled(stated, scale)}元，"
            f"{word} {_num(abs(diff))}元" + (tail.group() if tail else ""),
            f"改为 {format_scaled(computed, scale)}元")


def _one_line_per_item(block: Block) -> bool:
    sts = [ln.st for ln in block.lines]
    return len({id(s) for s in sts}) == len(sts) and all(s.label for s in sts)


def _ledger(lines: list[Line], total: Total | None) -> LedgerSection | None:
    try:
        return LedgerSection(
            title="经费预算",
            total_label=total.label if total else "合计",
            lines=[ln.ledger_line() for ln in lines],
            stated_total=total.result.value if total else None,
            stated_total_upper=total.upper.text if total and total.upper else None,
        )
    except ValidationError:
        return None  # figures no ledger holds (three decimals, beyond 大写): nothing to recompute


__all__ = ["BESIDE", "Block", "Line", "Total", "Unsure", "budget_blocks", "check_budgets", "segments"]
