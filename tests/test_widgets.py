"""The drafting widgets driven without a browser: set .value, click, check the saved draft."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
from pathlib import Path

import pytest

ipywidgets = pytest.importorskip("ipywidgets")

import kit.widgets as kw  # noqa: E402
from kit.app import voila_argv  # noqa: E402
from kit.drafts import load_draft  # noqa: E402
from kit.widgets.app import FORMS  # noqa: E402
from kit.widgets.session import parse_path  # noqa: E402

SAMPLE = kw.sample_path("consolation_budget.yaml")
SAMPLES = ["consolation_budget.yaml", "liushou_home_plan.yaml", "union_home_plan.yaml", "liushou_summary.yaml"]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def app(tmp_path):
    return kw.DraftApp.open(SAMPLE, workdir=tmp_path / "drafts", output=tmp_path / "out", focus="budget")


def set_text(app, path: str, value: str):
    field = app.field(path)
    field.input.value = value
    return field


def classes(widget) -> list[str]:
    return list(widget._dom_classes)


# -- the budget ------------------------------------------------------------------


def test_editing_a_count_recomputes_subtotal_total_and_upper(app):
    budget = app.form("budget")
    assert "<b class='kit-value'>3320</b>" in budget.total.value
    set_text(app, "sections.budget.lines[0].count", "16")
    assert "<b class='kit-value'>3420</b>" in budget.total.value
    assert "叁仟肆佰贰拾元整" in budget.upper.value
    subtotal, findings = budget.computed[0]
    assert "<b class='kit-value'>1600</b>" in subtotal.value
    # drafting, not proofreading: the stale written subtotal and total go, nothing turns red
    assert "所写" not in subtotal.value and findings.value == ""
    saved = load_draft(app.session.path).sections["budget"]
    assert saved.lines[0].count == 16 and saved.lines[0].stated_subtotal is None and saved.stated_total is None
    assert saved.lines[4].stated_subtotal == 180  # lines left alone are still compared


def test_every_finding_is_shown_beside_its_line_and_the_total(app):
    budget = app.form("budget")
    assert budget.computed[0][1].value == ""
    assert "第5项「参加慰问人员」小计写作 180 元" in budget.computed[4][1].value
    assert "五项总计写作 3280 元" in budget.total_findings.value
    assert "检查发现 2 处问题" in app.findings.value


def test_policy_minimum_is_flagged_on_its_line(app):
    app.field("sections.budget.lines[0].category").input.value = "退休"
    budget = app.form("budget")
    budget.children  # built
    minimums = [w for w in budget.children if isinstance(w, kw.ListEditor) and w.path[-1] == "minimums"][0]
    minimums.add()  # default rule: 退休 ≥ 200 per head
    assert "低于「退休」每人不少于 200 元的标准" in budget.computed[0][1].value


@pytest.mark.parametrize("bad", ["-3", "abc", "1.5"])
def test_invalid_count_shows_chinese_message_and_saves_nothing(app, bad):
    path = app.session.path
    before, backup = digest(path), path.with_name(path.name + ".bak").exists()
    field = set_text(app, "sections.budget.lines[0].count", bad)
    assert field.invalid
    assert "必须是非负整数" in field.message and "必须是非负整数" in field.error.value
    assert "kit-invalid" in classes(field.input)
    assert "未保存" in app.status.value
    assert digest(path) == before and path.with_name(path.name + ".bak").exists() == backup
    assert "<b class='kit-value'>3320</b>" in app.form("budget").total.value

    field.input.value = "15"  # corrected: marker cleared
    assert not field.invalid and field.error.value == "" and "kit-invalid" not in classes(field.input)


def test_invalid_value_is_not_saved_by_a_later_valid_edit(app):
    set_text(app, "sections.budget.lines[0].count", "-3")
    set_text(app, "sections.budget.lines[1].name", "困难教职工")
    saved = load_draft(app.session.path).sections["budget"]
    assert saved.lines[0].count == 15 and saved.lines[1].name == "困难教职工"


def test_invalid_amount_and_date_and_required_text(app):
    amount = set_text(app, "sections.budget.lines[0].components[0].amount", "一百")
    assert amount.invalid and "必须是金额数字" in amount.message
    date = set_text(app, "header.date", "2023年12月")
    assert date.invalid and "应为日期" in date.message
    title = set_text(app, "header.title", "  ")
    assert title.invalid and "不能为空" in title.message


def test_optional_figure_cleared_removes_it(app):
    set_text(app, "sections.budget.stated_total", "")
    assert load_draft(app.session.path).sections["budget"].stated_total is None
    assert "五项总计写作" not in app.form("budget").total_findings.value


def test_number_is_shown_normalised_after_saving(app):
    field = set_text(app, "sections.budget.lines[0].count", " 16 ")
    assert field.input.value == "16"


def test_adopt_button_leaves_the_figures_to_the_kit(app):
    budget = app.form("budget")
    assert budget.fix_box.layout.display is None  # check mode: the sample carries written figures
    set_text(app, "sections.budget.lines[0].count", "16")
    budget.fix.click()
    section = load_draft(app.session.path).sections["budget"]
    assert section.stated_total is None and section.stated_total_upper is None
    assert [line.stated_subtotal for line in section.lines] == [None] * 5
    assert budget.fix_box.layout.display == "none" and "kit-mode-draft" in budget.mode_note.value
    assert "六项" not in app.findings.value and "小计写作" not in app.findings.value


def test_switching_a_line_to_fixed_drops_its_count(app):
    budget = app.form("budget")
    choice = [w for w in budget.lines.rows.children[0].children[0].children[0].children if isinstance(w, kw.ledger_form.KindChoice)][0]
    choice.value = "fixed"
    line = load_draft(app.session.path).sections["budget"].lines[0]
    assert line.kind == "fixed" and line.count is None
    assert "sections.budget.lines[0].count" not in app.contexts["budget"].fields


# -- lists -------------------------------------------------------------------------


def test_add_move_and_remove_ledger_lines(app):
    lines = app.form("budget").lines
    lines.add()
    names = lambda: [l.name for l in load_draft(app.session.path).sections["budget"].lines]  # noqa: E731
    assert names()[-1] == "新项目6" and lines.count == 6
    assert "kit-budget-count-5" in classes(app.field("sections.budget.lines[5].count").input)
    set_text(app, "sections.budget.lines[5].count", "4")
    set_text(app, "sections.budget.lines[5].components[0].amount", "25")
    assert "<b class='kit-value'>3420</b>" in app.form("budget").total.value
    lines.op("up", 5)
    assert names()[4:] == ["新项目6", "参加慰问人员"]
    lines.op("down", 0)
    assert names()[:2] == ["困难职工", "退休教师"]
    lines.op("remove", 4)
    assert "新项目6" not in names() and lines.count == 5
    assert "<b class='kit-value'>3320</b>" in app.form("budget").total.value


def test_add_and_remove_components_of_a_line(app):
    budget = app.form("budget")
    components = budget.components[0]
    components.add()
    set_text(app, "sections.budget.lines[0].components[1].amount", "20")
    assert "<b class='kit-value'>1800</b>" in budget.computed[0][0].value
    components.op("remove", 0)
    assert "<b class='kit-value'>300</b>" in budget.computed[0][0].value


def test_move_up_at_top_changes_nothing(app):
    before = digest(app.session.path)
    app.form("budget").lines.op("up", 0)
    assert digest(app.session.path) == before


def test_organisation_roles_and_prose_paragraphs(tmp_path):
    app = kw.DraftApp.open(kw.sample_path("liushou_home_plan.yaml"), workdir=tmp_path)
    org = app.form("organisation")
    deputies = [w for w in org.children if isinstance(w, kw.ListEditor) and w.path[-1] == "deputies"][0]
    deputies.add()
    set_text(app, "sections.organisation.deputies[2].name", "周明")
    set_text(app, "sections.organisation.deputies[2].title", "工会主席")
    set_text(app, "sections.organisation.leader.name", "王德明")
    saved = load_draft(app.session.path).sections["organisation"]
    assert saved.deputies[2].name == "周明" and saved.deputies[2].title == "工会主席"
    assert "kit-organisation-deputy-name-2" in classes(app.field("sections.organisation.deputies[2].name").input)
    empty = set_text(app, "sections.organisation.leader.name", "")
    assert empty.invalid and "不能为空" in empty.message
    set_text(app, "sections.guiding.paragraphs[0]", "新的指导思想。")
    assert load_draft(app.session.path).sections["guiding"].paragraphs[0] == "新的指导思想。"


# -- text, autosave, samples --------------------------------------------------------


def test_chinese_text_outside_the_bmp_and_emoji_reach_the_saved_draft(app):
    text = "𠮷野家的吉祥物🎉，“全角引号”与　全角空格，👨‍👩‍👧 一家人"
    set_text(app, "header.title", text)
    set_text(app, "sections.purpose.paragraphs[0]", text + "\n第二行")
    draft = load_draft(app.session.path)
    assert draft.header.title == text
    assert draft.sections["purpose"].paragraphs[0] == text + "\n第二行"


def test_control_characters_are_refused(app):
    field = set_text(app, "header.title", "标题\x07")
    assert field.invalid and "控制字符" in field.message


def test_reopening_restores_the_edits(tmp_path):
    first = kw.DraftApp.open(SAMPLE, workdir=tmp_path)
    set_text(first, "sections.budget.lines[0].count", "16")
    set_text(first, "header.title", "东湖中学2025年元旦走访慰问活动方案")
    first.form("budget").lines.add()
    again = kw.DraftApp.open(SAMPLE, workdir=tmp_path)  # as a reload or a restarted kernel would
    assert again.session.path == first.session.path
    assert again.field("sections.budget.lines[0].count").input.value == "16"
    assert again.field("header.title").input.value == "东湖中学2025年元旦走访慰问活动方案"
    assert again.form("budget").lines.count == 6


def test_opening_a_sample_never_modifies_it(tmp_path):
    before = {name: digest(kw.sample_path(name)) for name in SAMPLES}
    app = kw.DraftApp.open(SAMPLE, workdir=tmp_path)
    set_text(app, "sections.budget.lines[0].count", "16")
    assert app.session.path == (tmp_path / "consolation_budget.yaml").resolve()
    for name in SAMPLES:
        kw.DraftApp.open(kw.sample_path(name), workdir=tmp_path)
    assert {name: digest(kw.sample_path(name)) for name in SAMPLES} == before
    assert not kw.sample_path("consolation_budget.yaml.bak").exists()


def test_every_save_keeps_a_backup(app):
    path = app.session.path
    set_text(app, "sections.budget.lines[0].count", "16")
    set_text(app, "sections.budget.lines[0].count", "17")
    assert "count: 16" in path.with_name(path.name + ".bak").read_text(encoding="utf-8")
    assert "count: 17" in path.read_text(encoding="utf-8")


# -- forms from declarations ---------------------------------------------------------


@pytest.mark.parametrize("name", SAMPLES)
def test_one_form_per_section_by_kind(tmp_path, name):
    app = kw.DraftApp.open(kw.sample_path(name), workdir=tmp_path)
    draft = app.session.draft
    assert app.section_keys == ["header", *draft.sections]
    assert list(app.forms) == ["header"]  # forms are built when their tab is first shown
    for key, section in draft.sections.items():
        assert type(app.form(key)) is FORMS[section.kind]
    assert list(app.tabs.titles) == ["文件信息", *(s.title for s in draft.sections.values())]


def test_tabs_build_their_form_when_selected(app):
    assert "guiding" not in app.forms and "purpose" not in app.forms
    app.tabs.selected_index = app.section_keys.index("purpose")
    assert "purpose" in app.forms and app.holders["purpose"].children == (app.forms["purpose"],)


def test_every_input_has_a_stable_class(app):
    for path, field in app.contexts["budget"].fields.items():
        css = [c for c in classes(field.input) if c.startswith("kit-budget-")]
        assert css, path
    assert "kit-budget-count-0" in classes(app.field("sections.budget.lines[0].count").input)
    assert "kit-header-title" in classes(app.field("header.title").input)
    assert "kit-budget-total" in classes(app.form("budget").total)
    assert "kit-generate" in classes(app.generate_button)
    # text is sent while typing (saved after a pause); numbers and dates when the field is left
    for f in (f for c in app.contexts.values() for f in c.fields.values() if hasattr(f.input, "continuous_update")):
        assert f.input.continuous_update is (f.kind in ("text", "area"))


def test_adding_a_declared_section_and_removing_it(tmp_path):
    app = kw.DraftApp.open(kw.sample_path("union_home_plan.yaml"), workdir=tmp_path)
    declared = [s.key for s in app.doctype.sections]
    missing = [k for k in declared if k not in app.session.draft.sections]
    assert missing, "the union sample leaves some plan sections out"
    key = "budget" if "budget" in missing else missing[0]
    assert app.add_section(key) == []
    keys = list(load_draft(app.session.path).sections)
    before = [k for k in keys[: keys.index(key)]]
    assert all(declared.index(k) < declared.index(key) for k in before if k in declared)  # after the sections declared before it
    assert key in app.forms and app.section_keys[app.tabs.selected_index] == key
    assert app.remove_section(key) == []
    assert key not in load_draft(app.session.path).sections and key not in app.section_keys


# -- output --------------------------------------------------------------------------


def test_generate_button_writes_the_docx(app):
    if kw.render_module() is None:
        pytest.skip("kit.render 尚未安装")
    import docx

    set_text(app, "sections.budget.lines[0].count", "16")
    app.generate_button.click()
    target = Path(app.docx_path)
    assert target.parent == app.output and target.suffix == ".docx"
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(target.read_bytes())).paragraphs)
    assert "3420" in text and "叁仟肆佰贰拾元整" in text
    assert "已生成" in app.download.value


def test_preview_follows_the_edits(app):
    if kw.render_module() is None:
        pytest.skip("kit.render 尚未安装")
    set_text(app, "header.title", "预览标题测试方案")
    assert "预览标题测试方案" in app.preview.value and "<iframe" in app.preview.value


def test_download_link_is_relative_to_the_voila_page(tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_SERVE_ROOT", str(tmp_path))
    assert kw.download_href(tmp_path / "drafts" / "out" / "方案.docx") == "../../files/drafts/out/方案.docx"
    assert kw.download_href(Path("/elsewhere/x.docx")) is None


def test_drafts_folder_defaults_to_the_checkout(monkeypatch, tmp_path):
    import kit.widgets.session as session

    monkeypatch.delenv("KIT_DRAFTS_DIR", raising=False)
    root = Path(__file__).resolve().parents[1]
    assert session.IN_CHECKOUT and kw.drafts_dir() == root / "drafts"
    monkeypatch.setattr(session, "IN_CHECKOUT", False)  # installed from a wheel: the current folder
    monkeypatch.chdir(tmp_path)
    assert kw.drafts_dir() == tmp_path.resolve() / "drafts"
    monkeypatch.setenv("KIT_DRAFTS_DIR", str(tmp_path / "mine"))
    assert kw.drafts_dir() == tmp_path.resolve() / "mine"


# -- plain functions -------------------------------------------------------------------


def test_ledger_report_states_both_figures_and_findings():
    report = kw.ledger_report(load_draft(SAMPLE))
    assert "3280" in report and "3320" in report and "叁仟叁佰贰拾元整" in report
    assert "少写了 40 元" in report


def test_summary_from_plan_is_a_valid_draft(tmp_path):
    from kit.drafts import validate_data

    open_summary = kw.summary_of(kw.sample_path("liushou_home_plan.yaml"), "新建总结.yaml")
    path = open_summary(tmp_path)
    draft = validate_data(load_draft(path).to_data())
    assert draft.type == "summary" and draft.header.title.endswith("工作总结")
    assert "spending" in draft.sections and draft.sections["spending"].stated_total is None


def test_picker_switches_between_starting_points(tmp_path):
    picker = kw.DraftPicker(
        {"示例": kw.from_file(kw.sample_path("liushou_home_plan.yaml")), "空白": kw.blank("plan", "新建方案.yaml")},
        workdir=tmp_path,
    )
    assert picker.app.session.path.name == "liushou_home_plan.yaml"
    picker.select.value = "空白"
    assert picker.app.session.path == tmp_path.resolve() / "新建方案.yaml" and picker.holder.children == (picker.app,)


def test_parse_path():
    assert parse_path("sections.budget.lines[0].components[12].amount") == ("sections", "budget", "lines", 0, "components", 12, "amount")


def test_voila_options_hide_code_and_tracebacks_and_allow_docx():
    argv = voila_argv(8866)
    assert "--strip_sources=True" in argv and "--VoilaConfiguration.show_tracebacks=False" in argv
    assert "--Voila.ip=127.0.0.1" in argv and any("docx" in a and "file_allowlist" in a for a in argv)
    assert any(a.startswith("--MappingKernelManager.cull_idle_timeout=") for a in argv)
    assert "--preheat_kernel=True" in argv and "--pool_size=1" in argv  # each app's kernel started ahead
    assert not any("preheat" in a or "pool_size" in a for a in voila_argv(8866, pool=0))


def test_only_the_three_apps_are_preheated():
    import re

    from kit.app import NOTEBOOKS, PROJECT_ROOT
    from kit.kernels import denylist

    pattern = re.compile(denylist(str(PROJECT_ROOT), [f"notebooks/{n}" for n in NOTEBOOKS]))
    for name in NOTEBOOKS:
        assert not pattern.match(str(PROJECT_ROOT / "notebooks" / name))
    for other in ("templates/packs/union_home/check.ipynb", "notebooks/other.ipynb", "x/notebooks/summary.ipynb", "notebooks/summary.ipynb.bak"):
        assert pattern.match(str(PROJECT_ROOT / other)), other


# -- import and the summary's spending -------------------------------------------------


def test_importing_an_old_docx_opens_it_as_a_new_draft(tmp_path):
    if kw.render_module() is None or not kw.picker.importer_available():
        pytest.skip("kit.render 或 kit.proof 尚未安装")
    from kit.render import render_docx

    old = tmp_path / "去年方案.docx"
    render_docx(load_draft(SAMPLE), old)
    picker = kw.DraftPicker({"示例": kw.from_file(SAMPLE)}, workdir=tmp_path / "drafts", allow_import=True, doc_type="consolation")
    path = picker.import_file("去年方案.docx", old.read_bytes())
    assert path.name == "去年方案.yaml" and path.parent == (tmp_path / "drafts").resolve()
    assert picker.app.session.path.name == "去年方案.yaml" and picker.select.value == "导入：去年方案"
    assert "已导入" in picker.import_status.value
    assert "3320" in picker.app.form("budget").total.value
    again = picker.import_file("去年方案.docx", old.read_bytes())
    assert again.name == "去年方案-2.yaml"  # never overwrites a draft


def test_the_consolation_app_imports_an_old_document_from_its_top_bar(tmp_path):
    if kw.render_module() is None or not kw.picker.importer_available():
        pytest.skip("kit.render 或 kit.proof 尚未安装")
    from kit.render import render_docx

    old = tmp_path / "去年方案.docx"
    render_docx(load_draft(SAMPLE), old)
    job = kw.JobApp("consolation", workdir=tmp_path / "drafts")
    assert job.upload in job.children[0].children and job.upload.description == "从旧文档导入"
    job.upload.value = ({"name": "去年方案.docx", "type": "", "size": 0, "last_modified": dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc), "content": memoryview(old.read_bytes())},)
    assert job.draft_name == "去年方案.yaml" and job.chooser.value == "去年方案.yaml"
    assert "已导入「去年方案.docx」" in job.import_status.value and job.upload.value == ()
    assert "3320" in job.app.form("budget").total.value
    assert job.import_file("去年方案.docx", old.read_bytes()).name == "去年方案-2.yaml"  # never over a draft
    assert job.import_file("表格.xlsx", b"PK\x03\x04") is None and "只能导入" in job.import_status.value
    assert job.draft_name == "去年方案-2.yaml"  # the refused file changed nothing
    summary = kw.SummaryJob(workdir=tmp_path / "drafts")
    assert summary.upload not in summary.children[0].children  # a summary is written, not imported


def test_importing_a_wrong_file_says_why_in_chinese(tmp_path):
    if not kw.picker.importer_available():
        pytest.skip("kit.proof 尚未安装")
    picker = kw.DraftPicker({"示例": kw.from_file(SAMPLE)}, workdir=tmp_path, allow_import=True)
    assert picker.import_file("表格.xlsx", b"PK\x03\x04") is None
    assert "只能导入" in picker.import_status.value
    assert picker.app.session.path.name == "consolation_budget.yaml"


def test_spending_comparison_follows_the_summary(tmp_path):
    plan = kw.sample_path("liushou_home_plan.yaml")
    picker = kw.DraftPicker({"示例": kw.from_file(kw.sample_path("liushou_summary.yaml"))}, workdir=tmp_path)
    panel = kw.SpendingComparison(picker, plan)
    assert "节余 255.50 元" in panel.value
    set_text(picker.app, "sections.spending.lines[0].components[0].amount", "3550")
    assert "电脑：预算 3500 元，支出 3550 元，超出预算 50 元" in panel.value
    picker.app.add_section("problems") if "problems" not in picker.app.session.draft.sections else None
    picker.app.build()  # a rebuilt app keeps the panel listening
    set_text(picker.app, "sections.spending.lines[0].components[0].amount", "3500")
    assert "电脑：预算 3500 元，支出 3500 元，与预算持平" in panel.value


def test_app_displays_as_a_widget(app):
    assert repr(app).startswith("DraftApp(")  # what Jupyter and Voilà call when the cell ends
    assert "application/vnd.jupyter.widget-view+json" in app._repr_mimebundle_()


def test_red_header_box_changes_the_preview_and_the_docx(app):
    render = kw.render_module()
    if render is None:
        pytest.skip("kit.render 尚未安装")
    plain = app.preview.value
    app.red_header.value = True
    assert app.preview.value != plain
    assert "kit-red-header" in classes(app.red_header)
    assert Path(app.generate()).is_file()


def test_a_broken_working_copy_is_reported_and_can_be_set_aside(tmp_path):
    picker = kw.DraftPicker({"示例": kw.from_file(SAMPLE)}, workdir=tmp_path)
    copy_path = picker.app.session.path
    copy_path.write_text(copy_path.read_text(encoding="utf-8").replace("count: 15", "count: -15"), encoding="utf-8")
    picker.show("示例")
    assert picker.app is None
    message, again = picker.holder.children[0].children
    assert "草稿无法打开" in message.value and "必须是非负整数" in message.value
    again.click()
    assert picker.app is not None and picker.app.session.draft.sections["budget"].lines[0].count == 15
    assert len(list(tmp_path.glob("consolation_budget.有问题-*.yaml.txt"))) == 1


# -- safety, draft mode, references (issue 9) ---------------------------------------------


def test_deleting_a_section_asks_first_and_undo_restores_the_file_byte_for_byte(app):
    path = app.session.path
    before = path.read_bytes()
    app.form("time")
    app.ask_remove_section("time")
    assert "time" in app.session.draft.sections  # only asked
    confirm = [w for w in app.notice.children if isinstance(w, ipywidgets.Button) and "kit-time-confirm-remove" in classes(w)][0]
    confirm.click()
    assert "time" not in load_draft(path).sections
    undo = [w for w in app.notice.children if isinstance(w, ipywidgets.Button)][0]
    undo.click()
    assert path.read_bytes() == before


def test_deleting_a_budget_line_asks_first_and_can_be_undone(app):
    lines = app.form("budget").lines
    before = app.session.path.read_bytes()
    lines.ask_remove(1)
    assert len(load_draft(app.session.path).sections["budget"].lines) == 5
    lines.remove(1)
    assert len(load_draft(app.session.path).sections["budget"].lines) == 4
    lines.confirm.children[-1].click()  # 撤销
    assert app.session.path.read_bytes() == before and lines.count == 5


def test_generate_refuses_while_a_value_is_refused_and_names_the_field(app, tmp_path):
    set_text(app, "sections.budget.lines[0].count", "-3")
    assert app.generate() is None
    assert "「慰问费用预算」第1项的「人数」" in app.download.value
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").glob("*.docx"))
    set_text(app, "sections.budget.lines[0].count", "15")
    assert app.generate() is not None


def test_a_typed_unknown_reference_is_refused_naming_it(app):
    field = set_text(app, "sections.targets.paragraphs[0]", "共慰问退休老师{{退休老师.人数}}人。")
    assert field.invalid and "退休老师" in field.message and "不存在" in field.message


def test_adding_a_plan_budget_line_uses_neutral_words(tmp_path):
    plan = kw.DraftApp.open(kw.sample_path("liushou_home_plan.yaml"), workdir=tmp_path / "d", output=tmp_path / "o")
    lines = plan.form("budget").lines
    lines.add()
    line = load_draft(plan.session.path).sections["budget"].lines[-1]
    assert line.kind == "fixed" and line.components[0].name == "金额"


# -- third-level items and 插入数字 ---------------------------------------------------------


def test_third_level_items_are_edited_under_their_item(app):
    from kit.render import render_html

    form = app.form("requirements")
    subs = app.field("sections.requirements.items[1].text").ctx  # built with the form
    [items] = [w for w in form.children if isinstance(w, kw.ListEditor) and w.path[-1] == "items"]
    second = items.rows.children[1].children[0].children[1]  # the row's sub-item editor
    assert isinstance(second, kw.ListEditor) and second.path == ("sections", "requirements", "items", 1, "sub") and second.count == 0
    second.add()
    second.add()
    set_text(app, "sections.requirements.items[1].sub[0].text", "慰问品由总务处统一采购。")
    set_text(app, "sections.requirements.items[1].sub[1].lead", "登记造册")
    set_text(app, "sections.requirements.items[1].sub[1].text", "逐人签收。")
    assert "kit-requirements-sub-text-1-0" in classes(app.field("sections.requirements.items[1].sub[0].text").input)
    saved = load_draft(app.session.path).sections["requirements"].items[1]
    assert [(s.lead, s.text) for s in saved.sub] == [(None, "慰问品由总务处统一采购。"), ("登记造册", "逐人签收。")]
    page = render_html(load_draft(app.session.path))
    assert "1.慰问品由总务处统一采购。" in re.sub(r"<[^>]+>", "", page) and "2.登记造册。逐人签收。" in re.sub(r"<[^>]+>", "", page)
    second.remove(0)
    second.remove(0)
    assert load_draft(app.session.path).sections["requirements"].items[1].sub == []
    assert subs.fields  # the item's own fields are still there


def test_insert_figure_puts_the_reference_at_the_caret_or_the_end(app):
    field = app.field("sections.targets.paragraphs[0]")
    [insert] = [w for w in field.children if isinstance(w, kw.FigureInsert)]
    labels = [label for label, _ in insert.options]
    assert labels[0] == "插入数字…" and "退休教师.人数：15" in labels and "合计：3320" in labels and "合计大写：叁仟叁佰贰拾元整" in labels
    field.input.value = "共有退休教师人。"
    insert.caret.value = "6,6"  # the page reports the caret: after 共有退休教师
    insert.value = "退休教师.人数"
    assert field.input.value == "共有退休教师{{退休教师.人数}}人。" and insert.value == ""
    insert.caret.value = ""  # no caret known: at the end
    insert.value = "合计"
    assert load_draft(app.session.path).sections["targets"].paragraphs[0] == "共有退休教师{{退休教师.人数}}人。{{合计}}"
    set_text(app, "sections.budget.lines[0].count", "16")
    assert "退休教师.人数：16" in [label for label, _ in insert.options]  # the values follow the budget
    from kit.render import render_html

    assert "共有退休教师16人。3420" in re.sub(r"<[^>]+>", "", render_html(load_draft(app.session.path)))


@pytest.mark.parametrize("text, caret, expected", [
    ("甲乙", (1, 1), "甲{{合计}}乙"),
    ("甲乙丙", (1, 2), "甲{{合计}}丙"),  # a selection is replaced
    ("甲乙", None, "甲乙{{合计}}"),
    ("甲乙", (9, 9), "甲乙{{合计}}"),
    ("共{{项数}}项", (3, 3), "共{{项数}}{{合计}}项"),  # never inside another reference
])
def test_insert_reference(text, caret, expected):
    from kit.widgets.figures import insert_reference

    assert insert_reference(text, "合计", caret)[0] == expected


def test_a_kernel_started_ahead_that_cannot_read_its_page_address_opens_the_last_draft_and_says_so(tmp_path, monkeypatch):
    import socket
    import uuid

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("VOILA_PREHEAT", "True")
    monkeypatch.setenv("VOILA_APP_PORT", str(port))
    monkeypatch.setenv("VOILA_KERNEL_ID", str(uuid.uuid4()))
    monkeypatch.setenv("QUERY_STRING", "draft=x.yaml")
    monkeypatch.delenv("QUERY_STRING")  # restored as absent afterwards
    job = kw.JobApp("consolation", workdir=tmp_path / "drafts")
    assert job.app is not None and job.draft_name == "去年的元旦慰问方案.yaml"
    assert "kit-unread-address" in job.message.value and "没能读到页面地址中指定的草稿" in job.message.value
    assert kw.JobApp("consolation", workdir=tmp_path / "drafts").message.value == ""  # asked once per kernel


def kernel_started_ahead(monkeypatch, on_request):
    """JobApp as in a kernel started ahead: *on_request* runs when the page's address arrives and returns its query."""
    import kit.widgets.jobs as jobs

    monkeypatch.setattr(jobs, "preheated", lambda: True)
    monkeypatch.setattr(jobs, "page_query", lambda: (on_request(), None))


def test_a_kernel_started_ahead_opens_the_last_draft_before_the_page_asks_and_keeps_it_if_unchanged(tmp_path, monkeypatch):
    folder = tmp_path / "drafts"
    first = kw.JobApp("consolation", workdir=folder)  # a clerk worked on the example before
    opened: list = []

    def request():
        opened.append(job.app)
        return ""

    kernel_started_ahead(monkeypatch, request)
    job = kw.JobApp.__new__(kw.JobApp)
    job.__init__("consolation", workdir=folder)
    assert opened[0] is not None and opened[0].session.path.name == first.draft_name  # opened before the request
    assert job.app is opened[0]  # and kept: the file had not changed


def test_a_kernel_started_ahead_opens_the_draft_the_address_names_or_the_file_as_it_is_now(tmp_path, monkeypatch):
    folder = tmp_path / "drafts"
    first = kw.JobApp("consolation", workdir=folder)
    other = folder / "另一份.yaml"
    other.write_bytes(SAMPLE.read_bytes())
    kernel_started_ahead(monkeypatch, lambda: "draft=%E5%8F%A6%E4%B8%80%E4%BB%BD.yaml")
    named = kw.JobApp("consolation", workdir=folder)
    assert named.draft_name == "另一份.yaml" and named.app.session.path == other.resolve()
    assert "另一份.yaml" in [value for _label, value in named.chooser.options]

    path = folder / first.draft_name

    def saved_elsewhere():  # another window saves the draft while this kernel waits
        path.write_text(path.read_text(encoding="utf-8").replace("count: 15", "count: 16"), encoding="utf-8")
        return ""

    catalog_state = kw.jobs.catalog
    catalog_state.remember(folder, "consolation", first.draft_name)
    kernel_started_ahead(monkeypatch, saved_elsewhere)
    fresh = kw.JobApp("consolation", workdir=folder)
    assert fresh.draft_name == first.draft_name and fresh.app.session.data["sections"]["budget"]["lines"][0]["count"] == 16


def test_a_kernel_started_ahead_writes_nothing_before_the_page_asks(tmp_path, monkeypatch):
    folder = tmp_path / "drafts"
    seen: list = []
    kernel_started_ahead(monkeypatch, lambda: seen.append(sorted(p.name for p in folder.glob("*"))) or "")
    job = kw.JobApp("consolation", workdir=folder)
    assert seen == [[]]  # no example copied, no state written while waiting
    assert job.draft_name == "去年的元旦慰问方案.yaml"  # made when the page asked


def test_a_warm_up_that_fails_leaves_the_app_to_open_as_usual(tmp_path, monkeypatch):
    import kit.widgets.jobs as jobs

    real = jobs.sample_path
    calls: list = []

    def broken_sample(name):
        calls.append(name)
        return tmp_path / "missing" / name

    kernel_started_ahead(monkeypatch, lambda: "")
    monkeypatch.setattr(jobs, "sample_path", broken_sample)
    jobs.warm_up("consolation")  # says nothing, raises nothing
    assert calls
    monkeypatch.setattr(jobs, "sample_path", real)
    job = kw.JobApp("consolation", workdir=tmp_path / "drafts")
    assert job.app is not None and job.message.value == ""
