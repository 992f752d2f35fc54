"""The ``kit pack`` commands: new, record, test, install, list, remove.

A pack that cannot be used or shared is an :class:`~kit.errors.InputError`
(exit code 2) with the Chinese message of its :class:`~kit.doctypes.PackError`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import InputError

# The kit's model (pydantic) is imported only by the commands, so that `kit --help` starts fast.


def _usage(exc: Exception) -> InputError:
    return InputError(str(exc))


def _folder(arg: str) -> Path:
    """A pack folder, or the folder of the registered pack named *arg*."""
    path = Path(arg)
    if path.is_dir() or not arg.replace("_", "").replace("-", "").isalnum():
        return path
    from ..doctypes import registry

    pack = registry().packs.get(arg)
    return pack.folder if pack is not None else path


def cmd_new(args: argparse.Namespace) -> int:
    from ..doctypes import PackError
    from .manage import new_pack

    try:
        folder = new_pack(args.name, args.draft, args.output, label=args.label, author=args.author, version=args.version,
                          template=args.template, description=args.description or "")
    except PackError as exc:
        raise _usage(exc) from None
    print(f"已生成模板包 {folder}：pack.yaml、draft.yaml{'、template.docx' if args.template else ''}、check.ipynb（含预期输出）")
    print(f"请核对 pack.yaml 中的名称、版本和作者，然后运行 kit pack test {folder}；通过后才可以分享。")
    return 0


def cmd_record(args: argparse.Namespace) -> int:
    from ..doctypes import PackError
    from .manage import record

    try:
        path = record(_folder(args.folder))
    except PackError as exc:
        raise _usage(exc) from None
    print(f"已重新记录 {path} 的预期输出；请核对其中的预算和检查结果，记得在 pack.yaml 中提高版本号。")
    return 0


def cmd_test(args: argparse.Namespace) -> int:
    from ..doctypes import PackError
    from .testing import test_packs

    try:
        reports = test_packs([_folder(f) for f in args.folders])
    except PackError as exc:
        raise _usage(exc) from None
    for report in reports:
        print(report.format())
        print(f"模板包 {report.pack.name} 通过检查，可以分享。")
    return 0


def cmd_install(args: argparse.Namespace) -> int:
    from ..doctypes import PackError
    from ..doctypes import pack_home
    from .manage import install

    try:
        outcomes = install(args.source, tuple(args.names), force=args.force)
    except PackError as exc:
        raise _usage(exc) from None
    for o in outcomes:
        note = f"（{o.note}）" if o.note else ""
        print(f"{o.action}：{o.pack.name}（{o.pack.label}）版本 {o.pack.version}{note}")
    print(f"模板包文件夹：{pack_home()}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from ..doctypes import pack_home
    from ..textreport import pad
    from .manage import list_installed

    packs = list_installed()
    print(f"已安装的模板包（{pack_home()}）：")
    for p in packs:
        print(f"  {pad(p.name, 22)}{pad(p.version or '—', 8)}{p.label}（{p.type}）  作者：{p.author or '—'}")
    if not packs:
        print("  （无）用 kit pack install 来源 安装；内置模板包见 kit types")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    from ..doctypes import PackError
    from .manage import remove

    try:
        pack = remove(args.name)
    except PackError as exc:
        raise _usage(exc) from None
    print(f"已删除模板包 {pack.name}（{pack.label}）")
    return 0


def add_parser(sub) -> None:
    """Add ``kit pack`` and its subcommands to the kit's subparsers *sub*."""
    parser = sub.add_parser("pack", help="模板包：新建、检查、安装、列出、删除")
    cmds = parser.add_subparsers(dest="pack_command", required=True, metavar="子命令")

    p = cmds.add_parser("new", help="用一份写好的草稿做一个模板包（含检查笔记本和预期输出）")
    p.add_argument("name", help="模板包名称（英文字母、数字、_、-；安装时用作文件夹名）")
    p.add_argument("--from", dest="draft", required=True, help="草稿文件（.yaml）")
    p.add_argument("-o", "--output", help="模板包文件夹（默认为当前文件夹下的 NAME）")
    p.add_argument("--label", help="中文名称（默认用草稿标题）")
    p.add_argument("--author", help="作者（默认用发文机关）")
    p.add_argument("--version", default="1.0.0", help="版本号（默认 1.0.0）")
    p.add_argument("--template", help="随包提供的 DOCX 模板")
    p.add_argument("--description", help="一句话说明")
    p.set_defaults(func=cmd_new)

    p = cmds.add_parser("record", help="草稿改过后，重新记录检查笔记本的预期输出")
    p.add_argument("folder")
    p.set_defaults(func=cmd_record)

    p = cmds.add_parser("test", help="检查模板包能否分享：清单、文件、模板、笔记本（nbval）、生成文档、检查草稿")
    p.add_argument("folders", nargs="+", metavar="DIR", help="模板包文件夹或已注册的包名")
    p.set_defaults(func=cmd_test)

    p = cmds.add_parser("install", help="从文件夹、.zip 或 git 仓库安装模板包（先检查，不通过则什么也不装）")
    p.add_argument("source", help="文件夹、.zip 文件，或 git clone 能用的仓库路径/网址")
    p.add_argument("names", nargs="*", metavar="NAME", help="只安装这些模板包（默认全部）")
    p.add_argument("--force", action="store_true", help="已安装同一版本或更高版本时也重新安装")
    p.set_defaults(func=cmd_install)

    p = cmds.add_parser("list", help="列出已安装的模板包")
    p.set_defaults(func=cmd_list)

    p = cmds.add_parser("remove", help="删除已安装的模板包")
    p.add_argument("name")
    p.set_defaults(func=cmd_remove)
