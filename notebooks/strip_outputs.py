"""Run the notebooks and keep only the outputs nbval checks.

Usage: ``.venv/bin/python notebooks/strip_outputs.py [--no-run] [NOTEBOOK ...]``

Each notebook is executed in a temporary drafts folder (samples untouched);
then every output and execution count is removed except the outputs of cells
marked ``# NBVAL_CHECK_OUTPUT``, which are the committed expectations.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient

HERE = Path(__file__).resolve().parent
MARK = "NBVAL_CHECK_OUTPUT"


def strip(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    nb.metadata.pop("widgets", None)
    number = 0
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type != "code":
            continue
        number += 1
        if MARK in cell.source:  # nbval treats a checked cell without a count as never run
            cell.execution_count = number
            for out in cell.outputs:
                if "execution_count" in out:
                    out["execution_count"] = number
        else:
            cell.execution_count = None
            cell.outputs = []
    return nb


def main(argv: list[str]) -> int:
    run = "--no-run" not in argv
    names = [a for a in argv if not a.startswith("--")] or sorted(str(p) for p in HERE.glob("*.ipynb"))
    for name in names:
        path = Path(name)
        nb = nbformat.read(path, as_version=4)
        if run:
            with tempfile.TemporaryDirectory(prefix="kit-strip-") as tmp:
                os.environ["KIT_DRAFTS_DIR"] = tmp
                NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(HERE)}}).execute()
        nbformat.write(strip(nb), path)
        print(f"stripped {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
