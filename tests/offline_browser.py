"""Open built pages in headless Chromium, served on the loopback of a network namespace of
their own: nothing can leave the machine. Run inside `unshare --net` by `render_pages`.

Usage (inside the namespace): python offline_browser.py ROOT RESULT.json PAGE [PAGE…]
[--capture PAGE=FILE.png …]. Writes, for each page, the DOM after scripts ran and the
browser console's messages.
"""

import http.server
import json
import shutil
import subprocess
import sys
import tempfile
import threading
from functools import partial
from pathlib import Path

from diagnostic.run import CHROMIUM_FLAGS

FLAGS = [*CHROMIUM_FLAGS, "--enable-logging=stderr", "--v=0"]  # the console's messages on stderr


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def main(root: str, result: str, pages: list[str], captures: dict[str, str]) -> None:
    subprocess.run(["ip", "link", "set", "lo", "up"], check=False, capture_output=True)
    handler = partial(QuietHandler, directory=root)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    chromium = shutil.which("chromium")
    out = {}
    for page in pages:
        with tempfile.TemporaryDirectory() as profile:
            run = subprocess.run([chromium, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", base + page],
                                 capture_output=True, text=True, timeout=180)
        console = [line for line in run.stderr.splitlines() if ":CONSOLE" in line]
        out[page] = {"dom": run.stdout, "console": console, "code": run.returncode}
    for page, target in captures.items():
        with tempfile.TemporaryDirectory() as profile:
            subprocess.run([chromium, *FLAGS, f"--user-data-dir={profile}", "--window-size=1280,1600",
                            f"--screenshot={target}", base + page], capture_output=True, timeout=180)
    server.shutdown()
    Path(result).write_text(json.dumps(out), encoding="utf-8")


if __name__ == "__main__":
    args = sys.argv[1:]
    captures = dict(a.split("=", 1) for a in args[args.index("--capture") + 1:]) if "--capture" in args else {}
    plain = args[:args.index("--capture")] if "--capture" in args else args
    main(plain[0], plain[1], plain[2:], captures)
