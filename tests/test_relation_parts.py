"""Relations, wholes and parts: right texts stay silent, one changed figure gives one finding.

Every sentence is written for these tests, in shapes found on real school and union pages.
"""

from __future__ import annotations

from relation_helpers import figures, pairs


class TestWholesAndParts:
    def test_bracketed_counts_are_nested_not_parts(self):
        text = "本次共有36名学生获奖，其中甲校20人（女生9人），乙校10人（3人），丙校6人（2人）。"
        assert figures(text) == []
        assert pairs(text.replace("共有36名", "共有38名")) == [(38, 36)]

    def test_overlapping_subgroups_are_not_a_partition(self):
        assert figures("全校教职工50人，其中党员21人，女教师32人，高级教师12人。") == []

    def test_complementary_groups_are(self):
        assert figures("全校学生116人，其中男生62人、女生54人。") == []
        assert pairs("全校学生116人，其中男生60人、女生54人。") == [(116, 114)]

    def test_a_colon_list_after_the_whole(self):
        assert figures("慰问对象共21人：退休教师15人、困难职工4人、生病教师2人。") == []
        assert pairs("慰问对象共22人：退休教师15人、困难职工4人、生病教师2人。") == [(22, 21)]
