"""Is a stated figure the kind of slip an author makes, given the figure the relation computes?

Shared by every relation check: a correction is offered only for a plausible slip.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal


def plausible(stated: Decimal, computed: Decimal, keystroke: bool = False) -> bool:
    """Is *stated* the kind of slip an author makes when *computed* is right?

    Real slips are near the right figure (a missed item, a wrong subtotal: within half to
    double) or one keystroke from it (a digit changed, dropped, doubled or two swapped:
    8400 for 84000, 216 for 210). A figure far off in every way means the sentence was
    read wrong more often than it was written wrong, and a confident wrong correction is
    worse than none. With *keystroke*, only the one-keystroke reading counts (a named
    rate far from its parts' ratio more often has another base than a slip).
    """
    a, b = abs(stated), abs(computed)
    if a == b:
        return True
    if not keystroke and a and b and Decimal("0.5") <= a / b <= 2:
        return True
    return _keystrokes(_digits(a), _digits(b)) <= 1


def one_keystroke_apart(whole: Decimal, total: Decimal, parts: list[Decimal]) -> bool:
    """One keystroke in the whole, or in one part, would make the parts add up to the whole. A part put right
    must stay a part: positive, and of two digits or more (a lone digit fits any small gap)."""
    if plausible(whole, total, keystroke=True):
        return True
    return any(whole - total + p >= 10 and plausible(p, whole - total + p, keystroke=True) for p in parts)


def slipped_part(whole: Decimal, total: Decimal, parts: list[Decimal]) -> int | None:
    """The one part whose single keystroke would make the parts add up to *whole*, when the whole itself is not
    one keystroke from their sum (47000 typed 74000 under a 合计 that is right); else None."""
    if plausible(whole, total, keystroke=True):
        return None
    fits = [i for i, p in enumerate(parts) if whole - total + p >= 10 and plausible(p, whole - total + p, keystroke=True)]
    return fits[0] if len(fits) == 1 else None


def transposed(a: Decimal, b: Decimal) -> bool:
    """Are *a* and *b* the same figure with two neighbouring digits swapped (3312 / 3321, 26.93 / 29.63)? The most
    common slip in typing a figure, and one that a sum of unrelated figures meets by chance very rarely."""
    places = max(-a.as_tuple().exponent, -b.as_tuple().exponent, 0)
    x, y = f"{a:.{places}f}", f"{b:.{places}f}"
    if len(x) != len(y) or x == y:
        return False
    at = [i for i in range(len(x)) if x[i] != y[i]]
    return len(at) == 2 and at[1] == at[0] + 1 and x[at[0]] == y[at[1]] and x[at[1]] == y[at[0]] and "." not in x[at[0] : at[1] + 1]


def _digits(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    return text.replace(".", "").lstrip("0") or "0"


def _keystrokes(x: str, y: str) -> int:
    """Edit distance with adjacent swaps (Damerau), capped at 2: enough to tell one slip from more."""
    if abs(len(x) - len(y)) > 1:
        return 2
    prev2: list[int] = []
    prev = list(range(len(y) + 1))
    for i in range(1, len(x) + 1):
        cur = [i] + [0] * len(y)
        for j in range(1, len(y) + 1):
            cost = 0 if x[i - 1] == y[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and x[i - 1] == y[j - 2] and x[i - 2] == y[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return min(prev[-1], 2)


def slipped_count(part: Decimal, whole: Decimal, stated: Decimal, places: int, whole_sure: bool = False) -> tuple[Decimal, Decimal] | None:
    """The count one keystroke would put right so that the share is as written, as (the figure, what it would be).

    130 上线 of 187, 上线率71.43%: 130 of 182 gives 71.43 % — the 187 is the likely slip. Candidates are the
    whole numbers the written share allows; only a few are tried (a wide range is no evidence of a slip). With
    *whole_sure* (other shares give it as written) only the part is tried."""
    if part <= 0 or whole <= 0 or stated <= 0 or part != part.to_integral_value() or whole != whole.to_integral_value():
        return None
    half = Decimal(1).scaleb(-places) / 2
    lo, hi = (stated - half) / 100, (stated + half) / 100
    wholes = range(int(part / hi) + 1, int(part / lo) + 1) if lo > 0 else range(0)
    parts = range(_ceil(whole * lo), int(whole * hi) + 1)  # 168 of 640 is 26.25 %: the edge rounds up, so it counts
    step = Decimal(1).scaleb(-places)
    for w in wholes if len(wholes) <= 50 and not whole_sure else ():
        # a whole only a little larger may leave out a few (入学率 of 3264 children, 3262 once the excused are out)
        if abs(w - whole) * 100 < whole:
            continue
        if plausible(whole, Decimal(w), keystroke=True) and (part * 100 / w).quantize(step, rounding=ROUND_HALF_UP) == stated:
            return whole, Decimal(w)
    for q in parts if len(parts) <= 50 else ():
        if abs(q - part) * 100 < part:
            continue  # as little off as rounding or a few left out: no evidence of a slip
        if plausible(part, Decimal(q), keystroke=True) and (q * 100 / whole).quantize(step, rounding=ROUND_HALF_UP) == stated:
            return part, Decimal(q)
    return None


def _ceil(value: Decimal) -> int:
    return int(value.to_integral_value(rounding=ROUND_CEILING))
