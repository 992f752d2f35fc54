"""Tables (DOCX rows, Markdown, tab-separated text, and as web pages flatten them): 数量×单价=金额 per row,
row sums and shares, and column totals.

Columns are known by their headers: a count (数量, 人数, 户数), a rate
(单价, 标准, 元/人) and an amount (金额, 小计, 预算, 费用). Rates, ratios,
serial numbers and dates are never summed. A 合计/总计 row is checked column
by column against the rows above it, and only when every cell above in that
column is an exact figure.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from ...findings import Finding
from ...money import format_figure, format_yuan, share_percent
from ...quantities import PERCENT, Quantity, quantities
from ..passage import Statement, figure_edit, located
from .explain import Explain
from .shares import share_as_written, share_finding
from .slips import one_keystroke_apart, plausible, slipped_part

COUNT = re.compile(r"数量|人数|户数|份数|套数|件数|个数|名额|人次")
RATE = re.compile(r"单价|标准|元\s*/|/\s*人|每人|人均|每户")
AMOUNT = re.compile(r"金额|小计|合计|预算|费用|经费|总价|总额|支出|资金")
SKIP = re.compile(r"序号|编号|比例|占比|%|％|指数|备注|日期|时间|电话|年份|年度|说明|率")
TOTAL_ROW = re.compile(r"^\s*(?:合\s*计|总\s*计|小\s*计|共\s*计|总额)")
_SUBTOTAL_CELL = re.compile(r"小\s*计\s*$")  # 小计, 六年级小计: the total of one group of rows
_MD_RULE = re.compile(r"^\s*\|?\s*:?-{2,}")


_NUM_CELL = re.compile(r"[$＄¥￥]?\s*\d[\d,，.]*\s*(?:元|万元|人|名|个|所|户|件|套|台|张|本|册|次|人次|%)?")


class Cell:
    """One table cell: its text; ``value``, the one figure in it; and, when the cell is nothing but an exact
    figure (no rate), ``q`` with ``kind`` "num" — what a flattened table, headers lost, is read by."""

    def __init__(self, st: Statement, start: int, end: int):
        self.st, self.start, self.end = st, start, end
        self.text = st.text[start:end].strip()
        qs = st.quantities_in(start, end)
        self.value: Quantity | None = qs[0] if len(qs) == 1 else None
        only = self.value is not None and self.value.exact and not self.value.per and _NUM_CELL.fullmatch(self.text)
        self.q: Quantity | None = self.value if only else None
        self.kind = "empty" if not self.text else "num" if self.q is not None else "text"

    @property
    def amount(self) -> Decimal:
        return self.q.value if self.q is not None else Decimal(0)


def _split(st: Statement, sep: str) -> list[Cell]:
    """The cells of a row, one per piece between separators (the pieces before the first and after the last included)."""
    bounds, pos = [], 0
    for piece in st.text.split(sep):
        bounds.append((pos, pos + len(piece)))
        pos += len(piece) + 1
    return [Cell(st, a, b) for a, b in bounds]


def _cells(st: Statement) -> list[Cell]:
    sep = "\t" if "\t" in st.text else "|"
    cells = _split(st, sep)
    return cells[1:-1] if sep == "|" and st.text.strip().startswith("|") else cells


# —3— / -- 1 -- / 第4页 共6页 / …预算表（续表）: the page turns inside a table, which goes on after it
_PAGE_TURN = re.compile(r"\s*(?:[—－-]{1,2}\s*\d+\s*[—－-]{1,2}|第\s*\d+\s*页(?:\s*[，,]?\s*共\s*\d+\s*页)?|.{0,30}[（(]续表?[）)]|.{0,30}续表\s*\d{0,2})\s*")


def tables(statements: list[Statement]) -> list[list[Statement]]:
    out, current = [], []
    for st in statements:
        if "\t" in st.text or re.match(r"^\s*\|.*\|\s*$", st.text):
            if not _MD_RULE.match(st.text) and not (current and st.text.strip() == current[0].text.strip()):
                current.append(st)  # (a header repeated after the page turns is no row)
            continue
        if current and _PAGE_TURN.fullmatch(st.text):
            continue
        if len(current) >= 2:
            out.append(current)
        current = []
    if len(current) >= 2:
        out.append(current)
    return out


def check_tables(statements: list[Statement], explain: Explain | None = None) -> list[Finding]:
    findings = []
    for rows in tables(statements):
        header = [c.text for c in _cells(rows[0])]
        roles = [_role(h) for h in header]
        if not any(roles):
            continue
        named = [h for h in header if h]
        if len(set(named)) < len(named):
            continue  # 学校 | 人数 | 占比 | 学校 | 人数 | 占比: set side by side in halves, its 合计 adds up both
        width = len(header)
        data: list[list[Cell]] = []  # the rows since the last total
        every: list[list[Cell]] = []  # the rows since the last grand total, subtotal rows left out
        for st in rows[1:]:
            cells = _cells(st)
            if _numbers_the_columns(cells):
                continue  # 栏次 1 2 3 4
            if len(cells) != width:
                if explain is not None:
                    explain.skip(st, "表格这一行的格数与表头不同")
                data, every = [], []
                continue
            if any(_SUBTOTAL_CELL.search(c.text) for c in cells[:3]):
                findings.extend(_check_total(cells, data, roles))  # 六年级小计: the rows of its group
                data = []
                continue
            if any(TOTAL_ROW.match(c.text) for c in cells[:2]):
                findings.extend(_check_total(cells, every, roles))  # 合计 after 小计 rows: every row, not the subtotals again
                data, every = [], []
                continue
            findings.extend(_check_row(cells, roles))
            data.append(cells)
            every.append(cells)
    return findings + check_flat_tables(statements)


def _role(head: str) -> str | None:
    if SKIP.search(head):
        return None
    if RATE.search(head):
        return "rate"
    if COUNT.search(head):
        return "count"
    if AMOUNT.search(head):
        return "amount"
    return None


def _column(roles: list[str | None], role: str) -> int | None:
    found = [i for i, r in enumerate(roles) if r == role]
    return found[0] if len(found) == 1 else None


def _row_amount(cells: list[Cell], roles) -> Decimal | None:
    c, r, a = (_column(roles, k) for k in ("count", "rate", "amount"))
    if None in (c, r, a):
        return None
    values = [cells[i].value for i in (c, r, a)]
    if any(v is None or not v.exact for v in values):
        return None
    return values[0].value * values[1].value


def _at_places(value: Decimal, written: Quantity) -> Decimal:
    """*value* rounded half-up to the decimals *written* has (165.5 斤 × 4.83 元 = 799.365, written 799.37)."""
    if value == value.quantize(Decimal(1).scaleb(-written.places)):
        return value
    return value.quantize(Decimal(1).scaleb(-max(written.places, 2)), rounding=ROUND_HALF_UP)


def _product_is(x: Cell, y: Cell, z: Cell) -> bool:
    return _at_places(x.amount * y.amount, z.q) == z.amount


def _check_row(cells: list[Cell], roles) -> list[Finding]:
    computed = _row_amount(cells, roles)
    if computed is None:
        return []
    a = _column(roles, "amount")
    stated = cells[a].value
    computed = _at_places(computed, stated)
    if stated.value == computed:
        return []
    c, r = _column(roles, "count"), _column(roles, "rate")
    return [located(
        "arithmetic", "error", cells[a].st, stated.start, stated.end,
        f"表格中「{cells[c].text}×{cells[r].text}」应为 {format_yuan(computed)}，金额栏写作 {format_yuan(stated.value)}",
        f"金额改为 {format_yuan(computed)}", quote=cells[a].text,
        stated=stated.value, computed=computed, difference=stated.value - computed, rule="TABLE-ROW",
        edits=(figure_edit(cells[a].st, stated, computed),),
    )]


def _check_total(total: list[Cell], data: list[list[Cell]], roles) -> list[Finding]:
    findings = []
    if not data:
        return findings
    for i, role in enumerate(roles):
        if role not in ("count", "amount") or total[i].value is None or not total[i].value.exact:
            continue
        values = []
        for row in data:
            cell = row[i]
            if cell.value is None or not cell.value.exact:
                values = None
                break
            computed = _row_amount(row, roles) if role == "amount" else None
            # a row's amount as written when it holds at its fen (384.7千克 × 6.13 = 2358.211, written 2358.21);
            # a wrong one as it should be (the row has its own finding)
            values.append(_at_places(computed, cell.value) if computed is not None else cell.value.value)
        if not values:
            continue
        computed = sum(values, Decimal(0))
        stated = total[i].value
        if stated.value == computed:
            continue
        findings.append(located(
            "arithmetic", "error", total[i].st, stated.start, stated.end,
            f"表格「{total[0].text or total[1].text}」一行的这一栏写作 {format_figure(stated.value)}，上面 {len(values)} 行相加应为 {format_figure(computed)}",
            f"改为 {format_figure(computed)}", quote=total[i].text,
            stated=stated.value, computed=computed, difference=stated.value - computed, rule="TABLE-TOTAL",
            edits=(figure_edit(total[i].st, stated, computed),),
        ))
    return findings


# -- tables as web pages flatten them ----------------------------------------------------------------
#
# Copied from a web page, a table arrives as rows ``名称 | 单位 | 数量 | 单价 | 总价 |`` (often without the
# first bar and with empty cells ``|||`` trailing), as one cell per line (``学生活动费 |`` / ``1665 |``, or
# with the bars lost: ``车资`` / ``9,500`` / ``1`` / ``9,500``, read row by row from each label), or as rows
# of figures set apart by spaces (``铁环 个 6 30 150``). Headers are lost or merged, so a column's meaning
# is not read from its header: a relation is believed only when the table itself corroborates it. A row
# is checked against a relation (the last figure is the sum of the others, two figures multiply to a
# third, or a share is one figure over another) only when at least two other rows satisfy it with real
# figures and no other row breaks it (for shares, up to half as many as satisfy it); a 合计 row is checked
# column by column, aligned on whichever side puts its figures over figures, only when another column
# of the same row adds up, or when the column's header names an amount or a count. No library reads
# tables out of flattened text; this is written here.

_TOTAL_LABEL = re.compile(r"合\s*计|总\s*计|小\s*计|共\s*计|总\s*额|总\s*数")
_SENTENCE = re.compile(r"[，。；：,;:！？]")
_SAMPLE, _WIDEST = 400, 16  # cells read to find a one-cell-per-line table's width; its widest row
_FACTORS = 10  # a row with more figures is a statistics row, not 数量×单价=金额


def bar_cells(st: Statement) -> list[Cell]:
    cells = _split(st, "|")
    if cells and cells[-1].kind == "empty":
        cells.pop()  # the text after the closing bar
    return cells


def _space_cells(st: Statement) -> list[Cell]:
    return [Cell(st, m.start(), m.end()) for m in re.finditer(r"\S+", st.text)]


def is_bar(st: Statement) -> bool:
    return "|" in st.text and "\t" not in st.text


def _is_space_row(st: Statement) -> bool:
    if "|" in st.text or "\t" in st.text or _SENTENCE.search(re.sub(r"(?<=\d),(?=\d{3})", "", st.text)):
        return False
    cells = _space_cells(st)
    return len(cells) >= 3 and sum(c.kind == "num" for c in cells) >= 2


def _is_bare_cell(st: Statement) -> bool:
    """项目⏎⏎单价（元）⏎⏎数量⏎⏎车资⏎⏎9,500⏎⏎1⏎⏎9,500: a table whose every cell became a line of its own, bars lost."""
    text = st.text.strip()
    return (0 < len(text) <= 16 and "|" not in text and "\t" not in text and not re.search(r"[，。；;！？]", text)
            and not re.search(r"\s[\d$¥￥]", text))  # 讲座 12 300 3,600 is a row set apart by spaces, not a cell


def _label_runs(cells: list[Cell]) -> list[list[Cell]]:
    """Rows of a bare cell stream: each label with the figures that follow it (empty cells are lost with the bars)."""
    rows: list[list[Cell]] = []
    for cell in cells:
        if cell.kind == "text" or not rows:
            rows.append([cell])
        else:
            rows[-1].append(cell)
    return [r for r in rows if sum(c.kind == "num" for c in r) >= 2]


def _trim(cells: list[Cell]) -> list[Cell]:
    while cells and cells[-1].kind == "empty":
        cells = cells[:-1]
    while cells and cells[0].kind == "empty":
        cells = cells[1:]
    return cells


def _chunked(cells: list[Cell]) -> list[list[Cell]]:
    """One cell per line: the width and start whose rows agree best on which positions hold figures."""
    best: tuple[int, int, int] = (0, 0, 0)
    sample = "".join(c.kind[0] for c in cells[:_SAMPLE])  # n/t/e; the width is read from the table's start
    for width in range(2, min(_WIDEST, len(sample) // 3) + 1):
        for offset in range(width):
            full = [sample[i : i + width] for i in range(offset, len(sample) - width + 1, width)]
            kinds = []
            for p in range(width):
                column = [r[p] for r in full]
                n, t = column.count("n"), column.count("t")
                kinds.append("n" if n >= t and n else "t" if t else "e")
            if "n" not in kinds:
                continue
            agree = sum(1 for r in full if "n" in r and all(k in ("e", kinds[p]) for p, k in enumerate(r)))
            if agree > best[0] and agree >= 0.6 * len(full):
                best = (agree, width, offset)
    _, width, offset = best
    if not width:
        return []
    return ([cells[:offset]] if offset else []) + [cells[i : i + width] for i in range(offset, len(cells), width)]


def _rejoined(rows: list[list[Cell]]) -> list[list[Cell]]:
    """| 合计 | 6 |⏎| 34 | 45 | 85 |: a row broken over two lines at a cell's edge, put back together when the two
    halves make the table's usual width and the second has no name of its own."""
    widths = [len(r) for r in rows]
    usual = max(set(widths), key=widths.count) if widths else 0
    out: list[list[Cell]] = []
    k = 0
    while k < len(rows):
        row = rows[k]
        if (k + 1 < len(rows) and len(row) < usual and len(row) + len(rows[k + 1]) == usual
                and rows[k + 1] and rows[k + 1][0].kind != "text" and any(c.kind == "text" for c in row)):
            out.append(row + rows[k + 1])
            k += 2
            continue
        out.append(row)
        k += 1
    return out


def flat_tables(statements: list[Statement]) -> list[list[list[Cell]]]:
    """Tables flattened by a web page, as rows of cells."""
    out: list[list[list[Cell]]] = []
    i = 0
    while i < len(statements):
        j = i
        if is_bar(statements[i]):
            while j < len(statements) and (is_bar(statements[j]) or _PAGE_TURN.fullmatch(statements[j].text)
                                           and any(is_bar(s) for s in statements[j + 1 : j + 3])):
                j += 1  # …| 2 |⏎— 2 —⏎（续表）⏎| 序号 | …: the table goes on after the page turns, its header repeated
            run = [st for st in statements[i:j] if not _MD_RULE.match(st.text) and not _PAGE_TURN.fullmatch(st.text)]
            run = run[:1] + [st for st in run[1:] if st.text.strip() != run[0].text.strip()]
            rows = [bar_cells(st) for st in run]
            if sum(len(_trim(r)) <= 1 for r in rows) >= 0.7 * len(rows):
                rows = _chunked([c for r in rows for c in r])
            else:
                rows = _rejoined([_trim(r) for r in rows])
        elif _is_bare_cell(statements[i]) and _NUM_CELL.fullmatch(statements[i].text.strip()) is None:
            while j < len(statements) and _is_bare_cell(statements[j]):
                j += 1
            rows = _label_runs([Cell(st, 0, len(st.text)) for st in statements[i:j]])
        elif _is_space_row(statements[i]):
            while j < len(statements) and _is_space_row(statements[j]):
                j += 1
            rows = [_space_cells(st) for st in statements[i:j]]
        else:
            i += 1
            continue
        rows = [r for r in rows if r]
        if len(rows) >= 3:
            out.append(rows)
        i = max(j, i + 1)
    return out


def _serial(rows: list[list[Cell]]) -> set[int]:
    """Positions holding 1, 2, 3…: row numbers, never added."""
    out = set()
    for p in range(3):
        seq = [r[p].q.value for r in rows if len(r) > p and r[p].kind == "num"]
        if len(seq) >= 3 and all(b - a == 1 for a, b in zip(seq, seq[1:])):
            out.add(p)
    return out


def _figures(row: list[Cell], serial: set[int]) -> list[Cell]:
    return [c for p, c in enumerate(row) if c.kind == "num" and p not in serial and c.q.unit != PERCENT]


def _label_of(row: list[Cell]) -> str:
    return next((c.text for c in row if c.kind == "text"), "")


def _flag(cell: Cell, computed: Decimal, message: str, rule: str, suggestion: str | None = None) -> Finding:
    """A figure the table's relation gives otherwise. With *suggestion* (the slip is more likely elsewhere)
    no edit is offered: a clerk decides which figure to put right."""
    stated = cell.q
    unit = "%" if stated.unit == PERCENT else ""
    return located(
        "arithmetic", "error", cell.st, stated.start, stated.end, message, suggestion or f"改为 {_plain(computed)}{unit}",
        quote=cell.st.text.strip()[:60], stated=stated.value, computed=computed, difference=stated.value - computed,
        rule=rule, edits=() if suggestion else (figure_edit(cell.st, stated, computed),),
    )


def _plain(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _row_sums(rows: list[list[Cell]], serial: set[int]) -> list[Finding]:
    """The last figure of each row is the sum of the others (学段…合计): corroborated by two rows, broken by one."""
    held, broken = 0, []
    for row in rows:
        figs = _figures(row, serial)
        addends = [c for c in figs[:-1] if c.amount]
        if len(figs) < 3 or len(addends) < 2:
            continue
        total = sum((c.amount for c in figs[:-1]), Decimal(0))
        if total == figs[-1].amount:
            held += 1
        else:
            broken.append((row, figs, total))
    if held < 2 or len(broken) != 1:
        return []
    row, figs, total = broken[0]
    listed = "＋".join(_plain(c.amount) for c in figs[:-1] if c.amount)
    return [_flag(figs[-1], total, f"表格「{_label_of(row)}」一行：{listed} = {_plain(total)}，末栏写作 {_plain(figs[-1].amount)}"
                  f"（表中另有 {held} 行的末栏都是前面各栏之和）", rule="TABLE-ROW-SUM")]


def _row_groups(rows: list[list[Cell]], serial: set[int]) -> list[Finding]:
    """总计 | 57383 | 23243 | 34149 | 19525 | 10034 | 9491: a figure that is the sum of the few after it (合计, 博士,
    硕士…), at the same place in every row. Corroborated by two rows at least; one row broken by a single
    keystroke (in the total or in a part) is named. Sums come from running totals, so a wide table stays linear."""
    out, seen = [], set()
    figs = [_figures(row, serial) for row in rows]
    wide = [f for f in figs if len(f) >= 3]
    summed = sum(1 for f in wide if sum((c.amount for c in f[:-1]), Decimal(0)) == f[-1].amount)
    if summed >= 2 and summed >= len(wide) - 1:
        # 房租费 伙食补助费 其他费用 合计: 180 70 70 320 / 120 70 50 240 / 100 70 30 200 — every row's last figure (but
        # one, told by _row_sums) is the sum of the others; a first column that two rows make the sum of the next two is chance
        return out
    sums, nonzero = [], []
    for f in figs:
        s, n = [Decimal(0)], [0]
        for c in f:
            s.append(s[-1] + c.amount)
            n.append(n[-1] + (1 if c.amount else 0))
        sums.append(s)
        nonzero.append(n)
    width = max((len(f) for f in figs), default=0)
    for p in range(width):
        for k in range(2, 7):
            held, broken = 0, []
            for row, f, s, n in zip(rows, figs, sums, nonzero):
                if len(f) < p + k + 1 or n[p + k + 1] - n[p + 1] < 2 or not f[p].amount:
                    continue
                total = s[p + k + 1] - s[p + 1]
                if total == f[p].amount:
                    held += 1
                elif len(broken) < 2:
                    broken.append((row, f, p, total))
                else:
                    break
            if held < 2 or len(broken) != 1:
                continue
            row, f, p0, total = broken[0]
            cell, parts = f[p0], f[p0 + 1 : p0 + k + 1]
            if id(cell) in seen or not one_keystroke_apart(cell.amount, total, [c.amount for c in parts]):
                continue
            seen.add(id(cell))
            listed = "＋".join(_plain(c.amount) for c in parts)
            out.append(_flag(cell, total, f"表格「{_label_of(row)}」一行：{listed} = {_plain(total)}，这一栏写作 {_plain(cell.amount)}"
                                          f"（表中另有 {held} 行这一栏都是其后 {k} 栏之和）", rule="TABLE-ROW-SUM"))
    return out


def _row_products(rows: list[list[Cell]], serial: set[int]) -> list[Finding]:
    """Two figures of a row multiply to a third (数量×单价=金额), at the same places in every row of that shape."""
    shapes: dict[int, list[list[Cell]]] = {}
    for row in rows:
        figs = _figures(row, serial)
        if 3 <= len(figs) <= _FACTORS and not _TOTAL_LABEL.search(_label_of(row)):  # a 合计 row adds its columns up
            shapes.setdefault(len(figs), []).append(figs)
    out = []
    for n, group in shapes.items():
        best = None
        for i in range(n):
            for j in range(i + 1, n):
                for k in range(j + 1, n):
                    held = [f for f in group if _product_is(f[i], f[j], f[k]) and f[i].amount not in (0, 1)
                            and f[j].amount not in (0, 1)]
                    broken = [f for f in group if not _product_is(f[i], f[j], f[k]) and f[k].amount]
                    if len(held) >= 2 and len(broken) <= 1 and (best is None or len(held) > len(best[1])):
                        best = ((i, j, k), held, broken)
        if best and best[2]:
            (i, j, k), held, (figs,) = best
            computed = _at_places(figs[i].amount * figs[j].amount, figs[k].q)
            row = next(r for r in rows if figs[k] in r)
            out.append(_flag(figs[k], computed,
                             f"表格「{_label_of(row)}」一行：{_plain(figs[i].amount)}×{_plain(figs[j].amount)} = {_plain(computed)}，"
                             f"写作 {_plain(figs[k].amount)}（表中另有 {len(held)} 行都是这两栏相乘）", rule="TABLE-ROW-PRODUCT"))
    return out


def _row_ratios(rows: list[list[Cell]], serial: set[int]) -> list[Finding]:
    """A share in a row is one figure of it over another (发出183 回收155 回收率84.7%), at the same places in
    every row of that shape: corroborated by two rows, broken by one, and named only one keystroke off."""
    shapes: dict[tuple[int, int], list[tuple[list[Cell], list[Cell]]]] = {}
    for row in rows:
        figs = _figures(row, serial)
        pcts = [c for c in row if c.kind == "num" and c.q.unit == PERCENT]
        if 2 <= len(figs) <= _FACTORS and pcts and len(pcts) <= 4:
            shapes.setdefault((len(figs), len(pcts)), []).append((figs, pcts))
    out = []
    for (n, m), group in shapes.items():
        for k in range(m):
            if len(group) >= 3 and len({pcts[k].q.value for _figs, pcts in group}) == 1:
                continue  # 在编人数 | 比例 15% | 名额: the one rate every row applies (and rounds), not a share of each row
            best = None
            for i in range(n):
                for j in range(n):
                    if i == j:
                        continue
                    held, broken = [], []
                    for figs, pcts in group:
                        part, whole, pct = figs[i].amount, figs[j].amount, pcts[k].q
                        if not whole or part > whole:
                            continue
                        (held if share_percent(part, whole, pct.places) == pct.value else broken).append((figs, pcts))
                    # a row bears a pairing out only with a share other than 0 % (1 of 390 is 0 % under any pairing)
                    real = [h for h in held if h[0][i].amount != h[0][j].amount and h[0][i].amount and h[1][k].q.value]
                    if len(real) >= 2 and len(broken) <= max(1, len(held) // 2) and (best is None or len(held) > len(best[1])):
                        best = ((i, j), held, broken)
            if best is None:
                continue
            (i, j), held, broken = best
            for figs, pcts in broken:
                pct = pcts[k]
                found = share_finding(pct.st, figs[i].q, figs[j].q, pct.q, quote=pct.st.text.strip()[:60],
                                      name=f"表格「{_label_of(next(r for r in rows if pct in r))}」一行的比例（表中另有 {len(held)} 行这样算）")
                if found is not None and found.computed and (found.severity == "warning" or plausible(found.stated, found.computed, keystroke=True)):
                    out.append(found)  # a share that comes out 0% (10 of 5433 written 5%) was read from the wrong columns
    return out


def _column_shares(rows: list[list[Cell]], serial: set[int]) -> list[Finding]:
    """东部地区 980 32.7% / 中部地区 860 28.7% / …: a share column of a count column's total (its 合计 row, or the
    sum of its rows). Believed when three rows at least bear it out, and only one breaks it; named only when that
    share is one keystroke from what its row gives."""
    shapes: dict[tuple[int, int], list[tuple[list[Cell], list[Cell], bool, list[Cell]]]] = {}
    for row in rows:
        figs = _figures(row, serial)
        pcts = [c for c in row if c.kind == "num" and c.q.unit == PERCENT]
        if figs and pcts and len(figs) <= _FACTORS and len(pcts) <= 4:
            shapes.setdefault((len(figs), len(pcts)), []).append((figs, pcts, bool(_TOTAL_LABEL.search(_label_of(row))), row))
    out = []
    for (n, m), group in shapes.items():
        data = [(f, p) for f, p, total, _r in group if not total]
        totals = [f for f, _p, total, _r in group if total]
        if len(data) < 4:
            continue
        nums = [[c for c in r if c.kind == "num"] for f, p, total, r in group if not total]
        # 民族 | 人数 | 占比 | 民族 | 人数 | 占比: the table set side by side in halves, the whole spanning both
        halves = n == m > 1 and all(r.index(p[j]) == r.index(f[j]) + 1 for (f, p), r in zip(data, nums) for j in range(n))
        for i in range(n):
            whole = sum((f[c].amount for f, _p in data for c in (range(n) if halves else (i,))), Decimal(0))
            if halves and totals:
                continue  # a 合计 row of a table in halves: not read
            if totals and totals[0][i].amount != whole or not whole or any(not f[c].q.exact for f, _p in data for c in range(n)):
                continue  # a 合计 row that is not the rows' sum is the column total's finding, not this one's
            for k in range(m):
                if not all(r.index(p[k]) == r.index(f[i]) + 1 for (f, p), r in zip(data, nums)):
                    continue  # 汉族 | 8118 | 94.00% | 白族 | 3 | 0.03%: a share goes with the count right before it
                held, broken, telling = [], [], 0
                for f, p in data:
                    pct = p[k].q
                    ok = share_as_written(f[i].amount, whole, pct)
                    (held if ok and pct.value else broken).append((f, p))
                    # a row bears the whole out only if a whole 1 % off would give it another share (0.03 % does not)
                    telling += ok and share_percent(f[i].amount, whole * Decimal("1.01"), pct.places) != pct.value
                if len(held) < 3 or telling < 2 or len(broken) != 1:
                    continue
                f, p = broken[0]
                found = share_finding(p[k].st, f[i].q, Quantity(0, 0, whole, f[i].q.unit, ""), p[k].q, quote=p[k].st.text.strip()[:60],
                                      name=f"表格「{_label_of(next(r for r in rows if p[k] in r))}」一行的占比（表中另有 {len(held)} 行按本栏合计 {_plain(whole)} 算）")
                if found is not None and found.severity == "error" and plausible(found.stated, found.computed, keystroke=True):
                    out.append(found)
    return out


def _in_halves(rows: list[list[Cell]]) -> bool:
    """学校 | 人数 | 占比 | 学校 | 人数 | 占比: most rows name a second thing after their figures — a table set side
    by side in halves, whose 合计 row adds up both halves, not one column."""
    def halves(r: list[Cell]) -> bool:  # a name, figures, a name, figures
        kinds = "".join("t" if c.kind == "text" else "n" if c.kind == "num" else "" for c in r)
        return re.fullmatch(r"t+n+t+n+", kinds) is not None

    return sum(halves(r) for r in rows) * 2 > len(rows)


def _column_totals(rows: list[list[Cell]], serial: set[int]) -> list[Finding]:
    """A 合计 row against the rows above it, column by column, the rows aligned on their right."""
    out = []
    if _in_halves(rows):
        return out
    header = rows[0] if all(c.kind != "num" for c in rows[0]) else None
    start = 1 if header else 0
    for t, total in enumerate(rows):
        if not _TOTAL_LABEL.search(_label_of(total)):
            continue
        above = [r for r in rows[start:t] if any(c.kind == "num" for c in r)]
        start = t + 1
        if len(above) < 2:
            continue
        pad = _aligned(above, total)
        grid, line = [pad(r) for r in above], pad(total)
        heads = pad(header) if header and len(header) <= len(line) else None
        checked = []
        for p, cell in enumerate(line):
            if cell is None or cell.kind != "num" or cell.q.unit == PERCENT:
                continue
            column = [r[p] for r in grid]
            if len(column) < 2 or any(c is None or c.kind == "text" or c.kind == "num" and c.q.unit == PERCENT for c in column):
                continue
            if sum(1 for c in column if c.amount) < 2:
                continue
            if cell.amount == column[0].amount and len({c.amount for c in column}) == 1:
                continue  # 合计 936人 296.00 277056.00: the standard every row shares, repeated, not added
            head = heads[p].text if heads and heads[p] is not None else ""
            if SKIP.search(head) or RATE.search(head):
                continue
            checked.append((cell, sum((c.amount for c in column), Decimal(0)), column, head))
        held = [c for c in checked if c[0].amount == c[1]]
        broken = [c for c in checked if c[0].amount != c[1]]
        if len(broken) != 1:
            continue
        cell, computed, column, head = broken[0]
        blank = [r for c, r in zip(column, grid) if c.kind == "empty"]
        if any(o is not None and o.kind == "num" and o.amount == cell.amount - computed for r in blank for o in r):
            continue  # 焦作林场 |  | 10 |  under 合计 6490: the row's 10 left out of its blank cell, not a wrong total
        sums = {sum((r[q].amount for r in grid if r[q] is not None and r[q].kind == "num"), Decimal(0)) for q in range(len(line))}
        if cell.amount in sums:
            continue  # 合计  4758    2854800 under 受益人数 | 标准 | 金额: an empty cell lost, 4758 is another column's total
        n, parts = len(column), [c.amount for c in column]
        places = max([cell.q.places] + [c.q.places for c in column if c.kind == "num"])
        if places and abs(cell.amount - computed) <= Decimal(1).scaleb(-places):
            continue  # 14.48 for 14.47, 100 for 99.99: shares or 万元 each rounded before they were added, one step apart
        named = bool(COUNT.search(head) or AMOUNT.search(head))
        if not held and not (named and n >= 3 and one_keystroke_apart(cell.amount, computed, parts)):
            continue  # one column only: a slip of one keystroke in its total or in one of its rows
        said = f"表格「{_label_of(total)}」一行的这一栏写作 {_plain(cell.amount)}，上面 {n} 行相加应为 {_plain(computed)}"
        slip = slipped_part(cell.amount, computed, parts)
        if slip is None:
            out.append(_flag(cell, computed, said, rule="TABLE-TOTAL"))
            continue
        row = next(above[i] for i, r in enumerate(grid) if any(c is column[slip] for c in r))
        fixed = cell.amount - computed + parts[slip]
        out.append(_flag(cell, computed, f"{said}；若「{_label_of(row)}」一行的 {_plain(parts[slip])} 是 {_plain(fixed)} 之误，合计正好相符",
                         rule="TABLE-TOTAL", suggestion=f"核对「{_label_of(row)}」一行的 {_plain(parts[slip])}（改为 {_plain(fixed)} 则与合计相符），或把合计改为 {_plain(computed)}"))
    return out


def _aligned(above: list[list[Cell]], total: list[Cell]):  # -> how to pad a row onto the grid
    """The rows and the 合计 row on one grid: aligned on the right (合计 spans the label columns on the left)
    or on the left (a remarks column on the right is left empty), whichever puts the total's figures over
    columns of figures."""
    width = max([len(total)] + [len(r) for r in above])

    def right(r):
        return [None] * (width - len(r)) + list(r)

    def left(r):
        return list(r) + [None] * (width - len(r))

    def fit(pad) -> int:
        grid, line = [pad(r) for r in above], pad(total)
        return sum(1 for p, c in enumerate(line) if c is not None and c.kind == "num"
                   and all(r[p] is not None and r[p].kind in ("num", "empty") for r in grid))

    return left if fit(left) > fit(right) else right


_COLUMN_NUMBERS = re.compile(r"\s*(?:栏\s*次|行\s*次|栏\s*号|列\s*号)\s*")


def _numbers_the_columns(row: list[Cell]) -> bool:
    """栏次 | 1 | 2 | 3 | 4: a row that numbers the columns holds no figures of the table."""
    figs = [c.amount for c in row if c.kind == "num"]
    return bool(_COLUMN_NUMBERS.fullmatch(_label_of(row))) or len(figs) >= 3 and figs == list(range(1, len(figs) + 1))


def check_flat_tables(statements: list[Statement]) -> list[Finding]:
    findings = []
    for rows in flat_tables(statements):
        rows = [r for r in rows if not _numbers_the_columns(r)]
        if not rows:
            continue
        serial = _serial(rows)
        found = (_row_sums(rows, serial) + _row_products(rows, serial) + _column_totals(rows, serial) + _row_ratios(rows, serial)
                 + _row_groups(rows, serial) + _column_shares(rows, serial))
        totalled = {(f.paragraph, f.line) for f in found if f.rule == "TABLE-TOTAL"}
        # 合计 | 116 | 170 | 9: a slip in the 170 breaks its column and its row alike — told once, in the column
        found = [f for f in found if not (f.rule == "TABLE-ROW-SUM" and (f.paragraph, f.line) in totalled)]
        findings += [f for f in found if not _cut_at_line_end(statements, rows, f)]
    return findings


def _cut_at_line_end(statements: list[Statement], rows: list[list[Cell]], found: Finding) -> bool:
    """办公桌椅 | 套 | 277 | 850.00 | 23545⏎0.00: a figure ending its row's line, with the next line only a figure's
    rest, may have been cut by the page's width — a finding on it is more likely a misreading than a slip."""
    for row in rows:
        cells = [c for c in row if c.kind == "num"]
        if not cells or cells[-1].q.value != found.stated or cells[-1].st.text[cells[-1].end :].strip(" |\t"):
            continue
        if len({id(c.st) for c in row}) != 1:
            continue  # a table one cell per line: every figure ends its line
        nxt = cells[-1].st.index + 1
        if nxt < len(statements) and re.match(r"\s*[0-9０-９.．,，][0-9０-９.．]*\s*$", statements[nxt].text):
            return True
    return False


__all__ = ["check_flat_tables", "check_tables", "flat_tables", "quantities"]
