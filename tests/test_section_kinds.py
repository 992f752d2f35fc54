"""The thresholds and scoring kinds (kit.sections): figures, findings, tables, import."""

from __future__ import annotations

from decimal import Decimal

import pytest
from docx import Document

from kit import structure
from kit.doctypes import checks_for
from kit.drafts import DraftError, draft_data, load_draft, validate_data
from kit.findings import run_checks
from kit.proof.importer import import_document, import_text
from kit.render import render_docx, render_html
from kit.resources import resources
from kit.sections import get_kind, kind_names
from kit.render.docx import column_widths
from kit.textreport import ledger_report

NOTICE = resources().packs / "hardship_notice" / "draft.yaml"
UNION = resources().packs / "union_home" / "draft.yaml"


def data_of(path):
    return draft_data(load_draft(path))


def findings(data, rule_prefix=""):
    draft = validate_data(data)
    return [f for f in run_checks(checks_for(draft.type), draft) if f.rule != "PLACEHOLDER" and f.rule.startswith(rule_prefix)]


def table_of(draft, title_cell):
    s = structure.build(draft)
    blocks = list(s.blocks) + [b for page in s.attachments for b in page.blocks]
    return next(b for b in blocks if isinstance(b, structure.Table) and title_cell in b.columns)


def docx_tables(draft, tmp_path):
    target = tmp_path / f"{draft.pack}.docx"
    render_docx(draft, target)
    return [[[c.text for c in row.cells] for row in t.rows] for t in Document(target).tables]


# -- thresholds -------------------------------------------------------------------


def test_the_notice_pack_derives_1170_1560_2340_from_780():
    draft = load_draft(NOTICE)
    table = table_of(draft, "档次")
    assert [row[3] for row in table.rows] == ["1170", "1560", "2340"]
    assert findings(data_of(NOTICE)) == []
    assert "780×200%      1560      1560  ✓" in ledger_report(draft)


def test_stating_1650_instead_of_1560_gives_one_finding_with_1560():
    data = data_of(NOTICE)
    data["sections"]["thresholds"]["lines"][1]["stated"] = Decimal("1650")
    [f] = findings(data)
    assert (f.rule, f.where, f.stated, f.computed, f.difference) == ("THRESHOLD", "sections.thresholds.lines[1].stated", 1650, 1560, 90)
    assert "应为 1560元" in f.message and "困难职工" in f.message


def test_a_new_base_recomputes_every_line():
    data = data_of(NOTICE)
    section = data["sections"]["thresholds"]
    section["base"] = Decimal("800")
    for line in section["lines"]:
        del line["stated"]
    assert [row[3] for row in table_of(validate_data(data), "档次").rows] == ["1200", "1600", "2400"]
    section["lines"][0] = {"label": "特困职工", "multiple": Decimal("1.5"), "stated": Decimal("1200")}
    assert findings(data) == []


def test_derived_figures_round_half_up_to_the_fen():
    data = data_of(NOTICE)
    data["sections"]["thresholds"].update(base=Decimal("777.77"))
    for line in data["sections"]["thresholds"]["lines"]:
        del line["stated"]
    assert [row[3] for row in table_of(validate_data(data), "档次").rows] == ["1166.66", "1555.54", "2333.31"]


@pytest.mark.parametrize("rate", [{}, {"percent": 150, "multiple": 1.5}])
def test_a_line_needs_a_percentage_or_a_multiple(rate):
    data = data_of(NOTICE)
    line = {"label": "特困职工", **{k: Decimal(str(v)) for k, v in rate.items()}}
    data["sections"]["thresholds"]["lines"][0] = line
    with pytest.raises(DraftError) as exc:
        validate_data(data)
    assert "百分比 percent 或倍数 multiple" in str(exc.value) and "sections.thresholds.lines[0]" in str(exc.value)


# -- scoring ----------------------------------------------------------------------


def test_the_union_home_scoring_sheet_adds_up_and_is_the_attachment():
    draft = load_draft(UNION)
    assert [i.points for i in draft.sections["scoring"].items] == [20, 25, 20, 20, 15]
    assert findings(data_of(UNION)) == []
    s = structure.build(draft)
    assert "考核评分标准" not in [h.text for h in s.headings(1)]  # printed on the attachment page, not in the body
    [page] = s.attachments
    table = next(b for b in page.blocks if isinstance(b, structure.Table))
    assert table.total == ("", "合计", "", "100")
    assert any("实行一票否决" in b.text for b in page.blocks if isinstance(b, structure.Paragraph))
    assert any("85分以上为“合格职工之家”，95分以上为“示范职工之家”" in b.text for b in page.blocks if isinstance(b, structure.Paragraph))


def test_one_item_at_30_points_gives_one_finding():
    data = data_of(UNION)
    data["sections"]["scoring"]["items"][2]["points"] = Decimal("30")
    [f] = findings(data)
    assert (f.rule, f.where, f.stated, f.computed) == ("SCORE-TOTAL", "sections.scoring.full_mark", 100, 110)
    assert "20+25+30+20+15 = 110 分" in f.message


def test_sub_items_must_add_up_to_their_item_and_pass_lines_stay_under_the_full_mark():
    data = data_of(UNION)
    data["sections"]["scoring"]["items"][1]["sub"][0]["points"] = Decimal("12")
    data["sections"]["scoring"]["pass_lines"][1]["points"] = Decimal("105")
    assert sorted((f.rule, f.where) for f in findings(data)) == [
        ("SCORE-PASS", "sections.scoring.pass_lines[1].points"), ("SCORE-SUB", "sections.scoring.items[1].points")]


# -- rendering, import ------------------------------------------------------


def test_both_kinds_render_as_tables_in_docx_and_html(tmp_path):
    notice, union = load_draft(NOTICE), load_draft(UNION)
    [thresholds] = docx_tables(notice, tmp_path)
    assert thresholds[0] == ["序号", "档次", "计算方法", "标准（元）", "说明"]
    assert thresholds[2][:4] == ["2", "困难职工", "低保标准×200%", "1560"]
    [scoring] = docx_tables(union, tmp_path)
    assert scoring[1] == ["1", "组织建设", "工会组织健全，按期换届；职工入会率达到95%以上。", "20"]
    assert scoring[-1] == ["", "合计", "", "100"]
    html = render_html(union)
    assert html.count("<table>") == 1 and "附件" in html and "20+25" not in html


def test_column_widths_come_from_content_not_the_number_of_columns():
    """The renderer sizes the new kinds' tables like any other (kit.render.docx.column_widths)."""
    ledger = table_of(load_draft(resources().packs / "liushou_home" / "draft.yaml"), "标准")
    thresholds = table_of(load_draft(NOTICE), "档次")
    assert len(ledger.columns) == len(thresholds.columns) == 5
    assert column_widths(ledger) != column_widths(thresholds)
    scoring = table_of(load_draft(UNION), "考核项目")
    widths = column_widths(scoring)
    assert widths[2] == max(widths) and widths[0] == min(widths)  # 考核内容 gets the room, 序号 the least


def test_kit_import_recognises_thresholds_and_scoring_in_text():
    notice = import_text(
        "关于做好困难职工帮扶申报工作的通知\n各学校工会：\n一、申报条件\n本县低保标准为780元，分三档：\n"
        "（一）特困职工。家庭人均月收入低于低保标准150%（1170元）的。\n（二）困难职工。家庭人均月收入低于低保标准200%（1650元）的。\n"
        "（三）相对困难职工。家庭人均月收入低于低保标准300%（2340元）的。\n二、工作要求\n严格把关。\n县教育工会\n2024年12月2日\n")
    section = notice["sections"]["eligibility"]
    assert section["kind"] == "thresholds" and section["base"] == 780
    assert [(ln["label"], ln["percent"], ln["stated"]) for ln in section["lines"]] == [
        ("特困职工", 150, 1170), ("困难职工", 200, 1650), ("相对困难职工", 300, 2340)]
    [f] = findings(notice)
    assert f.rule == "THRESHOLD" and f.computed == 1560


def test_kit_import_recognises_a_scoring_table_in_a_docx(tmp_path):
    doc = Document()
    for text in ("“职工之家”建设实施方案", "各基层工会：", "一、考核评分标准", "考核满分100分，85分以上为“合格职工之家”。"):
        doc.add_paragraph(text)
    table = doc.add_table(rows=0, cols=4)
    for row in (("序号", "考核项目", "考核内容", "分值"), ("1", "组织建设", "组织健全", "20"), ("2", "民主管理", "职代会", "25"),
                ("3", "维权服务", "满意率", "20"), ("4", "阵地建设", "活动室", "20"), ("5", "困难帮扶", "走访", "15"), ("", "合计", "", "100")):
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = text
    doc.add_paragraph("有下列情形之一的，实行一票否决：发生重大安全责任事故的；未建立职代会制度的。")
    doc.add_paragraph("某某县教育工会")
    doc.add_paragraph("2024年3月1日")
    path = tmp_path / "方案.docx"
    doc.save(path)
    data = import_document(path)
    [section] = [s for s in data["sections"].values() if s["kind"] == "scoring"]
    assert [i["points"] for i in section["items"]] == [20, 25, 20, 20, 15] and section["full_mark"] == 100
    assert section["vetoes"] == ["发生重大安全责任事故的", "未建立职代会制度的"]
    assert section["pass_lines"] == [{"label": "合格职工之家", "points": 85}]
    assert findings(data, "SCORE") == []


def test_every_registered_kind_declares_its_units():
    for name in kind_names():
        kind = get_kind(name)
        assert kind.model.model_fields["kind"].default == name and kind.blocks and kind.form
