"""kit pack: packs schools share — made from a draft, tested under nbval, installed all or nothing."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import nbformat
import pytest

import kit.doctypes as doctypes
from kit.cli import main
from kit.doctypes import load_pack, registry
from kit.packs.notebook import NOTEBOOK, run_nbval
from kit.resources import resources

ROOT = Path(__file__).resolve().parents[1]
BUILTIN = sorted(p for p in resources().packs.iterdir() if (p / "pack.yaml").is_file())
SAMPLE = ROOT / "sample_data" / "liushou_home_plan.yaml"


@pytest.fixture
def home(tmp_path, monkeypatch):
    """An empty user pack folder, a private temporary folder, and a registry rebuilt around them."""
    folder = tmp_path / "home" / "packs"
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setenv("KIT_PACK_HOME", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    doctypes.registry.cache_clear()
    yield folder
    doctypes.registry.cache_clear()


def kit(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def copy_pack(name: str, target: Path) -> Path:
    shutil.copytree(resources().packs / name, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_every_builtin_pack_passes_kit_pack_test(capsys):
    code, out, err = kit(capsys, "pack", "test", *BUILTIN)
    assert code == 0, err
    for folder in BUILTIN:
        assert f"模板包 {folder.name} 通过检查，可以分享。" in out
    assert out.count("在 nbval 下运行，输出与记录一致") == len(BUILTIN)


def test_a_pack_made_from_a_sample_zipped_and_installed_is_listed_offered_and_renders(capsys, home, tmp_path, monkeypatch):
    code, out, err = kit(capsys, "pack", "new", "my_union_home", "--from", SAMPLE, "-o", tmp_path / "made",
                         "--author", "东湖县教育工会", "--label", "职工之家（东湖县）")
    assert code == 0, err
    made = tmp_path / "made"
    assert sorted(p.name for p in made.iterdir()) == ["check.ipynb", "draft.yaml", "pack.yaml"]
    pack = load_pack(made)
    assert (pack.version, pack.author, pack.type, pack.kit) == ("1.0.0", "东湖县教育工会", "plan", ">=0.1,<0.2")
    nb = nbformat.read(made / NOTEBOOK, as_version=4)
    checked = [c for c in nb.cells if c.cell_type == "code" and "# NBVAL_CHECK_OUTPUT" in c.source]
    assert len(checked) == 2 and all(c.outputs for c in checked)
    assert "计算合计" in checked[0].outputs[0]["text"]

    archive = tmp_path / "my_union_home.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for f in made.iterdir():
            zf.write(f, f"my_union_home/{f.name}")
    code, out, err = kit(capsys, "pack", "install", archive)
    assert code == 0, err
    assert "安装：my_union_home" in out
    assert (home / "my_union_home" / "pack.yaml").is_file()
    assert [p.name for p in home.iterdir()] == ["my_union_home"]  # nothing else left behind

    code, out, _ = kit(capsys, "types")
    assert "my_union_home" in out and str(home / "my_union_home") in out
    code, out, _ = kit(capsys, "pack", "list")
    assert "my_union_home" in out and "东湖县教育工会" in out

    from kit.widgets.jobs import JobApp

    drafts = tmp_path / "drafts"
    app = JobApp("plan", workdir=drafts)
    choice = dict((v, k) for k, v in app.chooser.options)["pack:my_union_home"]
    assert choice == "从模板包新建：职工之家（东湖县）"
    app.chooser.value = "pack:my_union_home"
    assert app.draft_name == "职工之家（东湖县）.yaml" and app.app is not None
    assert (drafts / app.draft_name).is_file()
    from kit.startpage import page_html  # the start page offers it for a new draft too

    page = page_html(drafts)
    assert "value='pack:my_union_home'" in page and "从模板包新建：职工之家（东湖县）" in page
    from kit.packs.manage import draft_from_pack

    named = draft_from_pack(drafts, "pack:my_union_home", "我校职工之家方案")
    assert named.name == "我校职工之家方案.yaml" and named.is_file()

    monkeypatch.chdir(tmp_path)
    assert kit(capsys, "new", "plan", "--pack", "my_union_home", "-o", "from_pack.yaml")[0] == 0
    assert kit(capsys, "render", "from_pack.yaml", "-o", "from_pack.docx")[0] == 0
    assert (tmp_path / "from_pack.docx").stat().st_size > 1000

    code, out, _ = kit(capsys, "pack", "remove", "my_union_home")
    assert code == 0 and not (home / "my_union_home").exists()
    assert "my_union_home" not in registry().packs
    code, _, err = kit(capsys, "pack", "remove", "union_home")
    assert code == 2 and "不是用 kit pack install 安装的" in err


def _git(*argv, cwd: Path) -> None:
    run = subprocess.run(["git", "-c", "user.name=县教育局", "-c", "user.email=jyj@example.org", *argv], cwd=cwd,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_county_repository_of_packs_installs_and_updates(capsys, home, tmp_path):
    bare = tmp_path / "county-packs.git"
    _git("init", "--bare", "--quiet", "-b", "main", str(bare), cwd=tmp_path)
    work = tmp_path / "work"
    _git("clone", "--quiet", str(bare), str(work), cwd=tmp_path)
    copy_pack("hardship_notice", work / "hardship_notice")
    copy_pack("term_summary", work / "term_summary")
    for name in ("hardship_notice", "term_summary"):
        edit(work / name / "pack.yaml", f"name: {name}", f"name: county_{name}")
    (work / "README.md").write_text("县教育局模板包\n", encoding="utf-8")
    _git("add", ".", cwd=work)
    _git("commit", "--quiet", "-m", "两个模板包", cwd=work)
    _git("push", "--quiet", "origin", "main", cwd=work)

    code, out, err = kit(capsys, "pack", "install", bare)
    assert code == 0, err
    assert "安装：county_hardship_notice" in out and "安装：county_term_summary" in out
    assert sorted(p.name for p in home.iterdir()) == ["county_hardship_notice", "county_term_summary"]
    assert not (home / "county_term_summary" / ".git").exists()

    edit(work / "hardship_notice" / "draft.yaml", "逾期不再受理。", "逾期不予受理。")
    assert kit(capsys, "pack", "record", work / "hardship_notice")[0] == 0
    edit(work / "hardship_notice" / "pack.yaml", "version: 1.0.0", "version: 1.1.0")
    _git("commit", "--quiet", "-am", "困难职工帮扶通知 1.1.0", cwd=work)
    _git("push", "--quiet", "origin", "main", cwd=work)

    code, out, err = kit(capsys, "pack", "install", bare, "county_hardship_notice")
    assert code == 0, err
    assert "更新：county_hardship_notice" in out and "1.0.0 → 1.1.0" in out
    assert "逾期不予受理" in (home / "county_hardship_notice" / "draft.yaml").read_text(encoding="utf-8")
    assert sorted(p.name for p in home.iterdir()) == ["county_hardship_notice", "county_term_summary"]


def _good(tmp_path: Path) -> Path:
    return copy_pack("new_year_consolation", tmp_path / "src" / "new_year_consolation_x")


def _rename(pack: Path) -> None:
    edit(pack / "pack.yaml", "name: new_year_consolation", "name: my_consolation")


def bad_schema(pack: Path, tmp: Path) -> Path:
    edit(pack / "pack.yaml", "author: 方案工坊\n", "")
    return pack


def bad_unknown_key(pack: Path, tmp: Path) -> Path:
    (pack / "pack.yaml").write_text((pack / "pack.yaml").read_text(encoding="utf-8") + "colour: red\n", encoding="utf-8")
    return pack


def bad_name(pack: Path, tmp: Path) -> Path:
    edit(pack / "pack.yaml", "name: my_consolation", "name: ../慰问")
    return pack


def bad_path(pack: Path, tmp: Path) -> Path:
    (tmp / "elsewhere.yaml").write_text("x: 1\n", encoding="utf-8")
    edit(pack / "pack.yaml", "draft: draft.yaml", "draft: ../../elsewhere.yaml")
    return pack


def bad_symlink(pack: Path, tmp: Path) -> Path:
    (tmp / "secret.txt").write_text("机密\n", encoding="utf-8")
    (pack / "readme.txt").symlink_to(tmp / "secret.txt")
    return pack


def bad_code(pack: Path, tmp: Path) -> Path:
    (pack / "kit").mkdir()
    (pack / "kit" / "__init__.py").write_text("import os\n", encoding="utf-8")
    return pack


def bad_template_not_docx(pack: Path, tmp: Path) -> Path:
    (pack / "template.docx").write_text("这不是 Word 文档", encoding="utf-8")
    (pack / "pack.yaml").write_text((pack / "pack.yaml").read_text(encoding="utf-8") + "docx_template: template.docx\n", encoding="utf-8")
    return pack


def bad_template_no_styles(pack: Path, tmp: Path) -> Path:
    with zipfile.ZipFile(pack / "template.docx", "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
    (pack / "pack.yaml").write_text((pack / "pack.yaml").read_text(encoding="utf-8") + "docx_template: template.docx\n", encoding="utf-8")
    return pack


def bad_outputs(pack: Path, tmp: Path) -> Path:
    edit(pack / "draft.yaml", "amount: 200", "amount: 300")  # the recorded ledger no longer matches
    return pack


def bad_notebook_code(pack: Path, tmp: Path) -> Path:
    nb = nbformat.read(pack / NOTEBOOK, as_version=4)
    nb.cells[1].source = "# NBVAL_CHECK_OUTPUT\nimport os\nprint(os.listdir('/'))"
    nbformat.write(nb, pack / NOTEBOOK)
    return pack


def bad_findings(pack: Path, tmp: Path) -> Path:
    edit(pack / "draft.yaml", "    total_label: 合计\n", "    total_label: 合计\n    stated_total: 2800\n")
    assert main(["pack", "record", str(pack)]) == 0
    return pack


def bad_kit_version(pack: Path, tmp: Path) -> Path:
    edit(pack / "pack.yaml", "kit: '>=0.1,<0.2'", "kit: '>=9.0'")
    return pack


def bad_zip_bomb(pack: Path, tmp: Path) -> Path:
    archive = tmp / "bomb.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for f in pack.iterdir():
            zf.write(f, f.name)
        zf.writestr("padding.txt", b"0" * (3 * 1024 * 1024))  # 3 MB of one byte: a ratio far above 100
    return archive


def bad_zip_slip(pack: Path, tmp: Path) -> Path:
    archive = tmp / "slip.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for f in pack.iterdir():
            zf.write(f, f.name)
        zf.writestr("../../escaped.yaml", "x: 1\n")
    return archive


BAD = [
    (bad_schema, "缺少 author"),
    (bad_unknown_key, "未知字段：colour"),
    (bad_name, "只能由英文字母"),
    (bad_path, "在模板包文件夹之外"),
    (bad_symlink, "指向模板包文件夹之外的符号链接"),
    (bad_code, "不能有程序或配置文件"),
    (bad_template_not_docx, "DOCX 模板"),
    (bad_template_no_styles, "DOCX 模板"),
    (bad_outputs, "记录的输出与草稿实际的结果不符"),
    (bad_notebook_code, "不是 kit pack new 生成的检查代码"),
    (bad_findings, "检查出 1 处错误"),
    (bad_kit_version, "需要方案工坊版本 >=9.0"),
    (bad_zip_bomb, "压缩炸弹"),
    (bad_zip_slip, "解压到模板包文件夹之外"),
]


@pytest.mark.parametrize(("spoil", "fragment"), BAD, ids=[b[0].__name__ for b in BAD])
def test_a_bad_pack_is_refused_with_exit_2_and_nothing_installed(capsys, home, tmp_path, spoil, fragment):
    pack = _good(tmp_path)
    _rename(pack)
    source = spoil(pack, tmp_path)
    code, out, err = kit(capsys, "pack", "install", source)
    assert code == 2, out + err
    assert fragment in err, err
    assert err.startswith("错误：") and "Traceback" not in err
    assert not home.exists()
    assert list(Path(tempfile.tempdir).iterdir()) == []
    assert not (tmp_path / "escaped.yaml").exists()
    if source.is_dir():
        code, _, err = kit(capsys, "pack", "test", source)
        assert code == 2 and fragment in err


def test_nbval_reports_a_notebook_whose_output_differs(tmp_path):
    pack = copy_pack("hardship_notice", tmp_path / "p")
    nb = nbformat.read(pack / NOTEBOOK, as_version=4)
    nb.cells[1].outputs[0]["text"] = "（不是这个结果）\n"
    nbformat.write(nb, pack / NOTEBOOK)
    (failure,) = run_nbval([pack / NOTEBOOK])[pack / NOTEBOOK]
    assert "Cell 0" in failure


def test_a_newer_installed_version_is_kept_unless_forced(capsys, home, tmp_path):
    pack = _good(tmp_path)
    _rename(pack)
    assert kit(capsys, "pack", "install", pack)[0] == 0
    code, out, _ = kit(capsys, "pack", "install", pack)
    assert code == 0 and "未改动：my_consolation" in out
    code, out, _ = kit(capsys, "pack", "install", pack, "--force")
    assert code == 0 and "重新安装：my_consolation" in out
    assert [p.name for p in home.iterdir()] == ["my_consolation"]


def test_a_pack_may_not_take_a_builtin_name(capsys, home, tmp_path):
    code, _, err = kit(capsys, "pack", "install", _good(tmp_path))
    assert code == 2 and "同名" in err
    assert not home.exists()
