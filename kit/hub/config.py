"""The JupyterHub configuration of ``kit hub start`` (``jupyterhub_config.py`` calls :func:`configure`).

Read from the environment ``kit hub start`` sets: ``KIT_HUB_HOME`` (the hub's
folder), ``KIT_HUB_PORT`` (the address schools open, on 127.0.0.1 unless
``KIT_HUB_IP``), ``KIT_HUB_MEM_LIMIT`` (per school, e.g. ``1G``),
``KIT_HUB_CULL_SECONDS`` (idle servers stopped after), ``KIT_HUB_PROXY``
(configurable-http-proxy's command).
"""

from __future__ import annotations

import os
import shutil
import socket
import sys
from pathlib import Path

from ..widgets.session import PROJECT_ROOT
from .home import hub_home

TEMPLATES = Path(__file__).with_name("templates")
DEFAULT_MEM_LIMIT = "1G"
DEFAULT_CULL_SECONDS = 3600
PROXY_IN_CHECKOUT = PROJECT_ROOT / "proxy" / "node_modules" / ".bin" / "configurable-http-proxy"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def proxy_command() -> str | None:
    """configurable-http-proxy: ``$KIT_HUB_PROXY``, the checkout's ``proxy/`` (``./dev hub`` installs it), or on PATH."""
    given = os.environ.get("KIT_HUB_PROXY")
    if given:
        return given
    if PROXY_IN_CHECKOUT.exists():
        return str(PROXY_IN_CHECKOUT)
    return shutil.which("configurable-http-proxy")


def configure(c) -> None:
    home = hub_home()
    ip = os.environ.get("KIT_HUB_IP", "127.0.0.1")
    port = int(os.environ.get("KIT_HUB_PORT", "8000"))
    cull = int(os.environ.get("KIT_HUB_CULL_SECONDS", DEFAULT_CULL_SECONDS))

    c.JupyterHub.bind_url = f"http://{ip}:{port}/"
    c.JupyterHub.hub_ip = "127.0.0.1"
    c.JupyterHub.hub_port = free_port()
    c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{free_port()}"
    c.ConfigurableHTTPProxy.command = [proxy_command() or "configurable-http-proxy"]
    c.ConfigurableHTTPProxy.should_start = True
    c.JupyterHub.db_url = f"sqlite:///{home.root / 'jupyterhub.sqlite'}"
    c.JupyterHub.cookie_secret_file = str(home.root / "jupyterhub_cookie_secret")
    c.JupyterHub.pid_file = str(home.root / "jupyterhub.pid")
    c.JupyterHub.template_paths = [str(TEMPLATES)]
    c.JupyterHub.cleanup_servers = True  # the hub stops the schools' servers when it stops; drafts stay on disk

    c.JupyterHub.authenticator_class = "kit.hub.auth.SchoolAuthenticator"
    c.SchoolAuthenticator.accounts_file = str(home.accounts)
    c.Authenticator.admin_users = set()  # the administrator works with `kit hub`, not the web admin page
    c.Authenticator.allow_all = False
    c.Authenticator.any_allow_config = True  # check_allowed admits exactly the accounts in the file

    c.JupyterHub.spawner_class = "kit.hub.spawner.SchoolSpawner"
    c.SchoolSpawner.hub_home = str(home.root)
    c.SchoolSpawner.use_cgroup = os.environ.get("KIT_HUB_NO_CGROUP") != "1"
    c.Spawner.mem_limit = os.environ.get("KIT_HUB_MEM_LIMIT", DEFAULT_MEM_LIMIT)
    c.Spawner.default_url = "/"  # the start page
    c.Spawner.start_timeout = 120
    c.Spawner.http_timeout = 120
    c.Spawner.interrupt_timeout = 3  # a school's server stops at SIGINT, or at SIGTERM after these seconds
    c.Spawner.term_timeout = 5
    c.Spawner.env_keep = ["PATH", "LANG", "LC_ALL", "PYTHONUNBUFFERED"]

    c.JupyterHub.last_activity_interval = min(300, max(2, cull // 4))  # how often the hub reads activity from the proxy
    c.ConfigurableHTTPProxy.debug = False
    c.JupyterHub.services = [
        {
            "name": "idle-culler",
            "command": [sys.executable, "-m", "kit.hub.culler", f"--timeout={cull}",
                        f"--cull-every={min(600, max(2, cull // 4))}"],
        }
    ]
    c.JupyterHub.load_roles = [
        {
            "name": "idle-culler",
            "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
            "services": ["idle-culler"],
        }
    ]
