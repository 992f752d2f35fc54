"""The Voilà app in a real browser: edit a count, see the total move, generate the DOCX, reload.

Starts ``kit app --port <free port>`` with a drafts folder under
test-artifacts/browser/ (so Voilà can serve the generated DOCX) and a known
token (``KIT_APP_TOKEN``), and drives Debian's chromium through Playwright;
each page first opens the tokenised address, as the clerk does. Skipped when chromium is missing,
unless KIT_REQUIRE_BROWSER=1.
"""

from __future__ import annotations

import io
import json
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
from urllib.parse import urlparse

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
TOKEN = "browser-test-token-1"
AUTH = {"Authorization": f"token {TOKEN}"}  # for requests made outside the browser


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
    env = {**os.environ, "KIT_DRAFTS_DIR": str(drafts), "KIT_APP_TOKEN": TOKEN, "PYTHONUNBUFFERED": "1"}
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
                urllib.request.urlopen(urllib.request.Request(base + "/voila/static/voila.js", headers=AUTH), timeout=2)
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
def page(kit_app):
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=90_000)  # a kernel starts per page load; 2 cores may be busy

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context(viewport={"width": 1500, "height": 1100}, accept_downloads=True)
        pg = context.new_page()
        pg.set_default_timeout(90_000)
        console: list[str] = []
        pg.on("console", lambda msg: console.append(f"{msg.type}: {msg.text}"))
        pg.goto(f"{kit_app[0]}/?token={TOKEN}", wait_until="domcontentloaded")  # the printed address: sets the cookie
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


APPS = "/voila/render/notebooks/"
LATIN_RUN = re.compile(r"[A-Za-z]{3,}")
FILE_NAME = re.compile(r"[^\s：:（）()]*\.(docx|yaml|bak)\b")

VISIBLE_TEXT_JS = """() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let n;
  while ((n = walker.nextNode())) {
    const el = n.parentElement;
    if (!el || el.closest('script, style, noscript')) continue;
    const rect = el.getBoundingClientRect(), st = getComputedStyle(el);
    if (st.display === 'none' || st.visibility === 'hidden' || rect.width === 0 || rect.height === 0) continue;
    const t = n.textContent.trim();
    if (t) out.push(t);
  }
  document.querySelectorAll('input, textarea').forEach(e => {
    if (e.placeholder) out.push(e.placeholder);
    if (e.type !== 'hidden' && e.getBoundingClientRect().width > 0 && e.value) out.push(e.value);
  });
  document.querySelectorAll('select option:checked').forEach(e => out.push(e.textContent));
  document.querySelectorAll('[title]').forEach(e => {  // tooltips of what can be pointed at
    const r = e.getBoundingClientRect();
    if (r.width > 0 && r.height > 0) out.push(e.getAttribute('title'));
  });
  out.push(document.title);
  return out;
}"""


def goto_app(page, url: str) -> None:
    """Open an app page and wait until its form is there.

    Seen once in CI in some hundred loads: the page arrived with its report cell but without the
    app's widgets, and no error in the server log; the cause is not found yet. A clerk would
    reload; so does this helper, once, and says so on stderr so that a pattern would be noticed.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.goto(url, wait_until="domcontentloaded")
    try:
        page.locator(".kit-generate").wait_for(state="visible", timeout=45_000)
    except PlaywrightTimeout:
        print(f"goto_app: {url} came without its form; reloading once", file=sys.stderr)
        page.reload(wait_until="domcontentloaded")
        page.locator(".kit-generate").wait_for(state="visible", timeout=90_000)


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def english_on_screen(page) -> list[str]:
    """Visible texts with three Latin letters in a row, file names and the GB/T number aside."""
    texts = page.evaluate(VISIBLE_TEXT_JS)
    return [t for t in texts if LATIN_RUN.search(FILE_NAME.sub("", t).replace("GB/T", ""))]


def kernels(base: str) -> list[str]:
    with urllib.request.urlopen(urllib.request.Request(base + "/kit/api/kernels", headers=AUTH), timeout=10) as answer:
        return [k["id"] for k in json.loads(answer.read())]


def wait_saved(page) -> None:
    from playwright.sync_api import expect

    expect(page.locator(".kit-unsaved")).to_have_count(0)
    expect(page.locator(".kit-status")).to_contain_text("已自动保存")


def preview_text(page) -> str:
    return page.frame_locator(".kit-preview iframe").locator("body").inner_text()


def open_tab(page, title: str) -> None:
    page.locator(".lm-TabBar-tab", has_text=title).first.click()


def test_a_new_plan_named_by_the_clerk_comes_back_and_feeds_the_summary(kit_app, page):
    from playwright.sync_api import expect

    base, drafts = kit_app
    page.goto(base + "/", wait_until="domcontentloaded")
    expect(page.locator("h1")).to_have_text("方案工坊")
    page.locator(".kit-new input[name=name]").fill("我校留守儿童之家方案")
    page.locator(".kit-new select").select_option("plan")
    page.locator(".kit-new button").click()
    title = page.locator(".kit-header-title input")
    expect(title).to_be_visible()
    assert "draft=" in page.url
    assert (drafts / "我校留守儿童之家方案.yaml").is_file()

    title.fill("东湖小学留守儿童之家建设方案")  # typed, never left: saved after a pause
    wait_saved(page)
    open_tab(page, "指导思想")
    guiding = page.locator(".kit-guiding-paragraph-0 textarea")
    guiding.fill("以关爱留守儿童健康成长为目标。")
    wait_saved(page)
    page.locator(".kit-add-section-budget").click()
    page.locator(".kit-budget-line-add").click()
    page.locator(".kit-budget-name-0 input").fill("图书及书架")
    amount = page.locator(".kit-budget-component-amount-0-0 input")
    amount.fill("2000")
    amount.press("Tab")
    expect(page.locator(".kit-budget-total .kit-value")).to_have_text("2000")
    wait_saved(page)
    shot(page, "new_plan_filled")

    page.reload(wait_until="domcontentloaded")
    expect(page.locator(".kit-header-title input")).to_have_value("东湖小学留守儿童之家建设方案")
    open_tab(page, "指导思想")
    expect(page.locator(".kit-guiding-paragraph-0 textarea")).to_have_value("以关爱留守儿童健康成长为目标。")
    shot(page, "new_plan_after_reload")

    page.goto(base + "/", wait_until="domcontentloaded")
    row = page.locator(".kit-draft", has_text="我校留守儿童之家方案")
    expect(row).to_contain_text("东湖小学留守儿童之家建设方案")
    expect(row).to_contain_text("建设方案")
    shot(page, "start_page_lists_it")

    page.locator(".kit-job-summary").click()
    expect(page.locator(".kit-plan-choice select")).to_be_visible()
    assert "我校留守儿童之家方案" in page.locator(".kit-plan-choice select option:checked").inner_text()  # the plan last edited
    page.locator(".kit-new-name input").fill("本学期留守儿童之家工作总结")
    page.locator(".kit-new-name input").press("Tab")
    page.locator(".kit-new").click()
    expect(page.locator(".kit-chooser select option:checked")).to_contain_text("本学期留守儿童之家工作总结")
    open_tab(page, "经费使用情况")
    spent = page.locator(".kit-spending-component-amount-0-0 input")
    expect(spent).to_have_value("2000")
    spent.fill("1800")
    spent.press("Tab")
    expect(page.locator(".kit-spending-total .kit-value")).to_have_text("1800")
    page.locator(".kit-generate").click()
    button = page.locator(".kit-download a")
    expect(button).to_be_visible()
    shot(page, "summary_from_own_plan")
    response = page.request.get(page.url.split("?")[0].rsplit("/", 1)[0] + "/" + button.get_attribute("href"))
    assert response.ok
    text = _docx_text(response.body())
    assert "图书及书架预算2000元，实际支出1800元，节余200元。" in text
    assert "预算2000元，实际支出1800元（大写：壹仟捌佰元整），节余200元" in text
    page._kit_failed = False


def test_a_count_change_moves_the_sentence_total_and_upper_and_nothing_turns_red(kit_app, page):
    from playwright.sync_api import expect

    base, drafts = kit_app
    goto_app(page, base + APPS + "consolation_budget.ipynb")
    count = page.locator(".kit-budget-count-0 input")
    expect(count).to_have_value("15")
    expect(page.locator(".kit-budget-total .kit-value")).to_have_text("3320")
    count.fill("16")
    count.press("Tab")
    expect(page.locator(".kit-budget-total .kit-value")).to_have_text("3420")
    expect(page.locator(".kit-budget-upper .kit-value")).to_have_text("叁仟肆佰贰拾元整")
    expect(page.locator(".kit-budget-findings-0")).to_have_text("")
    assert page.locator(".kit-budget-subtotal-0 .kit-bad").count() == 0
    wait_saved(page)
    expect(page.frame_locator(".kit-preview iframe").locator("body")).to_contain_text("全体退休教师16人")
    preview = preview_text(page)
    assert "3420元（大写：叁仟肆佰贰拾元整）" in preview
    page.locator(".kit-budget-count-0").scroll_into_view_if_needed()
    shot(page, "count_changed")
    page.locator(".kit-generate").click()
    expect(page.locator(".kit-download a")).to_be_visible()
    [docx] = list((drafts / "out").glob("*慰问*.docx"))
    text = _docx_text(docx.read_bytes())
    assert "全体退休教师16人" in text and "叁仟肆佰贰拾元整" in text and "3420" in text
    page._kit_failed = False


def test_a_refused_value_blocks_the_document_and_typed_text_survives_a_reload(kit_app, page):
    from playwright.sync_api import expect

    base, drafts = kit_app
    goto_app(page, base + APPS + "consolation_budget.ipynb")
    count = page.locator(".kit-budget-count-1 input")
    expect(count).to_have_value("3")
    before = sorted((drafts / "out").glob("*.docx")) if (drafts / "out").exists() else []
    stamps = [p.stat().st_mtime_ns for p in before]
    count.fill("-3")
    page.locator(".kit-generate").click()  # leaving the field sends the value first
    refused = page.locator(".kit-refused")
    expect(refused).to_contain_text("「慰问费用预算」第2项的「人数」")
    assert [p.stat().st_mtime_ns for p in before] == stamps and sorted((drafts / "out").glob("*.docx")) == before
    shot(page, "refused_value")
    count.fill("3")
    count.press("Tab")
    expect(page.locator(".kit-budget-count-1-error")).to_have_text("")

    open_tab(page, "活动目的")
    text = page.locator(".kit-purpose-paragraph-0 textarea")
    text.click()
    text.press("Control+End")
    text.type("（已补充）")
    expect(page.locator(".kit-purpose-paragraph-0-error")).to_contain_text("未保存")
    shot(page, "unsaved_marker")
    wait_saved(page)  # the typing pause saved it, the field never left
    page.reload(wait_until="domcontentloaded")
    open_tab(page, "活动目的")
    expect(page.locator(".kit-purpose-paragraph-0 textarea")).to_have_value(re.compile("（已补充）$"))
    page._kit_failed = False


def test_chinese_offline_and_kernels_closed_with_their_page(kit_app, page):
    from playwright.sync_api import expect

    base, _drafts = kit_app
    page.set_viewport_size({"width": 1024, "height": 768})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(base + "/", wait_until="domcontentloaded")
    assert english_on_screen(page) == []
    baseline = len(kernels(base))
    for name in ("consolation_budget.ipynb", "draft_plan.ipynb", "summary.ipynb"):
        goto_app(page, base + APPS + name)
        expect(page.locator(".kit-generate")).to_be_visible()
        page.wait_for_timeout(500)
        for title in ("基本情况", "经费预算", "组织领导"):  # codes are never shown, on any tab
            tab = page.locator(".lm-TabBar-tab", has_text=title)
            if tab.count():
                tab.first.click()
                page.wait_for_timeout(300)
                assert english_on_screen(page) == [], (name, title)
        assert english_on_screen(page) == [], name
        assert len(kernels(base)) == baseline + 1
        shot(page, name.replace(".ipynb", "_1024"))
    page.goto(base + "/", wait_until="domcontentloaded")  # the app page closes
    deadline = time.monotonic() + 10
    while len(kernels(base)) > baseline and time.monotonic() < deadline:
        time.sleep(0.2)
    assert len(kernels(base)) == baseline, "the closed page's kernel is still running"
    outside = [u for u in requests if urlparse(u).scheme in ("http", "https", "ws", "wss") and urlparse(u).hostname != "127.0.0.1"]
    assert outside == []
    page._kit_failed = False


def test_deleting_a_section_asks_and_undo_restores_the_file(kit_app, page):
    from playwright.sync_api import expect

    base, drafts = kit_app
    goto_app(page, base + APPS + "consolation_budget.ipynb")
    expect(page.locator(".kit-generate")).to_be_visible()
    path = drafts / "去年的元旦慰问方案.yaml"
    wait_saved_file = path.read_bytes()
    open_tab(page, "慰问时间")
    page.locator(".kit-time-remove-section").click()
    expect(page.locator(".kit-notice")).to_contain_text("要删除「慰问时间」这一节吗")
    assert path.read_bytes() == wait_saved_file  # only asked
    page.locator(".kit-time-confirm-remove").click()
    expect(page.locator(".kit-undo")).to_be_visible()
    assert "慰问时间" not in path.read_text(encoding="utf-8")
    shot(page, "section_deleted")
    page.locator(".kit-undo").click()
    expect(page.locator(".kit-notice")).to_contain_text("已撤销")
    assert path.read_bytes() == wait_saved_file
    page._kit_failed = False


def test_insert_figure_puts_the_reference_at_the_caret(kit_app, page):
    from playwright.sync_api import expect

    base, drafts = kit_app
    goto_app(page, base + APPS + "consolation_budget.ipynb")
    total = page.locator(".kit-budget-total .kit-value")
    expect(total).to_have_text(re.compile(r"^\d+$"))
    total_now = total.inner_text()
    open_tab(page, "活动目的")
    text = page.locator(".kit-purpose-paragraph-0 textarea")
    expect(text).to_have_value(re.compile("^元旦将至，"))
    text.click()
    text.press("Control+Home")
    for _ in range(4):
        text.press("ArrowRight")  # the caret after 元旦将至
    page.wait_for_function(  # the caret has reached its hidden box (and so the kernel) before the choice is made
        """() => { const t = document.querySelector('.kit-purpose-paragraph-0 textarea');
                   const f = t && t.closest('.kit-has-figures'); const b = f && f.querySelector('.kit-caret input');
                   return b && b.value === '4,4'; }"""
    )
    page.wait_for_timeout(300)
    choice = page.locator(".kit-purpose-paragraph-0-figures select")
    label = next(o for o in choice.locator("option").all_inner_texts() if o.startswith("合计："))
    assert label == f"合计：{total_now}"
    choice.select_option(label=label)
    expect(text).to_have_value(re.compile(r"^元旦将至\{\{合计\}\}，"))
    expect(choice).to_have_value("插入数字…")  # ready for the next one
    wait_saved(page)
    assert "元旦将至{{合计}}，" in (drafts / "去年的元旦慰问方案.yaml").read_text(encoding="utf-8")
    expect(page.frame_locator(".kit-preview iframe").locator("body")).to_contain_text(f"元旦将至{total_now}，")
    page.locator(".kit-purpose-paragraph-0").scroll_into_view_if_needed()
    shot(page, "insert_figure")
    text.fill(text.input_value().replace("{{合计}}", ""))  # put the sentence back for the other tests
    wait_saved(page)
    page._kit_failed = False


def test_leaving_with_typed_refused_or_unsaved_input_warns(kit_app, page):
    from playwright.sync_api import expect

    base, drafts = kit_app
    goto_app(page, base + APPS + "consolation_budget.ipynb")
    app_url = page.url
    dialogs: list[str] = []

    def answer(dialog) -> None:
        dialogs.append(dialog.type)
        dialog.dismiss()  # 留在此页

    page.on("dialog", answer)

    def try_to_leave() -> None:
        page.close(run_before_unload=True)  # as closing the tab or reloading does
        page.wait_for_timeout(800)

    count = page.locator(".kit-budget-count-2 input")
    expect(count).to_have_value("2")
    count.click()
    count.press("End")
    count.type("0")  # typed, the box not left: not sent yet
    try_to_leave()
    assert dialogs == ["beforeunload"] and not page.is_closed() and page.url == app_url
    shot(page, "leaving_typed_count_warns")
    count.fill("-2")
    count.press("Tab")  # sent and refused
    expect(page.locator(".kit-budget-count-2-error")).to_contain_text("未保存")
    try_to_leave()
    assert dialogs == ["beforeunload"] * 2 and not page.is_closed()
    count.fill("2")
    count.press("Tab")
    expect(page.locator(".kit-budget-count-2-error")).to_have_text("")
    open_tab(page, "活动目的")
    text = page.locator(".kit-purpose-paragraph-0 textarea")
    text.click()
    text.press("Control+End")
    text.type("又补充")
    expect(page.locator(".kit-unsaved")).to_have_count(1)
    try_to_leave()  # within the typing pause: not saved yet
    assert dialogs == ["beforeunload"] * 3 and not page.is_closed()
    wait_saved(page)
    assert "又补充" in (drafts / "去年的元旦慰问方案.yaml").read_text(encoding="utf-8")
    page.locator(".kit-home").click()  # everything saved: leaves without asking
    expect(page.locator("h1")).to_have_text("方案工坊")
    assert dialogs == ["beforeunload"] * 3
    page._kit_failed = False


def paragraph(path: Path) -> str:
    from kit.drafts import load_draft

    return load_draft(path).sections["purpose"].paragraphs[0]


def test_nothing_half_composed_by_an_input_method_is_saved(kit_app, page):
    from playwright.sync_api import expect

    base, drafts = kit_app
    path = drafts / "去年的元旦慰问方案.yaml"
    goto_app(page, base + APPS + "consolation_budget.ipynb")
    open_tab(page, "活动目的")
    text = page.locator(".kit-purpose-paragraph-0 textarea")
    expect(text).to_have_value(re.compile("。"))
    before = paragraph(path)
    assert text.input_value() == before
    text.evaluate("""(t) => {
      t.focus();
      t.dispatchEvent(new CompositionEvent('compositionstart', {bubbles: true, data: ''}));
      for (const part of ['w', 'we', 'wei', 'wei w', 'wei we', 'wei wen']) {  // pinyin as the input method shows it
        t.value = t.value.replace(/[a-z ]*$/, part);
        t.dispatchEvent(new InputEvent('input', {bubbles: true, isComposing: true, data: part, inputType: 'insertCompositionText'}));
      }
    }""")
    page.wait_for_timeout(2000)  # more than the typing pause: anything sent would be saved by now
    assert page.locator(".kit-unsaved").count() == 0
    assert "wei" not in path.read_text(encoding="utf-8")
    shot(page, "composing")
    text.evaluate("""(t) => {
      t.value = t.value.replace(/wei wen$/, '慰问');
      t.dispatchEvent(new InputEvent('input', {bubbles: true, isComposing: true, data: '慰问', inputType: 'insertCompositionText'}));
      t.dispatchEvent(new CompositionEvent('compositionend', {bubbles: true, data: '慰问'}));
    }""")
    deadline = time.monotonic() + 30
    while paragraph(path) == before and time.monotonic() < deadline:
        time.sleep(0.2)
    assert paragraph(path) == before + "慰问"  # the finished text, once
    wait_saved(page)
    page._kit_failed = False


def test_last_years_docx_is_imported_from_the_top_bar(kit_app, page, tmp_path):
    """从旧文档导入: a .docx written here becomes a new draft with its budget recalculated."""
    import docx
    from playwright.sync_api import expect

    base, drafts = kit_app
    old = docx.Document()
    for line in ("南湖小学2025年春节走访慰问方案", "一、慰问对象", "全体退休教师10人；困难职工2人。", "二、慰问经费预算",
                 "1.退休教师10人，每人慰问品200元，共2000元；", "2.困难职工2人，每人慰问金300元，小计600元。",
                 "合计：2600元（大写：贰仟陆佰元整）。", "南湖小学工会委员会", "2025年1月10日"):
        old.add_paragraph(line)
    old.save(tmp_path / "去年春节慰问.docx")
    goto_app(page, base + APPS + "consolation_budget.ipynb")
    expect(page.locator(".kit-generate")).to_be_visible()
    with page.expect_file_chooser() as chooser:
        page.locator(".kit-import").click()
    chooser.value.set_files(str(tmp_path / "去年春节慰问.docx"))
    expect(page.locator(".kit-import-status")).to_contain_text("已导入「去年春节慰问.docx」")
    expect(page.locator(".kit-chooser select option:checked")).to_contain_text("去年春节慰问")
    expect(page.locator(".kit-budget-count-0 input")).to_have_value("10")
    expect(page.locator(".kit-budget-total .kit-value")).to_have_text("2600")
    expect(page.locator(".kit-budget-upper .kit-value")).to_have_text("贰仟陆佰元整")
    expect(page.frame_locator(".kit-preview iframe").locator("body")).to_contain_text("全体退休教师10人")
    assert (drafts / "去年春节慰问.yaml").is_file()
    assert "{{退休教师.人数}}" in (drafts / "去年春节慰问.yaml").read_text(encoding="utf-8")  # the sentence follows the budget
    shot(page, "imported_docx")
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
