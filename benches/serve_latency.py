#!/usr/bin/env python3
"""Save-to-reload latency of `proceedings serve --watch`.

    python3 benches/serve_latency.py CORPUS_DIR [--runs 10] [--bin target/release/proceedings]

Starts the server on a free loopback port, listens to its live-reload events
(/__proceedings/events), then appends a line to one session file RUNS times and
measures the time from the write to the `reload` event reaching the client.
Prints every sample and the median. Standard library only.
"""
import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import time


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--bin", default=os.path.join(os.path.dirname(__file__), "..", "target", "release", "proceedings"))
    args = ap.parse_args()

    server = subprocess.Popen([args.bin, "serve", args.corpus, "--watch", "--port", "0"],
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
        events = socket.create_connection(("127.0.0.1", port))
        events.settimeout(60)
        events.sendall(b"GET /__proceedings/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        stream = events.makefile("rb")

        def wait_reload():
            for raw in stream:
                if raw.strip() == b"event: reload":
                    return
            sys.exit("event stream closed")

        sessions = os.path.join(args.corpus, "content", "sessions")
        if not os.path.isdir(sessions):
            sessions = os.path.join(args.corpus, "sessions")
        target = next(os.path.join(d, f) for d, _, fs in sorted(os.walk(sessions)) for f in sorted(fs) if f.endswith(".md"))
        samples = []
        for i in range(args.runs):
            time.sleep(0.3)  # let the previous rebuild settle
            start = time.perf_counter()
            with open(target, "a", encoding="utf-8") as fh:
                fh.write(f"\nEdit {i}.\n")
            wait_reload()
            samples.append((time.perf_counter() - start) * 1000)
            print(f"run {i + 1}: {samples[-1]:.0f} ms", flush=True)
        print(f"median save-to-reload: {statistics.median(samples):.0f} ms over {len(samples)} edits")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
