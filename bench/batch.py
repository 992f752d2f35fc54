"""Batch timing: 1,000 drafts from one Excel sheet in one ``kit batch`` process.

    .venv/bin/python bench/batch.py [N]

In one run, on the same machine load, for N schools (default 1,000) filled into
the ``new_year_consolation`` pack (school name, two counts, one amount per row):

1. ``kit batch SHEET --pack new_year_consolation -o OUT``: one process, wall time
   from start to exit (start-up, reading the sheet, filling, validating,
   checking, rendering and writing every DOCX atomically);
2. docxtpl rendering the same content (bench/render.py's equivalent template and
   context) and saving each DOCX to a file; the contexts are built beforehand
   and not timed, so docxtpl is spared the sheet, the budget and the checks
   (and it writes plainly, without kit's fsync and rename);
3. one ``kit render DRAFT -o OUT.docx`` process per draft: a sample of 30
   drafts is timed and the total *extrapolated* to N (printed as such).

Goal: ``kit batch`` ≤ 10 s for 1,000 drafts on the 2-core development machine.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import openpyxl
from docxtpl import DocxTemplate

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from render import context, make_docxtpl_template  # noqa: E402  (bench/render.py)

from kit.batch import Packs, fill_row  # noqa: E402
from kit.drafts import save_data, validate_data  # noqa: E402

PACK = "new_year_consolation"
HEADER = ["学校名称", "退休教职工.人数", "退休教职工.慰问金", "困难职工.人数"]
SAMPLE = 30
KIT = str(Path(sys.executable).with_name("kit"))


def rows(n: int) -> list[list]:
    return [[f"第{i + 1}小学", 10 + i % 30, 100 + i % 5 * 10, i % 4] for i in range(n)]


def write_sheet(path: Path, n: int) -> None:
    book = openpyxl.Workbook()
    book.active.append(HEADER)
    for row in rows(n):
        book.active.append(row)
    book.save(path)


def main(argv: list[str]) -> int:
    n = int(argv[1]) if len(argv) > 1 else 1000
    with tempfile.TemporaryDirectory(prefix="kit-bench-batch-") as tmp:
        tmp = Path(tmp)
        sheet = tmp / "学校.xlsx"
        write_sheet(sheet, n)

        t = time.perf_counter()
        done = subprocess.run([KIT, "batch", str(sheet), "--pack", PACK, "-o", str(tmp / "batch")],
                              capture_output=True, text=True)
        kit_batch = time.perf_counter() - t
        made = len(list((tmp / "batch").glob("*.docx")))
        if made != n:
            print(done.stdout[-2000:], done.stderr[-2000:])
            raise SystemExit(f"kit batch made {made} of {n} files")

        base = Packs(PACK).data(None)
        drafts = [validate_data(fill_row(base, HEADER, row)[1]) for row in rows(n)]
        template = make_docxtpl_template(tmp)
        contexts = [context(d) for d in drafts]
        (tmp / "tpl").mkdir()
        t = time.perf_counter()
        for i, ctx in enumerate(contexts):
            doc = DocxTemplate(str(template))
            doc.render(ctx)
            doc.save(str(tmp / "tpl" / f"{i}.docx"))
        docxtpl = time.perf_counter() - t

        (tmp / "one").mkdir()
        step = max(1, n // SAMPLE)
        sample = list(range(0, n, step))[:SAMPLE]
        for i in sample:
            save_data(fill_row(base, HEADER, rows(n)[i])[1], tmp / "one" / f"{i}.yaml")
        t = time.perf_counter()
        for i in sample:
            subprocess.run([KIT, "render", str(tmp / "one" / f"{i}.yaml"), "-o", str(tmp / "one" / f"{i}.docx")],
                           check=True, capture_output=True)
        per_process = (time.perf_counter() - t) / len(sample)
        processes = per_process * n

    print(f"{n} drafts from one Excel sheet (pack {PACK}), {os.cpu_count()} CPUs")
    print(f"{'':<58}{'total s':>10}{'ms/draft':>10}{'vs kit batch':>14}")
    lines = [
        ("kit batch, one process (all included)", kit_batch),
        ("docxtpl, same content (contexts prebuilt)", docxtpl),
        (f"kit render, one process each (extrapolated from {len(sample)})", processes),
    ]
    for label, seconds in lines:
        print(f"{label:<58}{seconds:>10.2f}{seconds * 1000 / n:>10.2f}{seconds / kit_batch:>13.1f}×")
    verdict = "met" if kit_batch <= 10 * n / 1000 else "NOT met"
    print(f"\nkit batch: {kit_batch:.2f} s for {n} (goal ≤ {10 * n / 1000:.0f} s): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
