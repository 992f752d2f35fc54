"""One document structure built from a draft: wording and numbering decided once.

:func:`build` turns a validated :class:`kit.model.Draft` into a
:class:`DocumentStructure` of frozen blocks (headings, paragraphs, tables …).
Both renderers (DOCX and the HTML preview) consume this structure only, so a
label such as 「（三）」 or a sentence such as 「五项总计3320元」 is written in
exactly one place. Numbering comes from position: a document can never skip
or repeat a number. Figures are always the computed ones (kit.ledger).
"""

from __future__ import annotations

import datetime as _dt
import math
from dataclasses import dataclass
from decimal import Decimal

from . import model as m
from .cnnum import ordinal
from .ledger import compute
from .money import format_yuan, share_percent
from .refs import label_for, resolved

FULL_SPACE = "\u3000"
# 156 mm text block / 22 pt (2号) characters: at most 20 characters a title line.
TITLE_LINE_CHARS = 20


# -- blocks -------------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    """A numbered heading; with *body* it is run in (label + lead, then text)."""

    level: int  # 1 一、 2 （一） 3 1. 4 （1）
    label: str
    text: str
    body: str = ""


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph indented 2 characters; *lead* is an optional first run."""

    text: str
    lead: str = ""
    bold_lead: bool = False


@dataclass(frozen=True)
class RoleLine:
    """组　长：王德明　校长 — one person per line, later lines under the first name."""

    label: str
    entries: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A simple grid: a header row, body rows and an optional total row."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    total: tuple[str, ...] | None = None


Block = Heading | Paragraph | RoleLine | Table


@dataclass(frozen=True)
class Signature:
    """Issuer and date without a seal; right indents in characters (GB 7.3.5.2)."""

    issuer: str
    date: str
    issuer_right_chars: float
    date_right_chars: float


@dataclass(frozen=True)
class AttachmentPage:
    label: str  # 附件 or 附件2
    title: str
    paragraphs: tuple[str, ...]
    blocks: tuple[Block, ...] = ()  # the blocks of a section printed on this page (Attachment.section)


@dataclass(frozen=True)
class RedHeader:
    mark: str  # 发文机关标志: issuer + 文件
    doc_number: str | None


@dataclass(frozen=True)
class Colophon:
    cc: str | None  # 抄送：… line, None when nobody is copied
    office: str
    date: str  # …印发


@dataclass(frozen=True)
class DocumentStructure:
    title_lines: tuple[str, ...]
    recipient: str | None  # with the full-width colon
    blocks: tuple[Block, ...]
    attachment_note: tuple[str, ...]  # first line starts with 附件：
    signature: Signature
    attachments: tuple[AttachmentPage, ...]
    red_header: RedHeader | None = None
    colophon: Colophon | None = None

    def headings(self, level: int | None = None) -> list[Heading]:
        return [b for b in self.blocks if isinstance(b, Heading) and (level is None or b.level == level)]


# -- small wording helpers ----------------------------------------------------


def date_text(day: _dt.date) -> str:
    """2023年12月20日: Arabic numerals, no leading zeros (GB 7.3.5)."""
    return f"{day.year}年{day.month}月{day.day}日"


def number_text(value: Decimal) -> str:
    """116 → 116, 14.50 → 14.5, never an exponent."""
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def percent(part: Decimal, whole: Decimal, decimals: int) -> str:
    if whole == 0:
        return "—"
    return f"{share_percent(part, whole, decimals):f}%"


def width(text: str) -> float:
    """Printed width in full characters: ASCII counts half."""
    return sum(0.5 if ord(ch) < 0x2000 else 1.0 for ch in text)


def sentence(text: str) -> str:
    """End *text* with 。 unless it already ends with punctuation."""
    text = text.strip()
    return text if not text or text[-1] in "。！？；：.!?;:" else text + "。"


def role_label(label: str) -> str:
    """「组长」→「组　长：」: two-character labels line up with three-character ones."""
    if len(label) == 2:
        label = label[0] + FULL_SPACE + label[1]
    return label + "："


def person_text(person: m.Person) -> str:
    return f"{person.name}{FULL_SPACE}{person.title}" if person.title else person.name


# -- title --------------------------------------------------------------------

_BREAK_AFTER = ("关于", "的", "、", "和", "与", "及", "年", "学期", "中学", "小学", "学校", "委员会", "工会", "之家")
_BREAK_BEFORE = ("关于", "实施方案", "工作方案", "活动方案", "建设方案", "方案", "总结", "通知", "报告", "计划", "意见", "办法")


def _break_points(title: str) -> list[int]:
    points = set()
    for i in range(1, len(title)):  # endswith/startswith with bounds: no slice copied per position
        if title.endswith(_BREAK_AFTER, 0, i) or title.startswith(_BREAK_BEFORE, i):
            if not (title[i - 1].isascii() and title[i].isascii()):
                points.add(i)
    return sorted(points)


TITLE_SEARCH_BUDGET = 20_000  # candidate cuts examined before the best so far is taken


def title_lines(title: str, limit: int = TITLE_LINE_CHARS) -> tuple[str, ...]:
    """Break a long title into balanced lines at word boundaries, short lines on top.

    Lines are cut only after or before known boundary words (的, 关于, 方案 …) so
    no word is split; among the cuts that fit, the most balanced wins, preferring
    a top line no longer than the next (a trapezoid). Without any usable
    boundary, the title is cut by length between two characters of a run of
    ASCII or at the midpoint. The search skips cuts that cannot fit and stops
    after :data:`TITLE_SEARCH_BUDGET` steps, so any title breaks in bounded time.
    """
    title = " ".join(title.split())
    if width(title) <= limit:
        return (title,)
    n = math.ceil(width(title) / limit)
    points = _break_points(title) or [i for i in range(1, len(title)) if not (title[i - 1].isascii() and title[i].isascii())]
    prefix = [0.0]  # prefix[i] == width(title[:i])
    for ch in title:
        prefix.append(prefix[-1] + (0.5 if ord(ch) < 0x2000 else 1.0))
    best: tuple[float, tuple[int, ...]] | None = None
    steps = 0

    def search(start: int, cuts: tuple[int, ...]) -> None:
        nonlocal best, steps
        if len(cuts) == n - 1:
            bounds = (0, *cuts, len(title))
            widths = [prefix[b] - prefix[a] for a, b in zip(bounds, bounds[1:])]
            if max(widths) > limit:
                return
            score = max(widths) - min(widths) + sum(0.5 for a, b in zip(widths, widths[1:]) if a > b)
            if best is None or score < best[0]:
                best = (score, cuts)
            return
        lines_after = n - len(cuts) - 1  # lines still to fill after this cut
        for p in points:
            if p <= start:
                continue
            if prefix[p] - prefix[start] > limit:
                break  # this line is already too long, and later cuts only lengthen it
            if prefix[len(title)] - prefix[p] > limit * lines_after:
                continue  # what is left cannot fit in the lines left
            steps += 1
            if steps > TITLE_SEARCH_BUDGET:
                return
            search(p, cuts + (p,))

    search(0, ())
    if best is None:
        return _fallback(title, n, limit)
    return _split(title, best[1])


def _split(title: str, cuts: tuple[int, ...]) -> tuple[str, ...]:
    bounds = (0, *cuts, len(title))
    return tuple(title[a:b] for a, b in zip(bounds, bounds[1:]))


def _fallback(title: str, n: int, limit: int) -> tuple[str, ...]:
    size = math.ceil(len(title) / n)
    return tuple(title[i : i + size] for i in range(0, len(title), size))


# -- sections -----------------------------------------------------------------


def _items(items: list[m.Item], level: int) -> list[Block]:
    blocks: list[Block] = []
    for n, item in enumerate(items, 1):
        label = ordinal(n, min(level, 4))
        lead, text = (item.lead or "").strip(), item.text.strip()
        if lead and text:
            lead = sentence(lead)  # a lead typed without its 。 must not run into the text
        if lead:
            blocks.append(Heading(min(level, 4), label, lead, text))
        else:
            blocks.append(Heading(min(level, 4), label, "", text))
        blocks.extend(_items(item.sub, level + 1))
    return blocks


def _organisation(s: m.OrganisationSection) -> list[Block]:
    out: list[Block] = [Paragraph(p) for p in s.intro]
    if not s.intro:
        out.append(Paragraph(f"成立{s.group_name}，组成如下："))
    out.append(RoleLine(role_label("组长"), (person_text(s.leader),)))
    if s.deputies:
        out.append(RoleLine(role_label("副组长"), tuple(person_text(p) for p in s.deputies)))
    members = [person_text(p) for p in s.members]
    if s.members_collective:
        members.append(s.members_collective)
    if members:
        out.append(RoleLine(role_label("成员"), tuple(members)))
    if s.office is not None:
        o = s.office
        parts = [f"{s.group_name}下设办公室"]
        if o.location:
            parts.append(f"办公室设在{o.location}")
        if o.head:
            parts.append(f"{o.head.name}同志任办公室主任")
        if o.members:
            parts.append("成员：" + "、".join(p.name for p in o.members))
        text = "，".join(parts) + "。"
        if o.duty:
            text += sentence(o.duty if o.duty.startswith("办公室") else "办公室" + o.duty)
        out.append(Paragraph(text))
    if s.duties:
        if len(s.duties) > 1:
            out.append(Paragraph("具体分工如下："))
        out.extend(Paragraph(sentence(d.what), lead=f"{d.who}：") for d in s.duties)
    return out


def _per(unit: str) -> str:
    """每人 for people counted in 名/位, 每户 for households: the noun after 每."""
    return "人" if unit in ("人", "名", "位") else unit


def balance_text(budget: Decimal, spent: Decimal) -> str:
    """节余50元 / 超支20元 / 收支持平."""
    diff = budget - spent
    if diff == 0:
        return "收支持平"
    return f"节余{format_yuan(diff)}元" if diff > 0 else f"超支{format_yuan(-diff)}元"


def _spending(s: m.LedgerSection) -> list[Block]:
    """A summary's spending against the plan's budget, per line and in total."""
    result = compute(s)
    out: list[Block] = [Paragraph(p) for p in s.intro]
    planned = sum((r.line.budget or Decimal(0) for r in result.lines), Decimal(0))
    if s.style == "table":
        rows = []
        for r in result.lines:
            b = r.line.budget
            rows.append((str(r.index + 1), r.line.name, format_yuan(b) if b is not None else "—", format_yuan(r.subtotal),
                         format_yuan(b - r.subtotal) if b is not None else "—", r.line.note or ""))
        total = ("", label_for(s), format_yuan(planned), format_yuan(result.total), format_yuan(planned - result.total), "")
        out.append(Table(("序号", "项目", "预算（元）", "支出（元）", "结余（元）", "备注"), tuple(rows), total))
        return out
    for r in result.lines:
        b = r.line.budget
        if b is None:
            text = f"{r.line.name}实际支出{format_yuan(r.subtotal)}元（预算外）"
        else:
            text = f"{r.line.name}预算{format_yuan(b)}元，实际支出{format_yuan(r.subtotal)}元，{balance_text(b, r.subtotal)}"
        out.append(Paragraph(text + (f"（{r.line.note}）" if r.line.note else "") + "。"))
    out.append(Paragraph(f"{label_for(s)}：预算{format_yuan(planned)}元，实际支出{format_yuan(result.total)}元"
                         f"（大写：{result.total_upper}），{balance_text(planned, result.total)}。"))
    return out


GENERIC_COMPONENTS = ("金额", "费用", "经费", "单价", "价格")


def fixed_line_text(line: m.LedgerLine, subtotal: str) -> str:
    """A fixed-amount line as a sentence: 图书及书架2000元。/ 电脑（台式电脑）3500元。/ 参加慰问人员：餐费80元、…，小计220元。"""
    if len(line.components) == 1:
        c = line.components[0]
        if c.name in GENERIC_COMPONENTS or c.name in line.name:
            return f"{line.name}{format_yuan(c.amount)}元。"
        return f"{line.name}（{c.name}）{format_yuan(c.amount)}元。"
    parts = "、".join(f"{c.name}{format_yuan(c.amount)}元" for c in line.components)
    return f"{line.name}：{parts}，小计{subtotal}元。"


def _ledger(s: m.LedgerSection) -> list[Block]:
    if any(line.budget is not None for line in s.lines):
        return _spending(s)
    result = compute(s)
    out: list[Block] = [Paragraph(p) for p in s.intro]
    if s.style == "table":
        rows = []
        for r in result.lines:
            line = r.line
            standard = "、".join(f"{c.name}{format_yuan(c.amount)}元" for c in line.components)
            if line.kind == "per_head":
                standard = f"{line.count}{line.unit}，每{_per(line.unit)}{standard}"
            rows.append((str(r.index + 1), line.name, standard, format_yuan(r.subtotal), line.note or ""))
        total = ("", label_for(s), f"大写：{result.total_upper}", format_yuan(result.total), "")
        out.append(Table(("序号", "项目", "标准", "金额（元）", "备注"), tuple(rows), total))
        return out
    for r in result.lines:
        line = r.line
        parts = "、".join(f"{c.name}{format_yuan(c.amount)}元" for c in line.components)
        if line.kind == "per_head":
            text = f"{line.name}{line.count}{line.unit}，每{_per(line.unit)}{parts}，小计{format_yuan(r.subtotal)}元。"
        else:
            text = fixed_line_text(line, format_yuan(r.subtotal))
        if line.note:
            text = text[:-1] + f"（{line.note}）。"
        out.append(Paragraph(text))
    out.append(Paragraph(f"{label_for(s)}{format_yuan(result.total)}元（大写：{result.total_upper}）。"))
    return out


def _activities(s: m.ActivitiesSection) -> list[Block]:
    out: list[Block] = [Paragraph(p) for p in s.intro]
    for n, a in enumerate(s.items, 1):
        details = []
        if a.frequency:
            details.append(f"时间：{a.frequency}")
        if a.responsible:
            details.append(f"负责人：{a.responsible}")
        if a.participants:
            details.append(f"参加人员：{a.participants}")
        body = sentence(a.content) if a.content.strip() else ""
        if details:
            body += "；".join(details) + "。"
        out.append(Heading(2, ordinal(n, 2), sentence(a.name), body))
    return out


def facts_text(s: m.FactsSection) -> str:
    """The figures as one sentence; shares computed, parts after their whole."""
    facts = {f.key: f for f in s.facts}
    part_of = {p: total for total in s.sums for p in total.parts}
    shares: dict[str, list[m.Share]] = {}
    for share in s.shares:
        shares.setdefault(share.part, []).append(share)

    def one(key: str) -> str:
        f = facts[key]
        text = f"{f.label}{number_text(f.value)}{f.unit}"
        for sh in shares.get(key, []):
            text += f"，{sh.label}{percent(f.value, facts[sh.whole].value, sh.decimals)}"
        return text

    clauses = []
    for f in s.facts:
        if f.key in part_of:
            continue
        text = one(f.key)
        total = next((t for t in s.sums if t.whole == f.key), None)
        if total is not None:
            text += "，其中" + "、".join(one(p) for p in total.parts)
        clauses.append(text)
    return "；".join(clauses) + "。" if clauses else ""


def _facts(s: m.FactsSection) -> list[Block]:
    out: list[Block] = [Paragraph(p) for p in s.intro]
    text = facts_text(s)
    if text:
        out.append(Paragraph(text))
    return out + [Paragraph(p) for p in s.paragraphs]


def target_text(t: m.Target) -> str:
    value = f"{number_text(t.value)}{t.unit}"
    text = {"≥": f"{t.label}达到{value}以上", "≤": f"{t.label}控制在{value}以内", "=": f"{t.label}达到{value}"}[t.op]
    return f"{text}（{t.note}）" if t.note else text


def _targets(s: m.TargetsSection) -> list[Block]:
    out: list[Block] = [Paragraph(p) for p in s.intro]
    if s.targets:
        out.append(Paragraph("；".join(target_text(t) for t in s.targets) + "。"))
    return out + [Paragraph(p) for p in s.paragraphs]


# -- the document -------------------------------------------------------------


def signature(issuer: str, day: _dt.date) -> Signature:
    """GB 7.3.5.2: issuer 2 characters from the right, date's first character 2 to its right.

    When the date is the longer, the date keeps 2 characters from the right
    and the issuer moves left.
    """
    date = date_text(day)
    wi, wd = width(issuer), width(date)
    issuer_right = 2 + max(0.0, wd + 2 - wi)
    return Signature(issuer, date, issuer_right, issuer_right + wi - 2 - wd)


def attachment_note(attachments: list[m.Attachment]) -> tuple[str, ...]:
    """附件：名称 (one) or 附件：1. 名称 / 2. 名称 (several); no final punctuation."""
    if not attachments:
        return ()
    if len(attachments) == 1:
        return (f"附件：{attachments[0].title.rstrip('。.')}",)
    lines = [f"{n}. {a.title.rstrip('。.')}" for n, a in enumerate(attachments, 1)]
    return (f"附件：{lines[0]}", *lines[1:])


def build(draft: m.Draft, *, red_header: bool = False, colophon: bool = False) -> DocumentStructure:
    """The document of *draft*, numbered and worded, ready for any renderer.

    Figures named in the text (``{{退休教师.人数}}``, kit.refs) are written with their current value."""
    from .sections import section_blocks

    draft = resolved(draft)
    h = draft.header
    blocks: list[Block] = []
    on_attachments = {a.section for a in h.attachments if a.section}
    body = [s for key, s in draft.sections.items() if key not in on_attachments]
    for n, section in enumerate(body, 1):
        blocks.append(Heading(1, ordinal(n, 1), section.title.strip()))
        blocks.extend(section_blocks(section))
    many = len(h.attachments) > 1
    pages = tuple(
        AttachmentPage(f"附件{n}" if many else "附件", a.title, tuple(a.paragraphs),
                       tuple(section_blocks(draft.sections[a.section])) if a.section else ())
        for n, a in enumerate(h.attachments, 1)
    )
    col = None
    if colophon:
        col = Colophon(
            "抄送：" + "，".join(h.cc) + "。" if h.cc else None,
            h.print_office or h.issuer,
            date_text(h.print_date or h.date) + "印发",
        )
    return DocumentStructure(
        title_lines=title_lines(h.title),
        recipient=f"{h.recipient.strip().rstrip('：:')}：" if h.recipient and h.recipient.strip() else None,
        blocks=tuple(blocks),
        attachment_note=attachment_note(h.attachments),
        signature=signature(h.issuer, h.date),
        attachments=pages,
        red_header=RedHeader(f"{h.issuer}文件", h.doc_number) if red_header else None,
        colophon=col,
    )
