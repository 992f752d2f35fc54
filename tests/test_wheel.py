"""The kit installed from its wheel into a fresh virtual environment, run outside the checkout.

Builds the wheel (``pip wheel --no-build-isolation``, so nothing downloads),
creates a plain venv in a temporary folder, installs the wheel into it without
dependencies and makes the test environment's site-packages visible to it
through a ``.pth`` file, for the dependencies only: ``.pth`` files inside a
folder added that way are not processed, so the editable install's finder for
the checkout stays inactive and ``kit`` is imported from the wheel (asserted).
Every command runs from a folder outside the checkout.

A few seconds. Select with ``pytest -m wheel``, leave out with ``-m "not wheel"``.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

pytestmark = pytest.mark.wheel

ROOT = Path(__file__).resolve().parents[1]
# What the build reads. The wheel is built from a copy of these so that the
# build never writes into the checkout (build/, *.egg-info) and a stale build/
# folder cannot slip removed files into the wheel.
BUILD_INPUTS = ("pyproject.toml", "setup.py", "README.md", "kit", "templates")
SAMPLE = ROOT / "sample_data" / "consolation_budget.yaml"
PACK = "new_year_consolation"


def _run(argv: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(argv, capture_output=True, text=True, encoding="utf-8", timeout=120, **kw)


def _dependency_dirs() -> list[str]:
    """The folders the kit's (non-optional) dependencies are installed in, in the test environment."""
    dirs: list[str] = []
    for req in importlib.metadata.requires("fangan-kit") or []:
        if "extra ==" in req:
            continue
        name = re.match(r"[A-Za-z0-9._-]+", req).group()
        folder = str(importlib.metadata.distribution(name).locate_file("").resolve())
        if folder not in dirs:
            dirs.append(folder)
    return dirs


class Installed:
    def __init__(self, base: Path, wheel: Path, venv: Path):
        self.base, self.wheel, self.venv = base, wheel, venv
        self.python = venv / "bin" / "python"
        self.kit = venv / "bin" / "kit"
        self.work = base / "work"
        self.work.mkdir()
        keep = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "KIT_", "VIRTUAL_ENV", "__PYVENV"))}
        self.env = {**keep, "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}",
                    "PYTHONNOUSERSITE": "1", "PYTHONIOENCODING": "utf-8"}

    def run(self, *argv: str | Path) -> subprocess.CompletedProcess:
        return _run([str(a) for a in argv], cwd=self.work, env=self.env)

    def kit_cmd(self, *argv: str | Path) -> subprocess.CompletedProcess:
        return self.run(self.kit, *argv)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Installed:
    base = tmp_path_factory.mktemp("wheel")
    assert not base.resolve().is_relative_to(ROOT), "the test must run outside the checkout"
    src = base / "src"
    src.mkdir()
    for name in BUILD_INPUTS:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(path, src / name)
    dist = base / "dist"
    build = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                  "--quiet", "-w", str(dist), str(src)], cwd=base)
    assert build.returncode == 0, build.stdout + build.stderr
    (wheel,) = dist.glob("fangan_kit-*.whl")

    venv = base / "venv"
    made = _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=base)
    assert made.returncode == 0, made.stderr
    install = _run([sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install",
                    "--no-deps", "--no-index", "--quiet", str(wheel)], cwd=base)
    assert install.returncode == 0, install.stdout + install.stderr
    site = _run([str(venv / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], cwd=base)
    Path(site.stdout.strip(), "_kit_test_dependencies.pth").write_text("\n".join(_dependency_dirs()) + "\n")
    return Installed(base, wheel, venv)


def _checkout_files(folder: str) -> set[str]:
    root = ROOT / folder
    return {p.relative_to(root).as_posix() for p in root.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"}


def test_the_wheel_holds_the_package_the_template_and_the_packs(installed):
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    assert {n.split("/")[0] for n in names} == {"kit", "fangan_kit-0.1.0.dist-info"}
    # Every file of the package and of templates/: a subpackage setup.py did not
    # find or a data file pyproject.toml's package-data does not name fails here.
    assert {f"kit/{f}" for f in _checkout_files("kit")} - names == set()
    assert {f"kit/templates/{f}" for f in _checkout_files("templates")} - names == set()
    with zipfile.ZipFile(installed.wheel) as wheel:
        assert wheel.read("kit/templates/docx/official.docx") == (ROOT / "templates/docx/official.docx").read_bytes()


def test_kit_is_imported_from_the_wheel(installed):
    probe = installed.run(installed.python, "-c", (
        "import json, importlib.metadata as md, kit, kit.resources as r; res = r.resources(); "
        "print(json.dumps({'kit': kit.__file__, 'template': str(res.template), 'packs': str(res.packs), "
        "'dist': str(md.distribution('fangan-kit').locate_file('kit/__init__.py')), "
        "'template_file': res.template.is_file()}))"))
    assert probe.returncode == 0, probe.stderr
    found = json.loads(probe.stdout)
    venv = installed.venv.resolve()
    for key in ("kit", "template", "packs", "dist"):
        path = Path(found[key]).resolve()
        assert path.is_relative_to(venv), (key, path)
        assert not path.is_relative_to(ROOT), (key, path)
    assert found["template_file"]


def test_kit_types_lists_the_built_in_packs(installed):
    run = installed.kit_cmd("types")
    assert run.returncode == 0, run.stderr
    packs = sorted(p.name for p in (ROOT / "templates" / "packs").iterdir() if (p / "pack.yaml").is_file())
    assert packs
    for name in packs:
        line = next((ln for ln in run.stdout.splitlines() if ln.strip().startswith(name + " ")), None)
        assert line is not None, (name, run.stdout)
        assert str(installed.venv.resolve()) in line  # the pack folder inside the installed kit
    assert "加载失败" not in run.stdout + run.stderr


def _text(path: Path) -> str:
    doc = docx.Document(str(path))
    paras = [p.text for p in doc.paragraphs]
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join(paras + cells)


def _styles(path: Path) -> bytes:
    with zipfile.ZipFile(path) as z:
        return z.read("word/styles.xml")


def test_new_draft_and_its_document(installed):
    run = installed.kit_cmd("new", "consolation", "-o", "慰问方案.yaml")
    assert run.returncode == 0, run.stderr
    assert (installed.work / "慰问方案.yaml").is_file()
    run = installed.kit_cmd("render", "慰问方案.yaml", "-o", "慰问方案.docx")
    assert run.returncode == 0, run.stderr
    assert "慰问费用预算" in _text(installed.work / "慰问方案.docx")


def test_render_a_sample_draft_with_the_installed_template(installed):
    shutil.copy2(SAMPLE, installed.work / SAMPLE.name)
    run = installed.kit_cmd("render", SAMPLE.name, "-o", "sample.docx", "--red-header", "--colophon")
    assert run.returncode == 0, run.stdout + run.stderr
    out = installed.work / "sample.docx"
    text = _text(out)
    for expected in ("东湖中学2024年元旦走访慰问活动方案", "活动目的", "东中工〔2023〕12号", "东湖中学工会委员会办公室"):
        assert expected in text, expected
    assert _styles(out) == _styles(ROOT / "templates" / "docx" / "official.docx")


def test_render_a_pack_draft(installed):
    run = installed.kit_cmd("new", "consolation", "--pack", PACK, "-o", "pack.yaml")
    assert run.returncode == 0, run.stdout + run.stderr
    assert f"模板包 {PACK}" in run.stdout
    run = installed.kit_cmd("render", "pack.yaml", "-o", "pack.docx")
    assert run.returncode == 0, run.stdout + run.stderr
    text = _text(installed.work / "pack.docx")
    assert "把党组织和工会的温暖送到" in text  # the pack's own section text
    assert "元旦春节走访慰问" in text  # the pack's title (broken over two lines)


def test_kit_pack_test_passes_on_a_built_in_pack(installed):
    run = installed.kit_cmd("pack", "test", PACK)
    assert run.returncode == 0, run.stdout + run.stderr
    assert f"模板包 {PACK} 通过检查，可以分享。" in run.stdout
    assert "在 nbval 下运行，输出与记录一致" in run.stdout
    packs = next(installed.venv.rglob("kit/templates/packs"))
    assert sorted(p.name for p in (packs / PACK).iterdir()) == ["check.ipynb", "draft.yaml", "pack.yaml"]  # nothing written there


def test_widgets_keep_drafts_in_the_current_folder(installed):
    probe = installed.run(installed.python, "-c", "import kit.widgets as kw; print(kw.drafts_dir())")
    assert probe.returncode == 0, probe.stderr
    assert Path(probe.stdout.strip()) == installed.work.resolve() / "drafts"


def test_app_needs_a_checkout_and_writes_nothing_into_site_packages(installed):
    run = installed.kit_cmd("app", "--port", "0")
    assert run.returncode == 2
    assert "找不到笔记本" in run.stderr and "./dev app" in run.stderr
    assert not list(installed.venv.rglob("drafts"))
