"""Figures named in the prose ({{退休教师.人数}}): values, errors, findings, linking (kit.refs)."""

from __future__ import annotations

import copy

import pytest

from kit.drafts import draft_data, load_draft, validate_data
from kit.refs import Figures, UnknownReference, check_item_count_label, check_prose_figures, check_references, expand, link_figures, resolved
from kit.render import docx_bytes, render_html
from kit.structure import build
from kit.widgets.session import sample_path

SAMPLE = sample_path("consolation_budget.yaml")


@pytest.fixture()
def data():
    return draft_data(load_draft(SAMPLE))


def with_text(data, text):
    data = copy.deepcopy(data)
    data["sections"]["targets"]["paragraphs"] = [text]
    return validate_data(data)


@pytest.mark.parametrize("ref, value", [
    ("退休教师.人数", "15"), ("困难职工.每人", "150"), ("生重大病教师.小计", "900"), ("困难职工.慰问金", "100"),
    ("参加慰问人员.小计", "220"), ("合计", "3320"), ("合计大写", "叁仟叁佰贰拾元整"), ("项数", "五"), ("慰问费用预算.合计", "3320"),
])
def test_each_reference_form_gives_the_current_figure(data, ref, value):
    assert Figures(validate_data(data)).value(ref) == value


@pytest.mark.parametrize("ref, named", [("退休老师.人数", "退休老师"), ("退休教师.身高", "身高"), ("在校学生", "在校学生"), ("参加慰问人员.人数", "固定金额")])
def test_an_unknown_reference_is_a_clear_chinese_error_naming_it(data, ref, named):
    with pytest.raises(UnknownReference) as err:
        Figures(validate_data(data)).value(ref)
    assert named in str(err.value) and ref in str(err.value)


def test_changing_a_count_changes_every_sentence_that_names_it(data):
    draft = with_text(data, "全体退休教师{{退休教师.人数}}人，经费合计{{合计}}元（{{合计大写}}）。")
    data = draft_data(draft)
    data["sections"]["budget"]["lines"][0]["count"] = 16
    text = resolved(validate_data(data)).sections["targets"].paragraphs[0]
    assert text == "全体退休教师16人，经费合计3420元（叁仟肆佰贰拾元整）。"


def test_a_reference_to_a_removed_line_is_a_finding_and_never_a_crash(data):
    draft = with_text(data, "全体退休教师{{退休教师.人数}}人。")
    data = draft_data(draft)
    del data["sections"]["budget"]["lines"][0]
    draft = validate_data(data)
    findings = check_references(draft)
    assert [f.kind for f in findings] == ["reference"] and "退休教师" in findings[0].message
    assert "【引用有误：退休教师.人数】" in render_html(draft)
    assert docx_bytes(draft)  # renders


def test_a_typed_count_that_contradicts_the_budget_is_a_finding(data):
    draft = with_text(data, "全体退休教师16人。")
    [f] = check_prose_figures(draft)
    assert "退休教师16人" in f.message and "15" in f.message and f.stated == 16 and f.computed == 15


def test_a_typed_total_that_contradicts_the_budget_is_a_finding(data):
    draft = with_text(data, "本次慰问经费共计3280元。")
    [f] = check_prose_figures(draft)
    assert "3280" in f.message and "3320" in f.message


def test_figures_that_agree_or_belong_to_a_longer_line_name_are_not_findings(data):
    draft = with_text(data, "全体退休教师15人；家庭生活困难的退休教师1人；合计3320元。")
    assert check_prose_figures(draft) == []


def test_item_count_label_follows_the_lines(data):
    data["sections"]["budget"]["lines"].append({"name": "新项目", "kind": "fixed", "components": [{"name": "金额", "amount": 10}]})
    draft = validate_data(data)
    assert "六项总计3330元" in render_html(draft)
    [f] = check_item_count_label(draft)
    assert "五项总计" in f.message and "六项总计" in f.message


def test_linking_turns_agreeing_figures_into_references(data):
    linked = link_figures(data)
    text = linked["sections"]["targets"]["paragraphs"][0]
    assert "{{退休教师.人数}}" in text and "{{困难退休教师.人数}}" in text
    assert resolved(validate_data(linked)) == resolved(validate_data(linked))
    assert build(validate_data(linked)) == build(validate_data(data))  # the same document


def test_drafts_without_references_are_unchanged(data):
    draft = validate_data(data)
    assert resolved(draft) is draft
    assert expand("没有引用", Figures(draft)) == "没有引用"
