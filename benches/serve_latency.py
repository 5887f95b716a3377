#!/usr/bin/env python3
"""Save-to-reload latency of `proceedings serve --watch`.

    python3 benches/serve_latency.py CORPUS_DIR [--runs 10]
                                     [--edit body|title|speaker|topic]
                                     [--bin target/release/proceedings]

Starts the server on a free loopback port, listens to its live-reload events
(/__proceedings/events), then edits one session file RUNS times and measures the
time from the write to the `reload` event reaching the client. `--edit body`
(the default) appends a line to the body, which re-renders one page; `--edit
title` changes the title in the front matter, which re-renders that session and
the lists that show it; `--edit speaker` adds a new speaker (a new person each
time, the previous one gone), which also changes the site's people and the
speakers index; `--edit topic` gives the session a new topic, which makes the
server resolve the whole site again. Prints every sample and the median.
Standard library only.
"""
import argparse
import re
import socket
import statistics
import sys
import time

import serving


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--edit", choices=["body", "title", "speaker", "topic"], default="body")
    ap.add_argument("--bin", default=serving.DEFAULT_BIN)
    args = ap.parse_args()

    server, port = serving.start(args.bin, args.corpus)
    target, original = None, None
    try:
        events = socket.create_connection(("127.0.0.1", port))
        events.settimeout(60)
        events.sendall(b"GET /__proceedings/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        stream = events.makefile("rb")

        def wait_reload():
            for raw in stream:
                if raw.strip() == b"event: reload":
                    return
            sys.exit("event stream closed")

        target = serving.first_session(args.corpus)
        with open(target, encoding="utf-8") as fh:
            original = fh.read()
        samples = []
        for i in range(args.runs):
            time.sleep(0.3)  # let the previous rebuild settle
            start = time.perf_counter()
            if args.edit == "body":
                with open(target, "a", encoding="utf-8") as fh:
                    fh.write(f"\nEdit {i}.\n")
            else:
                with open(target, "w", encoding="utf-8") as fh:
                    fh.write(edited(original, args.edit, i))
            wait_reload()
            samples.append((time.perf_counter() - start) * 1000)
            print(f"run {i + 1}: {samples[-1]:.0f} ms", flush=True)
        print(f"median save-to-reload ({args.edit} edits): "
              f"{statistics.median(samples):.0f} ms over {len(samples)} edits")
    finally:
        server.terminate()
        server.wait()
        # The edits are appended to a real file (maybe the bundled site): put it back.
        if original is not None:
            with open(target, "w", encoding="utf-8") as fh:
                fh.write(original)


def edited(text, edit, i):
    """The session file with edit number `i` of kind `edit` ("title", "speaker" or "topic")."""
    if edit == "title":
        return re.sub(r"^title: .*$", f'title: "Edited title {i}"', text, count=1, flags=re.M)
    if edit == "topic":
        return re.sub(r"^topics: .*$", f'topics: ["Edited topic {i}"]', text, count=1, flags=re.M)
    return re.sub(r"^speakers:\n", f'speakers:\n  - "Edited Speaker {i}"\n', text,
                  count=1, flags=re.M)


if __name__ == "__main__":
    main()
