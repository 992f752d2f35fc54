"""kit clean: pasted noise removed, traditional characters converted, the rest untouched."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from kit.cli import main
from kit.proof import check_document, clean_text

CORPUS = Path(__file__).parent / "corpus"
NOISY = "??为进一步加强职工之家建(jiàn)设\n组?长：张卫东​（校长）\n配齐活动器材`。\n學校現有學生116人。\n是否参加?由各班决定。\n"


def test_noise_goes_and_the_words_stay():
    text, report = clean_text(NOISY)
    assert text == "　　为进一步加强职工之家建设\n组　长：张卫东（校长）\n配齐活动器材。\n学校现有学生116人。\n是否参加?由各班决定。\n"
    assert report.changes == {"pinyin": 1, "question": 2, "invisible": 2, "traditional": 3}
    summary = report.format()
    assert "拼音注音：1 处" in summary and "繁体字：3 个字" in summary and "建(jiàn)设" in summary


def test_a_clean_text_is_left_as_it_is():
    original = (CORPUS / "consolation_ok.txt").read_text(encoding="utf-8")
    text, report = clean_text(original)
    assert text == original and not report.changes
    assert "没有发现" in report.format()


@pytest.mark.parametrize("name", ["zhigong_plan_noise.txt", "consolation_traditional.txt", "zhigong_summary_mixed.txt"])
def test_after_cleaning_no_noise_or_traditional_finding_is_left(name, tmp_path, capsys):
    out = tmp_path / name
    assert main(["clean", str(CORPUS / name), "-o", str(out)]) == 0
    assert "已写入" in capsys.readouterr().out
    left = [f for f in check_document(out) if f.kind in ("noise", "traditional")]
    assert left == []


def test_cleaning_keeps_the_arithmetic_finding(tmp_path):
    out = tmp_path / "clean.txt"
    assert main(["clean", str(CORPUS / "consolation_traditional.txt"), "-o", str(out)]) == 0
    (wrong,) = [f for f in check_document(out) if f.kind == "arithmetic"]
    assert (wrong.stated, wrong.computed) == (1000, 1200)
    assert "退休教师12人" in out.read_text(encoding="utf-8")


def test_markdown_stays_markdown(tmp_path):
    source = tmp_path / "plan.md"
    source.write_text("# 建(jiàn)设方案\n\n运行 `kit check` 核对。\n", encoding="utf-8")
    out = tmp_path / "clean.md"
    assert main(["clean", str(source), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == "# 建设方案\n\n运行 `kit check` 核对。\n"


def test_docx_paragraphs_are_rewritten_and_formatting_kept(tmp_path, capsys):
    document = docx.Document()
    heading = document.add_paragraph()
    run = heading.add_run("職工之家建(jiàn)設")
    run.bold = True
    heading.add_run("方案")
    document.add_paragraph("组?长：张卫东")
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "慰問品100元"
    source = tmp_path / "noisy.docx"
    document.save(source)
    out = tmp_path / "clean.docx"
    assert main(["clean", str(source), "-o", str(out)]) == 0
    cleaned = docx.Document(out)
    assert [p.text for p in cleaned.paragraphs] == ["职工之家建设方案", "组　长：张卫东"]
    assert cleaned.paragraphs[0].runs[0].bold is True
    assert cleaned.tables[0].cell(0, 0).text == "慰问品100元"
    assert "共修改 3 段" in capsys.readouterr().out


def test_refuses_to_write_over_its_source_or_change_format(tmp_path, capsys):
    source = tmp_path / "a.txt"
    source.write_text("建(jiàn)设\n", encoding="utf-8")
    assert main(["clean", str(source), "-o", str(source)]) == 2
    assert main(["clean", str(source), "-o", str(tmp_path / "a.docx")]) == 2
    err = capsys.readouterr().err
    assert "不能就是原文件" in err and ".txt" in err
    assert source.read_text(encoding="utf-8") == "建(jiàn)设\n"


def test_an_existing_output_is_replaced_atomically_only_with_force(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("建(jiàn)设\n", encoding="utf-8")
    out = tmp_path / "b.txt"
    out.write_text("旧内容", encoding="utf-8")
    assert main(["clean", str(source), "-o", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "旧内容"
    assert main(["clean", str(source), "-o", str(out), "--force"]) == 0
    assert out.read_text(encoding="utf-8") == "建设\n"
    assert (tmp_path / "b.txt.bak").read_text(encoding="utf-8") == "旧内容"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary left


def test_web_markup_is_one_noise_finding_and_is_read_through(tmp_path):
    from kit.proof import check_text
    text = "学校现有教职工130人，&nbsp;&nbsp;其中男教职工58人、女教职工72人。<br>\n&nbsp;&nbsp;4.慰问金：2人×400元=800元；\n"
    found = [f for f in check_text(text) if f.rule == "NOISE-HTML"]
    assert len(found) == 1 and "网页代码" in found[0].message
    assert [f for f in check_text(text) if f.kind == "arithmetic"] == []


def test_brackets_whose_markup_lost_its_ampersand_are_read_as_brackets(tmp_path):
    from kit.proof import check_text
    text = "收费项目：\n1、保育教育费#28简称保教费#292、伙食费#28含点心费#29\n3、代收费用。\n"
    assert [f.rule for f in check_text(text) if f.kind in ("noise", "numbering")] == ["NOISE-HTML"]  # no 2、 skipped
    source, out = tmp_path / "a.txt", tmp_path / "b.txt"
    source.write_text(text, encoding="utf-8")
    assert main(["clean", str(source), "-o", str(out)]) == 0
    assert "保育教育费（简称保教费）2、伙食费（含点心费）" in out.read_text(encoding="utf-8")
    assert [f for f in check_text("请于第#28号窗口办理。\n") if f.rule == "NOISE-HTML"] == []  # one alone stays
