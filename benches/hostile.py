#!/usr/bin/env python3
"""Scaling check for hostile inputs: every stage must stay near-linear in its input.

usage: python3 benches/hostile.py [BIN] [--only NAME] [--factor F]

Each case writes one site whose single session file is made big in one way (the
same speaker listed again and again, raw HTML nested deep, thousands of headings
with one title, ...) at a base size n and at F*n (default F=4), builds both with
BIN (default target/release/proceedings) and prints the two user CPU times
(steadier than wall or system time on a shared machine) and their ratio. Near-linear means a ratio close to F; a quadratic stage shows F*F. A case
may also end in a clear error (a limit), which must come as fast; the output says
which. The script exits 1 when a ratio exceeds 2*F or a build takes over 60 s.
"""
import os
import resource
import shutil
import subprocess
import sys
import tempfile


def front(extra, body=""):
    return f"---\ntitle: Hostile\n{extra}---\n{body}\n"


def same_speaker(n):
    people = "".join("  - Ana Lima\n" for _ in range(n))
    return front(f"speakers:\n{people}")


def html_and_deep_markdown(n):
    return front("", "<b>raw</b>\n\n" + "> " * n + "x\n")


def distinct_speakers(n):
    people = "".join(f"  - Person Number{i}\n" for i in range(n))
    return front(f"speakers:\n{people}")


def unknown_countries(n):
    people = "".join(f"  - {{name: P{i} Q, country: Atlantis{i}}}\n" for i in range(n))
    return front(f"speakers:\n{people}")


def nested_divs(n):
    return front("", "<div>" * n + "x" + "</div>" * n)


def unclosed_tags(n):
    return front("", "<b><i><span>" * n + "x")


def nested_quotes(n):
    return front("", ">" * n + " x\n")


def nested_lists(n):
    # "- - - x" nests one list per two bytes (indented lines would grow as n*n).
    return front("", "- " * n + "x\n")


def same_headings(n):
    return front("", "".join("## Same\n\ntext\n\n" for _ in range(n)))


def footnotes(n):
    refs = "".join(f"a[^{i}] " for i in range(n))
    defs = "".join(f"[^{i}]: note {i}\n" for i in range(n))
    return front("", refs + "\n\n" + defs)


def emphasis(n):
    return front("", "*a **b " * n)


def links(n):
    return front("", "[a](b " * n)


def topics(n):
    items = "".join(f"  - Topic {i}\n" for i in range(n))
    return front(f"topics:\n{items}")


def long_title(n):
    return f"---\ntitle: \"{'word ' * n}\"\n---\nx\n"


def long_line(n):
    return front("", "x" * (n * 10))


CASES = {
    "same-speaker": (same_speaker, 50_000),
    "distinct-speakers": (distinct_speakers, 4_000),
    "unknown-countries": (unknown_countries, 2_000),
    "nested-divs": (nested_divs, 5_000),
    "html-deep-quotes": (html_and_deep_markdown, 5_000),
    "unclosed-tags": (unclosed_tags, 5_000),
    "nested-quotes": (nested_quotes, 200_000),
    "nested-lists": (nested_lists, 100_000),
    "same-headings": (same_headings, 50_000),
    "footnotes": (footnotes, 50_000),
    "emphasis": (emphasis, 200_000),
    "links": (links, 200_000),
    "topics": (topics, 10_000),
    "long-title": (long_title, 500_000),
    "long-line": (long_line, 1_000_000),
}


def build(binary, text):
    # On tmpfs when there is one: the disk's speed is not what is measured here.
    scratch = "/dev/shm" if os.path.isdir("/dev/shm") else None
    site = tempfile.mkdtemp(prefix="hostile-", dir=scratch)
    try:
        os.makedirs(os.path.join(site, "sessions"))
        with open(os.path.join(site, "sessions", "a.md"), "w") as f:
            f.write(text)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        try:
            run = subprocess.run(
                [binary, "build", site], capture_output=True, text=True, timeout=60
            )
        except subprocess.TimeoutExpired:
            return 60.0, "timeout"
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        # User CPU time: on a shared machine wall time follows the neighbours, and
        # system time follows the kernel's page reclaim (it varied 4x between runs
        # of one input here); the work the program does shows in user time.
        elapsed = after.ru_utime - before.ru_utime
        if "panicked" in run.stderr:
            return elapsed, "PANIC"
        if run.returncode == 0:
            warnings = run.stderr.count(": warning: ")
            return elapsed, f"built ({warnings} warning lines)" if warnings else "built"
        first = run.stderr.splitlines()[0] if run.stderr else ""
        return elapsed, "error: " + first.split(" error: ", 1)[-1][:70]
    finally:
        shutil.rmtree(site, ignore_errors=True)


def main():
    args = sys.argv[1:]
    only = None
    factor = 4
    if "--only" in args:
        i = args.index("--only")
        only = args[i + 1]
        del args[i : i + 2]
    if "--factor" in args:
        i = args.index("--factor")
        factor = int(args[i + 1])
        del args[i : i + 2]
    binary = args[0] if args else "target/release/proceedings"
    bad = False
    print(f"{'case':<18} {'n':>8} {'t(n)':>7} {'t(' + str(factor) + 'n)':>7} {'ratio':>6}  result")
    for name, (make, n) in CASES.items():
        if only and name != only:
            continue
        small, _ = build(binary, make(n))
        large, result = build(binary, make(n * factor))
        ratio = large / max(small, 0.01)
        flag = ""
        if ratio > 2 * factor or large >= 60 or result in ("timeout", "PANIC"):
            flag = "  <-- superlinear" if result not in ("timeout", "PANIC") else "  <-- " + result
            bad = True
        print(f"{name:<18} {n:>8} {small:>7.2f} {large:>7.2f} {ratio:>6.1f}  {result}{flag}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
