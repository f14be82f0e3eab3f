"""The one union–find: chains make one group, and a group keeps the name of its first root."""

from diagnostic.groups import DisjointSets


def test_a_chain_of_pairs_makes_one_group_and_separate_items_stay_apart():
    groups = DisjointSets("ABCDE")
    assert groups.join("A", "B") and groups.join("C", "B") and groups.join("D", "E")
    assert not groups.join("C", "A")  # already together through B
    assert groups.roots("ABCDE") == ["C", "C", "C", "D", "D"]
    assert "A" in groups and "Z" not in groups
