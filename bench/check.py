"""Time ``kit check`` on a 100-page document, in process.

A page of an official document holds about 22 lines of 28 characters, so
100 pages are about 62,000 characters. The document is built by repeating
the test corpus (errors included, so every check has work to do) until it
is that long, then checked as text and as DOCX.

    .venv/bin/python bench/check.py [--pages 100] [--repeat 3]

Goal: under one second for 100 pages.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kit.proof import check_document  # noqa: E402

CHARS_PER_PAGE = 22 * 28


def build(pages: int) -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "corpus").glob("*.txt"))]
    target = pages * CHARS_PER_PAGE
    out, size, i = [], 0, 0
    while size < target:
        out.append(texts[i % len(texts)])
        size += len(texts[i % len(texts)])
        i += 1
    return "".join(out)


def timed(path: Path, repeat: int) -> tuple[float, int]:
    best, count = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        count = len(check_document(path))
        best = min(best, time.perf_counter() - start)
    return best, count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    text = build(args.pages)
    with tempfile.TemporaryDirectory() as folder:
        txt = Path(folder) / "long.txt"
        txt.write_text(text, encoding="utf-8")
        timed(txt, 1)
        import docx

        document = docx.Document()
        for line in text.split("\n"):
            document.add_paragraph(line)
        docx_path = Path(folder) / "long.docx"
        document.save(docx_path)
        print(f"文档：{args.pages} 页，{len(text):,} 个字符，{text.count(chr(10)):,} 行")
        for label, path in (("txt", txt), ("docx", docx_path)):
            seconds, count = timed(path, args.repeat)
            print(f"{label:<5} {seconds:.3f} 秒（最好的一次，共 {args.repeat} 次），{len(text) / seconds:,.0f} 字符/秒，{count} 条检查结果")
    return 0


if __name__ == "__main__":
    sys.exit(main())
