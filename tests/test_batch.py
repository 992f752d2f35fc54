"""kit batch: a folder of drafts, and an Excel sheet with one row per school, bad rows included."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import openpyxl
import pytest

from kit.cli import main

ROOT = Path(__file__).resolve().parents[1]
PACK = "new_year_consolation"


def write_sheet(path: Path, rows: list[list]) -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


HEADER = ["学校名称", "模板包", "退休教职工.人数", "退休教职工.慰问金", "困难职工.人数"]


@pytest.fixture
def sheet(tmp_path: Path) -> Path:
    return write_sheet(
        tmp_path / "学校.xlsx",
        [
            HEADER,
            ["红星小学", PACK, 12, 150, 3],  # 300 + 12×250 + 3×150 + 160 = 3,910
            ["东风小学", PACK, "十五", 100, 1],  # text in a count
            ["西山小学", PACK, 8, None, 1],  # an empty cell in a mapped column
            ["光明中学", "元旦春节走访慰问活动方案", 20, 100, 1],  # the pack by its label: 300 + 4,000 + 150 + 160 = 4,610
            ["南湖幼儿园", "幼儿园慰问方案", 8, 100, 1],  # an unknown pack
        ],
    )


def test_sheet_renders_good_rows_and_reports_each_bad_one(sheet, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["batch", str(sheet), "-o", str(out)]) == 1
    printed = capsys.readouterr()
    assert sorted(p.name for p in out.iterdir()) == ["光明中学.docx", "红星小学.docx"]
    red_star, bright = docx_text(out / "红星小学.docx"), docx_text(out / "光明中学.docx")
    assert "红星小学元旦春节走访慰问活动方案" in red_star and "3910" in red_star.replace(",", "")
    assert "光明中学" in bright and "4610" in bright.replace(",", "")
    assert "【待填：单位名称】" not in red_star
    assert "第 3 行 东风小学" in printed.out and "「退休教职工.人数」应为整数人数，收到文字“十五”" in printed.out
    assert "第 4 行 西山小学" in printed.out and "「退休教职工.慰问金」没有填写" in printed.out
    assert "第 6 行 南湖幼儿园" in printed.out and "未知的模板包（学校类型）「幼儿园慰问方案」" in printed.out
    assert "共 5 份：完成 2 份，失败 3 份。" in printed.out
    assert "进度" in printed.err and "5/5" in printed.err


def test_sheet_rows_are_not_overwritten_without_force(sheet, tmp_path, capsys):
    out = tmp_path / "out"
    main(["batch", str(sheet), "-o", str(out)])
    capsys.readouterr()
    assert main(["batch", str(sheet), "-o", str(out)]) == 1
    assert "已存在；如要覆盖请加 --force" in capsys.readouterr().out
    main(["batch", str(sheet), "-o", str(out), "--force"])
    assert "完成 2 份" in capsys.readouterr().out
    assert (out / "红星小学.docx.bak").exists()


def test_sheet_without_school_column_is_refused_in_chinese(tmp_path, capsys):
    sheet = write_sheet(tmp_path / "s.xlsx", [["学校", "退休教职工.人数"], ["红星小学", 3]])
    assert main(["batch", str(sheet), "--pack", PACK, "-o", str(tmp_path / "out")]) == 2
    assert "缺少「学校名称」一列" in capsys.readouterr().err


def test_column_matching_no_ledger_line_names_the_lines(tmp_path, capsys):
    sheet = write_sheet(tmp_path / "s.xlsx", [["学校名称", "在职教师.人数"], ["红星小学", 3]])
    assert main(["batch", str(sheet), "--pack", PACK, "--check"]) == 1
    out = capsys.readouterr().out
    assert "列「在职教师.人数」不对应草稿中的任何一项" in out and "退休教职工" in out


def test_folder_of_drafts_renders_each_and_a_broken_one_does_not_stop_the_rest(tmp_path, capsys):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for name in ("consolation_budget.yaml", "union_home_plan.yaml"):
        shutil.copy(ROOT / "sample_data" / name, drafts / name)
    (drafts / "坏草稿.yaml").write_text("schema_version: 1\ntype: consolation\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["batch", str(drafts), "-o", str(out)]) == 1
    printed = capsys.readouterr().out
    assert sorted(p.name for p in out.iterdir()) == ["consolation_budget.docx", "union_home_plan.docx"]
    assert "坏草稿.yaml" in printed and "失败" in printed
    assert "五项总计3320元" in docx_text(out / "consolation_budget.docx")  # the computed total, not the stated 3280


def test_folder_check_lists_findings_per_file_for_drafts_and_documents(tmp_path, capsys):
    shutil.copy(ROOT / "sample_data" / "consolation_budget.yaml", tmp_path / "慰问.yaml")
    (tmp_path / "旧方案.txt").write_text("一、经费\n退休教师10人，每人200元，计2100元。\n", encoding="utf-8")
    assert main(["batch", str(tmp_path), "--check"]) == 1
    printed = capsys.readouterr().out
    assert "慰问.yaml" in printed and "旧方案.txt" in printed and "已检查" in printed
    assert "共 2 份：完成 2 份，失败 0 份。" in printed
