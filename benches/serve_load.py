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
import time

import urllib.request

import serving


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
    ap.add_argument("--bin", default=serving.DEFAULT_BIN)
    args = ap.parse_args()
    server, port = serving.start(args.bin, args.site)
    try:
        base = f"http://127.0.0.1:{port}"
        paths = ["/", "/sessions/", "/speakers/", "/sdgs/4/", "/assets/style.css", "/no-such-page/", "/feed.xml"]
        before = rss_mb(server.pid)
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.requests) as pool:
            results = list(pool.map(fetch, [base + paths[i % len(paths)] for i in range(args.requests)]))
        failed = sum(1 for s, _ in results if s not in (200, 404))
        slowest = max(t for _, t in results)
        print(f"{args.requests} concurrent requests: {failed} failed, slowest {slowest * 1000:.0f} ms, "
              f"server RSS {before:.0f} -> {rss_mb(server.pid):.0f} MB")

        target = serving.first_session(args.site)
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
