"""The C path of :mod:`kit.yamlio` (libyaml scanning and parsing) reads every draft as the pure loader does.

Same data (decimals exact), same refusals (duplicate keys, aliases, depth, numbers) at the same
lines, and the same Chinese problems with the same lines on every bad draft of tests/bad_drafts.py.
"""

from __future__ import annotations

import string

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bad_drafts import BAD_FIELDS, BAD_FILES, GOOD_TEXT, SAMPLES
from kit import yamlio
from kit.drafts import DraftError, parse_draft

pytestmark = pytest.mark.skipif(not yamlio.HAS_LIBYAML, reason="PyYAML 未带 libyaml")


def outcome(text: str, *, use_c: bool):
    """The data, or the error as (type, problem, line)."""
    try:
        return ("data", yamlio.loads(text, use_c=use_c))
    except yamlio.DuplicateKeyError as exc:
        return ("duplicate", exc.key, exc.line)
    except yaml.MarkedYAMLError as exc:
        return (type(exc).__name__, exc.problem, exc.problem_mark.line if exc.problem_mark else None)
    except yaml.YAMLError as exc:  # the reader's refusals carry no mark
        return (type(exc).__name__, str(exc))


def direct_c(text: str):
    """The C loader alone, without the pure loader taking over on an error."""
    try:
        return ("data", yaml.load(text, Loader=yamlio._CLoader))  # noqa: S506 - safe constructors only
    except yamlio.DuplicateKeyError as exc:
        return ("duplicate", exc.key, exc.line)
    except yamlio.RefusedYAML as exc:
        return ("RefusedYAML", exc.problem, exc.problem_mark.line)
    except yaml.YAMLError as exc:
        return ("error", type(exc).__name__)


def problems(text: str, monkeypatch, *, use_c: bool):
    with monkeypatch.context() as patch:
        if not use_c:
            patch.setattr(yamlio, "_CLoader", None)
        try:
            parse_draft(text, "草稿.yaml")
        except DraftError as exc:
            return [(p.path, p.message, p.line) for p in exc.problems]
    return []


def sample_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.yaml"))]


def test_the_samples_are_read_by_the_c_path_itself_with_the_same_data():
    for text in sample_texts():
        assert yamlio._with_c(text, None)
        direct = direct_c(text)
        assert direct[0] == "data" and direct[1] == yamlio.loads(text, use_c=False)
        assert yamlio.loads(text) == direct[1]


def test_lines_of_paths_are_the_same():
    paths = [("header", "title"), ("sections", "budget", "lines", 2, "components", 0, "amount"), ("sections", "budget", "nope"), ("type",)]
    for path in paths:
        assert yamlio.line_of(GOOD_TEXT, path) == yamlio.line_of(GOOD_TEXT, path, use_c=False) is not None


@pytest.mark.parametrize(("case", "breaks", "path", "fragments"), BAD_FIELDS, ids=[c[0] for c in BAD_FIELDS])
def test_bad_fields_give_the_same_problems_at_the_same_lines(case, breaks, path, fragments, monkeypatch):
    text = breaks(GOOD_TEXT)
    assert outcome(text, use_c=True) == outcome(text, use_c=False)
    c, pure = problems(text, monkeypatch, use_c=True), problems(text, monkeypatch, use_c=False)
    assert c == pure and c, case
    assert any(p[0] == path for p in c)


def _text(raw: bytes) -> str | None:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


TEXT_FILES = [(case, _text(raw)) for case, raw, _fragments in BAD_FILES if _text(raw) is not None]  # the others never reach YAML


@pytest.mark.parametrize(("case", "text"), TEXT_FILES, ids=[c[0] for c in TEXT_FILES])
def test_bad_files_give_the_same_problems_at_the_same_lines(case, text, monkeypatch):
    assert outcome(text, use_c=True) == outcome(text, use_c=False)
    assert problems(text, monkeypatch, use_c=True) == problems(text, monkeypatch, use_c=False)


REFUSALS = [
    ("alias", "a: &x 1\nb: *x\n", "别名"),
    ("deep", "a:\n" + "".join("  " * i + f"- k{i}:\n" for i in range(1, 45)) + "  " * 45 + "- 1\n", "层次太深"),
    ("deep_flow", "a: " + "[" * 60 + "]" * 60 + "\n", "层次太深"),
    ("long_number", "header:\n  n: " + "1" * 41 + "\n", "太长"),
    ("huge_number", "a:\n  b: 1.0e+99999999\n", "过大或过小"),
    ("no_such_date", "x: 1\ndate: 2024-02-30\n", "不存在"),
    ("list_key", "a: 1\n? [1, 2]\n: 3\n", "字段名只能是文字"),
]


@pytest.mark.parametrize(("case", "text", "fragment"), REFUSALS, ids=[r[0] for r in REFUSALS])
def test_the_c_path_itself_refuses_with_the_same_message_at_the_same_line(case, text, fragment):
    pure = outcome(text, use_c=False)
    assert pure[0] == "RefusedYAML" and fragment in pure[1]
    assert direct_c(text) == ("RefusedYAML", pure[1], pure[2])
    assert outcome(text, use_c=True) == pure


def test_the_c_path_itself_names_the_line_of_a_duplicate_key():
    text = GOOD_TEXT.replace("  date: 2023-12-20\n", "  date: 2023-12-20\n  date: 2023-12-21\n", 1)
    assert direct_c(text) == outcome(text, use_c=False) == ("duplicate", "date", 12)


ODD = [
    "a: 1\n\tb: 2\n",  # a tab where indentation is
    "0\t",  # libyaml reads 0, PyYAML refuses the tab
    "a: \"x\ty\"\n",
    "a: \x07\n",  # a control character PyYAML refuses
    "a: x\x85y\nb: 2\n",  # NEL: a line break to YAML 1.1
    "a: x\u2028y\nb: [\n",
    "a: '\ufeff'\n",
    "a: 'it''s'\nb: \"\\x41\\u4e2d\\N\\_\"\nc: |\n  x\n   y\nd: >-\n  p\n  q\n",
    "--- 1\n--- 2\n",
    "%YAML 1.1\n---\na: 1\n",
    "%YAML 2.0\n---\na: 1\n",
    "a: {b: 1, c: [2, 3.50, .inf, -.nan, 0x1F, 0o17, 1_000, 12:30, 2024-01-01, yes, ~]}\n",
    "a: b: c\n",
    "a:\n- 1\n - 2\n",
    "key with spaces: 'unterminated\n",
    "[1, 2\n",
    "a: \"\\q\"\n",
    "? |\n  block key\n: v\n",
    "a: !!binary aGVsbG8=\nb: !!set {x, y}\nc: !!omap [x: 1]\n",
    "a: !custom 1\n",
    "x" * 1100 + ": 1\n",
    "\ud800: 1\n",
]


@pytest.mark.parametrize("text", ODD, ids=range(len(ODD)))
def test_odd_texts_read_the_same(text):
    assert outcome(text, use_c=True) == outcome(text, use_c=False)
    if yamlio._with_c(text, None) and direct_c(text)[0] == "data":
        assert direct_c(text)[1] == outcome(text, use_c=False)[1]


YAMLISH = st.text(alphabet=string.ascii_letters[:6] + string.digits[:4] + " \n\t:-?[]{},#&*!|>'\"%@`.\\_中", max_size=80)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(YAMLISH)
def test_whatever_the_c_path_reads_the_pure_loader_reads_the_same(text):
    assert outcome(text, use_c=True) == outcome(text, use_c=False)
    direct = direct_c(text)
    if yamlio._with_c(text, None) and direct[0] == "data":  # what the C path reads on its own, the pure loader reads the same
        assert outcome(text, use_c=False) == direct
