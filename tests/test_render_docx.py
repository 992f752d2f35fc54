"""DOCX rendering: read the file back and check GB/T 9704 layout and bad input."""

from __future__ import annotations

import importlib.util
import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Mm, Pt
from lxml import etree

from kit import structure
from kit.docx_xml import qn, texts
from kit.drafts import load_draft, validate_data, DraftError
from kit.errors import InputError
from kit.render import docx_bytes, render_docx
from kit.resources import resources

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "sample_data").glob("*.yaml"))
CONSOLATION = ROOT / "sample_data" / "consolation_budget.yaml"


def reopen(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def part(data: bytes, name: str) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(name))


def style_font(doc, name: str) -> str:
    rfonts = doc.styles[name].element.find(qn("w:rPr")).find(qn("w:rFonts"))
    return rfonts.get(qn("w:eastAsia"))


def by_style(doc, name: str):
    return [p for p in doc.paragraphs if p.style.name == name]


def small_draft(**changes):
    data = {
        "schema_version": 1,
        "type": "plan",
        "header": {"title": "测试方案", "issuer": "东湖中学", "date": "2024-03-05", "recipient": "各处室"},
        "sections": {"a": {"kind": "prose", "title": "总体要求", "paragraphs": ["正文。"]}},
    }
    for key, value in changes.items():
        data["header" if key in ("title", "issuer", "recipient") else "sections"][key] = value
    return validate_data(data)


@pytest.fixture(scope="module", params=SAMPLES, ids=lambda p: p.stem)
def rendered(request):
    draft = load_draft(request.param)
    data = docx_bytes(draft, red_header=True, colophon=True)
    return draft, data, reopen(data)


def test_page_setup_is_a4_with_gb_margins_and_grid(rendered):
    _, data, doc = rendered
    sec = doc.sections[0]
    assert abs(sec.page_width - Mm(210)) < Mm(0.1) and abs(sec.page_height - Mm(297)) < Mm(0.1)
    assert abs(sec.top_margin - Mm(37)) < Mm(0.1) and abs(sec.bottom_margin - Mm(35)) < Mm(0.1)
    assert abs(sec.left_margin - Mm(28)) < Mm(0.1) and abs(sec.right_margin - Mm(26)) < Mm(0.1)
    grid = sec._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "lines" and grid.get(qn("w:linePitch")) == "579"


def test_body_style_is_fangsong_16pt_exact_579_indented_two_chars(rendered):
    _, data, doc = rendered
    normal = doc.styles["Normal"]
    assert normal.font.size == Pt(16)
    assert style_font(doc, "Normal") == "仿宋_GB2312"
    ppr = normal.element.find(qn("w:pPr"))
    sp = ppr.find(qn("w:spacing"))
    assert (sp.get(qn("w:line")), sp.get(qn("w:lineRule")), sp.get(qn("w:after"))) == ("579", "exact", "0")
    assert ppr.find(qn("w:ind")).get(qn("w:firstLineChars")) == "200"
    assert normal.element.find(qn("w:rPr")).find(qn("w:spacing")).get(qn("w:val")) == "-5"
    styles = part(data, "word/styles.xml")
    for rfonts in styles.iter(qn("w:rFonts")):
        assert not any(k.endswith("Theme") or k.endswith("theme") for k in rfonts.attrib)


def test_title_heading_and_footer_fonts(rendered):
    _, _, doc = rendered
    assert style_font(doc, "Title") == "方正小标宋简体" and doc.styles["Title"].font.size == Pt(22)
    assert style_font(doc, "Heading 1") == "黑体"
    assert style_font(doc, "Heading 2") == "楷体_GB2312"
    assert style_font(doc, "Heading 3") == "仿宋_GB2312"
    assert style_font(doc, "Footer") == "宋体" and doc.styles["Footer"].font.size == Pt(14)
    assert doc.styles["Title"].paragraph_format.alignment == 1


def test_text_is_complete_and_numbered(rendered):
    draft, _, doc = rendered
    s = structure.build(draft, red_header=True, colophon=True)
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "".join(s.title_lines) in body.replace("\n", "")
    for h in s.headings(1):
        assert any(p.text == h.label + h.text for p in by_style(doc, "Heading 1"))
    assert [p.text for p in by_style(doc, "Heading 1")] == [h.label + h.text for h in s.headings(1)]
    rec = by_style(doc, "Salutation")
    assert rec and rec[0].text.endswith("：")
    assert by_style(doc, "Signature")[0].text == draft.header.issuer
    date = by_style(doc, "Date")[0].text
    assert date == f"{draft.header.date.year}年{draft.header.date.month}月{draft.header.date.day}日"


def test_page_numbers_are_page_fields_odd_right_even_left(rendered):
    _, data, doc = rendered
    settings = part(data, "word/settings.xml")
    assert settings.find(qn("w:evenAndOddHeaders")) is not None
    sec = doc.sections[0]
    odd, even = sec.footer, sec.even_page_footer
    for footer, side in ((odd, "right"), (even, "left")):
        p = footer.paragraphs[0]._p
        assert p.find(qn("w:pPr")).find(qn("w:jc")).get(qn("w:val")) == side
        assert p.find(qn("w:pPr")).find(qn("w:ind")).get(qn(f"w:{side}")) == "280"
        kinds = [f.get(qn("w:fldCharType")) for f in p.iter(qn("w:fldChar"))]
        assert kinds == ["begin", "separate", "end"]
        assert "PAGE" in "".join(t.text for t in p.iter(qn("w:instrText")))
        assert footer.paragraphs[0].text.startswith("— ") and footer.paragraphs[0].text.endswith(" —")


def test_tables_do_not_use_the_body_line_spacing(rendered):
    _, _, doc = rendered
    cell_style = doc.styles["Table Text"]
    sp = cell_style.element.find(qn("w:pPr")).find(qn("w:spacing"))
    assert sp.get(qn("w:lineRule")) == "auto"
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                for p in cell.paragraphs:
                    assert p.style.name in ("Table Text", "Colophon")


def test_red_header_and_colophon(rendered):
    draft, data, doc = rendered
    mark = by_style(doc, "Red Header")[0]
    assert mark.text == f"{draft.header.issuer}文件"
    assert doc.styles["Red Header"].font.color.rgb == docx.shared.RGBColor(0xFF, 0, 0)
    number = by_style(doc, "Doc Number")[0]
    assert number.text == (draft.header.doc_number or "")
    bottom = number._p.find(qn("w:pPr")).find(qn("w:pBdr")).find(qn("w:bottom"))
    assert bottom.get(qn("w:color")) == "FF0000"
    colophon = doc.tables[-1]
    assert colophon.rows[-1].cells[0].text.endswith("印发")


def test_colophon_has_a_last_section_of_its_own_with_blank_footers(rendered):
    """GB 7.4/7.5: the colophon page carries no page number; the body's pages keep theirs."""
    draft, data, doc = rendered
    body, last = doc.sections[0], doc.sections[-1]
    assert len(doc.sections) == 2
    assert body.footer.paragraphs[0].text.startswith("— ")
    sect = last._sectPr
    refs = {r.get(qn("w:type")): r.get(qn("r:id")) for r in sect.findall(qn("w:footerReference"))}
    assert set(refs) == {"default", "even", "first"} and len(set(refs.values())) == 1
    blank = part(data, "word/footerKitBlank.xml")
    assert "".join(blank.itertext()) == ""
    assert sect.find(qn("w:type")).get(qn("w:val")) == "evenPage"  # GB 7.4: the 版记 is on the last page, an even one
    # the body's section ends with the date (or the last attachment paragraph): no empty page-filling paragraph
    closing = doc.element.body.xpath("./w:p[w:pPr/w:sectPr]")
    assert len(closing) == 1 and "".join(closing[0].itertext())
    # rules: thick top and bottom, thin between; the 印发 line is the table's last row
    colophon = doc.tables[-1]
    borders = colophon._tbl.tblPr.find(qn("w:tblBorders"))
    sizes = {e: borders.find(qn(f"w:{e}")).get(qn("w:sz")) for e in ("top", "bottom", "insideH")}
    assert sizes == {"top": "8", "bottom": "8", "insideH": "6"}  # eighth points: 0.35 mm, 0.25 mm
    assert colophon.rows[-1].cells[0].text.endswith("印发")
    if draft.header.cc:
        cc = colophon.rows[0].cells[0].paragraphs[0]._p.find(qn("w:pPr")).find(qn("w:ind"))
        assert (cc.get(qn("w:leftChars")), cc.get(qn("w:hangingChars"))) == ("400", "300")  # wraps under the first name


def test_package_is_a_valid_zip_of_the_template_parts():
    template = zipfile.ZipFile(resources().template)
    for colophon in (False, True):
        data = docx_bytes(load_draft(CONSOLATION), colophon=colophon)
        archive = zipfile.ZipFile(io.BytesIO(data))
        assert archive.testzip() is None
        extra = ["word/footerKitBlank.xml"] if colophon else []
        assert archive.namelist() == template.namelist() + extra
        changed = {"word/document.xml", "word/settings.xml"}
        if colophon:
            changed |= {"[Content_Types].xml", "word/_rels/document.xml.rels"}
        for name in template.namelist():
            if name not in changed:
                assert archive.read(name) == template.read(name), name
        ct = part(data, "[Content_Types].xml")
        assert any(o.get("PartName") == "/word/footerKitBlank.xml" for o in ct) == colophon


def test_text_builders_match_the_element_builders():
    from kit import docx_xml as x
    from kit.render import layout as L

    def tree(node) -> tuple:
        return node.tag, sorted(node.attrib.items()), node.text or "", [tree(c) for c in node]

    def same(text: str, element) -> None:
        assert tree(etree.fromstring(f'<root xmlns:w="{x.W_NS}">{text}</root>')[0]) == tree(element)

    kw = dict(left_chars=4, hanging_chars=3, right_chars=1, char_width=L.CHAR_WIDTH)
    same(x.ind_xml(**kw), x.ind(**kw))
    same(x.spacing_xml(line=Pt(1), before=Mm(35)), x.spacing(line=Pt(1), before=Mm(35)))
    same(x.run_xml("甲\t“乙”"), x.run("甲\t“乙”"))
    same(x.run_xml("粗", bold=True), x.run("粗", bold=True))
    same(x.ppr_xml("a1", x.jc_xml("left"), x.flag_xml("w:keepNext")), x.ppr("a1", x.jc("left"), x.flag("w:keepNext")))
    assert x.esc('A&B<C>"\x0b') == "A&amp;B&lt;C&gt;&quot;"


def test_attachment_pages_start_on_a_new_page(rendered):
    draft, _, doc = rendered
    labels = by_style(doc, "Attachment Label")
    assert len(labels) == len(draft.header.attachments)
    for p in labels:
        assert p._p.find(qn("w:pPr")).find(qn("w:pageBreakBefore")) is not None
        assert p.text.startswith("附件")
    if draft.header.attachments:
        note = [p.text for p in doc.paragraphs if p.text.startswith("附件：")]
        assert note and draft.header.attachments[0].title in note[0]


def test_plain_render_has_neither_red_header_nor_colophon():
    doc = reopen(docx_bytes(load_draft(CONSOLATION)))
    assert not by_style(doc, "Red Header") and not doc.tables


# -- the template --------------------------------------------------------------


def _make_template_module():
    spec = importlib.util.spec_from_file_location("make_template", ROOT / "scripts" / "make_template.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_template_equals_a_fresh_build():
    """Parts are compared (deflate bytes may differ between zlib builds); the script
    itself is byte-deterministic, which the second assertion checks."""
    module = _make_template_module()
    fresh = module.build()
    # The kit reads the very file the script writes and this test checks.
    assert resources().template.samefile(module.OUTPUT)
    committed = zipfile.ZipFile(module.OUTPUT)
    rebuilt = zipfile.ZipFile(io.BytesIO(fresh))
    assert committed.namelist() == rebuilt.namelist()
    for name in committed.namelist():
        assert committed.read(name) == rebuilt.read(name), name
    assert module.build() == fresh


def test_a_restyled_template_is_honoured(tmp_path):
    t = docx.Document(str(resources().template))
    t.styles["Title"].element.find(qn("w:rPr")).find(qn("w:rFonts")).set(qn("w:eastAsia"), "华文中宋")
    path = tmp_path / "school.docx"
    t.save(str(path))
    doc = reopen(docx_bytes(load_draft(CONSOLATION), template=path))
    assert style_font(doc, "Title") == "华文中宋"
    assert by_style(doc, "Title")[0].text == "东湖中学2024年元旦走访慰问活动方案"


def test_missing_template_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="模板"):
        docx_bytes(load_draft(CONSOLATION), template=tmp_path / "nope.docx")


# -- bad input never gives a corrupt file -------------------------------------------


def test_control_characters_are_refused_by_the_model():
    with pytest.raises(DraftError, match="控制字符"):
        small_draft(title="测试\x0b方案")


@pytest.mark.parametrize(
    "text",
    ["𠮷野家的𠮷字（扩展B区）", "庆祝🎉活动👍", "张&李<王>“赵”", "长" * 100_000],
    ids=["astral", "emoji", "markup", "100k"],
)
def test_odd_text_survives_a_round_trip(text):
    draft = small_draft(a={"kind": "prose", "title": "总体要求", "paragraphs": [text]}, issuer="A&B<学校>")
    data = docx_bytes(draft)
    doc = reopen(data)
    assert text in [p.text for p in doc.paragraphs]
    assert by_style(doc, "Signature")[0].text == "A&B<学校>"


def test_missing_output_folder_is_a_clear_error_and_writes_nothing(tmp_path):
    out = tmp_path / "没有这个文件夹" / "方案.docx"
    with pytest.raises(InputError, match="没有这个文件夹"):
        render_docx(load_draft(CONSOLATION), out)
    assert not out.parent.exists()


def test_existing_output_is_replaced(tmp_path):
    out = tmp_path / "方案.docx"
    out.write_bytes(b"old")
    render_docx(load_draft(CONSOLATION), out)
    assert reopen(out.read_bytes()).paragraphs
    assert sorted(p.name for p in tmp_path.iterdir()) == ["方案.docx"]


def test_a_failed_render_leaves_no_file_and_keeps_the_old_one(tmp_path, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("kit.render.structure.build", boom)
    new = tmp_path / "new.docx"
    with pytest.raises(RuntimeError):
        render_docx(load_draft(CONSOLATION), new)
    assert not new.exists()
    old = tmp_path / "old.docx"
    old.write_bytes(b"previous")
    with pytest.raises(RuntimeError):
        render_docx(load_draft(CONSOLATION), old)
    assert old.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.docx"]


def test_cli_render_and_preview(tmp_path):
    from kit.cli import main

    assert main(["render", str(CONSOLATION), "-o", str(tmp_path / "a.docx"), "--red-header", "--colophon"]) == 0
    assert main(["preview", str(CONSOLATION), "-o", str(tmp_path / "a.html")]) == 0
    assert main(["render", str(CONSOLATION), "-o", str(tmp_path / "no" / "a.docx")]) == 2
    assert "五项总计3320元" in (tmp_path / "a.html").read_text(encoding="utf-8")
    assert any("五项总计3320元" in t for t in texts(part((tmp_path / "a.docx").read_bytes(), "word/document.xml")))


def test_table_columns_are_sized_from_their_content():
    """Figures (with their unit) always fit their column; the room left goes to the columns that wrap."""
    from kit.render import layout as L
    from kit.render.docx import column_widths
    from kit.structure import Table

    table = Table(("序号", "项目", "预算（元）", "支出（元）", "结余（元）", "备注"),
                  (("1", "留守儿童成长档案及学习用品", "3500000.89", "3498766.89", "1234", "台式电脑1台，用于学习和视频通话"),),
                  ("", "合计", "3500000.89", "3498766.89", "1234", ""))
    widths = [w.twips for w in column_widths(table)]
    assert sum(widths) == int(L.TEXT_WIDTH.twips)
    figure = 10 * 0.5 * L.TABLE_SIZE.twips + 2 * 108  # ten half-width characters and the cell margins
    assert min(widths[2:4]) > figure and widths[4] > figure * 0.4
    assert widths[1] > widths[0] and widths[5] > widths[0]  # the text columns get what is left
    short = Table(("序号", "项目", "金额（元）"), (("1", "书架", "1600"),), ("", "合计", "1600"))
    a, b, c = column_widths(short)  # everything fits on one line: the room is shared by size
    assert a == b and c.twips > 2 * a.twips
