"""kit.doctypes: document types as entry-point plugins, template packs."""

from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

import kit.doctypes as doctypes
from kit.doctypes import DOCTYPE_GROUP, PACK_GROUP, PackError, get_type, load_pack, registry, starting_data
from kit.drafts import load_draft, validate_data
from kit.findings import run_checks
from kit.resources import resources

BUILTIN = ["consolation", "notice", "plan", "summary"]
PACKS = {
    "liushou_home": "plan",
    "union_home": "plan",
    "new_year_consolation": "consolation",
    "hardship_notice": "notice",
    "term_summary": "summary",
}


@pytest.fixture
def fresh_registry():
    """Build a registry from scratch, and leave the cached one clean afterwards."""
    yield doctypes._load_registry
    doctypes.registry.cache_clear()


def _with_extra(monkeypatch, group, *extra):
    real = doctypes.entry_points

    def fake(group=None, **kw):
        found = list(real(group=group, **kw))
        return found + [ep for ep in extra if ep.group == group]

    monkeypatch.setattr(doctypes, "entry_points", fake)


def _write_pack(folder: Path, manifest: str, draft_name: str = "draft.yaml", draft_text: str | None = None) -> Path:
    folder.mkdir(parents=True)
    (folder / "pack.yaml").write_text(manifest, encoding="utf-8")
    if draft_text is not None:
        (folder / draft_name).write_text(draft_text, encoding="utf-8")
    return folder


def test_the_four_builtin_types_are_registered_through_entry_points():
    assert sorted(registry().types) == BUILTIN
    assert registry().failures == []
    assert get_type("consolation").section("budget").kind == "ledger"


def test_unknown_type_lists_the_known_ones():
    with pytest.raises(KeyError, match="未知的文书类型「letter」"):
        get_type("letter")


def test_project_packs_are_found():
    packs = registry().packs
    assert {name: pack.type for name, pack in packs.items()} == PACKS
    for pack in packs.values():
        assert pack.folder.parent == resources().packs
        assert pack.draft_file.is_file()
        assert pack.label and pack.description


def test_a_plugin_that_cannot_be_imported_is_reported_and_the_others_load(monkeypatch, fresh_registry):
    broken = EntryPoint(name="letter", value="kit_no_such_module.types:LETTER", group=DOCTYPE_GROUP)
    _with_extra(monkeypatch, DOCTYPE_GROUP, broken)
    reg = fresh_registry()
    assert sorted(reg.types) == BUILTIN
    (failure,) = reg.failures
    assert "letter" in failure and "加载失败" in failure and "ModuleNotFoundError" in failure


def test_a_plugin_that_is_not_a_doctype_is_reported(monkeypatch, fresh_registry):
    _with_extra(monkeypatch, DOCTYPE_GROUP, EntryPoint(name="zero", value="kit.money:ZERO", group=DOCTYPE_GROUP))
    reg = fresh_registry()
    assert sorted(reg.types) == BUILTIN
    assert any("zero" in f and "不是 DocType" in f for f in reg.failures)


def test_a_plugin_raising_on_import_is_reported(monkeypatch, fresh_registry, tmp_path):
    (tmp_path / "kit_test_exploding_plugin.py").write_text("raise RuntimeError('插件坏了')\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    _with_extra(monkeypatch, DOCTYPE_GROUP, EntryPoint(name="boom", value="kit_test_exploding_plugin:TYPE", group=DOCTYPE_GROUP))
    reg = fresh_registry()
    assert sorted(reg.types) == BUILTIN
    assert any("boom" in f and "插件坏了" in f for f in reg.failures)


def test_a_pack_plugin_that_fails_is_reported(monkeypatch, fresh_registry):
    _with_extra(monkeypatch, PACK_GROUP, EntryPoint(name="ghost", value="kit_no_such_module:folder", group=PACK_GROUP))
    reg = fresh_registry()
    assert any("ghost" in f for f in reg.failures)
    assert set(reg.packs) == set(PACKS)


BROKEN_MANIFESTS = [
    ("not_yaml", "name: [oops\n", None, "无法读取"),
    ("not_mapping", "- a\n- b\n", None, "映射"),
    ("unknown_key", "name: x\ntype: plan\ndraft: draft.yaml\ncolour: red\n", "", "未知字段：colour"),
    ("missing_type", "name: x\ndraft: draft.yaml\n", "", "缺少 type"),
    ("missing_draft_file", "name: x\ntype: plan\ndraft: draft.yaml\n", None, "不存在"),
    ("missing_template", "name: x\ntype: plan\ndraft: draft.yaml\ndocx_template: red.docx\n", "", "DOCX 模板"),
]


@pytest.mark.parametrize(("case", "manifest", "draft", "fragment"), BROKEN_MANIFESTS, ids=[c[0] for c in BROKEN_MANIFESTS])
def test_load_pack_refuses_a_broken_manifest(tmp_path, case, manifest, draft, fragment):
    folder = _write_pack(tmp_path / case, manifest, draft_text=draft)
    with pytest.raises(PackError, match=fragment):
        load_pack(folder)


def test_a_folder_without_manifest_is_not_a_pack(tmp_path):
    with pytest.raises(PackError, match="pack.yaml"):
        load_pack(tmp_path)


def test_broken_packs_on_the_pack_path_are_reported_and_the_others_load(monkeypatch, fresh_registry, tmp_path):
    _write_pack(tmp_path / "broken", "name: broken\ntype: plan\n")
    _write_pack(tmp_path / "alien", "name: alien\ntype: letter\ndraft: d.yaml\n", "d.yaml", "x: 1\n")
    good = (resources().packs / "term_summary" / "draft.yaml").read_text(encoding="utf-8")
    _write_pack(tmp_path / "mine", "name: my_summary\nlabel: 我的总结\ntype: summary\ndraft: d.yaml\n", "d.yaml", good)
    monkeypatch.setenv("KIT_PACK_PATH", str(tmp_path))
    reg = fresh_registry()
    assert any("缺少 draft" in f for f in reg.failures)
    assert any("alien" in f and "letter" in f and "未注册" in f for f in reg.failures)
    assert reg.packs["my_summary"].label == "我的总结"
    assert set(PACKS) <= set(reg.packs)
    assert sorted(reg.types) == BUILTIN


@pytest.mark.parametrize("type_name", BUILTIN)
def test_starting_data_without_pack_is_a_valid_draft(type_name):
    draft = validate_data(starting_data(type_name))
    assert draft.type == type_name
    assert draft.sections


@pytest.mark.parametrize(("pack_name", "type_name"), sorted(PACKS.items()))
def test_starting_data_from_each_pack_is_a_valid_draft_of_its_type(pack_name, type_name):
    pack = registry().packs[pack_name]
    draft = validate_data(starting_data(type_name, pack))
    assert draft.type == type_name
    assert draft.pack == pack_name
    assert draft.sections == load_draft(pack.draft_file).sections


@pytest.mark.parametrize("pack_name", sorted(PACKS))
def test_pack_drafts_only_lack_the_facts_left_to_fill_in(pack_name):
    """A starting draft's only findings are its 【待填】 markers: its sums are right."""
    pack = registry().packs[pack_name]
    draft = load_draft(pack.draft_file)
    findings = run_checks(get_type(draft.type).checks, draft)
    assert {f.kind for f in findings} <= {"placeholder"}
    assert all("待填" in f.quote for f in findings)


def test_a_pack_of_another_type_is_refused():
    with pytest.raises(PackError, match="属于文书类型「notice」"):
        starting_data("plan", registry().packs["hardship_notice"])


def test_consolation_pack_carries_the_policy_minimums():
    budget = load_draft(registry().packs["new_year_consolation"].draft_file).sections["budget"]
    assert {(m.category, str(m.per_head)) for m in budget.minimums} == {("离休", "300"), ("退休", "200")}


def test_hardship_notice_pack_states_the_thresholds_and_the_deadline():
    text = (resources().packs / "hardship_notice" / "draft.yaml").read_text(encoding="utf-8")
    for fragment in ("150%", "200%", "300%", "12月30日17:30"):
        assert fragment in text
