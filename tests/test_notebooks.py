"""The notebooks: committed clean, parameterised, runnable by papermill without touching samples."""

from __future__ import annotations

import hashlib
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
NAMES = ["consolation_budget.ipynb", "draft_plan.ipynb", "summary.ipynb"]
SAMPLES = sorted((ROOT / "sample_data").glob("*.yaml"))


def samples_digest() -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in SAMPLES}


@pytest.mark.parametrize("name", NAMES)
def test_notebook_is_committed_clean(name):
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "parameters" in code[0].metadata.get("tags", [])
    assert "widgets" not in nb.metadata
    checked = [c for c in code if "NBVAL_CHECK_OUTPUT" in c.source]
    assert checked, "at least one cell's output is checked by nbval"
    for cell in code:
        if cell in checked:
            assert cell.outputs and all(o.output_type == "stream" for o in cell.outputs)
        else:
            assert cell.outputs == [] and cell.execution_count is None
    assert "kit.widgets" in "".join(c.source for c in code)


def test_consolation_notebook_checks_the_stated_and_computed_totals():
    nb = nbformat.read(NOTEBOOKS / "consolation_budget.ipynb", as_version=4)
    text = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert "3280" in text and "3320" in text and "叁仟叁佰贰拾元整" in text


@pytest.mark.parametrize("name", NAMES)
def test_papermill_runs_the_notebook_in_a_work_folder(tmp_path, name):
    papermill = pytest.importorskip("papermill")
    before = samples_digest()
    work, out = tmp_path / "drafts", tmp_path / "out"
    papermill.execute_notebook(
        str(NOTEBOOKS / name),
        str(tmp_path / name),
        parameters={"workdir": str(work), "output_dir": str(out)},
        cwd=str(NOTEBOOKS),
        kernel_name="python3",
        progress_bar=False,
    )
    assert samples_digest() == before
    assert any(work.glob("*.yaml")), "the notebook opened a working copy in its work folder"
