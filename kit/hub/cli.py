"""``kit hub``: start the county's hub and administer it (schools, shared packs, backups).

Everything but ``start`` works on the hub's folder (:mod:`kit.hub.home`) and
needs no running hub: a new account or password is read at the next login, a
pack installed for everyone is listed at a school's next page load.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import os
import stat
import sys
import zipfile
from pathlib import Path

from ..errors import InputError


def _home():
    from .home import hub_home

    return hub_home()


def _password(args: argparse.Namespace) -> tuple[str, bool]:
    """(password, generated): from standard input with --password-stdin, else a new random one."""
    from .accounts import new_password

    if args.password_stdin:
        line = sys.stdin.readline().rstrip("\r\n")
        return line, False
    return new_password(), True


def cmd_school_add(args: argparse.Namespace) -> int:
    from .accounts import add_school

    home = _home()
    password, generated = _password(args)
    add_school(home.accounts, args.name, password, args.label or "")
    home.drafts(args.name).mkdir(parents=True, exist_ok=True)
    os.chmod(home.school(args.name), 0o700)
    print(f"已添加学校账号：{args.name}" + (f"（{args.label}）" if args.label else ""))
    if generated:
        print(f"初始密码：{password}")
        print("请把账号和密码交给这所学校（只显示这一次；忘记后用 kit hub school password 重设）。")
    return 0


def cmd_school_password(args: argparse.Namespace) -> int:
    from .accounts import set_password

    password, generated = _password(args)
    set_password(_home().accounts, args.name, password)
    print(f"已重设账号 {args.name} 的密码。" + (f"新密码：{password}" if generated else ""))
    return 0


def cmd_school_list(args: argparse.Namespace) -> int:
    from .accounts import schools

    home = _home()
    found = schools(home.accounts)
    print(f"学校账号（{home.accounts}）：")
    for s in found:
        drafts = home.drafts(s.name)
        count = len(list(drafts.glob("*.yaml"))) if drafts.is_dir() else 0
        print(f"  {s.name:<24}{s.label or '—'}  草稿 {count} 份")
    if not found:
        print("  （还没有。添加：kit hub school add 账号名 --label 学校名称）")
    return 0


def _writable(folder: Path, on: bool) -> None:
    """Make the shared pack folder writable for the install, read-only again after (schools only read it)."""
    if not folder.exists():
        return
    for path in [folder, *folder.rglob("*")]:
        if path.is_symlink():
            continue
        mode = path.stat().st_mode
        write = stat.S_IWUSR if on else 0
        keep = mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
        os.chmod(path, keep | write)


def cmd_pack_install(args: argparse.Namespace) -> int:
    from ..packs.cli import cmd_install

    home = _home()
    home.packs.mkdir(parents=True, exist_ok=True)
    os.environ["KIT_PACK_HOME"] = str(home.packs)
    _writable(home.packs, True)
    try:
        code = cmd_install(args)
    finally:
        _writable(home.packs, False)
    print("所有学校下次打开方案工坊时都能使用这些模板包（“新建一份草稿”的类型里）。")
    return code


def cmd_pack_list(args: argparse.Namespace) -> int:
    from ..packs.cli import cmd_list

    os.environ["KIT_PACK_HOME"] = str(_home().packs)
    return cmd_list(args)


def backup(home, target: Path) -> int:
    """Zip every school's drafts folder (drafts, generated documents, bin) and the accounts into *target*; the number of drafts."""
    count = 0
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.part")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        if home.accounts.exists():
            z.write(home.accounts, "accounts.json")
        for path in sorted(home.schools.glob("*/drafts/**/*")) if home.schools.exists() else []:
            if path.is_file() and not path.is_symlink():
                z.write(path, str(path.relative_to(home.root)))
                count += path.suffix == ".yaml" and path.parent.name == "drafts"
    os.chmod(tmp, 0o600)
    os.replace(tmp, target)
    return count


def cmd_backup(args: argparse.Namespace) -> int:
    home = _home()
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = Path(args.output) if args.output else home.backups / f"方案工坊草稿备份-{stamp}.zip"
    if target.exists():
        raise InputError(f"{target} 已经存在，请换一个文件名")
    count = backup(home, target)
    print(f"已备份 {count} 份草稿（含各校生成的文档和回收站）到：{target}")
    print(f"恢复：停止 kit hub 后，在 {home.root} 中解压这个文件（unzip -o 文件名）。")
    return 0


def cmd_start(args: argparse.Namespace) -> int:
    from ..app import check_port, check_port_free
    from .config import proxy_command

    from ..app import NOTEBOOKS
    from ..widgets.session import PROJECT_ROOT

    if not all((PROJECT_ROOT / "notebooks" / n).is_file() for n in NOTEBOOKS):
        raise InputError(f"找不到应用的笔记本（应在 {PROJECT_ROOT / 'notebooks'}）：kit hub 需在项目仓库中运行，请在仓库里执行 ./dev hub")
    check_port(args.port)
    if args.ip == "127.0.0.1":
        check_port_free(args.port)
    if proxy_command() is None:
        raise InputError("找不到 configurable-http-proxy：请在仓库里运行 ./dev hub（会安装它），或设置环境变量 KIT_HUB_PROXY")
    home = _home()
    home.root.mkdir(parents=True, exist_ok=True)
    os.chmod(home.root, 0o700)
    (home.packs).mkdir(exist_ok=True)
    os.environ.update(KIT_HUB_HOME=str(home.root), KIT_HUB_PORT=str(args.port), KIT_HUB_IP=args.ip, KIT_HUB_MEM_LIMIT=args.mem_limit)
    os.environ.setdefault("KIT_HUB_CULL_SECONDS", str(args.cull_minutes * 60))  # set beforehand by tests, in seconds
    from .accounts import schools

    print(f"方案工坊（全县）已启动：请各校在浏览器中打开 http://{args.ip}:{args.port}/ ，用自己的账号登录。", flush=True)
    print(f"学校账号 {len(schools(home.accounts))} 个；数据在 {home.root}。按 Ctrl+C 停止。", flush=True)
    os.chdir(home.root)
    from jupyterhub.app import JupyterHub

    JupyterHub.launch_instance(["-f", str(Path(__file__).with_name("jupyterhub_config.py"))])
    return 0


def add_parser(sub) -> None:
    hub = sub.add_parser("hub", help="全县一台服务器：启动 JupyterHub、管理学校账号、共享模板包、备份草稿")
    cmds = hub.add_subparsers(dest="hub_command", required=True, metavar="命令")

    p = cmds.add_parser("start", help="启动（各校用浏览器打开打印的地址登录）")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--ip", default="127.0.0.1", help="监听的地址（默认只在本机；局域网使用请放在 HTTPS 反向代理之后）")
    p.add_argument("--mem-limit", default="1G", help="每所学校可用的内存上限（默认 1G）")
    p.add_argument("--cull-minutes", type=int, default=60, help="学校多少分钟不用就暂停它的服务（默认 60）")
    p.set_defaults(func=cmd_start)

    school = cmds.add_parser("school", help="学校账号：添加、重设密码、列出")
    scmds = school.add_subparsers(dest="school_command", required=True, metavar="命令")
    p = scmds.add_parser("add", help="添加一所学校（打印初始密码）")
    p.add_argument("name", help="账号名：小写英文字母、数字、减号，如 dongfeng-zx")
    p.add_argument("--label", help="学校名称，如 东风中学")
    p.add_argument("--password-stdin", action="store_true", help="从标准输入读密码（默认自动生成）")
    p.set_defaults(func=cmd_school_add)
    p = scmds.add_parser("password", help="重设一所学校的密码（打印新密码）")
    p.add_argument("name")
    p.add_argument("--password-stdin", action="store_true", help="从标准输入读密码（默认自动生成）")
    p.set_defaults(func=cmd_school_password)
    p = scmds.add_parser("list", help="列出学校账号")
    p.set_defaults(func=cmd_school_list)

    pack = cmds.add_parser("pack", help="为所有学校安装模板包")
    pcmds = pack.add_subparsers(dest="pack_command", required=True, metavar="命令")
    p = pcmds.add_parser("install", help="安装（文件夹、.zip 或 git 仓库），所有学校可用、只读")
    p.add_argument("source")
    p.add_argument("names", nargs="*")
    p.add_argument("--force", action="store_true", help="重新安装同一版本")
    p.set_defaults(func=cmd_pack_install)
    p = pcmds.add_parser("list", help="列出为所有学校安装的模板包")
    p.set_defaults(func=cmd_pack_list)

    p = cmds.add_parser("backup", help="把各校的草稿打包备份成一个 .zip")
    p.add_argument("-o", "--output", help="备份文件（默认放在数据文件夹的 backups/ 中）")
    p.set_defaults(func=cmd_backup)
