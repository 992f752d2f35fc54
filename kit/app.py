"""``kit app``: serve the drafting notebooks as a web app with Voilà (or open JupyterLab).

Voilà serves the project folder on 127.0.0.1 only: notebook code and
tracebacks are hidden, generated ``.docx`` files under the project can be
downloaded (``/voila/files/…``), and kernels left idle are shut down.
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
from pathlib import Path

from .widgets.session import PROJECT_ROOT, drafts_dir

HOST = "127.0.0.1"
NOTEBOOKS = ("consolation_budget.ipynb", "draft_plan.ipynb", "summary.ipynb")
TITLES = {"consolation_budget.ipynb": "慰问活动方案与经费预算", "draft_plan.ipynb": "起草建设方案", "summary.ipynb": "撰写工作总结"}
CULL_IDLE_SECONDS = 30 * 60
TEMPLATE = "kit"  # notebooks/share/voila/templates/kit: Chinese loading screen, nothing from outside
TEMPLATE_ROOT = PROJECT_ROOT / "notebooks" / "share"


def notebook_url(port: int, name: str) -> str:
    return f"http://{HOST}:{port}/voila/render/notebooks/{name}"


def voila_argv(port: int, root: Path = PROJECT_ROOT) -> list[str]:
    """Command-line options for Voilà (kept in one place so tests can read them)."""
    return [
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
    ]


def _environment() -> None:
    os.environ.setdefault("KIT_SERVE_ROOT", str(PROJECT_ROOT))
    paths = [str(TEMPLATE_ROOT), *filter(None, os.environ.get("JUPYTER_PATH", "").split(os.pathsep))]
    os.environ["JUPYTER_PATH"] = os.pathsep.join(dict.fromkeys(paths))  # Voilà finds the kit template there
    drafts_dir().mkdir(parents=True, exist_ok=True)


def kit_voila_class():
    """Voilà with the start page at the root instead of its English file browser.

    The notebook pages also set the ``_xsrf`` cookie, which the page needs to
    shut its kernel down when it is closed (without it Voilà answers 403)."""
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

    return KitVoila


def run_voila(port: int) -> int:
    from tornado.ioloop import IOLoop

    app = kit_voila_class()()
    app.initialize(voila_argv(port))

    def announce() -> None:
        print("\n方案工坊已启动，请在浏览器中打开：", flush=True)
        print(f"  我的草稿：http://{HOST}:{app.port}/", flush=True)
        for name in NOTEBOOKS:
            print(f"  {TITLES[name]}：{notebook_url(app.port, name)}", flush=True)
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


def run_lab(port: int) -> int:
    from jupyterlab.labapp import LabApp

    token = secrets.token_urlsafe(16)
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
    _environment()
    return run_lab(args.port) if args.lab else run_voila(args.port)
