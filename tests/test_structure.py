"""kit.structure: wording and numbering decided once, from the draft's data."""

from __future__ import annotations

from pathlib import Path

import pytest

from kit.drafts import load_draft, validate_data
from kit.structure import Heading, Paragraph, RoleLine, Table, build, facts_text, signature, title_lines, width

SAMPLES = sorted(Path(__file__).resolve().parents[1].joinpath("sample_data").glob("*.yaml"))
CONSOLATION = Path(__file__).resolve().parents[1] / "sample_data" / "consolation_budget.yaml"


def draft_with(sections: dict, **header) -> object:
    data = {
        "schema_version": 1,
        "type": "plan",
        "header": {"title": "测试方案", "issuer": "东湖中学", "date": "2024-03-05", **header},
        "sections": sections,
    }
    return validate_data(data)


def items(n: int) -> dict:
    return {"kind": "items", "title": "工作要求", "items": [{"lead": f"第{i}条。", "text": "内容。"} for i in range(1, n + 1)]}


def test_consolation_budget_is_written_with_computed_figures():
    s = build(load_draft(CONSOLATION))
    texts = [b.text for b in s.blocks if isinstance(b, Paragraph)]
    assert "退休教师15人，每人慰问品100元，小计1500元。" in texts
    assert "困难职工3人，每人慰问金100元、慰问品50元，小计450元。" in texts
    assert "参加慰问人员：餐费80元、油费80元、香烟60元，小计220元。" in texts  # stated 180
    assert "五项总计3320元（大写：叁仟叁佰贰拾元整）。" in texts  # stated 3280


def test_sections_are_level_one_and_numbered_without_gaps():
    s = build(load_draft(CONSOLATION))
    labels = [h.label for h in s.headings(1)]
    assert labels == ["一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、"]


def test_twelve_items_are_numbered_one_to_twelve_and_renumber_on_delete():
    s = build(draft_with({"req": items(12)}))
    assert [h.label for h in s.headings(2)] == [f"（{c}）" for c in "一二三四五六七八九十"] + ["（十一）", "（十二）"]
    s = build(draft_with({"req": items(11)}))
    assert [h.label for h in s.headings(2)][-1] == "（十一）"


def test_twelve_sections_reach_twelve():
    s = build(draft_with({f"s{i}": {"kind": "prose", "title": f"第{i}节", "paragraphs": ["文字。"]} for i in range(12)}))
    assert [h.label for h in s.headings(1)][-3:] == ["十、", "十一、", "十二、"]


def test_sub_items_are_level_three_and_restart_per_parent():
    sec = {"kind": "items", "title": "措施", "items": [
        {"lead": "甲。", "sub": [{"text": "一"}, {"text": "二"}]},
        {"lead": "乙。", "sub": [{"text": "三", "sub": [{"text": "四"}]}]},
    ]}
    s = build(draft_with({"m": sec}))
    assert [(h.level, h.label) for h in s.headings() if h.level > 1] == [
        (2, "（一）"), (3, "1."), (3, "2."), (2, "（二）"), (3, "1."), (4, "（1）")]


def test_organisation_role_lines_use_full_width_space():
    sec = {"kind": "organisation", "title": "组织领导", "leader": {"name": "刘建华", "title": "校长"},
           "deputies": [{"name": "陈玉梅", "title": "工会主席"}, {"name": "王强"}],
           "members_collective": "各班主任",
           "office": {"location": "学校办公室", "head": {"name": "赵志强"}, "members": [{"name": "孙丽"}]}}
    s = build(draft_with({"o": sec}))
    roles = [b for b in s.blocks if isinstance(b, RoleLine)]
    assert roles[0] == RoleLine("组\u3000长：", ("刘建华\u3000校长",))
    assert roles[1] == RoleLine("副组长：", ("陈玉梅\u3000工会主席", "王强"))
    assert roles[2] == RoleLine("成\u3000员：", ("各班主任",))
    office = [b.text for b in s.blocks if isinstance(b, Paragraph) and "下设办公室" in b.text]
    assert office == ["领导小组下设办公室，办公室设在学校办公室，赵志强同志任办公室主任，成员：孙丽。"]


def test_facts_derive_shares_and_put_parts_after_their_whole():
    sec = {"kind": "facts", "title": "基本情况", "facts": [
        {"key": "pupils", "label": "在校学生", "value": 116, "unit": "人"},
        {"key": "lb", "label": "留守儿童", "value": 17, "unit": "人"},
        {"key": "area", "label": "总面积", "value": 80, "unit": "平方米"},
        {"key": "a", "label": "阅览室", "value": 60, "unit": "平方米"},
        {"key": "b", "label": "活动室", "value": 20, "unit": "平方米"}],
        "shares": [{"part": "lb", "whole": "pupils", "label": "占在校学生"}],
        "sums": [{"whole": "area", "parts": ["a", "b"]}]}
    d = draft_with({"f": sec})
    assert facts_text(d.sections["f"]) == "在校学生116人；留守儿童17人，占在校学生14.7%；总面积80平方米，其中阅览室60平方米、活动室20平方米。"


def test_targets_are_written_as_thresholds():
    sec = {"kind": "targets", "title": "目标", "targets": [
        {"label": "入会率", "value": 95}, {"label": "满意率", "value": "90.5"}, {"label": "事故", "op": "≤", "value": 0, "unit": "起"}]}
    s = build(draft_with({"t": sec}))
    assert Paragraph("入会率达到95%以上；满意率达到90.5%以上；事故控制在0起以内。") in s.blocks


def test_ledger_table_style_gives_a_table_with_total_and_upper():
    d = load_draft(CONSOLATION)
    data = d.to_data()
    data["sections"]["budget"]["style"] = "table"
    s = build(validate_data(data))
    table = next(b for b in s.blocks if isinstance(b, Table))
    assert table.rows[0][:4] == ("1", "退休教师", "15人，每人慰问品100元", "1500")
    assert table.total[1:4] == ("五项总计", "大写：叁仟叁佰贰拾元整", "3320")


def test_signature_date_has_no_leading_zeros_and_lines_up():
    d = load_draft(CONSOLATION)
    s = build(d)
    assert s.signature.date == "2023年12月20日"
    sig = signature("青石镇中心小学", __import__("datetime").date(2024, 2, 6))
    assert sig.date == "2024年2月6日"
    # the date's first character is 2 characters right of the issuer's, date 2 from the right
    assert sig.date_right_chars == 2
    issuer_start = sig.issuer_right_chars + width(sig.issuer)
    assert issuer_start - (sig.date_right_chars + width(sig.date)) == 2


def test_attachment_note_numbers_only_several_attachments():
    one = build(draft_with({}, attachments=[{"title": "评分标准"}]))
    assert one.attachment_note == ("附件：评分标准",)
    assert one.attachments[0].label == "附件"
    two = build(draft_with({}, attachments=[{"title": "评分标准"}, {"title": "名单"}]))
    assert two.attachment_note == ("附件：1. 评分标准", "2. 名单")
    assert [p.label for p in two.attachments] == ["附件1", "附件2"]


def test_red_header_and_colophon_only_when_asked():
    d = load_draft(CONSOLATION)
    assert build(d).red_header is None and build(d).colophon is None
    s = build(d, red_header=True, colophon=True)
    assert s.red_header.mark == "东湖中学工会委员会文件"
    assert s.red_header.doc_number == "东中工〔2023〕12号"
    assert s.colophon.cc == "抄送：县教育工会。"
    assert s.colophon.date == "2023年12月20日印发"


@pytest.mark.parametrize(
    "title, lines",
    [
        ("东湖中学2024年元旦走访慰问活动方案", ("东湖中学2024年元旦走访慰问活动方案",)),
        ("关于印发青石镇中心小学2024年留守儿童之家建设工作实施方案的通知",
         ("关于印发青石镇中心小学2024年", "留守儿童之家建设工作实施方案的通知")),
    ],
)
def test_long_titles_break_at_word_boundaries(title, lines):
    assert title_lines(title) == lines


def test_title_lines_fit_and_keep_every_character():
    title = "临川县教育工会关于开展全县教育系统模范职工之家和优秀工会工作者评选表彰活动的实施方案"
    lines = title_lines(title)
    assert "".join(lines) == title
    assert all(width(line) <= 20 for line in lines)
    assert len(lines) == 3


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_every_sample_builds_with_title_signature_and_sections(path):
    d = load_draft(path)
    s = build(d, red_header=True, colophon=True)
    assert "".join(s.title_lines) == " ".join(d.header.title.split())
    assert len(s.headings(1)) == len(d.sections)
    assert all(isinstance(b, (Heading, Paragraph, RoleLine, Table)) for b in s.blocks)


# -- generated sentence forms (issue 9) ------------------------------------------------------

import datetime as _dt  # noqa: E402

from kit.model import Draft  # noqa: E402


def _one_section(section: dict) -> Draft:
    return Draft.model_validate({"type": "plan", "header": {"title": "关于建设图书角的方案", "issuer": "东湖小学", "date": _dt.date(2026, 3, 1)},
                                 "sections": {"s": section}})


def _texts(section: dict) -> list[str]:
    s = build(_one_section(section))
    return [(b.label + b.text + b.body) if isinstance(b, Heading) else b.text for b in s.blocks[1:]]


@pytest.mark.parametrize("lead, text, expected", [
    ("高度重视", "认真做好准备。", "（一）高度重视。认真做好准备。"),
    ("高度重视。", "认真做好准备。", "（一）高度重视。认真做好准备。"),
    ("高度重视：", "认真做好准备。", "（一）高度重视：认真做好准备。"),
    ("高度重视", "", "（一）高度重视"),
])
def test_item_lead_is_punctuated_before_its_text(lead, text, expected):
    assert _texts({"kind": "items", "title": "要求", "items": [{"lead": lead, "text": text}]}) == [expected]


def test_third_level_items_are_numbered_one_dot():
    texts = _texts({"kind": "items", "title": "措施", "items": [{"lead": "加强领导", "text": "定期研究。", "sub": [{"text": "每月开会一次。"}]}]})
    assert texts == ["（一）加强领导。定期研究。", "1.每月开会一次。"]


@pytest.mark.parametrize("line, expected", [
    ({"name": "图书及书架", "kind": "fixed", "components": [{"name": "图书", "amount": 2000}]}, "图书及书架2000元。"),
    ({"name": "图书及书架", "kind": "fixed", "components": [{"name": "金额", "amount": 2000}]}, "图书及书架2000元。"),
    ({"name": "电脑", "kind": "fixed", "components": [{"name": "台式电脑", "amount": 3500}]}, "电脑（台式电脑）3500元。"),
    ({"name": "参加慰问人员", "kind": "fixed", "components": [{"name": "餐费", "amount": 80}, {"name": "油费", "amount": 80}]},
     "参加慰问人员：餐费80元、油费80元，小计160元。"),
    ({"name": "电脑", "kind": "per_head", "count": 3, "unit": "台", "components": [{"name": "单价", "amount": 3500}]},
     "电脑3台，每台单价3500元，小计10500元。"),
    ({"name": "电脑", "kind": "fixed", "components": [{"name": "台式电脑", "amount": 3500}], "budget": 3600},
     "电脑预算3600元，实际支出3500元，节余100元。"),
])
def test_budget_line_sentences(line, expected):
    texts = _texts({"kind": "ledger", "title": "经费", "lines": [line]})
    assert texts[0] == expected


def test_spending_total_states_budget_spending_and_balance():
    lines = [{"name": "电脑", "kind": "fixed", "components": [{"name": "金额", "amount": 3450}], "budget": 3500},
             {"name": "书架", "kind": "fixed", "components": [{"name": "金额", "amount": 1700}], "budget": 1600}]
    texts = _texts({"kind": "ledger", "title": "经费使用情况", "lines": lines})
    assert texts[1] == "书架预算1600元，实际支出1700元，超支100元。"
    assert texts[2] == "合计：预算5100元，实际支出5150元（大写：伍仟壹佰伍拾元整），超支50元。"
