"""The test tools as `make test` runs them: the tests of one `xdist_group` share one worker,
so that a module's books are built once (tests/test_book.py, tests/test_premiere_edition.py)."""

import os
import subprocess
import sys

GROUPED = '''
import os
from pathlib import Path

import pytest

pytestmark = pytest.mark.xdist_group("livres")


@pytest.mark.parametrize("k", range(6))
def test_grouped(k):
    (Path(__file__).parent / f"{k}.worker").write_text(os.environ["PYTEST_XDIST_WORKER"])
'''


def test_the_tests_of_a_group_run_in_one_worker(tmp_path):
    # pytest 9.2 with pytest-xdist 3.8 silently stops grouping (pytest-xdist issue 1386): each
    # worker then builds the module's books again
    (tmp_path / "test_grouped.py").write_text(GROUPED, encoding="utf-8")
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    alone = {name: value for name, value in os.environ.items() if not name.startswith("PYTEST_")}  # not this run's
    done = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-n", "2", "--dist", "loadgroup",
                           str(tmp_path)], cwd=tmp_path, env=alone, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-2000:]
    workers = {path.read_text() for path in tmp_path.glob("*.worker")}
    assert len(list(tmp_path.glob("*.worker"))) == 6 and len(workers) == 1, workers
