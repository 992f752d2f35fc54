"""Render timing: kit.render.docx_bytes against docxtpl on the same content.

    .venv/bin/python bench/render.py [N]

For each sample draft, N rounds (default 200); each round times one kit
render and one docxtpl render back to back, so both sides see the same
machine load. kit renders in-process with its template cached (as in a
notebook session); docxtpl renders the same title, recipient, paragraphs and
signature from an equivalent template built at start in /tmp (from
templates/docx/official.docx, so the styles match: one loop paragraph, no
extra content) and saves to memory. The table gives the median and the
10th–90th percentile of each side and the ratio of the medians; a last
column times kit with the red header and the colophon.

Goal: kit ≥ 3× faster than docxtpl for every sample, ≤ 10 ms a document.
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
from kit.resources import resources  # noqa: E402


def make_docxtpl_template(folder: Path) -> Path:
    doc = docx.Document(str(resources().template))
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


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return (time.perf_counter() - t) * 1000


def spread(times: list[float]) -> tuple[float, float, float]:
    """(median, 10th percentile, 90th percentile) in ms."""
    q = statistics.quantiles(times, n=10)
    return statistics.median(times), q[0], q[-1]


def main(argv: list[str]) -> int:
    n = int(argv[1]) if len(argv) > 1 else 200
    with tempfile.TemporaryDirectory(prefix="kit-bench-") as tmp:
        tpl_path = make_docxtpl_template(Path(tmp))
        print(f"{n} rounds a sample; kit and docxtpl alternate within each round. Times in ms: median (p10–p90).")
        head = f"{'sample':<20}{'kit':>20}{'docxtpl':>22}{'ratio':>8}{'kit red+colophon':>20}"
        print(head)
        print("-" * len(head))
        worst = float("inf")
        slowest = 0.0
        for path in sorted((ROOT / "sample_data").glob("*.yaml")):
            draft = load_draft(path)
            ctx = context(draft)

            def kit_render():
                docx_bytes(draft)

            def kit_full():
                docx_bytes(draft, red_header=True, colophon=True)

            def tpl_render():
                t = DocxTemplate(str(tpl_path))
                t.render(ctx)
                t.save(io.BytesIO())

            for fn in (kit_render, kit_full, tpl_render):  # warm: caches, imports
                fn()
            ours, theirs, full = [], [], []
            for _ in range(n):
                ours.append(timed(kit_render))
                theirs.append(timed(tpl_render))
                full.append(timed(kit_full))
            (om, o10, o90), (tm, t10, t90), (fm, f10, f90) = spread(ours), spread(theirs), spread(full)
            ratio = tm / om
            worst, slowest = min(worst, ratio), max(slowest, om, fm)
            cell = lambda m, lo, hi: f"{m:.2f} ({lo:.2f}–{hi:.2f})"  # noqa: E731
            print(f"{path.stem:<20}{cell(om, o10, o90):>20}{cell(tm, t10, t90):>22}{ratio:>7.1f}×{cell(fm, f10, f90):>20}")
        ok = worst >= 3 and slowest <= 10
        print(f"\nslowest ratio {worst:.1f}× (goal ≥ 3×), slowest kit median {slowest:.2f} ms (goal ≤ 10 ms): {'met' if ok else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
