"""Time to interactive of the three apps against a bare one-widget Voilà page, with and without preheated kernels.

    .venv/bin/python bench/app.py [--loads N]

One run starts four servers side by side on loopback:

* ``kit app`` with ``KIT_APP_POOL=0`` (a kernel is started when a page asks: the old behaviour);
* ``kit app`` as shipped (``KIT_APP_POOL`` unset: one kernel per app started ahead, :mod:`kit.kernels`);
* plain ``voila bare.ipynb`` (default template, no token), the notebook being one ``IntText``;
* the same with ``--preheat_kernel=True --pool_size=1``.

Each has its own drafts folder. Debian's chromium (through Playwright, as tests/test_browser.py
launches it) keeps one browser context per server (the kit's cookie set once through the printed
address; its HTTP cache warm, as a clerk's browser is after the first visit) and opens each page in
a new tab. **Interactive** is measured in the page itself, from navigation start
(``performance.now()``): for an app, the moment its form is usable — the 生成文档 button and the
draft chooser shown and enabled, and the first input of the form shown and enabled; for the bare
page, its one widget's input shown and enabled. Voilà shows neither before the kernel is connected
and the widgets are rendered.

Loads are interleaved: each round opens every page once, in a shuffled order; before every load,
each preheated pool is refilled (Voilà logs it) and the machine left quiet for a moment, so no load
finds an empty pool or a neighbour still starting kernels. The first round warms up (examples
copied, files cached) and is not counted. Printed: median, min and max per page, then ratios of
medians. Goal of issue 11: every app, preheated, interactive in ≤ 1.3× the bare page's time.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TOKEN = "bench-app-token-1"
APPS = {"consolation": "consolation_budget.ipynb", "plan": "draft_plan.ipynb", "summary": "summary.ipynb"}
QUIET_SECONDS = 2.5
BARE = {
    "cells": [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
               "source": "import ipywidgets as W\n\nW.IntText(value=15, description='人数')"}],
    "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
    "nbformat": 4, "nbformat_minor": 5,
}

# Records, in the page, the first moment the page is interactive (see the module docstring).
READY_JS = """
(() => {
  window.__ready = null;
  const shown = el => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const usable = el => shown(el) && !el.disabled;
  const ready = () => {
    if (location.pathname.includes('/notebooks/')) {
      const generate = document.querySelector('.kit-generate');
      const chooser = document.querySelector('.kit-chooser select');
      const first = document.querySelector('.kit-left input:not([type=hidden]), .kit-left textarea, .kit-left select');
      return usable(generate) && usable(chooser) && usable(first);
    }
    return usable(document.querySelector('.widget-text input'));
  };
  const check = () => {
    if (window.__ready === null && document.body && ready()) { window.__ready = performance.now(); }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  const timer = setInterval(() => { check(); if (window.__ready !== null) { clearInterval(timer); } }, 10);
})();
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    name: str
    argv: list[str]
    env: dict
    port: int
    pages: dict[str, str]  # page name -> path
    preheated: bool
    token: str | None = None
    proc: subprocess.Popen | None = None
    log_path: Path | None = None
    taken: dict[str, int] = field(default_factory=dict)  # pool kernels taken per page

    def start(self, folder: Path) -> None:
        self.log_path = folder / f"{self.name}.log"
        self.proc = subprocess.Popen(self.argv, cwd=ROOT, env=self.env, stdout=open(self.log_path, "w"),
                                     stderr=subprocess.STDOUT, start_new_session=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def wait_up(self, timeout: float = 90) -> None:
        headers = {"Authorization": f"token {self.token}"} if self.token else {}
        deadline = time.monotonic() + timeout
        while True:
            if self.proc.poll() is not None:
                raise SystemExit(f"{self.name} exited: {self.log_path.read_text()}")
            try:
                urllib.request.urlopen(urllib.request.Request(self.url("/voila/static/voila.js"), headers=headers), timeout=2)
                return
            except OSError:
                if time.monotonic() > deadline:
                    raise SystemExit(f"{self.name} did not answer within {timeout} s") from None
                time.sleep(0.3)

    def fills(self, page: str) -> int:
        """How often Voilà logged the pool of *page*'s notebook as filled."""
        notebook = re.escape(self.pages[page].rsplit("/", 1)[-1])
        return len(re.findall(rf"Kernel pool of \S*{notebook} is filled", self.log_path.read_text(errors="replace")))

    def refilled(self) -> bool:
        return not self.preheated or all(self.fills(p) >= 1 + self.taken.get(p, 0) for p in self.pages)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()


def servers(folder: Path) -> list[Server]:
    bare = folder / "bare" / "bare.ipynb"
    bare.parent.mkdir(parents=True)
    bare.write_text(json.dumps(BARE, ensure_ascii=False), encoding="utf-8")
    out = []
    for name, pool in (("kit", "0"), ("kit+preheat", "1")):
        drafts = folder / f"drafts-{pool}"
        drafts.mkdir()
        port = free_port()
        env = {**os.environ, "KIT_DRAFTS_DIR": str(drafts), "KIT_APP_TOKEN": TOKEN, "KIT_APP_POOL": pool, "PYTHONUNBUFFERED": "1"}
        pages = {app: f"/voila/render/notebooks/{nb}" for app, nb in APPS.items()}
        out.append(Server(name, [sys.executable, "-m", "kit.cli", "app", "--port", str(port)], env, port, pages, pool != "0", TOKEN))
    for name, extra in (("bare", []), ("bare+preheat", ["--preheat_kernel=True", "--pool_size=1"])):
        port = free_port()
        argv = [sys.executable, "-m", "voila", str(bare), f"--port={port}", "--Voila.ip=127.0.0.1", "--no-browser", "--theme=light", *extra]
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        out.append(Server(name, argv, env, port, {"bare": "/"}, bool(extra)))
    return out


def quiet(all_servers: list[Server], timeout: float = 60) -> None:
    """Wait until every pool is full again, then let the machine settle."""
    deadline = time.monotonic() + timeout
    while not all(s.refilled() for s in all_servers):
        if time.monotonic() > deadline:
            print("  (a pool was not refilled within 60 s; measuring anyway)", file=sys.stderr)
            break
        time.sleep(0.2)
    time.sleep(QUIET_SECONDS)


def load(context, server: Server, page: str) -> float:
    """Seconds from navigation start until the page is interactive."""
    tab = context.new_page()
    try:
        tab.goto(server.url(server.pages[page]), wait_until="commit", timeout=120_000)
        tab.wait_for_function("window.__ready !== null", timeout=120_000, polling=50)
        return tab.evaluate("window.__ready") / 1000
    finally:
        tab.close(run_before_unload=False)  # pagehide: the kit page shuts its kernel down
        if server.preheated:
            server.taken[page] = server.taken.get(page, 0) + 1


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loads", type=int, default=7, help="counted loads per page (default 7)")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    random.seed(args.seed)
    folder = Path(tempfile.mkdtemp(prefix="kit-bench-app-"))
    all_servers = servers(folder)
    times: dict[tuple[str, str], list[float]] = {}
    try:
        for s in all_servers:
            s.start(folder)
        for s in all_servers:
            s.wait_up()
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            contexts = {}
            for s in all_servers:
                context = browser.new_context(viewport={"width": 1500, "height": 1100})
                context.add_init_script(READY_JS)
                if s.token:
                    first = context.new_page()
                    first.goto(s.url(f"/?token={s.token}"), wait_until="domcontentloaded")  # the printed address: the cookie
                    first.close()
                contexts[s.name] = context
            jobs = [(s, p) for s in all_servers for p in s.pages]
            print(f"{len(jobs)} pages, 1 warm-up round + {args.loads} counted rounds, interleaved", flush=True)
            for round_no in range(args.loads + 1):
                random.shuffle(jobs)
                for s, page in jobs:
                    quiet(all_servers)
                    seconds = load(contexts[s.name], s, page)
                    if round_no:
                        times.setdefault((s.name, page), []).append(seconds)
                print(f"  round {round_no}{' (warm-up)' if not round_no else ''} done", flush=True)
            browser.close()
    finally:
        for s in all_servers:
            s.stop()
        kept = ROOT / "test-artifacts" / "bench-app"
        shutil.rmtree(kept, ignore_errors=True)
        kept.mkdir(parents=True, exist_ok=True)
        for s in all_servers:
            if s.log_path and s.log_path.exists():
                shutil.copyfile(s.log_path, kept / s.log_path.name)
        shutil.rmtree(folder, ignore_errors=True)

    med = {key: statistics.median(v) for key, v in times.items()}
    print("\nTime to interactive (s), median [min–max] of", args.loads, "loads:")
    for (name, page), values in sorted(times.items()):
        print(f"  {name:13} {page:12} {med[name, page]:5.2f}  [{min(values):.2f}–{max(values):.2f}]")
    bare, bare_warm = med["bare", "bare"], med["bare+preheat", "bare"]
    print("\nRatios of medians (goal: apps preheated ≤ 1.3× the bare page):")
    print(f"  {'app':12} {'kit/bare':>9} {'kit+preheat/bare':>17} {'kit+preheat/bare+preheat':>25} {'speed-up':>9}")
    for page in APPS:
        cold, warm = med["kit", page], med["kit+preheat", page]
        print(f"  {page:12} {cold / bare:8.2f}× {warm / bare:16.2f}× {warm / bare_warm:24.2f}× {cold / warm:8.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
