"""Word files whose headings and items Word numbers itself: read with the labels the clerk sees."""

from __future__ import annotations

from pathlib import Path

import docx
from lxml import etree

from kit.docx_numbering import format_number
from kit.proof import check_document, import_document
from kit.proof.source import read_document

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
LEVELS = (("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."))


def _numbering(document, levels=LEVELS, restart_num: bool = False) -> None:
    """An abstractNum 90 with *levels* and list instances 90 (and 91, restarting at its start, when asked)."""
    root = document.part.numbering_part.element
    lvls = "".join(
        f'<w:lvl w:ilvl="{k}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
        f'<w:suff w:val="nothing"/></w:lvl>' for k, (fmt, text) in enumerate(levels))
    abstract = etree.fromstring(f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="90">{lvls}</w:abstractNum>')
    root.insert(0, abstract)  # abstractNum elements come before num elements
    root.append(etree.fromstring(f'<w:num xmlns:w="{W}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    if restart_num:
        root.append(etree.fromstring(
            f'<w:num xmlns:w="{W}" w:numId="91"><w:abstractNumId w:val="90"/>'
            f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))


def _numbered(paragraph, level: int, num: int = 90) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(etree.fromstring(
        f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'))


def _write(path: Path, lines, **kw) -> Path:
    """*lines*: (level or None, text, numId)."""
    document = docx.Document()
    _numbering(document, **kw)
    for level, text, *num in lines:
        paragraph = document.add_paragraph(text)
        if level is not None:
            _numbered(paragraph, level, *(num or [90]))
    document.save(str(path))
    return path


PLAN = [
    (None, "某某小学工会教师节慰问方案", 90),
    (0, "慰问对象", 90),
    (1, "在职教职工", 90),
    (1, "退休教职工", 90),
    (0, "经费预算", 90),
    (2, "在职教职工86人，每人200元，计17200元；", 90),
    (2, "退休教职工32人，每人150元，计4800元；", 90),
    (None, "以上两项合计22000元。", 90),
    (0, "工作要求", 90),
]


def test_labels_word_writes_are_read_as_the_clerk_sees_them(tmp_path):
    lines = read_document(_write(tmp_path / "plan.docx", PLAN)).text.split("\n")
    assert lines[1:8] == ["一、慰问对象", "（一）在职教职工", "（二）退休教职工", "二、经费预算",
                          "1.在职教职工86人，每人200元，计17200元；", "2.退休教职工32人，每人150元，计4800元；",
                          "以上两项合计22000元。"]
    assert lines[8] == "三、工作要求"  # the （一） under 一、 and the 1. under 二、: each level counts on its own
    assert [f for f in check_document(tmp_path / "plan.docx") if f.kind in ("numbering", "arithmetic")] == []


def test_a_budget_numbered_by_word_is_checked_and_imported_with_its_sections(tmp_path):
    wrong = [(lv, t.replace("合计22000元", "合计21000元"), n) for lv, t, n in PLAN]
    found = [f for f in check_document(_write(tmp_path / "wrong.docx", wrong)) if f.kind == "arithmetic"]
    assert [(f.stated, f.computed) for f in found] == [(21000, 22000)]
    sections = import_document(tmp_path / "wrong.docx")["sections"]  # the sections Word numbered are found
    assert [s["title"] for s in sections.values()] == ["慰问对象", "经费预算", "工作要求"]
    assert sections["budget"]["kind"] == "ledger" and [str(ln["stated_subtotal"]) for ln in sections["budget"]["lines"]] == ["17200", "4800"]


def test_a_list_restarted_by_the_clerk_starts_again_and_bullets_are_no_labels(tmp_path):
    lines = [(None, "方案一", 90), (0, "目的", 90), (0, "对象", 90), (None, "方案二", 90), (0, "目的", 91), (0, "对象", 91)]
    text = read_document(_write(tmp_path / "two.docx", lines, restart_num=True)).text
    assert text.split("\n")[4:6] == ["一、目的", "二、对象"]
    assert [format_number(n, f) for n, f in [(11, "chineseCounting"), (3, "ideographTraditional"), (4, "decimalEnclosedCircle"),
                                               (12, "upperRoman"), (2, "bullet"), (21, "chineseLegalSimplified")]] \
        == ["十一", "丙", "④", "XII", "", "贰拾壹"]


def test_a_skip_in_numbers_word_writes_cannot_be_made_but_a_skip_typed_is_still_found(tmp_path):
    lines = [(0, "目的", 90), (0, "对象", 90), (None, "四、要求", 90)]  # a typed 四、 after Word's 一、二、
    found = [f for f in check_document(_write(tmp_path / "typed.docx", lines)) if f.kind == "numbering"]
    assert len(found) == 1 and "「四、」" in found[0].message


def test_kit_fix_edits_the_right_characters_after_a_label_word_writes(tmp_path):
    from kit.cli import main
    from kit.docx_revisions import paragraph_chars
    from kit.docx_xml import qn

    wrong = [(lv, t.replace("计17200元", "计17300元").replace("合计22000元", "合计22100元"), n) for lv, t, n in PLAN]
    source, out = _write(tmp_path / "wrong.docx", wrong), tmp_path / "fixed.docx"
    assert main(["fix", str(source), "-o", str(out)]) == 0
    document = docx.Document(str(out))
    inserted = ["".join(t.text for t in ins.iter(qn("w:t"))) for ins in document.element.body.iter(qn("w:ins"))]
    deleted = ["".join(t.text for t in d.iter(qn("w:delText"))) for d in document.element.body.iter(qn("w:del"))]
    assert sorted(zip(deleted, inserted)) == [("17300", "17200"), ("22100", "22000")]
    paragraphs = ["".join(c.text for c in paragraph_chars(p)) for p in document.element.body.iter(qn("w:p"))]
    assert "在职教职工86人，每人200元，计17200元；" in paragraphs  # the label is still Word's, not typed in


def test_a_finding_on_a_label_word_writes_is_a_comment_at_the_paragraph(tmp_path, capsys):
    from kit.cli import main

    lines = [(0, "目的", 90), (None, "二、对象", 90), (0, "要求", 90)]  # a typed 二、, then Word's own 二、
    source, out = _write(tmp_path / "dup.docx", lines), tmp_path / "fixed.docx"
    found = [f for f in check_document(source) if f.kind == "numbering"]
    assert len(found) == 1 and "重复" in found[0].message and found[0].paragraph == 3
    assert main(["fix", str(source), "-o", str(out)]) == 0
    comments = list(docx.Document(str(out)).comments)
    assert any("重复" in c.text for c in comments)  # anchored at 要求, since the label is in no run
