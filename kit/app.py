"""``kit app``: serve the drafting notebooks as a web app with Voilà (or open JupyterLab).

Voilà serves the project folder on 127.0.0.1 only: notebook code and
tracebacks are hidden, generated ``.docx`` files under the project can be
downloaded (``/voila/files/…``), and kernels left idle are shut down. Every
request passes :mod:`kit.door` first (this run's token, the served Host, the
page's own Origin); the addresses printed at start carry the token.

What a clerk can get wrong at start (a busy port, a drafts folder that cannot
be written, a malformed ``$KIT_APP_TOKEN``) is an :class:`InputError` with a
Chinese message: exit code 2, no English log line.
"""

from __future__ import annotations

import argparse
import errno
import os
import shutil
import sys
from pathlib import Path

from .door import Door, app_token, guard
from .errors import InputError, os_reason
from .kernels import DEFAULT_POOL, KERNEL_KEY_ENV, denylist, pool_size
from .widgets.session import PROJECT_ROOT, drafts_dir, folder_problem

HOST = "127.0.0.1"
NOTEBOOKS = ("consolation_budget.ipynb", "draft_plan.ipynb", "summary.ipynb")
TITLES = {"consolation_budget.ipynb": "慰问活动方案与经费预算", "draft_plan.ipynb": "起草建设方案", "summary.ipynb": "撰写工作总结"}
CULL_IDLE_SECONDS = 30 * 60
REFILL_SECONDS = 4  # a kernel taken from the pool is replaced after this long: not while its page is still loading
TEMPLATE = "kit"  # notebooks/share/voila/templates/kit: Chinese loading screen, nothing from outside
TEMPLATE_ROOT = PROJECT_ROOT / "notebooks" / "share"


def notebook_path(name: str) -> str:
    return f"/voila/render/notebooks/{name}"


def notebook_url(port: int, name: str) -> str:
    return f"http://{HOST}:{port}{notebook_path(name)}"


def check_port(port: int) -> None:
    """Refuse a port that cannot be one (``kit app --port 0`` would pick one the door does not know)."""
    if not 1 <= port <= 65535:
        raise InputError(f"端口 {port} 不能使用：端口应在 1 到 65535 之间，例如 --port 8866")


def port_message(port: int, exc: OSError) -> str:
    """Why the app could not listen on *port*, in Chinese."""
    if exc.errno == errno.EADDRINUSE:
        return (f"端口 {port} 已被占用：方案工坊可能已经在运行（请找到打开它的窗口，或先按 Ctrl+C 关掉它），"
                f"也可能是别的程序在用这个端口。可以换一个端口启动：kit app --port {port + 1 if port < 65535 else 8866}")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"没有权限使用端口 {port}（小于 1024 的端口要管理员权限），请换一个端口，例如 kit app --port 8866"
    return f"无法在端口 {port} 上启动：{os_reason(exc)}"


def check_port_free(port: int) -> None:
    """Bind *port* on loopback once, as the server will (before Voilà or JupyterLab logs anything)."""
    import socket

    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as tornado does: TIME_WAIT is not busy
        try:
            probe.bind((HOST, port))
        except OSError as exc:
            raise InputError(port_message(port, exc)) from None


def check_drafts_folder(folder: Path) -> None:
    """The drafts folder exists (made if needed) and a file can be written in it; else an :class:`InputError`."""
    problem = folder_problem(folder)
    if problem:
        raise InputError(problem)


def voila_argv(port: int, root: Path = PROJECT_ROOT, pool: int = DEFAULT_POOL) -> list[str]:
    """Command-line options for Voilà (kept in one place so tests can read them).

    With *pool* > 0, each app keeps *pool* kernels started ahead (:mod:`kit.kernels`)."""
    argv = [
        str(root),
        f"--port={port}",
        "--Voila.port_retries=0",
        f"--Voila.ip={HOST}",
        "--no-browser",
        "--strip_sources=True",
        "--VoilaConfiguration.show_tracebacks=False",
        r"--VoilaConfiguration.file_allowlist=.*\.(png|jpg|gif|svg|docx)",
        r"--VoilaConfiguration.file_denylist=(^|.*/)\..*",
        f"--MappingKernelManager.cull_idle_timeout={CULL_IDLE_SECONDS}",
        "--MappingKernelManager.cull_interval=60",
        "--MappingKernelManager.cull_connected=False",
        "--theme=light",
        f"--template={TEMPLATE}",
        "--VoilaConfiguration.multi_kernel_manager_class=kit.kernels.PageKernels",
    ]
    if pool > 0:
        argv += [
            "--preheat_kernel=True",
            f"--pool_size={pool}",
            f"--VoilaKernelManager.fill_delay={REFILL_SECONDS}",
            f"--VoilaKernelManager.preheat_denylist={denylist(str(root), [f'notebooks/{name}' for name in NOTEBOOKS])}",
        ]
    return argv


def _environment() -> None:
    os.environ.setdefault("KIT_SERVE_ROOT", str(PROJECT_ROOT))
    paths = [str(TEMPLATE_ROOT), *filter(None, os.environ.get("JUPYTER_PATH", "").split(os.pathsep))]
    os.environ["JUPYTER_PATH"] = os.pathsep.join(dict.fromkeys(paths))  # Voilà finds the kit template there
    check_drafts_folder(drafts_dir())


def kit_voila_class(door: Door | None = None):
    """Voilà with the start page at the root instead of its English file browser, behind *door*.

    The notebook pages also set the ``_xsrf`` cookie, which the page needs to
    shut its kernel down when it is closed (without it Voilà answers 403).
    With a *door*, every request passes it first (:func:`kit.door.guard`), the
    Jupyter handlers check the Host themselves as well (Voilà turns that off),
    and a port that cannot be listened on is an :class:`InputError`."""
    from voila.app import Voila
    from voila.tornado.handler import TornadoVoilaHandler
    from voila.tornado.treehandler import TornadoVoilaTreeHandler

    from .startpage import handlers as start_handlers

    class NotebookPage(TornadoVoilaHandler):
        async def get(self, path=None):
            self.xsrf_token  # noqa: B018 - sets the cookie
            return await super().get(path)

    class KitVoila(Voila):
        def init_handlers(self) -> list:
            kept = []
            for handler in super().init_handlers():
                if handler[1] is TornadoVoilaTreeHandler:
                    continue
                if handler[1] is TornadoVoilaHandler:
                    handler = (handler[0], NotebookPage, *handler[2:])
                kept.append(handler)
            return start_handlers(self.server_url, drafts_dir) + kept

        def listen(self) -> None:
            """Voilà's ``listen`` for one port: behind the door, a Chinese error instead of its CRITICAL line."""
            from tornado.ioloop import IOLoop

            if door is not None:
                guard(self.app, door)
                self.app.settings.update(allow_remote_access=False, local_hostnames=["localhost"])
            try:
                self.app.listen(self.port, self.ip)
            except OSError as exc:
                shutil.rmtree(self.connection_dir, ignore_errors=True)
                raise InputError(port_message(self.port, exc)) from None
            self.ioloop = IOLoop.current()
            try:
                self.ioloop.start()
            except KeyboardInterrupt:
                self.log.info("Stopping...")
            finally:
                self.stop()

    return KitVoila


def run_voila(port: int, token: str, pool: int = DEFAULT_POOL) -> int:
    from tornado.ioloop import IOLoop

    door = Door(port, token)
    os.environ[KERNEL_KEY_ENV] = door.kernel_key  # kernels inherit it: a waiting kernel reads its page's request with it
    app = kit_voila_class(door)()
    app.initialize(voila_argv(port, pool=pool))

    def announce() -> None:
        print("\n方案工坊已启动，请在浏览器中打开（地址末尾是本次启动的口令，只给自己用；重新启动后口令会更换）：", flush=True)
        print(f"  我的草稿：{door.url('/')}", flush=True)
        for name in NOTEBOOKS:
            print(f"  {TITLES[name]}：{door.url(notebook_path(name))}", flush=True)
        print("按 Ctrl+C 停止。", flush=True)

    IOLoop.current().add_callback(announce)
    app.start()
    return 0


def lab_argv(port: int, token: str, root: Path = PROJECT_ROOT) -> list[str]:
    """Command-line options for JupyterLab on loopback, with no calls to outside services."""
    argv = [
        f"--ServerApp.root_dir={root}",
        f"--ServerApp.ip={HOST}",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        "--ServerApp.open_browser=False",
        f"--IdentityProvider.token={token}",
        "--LabApp.extension_manager=readonly",  # no package index queries
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.handlers.announcements.NeverCheckForUpdate",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        argv.append("--ServerApp.allow_root=True")  # containers often run as root
    return argv


def run_lab(port: int, token: str) -> int:
    from jupyterlab.labapp import LabApp

    print(f"JupyterLab：http://{HOST}:{port}/lab/tree/notebooks/consolation_budget.ipynb?token={token}", flush=True)
    LabApp.launch_instance(argv=lab_argv(port, token))
    return 0


def cli_app(args: argparse.Namespace) -> int:
    """Serve the notebooks (``kit app [--port N] [--lab]``) until Ctrl+C.

    The notebooks are not part of the wheel: the app runs from a checkout."""
    missing = [n for n in NOTEBOOKS if not (PROJECT_ROOT / "notebooks" / n).is_file()]
    if missing:
        print(f"错误：找不到笔记本 {'、'.join(missing)}（应在 {PROJECT_ROOT / 'notebooks'}）。"
              "应用需在项目仓库中运行：请在仓库里执行 ./dev app", file=sys.stderr)
        return 2
    check_port(args.port)
    check_port_free(args.port)
    token = app_token()
    pool = pool_size()
    _environment()
    return run_lab(args.port, token) if args.lab else run_voila(args.port, token, pool)
