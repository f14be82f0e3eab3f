"""Groups of records joined pair by pair: the one union–find of the package.

Used wherever pairs of records are declared the same — situations reported twice (step 3,
section II-A, note 15), ads of one person (step 7, section II-B) — so that "A is B and B is
C" makes one group.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable


class DisjointSets:
    """Disjoint groups of `items`, each named by one of its members (its root)."""

    def __init__(self, items: Iterable[Hashable]):
        self.parent = {item: item for item in items}

    def __contains__(self, item: Hashable) -> bool:
        return item in self.parent

    def root(self, item: Hashable) -> Hashable:
        """The member that names `item`'s group (paths halved on the way)."""
        parent = self.parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def join(self, a: Hashable, b: Hashable) -> bool:
        """Put `a` and `b` in one group, named by `a`'s root; False when they already were."""
        ra, rb = self.root(a), self.root(b)
        if ra == rb:
            return False
        self.parent[rb] = ra
        return True

    def roots(self, items: Iterable[Hashable]) -> list[Hashable]:
        """The group of each item, in order."""
        return [self.root(item) for item in items]
