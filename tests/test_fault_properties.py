"""Property tests for issue 13: random YAML never gives a traceback or a hang, random
documents never crash a check, and any draft the form accepts renders."""

from __future__ import annotations

import io
import time
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
import tempfile

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from faults import WORKED_TEXT
from kit.cli import main
from kit.drafts import DraftError, parse_draft, validate_data
from kit.proof import check_text
from kit.encoding import UnknownEncoding, decode

SLOW = 5.0  # seconds for one example: far above the milliseconds they take

YAML_BITS = st.sampled_from(
    [":", ": ", "- ", "[", "]", "{", "}", "&a ", "*a", "!!int ", "!!float ", "!!timestamp ", "!!binary ", "? ", "|", ">",
     "'", '"', "#", ",", "\n", "\n  ", "\t", "<<: ", "1e99999999", "2024-02-30", "99999999999999999999999999999",
     "0x", "0o7", ".inf", ".nan", "~", "null", "yes", "元", "金额", "count", "amount", "sections", "kind", "ledger",
     "schema_version: 1\n", "%YAML 1.1\n", "---\n", "...\n", "\x00", "\ufeff", "\u202e", "\\u", "\\x"]
)
yaml_texts = st.lists(st.one_of(YAML_BITS, st.text(max_size=5)), max_size=60).map("".join)


@st.composite
def mutated_drafts(draw):
    """The worked draft with a few slices replaced by YAML-ish fragments."""
    text = WORKED_TEXT
    for _ in range(draw(st.integers(1, 4))):
        a = draw(st.integers(0, len(text)))
        b = draw(st.integers(a, min(len(text), a + 40)))
        text = text[:a] + draw(yaml_texts) + text[b:]
    return text


scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=10),
                    st.decimals(allow_nan=False, allow_infinity=False).map(str), st.dates())
plain_data = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=6), inner, max_size=4)), max_leaves=30)


def _parse_quietly(text: str) -> None:
    start = time.perf_counter()
    try:
        parse_draft(text, "随机草稿")
    except DraftError as exc:
        assert exc.format().startswith("草稿「随机草稿」无法使用")
    assert time.perf_counter() - start < SLOW


@settings(max_examples=400, deadline=None)
@given(yaml_texts)
def test_random_yaml_is_a_draft_or_a_draft_error(text):
    _parse_quietly(text)


@settings(max_examples=300, deadline=None)
@given(mutated_drafts())
def test_mutated_drafts_are_drafts_or_draft_errors(text):
    _parse_quietly(text)


@settings(max_examples=200, deadline=None)
@given(plain_data)
def test_any_yaml_data_is_a_draft_or_a_draft_error(data):
    _parse_quietly(yaml.safe_dump({"schema_version": 1, "type": "plan", "x": data}, allow_unicode=True))
    _parse_quietly(yaml.safe_dump(data, allow_unicode=True))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(mutated_drafts(), yaml_texts))
def test_kit_check_on_random_yaml_never_shows_a_traceback(text):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "d.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            code = main(["check", str(path)])
        assert code in (0, 1, 2), err.getvalue()
        assert "Traceback" not in out.getvalue() + err.getvalue()


# -- random documents ------------------------------------------------------------------

DOC_BITS = st.sampled_from(
    ["一、", "（一）", "1.", "（1）", "①", "第一", "二、", "（三）", "3.", "元", "万元", "人", "每人", "共", "合计", "总计",
     "小计", "计", "×", "*", "+", "＋", "=", "＝", "、", "，", "。", "；", "：", "\n", "约", "左右", "至", "-", "~", "%", "％",
     "壹", "贰", "叁", "佰", "仟", "万", "亿", "圆", "整", "零", "拾", "大写", "（", "）", "20xx", "××", "年", "月", "日",
     "慰问金", "退休教师", "其中", "分别", "占", "以上", "不少于", "附件", "篇"]
)
numbers = st.one_of(st.integers(0, 10**6).map(str), st.integers(0, 10**30).map(str),
                    st.decimals(min_value=0, max_value=10**6, places=2).map(str), st.just("1e99999999"))
documents = st.lists(st.one_of(DOC_BITS, numbers, st.text(max_size=4)), max_size=120).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_random_documents_never_crash_a_check(text):
    start = time.perf_counter()
    findings = check_text(text)
    assert time.perf_counter() - start < SLOW
    crashed = [f.message for f in findings if f.kind == "internal"]
    assert crashed == []


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.binary(max_size=400), documents.map(lambda t: t.encode("gb18030", "replace")),
                 documents.map(lambda t: t.encode("utf-16-le", "surrogatepass"))))
def test_any_bytes_decode_or_are_refused(raw):
    try:
        decoded = decode(raw)
    except UnknownEncoding:
        return
    assert isinstance(decoded.text, str)


# -- whatever the form accepts renders ----------------------------------------------------

from test_drafts import draft_dicts  # noqa: E402 - the draft strategy of the draft tests


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(draft_dicts)
def test_any_draft_the_form_accepts_renders(data):
    from kit import check
    from kit.render import docx_bytes, render_html

    try:
        draft = validate_data(data)
    except DraftError:
        return
    assert docx_bytes(draft).startswith(b"PK")
    assert "<" in render_html(draft)
    assert [f for f in check(draft) if f.kind == "internal"] == []
