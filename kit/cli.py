"""The ``kit`` command.

Exit codes everywhere: 0 clean (warnings allowed), 1 findings of severity
``error``, 2 unusable input (a Chinese message naming the file and the reason
goes to stderr: bad or unreadable input, a full or read-only disk, a folder
where a file is expected, missing permission, a check over its time budget),
3 an internal error (a short Chinese report naming a log file; never a
traceback on screen, see :mod:`kit.guard`).

Every output follows one rule (:mod:`kit.outputs`): never onto its own input
or an existing draft, an existing file replaced only with ``--force`` after a
``.bak``, written atomically.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from .deadline import TimeBudgetExceeded, check_seconds, time_budget
from .errors import InputError, os_error_message
from .guard import EXIT_INTERNAL, internal_error_report
from .outputs import DRAFT_SUFFIXES as _DRAFT_OUTPUT, prepare_output, write_output

if TYPE_CHECKING:
    from .findings import Finding

# The model (pydantic), the findings and the reports are imported by the commands
# that use them, so that `kit --help` starts fast.
_LAZY = {"display_width": ".textreport", "pad": ".textreport", "table": ".textreport"}  # __all__, kept importable


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name], __package__), name)
    raise AttributeError(f"module 'kit.cli' has no attribute {name!r}")

EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2
DRAFT_SUFFIXES = {".yaml", ".yml"}
FORCE_HELP = "覆盖已有的输出文件（旧文件保留为 .bak）；输入文件和草稿永远不会被覆盖"


UsageError = InputError  # unusable input: Chinese message naming the file
__all__ = ["display_width", "main", "pad", "table"]  # text helpers kept importable from here


def _print_findings(findings: list[Finding], as_json: bool) -> int:
    from .findings import findings_json, has_errors

    if as_json:
        print(findings_json(findings))
    elif findings:
        for finding in findings:
            print(finding.format())
        errors = sum(f.severity == "error" for f in findings)
        print(f"\n共 {len(findings)} 条，其中错误 {errors} 条。")
    else:
        print("未发现问题。")
    return EXIT_FINDINGS if has_errors(findings) else EXIT_OK


def draft_findings(path: str) -> list[Finding]:
    from . import check
    from .drafts import load_draft

    return check(load_draft(path))


def cmd_check(args: argparse.Namespace) -> int:
    path = Path(args.file)
    explain = None
    with time_budget(check_seconds(), f"「{path}」"):
        if path.suffix.lower() in DRAFT_SUFFIXES:
            findings = draft_findings(args.file)
        else:
            from .proof import check_document  # documents: .docx, .txt, .md
            from .proof.relations import Explain

            explain = Explain() if args.explain else None
            findings = check_document(path, explain)
    if explain is not None:
        print("== 未核对的内容（读不准的数字一律不下结论）==", file=sys.stderr)
        print(explain.format(), file=sys.stderr)
    return _print_findings(findings, args.json)


def cmd_rules(args: argparse.Namespace) -> int:
    from .rules import format_rules

    print(format_rules())
    return 0


def cmd_ledger(args: argparse.Namespace) -> int:
    from .drafts import load_draft
    from .findings import has_errors
    from .textreport import ledger_text
    from .ledger import check_ledger
    from .tabular import xlsx_bytes

    draft = load_draft(args.draft)
    ledgers = draft.sections_of("ledger")
    if not ledgers:
        raise UsageError(f"草稿「{args.draft}」没有经费预算（ledger）一节")
    outputs = {}
    if args.xlsx:
        for key, _ in ledgers:
            out = args.xlsx if len(ledgers) == 1 else str(Path(args.xlsx).with_stem(f"{Path(args.xlsx).stem}-{key}"))
            outputs[key] = prepare_output(out, inputs=[args.draft], force=args.force, suffixes=(".xlsx",), what="Excel 表格")
    findings: list[Finding] = []
    for key, section in ledgers:
        print(f"【{section.title}】（sections.{key}）")
        print(ledger_text(section, f"sections.{key}"))
        findings.extend(check_ledger(section, f"sections.{key}"))
        if key in outputs:
            write_output(outputs[key], xlsx_bytes(section))
            print(f"已写入 {outputs[key]}")
    return EXIT_FINDINGS if has_errors(findings) else EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    from .drafts import save_data, validate_data
    from .doctypes import PackError, get_type, load_pack, registry, starting_data

    try:
        get_type(args.type)
    except KeyError as exc:
        raise UsageError(exc.args[0]) from None
    pack = None
    if args.pack:
        folder = Path(args.pack)
        try:
            pack = load_pack(folder) if folder.is_dir() else registry().packs[args.pack]
            known = registry().packs.get(pack.name)
            if known is not None and known.folder.resolve() != pack.folder.resolve():
                raise UsageError(f"模板包「{folder}」的名称「{pack.name}」与已有模板包（{known.folder}）相同；请在 pack.yaml 中改用别的名称")
        except KeyError:
            raise UsageError(f"找不到模板包「{args.pack}」（应为包含 pack.yaml 的文件夹或已注册的包名）") from None
        except PackError as exc:
            raise UsageError(str(exc)) from None
    inputs = [pack.draft_file, pack.folder / "pack.yaml"] if pack else []
    out = prepare_output(args.output, inputs=inputs, force=args.force, suffixes=_DRAFT_OUTPUT, what="草稿")
    try:
        data = starting_data(args.type, pack)
        validate_data(data, f"{args.type} 的起始草稿")
        save_data(data, out)
    except PackError as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:
        raise UsageError(os_error_message(exc, out, "写入")) from None
    print(f"已新建草稿 {out}（文书类型 {args.type}{'，模板包 ' + pack.name if pack else ''}）")
    print("请在草稿中填写标有【待填】的内容，然后运行 kit check 检查。")
    return EXIT_OK


def cmd_render(args: argparse.Namespace) -> int:
    """``kit render DRAFT -o OUT.docx [--red-header] [--colophon] [--template T] [--force]``."""
    from .drafts import load_draft
    from .render import docx_bytes

    out = prepare_output(args.output, inputs=[args.draft], force=args.force, suffixes=(".docx",), what="Word 文档")
    if args.template and Path(args.template).exists() and _same(args.template, out):
        raise UsageError(f"输出文件「{out}」就是模板文件，不能覆盖模板；请用 -o 指定新文件名")
    draft = load_draft(args.draft)
    data = docx_bytes(draft, red_header=args.red_header, colophon=args.colophon, template=args.template)
    write_output(out, data)
    print(f"已生成 {out}")
    return EXIT_OK


def cmd_preview(args: argparse.Namespace) -> int:
    """``kit preview DRAFT -o OUT.html [--force]``."""
    from .drafts import load_draft
    from .render import render_html

    out = prepare_output(args.output, inputs=[args.draft], force=args.force, suffixes=(".html", ".htm"), what="网页预览")
    html = render_html(load_draft(args.draft))
    write_output(out, html.encode("utf-8"))
    print(f"已生成预览 {out}")
    return EXIT_OK


def _same(a: str | Path, b: str | Path) -> bool:
    import os

    try:
        return os.path.samefile(a, b)
    except OSError:
        return Path(a).resolve() == Path(b).resolve()


def cmd_types(args: argparse.Namespace) -> int:
    from .textreport import pad
    from .doctypes import registry

    reg = registry()
    print("文书类型：")
    for name, doctype in reg.types.items():
        sections = "、".join(s.title for s in doctype.sections)
        print(f"  {pad(name, 12)}{doctype.label}\n  {'':<12}各节：{sections}")
    print("模板包：")
    for name, pack in reg.packs.items():
        print(f"  {pad(name, 22)}{pack.label}（{pack.type}）  {pack.folder}")
    if not reg.packs:
        print("  （无）")
    if reg.failures:
        print("加载失败：")
        for failure in reg.failures:
            print(f"  {failure}")
    return EXIT_OK


def _lazy(module: str, name: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        import importlib

        return getattr(importlib.import_module(module, __package__), name)(args)

    return run


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kit", description="方案工坊：起草、核对、排版学校和工会的方案与总结")
    sub = parser.add_subparsers(dest="command", required=True, metavar="命令")

    p = sub.add_parser("new", help="新建一份起始草稿")
    p.add_argument("type", help="文书类型：plan、consolation、notice、summary")
    p.add_argument("--pack", help="模板包文件夹或包名")
    p.add_argument("-o", "--output", required=True, help="草稿文件（.yaml）")
    p.add_argument("--force", action="store_true", help=FORCE_HELP)
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("check", help="检查草稿或文档（.yaml、.docx、.txt、.md）")
    p.add_argument("file")
    p.add_argument("--json", action="store_true", help="以 JSON 输出检查结果")
    p.add_argument("--explain", action="store_true", help="同时列出因数字读不准而没有核对的地方及原因")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("ledger", help="重新计算经费预算")
    p.add_argument("draft")
    p.add_argument("--xlsx", help="同时写出 Excel 表格")
    p.add_argument("--force", action="store_true", help=FORCE_HELP)
    p.set_defaults(func=cmd_ledger)

    p = sub.add_parser("types", help="列出文书类型和模板包")
    p.set_defaults(func=cmd_types)

    p = sub.add_parser("render", help="生成公文格式的 DOCX")
    p.add_argument("draft")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--red-header", action="store_true", help="加红头（发文机关标志、发文字号、红色分隔线）")
    p.add_argument("--colophon", action="store_true", help="加版记（抄送、印发机关和印发日期）")
    p.add_argument("--template", help="DOCX 模板（默认用模板包或 templates/docx 中的模板）")
    p.add_argument("--force", action="store_true", help=FORCE_HELP)
    p.set_defaults(func=cmd_render)

    p = sub.add_parser("preview", help="生成 HTML 预览")
    p.add_argument("draft")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--force", action="store_true", help=FORCE_HELP)
    p.set_defaults(func=cmd_preview)

    p = sub.add_parser("clean", help="清除从网页复制带来的杂质并转为简体")
    p.add_argument("file")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--force", action="store_true", help=FORCE_HELP)
    p.set_defaults(func=_lazy(".proof", "cli_clean"))

    p = sub.add_parser("fix", help="把有把握的改正写进文档副本（DOCX 中为修订和批注）")
    p.add_argument("file")
    p.add_argument("-o", "--output", help="改好的文件（与原文件同一格式）")
    p.add_argument("--dry-run", action="store_true", help="只列出将要做的修改，不写文件")
    p.add_argument("--force", action="store_true", help="覆盖已有的输出文件")
    p.set_defaults(func=_lazy(".proof.fix", "cli_fix"))

    p = sub.add_parser("rules", help="列出检查所依据的规则")
    p.set_defaults(func=cmd_rules)

    p = sub.add_parser("import", help="把旧文档（.docx、.txt）转成草稿")
    p.add_argument("file")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--type", help="指定文书类型（默认自动判断）")
    p.add_argument("--force", action="store_true", help=FORCE_HELP)
    p.set_defaults(func=_lazy(".proof", "cli_import"))

    from .packs.cli import add_parser as add_pack_parser

    add_pack_parser(sub)

    from .batch import add_parser as add_batch_parser

    add_batch_parser(sub, FORCE_HELP)

    from .hub.cli import add_parser as add_hub_parser

    add_hub_parser(sub)

    p = sub.add_parser("app", help="启动起草网页应用（Voilà）")
    p.add_argument("--port", type=int, default=8866)
    p.add_argument("--lab", action="store_true", help="改用 JupyterLab 打开")
    p.set_defaults(func=_lazy(".app", "cli_app"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    from .drafts import DraftError

    try:
        return args.func(args)
    except DraftError as exc:
        print(exc.format(), file=sys.stderr)
        return EXIT_UNUSABLE
    except UsageError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_UNUSABLE
    except TimeBudgetExceeded as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_UNUSABLE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head` and closed early
        sys.stderr.close()
        return EXIT_OK
    except OSError as exc:  # a file operation no command foresaw: still the user's disk
        print(f"错误：{os_error_message(exc)}", file=sys.stderr)
        return EXIT_UNUSABLE
    except MemoryError:
        print("错误：内存不足，无法完成（输入文件可能过大或过于复杂）", file=sys.stderr)
        return EXIT_UNUSABLE
    except RecursionError:
        print("错误：输入的结构嵌套过深，无法处理", file=sys.stderr)
        return EXIT_UNUSABLE
    except Exception as exc:  # noqa: BLE001 - the top-level guard: a report and a log, no traceback
        print(internal_error_report(exc, argv), file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
