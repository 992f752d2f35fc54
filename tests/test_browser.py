"""The Voilà app in a real browser: edit a count, see the total move, generate the DOCX, reload.

Starts ``kit app --port <free port>`` with a drafts folder under
test-artifacts/browser/ (so Voilà can serve the generated DOCX) and drives
Debian's chromium through Playwright. Skipped when chromium is missing,
unless KIT_REQUIRE_BROWSER=1.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts" / "browser"
CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.browser


def _require_browser() -> None:
    missing = not CHROMIUM.exists()
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing = True
    if missing:
        if os.environ.get("KIT_REQUIRE_BROWSER") == "1":
            pytest.fail("chromium 或 playwright 不可用，但设置了 KIT_REQUIRE_BROWSER=1")
        pytest.skip("chromium 或 playwright 不可用")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def kit_app():
    """A running ``kit app`` on a free port with its own drafts folder; yields (base URL, drafts folder)."""
    _require_browser()
    run = ARTIFACTS / f"run-{os.getpid()}"
    shutil.rmtree(run, ignore_errors=True)
    drafts = run / "drafts"
    drafts.mkdir(parents=True)
    port = _free_port()
    env = {**os.environ, "KIT_DRAFTS_DIR": str(drafts), "PYTHONUNBUFFERED": "1"}
    log = open(run / "kit-app.log", "w", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "kit.cli", "app", "--port", str(port)],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                pytest.fail(f"kit app exited early: {(run / 'kit-app.log').read_text(encoding='utf-8')}")
            try:
                urllib.request.urlopen(base + "/voila/static/voila.js", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("kit app did not answer within 60 s")
                time.sleep(0.3)
        yield base, drafts
    finally:
        proc.terminate()  # Voilà stops its kernels on SIGTERM
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        log.close()
        shutil.copyfile(run / "kit-app.log", ARTIFACTS / "kit-app.log")  # kept for diagnosis
        shutil.rmtree(run, ignore_errors=True)


@pytest.fixture()
def page():
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=90_000)  # a kernel starts per page load; 2 cores may be busy

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context(viewport={"width": 1500, "height": 1100}, accept_downloads=True)
        pg = context.new_page()
        pg.set_default_timeout(90_000)
        console: list[str] = []
        pg.on("console", lambda msg: console.append(f"{msg.type}: {msg.text}"))
        yield pg
        if getattr(pg, "_kit_failed", True):
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            try:
                pg.screenshot(path=str(ARTIFACTS / "last-failure.png"))
            except Exception:  # noqa: BLE001 - diagnostics only
                pass
            (ARTIFACTS / "last-failure-console.txt").write_text("\n".join(console), encoding="utf-8")
        context.close()
        browser.close()


def _docx_text(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_edit_count_generate_docx_and_reload(kit_app, page):
    from playwright.sync_api import expect

    base, drafts = kit_app
    url = f"{base}/voila/render/notebooks/consolation_budget.ipynb"
    page.goto(url, wait_until="domcontentloaded")
    count = page.locator(".kit-budget-count-0 input")
    total = page.locator(".kit-budget-total .kit-value")
    expect(count).to_have_value("15")
    expect(total).to_have_text("3320")

    count.fill("-3")
    count.press("Enter")
    error = page.locator(".kit-budget-count-0-error")
    expect(error).to_contain_text("必须是非负整数")
    expect(page.locator(".kit-budget-count-0.kit-invalid")).to_be_visible()
    expect(total).to_have_text("3320")  # refused: nothing recomputed, nothing saved
    assert "count: 15" in (drafts / "consolation_budget.yaml").read_text(encoding="utf-8")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "invalid_count.png"))

    count.fill("16")
    count.press("Enter")
    expect(error).to_have_text("")
    expect(total).to_have_text("3420")  # exactly one more retired teacher × 100 元
    expect(page.locator(".kit-budget-upper .kit-value")).to_have_text("叁仟肆佰贰拾元整")
    expect(page.locator(".kit-status")).to_contain_text("已自动保存")

    page.locator(".kit-generate").click()
    link = page.locator(".kit-download a")
    expect(link).to_be_visible()
    href = link.get_attribute("href")
    response = page.request.get(page.url.rsplit("/", 1)[0] + "/" + href)
    assert response.ok, f"download link {href} answered {response.status}"
    text = _docx_text(response.body())
    assert "3420" in text and "叁仟肆佰贰拾元整" in text
    on_disk = list((drafts / "out").glob("*.docx"))
    assert len(on_disk) == 1 and "3420" in _docx_text(on_disk[0].read_bytes())

    page.screenshot(path=str(ARTIFACTS / "consolation_budget.png"))
    page.locator(".kit-budget-fix").scroll_into_view_if_needed()  # the total, its 大写 and findings
    page.screenshot(path=str(ARTIFACTS / "consolation_budget_total.png"))

    page.reload(wait_until="domcontentloaded")
    expect(page.locator(".kit-budget-count-0 input")).to_have_value("16")
    expect(page.locator(".kit-budget-total .kit-value")).to_have_text("3420")
    assert "count: 16" in (drafts / "consolation_budget.yaml").read_text(encoding="utf-8")
    page._kit_failed = False


@pytest.mark.parametrize("name, first_input", [("draft_plan.ipynb", ".kit-header-title input"), ("summary.ipynb", ".kit-basics-title input")])
def test_other_notebooks_render_their_forms(kit_app, page, name, first_input):
    from playwright.sync_api import expect

    base, _drafts = kit_app
    page.goto(f"{base}/voila/render/notebooks/{name}", wait_until="domcontentloaded")
    expect(page.locator(first_input)).to_be_visible()
    expect(page.locator(".kit-picker select")).to_be_visible()
    expect(page.locator(".kit-findings")).to_be_visible()
    assert page.locator("text=Traceback").count() == 0
    page.screenshot(path=str(ARTIFACTS / name.replace(".ipynb", ".png")))
    page._kit_failed = False


def test_lab_mode_serves_jupyterlab_on_loopback(tmp_path):
    """``kit app --lab`` prints a tokenised URL that JupyterLab answers (no browser needed)."""
    port = _free_port()
    env = {**os.environ, "KIT_DRAFTS_DIR": str(tmp_path / "drafts"), "PYTHONUNBUFFERED": "1"}
    log_path = tmp_path / "lab.log"
    with open(log_path, "w", encoding="utf-8") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "kit.cli", "app", "--lab", "--port", str(port)],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        try:
            deadline, status = time.monotonic() + 60, None
            while status != 200:
                assert proc.poll() is None, log_path.read_text(encoding="utf-8")
                text = log_path.read_text(encoding="utf-8")
                urls = re.findall(rf"http://127\.0\.0\.1:{port}/lab/\S+token=\S+", text)
                if urls:
                    try:
                        status = urllib.request.urlopen(urls[0], timeout=5).status
                    except OSError:
                        pass
                assert time.monotonic() < deadline, f"JupyterLab did not answer: {text[-2000:]}"
                time.sleep(0.5)
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
