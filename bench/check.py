"""Time ``kit check`` on a 100-page document, in process.

A page of an official document holds about 22 lines of 28 characters, so
100 pages are about 62,000 characters. The document is built by repeating
the test corpus (errors included, so every check has work to do) until it
is that long, then checked as text and as DOCX.

    .venv/bin/python bench/check.py [--pages 100] [--repeat 3] [--adversarial-pages 20]

Goal: under one second for 100 pages.

Then adversarial inputs (issue 13), each as long as the ordinary text it is
compared with: long runs of digits and of 大写 numerals, long ``+`` chains
(bare, with 元, and one equation per line), a long ``×`` chain, and a document
opening with a 100-character title without a natural break; plus rendering a
draft whose title is 100 characters without a break against the same draft
with its ordinary title. Goal: each within 2× the time of the ordinary text.
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


def adversarial_texts(length: int) -> dict[str, str]:
    """Hostile documents of *length* characters."""

    def fill(unit: str, tail: str = "") -> str:
        return (unit * (length // len(unit) + 1))[: length - len(tail)] + tail

    def lines(line: str) -> str:
        return fill(line + "\n")

    ordinary = build(length // CHARS_PER_PAGE + 1)
    return {
        "数字长串（一行）": fill("1234567890"),
        "数字长串（每行 80 位）": lines("1234567890" * 8),
        "大写数字长串": fill("壹贰叁肆伍陆柒捌玖拾"),
        "大写金额连写": fill("壹佰贰拾叁万肆仟伍佰陆拾柒元"),
        "加号长链": fill("100+", "=99999"),
        "加号长链（带元）": fill("100元+", "=99999"),
        "每行一个 20 项加法": lines("+".join(["100"] * 20) + "=2000"),
        "乘号长链": fill("2×"),
        "表格每行一格": lines("12 |"),
        "表格每行一格（无竖线）": lines("车资\n\n12\n\n3\n\n36"),
        "每行一个短词": lines("车资"),
        "一行的计数列表和合计": fill("甲校12人，乙校13人，共25人，"),
        "一行的问卷占比": fill("共发出问卷640份，赞成的有576份，占90%，"),
        "一行的「…中」占比": fill("在受检的1250名学生中，有3名贫血，占比0.24%；"),
        "一行的同比增减": fill("支出总计98.6万元，与上年相比，支出总计增加8.6万元，增长9.6%，"),
        "一行的预算与决算": fill("公务接待费预算为12万元，支出决算为8.16万元，完成预算的68%，比预算数少3.84万元，"),
        "一行的大班中班小班": fill("共计295名幼儿，大班104人，中班96人，小班95人，"),
        "一行的男女比例": fill("男生12人，女生10人，男女比例为1.20:1，"),
        "一行的上线率": fill("今年196人参加高考，本科上线140人，上线率为71.43%，"),
        "按页宽折行的文本": lines("全区已为结对困难职工启动帮扶项目1 208个，其中种植类项目315个，养殖类项目"),
        "表格每行 60 个数": lines(" ".join(str(7 + i % 5) for i in range(60))),
        "表格竖线行 40 格": lines("|".join(str(3 + i % 4) for i in range(40)) + "|"),
        "100 字无断点标题开头": ("甲乙丙丁戊己庚辛壬癸" * 10 + "\n" + ordinary)[:length],
    }


def timed_text(text: str, folder: Path, repeat: int) -> float:
    path = folder / "case.txt"
    path.write_text(text, encoding="utf-8")
    return timed(path, repeat)[0]


def render_title_ratio(repeat: int) -> tuple[float, float]:
    """Seconds to build and render the worked draft with its own title and with a 100-character unbreakable one."""
    from kit.drafts import load_draft
    from kit.render import docx_bytes

    draft = load_draft(ROOT / "sample_data" / "consolation_budget.yaml")
    hostile = draft.model_copy(update={"header": draft.header.model_copy(update={"title": "甲乙丙丁戊己庚辛壬癸" * 10})})
    out = []
    for d in (draft, hostile):
        docx_bytes(d)
        best = float("inf")
        for _ in range(max(repeat, 20)):
            start = time.perf_counter()
            docx_bytes(d)
            best = min(best, time.perf_counter() - start)
        out.append(best)
    return out[0], out[1]


def adversarial(pages: int, repeat: int) -> bool:
    """Print each hostile input's time against ordinary text of the same length; True if all are within 2×."""
    ok = True
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        length = pages * CHARS_PER_PAGE
        base = timed_text(build(pages)[:length], folder, repeat)
        print(f"\n对抗输入：每份 {length:,} 个字符（{pages} 页），普通文本 {base:.3f} 秒")
        for label, text in adversarial_texts(length).items():
            seconds = timed_text(text, folder, repeat)
            ratio = seconds / base
            ok &= ratio <= 2
            print(f"  {label:<18} {seconds:7.3f} 秒  {ratio:6.2f}×  {'✓' if ratio <= 2 else '✗ 超过 2 倍'}")
    plain, hostile = render_title_ratio(repeat)
    ratio = hostile / plain
    ok &= ratio <= 2
    print(f"  生成 DOCX：普通标题 {plain * 1000:.2f} 毫秒，100 字无断点标题 {hostile * 1000:.2f} 毫秒  {ratio:.2f}×  {'✓' if ratio <= 2 else '✗ 超过 2 倍'}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--adversarial-pages", type=int, default=20, help="length of each adversarial input (0: skip)")
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
    if args.adversarial_pages > 0 and not adversarial(args.adversarial_pages, args.repeat):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
