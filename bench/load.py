"""Draft loading: drafts per second with libyaml (the C path of kit.yamlio) against the pure-Python loader.

    .venv/bin/python bench/load.py [--rounds N]

In one run, interleaved (C, pure, C, pure, …; each round loads every sample draft many times),
three measures on the sample drafts (sample_data/*.yaml):

1. ``kit.yamlio.loads``: the YAML alone (exact decimals, duplicate keys, bounds);
2. ``kit.drafts.parse_draft``: YAML and validation into a ``Draft`` (what ``kit check``,
   ``kit render``, ``kit batch`` and the app do per draft);
3. PyYAML's own loaders for scale: ``yaml.CSafeLoader`` and ``yaml.SafeLoader`` (floats, no checks).

Printed: the median of the rounds in drafts per second, and the ratio C / pure.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kit import yamlio  # noqa: E402
from kit.drafts import parse_draft  # noqa: E402

REPEAT = 20  # loads of each sample per round


def rate(texts: list[str], load) -> float:
    """Drafts per second over REPEAT loads of each text."""
    start = time.perf_counter()
    for _ in range(REPEAT):
        for text in texts:
            load(text)
    return REPEAT * len(texts) / (time.perf_counter() - start)


def pure_parse(text: str):
    saved = yamlio._CLoader
    yamlio._CLoader = None  # the pure loader for loads and for line_of
    try:
        return parse_draft(text)
    finally:
        yamlio._CLoader = saved


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args(argv)
    if not yamlio.HAS_LIBYAML:
        print("PyYAML here has no libyaml: nothing to compare")
        return 1
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "sample_data").glob("*.yaml"))]
    assert all(yamlio._with_c(t, None) for t in texts), "a sample would not take the C path"
    assert all(yamlio.loads(t) == yamlio.loads(t, use_c=False) for t in texts)
    size = sum(len(t.encode()) for t in texts) / len(texts)
    measures = {
        "kit.yamlio.loads, libyaml": lambda t: yamlio.loads(t),
        "kit.yamlio.loads, pure": lambda t: yamlio.loads(t, use_c=False),
        "parse_draft, libyaml": parse_draft,
        "parse_draft, pure": pure_parse,
        "yaml.CSafeLoader (no checks)": lambda t: yaml.load(t, Loader=yaml.CSafeLoader),  # noqa: S506
        "yaml.SafeLoader (no checks)": lambda t: yaml.load(t, Loader=yaml.SafeLoader),  # noqa: S506
    }
    for load in measures.values():  # warm up: imports, the model's schema
        rate(texts[:1], load)
    rates: dict[str, list[float]] = {name: [] for name in measures}
    for _ in range(args.rounds):
        for name, load in measures.items():
            rates[name].append(rate(texts, load))
    med = {name: statistics.median(v) for name, v in rates.items()}
    print(f"{len(texts)} sample drafts ({size / 1024:.1f} KB on average), {args.rounds} interleaved rounds of {REPEAT} loads each; drafts per second, median [min–max]:")
    for name, values in rates.items():
        print(f"  {name:32} {med[name]:8.0f}  [{min(values):.0f}–{max(values):.0f}]  ({1000 / med[name]:.2f} ms per draft)")
    print(f"C / pure: kit.yamlio.loads {med['kit.yamlio.loads, libyaml'] / med['kit.yamlio.loads, pure']:.1f}×, "
          f"parse_draft {med['parse_draft, libyaml'] / med['parse_draft, pure']:.1f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
