"""Shared by the serve benchmarks: start `proceedings serve --watch` on a free
loopback port, and find a session file of a site or corpus to edit."""
import os
import re
import subprocess
import sys

DEFAULT_BIN = os.path.join(os.path.dirname(__file__), "..", "target", "release", "proceedings")


def start(binary, site):
    """Returns (process, port) once the server prints its address."""
    server = subprocess.Popen([binary, "serve", site, "--watch", "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    for line in server.stdout:
        m = re.match(r"serving http://127\.0\.0\.1:(\d+)/", line)
        if m:
            return server, int(m.group(1))
    server.terminate()
    sys.exit("the server did not start")


def first_session(site):
    """The first session file of SITE/sessions/ or SITE/content/sessions/."""
    sessions = os.path.join(site, "sessions")
    if not os.path.isdir(sessions):
        sessions = os.path.join(site, "content", "sessions")
    return next(os.path.join(d, f) for d, _, fs in sorted(os.walk(sessions)) for f in sorted(fs) if f.endswith(".md"))
