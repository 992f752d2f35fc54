"""A pack's check notebook ``check.ipynb``: made with its expected outputs, compared, run under nbval.

The notebook has a markdown introduction and the two code cells of
:data:`CODE_CELLS`, each marked ``# NBVAL_CHECK_OUTPUT``: the pack's ledger
(:func:`kit.textreport.ledger_report`) and its check report
(:func:`kit.textreport.check_report`), the same report code the app's
notebooks print. Installing a pack runs its notebook, so a notebook whose code
cells are anything else is refused: installing a pack never runs code that
came with it, only these cells on the pack's draft. Markdown cells are free.

:func:`recorded_outputs` computes the outputs in this process with the same
functions, for :func:`write_notebook` and for a quick first comparison with a
precise message; :func:`run_nbval` then runs the notebooks for real under nbval
(``--nbval-lax``: the marked cells' outputs must match), in this process.
"""

from __future__ import annotations

import contextlib
import io
import re
import tempfile
from pathlib import Path

NOTEBOOK = "check.ipynb"
MAX_NOTEBOOK_BYTES = 1024 * 1024
CELL_TIMEOUT = 120

LEDGER_CELL = """# NBVAL_CHECK_OUTPUT
from kit.doctypes import load_pack
from kit.drafts import load_draft
from kit.textreport import ledger_report

pack = load_pack(".")
draft = load_draft(pack.draft_file)
print(ledger_report(draft))"""

CHECK_CELL = """# NBVAL_CHECK_OUTPUT
from kit.textreport import check_report

print(check_report(draft))"""

CODE_CELLS = (LEDGER_CELL, CHECK_CELL)


def _fail(message: str):
    from ..doctypes import PackError

    return PackError(message)


def recorded_outputs(folder: Path) -> tuple[str, ...]:
    """What the two cells print for the pack in *folder*, computed here."""
    from ..doctypes import load_pack
    from ..drafts import load_draft
    from ..textreport import check_report, ledger_report

    draft = load_draft(load_pack(folder).draft_file)
    return ledger_report(draft) + "\n", check_report(draft) + "\n"


def write_notebook(folder: Path, label: str) -> Path:
    """Write ``check.ipynb`` into the pack *folder*, with the outputs it must print."""
    import nbformat

    intro = (f"# {label}：检查笔记本\n\n"
             "本笔记本由 `kit pack new` 生成（改了草稿后用 `kit pack record` 重新记录）。"
             "`kit pack test` 用 nbval 运行它，下面两格的输出必须与记录的一致：经费预算的重新计算，以及草稿的检查结果。"
             "模板包中的【待填】占位符是留给使用者填写的，列在检查结果中是正常的。")
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    nb.metadata["language_info"] = {"name": "python"}
    cells = [nbformat.v4.new_markdown_cell(intro)]
    for i, (source, text) in enumerate(zip(CODE_CELLS, recorded_outputs(folder)), start=1):
        cell = nbformat.v4.new_code_cell(source, execution_count=i)
        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=text)]
        cells.append(cell)
    for i, cell in enumerate(cells):
        cell["id"] = f"cell-{i}"
    nb.cells = cells
    path = folder / NOTEBOOK
    path.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")
    return path


def _stream_text(cell) -> str:
    return "".join(o.get("text", "") for o in cell.get("outputs", []) if o.get("output_type") == "stream")


def check_notebook(folder: Path, name: str) -> None:
    """Refuse a missing, unreadable or foreign notebook, or one whose recorded outputs differ from what the pack prints."""
    import nbformat

    path = folder / NOTEBOOK
    if not path.is_file() or path.is_symlink():
        raise _fail(f"模板包「{name}」中没有检查笔记本 {NOTEBOOK}（用 kit pack record 生成）")
    if path.stat().st_size > MAX_NOTEBOOK_BYTES:
        raise _fail(f"模板包「{name}」的检查笔记本 {NOTEBOOK} 太大")
    try:
        nb = nbformat.reads(path.read_text(encoding="utf-8"), as_version=4)
        nbformat.validate(nb)
    except Exception as exc:  # noqa: BLE001 - any unreadable notebook
        raise _fail(f"模板包「{name}」的检查笔记本 {NOTEBOOK} 无法读取：{type(exc).__name__}") from None
    code = [(i, c) for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    sources = tuple(c.source.strip() for _, c in code)
    if sources != tuple(s.strip() for s in CODE_CELLS):
        wrong = next((i for (i, c), s in zip(code, CODE_CELLS) if c.source.strip() != s.strip()), code[-1][0] if code else 0)
        raise _fail(f"模板包「{name}」的检查笔记本 {NOTEBOOK} 第 {wrong + 1} 格的代码不是 kit pack new 生成的检查代码；"
                    "出于安全考虑，安装模板包时只运行这些检查代码（用 kit pack record 重新生成笔记本）")
    for (i, cell), expected in zip(code, recorded_outputs(folder)):
        stated = _stream_text(cell)
        if stated != expected:
            raise _fail(f"模板包「{name}」的检查笔记本 {NOTEBOOK} 第 {i + 1} 格记录的输出与草稿实际的结果不符："
                        f"{_first_difference(stated, expected)}（草稿改过后请用 kit pack record 重新记录，并核对结果）")


def _first_difference(stated: str, actual: str) -> str:
    a, b = stated.splitlines(), actual.splitlines()
    for n, (x, y) in enumerate(zip(a, b), start=1):
        if x != y:
            return f"第 {n} 行记录为「{x.strip()}」，实际为「{y.strip()}」"
    if len(a) != len(b):
        return f"记录了 {len(a)} 行，实际 {len(b)} 行"
    return "空白字符不同"


class _Results:
    """A pytest plugin collecting, per notebook file, the cells that passed and the failures."""

    def __init__(self) -> None:
        self.paths: dict[str, Path] = {}
        self.failed: dict[Path, list[str]] = {}
        self.passed: dict[Path, int] = {}

    def pytest_collection_modifyitems(self, items) -> None:
        for item in items:
            self.paths[item.nodeid] = Path(item.path).resolve()

    def pytest_runtest_logreport(self, report) -> None:
        path = self.paths.get(report.nodeid)
        if path is None:
            return
        if report.failed:
            text = re.sub(r"\x1b\[[0-9;]*m", "", str(report.longrepr)).strip()
            self.failed.setdefault(path, []).append(f"{report.nodeid.split('::')[-1]}：{text[:600]}")
        elif report.when == "call":
            self.passed[path] = self.passed.get(path, 0) + 1


def run_nbval(notebooks: list[Path]) -> dict[Path, list[str]]:
    """Run *notebooks* under nbval in this process; the failures of each (empty when it passes)."""
    try:
        import nbval  # noqa: F401
        import pytest
    except ImportError:
        raise _fail("运行模板包的检查笔记本需要 nbval 和 pytest：请安装 fangan-kit[pack]（./dev app 已包含）") from None
    if not notebooks:
        return {}
    collector = _Results()
    with tempfile.TemporaryDirectory(prefix="kit-nbval-") as tmp:
        ini = Path(tmp) / "pytest.ini"
        ini.write_text("[pytest]\n", encoding="utf-8")
        args = [str(p.resolve()) for p in notebooks] + [
            "--nbval-lax", "--nbval-current-env", f"--nbval-cell-timeout={CELL_TIMEOUT}",
            # the pack's folder has no say: no conftest.py, no ini file of its own; "/" as rootdir keeps node ids apart
            "-c", str(ini), "--rootdir", "/", "--noconftest", "--assert=plain", "-p", "no:cacheprovider",
            "-p", "no:faulthandler", "-p", "no:warnings", "-s", "-q"]
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            code = pytest.main(args, plugins=[collector])
    results: dict[Path, list[str]] = {}
    for path in notebooks:
        key = path.resolve()
        if key in collector.failed:
            results[path] = collector.failed[key]
        elif collector.passed.get(key, 0) >= len(CODE_CELLS):
            results[path] = []
        else:
            results[path] = [f"nbval 没有运行这个笔记本（pytest 退出码 {int(code)}）：{out.getvalue().strip()[-400:]}"]
    return results
