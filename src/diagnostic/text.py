"""Small text helpers shared by the readers and the synthetic world."""

from __future__ import annotations

import multiprocessing
import os
import re
import signal
import unicodedata

import numpy as np
import pandas as pd


# The combining accents of the Latin alphabet, removed in one pass (a million ads).
_COMBINING_ACCENTS = re.compile("[\u0300-\u036f]+")


def without_accents(text: str) -> str:
    """"Béthune" → "Bethune": the spelling of many ads and exports (every nonspacing mark removed)."""
    if text.isascii():
        return text
    text = _COMBINING_ACCENTS.sub("", unicodedata.normalize("NFD", text))
    return text if text.isascii() else "".join(c for c in text if unicodedata.category(c) != "Mn")


def any_of(words) -> str:
    """A pattern matching any of `words` (literal strings), the longest first: their common
    prefixes written once ("blond(?:e(?: naturelle)?)?"), which the regular expression engine
    tries in a few steps where a list of the words in turn tries each (a million ads)."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}   # a word ends here

    def pattern(node: dict) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body   # a longer word first, then the one ending here

    return pattern(tree)


# From this many rows, `each` (and `per_distinct`) shares them between processes, one per core
# (a national corpus); below it, one process does all (a département's sheet, a test).
SHARED_FROM = 100_000
_WORK: tuple = ()   # (function, rows) while the processes of `in_parts` run


def per_distinct(function, *columns) -> list:
    """`function(*row)` for every row of the `columns` (equal lengths, no missing values),
    computed once per distinct row (`each`): a million ads repeat their numbers, pseudonyms, texts."""
    values = [np.asarray(column, dtype=object) for column in columns]
    codes = np.zeros(len(values[0]), dtype=np.int64)
    for column in values:   # each row's distinct combination, numbered in order of appearance
        column_codes, uniques = pd.factorize(column)
        codes = pd.factorize(codes * (len(uniques) + 1) + column_codes)[0]
    first = np.zeros(codes.max() + 1 if len(codes) else 0, dtype=np.int64)
    first[codes[::-1]] = np.arange(len(codes))[::-1]   # the first row of each combination
    rows = [column[first] for column in values]
    results = each(function, list(zip(*rows)) if len(rows) > 1 else list(rows[0]), unpack=len(rows) > 1)
    return [results[code] for code in codes]


def each(function, rows: list, unpack: bool = False) -> list:
    """`function(row)` (`function(*row)` if `unpack`) for every row, in order; from
    `SHARED_FROM` rows, shared between one forked process per core (`in_parts`)."""
    apply = (lambda part: [function(*row) for row in part]) if unpack else (lambda part: [function(row) for row in part])
    return [result for part in in_parts(apply, rows) for result in part]


def in_parts(function, rows: list) -> list:
    """`function(part)` for consecutive parts of `rows`, in order: one part below
    `SHARED_FROM` rows, else four per core, computed by one forked process per core.
    A function that returns a few arrays per part sends its results back at once, where
    one result per row would be pickled row by row."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if len(rows) < SHARED_FROM or cores < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [function(rows)]
    global _WORK
    _WORK = (function, rows)   # inherited by the forked processes: nothing pickled but results
    try:
        step = -(-len(rows) // (4 * cores))
        pool = multiprocessing.get_context("fork").Pool(cores, initializer=_worker_signals)
        try:
            return pool.map(_part, [(low, min(low + step, len(rows))) for low in range(0, len(rows), step)])
        except BaseException:   # an error or a stop: the processes are killed
            pool.terminate()
            raise
        finally:
            pool.close()   # done: the processes end by themselves, no signal sent to them
            pool.join()
    finally:
        _WORK = ()


def _worker_signals() -> None:
    """A forked process leaves Ctrl-C to its parent and dies of a stop (SIGTERM): the
    handlers it inherits (the command's, which raise to clean up) could leave it blocked
    on its pool's queue while the parent waits for it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _part(bounds: tuple[int, int]):
    function, rows = _WORK
    return function(rows[bounds[0]:bounds[1]])


def slug(label: str, length: int = 40) -> str:
    """A label as an identifier: "Moins de 15 ans" → "moins_de_15_ans" (lower-case ASCII words)."""
    words = re.findall(r"[a-z0-9]+", without_accents(str(label)).lower())
    return "_".join(words)[:length]
