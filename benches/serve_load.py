#!/usr/bin/env python3
"""Load on `proceedings serve --watch`, loopback only, bounded in count and time.

    python3 benches/serve_load.py SITE_DIR [--requests 1000] [--changes 500]

1. Starts the server on a free 127.0.0.1 port.
2. Sends REQUESTS GET requests at once (one thread and connection each) for a mix of
   pages, assets and 404s; reports failures, the slowest answer, and the server's RSS
   before and after (from /proc).
3. Floods the watcher: rewrites one session file CHANGES times as fast as possible,
   then checks the server still answers within a second and reports its RSS.
Standard library only; every loop is bounded and the server is stopped at the end.
"""
import argparse
import concurrent.futures
import os
import re
import subprocess
import sys
import time
import urllib.request


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def fetch(url):
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            r.read()
            status = r.status
    except urllib.error.HTTPError as e:
        status = e.code
    except Exception:  # noqa: BLE001 - any failure counts as one
        status = 0
    return status, time.perf_counter() - start


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("site")
    ap.add_argument("--requests", type=int, default=1000)
    ap.add_argument("--changes", type=int, default=500)
    ap.add_argument("--bin", default=os.path.join(os.path.dirname(__file__), "..", "target", "release", "proceedings"))
    args = ap.parse_args()
    server = subprocess.Popen([args.bin, "serve", args.site, "--watch", "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        port = None
        for line in server.stdout:
            m = re.match(r"serving http://127\.0\.0\.1:(\d+)/", line)
            if m:
                port = int(m.group(1))
                break
        if port is None:
            sys.exit("the server did not start")
        base = f"http://127.0.0.1:{port}"
        paths = ["/", "/sessions/", "/speakers/", "/sdgs/4/", "/assets/style.css", "/no-such-page/", "/feed.xml"]
        before = rss_mb(server.pid)
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.requests) as pool:
            results = list(pool.map(fetch, [base + paths[i % len(paths)] for i in range(args.requests)]))
        failed = sum(1 for s, _ in results if s not in (200, 404))
        slowest = max(t for _, t in results)
        print(f"{args.requests} concurrent requests: {failed} failed, slowest {slowest * 1000:.0f} ms, "
              f"server RSS {before:.0f} -> {rss_mb(server.pid):.0f} MB")

        sessions = os.path.join(args.site, "sessions")
        if not os.path.isdir(sessions):
            sessions = os.path.join(args.site, "content", "sessions")
        target = next(os.path.join(d, f) for d, _, fs in sorted(os.walk(sessions)) for f in sorted(fs) if f.endswith(".md"))
        with open(target, encoding="utf-8") as fh:
            original = fh.read()
        start = time.perf_counter()
        for i in range(args.changes):
            with open(target, "w", encoding="utf-8") as fh:
                fh.write(original + f"\nFlood {i}.\n")
        flood = time.perf_counter() - start
        with open(target, "w", encoding="utf-8") as fh:
            fh.write(original)
        status, took = fetch(base + "/")
        print(f"{args.changes} file changes in {flood:.2f} s: the server answered {status} in {took * 1000:.0f} ms "
              f"right after; RSS {rss_mb(server.pid):.0f} MB")
        time.sleep(3)
        status, took = fetch(base + "/")
        print(f"3 s later: {status} in {took * 1000:.0f} ms, RSS {rss_mb(server.pid):.0f} MB")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
