"""Relations, shares and sets of shares: right texts stay silent, one changed figure gives one finding.

Every sentence is written for these tests, in shapes found on real school and union pages.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relation_helpers import figures, pairs

D = Decimal


class TestShares:
    @pytest.mark.parametrize(
        "text",
        [
            "留守儿童17人，占全校学生116人的14.7%。",
            "全校有学生116人。其中留守儿童17人，占14.7%。",
            "全校共有教职工50人，女教师32人，占教职工总数的64%。",
            "学校占地面积12000平方米，入会率达到95%以上。",
        ],
    )
    def test_right_shares_are_silent(self, text):
        assert figures(text) == []

    def test_a_wrong_share(self):
        assert pairs("留守儿童17人，占全校学生116人的16.7%。") == [(D("16.7"), D("14.7"))]
        assert pairs("全校有学生116人。其中留守儿童17人，占15.7%。") == [(D("15.7"), D("14.7"))]

    def test_a_truncated_share_is_a_warning_that_says_so(self):
        (found,) = figures("参加人数33人，占全体会员224人的14%。")  # 14.73 → 15 when rounded
        assert found.severity == "warning" and "截断" in found.message and found.computed == 15

    @settings(max_examples=60, deadline=None)
    @given(whole=st.integers(20, 3000), data=st.data())
    def test_generated_shares(self, whole, data):
        part = data.draw(st.integers(1, whole - 1))
        from kit.money import share_percent

        right = share_percent(D(part), D(whole), 1)
        assert figures(f"其中{part}人，占全校{whole}人的{right}%。") == []
        wrong = right + D("2.0")
        assert pairs(f"其中{part}人，占全校{whole}人的{wrong}%。") == [(wrong, right)]


class TestShareSets:
    def test_answers_that_cover_every_case_add_up_to_100(self):
        assert figures("满意占82.6%，比较满意占13.0%，不满意占4.3%。") == []  # 99.9: rounding of three shares
        (found,) = figures("满意:81% 基本满意:9% 不满意:0%")
        assert (found.stated, found.computed) == (90, 100)

    def test_lists_that_may_not_be_complete_are_left_alone(self):
        assert figures("优秀30%，良好50%，合格15%。") == []
