"""``kit batch``: render or check many drafts or documents in one process.

Three sources, one loop (:func:`run`):

* a folder of drafts (``*.yaml``, ``*.yml``): each rendered to ``NAME.docx`` in
  the output folder, or with ``--check`` checked;
* with ``--check``, a folder's documents too (``.docx``, ``.pdf``, ``.txt``, ``.md``);
* an Excel sheet (``.xlsx``), one row per school, filled into a template pack's
  starting draft (:func:`fill_row`, mapping below) and rendered or checked.

The sheet's first non-empty row is its header; each column is one of

==========================  ===================================================
``学校名称`` (required)      fills every 【待填：单位名称】【待填：学校名称】
                            【待填：发文机关】 in the draft (title, issuer,
                            body); a header with none of them gets the school
                            as ``header.issuer``; also names the output file
``模板包``                   pack name or label (school type) for this row;
                            else ``--pack``
``文件名``                   output file name (without ``.docx``)
``LINE.人数``                count of the ledger line named LINE
``LINE.每人`` / ``LINE.金额``  the amount of LINE's only component (per head or fixed)
``LINE.COMPONENT``           the amount of that component (``退休教职工.慰问金``)
``header.FIELD``             the header field itself (``header.date``)
==========================  ===================================================

A bad row (text in a count, an empty cell in a mapped column, a column that
matches nothing in the row's draft, an unknown pack, a draft that does not
validate, an output that exists without ``--force``) is reported in Chinese
with its row number and the other rows go on. Outputs follow
:mod:`kit.outputs`; the output folder is created if its parent exists.
"""

from __future__ import annotations

import copy
import datetime as dt
import sys
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Callable, Iterable, TextIO

from .errors import InputError
from .outputs import prepare_output, safe_file_name, write_output

DRAFTS = (".yaml", ".yml")
DOCUMENTS = (".docx", ".pdf", ".txt", ".md")
SCHOOL, PACK, FILE_NAME = "学校名称", "模板包", "文件名"
SCHOOL_PLACEHOLDERS = ("【待填：单位名称】", "【待填：学校名称】", "【待填：发文机关】")
SINGLE_AMOUNT = ("每人", "金额")


class RowError(Exception):
    """One row or file that cannot be done; the message is Chinese and names it."""


@dataclass(frozen=True)
class Outcome:
    """What became of one file or row: its name, a status, its findings' counts, a note."""

    name: str
    status: str  # 已生成, 已检查, 失败
    errors: int = 0
    warnings: int = 0
    note: str = ""

    @property
    def failed(self) -> bool:
        return self.status == "失败"


@dataclass(frozen=True)
class Job:
    """One unit of work: a name for the table, and how to get its draft or findings."""

    name: str
    source: Path | None  # the input file (outputs may never replace it)
    out_stem: str
    make: Callable[[], Any]  # -> Draft, or list[Finding] for a document


# -- the Excel sheet ------------------------------------------------------------------


def read_sheet(path: Path) -> tuple[list[str], list[tuple[int, list[Any]]]]:
    """The header and the (row number, cells) of the first sheet; empty rows left out."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a bad file
        raise InputError(f"无法读取 Excel 表格「{path}」：{exc}") from None
    rows = []
    header: list[str] | None = None
    for number, cells in enumerate(book.worksheets[0].iter_rows(values_only=True), start=1):
        if all(c is None or str(c).strip() == "" for c in cells):
            continue
        if header is None:
            header = [str(c).strip() if c is not None else "" for c in cells]
        else:
            rows.append((number, list(cells)))
    book.close()
    if header is None or SCHOOL not in header:
        raise InputError(f"Excel 表格「{path}」第一行（表头）缺少「{SCHOOL}」一列；表头例如：学校名称、退休教职工.人数、退休教职工.慰问金")
    return header, rows


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _count(value: Any, column: str) -> int:
    if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
        raise RowError(f"「{column}」应为整数人数，收到“{value}”")
    if isinstance(value, (int, float)):
        return int(value)
    text = _text(value)
    if not text.isdigit():
        raise RowError(f"「{column}」应为整数人数，收到文字“{text}”")
    return int(text)


def _amount(value: Any, column: str) -> Decimal:
    try:
        if isinstance(value, bool):
            raise InvalidOperation
        return Decimal(str(value).replace(",", "").replace("，", "").removesuffix("元").strip())
    except InvalidOperation:
        raise RowError(f"「{column}」应为金额（元），收到“{value}”") from None


def _replace_all(value: Any, school: str) -> Any:
    if isinstance(value, str):
        for placeholder in SCHOOL_PLACEHOLDERS:
            value = value.replace(placeholder, school)
        return value
    if isinstance(value, list):
        return [_replace_all(v, school) for v in value]
    if isinstance(value, dict):
        return {k: _replace_all(v, school) for k, v in value.items()}
    return value


def _ledger_lines(data: dict) -> dict[str, dict]:
    lines = {}
    for section in (data.get("sections") or {}).values():
        if isinstance(section, dict) and section.get("kind") == "ledger":
            for line in section.get("lines") or []:
                lines.setdefault(str(line.get("name")), line)
    return lines


def _set_cell(data: dict, lines: dict[str, dict], column: str, value: Any) -> None:
    if column.startswith("header."):
        field = column.removeprefix("header.")
        data["header"][field] = value.date() if isinstance(value, dt.datetime) else value
        return
    name, _, part = column.rpartition(".")
    line = lines.get(name)
    if not name or line is None:
        known = "、".join(lines) or "（无经费预算）"
        raise RowError(f"列「{column}」不对应草稿中的任何一项（预算各行：{known}）")
    components = line.get("components") or []
    if part == "人数":
        if line.get("kind") != "per_head":
            raise RowError(f"「{name}」是固定金额，没有人数；请删去「{column}」一列的数")
        line["count"] = _count(value, column)
    elif part in SINGLE_AMOUNT:
        if len(components) != 1:
            names = "、".join(f"{name}.{c.get('name')}" for c in components)
            raise RowError(f"「{name}」有 {len(components)} 项金额，「{column}」不知填哪一项；请改用 {names}")
        components[0]["amount"] = _amount(value, column)
    else:
        component = next((c for c in components if c.get("name") == part), None)
        if component is None:
            raise RowError(f"「{name}」没有名为「{part}」的金额（有：{'、'.join(str(c.get('name')) for c in components)}）")
        component["amount"] = _amount(value, column)


def fill_row(base: dict, header: list[str], cells: list[Any]) -> tuple[str, dict]:
    """(school, draft data) of one row filled into a copy of *base*; raises :class:`RowError`."""
    row = dict(zip(header, cells))
    school = _text(row.get(SCHOOL))
    if not school:
        raise RowError(f"「{SCHOOL}」没有填写")
    data = copy.deepcopy(base)
    before = data.get("header") or {}
    if not any(p in str(v) for v in before.values() for p in SCHOOL_PLACEHOLDERS):
        before["issuer"] = school
    data = _replace_all(data, school)
    lines = _ledger_lines(data)
    for column in header:
        if not column or column in (SCHOOL, PACK, FILE_NAME):
            continue
        value = row.get(column)
        if _text(value) == "":
            raise RowError(f"「{column}」没有填写")
        _set_cell(data, lines, column, value)
    return school, data


class Packs:
    """Starting data of the packs the rows name, each loaded once."""

    def __init__(self, default: str | None):
        self.default = default
        self._data: dict[str, dict] = {}

    def data(self, wanted: str | None) -> dict:
        from .doctypes import registry, starting_data

        wanted = _text(wanted) or self.default
        if not wanted:
            raise RowError(f"没有指定模板包：请在「{PACK}」列填写，或在命令中加 --pack")
        if wanted not in self._data:
            packs = registry().packs
            pack = packs.get(wanted) or next((p for p in packs.values() if p.label == wanted), None)
            if pack is None:
                raise RowError(f"未知的模板包（学校类型）「{wanted}」；可用：{'、'.join(packs) or '（无）'}（见 kit types）")
            self._data[wanted] = starting_data(pack.type, pack)
        return self._data[wanted]


def sheet_jobs(path: Path, default_pack: str | None) -> list[Job]:
    """One job per row of the sheet at *path*."""
    header, rows = read_sheet(path)
    packs = Packs(default_pack)
    jobs, used = [], set()
    for number, cells in rows:
        row = dict(zip(header, cells))
        school = _text(row.get(SCHOOL)) or "（无名称）"
        stem = safe_file_name(_text(row.get(FILE_NAME)) or school)
        if stem in used:
            stem = f"{stem}-第{number}行"
        used.add(stem)

        def make(cells=cells, number=number) -> Any:
            from .drafts import validate_data

            base = packs.data(dict(zip(header, cells)).get(PACK))
            _, data = fill_row(base, header, cells)
            return validate_data(data, f"第 {number} 行")

        jobs.append(Job(f"第 {number} 行 {school}", path, stem, make))
    return jobs


def folder_jobs(folder: Path, check: bool) -> list[Job]:
    """Drafts (and, for checking, documents) in *folder*, by name."""
    wanted = DRAFTS + DOCUMENTS if check else DRAFTS
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in wanted and not p.name.startswith("."))
    from .drafts import load_draft

    jobs = []
    for path in files:
        if path.suffix.lower() in DRAFTS:
            make = lambda path=path: load_draft(path)  # noqa: E731
        else:
            make = lambda path=path: _check_document(path)  # noqa: E731
        jobs.append(Job(path.name, path, path.stem, make))
    return jobs


def _check_document(path: Path) -> list:
    from .deadline import check_seconds, time_budget
    from .proof import check_document

    with time_budget(check_seconds(), f"「{path}」"):
        return check_document(path)


# -- the loop --------------------------------------------------------------------------


class Progress:
    """A plain-text progress bar on *stream*: redrawn in place on a terminal, else a line every 10 %."""

    def __init__(self, total: int, stream: TextIO, width: int = 30):
        self.total, self.stream, self.width = total, stream, width
        self.tty = getattr(stream, "isatty", lambda: False)()
        self.shown = -1

    def update(self, done: int) -> None:
        step = done * (100 if self.tty else 10) // max(self.total, 1)
        if step == self.shown and done != self.total:
            return
        self.shown = step
        filled = done * self.width // max(self.total, 1)
        bar = f"进度 [{'#' * filled}{'-' * (self.width - filled)}] {done}/{self.total}（{done * 100 // max(self.total, 1)}%）"
        end = "\n" if not self.tty or done == self.total else ""
        print(("\r" if self.tty else "") + bar, end=end, file=self.stream, flush=True)


def _do(job: Job, check: bool, out_dir: Path | None, force: bool, options: dict) -> Outcome:
    from . import check as check_draft
    from .model import Draft

    result = job.make()
    findings = result if not isinstance(result, Draft) else check_draft(result)
    errors = sum(f.severity == "error" for f in findings)
    counts = dict(errors=errors, warnings=len(findings) - errors)
    if check or not isinstance(result, Draft):
        return Outcome(job.name, "已检查", note="", **counts)
    from .render import docx_bytes

    out = prepare_output(out_dir / f"{job.out_stem}.docx", inputs=[job.source] if job.source else [], force=force,
                         suffixes=(".docx",), what="Word 文档")
    write_output(out, docx_bytes(result, **options))
    return Outcome(job.name, "已生成", note=str(out), **counts)


def run(jobs: Iterable[Job], *, check: bool, out_dir: Path | None, force: bool = False,
        options: dict | None = None, progress: TextIO | None = None) -> list[Outcome]:
    """Do every job; a failing one becomes an :class:`Outcome` with its Chinese reason."""
    from .deadline import TimeBudgetExceeded
    from .drafts import DraftError
    from .guard import write_log

    jobs = list(jobs)
    bar = Progress(len(jobs), progress) if progress is not None else None
    outcomes = []
    for done, job in enumerate(jobs, start=1):
        try:
            outcomes.append(_do(job, check, out_dir, force, options or {}))
        except DraftError as exc:
            outcomes.append(Outcome(job.name, "失败", note="；".join(p.format() for p in exc.problems)))
        except (RowError, InputError, TimeBudgetExceeded) as exc:
            outcomes.append(Outcome(job.name, "失败", note=str(exc)))
        except Exception as exc:  # noqa: BLE001 - one broken row must not stop the others
            log = write_log(exc, ["batch", job.name])
            outcomes.append(Outcome(job.name, "失败", note=f"程序内部出错（{type(exc).__name__}），日志：{log}"))
        if bar:
            bar.update(done)
    return outcomes


def summary(outcomes: list[Outcome]) -> str:
    """The table of outcomes (Chinese) and a closing count."""
    from .textreport import table

    rows = [("文件或行", "结果", "错误", "警告", "说明")]
    rows += [(o.name, o.status, str(o.errors), str(o.warnings), o.note) for o in outcomes]
    failed = sum(o.failed for o in outcomes)
    done = len(outcomes) - failed
    tail = f"共 {len(outcomes)} 份：完成 {done} 份，失败 {failed} 份。"
    return table(rows, "<<>><") + "\n\n" + tail


def cli_batch(args: Any) -> int:
    """``kit batch SOURCE [-o FOLDER] [--pack P] [--check] [--force] [--red-header] [--colophon]``."""
    source = Path(args.source)
    if not source.exists():
        raise InputError(f"找不到「{source}」：应为草稿文件夹或 Excel 表格（.xlsx）")
    if source.is_dir():
        jobs = folder_jobs(source, args.check)
    elif source.suffix.lower() == ".xlsx":
        jobs = sheet_jobs(source, args.pack)
    else:
        raise InputError(f"「{source}」既不是文件夹也不是 Excel 表格（.xlsx）")
    out_dir = None
    if not args.check:
        if not args.output:
            raise InputError("生成文档须用 -o 指定输出文件夹（只检查请加 --check）")
        out_dir = Path(args.output)
        if not out_dir.exists() and out_dir.parent.is_dir():
            out_dir.mkdir()
    if not jobs:
        raise InputError(f"「{source}」中没有可处理的草稿或文档")
    options = dict(red_header=args.red_header, colophon=args.colophon)
    outcomes = run(jobs, check=args.check, out_dir=out_dir, force=args.force, options=options, progress=sys.stderr)
    print(summary(outcomes))
    failed = any(o.failed for o in outcomes) or (args.check and any(o.errors for o in outcomes))
    return 1 if failed else 0


def add_parser(sub: Any, force_help: str) -> None:
    """Register ``kit batch`` on the subcommand parser *sub*."""
    p = sub.add_parser("batch", help="批量生成或检查：一个文件夹的草稿/文档，或 Excel 表格（每校一行）")
    p.add_argument("source", help="草稿文件夹，或 Excel 表格（.xlsx，表头含 学校名称、预算行名.人数 等）")
    p.add_argument("-o", "--output", help="输出文件夹（不存在时新建）")
    p.add_argument("--pack", help="Excel 表格各行所用的模板包（行内「模板包」列优先）")
    p.add_argument("--check", action="store_true", help="只检查，不生成文档")
    p.add_argument("--red-header", action="store_true", help="加红头")
    p.add_argument("--colophon", action="store_true", help="加版记")
    p.add_argument("--force", action="store_true", help=force_help)
    p.set_defaults(func=cli_batch)
