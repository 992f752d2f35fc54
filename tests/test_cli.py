"""The kit command: exit codes 0/1/2, JSON findings, the ledger table, kit new."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kit.cli import display_width, main, pad
from kit.resources import resources
from kit.drafts import load_draft

from bad_drafts import BAD_FIELDS, BAD_FILES, GOOD_TEXT, SAMPLES

WORKED = str(SAMPLES / "consolation_budget.yaml")
TYPES = ["plan", "consolation", "notice", "summary"]
PACKS = {"liushou_home": "plan", "union_home": "plan", "new_year_consolation": "consolation", "hardship_notice": "notice", "term_summary": "summary"}


def kit(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the real command in a fresh interpreter."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "kit.cli", *args], capture_output=True, text=True, encoding="utf-8", env=env, cwd=cwd, timeout=120
    )


# -- the worked budget, through the real process ----------------------------------


def test_check_worked_budget_json_reports_exactly_line_5_and_the_total():
    run = kit("check", WORKED, "--json")
    assert run.returncode == 1, run.stderr
    findings = json.loads(run.stdout)
    assert [f["where"] for f in findings] == ["sections.budget.lines[4].stated_subtotal", "sections.budget.stated_total"]
    line5, total = findings
    assert (line5["stated"], line5["computed"], line5["difference"]) == ("180", "220.00", "-40.00")
    assert (total["stated"], total["computed"], total["difference"]) == ("3280", "3320.00", "-40.00")
    assert line5["corrected_total"] == total["corrected_total"] == "3320.00"
    assert "参加慰问人员" in line5["message"]
    assert not any(f"lines[{i}]" in f["where"] for f in findings for i in range(4))


def test_check_worked_budget_text_output_is_chinese():
    run = kit("check", WORKED)
    assert run.returncode == 1
    assert "[错误] sections.budget.lines[4].stated_subtotal" in run.stdout
    assert "共 2 条，其中错误 2 条。" in run.stdout


def test_ledger_shows_computed_and_corrected_total():
    run = kit("ledger", WORKED)
    assert run.returncode == 1, run.stderr
    assert "计算五项总计：3320 元（大写：叁仟叁佰贰拾元整）" in run.stdout
    assert "所写五项总计 3280 元有误，更正后为 3320 元。" in run.stdout
    line5 = next(line for line in run.stdout.splitlines() if "参加慰问人员" in line)
    assert "180" in line5 and "220" in line5 and "✗" in line5
    line1 = next(line for line in run.stdout.splitlines() if "退休教师" in line and "困难" not in line)
    assert line1.rstrip().endswith("✓")


def test_ledger_writes_xlsx(tmp_path):
    out = tmp_path / "budget.xlsx"
    run = kit("ledger", WORKED, "--xlsx", str(out))
    assert run.returncode == 1
    assert out.is_file()


@pytest.mark.parametrize("sample", ["liushou_home_plan.yaml", "union_home_plan.yaml", "liushou_summary.yaml"])
def test_check_clean_sample_exits_0(sample):
    run = kit("check", str(SAMPLES / sample), "--json")
    assert run.returncode == 0, run.stdout + run.stderr
    assert [f for f in json.loads(run.stdout) if f["severity"] == "error"] == []


# -- the ledger table lines up in a terminal ------------------------------------------


def test_display_width_counts_cjk_as_two_columns():
    assert display_width("abc") == 3
    assert display_width("退休教师") == 8
    assert display_width("（全角）") == 8
    assert display_width("15人×慰问品100") == 2 + 2 + 1 + 6 + 3
    assert display_width("e\u0301") == 1  # combining accent takes no column


def test_pad_fills_to_display_columns():
    assert pad("退休", 6) == "退休  "
    assert pad("180", 6, ">") == "   180"
    assert pad("参加慰问人员", 4) == "参加慰问人员"  # never cut


def _column_ends(line: str, cells: list[str]) -> list[int]:
    """Display column where each cell ends in *line*."""
    ends, pos = [], 0
    for cell in cells:
        pos = line.index(cell, pos) + len(cell)
        ends.append(display_width(line[:pos]))
    return ends


def test_ledger_table_columns_line_up_with_chinese_names(capsys):
    assert main(["ledger", WORKED]) == 1
    lines = capsys.readouterr().out.splitlines()
    rows = {name: next(line for line in lines if name in line) for name in ("困难职工", "生重大病教师", "参加慰问人员", "五项总计")}
    stated_end = {name: _column_ends(line, [s])[0] for name, line, s in [
        ("困难职工", rows["困难职工"], "450"), ("生重大病教师", rows["生重大病教师"], "900"),
        ("参加慰问人员", rows["参加慰问人员"], "180"), ("五项总计", rows["五项总计"], "3280")]}
    assert len(set(stated_end.values())) == 1, stated_end
    name_start = {display_width(line[: line.index(name)]) for name, line in rows.items()}
    assert len(name_start) == 1
    formula_start = {display_width(line[: line.index(f)]) for line, f in [(rows["困难职工"], "3人×"), (rows["参加慰问人员"], "餐费80")]}
    assert len(formula_start) == 1


# -- unusable input: exit 2, a Chinese message naming the field, nothing overwritten ----


@pytest.fixture
def good_draft(tmp_path):
    path = tmp_path / "good.yaml"
    path.write_text(GOOD_TEXT, encoding="utf-8")
    return path


def _pack_with(folder: Path, draft_bytes: bytes) -> Path:
    folder.mkdir()
    (folder / "pack.yaml").write_text("name: broken_budget\ntype: consolation\ndraft: draft.yaml\n", encoding="utf-8")
    (folder / "draft.yaml").write_bytes(draft_bytes)
    return folder


@pytest.mark.parametrize(("case", "breaks", "path", "fragments"), BAD_FIELDS, ids=[c[0] for c in BAD_FIELDS])
def test_check_bad_field_exits_2_naming_the_field(tmp_path, capsys, case, breaks, path, fragments):
    bad = tmp_path / "bad.yaml"
    bad.write_text(breaks(GOOD_TEXT), encoding="utf-8")
    assert main(["check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert str(bad) in err and path in err
    for fragment in fragments:
        assert fragment in err


@pytest.mark.parametrize(("case", "breaks", "path", "fragments"), BAD_FIELDS, ids=[c[0] for c in BAD_FIELDS])
def test_new_from_a_bad_pack_leaves_the_existing_draft_alone(tmp_path, good_draft, capsys, case, breaks, path, fragments):
    before = good_draft.read_bytes()
    pack = _pack_with(tmp_path / "pack", breaks(GOOD_TEXT).encode("utf-8"))
    assert main(["new", "consolation", "--pack", str(pack), "-o", str(good_draft), "--force"]) == 2
    err = capsys.readouterr().err
    assert path in err
    for fragment in fragments:
        assert fragment in err
    assert good_draft.read_bytes() == before
    assert sorted(p.name for p in good_draft.parent.iterdir()) == ["good.yaml", "pack"]


@pytest.mark.parametrize(("case", "raw", "fragments"), BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_unusable_file_exits_2(tmp_path, good_draft, capsys, case, raw, fragments):
    bad = tmp_path / f"{case}.yaml"
    bad.write_bytes(raw)
    assert main(["check", str(bad)]) == 2
    err = capsys.readouterr().err
    for fragment in fragments:
        assert fragment in err
    before = good_draft.read_bytes()
    pack = _pack_with(tmp_path / "pack", raw)
    assert main(["new", "consolation", "--pack", str(pack), "-o", str(good_draft), "--force"]) == 2
    assert good_draft.read_bytes() == before
    assert not Path(f"{good_draft}.bak").exists()


def test_missing_file_exits_2_through_the_real_process(tmp_path):
    run = kit("check", str(tmp_path / "nowhere.yaml"))
    assert run.returncode == 2
    assert "文件不存在" in run.stderr and "nowhere.yaml" in run.stderr
    assert run.stdout == ""


def test_negative_count_exits_2_through_the_real_process(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(GOOD_TEXT.replace("      kind: fixed\n", "      kind: per_head\n      count: -3\n"), encoding="utf-8")
    run = kit("check", str(bad))
    assert run.returncode == 2
    assert "sections.budget.lines[4].count：必须是非负整数" in run.stderr


def test_binary_file_exits_2_through_the_real_process(tmp_path):
    bad = tmp_path / "plan.yaml"
    bad.write_bytes(b"PK\x03\x04" + bytes(200))
    run = kit("ledger", str(bad))
    assert run.returncode == 2
    assert "二进制" in run.stderr


def test_ledger_of_a_draft_without_ledger_exits_2(tmp_path, capsys):
    assert main(["ledger", str(SAMPLES / "union_home_plan.yaml")]) == 2
    assert "ledger" in capsys.readouterr().err


# -- kit new --------------------------------------------------------------------------


@pytest.mark.parametrize("type_name", TYPES)
def test_new_without_pack_writes_a_valid_starting_draft(tmp_path, capsys, type_name):
    out = tmp_path / f"{type_name}.yaml"
    assert main(["new", type_name, "-o", str(out)]) == 0
    assert load_draft(out).type == type_name
    assert "已新建草稿" in capsys.readouterr().out


@pytest.mark.parametrize(("pack", "type_name"), sorted(PACKS.items()))
def test_new_with_each_pack_writes_a_valid_draft(tmp_path, pack, type_name):
    out = tmp_path / "new.yaml"
    run = kit("new", type_name, "--pack", str(resources().packs / pack), "-o", str(out))
    assert run.returncode == 0, run.stderr
    draft = load_draft(out)
    assert (draft.type, draft.pack) == (type_name, pack)
    check = kit("check", str(out), "--json")
    assert check.returncode == 1  # the 【待填】 markers are still there …
    assert {f["kind"] for f in json.loads(check.stdout)} == {"placeholder"}  # … and nothing else


def test_new_by_registered_pack_name(tmp_path, capsys):
    out = tmp_path / "n.yaml"
    assert main(["new", "notice", "--pack", "hardship_notice", "-o", str(out)]) == 0
    assert load_draft(out).pack == "hardship_notice"


def test_new_refuses_to_overwrite_without_force(good_draft, capsys):
    before = good_draft.read_bytes()
    assert main(["new", "plan", "-o", str(good_draft)]) == 2
    assert "--force" in capsys.readouterr().err
    assert good_draft.read_bytes() == before


def test_new_with_force_keeps_the_old_draft_as_bak(good_draft):
    before = good_draft.read_bytes()
    assert main(["new", "plan", "-o", str(good_draft), "--force"]) == 0
    assert Path(f"{good_draft}.bak").read_bytes() == before
    assert load_draft(good_draft).type == "plan"


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["new", "letter", "-o", "x.yaml"], "未知的文书类型"),
        (["new", "plan", "--pack", "no_such_pack", "-o", "x.yaml"], "找不到模板包"),
        (["new", "plan", "--pack", "hardship_notice", "-o", "x.yaml"], "属于文书类型「notice」"),
        (["new", "plan", "-o", "no/such/folder/x.yaml"], "不存在"),
    ],
)
def test_new_with_unusable_arguments_exits_2(tmp_path, monkeypatch, capsys, argv, fragment):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    assert fragment in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_types_lists_types_and_packs(capsys):
    assert main(["types"]) == 0
    out = capsys.readouterr().out
    for name in TYPES + list(PACKS):
        assert name in out
    assert "加载失败" not in out
