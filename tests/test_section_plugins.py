"""A section kind added by a package outside kit/ (tests/plugin_kinds/fk_checklist).

The package is installed for the test the way pip would leave it: a
``.dist-info`` with ``entry_points.txt`` on ``sys.path`` (PYTHONPATH) of a
fresh interpreter, so importlib.metadata finds its entry points and nothing of
this test process or of the environment changes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PLUGIN = Path(__file__).resolve().parent / "plugin_kinds"
ENTRY_POINTS = """\
[fangan_kit.sections]
checklist = fk_checklist:CHECKLIST
clash = fk_checklist:CLASH

[fangan_kit.doctypes]
selfcheck = fk_checklist:SELFCHECK
"""

SCRIPT = r"""
import io, json, sys
from docx import Document
from kit.drafts import load_draft
from kit.doctypes import checks_for, registry
from kit.findings import run_checks
from kit.render import render_docx, render_html
from kit import structure
from kit.sections import kind_names
import kit.widgets as kw

draft = load_draft(sys.argv[1])
out = {"kinds": list(kind_names()), "failures": registry().failures}
found = run_checks(checks_for(draft.type), draft)
out["findings"] = [[f.rule, f.where, f.message] for f in found]
target = sys.argv[2] + "/selfcheck.docx"
render_docx(draft, target)
doc = Document(target)
out["docx_rows"] = [[c.text for c in row.cells] for t in doc.tables for row in t.rows]
out["html"] = render_html(draft)
app = kw.DraftApp.open(sys.argv[1], workdir=sys.argv[2] + "/drafts", output=sys.argv[2] + "/out", focus="checklist")
form = app.form("checklist")
field = app.field("sections.checklist.checks[0].item")
out["form"] = [type(form).__name__, list(field.input._dom_classes)]
print(json.dumps(out, ensure_ascii=False))
"""


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    site = tmp_path_factory.mktemp("site")
    info = site / "fk_checklist-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: fk-checklist\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(ENTRY_POINTS, encoding="utf-8")
    path = os.pathsep.join([str(site), str(PLUGIN), os.environ.get("PYTHONPATH", "")])
    return {**os.environ, "PYTHONPATH": path.rstrip(os.pathsep), "KIT_PACK_HOME": str(site / "packs")}


@pytest.fixture(scope="module")
def result(env, tmp_path_factory):
    work = tmp_path_factory.mktemp("work")
    run = subprocess.run([sys.executable, "-c", SCRIPT, str(PLUGIN / "selfcheck.yaml"), str(work)], env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout.strip().splitlines()[-1])


def test_the_plugin_kind_is_registered_after_the_built_in_ones(result):
    assert result["kinds"][:2] == ["prose", "organisation"] and result["kinds"][-1] == "checklist"
    assert {"thresholds", "scoring"} <= set(result["kinds"])


def test_a_plugin_redefining_a_built_in_kind_is_refused_with_a_message(result):
    assert result["kinds"].count("ledger") == 1
    refused = [f for f in result["failures"] if "「ledger」" in f]
    assert refused and "重新定义了内置分节类型" in refused[0] and "已拒绝" in refused[0]


def test_the_plugin_section_validates_and_is_checked(result):
    assert result["findings"] == [["PARTS", "sections.checklist.stated_done", "已完成项数写作 3，清单中已完成 2 项"]]


def test_the_plugin_section_renders_as_a_table_in_docx_and_html(result):
    assert result["docx_rows"][0] == ["序号", "自查事项", "完成情况"]
    assert result["docx_rows"][3] == ["3", "校车驾驶人资格审核", "未完成"]
    assert "<table>" in result["html"] and "食堂从业人员持有效健康证上岗" in result["html"]
    assert "共3项，已完成2项。" in result["html"]


def test_the_plugin_section_has_a_form(result):
    name, classes = result["form"]
    assert name == "ChecklistForm" and "kit-checklist-check-item-0" in classes


def test_kit_types_lists_the_plugin_type_and_the_refusal(env, tmp_path):
    run = subprocess.run([sys.executable, "-m", "kit.cli", "types"], env=env, capture_output=True, text=True, timeout=60)
    assert "selfcheck" in run.stdout and "重新定义了内置分节类型「ledger」" in run.stdout + run.stderr


def test_kit_import_recognises_the_plugin_kind(env, tmp_path):
    doc = tmp_path / "自查报告.txt"
    doc.write_text("关于校园安全工作的自查报告\n一、基本情况\n我校开展了自查。\n二、自查清单\n☑消防器材按期检查\n□校车驾驶人资格审核\n某某县第一中学\n2024年6月1日\n", encoding="utf-8")
    out = tmp_path / "导入.yaml"
    run = subprocess.run([sys.executable, "-m", "kit.cli", "import", str(doc), "-o", str(out), "--type", "selfcheck"], env=env,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "自查清单（checklist）" in run.stdout
