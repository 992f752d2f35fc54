"""Render timing: kit.render.docx_bytes against docxtpl on the same content.

    .venv/bin/python bench/render.py [N]

For each sample draft: median milliseconds of N in-process renders (template
already cached, as in a notebook session), then docxtpl rendering the same
title, paragraphs and signature from an equivalent template built at start
in /tmp (from templates/docx/official.docx, so the styles match), and the ratio.
"""

from __future__ import annotations

import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

import docx
from docxtpl import DocxTemplate

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kit import structure  # noqa: E402
from kit.drafts import load_draft  # noqa: E402
from kit.render import docx_bytes  # noqa: E402
from kit.render.template import PROJECT_TEMPLATE  # noqa: E402


def make_docxtpl_template(folder: Path) -> Path:
    doc = docx.Document(str(PROJECT_TEMPLATE))
    doc.add_paragraph("{{ title }}", style="Title")
    doc.add_paragraph("")
    doc.add_paragraph("{{ recipient }}", style="Salutation")
    doc.add_paragraph("{%p for b in blocks %}")
    doc.add_paragraph("{{ b.text }}", style="Normal")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{{ issuer }}", style="Signature")
    doc.add_paragraph("{{ date }}", style="Date")
    path = folder / "docxtpl_official.docx"
    doc.save(str(path))
    return path


def context(draft) -> dict:
    s = structure.build(draft)
    blocks = []
    for b in s.blocks:
        if isinstance(b, structure.Heading):
            blocks.append({"text": b.label + b.text + b.body})
        elif isinstance(b, structure.Paragraph):
            blocks.append({"text": b.lead + b.text})
        elif isinstance(b, structure.RoleLine):
            blocks.append({"text": b.label + "；".join(b.entries)})
        else:
            blocks.extend({"text": " ".join(row)} for row in b.rows)
    return {"title": "".join(s.title_lines), "recipient": s.recipient or "", "blocks": blocks,
            "issuer": s.signature.issuer, "date": s.signature.date}


def median_ms(fn, n: int) -> float:
    fn()  # warm: caches, imports
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main(argv: list[str]) -> int:
    n = int(argv[1]) if len(argv) > 1 else 30
    with tempfile.TemporaryDirectory(prefix="kit-bench-") as tmp:
        tpl_path = make_docxtpl_template(Path(tmp))

        print(f"{'样例':<24}{'kit (ms)':>10}{'docxtpl (ms)':>14}{'倍数':>8}")
        for path in sorted((ROOT / "sample_data").glob("*.yaml")):
            draft = load_draft(path)
            ctx = context(draft)

            def kit_render():
                docx_bytes(draft)

            def tpl_render():
                t = DocxTemplate(str(tpl_path))
                t.render(ctx)
                t.save(io.BytesIO())

            ours, theirs = median_ms(kit_render, n), median_ms(tpl_render, max(5, n // 3))
            print(f"{path.stem:<24}{ours:>10.2f}{theirs:>14.2f}{theirs / ours:>8.1f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
