"""``kit import``: an old document (.docx, .txt, .md) as draft data.

The type comes from the title (慰问 → consolation, 通知 → notice,
总结/汇报/小结 → summary, else plan); the header from the first lines
(title, 发文字号, the recipient line ending in ：) and the signature (issuer
and date, the last lines). Each level-one heading (一、…) opens a section:

* budget prose → a ledger, the author's figures kept as stated_subtotal and
  stated_total (and 大写), so ``kit check`` finds the same mistakes;
* 组长：/副组长：/成员： lines → an organisation;
* numbered lines （一） 1. （1） → items, the lead phrase being the text up to
  the first 。 when short;
* anything else → prose paragraphs.

Text before the first heading becomes the first section's intro. Figures in
the prose that agree with the imported budget (退休教师15人, the total and its
大写) become references (:func:`kit.refs.link_figures`), so they follow the
budget once it is edited; the rendered text is the same as the document's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from pathlib import Path
from typing import Any

from ..cnnum import ChineseNumberError, parse_cn_int
from ..drafts import save_data
from ..errors import InputError, os_error_message
from ..outputs import DRAFT_SUFFIXES, prepare_output
from ..model import SCHEMA_VERSION
from .passage import statements
from .relations.budget import Line, Total, budget_blocks
from .lines import Prepared, prepare
from .numbering import label_of
from .organisation import organisation_section
from .source import lines_of_text, read_document

TYPE_WORDS = (("consolation", "慰问"), ("notice", "通知"), ("summary", "总结|汇报|小结"))
DOC_NUMBER = re.compile(r"^\S+〔\d{4}〕[1-9]\d*号$")
DATE = re.compile(r"^(\d{4}|[〇零一二三四五六七八九]{4})年(\d{1,2}|[十一二三四五六七八九]{1,3})月(\d{1,2}|[十一二三四五六七八九]{1,3})日$")
LEAD_MAX = 16  # a lead phrase is at most this long, 。 included
SECTION_WORDS = {
    "guiding": "指导思想", "goals": "目标", "principles": "原则", "organisation": "组织|领导小组|机构",
    "activities": "活动内容|工作内容|开展的活动", "measures": "措施", "steps": "步骤|安排",
    "budget": "经费|费用|预算|资金", "spending": "经费|费用|资金", "requirements": "要求",
    "assessment": "考核|验收", "purpose": "目的|意义", "targets": "对象", "form": "形式",
    "group": "慰问组", "time": "时间", "eligibility": "条件|范围", "materials": "材料",
    "procedure": "程序|流程", "background": "事由|背景", "basics": "基本情况",
    "practice": "做法", "results": "成效|成绩", "problems": "问题|不足", "next": "打算|下一步|今后",
}


def detect_type(title: str) -> str:
    for name, words in TYPE_WORDS:
        if re.search(words, title):
            return name
    return "plan"


def _date(text: str) -> dt.date | None:
    m = DATE.match(text)
    if not m:
        return None
    try:
        year = int("".join(str("〇一二三四五六七八九".index(c)) if c in "〇一二三四五六七八九" else "0" if c == "零" else c for c in m.group(1)))
        month, day = (int(g) if g.isdigit() else parse_cn_int(g) for g in m.group(2, 3))
        return dt.date(year, month, day)
    except (ValueError, ChineseNumberError):
        return None


def _header(lines: list[Prepared]) -> tuple[dict[str, Any], int, int]:
    """Header fields and the body's [start, end) in *lines*."""
    header: dict[str, Any] = {}
    texts = [p.text.strip() for p in lines]
    for i, text in enumerate(texts[:3]):
        if DOC_NUMBER.match(text):
            header["doc_number"] = text
    body = [i for i, t in enumerate(texts) if not DOC_NUMBER.match(t)]
    title_at = body[0]
    header["title"] = texts[title_at]
    start = title_at + 1
    if start < len(texts) and texts[start].endswith(("：", ":")) and len(texts[start]) <= 40 and not label_of(texts[start]):
        header["recipient"] = texts[start].rstrip("：:")
        start += 1
    end = len(texts)
    for i in range(len(texts) - 1, max(start, len(texts) - 6) - 1, -1):
        date = _date(texts[i])
        if date:
            header["date"] = date
            end = i
            if i - 1 >= start and len(texts[i - 1]) <= 30 and not texts[i - 1].endswith(("。", "；", "：")) and not label_of(texts[i - 1]):
                header["issuer"] = texts[i - 1]
                end = i - 1
            break
    header.setdefault("issuer", "【待填：发文机关】")
    header.setdefault("date", dt.date.today())
    return header, start, end


def _section_key(title: str, doc_type: str, used: set[str]) -> str:
    from ..doctypes import get_type

    for spec in get_type(doc_type).sections:
        words = SECTION_WORDS.get(spec.key, spec.title)
        if spec.key not in used and re.search(words, title):
            return spec.key
    n = 1
    while f"section_{n}" in used:
        n += 1
    return f"section_{n}"


def _split_heading(text: str) -> tuple[str, str]:
    """一、活动目的：为了… → (活动目的, 为了…)."""
    label = label_of(text)
    body = text[label.end :].strip() if label else text
    m = re.search(r"[：:。]", body)
    if m and 0 < m.start() <= 12:
        return body[: m.start()], body[m.end() :].strip()
    return body, ""


def _items(lines: list[str]) -> tuple[list[str], list[dict[str, Any]]]:
    """Numbered lines as items; deeper levels become sub-items."""
    labels = [label_of(t) for t in lines]
    top = min(lab.level for lab in labels if lab)
    intro: list[str] = []
    items: list[dict[str, Any]] = []
    for text, lab in zip(lines, labels):
        if lab and lab.level == top:
            items.append(_item(text[lab.end :].strip()))
        elif not items:
            intro.append(text)
        elif lab and lab.level > top:
            items[-1].setdefault("sub", []).append(_item(text[lab.end :].strip() or text))
        else:
            target = items[-1]["sub"][-1] if items[-1].get("sub") else items[-1]
            target["text"] = (target.get("text", "") + "\n" + text).strip("\n")
    return intro, items


def _item(body: str) -> dict[str, Any]:
    k = body.find("。")
    if 0 < k < LEAD_MAX and body[k + 1 :].strip():
        return {"lead": body[: k + 1], "text": body[k + 1 :].strip()}
    return {"text": body}


def _ledger(title: str, lines: list[Prepared]) -> dict[str, Any] | None:
    blocks = budget_blocks(statements(lines))
    parsed = [b for b in blocks if b.lines]
    if not parsed:
        return None
    used = {id(at) for b in parsed for ln in b.lines for _, at in ln.st.parts}
    used |= {id(at) for b in parsed if b.total for _, at in b.total.st.parts}
    section: dict[str, Any] = {
        "kind": "ledger", "title": title,
        "intro": [p.text.strip() for p in lines if id(p) not in used and p.text.strip()],
        "lines": [_ledger_line(line) for b in parsed for line in b.lines],
    }
    totals = [b.total for b in parsed if b.total]
    if len(totals) == 1:
        total: Total = totals[0]
        section["total_label"] = total.label
        section["stated_total"] = total.result.value
        if total.upper:
            section["stated_total_upper"] = total.upper.text
    return section


def _ledger_line(line: Line) -> dict[str, Any]:
    out: dict[str, Any] = {"name": line.name, "kind": line.kind}
    if line.kind == "per_head":
        out["count"] = line.count
        if line.unit and line.unit != "人":
            out["unit"] = line.unit
    out["components"] = [{"name": name, "amount": amount} for name, amount in line.components]
    out["stated_subtotal"] = line.result.value
    return out


def recognise_ledger(title: str, lines: list[Prepared]) -> dict[str, Any] | None:
    return _ledger(title, lines)


def recognise_organisation(title: str, lines: list[Prepared]) -> dict[str, Any] | None:
    return organisation_section(title, [p.text.strip() for p in lines])


def recognise_items(title: str, lines: list[Prepared]) -> dict[str, Any] | None:
    texts = [p.text.strip() for p in lines]
    if not any(label_of(t) for t in texts):
        return None
    intro, items = _items(texts)
    return {"kind": "items", "title": title, "intro": intro, "items": items}


def recognise_prose(title: str, lines: list[Prepared]) -> dict[str, Any]:
    return {"kind": "prose", "title": title, "paragraphs": [p.text.strip() for p in lines]}


def _section(title: str, lines: list[Prepared]) -> dict[str, Any]:
    """The first registered kind (kit.sections, by priority) that recognises the section."""
    from ..sections import recognisers

    lines = [p for p in lines if p.text.strip()]
    for _kind, recognise in recognisers():
        data = recognise(title, lines)
        if data:
            return data
    return recognise_prose(title, lines)


MARKDOWN_HEADING = re.compile(r"^#{1,6}\s*")


def import_lines(prepared: list[Prepared], doc_type: str | None = None, *, link: bool = True) -> dict[str, Any]:
    """Draft data for *prepared* lines; with *link*, prose figures that agree with the budget become references."""
    lines = [p._replace(text=MARKDOWN_HEADING.sub("", p.text)) for p in prepared if p.text.strip()]
    if not lines:
        raise InputError("文档中没有文字，无法导入")
    header, start, end = _header(lines)
    doc_type = doc_type or detect_type(header["title"])
    sections: dict[str, Any] = {}
    preamble: list[str] = []
    current: tuple[str, list[Prepared]] | None = None
    chunks: list[tuple[str, list[Prepared]]] = []
    for p in lines[start:end]:
        label = label_of(p.text)
        if label and label.level == 1:
            title, rest = _split_heading(p.text)
            current = (title or "正文", [])
            chunks.append(current)
            if rest:
                current[1].append(p._replace(text=rest, origin=[]))
        elif current is None:
            preamble.append(p.text.strip())
        else:
            current[1].append(p)
    if not chunks:
        chunks.append(("正文", [p for p in lines[start:end]]))
        preamble = []
    for title, body in chunks:
        key = _section_key(title, doc_type, set(sections))
        sections[key] = _section(title, body)
    if preamble:
        first = next(iter(sections.values()))
        first["intro"] = preamble + first.get("intro", [])
    data = {"schema_version": SCHEMA_VERSION, "type": doc_type, "header": header, "sections": sections}
    if link:
        from ..refs import link_figures

        data = link_figures(data)
    return data


def import_text(text: str, doc_type: str | None = None, *, link: bool = True) -> dict[str, Any]:
    """Draft data for document *text* (one paragraph per line)."""
    return import_lines(prepare(lines_of_text(text)), doc_type, link=link)


def import_document(path: str | Path, doc_type: str | None = None, *, link: bool = True) -> dict[str, Any]:
    """Draft data (plain dicts) for the document at *path*; unusable files raise InputError."""
    document = read_document(path)
    return import_lines(prepare(document.lines), doc_type, link=link)


def cli_import(args: argparse.Namespace) -> int:
    from ..doctypes import registry

    if args.type and args.type not in registry().types:
        raise InputError(f"未知的文书类型「{args.type}」，可用：{'、'.join(registry().types)}")
    out = prepare_output(args.output, inputs=[args.file], force=args.force, suffixes=DRAFT_SUFFIXES, what="草稿")
    data = import_document(args.file, args.type)
    try:
        draft = save_data(data, out)  # a DraftError (exit 2) if the import is not a valid draft
    except OSError as exc:
        raise InputError(os_error_message(exc, out, "写入")) from None
    kinds = "、".join(f"{s.title}（{s.kind}）" for s in draft.sections.values())
    print(f"已导入为草稿 {out}：文书类型 {draft.type}，标题「{draft.header.title}」")
    print(f"各节：{kinds}")
    ledgers = draft.sections_of("ledger")
    if ledgers:
        count = sum(len(s.lines) for _, s in ledgers)
        print(f"经费预算 {count} 项，原文所写的小计、合计已保留，可用 kit check {out} 核对。")
    print("请核对标题、发文机关和日期后再使用。")
    return 0
