"""Statistical disclosure control for tables and maps about persons.

In a small territory, "2 persons, minors, in such commune" can be enough to recognise
someone. Every published count of persons below a threshold (5 by default) is
suppressed (primary suppression); where a row or a column then has a single suppressed
cell, the next smallest cell of that row or column is suppressed too (secondary
suppression), so that the hidden count cannot be recovered from the totals.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

DEFAULT_THRESHOLD = 5


def suppression_mask(table: pd.DataFrame, threshold: int = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """Which cells of a table of counts to hide (True), with secondary suppression.

    The margins (row and column totals) are assumed published: a row or column with
    exactly one hidden cell gets a second one, its smallest other non-zero cell.
    """
    values = table.to_numpy(dtype=float)
    hidden = (values > 0) & (values < threshold)
    changed = True
    while changed:
        changed = False
        for axis in (0, 1):
            lines = hidden if axis == 1 else hidden.T
            data = values if axis == 1 else values.T
            for k in range(lines.shape[0]):
                if lines[k].sum() == 1:
                    candidates = np.where(~lines[k] & (data[k] > 0), data[k], np.inf)
                    if np.isfinite(candidates.min()):
                        lines[k, int(np.argmin(candidates))] = True
                        changed = True
    return pd.DataFrame(hidden, index=table.index, columns=table.columns)


def _labels(values: pd.DataFrame, hidden: pd.DataFrame, threshold: int) -> pd.DataFrame:
    """Text of each cell: the count, "< 5" for a small count, "masqué" for a cell hidden
    only so that a small one cannot be recovered."""
    small = (values > 0) & (values < threshold)
    text = values.astype(int).astype(str)
    return text.mask(hidden & ~small, "masqué").mask(small, f"< {threshold}")


def protect(counts: pd.Series, threshold: int = DEFAULT_THRESHOLD) -> pd.Series:
    """A one-way table of counts (with a published total) as text, small counts hidden."""
    frame = counts.to_frame()
    return _labels(frame, suppression_mask(frame, threshold), threshold).iloc[:, 0]


def protect_table(table: pd.DataFrame, threshold: int = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """A two-way table of counts as text, small counts and their complements hidden."""
    return _labels(table, suppression_mask(table, threshold), threshold)
