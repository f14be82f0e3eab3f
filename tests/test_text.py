"""The small text helpers: accents, and computing once per distinct row (shared between processes)."""

import os
import re
import signal

from diagnostic import text


def test_accents_are_removed():
    assert text.without_accents("Béthune, Hénin-Beaumont, Noël") == "Bethune, Henin-Beaumont, Noel"


def _pid_and_upper(value: str) -> tuple[int, str]:
    return os.getpid(), value.upper()


def test_any_of_finds_what_the_list_of_words_longest_first_finds():
    words = ["blond", "blonde", "blonde naturelle", "blondinette", "brun", "yeux bleus", "yeux", "a.b"]
    listed = re.compile(r"\b(" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\b")
    tree = re.compile(r"\b(" + text.any_of(words) + r")\b")
    texts = ["une blonde naturelle, yeux bleus", "blonde naturellement, brune, blondinettes", "yeux bleu",
             "blond blondinette a.b axb yeux  bleus", "brun-blonde", ""]
    assert [tree.findall(t) for t in texts] == [listed.findall(t) for t in texts] == [
        ["blonde naturelle", "yeux bleus"], ["blonde"], ["yeux"], ["blond", "blondinette", "a.b", "yeux"],
        ["brun", "blonde"], []]


def test_each_distinct_row_is_computed_once_in_order(monkeypatch):
    calls = []
    rows = ["b", "a", "b", "c", "a"]
    assert text.per_distinct(lambda v: calls.append(v) or v * 2, rows) == ["bb", "aa", "bb", "cc", "aa"]
    assert calls == ["b", "a", "c"]
    assert text.per_distinct(lambda v, w: v + w, ["x", "x", "y"], ["1", "1", "1"]) == ["x1", "x1", "y1"]
    calls.clear()
    joined = text.per_distinct(lambda *row: calls.append(row) or "".join(row),
                               ["a", "a", "b", "a", "b"], ["x", "y", "x", "x", "x"], ["1", "1", "1", "1", "2"])
    assert joined == ["ax1", "ay1", "bx1", "ax1", "bx2"]
    assert calls == [("a", "x", "1"), ("a", "y", "1"), ("b", "x", "1"), ("b", "x", "2")]


def test_many_distinct_rows_are_shared_between_processes_with_the_same_results(monkeypatch):
    monkeypatch.setattr(text, "SHARED_FROM", 10)
    rows = [f"annonce {k % 500}" for k in range(2_000)]
    found = text.per_distinct(_pid_and_upper, rows)
    assert [value for _, value in found] == [row.upper() for row in rows]
    if len(os.sched_getaffinity(0)) > 1:   # computed in the forked processes, not here
        assert os.getpid() not in {pid for pid, _ in found}


def _signal_handlers(_row):
    return signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)


def test_the_forked_processes_leave_ctrl_c_to_their_parent_and_die_of_a_stop(monkeypatch):
    """A command's handlers raise to clean up; inherited by the processes of a pool, they
    could leave one blocked on the pool's queue while the parent waits for it (seen once
    reading a million ads)."""
    monkeypatch.setattr(text, "SHARED_FROM", 10)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1})   # two processes, whatever the machine
    raising = lambda number, frame: (_ for _ in ()).throw(KeyboardInterrupt)  # noqa: E731
    previous = [signal.signal(number, raising) for number in (signal.SIGINT, signal.SIGTERM)]
    try:
        found = set(text.each(_signal_handlers, list(range(40))))
    finally:
        for number, handler in zip((signal.SIGINT, signal.SIGTERM), previous):
            signal.signal(number, handler)
    assert found == {(signal.SIG_IGN, signal.SIG_DFL)}
