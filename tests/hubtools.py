"""Running ``kit hub start`` for tests and the load test: start on a free loopback port, log in, stop everything.

Not a test module: imported by tests/test_hub.py and bench/hub_load.py.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def kit(*args: str, home: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "KIT_HUB_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "kit.cli", *args], cwd=ROOT, env=env, input=stdin,
                          capture_output=True, text=True, timeout=60)


def add_school(home: Path, name: str, password: str, label: str = "") -> None:
    done = kit("hub", "school", "add", name, "--label", label or name, "--password-stdin", home=home, stdin=password + "\n")
    assert done.returncode == 0, done.stderr


class Hub:
    """``kit hub start`` in its own session, its output in *log*; :meth:`stop` ends it and every process it started."""

    def __init__(self, home: Path, log: Path, *, mem_limit: str = "1G", extra_env: dict | None = None) -> None:
        self.home, self.log_path, self.mem_limit = home, log, mem_limit
        self.extra_env = extra_env or {}
        self.port = free_port()
        self.proc: subprocess.Popen | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 90) -> None:
        env = {**os.environ, "KIT_HUB_HOME": str(self.home), "PYTHONUNBUFFERED": "1", **self.extra_env}
        self.log = open(self.log_path, "a", encoding="utf-8")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "kit.cli", "hub", "start", "--port", str(self.port), "--mem-limit", self.mem_limit],
            cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"kit hub start exited early:\n{self.log_path.read_text(encoding='utf-8')[-3000:]}")
            try:
                with urllib.request.urlopen(self.base + "/hub/login", timeout=3) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"the hub did not answer within {timeout} s")
            time.sleep(0.3)

    def processes(self):
        """The hub and everything under it (proxy, culler, schools' servers, kernels)."""
        import psutil

        if self.proc is None or self.proc.poll() is not None:
            return []
        try:
            top = psutil.Process(self.proc.pid)
            return [top, *top.children(recursive=True)]
        except psutil.NoSuchProcess:
            return []

    def servers(self) -> dict[str, int]:
        """School name → pid of its running server."""
        found = {}
        for p in self.processes():
            try:
                if "kit.hub.singleuser" in " ".join(p.cmdline()):
                    found[p.environ().get("JUPYTERHUB_USER", "?")] = p.pid
            except Exception:  # noqa: BLE001 - gone meanwhile
                continue
        return found

    def stop(self, timeout: float = 45) -> list[int]:
        """SIGTERM the hub (it stops the servers, the culler and the proxy), then kill what is left; the pids killed."""
        import psutil

        if self.proc is None:
            return []
        everything = self.processes()
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                pass
        killed = []
        for p in everything:
            try:
                if p.is_running() and p.status() != psutil.STATUS_ZOMBIE:
                    p.kill()
                    killed.append(p.pid)
            except psutil.NoSuchProcess:
                continue
        if self.proc.poll() is None:
            self.proc.wait(timeout=10)
        self.log.close()
        self.proc = None
        return killed


def login(browser, base: str, name: str, password: str, *, timeout_ms: int = 120_000):
    """A new browser context logged in as school *name* through the hub's login form; (context, page on its start page)."""
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(timeout_ms)
    page.goto(base + "/hub/login", wait_until="domcontentloaded")
    expect(page.locator("h1")).to_contain_text("学校登录")
    page.fill("#username_input", name)
    page.fill("#password_input", password)
    page.click("#login_submit")
    page.wait_for_url(f"{base}/user/{name}/", timeout=timeout_ms)
    expect(page.locator("main h1")).to_have_text("方案工坊", timeout=timeout_ms)
    return context, page
