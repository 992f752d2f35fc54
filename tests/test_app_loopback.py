"""The app behind its door, over loopback: a running ``kit app``, raw requests and two browser tabs.

Raw HTTP (http.client, so the Host header is ours to set) and the kernel
websocket (tornado's client): a foreign Host or Origin is refused even with the
token, nothing is served without the token. Chromium (Debian's, through
Playwright): a page without the token gets the Chinese refusal; two browser
contexts editing different fields of one draft both keep their edit, and the
same field edited in both tells the second in Chinese. Only 127.0.0.1 is used.
"""

from __future__ import annotations

import asyncio
import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kit.door import Door
from kit.drafts import load_draft

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts" / "loopback"
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TOKEN = "loopback-test-token-7"
APP = "/voila/render/notebooks/consolation_budget.ipynb"
DRAFT = "两个窗口.yaml"

pytestmark = pytest.mark.browser


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served():
    """A running ``kit app`` with a known token; yields (port, drafts folder)."""
    pytest.importorskip("voila")
    run = ARTIFACTS / f"run-{os.getpid()}"
    shutil.rmtree(run, ignore_errors=True)
    drafts = run / "drafts"
    drafts.mkdir(parents=True)
    port = _free_port()
    env = {**os.environ, "KIT_DRAFTS_DIR": str(drafts), "KIT_APP_TOKEN": TOKEN, "PYTHONUNBUFFERED": "1"}
    log = open(run / "kit-app.log", "w", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "kit.cli", "app", "--port", str(port)],
                            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while "按 Ctrl+C 停止" not in (run / "kit-app.log").read_text(encoding="utf-8"):
            assert proc.poll() is None, (run / "kit-app.log").read_text(encoding="utf-8")
            assert time.monotonic() < deadline, "kit app did not start within 60 s"
            time.sleep(0.3)
        yield port, drafts
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        log.close()
        printed = (run / "kit-app.log").read_text(encoding="utf-8")
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        (ARTIFACTS / "kit-app.log").write_text(printed, encoding="utf-8")
        shutil.rmtree(run, ignore_errors=True)


def request(port: int, path: str, *, method: str = "GET", host: str | None = None, headers: dict | None = None, body: str | None = None):
    """One raw request to 127.0.0.1:*port*; returns (status, headers, text)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        connection.putheader("Host", host if host is not None else f"127.0.0.1:{port}")
        for name, value in (headers or {}).items():
            connection.putheader(name, value)
        data = body.encode("utf-8") if body is not None else None
        if data is not None:
            connection.putheader("Content-Type", "application/x-www-form-urlencoded")
            connection.putheader("Content-Length", str(len(data)))
        connection.endheaders(data)
        answer = connection.getresponse()
        return answer.status, dict(answer.getheaders()), answer.read().decode("utf-8", "replace")
    finally:
        connection.close()


AUTH = {"Authorization": f"token {TOKEN}"}
PATHS = ["/", "/voila/static/voila.js", APP, "/kit/api/kernels", "/voila/files/README.md", "/voila/tree/", "/login", "/api/kernels/x"]


def test_the_start_message_prints_the_address_with_its_token(served):
    port, _drafts = served
    printed = (ARTIFACTS / f"run-{os.getpid()}" / "kit-app.log").read_text(encoding="utf-8")
    assert f"http://127.0.0.1:{port}/?token={TOKEN}" in printed
    assert f"http://127.0.0.1:{port}{APP}?token={TOKEN}" in printed


@pytest.mark.parametrize("path", PATHS)
def test_without_the_token_nothing_is_served(served, path):
    port, _drafts = served
    for headers in ({}, {"Authorization": "token wrong-token-000"}, {"Cookie": f"kit-app-{port}=0123"}):
        status, _headers, text = request(port, path, headers=headers)
        assert status == 403, (path, headers)
        assert "请使用带口令的地址" in text and "我的草稿" not in text and "voila" not in text.lower()
    status, _headers, _text = request(port, path.replace("?", "&") + ("&" if "?" in path else "?") + "token=wrong-token-000")
    assert status == 403


def test_a_post_without_the_token_is_refused_in_chinese_and_changes_nothing(served):
    port, drafts = served
    before = sorted(p.name for p in drafts.iterdir())
    status, _headers, text = request(port, "/kit/new", method="POST", body="name=%E5%85%A5%E4%BE%B5&type=plan",
                                     headers={"Origin": f"http://127.0.0.1:{port}"})
    assert status == 403 and "请使用带口令的地址" in text
    assert sorted(p.name for p in drafts.iterdir()) == before


def test_the_token_in_the_address_sets_a_cookie_and_drops_the_token_from_the_address(served):
    port, _drafts = served
    status, headers, _text = request(port, f"/voila/render/notebooks/summary.ipynb?draft=a.yaml&token={TOKEN}")
    assert status == 302 and headers["Location"] == "/voila/render/notebooks/summary.ipynb?draft=a.yaml"
    cookie = headers["Set-Cookie"]
    assert cookie.startswith(f"kit-app-{port}=") and "HttpOnly" in cookie and "SameSite=Strict" in cookie and TOKEN not in cookie
    value = cookie.split(";", 1)[0].split("=", 1)[1]
    status, _headers, text = request(port, "/", headers={"Cookie": f"kit-app-{port}={value}"})
    assert status == 200 and "我的草稿" in text
    status, _headers, _text = request(port, "/", host=f"localhost:{port}", headers=AUTH)
    assert status == 200


@pytest.mark.parametrize("host", ["evil.example:{port}", "evil.example", "127.0.0.1:{other}", "localhost.evil.example:{port}", "192.168.1.10:{port}"])
def test_a_foreign_host_is_refused_even_with_the_token(served, host):
    port, _drafts = served
    host = host.format(port=port, other=port + 1)
    for path in ("/", "/voila/static/voila.js", APP, f"/?token={TOKEN}"):
        status, _headers, text = request(port, path, host=host, headers=AUTH)
        assert status == 403 and "地址不对" in text, (host, path)


@pytest.mark.parametrize("origin", ["http://evil.example", "http://evil.example:{port}", "null", "http://127.0.0.1:{other}"])
def test_a_foreign_origin_is_refused_even_with_the_token(served, origin):
    port, drafts = served
    origin = origin.format(port=port, other=port + 1)
    before = sorted(p.name for p in drafts.iterdir())
    for method, path, body in (("GET", "/", None), ("GET", "/kit/api/kernels", None), ("POST", "/kit/new", "name=x&type=plan")):
        status, _headers, text = request(port, path, method=method, body=body, headers={**AUTH, "Origin": origin})
        assert status == 403 and "其他网页" in text, (origin, method, path)
    assert sorted(p.name for p in drafts.iterdir()) == before


# -- the kernel websocket -------------------------------------------------------------------------


def a_kernel(port: int) -> str:
    """A running kernel's id: rendering an app page starts one."""
    def running() -> list[str]:
        return [k["id"] for k in json.loads(request(port, "/kit/api/kernels", headers=AUTH)[2])]

    known = running()
    status, _headers, _text = request(port, "/voila/render/notebooks/summary.ipynb", headers=AUTH)
    assert status == 200
    fresh = [k for k in running() if k not in known]
    assert fresh
    return fresh[0]


def websocket_status(port: int, kernel: str, *, host: str, origin: str | None, token: bool = True) -> int:
    """101 if the kernel websocket opened, else the HTTP status of the refusal."""
    from tornado.httpclient import HTTPClientError, HTTPRequest
    from tornado.websocket import WebSocketClosedError, websocket_connect

    headers = {"Host": host, **(AUTH if token else {})}
    if origin is not None:
        headers["Origin"] = origin

    async def attempt() -> int:
        url = f"ws://127.0.0.1:{port}/api/kernels/{kernel}/channels"
        try:
            connection = await websocket_connect(HTTPRequest(url, headers=headers, request_timeout=60))
        except HTTPClientError as exc:
            return exc.code
        except WebSocketClosedError:
            return 0
        connection.close()
        return 101

    return asyncio.run(attempt())


def test_the_kernel_websocket_opens_only_for_the_served_host_and_origin_with_the_token(served):
    port, _drafts = served
    kernel = a_kernel(port)
    own_host, own_origin = f"127.0.0.1:{port}", f"http://127.0.0.1:{port}"
    assert websocket_status(port, kernel, host=own_host, origin=own_origin) == 101  # the control: the door is open to the app
    assert websocket_status(port, kernel, host=f"localhost:{port}", origin=f"http://localhost:{port}") == 101
    assert websocket_status(port, kernel, host=f"evil.example:{port}", origin=own_origin) == 403
    assert websocket_status(port, kernel, host=f"evil.example:{port}", origin=f"http://evil.example:{port}") == 403  # DNS rebinding
    assert websocket_status(port, kernel, host=own_host, origin="http://evil.example") == 403
    assert websocket_status(port, kernel, host=own_host, origin="null") == 403
    assert websocket_status(port, kernel, host=own_host, origin=own_origin, token=False) == 403


# -- kernels started ahead --------------------------------------------------------------------------


def pools_filled(run_log: Path, timeout: float = 90) -> None:
    """Wait until Voilà has logged each app's pool as filled."""
    deadline = time.monotonic() + timeout
    while len(set(re.findall(r"Kernel pool of (\S+) is filled", run_log.read_text(encoding="utf-8")))) < 3:
        assert time.monotonic() < deadline, "the apps' kernels were not started ahead within 90 s"
        time.sleep(0.3)


def test_an_app_page_gets_a_kernel_started_ahead_which_opens_the_draft_named_in_the_address(served):
    port, drafts = served
    run_log = drafts.parent / "kit-app.log"
    pools_filled(run_log)
    listed = [k["id"] for k in json.loads(request(port, "/kit/api/kernels", headers=AUTH)[2])]
    name = "地址里的草稿.yaml"
    shutil.copyfile(ROOT / "sample_data" / "consolation_budget.yaml", drafts / name)
    from urllib.parse import quote

    status, _headers, _page = request(port, f"{APP}?draft={quote(name)}", headers=AUTH)
    assert status == 200
    taken = re.findall(r"Using pre-heated kernel: (\S+) for notebooks/consolation_budget.ipynb", run_log.read_text(encoding="utf-8"))
    assert taken, "the page did not get a kernel started ahead"
    now = [k["id"] for k in json.loads(request(port, "/kit/api/kernels", headers=AUTH)[2])]
    assert taken[-1] in now and taken[-1] not in listed  # listed once a page has it, never while it waits
    state = json.loads((drafts / ".kit-state.json").read_text(encoding="utf-8"))
    assert state["last"]["consolation"] == name  # the kernel waited for the address before choosing the draft
    assert "kit-unread-address" not in _page


def test_the_kernel_key_opens_only_the_request_of_a_waiting_kernel(served):
    port, _drafts = served
    kernel = a_kernel(port)
    key = Door(port, TOKEN).kernel_key
    own = f"127.0.0.1:{port}"

    async def attempt(path: str, authorization: str) -> int:
        from tornado.httpclient import HTTPClientError, HTTPRequest
        from tornado.websocket import websocket_connect

        headers = {"Host": own, "Authorization": authorization}
        try:
            connection = await websocket_connect(HTTPRequest(f"ws://127.0.0.1:{port}{path}", headers=headers, request_timeout=60))
        except HTTPClientError as exc:
            return exc.code
        connection.close()
        return 101

    assert asyncio.run(attempt(f"/api/kernels/{kernel}/channels", f"kit-kernel {key}")) == 403
    assert asyncio.run(attempt(f"/voila/query/{kernel}", "kit-kernel not-the-key")) == 403
    assert asyncio.run(attempt(f"/voila/query/{kernel}", f"kit-kernel {key}")) == 101  # the control


# -- in the browser -------------------------------------------------------------------------------


@pytest.fixture()
def browser():
    missing = not CHROMIUM.exists()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing = True
    if missing:
        if os.environ.get("KIT_REQUIRE_BROWSER") == "1":
            pytest.fail("chromium 或 playwright 不可用，但设置了 KIT_REQUIRE_BROWSER=1")
        pytest.skip("chromium 或 playwright 不可用")
    from playwright.sync_api import expect

    expect.set_options(timeout=90_000)
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


def test_a_browser_without_the_token_sees_the_chinese_refusal_only(served, browser):
    port, _drafts = served
    page = browser.new_context().new_page()
    answer = page.goto(f"http://127.0.0.1:{port}{APP}", wait_until="domcontentloaded")
    assert answer.status == 403
    assert page.locator("h1").inner_text() == "请使用带口令的地址"
    assert page.locator(".kit-generate").count() == 0
    page.goto(f"http://127.0.0.1:{port}/?token={TOKEN}", wait_until="domcontentloaded")  # the printed address
    assert page.url == f"http://127.0.0.1:{port}/" and page.locator("h1").inner_text() == "方案工坊"
    page.context.close()


def tab(browser, port: int, draft: str):
    """A new browser context (its own cookies, as a second window) on the consolation app for *draft*."""
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 1500, "height": 1100})
    page = context.new_page()
    page.set_default_timeout(90_000)
    said: list[str] = []  # the browser console, shown if the form never comes
    page.on("console", lambda message: said.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: said.append(f"pageerror: {error}"))
    page.goto(f"http://127.0.0.1:{port}{APP}?draft={draft}&token={TOKEN}", wait_until="domcontentloaded")
    form, no_form = page.locator(".kit-budget-count-0 input"), page.locator("#kit-no-form")
    try:
        expect(form.or_(no_form)).to_be_visible()
        if no_form.is_visible():  # the page never reached its kernel: do what the notice says, once, and say so
            print(f"\n{draft}: 表单没有显示出来，按提示重新打开一次\n-- browser console:\n" + "\n".join(said[-40:]))
            page.locator(".kit-reopen").click()
        expect(form).to_be_visible()
    except AssertionError as exc:
        log = next(ARTIFACTS.glob(f"run-{os.getpid()}/kit-app.log")).read_text(encoding="utf-8")
        raise AssertionError(f"{exc}\n-- browser console:\n" + "\n".join(said[-40:]) + "\n-- kit app log (end):\n" + log[-6000:]) from None
    return page


def test_a_page_that_cannot_reach_its_kernel_says_so_in_chinese_and_reopens(served, browser):
    """The form is widgets, shown once the page reaches its kernel. With the kernel's websocket held
    back, the clerk gets a Chinese notice instead of a page without its form; 重新打开 then works."""
    from playwright.sync_api import expect

    port, drafts = served
    shutil.copyfile(ROOT / "sample_data" / "consolation_budget.yaml", drafts / "连不上.yaml")
    held = [True]

    def kernel_socket(ws) -> None:
        if not held[0]:
            ws.connect_to_server()  # otherwise the socket opens and nothing ever answers

    context = browser.new_context(viewport={"width": 1500, "height": 1100})
    page = context.new_page()
    page.route_web_socket(re.compile(r"/api/kernels/[^/]+/channels"), kernel_socket)
    page.goto(f"http://127.0.0.1:{port}{APP}?draft=连不上.yaml&token={TOKEN}", wait_until="domcontentloaded")
    notice = page.locator("#kit-no-form")
    expect(notice).to_be_visible(timeout=60_000)
    assert page.locator(".kit-budget-count-0").count() == 0
    assert "正在打开表单" in page.evaluate("getComputedStyle(document.querySelector('.kit-widget-slot > .jp-OutputArea-output'), '::before').content")
    english = page.evaluate("""() => Array.from(document.querySelectorAll('#rendered_cells *')).filter(e => !['SCRIPT', 'STYLE'].includes(e.tagName) && getComputedStyle(e).fontSize !== '0px'
        && Array.from(e.childNodes).some(n => n.nodeType === 3 && /[A-Za-z]{3,}/.test(n.textContent))).map(e => e.textContent)""")
    assert english == []  # ipywidgets' "Loading widget..." is not shown
    text = notice.inner_text()
    assert "表单没有显示出来" in text and "重新打开" in text and not re.search("[A-Za-z]{3,}", text)
    shot(page, "no_form_notice")
    held[0] = False
    page.locator(".kit-reopen").click()
    expect(page.locator(".kit-budget-count-0 input")).to_be_visible()
    expect(page.locator(".kit-budget-count-0 input")).to_have_value("15")
    page.wait_for_timeout(1500)  # the watch looks once a second: the notice must not come back
    assert notice.count() == 0
    context.close()


def set_number(page, css: str, value: str) -> None:
    box = page.locator(f"{css} input")
    box.fill(value)
    box.press("Tab")


def saved(page) -> None:
    from playwright.sync_api import expect

    expect(page.locator(".kit-status")).to_contain_text("已自动保存")


def on_disk(path: Path, line: int, count: int, timeout: float = 90) -> None:
    """Wait until the draft file has *count* people on budget line *line*."""
    deadline = time.monotonic() + timeout
    while load_draft(path).sections["budget"].lines[line].count != count:
        assert time.monotonic() < deadline, f"line {line} never saved as {count}"
        time.sleep(0.1)


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def test_two_tabs_editing_different_fields_of_one_draft_both_keep_their_edit(served, browser):
    from playwright.sync_api import expect

    port, drafts = served
    shutil.copyfile(ROOT / "sample_data" / "consolation_budget.yaml", drafts / DRAFT)
    first, second = tab(browser, port, DRAFT), tab(browser, port, DRAFT)
    set_number(first, ".kit-budget-count-0", "16")
    saved(first)
    expect(first.locator(".kit-budget-total .kit-value")).to_have_text("3420")
    set_number(second, ".kit-budget-count-1", "4")  # this tab still shows 15 for the first line
    saved(second)
    lines = load_draft(drafts / DRAFT).sections["budget"].lines
    assert (lines[0].count, lines[1].count) == (16, 4)
    expect(second.locator(".kit-elsewhere")).to_contain_text("另一个窗口")
    expect(second.locator(".kit-budget-count-0 input")).to_have_value("16")  # shown now
    expect(second.locator(".kit-budget-total .kit-value")).to_have_text("3570")
    shot(second, "two_tabs_merged")

    set_number(first, ".kit-budget-count-2", "5")  # the same field in both: the second is told
    saved(first)
    on_disk(drafts / DRAFT, 2, 5)  # the status already said 已自动保存 (for 16): wait for this save itself
    set_number(second, ".kit-budget-count-2", "7")
    expect(second.locator(".kit-budget-count-2-error")).to_contain_text("另一个窗口")
    expect(second.locator(".kit-status")).to_contain_text("未保存")
    expect(second.locator(".kit-budget-count-2 input")).to_have_value("7")  # the clerk's input stays on screen
    shot(second, "two_tabs_same_field")
    lines = load_draft(drafts / DRAFT).sections["budget"].lines
    assert (lines[0].count, lines[1].count, lines[2].count) == (16, 4, 5)
    english = [t for t in second.locator(".kit-elsewhere, .kit-status, .kit-budget-count-2-error").all_inner_texts() if re.search("[A-Za-z]{3,}", t)]
    assert english == []
    for page in (first, second):
        page.context.close()
