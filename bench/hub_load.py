"""Load test of ``kit hub`` on loopback: N schools (default 20) log in at once, open the consolation app,
change a count and generate a DOCX. All must succeed.

Prints the median and 95th-percentile times (login with the server's start, time to interactive of the
app page, the count's round trip, the DOCX), then the memory: the hub's (JupyterHub, proxy, culler),
each school's server with its kernel (resident set sizes added up), and the total for N schools.

    .venv/bin/python bench/hub_load.py [--schools 20] [--json out.json]

Bounded: every step has a time limit, the whole run stops after --deadline seconds (default 600), and
the hub and every process it started are stopped at the end. Only 127.0.0.1 is contacted.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from hubtools import Hub, add_school  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
APP = "voila/render/notebooks/consolation_budget.ipynb"
STEP_MS = 300_000


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))  # nearest rank
    return ordered[k]


async def one_school(browser, base: str, name: str, password: str, start: asyncio.Event) -> dict:
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    page.set_default_timeout(STEP_MS)
    result: dict = {"school": name}
    try:
        await start.wait()
        t0 = time.monotonic()
        await page.goto(base + "/hub/login", wait_until="domcontentloaded")
        await page.fill("#username_input", name)
        await page.fill("#password_input", password)
        await page.click("#login_submit")
        await page.wait_for_url(f"{base}/user/{name}/")
        await page.locator("main h1").wait_for(state="visible")
        t1 = time.monotonic()
        await page.goto(f"{base}/user/{name}/{APP}", wait_until="domcontentloaded")
        count = page.locator(".kit-budget-count-0 input")
        await page.locator(".kit-generate").wait_for(state="visible")
        await count.wait_for(state="visible")
        t2 = time.monotonic()
        await count.fill("16")
        await count.press("Tab")
        await page.locator(".kit-budget-total .kit-value", has_text="3420").wait_for(state="visible")
        t3 = time.monotonic()
        await page.locator(".kit-generate").click()
        link = page.locator(".kit-download a")
        await link.wait_for(state="visible")
        href = await link.get_attribute("href")
        answer = await context.request.get(page.url.split("?")[0].rsplit("/", 1)[0] + "/" + href)
        body = await answer.body()
        t4 = time.monotonic()
        if answer.status != 200 or body[:2] != b"PK":
            raise RuntimeError(f"DOCX download answered {answer.status}")
        result.update(ok=True, login=t1 - t0, interactive=t2 - t1, count=t3 - t2, docx=t4 - t3, total=t4 - t0)
    except Exception as exc:  # noqa: BLE001 - reported per school
        result.update(ok=False, error=f"{type(exc).__name__}: {str(exc)[:300]}")
    result["context"] = context  # kept open until memory is measured
    return result


def memory(hub: Hub) -> dict:
    import psutil

    top = psutil.Process(hub.proc.pid)
    hub_parts = {"jupyterhub": top.memory_info().rss}
    schools: dict[str, int] = {}
    for child in top.children():
        cmd = " ".join(child.cmdline())
        tree = [child, *child.children(recursive=True)]
        rss = sum(p.memory_info().rss for p in tree if p.is_running())
        if "kit.hub.singleuser" in cmd:
            schools[child.environ().get("JUPYTERHUB_USER", str(child.pid))] = rss
        elif "configurable-http-proxy" in cmd:
            hub_parts["proxy"] = rss
        elif "culler" in cmd:
            hub_parts["idle-culler"] = rss
        else:
            hub_parts[cmd[:40]] = rss
    return {"hub": hub_parts, "schools": schools}


async def run(n: int, deadline: float) -> dict:
    from playwright.async_api import async_playwright

    work = Path(tempfile.mkdtemp(prefix="kit-hub-load-"))
    home = work / "home"
    passwords = {f"school{i:02d}": f"load-test-{i:02d}-pw" for i in range(1, n + 1)}
    for name, password in passwords.items():
        add_school(home, name, password, f"第{name[-2:]}学校")
    hub = Hub(home, work / "hub.log")
    hub.start()
    results: list[dict] = []
    try:
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            start = asyncio.Event()
            tasks = [asyncio.create_task(one_school(browser, hub.base, name, pw_, start)) for name, pw_ in passwords.items()]
            t0 = time.monotonic()
            start.set()
            results = await asyncio.wait_for(asyncio.gather(*tasks), timeout=deadline)
            wall = time.monotonic() - t0
            await asyncio.sleep(2)  # let the kernels settle after the DOCX
            mem = memory(hub)
            for r in results:
                await r.pop("context").close()
            await browser.close()
    finally:
        hub.stop()
        log = (work / "hub.log").read_text(encoding="utf-8", errors="replace")
        shutil.rmtree(work, ignore_errors=True)
    return {"schools": n, "wall": wall, "results": results, "memory": mem, "log_tail": log[-3000:]}


def report(out: dict) -> int:
    results = out["results"]
    ok = [r for r in results if r["ok"]]
    mib = lambda b: b / 2**20  # noqa: E731
    print(f"{len(ok)} / {out['schools']} schools logged in, opened the consolation app, changed a count and downloaded the DOCX "
          f"(all at once; {out['wall']:.1f} s wall)")
    for r in results:
        if not r["ok"]:
            print(f"  FAILED {r['school']}: {r['error']}")
    if ok:
        print(f"{'step':<34}{'median':>9}{'p95':>9}{'max':>9}")
        for key, label in (("login", "login + server start"), ("interactive", "app page to interactive"),
                           ("count", "count changed -> total shown"), ("docx", "generate + download DOCX"), ("total", "whole visit")):
            values = [r[key] for r in ok]
            print(f"{label:<34}{statistics.median(values):>8.1f}s{percentile(values, 95):>8.1f}s{max(values):>8.1f}s")
    hub_total = sum(out["memory"]["hub"].values())
    schools = out["memory"]["schools"]
    print("memory (resident set size):")
    for part, rss in out["memory"]["hub"].items():
        print(f"  hub: {part:<28}{mib(rss):>8.0f} MiB")
    for name, rss in sorted(schools.items()):
        print(f"  {name} (server + kernel){'':<6}{mib(rss):>8.0f} MiB")
    if schools:
        per = list(schools.values())
        print(f"  per school: median {mib(statistics.median(per)):.0f} MiB, max {mib(max(per)):.0f} MiB")
        print(f"  total for {len(schools)} schools: {mib(sum(per)):.0f} MiB; with the hub: {mib(sum(per) + hub_total):.0f} MiB")
    return 0 if len(ok) == out["schools"] else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schools", type=int, default=20)
    parser.add_argument("--deadline", type=float, default=600)
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    out = asyncio.run(run(args.schools, args.deadline))
    code = report(out)
    if code:
        print(out["log_tail"], file=sys.stderr)
    if args.json:
        Path(args.json).write_text(json.dumps({k: v for k, v in out.items() if k != "log_tail"}, indent=1), encoding="utf-8")
    return code


if __name__ == "__main__":
    sys.exit(main())
