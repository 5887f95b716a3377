#!/usr/bin/env python3
"""Save-to-reload latency of `proceedings serve --watch`.

    python3 benches/serve_latency.py CORPUS_DIR [--runs 10] [--pause 0.3]
                                     [--edit body|title|speaker|topic|event]
                                     [--bin target/release/proceedings]

Starts the server on a free loopback port, listens to its live-reload events
(/__proceedings/events), then edits one session file RUNS times, PAUSE seconds
apart, and measures the time from the write to the `reload` event reaching the
client. `--edit body`
(the default) appends a line to the body, which re-renders one page; `--edit
title` changes the title in the front matter, which re-renders that session and
the lists that show it; `--edit speaker` adds a new speaker (a new person each
time, the previous one gone), which also changes the site's people and the
speakers index; `--edit topic` gives the session a new topic; `--edit event`
moves it to a new event (each time another, the previous one gone); `--edit new`
writes a new session file beside it (a copy with another title), and `--edit
delete` deletes such a file (made before the server starts).
Each edit writes the whole file in one
system call, as editors do; a reload left over from the previous edit (an
editor's write seen in two parts) is dropped, and counted, before the next.
Prints every sample and the median. Standard library only.
"""
import argparse
import os
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
    ap.add_argument("--pause", type=float, default=0.3,
                    help="seconds between edits; from 0.4 the search-index job runs between them")
    ap.add_argument("--edit", choices=["body", "title", "speaker", "topic", "event", "new",
                                       "delete"],
                    default="body")
    ap.add_argument("--bin", default=serving.DEFAULT_BIN)
    args = ap.parse_args()

    target = serving.first_session(args.corpus)
    with open(target, encoding="utf-8") as fh:
        original = fh.read()
    # New files sit beside the first session; for `delete`, they exist before the server
    # starts. All are removed at the end.
    extra = [os.path.join(os.path.dirname(target), f"zz-bench-{args.edit}-{i}.md")
             for i in range(args.runs)] if args.edit in ("new", "delete") else []
    if args.edit == "delete":
        for i, path in enumerate(extra):
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(edited(original, "title", i))
    server, port = serving.start(args.bin, args.corpus)
    try:
        events = Events(port)
        samples, stale = [], 0
        for i in range(args.runs):
            time.sleep(args.pause)  # let the previous rebuild settle
            # A reload left over from the previous edit would end this one at once.
            stale += events.drain()
            if args.edit == "body":
                text = original + "".join(f"\nEdit {n}.\n" for n in range(i + 1))
            elif args.edit == "new":
                text = edited(original, "title", i)
            elif args.edit != "delete":
                text = edited(original, args.edit, i)
            start = time.perf_counter()
            if args.edit == "delete":
                os.remove(extra[i])
            else:
                write(extra[i] if extra else target, text.encode("utf-8"))
            events.wait_reload()
            samples.append((time.perf_counter() - start) * 1000)
            print(f"run {i + 1}: {samples[-1]:.0f} ms", flush=True)
        print(f"median save-to-reload ({args.edit} edits): "
              f"{statistics.median(samples):.0f} ms over {len(samples)} edits"
              + (f" ({stale} extra reloads)" if stale else ""))
    finally:
        server.terminate()
        server.wait()
        # The edits are made to a real site (maybe the bundled one): put it back.
        with open(target, "w", encoding="utf-8") as fh:
            fh.write(original)
        for path in extra:
            if os.path.exists(path):
                os.remove(path)


class Events:
    """The server's live-reload event stream."""

    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.settimeout(60)
        self.sock.sendall(b"GET /__proceedings/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        self.buf = b""

    def drain(self):
        """Drops what has arrived so far; returns how many reloads that held."""
        self.sock.setblocking(False)
        try:
            while True:
                chunk = self.sock.recv(65536)
                if not chunk:
                    break
                self.buf += chunk
        except BlockingIOError:
            pass
        finally:
            self.sock.settimeout(60)
        reloads = self.buf.count(b"event: reload")
        self.buf = b""
        return reloads

    def wait_reload(self):
        while True:
            while b"\n" not in self.buf:
                chunk = self.sock.recv(65536)
                if not chunk:
                    sys.exit("event stream closed")
                self.buf += chunk
            line, self.buf = self.buf.split(b"\n", 1)
            if line.strip() == b"event: reload":
                return


def write(path, data):
    """Writes the file as editors do: the whole text in one system call."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        os.write(fd, data)
    finally:
        os.close(fd)


def edited(text, edit, i):
    """The session file with edit number `i` of kind `edit` (any but "body")."""
    if edit == "title":
        return re.sub(r"^title: .*$", f'title: "Edited title {i}"', text, count=1, flags=re.M)
    if edit == "topic":
        return re.sub(r"^topics: .*$", f'topics: ["Edited topic {i}"]', text, count=1, flags=re.M)
    if edit == "event":
        return re.sub(r"^event: .*$", f'event: "Edited event {i}"', text, count=1, flags=re.M)
    return re.sub(r"^speakers:\n", f'speakers:\n  - "Edited Speaker {i}"\n', text,
                  count=1, flags=re.M)


if __name__ == "__main__":
    main()
